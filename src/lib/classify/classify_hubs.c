/* SPDX-License-Identifier: MIT */
/* Indicators of hierarchy, hub dominance and hub identity (supplier layer),
 * and the shared structural data (betweenness, core/periphery, top actors). */
#include "graph/betweenness.h"
#include "classify.h"
#include "graph/traverse.h"

#include <math.h>
#include <string.h>

const cm__node *cm__lnode(const cm__cdata *d, igraph_integer_t v)
{
	return &d->net->nodes[d->lnode[v]];
}

int cm__is_sme(const cm__node *nd)
{
	return nd->kind == CM_KIND_FIRM && nd->size >= CM_SIZE_MICRO && nd->size <= CM_SIZE_MEDIUM;
}

int cm__is_large(const cm__node *nd)
{
	return nd->kind == CM_KIND_FIRM && nd->size == CM_SIZE_LARGE;
}

int cm__is_external(const cm__node *nd)
{
	return nd->ownership == CM_OWNERSHIP_EXTERNAL;
}

int cm__is_public(const cm__node *nd)
{
	return CM__IS_PUBLIC(nd->kind);
}

int cm__degrees(igraph_vector_int_t *out, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode)
{
	CM__IG(ctx, igraph_vector_int_init(out, 0));
	igraph_error_t err = igraph_degree(g, out, igraph_vss_all(), mode, 0);
	if (err) {
		igraph_vector_int_destroy(out);
		return cm__igraph_error(ctx, err);
	}
	return 0;
}

/* The three highest of score, ties to the lower index (the canonical order);
 * top[j] = -1 past the entries with a positive score. Used where only the
 * scores count or to name an actor, never to decide who is in. */
void cm__top3(int top[3], const double *score, igraph_integer_t n)
{
	top[0] = top[1] = top[2] = -1;
	for (igraph_integer_t v = 0; v < n; v++) {
		if (!(score[v] > 0))
			continue;
		int j = 3;
		while (j > 0 && (top[j - 1] < 0 || score[v] > score[top[j - 1]]))
			j--;
		if (j == 3)
			continue;
		for (int k = 2; k > j; k--)
			top[k] = top[k - 1];
		top[j] = (int)v;
	}
}

/* Sum of the top three in-degrees of the supplier graph, and its tie count. */
static int top_indegrees(double *top1, double *top3, cm_ctx *ctx, const igraph_t *g)
{
	igraph_vector_int_t deg;
	int rc = cm__degrees(&deg, ctx, g, IGRAPH_IN);
	if (rc)
		return rc;
	igraph_integer_t a = 0, b = 0, c = 0;
	for (igraph_integer_t v = 0; v < igraph_vector_int_size(&deg); v++) {
		igraph_integer_t x = VECTOR(deg)[v];
		if (x > a)
			c = b, b = a, a = x;
		else if (x > b)
			c = b, b = x;
		else if (x > c)
			c = x;
	}
	igraph_vector_int_destroy(&deg);
	*top1 = (double)a;
	*top3 = (double)(a + b + c);
	return 0;
}

int cm__ind_buyer_top(double *out, cm_ctx *ctx, const cm__cdata *d, int three)
{
	const igraph_t *g = d->g[CM__G_SUP];
	double m = (double)igraph_ecount(g), t1, t3;
	*out = NAN;
	if (m == 0)
		return 0;
	int rc = top_indegrees(&t1, &t3, ctx, g);
	if (!rc)
		*out = (three ? t3 : t1) / m;
	return rc;
}

int cm__ind_centralization(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_SUP];
	*out = NAN;
	if (igraph_vcount(g) < 2 || igraph_ecount(g) == 0)
		return 0;
	CM__IG(ctx, igraph_centralization_degree(g, NULL, IGRAPH_IN, 0, out, NULL, 1));
	return 0;
}

/* Mean over suppliers of the Herfindahl index of their customers' shares of
 * their local supply ties: 1/out-degree with unweighted ties. */
int cm__ind_dependence(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	igraph_vector_int_t deg;
	int rc = cm__degrees(&deg, ctx, d->g[CM__G_SUP], IGRAPH_OUT);
	if (rc)
		return rc;
	double sum = 0;
	size_t count = 0;
	for (igraph_integer_t v = 0; v < igraph_vector_int_size(&deg); v++)
		if (VECTOR(deg)[v] > 0)
			sum += 1.0 / (double)VECTOR(deg)[v], count++;
	igraph_vector_int_destroy(&deg);
	*out = count ? sum / (double)count : NAN;
	return 0;
}

int cm__ind_supply_reciprocity(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	*out = NAN;
	if (igraph_ecount(d->g[CM__G_SUP]) == 0)
		return 0;
	CM__IG(ctx, igraph_reciprocity(d->g[CM__G_SUP], out, 1, IGRAPH_RECIPROCITY_DEFAULT));
	return 0;
}

int cm__ind_assortativity(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	*out = NAN;
	if (igraph_ecount(d->g[CM__G_SI]) == 0)
		return 0;
	CM__IG(ctx, igraph_assortativity_degree(d->g[CM__G_SI], out, 0));
	return 0;
}

int cm__tied(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(fabs(a), fabs(b));
}

/* Places of the actors above the cut (1 each) and of those tied at it (an
 * equal part of the places left). */
static void places(cm__top *t, igraph_integer_t n)
{
	int count = 0, above = 0, at = 0;
	while (count < 3 && t->top[count] >= 0)
		count++;
	double cut = count ? t->score[t->top[count - 1]] : 0;
	for (igraph_integer_t v = 0; count && v < n; v++) {
		int tie = cm__tied(t->score[v], cut);
		above += !tie && t->score[v] > cut;
		at += tie;
	}
	for (igraph_integer_t v = 0; v < n; v++) {
		int tie = count && cm__tied(t->score[v], cut);
		t->place[v] = tie ? (double)(count - above) / at : count && t->score[v] > cut;
	}
}

int cm__top_init(cm__top *t, cm_ctx *ctx, const double *score, igraph_integer_t n)
{
	t->score = score;
	t->place = cm__malloc(((size_t)n + 1) * sizeof(double));
	if (!t->place)
		return cm__oom(ctx);
	cm__top3(t->top, score, n);
	places(t, n);
	return 0;
}

void cm__top_free(cm__top *t)
{
	cm__free(t->place);
	t->place = NULL;
}

double cm__top_share(const cm__cdata *d, const cm__top *t, int (*pred)(const cm__node *))
{
	double held = 0, hits = 0;
	for (igraph_integer_t v = 0; v < d->v->nl; v++)
		if (t->place[v] > 0)
			held += t->place[v], hits += pred(cm__lnode(d, v)) ? t->place[v] : 0;
	return held > 0 ? hits / held : NAN;
}

static int tied_first(const cm__top *t, igraph_integer_t v)
{
	return t->top[0] >= 0 && cm__tied(t->score[v], t->score[t->top[0]]);
}

int cm__top_any(const cm__cdata *d, const cm__top *t, int (*pred)(const cm__node *))
{
	for (igraph_integer_t v = 0; v < d->v->nl; v++)
		if (t->place[v] > 0 && pred(cm__lnode(d, v)))
			return 1;
	return 0;
}

int cm__top_first(const cm__cdata *d, const cm__top *t, int (*pred)(const cm__node *))
{
	int tied = 0, hits = 0;
	for (igraph_integer_t v = 0; v < d->v->nl; v++)
		if (tied_first(t, v))
			tied++, hits += !!pred(cm__lnode(d, v));
	return 2 * hits > tied;
}

int cm__top_first_count(const cm__cdata *d, const cm__top *t)
{
	int count = 0;
	for (igraph_integer_t v = 0; v < d->v->nl; v++)
		count += tied_first(t, v);
	return count;
}

/* ------------------------------------------------------------ shared data */

/* Beyond CM__EXACT_BETWEENNESS_MAX local actors, betweenness is summed over
 * an evenly spaced sample of CM__BETWEENNESS_SOURCES sources: enough to rank
 * the top brokers and to share betweenness among kinds. Every stability
 * replicate repeats it, so the searches run on one contiguous adjacency
 * (traverse.h), without igraph_betweenness_subset()'s per-vertex predecessor
 * lists (docs/classification.md); the values are igraph's (halved, the graph
 * being undirected). */
static int sampled(igraph_vector_t *b, cm_ctx *ctx, const igraph_t *g)
{
	cm__bfs bfs;
	int rc = cm__bfs_open(&bfs, ctx, g, IGRAPH_ALL, 1);
	igraph_integer_t n = igraph_vcount(g), step = n / CM__BETWEENNESS_SOURCES + 1;
	igraph_vector_null(b);
	for (igraph_integer_t s = 0; !rc && s < n; s += step) {
		cm__bfs_add_betweenness(&bfs, (int32_t)s, 0.5, VECTOR(*b));
		cm__bfs_clear(&bfs);
	}
	cm__bfs_close(&bfs);
	return rc;
}

static int betweenness(cm__cdata *d, cm_ctx *ctx)
{
	const igraph_t *g = d->g[CM__G_ALL];
	igraph_integer_t n = igraph_vcount(g);
	igraph_vector_t b;
	cm__sampling info;
	cm__path_opts opts = {0, 1, d->seed, NULL};
	d->exact_betweenness = n <= CM__EXACT_BETWEENNESS_MAX;
	CM__IG(ctx, igraph_vector_init(&b, n));
	int rc =
	    d->exact_betweenness ? cm__betweenness(&b, &info, ctx, g, &opts) : sampled(&b, ctx, g);
	if (!rc) {
		d->betweenness = cm__malloc(((size_t)n + 1) * sizeof(double));
		if (d->betweenness)
			memcpy(d->betweenness, VECTOR(b), (size_t)n * sizeof(double));
		else
			rc = cm__oom(ctx);
	}
	igraph_vector_destroy(&b);
	return rc;
}

static int top_buyers(cm__cdata *d, cm_ctx *ctx)
{
	igraph_vector_int_t deg;
	int rc = cm__degrees(&deg, ctx, d->g[CM__G_SUP], IGRAPH_IN);
	if (rc)
		return rc;
	igraph_integer_t n = igraph_vector_int_size(&deg);
	d->indegree = cm__malloc(((size_t)n + 1) * sizeof(double));
	for (igraph_integer_t v = 0; d->indegree && v < n; v++)
		d->indegree[v] = (double)VECTOR(deg)[v];
	igraph_vector_int_destroy(&deg);
	return d->indegree ? cm__top_init(&d->buyers, ctx, d->indegree, n) : cm__oom(ctx);
}

int cm__cdata_core(const cm__core_periphery **out, cm__cdata *d, cm_ctx *ctx)
{
	*out = NULL;
	if (igraph_vcount(d->g[CM__G_ALL]) > CM__CORE_MAX)
		return 0;
	if (!d->cp_done) {
		int rc = cm__core_periphery_search(&d->cp, ctx, d->g[CM__G_ALL], d->seed,
		                                   CM__CP_EXHAUSTIVE_MAX, CM__CORE_RESTARTS);
		if (rc)
			return rc;
		d->cp_done = 1;
	}
	*out = &d->cp;
	return 0;
}

int cm__cdata_init(cm__cdata *d, cm_ctx *ctx, const cm__cview *v, unsigned long seed)
{
	memset(d, 0, sizeof(*d));
	d->v = v;
	d->net = v->net;
	d->seed = seed;
	for (int k = 0; k < CM__G_COUNT; k++)
		d->g[k] = &v->g[k];
	int *lnode = cm__malloc(((size_t)v->nl + 1) * sizeof(int));
	if (!lnode)
		return cm__oom(ctx);
	for (igraph_integer_t k = 0; k < v->nl; k++)
		lnode[k] = v->node[v->local[k]];
	d->lnode = d->lnode_own = lnode;
	d->fnode = v->node;
	int rc = betweenness(d, ctx);
	if (!rc)
		rc = top_buyers(d, ctx);
	if (!rc)
		rc = cm__top_init(&d->brokers, ctx, d->betweenness, v->nl);
	if (rc)
		cm__cdata_free(d);
	return rc;
}

void cm__cdata_free(cm__cdata *d)
{
	if (!d)
		return;
	cm__free(d->lnode_own);
	cm__free(d->betweenness);
	cm__free(d->indegree);
	cm__top_free(&d->buyers);
	cm__top_free(&d->brokers);
	if (d->cp_done)
		cm__core_periphery_free(&d->cp);
	memset(d, 0, sizeof(*d));
}
