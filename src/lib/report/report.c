/* SPDX-License-Identifier: MIT */
/* Shared pieces of the JSON and CSV writers. */
#include "report.h"

#include <math.h>
#include <errno.h>
#include <string.h>

json_t *cm__json_diags(const cm_ctx *ctx)
{
	json_t *a = json_array();
	int bad = 0;
	for (size_t i = 0; a && !bad && i < ctx->diags.count; i++) {
		const cm_diag *d = &ctx->diags.items[i].d;
		bad |= json_array_append_new(
		    a, json_pack("{s:s,s:s?,s:I,s:I,s:s}", "level",
		                 d->level == CM_DIAG_ERROR ? "error" : "warning", "file", d->file,
		                 "line", (json_int_t)d->line, "col", (json_int_t)d->col, "message",
		                 d->message));
	}
	return cm__json_check(a, bad);
}

json_t *cm__json_check(json_t *v, int bad)
{
	if (!bad)
		return v;
	json_decref(v);
	return NULL;
}

json_t *cm__json_number(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

enum { AS_NULL, AS_INTEGER, AS_REAL };

/* Whole numbers as JSON integers, undefined values as null. Whole at the
 * printed precision (10 significant digits): igraph scales a vector by the
 * reciprocal of its maximum, which leaves 1 - 2^-53 as often as 1, and the
 * two must read the same. */
static int value_kind(double v, json_int_t *whole)
{
	if (!isfinite(v))
		return AS_NULL;
	if (fabs(v) >= 9007199254740992.0)
		return AS_REAL;
	double r = nearbyint(v);
	*whole = (json_int_t)r;
	return r == v || (r != 0 && fabs(v - r) <= fabs(r) * 1e-10) ? AS_INTEGER : AS_REAL;
}

json_t *cm__json_value(double v)
{
	json_int_t whole = 0;
	switch (value_kind(v, &whole)) {
	case AS_NULL: return json_null();
	case AS_INTEGER: return json_integer(whole);
	default: return json_real(v);
	}
}

int cm__json_value_set(json_t *value, double v)
{
	json_int_t whole = 0;
	switch (value_kind(v, &whole)) {
	case AS_NULL: return json_is_null(value) ? 0 : -1;
	case AS_INTEGER: return json_is_integer(value) ? json_integer_set(value, whole) : -1;
	default: return json_is_real(value) ? json_real_set(value, v) : -1;
	}
}

#define JSON_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10))

/* root's text in t's buffer, NUL-terminated, or -1 (out of memory).
 * Formatted in memory first, so that a failure leaves nothing behind, and
 * into a buffer of our own: jansson 2.14's json_dumps() and json_dumpf() can
 * drop a key when an allocation fails and still succeed (docs/findings.md,
 * #20). json_dumpb() either fills the buffer or sizes it for a second call,
 * which cannot fail that way. jansson formats reals under the C locale it
 * enforces. */
static int format_into(cm__json_text *t, json_t *root, size_t *len)
{
	*len = root ? json_dumpb(root, t->data, t->cap, JSON_FLAGS) : 0;
	if (*len == 0)
		return -1;
	if (*len >= t->cap) { /* did not fit (room for the '\0' too): once more */
		char *grown = cm__realloc(t->data, *len + 1);
		if (!grown)
			return -1;
		t->data = grown;
		t->cap = *len + 1;
		if (json_dumpb(root, t->data, t->cap, JSON_FLAGS) != *len)
			return -1;
	}
	t->data[*len] = '\0';
	return 0;
}

/* root's text in t, or -1 (out of memory); root is released. */
static int json_text_in(cm__json_text *t, json_t *root, size_t *len)
{
	int rc = format_into(t, root, len);
	json_decref(root);
	return rc;
}

static char *json_text(json_t *root, size_t *len)
{
	cm__json_text t = {0};
	if (json_text_in(&t, root, len) == 0)
		return t.data;
	cm__free(t.data);
	return NULL;
}

int cm__write_failed(cm_ctx *ctx)
{
	return cm__error(ctx, CM_EIO, "error: write failed: %s", strerror(errno ? errno : EIO));
}

static int write_failed(cm_ctx *ctx)
{
	return cm__write_failed(ctx);
}

int cm__json_dump(json_t *root, FILE *fp, cm_ctx *ctx)
{
	size_t len;
	char *text = json_text(root, &len);
	if (!text)
		return cm__oom(ctx);
	int ok = fwrite(text, 1, len, fp) == len && fputc('\n', fp) != EOF;
	cm__free(text);
	return ok ? 0 : write_failed(ctx);
}

int cm__json_stream_open(json_t *root, FILE *fp, cm_ctx *ctx)
{
	size_t len;
	char *text = json_text(root, &len);
	if (!text)
		return cm__oom(ctx);
	/* The text ends in the empty array's "[]\n}": keep its "[". */
	int ok =
	    len >= 4 && !strcmp(text + len - 4, "[]\n}") && fwrite(text, 1, len - 3, fp) == len - 3;
	cm__free(text);
	return ok ? 0 : write_failed(ctx);
}

int cm__json_stream_element(json_t *elem, int first, cm__json_text *t, FILE *fp, cm_ctx *ctx)
{
	size_t len;
	if (json_text_in(t, elem, &len))
		return cm__oom(ctx);
	char *text = t->data;
	/* jansson's layout one level down: each line indented by four more. */
	int ok = fputs(first ? "\n    " : ",\n    ", fp) != EOF;
	for (char *p = text, *nl; ok && *p; p = nl + 1) {
		if (!(nl = strchr(p, '\n'))) {
			ok = fputs(p, fp) != EOF;
			break;
		}
		ok = fwrite(p, 1, (size_t)(nl - p) + 1, fp) == (size_t)(nl - p) + 1 &&
		     fputs("    ", fp) != EOF;
	}
	return ok ? 0 : write_failed(ctx);
}

int cm__json_stream_close(int any, FILE *fp, cm_ctx *ctx)
{
	return fputs(any ? "\n  ]\n}\n" : "]\n}\n", fp) != EOF ? 0 : write_failed(ctx);
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

const char *const cm__name_fields[CM__NAME_FIELDS] = {"label", "kind", "size", "ownership",
                                                      "location"};

void cm__node_names(const char *out[CM__NAME_FIELDS], const cm_network *net, size_t i)
{
	const cm__node *nd = &net->nodes[i];
	out[0] = nd->label; /* a label, or a name attribute read as one */
	out[1] = nd->has & CM_HAS_KIND ? cm_kind_name((cm_kind)nd->kind) : NULL;
	out[2] = nd->has & CM_HAS_SIZE && nd->size != CM_SIZE_UNKNOWN
	             ? cm_size_name((cm_size)nd->size)
	             : NULL;
	out[3] = nd->has & CM_HAS_OWNERSHIP ? cm_ownership_name((cm_ownership)nd->ownership) : NULL;
	out[4] = nd->has & CM_HAS_LOCATION ? cm_location_name((cm_location)nd->location) : NULL;
}
