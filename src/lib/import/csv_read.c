/* SPDX-License-Identifier: MIT */
/* CSV sheets through libcsv (RFC 4180, strict): UTF-8 with or without a
 * byte order mark, and what European spreadsheet programs write (';' as the
 * separator, decimal commas), detected from the header line or set. */
#include "import.h"

#include <csv.h>
#include <string.h>

typedef struct csv_state {
	cm__sheet *sh;
	cm_ctx *ctx;
	size_t col;
	unsigned long row; /* records closed so far */
	int rc;
	int bad_utf8;
} csv_state;

/* Length of the valid UTF-8 sequence at s, or 0. */
static size_t utf8_len(const unsigned char *s, size_t left)
{
	unsigned c = s[0];
	size_t n = c < 0x80                ? 1
	           : c >= 0xC2 && c < 0xE0 ? 2
	           : c >= 0xE0 && c < 0xF0 ? 3
	           : c >= 0xF0 && c < 0xF5 ? 4
	                                   : 0;
	if (!n || n > left)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xF0 && s[1] < 0x90) ||
	    (c == 0xF4 && s[1] > 0x8F) || (c == 0xED && s[1] > 0x9F))
		return 0; /* overlong, past U+10FFFF, or a surrogate */
	return n;
}

static int valid_utf8(const char *s, size_t len)
{
	for (size_t i = 0, n; i < len; i += n)
		if (!(n = utf8_len((const unsigned char *)s + i, len - i)))
			return 0;
	return 1;
}

static void on_field(void *text, size_t len, void *data)
{
	csv_state *st = data;
	if (st->rc)
		return; /* the position stays that of the refused cell */
	size_t max = st->ctx->limits.max_value_length;
	if (max && len > max) {
		st->rc = CM_ELIMIT;
	} else if (!valid_utf8(text, len) || memchr(text, '\0', len)) {
		st->rc = CM_EPARSE;
		st->bad_utf8 = 1;
	} else {
		st->rc = cm__sheet_add_cell(st->sh, st->ctx, st->col, text, len);
	}
	if (!st->rc)
		st->col++;
}

static void on_row(int c, void *data)
{
	(void)c;
	csv_state *st = data;
	if (st->rc)
		return;
	st->rc = cm__sheet_end_row(st->sh, st->ctx, st->row + 1);
	st->row++;
	st->col = 0;
}

/* The separator of the header line: the most frequent of ',' ';' and tab
 * outside quotes; ',' when there is none. */
static char detect_delimiter(const char *buf, size_t len)
{
	size_t n[3] = {0, 0, 0};
	int quoted = 0;
	for (size_t i = 0; i < len && (quoted || (buf[i] != '\n' && buf[i] != '\r')); i++) {
		if (buf[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			n[0] += buf[i] == ',', n[1] += buf[i] == ';', n[2] += buf[i] == '\t';
	}
	if (n[1] > n[0] && n[1] >= n[2])
		return ';';
	return n[2] > n[0] ? '\t' : ',';
}

static int is_space(unsigned char c)
{
	return c == ' ';
}

static int is_term(unsigned char c)
{
	return c == '\n' || c == '\r';
}

static int report(csv_state *st, struct csv_parser *p)
{
	cm__sheet *sh = st->sh;
	unsigned long row = st->row + 1, col = (unsigned long)st->col + 1;
	if (st->rc == CM_ELIMIT)
		return cm__diag(st->ctx, CM_DIAG_ERROR, sh->file, row, col,
		                "cell is longer than %zu bytes; raise --max-value-length",
		                st->ctx->limits.max_value_length)
		           ? CM_ENOMEM
		           : CM_ELIMIT;
	if (st->bad_utf8)
		return cm__diag(st->ctx, CM_DIAG_ERROR, sh->file, row, col,
		                "cell is not UTF-8 text; save the sheet as \"CSV UTF-8\"")
		           ? CM_ENOMEM
		           : CM_EPARSE;
	if (st->rc)
		return st->rc;
	if (csv_error(p) == CSV_EPARSE)
		return cm__diag(st->ctx, CM_DIAG_ERROR, sh->file, row, col,
		                "malformed quoted field: a quote is not closed, or a quote inside "
		                "quotes is not doubled (\"\")")
		           ? CM_ENOMEM
		           : CM_EPARSE;
	return cm__oom(st->ctx);
}

int cm__csv_read_buffer(cm__sheet *sh, cm_ctx *ctx, const char *name, const char *buf, size_t len,
                        const cm__sheet_opts *opts)
{
	struct csv_parser p;
	csv_state st = {.sh = sh, .ctx = ctx};
	sh->file = cm__arena_strndup(&sh->arena, name, strlen(name));
	if (!sh->file || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI))
		return cm__oom(ctx);
	if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
		buf += 3, len -= 3; /* the byte order mark spreadsheet programs write */
	char delim = opts && opts->delimiter ? opts->delimiter : detect_delimiter(buf, len);
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, is_space);
	csv_set_term_func(&p, is_term);
	size_t done = csv_parse(&p, buf, len, on_field, on_row, &st);
	if (done == len && !st.rc)
		csv_fini(&p, on_field, on_row, &st);
	int rc = done == len && !st.rc && csv_error(&p) == CSV_SUCCESS ? 0 : report(&st, &p);
	csv_free(&p);
	if (rc == 0) {
		sh->decimal = opts && opts->decimal ? opts->decimal : 0;
		if (!sh->decimal)
			cm__sheet_detect_decimal(sh);
	}
	return rc;
}

int cm__csv_read(cm__sheet *sh, cm_ctx *ctx, const char *path, const cm__sheet_opts *opts)
{
	char *buf;
	size_t len;
	int rc = cm__import_slurp(&buf, &len, ctx, path);
	if (rc)
		return rc;
	rc = cm__csv_read_buffer(sh, ctx, path, buf, len, opts);
	cm__free(buf);
	return rc;
}
