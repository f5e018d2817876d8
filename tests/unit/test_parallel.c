/* SPDX-License-Identifier: MIT */
/* Exact betweenness split across worker processes gives igraph's serial
 * result, on seeded random graphs (directed, undirected, weighted, with
 * isolates); and igraph runs with one OpenMP thread unless asked. */
#include "tap.h"

#include "graph/betweenness.h"

#ifdef _OPENMP
#include <omp.h>
#endif

/* Largest difference relative to the size of the values. */
static double max_rel_diff(const igraph_vector_t *a, const igraph_vector_t *b)
{
	double worst = 0;
	if (igraph_vector_size(a) != igraph_vector_size(b))
		return INFINITY;
	for (igraph_integer_t i = 0; i < igraph_vector_size(a); i++) {
		double x = VECTOR(*a)[i], y = VECTOR(*b)[i];
		double d = fabs(x - y) / (fabs(y) > 1 ? fabs(y) : 1);
		worst = d > worst ? d : worst;
	}
	return worst;
}

static void random_graph(igraph_t *g, igraph_integer_t n, igraph_integer_t m, int directed,
                         unsigned long seed)
{
	igraph_rng_seed(igraph_rng_default(), seed);
	igraph_erdos_renyi_game_gnm(g, n, m, directed, 0);
}

static void compare(cm_ctx *ctx, const igraph_t *g, const igraph_vector_t *w, const char *what)
{
	igraph_vector_t serial, par;
	igraph_vector_init(&serial, 0);
	igraph_vector_init(&par, 0);
	igraph_betweenness(g, &serial, igraph_vss_all(), igraph_is_directed(g), w);
	cm__path_opts opts = {.exact = 1, .distance = w};
	for (int threads = 1; threads <= 3; threads++) {
		cm__sampling info;
		cm__igraph_scope scope;
		cm_ctx_set_jobs(ctx, threads);
		cm__igraph_enter(&scope, ctx);
		int rc = cm__betweenness(&par, &info, ctx, g, &opts);
		cm__igraph_leave(&scope);
		ok(rc == 0 && info.sources == 0, "%s, %d process%s: exact computation succeeds",
		   what, threads, threads > 1 ? "es" : "");
		double d = max_rel_diff(&par, &serial);
		if (!ok(d <= 1e-12, "%s, %d process%s: same as igraph's serial betweenness", what,
		        threads, threads > 1 ? "es" : ""))
			printf("#   largest relative difference %g\n", d);
	}
	igraph_vector_destroy(&serial);
	igraph_vector_destroy(&par);
}

static void test_graphs(cm_ctx *ctx)
{
	igraph_t g;
	random_graph(&g, 400, 1600, 0, 42);
	compare(ctx, &g, NULL, "undirected G(400, 1600)");
	igraph_destroy(&g);

	random_graph(&g, 400, 2000, 1, 43);
	compare(ctx, &g, NULL, "directed G(400, 2000)");
	igraph_vector_t w;
	igraph_vector_init(&w, igraph_ecount(&g));
	igraph_rng_seed(igraph_rng_default(), 44);
	for (igraph_integer_t e = 0; e < igraph_ecount(&g); e++)
		VECTOR(w)[e] = 0.5 + igraph_rng_get_unif01(igraph_rng_default()) * 3;
	compare(ctx, &g, &w, "directed G(400, 2000), weighted");
	igraph_vector_destroy(&w);
	igraph_destroy(&g);

	/* Sparse: many components and isolates; fewer vertices than workers. */
	random_graph(&g, 500, 200, 0, 45);
	compare(ctx, &g, NULL, "undirected G(500, 200) with isolates");
	igraph_destroy(&g);
	random_graph(&g, 2, 1, 0, 46);
	compare(ctx, &g, NULL, "a single tie");
	igraph_destroy(&g);
}

static void test_openmp(cm_ctx *ctx)
{
#ifdef _OPENMP
	cm__igraph_scope scope;
	cm_ctx_set_threads(ctx, 1);
	omp_set_num_threads(4);
	cm__igraph_enter(&scope, ctx);
	is_int(omp_get_max_threads(), 1, "igraph calls run with one OpenMP thread by default");
	cm__igraph_leave(&scope);
	is_int(omp_get_max_threads(), 4, "the caller's OpenMP setting is restored");
	cm_ctx_set_threads(ctx, 2);
	cm__igraph_enter(&scope, ctx);
	is_int(omp_get_max_threads(), 2, "threads asked for reach igraph");
	cm__igraph_leave(&scope);
#else
	printf("ok %d - OpenMP # SKIP built without OpenMP\n", ++tap_count);
#endif
}

int main(void)
{
	cm_ctx *ctx;
	if (cm_ctx_new(&ctx))
		return 1;
	test_graphs(ctx);
	test_openmp(ctx);
	cm_ctx_free(ctx);
	return tap_done();
}
