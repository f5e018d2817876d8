/* Shared pieces of the JSON and CSV writers. */
#include "report.h"

#include <math.h>
#include <string.h>

json_t *cm__json_diags(const cm_ctx *ctx)
{
	json_t *a = json_array();
	for (size_t i = 0; a && i < ctx->diags.count; i++) {
		const cm_diag *d = &ctx->diags.items[i];
		json_array_append_new(
			a, json_pack("{s:s,s:s?,s:I,s:I,s:s}", "level",
				     d->level == CM_DIAG_ERROR ? "error" : "warning", "file", d->file,
				     "line", (json_int_t)d->line, "col", (json_int_t)d->col,
				     "message", d->message));
	}
	return a;
}

json_t *cm__json_number(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

int cm__json_dump(json_t *root, FILE *fp, cm_ctx *ctx)
{
	if (!root)
		return cm__oom(ctx);
	/* jansson formats reals with "%.17g" under the C locale it enforces. */
	int rc = json_dumpf(root, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	json_decref(root);
	if (rc)
		return cm__error(ctx, CM_EIO, "error: writing JSON failed");
	fputc('\n', fp);
	return 0;
}

void cm__csv_field(FILE *fp, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}
