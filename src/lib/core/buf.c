/* SPDX-License-Identifier: MIT */
/* Output into memory: every report writer has a cm_buf variant, so that a
 * binding never needs a FILE *. The bytes are written through a memory
 * stream (memout.c) by the same writer that writes to files, so both
 * outputs are the same bytes. */
#include "config.h"

#include "internal.h"

#include <stdlib.h>

void cm_buf_dispose(cm_buf *buf)
{
	if (!buf)
		return;
	free(buf->ptr);
	buf->ptr = NULL;
	buf->size = 0;
}

int cm__buf_write(cm_buf *out, cm_ctx *ctx, cm__writer fn, const void *arg)
{
	cm__memout m;
	cm_buf_dispose(out);
	if (!cm__memout_open(&m))
		return cm__oom(ctx);
	int rc = fn(m.fp, ctx, arg);
	if (cm__memout_close(&m) && !rc)
		rc = cm__oom(ctx);
	if (rc) {
		free(m.buf);
		return rc;
	}
	out->ptr = m.buf;
	out->size = m.len;
	return 0;
}
