/* SPDX-License-Identifier: MIT */
/* The data model: actors, attributes, typed relations and snapshots. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const kind_names[] = {"firm",       "association", "cluster_org",
                                         "training",   "research",    "university",
                                         "government", "finance",     "other"};
static const char *const size_names[] = {"unknown", "micro", "small", "medium", "large"};
/* Every value of an enum has a name, and the counts cover the enums. */
_Static_assert(CM__ARRAY_LEN(kind_names) == CM_KIND_COUNT, "a name per cm_kind");
_Static_assert(CM__ARRAY_LEN(size_names) == CM_SIZE_COUNT, "a name per cm_size");
_Static_assert(CM_KIND_OTHER + 1 == CM_KIND_COUNT, "CM_KIND_COUNT ends cm_kind");
_Static_assert(CM_SIZE_LARGE + 1 == CM_SIZE_COUNT, "CM_SIZE_COUNT ends cm_size");

const char *cm_kind_name(cm_kind kind)
{
	return (unsigned)kind < CM_KIND_COUNT ? kind_names[kind] : "other";
}

const char *cm_size_name(cm_size size)
{
	return (unsigned)size < CM_SIZE_COUNT ? size_names[size] : "unknown";
}

const char *cm_ownership_name(cm_ownership own)
{
	return own == CM_OWNERSHIP_EXTERNAL ? "external" : "local";
}

const char *cm_location_name(cm_location loc)
{
	return loc == CM_LOCATION_OUTSIDE ? "outside" : "inside";
}

int cm_kind_parse(cm_kind *out, const char *word)
{
	for (int k = 0; k < CM_KIND_COUNT; k++)
		if (!strcasecmp(word, kind_names[k])) {
			*out = (cm_kind)k;
			return 0;
		}
	return CM_EINVAL;
}

int cm_size_parse(cm_size *out, const char *word)
{
	for (int s = CM_SIZE_MICRO; s < CM_SIZE_COUNT; s++)
		if (!strcasecmp(word, size_names[s])) {
			*out = (cm_size)s;
			return 0;
		}
	return CM_EINVAL;
}

cm_size cm__size_from_employees(long employees, const long *bands)
{
	static const long eu[3] = {10, 50, 250};
	const long *b = bands && bands[0] > 0 ? bands : eu;
	if (employees < 0)
		return CM_SIZE_UNKNOWN;
	if (employees < b[0])
		return CM_SIZE_MICRO;
	if (employees < b[1])
		return CM_SIZE_SMALL;
	return employees < b[2] ? CM_SIZE_MEDIUM : CM_SIZE_LARGE;
}

cm_size cm_size_from_employees(long employees)
{
	return cm__size_from_employees(employees, NULL);
}

/* One "RELATION=reverse" item of length len. */
static int direction_item(char *out, const char *p, size_t len, char *err, size_t errlen)
{
	size_t eq = strcspn(p, "=");
	if (eq == 0 || eq >= len || eq >= 64 || len - eq - 1 != 7 ||
	    strncmp(p + eq + 1, "reverse", 7)) {
		snprintf(err, errlen, "'%.*s' is not RELATION=reverse", (int)(len < 80 ? len : 80),
		         p);
		return -1;
	}
	char word[64];
	memcpy(word, p, eq);
	word[eq] = 0;
	snprintf(out, 64, "%s", cm__relation_canonical(word));
	return 0;
}

int cm__parse_direction(char out[][64], int max, const char *spec, char *err, size_t errlen)
{
	int count = 0;
	for (const char *p = spec; *p;) {
		size_t len = strcspn(p, ",");
		if (count >= max) {
			snprintf(err, errlen, "more than %d relations", max);
			return -1;
		}
		if (direction_item(out[count++], p, len, err, errlen))
			return -1;
		p += len + (p[len] == ',');
	}
	return count;
}

static const struct {
	const char *word, *canonical;
} relation_aliases[] = {
    {"supplier", "supplier"},       {"subcontracting", "supplier"}, {"supply", "supplier"},
    {"association", "association"}, {"membership", "association"},  {"member", "association"},
    {"information", "information"}, {"knowledge", "information"},   {"advice", "information"},
    {"info", "information"},
};

const char *cm__relation_canonical(const char *word)
{
	for (size_t i = 0; i < CM__ARRAY_LEN(relation_aliases); i++)
		if (!strcasecmp(word, relation_aliases[i].word))
			return relation_aliases[i].canonical;
	return word;
}

const char *cm_relation_canonical(const char *word)
{
	return cm__relation_canonical(word);
}

int cm__network_new(cm_network **out, cm_ctx *ctx)
{
	cm_network *net = cm__calloc(1, sizeof(*net));
	*out = net;
	if (!net)
		return cm__oom(ctx);
	net->source = net->id = net->label = "";
	return 0;
}

void cm_network_free(cm_network *net)
{
	if (!net)
		return;
	for (size_t k = 0; k < net->nncols; k++)
		cm__free(net->ncols[k].cells);
	for (size_t k = 0; k < net->necols; k++)
		cm__free(net->ecols[k].cells);
	cm__free(net->ncols);
	cm__free(net->ecols);
	cm__free(net->nodes);
	cm__free(net->edges);
	cm__free(net->layers);
	cm__strmap_free(&net->ids);
	cm__strmap_free(&net->col_index[0]);
	cm__strmap_free(&net->col_index[1]);
	cm__arena_free(&net->arena);
	cm__free(net);
}

int cm__network_add_node(cm_network *net, cm_ctx *ctx, const cm__node *node)
{
	if (cm__grow((void **)&net->nodes, &net->ncap, net->n + 1, sizeof(*node)))
		return cm__oom(ctx);
	net->nodes[net->n++] = *node;
	return 0;
}

int cm__network_add_edge(cm_network *net, cm_ctx *ctx, const cm__edge *edge)
{
	if (cm__grow((void **)&net->edges, &net->mcap, net->m + 1, sizeof(*edge)))
		return cm__oom(ctx);
	net->edges[net->m++] = *edge;
	return 0;
}

int cm__network_layer(size_t *out, cm_network *net, cm_ctx *ctx, const char *name)
{
	/* Layer names are canonical, and a canonical name is its own canonical
	 * form: an exact match skips the alias table (once per edge). */
	for (size_t k = 0; k < net->nlayers; k++)
		if (!strcmp(net->layers[k], name)) {
			*out = k;
			return 0;
		}
	const char *canon = cm__relation_canonical(name);
	for (size_t k = 0; k < net->nlayers; k++)
		if (!strcmp(net->layers[k], canon)) {
			*out = k;
			return 0;
		}
	const char *copy = cm__arena_strndup(&net->arena, canon, strlen(canon));
	if (!copy ||
	    cm__grow((void **)&net->layers, &net->lcap, net->nlayers + 1, sizeof(*net->layers)))
		return cm__oom(ctx);
	net->layers[net->nlayers] = copy;
	*out = net->nlayers++;
	return 0;
}

static int standard_rank(const char *name)
{
	static const char *const order[] = {"supplier", "association", "information"};
	for (int r = 0; r < 3; r++)
		if (!strcmp(name, order[r]))
			return r;
	return 3;
}

/* Sets map[k] to 0 for each layer some edge is in, SIZE_MAX for the others.
 * A layer no edge is in any more (an edge's relation given twice) is
 * dropped: it would show as an empty layer and not survive a write. The
 * search ends once every layer has an edge, in a large network long before
 * its last edge. */
static void mark_used_layers(const cm_network *net, size_t *map)
{
	size_t used = 0;
	for (size_t k = 0; k < net->nlayers; k++)
		map[k] = SIZE_MAX;
	for (size_t e = 0; e < net->m && used < net->nlayers; e++)
		if (map[net->edges[e].layer] == SIZE_MAX) {
			map[net->edges[e].layer] = 0;
			used++;
		}
}

int cm__network_sort_layers(cm_network *net, cm_ctx *ctx)
{
	size_t *map = cm__malloc(sizeof(*map) * (net->nlayers + 1));
	const char **sorted = cm__malloc(sizeof(*sorted) * (net->nlayers + 1));
	if (!map || !sorted) {
		cm__free(map);
		cm__free(sorted);
		return cm__oom(ctx);
	}
	mark_used_layers(net, map);
	size_t next = 0, moved = 0;
	/* Standard layers by rank, then custom ones in order of appearance. */
	for (int rank = 0; rank <= 3; rank++)
		for (size_t k = 0; k < net->nlayers; k++)
			if (map[k] != SIZE_MAX && standard_rank(net->layers[k]) == rank) {
				moved += next != k;
				map[k] = next;
				sorted[next++] = net->layers[k];
			}
	for (size_t e = 0; moved && e < net->m; e++)
		net->edges[e].layer = map[net->edges[e].layer];
	net->nlayers = next;
	if (next) /* layers is NULL in a graph without edges */
		memcpy(net->layers, sorted, sizeof(*sorted) * next);
	cm__free(map);
	cm__free(sorted);
	return 0;
}

static int index_ids(cm_network *net)
{
	cm__strmap_free(&net->ids);
	for (size_t i = 0; i < net->n; i++) {
		const char *id = net->nodes[i].id;
		if (i >= UINT32_MAX || cm__strmap_put(&net->ids, id, strlen(id), (uint32_t)i))
			return CM_ENOMEM;
	}
	return 0;
}

int cm__network_finish(cm_network *net, cm_ctx *ctx)
{
	int rc = cm__network_sort_layers(net, ctx);
	if (rc == 0 && net->ids.count != net->n && index_ids(net))
		rc = cm__oom(ctx);
	return rc;
}

int cm__network_column(cm__column **out, cm_network *net, cm_ctx *ctx, int for_edges,
                       const char *name, const char *type)
{
	cm__column **cols = for_edges ? &net->ecols : &net->ncols;
	size_t *count = for_edges ? &net->necols : &net->nncols;
	/* Indexed: a file may declare thousands of keys. */
	cm__strmap *index = &net->col_index[for_edges != 0];
	long hit = cm__strmap_get(index, name, strlen(name));
	if (hit >= 0) {
		*out = &(*cols)[hit];
		return 0;
	}
	cm__column *grown = cm__realloc(*cols, sizeof(**cols) * (*count + 1));
	if (!grown)
		return cm__oom(ctx);
	*cols = grown;
	cm__column *c = &grown[*count];
	c->name = cm__arena_strndup(&net->arena, name, strlen(name));
	c->type = cm__arena_strndup(&net->arena, type, strlen(type));
	c->cells = NULL;
	c->count = c->cap = 0;
	if (!c->name || !c->type || *count >= UINT32_MAX ||
	    cm__strmap_put(index, c->name, strlen(c->name), (uint32_t)*count))
		return cm__oom(ctx);
	(*count)++;
	*out = c;
	return 0;
}

/* Position of element i in the cells: where it is or would go. */
static size_t cell_pos(const cm__column *col, size_t i)
{
	size_t lo = 0, hi = col->count;
	if (hi && col->cells[hi - 1].i < i) /* the usual case: elements in order */
		return hi;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (col->cells[mid].i < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int cm__column_set(cm__column *col, cm_ctx *ctx, size_t i, const char *value)
{
	size_t at = cell_pos(col, i);
	if (at < col->count && col->cells[at].i == i) {
		col->cells[at].value = value;
		return 0;
	}
	if (cm__grow((void **)&col->cells, &col->cap, col->count + 1, sizeof(*col->cells)))
		return cm__oom(ctx);
	memmove(col->cells + at + 1, col->cells + at, sizeof(*col->cells) * (col->count - at));
	col->cells[at] = (cm__cell){i, value};
	col->count++;
	return 0;
}

const char *cm__column_get(const cm__column *col, size_t i)
{
	size_t at = cell_pos(col, i);
	return at < col->count && col->cells[at].i == i ? col->cells[at].value : NULL;
}
