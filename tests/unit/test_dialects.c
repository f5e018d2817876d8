/* SPDX-License-Identifier: MIT */
/* What the reader makes of other tools' GraphML: the fixtures in
 * tests/data/dialects, checked value by value (tests/cli/dialects.sh checks
 * the same files through `clustermap info`). */
#include "tap.h"
#include "getters.h"

#include <clustermap.h>

#include <locale.h>

static cm_series *load(cm_ctx *ctx, const char *name, const char *map)
{
	const char *top = getenv("top_srcdir");
	char path[1024];
	snprintf(path, sizeof(path), "%s/tests/data/dialects/%s", top ? top : ".", name);
	cm_read_opts opts;
	cm_read_opts_init(&opts, CM_READ_OPTS_VERSION);
	opts.map = map;
	cm_series *s = NULL;
	cm_ctx_clear(ctx);
	if (cm_series_read_file(&s, ctx, path, &opts))
		printf("# %s: %s\n", name, cm_ctx_errmsg(ctx));
	return s;
}

/* The node with this id, or SIZE_MAX. */
static size_t node(const cm_network *n, const char *id)
{
	size_t i;
	return n && cm_network_find_node(&i, n, id) == 0 ? i : (size_t)-1;
}

static const char *label(const cm_network *n, const char *id)
{
	size_t i = node(n, id);
	return i == (size_t)-1 ? NULL : t_node_label(n, i);
}

static void test_yed(cm_ctx *ctx)
{
	cm_series *s = load(ctx, "yed.graphml", NULL);
	const cm_network *n = t_series_get(s, 0);
	ok(n != NULL, "yEd file loads");
	is_str(label(n, "n0"), "Filatura Società", "yEd: y:NodeLabel text is the label (UTF-8)");
	is_str(label(n, "n1"), "Tessitura Cai & C.", "yEd: the first of several NodeLabels counts");
	is_str(label(n, "n3"), "n3", "yEd: a node without graphics is labelled by its id");
	ok(n && t_node_kind(n, node(n, "n0")) == CM_KIND_FIRM, "yEd: a CDATA <default> applies");
	ok(n && t_node_kind(n, node(n, "n2")) == CM_KIND_TRAINING, "yEd: CDATA value read");
	ok(n && t_node_size(n, node(n, "n0")) == CM_SIZE_MEDIUM, "yEd: size word read");
	ok(n && !(t_node_has(n, node(n, "n2")) & CM_HAS_SIZE), "yEd: an empty <data/> is no value");
	is_str(n ? t_node_attr(n, node(n, "n0"), "description") : "", NULL,
	       "yEd: empty description is not stored");
	cm_series_free(s);
}

static void test_gephi(cm_ctx *ctx)
{
	cm_series *s = load(ctx, "gephi.graphml", NULL);
	const cm_network *n = t_series_get(s, 0);
	ok(n != NULL, "Gephi file loads");
	is_str(label(n, "3"), "Confindustria Toscana Nord", "Gephi: label key");
	ok(n && t_node_size(n, node(n, "0")) == CM_SIZE_LARGE,
	   "Gephi: the float display size does not override employees");
	ok(n && t_node_size(n, node(n, "1")) == CM_SIZE_SMALL, "Gephi: 12 employees");
	ok(n && t_edge_directed(n, 3) == 0, "Gephi: type=\"undirected\" on an edge");
	ok(n && t_edge_directed(n, 4) == 1, "Gephi: type=\"directed\" on an edge");
	ok(n && t_edge_directed(n, 0) == 1, "Gephi: edgedefault when no type");
	is_double(n ? t_edge_weight(n, 4) : 0, 3.0, 0, "Gephi: weight");
	is_str(n ? t_node_attr(n, 0, "x") : NULL, "-112.53409", "Gephi: x kept as written");
	cm_series_free(s);
}

static void test_cytoscape(cm_ctx *ctx)
{
	cm_series *s = load(ctx, "cytoscape.graphml", "relation=interaction");
	const cm_network *n = t_series_get(s, 0);
	ok(n != NULL, "Cytoscape file (no namespace, repeated keys) loads");
	is_str(label(n, "120"), "Rifinizione Sarti", "Cytoscape: name is the label");
	is_str(n ? t_layer_name(n, 1) : NULL, "association",
	       "Cytoscape: --map relation=interaction, member -> association");
	is_str(n ? t_node_attr(n, node(n, "120"), "selected") : NULL, "true",
	       "Cytoscape: boolean kept");
	is_str(n ? t_edge_attr(n, 0, "SUID") : NULL, "130",
	       "Cytoscape: a node key used on edges is read there");
	cm_series_free(s);
}

static void test_features(cm_ctx *ctx)
{
	static const char *const ids[] = {"a", "b", "c", "d", "e", "f"};
	static const char *const want[] = {"true", "false", "true", "false", "true", "false"};
	cm_series *s = load(ctx, "features.graphml", NULL);
	const cm_network *n = t_series_get(s, 0);
	ok(n != NULL && cm_series_count(s) == 2, "features file: two snapshots");
	for (size_t i = 0; n && i < 6; i++)
		is_str(t_node_attr(n, node(n, ids[i]), "exporter"), want[i],
		       "boolean spelling read");
	is_str(label(n, "a"), "Lanificio A", "for=\"all\" key on a node");
	is_str(n ? cm_network_label(n) : NULL, "Prato, 2015", "for=\"all\" key on a graph");
	is_int(n ? cm_network_year(n) : 0, 2015, "graph year");
	is_int(n ? t_edge_year(n, 0) : 0, 2014, "for=\"all\" key on an edge");
	static const int directed[] = {0, 1, 1, 1, 0, 0};
	for (size_t e = 0; n && e < 6; e++)
		is_int(t_edge_directed(n, e), directed[e], "per-edge directed over edgedefault");
	is_str(n ? t_node_attr(n, 0, "colour") : NULL, "#ff0000",
	       "unknown attr.type read as a string");
	const cm_network *m = t_series_get(s, 1);
	ok(m && t_edge_directed(m, 0) == 1, "no edgedefault: directed (GraphML default)");
	ok(m && t_edge_directed(m, 1) == 0, "directed=\"false\" on a directed graph");
	cm_series_free(s);
}

/* Numbers parse with a decimal point whatever the locale, and a decimal
 * comma is an error. CM_TEST_LOCALE names a locale to try first
 * (tests/cli/dialects.sh builds one); skipped without a comma locale. */
static void test_locale(cm_ctx *ctx)
{
	const char *names[] = {getenv("CM_TEST_LOCALE"), "de_DE.UTF-8", "it_IT.UTF-8"};
	const char *got = NULL;
	for (size_t i = 0; !got && i < 3; i++)
		if (names[i] && setlocale(LC_ALL, names[i]) && *localeconv()->decimal_point == ',')
			got = names[i];
	if (!got) {
		printf("ok %d - numbers under a comma locale # SKIP no such locale\n", ++tap_count);
		setlocale(LC_ALL, "C");
		return;
	}
	const char *xml = "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"
	                  "<key id='w' for='edge' attr.name='weight' attr.type='double'/>"
	                  "<graph><node id='a'/><node id='b'/><edge source='a' target='b'>"
	                  "<data key='w'>%s</data></edge></graph></graphml>";
	char buf[512];
	cm_series *s = NULL;
	snprintf(buf, sizeof(buf), xml, "2.5");
	int rc = cm_series_read_buffer(&s, ctx, buf, strlen(buf), NULL);
	ok(rc == 0 && t_edge_weight(t_series_get(s, 0), 0) == 2.5, "under %s, 2.5 reads as 2.5",
	   got);
	cm_series_free(s);
	snprintf(buf, sizeof(buf), xml, "2,5");
	cm_ctx_clear(ctx);
	ok(cm_series_read_buffer(&s, ctx, buf, strlen(buf), NULL) == CM_EPARSE &&
	       strstr(cm_ctx_errmsg(ctx), "use a decimal point, not a comma"),
	   "under %s, 2,5 is an error", got);
	setlocale(LC_ALL, "C");
}

/* --flip-information turns asker -> adviser into giver -> receiver and
 * leaves the other layers alone. */
static void test_flip(cm_ctx *ctx)
{
	const char *xml =
	    "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"
	    "<key id='r' for='edge' attr.name='relation'/><graph>"
	    "<node id='asker'/><node id='adviser'/>"
	    "<edge source='asker' target='adviser'><data key='r'>advice</data></edge>"
	    "<edge source='asker' target='adviser'><data key='r'>supplier</data></edge>"
	    "</graph></graphml>";
	cm_read_opts opts;
	cm_read_opts_init(&opts, CM_READ_OPTS_VERSION);
	opts.flip_information = 1;
	cm_series *s = NULL;
	cm_ctx_clear(ctx);
	cm_series_read_buffer(&s, ctx, xml, strlen(xml), &opts);
	const cm_network *n = t_series_get(s, 0);
	ok(n && t_edge_source(n, 0) == 1 && t_edge_target(n, 0) == 0,
	   "--flip-information: adviser -> asker");
	ok(n && t_edge_source(n, 1) == 0, "--flip-information leaves supplier ties");
	cm_series_free(s);
}

int main(void)
{
	cm_ctx *ctx;
	if (cm_ctx_new(&ctx))
		return 1;
	test_yed(ctx);
	test_gephi(ctx);
	test_cytoscape(ctx);
	test_features(ctx);
	test_flip(ctx);
	test_locale(ctx);
	cm_ctx_free(ctx);
	return tap_done();
}
