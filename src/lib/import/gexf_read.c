/* SPDX-License-Identifier: MIT */
/* GEXF (Gephi's format, 1.1 to 1.3), streamed through libxml2's SAX2 push
 * parser with the limits and the hostile-input rules of the GraphML reader:
 * no DOCTYPE, no entities, nothing loaded. Declared attributes map onto
 * the model as GraphML keys of the same title (docs/formats.md). */
#include "graphml/xmlscan.h"
#include "import.h"
#include "sax.h"

#include <libxml/parser.h>

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

enum { CHUNK = 64 * 1024 };

typedef struct gattr {
	const char *id, *title, *def; /* arena of the reader */
	int target;                   /* CM__FOR_NODE or CM__FOR_EDGE */
} gattr;

typedef struct gx {
	cm_ctx *ctx;
	const char *file;
	const cm_read_opts *opts;
	xmlParserCtxtPtr xml;
	cm__xmlscan scan; /* the bytes before libxml2 sees them */
	cm_series *series;
	cm_network *net;
	cm__attrs attrs;
	cm__arena arena;
	gattr *decl;
	size_t ndecl, dcap;
	int cls;             /* class of the <attributes> open: CM__FOR_NODE/EDGE, 0 none */
	int in;              /* CM__FOR_NODE or CM__FOR_EDGE while one is open, else 0 */
	size_t cur;          /* its index */
	unsigned char *seen; /* attributes given for it, by declaration */
	size_t seen_cap;
	int default_directed, in_default, node_depth;
	size_t depth, skip_depth, total_nodes, total_edges, errors;
	char *text;
	size_t text_len, text_cap;
	int warned_viz, warned_dynamic, warned_nested;
	int stop;
} gx;

static unsigned long xml_line(const gx *g)
{
	return g->xml ? (unsigned long)xmlSAX2GetLineNumber(g->xml) : 0;
}

static unsigned long xml_col(const gx *g)
{
	return g->xml ? (unsigned long)xmlSAX2GetColumnNumber(g->xml) : 0;
}

/* A diagnostic where the parser is (cm__reader_diag). */
#define diag(g, level, ...)                                                                        \
	do {                                                                                       \
		if (cm__reader_diag((g)->ctx, &(g)->errors, level, (g)->file, xml_line(g),         \
		                    xml_col(g), __VA_ARGS__))                                      \
			(g)->stop = CM_ENOMEM;                                                     \
	} while (0)

static void halt(gx *g, int code)
{
	if (!g->stop)
		g->stop = code;
	xmlStopParser(g->xml);
}

static void limit(gx *g, const char *what, const char *option, unsigned long long max)
{
	diag(g, CM_DIAG_ERROR, "%s exceeds the limit of %llu; raise it with --max-%s", what, max,
	     option);
	halt(g, CM_ELIMIT);
}

/* An attribute of the element, NUL-terminated in the reader's arena
 * (SAX2's values are not), within the id and value length limits. */
static const char *attr(gx *g, const xmlChar **a, int n, const char *name)
{
	for (int i = 0; i < n; i++, a += 5) {
		if (strcmp((const char *)a[0], name))
			continue;
		size_t len = (size_t)(a[4] - a[3]);
		size_t max = g->ctx->limits.max_value_length;
		if (max && len > max) {
			limit(g, "value length", "value-length", max);
			return NULL;
		}
		const char *v = cm__arena_strndup(&g->arena, (const char *)a[3], len);
		if (!v)
			halt(g, CM_ENOMEM);
		return v;
	}
	return NULL;
}

/* ------------------------------------------------------------ declarations */

static void start_attribute(gx *g, const xmlChar **a, int n)
{
	const char *id = attr(g, a, n, "id"), *title = attr(g, a, n, "title");
	if (!id) {
		if (!g->stop)
			diag(g, CM_DIAG_ERROR, "<attribute> has no id; add id=\"...\"");
		return;
	}
	if (cm__grow((void **)&g->decl, &g->dcap, g->ndecl + 1, sizeof(*g->decl)) ||
	    cm__grow((void **)&g->seen, &g->seen_cap, g->ndecl + 1, 1)) {
		halt(g, CM_ENOMEM);
		return;
	}
	g->decl[g->ndecl++] = (gattr){id, title ? title : id, NULL, g->cls};
	g->seen[g->ndecl - 1] = 0;
}

static long find_decl(gx *g, const char *id, int target)
{
	for (size_t k = 0; k < g->ndecl; k++)
		if (g->decl[k].target == target && !strcmp(g->decl[k].id, id))
			return (long)k;
	return -1;
}

/* ------------------------------------------------------------ values */

static void apply(gx *g, const char *name, const char *value)
{
	cm__value_error err = {0};
	int rc =
	    cm__attrs_apply(&err, &g->attrs, g->ctx, g->opts, g->net, g->in, g->cur, name, value);
	if (rc == CM_ENOMEM)
		halt(g, CM_ENOMEM);
	else if (err.message[0])
		diag(g, rc ? CM_DIAG_ERROR : CM_DIAG_WARNING, "%s", err.message);
}

static void start_attvalue(gx *g, const xmlChar **a, int n)
{
	const char *key = attr(g, a, n, "for"), *value = attr(g, a, n, "value");
	if (!key)
		key = attr(g, a, n, "id"); /* GEXF 1.1 */
	if (g->stop || !g->in)
		return;
	long k = key ? find_decl(g, key, g->in) : -1;
	if (k < 0 || !value) {
		diag(g, CM_DIAG_ERROR,
		     "<attvalue> %s '%.60s'; declare it in <attributes class=\"%s\">",
		     k < 0 ? "names the undeclared attribute" : "has no value for", key ? key : "",
		     g->in == CM__FOR_NODE ? "node" : "edge");
		return;
	}
	if (attr(g, a, n, "start") || attr(g, a, n, "end")) {
		if (g->seen[k] && !g->warned_dynamic++)
			diag(g, CM_DIAG_WARNING,
			     "dynamic attribute values: the first of each is kept");
		if (g->seen[k])
			return;
	}
	g->seen[k] = 1;
	apply(g, g->decl[k].title, value);
}

static void apply_defaults(gx *g)
{
	for (size_t k = 0; k < g->ndecl; k++) {
		if (g->decl[k].def && !g->seen[k] && g->decl[k].target == g->in)
			apply(g, g->decl[k].title, g->decl[k].def);
		g->seen[k] = 0;
	}
}

/* A start or end that is a whole year; other dates are kept as text. */
static void spell(gx *g, const char *name, const char *value)
{
	if (!value)
		return;
	if (g->in == CM__FOR_EDGE) {
		long y;
		char *end;
		errno = 0;
		y = strtol(value, &end, 10);
		if (end != value && !errno && (!*end || (*end == '-' && end - value == 4))) {
			char year[24];
			snprintf(year, sizeof(year), "%ld", y);
			apply(g, name, year); /* "2019-03-01": the year 2019 */
			return;
		}
	}
	apply(g, name, value);
}

/* ------------------------------------------------------------ elements */

static void start_node(gx *g, const xmlChar **a, int n)
{
	if (g->in == CM__FOR_NODE) {
		if (!g->warned_nested++)
			diag(g, CM_DIAG_WARNING,
			     "nested nodes (a GEXF hierarchy) dropped; clustermap "
			     "reads the top level");
		g->skip_depth = g->depth;
		return;
	}
	const char *id = attr(g, a, n, "id"), *label = attr(g, a, n, "label");
	if (!id) {
		if (!g->stop)
			diag(g, CM_DIAG_ERROR, "<node> has no id; add id=\"...\"");
		return;
	}
	size_t max = g->ctx->limits.max_nodes, maxid = g->ctx->limits.max_id_length;
	if (maxid && strlen(id) > maxid) {
		limit(g, "id length", "id-length", maxid);
		return;
	}
	if (max && ++g->total_nodes > max) {
		limit(g, "node count", "nodes", max);
		return;
	}
	long seen;
	cm_network *net = g->net;
	const char *copy = cm__arena_strndup(&net->arena, id, strlen(id));
	if (!copy || cm__strmap_add(&net->ids, copy, strlen(copy), (uint32_t)net->n, &seen)) {
		halt(g, CM_ENOMEM);
		return;
	}
	if (seen >= 0) {
		diag(g, CM_DIAG_ERROR, "duplicate node id '%.80s'; node ids must be unique", id);
		return;
	}
	cm__node node = {.id = copy};
	if (cm__network_add_node(net, g->ctx, &node)) {
		halt(g, CM_ENOMEM);
		return;
	}
	g->in = CM__FOR_NODE;
	g->cur = net->n - 1;
	g->node_depth = (int)g->depth;
	if (label && strcmp(label, id)) /* networkx repeats the id as the label */
		apply(g, "label", label);
	spell(g, "start", attr(g, a, n, "start"));
	spell(g, "end", attr(g, a, n, "end"));
}

static int end_of(gx *g, const char *id, size_t *out)
{
	long k = id ? cm__strmap_get(&g->net->ids, id, strlen(id)) : -1;
	if (k >= 0) {
		*out = (size_t)k;
		return 0;
	}
	diag(g, CM_DIAG_ERROR,
	     "edge end '%.80s' is not a declared node; GEXF lists <nodes> before "
	     "<edges>",
	     id ? id : "");
	return CM_ENOTFOUND;
}

static void start_edge(gx *g, const xmlChar **a, int n)
{
	const char *src = attr(g, a, n, "source"), *dst = attr(g, a, n, "target");
	const char *type = attr(g, a, n, "type"), *w = attr(g, a, n, "weight");
	size_t s, t, max = g->ctx->limits.max_edges;
	if (g->stop || end_of(g, src, &s) || end_of(g, dst, &t))
		return;
	if (max && ++g->total_edges > max) {
		limit(g, "edge count", "edges", max);
		return;
	}
	int directed = type ? !strcmp(type, "directed") : g->default_directed;
	cm__edge e = {.src = s,
	              .dst = t,
	              .weight = 1.0,
	              .directed = (unsigned char)directed,
	              .layer = SIZE_MAX};
	if (cm__network_add_edge(g->net, g->ctx, &e)) {
		halt(g, CM_ENOMEM);
		return;
	}
	g->in = CM__FOR_EDGE;
	g->cur = g->net->m - 1;
	if (w)
		apply(g, "weight", w);
	const char *kind = attr(g, a, n, "kind"), *label = attr(g, a, n, "label");
	if (kind)
		apply(g, "relation", kind); /* GEXF 1.3's kind of edge is the relation */
	if (label)
		apply(g, "label", label);
	spell(g, "start", attr(g, a, n, "start"));
	spell(g, "end", attr(g, a, n, "end"));
}

static void end_element(gx *g)
{
	apply_defaults(g);
	if (g->in == CM__FOR_EDGE) {
		cm__edge *e = &g->net->edges[g->cur];
		if (e->layer == SIZE_MAX && cm__network_layer(&e->layer, g->net, g->ctx, "untyped"))
			halt(g, CM_ENOMEM);
	}
	g->in = 0;
}

static void start_graph(gx *g, const xmlChar **a, int n)
{
	if (g->net) {
		diag(g, CM_DIAG_ERROR, "a second <graph>; a GEXF file holds one");
		{
			halt(g, CM_EPARSE);
			return;
		}
	}
	if (cm__network_new(&g->net, g->ctx) || cm_series_append(g->ctx, g->series, g->net)) {
		cm_network_free(g->net);
		g->net = NULL;
		{
			halt(g, CM_ENOMEM);
			return;
		}
	}
	const char *type = attr(g, a, n, "defaultedgetype");
	g->default_directed = type && !strcmp(type, "directed"); /* GEXF's default: undirected */
	g->net->source = cm__arena_strndup(&g->net->arena, g->file, strlen(g->file));
	g->net->id = "";
	if (!g->net->source)
		halt(g, CM_ENOMEM);
}

static void viz(gx *g, const char *name, const xmlChar **a, int n)
{
	if (!strcmp(name, "position") && g->in == CM__FOR_NODE) {
		const char *x = attr(g, a, n, "x"), *y = attr(g, a, n, "y");
		if (x && y) { /* Gephi's layout, y up: the positions render pins */
			apply(g, "x", x);
			apply(g, "y", y);
		}
	} else if (!g->warned_viz++) {
		diag(g, CM_DIAG_WARNING,
		     "GEXF viz colours, sizes and shapes are dropped; positions are "
		     "kept");
	}
}

static void on_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int n, int ndef, const xmlChar **a)
{
	gx *g = user;
	const char *name = (const char *)local;
	g->depth++;
	size_t maxd = g->ctx->limits.max_depth, maxa = g->ctx->limits.max_attributes;
	if (maxd && g->depth > maxd) {
		limit(g, "nesting depth", "depth", maxd);
		return;
	}
	if (maxa && (size_t)n + (size_t)nns > maxa) {
		limit(g, "attribute count of one element", "attributes", maxa);
		return;
	}
	if (g->skip_depth || g->stop)
		return;
	if (g->depth == 1) {
		if (strcmp(name, "gexf")) {
			diag(g, CM_DIAG_ERROR, "root element is <%.60s>, not <gexf>", name);
			halt(g, CM_EPARSE);
		}
		return;
	}
	if (uri && strstr((const char *)uri, "viz")) {
		viz(g, name, a, n);
		return;
	}
	if (!strcmp(name, "graph"))
		start_graph(g, a, n);
	else if (!g->net)
		return; /* <meta> and its children */
	else if (!strcmp(name, "attributes")) {
		const char *cls = attr(g, a, n, "class");
		g->cls = cls && !strcmp(cls, "edge") ? CM__FOR_EDGE : CM__FOR_NODE;
	} else if (!strcmp(name, "attribute") && g->cls)
		start_attribute(g, a, n);
	else if (!strcmp(name, "default") && g->ndecl) {
		g->in_default = 1;
		g->text_len = 0;
	} else if (!strcmp(name, "node"))
		start_node(g, a, n);
	else if (!strcmp(name, "edge"))
		start_edge(g, a, n);
	else if (!strcmp(name, "attvalue"))
		start_attvalue(g, a, n);
	else if (!strcmp(name, "spell") && g->in) {
		spell(g, "start", attr(g, a, n, "start"));
		spell(g, "end", attr(g, a, n, "end"));
	}
}

static void on_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	gx *g = user;
	const char *name = (const char *)local;
	size_t depth = g->depth--;
	if (g->skip_depth) {
		if (depth == g->skip_depth)
			g->skip_depth = 0;
		return;
	}
	if (g->stop)
		return;
	if (!strcmp(name, "attributes"))
		g->cls = 0;
	else if (!strcmp(name, "default") && g->in_default) {
		g->in_default = 0;
		g->decl[g->ndecl - 1].def =
		    cm__arena_strndup(&g->arena, g->text ? g->text : "", g->text_len);
		if (!g->decl[g->ndecl - 1].def)
			halt(g, CM_ENOMEM);
	} else if ((!strcmp(name, "node") && g->in == CM__FOR_NODE &&
	            (int)depth == g->node_depth) ||
	           (!strcmp(name, "edge") && g->in == CM__FOR_EDGE))
		end_element(g);
}

static void on_text(void *user, const xmlChar *ch, int len)
{
	gx *g = user;
	if (!g->in_default || g->stop)
		return;
	size_t max = g->ctx->limits.max_value_length;
	if (max && g->text_len + (size_t)len > max) {
		limit(g, "value length", "value-length", max);
		return;
	}
	if (cm__grow((void **)&g->text, &g->text_cap, g->text_len + (size_t)len + 1, 1)) {
		halt(g, CM_ENOMEM);
		return;
	}
	memcpy(g->text + g->text_len, ch, (size_t)len);
	g->text_len += (size_t)len;
}

static void on_doctype(void *user, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	gx *g = user;
	diag(g, CM_DIAG_ERROR,
	     "DOCTYPE declarations are not allowed; remove the <!DOCTYPE ...> line");
	halt(g, CM_EPARSE);
}

static void on_entity_decl(void *user, const xmlChar *name, int type, const xmlChar *pub,
                           const xmlChar *sys, xmlChar *content)
{
	gx *g = user;
	diag(g, CM_DIAG_ERROR, "entity declarations are not allowed");
	halt(g, CM_EPARSE);
}

static xmlEntityPtr on_get_entity(void *user, const xmlChar *name)
{
	return xmlGetPredefinedEntity(name);
}

static void on_xml_error(void *user, xmlErrorPtr err)
{
	gx *g = user;
	if (!err || err->level < XML_ERR_ERROR || g->stop == CM_ELIMIT || g->stop == CM_ENOMEM)
		return;
	if (err->code == XML_ERR_NO_MEMORY) {
		halt(g, CM_ENOMEM);
		return;
	}
	char msg[512];
	snprintf(msg, sizeof(msg), "%s", err->message ? err->message : "malformed XML");
	msg[strcspn(msg, "\n")] = '\0';
	g->errors++;
	if (cm__diag(g->ctx, CM_DIAG_ERROR, g->file, (unsigned long)err->line,
	             (unsigned long)err->int2, "malformed XML: %s", msg))
		g->stop = CM_ENOMEM;
	if (!g->stop)
		g->stop = CM_EPARSE;
}

static int make_parser(gx *g)
{
	static const cm__sax_events ev = {.start = on_start,
	                                  .end = on_end,
	                                  .text = on_text,
	                                  .doctype = on_doctype,
	                                  .external_doctype = on_doctype,
	                                  .entity_decl = on_entity_decl,
	                                  .get_entity = on_get_entity,
	                                  .error = on_xml_error,
	                                  .options = XML_PARSE_NOBLANKS};
	g->xml = cm__sax_push_new(&ev, g);
	return g->xml ? 0 : CM_ENOMEM;
}

/* One chunk, through the attribute scan (graphml/xmlscan.h) first: it
 * stops the document before libxml2 parses a start tag with too many
 * attributes, or an encoding that could hide one from the scan. */
static void push(gx *g, const char *buf, size_t n)
{
	int rc = cm__xmlscan_parse(&g->scan, g->xml, buf, n, n == 0);
	if (rc == CM__XMLSCAN_MALFORMED && !g->stop) {
		diag(g, CM_DIAG_ERROR, "malformed XML: the parser stopped");
		g->stop = CM_EPARSE;
	} else if (rc && !g->stop) {
		halt(g, cm__xmlscan_diag(&g->scan, g->ctx, g->file, NULL, &g->errors));
	}
}

static int feed_all(gx *g, FILE *fp)
{
	char *buf = cm__malloc(CHUNK);
	unsigned long long total = 0, max = g->ctx->limits.max_bytes;
	if (!buf || make_parser(g)) {
		cm__free(buf);
		return CM_ENOMEM;
	}
	for (;;) {
		size_t n = fread(buf, 1, CHUNK, fp);
		total += n;
		if (max && total > max) {
			diag(g, CM_DIAG_ERROR,
			     "input exceeds the limit of %llu bytes; raise it with "
			     "--max-bytes",
			     max);
			g->stop = CM_ELIMIT;
			break;
		}
		push(g, buf, n);
		if (n == 0 || g->stop)
			break;
	}
	cm__free(buf);
	return 0;
}

static void quiet(void *user, const char *msg, ...)
{
}

int cm__gexf_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp,
                  const cm_read_opts *opts)
{
	gx g = {.ctx = ctx, .file = name, .opts = opts};
	*out = NULL;
	cm__xmlscan_init(&g.scan, ctx->limits.max_attributes);
	if (cm_series_new(&g.series, ctx))
		return CM_ENOMEM;
	/* A library must not print: libxml2's messages outside the parser are
	 * silenced while it reads (the parser's own come to on_xml_error). */
	xmlGenericErrorFunc saved = xmlGenericError;
	void *saved_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet);
	int rc = feed_all(&g, fp);
	xmlSetGenericErrorFunc(saved_ctx, saved);
	if (!rc && !g.stop && !g.net) {
		diag(&g, CM_DIAG_ERROR,
		     "no <graph> element; a GEXF file needs <graph> inside <gexf>");
	}
	if (!rc && !g.stop && g.net && cm__network_finish(g.net, ctx))
		g.stop = CM_ENOMEM;
	if (g.xml) {
		xmlFreeDoc(g.xml->myDoc);
		xmlFreeParserCtxt(g.xml);
	}
	xmlResetLastError();
	cm__attrs_free(&g.attrs);
	cm__arena_free(&g.arena);
	cm__free(g.decl);
	cm__free(g.seen);
	cm__free(g.text);
	if (rc == CM_ENOMEM || g.stop == CM_ENOMEM)
		rc = cm__oom(ctx);
	else if (g.stop || g.errors)
		rc = g.stop ? g.stop : CM_EPARSE;
	if (rc) {
		cm_series_free(g.series);
		return rc;
	}
	*out = g.series;
	return 0;
}
