/* SPDX-License-Identifier: MIT */
/* Betweenness and closeness: exact with igraph, or estimated from a seeded
 * uniform sample of K sources (Brandes & Pich 2007; Eppstein & Wang 2004)
 * with a standard error from the spread of the per-source contributions. */
#include "betweenness.h"

#include "traverse.h"
#include "core/workers.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

/* igraph's progress handler has no payload of ours either; the context of
 * the running computation waits here (thread-local, like a cm_ctx). */
static _Thread_local cm_ctx *progress_ctx;

static igraph_error_t on_progress(const char *message, igraph_real_t percent, void *data)
{
	(void)message, (void)data;
	if (progress_ctx && cm__progress(progress_ctx, "betweenness", percent / 100.0))
		return IGRAPH_INTERRUPTED;
	return IGRAPH_SUCCESS;
}

size_t cm__sample_size(const igraph_t *g, const cm__path_opts *opts)
{
	return cm__sample_size_for((double)igraph_vcount(g), (double)igraph_ecount(g), opts);
}

size_t cm__sample_size_for(double n, double m, const cm__path_opts *opts)
{
	if (opts->exact)
		return 0;
	if (opts->approx)
		return (double)opts->approx >= n ? 0 : opts->approx;
	if (n * (n + m) <= CM__EXACT_WORK)
		return 0;
	double k = CM__SAMPLE_WORK / (n + m);
	if (k < CM__SAMPLE_MIN)
		k = CM__SAMPLE_MIN;
	return k >= n ? 0 : (size_t)k;
}

/* Below this much work (vertices x (vertices + edges)) starting processes
 * costs more than it saves: one core does it in well under a second. */
#define PARALLEL_WORK 2e8

/* Processes for the exact computation: as many as jobs were asked for (by
 * free cores on large graphs), never more than there are vertices. */
static int exact_workers(const cm_ctx *ctx, const igraph_t *g)
{
	double n = (double)igraph_vcount(g), m = (double)igraph_ecount(g);
	long w = cm__jobs_for(ctx, n * (n + m) >= PARALLEL_WORK);
	if (w > 64)
		w = 64;
	if (w > (long)n)
		w = (long)n;
	return w > 1 ? (int)w : 1;
}

/* Worker k's share of the sources: every w-th vertex, so that costly and
 * cheap sources spread evenly. */
static int share_of(igraph_vector_int_t *src, const igraph_t *g, int k, int w)
{
	igraph_integer_t n = igraph_vcount(g);
	if (igraph_vector_int_init(src, 0) || igraph_vector_int_reserve(src, n / w + 1))
		return CM_ENOMEM;
	for (igraph_integer_t v = k; v < n; v += w)
		igraph_vector_int_push_back(src, v); /* reserved: cannot fail */
	return 0;
}

/* Dependencies of share k on every vertex (igraph's betweenness restricted
 * to those sources; the shares add up to the full betweenness). */
static igraph_error_t share_betweenness(igraph_vector_t *part, const igraph_t *g, int k, int w,
                                        const igraph_vector_t *distance)
{
	igraph_vector_int_t src;
	if (share_of(&src, g, k, w))
		return IGRAPH_ENOMEM;
	igraph_error_t err =
	    igraph_betweenness_subset(g, part, igraph_vss_all(), igraph_is_directed(g),
	                              igraph_vss_vector(&src), igraph_vss_all(), distance);
	igraph_vector_int_destroy(&src);
	return err;
}

/* In the child: compute share k, send it, and leave without running the
 * parent's exit handlers or flushing its stdio buffers. */
typedef struct share {
	const igraph_t *g;
	int k, w;
	const igraph_vector_t *distance;
} share;

static void worker(int fd, void *arg)
{
	const share *s = arg;
	igraph_vector_t part;
	int ok = igraph_vector_init(&part, 0) == IGRAPH_SUCCESS &&
	         share_betweenness(&part, s->g, s->k, s->w, s->distance) == IGRAPH_SUCCESS &&
	         cm__write_all(fd, VECTOR(part), sizeof(double) * (size_t)igraph_vcount(s->g)) == 0;
	_exit(ok ? 0 : 1);
}

typedef struct workers {
	int fd[64];
	pid_t pid[64];
	int count; /* children started */
} workers;

static int start_workers(workers *ws, const igraph_t *g, int w, const igraph_vector_t *distance)
{
	ws->count = 0;
	for (int k = 1; k < w; k++) {
		share s = {g, k, w, distance};
		pid_t pid = cm__spawn(&ws->fd[ws->count], ws->fd, ws->count, worker, &s);
		if (pid < 0)
			return -1;
		ws->pid[ws->count++] = pid;
	}
	return 0;
}

/* Adds every child's share into res (when ok) and reaps them all; 0 when
 * each child delivered its share and exited cleanly. */
static int collect_workers(workers *ws, igraph_vector_t *res, double *buf, int ok)
{
	size_t n = (size_t)igraph_vector_size(res);
	for (int j = 0; j < ws->count; j++) {
		if (ok && cm__read_all(ws->fd[j], buf, sizeof(double) * n) == 0) {
			for (size_t v = 0; v < n; v++)
				VECTOR(*res)[v] += buf[v];
		} else {
			ok = 0;
		}
		close(ws->fd[j]);
		if (cm__reap(ws->pid[j]))
			ok = 0;
	}
	return ok ? 0 : -1;
}

/* Debian's igraph is not thread-safe: the sources are split across worker
 * processes instead, the parent computing one share itself. Returns 0, a
 * CM_E* code, or 1 when the workers could not deliver (no processes left,
 * a worker killed): the caller then computes serially. */
static int parallel_betweenness(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g, int w,
                                const igraph_vector_t *distance)
{
	workers ws;
	size_t n = (size_t)igraph_vcount(g);
	double *buf = cm__malloc(sizeof(double) * (n ? n : 1));
	if (!buf)
		return cm__oom(ctx);
	cm__progress(ctx, "betweenness", -1);
	int started = start_workers(&ws, g, w, distance) == 0;
	igraph_error_t err = share_betweenness(res, g, 0, w, distance);
	int rc = collect_workers(&ws, res, buf, started && err == IGRAPH_SUCCESS);
	cm__free(buf);
	if (err)
		return cm__igraph_error(ctx, err);
	if (!started || rc)
		return 1;
	cm__progress(ctx, "betweenness", 1.0);
	return 0;
}

/* The exact computation: one call into igraph, or split by source across
 * worker processes on large graphs and when threads were asked for. */
static int exact_betweenness(igraph_vector_t *res, cm_ctx *ctx, const igraph_t *g,
                             const igraph_vector_t *distance)
{
	int w = exact_workers(ctx, g), rc;
	if (w > 1 && (rc = parallel_betweenness(res, ctx, g, w, distance)) <= 0)
		return rc;
	igraph_progress_handler_t *prev = igraph_set_progress_handler(on_progress);
	progress_ctx = ctx;
	igraph_error_t err =
	    igraph_betweenness(g, res, igraph_vss_all(), igraph_is_directed(g), distance);
	igraph_set_progress_handler(prev);
	progress_ctx = NULL;
	cm__progress(ctx, "betweenness", 1.0);
	return err ? cm__igraph_error(ctx, err) : 0;
}

int cm__sample_vertices(igraph_vector_int_t *out, cm_ctx *ctx, igraph_integer_t n, size_t k,
                        unsigned long seed)
{
	igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
	if (igraph_vector_int_init(out, 0))
		return cm__oom(ctx);
	igraph_error_t err = igraph_random_sample(out, 0, n - 1, (igraph_integer_t)k);
	if (err) {
		igraph_vector_int_destroy(out);
		return cm__igraph_error(ctx, err);
	}
	return 0;
}

/* Per vertex: sampled sources reached (other than itself), the sum of the
 * distances to them and of their squares, the sum of inverse distances, and
 * whether the vertex is itself a sampled source. */
typedef struct reach {
	double *count, *sum, *sq, *inv, *self;
} reach;

static void add_distance(reach *r, igraph_integer_t v, double d)
{
	r->count[v] += 1;
	r->sum[v] += d;
	r->sq[v] += d * d;
	r->inv[v] += 1 / d;
}

static reach reach_of(double *block, igraph_integer_t n)
{
	return (reach){block, block + n, block + 2 * n, block + 3 * n, block + 4 * n};
}

/* ------------------------------------------------------------ sweep */

void cm__sweep_free(cm__sweep *s)
{
	cm__free(s->reached);
	memset(s, 0, sizeof(*s));
}

int cm__sweep_matches(const cm__sweep *s, const igraph_t *g, size_t k, unsigned long seed)
{
	return s && s->g == g && s->k == k && s->seed == seed;
}

static int sweep_open(cm__sweep *s, cm_ctx *ctx, size_t k)
{
	s->reached = cm__malloc((3 * k + 1) * sizeof(double));
	if (!s->reached)
		return cm__oom(ctx);
	s->sum = s->reached + k;
	s->ecc = s->sum + k;
	return 0;
}

/* The search just run from the source drawn at position pos. */
static void sweep_keep(cm__sweep *s, const cm__bfs *b, igraph_integer_t pos)
{
	double total = 0;
	for (int32_t j = 1; j < b->reached; j++)
		total += (double)b->dist[b->queue[j]];
	s->reached[pos] = (double)(b->reached - 1);
	s->sum[pos] = total;
	s->ecc[pos] = (double)b->dist[b->queue[b->reached - 1]];
}

/* The sampled sources are split into batches, each one igraph call (one call
 * per source would rebuild igraph's adjacency lists K times). Per vertex:
 * the total over all batches, and the sum and sum of squares of the batch
 * means (per source), whose spread gives the standard error. */
#define BATCHES 20

typedef struct moments {
	igraph_vector_t total, mean, sq, one;
	double batches;
} moments;

static int moments_init(moments *mo, igraph_integer_t n)
{
	memset(mo, 0, sizeof(*mo));
	if (igraph_vector_init(&mo->total, n) || igraph_vector_init(&mo->mean, n) ||
	    igraph_vector_init(&mo->sq, n) || igraph_vector_init(&mo->one, n))
		return CM_ENOMEM;
	return 0;
}

static void moments_free(moments *mo)
{
	igraph_vector_destroy(&mo->total);
	igraph_vector_destroy(&mo->mean);
	igraph_vector_destroy(&mo->sq);
	igraph_vector_destroy(&mo->one);
}

/* Standard error of n times the mean contribution of a source, from the
 * variance of the B batch means (Var(mean) ~ s^2 / B) and the finite
 * population correction; largest over vertices, divided by norm. NaN with
 * a single batch. */
static double largest_error(const moments *mo, double n, double k, double norm)
{
	double worst = 0, fpc = k < n ? 1 - k / n : 0, b = mo->batches;
	if (b < 2 || !(norm > 0))
		return NAN;
	for (igraph_integer_t v = 0; v < igraph_vector_size(&mo->mean); v++) {
		double m = VECTOR(mo->mean)[v] / b;
		double var = (VECTOR(mo->sq)[v] - b * m * m) / (b - 1);
		double se = n * sqrt((var > 0 ? var : 0) / b * fpc);
		worst = se > worst ? se : worst;
	}
	return worst / norm;
}

/* Batch b: every BATCHES-th sampled source starting at b. */
static igraph_error_t batch_of(igraph_vector_int_t *batch, const igraph_vector_int_t *src,
                               igraph_integer_t b, igraph_integer_t nb)
{
	igraph_vector_int_clear(batch);
	for (igraph_integer_t i = b; i < igraph_vector_int_size(src); i += nb)
		IGRAPH_CHECK(igraph_vector_int_push_back(batch, VECTOR(*src)[i]));
	return IGRAPH_SUCCESS;
}

static void add_batch(moments *mo, double size)
{
	for (igraph_integer_t v = 0; v < igraph_vector_size(&mo->one); v++) {
		double c = VECTOR(mo->one)[v];
		VECTOR(mo->total)[v] += c;
		VECTOR(mo->mean)[v] += c / size;
		VECTOR(mo->sq)[v] += (c / size) * (c / size);
	}
	mo->batches += 1;
}

/* Dependencies of one batch of sources on every vertex, by breadth-first
 * search; halved on an undirected graph, where igraph counts each pair of
 * endpoints once. Batch b holds the sources drawn at positions b, b + nb, ...
 * (what each search found kept in sweep, when given). */
static void search_batch(igraph_vector_t *one, cm__bfs *b, const igraph_vector_int_t *batch,
                         double scale, igraph_integer_t first, igraph_integer_t nb,
                         cm__sweep *sweep)
{
	igraph_vector_null(one);
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(batch); i++) {
		cm__bfs_add_betweenness(b, (int32_t)VECTOR(*batch)[i], scale, VECTOR(*one));
		if (sweep)
			sweep_keep(sweep, b, first + i * nb);
		cm__bfs_clear(b);
	}
}

typedef struct batch_job {
	moments *mo;
	cm__bfs *b;
	const igraph_t *g;
	const cm__path_opts *opts;
	cm__sweep *sweep;
} batch_job;

/* Batch i of nb: igraph with edge lengths, our own search with hop counts. */
static igraph_error_t one_batch(batch_job *j, const igraph_vector_int_t *batch, igraph_integer_t i,
                                igraph_integer_t nb)
{
	if (j->b->c) {
		search_batch(&j->mo->one, j->b, batch, igraph_is_directed(j->g) ? 1.0 : 0.5, i, nb,
		             j->sweep);
		return IGRAPH_SUCCESS;
	}
	return igraph_betweenness_subset(j->g, &j->mo->one, igraph_vss_all(),
	                                 igraph_is_directed(j->g), igraph_vss_vector(batch),
	                                 igraph_vss_all(), j->opts->distance);
}

static int batches(batch_job *j, cm_ctx *ctx, const igraph_vector_int_t *src)
{
	igraph_integer_t k = igraph_vector_int_size(src), nb = k < BATCHES ? k : BATCHES;
	igraph_vector_int_t batch;
	igraph_error_t err = igraph_vector_int_init(&batch, 0);
	for (igraph_integer_t i = 0; !err && i < nb; i++) {
		err = batch_of(&batch, src, i, nb);
		if (!err)
			err = one_batch(j, &batch, i, nb);
		if (!err)
			add_batch(j->mo, (double)igraph_vector_int_size(&batch));
		if (!err &&
		    cm__progress(ctx, "betweenness (sampled)", (double)(i + 1) / (double)nb))
			err = IGRAPH_INTERRUPTED;
	}
	igraph_vector_int_destroy(&batch);
	if (err == IGRAPH_INTERRUPTED)
		return cm__error(ctx, CM_EGRAPH, "error: betweenness cancelled");
	return err ? cm__igraph_error(ctx, err) : 0;
}

/* Our own searches with hop counts, kept in the sweep when there is one. */
static int sampled_pass(batch_job *j, cm_ctx *ctx, const igraph_vector_int_t *src)
{
	cm__bfs b = {0};
	j->b = &b;
	if (j->opts->distance)
		return batches(j, ctx, src);
	size_t k = (size_t)igraph_vector_int_size(src);
	int rc = j->sweep ? sweep_open(j->sweep, ctx, k) : 0;
	if (rc == 0)
		rc = cm__bfs_open(&b, ctx, j->g, IGRAPH_OUT, 1);
	if (rc == 0)
		rc = batches(j, ctx, src);
	cm__bfs_close(&b);
	if (j->sweep && rc == 0) {
		j->sweep->g = j->g;
		j->sweep->k = k;
		j->sweep->seed = j->opts->seed;
	} else if (j->sweep) {
		cm__sweep_free(j->sweep);
	}
	return rc;
}

static int sampled_betweenness(igraph_vector_t *res, cm__sampling *info, batch_job *j, cm_ctx *ctx,
                               size_t k)
{
	igraph_vector_int_t src;
	moments mo;
	const igraph_t *g = j->g;
	double n = (double)igraph_vcount(g);
	int rc = cm__sample_vertices(&src, ctx, igraph_vcount(g), k, j->opts->seed);
	if (rc)
		return rc;
	j->mo = &mo;
	rc = moments_init(&mo, igraph_vcount(g)) ? cm__oom(ctx) : 0;
	if (rc == 0)
		rc = sampled_pass(j, ctx, &src);
	if (rc == 0 && igraph_vector_update(res, &mo.total))
		rc = cm__oom(ctx);
	if (rc == 0) {
		igraph_vector_scale(res, n / (double)k);
		double norm = (n - 1) * (n - 2) / (igraph_is_directed(g) ? 1 : 2);
		info->sources = k;
		info->std_error = largest_error(&mo, n, (double)k, norm);
	}
	moments_free(&mo);
	igraph_vector_int_destroy(&src);
	return rc;
}

int cm__betweenness_sweep(igraph_vector_t *res, cm__sampling *info, cm__sweep *sweep, cm_ctx *ctx,
                          const igraph_t *g, const cm__path_opts *opts)
{
	size_t k = cm__sample_size(g, opts);
	batch_job j = {.g = g, .opts = opts, .sweep = sweep};
	info->sources = 0;
	info->std_error = NAN;
	if (sweep)
		cm__sweep_free(sweep);
	if (k == 0)
		return exact_betweenness(res, ctx, g, opts->distance);
	return sampled_betweenness(res, info, &j, ctx, k);
}

int cm__betweenness(igraph_vector_t *res, cm__sampling *info, cm_ctx *ctx, const igraph_t *g,
                    const cm__path_opts *opts)
{
	return cm__betweenness_sweep(res, info, NULL, ctx, g, opts);
}

/* ------------------------------------------------------------ closeness */

static int exact_closeness(igraph_vector_t *closeness, igraph_vector_t *harmonic, cm_ctx *ctx,
                           const igraph_t *g, const igraph_vector_t *distance)
{
	CM__IG(ctx, igraph_closeness(g, closeness, NULL, NULL, igraph_vss_all(), IGRAPH_ALL,
	                             distance, 1));
	CM__IG(ctx,
	       igraph_harmonic_centrality(g, harmonic, igraph_vss_all(), IGRAPH_ALL, distance, 1));
	return 0;
}

/* Hop counts: one search per source gives closeness, harmonic centrality,
 * the eccentricity and the distance sum at once, where igraph would search
 * once per measure (and twice more for diameter and average path length);
 * 64 sources search together. Same formulas as igraph: closeness = reached /
 * sum of distances (NaN when nothing is reached), harmonic = sum of 1/d over
 * n - 1. */
typedef struct hop_job {
	cm_ctx *ctx;
	cm__hops *out;
	igraph_vector_t *clo, *har;
} hop_job;

static int hop_block(void *arg, igraph_integer_t first, int k, const cm__msbfs_totals *t)
{
	hop_job *h = arg;
	double n = (double)igraph_vector_size(h->clo);
	for (int i = 0; i < k; i++) {
		VECTOR(*h->clo)
		[first + i] = t->sum[i] == 0 ? NAN : (1.0 / t->sum[i]) * t->reached[i];
		VECTOR(*h->har)[first + i] = t->inv[i] * (1.0 / (n - 1));
		h->out->ecc[first + i] = t->ecc[i];
		h->out->sum[first + i] = t->sum[i];
	}
	if (cm__progress(h->ctx, "closeness", (double)(first + k) / n))
		return cm__error(h->ctx, CM_EGRAPH, "error: closeness cancelled");
	return 0;
}

static int hop_closeness(igraph_vector_t *clo, igraph_vector_t *har, cm__hops *out, cm_ctx *ctx,
                         const igraph_t *g)
{
	hop_job h = {ctx, out, clo, har};
	igraph_integer_t n = igraph_vcount(g);
	if (igraph_vector_resize(clo, n) || igraph_vector_resize(har, n))
		return cm__oom(ctx);
	return cm__msbfs_totals_each(ctx, g, IGRAPH_ALL, NULL, NULL, n, hop_block, &h);
}

static void add_row(reach *r, const igraph_matrix_t *row, igraph_integer_t source)
{
	r->self[source] = 1;
	for (igraph_integer_t v = 0; v < igraph_matrix_ncol(row); v++) {
		double d = MATRIX(*row, 0, v);
		if (v != source && isfinite(d))
			add_distance(r, v, d);
	}
}

/* All the sources reaching v at distance d are added at once (the counts and
 * distance sums stay exact integers). */
static void reach_add(void *arg, int32_t v, int32_t d, uint64_t sources)
{
	reach *r = arg;
	double c = (double)__builtin_popcountll(sources), dd = (double)d;
	r->count[v] += c;
	r->sum[v] += c * dd;
	r->sq[v] += c * dd * dd;
	r->inv[v] += c / dd;
}

/* Hop counts: the sources in blocks of 64, in the order drawn, each block
 * searched at once. */
static int bfs_pass(reach *r, cm_ctx *ctx, const igraph_t *g, const igraph_vector_int_t *src)
{
	cm__msbfs m;
	int32_t source[64];
	igraph_integer_t k = igraph_vector_int_size(src);
	int rc = cm__msbfs_open(&m, ctx, g, IGRAPH_ALL);
	for (igraph_integer_t i = 0; rc == 0 && i < k; i += 64) {
		int b = cm__msbfs_block(source, src, NULL, i, k);
		for (int j = 0; j < b; j++)
			r->self[source[j]] = 1;
		cm__msbfs_run(&m, source, b, reach_add, r);
		if (cm__progress(ctx, "closeness (sampled)", (double)(i + b) / (double)k))
			rc = cm__error(ctx, CM_EGRAPH, "error: closeness cancelled");
	}
	cm__msbfs_close(&m);
	return rc;
}

static int reach_pass(reach *r, cm_ctx *ctx, const igraph_t *g, const cm__path_opts *opts,
                      const igraph_vector_int_t *src)
{
	igraph_matrix_t row;
	int rc = 0;
	igraph_integer_t k = igraph_vector_int_size(src);
	if (!opts->distance)
		return bfs_pass(r, ctx, g, src);
	if (igraph_matrix_init(&row, 0, 0))
		return cm__oom(ctx);
	for (igraph_integer_t i = 0; i < k && rc == 0; i++) {
		igraph_error_t err =
		    igraph_distances_dijkstra(g, &row, igraph_vss_1(VECTOR(*src)[i]),
		                              igraph_vss_all(), opts->distance, IGRAPH_ALL);
		if (err)
			rc = cm__igraph_error(ctx, err);
		else
			add_row(r, &row, VECTOR(*src)[i]);
		if (rc == 0 &&
		    cm__progress(ctx, "closeness (sampled)", (double)(i + 1) / (double)k))
			rc = cm__error(ctx, CM_EGRAPH, "error: closeness cancelled");
	}
	igraph_matrix_destroy(&row);
	return rc;
}

/* Closeness estimate c = 1 / (mean distance to the reached sampled sources);
 * its standard error by the delta method, c^2 * SE(mean distance). Harmonic
 * estimate: the mean of 1/d over the sampled sources other than v. */
static double estimate(igraph_vector_t *clo, igraph_vector_t *har, const reach *r, double n,
                       double k)
{
	double worst = 0, fpc = 1 - k / n;
	igraph_integer_t nv = igraph_vector_size(clo);
	for (igraph_integer_t v = 0; v < nv; v++) {
		double others = k - r->self[v];
		double c = r->count[v], mean = c > 0 ? r->sum[v] / c : NAN;
		VECTOR(*clo)[v] = c > 0 ? 1 / mean : NAN;
		VECTOR(*har)[v] = others > 0 ? r->inv[v] / others : NAN;
		if (c > 1) {
			double var = (r->sq[v] - c * mean * mean) / (c - 1);
			double se = sqrt((var > 0 ? var : 0) / c * fpc) / (mean * mean);
			worst = se > worst ? se : worst;
		}
	}
	return worst;
}

static int sampled_closeness(igraph_vector_t *clo, igraph_vector_t *har, cm__sampling *info,
                             cm_ctx *ctx, const igraph_t *g, const cm__path_opts *opts, size_t k)
{
	igraph_integer_t n = igraph_vcount(g);
	igraph_vector_int_t src;
	double *buf = cm__calloc(5 * (size_t)n + 1, sizeof(double));
	if (!buf || igraph_vector_resize(clo, n) || igraph_vector_resize(har, n)) {
		cm__free(buf);
		return cm__oom(ctx);
	}
	reach r = reach_of(buf, n);
	int rc = cm__sample_vertices(&src, ctx, igraph_vcount(g), k, opts->seed);
	if (rc == 0) {
		rc = reach_pass(&r, ctx, g, opts, &src);
		if (rc == 0) {
			info->sources = k;
			info->std_error = estimate(clo, har, &r, (double)n, (double)k);
		}
		igraph_vector_int_destroy(&src);
	}
	cm__free(buf);
	return rc;
}

int cm__closeness(igraph_vector_t *closeness, igraph_vector_t *harmonic, cm__sampling *info,
                  cm_ctx *ctx, const igraph_t *g, const cm__path_opts *opts)
{
	return cm__closeness_hops(closeness, harmonic, info, NULL, ctx, g, opts);
}

int cm__closeness_hops(igraph_vector_t *closeness, igraph_vector_t *harmonic, cm__sampling *info,
                       cm__hops *hops, cm_ctx *ctx, const igraph_t *g, const cm__path_opts *opts)
{
	size_t k = cm__sample_size(g, opts);
	info->sources = 0;
	info->std_error = NAN;
	if (k == 0 && hops && !opts->distance)
		return hop_closeness(closeness, harmonic, hops, ctx, g);
	if (k == 0)
		return exact_closeness(closeness, harmonic, ctx, g, opts->distance);
	return sampled_closeness(closeness, harmonic, info, ctx, g, opts, k);
}
