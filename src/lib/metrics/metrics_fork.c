/* SPDX-License-Identifier: MIT */
/* The layers of cm_metrics_compute in worker processes (metrics_work.h):
 * the parent and its workers take the layers one at a time, costliest
 * first, from a counter in shared memory, so that a process whose layers
 * ran short of their estimate takes more. Each worker writes its layers'
 * actor scores in place, in a block shared with the parent, and then sends
 * the rest of every result back through a pipe, with its error message and
 * its diagnostics. That rest is plain numbers apart from three pointers:
 * the name (the network's own string, or "all", valid in the parent too),
 * the actor block (the same address in both processes) and the core list,
 * which the parent rebuilds from what follows the struct. */
#include "metrics_work.h"
#include "core/workers.h"

#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct fork_job {
	cm_metrics *m;
	cm_ctx *ctx;
	cm__layer_fn fn;
	void *arg;
	size_t *order;       /* layers by decreasing cost */
	atomic_size_t *next; /* shared: the position in order taken next */
	int workers;
	/* The parent's record of the layers received, held here too so that a
	 * worker, which leaves through _exit(), still reaches it (leak checkers
	 * report blocks only a dead stack frame pointed to). */
	unsigned char *done;
	size_t *taken; /* in a worker: the layers it measured, in order */
} fork_job;

/* The next layer nobody has taken, or nlayers when all are. */
static size_t take(fork_job *j)
{
	size_t i = atomic_fetch_add(j->next, 1);
	return i < j->m->nlayers ? j->order[i] : j->m->nlayers;
}

static int by_cost(const double *cost, size_t a, size_t b)
{
	return cost[a] != cost[b] ? cost[a] < cost[b] : a > b;
}

/* Costliest first, ties by index (insertion sort: a handful of layers). */
static void sort_order(size_t *order, const double *cost, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t k = i, v = i;
		for (; k > 0 && by_cost(cost, order[k - 1], v); k--)
			order[k] = order[k - 1];
		order[k] = v;
	}
}

/* ------------------------------------------------------------ sending */

static int send_string(int fd, const char *s)
{
	uint32_t len = s ? (uint32_t)strlen(s) + 1 : 0;
	if (cm__write_all(fd, &len, sizeof(len)))
		return -1;
	return len ? cm__write_all(fd, s, len) : 0;
}

/* The layer's scores are in the shared block already (share_blocks). */
static int send_layer(int fd, const cm__mlayer *l)
{
	if (cm__write_all(fd, l, sizeof(*l)))
		return -1;
	return l->cp.core_size ? cm__write_all(fd, l->cp.core, l->cp.core_size * sizeof(size_t))
	                       : 0;
}

static int send_diags(int fd, const cm_ctx *ctx, size_t from)
{
	uint32_t count = (uint32_t)(ctx->diags.count - from);
	if (cm__write_all(fd, &count, sizeof(count)))
		return -1;
	for (size_t i = from; i < ctx->diags.count; i++) {
		const cm_diag *d = &ctx->diags.items[i].d;
		unsigned long where[3] = {(unsigned long)d->level, d->line, d->col};
		if (cm__write_all(fd, where, sizeof(where)) || send_string(fd, d->file) ||
		    send_string(fd, d->message))
			return -1;
	}
	return 0;
}

/* In a worker: layers taken until none is left or one fails, then each
 * sent as its index and status, then the layer (or the message of the
 * failure, after which nothing more is measured). All are measured before
 * anything is sent: the parent reads only once its own layers are done, and
 * a worker writing a layer into the full pipe would wait for it instead of
 * measuring its next one. */
static int run_worker(fork_job *j, int fd)
{
	size_t from = j->ctx->diags.count, count = 0, k;
	int32_t rc = 0;
	while (!rc && (k = take(j)) < j->m->nlayers) {
		j->taken[count++] = k;
		rc = j->fn(&j->m->layers[k], j->ctx, j->arg, k);
	}
	uint32_t sent = (uint32_t)count;
	if (cm__write_all(fd, &sent, sizeof(sent)))
		return -1;
	for (size_t i = 0; i < count; i++) {
		uint32_t index = (uint32_t)j->taken[i];
		int32_t status = i + 1 == count ? rc : 0;
		if (cm__write_all(fd, &index, sizeof(index)) ||
		    cm__write_all(fd, &status, sizeof(status)))
			return -1;
		if (status)
			return send_string(fd, cm_ctx_errmsg(j->ctx));
		if (send_layer(fd, &j->m->layers[index]))
			return -1;
	}
	return send_diags(fd, j->ctx, from);
}

/* The child leaves without the parent's exit handlers or stdio buffers,
 * and without its own workers or progress lines (the parent shows its own). */
static void worker(int fd, void *arg)
{
	fork_job *j = arg;
	j->ctx->progress = NULL;
	j->ctx->no_workers = 1;
	j->taken = cm__malloc((j->m->nlayers + 1) * sizeof(size_t));
	_exit(!j->taken || run_worker(j, fd) ? 1 : 0);
}

/* ------------------------------------------------------------ receiving */

/* 0 with *out the string or NULL (sent as none), or -1. */
static int receive_string(char **out, int fd)
{
	uint32_t len;
	*out = NULL;
	if (cm__read_all(fd, &len, sizeof(len)) || len > (1u << 20))
		return -1;
	if (len == 0)
		return 0;
	if (!(*out = cm__malloc(len)))
		return -1;
	if (cm__read_all(fd, *out, len) == 0 && (*out)[len - 1] == '\0')
		return 0;
	cm__free(*out);
	*out = NULL;
	return -1;
}

/* Into the parent's layer: the struct, whose actor block is the one shared
 * with the worker, then its own core list in place of the worker's. */
static int receive_layer(cm__mlayer *l, cm_ctx *ctx, int fd)
{
	cm__mlayer got;
	if (cm__read_all(fd, &got, sizeof(got)) || !got.shared || got.actor[0] != l->actor[0])
		return 1;
	size_t *core = got.cp.core_size ? cm__malloc(got.cp.core_size * sizeof(size_t)) : NULL;
	if (got.cp.core_size && !core)
		return cm__oom(ctx);
	if (core && cm__read_all(fd, core, got.cp.core_size * sizeof(size_t))) {
		cm__free(core);
		return 1;
	}
	got.cp.core = core;
	*l = got;
	return 0;
}

static int receive_diag(cm_ctx *ctx, int fd)
{
	unsigned long where[3];
	char *file = NULL, *msg = NULL;
	int bad = cm__read_all(fd, where, sizeof(where)) || receive_string(&file, fd) ||
	          receive_string(&msg, fd) || !msg;
	int rc =
	    bad ? 1 : cm__diag(ctx, (cm_diag_level)where[0], file, where[1], where[2], "%s", msg);
	cm__free(file);
	cm__free(msg);
	return rc;
}

static int receive_diags(cm_ctx *ctx, int fd)
{
	uint32_t count;
	int rc = cm__read_all(fd, &count, sizeof(count)) ? 1 : 0;
	for (uint32_t i = 0; rc == 0 && i < count; i++)
		rc = receive_diag(ctx, fd);
	return rc;
}

/* A worker's layers, marking each one received in done[]. 0, a CM_E* code
 * (the worker's or our own failure, message in ctx), or 1 when the worker
 * stopped delivering: what it took and did not send is measured here. */
static int receive_worker(fork_job *j, int fd, unsigned char *done)
{
	uint32_t count;
	if (cm__read_all(fd, &count, sizeof(count)) || count > j->m->nlayers)
		return 1;
	for (uint32_t i = 0; i < count; i++) {
		uint32_t k;
		int32_t status;
		char *msg = NULL;
		if (cm__read_all(fd, &k, sizeof(k)) || k >= j->m->nlayers || done[k] ||
		    cm__read_all(fd, &status, sizeof(status)))
			return 1;
		if (status) {
			if (receive_string(&msg, fd) || !msg)
				return cm__error(j->ctx, status, "error: %s", cm_strerror(status));
			cm__error(j->ctx, status, "%s", msg);
			cm__free(msg);
			return status;
		}
		int rc = receive_layer(&j->m->layers[k], j->ctx, fd);
		if (rc)
			return rc;
		done[k] = 1;
	}
	return receive_diags(j->ctx, fd);
}

/* ------------------------------------------------------------ running */

typedef struct team {
	int fd[64];
	pid_t pid[64];
} team;

/* Workers 1..workers-1; one that cannot start leaves its share to the rest. */
static void start(fork_job *j, team *t)
{
	for (int w = 1; w < j->workers; w++) {
		t->fd[w] = -1;
		t->pid[w] = cm__spawn(&t->fd[w], t->fd + 1, w - 1, worker, j);
	}
}

/* Layers taken here from the shared counter; with rest set, instead every
 * layer not yet done (those of a worker that stopped delivering). Like the
 * workers, without workers of its own (exact betweenness would start some):
 * the cores are taken, and a layer's figures do not depend on which process
 * measured it. */
static int measure_here(fork_job *j, unsigned char *done, int rest)
{
	size_t k, i = 0;
	int rc = 0, had = j->ctx->no_workers;
	j->ctx->no_workers = 1;
	while (rc == 0 && (k = rest ? i++ : take(j)) < j->m->nlayers) {
		if (!done[k] && (rc = j->fn(&j->m->layers[k], j->ctx, j->arg, k)) == 0)
			done[k] = 1;
	}
	j->ctx->no_workers = had;
	return rc;
}

/* Collects every worker (stopping the rest after a failure) and reaps them. */
static int collect(fork_job *j, team *t, unsigned char *done, int rc)
{
	for (int w = 1; w < j->workers; w++) {
		if (t->pid[w] < 0)
			continue;
		int got = rc ? 0 : receive_worker(j, t->fd[w], done);
		if (got || rc)
			kill(t->pid[w], SIGKILL);
		close(t->fd[w]);
		cm__reap(t->pid[w]); /* what a dead worker did not send is measured here */
		if (got != 0 && got != 1 && !rc)
			rc = got;
	}
	return rc;
}

/* Every layer's actor block in one block shared with the workers, which
 * write their layers' scores in place: large blocks are slow to send through
 * a pipe once the last layer is done (docs/performance.md). */
static int share_blocks(cm_metrics *m, cm_ctx *ctx)
{
	size_t each = CM__AM_COUNT * m->net->n;
	m->shared_size = (m->nlayers * each + 1) * sizeof(double);
	if (!(m->shared = cm__malloc_shared(m->shared_size)))
		return cm__oom(ctx);
	for (size_t k = 0; k < m->nlayers; k++) {
		m->layers[k].actor[0] = m->shared + k * each;
		m->layers[k].shared = 1;
	}
	return 0;
}

int cm__metrics_fork(cm_metrics *m, cm_ctx *ctx, const double *cost, int workers, cm__layer_fn fn,
                     void *arg)
{
	fork_job j = {m, ctx, fn, arg, NULL, NULL, workers > 64 ? 64 : workers, NULL, NULL};
	unsigned char *done = cm__calloc(m->nlayers + 1, 1);
	void *shared = cm__malloc_shared(sizeof(*j.next));
	team t;
	j.done = done;
	j.order = cm__malloc((m->nlayers + 1) * sizeof(size_t));
	int rc = done && j.order && shared ? share_blocks(m, ctx) : cm__oom(ctx);
	if (rc == 0) {
		j.next = shared;
		atomic_init(j.next, 0);
		sort_order(j.order, cost, m->nlayers);
		start(&j, &t);
		rc = measure_here(&j, done, 0);
		rc = collect(&j, &t, done, rc);
	}
	if (rc == 0)
		rc = measure_here(&j, done, 1);
	cm__free_shared(shared, sizeof(*j.next));
	cm__free(done);
	cm__free(j.order);
	return rc;
}
