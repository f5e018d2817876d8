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

/* Welford's running mean and variance. */
typedef struct acc {
	double mean, m2;
	size_t count;
} acc;

static void acc_add(acc *a, double v)
{
	if (isnan(v))
		return;
	a->count++;
	double d = v - a->mean;
	a->mean += d / (double)a->count;
	a->m2 += d * (v - a->mean);
}

static void acc_done(cm__null *out, const acc *a)
{
	out->count = a->count;
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

static int graph_null(cm__null *out, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                      unsigned long seed, cm__null_kind kind, cm__graph_stat stat, void *payload)
{
	acc a = {0, 0, 0};
	igraph_rng_seed(igraph_rng_default(), seed);
	int rc = kind == CM__NULL_GNM ? gnm_replicates(&a, ctx, g, replicates, stat, payload)
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

int cm__null_permute(cm__null *out, cm_ctx *ctx, const int *labels, size_t n, size_t replicates,
                     unsigned long seed, cm__label_stat stat, void *payload)
{
	acc a = {0, 0, 0};
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
