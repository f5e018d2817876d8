/* SPDX-License-Identifier: MIT */
/* GraphML reader: libxml2's SAX2 push parser, fed in chunks, builds the
 * networks of a file in one pass. The only file that parses XML.
 *
 * Hostile input: any DOCTYPE is rejected, entities are never substituted,
 * no DTD or external resource is loaded, <locator> is never followed, and
 * every size is bounded by the context's limits. */
#include "core/internal.h"
#include "graphml.h"
#include "xmlscan.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define GRAPHML_NS     "http://graphml.graphdrawing.org/xmlns"
#define GRAPHML_OLD_NS "http://graphml.graphdrawing.org/xmlns/graphml"
enum { CHUNK = 64 * 1024 };
/* Errors of one kind shown before the rest are only counted. */
enum { KIND_SHOWN = 5 };

typedef enum { EL_NONE, EL_GRAPH, EL_NODE, EL_EDGE } element;

/* The element and attribute names the reader looks for. libxml2 interns
 * every name it hands to SAX2 in its dictionary, so once these are interned
 * there too, a name is recognised by comparing pointers, not strings. One
 * list gives both the enum and the texts. */
#define GRAPHML_NAMES(X)                                                                           \
	X(DATA, "data")                                                                            \
	X(NODE, "node")                                                                            \
	X(EDGE, "edge")                                                                            \
	X(GRAPH, "graph")                                                                          \
	X(KEY, "key")                                                                              \
	X(DEFAULT, "default")                                                                      \
	X(HYPEREDGE, "hyperedge")                                                                  \
	X(PORT, "port")                                                                            \
	X(LOCATOR, "locator")                                                                      \
	X(DESC, "desc")                                                                            \
	X(NODELABEL, "NodeLabel")                                                                  \
	X(ID, "id")                                                                                \
	X(SOURCE, "source")                                                                        \
	X(TARGET, "target")                                                                        \
	X(DIRECTED, "directed")                                                                    \
	X(TYPE, "type")                                                                            \
	X(EDGEDEFAULT, "edgedefault")                                                              \
	X(ATTR_NAME, "attr.name")                                                                  \
	X(ATTR_TYPE, "attr.type")                                                                  \
	X(FOR, "for")                                                                              \
	X(YFILES_TYPE, "yfiles.type")                                                              \
	X(GEOMETRY, "Geometry")                                                                    \
	X(POS_X, "x")                                                                              \
	X(POS_Y, "y")                                                                              \
	X(WIDTH, "width")                                                                          \
	X(HEIGHT, "height")

#define NAME_ID(id, text)   N_##id,
#define NAME_TEXT(id, text) text,
typedef enum { GRAPHML_NAMES(NAME_ID) N_COUNT } name_id;
static const char *const name_text[N_COUNT] = {GRAPHML_NAMES(NAME_TEXT)};
#undef NAME_ID
#undef NAME_TEXT

typedef struct pending_end {
	size_t edge;
	int is_target;
	const char *id; /* arena */
	unsigned long line, col;
} pending_end;

/* A node holding a nested graph (a group), while its graph is read. */
typedef struct group_frame {
	size_t node;      /* the group node's index */
	const char *path; /* "outer/inner", the group names from the top (arena) */
	int edgedefault_directed;
	size_t depth; /* of its <graph> */
} group_frame;

/* Repeated errors of one kind: the first KIND_SHOWN are shown, the rest
 * counted and summarised when the file ends. */
typedef struct error_kind {
	const char *what; /* "undeclared key errors for key 'd3'" (arena) */
	size_t count;
} error_kind;

typedef struct reader {
	cm_ctx *ctx;
	const char *file;
	const cm_read_opts *opts;
	xmlParserCtxtPtr xml;
	cm__xmlscan scan; /* the bytes before libxml2 sees them (xmlscan.h) */
	cm__keys keys;
	cm_series *series;
	cm_network *net;              /* the graph being read */
	cm__fpset edge_ids;           /* fingerprints of its edges' ids and ends */
	const xmlChar *graphml_uri;   /* libxml2's copy of GRAPHML_NS, once seen */
	const xmlChar *name[N_COUNT]; /* name_text as interned by libxml2 */
	pending_end *pending;
	size_t npending, pcap;
	int stop_code; /* CM_E* that ended the read early, 0 otherwise */
	size_t depth, skip_depth, graph_depth;
	int seen_root, seen_graph, edgedefault_directed;
	element in;             /* innermost model element open */
	size_t cur;             /* its index (node or edge) */
	int cur_valid;          /* 0 when the node/edge was rejected */
	unsigned char *key_set; /* which keys the current element has data for */
	size_t key_set_cap;
	size_t *set_keys; /* the keys marked in key_set, to clear only those */
	size_t nset, set_cap;
	/* <data> or <default> being read */
	int in_data, in_default, data_key, data_children;
	char *text;
	size_t text_len, text_cap;
	int in_nodelabel, have_yed_label, warned_graphics;
	size_t default_for; /* index + 1 of the <key> open, whose <default> it is */
	char *yed_label;
	size_t total_nodes, total_edges, total_graphs;
	size_t errors;       /* counted here: the context may drop diagnostics past its limit */
	group_frame *groups; /* the nested graphs open, outermost first */
	size_t ngroups, gcap;
	size_t *group_nodes; /* every node that held a nested graph in this graph */
	size_t ngroup_nodes, gncap;
	int cur_final;     /* the current node's defaults and label are applied */
	int have_geometry; /* a yEd y:Geometry was read for the current node */
	double geo_x, geo_y;
	int warned_old_ns, warned_graph_key;
	cm__arena kind_arena;
	cm__strmap kind_index;
	error_kind *kinds;
	size_t nkinds, kcap;
	/* libxml2's per-thread handlers for problems outside the parser, while
	 * the reader replaces them (see take_handlers). */
	xmlGenericErrorFunc saved_generic;
	void *saved_generic_ctx;
	xmlStructuredErrorFunc saved_structured;
	void *saved_structured_ctx;
} reader;

/* ------------------------------------------------------------ diagnostics */

static unsigned long cur_line(reader *r)
{
	return (unsigned long)xmlSAX2GetLineNumber(r->xml);
}

static unsigned long cur_col(reader *r)
{
	return (unsigned long)xmlSAX2GetColumnNumber(r->xml);
}

static void stop(reader *r, int code)
{
	if (!r->stop_code)
		r->stop_code = code;
	xmlStopParser(r->xml);
}

/* A diagnostic (cm__reader_diag); the parser stops when it cannot be kept. */
#define diag_at(r, level, ln, col, ...)                                                            \
	do {                                                                                       \
		int rc_ = cm__reader_diag((r)->ctx, &(r)->errors, level, (r)->file, ln, col,       \
		                          __VA_ARGS__);                                            \
		if (rc_)                                                                           \
			stop(r, rc_);                                                              \
	} while (0)

#define ERR(r, ...)  diag_at(r, CM_DIAG_ERROR, cur_line(r), cur_col(r), __VA_ARGS__)
#define WARN(r, ...) diag_at(r, CM_DIAG_WARNING, cur_line(r), cur_col(r), __VA_ARGS__)

/* An error that a broken writer may repeat thousands of times (a key it
 * never declared): the first KIND_SHOWN of each kind are shown, the rest
 * counted, and summarised when the file ends (summarise_kinds). */
static void kind_error(reader *r, unsigned long line, unsigned long col, const char *kind,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void kind_error(reader *r, unsigned long line, unsigned long col, const char *kind,
                       const char *fmt, ...)
{
	long hit = cm__strmap_get(&r->kind_index, kind, strlen(kind));
	if (hit < 0) {
		const char *copy = cm__arena_strndup(&r->kind_arena, kind, strlen(kind));
		if (!copy || r->nkinds >= UINT32_MAX ||
		    cm__grow((void **)&r->kinds, &r->kcap, r->nkinds + 1, sizeof(*r->kinds)) ||
		    cm__strmap_put(&r->kind_index, copy, strlen(copy), (uint32_t)r->nkinds)) {
			stop(r, CM_ENOMEM);
			return;
		}
		r->kinds[r->nkinds] = (error_kind){copy, 0};
		hit = (long)r->nkinds++;
	}
	if (++r->kinds[hit].count > KIND_SHOWN) {
		/* Still an error: the file stays invalid however many are shown. */
		r->errors++;
		r->ctx->diags.errors++;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	int rc = cm__reader_vdiag(r->ctx, &r->errors, CM_DIAG_ERROR, r->file, line, col, fmt, ap);
	va_end(ap);
	if (rc)
		stop(r, rc);
}

static void summarise_kinds(reader *r)
{
	for (size_t k = 0; k < r->nkinds; k++)
		if (r->kinds[k].count > KIND_SHOWN)
			diag_at(r, CM_DIAG_ERROR, 0, 0, "... and %zu more %s",
			        r->kinds[k].count - KIND_SHOWN, r->kinds[k].what);
}

static void limit_error(reader *r, const char *what, unsigned long long limit)
{
	ERR(r, "%s exceeds the limit of %llu; raise it with --max-%s", what, limit,
	    !strcmp(what, "nesting depth")   ? "depth"
	    : !strncmp(what, "id", 2)        ? "id-length"
	    : !strncmp(what, "value", 5)     ? "value-length"
	    : !strcmp(what, "node count")    ? "nodes"
	    : !strcmp(what, "<graph> count") ? "snapshots"
	    : !strncmp(what, "attribute", 9) ? "attributes"
	                                     : "edges");
	stop(r, CM_ELIMIT);
}

/* Keeps an id short in messages. */
static const char *clip(const char *s, char *buf, size_t size)
{
	size_t n = strlen(s);
	if (n < size)
		return s;
	snprintf(buf, size, "%.*s...", (int)(size - 4), s);
	return buf;
}

/* clip() for a value that is not NUL-terminated. */
static const char *clip_n(const char *s, size_t len, char *buf, size_t size)
{
	if (len < size)
		snprintf(buf, size, "%.*s", (int)len, s);
	else
		snprintf(buf, size, "%.*s...", (int)(size - 4), s);
	return buf;
}

/* Names the element being read, so that a warning says where something was
 * dropped (edges by their number in the graph: their ids are optional). */
static const char *where(reader *r, char *buf, size_t size)
{
	char a[64];
	if (r->in == EL_NODE && r->cur_valid)
		snprintf(buf, size, "node '%s'", clip(r->net->nodes[r->cur].id, a, sizeof(a)));
	else if (r->in == EL_EDGE && r->cur_valid)
		snprintf(buf, size, "edge #%zu", r->cur + 1);
	else if (r->net && r->net->id && r->net->id[0])
		snprintf(buf, size, "graph '%s'", clip(r->net->id, a, sizeof(a)));
	else if (r->net)
		snprintf(buf, size, "graph #%zu", cm_series_count(r->series));
	else
		snprintf(buf, size, "<graphml>");
	return buf;
}

/* ------------------------------------------------------------ attributes */

/* Without entity substitution (never wanted here) libxml2's SAX2 hands each
 * '&' of an attribute value (written &amp; or &#38;) over as "&#38;", for a
 * tree builder to decode; no other '&' can reach a value (other entities
 * are errors), and a written "&#38;" arrives as "&#38;#38;". A value with
 * one is decoded into the arena; NULL when that fails (the read stops). */
static const char *decode_amp(reader *r, const char *v, size_t *len)
{
	if (!memchr(v, '&', *len))
		return v;
	char *out = cm__arena_strndup(r->net ? &r->net->arena : &r->keys.arena, v, *len);
	if (!out) {
		stop(r, CM_ENOMEM);
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; i < *len; i++) {
		out[k++] = v[i];
		if (v[i] == '&' && *len - i >= 5 && !memcmp(v + i, "&#38;", 5))
			i += 4;
	}
	out[k] = '\0';
	*len = k;
	return out;
}

static const char *attr(reader *r, const xmlChar **attrs, int nattrs, name_id name, size_t *len)
{
	/* SAX2 attributes come as (localname, prefix, URI, value, end) tuples. */
	for (int i = 0; i < nattrs; i++) {
		const xmlChar **a = attrs + 5 * i;
		if (a[0] == r->name[name]) {
			*len = (size_t)(a[4] - a[3]);
			return decode_amp(r, (const char *)a[3], len);
		}
	}
	return NULL;
}

/* An id-like attribute value within the id length limit; not NUL-terminated
 * (SAX2 hands out pointers into its buffer), valid until the callback returns. */
static const char *attr_ref(reader *r, const xmlChar **attrs, int nattrs, name_id name, size_t *len)
{
	/* Once the parser is stopped its input buffer is freed, and with it
	 * the attribute values that point into it. */
	if (r->stop_code)
		return NULL;
	const char *v = attr(r, attrs, nattrs, name, len);
	if (v && r->ctx->limits.max_id_length && *len > r->ctx->limits.max_id_length) {
		limit_error(r, "id length", r->ctx->limits.max_id_length);
		return NULL;
	}
	return v;
}

/* Copies an attribute value (not NUL-terminated in SAX2) into the arena. */
static const char *attr_dup(reader *r, const xmlChar **attrs, int nattrs, name_id name)
{
	size_t len;
	const char *v = attr_ref(r, attrs, nattrs, name, &len);
	if (!v)
		return NULL;
	cm__arena *arena = r->net ? &r->net->arena : &r->keys.arena;
	const char *copy = cm__arena_strndup(arena, v, len);
	if (!copy)
		stop(r, CM_ENOMEM);
	return copy;
}

/* libxml2 interns names and URIs in its dictionary: once the GraphML URI
 * has been seen, a pointer comparison recognises it (twice per element). */
static int is_graphml_ns(reader *r, const xmlChar *uri)
{
	if (!uri || uri == r->graphml_uri)
		return 1;
	if (!strcmp((const char *)uri, GRAPHML_OLD_NS)) {
		/* NetLogo and early drafts: the same vocabulary under another URI. */
		if (!r->warned_old_ns++)
			WARN(r,
			     "the namespace '%s' is GraphML's old one; read as GraphML, but write "
			     "xmlns=\"%s\"",
			     GRAPHML_OLD_NS, GRAPHML_NS);
	} else if (strcmp((const char *)uri, GRAPHML_NS)) {
		return 0;
	}
	r->graphml_uri = uri;
	return 1;
}

/* ------------------------------------------------------------ text */

static void text_reset(reader *r)
{
	r->text_len = 0;
	if (r->text)
		r->text[0] = '\0';
}

static void on_characters(void *user, const xmlChar *ch, int len)
{
	reader *r = user;
	if (!(r->in_data || r->in_default) || r->skip_depth)
		return;
	if (r->data_children && !r->in_nodelabel)
		return;
	size_t limit = r->ctx->limits.max_value_length;
	if (limit && r->text_len + (size_t)len > limit) {
		limit_error(r, "value length", limit);
		return;
	}
	if (cm__grow((void **)&r->text, &r->text_cap, r->text_len + (size_t)len + 1, 1)) {
		stop(r, CM_ENOMEM);
		return;
	}
	memcpy(r->text + r->text_len, ch, (size_t)len);
	r->text_len += (size_t)len;
	r->text[r->text_len] = '\0';
}

/* ------------------------------------------------------------ graphs */

static void clear_key_set(reader *r)
{
	for (size_t s = 0; s < r->nset; s++)
		r->key_set[r->set_keys[s]] = 0;
	r->nset = 0;
}

static void defaults(reader *r, int target, size_t i)
{
	if (cm__apply_defaults(r->ctx, &r->keys, r->net, target, i, r->key_set))
		stop(r, CM_ENOMEM);
}

static void free_edge_ids(reader *r)
{
	cm__fpset_free(&r->edge_ids);
}

static int read_edgedefault(reader *r, const xmlChar **attrs, int nattrs)
{
	size_t len;
	const char *ed = attr(r, attrs, nattrs, N_EDGEDEFAULT, &len);
	if (ed && len == 10 && !strncmp(ed, "undirected", 10))
		return 0;
	if (ed && !(len == 8 && !strncmp(ed, "directed", 8)))
		ERR(r, "edgedefault '%.*s' is neither 'directed' nor 'undirected'", (int)len, ed);
	return 1; /* the GraphML default */
}

static void finish_node(reader *r);

/* "outer/inner": the names of the groups from the top, each its label, or
 * its id when it has none; NULL when out of memory. */
static const char *group_path(reader *r, const cm__node *nd)
{
	const char *name = nd->label && nd->label[0] ? nd->label : nd->id;
	const char *outer = r->ngroups ? r->groups[r->ngroups - 1].path : NULL;
	size_t olen = outer ? strlen(outer) + 1 : 0, nlen = strlen(name);
	char *path = cm__malloc(olen + nlen + 1);
	if (!path)
		return NULL;
	if (outer)
		memcpy(path, outer, olen - 1), path[olen - 1] = '/';
	memcpy(path + olen, name, nlen + 1);
	const char *copy = cm__arena_strndup(&r->net->arena, path, olen + nlen);
	cm__free(path);
	return copy;
}

/* A <graph> inside a node makes the node a group (yEd's folders, the
 * GraphML Primer's nested graphs): its members join the same network, each
 * with the group's path, and the group itself stays an actor only if it has
 * ties of its own (drop_empty_groups). */
static void start_group(reader *r, const xmlChar **attrs, int nattrs)
{
	finish_node(r); /* its label names the group */
	size_t node = r->cur;
	const char *path = group_path(r, &r->net->nodes[node]);
	if (!path || cm__grow((void **)&r->groups, &r->gcap, r->ngroups + 1, sizeof(*r->groups)) ||
	    cm__grow((void **)&r->group_nodes, &r->gncap, r->ngroup_nodes + 1,
	             sizeof(*r->group_nodes))) {
		stop(r, CM_ENOMEM);
		return;
	}
	r->groups[r->ngroups++] = (group_frame){node, path, r->edgedefault_directed, r->depth};
	r->group_nodes[r->ngroup_nodes++] = node;
	r->edgedefault_directed = read_edgedefault(r, attrs, nattrs);
	r->in = EL_GRAPH;
	r->cur_valid = 1;
}

static void end_group(reader *r)
{
	group_frame *f = &r->groups[--r->ngroups];
	r->edgedefault_directed = f->edgedefault_directed;
	r->in = EL_NODE;
	r->cur = f->node;
	r->cur_valid = 1;
	r->cur_final = 1;
	clear_key_set(r);
}

static void start_graph(reader *r, const xmlChar **attrs, int nattrs)
{
	if (r->graph_depth && r->in == EL_NODE && r->cur_valid) {
		start_group(r, attrs, nattrs);
		return;
	}
	if (r->graph_depth) {
		char in[200];
		WARN(r,
		     "nested <graph> in %s dropped with everything in it; clustermap reads flat "
		     "graphs",
		     where(r, in, sizeof(in)));
		r->skip_depth = r->depth;
		return;
	}
	if (r->ctx->limits.max_snapshots && ++r->total_graphs > r->ctx->limits.max_snapshots) {
		limit_error(r, "<graph> count", r->ctx->limits.max_snapshots);
		return;
	}
	cm_network *net;
	if (cm__network_new(&net, r->ctx) || cm_series_append(r->ctx, r->series, net)) {
		cm_network_free(net);
		stop(r, CM_ENOMEM);
		return;
	}
	r->net = net;
	memcpy(net->size_bands, r->opts->size_bands, sizeof(net->size_bands));
	r->seen_graph = 1;
	r->graph_depth = r->depth;
	net->source = cm__arena_strndup(&net->arena, r->file, strlen(r->file));
	const char *id = attr_dup(r, attrs, nattrs, N_ID);
	if (!net->source || r->stop_code) {
		stop(r, r->stop_code ? r->stop_code : CM_ENOMEM);
		return;
	}
	net->id = id ? id : "";
	r->edgedefault_directed = read_edgedefault(r, attrs, nattrs);
	r->in = EL_GRAPH;
	r->cur_valid = 1;
	/* Graph data may come before or after the nodes; defaults go first and
	 * are overwritten by whatever the graph states. */
	clear_key_set(r);
	defaults(r, CM__FOR_GRAPH, 0);
}

static void resolve_pending(reader *r)
{
	cm_network *net = r->net;
	for (size_t i = 0; i < r->npending; i++) {
		pending_end *p = &r->pending[i];
		long hit = cm__strmap_get(&r->net->ids, p->id, strlen(p->id));
		if (hit >= 0) {
			size_t idx = (size_t)hit;
			if (p->is_target)
				net->edges[p->edge].dst = idx;
			else
				net->edges[p->edge].src = idx;
			continue;
		}
		char buf[80];
		kind_error(
		    r, p->line, p->col, "undeclared node errors",
		    "edge %s '%s' is not a declared node; declare <node id=\"%s\"/> or fix the id",
		    p->is_target ? "target" : "source", clip(p->id, buf, sizeof(buf)),
		    clip(p->id, buf, sizeof(buf)));
	}
	r->npending = 0;
}

/* Relations recorded against the model's direction (--direction,
 * --flip-information, or the file's graph key "direction") run the
 * model's way: seller -> buyer, giver -> receiver, member -> association.
 * Said twice, a relation is still reversed once. */
#define MAX_REVERSED 16
static int reversed_layers(reader *r, char names[][64])
{
	char err[160];
	int n = 0, k;
	if (r->opts->flip_information)
		snprintf(names[n++], 64, "information");
	if (r->opts->direction &&
	    (k = cm__parse_direction(names + n, MAX_REVERSED - n, r->opts->direction, err,
	                             sizeof(err))) > 0)
		n += k;
	if (r->net->direction) {
		k = cm__parse_direction(names + n, MAX_REVERSED - n, r->net->direction, err,
		                        sizeof(err));
		if (k < 0)
			WARN(r, "graph attribute direction: %s; ignored", err);
		else
			n += k;
	}
	return n;
}

static void reverse_edges(reader *r)
{
	char names[MAX_REVERSED][64];
	int n = reversed_layers(r, names);
	cm_network *net = r->net;
	for (size_t e = 0; n && e < net->m; e++) {
		cm__edge *ed = &net->edges[e];
		int hit = 0;
		for (int k = 0; k < n && ed->layer < net->nlayers; k++)
			hit |= !strcmp(net->layers[ed->layer], names[k]);
		if (hit) {
			size_t t = ed->src;
			ed->src = ed->dst;
			ed->dst = t;
		}
	}
}

/* Keeps the nodes whose keep[i] is set, in order, and renumbers the edges,
 * the extra columns and the id index after them. */
static int compact_nodes(cm_network *net, const unsigned char *keep, size_t *map)
{
	size_t n = 0;
	for (size_t i = 0; i < net->n; i++) {
		map[i] = n;
		if (keep[i])
			net->nodes[n++] = net->nodes[i];
	}
	for (size_t e = 0; e < net->m; e++)
		net->edges[e].src = map[net->edges[e].src],
		net->edges[e].dst = map[net->edges[e].dst];
	for (size_t c = 0; c < net->nncols; c++) {
		cm__column *col = &net->ncols[c];
		size_t k = 0;
		for (size_t j = 0; j < col->count; j++)
			if (keep[col->cells[j].i])
				col->cells[k++] =
				    (cm__cell){map[col->cells[j].i], col->cells[j].value};
		col->count = k;
	}
	net->n = n;
	cm__strmap_free(&net->ids);
	for (size_t i = 0; i < n; i++)
		if (cm__strmap_put(&net->ids, net->nodes[i].id, strlen(net->nodes[i].id),
		                   (uint32_t)i))
			return CM_ENOMEM;
	return 0;
}

/* A group without ties of its own is only a box around its members: it
 * leaves the network (its members keep its path in their group). */
static void drop_empty_groups(reader *r)
{
	cm_network *net = r->net;
	if (!r->ngroup_nodes || r->errors || r->stop_code)
		return;
	unsigned char *keep = cm__malloc(net->n + 1);
	size_t *map = cm__calloc(net->n + 1, sizeof(*map));
	if (!keep || !map) {
		cm__free(keep), cm__free(map);
		stop(r, CM_ENOMEM);
		return;
	}
	memset(keep, 1, net->n + 1);
	for (size_t g = 0; g < r->ngroup_nodes; g++)
		keep[r->group_nodes[g]] = 0;
	for (size_t e = 0; e < net->m; e++)
		keep[net->edges[e].src] = keep[net->edges[e].dst] = 1;
	if (compact_nodes(net, keep, map))
		stop(r, CM_ENOMEM);
	cm__free(keep), cm__free(map);
	r->ngroup_nodes = 0;
}

static void end_graph(reader *r)
{
	resolve_pending(r);
	drop_empty_groups(r);
	if (r->net)
		reverse_edges(r);
	if (cm__network_finish(r->net, r->ctx))
		stop(r, CM_ENOMEM);
	free_edge_ids(r);
	r->graph_depth = 0;
	r->in = EL_NONE;
	r->net = NULL;
}

/* ------------------------------------------------------------ nodes */

static void start_node(reader *r, const xmlChar **attrs, int nattrs)
{
	cm_network *net = r->net;
	r->in = EL_NODE;
	r->cur_valid = 0;
	r->cur_final = 0;
	r->have_geometry = 0;
	clear_key_set(r);
	const char *id = attr_dup(r, attrs, nattrs, N_ID);
	if (!id) {
		if (!r->stop_code)
			ERR(r, "<node> has no id; add id=\"...\"");
		return;
	}
	long seen;
	if (net->n >= UINT32_MAX ||
	    cm__strmap_add(&net->ids, id, strlen(id), (uint32_t)net->n, &seen)) {
		stop(r, CM_ENOMEM);
		return;
	}
	if (seen >= 0) {
		char buf[80];
		ERR(r, "duplicate node id '%s'; node ids must be unique in a graph",
		    clip(id, buf, sizeof(buf)));
		return;
	}
	if (r->ctx->limits.max_nodes && ++r->total_nodes > r->ctx->limits.max_nodes) {
		limit_error(r, "node count", r->ctx->limits.max_nodes);
		return;
	}
	cm__node node = {.id = id};
	if (cm__network_add_node(net, r->ctx, &node)) {
		stop(r, CM_ENOMEM);
		return;
	}
	r->cur = net->n - 1;
	r->cur_valid = 1;
	r->have_yed_label = 0;
}

/* Sets a node's value in an extra column unless the file gave one. */
static void node_column(reader *r, const char *name, const char *type, const char *value)
{
	cm__column *col;
	if (cm__network_column(&col, r->net, r->ctx, 0, name, type)) {
		stop(r, CM_ENOMEM);
		return;
	}
	if (cm__column_get(col, r->cur))
		return;
	const char *copy = cm__arena_strndup(&r->net->arena, value, strlen(value));
	if (!copy || cm__column_set(col, r->ctx, r->cur, copy))
		stop(r, CM_ENOMEM);
}

/* yEd's coordinates, as the centre of the node's box in points with y up
 * (yEd's y grows downwards), in the columns x and y that Gephi also writes. */
static void keep_geometry(reader *r)
{
	char num[40];
	snprintf(num, sizeof(num), "%.15g", r->geo_x);
	node_column(r, "x", "double", num);
	snprintf(num, sizeof(num), "%.15g", r->geo_y == 0 ? 0.0 : -r->geo_y);
	node_column(r, "y", "double", num);
}

/* Defaults, yEd's label, group and position: once the node's own data are
 * read, which for a group is before its members. */
static void finish_node(reader *r)
{
	r->cur_final = 1;
	defaults(r, CM__FOR_NODE, r->cur);
	cm__node *nd = &r->net->nodes[r->cur];
	if (!nd->label && r->have_yed_label) {
		nd->label = cm__arena_strndup(&r->net->arena, r->yed_label, strlen(r->yed_label));
		if (!nd->label) {
			stop(r, CM_ENOMEM);
			return;
		}
		nd->has |= CM_HAS_LABEL;
	}
	r->have_yed_label = 0;
	if (r->ngroups)
		node_column(r, "group", "string", r->groups[r->ngroups - 1].path);
	if (r->have_geometry)
		keep_geometry(r);
}

static void end_node(reader *r)
{
	if (r->cur_valid && !r->cur_final)
		finish_node(r);
	r->have_yed_label = 0;
	r->in = EL_GRAPH;
}

/* yEd's <y:Geometry x= y= width= height=>: the first of a node (a group's
 * open state comes first). */
static void read_geometry(reader *r, const xmlChar **attrs, int nattrs)
{
	static const name_id names[4] = {N_POS_X, N_POS_Y, N_WIDTH, N_HEIGHT};
	double v[4] = {0, 0, 0, 0};
	for (int k = 0; k < 4; k++) {
		size_t len;
		const char *a = attr(r, attrs, nattrs, names[k], &len);
		char buf[64];
		if (!a || len >= sizeof(buf))
			return;
		memcpy(buf, a, len), buf[len] = '\0';
		if (cm__parse_double(&v[k], buf) || !isfinite(v[k]))
			return;
	}
	r->geo_x = v[0] + v[2] / 2, r->geo_y = v[1] + v[3] / 2;
	r->have_geometry = 1;
}

/* ------------------------------------------------------------ edges */

static int edge_direction(reader *r, const xmlChar **attrs, int nattrs)
{
	size_t len;
	const char *d = attr(r, attrs, nattrs, N_DIRECTED, &len);
	if (d) {
		char buf[16];
		int v;
		snprintf(buf, sizeof(buf), "%.*s", (int)(len < 15 ? len : 15), d);
		if (cm__parse_bool(&v, buf) == 0)
			return v;
		ERR(r, "directed=\"%.*s\" is not a boolean; use true or false",
		    (int)(len < 40 ? len : 40), d);
		return r->edgedefault_directed;
	}
	/* Gephi writes the direction of each edge as type="directed|undirected". */
	d = attr(r, attrs, nattrs, N_TYPE, &len);
	if (d && len == 8 && !strncmp(d, "directed", 8))
		return 1;
	if (d && len == 10 && !strncmp(d, "undirected", 10))
		return 0;
	return r->edgedefault_directed;
}

static void add_pending(reader *r, size_t edge, int is_target, const char *id)
{
	if (cm__grow((void **)&r->pending, &r->pcap, r->npending + 1, sizeof(*r->pending))) {
		stop(r, CM_ENOMEM);
		return;
	}
	r->pending[r->npending++] = (pending_end){edge, is_target, id, cur_line(r), cur_col(r)};
}

static void resolve_end(reader *r, size_t edge, int is_target, const char *id, size_t len)
{
	long hit = cm__strmap_get(&r->net->ids, id, len);
	if (hit < 0) {
		/* GraphML allows edges before their nodes: settle at </graph>. */
		const char *copy = cm__arena_strndup(&r->net->arena, id, len);
		if (!copy)
			stop(r, CM_ENOMEM);
		else
			add_pending(r, edge, is_target, copy);
		return;
	}
	size_t idx = (size_t)hit;
	if (is_target)
		r->net->edges[edge].dst = idx;
	else
		r->net->edges[edge].src = idx;
}

/* networkx writes a multigraph's edge keys as ids, which are unique only
 * between the same two nodes; so an id may repeat on another pair of nodes,
 * and an edge is known by the fingerprint of (id, source, target). Only the
 * fingerprint is kept, not the strings (docs/performance.md). */
static cm__fp edge_fingerprint(reader *r, const char *id, size_t ilen, const char *src, size_t slen,
                               const char *dst, size_t dlen)
{
	const char *part[3] = {id, src, dst};
	const size_t len[3] = {ilen, slen, dlen};
	return cm__fp_of(&r->edge_ids, part, len, 3);
}

static void check_edge_id(reader *r, cm__fp fp, const char *id, size_t len, const char *src,
                          size_t slen, const char *dst, size_t dlen)
{
	int seen = 0;
	if (cm__fpset_add(&r->edge_ids, fp, &seen)) {
		stop(r, CM_ENOMEM);
	} else if (seen) {
		char b1[80], b2[80], b3[80];
		ERR(r, "duplicate edge id '%s' from '%s' to '%s'; edge ids must be unique",
		    clip_n(id, len, b1, sizeof(b1)), clip_n(src, slen, b2, sizeof(b2)),
		    clip_n(dst, dlen, b3, sizeof(b3)));
	}
}

/* The tie's three lookups (its ends and its id) miss the cache: their
 * slots are fetched together before any of them is needed. An edge whose id
 * repeats is kept: the error fails the read. */
static void start_edge(reader *r, const xmlChar **attrs, int nattrs)
{
	r->in = EL_EDGE;
	r->cur_valid = 0;
	clear_key_set(r);
	size_t slen, dlen, ilen;
	const char *src = attr_ref(r, attrs, nattrs, N_SOURCE, &slen);
	const char *dst = attr_ref(r, attrs, nattrs, N_TARGET, &dlen);
	const char *id = attr_ref(r, attrs, nattrs, N_ID, &ilen);
	if (r->stop_code)
		return;
	if (!src || !dst) {
		ERR(r, "<edge> has no %s; add %s=\"node id\"", src ? "target" : "source",
		    src ? "target" : "source");
		return;
	}
	cm__fp fp = {0, 0};
	if (id) {
		fp = edge_fingerprint(r, id, ilen, src, slen, dst, dlen);
		cm__fpset_prefetch(&r->edge_ids, fp);
	}
	cm__strmap_prefetch(&r->net->ids, src, slen);
	cm__strmap_prefetch(&r->net->ids, dst, dlen);
	int directed = edge_direction(r, attrs, nattrs);
	if (r->ctx->limits.max_edges && ++r->total_edges > r->ctx->limits.max_edges) {
		limit_error(r, "edge count", r->ctx->limits.max_edges);
		return;
	}
	cm__edge e = {.weight = 1.0, .directed = (unsigned char)directed, .layer = SIZE_MAX};
	if (cm__network_add_edge(r->net, r->ctx, &e)) {
		stop(r, CM_ENOMEM);
		return;
	}
	r->cur = r->net->m - 1;
	r->cur_valid = 1;
	resolve_end(r, r->cur, 0, src, slen);
	resolve_end(r, r->cur, 1, dst, dlen);
	if (id)
		check_edge_id(r, fp, id, ilen, src, slen, dst, dlen);
}

static void end_edge(reader *r)
{
	if (r->cur_valid) {
		defaults(r, CM__FOR_EDGE, r->cur);
		cm__edge *e = &r->net->edges[r->cur];
		if (e->layer == SIZE_MAX && cm__network_layer(&e->layer, r->net, r->ctx, "untyped"))
			stop(r, CM_ENOMEM);
	}
	r->in = EL_GRAPH;
}

/* ------------------------------------------------------------ data */

static void start_data(reader *r, const xmlChar **attrs, int nattrs)
{
	size_t len;
	const char *key = attr(r, attrs, nattrs, N_KEY, &len);
	r->in_data = 1;
	r->data_key = -1;
	r->data_children = 0;
	text_reset(r);
	if (!key) {
		ERR(r, "<data> has no key attribute; add key=\"...\" naming a declared <key>");
		return;
	}
	int target = r->in == EL_NODE   ? CM__FOR_NODE
	             : r->in == EL_EDGE ? CM__FOR_EDGE
	                                : CM__FOR_GRAPH;
	int k = cm__keys_find(&r->keys, key, len, target);
	if (k < 0) {
		char kind[120];
		int shown = (int)(len < 60 ? len : 60);
		snprintf(kind, sizeof(kind), "undeclared key errors for key '%.*s'", shown, key);
		kind_error(
		    r, cur_line(r), cur_col(r), kind,
		    "<data> uses undeclared key '%.*s'; declare it with <key id=\"%.*s\" .../>",
		    shown, key, shown, key);
		return;
	}
	r->data_key = k;
}

static void end_data(reader *r)
{
	r->in_data = 0;
	if (r->data_key < 0 || (r->in != EL_GRAPH && r->in != EL_NONE && !r->cur_valid))
		return;
	cm__key *key = &r->keys.items[r->data_key];
	if (key->graphics)
		return;
	if (r->in == EL_NONE) {
		WARN(r,
		     "<data key=\"%s\"> on <graphml> dropped; clustermap reads data of graphs, "
		     "nodes and edges",
		     key->id);
		return;
	}
	if (r->in == EL_GRAPH && r->ngroups) {
		char in[200];
		snprintf(in, sizeof(in), "%s", r->groups[r->ngroups - 1].path);
		WARN(r,
		     "<data key=\"%s\"> on the nested graph of group '%s' dropped; give it to "
		     "the group's node",
		     key->id, in);
		return;
	}
	int target = r->in == EL_NODE   ? CM__FOR_NODE
	             : r->in == EL_EDGE ? CM__FOR_EDGE
	                                : CM__FOR_GRAPH;
	if (!(key->domain & target) && !(key->misused & target)) {
		/* Once per key and element: Cytoscape declares every key for="node". */
		key->misused |= target;
		WARN(r, "key '%s' is declared for=\"%s\" but used on %s; values read anyway",
		     key->id, cm__key_domain_name(key->domain),
		     target == CM__FOR_NODE   ? "a node"
		     : target == CM__FOR_EDGE ? "an edge"
		                              : "a graph");
	}
	/* An empty value is no value (yEd writes empty <data/> for blank fields):
	 * nothing is stored and the key's default applies. */
	if (!r->text || !r->text[strspn(r->text, " \t\r\n")])
		return;
	if (r->key_set[r->data_key]) {
		char in[200];
		WARN(r, "key '%s' is given twice for %s; the last value is kept", key->id,
		     where(r, in, sizeof(in)));
	} else if (cm__grow((void **)&r->set_keys, &r->set_cap, r->nset + 1,
	                    sizeof(*r->set_keys))) {
		stop(r, CM_ENOMEM);
		return;
	} else
		r->set_keys[r->nset++] = (size_t)r->data_key;
	r->key_set[r->data_key] = 1;
	cm__value_error err = {0};
	int rc = cm__apply_value(&err, r->ctx, key, r->net, target, r->cur, r->text ? r->text : "");
	if (rc == CM_ENOMEM) {
		stop(r, CM_ENOMEM);
	} else if (rc == CM_EPARSE) {
		char kind[120];
		snprintf(kind, sizeof(kind), "value errors for key '%.60s'", key->id);
		kind_error(r, cur_line(r), cur_col(r), kind, "%s", err.message);
	} else if (err.message[0])
		WARN(r, "%s", err.message);
}

/* ------------------------------------------------------------ keys */

static void start_key(reader *r, const xmlChar **attrs, int nattrs)
{
	const char *id = attr_dup(r, attrs, nattrs, N_ID);
	if (r->stop_code)
		return;
	if (!id) {
		ERR(r, "<key> has no id; add id=\"...\"");
		r->skip_depth = r->depth;
		return;
	}
	cm__key_decl decl = {
	    .id = id,
	    .name = attr_dup(r, attrs, nattrs, N_ATTR_NAME),
	    .type = attr_dup(r, attrs, nattrs, N_ATTR_TYPE),
	    .domain = attr_dup(r, attrs, nattrs, N_FOR),
	    .yfiles = attr_dup(r, attrs, nattrs, N_YFILES_TYPE),
	};
	cm__value_error err = {0};
	int rc = cm__keys_add(&err, &r->keys, r->opts->map, &decl);
	if (rc == CM_ENOMEM) {
		stop(r, CM_ENOMEM);
		return;
	}
	if (rc == CM_EPARSE)
		ERR(r, "%s", err.message);
	else if (err.message[0])
		WARN(r, "%s", err.message);
	if (rc == 0 && decl.yfiles && !r->warned_graphics++)
		WARN(r, "yEd graphics (yfiles.type keys) are read for node labels and positions "
		        "only; shapes and colours are dropped");
	r->default_for = rc == 0 ? r->keys.count : 0;
	size_t old = r->key_set_cap;
	if (cm__grow((void **)&r->key_set, &r->key_set_cap, r->keys.count, 1))
		stop(r, CM_ENOMEM);
	else if (r->key_set_cap > old) /* only the keys set are cleared later */
		memset(r->key_set + old, 0, r->key_set_cap - old);
}

/* GraphML declares keys before the graph; some writers put them inside
 * it. They are read from where they stand on. */
static void start_graph_key(reader *r, const xmlChar **attrs, int nattrs)
{
	if (r->net && !r->warned_graph_key++) {
		char in[200];
		WARN(r, "<key> in %s read; GraphML declares keys under <graphml>, before the graph",
		     where(r, in, sizeof(in)));
	}
	start_key(r, attrs, nattrs);
}

static void start_default(reader *r)
{
	r->in_default = 1;
	text_reset(r);
}

static void end_default(reader *r)
{
	r->in_default = 0;
	cm__key *key = &r->keys.items[r->default_for - 1];
	cm__value_error err = {0};
	int rc = cm__key_set_default(&err, &r->keys, key, r->text ? r->text : "");
	if (rc == CM_ENOMEM)
		stop(r, CM_ENOMEM);
	else if (rc == CM_EPARSE)
		ERR(r, "%s", err.message);
}

/* ------------------------------------------------------------ dispatch */

static void start_root(reader *r, const char *name, const xmlChar *uri)
{
	r->seen_root = 1;
	if (strcmp(name, "graphml") || !is_graphml_ns(r, uri)) {
		ERR(r, "root element is <%s>, not <graphml>; is this a GraphML file?", name);
		stop(r, CM_EPARSE);
	}
}

static void drop(reader *r, const char *what)
{
	char in[200];
	WARN(r, "%s in %s dropped; clustermap does not read %s", what, where(r, in, sizeof(in)),
	     !strcmp(what, "<hyperedge>") ? "hyperedges"
	     : !strcmp(what, "<port>")    ? "ports"
	     : !strcmp(what, "<locator>") ? "external graphs (locators are never followed)"
	     : !strcmp(what, "<key>")     ? "keys inside graphs; declare them under <graphml>"
	     : strchr(what, ':')          ? "other vocabularies outside <data>"
	                                  : "this element");
	r->skip_depth = r->depth;
}

static void start_model_element(reader *r, const xmlChar *local, const xmlChar **attrs, int nattrs)
{
	const xmlChar *const *n = r->name;
	if (local == n[N_DATA]) {
		if (r->in_data || r->in_default)
			r->data_children++;
		else
			start_data(r, attrs, nattrs);
	} else if (local == n[N_NODE] && r->net && r->in == EL_GRAPH)
		start_node(r, attrs, nattrs);
	else if (local == n[N_EDGE] && r->net && r->in == EL_GRAPH)
		start_edge(r, attrs, nattrs);
	else if (local == n[N_GRAPH])
		start_graph(r, attrs, nattrs);
	else if (local == n[N_KEY] && (!r->net || r->in == EL_GRAPH))
		start_graph_key(r, attrs, nattrs);
	else if (local == n[N_DEFAULT] && r->default_for)
		start_default(r);
	else if (local == n[N_HYPEREDGE])
		drop(r, "<hyperedge>");
	else if (local == n[N_PORT])
		drop(r, "<port>");
	else if (local == n[N_LOCATOR])
		drop(r, "<locator>");
	else if (local != n[N_DESC]) {
		char what[80];
		snprintf(what, sizeof(what), "<%.60s>", (const char *)local);
		drop(r, what);
	}
}

static void on_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattrs, int ndef, const xmlChar **attrs)
{
	reader *r = user;
	const char *name = (const char *)local;
	r->depth++;
	if (r->ctx->limits.max_depth && r->depth > r->ctx->limits.max_depth) {
		limit_error(r, "nesting depth", r->ctx->limits.max_depth);
		return;
	}
	/* The scanner has counted them before libxml2 parsed them (feed);
	 * this holds for what it could not count the same way. */
	size_t max_attrs = r->ctx->limits.max_attributes;
	if (max_attrs && (size_t)nattrs + (size_t)nns > max_attrs) {
		limit_error(r, "attribute count of one element", max_attrs);
		return;
	}
	if (r->skip_depth || r->stop_code)
		return;
	if (r->depth == 1) {
		start_root(r, name, uri);
		return;
	}
	if (r->in_data || r->in_default) {
		/* Foreign content inside <data>, such as yEd's graphics. */
		r->data_children++;
		if (local == r->name[N_GEOMETRY] && r->in == EL_NODE && r->cur_valid &&
		    !r->have_geometry && !r->cur_final)
			read_geometry(r, attrs, nattrs);
		if (local == r->name[N_NODELABEL] && !r->have_yed_label) {
			r->in_nodelabel = 1;
			text_reset(r);
		}
		return;
	}
	if (!is_graphml_ns(r, uri)) {
		/* Another vocabulary's element outside <data>: skip its subtree. */
		char what[140];
		snprintf(what, sizeof(what), "<%.60s%s%.60s>", prefix ? (const char *)prefix : "",
		         prefix ? ":" : "", name);
		drop(r, what);
		return;
	}
	start_model_element(r, local, attrs, nattrs);
}

static void end_in_data(reader *r, const xmlChar *local)
{
	if (r->data_children) {
		if (r->in_nodelabel && local == r->name[N_NODELABEL]) {
			r->in_nodelabel = 0;
			char *copy = cm__strdup(r->text ? r->text : "");
			if (!copy) {
				stop(r, CM_ENOMEM);
				return;
			}
			cm__free(r->yed_label);
			r->yed_label = copy;
			r->have_yed_label = r->in == EL_NODE && copy[0] != '\0';
			text_reset(r);
		}
		r->data_children--;
	} else if (r->in_data)
		end_data(r);
	else
		end_default(r);
}

static void on_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	reader *r = user;
	size_t depth = r->depth--;
	if (r->skip_depth) {
		if (depth == r->skip_depth)
			r->skip_depth = 0;
		return;
	}
	if (r->stop_code || depth == 1)
		return;
	if (r->in_data || r->in_default) {
		end_in_data(r, local);
		return;
	}
	if (!is_graphml_ns(r, uri))
		return;
	if (local == r->name[N_NODE] && r->in == EL_NODE)
		end_node(r);
	else if (local == r->name[N_EDGE] && r->in == EL_EDGE)
		end_edge(r);
	else if (local == r->name[N_GRAPH] && depth == r->graph_depth)
		end_graph(r);
	else if (local == r->name[N_GRAPH] && r->ngroups &&
	         depth == r->groups[r->ngroups - 1].depth)
		end_group(r);
	else if (local == r->name[N_KEY])
		r->default_for = 0;
}

static void on_doctype(void *user, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	reader *r = user;
	ERR(r, "DOCTYPE declarations are not allowed; remove the <!DOCTYPE ...> line");
	stop(r, CM_EPARSE);
}

static void on_entity_decl(void *user, const xmlChar *name, int type, const xmlChar *pub,
                           const xmlChar *sys, xmlChar *content)
{
	reader *r = user;
	ERR(r, "entity declarations are not allowed");
	stop(r, CM_EPARSE);
}

static xmlEntityPtr on_get_entity(void *user, const xmlChar *name)
{
	/* Only the five predefined entities exist; nothing is ever expanded. */
	return xmlGetPredefinedEntity(name);
}

/* What to do about a libxml2 error, for the ones users meet with files that
 * are not GraphML at all or are hostile. */
static const char *xml_error_hint(int code, const char *msg)
{
	/* A character reference is text, whatever the encoding. */
	if (strstr(msg, "xmlParseCharRef") || strstr(msg, "CharRef"))
		return "; the character reference names a character XML does not allow (such as a "
		       "control other than tab, newline and carriage return); remove or replace it";
	switch (code) {
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING: return "; the file must be UTF-8 (or declare its encoding)";
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		return "; entities other than &amp; &lt; &gt; &quot; &apos; are not allowed";
	case XML_ERR_DOCUMENT_EMPTY:
	case XML_ERR_DOCUMENT_START: return "; this is not an XML file (GraphML is XML)";
	default: break;
	}
	/* libxml2 refuses a tag, value or text over 10 MB (XML_MAX_TEXT_LENGTH). */
	if (strstr(msg, "Huge input lookup") || strstr(msg, "too long") || strstr(msg, "huge"))
		return "; one tag, attribute value or text is over libxml2's 10 MB limit";
	return "";
}

static void on_xml_error(void *user, xmlErrorPtr err)
{
	reader *r = user;
	if (!err || err->level < XML_ERR_ERROR || r->stop_code == CM_ELIMIT ||
	    r->stop_code == CM_ENOMEM)
		return;
	if (err->code == XML_ERR_NO_MEMORY) {
		stop(r, CM_ENOMEM);
		return;
	}
	char msg[512];
	snprintf(msg, sizeof(msg), "%s", err->message ? err->message : "malformed XML");
	msg[strcspn(msg, "\n")] = '\0';
	diag_at(r, CM_DIAG_ERROR, (unsigned long)err->line, (unsigned long)err->int2,
	        "malformed XML: %s%s", msg, xml_error_hint(err->code, msg));
	if (!r->stop_code)
		r->stop_code = CM_EPARSE;
}

static void setup_sax(xmlSAXHandler *sax)
{
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_characters;
	sax->cdataBlock = on_characters;
	sax->internalSubset = on_doctype;
	sax->externalSubset = on_doctype;
	sax->entityDecl = on_entity_decl;
	sax->getEntity = on_get_entity;
	sax->serror = on_xml_error;
}

/* ------------------------------------------------------------ driver */

static void quiet(void *user, const char *msg, ...)
{
}

/* Problems libxml2 reports outside the parser context: allocation failures
 * (which it may then also report as a parse error, e.g. "not a valid URI"),
 * encoding and buffer errors (which also stop the parser). */
static void on_global_error(void *user, xmlErrorPtr err)
{
	reader *r = user;
	if (err && err->code == XML_ERR_NO_MEMORY)
		stop(r, CM_ENOMEM);
}

/* libxml2 prints those problems to stderr unless told otherwise, and a
 * library must not print: route them here while the reader exists. */
static void take_handlers(reader *r)
{
	r->saved_generic = xmlGenericError;
	r->saved_generic_ctx = xmlGenericErrorContext;
	r->saved_structured = xmlStructuredError;
	r->saved_structured_ctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(r, on_global_error);
}

static void restore_handlers(reader *r)
{
	xmlSetGenericErrorFunc(r->saved_generic_ctx, r->saved_generic);
	xmlSetStructuredErrorFunc(r->saved_structured_ctx, r->saved_structured);
}

static int reader_init(reader *r, cm_ctx *ctx, const char *file, const cm_read_opts *opts)
{
	memset(r, 0, sizeof(*r));
	r->ctx = ctx;
	r->file = file;
	r->opts = opts;
	cm__xmlscan_init(&r->scan, ctx->limits.max_attributes);
	take_handlers(r);
	if (cm_series_new(&r->series, ctx)) {
		restore_handlers(r);
		return CM_ENOMEM;
	}
	return 0;
}

static void reader_free(reader *r)
{
	if (r->xml) {
		xmlFreeDoc(r->xml->myDoc);
		xmlFreeParserCtxt(r->xml);
	}
	free_edge_ids(r);
	cm__keys_free(&r->keys);
	cm__free(r->pending);
	cm__free(r->key_set);
	cm__free(r->set_keys);
	cm__free(r->text);
	cm__free(r->yed_label);
	cm__free(r->groups);
	cm__free(r->group_nodes);
	cm__free(r->kinds);
	cm__strmap_free(&r->kind_index);
	cm__arena_free(&r->kind_arena);
	cm_series_free(r->series);
	/* libxml2 keeps a copy of the last error in a global; release it. */
	xmlResetLastError();
	restore_handlers(r);
}

/* xmlParseChunk() failed without telling the error handler: it does so when
 * the input cannot be decoded in its declared encoding, and then stops. */
static void chunk_failed(reader *r)
{
	int code = r->xml->errNo;
	if (code == XML_ERR_NO_MEMORY) {
		stop(r, CM_ENOMEM);
		return;
	}
	ERR(r, "malformed XML: %s",
	    code == XML_ERR_OK || code == XML_ERR_INVALID_ENCODING || code == XML_I18N_CONV_FAILED
	        ? "the text is not valid in the encoding the file declares; convert it to UTF-8 "
	          "or fix the encoding declaration"
	        : "the parser stopped; the file is not well-formed XML");
	stop(r, CM_EPARSE);
}

static int intern_names(reader *r)
{
	for (int k = 0; k < N_COUNT; k++)
		if (!(r->name[k] = xmlDictLookup(r->xml->dict, (const xmlChar *)name_text[k], -1)))
			return CM_ENOMEM;
	return 0;
}

/* libxml2 2.9 reads UTF-32 as an empty document ("not an XML file"):
 * its byte order marks are told apart before parsing starts. */
static int utf32_refused(reader *r, const char *buf, size_t len)
{
	if (len < 4 || (memcmp(buf, "\0\0\xFE\xFF", 4) && memcmp(buf, "\xFF\xFE\0\0", 4)))
		return 0;
	diag_at(r, CM_DIAG_ERROR, 1, 1,
	        "the file is UTF-32, which libxml2 cannot read; convert it to UTF-8 "
	        "(e.g. iconv -f UTF-32 -t UTF-8)");
	stop(r, CM_EPARSE);
	return 1;
}

static int feed(reader *r, const char *buf, size_t len, int last)
{
	if (!r->xml && utf32_refused(r, buf, len))
		return r->stop_code;
	if (!r->xml) {
		/* libxml2 2.9 sets itself up on first use without a lock: once,
		 * here, so that readers on separate threads may start together. */
		static pthread_once_t once = PTHREAD_ONCE_INIT;
		pthread_once(&once, xmlInitParser);
		xmlSAXHandler sax;
		setup_sax(&sax);
		/* No file name: messages use ours, and libxml2 need not resolve
		 * a directory for a document that may load nothing. */
		r->xml = xmlCreatePushParserCtxt(&sax, r, NULL, 0, NULL);
		if (!r->xml)
			return CM_ENOMEM;
		/* No NOENT, DTDLOAD, HUGE or XINCLUDE: entities stay unexpanded and
		 * libxml2's own size limits stay on. */
		xmlCtxtUseOptions(r->xml, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS);
		if (intern_names(r))
			return CM_ENOMEM;
	}
	/* The scan stops the document before libxml2 gets to a start tag with
	 * too many attributes, or to an encoding that could hide one. */
	int rc = cm__xmlscan_parse(&r->scan, r->xml, buf, len, last);
	if (rc == CM__XMLSCAN_MALFORMED && !r->stop_code)
		chunk_failed(r);
	else if (rc && !r->stop_code)
		stop(r, cm__xmlscan_diag(&r->scan, r->ctx, r->file, NULL, &r->errors));
	return r->stop_code;
}

static int finish(reader *r, cm_series **out, unsigned long long total)
{
	if (r->stop_code == CM_ENOMEM)
		return cm__oom(r->ctx);
	if (total == 0 && !r->stop_code) {
		diag_at(r, CM_DIAG_ERROR, 1, 1, "empty file; expected a GraphML document");
		r->stop_code = CM_EPARSE;
	} else if (!r->stop_code && !r->seen_graph) {
		diag_at(r, CM_DIAG_ERROR, cur_line(r), cur_col(r),
		        "no <graph> element; a GraphML file needs <graph> inside <graphml>");
	}
	summarise_kinds(r);
	if (r->stop_code || r->errors)
		return r->stop_code ? r->stop_code : CM_EPARSE;
	*out = r->series;
	r->series = NULL;
	return 0;
}

static int check_bytes(reader *r, unsigned long long total)
{
	unsigned long long max = r->ctx->limits.max_bytes;
	if (max && total > max) {
		diag_at(r, CM_DIAG_ERROR, cur_line(r), cur_col(r),
		        "input exceeds the limit of %llu bytes; raise it with --max-bytes", max);
		r->stop_code = CM_ELIMIT;
		return CM_ELIMIT;
	}
	return 0;
}

typedef size_t (*chunk_fn)(void *src, char *buf, size_t size, int *err);

/* A progress line for large inputs only: from a few megabytes on, about
 * every percent (every 16 MB when the size is unknown). */
enum { PROGRESS_FROM = 4 << 20, PROGRESS_UNKNOWN_STEP = 16 << 20 };

typedef struct read_progress {
	char what[300];
	unsigned long long size, next; /* size 0: unknown */
	int shown;
} read_progress;

static int report_progress(reader *r, read_progress *p, unsigned long long total)
{
	if (!r->ctx->progress || total < p->next)
		return 0;
	if (!p->shown)
		snprintf(p->what, sizeof(p->what), "reading %s", r->file);
	p->shown = 1;
	p->next = total + (p->size >= 100 ? p->size / 100 : PROGRESS_UNKNOWN_STEP);
	return cm__progress(r->ctx, p->what, p->size ? (double)total / (double)p->size : -1);
}

static int read_stream(cm_series **out, cm_ctx *ctx, const char *name, chunk_fn next, void *src,
                       unsigned long long size, const cm_read_opts *opts)
{
	static const cm_read_opts defaults = CM_READ_OPTS_INIT;
	if (!opts)
		opts = &defaults;
	reader r;
	*out = NULL;
	if (cm__check_version(ctx, "cm_read_opts", opts->version, CM_READ_OPTS_VERSION))
		return CM_EINVAL;
	size_t before = cm__diag_errors(ctx);
	if (reader_init(&r, ctx, opts->display_name ? opts->display_name : name, opts))
		return cm__oom(ctx);
	char *buf = cm__malloc(CHUNK);
	unsigned long long total = 0;
	read_progress prog = {.size = size, .next = PROGRESS_FROM};
	int rc = buf ? 0 : CM_ENOMEM, ioerr = 0, cancelled = 0;
	while (!rc) {
		size_t n = next(src, buf, CHUNK, &ioerr);
		total += n;
		if (ioerr || check_bytes(&r, total) || (n == 0 && total == 0))
			break;
		rc = feed(&r, buf, n, n == 0);
		if (n == 0 || (cancelled = report_progress(&r, &prog, total)))
			break;
	}
	cm__free(buf);
	if (prog.shown)
		cm__progress(ctx, prog.what, 1.0);
	if (cancelled) {
		rc = cm__error(ctx, CM_ERROR, "error: reading %s cancelled", r.file);
	} else if (ioerr) {
		rc = cm__diag(ctx, CM_DIAG_ERROR, r.file, 0, 0, "cannot read: %s", strerror(ioerr));
		rc = rc ? rc : CM_EIO;
	} else if (rc != CM_ENOMEM || r.stop_code)
		rc = finish(&r, out, total);
	else
		rc = cm__oom(ctx);
	if (rc == 0 && cm__diag_errors(ctx) > before)
		rc = CM_EPARSE;
	reader_free(&r);
	return rc;
}

static size_t fp_chunk(void *src, char *buf, size_t size, int *err)
{
	size_t n = fread(buf, 1, size, src);
	if (n < size && ferror((FILE *)src))
		*err = errno ? errno : EIO;
	return n;
}

typedef struct mem_src {
	const char *p;
	size_t left;
} mem_src;

static size_t mem_chunk(void *src, char *buf, size_t size, int *err)
{
	mem_src *m = src;
	size_t n = m->left < size ? m->left : size;
	memcpy(buf, m->p, n);
	m->p += n;
	m->left -= n;
	return n;
}

/* Size of a regular file from its current position, 0 when unknown (pipes). */
static unsigned long long file_size(FILE *fp)
{
	struct stat st;
	long at = ftell(fp);
	if (fstat(fileno(fp), &st) || !S_ISREG(st.st_mode) || at < 0 || st.st_size < at)
		return 0;
	return (unsigned long long)(st.st_size - at);
}

int cm_read_opts_init(cm_read_opts *opts, unsigned int version)
{
	static const cm_read_opts defaults = CM_READ_OPTS_INIT;
	if (version != CM_READ_OPTS_VERSION)
		return CM_EINVAL;
	*opts = defaults;
	return 0;
}

int cm_series_read_fp(cm_series **out, cm_ctx *ctx, FILE *fp, const cm_read_opts *opts)
{
	return read_stream(out, ctx, "<stream>", fp_chunk, fp, file_size(fp), opts);
}

int cm_series_read_buffer(cm_series **out, cm_ctx *ctx, const char *buf, size_t len,
                          const cm_read_opts *opts)
{
	mem_src m = {buf, len};
	return read_stream(out, ctx, "<buffer>", mem_chunk, &m, len, opts);
}

int cm__graphml_read_file(cm_series **out, cm_ctx *ctx, const char *path, FILE *fp,
                          const cm_read_opts *opts)
{
	*out = NULL;
	return read_stream(out, ctx, path, fp_chunk, fp, file_size(fp), opts);
}
