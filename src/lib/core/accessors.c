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

int cm_series_append(cm_series *series, cm_ctx *ctx, cm_network *net)
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

cm_network *cm_series_get(const cm_series *series, size_t i)
{
	return series && i < series->count ? series->items[i] : NULL;
}

cm_network *cm_series_take(cm_series *series, size_t i)
{
	if (!series || i >= series->count)
		return NULL;
	cm_network *net = series->items[i];
	memmove(series->items + i, series->items + i + 1,
	        sizeof(*series->items) * (series->count - i - 1));
	series->count--;
	return net;
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

const char *cm_network_node_id(const cm_network *net, size_t i)
{
	return net->nodes[i].id;
}

const char *cm_network_node_label(const cm_network *net, size_t i)
{
	return net->nodes[i].label ? net->nodes[i].label : net->nodes[i].id;
}

const char *cm_network_node_sector(const cm_network *net, size_t i)
{
	return net->nodes[i].sector;
}

cm_kind cm_network_node_kind(const cm_network *net, size_t i)
{
	return (cm_kind)net->nodes[i].kind;
}

cm_size cm_network_node_size(const cm_network *net, size_t i)
{
	return (cm_size)net->nodes[i].size;
}

cm_ownership cm_network_node_ownership(const cm_network *net, size_t i)
{
	return (cm_ownership)net->nodes[i].ownership;
}

cm_location cm_network_node_location(const cm_network *net, size_t i)
{
	return (cm_location)net->nodes[i].location;
}

unsigned cm_network_node_has(const cm_network *net, size_t i)
{
	return net->nodes[i].has;
}

static const cm__column *find_column(const cm__column *cols, size_t n, const char *name)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(cols[k].name, name))
			return &cols[k];
	return NULL;
}

const char *cm_network_node_attr(const cm_network *net, size_t i, const char *name)
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

size_t cm_network_edge_source(const cm_network *net, size_t e)
{
	return net->edges[e].src;
}
size_t cm_network_edge_target(const cm_network *net, size_t e)
{
	return net->edges[e].dst;
}
size_t cm_network_edge_layer(const cm_network *net, size_t e)
{
	return net->edges[e].layer;
}
int cm_network_edge_directed(const cm_network *net, size_t e)
{
	return net->edges[e].directed;
}
double cm_network_edge_weight(const cm_network *net, size_t e)
{
	return net->edges[e].weight;
}
int cm_network_edge_year(const cm_network *net, size_t e)
{
	return net->edges[e].year;
}
int cm_network_edge_start(const cm_network *net, size_t e)
{
	return net->edges[e].start;
}
int cm_network_edge_end(const cm_network *net, size_t e)
{
	return net->edges[e].end;
}

const char *cm_network_edge_attr(const cm_network *net, size_t e, const char *name)
{
	if (!strcmp(name, "relation"))
		return net->layers[net->edges[e].layer];
	const cm__column *c = find_column(net->ecols, net->necols, name);
	return c ? cm__column_get(c, e) : NULL;
}

size_t cm_network_layer_count(const cm_network *net)
{
	return net->nlayers;
}

const char *cm_network_layer_name(const cm_network *net, size_t layer)
{
	return layer < net->nlayers ? net->layers[layer] : NULL;
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

const char *cm_network_node_attr_name(const cm_network *net, size_t k)
{
	return k < net->nncols ? net->ncols[k].name : NULL;
}
