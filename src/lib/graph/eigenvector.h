/* SPDX-License-Identifier: MIT */
/* Eigenvector centrality of an undirected graph, component-aware.
 * Definition and method: docs/metrics.md ("Actor-level measures"). */
#ifndef CM_EIGENVECTOR_H
#define CM_EIGENVECTOR_H

#include "traverse.h"

/* Eigenvector centrality scaled to a maximum of 1, defined for every graph
 * as the limit of power iteration on A + I from the all-ones vector: in a
 * disconnected graph, the components whose leading eigenvalue is the
 * largest (to a relative CM__EIGEN_TIE) get their leading eigenvector times
 * the projection of the ones vector on it, the others 0. Computed with
 * ARPACK on each component whose eigenvalue bound reaches the largest
 * (components above 10^4 vertices to a residual of 1e-10; see
 * docs/metrics.md); a graph that is not simple and weights that are not all
 * positive get igraph_eigenvector_centrality on g (where a tie between
 * components is then resolved as ARPACK's start vector falls).
 * res is resized to igraph_vcount(g). g must be undirected and have ties;
 * weights is NULL or one weight per edge; comp is g's components when the
 * caller has them (NULL: found here). The component path draws nothing
 * from igraph's default generator. Returns 0 or a CM_E* code. */
#define CM__EIGEN_TIE 1e-9
int cm__eigenvector_centrality(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                               const igraph_vector_t *weights, const cm__components *comp);

#endif
