/* SPDX-License-Identifier: MIT */
/* What the metrics files share while they measure one layer (igraph side). */
#ifndef CM_METRICS_WORK_H
#define CM_METRICS_WORK_H

#include "graph/betweenness.h"
#include "graph/burt.h"
#include "graph/groups.h"
#include "metrics.h"
#include "graph/traverse.h"

typedef struct cm__mwork {
	cm_ctx *ctx;
	const cm_network *net;
	const cm_metrics_opts *opts;
	const cm__layer *l;
	cm__mlayer *out;
	/* The undirected simple view ("direction ignored"): the layer itself
	 * when undirected, otherwise und with arcs in both directions merged
	 * into one edge, weights summed. */
	const igraph_t *u;
	const igraph_vector_t *uw;
	igraph_t und;
	igraph_vector_t und_w;
	int own_und;
	/* Edge lengths 1/weight for path measures, with --weighted only. */
	igraph_vector_t dist, udist;
	int has_dist;
	/* Eccentricities and distance sums in the undirected view, from the
	 * exact hop-count closeness pass (has_hops), reused for the paths. */
	cm__hops hops;
	int has_hops;
	/* What the sampled betweenness searches found, for the estimates that
	 * would search again from the same sources (path lengths on a connected
	 * undirected layer, Krackhardt's hierarchy). */
	cm__sweep sweep;
	/* The undirected view's components (the layer's weak components), found
	 * by the first measure that needs them (cm__mwork_components). */
	cm__components comp;
	int has_comp;
	/* Vertex scores kept for the centralizations. */
	igraph_vector_t betweenness, closeness, eigenvector;
	/* Group of each vertex (-1: none), NULL without a grouping. */
	int *group;
} cm__mwork;

/* Tie weights for non-path measures: NULL unless --weighted. */
const igraph_vector_t *cm__mwork_weights(const cm__mwork *w, int undirected);
/* The sampling options of the path measures (--approx, --exact, --seed) with
 * edge lengths under --weighted, of the layer or of its undirected view. */
cm__path_opts cm__mwork_path_opts(const cm__mwork *w, int undirected);

/* The layer's weak components, found once; 0 or a CM_E* code. */
int cm__mwork_components(cm__mwork *w, const cm__components **out);

/* Copies one value per vertex into the actor column (NaN for left-out nodes). */
void cm__mwork_scatter(cm__mwork *w, int measure, const igraph_vector_t *v);
void cm__mwork_scatter_int(cm__mwork *w, int measure, const igraph_vector_int_t *v);

/* Actor-level measures first (they fill betweenness, closeness and
 * eigenvector), then the network level; the communities apart, so that
 * they can be measured in another process (metrics.c). */
int cm__metrics_actors(cm__mwork *w);
int cm__metrics_network(cm__mwork *w);
int cm__metrics_community(cm__mwork *w);

/* Measures layer k of m into out (metrics.c); arg is the caller's. When
 * out->shared is set, the scores go into the block out->actor[0] points to
 * (CM__AM_COUNT columns of the network's node count). */
typedef int (*cm__layer_fn)(cm__mlayer *out, cm_ctx *ctx, void *arg, size_t k);
/* Every layer of m by fn, in worker processes (metrics_fork.c): workers in
 * all counting this process, layers shared out by their cost (any positive
 * scale). Every layer's actor block is first placed in one block shared with
 * the workers (m->shared, freed by cm_metrics_free), where they write their
 * scores; the rest of each result comes back through a pipe. Each result is
 * as if measured here; a worker that fails to deliver has its layers
 * measured here instead. Returns 0 or the first CM_E* code. */
int cm__metrics_fork(cm_metrics *m, cm_ctx *ctx, const double *cost, int workers, cm__layer_fn fn,
                     void *arg);

/* Krackhardt's hierarchy of a directed graph; NaN without reachable pairs.
 * With k > 0 the reachable pairs are estimated from k sampled sources (whose
 * searches sweep may already hold; NULL for none). */
int cm__krackhardt_hierarchy(double *out, cm_ctx *ctx, const igraph_t *g, size_t k,
                             unsigned long seed, const cm__sweep *sweep);

#endif
