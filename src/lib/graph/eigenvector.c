/* SPDX-License-Identifier: MIT */
/* Eigenvector centrality computed component by component (docs/metrics.md).
 *
 * When two components share the largest eigenvalue the leading eigenvector
 * is not unique and ARPACK's answer depends on its start vector; the
 * definition used is the limit of power iteration from the all-ones vector
 * (eigenvector.h). By component is also faster: on the whole graph ARPACK
 * converges at the rate of the gap between the two largest eigenvalues, tiny
 * on a layer of many similar components. Only components whose eigenvalue
 * bound reaches the top are solved, with products over the whole graph's
 * compressed adjacency, so that no component needs a graph of its own. */
#include "eigenvector.h"

#include "traverse.h"

#include <math.h>
#include <stdlib.h>

/* Vertices grouped by component (a counting sort), with each component's
 * upper bound of its leading eigenvalue and each vertex's strength. */
typedef struct eig_parts {
	const cm__components *comp; /* the caller's, or own */
	cm__components own;
	igraph_integer_t count;
	igraph_integer_t *start, *vertex; /* component c: vertex[start[c] .. start[c + 1]) */
	double *upper, *strength;
} eig_parts;

typedef struct eig_rank {
	double upper;
	igraph_integer_t comp;
} eig_rank;

static int eig_plain(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                     const igraph_vector_t *weights)
{
	igraph_arpack_options_t arpack;
	igraph_arpack_options_init(&arpack);
	CM__IG(ctx, igraph_eigenvector_centrality(g, res, NULL, 0, 1, weights, &arpack));
	return 0;
}

/* The bounds below hold for simple graphs with positive weights. */
static int eig_usable(cm_ctx *ctx, const igraph_t *g, const igraph_vector_t *weights, int *usable)
{
	igraph_bool_t simple;
	CM__IG(ctx, igraph_is_simple(g, &simple));
	*usable = simple;
	for (igraph_integer_t e = 0; weights && *usable && e < igraph_vector_size(weights); e++)
		*usable = VECTOR(*weights)[e] > 0 && isfinite(VECTOR(*weights)[e]);
	return 0;
}

static void eig_parts_free(eig_parts *p)
{
	if (p->comp == &p->own)
		cm__components_free(&p->own);
	cm__free(p->start);
	cm__free(p->vertex);
	cm__free(p->upper);
	cm__free(p->strength);
}

static void eig_group(eig_parts *p)
{
	igraph_integer_t n = igraph_vector_int_size(&p->comp->memb);
	for (igraph_integer_t c = 0; c < p->count; c++)
		p->start[c + 1] = p->start[c] + VECTOR(p->comp->size)[c];
	for (igraph_integer_t v = 0; v < n; v++)
		p->vertex[p->start[VECTOR(p->comp->memb)[v]]++] = v;
	for (igraph_integer_t c = p->count; c > 0; c--)
		p->start[c] = p->start[c - 1];
	p->start[0] = 0;
}

/* Upper bounds of a connected component's leading eigenvalue: its largest
 * strength (row sums) and, without weights, Hong's sqrt(2m - n + 1) for a
 * connected simple graph (exact for a star), with weights the Frobenius norm
 * sqrt(2 sum w^2). */
static void eig_bounds(eig_parts *p, const igraph_t *g, const igraph_vector_t *weights, double *sq)
{
	double *strength = p->strength;
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		double w = weights ? VECTOR(*weights)[e] : 1;
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		strength[a] += w;
		strength[b] += w;
		sq[VECTOR(p->comp->memb)[a]] += 2 * w * w;
	}
	for (igraph_integer_t c = 0; c < p->count; c++)
		p->upper[c] = 0;
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
		igraph_integer_t c = VECTOR(p->comp->memb)[v];
		p->upper[c] = fmax(p->upper[c], strength[v]);
	}
	for (igraph_integer_t c = 0; c < p->count; c++) {
		double n = (double)VECTOR(p->comp->size)[c];
		double norm = weights ? sqrt(sq[c]) : sqrt(sq[c] - n + 1);
		p->upper[c] = n < 2 ? 0 : fmin(p->upper[c], norm);
	}
}

static int eig_parts_init(eig_parts *p, cm_ctx *ctx, const igraph_t *g,
                          const igraph_vector_t *weights)
{
	size_t n = (size_t)igraph_vcount(g) + 1;
	p->count = p->comp->count;
	size_t k = (size_t)p->count + 1;
	double *sq = cm__calloc(k, sizeof(double));
	p->strength = cm__calloc(n, sizeof(double));
	p->start = cm__calloc(k, sizeof(*p->start));
	p->vertex = cm__malloc(n * sizeof(*p->vertex));
	p->upper = cm__malloc(k * sizeof(*p->upper));
	int rc = p->strength && sq && p->start && p->vertex && p->upper ? 0 : cm__oom(ctx);
	if (!rc) {
		eig_group(p);
		eig_bounds(p, g, weights, sq);
	}
	cm__free(sq);
	return rc;
}

static int eig_cmp_rank(const void *a, const void *b)
{
	const eig_rank *x = a, *y = b;
	if (x->upper != y->upper)
		return x->upper > y->upper ? -1 : 1;
	return x->comp < y->comp ? -1 : x->comp > y->comp;
}

/* Components with ties, largest bound first. */
static eig_rank *eig_ranking(const eig_parts *p, igraph_integer_t *count)
{
	eig_rank *r = cm__malloc(((size_t)p->count + 1) * sizeof(*r));
	*count = 0;
	if (!r)
		return NULL;
	for (igraph_integer_t c = 0; c < p->count; c++)
		if (VECTOR(p->comp->size)[c] >= 2)
			r[(*count)++] = (eig_rank){p->upper[c], c};
	qsort(r, (size_t)*count, sizeof(*r), eig_cmp_rank);
	return r;
}

/* The search over ranked components, largest bound first: each computed
 * component's vector goes into res at its vertices (components are
 * disjoint), its eigenvalue into lambda[]; the search stops at the first
 * bound that cannot reach a tie with the largest eigenvalue found. */
typedef struct eig_search {
	cm__csr a; /* the whole graph's adjacency, with weights when given */
	double *x; /* one entry per vertex: ARPACK's vector at its vertices */
	igraph_vector_t vec;
	double *lambda; /* per component; -1 where not computed */
	double top;
} eig_search;

/* ARPACK's operand: the adjacency of one component (vertex[0 .. n), in
 * increasing order) applied to a vector over the component. */
typedef struct eig_op {
	const cm__csr *a;
	const igraph_integer_t *vertex;
	double *x;
} eig_op;

static igraph_error_t eig_mul(igraph_real_t *to, const igraph_real_t *from, int n, void *extra)
{
	const eig_op *op = extra;
	const cm__csr *a = op->a;
	for (int i = 0; i < n; i++)
		op->x[op->vertex[i]] = from[i];
	for (int i = 0; i < n; i++) {
		igraph_integer_t v = op->vertex[i];
		double sum = 0;
		for (int64_t k = a->start[v]; k < a->start[v + 1]; k++)
			sum += (a->w ? a->w[k] : 1) * op->x[a->adj[k]];
		to[i] = sum;
	}
	return IGRAPH_SUCCESS;
}

/* ARPACK's Lanczos basis and stopping rule on large components: with
 * reference BLAS, orthogonalising against the basis costs more than the
 * products on a sparse layer, so a smaller basis and a looser residual pay
 * (docs/metrics.md, docs/performance.md). Smaller components get the
 * defaults. */
enum { EIG_LARGE = 10000, EIG_NCV = 12 };
#define EIG_TOL 1e-10

static void eig_options(igraph_arpack_options_t *o, igraph_integer_t n)
{
	igraph_arpack_options_init(o);
	o->n = (int)n;
	o->nev = 1;
	o->which[0] = 'L';
	o->which[1] = 'A';
	o->start = 1;
	o->tol = n > EIG_LARGE ? EIG_TOL : 0;
	o->ncv = n > EIG_LARGE ? EIG_NCV : 0;
}

/* From the start vector in v's first column; returns the eigenvector with
 * a positive sum. */
static igraph_error_t eig_solve(igraph_vector_t *vec, double *lambda, eig_op *op,
                                igraph_integer_t n, igraph_matrix_t *v)
{
	igraph_vector_t values;
	igraph_arpack_options_t o;
	eig_options(&o, n);
	IGRAPH_VECTOR_INIT_FINALLY(&values, 1);
	IGRAPH_CHECK(igraph_arpack_rssolve(eig_mul, op, &o, NULL, &values, v));
	*lambda = VECTOR(values)[0];
	igraph_vector_destroy(&values);
	IGRAPH_FINALLY_CLEAN(1);
	IGRAPH_CHECK(igraph_vector_resize(vec, n));
	double sum = 0;
	for (igraph_integer_t i = 0; i < n; i++)
		sum += MATRIX(*v, i, 0);
	for (igraph_integer_t i = 0; i < n; i++)
		VECTOR(*vec)[i] = sum < 0 ? -MATRIX(*v, i, 0) : MATRIX(*v, i, 0);
	return IGRAPH_SUCCESS;
}

/* Leading eigenvalue and eigenvector (any positive scale) of component c
 * into s->vec. */
static igraph_error_t eig_component(double *lambda, eig_search *s, const eig_parts *p,
                                    igraph_integer_t c)
{
	igraph_integer_t n = p->start[c + 1] - p->start[c];
	eig_op op = {&s->a, p->vertex + p->start[c], s->x};
	igraph_matrix_t v;
	IGRAPH_MATRIX_INIT_FINALLY(&v, n, 1);
	/* The strengths (igraph's start; positive, so never orthogonal to the
	 * leading eigenvector of a connected component). */
	for (igraph_integer_t i = 0; i < n; i++)
		MATRIX(v, i, 0) = p->strength[op.vertex[i]];
	IGRAPH_CHECK(eig_solve(&s->vec, lambda, &op, n, &v));
	igraph_matrix_destroy(&v);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static void eig_place(igraph_vector_t *res, const eig_search *s, const eig_parts *p,
                      igraph_integer_t c)
{
	for (igraph_integer_t i = p->start[c]; i < p->start[c + 1]; i++)
		VECTOR(*res)[p->vertex[i]] = VECTOR(s->vec)[i - p->start[c]];
}

static igraph_error_t eig_scan(igraph_vector_t *res, eig_search *s, const eig_parts *p,
                               const eig_rank *rank, igraph_integer_t ranked)
{
	s->top = 0;
	for (igraph_integer_t k = 0; k < ranked; k++) {
		double lambda;
		if (k > 0 && rank[k].upper < s->top * (1 - CM__EIGEN_TIE))
			break;
		IGRAPH_CHECK(eig_component(&lambda, s, p, rank[k].comp));
		s->lambda[rank[k].comp] = lambda;
		s->top = fmax(s->top, lambda);
		eig_place(res, s, p, rank[k].comp);
	}
	return IGRAPH_SUCCESS;
}

/* Components tied for the largest eigenvalue keep their vector u times
 * sum(u) / sum(u^2), the projection of the all-ones vector on it (where
 * power iteration from ones converges); the others get 0. Then the whole is
 * scaled to a maximum of 1. */
static void eig_combine(igraph_vector_t *res, const eig_search *s, const eig_parts *p)
{
	for (igraph_integer_t c = 0; c < p->count; c++) {
		igraph_integer_t from = p->start[c], to = p->start[c + 1];
		double sum = 0, sq = 0, f = 0;
		if (s->lambda[c] < 0)
			continue; /* never computed: still 0 */
		for (igraph_integer_t i = from; i < to; i++) {
			double x = VECTOR(*res)[p->vertex[i]];
			sum += x;
			sq += x * x;
		}
		if (s->lambda[c] >= s->top * (1 - CM__EIGEN_TIE) && sq > 0)
			f = sum / sq;
		for (igraph_integer_t i = from; i < to; i++)
			VECTOR(*res)[p->vertex[i]] *= f;
	}
	double max = igraph_vector_max(res);
	if (max > 0)
		igraph_vector_scale(res, 1 / max);
}

static int eig_run(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g, const eig_parts *p,
                   eig_search *s)
{
	igraph_integer_t ranked;
	eig_rank *rank = eig_ranking(p, &ranked);
	if (!rank)
		return cm__oom(ctx);
	for (igraph_integer_t c = 0; c < p->count; c++)
		s->lambda[c] = -1;
	int rc = igraph_vector_resize(res, igraph_vcount(g)) ? cm__oom(ctx) : 0;
	if (!rc) {
		igraph_vector_null(res);
		igraph_error_t err = eig_scan(res, s, p, rank, ranked);
		rc = err ? cm__igraph_error(ctx, err) : 0;
	}
	cm__free(rank);
	if (!rc)
		eig_combine(res, s, p);
	return rc;
}

static int eig_by_component(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                            const igraph_vector_t *weights, const eig_parts *p)
{
	eig_search s = {.top = 0};
	int rc = cm__csr_init_weighted(&s.a, ctx, g, IGRAPH_ALL, weights);
	if (rc)
		return rc;
	if (igraph_vector_init(&s.vec, 0)) {
		cm__csr_free(&s.a);
		return cm__oom(ctx);
	}
	s.x = cm__malloc_large(((size_t)igraph_vcount(g) + 1) * sizeof(*s.x));
	s.lambda = cm__malloc(((size_t)p->count + 1) * sizeof(*s.lambda));
	rc = s.x && s.lambda ? eig_run(res, ctx, g, p, &s) : cm__oom(ctx);
	cm__free(s.x);
	cm__free(s.lambda);
	igraph_vector_destroy(&s.vec);
	cm__csr_free(&s.a);
	return rc;
}

int cm__eigenvector_centrality(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                               const igraph_vector_t *weights, const cm__components *comp)
{
	eig_parts p = {.comp = comp ? comp : &p.own};
	int usable = 0, rc;

	if ((rc = eig_usable(ctx, g, weights, &usable)) || !usable)
		return rc ? rc : eig_plain(res, ctx, g, weights);
	rc = comp ? 0 : cm__components_init(&p.own, ctx, g);
	if (!rc)
		rc = eig_parts_init(&p, ctx, g, weights);
	if (!rc)
		rc = eig_by_component(res, ctx, g, weights, &p);
	eig_parts_free(&p);
	return rc;
}
