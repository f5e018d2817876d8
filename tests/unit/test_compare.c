/* SPDX-License-Identifier: MIT */
/* Comparison over time: exact actor and tie changes on constructed
 * snapshots, slicing rules, and QAP against analytic values. */
#include "compare/compare.h"
#include "tap.h"
#include "getters.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD                                                                                       \
	"<?xml version='1.0'?><graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"             \
	"<key id='kind' for='node' attr.name='kind' attr.type='string'/>"                          \
	"<key id='label' for='node' attr.name='label' attr.type='string'/>"                        \
	"<key id='ns' for='node' attr.name='start' attr.type='int'/>"                              \
	"<key id='ne' for='node' attr.name='end' attr.type='int'/>"                                \
	"<key id='r' for='edge' attr.name='relation' attr.type='string'/>"                         \
	"<key id='y' for='edge' attr.name='year' attr.type='int'/>"                                \
	"<key id='s' for='edge' attr.name='start' attr.type='int'/>"                               \
	"<key id='e' for='edge' attr.name='end' attr.type='int'/>"
#define N(id)         "<node id='" id "'/>"
#define NK(id, kind)  "<node id='" id "'><data key='kind'>" kind "</data></node>"
#define NL(id, label) "<node id='" id "'><data key='label'>" label "</data></node>"
#define SUP(a, b)     "<edge source='" a "' target='" b "'><data key='r'>supplier</data></edge>"
#define INFO(a, b)                                                                                 \
	"<edge source='" a "' target='" b "' directed='false'><data key='r'>"                      \
	"information</data></edge>"
#define ASSOC(a, b)                                                                                \
	"<edge source='" a "' target='" b "' directed='false'><data key='r'>"                      \
	"association</data></edge>"

static cm_ctx *ctx;

static cm_series *read_str(const char *xml)
{
	cm_series *s = NULL;
	if (cm_series_read_buffer(&s, ctx, xml, strlen(xml), NULL))
		printf("# read failed: %s\n", cm_ctx_errmsg(ctx));
	return s;
}

/* Old and new of the constructed case documented in docs/time.md. */
static const char two_snapshots[] = HEAD "<graph edgedefault='directed'>" N("a") N("b") N("c")
    N("d") NK("e", "association") NK("f", "firm") SUP("a", "b") SUP("b", "c") SUP("c", "d")
        SUP("a", "c") SUP("f", "a") INFO("a", "b") INFO("c", "d") ASSOC("a", "e")
            ASSOC("b", "e") "</graph>"
                            "<graph edgedefault='directed'>" N("a") N("b") N("c") N("d")
                                NK("e", "association") NK("g", "training") SUP("a", "b")
                                    SUP("c", "d") SUP("b", "a") SUP("d", "g") SUP("a", "b")
                                        INFO("a", "b") INFO("d", "b") ASSOC("a", "e")
                                            ASSOC("b", "e") ASSOC("c", "e")
                                                ASSOC("g", "e") "</graph></graphml>";

static size_t layer_of(const cm_diff *d, const char *name)
{
	for (size_t k = 0; k < cm_diff_layer_count(d); k++)
		if (!strcmp(t_diff_layer_name(d, k), name))
			return k;
	return SIZE_MAX;
}

static void check_layer(const cm_diff *d, const char *name, size_t formed, size_t dissolved,
                        size_t persisted, double jaccard)
{
	char what[128];
	size_t k = layer_of(d, name);
	snprintf(what, sizeof(what), "%s: formed", name);
	is_int(t_diff_tie_count(d, k, CM_CHANGE_FORMED), formed, what);
	snprintf(what, sizeof(what), "%s: dissolved", name);
	is_int(t_diff_tie_count(d, k, CM_CHANGE_DISSOLVED), dissolved, what);
	snprintf(what, sizeof(what), "%s: persisted", name);
	is_int(t_diff_tie_count(d, k, CM_CHANGE_PERSISTED), persisted, what);
	snprintf(what, sizeof(what), "%s: Jaccard", name);
	is_double(t_diff_jaccard(d, k), jaccard, 1e-12, what);
}

static void test_constructed(void)
{
	cm_series *s = read_str(two_snapshots);
	cm_compare_opts o;
	cm_diff *d = NULL;
	const char *from, *to;
	size_t node;
	cm_compare_opts_init(&o, CM_COMPARE_OPTS_VERSION);
	o.permutations = 0;
	ok(s && cm_diff_compute(&d, ctx, t_series_get(s, 0), t_series_get(s, 1), &o) == 0,
	   "diff of the constructed pair");
	if (!d)
		return;
	is_int(cm_diff_actor_count(d, CM_CHANGE_ENTERED), 1, "one actor entered");
	is_str(t_diff_actor(d, CM_CHANGE_ENTERED, 0, &node), "g", "g entered");
	is_int(t_node_kind(t_series_get(s, 1), node), CM_KIND_TRAINING, "g is training");
	is_int(cm_diff_actor_count(d, CM_CHANGE_LEFT), 1, "one actor left");
	is_str(t_diff_actor(d, CM_CHANGE_LEFT, 0, NULL), "f", "f left");
	is_int(cm_diff_actor_count(d, CM_CHANGE_STAYED), 5, "five stayed");
	is_int(cm_diff_layer_count(d), 4, "three layers and all");
	is_str(t_diff_layer_name(d, 3), "all", "all comes last");
	ok(t_diff_layer_directed(d, layer_of(d, "supplier")), "supplier is directed");
	ok(!t_diff_layer_directed(d, layer_of(d, "information")), "information is undirected");
	check_layer(d, "supplier", 2, 3, 2, 2.0 / 7);
	check_layer(d, "information", 1, 1, 1, 1.0 / 3);
	check_layer(d, "association", 2, 0, 2, 0.5);
	check_layer(d, "all", 4, 3, 4, 4.0 / 11);
	size_t sup = layer_of(d, "supplier");
	ok(cm_diff_tie(&from, &to, NULL, d, sup, CM_CHANGE_FORMED, 0) == 0 && !strcmp(from, "b") &&
	       !strcmp(to, "a"),
	   "the reversed supplier tie b -> a is formed");
	ok(cm_diff_tie(&from, &to, NULL, d, sup, CM_CHANGE_FORMED, 1) == 0 && !strcmp(from, "d") &&
	       !strcmp(to, "g"),
	   "d -> g is formed");
	ok(cm_diff_tie(&from, &to, NULL, d, sup, CM_CHANGE_DISSOLVED, 2) == 0 &&
	       !strcmp(from, "f") && !strcmp(to, "a"),
	   "f -> a dissolved with f");
	size_t info = layer_of(d, "information");
	ok(cm_diff_tie(&from, &to, NULL, d, info, CM_CHANGE_FORMED, 0) == 0 && !strcmp(from, "b") &&
	       !strcmp(to, "d"),
	   "undirected ties are listed with the smaller key first");
	ok(cm_diff_measure_count(d) > 0, "measures are compared");
	cm_diff_free(d);
	cm_series_free(s);
}

static void test_match_by(void)
{
	cm_series *s = read_str(HEAD "<graph>" NL("x1", "Alfa") NL("x2", "Beta")
	                            SUP("x1", "x2") "</graph><graph>" NL("y1", "Alfa")
	                                NL("y2", "Beta") NL("y3", "Gamma") SUP("y1", "y2")
	                                    SUP("y3", "y2") "</graph></graphml>");
	cm_compare_opts o;
	cm_diff *d = NULL;
	cm_compare_opts_init(&o, CM_COMPARE_OPTS_VERSION);
	o.permutations = 0;
	ok(s && cm_diff_compute(&d, ctx, t_series_get(s, 0), t_series_get(s, 1), &o) == 0,
	   "diff by id");
	if (d) {
		is_int(cm_diff_actor_count(d, CM_CHANGE_ENTERED), 3, "by id: every new id entered");
		is_int(cm_diff_actor_count(d, CM_CHANGE_LEFT), 2, "by id: every old id left");
	}
	cm_diff_free(d);
	d = NULL;
	o.match_by = "label";
	ok(cm_diff_compute(&d, ctx, t_series_get(s, 0), t_series_get(s, 1), &o) == 0,
	   "diff by label");
	if (d) {
		is_int(cm_diff_actor_count(d, CM_CHANGE_ENTERED), 1, "by label: Gamma entered");
		is_int(cm_diff_actor_count(d, CM_CHANGE_LEFT), 0, "by label: nobody left");
		check_layer(d, "supplier", 1, 0, 1, 0.5);
	}
	cm_diff_free(d);
	cm_series_free(s);
	s = read_str(HEAD "<graph>" NL("x1", "Alfa")
	                 NL("x2", "Alfa") "</graph><graph>" NL("x1", "Alfa") "</graph></graphml>");
	ok(cm_diff_compute(&d, ctx, t_series_get(s, 0), t_series_get(s, 1), &o) == CM_EINVAL,
	   "a shared label is an error");
	is_str(cm_ctx_errmsg(ctx),
	       "<buffer>: error: nodes 'x1' and 'x2' share label 'Alfa'; match by an attribute "
	       "that is unique in each snapshot",
	       "the message names both nodes");
	cm_series_free(s);
	s = read_str(HEAD "<graph>" NL("x1", "Alfa")
	                 N("x2") "</graph><graph>" N("x1") "</graph></graphml>");
	ok(cm_diff_compute(&d, ctx, t_series_get(s, 0), t_series_get(s, 1), &o) == CM_EINVAL,
	   "a node without the attribute is an error");
	is_str(cm_ctx_errmsg(ctx),
	       "<buffer>: error: node 'x2' has no label to match by; give every node one or "
	       "match by id",
	       "the message names the node");
	cm_series_free(s);
}

/* ------------------------------------------------------------ slicing */

static const char dated[] = HEAD "<graph edgedefault='directed'>" N("a") N("b")
    N("c") "<node id='x'><data key='ns'>2012</data></node>"
           "<node id='y'><data key='ne'>2010</data></node>"
           "<edge id='e1' source='a' target='b'><data key='r'>supplier</data>"
           "<data key='s'>2010</data><data key='e'>2012</data></edge>"
           "<edge id='e2' source='b' target='c'><data key='r'>supplier</data>"
           "<data key='y'>2011</data></edge>"
           "<edge id='e3' source='c' target='y'><data key='r'>information</data></edge>"
           "<edge id='e4' source='a' target='c'><data key='r'>supplier</data>"
           "<data key='e'>2011</data></edge>"
           "</graph></graphml>";

static void check_slice(const cm_network *net, int year, size_t nodes, size_t edges, size_t layers)
{
	cm_network *s = NULL;
	char what[64];
	snprintf(what, sizeof(what), "slice %d", year);
	ok(cm_network_slice(&s, ctx, net, year) == 0, "%s", what);
	if (!s)
		return;
	snprintf(what, sizeof(what), "slice %d: actors", year);
	is_int(cm_network_node_count(s), nodes, what);
	snprintf(what, sizeof(what), "slice %d: ties", year);
	is_int(cm_network_edge_count(s), edges, what);
	snprintf(what, sizeof(what), "slice %d: layers", year);
	is_int(cm_network_layer_count(s), layers, what);
	snprintf(what, sizeof(what), "slice %d: year", year);
	is_int(cm_network_year(s), year, what);
	cm_network_free(s);
}

static void test_slicing(void)
{
	cm_series *s = read_str(dated), *sliced = NULL;
	const cm_network *net = t_series_get(s, 0);
	int *years = NULL;
	size_t n = 0;
	if (!net)
		return;
	/* e3 has no dates and keeps y although y "ended" in 2010. */
	check_slice(net, 2009, 4, 2, 2); /* a b c y; e3 e4 */
	check_slice(net, 2010, 4, 3, 2); /* e1 starts; start is inclusive */
	check_slice(net, 2011, 4, 4, 2); /* e2 (year) starts; e4 (end only) still there */
	check_slice(net, 2012, 5, 3, 2); /* x starts; e4 ended in 2011; e1's end inclusive */
	check_slice(net, 2013, 5, 2, 2); /* e1 gone, e2 from its year on */
	ok(cm_network_years(&years, &n, ctx, net) == 0, "years of the dated graph");
	ok(n == 3 && years[0] == 2010 && years[1] == 2011 && years[2] == 2012,
	   "distinct years ascending: 2010 2011 2012");
	cm_years_free(years);
	ok(cm_series_slice(&sliced, ctx, net, NULL, 0) == 0 && cm_series_count(sliced) == 3,
	   "--by year gives one snapshot per year");
	is_str(cm_network_label(t_series_get(sliced, 0)), "2010", "slices are labelled by year");
	cm_series_free(sliced);
	int bad[] = {2012, 2010};
	ok(cm_series_slice(&sliced, ctx, net, bad, 2) == CM_EINVAL && !sliced,
	   "years out of order are refused");
	is_str(cm_ctx_errmsg(ctx),
	       "error: years must ascend without repeats (2010 after 2012); "
	       "sort them",
	       "message for unsorted years");
	cm_series_free(s);
	s = read_str(HEAD "<graph>" N("a")
	                 N("b") "<edge source='a' target='b'><data key='s'>"
	                        "2015</data><data key='e'>2012</data></edge></graph></graphml>");
	ok(cm_series_slice(&sliced, ctx, t_series_get(s, 0), NULL, 0) == CM_EPARSE,
	   "start after end is an error");
	is_str(cm_ctx_errmsg(ctx),
	       "<buffer>: error: edge a -> b starts in 2015 after it ends in "
	       "2012; swap start and end",
	       "message for start after end");
	cm_series_free(s);
	s = read_str(HEAD "<graph>" N("a") "</graph></graphml>");
	ok(cm_series_slice(&sliced, ctx, t_series_get(s, 0), NULL, 0) == CM_EINVAL,
	   "a graph without dates cannot be sliced by year");
	cm_series_free(s);
}

/* ------------------------------------------------------------ QAP */

static size_t complement(cm__tie *out, const cm__tie *x, size_t nx, size_t n)
{
	size_t k = 0;
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b < n; b++) {
			int in = 0;
			for (size_t i = 0; i < nx; i++)
				in |= x[i].a == a && x[i].b == b;
			if (!in)
				out[k++] = (cm__tie){a, b};
		}
	return k;
}

/* Exact one-sided p over all n! relabellings (n <= 6), by Heap's algorithm. */
static double exact_p(const cm__tie *x, size_t nx, const cm__tie *y, size_t ny, size_t n,
                      double r_obs)
{
	size_t perm[6], c[6] = {0}, total = 0, ge = 0;
	cm__tie py[64];
	for (size_t i = 0; i < n; i++)
		perm[i] = i;
	for (size_t i = 0;;) {
		cm_qap q;
		for (size_t k = 0; k < ny; k++)
			py[k] = (cm__tie){perm[y[k].a], perm[y[k].b]};
		cm__qap(&q, ctx, x, nx, py, ny, n, 0, 0, 1);
		total++;
		ge += q.r >= r_obs - 1e-12;
		while (i < n && c[i] >= i)
			c[i++] = 0;
		if (i >= n)
			break;
		size_t j = i % 2 ? c[i] : 0, t = perm[j];
		perm[j] = perm[i];
		perm[i] = t;
		c[i]++;
		i = 0;
	}
	return (double)ge / total;
}

static void test_qap(void)
{
	cm_qap q, q2;
	/* path 0-1-2-3 against triangle 0-1-2: N = 6, Sx = Sy = 3, Sxy = 2: r = 1/3 */
	cm__tie path[] = {{0, 1}, {1, 2}, {2, 3}}, tri[] = {{0, 1}, {1, 2}, {0, 2}};
	ok(cm__qap(&q, ctx, path, 3, tri, 3, 4, 0, 0, 1) == 0, "QAP without permutations");
	is_double(q.r, 1.0 / 3, 1e-12, "path vs triangle: r = 1/3 (by hand)");
	ok(isnan(q.p), "no permutations: p undefined");
	/* directed n = 3: X = {0->1, 1->2}, Y = {0->1, 2->1}: N = 6, Sxy = 1: r = 1/4 */
	cm__tie dx[] = {{0, 1}, {1, 2}}, dy[] = {{0, 1}, {2, 1}};
	cm__qap(&q, ctx, dx, 2, dy, 2, 3, 1, 0, 1);
	is_double(q.r, 0.25, 1e-12, "directed: reversed arc counts as different, r = 1/4");
	cm__qap(&q, ctx, dx, 2, dy, 2, 3, 0, 0, 1);
	is_double(q.r, 1.0, 1e-12, "undirected: the same pairs, r = 1");

	/* a ring of 12 against itself and its complement */
	size_t n = 12, nx = 0;
	cm__tie ring[12], comp[66];
	for (size_t i = 0; i + 1 < n; i++)
		ring[nx++] = (cm__tie){i, i + 1};
	ring[nx++] = (cm__tie){0, n - 1};
	ok(cm__qap(&q, ctx, ring, nx, ring, nx, n, 0, 2000, 7) == 0, "QAP of identical networks");
	is_double(q.r, 1.0, 1e-12, "identical networks: r = 1");
	ok(q.p < 0.01 && q.p >= 1.0 / 2001, "identical networks: p small (%g)", q.p);
	is_int(q.permutations, 2000, "permutation count reported");
	ok(fabs(q.perm_mean) < 0.05, "permuted r centred near 0 (%g)", q.perm_mean);
	size_t nc = complement(comp, ring, nx, n);
	is_int(nc, 66 - 12, "complement has the other pairs");
	cm__qap(&q, ctx, ring, nx, comp, nc, n, 0, 500, 7);
	is_double(q.r, -1.0, 1e-12, "complement: r = -1");
	is_double(q.p, 1.0, 1e-12, "complement: every permutation is at least as large, p = 1");
	cm__qap(&q, ctx, ring, nx, ring, nx, n, 0, 2000, 7);
	cm__qap(&q2, ctx, ring, nx, ring, nx, n, 0, 2000, 7);
	ok(q.p == q2.p && q.perm_mean == q2.perm_mean, "same seed, same p");
	cm__qap(&q2, ctx, ring, nx, ring, nx, n, 0, 2000, 8);
	ok(q.perm_mean != q2.perm_mean, "another seed, other replicates");

	/* the permutation p converges to the exact p over all 4! relabellings */
	double exact = exact_p(path, 3, tri, 3, 4, 1.0 / 3);
	cm__qap(&q, ctx, path, 3, tri, 3, 4, 0, 20000, 3);
	is_double(exact, 12.0 / 24, 1e-12, "exact p of path vs triangle is 12/24");
	ok(fabs(q.p - exact) < 0.015, "sampled p %g within 0.015 of exact %g", q.p, exact);
	cm__tie five[] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 4}, {1, 3}};
	cm__tie fivey[] = {{0, 1}, {1, 2}, {2, 3}, {0, 2}, {1, 4}};
	cm__qap(&q, ctx, five, 6, fivey, 5, 5, 0, 0, 1);
	exact = exact_p(five, 6, fivey, 5, 5, q.r);
	cm__qap(&q, ctx, five, 6, fivey, 5, 5, 0, 20000, 11);
	ok(fabs(q.p - exact) < 0.015, "n = 5: sampled p %g within 0.015 of exact %g", q.p, exact);

	/* constant matrices: r undefined */
	cm__qap(&q, ctx, ring, 0, ring, nx, n, 0, 100, 1);
	ok(isnan(q.r) && isnan(q.p), "an empty matrix: r and p undefined");
	cm__qap(&q, ctx, ring, nx, ring, nx, 1, 0, 100, 1);
	ok(isnan(q.r), "one actor: r undefined");
}

/* ------------------------------------------------------------ chart */

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_chart(void)
{
	double x[] = {2009, 2012, 2015, 2018}, a[] = {0.1, NAN, 0.3, 0.4}, b[] = {1, 2, 3, 4};
	const char *labels[] = {"2009", "2012", "2015", "2018"};
	cm_chart_series ser[] = {{"<a&b>", a}, {"plain", b}};
	cm_chart c = {"T \"q\"", "year", "value", 4, x, labels, 2, ser, NULL, NULL};
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	ok(cm_chart_write_svg(fp, ctx, &c) == 0, "chart written");
	fclose(fp);
	ok(buf && strstr(buf, ">&lt;a&amp;b&gt;</text>"), "series names are escaped");
	ok(buf && strstr(buf, ">T &quot;q&quot;</text>"), "the title is escaped");
	is_int(count_of(buf, "<g class=\"series\""), 2, "one group per series");
	/* a's missing 2012 value splits its line: 2009 stays a lone marker, 2015-2018
	 * one line; b one line */
	is_int(count_of(buf, "<polyline"), 2, "a gap breaks the line");
	is_int(count_of(buf, "<circle"), 3 + 1, "a's three values are marked (+1 in the legend)");
	ok(strstr(buf, ">2018</text>") != NULL, "x tick labels");
	char want[64];
	for (size_t k = 0; k < 2; k++) {
		snprintf(want, sizeof(want), "stroke=\"%s\" stroke-width", cm__color_line(k));
		ok(buf && strstr(buf, want), "series %zu in the palette's line colour %s", k + 1,
		   cm__color_line(k));
	}
	ok(strstr(buf, ">0</text>") && strstr(buf, ">4</text>"), "y axis from 0 to 4");
	free(buf);
	double back[] = {2012, 2009, 2015, 2018};
	c.x = back;
	fp = open_memstream(&buf, &len);
	ok(cm_chart_write_svg(fp, ctx, &c) == CM_EINVAL, "x must ascend");
	fclose(fp);
	free(buf);
	c.x = x;
	c.nseries = 9;
	fp = open_memstream(&buf, &len);
	ok(cm_chart_write_svg(fp, ctx, &c) == CM_EINVAL, "at most 8 series");
	fclose(fp);
	free(buf);
}

int main(void)
{
	cm_ctx_new(&ctx);
	test_constructed();
	test_match_by();
	test_slicing();
	test_qap();
	test_chart();
	cm_ctx_free(ctx);
	return tap_done();
}
