/* SPDX-License-Identifier: MIT */
/* Diagrams of change, through the public render API: the diff as one
 * network whose nodes and edges carry their change, and small multiples of
 * a timeline on the positions of one layout of every snapshot together, so
 * that what moves between the pictures is the network, not the layout. */
#include "compare.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *copy_str(cm_network *net, const char *s)
{
	return s ? cm__arena_strndup(&net->arena, s, strlen(s)) : NULL;
}

/* A node of the union: src's attributes under the match key as its id. */
static int add_union_node(cm_network *u, cm_ctx *ctx, const char *key, const cm_network *src,
                          size_t i)
{
	cm__node nd = src->nodes[i];
	nd.id = copy_str(u, key);
	nd.label = copy_str(u, src->nodes[i].label ? src->nodes[i].label : src->nodes[i].id);
	nd.sector = copy_str(u, nd.sector);
	if (!nd.id || !nd.label || (src->nodes[i].sector && !nd.sector))
		return cm__oom(ctx);
	nd.has |= CM_HAS_LABEL;
	return cm__network_add_node(u, ctx, &nd);
}

static int add_union_edge(cm_network *u, cm_ctx *ctx, const char *layer, size_t a, size_t b,
                          int directed)
{
	cm__edge e = {a, b, 0, 1.0, 0, 0, 0, (unsigned char)(directed != 0)};
	int rc = cm__network_layer(&e.layer, u, ctx, layer);
	return rc ? rc : cm__network_add_edge(u, ctx, &e);
}

static int diff_nodes(cm_network *u, cm_change *nc, cm_ctx *ctx, const cm_diff *d)
{
	for (size_t i = 0; i < d->nactors; i++) {
		const cm__actor *a = &d->actors[i];
		int newer = a->new_i != SIZE_MAX;
		int rc = add_union_node(u, ctx, a->key, newer ? d->new_net : d->old_net,
		                        newer ? a->new_i : a->old_i);
		if (rc)
			return rc;
		nc[i] = a->old_i == SIZE_MAX   ? CM_CHANGE_ENTERED
		        : a->new_i == SIZE_MAX ? CM_CHANGE_LEFT
		                               : CM_CHANGE_STAYED;
	}
	return 0;
}

/* Every tie of every layer ("all" only repeats them) with its change. */
static int diff_edges(cm_network *u, cm_change **ec, cm_ctx *ctx, const cm_diff *d)
{
	size_t total = 0, cap = 0;
	for (size_t k = 0; k + 1 < d->nlayers; k++)
		total += d->layers[k].count[0] + d->layers[k].count[1] + d->layers[k].count[2];
	if (cm__grow((void **)ec, &cap, total + 1, sizeof(**ec)))
		return cm__oom(ctx);
	for (size_t k = 0; k + 1 < d->nlayers; k++) {
		const cm__layer_diff *l = &d->layers[k];
		for (int c = 0; c < CM_CHANGE_COUNT; c++)
			for (size_t i = 0; i < l->count[c]; i++) {
				(*ec)[u->m] = (cm_change)c;
				int rc = add_union_edge(u, ctx, l->name, l->ties[c][i].a,
				                        l->ties[c][i].b, l->directed);
				if (rc)
					return rc;
			}
	}
	return cm__network_finish(u, ctx);
}

int cm_diff_network(cm_network **out, cm_change **node_change, cm_change **edge_change, cm_ctx *ctx,
                    const cm_diff *d)
{
	cm_network *u = NULL;
	char a[64], b[64], label[160];
	*out = NULL;
	*node_change = cm__malloc(sizeof(**node_change) * (d->nactors + 1));
	*edge_change = NULL;
	int rc = *node_change ? cm__network_new(&u, ctx) : cm__oom(ctx);
	if (!rc) {
		snprintf(label, sizeof(label), "%s -> %s",
		         cm__snapshot_name(a, sizeof(a), d->old_net, 0),
		         cm__snapshot_name(b, sizeof(b), d->new_net, 1));
		u->label = copy_str(u, label);
		u->source = copy_str(u, d->new_net->source);
		rc = u->label && u->source ? 0 : cm__oom(ctx);
	}
	if (!rc)
		rc = diff_nodes(u, *node_change, ctx, d);
	if (!rc)
		rc = diff_edges(u, edge_change, ctx, d);
	if (rc) {
		cm_network_free(u);
		cm_changes_free(*node_change);
		cm_changes_free(*edge_change);
		*node_change = *edge_change = NULL;
		return rc;
	}
	*out = u;
	return 0;
}

void cm_changes_free(cm_change *changes)
{
	cm__free(changes);
}

int cm_diff_render(cm_ctx *ctx, const cm_diff *d, const char *path, const cm_render_opts *opts)
{
	cm_network *u;
	cm_change *nc, *ec;
	cm_render_opts o = CM_RENDER_OPTS_INIT;
	if (opts && cm__check_version(ctx, "cm_render_opts", opts->version, CM_RENDER_OPTS_VERSION))
		return CM_EINVAL;
	if (opts)
		o = *opts;
	int rc = cm_diff_network(&u, &nc, &ec, ctx, d);
	if (rc)
		return rc;
	o.node_change = nc;
	o.edge_change = ec;
	o.metrics = NULL; /* measures of the snapshots do not belong to the union */
	o.classification = NULL;
	if (!o.title)
		o.title = u->label;
	rc = cm_render_file(NULL, ctx, u, path, &o);
	cm_network_free(u);
	cm_changes_free(nc);
	cm_changes_free(ec);
	return rc;
}

/* ------------------------------------------------------------ small multiples */

typedef struct keyed {
	const char *key;
	size_t snap, node;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return (x->snap < y->snap) - (x->snap > y->snap); /* latest snapshot first */
}

static const char *node_key(const cm_network *net, size_t i, const char *match_by)
{
	const char *k = match_by ? cm__node_attr(net, i, match_by) : net->nodes[i].id;
	return k ? k : net->nodes[i].id;
}

typedef struct union_build {
	keyed *all; /* every (snapshot, node), sorted by key */
	size_t nall;
	size_t **index; /* [snapshot][node] -> union node */
} union_build;

static void union_free(union_build *b, size_t count)
{
	for (size_t s = 0; b->index && s < count; s++)
		cm__free(b->index[s]);
	cm__free(b->index);
	cm__free(b->all);
}

static int collect_keys(union_build *b, cm_ctx *ctx, const cm_timeline *tl)
{
	size_t total = 0;
	for (size_t s = 0; s < tl->count; s++)
		total += tl->nets[s]->n;
	b->all = cm__malloc(sizeof(*b->all) * (total + 1));
	b->index = cm__calloc(tl->count + 1, sizeof(*b->index));
	if (!b->all || !b->index)
		return cm__oom(ctx);
	for (size_t s = 0; s < tl->count; s++) {
		const cm_network *net = tl->nets[s];
		if (!(b->index[s] = cm__malloc(sizeof(size_t) * (net->n + 1))))
			return cm__oom(ctx);
		for (size_t i = 0; i < net->n; i++)
			b->all[b->nall++] = (keyed){node_key(net, i, tl->match_by), s, i};
	}
	qsort(b->all, b->nall, sizeof(*b->all), cmp_keyed);
	return 0;
}

/* Actors of every snapshot (attributes from the latest that has each) and
 * every distinct tie, for one layout of them all. */
static int timeline_union(cm_network *u, cm_ctx *ctx, const cm_timeline *tl)
{
	union_build b = {NULL, 0, NULL};
	int rc = collect_keys(&b, ctx, tl);
	for (size_t k = 0; !rc && k < b.nall; k++) {
		const keyed *e = &b.all[k];
		if (!k || strcmp(e->key, b.all[k - 1].key))
			rc = add_union_node(u, ctx, e->key, tl->nets[e->snap], e->node);
		b.index[e->snap][e->node] = u->n - 1;
	}
	for (size_t s = 0; !rc && s < tl->count; s++)
		for (size_t e = 0; !rc && e < tl->nets[s]->m; e++) {
			const cm__edge *ed = &tl->nets[s]->edges[e];
			rc = add_union_edge(u, ctx, tl->nets[s]->layers[ed->layer],
			                    b.index[s][ed->src], b.index[s][ed->dst], ed->directed);
		}
	union_free(&b, tl->count);
	return rc ? rc : cm__network_finish(u, ctx);
}

/* The union's positions under the node ids of one snapshot. */
static int snapshot_positions(cm_positions **out, cm_ctx *ctx, const cm_positions *all,
                              const cm_network *net, const char *match_by)
{
	int rc = cm_positions_new(out, ctx);
	for (size_t i = 0; !rc && i < net->n; i++) {
		double x, y;
		if (cm_positions_get(&x, &y, all, node_key(net, i, match_by)) == 0)
			rc = cm_positions_set(ctx, *out, net->nodes[i].id, x, y);
	}
	return rc;
}

static const char *format_ext(cm_render_format f)
{
	static const char *const ext[] = {"svg", "png", "pdf", "dot", "plain"};
	return (unsigned)f < CM__ARRAY_LEN(ext) ? ext[f] : "svg";
}

/* DIR/NAME.EXT with the characters a file name cannot hold replaced. */
static void snapshot_path(char *buf, size_t size, const char *dir, const char *name,
                          cm_render_format f)
{
	snprintf(buf, size, "%s/%s.%s", dir, name, format_ext(f));
	for (char *p = buf + strlen(dir) + 1; *p && p < buf + size; p++)
		if (*p == '/' || *p == '\\' || *p == ':' || *p == ' ')
			*p = '_';
}

/* A panel's title: the caller's title, then the snapshot's name, then its
 * year when the name does not already say it ("after the takeover
 * (2019)"), so that every panel says which moment it shows. */
static void panel_title(char *buf, size_t size, const char *title, const cm_timeline *tl, size_t i)
{
	char year[16] = "";
	if (tl->nets[i]->year) {
		snprintf(year, sizeof(year), "%d", tl->nets[i]->year);
		if (strstr(tl->names[i], year))
			year[0] = '\0';
	}
	snprintf(buf, size, "%s%s%s%s%s%s", title ? title : "", title ? ": " : "", tl->names[i],
	         year[0] ? " (" : "", year, year[0] ? ")" : "");
}

static int draw_snapshot(cm_ctx *ctx, const cm_timeline *tl, size_t i, const char *dir,
                         const cm_positions *all, cm_render_opts o)
{
	char path[4096];
	cm_positions *pin = NULL;
	int rc = snapshot_positions(&pin, ctx, all, tl->nets[i], tl->match_by);
	if (!rc) {
		snapshot_path(path, sizeof(path), dir, tl->names[i], o.format);
		char title[512];
		panel_title(title, sizeof(title), o.title, tl, i);
		o.pin = pin;
		o.title = title;
		o.metrics = tl->metrics[i];
		o.classification = tl->cls[i];
		rc = cm_render_file(NULL, ctx, tl->nets[i], path, &o);
	}
	cm_positions_free(pin);
	return rc;
}

/* The size measure's range over every snapshot, so that the panels share
 * one scale; left alone when the caller gave one, or when nodes are not
 * sized by a measure of the snapshots' metrics. */
static void shared_size_range(cm_render_opts *o, const cm_timeline *tl)
{
	double lo = INFINITY, hi = -INFINITY;
	const char *layer = o->layer ? o->layer : "all";
	if (o->size_lo < o->size_hi || !o->size_by)
		return;
	for (size_t i = 0; i < tl->count; i++) {
		const double *v;
		size_t k;
		if (cm_metrics_find_layer(&k, tl->metrics[i], layer) ||
		    cm_metrics_actor_values(&v, NULL, tl->metrics[i], k, o->size_by))
			continue;
		for (size_t j = 0; j < tl->nets[i]->n; j++)
			if (!isnan(v[j]))
				lo = fmin(lo, v[j]), hi = fmax(hi, v[j]);
	}
	if (lo < hi)
		o->size_lo = lo, o->size_hi = hi;
}

int cm_timeline_render(cm_ctx *ctx, const cm_timeline *tl, const char *dir,
                       const cm_render_opts *opts)
{
	cm_network *u = NULL;
	cm_positions *all = NULL;
	cm_render_opts o = CM_RENDER_OPTS_INIT;
	if (opts && cm__check_version(ctx, "cm_render_opts", opts->version, CM_RENDER_OPTS_VERSION))
		return CM_EINVAL;
	if (opts)
		o = *opts;
	o.metrics = NULL;
	o.classification = NULL;
	o.node_change = o.edge_change = NULL;
	int rc = cm__network_new(&u, ctx);
	if (!rc)
		rc = timeline_union(u, ctx, tl);
	if (!rc)
		rc = cm_render_layout(&all, ctx, u, &o);
	shared_size_range(&o, tl);
	for (size_t i = 0; !rc && i < tl->count; i++)
		rc = draw_snapshot(ctx, tl, i, dir, all, o);
	cm_positions_free(all);
	cm_network_free(u);
	return rc;
}
