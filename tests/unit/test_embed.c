/* SPDX-License-Identifier: MIT */
/* The library is safe to load into another program: it starts no process
 * unless asked (a layer large enough for workers is measured in the
 * caller's process by default, and with workers gives the same output), and
 * leaves igraph's default random generator, error and warning handlers and
 * the OpenMP thread count as the caller set them, on success and failure. */
#define _GNU_SOURCE /* open_memstream */

#include "tap.h"
#include "getters.h"

#include <clustermap.h>
#include <igraph.h>

#ifdef _OPENMP
#include <omp.h>
#endif
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Counted in the parent only: a worker leaves through _exit(). */
static volatile int forks;

static void count_fork(void)
{
	forks++;
}

#define HEAD                                                                                       \
	"<?xml version='1.0'?><graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"             \
	"<key id='r' for='edge' attr.name='relation' attr.type='string'/>"                         \
	"<graph edgedefault='directed'>"

static const char *const relations[] = {"supplier", "association", "information"};

/* n actors with ties in three relations, each layer a ring of chords:
 * actors plus ties over the layers and their union (104000 here) pass the
 * size from which metrics used to start workers by themselves (10^5). */
static char *large_graphml(int n, int ties)
{
	size_t cap = (size_t)(n + 3 * ties) * 80 + 256, len = 0;
	char *xml = malloc(cap);
	if (!xml)
		return NULL;
	len += (size_t)snprintf(xml + len, cap - len, HEAD);
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(xml + len, cap - len, "<node id='v%d'/>", i);
	for (int r = 0; r < 3; r++)
		for (int e = 0; e < ties; e++)
			len += (size_t)snprintf(xml + len, cap - len,
			                        "<edge source='v%d' target='v%d'><data "
			                        "key='r'>%s</data></edge>",
			                        e % n, (e * 7 + r + 1) % n, relations[r]);
	snprintf(xml + len, cap - len, "</graph></graphml>");
	return xml;
}

static cm_network *read_large(cm_ctx *ctx)
{
	char *xml = large_graphml(14000, 8000);
	cm_series *s = NULL;
	cm_network *net = NULL;
	if (xml && cm_series_read_buffer(&s, ctx, xml, strlen(xml), NULL) == 0)
		net = t_series_take(s, 0);
	else
		printf("# read failed: %s\n", cm_ctx_errmsg(ctx));
	cm_series_free(s);
	free(xml);
	return net;
}

/* Every layer's measures as JSON text, or NULL. */
static char *metrics_json(cm_ctx *ctx, const cm_network *net)
{
	cm_metrics_opts o;
	cm_metrics *m = NULL;
	char *text = NULL;
	size_t len = 0;
	cm_metrics_opts_init(&o, CM_METRICS_OPTS_VERSION);
	o.permutations = 0;
	o.approx = 20; /* sampled paths: the test is about processes, not measures */
	FILE *fp = open_memstream(&text, &len);
	int rc = fp ? cm_metrics_compute(&m, ctx, net, &o) : CM_ENOMEM;
	if (rc == 0)
		rc = cm_metrics_write(fp, ctx, m, CM_FORMAT_JSON, CM_METRICS_NODES);
	if (fp)
		fclose(fp);
	cm_metrics_free(m);
	if (rc) {
		printf("# metrics failed: %s\n", cm_ctx_errmsg(ctx));
		free(text);
		return NULL;
	}
	return text;
}

static void test_no_fork(cm_ctx *ctx)
{
	cm_network *net = read_large(ctx);
	ok(net && cm_network_node_count(net) == 14000, "a network of 14000 actors, 24000 ties");
	size_t at = 0, found = 0;
	char id[32];
	for (int i = 0; net && i < 14000; i++) {
		snprintf(id, sizeof(id), "v%d", i);
		found += cm_network_find_node(&at, net, id) == 0 && at == (size_t)i;
	}
	ok(found == 14000, "every actor found by id on a const network (%zu)", found);
	ok(net && cm_network_find_node(&at, net, "v14000") == CM_ENOTFOUND, "an unknown id is not");
	forks = 0;
	char *here = metrics_json(ctx, net);
	ok(here != NULL, "measured with the default jobs");
	is_int(forks, 0, "no child process by default");
	cm_ctx_set_jobs(ctx, 2);
	char *two = metrics_json(ctx, net);
	ok(forks > 0, "workers when asked (%d started)", forks);
	ok(here && two && !strcmp(here, two), "the same output with two workers");
	cm_ctx_set_jobs(ctx, 0);
	forks = 0;
	free(two);
	two = metrics_json(ctx, net);
	is_int(forks, 0, "jobs 0 counts as 1: no child process");
	ok(here && two && !strcmp(here, two), "and the same output");
	cm_ctx_set_jobs(ctx, 1);
	free(here);
	free(two);
	cm_network_free(net);
}

/* ------------------------------------------------------------ global state */

static void host_error(const char *reason, const char *file, int line, igraph_error_t err)
{
	(void)reason, (void)file, (void)line, (void)err;
}

static void host_warning(const char *reason, const char *file, int line)
{
	(void)reason, (void)file, (void)line;
}

static int cancel(const char *what, double fraction, void *payload)
{
	(void)what, (void)payload;
	return fraction > 0; /* after the first step */
}

/* The host program's settings, as a Python or R session would have them. */
static void host_set(void)
{
	igraph_set_error_handler(host_error);
	igraph_set_warning_handler(host_warning);
	igraph_rng_seed(igraph_rng_default(), 1234);
#ifdef _OPENMP
	omp_set_num_threads(3);
#endif
}

/* The next number of the host's generator is that of a fresh one seeded the
 * same: nothing drew from it, reseeded or replaced it. */
static void host_check(const char *after)
{
	igraph_rng_t fresh;
	igraph_rng_init(&fresh, &igraph_rngtype_pcg32);
	igraph_rng_seed(&fresh, 1234);
	igraph_integer_t want = igraph_rng_get_integer(&fresh, 0, 1 << 30);
	igraph_rng_destroy(&fresh);
	ok(igraph_rng_get_integer(igraph_rng_default(), 0, 1 << 30) == want,
	   "%s: the default generator is the host's, where it was", after);
	ok(igraph_set_error_handler(host_error) == host_error, "%s: error handler restored", after);
	ok(igraph_set_warning_handler(host_warning) == host_warning, "%s: warning handler restored",
	   after);
#ifdef _OPENMP
	ok(omp_get_max_threads() == 3, "%s: OpenMP thread count restored", after);
#else
	ok(1, "%s: OpenMP # SKIP built without OpenMP", after);
#endif
}

static void test_state(cm_ctx *ctx, const char *dir)
{
	char path[4096];
	cm_network *net = NULL;
	cm_metrics *m = NULL;
	cm_classification *c = NULL;
	snprintf(path, sizeof(path), "%s/samples/prato.graphml", dir);
	host_set();
	ok(cm_network_read_file(&net, ctx, path, NULL) == 0, "read %s", path);
	ok(net && cm_metrics_compute(&m, ctx, net, NULL) == 0, "metrics");
	host_check("cm_metrics_compute");
	host_set();
	ok(net && cm_classify(&c, ctx, net, NULL) == 0, "classify");
	host_check("cm_classify");
	cm_classification_free(c);
	cm_metrics_free(m);
	host_set();
	cm_ctx_set_progress(ctx, cancel, NULL);
	ok(net && cm_metrics_compute(&m, ctx, net, NULL) != 0 && !m, "metrics cancelled");
	host_check("a cancelled cm_metrics_compute");
	cm_ctx_set_progress(ctx, NULL, NULL);
	cm_network_free(net);
}

int main(void)
{
	const char *dir = getenv("top_srcdir");
	cm_ctx *ctx;
	if (cm_ctx_new(&ctx) || pthread_atfork(NULL, count_fork, NULL))
		return 1;
	test_state(ctx, dir ? dir : ".");
	test_no_fork(ctx);
	cm_ctx_free(ctx);
	return tap_done();
}
