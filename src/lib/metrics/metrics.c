/* SPDX-License-Identifier: MIT */
/* cm_metrics: every measure of every layer (docs/metrics.md). This file
 * prepares each layer (undirected view, edge lengths, groups), runs the
 * actor-, network- and group-level measures, and answers the accessors. */
#include "metrics_work.h"
#include "core/workers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const cm__network_names[CM__NM_COUNT + 1] = {"nodes",
                                                         "edges",
                                                         "density",
                                                         "components",
                                                         "largest_component_share",
                                                         "isolates",
                                                         "reciprocity",
                                                         "dyad_reciprocity",
                                                         "transitivity",
                                                         "transitivity_directed",
                                                         "average_clustering",
                                                         "assortativity",
                                                         "diameter",
                                                         "average_path_length",
                                                         "max_coreness",
                                                         "hierarchy",
                                                         "centralization.degree",
                                                         "centralization.in_degree",
                                                         "centralization.out_degree",
                                                         "centralization.betweenness",
                                                         "centralization.closeness",
                                                         "centralization.eigenvector",
                                                         NULL};

const char *const cm__actor_names[CM__AM_COUNT + 1] = {
    "degree",           "in_degree",      "out_degree",     "strength",    "betweenness",
    "betweenness_norm", "closeness",      "harmonic",       "eigenvector", "pagerank",
    "coreness",         "constraint",     "effective_size", "coordinator", "itinerant",
    "gatekeeper",       "representative", "liaison",        "community",   NULL};

const char *const *cm_metrics_network_names(void)
{
	return cm__network_names;
}

const char *const *cm_metrics_actor_names(void)
{
	return cm__actor_names;
}

int cm_metrics_opts_init(cm_metrics_opts *opts, unsigned int version)
{
	static const cm_metrics_opts defaults = CM_METRICS_OPTS_INIT;
	if (version != CM_METRICS_OPTS_VERSION)
		return CM_EINVAL;
	*opts = defaults;
	return 0;
}

/* ------------------------------------------------------------ preparation */

typedef struct pair {
	igraph_integer_t a, b;
	double w;
} pair;

static int cmp_pair(const void *x, const void *y)
{
	const pair *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

static size_t merge_pairs(pair *p, size_t k)
{
	size_t out = 0;
	if (k == 0)
		return 0;
	qsort(p, k, sizeof(*p), cmp_pair);
	for (size_t i = 1; i < k; i++) {
		if (p[i].a == p[out].a && p[i].b == p[out].b)
			p[out].w += p[i].w;
		else
			p[++out] = p[i];
	}
	return out + 1;
}

static int create_undirected(cm__mwork *w, const pair *p, size_t k)
{
	igraph_vector_int_t ends;
	if (igraph_vector_int_init(&ends, (igraph_integer_t)(2 * k)))
		return cm__oom(w->ctx);
	if (igraph_vector_init(&w->und_w, (igraph_integer_t)k)) {
		igraph_vector_int_destroy(&ends);
		return cm__oom(w->ctx);
	}
	for (size_t i = 0; i < k; i++) {
		VECTOR(ends)[2 * i] = p[i].a;
		VECTOR(ends)[2 * i + 1] = p[i].b;
		VECTOR(w->und_w)[i] = p[i].w;
	}
	igraph_error_t err = igraph_create(&w->und, &ends, igraph_vcount(&w->l->graph), 0);
	igraph_vector_int_destroy(&ends);
	if (err) {
		igraph_vector_destroy(&w->und_w);
		return cm__igraph_error(w->ctx, err);
	}
	w->own_und = 1;
	return 0;
}

/* The undirected simple view: a mutual pair of arcs becomes one tie whose
 * weight is the sum of both. */
static int undirected_view(cm__mwork *w)
{
	const igraph_t *g = &w->l->graph;
	w->u = g;
	w->uw = &w->l->weight;
	if (!w->l->directed)
		return 0;
	size_t m = (size_t)igraph_ecount(g);
	pair *p = cm__malloc((m + 1) * sizeof(*p));
	if (!p)
		return cm__oom(w->ctx);
	for (size_t e = 0; e < m; e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		p[e] = (pair){a < b ? a : b, a < b ? b : a, VECTOR(w->l->weight)[e]};
	}
	int rc = create_undirected(w, p, merge_pairs(p, m));
	cm__free(p);
	if (rc == 0) {
		w->u = &w->und;
		w->uw = &w->und_w;
	}
	return rc;
}

static int inverse(igraph_vector_t *out, cm_ctx *ctx, const igraph_vector_t *weight,
                   const char *layer)
{
	if (igraph_vector_init(out, igraph_vector_size(weight)))
		return cm__oom(ctx);
	for (igraph_integer_t e = 0; e < igraph_vector_size(weight); e++) {
		double x = VECTOR(*weight)[e];
		if (!(x > 0) || !isfinite(x)) {
			igraph_vector_destroy(out);
			return cm__error(
			    ctx, CM_EINVAL,
			    "error: layer '%s' has a tie of weight %g; --weighted needs "
			    "positive weights (path lengths are 1/weight)",
			    layer, x);
		}
		VECTOR(*out)[e] = 1 / x;
	}
	return 0;
}

/* Path measures read a strong tie as a short one: length = 1/weight. */
static int distances(cm__mwork *w)
{
	if (!w->opts->weighted)
		return 0;
	int rc = inverse(&w->dist, w->ctx, &w->l->weight, w->l->name);
	if (rc)
		return rc;
	if ((rc = inverse(&w->udist, w->ctx, w->uw, w->l->name))) {
		igraph_vector_destroy(&w->dist);
		return rc;
	}
	w->has_dist = 1;
	return 0;
}

static void work_free(cm__mwork *w)
{
	if (w->own_und) {
		igraph_destroy(&w->und);
		igraph_vector_destroy(&w->und_w);
	}
	if (w->has_dist) {
		igraph_vector_destroy(&w->dist);
		igraph_vector_destroy(&w->udist);
	}
	cm__free(w->hops.ecc);
	cm__sweep_free(&w->sweep);
	if (w->has_comp)
		cm__components_free(&w->comp);
	igraph_vector_destroy(&w->betweenness);
	igraph_vector_destroy(&w->closeness);
	igraph_vector_destroy(&w->eigenvector);
	cm__free(w->group);
}

/* Groups of the layer's vertices from the network's node groups. */
static int vertex_groups(cm__mwork *w, const int *node_group)
{
	igraph_integer_t n = igraph_vcount(&w->l->graph);
	if (!node_group)
		return 0;
	if (!(w->group = cm__malloc(((size_t)n + 1) * sizeof(int))))
		return cm__oom(w->ctx);
	for (igraph_integer_t v = 0; v < n; v++)
		w->group[v] = node_group[VECTOR(w->l->node)[v]];
	return 0;
}

static int work_init(cm__mwork *w, const int *node_group)
{
	if (igraph_vector_init(&w->betweenness, 0) || igraph_vector_init(&w->closeness, 0) ||
	    igraph_vector_init(&w->eigenvector, 0))
		return cm__oom(w->ctx);
	int rc = undirected_view(w);
	if (rc == 0)
		rc = distances(w);
	if (rc == 0)
		rc = vertex_groups(w, node_group);
	return rc;
}

/* ------------------------------------------------------------ group level */

/* Monte Carlo repetitions within a work budget on large layers (docs/metrics.md,
 * "Large layers"): each repetition costs about n + m steps. Small layers, and
 * --exact, get what was asked for. */
#define PERMUTATION_WORK 1e8
#define PERMUTATION_MIN  99
#define RESTART_WORK     2e7
#define RESTART_MIN      4

static unsigned long within_budget(const cm__mwork *w, unsigned long asked, double budget,
                                   unsigned long least)
{
	const igraph_t *g = &w->l->graph;
	double size = (double)igraph_vcount(g) + (double)igraph_ecount(g);
	if (w->opts->exact || size * (double)asked <= budget)
		return asked;
	double k = floor(budget / size);
	return k < (double)least ? (least < asked ? least : asked) : (unsigned long)k;
}

static int ei_index(cm__mwork *w)
{
	cm__ei ei;
	if (!w->group)
		return 0;
	unsigned long perms =
	    within_budget(w, w->opts->permutations, PERMUTATION_WORK, PERMUTATION_MIN);
	int rc = cm__ei_index(&ei, w->ctx, &w->l->graph, w->group, perms, w->opts->seed);
	if (rc)
		return rc;
	w->out->ei = (cm__mlayer_ei){.present = 1,
	                             .external = ei.external,
	                             .internal = ei.internal,
	                             .ei = ei.ei,
	                             .min = ei.min,
	                             .max = ei.max,
	                             .expected = ei.expected,
	                             .p_value = ei.p_value,
	                             .p_lower = ei.p_lower,
	                             .p_upper = ei.p_upper,
	                             .permutations = ei.permutations};
	return 0;
}

static int core_periphery(cm__mwork *w)
{
	cm__core_periphery cp;
	int restarts = (int)within_budget(w, CM__CP_RESTARTS, RESTART_WORK, RESTART_MIN);
	int rc = cm__core_periphery_search(&cp, w->ctx, &w->l->graph, w->opts->seed,
	                                   CM__CP_EXHAUSTIVE_MAX, restarts);
	if (rc)
		return rc;
	cm__mlayer_cp *o = &w->out->cp;
	o->core = cm__malloc((cp.core_size + 1) * sizeof(size_t));
	if (!o->core) {
		cm__core_periphery_free(&cp);
		return cm__oom(w->ctx);
	}
	for (igraph_integer_t v = 0; v < igraph_vcount(&w->l->graph); v++)
		if (cp.core[v])
			o->core[o->core_size++] = (size_t)VECTOR(w->l->node)[v];
	o->fit = cp.fit;
	o->exact = cp.exact;
	o->starts = cp.exact ? 0 : (unsigned long)restarts;
	o->starts_asked = cp.exact ? 0 : CM__CP_RESTARTS;
	memcpy(o->density, cp.density, sizeof(o->density));
	o->present = 1;
	cm__core_periphery_free(&cp);
	return 0;
}

/* ------------------------------------------------------------ one layer */

static int alloc_layer(cm__mlayer *out, cm_ctx *ctx, size_t n)
{
	double *block =
	    out->shared ? out->actor[0] : cm__malloc((CM__AM_COUNT * n + 1) * sizeof(double));
	if (!block)
		return cm__oom(ctx);
	for (size_t i = 0; i < CM__AM_COUNT * n; i++)
		block[i] = NAN;
	for (int k = 0; k < CM__AM_COUNT; k++)
		out->actor[k] = block + (size_t)k * n;
	for (int k = 0; k < CM__NM_COUNT; k++)
		out->value[k] = NAN;
	out->betweenness.std_error = out->closeness.std_error = NAN;
	out->paths.std_error = out->hierarchy.std_error = NAN;
	return 0;
}

typedef struct plan {
	const cm_network *net;
	const cm_metrics_opts *opts;
	const int *node_group;
	size_t cp_layer; /* the layer that gets core/periphery */
} plan;

/* A layer is measured whole, or in two parts that can run side by side:
 * its communities and core/periphery, and everything else. */
enum { PART_WHOLE, PART_MAIN, PART_SIDE };

static int measure_part(cm__mwork *w, const plan *p, size_t layer, int part)
{
	int rc = 0;
	if (part != PART_SIDE) {
		rc = cm__metrics_actors(w);
		if (rc == 0)
			rc = cm__metrics_network(w);
		if (rc == 0)
			rc = ei_index(w);
	}
	if (rc == 0 && part != PART_MAIN)
		rc = cm__metrics_community(w);
	if (rc == 0 && part != PART_MAIN && layer == p->cp_layer)
		rc = core_periphery(w);
	return rc;
}

static int measure_layer(cm__mlayer *out, cm_ctx *ctx, const plan *p, size_t layer, int part)
{
	cm__layer l;
	cm__layer_opts lo = {.inside_only = p->opts->inside_only};
	int rc = alloc_layer(out, ctx, p->net->n);
	if (rc || (rc = cm__layer_build(&l, ctx, p->net, layer, &lo)))
		return rc;
	out->name = l.name;
	out->directed = l.directed;
	cm__mwork w = {.ctx = ctx, .net = p->net, .opts = p->opts, .l = &l, .out = out};
	/* igraph draws on its generator where we do not seed it (the start
	 * vector of eigenvector centrality): seeded per layer, a layer's values
	 * do not depend on the layers measured before it, in this process or
	 * in a worker. */
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)p->opts->seed);
	rc = work_init(&w, p->node_group);
	if (rc == 0)
		rc = measure_part(&w, p, layer, part);
	work_free(&w);
	cm__layer_free(&l);
	return rc;
}

/* ------------------------------------------------------------ groups */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Group number of each network node by the attribute's value (sorted value
 * order, so numbering does not depend on node order); -1 when missing. */
static int node_groups(int **out, cm_ctx *ctx, const cm_network *net, const char *attr)
{
	size_t n = net->n, k = 0;
	const char **vals = cm__malloc((n + 1) * sizeof(*vals));
	int *g = cm__malloc((n + 1) * sizeof(*g));
	if (!vals || !g) {
		cm__free(vals);
		cm__free(g);
		return cm__oom(ctx);
	}
	for (size_t i = 0; i < n; i++)
		if ((vals[k] = cm__node_attr(net, i, attr)))
			k++;
	qsort(vals, k, sizeof(*vals), cmp_str);
	size_t distinct = 0;
	for (size_t i = 0; i < k; i++)
		if (distinct == 0 || strcmp(vals[distinct - 1], vals[i]))
			vals[distinct++] = vals[i];
	for (size_t i = 0; i < n; i++) {
		const char *v = cm__node_attr(net, i, attr), **hit;
		hit = v ? bsearch(&v, vals, distinct, sizeof(*vals), cmp_str) : NULL;
		g[i] = hit ? (int)(hit - vals) : -1;
	}
	cm__free(vals);
	*out = g;
	if (n && k == 0)
		return cm__error(ctx, CM_ENOTFOUND,
		                 "error: no actor has the attribute '%s'; choose another with "
		                 "--groups (e.g. location, kind, size, ownership, sector)",
		                 attr);
	return 0;
}

/* ------------------------------------------------------------ entry */

static int select_layers(size_t **out, size_t *count, cm_ctx *ctx, const cm_network *net,
                         const char *name)
{
	size_t one;
	*count = name ? 1 : net->nlayers + 1;
	if (!(*out = cm__malloc(*count * sizeof(size_t))))
		return cm__oom(ctx);
	if (!name) {
		for (size_t k = 0; k < net->nlayers; k++)
			(*out)[k] = k;
		(*out)[net->nlayers] = CM__LAYER_ALL;
	} else if (!strcmp(name, "all")) {
		(*out)[0] = CM__LAYER_ALL;
	} else if (cm_network_find_layer(&one, net, name) == 0) {
		(*out)[0] = one;
	} else {
		char list[512] = "";
		for (size_t k = 0; k < net->nlayers && strlen(list) < 400; k++)
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s, ",
			         net->layers[k]);
		return cm__error(ctx, CM_ENOTFOUND, "error: no layer '%s' in %s; layers: %sall",
		                 name, net->source && net->source[0] ? net->source : "the network",
		                 list);
	}
	return 0;
}

/* Below this much work (vertices + ties, summed over the layers) the
 * layers take well under a second together and are measured here; above
 * it, in one worker process per free core (docs/performance.md). */
#define LAYER_PARALLEL_WORK 1e5

/* From this cost up, the costliest layer is measured in two parts when
 * there are workers: its communities and core/periphery (about half its
 * time) beside the rest, each part building the layer for itself. */
#define LAYER_SPLIT_WORK 1e6

/* Tasks 0 .. nlayers - 1 are the layers (the split one without its side
 * part), task nlayers the split layer's side part. */
typedef struct layer_job {
	const plan *p;
	const size_t *which;
	size_t nlayers, split; /* split: the split layer's position, or nlayers */
} layer_job;

static int measure_kth(cm__mlayer *out, cm_ctx *ctx, void *arg, size_t k)
{
	const layer_job *job = arg;
	if (k >= job->nlayers)
		return measure_layer(out, ctx, job->p, job->which[job->split], PART_SIDE);
	return measure_layer(out, ctx, job->p, job->which[k],
	                     k == job->split ? PART_MAIN : PART_WHOLE);
}

/* A layer's vertices and ties, as the cost of measuring it. */
static double layer_cost(const cm_network *net, size_t layer)
{
	double ties = 0;
	for (size_t e = 0; e < net->m; e++)
		ties += layer == CM__LAYER_ALL || net->edges[e].layer == layer;
	return (double)net->n + ties;
}

static int layer_workers(const cm_ctx *ctx, const double *cost, size_t count)
{
	double total = 0;
	for (size_t k = 0; k < count; k++)
		total += cost[k];
	long w = cm__jobs_for(ctx, total >= LAYER_PARALLEL_WORK);
	return w > (long)count ? (int)count : (int)w;
}

/* The costliest layer, when it is worth splitting; else count. */
static size_t split_layer(const cm_ctx *ctx, const double *cost, size_t count)
{
	size_t big = 0;
	double from = ctx->split_work > 0 ? ctx->split_work : LAYER_SPLIT_WORK;
	for (size_t k = 1; k < count; k++)
		big = cost[k] > cost[big] ? k : big;
	return count > 0 && cost[big] >= from ? big : count;
}

/* The side part's communities and core/periphery into the main part. */
static void merge_side(cm__mlayer *main, cm__mlayer *side, size_t n)
{
	memcpy(main->actor[CM__AM_COMMUNITY], side->actor[CM__AM_COMMUNITY], n * sizeof(double));
	main->cp = side->cp;
	if (!side->shared)
		cm__free(side->actor[0]);
	memset(side, 0, sizeof(*side));
}

static int fork_layers(cm_metrics *m, cm_ctx *ctx, layer_job *job, double *cost, int workers)
{
	size_t count = m->nlayers;
	if (job->split < count)
		m->nlayers++; /* until merged, so that a failure frees the side part too */
	int rc = cm__metrics_fork(m, ctx, cost, workers, measure_kth, job);
	if (rc == 0 && job->split < count) {
		merge_side(&m->layers[job->split], &m->layers[count], m->net->n);
		m->nlayers = count;
	}
	return rc;
}

static int compute_layers(cm_metrics *m, cm_ctx *ctx, const plan *p, const size_t *which)
{
	cm__igraph_scope scope;
	size_t count = m->nlayers;
	layer_job job = {p, which, count, count};
	double *cost = cm__malloc((count + 2) * sizeof(double));
	if (!cost)
		return cm__oom(ctx);
	for (size_t k = 0; k < count; k++)
		cost[k] = layer_cost(p->net, which[k]);
	size_t split = split_layer(ctx, cost, count);
	cost[count] = split < count ? cost[split] : 0;
	int workers = layer_workers(ctx, cost, count + (split < count));
	int rc = cm__igraph_enter(&scope, ctx);
	if (rc == 0 && workers > 1) {
		job.split = split;
		rc = fork_layers(m, ctx, &job, cost, workers);
	}
	for (size_t k = 0; rc == 0 && workers <= 1 && k < count; k++)
		rc = measure_kth(&m->layers[k], ctx, &job, k);
	cm__igraph_leave(&scope);
	cm__free(cost);
	return rc;
}

static int metrics_new(cm_metrics **out, cm_ctx *ctx, const cm_network *net,
                       const cm_metrics_opts *o, size_t nlayers)
{
	cm_metrics *m = cm__calloc(1, sizeof(*m));
	/* one more entry: the side part of a layer measured in two parts */
	if (!m || !(m->layers = cm__calloc(nlayers + 1, sizeof(*m->layers))) ||
	    !(m->groups = cm__strdup(o->groups ? o->groups : "location"))) {
		cm_metrics_free(m);
		return cm__oom(ctx);
	}
	m->net = net;
	m->nlayers = nlayers;
	m->weighted = o->weighted;
	m->inside_only = o->inside_only;
	m->seed = o->seed;
	*out = m;
	return 0;
}

int cm_metrics_compute(cm_metrics **out, cm_ctx *ctx, const cm_network *net,
                       const cm_metrics_opts *opts)
{
	static const cm_metrics_opts defaults = CM_METRICS_OPTS_INIT;
	size_t *which = NULL, count = 0;
	int *groups = NULL;
	cm_metrics *m = NULL;
	*out = NULL;
	if (!opts)
		opts = &defaults;
	if (cm__check_version(ctx, "cm_metrics_opts", opts->version, CM_METRICS_OPTS_VERSION))
		return CM_EINVAL;
	int rc = select_layers(&which, &count, ctx, net, opts->layer);
	if (rc == 0)
		rc = node_groups(&groups, ctx, net, opts->groups ? opts->groups : "location");
	if (rc == 0)
		rc = metrics_new(&m, ctx, net, opts, count);
	if (rc == 0) {
		plan p = {net, opts, groups, opts->layer ? which[0] : CM__LAYER_ALL};
		rc = compute_layers(m, ctx, &p, which);
	}
	cm__free(which);
	cm__free(groups);
	if (rc)
		cm_metrics_free(m);
	else
		*out = m;
	return rc;
}

void cm_metrics_free(cm_metrics *m)
{
	if (!m)
		return;
	for (size_t k = 0; m->layers && k < m->nlayers; k++) {
		if (!m->layers[k].shared)
			cm__free(m->layers[k].actor[0]);
		cm__free(m->layers[k].cp.core);
	}
	cm__free_shared(m->shared, m->shared_size);
	cm__free(m->layers);
	cm__free(m->groups);
	cm__free(m);
}

/* ------------------------------------------------------------ accessors */

size_t cm_metrics_layer_count(const cm_metrics *m)
{
	return m->nlayers;
}

int cm_metrics_layer_name(const char **out, cm_ctx *ctx, const cm_metrics *m, size_t layer)
{
	int rc = cm__check_index(ctx, "layer", layer, m->nlayers);
	if (!rc)
		*out = m->layers[layer].name;
	return rc;
}

int cm_metrics_layer_directed(bool *out, cm_ctx *ctx, const cm_metrics *m, size_t layer)
{
	int rc = cm__check_index(ctx, "layer", layer, m->nlayers);
	if (!rc)
		*out = m->layers[layer].directed != 0;
	return rc;
}

int cm_metrics_find_layer(size_t *out, const cm_metrics *m, const char *name)
{
	for (size_t k = 0; k < m->nlayers; k++)
		if (!strcmp(m->layers[k].name, name)) {
			*out = k;
			return 0;
		}
	const char *canon = cm__relation_canonical(name);
	for (size_t k = 0; canon && k < m->nlayers; k++)
		if (!strcmp(m->layers[k].name, canon)) {
			*out = k;
			return 0;
		}
	return CM_ENOTFOUND;
}

/* Group-level values by their JSON path. */
static int group_value(double *out, const cm__mlayer *l, const char *name)
{
	static const char *const ei[] = {"ei.external", "ei.internal", "ei.index",
	                                 "ei.min",      "ei.max",      "ei.expected",
	                                 "ei.p_value",  "ei.p_lower",  "ei.p_upper"};
	const double eiv[] = {l->ei.external, l->ei.internal, l->ei.ei,
	                      l->ei.min,      l->ei.max,      l->ei.expected,
	                      l->ei.p_value,  l->ei.p_lower,  l->ei.p_upper};
	for (size_t k = 0; k < CM__ARRAY_LEN(ei); k++)
		if (!strcmp(name, ei[k])) {
			*out = l->ei.present ? eiv[k] : NAN;
			return 0;
		}
	if (!strcmp(name, "core_periphery.fit")) {
		*out = l->cp.present ? l->cp.fit : NAN;
		return 0;
	}
	if (!strcmp(name, "core_periphery.core_size")) {
		*out = l->cp.present ? (double)l->cp.core_size : NAN;
		return 0;
	}
	return CM_ENOTFOUND;
}

int cm_metrics_network_value(double *out, cm_ctx *ctx, const cm_metrics *m, size_t layer,
                             const char *name)
{
	int rc = cm__check_index(ctx, "layer", layer, m->nlayers);
	if (rc)
		return rc;
	for (int k = 0; k < CM__NM_COUNT; k++)
		if (!strcmp(name, cm__network_names[k])) {
			*out = m->layers[layer].value[k];
			return 0;
		}
	if (group_value(out, &m->layers[layer], name))
		return cm__error(ctx, CM_ENOTFOUND, "error: no network measure '%s'", name);
	return 0;
}

int cm_metrics_actor_values(const double **out, cm_ctx *ctx, const cm_metrics *m, size_t layer,
                            const char *name)
{
	int rc = cm__check_index(ctx, "layer", layer, m->nlayers);
	if (rc)
		return rc;
	for (int k = 0; k < CM__AM_COUNT; k++)
		if (!strcmp(name, cm__actor_names[k])) {
			*out = m->layers[layer].actor[k];
			return 0;
		}
	return cm__error(ctx, CM_ENOTFOUND, "error: no actor measure '%s'", name);
}
