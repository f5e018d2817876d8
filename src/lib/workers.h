/* Worker processes: Debian's igraph is not thread-safe, so clustermap's own
 * parallelism forks workers that send their results back through pipes
 * (exact betweenness by source, the layers of cm_metrics_compute). */
#ifndef CM_WORKERS_H
#define CM_WORKERS_H

#include "internal.h"

#include <sys/types.h>

/* Cores nobody else is using now, at least 1 (from the runnable tasks). */
long cm__free_cores(void);

/* Move all len bytes through a pipe end, resuming after signals and short
 * transfers; 0 or -1. */
int cm__write_all(int fd, const void *buf, size_t len);
int cm__read_all(int fd, void *buf, size_t len);

/* Waits for a child; 0 when it exited with status 0. */
int cm__reap(pid_t pid);

#endif
