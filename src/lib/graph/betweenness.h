/* SPDX-License-Identifier: MIT */
/* Betweenness and closeness, exact or estimated from a seeded sample of
 * sources when the exact computation would take too long (docs/metrics.md,
 * "Sampling"). */
#ifndef CM_BETWEENNESS_H
#define CM_BETWEENNESS_H

#include "layers.h"

/* Above this much work (vertices x (vertices + edges), one breadth-first
 * search per vertex) the exact computation takes more than a few seconds,
 * and an estimate is used unless exactness was asked for. */
#define CM__EXACT_WORK 5e8
/* Work budget of an estimate, and its smallest number of sources. */
#define CM__SAMPLE_WORK 5e7
#define CM__SAMPLE_MIN  20 /* one source per batch of the error estimate */

typedef struct cm__path_opts {
	size_t approx;                   /* >0: this many sources (exact when >= vertex count) */
	int exact;                       /* never sample */
	unsigned long seed;              /* for the sample of sources */
	const igraph_vector_t *distance; /* edge lengths, NULL for hop counts */
} cm__path_opts;

/* How a result was obtained: sources == 0 means exact. */
typedef struct cm__sampling {
	size_t sources;
	double
	    std_error; /* largest estimated standard error of a normalised score; NaN when exact */
} cm__sampling;

/* Number of sources to sample for g, 0 for the exact computation. */
size_t cm__sample_size(const igraph_t *g, const cm__path_opts *opts);
/* The same for a graph of n vertices and m edges. */
size_t cm__sample_size_for(double n, double m, const cm__path_opts *opts);

/* k distinct vertices of 0 .. n - 1 drawn with igraph's default generator
 * seeded by seed. */
int cm__sample_vertices(igraph_vector_int_t *out, cm_ctx *ctx, igraph_integer_t n, size_t k,
                        unsigned long seed);

/* Raw betweenness (igraph's definition; directed when g is) of every vertex
 * into res (initialised by the caller). Estimates scale the sampled sources'
 * dependencies by n / K, so that they are unbiased for the raw value. */
int cm__betweenness(igraph_vector_t *res, cm__sampling *info, cm_ctx *ctx, const igraph_t *g,
                    const cm__path_opts *opts);

/* What the searches of a hop-count betweenness estimate found, kept for the
 * other estimates that would search g again from the same sources: per
 * source, in the order drawn, the vertices reached (itself excluded), the sum
 * of their distances and the largest (path lengths, Krackhardt's hierarchy). The
 * caller zeroes it and frees it with cm__sweep_free; g stays NULL when
 * nothing was kept (an exact result, or edge lengths). */
typedef struct cm__sweep {
	const igraph_t *g;
	size_t k;
	unsigned long seed;
	double *reached, *sum, *ecc; /* k each, one block */
} cm__sweep;

/* cm__betweenness, keeping what its searches found in sweep. */
int cm__betweenness_sweep(igraph_vector_t *res, cm__sampling *info, cm__sweep *sweep, cm_ctx *ctx,
                          const igraph_t *g, const cm__path_opts *opts);
void cm__sweep_free(cm__sweep *s);
/* 1 when sweep holds the searches of k sources drawn with seed in g. */
int cm__sweep_matches(const cm__sweep *s, const igraph_t *g, size_t k, unsigned long seed);

/* Per vertex of an unweighted graph: eccentricity and sum of the hop
 * distances to the vertices it reaches (arrays of vcount entries, caller's). */
typedef struct cm__hops {
	double *ecc, *sum;
} cm__hops;

/* Closeness (igraph's normalisation: reachable vertices over the sum of
 * their distances) and harmonic centrality (normalised by n - 1), paths taken
 * in both directions. Estimates average over a sample of sources. When hops
 * is not NULL and the result is exact with hop counts, it is filled too and
 * hops->ecc stays untouched otherwise (callers preset it to NaN). */
int cm__closeness_hops(igraph_vector_t *closeness, igraph_vector_t *harmonic, cm__sampling *info,
                       cm__hops *hops, cm_ctx *ctx, const igraph_t *g, const cm__path_opts *opts);
/* The same without hops. */
int cm__closeness(igraph_vector_t *closeness, igraph_vector_t *harmonic, cm__sampling *info,
                  cm_ctx *ctx, const igraph_t *g, const cm__path_opts *opts);

#endif
