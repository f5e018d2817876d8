/* SPDX-License-Identifier: MIT */
/* Indicators of horizontal cohesion: ties among local SMEs (information
 * layer), multiplexity, core/periphery and association coverage. */
#include "classify.h"

#include <math.h>
#include <string.h>

/* which: 0 density among SMEs, 1 ties per SME, 2 share of SMEs with one. */
int cm__ind_sme_ties(double *out, cm_ctx *ctx, const cm__cdata *d, int which)
{
	const igraph_t *g = d->g[CM__G_INFO];
	igraph_integer_t n = igraph_vcount(g);
	unsigned char *tied = cm__calloc((size_t)n + 1, 1);
	if (!tied)
		return cm__oom(ctx);
	double ns = 0, ties = 0, reached = 0;
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		if (cm__is_sme(cm__lnode(d, a)) && cm__is_sme(cm__lnode(d, b)))
			ties++, tied[a] = tied[b] = 1;
	}
	for (igraph_integer_t v = 0; v < n; v++)
		if (cm__is_sme(cm__lnode(d, v)))
			ns++, reached += tied[v];
	cm__free(tied);
	if (which == 0)
		*out = ns >= 2 ? ties / (ns * (ns - 1) / 2) : NAN;
	else if (which == 1)
		*out = ns > 0 ? 2 * ties / ns : NAN;
	else
		*out = ns > 0 ? reached / ns : NAN;
	return 0;
}

int cm__ind_info_transitivity(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	CM__IG(ctx, igraph_transitivity_undirected(d->g[CM__G_INFO], out, IGRAPH_TRANSITIVITY_NAN));
	return 0;
}

/* With m_d local directed information arcs that collapse to m_u pairs,
 * 2 (m_d - m_u) arcs are reciprocated. */
int cm__ind_info_reciprocity(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	(void)ctx;
	const igraph_t *g = d->g[CM__G_INFO_FULL];
	*out = NAN;
	if (!d->v->info_directed)
		return 0;
	double arcs = 0;
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
		if (d->v->vlocal[IGRAPH_FROM(g, e)] >= 0 && d->v->vlocal[IGRAPH_TO(g, e)] >= 0)
			arcs++;
	double pairs = (double)igraph_ecount(d->g[CM__G_INFO]);
	if (arcs > 0)
		*out = 2 * (arcs - pairs) / arcs;
	return 0;
}

static int tied(igraph_bool_t *res, const igraph_t *g, igraph_integer_t a, igraph_integer_t b)
{
	igraph_error_t err = igraph_are_connected(g, a, b, res);
	if (!err && !*res && igraph_is_directed(g))
		err = igraph_are_connected(g, b, a, res);
	return err;
}

/* Jaccard overlap of supply and information pairs among local SMEs. */
int cm__ind_multiplexity(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *si = d->g[CM__G_SI];
	double either = 0, both = 0;
	for (igraph_integer_t e = 0; e < igraph_ecount(si); e++) {
		igraph_integer_t a = IGRAPH_FROM(si, e), b = IGRAPH_TO(si, e);
		if (!cm__is_sme(cm__lnode(d, a)) || !cm__is_sme(cm__lnode(d, b)))
			continue;
		igraph_bool_t s, i;
		CM__IG(ctx, tied(&s, d->g[CM__G_SUP], a, b));
		CM__IG(ctx, tied(&i, d->g[CM__G_INFO], a, b));
		either++;
		both += s && i;
	}
	*out = either > 0 ? both / either : NAN;
	return 0;
}

static double core_value(const cm__cdata *d, const cm__core_periphery *cp, int sme_share)
{
	if (!sme_share)
		return cp->fit;
	double members = 0, smes = 0;
	for (igraph_integer_t v = 0; v < igraph_vcount(d->g[CM__G_ALL]); v++)
		if (cp->core[v])
			members++, smes += cm__is_sme(cm__lnode(d, v));
	return members > 0 ? smes / members : NAN;
}

/* Core fit (sme_share 0) or the SME share of the core (1). A rewired graph
 * (a null replicate) gets its own search. */
int cm__ind_core(double *out, cm_ctx *ctx, cm__cdata *d, int sme_share)
{
	const cm__core_periphery *cp;
	*out = NAN;
	if (d->g[CM__G_ALL] == &d->v->g[CM__G_ALL]) {
		int rc = cm__cdata_core(&cp, d, ctx);
		if (!rc && cp)
			*out = core_value(d, cp, sme_share);
		return rc;
	}
	cm__core_periphery fresh;
	int rc = cm__core_periphery_search(&fresh, ctx, d->g[CM__G_ALL], d->seed,
	                                   CM__CP_EXHAUSTIVE_MAX, CM__CORE_RESTARTS);
	if (rc)
		return rc;
	*out = core_value(d, &fresh, sme_share);
	cm__core_periphery_free(&fresh);
	return 0;
}

int cm__ind_assoc_coverage(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_ASSOC];
	igraph_integer_t n = igraph_vcount(g);
	*out = NAN;
	if (!d->v->has_layer[CM__G_ASSOC_FULL])
		return 0;
	unsigned char *member = cm__calloc((size_t)n + 1, 1);
	if (!member)
		return cm__oom(ctx);
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		if (CM__IS_ORG(cm__lnode(d, b)->kind))
			member[a] = 1;
		if (CM__IS_ORG(cm__lnode(d, a)->kind))
			member[b] = 1;
	}
	double ns = 0, covered = 0;
	for (igraph_integer_t v = 0; v < n; v++)
		if (cm__is_sme(cm__lnode(d, v)))
			ns++, covered += member[v];
	cm__free(member);
	*out = ns > 0 ? covered / ns : NAN;
	return 0;
}
