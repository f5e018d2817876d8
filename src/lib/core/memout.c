/* SPDX-License-Identifier: MIT */
/* Streams written to memory: open_memstream where the C library has it
 * (POSIX 2008), else a temporary file read back when the stream closes. */
#include "config.h"

#include "internal.h"

#include <stdio.h>
#include <stdlib.h>

#if HAVE_OPEN_MEMSTREAM
FILE *cm__memout_open(cm__memout *m)
{
	m->buf = NULL;
	m->len = 0;
	return m->fp = open_memstream(&m->buf, &m->len);
}

static int finish(cm__memout *m)
{
	return fclose(m->fp) != 0 || !m->buf;
}
#else
FILE *cm__memout_open(cm__memout *m)
{
	m->buf = NULL;
	m->len = 0;
	return m->fp = tmpfile();
}

/* The file's bytes into m->buf, NUL-terminated as open_memstream's are. */
static int read_back(cm__memout *m)
{
	long size = fseek(m->fp, 0, SEEK_END) ? -1 : ftell(m->fp);
	if (size < 0 || (m->buf = malloc((size_t)size + 1)) == NULL)
		return -1;
	rewind(m->fp);
	m->len = fread(m->buf, 1, (size_t)size, m->fp);
	m->buf[m->len] = '\0';
	return m->len != (size_t)size;
}

static int finish(cm__memout *m)
{
	int bad = fflush(m->fp) != 0 || read_back(m);
	return fclose(m->fp) != 0 || bad;
}
#endif

int cm__memout_close(cm__memout *m)
{
	int bad = ferror(m->fp) != 0;
	bad |= finish(m);
	m->fp = NULL;
	if (bad) {
		free(m->buf);
		m->buf = NULL;
		m->len = 0;
	}
	return bad ? -1 : 0;
}
