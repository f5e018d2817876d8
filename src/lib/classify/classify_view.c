/* SPDX-License-Identifier: MIT */
/* The network as the classifier sees it, and its jackknife and dropout
 * replicates. Vertex v of every full graph is network node node[v]. */
#include "classify.h"

#include <string.h>

void cm__cview_free(cm__cview *v)
{
	if (!v)
		return;
	for (int k = 0; k < CM__G_COUNT; k++)
		if (v->ok[k])
			igraph_destroy(&v->g[k]);
	cm__free(v->node);
	cm__free(v->local);
	cm__free(v->vlocal);
	memset(v, 0, sizeof(*v));
}

static int set_graph(cm__cview *v, int slot, igraph_t *g)
{
	v->g[slot] = *g;
	v->ok[slot] = 1;
	return 0;
}

static int undirected_copy(igraph_t *out, cm_ctx *ctx, const igraph_t *g)
{
	CM__IG(ctx, igraph_copy(out, g));
	igraph_error_t err = igraph_to_undirected(out, IGRAPH_TO_UNDIRECTED_COLLAPSE, NULL);
	if (err) {
		igraph_destroy(out);
		return cm__igraph_error(ctx, err);
	}
	return 0;
}

/* The undirected union of count graphs on the same vertices. */
static int union_of(igraph_t *out, cm_ctx *ctx, const igraph_t *const *gs, int count)
{
	igraph_t u[CM__G_BASE];
	igraph_vector_ptr_t ptrs;
	int made = 0, rc = 0;
	for (; made < count && !rc; made++)
		rc = undirected_copy(&u[made], ctx, gs[made]);
	if (rc)
		made--;
	if (!rc && igraph_vector_ptr_init(&ptrs, made))
		rc = cm__oom(ctx);
	if (!rc) {
		for (int k = 0; k < made; k++)
			VECTOR(ptrs)[k] = &u[k];
		igraph_error_t err = igraph_union_many(out, &ptrs, NULL);
		igraph_vector_ptr_destroy(&ptrs);
		rc = err ? cm__igraph_error(ctx, err) : 0;
	}
	for (int k = 0; k < made; k++)
		igraph_destroy(&u[k]);
	return rc;
}

static int local_lists(cm__cview *v, cm_ctx *ctx)
{
	v->local = cm__malloc(((size_t)v->n + 1) * sizeof(int));
	v->vlocal = cm__malloc(((size_t)v->n + 1) * sizeof(int));
	if (!v->local || !v->vlocal)
		return cm__oom(ctx);
	v->nl = 0;
	for (igraph_integer_t i = 0; i < v->n; i++) {
		int inside = v->net->nodes[v->node[i]].location == CM_LOCATION_INSIDE;
		v->vlocal[i] = inside ? (int)v->nl : -1;
		if (inside)
			v->local[v->nl++] = (int)i;
	}
	return 0;
}

/* Induced subgraph on the local vertices, in their order. */
static int local_graph(igraph_t *out, cm_ctx *ctx, const cm__cview *v, const igraph_t *g)
{
	igraph_vector_int_t keep;
	CM__IG(ctx, igraph_vector_int_init(&keep, v->nl));
	for (igraph_integer_t k = 0; k < v->nl; k++)
		VECTOR(keep)[k] = v->local[k];
	/* Copy-and-delete keeps the surviving vertices in increasing order, which
	 * is the order of v->local. */
	igraph_error_t err = igraph_induced_subgraph(g, out, igraph_vss_vector(&keep),
	                                             IGRAPH_SUBGRAPH_COPY_AND_DELETE);
	igraph_vector_int_destroy(&keep);
	return err ? cm__igraph_error(ctx, err) : 0;
}

/* Builds the union and the local graphs from the base layers. */
static int finish(cm__cview *v, cm_ctx *ctx)
{
	igraph_t g;
	const igraph_t *base[CM__G_BASE];
	for (int k = 0; k < CM__G_BASE; k++)
		base[k] = &v->g[k];
	int rc = local_lists(v, ctx);
	if (!rc && !(rc = union_of(&g, ctx, base, CM__G_BASE)))
		set_graph(v, CM__G_ALL_FULL, &g);
	static const int from[][2] = {{CM__G_SUP, CM__G_SUP_FULL},
	                              {CM__G_ASSOC, CM__G_ASSOC_FULL},
	                              {CM__G_ALL, CM__G_ALL_FULL}};
	for (size_t k = 0; !rc && k < CM__ARRAY_LEN(from); k++)
		if (!(rc = local_graph(&g, ctx, v, &v->g[from[k][1]])))
			set_graph(v, from[k][0], &g);
	if (!rc && !(rc = local_graph(&g, ctx, v, &v->g[CM__G_INFO_FULL]))) {
		igraph_t u;
		rc = undirected_copy(&u, ctx, &g);
		igraph_destroy(&g);
		if (!rc)
			set_graph(v, CM__G_INFO, &u);
	}
	const igraph_t *si[2] = {&v->g[CM__G_SUP], &v->g[CM__G_INFO]};
	if (!rc && !(rc = union_of(&g, ctx, si, 2)))
		set_graph(v, CM__G_SI, &g);
	return rc;
}

static int base_slot(const char *layer)
{
	if (!strcmp(layer, "supplier"))
		return CM__G_SUP_FULL;
	if (!strcmp(layer, "information"))
		return CM__G_INFO_FULL;
	if (!strcmp(layer, "association"))
		return CM__G_ASSOC_FULL;
	return CM__G_OTHER_FULL;
}

/* Adds a built layer to its base slot (custom layers are merged). */
static int add_layer(cm__cview *v, cm_ctx *ctx, cm__layer *l)
{
	int slot = base_slot(l->name);
	if (slot != CM__G_OTHER_FULL) {
		v->has_layer[slot] = 1;
		if (slot == CM__G_INFO_FULL)
			v->info_directed = l->directed;
		set_graph(v, slot, &l->graph);
		memset(&l->graph, 0, sizeof(l->graph));
		return 0;
	}
	igraph_t u;
	const igraph_t *two[2] = {&v->g[slot], &l->graph};
	int rc = v->ok[slot] ? union_of(&u, ctx, two, 2) : undirected_copy(&u, ctx, &l->graph);
	if (rc)
		return rc;
	if (v->ok[slot])
		igraph_destroy(&v->g[slot]);
	return set_graph(v, slot, &u);
}

static int build_layers(cm__cview *v, cm_ctx *ctx, const cm_network *net)
{
	for (size_t k = 0; k < net->nlayers; k++) {
		cm__layer l;
		int rc = cm__layer_build(&l, ctx, net, k, NULL);
		if (rc)
			return rc;
		int slot = base_slot(l.name);
		rc = add_layer(v, ctx, &l);
		if (slot != CM__G_OTHER_FULL && !rc)
			igraph_vector_destroy(&l.weight), igraph_vector_int_destroy(&l.node);
		else
			cm__layer_free(&l);
		if (rc)
			return rc;
	}
	for (int k = 0; k < CM__G_BASE; k++)
		if (!v->ok[k]) {
			CM__IG(ctx, igraph_empty(&v->g[k], v->n, k == CM__G_SUP_FULL));
			v->ok[k] = 1;
		}
	return 0;
}

/* The view of net, in the canonical order or (for a comparison that
 * ignores the order) in network order. */
static int build(cm__cview *out, cm_ctx *ctx, const cm_network *net, int canonical)
{
	memset(out, 0, sizeof(*out));
	out->net = net;
	out->n = (igraph_integer_t)net->n;
	out->node = cm__malloc((net->n + 1) * sizeof(int));
	if (!out->node)
		return cm__oom(ctx);
	/* layers.c keeps every node, in network order; the view then takes the
	 * canonical order. */
	for (size_t i = 0; i < net->n; i++)
		out->node[i] = (int)i;
	int rc = build_layers(out, ctx, net);
	if (!rc && canonical)
		rc = cm__cview_canonical(out, ctx);
	if (!rc)
		rc = finish(out, ctx);
	if (rc)
		cm__cview_free(out);
	return rc;
}

int cm__cview_build(cm__cview *out, cm_ctx *ctx, const cm_network *net)
{
	return build(out, ctx, net, 1);
}

/* ------------------------------------------------------------ comparison */

/* Vertex i of graph k as a network node: the local graphs number the
 * local vertices. */
static unsigned long net_node(const cm__cview *v, int k, igraph_integer_t i)
{
	return (unsigned long)v->node[k < CM__G_SUP ? i : v->local[i]];
}

/* Graph k, whatever the order of its vertices and ties: its size,
 * direction and a sum of a hash of each tie's ends as network nodes. */
static uint64_t graph_print(const cm__cview *v, int k)
{
	const igraph_t *g = &v->g[k];
	if (!v->ok[k])
		return 0;
	int directed = igraph_is_directed(g);
	uint64_t p = cm__seed_mix((unsigned long)igraph_vcount(g),
	                          (unsigned long)igraph_ecount(g) * 2 + (unsigned long)directed);
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		unsigned long a = net_node(v, k, IGRAPH_FROM(g, e)),
		              b = net_node(v, k, IGRAPH_TO(g, e));
		p += directed || a < b ? cm__seed_mix(a, b) : cm__seed_mix(b, a);
	}
	return p;
}

/* The view whatever its order: which actors are local, which layers
 * exist, and every graph. */
static uint64_t view_print(const cm__cview *v)
{
	uint64_t p = cm__seed_mix((unsigned long)v->n, (unsigned long)v->nl);
	for (igraph_integer_t i = 0; i < v->nl; i++)
		p += cm__seed_mix((unsigned long)v->node[v->local[i]], 0);
	for (int k = 0; k < 3; k++)
		p = p * 31 + (uint64_t)v->has_layer[k];
	p = p * 31 + (uint64_t)v->info_directed;
	for (int k = 0; k < CM__G_COUNT; k++)
		p = p * 31 + graph_print(v, k);
	return p;
}

int cm__cview_same_graphs(int *same, cm_ctx *ctx, const cm__cview *v, const cm_network *net)
{
	cm__cview fresh;
	/* Network order: the canonical one would cost a refinement, and the
	 * prints do not depend on the order. */
	int rc = build(&fresh, ctx, net, 0);
	if (rc)
		return rc;
	*same = view_print(&fresh) == view_print(v);
	cm__cview_free(&fresh);
	return 0;
}

/* Drops each edge of g with probability p. */
static int dropout_edges(igraph_t *g, cm_ctx *ctx, double p)
{
	igraph_vector_int_t drop;
	CM__IG(ctx, igraph_vector_int_init(&drop, 0));
	igraph_error_t err = IGRAPH_SUCCESS;
	for (igraph_integer_t e = 0; e < igraph_ecount(g) && !err; e++)
		if (RNG_UNIF01() < p)
			err = igraph_vector_int_push_back(&drop, e);
	if (!err)
		err = igraph_delete_edges(g, igraph_ess_vector(&drop));
	igraph_vector_int_destroy(&drop);
	return err ? cm__igraph_error(ctx, err) : 0;
}

static int derive_base(cm__cview *out, cm_ctx *ctx, const cm__cview *in, igraph_integer_t drop,
                       double dropout)
{
	for (int k = 0; k < CM__G_BASE; k++) {
		CM__IG(ctx, igraph_copy(&out->g[k], &in->g[k]));
		out->ok[k] = 1;
		if (dropout > 0) {
			int rc = dropout_edges(&out->g[k], ctx, dropout);
			if (rc)
				return rc;
		}
		if (drop >= 0)
			CM__IG(ctx, igraph_delete_vertices(&out->g[k], igraph_vss_1(drop)));
	}
	return 0;
}

static int derive(cm__cview *out, cm_ctx *ctx, const cm__cview *in, igraph_integer_t drop,
                  double dropout, int reverse)
{
	memset(out, 0, sizeof(*out));
	out->net = in->net;
	out->n = in->n - (drop >= 0);
	memcpy(out->has_layer, in->has_layer, sizeof(out->has_layer));
	out->info_directed = in->info_directed;
	out->node = cm__malloc(((size_t)in->n + 1) * sizeof(int));
	if (!out->node)
		return cm__oom(ctx);
	for (igraph_integer_t i = 0, k = 0; i < in->n; i++)
		if (i != drop)
			out->node[k++] = in->node[i];
	int rc = derive_base(out, ctx, in, drop, dropout);
	if (!rc && reverse >= 0 && igraph_is_directed(&out->g[reverse])) {
		igraph_error_t err =
		    igraph_reverse_edges(&out->g[reverse], igraph_ess_all(IGRAPH_EDGEORDER_ID));
		rc = err ? cm__igraph_error(ctx, err) : 0;
	}
	if (!rc)
		rc = finish(out, ctx);
	if (rc)
		cm__cview_free(out);
	return rc;
}

int cm__cview_derive(cm__cview *out, cm_ctx *ctx, const cm__cview *in, igraph_integer_t drop,
                     double dropout)
{
	return derive(out, ctx, in, drop, dropout, -1);
}

int cm__cview_reverse(cm__cview *out, cm_ctx *ctx, const cm__cview *in, int slot)
{
	return derive(out, ctx, in, -1, 0, slot);
}
