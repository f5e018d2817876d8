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
	char *path;   /* as given, for messages */
	char *target; /* the file replaced: path with its links followed */
	char *tmp;    /* NULL when written directly */
	int own_fp;   /* fp is ours to close (not standard output) */
	cm_temp_cb hook;
	void *payload;
};

void cm_ctx_set_temp_hook(cm_ctx *ctx, cm_temp_cb cb, void *payload)
{
	ctx->temp_hook = cb;
	ctx->temp_payload = payload;
}

static int tell(const cm_output *o, cm_temp_event ev)
{
	return o->hook ? o->hook(ev, o->tmp, o->target, o->payload) : 0;
}

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

/* Where the symbolic link at path points, relative to the link's folder. */
static char *link_target(const char *path, size_t size)
{
	size = size ? size : 4096; /* /proc's links report no size */
	char *buf = cm__malloc(size + 1);
	if (!buf)
		return errno = ENOMEM, NULL;
	ssize_t n = readlink(path, buf, size);
	const char *slash = strrchr(path, '/');
	if (n < 0 || (size_t)n > size) {
		cm__free(buf);
		return errno = n < 0 ? errno : ENAMETOOLONG, NULL;
	}
	buf[n] = '\0';
	if (buf[0] == '/' || !slash)
		return buf;
	size_t dir = (size_t)(slash - path) + 1;
	char *joined = cm__malloc(dir + (size_t)n + 1);
	if (joined)
		memcpy(joined, path, dir), memcpy(joined + dir, buf, (size_t)n + 1);
	else
		errno = ENOMEM;
	cm__free(buf);
	return joined;
}

/* path with its symbolic links followed, even to a file that does not exist
 * yet: the target is replaced and the link stays a link. NULL with errno. */
static char *follow_links(const char *path)
{
	char *cur = cm__strdup(path);
	struct stat st;
	if (!cur)
		errno = ENOMEM;
	for (int hops = 0; cur && hops < 40; hops++) {
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		char *next = link_target(cur, (size_t)st.st_size);
		cm__free(cur);
		cur = next;
	}
	if (cur)
		errno = ELOOP;
	cm__free(cur);
	return NULL;
}

/* Creates TARGET.tmp-PID-N exclusively with mode 0666 less the umask, as a
 * plain fopen() would (mkstemp would make it 0600). */
static int create_temp(cm_output *o, size_t size)
{
	static unsigned long counter;
	for (int attempt = 0; attempt < 100; attempt++) {
		snprintf(o->tmp, size, "%s.tmp-%ld-%lu", o->target, (long)getpid(), counter++);
		tell(o, CM_TEMP_CREATING);
		int fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd >= 0)
			return fd;
		int e = errno;
		tell(o, CM_TEMP_GONE);
		if ((errno = e) != EEXIST)
			return -1;
	}
	return -1;
}

/* The file replaced keeps its mode and, when the process may give it, its
 * owner and group (only root can give a file away: that failure is not one). */
static int keep_mode(int fd, const struct stat *st)
{
	if (fchown(fd, st->st_uid, st->st_gid) != 0)
		(void)!fchown(fd, (uid_t)-1, st->st_gid);
	return fchmod(fd, st->st_mode & 07777);
}

static int temp_fd(cm_output *o)
{
	struct stat st;
	size_t size = strlen(o->target) + 48;
	if (!(o->tmp = cm__malloc(size)))
		return errno = ENOMEM, -1;
	/* Same folder as the target so that rename() is atomic. */
	int fd = create_temp(o, size);
	if (fd >= 0 && stat(o->target, &st) == 0 && S_ISREG(st.st_mode) && keep_mode(fd, &st)) {
		int e = errno;
		close(fd), unlink(o->tmp), tell(o, CM_TEMP_GONE);
		fd = -1, errno = e;
	}
	if (fd < 0) {
		cm__free(o->tmp);
		o->tmp = NULL;
	}
	return fd;
}

/* A device, FIFO or socket is written in place: replacing it would destroy
 * it (as root, /dev/null would become a regular file). */
static int direct_fd(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
		return -2;
	return open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
}

static int open_file(cm_output *o, cm_ctx *ctx)
{
	int fd = direct_fd(o->path);
	if (fd == -2)
		fd = (o->target = follow_links(o->path)) ? temp_fd(o) : -1;
	if (fd < 0 && errno == ENOMEM)
		return cm__oom(ctx);
	if (fd < 0)
		return cm__error(ctx, CM_EIO, "%s: error: cannot create output: %s", o->path,
		                 strerror(errno));
	o->own_fp = 1;
	if ((o->fp = fdopen(fd, "wb")))
		return 0;
	close(fd);
	return cm__oom(ctx); /* cm_output_free removes the temporary file */
}

int cm_output_open(cm_output **out, cm_ctx *ctx, const char *path)
{
	cm_output *o = cm__calloc(1, sizeof(*o));
	*out = NULL;
	if (!o || !(o->path = cm__strdup(path))) {
		cm__free(o);
		return cm__oom(ctx);
	}
	o->hook = ctx->temp_hook, o->payload = ctx->temp_payload;
	int rc = 0;
	if (!strcmp(path, "-"))
		o->fp = stdout;
	else
		rc = open_file(o, ctx);
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

static int write_failed(const cm_output *o, cm_ctx *ctx, int e)
{
	return cm__error(ctx, CM_EIO, "%s: error: write failed: %s",
	                 o->tmp || o->own_fp ? o->path : "<stdout>", strerror(e ? e : EIO));
}

/* Standard output, a device or a FIFO: nothing to rename. */
static int commit_direct(cm_output *o, cm_ctx *ctx)
{
	int failed = fflush(o->fp) != 0 || ferror(o->fp);
	int e = errno;
	if (o->own_fp && fclose(o->fp) != 0 && !failed)
		failed = 1, e = errno;
	else if (!o->own_fp && failed)
		clearerr(o->fp); /* reported here once; the stream is not ours */
	o->fp = NULL;
	return failed ? write_failed(o, ctx, e) : 0;
}

/* The temporary file complete and closed: 0, else errno. */
static int close_temp(cm_output *o)
{
	int failed = fflush(o->fp) != 0 || ferror(o->fp);
	int e = errno;
	if (!failed && fsync(fileno(o->fp)) != 0 && errno != EINVAL)
		failed = 1, e = errno;
	if (fclose(o->fp) != 0 && !failed)
		failed = 1, e = errno;
	o->fp = NULL;
	return failed ? (e ? e : EIO) : 0;
}

int cm_output_commit(cm_ctx *ctx, cm_output *o)
{
	if (!o->tmp)
		return commit_direct(o, ctx);
	int e = close_temp(o);
	if (!e && tell(o, CM_TEMP_READY)) {
		cm__free(o->tmp); /* the hook's owner renames it */
		o->tmp = NULL;
		return 0;
	}
	if (!e && rename(o->tmp, o->target) != 0)
		e = errno;
	if (e) {
		unlink(o->tmp);
		tell(o, CM_TEMP_GONE);
		int rc = write_failed(o, ctx, e);
		cm__free(o->tmp);
		o->tmp = NULL;
		return rc;
	}
	tell(o, CM_TEMP_GONE);
	cm__free(o->tmp);
	o->tmp = NULL;
	return 0;
}

void cm_output_free(cm_output *o)
{
	if (!o)
		return;
	if (o->fp && o->own_fp)
		fclose(o->fp);
	if (o->tmp) {
		unlink(o->tmp);
		tell(o, CM_TEMP_GONE);
		cm__free(o->tmp);
	}
	cm__free(o->target);
	cm__free(o->path);
	cm__free(o);
}
