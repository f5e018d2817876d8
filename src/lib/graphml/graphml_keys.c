/* SPDX-License-Identifier: MIT */
/* GraphML keys and values: declarations, --map renames, typed parsing, and
 * how each value lands in the data model. */
#include "graphml.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *word;
	cm__type type;
} type_words[] = {{"string", CM__T_STRING}, {"boolean", CM__T_BOOLEAN}, {"int", CM__T_INT},
                  {"long", CM__T_LONG},     {"float", CM__T_FLOAT},     {"double", CM__T_DOUBLE}};

static const char *type_name(cm__type t)
{
	return type_words[t].word;
}

const char *cm__key_domain_name(int domain)
{
	switch (domain) {
	case CM__FOR_NODE: return "node";
	case CM__FOR_EDGE: return "edge";
	case CM__FOR_GRAPH: return "graph";
	default: return "all";
	}
}

/* "ours=theirs,..." : returns our name for their attribute, or theirs. */
static const char *map_name(cm__arena *arena, const char *map, const char *theirs)
{
	for (const char *p = map; p && *p;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		if (eq && strlen(theirs) == (size_t)(p + len - eq - 1) &&
		    !strncmp(eq + 1, theirs, (size_t)(p + len - eq - 1)))
			return cm__arena_strndup(arena, p, (size_t)(eq - p));
		p = comma ? comma + 1 : NULL;
	}
	return theirs;
}

static int parse_domain(int *out, const char *word)
{
	static const struct {
		const char *w;
		int d;
	} domains[] = {{"node", CM__FOR_NODE},
	               {"edge", CM__FOR_EDGE},
	               {"graph", CM__FOR_GRAPH},
	               {"all", CM__FOR_ALL},
	               {"graphml", CM__FOR_GRAPH},
	               {"hyperedge", 0},
	               {"port", 0},
	               {"endpoint", 0}};
	for (size_t i = 0; i < CM__ARRAY_LEN(domains); i++)
		if (!strcmp(word, domains[i].w)) {
			*out = domains[i].d;
			return 0;
		}
	return CM_EINVAL;
}

static int key_type(cm__value_error *err, cm__key *key, const cm__key_decl *decl)
{
	key->type = CM__T_STRING;
	if (!decl->type)
		return 0; /* GraphML's default; yEd and Cytoscape omit it */
	for (size_t i = 0; i < CM__ARRAY_LEN(type_words); i++)
		if (!strcmp(decl->type, type_words[i].word)) {
			key->type = type_words[i].type;
			return 0;
		}
	snprintf(err->message, sizeof(err->message),
	         "key '%s' has unknown attr.type '%s'; its values are read as strings", decl->id,
	         decl->type);
	return 0;
}

static cm__role role_of(const char *name)
{
	static const char *const names[] = {[CM__ROLE_KIND] = "kind",
	                                    [CM__ROLE_SIZE] = "size",
	                                    [CM__ROLE_EMPLOYEES] = "employees",
	                                    [CM__ROLE_OWNERSHIP] = "ownership",
	                                    [CM__ROLE_LOCATION] = "location",
	                                    [CM__ROLE_LABEL] = "label",
	                                    [CM__ROLE_NAME] = "name",
	                                    [CM__ROLE_SECTOR] = "sector",
	                                    [CM__ROLE_RELATION] = "relation",
	                                    [CM__ROLE_WEIGHT] = "weight",
	                                    [CM__ROLE_YEAR] = "year",
	                                    [CM__ROLE_START] = "start",
	                                    [CM__ROLE_END] = "end"};
	for (size_t r = 1; r < CM__ARRAY_LEN(names); r++)
		if (!strcmp(name, names[r]))
			return (cm__role)r;
	return CM__ROLE_NONE;
}

/* The key a declaration describes; CM_EPARSE for a bad for="...". */
static int key_from_decl(cm__value_error *err, cm__key *key, cm__keys *keys, const char *map,
                         const cm__key_decl *decl)
{
	key->id = cm__arena_strndup(&keys->arena, decl->id, strlen(decl->id));
	key->name = map_name(&keys->arena, map, decl->name ? decl->name : decl->id);
	if (!key->id || !key->name)
		return CM_ENOMEM;
	key->role = role_of(key->name);
	key->domain = CM__FOR_ALL;
	if (decl->domain && parse_domain(&key->domain, decl->domain)) {
		snprintf(err->message, sizeof(err->message),
		         "key '%s' has for=\"%s\"; use node, edge, graph or all", decl->id,
		         decl->domain);
		return CM_EPARSE;
	}
	key->graphics = decl->yfiles != NULL;
	key_type(err, key, decl);
	/* Gephi writes each node's display size as a float "size": not a size
	 * class, and read as employees it would be nonsense. */
	if (key->role == CM__ROLE_SIZE && (key->type == CM__T_FLOAT || key->type == CM__T_DOUBLE)) {
		snprintf(err->message, sizeof(err->message),
		         "key '%s' (size) is a %s, like Gephi's display size, not a size class; "
		         "its values are ignored (give micro, small, medium, large or employees)",
		         decl->id, type_name(key->type));
		key->graphics = 1;
	}
	return 0;
}

/* Cytoscape repeats declarations word for word: harmless, so a warning and
 * the first one stands. A repeat that differs is an error. */
static int duplicate_key(cm__value_error *err, const cm__key *first, const cm__key *key)
{
	if (!strcmp(first->name, key->name) && first->type == key->type &&
	    first->domain == key->domain) {
		snprintf(err->message, sizeof(err->message),
		         "key '%s' is declared again, identically; the repeat is ignored", key->id);
		return CM_ENOTFOUND;
	}
	snprintf(err->message, sizeof(err->message),
	         "duplicate key id '%s'; each <key> needs its own id", key->id);
	return CM_EPARSE;
}

/* Older igraph and GRNsight declare one id for a node and an edge
 * attribute: for="..." tells them apart, so each domain keeps its own. The
 * repeat is chained to the first of its id. */
static int same_id_other_domain(cm__value_error *err, cm__keys *keys, size_t first,
                                const cm__key *key)
{
	size_t last = first;
	for (size_t k = first + 1; k; k = keys->items[k - 1].next) {
		if (keys->items[k - 1].domain & key->domain)
			return duplicate_key(err, &keys->items[k - 1], key);
		last = k - 1;
	}
	if (keys->count >= INT_MAX ||
	    cm__grow((void **)&keys->items, &keys->cap, keys->count + 1, sizeof(*key)))
		return CM_ENOMEM;
	keys->items[keys->count] = *key;
	keys->items[last].next = keys->count + 1;
	keys->count++;
	snprintf(err->message, sizeof(err->message),
	         "key id '%s' is declared again for %s (first for %s); each is read on its own "
	         "elements, but give each key its own id",
	         key->id, cm__key_domain_name(key->domain),
	         cm__key_domain_name(keys->items[first].domain));
	return 0;
}

int cm__keys_add(cm__value_error *err, cm__keys *keys, const char *map, const cm__key_decl *decl)
{
	cm__key key = {0};
	int rc = key_from_decl(err, &key, keys, map, decl);
	if (rc)
		return rc;
	long hit = cm__strmap_get(&keys->index, key.id, strlen(key.id));
	if (hit >= 0)
		return same_id_other_domain(err, keys, (size_t)hit, &key);
	if (cm__grow((void **)&keys->items, &keys->cap, keys->count + 1, sizeof(key)))
		return CM_ENOMEM;
	keys->items[keys->count] = key;
	/* Not libxml2's hash: it ignores a failed copy of the key under memory
	 * pressure, and the key then silently reads as undeclared. */
	if (keys->count >= INT_MAX ||
	    cm__strmap_put(&keys->index, key.id, strlen(key.id), (uint32_t)keys->count))
		return CM_ENOMEM;
	keys->count++;
	return 0;
}

int cm__keys_find(const cm__keys *keys, const char *id, size_t len, int target)
{
	long hit = cm__strmap_get(&keys->index, id, len);
	if (hit < 0)
		return -1;
	for (size_t k = (size_t)hit + 1; k; k = keys->items[k - 1].next)
		if (keys->items[k - 1].domain & target)
			return (int)(k - 1);
	return (int)hit;
}

void cm__keys_free(cm__keys *keys)
{
	cm__strmap_free(&keys->index);
	cm__free(keys->items);
	cm__free(keys->defaulted);
	cm__arena_free(&keys->arena);
	memset(keys, 0, sizeof(*keys));
}

/* ------------------------------------------------------------ values */

static void trim(const char **s, size_t *len)
{
	const char *p = *s, *e = *s + strlen(*s);
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		e--;
	*s = p;
	*len = (size_t)(e - p);
}

/* The common "-123" or "12.75" in a few instructions; anything else (exponents,
 * signs, long mantissas) goes to the full parser. Exact: a mantissa below
 * 2^53 and a power of ten up to 1e22 are both exact doubles, and one IEEE
 * division rounds their quotient correctly, as strtod does. 1 when done. */
static int quick_number(double *out, const char *s, int integral)
{
	static const double pow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
	                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
	int neg = *s == '-', digits = 0, frac = -1;
	uint64_t m = 0;
	for (s += neg; *s; s++) {
		if (*s == '.' && frac < 0 && !integral && digits)
			frac = 0;
		else if (*s >= '0' && *s <= '9' && digits < 15) {
			m = m * 10 + (uint64_t)(*s - '0');
			digits++;
			frac += frac >= 0;
		} else
			return 0;
	}
	if (!digits || frac == 0)
		return 0;
	double v = frac > 0 ? (double)m / pow10[frac] : (double)m;
	*out = neg && (m || !integral) ? -v : v; /* strtol reads "-0" as 0, strtod as -0.0 */
	return 1;
}

/* "value '1e400' of key 'w' is out of range...", or "weight '1e400' ..."
 * for a weight given as a string (key NULL). */
static int out_of_range(cm__value_error *err, const cm__key *key, const char *text)
{
	char what[192];
	if (key)
		snprintf(what, sizeof(what), "value '%.40s' of key '%.60s'", text, key->id);
	else
		snprintf(what, sizeof(what), "weight '%.40s'", text);
	snprintf(err->message, sizeof(err->message),
	         "%s is out of range; a double holds at most about 1.8e308", what);
	return CM_EPARSE;
}

/* Checks text against the key's type; a parsed number goes to *num. */
static int check_type(cm__value_error *err, const cm__key *key, const char *text, double *num)
{
	long l;
	int b, rc;
	switch (key->type) {
	case CM__T_STRING: return 0;
	case CM__T_BOOLEAN:
		if (cm__parse_bool(&b, text) == 0) {
			*num = b;
			return 0;
		}
		break;
	case CM__T_INT:
	case CM__T_LONG:
		if (quick_number(num, text, 1))
			return 0;
		if (cm__parse_long(&l, text) == 0) {
			*num = (double)l;
			return 0;
		}
		break;
	default:
		if (quick_number(num, text, 0) || (rc = cm__parse_double(num, text)) == 0)
			return 0;
		if (rc == CM_ELIMIT)
			return out_of_range(err, key, text);
	}
	char shown[64], named[160] = "";
	snprintf(shown, sizeof(shown), "%.40s%s", text, strlen(text) > 40 ? "..." : "");
	if (strcmp(key->id, key->name))
		snprintf(named, sizeof(named), " (%.100s)", key->name);
	snprintf(err->message, sizeof(err->message), "value '%s' of key '%s'%s is not a%s %s%s",
	         shown, key->id, named, key->type == CM__T_INT ? "n" : "", type_name(key->type),
	         strchr(text, ',')            ? "; use a decimal point, not a comma"
	         : key->type == CM__T_BOOLEAN ? "; use true or false"
	                                      : "");
	return CM_EPARSE;
}

static int number_of(double *out, const cm__key *key, const char *text, double parsed)
{
	if (key->type != CM__T_STRING && key->type != CM__T_BOOLEAN) {
		*out = parsed;
		return 0;
	}
	return cm__parse_double(out, text);
}

static int set_year(cm__value_error *err, int *field, const cm__key *key, const char *text,
                    double v)
{
	double y;
	if (number_of(&y, key, text, v) || y != floor(y) || fabs(y) > 1e6) {
		snprintf(err->message, sizeof(err->message),
		         "%s '%.40s' is not a whole year; use e.g. 2015", key->name, text);
		return CM_EPARSE;
	}
	*field = (int)y;
	return 0;
}

typedef struct value_in {
	const cm__key *key;
	const char *text; /* trimmed; borrowed, keep() what the network stores */
	size_t len;
	double num;
	cm_network *net;
	cm_ctx *ctx;
} value_in;

/* Most values become numbers or vocabulary words: only those the network
 * stores as text are copied into its arena. */
static int keep(const char **field, const value_in *v)
{
	const char *copy = cm__arena_strndup(&v->net->arena, v->text, v->len);
	if (!copy)
		return CM_ENOMEM;
	*field = copy;
	return 0;
}

static int warn_vocab(cm__value_error *err, const char *what, const char *text, const char *as)
{
	snprintf(err->message, sizeof(err->message), "unknown %s '%.40s'; read as '%s'", what, text,
	         as);
	return 0;
}

static int node_size(cm__value_error *err, cm__node *nd, const value_in *v, int employees)
{
	double n;
	cm_size s;
	if (!employees && cm_size_parse(&s, v->text) == 0) {
		nd->size = (unsigned char)s;
	} else if (number_of(&n, v->key, v->text, v->num) == 0 && n >= 0) {
		/* Clamped first: converting 1e81 (or inf) to long is undefined. */
		nd->size = (unsigned char)cm__size_from_employees(n < 1e9 ? (long)n : 1000000000L,
		                                                  v->net->size_bands);
	} else {
		snprintf(
		    err->message, sizeof(err->message),
		    "%s '%.40s' is neither micro, small, medium, large nor a number of employees; "
		    "size left unknown",
		    v->key->name, v->text);
		return 0;
	}
	nd->has |= CM_HAS_SIZE;
	return 0;
}

static int node_kind(cm__value_error *err, cm__node *nd, const value_in *v)
{
	cm_kind k;
	nd->has |= CM_HAS_KIND;
	if (cm_kind_parse(&k, v->text)) {
		nd->kind = CM_KIND_OTHER;
		return warn_vocab(err, "kind", v->text, "other");
	}
	nd->kind = (unsigned char)k;
	return 0;
}

static int node_role(cm__value_error *err, cm__node *nd, const value_in *v, int *handled)
{
	*handled = 1;
	switch (v->key->role) {
	case CM__ROLE_KIND: return node_kind(err, nd, v);
	case CM__ROLE_SIZE: return node_size(err, nd, v, 0);
	case CM__ROLE_EMPLOYEES:
		/* The count says more than its class: kept as a column too, so
		 * that a network written back keeps it. */
		*handled = 0;
		return node_size(err, nd, v, 1);
	case CM__ROLE_OWNERSHIP:
		nd->has |= CM_HAS_OWNERSHIP;
		nd->ownership = !strcasecmp(v->text, "external");
		if (!nd->ownership && strcasecmp(v->text, "local"))
			return warn_vocab(err, "ownership", v->text, "local");
		return 0;
	case CM__ROLE_LOCATION:
		nd->has |= CM_HAS_LOCATION;
		nd->location = !strcasecmp(v->text, "outside");
		if (!nd->location && strcasecmp(v->text, "inside"))
			return warn_vocab(err, "location", v->text, "inside");
		return 0;
	case CM__ROLE_LABEL: nd->has |= CM_HAS_LABEL; return keep(&nd->label, v);
	case CM__ROLE_NAME:
		*handled = 0; /* igraph's writer keeps display names here; kept as a column too */
		return nd->has & CM_HAS_LABEL ? 0 : keep(&nd->label, v);
	case CM__ROLE_SECTOR: nd->has |= CM_HAS_SECTOR; return keep(&nd->sector, v);
	default: *handled = 0; return 0;
	}
}

static int edge_relation(cm__value_error *err, cm__edge *e, const value_in *v)
{
	size_t before = v->net->nlayers;
	if (cm__network_layer(&e->layer, v->net, v->ctx, v->text[0] ? v->text : "untyped"))
		return CM_ENOMEM;
	const char *canon = v->net->layers[e->layer];
	if (v->net->nlayers > before && strcmp(canon, "supplier") && strcmp(canon, "association") &&
	    strcmp(canon, "information"))
		snprintf(err->message, sizeof(err->message),
		         "relation '%.40s' is not supplier, association or information; "
		         "read as a custom layer",
		         canon);
	return 0;
}

/* A weight is a finite number: infinity cannot be written back, and
 * measures cannot use it (docs/graphml.md). */
static int edge_weight(cm__value_error *err, cm__edge *e, const value_in *v)
{
	int rc = number_of(&e->weight, v->key, v->text, v->num);
	if (rc == CM_ELIMIT)
		return out_of_range(err, NULL, v->text);
	if (rc == 0 && isfinite(e->weight))
		return 0;
	snprintf(err->message, sizeof(err->message), "weight '%.40s' is not a %snumber%s", v->text,
	         rc ? "" : "finite ",
	         strchr(v->text, ',') ? "; use a decimal point, not a comma" : "");
	return CM_EPARSE;
}

static int edge_role(cm__value_error *err, cm__edge *e, const value_in *v, int *handled)
{
	*handled = 1;
	switch (v->key->role) {
	case CM__ROLE_RELATION: return edge_relation(err, e, v);
	case CM__ROLE_WEIGHT: return edge_weight(err, e, v);
	case CM__ROLE_YEAR: return set_year(err, &e->year, v->key, v->text, v->num);
	case CM__ROLE_START: return set_year(err, &e->start, v->key, v->text, v->num);
	case CM__ROLE_END: return set_year(err, &e->end, v->key, v->text, v->num);
	default: *handled = 0; return 0;
	}
}

static int graph_value(cm__value_error *err, const value_in *v)
{
	if (v->key->role == CM__ROLE_LABEL || v->key->role == CM__ROLE_NAME)
		return keep(&v->net->label, v);
	if (v->key->role == CM__ROLE_YEAR)
		return set_year(err, &v->net->year, v->key, v->text, v->num);
	/* The file's direction convention (docs/graphml.md, "Direction"). */
	if (!strcmp(v->key->name, "direction"))
		return keep(&v->net->direction, v);
	return 0;
}

static int store_extra(const value_in *v, int for_edges, size_t i)
{
	cm__column *col;
	const char *text;
	if (v->key->type == CM__T_BOOLEAN)
		text = v->num != 0 ? "true" : "false";
	else if (keep(&text, v))
		return CM_ENOMEM;
	if (cm__network_column(&col, v->net, v->ctx, for_edges, v->key->name,
	                       type_name(v->key->type)))
		return CM_ENOMEM;
	return cm__column_set(col, v->ctx, i, text) ? CM_ENOMEM : 0;
}

int cm__apply_value(cm__value_error *err, cm_ctx *ctx, const cm__key *key, cm_network *net,
                    int target, size_t i, const char *text)
{
	char small[256];
	value_in v = {.key = key, .net = net, .ctx = ctx};
	trim(&text, &v.len);
	v.text = text;
	if (text[v.len] != '\0' && v.len < sizeof(small)) {
		v.text = memcpy(small, text, v.len);
		small[v.len] = '\0';
	} else if (text[v.len] != '\0' && !(v.text = cm__arena_strndup(&net->arena, text, v.len))) {
		return CM_ENOMEM;
	}
	if (check_type(err, key, v.text, &v.num))
		return CM_EPARSE;
	int rc, handled = 0;
	if (target == CM__FOR_GRAPH)
		return graph_value(err, &v);
	if (target == CM__FOR_NODE)
		rc = node_role(err, &net->nodes[i], &v, &handled);
	else
		rc = edge_role(err, &net->edges[i], &v, &handled);
	if (rc || handled)
		return rc;
	return store_extra(&v, target == CM__FOR_EDGE, i);
}

int cm__key_set_default(cm__value_error *err, cm__keys *keys, cm__key *key, const char *text)
{
	size_t len;
	double num;
	trim(&text, &len);
	const char *copy = cm__arena_strndup(&keys->arena, text, len);
	if (!copy)
		return CM_ENOMEM;
	if (check_type(err, key, copy, &num))
		return CM_EPARSE;
	if (!key->def) {
		if (cm__grow((void **)&keys->defaulted, &keys->dcap, keys->ndefaulted + 1,
		             sizeof(*keys->defaulted)))
			return CM_ENOMEM;
		keys->defaulted[keys->ndefaulted++] = (size_t)(key - keys->items);
	}
	key->def = copy;
	return 0;
}

int cm__apply_defaults(cm_ctx *ctx, const cm__keys *keys, cm_network *net, int target, size_t i,
                       const unsigned char *set)
{
	for (size_t d = 0; d < keys->ndefaulted; d++) {
		size_t k = keys->defaulted[d];
		const cm__key *key = &keys->items[k];
		if (set[k] || !key->def || key->graphics || !(key->domain & target))
			continue;
		cm__value_error err = {0};
		if (cm__apply_value(&err, ctx, key, net, target, i, key->def) == CM_ENOMEM)
			return CM_ENOMEM;
	}
	return 0;
}
