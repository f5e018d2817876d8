/* SPDX-License-Identifier: MIT */
/* Escaping of input text quoted in messages and text reports: an id holding
 * a newline or a terminal control must not forge a line or drive the
 * terminal (docs/graphml.md, "Messages"). */
#include "internal.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

size_t cm__utf8_encode(char *o, unsigned long cp)
{
	if (cp < 0x80)
		return o[0] = (char)cp, 1;
	if (cp < 0x800)
		return o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3F)), 2;
	if (cp < 0x10000)
		return o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
		       o[2] = (char)(0x80 | (cp & 0x3F)), 3;
	o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), o[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Length of the valid UTF-8 sequence at s (1 to 4), or 0 when invalid. */
static size_t utf8_len(const unsigned char *s)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t n = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
	if (c == 0xE0)
		lo = 0xA0; /* overlong */
	else if (c == 0xED)
		hi = 0x9F; /* surrogates */
	else if (c == 0xF0)
		lo = 0x90; /* overlong */
	else if (c == 0xF4)
		hi = 0x8F; /* past U+10FFFF */
	if (n > 1 && (s[1] < lo || s[1] > hi))
		return 0;
	for (size_t i = 2; i < n; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return n;
}

/* The escape of the character at s into out (at least 8 bytes), or ""
 * when it is shown as it is; *len gets the bytes it takes in s. */
static void escape_one(char *out, const unsigned char *s, size_t *len)
{
	*len = utf8_len(s);
	out[0] = '\0';
	if (*len == 0) {
		*len = 1;
		snprintf(out, 8, "\\x%02X", s[0]);
	} else if (s[0] == '\n' || s[0] == '\t' || s[0] == '\r') {
		snprintf(out, 8, "\\%c", s[0] == '\n' ? 'n' : s[0] == '\t' ? 't' : 'r');
	} else if (s[0] < 0x20 || s[0] == 0x7F) {
		snprintf(out, 8, "\\x%02X", s[0]);
	} else if (s[0] == 0xC2 && s[1] < 0xA0) {
		snprintf(out, 8, "\\u{%02X}", s[1]);
	}
}

size_t cm_escape(char *buf, size_t size, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t used = 0, len;
	char esc[8];
	for (; *p; p += len) {
		escape_one(esc, p, &len);
		const char *piece = esc[0] ? esc : (const char *)p;
		size_t n = esc[0] ? strlen(esc) : len;
		if (used + n >= size)
			break; /* never half a character or half an escape */
		memcpy(buf + used, piece, n);
		used += n;
	}
	if (size)
		buf[used] = '\0';
	return used;
}

/* Writes (fp NULL: only measures) the escape of s up to max bytes. */
static size_t put_escaped(FILE *fp, const char *s, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t written = 0, len;
	char esc[8];
	for (; *p; p += len) {
		escape_one(esc, p, &len);
		size_t n = esc[0] ? strlen(esc) : len;
		if (n > max - written)
			break;
		if (fp)
			fwrite(esc[0] ? esc : (const char *)p, 1, n, fp);
		written += n;
	}
	return written;
}

size_t cm__escaped_length(const char *s)
{
	return put_escaped(NULL, s, SIZE_MAX);
}

size_t cm__fputs_escaped(FILE *fp, const char *s)
{
	return put_escaped(fp, s, SIZE_MAX);
}

void cm__fput_escaped_field(FILE *fp, const char *s, int width, size_t max)
{
	size_t len = put_escaped(NULL, s, max),
	       w = width < 0 ? (size_t) - (long)width : (size_t)width;
	size_t pad = len < w ? w - len : 0;
	if (width > 0)
		fprintf(fp, "%*s", (int)pad, "");
	put_escaped(fp, s, max);
	if (width < 0)
		fprintf(fp, "%*s", (int)pad, "");
}

void cm__fputs_xml(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break; /* &apos; is not HTML 4 */
		default: fputc(*s, fp);
		}
	}
}
