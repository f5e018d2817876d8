/* SPDX-License-Identifier: MIT */
/* Group-level measures: Gould-Fernandez brokerage, Krackhardt's E-I index
 * and Borgatti-Everett core/periphery. Hand-enumerated and analytic cases,
 * the published campnet values, and naive re-implementations written here
 * (O(n^3) brokerage, full enumeration of core/periphery partitions and of
 * label permutations) compared with the library on seeded random graphs. */
#include "tap.h"

#include "graph/groups.h"
#include "getters.h"

#include <clustermap.h>

enum { CO, IT, GK, RE, LI }; /* role order used by the tables below */

static igraph_t make(igraph_integer_t n, int directed, const igraph_integer_t *ends, size_t m)
{
	igraph_t g;
	igraph_vector_int_t e;
	igraph_vector_int_init_array(&e, ends, (igraph_integer_t)(2 * m));
	igraph_create(&g, &e, n, directed);
	igraph_vector_int_destroy(&e);
	return g;
}

#define MAKE(n, directed, arr) make((n), (directed), (arr), CM__ARRAY_LEN(arr) / 2)

static void roles_of(double out[5], const cm__brokerage *b)
{
	out[CO] = b->coordinator;
	out[IT] = b->itinerant;
	out[GK] = b->gatekeeper;
	out[RE] = b->representative;
	out[LI] = b->liaison;
}

/* Checks all five counts of vertex v against want (CO, IT, GK, RE, LI). */
static void is_roles(const cm__brokerage *b, int v, const double want[5], const char *name)
{
	static const char *role[] = {"coordinator", "itinerant", "gatekeeper", "representative",
	                             "liaison"};
	double got[5];
	roles_of(got, &b[v]);
	for (int r = 0; r < 5; r++) {
		char label[160];
		snprintf(label, sizeof(label), "%s: vertex %d %s", name, v, role[r]);
		is_double(got[r], want[r], 0, label);
	}
}

/* ---------------------------------------------------------------- brokerage */

static void test_brokerage_enumerated(cm_ctx *ctx)
{
	/* Groups A = 0, B = 1, C = 2: 0:A 1:A 2:B 3:B 4:C 5:A. Arcs:
	 * 0->1 1->2 2->3 3->1 1->4 0->2 4->0 1->5. Every two-path a->v->b:
	 *   v=0: 4->0->1 open (no 4->1)  C,A,A  gatekeeper
	 *        4->0->2 open            C,A,B  liaison
	 *   v=1: 0->1->2 CLOSED by 0->2
	 *        0->1->4 open            A,A,C  representative
	 *        0->1->5 open            A,A,A  coordinator
	 *        3->1->2 open (2->3 is the other way)  B,A,B  itinerant
	 *        3->1->4 open            B,A,C  liaison
	 *        3->1->5 open            B,A,A  gatekeeper
	 *   v=2: 1->2->3 open (3->1 is the other way)  A,B,B  gatekeeper
	 *        0->2->3 open            A,B,B  gatekeeper
	 *   v=3: 2->3->1 open            B,B,A  representative
	 *   v=4: 1->4->0 open            A,C,A  itinerant
	 *   v=5: no out-arcs. */
	static const igraph_integer_t arcs[] = {0, 1, 1, 2, 2, 3, 3, 1, 1, 4, 0, 2, 4, 0, 1, 5};
	static const int group[] = {0, 0, 1, 1, 2, 0};
	static const double want[6][5] = {
	    {0, 0, 1, 0, 1}, {1, 1, 1, 1, 1}, {0, 0, 2, 0, 0},
	    {0, 0, 0, 1, 0}, {0, 1, 0, 0, 0}, {0, 0, 0, 0, 0},
	};
	igraph_t g = MAKE(6, 1, arcs);
	cm__brokerage b[6];
	ok(cm__brokerage_roles(b, ctx, &g, group) == 0, "enumerated graph: brokerage runs");
	for (int v = 0; v < 6; v++)
		is_roles(b, v, want[v], "enumerated graph");
	igraph_destroy(&g);
}

static void test_brokerage_four(cm_ctx *ctx)
{
	/* A=0 B=1 in group 1, C=2 D=3 in group 2; arcs A->B A->C B->C B->D
	 * C->D D->A. Two-paths:
	 *   A: D->A->B open  (2,1,1) gatekeeper;  D->A->C open (2,1,2) itinerant
	 *   B: A->B->C closed by A->C;            A->B->D open (1,1,2) representative
	 *   C: A->C->D open  (1,2,2) gatekeeper;  B->C->D closed by B->D
	 *   D: B->D->A open  (1,2,1) itinerant;   C->D->A open (2,2,1) representative */
	static const igraph_integer_t arcs[] = {0, 1, 0, 2, 1, 2, 1, 3, 2, 3, 3, 0};
	static const int group[] = {1, 1, 2, 2};
	static const double want[4][5] = {
	    {0, 1, 1, 0, 0}, {0, 0, 0, 1, 0}, {0, 0, 1, 0, 0}, {0, 1, 0, 1, 0}};
	igraph_t g = MAKE(4, 1, arcs);
	cm__brokerage b[4];
	cm__brokerage_roles(b, ctx, &g, group);
	for (int v = 0; v < 4; v++)
		is_roles(b, v, want[v], "four-vertex two-group graph");
	igraph_destroy(&g);
}

static void test_brokerage_star(cm_ctx *ctx)
{
	/* Mutual star, centre 0 in group 1, leaves 1..4 in group 0: the centre
	 * brokers every ordered pair of distinct leaves, 4 * 3 = 12 itinerant
	 * paths; 0->a->0 is not a two-path (a = b), so leaves broker nothing. */
	static const igraph_integer_t arcs[] = {0, 1, 1, 0, 0, 2, 2, 0, 0, 3, 3, 0, 0, 4, 4, 0};
	static const int group[] = {1, 0, 0, 0, 0};
	static const double centre[5] = {0, 12, 0, 0, 0}, none[5] = {0};
	igraph_t g = MAKE(5, 1, arcs);
	cm__brokerage b[5];
	ok(cm__brokerage_roles(b, ctx, &g, group) == 0, "mutual star: runs");
	is_roles(b, 0, centre, "mutual star, centre in another group");
	for (int v = 1; v < 5; v++)
		is_roles(b, v, none, "mutual star, leaf");
	igraph_destroy(&g);

	/* The same star undirected: each edge counts as two reciprocal arcs. */
	static const igraph_integer_t edges[] = {0, 1, 0, 2, 0, 3, 0, 4};
	g = MAKE(5, 0, edges);
	ok(cm__brokerage_roles(b, ctx, &g, group) == 0, "undirected star: runs");
	is_roles(b, 0, centre, "undirected star = mutual star");
	igraph_destroy(&g);

	/* Flow star 1,2 -> 0 -> 3,4 with senders in A, receivers in B: four
	 * two-paths through 0, whose role depends only on the centre's group. */
	static const igraph_integer_t flow[] = {1, 0, 2, 0, 0, 3, 0, 4};
	static const struct {
		int centre;
		double want[5];
		const char *name;
	} cases[] = {
	    {2, {0, 0, 0, 0, 4}, "flow star, centre in a third group: liaison"},
	    {1, {0, 0, 4, 0, 0}, "flow star, centre with the receivers: gatekeeper"},
	    {0, {0, 0, 0, 4, 0}, "flow star, centre with the senders: representative"},
	};
	g = MAKE(5, 1, flow);
	for (size_t k = 0; k < CM__ARRAY_LEN(cases); k++) {
		int grp[] = {cases[k].centre, 0, 0, 1, 1};
		cm__brokerage_roles(b, ctx, &g, grp);
		is_roles(b, 0, cases[k].want, cases[k].name);
	}
	igraph_destroy(&g);
}

static void test_brokerage_chains(cm_ctx *ctx)
{
	/* Chain 0->1->2->3->4 across three groups A B C A B: each inner vertex
	 * links three different groups (A,B,C), (B,C,A), (C,A,B): one liaison. */
	static const igraph_integer_t chain[] = {0, 1, 1, 2, 2, 3, 3, 4};
	static const int abcab[] = {0, 1, 2, 0, 1};
	static const double liaison[5] = {0, 0, 0, 0, 1}, none[5] = {0};
	igraph_t g = MAKE(5, 1, chain);
	cm__brokerage b[5];
	cm__brokerage_roles(b, ctx, &g, abcab);
	is_roles(b, 0, none, "chain A-B-C-A-B, source");
	for (int v = 1; v <= 3; v++)
		is_roles(b, v, liaison, "chain A-B-C-A-B");
	is_roles(b, 4, none, "chain A-B-C-A-B, sink");

	/* Groups A A B B B: 1 sits in (A,A,B) representative, 2 in (A,B,B)
	 * gatekeeper, 3 in (B,B,B) coordinator. */
	static const int aabbb[] = {0, 0, 1, 1, 1};
	static const double rep[5] = {0, 0, 0, 1, 0}, gate[5] = {0, 0, 1, 0, 0},
	                    coord[5] = {1, 0, 0, 0, 0};
	cm__brokerage_roles(b, ctx, &g, aabbb);
	is_roles(b, 1, rep, "chain A-A-B-B-B");
	is_roles(b, 2, gate, "chain A-A-B-B-B");
	is_roles(b, 3, coord, "chain A-A-B-B-B");

	/* Vertex 2 has no group: 1->2->3 (through it), 0->1->2 (ending in it)
	 * and 2->3->4 (starting at it) are not counted. */
	static const int hole[] = {0, 0, -1, 1, 1};
	cm__brokerage_roles(b, ctx, &g, hole);
	is_roles(b, 1, none, "ungrouped vertex is never an end point (b)");
	is_roles(b, 2, none, "ungrouped vertex is never a broker");
	is_roles(b, 3, none, "ungrouped vertex is never an end point (a)");

	/* Vertex 0 has no group: only 0->1->2 drops out. */
	static const int hole0[] = {-1, 0, 1, 1, 1};
	cm__brokerage_roles(b, ctx, &g, hole0);
	is_roles(b, 1, none, "ungrouped source: its path drops out");
	is_roles(b, 2, gate, "paths away from the ungrouped vertex count (gatekeeper)");
	is_roles(b, 3, coord, "paths away from the ungrouped vertex count (coordinator)");
	igraph_destroy(&g);
}

static void test_brokerage_closure(cm_ctx *ctx)
{
	static const int one[] = {0, 0, 0};
	static const double none[5] = {0}, coord[5] = {1, 0, 0, 0, 0};
	cm__brokerage b[3];

	/* Transitive triad 0->1->2, 0->2: the only two-path is closed. */
	static const igraph_integer_t tri[] = {0, 1, 1, 2, 0, 2};
	igraph_t g = MAKE(3, 1, tri);
	cm__brokerage_roles(b, ctx, &g, one);
	is_roles(b, 1, none, "transitive triad: closed two-path is no brokerage");
	igraph_destroy(&g);

	/* Cycle 0->1->2->0: 2->0 does not close 0->1->2 (direction matters),
	 * so each vertex brokers one path. */
	static const igraph_integer_t cyc[] = {0, 1, 1, 2, 2, 0};
	g = MAKE(3, 1, cyc);
	cm__brokerage_roles(b, ctx, &g, one);
	for (int v = 0; v < 3; v++)
		is_roles(b, v, coord, "directed 3-cycle: one open path per vertex");
	igraph_destroy(&g);

	/* 0<->1->2: 0->1->0 is not a two-path; 0->1->2 is open. */
	static const igraph_integer_t dyad[] = {0, 1, 1, 0, 1, 2};
	g = MAKE(3, 1, dyad);
	cm__brokerage_roles(b, ctx, &g, one);
	is_roles(b, 1, coord, "mutual dyad plus arc: a = b excluded");
	is_roles(b, 0, none, "mutual dyad plus arc: 1->0->1 excluded");
	igraph_destroy(&g);

	/* A parallel arc is refused rather than counted twice. */
	static const igraph_integer_t multi[] = {0, 1, 0, 1, 1, 2};
	g = MAKE(3, 1, multi);
	ok(cm__brokerage_roles(b, ctx, &g, one) == CM_EINVAL, "multigraph refused");
	ok(strstr(cm_ctx_errmsg(ctx), "simple") != NULL, "message names the problem");
	igraph_destroy(&g);

	igraph_empty(&g, 0, IGRAPH_DIRECTED);
	ok(cm__brokerage_roles(NULL, ctx, &g, NULL) == 0, "empty graph: nothing to do");
	igraph_destroy(&g);
	g = MAKE(3, 1, cyc);
	ok(cm__brokerage_roles(b, ctx, &g, NULL) == CM_EINVAL, "missing groups refused");
	cm__ei ei;
	ok(cm__ei_index(&ei, ctx, &g, NULL, 0, 1) == CM_EINVAL, "E-I: missing groups refused");
	igraph_destroy(&g);
}

/* The definition written out over the adjacency matrix. */
static void naive_brokerage(double (*out)[5], const igraph_t *g, const int *group)
{
	igraph_integer_t n = igraph_vcount(g);
	igraph_matrix_t a;
	igraph_matrix_init(&a, 0, 0);
	igraph_get_adjacency(g, &a, IGRAPH_GET_ADJACENCY_BOTH, NULL, IGRAPH_LOOPS_ONCE);
	memset(out, 0, (size_t)n * sizeof(*out));
	for (igraph_integer_t v = 0; v < n; v++)
		for (igraph_integer_t x = 0; x < n; x++)
			for (igraph_integer_t y = 0; y < n; y++) {
				int gx = group[x], gv = group[v], gy = group[y];
				if (x == v || y == v || x == y || gx < 0 || gv < 0 || gy < 0 ||
				    !MATRIX(a, x, v) || !MATRIX(a, v, y) || MATRIX(a, x, y))
					continue;
				if (gx == gv && gv == gy)
					out[v][CO]++;
				else if (gx == gy)
					out[v][IT]++;
				else if (gv == gy)
					out[v][GK]++;
				else if (gx == gv)
					out[v][RE]++;
				else
					out[v][LI]++;
			}
	igraph_matrix_destroy(&a);
}

static void test_brokerage_random(cm_ctx *ctx)
{
	int graphs = 0, agree = 0, nonzero = 0;
	igraph_rng_seed(igraph_rng_default(), 20240601);
	for (int k = 0; k < 60; k++) {
		igraph_integer_t n = RNG_INTEGER(3, 40);
		igraph_t g;
		igraph_erdos_renyi_game_gnp(&g, n, RNG_UNIF(0.02, 0.5), k % 4 != 3, 0);
		int *group = malloc((size_t)n * sizeof(*group));
		for (igraph_integer_t v = 0; v < n; v++)
			group[v] = (int)RNG_INTEGER(-1, 1 + k % 4);
		cm__brokerage *b = malloc((size_t)n * sizeof(*b));
		double(*want)[5] = malloc((size_t)n * sizeof(*want));
		naive_brokerage(want, &g, group);
		int same = cm__brokerage_roles(b, ctx, &g, group) == 0;
		for (igraph_integer_t v = 0; v < n; v++) {
			double got[5];
			roles_of(got, &b[v]);
			for (int r = 0; r < 5; r++) {
				same &= got[r] == want[v][r];
				nonzero += want[v][r] > 0;
			}
		}
		graphs++;
		agree += same;
		free(group), free(b), free(want);
		igraph_destroy(&g);
	}
	is_int(agree, graphs, "brokerage equals the O(n^3) definition on 60 random graphs");
	ok(nonzero > 500, "the random graphs exercise the roles (%d nonzero counts)", nonzero);
}

/* ---------------------------------------------------------------- E-I */

static igraph_t two_k5(void)
{
	igraph_vector_int_t e;
	igraph_t g;
	igraph_vector_int_init(&e, 0);
	for (int base = 0; base <= 5; base += 5)
		for (int i = 0; i < 5; i++)
			for (int j = i + 1; j < 5; j++) {
				igraph_vector_int_push_back(&e, base + i);
				igraph_vector_int_push_back(&e, base + j);
			}
	igraph_vector_int_push_back(&e, 4);
	igraph_vector_int_push_back(&e, 5);
	igraph_create(&g, &e, 10, IGRAPH_UNDIRECTED);
	igraph_vector_int_destroy(&e);
	return g;
}

static void test_ei_analytic(cm_ctx *ctx)
{
	static const int halves[] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
	cm__ei ei;

	/* Two K5 joined by one bridge, the K5s as groups. 20 internal pairs of
	 * 45 (Pi = 2 C(5,2)), 25 external; 21 ties: E can reach 21 (max 1) and
	 * I at most 20 (min (21 - 40) / 21 = -0.9048, which the graph attains). */
	igraph_t g = two_k5();
	ok(cm__ei_index(&ei, ctx, &g, halves, 0, 1) == 0, "two K5: runs");
	is_double(ei.external, 1, 0, "two K5: E = 1");
	is_double(ei.internal, 20, 0, "two K5: I = 20");
	is_double(ei.ei, -19.0 / 21, 1e-12, "two K5: E-I = -0.9048");
	is_double(ei.ei, -0.9048, 5e-5, "two K5: published -0.9048");
	is_double(ei.min, -19.0 / 21, 1e-12, "two K5: attainable minimum");
	is_double(ei.max, 1, 1e-12, "two K5: attainable maximum");
	is_double(ei.expected, (25.0 - 20) / 45, 1e-12, "two K5: null expectation (Pe-Pi)/(Pe+Pi)");
	ok(isnan(ei.p_value) && ei.permutations == 0, "no permutations: p undefined");
	igraph_destroy(&g);

	/* K4 with groups 2 + 2: 6 ties, 2 internal and 4 external pairs, so
	 * every arrangement has E = 4, I = 2: min = max = E-I = 1/3. */
	igraph_full(&g, 4, IGRAPH_UNDIRECTED, IGRAPH_NO_LOOPS);
	static const int two2[] = {0, 0, 1, 1};
	cm__ei_index(&ei, ctx, &g, two2, 0, 1);
	is_double(ei.ei, 1.0 / 3, 1e-12, "K4 2+2: E-I = 1/3");
	is_double(ei.min, 1.0 / 3, 1e-12, "K4 2+2: range collapses (min)");
	is_double(ei.max, 1.0 / 3, 1e-12, "K4 2+2: range collapses (max)");
	igraph_destroy(&g);

	/* K3,3 with the sides as groups: all ties external. */
	igraph_full_bipartite(&g, NULL, 3, 3, IGRAPH_UNDIRECTED, IGRAPH_ALL);
	static const int sides[] = {0, 0, 0, 1, 1, 1};
	cm__ei_index(&ei, ctx, &g, sides, 0, 1);
	is_double(ei.external, 9, 0, "K3,3: E = 9");
	is_double(ei.ei, 1, 0, "K3,3: E-I = 1");
	/* 6 internal pairs of 15, so at least 3 of the 9 ties stay external. */
	is_double(ei.min, -1.0 / 3, 1e-12, "K3,3: attainable minimum (9 - 2*6) / 9");
	igraph_destroy(&g);
}

static void test_ei_directed(cm_ctx *ctx)
{
	/* 0<->1 (both A), 1->2 (A->B), 3->2 (B->B), 4 ungrouped with 4->0.
	 * Directed ties count one by one: I = 3 (0->1, 1->0, 3->2), E = 1;
	 * 4->0 is left out with its ungrouped end. Counted vertices 0..3 in
	 * 2 + 2: ordered pairs 12, internal 4, external 8. */
	static const igraph_integer_t arcs[] = {0, 1, 1, 0, 1, 2, 3, 2, 4, 0};
	static const int group[] = {0, 0, 1, 1, -1};
	igraph_t g = MAKE(5, 1, arcs);
	cm__ei ei;
	cm__ei_index(&ei, ctx, &g, group, 0, 1);
	is_double(ei.external, 1, 0, "directed: E counts arcs");
	is_double(ei.internal, 3, 0, "directed: mutual arcs count twice, ungrouped left out");
	is_double(ei.ei, -0.5, 1e-12, "directed: E-I = (1-3)/4");
	is_double(ei.min, -1, 1e-12, "directed: 4 ties fit in 4 internal pairs (min -1)");
	is_double(ei.max, 1, 1e-12, "directed: max 1");
	is_double(ei.expected, (8.0 - 4) / 12, 1e-12, "directed: expectation over ordered pairs");
	igraph_destroy(&g);

	igraph_empty(&g, 4, IGRAPH_UNDIRECTED);
	cm__ei_index(&ei, ctx, &g, group, 100, 1);
	ok(isnan(ei.ei) && isnan(ei.min) && isnan(ei.p_value), "no ties: E-I undefined");
	igraph_destroy(&g);

	static const igraph_integer_t loop[] = {0, 0, 0, 1};
	g = MAKE(2, 0, loop);
	ok(cm__ei_index(&ei, ctx, &g, group, 0, 1) == CM_EINVAL, "self-loop refused");
	igraph_destroy(&g);
}

/* Exact permutation p-values by enumerating every arrangement of the
 * labels (n! orders, fine for n <= 8): returns lower, upper, two-sided. */
static void exact_p(double p[3], const igraph_t *g, const int *group, int n, int obs)
{
	int perm[8], lab[8], c[8] = {0}, i = 0;
	double pairs = n * (n - 1.0), pint = 0, mu, total = 0, low = 0, high = 0, two = 0;
	igraph_integer_t m = igraph_ecount(g);
	for (int a = 0; a < n; a++)
		for (int b = 0; b < n; b++)
			pint += a != b && group[a] == group[b];
	mu = m * (pairs - pint) / pairs;
	for (int k = 0; k < n; k++)
		perm[k] = k;
	/* Heap's algorithm, visiting the identity first. */
	for (int first = 1; first || i < n;) {
		if (!first) {
			if (c[i] >= i) {
				c[i++] = 0;
				continue;
			}
			int j = i % 2 ? c[i] : 0, t = perm[j];
			perm[j] = perm[i], perm[i] = t;
			c[i]++, i = 0;
		}
		first = 0;
		for (int k = 0; k < n; k++)
			lab[k] = group[perm[k]];
		int e = 0;
		for (igraph_integer_t k = 0; k < m; k++)
			e += lab[IGRAPH_FROM(g, k)] != lab[IGRAPH_TO(g, k)];
		total++;
		low += e <= obs;
		high += e >= obs;
		two += fabs(e - mu) >= fabs(obs - mu) - 1e-9;
	}
	p[0] = low / total, p[1] = high / total, p[2] = two / total;
}

static void test_ei_permutations(cm_ctx *ctx)
{
	static const int halves[] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
	cm__ei a, b, c;
	igraph_t g = two_k5();

	cm__ei_index(&a, ctx, &g, halves, 999, 42);
	cm__ei_index(&b, ctx, &g, halves, 999, 42);
	cm__ei_index(&c, ctx, &g, halves, 999, 7);
	ok(a.p_value == b.p_value && a.p_lower == b.p_lower && a.p_upper == b.p_upper,
	   "same seed, same p-values");
	is_int(a.permutations, 999, "permutation count reported");
	ok(a.p_value >= 1.0 / 1000 && a.p_value <= 1, "p in [1/(N+1), 1]");
	ok(a.p_lower >= 1.0 / 1000 && a.p_upper <= 1, "one-sided p in [1/(N+1), 1]");
	/* Only the 2 of C(10,5) = 252 labellings that match the cliques give
	 * E <= 1: the exact one-sided p is 2/252 = 0.0079. */
	ok(a.p_lower < 0.02 && c.p_lower < 0.02, "segregated cliques: small p_lower (%g, %g)",
	   a.p_lower, c.p_lower);
	ok(a.p_value < 0.02, "segregated cliques: small two-sided p (%g)", a.p_value);
	is_double(a.p_upper, 1, 0, "segregated cliques: every permutation has E >= 1");
	cm__ei_index(&a, ctx, &g, halves, 40000, 3);
	is_double(a.p_lower, 2.0 / 252, 4 * sqrt(2.0 / 252 * 250 / 252 / 40000),
	          "Monte Carlo p_lower within 4 s.e. of the exact 2/252");
	igraph_destroy(&g);

	/* A single group: every permutation is the observed one. */
	static const int one[10] = {0};
	g = two_k5();
	cm__ei_index(&a, ctx, &g, one, 200, 1);
	is_double(a.ei, -1, 0, "one group: E-I = -1");
	ok(a.min == -1 && a.max == -1, "one group: range is -1");
	ok(a.p_value == 1 && a.p_lower == 1 && a.p_upper == 1, "one group: p = 1");
	igraph_destroy(&g);

	/* Random 7-vertex graphs: Monte Carlo p-values against exact ones from
	 * all 7! = 5040 label orders. */
	int within = 0, tested = 0;
	igraph_rng_seed(igraph_rng_default(), 99);
	for (int k = 0; k < 12; k++) {
		int grp[7];
		double p[3];
		igraph_erdos_renyi_game_gnp(&g, 7, 0.4, k % 2, 0);
		for (int v = 0; v < 7; v++)
			grp[v] = v < 3 ? 0 : v < 5 ? 1 : 2 - k % 2;
		if (igraph_ecount(&g) == 0) {
			igraph_destroy(&g);
			igraph_rng_seed(igraph_rng_default(), 99 + k + 1);
			continue;
		}
		tested++;
		cm__ei_index(&a, ctx, &g, grp, 20000, 1000 + k);
		exact_p(p, &g, grp, 7, (int)a.external);
		double got[3] = {a.p_lower, a.p_upper, a.p_value}, ok3 = 1;
		for (int s = 0; s < 3; s++)
			ok3 *= fabs(got[s] - p[s]) <= 4 * sqrt(p[s] * (1 - p[s]) / 20000) + 1e-4;
		within += ok3 > 0;
		igraph_destroy(&g);
		igraph_rng_seed(igraph_rng_default(), 99 + k + 1);
	}
	ok(tested >= 10, "enumeration check ran on %d graphs", tested);
	is_int(within, tested, "permutation p-values match full enumeration of 7! orders");
}

/* Reads campnet (tests/data/reference) and builds its directed graph. */
static cm_network *campnet(cm_ctx *ctx, igraph_t *g)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	cm_network *net = NULL;
	snprintf(path, sizeof(path), "%s/tests/data/reference/campnet.graphml", top ? top : "..");
	if (cm_network_read_file(&net, ctx, path, NULL)) {
		printf("# %s\n", cm_ctx_errmsg(ctx));
		return NULL;
	}
	igraph_vector_int_t e;
	size_t m = cm_network_edge_count(net);
	igraph_vector_int_init(&e, (igraph_integer_t)(2 * m));
	for (size_t k = 0; k < m; k++) {
		VECTOR(e)[2 * k] = (igraph_integer_t)t_edge_source(net, k);
		VECTOR(e)[2 * k + 1] = (igraph_integer_t)t_edge_target(net, k);
	}
	igraph_create(g, &e, (igraph_integer_t)cm_network_node_count(net), IGRAPH_DIRECTED);
	igraph_vector_int_destroy(&e);
	return net;
}

static void test_campnet(cm_ctx *ctx)
{
	igraph_t g;
	cm_network *net = campnet(ctx, &g);
	ok(net != NULL, "campnet reads");
	if (!net)
		return;
	size_t n = cm_network_node_count(net);
	is_int(n, 18, "campnet: 18 actors");
	is_int(igraph_ecount(&g), 54, "campnet: 54 arcs");

	int gender[18];
	for (size_t i = 0; i < n && i < 18; i++)
		gender[i] = t_node_attr(net, i, "gender")
		                ? !strcmp(t_node_attr(net, i, "gender"), "female")
		                : -1;
	cm__ei ei;
	cm__ei_index(&ei, ctx, &g, gender, 0, 1);
	is_double(ei.external, 9, 0, "campnet gender: E = 9");
	is_double(ei.internal, 45, 0, "campnet gender: I = 45");
	is_double(ei.ei, -0.667, 5e-4, "campnet gender: E-I = -0.667");

	/* Both searches: exhaustive (n = 18) and the local search alone. */
	static const char *core[] = {"LEE", "STEVE", "BERT", "RUSS"};
	for (int heur = 0; heur < 2; heur++) {
		cm__core_periphery cp;
		const char *how = heur ? "local search" : "exhaustive";
		int rc = cm__core_periphery_search(&cp, ctx, &g, 5, heur ? 0 : 20, 64);
		ok(rc == 0, "campnet core/periphery (%s) runs", how);
		if (rc)
			continue;
		is_int(cp.exact, !heur, "exact flag");
		is_int(cp.core_size, 4, "campnet: core of four");
		for (size_t k = 0; k < CM__ARRAY_LEN(core); k++) {
			size_t v = 0;
			cm_network_find_node(&v, net, core[k]);
			ok(cp.core[v], "campnet (%s): %s in the core", how, core[k]);
		}
		is_double(cp.fit, 0.360, 5e-4, "campnet: fit 0.360");
		is_double(cp.density[0][0], 0.833, 5e-4, "campnet: core-core density 0.833");
		is_double(cp.density[0][1], 0.036, 5e-4, "campnet: core-periphery density 0.036");
		is_double(cp.density[1][0], 0.107, 5e-4, "campnet: periphery-core density 0.107");
		is_double(cp.density[1][1], 0.198, 5e-4, "campnet: periphery-periphery 0.198");
		cm__core_periphery_free(&cp);
	}
	igraph_destroy(&g);
	cm_network_free(net);
}

/* ---------------------------------------------------------------- core/periphery */

static void test_cp_analytic(cm_ctx *ctx)
{
	cm__core_periphery cp;
	igraph_t g;

	/* K4 core {0..3} with one pendant on each core vertex: core-core block
	 * complete, periphery-periphery empty, so the fit is 1; core-periphery
	 * has 4 of 16 cells. No other partition is perfect (adding a pendant
	 * leaves the core incomplete). */
	static const igraph_integer_t kp[] = {0, 1, 0, 2, 0, 3, 1, 2, 1, 3,
	                                      2, 3, 0, 4, 1, 5, 2, 6, 3, 7};
	g = MAKE(8, 0, kp);
	ok(cm__core_periphery_fit(&cp, ctx, &g, 1) == 0, "K4 with pendants: runs");
	is_double(cp.fit, 1, 1e-12, "K4 with pendants: perfect fit");
	ok(cp.core_size == 4 && cp.core[0] && cp.core[1] && cp.core[2] && cp.core[3],
	   "K4 with pendants: the K4 is the core");
	is_double(cp.density[0][0], 1, 1e-12, "core-core density 1");
	is_double(cp.density[0][1], 0.25, 1e-12, "core-periphery density 4/16");
	is_double(cp.density[1][0], 0.25, 1e-12, "undirected: periphery-core = core-periphery");
	is_double(cp.density[1][1], 0, 1e-12, "periphery-periphery density 0");
	cm__core_periphery_free(&cp);
	igraph_destroy(&g);

	/* Star S5: the core needs two members; centre + any leaf puts the one
	 * tie in the core block and none in the periphery (3 cells): fit 1 for
	 * every such pair, and the tie-break picks the lowest leaf. */
	igraph_star(&g, 5, IGRAPH_STAR_UNDIRECTED, 0);
	cm__core_periphery_fit(&cp, ctx, &g, 1);
	is_double(cp.fit, 1, 1e-12, "star: fit 1");
	ok(cp.core_size == 2 && cp.core[0] && cp.core[1], "star: centre + first leaf");
	cm__core_periphery_free(&cp);
	igraph_destroy(&g);

	/* Path 0-1-2-3-4 with core {1,2}: Ncc 1 cell (1 tie), Npp 3 cells
	 * (0-3, 0-4, 3-4: 1 tie, 3-4); T = 2 of N = 4:
	 * r = (3*1 - 1*1) / sqrt(1*3*2*2) = 2/sqrt(12) = 0.5774. {2,3} mirrors
	 * it, and {1,2,3} (3 core cells, 2 ties; periphery 0,4 without a tie)
	 * gives (1*2 - 3*0) / sqrt(3*1*2*2), the same value: the tie-breaks pick
	 * the smaller core, then the one holding vertex 1. */
	igraph_ring(&g, 5, IGRAPH_UNDIRECTED, 0, 0);
	cm__core_periphery_fit(&cp, ctx, &g, 1);
	is_double(cp.fit, 2 / sqrt(12), 1e-12, "path P5: fit 2/sqrt(12)");
	ok(cp.core_size == 2 && cp.core[1] && cp.core[2], "path P5: core {1, 2}");
	cm__core_periphery_free(&cp);
	igraph_destroy(&g);

	static const struct {
		int n, full;
		const char *name;
	} undefined[] = {{3, 0, "three vertices"}, {6, 0, "no ties"}, {6, 1, "complete graph"}};
	for (size_t k = 0; k < CM__ARRAY_LEN(undefined); k++) {
		if (undefined[k].full)
			igraph_full(&g, undefined[k].n, IGRAPH_UNDIRECTED, IGRAPH_NO_LOOPS);
		else
			igraph_ring(&g, undefined[k].n, IGRAPH_UNDIRECTED, 0, 0);
		if (undefined[k].n == 6 && !undefined[k].full) {
			igraph_destroy(&g);
			igraph_empty(&g, 6, IGRAPH_UNDIRECTED);
		}
		ok(cm__core_periphery_fit(&cp, ctx, &g, 1) == 0, "%s: runs", undefined[k].name);
		ok(isnan(cp.fit) && cp.core_size == 0, "%s: fit undefined, empty core",
		   undefined[k].name);
		ok(cp.exact, "%s: reported as exact", undefined[k].name);
		cm__core_periphery_free(&cp);
		igraph_destroy(&g);
	}
	cm__core_periphery_free(NULL);
	ok(1, "cm__core_periphery_free(NULL) is safe");
}

/* Pearson correlation over the diagonal-block cells, written out from its
 * definition; NaN when undefined. */
static double naive_fit(const igraph_matrix_t *a, int n, unsigned mask, int directed)
{
	double N = 0, sx = 0, sy = 0, sxy = 0;
	for (int i = 0; i < n; i++)
		for (int j = directed ? 0 : i + 1; j < n; j++) {
			int ci = mask >> i & 1, cj = mask >> j & 1;
			if (i == j || ci != cj)
				continue;
			double x = ci, y = MATRIX(*a, i, j);
			N++, sx += x, sy += y, sxy += x * y;
		}
	double den = (N * sx - sx * sx) * (N * sy - sy * sy);
	int c = __builtin_popcount(mask);
	if (c < 2 || n - c < 2 || !(den > 0))
		return NAN;
	return (N * sxy - sx * sy) / sqrt(den);
}

/* Best partition by enumeration with the documented tie-breaks. */
static double naive_cp(unsigned *best, const igraph_t *g)
{
	int n = (int)igraph_vcount(g), dir = igraph_is_directed(g);
	igraph_matrix_t a;
	double bf = NAN;
	igraph_matrix_init(&a, 0, 0);
	igraph_get_adjacency(g, &a, IGRAPH_GET_ADJACENCY_BOTH, NULL, IGRAPH_LOOPS_ONCE);
	*best = 0;
	for (unsigned mask = 0; mask < 1u << n; mask++) {
		double f = naive_fit(&a, n, mask, dir);
		if (isnan(f))
			continue;
		int c = __builtin_popcount(mask), bc = __builtin_popcount(*best);
		unsigned diff = mask ^ *best;
		if (isnan(bf) || f > bf + 1e-12 ||
		    (f >= bf - 1e-12 && (c < bc || (c == bc && (mask & diff & -diff))))) {
			bf = f;
			*best = mask;
		}
	}
	igraph_matrix_destroy(&a);
	return bf;
}

static unsigned mask_of(const cm__core_periphery *cp, int n)
{
	unsigned m = 0;
	for (int v = 0; v < n; v++)
		m |= (unsigned)cp->core[v] << v;
	return m;
}

static void test_cp_random(cm_ctx *ctx)
{
	int graphs = 0, fit_ok = 0, core_ok = 0, dens_ok = 0, heur_ok = 0;
	igraph_rng_seed(igraph_rng_default(), 31337);
	for (int k = 0; k < 80; k++) {
		int n = (int)RNG_INTEGER(4, 12), dir = k % 2;
		igraph_t g;
		igraph_erdos_renyi_game_gnp(&g, n, RNG_UNIF(0.15, 0.7), dir, 0);
		unsigned want;
		double wf = naive_cp(&want, &g);
		cm__core_periphery cp, hp;
		cm__core_periphery_search(&cp, ctx, &g, 1, 20, 0);
		cm__core_periphery_search(&hp, ctx, &g, 1, 0, 64);
		graphs++;
		fit_ok += (isnan(wf) && isnan(cp.fit)) || fabs(wf - cp.fit) < 1e-9;
		core_ok += mask_of(&cp, n) == want;
		heur_ok += (isnan(wf) && isnan(hp.fit)) || fabs(wf - hp.fit) < 1e-9;
		/* The fit follows from the two diagonal-block densities. */
		double c = (double)cp.core_size, p = n - c, f = dir ? 1 : 0.5;
		double ncc = f * c * (c - 1), npp = f * p * (p - 1);
		double acc = cp.density[0][0] * ncc, app = cp.density[1][1] * npp, t = acc + app;
		double r = (npp * acc - ncc * app) / sqrt(ncc * npp * t * (ncc + npp - t));
		dens_ok += isnan(wf) || fabs(r - cp.fit) < 1e-9;
		cm__core_periphery_free(&cp);
		cm__core_periphery_free(&hp);
		igraph_rng_seed(igraph_rng_default(), 31337 + k + 1);
		igraph_destroy(&g);
	}
	is_int(fit_ok, graphs, "exhaustive fit equals the enumerated correlation (80 graphs)");
	is_int(core_ok, graphs, "exhaustive core equals the enumerated one with tie-breaks");
	is_int(dens_ok, graphs, "block densities reproduce the fit");
	is_int(heur_ok, graphs, "local search finds the optimum on the same graphs");
}

/* Graphs of 14 to 20 vertices: the local search alone against the
 * library's exhaustive search (itself checked against enumeration above). */
static void test_cp_search_vs_exhaustive(cm_ctx *ctx)
{
	int graphs = 0, same = 0, never_better = 0;
	for (int k = 0; k < 30; k++) {
		igraph_t g;
		igraph_rng_seed(igraph_rng_default(), 777 + k);
		igraph_erdos_renyi_game_gnp(&g, RNG_INTEGER(14, 20), RNG_UNIF(0.1, 0.5), k % 2, 0);
		cm__core_periphery ex, ls;
		cm__core_periphery_search(&ex, ctx, &g, 1, 20, 0);
		cm__core_periphery_search(&ls, ctx, &g, (unsigned long)k, 0, CM__CP_RESTARTS);
		graphs++;
		same += fabs(ex.fit - ls.fit) < 1e-12 &&
		        !memcmp(ex.core, ls.core, (size_t)igraph_vcount(&g));
		never_better += ls.fit <= ex.fit + 1e-12;
		cm__core_periphery_free(&ex);
		cm__core_periphery_free(&ls);
		igraph_destroy(&g);
	}
	is_int(never_better, graphs, "local search never beats the exhaustive optimum");
	is_int(same, graphs, "local search finds the exhaustive optimum on 30 graphs of 14-20");
}

/* Renumbering the vertices (and, for E-I, the group codes) must not change
 * any value: the measures depend on the structure only. */
static void test_invariance(cm_ctx *ctx)
{
	int fit_same = 0, ei_same = 0, br_same = 0, graphs = 0;
	for (int k = 0; k < 20; k++) {
		igraph_t g, h;
		igraph_vector_int_t perm;
		igraph_integer_t n;
		igraph_rng_seed(igraph_rng_default(), 500 + k);
		n = RNG_INTEGER(6, 16);
		igraph_erdos_renyi_game_gnp(&g, n, 0.3, 1, 0);
		igraph_vector_int_init_range(&perm, 0, n);
		igraph_vector_int_shuffle(&perm);
		igraph_permute_vertices(&g, &h, &perm); /* vertex v of g is perm[v] of h */
		int gg[16], gh[16];
		for (igraph_integer_t v = 0; v < n; v++) {
			gg[v] = (int)(v % 3);
			gh[VECTOR(perm)[v]] = 10 - 4 * gg[v]; /* other codes, same partition */
		}
		cm__core_periphery a, b;
		cm__core_periphery_fit(&a, ctx, &g, 1);
		cm__core_periphery_fit(&b, ctx, &h, 1);
		fit_same += (isnan(a.fit) && isnan(b.fit)) || fabs(a.fit - b.fit) < 1e-12;
		cm__core_periphery_free(&a);
		cm__core_periphery_free(&b);
		cm__ei ea, eb;
		cm__ei_index(&ea, ctx, &g, gg, 0, 1);
		cm__ei_index(&eb, ctx, &h, gh, 0, 1);
		ei_same += ea.external == eb.external && ea.internal == eb.internal &&
		           ea.min == eb.min && ea.max == eb.max && ea.expected == eb.expected;
		cm__brokerage ba[16], bb[16];
		cm__brokerage_roles(ba, ctx, &g, gg);
		cm__brokerage_roles(bb, ctx, &h, gh);
		int same = 1;
		for (igraph_integer_t v = 0; v < n; v++)
			same &= !memcmp(&ba[v], &bb[VECTOR(perm)[v]], sizeof(ba[v]));
		br_same += same;
		graphs++;
		igraph_vector_int_destroy(&perm);
		igraph_destroy(&g);
		igraph_destroy(&h);
	}
	is_int(fit_same, graphs, "core/periphery fit invariant under renumbering");
	is_int(ei_same, graphs, "E-I invariant under renumbering and recoding");
	is_int(br_same, graphs, "brokerage follows the vertices under renumbering");
}

/* No single move may raise the fit of a local-search result. */
static int is_local_optimum(const igraph_t *g, const cm__core_periphery *cp)
{
	int n = (int)igraph_vcount(g), dir = igraph_is_directed(g);
	igraph_matrix_t a;
	igraph_matrix_init(&a, 0, 0);
	igraph_get_adjacency(g, &a, IGRAPH_GET_ADJACENCY_BOTH, NULL, IGRAPH_LOOPS_ONCE);
	int good = 1;
	for (int v = 0; v < n && good; v++) {
		double cells[2] = {0}, ties[2] = {0};
		for (int i = 0; i < n; i++)
			for (int j = dir ? 0 : i + 1; j < n; j++) {
				int ci = cp->core[i] ^ (i == v), cj = cp->core[j] ^ (j == v);
				if (i != j && ci == cj)
					cells[ci]++, ties[ci] += MATRIX(a, i, j);
			}
		double t = ties[0] + ties[1],
		       den = cells[0] * cells[1] * t * (cells[0] + cells[1] - t);
		double f = den > 0 ? (cells[0] * ties[1] - cells[1] * ties[0]) / sqrt(den) : NAN;
		if (cells[1] >= 1 && cells[0] >= 1 && f > cp->fit + 1e-9)
			good = 0;
	}
	igraph_matrix_destroy(&a);
	return good;
}

static void test_cp_large(cm_ctx *ctx)
{
	/* A planted structure on 60 vertices: a core of 10 tied with p 0.9,
	 * core-periphery 0.25, periphery 0.04. The search must do at least as
	 * well as the planted partition, end in a local optimum and repeat
	 * itself for the same seed. */
	int n = 60, beats;
	igraph_vector_int_t e;
	igraph_t g;
	igraph_rng_seed(igraph_rng_default(), 4242);
	igraph_vector_int_init(&e, 0);
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++) {
			double p = i < 10 && j < 10 ? 0.9 : i < 10 ? 0.25 : 0.04;
			if (RNG_UNIF01() < p) {
				igraph_vector_int_push_back(&e, i);
				igraph_vector_int_push_back(&e, j);
			}
		}
	igraph_create(&g, &e, n, IGRAPH_UNDIRECTED);
	igraph_vector_int_destroy(&e);

	cm__core_periphery cp, again;
	ok(cm__core_periphery_fit(&cp, ctx, &g, 11) == 0, "planted 60: runs");
	ok(!cp.exact, "planted 60: local search used");
	cm__core_periphery_fit(&again, ctx, &g, 11);
	ok(cp.fit == again.fit && !memcmp(cp.core, again.core, (size_t)n), "same seed, same core");
	ok(is_local_optimum(&g, &cp), "planted 60: no single move improves the fit");
	/* The planted partition's fit, from the definition. */
	igraph_matrix_t a;
	igraph_matrix_init(&a, 0, 0);
	igraph_get_adjacency(&g, &a, IGRAPH_GET_ADJACENCY_BOTH, NULL, IGRAPH_LOOPS_ONCE);
	double ncc = 45, npp = 1225, acc = 0, app = 0;
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if ((i < 10) == (j < 10))
				*(i < 10 ? &acc : &app) += MATRIX(a, i, j);
	double t = acc + app, pf = (npp * acc - ncc * app) / sqrt(ncc * npp * t * (ncc + npp - t));
	beats = cp.fit >= pf - 1e-12;
	ok(beats, "planted 60: fit %.4f >= planted partition's %.4f", cp.fit, pf);
	int found = 0;
	for (int v = 0; v < 10; v++)
		found += cp.core[v];
	ok(found >= 8, "planted 60: the planted core is (mostly) recovered (%d of 10)", found);
	igraph_matrix_destroy(&a);
	cm__core_periphery_free(&cp);
	cm__core_periphery_free(&again);
	igraph_destroy(&g);
}

int main(void)
{
	cm_ctx *ctx;
	if (cm_ctx_new(&ctx))
		return 1;
	test_brokerage_enumerated(ctx);
	test_brokerage_four(ctx);
	test_brokerage_star(ctx);
	test_brokerage_chains(ctx);
	test_brokerage_closure(ctx);
	test_brokerage_random(ctx);
	test_ei_analytic(ctx);
	test_ei_directed(ctx);
	test_ei_permutations(ctx);
	test_campnet(ctx);
	test_cp_analytic(ctx);
	test_cp_random(ctx);
	test_cp_search_vs_exhaustive(ctx);
	test_invariance(ctx);
	test_cp_large(ctx);
	cm_ctx_free(ctx);
	return tap_done();
}
