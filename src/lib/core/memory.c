/* SPDX-License-Identifier: MIT */
/* Allocation wrappers and the string arena. */
#include "config.h"

#include "internal.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#if HAVE_GETRANDOM && HAVE_SYS_RANDOM_H
#include <sys/random.h>
#endif

/* madvise and its huge-page advice are Linux's; elsewhere large blocks are
 * plain ones. */
#if HAVE_MADVISE && HAVE_DECL_MADV_HUGEPAGE && HAVE_DECL_MADV_NOHUGEPAGE
#define HUGE_ADVICE 1
#else
#define HUGE_ADVICE 0
#endif
#if !HAVE_DECL_MAP_ANONYMOUS && HAVE_DECL_MAP_ANON
#define MAP_ANONYMOUS MAP_ANON
#define HAVE_ANON_MAP 1
#else
#define HAVE_ANON_MAP HAVE_DECL_MAP_ANONYMOUS
#endif

/* Fault injection for tests: when nonzero, the allocation with this ordinal
 * (counted from the call that set it) fails. See tests/unit/test_alloc.c.
 * Per thread, so that threads allocating at once do not race on them. */
static _Thread_local unsigned long fail_at, alloc_count;

void cm__test_fail_alloc(unsigned long nth);
void cm__test_fail_alloc(unsigned long nth)
{
	fail_at = nth;
	alloc_count = 0;
}

/* Allocations counted since the last cm__test_fail_alloc(): past the
 * armed ordinal, the armed failure happened. */
unsigned long cm__test_alloc_count(void);
unsigned long cm__test_alloc_count(void)
{
	return alloc_count;
}

static int should_fail(void)
{
	return fail_at != 0 && ++alloc_count == fail_at;
}

void *cm__malloc(size_t n)
{
	return should_fail() ? NULL : malloc(n ? n : 1);
}

void *cm__calloc(size_t n, size_t size)
{
	return should_fail() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *cm__realloc(void *p, size_t n)
{
	return should_fail() ? NULL : realloc(p, n ? n : 1);
}

/* Blocks read at random that span many pages (hash tables, adjacency
 * arrays of large graphs) go on transparent huge pages where the system
 * allows them (madvise mode): one TLB entry then covers 2 MiB, not 4 KiB,
 * so a lookup in a large table misses the cache but not the TLB too. */
#define HUGE_PAGE  ((size_t)2 << 20)
#define LARGE_SIZE HUGE_PAGE
#define PAGE       ((uintptr_t)4096)

void *cm__malloc_large(size_t n)
{
#if HUGE_ADVICE
	void *p = NULL;
	if (n < LARGE_SIZE)
		return cm__malloc(n);
	if (should_fail() || posix_memalign(&p, HUGE_PAGE, n))
		return NULL;
	(void)madvise(p, n, MADV_HUGEPAGE); /* advice only; the kernel rounds n up to pages */
	/* malloc writes its header for the block just below it. Where all of
	 * malloc's memory is on huge pages (the CLI sets glibc.malloc.hugetlb
	 * for large inputs), that header alone would take a huge page of its
	 * own in front of the block. */
	(void)madvise((char *)p - PAGE, PAGE, MADV_NOHUGEPAGE);
	return p;
#else
	return cm__malloc(n);
#endif
}

#if HAVE_ANON_MAP
static void *map_shared(size_t n)
{
	return mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
}
#else
/* Without anonymous mappings, a shared mapping of a temporary file, which
 * tmpfile() has already unlinked; it reads as zeros like anonymous memory. */
static void *map_shared(size_t n)
{
	FILE *fp = tmpfile();
	if (!fp)
		return MAP_FAILED;
	int fd = fileno(fp);
	void *p = ftruncate(fd, (off_t)n)
	              ? MAP_FAILED
	              : mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	fclose(fp); /* the mapping keeps the file */
	return p;
}
#endif

void *cm__malloc_shared(size_t n)
{
	if (should_fail())
		return NULL;
	void *p = map_shared(n ? n : 1);
	return p == MAP_FAILED ? NULL : p;
}

void cm__free_shared(void *p, size_t n)
{
	if (p)
		munmap(p, n ? n : 1);
}

/* Maps the whole pages of a block about to be written in full in one call,
 * not one fault per page, which can cost more than the writing itself
 * (docs/performance.md). Advice only: Linux before 5.14 refuses it. */
static void populate(void *p, size_t n)
{
#if HAVE_MADVISE && HAVE_DECL_MADV_POPULATE_WRITE
	uintptr_t from = ((uintptr_t)p + PAGE - 1) & ~(PAGE - 1);
	uintptr_t to = ((uintptr_t)p + n) & ~(PAGE - 1);
	if (to > from)
		(void)madvise((void *)from, to - from, MADV_POPULATE_WRITE);
#endif
}

void *cm__calloc_large(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	void *p = cm__malloc_large(n * size);
	if (p) {
		if (n * size >= 16 * PAGE)
			populate(p, n * size);
		memset(p, 0, n * size);
	}
	return p;
}

char *cm__strdup(const char *s)
{
	size_t len = strlen(s) + 1;
	char *copy = cm__malloc(len);
	if (copy)
		memcpy(copy, s, len);
	return copy;
}

void cm__free(void *p)
{
	free(p);
}

/* An array that outgrows a quarter of a huge page moves to whole huge pages
 * (see cm__malloc_large): one page fault per 2 MiB instead of 512 saves more
 * than the copy costs where faults are dear (docs/performance.md).
 * Without huge pages (HUGE_ADVICE 0) the blocks are plain ones and the moves stay. */
#define GROW_HUGE_FROM ((size_t)512 << 10)

static int grow_huge(void **items, size_t *cap, size_t bytes, size_t elsize)
{
	bytes = (bytes + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	void *p = cm__malloc_large(bytes);
	if (!p)
		return CM_ENOMEM;
	if (*items)
		memcpy(p, *items, *cap * elsize);
	cm__free(*items);
	*items = p;
	*cap = bytes / elsize;
	return 0;
}

int cm__grow(void **items, size_t *cap, size_t need, size_t elsize)
{
	if (need <= *cap)
		return 0;
	size_t ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / elsize)
			return CM_ENOMEM;
		ncap *= 2;
	}
	if (ncap * elsize >= GROW_HUGE_FROM)
		return grow_huge(items, cap, ncap * elsize, elsize);
	void *p = cm__realloc(*items, ncap * elsize);
	if (!p)
		return CM_ENOMEM;
	*items = p;
	*cap = ncap;
	return 0;
}

struct cm__arena_block {
	cm__arena_block *next;
	char data[];
};

enum { ARENA_FIRST = 64, ARENA_BLOCK = 64 * 1024 };

/* Blocks start small and double up to ARENA_BLOCK: a network with few
 * strings (an empty snapshot among a million) then costs little. */
static size_t block_size(const cm__arena *a, size_t need)
{
	size_t size = !a->head                     ? ARENA_FIRST
	              : a->size >= ARENA_BLOCK / 2 ? ARENA_BLOCK
	                                           : a->size * 2;
	while (size < need)
		size *= 2;
	return size;
}

static char *copy_into(char *dst, const char *s, size_t n)
{
	memcpy(dst, s, n);
	dst[n] = '\0';
	return dst;
}

char *cm__arena_strndup(cm__arena *a, const char *s, size_t n)
{
	if (a->head && a->size - a->used >= n + 1) {
		a->used += n + 1;
		return copy_into(a->head->data + a->used - n - 1, s, n);
	}
	/* Large strings get a block of their own so the rest stays dense. */
	int own = a->head && n + 1 > ARENA_BLOCK / 4;
	size_t size = own ? n + 1 : block_size(a, n + 1);
	cm__arena_block *b = cm__malloc(sizeof(*b) + size);
	if (!b)
		return NULL;
	if (own) {
		b->next = a->head->next;
		a->head->next = b;
		return copy_into(b->data, s, n);
	}
	b->next = a->head;
	a->head = b;
	a->used = n + 1;
	a->size = size;
	return copy_into(b->data, s, n);
}

void cm__arena_free(cm__arena *a)
{
	cm__arena_block *b = a->head;
	while (b) {
		cm__arena_block *next = b->next;
		cm__free(b);
		b = next;
	}
	a->head = NULL;
	a->used = a->size = 0;
}

/* ------------------------------------------------------------ string map */

/* FNV-1a from a random basis: short ids that differ in one digit still land
 * far apart, and a hostile file cannot pick ids that all share a slot and
 * turn every lookup into a scan. */
static uint32_t str_hash(uint64_t seed, const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ seed;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return (uint32_t)(h ^ (h >> 32));
}

/* 1 when *seed got random bytes from the system, which never waits for
 * them (GRND_NONBLOCK: early in boot a weaker seed beats a hang). */
static int system_random(uint64_t *seed)
{
#if HAVE_GETRANDOM
	return getrandom(seed, sizeof(*seed), GRND_NONBLOCK) == (ssize_t)sizeof(*seed);
#elif HAVE_ARC4RANDOM_BUF
	arc4random_buf(seed, sizeof(*seed));
	return 1;
#else
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	int got = read(fd, seed, sizeof(*seed)) == (ssize_t)sizeof(*seed);
	close(fd);
	return got;
#endif
}

static uint64_t random_seed(void)
{
	uint64_t seed = 0;
	if (!system_random(&seed))
		seed = (uint64_t)(uintptr_t)&seed ^ (uint64_t)time(NULL); /* ASLR as a fallback */
	return seed | 1;
}

static int key_equal(const cm__strmap_slot *slot, uint32_t hash, const char *s, size_t len)
{
	return slot->hash == hash && !strncmp(slot->key, s, len) && slot->key[len] == '\0';
}

long cm__strmap_get(const cm__strmap *m, const char *s, size_t len)
{
	if (!m->cap)
		return -1;
	uint32_t hash = str_hash(m->seed, s, len);
	size_t mask = m->cap - 1;
	for (size_t i = hash & mask; m->slots[i].key; i = (i + 1) & mask)
		if (key_equal(&m->slots[i], hash, s, len))
			return (long)m->slots[i].value;
	return -1;
}

void cm__strmap_prefetch(const cm__strmap *m, const char *s, size_t len)
{
	if (m->cap)
		__builtin_prefetch(&m->slots[str_hash(m->seed, s, len) & (m->cap - 1)]);
}

static void slot_insert(cm__strmap_slot *slots, size_t cap, cm__strmap_slot item)
{
	size_t i = item.hash & (cap - 1);
	while (slots[i].key)
		i = (i + 1) & (cap - 1);
	slots[i] = item;
}

/* Zeroed slots for an open-addressing table twice as large as one of cap
 * slots (64 at first), their count in *grown; NULL when out of memory. */
static void *double_slots(size_t cap, size_t *grown, size_t slot_size)
{
	*grown = cap ? cap * 2 : 64;
	return *grown > SIZE_MAX / slot_size ? NULL : cm__calloc_large(*grown, slot_size);
}

static int strmap_grow(cm__strmap *m)
{
	size_t cap;
	cm__strmap_slot *slots = double_slots(m->cap, &cap, sizeof(*slots));
	if (!slots)
		return CM_ENOMEM;
	if (!m->seed)
		m->seed = random_seed();
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			slot_insert(slots, cap, m->slots[i]);
	cm__free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

/* Whether one more key would load a table of cap slots past 3/4, where
 * linear probing stops being short. */
static int past_load(size_t count, size_t cap)
{
	return (count + 1) * 4 > cap * 3;
}

/* Room for one more key. */
static int strmap_room(cm__strmap *m)
{
	return past_load(m->count, m->cap) ? strmap_grow(m) : 0;
}

int cm__strmap_put(cm__strmap *m, const char *key, size_t len, uint32_t value)
{
	if (strmap_room(m))
		return CM_ENOMEM;
	slot_insert(m->slots, m->cap, (cm__strmap_slot){key, str_hash(m->seed, key, len), value});
	m->count++;
	return 0;
}

int cm__strmap_add(cm__strmap *m, const char *key, size_t len, uint32_t value, long *found)
{
	if (strmap_room(m))
		return CM_ENOMEM;
	uint32_t hash = str_hash(m->seed, key, len);
	size_t mask = m->cap - 1, i = hash & mask;
	for (; m->slots[i].key; i = (i + 1) & mask)
		if (key_equal(&m->slots[i], hash, key, len)) {
			*found = (long)m->slots[i].value;
			return 0;
		}
	m->slots[i] = (cm__strmap_slot){key, hash, value};
	m->count++;
	*found = -1;
	return 0;
}

void cm__strmap_free(cm__strmap *m)
{
	cm__free(m->slots);
	memset(m, 0, sizeof(*m));
}

/* ------------------------------------------------------------ fingerprints */

/* MurmurHash3's 64-bit finalizer: every input bit flips each output bit
 * with probability about 1/2, and it is a bijection. */
static uint64_t fmix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

/* Two 64-bit lanes see each 8-byte word of the key, each from its own
 * seed and with its own mixing (the second rotates the word and multiplies
 * before the finalizer), so that the fingerprint is not one 64-bit hash
 * computed twice. Not a cryptographic hash: were two edges ever taken for
 * one, the read would fail with a duplicate-id error, never pass wrong data. */
static void fp_word(cm__fp *h, uint64_t w)
{
	h->a = fmix64(h->a ^ w);
	h->b = fmix64((h->b ^ (w << 29 | w >> 35)) * 0x9e3779b97f4a7c15ULL);
}

static void fp_part(cm__fp *h, const char *p, size_t len)
{
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		fp_word(h, w);
	}
	uint64_t tail = 0;
	memcpy(&tail, p + i, len - i);
	fp_word(h, tail);
	fp_word(h, (uint64_t)len); /* ends the part: "ab"+"c" is not "a"+"bc" */
}

cm__fp cm__fp_of(cm__fpset *s, const char *const *part, const size_t *len, int nparts)
{
	if (!s->seed[0]) {
		s->seed[0] = random_seed();
		s->seed[1] = random_seed() ^ 0x5bd1e9955bd1e995ULL;
	}
	cm__fp h = {s->seed[0], s->seed[1]};
	for (int i = 0; i < nparts; i++)
		fp_part(&h, part[i], len[i]);
	if (!h.a && !h.b)
		h.a = 1;
	return h;
}

void cm__fpset_prefetch(const cm__fpset *s, cm__fp fp)
{
	if (s->cap)
		__builtin_prefetch(&s->slots[fp.a & (s->cap - 1)]);
}

static void fp_insert(cm__fp *slots, size_t cap, cm__fp fp)
{
	size_t i = fp.a & (cap - 1);
	while (slots[i].a || slots[i].b)
		i = (i + 1) & (cap - 1);
	slots[i] = fp;
}

static int fpset_grow(cm__fpset *s)
{
	size_t cap;
	cm__fp *slots = double_slots(s->cap, &cap, sizeof(*slots));
	if (!slots)
		return CM_ENOMEM;
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].a || s->slots[i].b)
			fp_insert(slots, cap, s->slots[i]);
	cm__free(s->slots);
	s->slots = slots;
	s->cap = cap;
	return 0;
}

int cm__fpset_add(cm__fpset *s, cm__fp fp, int *seen)
{
	if (past_load(s->count, s->cap) && fpset_grow(s))
		return CM_ENOMEM;
	size_t mask = s->cap - 1, i = fp.a & mask;
	for (; s->slots[i].a || s->slots[i].b; i = (i + 1) & mask)
		if (s->slots[i].a == fp.a && s->slots[i].b == fp.b) {
			*seen = 1;
			return 0;
		}
	s->slots[i] = fp;
	s->count++;
	*seen = 0;
	return 0;
}

void cm__fpset_free(cm__fpset *s)
{
	cm__free(s->slots);
	memset(s, 0, sizeof(*s));
}
