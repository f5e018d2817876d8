/* SPDX-License-Identifier: MIT */
/* Burt's constraint and effective size from triangles (burt.c) against
 * igraph_constraint and against effective size computed straight from its
 * definition, on seeded random graphs: sparse and dense, with hubs, with
 * and without weights, with isolates; and on the star and K5. */
#include "tap.h"

#include "metrics/metrics_work.h"

/* Effective size from the definition: for ego i, sum over contacts j of
 * 1 - sum over contacts q != j of p_iq m_jq (docs/metrics.md). */
static double weight_of(const igraph_t *g, const igraph_vector_t *w, igraph_integer_t a,
                        igraph_integer_t b)
{
	igraph_integer_t e;
	if (igraph_get_eid(g, &e, a, b, IGRAPH_UNDIRECTED, 0) || e < 0)
		return 0;
	return w ? VECTOR(*w)[e] : 1.0;
}

static double definition(const igraph_t *g, const igraph_vector_t *w, igraph_integer_t i)
{
	igraph_vector_int_t nb;
	double total = 0, es = 0;
	igraph_vector_int_init(&nb, 0);
	igraph_neighbors(g, &nb, i, IGRAPH_ALL);
	igraph_integer_t d = igraph_vector_int_size(&nb);
	for (igraph_integer_t k = 0; k < d; k++)
		total += weight_of(g, w, i, VECTOR(nb)[k]);
	for (igraph_integer_t a = 0; a < d; a++) {
		igraph_integer_t j = VECTOR(nb)[a];
		double maxj = 0, r = 0;
		igraph_vector_int_t nj;
		igraph_vector_int_init(&nj, 0);
		igraph_neighbors(g, &nj, j, IGRAPH_ALL);
		for (igraph_integer_t k = 0; k < igraph_vector_int_size(&nj); k++) {
			double x = weight_of(g, w, j, VECTOR(nj)[k]);
			maxj = x > maxj ? x : maxj;
		}
		igraph_vector_int_destroy(&nj);
		for (igraph_integer_t b = 0; b < d; b++)
			if (b != a)
				r += weight_of(g, w, i, VECTOR(nb)[b]) / total *
				     weight_of(g, w, j, VECTOR(nb)[b]) / maxj;
		es += 1 - r;
	}
	igraph_vector_int_destroy(&nb);
	return d ? es : NAN;
}

static double worst_diff(const igraph_vector_t *a, const igraph_vector_t *b)
{
	double worst = 0;
	for (igraph_integer_t i = 0; i < igraph_vector_size(a); i++) {
		double x = VECTOR(*a)[i], y = VECTOR(*b)[i];
		if (isnan(x) != isnan(y))
			return INFINITY;
		if (!isnan(x))
			worst = fabs(x - y) > worst ? fabs(x - y) : worst;
	}
	return worst;
}

static void compare(cm_ctx *ctx, const igraph_t *g, const igraph_vector_t *w, const char *what)
{
	igraph_vector_t c, e, want_c, want_e;
	igraph_vector_init(&c, 0);
	igraph_vector_init(&e, 0);
	igraph_vector_init(&want_c, 0);
	igraph_vector_init(&want_e, igraph_vcount(g));
	igraph_constraint(g, &want_c, igraph_vss_all(), w);
	for (igraph_integer_t i = 0; i < igraph_vcount(g); i++)
		VECTOR(want_e)[i] = definition(g, w, i);
	ok(cm__burt(&c, &e, ctx, g, w) == 0, "%s: computed", what);
	double dc = worst_diff(&c, &want_c), de = worst_diff(&e, &want_e);
	if (!ok(dc <= 1e-12, "%s: constraint equals igraph_constraint", what))
		printf("#   largest difference %g\n", dc);
	if (!ok(de <= 1e-9, "%s: effective size equals its definition", what))
		printf("#   largest difference %g\n", de);
	igraph_vector_destroy(&c);
	igraph_vector_destroy(&e);
	igraph_vector_destroy(&want_c);
	igraph_vector_destroy(&want_e);
}

static void random_weights(igraph_vector_t *w, const igraph_t *g, unsigned long seed)
{
	igraph_vector_init(w, igraph_ecount(g));
	igraph_rng_seed(igraph_rng_default(), seed);
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
		VECTOR(*w)[e] = 0.5 + igraph_rng_get_unif01(igraph_rng_default()) * 4;
}

static void random_graphs(cm_ctx *ctx)
{
	igraph_t g;
	igraph_vector_t w;
	igraph_rng_seed(igraph_rng_default(), 7);
	igraph_erdos_renyi_game_gnm(&g, 60, 400, 0, 0);
	compare(ctx, &g, NULL, "G(60, 400)");
	random_weights(&w, &g, 8);
	compare(ctx, &g, &w, "G(60, 400), weighted");
	igraph_vector_destroy(&w);
	igraph_destroy(&g);

	igraph_rng_seed(igraph_rng_default(), 9);
	igraph_erdos_renyi_game_gnm(&g, 300, 150, 0, 0);
	compare(ctx, &g, NULL, "G(300, 150) with isolates");
	igraph_destroy(&g);

	/* Preferential attachment: hubs, as lead firms with many suppliers. */
	igraph_rng_seed(igraph_rng_default(), 10);
	igraph_barabasi_game(&g, 400, 1, 3, NULL, 1, 1, 0, IGRAPH_BARABASI_PSUMTREE, NULL);
	compare(ctx, &g, NULL, "preferential attachment, 400 vertices");
	random_weights(&w, &g, 11);
	compare(ctx, &g, &w, "preferential attachment, weighted");
	igraph_vector_destroy(&w);
	igraph_destroy(&g);

	igraph_full(&g, 12, 0, 0);
	compare(ctx, &g, NULL, "K12");
	igraph_destroy(&g);
}

static void analytic(cm_ctx *ctx)
{
	igraph_t g;
	igraph_vector_t c, e;
	igraph_vector_init(&c, 0);
	igraph_vector_init(&e, 0);
	igraph_star(&g, 6, IGRAPH_STAR_UNDIRECTED, 0);
	cm__burt(&c, &e, ctx, &g, NULL);
	is_double(VECTOR(c)[0], 1.0 / 5, 1e-12, "star of 6: centre constraint 1/(n-1)");
	is_double(VECTOR(e)[0], 5, 1e-12, "star of 6: centre effective size n-1");
	is_double(VECTOR(c)[1], 1, 1e-12, "star of 6: leaf constraint 1");
	igraph_destroy(&g);
	igraph_full(&g, 5, 0, 0);
	cm__burt(&c, &e, ctx, &g, NULL);
	is_double(VECTOR(c)[0], 0.765625, 1e-12, "K5: constraint (2n-3)^2/(n-1)^3");
	is_double(VECTOR(e)[0], 1, 1e-12, "K5: effective size 1");
	igraph_destroy(&g);
	igraph_empty(&g, 3, 0);
	cm__burt(&c, &e, ctx, &g, NULL);
	ok(isnan(VECTOR(c)[0]) && isnan(VECTOR(e)[0]), "isolate: both undefined");
	igraph_destroy(&g);
	igraph_vector_destroy(&c);
	igraph_vector_destroy(&e);
}

int main(void)
{
	cm_ctx *ctx;
	if (cm_ctx_new(&ctx))
		return 1;
	analytic(ctx);
	random_graphs(ctx);
	cm_ctx_free(ctx);
	return tap_done();
}
