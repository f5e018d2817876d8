/* SPDX-License-Identifier: MIT */
/* Breadth-first searches from many sources over one graph: the sampled and
 * exact path measures (betweenness.c, metrics_network.c) search from up to
 * every vertex, so the adjacency lives in one contiguous array, where
 * igraph's adjacency lists cost one allocation and one pointer per vertex,
 * and a search touches only the vertices it reaches. */
#ifndef CM_TRAVERSE_H
#define CM_TRAVERSE_H

#include "layers.h"

#include <stdint.h>

typedef struct cm__csr {
	int32_t n;
	int64_t *start; /* n + 1 offsets into adj */
	int32_t *adj;   /* neighbours of v: adj[start[v]] .. adj[start[v + 1] - 1] */
	double *w;      /* the weight of each entry of adj; NULL without weights */
} cm__csr;

/* The neighbours of every vertex of g along mode (IGRAPH_OUT, IGRAPH_IN or
 * IGRAPH_ALL; an undirected graph always gives both ends), without
 * self-loops. Returns 0 or CM_ENOMEM. */
int cm__csr_init(cm__csr *c, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode);
/* The same with each tie's weight beside its entries (weights: one per edge
 * of g, or NULL for none). */
int cm__csr_init_weighted(cm__csr *c, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode,
                          const igraph_vector_t *weights);
void cm__csr_free(cm__csr *c);

/* The weak components of a graph as igraph numbers them (from 0, in order
 * of their lowest vertex): one call per layer serves every measure that
 * needs them (metrics.c). */
typedef struct cm__components {
	igraph_vector_int_t memb, size;
	igraph_integer_t count;
} cm__components;

/* Returns 0 or a CM_E* code; c needs cm__components_free either way. */
int cm__components_init(cm__components *c, cm_ctx *ctx, const igraph_t *g);
void cm__components_free(cm__components *c);

/* The state of one search. dist is -1 for every vertex between searches:
 * cm__bfs_run sets it for the vertices it reaches (listed in queue, the
 * source first, by distance) and cm__bfs_clear resets only those. sigma and
 * delta (NULL unless betweenness is wanted) hold shortest-path counts and
 * Brandes' dependencies of the reached vertices. */
typedef struct cm__bfs {
	const cm__csr *c;
	cm__csr own; /* the adjacency, when cm__bfs_open built it */
	int32_t *dist, *queue;
	int32_t reached;
	double *sigma, *delta;
} cm__bfs;

int cm__bfs_init(cm__bfs *b, cm_ctx *ctx, const cm__csr *c, int with_paths);
void cm__bfs_free(cm__bfs *b);
/* cm__csr_init and cm__bfs_init in one, the search owning its adjacency;
 * cm__bfs_close frees both (also after a failed open). b must not move
 * while open. */
int cm__bfs_open(cm__bfs *b, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode, int with_paths);
void cm__bfs_close(cm__bfs *b);
void cm__bfs_run(cm__bfs *b, int32_t source);
void cm__bfs_clear(cm__bfs *b);

/* After cm__bfs_run with paths: delta[v] = sum over targets t of the share
 * of shortest source-t paths through v (Brandes 2001), for reached v. */
void cm__bfs_dependencies(cm__bfs *b);

/* One source's share of betweenness: a search with paths from source, then
 * acc[v] += scale * delta[v] for every other vertex reached (scale 0.5 on an
 * undirected graph, where igraph counts each pair once). The search stays
 * in b, for callers that keep more of it, until cm__bfs_clear. */
void cm__bfs_add_betweenness(cm__bfs *b, int32_t source, double scale, double *acc);

/* Breadth-first searches from up to 64 sources at once, for measures that
 * need only distances (Then et al. 2014, multi-source BFS): each vertex
 * holds one bit per source in seen, visit and next, and a vertex's ties are
 * walked once per level for all the sources reaching it at that level
 * instead of once per source. Where the sources' searches overlap (a
 * small-world layer of thousands of actors), 64 sources cost a few single
 * searches; at a million actors they overlap less (docs/metrics.md). */
typedef struct cm__msbfs {
	const cm__csr *c;
	cm__csr own;
	uint64_t *seen, *visit, *next;
	int32_t *front, *found; /* this level's vertices, the next level's */
} cm__msbfs;

/* Called for each vertex v and distance d >= 1 at which some sources first
 * reach v: bit i of sources is the source at position i. */
typedef void (*cm__msbfs_fn)(void *arg, int32_t v, int32_t d, uint64_t sources);

/* The adjacency of g along mode (as cm__csr_init), owned by the search;
 * cm__msbfs_close frees it (also after a failed open). */
int cm__msbfs_open(cm__msbfs *m, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode);
void cm__msbfs_close(cm__msbfs *m);
/* Searches from source[0 .. k), 1 <= k <= 64, distinct vertices. */
void cm__msbfs_run(cm__msbfs *m, const int32_t *source, int k, cm__msbfs_fn fn, void *arg);

/* Per source (position i of source[]): the vertices reached other than
 * itself, the sum of their distances and of their inverse distances, each
 * added in increasing order of distance as one search from that source would
 * add them (the same sums to the last bit), and the largest distance (0: none
 * reached). */
typedef struct cm__msbfs_totals {
	double reached[64], sum[64], inv[64], ecc[64];
} cm__msbfs_totals;

/* The next block of sources, from position from of k: position i is vertex
 * of[pick[i]], with pick and of each NULL for the identity. Returns the
 * block's size (at most 64). */
int cm__msbfs_block(int32_t *source, const igraph_vector_int_t *pick, const igraph_vector_int_t *of,
                    igraph_integer_t from, igraph_integer_t k);

/* Called with the totals of the b sources at positions first .. first + b
 * - 1; a nonzero return stops the searches and is returned. */
typedef int (*cm__msbfs_totals_fn)(void *arg, igraph_integer_t first, int b,
                                   const cm__msbfs_totals *t);

/* The totals of the sources at positions 0 .. k - 1 (as cm__msbfs_block
 * picks them), searched along mode in g, block by block in order. Returns 0,
 * a CM_E* code, or fn's first nonzero return. */
int cm__msbfs_totals_each(cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode,
                          const igraph_vector_int_t *pick, const igraph_vector_int_t *of,
                          igraph_integer_t k, cm__msbfs_totals_fn fn, void *arg);

#endif
