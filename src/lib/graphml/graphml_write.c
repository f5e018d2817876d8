/* SPDX-License-Identifier: MIT */
/* Writes a network back as GraphML: the model attributes the file gave, its
 * other attributes, and extra numeric node columns such as the actor
 * measures, readable by Gephi, yEd and our reader. The bytes are those
 * libxml2's xmlTextWriter gives with two-space indentation (the format the
 * files written so far have); writing them straight into a buffer takes a
 * fraction of the time its per-call bookkeeping did, which dominated an
 * import of a million ties (docs/performance.md). */
#include "graphml.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define DEPTH_MAX 8 /* graphml > graph > node > data is the deepest */

typedef struct writer {
	FILE *fp;
	const cm_network *net;
	const cm_node_columns *extra;
	size_t employees; /* the column written as the model's employees key, or SIZE_MAX */
	const char *names[DEPTH_MAX]; /* the open elements */
	int open_tag;                 /* the innermost start tag still lacks its '>' */
	int doindent;                 /* an end tag goes on a line of its own */
	int depth;
	int failed;
	int io_errno; /* why the file's first write failed */
	size_t len;
	char buf[1 << 15];
} writer;

static void flush(writer *wr)
{
	if (wr->len && !wr->failed && fwrite(wr->buf, 1, wr->len, wr->fp) != wr->len) {
		wr->io_errno = errno ? errno : EIO;
		wr->failed = 1;
	}
	wr->len = 0;
}

static void put(writer *wr, const char *s, size_t n)
{
	while (n > sizeof(wr->buf) - wr->len) {
		size_t room = sizeof(wr->buf) - wr->len;
		memcpy(wr->buf + wr->len, s, room);
		wr->len += room, s += room, n -= room;
		flush(wr);
	}
	memcpy(wr->buf + wr->len, s, n);
	wr->len += n;
}

static void puts_(writer *wr, const char *s)
{
	put(wr, s, strlen(s));
}

/* Escapes as libxml2 does: in text <, >, &, " and CR; in an attribute also
 * tab and newline, which an attribute's normalisation would otherwise turn
 * into spaces. Other bytes, UTF-8 included, go out as they are. */
static void escaped(writer *wr, const char *s, int in_attribute)
{
	const char *run = s;
	for (; *s; s++) {
		const char *ref;
		switch (*s) {
		case '<': ref = "&lt;"; break;
		case '>': ref = "&gt;"; break;
		case '&': ref = "&amp;"; break;
		case '"': ref = "&quot;"; break;
		case '\r': ref = "&#13;"; break;
		case '\n': ref = in_attribute ? "&#10;" : NULL; break;
		case '\t': ref = in_attribute ? "&#9;" : NULL; break;
		default: ref = NULL;
		}
		if (!ref)
			continue;
		put(wr, run, (size_t)(s - run));
		puts_(wr, ref);
		run = s + 1;
	}
	put(wr, run, (size_t)(s - run));
}

static void indent(writer *wr, int levels)
{
	for (int k = 0; k < levels; k++)
		put(wr, "  ", 2);
}

/* The parent's start tag is closed when its first child starts. */
static void close_tag(writer *wr, const char *after)
{
	if (wr->open_tag)
		puts_(wr, after);
	wr->open_tag = 0;
}

static void start(writer *wr, const char *name)
{
	if (wr->depth == DEPTH_MAX) {
		wr->failed = 1;
		return;
	}
	close_tag(wr, ">\n");
	indent(wr, wr->depth);
	wr->names[wr->depth++] = name;
	put(wr, "<", 1);
	puts_(wr, name);
	wr->open_tag = 1;
}

static void attr(writer *wr, const char *name, const char *value)
{
	put(wr, " ", 1);
	puts_(wr, name);
	put(wr, "=\"", 2);
	escaped(wr, value, 1);
	put(wr, "\"", 1);
}

static void text(writer *wr, const char *value)
{
	close_tag(wr, ">");
	wr->doindent = 0;
	escaped(wr, value, 0);
}

static void end(writer *wr)
{
	if (wr->depth == 0) {
		wr->failed = 1;
		return;
	}
	wr->depth--;
	if (wr->open_tag) {
		put(wr, "/>\n", 3);
		wr->open_tag = 0;
	} else {
		if (wr->doindent)
			indent(wr, wr->depth);
		put(wr, "</", 2);
		puts_(wr, wr->names[wr->depth]);
		put(wr, ">\n", 2);
	}
	wr->doindent = 1;
}

static void key(writer *wr, const char *id, const char *domain, const char *name, const char *type)
{
	start(wr, "key");
	attr(wr, "id", id);
	attr(wr, "for", domain);
	attr(wr, "attr.name", name);
	attr(wr, "attr.type", type);
	end(wr);
}

static void data(writer *wr, const char *k, const char *value)
{
	if (!value)
		return;
	start(wr, "data");
	attr(wr, "key", k);
	text(wr, value);
	end(wr);
}

static void data_number(writer *wr, const char *k, double v, int digits)
{
	char buf[64];
	/* Rounded up to fewer digits, a value near the largest double would be
	 * past it, which the reader refuses. */
	if (fabs(v) > 1e308)
		digits = 17;
	if (isfinite(v))
		data(wr, k, cm__fmt_double(buf, sizeof(buf), v, digits));
}

/* An extra node column is replaced by a measure of the same name. */
static int shadowed(const writer *wr, const char *name)
{
	for (size_t k = 0; wr->extra && k < wr->extra->count; k++)
		if (!strcmp(wr->extra->names[k], name))
			return 1;
	return 0;
}

/* An employees column of whole numbers (a spreadsheet's, read as text) is
 * written as the model's own key, an int, so that reading the file back
 * gives the same field, not an extra text column. */
static size_t employees_column(const cm_network *net)
{
	for (size_t k = 0; k < net->nncols; k++) {
		const char *type = net->ncols[k].type;
		if (strcmp(net->ncols[k].name, "employees"))
			continue;
		if (strcmp(type, "string") && strcmp(type, "int") && strcmp(type, "long"))
			return SIZE_MAX; /* a decimal or boolean column stays as it is */
		for (size_t i = 0; i < net->n; i++) {
			const char *v = cm__column_get(&net->ncols[k], i);
			long l;
			if (v && (cm__parse_long(&l, v) || l < 0 || l > INT_MAX))
				return SIZE_MAX;
		}
		return k;
	}
	return SIZE_MAX;
}

static const char *ncol_id(const writer *wr, size_t k, char *buf, size_t size)
{
	if (k == wr->employees)
		return "employees";
	snprintf(buf, size, "n%zu", k);
	return buf;
}

static void keys(writer *wr)
{
	static const char *const model[] = {"label",     "kind",     "size",
	                                    "ownership", "location", "sector"};
	char id[32];
	const cm_network *net = wr->net;
	for (size_t k = 0; k < CM__ARRAY_LEN(model); k++)
		key(wr, model[k], "node", model[k], "string");
	wr->employees = employees_column(net);
	for (size_t k = 0; k < net->nncols; k++)
		if (!shadowed(wr, net->ncols[k].name))
			key(wr, ncol_id(wr, k, id, sizeof(id)), "node", net->ncols[k].name,
			    k == wr->employees && !strcmp(net->ncols[k].type, "string")
			        ? "int"
			        : net->ncols[k].type);
	for (size_t k = 0; wr->extra && k < wr->extra->count; k++) {
		snprintf(id, sizeof(id), "m%zu", k);
		key(wr, id, "node", wr->extra->names[k], "double");
	}
	key(wr, "relation", "edge", "relation", "string");
	key(wr, "weight", "edge", "weight", "double");
	key(wr, "year", "edge", "year", "int");
	key(wr, "start", "edge", "start", "int");
	key(wr, "end", "edge", "end", "int");
	for (size_t k = 0; k < net->necols; k++) {
		snprintf(id, sizeof(id), "e%zu", k);
		key(wr, id, "edge", net->ecols[k].name, net->ecols[k].type);
	}
	key(wr, "glabel", "graph", "label", "string");
	key(wr, "gyear", "graph", "year", "int");
}

static void node(writer *wr, size_t i)
{
	const cm__node *nd = &wr->net->nodes[i];
	char id[32];
	start(wr, "node");
	attr(wr, "id", nd->id);
	if (nd->has & CM_HAS_LABEL)
		data(wr, "label", nd->label);
	if (nd->has & CM_HAS_KIND)
		data(wr, "kind", cm_kind_name((cm_kind)nd->kind));
	if (nd->has & CM_HAS_SIZE)
		data(wr, "size", cm_size_name((cm_size)nd->size));
	if (nd->has & CM_HAS_OWNERSHIP)
		data(wr, "ownership", cm_ownership_name((cm_ownership)nd->ownership));
	if (nd->has & CM_HAS_LOCATION)
		data(wr, "location", cm_location_name((cm_location)nd->location));
	if (nd->has & CM_HAS_SECTOR)
		data(wr, "sector", nd->sector);
	for (size_t k = 0; k < wr->net->nncols; k++)
		if (!shadowed(wr, wr->net->ncols[k].name))
			data(wr, ncol_id(wr, k, id, sizeof(id)),
			     cm__column_get(&wr->net->ncols[k], i));
	for (size_t k = 0; wr->extra && k < wr->extra->count; k++) {
		snprintf(id, sizeof(id), "m%zu", k);
		data_number(wr, id, wr->extra->values[k][i], 10);
	}
	end(wr);
}

static void edge(writer *wr, size_t e)
{
	const cm__edge *ed = &wr->net->edges[e];
	char id[32];
	start(wr, "edge");
	attr(wr, "source", wr->net->nodes[ed->src].id);
	attr(wr, "target", wr->net->nodes[ed->dst].id);
	attr(wr, "directed", ed->directed ? "true" : "false");
	/* Edges without a relation are read into "untyped"; keep them so. */
	if (strcmp(wr->net->layers[ed->layer], "untyped"))
		data(wr, "relation", wr->net->layers[ed->layer]);
	if (ed->weight != 1.0)
		data_number(wr, "weight", ed->weight, 17);
	if (ed->year)
		data_number(wr, "year", ed->year, 10);
	if (ed->start)
		data_number(wr, "start", ed->start, 10);
	if (ed->end)
		data_number(wr, "end", ed->end, 10);
	for (size_t k = 0; k < wr->net->necols; k++) {
		snprintf(id, sizeof(id), "e%zu", k);
		data(wr, id, cm__column_get(&wr->net->ecols[k], e));
	}
	end(wr);
}

static void document(writer *wr)
{
	const cm_network *net = wr->net;
	puts_(wr, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	start(wr, "graphml");
	attr(wr, "xmlns", "http://graphml.graphdrawing.org/xmlns");
	keys(wr);
	start(wr, "graph");
	if (net->id && net->id[0])
		attr(wr, "id", net->id);
	attr(wr, "edgedefault", "directed");
	if (net->label && net->label[0])
		data(wr, "glabel", net->label);
	if (net->year)
		data_number(wr, "gyear", net->year, 10);
	for (size_t i = 0; i < net->n && !wr->failed; i++)
		node(wr, i);
	for (size_t e = 0; e < net->m && !wr->failed; e++)
		edge(wr, e);
	while (wr->depth > 0)
		end(wr);
	flush(wr);
}

int cm_network_write_graphml(FILE *fp, cm_ctx *ctx, const cm_network *net,
                             const cm_node_columns *extra)
{
	writer *wr = cm__malloc(sizeof(*wr));
	if (!wr)
		return cm__oom(ctx);
	*wr = (writer){.fp = fp, .net = net, .extra = extra};
	errno = 0;
	document(wr);
	/* Flushed as libxml2's output buffer did on closing, so that a full
	 * disk is told here, with its reason, not only when the file closes. */
	if (!wr->failed && fflush(fp))
		wr->io_errno = errno, wr->failed = 1;
	int failed = wr->failed || ferror(fp), e = wr->io_errno;
	cm__free(wr);
	if (!failed)
		return 0;
	return cm__error(ctx, CM_EIO, "error: write failed: %s", strerror(e ? e : EIO));
}

typedef struct graphml_args {
	const cm_network *net;
	const cm_node_columns *extra;
} graphml_args;

static int graphml_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const graphml_args *a = arg;
	return cm_network_write_graphml(fp, ctx, a->net, a->extra);
}

int cm_network_write_graphml_buf(cm_buf *out, cm_ctx *ctx, const cm_network *net,
                                 const cm_node_columns *extra)
{
	graphml_args a = {net, extra};
	return cm__buf_write(out, ctx, graphml_thunk, &a);
}
