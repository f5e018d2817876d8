/* SPDX-License-Identifier: MIT */
/* Per-layer igraph views of a network: the igraph boundary starts here.
 * Only the analysis files (layers.c, metrics.c, brokerage.c, groups.c,
 * nullmodel.c, classify.c, compare.c) include this header. */
#ifndef CM_LAYERS_H
#define CM_LAYERS_H

#include "core/internal.h"

#include <igraph.h>

#define CM__LAYER_ALL SIZE_MAX /* the union of every layer */

typedef struct cm__layer {
	const char *name; /* layer name, "all" for the union */
	int directed;     /* supplier directed; information when its edges are; others undirected */
	igraph_t graph;   /* every node of the network (or of the subset), simple: no
	                   * self-loops, parallel edges collapsed */
	igraph_vector_t weight;   /* summed weights of collapsed edges, one per igraph edge */
	igraph_vector_int_t node; /* igraph vertex -> network node index */
} cm__layer;

typedef struct cm__layer_opts {
	int inside_only; /* keep only location=inside actors */
} cm__layer_opts;

/* Builds the view of one layer (or CM__LAYER_ALL). Returns 0 or a CM_E*
 * code with the message in ctx. */
int cm__layer_build(cm__layer *out, cm_ctx *ctx, const cm_network *net, size_t layer,
                    const cm__layer_opts *opts);
void cm__layer_free(cm__layer *l);

/* The igraph state of one analysis call: igraph's errors and warnings go to
 * ctx, OpenMP runs ctx->threads threads, and igraph's default random
 * generator is one of the library's own (PCG32, the type igraph 0.10 starts
 * with, so seeded streams are unchanged), seeded with 0 until the call seeds
 * it. cm__igraph_leave() puts back every setting the caller had; it must be
 * called once after every cm__igraph_enter(), even a failed one (0 or
 * CM_ENOMEM). Scopes nest; the inner ones share the outer generator.
 * Call an igraph function through CM__IG(ctx, call): on failure it returns
 * CM_EGRAPH (or CM_ENOMEM) from the enclosing function with igraph's message. */
typedef struct cm__igraph_scope {
	void *prev_error, *prev_warning;
	cm_ctx *prev_ctx;
	int prev_threads;
	int own_rng;           /* outermost: rng is ours, prev_rng the caller's */
	igraph_rng_t rng;      /* the library's generator */
	igraph_rng_t prev_rng; /* the caller's default, as igraph copies it */
} cm__igraph_scope;
int cm__igraph_enter(cm__igraph_scope *scope, cm_ctx *ctx);
void cm__igraph_leave(cm__igraph_scope *scope);
int cm__igraph_error(cm_ctx *ctx, igraph_error_t err);

#define CM__IG(ctx, call)                                                                          \
	do {                                                                                       \
		igraph_error_t cm_ig_err_ = (call);                                                \
		if (cm_ig_err_ != IGRAPH_SUCCESS)                                                  \
			return cm__igraph_error((ctx), cm_ig_err_);                                \
	} while (0)

#endif
