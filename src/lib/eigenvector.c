/* Eigenvector centrality computed component by component.
 *
 * The adjacency matrix of a graph with several components is block-diagonal,
 * and its leading eigenvector is not unique when two components share the
 * largest eigenvalue (two separate pairs of firms, say): ARPACK then returns
 * whatever mixture its random start vector leads to, and the centralization
 * with it. Power iteration from the all-ones vector (how networkx
 * computes it) has one limit, which is the definition used here; see
 * eigenvector.h. Working by component is also faster: ARPACK run on the
 * whole graph converges at a rate set by the gap between the two largest
 * eigenvalues of the whole matrix, and a layer of many similar components
 * (associations with their members: stars of similar sizes, leading
 * eigenvalues sqrt(k) a fraction of a percent apart) makes that gap tiny, so
 * ARPACK restarts thousands of times over a basis of million-entry vectors.
 * Here every component's leading eigenvalue is bounded from above from its
 * ties, and ARPACK runs only on the components whose bound reaches the top. */
#include "eigenvector.h"

#include <math.h>
#include <stdlib.h>

/* Vertices grouped by component (a counting sort), with each component's
 * upper bound of its leading eigenvalue. */
typedef struct eig_parts {
	igraph_vector_int_t memb, size;
	igraph_integer_t count;
	igraph_integer_t *start, *vertex; /* component c: vertex[start[c] .. start[c + 1]) */
	double *upper;
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
	igraph_vector_int_destroy(&p->memb);
	igraph_vector_int_destroy(&p->size);
	cm__free(p->start);
	cm__free(p->vertex);
	cm__free(p->upper);
}

static void eig_group(eig_parts *p)
{
	igraph_integer_t n = igraph_vector_int_size(&p->memb);
	for (igraph_integer_t c = 0; c < p->count; c++)
		p->start[c + 1] = p->start[c] + VECTOR(p->size)[c];
	for (igraph_integer_t v = 0; v < n; v++)
		p->vertex[p->start[VECTOR(p->memb)[v]]++] = v;
	for (igraph_integer_t c = p->count; c > 0; c--)
		p->start[c] = p->start[c - 1];
	p->start[0] = 0;
}

/* Upper bounds of a connected component's leading eigenvalue: its largest
 * strength (row sums) and, without weights, Hong's sqrt(2m - n + 1) for a
 * connected simple graph (exact for a star), with weights the Frobenius norm
 * sqrt(2 sum w^2). */
static void eig_bounds(eig_parts *p, const igraph_t *g, const igraph_vector_t *weights,
                       double *strength, double *sq)
{
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		double w = weights ? VECTOR(*weights)[e] : 1;
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		strength[a] += w;
		strength[b] += w;
		sq[VECTOR(p->memb)[a]] += 2 * w * w;
	}
	for (igraph_integer_t c = 0; c < p->count; c++)
		p->upper[c] = 0;
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
		igraph_integer_t c = VECTOR(p->memb)[v];
		p->upper[c] = fmax(p->upper[c], strength[v]);
	}
	for (igraph_integer_t c = 0; c < p->count; c++) {
		double n = (double)VECTOR(p->size)[c];
		double norm = weights ? sqrt(sq[c]) : sqrt(sq[c] - n + 1);
		p->upper[c] = n < 2 ? 0 : fmin(p->upper[c], norm);
	}
}

static int eig_parts_init(eig_parts *p, cm_ctx *ctx, const igraph_t *g,
                          const igraph_vector_t *weights)
{
	size_t n = (size_t)igraph_vcount(g) + 1;
	CM__IG(ctx, igraph_connected_components(g, &p->memb, &p->size, &p->count, IGRAPH_WEAK));
	size_t k = (size_t)p->count + 1;
	double *strength = cm__calloc(n, sizeof(double)), *sq = cm__calloc(k, sizeof(double));
	p->start = cm__calloc(k, sizeof(*p->start));
	p->vertex = cm__malloc(n * sizeof(*p->vertex));
	p->upper = cm__malloc(k * sizeof(*p->upper));
	int rc = strength && sq && p->start && p->vertex && p->upper ? 0 : cm__oom(ctx);
	if (!rc) {
		eig_group(p);
		eig_bounds(p, g, weights, strength, sq);
	}
	cm__free(strength);
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
		if (VECTOR(p->size)[c] >= 2)
			r[(*count)++] = (eig_rank){p->upper[c], c};
	qsort(r, (size_t)*count, sizeof(*r), eig_cmp_rank);
	return r;
}

/* The induced subgraph of component c (vertices in increasing order) with
 * its weights. local[] maps g's vertices of c to the subgraph's. */
static igraph_error_t eig_subgraph(igraph_t *sub, igraph_vector_t *subw, const igraph_t *g,
                                   const igraph_vector_t *weights, const eig_parts *p,
                                   igraph_integer_t c, igraph_integer_t *local)
{
	igraph_integer_t from = p->start[c], to = p->start[c + 1];
	igraph_vector_int_t edges, inc;

	for (igraph_integer_t i = from; i < to; i++)
		local[p->vertex[i]] = i - from;
	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&inc, 0);
	igraph_vector_clear(subw);
	for (igraph_integer_t i = from; i < to; i++) {
		igraph_integer_t v = p->vertex[i];
		IGRAPH_CHECK(igraph_incident(g, &inc, v, IGRAPH_ALL));
		for (igraph_integer_t k = 0; k < igraph_vector_int_size(&inc); k++) {
			igraph_integer_t e = VECTOR(inc)[k], u = IGRAPH_OTHER(g, e, v);
			if (u < v)
				continue; /* each tie once, from its lower end */
			IGRAPH_CHECK(igraph_vector_int_push_back(&edges, local[v]));
			IGRAPH_CHECK(igraph_vector_int_push_back(&edges, local[u]));
			IGRAPH_CHECK(
			    igraph_vector_push_back(subw, weights ? VECTOR(*weights)[e] : 1));
		}
	}
	IGRAPH_CHECK(igraph_create(sub, &edges, to - from, IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&inc);
	igraph_vector_int_destroy(&edges);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* Leading eigenvalue and scaled eigenvector of component c. */
static igraph_error_t eig_component(igraph_vector_t *vec, double *lambda, const igraph_t *g,
                                    const igraph_vector_t *weights, const eig_parts *p,
                                    igraph_integer_t c, igraph_integer_t *local)
{
	igraph_t sub;
	igraph_vector_t subw;
	igraph_arpack_options_t arpack;

	igraph_arpack_options_init(&arpack);
	IGRAPH_VECTOR_INIT_FINALLY(&subw, 0);
	IGRAPH_CHECK(eig_subgraph(&sub, &subw, g, weights, p, c, local));
	IGRAPH_FINALLY(igraph_destroy, &sub);
	IGRAPH_CHECK(igraph_eigenvector_centrality(&sub, vec, lambda, 0, 1, weights ? &subw : NULL,
	                                           &arpack));
	igraph_destroy(&sub);
	igraph_vector_destroy(&subw);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* The search over ranked components, largest bound first: each computed
 * component's vector goes into res at its vertices (components are
 * disjoint), its eigenvalue into lambda[]; the search stops at the first
 * bound that cannot reach a tie with the largest eigenvalue found. */
typedef struct eig_search {
	igraph_vector_t vec;
	igraph_integer_t *local;
	double *lambda; /* per component; -1 where not computed */
	double top;
} eig_search;

static void eig_place(igraph_vector_t *res, const eig_search *s, const eig_parts *p,
                      igraph_integer_t c)
{
	for (igraph_integer_t i = p->start[c]; i < p->start[c + 1]; i++)
		VECTOR(*res)[p->vertex[i]] = VECTOR(s->vec)[i - p->start[c]];
}

static igraph_error_t eig_scan(igraph_vector_t *res, eig_search *s, const igraph_t *g,
                               const igraph_vector_t *weights, const eig_parts *p,
                               const eig_rank *rank, igraph_integer_t ranked)
{
	s->top = 0;
	for (igraph_integer_t k = 0; k < ranked; k++) {
		double lambda;
		if (k > 0 && rank[k].upper < s->top * (1 - CM__EIGEN_TIE))
			break;
		IGRAPH_CHECK(
		    eig_component(&s->vec, &lambda, g, weights, p, rank[k].comp, s->local));
		s->lambda[rank[k].comp] = lambda;
		s->top = fmax(s->top, lambda);
		eig_place(res, s, p, rank[k].comp);
	}
	return IGRAPH_SUCCESS;
}

/* Runs the scan with igraph's default generator replaced by a private one
 * (igraph perturbs ARPACK's start vector with it), so that what the caller
 * draws afterwards does not depend on the path taken here.
 * igraph 0.10's igraph_rng_set_default copies the structure it is given (type
 * and state pointer) into the default one: the saved copy restores it. */
static igraph_error_t eig_scan_private(igraph_vector_t *res, eig_search *s, const igraph_t *g,
                                       const igraph_vector_t *weights, const eig_parts *p,
                                       const eig_rank *rank, igraph_integer_t ranked)
{
	igraph_rng_t rng, saved = *igraph_rng_default();
	IGRAPH_CHECK(igraph_rng_init(&rng, &igraph_rngtype_pcg32));
	igraph_rng_seed(&rng, 1);
	igraph_rng_set_default(&rng);
	igraph_error_t err = eig_scan(res, s, g, weights, p, rank, ranked);
	igraph_rng_set_default(&saved);
	igraph_rng_destroy(&rng);
	return err;
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

static int eig_run(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                   const igraph_vector_t *weights, const eig_parts *p, eig_search *s)
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
		igraph_error_t err = eig_scan_private(res, s, g, weights, p, rank, ranked);
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
	int rc;

	if (igraph_vector_init(&s.vec, 0))
		return cm__oom(ctx);
	s.local = cm__malloc(((size_t)igraph_vcount(g) + 1) * sizeof(*s.local));
	s.lambda = cm__malloc(((size_t)p->count + 1) * sizeof(*s.lambda));
	rc = s.local && s.lambda ? eig_run(res, ctx, g, weights, p, &s) : cm__oom(ctx);
	cm__free(s.local);
	cm__free(s.lambda);
	igraph_vector_destroy(&s.vec);
	return rc;
}

int cm__eigenvector_centrality(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                               const igraph_vector_t *weights)
{
	eig_parts p = {.count = 0};
	int usable = 0, rc;

	if ((rc = eig_usable(ctx, g, weights, &usable)) || !usable)
		return rc ? rc : eig_plain(res, ctx, g, weights);
	if (igraph_vector_int_init(&p.memb, 0))
		return cm__oom(ctx);
	if (igraph_vector_int_init(&p.size, 0)) {
		igraph_vector_int_destroy(&p.memb);
		return cm__oom(ctx);
	}
	rc = eig_parts_init(&p, ctx, g, weights);
	if (!rc && p.count > 1)
		rc = eig_by_component(res, ctx, g, weights, &p);
	else if (!rc)
		rc = eig_plain(res, ctx, g, weights); /* connected: its own component */
	eig_parts_free(&p);
	return rc;
}
