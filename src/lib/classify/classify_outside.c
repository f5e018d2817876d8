/* SPDX-License-Identifier: MIT */
/* Indicators of external orientation, public anchoring, size mixing and
 * composition. Location comes from d->fnode here (not from the view), so
 * that a permutation null can shuffle it. */
#include "classify.h"

#include <math.h>
#include <string.h>

static const cm__node *fnode(const cm__cdata *d, igraph_integer_t v)
{
	return &d->net->nodes[d->fnode[v]];
}

static int *location_groups(const cm__cdata *d, igraph_integer_t n)
{
	int *group = cm__malloc(((size_t)n + 1) * sizeof(int));
	for (igraph_integer_t v = 0; group && v < n; v++)
		group[v] = fnode(d, v)->location == CM_LOCATION_OUTSIDE;
	return group;
}

/* E/(E+I) by location (ei 0) or the E-I index (ei 1) over every tie. */
int cm__ind_outside(double *out, cm_ctx *ctx, const cm__cdata *d, int ei)
{
	const igraph_t *g = d->g[CM__G_ALL_FULL];
	int *group = location_groups(d, igraph_vcount(g));
	if (!group)
		return cm__oom(ctx);
	cm__ei r;
	int rc = cm__ei_index(&r, ctx, g, group, 0, 0);
	cm__free(group);
	if (rc)
		return rc;
	double total = r.external + r.internal;
	*out = ei ? r.ei : total > 0 ? r.external / total : NAN;
	return 0;
}

int cm__ind_fragmentation(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_ALL];
	igraph_vector_int_t size;
	igraph_integer_t count, n = igraph_vcount(g);
	*out = NAN;
	if (n == 0)
		return 0;
	CM__IG(ctx, igraph_vector_int_init(&size, 0));
	igraph_error_t err = igraph_connected_components(g, NULL, &size, &count, IGRAPH_WEAK);
	if (!err)
		*out = 1.0 - (double)igraph_vector_int_max(&size) / (double)n;
	igraph_vector_int_destroy(&size);
	return err ? cm__igraph_error(ctx, err) : 0;
}

/* Share of inside-outside ties held by the three local actors with most. */
int cm__ind_outside_concentration(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_ALL_FULL];
	igraph_integer_t n = igraph_vcount(g);
	double *count = cm__calloc((size_t)n + 1, sizeof(double)), total = 0;
	if (!count)
		return cm__oom(ctx);
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		int out_a = fnode(d, a)->location == CM_LOCATION_OUTSIDE;
		int out_b = fnode(d, b)->location == CM_LOCATION_OUTSIDE;
		if (out_a != out_b)
			count[out_a ? b : a]++, total++;
	}
	int top[3];
	cm__top3(top, count, n);
	double held = 0;
	for (int k = 0; k < 3; k++)
		if (top[k] >= 0)
			held += count[top[k]];
	cm__free(count);
	*out = total > 0 ? held / total : NAN;
	return 0;
}

/* Gould-Fernandez roles on the supplier layer with location as the group:
 * the share of local actors' brokerage that spans the region's boundary. */
int cm__ind_boundary_brokerage(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_SUP_FULL];
	igraph_integer_t n = igraph_vcount(g);
	int *group = location_groups(d, n);
	cm__brokerage *b = cm__calloc((size_t)n + 1, sizeof(*b));
	int rc = group && b ? cm__brokerage_roles(b, ctx, g, group) : cm__oom(ctx);
	double span = 0, all = 0;
	for (igraph_integer_t v = 0; !rc && v < n; v++) {
		if (group[v])
			continue;
		span += b[v].gatekeeper + b[v].representative;
		all += b[v].gatekeeper + b[v].representative + b[v].coordinator + b[v].itinerant +
		       b[v].liaison;
	}
	cm__free(group);
	cm__free(b);
	*out = all > 0 ? span / all : NAN;
	return rc;
}

static double public_betweenness(const cm__cdata *d)
{
	double pub = 0, all = 0;
	for (igraph_integer_t v = 0; v < d->v->nl; v++) {
		all += d->betweenness[v];
		if (CM__IS_PUBLIC(cm__lnode(d, v)->kind))
			pub += d->betweenness[v];
	}
	return all > 0 ? pub / all : NAN;
}

/* which: 0 share of tie ends, 1 of betweenness, 2 of local buying. */
int cm__ind_public(double *out, cm_ctx *ctx, const cm__cdata *d, int which)
{
	if (which == 1) {
		*out = public_betweenness(d);
		return 0;
	}
	igraph_vector_int_t deg;
	const igraph_t *g = d->g[which == 0 ? CM__G_ALL : CM__G_SUP];
	int rc = cm__degrees(&deg, ctx, g, IGRAPH_IN);
	if (rc)
		return rc;
	double pub = 0, all = 0;
	for (igraph_integer_t v = 0; v < igraph_vector_int_size(&deg); v++) {
		all += (double)VECTOR(deg)[v];
		if (CM__IS_PUBLIC(cm__lnode(d, v)->kind))
			pub += (double)VECTOR(deg)[v];
	}
	igraph_vector_int_destroy(&deg);
	*out = all > 0 ? pub / all : NAN;
	return 0;
}

/* Markusen's state-anchored suppliers sell to the anchor: the share of local
 * firms that sell to a local public body. Counted per firm, not per tie, so
 * that a dense star around one anchor cannot stand in for the whole district. */
int cm__ind_public_reach(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_SUP];
	igraph_integer_t n = igraph_vcount(g);
	char *sells = cm__calloc((size_t)n + 1, 1);
	if (!sells)
		return cm__oom(ctx);
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
		if (CM__IS_PUBLIC(cm__lnode(d, IGRAPH_TO(g, e))->kind))
			sells[IGRAPH_FROM(g, e)] = 1;
	double firms = 0, reached = 0;
	for (igraph_integer_t v = 0; v < n; v++)
		if (cm__lnode(d, v)->kind == CM_KIND_FIRM)
			firms++, reached += sells[v];
	cm__free(sells);
	*out = firms > 0 ? reached / firms : NAN;
	return 0;
}

int cm__ind_org_dominance(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	igraph_vector_int_t deg;
	int rc = cm__degrees(&deg, ctx, d->g[CM__G_ALL], IGRAPH_ALL);
	if (rc)
		return rc;
	double top = 0, org = 0;
	for (igraph_integer_t v = 0; v < igraph_vector_int_size(&deg); v++) {
		double k = (double)VECTOR(deg)[v];
		top = k > top ? k : top;
		if (CM__IS_ORG(cm__lnode(d, v)->kind) && k > org)
			org = k;
	}
	igraph_vector_int_destroy(&deg);
	*out = top > 0 ? org / top : NAN;
	return 0;
}

/* E-I of local supply ties between SMEs (group 0) and large firms (1). */
int cm__ind_size_ei(double *out, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_SUP];
	igraph_integer_t n = igraph_vcount(g);
	int *group = cm__malloc(((size_t)n + 1) * sizeof(int));
	if (!group)
		return cm__oom(ctx);
	for (igraph_integer_t v = 0; v < n; v++) {
		const cm__node *nd = cm__lnode(d, v);
		group[v] = cm__is_sme(nd) ? 0 : cm__is_large(nd) ? 1 : -1;
	}
	cm__ei r;
	int rc = cm__ei_index(&r, ctx, g, group, 0, 0);
	cm__free(group);
	*out = rc ? NAN : r.ei;
	return rc;
}

static double completeness(const cm__cdata *d)
{
	double n = 0, firms = 0, kind = 0, own = 0, loc = 0, size = 0;
	for (igraph_integer_t v = 0; v < d->v->nl; v++) {
		const cm__node *nd = cm__lnode(d, v);
		n++;
		kind += !!(nd->has & CM_HAS_KIND);
		own += !!(nd->has & CM_HAS_OWNERSHIP);
		loc += !!(nd->has & CM_HAS_LOCATION);
		if (nd->kind == CM_KIND_FIRM)
			firms++, size += nd->size != CM_SIZE_UNKNOWN;
	}
	if (n == 0)
		return NAN;
	double s = firms > 0 ? size / firms : 1.0;
	return (kind / n + own / n + loc / n + s) / 4;
}

/* which: CM__I_EXTERNAL_OWNERSHIP, _LARGE_SHARE, _SME_SHARE, _LOCAL_FIRMS,
 * _COMPLETENESS. */
int cm__ind_composition(double *out, const cm__cdata *d, int which)
{
	double firms = 0, sized = 0, owned = 0, external = 0, large = 0, sme = 0;
	if (which == CM__I_COMPLETENESS) {
		*out = completeness(d);
		return 0;
	}
	for (igraph_integer_t v = 0; v < d->v->nl; v++) {
		const cm__node *nd = cm__lnode(d, v);
		if (nd->kind != CM_KIND_FIRM)
			continue;
		firms++;
		/* Unknown ownership is neither local nor external. */
		owned += !!(nd->has & CM_HAS_OWNERSHIP);
		external += (nd->has & CM_HAS_OWNERSHIP) && nd->ownership == CM_OWNERSHIP_EXTERNAL;
		sized += nd->size != CM_SIZE_UNKNOWN;
		large += cm__is_large(nd);
		sme += cm__is_sme(nd);
	}
	switch (which) {
	case CM__I_EXTERNAL_OWNERSHIP: *out = owned > 0 ? external / owned : NAN; break;
	case CM__I_LARGE_SHARE: *out = sized > 0 ? large / sized : NAN; break;
	case CM__I_SME_SHARE: *out = sized > 0 ? sme / sized : NAN; break;
	default: *out = firms; break;
	}
	return 0;
}
