/* SPDX-License-Identifier: MIT */
/* Worker-process plumbing (workers.h). */
#include "config.h" /* _SC_NPROCESSORS_ONLN is an extension on some systems */

#include "workers.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Tasks runnable now (the fourth field of /proc/loadavg, "running/total",
 * which includes this process); 1 without /proc/loadavg (a system other
 * than Linux), where every core counts as free. */
static long runnable_now(void)
{
	long running = 1;
	char line[128] = "";
	FILE *fp = fopen("/proc/loadavg", "r");
	if (fp) {
		if (!fgets(line, sizeof(line), fp) ||
		    sscanf(line, "%*s %*s %*s %ld/", &running) != 1 || running < 1)
			running = 1;
		fclose(fp);
	}
	return running;
}

/* A worker on a busy core only adds work (docs/performance.md). Busy cores
 * are counted from the runnable tasks, which do not lag as the load average
 * does, as the least of a few readings, so that a task runnable for an
 * instant does not count. */
#define READINGS 5

/* Cores online; 1 where the system cannot tell (_SC_NPROCESSORS_ONLN is
 * not POSIX, though Linux, the BSDs and macOS have it). */
static long cores_online(void)
{
#ifdef _SC_NPROCESSORS_ONLN
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
#else
	return 1;
#endif
}

long cm__free_cores(void)
{
	long cores = cores_online(), running = runnable_now();
	struct timespec pause = {0, 2000000};
	for (int i = 1; i < READINGS && running > 1; i++) {
		nanosleep(&pause, NULL);
		long now = runnable_now();
		running = now < running ? now : running;
	}
	long busy = running - 1;
	return cores - busy > 1 ? cores - busy : 1;
}

long cm__jobs_for(const cm_ctx *ctx, int large)
{
	if (ctx->no_workers)
		return 1;
	if (ctx->jobs == CM_JOBS_AUTO)
		return large ? cm__free_cores() : 1;
	return ctx->jobs > 1 ? ctx->jobs : 1;
}

/* Bytes moved by one read() or write(), or -1 to stop (EINTR: 0, retry). */
static ssize_t moved(ssize_t n)
{
	if (n < 0 && errno == EINTR)
		return 0;
	return n <= 0 ? -1 : n;
}

int cm__write_all(int fd, const void *buf, size_t len)
{
	for (const char *p = buf; len;) {
		ssize_t n = moved(write(fd, p, len));
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int cm__read_all(int fd, void *buf, size_t len)
{
	for (char *p = buf; len;) {
		ssize_t n = moved(read(fd, p, len));
		if (n < 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

pid_t cm__spawn(int *fd, const int *open, int nopen, void (*child)(int fd, void *arg), void *arg)
{
	int p[2];
	if (pipe(p))
		return -1;
	fflush(NULL); /* nothing buffered is written twice */
	pid_t pid = fork();
	if (pid == 0) {
		close(p[0]);
		for (int i = 0; i < nopen; i++)
			if (open[i] >= 0)
				close(open[i]);
		child(p[1], arg);
		_exit(1); /* child() must not return */
	}
	close(p[1]);
	if (pid < 0)
		close(p[0]);
	else
		*fd = p[0];
	return pid;
}

int cm__reap(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}
