/* SPDX-License-Identifier: MIT */
/* The file readers of every command: the format told from the file's first
 * bytes (or its name), then GraphML's reader or a peer format's. */
#include "import.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

enum { SNIFF = 4096 };

static int has_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path), k = strlen(suffix);
	return n > k && !strcasecmp(path + n - k, suffix);
}

size_t cm__implied_nodes_max(unsigned long long bytes)
{
	unsigned long long n = 4096 + 16 * bytes;
	return n > SIZE_MAX / 2 ? SIZE_MAX / 2 : (size_t)n;
}

/* Where the content starts: past a BOM, blank lines and comment lines
 * (Pajek's "%", GML's "#"). */
static size_t content_start(const char *head, size_t len)
{
	size_t i = len >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3) ? 3 : 0;
	while (i < len) {
		while (i < len && strchr(" \t\r\n", head[i]) && head[i])
			i++;
		if (i >= len || (head[i] != '%' && head[i] != '#'))
			break;
		const char *nl = memchr(head + i, '\n', len - i);
		i = nl ? (size_t)(nl - head) + 1 : len;
	}
	return i;
}

/* GML: keys and values, the network a "graph [" list. */
static int looks_gml(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
		return 0;
	for (const char *g = s; (g = strstr(g, "graph")); g += 5)
		if ((g == s || strchr(" \t\r\n", g[-1])) && g[5 + strspn(g + 5, " \t\r\n")] == '[')
			return 1;
	return 0;
}

/* Pajek files start with a section ("*Vertices", "*Network"), DL files with
 * the word DL, XML with '<'. */
cm__format cm__format_detect(const char *head, size_t len, const char *path)
{
	size_t i = content_start(head, len);
	const char *s = head + i;
	if (i < len && head[i] == '*')
		return CM__FMT_PAJEK;
	if (len - i >= 2 && !strncasecmp(s, "dl", 2) && (!s[2] || strchr(" \t\r\n,", s[2])))
		return CM__FMT_DL;
	/* GEXF's root comes after the XML declaration and any comments. */
	if (i < len && head[i] == '<' && strstr(s, "<gexf") &&
	    (!strstr(s, "<graphml") || strstr(s, "<gexf") < strstr(s, "<graphml")))
		return CM__FMT_GEXF;
	if (i < len && head[i] == '<')
		return CM__FMT_GRAPHML;
	if (i < len && looks_gml(s))
		return CM__FMT_GML;
	static const struct {
		const char *suffix;
		cm__format fmt;
	} by_name[] = {{".net", CM__FMT_PAJEK},
	               {".paj", CM__FMT_PAJEK},
	               {".gexf", CM__FMT_GEXF},
	               {".dl", CM__FMT_DL},
	               {".gml", CM__FMT_GML}};
	for (size_t k = 0; k < CM__ARRAY_LEN(by_name); k++)
		if (has_suffix(path, by_name[k].suffix))
			return by_name[k].fmt;
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
	else if (fmt == CM__FMT_DL)
		rc = cm__dl_read(out, ctx, name, fp, opts);
	else if (fmt == CM__FMT_GML)
		rc = cm__gml_read(out, ctx, name, fp, opts);
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
