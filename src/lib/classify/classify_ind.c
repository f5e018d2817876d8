/* SPDX-License-Identifier: MIT */
/* Runs every indicator, and its null model when replicates are asked for. */
#include "classify.h"

#include <math.h>
#include <string.h>

static int ties(const cm__cdata *d, int slot)
{
	return (int)igraph_ecount(d->g[slot]);
}

int cm__indicator(double *out, cm_ctx *ctx, cm__cdata *d, int i)
{
	*out = NAN;
	switch (i) {
	case CM__I_BUYER_TOP1: return cm__ind_buyer_top(out, ctx, d, 0);
	case CM__I_BUYER_TOP3: return cm__ind_buyer_top(out, ctx, d, 1);
	case CM__I_INDEG_CENTRALIZATION: return cm__ind_centralization(out, ctx, d);
	case CM__I_SUPPLIER_DEPENDENCE: return cm__ind_dependence(out, ctx, d);
	case CM__I_HIERARCHY: return cm__ind_hierarchy(out, ctx, d);
	case CM__I_SUPPLY_RECIPROCITY: return cm__ind_supply_reciprocity(out, ctx, d);
	case CM__I_ASSORTATIVITY: return cm__ind_assortativity(out, ctx, d);
	case CM__I_TOP_BUYERS_LARGE: *out = cm__top_share(d, &d->buyers, cm__is_large); return 0;
	case CM__I_HUB_DOMINANCE: {
		double ext;
		cm__hub_buying(out, &ext, d);
		return 0;
	}
	case CM__I_TOP_BUYERS_EXTERNAL:
		*out = cm__top_share(d, &d->buyers, cm__is_external);
		return 0;
	case CM__I_TOP_BUYERS_PUBLIC: *out = cm__top_share(d, &d->buyers, cm__is_public); return 0;
	case CM__I_TOP_BROKERS_LARGE: *out = cm__top_share(d, &d->brokers, cm__is_large); return 0;
	case CM__I_TOP_BROKERS_PUBLIC:
		*out = cm__top_share(d, &d->brokers, cm__is_public);
		return 0;
	case CM__I_SME_DENSITY: return cm__ind_sme_ties(out, ctx, d, 0);
	case CM__I_SME_DEGREE: return cm__ind_sme_ties(out, ctx, d, 1);
	case CM__I_SME_REACH: return cm__ind_sme_ties(out, ctx, d, 2);
	case CM__I_INFO_TRANSITIVITY: return cm__ind_info_transitivity(out, ctx, d);
	case CM__I_INFO_RECIPROCITY: return cm__ind_info_reciprocity(out, ctx, d);
	case CM__I_MULTIPLEXITY: return cm__ind_multiplexity(out, ctx, d);
	case CM__I_CORE_FIT: return cm__ind_core(out, ctx, d, 0);
	case CM__I_CORE_SME_SHARE: return cm__ind_core(out, ctx, d, 1);
	case CM__I_ASSOC_COVERAGE: return cm__ind_assoc_coverage(out, ctx, d);
	case CM__I_OUTSIDE_SHARE: return cm__ind_outside(out, ctx, d, 0);
	case CM__I_EI_LOCATION: return cm__ind_outside(out, ctx, d, 1);
	case CM__I_FRAGMENTATION: return cm__ind_fragmentation(out, ctx, d);
	case CM__I_OUTSIDE_CONCENTRATION: return cm__ind_outside_concentration(out, ctx, d);
	case CM__I_BOUNDARY_BROKERAGE: return cm__ind_boundary_brokerage(out, ctx, d);
	case CM__I_PUBLIC_TIE_SHARE: return cm__ind_public(out, ctx, d, 0);
	case CM__I_PUBLIC_BETWEENNESS: return cm__ind_public(out, ctx, d, 1);
	case CM__I_PUBLIC_BUYING: return cm__ind_public(out, ctx, d, 2);
	case CM__I_PUBLIC_REACH: return cm__ind_public_reach(out, ctx, d);
	case CM__I_ORG_DOMINANCE: return cm__ind_org_dominance(out, ctx, d);
	case CM__I_SIZE_EI: return cm__ind_size_ei(out, ctx, d);
	case CM__I_SUPPLIER_TIES: *out = ties(d, CM__G_SUP); return 0;
	case CM__I_INFORMATION_TIES: *out = ties(d, CM__G_INFO); return 0;
	case CM__I_ASSOCIATION_TIES: *out = ties(d, CM__G_ASSOC); return 0;
	default: return cm__ind_composition(out, d, i);
	}
}

typedef struct null_job {
	cm__cdata *d;
	int i;
	const int *base; /* the node map a permutation shuffles */
	int *mapped;
} null_job;

static int graph_stat(double *out, cm_ctx *ctx, const igraph_t *g, void *payload)
{
	null_job *job = payload;
	cm__cdata copy = *job->d;
	copy.g[cm__ind_defs[job->i].slot] = g;
	return cm__indicator(out, ctx, &copy, job->i);
}

static int label_stat(double *out, cm_ctx *ctx, const int *perm, void *payload)
{
	null_job *job = payload;
	cm__cdata copy = *job->d;
	size_t n = cm__ind_defs[job->i].full ? (size_t)job->d->v->n : (size_t)job->d->v->nl;
	for (size_t v = 0; v < n; v++)
		job->mapped[v] = job->base[perm[v]];
	if (cm__ind_defs[job->i].full)
		copy.fnode = job->mapped;
	else
		copy.lnode = job->mapped;
	return cm__indicator(out, ctx, &copy, job->i);
}

static int permutation(cm__null *out, cm_ctx *ctx, null_job *job, size_t replicates,
                       unsigned long seed)
{
	int full = cm__ind_defs[job->i].full;
	size_t n = full ? (size_t)job->d->v->n : (size_t)job->d->v->nl;
	int *identity = cm__malloc((n + 1) * sizeof(int));
	job->mapped = cm__malloc((n + 1) * sizeof(int));
	job->base = full ? job->d->fnode : job->d->lnode;
	int rc = identity && job->mapped ? 0 : cm__oom(ctx);
	for (size_t v = 0; !rc && v < n; v++)
		identity[v] = (int)v;
	if (!rc)
		rc = cm__null_permute(out, ctx, identity, n, replicates, seed, label_stat, job);
	cm__free(identity);
	cm__free(job->mapped);
	return rc;
}

/* The top-place shares whose permutation null has a closed form. */
static int exact_null(cm__ind_value *iv, const cm__cdata *d, int i)
{
	static const struct {
		int i, brokers;
		int (*pred)(const cm__node *);
	} tops[] = {{CM__I_TOP_BUYERS_LARGE, 0, cm__is_large},
	            {CM__I_TOP_BUYERS_EXTERNAL, 0, cm__is_external},
	            {CM__I_TOP_BUYERS_PUBLIC, 0, cm__is_public},
	            {CM__I_TOP_BROKERS_LARGE, 1, cm__is_large},
	            {CM__I_TOP_BROKERS_PUBLIC, 1, cm__is_public}};
	for (size_t k = 0; k < CM__ARRAY_LEN(tops); k++)
		if (tops[k].i == i) {
			cm__exact_top e;
			cm__exact_top_of(&e, d, tops[k].brokers ? &d->brokers : &d->buyers,
			                 tops[k].pred);
			cm__exact_top_null(&iv->null, &e);
			iv->exact = 1;
			iv->z = cm__null_z(iv->value, &iv->null);
			return 1;
		}
	return 0;
}

static int null_model(cm__ind_value *iv, cm_ctx *ctx, cm__cdata *d, int i, size_t replicates,
                      unsigned long seed)
{
	const cm__ind_def *def = &cm__ind_defs[i];
	null_job job = {d, i, NULL, NULL};
	unsigned long s = cm__seed_mix(seed, (unsigned long)i);
	int rc = 0;
	iv->null = cm__null_start(iv->value);
	if (exact_null(iv, d, i))
		return 0;
	if (def->null == CM__NULL_TIERS)
		rc = cm__null_tiers(&iv->null, ctx, d->g[def->slot], replicates, s, graph_stat,
		                    &job);
	else if (def->null == CM__NULL_GNM)
		rc = cm__null_gnm(&iv->null, ctx, d->g[def->slot], replicates, s, graph_stat, &job);
	else if (def->null == CM__NULL_REWIRE)
		rc = cm__null_rewire(&iv->null, ctx, d->g[def->slot], replicates, s, graph_stat,
		                     &job);
	else if (def->null == CM__NULL_PERMUTE)
		rc = permutation(&iv->null, ctx, &job, replicates, s);
	iv->z = rc ? NAN : cm__null_z(iv->value, &iv->null);
	return rc;
}

/* A null model is skipped where the value is undefined, and for the core fit
 * above CM__CORE_NULL_MAX local actors (each replicate is a new search). */
static int wants_null(const cm__cdata *d, int i, const cm__ind_value *iv)
{
	if (cm__ind_defs[i].null == CM__NULL_NONE || isnan(iv->value))
		return 0;
	return i != CM__I_CORE_FIT || d->v->nl <= CM__CORE_NULL_MAX;
}

/* An indicator before it is computed: no z-score, null model or exact
 * test until one is made. */
static void ind_start(cm__ind_value *iv)
{
	iv->z = NAN;
	iv->null = cm__null_start(NAN);
	iv->exact = 0;
}

int cm__indicators(cm__ind_value *out, cm_ctx *ctx, cm__cdata *d, size_t replicates,
                   unsigned long seed)
{
	cm__counts_init(&d->counts, d);
	if (d->v->nl > CM__NULL_LARGE_ACTORS && replicates > CM__NULL_LARGE_MAX)
		replicates = CM__NULL_LARGE_MAX;
	for (int i = 0; i < CM__I_COUNT; i++) {
		cm__ind_value *iv = &out[i];
		ind_start(iv);
		int ok = cm__guard(iv->why, sizeof(iv->why), &d->counts, i);
		int rc = ok ? cm__indicator(&iv->value, ctx, d, i) : (iv->value = NAN, 0);
		if (!rc && replicates && wants_null(d, i, iv)) {
			if (cm__progress(ctx, "classify: null models", (double)i / CM__I_COUNT))
				return cm__error(ctx, CM_ERROR, "error: cancelled");
			rc = null_model(iv, ctx, d, i, replicates, seed);
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* The indicators a gate reads besides the weighted ones (classify_decide.c). */
static int feeds_verdict(int i)
{
	static const int gated[] = {
	    CM__I_SME_SHARE,     CM__I_SME_REACH,     CM__I_EXTERNAL_OWNERSHIP, CM__I_OUTSIDE_SHARE,
	    CM__I_FRAGMENTATION, CM__I_PUBLIC_BUYING, CM__I_HUB_DOMINANCE};
	for (int t = 0; t < CM__TYPES; t++)
		if (cm__ind_defs[i].weight[t] != 0)
			return 1;
	for (size_t k = 0; k < CM__ARRAY_LEN(gated); k++)
		if (gated[k] == i)
			return 1;
	return 0;
}

/* An indicator that no weight and no gate reads cannot change a verdict
 * (its weight adds nothing to a score or to the sum of weights), so the
 * sensitivity reruns skip it: the hierarchy's reachability alone was a
 * seventh of their time at 10,000 actors. */
int cm__verdict_indicators(cm__ind_value *out, cm_ctx *ctx, cm__cdata *d)
{
	cm__counts_init(&d->counts, d);
	for (int i = 0; i < CM__I_COUNT; i++) {
		cm__ind_value *iv = &out[i];
		ind_start(iv);
		iv->value = NAN;
		*iv->why = 0;
		if (!feeds_verdict(i) || !cm__guard(iv->why, sizeof(iv->why), &d->counts, i))
			continue;
		int rc = cm__indicator(&iv->value, ctx, d, i);
		if (rc)
			return rc;
	}
	return 0;
}
