/* SPDX-License-Identifier: MIT */
/* Replays fuzz inputs through a target built with the normal compiler, so
 * that `make check` runs the committed corpus (and every crash ever found)
 * without libFuzzer. Arguments are files or folders; with none, the folders
 * named in CM_FUZZ_CORPUS (colon-separated, relative to $top_srcdir), or the
 * target's own list compiled in as CM_FUZZ_DIRS, are used. Prints TAP: one
 * test point per file or folder. */
#include "fuzz.h"

#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

static int read_all(uint8_t **out, size_t *len, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t cap = 4096, n = 0, got;
	uint8_t *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
		n += got;
		if (n == cap) {
			uint8_t *grown = realloc(buf, cap *= 2);
			if (!grown)
				free(buf);
			buf = grown;
		}
	}
	int failed = !buf || ferror(fp);
	fclose(fp);
	if (failed) {
		free(buf);
		return -1;
	}
	*out = buf;
	*len = n;
	return 0;
}

static int run_file(const char *path)
{
	uint8_t *data;
	size_t len;
	if (read_all(&data, &len, path)) {
		printf("# cannot read %s\n", path);
		return -1;
	}
	LLVMFuzzerTestOneInput(data, len);
	free(data);
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of a folder, in name order so that a failure
 * reproduces the same way everywhere. Returns the count or -1. */
static long run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char **names = NULL;
	size_t count = 0, cap = 0;
	struct dirent *ent;
	while ((ent = readdir(d))) {
		if (ent->d_name[0] == '.')
			continue;
		if (count == cap &&
		    !(names = realloc(names, sizeof(*names) * (cap = cap ? 2 * cap : 64))))
			abort();
		if (!(names[count++] = strdup(ent->d_name)))
			abort();
	}
	closedir(d);
	qsort(names, count, sizeof(*names), by_name);
	long done = 0;
	for (size_t i = 0; i < count; i++) {
		char path[4096];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && run_file(path) == 0)
			done++;
		free(names[i]);
	}
	free(names);
	return done;
}

static int run_arg(int n, const char *path)
{
	struct stat st;
	long done = -1;
	if (stat(path, &st) == 0)
		done = S_ISDIR(st.st_mode) ? run_dir(path) : run_file(path) == 0;
	if (done < 0) {
		printf("not ok %d - %s: cannot read\n", n, path);
		return 1;
	}
	printf("ok %d - %s: %ld input%s replayed\n", n, path, done, done == 1 ? "" : "s");
	fflush(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	int n = 0, failed = 0;
	for (int i = 1; i < argc; i++)
		failed += run_arg(++n, argv[i]);
	const char *env = getenv("CM_FUZZ_CORPUS"), *top = getenv("top_srcdir");
	char *list = argc > 1 ? NULL : strdup(env ? env : CM_FUZZ_DIRS), *save = NULL;
	for (char *dir = list ? strtok_r(list, ":", &save) : NULL; dir;
	     dir = strtok_r(NULL, ":", &save)) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", top ? top : ".", dir);
		failed += run_arg(++n, path);
	}
	free(list);
	printf("1..%d\n", n);
	return failed ? 1 : 0;
}
