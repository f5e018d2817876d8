/* SPDX-License-Identifier: MIT */
/* Atomic output files and format names. */
#define _GNU_SOURCE
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

struct cm_output {
	FILE *fp;
	char *path, *tmp; /* tmp NULL for standard output */
};

int cm_format_parse(cm_format *out, const char *word)
{
	static const char *const names[] = {"text", "json", "csv"};
	for (int f = 0; f < 3; f++)
		if (!strcasecmp(word, names[f])) {
			*out = (cm_format)f;
			return 0;
		}
	return CM_EINVAL;
}

/* Creates PATH.tmp-PID-N exclusively with mode 0666 less the umask, as a
 * plain fopen() would (mkstemp would make it 0600). */
static int create_temp(char *tmp, size_t size, const char *path)
{
	static unsigned long counter;
	for (int attempt = 0; attempt < 100; attempt++) {
		snprintf(tmp, size, "%s.tmp-%ld-%lu", path, (long)getpid(), counter++);
		int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

static int open_temp(cm_output *o, cm_ctx *ctx)
{
	size_t size = strlen(o->path) + 48;
	o->tmp = cm__malloc(size);
	if (!o->tmp)
		return cm__oom(ctx);
	/* Same folder as the target so that rename() is atomic. */
	int fd = create_temp(o->tmp, size, o->path);
	if (fd < 0) {
		int e = errno;
		cm__free(o->tmp);
		o->tmp = NULL;
		return cm__error(ctx, CM_EIO, "%s: error: cannot create output: %s", o->path,
		                 strerror(e));
	}
	o->fp = fdopen(fd, "wb");
	if (!o->fp) {
		close(fd);
		unlink(o->tmp);
		cm__free(o->tmp);
		o->tmp = NULL;
		return cm__oom(ctx);
	}
	return 0;
}

int cm_output_open(cm_output **out, cm_ctx *ctx, const char *path)
{
	cm_output *o = cm__calloc(1, sizeof(*o));
	*out = NULL;
	if (!o || !(o->path = cm__strdup(path))) {
		cm__free(o);
		return cm__oom(ctx);
	}
	int rc = 0;
	if (!strcmp(path, "-"))
		o->fp = stdout;
	else
		rc = open_temp(o, ctx);
	if (rc) {
		cm_output_free(o);
		return rc;
	}
	*out = o;
	return 0;
}

FILE *cm_output_fp(cm_output *o)
{
	return o->fp;
}

int cm_output_commit(cm_output *o, cm_ctx *ctx)
{
	const char *shown = o->tmp ? o->path : "<stdout>";
	int failed = fflush(o->fp) != 0 || ferror(o->fp);
	int e = errno;
	if (!o->tmp) {
		/* Reported here once; the stream is not ours to keep failing. */
		if (failed)
			clearerr(o->fp);
		o->fp = NULL;
		return failed ? cm__error(ctx, CM_EIO, "%s: error: write failed: %s", shown,
		                          strerror(e ? e : EIO))
		              : 0;
	}
	if (!failed && fsync(fileno(o->fp)) != 0 && errno != EINVAL)
		failed = 1, e = errno;
	if (fclose(o->fp) != 0 && !failed)
		failed = 1, e = errno;
	o->fp = NULL;
	if (!failed && rename(o->tmp, o->path) != 0)
		failed = 1, e = errno;
	if (failed) {
		unlink(o->tmp);
		return cm__error(ctx, CM_EIO, "%s: error: write failed: %s", shown,
		                 strerror(e ? e : EIO));
	}
	cm__free(o->tmp);
	o->tmp = NULL;
	return 0;
}

void cm_output_free(cm_output *o)
{
	if (!o)
		return;
	if (o->tmp) {
		if (o->fp)
			fclose(o->fp);
		unlink(o->tmp);
		cm__free(o->tmp);
	}
	cm__free(o->path);
	cm__free(o);
}
