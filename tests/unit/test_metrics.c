/* SPDX-License-Identifier: MIT */
/* Measures against analytic values (star, cycle, complete graph, path,
 * in-star, out-tree, directed cycle) and published ones (Padgett's Florentine
 * families, Borgatti's campnet); layer building; sampling; igraph errors;
 * GraphML write-back. Reference values: tests/data/reference/README.md. */
#include "tap.h"

#include "graph/betweenness.h"
#include "graph/layers.h"
#include "metrics/metrics.h"
#include "getters.h"

#include <clustermap.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#define HEAD "<?xml version='1.0'?><graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"

static char *top_srcdir;

/* ------------------------------------------------------------ helpers */

/* A network of n nodes v0..v{n-1} with the given ties (pairs of indices). */
static cm_network *build(cm_ctx *ctx, int n, const int *ties, int m, int directed)
{
	static char xml[65536];
	size_t len = (size_t)snprintf(xml, sizeof(xml), HEAD "<graph edgedefault='%s'>",
	                              directed ? "directed" : "undirected");
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(xml + len, sizeof(xml) - len, "<node id='v%d'/>", i);
	for (int e = 0; e < m; e++)
		len += (size_t)snprintf(xml + len, sizeof(xml) - len,
		                        "<edge source='v%d' target='v%d'/>", ties[2 * e],
		                        ties[2 * e + 1]);
	snprintf(xml + len, sizeof(xml) - len, "</graph></graphml>");
	cm_series *s = NULL;
	cm_ctx_clear(ctx);
	if (cm_series_read_buffer(&s, ctx, xml, strlen(xml), NULL)) {
		printf("# read failed: %s\n", cm_ctx_errmsg(ctx));
		return NULL;
	}
	cm_network *net = t_series_take(s, 0);
	cm_series_free(s);
	return net;
}

static cm_network *read_ref(cm_ctx *ctx, const char *name)
{
	char path[4096];
	cm_network *net = NULL;
	snprintf(path, sizeof(path), "%s/tests/data/reference/%s", top_srcdir, name);
	if (cm_network_read_file(&net, ctx, path, NULL))
		printf("# %s\n", cm_ctx_errmsg(ctx));
	return net;
}

static cm_metrics *measure(cm_ctx *ctx, const cm_network *net, const char *layer,
                           const char *groups, int inside_only)
{
	cm_metrics_opts o;
	cm_metrics *m = NULL;
	cm_metrics_opts_init(&o, CM_METRICS_OPTS_VERSION);
	o.layer = layer;
	o.groups = groups;
	o.inside_only = inside_only;
	o.permutations = 200;
	if (net && cm_metrics_compute(&m, ctx, net, &o))
		printf("# metrics failed: %s\n", cm_ctx_errmsg(ctx));
	return m;
}

static double net_value(const cm_metrics *m, const char *name)
{
	double v = NAN;
	if (m)
		cm_metrics_network_value(&v, NULL, m, 0, name);
	return v;
}

static double actor(const cm_metrics *m, const cm_network *net, const char *measure, const char *id)
{
	const double *vals;
	size_t i;
	if (!m || cm_network_find_node(&i, net, id) ||
	    cm_metrics_actor_values(&vals, NULL, m, 0, measure))
		return -12345;
	return vals[i];
}

/* ------------------------------------------------------------ analytic */

static void test_star(cm_ctx *ctx)
{
	const int ties[] = {0, 1, 0, 2, 0, 3, 0, 4};
	cm_network *net = build(ctx, 5, ties, 4, 0);
	cm_metrics *m = measure(ctx, net, "all", NULL, 0);
	is_double(net_value(m, "centralization.degree"), 1, 1e-12, "star: degree centralization 1");
	is_double(net_value(m, "centralization.betweenness"), 1, 1e-12,
	          "star: betweenness centralization 1");
	is_double(net_value(m, "centralization.closeness"), 1, 1e-12,
	          "star: closeness centralization 1");
	is_double(actor(m, net, "constraint", "v0"), 0.25, 1e-12,
	          "star: centre constraint 1/(n-1)");
	is_double(actor(m, net, "effective_size", "v0"), 4, 1e-12,
	          "star: centre effective size n-1");
	is_double(actor(m, net, "effective_size", "v1"), 1, 1e-12, "star: leaf effective size 1");
	is_double(actor(m, net, "betweenness", "v0"), 6, 1e-12, "star: centre raw betweenness");
	is_double(actor(m, net, "betweenness_norm", "v0"), 1, 1e-12,
	          "star: centre normalised betweenness 1");
	is_double(net_value(m, "transitivity"), 0, 0,
	          "star: transitivity 0 (two-paths, no triangle)");
	is_double(net_value(m, "density"), 0.4, 1e-12, "star: density 2m/(n(n-1))");
	is_double(net_value(m, "diameter"), 2, 0, "star: diameter 2");
	is_double(net_value(m, "max_coreness"), 1, 0, "star: max coreness 1");
	is_double(net_value(m, "reciprocity"), NAN, 0, "undirected: reciprocity null");
	is_double(net_value(m, "hierarchy"), NAN, 0, "undirected: hierarchy null");
	is_double(net_value(m, "centralization.in_degree"), NAN, 0, "undirected: in-degree null");
	cm_metrics_free(m);
	cm_network_free(net);
}

static void test_complete(cm_ctx *ctx)
{
	int ties[20], k = 0;
	for (int i = 0; i < 5; i++)
		for (int j = i + 1; j < 5; j++)
			ties[k++] = i, ties[k++] = j;
	cm_network *net = build(ctx, 5, ties, 10, 0);
	cm_metrics *m = measure(ctx, net, "all", NULL, 0);
	is_double(net_value(m, "centralization.degree"), 0, 1e-12, "K5: degree centralization 0");
	is_double(net_value(m, "centralization.betweenness"), 0, 1e-12,
	          "K5: betweenness centralization 0");
	is_double(net_value(m, "centralization.closeness"), 0, 1e-12,
	          "K5: closeness centralization 0");
	is_double(net_value(m, "centralization.eigenvector"), 0, 1e-9,
	          "K5: eigenvector centralization 0");
	is_double(net_value(m, "transitivity"), 1, 1e-12, "K5: transitivity 1");
	is_double(net_value(m, "average_clustering"), 1, 1e-12, "K5: average clustering 1");
	is_double(net_value(m, "density"), 1, 1e-12, "K5: density 1");
	is_double(actor(m, net, "constraint", "v2"), 49.0 / 64, 1e-12,
	          "K5: constraint (2n-3)^2/(n-1)^3 = 0.7656");
	is_double(actor(m, net, "effective_size", "v2"), 1, 1e-12,
	          "K5: effective size n-1-2t/n = 1");
	is_double(actor(m, net, "eigenvector", "v3"), 1, 1e-9, "K5: eigenvector 1 (scaled)");
	is_double(net_value(m, "max_coreness"), 4, 0, "K5: max coreness 4");
	is_double(net_value(m, "average_path_length"), 1, 1e-12, "K5: average path length 1");
	cm_metrics_free(m);
	cm_network_free(net);
}

static void test_cycle_path(cm_ctx *ctx)
{
	const int cyc[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0};
	cm_network *net = build(ctx, 6, cyc, 6, 0);
	cm_metrics *m = measure(ctx, net, "all", NULL, 0);
	is_double(net_value(m, "centralization.degree"), 0, 1e-12, "C6: degree centralization 0");
	is_double(net_value(m, "centralization.betweenness"), 0, 1e-12,
	          "C6: betweenness centralization 0");
	is_double(net_value(m, "centralization.closeness"), 0, 1e-12,
	          "C6: closeness centralization 0");
	is_double(net_value(m, "centralization.eigenvector"), 0, 1e-9,
	          "C6: eigenvector centralization 0");
	is_double(net_value(m, "diameter"), 3, 0, "C6: diameter 3");
	is_double(net_value(m, "average_path_length"), 1.8, 1e-12, "C6: average path length 9/5");
	cm_metrics_free(m);
	cm_network_free(net);

	const int path[] = {0, 1, 1, 2, 2, 3, 3, 4};
	net = build(ctx, 5, path, 4, 0);
	m = measure(ctx, net, "all", NULL, 0);
	is_double(net_value(m, "centralization.degree"), 1.0 / 6, 1e-12,
	          "P5: degree centralization 0.1667");
	is_double(net_value(m, "centralization.betweenness"), 5.0 / 12, 1e-12,
	          "P5: betweenness centralization 0.4167");
	is_double(net_value(m, "centralization.closeness"), 0.4222, 5e-5,
	          "P5: closeness centralization 0.4222");
	is_double(actor(m, net, "closeness", "v2"), 4.0 / 6, 1e-12, "P5: centre closeness 4/6");
	is_double(actor(m, net, "harmonic", "v0"), (1 + 0.5 + 1.0 / 3 + 0.25) / 4, 1e-12,
	          "P5: end harmonic centrality");
	is_double(net_value(m, "diameter"), 4, 0, "P5: diameter 4");
	cm_metrics_free(m);
	cm_network_free(net);
}

static void test_directed(cm_ctx *ctx)
{
	const int instar[] = {1, 0, 2, 0, 3, 0, 4, 0};
	cm_network *net = build(ctx, 5, instar, 4, 1);
	cm_metrics *m = measure(ctx, net, NULL, NULL, 0);
	ok(m && t_metrics_layer_directed(m, 0), "in-star: directed layer (directed untyped ties)");
	is_double(net_value(m, "centralization.in_degree"), 1, 1e-12,
	          "in-star: in-degree centralization 1");
	is_double(net_value(m, "centralization.out_degree"), 1.0 / 16, 1e-12,
	          "in-star: out-degree centralization 1/(n-1)^2");
	is_double(net_value(m, "reciprocity"), 0, 0, "in-star: reciprocity 0");
	is_double(net_value(m, "dyad_reciprocity"), 0, 0, "in-star: dyad reciprocity 0");
	is_double(net_value(m, "density"), 4.0 / 20, 1e-12, "in-star: density m/(n(n-1))");
	is_double(actor(m, net, "in_degree", "v0"), 4, 0, "in-star: centre in-degree 4");
	is_double(net_value(m, "hierarchy"), 1, 1e-12, "in-star: hierarchy 1");
	is_double(actor(m, net, "betweenness", "v0"), 0, 0,
	          "in-star: no directed path through centre");
	cm_metrics_free(m);
	cm_network_free(net);

	const int tree[] = {0, 1, 0, 2, 1, 3, 1, 4, 2, 5, 2, 6};
	net = build(ctx, 7, tree, 6, 1);
	m = measure(ctx, net, NULL, NULL, 0);
	is_double(net_value(m, "hierarchy"), 1, 1e-12, "out-tree: Krackhardt hierarchy 1");
	is_double(actor(m, net, "betweenness", "v1"), 2, 1e-12, "out-tree: directed betweenness");
	is_double(actor(m, net, "betweenness_norm", "v1"), 2.0 / 30, 1e-12,
	          "out-tree: directed normalisation (n-1)(n-2)");
	cm_metrics_free(m);
	cm_network_free(net);

	const int cyc[] = {0, 1, 1, 2, 2, 3, 3, 0};
	net = build(ctx, 4, cyc, 4, 1);
	m = measure(ctx, net, NULL, NULL, 0);
	is_double(net_value(m, "hierarchy"), 0, 1e-12, "directed cycle: Krackhardt hierarchy 0");
	is_double(net_value(m, "reciprocity"), 0, 0, "directed cycle: reciprocity 0");
	is_double(net_value(m, "transitivity_directed"), 0, 0,
	          "directed cycle: 4 two-paths, none closed");
	cm_metrics_free(m);
	cm_network_free(net);

	/* 0 -> 1 -> 2 closed by 0 -> 2, plus 2 -> 3: two-paths 0-1-2 (closed),
	 * 0-2-3 and 1-2-3 (open): 1/3. */
	const int triple[] = {0, 1, 1, 2, 0, 2, 2, 3};
	net = build(ctx, 4, triple, 4, 1);
	m = measure(ctx, net, NULL, NULL, 0);
	is_double(net_value(m, "transitivity_directed"), 1.0 / 3, 1e-12,
	          "directed transitivity: 1 of 3 two-paths closed");
	cm_metrics_free(m);
	cm_network_free(net);

	/* a <-> b, b -> c: pairs {a,b} symmetric, {a,c} and {b,c} one-way:
	 * 1 - 1/3 over unordered pairs (not 1 - 2/4 over ordered ones). */
	const int mixed[] = {0, 1, 1, 0, 1, 2};
	net = build(ctx, 3, mixed, 3, 1);
	m = measure(ctx, net, NULL, NULL, 0);
	is_double(net_value(m, "hierarchy"), 2.0 / 3, 1e-12, "hierarchy over unordered pairs");
	is_double(net_value(m, "reciprocity"), 2.0 / 3, 1e-12, "arc reciprocity 2 of 3 arcs");
	is_double(net_value(m, "dyad_reciprocity"), 0.5, 1e-12, "dyad reciprocity 1 of 2 dyads");
	is_double(actor(m, net, "degree", "v1"), 3, 0, "directed degree is in + out");
	is_double(actor(m, net, "constraint", "v1"), 0.5, 1e-12,
	          "constraint on the undirected view (mutual pair is one tie)");
	cm_metrics_free(m);
	cm_network_free(net);
}

/* ------------------------------------------------------------ layers */

static void test_layers(cm_ctx *ctx)
{
	const char *xml = HEAD
	    "<key id='r' for='edge' attr.name='relation' attr.type='string'/>"
	    "<key id='w' for='edge' attr.name='weight' attr.type='double'/>"
	    "<key id='l' for='node' attr.name='location' attr.type='string'/>"
	    "<graph edgedefault='directed'>"
	    "<node id='a'/><node id='b'/><node id='c'/><node id='d'><data "
	    "key='l'>outside</data></node>"
	    "<edge source='a' target='b'><data key='r'>supplier</data><data key='w'>2</data></edge>"
	    "<edge source='a' target='b'><data key='r'>supplier</data><data key='w'>3</data></edge>"
	    "<edge source='b' target='a'><data key='r'>supplier</data></edge>"
	    "<edge source='c' target='c'><data key='r'>supplier</data></edge>"
	    "<edge source='c' target='d'><data key='r'>supplier</data></edge>"
	    "<edge source='a' target='c'><data key='r'>membership</data></edge>"
	    "<edge source='c' target='a'><data key='r'>membership</data></edge>"
	    "<edge source='b' target='c'><data key='r'>information</data></edge>"
	    "<edge source='c' target='b' directed='false'><data key='r'>information</data></edge>"
	    "</graph></graphml>";
	cm_series *s = NULL;
	cm_ctx_clear(ctx);
	if (cm_series_read_buffer(&s, ctx, xml, strlen(xml), NULL)) {
		ok(0, "layer fixture reads: %s", cm_ctx_errmsg(ctx));
		return;
	}
	const cm_network *net = t_series_get(s, 0);
	cm__layer l;
	cm__layer_opts inside = {.inside_only = 1};
	ok(cm__layer_build(&l, ctx, net, 0, NULL) == 0, "supplier layer builds");
	is_int(l.directed, 1, "supplier is directed");
	is_int(igraph_vcount(&l.graph), 4, "every node kept");
	is_int(igraph_ecount(&l.graph), 3, "self-loop dropped, parallel arcs collapsed");
	is_double(VECTOR(l.weight)[0], 5, 0, "collapsed weights summed (a->b 2+3)");
	cm__layer_free(&l);
	ok(cm__layer_build(&l, ctx, net, 0, &inside) == 0, "inside-only supplier layer builds");
	is_int(igraph_vcount(&l.graph), 3, "inside-only drops the outside actor");
	is_int(igraph_ecount(&l.graph), 2, "and its ties");
	cm__layer_free(&l);
	ok(cm__layer_build(&l, ctx, net, 1, NULL) == 0, "association layer builds");
	is_int(l.directed, 0, "association is undirected");
	is_int(igraph_ecount(&l.graph), 1, "a-c and c-a are one undirected tie");
	is_double(VECTOR(l.weight)[0], 2, 0, "with weights summed");
	cm__layer_free(&l);
	ok(cm__layer_build(&l, ctx, net, 2, NULL) == 0, "information layer builds");
	is_int(l.directed, 0, "information with an undirected tie is undirected");
	cm__layer_free(&l);
	ok(cm__layer_build(&l, ctx, net, CM__LAYER_ALL, NULL) == 0, "all layer builds");
	is_int(l.directed, 0, "all is undirected");
	is_str(l.name, "all", "all is named all");
	is_int(igraph_ecount(&l.graph), 4, "all: the simple union a-b, a-c, b-c, c-d");
	cm__layer_free(&l);
	cm_series_free(s);
}

/* ------------------------------------------------------------ Florentine */

static void test_florentine(cm_ctx *ctx)
{
	cm_network *net = read_ref(ctx, "florentine.graphml");
	cm_metrics *m = measure(ctx, net, "marriage", NULL, 0);
	ok(m != NULL, "Florentine marriage measured");
	is_double(net_value(m, "nodes"), 16, 0, "marriage: 16 nodes (Pucci kept)");
	is_double(net_value(m, "density"), 0.1667, 5e-5, "marriage: density 0.1667");
	is_double(net_value(m, "centralization.degree"), 0.2667, 5e-5,
	          "marriage: degree centralization 0.2667");
	is_double(net_value(m, "centralization.betweenness"), 0.3835, 5e-5,
	          "marriage: betweenness centralization 0.3835");
	is_double(net_value(m, "transitivity"), 0.1915, 5e-5, "marriage: transitivity 0.1915");
	is_double(net_value(m, "centralization.closeness"), NAN, 0,
	          "marriage, 16: closeness centralization undefined (Pucci isolated)");
	is_double(net_value(m, "isolates"), 1, 0, "marriage: one isolate");
	is_double(net_value(m, "components"), 2, 0, "marriage: two components");
	is_double(net_value(m, "largest_component_share"), 15.0 / 16, 1e-12,
	          "marriage: 15/16 in the largest");
	is_double(actor(m, net, "betweenness", "Medici"), 47.5, 1e-9,
	          "Medici raw betweenness 47.5");
	is_double(actor(m, net, "betweenness_norm", "Medici"), 0.452, 5e-4,
	          "Medici normalised betweenness 0.452 (n = 16)");
	is_double(actor(m, net, "betweenness", "Guadagni"), 23.1667, 5e-5,
	          "Guadagni betweenness 23.1667");
	is_double(actor(m, net, "betweenness", "Albizzi"), 19.3333, 5e-5,
	          "Albizzi betweenness 19.3333");
	is_double(actor(m, net, "closeness", "Medici"), 0.560, 5e-4,
	          "Medici closeness 0.560 (reachable)");
	is_double(actor(m, net, "constraint", "Medici"), 0.2099, 5e-5, "Medici constraint 0.2099");
	is_double(actor(m, net, "effective_size", "Medici"), 5.667, 5e-4,
	          "Medici effective size 5.667");
	is_double(actor(m, net, "closeness", "Pucci"), NAN, 0, "isolate closeness null");
	is_double(actor(m, net, "constraint", "Pucci"), NAN, 0, "isolate constraint null");
	is_double(actor(m, net, "harmonic", "Pucci"), 0, 0, "isolate harmonic 0");
	cm_metrics_free(m);

	m = measure(ctx, net, "business", NULL, 0);
	is_double(net_value(m, "density"), 0.1250, 5e-5, "business: density 0.1250");
	is_double(net_value(m, "centralization.degree"), 0.2381, 5e-5,
	          "business: degree centralization 0.2381");
	is_double(net_value(m, "centralization.betweenness"), 0.2057, 5e-5,
	          "business: betweenness centralization 0.2057");
	is_double(net_value(m, "transitivity"), 0.4167, 5e-5, "business: transitivity 0.4167");
	cm_metrics_free(m);

	/* The 15-family variant: Pucci outside, measured with --inside-only. */
	size_t pucci;
	if (net && cm_network_find_node(&pucci, net, "Pucci") == 0)
		net->nodes[pucci].location = CM_LOCATION_OUTSIDE;
	m = measure(ctx, net, "marriage", NULL, 1);
	is_double(net_value(m, "nodes"), 15, 0, "marriage, inside only: 15 nodes");
	is_double(net_value(m, "density"), 0.1905, 5e-5, "marriage 15: density 0.1905");
	is_double(net_value(m, "centralization.degree"), 0.2747, 5e-5,
	          "marriage 15: degree centralization 0.2747");
	is_double(net_value(m, "centralization.betweenness"), 0.4368, 5e-5,
	          "marriage 15: betweenness centralization 0.4368");
	is_double(net_value(m, "transitivity"), 0.1915, 5e-5, "marriage 15: transitivity 0.1915");
	is_double(net_value(m, "centralization.closeness"), 0.3225, 5e-5,
	          "marriage 15: closeness centralization 0.3225");
	is_double(actor(m, net, "betweenness_norm", "Medici"), 0.522, 5e-4,
	          "Medici normalised betweenness 0.522 (n = 15)");
	is_double(actor(m, net, "closeness", "Medici"), 0.560, 5e-4,
	          "Medici closeness 0.560 (n = 15)");
	is_double(actor(m, net, "degree", "Pucci"), NAN, 0, "outside actor has no values");
	cm_metrics_free(m);
	cm_network_free(net);
}

/* ------------------------------------------------------------ campnet */

static void test_campnet(cm_ctx *ctx)
{
	cm_network *net = read_ref(ctx, "campnet.graphml");
	cm_metrics *m = measure(ctx, net, "interaction", "gender", 0);
	ok(m && t_metrics_layer_directed(m, 0), "campnet: directed layer");
	is_double(net_value(m, "reciprocity"), 38.0 / 54, 1e-12, "campnet: arc reciprocity 0.704");
	is_double(net_value(m, "dyad_reciprocity"), 19.0 / 35, 1e-12,
	          "campnet: dyad reciprocity 0.543");
	is_double(net_value(m, "transitivity_directed"), 60.0 / 124, 1e-12,
	          "campnet: directed transitivity 60 of 124 two-paths (0.484)");
	is_double(net_value(m, "ei.external"), 9, 0, "campnet: E = 9 by gender");
	is_double(net_value(m, "ei.internal"), 45, 0, "campnet: I = 45");
	is_double(net_value(m, "ei.index"), -0.667, 5e-4, "campnet: E-I -0.667");
	is_double(net_value(m, "core_periphery.fit"), 0.360, 5e-4,
	          "campnet: core/periphery fit 0.360");
	is_double(net_value(m, "core_periphery.core_size"), 4, 0, "campnet: core of 4");
	const double *coord;
	ok(m && cm_metrics_actor_values(&coord, NULL, m, 0, "coordinator") == 0 && !isnan(coord[0]),
	   "campnet: brokerage counted on the directed layer");
	cm_metrics_free(m);
	cm_network_free(net);

	/* Two K5 joined by one bridge, the K5s as groups. */
	static char xml[8192];
	size_t len =
	    (size_t)snprintf(xml, sizeof(xml),
	                     HEAD "<key id='g' for='node' attr.name='team' attr.type='string'/>"
	                          "<graph edgedefault='undirected'>");
	for (int i = 0; i < 10; i++)
		len += (size_t)snprintf(xml + len, sizeof(xml) - len,
		                        "<node id='v%d'><data key='g'>%s</data></node>", i,
		                        i < 5 ? "x" : "y");
	for (int b = 0; b < 10; b += 5)
		for (int i = 0; i < 5; i++)
			for (int j = i + 1; j < 5; j++)
				len += (size_t)snprintf(xml + len, sizeof(xml) - len,
				                        "<edge source='v%d' target='v%d'/>", b + i,
				                        b + j);
	snprintf(xml + len, sizeof(xml) - len, "<edge source='v0' target='v5'/></graph></graphml>");
	cm_series *s = NULL;
	cm_ctx_clear(ctx);
	ok(cm_series_read_buffer(&s, ctx, xml, strlen(xml), NULL) == 0, "two K5 read");
	m = measure(ctx, t_series_get(s, 0), "all", "team", 0);
	is_double(net_value(m, "ei.external"), 1, 0, "two K5: E = 1");
	is_double(net_value(m, "ei.internal"), 20, 0, "two K5: I = 20");
	is_double(net_value(m, "ei.index"), -0.9048, 5e-5, "two K5: E-I -0.9048");
	is_double(net_value(m, "centralization.closeness"),
	          net_value(m, "centralization.closeness"), 0,
	          "two K5: connected, closeness centralization defined");
	ok(!isnan(net_value(m, "centralization.closeness")),
	   "two K5: closeness centralization is a number");
	const double *comm;
	ok(m && cm_metrics_actor_values(&comm, NULL, m, 0, "community") == 0 &&
	       comm[0] == comm[4] && comm[5] == comm[9] && comm[0] != comm[5],
	   "two K5: Leiden finds the two cliques");
	cm_metrics_free(m);
	cm_series_free(s);
}

/* ------------------------------------------------------------ errors */

static void test_errors(cm_ctx *ctx)
{
	const int ties[] = {0, 1};
	cm_network *net = build(ctx, 3, ties, 1, 0);
	cm_metrics *m = NULL;
	cm_metrics_opts o;
	cm_metrics_opts_init(&o, CM_METRICS_OPTS_VERSION);
	o.layer = "nosuch";
	is_int(cm_metrics_compute(&m, ctx, net, &o), CM_ENOTFOUND, "unknown layer is CM_ENOTFOUND");
	ok(strstr(cm_ctx_errmsg(ctx), "layers: untyped, all") != NULL,
	   "message lists the layers: %s", cm_ctx_errmsg(ctx));
	o.layer = NULL;
	o.groups = "gender";
	is_int(cm_metrics_compute(&m, ctx, net, &o), CM_ENOTFOUND, "unknown group attribute");
	ok(m == NULL, "no result on failure");
	cm_metrics_opts_init(&o, CM_METRICS_OPTS_VERSION);
	m = measure(ctx, net, NULL, NULL, 0);
	is_int(m ? cm_metrics_layer_count(m) : 0, 2, "one layer plus all");
	double v;
	is_int(m ? cm_metrics_network_value(&v, NULL, m, 0, "bogus") : -1, CM_ENOTFOUND,
	       "unknown measure name");
	const double *a;
	is_int(m ? cm_metrics_actor_values(&a, NULL, m, 0, "bogus") : -1, CM_ENOTFOUND,
	       "unknown actor measure");
	is_double(net_value(m, "diameter"), 1, 0, "diameter of the largest component (one tie)");
	is_double(net_value(m, "centralization.closeness"), NAN, 0,
	          "disconnected: closeness centralization null");
	cm_metrics_free(m);
	cm_metrics_free(NULL);
	cm_network_free(net);

	/* igraph's failures come back as codes with igraph's reason. */
	cm__igraph_scope scope;
	igraph_t g;
	igraph_vector_int_t odd;
	cm_ctx_set_threads(ctx, 2);
#ifdef _OPENMP
	int before = omp_get_max_threads();
#endif
	cm__igraph_enter(&scope, ctx);
#ifdef _OPENMP
	is_int(omp_get_max_threads(), 2, "OpenMP threads follow the context inside a scope");
#endif
	igraph_vector_int_init_int(&odd, 3, 0, 1, 2);
	igraph_error_t err = igraph_create(&g, &odd, 3, 1);
	int rc = err ? cm__igraph_error(ctx, err) : 0;
	igraph_vector_int_destroy(&odd);
	/* a warning (directed eigenvector centrality of an acyclic graph)
	 * becomes a diagnostic of the context, once */
	igraph_t empty;
	igraph_vector_t ev;
	igraph_small(&empty, 3, 1, 0, 1, 1, 2, -1);
	igraph_vector_init(&ev, 0);
	size_t diags = cm_ctx_diag_count(ctx);
	igraph_eigenvector_centrality(&empty, &ev, NULL, 1, 1, NULL, NULL);
	igraph_eigenvector_centrality(&empty, &ev, NULL, 1, 1, NULL, NULL);
	ok(cm_ctx_diag_count(ctx) == diags + 1 &&
	       !strncmp(t_ctx_diag(ctx, diags)->message, "igraph: ", 8),
	   "igraph warnings become one diagnostic");
	igraph_vector_destroy(&ev);
	igraph_destroy(&empty);
	cm__igraph_leave(&scope);
	cm_ctx_set_threads(ctx, 1);
#ifdef _OPENMP
	is_int(omp_get_max_threads(), before, "and are restored after it");
#endif
	is_int(rc, CM_EGRAPH, "igraph error becomes CM_EGRAPH (no abort)");
	ok(strstr(cm_ctx_errmsg(ctx), "graph computation failed: ") != NULL &&
	       strlen(cm_ctx_errmsg(ctx)) > 40,
	   "with igraph's reason: %s", cm_ctx_errmsg(ctx));
}

/* ------------------------------------------------------------ split layers */

static int same_value(double a, double b)
{
	return a == b || (isnan(a) && isnan(b));
}

static int same_layer(const cm__mlayer *a, const cm__mlayer *b, size_t n)
{
	int same = !strcmp(a->name, b->name) && a->cp.present == b->cp.present &&
	           a->cp.core_size == b->cp.core_size && same_value(a->cp.fit, b->cp.fit) &&
	           a->ei.present == b->ei.present && same_value(a->ei.ei, b->ei.ei);
	for (int k = 0; same && k < CM__NM_COUNT; k++)
		same = same_value(a->value[k], b->value[k]);
	for (size_t i = 0; same && i < CM__AM_COUNT * n; i++)
		same = same_value(a->actor[i / n][i % n], b->actor[i / n][i % n]);
	for (size_t i = 0; same && i < a->cp.core_size; i++)
		same = a->cp.core[i] == b->cp.core[i];
	return same;
}

/* The costliest layer measured in two parts, in two processes, gives what
 * one process measuring it whole gives, communities and core/periphery
 * included, to the last bit (in the layer processes nobody starts workers of
 * their own, so who measures a layer does not matter). */
/* The best modularity of `runs` Leiden runs of `iterations` iterations
 * each, seeded seed, seed + 1, ... as the community measure seeds them
 * (node weights = degrees, resolution 1/2m, randomness 0.01). */
static double leiden_best(const igraph_t *g, int iterations, unsigned long seed, int runs)
{
	igraph_vector_t nw;
	igraph_vector_int_t memb;
	double best = -1, q;
	igraph_vector_init(&nw, 0);
	igraph_vector_int_init(&memb, 0);
	igraph_strength(g, &nw, igraph_vss_all(), IGRAPH_ALL, 0, NULL);
	for (int r = 0; r < runs; r++) {
		igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)(seed + (unsigned long)r));
		igraph_community_leiden(g, NULL, &nw, 1.0 / (2.0 * (double)igraph_ecount(g)), 0.01,
		                        0, iterations, &memb, NULL, NULL);
		igraph_modularity(g, &memb, NULL, 1, 0, &q);
		best = q > best + 1e-12 ? q : best;
	}
	igraph_vector_int_destroy(&memb);
	igraph_vector_destroy(&nw);
	return best;
}

/* Communities are one Leiden iteration per run, as documented
 * (docs/findings.md, #26): on this network a second iteration finds a
 * better partition, so the test tells the two apart. */
static void test_leiden_iterations(cm_ctx *ctx)
{
	enum { N = 400, M = 700 };
	static int ties[2 * M];
	unsigned long state = 7;
	for (int e = 0; e < M; e++) { /* a sparse random graph: no loops, no repeats */
		int a, b, dup;
		do {
			state = state * 6364136223846793005UL + 1442695040888963407UL;
			a = (int)((state >> 33) % N);
			b = (int)((state >> 13) % N);
			dup = a == b;
			for (int f = 0; f < e && !dup; f++)
				dup = (ties[2 * f] == a && ties[2 * f + 1] == b) ||
				      (ties[2 * f] == b && ties[2 * f + 1] == a);
		} while (dup);
		ties[2 * e] = a;
		ties[2 * e + 1] = b;
	}
	cm_network *net = build(ctx, N, ties, M, 0);
	cm_metrics *m = measure(ctx, net, NULL, NULL, 0);
	cm__layer l;
	const double *community = NULL;
	int built = net && m && cm_metrics_actor_values(&community, NULL, m, 0, "community") == 0 &&
	            cm__layer_build(&l, ctx, net, 0, NULL) == 0;
	ok(built, "Leiden fixture measured");
	if (!built) {
		cm_metrics_free(m);
		cm_network_free(net);
		return;
	}
	igraph_vector_int_t ours;
	igraph_vector_int_init(&ours, N);
	for (igraph_integer_t v = 0; v < N; v++)
		VECTOR(ours)[v] = (igraph_integer_t)community[VECTOR(l.node)[v]];
	double q, one = leiden_best(&l.graph, 1, 1, 10), two = leiden_best(&l.graph, 2, 1, 10);
	igraph_modularity(&l.graph, &ours, NULL, 1, 0, &q);
	ok(two > one + 1e-6, "fixture: two Leiden iterations beat one (%.6f > %.6f)", two, one);
	is_double(q, one, 1e-12, "communities: the best of ten one-iteration Leiden runs");
	igraph_vector_int_destroy(&ours);
	cm__layer_free(&l);
	cm_metrics_free(m);
	cm_network_free(net);
}

static void test_split(cm_ctx *ctx)
{
	cm_network *net = read_ref(ctx, "florentine.graphml");
	cm_ctx_set_jobs(ctx, 1);
	cm_metrics *whole = measure(ctx, net, NULL, NULL, 0);
	cm_ctx_set_jobs(ctx, 2);
	ctx->split_work = 1;
	cm_metrics *split = measure(ctx, net, NULL, NULL, 0);
	ctx->split_work = 0;
	cm_ctx_set_jobs(ctx, 1);
	ok(whole && split && whole->nlayers == 3 && split->nlayers == 3,
	   "Florentine measured whole and with the union layer in two parts");
	int same = whole && split;
	for (size_t k = 0; same && k < whole->nlayers; k++)
		same = same_layer(&whole->layers[k], &split->layers[k], net->n);
	ok(same, "every value, actor score, community and the core identical");
	ok(split && split->layers[2].cp.present && split->layers[2].cp.core_size > 0,
	   "the union layer's core/periphery came back from its side part");
	cm_metrics_free(split);
	cm_ctx_set_jobs(ctx, 2);
	ctx->split_work = 1;
	split = measure(ctx, net, "all", NULL, 0);
	ctx->split_work = 0;
	cm_ctx_set_jobs(ctx, 1);
	ok(split && split->nlayers == 1 && whole &&
	       same_layer(&split->layers[0], &whole->layers[2], net->n),
	   "one layer alone in two parts: identical too");
	cm_metrics_free(whole);
	cm_metrics_free(split);
	cm_network_free(net);
}

/* ------------------------------------------------------------ sampling */

/* Sampled path measures where every source sees the same: exact answers. */
static void test_sampled_measures(cm_ctx *ctx)
{
	int ring[32], tree[30];
	for (int i = 0; i < 16; i++)
		ring[2 * i] = i, ring[2 * i + 1] = (i + 1) % 16;
	for (int i = 1; i < 16; i++)
		tree[2 * (i - 1)] = (i - 1) / 2, tree[2 * (i - 1) + 1] = i;
	cm_metrics_opts o;
	cm_metrics *m = NULL;
	cm_metrics_opts_init(&o, CM_METRICS_OPTS_VERSION);
	o.approx = 3;
	o.permutations = 0;
	cm_network *net = build(ctx, 16, ring, 16, 1);
	ok(net && cm_metrics_compute(&m, ctx, net, &o) == 0,
	   "directed C16 measured with --approx 3");
	is_double(net_value(m, "hierarchy"), 0, 0, "sampled hierarchy of a directed cycle is 0");
	is_int(m ? m->layers[0].hierarchy.sources : 0, 3, "hierarchy reports 3 sources");
	size_t all = 1;
	double d = NAN, apl = NAN;
	if (m) {
		cm_metrics_network_value(&d, NULL, m, all, "diameter");
		cm_metrics_network_value(&apl, NULL, m, all, "average_path_length");
	}
	is_double(d, 8, 0, "sampled diameter of C16 is 8");
	is_double(apl, 64.0 / 15, 1e-12, "sampled average path length of C16 is 64/15");
	is_double(m ? m->layers[all].paths.std_error : NAN, 0, 1e-12, "with standard error 0");
	cm_metrics_free(m);
	cm_network_free(net);
	net = build(ctx, 16, tree, 15, 1);
	ok(net && cm_metrics_compute(&m, ctx, net, &o) == 0, "out-tree measured with --approx 3");
	is_double(net_value(m, "hierarchy"), 1, 0, "sampled hierarchy of an out-tree is 1");
	cm_metrics_free(m);
	cm_network_free(net);
}

static void test_sampling(cm_ctx *ctx)
{
	igraph_t g;
	igraph_vector_t exact, est, clo, har, clo_e, har_e;
	cm__sampling info;
	cm__igraph_scope scope;
	cm__igraph_enter(&scope, ctx);
	igraph_rng_seed(igraph_rng_default(), 42);
	igraph_barabasi_game(&g, 400, 1, 2, NULL, 1, 1, 0, IGRAPH_BARABASI_PSUMTREE, NULL);
	igraph_vector_init(&exact, 0);
	igraph_vector_init(&est, 0);
	igraph_vector_init(&clo, 0);
	igraph_vector_init(&har, 0);
	igraph_vector_init(&clo_e, 0);
	igraph_vector_init(&har_e, 0);
	cm__path_opts po = {.exact = 1};
	cm__betweenness(&exact, &info, ctx, &g, &po);
	is_int(info.sources, 0, "exact betweenness reports no sampling");
	cm__closeness(&clo, &har, &info, ctx, &g, &po);
	po = (cm__path_opts){.approx = 200, .seed = 7};
	is_int(cm__sample_size(&g, &po), 200, "--approx sets the sample size");
	cm__betweenness(&est, &info, ctx, &g, &po);
	is_int(info.sources, 200, "sampled betweenness reports 200 sources");
	ok(info.std_error > 0 && info.std_error < 0.1, "with a small error estimate (%g)",
	   info.std_error);
	double top = igraph_vector_max(&exact),
	       topest = VECTOR(est)[igraph_vector_which_max(&exact)];
	ok(fabs(topest - top) / top < 0.15, "estimate of the top actor within 15%% (%g vs %g)",
	   topest, top);
	double sum = igraph_vector_sum(&exact), sumest = igraph_vector_sum(&est);
	ok(fabs(sumest - sum) / sum < 0.05, "estimate unbiased in total (%g vs %g)", sumest, sum);
	cm__closeness(&clo_e, &har_e, &info, ctx, &g, &po);
	is_int(info.sources, 200, "sampled closeness reports 200 sources");
	double worst = 0;
	for (int v = 0; v < 400; v++) {
		double d = fabs(VECTOR(clo_e)[v] - VECTOR(clo)[v]) / VECTOR(clo)[v];
		worst = d > worst ? d : worst;
	}
	ok(worst < 0.1, "closeness estimates within 10%% (worst %g)", worst);
	igraph_vector_t again;
	igraph_vector_init(&again, 0);
	cm__betweenness(&again, &info, ctx, &g, &po);
	ok(igraph_vector_all_e(&again, &est), "same seed, same estimate");
	po.approx = 400;
	is_int(cm__sample_size(&g, &po), 0, "a sample as large as the graph is exact");
	po = (cm__path_opts){0};
	is_int(cm__sample_size(&g, &po), 0, "small graphs are exact by default");
	igraph_vector_destroy(&again);
	igraph_vector_destroy(&exact);
	igraph_vector_destroy(&est);
	igraph_vector_destroy(&clo);
	igraph_vector_destroy(&har);
	igraph_vector_destroy(&clo_e);
	igraph_vector_destroy(&har_e);
	igraph_destroy(&g);
	cm__igraph_leave(&scope);
}

/* ------------------------------------------------------------ GraphML */

static void test_graphml(cm_ctx *ctx)
{
	cm_network *net = read_ref(ctx, "florentine.graphml");
	const cm_network *back = NULL;
	cm_metrics *m = measure(ctx, net, NULL, NULL, 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	const double *bet;
	size_t all = m ? cm_metrics_layer_count(m) - 1 : 0, medici;
	if (!m || !fp || cm_metrics_actor_values(&bet, NULL, m, all, "betweenness")) {
		ok(0, "write-back prepared");
		return;
	}
	const char *names[] = {"betweenness"};
	const double *values[] = {bet};
	cm_node_columns cols = {1, names, values};
	ok(cm_network_write_graphml(fp, ctx, net, &cols) == 0, "GraphML written");
	fclose(fp);
	cm_series *s = NULL;
	ok(cm_series_read_buffer(&s, ctx, buf, len, NULL) == 0, "written GraphML reads back");
	back = t_series_get(s, 0);
	is_int(back ? cm_network_node_count(back) : 0, 16, "same nodes");
	is_int(back ? cm_network_edge_count(back) : 0, 35, "same edges");
	is_int(back ? cm_network_layer_count(back) : 0, 2, "same layers");
	is_str(back ? t_layer_name(back, 1) : NULL, "business", "layer names kept");
	is_str(back ? t_node_label(back, 8) : NULL, "Medici", "labels kept");
	ok(back && cm_network_find_node(&medici, back, "Medici") == 0, "ids kept");
	const char *v = back ? t_node_attr(back, medici, "betweenness") : NULL;
	double x = NAN;
	ok(v && sscanf(v, "%lf", &x) == 1 && fabs(x - bet[medici]) < 1e-6,
	   "measure written as a node attribute (%s)", v ? v : "missing");
	is_int(back ? t_edge_directed(back, 0) : 1, 0, "undirected ties stay undirected");
	cm_series_free(s);
	free(buf);
	cm_metrics_free(m);
	cm_network_free(net);
}

int main(void)
{
	cm_ctx *ctx;
	top_srcdir = getenv("top_srcdir");
	if (!top_srcdir)
		top_srcdir = ".";
	if (cm_ctx_new(&ctx))
		return 1;
	test_star(ctx);
	test_complete(ctx);
	test_cycle_path(ctx);
	test_directed(ctx);
	test_layers(ctx);
	test_florentine(ctx);
	test_campnet(ctx);
	test_errors(ctx);
	test_sampling(ctx);
	test_sampled_measures(ctx);
	test_leiden_iterations(ctx);
	test_split(ctx);
	test_graphml(ctx);
	cm_ctx_free(ctx);
	return tap_done();
}
