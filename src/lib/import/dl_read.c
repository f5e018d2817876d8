/* SPDX-License-Identifier: MIT */
/* UCINET DL: the header (N=, NR= NC=, NM=, FORMAT=, LABELS:, ROW LABELS:,
 * COLUMN LABELS:, MATRIX LABELS:, LABELS EMBEDDED) and the data of the
 * fullmatrix, edgelist1 and nodelist1 formats; several matrices are several
 * relations (docs/formats.md). Line by line: the ties are gathered first,
 * the actors made at the end, so that a header's N costs memory only as
 * far as the file describes actors. */
#include "import.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { F_FULL, F_EDGES, F_NODES };
enum { L_NONE, L_BOTH, L_ROWS, L_COLS, L_MATRIX };

typedef struct tie {
	size_t m, r, c; /* matrix, row, column */
	double w;
	unsigned long line;
} tie;

typedef struct names {
	const char **items; /* arena of d */
	size_t count, cap;
	cm__strmap index;
} names;

typedef struct dl {
	cm_ctx *ctx;
	const char *file;
	cm__arena arena;
	unsigned long line;
	unsigned long long bytes;
	long n, nr, nc, nm;
	int format, embedded, in_data, labels; /* labels: L_* being read */
	names rows, cols, mats;
	tie *ties;
	size_t nties, tcap;
	size_t cell;  /* fullmatrix: values read so far */
	size_t ehead; /* fullmatrix, embedded: column labels read of this matrix */
	size_t matrix;
	size_t errors;
	int started; /* the DL word was read */
	int stop;
} dl;

/* Diagnostics at a column of the line being read (import.h). */
#define diag cm__line_diag

/* ------------------------------------------------------------ tokens */

typedef struct span {
	const char *s; /* not NUL-terminated */
	size_t len;
	int quoted;
} span;

/* The tokens of a line: "quoted text", '=' and ':' each on their own, and
 * words ended by a blank, a comma, '=' or ':'. */
static int split(span **out, size_t *cap, size_t *count, const char *p)
{
	*count = 0;
	for (;;) {
		p += strspn(p, " \t\r\n,");
		if (!*p)
			return 0;
		span t = {p, 1, 0};
		if (*p == '"') {
			const char *end = strchr(p + 1, '"');
			t = (span){p + 1, end ? (size_t)(end - p - 1) : strlen(p + 1), 1};
			p = end ? end + 1 : p + 1 + t.len;
		} else if (*p == '=' || *p == ':') {
			p++;
		} else {
			t.len = strcspn(p, " \t\r\n,=:");
			p += t.len;
		}
		if (cm__grow((void **)out, cap, *count + 1, sizeof(**out)))
			return CM_ENOMEM;
		(*out)[(*count)++] = t;
	}
}

static int is(const span *t, const char *word)
{
	return t && !t->quoted && t->len == strlen(word) && !strncasecmp(t->s, word, t->len);
}

static int span_number(double *out, const span *t)
{
	char buf[64];
	if (t->quoted || t->len >= sizeof(buf))
		return CM_EINVAL;
	memcpy(buf, t->s, t->len);
	buf[t->len] = '\0';
	return cm__parse_double(out, buf) == 0 && isfinite(*out) ? 0 : CM_EINVAL;
}

static int span_whole(long *out, const span *t)
{
	double v;
	if (span_number(&v, t) || v != floor(v) || v < 0 || v > 2e9)
		return CM_EINVAL;
	*out = (long)v;
	return 0;
}

/* ------------------------------------------------------------ header */

static int add_name(dl *d, names *l, const span *t, long max, const char *what, const char *line)
{
	if (max >= 0 && l->count >= (size_t)max) {
		diag(d, CM_DIAG_ERROR, t->s, line, "more %s than the header's %ld; check N", what,
		     max);
		return CM_EPARSE;
	}
	const char *s = cm__arena_strndup(&d->arena, t->s, t->len);
	long dup;
	if (!s || cm__grow((void **)&l->items, &l->cap, l->count + 1, sizeof(*l->items)) ||
	    cm__strmap_add(&l->index, s, t->len, (uint32_t)l->count, &dup))
		return d->stop = CM_ENOMEM;
	if (dup >= 0) {
		diag(d, CM_DIAG_ERROR, t->s, line,
		     "%s '%.80s' is given twice; labels name one actor each", what, s);
		return CM_EPARSE;
	}
	l->items[l->count++] = s;
	return 0;
}

static long rows_of(const dl *d)
{
	return d->nr >= 0 ? d->nr : d->n;
}

static long cols_of(const dl *d)
{
	return d->nc >= 0 ? d->nc : d->n;
}

static void label(dl *d, const span *t, const char *line)
{
	if (d->labels == L_MATRIX)
		add_name(d, &d->mats, t, d->nm, "matrix labels", line);
	else if (d->labels == L_COLS)
		add_name(d, &d->cols, t, cols_of(d), "column labels", line);
	else
		add_name(d, &d->rows, t, rows_of(d), d->labels == L_ROWS ? "row labels" : "labels",
		         line);
}

static const struct {
	const char *word;
	int format;
} formats[] = {{"fullmatrix", F_FULL},
               {"edgelist1", F_EDGES},
               {"edgelist", F_EDGES},
               {"nodelist1", F_NODES},
               {"nodelist", F_NODES}};

/* "N = 5", "FORMAT = edgelist1": the value after the sign. */
static void setting(dl *d, const span *k, const span *v, const char *line)
{
	long *dims[] = {&d->n, &d->nr, &d->nc, &d->nm};
	static const char *const dimw[] = {"n", "nr", "nc", "nm"};
	for (size_t i = 0; i < CM__ARRAY_LEN(dims); i++)
		if (is(k, dimw[i])) {
			if (!v || span_whole(dims[i], v) || (i == 3 && !*dims[i]))
				diag(d, CM_DIAG_ERROR, v ? v->s : k->s, line,
				     "%s needs a whole number, as in %s = 12", dimw[i], dimw[i]);
			return;
		}
	if (is(k, "format")) {
		for (size_t i = 0; v && i < CM__ARRAY_LEN(formats); i++)
			if (is(v, formats[i].word)) {
				d->format = formats[i].format;
				return;
			}
		diag(d, CM_DIAG_ERROR, v ? v->s : k->s, line,
		     "format '%.*s' is not read; write fullmatrix, edgelist1 or nodelist1",
		     v ? (int)v->len : 0, v ? v->s : "");
	} else if (!v || !is(v, "present")) {
		diag(d, CM_DIAG_ERROR, v ? v->s : k->s, line,
		     "diagonal '%.*s' is not read; write the full matrix with its diagonal",
		     v ? (int)v->len : 0, v ? v->s : "");
	}
}

static int is_setting(const span *t)
{
	return is(t, "n") || is(t, "nr") || is(t, "nc") || is(t, "nm") || is(t, "format") ||
	       is(t, "diagonal");
}

static void data_tokens(dl *d, const span *t, size_t k, const char *line);
static int dims_ok(dl *d, const char *line);

/* A keyword at t[0] (with what follows it in the line): the tokens it
 * takes, 0 when t[0] is no keyword here. */
static size_t keyword(dl *d, const span *t, size_t k, const char *line)
{
	const span *t1 = k > 1 ? &t[1] : NULL, *t2 = k > 2 ? &t[2] : NULL;
	size_t colon;
	if (is_setting(t) && is(t1, "="))
		return setting(d, t, t2, line), t2 ? 3 : 2;
	if (is(t, "data") && is(t1, ":")) {
		d->in_data = !dims_ok(d, line);
		return 2;
	}
	if (is(t, "labels") && is(t1, "embedded")) {
		d->embedded = 1;
		d->labels = L_NONE;
		return 2 + is(t2, ":");
	}
	if (is(t, "labels") && (is(t1, ":") || d->labels == L_NONE))
		return d->labels = L_BOTH, 1 + is(t1, ":");
	int which = is(t, "row")                      ? L_ROWS
	            : is(t, "column") || is(t, "col") ? L_COLS
	            : is(t, "matrix")                 ? L_MATRIX
	                                              : L_NONE;
	if (which == L_NONE || !is(t1, "labels"))
		return 0;
	colon = is(t2, ":");
	d->labels = which;
	return 2 + colon;
}

static void header_line(dl *d, span *t, size_t k, const char *line)
{
	size_t i = 0;
	while (i < k && !d->stop && !d->in_data) {
		size_t used = keyword(d, t + i, k - i, line);
		if (used) {
			i += used;
		} else if (d->labels != L_NONE) {
			label(d, &t[i++], line);
		} else {
			diag(d, CM_DIAG_ERROR, t[i].s, line,
			     "'%.*s' is not a DL keyword here; a DL header holds N=, FORMAT=, "
			     "LABELS: and DATA:",
			     (int)(t[i].len > 40 ? 40 : t[i].len), t[i].s);
			return;
		}
	}
	if (d->in_data && i < k)
		data_tokens(d, t + i, k - i, line);
}

/* ------------------------------------------------------------ data */

static void add(dl *d, size_t r, size_t c, double w)
{
	size_t max = d->ctx->limits.max_edges;
	if (max && d->nties >= max) {
		diag(d, CM_DIAG_ERROR, NULL, NULL,
		     "edge count exceeds the limit of %zu; raise it with --max-edges", max);
		d->stop = CM_ELIMIT;
		return;
	}
	if (cm__grow((void **)&d->ties, &d->tcap, d->nties + 1, sizeof(*d->ties))) {
		d->stop = CM_ENOMEM;
		return;
	}
	d->ties[d->nties++] = (tie){d->matrix, r, c, w, d->line};
}

/* A row or column named in the data: a number 1..max, or a label (added
 * when the labels are embedded). 0 or CM_EPARSE (reported). */
static int ref(dl *d, size_t *out, names *l, long max, const span *t, const char *line)
{
	long v;
	long at = cm__strmap_get(&l->index, t->s, t->len);
	if (at < 0 && d->embedded && !add_name(d, l, t, max, "labels", line))
		at = (long)l->count - 1;
	else if (at < 0 && !span_whole(&v, t) && v >= 1 && v <= max)
		at = v - 1;
	else if (at < 0 && !d->stop)
		diag(d, CM_DIAG_ERROR, t->s, line,
		     "'%.*s' is neither a label nor a number 1 to %ld",
		     (int)(t->len > 40 ? 40 : t->len), t->s, max);
	*out = at < 0 ? 0 : (size_t)at;
	return at < 0 ? CM_EPARSE : 0;
}

static names *col_names(dl *d)
{
	return d->nr >= 0 || d->cols.count ? &d->cols : &d->rows; /* two-mode: its own */
}

static void list_line(dl *d, const span *t, size_t k, const char *line)
{
	size_t r, c;
	if (is(&t[0], "!")) {
		if (++d->matrix >= (size_t)d->nm)
			diag(d, CM_DIAG_ERROR, t->s, line, "more matrices than NM = %ld", d->nm);
		return;
	}
	if (ref(d, &r, &d->rows, rows_of(d), &t[0], line))
		return;
	if (d->format == F_EDGES && (k < 2 || k > 3)) {
		diag(d, CM_DIAG_ERROR, t->s, line,
		     "an edgelist1 line is a row, a column and an optional value");
		return;
	}
	for (size_t i = 1; i < k && !d->stop; i++) {
		double w = 1;
		if (ref(d, &c, col_names(d), cols_of(d), &t[i], line))
			continue;
		if (d->format == F_EDGES && k == 3 && span_number(&w, &t[2]))
			diag(d, CM_DIAG_ERROR, t[2].s, line, "'%.*s' is not a number",
			     (int)(t[2].len > 40 ? 40 : t[2].len), t[2].s);
		else if (w != 0)
			add(d, r, c, w);
		if (d->format == F_EDGES)
			return;
	}
}

/* One token of a full matrix: a column label (embedded, first of each
 * matrix), a row label (embedded, first of each row) or a value. */
static void full_token(dl *d, const span *t, const char *line)
{
	size_t nc = (size_t)cols_of(d), width = nc + (size_t)d->embedded;
	if (d->matrix >= (size_t)d->nm) {
		diag(d, CM_DIAG_ERROR, t->s, line, "more values than %ld matrices of %ld x %zu",
		     d->nm, rows_of(d), nc);
		d->stop = CM_EPARSE;
		return;
	}
	size_t pos = d->cell % width, row = d->cell / width;
	if (d->embedded && d->ehead < nc) {
		if (!d->matrix)
			add_name(d, &d->cols, t, (long)nc, "column labels", line);
		d->ehead++;
		return;
	}
	double w;
	if (d->embedded && pos == 0) {
		if (!d->matrix)
			add_name(d, &d->rows, t, rows_of(d), "row labels", line);
	} else if (span_number(&w, t)) {
		diag(d, CM_DIAG_ERROR, t->s, line,
		     "'%.*s' is not a number; a full matrix holds 0 for no tie, else the tie's "
		     "value",
		     (int)(t->len > 40 ? 40 : t->len), t->s);
	} else if (w != 0) {
		add(d, row, pos - (size_t)d->embedded, w);
	}
	if (++d->cell == (size_t)rows_of(d) * width) {
		d->matrix++;
		d->cell = d->ehead = 0;
	}
}

static void data_tokens(dl *d, const span *t, size_t k, const char *line)
{
	if (d->format != F_FULL) {
		list_line(d, t, k, line);
		return;
	}
	for (size_t i = 0; i < k && !d->stop; i++)
		full_token(d, &t[i], line);
}

/* ------------------------------------------------------------ building */

typedef struct arc {
	size_t a, b;
	double w;
} arc;

static int arc_cmp(const void *x, const void *y)
{
	const arc *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	if (p->b != q->b)
		return p->b < q->b ? -1 : 1;
	return (p->w > q->w) - (p->w < q->w);
}

/* A relation whose every tie comes back with the same value (a symmetric
 * matrix) is undirected: UCINET stores an undirected network that way. */
static int symmetric(const arc *arcs, arc *rev, size_t k)
{
	for (size_t i = 0; i < k; i++)
		rev[i] = (arc){arcs[i].b, arcs[i].a, arcs[i].w};
	qsort(rev, k, sizeof(*rev), arc_cmp);
	for (size_t i = 0; i < k; i++)
		if (arc_cmp(&arcs[i], &rev[i]))
			return 0;
	return 1;
}

static int add_relation(dl *d, cm_network *net, size_t m, arc *arcs, arc *rev, size_t k)
{
	char num[32];
	const char *name = m < d->mats.count ? d->mats.items[m] : "untyped";
	if (m >= d->mats.count && d->nm > 1)
		snprintf(num, sizeof(num), "%zu", m + 1), name = num;
	qsort(arcs, k, sizeof(*arcs), arc_cmp);
	int undirected = symmetric(arcs, rev, k);
	size_t layer;
	if (k && cm__network_layer(&layer, net, d->ctx, name))
		return CM_ENOMEM;
	for (size_t i = 0; i < k; i++) {
		if (undirected && arcs[i].a > arcs[i].b)
			continue;
		cm__edge e = {.src = arcs[i].a,
		              .dst = arcs[i].b,
		              .layer = layer,
		              .weight = arcs[i].w,
		              .directed = (unsigned char)!undirected};
		if (cm__network_add_edge(net, d->ctx, &e))
			return CM_ENOMEM;
	}
	return 0;
}

/* The actor of a name: found, or added. */
static int actor(dl *d, size_t *out, cm_network *net, cm__strmap *ids, const char *name, int fresh)
{
	long at = cm__strmap_get(ids, name, strlen(name));
	if (at >= 0 && fresh) {
		diag(d, CM_DIAG_ERROR, NULL, NULL,
		     "'%.80s' names two rows; labels name one actor each", name);
		return CM_EPARSE;
	}
	if (at >= 0) {
		*out = (size_t)at;
		return 0;
	}
	cm__node node = {.id = cm__arena_strndup(&net->arena, name, strlen(name))};
	if (!node.id || cm__network_add_node(net, d->ctx, &node) ||
	    cm__strmap_put(ids, node.id, strlen(node.id), (uint32_t)(net->n - 1)))
		return CM_ENOMEM;
	*out = net->n - 1;
	return 0;
}

/* The actors of rows and columns, in order: labelled, or by number. */
static int actors(dl *d, cm_network *net, size_t *rown, size_t *coln)
{
	cm__strmap ids = {0};
	int rc = 0, two = d->nr >= 0;
	char num[40];
	for (size_t r = 0; !rc && r < (size_t)rows_of(d); r++) {
		const char *name = r < d->rows.count ? d->rows.items[r] : num;
		snprintf(num, sizeof(num), "%s%zu", two ? "r" : "", r + 1);
		rc = actor(d, &rown[r], net, &ids, name, 1);
	}
	for (size_t c = 0; !rc && c < (size_t)cols_of(d); c++) {
		const names *l = col_names(d);
		const char *name = c < l->count ? l->items[c] : num;
		snprintf(num, sizeof(num), "%s%zu", two ? "c" : "", c + 1);
		rc = l == &d->rows && !two ? (coln[c] = rown[c], 0)
		                           : actor(d, &coln[c], net, &ids, name, 0);
	}
	cm__strmap_free(&ids);
	return rc;
}

static int tie_cmp(const void *x, const void *y)
{
	const tie *p = x, *q = y;
	return (p->m > q->m) - (p->m < q->m);
}

/* The ties of each matrix as a relation (matrices without ties add none). */
static int ties(dl *d, cm_network *net, const size_t *rown, const size_t *coln)
{
	arc *arcs = cm__malloc((d->nties ? d->nties : 1) * 2 * sizeof(*arcs));
	if (!arcs)
		return CM_ENOMEM;
	qsort(d->ties, d->nties, sizeof(*d->ties), tie_cmp);
	int rc = 0;
	for (size_t i = 0, j; !rc && i < d->nties; i = j) {
		size_t k = 0;
		for (j = i; j < d->nties && d->ties[j].m == d->ties[i].m; j++)
			arcs[k++] = (arc){rown[d->ties[j].r], coln[d->ties[j].c], d->ties[j].w};
		rc = add_relation(d, net, d->ties[i].m, arcs, arcs + d->nties, k);
	}
	cm__free(arcs);
	return rc;
}

static int build(dl *d, cm_series *series)
{
	size_t nr = (size_t)rows_of(d), nc = (size_t)cols_of(d);
	size_t implied = d->nr >= 0 ? nr + nc : nr, allowed = cm__implied_nodes_max(d->bytes);
	if (implied > allowed) {
		d->line = 0;
		diag(d, CM_DIAG_ERROR, NULL, NULL,
		     "the header declares %zu actors, more than a file of %llu bytes describes (at "
		     "most %zu); check N",
		     implied, d->bytes, allowed);
		return CM_ELIMIT;
	}
	cm_network *net;
	size_t *rown = cm__malloc((nr + nc + 1) * sizeof(*rown));
	if (!rown || cm__network_new(&net, d->ctx))
		return cm__free(rown), CM_ENOMEM;
	if (cm_series_append(d->ctx, series, net))
		return cm__free(rown), cm_network_free(net), CM_ENOMEM;
	net->source = cm__arena_strndup(&net->arena, d->file, strlen(d->file));
	net->id = "";
	int rc = net->source ? actors(d, net, rown, rown + nr) : CM_ENOMEM;
	size_t max = d->ctx->limits.max_nodes;
	if (!rc && max && net->n > max) {
		diag(d, CM_DIAG_ERROR, NULL, NULL,
		     "node count exceeds the limit of %zu; raise it with --max-nodes", max);
		rc = CM_ELIMIT;
	}
	if (!rc)
		rc = ties(d, net, rown, rown + nr);
	cm__free(rown);
	if (!rc && cm__network_finish(net, d->ctx))
		rc = CM_ENOMEM;
	return rc;
}

/* ------------------------------------------------------------ driver */

static int dims_ok(dl *d, const char *line)
{
	if (rows_of(d) < 0 || cols_of(d) < 0) {
		diag(d, CM_DIAG_ERROR, line, line,
		     "DATA: before the size; the header needs N = (or NR = and NC =)");
		return d->stop = CM_EPARSE;
	}
	return 0;
}

static void one_line(dl *d, char *line, span **t, size_t *cap)
{
	size_t k;
	if (split(t, cap, &k, line)) {
		d->stop = CM_ENOMEM;
		return;
	}
	span *s = *t;
	if (!k)
		return;
	if (d->in_data) {
		data_tokens(d, s, k, line);
		return;
	}
	if (!d->started) {
		if (!is(&s[0], "dl")) {
			diag(d, CM_DIAG_ERROR, s[0].s, line, "a DL file starts with DL");
			d->stop = CM_EPARSE;
			return;
		}
		d->started = 1;
		s++, k--;
	}
	header_line(d, s, k, line);
}

static int read_lines(dl *d, FILE *fp)
{
	char *line = NULL;
	size_t cap = 0, tcap = 0;
	span *t = NULL;
	ssize_t len;
	while (!d->stop && (len = getline(&line, &cap, fp)) >= 0) {
		d->line++;
		d->bytes += (unsigned long long)len;
		cm__line_at at = {d->file, "DL", d->line, d->bytes};
		if ((d->stop = cm__line_check(d->ctx, &at, line, (size_t)len)))
			d->errors++;
		else
			one_line(d, line, &t, &tcap);
	}
	free(line); /* getline's buffer comes from malloc */
	cm__free(t);
	return cm__line_end(d->ctx, d->file, fp, d->stop);
}

/* What the whole file must have said. */
static void finish_check(dl *d)
{
	if (!d->in_data) {
		diag(d, CM_DIAG_ERROR, NULL, NULL, "no DATA: line; a DL file's data follow DATA:");
	} else if (d->format == F_FULL && d->matrix < (size_t)d->nm) {
		diag(d, CM_DIAG_ERROR, NULL, NULL,
		     "the data end within matrix %zu: %ld matrices of %ld x %ld values were "
		     "declared",
		     d->matrix + 1, d->nm, rows_of(d), cols_of(d));
	}
}

static void names_free(names *l)
{
	cm__free(l->items);
	cm__strmap_free(&l->index);
}

int cm__dl_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp, const cm_read_opts *opts)
{
	dl d = {.ctx = ctx, .file = name, .n = -1, .nr = -1, .nc = -1, .nm = 1};
	cm_series *series;
	(void)opts;
	*out = NULL;
	if (cm_series_new(&series, ctx))
		return CM_ENOMEM;
	int rc = read_lines(&d, fp);
	if (!rc && !d.stop)
		finish_check(&d);
	if (!rc && !d.stop && !d.errors)
		rc = build(&d, series);
	names_free(&d.rows);
	names_free(&d.cols);
	names_free(&d.mats);
	cm__free(d.ties);
	cm__arena_free(&d.arena);
	if (rc == CM_ENOMEM || d.stop == CM_ENOMEM)
		rc = cm__oom(ctx);
	else if (!rc && (d.stop || d.errors))
		rc = d.stop ? d.stop : CM_EPARSE;
	if (rc) {
		cm_series_free(series);
		return rc;
	}
	*out = series;
	return 0;
}
