/* SPDX-License-Identifier: MIT */
/*
 * clustermap.h - network analysis of inter-firm linkages in industrial clusters.
 *
 * Conventions (the whole API follows them; docs/api.md gives the details):
 *  - Every name starts with cm_ (types, functions) or CM_ (constants).
 *  - Argument order: out-parameters (or the FILE * a writer writes to)
 *    first, then the context, then the object the function works on, then
 *    the other inputs, options last:
 *        int cm_x_y(cm_thing **out, cm_ctx *ctx, const cm_x *x, ..., opts);
 *    A function with no out-parameter starts with the context.
 *  - Functions that can fail return int: 0 on success or a negative CM_E*
 *    code, with the one-line message of the failure in cm_ctx_errmsg(ctx).
 *    int is used for nothing else: predicates return bool, and values come
 *    back through out-parameters.
 *  - Getters that take an index check it: out of range is CM_EINVAL with a
 *    message in the context (which may be NULL for no message). Getters that cannot fail (counts,
 * names of a whole object) return the value. Lookups by name (cm_*_find_*) return CM_ENOTFOUND and
 * leave the context alone: not finding is an answer.
 *  - Option structs start with `unsigned int version`: initialise them with
 *    CM_X_OPTS_INIT or cm_x_opts_init(&opts, CM_X_OPTS_VERSION), then set
 *    fields. A function given a version it does not know returns CM_EINVAL.
 *  - Ownership: an object returned through an out-parameter belongs to the
 *    caller, who releases it with the matching cm_*_free(); every cm_*_free()
 *    accepts NULL. Strings and objects returned by accessors are borrowed: they
 *    live as long as the object they came from and must not be freed.
 *  - Threads: a cm_ctx, and any object, is used by one thread at a time.
 *    Functions taking a const object only read it, so threads may share a
 *    network. Reading, the accessors and the writers run concurrently on
 *    separate contexts. Calls that use igraph (cm_metrics_compute,
 *    cm_classify, cm_diff_compute, cm_timeline_compute, and rendering with
 *    its own measures) must not overlap in one process, with each other or
 *    with the program's own igraph calls: Debian's igraph 0.10.2 keeps its
 *    random generator, error handlers and cleanup stack in globals.
 *    Rendering (Graphviz, process-wide state): one thread at a time.
 *  - Global state: a call leaves igraph's default random generator, error
 *    and warning handlers and the OpenMP thread count as it found them, and
 *    starts no process unless cm_ctx_set_jobs() asks for workers. The
 *    progress callback runs inside such a call and must not use igraph.
 */
#ifndef CLUSTERMAP_H
#define CLUSTERMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; cm_version() gives the library's at run time. */
#define CM_VERSION       "0.1.0"
#define CM_VERSION_MAJOR 0
#define CM_VERSION_MINOR 1
#define CM_VERSION_PATCH 0

/* The library's version, "MAJOR.MINOR.PATCH", and its parts (any may be NULL). */
const char *cm_version(void);
void cm_version_numbers(int *major, int *minor, int *patch);

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

/* ---------------------------------------------------------------- buffers */

/* Output into memory: every writer that takes a FILE * has a _buf variant
 * writing the same bytes here. A writer replaces the buffer's contents: ptr
 * (NUL-terminated, owned by the buffer) holds size bytes; on failure the
 * buffer is empty. Release with cm_buf_dispose(), which leaves it empty. */
typedef struct cm_buf {
	char *ptr;
	size_t size;
} cm_buf;
#define CM_BUF_INIT                                                                                \
	{                                                                                          \
		NULL, 0                                                                            \
	}
void cm_buf_dispose(cm_buf *buf);

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

/* Reader limits; 0 in a field means "no limit". Versioned like the option
 * structs: CM_LIMITS_INIT or cm_limits_init() give the defaults. */
typedef struct cm_limits {
	unsigned int version;         /* CM_LIMITS_VERSION */
	unsigned long long max_bytes; /* input size */
	size_t max_nodes;             /* nodes per file */
	size_t max_edges;             /* edges per file */
	size_t max_depth;             /* XML element nesting */
	size_t max_id_length;         /* node, edge, key and graph ids */
	size_t max_value_length;      /* text of one <data> or <default> */
	size_t max_diagnostics;       /* diagnostics kept per read */
	size_t max_snapshots;         /* <graph> elements per file */
	size_t max_attributes;        /* attributes and namespaces of one element */
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
/* Diagnostic i (borrowed, valid until the next cm_ctx_clear()). */
int cm_ctx_diag(const cm_diag **out, cm_ctx *ctx, size_t i);
void cm_ctx_clear(cm_ctx *ctx);

/* Copies s into buf (size bytes, NUL-terminated) with every control
 * character escaped: \n, \t, \r, \xNN for other C0 characters, DEL and
 * bytes that are not UTF-8, \u{NN} for U+0080-U+009F. Stops before a
 * character or an escape that would not fit. Returns the bytes written.
 * Messages and diagnostics are escaped this way already. */
size_t cm_escape(char *buf, size_t size, const char *s);

/* Writes one diagnostic as "FILE:LINE:COL: warning|error: message\n". */
void cm_diag_print(FILE *fp, const cm_diag *d);
int cm_diag_print_buf(cm_buf *out, cm_ctx *ctx, const cm_diag *d);

/* Default limits: enough for a 1M-node, 10M-edge file. */
#define CM_LIMITS_VERSION 1
#define CM_LIMITS_INIT                                                                             \
	{                                                                                          \
		CM_LIMITS_VERSION, 4ULL << 30, 20000000, 100000000, 64, 4096, 1 << 20, 1000,       \
		    10000, 256                                                                     \
	}
/* Sets *limits to the defaults; CM_EINVAL for an unknown version. */
int cm_limits_init(cm_limits *limits, unsigned int version);
/* CM_EINVAL (limits unchanged) for an unknown version. */
int cm_ctx_set_limits(cm_ctx *ctx, const cm_limits *limits);
/* The context's limits, as a struct of the current version. */
void cm_ctx_get_limits(cm_limits *out, const cm_ctx *ctx);

void cm_ctx_set_progress(cm_ctx *ctx, cm_progress_cb cb, void *payload);

/* Threads igraph may start inside one call (OpenMP); default 1. */
void cm_ctx_set_threads(cm_ctx *ctx, int threads);
/* Worker processes (fork()ed children) for the layers of cm_metrics_compute()
 * and for exact betweenness: 1 (the default) none, everything runs in the
 * caller's process; N > 1 that many; CM_JOBS_AUTO one per free core on large
 * networks. Any other value counts as 1. Results do not depend on it. */
#define CM_JOBS_AUTO (-1)
void cm_ctx_set_jobs(cm_ctx *ctx, int jobs);

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
	unsigned int version; /* CM_READ_OPTS_VERSION */
	/* "ours=theirs,..." maps another tool's attribute names onto the model,
	 * e.g. "relation=type,kind=category"; NULL for none. */
	const char *map;
	/* Information edges were recorded asker -> adviser: flip them (the
	 * same as direction "information=reverse"). */
	bool flip_information;
	/* Relations recorded against the model's direction, reversed on
	 * reading: "RELATION=reverse[,...]" (e.g. "supplier=reverse" for a
	 * survey recorded buyer -> seller); NULL for none. A file may declare
	 * the same in a graph attribute "direction" (docs/graphml.md). */
	const char *direction;
	/* Employees from which a firm is small, medium and large (the
	 * "employees" attribute); zeros for the EU's 10, 50, 250. */
	long size_bands[3];
	/* Name used in diagnostics instead of the path (e.g. "<stdin>"). */
	const char *display_name;
} cm_read_opts;

#define CM_READ_OPTS_VERSION 1
#define CM_READ_OPTS_INIT                                                                          \
	{                                                                                          \
		.version = CM_READ_OPTS_VERSION                                                    \
	}
/* Sets *opts to the defaults; CM_EINVAL for an unknown version. */
int cm_read_opts_init(cm_read_opts *opts, unsigned int version);

/* Read a GraphML file, stream or buffer. opts may be NULL. On failure *out is
 * NULL, the diagnostics are in ctx, and the first error is cm_ctx_errmsg(). */
int cm_series_read_file(cm_series **out, cm_ctx *ctx, const char *path, const cm_read_opts *opts);
int cm_series_read_fp(cm_series **out, cm_ctx *ctx, FILE *fp, const cm_read_opts *opts);
int cm_series_read_buffer(cm_series **out, cm_ctx *ctx, const char *buf, size_t len,
                          const cm_read_opts *opts);
void cm_series_free(cm_series *series);

size_t cm_series_count(const cm_series *series);
/* Snapshot i, borrowed from the series. */
int cm_series_get(const cm_network **out, cm_ctx *ctx, const cm_series *series, size_t i);
/* Moves snapshot i out of the series (the caller then owns it). */
int cm_series_take(cm_network **out, cm_ctx *ctx, cm_series *series, size_t i);
/* Appends a network: on success the series owns it. */
int cm_series_append(cm_ctx *ctx, cm_series *series, cm_network *net);
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

/* Node accessors: node i, CM_EINVAL when i >= cm_network_node_count(). */
int cm_network_node_id(const char **out, cm_ctx *ctx, const cm_network *net, size_t i);
/* Display name: the label, or the id when there is none. */
int cm_network_node_label(const char **out, cm_ctx *ctx, const cm_network *net, size_t i);
/* NULL when the node has none. */
int cm_network_node_sector(const char **out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_kind(cm_kind *out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_size(cm_size *out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_ownership(cm_ownership *out, cm_ctx *ctx, const cm_network *net, size_t i);
int cm_network_node_location(cm_location *out, cm_ctx *ctx, const cm_network *net, size_t i);
/* A mask of CM_HAS_* bits. */
int cm_network_node_has(unsigned *out, cm_ctx *ctx, const cm_network *net, size_t i);
/* Any node attribute by name (model attributes as their canonical words,
 * others as written); *out is NULL when the node has no value. */
int cm_network_node_attr(const char **out, cm_ctx *ctx, const cm_network *net, size_t i,
                         const char *name);
/* Index of the node with this id, or CM_ENOTFOUND. */
int cm_network_find_node(size_t *out, const cm_network *net, const char *id);

/* Edge accessors: edge e, CM_EINVAL when e >= cm_network_edge_count(). */
int cm_network_edge_source(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_target(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_layer(size_t *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_directed(bool *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_weight(double *out, cm_ctx *ctx, const cm_network *net, size_t e);
/* Edge year/start/end, 0 when absent. */
int cm_network_edge_year(int *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_start(int *out, cm_ctx *ctx, const cm_network *net, size_t e);
int cm_network_edge_end(int *out, cm_ctx *ctx, const cm_network *net, size_t e);
/* Any edge attribute by name ("relation" is the layer's name); *out is
 * NULL when the edge has no value. */
int cm_network_edge_attr(const char **out, cm_ctx *ctx, const cm_network *net, size_t e,
                         const char *name);

/* Relation layers present, in order: the three standard ones first (when
 * present), then custom ones in order of first appearance. */
size_t cm_network_layer_count(const cm_network *net);
int cm_network_layer_name(const char **out, cm_ctx *ctx, const cm_network *net, size_t layer);
/* Index of a layer by name (aliases accepted), or CM_ENOTFOUND. */
int cm_network_find_layer(size_t *out, const cm_network *net, const char *name);

/* Names of node attributes present beyond the model ones, for write-back. */
size_t cm_network_node_attr_count(const cm_network *net);
int cm_network_node_attr_name(const char **out, cm_ctx *ctx, const cm_network *net, size_t k);

/* Canonical relation name for a word (aliases folded): "supply" -> "supplier".
 * Returns the word itself when it is a custom relation. */
const char *cm_relation_canonical(const char *word);

/* ------------------------------------------------------------ output */

/* Output formats used by every report. */
typedef enum { CM_FORMAT_TEXT = 0, CM_FORMAT_JSON, CM_FORMAT_CSV } cm_format;
int cm_format_parse(cm_format *out, const char *word);

/* An output file written atomically: data goes to a temporary file in the
 * same folder, renamed over the target only by cm_output_commit(). "-" is
 * standard output. cm_output_free() without commit discards the file.
 * A symbolic link is followed and its target replaced (the link stays); an
 * existing file's mode and owner (when the process may set it) are kept; a
 * device, FIFO or socket is written directly, never replaced. */
typedef struct cm_output cm_output;
int cm_output_open(cm_output **out, cm_ctx *ctx, const char *path);
FILE *cm_output_fp(cm_output *o);
int cm_output_commit(cm_ctx *ctx, cm_output *o);
void cm_output_free(cm_output *o);

/* What happens to the temporary files of a context's outputs, for a
 * program that removes them when it is killed: the library installs no
 * signal handler. CM_TEMP_CREATING: tmp is about to be created, and the
 * string stays valid until the GONE or READY call for it. CM_TEMP_GONE:
 * tmp was renamed over its target or removed. CM_TEMP_READY: tmp is
 * complete (flushed, synced and closed) and target is the file it would
 * replace; returning 1 takes it over (the program renames or removes it,
 * e.g. only once every output of a run succeeded, and the library forgets
 * it), 0 lets cm_output_commit() rename it now. */
typedef enum { CM_TEMP_CREATING, CM_TEMP_GONE, CM_TEMP_READY } cm_temp_event;
typedef int (*cm_temp_cb)(cm_temp_event ev, const char *tmp, const char *target, void *payload);
void cm_ctx_set_temp_hook(cm_ctx *ctx, cm_temp_cb cb, void *payload);

/* ------------------------------------------------------------ info */

/* The summary behind `clustermap info`: counts by attribute, layers,
 * direction, snapshots, isolates, completeness, and the diagnostics. */
int cm_info_write(FILE *fp, cm_ctx *ctx, const cm_series *series, cm_format format);
int cm_info_write_buf(cm_buf *out, cm_ctx *ctx, const cm_series *series, cm_format format);

/* ------------------------------------------------------------ import */

/* Spreadsheets into the data model (docs/import.md): a node sheet and an
 * edge sheet, survey answers in long form, or an adjacency matrix, as CSV
 * files or the sheets of an XLSX workbook. A sheet is a CSV path, or with
 * a workbook the name of one of its sheets. */
typedef struct cm_import_opts {
	unsigned int version; /* CM_IMPORT_OPTS_VERSION */
	const char *workbook; /* an .xlsx file, or NULL for CSV sheets */
	const char *nodes;    /* node sheet; NULL: none, or "nodes" in a workbook */
	const char *edges;    /* edge or survey sheet; NULL: none, or "edges" in a workbook */
	const char *matrix;   /* adjacency matrix sheet, or NULL */
	const char *relation; /* the matrix's relation (required with matrix) */
	bool rows_receive;    /* matrix rows receive from columns (default: rows send) */
	const char *map;      /* mapping file (docs/import.md), or NULL */
	char delimiter;       /* CSV field separator; 0: detect (',' ';' or tab) */
	char decimal;         /* '.' or ','; 0: detect */
	bool add_missing;     /* names not in the node sheet become outside actors */
	cm_buf *summary;      /* receives what was read and what was not, or NULL */
} cm_import_opts;

#define CM_IMPORT_OPTS_VERSION 1
#define CM_IMPORT_OPTS_INIT                                                                        \
	{                                                                                          \
		.version = CM_IMPORT_OPTS_VERSION                                                  \
	}
int cm_import_opts_init(cm_import_opts *opts, unsigned int version);

/* Builds a network from the sheets opts names. On failure *out is NULL and
 * every problem is a diagnostic of ctx ("FILE:ROW:COL: error: ..." for CSV,
 * "BOOK.xlsx[edges]!C12: error: ..." for a workbook): CM_EPARSE for bad
 * input, CM_EIO when a file cannot be read, CM_ELIMIT past ctx's limits
 * (max_bytes also caps a workbook's uncompressed size). */
int cm_import_read(cm_network **out, cm_ctx *ctx, const cm_import_opts *opts);

/* A blank survey workbook (sheets nodes, edges, instructions, with the
 * allowed values) written as XLSX to fp. */
int cm_import_template_xlsx(FILE *fp, cm_ctx *ctx);
int cm_import_template_xlsx_buf(cm_buf *out, cm_ctx *ctx);
/* One sheet of the blank survey as CSV: which is "nodes" or "edges". */
int cm_import_template_csv(FILE *fp, cm_ctx *ctx, const char *which);
int cm_import_template_csv_buf(cm_buf *out, cm_ctx *ctx, const char *which);

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
int cm_network_write_graphml_buf(cm_buf *out, cm_ctx *ctx, const cm_network *net,
                                 const cm_node_columns *extra);

/* ------------------------------------------------------------ builder */

/* A network made from code. Attribute values are text and land in the data
 * model as a GraphML <data> value of a key with that name does
 * (docs/graphml.md): "label", "kind", "size", "employees", "ownership",
 * "location", "sector" for actors; "year", "start", "end" (and "weight")
 * for ties; "label", "year" and "id" for the graph; any other name is a
 * free attribute, kept as written. An empty value is no value. A value the
 * model refuses is CM_EINVAL with a message; one it reads past (a word not
 * in a vocabulary) is a warning diagnostic in the context. */
typedef struct cm_builder cm_builder;
int cm_builder_new(cm_builder **out, cm_ctx *ctx);
void cm_builder_free(cm_builder *b);
/* CM_EINVAL for an empty or repeated id; CM_ELIMIT past the node limit. */
int cm_builder_add_actor(cm_ctx *ctx, cm_builder *b, const char *id);
/* CM_ENOTFOUND for an actor not added. */
int cm_builder_set_actor_attr(cm_ctx *ctx, cm_builder *b, const char *id, const char *name,
                              const char *value);
/* A tie between two actors added before, in a relation (NULL: "untyped")
 * with a weight (finite); *index (may be NULL) gets the tie's index. */
int cm_builder_add_tie(size_t *index, cm_ctx *ctx, cm_builder *b, const char *source,
                       const char *target, const char *relation, double weight, bool directed);
int cm_builder_set_tie_attr(cm_ctx *ctx, cm_builder *b, size_t tie, const char *name,
                            const char *value);
int cm_builder_set_graph_attr(cm_ctx *ctx, cm_builder *b, const char *name, const char *value);
/* The network (owned by the caller); the builder then takes nothing more. */
int cm_builder_finish(cm_network **out, cm_ctx *ctx, cm_builder *b);

/* ------------------------------------------------------------ metrics */

/* Network-, actor- and group-level measures per relation layer; see
 * docs/metrics.md for every definition. Layers are those of the network
 * plus "all" (the union of every layer as an undirected simple graph). */
typedef struct cm_metrics cm_metrics;

typedef struct cm_metrics_opts {
	unsigned int version;       /* CM_METRICS_OPTS_VERSION */
	const char *layer;          /* one layer only (name or "all"), NULL for every layer */
	bool weighted;              /* use tie weights where a measure allows */
	bool inside_only;           /* restrict to actors with location=inside */
	const char *groups;         /* attribute for E-I and brokerage (default "location") */
	unsigned long permutations; /* E-I permutation test (default 1000; 0 = none) */
	unsigned long seed;         /* for permutations, community detection, sampling */
	size_t approx;              /* >0: sample this many sources for betweenness/closeness */
	bool exact;                 /* never sample, whatever the size */
} cm_metrics_opts;

#define CM_METRICS_OPTS_VERSION 1
#define CM_METRICS_OPTS_INIT                                                                       \
	{                                                                                          \
		.version = CM_METRICS_OPTS_VERSION, .groups = "location", .permutations = 1000,    \
		.seed = 1                                                                          \
	}
int cm_metrics_opts_init(cm_metrics_opts *opts, unsigned int version);

/* Measures every layer (or opts->layer) of net; opts NULL for the defaults.
 * The result borrows net, which must outlive it. CM_ENOTFOUND for an unknown
 * layer or a --groups attribute no actor has; CM_EINVAL for a non-positive
 * weight with opts->weighted; CM_EGRAPH when igraph fails. */
int cm_metrics_compute(cm_metrics **out, cm_ctx *ctx, const cm_network *net,
                       const cm_metrics_opts *opts);
void cm_metrics_free(cm_metrics *m);

size_t cm_metrics_layer_count(const cm_metrics *m);
/* Layer accessors: CM_EINVAL when layer >= cm_metrics_layer_count(). */
int cm_metrics_layer_name(const char **out, cm_ctx *ctx, const cm_metrics *m, size_t layer);
int cm_metrics_layer_directed(bool *out, cm_ctx *ctx, const cm_metrics *m, size_t layer);
/* Index of a layer by name, or CM_ENOTFOUND. */
int cm_metrics_find_layer(size_t *out, const cm_metrics *m, const char *name);

/* A network-level measure by its JSON name ("density",
 * "centralization.degree", ...; also "ei.external", "ei.internal",
 * "ei.index", "ei.min", "ei.max", "ei.expected", "ei.p_value", "ei.p_lower",
 * "ei.p_upper", "core_periphery.fit", "core_periphery.core_size"); NaN when
 * undefined for the layer, and CM_ENOTFOUND for an unknown name. */
int cm_metrics_network_value(double *out, cm_ctx *ctx, const cm_metrics *m, size_t layer,
                             const char *name);
/* An actor-level measure ("degree", "betweenness", ...) for every actor of
 * the network (NaN where undefined or outside --inside-only); the array is
 * borrowed and has cm_network_node_count() entries. */
int cm_metrics_actor_values(const double **out, cm_ctx *ctx, const cm_metrics *m, size_t layer,
                            const char *name);
/* Names of the measures, NULL-terminated. */
const char *const *cm_metrics_network_names(void);
const char *const *cm_metrics_actor_names(void);

/* Flags of cm_metrics_write(). */
enum {
	CM_METRICS_NODES = 1,     /* include the actor table in text output */
	CM_METRICS_SNAPSHOT = 2,  /* JSON: a "snapshot" object; CSV: input and snapshot columns */
	CM_METRICS_NO_HEADER = 4, /* CSV: rows only, to follow an earlier report's header */
	CM_METRICS_NAMES = 8      /* JSON and CSV: each actor's label, kind, size, ownership
	                           * and location beside its id (empty or null when missing) */
};

/* Writes the measures as text tables, JSON (docs/json.md) or CSV (one row
 * per actor and layer). flags: CM_METRICS_* or 0; 1 is CM_METRICS_NODES. */
int cm_metrics_write(FILE *fp, cm_ctx *ctx, const cm_metrics *m, cm_format format, int flags);
int cm_metrics_write_buf(cm_buf *out, cm_ctx *ctx, const cm_metrics *m, cm_format format,
                         int flags);

/* ------------------------------------------------------------ compare */

/* Declared in full in the classify and render sections below. */
struct cm_classify_opts;
struct cm_classification;
struct cm_render_opts;

/* Comparison over time; docs/time.md gives every rule and formula.
 *
 * Slicing a dated graph: a tie or actor is present in year t when
 * start <= t <= end (both bounds inclusive, a missing bound is open); `year`
 * alone acts as start (present from that year on); without dates always
 * present. An actor is also present when a tie present at t involves it.
 * Only layers with a tie at t appear in the slice. */
int cm_network_slice(cm_network **out, cm_ctx *ctx, const cm_network *net, int year);
/* Every distinct year named by a node's or edge's start, end or year,
 * ascending; *out (owned, release with cm_years_free) is NULL when none. */
int cm_network_years(int **out, size_t *count, cm_ctx *ctx, const cm_network *net);
void cm_years_free(int *years);
/* One snapshot per year (years ascending and distinct, else CM_EINVAL);
 * years NULL: cm_network_years(). CM_EINVAL when the graph has no dates. */
int cm_series_slice(cm_series **out, cm_ctx *ctx, const cm_network *net, const int *years,
                    size_t count);

typedef struct cm_compare_opts {
	unsigned int version; /* CM_COMPARE_OPTS_VERSION */
	/* Node attribute that identifies an actor across snapshots ("label",
	 * "vat", ...); NULL for the node id. Values must be unique per snapshot. */
	const char *match_by;
	unsigned long permutations; /* QAP permutations (default 1000; 0 = no test) */
	unsigned long seed;         /* QAP permutation seed (default 1) */
	cm_metrics_opts metrics;    /* how each snapshot is measured */
	/* How each snapshot is classified (cm_classify); NULL for the defaults
	 * with the seed above. */
	const struct cm_classify_opts *classify;
	bool no_classify; /* skip the classification */
} cm_compare_opts;

#define CM_COMPARE_OPTS_VERSION 1
#define CM_COMPARE_OPTS_INIT                                                                       \
	{                                                                                          \
		.version = CM_COMPARE_OPTS_VERSION, .permutations = 1000, .seed = 1,               \
		.metrics = CM_METRICS_OPTS_INIT                                                    \
	}
/* Also initialises opts->metrics (at its current version). */
int cm_compare_opts_init(cm_compare_opts *opts, unsigned int version);

/* What happened to an actor or a tie between two snapshots. */
typedef enum { CM_CHANGE_ENTERED = 0, CM_CHANGE_LEFT, CM_CHANGE_STAYED, CM_CHANGE_COUNT } cm_change;
/* For ties: formed = entered, dissolved = left, persisted = stayed. */
#define CM_CHANGE_FORMED    CM_CHANGE_ENTERED
#define CM_CHANGE_DISSOLVED CM_CHANGE_LEFT
#define CM_CHANGE_PERSISTED CM_CHANGE_STAYED
/* "entered", "left", "stayed" (actors) or "formed", "dissolved", "persisted" (ties). */
const char *cm_change_name(cm_change change, bool ties);

/* QAP: Pearson correlation of the two binary adjacency matrices over the
 * actors of both snapshots (off-diagonal cells; one triangle when the layer
 * is undirected) and the share of label permutations of the newer matrix
 * whose correlation is at least r, p = (k + 1) / (permutations + 1). */
typedef struct cm_qap {
	double r;                  /* NaN when either matrix is constant */
	double p;                  /* NaN when r is NaN or no permutations ran */
	double perm_mean, perm_sd; /* of the permuted correlations (NaN if none) */
	unsigned long permutations;
	size_t actors; /* common actors */
} cm_qap;

/* The comparison of two snapshots. Actors are listed by their match key in
 * strcmp order; layers are those of either snapshot (old order, then new
 * ones) followed by "all", the union of every layer as undirected pairs. */
typedef struct cm_diff cm_diff;

int cm_diff_compute(cm_diff **out, cm_ctx *ctx, const cm_network *old_net,
                    const cm_network *new_net, const cm_compare_opts *opts);
void cm_diff_free(cm_diff *d);

/* 0 for a change that is not one of the three. */
size_t cm_diff_actor_count(const cm_diff *d, cm_change change);
/* Match key and snapshot node index (old for left/stayed, new for entered)
 * of the i-th actor with this change; node may be NULL. */
int cm_diff_actor(const char **key, size_t *node, cm_ctx *ctx, const cm_diff *d, cm_change change,
                  size_t i);

/* Layer accessors: CM_EINVAL when layer >= cm_diff_layer_count(). */
size_t cm_diff_layer_count(const cm_diff *d);
int cm_diff_layer_name(const char **out, cm_ctx *ctx, const cm_diff *d, size_t layer);
int cm_diff_layer_directed(bool *out, cm_ctx *ctx, const cm_diff *d, size_t layer);
int cm_diff_tie_count(size_t *out, cm_ctx *ctx, const cm_diff *d, size_t layer, cm_change change);
/* Match keys of the i-th tie (from -> to when directed; from < to otherwise). */
int cm_diff_tie(const char **from, const char **to, cm_ctx *ctx, const cm_diff *d, size_t layer,
                cm_change change, size_t i);
/* Jaccard of the tie sets, persisted / (formed + dissolved + persisted); NaN
 * when both are empty. */
int cm_diff_jaccard(double *out, cm_ctx *ctx, const cm_diff *d, size_t layer);
/* Borrowed from the diff. */
int cm_diff_qap(const cm_qap **out, cm_ctx *ctx, const cm_diff *d, size_t layer);

/* Network-level measures of both snapshots: for measure k, its layer and
 * name, and the old and new values (NaN when undefined or the layer is
 * absent); delta = new - old. */
size_t cm_diff_measure_count(const cm_diff *d);
int cm_diff_measure(const char **layer, const char **name, double *old_value, double *new_value,
                    cm_ctx *ctx, const cm_diff *d, size_t k);

/* The classification of the old (newer false) or new snapshot; NULL when
 * no_classify was set. Borrowed. */
const struct cm_classification *cm_diff_classification(const cm_diff *d, bool newer);

/* The diff as one network, for drawing: every actor of either snapshot
 * (id = match key, attributes from the newer snapshot that has it) and every
 * tie of either, per layer. node_change[i] and edge_change[e] (owned, release
 * with cm_changes_free) say what happened to each. */
int cm_diff_network(cm_network **out, cm_change **node_change, cm_change **edge_change, cm_ctx *ctx,
                    const cm_diff *d);
void cm_changes_free(cm_change *changes);
/* The change diagram (docs/render.md): both snapshots on the same
 * positions, persisted ties grey, formed green, dissolved red and dashed,
 * entered and departed actors marked, with a legend. opts may be NULL; its
 * change arrays, metrics and classification are set here. */
int cm_diff_render(cm_ctx *ctx, const cm_diff *d, const char *path,
                   const struct cm_render_opts *opts);

/* Text, JSON (docs/json.md, "diff") or CSV (one row per item): actors
 * named beside their keys, the attribute changes of the actors in both
 * snapshots, and the ties formed and dissolved (persisted ones counted). */
int cm_diff_write(FILE *fp, cm_ctx *ctx, const cm_diff *d, cm_format format);
/* Flags of cm_diff_write_flags(). */
enum {
	CM_DIFF_PERSISTED = 1, /* list the persisted ties too */
	CM_DIFF_NO_NAMES = 2   /* keys only, no labels beside them */
};
/* cm_diff_write with CM_DIFF_* flags (0: as cm_diff_write). */
int cm_diff_write_flags(FILE *fp, cm_ctx *ctx, const cm_diff *d, cm_format format, int flags);
int cm_diff_write_flags_buf(cm_buf *out, cm_ctx *ctx, const cm_diff *d, cm_format format,
                            int flags);
int cm_diff_write_buf(cm_buf *out, cm_ctx *ctx, const cm_diff *d, cm_format format);

/* Measures of every snapshot of a series, and the diff of each snapshot
 * with the one before. */
typedef struct cm_timeline cm_timeline;

int cm_timeline_compute(cm_timeline **out, cm_ctx *ctx, const cm_series *series,
                        const cm_compare_opts *opts);
void cm_timeline_free(cm_timeline *tl);

/* Snapshot accessors: CM_EINVAL when i >= cm_timeline_count(). */
size_t cm_timeline_count(const cm_timeline *tl);
/* Name of snapshot i: its label, else its year, else its graph id, else "#i+1". */
int cm_timeline_name(const char **out, cm_ctx *ctx, const cm_timeline *tl, size_t i);
int cm_timeline_year(int *out, cm_ctx *ctx, const cm_timeline *tl, size_t i); /* 0 when none */
/* Borrowed measures of snapshot i; diff of snapshot i with i-1 (NULL for i = 0). */
int cm_timeline_metrics(const cm_metrics **out, cm_ctx *ctx, const cm_timeline *tl, size_t i);
int cm_timeline_diff(const cm_diff **out, cm_ctx *ctx, const cm_timeline *tl, size_t i);
/* Classification of snapshot i (NULL when no_classify was set); borrowed. */
int cm_timeline_classification(const struct cm_classification **out, cm_ctx *ctx,
                               const cm_timeline *tl, size_t i);
/* A network-level measure of snapshot i in a layer; NaN when the snapshot
 * lacks the layer. CM_ENOTFOUND for an unknown measure. */
int cm_timeline_value(double *out, cm_ctx *ctx, const cm_timeline *tl, size_t i, const char *layer,
                      const char *measure);

/* Small multiples: one diagram per snapshot, DIR/NAME.EXT (EXT from
 * opts->format), all on the positions of one layout of every actor and tie
 * of the series; DIR must exist. opts may be NULL. Each panel's title is
 * the snapshot's name, with its year when the name does not say it, after
 * opts->title and ": " when given; opts->caption goes under every panel. */
int cm_timeline_render(cm_ctx *ctx, const cm_timeline *tl, const char *dir,
                       const struct cm_render_opts *opts);

/* Text, JSON (docs/json.md, "timeline") or CSV (one row per snapshot). The
 * actors that entered, left or changed attributes are named by key and
 * label, like cm_diff_write's. */
int cm_timeline_write(FILE *fp, cm_ctx *ctx, const cm_timeline *tl, cm_format format);
/* cm_timeline_write with CM_DIFF_NO_NAMES (keys only) or 0. */
int cm_timeline_write_flags(FILE *fp, cm_ctx *ctx, const cm_timeline *tl, cm_format format,
                            int flags);
int cm_timeline_write_buf(cm_buf *out, cm_ctx *ctx, const cm_timeline *tl, cm_format format);

/* A line chart written as standalone SVG: one series per entry of y, x as
 * numbers (years; spaced by value) with a label each. NaN points leave a gap.
 * Series k is drawn in the palette's k-th line colour (docs/render.md,
 * "Colours"), with its own marker and dash. */
typedef struct cm_chart_series {
	const char *name;
	const double *y; /* npoints values */
} cm_chart_series;

typedef struct cm_chart {
	const char *title;   /* may be NULL */
	const char *x_title; /* may be NULL */
	const char *y_title; /* may be NULL */
	size_t npoints;
	const double *x;             /* npoints, ascending */
	const char *const *x_labels; /* npoints tick labels, or NULL for the numbers */
	size_t nseries;              /* at most 8: the distinct markers and dashes */
	const cm_chart_series *series;
	const char *caption;        /* a line under the chart, or NULL */
	const char *const *x_notes; /* npoints notes under the tick labels, or NULL */
} cm_chart;

int cm_chart_write_svg(FILE *fp, cm_ctx *ctx, const cm_chart *chart);
int cm_chart_write_svg_buf(cm_buf *out, cm_ctx *ctx, const cm_chart *chart);

/* The timeline's measures as a chart: measures is a comma list of
 * "MEASURE" (in layer) or "LAYER:MEASURE"; layer NULL means "all". */
int cm_timeline_plot(FILE *fp, cm_ctx *ctx, const cm_timeline *tl, const char *measures,
                     const char *layer);
/* The same with a title, a caption and the verdicts. Series are named in
 * words ("information ties: degree centralization") and drawn in their
 * layer's colour in the maps ("all" in a tone of its own). */
typedef struct cm_plot_opts {
	unsigned int version; /* CM_PLOT_OPTS_VERSION */
	const char *measures; /* as for cm_timeline_plot; NULL: density */
	const char *layer;    /* NULL: "all" */
	const char *title;    /* NULL: "Network measures over time" */
	const char *caption;  /* a line under the chart, or NULL */
	bool verdicts;        /* true: each snapshot's verdict under its year */
	/* Version 2: a cm_render_format, CM_RENDER_SVG (0, the default), _PNG
	 * or _PDF. */
	int format;
} cm_plot_opts;
#define CM_PLOT_OPTS_VERSION 2
#define CM_PLOT_OPTS_INIT                                                                          \
	{                                                                                          \
		.version = CM_PLOT_OPTS_VERSION                                                    \
	}
int cm_plot_opts_init(cm_plot_opts *opts, unsigned int version);
int cm_timeline_plot_opts(FILE *fp, cm_ctx *ctx, const cm_timeline *tl, const cm_plot_opts *opts);
int cm_timeline_plot_opts_buf(cm_buf *out, cm_ctx *ctx, const cm_timeline *tl,
                              const cm_plot_opts *opts);
int cm_timeline_plot_buf(cm_buf *out, cm_ctx *ctx, const cm_timeline *tl, const char *measures,
                         const char *layer);

/* ------------------------------------------------------------ classify */

/* Which of Markusen's (1996) district types a cluster network matches, with
 * the evidence and how sure the method is. Every indicator, weight, gate
 * and default: docs/classification.md. */
typedef enum {
	CM_TYPE_ITALIANATE = 0,
	CM_TYPE_HUB_AND_SPOKE,
	CM_TYPE_SATELLITE_PLATFORM,
	CM_TYPE_STATE_ANCHORED,
	CM_TYPE_HYBRID,       /* the top two eligible scores are within the hybrid margin */
	CM_TYPE_UNCLASSIFIED, /* no type's gate holds, or too little data */
	CM_TYPE_COUNT         /* the number of values above */
} cm_cluster_type;
/* The four Markusen types, the ones with a score and a gate, come first. */
#define CM_TYPE_SCORED_COUNT 4

/* "italianate", "hub_and_spoke", "satellite_platform", "state_anchored",
 * "hybrid", "unclassified". */
const char *cm_cluster_type_name(cm_cluster_type type);
/* The same for people: "Italianate", "hub-and-spoke", "satellite platform",
 * "state-anchored", "hybrid", "unclassified". */
const char *cm_cluster_type_words(cm_cluster_type type);

/* The most replicates of either kind cm_classify takes (CM_EINVAL above):
 * each costs a classification, and a count past it would only exhaust
 * memory and time. */
#define CM_CLASSIFY_MAX_REPLICATES 10000

typedef struct cm_classify_opts {
	unsigned int version; /* CM_CLASSIFY_OPTS_VERSION */
	unsigned long seed;   /* every random draw (default 1) */
	size_t replicates;    /* null-model replicates per indicator (default 99; 0: no z) */
	size_t stability;     /* node-jackknife + 10%-edge-dropout replicates (default 20) */
	double hybrid_margin; /* default 0.20 */
} cm_classify_opts;

#define CM_CLASSIFY_OPTS_VERSION 1
#define CM_CLASSIFY_OPTS_INIT                                                                      \
	{                                                                                          \
		.version = CM_CLASSIFY_OPTS_VERSION, .seed = 1, .replicates = 99, .stability = 20, \
		.hybrid_margin = 0.20                                                              \
	}
int cm_classify_opts_init(cm_classify_opts *opts, unsigned int version);

/* The network must outlive the classification (names are borrowed from it). */
typedef struct cm_classification cm_classification;

int cm_classify(cm_classification **out, cm_ctx *ctx, const cm_network *net,
                const cm_classify_opts *opts);
void cm_classification_free(cm_classification *c);

const cm_network *cm_classification_network(const cm_classification *c);
cm_cluster_type cm_classification_type(const cm_classification *c);
/* Whether c is a hybrid; when it is, its two types, best first (either
 * out-parameter may be NULL). */
bool cm_classification_hybrid(cm_cluster_type *first, cm_cluster_type *second,
                              const cm_classification *c);
/* Agreement score in [-1, 1] of one of the four types (NaN otherwise), and
 * whether its hard gate holds (with the reason when it does not, "" else;
 * false for the other types). why_not may be NULL. */
double cm_classification_score(const cm_classification *c, cm_cluster_type type);
bool cm_classification_gate(const char **why_not, const cm_classification *c, cm_cluster_type type);
/* Why the network is unclassified ("" otherwise). */
const char *cm_classification_why(const cm_classification *c);
/* Best minus second-best eligible score (the second counts -1 when only
 * one type is eligible); NaN when unclassified. */
double cm_classification_margin(const cm_classification *c);

typedef enum { CM_CONFIDENCE_LOW = 0, CM_CONFIDENCE_MEDIUM, CM_CONFIDENCE_HIGH } cm_confidence;
const char *cm_confidence_name(cm_confidence level); /* "low", "medium", "high" */
/* Level and score in [0, 1]: the minimum of the lead over every other type
 * (scaled), the stability and the attribute completeness; limited_by names
 * which ("margin", "stability", "completeness"; "gates" when unclassified,
 * which is always low). Any out-parameter may be NULL. */
cm_confidence cm_classification_confidence(double *score, const char **limited_by,
                                           const cm_classification *c);
/* Share of the stability replicates that gave the same verdict (NaN when none ran). */
double cm_classification_stability(const cm_classification *c);

/* One indicator: id, plain name, layer, value (NaN when undefined), z
 * against its null model (NaN when none), the null model's name ("gnm",
 * "rewiring", "permutation"; NULL when none) and its mean and sd. */
typedef struct cm_indicator {
	const char *id, *name, *layer;
	double value, z;
	const char *null;
	double null_mean, null_sd;
	double contribution; /* to the verdict's score (the best type's for a hybrid) */
	/* Two-sided p-value against the null model (NaN when none), and how it
	 * was found: "exact hypergeometric" or "MODEL, N replicates". */
	double p_value;
	const char *p_method;
} cm_indicator;

size_t cm_classification_indicator_count(const cm_classification *c);
/* CM_EINVAL when i >= cm_classification_indicator_count(). */
int cm_classification_indicator(cm_indicator *out, cm_ctx *ctx, const cm_classification *c,
                                size_t i);
/* Index of an indicator by id, or CM_ENOTFOUND. */
int cm_classification_find_indicator(size_t *out, const cm_classification *c, const char *id);
/* Indicators that drive the verdict most, strongest first (indices). */
size_t cm_classification_driver_count(const cm_classification *c);
int cm_classification_driver(size_t *out, cm_ctx *ctx, const cm_classification *c, size_t k);

/* Secondary readings: "enright" (working, latent, potential, policy_driven,
 * wishful_thinking), "altenburg_meyer_stamer" (survival, fordist,
 * transnational, none), "collective_efficiency" (active, passive).
 * CM_ENOTFOUND for an unknown reading. */
int cm_classification_find_secondary(const char **out, const cm_classification *c,
                                     const char *reading);

/* Structural roles of each actor for diagrams: a mask of CM_ROLE_* bits. */
enum { CM_ROLE_HUB = 1u, CM_ROLE_GATEKEEPER = 2u, CM_ROLE_CORE = 4u, CM_ROLE_PERIPHERY = 8u };
/* CM_EINVAL when node is not a node of the classified network. */
int cm_classification_role(unsigned *out, cm_ctx *ctx, const cm_classification *c, size_t node);
/* "hub", "gatekeeper", "core", "periphery" for one bit; NULL otherwise. */
const char *cm_role_name(unsigned role);

/* Text (a plain-words explanation, then the evidence) or JSON
 * (docs/json.md, "classify"). _many writes several results, e.g. one per
 * snapshot: texts one after another, or one JSON array. */
int cm_classification_write(FILE *fp, cm_ctx *ctx, const cm_classification *c, cm_format format);
int cm_classification_write_many(FILE *fp, cm_ctx *ctx, const cm_classification *const *cs,
                                 size_t count, cm_format format);
int cm_classification_write_buf(cm_buf *out, cm_ctx *ctx, const cm_classification *c,
                                cm_format format);
int cm_classification_write_many_buf(cm_buf *out, cm_ctx *ctx, const cm_classification *const *cs,
                                     size_t count, cm_format format);

/* ------------------------------------------------------------ render */

/* Cluster maps drawn with Graphviz; docs/render.md describes every option and
 * visual encoding. Graphviz keeps process-wide state: render from one thread
 * at a time. */
typedef enum {
	CM_RENDER_SVG = 0,
	CM_RENDER_PNG,
	CM_RENDER_PDF,
	CM_RENDER_DOT,  /* the laid-out graph in DOT, with positions */
	CM_RENDER_PLAIN /* Graphviz's line-based "plain" text */
} cm_render_format;

/* "svg", "png", "pdf", "dot" (also "gv"), "plain"; CM_EINVAL otherwise. */
int cm_render_format_parse(cm_render_format *out, const char *word);
/* The format named by a path's extension; CM_EINVAL when it names none. */
int cm_render_format_from_path(cm_render_format *out, const char *path);

/* Node positions in points (1/72 inch), keyed by node id. */
typedef struct cm_positions cm_positions;

int cm_positions_new(cm_positions **out, cm_ctx *ctx);
void cm_positions_free(cm_positions *pos);
/* Reads CSV "id,x,y" (a header line "id,x,y" is optional; ids may be
 * quoted as in RFC 4180). Errors name FILE:LINE:COL. */
int cm_positions_read_file(cm_positions **out, cm_ctx *ctx, const char *path);
/* Writes the header and one line per node, in insertion order. */
int cm_positions_write(FILE *fp, cm_ctx *ctx, const cm_positions *pos);
int cm_positions_write_buf(cm_buf *out, cm_ctx *ctx, const cm_positions *pos);
/* Sets (or replaces) the position of id. */
int cm_positions_set(cm_ctx *ctx, cm_positions *pos, const char *id, double x, double y);
/* The position of id, or CM_ENOTFOUND. */
int cm_positions_get(double *x, double *y, const cm_positions *pos, const char *id);
size_t cm_positions_count(const cm_positions *pos);
/* The i-th id (insertion order), borrowed; CM_EINVAL when out of range. */
int cm_positions_id(const char **out, cm_ctx *ctx, const cm_positions *pos, size_t i);

#define CM_RENDER_LABELS_AUTO ((size_t)-1) /* every actor up to 50, else the top 20 */

typedef struct cm_render_opts {
	unsigned int version;    /* CM_RENDER_OPTS_VERSION */
	cm_render_format format; /* default CM_RENDER_SVG */
	const char *layer;       /* draw one relation layer only; NULL for every layer */
	/* Node size: an actor measure of cm_metrics_actor_names() (default
	 * "betweenness"), "size" for the size class, or "none". */
	const char *size_by;
	/* Fill colour: "kind" (default), "community", "role" (the
	 * classification's hub, gatekeeper, core, periphery) or any node
	 * attribute, e.g. "sector". */
	const char *color_by;
	size_t labels;          /* label the top K actors by size; default CM_RENDER_LABELS_AUTO */
	size_t label_length;    /* longest label in characters before "..." (default 60; 0: all),
	                         * wrapped on spaces into lines of about 18 characters */
	const char *title;      /* NULL: the graph label, else the file name */
	const char *layout;     /* "auto" (default), "sfdp", "neato", "fdp", "dot", "circo" */
	size_t aggregate_above; /* groups above this many actors or 10x lines (default 2000) */
	bool full;              /* never aggregate */
	unsigned long seed;     /* layout and community seed (default 1) */
	/* Optional inputs, all borrowed. metrics and classification are
	 * computed when needed and NULL; they must belong to this network. */
	const cm_metrics *metrics;
	const cm_classification *classification;
	const cm_positions *pin; /* pin the nodes it lists, lay out the others */
	/* Positions read with the file (yEd's coordinates, Gephi's x and y:
	 * the node attributes "x" and "y", points, y up) pin their actors
	 * unless relayout is set; pin takes precedence. */
	bool relayout;
	/* Draw the file's groups (the node attribute "group", a path such as
	 * "suppliers/textile", as nested graphs and yEd's folders give it) as
	 * boxes, nested as the paths are, in place of the region's box. */
	bool groups;
	/* Change overrides for diagrams of a comparison, one entry per node and
	 * per edge of the network (NULL for none): actors CM_CHANGE_ENTERED are
	 * outlined green, CM_CHANGE_LEFT dashed red; ties CM_CHANGE_PERSISTED are
	 * grey, CM_CHANGE_FORMED green, CM_CHANGE_DISSOLVED dashed red. The
	 * legend then explains them. */
	const cm_change *node_change;
	const cm_change *edge_change;
	/* The size measure's range over several drawings that are compared
	 * (small multiples): when size_lo < size_hi, node areas scale to it
	 * rather than to this drawing's own values, so that equal values are
	 * equal sizes in every drawing. */
	double size_lo;
	double size_hi;
	/* Text drawn under the drawing, wrapped (NULL: none), and the name of
	 * the region's box (NULL: "inside the region"). */
	const char *caption;
	const char *region_label;
} cm_render_opts;

#define CM_RENDER_OPTS_VERSION 1
#define CM_RENDER_OPTS_INIT                                                                        \
	{                                                                                          \
		.version = CM_RENDER_OPTS_VERSION, .format = CM_RENDER_SVG,                        \
		.size_by = "betweenness", .color_by = "kind", .labels = CM_RENDER_LABELS_AUTO,     \
		.label_length = 60, .layout = "auto", .aggregate_above = 2000, .seed = 1           \
	}
int cm_render_opts_init(cm_render_opts *opts, unsigned int version);

/* Draws net into path (atomically: a failed render leaves an existing file
 * untouched). positions, when not NULL, receives the final layout (owned by
 * the caller); in aggregated drawings its ids are the group names. */
int cm_render_file(cm_positions **positions, cm_ctx *ctx, const cm_network *net, const char *path,
                   const cm_render_opts *opts);
/* Draws net into memory: *out (owned, release with cm_render_data_free) holds
 * *len bytes, NUL-terminated for the text formats. */
int cm_render_buffer(char **out, size_t *len, cm_positions **positions, cm_ctx *ctx,
                     const cm_network *net, const cm_render_opts *opts);
void cm_render_data_free(char *data);
/* The same into a cm_buf. */
int cm_render_buf(cm_buf *out, cm_positions **positions, cm_ctx *ctx, const cm_network *net,
                  const cm_render_opts *opts);
/* Only the layout: where every actor (or group) would be drawn. */
int cm_render_layout(cm_positions **out, cm_ctx *ctx, const cm_network *net,
                     const cm_render_opts *opts);

/* ------------------------------------------------------------ report */

/* One self-contained HTML file (docs/report.md) for a network or a series
 * of snapshots: the data and what is missing, the verdict with its
 * evidence, the maps (interactive, and one per layer), the key measures,
 * the actors that matter, a sortable actors table and, for a series, what
 * changed from one snapshot to the next with the timeline charts. Styles
 * and scripts are inline; the page requests nothing from any server. */
typedef struct cm_report_opts {
	unsigned int version;    /* CM_REPORT_OPTS_VERSION */
	const char *title;       /* NULL: the last snapshot's label, else its file name */
	const char *date;        /* shown under the title; NULL: none */
	cm_compare_opts compare; /* how the snapshots are measured, compared, classified */
	/* Actors drawn one by one on the interactive map (default 5000); a
	 * larger network is drawn in groups (kind of actor by side of the
	 * region, docs/report.md). */
	size_t interactive_max;
} cm_report_opts;

#define CM_REPORT_OPTS_VERSION 1
#define CM_REPORT_OPTS_INIT                                                                        \
	{                                                                                          \
		.version = CM_REPORT_OPTS_VERSION, .compare = CM_COMPARE_OPTS_INIT,                \
		.interactive_max = 5000                                                            \
	}
/* Also initialises opts->compare (at its current version). */
int cm_report_opts_init(cm_report_opts *opts, unsigned int version);
/* Writes the report of series (its last snapshot, and the changes along
 * the series) to fp. opts may be NULL. Graphviz renders the maps: call it
 * from one thread at a time. */
int cm_report_write_html(FILE *fp, cm_ctx *ctx, const cm_series *series,
                         const cm_report_opts *opts);
int cm_report_write_html_buf(cm_buf *out, cm_ctx *ctx, const cm_series *series,
                             const cm_report_opts *opts);

#ifdef __cplusplus
}
#endif
#endif /* CLUSTERMAP_H */
