/* Allocation failure: the N-th allocation of the whole process (library,
 * libxml2, igraph, jansson, C library; see tests/alloc/failmalloc.c) fails,
 * for every N through a full read, analysis and report of sample files.
 *
 * What each run must end in depends on who made the failing call:
 *  - the library itself: exactly CM_ENOMEM, with "error: out of memory";
 *  - a dependency: CM_ENOMEM, or exactly the output of a run without
 *    failures (some allocations are optional to them), or, for libxml2
 *    only, a clean parse error with its message (libxml2 2.9 reports some
 *    failed allocations as malformed input, e.g. an empty namespace).
 * Never a crash, a wrong success or a leak (LeakSanitizer checks leaks in
 * the sanitizer build, where this runs under tools/check). */
#define _GNU_SOURCE
#include "tap.h"
#include "../alloc/failmalloc.h"

#include <clustermap.h>

enum { OUT_MAX = 1 << 20 };
static char expected[OUT_MAX], got[OUT_MAX];
static size_t expected_len;

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

/* Measures of the first snapshot, with a short permutation test. */
static int analyse(cm_ctx *ctx, FILE *sink, const cm_series *s)
{
	cm_metrics_opts opts;
	cm_metrics *m = NULL;
	cm_metrics_opts_init(&opts);
	opts.permutations = 20;
	int rc = cm_metrics_compute(&m, ctx, cm_series_get(s, 0), &opts);
	if (!rc)
		rc = cm_metrics_write(sink, ctx, m, CM_FORMAT_TEXT, 1);
	cm_metrics_free(m);
	return rc;
}

/* A full use of the library: context, read, info, measures; output into
 * sink (a fixed buffer, so that writing allocates nothing). */
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
		rc = analyse(ctx, sink, s);
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
	failmalloc_arm(nth);
	int rc = pipeline(ctx, sink, xml, xml_len);
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
	const char *who = failmalloc_caller();
	if (rc == 0)
		return got_len == expected_len && !memcmp(got, expected, got_len) &&
		       !failmalloc_in(who, "test_alloc");
	if (!failmalloc_fired())
		return 0;
	if (is_oom(rc, ctx))
		return 1;
	return failmalloc_in(who, "libxml2") && rc == CM_EPARSE && cm_ctx_errmsg(ctx)[0];
}

/* One run with the nth allocation failing; returns 1 when it fired. */
static int run_failing(const char *name, const char *xml, size_t len, unsigned long nth,
		       int *bad, int *tolerated)
{
	size_t got_len;
	cm_ctx *ctx = NULL;
	int rc = run(&ctx, got, &got_len, xml, len, nth);
	int fired = failmalloc_fired();
	if (!clean_end(rc, ctx, got_len)) {
		if ((*bad)++ < 10)
			printf("# %s, allocation %lu (by %s) failing: rc %d (%s) '%s'%s\n", name,
			       nth, failmalloc_caller(), rc, cm_strerror(rc),
			       ctx ? cm_ctx_errmsg(ctx) : "no context",
			       rc == 0 ? ", output differs" : "");
	} else if (fired && !is_oom(rc, ctx)) {
		++*tolerated;
	}
	cm_ctx_free(ctx);
	return fired;
}

static void fail_every_allocation(const char *path)
{
	size_t len;
	char *xml = slurp(path, &len);
	const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	if (!xml) {
		ok(0, "%s: cannot read the sample", name);
		return;
	}
	cm_ctx *ctx;
	/* Once without failures: libxml2 sets up its globals on first use. */
	int rc = run(&ctx, expected, &expected_len, xml, len, 0);
	cm_ctx_free(ctx);
	ok(rc == 0, "%s reads and analyses without failures", name);
	int bad = 0, tolerated = 0;
	unsigned long nth = 1;
	/* CM_FAIL_ONLY=N runs just that one, e.g. with FAILMALLOC_TRACE=1. */
	const char *only = getenv("CM_FAIL_ONLY");
	if (only)
		run_failing(name, xml, len, strtoul(only, NULL, 10), &bad, &tolerated);
	while (!only && run_failing(name, xml, len, nth, &bad, &tolerated))
		nth++;
	ok(bad == 0, "%s: each of %lu allocations failing ends cleanly", name, nth - 1);
	printf("# %s: %d of those were absorbed by a dependency (same output or libxml2 error)\n",
	       name, tolerated);
	free(xml);
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	static const char *const samples[] = {
		"tests/fuzz/corpus/read/clustermap-snapshots.graphml",
		"tests/fuzz/corpus/read/yed.graphml",
		"tests/fuzz/corpus/read/gephi.graphml",
		"tests/fuzz/corpus/read/reference-florentine.graphml",
	};
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", top ? top : ".", samples[i]);
		fail_every_allocation(path);
	}
	return tap_done();
}
