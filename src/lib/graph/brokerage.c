/* SPDX-License-Identifier: MIT */
/* Gould & Fernandez (1989) brokerage roles. Every open two-path a -> v -> b
 * (a, v, b distinct, no tie a -> b) makes v a broker; the groups of a, v and
 * b decide which of the five roles it plays. Definitions: docs/metrics.md.
 *
 * Cost: sum over v of indeg(v) * outdeg(v) pair checks plus, for each in-
 * neighbour a of v, one pass over a's out-list to mark the closed pairs. */
#include "groups.h"

#include <string.h>

/* The role of v in a -> v -> b, from the three groups. */
static double *role_slot(cm__brokerage *r, int ga, int gv, int gb)
{
	if (ga == gv)
		return gv == gb ? &r->coordinator : &r->representative;
	if (gv == gb)
		return &r->gatekeeper;
	return ga == gb ? &r->itinerant : &r->liaison;
}

/* Counts the open two-paths through v. mark[x] == *stamp flags x as an
 * out-neighbour of the current a; a fresh stamp per a avoids clearing. */
static void count_vertex(cm__brokerage *r, const igraph_adjlist_t *in, const igraph_adjlist_t *out,
                         igraph_integer_t v, const int *group, igraph_integer_t *mark,
                         igraph_integer_t *stamp)
{
	igraph_vector_int_t *pred = igraph_adjlist_get(in, v);
	igraph_vector_int_t *succ = igraph_adjlist_get(out, v);
	igraph_integer_t np = igraph_vector_int_size(pred), ns = igraph_vector_int_size(succ);

	for (igraph_integer_t i = 0; i < np; i++) {
		igraph_integer_t a = VECTOR(*pred)[i];
		if (group[a] < 0)
			continue;
		igraph_vector_int_t *closed = igraph_adjlist_get(out, a);
		igraph_integer_t nc = igraph_vector_int_size(closed);
		++*stamp;
		for (igraph_integer_t k = 0; k < nc; k++)
			mark[VECTOR(*closed)[k]] = *stamp;
		for (igraph_integer_t j = 0; j < ns; j++) {
			igraph_integer_t b = VECTOR(*succ)[j];
			if (b != a && group[b] >= 0 && mark[b] != *stamp)
				++*role_slot(r, group[a], group[v], group[b]);
		}
	}
}

static int count_all(cm__brokerage *out, cm_ctx *ctx, const igraph_t *g, const int *group,
                     const igraph_adjlist_t *in, const igraph_adjlist_t *outl)
{
	igraph_integer_t n = igraph_vcount(g), stamp = 0;
	igraph_integer_t *mark = cm__calloc(n ? (size_t)n : 1, sizeof(*mark));
	if (!mark)
		return cm__oom(ctx);
	for (igraph_integer_t v = 0; v < n; v++)
		if (group[v] >= 0)
			count_vertex(&out[v], in, outl, v, group, mark, &stamp);
	cm__free(mark);
	return 0;
}

static int check_simple(cm_ctx *ctx, const igraph_t *g)
{
	igraph_bool_t simple;
	CM__IG(ctx, igraph_is_simple(g, &simple));
	if (!simple)
		return cm__error(
		    ctx, CM_EINVAL,
		    "error: brokerage needs a simple graph (no self-loops or parallel ties)");
	return 0;
}

/* Builds the in- and out-lists; on failure nothing is left to destroy. */
static int build_lists(cm_ctx *ctx, const igraph_t *g, igraph_adjlist_t *in, igraph_adjlist_t *out)
{
	CM__IG(ctx, igraph_adjlist_init(g, in, IGRAPH_IN, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
	igraph_error_t err =
	    igraph_adjlist_init(g, out, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE);
	if (err != IGRAPH_SUCCESS) {
		igraph_adjlist_destroy(in);
		return cm__igraph_error(ctx, err);
	}
	return 0;
}

static int brokerage_run(cm__brokerage *out, cm_ctx *ctx, const igraph_t *g, const int *group)
{
	igraph_adjlist_t in, outl;
	int rc = check_simple(ctx, g);
	if (rc)
		return rc;
	rc = build_lists(ctx, g, &in, &outl);
	if (rc)
		return rc;
	rc = count_all(out, ctx, g, group, &in, &outl);
	igraph_adjlist_destroy(&in);
	igraph_adjlist_destroy(&outl);
	return rc;
}

int cm__brokerage_roles(cm__brokerage *out, cm_ctx *ctx, const igraph_t *g, const int *group)
{
	igraph_integer_t n = igraph_vcount(g);
	cm__igraph_scope scope;

	if (!group && n > 0)
		return cm__error(ctx, CM_EINVAL, "error: brokerage needs a group for every vertex");
	if (n > 0)
		memset(out, 0, (size_t)n * sizeof(*out));
	int rc = cm__igraph_enter(&scope, ctx);
	if (!rc)
		rc = brokerage_run(out, ctx, g, group);
	cm__igraph_leave(&scope);
	return rc;
}
