/* SPDX-License-Identifier: MIT */
/* The output files of a run: kept as temporary files until the command
 * has succeeded, then renamed into place; removed when it failed or when
 * the process is interrupted or terminated. The library installs no signal
 * handler, so the CLI tracks the temporary files through the context's
 * hook (cm_ctx_set_temp_hook). */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* More files than this at once (timeline --render-dir of a long series)
 * are renamed as soon as they are complete and not removed on a signal. */
#define MAX_TEMPS 256

typedef struct temp {
	const char *volatile tmp; /* the library's string, or copy once ready */
	char *copy, *target;      /* set once ready: ours to rename */
} temp;

static temp temps[MAX_TEMPS];
static pid_t owner; /* forked workers inherit the handler, not the files */

static void on_signal(int sig)
{
	if (getpid() == owner)
		for (int i = 0; i < MAX_TEMPS; i++)
			if (temps[i].tmp)
				unlink(temps[i].tmp);
	signal(sig, SIG_DFL);
	raise(sig); /* delivered on return: the exit status tells the signal */
}

void cli_outputs_init(void)
{
	static const int sigs[] = {SIGHUP, SIGINT, SIGTERM, SIGPIPE};
	struct sigaction sa, old;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(*sigs); i++)
		sigaddset(&sa.sa_mask, sigs[i]);
	owner = getpid();
	for (size_t i = 0; i < sizeof(sigs) / sizeof(*sigs); i++)
		/* A signal ignored by whoever started us stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	/* Past the file-size limit write() then fails with EFBIG and is
	 * reported, instead of the process dying with its file half-written. */
	signal(SIGXFSZ, SIG_IGN);
}

/* The slot of tmp, or with tmp NULL a free one; NULL when there is none. */
static temp *find(const char *tmp)
{
	for (int i = 0; i < MAX_TEMPS; i++) {
		const char *t = temps[i].tmp;
		if (tmp ? t && (t == tmp || !strcmp(t, tmp)) : !t && !temps[i].copy)
			return &temps[i];
	}
	return NULL;
}

/* Takes a complete file over when there is room: 1, else 0. */
static int take(temp *t, const char *tmp, const char *target)
{
	char *copy = strdup(tmp), *dest = strdup(target);
	if (!copy || !dest) {
		free(copy), free(dest);
		return 0;
	}
	t->copy = copy, t->target = dest;
	t->tmp = copy;
	return 1;
}

int cli_temp_hook(cm_temp_event ev, const char *tmp, const char *target, void *payload)
{
	(void)payload;
	temp *t = ev == CM_TEMP_CREATING ? find(NULL) : find(tmp);
	if (ev == CM_TEMP_CREATING && t)
		t->tmp = tmp;
	else if (ev == CM_TEMP_GONE && t)
		t->tmp = NULL;
	else if (ev == CM_TEMP_READY && t && !take(t, tmp, target))
		t->tmp = NULL;
	return ev == CM_TEMP_READY && t && t->copy;
}

static void forget(temp *t)
{
	t->tmp = NULL;
	free(t->copy), free(t->target);
	t->copy = t->target = NULL;
}

int cli_outputs_finish(int status)
{
	for (int i = 0; i < MAX_TEMPS; i++) {
		temp *t = &temps[i];
		if (!t->copy)
			continue;
		if (status == EXIT_OK && rename(t->copy, t->target) != 0) {
			fprintf(stderr, "%s: error: write failed: %s\n", t->target,
			        strerror(errno));
			status = EXIT_FAIL;
		}
		if (status != EXIT_OK)
			unlink(t->copy);
		forget(t);
	}
	return status;
}
