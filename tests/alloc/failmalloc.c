/* SPDX-License-Identifier: MIT */
/* Replaces malloc, calloc and realloc for the program it is linked into (or
 * preloaded with LD_PRELOAD), forwarding to the next definition: the C
 * library's, or AddressSanitizer's in a sanitizer build. free is left alone,
 * so every pointer still belongs to the real allocator. See failmalloc.h. */
#define _GNU_SOURCE
#include "failmalloc.h"

#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <link.h>
#include <stddef.h>
#include <stdint.h>
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

/* Names of the shared objects whose calls are spared (failmalloc_spare). */
static const char *const *spared;

/* Whether a frame of the current call stack lies in a spared object. The
 * unwinder was loaded by failmalloc_spare(), so backtrace() allocates
 * nothing here. Allocations in a shared object's own start-up, made
 * while dlopen() loads it, find no name yet and are counted. */
static int in_spared(void)
{
	void *frames[64];
	int n = backtrace(frames, 64);
	for (int i = 0; i < n; i++) {
		Dl_info info;
		if (!dladdr(frames[i], &info) || !info.dli_fname)
			continue;
		for (const char *const *p = spared; *p; p++)
			if (strstr(info.dli_fname, *p))
				return 1;
	}
	return 0;
}

void failmalloc_spare(const char *const *parts)
{
	void *frames[4];
	backtrace(frames, 4);
	spared = parts;
}

RAW static int should_fail(const void *from)
{
	if (!fail_at || (spared && in_spared()) || ++calls != fail_at)
		return 0;
	errno = ENOMEM; /* as the real ones do: fopen() and others report it */
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

/* The address range of the exempted object's code; empty when none. */
static uintptr_t exempt_lo, exempt_hi;

/* What find_object() looks for: the object whose name holds part. */
typedef struct exempt_query {
	const char *part;
} exempt_query;

static int find_object(struct dl_phdr_info *info, size_t size, void *arg)
{
	const exempt_query *q = arg;
	(void)size;
	if (!info->dlpi_name || !strstr(info->dlpi_name, q->part))
		return 0;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
		if (ph->p_type != PT_LOAD)
			continue;
		exempt_lo = exempt_lo && exempt_lo < lo ? exempt_lo : lo;
		exempt_hi = exempt_hi > hi ? exempt_hi : hi;
	}
	return 1;
}

void failmalloc_exempt(const char *part)
{
	exempt_lo = exempt_hi = 0;
	exempt_query q = {part};
	if (part)
		dl_iterate_phdr(find_object, &q);
}

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define IGNORE_LEAK(p) __lsan_ignore_object(p)
#else
#define IGNORE_LEAK(p) ((void)(p))
#endif

RAW static void *exempt(void *p, const void *from)
{
	if (p && (uintptr_t)from >= exempt_lo && (uintptr_t)from < exempt_hi)
		IGNORE_LEAK(p);
	return p;
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
	const void *from = __builtin_return_address(0);
	return should_fail(from) ? NULL : exempt(real_malloc(n), from);
}

RAW void *calloc(size_t n, size_t size)
{
	resolve();
	if (!real_calloc)
		return bootstrap_alloc(n, size);
	const void *from = __builtin_return_address(0);
	return should_fail(from) ? NULL : exempt(real_calloc(n, size), from);
}

RAW void *realloc(void *p, size_t n)
{
	resolve();
	/* realloc(p, 0) frees; it must not count as a failure point. */
	if (p && n == 0)
		return real_realloc(p, n);
	const void *from = __builtin_return_address(0);
	return should_fail(from) ? NULL : exempt(real_realloc(p, n), from);
}
