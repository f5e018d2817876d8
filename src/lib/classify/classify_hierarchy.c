/* SPDX-License-Identifier: MIT */
/* Krackhardt's (1994) hierarchy of the local supply ties: the share of
 * ordered reachable pairs (i reaches j) in which j does not reach i back,
 * 1 - V / R. Reachability is counted on the condensation (strong components
 * as nodes) with one bit set per component, so it stays linear in the ties
 * times components/64 instead of a search from every actor. */
#include "classify.h"

#include <math.h>
#include <string.h>

typedef struct scc {
	igraph_vector_int_t memb, size;
	igraph_vector_int_t big; /* components with more than one actor */
	igraph_integer_t count;
} scc;

static int condensation(igraph_t *dag, cm_ctx *ctx, const igraph_t *g, const scc *s)
{
	igraph_vector_int_t ends;
	CM__IG(ctx, igraph_vector_int_init(&ends, 0));
	igraph_error_t err = IGRAPH_SUCCESS;
	for (igraph_integer_t e = 0; e < igraph_ecount(g) && !err; e++) {
		igraph_integer_t a = VECTOR(s->memb)[IGRAPH_FROM(g, e)];
		igraph_integer_t b = VECTOR(s->memb)[IGRAPH_TO(g, e)];
		if (a != b && !(err = igraph_vector_int_push_back(&ends, a)))
			err = igraph_vector_int_push_back(&ends, b);
	}
	if (!err)
		err = igraph_create(dag, &ends, s->count, 1);
	igraph_vector_int_destroy(&ends);
	return err ? cm__igraph_error(ctx, err) : 0;
}

/* Actors in the components whose bits are set: one per bit, plus the extra
 * members of the (few) components larger than one actor. */
static double reached_actors(const uint64_t *set, igraph_integer_t words, const scc *s)
{
	double n = 0;
	for (igraph_integer_t w = 0; w < words; w++)
		n += (double)__builtin_popcountll(set[w]);
	for (igraph_integer_t k = 0; k < igraph_vector_int_size(&s->big); k++) {
		igraph_integer_t t = VECTOR(s->big)[k];
		if (set[t / 64] >> (t % 64) & 1)
			n += (double)(VECTOR(s->size)[t] - 1);
	}
	return n;
}

/* Ordered reachable pairs between different components. */
static int reach_pairs(double *out, cm_ctx *ctx, const igraph_t *dag, const scc *s)
{
	igraph_integer_t nc = s->count, words = (nc + 63) / 64;
	igraph_vector_int_t order;
	igraph_adjlist_t al;
	uint64_t *bits = cm__calloc((size_t)(nc * words) + 1, sizeof(uint64_t));
	if (!bits)
		return cm__oom(ctx);
	igraph_error_t err = igraph_vector_int_init(&order, 0);
	if (!err && (err = igraph_topological_sorting(dag, &order, IGRAPH_OUT)))
		igraph_vector_int_destroy(&order);
	if (!err &&
	    (err = igraph_adjlist_init(dag, &al, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE)))
		igraph_vector_int_destroy(&order);
	if (err) {
		cm__free(bits);
		return cm__igraph_error(ctx, err);
	}
	double pairs = 0;
	/* Successors come later in topological order: walk it backwards. */
	for (igraph_integer_t i = nc - 1; i >= 0; i--) {
		igraph_integer_t c = VECTOR(order)[i];
		uint64_t *rc = bits + c * words;
		igraph_vector_int_t *nb = igraph_adjlist_get(&al, c);
		for (igraph_integer_t k = 0; k < igraph_vector_int_size(nb); k++) {
			igraph_integer_t t = VECTOR(*nb)[k];
			const uint64_t *rt = bits + t * words;
			for (igraph_integer_t w = 0; w < words; w++)
				rc[w] |= rt[w];
			rc[t / 64] |= (uint64_t)1 << (t % 64);
		}
		pairs += (double)VECTOR(s->size)[c] * reached_actors(rc, words, s);
	}
	igraph_adjlist_destroy(&al);
	igraph_vector_int_destroy(&order);
	cm__free(bits);
	*out = pairs;
	return 0;
}

static int hierarchy_of(double *out, cm_ctx *ctx, const igraph_t *g, scc *s)
{
	igraph_t dag;
	if (s->count > CM__HIERARCHY_MAX)
		return 0; /* left undefined: documented size limit */
	for (igraph_integer_t c = 0; c < s->count; c++)
		if (VECTOR(s->size)[c] > 1)
			CM__IG(ctx, igraph_vector_int_push_back(&s->big, c));
	int rc = condensation(&dag, ctx, g, s);
	if (rc)
		return rc;
	double between = 0, within = 0;
	rc = reach_pairs(&between, ctx, &dag, s);
	igraph_destroy(&dag);
	for (igraph_integer_t c = 0; c < s->count; c++) {
		double z = (double)VECTOR(s->size)[c];
		within += z * (z - 1);
	}
	/* Pairs inside a strong component reach each other both ways. */
	if (!rc && between + within > 0)
		*out = 1.0 - within / (between + within);
	return rc;
}

int cm__ind_hierarchy(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_SUP];
	scc s;
	*out = NAN;
	if (igraph_ecount(g) == 0)
		return 0;
	CM__IG(ctx, igraph_vector_int_init(&s.memb, 0));
	igraph_error_t err = igraph_vector_int_init(&s.size, 0);
	if (!err && (err = igraph_vector_int_init(&s.big, 0)))
		igraph_vector_int_destroy(&s.size);
	if (err) {
		igraph_vector_int_destroy(&s.memb);
		return cm__igraph_error(ctx, err);
	}
	int rc = 0;
	err = igraph_connected_components(g, &s.memb, &s.size, &s.count, IGRAPH_STRONG);
	if (err)
		rc = cm__igraph_error(ctx, err);
	else
		rc = hierarchy_of(out, ctx, g, &s);
	igraph_vector_int_destroy(&s.memb);
	igraph_vector_int_destroy(&s.size);
	igraph_vector_int_destroy(&s.big);
	return rc;
}
