/* The breadth-first searches of traverse.c against igraph: distances against
 * igraph_distances, Brandes' dependencies against igraph_betweenness_subset,
 * and the sampled betweenness and closeness estimates with hop counts (our
 * searches) against the same estimates with unit edge lengths (igraph's
 * Dijkstra-based calls), on seeded random graphs: directed and undirected,
 * sparse with isolates, dense, and a lattice with many shortest paths. */
#include "tap.h"

#include "betweenness.h"
#include "traverse.h"

static double worst_diff(const igraph_vector_t *a, const igraph_vector_t *b)
{
	double worst = 0;
	if (igraph_vector_size(a) != igraph_vector_size(b))
		return INFINITY;
	for (igraph_integer_t i = 0; i < igraph_vector_size(a); i++) {
		double x = VECTOR(*a)[i], y = VECTOR(*b)[i];
		if (isnan(x) || isnan(y)) {
			if (isnan(x) != isnan(y))
				return INFINITY;
			continue;
		}
		double d = fabs(x - y) / (fabs(y) > 1 ? fabs(y) : 1);
		worst = d > worst ? d : worst;
	}
	return worst;
}

/* Through cm__bfs_open, the search owning its adjacency. */
static void distances(cm_ctx *ctx, const igraph_t *g, const char *what)
{
	cm__bfs b;
	igraph_matrix_t want;
	int bad = 0;
	igraph_matrix_init(&want, 0, 0);
	igraph_distances(g, &want, igraph_vss_all(), igraph_vss_all(), IGRAPH_OUT);
	ok(cm__bfs_open(&b, ctx, g, IGRAPH_OUT, 0) == 0, "%s: search opened", what);
	int32_t n = (int32_t)igraph_vcount(g);
	for (int32_t s = 0; s < n; s++) {
		cm__bfs_run(&b, s);
		for (int32_t v = 0; v < n; v++) {
			double d = MATRIX(want, s, v);
			bad += isfinite(d) ? b.dist[v] != (int32_t)d : b.dist[v] != -1;
		}
		cm__bfs_clear(&b);
	}
	ok(bad == 0, "%s: every distance equals igraph_distances", what);
	cm__bfs_close(&b);
	igraph_matrix_destroy(&want);
}

static void dependencies(cm_ctx *ctx, const igraph_t *g, const char *what)
{
	cm__csr c;
	cm__bfs b;
	igraph_vector_t got, want;
	igraph_vector_int_t src;
	double scale = igraph_is_directed(g) ? 1 : 0.5;
	igraph_vector_init(&got, igraph_vcount(g));
	igraph_vector_init(&want, 0);
	igraph_vector_int_init(&src, 0);
	igraph_rng_seed(igraph_rng_default(), 5);
	igraph_random_sample(&src, 0, igraph_vcount(g) - 1, igraph_vcount(g) / 3);
	igraph_betweenness_subset(g, &want, igraph_vss_all(), igraph_is_directed(g),
	                          igraph_vss_vector(&src), igraph_vss_all(), NULL);
	cm__csr_init(&c, ctx, g, IGRAPH_OUT);
	cm__bfs_init(&b, ctx, &c, 1);
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(&src); i++) {
		cm__bfs_run(&b, (int32_t)VECTOR(src)[i]);
		cm__bfs_dependencies(&b);
		for (int32_t j = 1; j < b.reached; j++)
			VECTOR(got)[b.queue[j]] += scale * b.delta[b.queue[j]];
		cm__bfs_clear(&b);
	}
	double d = worst_diff(&got, &want);
	if (!ok(d <= 1e-12, "%s: dependencies equal igraph_betweenness_subset", what))
		printf("#   largest relative difference %g\n", d);
	cm__bfs_free(&b);
	cm__csr_free(&c);
	igraph_vector_destroy(&got);
	igraph_vector_destroy(&want);
	igraph_vector_int_destroy(&src);
}

/* Unit lengths send both estimates through igraph; none through ours. */
static void estimates(cm_ctx *ctx, const igraph_t *g, const char *what)
{
	igraph_vector_t ones, a, b, ha, hb;
	cm__sampling ia, ib;
	cm__path_opts hops = {.approx = (size_t)igraph_vcount(g) / 4, .seed = 3};
	cm__path_opts unit = hops;
	igraph_vector_init(&ones, igraph_ecount(g));
	igraph_vector_fill(&ones, 1);
	unit.distance = &ones;
	igraph_vector_init(&a, 0);
	igraph_vector_init(&b, 0);
	igraph_vector_init(&ha, 0);
	igraph_vector_init(&hb, 0);
	ok(cm__betweenness(&a, &ia, ctx, g, &hops) == 0 &&
	       cm__betweenness(&b, &ib, ctx, g, &unit) == 0,
	   "%s: sampled betweenness computed both ways", what);
	ok(ia.sources == hops.approx && ib.sources == hops.approx, "%s: %zu sources sampled", what,
	   hops.approx);
	ok(worst_diff(&a, &b) <= 1e-12 && fabs(ia.std_error - ib.std_error) <= 1e-12,
	   "%s: betweenness estimate and its error as with igraph", what);
	if (!igraph_is_directed(g)) {
		cm__closeness(&a, &ha, &ia, ctx, g, &hops);
		cm__closeness(&b, &hb, &ib, ctx, g, &unit);
		ok(worst_diff(&a, &b) <= 1e-12 && worst_diff(&ha, &hb) <= 1e-12,
		   "%s: closeness and harmonic estimates as with igraph", what);
	}
	igraph_vector_destroy(&ones);
	igraph_vector_destroy(&a);
	igraph_vector_destroy(&b);
	igraph_vector_destroy(&ha);
	igraph_vector_destroy(&hb);
}

static void all_checks(cm_ctx *ctx, const igraph_t *g, const char *what)
{
	distances(ctx, g, what);
	dependencies(ctx, g, what);
	estimates(ctx, g, what);
}

int main(void)
{
	cm_ctx *ctx;
	igraph_t g;
	if (cm_ctx_new(&ctx))
		return 1;
	igraph_rng_seed(igraph_rng_default(), 21);
	igraph_erdos_renyi_game_gnm(&g, 300, 900, 0, 0);
	all_checks(ctx, &g, "undirected G(300, 900)");
	igraph_destroy(&g);
	igraph_rng_seed(igraph_rng_default(), 22);
	igraph_erdos_renyi_game_gnm(&g, 300, 1200, 1, 0);
	all_checks(ctx, &g, "directed G(300, 1200)");
	igraph_destroy(&g);
	igraph_rng_seed(igraph_rng_default(), 23);
	igraph_erdos_renyi_game_gnm(&g, 400, 250, 1, 0);
	all_checks(ctx, &g, "directed G(400, 250) with isolates");
	igraph_destroy(&g);
	igraph_vector_int_t dim;
	igraph_vector_int_init_int(&dim, 2, 15, 12);
	igraph_square_lattice(&g, &dim, 1, 0, 0, NULL);
	all_checks(ctx, &g, "15 x 12 lattice");
	igraph_destroy(&g);
	igraph_vector_int_destroy(&dim);
	cm_ctx_free(ctx);
	return tap_done();
}
