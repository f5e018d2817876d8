/* SPDX-License-Identifier: MIT */
/* Names in sheets: which actor a cell names (by id, then by label), and
 * for a name that is in no node sheet, the closest names there, found by
 * edit distance, so that a misspelt firm can be told and fixed. */
#include "import.h"

#include <string.h>

int cm__import_add_node(size_t *out, cm__import *imp, const char *id)
{
	cm_network *net = imp->net;
	size_t len = strlen(id), max = imp->ctx->limits.max_nodes;
	if (max && net->n >= max)
		return cm__error(imp->ctx, CM_ELIMIT,
		                 "error: more than %zu actors; raise --max-nodes", max);
	cm__node nd = {.id = cm__arena_strndup(&net->arena, id, len)};
	if (!nd.id || net->n >= UINT32_MAX ||
	    cm__strmap_put(&net->ids, nd.id, len, (uint32_t)net->n) ||
	    cm__network_add_node(net, imp->ctx, &nd))
		return cm__oom(imp->ctx);
	*out = net->n - 1;
	return 0;
}

int cm__import_tie(size_t *out, cm__import *imp, size_t src, size_t dst, const char *relation,
                   int directed)
{
	cm_network *net = imp->net;
	size_t max = imp->ctx->limits.max_edges;
	if (max && net->m >= max)
		return cm__error(imp->ctx, CM_ELIMIT,
		                 "error: more than %zu ties; raise --max-edges", max);
	cm__edge e = {.src = src, .dst = dst, .weight = 1.0, .directed = (unsigned char)directed};
	if (cm__network_layer(&e.layer, net, imp->ctx, relation) ||
	    cm__network_add_edge(net, imp->ctx, &e))
		return CM_ENOMEM;
	imp->ties_read++;
	*out = net->m - 1;
	return 0;
}

static int fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The code points of s (ASCII folded), at most cap of them. */
static size_t code_points(unsigned *cp, size_t cap, const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && n < cap; p++)
		if ((*p & 0xC0) != 0x80)
			cp[n++] = (unsigned)fold(*p);
		else if (n)
			cp[n - 1] = cp[n - 1] * 64 + (*p & 0x3F);
	return n;
}

enum { NAME_MAX_CP = 128 };

size_t cm__name_distance(const char *a, const char *b, size_t limit)
{
	unsigned x[NAME_MAX_CP], y[NAME_MAX_CP];
	size_t row[NAME_MAX_CP + 1];
	size_t n = code_points(x, NAME_MAX_CP, a), m = code_points(y, NAME_MAX_CP, b);
	if ((n > m ? n - m : m - n) > limit)
		return limit + 1;
	for (size_t j = 0; j <= m; j++)
		row[j] = j;
	for (size_t i = 1; i <= n; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= m; j++) {
			size_t up = row[j], v = diag + (x[i - 1] != y[j - 1]);
			v = up + 1 < v ? up + 1 : v;
			v = row[j - 1] + 1 < v ? row[j - 1] + 1 : v;
			diag = up;
			row[j] = v;
			best = v < best ? v : best;
		}
		if (best > limit)
			return limit + 1;
	}
	return row[m] <= limit ? row[m] : limit + 1;
}

/* 1 when the shorter of two names (4 or more bytes) starts the longer,
 * ASCII case folded: "Cantina Rossi" and "Cantina Rossi S.r.l.". */
static int starts_other(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), n = la < lb ? la : lb;
	if (n < 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (fold((unsigned char)a[i]) != fold((unsigned char)b[i]))
			return 0;
	return 1;
}

typedef struct near {
	const char *name[3];
	size_t dist[3];
} near;

static int consider(near *nr, const char *name, const char *cand)
{
	if (!cand)
		return 0;
	size_t len = strlen(name), limit = len / 3 > 2 ? len / 3 : 2;
	size_t d = cm__name_distance(name, cand, limit);
	if (d > limit && !starts_other(name, cand))
		return 0;
	d = d > limit ? limit : d;
	for (int k = 0; k < 3; k++)
		if (nr->name[k] && !strcmp(nr->name[k], cand))
			return 1;
	for (int k = 0; k < 3; k++)
		if (!nr->name[k] || d < nr->dist[k] ||
		    (d == nr->dist[k] && strcmp(cand, nr->name[k]) < 0)) {
			for (int j = 2; j > k; j--)
				nr->name[j] = nr->name[j - 1], nr->dist[j] = nr->dist[j - 1];
			nr->name[k] = cand;
			nr->dist[k] = d;
			return 1;
		}
	return 1;
}

/* "; did you mean 'A' or 'B'?" with the closest ids and labels, or "". */
static void suggest(char *buf, size_t size, const cm__import *imp, const char *name)
{
	near nr = {{NULL}, {0}};
	const cm_network *net = imp->net;
	buf[0] = '\0';
	for (size_t i = 0; i < net->n; i++) {
		/* One name per actor: its label when that is close, else its id. */
		if (!consider(&nr, name, net->nodes[i].label))
			consider(&nr, name, net->nodes[i].id);
	}
	for (int k = 0; k < 3 && nr.name[k]; k++) {
		size_t at = strlen(buf);
		snprintf(buf + at, size - at, "%s'%.80s'", k == 0 ? "; did you mean " : " or ",
		         nr.name[k]);
	}
	if (buf[0])
		snprintf(buf + strlen(buf), size - strlen(buf), "?");
}

/* A name that is in no node sheet: reported once, at its first cell. */
static int missing(cm__import *imp, const cm__sheet *sh, size_t r, size_t col, const char *name)
{
	long found;
	size_t len = strlen(name);
	const char *key = cm__arena_strndup(&imp->missing_arena, name, len);
	if (!key || cm__strmap_add(&imp->missing, key, len, 0, &found))
		return cm__oom(imp->ctx);
	imp->missing_uses++;
	if (found >= 0)
		return CM_ENOTFOUND;
	char hint[400] = "";
	if (imp->missing.count <= 200) /* past that, the sheets do not belong together */
		suggest(hint, sizeof(hint), imp, name);
	if (cm__sheet_diag(imp->ctx, sh, CM_DIAG_ERROR, r, col, "'%s' is not in the node sheet%s%s",
	                   name, hint, hint[0] ? "" : "; add it there, or use --add-missing"))
		return CM_ENOMEM;
	return CM_ENOTFOUND;
}

static int add_outside(size_t *out, cm__import *imp, const char *name)
{
	if (cm__import_add_node(out, imp, name))
		return CM_ENOMEM;
	cm__node *nd = &imp->net->nodes[*out];
	if (imp->have_nodes) {
		nd->location = CM_LOCATION_OUTSIDE;
		nd->has |= CM_HAS_LOCATION;
		imp->added++;
	}
	return 0;
}

int cm__import_endpoint(size_t *out, cm__import *imp, const cm__sheet *sh, size_t r, size_t col)
{
	const char *name = col == SIZE_MAX ? NULL : cm__sheet_cell(sh, r, col);
	if (cm__cell_missing(name))
		return cm__sheet_diag(imp->ctx, sh, CM_DIAG_ERROR, r, col == SIZE_MAX ? 0 : col,
		                      "a tie needs both ends; this cell is empty")
		           ? CM_ENOMEM
		           : CM_ENOTFOUND;
	size_t len = strlen(name);
	long i = cm__strmap_get(&imp->net->ids, name, len);
	if (i < 0 && (i = cm__strmap_get(&imp->labels, name, len)) >= 0 &&
	    cm__strmap_get(&imp->ambiguous, name, len) >= 0)
		return cm__sheet_diag(imp->ctx, sh, CM_DIAG_ERROR, r, col,
		                      "'%s' is the label of several actors; use the id", name)
		           ? CM_ENOMEM
		           : CM_ENOTFOUND;
	if (i >= 0) {
		*out = (size_t)i;
		return 0;
	}
	if (!imp->have_nodes || imp->add_missing)
		return add_outside(out, imp, name);
	return missing(imp, sh, r, col, name);
}
