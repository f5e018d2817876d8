/* SPDX-License-Identifier: MIT */
/* Shared by the fuzz targets and the replay driver that runs their corpus in
 * `make check`. A target aborts when the library breaks one of its own
 * promises, so that both libFuzzer and the replay driver report it. */
#ifndef CM_FUZZ_H
#define CM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

/* Whether s[0..n) is well-formed UTF-8 (shortest forms of the lead bytes). */
static inline int fuzz_utf8_valid(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t len = s[i] < 0x80             ? 1
		             : (s[i] & 0xE0) == 0xC0 ? 2
		             : (s[i] & 0xF0) == 0xE0 ? 3
		             : (s[i] & 0xF8) == 0xF0 ? 4
		                                     : 0;
		if (!len || (len == 2 && s[i] < 0xC2) || i + len > n)
			return 0;
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

/* The first n newline-separated fields of data[0..size) (field[k],
 * len[k], without the newline): the targets that build a document from
 * several texts take them from one input this way. Fields past the end of
 * the input are ""; what follows the n-th newline is not used. */
static inline void fuzz_fields(const char **field, size_t *len, int n, const uint8_t *data,
                               size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	for (int k = 0; k < n; k++) {
		const char *nl = p ? memchr(p, '\n', (size_t)(end - p)) : NULL;
		field[k] = p ? p : "";
		len[k] = p ? (size_t)((nl ? nl : end) - p) : 0;
		p = nl ? nl + 1 : NULL;
	}
}

#endif
