/* SPDX-License-Identifier: MIT */
/* Allocation failure for one run of the command: linked into a copy of the
 * CLI (tests/alloc/clustermap-failing) together with failmalloc.c and the
 * library's stages, it arms the failure from the environment before main
 * runs and says at exit what happened. tests/cli/alloc.sh drives it.
 *
 *   CM_FAIL_PROCESS=N  the N-th allocation of the whole process fails
 *   CM_FAIL_LIBRARY=N  the N-th allocation of the library itself fails
 *   CM_FAIL_REPORT=F   receives "fired CALLER" when the failure happened,
 *                      else "calls N" (the allocations counted)
 *
 * In the process pass, allocations made under a call into Graphviz are
 * spared: Graphviz 2.42 does not survive a failed allocation of its own
 * (gmalloc aborts, agalloc's callers use the NULL it returns), and neither
 * do the libraries it draws text and bitmaps with (GLib's allocator
 * aborts, fontconfig asserts), some of which allocate in threads of their
 * own: their calls are spared wherever they come from; docs/testing.md. */
#include "failmalloc.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The library's own hook (src/lib/core/memory.c). */
void cm__test_fail_alloc(unsigned long nth);
unsigned long cm__test_alloc_count(void);

static unsigned long library_nth;

static const char *const graphviz[] = {
    "libgvc",      "libcgraph",   "libcdt",        "libpathplan", "libxdot", "libgvplugin",
    "libltdl",     "libpango",    "libfontconfig", "libcairo",    "libglib", "libgobject",
    "libfreetype", "libharfbuzz", "libgd.",        "librsvg",     NULL};

/* As in tests/unit/test_alloc.c: PRPACK, behind igraph_pagerank(), leaks
 * what it allocated with C++ new when an allocation of igraph's fails. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:igraph_pagerank\n";
}

__attribute__((constructor)) static void arm(void)
{
	const char *process = getenv("CM_FAIL_PROCESS"), *library = getenv("CM_FAIL_LIBRARY");
	if (library) {
		library_nth = strtoul(library, NULL, 10);
		cm__test_fail_alloc(library_nth);
	} else if (process) {
		/* igraph 0.10.2 leaks on some of its own failure paths. */
		failmalloc_exempt("libigraph");
		failmalloc_spare(graphviz);
		failmalloc_arm(strtoul(process, NULL, 10));
	}
}

/* Runs at exit(), also after a failed command; never after a signal. */
__attribute__((destructor)) static void report(void)
{
	const char *path = getenv("CM_FAIL_REPORT");
	char line[512];
	int fd;
	failmalloc_arm(0); /* keeps the count; nothing from here fails */
	if (!path)
		return;
	if (library_nth)
		snprintf(line, sizeof(line),
		         cm__test_alloc_count() >= library_nth ? "fired library\n" : "calls %lu\n",
		         cm__test_alloc_count());
	else if (failmalloc_fired())
		snprintf(line, sizeof(line), "fired %s\n", failmalloc_caller());
	else
		snprintf(line, sizeof(line), "calls %lu\n", failmalloc_calls());
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		ssize_t n = write(fd, line, strlen(line));
		(void)n;
		close(fd);
	}
}
