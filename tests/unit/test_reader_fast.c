/* SPDX-License-Identifier: MIT */
/* The reader's fast paths give the results of the slow ones: the id map
 * (cm__strmap) against a linear search, and typed values against strtod and
 * strtol, bit for bit (sign of zero included). */
#include "tap.h"

#include "core/internal.h"
#include "getters.h"

#include <locale.h>
#include <stdint.h>

static void test_strmap(void)
{
	enum { N = 300000 }; /* the slots take 8 MiB: a large (huge-page) block */
	static char keys[N][16];
	cm__strmap m = {0};
	int ok_put = 1;
	for (int i = 0; i < N; i++) {
		snprintf(keys[i], sizeof(keys[i]), "a%d", i);
		ok_put &= cm__strmap_put(&m, keys[i], strlen(keys[i]), (uint32_t)i) == 0;
	}
	ok(ok_put && m.count == N, "300000 ids stored");
	ok(m.cap >= N * 4 / 3 && (m.cap & (m.cap - 1)) == 0, "load stays below 3/4, power of two");
	int found = 1;
	for (int i = 0; i < N; i++)
		found &= cm__strmap_get(&m, keys[i], strlen(keys[i])) == i;
	ok(found, "every id maps to its index");
	/* Lookups take a length: a prefix or an extension of a key is another key. */
	ok(cm__strmap_get(&m, "a123x", 4) == 123, "lookup by length ignores what follows");
	ok(cm__strmap_get(&m, "a12", 2) == 1, "a prefix is its own key");
	ok(cm__strmap_get(&m, "a1234567", 8) == -1, "an unknown id is absent");
	ok(cm__strmap_get(&m, "", 0) == -1, "the empty id is absent");
	cm__strmap_free(&m);
	ok(m.cap == 0 && cm__strmap_get(&m, "a1", 2) == -1, "a freed map is empty");
}

/* Large blocks: zeroed by the calloc form, writable to the end. */
/* Edge ids are checked by fingerprint: every key of a set is new once and
 * seen again after, whatever its parts, and a key split differently into
 * parts is another key. */
static void test_fingerprints(void)
{
	enum { N = 400000 }; /* the slots take 16 MiB: grown many times */
	cm__fpset s = {0};
	char id[24], end[24];
	int fresh = 1, again = 1, seen = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < N; i++) {
			snprintf(id, sizeof(id), "e%d", i / 4);
			snprintf(end, sizeof(end), "n%d", i % 4); /* ids repeat on other ends */
			const char *part[3] = {id, end, "n0"};
			const size_t len[3] = {strlen(id), strlen(end), 2};
			if (cm__fpset_add(&s, cm__fp_of(&s, part, len, 3), &seen))
				fresh = again = 0;
			if (pass == 0)
				fresh &= !seen;
			else
				again &= seen;
		}
	ok(fresh && s.count == N, "400000 different keys: none taken for another");
	ok(again, "each key is seen when it comes again");
	const char *ab_c[2] = {"ab", "c"}, *a_bc[2] = {"a", "bc"};
	const size_t l21[2] = {2, 1}, l12[2] = {1, 2};
	cm__fp x = cm__fp_of(&s, ab_c, l21, 2), y = cm__fp_of(&s, a_bc, l12, 2);
	ok(x.a != y.a || x.b != y.b, "where the parts end is part of the key");
	const char *long_key[1] = {"a key longer than one word of eight bytes"};
	const size_t long_len[1] = {strlen(long_key[0])}, cut_len[1] = {long_len[0] - 1};
	x = cm__fp_of(&s, long_key, long_len, 1);
	y = cm__fp_of(&s, long_key, cut_len, 1);
	ok(x.a != y.a || x.b != y.b, "a key and its prefix differ");
	cm__fpset_free(&s);
	ok(s.slots == NULL && s.cap == 0, "freed");
}

static void test_large_blocks(void)
{
	size_t n = (size_t)3 << 20; /* 24 MiB of doubles */
	double *d = cm__calloc_large(n, sizeof(double));
	int zero = d != NULL;
	for (size_t i = 0; zero && i < n; i += 4099)
		zero = d[i] == 0;
	ok(zero && d[n - 1] == 0, "a large block is zeroed");
	if (d)
		d[n - 1] = 1;
	cm__free(d);
	ok(cm__calloc_large(SIZE_MAX / 4, 8) == NULL, "an overflowing size is refused");
	char *small = cm__malloc_large(10);
	ok(small != NULL, "a small block comes from malloc");
	cm__free(small);
}

/* An array grown one element at a time past a huge page (2 MiB) keeps every
 * element on each move, has room for at least what was asked, and a failed
 * move leaves the array as it was. */
void cm__test_fail_alloc(unsigned long nth);

static void test_grow(void)
{
	uint32_t *a = NULL;
	size_t cap = 0, n = 0, kept = 1, moves = 0;
	for (; n < 1500000; n++) { /* 6 MB: moves at 512 KiB, 2, 4 and 8 MiB */
		uint32_t *before = a;
		if (cm__grow((void **)&a, &cap, n + 1, sizeof(*a)))
			break;
		moves += a != before;
		a[n] = (uint32_t)(n * 2654435761u);
		if (a != before)
			for (size_t i = 0; i < n; i += 997)
				kept &= a[i] == (uint32_t)(i * 2654435761u);
	}
	ok(n == 1500000 && cap >= n && kept, "grown past huge pages, every element kept");
	ok(cap * sizeof(*a) % ((size_t)2 << 20) == 0, "a large array fills whole huge pages");
	cm__test_fail_alloc(1);
	size_t old = cap;
	uint32_t *at = a;
	int rc = cm__grow((void **)&a, &cap, cap + 1, sizeof(*a));
	cm__test_fail_alloc(0);
	ok(rc == CM_ENOMEM && a == at && cap == old &&
	       a[n - 1] == (uint32_t)((n - 1) * 2654435761u),
	   "a failed move keeps the array");
	ok(moves > 3, "the array moved as it grew");
	cm__free(a);
}

static const char *const doubles[] = {"0",
                                      "1",
                                      "-1",
                                      "0.1",
                                      "-0.0",
                                      "0.0",
                                      "12.75",
                                      "3.14159",
                                      "2.5",
                                      "007",
                                      "0.30000000000000004",
                                      "123456789012345",
                                      "1234567890123456",
                                      "99999999999999.9",
                                      "0.000000000000001",
                                      "1e3",
                                      "-2.5E-3",
                                      "+4",
                                      "12.",
                                      ".5",
                                      "1.7976931348623157e308",
                                      "2.2250738585072014e-308"};

static const char *const ints[] = {
    "0", "-0", "7", "-42", "2015", "007", "+3", "999999999999999", "1000000000000000"};

/* A file with one edge per value of the list, weight typed as kind. */
static char *edges_file(const char *type, const char *const *vals, size_t n)
{
	size_t cap = 4096 + n * 160;
	char *xml = malloc(cap);
	size_t at = (size_t)snprintf(xml, cap,
	                             "<graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"
	                             "<key id='w' for='edge' attr.name='weight' attr.type='%s'/>"
	                             "<graph edgedefault='directed'><node id='a'/><node id='b'/>",
	                             type);
	for (size_t i = 0; i < n; i++)
		at += (size_t)snprintf(
		    xml + at, cap - at,
		    "<edge source='a' target='b'><data key='w'> %s\n</data></edge>", vals[i]);
	snprintf(xml + at, cap - at, "</graph></graphml>");
	return xml;
}

static int same_bits(double a, double b)
{
	return memcmp(&a, &b, sizeof(a)) == 0;
}

static void check_values(cm_ctx *ctx, const char *type, const char *const *vals, size_t n)
{
	char *xml = edges_file(type, vals, n);
	cm_series *s = NULL;
	int rc = cm_series_read_buffer(&s, ctx, xml, strlen(xml), NULL);
	ok(rc == 0, "%s values read", type);
	const cm_network *net = t_series_get(s, 0);
	for (size_t i = 0; net && i < n; i++) {
		double want;
		if (!strcmp(type, "double"))
			want = strtod(vals[i], NULL);
		else
			want = (double)strtol(vals[i], NULL, 10);
		double got = t_edge_weight(net, i);
		if (!ok(same_bits(got, want), "%s '%s' reads as strtod/strtol would", type,
		        vals[i]))
			printf("#   got %.17g, expected %.17g\n", got, want);
	}
	cm_series_free(s);
	free(xml);
}

int main(void)
{
	cm_ctx *ctx;
	setlocale(LC_NUMERIC, "C");
	if (cm_ctx_new(&ctx))
		return 1;
	test_strmap();
	test_large_blocks();
	test_grow();
	test_fingerprints();
	check_values(ctx, "double", doubles, CM__ARRAY_LEN(doubles));
	check_values(ctx, "long", ints, CM__ARRAY_LEN(ints));
	cm_ctx_free(ctx);
	return tap_done();
}
