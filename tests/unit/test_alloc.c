/* Allocation failure, for every N, through a full read, report and analysis
 * of sample files:
 *  1. the N-th allocation of the whole process (library, libxml2, the C
 *     library; see tests/alloc/failmalloc.c) fails, through reading and the
 *     text report;
 *  2. the N-th allocation of the library itself (cm__test_fail_alloc in
 *     memory.c) fails, through reading, both reports and the measures
 *     (igraph and jansson allocate on their own: see docs/testing.md for
 *     what they do when they fail).
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

#include <clustermap.h>

enum { OUT_MAX = 1 << 20 };
static char expected[OUT_MAX], got[OUT_MAX];
static size_t expected_len;

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

/* Which allocations fail, and how far the pipeline goes. */
static int library_only;
static int fired; /* whether the armed failure happened in the last run */

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
	if (!rc && library_only)
		rc = cm_info_write(sink, ctx, s, CM_FORMAT_JSON);
	if (!rc && library_only)
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
	if (library_only)
		cm__test_fail_alloc(nth);
	else
		failmalloc_arm(nth);
	int rc = pipeline(ctx, sink, xml, xml_len);
	fired = library_only ? nth && cm__test_alloc_count() >= nth : failmalloc_fired();
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
	ok(rc == 0, "%s: runs without failures", name);
	int bad = 0, tolerated = 0;
	unsigned long nth = 1;
	/* CM_FAIL_ONLY=N runs just that one, e.g. with FAILMALLOC_TRACE=1. */
	const char *only = getenv("CM_FAIL_ONLY");
	if (only && run_failing(name, xml, len, strtoul(only, NULL, 10), &bad, &tolerated) >= 0 &&
	    bad)
		dump(got, strnlen(got, OUT_MAX), expected, expected_len);
	while (!only && run_failing(name, xml, len, nth, &bad, &tolerated))
		nth++;
	ok(bad == 0, "%s: each of %lu %s allocations failing ends cleanly", name, nth - 1,
	   library_only ? "library" : "process");
	if (tolerated)
		printf("# %d of those were absorbed by a dependency (same output or a libxml2 "
		       "error)\n",
		       tolerated);
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
	for (library_only = 0; library_only < 2; library_only++) {
		printf("# %s\n", library_only ? "the library's allocations, through the measures"
		                              : "every allocation of the process, through reading");
		for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", top ? top : ".", samples[i]);
			fail_every_allocation(path);
		}
	}
	return tap_done();
}
