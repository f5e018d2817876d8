/* SPDX-License-Identifier: MIT */
/* GML: "graph [ directed 1 node [ id 1 label "A" kind "firm" ] edge [
 * source 1 target 2 relation "supplier" ] ]" (docs/formats.md). A streamed
 * tokenizer with a nesting limit; each node's and edge's pairs are held
 * until its list closes, then mapped onto the model as GraphML keys of the
 * same names. Nodes come before the edges that name them. */
#include "import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_DEPTH = 32, BUF = 65536 };
enum { T_EOF, T_KEY, T_NUM, T_STR, T_OPEN, T_CLOSE, T_BAD };
enum { C_TOP, C_GRAPH, C_NODE, C_EDGE, C_SKIP };

typedef struct pair {
	size_t key, value; /* offsets into the text buffer */
	unsigned long line, col;
} pair;

typedef struct gml {
	cm_ctx *ctx;
	const char *file;
	const cm_read_opts *opts;
	FILE *fp;
	char buf[BUF];
	size_t pos, len;
	unsigned long line, col, tline, tcol; /* where the reader is; the token's start */
	unsigned long long bytes;
	char *text; /* the token's text, then the pairs of the open node or edge */
	size_t tlen, tcap, mark, base; /* the token's start; the end of what is kept */
	pair *pairs;
	size_t npairs, pcap;
	int ctx_stack[MAX_DEPTH + 1];
	int depth, graphs, directed, warned_nested;
	unsigned long open_line, open_col; /* of the open node or edge */
	cm_network *net;
	cm__attrs attrs;
	cm__strmap ids, names; /* GML id -> node; node id (label) -> node */
	size_t errors;
	int stop;
} gml;

/* One error ends the read: the rest would only echo it. */
#define diag(g, level, ln, col, ...)                                                               \
	do {                                                                                       \
		if ((level) == CM_DIAG_ERROR && !(g)->stop)                                        \
			(g)->stop = CM_EPARSE;                                                     \
		if (cm__reader_diag((g)->ctx, &(g)->errors, level, (g)->file, ln, col,             \
		                    __VA_ARGS__))                                                  \
			(g)->stop = CM_ENOMEM;                                                     \
	} while (0)

/* ------------------------------------------------------------ bytes */

static int peek(gml *g)
{
	if (g->pos == g->len) {
		g->len = fread(g->buf, 1, sizeof(g->buf), g->fp);
		g->pos = 0;
		if (!g->len)
			return EOF;
	}
	return (unsigned char)g->buf[g->pos];
}

static int next(gml *g)
{
	int c = peek(g);
	if (c == EOF)
		return c;
	g->pos++;
	g->bytes++;
	if (c == '\n')
		g->line++, g->col = 1;
	else
		g->col++;
	return c;
}

static int put(gml *g, int c)
{
	size_t max = g->ctx->limits.max_value_length;
	if (max && g->tlen - g->mark >= max) {
		diag(g, CM_DIAG_ERROR, g->tline, g->tcol,
		     "value length exceeds the limit of %zu; raise it with --max-value-length",
		     max);
		return CM_ELIMIT;
	}
	if (cm__grow((void **)&g->text, &g->tcap, g->tlen + 2, 1))
		return g->stop = CM_ENOMEM;
	g->text[g->tlen++] = (char)c;
	g->text[g->tlen] = '\0';
	return 0;
}

/* ------------------------------------------------------------ tokens */

static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static void skip_blanks(gml *g)
{
	for (int c; (c = peek(g)) != EOF;) {
		if (c == '#') /* a comment to the line's end */
			while ((c = peek(g)) != EOF && c != '\n')
				next(g);
		else if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			next(g);
		else
			return;
	}
}

static int quoted(gml *g)
{
	next(g);
	for (int c; (c = next(g)) != '"';) {
		if (c == EOF) {
			diag(g, CM_DIAG_ERROR, g->tline, g->tcol,
			     "a string without its closing quote");
			return T_BAD;
		}
		if (c == '\0') {
			diag(g, CM_DIAG_ERROR, g->line, g->col,
			     "a NUL byte; this is not a GML text file");
			return T_BAD;
		}
		if (put(g, c))
			return T_BAD;
	}
	return T_STR;
}

/* The next token; its text from g->mark in g->text. */
static int token(gml *g)
{
	skip_blanks(g);
	g->tlen = g->mark;
	if (cm__grow((void **)&g->text, &g->tcap, g->mark + 2, 1)) {
		g->stop = CM_ENOMEM;
		return T_BAD;
	}
	g->text[g->mark] = '\0';
	g->tline = g->line, g->tcol = g->col;
	int c = peek(g), type = T_NUM;
	if (c == EOF)
		return T_EOF;
	if (c == '[' || c == ']')
		return next(g), c == '[' ? T_OPEN : T_CLOSE;
	if (c == '"')
		return quoted(g);
	if (is_alpha(c))
		type = T_KEY;
	else if (!is_digit(c) && c != '-' && c != '+' && c != '.') {
		diag(g, CM_DIAG_ERROR, g->tline, g->tcol,
		     "unexpected '%c'; GML holds keys, numbers, \"strings\" and [ lists ]",
		     c >= 32 && c < 127 ? c : '?');
		return T_BAD;
	}
	while ((c = peek(g)) != EOF &&
	       (is_alpha(c) || is_digit(c) || (type == T_NUM && strchr("+-.eE", c))))
		if (put(g, next(g)))
			return T_BAD;
	return type;
}

/* networkx writes '"', '&' and characters past ASCII as &quot;, &amp;
 * and &#1234;: decoded in place (UTF-8 is never longer than the entity). */
static void unescape(char *s)
{
	static const struct {
		const char *name;
		char c;
	} named[] = {
	    {"&amp;", '&'}, {"&quot;", '"'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&apos;", '\''}};
	char *o = s;
	while (*s) {
		size_t k = 0;
		while (k < CM__ARRAY_LEN(named) && strncmp(s, named[k].name, strlen(named[k].name)))
			k++;
		char *end;
		unsigned long cp = 0;
		if (k < CM__ARRAY_LEN(named)) {
			*o++ = named[k].c;
			s += strlen(named[k].name);
		} else if (s[0] == '&' && s[1] == '#' &&
		           (cp = strtoul(s + 2 + (s[2] == 'x'), &end, s[2] == 'x' ? 16 : 10)) > 0 &&
		           cp < 0x110000 && *end == ';' && !(cp >= 0xD800 && cp < 0xE000)) {
			o += cm__utf8_encode(o, cp);
			s = end + 1;
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
}

/* ------------------------------------------------------------ model */

static const char *at(const gml *g, size_t off)
{
	return g->text + off;
}

static const pair *find(const gml *g, const char *key)
{
	for (size_t i = 0; i < g->npairs; i++)
		if (!strcmp(at(g, g->pairs[i].key), key))
			return &g->pairs[i];
	return NULL;
}

/* The other pairs of a node or edge as attributes; skip names the ones
 * already read. */
static void attributes(gml *g, int target, size_t i, const char *const *skip, size_t nskip)
{
	for (size_t k = 0; k < g->npairs && !g->stop; k++) {
		const pair *p = &g->pairs[k];
		size_t s = 0;
		while (s < nskip && strcmp(at(g, p->key), skip[s]))
			s++;
		if (s < nskip)
			continue;
		cm__value_error err = {0};
		int rc = cm__attrs_apply(&err, &g->attrs, g->ctx, g->opts, g->net, target, i,
		                         at(g, p->key), at(g, p->value));
		if (rc == CM_ENOMEM)
			g->stop = CM_ENOMEM;
		else if (err.message[0])
			diag(g, rc ? CM_DIAG_ERROR : CM_DIAG_WARNING, p->line, p->col, "%s",
			     err.message);
	}
}

/* A node's id in the model is its label, as networkx reads GML (its
 * writer puts the node's name there); the GML id when it has none. Edges
 * name nodes by GML id. */
static void end_node(gml *g)
{
	static const char *const skip[] = {"id", "label"};
	const pair *id = find(g, "id"), *label = find(g, "label");
	long dup = -1;
	if (!id) {
		diag(g, CM_DIAG_ERROR, g->open_line, g->open_col,
		     "a node without an id; give it id 1");
		return;
	}
	size_t max = g->ctx->limits.max_nodes;
	if (max && g->net->n >= max) {
		diag(g, CM_DIAG_ERROR, id->line, id->col,
		     "node count exceeds the limit of %zu; raise it with --max-nodes", max);
		g->stop = CM_ELIMIT;
		return;
	}
	const char *text = at(g, (label ? label : id)->value), *gid = at(g, id->value);
	cm__node node = {.id = cm__arena_strndup(&g->net->arena, text, strlen(text))};
	const char *key = cm__arena_strndup(&g->net->arena, gid, strlen(gid));
	if (!node.id || !key ||
	    cm__strmap_add(&g->ids, key, strlen(key), (uint32_t)g->net->n, &dup))
		g->stop = CM_ENOMEM;
	else if (dup >= 0)
		diag(g, CM_DIAG_ERROR, id->line, id->col, "node id %.80s is used twice", key);
	else if (cm__strmap_add(&g->names, node.id, strlen(node.id), (uint32_t)g->net->n, &dup))
		g->stop = CM_ENOMEM;
	else if (dup >= 0)
		diag(g, CM_DIAG_ERROR, label->line, label->col,
		     "two nodes are labelled '%.80s'; clustermap needs distinct labels", node.id);
	else if (cm__network_add_node(g->net, g->ctx, &node))
		g->stop = CM_ENOMEM;
	else
		attributes(g, CM__FOR_NODE, g->net->n - 1, skip, CM__ARRAY_LEN(skip));
}

static int endpoint(gml *g, size_t *out, const char *which)
{
	const pair *p = find(g, which);
	if (!p) {
		diag(g, CM_DIAG_ERROR, g->open_line, g->open_col, "an edge without its %s", which);
		return CM_EPARSE;
	}
	const char *id = at(g, p->value);
	long i = cm__strmap_get(&g->ids, id, strlen(id));
	if (i < 0) {
		diag(g, CM_DIAG_ERROR, p->line, p->col,
		     "edge %s %.80s is not a node id (GML lists the nodes before the edges)", which,
		     id);
		return CM_EPARSE;
	}
	*out = (size_t)i;
	return 0;
}

/* networkx writes a multigraph's edge keys as "key": not an attribute. */
static void end_edge(gml *g)
{
	static const char *const skip[] = {"source", "target", "key", "id"};
	size_t src, dst, max = g->ctx->limits.max_edges;
	if (endpoint(g, &src, "source") || endpoint(g, &dst, "target"))
		return;
	if (max && g->net->m >= max) {
		diag(g, CM_DIAG_ERROR, g->open_line, g->open_col,
		     "edge count exceeds the limit of %zu; raise it with --max-edges", max);
		g->stop = CM_ELIMIT;
		return;
	}
	cm__edge e = {.src = src, .dst = dst, .weight = 1.0, .layer = SIZE_MAX};
	if (cm__network_add_edge(g->net, g->ctx, &e)) {
		g->stop = CM_ENOMEM;
		return;
	}
	attributes(g, CM__FOR_EDGE, g->net->m - 1, skip, CM__ARRAY_LEN(skip));
	cm__edge *added = &g->net->edges[g->net->m - 1];
	if (added->layer == SIZE_MAX && cm__network_layer(&added->layer, g->net, g->ctx, "untyped"))
		g->stop = CM_ENOMEM;
}

/* "directed 1" may come anywhere in the graph's list. */
static void end_graph(gml *g)
{
	for (size_t e = 0; e < g->net->m; e++)
		g->net->edges[e].directed = (unsigned char)g->directed;
	if (cm__network_finish(g->net, g->ctx))
		g->stop = CM_ENOMEM;
}

/* ------------------------------------------------------------ lists */

static int context(const gml *g)
{
	return g->ctx_stack[g->depth];
}

static int open_graph(gml *g)
{
	if (g->graphs++) {
		diag(g, CM_DIAG_ERROR, g->tline, g->tcol,
		     "a second graph; clustermap reads one network per GML file");
		return C_SKIP;
	}
	if (cm__network_new(&g->net, g->ctx))
		return g->stop = CM_ENOMEM, C_SKIP;
	g->net->source = cm__arena_strndup(&g->net->arena, g->file, strlen(g->file));
	g->net->id = "";
	if (!g->net->source)
		g->stop = CM_ENOMEM;
	return C_GRAPH;
}

/* key [ : the list's context. */
static void open_list(gml *g, const char *key, unsigned long line, unsigned long col)
{
	int outer = context(g), inner = C_SKIP;
	if (g->depth == MAX_DEPTH) {
		diag(g, CM_DIAG_ERROR, line, col, "lists nested deeper than %d", MAX_DEPTH);
		return;
	}
	if (outer == C_TOP && !strcmp(key, "graph"))
		inner = open_graph(g);
	else if (outer == C_GRAPH && (!strcmp(key, "node") || !strcmp(key, "edge")))
		inner = key[0] == 'n' ? C_NODE : C_EDGE;
	else if ((outer == C_NODE || outer == C_EDGE) && !g->warned_nested++)
		diag(
		    g, CM_DIAG_WARNING, line, col,
		    "nested lists of nodes and edges (%.40s [...]) dropped; their other values are "
		    "read",
		    key);
	if (inner == C_NODE || inner == C_EDGE) {
		g->npairs = 0;
		g->base = 0;
		g->open_line = line, g->open_col = col;
	}
	g->ctx_stack[++g->depth] = inner;
}

static void close_list(gml *g)
{
	if (!g->depth) {
		diag(g, CM_DIAG_ERROR, g->tline, g->tcol, "']' without its '['");
		return;
	}
	int c = g->ctx_stack[g->depth--];
	if (c == C_NODE)
		end_node(g);
	else if (c == C_EDGE)
		end_edge(g);
	else if (c == C_GRAPH)
		end_graph(g);
	if (c == C_NODE || c == C_EDGE)
		g->base = 0;
}

/* key value, where value is a number or a string. */
static void scalar(gml *g, size_t key, int type, unsigned long line, unsigned long col)
{
	int c = context(g);
	if (type == T_STR)
		unescape(g->text + g->mark);
	if (c == C_GRAPH && !strcmp(at(g, key), "directed"))
		g->directed = strcmp(at(g, g->mark), "0") != 0;
	if (c != C_NODE && c != C_EDGE)
		return;
	if (cm__grow((void **)&g->pairs, &g->pcap, g->npairs + 1, sizeof(*g->pairs))) {
		g->stop = CM_ENOMEM;
		return;
	}
	g->pairs[g->npairs++] = (pair){key, g->mark, line, col};
	g->base = g->tlen + 1; /* keep the key and the value */
}

static int statement(gml *g)
{
	int type = token(g);
	if (type == T_EOF || type == T_BAD)
		return type;
	if (type == T_CLOSE)
		return close_list(g), g->mark = g->base, type;
	if (type != T_KEY) {
		diag(g, CM_DIAG_ERROR, g->tline, g->tcol, "'%.40s' where a key was expected",
		     type == T_OPEN ? "[" : at(g, g->mark));
		return T_BAD;
	}
	size_t key = g->mark;
	unsigned long line = g->tline, col = g->tcol;
	g->mark = g->tlen + 1; /* keep the key while its value is read */
	int vt = token(g);
	if (vt == T_OPEN)
		open_list(g, at(g, key), line, col);
	else if (vt == T_NUM || vt == T_STR)
		scalar(g, key, vt, line, col);
	else if (vt != T_BAD)
		diag(g, CM_DIAG_ERROR, line, col, "key '%.40s' without a value", at(g, key));
	g->mark = g->base;
	return vt;
}

/* ------------------------------------------------------------ driver */

static void parse(gml *g)
{
	for (;;) {
		int t = statement(g);
		unsigned long long max = g->ctx->limits.max_bytes;
		if (!g->stop && max && g->bytes > max) {
			diag(g, CM_DIAG_ERROR, g->line, g->col,
			     "input exceeds the limit of %llu bytes; raise it with --max-bytes",
			     max);
			g->stop = CM_ELIMIT;
		}
		if (t == T_EOF || t == T_BAD || g->stop)
			break;
	}
	if (g->stop)
		return;
	if (g->depth)
		diag(g, CM_DIAG_ERROR, g->line, g->col, "the file ends inside %d open list%s",
		     g->depth, g->depth > 1 ? "s" : "");
	else if (!g->graphs)
		diag(g, CM_DIAG_ERROR, 1, 1, "no graph [ ... ]; a GML file holds one graph list");
}

int cm__gml_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp, const cm_read_opts *opts)
{
	gml *g = cm__calloc(1, sizeof(*g));
	*out = NULL;
	if (!g)
		return cm__oom(ctx);
	*g = (gml){.ctx = ctx, .file = name, .opts = opts, .fp = fp, .line = 1, .col = 1};
	parse(g);
	int rc = g->stop == CM_ENOMEM ? cm__oom(ctx)
	         : g->stop            ? g->stop
	         : g->errors          ? CM_EPARSE
	                              : 0;
	if (!rc && ferror(fp))
		rc = (cm__diag(ctx, CM_DIAG_ERROR, name, 0, 0, "cannot read: %s", strerror(EIO)),
		      CM_EIO);
	cm_series *series = NULL;
	if (!rc && cm_series_new(&series, ctx))
		rc = CM_ENOMEM;
	if (!rc && cm_series_append(ctx, series, g->net))
		rc = CM_ENOMEM;
	else if (!rc)
		g->net = NULL;
	if (rc)
		cm_series_free(series), series = NULL;
	cm_network_free(g->net);
	cm__attrs_free(&g->attrs);
	cm__strmap_free(&g->ids);
	cm__strmap_free(&g->names);
	cm__free(g->text);
	cm__free(g->pairs);
	cm__free(g);
	*out = series;
	return rc;
}
