/* SPDX-License-Identifier: MIT */
/* The GraphML reader: data model, dialects and direction. Error messages
 * are checked by tests/cli/errors.sh against expected files. */
#include "tap.h"
#include "getters.h"

#include <clustermap.h>

static cm_series *read_str(cm_ctx *ctx, const char *xml)
{
	cm_series *s = NULL;
	cm_ctx_clear(ctx);
	if (cm_series_read_buffer(&s, ctx, xml, strlen(xml), NULL))
		printf("# read failed: %s\n", cm_ctx_errmsg(ctx));
	return s;
}

#define HEAD "<?xml version='1.0'?><graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"

static void test_model(cm_ctx *ctx)
{
	const char *xml =
	    HEAD "<key id='k' for='node' attr.name='kind' attr.type='string'/>"
	         "<key id='s' for='node' attr.name='employees' attr.type='int'/>"
	         "<key id='o' for='node' attr.name='ownership' "
	         "attr.type='string'><default>local</default></key>"
	         "<key id='r' for='edge' attr.name='relation' attr.type='string'/>"
	         "<key id='w' for='edge' attr.name='weight' attr.type='double'/>"
	         "<graph id='g' edgedefault='directed'>"
	         "<node id='a'><data key='k'>association</data><data key='s'>3</data></node>"
	         "<node id='b'><data key='s'>49</data><data key='o'>external</data></node>"
	         "<node id='c'><data key='s'>250</data></node>"
	         "<edge source='b' target='a'><data key='r'>membership</data></edge>"
	         "<edge source='b' target='c' directed='false'><data key='r'>subcontracting</data>"
	         "<data key='w'>2.5</data></edge>"
	         "<edge source='c' target='b'><data key='r'>marriage</data></edge>"
	         "</graph></graphml>";
	cm_series *s = read_str(ctx, xml);
	const cm_network *n = t_series_get(s, 0);
	ok(n != NULL, "model file reads");
	if (!n)
		return;
	is_int(cm_network_node_count(n), 3, "three nodes");
	is_int(t_node_kind(n, 0), CM_KIND_ASSOCIATION, "kind read");
	is_int(t_node_kind(n, 1), CM_KIND_FIRM, "kind defaults to firm");
	is_int(t_node_size(n, 0), CM_SIZE_MICRO, "3 employees is micro");
	is_int(t_node_size(n, 1), CM_SIZE_SMALL, "49 employees is small");
	is_int(t_node_size(n, 2), CM_SIZE_LARGE, "250 employees is large");
	is_int(t_node_ownership(n, 1), CM_OWNERSHIP_EXTERNAL, "ownership read");
	is_int(t_node_ownership(n, 0), CM_OWNERSHIP_LOCAL, "key default applies");
	is_int(cm_network_layer_count(n), 3, "three layers");
	is_str(t_layer_name(n, 0), "supplier", "aliases fold, standard layers first");
	is_str(t_layer_name(n, 1), "association", "membership is association");
	is_str(t_layer_name(n, 2), "marriage", "custom layer kept");
	is_int(t_edge_directed(n, 1), 0, "per-edge directed=false honoured");
	is_int(t_edge_directed(n, 0), 1, "edgedefault honoured");
	is_double(t_edge_weight(n, 1), 2.5, 0, "weight read");
	is_double(t_edge_weight(n, 0), 1, 0, "weight defaults to 1");
	size_t idx = 99;
	ok(cm_network_find_node(&idx, n, "c") == 0 && idx == 2, "find node by id");
	ok(cm_network_find_node(&idx, n, "zz") == CM_ENOTFOUND, "unknown id not found");
	is_int(cm_ctx_diag_count(ctx), 1, "one warning (custom relation)");
	cm_series_free(s);
}

/* The names of a network's layers (which == NULL), or of each edge's layer,
 * in order, joined by spaces. */
static void layer_names(char *out, size_t size, const cm_network *n, int per_edge)
{
	size_t count = !n ? 0 : per_edge ? cm_network_edge_count(n) : cm_network_layer_count(n);
	out[0] = '\0';
	for (size_t i = 0; i < count; i++) {
		size_t at = strlen(out);
		size_t k = per_edge ? t_edge_layer(n, i) : i;
		snprintf(out + at, size - at, "%s%s", i ? " " : "", t_layer_name(n, k));
	}
}

/* Edges a to b, one per word of relations; a word "x,y" gives the edge its
 * relation twice, and the last one is kept. */
static cm_series *read_relations(cm_ctx *ctx, const char *relations)
{
	char xml[2048], edges[1024] = "", word[64];
	for (const char *p = relations; *p;) {
		size_t len = strcspn(p, " "), at = strlen(edges);
		snprintf(word, sizeof(word), "%.*s", (int)len, p);
		snprintf(edges + at, sizeof(edges) - at, "<edge source='a' target='b'>");
		for (char *r = strtok(word, ","); r; r = strtok(NULL, ",")) {
			at = strlen(edges);
			snprintf(edges + at, sizeof(edges) - at, "<data key='r'>%s</data>", r);
		}
		at = strlen(edges);
		snprintf(edges + at, sizeof(edges) - at, "</edge>");
		p += len + (p[len] == ' ');
	}
	snprintf(xml, sizeof(xml),
	         HEAD
	         "<key id='r' for='edge' attr.name='relation' attr.type='string'/>"
	         "<graph edgedefault='directed'><node id='a'/><node id='b'/>%s</graph></graphml>",
	         edges);
	return read_str(ctx, xml);
}

/* Layers are put in standard order after the last edge, and each edge's
 * layer index follows its layer whether or not the order changed. */
static void test_layer_order(cm_ctx *ctx)
{
	static const struct {
		const char *relations, *layers, *edges, *why;
	} cases[] = {
	    {"supplier association information supplier", "supplier association information",
	     "supplier association information supplier", "already in order: nothing moves"},
	    {"information marriage supplier membership",
	     "supplier association information marriage",
	     "information marriage supplier association", "standard layers first, custom last"},
	    {"supplier membership,information", "supplier information", "supplier information",
	     "a layer emptied by a repeated relation is dropped, the next moves up"},
	    {"supplier membership,information association", "supplier association information",
	     "supplier information association", "an emptied layer that comes back stays"},
	    {"supplier marriage,association marriage", "supplier association marriage",
	     "supplier association marriage", "a custom layer goes after a later standard one"},
	    {"supplier advice,supplier", "supplier", "supplier supplier",
	     "the last layer emptied: the others keep their places"},
	};
	char got[256];
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		cm_series *s = read_relations(ctx, cases[c].relations);
		const cm_network *n = t_series_get(s, 0);
		layer_names(got, sizeof(got), n, 0);
		is_str(got, cases[c].layers, cases[c].why);
		layer_names(got, sizeof(got), n, 1);
		is_str(got, cases[c].edges, "each edge keeps the relation given last");
		cm_series_free(s);
	}
}

static void test_yed(cm_ctx *ctx)
{
	const char *xml = HEAD
	    "<key id='d0' for='node' yfiles.type='nodegraphics'/>"
	    "<graph edgedefault='undirected'>"
	    "<node id='n0'><data key='d0'><y:ShapeNode xmlns:y='http://www.yworks.com/xml/graphml'>"
	    "<y:NodeLabel>Lanificio &amp; Co</y:NodeLabel></y:ShapeNode></data></node>"
	    "<node id='n1'/><edge source='n0' target='n1'/>"
	    "</graph></graphml>";
	cm_series *s = read_str(ctx, xml);
	const cm_network *n = t_series_get(s, 0);
	ok(n && !strcmp(t_node_label(n, 0), "Lanificio & Co"), "yEd NodeLabel is the label");
	ok(n && !strcmp(t_node_label(n, 1), "n1"), "label falls back to id");
	ok(n && !strcmp(t_layer_name(n, 0), "untyped"), "edges without relation");
	cm_series_free(s);
}

static void test_snapshots(cm_ctx *ctx)
{
	const char *xml = HEAD
	    "<key id='y' for='graph' attr.name='year' attr.type='int'/>"
	    "<graph id='a' edgedefault='undirected'><data key='y'>2015</data><node id='x'/></graph>"
	    "<graph id='b' edgedefault='undirected'><data key='y'>2018</data><node id='x'/><node "
	    "id='z'/></graph>"
	    "</graphml>";
	cm_series *s = read_str(ctx, xml);
	is_int(cm_series_count(s), 2, "two snapshots");
	ok(s && cm_network_year(t_series_get(s, 1)) == 2018, "graph-level year");
	ok(s && cm_network_node_count(t_series_get(s, 1)) == 2, "ids are per snapshot");
	cm_series_free(s);
}

static void test_edges_before_nodes(cm_ctx *ctx)
{
	const char *xml = HEAD "<graph edgedefault='directed'><edge source='p' target='q'/>"
	                       "<node id='p'/><node id='q'/></graph></graphml>";
	cm_series *s = read_str(ctx, xml);
	const cm_network *n = t_series_get(s, 0);
	ok(n && t_edge_source(n, 0) == 0 && t_edge_target(n, 0) == 1,
	   "edges may precede their nodes");
	cm_series_free(s);
}

static void test_locale_independent(cm_ctx *ctx)
{
	cm_read_opts opts;
	cm_read_opts_init(&opts, CM_READ_OPTS_VERSION);
	opts.map = "relation=type,weight=strength";
	const char *xml = HEAD "<key id='t' for='edge' attr.name='type'/>"
	                       "<key id='w' for='edge' attr.name='strength' attr.type='float'/>"
	                       "<graph edgedefault='directed'><node id='p'/><node id='q'/>"
	                       "<edge source='p' target='q'><data key='t'>supply</data>"
	                       "<data key='w'>0.25</data></edge></graph></graphml>";
	cm_series *s = NULL;
	cm_ctx_clear(ctx);
	ok(cm_series_read_buffer(&s, ctx, xml, strlen(xml), &opts) == 0, "--map renames");
	const cm_network *n = t_series_get(s, 0);
	ok(n && !strcmp(t_layer_name(n, 0), "supplier"), "mapped relation");
	ok(n && t_edge_weight(n, 0) == 0.25, "mapped weight");
	cm_series_free(s);
}

/* libxml2 hands each '&' of an attribute value over as "&#38;", which the
 * reader must decode (docs/findings.md, #15). */
static void test_ampersand_in_attributes(cm_ctx *ctx)
{
	const char *xml = HEAD "<key id='k&amp;1' for='node' attr.name='R&amp;D partner'/>"
	                       "<graph id='g&#38;1' edgedefault='undirected'>"
	                       "<node id='a&amp;b'><data key='k&amp;1'>yes</data></node>"
	                       "<node id='A&amp;amp;B'/><node id='c'/>"
	                       "<edge source='a&amp;b' target='A&amp;amp;B'/>"
	                       "<edge source='c' target='a&#38;b'/></graph></graphml>";
	cm_series *s = read_str(ctx, xml);
	const cm_network *n = t_series_get(s, 0);
	ok(n && !strcmp(cm_network_id(n), "g&1"), "& in a graph id");
	ok(n && !strcmp(t_node_id(n, 0), "a&b"), "&amp; in a node id");
	ok(n && !strcmp(t_node_id(n, 1), "A&amp;B"), "&amp;amp; reads as &amp;");
	ok(n && cm_network_node_count(n) == 3 && cm_network_edge_count(n) == 2,
	   "edge ends with & find their nodes");
	ok(n && t_edge_target(n, 1) == 0, "&#38; and &amp; name the same node");
	const char *v = n ? t_node_attr(n, 0, "R&D partner") : NULL;
	ok(v && !strcmp(v, "yes"), "& in a key id and an attribute name");
	cm_series_free(s);
}

/* The escaping of input in messages (docs/graphml.md, "Messages"). */
static void test_escape(void)
{
	char b[64];
	cm_escape(b, sizeof(b), "a\nb\tc\rd\x01\x7f\xc2\x9b\xc2\xa0\\n\xc3\xa9");
	ok(!strcmp(b, "a\\nb\\tc\\rd\\x01\\x7F\\u{9B}\xc2\xa0\\n\xc3\xa9"),
	   "escape: C0, DEL and C1 escaped; NBSP, a backslash and e-acute kept (%s)", b);
	cm_escape(b, sizeof(b), "\xff\xc3(\xed\xa0\x80\xe0\x80\x80");
	ok(!strcmp(b, "\\xFF\\xC3(\\xED\\xA0\\x80\\xE0\\x80\\x80"),
	   "escape: bytes that are not UTF-8 (%s)", b);
	size_t n = cm_escape(b, 5, "ab\ncd");
	ok(n == 4 && !strcmp(b, "ab\\n"), "escape: a cut keeps whole escapes");
	n = cm_escape(b, 4, "ab\ncd");
	ok(n == 2 && !strcmp(b, "ab"), "escape: an escape that does not fit is left out");
	n = cm_escape(b, 3, "a\xc3\xa9");
	ok(n == 1 && !strcmp(b, "a"), "escape: a character that does not fit is left out");
}

int main(void)
{
	cm_ctx *ctx;
	if (cm_ctx_new(&ctx))
		return 1;
	test_model(ctx);
	test_yed(ctx);
	test_layer_order(ctx);
	test_snapshots(ctx);
	test_edges_before_nodes(ctx);
	test_locale_independent(ctx);
	test_ampersand_in_attributes(ctx);
	test_escape();
	cm_network_free(NULL);
	cm_series_free(NULL);
	cm_ctx_free(NULL);
	ok(1, "free functions accept NULL");
	cm_ctx_free(ctx);
	return tap_done();
}
