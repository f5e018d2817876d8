/* SPDX-License-Identifier: MIT */
/* Node positions: the layout saved as CSV "id,x,y" and read back to pin
 * actors where an earlier drawing had them. */
#include "render.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cm__pos {
	const char *id; /* arena */
	double x, y;
} cm__pos;

struct cm_positions {
	cm__arena arena;
	cm__strmap index;
	cm__pos *items;
	size_t count, cap;
};

int cm_positions_new(cm_positions **out, cm_ctx *ctx)
{
	*out = cm__calloc(1, sizeof(**out));
	return *out ? 0 : cm__oom(ctx);
}

void cm_positions_free(cm_positions *pos)
{
	if (!pos)
		return;
	cm__arena_free(&pos->arena);
	cm__strmap_free(&pos->index);
	cm__free(pos->items);
	cm__free(pos);
}

int cm_positions_set(cm_ctx *ctx, cm_positions *pos, const char *id, double x, double y)
{
	if (!isfinite(x) || !isfinite(y))
		return cm__error(ctx, CM_EINVAL, "error: position of '%s' is not a finite number",
		                 id);
	long k = cm__strmap_get(&pos->index, id, strlen(id));
	if (k >= 0) {
		pos->items[k].x = x, pos->items[k].y = y;
		return 0;
	}
	if (pos->count >= UINT32_MAX ||
	    cm__grow((void **)&pos->items, &pos->cap, pos->count + 1, sizeof(*pos->items)))
		return cm__oom(ctx);
	const char *copy = cm__arena_strndup(&pos->arena, id, strlen(id));
	if (!copy || cm__strmap_put(&pos->index, copy, strlen(copy), (uint32_t)pos->count))
		return cm__oom(ctx);
	pos->items[pos->count++] = (cm__pos){copy, x, y};
	return 0;
}

int cm_positions_get(double *x, double *y, const cm_positions *pos, const char *id)
{
	long k = pos ? cm__strmap_get(&pos->index, id, strlen(id)) : -1;
	if (k < 0)
		return CM_ENOTFOUND;
	*x = pos->items[k].x;
	*y = pos->items[k].y;
	return 0;
}

size_t cm_positions_count(const cm_positions *pos)
{
	return pos ? pos->count : 0;
}

int cm_positions_id(const char **out, cm_ctx *ctx, const cm_positions *pos, size_t i)
{
	int rc = cm__check_index(ctx, "position", i, cm_positions_count(pos));
	if (!rc)
		*out = pos->items[i].id;
	return rc;
}

/* RFC 4180 quoting when the id needs it. */
static void write_id(FILE *fp, const char *id)
{
	if (!id[strcspn(id, ",\"\r\n")] && *id != ' ' && *id) {
		fputs(id, fp);
		return;
	}
	fputc('"', fp);
	for (const char *p = id; *p; p++) {
		if (*p == '"')
			fputc('"', fp);
		fputc(*p, fp);
	}
	fputc('"', fp);
}

int cm_positions_write(FILE *fp, cm_ctx *ctx, const cm_positions *pos)
{
	char bx[40], by[40];
	fputs("id,x,y\n", fp);
	for (size_t i = 0; i < pos->count; i++) {
		write_id(fp, pos->items[i].id);
		fprintf(fp, ",%s,%s\n", cm__fmt_double(bx, sizeof(bx), pos->items[i].x, 12),
		        cm__fmt_double(by, sizeof(by), pos->items[i].y, 12));
	}
	if (ferror(fp))
		return cm__error(ctx, CM_EIO, "error: writing positions failed: %s",
		                 strerror(errno));
	return 0;
}

/* ------------------------------------------------------------ reading */

typedef struct csv_line {
	const char *path;
	unsigned long line;
	char *field[3];
	size_t col[3]; /* 1-based column where each field starts */
	size_t nfields;
} csv_line;

static int csv_error(cm_ctx *ctx, const csv_line *l, size_t col, const char *what)
{
	return cm__error(ctx, CM_EPARSE, "%s:%lu:%zu: error: %s; expected id,x,y", l->path, l->line,
	                 col, what);
}

/* Splits one line in place into at most three fields, unquoting. */
static int csv_split(csv_line *l, cm_ctx *ctx, char *s)
{
	char *w = s, *start = s;
	l->nfields = 0;
	for (char *p = s;;) {
		if (l->nfields == 3)
			return csv_error(ctx, l, (size_t)(p - start) + 1, "more than three fields");
		l->field[l->nfields] = w;
		l->col[l->nfields] = (size_t)(p - start) + 1;
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++)
				*w++ = *p == '"' ? *++p : *p;
			if (*p != '"')
				return csv_error(ctx, l, l->col[l->nfields], "unterminated quote");
			p++;
		} else {
			while (*p && *p != ',')
				*w++ = *p++;
		}
		l->nfields++;
		if (*p != ',') {
			*w = '\0';
			return *p ? csv_error(ctx, l, (size_t)(p - start) + 1, "text after a quote")
			          : 0;
		}
		*w++ = '\0';
		p++;
	}
}

static int csv_number(double *out, cm_ctx *ctx, const csv_line *l, size_t k)
{
	if (cm__parse_double(out, l->field[k]) || !isfinite(*out))
		return csv_error(ctx, l, l->col[k], "not a number");
	return 0;
}

static int read_line(cm_positions *pos, cm_ctx *ctx, csv_line *l, char *text)
{
	size_t len = strlen(text);
	while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		text[--len] = '\0';
	if (!len)
		return 0;
	int rc = csv_split(l, ctx, text);
	if (rc)
		return rc;
	if (l->nfields != 3)
		return csv_error(ctx, l, 1, "fewer than three fields");
	if (l->line == 1 && !strcmp(l->field[0], "id") && !strcmp(l->field[1], "x"))
		return 0; /* the header */
	double x, y;
	if ((rc = csv_number(&x, ctx, l, 1)) || (rc = csv_number(&y, ctx, l, 2)))
		return rc;
	if (cm__strmap_get(&pos->index, l->field[0], strlen(l->field[0])) >= 0)
		return csv_error(ctx, l, 1, "this id already has a position");
	return cm_positions_set(ctx, pos, l->field[0], x, y);
}

/* 1 when text holds an odd number of quotes: a quoted field is still open,
 * its newline part of an id, and the record goes on on the next line. */
static int quote_open(const char *text)
{
	int open = 0;
	for (; *text; text++)
		open ^= *text == '"';
	return open;
}

/* Reads one record, which takes more than one line when an id holds a
 * newline (RFC 4180). l->line gets the line where it starts. */
static ssize_t read_record(char **text, size_t *cap, FILE *fp, csv_line *l, unsigned long *lines)
{
	char *more = NULL;
	size_t more_cap = 0;
	ssize_t len = getline(text, cap, fp), n;
	int open = len >= 0 && quote_open(*text);
	l->line = ++*lines;
	while (open && (n = getline(&more, &more_cap, fp)) >= 0) {
		++*lines;
		open ^= quote_open(more);
		char *grown = realloc(*text, (size_t)len + (size_t)n + 1);
		if (!grown) {
			len = -2;
			break;
		}
		memcpy(grown + len, more, (size_t)n + 1);
		*text = grown, *cap = (size_t)len + (size_t)n + 1, len += n;
	}
	free(more); /* getline's buffers come from the C library */
	return len;
}

int cm_positions_read_file(cm_positions **out, cm_ctx *ctx, const char *path)
{
	*out = NULL;
	FILE *fp = fopen(path, "r");
	if (!fp && errno == ENOMEM) /* fopen() allocates */
		return cm__error(ctx, CM_ENOMEM, "%s: error: out of memory", path);
	if (!fp)
		return cm__error(ctx, CM_EIO, "%s: error: cannot open: %s", path, strerror(errno));
	cm_positions *pos = NULL;
	csv_line l = {.path = path};
	char *text = NULL;
	size_t cap = 0;
	unsigned long lines = 0;
	ssize_t len = 0;
	int rc = cm_positions_new(&pos, ctx);
	while (!rc && (len = read_record(&text, &cap, fp, &l, &lines)) >= 0)
		rc = read_line(pos, ctx, &l, text);
	if (!rc && len == -2)
		rc = cm__oom(ctx);
	if (!rc && ferror(fp))
		rc = cm__error(ctx, CM_EIO, "%s: error: read failed: %s", path, strerror(errno));
	free(text); /* getline's buffer comes from the C library */
	fclose(fp);
	if (rc)
		cm_positions_free(pos);
	else
		*out = pos;
	return rc;
}

static int positions_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	return cm_positions_write(fp, ctx, arg);
}

int cm_positions_write_buf(cm_buf *out, cm_ctx *ctx, const cm_positions *pos)
{
	return cm__buf_write(out, ctx, positions_thunk, pos);
}
