/* SPDX-License-Identifier: MIT */
/* The breadth-first searches of traverse.c against igraph: distances against
 * igraph_distances, Brandes' dependencies against igraph_betweenness_subset,
 * and the sampled betweenness and closeness estimates with hop counts (our
 * searches) against the same estimates with unit edge lengths (igraph's
 * Dijkstra-based calls), on seeded random graphs: directed and undirected,
 * sparse with isolates, dense, and a lattice with many shortest paths. The
 * sweep a sampled betweenness keeps holds each source's searches as
 * igraph_distances finds them, and the estimates taken from it are those
 * computed without it, to the last bit. The multi-source searches find
 * igraph_distances' distances, each pair once. */
#include "tap.h"

#include "graph/betweenness.h"
#include "metrics/metrics_work.h"
#include "graph/traverse.h"

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

/* What the multi-source search reported: the distance from source i to v
 * in dist[i * n + v] (-1: never reported), and how often a pair was
 * reported twice or at distance 0. */
typedef struct ms_seen {
	int32_t n, *dist;
	int twice;
} ms_seen;

static void ms_record(void *arg, int32_t v, int32_t d, uint64_t sources)
{
	ms_seen *s = arg;
	for (int i = 0; i < 64; i++) {
		if (!(sources >> i & 1))
			continue;
		int32_t *slot = &s->dist[(size_t)i * (size_t)s->n + (size_t)v];
		s->twice += *slot != -1 || d < 1;
		*slot = d;
	}
}

/* k sources from first on, every step-th vertex (mod n), searched together:
 * each source's distances equal igraph_distances (the source itself at 0,
 * never reported), each pair reported once. */
static int ms_batch(cm__msbfs *m, const igraph_matrix_t *want, int32_t first, int32_t step, int k)
{
	int32_t n = m->c->n, source[64];
	ms_seen s = {n, malloc((size_t)k * (size_t)n * sizeof(int32_t)), 0};
	int bad = 0;
	for (size_t i = 0; i < (size_t)k * (size_t)n; i++)
		s.dist[i] = -1;
	for (int i = 0; i < k; i++) {
		source[i] = (first + i * step) % n;
		s.dist[(size_t)i * (size_t)n + (size_t)source[i]] = 0;
	}
	cm__msbfs_run(m, source, k, ms_record, &s);
	for (int i = 0; i < k; i++)
		for (int32_t v = 0; v < n; v++) {
			double d = MATRIX(*want, source[i], v);
			int32_t got = s.dist[(size_t)i * (size_t)n + (size_t)v];
			bad += isfinite(d) ? got != (int32_t)d : got != -1;
		}
	free(s.dist);
	return bad + s.twice;
}

static void multi_source(cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode, const char *what)
{
	cm__msbfs m;
	igraph_matrix_t want;
	int32_t n = (int32_t)igraph_vcount(g);
	igraph_matrix_init(&want, 0, 0);
	igraph_distances(g, &want, igraph_vss_all(), igraph_vss_all(), mode);
	ok(cm__msbfs_open(&m, ctx, g, mode) == 0, "%s: multi-source search opened", what);
	int bad = ms_batch(&m, &want, 0, 1, 1) + ms_batch(&m, &want, 5, 7, 20) +
	          ms_batch(&m, &want, n - 10, 1, 64) + ms_batch(&m, &want, 2, 1, 64);
	ok(bad == 0, "%s: 1, 20 and 64 sources at once: igraph's distances, each once (%d wrong)",
	   what, bad);
	cm__msbfs_close(&m);
	cm__msbfs_close(&m);
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

/* Per sampled source: vertices reached, sum and largest of the distances,
 * from igraph_distances along the ties' direction. */
static int sweep_as_igraph(cm_ctx *ctx, const cm__sweep *sw, const igraph_t *g)
{
	igraph_vector_int_t src;
	igraph_matrix_t d;
	int bad = 0;
	cm__sample_vertices(&src, ctx, igraph_vcount(g), sw->k, sw->seed);
	igraph_matrix_init(&d, 0, 0);
	igraph_distances(g, &d, igraph_vss_vector(&src), igraph_vss_all(), IGRAPH_OUT);
	for (size_t i = 0; i < sw->k; i++) {
		double reached = 0, sum = 0, ecc = 0;
		for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
			double x = MATRIX(d, i, v);
			if (isfinite(x) && x > 0)
				reached++, sum += x, ecc = x > ecc ? x : ecc;
		}
		bad += sw->reached[i] != reached || sw->sum[i] != sum || sw->ecc[i] != ecc;
	}
	igraph_matrix_destroy(&d);
	igraph_vector_int_destroy(&src);
	return bad;
}

static int same_bits(const igraph_vector_t *a, const igraph_vector_t *b)
{
	return igraph_vector_size(a) == igraph_vector_size(b) &&
	       memcmp(VECTOR(*a), VECTOR(*b), (size_t)igraph_vector_size(a) * sizeof(double)) == 0;
}

static void sweep_hierarchy(cm_ctx *ctx, const igraph_t *g, const cm__sweep *sw, const char *what)
{
	double with = NAN, without = NAN;
	ok(cm__krackhardt_hierarchy(&with, ctx, g, sw->k, sw->seed, sw) == 0 &&
	       cm__krackhardt_hierarchy(&without, ctx, g, sw->k, sw->seed, NULL) == 0,
	   "%s: hierarchy with and without the sweep", what);
	ok(with == without || (isnan(with) && isnan(without)),
	   "%s: sampled hierarchy from the sweep identical (%g)", what, with);
}

static void sweeps(cm_ctx *ctx, const igraph_t *g, const char *what)
{
	cm__sweep sw = {0};
	cm__path_opts o = {.approx = (size_t)igraph_vcount(g) / 5, .seed = 9};
	igraph_vector_t a, b;
	cm__sampling ia, ib;
	igraph_vector_init(&a, 0);
	igraph_vector_init(&b, 0);
	ok(cm__betweenness_sweep(&a, &ia, &sw, ctx, g, &o) == 0 &&
	       cm__betweenness(&b, &ib, ctx, g, &o) == 0,
	   "%s: sampled betweenness with and without a sweep", what);
	ok(same_bits(&a, &b) && ia.std_error == ib.std_error,
	   "%s: keeping the sweep leaves betweenness as it was", what);
	ok(sw.g == g && sw.k == o.approx && cm__sweep_matches(&sw, g, o.approx, 9) &&
	       !cm__sweep_matches(&sw, g, o.approx, 10) &&
	       !cm__sweep_matches(&sw, g, o.approx + 1, 9),
	   "%s: the sweep is of this graph, sample size and seed only", what);
	ok(!sweep_as_igraph(ctx, &sw, g),
	   "%s: each source's reach, total and eccentricity as igraph's", what);
	if (igraph_is_directed(g))
		sweep_hierarchy(ctx, g, &sw, what);
	igraph_vector_destroy(&a);
	igraph_vector_destroy(&b);
	cm__sweep_free(&sw);
}

/* Nothing is kept where nothing was searched by us: exact, or edge lengths. */
static void no_sweep(cm_ctx *ctx, const igraph_t *g)
{
	cm__sweep sw = {0};
	igraph_vector_t a, ones;
	cm__sampling info;
	cm__path_opts o = {.exact = 1};
	igraph_vector_init(&a, 0);
	igraph_vector_init(&ones, igraph_ecount(g));
	igraph_vector_fill(&ones, 1);
	ok(cm__betweenness_sweep(&a, &info, &sw, ctx, g, &o) == 0 && sw.g == NULL &&
	       sw.reached == NULL,
	   "exact betweenness keeps no sweep");
	o = (cm__path_opts){.approx = 10, .seed = 1, .distance = &ones};
	ok(cm__betweenness_sweep(&a, &info, &sw, ctx, g, &o) == 0 && sw.g == NULL &&
	       !cm__sweep_matches(&sw, g, 10, 1),
	   "betweenness with edge lengths keeps no sweep");
	cm__sweep_free(&sw);
	cm__sweep_free(&sw);
	ok(1, "cm__sweep_free twice on an empty sweep");
	igraph_vector_destroy(&a);
	igraph_vector_destroy(&ones);
}

static void all_checks(cm_ctx *ctx, const igraph_t *g, const char *what)
{
	distances(ctx, g, what);
	multi_source(ctx, g, IGRAPH_OUT, what);
	multi_source(ctx, g, IGRAPH_ALL, what);
	dependencies(ctx, g, what);
	estimates(ctx, g, what);
	sweeps(ctx, g, what);
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
	no_sweep(ctx, &g);
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
