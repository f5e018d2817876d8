/* SPDX-License-Identifier: MIT */
/* Burt's constraint and effective size from the triangles of the undirected
 * simple view. Both measures sum, for ego i and contact j, over the third
 * actors q tied to both: every such term belongs to one triangle {i, j, q}.
 * Listing the triangles once costs O(m^1.5) at worst, where the direct
 * definition (igraph_constraint) costs the sum of squared degrees: hours on
 * a layer whose lead firms have huge supplier bases (docs/metrics.md). */
#include "burt.h"

#include <math.h>

typedef struct burt {
	const igraph_t *g;
	const igraph_vector_t *w; /* tie weights, NULL: 1 */
	double *strength;         /* sum of i's tie weights: p_ij = a_ij / strength_i */
	double *maxw;             /* i's strongest tie: m_ij = a_ij / maxw_i */
	double *indirect;         /* per tie end: [2e] from -> to, [2e + 1] to -> from */
	double *redundancy;       /* per ego: sum over contacts j, q of p_iq m_jq */
} burt;

static double weight(const burt *b, igraph_integer_t e)
{
	return b->w ? VECTOR(*b->w)[e] : 1.0;
}

static void tie_totals(burt *b)
{
	for (igraph_integer_t e = 0; e < igraph_ecount(b->g); e++) {
		double x = weight(b, e);
		igraph_integer_t s = IGRAPH_FROM(b->g, e), t = IGRAPH_TO(b->g, e);
		b->strength[s] += x;
		b->strength[t] += x;
		b->maxw[s] = x > b->maxw[s] ? x : b->maxw[s];
		b->maxw[t] = x > b->maxw[t] ? x : b->maxw[t];
	}
}

/* The slot of tie e seen from its end x. */
static double *indirect_of(const burt *b, igraph_integer_t e, igraph_integer_t x)
{
	return &b->indirect[2 * e + (IGRAPH_FROM(b->g, e) == x ? 0 : 1)];
}

/* Ego x in triangle {x, y, z} with ties xy, xz, yz: the path x-z-y adds
 * p_xz p_zy to x's constraint term for y, x-y-z adds p_xy p_yz to its term
 * for z, and both add to x's redundancy (p_xz m_yz + p_xy m_zy). */
static void ego_in_triangle(burt *b, igraph_integer_t x, igraph_integer_t y, igraph_integer_t z,
                            const igraph_integer_t e[3])
{
	double wxy = weight(b, e[0]), wxz = weight(b, e[1]), wyz = weight(b, e[2]);
	double pxy = wxy / b->strength[x], pxz = wxz / b->strength[x];
	*indirect_of(b, e[0], x) += pxz * wyz / b->strength[z];
	*indirect_of(b, e[1], x) += pxy * wyz / b->strength[y];
	b->redundancy[x] += pxz * wyz / b->maxw[y] + pxy * wyz / b->maxw[z];
}

static igraph_error_t triangle(burt *b, igraph_integer_t u, igraph_integer_t v, igraph_integer_t t)
{
	igraph_integer_t uv, ut, vt;
	IGRAPH_CHECK(igraph_get_eid(b->g, &uv, u, v, IGRAPH_UNDIRECTED, 1));
	IGRAPH_CHECK(igraph_get_eid(b->g, &ut, u, t, IGRAPH_UNDIRECTED, 1));
	IGRAPH_CHECK(igraph_get_eid(b->g, &vt, v, t, IGRAPH_UNDIRECTED, 1));
	ego_in_triangle(b, u, v, t, (igraph_integer_t[3]){uv, ut, vt});
	ego_in_triangle(b, v, u, t, (igraph_integer_t[3]){uv, vt, ut});
	ego_in_triangle(b, t, u, v, (igraph_integer_t[3]){ut, vt, uv});
	return IGRAPH_SUCCESS;
}

static igraph_error_t triangles(burt *b)
{
	igraph_vector_int_t tri;
	IGRAPH_CHECK(igraph_vector_int_init(&tri, 0));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &tri);
	IGRAPH_CHECK(igraph_list_triangles(b->g, &tri));
	for (igraph_integer_t k = 0; k + 2 < igraph_vector_int_size(&tri); k += 3)
		IGRAPH_CHECK(triangle(b, VECTOR(tri)[k], VECTOR(tri)[k + 1], VECTOR(tri)[k + 2]));
	igraph_vector_int_destroy(&tri);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* constraint_i = sum over contacts j of (p_ij + indirect_ij)^2 and effective
 * size = contacts - redundancy; both undefined for an isolate. */
static void totals(igraph_vector_t *constraint, igraph_vector_t *effective, const burt *b,
                   const igraph_vector_int_t *deg)
{
	igraph_integer_t n = igraph_vcount(b->g);
	igraph_vector_null(constraint);
	for (igraph_integer_t e = 0; e < igraph_ecount(b->g); e++) {
		igraph_integer_t s = IGRAPH_FROM(b->g, e), t = IGRAPH_TO(b->g, e);
		double ps = weight(b, e) / b->strength[s] + b->indirect[2 * e];
		double pt = weight(b, e) / b->strength[t] + b->indirect[2 * e + 1];
		VECTOR(*constraint)[s] += ps * ps;
		VECTOR(*constraint)[t] += pt * pt;
	}
	for (igraph_integer_t i = 0; i < n; i++) {
		double d = (double)VECTOR(*deg)[i];
		VECTOR(*effective)[i] = d > 0 ? d - b->redundancy[i] : NAN;
		if (d == 0)
			VECTOR(*constraint)[i] = NAN;
	}
}

int cm__burt(igraph_vector_t *constraint, igraph_vector_t *effective, cm_ctx *ctx,
             const igraph_t *g, const igraph_vector_t *weights)
{
	size_t n = (size_t)igraph_vcount(g), m = (size_t)igraph_ecount(g);
	double *buf = cm__calloc(3 * n + 2 * m + 1, sizeof(double));
	igraph_vector_int_t deg;
	if (!buf || igraph_vector_resize(constraint, (igraph_integer_t)n) ||
	    igraph_vector_resize(effective, (igraph_integer_t)n)) {
		cm__free(buf);
		return cm__oom(ctx);
	}
	burt b = {g, weights, buf, buf + n, buf + 2 * n, buf + 2 * n + 2 * m};
	tie_totals(&b);
	igraph_error_t err = igraph_vector_int_init(&deg, 0);
	if (err == IGRAPH_SUCCESS) {
		err = igraph_degree(g, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_NO_LOOPS);
		if (err == IGRAPH_SUCCESS)
			err = triangles(&b);
		if (err == IGRAPH_SUCCESS)
			totals(constraint, effective, &b, &deg);
		igraph_vector_int_destroy(&deg);
	}
	cm__free(buf);
	return err ? cm__igraph_error(ctx, err) : 0;
}
