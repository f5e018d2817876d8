/* SPDX-License-Identifier: MIT */
/* Actor-level measures of one layer (docs/metrics.md, "Actor-level"). */
#include "metrics_work.h"

#include "graph/eigenvector.h"

#include <math.h>
#include <string.h>

const igraph_vector_t *cm__mwork_weights(const cm__mwork *w, int undirected)
{
	if (!w->opts->weighted)
		return NULL;
	return undirected ? w->uw : &w->l->weight;
}

int cm__mwork_components(cm__mwork *w, const cm__components **out)
{
	if (!w->has_comp) {
		int rc = cm__components_init(&w->comp, w->ctx, w->u);
		w->has_comp = 1; /* freed with the work, whatever happened */
		if (rc)
			return rc;
	}
	*out = &w->comp;
	return 0;
}

void cm__mwork_scatter(cm__mwork *w, int measure, const igraph_vector_t *v)
{
	double *col = w->out->actor[measure];
	/* + 0.0 turns igraph's -0 (eigenvector signs) into 0 for the reports */
	for (igraph_integer_t i = 0; i < igraph_vector_size(v); i++)
		col[VECTOR(w->l->node)[i]] = VECTOR(*v)[i] + 0.0;
}

void cm__mwork_scatter_int(cm__mwork *w, int measure, const igraph_vector_int_t *v)
{
	double *col = w->out->actor[measure];
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(v); i++)
		col[VECTOR(w->l->node)[i]] = (double)VECTOR(*v)[i];
}

static int degrees(cm__mwork *w)
{
	igraph_vector_int_t d;
	igraph_vector_t s;
	const igraph_t *g = &w->l->graph;
	int rc = 0;
	if (igraph_vector_int_init(&d, 0))
		return cm__oom(w->ctx);
	if (igraph_vector_init(&s, 0)) {
		igraph_vector_int_destroy(&d);
		return cm__oom(w->ctx);
	}
	static const igraph_neimode_t modes[] = {IGRAPH_ALL, IGRAPH_IN, IGRAPH_OUT};
	for (int k = 0; k < (w->l->directed ? 3 : 1) && rc == 0; k++) {
		igraph_error_t err = igraph_degree(g, &d, igraph_vss_all(), modes[k], 0);
		if (err)
			rc = cm__igraph_error(w->ctx, err);
		else
			cm__mwork_scatter_int(w, CM__AM_DEGREE + k, &d);
	}
	/* Strength is the weighted degree whatever --weighted says. */
	igraph_error_t err =
	    rc ? IGRAPH_SUCCESS
	       : igraph_strength(g, &s, igraph_vss_all(), IGRAPH_ALL, 0, &w->l->weight);
	if (err)
		rc = cm__igraph_error(w->ctx, err);
	else if (rc == 0)
		cm__mwork_scatter(w, CM__AM_STRENGTH, &s);
	igraph_vector_int_destroy(&d);
	igraph_vector_destroy(&s);
	return rc;
}

cm__path_opts cm__mwork_path_opts(const cm__mwork *w, int undirected)
{
	cm__path_opts po = {
	    .approx = w->opts->approx, .exact = w->opts->exact, .seed = w->opts->seed};
	if (w->has_dist)
		po.distance = undirected ? &w->udist : &w->dist;
	return po;
}

/* Raw betweenness over its maximum for one vertex: (n-1)(n-2), halved when
 * undirected (Freeman 1977). */
static int betweenness(cm__mwork *w)
{
	cm__sampling info;
	cm__path_opts po = cm__mwork_path_opts(w, 0);
	int rc =
	    cm__betweenness_sweep(&w->betweenness, &info, &w->sweep, w->ctx, &w->l->graph, &po);
	if (rc)
		return rc;
	w->out->betweenness = (cm__mlayer_sampling){info.sources, info.std_error};
	cm__mwork_scatter(w, CM__AM_BETWEENNESS, &w->betweenness);
	double n = (double)igraph_vcount(&w->l->graph);
	double max = (n - 1) * (n - 2) / (w->l->directed ? 1 : 2);
	double *norm = w->out->actor[CM__AM_BETWEENNESS_NORM];
	for (igraph_integer_t i = 0; i < igraph_vector_size(&w->betweenness); i++)
		norm[VECTOR(w->l->node)[i]] = max > 0 ? VECTOR(w->betweenness)[i] / max : NAN;
	return 0;
}

static int closeness(cm__mwork *w)
{
	cm__sampling info;
	igraph_vector_t harmonic;
	cm__path_opts po = cm__mwork_path_opts(w, 1);
	size_t n = (size_t)igraph_vcount(w->u);
	/* ecc and sum share one block, freed with the work */
	w->hops.ecc = cm__malloc((2 * n + 1) * sizeof(double));
	if (!w->hops.ecc || igraph_vector_init(&harmonic, 0))
		return cm__oom(w->ctx);
	w->hops.sum = w->hops.ecc + n;
	int rc = cm__closeness_hops(&w->closeness, &harmonic, &info, &w->hops, w->ctx, w->u, &po);
	w->has_hops = rc == 0 && info.sources == 0 && !po.distance;
	if (rc == 0) {
		w->out->closeness = (cm__mlayer_sampling){info.sources, info.std_error};
		cm__mwork_scatter(w, CM__AM_CLOSENESS, &w->closeness);
		/* Harmonic centrality needs another actor to be reached or not. */
		if (igraph_vcount(w->u) > 1)
			cm__mwork_scatter(w, CM__AM_HARMONIC, &harmonic);
	}
	igraph_vector_destroy(&harmonic);
	return rc;
}

/* Eigenvector centrality of the undirected view, scaled to a maximum of 1;
 * undefined without ties. Computed on the component that carries it. */
static int eigenvector(cm__mwork *w)
{
	if (igraph_ecount(w->u) == 0)
		return igraph_vector_resize(&w->eigenvector, 0) ? cm__oom(w->ctx) : 0;
	const cm__components *comp;
	int rc = cm__mwork_components(w, &comp);
	if (!rc)
		rc = cm__eigenvector_centrality(&w->eigenvector, w->ctx, w->u,
		                                cm__mwork_weights(w, 1), comp);
	if (rc == 0)
		cm__mwork_scatter(w, CM__AM_EIGENVECTOR, &w->eigenvector);
	return rc;
}

static int pagerank(cm__mwork *w)
{
	igraph_vector_t pr;
	if (igraph_vcount(&w->l->graph) == 0)
		return 0;
	if (igraph_vector_init(&pr, 0))
		return cm__oom(w->ctx);
	igraph_error_t err =
	    igraph_pagerank(&w->l->graph, IGRAPH_PAGERANK_ALGO_PRPACK, &pr, NULL, igraph_vss_all(),
	                    w->l->directed, 0.85, cm__mwork_weights(w, 0), NULL);
	if (err == IGRAPH_SUCCESS)
		cm__mwork_scatter(w, CM__AM_PAGERANK, &pr);
	igraph_vector_destroy(&pr);
	return err ? cm__igraph_error(w->ctx, err) : 0;
}

static int coreness(cm__mwork *w)
{
	igraph_vector_int_t core;
	if (igraph_vector_int_init(&core, 0))
		return cm__oom(w->ctx);
	igraph_error_t err = igraph_coreness(w->u, &core, IGRAPH_ALL);
	if (err == IGRAPH_SUCCESS)
		cm__mwork_scatter_int(w, CM__AM_CORENESS, &core);
	igraph_vector_int_destroy(&core);
	return err ? cm__igraph_error(w->ctx, err) : 0;
}

/* Burt's constraint and effective size, on the undirected view. */
static int burt(cm__mwork *w)
{
	igraph_vector_t c, e;
	if (igraph_vector_init(&c, 0))
		return cm__oom(w->ctx);
	if (igraph_vector_init(&e, 0)) {
		igraph_vector_destroy(&c);
		return cm__oom(w->ctx);
	}
	int rc = cm__burt(&c, &e, w->ctx, w->u, cm__mwork_weights(w, 1));
	if (rc == 0) {
		cm__mwork_scatter(w, CM__AM_CONSTRAINT, &c);
		cm__mwork_scatter(w, CM__AM_EFFECTIVE_SIZE, &e);
	}
	igraph_vector_destroy(&c);
	igraph_vector_destroy(&e);
	return rc;
}

/* Gould-Fernandez role counts; directed layers with a grouping only. */
static int brokerage(cm__mwork *w)
{
	igraph_integer_t n = igraph_vcount(&w->l->graph);
	if (!w->l->directed || !w->group)
		return 0;
	cm__brokerage *roles = cm__calloc((size_t)n + 1, sizeof(*roles));
	if (!roles)
		return cm__oom(w->ctx);
	int rc = cm__brokerage_roles(roles, w->ctx, &w->l->graph, w->group);
	for (igraph_integer_t v = 0; rc == 0 && v < n; v++) {
		size_t node = (size_t)VECTOR(w->l->node)[v];
		w->out->actor[CM__AM_COORDINATOR][node] = roles[v].coordinator;
		w->out->actor[CM__AM_ITINERANT][node] = roles[v].itinerant;
		w->out->actor[CM__AM_GATEKEEPER][node] = roles[v].gatekeeper;
		w->out->actor[CM__AM_REPRESENTATIVE][node] = roles[v].representative;
		w->out->actor[CM__AM_LIAISON][node] = roles[v].liaison;
	}
	cm__free(roles);
	return rc;
}

/* Leiden runs with seeds seed, seed + 1, ...: more on small layers, where
 * one run often stops short of the best partition and runs are cheap. */
static int leiden_runs(const igraph_t *g)
{
	double runs = 1e6 / ((double)igraph_ecount(g) + 1);
	return runs >= 10 ? 10 : runs < 1 ? 1 : (int)runs;
}

typedef struct leiden {
	const igraph_t *g;
	const igraph_vector_t *ew;
	igraph_vector_t nw; /* node weights: strengths */
	double resolution;  /* 1 / 2m: modularity as Leiden's quality */
	igraph_vector_int_t membership, best;
	double best_q;
} leiden;

/* igraph 0.10.2 frees a graph's property cache twice when an allocation
 * fails in Leiden's aggregation step (docs/findings.md, #22, which counts the
 * entries): that failure is an igraph_vector_int_reserve() one with exactly
 * LEIDEN_CACHE_DEPTH entries on the finally stack above Leiden's, the top two
 * the cache's. Dropping them leaves the cache to igraph_destroy() alone. Only
 * for the release this was checked against: elsewhere a misplaced drop could
 * leak. */
enum { LEIDEN_CACHE_DEPTH = 20 };

static _Thread_local igraph_error_handler_t *leiden_outer;
static _Thread_local int leiden_base = -1; /* finally stack size at entry; -1: no fix */

static void leiden_on_error(const char *reason, const char *file, int line, igraph_error_t err)
{
	if (leiden_base >= 0 && err == IGRAPH_ENOMEM && reason &&
	    !strcmp(reason, "Cannot reserve space for vector.") &&
	    IGRAPH_FINALLY_STACK_SIZE() - leiden_base == LEIDEN_CACHE_DEPTH)
		IGRAPH_FINALLY_CLEAN(2);
	leiden_outer(reason, file, line, err);
}

static int igraph_0_10_2(void)
{
	int major, minor, patch;
	igraph_version(NULL, &major, &minor, &patch);
	return major == 0 && minor == 10 && patch == 2;
}

/* igraph_community_leiden() with the handler above in front of ours: one
 * iteration from singletons, asked for as 1. igraph 0.10.2's "until
 * convergence" (-1) stops after one too but never ends on an edgeless graph,
 * and a later igraph may iterate as documented (docs/findings.md, #26). */
static igraph_error_t leiden_call(leiden *s)
{
	/* Without edge weights Leiden first pushes two entries of its own. */
	leiden_base = igraph_0_10_2() ? IGRAPH_FINALLY_STACK_SIZE() + (s->ew ? 0 : 2) : -1;
	leiden_outer = igraph_set_error_handler(leiden_on_error);
	igraph_error_t err = igraph_community_leiden(s->g, s->ew, &s->nw, s->resolution, 0.01, 0, 1,
	                                             &s->membership, NULL, NULL);
	igraph_set_error_handler(leiden_outer);
	return err;
}

static igraph_error_t leiden_run(leiden *s, unsigned long seed)
{
	double q;
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
	IGRAPH_CHECK(leiden_call(s));
	IGRAPH_CHECK(igraph_modularity(s->g, &s->membership, s->ew, 1, 0, &q));
	/* NaN (no ties) never beats the first run, which is kept */
	if (igraph_vector_int_size(&s->best) == 0 || q > s->best_q + 1e-12) {
		s->best_q = q;
		IGRAPH_CHECK(igraph_vector_int_update(&s->best, &s->membership));
	}
	return IGRAPH_SUCCESS;
}

static igraph_error_t singletons(igraph_vector_int_t *membership, igraph_integer_t n)
{
	IGRAPH_CHECK(igraph_vector_int_resize(membership, n));
	for (igraph_integer_t i = 0; i < n; i++)
		VECTOR(*membership)[i] = i;
	return IGRAPH_SUCCESS;
}

/* Leiden communities maximising modularity (node weights = strengths,
 * resolution 1/2m), seeded: the same input gives the same partition; the
 * best of a few runs is kept. */
int cm__metrics_community(cm__mwork *w)
{
	leiden s = {.g = w->u, .ew = cm__mwork_weights(w, 1)};
	double total = s.ew ? igraph_vector_sum(s.ew) : (double)igraph_ecount(w->u);
	s.resolution = total > 0 ? 1 / (2 * total) : 1;
	if (igraph_vcount(w->u) == 0)
		return 0;
	if (igraph_vector_init(&s.nw, 0))
		return cm__oom(w->ctx);
	if (igraph_vector_int_init(&s.membership, 0) || igraph_vector_int_init(&s.best, 0)) {
		igraph_vector_destroy(&s.nw);
		igraph_vector_int_destroy(&s.membership);
		return cm__oom(w->ctx);
	}
	igraph_error_t err = igraph_strength(w->u, &s.nw, igraph_vss_all(), IGRAPH_ALL, 0, s.ew);
	/* Without ties every actor is its own community (the resolution 1/2m
	 * has no meaning there). */
	if (err == IGRAPH_SUCCESS && !(total > 0))
		err = singletons(&s.best, igraph_vcount(w->u));
	for (int r = 0; err == IGRAPH_SUCCESS && total > 0 && r < leiden_runs(w->u); r++)
		err = leiden_run(&s, w->opts->seed + (unsigned long)r);
	if (err == IGRAPH_SUCCESS)
		cm__mwork_scatter_int(w, CM__AM_COMMUNITY, &s.best);
	igraph_vector_int_destroy(&s.membership);
	igraph_vector_int_destroy(&s.best);
	igraph_vector_destroy(&s.nw);
	return err ? cm__igraph_error(w->ctx, err) : 0;
}

int cm__metrics_actors(cm__mwork *w)
{
	int (*const steps[])(cm__mwork *) = {degrees,  betweenness, closeness, eigenvector,
	                                     pagerank, coreness,    burt,      brokerage};
	for (size_t i = 0; i < CM__ARRAY_LEN(steps); i++) {
		int rc = steps[i](w);
		if (rc)
			return rc;
	}
	return 0;
}
