/* SPDX-License-Identifier: MIT */
/* omp_pagerank: why igraph runs with one OpenMP thread inside clustermap.
 *
 *   omp_pagerank [RUNS]
 *
 * Times PRPACK's PageRank on a seeded random directed graph (1,000 actors,
 * 5,000 ties) RUNS times (default 200) with the OpenMP default thread count,
 * and inside clustermap's igraph scope (one thread unless asked), and prints
 * the minimum, median, 90th percentile and maximum of each. */
#include "graph/layers.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* ctx NULL: igraph as a program that links it would run it. */
static int timed(const igraph_t *g, cm_ctx *ctx, int runs, const char *what)
{
	double *t = malloc(sizeof(double) * (size_t)runs);
	igraph_vector_t pr;
	if (!t || igraph_vector_init(&pr, 0))
		return 1;
	for (int i = 0; i < runs; i++) {
		cm__igraph_scope scope;
		if (ctx)
			cm__igraph_enter(&scope, ctx);
		double start = now();
		igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, NULL, igraph_vss_all(), 1,
		                0.85, NULL, NULL);
		t[i] = now() - start;
		if (ctx)
			cm__igraph_leave(&scope);
	}
	qsort(t, (size_t)runs, sizeof(double), by_value);
	printf("%-34s min %8.2f ms  median %8.2f ms  p90 %8.2f ms  max %8.2f ms\n", what,
	       t[0] * 1e3, t[runs / 2] * 1e3, t[runs * 9 / 10] * 1e3, t[runs - 1] * 1e3);
	igraph_vector_destroy(&pr);
	free(t);
	return 0;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 200;
	cm_ctx *ctx;
	igraph_t g;
	if (runs < 1 || cm_ctx_new(&ctx))
		return 2;
	igraph_rng_seed(igraph_rng_default(), 7);
	igraph_erdos_renyi_game_gnm(&g, 1000, 5000, 1, 0);
	int rc = timed(&g, NULL, runs, "OpenMP default thread count") ||
	         timed(&g, ctx, runs, "clustermap's scope (one thread)");
	igraph_destroy(&g);
	cm_ctx_free(ctx);
	return rc;
}
