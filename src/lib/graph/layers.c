/* SPDX-License-Identifier: MIT */
/* Per-layer igraph views of a network, and the glue that keeps igraph's
 * errors, warnings and OpenMP threads under the context's control. */
#include "layers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#endif

/* ------------------------------------------------------------ igraph glue */

/* igraph's error and warning handlers take no user pointer, so the reason of
 * the last failure waits here until cm__igraph_error() copies it into the
 * context right after the failing call returns. The active context is kept
 * for warnings, which do not make a call fail. Thread-local because a
 * cm_ctx is per thread. */
static _Thread_local char last_reason[512];
static _Thread_local cm_ctx *active_ctx;

static void on_error(const char *reason, const char *file, int line, igraph_error_t err)
{
	(void)file, (void)line, (void)err;
	snprintf(last_reason, sizeof(last_reason), "%s", reason ? reason : "");
	/* igraph's own cleanup stack must be emptied by the handler; without
	 * it the next call would find stale entries (and the default handler
	 * would abort). */
	IGRAPH_FINALLY_FREE();
}

static int same_warning(const cm_ctx *ctx, const char *msg)
{
	for (size_t i = 0; i < ctx->diags.count; i++)
		if (!strcmp(ctx->diags.items[i].d.message, msg))
			return 1;
	return 0;
}

static void on_warning(const char *reason, const char *file, int line)
{
	(void)file, (void)line;
	char msg[600];
	snprintf(msg, sizeof(msg), "igraph: %s", reason ? reason : "");
	/* Repeated warnings (one per layer) would only drown the output. */
	if (active_ctx && !same_warning(active_ctx, msg))
		cm__diag(active_ctx, CM_DIAG_WARNING, NULL, 0, 0, "%s", msg);
}

/* Scopes open on this thread: only the outermost swaps the generator. */
static _Thread_local int depth;

/* igraph_rng_set_default() copies the generator it is given (type, state
 * pointer, seeded flag), so the caller's is kept as such a copy. */
static int rng_enter(cm__igraph_scope *scope, cm_ctx *ctx)
{
	scope->own_rng = 0;
	if (depth > 0)
		return 0;
	if (igraph_rng_init(&scope->rng, &igraph_rngtype_pcg32) != IGRAPH_SUCCESS)
		return cm__oom(ctx);
	igraph_rng_seed(&scope->rng, 0); /* igraph seeds an unseeded one by the clock */
	scope->prev_rng = *igraph_rng_default();
	igraph_rng_set_default(&scope->rng);
	scope->own_rng = 1;
	return 0;
}

static void rng_leave(cm__igraph_scope *scope)
{
	if (!scope->own_rng)
		return;
	igraph_rng_set_default(&scope->prev_rng);
	igraph_rng_destroy(&scope->rng);
}

static void threads_enter(cm__igraph_scope *scope, const cm_ctx *ctx)
{
#ifdef _OPENMP
	/* PRPACK starts an OpenMP team inside PageRank; on a loaded machine the
	 * default thread count makes it slower, not faster. */
	scope->prev_threads = omp_get_max_threads();
	omp_set_num_threads(ctx->threads > 0 ? ctx->threads : 1);
#else
	(void)ctx;
	scope->prev_threads = 1;
#endif
}

int cm__igraph_enter(cm__igraph_scope *scope, cm_ctx *ctx)
{
	/* Handlers first: igraph_rng_init() reports a failure through them. */
	scope->prev_error = (void *)igraph_set_error_handler(on_error);
	scope->prev_warning = (void *)igraph_set_warning_handler(on_warning);
	scope->prev_ctx = active_ctx;
	active_ctx = ctx;
	last_reason[0] = '\0';
	threads_enter(scope, ctx);
	int rc = rng_enter(scope, ctx);
	depth++;
	return rc;
}

void cm__igraph_leave(cm__igraph_scope *scope)
{
	rng_leave(scope);
	depth--;
#ifdef _OPENMP
	omp_set_num_threads(scope->prev_threads);
#endif
	active_ctx = scope->prev_ctx;
	igraph_set_error_handler((igraph_error_handler_t *)scope->prev_error);
	igraph_set_warning_handler((igraph_warning_handler_t *)scope->prev_warning);
}

int cm__igraph_error(cm_ctx *ctx, igraph_error_t err)
{
	int code = err == IGRAPH_ENOMEM ? CM_ENOMEM : CM_EGRAPH;
	if (code == CM_ENOMEM)
		cm__oom(ctx);
	else if (last_reason[0])
		cm__error(ctx, code, "error: graph computation failed: %s (%s)", last_reason,
		          igraph_strerror(err));
	else
		cm__error(ctx, code, "error: graph computation failed: %s", igraph_strerror(err));
	last_reason[0] = '\0';
	return code;
}

/* ------------------------------------------------------------ layers */

typedef struct arc {
	igraph_integer_t from, to;
	double weight;
} arc;

static int cmp_arc(const void *a, const void *b)
{
	const arc *x = a, *y = b;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return x->to < y->to ? -1 : x->to > y->to;
}

static int layer_directed(const cm_network *net, size_t layer)
{
	if (layer == CM__LAYER_ALL)
		return 0;
	const char *name = net->layers[layer];
	if (!strcmp(name, "supplier"))
		return 1;
	if (!strcmp(name, "association"))
		return 0;
	/* information and custom relations: directed only when every tie is. */
	int any = 0;
	for (size_t e = 0; e < net->m; e++) {
		if (net->edges[e].layer != layer)
			continue;
		if (!net->edges[e].directed)
			return 0;
		any = 1;
	}
	return any;
}

/* Network node -> vertex index, or -1 for nodes left out. */
static int map_nodes(cm__layer *l, igraph_integer_t *vertex, const cm_network *net,
                     const cm__layer_opts *opts)
{
	igraph_integer_t nv = 0;
	for (size_t i = 0; i < net->n; i++) {
		int keep =
		    !(opts && opts->inside_only) || net->nodes[i].location == CM_LOCATION_INSIDE;
		vertex[i] = keep ? nv++ : -1;
	}
	if (igraph_vector_int_init(&l->node, nv))
		return CM_ENOMEM;
	for (size_t i = 0; i < net->n; i++)
		if (vertex[i] >= 0)
			VECTOR(l->node)[vertex[i]] = (igraph_integer_t)i;
	return 0;
}

/* The layer's ties as arcs between kept vertices, without self-loops;
 * undirected ties are stored with from < to. */
static size_t collect_arcs(arc *arcs, const cm_network *net, size_t layer, int directed,
                           const igraph_integer_t *vertex)
{
	size_t k = 0;
	for (size_t e = 0; e < net->m; e++) {
		const cm__edge *ed = &net->edges[e];
		if (layer != CM__LAYER_ALL && ed->layer != layer)
			continue;
		igraph_integer_t a = vertex[ed->src], b = vertex[ed->dst];
		if (a < 0 || b < 0 || a == b)
			continue;
		if (!directed && a > b) {
			igraph_integer_t t = a;
			a = b;
			b = t;
		}
		arcs[k++] = (arc){a, b, ed->weight};
	}
	return k;
}

/* Sorts and merges parallel arcs (summing weights); returns the new count. */
static size_t collapse_arcs(arc *arcs, size_t k)
{
	if (k == 0)
		return 0;
	qsort(arcs, k, sizeof(*arcs), cmp_arc);
	size_t out = 0;
	for (size_t i = 1; i < k; i++) {
		if (arcs[i].from == arcs[out].from && arcs[i].to == arcs[out].to)
			arcs[out].weight += arcs[i].weight;
		else
			arcs[++out] = arcs[i];
	}
	return out + 1;
}

static int make_graph(cm__layer *l, cm_ctx *ctx, const arc *arcs, size_t k)
{
	igraph_vector_int_t ends;
	igraph_integer_t nv = igraph_vector_int_size(&l->node);
	if (igraph_vector_int_init(&ends, (igraph_integer_t)(2 * k)))
		return cm__oom(ctx);
	if (igraph_vector_init(&l->weight, (igraph_integer_t)k)) {
		igraph_vector_int_destroy(&ends);
		return cm__oom(ctx);
	}
	for (size_t i = 0; i < k; i++) {
		VECTOR(ends)[2 * i] = arcs[i].from;
		VECTOR(ends)[2 * i + 1] = arcs[i].to;
		VECTOR(l->weight)[i] = arcs[i].weight;
	}
	igraph_error_t err = igraph_create(&l->graph, &ends, nv, l->directed);
	igraph_vector_int_destroy(&ends);
	if (err) {
		igraph_vector_destroy(&l->weight);
		return cm__igraph_error(ctx, err);
	}
	return 0;
}

static void layer_reset(cm__layer *l)
{
	igraph_vector_int_destroy(&l->node);
	memset(l, 0, sizeof(*l));
}

int cm__layer_build(cm__layer *out, cm_ctx *ctx, const cm_network *net, size_t layer,
                    const cm__layer_opts *opts)
{
	memset(out, 0, sizeof(*out));
	if (layer != CM__LAYER_ALL && layer >= net->nlayers)
		return cm__error(ctx, CM_ENOTFOUND, "error: no layer %zu in the network", layer);
	out->name = layer == CM__LAYER_ALL ? "all" : net->layers[layer];
	out->directed = layer_directed(net, layer);
	igraph_integer_t *vertex = cm__malloc((net->n + 1) * sizeof(*vertex));
	arc *arcs = cm__malloc((net->m + 1) * sizeof(*arcs));
	int rc = vertex && arcs ? map_nodes(out, vertex, net, opts) : CM_ENOMEM;
	if (rc == 0) {
		size_t k =
		    collapse_arcs(arcs, collect_arcs(arcs, net, layer, out->directed, vertex));
		if ((rc = make_graph(out, ctx, arcs, k)))
			layer_reset(out);
	} else {
		memset(out, 0, sizeof(*out));
		rc = cm__oom(ctx);
	}
	cm__free(vertex);
	cm__free(arcs);
	return rc;
}

void cm__layer_free(cm__layer *l)
{
	if (!l || !l->name)
		return;
	igraph_destroy(&l->graph);
	igraph_vector_destroy(&l->weight);
	igraph_vector_int_destroy(&l->node);
	memset(l, 0, sizeof(*l));
}
