/* SPDX-License-Identifier: MIT */
/* Allocation failure, for every N, through a full use of the library on
 * sample files (read, info, measures, classification, each report as text
 * and JSON):
 *  1. the N-th allocation of the whole process (library, libxml2, jansson,
 *     igraph, the C library; see tests/alloc/failmalloc.c) fails;
 *  2. the N-th allocation of the library itself (cm__test_fail_alloc in
 *     memory.c) fails.
 *
 * What each run must end in depends on who made the failing call:
 *  - the library itself: exactly CM_ENOMEM, with "error: out of memory";
 *  - a dependency: CM_ENOMEM, or exactly the output of a run without
 *    failures (some allocations are optional to them), or, for libxml2
 *    only, a clean parse error with its message (libxml2 2.9 reports some
 *    failed allocations as malformed input, e.g. an empty namespace).
 * Never a crash, a wrong success or a leak (LeakSanitizer checks leaks in
 * the sanitizer build, where this runs under tools/check). */
#include "tap.h"
#include "../alloc/failmalloc.h"
#include "getters.h"

#include <clustermap.h>
#include <igraph.h>
#include <limits.h>

enum { OUT_MAX = 1 << 20 };
static char expected[OUT_MAX], got[OUT_MAX];
static size_t expected_len;

/* PRPACK, behind igraph_pagerank(), allocates with C++ new (which
 * failmalloc does not see) and leaks that when an allocation of igraph's
 * fails; nothing of the library is allocated there. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:igraph_pagerank\n";
}

/* The library's own hook (memory.c). */
void cm__test_fail_alloc(unsigned long nth);
unsigned long cm__test_alloc_count(void);

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	if (!fp)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0) {
		long n = ftell(fp);
		rewind(fp);
		buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
		if (buf && fread(buf, 1, (size_t)n, fp) != (size_t)n) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)n;
	}
	fclose(fp);
	return buf;
}

/* The measures of the first snapshot (with a short permutation test) and
 * its classification (a few null-model and stability replicates), each
 * written as text and as JSON. */
static int analyse(cm_ctx *ctx, FILE *sink, const cm_network *net)
{
	cm_metrics_opts mopts;
	cm_metrics *m = NULL;
	cm_metrics_opts_init(&mopts, CM_METRICS_OPTS_VERSION);
	mopts.permutations = 20;
	int rc = cm_metrics_compute(&m, ctx, net, &mopts);
	if (!rc)
		rc = cm_metrics_write(sink, ctx, m, CM_FORMAT_TEXT, CM_METRICS_NODES);
	if (!rc)
		rc = cm_metrics_write(sink, ctx, m, CM_FORMAT_JSON, 0);
	cm_metrics_free(m);
	if (rc || getenv("CM_ALLOC_NO_CLASSIFY"))
		return rc;
	cm_classify_opts copts;
	cm_classification *c = NULL;
	cm_classify_opts_init(&copts, CM_CLASSIFY_OPTS_VERSION);
	copts.replicates = 2;
	copts.stability = 2;
	rc = cm_classify(&c, ctx, net, &copts);
	if (!rc)
		rc = cm_classification_write(sink, ctx, c, CM_FORMAT_TEXT);
	if (!rc)
		rc = cm_classification_write(sink, ctx, c, CM_FORMAT_JSON);
	cm_classification_free(c);
	return rc;
}

/* Which allocations fail (the process's or the library's own). */
static int library_only;
static int fired;                /* whether the armed failure happened in the last run */
static unsigned long calls;      /* allocations counted in the last run */
static unsigned long calls_read; /* of those, up to the end of the info reports */

/* A full use of the library: context, read, info, measures,
 * classification; output into sink (a fixed buffer, so that writing
 * allocates nothing). */
static int pipeline(cm_ctx **ctx_out, FILE *sink, const char *xml, size_t len)
{
	cm_ctx *ctx;
	cm_series *s = NULL;
	*ctx_out = NULL;
	int rc = cm_ctx_new(&ctx);
	if (rc)
		return rc;
	*ctx_out = ctx;
	rc = cm_series_read_buffer(&s, ctx, xml, len, NULL);
	if (!rc)
		rc = cm_info_write(sink, ctx, s, CM_FORMAT_TEXT);
	if (!rc)
		rc = cm_info_write(sink, ctx, s, CM_FORMAT_JSON);
	calls_read = library_only ? cm__test_alloc_count() : failmalloc_calls();
	if (!rc)
		rc = analyse(ctx, sink, t_series_get(s, 0));
	cm_series_free(s);
	return rc;
}

/* Runs the pipeline writing into buf; returns rc, the length in *len. */
static int run(cm_ctx **ctx, char *buf, size_t *len, const char *xml, size_t xml_len,
               unsigned long nth)
{
	FILE *sink = fmemopen(buf, OUT_MAX, "w");
	if (!sink)
		return CM_ERROR;
	setvbuf(sink, NULL, _IONBF, 0);
	/* igraph's default generator is shared by the whole process: the same
	 * state at the start of every run keeps the outputs comparable to the
	 * last bit, whatever an earlier run left in it. */
	igraph_rng_seed(igraph_rng_default(), 1);
	if (library_only)
		cm__test_fail_alloc(nth);
	else
		failmalloc_arm(nth);
	int rc = pipeline(ctx, sink, xml, xml_len);
	calls = library_only ? cm__test_alloc_count() : failmalloc_calls();
	fired = library_only ? nth && calls >= nth : failmalloc_fired();
	cm__test_fail_alloc(0);
	failmalloc_arm(0);
	*len = (size_t)ftell(sink);
	fclose(sink);
	return rc;
}

static int is_oom(int rc, const cm_ctx *ctx)
{
	return rc == CM_ENOMEM && (!ctx || !strcmp(cm_ctx_errmsg(ctx), "error: out of memory"));
}

/* Whether this run ended as it must (see the top of the file). */
static int clean_end(int rc, const cm_ctx *ctx, size_t got_len)
{
	const char *who = library_only ? "test_alloc" : failmalloc_caller();
	if (rc == 0)
		return got_len == expected_len && !memcmp(got, expected, got_len) &&
		       !(fired && failmalloc_in(who, "test_alloc"));
	if (!fired)
		return 0;
	if (is_oom(rc, ctx))
		return 1;
	return failmalloc_in(who, "libxml2") && rc == CM_EPARSE && cm_ctx_errmsg(ctx)[0];
}

/* One run with the nth allocation failing; returns 1 when it fired. */
static int run_failing(const char *name, const char *xml, size_t len, unsigned long nth, int *bad,
                       int *tolerated)
{
	size_t got_len;
	cm_ctx *ctx = NULL;
	int rc = run(&ctx, got, &got_len, xml, len, nth);
	if (!clean_end(rc, ctx, got_len)) {
		if ((*bad)++ < 10)
			printf("# %s, allocation %lu (by %s) failing: rc %d (%s) '%s'%s\n", name,
			       nth, library_only ? "the library" : failmalloc_caller(), rc,
			       cm_strerror(rc), ctx ? cm_ctx_errmsg(ctx) : "no context",
			       rc == 0 ? ", output differs" : "");
		if (rc == 0)
			printf("# %zu bytes, expected %zu\n", got_len, expected_len);
	} else if (fired && !is_oom(rc, ctx)) {
		++*tolerated;
	}
	cm_ctx_free(ctx);
	return fired;
}

/* For CM_FAIL_ONLY: both outputs, to compare by hand. */
static void dump(const char *a, size_t alen, const char *b, size_t blen)
{
	FILE *fa = fopen("alloc-got.txt", "wb"), *fb = fopen("alloc-expected.txt", "wb");
	if (fa && fb) {
		fwrite(a, 1, alen, fa);
		fwrite(b, 1, blen, fb);
		printf("# outputs in alloc-got.txt and alloc-expected.txt\n");
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
}

/* Fails every allocation through the info reports, and every stride-th
 * one after (docs/testing.md says why one sample has a stride). */
static void fail_every_allocation(const char *path, unsigned long stride)
{
	size_t len;
	char *xml = slurp(path, &len);
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (!xml) {
		ok(0, "%s: cannot read the sample", name);
		return;
	}
	cm_ctx *ctx;
	/* Once without failures (an ordinal never reached, so that the
	 * allocations are counted): libxml2 sets up its globals on first use. */
	int rc = run(&ctx, expected, &expected_len, xml, len, ULONG_MAX);
	cm_ctx_free(ctx);
	ok(rc == 0, "%s: runs without failures (%lu %s allocations)", name, calls,
	   library_only ? "library" : "process");
	int bad = 0, tolerated = 0;
	unsigned long nth = 1;
	/* CM_FAIL_ONLY=N runs just that one, e.g. with FAILMALLOC_TRACE=1. */
	const char *only = getenv("CM_FAIL_ONLY");
	if (only && run_failing(name, xml, len, strtoul(only, NULL, 10), &bad, &tolerated) >= 0 &&
	    bad)
		dump(got, strnlen(got, OUT_MAX), expected, expected_len);
	unsigned long read = calls_read, runs = 0;
	const char *env = getenv("CM_FAIL_STRIDE");
	if (env)
		stride = strtoul(env, NULL, 10);
	if (stride < 1)
		stride = 1;
	for (; !only && run_failing(name, xml, len, nth, &bad, &tolerated); runs++)
		nth += nth < read ? 1 : stride;
	ok(bad == 0,
	   "%s: each of %lu %s allocations failing ends cleanly (every one through "
	   "the info reports, %lu, then every %lu-th)",
	   name, runs, library_only ? "library" : "process", read, stride);
	if (tolerated)
		printf("# %d of those were absorbed by a dependency (same output or a libxml2 "
		       "error)\n",
		       tolerated);
	free(xml);
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	/* The stride of the process pass: the largest sample alone would take
	 * longer than the other three together (docs/testing.md). */
	static const struct {
		const char *path;
		unsigned long stride;
	} samples[] = {
	    {"tests/fuzz/corpus/read/clustermap-snapshots.graphml", 1},
	    {"tests/fuzz/corpus/read/yed.graphml", 1},
	    {"tests/fuzz/corpus/read/gephi.graphml", 1},
	    {"tests/fuzz/corpus/read/reference-florentine.graphml", 5},
	};
	for (library_only = 0; library_only < 2; library_only++) {
		/* igraph 0.10.2 leaks when some of its own allocations fail
		 * (docs/testing.md); when only the library's fail, nothing is
		 * exempt, so the library's handling of igraph's objects on its
		 * error paths is still checked for leaks. */
		failmalloc_exempt(library_only ? NULL : "libigraph");
		printf("# %s\n", library_only ? "the library's own allocations"
		                              : "every allocation of the process");
		for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
			char path[4096];
			/* CM_FAIL_SAMPLE=NAME runs only the samples whose path has NAME. */
			if (getenv("CM_FAIL_SAMPLE") &&
			    !strstr(samples[i].path, getenv("CM_FAIL_SAMPLE")))
				continue;
			snprintf(path, sizeof(path), "%s/%s", top ? top : ".", samples[i].path);
			fail_every_allocation(path, library_only ? 1 : samples[i].stride);
		}
	}
	return tap_done();
}
