/* SPDX-License-Identifier: MIT */
/* Transparent huge pages for large inputs.
 *
 * Measuring a large network walks igraph's arrays (the graph, Leiden's,
 * PageRank's and ARPACK's work arrays) in an order the processor cannot
 * predict; on 4 KiB pages most of those steps miss the TLB. Where the kernel
 * gives huge pages only on request ("madvise"), glibc requests them for every
 * block malloc takes from the system when its tunable glibc.malloc.hugetlb
 * is 1; the library advises only its own blocks (memory.c). Tunables are
 * read once, at start, so before a large input is read the CLI sets the
 * tunable and starts itself again (the threshold: docs/performance.md). A
 * GLIBC_TUNABLES that already names the tunable is the user's choice and is
 * left as it is; that also ends the restart. Glibc on Linux only
 * (HAVE_GLIBC_TUNABLES); elsewhere the program never restarts itself. */
#include "config.h"

#include "cli.h"

#if HAVE_GLIBC_TUNABLES

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define TUNABLE  "glibc.malloc.hugetlb"
#define THP_MODE "/sys/kernel/mm/transparent_hugepage/enabled"

/* Files from this size on are worth a restart (1,000 MB for a million
 * actors and five million ties in the benchmark's networks). */
static const off_t huge_min_bytes = (off_t)256 << 20;

/* 1 when the kernel gives huge pages on request only: "always" needs no
 * request and "never" ignores it. */
static int thp_on_request(void)
{
	char mode[128] = "";
	FILE *fp = fopen(THP_MODE, "r");
	if (!fp)
		return 0;
	int got = fgets(mode, sizeof mode, fp) != NULL;
	fclose(fp);
	return got && strstr(mode, "[madvise]") != NULL;
}

/* 1 when some argument names a regular file of huge_min_bytes or more.
 * An option's value that happens to be such a file (an output about to be
 * replaced) only costs the restart. */
static int large_input(int argc, char **argv)
{
	struct stat st;
	for (int i = 1; i < argc; i++)
		if (stat(argv[i], &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= huge_min_bytes)
			return 1;
	return 0;
}

/* GLIBC_TUNABLES with the tunable added, or NULL when it is already there
 * or memory is short. */
static char *tunables_with_hugetlb(void)
{
	const char *old = getenv("GLIBC_TUNABLES");
	if (old && strstr(old, TUNABLE))
		return NULL;
	size_t n = (old ? strlen(old) + 1 : 0) + sizeof TUNABLE "=1";
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s" TUNABLE "=1", old ? old : "", old && *old ? ":" : "");
	return s;
}

/* 1 when a line of /proc/self/maps maps the file st over address here. */
static int maps_line_is(const char *line, uintptr_t here, const struct stat *st)
{
	unsigned long lo, hi, maj, min, inode;
	if (sscanf(line, "%lx-%lx %*s %*x %lx:%lx %lu", &lo, &hi, &maj, &min, &inode) != 5)
		return 0;
	return lo <= here && here < hi && maj == major(st->st_dev) && min == minor(st->st_dev) &&
	       inode == st->st_ino;
}

/* 1 when st is the file mapped where this code runs. */
static int runs_from(const struct stat *st)
{
	char line[512];
	int same = 0;
	FILE *fp = fopen("/proc/self/maps", "r");
	while (fp && !same && fgets(line, sizeof line, fp))
		same = maps_line_is(line, (uintptr_t)&cli_huge_pages, st);
	if (fp)
		fclose(fp);
	return same;
}

/* The program file to start again, or 0 when there is none to trust: run
 * through the dynamic loader or under valgrind, /proc/self/exe is the
 * loader or the tool, which would take our arguments for its own. */
static int own_program(char *path, size_t size)
{
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", path, size - 1);
	if (n <= 0 || (size_t)n >= size - 1)
		return 0;
	path[n] = '\0';
	return stat(path, &st) == 0 && runs_from(&st);
}

void cli_huge_pages(int argc, char **argv)
{
	char path[PATH_MAX];
	if (!large_input(argc, argv) || !thp_on_request() || !own_program(path, sizeof path))
		return;
	char *tunables = tunables_with_hugetlb();
	if (!tunables)
		return;
	/* On any failure the program goes on as it is, on 4 KiB pages. */
	if (setenv("GLIBC_TUNABLES", tunables, 1) == 0)
		execv(path, argv);
	free(tunables);
}
#else
void cli_huge_pages(int argc, char **argv)
{
	(void)argc;
	(void)argv;
}
#endif
