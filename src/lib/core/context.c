/* SPDX-License-Identifier: MIT */
/* The context: last error message, diagnostics, limits and progress. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cm_strerror(int code)
{
	switch (code) {
	case CM_OK: return "success";
	case CM_ENOMEM: return "out of memory";
	case CM_EIO: return "input/output error";
	case CM_EPARSE: return "invalid input";
	case CM_ELIMIT: return "limit exceeded";
	case CM_EINVAL: return "invalid argument";
	case CM_ENOTFOUND: return "not found";
	case CM_EGRAPH: return "graph computation failed";
	default: return "error";
	}
}

int cm_limits_init(cm_limits *limits, unsigned int version)
{
	static const cm_limits defaults = CM_LIMITS_INIT;
	if (version != CM_LIMITS_VERSION)
		return CM_EINVAL;
	*limits = defaults;
	return 0;
}

int cm_ctx_new(cm_ctx **out)
{
	cm_ctx *ctx = cm__calloc(1, sizeof(*ctx));
	*out = ctx;
	if (!ctx)
		return CM_ENOMEM;
	cm_limits_init(&ctx->limits, CM_LIMITS_VERSION);
	ctx->threads = 1;
	ctx->jobs = 1;
	return 0;
}

void cm_ctx_clear(cm_ctx *ctx)
{
	for (size_t i = 0; i < ctx->diags.count; i++) {
		cm__free(ctx->diags.items[i].file);
		cm__free(ctx->diags.items[i].message);
	}
	ctx->diags.count = 0;
	ctx->diags.dropped = 0;
	ctx->diags.errors = 0;
	ctx->diags.kept_errors = 0;
	ctx->errmsg[0] = '\0';
}

void cm_ctx_free(cm_ctx *ctx)
{
	if (!ctx)
		return;
	cm_ctx_clear(ctx);
	cm__free(ctx->diags.items);
	cm__free(ctx);
}

const char *cm_ctx_errmsg(const cm_ctx *ctx)
{
	return ctx ? ctx->errmsg : "";
}

size_t cm_ctx_diag_count(const cm_ctx *ctx)
{
	return ctx->diags.count;
}

int cm_ctx_diag(const cm_diag **out, cm_ctx *ctx, size_t i)
{
	int rc = cm__check_index(ctx, "diagnostic", i, ctx->diags.count);
	if (!rc)
		*out = &ctx->diags.items[i].d;
	return rc;
}

int cm_ctx_set_limits(cm_ctx *ctx, const cm_limits *limits)
{
	int rc = cm__check_version(ctx, "cm_limits", limits->version, CM_LIMITS_VERSION);
	if (!rc)
		ctx->limits = *limits;
	return rc;
}

void cm_ctx_get_limits(cm_limits *out, const cm_ctx *ctx)
{
	*out = ctx->limits;
}

void cm_ctx_set_progress(cm_ctx *ctx, cm_progress_cb cb, void *payload)
{
	ctx->progress = cb;
	ctx->progress_payload = payload;
}

void cm_ctx_set_threads(cm_ctx *ctx, int threads)
{
	ctx->threads = threads > 0 ? threads : 1;
}

void cm_ctx_set_jobs(cm_ctx *ctx, int jobs)
{
	ctx->jobs = jobs > 0 || jobs == CM_JOBS_AUTO ? jobs : 1;
}

int cm__progress(cm_ctx *ctx, const char *what, double fraction)
{
	return ctx->progress ? ctx->progress(what, fraction, ctx->progress_payload) : 0;
}

int cm__verror(cm_ctx *ctx, int code, const char *fmt, va_list ap)
{
	char raw[sizeof(ctx->errmsg)];
	if (ctx) {
		vsnprintf(raw, sizeof(raw), fmt, ap);
		cm_escape(ctx->errmsg, sizeof(ctx->errmsg), raw);
	}
	return code;
}

int cm__error(cm_ctx *ctx, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	cm__verror(ctx, code, fmt, ap);
	va_end(ap);
	return code;
}

int cm__oom(cm_ctx *ctx)
{
	return cm__error(ctx, CM_ENOMEM, "error: out of memory");
}

int cm__check_index(cm_ctx *ctx, const char *what, size_t i, size_t count)
{
	if (i < count)
		return 0;
	return cm__error(ctx, CM_EINVAL, "error: %s index %zu out of range (there are %zu)", what,
	                 i, count);
}

int cm__check_version(cm_ctx *ctx, const char *what, unsigned int version, unsigned int known)
{
	if (version == known)
		return 0;
	return cm__error(ctx, CM_EINVAL,
	                 "error: %s version %u is not one this library knows (%u); initialise "
	                 "it with its _INIT macro or _init function",
	                 what, version, known);
}

static void format_location(char *buf, size_t size, const char *file, unsigned long line,
                            unsigned long col)
{
	if (file && line)
		snprintf(buf, size, "%s:%lu:%lu: ", file, line, col);
	else if (file)
		snprintf(buf, size, "%s: ", file);
	else
		buf[0] = '\0';
}

static const char *level_name(cm_diag_level level)
{
	return level == CM_DIAG_ERROR ? "error" : "warning";
}

/* Keeps up to max_diagnostics warnings and as many errors, apart, so that a
 * flood of warnings cannot hide the errors after it. */
static int store_diag(cm_ctx *ctx, const cm__diag_item *d)
{
	cm__diag_store *s = &ctx->diags;
	size_t max = ctx->limits.max_diagnostics;
	int error = d->d.level == CM_DIAG_ERROR;
	if (max && (error ? s->kept_errors : s->count - s->kept_errors) >= max) {
		s->dropped++;
		cm__free(d->file);
		cm__free(d->message);
		return 0;
	}
	if (cm__grow((void **)&s->items, &s->cap, s->count + 1, sizeof(*s->items)))
		return CM_ENOMEM;
	s->items[s->count++] = *d;
	s->kept_errors += error;
	return 0;
}

/* A copy of s escaped (cm_escape), which takes at most 4 bytes a byte. */
static char *escaped_dup(const char *s)
{
	size_t size = 4 * strlen(s) + 1;
	char *copy = cm__malloc(size);
	if (copy)
		cm_escape(copy, size, s);
	return copy;
}

int cm__diag(cm_ctx *ctx, cm_diag_level level, const char *file, unsigned long line,
             unsigned long col, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (level == CM_DIAG_ERROR && cm__diag_errors(ctx) == 0) {
		char loc[512];
		format_location(loc, sizeof(loc), file, line, col);
		cm__error(ctx, 0, "%.300serror: %.700s", loc, msg);
	}
	/* Counted before it may be dropped: validity must not depend on how many
	 * warnings came first. */
	if (level == CM_DIAG_ERROR)
		ctx->diags.errors++;
	cm__diag_item d = {{level, NULL, line, col, NULL}, NULL, NULL};
	d.file = file ? escaped_dup(file) : NULL;
	d.message = escaped_dup(msg);
	d.d.file = d.file;
	d.d.message = d.message;
	if ((file && !d.file) || !d.message || store_diag(ctx, &d)) {
		cm__free(d.file);
		cm__free(d.message);
		return cm__oom(ctx);
	}
	return 0;
}

int cm__reader_vdiag(cm_ctx *ctx, size_t *errors, cm_diag_level level, const char *file,
                     unsigned long line, unsigned long col, const char *fmt, va_list ap)
{
	char msg[900];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	*errors += level == CM_DIAG_ERROR;
	return cm__diag(ctx, level, file, line, col, "%s", msg) ? CM_ENOMEM : 0;
}

int cm__reader_diag(cm_ctx *ctx, size_t *errors, cm_diag_level level, const char *file,
                    unsigned long line, unsigned long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int rc = cm__reader_vdiag(ctx, errors, level, file, line, col, fmt, ap);
	va_end(ap);
	return rc;
}

size_t cm__diag_errors(const cm_ctx *ctx)
{
	return ctx->diags.errors;
}

void cm_diag_print(FILE *fp, const cm_diag *d)
{
	char loc[512];
	format_location(loc, sizeof(loc), d->file, d->line, d->col);
	fprintf(fp, "%s%s: %s\n", loc, level_name(d->level), d->message);
}

static int diag_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	cm_diag_print(fp, arg);
	return 0;
}

int cm_diag_print_buf(cm_buf *out, cm_ctx *ctx, const cm_diag *d)
{
	return cm__buf_write(out, ctx, diag_thunk, d);
}
