/* SPDX-License-Identifier: MIT */
/* The portable paths of core: streams into memory (cm__memout), which a
 * build without open_memstream reads back from a temporary file. */
#include "tap.h"

#include "core/internal.h"

static void test_memout(void)
{
	cm__memout m;
	ok(cm__memout_open(&m) != NULL, "memory stream opened");
	for (int i = 0; i < 10000; i++)
		fprintf(m.fp, "%d,", i);
	ok(cm__memout_close(&m) == 0, "memory stream closed");
	ok(m.buf && m.len == strlen(m.buf) && m.len > 40000, "the bytes written, NUL-terminated");
	ok(m.buf && !strncmp(m.buf, "0,1,2,", 6) && !strcmp(m.buf + m.len - 5, "9999,"),
	   "in order");
	free(m.buf);
	ok(cm__memout_open(&m) && cm__memout_close(&m) == 0 && m.buf && m.len == 0 && !*m.buf,
	   "an empty stream gives an empty string");
	free(m.buf);
}

int main(void)
{
	test_memout();
	return tap_done();
}
