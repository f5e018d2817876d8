/* SPDX-License-Identifier: MIT */
/* The interactive map above interactive_max: the actors in groups, one per
 * kind of actor (or "kind not given") and side of the region (inside,
 * outside, or location not given), with the ties between two groups counted
 * per layer (docs/report.md, "The interactive map").
 *
 * The groups are counted here rather than by the page's script: the page
 * then carries one row per pair of groups and layer ([a, b, layer, count])
 * instead of every tie, so it stays small however many ties there are, and
 * the counts are checked without a browser (tests/cli/report-groups.sh). */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SIDES 3 /* inside, outside, location not given */
#define NKEYS ((CM_KIND_COUNT + 1) * SIDES)
#define TOP   5 /* members named per group */

/* The groups' names in words, in the order of cm_kind and of the sides. */
static const char *const kind_words[CM_KIND_COUNT + 1] = {
    "firms",           "associations",  "cluster organisations", "training bodies",
    "research bodies", "universities",  "government bodies",     "finance bodies",
    "other actors",    "kind not given"};
static const char *const side_words[SIDES] = {"inside the region", "outside the region",
                                              "location not given"};

/* A tie between two groups a < b, in a layer. */
typedef struct gtie {
	size_t a, b, layer;
} gtie;

static int by_gtie(const void *x, const void *y)
{
	const gtie *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return (p->layer > q->layer) - (p->layer < q->layer);
}

typedef struct grouping {
	const cm_network *net;
	const double *btw;                   /* betweenness on all layers */
	size_t nl;                           /* layers */
	size_t members[NKEYS], index[NKEYS]; /* index: place in the page's list */
	size_t top[NKEYS][TOP], ntop[NKEYS]; /* highest betweenness first */
	size_t *within;                      /* NKEYS x nl: ties within a group */
	gtie *ties;                          /* between groups, sorted */
	size_t nties;
} grouping;

/* A group is a key: kind (CM_KIND_COUNT when not given) and side. */
static size_t key_of(const cm_network *net, size_t i)
{
	const cm__node *n = &net->nodes[i];
	size_t kind = n->has & CM_HAS_KIND ? (size_t)n->kind : CM_KIND_COUNT;
	size_t side = !(n->has & CM_HAS_LOCATION)                       ? 2
	              : (cm_location)n->location == CM_LOCATION_OUTSIDE ? 1
	                                                                : 0;
	return kind * SIDES + side;
}

/* Higher betweenness first, then by name: content only, never the order of
 * rows or the ids. Values within rounding of each other count as equal, so
 * that a summation order cannot reorder them. */
static int ranks_above(const grouping *G, size_t i, size_t j)
{
	double a = G->btw[i], b = G->btw[j];
	if (fabs(a - b) > 1e-9 * fmax(fabs(a), fabs(b)))
		return a > b;
	return strcmp(cm__html_name(G->net, i), cm__html_name(G->net, j)) < 0;
}

/* Actor i among its group's TOP best, kept sorted; a missing betweenness
 * ranks no one. */
static void rank_member(grouping *G, size_t k, size_t i)
{
	if (!isfinite(G->btw[i]))
		return;
	size_t at = G->ntop[k];
	while (at > 0 && ranks_above(G, i, G->top[k][at - 1]))
		at--;
	if (at >= TOP)
		return;
	size_t last = G->ntop[k] < TOP ? G->ntop[k]++ : TOP - 1;
	memmove(&G->top[k][at + 1], &G->top[k][at], (last - at) * sizeof(size_t));
	G->top[k][at] = i;
}

/* Ties between groups are kept one per tie and sorted, not in a table of
 * every pair of groups and layer: memory follows the ties, however many
 * layers the file names. */
static int count(grouping *G)
{
	const cm_network *net = G->net;
	size_t m = cm_network_edge_count(net);
	G->within = cm__calloc(NKEYS * G->nl + 1, sizeof(size_t));
	G->ties = cm__calloc(m + 1, sizeof(gtie));
	if (!G->within || !G->ties)
		return CM_ENOMEM;
	for (size_t i = 0; i < cm_network_node_count(net); i++) {
		size_t k = key_of(net, i);
		G->members[k]++;
		rank_member(G, k, i);
	}
	for (size_t e = 0; e < m; e++) {
		size_t a = key_of(net, net->edges[e].src), b = key_of(net, net->edges[e].dst);
		if (a == b)
			G->within[a * G->nl + net->edges[e].layer]++;
		else
			G->ties[G->nties++] =
			    (gtie){a < b ? a : b, a < b ? b : a, net->edges[e].layer};
	}
	qsort(G->ties, G->nties, sizeof(gtie), by_gtie);
	return 0;
}

static json_t *per_layer(const grouping *G, size_t k)
{
	json_t *arr = json_array();
	int bad = !arr;
	for (size_t l = 0; l < G->nl && !bad; l++)
		bad =
		    json_array_append_new(arr, json_integer((json_int_t)G->within[k * G->nl + l]));
	return cm__json_check(arr, bad);
}

static json_t *top_names(const grouping *G, size_t k)
{
	json_t *arr = json_array();
	int bad = !arr;
	for (size_t t = 0; t < G->ntop[k] && !bad; t++)
		bad = json_array_append_new(arr, json_string(cm__html_name(G->net, G->top[k][t])));
	return cm__json_check(arr, bad);
}

/* One group: its name in words, the kind and location its members share
 * (null when not given), members, ties within per layer, top members. */
static json_t *group(const grouping *G, size_t k)
{
	size_t kind = k / SIDES, side = k % SIDES;
	char name[96];
	snprintf(name, sizeof name, "%s, %s", kind_words[kind], side_words[side]);
	json_t *g = json_object();
	int bad = !g;
	bad = bad || json_object_set_new(g, "name", json_string(name));
	bad = bad ||
	      json_object_set_new(g, "kind",
	                          kind < CM_KIND_COUNT ? json_string(cm_kind_name((cm_kind)kind))
	                                               : json_null());
	bad = bad || json_object_set_new(g, "location",
	                                 side < 2 ? json_string(cm_location_name((cm_location)side))
	                                          : json_null());
	bad = bad || json_object_set_new(g, "members", json_integer((json_int_t)G->members[k]));
	bad = bad || json_object_set_new(g, "within", per_layer(G, k));
	bad = bad || json_object_set_new(g, "top", top_names(G, k));
	return cm__json_check(g, bad);
}

/* The groups present, ordered by kind then side: the page's ring follows
 * this order, which depends on the content only. */
static json_t *groups(grouping *G)
{
	json_t *arr = json_array();
	int bad = !arr;
	size_t n = 0;
	for (size_t k = 0; k < NKEYS && !bad; k++)
		if (G->members[k]) {
			G->index[k] = n++;
			bad = json_array_append_new(arr, group(G, k));
		}
	return cm__json_check(arr, bad);
}

/* [a, b, layer, count] for each pair of groups a < b and layer with ties:
 * one per run of equal ties. */
static json_t *between(const grouping *G)
{
	json_t *arr = json_array();
	int bad = !arr;
	for (size_t i = 0, j; i < G->nties && !bad; i = j) {
		for (j = i + 1; j < G->nties && !by_gtie(&G->ties[i], &G->ties[j]); j++)
			;
		bad = json_array_append_new(
		    arr, json_pack("[I,I,I,I]", (json_int_t)G->index[G->ties[i].a],
		                   (json_int_t)G->index[G->ties[i].b], (json_int_t)G->ties[i].layer,
		                   (json_int_t)(j - i)));
	}
	return cm__json_check(arr, bad);
}

int cm__html_groups(const cm__html *h, json_t *root)
{
	grouping *G = cm__calloc(1, sizeof *G);
	if (!G)
		return 1;
	G->net = h->net;
	G->nl = cm_network_layer_count(h->net);
	int bad =
	    cm_metrics_actor_values(&G->btw, h->ctx, h->metrics, h->all, "betweenness") || count(G);
	bad = bad || json_object_set_new(root, "groups", groups(G));
	bad = bad || json_object_set_new(root, "group_ties", between(G));
	cm__free(G->within);
	cm__free(G->ties);
	cm__free(G);
	return bad;
}
