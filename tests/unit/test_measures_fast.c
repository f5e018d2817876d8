/* SPDX-License-Identifier: MIT */
/* The fast paths of two measures against the straightforward computations
 * they replace: the E-I permutation test (groups.c: compact group codes,
 * ties in rows) against shuffling the labels with igraph_vector_int_shuffle
 * and counting tie by tie, p-values equal to the last digit for the same seed;
 * eigenvector centrality on the component that carries it (eigenvector.c)
 * against igraph_eigenvector_centrality on the whole graph. */
#include "tap.h"

#include "graph/eigenvector.h"
#include "graph/groups.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- E-I */

/* The permutation test as first written: labels of the counted vertices
 * shuffled in place by igraph, external ties counted over the edge list. */
static void ei_reference(double p[3], const igraph_t *g, const int *group, unsigned long perms,
                         unsigned long seed)
{
	igraph_integer_t n = igraph_vcount(g), k = 0, m = igraph_ecount(g);
	igraph_integer_t *pos = malloc((size_t)(n + 1) * sizeof(*pos));
	igraph_vector_int_t lab;
	igraph_vector_int_init(&lab, 0);
	for (igraph_integer_t v = 0; v < n; v++) {
		pos[v] = group[v] >= 0 ? k++ : -1;
		if (group[v] >= 0)
			igraph_vector_int_push_back(&lab, group[v]);
	}
	double pairs = (double)k * (double)(k - 1), inside = 0, ties = 0, run = 0;
	igraph_vector_int_t sorted;
	igraph_vector_int_init_copy(&sorted, &lab);
	igraph_vector_int_sort(&sorted);
	for (igraph_integer_t a = 0; a < k; a++) {
		run++;
		if (a + 1 == k || VECTOR(sorted)[a + 1] != VECTOR(sorted)[a]) {
			inside += run * (run - 1);
			run = 0;
		}
	}
	igraph_vector_int_destroy(&sorted);
	long double e0 = 0;
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t u = pos[IGRAPH_FROM(g, e)], w = pos[IGRAPH_TO(g, e)];
		ties += u >= 0 && w >= 0;
		e0 += u >= 0 && w >= 0 && VECTOR(lab)[u] != VECTOR(lab)[w];
	}
	long double dev = fabsl(e0 * pairs - (long double)ties * (pairs - inside));
	double two = 0, low = 0, high = 0;
	igraph_rng_seed(igraph_rng_default(), seed);
	for (unsigned long r = 0; r < perms; r++) {
		long double x = 0;
		igraph_vector_int_shuffle(&lab);
		for (igraph_integer_t e = 0; e < m; e++) {
			igraph_integer_t u = pos[IGRAPH_FROM(g, e)], w = pos[IGRAPH_TO(g, e)];
			x += u >= 0 && w >= 0 && VECTOR(lab)[u] != VECTOR(lab)[w];
		}
		two += fabsl(x * pairs - (long double)ties * (pairs - inside)) >= dev;
		low += x <= e0;
		high += x >= e0;
	}
	p[0] = (1 + two) / (1.0 + perms);
	p[1] = (1 + low) / (1.0 + perms);
	p[2] = (1 + high) / (1.0 + perms);
	igraph_vector_int_destroy(&lab);
	free(pos);
}

/* Random graph with groups drawn from 0 .. groups - 1, some vertices
 * ungrouped; returns 1 when every p-value equals the reference exactly. */
static int ei_case(cm_ctx *ctx, igraph_integer_t n, double p, int directed, int groups,
                   unsigned long perms, unsigned long seed)
{
	igraph_t g;
	cm__ei ei;
	double want[3];
	int *group = malloc((size_t)n * sizeof(*group)), same;

	igraph_rng_seed(igraph_rng_default(), seed);
	igraph_erdos_renyi_game_gnp(&g, n, p, directed, 0);
	for (igraph_integer_t v = 0; v < n; v++)
		group[v] = RNG_INTEGER(0, 19) == 0 ? -1 : (int)RNG_INTEGER(0, groups - 1) * 3 + 7;
	ei_reference(want, &g, group, perms, seed + 1);
	same = cm__ei_index(&ei, ctx, &g, group, perms, seed + 1) == 0 && ei.p_value == want[0] &&
	       ei.p_lower == want[1] && ei.p_upper == want[2] && ei.permutations == perms;
	if (!same)
		printf("# n %ld groups %d: got %.17g %.17g %.17g want %.17g %.17g %.17g\n", (long)n,
		       groups, ei.p_value, ei.p_lower, ei.p_upper, want[0], want[1], want[2]);
	igraph_destroy(&g);
	free(group);
	return same;
}

static void test_ei(cm_ctx *ctx)
{
	int same = 0, cases = 0;
	for (unsigned long s = 1; s <= 12; s++, cases++)
		same += ei_case(ctx, 40 + (igraph_integer_t)s * 7, 0.08, (int)(s % 2),
		                2 + (int)(s % 4), 300, s * 11);
	is_int(same, cases,
	       "E-I p-values equal the label-shuffling test (few groups, 1-byte codes)");
	ok(ei_case(ctx, 900, 0.01, 0, 300, 200, 5), "300 groups (2-byte codes): same p-values");
	ok(ei_case(ctx, 600, 0.02, 1, 400, 200, 6), "400 groups, directed: same p-values");
	/* More groups than 2 bytes hold: most vertices alone in their group. */
	ok(ei_case(ctx, 70000, 0.00004, 0, 66000, 6, 7),
	   "66000 groups (4-byte codes): same p-values");
}

/* ---------------------------------------------------------------- eigenvector */

static void plain(igraph_vector_t *v, const igraph_t *g, const igraph_vector_t *w)
{
	igraph_arpack_options_t o;
	igraph_arpack_options_init(&o);
	igraph_eigenvector_centrality(g, v, NULL, 0, 1, w, &o);
}

/* Largest difference between the two vectors, relative to the larger value
 * where that exceeds 1e-6 and absolute below. */
static double eig_diff(const igraph_vector_t *a, const igraph_vector_t *b)
{
	double worst = igraph_vector_size(a) == igraph_vector_size(b) ? 0 : INFINITY;
	for (igraph_integer_t i = 0; worst < INFINITY && i < igraph_vector_size(a); i++) {
		double x = VECTOR(*a)[i], y = VECTOR(*b)[i], scale = fmax(fabs(x), fabs(y));
		double d = fabs(x - y) / (scale > 1e-6 ? scale : 1);
		worst = d > worst ? d : worst;
	}
	return worst;
}

/* Largest absolute difference between the two vectors. */
static double eig_abs_diff(const igraph_vector_t *a, const igraph_vector_t *b)
{
	double worst = igraph_vector_size(a) == igraph_vector_size(b) ? 0 : INFINITY;
	for (igraph_integer_t i = 0; worst < INFINITY && i < igraph_vector_size(a); i++)
		worst = fmax(worst, fabs(VECTOR(*a)[i] - VECTOR(*b)[i]));
	return worst;
}

/* The components handed in by the caller give what the function finds by
 * itself, to the last bit. */
static int eig_given_components(cm_ctx *ctx, const igraph_t *g, const igraph_vector_t *w,
                                const igraph_vector_t *found)
{
	cm__components comp;
	igraph_vector_t c;
	igraph_vector_init(&c, 0);
	igraph_rng_seed(igraph_rng_default(), 3);
	int rc = cm__components_init(&comp, ctx, g);
	if (!rc)
		rc = cm__eigenvector_centrality(&c, ctx, g, w, &comp);
	int same = !rc && igraph_vector_all_e(found, &c);
	cm__components_free(&comp);
	igraph_vector_destroy(&c);
	return same;
}

/* Compares the component path with the plain call from the same generator
 * state: their largest difference, absolute or as eig_diff measures it
 * (infinite when the path gives another result with the components
 * given). */
static double eig_compare(cm_ctx *ctx, const igraph_t *g, const igraph_vector_t *w, int absolute)
{
	igraph_vector_t a, b;
	igraph_vector_init(&a, 0);
	igraph_vector_init(&b, 0);
	igraph_rng_seed(igraph_rng_default(), 3);
	plain(&a, g, w);
	igraph_rng_seed(igraph_rng_default(), 3);
	int rc = cm__eigenvector_centrality(&b, ctx, g, w, NULL);
	double d = rc ? INFINITY : absolute ? eig_abs_diff(&a, &b) : eig_diff(&a, &b);
	if (!rc && !eig_given_components(ctx, g, w, &b))
		d = INFINITY;
	igraph_vector_destroy(&a);
	igraph_vector_destroy(&b);
	return d;
}

/* Disjoint union of stars with the given leaf counts, then isolates. */
static void stars(igraph_t *g, const int *leaves, int count, int isolates)
{
	igraph_vector_int_t edges;
	igraph_integer_t base = 0;
	igraph_vector_int_init(&edges, 0);
	for (int s = 0; s < count; s++) {
		for (int l = 1; l <= leaves[s]; l++) {
			igraph_vector_int_push_back(&edges, base);
			igraph_vector_int_push_back(&edges, base + l);
		}
		base += leaves[s] + 1;
	}
	igraph_create(g, &edges, base + isolates, IGRAPH_UNDIRECTED);
	igraph_vector_int_destroy(&edges);
}

static void eig_analytic(cm_ctx *ctx)
{
	static const int sizes[] = {5, 12, 8, 11};
	igraph_t g;
	igraph_vector_t v;

	stars(&g, sizes, 4, 3);
	igraph_vector_init(&v, 0);
	ok(cm__eigenvector_centrality(&v, ctx, &g, NULL, NULL) == 0, "four stars: runs");
	/* The 12-leaf star (vertices 6..18) carries it: centre 1, leaves 1/sqrt(12). */
	is_double(VECTOR(v)[6], 1, 1e-12, "largest star: centre 1");
	is_double(VECTOR(v)[7], 1 / sqrt(12), 1e-12, "largest star: leaf 1/sqrt(12)");
	ok(VECTOR(v)[0] == 0 && VECTOR(v)[19] == 0 && VECTOR(v)[igraph_vcount(&g) - 1] == 0,
	   "other stars and isolates: 0");
	ok(eig_compare(ctx, &g, NULL, 0) < 1e-9, "four stars: equals the plain call");
	igraph_destroy(&g);

	/* Two equal largest stars share the largest eigenvalue: both get
	 * their vector (the limit of power iteration from ones; networkx gives
	 * the same), the smaller star 0, and a second run the same. */
	static const int twins[] = {7, 9, 9};
	stars(&g, twins, 3, 2);
	ok(cm__eigenvector_centrality(&v, ctx, &g, NULL, NULL) == 0,
	   "two equal largest stars: runs");
	is_double(VECTOR(v)[8], 1, 1e-12, "first 9-leaf star: centre 1");
	is_double(VECTOR(v)[18], 1, 1e-12, "second 9-leaf star: centre 1");
	is_double(VECTOR(v)[20], 1.0 / 3, 1e-12, "second 9-leaf star: leaf 1/3");
	ok(VECTOR(v)[0] == 0 && VECTOR(v)[1] == 0, "7-leaf star: 0");
	igraph_destroy(&g);

	/* Different shapes with the same eigenvalue, 3: K4 and a 9-leaf star.
	 * The ones vector projects onto the star's vector (1, 1/3 x9) with
	 * factor 4/2 and onto K4's (1, 1, 1, 1) with factor 1: star centre 1,
	 * leaves 1/3, K4 1/2 after scaling (networkx: the same). */
	igraph_t k4, star, both;
	igraph_full(&k4, 4, IGRAPH_UNDIRECTED, 0);
	igraph_star(&star, 10, IGRAPH_STAR_UNDIRECTED, 0);
	igraph_disjoint_union(&both, &k4, &star);
	ok(cm__eigenvector_centrality(&v, ctx, &both, NULL, NULL) == 0, "K4 and a star: runs");
	is_double(VECTOR(v)[0], 0.5, 1e-12, "K4 and a star: K4 1/2");
	is_double(VECTOR(v)[4], 1, 1e-12, "K4 and a star: centre 1");
	is_double(VECTOR(v)[13], 1.0 / 3, 1e-12, "K4 and a star: leaf 1/3");
	igraph_destroy(&k4);
	igraph_destroy(&star);
	igraph_destroy(&both);

	/* Two separate pairs: every actor 1 (ARPACK alone gave 0.84 or 0.5 for
	 * the centralization of such a layer, as its start vector fell). */
	igraph_small(&g, 4, IGRAPH_UNDIRECTED, 0, 1, 2, 3, -1);
	ok(cm__eigenvector_centrality(&v, ctx, &g, NULL, NULL) == 0 && igraph_vector_min(&v) == 1 &&
	       igraph_vector_max(&v) == 1,
	   "two separate pairs: every actor 1");
	igraph_destroy(&g);

	/* A connected graph is one component: the ring's vector is all ones. */
	igraph_ring(&g, 9, IGRAPH_UNDIRECTED, 0, 1);
	ok(eig_compare(ctx, &g, NULL, 0) < 1e-12, "ring: equals the plain call");
	igraph_destroy(&g);
	igraph_vector_destroy(&v);
}

/* A component above 10^4 vertices stops at a residual of 1e-10 with a
 * smaller Lanczos basis: the scores (scaled to a maximum of 1) stay within
 * 1e-9 of the plain call's. */
static void eig_large(cm_ctx *ctx)
{
	igraph_t g;
	igraph_vector_t w;
	igraph_rng_seed(igraph_rng_default(), 5);
	igraph_barabasi_game(&g, 30000, 1, 2, NULL, 1, 1, IGRAPH_UNDIRECTED,
	                     IGRAPH_BARABASI_PSUMTREE, NULL);
	double d = eig_compare(ctx, &g, NULL, 1);
	ok(d < 1e-9, "30000 actors: within %.2g of the plain call", d);
	igraph_vector_init(&w, igraph_ecount(&g));
	for (igraph_integer_t e = 0; e < igraph_ecount(&g); e++)
		VECTOR(w)[e] = RNG_UNIF(0.2, 3);
	d = eig_compare(ctx, &g, &w, 1);
	ok(d < 1e-9, "30000 actors, weighted: within %.2g", d);
	igraph_vector_destroy(&w);
	igraph_destroy(&g);
}

/* Disjoint union of random graphs, with positive weights when asked. */
static double eig_random(cm_ctx *ctx, unsigned long seed, int weighted, int parts)
{
	igraph_t g;
	igraph_vector_t w;
	igraph_vector_ptr_t list;

	igraph_rng_seed(igraph_rng_default(), seed);
	igraph_vector_ptr_init(&list, 0);
	for (int k = 0; k < parts; k++) {
		igraph_t *p = malloc(sizeof(*p));
		igraph_erdos_renyi_game_gnp(p, 5 + RNG_INTEGER(0, 40), 0.15, 0, 0);
		igraph_vector_ptr_push_back(&list, p);
	}
	igraph_disjoint_union_many(&g, &list);
	for (int k = 0; k < parts; k++) {
		igraph_destroy(VECTOR(list)[k]);
		free(VECTOR(list)[k]);
	}
	igraph_vector_ptr_destroy(&list);
	igraph_vector_init(&w, igraph_ecount(&g));
	for (igraph_integer_t e = 0; e < igraph_ecount(&g); e++)
		VECTOR(w)[e] = RNG_UNIF(0.2, 3);
	double d = igraph_ecount(&g) ? eig_compare(ctx, &g, weighted ? &w : NULL, 0) : 0;
	igraph_vector_destroy(&w);
	igraph_destroy(&g);
	return d;
}

static void test_eigenvector(cm_ctx *ctx)
{
	double worst = 0, worst_w = 0;
	eig_analytic(ctx);
	eig_large(ctx);
	for (unsigned long s = 1; s <= 25; s++) {
		worst = fmax(worst, eig_random(ctx, s, 0, 2 + (int)(s % 6)));
		worst_w = fmax(worst_w, eig_random(ctx, 100 + s, 1, 2 + (int)(s % 6)));
	}
	ok(worst < 1e-9, "25 multi-component graphs: equal to the plain call (worst %.2g)", worst);
	ok(worst_w < 1e-9, "25 weighted ones: equal to the plain call (worst %.2g)", worst_w);

	/* The component path leaves igraph's default generator alone. */
	static const int sizes[] = {3, 4, 6};
	igraph_t g;
	igraph_vector_t v;
	stars(&g, sizes, 3, 0);
	igraph_vector_init(&v, 0);
	igraph_rng_seed(igraph_rng_default(), 17);
	cm__eigenvector_centrality(&v, ctx, &g, NULL, NULL);
	igraph_integer_t after = RNG_INTEGER(0, 1000000000);
	igraph_rng_seed(igraph_rng_default(), 17);
	ok(after == RNG_INTEGER(0, 1000000000), "default generator untouched");
	igraph_vector_destroy(&v);
	igraph_destroy(&g);
}

int main(void)
{
	cm_ctx *ctx;
	if (cm_ctx_new(&ctx))
		return 1;
	test_ei(ctx);
	test_eigenvector(ctx);
	cm_ctx_free(ctx);
	return tap_done();
}
