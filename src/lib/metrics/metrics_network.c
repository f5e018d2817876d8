/* SPDX-License-Identifier: MIT */
/* Network-level measures of one layer (docs/metrics.md, "Network-level"). */
#include "metrics_work.h"
#include "graph/traverse.h"

#include <math.h>
#include <string.h>

#define V(w, k) ((w)->out->value[k])

static int sizes(cm__mwork *w)
{
	const igraph_t *g = &w->l->graph;
	const cm__components *comp;
	igraph_integer_t n = igraph_vcount(g);
	igraph_vector_int_t deg;
	V(w, CM__NM_NODES) = (double)n;
	V(w, CM__NM_EDGES) = (double)igraph_ecount(g);
	if (n >= 2)
		CM__IG(w->ctx, igraph_density(g, &V(w, CM__NM_DENSITY), 0));
	int rc = cm__mwork_components(w, &comp);
	if (rc)
		return rc;
	if (igraph_vector_int_init(&deg, 0))
		return cm__oom(w->ctx);
	igraph_error_t err = igraph_degree(w->u, &deg, igraph_vss_all(), IGRAPH_ALL, 0);
	if (!err) {
		V(w, CM__NM_COMPONENTS) = (double)comp->count;
		if (n > 0)
			V(w, CM__NM_LARGEST_SHARE) =
			    (double)igraph_vector_int_max(&comp->size) / (double)n;
		V(w, CM__NM_ISOLATES) = 0;
		for (igraph_integer_t i = 0; i < n; i++)
			V(w, CM__NM_ISOLATES) += VECTOR(deg)[i] == 0;
	}
	igraph_vector_int_destroy(&deg);
	return err ? cm__igraph_error(w->ctx, err) : 0;
}

/* Arc reciprocity (share of arcs reciprocated) and dyad reciprocity (mutual
 * dyads over connected dyads); directed layers with ties only. */
static int reciprocity(cm__mwork *w)
{
	const igraph_t *g = &w->l->graph;
	if (!w->l->directed || igraph_ecount(g) == 0)
		return 0;
	CM__IG(w->ctx,
	       igraph_reciprocity(g, &V(w, CM__NM_RECIPROCITY), 1, IGRAPH_RECIPROCITY_DEFAULT));
	CM__IG(w->ctx,
	       igraph_reciprocity(g, &V(w, CM__NM_DYAD_RECIPROCITY), 1, IGRAPH_RECIPROCITY_RATIO));
	return 0;
}

/* Counts, for every two-path i -> j -> k (i != k), whether i -> k closes it;
 * out-neighbours of i are marked so each check is one lookup. */
static void count_transitive(const igraph_adjlist_t *al, igraph_integer_t n, unsigned char *mark,
                             double *paths, double *closed)
{
	for (igraph_integer_t i = 0; i < n; i++) {
		igraph_vector_int_t *out = igraph_adjlist_get(al, i);
		igraph_integer_t di = igraph_vector_int_size(out);
		for (igraph_integer_t a = 0; a < di; a++)
			mark[VECTOR(*out)[a]] = 1;
		for (igraph_integer_t a = 0; a < di; a++) {
			igraph_vector_int_t *next = igraph_adjlist_get(al, VECTOR(*out)[a]);
			for (igraph_integer_t b = 0; b < igraph_vector_int_size(next); b++) {
				igraph_integer_t k = VECTOR(*next)[b];
				*paths += k != i;
				*closed += k != i && mark[k];
			}
		}
		for (igraph_integer_t a = 0; a < di; a++)
			mark[VECTOR(*out)[a]] = 0;
	}
}

/* Directed transitivity (Wasserman & Faust 1994, UCINET): the share of
 * two-paths i -> j -> k whose arc i -> k exists; directed layers only, NaN
 * without two-paths. igraph's transitivity ignores direction. */
static int directed_transitivity(cm__mwork *w)
{
	const igraph_t *g = &w->l->graph;
	igraph_integer_t n = igraph_vcount(g);
	if (!w->l->directed || n == 0)
		return 0;
	igraph_adjlist_t al;
	CM__IG(w->ctx,
	       igraph_adjlist_init(g, &al, IGRAPH_OUT, IGRAPH_NO_LOOPS, IGRAPH_NO_MULTIPLE));
	unsigned char *mark = cm__calloc((size_t)n, 1);
	if (!mark) {
		igraph_adjlist_destroy(&al);
		return cm__oom(w->ctx);
	}
	double paths = 0, closed = 0;
	count_transitive(&al, n, mark, &paths, &closed);
	V(w, CM__NM_TRANSITIVITY_DIRECTED) = paths > 0 ? closed / paths : NAN;
	cm__free(mark);
	igraph_adjlist_destroy(&al);
	return 0;
}

/* Global transitivity (NaN without connected triples) and the mean local
 * clustering coefficient, actors with fewer than two contacts counting 0. */
static int clustering(cm__mwork *w)
{
	if (igraph_vcount(w->u) == 0)
		return 0;
	CM__IG(w->ctx, igraph_transitivity_undirected(w->u, &V(w, CM__NM_TRANSITIVITY),
	                                              IGRAPH_TRANSITIVITY_NAN));
	CM__IG(w->ctx, igraph_transitivity_avglocal_undirected(
	                   w->u, &V(w, CM__NM_AVERAGE_CLUSTERING), IGRAPH_TRANSITIVITY_ZERO));
	if (igraph_ecount(w->u) > 0)
		CM__IG(w->ctx, igraph_assortativity_degree(
		                   &w->l->graph, &V(w, CM__NM_ASSORTATIVITY), w->l->directed));
	return 0;
}

/* The vertices of the largest component of the undirected view. */
static int largest_component(igraph_vector_int_t *out, cm__mwork *w)
{
	const cm__components *comp;
	int rc = cm__mwork_components(w, &comp);
	if (rc)
		return rc;
	igraph_integer_t big = comp->count == 0 ? 0 : igraph_vector_int_which_max(&comp->size);
	if (comp->count && igraph_vector_int_reserve(out, VECTOR(comp->size)[big]))
		return cm__oom(w->ctx);
	for (igraph_integer_t v = 0; v < igraph_vcount(w->u); v++)
		if (VECTOR(comp->memb)[v] == big && igraph_vector_int_push_back(out, v))
			return cm__oom(w->ctx);
	return 0;
}

/* Distances from each sampled source to the rest of its component (one
 * breadth-first search each, which reaches the whole component): the mean
 * over the K sources of their mean distance estimates the average path
 * length (standard error from the spread of those means); the largest
 * eccentricity found is a lower bound of the diameter. */
typedef struct path_sums {
	double sum, sq, ecc;
} path_sums;

/* One source's search: the total of its distances to the vertices reached. */
static void add_mean(path_sums *ps, double total, double reached, double ecc)
{
	double mean = total / reached;
	ps->ecc = ecc > ps->ecc ? ecc : ps->ecc;
	ps->sum += mean;
	ps->sq += mean * mean;
}

static int add_means(void *arg, igraph_integer_t first, int b, const cm__msbfs_totals *t)
{
	(void)first;
	for (int j = 0; j < b; j++)
		add_mean(arg, t->sum[j], t->reached[j], t->ecc[j]);
	return 0;
}

/* Sources drawn as positions in keep (the component's vertices, in
 * increasing order), searched in the whole undirected view, where a search
 * from the component stays in it. When the component is the whole view,
 * the positions are the vertices betweenness drew if it drew as many, and
 * its sweep already holds these searches. */
static int source_pass(path_sums *ps, cm__mwork *w, const igraph_vector_int_t *keep, size_t k)
{
	igraph_vector_int_t src;
	const cm__sweep *sw = &w->sweep;
	if (igraph_vector_int_size(keep) == igraph_vcount(w->u) &&
	    cm__sweep_matches(sw, w->u, k, w->opts->seed)) {
		for (size_t i = 0; i < k; i++)
			add_mean(ps, sw->sum[i], sw->reached[i], sw->ecc[i]);
		return 0;
	}
	int rc = cm__sample_vertices(&src, w->ctx, igraph_vector_int_size(keep), k, w->opts->seed);
	if (rc)
		return rc;
	rc = cm__msbfs_totals_each(w->ctx, w->u, IGRAPH_ALL, &src, keep,
	                           igraph_vector_int_size(&src), add_means, ps);
	igraph_vector_int_destroy(&src);
	return rc;
}

static int sampled_paths(cm__mwork *w, const igraph_vector_int_t *keep, size_t k)
{
	double n = (double)igraph_vector_int_size(keep), kk = (double)k;
	path_sums ps = {0, 0, 0};
	int rc = source_pass(&ps, w, keep, k);
	if (rc)
		return rc;
	double mean = ps.sum / kk, var = k > 1 ? (ps.sq - kk * mean * mean) / (kk - 1) : 0;
	V(w, CM__NM_AVERAGE_PATH_LENGTH) = mean;
	V(w, CM__NM_DIAMETER) = ps.ecc;
	w->out->paths.sources = k;
	w->out->paths.std_error = sqrt((var > 0 ? var : 0) / kk * (1 - kk / n));
	return 0;
}

/* From the exact closeness pass: the largest eccentricity, and the distance
 * sums over the ordered pairs (the component is connected). */
static void hop_paths(cm__mwork *w, const igraph_vector_int_t *keep)
{
	double ecc = 0, total = 0, nc = (double)igraph_vector_int_size(keep);
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(keep); i++) {
		igraph_integer_t v = VECTOR(*keep)[i];
		ecc = w->hops.ecc[v] > ecc ? w->hops.ecc[v] : ecc;
		total += w->hops.sum[v];
	}
	V(w, CM__NM_DIAMETER) = ecc;
	V(w, CM__NM_AVERAGE_PATH_LENGTH) = total / (nc * (nc - 1));
}

/* igraph's exact diameter and average path length of the component. */
static int exact_paths(cm__mwork *w, const igraph_vector_int_t *keep)
{
	igraph_t sub;
	CM__IG(w->ctx,
	       igraph_induced_subgraph(w->u, &sub, igraph_vss_vector(keep), IGRAPH_SUBGRAPH_AUTO));
	igraph_error_t err =
	    igraph_diameter(&sub, &V(w, CM__NM_DIAMETER), NULL, NULL, NULL, NULL, 0, 1);
	if (!err)
		err =
		    igraph_average_path_length(&sub, &V(w, CM__NM_AVERAGE_PATH_LENGTH), NULL, 0, 1);
	igraph_destroy(&sub);
	return err ? cm__igraph_error(w->ctx, err) : 0;
}

/* Sampled or exact as for the component alone: its ties are half its
 * vertices' degrees. */
static int component_paths(cm__mwork *w, const igraph_vector_int_t *keep)
{
	igraph_vector_int_t deg;
	cm__path_opts po = cm__mwork_path_opts(w, 1);
	if (igraph_vector_int_init(&deg, 0))
		return cm__oom(w->ctx);
	igraph_error_t err = igraph_degree(w->u, &deg, igraph_vss_vector(keep), IGRAPH_ALL, 1);
	double m = err ? 0 : (double)igraph_vector_int_sum(&deg) / 2;
	igraph_vector_int_destroy(&deg);
	if (err)
		return cm__igraph_error(w->ctx, err);
	size_t k = cm__sample_size_for((double)igraph_vector_int_size(keep), m, &po);
	return k ? sampled_paths(w, keep, k) : exact_paths(w, keep);
}

/* Diameter and average path length, in steps, of the largest component of
 * the undirected view; undefined when it has a single actor. */
static int paths(cm__mwork *w)
{
	igraph_vector_int_t keep;
	if (igraph_vector_int_init(&keep, 0))
		return cm__oom(w->ctx);
	int rc = largest_component(&keep, w);
	if (rc == 0 && igraph_vector_int_size(&keep) >= 2)
		rc = w->has_hops ? (hop_paths(w, &keep), 0) : component_paths(w, &keep);
	igraph_vector_int_destroy(&keep);
	return rc;
}

static int max_coreness(cm__mwork *w)
{
	const double *core = w->out->actor[CM__AM_CORENESS];
	double best = NAN;
	for (size_t i = 0; i < w->net->n; i++)
		if (!isnan(core[i]) && (isnan(best) || core[i] > best))
			best = core[i];
	V(w, CM__NM_MAX_CORENESS) = best;
	return 0;
}

static int add_reached(void *arg, igraph_integer_t first, int b, const cm__msbfs_totals *t)
{
	double *out = arg;
	(void)first;
	for (int j = 0; j < b; j++)
		*out += t->reached[j];
	return 0;
}

/* Vertices reached from each source (itself excluded), summed: searches
 * along the ties' direction, 64 sources at a time. */
static int reach_sum(double *out, cm_ctx *ctx, const igraph_t *g, const igraph_vector_int_t *src)
{
	igraph_integer_t k = src ? igraph_vector_int_size(src) : igraph_vcount(g);
	*out = 0;
	return cm__msbfs_totals_each(ctx, g, IGRAPH_OUT, src, NULL, k, add_reached, out);
}

/* Ordered pairs (i, j), i != j, with a path i -> j: counted, or estimated as
 * n / k times the count from k sampled sources (searched already when sweep
 * holds them). */
static int reachable_pairs(double *out, cm_ctx *ctx, const igraph_t *g, size_t k,
                           unsigned long seed, const cm__sweep *sweep)
{
	igraph_vector_int_t src;
	double sum = 0;
	if (k && cm__sweep_matches(sweep, g, k, seed)) {
		for (size_t i = 0; i < k; i++)
			sum += sweep->reached[i];
		*out = sum * (double)igraph_vcount(g) / (double)k;
		return 0;
	}
	int rc = k ? cm__sample_vertices(&src, ctx, igraph_vcount(g), k, seed) : 0;
	if (rc)
		return rc;
	rc = reach_sum(&sum, ctx, g, k ? &src : NULL);
	*out = k ? sum * (double)igraph_vcount(g) / (double)k : sum;
	if (k)
		igraph_vector_int_destroy(&src);
	return rc;
}

/* Krackhardt (1994): 1 - (symmetrically reachable pairs) / (pairs with a
 * path in at least one direction), unordered pairs of the reachability
 * graph. Mutually reachable pairs are those inside one strong component. */
int cm__krackhardt_hierarchy(double *out, cm_ctx *ctx, const igraph_t *g, size_t k,
                             unsigned long seed, const cm__sweep *sweep)
{
	igraph_vector_int_t csize;
	double sym = 0, ordered = 0;
	*out = NAN;
	if (igraph_vector_int_init(&csize, 0))
		return cm__oom(ctx);
	igraph_error_t err = igraph_connected_components(g, NULL, &csize, NULL, IGRAPH_STRONG);
	for (igraph_integer_t c = 0; !err && c < igraph_vector_int_size(&csize); c++)
		sym += (double)VECTOR(csize)[c] * (double)(VECTOR(csize)[c] - 1) / 2;
	igraph_vector_int_destroy(&csize);
	if (err)
		return cm__igraph_error(ctx, err);
	int rc = reachable_pairs(&ordered, ctx, g, k, seed, sweep);
	/* ordered = 2 sym + asymmetric; unordered reachable pairs = ordered - sym */
	if (rc == 0 && ordered - sym > 0)
		*out = 1 - sym / (ordered - sym);
	return rc;
}

static int hierarchy(cm__mwork *w)
{
	if (!w->l->directed)
		return 0;
	cm__path_opts po = cm__mwork_path_opts(w, 0);
	size_t k = cm__sample_size(&w->l->graph, &po);
	w->out->hierarchy.sources = k;
	return cm__krackhardt_hierarchy(&V(w, CM__NM_HIERARCHY), w->ctx, &w->l->graph, k,
	                                w->opts->seed, &w->sweep);
}

/* Freeman's centralization: sum of (max - score) over its largest possible
 * value for a graph of this size; NaN where that maximum is 0. */
static double freeman(const igraph_vector_t *scores, double tmax)
{
	if (!(tmax > 0) || igraph_vector_size(scores) == 0)
		return NAN;
	return igraph_centralization(scores, tmax, 1);
}

static int degree_centralization(cm__mwork *w)
{
	igraph_integer_t n = igraph_vcount(w->u);
	igraph_vector_t dummy;
	double c, tmax;
	if (n < 3)
		return 0;
	if (igraph_vector_init(&dummy, 0))
		return cm__oom(w->ctx);
	igraph_error_t err =
	    igraph_centralization_degree(w->u, &dummy, IGRAPH_ALL, 0, &c, &tmax, 1);
	V(w, CM__NM_C_DEGREE) = c;
	for (int k = 0; !err && w->l->directed && k < 2; k++) {
		err = igraph_centralization_degree(&w->l->graph, &dummy, k ? IGRAPH_OUT : IGRAPH_IN,
		                                   0, &c, &tmax, 1);
		V(w, k ? CM__NM_C_OUT_DEGREE : CM__NM_C_IN_DEGREE) = c;
	}
	igraph_vector_destroy(&dummy);
	return err ? cm__igraph_error(w->ctx, err) : 0;
}

static int connected(cm__mwork *w, igraph_bool_t *out)
{
	CM__IG(w->ctx, igraph_is_connected(w->u, out, IGRAPH_WEAK));
	return 0;
}

/* Betweenness, closeness and eigenvector centralization from the actor
 * scores; closeness only on a connected layer, where Freeman defined it. */
static int score_centralization(cm__mwork *w)
{
	igraph_integer_t n = igraph_vcount(w->u);
	igraph_bool_t conn = 0;
	double tmax;
	if (n < 3)
		return 0;
	CM__IG(w->ctx, igraph_centralization_betweenness_tmax(NULL, n, w->l->directed, &tmax));
	V(w, CM__NM_C_BETWEENNESS) = freeman(&w->betweenness, tmax);
	int rc = connected(w, &conn);
	if (rc)
		return rc;
	CM__IG(w->ctx, igraph_centralization_closeness_tmax(NULL, n, IGRAPH_ALL, &tmax));
	if (conn)
		V(w, CM__NM_C_CLOSENESS) = freeman(&w->closeness, tmax);
	CM__IG(w->ctx, igraph_centralization_eigenvector_centrality_tmax(NULL, n, 0, 1, &tmax));
	V(w, CM__NM_C_EIGENVECTOR) = freeman(&w->eigenvector, tmax);
	return 0;
}

int cm__metrics_network(cm__mwork *w)
{
	int (*const steps[])(cm__mwork *) = {sizes,
	                                     reciprocity,
	                                     clustering,
	                                     directed_transitivity,
	                                     paths,
	                                     max_coreness,
	                                     hierarchy,
	                                     degree_centralization,
	                                     score_centralization};
	for (size_t i = 0; i < CM__ARRAY_LEN(steps); i++) {
		int rc = steps[i](w);
		if (rc)
			return rc;
	}
	return 0;
}
