/* Actor-level measures of one layer (docs/metrics.md, "Actor-level"). */
#include "metrics_work.h"

#include <math.h>
#include <string.h>

const igraph_vector_t *cm__mwork_weights(const cm__mwork *w, int undirected)
{
	if (!w->opts->weighted)
		return NULL;
	return undirected ? w->uw : &w->l->weight;
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

static cm__path_opts path_opts(const cm__mwork *w, int undirected)
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
	cm__path_opts po = path_opts(w, 0);
	int rc = cm__betweenness(&w->betweenness, &info, w->ctx, &w->l->graph, &po);
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
	cm__path_opts po = path_opts(w, 1);
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
 * undefined without ties. */
static int eigenvector(cm__mwork *w)
{
	igraph_arpack_options_t arpack;
	igraph_arpack_options_init(&arpack);
	if (igraph_ecount(w->u) == 0)
		return igraph_vector_resize(&w->eigenvector, 0) ? cm__oom(w->ctx) : 0;
	CM__IG(w->ctx, igraph_eigenvector_centrality(w->u, &w->eigenvector, NULL, 0, 1,
	                                             cm__mwork_weights(w, 1), &arpack));
	cm__mwork_scatter(w, CM__AM_EIGENVECTOR, &w->eigenvector);
	return 0;
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

/* Burt's constraint (igraph) and effective size, on the undirected view. */
static int burt(cm__mwork *w)
{
	igraph_vector_t v;
	if (igraph_vector_init(&v, 0))
		return cm__oom(w->ctx);
	igraph_error_t err = igraph_constraint(w->u, &v, igraph_vss_all(), cm__mwork_weights(w, 1));
	int rc = err ? cm__igraph_error(w->ctx, err) : 0;
	if (rc == 0)
		cm__mwork_scatter(w, CM__AM_CONSTRAINT, &v);
	if (rc == 0)
		rc = cm__effective_size(&v, w->ctx, w->u, cm__mwork_weights(w, 1));
	if (rc == 0)
		cm__mwork_scatter(w, CM__AM_EFFECTIVE_SIZE, &v);
	igraph_vector_destroy(&v);
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

static igraph_error_t leiden_run(leiden *s, unsigned long seed)
{
	double q;
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
	IGRAPH_CHECK(igraph_community_leiden(s->g, s->ew, &s->nw, s->resolution, 0.01, 0, -1,
	                                     &s->membership, NULL, NULL));
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
static int community(cm__mwork *w)
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
	/* Without ties every actor is its own community; igraph 0.10.2's Leiden
	 * never converges on an edgeless graph (total weight 0). */
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
	int (*const steps[])(cm__mwork *) = {degrees,     betweenness, closeness,
	                                     eigenvector, pagerank,    coreness,
	                                     burt,        brokerage,   community};
	for (size_t i = 0; i < CM__ARRAY_LEN(steps); i++) {
		int rc = steps[i](w);
		if (rc)
			return rc;
	}
	return 0;
}

/* ------------------------------------------------------------ effective size */

/* Per vertex: the largest weight of its ties (Burt's m_jq denominator). */
static void max_weights(double *maxw, const igraph_t *g, const igraph_vector_t *weights)
{
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		double x = weights ? VECTOR(*weights)[e] : 1.0;
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		maxw[a] = x > maxw[a] ? x : maxw[a];
		maxw[b] = x > maxw[b] ? x : maxw[b];
	}
}

/* Redundancy of ego i's contacts: sum over contacts j and q of p_iq m_jq,
 * where p[q] holds p_iq for i's contacts (0 elsewhere). */
static double redundancy(const igraph_inclist_t *inc, const igraph_t *g,
                         const igraph_vector_t *weights, const double *p, const double *maxw,
                         igraph_integer_t i)
{
	double r = 0;
	igraph_vector_int_t *ie = igraph_inclist_get(inc, i);
	igraph_integer_t deg = igraph_vector_int_size(ie);
	for (igraph_integer_t k = 0; k < deg; k++) {
		igraph_integer_t j = IGRAPH_OTHER(g, VECTOR(*ie)[k], i);
		igraph_vector_int_t *je = igraph_inclist_get(inc, j);
		igraph_integer_t len = igraph_vector_int_size(je);
		for (igraph_integer_t t = 0; t < len; t++) {
			igraph_integer_t e = VECTOR(*je)[t], q = IGRAPH_OTHER(g, e, j);
			if (q != i && p[q] > 0)
				r += p[q] * (weights ? VECTOR(*weights)[e] : 1.0) / maxw[j];
		}
	}
	return r;
}

static void ego_effective_size(igraph_vector_t *res, const igraph_inclist_t *inc, const igraph_t *g,
                               const igraph_vector_t *weights, double *p, const double *maxw,
                               igraph_integer_t i)
{
	igraph_vector_int_t *ie = igraph_inclist_get(inc, i);
	igraph_integer_t deg = igraph_vector_int_size(ie);
	double total = 0;
	if (deg == 0) {
		VECTOR(*res)[i] = NAN;
		return;
	}
	for (igraph_integer_t k = 0; k < deg; k++)
		total += weights ? VECTOR(*weights)[VECTOR(*ie)[k]] : 1.0;
	for (igraph_integer_t k = 0; k < deg; k++) {
		igraph_integer_t e = VECTOR(*ie)[k];
		p[IGRAPH_OTHER(g, e, i)] = (weights ? VECTOR(*weights)[e] : 1.0) / total;
	}
	VECTOR(*res)[i] = (double)deg - redundancy(inc, g, weights, p, maxw, i);
	for (igraph_integer_t k = 0; k < deg; k++)
		p[IGRAPH_OTHER(g, VECTOR(*ie)[k], i)] = 0;
}

int cm__effective_size(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                       const igraph_vector_t *weights)
{
	igraph_integer_t n = igraph_vcount(g);
	igraph_inclist_t inc;
	double *buf = cm__calloc(2 * (size_t)n + 1, sizeof(double));
	if (!buf || igraph_vector_resize(res, n)) {
		cm__free(buf);
		return cm__oom(ctx);
	}
	igraph_error_t err = igraph_inclist_init(g, &inc, IGRAPH_ALL, IGRAPH_LOOPS_TWICE);
	if (err) {
		cm__free(buf);
		return cm__igraph_error(ctx, err);
	}
	max_weights(buf + n, g, weights);
	for (igraph_integer_t i = 0; i < n; i++)
		ego_effective_size(res, &inc, g, weights, buf, buf + n, i);
	igraph_inclist_destroy(&inc);
	cm__free(buf);
	return 0;
}
