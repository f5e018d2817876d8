/* SPDX-License-Identifier: MIT */
/* Burt's structural-hole measures (burt.c). */
#ifndef CM_BURT_H
#define CM_BURT_H

#include "layers.h"

/* Burt's constraint and effective size of every vertex of an undirected
 * simple graph (burt.c); weights NULL for unweighted. Isolates get NaN. */
int cm__burt(igraph_vector_t *constraint, igraph_vector_t *effective, cm_ctx *ctx,
             const igraph_t *g, const igraph_vector_t *weights);

#endif
