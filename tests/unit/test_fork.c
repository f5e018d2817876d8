/* SPDX-License-Identifier: MIT */
/* Layers measured in worker processes (metrics_fork.c): layers are taken
 * costliest first, workers take their share, every result comes back whole
 * (values, actor block, core list, sampling figures), a worker's error
 * reaches the caller with its message, a worker's warnings too, and the
 * layers of a worker that dies are measured by the parent. The layer
 * function here is a stand-in whose results are a known function of the
 * layer and actor index. */
#include "config.h" /* usleep is an extension */

#include "tap.h"

#include "metrics/metrics_work.h"
#include "getters.h"

#include <string.h>
#include <unistd.h>

#define NODES  7
#define LAYERS 5

typedef struct behaviour {
	pid_t parent;
	size_t fail_layer, die_layer; /* LAYERS: none */
	int die_in_worker;            /* a worker dies on the first layer it takes */
	/* Shared with the workers: set once a worker has taken a layer, which
	 * the parent waits for (up to 20 s) before measuring its own first one,
	 * so that workers are sure to take part however the processes are
	 * scheduled. */
	volatile int *worker_took;
	size_t seen[LAYERS], nseen; /* the parent's layers, in the order taken */
} behaviour;

static void wait_for_worker(const behaviour *b)
{
	for (int i = 0; i < 20000 && !*b->worker_took; i++)
		usleep(1000);
}

static int fake_layer(cm__mlayer *out, cm_ctx *ctx, void *arg, size_t k)
{
	behaviour *b = arg;
	int in_worker = getpid() != b->parent;
	if (in_worker)
		*b->worker_took = 1;
	else if (b->nseen++ == 0)
		wait_for_worker(b);
	if (!in_worker && b->nseen <= LAYERS)
		b->seen[b->nseen - 1] = k;
	if (in_worker && (k == b->die_layer || b->die_in_worker))
		_exit(3);
	if (k == b->fail_layer)
		return cm__error(ctx, CM_EGRAPH, "error: layer %zu failed on purpose", k);
	double *block =
	    out->shared ? out->actor[0] : cm__malloc(CM__AM_COUNT * NODES * sizeof(double));
	if (!block)
		return cm__oom(ctx);
	for (int a = 0; a < CM__AM_COUNT; a++)
		out->actor[a] = block + a * NODES;
	for (int i = 0; i < CM__AM_COUNT * NODES; i++)
		block[i] = (double)(k * 1000 + (size_t)i);
	out->name = "layer";
	out->value[CM__NM_DENSITY] = (double)k / 10;
	out->value[CM__NM_NODES] = in_worker;
	out->betweenness.sources = k + 1;
	out->cp.present = k == 2;
	if (k == 2) {
		out->cp.core = cm__malloc(3 * sizeof(size_t));
		out->cp.core_size = 3;
		for (size_t i = 0; i < 3; i++)
			out->cp.core[i] = 6 - i;
	}
	if (k == 1)
		cm__diag(ctx, CM_DIAG_WARNING, "f.graphml", 4, 2, "a warning from layer %zu", k);
	return 0;
}

/* Each layer's scores in its place in the shared block, whoever measured it. */
static int whole(const cm_metrics *m, size_t k)
{
	const cm__mlayer *l = &m->layers[k];
	int good = l->value[CM__NM_DENSITY] == (double)k / 10 && l->betweenness.sources == k + 1 &&
	           !strcmp(l->name, "layer") && l->shared &&
	           l->actor[0] == m->shared + k * CM__AM_COUNT * NODES;
	for (int i = 0; good && i < CM__AM_COUNT * NODES; i++)
		good = l->actor[i / NODES][i % NODES] == (double)(k * 1000 + (size_t)i);
	if (k == 2)
		good = good && l->cp.present && l->cp.core_size == 3 && l->cp.core[0] == 6 &&
		       l->cp.core[2] == 4;
	return good;
}

static cm_metrics *fresh(const cm_network *net)
{
	cm_metrics *m = cm__calloc(1, sizeof(*m));
	m->net = net;
	m->nlayers = LAYERS;
	m->layers = cm__calloc(LAYERS, sizeof(*m->layers));
	return m;
}

static int run(cm_metrics *m, cm_ctx *ctx, behaviour *b, int workers)
{
	double cost[LAYERS] = {5, 1, 4, 2, 3};
	cm_ctx_clear(ctx);
	*b->worker_took = workers == 1; /* nobody to wait for */
	b->nseen = 0;
	return cm__metrics_fork(m, ctx, cost, workers, fake_layer, b);
}

static int by_workers(const cm_metrics *m)
{
	int count = 0;
	for (size_t k = 0; k < LAYERS; k++)
		count += m->layers[k].value[CM__NM_NODES] == 1;
	return count;
}

int main(void)
{
	static const char xml[] = "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"
	                          "<graph edgedefault='undirected'><node id='a'/><node id='b'/>"
	                          "<node id='c'/><node id='d'/><node id='e'/><node id='f'/>"
	                          "<node id='g'/></graph></graphml>";
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cm_ctx_new(&ctx) || cm_series_read_buffer(&s, ctx, xml, strlen(xml), NULL))
		return 1;
	cm_network *net = t_series_take(s, 0);
	cm_series_free(s);
	is_int((int)cm_network_node_count(net), NODES, "a network of seven actors");
	void *shared = cm__malloc_shared(sizeof(int));
	if (!shared)
		return 1;
	behaviour b = {getpid(), LAYERS, LAYERS, 0, shared, {0}, 0};

	for (int workers = 1; workers <= 4; workers++) {
		cm_metrics *m = fresh(net);
		ok(run(m, ctx, &b, workers) == 0, "%d worker%s: every layer measured", workers,
		   workers > 1 ? "s" : "");
		if (workers == 1)
			ok(b.nseen == LAYERS && b.seen[0] == 0 && b.seen[1] == 2 &&
			       b.seen[2] == 4 && b.seen[3] == 3 && b.seen[4] == 1,
			   "alone: layers taken costliest first");
		else
			ok(by_workers(m) >= 1,
			   "%d workers: the workers took part (%d of the layers)", workers,
			   by_workers(m));
		int all = 1;
		for (size_t k = 0; k < LAYERS; k++)
			all = all && whole(m, k);
		ok(all, "%d worker%s: every result whole", workers, workers > 1 ? "s" : "");
		ok(cm_ctx_diag_count(ctx) == 1 &&
		       !strcmp(t_ctx_diag(ctx, 0)->message, "a warning from layer 1") &&
		       t_ctx_diag(ctx, 0)->line == 4,
		   "%d worker%s: a layer's warning reaches the caller once", workers,
		   workers > 1 ? "s" : "");
		cm_metrics_free(m);
	}

	cm_metrics *m = fresh(net);
	b.fail_layer = 3;
	is_int(run(m, ctx, &b, 3), CM_EGRAPH, "a failing layer fails the whole");
	ok(!strcmp(cm_ctx_errmsg(ctx), "error: layer 3 failed on purpose"),
	   "with the layer's own message: %s", cm_ctx_errmsg(ctx));
	cm_metrics_free(m);

	m = fresh(net);
	b.fail_layer = LAYERS;
	b.die_layer = 1;
	ok(run(m, ctx, &b, 3) == 0, "a worker that dies: its layers measured here");
	int all = 1;
	for (size_t k = 0; k < LAYERS; k++)
		all = all && whole(m, k);
	ok(all, "and every result is whole");
	cm_metrics_free(m);

	m = fresh(net);
	b.die_layer = LAYERS;
	b.die_in_worker = 1;
	ok(run(m, ctx, &b, 3) == 0, "workers that die on the first layer they take");
	all = by_workers(m) == 0;
	for (size_t k = 0; k < LAYERS; k++)
		all = all && whole(m, k);
	ok(all, "every layer measured here instead, whole");
	cm_metrics_free(m);
	cm__free_shared(shared, sizeof(int));

	cm_network_free(net);
	cm_ctx_free(ctx);
	return tap_done();
}
