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
 * undirected graph, where igraph counts each pair once). */
void cm__bfs_add_betweenness(cm__bfs *b, int32_t source, double scale, double *acc);

#endif
