/* SPDX-License-Identifier: MIT */
/* Fuzz target: ids and attribute values through the drawing, the saved
 * positions and the messages. The input, split at newlines, gives the ids
 * of three actors (fields 0-2), their sector (3 and 4) and an edge id (5);
 * characters XML cannot hold raw (controls, '<', '&', quotes) are written
 * as references, so that any id the reader accepts is the fuzzer's text.
 * Inputs whose length is a multiple of 4 give the third actor the first
 * one's id, which the reader refuses with a message quoting it.
 *
 * A refused file: every diagnostic and the context's message print as one
 * line without a control character (C0, DEL, C1), in valid UTF-8: an id
 * cannot forge a line. The same holds for cm_escape of every field.
 *
 * An accepted file: every actor (or, for odd lengths, every group by
 * sector) is pinned, so no layout runs; the positions are written as CSV
 * (--save-positions) and read back (--positions): the same ids with the
 * same coordinates. Then the whole map is drawn in every format that needs
 * no display (SVG, DOT, PNG, PDF):
 * Graphviz must not warn, the SVG must be well-formed XML, the DOT valid
 * UTF-8, the PNG and PDF must start with their signatures, and the
 * positions the drawing hands back must hold every actor where it was
 * pinned. */
#include "fuzz.h"
#include "../unit/getters.h"

#include <clustermap.h>
#include <libxml/parser.h>

#include <math.h>
#include <string.h>
#include <unistd.h>

enum { FIELDS = 6, XML_MAX = 64 * 1024 };

/* Appends s[0..n) for an XML attribute or text; returns the new length. */
static size_t escape(char *dst, size_t at, const char *s, size_t n)
{
	for (size_t i = 0; i < n && at + 8 < XML_MAX; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == '<' || c == '&' || c == '"' || c == '>' || c == '\'')
			at += (size_t)snprintf(dst + at, 8, "&#%u;", c);
		else
			dst[at++] = (char)c;
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

/* Three actors a (field 0), b (1), c (2, or 0 when dup), sectors 3 and 4,
 * ties a-b (id field 5) and b-c. */
static size_t graphml(char *xml, const char **field, const size_t *len, int dup)
{
	static const char *const parts[] = {
	    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	    "<key id=\"s\" for=\"node\" attr.name=\"sector\"/>"
	    "<graph edgedefault=\"undirected\"><node id=\"",
	    "\"><data key=\"s\">",
	    "</data></node><node id=\"",
	    "\"><data key=\"s\">",
	    "</data></node><node id=\"",
	    "\"/><edge id=\"",
	    "\" source=\"",
	    "\" target=\"",
	    "\"/><edge source=\"",
	    "\" target=\"",
	    "\"/></graph></graphml>"};
	const int order[] = {0, 3, 1, 4, dup ? 0 : 2, 5, 0, 1, 1, dup ? 0 : 2};
	size_t at = 0;
	for (size_t k = 0; k < sizeof(order) / sizeof(*order); k++) {
		at = put(xml, at, parts[k]);
		at = escape(xml, at, field[order[k]], len[order[k]]);
	}
	return put(xml, at, parts[sizeof(order) / sizeof(*order)]);
}

/* ------------------------------------------------------------ messages */

/* s[0..n) is printable UTF-8: no C0 control, DEL or C1 (U+0080-U+009F). */
static int printable(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++)
		if (u[i] < 0x20 || u[i] == 0x7F || (u[i] == 0xC2 && i + 1 < n && u[i + 1] < 0xA0))
			return 0;
	return fuzz_utf8_valid(u, n);
}

/* A message as printed: one line, printable. */
static void check_line(const char *text, size_t n)
{
	if (!(n > 0 && text[n - 1] == '\n' && printable(text, n - 1)))
		fprintf(stderr, "a message is not one printable line: '%.*s'\n", (int)n, text);
	FUZZ_CHECK(n > 0 && text[n - 1] == '\n' && printable(text, n - 1));
}

static void check_messages(cm_ctx *ctx)
{
	char buf[8192];
	for (size_t k = 0; k < cm_ctx_diag_count(ctx); k++) {
		FILE *fp = fmemopen(buf, sizeof(buf), "w");
		FUZZ_CHECK(fp != NULL);
		cm_diag_print(fp, t_ctx_diag(ctx, k));
		long n = ftell(fp);
		fclose(fp);
		FUZZ_CHECK(n > 0 && (size_t)n < sizeof(buf));
		check_line(buf, (size_t)n);
	}
	const char *msg = cm_ctx_errmsg(ctx);
	FUZZ_CHECK(printable(msg, strlen(msg)));
}

/* cm_escape of any text is printable; a buffer of the text's size times 6
 * (the longest escape, "\u{9F}", is 6 bytes for 2) always holds it all. */
static void check_escape(const char *s, size_t n)
{
	char *raw = strndup(s, n), *out = malloc(6 * n + 1);
	FUZZ_CHECK(raw && out);
	size_t len = cm_escape(out, 6 * n + 1, raw);
	FUZZ_CHECK(len == strlen(out) && printable(out, len));
	FUZZ_CHECK(strlen(raw) == 0 || len > 0);
	free(raw), free(out);
}

/* ------------------------------------------------------------ positions */

static const double xy[][2] = {{0, 80}, {70, -40}, {-70, -40}};

/* Every actor at a pin, or when grouped, every group an actor falls in
 * (a sector may spell another actor's id: one kind of pin at a time). */
static int pin_all(cm_positions **out, cm_ctx *ctx, const cm_network *net, int grouped)
{
	int rc = cm_positions_new(out, ctx);
	for (size_t i = 0; i < cm_network_node_count(net) && !rc; i++) {
		const double *p = xy[i % 3];
		const char *v = t_node_attr(net, i, "sector");
		const char *id = !grouped ? t_node_id(net, i) : v && *v ? v : "(none)";
		rc = cm_positions_set(ctx, *out, id, p[0], p[1]);
	}
	return rc;
}

/* Every actor of net is in pos, at its pin. */
static void check_at_pins(const cm_positions *pos, const cm_network *net, const char *what)
{
	for (size_t i = 0; i < cm_network_node_count(net); i++) {
		double x = NAN, y = NAN;
		const char *id = t_node_id(net, i);
		int found = cm_positions_get(&x, &y, pos, id) == 0 &&
		            fabs(x - xy[i % 3][0]) < 0.01 && fabs(y - xy[i % 3][1]) < 0.01;
		if (!found)
			fprintf(stderr, "%s: actor %zu is not at its pin (%g, %g)\n", what, i, x,
			        y);
		FUZZ_CHECK(found);
	}
}

static char path[] = "/tmp/cm-fuzz-positions-XXXXXX";

static const char *position_id(const cm_positions *pos, size_t k)
{
	const char *id = NULL;
	FUZZ_CHECK(cm_positions_id(&id, NULL, pos, k) == 0 && id);
	return id;
}

static void remove_positions(void)
{
	unlink(path);
}

/* The CSV of pin read back: every id, at the same place, and nothing else. */
static void round_trip(cm_ctx *ctx, const cm_positions *pin)
{
	static int fd = -1;
	if (fd < 0 && (fd = mkstemp(path)) >= 0)
		atexit(remove_positions);
	if (fd < 0)
		return;
	FILE *fp = fopen(path, "w");
	FUZZ_CHECK(fp != NULL);
	FUZZ_CHECK(cm_positions_write(fp, ctx, pin) == 0);
	FUZZ_CHECK(fclose(fp) == 0);
	cm_positions *back = NULL;
	int rc = cm_positions_read_file(&back, ctx, path);
	if (rc)
		fprintf(stderr, "positions not read back: %s\n", cm_ctx_errmsg(ctx));
	FUZZ_CHECK(rc == 0 && cm_positions_count(back) == cm_positions_count(pin));
	for (size_t k = 0; k < cm_positions_count(pin); k++) {
		double x0, y0, x1 = NAN, y1 = NAN;
		const char *id = position_id(pin, k);
		FUZZ_CHECK(cm_positions_get(&x0, &y0, pin, id) == 0);
		FUZZ_CHECK(strcmp(position_id(back, k), id) == 0);
		FUZZ_CHECK(cm_positions_get(&x1, &y1, back, id) == 0 && x1 == x0 && y1 == y0);
	}
	cm_positions_free(back);
}

/* ------------------------------------------------------------ the drawing */

static void check_output(const char *out, size_t len, cm_render_format f)
{
	if (f == CM_RENDER_SVG) {
		xmlDocPtr doc =
		    xmlReadMemory(out, (int)len, "drawing.svg", NULL,
		                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
		FUZZ_CHECK(doc != NULL);
		xmlFreeDoc(doc);
	} else if (f == CM_RENDER_DOT) {
		FUZZ_CHECK(fuzz_utf8_valid((const unsigned char *)out, len));
	} else if (f == CM_RENDER_PNG) {
		FUZZ_CHECK(len > 8 && !memcmp(out, "\x89PNG\r\n\x1a\n", 8));
	} else {
		FUZZ_CHECK(len > 5 && !memcmp(out, "%PDF-", 5));
	}
}

static void draw(cm_ctx *ctx, const cm_network *net, const cm_positions *pin, int grouped)
{
	static const cm_render_format formats[] = {CM_RENDER_SVG, CM_RENDER_DOT, CM_RENDER_PNG,
	                                           CM_RENDER_PDF};
	for (size_t f = 0; f < sizeof(formats) / sizeof(*formats); f++) {
		cm_render_opts opts;
		cm_render_opts_init(&opts, CM_RENDER_OPTS_VERSION);
		opts.format = formats[f];
		opts.size_by = "none";
		opts.color_by = "sector";
		opts.aggregate_above = grouped ? 2 : 0;
		opts.pin = pin;
		char *out = NULL;
		size_t len = 0;
		cm_positions *placed = NULL;
		int rc = cm_render_buffer(&out, &len, &placed, ctx, net, &opts);
		if (rc)
			fprintf(stderr, "drawing failed: %s\n", cm_ctx_errmsg(ctx));
		FUZZ_CHECK(rc == 0 && out && len > 0);
		for (size_t k = 0; k < cm_ctx_diag_count(ctx); k++)
			fprintf(stderr, "%s\n", t_ctx_diag(ctx, k)->message);
		FUZZ_CHECK(cm_ctx_diag_count(ctx) == 0);
		check_output(out, len, formats[f]);
		if (!grouped)
			check_at_pins(placed, net, "drawn");
		cm_positions_free(placed);
		cm_render_data_free(out);
	}
}

static void accepted(cm_ctx *ctx, const cm_network *net, size_t size)
{
	cm_positions *pin = NULL;
	int grouped = size % 2;
	FUZZ_CHECK(pin_all(&pin, ctx, net, grouped) == 0);
	round_trip(ctx, pin);
	draw(ctx, net, pin, grouped);
	cm_positions_free(pin);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *field[FIELDS];
	size_t len[FIELDS];
	fuzz_fields(field, len, FIELDS, data, size);
	for (int k = 0; k < FIELDS; k++)
		check_escape(field[k], len[k]);
	static char xml[XML_MAX];
	size_t n = graphml(xml, field, len, size % 4 == 0);
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cm_ctx_new(&ctx))
		return 0;
	int rc = cm_series_read_buffer(&s, ctx, xml, n, NULL);
	check_messages(ctx);
	if (rc == 0) {
		cm_ctx_clear(ctx);
		accepted(ctx, t_series_get(s, 0), size);
	} else {
		FUZZ_CHECK(cm_ctx_errmsg(ctx)[0] != '\0');
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
	return 0;
}
