/* SPDX-License-Identifier: MIT */
/* The portable paths of core: the heap sort that stands in for qsort_r
 * where the C library has none, and cm__qsort_r over whichever configure
 * chose, against qsort on distinct keys; streams into memory
 * (cm__memout), which a build without open_memstream reads back from a
 * temporary file. */
#include "tap.h"

#include "core/internal.h"

#include <stdint.h>

static uint64_t rng_state = 0x2545f4914f6cdd1dULL;

static uint32_t next_random(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33);
}

/* Sorting indices by a table of keys passed as the context, as
 * cm_network_find_node's index does with node ids. */
static const uint32_t *global_keys;

static int by_key_r(const void *a, const void *b, void *ctx)
{
	const uint32_t *keys = ctx, x = keys[*(const size_t *)a], y = keys[*(const size_t *)b];
	return (x > y) - (x < y);
}

static int by_key(const void *a, const void *b)
{
	return by_key_r(a, b, (void *)global_keys);
}

/* Distinct keys in random order: a random permutation scaled apart. */
static void distinct_keys(uint32_t *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		keys[i] = (uint32_t)i * 7 + 3;
	for (size_t i = n; i > 1; i--) {
		size_t j = next_random() % i;
		uint32_t t = keys[i - 1];
		keys[i - 1] = keys[j], keys[j] = t;
	}
}

typedef void (*sort_r_fn)(void *, size_t, size_t, cm__cmp_r, void *);

/* 1 when sort orders n random distinct keys as qsort does. */
static int sorts_like_qsort(sort_r_fn sort, size_t n)
{
	uint32_t *keys = malloc(sizeof(*keys) * (n + 1));
	size_t *want = malloc(sizeof(*want) * (n + 1)), *got = malloc(sizeof(*got) * (n + 1));
	int same = keys && want && got;
	if (same) {
		distinct_keys(keys, n);
		for (size_t i = 0; i < n; i++)
			want[i] = got[i] = i;
		global_keys = keys;
		qsort(want, n, sizeof(*want), by_key);
		sort(got, n, sizeof(*got), by_key_r, keys);
		same = n == 0 || !memcmp(want, got, n * sizeof(*got));
	}
	free(keys), free(want), free(got);
	return same;
}

/* Elements larger than the sort's swap buffer, and of an odd size. */
typedef struct wide {
	uint32_t key;
	char fill[93];
} wide;

static int by_wide(const void *a, const void *b, void *ctx)
{
	int sign = *(const int *)ctx;
	uint32_t x = ((const wide *)a)->key, y = ((const wide *)b)->key;
	return sign * ((x > y) - (x < y));
}

static int sorts_wide_descending(size_t n)
{
	wide *w = calloc(n, sizeof(*w));
	uint32_t *keys = malloc(sizeof(*keys) * n);
	int sign = -1, sorted = w && keys;
	if (sorted) {
		distinct_keys(keys, n);
		for (size_t i = 0; i < n; i++)
			w[i].key = keys[i], memset(w[i].fill, (char)keys[i], sizeof w[i].fill);
		cm__heapsort_r(w, n, sizeof(*w), by_wide, &sign);
		for (size_t i = 0; i < n; i++)
			sorted &=
			    w[i].fill[92] == (char)w[i].key && (!i || w[i - 1].key > w[i].key);
	}
	free(w), free(keys);
	return sorted;
}

static void test_sort(void)
{
	static const size_t sizes[] = {0, 1, 2, 3, 7, 64, 1000, 4099};
	for (size_t k = 0; k < CM__ARRAY_LEN(sizes); k++) {
		ok(sorts_like_qsort(cm__heapsort_r, sizes[k]), "heap sort of %zu keys", sizes[k]);
		ok(sorts_like_qsort(cm__qsort_r, sizes[k]), "cm__qsort_r of %zu keys", sizes[k]);
	}
	ok(sorts_wide_descending(500), "wide elements, descending through the context");
}

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
	test_sort();
	test_memout();
	return tap_done();
}
