/* SPDX-License-Identifier: MIT */
/* The order in which the classifier sees actors and ties, derived from the
 * network's content rather than from the file, so that reordering a file
 * cannot move a verdict (docs/classification.md, "Invariance"). Actors are
 * sorted by their attributes, then by a colour refined from their ties
 * (Weisfeiler-Lehman), then by id; ties are sorted by their ends. */
#include "classify.h"

#include <stdlib.h>
#include <string.h>

#define REFINE_ROUNDS 16 /* refinement stops earlier once no class splits */
#define HAS_READ      (CM_HAS_KIND | CM_HAS_SIZE | CM_HAS_OWNERSHIP | CM_HAS_LOCATION)

/* splitmix64's finaliser: the same on every platform. */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

typedef struct canon_key {
	const cm__node *nd;
	uint64_t colour;
	int node;
} canon_key;

static uint64_t attribute_colour(const cm__node *nd)
{
	return mix((uint64_t)nd->kind | (uint64_t)nd->size << 8 | (uint64_t)nd->ownership << 16 |
	           (uint64_t)nd->location << 24 | (uint64_t)(nd->has & HAS_READ) << 32);
}

/* Adds each tie's far end to the near end's sum: a multiset hash, so the
 * order of the ties does not matter. */
static void neighbour_sums(uint64_t *sum, const uint64_t *colour, const igraph_t *g, int layer)
{
	int directed = igraph_is_directed(g);
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
		uint64_t out = (uint64_t)(layer * 2 + 1), in = (uint64_t)(layer * 2 + directed + 1);
		sum[a] += mix(colour[b] ^ out << 56);
		sum[b] += mix(colour[a] ^ in << 56);
	}
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static size_t classes(uint64_t *scratch, const uint64_t *colour, size_t n)
{
	memcpy(scratch, colour, n * sizeof(*colour));
	qsort(scratch, n, sizeof(*scratch), cmp_u64);
	size_t count = n > 0;
	for (size_t i = 1; i < n; i++)
		count += scratch[i] != scratch[i - 1];
	return count;
}

/* Refines the attribute colours by the colours of each actor's ties until
 * no class splits any more. */
static void refine(uint64_t *colour, uint64_t *sum, uint64_t *scratch, const cm__cview *v)
{
	size_t n = (size_t)v->n, before = classes(scratch, colour, n);
	for (int round = 0; round < REFINE_ROUNDS; round++) {
		memset(sum, 0, n * sizeof(*sum));
		for (int k = 0; k < CM__G_BASE; k++)
			neighbour_sums(sum, colour, &v->g[k], k);
		for (size_t i = 0; i < n; i++)
			colour[i] = mix(colour[i] * 31 + sum[i]);
		size_t after = classes(scratch, colour, n);
		if (after == before)
			break;
		before = after;
	}
}

/* Firms first and larger before smaller, so that the first of a tie shown
 * in a report is the one a reader looks for; then colour, then id. */
static int cmp_key(const void *pa, const void *pb)
{
	const canon_key *a = pa, *b = pb;
	const unsigned char fa[] = {a->nd->kind, (unsigned char)(CM_SIZE_COUNT - a->nd->size),
	                            a->nd->ownership, a->nd->location};
	const unsigned char fb[] = {b->nd->kind, (unsigned char)(CM_SIZE_COUNT - b->nd->size),
	                            b->nd->ownership, b->nd->location};
	int c = memcmp(fa, fb, sizeof(fa));
	if (c)
		return c;
	if (a->colour != b->colour)
		return a->colour < b->colour ? -1 : 1;
	return strcmp(a->nd->id, b->nd->id);
}

static int cmp_pair(const void *pa, const void *pb)
{
	const igraph_integer_t *a = pa, *b = pb;
	return a[0] != b[0] ? (a[0] > b[0]) - (a[0] < b[0]) : (a[1] > b[1]) - (a[1] < b[1]);
}

/* g with vertex v renamed rank[v] and its ties sorted by their ends. */
static int reorder_graph(igraph_t *g, cm_ctx *ctx, const int *rank)
{
	igraph_vector_int_t ends;
	igraph_t out;
	int directed = igraph_is_directed(g);
	CM__IG(ctx, igraph_vector_int_init(&ends, 0));
	igraph_error_t err = igraph_get_edgelist(g, &ends, 0);
	igraph_integer_t m = igraph_vector_int_size(&ends) / 2;
	for (igraph_integer_t e = 0; !err && e < m; e++) {
		igraph_integer_t a = rank[VECTOR(ends)[2 * e]], b = rank[VECTOR(ends)[2 * e + 1]];
		int swap = !directed && b < a;
		VECTOR(ends)[2 * e] = swap ? b : a;
		VECTOR(ends)[2 * e + 1] = swap ? a : b;
	}
	if (!err && m > 0)
		qsort(VECTOR(ends), (size_t)m, 2 * sizeof(igraph_integer_t), cmp_pair);
	if (!err && !(err = igraph_create(&out, &ends, igraph_vcount(g), directed))) {
		igraph_destroy(g);
		*g = out;
	}
	igraph_vector_int_destroy(&ends);
	return err ? cm__igraph_error(ctx, err) : 0;
}

static void sort_keys(canon_key *key, const uint64_t *colour, const cm__cview *v)
{
	for (igraph_integer_t i = 0; i < v->n; i++)
		key[i] = (canon_key){&v->net->nodes[i], colour[i], (int)i};
	qsort(key, (size_t)v->n, sizeof(*key), cmp_key);
}

/* Renumbers the base graphs of a view built in network order: vertex v
 * becomes network node node[v] in the canonical order. */
int cm__cview_canonical(cm__cview *v, cm_ctx *ctx)
{
	size_t n = (size_t)v->n + 1;
	uint64_t *colour = cm__malloc(n * sizeof(uint64_t)),
	         *sum = cm__malloc(n * sizeof(uint64_t));
	uint64_t *scratch = cm__malloc(n * sizeof(uint64_t));
	canon_key *key = cm__malloc(n * sizeof(canon_key));
	int *rank = cm__malloc(n * sizeof(int));
	int rc = colour && sum && scratch && key && rank ? 0 : cm__oom(ctx);
	for (igraph_integer_t i = 0; !rc && i < v->n; i++)
		colour[i] = attribute_colour(&v->net->nodes[i]);
	if (!rc) {
		refine(colour, sum, scratch, v);
		sort_keys(key, colour, v);
	}
	for (igraph_integer_t i = 0; !rc && i < v->n; i++)
		v->node[i] = key[i].node, rank[key[i].node] = (int)i;
	for (int k = 0; !rc && k < CM__G_BASE; k++)
		rc = reorder_graph(&v->g[k], ctx, rank);
	cm__free(colour), cm__free(sum), cm__free(scratch), cm__free(key), cm__free(rank);
	return rc;
}
