/* SPDX-License-Identifier: MIT */
/* Public accessors of networks and series. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int cm_series_new(cm_series **out, cm_ctx *ctx)
{
	*out = cm__calloc(1, sizeof(**out));
	return *out ? 0 : cm__oom(ctx);
}

void cm_series_free(cm_series *series)
{
	if (!series)
		return;
	for (size_t i = 0; i < series->count; i++)
		cm_network_free(series->items[i]);
	cm__free(series->items);
	cm__free(series);
}

int cm_series_append(cm_ctx *ctx, cm_series *series, cm_network *net)
{
	if (cm__grow((void **)&series->items, &series->cap, series->count + 1,
	             sizeof(*series->items)))
		return cm__oom(ctx);
	series->items[series->count++] = net;
	return 0;
}

size_t cm_series_count(const cm_series *series)
{
	return series ? series->count : 0;
}

int cm_series_get(const cm_network **out, cm_ctx *ctx, const cm_series *series, size_t i)
{
	int rc = cm__check_index(ctx, "snapshot", i, cm_series_count(series));
	if (!rc)
		*out = series->items[i];
	return rc;
}

int cm_series_take(cm_network **out, cm_ctx *ctx, cm_series *series, size_t i)
{
	int rc = cm__check_index(ctx, "snapshot", i, cm_series_count(series));
	if (rc)
		return rc;
	*out = series->items[i];
	memmove(series->items + i, series->items + i + 1,
	        sizeof(*series->items) * (series->count - i - 1));
	series->count--;
	return 0;
}

const char *cm_network_source(const cm_network *net)
{
	return net->source;
}
const char *cm_network_id(const cm_network *net)
{
	return net->id;
}
const char *cm_network_label(const cm_network *net)
{
	return net->label;
}
int cm_network_year(const cm_network *net)
{
	return net->year;
}
size_t cm_network_node_count(const cm_network *net)
{
	return net->n;
}
size_t cm_network_edge_count(const cm_network *net)
{
	return net->m;
}

/* Node i of net, or NULL with CM_EINVAL in ctx. */
static const cm__node *node_at(cm_ctx *ctx, const cm_network *net, size_t i)
{
	return cm__check_index(ctx, "node", i, net->n) ? NULL : &net->nodes[i];
}

static const cm__edge *edge_at(cm_ctx *ctx, const cm_network *net, size_t e)
{
	return cm__check_index(ctx, "edge", e, net->m) ? NULL : &net->edges[e];
}

/* The body of a node getter: *out = EXPR of nd, the checked node. */
#define NODE_GET(expr)                                                                             \
	const cm__node *nd = node_at(ctx, net, i);                                                 \
	if (!nd)                                                                                   \
		return CM_EINVAL;                                                                  \
	*out = (expr);                                                                             \
	return 0

#define EDGE_GET(expr)                                                                             \
	const cm__edge *ed = edge_at(ctx, net, e);                                                 \
	if (!ed)                                                                                   \
		return CM_EINVAL;                                                                  \
	*out = (expr);                                                                             \
	return 0

int cm_network_node_id(const char **out, cm_ctx *ctx, const cm_network *net, size_t i)
{
	NODE_GET(nd->id);
}

int cm_network_node_label(const char **out, cm_ctx *ctx, const cm_network *net, size_t i)
{
	NODE_GET(nd->label ? nd->label : nd->id);
}

int cm_network_node_sector(const char **out, cm_ctx *ctx, const cm_network *net, size_t i)
{
	NODE_GET(nd->sector);
}

int cm_network_node_kind(cm_kind *out, cm_ctx *ctx, const cm_network *net, size_t i)
{
	NODE_GET((cm_kind)nd->kind);
}

int cm_network_node_size(cm_size *out, cm_ctx *ctx, const cm_network *net, size_t i)
{
	NODE_GET((cm_size)nd->size);
}

int cm_network_node_ownership(cm_ownership *out, cm_ctx *ctx, const cm_network *net, size_t i)
{
	NODE_GET((cm_ownership)nd->ownership);
}

int cm_network_node_location(cm_location *out, cm_ctx *ctx, const cm_network *net, size_t i)
{
	NODE_GET((cm_location)nd->location);
}

int cm_network_node_has(unsigned *out, cm_ctx *ctx, const cm_network *net, size_t i)
{
	NODE_GET(nd->has);
}

static const cm__column *find_column(const cm__column *cols, size_t n, const char *name)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(cols[k].name, name))
			return &cols[k];
	return NULL;
}

const char *cm__node_attr(const cm_network *net, size_t i, const char *name)
{
	const cm__node *nd = &net->nodes[i];
	if (!strcmp(name, "id"))
		return nd->id;
	if (!strcmp(name, "label"))
		return nd->label;
	if (!strcmp(name, "sector"))
		return nd->sector;
	if (!strcmp(name, "kind"))
		return cm_kind_name((cm_kind)nd->kind);
	if (!strcmp(name, "size"))
		return nd->size ? cm_size_name((cm_size)nd->size) : NULL;
	if (!strcmp(name, "ownership"))
		return cm_ownership_name((cm_ownership)nd->ownership);
	if (!strcmp(name, "location"))
		return cm_location_name((cm_location)nd->location);
	const cm__column *c = find_column(net->ncols, net->nncols, name);
	return c ? cm__column_get(c, i) : NULL;
}

int cm_network_node_attr(const char **out, cm_ctx *ctx, const cm_network *net, size_t i,
                         const char *name)
{
	NODE_GET(cm__node_attr(net, i, name));
}

/* Networks are finished with a complete index (cm__network_finish); the
 * scan is for one that is not, e.g. after a failed read. */
static long scan_ids(const cm_network *net, const char *id)
{
	for (size_t i = 0; i < net->n; i++)
		if (!strcmp(net->nodes[i].id, id))
			return (long)i;
	return -1;
}

int cm_network_find_node(size_t *out, const cm_network *net, const char *id)
{
	long i = net->ids.count == net->n ? cm__strmap_get(&net->ids, id, strlen(id))
	                                  : scan_ids(net, id);
	if (i < 0)
		return CM_ENOTFOUND;
	*out = (size_t)i;
	return 0;
}

int cm_network_edge_source(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e)
{
	EDGE_GET(ed->src);
}
int cm_network_edge_target(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e)
{
	EDGE_GET(ed->dst);
}
int cm_network_edge_layer(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e)
{
	EDGE_GET(ed->layer);
}
int cm_network_edge_directed(bool *out, cm_ctx *ctx, const cm_network *net, size_t e)
{
	EDGE_GET(ed->directed != 0);
}
int cm_network_edge_weight(double *out, cm_ctx *ctx, const cm_network *net, size_t e)
{
	EDGE_GET(ed->weight);
}
int cm_network_edge_year(int *out, cm_ctx *ctx, const cm_network *net, size_t e)
{
	EDGE_GET(ed->year);
}
int cm_network_edge_start(int *out, cm_ctx *ctx, const cm_network *net, size_t e)
{
	EDGE_GET(ed->start);
}
int cm_network_edge_end(int *out, cm_ctx *ctx, const cm_network *net, size_t e)
{
	EDGE_GET(ed->end);
}

const char *cm__edge_attr(const cm_network *net, size_t e, const char *name)
{
	if (!strcmp(name, "relation"))
		return net->layers[net->edges[e].layer];
	const cm__column *c = find_column(net->ecols, net->necols, name);
	return c ? cm__column_get(c, e) : NULL;
}

int cm_network_edge_attr(const char **out, cm_ctx *ctx, const cm_network *net, size_t e,
                         const char *name)
{
	EDGE_GET(cm__edge_attr(net, e, name));
}

size_t cm_network_layer_count(const cm_network *net)
{
	return net->nlayers;
}

int cm_network_layer_name(const char **out, cm_ctx *ctx, const cm_network *net, size_t layer)
{
	int rc = cm__check_index(ctx, "layer", layer, net->nlayers);
	if (!rc)
		*out = net->layers[layer];
	return rc;
}

int cm_network_find_layer(size_t *out, const cm_network *net, const char *name)
{
	const char *canon = cm__relation_canonical(name);
	for (size_t k = 0; k < net->nlayers; k++)
		if (!strcmp(net->layers[k], canon)) {
			*out = k;
			return 0;
		}
	return CM_ENOTFOUND;
}

size_t cm_network_node_attr_count(const cm_network *net)
{
	return net->nncols;
}

int cm_network_node_attr_name(const char **out, cm_ctx *ctx, const cm_network *net, size_t k)
{
	int rc = cm__check_index(ctx, "node attribute", k, net->nncols);
	if (!rc)
		*out = net->ncols[k].name;
	return rc;
}
