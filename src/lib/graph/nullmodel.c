/* SPDX-License-Identifier: MIT */
/* Seeded null models: G(n,m), degree-preserving rewiring, label permutation. */
#include "nullmodel.h"

#include <math.h>
#include <string.h>

const char *cm__null_name(cm__null_kind kind)
{
	switch (kind) {
	case CM__NULL_GNM: return "gnm";
	case CM__NULL_REWIRE: return "rewiring";
	case CM__NULL_PERMUTE: return "permutation";
	case CM__NULL_TIERS: return "tiers";
	default: return NULL;
	}
}

unsigned long cm__seed_mix(unsigned long seed, unsigned long k)
{
	uint64_t z = (uint64_t)seed + 0x9e3779b97f4a7c15ULL * (k + 1);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	/* igraph seeds are igraph_uint_t; keep 32 bits for portability. */
	return (unsigned long)((z ^ (z >> 31)) & 0xffffffffUL);
}

void cm__shuffle_int(int *a, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)RNG_INTEGER(0, (igraph_integer_t)i - 1);
		int t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* Welford's running mean and variance, and the replicates at or above and
 * at or below the observed value (within rounding: sums taken in another
 * order must count as equal). */
typedef struct acc {
	double mean, m2, observed;
	size_t count, ge, le;
} acc;

cm__null cm__null_start(double observed)
{
	return (cm__null){NAN, NAN, 0, observed, NAN};
}

double cm__null_p(size_t ge, size_t le, size_t count)
{
	if (count == 0)
		return NAN;
	double lo = (double)(1 + (ge < le ? ge : le)) / (double)(1 + count);
	return lo * 2 > 1 ? 1 : lo * 2;
}

static void acc_add(acc *a, double v)
{
	if (isnan(v))
		return;
	double tol = 1e-9 * fmax(1, fabs(a->observed));
	a->ge += v >= a->observed - tol;
	a->le += v <= a->observed + tol;
	a->count++;
	double d = v - a->mean;
	a->mean += d / (double)a->count;
	a->m2 += d * (v - a->mean);
}

static acc acc_start(const cm__null *out)
{
	return (acc){0, 0, out->observed, 0, 0, 0};
}

static void acc_done(cm__null *out, const acc *a)
{
	out->count = a->count;
	out->p = isnan(a->observed) ? NAN : cm__null_p(a->ge, a->le, a->count);
	out->mean = a->count >= 2 ? a->mean : NAN;
	out->sd = a->count >= 2 ? sqrt(a->m2 / (double)(a->count - 1)) : NAN;
}

static int gnm_replicates(acc *a, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                          cm__graph_stat stat, void *payload)
{
	for (size_t k = 0; k < replicates; k++) {
		igraph_t r;
		double v = NAN;
		CM__IG(ctx, igraph_erdos_renyi_game_gnm(&r, igraph_vcount(g), igraph_ecount(g),
		                                        igraph_is_directed(g), 0));
		int rc = stat(&v, ctx, &r, payload);
		igraph_destroy(&r);
		if (rc)
			return rc;
		acc_add(a, v);
	}
	return 0;
}

/* One chain of swaps; each replicate continues from the previous one. */
static int rewire_replicates(acc *a, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                             cm__graph_stat stat, void *payload)
{
	igraph_t r;
	igraph_integer_t m = igraph_ecount(g);
	/* igraph refuses to rewire fewer than four vertices or two edges; such a
	 * graph has no null distribution, so the indicator gets no z-score. */
	if (igraph_vcount(g) < 4 || m < 2)
		return 0;
	if (m > CM__REWIRE_LARGE_EDGES && replicates > CM__REWIRE_LARGE_MAX)
		replicates = CM__REWIRE_LARGE_MAX;
	CM__IG(ctx, igraph_copy(&r, g));
	int rc = 0;
	for (size_t k = 0; k < replicates && !rc; k++) {
		double v = NAN;
		igraph_integer_t swaps = (k ? CM__REWIRE_THIN : CM__REWIRE_BURN_IN) * m;
		igraph_error_t err = igraph_rewire(&r, swaps, IGRAPH_REWIRING_SIMPLE);
		rc = err ? cm__igraph_error(ctx, err) : stat(&v, ctx, &r, payload);
		acc_add(a, v);
	}
	igraph_destroy(&r);
	return rc;
}

/* Buyers: the actors with a positive in-degree, in vertex order. */
static int tier_buyers(igraph_vector_int_t *buyers, cm_ctx *ctx, const igraph_t *g)
{
	igraph_vector_int_t deg;
	CM__IG(ctx, igraph_vector_int_init(&deg, 0));
	igraph_error_t err = igraph_degree(g, &deg, igraph_vss_all(), IGRAPH_IN, 0);
	if (!err)
		err = igraph_vector_int_init(buyers, 0);
	for (igraph_integer_t v = 0; !err && v < igraph_vector_int_size(&deg); v++)
		if (VECTOR(deg)[v] > 0 && (err = igraph_vector_int_push_back(buyers, v)))
			igraph_vector_int_destroy(buyers);
	igraph_vector_int_destroy(&deg);
	return err ? cm__igraph_error(ctx, err) : 0;
}

/* One replicate: seller v's out-degree k drawn as k distinct buyers other
 * than v (a partial Fisher-Yates shuffle of pool). Always possible: in the
 * observed graph v already sells to k distinct buyers other than itself. */
static igraph_error_t tier_edges(igraph_vector_int_t *ends, const igraph_t *g,
                                 const igraph_vector_int_t *outdeg, igraph_integer_t *pool,
                                 igraph_integer_t nb)
{
	igraph_vector_int_clear(ends);
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
		igraph_integer_t k = VECTOR(*outdeg)[v], avail = nb;
		for (igraph_integer_t j = 0; j < avail && k > 0; j++) {
			igraph_integer_t r = RNG_INTEGER(j, avail - 1), t = pool[r];
			pool[r] = pool[j], pool[j] = t;
			if (t == v) { /* not its own customer: move it past the end */
				pool[j] = pool[avail - 1], pool[avail - 1] = t;
				avail--, j--;
				continue;
			}
			IGRAPH_CHECK(igraph_vector_int_push_back(ends, v));
			IGRAPH_CHECK(igraph_vector_int_push_back(ends, t));
			k--;
		}
	}
	return IGRAPH_SUCCESS;
}

static int tiers_replicates(acc *a, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                            cm__graph_stat stat, void *payload)
{
	igraph_vector_int_t buyers, outdeg, ends;
	int rc = tier_buyers(&buyers, ctx, g);
	if (rc)
		return rc;
	igraph_error_t err = igraph_vector_int_init(&outdeg, 0);
	if (!err && (err = igraph_degree(g, &outdeg, igraph_vss_all(), IGRAPH_OUT, 0)))
		igraph_vector_int_destroy(&outdeg);
	if (!err && (err = igraph_vector_int_init(&ends, 0)))
		igraph_vector_int_destroy(&outdeg);
	if (err) {
		igraph_vector_int_destroy(&buyers);
		return cm__igraph_error(ctx, err);
	}
	igraph_integer_t nb = igraph_vector_int_size(&buyers);
	for (size_t k = 0; k < replicates && !rc; k++) {
		igraph_t r;
		double v = NAN;
		err = tier_edges(&ends, g, &outdeg, VECTOR(buyers), nb);
		if (!err)
			err = igraph_create(&r, &ends, igraph_vcount(g), IGRAPH_DIRECTED);
		if (err) {
			rc = cm__igraph_error(ctx, err);
			break;
		}
		rc = stat(&v, ctx, &r, payload);
		igraph_destroy(&r);
		acc_add(a, v);
	}
	igraph_vector_int_destroy(&ends);
	igraph_vector_int_destroy(&outdeg);
	igraph_vector_int_destroy(&buyers);
	return rc;
}

static int graph_null(cm__null *out, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                      unsigned long seed, cm__null_kind kind, cm__graph_stat stat, void *payload)
{
	acc a = acc_start(out);
	igraph_rng_seed(igraph_rng_default(), seed);
	int rc = kind == CM__NULL_GNM ? gnm_replicates(&a, ctx, g, replicates, stat, payload)
	         : kind == CM__NULL_TIERS
	             ? tiers_replicates(&a, ctx, g, replicates, stat, payload)
	             : rewire_replicates(&a, ctx, g, replicates, stat, payload);
	if (rc)
		return rc;
	acc_done(out, &a);
	return 0;
}

int cm__null_gnm(cm__null *out, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                 unsigned long seed, cm__graph_stat stat, void *payload)
{
	return graph_null(out, ctx, g, replicates, seed, CM__NULL_GNM, stat, payload);
}

int cm__null_rewire(cm__null *out, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                    unsigned long seed, cm__graph_stat stat, void *payload)
{
	return graph_null(out, ctx, g, replicates, seed, CM__NULL_REWIRE, stat, payload);
}

int cm__null_tiers(cm__null *out, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                   unsigned long seed, cm__graph_stat stat, void *payload)
{
	return graph_null(out, ctx, g, replicates, seed, CM__NULL_TIERS, stat, payload);
}

int cm__null_permute(cm__null *out, cm_ctx *ctx, const int *labels, size_t n, size_t replicates,
                     unsigned long seed, cm__label_stat stat, void *payload)
{
	acc a = acc_start(out);
	int *perm = cm__malloc((n ? n : 1) * sizeof(*perm));
	if (!perm)
		return cm__oom(ctx);
	if (n)
		memcpy(perm, labels, n * sizeof(*perm));
	igraph_rng_seed(igraph_rng_default(), seed);
	int rc = 0;
	for (size_t k = 0; k < replicates && !rc; k++) {
		double v = NAN;
		cm__shuffle_int(perm, n);
		rc = stat(&v, ctx, perm, payload);
		acc_add(&a, v);
	}
	cm__free(perm);
	acc_done(out, &a);
	return rc;
}

double cm__null_z(double observed, const cm__null *null)
{
	if (isnan(observed) || isnan(null->mean) || !(null->sd > 0))
		return NAN;
	return (observed - null->mean) / null->sd;
}
