/* SPDX-License-Identifier: MIT */
/* Breadth-first searches over a compressed adjacency (traverse.h). */
#include "traverse.h"

#include <string.h>

/* Counting pass (c->adj NULL: degrees into pos[v + 1]) or filling pass
 * (pos[v] is the next free slot of v). */
static void add_end(const cm__csr *c, int64_t *pos, igraph_integer_t from, igraph_integer_t to,
                    double w)
{
	if (!c->adj) {
		pos[from + 1]++;
		return;
	}
	if (c->w)
		c->w[pos[from]] = w;
	c->adj[pos[from]++] = (int32_t)to;
}

static void each_end(const cm__csr *c, int64_t *pos, const igraph_t *g, igraph_neimode_t mode,
                     const igraph_vector_t *weights)
{
	int both = mode == IGRAPH_ALL || !igraph_is_directed(g);
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		double w = weights ? VECTOR(*weights)[e] : 1;
		if (a == b)
			continue;
		if (both || mode == IGRAPH_OUT)
			add_end(c, pos, a, b, w);
		if (both || mode == IGRAPH_IN)
			add_end(c, pos, b, a, w);
	}
}

int cm__csr_init_weighted(cm__csr *c, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode,
                          const igraph_vector_t *weights)
{
	size_t n = (size_t)igraph_vcount(g), m = (size_t)igraph_ecount(g);
	int64_t *next = cm__malloc((n + 1) * sizeof(*next));
	cm__csr count = {.adj = NULL};
	c->n = (int32_t)n;
	c->start = cm__calloc_large(n + 1, sizeof(*c->start));
	c->adj = cm__malloc_large((2 * m + 1) * sizeof(*c->adj));
	c->w = weights ? cm__malloc_large((2 * m + 1) * sizeof(*c->w)) : NULL;
	if (!next || !c->start || !c->adj || (weights && !c->w)) {
		cm__free(next);
		cm__csr_free(c);
		return cm__oom(ctx);
	}
	each_end(&count, c->start, g, mode, NULL);
	for (size_t v = 0; v < n; v++)
		c->start[v + 1] += c->start[v];
	memcpy(next, c->start, n * sizeof(*next));
	each_end(c, next, g, mode, weights);
	cm__free(next);
	return 0;
}

int cm__csr_init(cm__csr *c, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode)
{
	return cm__csr_init_weighted(c, ctx, g, mode, NULL);
}

void cm__csr_free(cm__csr *c)
{
	cm__free(c->start);
	cm__free(c->adj);
	cm__free(c->w);
	c->start = NULL;
	c->adj = NULL;
	c->w = NULL;
}

int cm__components_init(cm__components *c, cm_ctx *ctx, const igraph_t *g)
{
	/* igraph's destroy skips a vector that never got its storage */
	memset(c, 0, sizeof(*c));
	if (igraph_vector_int_init(&c->memb, 0) || igraph_vector_int_init(&c->size, 0))
		return cm__oom(ctx);
	CM__IG(ctx, igraph_connected_components(g, &c->memb, &c->size, &c->count, IGRAPH_WEAK));
	return 0;
}

void cm__components_free(cm__components *c)
{
	igraph_vector_int_destroy(&c->memb);
	igraph_vector_int_destroy(&c->size);
}

int cm__bfs_init(cm__bfs *b, cm_ctx *ctx, const cm__csr *c, int with_paths)
{
	size_t n = (size_t)c->n + 1;
	memset(b, 0, sizeof(*b));
	b->c = c;
	b->dist = cm__malloc_large(n * sizeof(*b->dist));
	b->queue = cm__malloc_large(n * sizeof(*b->queue));
	if (with_paths) {
		b->sigma = cm__malloc_large(n * sizeof(*b->sigma));
		b->delta = cm__malloc_large(n * sizeof(*b->delta));
	}
	if (!b->dist || !b->queue || (with_paths && (!b->sigma || !b->delta))) {
		cm__bfs_free(b);
		return cm__oom(ctx);
	}
	for (int32_t v = 0; v < c->n; v++)
		b->dist[v] = -1;
	return 0;
}

int cm__bfs_open(cm__bfs *b, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode, int with_paths)
{
	cm__csr c;
	memset(b, 0, sizeof(*b));
	int rc = cm__csr_init(&c, ctx, g, mode);
	if (rc)
		return rc;
	if ((rc = cm__bfs_init(b, ctx, &c, with_paths))) {
		cm__csr_free(&c);
		return rc;
	}
	b->own = c;
	b->c = &b->own;
	return 0;
}

void cm__bfs_close(cm__bfs *b)
{
	cm__csr own = b->own;
	cm__bfs_free(b);
	cm__csr_free(&own);
}

void cm__bfs_free(cm__bfs *b)
{
	cm__free(b->dist);
	cm__free(b->queue);
	cm__free(b->sigma);
	cm__free(b->delta);
	memset(b, 0, sizeof(*b));
}

/* Without paths: distances only. */
static void run_plain(cm__bfs *b, int32_t s)
{
	const int64_t *start = b->c->start;
	const int32_t *adj = b->c->adj;
	int32_t *dist = b->dist, *queue = b->queue, head = 0, tail = 0;
	dist[s] = 0;
	queue[tail++] = s;
	while (head < tail) {
		int32_t u = queue[head++], du = dist[u] + 1;
		for (int64_t j = start[u]; j < start[u + 1]; j++)
			if (dist[adj[j]] < 0) {
				dist[adj[j]] = du;
				queue[tail++] = adj[j];
			}
	}
	b->reached = tail;
}

/* With paths: also sigma, the number of shortest paths from s. */
static void run_paths(cm__bfs *b, int32_t s)
{
	const int64_t *start = b->c->start;
	const int32_t *adj = b->c->adj;
	int32_t *dist = b->dist, *queue = b->queue, head = 0, tail = 0;
	double *sigma = b->sigma;
	dist[s] = 0;
	sigma[s] = 1;
	queue[tail++] = s;
	while (head < tail) {
		int32_t u = queue[head++], du = dist[u] + 1;
		for (int64_t j = start[u]; j < start[u + 1]; j++) {
			int32_t t = adj[j];
			if (dist[t] < 0) {
				dist[t] = du;
				sigma[t] = 0;
				queue[tail++] = t;
			}
			if (dist[t] == du)
				sigma[t] += sigma[u];
		}
	}
	b->reached = tail;
}

void cm__bfs_run(cm__bfs *b, int32_t source)
{
	if (b->sigma)
		run_paths(b, source);
	else
		run_plain(b, source);
}

void cm__bfs_clear(cm__bfs *b)
{
	for (int32_t i = 0; i < b->reached; i++)
		b->dist[b->queue[i]] = -1;
	b->reached = 0;
}

void cm__bfs_add_betweenness(cm__bfs *b, int32_t source, double scale, double *acc)
{
	cm__bfs_run(b, source);
	cm__bfs_dependencies(b);
	for (int32_t j = 1; j < b->reached; j++)
		acc[b->queue[j]] += scale * b->delta[b->queue[j]];
}

/* In reverse order of distance, each vertex collects from the vertices one
 * step further that it precedes on shortest paths: no predecessor lists. */
void cm__bfs_dependencies(cm__bfs *b)
{
	const int64_t *start = b->c->start;
	const int32_t *adj = b->c->adj, *dist = b->dist;
	const double *sigma = b->sigma;
	double *delta = b->delta;
	for (int32_t i = b->reached - 1; i >= 0; i--) {
		int32_t v = b->queue[i], dv = dist[v] + 1;
		double d = 0;
		for (int64_t j = start[v]; j < start[v + 1]; j++)
			if (dist[adj[j]] == dv)
				d += (1 + delta[adj[j]]) / sigma[adj[j]];
		delta[v] = d * sigma[v];
	}
}

/* ------------------------------------------------------- multi-source */

int cm__msbfs_open(cm__msbfs *m, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode)
{
	memset(m, 0, sizeof(*m));
	int rc = cm__csr_init(&m->own, ctx, g, mode);
	if (rc)
		return rc;
	size_t n = (size_t)m->own.n + 1;
	m->c = &m->own;
	m->seen = cm__calloc(n, sizeof(uint64_t));
	m->visit = cm__calloc(n, sizeof(uint64_t));
	m->next = cm__calloc(n, sizeof(uint64_t));
	m->front = cm__malloc_large(n * sizeof(int32_t));
	m->found = cm__malloc_large(n * sizeof(int32_t));
	return m->seen && m->visit && m->next && m->front && m->found ? 0 : cm__oom(ctx);
}

void cm__msbfs_close(cm__msbfs *m)
{
	cm__free(m->seen);
	cm__free(m->visit);
	cm__free(m->next);
	cm__free(m->front);
	cm__free(m->found);
	cm__csr_free(&m->own);
	memset(m, 0, sizeof(*m));
}

/* Every source still searching from a vertex of this level offers itself to
 * the neighbours it has not reached; found lists each neighbour once. */
static int32_t msbfs_expand(cm__msbfs *m, int32_t width)
{
	const int64_t *start = m->c->start;
	const int32_t *adj = m->c->adj;
	int32_t found = 0;
	for (int32_t i = 0; i < width; i++) {
		int32_t v = m->front[i];
		uint64_t bits = m->visit[v];
		m->visit[v] = 0;
		for (int64_t k = start[v]; k < start[v + 1]; k++) {
			int32_t u = adj[k];
			uint64_t fresh = bits & ~m->seen[u];
			if (!fresh)
				continue;
			if (!m->next[u])
				m->found[found++] = u;
			m->next[u] |= fresh;
		}
	}
	return found;
}

/* The found vertices become the next level (seen by the sources that just
 * reached them), each reported once. */
static int32_t msbfs_settle(cm__msbfs *m, int32_t found, int32_t d, cm__msbfs_fn fn, void *arg)
{
	for (int32_t i = 0; i < found; i++) {
		int32_t u = m->found[i];
		uint64_t bits = m->next[u];
		m->next[u] = 0;
		m->seen[u] |= bits;
		m->visit[u] = bits;
		m->front[i] = u;
		fn(arg, u, d, bits);
	}
	return found;
}

void cm__msbfs_run(cm__msbfs *m, const int32_t *source, int k, cm__msbfs_fn fn, void *arg)
{
	int32_t width = 0;
	for (int i = 0; i < k; i++) {
		int32_t s = source[i];
		if (!m->visit[s])
			m->front[width++] = s;
		m->seen[s] |= UINT64_C(1) << i;
		m->visit[s] |= UINT64_C(1) << i;
	}
	for (int32_t d = 1; width > 0; d++)
		width = msbfs_settle(m, msbfs_expand(m, width), d, fn, arg);
	memset(m->seen, 0, (size_t)m->c->n * sizeof(uint64_t));
}

static void msbfs_add(void *arg, int32_t v, int32_t d, uint64_t sources)
{
	cm__msbfs_totals *t = arg;
	double dd = (double)d, inv = 1.0 / dd;
	(void)v;
	for (; sources; sources &= sources - 1) {
		int i = __builtin_ctzll(sources);
		t->reached[i] += 1;
		t->sum[i] += dd;
		t->inv[i] += inv;
		t->ecc[i] = dd;
	}
}

static void msbfs_totals_run(cm__msbfs *m, const int32_t *source, int k, cm__msbfs_totals *t)
{
	memset(t, 0, sizeof(*t));
	cm__msbfs_run(m, source, k, msbfs_add, t);
}

int cm__msbfs_block(int32_t *source, const igraph_vector_int_t *pick, const igraph_vector_int_t *of,
                    igraph_integer_t from, igraph_integer_t k)
{
	int b = k - from < 64 ? (int)(k - from) : 64;
	for (int j = 0; j < b; j++) {
		igraph_integer_t x = pick ? VECTOR(*pick)[from + j] : from + j;
		source[j] = (int32_t)(of ? VECTOR(*of)[x] : x);
	}
	return b;
}

int cm__msbfs_totals_each(cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode,
                          const igraph_vector_int_t *pick, const igraph_vector_int_t *of,
                          igraph_integer_t k, cm__msbfs_totals_fn fn, void *arg)
{
	cm__msbfs m;
	cm__msbfs_totals t;
	int32_t source[64];
	int rc = cm__msbfs_open(&m, ctx, g, mode);
	for (igraph_integer_t i = 0; rc == 0 && i < k;) {
		int b = cm__msbfs_block(source, pick, of, i, k);
		msbfs_totals_run(&m, source, b, &t);
		rc = fn(arg, i, b, &t);
		i += b;
	}
	cm__msbfs_close(&m);
	return rc;
}
