/* Hand-written measures igraph does not have: Gould-Fernandez brokerage,
 * Krackhardt's E-I index, Borgatti-Everett discrete core/periphery.
 * Definitions and formulas: docs/metrics.md. */
#ifndef CM_GROUPS_H
#define CM_GROUPS_H

#include "layers.h"

/* Gould & Fernandez (1989) brokerage role counts of one actor: the number of
 * open two-paths a -> v -> b (a -> b absent, a != b) in which v brokers,
 * classified by the groups of a, v and b. */
typedef struct cm__brokerage {
	double coordinator;    /* a, v, b all in one group */
	double itinerant;      /* a and b in one group, v in another (consultant) */
	double gatekeeper;     /* a in another group, v and b in one */
	double representative; /* a and v in one group, b in another */
	double liaison;        /* a, v and b in three different groups */
} cm__brokerage;

/* out has igraph_vcount(g) entries. group[v] >= 0 is the group of vertex v
 * (vertices with group < 0 are never counted as a, v or b). g must be
 * directed and simple. */
int cm__brokerage_roles(cm__brokerage *out, cm_ctx *ctx, const igraph_t *g, const int *group);

/* Krackhardt & Stern (1988) E-I index over the ties of g (undirected view:
 * each unordered pair with a tie counts once; directed ties each count once
 * when the graph is directed). Vertices with group < 0 are left out. */
typedef struct cm__ei {
	double external, internal; /* tie counts */
	double ei;                 /* (E - I) / (E + I); NaN without ties */
	double min, max;           /* attainable range given the group sizes and tie count */
	double p_value;            /* share of permutations with |EI| >= |observed|; NaN if none */
	unsigned long permutations;
} cm__ei;

/* Permutations shuffle the group labels among the counted vertices with
 * igraph's RNG seeded by seed. */
int cm__ei_index(cm__ei *out, cm_ctx *ctx, const igraph_t *g, const int *group,
		 unsigned long permutations, unsigned long seed);

/* Borgatti & Everett (1999) discrete core/periphery on an undirected or
 * directed graph: the partition maximising the correlation between the
 * adjacency matrix and the ideal pattern (core-core 1, periphery-periphery
 * 0, off-diagonal blocks ignored). core has igraph_vcount(g) entries. */
typedef struct cm__core_periphery {
	unsigned char *core; /* 1 for core members; owned, free with cm__core_periphery_free */
	size_t core_size;
	double fit;          /* the correlation */
	double density[2][2]; /* [0][0] core-core, [0][1] core-periphery, [1][0] periphery-core,
			       * [1][1] periphery-periphery */
} cm__core_periphery;

int cm__core_periphery_fit(cm__core_periphery *out, cm_ctx *ctx, const igraph_t *g,
			   unsigned long seed);
void cm__core_periphery_free(cm__core_periphery *cp);

#endif
