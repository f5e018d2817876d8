/* SPDX-License-Identifier: MIT */
/* The file readers of every command: the format told from the file's first
 * bytes (or its name), then GraphML's reader or a peer format's. */
#include "import.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

enum { SNIFF = 4096 };

static int has_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), k = strlen(suffix);
	return n > k && !strcasecmp(path + n - k, suffix);
}

/* Pajek files start with a section ("*Vertices", "*Network"), after
 * comments ("%") and blank lines; XML starts with '<'. */
cm__format cm__format_detect(const char *head, size_t len, const char *path)
{
	size_t i = 0;
	if (len >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len) {
		i += strspn(head + i, " \t\r\n") < len - i ? strspn(head + i, " \t\r\n") : len - i;
		if (i < len && head[i] == '%') {
			const char *nl = memchr(head + i, '\n', len - i);
			i = nl ? (size_t)(nl - head) + 1 : len;
			continue;
		}
		break;
	}
	if (i < len && head[i] == '*')
		return CM__FMT_PAJEK;
	/* GEXF's root comes after the XML declaration and any comments. */
	if (i < len && head[i] == '<' && strstr(head + i, "<gexf") &&
	    (!strstr(head + i, "<graphml") ||
	     strstr(head + i, "<gexf") < strstr(head + i, "<graphml")))
		return CM__FMT_GEXF;
	if (i < len && head[i] == '<')
		return CM__FMT_GRAPHML;
	if (has_suffix(path, ".net") || has_suffix(path, ".paj"))
		return CM__FMT_PAJEK;
	if (has_suffix(path, ".gexf"))
		return CM__FMT_GEXF;
	return CM__FMT_GRAPHML; /* whose reader names what is wrong with the file */
}

static cm__format sniff(FILE *fp, const char *path)
{
	char head[SNIFF];
	size_t n = fread(head, 1, sizeof(head) - 1, fp);
	head[n] = '\0';
	rewind(fp);
	return cm__format_detect(head, n, path);
}

int cm_series_read_file(cm_series **out, cm_ctx *ctx, const char *path, const cm_read_opts *opts)
{
	static const cm_read_opts defaults = CM_READ_OPTS_INIT;
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (cm__check_version(ctx, "cm_read_opts", opts->version, CM_READ_OPTS_VERSION))
		return CM_EINVAL;
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		int e = errno;
		/* fopen() allocates: its failure may be the memory's. */
		if (e == ENOMEM)
			return cm__diag(ctx, CM_DIAG_ERROR, path, 0, 0, "out of memory"), CM_ENOMEM;
		cm__diag(ctx, CM_DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(e));
		return CM_EIO;
	}
	const char *name = opts->display_name ? opts->display_name : path;
	size_t before = cm__diag_errors(ctx);
	int rc;
	cm__format fmt = sniff(fp, path);
	if (fmt == CM__FMT_PAJEK)
		rc = cm__pajek_read(out, ctx, name, fp, opts);
	else if (fmt == CM__FMT_GEXF)
		rc = cm__gexf_read(out, ctx, name, fp, opts);
	else
		rc = cm__graphml_read_file(out, ctx, path, fp, opts);
	fclose(fp);
	if (rc == 0 && cm__diag_errors(ctx) > before) {
		cm_series_free(*out);
		*out = NULL;
		rc = CM_EPARSE;
	}
	return rc;
}

/* One snapshot from a file: the series reader, then the single item taken. */
int cm_network_read_file(cm_network **out, cm_ctx *ctx, const char *path, const cm_read_opts *opts)
{
	cm_series *s = NULL;
	*out = NULL;
	int rc = cm_series_read_file(&s, ctx, path, opts);
	if (rc)
		return rc;
	if (s->count != 1) {
		rc = cm__error(ctx, CM_EINVAL, "%s: error: file holds %zu snapshots; choose one",
		               path, s->count);
		cm_series_free(s);
		return rc;
	}
	rc = cm_series_take(out, ctx, s, 0);
	cm_series_free(s);
	return rc;
}
