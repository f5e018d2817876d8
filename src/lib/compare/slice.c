/* SPDX-License-Identifier: MIT */
/* Slicing one dated graph into yearly snapshots. The presence rules are in
 * docs/time.md; they are chosen so that a series written as several graphs
 * and the same series written with dates slice to identical snapshots. */
#include "core/internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Present at t: start (or year) <= t <= end, a missing bound being open. */
static int present_at(int t, int year, int start, int end)
{
	int from = start ? start : year;
	return (!from || from <= t) && (!end || t <= end);
}

static int node_date(int *out, cm_ctx *ctx, const cm_network *net, size_t i, const char *name)
{
	const char *text = cm__node_attr(net, i, name);
	long v;
	*out = 0;
	if (!text)
		return 0;
	if (cm__parse_long(&v, text) || v == 0 || v < -1000000 || v > 1000000)
		return cm__error(
		    ctx, CM_EPARSE,
		    "%s: error: node '%s' has %s '%.40s', not a whole year; use e.g. 2015",
		    net->source, net->nodes[i].id, name, text);
	*out = (int)v;
	return 0;
}

/* The dates of node i: year, start, end. */
static int node_dates(int dates[3], cm_ctx *ctx, const cm_network *net, size_t i)
{
	static const char *const names[3] = {"year", "start", "end"};
	for (int k = 0; k < 3; k++) {
		int rc = node_date(&dates[k], ctx, net, i, names[k]);
		if (rc)
			return rc;
	}
	int from = dates[1] ? dates[1] : dates[0];
	if (from && dates[2] && from > dates[2])
		return cm__error(ctx, CM_EPARSE,
		                 "%s: error: node '%s' starts in %d after it ends in %d; "
		                 "swap start and end",
		                 net->source, net->nodes[i].id, from, dates[2]);
	return 0;
}

static int check_edge(cm_ctx *ctx, const cm_network *net, size_t e)
{
	const cm__edge *ed = &net->edges[e];
	int from = ed->start ? ed->start : ed->year;
	if (from && ed->end && from > ed->end)
		return cm__error(ctx, CM_EPARSE,
		                 "%s: error: edge %s -> %s starts in %d after it ends in %d; "
		                 "swap start and end",
		                 net->source, net->nodes[ed->src].id, net->nodes[ed->dst].id, from,
		                 ed->end);
	return 0;
}

/* Marks the nodes and edges present at t. */
static int presence(unsigned char *node_in, unsigned char *edge_in, cm_ctx *ctx,
                    const cm_network *net, int t)
{
	int d[3], rc;
	for (size_t i = 0; i < net->n; i++) {
		if ((rc = node_dates(d, ctx, net, i)))
			return rc;
		node_in[i] = (unsigned char)present_at(t, d[0], d[1], d[2]);
	}
	for (size_t e = 0; e < net->m; e++) {
		const cm__edge *ed = &net->edges[e];
		if ((rc = check_edge(ctx, net, e)))
			return rc;
		edge_in[e] = (unsigned char)present_at(t, ed->year, ed->start, ed->end);
		/* A tie at t implies both its actors exist at t. */
		if (edge_in[e])
			node_in[ed->src] = node_in[ed->dst] = 1;
	}
	return 0;
}

static const char *copy_str(cm_network *dst, const char *s)
{
	return s ? cm__arena_strndup(&dst->arena, s, strlen(s)) : NULL;
}

/* Copies element i of every extra column of src into element j of dst. */
static int copy_columns(cm_network *dst, cm_ctx *ctx, const cm_network *src, int edges, size_t i,
                        size_t j)
{
	const cm__column *cols = edges ? src->ecols : src->ncols;
	size_t n = edges ? src->necols : src->nncols;
	for (size_t k = 0; k < n; k++) {
		const char *v = cm__column_get(&cols[k], i);
		cm__column *c;
		if (!v)
			continue;
		const char *copy = copy_str(dst, v);
		if (!copy || cm__network_column(&c, dst, ctx, edges, cols[k].name, cols[k].type) ||
		    cm__column_set(c, ctx, j, copy))
			return cm__oom(ctx);
	}
	return 0;
}

static int copy_node(cm_network *dst, cm_ctx *ctx, const cm_network *src, size_t i)
{
	cm__node nd = src->nodes[i];
	nd.id = copy_str(dst, nd.id);
	nd.label = copy_str(dst, nd.label);
	nd.sector = copy_str(dst, nd.sector);
	if (!nd.id || (src->nodes[i].label && !nd.label) || (src->nodes[i].sector && !nd.sector))
		return cm__oom(ctx);
	size_t j = dst->n;
	int rc = cm__network_add_node(dst, ctx, &nd);
	return rc ? rc : copy_columns(dst, ctx, src, 0, i, j);
}

static int copy_edge(cm_network *dst, cm_ctx *ctx, const cm_network *src, size_t e,
                     const size_t *map)
{
	cm__edge ed = src->edges[e];
	ed.src = map[ed.src];
	ed.dst = map[ed.dst];
	size_t j = dst->m;
	int rc = cm__network_layer(&ed.layer, dst, ctx, src->layers[src->edges[e].layer]);
	if (!rc)
		rc = cm__network_add_edge(dst, ctx, &ed);
	return rc ? rc : copy_columns(dst, ctx, src, 1, e, j);
}

static int copy_present(cm_network *dst, cm_ctx *ctx, const cm_network *src,
                        const unsigned char *node_in, const unsigned char *edge_in, size_t *map)
{
	int rc;
	for (size_t i = 0; i < src->n; i++) {
		map[i] = dst->n;
		if (node_in[i] && (rc = copy_node(dst, ctx, src, i)))
			return rc;
	}
	for (size_t e = 0; e < src->m; e++)
		if (edge_in[e] && (rc = copy_edge(dst, ctx, src, e, map)))
			return rc;
	return cm__network_finish(dst, ctx);
}

static int slice_header(cm_network *dst, cm_ctx *ctx, const cm_network *src, int year)
{
	char label[16];
	snprintf(label, sizeof(label), "%d", year);
	dst->source = copy_str(dst, src->source);
	dst->id = copy_str(dst, src->id);
	dst->label = copy_str(dst, label);
	dst->year = year;
	return dst->source && dst->id && dst->label ? 0 : cm__oom(ctx);
}

int cm_network_slice(cm_network **out, cm_ctx *ctx, const cm_network *net, int year)
{
	cm_network *dst = NULL;
	unsigned char *node_in = cm__calloc(net->n + 1, 1), *edge_in = cm__calloc(net->m + 1, 1);
	size_t *map = cm__calloc(net->n + 1, sizeof(*map));
	int rc = node_in && edge_in && map ? 0 : cm__oom(ctx);
	*out = NULL;
	if (!rc)
		rc = presence(node_in, edge_in, ctx, net, year);
	if (!rc)
		rc = cm__network_new(&dst, ctx);
	if (!rc)
		rc = slice_header(dst, ctx, net, year);
	if (!rc)
		rc = copy_present(dst, ctx, net, node_in, edge_in, map);
	cm__free(node_in);
	cm__free(edge_in);
	cm__free(map);
	if (rc)
		cm_network_free(dst);
	else
		*out = dst;
	return rc;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int push_year(int **ys, size_t *n, size_t *cap, int y)
{
	if (!y)
		return 0;
	if (cm__grow((void **)ys, cap, *n + 1, sizeof(**ys)))
		return CM_ENOMEM;
	(*ys)[(*n)++] = y;
	return 0;
}

static int collect_years(int **ys, size_t *n, cm_ctx *ctx, const cm_network *net)
{
	size_t cap = 0;
	int d[3], rc;
	for (size_t i = 0; i < net->n; i++) {
		if ((rc = node_dates(d, ctx, net, i)))
			return rc;
		for (int k = 0; k < 3; k++)
			if (push_year(ys, n, &cap, d[k]))
				return cm__oom(ctx);
	}
	for (size_t e = 0; e < net->m; e++) {
		const cm__edge *ed = &net->edges[e];
		if (push_year(ys, n, &cap, ed->year) || push_year(ys, n, &cap, ed->start) ||
		    push_year(ys, n, &cap, ed->end))
			return cm__oom(ctx);
	}
	return 0;
}

int cm_network_years(int **out, size_t *count, cm_ctx *ctx, const cm_network *net)
{
	int *ys = NULL;
	size_t n = 0, distinct = 0;
	*out = NULL;
	*count = 0;
	int rc = collect_years(&ys, &n, ctx, net);
	if (rc) {
		cm__free(ys);
		return rc;
	}
	if (n > 1)
		qsort(ys, n, sizeof(*ys), cmp_int);
	for (size_t i = 0; i < n; i++)
		if (!distinct || ys[i] != ys[distinct - 1])
			ys[distinct++] = ys[i];
	*out = ys;
	*count = distinct;
	return 0;
}

void cm_years_free(int *years)
{
	cm__free(years);
}

static int slice_all(cm_series *s, cm_ctx *ctx, const cm_network *net, const int *years,
                     size_t count)
{
	for (size_t i = 0; i < count; i++) {
		cm_network *snap;
		if (i && years[i] <= years[i - 1])
			return cm__error(ctx, CM_EINVAL,
			                 "error: years must ascend without repeats (%d after %d); "
			                 "sort them",
			                 years[i], years[i - 1]);
		int rc = cm_network_slice(&snap, ctx, net, years[i]);
		if (rc)
			return rc;
		if ((rc = cm_series_append(ctx, s, snap))) {
			cm_network_free(snap);
			return rc;
		}
	}
	return 0;
}

int cm_series_slice(cm_series **out, cm_ctx *ctx, const cm_network *net, const int *years,
                    size_t count)
{
	int *own = NULL, rc;
	*out = NULL;
	if (!years) {
		if ((rc = cm_network_years(&own, &count, ctx, net)))
			return rc;
		years = own;
	}
	if (!count)
		rc = cm__error(ctx, CM_EINVAL,
		               "%s: error: no dates to slice by; give nodes or edges a year, start "
		               "or end",
		               net->source);
	else
		rc = cm_series_new(out, ctx);
	if (!rc && (rc = slice_all(*out, ctx, net, years, count))) {
		cm_series_free(*out);
		*out = NULL;
	}
	cm__free(own);
	return rc;
}
