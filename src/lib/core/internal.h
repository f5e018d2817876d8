/* SPDX-License-Identifier: MIT */
/* Private structures and cm__ helpers shared by the library's files.
 * Dependency boundaries: libxml2 only in graphml_*.c, igraph only in the
 * analysis files (layers.c and what builds on it), Graphviz only in render.c,
 * jansson only in the report writers. Nothing here includes their headers. */
#ifndef CM_INTERNAL_H
#define CM_INTERNAL_H

#include "clustermap.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#define CM__ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ context */

/* A stored diagnostic: the public view, and the strings it owns. */
typedef struct cm__diag_item {
	cm_diag d;
	char *file, *message;
} cm__diag_item;

typedef struct cm__diag_store {
	cm__diag_item *items;
	size_t count, cap;
	size_t dropped; /* diagnostics past limits.max_diagnostics */
	size_t errors;  /* errors reported, kept or dropped */
	size_t kept_errors;
} cm__diag_store;

struct cm_ctx {
	char errmsg[1024];
	cm__diag_store diags;
	cm_limits limits;
	cm_progress_cb progress;
	void *progress_payload;
	int threads;
	int jobs;             /* worker processes (1: none) or CM_JOBS_AUTO */
	int no_workers;       /* inside a worker process: start no more of them */
	double split_work;    /* > 0: split layers from this cost on (tests; metrics.c) */
	cm_temp_cb temp_hook; /* cm_ctx_set_temp_hook */
	void *temp_payload;
};

/* Sets the one-line error message and returns code. */
int cm__error(cm_ctx *ctx, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int cm__verror(cm_ctx *ctx, int code, const char *fmt, va_list ap);
int cm__oom(cm_ctx *ctx);
/* CM_EINVAL with "error: WHAT index I out of range (N)" unless i < count. */
int cm__check_index(cm_ctx *ctx, const char *what, size_t i, size_t count);
/* CM_EINVAL with a message unless version is one this library knows. */
int cm__check_version(cm_ctx *ctx, const char *what, unsigned int version, unsigned int known);

/* Records a diagnostic (copying file and message); when it is an error, the
 * first error also becomes the context's message. Returns CM_ENOMEM or 0. */
int cm__diag(cm_ctx *ctx, cm_diag_level level, const char *file, unsigned long line,
             unsigned long col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
size_t cm__diag_errors(const cm_ctx *ctx);
/* A file reader's diagnostic (GraphML, GEXF, GML, Pajek, DL): the message
 * formatted (up to 899 bytes), an error counted in *errors, which the reader
 * keeps because the context may drop diagnostics past its limit, and
 * recorded with cm__diag. Returns CM_ENOMEM, on which the reader stops, or 0. */
int cm__reader_diag(cm_ctx *ctx, size_t *errors, cm_diag_level level, const char *file,
                    unsigned long line, unsigned long col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
int cm__reader_vdiag(cm_ctx *ctx, size_t *errors, cm_diag_level level, const char *file,
                     unsigned long line, unsigned long col, const char *fmt, va_list ap)
    __attribute__((format(printf, 7, 0)));
/* The column of at in line, counted from 1; 1 without either. */
static inline unsigned long cm__column_at(const char *at, const char *line)
{
	return at && line ? (unsigned long)(at - line) + 1 : 1;
}

/* Reports progress; returns nonzero when the user asked to cancel. */
int cm__progress(cm_ctx *ctx, const char *what, double fraction);

/* Writes s escaped as cm_escape does, whatever its length, for text that
 * people read (reports); returns the bytes written. */
size_t cm__fputs_escaped(FILE *fp, const char *s);
/* The same in a column: at most max bytes of the escaped text (SIZE_MAX:
 * all; never half a character or half an escape), padded with spaces to
 * |width| bytes, after the text when width is negative (printf's "%-*s"),
 * before it otherwise ("%*s"). */
void cm__fput_escaped_field(FILE *fp, const char *s, int width, size_t max);
/* The bytes cm__fputs_escaped would write. */
size_t cm__escaped_length(const char *s);
/* Writes s as HTML or XML text (element content or a quoted attribute):
 * & < > " ' become entities; NULL writes nothing. */
void cm__fputs_xml(FILE *fp, const char *s);
/* Code point cp (below 0x110000) as UTF-8 into out (up to 4 bytes);
 * returns the bytes written. */
size_t cm__utf8_encode(char *out, unsigned long cp);

/* ------------------------------------------------------------ colours */

/* The one palette of every picture (palette.c, docs/render.md "Colours"):
 * each colour means one thing wherever it is drawn. */
#define CM__COLOR_MISSING    "#DDDDDD" /* fill of a missing value, "other" */
#define CM__COLOR_ENTERED    "#228833" /* actor entered, tie formed */
#define CM__COLOR_LEFT       "#000000" /* actor left, tie dissolved (dashed) */
#define CM__COLOR_KEPT       "#BBBBBB" /* tie persisted */
#define CM__COLOR_VALUES     8         /* colours for values of an attribute */
#define CM__COLOR_LINES      8         /* colours of lines: layers, all layers */
#define CM__COLOR_ALL_LAYERS "#225555" /* a chart's line of every layer together */
#define CM__COLOR_FOUND      "#CC3311" /* the report's ring around found actors */
/* The fill of a kind; the same in every picture. */
const char *cm__color_kind(cm_kind kind);
/* The fill of the i-th most common value of an attribute or community;
 * NULL past CM__COLOR_VALUES. */
const char *cm__color_value(size_t i);
/* The fill of a structural role (hub, gatekeeper, core, periphery). */
const char *cm__color_role(const char *role);
/* The line colour and style (solid, dashed, dotted) of a relation layer;
 * *custom counts the layers other than supplier, information and
 * association met so far, each of which gets its own colour. */
const char *cm__color_layer(const char *name, size_t *custom, const char **style);
/* The k-th line colour (modulo CM__COLOR_LINES): supplier, information,
 * association, the custom layers' in turn, then every layer together; for
 * a chart whose series are not layers. */
const char *cm__color_line(size_t k);

/* ------------------------------------------------------------ memory */

/* Allocation goes through these so that tests can make the N-th fail. */
void *cm__malloc(size_t n);
void *cm__calloc(size_t n, size_t size);
void *cm__realloc(void *p, size_t n);
char *cm__strdup(const char *s);
/* The same for large blocks read at random: on huge pages where allowed.
 * Freed with cm__free. */
void *cm__malloc_large(size_t n);
void *cm__calloc_large(size_t n, size_t size);
void cm__free(void *p);
/* n bytes shared with the processes forked after it (zero-filled), freed
 * with cm__free_shared(p, n); NULL-safe. */
void *cm__malloc_shared(size_t n);
void cm__free_shared(void *p, size_t n);

/* A stream whose bytes end up in memory. After cm__memout_close() returns
 * 0, buf holds the len bytes written and a NUL, to be released with free();
 * on -1 (a write failed, or no memory) buf is NULL. */
typedef struct cm__memout {
	FILE *fp;
	char *buf;
	size_t len;
} cm__memout;
FILE *cm__memout_open(cm__memout *m);
int cm__memout_close(cm__memout *m);

/* A writer to a stream, and how its output lands in a cm_buf instead:
 * the same bytes, written through a memory stream. */
typedef int (*cm__writer)(FILE *fp, cm_ctx *ctx, const void *arg);
int cm__buf_write(cm_buf *out, cm_ctx *ctx, cm__writer fn, const void *arg);

/* Grows *items (of elsize bytes) to hold at least need; returns 0 or CM_ENOMEM. */
int cm__grow(void **items, size_t *cap, size_t need, size_t elsize);

/* A bump allocator for the many small strings of a network. */
typedef struct cm__arena_block cm__arena_block;
typedef struct cm__arena {
	cm__arena_block *head;
	size_t used, size;
} cm__arena;
char *cm__arena_strndup(cm__arena *a, const char *s, size_t n);
void cm__arena_free(cm__arena *a);

/* A string -> index map (open addressing) for the reader's id lookups, which
 * take a (pointer, length) straight from the parser without copying. Keys
 * are borrowed: they must stay alive and unchanged while in the map. */
typedef struct cm__strmap_slot {
	const char *key; /* NULL when the slot is free */
	uint32_t hash;
	uint32_t value;
} cm__strmap_slot;
typedef struct cm__strmap {
	cm__strmap_slot *slots;
	size_t cap, count; /* cap is 0 or a power of two */
	uint64_t seed;     /* random per map, so that ids cannot be crafted to collide */
} cm__strmap;
/* The value stored for s[0..len), or -1 when absent. */
long cm__strmap_get(const cm__strmap *m, const char *s, size_t len);
/* Adds a NUL-terminated key that is not yet present; 0 or CM_ENOMEM. */
int cm__strmap_put(cm__strmap *m, const char *key, size_t len, uint32_t value);
/* put, unless key is already there: one probe. *found gets the value
 * already stored, or -1 when key was added. 0 or CM_ENOMEM. */
int cm__strmap_add(cm__strmap *m, const char *key, size_t len, uint32_t value, long *found);
/* Starts fetching the slot where s[0..len) would be, for a lookup soon
 * after (the reader looks both ends of a tie up while other work runs). */
void cm__strmap_prefetch(const cm__strmap *m, const char *s, size_t len);
void cm__strmap_free(cm__strmap *m);

/* A set of 128-bit fingerprints of keys, for telling whether a key was seen
 * before without keeping it (the reader's edge ids). Fingerprints are keyed
 * by two random seeds per set; two different keys share one with
 * probability 2^-128, below 10^-24 for any pair among ten million keys. */
typedef struct cm__fp {
	uint64_t a, b; /* {0, 0} marks a free slot and is never a fingerprint */
} cm__fp;
typedef struct cm__fpset {
	cm__fp *slots;
	size_t cap, count; /* cap is 0 or a power of two */
	uint64_t seed[2];
} cm__fpset;
/* The fingerprint of a key of several parts, each of len[i] bytes: ("ab",
 * "c") and ("a", "bc") differ. */
cm__fp cm__fp_of(cm__fpset *s, const char *const *part, const size_t *len, int nparts);
/* Starts fetching the slot of fp, for an add soon after. */
void cm__fpset_prefetch(const cm__fpset *s, cm__fp fp);
/* Adds fp; *seen is 1 when it was there already. 0 or CM_ENOMEM. */
int cm__fpset_add(cm__fpset *s, cm__fp fp, int *seen);
void cm__fpset_free(cm__fpset *s);

/* ------------------------------------------------------------ numbers */

/* Locale-independent parsing (decimal point only). Return 0 or CM_EINVAL;
 * cm__parse_double returns CM_ELIMIT for a value past the largest double
 * (1e400), reads subnormals (4e-320) and "inf", and refuses NaN. */
int cm__parse_double(double *out, const char *s);
int cm__parse_long(long *out, const char *s);
int cm__parse_bool(int *out, const char *s);
/* Locale-independent "%.*g"; returns buf. */
char *cm__fmt_double(char *buf, size_t size, double v, int digits);

/* ------------------------------------------------------------ network */

typedef struct cm__node {
	const char *id;     /* arena */
	const char *label;  /* arena or NULL */
	const char *sector; /* arena or NULL */
	unsigned char kind, size, ownership, location;
	unsigned char has; /* CM_HAS_* */
} cm__node;

typedef struct cm__edge {
	size_t src, dst;
	size_t layer;
	double weight;
	int year, start, end; /* 0 when absent */
	unsigned char directed;
} cm__edge;

/* One value of a column: the element's index and its text. */
typedef struct cm__cell {
	size_t i;
	const char *value;
} cm__cell;

/* An extra attribute column, sparse: only the values present, sorted by
 * element, so that memory follows the input however many columns there are. */
typedef struct cm__column {
	const char *name;
	const char *type; /* GraphML attr.type: string, int, double, ... */
	cm__cell *cells;
	size_t count, cap;
} cm__column;

struct cm_network {
	cm__arena arena;
	const char *source, *id, *label;
	int year;
	long size_bands[3];    /* employees for small, medium, large; 0s: the EU's */
	const char *direction; /* the file's declared direction convention, or NULL */
	cm__node *nodes;
	size_t n, ncap;
	cm__edge *edges;
	size_t m, mcap;
	const char **layers; /* arena strings */
	size_t nlayers, lcap;
	cm__column *ncols, *ecols; /* extra node and edge attributes */
	size_t nncols, necols;
	cm__strmap col_index[2]; /* column name -> index: node, edge */
	cm__strmap ids;          /* node id -> index; used when complete (ids.count == n) */
};

struct cm_series {
	cm_network **items;
	size_t count, cap;
};

int cm__network_new(cm_network **out, cm_ctx *ctx);
/* Adds a node; its strings must already live in net->arena. */
int cm__network_add_node(cm_network *net, cm_ctx *ctx, const cm__node *node);
int cm__network_add_edge(cm_network *net, cm_ctx *ctx, const cm__edge *edge);
/* Index of a layer name (canonical), adding it when new. */
int cm__network_layer(size_t *out, cm_network *net, cm_ctx *ctx, const char *name);
/* Puts the standard layers first; remaps edges. */
int cm__network_sort_layers(cm_network *net, cm_ctx *ctx);
/* Ends building a network: layers sorted, and the id index complete (built
 * here unless the builder kept it as it added nodes), so that lookups never
 * change a network that is already someone's. */
int cm__network_finish(cm_network *net, cm_ctx *ctx);
/* Adds (or finds) an extra column with room for count elements. */
int cm__network_column(cm__column **out, cm_network *net, cm_ctx *ctx, int for_edges,
                       const char *name, const char *type);
/* Sets element i of a column (growing it); value must live in the arena. */
int cm__column_set(cm__column *col, cm_ctx *ctx, size_t i, const char *value);
/* Value of element i, NULL when missing. */
const char *cm__column_get(const cm__column *col, size_t i);

/* Display name of node i (in range): the label, or the id. */
static inline const char *cm__node_label(const cm_network *net, size_t i)
{
	return net->nodes[i].label ? net->nodes[i].label : net->nodes[i].id;
}

/* Unchecked attribute lookups for the library's own loops (i in range):
 * what cm_network_node_attr() and cm_network_edge_attr() give. */
const char *cm__node_attr(const cm_network *net, size_t i, const char *name);
const char *cm__edge_attr(const cm_network *net, size_t e, const char *name);

/* Relations: canonical name of a word (aliases folded), or the word. */
const char *cm__relation_canonical(const char *word);
/* Size class of a head count under bands (employees from which a firm is
 * small, medium, large); NULL or zeros for the EU's 10, 50, 250. */
cm_size cm__size_from_employees(long employees, const long *bands);
/* Parses "RELATION=reverse[,...]" into canonical relation names (at most
 * max, each stored in out[k]); returns the count or -1 (why in err). */
int cm__parse_direction(char out[][64], int max, const char *spec, char *err, size_t errlen);

#endif /* CM_INTERNAL_H */
