/* SPDX-License-Identifier: MIT */
/* Matching actors across two snapshots and the tie changes of each layer. */
#include "compare.h"
#include "graph/layers.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct keyed {
	const char *key;
	size_t node;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const keyed *)a)->key, ((const keyed *)b)->key);
}

static const char *node_key(const cm_network *net, size_t i, const char *match_by)
{
	return match_by ? cm__node_attr(net, i, match_by) : net->nodes[i].id;
}

/* The nodes of one snapshot sorted by key; every key present and unique. */
static int sorted_keys(keyed **out, cm_ctx *ctx, const cm_network *net, const char *match_by)
{
	keyed *k = cm__malloc(sizeof(*k) * (net->n + 1));
	*out = k;
	if (!k)
		return cm__oom(ctx);
	for (size_t i = 0; i < net->n; i++) {
		k[i].node = i;
		if (!(k[i].key = node_key(net, i, match_by)))
			return cm__error(ctx, CM_EINVAL,
			                 "%s: error: node '%s' has no %s to match by; give every "
			                 "node one or match by id",
			                 net->source, net->nodes[i].id, match_by);
	}
	qsort(k, net->n, sizeof(*k), cmp_keyed);
	for (size_t i = 1; i < net->n; i++)
		if (!strcmp(k[i].key, k[i - 1].key))
			return cm__error(
			    ctx, CM_EINVAL,
			    "%s: error: nodes '%s' and '%s' share %s '%s'; match by an "
			    "attribute that is unique in each snapshot",
			    net->source, net->nodes[k[i - 1].node].id, net->nodes[k[i].node].id,
			    match_by ? match_by : "id", k[i].key);
	return 0;
}

static void merge_actors(cm_diff *d, const keyed *o, size_t no, const keyed *n, size_t nn)
{
	size_t i = 0, j = 0;
	while (i < no || j < nn) {
		cm__actor *a = &d->actors[d->nactors++];
		int c = i == no ? 1 : j == nn ? -1 : strcmp(o[i].key, n[j].key);
		a->old_i = c <= 0 ? o[i].node : SIZE_MAX;
		a->new_i = c >= 0 ? n[j].node : SIZE_MAX;
		a->key = c <= 0 ? o[i].key : n[j].key;
		i += c <= 0;
		j += c >= 0;
	}
}

static cm_change actor_change(const cm__actor *a)
{
	if (a->old_i == SIZE_MAX)
		return CM_CHANGE_ENTERED;
	return a->new_i == SIZE_MAX ? CM_CHANGE_LEFT : CM_CHANGE_STAYED;
}

static int index_changes(cm_diff *d, cm_ctx *ctx)
{
	for (int c = 0; c < CM_CHANGE_COUNT; c++)
		if (!(d->by_change[c] = cm__malloc(sizeof(size_t) * (d->nactors + 1))))
			return cm__oom(ctx);
	for (size_t i = 0; i < d->nactors; i++) {
		cm_change c = actor_change(&d->actors[i]);
		d->by_change[c][d->count[c]++] = i;
	}
	return 0;
}

static int build_actors(cm_diff *d, cm_ctx *ctx)
{
	keyed *o = NULL, *n = NULL;
	int rc = sorted_keys(&o, ctx, d->old_net, d->match_by);
	if (!rc)
		rc = sorted_keys(&n, ctx, d->new_net, d->match_by);
	if (!rc &&
	    !(d->actors = cm__malloc(sizeof(*d->actors) * (d->old_net->n + d->new_net->n + 1))))
		rc = cm__oom(ctx);
	if (!rc)
		merge_actors(d, o, d->old_net->n, n, d->new_net->n);
	cm__free(o);
	cm__free(n);
	return rc ? rc : index_changes(d, ctx);
}

static int cmp_tie(const void *a, const void *b)
{
	const cm__tie *x = a, *y = b;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

/* Node index -> actor index for one snapshot. */
static int actor_map(size_t **out, cm_ctx *ctx, const cm_diff *d, int newer)
{
	const cm_network *net = newer ? d->new_net : d->old_net;
	size_t *map = cm__malloc(sizeof(*map) * (net->n + 1));
	*out = map;
	if (!map)
		return cm__oom(ctx);
	for (size_t i = 0; i < d->nactors; i++) {
		size_t node = newer ? d->actors[i].new_i : d->actors[i].old_i;
		if (node != SIZE_MAX)
			map[node] = i;
	}
	return 0;
}

static void sort_unique(cm__tieset *s)
{
	size_t k = 0;
	qsort(s->ties, s->count, sizeof(*s->ties), cmp_tie);
	for (size_t i = 0; i < s->count; i++)
		if (!k || cmp_tie(&s->ties[i], &s->ties[k - 1]))
			s->ties[k++] = s->ties[i];
	s->count = k;
}

/* The ties of a built layer as actor pairs; directed = 0 folds arcs into
 * unordered pairs (a < b), for a layer directed in one snapshot only. */
static int layer_tieset(cm__tieset *out, cm_ctx *ctx, const cm__layer *l, const size_t *map,
                        int directed)
{
	igraph_integer_t m = igraph_ecount(&l->graph);
	out->count = 0;
	if (!(out->ties = cm__malloc(sizeof(*out->ties) * ((size_t)m + 1))))
		return cm__oom(ctx);
	for (igraph_integer_t e = 0; e < m; e++) {
		size_t a = map[VECTOR(l->node)[IGRAPH_FROM(&l->graph, e)]];
		size_t b = map[VECTOR(l->node)[IGRAPH_TO(&l->graph, e)]];
		if (!directed && a > b)
			out->ties[out->count++] = (cm__tie){b, a};
		else
			out->ties[out->count++] = (cm__tie){a, b};
	}
	sort_unique(out);
	return 0;
}

/* The layer view of one snapshot (none when the snapshot lacks the layer). */
static int snapshot_layer(cm__layer *out, int *have, cm_ctx *ctx, const cm_network *net,
                          const char *name)
{
	size_t k = CM__LAYER_ALL;
	*have = !strcmp(name, "all") || cm_network_find_layer(&k, net, name) == 0;
	return *have ? cm__layer_build(out, ctx, net, k, NULL) : 0;
}

/* Splits two sorted tie sets into formed, dissolved and persisted. */
static int split_ties(cm__layer_diff *l, cm_ctx *ctx, const cm__tieset *o, const cm__tieset *n)
{
	for (int c = 0; c < CM_CHANGE_COUNT; c++)
		if (!(l->ties[c] = cm__malloc(sizeof(cm__tie) * (o->count + n->count + 1))))
			return cm__oom(ctx);
	size_t i = 0, j = 0;
	while (i < o->count || j < n->count) {
		int c = i == o->count ? 1 : j == n->count ? -1 : cmp_tie(&o->ties[i], &n->ties[j]);
		cm_change ch = c < 0   ? CM_CHANGE_DISSOLVED
		               : c > 0 ? CM_CHANGE_FORMED
		                       : CM_CHANGE_PERSISTED;
		l->ties[ch][l->count[ch]++] = c <= 0 ? o->ties[i] : n->ties[j];
		i += c <= 0;
		j += c >= 0;
	}
	size_t uni = l->count[0] + l->count[1] + l->count[2];
	l->jaccard = uni ? (double)l->count[CM_CHANGE_PERSISTED] / (double)uni : NAN;
	return 0;
}

static int layer_ties(cm__layer_diff *l, cm_ctx *ctx, const cm_diff *d, size_t *const map[2])
{
	cm__layer v[2];
	cm__tieset t[2] = {{NULL, 0}, {NULL, 0}};
	memset(v, 0, sizeof(v));
	int have[2] = {0, 0}, rc = snapshot_layer(&v[0], &have[0], ctx, d->old_net, l->name);
	if (!rc)
		rc = snapshot_layer(&v[1], &have[1], ctx, d->new_net, l->name);
	/* directed only when it is in every snapshot that has it */
	l->directed =
	    (!have[0] || v[0].directed) && (!have[1] || v[1].directed) && (have[0] || have[1]);
	for (int s = 0; s < 2 && !rc; s++)
		if (have[s])
			rc = layer_tieset(&t[s], ctx, &v[s], map[s], l->directed);
	if (!rc)
		rc = split_ties(l, ctx, &t[0], &t[1]);
	for (int s = 0; s < 2; s++) {
		cm__layer_free(&v[s]);
		cm__free(t[s].ties);
	}
	return rc;
}

static int find_layer_diff(const cm_diff *d, const char *name)
{
	for (size_t k = 0; k < d->nlayers; k++)
		if (!strcmp(d->layers[k].name, name))
			return (int)k;
	return -1;
}

/* Adds the layers of one snapshot not yet listed; marks those present. */
static void add_layers(cm_diff *d, const cm_network *net, int newer)
{
	for (size_t k = 0; k < net->nlayers; k++) {
		int at = find_layer_diff(d, net->layers[k]);
		cm__layer_diff *l = &d->layers[at < 0 ? d->nlayers++ : (size_t)at];
		l->name = net->layers[k];
		*(newer ? &l->in_new : &l->in_old) = 1;
	}
}

static int build_layers(cm_diff *d, cm_ctx *ctx)
{
	size_t *map[2] = {NULL, NULL};
	size_t max = d->old_net->nlayers + d->new_net->nlayers + 1;
	int rc = actor_map(&map[0], ctx, d, 0);
	if (!rc)
		rc = actor_map(&map[1], ctx, d, 1);
	if (!rc && !(d->layers = cm__calloc(max, sizeof(*d->layers))))
		rc = cm__oom(ctx);
	if (!rc) {
		add_layers(d, d->old_net, 0);
		add_layers(d, d->new_net, 1);
		cm__layer_diff *all = &d->layers[d->nlayers++];
		all->name = "all";
		all->in_old = all->in_new = 1;
	}
	for (size_t k = 0; !rc && k < d->nlayers; k++)
		rc = layer_ties(&d->layers[k], ctx, d, map);
	cm__free(map[0]);
	cm__free(map[1]);
	return rc;
}

int cm__diff_structure(cm_diff *d, cm_ctx *ctx)
{
	int rc = build_actors(d, ctx);
	return rc ? rc : build_layers(d, ctx);
}
