/* Fuzz target: label rendering. The input, split at newlines, becomes the
 * labels, sectors and ids of a small network (XML-escaped into GraphML, so
 * that any text the reader accepts reaches the renderer); the drawing must
 * succeed, and the SVG must be well-formed XML whatever the labels hold. */
#include "fuzz.h"

#include <clustermap.h>
#include <libxml/parser.h>

#include <string.h>

enum { FIELDS = 4, XML_MAX = 64 * 1024 };

/* Appends s[0..n) escaped for an XML attribute; returns the new length. */
static size_t escape(char *dst, size_t at, const char *s, size_t n)
{
	for (size_t i = 0; i < n && at + 8 < XML_MAX; i++) {
		const char *rep = s[i] == '<'   ? "&lt;"
		                  : s[i] == '&' ? "&amp;"
		                  : s[i] == '"' ? "&quot;"
		                  : s[i] == '>' ? "&gt;"
		                                : NULL;
		if (rep) {
			memcpy(dst + at, rep, strlen(rep));
			at += strlen(rep);
		} else {
			dst[at++] = s[i];
		}
	}
	return at;
}

static size_t put(char *dst, size_t at, const char *s)
{
	size_t n = strlen(s);
	if (at + n < XML_MAX) {
		memcpy(dst + at, s, n);
		at += n;
	}
	return at;
}

/* GraphML with the fields as two labels, a sector and a graph label. */
static size_t graphml(char *xml, const char **field, const size_t *len)
{
	static const char *const parts[] = {
	    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	    "<key id=\"l\" for=\"all\" attr.name=\"label\"/><key id=\"s\" for=\"node\" "
	    "attr.name=\"sector\"/><key id=\"r\" for=\"edge\" attr.name=\"relation\"/>"
	    "<graph edgedefault=\"undirected\"><data key=\"l\">",
	    "</data><node id=\"a\"><data key=\"l\">", "</data><data key=\"s\">",
	    "</data></node><node id=\"b\"><data key=\"l\">",
	    "</data></node><node id=\"c\"/><edge source=\"a\" target=\"b\"><data key=\"r\">"
	    "supplier</data></edge><edge source=\"b\" target=\"c\"/></graph></graphml>"};
	static const int order[FIELDS] = {3, 0, 2, 1};
	size_t at = 0;
	for (int k = 0; k < FIELDS; k++) {
		at = put(xml, at, parts[k]);
		at = escape(xml, at, field[order[k]], len[order[k]]);
	}
	return put(xml, at, parts[FIELDS]);
}

static void draw(cm_ctx *ctx, const cm_network *net, cm_render_format format)
{
	cm_render_opts opts;
	char *out = NULL;
	size_t len = 0;
	cm_render_opts_init(&opts);
	opts.format = format;
	opts.layout = "circo";
	opts.size_by = "none";
	FUZZ_CHECK(cm_render_buffer(&out, &len, NULL, ctx, net, &opts) == 0 && len > 0);
	if (format == CM_RENDER_SVG) {
		xmlDocPtr doc =
		    xmlReadMemory(out, (int)len, "drawing.svg", NULL,
		                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		if (!doc)
			fprintf(stderr, "not well-formed:\n%s\n", out);
		FUZZ_CHECK(doc != NULL);
		xmlFreeDoc(doc);
	}
	cm_render_data_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *field[FIELDS] = {"", "", "", ""};
	size_t len[FIELDS] = {0};
	const char *p = (const char *)data, *end = p + size;
	for (int k = 0; k < FIELDS && p <= end; k++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		field[k] = p;
		len[k] = (size_t)((nl ? nl : end) - p);
		p = (nl ? nl : end) + 1;
	}
	static char xml[XML_MAX];
	size_t n = graphml(xml, field, len);
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cm_ctx_new(&ctx))
		return 0;
	/* Text the reader refuses (bad UTF-8, control characters) never reaches
	 * the renderer; the reader's own target covers it. */
	if (cm_series_read_buffer(&s, ctx, xml, n, NULL) == 0) {
		draw(ctx, cm_series_get(s, 0), CM_RENDER_SVG);
		draw(ctx, cm_series_get(s, 0), CM_RENDER_DOT);
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
	return 0;
}
