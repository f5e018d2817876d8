/* The layers of cm_metrics_compute in worker processes (metrics_work.h):
 * each worker measures its share of the layers and sends every result back
 * through a pipe, with its error message and its diagnostics; the parent
 * measures a share itself. A layer's result is plain numbers apart from
 * three pointers: the name (the network's own string, or "all", valid in
 * the parent too), the actor block and the core list, which the parent
 * rebuilds from what follows the struct. */
#include "metrics_work.h"
#include "workers.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct fork_job {
	cm_metrics *m;
	cm_ctx *ctx;
	cm__layer_fn fn;
	void *arg;
	int *owner; /* worker of each layer; 0 is the parent */
	int workers;
	/* The parent's record of the layers received, held here too so that a
	 * worker, which leaves through _exit(), still reaches it (leak checkers
	 * report blocks only a dead stack frame pointed to). */
	unsigned char *done;
} fork_job;

/* Longest layers first, each to the least loaded worker. */
static void assign(fork_job *j, const double *cost)
{
	double load[64] = {0};
	size_t n = j->m->nlayers;
	for (size_t k = 0; k < n; k++)
		j->owner[k] = -1;
	for (size_t done = 0; done < n; done++) {
		size_t big = 0;
		while (j->owner[big] >= 0)
			big++;
		for (size_t k = big + 1; k < n; k++)
			if (j->owner[k] < 0 && cost[k] > cost[big])
				big = k;
		int least = 0;
		for (int w = 1; w < j->workers; w++)
			if (load[w] < load[least])
				least = w;
		j->owner[big] = least;
		load[least] += cost[big];
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

static int send_layer(int fd, const cm__mlayer *l, size_t n)
{
	if (cm__write_all(fd, l, sizeof(*l)) ||
	    cm__write_all(fd, l->actor[0], CM__AM_COUNT * n * sizeof(double)))
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
		const cm_diag *d = &ctx->diags.items[i];
		unsigned long where[3] = {(unsigned long)d->level, d->line, d->col};
		if (cm__write_all(fd, where, sizeof(where)) || send_string(fd, d->file) ||
		    send_string(fd, d->message))
			return -1;
	}
	return 0;
}

/* In worker w: every layer it owns, each preceded by its status (and
 * message when it failed, after which nothing more is measured). All are
 * measured before anything is sent: the parent reads only once its own
 * layers are done, and a worker writing a layer into the full pipe would
 * wait for it instead of measuring its next one. */
static int run_worker(fork_job *j, int fd, int w)
{
	size_t from = j->ctx->diags.count, failed = j->m->nlayers;
	int32_t rc = 0;
	for (size_t k = 0; k < j->m->nlayers && !rc; k++)
		if (j->owner[k] == w && (rc = j->fn(&j->m->layers[k], j->ctx, j->arg, k)))
			failed = k;
	for (size_t k = 0; k < j->m->nlayers; k++) {
		if (j->owner[k] != w)
			continue;
		int32_t status = k == failed ? rc : 0;
		if (cm__write_all(fd, &status, sizeof(status)))
			return -1;
		if (status)
			return send_string(fd, cm_ctx_errmsg(j->ctx));
		if (send_layer(fd, &j->m->layers[k], j->m->net->n))
			return -1;
	}
	return send_diags(fd, j->ctx, from);
}

/* The child leaves without the parent's exit handlers or stdio buffers,
 * and without its own workers or progress lines (the parent shows its own). */
typedef struct worker_arg {
	fork_job *j;
	int w;
} worker_arg;

static void worker(int fd, void *arg)
{
	const worker_arg *a = arg;
	a->j->ctx->progress = NULL;
	a->j->ctx->no_workers = 1;
	_exit(run_worker(a->j, fd, a->w) ? 1 : 0);
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

/* Into the parent's layer: the struct, then its own actor block and core
 * list in place of the worker's pointers. */
static int receive_layer(cm__mlayer *l, cm_ctx *ctx, int fd, size_t n)
{
	cm__mlayer got;
	if (cm__read_all(fd, &got, sizeof(got)))
		return 1;
	double *block = cm__malloc((CM__AM_COUNT * n + 1) * sizeof(double));
	size_t *core = got.cp.core_size ? cm__malloc(got.cp.core_size * sizeof(size_t)) : NULL;
	if (!block || (got.cp.core_size && !core)) {
		cm__free(block);
		cm__free(core);
		return cm__oom(ctx);
	}
	if (cm__read_all(fd, block, CM__AM_COUNT * n * sizeof(double)) ||
	    (core && cm__read_all(fd, core, got.cp.core_size * sizeof(size_t)))) {
		cm__free(block);
		cm__free(core);
		return 1;
	}
	for (int a = 0; a < CM__AM_COUNT; a++)
		got.actor[a] = block + (size_t)a * n;
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

/* Worker w's layers, marking each one received in done[]. 0, a CM_E* code
 * (the worker's or our own failure, message in ctx), or 1 when the worker
 * stopped delivering: its missing layers are then measured here. */
static int receive_worker(fork_job *j, int fd, int w, unsigned char *done)
{
	for (size_t k = 0; k < j->m->nlayers; k++) {
		int32_t status;
		char *msg = NULL;
		if (j->owner[k] != w)
			continue;
		if (cm__read_all(fd, &status, sizeof(status)))
			return 1;
		if (status) {
			if (receive_string(&msg, fd) || !msg)
				return cm__error(j->ctx, status, "error: %s", cm_strerror(status));
			cm__error(j->ctx, status, "%s", msg);
			cm__free(msg);
			return status;
		}
		int rc = receive_layer(&j->m->layers[k], j->ctx, fd, j->m->net->n);
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

/* Workers 1..workers-1; a worker that cannot start leaves its layers to
 * the parent. */
static void start(fork_job *j, team *t)
{
	for (int w = 1; w < j->workers; w++) {
		worker_arg a = {j, w};
		t->fd[w] = -1;
		t->pid[w] = cm__spawn(&t->fd[w], t->fd + 1, w - 1, worker, &a);
	}
}

/* The parent's own layers (owner 0, or of a worker that never started or
 * stopped delivering): everything not yet done, when mine is set. */
static int measure_here(fork_job *j, unsigned char *done, const unsigned char *mine)
{
	for (size_t k = 0; k < j->m->nlayers; k++) {
		if (done[k] || !mine[j->owner[k]])
			continue;
		int rc = j->fn(&j->m->layers[k], j->ctx, j->arg, k);
		if (rc)
			return rc;
		done[k] = 1;
	}
	return 0;
}

/* Collects every worker (stopping the rest after a failure) and reaps them. */
static int collect(fork_job *j, team *t, unsigned char *done, unsigned char *mine, int rc)
{
	for (int w = 1; w < j->workers; w++) {
		if (t->pid[w] < 0) {
			mine[w] = 1;
			continue;
		}
		int got = rc ? 0 : receive_worker(j, t->fd[w], w, done);
		if (got || rc)
			kill(t->pid[w], SIGKILL);
		close(t->fd[w]);
		int died = cm__reap(t->pid[w]);
		if (got == 1 || (got == 0 && died && !rc))
			mine[w] = 1; /* measured again here */
		else if (got && !rc)
			rc = got;
	}
	return rc;
}

int cm__metrics_fork(cm_metrics *m, cm_ctx *ctx, const double *cost, int workers, cm__layer_fn fn,
                     void *arg)
{
	fork_job j = {m, ctx, fn, arg, NULL, workers > 64 ? 64 : workers, NULL};
	unsigned char *done = cm__calloc(m->nlayers + 1, 1), mine[64] = {1};
	team t;
	j.done = done;
	if (!done || !(j.owner = cm__malloc((m->nlayers + 1) * sizeof(int)))) {
		cm__free(done);
		return cm__oom(ctx);
	}
	assign(&j, cost);
	start(&j, &t);
	for (int w = 1; w < j.workers; w++)
		mine[w] = t.pid[w] < 0;
	int rc = measure_here(&j, done, mine);
	rc = collect(&j, &t, done, mine, rc);
	if (rc == 0)
		rc = measure_here(&j, done, mine);
	cm__free(done);
	cm__free(j.owner);
	return rc;
}
