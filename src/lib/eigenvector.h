/* Eigenvector centrality of an undirected graph, component-aware.
 * Definition and method: docs/metrics.md ("Actor-level measures"). */
#ifndef CM_EIGENVECTOR_H
#define CM_EIGENVECTOR_H

#include "layers.h"

/* igraph_eigenvector_centrality(g, res, NULL, scale 1, weights) with default
 * ARPACK options, computed on the one connected component that holds the
 * leading eigenvalue when that eigenvalue is clear of every other
 * component's (relative gap at least CM__EIGEN_GAP): the centralities are then
 * zero outside it and the same within it, to ARPACK's precision. Otherwise
 * (a component holding half of the vertices or more, near-equal leading
 * eigenvalues, weights that are not all positive, a graph that is not
 * simple) the plain call on g.
 * res is resized to igraph_vcount(g). g must be undirected and have ties;
 * weights is NULL or one weight per edge. The component path draws from a
 * private generator, never from igraph's default one. Returns 0 or a CM_E*
 * code. */
#define CM__EIGEN_GAP 1e-6

int cm__eigenvector_centrality(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                               const igraph_vector_t *weights);

#endif
