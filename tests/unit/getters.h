/* SPDX-License-Identifier: MIT */
/* The library's checked getters as expressions, for tests: each returns the
 * value, or a value no check accepts (NULL, SIZE_MAX, -1, NaN) when the
 * getter fails, so that a wrong index fails the test that asked. */
#ifndef CM_TEST_GETTERS_H
#define CM_TEST_GETTERS_H

#include <clustermap.h>

#include <limits.h>
#include <math.h>
#include <stdint.h>

#define T_GET(type, fail, call)                                                                    \
	do {                                                                                       \
		type v_;                                                                           \
		if ((call) != 0)                                                                   \
			return fail;                                                               \
		return v_;                                                                         \
	} while (0)

static inline const cm_network *t_series_get(const cm_series *s, size_t i)
{
	T_GET(const cm_network *, NULL, cm_series_get(&v_, NULL, s, i));
}
static inline cm_network *t_series_take(cm_series *s, size_t i)
{
	T_GET(cm_network *, NULL, cm_series_take(&v_, NULL, s, i));
}
static inline const char *t_node_id(const cm_network *n, size_t i)
{
	T_GET(const char *, NULL, cm_network_node_id(&v_, NULL, n, i));
}
static inline const char *t_node_label(const cm_network *n, size_t i)
{
	T_GET(const char *, NULL, cm_network_node_label(&v_, NULL, n, i));
}
static inline const char *t_node_sector(const cm_network *n, size_t i)
{
	T_GET(const char *, NULL, cm_network_node_sector(&v_, NULL, n, i));
}
static inline int t_node_kind(const cm_network *n, size_t i)
{
	T_GET(cm_kind, -1, cm_network_node_kind(&v_, NULL, n, i));
}
static inline int t_node_size(const cm_network *n, size_t i)
{
	T_GET(cm_size, -1, cm_network_node_size(&v_, NULL, n, i));
}
static inline int t_node_ownership(const cm_network *n, size_t i)
{
	T_GET(cm_ownership, -1, cm_network_node_ownership(&v_, NULL, n, i));
}
static inline int t_node_location(const cm_network *n, size_t i)
{
	T_GET(cm_location, -1, cm_network_node_location(&v_, NULL, n, i));
}
static inline unsigned t_node_has(const cm_network *n, size_t i)
{
	T_GET(unsigned, UINT_MAX, cm_network_node_has(&v_, NULL, n, i));
}
static inline const char *t_node_attr(const cm_network *n, size_t i, const char *name)
{
	T_GET(const char *, NULL, cm_network_node_attr(&v_, NULL, n, i, name));
}
static inline const char *t_node_attr_name(const cm_network *n, size_t k)
{
	T_GET(const char *, NULL, cm_network_node_attr_name(&v_, NULL, n, k));
}
static inline size_t t_edge_source(const cm_network *n, size_t e)
{
	T_GET(size_t, SIZE_MAX, cm_network_edge_source(&v_, NULL, n, e));
}
static inline size_t t_edge_target(const cm_network *n, size_t e)
{
	T_GET(size_t, SIZE_MAX, cm_network_edge_target(&v_, NULL, n, e));
}
static inline size_t t_edge_layer(const cm_network *n, size_t e)
{
	T_GET(size_t, SIZE_MAX, cm_network_edge_layer(&v_, NULL, n, e));
}
static inline int t_edge_directed(const cm_network *n, size_t e)
{
	T_GET(bool, -1, cm_network_edge_directed(&v_, NULL, n, e));
}
static inline double t_edge_weight(const cm_network *n, size_t e)
{
	T_GET(double, NAN, cm_network_edge_weight(&v_, NULL, n, e));
}
static inline int t_edge_year(const cm_network *n, size_t e)
{
	T_GET(int, INT_MIN, cm_network_edge_year(&v_, NULL, n, e));
}
static inline int t_edge_start(const cm_network *n, size_t e)
{
	T_GET(int, INT_MIN, cm_network_edge_start(&v_, NULL, n, e));
}
static inline int t_edge_end(const cm_network *n, size_t e)
{
	T_GET(int, INT_MIN, cm_network_edge_end(&v_, NULL, n, e));
}
static inline const char *t_edge_attr(const cm_network *n, size_t e, const char *name)
{
	T_GET(const char *, NULL, cm_network_edge_attr(&v_, NULL, n, e, name));
}
static inline const char *t_layer_name(const cm_network *n, size_t k)
{
	T_GET(const char *, NULL, cm_network_layer_name(&v_, NULL, n, k));
}
static inline const cm_diag *t_ctx_diag(cm_ctx *ctx, size_t i)
{
	T_GET(const cm_diag *, NULL, cm_ctx_diag(&v_, ctx, i));
}
static inline const char *t_metrics_layer_name(const cm_metrics *m, size_t k)
{
	T_GET(const char *, NULL, cm_metrics_layer_name(&v_, NULL, m, k));
}
static inline int t_metrics_layer_directed(const cm_metrics *m, size_t k)
{
	T_GET(bool, -1, cm_metrics_layer_directed(&v_, NULL, m, k));
}
static inline const char *t_diff_actor(const cm_diff *d, cm_change c, size_t i, size_t *node)
{
	T_GET(const char *, NULL, cm_diff_actor(&v_, node, NULL, d, c, i));
}
static inline const char *t_diff_layer_name(const cm_diff *d, size_t k)
{
	T_GET(const char *, NULL, cm_diff_layer_name(&v_, NULL, d, k));
}
static inline int t_diff_layer_directed(const cm_diff *d, size_t k)
{
	T_GET(bool, -1, cm_diff_layer_directed(&v_, NULL, d, k));
}
static inline size_t t_diff_tie_count(const cm_diff *d, size_t k, cm_change c)
{
	T_GET(size_t, SIZE_MAX, cm_diff_tie_count(&v_, NULL, d, k, c));
}
static inline double t_diff_jaccard(const cm_diff *d, size_t k)
{
	T_GET(double, NAN, cm_diff_jaccard(&v_, NULL, d, k));
}
static inline unsigned t_classification_role(const cm_classification *c, size_t i)
{
	T_GET(unsigned, 0, cm_classification_role(&v_, NULL, c, i));
}

#endif /* CM_TEST_GETTERS_H */
