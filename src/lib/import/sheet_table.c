/* SPDX-License-Identifier: MIT */
/* A sheet: the cells of one CSV file or worksheet, row by row, and where
 * each came from, so that every message can point at its cell. */
#include "import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cm__sheet_free(cm__sheet *sh)
{
	if (!sh)
		return;
	cm__free(sh->cells);
	cm__free(sh->rows);
	cm__arena_free(&sh->arena);
	memset(sh, 0, sizeof(*sh));
}

/* The row being built starts after the last closed one. */
static size_t open_row_start(const cm__sheet *sh)
{
	if (!sh->nrows)
		return 0;
	const cm__row *last = &sh->rows[sh->nrows - 1];
	return last->first + last->count;
}

int cm__sheet_add_cell(cm__sheet *sh, cm_ctx *ctx, size_t col, const char *text, size_t len)
{
	size_t start = open_row_start(sh), need = start + col + 1;
	if (col > ctx->limits.max_attributes * 64 && ctx->limits.max_attributes)
		return cm__error(ctx, CM_ELIMIT, "more than %zu columns",
		                 ctx->limits.max_attributes * 64);
	if (need > sh->ncells) {
		if (cm__grow((void **)&sh->cells, &sh->ccap, need, sizeof(*sh->cells)))
			return cm__oom(ctx);
		for (size_t k = sh->ncells; k < need; k++)
			sh->cells[k] = NULL; /* columns skipped by a sparse worksheet row */
		sh->ncells = need;
	}
	if (!len)
		return 0;
	const char *copy = cm__arena_strndup(&sh->arena, text, len);
	if (!copy)
		return cm__oom(ctx);
	sh->cells[start + col] = copy;
	return 0;
}

int cm__sheet_end_row(cm__sheet *sh, cm_ctx *ctx, unsigned long number)
{
	size_t start = open_row_start(sh);
	if (cm__grow((void **)&sh->rows, &sh->rcap, sh->nrows + 1, sizeof(*sh->rows)))
		return cm__oom(ctx);
	sh->rows[sh->nrows++] = (cm__row){start, sh->ncells - start, number};
	return 0;
}

const char *cm__sheet_cell(const cm__sheet *sh, size_t r, size_t col)
{
	if (r >= sh->nrows || col >= sh->rows[r].count)
		return NULL;
	return sh->cells[sh->rows[r].first + col];
}

void cm__column_letters(char *buf, size_t size, size_t col)
{
	char tmp[16];
	size_t n = 0;
	do {
		tmp[n++] = (char)('A' + col % 26);
		col = col / 26;
	} while (col-- > 0 && n < sizeof(tmp));
	size_t i = 0;
	for (; i < n && i + 1 < size; i++)
		buf[i] = tmp[n - 1 - i];
	buf[i] = '\0';
}

int cm__sheet_diag(cm_ctx *ctx, const cm__sheet *sh, cm_diag_level level, size_t r, size_t col,
                   const char *fmt, ...)
{
	char msg[1024], where[512], letters[16];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	unsigned long row = r < sh->nrows ? sh->rows[r].number : (unsigned long)r + 1;
	if (!sh->name)
		return cm__diag(ctx, level, sh->file, row, (unsigned long)col + 1, "%s", msg);
	cm__column_letters(letters, sizeof(letters), col);
	snprintf(where, sizeof(where), "%.400s[%.60s]!%s%lu", sh->file, sh->name, letters, row);
	return cm__diag(ctx, level, where, 0, 0, "%s", msg);
}

/* "12,5" or "-0,25": digits with one comma and no point. */
static int comma_number(const char *s)
{
	int digits = 0, commas = 0;
	for (s += *s == '-'; *s; s++) {
		if (*s == ',')
			commas++;
		else if (*s >= '0' && *s <= '9')
			digits++;
		else
			return 0;
	}
	return digits && commas == 1;
}

static int point_number(const char *s)
{
	double v;
	return strchr(s, '.') && cm__parse_double(&v, s) == 0;
}

void cm__sheet_detect_decimal(cm__sheet *sh)
{
	size_t commas = 0, points = 0;
	for (size_t k = 0; k < sh->ncells; k++)
		if (sh->cells[k]) {
			commas += comma_number(sh->cells[k]);
			points += point_number(sh->cells[k]);
		}
	if (commas && !points)
		sh->decimal = ',';
}

int cm__sheet_number(double *out, const cm__sheet *sh, const char *text)
{
	char buf[128];
	size_t len = strlen(text);
	if (sh->decimal != ',' || !strchr(text, ','))
		return cm__parse_double(out, text) ? CM_EINVAL : 0;
	if (len >= sizeof(buf) || strchr(text, '.'))
		return CM_EINVAL;
	memcpy(buf, text, len + 1);
	*strchr(buf, ',') = '.';
	return cm__parse_double(out, buf) ? CM_EINVAL : 0;
}

static int slurp_error(cm_ctx *ctx, const char *path, int code, const char *why)
{
	int rc = cm__diag(ctx, CM_DIAG_ERROR, path, 0, 0, "cannot read: %s", why);
	return rc ? rc : code;
}

int cm__import_slurp(char **out, size_t *len, cm_ctx *ctx, const char *path)
{
	unsigned long long max = ctx->limits.max_bytes;
	size_t cap = 65536, n = 0, got;
	*out = NULL;
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		int e = errno;
		cm__diag(ctx, CM_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(e));
		return CM_EIO;
	}
	char *buf = cm__malloc(cap + 1);
	while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (max && n > max)
			break;
		if (n == cap && cm__grow((void **)&buf, &cap, cap + 1, 1) == 0) {
			char *grown = cm__realloc(buf, cap + 1); /* room for the NUL */
			buf = grown ? grown : (cm__free(buf), NULL);
		}
	}
	int e = ferror(fp) ? errno : 0, rc = 0;
	fclose(fp);
	if (!buf)
		rc = cm__oom(ctx);
	else if (max && n > max)
		rc = slurp_error(ctx, path, CM_ELIMIT, "file is larger than --max-bytes");
	else if (e)
		rc = slurp_error(ctx, path, CM_EIO, strerror(e));
	if (rc) {
		cm__free(buf);
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}
