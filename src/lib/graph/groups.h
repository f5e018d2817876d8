/* SPDX-License-Identifier: MIT */
/* Hand-written measures igraph does not have: Gould-Fernandez brokerage,
 * Krackhardt's E-I index, Borgatti-Everett discrete core/periphery.
 * Definitions and formulas: docs/metrics.md ("Group-level measures"). */
#ifndef CM_GROUPS_H
#define CM_GROUPS_H

#include "layers.h"

/* Gould & Fernandez (1989) brokerage role counts of one actor: the number of
 * open two-paths a -> v -> b (a, v, b distinct, no tie a -> b) in which v
 * brokers, classified by the groups of a, v and b. */
typedef struct cm__brokerage {
	double coordinator;    /* a, v, b all in one group */
	double itinerant;      /* a and b in one group, v in another (consultant) */
	double gatekeeper;     /* a in another group, v and b in one */
	double representative; /* a and v in one group, b in another */
	double liaison;        /* a, v and b in three different groups */
} cm__brokerage;

/* out has igraph_vcount(g) entries. group[v] >= 0 is the group of vertex v
 * (vertices with group < 0 are never counted as a, v or b, and get zero
 * counts). g must be simple; it is meant to be directed (an undirected edge
 * counts as two reciprocal arcs). CM_EINVAL when g is not simple. */
int cm__brokerage_roles(cm__brokerage *out, cm_ctx *ctx, const igraph_t *g, const int *group);

/* Krackhardt & Stern (1988) E-I index over the ties of g (undirected view:
 * each unordered pair with a tie counts once; directed ties each count once
 * when the graph is directed). Vertices with group < 0 are left out, with
 * their ties. g must be simple (CM_EINVAL otherwise). */
typedef struct cm__ei {
	double external, internal; /* tie counts E and I */
	double ei;                 /* (E - I) / (E + I); NaN without ties */
	double min, max;           /* attainable range given the group sizes and tie count */
	double expected;           /* mean E-I under random relabelling: (Pe - Pi) / (Pe + Pi)
	                            * over possible pairs; NaN with fewer than two vertices */
	/* Permutation p-values, (1 + hits) / (1 + permutations); NaN when none ran.
	 * p_value: two-sided, |EI* - expected| >= |EI - expected|;
	 * p_lower: EI* <= EI (as segregated or more); p_upper: EI* >= EI. */
	double p_value, p_lower, p_upper;
	unsigned long permutations;
} cm__ei;

/* Permutations shuffle the group labels among the counted vertices with
 * igraph's default RNG seeded by seed (which leaves that RNG reseeded). */
int cm__ei_index(cm__ei *out, cm_ctx *ctx, const igraph_t *g, const int *group,
                 unsigned long permutations, unsigned long seed);

/* Borgatti & Everett (1999) discrete core/periphery on an undirected or
 * directed graph: the partition maximising the correlation between the
 * adjacency matrix and the ideal pattern (core-core 1, periphery-periphery
 * 0, off-diagonal blocks and the diagonal ignored; a directed graph uses the
 * asymmetric matrix). Core and periphery have at least two members each.
 * core has igraph_vcount(g) entries. When no partition has a defined fit
 * (fewer than 4 vertices, no ties, complete graph) the core is empty and the
 * fit NaN. Ties between partitions of equal fit go to the smaller core, then
 * to the core holding the lowest vertex index where they differ. */
typedef struct cm__core_periphery {
	unsigned char *core; /* 1 for core members; owned, free with cm__core_periphery_free */
	size_t core_size;
	double fit;           /* the correlation */
	double density[2][2]; /* [0][0] core-core, [0][1] core-periphery, [1][0] periphery-core,
	                       * [1][1] periphery-periphery; NaN for a block without cells */
	int exact; /* 1: global optimum (exhaustive search, or no fit exists); 0: local search */
} cm__core_periphery;

/* Vertex counts up to this are searched exhaustively; larger graphs use a
 * seeded multi-start local search. */
#define CM__CP_EXHAUSTIVE_MAX 20
#define CM__CP_RESTARTS       64

int cm__core_periphery_fit(cm__core_periphery *out, cm_ctx *ctx, const igraph_t *g,
                           unsigned long seed);
/* The same with the search chosen: exhaustive when igraph_vcount(g) <=
 * exhaustive_max (at most 30), otherwise restarts local-search runs. */
int cm__core_periphery_search(cm__core_periphery *out, cm_ctx *ctx, const igraph_t *g,
                              unsigned long seed, int exhaustive_max, int restarts);
void cm__core_periphery_free(cm__core_periphery *cp);

#endif
