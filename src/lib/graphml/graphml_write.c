/* SPDX-License-Identifier: MIT */
/* Writes a network back as GraphML (libxml2's xmlTextWriter): the model
 * attributes the file gave, its other attributes, and extra numeric node
 * columns such as the actor measures, readable by Gephi, yEd and our reader. */
#include "graphml.h"

#include <libxml/xmlwriter.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct writer {
	xmlTextWriterPtr w;
	const cm_network *net;
	const cm_node_columns *extra;
	size_t employees; /* the column written as the model's employees key, or SIZE_MAX */
	int failed;
	int io_errno; /* why the file's first write failed, from libxml2's error */
} writer;

#define X(s) ((const xmlChar *)(s))

static void attr(writer *wr, const char *name, const char *value)
{
	if (xmlTextWriterWriteAttribute(wr->w, X(name), X(value)) < 0)
		wr->failed = 1;
}

static void start(writer *wr, const char *name)
{
	if (xmlTextWriterStartElement(wr->w, X(name)) < 0)
		wr->failed = 1;
}

static void end(writer *wr)
{
	if (xmlTextWriterEndElement(wr->w) < 0)
		wr->failed = 1;
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
	if (xmlTextWriterWriteString(wr->w, X(value)) < 0)
		wr->failed = 1;
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
	if (xmlTextWriterStartDocument(wr->w, NULL, "UTF-8", NULL) < 0)
		wr->failed = 1;
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
	if (xmlTextWriterEndDocument(wr->w) < 0)
		wr->failed = 1;
}

static void quiet(void *user, const char *msg, ...)
{
	(void)user, (void)msg;
}

/* libxml2 turns the errno of a failed fwrite() into an XML_IO_* code:
 * back to errno, so that the message gives the reason. */
static void on_error(void *user, xmlErrorPtr err)
{
	static const struct {
		int code, e;
	} io[] = {{XML_IO_ENOSPC, ENOSPC}, {XML_IO_EFBIG, EFBIG},   {XML_IO_EPIPE, EPIPE},
	          {XML_IO_EBADF, EBADF},   {XML_IO_EACCES, EACCES}, {XML_IO_EIO, EIO}};
	writer *wr = user;
	for (size_t k = 0; err && !wr->io_errno && k < sizeof(io) / sizeof(*io); k++)
		if (err->domain == XML_FROM_IO && err->code == io[k].code)
			wr->io_errno = io[k].e;
}

/* libxml2 prints its writer's failures ("out of memory!") to stderr unless
 * told otherwise, and a library must not print: while writing, they come
 * here and are dropped: the caller tells the file's failure by ferror(). */
static int write_document(writer *wr, FILE *fp)
{
	xmlGenericErrorFunc generic = xmlGenericError;
	void *generic_ctx = xmlGenericErrorContext, *structured_ctx = xmlStructuredErrorContext;
	xmlStructuredErrorFunc structured = xmlStructuredError;
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(wr, on_error);
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(fp, NULL);
	wr->w = out ? xmlNewTextWriter(out) : NULL;
	if (!wr->w) {
		wr->failed = 1;
		if (out)
			xmlOutputBufferClose(out);
	} else {
		xmlTextWriterSetIndent(wr->w, 1);
		xmlTextWriterSetIndentString(wr->w, X("  "));
		document(wr);
		if (xmlTextWriterFlush(wr->w) < 0)
			wr->failed = 1;
		xmlFreeTextWriter(wr->w); /* also closes the output buffer, not fp */
	}
	xmlSetGenericErrorFunc(generic_ctx, generic);
	xmlSetStructuredErrorFunc(structured_ctx, structured);
	return wr->failed;
}

int cm_network_write_graphml(FILE *fp, cm_ctx *ctx, const cm_network *net,
                             const cm_node_columns *extra)
{
	writer wr = {.net = net, .extra = extra};
	if (!write_document(&wr, fp) && !ferror(fp))
		return 0;
	/* With the file in good order, only an allocation can have failed:
	 * libxml2 does not always say so. */
	if (!ferror(fp))
		return cm__oom(ctx);
	return cm__error(ctx, CM_EIO, "error: write failed: %s",
	                 strerror(wr.io_errno ? wr.io_errno : EIO));
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
