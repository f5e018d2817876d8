/* SPDX-License-Identifier: MIT */
/* What a cluster map shows: colours, shapes, sizes, labels and line styles,
 * decided from the network and the options (docs/render.md). */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t utf8_len(unsigned char c)
{
	return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Graphviz expands \N, \G, \E, \T, \H, \L and \n, \l, \r in labels and
 * decodes HTML entities; doubling backslashes and breaking "&name;" with a
 * zero-width space makes it print exactly what the data says. */
static size_t escape_char(char *dst, const char *p, size_t clen)
{
	unsigned char c = (unsigned char)*p;
	if (c == '\\')
		return memcpy(dst, "\\\\", 2), 2;
	if (c == '&')
		return memcpy(dst, "&\xE2\x80\x8B", 4), 4;
	if (c < 0x20 || c == 0x7F)
		return *dst = ' ', 1;
	memcpy(dst, p, clen);
	return clen;
}

/* Bytes of the character at p: its UTF-8 length, or what is there of a
 * cut sequence. */
static size_t char_len(const char *p)
{
	size_t clen = utf8_len((unsigned char)*p);
	for (size_t j = 1; j < clen; j++)
		if (!p[j])
			return j;
	return clen;
}

static unsigned long code_point(const char *p, size_t clen)
{
	static const unsigned char lead_bits[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
	unsigned long c = (unsigned char)p[0] & lead_bits[clen];
	for (size_t j = 1; j < clen; j++)
		c = c << 6 | ((unsigned char)p[j] & 0x3F);
	return c;
}

/* Characters that take no room when drawn alone: Unicode's default
 * ignorable code points (DerivedCoreProperties.txt: the soft hyphen,
 * zero-width space and joiners, directional marks and isolates, Hangul
 * fillers, variation selectors, the byte order mark, tags, and the
 * unassigned ones reserved to be ignored, which Pango gives no layout),
 * and the combining enclosing marks, line and paragraph separators and
 * interlinear annotation and object replacement characters. */
static int zero_width(unsigned long c)
{
	static const unsigned long range[][2] = {
	    {0xAD, 0xAD},       {0x34F, 0x34F},    {0x61C, 0x61C},   {0x115F, 0x1160},
	    {0x17B4, 0x17B5},   {0x180B, 0x180F},  {0x200B, 0x200F}, {0x20DD, 0x20E4},
	    {0x2028, 0x202E},   {0x2060, 0x206F},  {0x3164, 0x3164}, {0xFE00, 0xFE0F},
	    {0xFEFF, 0xFEFF},   {0xFFA0, 0xFFA0},  {0xFFF0, 0xFFFC}, {0x1BCA0, 0x1BCA3},
	    {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF}};
	for (size_t i = 0; i < sizeof(range) / sizeof(range[0]); i++)
		if (c >= range[i][0] && c <= range[i][1])
			return 1;
	return 0;
}

/* Escaped text is cut into words at spaces and at control characters. */
static int word_end(const char *p)
{
	return !*p || (unsigned char)*p <= ' ' || *p == 0x7F;
}

/* Whether the word at p is made only of characters that take no room.
 * Graphviz lays out a line of them at width 0 and then draws it in PNG
 * and PDF with no Pango layout at all ("Pango-CRITICAL" on standard
 * error); such a word is shown as its code points instead ("U+200B"). */
static int invisible_word(const char *p)
{
	if (word_end(p))
		return 0;
	for (size_t clen; !word_end(p); p += clen)
		if (!zero_width(code_point(p, clen = char_len(p))))
			return 0;
	return 1;
}

size_t cm__render_escape(char *buf, size_t size, const char *text, size_t max)
{
	size_t k = 0, chars = 0, n;
	int hidden = 0;
	char piece[16];
	for (const char *p = text; *p; chars++) {
		size_t clen = char_len(p);
		int word_start = p == text || word_end(p - 1);
		if (word_start || word_end(p))
			hidden = invisible_word(p);
		if (hidden)
			n = (size_t)snprintf(piece, sizeof(piece), "%sU+%04lX",
			                     word_start ? "" : " ", code_point(p, clen));
		else
			n = escape_char(piece, p, clen);
		if ((max && chars == max) || k + (n > 2 * clen ? n : 2 * clen) + 4 + 4 > size) {
			while (k && (buf[k - 1] == ' ' || buf[k - 1] == '.'))
				k--; /* "S.p.A." cut to "S..." rather than "S...." */
			memcpy(buf + k, "...", 3), k += 3;
			break;
		}
		memcpy(buf + k, piece, n), k += n;
		p += clen;
	}
	buf[k] = '\0';
	return k;
}

const char *cm__render_text(cm__arena *a, const char *text, size_t max)
{
	size_t size = 4 * strlen(text) + 16;
	char *buf = cm__malloc(size);
	if (!buf)
		return NULL;
	size_t k = cm__render_escape(buf, size, text, max);
	const char *out = cm__arena_strndup(a, buf, k);
	cm__free(buf);
	return out;
}

#define ZWSP "\xE2\x80\x8B" /* zero-width space, U+200B */

/* Greedy wrap of escaped text: runs of spaces become one space or, where
 * the line would pass width characters, sep. A word longer than a line
 * keeps its own line whole. */
static size_t wrap_into(char *dst, const char *src, size_t width, const char *sep)
{
	size_t k = 0, line = 0, seplen = strlen(sep);
	for (const char *p = src; *p;) {
		while (*p == ' ')
			p++;
		const char *w = p;
		size_t chars = 0;
		for (; *p && *p != ' '; p++) /* the zero-width space takes no room */
			chars += ((unsigned char)*p & 0xC0) != 0x80 && strncmp(p, ZWSP, 3);
		if (w == p)
			break;
		if (line && line + 1 + chars > width)
			memcpy(dst + k, sep, seplen), k += seplen, line = 0;
		else if (line)
			dst[k++] = ' ', line++;
		memcpy(dst + k, w, (size_t)(p - w)), k += (size_t)(p - w);
		line += chars;
	}
	dst[k] = '\0';
	return k;
}

const char *cm__render_wrap(cm__arena *a, const char *text, size_t max, size_t width,
                            const char *sep)
{
	size_t size = 4 * strlen(text) + 16;
	char *esc = cm__malloc(size), *out = cm__malloc(size * (strlen(sep) + 1));
	const char *res = NULL;
	if (esc && out) {
		cm__render_escape(esc, size, text, max);
		size_t k = width ? wrap_into(out, esc, width, sep) : strlen(strcpy(out, esc));
		res = cm__arena_strndup(a, out, k);
	}
	cm__free(esc);
	cm__free(out);
	return res;
}

/* Graphviz's test (xml_isentity), widened: '&', then letters, digits or
 * '#', then ';'. */
static int entity_like(const char *p)
{
	p++;
	while (*p == '#' || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
	       (*p >= 'A' && *p <= 'Z'))
		p++;
	return *p == ';';
}

/* Whether a zero-width space goes before p[0]: a leading '%' would make
 * Graphviz treat the name as anonymous (agnode() then loses it), an '&'
 * that looks like an entity breaks titles; one that is there already is
 * doubled so that no two names end up the same. */
static int needs_zwsp(const char *name, const char *p)
{
	int zwsp = !strncmp(p, ZWSP, 3);
	if (p == name)
		return *p == '%' || zwsp;
	return p[-1] == '&' && (zwsp || entity_like(p - 1));
}

const char *cm__render_gv_name(cm__arena *a, const char *name)
{
	size_t n = 0, extra = 0;
	for (; name[n]; n++)
		extra += needs_zwsp(name, name + n);
	if (!extra)
		return name;
	char *buf = cm__malloc(n + 3 * extra + 1);
	if (!buf)
		return NULL;
	size_t k = 0;
	for (const char *p = name; *p; p++) {
		if (needs_zwsp(name, p))
			memcpy(buf + k, ZWSP, 3), k += 3;
		buf[k++] = *p;
	}
	const char *out = cm__arena_strndup(a, buf, k);
	cm__free(buf);
	return out;
}

double cm__render_width(double v, double lo, double hi)
{
	if (isnan(v) || !(hi > lo))
		return isnan(v) ? CM__WIDTH_MIN : (CM__WIDTH_MIN + CM__WIDTH_MAX) / 2;
	double t = (v - lo) / (hi - lo);
	/* Area, not diameter, proportional to the value: the eye compares areas. */
	double w2 = CM__WIDTH_MIN * CM__WIDTH_MIN +
	            t * (CM__WIDTH_MAX * CM__WIDTH_MAX - CM__WIDTH_MIN * CM__WIDTH_MIN);
	return sqrt(w2);
}

int cm__scene_add_node(cm__scene *s, cm_ctx *ctx, const cm__rnode *node)
{
	if (cm__grow((void **)&s->nodes, &s->ncap, s->n + 1, sizeof(*node)))
		return cm__oom(ctx);
	s->nodes[s->n++] = *node;
	return 0;
}

int cm__scene_add_edge(cm__scene *s, cm_ctx *ctx, const cm__redge *edge)
{
	if (cm__grow((void **)&s->edges, &s->mcap, s->m + 1, sizeof(*edge)))
		return cm__oom(ctx);
	s->edges[s->m++] = *edge;
	return 0;
}

void cm__scene_free(cm__scene *s)
{
	if (!s)
		return;
	cm__free(s->nodes);
	cm__free(s->edges);
	cm__free(s->layers);
	cm__free(s->groups);
	cm__arena_free(&s->arena);
	memset(s, 0, sizeof(*s));
}
