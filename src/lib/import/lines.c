/* SPDX-License-Identifier: MIT */
/* The line-based readers (DL, Pajek) read through getline() under the same
 * limits, with the same messages. */
#include "import.h"

#include <errno.h>
#include <string.h>

int cm__line_check(cm_ctx *ctx, const cm__line_at *at, const char *text, size_t len)
{
	unsigned long long max = ctx->limits.max_bytes;
	size_t maxlen = ctx->limits.max_value_length;
	int code = 0;
	if (max && at->bytes > max)
		code = CM_ELIMIT, cm__diag(ctx, CM_DIAG_ERROR, at->file, at->line, 1,
		                           "input exceeds the limit of %llu bytes; raise it with "
		                           "--max-bytes",
		                           max);
	else if (maxlen && len > maxlen)
		code = CM_ELIMIT, cm__diag(ctx, CM_DIAG_ERROR, at->file, at->line, 1,
		                           "line length exceeds the limit of %zu; raise it with "
		                           "--max-value-length",
		                           maxlen);
	else if (memchr(text, '\0', len))
		code = CM_EPARSE, cm__diag(ctx, CM_DIAG_ERROR, at->file, at->line, 1,
		                           "a NUL byte; this is not a %s text file", at->format);
	return code;
}

int cm__line_end(cm_ctx *ctx, const char *file, FILE *fp, int stopped)
{
	if (!ferror(fp) || stopped)
		return 0;
	cm__diag(ctx, CM_DIAG_ERROR, file, 0, 0, "cannot read: %s", strerror(EIO));
	return CM_EIO;
}
