/* SPDX-License-Identifier: MIT */
/* Worker processes: Debian's igraph is not thread-safe, so clustermap's own
 * parallelism forks workers that send their results back through pipes
 * (exact betweenness by source, the layers of cm_metrics_compute). */
#ifndef CM_WORKERS_H
#define CM_WORKERS_H

#include "internal.h"

#include <sys/types.h>

/* Cores nobody else is using now, at least 1 (from the runnable tasks). */
long cm__free_cores(void);

/* Worker processes for a computation: the number asked for with
 * cm_ctx_set_jobs(), or with CM_JOBS_AUTO one per free core when the work
 * is large; 1 (none) inside a worker. */
long cm__jobs_for(const cm_ctx *ctx, int large);

/* Move all len bytes through a pipe end, resuming after signals and short
 * transfers; 0 or -1. */
int cm__write_all(int fd, const void *buf, size_t len);
int cm__read_all(int fd, void *buf, size_t len);

/* Starts a worker: a child process that runs child(fd, arg) with fd the
 * write end of a new pipe, and must leave through _exit(). In the child the
 * parent's other read ends, open[0..nopen) (negative entries skipped), are
 * closed first. Returns the child's pid with *fd the parent's read end, or
 * -1 (no child, nothing left open). */
pid_t cm__spawn(int *fd, const int *open, int nopen, void (*child)(int fd, void *arg), void *arg);

/* Waits for a child; 0 when it exited with status 0. */
int cm__reap(pid_t pid);

#endif
