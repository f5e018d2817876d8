/* Replaces malloc, calloc and realloc for the program it is linked into (or
 * preloaded with LD_PRELOAD), forwarding to the next definition: the C
 * library's, or AddressSanitizer's in a sanitizer build. free is left alone,
 * so every pointer still belongs to the real allocator. See failmalloc.h. */
#define _GNU_SOURCE
#include "failmalloc.h"

#include <dlfcn.h>
#include <execinfo.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* These run inside AddressSanitizer's own start-up (before its shadow
 * memory exists) in a sanitizer build, so they must not be instrumented. */
#if defined(__GNUC__)
#define RAW __attribute__((no_sanitize("address", "undefined")))
#else
#define RAW
#endif

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);

/* dlsym() may itself allocate before the real functions are known; those
 * few bytes come from here (dlsym keeps them; they are never freed). */
static unsigned char bootstrap[4096] __attribute__((aligned(16)));
static size_t bootstrap_used;

static unsigned long fail_at, calls;
static int fired, trace = -1;
static const void *fired_from;

void failmalloc_arm(unsigned long nth)
{
	if (trace < 0) {
		/* FAILMALLOC_TRACE=1 prints where each injected failure hits; the
		 * first backtrace() loads its unwinder, so do it while disarmed. */
		void *frames[4];
		const char *env = getenv("FAILMALLOC_TRACE");
		trace = env && *env == '1';
		if (trace)
			backtrace(frames, 4);
	}
	fail_at = nth;
	if (nth) {
		calls = 0;
		fired = 0;
		fired_from = NULL;
	}
}

unsigned long failmalloc_calls(void)
{
	return calls;
}

int failmalloc_fired(void)
{
	return fired;
}

const char *failmalloc_caller(void)
{
	Dl_info info;
	if (!fired_from)
		return "nobody";
	if (!dladdr(fired_from, &info) || !info.dli_fname)
		return "unknown";
	const char *slash = strrchr(info.dli_fname, '/');
	return slash ? slash + 1 : info.dli_fname;
}

int failmalloc_in(const char *caller, const char *part)
{
	return strstr(caller, part) != NULL;
}

RAW static int should_fail(const void *from)
{
	if (!fail_at || ++calls != fail_at)
		return 0;
	fired = 1;
	fired_from = from;
	if (trace) {
		void *frames[24];
		int n = backtrace(frames, 24);
		backtrace_symbols_fd(frames, n, STDERR_FILENO);
		write(STDERR_FILENO, "--\n", 3);
	}
	return 1;
}

static int resolving;

RAW static void resolve(void)
{
	if (!real_calloc && !resolving) {
		resolving = 1;
		real_malloc = (void *(*)(size_t))dlsym(RTLD_NEXT, "malloc");
		real_realloc = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
		real_calloc = (void *(*)(size_t, size_t))dlsym(RTLD_NEXT, "calloc");
		resolving = 0;
	}
}

/* Serves dlsym()'s own allocations while resolve() runs. */
RAW static void *bootstrap_alloc(size_t n, size_t size)
{
	if (n && size > sizeof(bootstrap) / n)
		return NULL;
	size_t bytes = (n * size + 15) & ~(size_t)15;
	if (bytes > sizeof(bootstrap) - bootstrap_used)
		return NULL;
	void *p = bootstrap + bootstrap_used;
	bootstrap_used += bytes;
	return p;
}

RAW void *malloc(size_t n)
{
	resolve();
	if (!real_malloc)
		return bootstrap_alloc(n, 1);
	return should_fail(__builtin_return_address(0)) ? NULL : real_malloc(n);
}

RAW void *calloc(size_t n, size_t size)
{
	resolve();
	if (!real_calloc)
		return bootstrap_alloc(n, size);
	return should_fail(__builtin_return_address(0)) ? NULL : real_calloc(n, size);
}

RAW void *realloc(void *p, size_t n)
{
	resolve();
	/* realloc(p, 0) frees; it must not count as a failure point. */
	if (p && n == 0)
		return real_realloc(p, n);
	return should_fail(__builtin_return_address(0)) ? NULL : real_realloc(p, n);
}
