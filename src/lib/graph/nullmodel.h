/* SPDX-License-Identifier: MIT */
/* Seeded null models for z-scores: random graphs with the same size and tie
 * count (G(n,m)), degree-preserving rewiring, and label permutation.
 * z = (observed - mean) / sd over the replicates; docs/classification.md
 * says which indicator uses which model and why. */
#ifndef CM_NULLMODEL_H
#define CM_NULLMODEL_H

#include "layers.h"

typedef enum {
	CM__NULL_NONE = 0,
	CM__NULL_GNM,     /* igraph_erdos_renyi_game_gnm: same n, m and direction */
	CM__NULL_REWIRE,  /* igraph_rewire: same (in- and out-) degree sequence */
	CM__NULL_PERMUTE, /* the labels shuffled among the same vertices */
	CM__NULL_TIERS    /* each seller's ties redrawn among the same buyers */
} cm__null_kind;

/* "gnm", "rewiring", "permutation", "tiers", or NULL for CM__NULL_NONE. */
const char *cm__null_name(cm__null_kind kind);

/* The distribution of a statistic over the replicates where it is defined.
 * The caller sets observed before drawing; p is then the two-sided Monte
 * Carlo p-value min(1, 2 min(P+, P-)), P+ = (1 + #{x >= observed}) /
 * (1 + count) and P- likewise (Davison & Hinkley 1997), NaN without
 * replicates or an observed value. */
typedef struct cm__null {
	double mean, sd; /* NaN when fewer than two replicates gave a value */
	size_t count;    /* replicates with a defined (non-NaN) value */
	double observed; /* set by the caller */
	double p;
} cm__null;

/* A null with nothing drawn yet, for an observed value. */
cm__null cm__null_start(double observed);
/* The two-sided p-value from the counts at or above and at or below the
 * observed value among count replicates (NaN when count is 0). */
double cm__null_p(size_t ge, size_t le, size_t count);

/* A statistic of a graph (NaN when undefined), or of a labelling of the
 * vertices of a fixed graph: labels[v] for v < n. */
typedef int (*cm__graph_stat)(double *out, cm_ctx *ctx, const igraph_t *g, void *payload);
typedef int (*cm__label_stat)(double *out, cm_ctx *ctx, const int *labels, void *payload);

/* Rewiring is one Markov chain: a burn-in of CM__REWIRE_BURN_IN swap
 * attempts per edge from the observed graph (Milo et al. 2003 use 10 to
 * 100), then CM__REWIRE_THIN attempts per edge between replicates. */
#define CM__REWIRE_BURN_IN 10
#define CM__REWIRE_THIN    1
/* Above this many edges a rewiring null draws at most CM__REWIRE_LARGE_MAX
 * replicates, which keeps classify within seconds at 10,000 actors. */
#define CM__REWIRE_LARGE_EDGES 20000
#define CM__REWIRE_LARGE_MAX   10

/* Each model draws replicates from igraph's default RNG seeded with seed, so
 * the same seed gives the same replicates. */
int cm__null_gnm(cm__null *out, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                 unsigned long seed, cm__graph_stat stat, void *payload);
int cm__null_rewire(cm__null *out, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                    unsigned long seed, cm__graph_stat stat, void *payload);
/* Keeps what a supply chain fixes: every tie's direction, each seller's
 * number of customers (out-degree) and who buys at all (the actors with a
 * positive in-degree); each seller's customers are redrawn uniformly among
 * the buyers other than itself. A directed graph only. */
int cm__null_tiers(cm__null *out, cm_ctx *ctx, const igraph_t *g, size_t replicates,
                   unsigned long seed, cm__graph_stat stat, void *payload);
int cm__null_permute(cm__null *out, cm_ctx *ctx, const int *labels, size_t n, size_t replicates,
                     unsigned long seed, cm__label_stat stat, void *payload);

/* (observed - mean) / sd; NaN when observed or the null is undefined or sd
 * is 0 (a statistic the model cannot move has no z-score). */
double cm__null_z(double observed, const cm__null *null);

/* A seed for stream k derived from a user seed (splitmix64), so that each
 * indicator's replicates do not depend on which indicators ran before. */
unsigned long cm__seed_mix(unsigned long seed, unsigned long k);

/* Fisher-Yates shuffle of a[0..n) with igraph's default RNG. */
void cm__shuffle_int(int *a, size_t n);

#endif
