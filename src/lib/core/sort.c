/* SPDX-License-Identifier: MIT */
/* Sorting with a context pointer: the C library's qsort_r in whichever
 * argument order configure found, else a heap sort of our own. */
#include "config.h"

#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Swaps two elements of size bytes, a chunk at a time. */
static void swap_bytes(unsigned char *a, unsigned char *b, size_t size)
{
	unsigned char tmp[64];
	while (size) {
		size_t k = size < sizeof tmp ? size : sizeof tmp;
		memcpy(tmp, a, k);
		memcpy(a, b, k);
		memcpy(b, tmp, k);
		a += k, b += k, size -= k;
	}
}

/* Moves element i down the max-heap of the first n elements. */
static void sift_down(unsigned char *base, size_t i, size_t n, size_t size, cm__cmp_r cmp,
                      void *ctx)
{
	for (size_t child; (child = 2 * i + 1) < n; i = child) {
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size, ctx) < 0)
			child++;
		if (cmp(base + i * size, base + child * size, ctx) >= 0)
			return;
		swap_bytes(base + i * size, base + child * size, size);
	}
}

/* In place and without allocating, so it cannot fail; not stable, no more
 * than qsort is. */
void cm__heapsort_r(void *base, size_t n, size_t size, cm__cmp_r cmp, void *ctx)
{
	unsigned char *b = base;
	for (size_t i = n / 2; i-- > 0;)
		sift_down(b, i, n, size, cmp, ctx);
	for (size_t end = n; end-- > 1;) {
		swap_bytes(b, b + end * size, size);
		sift_down(b, 0, end, size, cmp, ctx);
	}
}

#if HAVE_QSORT_R_BSD
typedef struct bsd_thunk {
	cm__cmp_r cmp;
	void *ctx;
} bsd_thunk;

/* BSD's qsort_r passes its context first, to a comparison that takes it first. */
static int bsd_cmp(void *thunk, const void *a, const void *b)
{
	const bsd_thunk *t = thunk;
	return t->cmp(a, b, t->ctx);
}
#endif

void cm__qsort_r(void *base, size_t n, size_t size, cm__cmp_r cmp, void *ctx)
{
#if HAVE_QSORT_R_GNU
	qsort_r(base, n, size, cmp, ctx);
#elif HAVE_QSORT_R_BSD
	bsd_thunk t = {cmp, ctx};
	qsort_r(base, n, size, &t, bsd_cmp);
#else
	cm__heapsort_r(base, n, size, cmp, ctx);
#endif
}
