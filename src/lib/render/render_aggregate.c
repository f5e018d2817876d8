/* SPDX-License-Identifier: MIT */
/* Networks too large to read are drawn as groups: one node per colour group
 * (kind, community, role or attribute value) and side of the region, sized
 * by members, with one line per pair of groups and layer whose width grows
 * with the ties between them. */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tie {
	size_t a, b, layer;
	unsigned char directed;
} tie;

static int by_tie(const void *x, const void *y)
{
	const tie *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	if (p->layer != q->layer)
		return p->layer < q->layer ? -1 : 1;
	return (int)p->directed - (int)q->directed;
}

typedef struct agg {
	size_t nkeys;
	size_t *members, *external, *within, *cat, *index; /* per key */
	int split;                                         /* inside and outside both present */
} agg;

static size_t key_of(const agg *A, const cm__rnode *nd)
{
	return A->split ? 2 * nd->group + !nd->inside : nd->group;
}

static void agg_free(agg *A)
{
	cm__free(A->members);
	cm__free(A->external);
	cm__free(A->within);
	cm__free(A->cat);
	cm__free(A->index);
}

static int agg_count(agg *A, cm_ctx *ctx, const cm__scene *s)
{
	A->split = s->has_inside && s->has_outside;
	A->nkeys = s->ngroups * (A->split ? 2 : 1) + 1;
	A->members = cm__calloc(A->nkeys, sizeof(size_t));
	A->external = cm__calloc(A->nkeys, sizeof(size_t));
	A->within = cm__calloc(A->nkeys, sizeof(size_t));
	A->cat = cm__calloc(A->nkeys, sizeof(size_t));
	A->index = cm__calloc(A->nkeys, sizeof(size_t));
	if (!A->members || !A->external || !A->within || !A->cat || !A->index)
		return cm__oom(ctx);
	for (size_t i = 0; i < s->n; i++) {
		size_t k = key_of(A, &s->nodes[i]);
		A->members[k]++;
		A->external[k] += s->nodes[i].external;
		A->cat[k] = s->nodes[i].cat;
	}
	for (size_t e = 0; e < s->m; e++) {
		size_t a = key_of(A, &s->nodes[s->edges[e].src]);
		if (a == key_of(A, &s->nodes[s->edges[e].dst]))
			A->within[a]++;
	}
	return 0;
}

/* The group's name whole, however long: it is the Graphviz node's name,
 * so a cut one could split a character or merge two groups. */
static char *group_name(cm__scene *s, size_t g, int outside)
{
	const char *key = s->groups[g], *tail = outside ? " (outside)" : "";
	size_t kl = strlen(key), tl = strlen(tail);
	char *name = cm__malloc(kl + tl + 1), *out;
	if (!name)
		return NULL;
	memcpy(name, key, kl);
	memcpy(name + kl, tail, tl + 1);
	out = cm__arena_strndup(&s->arena, name, kl + tl);
	cm__free(name);
	return out;
}

static int group_node(cm__rnode *out, cm__scene *s, const agg *A, size_t k, const cm_positions *pin)
{
	char label[640], esc[512];
	size_t g = A->split ? k / 2 : k;
	int outside = A->split && k % 2;
	const char *name = group_name(s, g, outside);
	if (!name)
		return CM_ENOMEM;
	cm__render_escape(esc, sizeof(esc), name, 40);
	snprintf(label, sizeof(label), "%s\\n%zu actor%s, %zu tie%s within", esc, A->members[k],
	         A->members[k] == 1 ? "" : "s", A->within[k], A->within[k] == 1 ? "" : "s");
	*out = (cm__rnode){.cat = A->cat[k], .group = g, .value = (double)A->members[k]};
	out->inside = A->split ? !outside : s->has_inside;
	out->external = 2 * A->external[k] > A->members[k];
	out->name = name;
	out->gv = cm__render_gv_name(&s->arena, name);
	out->label = cm__arena_strndup(&s->arena, label, strlen(label));
	out->pinned = pin && cm_positions_get(&out->x, &out->y, pin, name) == 0;
	return out->gv && out->label ? 0 : CM_ENOMEM;
}

static int make_nodes(cm__scene *s, cm_ctx *ctx, agg *A, cm__rnode *nodes, size_t *count,
                      const cm_positions *pin)
{
	size_t n = 0;
	s->vmin = INFINITY, s->vmax = 0, s->npinned = 0;
	for (size_t k = 0; k < A->nkeys; k++) {
		if (!A->members[k])
			continue;
		if (group_node(&nodes[n], s, A, k, pin))
			return cm__oom(ctx);
		s->npinned += nodes[n].pinned;
		s->vmin = fmin(s->vmin, nodes[n].value);
		s->vmax = fmax(s->vmax, nodes[n].value);
		A->index[k] = n++;
	}
	for (size_t i = 0; i < n; i++)
		nodes[i].width = cm__render_width(nodes[i].value, s->vmin, s->vmax);
	*count = n;
	return 0;
}

/* Ties between groups, one per (from, to, layer) with their count. */
static int make_edges(cm__scene *s, cm_ctx *ctx, const agg *A, tie *t)
{
	size_t nt = 0;
	for (size_t e = 0; e < s->m; e++) {
		const cm__redge *ed = &s->edges[e];
		size_t a = A->index[key_of(A, &s->nodes[ed->src])];
		size_t b = A->index[key_of(A, &s->nodes[ed->dst])];
		if (a == b)
			continue;
		if (!ed->directed && a > b)
			a ^= b, b ^= a, a ^= b;
		t[nt++] = (tie){a, b, ed->layer, ed->directed};
	}
	qsort(t, nt, sizeof(*t), by_tie);
	s->m = 0;
	s->max_ties = 0;
	for (size_t l = 0; l < s->nlayers; l++)
		s->layers[l].count = 0;
	for (size_t i = 0; i < nt; i++) {
		if (s->m && !by_tie(&t[i - 1], &t[i])) {
			s->edges[s->m - 1].ties++;
		} else {
			s->edges[s->m++] = (cm__redge){t[i].a,        t[i].b,          t[i].layer,
			                               t[i].directed, CM__CHANGE_NONE, 1};
			s->layers[t[i].layer].count++;
		}
		s->max_ties = fmax(s->max_ties, s->edges[s->m - 1].ties);
	}
	return 0;
}

int cm__scene_aggregate(cm__scene *s, cm_ctx *ctx, const cm_positions *pin)
{
	agg A = {0};
	int rc = agg_count(&A, ctx, s);
	cm__rnode *nodes = rc ? NULL : cm__calloc(A.nkeys, sizeof(*nodes));
	tie *t = rc ? NULL : cm__calloc(s->m + 1, sizeof(*t));
	size_t n = 0;
	if (!rc && (!nodes || !t))
		rc = cm__oom(ctx);
	if (!rc)
		rc = make_nodes(s, ctx, &A, nodes, &n, pin);
	if (!rc)
		rc = make_edges(s, ctx, &A, t);
	if (!rc) {
		cm__free(s->nodes);
		s->nodes = nodes, s->n = s->ncap = n;
		nodes = NULL;
		s->aggregated = 1;
		s->boxes = 0; /* a group of the drawing is not a group of the file */
		s->size_mode = CM__SIZE_MEMBERS;
		s->node_changes = s->edge_changes = 0;
	}
	cm__free(nodes);
	cm__free(t);
	agg_free(&A);
	return rc;
}

/* ------------------------------------------------------------ parallel ties */

typedef struct slot {
	size_t src, dst, layer, at;
	unsigned char directed, change;
} slot;

/* Order of the ends, layer, direction and change; 0 for parallel ties. */
static int slot_key(const slot *p, const slot *q)
{
	if (p->src != q->src)
		return p->src < q->src ? -1 : 1;
	if (p->dst != q->dst)
		return p->dst < q->dst ? -1 : 1;
	if (p->layer != q->layer)
		return p->layer < q->layer ? -1 : 1;
	int d = (p->directed * 16 + p->change) - (q->directed * 16 + q->change);
	return (d > 0) - (d < 0);
}

/* Parallel ties by their place in the scene: the first one is kept. */
static int by_slot(const void *x, const void *y)
{
	const slot *p = x, *q = y;
	int c = slot_key(p, q);
	return c ? c : (p->at > q->at) - (p->at < q->at);
}

/* Adds each tie's count to the first of its run of parallel ties and
 * marks the others (ties 0). */
static void count_runs(cm__scene *s, const slot *t)
{
	for (size_t i = 1, first = 0; i < s->m; i++) {
		if (slot_key(&t[i], &t[first])) {
			first = i;
			continue;
		}
		s->edges[t[first].at].ties += s->edges[t[i].at].ties;
		s->edges[t[i].at].ties = 0;
	}
}

int cm__scene_merge_ties(cm__scene *s, cm_ctx *ctx)
{
	slot *t = s->m ? cm__malloc(s->m * sizeof(*t)) : NULL;
	if (s->m && !t)
		return cm__oom(ctx);
	for (size_t e = 0; e < s->m; e++) {
		const cm__redge *ed = &s->edges[e];
		t[e] = (slot){ed->src, ed->dst, ed->layer, e, ed->directed, ed->change};
	}
	qsort(t, s->m, sizeof(*t), by_slot);
	count_runs(s, t);
	cm__free(t);
	size_t kept = 0;
	for (size_t e = 0; e < s->m; e++)
		if (s->edges[e].ties > 0)
			s->edges[kept++] = s->edges[e];
	s->m = kept;
	return 0;
}

/* Counts each distinct line of the sorted t[0..k) on both its ends. */
static void busiest_actor(size_t *busiest, size_t *actor, const slot *t, size_t k, size_t *per)
{
	for (size_t i = 0; i < k; i++) {
		if (i && !slot_key(&t[i], &t[i - 1]))
			continue;
		per[t[i].src]++;
		if (t[i].dst != t[i].src)
			per[t[i].dst]++;
	}
	for (size_t v = 0; per && per[v] != SIZE_MAX; v++)
		if (per[v] > *busiest)
			*busiest = per[v], *actor = v;
}

int cm__render_lines(size_t *out, size_t *busiest, size_t *actor, cm_ctx *ctx,
                     const cm_network *net, size_t layer)
{
	size_t m = cm_network_edge_count(net), k = 0, n = cm_network_node_count(net);
	slot *t = m ? cm__malloc(m * sizeof(*t)) : NULL;
	size_t *per = m ? cm__calloc(n + 1, sizeof(*per)) : NULL;
	*out = *busiest = *actor = 0;
	if (m && (!t || !per)) {
		cm__free(t), cm__free(per);
		return cm__oom(ctx);
	}
	for (size_t e = 0; e < m; e++) {
		size_t l = net->edges[e].layer;
		if (layer == SIZE_MAX || l == layer)
			t[k++] = (slot){net->edges[e].src, net->edges[e].dst, l, e, 0, 0};
	}
	qsort(t, k, sizeof(*t), by_slot);
	for (size_t i = 0; i < k; i++)
		*out += !i || slot_key(&t[i], &t[i - 1]);
	if (per)
		per[n] = SIZE_MAX; /* the end mark */
	busiest_actor(busiest, actor, t, k, per);
	cm__free(t);
	cm__free(per);
	return 0;
}
