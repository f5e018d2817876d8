/*
 * clustermap.h - network analysis of inter-firm linkages in industrial clusters.
 *
 * Conventions (the whole API follows them):
 *  - Every name starts with cm_ (types, functions) or CM_ (constants).
 *  - Functions that can fail return 0 on success or a negative CM_E* code; the
 *    one-line message of the last failure is in cm_ctx_errmsg(ctx).
 *  - Out-parameters come first.
 *  - Ownership: an object returned through an out-parameter belongs to the
 *    caller, who releases it with the matching cm_*_free(); every cm_*_free()
 *    accepts NULL. Strings and objects returned by accessors are borrowed: they
 *    live as long as the object they came from and must not be freed.
 *  - A cm_ctx is not thread-safe; use one per thread.
 */
#ifndef CLUSTERMAP_H
#define CLUSTERMAP_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CM_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

enum {
	CM_OK = 0,
	CM_ERROR = -1,     /* generic failure */
	CM_ENOMEM = -2,    /* out of memory */
	CM_EIO = -3,       /* reading or writing a file failed */
	CM_EPARSE = -4,    /* the input is not valid GraphML or breaks the data model */
	CM_ELIMIT = -5,    /* the input exceeds a configured limit */
	CM_EINVAL = -6,    /* invalid argument or option */
	CM_ENOTFOUND = -7, /* a named layer, attribute or actor does not exist */
	CM_EGRAPH = -8     /* a graph computation failed */
};

/* Short name of a CM_E* code, e.g. "out of memory". */
const char *cm_strerror(int code);

/* --------------------------------------------------------------- context */

typedef struct cm_ctx cm_ctx;

typedef enum { CM_DIAG_WARNING = 1, CM_DIAG_ERROR = 2 } cm_diag_level;

/* One diagnostic: where and what. file may be NULL for non-file problems;
 * line and col are 0 when unknown. */
typedef struct cm_diag {
	cm_diag_level level;
	const char *file;
	unsigned long line;
	unsigned long col;
	const char *message; /* "what is wrong; hint" without location */
} cm_diag;

/* Reader limits; 0 in a field means "no limit". */
typedef struct cm_limits {
	unsigned long long max_bytes;  /* input size */
	size_t max_nodes;              /* nodes per file */
	size_t max_edges;              /* edges per file */
	size_t max_depth;              /* XML element nesting */
	size_t max_id_length;          /* node, edge, key and graph ids */
	size_t max_value_length;       /* text of one <data> or <default> */
	size_t max_diagnostics;        /* diagnostics kept per read */
} cm_limits;

/* Progress callback: what is being done, and the share done in [0,1]
 * (negative when unknown). Return nonzero to cancel the computation. */
typedef int (*cm_progress_cb)(const char *what, double fraction, void *payload);

int cm_ctx_new(cm_ctx **out);
void cm_ctx_free(cm_ctx *ctx);

/* The message of the last failure, "" if none. Formatted
 * "FILE:LINE:COL: error: what; hint" when it refers to a place in a file. */
const char *cm_ctx_errmsg(const cm_ctx *ctx);

/* Diagnostics (warnings and errors) gathered since the last cm_ctx_clear(). */
size_t cm_ctx_diag_count(const cm_ctx *ctx);
const cm_diag *cm_ctx_diag(const cm_ctx *ctx, size_t i);
void cm_ctx_clear(cm_ctx *ctx);

/* Writes one diagnostic as "FILE:LINE:COL: warning|error: message\n". */
void cm_diag_print(FILE *fp, const cm_diag *d);

/* Default limits: enough for a 1M-node, 10M-edge file. */
void cm_limits_default(cm_limits *out);
void cm_ctx_set_limits(cm_ctx *ctx, const cm_limits *limits);
void cm_ctx_get_limits(cm_limits *out, const cm_ctx *ctx);

void cm_ctx_set_progress(cm_ctx *ctx, cm_progress_cb cb, void *payload);

/* Threads igraph may start inside one call (OpenMP); default 1. */
void cm_ctx_set_threads(cm_ctx *ctx, int threads);

/* ------------------------------------------------------------ data model */

typedef enum {
	CM_KIND_FIRM = 0,
	CM_KIND_ASSOCIATION,
	CM_KIND_CLUSTER_ORG,
	CM_KIND_TRAINING,
	CM_KIND_RESEARCH,
	CM_KIND_UNIVERSITY,
	CM_KIND_GOVERNMENT,
	CM_KIND_FINANCE,
	CM_KIND_OTHER,
	CM_KIND_COUNT
} cm_kind;

typedef enum {
	CM_SIZE_UNKNOWN = 0,
	CM_SIZE_MICRO,
	CM_SIZE_SMALL,
	CM_SIZE_MEDIUM,
	CM_SIZE_LARGE,
	CM_SIZE_COUNT
} cm_size;

typedef enum { CM_OWNERSHIP_LOCAL = 0, CM_OWNERSHIP_EXTERNAL } cm_ownership;
typedef enum { CM_LOCATION_INSIDE = 0, CM_LOCATION_OUTSIDE } cm_location;

/* Standard relation layers; other relations get indices from CM_REL_CUSTOM. */
typedef enum {
	CM_REL_SUPPLIER = 0,
	CM_REL_ASSOCIATION,
	CM_REL_INFORMATION,
	CM_REL_CUSTOM
} cm_relation;

/* Which node attributes a file gave explicitly (for completeness checks). */
enum {
	CM_HAS_KIND = 1u << 0,
	CM_HAS_SIZE = 1u << 1,
	CM_HAS_OWNERSHIP = 1u << 2,
	CM_HAS_LOCATION = 1u << 3,
	CM_HAS_LABEL = 1u << 4,
	CM_HAS_SECTOR = 1u << 5
};

const char *cm_kind_name(cm_kind kind);
const char *cm_size_name(cm_size size);
const char *cm_ownership_name(cm_ownership own);
const char *cm_location_name(cm_location loc);
/* Parses a vocabulary word; returns CM_EINVAL when it is not one. */
int cm_kind_parse(cm_kind *out, const char *word);
int cm_size_parse(cm_size *out, const char *word);
/* EU SME classes: micro < 10 employees, small < 50, medium < 250. */
cm_size cm_size_from_employees(long employees);

/* A network is one snapshot: actors, their attributes and typed ties. */
typedef struct cm_network cm_network;
/* A series is what one file (or several) holds: snapshots in order. */
typedef struct cm_series cm_series;

typedef struct cm_read_opts {
	/* "ours=theirs,..." maps another tool's attribute names onto the model,
	 * e.g. "relation=type,kind=category"; NULL for none. */
	const char *map;
	/* Information edges were recorded asker -> adviser: flip them. */
	int flip_information;
	/* Name used in diagnostics instead of the path (e.g. "<stdin>"). */
	const char *display_name;
} cm_read_opts;

void cm_read_opts_init(cm_read_opts *opts);

/* Read a GraphML file, stream or buffer. opts may be NULL. On failure *out is
 * NULL, the diagnostics are in ctx, and the first error is cm_ctx_errmsg(). */
int cm_series_read_file(cm_series **out, cm_ctx *ctx, const char *path, const cm_read_opts *opts);
int cm_series_read_fp(cm_series **out, cm_ctx *ctx, FILE *fp, const cm_read_opts *opts);
int cm_series_read_buffer(cm_series **out, cm_ctx *ctx, const char *buf, size_t len,
			  const cm_read_opts *opts);
void cm_series_free(cm_series *series);

size_t cm_series_count(const cm_series *series);
/* Borrowed; NULL when i is out of range. */
cm_network *cm_series_get(const cm_series *series, size_t i);
/* Moves snapshot i out of the series (the caller then owns it). */
cm_network *cm_series_take(cm_series *series, size_t i);
/* Appends a network (the series takes ownership). */
int cm_series_append(cm_series *series, cm_ctx *ctx, cm_network *net);
int cm_series_new(cm_series **out, cm_ctx *ctx);

/* Convenience: read a file that must hold exactly one snapshot. */
int cm_network_read_file(cm_network **out, cm_ctx *ctx, const char *path, const cm_read_opts *opts);
void cm_network_free(cm_network *net);

const char *cm_network_source(const cm_network *net); /* file name or "" */
const char *cm_network_id(const cm_network *net);     /* <graph id>, may be "" */
const char *cm_network_label(const cm_network *net);  /* graph label, may be "" */
/* Graph-level year, or 0 when the file gives none. */
int cm_network_year(const cm_network *net);

size_t cm_network_node_count(const cm_network *net);
size_t cm_network_edge_count(const cm_network *net);

/* Node accessors; i < cm_network_node_count(). */
const char *cm_network_node_id(const cm_network *net, size_t i);
/* Display name: the label, or the id when there is none. */
const char *cm_network_node_label(const cm_network *net, size_t i);
const char *cm_network_node_sector(const cm_network *net, size_t i); /* NULL if none */
cm_kind cm_network_node_kind(const cm_network *net, size_t i);
cm_size cm_network_node_size(const cm_network *net, size_t i);
cm_ownership cm_network_node_ownership(const cm_network *net, size_t i);
cm_location cm_network_node_location(const cm_network *net, size_t i);
unsigned cm_network_node_has(const cm_network *net, size_t i); /* CM_HAS_* mask */
/* Any node attribute by name (model attributes as their canonical words,
 * others as written); NULL when the node has no value. */
const char *cm_network_node_attr(const cm_network *net, size_t i, const char *name);
/* Index of the node with this id, or CM_ENOTFOUND. */
int cm_network_find_node(size_t *out, const cm_network *net, const char *id);

/* Edge accessors; e < cm_network_edge_count(). */
size_t cm_network_edge_source(const cm_network *net, size_t e);
size_t cm_network_edge_target(const cm_network *net, size_t e);
size_t cm_network_edge_layer(const cm_network *net, size_t e);
int cm_network_edge_directed(const cm_network *net, size_t e);
double cm_network_edge_weight(const cm_network *net, size_t e);
/* Edge year/start/end, 0 when absent. */
int cm_network_edge_year(const cm_network *net, size_t e);
int cm_network_edge_start(const cm_network *net, size_t e);
int cm_network_edge_end(const cm_network *net, size_t e);
const char *cm_network_edge_attr(const cm_network *net, size_t e, const char *name);

/* Relation layers present, in order: the three standard ones first (when
 * present), then custom ones in order of first appearance. */
size_t cm_network_layer_count(const cm_network *net);
const char *cm_network_layer_name(const cm_network *net, size_t layer);
/* Index of a layer by name (aliases accepted), or CM_ENOTFOUND. */
int cm_network_find_layer(size_t *out, const cm_network *net, const char *name);

/* Names of node attributes present beyond the model ones, for write-back. */
size_t cm_network_node_attr_count(const cm_network *net);
const char *cm_network_node_attr_name(const cm_network *net, size_t k);

/* Canonical relation name for a word (aliases folded): "supply" -> "supplier".
 * Returns the word itself when it is a custom relation. */
const char *cm_relation_canonical(const char *word);

/* ------------------------------------------------------------ output */

/* Output formats used by every report. */
typedef enum { CM_FORMAT_TEXT = 0, CM_FORMAT_JSON, CM_FORMAT_CSV } cm_format;
int cm_format_parse(cm_format *out, const char *word);

/* An output file written atomically: data goes to a temporary file in the
 * same folder, renamed over the target only by cm_output_commit(). "-" is
 * standard output. cm_output_free() without commit discards the file. */
typedef struct cm_output cm_output;
int cm_output_open(cm_output **out, cm_ctx *ctx, const char *path);
FILE *cm_output_fp(cm_output *o);
int cm_output_commit(cm_output *o, cm_ctx *ctx);
void cm_output_free(cm_output *o);

/* ------------------------------------------------------------ info */

/* The summary behind `clustermap info`: counts by attribute, layers,
 * direction, snapshots, isolates, completeness, and the diagnostics. */
int cm_info_write(FILE *fp, cm_ctx *ctx, const cm_series *series, cm_format format);

/* ------------------------------------------------------------ GraphML write */

/* Write a network back as GraphML; node_values, when not NULL, adds extra
 * numeric node attributes: names[k] with values[k][i] for node i. */
typedef struct cm_node_columns {
	size_t count;
	const char *const *names;
	const double *const *values;
} cm_node_columns;
int cm_network_write_graphml(FILE *fp, cm_ctx *ctx, const cm_network *net,
			     const cm_node_columns *extra);

/* ------------------------------------------------------------ metrics */

/* Network-, actor- and group-level measures per relation layer; see
 * docs/metrics.md for every definition. Layers are those of the network
 * plus "all" (the union of every layer as an undirected simple graph). */
typedef struct cm_metrics cm_metrics;

typedef struct cm_metrics_opts {
	const char *layer;     /* one layer only (name or "all"), NULL for every layer */
	int weighted;          /* use tie weights where a measure allows */
	int inside_only;       /* restrict to actors with location=inside */
	const char *groups;    /* attribute for E-I and brokerage (default "location") */
	unsigned long permutations; /* E-I permutation test (default 1000; 0 = none) */
	unsigned long seed;    /* for permutations, community detection, sampling */
	size_t approx;         /* >0: sample this many sources for betweenness/closeness */
	int exact;             /* never sample, whatever the size */
} cm_metrics_opts;

void cm_metrics_opts_init(cm_metrics_opts *opts);

int cm_metrics_compute(cm_metrics **out, cm_ctx *ctx, const cm_network *net,
		       const cm_metrics_opts *opts);
void cm_metrics_free(cm_metrics *m);

size_t cm_metrics_layer_count(const cm_metrics *m);
const char *cm_metrics_layer_name(const cm_metrics *m, size_t layer);
int cm_metrics_layer_directed(const cm_metrics *m, size_t layer);
/* Index of a layer by name, or CM_ENOTFOUND. */
int cm_metrics_find_layer(size_t *out, const cm_metrics *m, const char *name);

/* A network-level measure by its JSON name ("density",
 * "centralization.degree", ...); NaN when undefined for the layer, and
 * CM_ENOTFOUND for an unknown name. */
int cm_metrics_network_value(double *out, const cm_metrics *m, size_t layer, const char *name);
/* An actor-level measure ("degree", "betweenness", ...) for every actor of
 * the network (NaN where undefined or outside --inside-only); the array is
 * borrowed and has cm_network_node_count() entries. */
int cm_metrics_actor_values(const double **out, const cm_metrics *m, size_t layer,
			    const char *name);
/* Names of the measures, NULL-terminated. */
const char *const *cm_metrics_network_names(void);
const char *const *cm_metrics_actor_names(void);

/* Writes the measures as text tables, JSON (docs/json.md) or CSV (one row
 * per actor and layer). nodes: include the actor table in text output. */
int cm_metrics_write(FILE *fp, cm_ctx *ctx, const cm_metrics *m, cm_format format, int nodes);

#ifdef __cplusplus
}
#endif
#endif /* CLUSTERMAP_H */
