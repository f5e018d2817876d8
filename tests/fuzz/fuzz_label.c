/* SPDX-License-Identifier: MIT */
/* Fuzz target: label rendering. The input, split at newlines, becomes the
 * texts of a small network (XML-escaped into GraphML, so that any text the
 * reader accepts reaches the renderer): the graph label, two actor labels,
 * the value of a colour attribute, a relation name and the attribute's name.
 *
 * Every input goes through the renderer's own text code: the scene
 * (title, actor labels cut and escaped, colour groups, aggregated group
 * labels) and the legend's rows (cm__legend_texts). Those texts, joined
 * into one multi-line label, are drawn as a single node without layout
 * (cm__render_label), which puts them through Graphviz's label parser,
 * text layout and SVG writer at a small cost. One input in 32 is also drawn
 * whole (cm_render_buffer, every actor pinned so that no layout runs), as
 * SVG and DOT. Graphviz must not warn (it warns when it misreads a label),
 * the SVG must be well-formed, every text must come out exactly as the
 * data says or cut to a prefix of it followed by "...", and the DOT output
 * must be valid UTF-8. */
#include "fuzz.h"
#include "render/render.h"
#include "../unit/getters.h"

#include <clustermap.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <string.h>

enum { FIELDS = 6, XML_MAX = 64 * 1024, TEXTS_MAX = 64 };

/* Appends s[0..n) escaped for XML; returns the new length. */
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

/* GraphML: field 0 the graph label, 1 and 3 the labels of a and b, 2 their
 * value of the attribute "x-" + field 5, 4 the relation of the tie a-b. */
static size_t graphml(char *xml, const char **field, const size_t *len)
{
	static const char *const parts[] = {
	    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
	    "<key id=\"l\" for=\"all\" attr.name=\"label\"/><key id=\"r\" for=\"edge\" "
	    "attr.name=\"relation\"/><key id=\"x\" for=\"node\" attr.name=\"x-",
	    "\"/><graph edgedefault=\"undirected\"><data key=\"l\">",
	    "</data><node id=\"a\"><data key=\"l\">",
	    "</data><data key=\"x\">",
	    "</data></node><node id=\"b\"><data key=\"l\">",
	    "</data><data key=\"x\">",
	    "</data></node><node id=\"c\"/><edge source=\"a\" target=\"b\"><data key=\"r\">",
	    "</data></edge><edge source=\"b\" target=\"c\"/></graph></graphml>"};
	static const int order[] = {5, 0, 1, 2, 3, 2, 4};
	size_t at = 0;
	for (size_t k = 0; k < sizeof(order) / sizeof(*order); k++) {
		at = put(xml, at, parts[k]);
		at = escape(xml, at, field[order[k]], len[order[k]]);
	}
	return put(xml, at, parts[sizeof(order) / sizeof(*order)]);
}

/* ------------------------------------------------------------ the oracle */

/* What a reader of the drawing sees: zero-width spaces (the renderer's
 * guard after '&') dropped, no-break spaces (Graphviz's SVG writes runs of
 * spaces with them) and control characters (the renderer's) as spaces. */
static size_t visible(char *dst, size_t size, const char *s)
{
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && k + 1 < size;) {
		if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x8B) {
			p += 3;
		} else if (p[0] == 0xC2 && p[1] == 0xA0) {
			dst[k++] = ' ', p += 2;
		} else {
			dst[k++] = *p < 0x20 || *p == 0x7F ? ' ' : (char)*p;
			p++;
		}
	}
	dst[k] = '\0';
	return k;
}

static int only_digits(const char *s, const char *end)
{
	for (; s < end; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* t shows e whole, or a prefix of it followed by "...". */
static int shows(const char *t, const char *e)
{
	size_t tl = strlen(t);
	return !strcmp(t, e) || (tl >= 3 && !strcmp(t + tl - 3, "...") && !strncmp(t, e, tl - 3));
}

/* t shows e followed by our own words: suffix, or a count " (N)" when
 * suffix is NULL; those are never cut. */
static int shows_with(const char *t, const char *e, const char *suffix)
{
	size_t tl = strlen(t), cut = tl;
	if (suffix) {
		size_t sl = strlen(suffix);
		if (tl < sl || strcmp(t + tl - sl, suffix))
			return 0;
		cut = tl - sl;
	} else {
		if (!tl || t[tl - 1] != ')')
			return 0;
		while (cut > 0 && t[cut - 1] != '(')
			cut--;
		if (cut < 2 || strncmp(t + cut - 2, " (", 2) || !only_digits(t + cut, t + tl - 1) ||
		    cut + 1 == tl)
			return 0;
		cut -= 2;
	}
	char *head = strndup(t, cut);
	FUZZ_CHECK(head != NULL);
	int ok = shows(head, e);
	free(head);
	return ok;
}

typedef struct drawing {
	char *text[TEXTS_MAX]; /* the SVG's <text> contents, as seen */
	size_t n;
} drawing;

static void collect(drawing *d, xmlNodePtr node)
{
	for (xmlNodePtr c = node; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!strcmp((const char *)c->name, "text") && d->n < TEXTS_MAX) {
			xmlChar *s = xmlNodeGetContent(c);
			size_t size = s ? strlen((const char *)s) + 1 : 1;
			if ((d->text[d->n] = malloc(size)))
				visible(d->text[d->n++], size, s ? (const char *)s : "");
			xmlFree(s);
		}
		collect(d, c->children);
	}
}

/* s with every run of spaces as one space, no space at either end. */
static void squeeze(char *s)
{
	char *w = s;
	for (const char *r = s; *r; r++)
		if (*r != ' ' || (w > s && w[-1] != ' '))
			*w++ = *r;
	while (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
}

/* A label wrapped over several lines: consecutive texts of the drawing,
 * joined by spaces, show e whole (or cut with "..."). */
static int shows_wrapped(const drawing *d, const char *e)
{
	char want[4096];
	snprintf(want, sizeof(want), "%s", e);
	squeeze(want);
	for (size_t k = 0; k < d->n; k++) {
		char joined[4096] = "";
		for (size_t j = k; j < d->n && strlen(joined) < sizeof(joined) / 2; j++) {
			strncat(joined, d->text[j], sizeof(joined) - strlen(joined) - 2);
			squeeze(joined);
			if (shows(joined, want))
				return 1;
			strcat(joined, " ");
		}
	}
	return 0;
}

/* Some text of the drawing shows raw (followed by suffix, or by a count
 * when counted), unless raw shows as nothing. */
static void expect(const drawing *d, const char *what, const char *raw, int counted,
                   const char *suffix)
{
	size_t size = strlen(raw) + 1;
	char *e = malloc(size);
	FUZZ_CHECK(e != NULL);
	visible(e, size, raw);
	int found = strspn(e, " ") == strlen(e);
	for (size_t k = 0; k < d->n && !found; k++)
		found =
		    counted || suffix ? shows_with(d->text[k], e, suffix) : shows(d->text[k], e);
	if (!found && !counted && !suffix)
		found = shows_wrapped(d, e);
	if (!found) {
		fprintf(stderr, "%s '%s' is not drawn as it is; the drawing has:\n", what, e);
		for (size_t k = 0; k < d->n; k++)
			fprintf(stderr, "  '%s'\n", d->text[k]);
	}
	FUZZ_CHECK(found);
	free(e);
}

/* ------------------------------------------------------------ the checks */

typedef struct job {
	const cm_network *net;
	cm_render_opts opts;
	char header[512]; /* the legend's colour header */
} job;

static int aggregated(const job *j)
{
	return j->opts.aggregate_above && cm_network_node_count(j->net) > j->opts.aggregate_above;
}

/* Every text of the network that the drawing shows. */
static void check_texts(const job *j, const drawing *d)
{
	const cm_network *net = j->net;
	if (*cm_network_label(net))
		expect(d, "the title", cm_network_label(net), 0, NULL);
	expect(d, "the colour header", j->header, 0, NULL);
	for (size_t i = 0; i < cm_network_node_count(net); i++) {
		const char *v = t_node_attr(net, i, j->opts.color_by);
		v = v && *v ? v : "(none)";
		if (aggregated(j))
			expect(d, "a group", v, 0, NULL);
		else
			expect(d, "an actor label", t_node_label(net, i), 0, NULL);
		if (strcmp(v, "(none)") && strcmp(v, "none") && strcmp(v, "no role"))
			expect(d, "a legend entry", v, 1, NULL);
	}
	for (size_t l = 0; l < cm_network_layer_count(net) && !aggregated(j); l++) {
		const char *name = t_layer_name(net, l);
		expect(d, "a relation", name, 0,
		       strcmp(name, "supplier") ? NULL : " (seller -> buyer)");
	}
}

static void check_svg(const job *j, const char *out, size_t len)
{
	xmlDocPtr doc = xmlReadMemory(out, (int)len, "drawing.svg", NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc)
		fprintf(stderr, "not well-formed:\n%s\n", out);
	FUZZ_CHECK(doc != NULL);
	drawing d = {.n = 0};
	collect(&d, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	check_texts(j, &d);
	for (size_t k = 0; k < d.n; k++)
		free(d.text[k]);
}

/* The drawing succeeded without a word from Graphviz, and shows the texts. */
static void check_drawing(cm_ctx *ctx, const job *j, int rc, const char *out, size_t len,
                          cm_render_format format)
{
	if (rc)
		fprintf(stderr, "drawing failed: %s\n", cm_ctx_errmsg(ctx));
	FUZZ_CHECK(rc == 0 && len > 0);
	for (size_t k = 0; k < cm_ctx_diag_count(ctx); k++)
		fprintf(stderr, "%s\n", t_ctx_diag(ctx, k)->message);
	FUZZ_CHECK(cm_ctx_diag_count(ctx) == 0); /* Graphviz warned: it misread a label */
	if (format == CM_RENDER_SVG)
		check_svg(j, out, len);
	else
		FUZZ_CHECK(fuzz_utf8_valid((const unsigned char *)out, len));
}

/* ------------------------------------------------------------ the texts alone */

typedef struct label {
	char *text;
	size_t len, cap;
} label;

static void append(label *lb, const char *text, const char *end)
{
	size_t n = strlen(text), e = strlen(end);
	if (lb->len + n + e + 1 > lb->cap) {
		lb->cap = 2 * (lb->len + n + e + 1);
		FUZZ_CHECK((lb->text = realloc(lb->text, lb->cap)) != NULL);
	}
	memcpy(lb->text + lb->len, text, n);
	memcpy(lb->text + lb->len + n, end, e);
	lb->len += n + e;
	lb->text[lb->len] = '\0';
}

/* A text of the scene becomes a line of the label (Graphviz's \n: every
 * backslash of the data is doubled, so lines cannot run together). */
static void add_line(label *lb, const char *text)
{
	append(lb, text, "\\n");
}

/* A row of the legend ends in its own \l, which must be a line break and
 * not an escaped backslash followed by 'l'. */
static void add_row(void *payload, const char *text)
{
	size_t n = strlen(text), slashes = 0;
	while (n >= 2 + slashes && text[n - 2 - slashes] == '\\')
		slashes++;
	if (!(n >= 2 && text[n - 1] == 'l' && slashes % 2 == 1))
		fprintf(stderr, "a legend row does not end in \\l: '%s'\n", text);
	FUZZ_CHECK(n >= 2 && text[n - 1] == 'l' && slashes % 2 == 1);
	append(payload, text, "");
}

static void draw_texts(cm_ctx *ctx, const job *j, const cm__scene *s)
{
	label lb = {NULL, 0, 0};
	add_line(&lb, s->title);
	for (size_t i = 0; i < s->n; i++)
		if (s->nodes[i].label)
			add_line(&lb, s->nodes[i].label);
	cm__legend_texts(s, add_row, &lb);
	char *out = NULL;
	size_t len = 0;
	int rc = cm__render_label(&out, &len, ctx, lb.text, CM_RENDER_SVG);
	check_drawing(ctx, j, rc, out, len, CM_RENDER_SVG);
	cm_render_data_free(out);
	free(lb.text);
}

/* ------------------------------------------------------------ the whole drawing */

static void draw_whole(cm_ctx *ctx, const job *j)
{
	for (int f = 0; f < 2; f++) {
		cm_render_opts opts = j->opts;
		char *out = NULL;
		size_t len = 0;
		opts.format = f ? CM_RENDER_DOT : CM_RENDER_SVG;
		int rc = cm_render_buffer(&out, &len, NULL, ctx, j->net, &opts);
		check_drawing(ctx, j, rc, out, len, opts.format);
		cm_render_data_free(out);
	}
}

/* Every actor and every group it could fall in, pinned on a circle: the
 * drawing then needs no layout. */
static int pin_all(cm_positions **out, cm_ctx *ctx, const cm_network *net, const char *by)
{
	static const double xy[][2] = {{0, 80}, {70, -40}, {-70, -40}};
	int rc = cm_positions_new(out, ctx);
	for (size_t i = 0; i < cm_network_node_count(net) && !rc; i++) {
		const double *p = xy[i % 3];
		const char *v = t_node_attr(net, i, by);
		rc = cm_positions_set(ctx, *out, t_node_id(net, i), p[0], p[1]);
		if (!rc)
			rc = cm_positions_set(ctx, *out, v && *v ? v : "(none)", p[0], p[1]);
	}
	return rc;
}

/* The colour attribute as the reader named it ("x-" + field 5). */
static const char *color_attr(const cm_network *net)
{
	for (size_t k = 0; k < cm_network_node_attr_count(net); k++)
		if (!strncmp(t_node_attr_name(net, k), "x-", 2))
			return t_node_attr_name(net, k);
	return NULL;
}

/* The input's length picks the label length, whether the actors are drawn
 * as groups and whether the whole map is drawn, so that every input is
 * drawn one way only. */
static void render(cm_ctx *ctx, const cm_network *net, size_t size)
{
	static const size_t label_length[] = {18, 0, 5};
	job j = {.net = net};
	cm_render_opts_init(&j.opts, CM_RENDER_OPTS_VERSION);
	j.opts.size_by = "none";
	if (!(j.opts.color_by = color_attr(net)))
		return; /* a name the reader refused: its own target covers it */
	j.opts.label_length = label_length[size % 3];
	j.opts.aggregate_above = size % 2 ? 2 : 0;
	snprintf(j.header, sizeof(j.header), "Colour: %s", j.opts.color_by);
	cm__scene s;
	int rc = cm__scene_build(&s, ctx, net, &j.opts);
	if (rc)
		fprintf(stderr, "no scene: %s\n", cm_ctx_errmsg(ctx));
	FUZZ_CHECK(rc == 0);
	draw_texts(ctx, &j, &s);
	cm__scene_free(&s);
	cm_positions *pin = NULL;
	if ((size >> 1) % 32 == 0) {
		FUZZ_CHECK(pin_all(&pin, ctx, net, j.opts.color_by) == 0);
		j.opts.pin = pin;
		draw_whole(ctx, &j);
	}
	cm_positions_free(pin);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *field[FIELDS];
	size_t len[FIELDS];
	fuzz_fields(field, len, FIELDS, data, size);
	static char xml[XML_MAX];
	size_t n = graphml(xml, field, len);
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cm_ctx_new(&ctx))
		return 0;
	/* Text the reader refuses (bad UTF-8, control characters) never
	 * reaches the renderer; the reader's own target covers it. Its
	 * warnings (a custom relation) are dropped: the drawing must add none. */
	if (cm_series_read_buffer(&s, ctx, xml, n, NULL) == 0) {
		cm_ctx_clear(ctx);
		render(ctx, t_series_get(s, 0), size);
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
	return 0;
}
