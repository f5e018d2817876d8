/* SPDX-License-Identifier: MIT */
/* Pajek .net and .paj: *Vertices, *Arcs and *Edges (with relations as
 * ":k "name""), *Arcslist and *Edgeslist; a .paj's networks become the
 * snapshots of a series, its partitions and vectors are dropped with a
 * warning (docs/formats.md). Line by line, with the context's limits. */
#include "import.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { S_NONE, S_VERTICES, S_ARCS, S_EDGES, S_ARCSLIST, S_EDGESLIST, S_SKIP };

typedef struct relname {
	long k;
	const char *name; /* arena of the network */
} relname;

typedef struct pj {
	cm_ctx *ctx;
	const char *file;
	const cm_read_opts *opts;
	cm_series *series;
	cm_network *net;
	cm__attrs attrs;
	unsigned long line;
	int section;
	const char *relation; /* of the current section; NULL: none given */
	relname *rels;        /* ":k "name"" of this network */
	size_t nrels, rcap;
	size_t errors, total_nodes, total_edges;
	size_t declared;          /* *Vertices N of this network: made as they are named */
	unsigned long vline;      /* of *Vertices */
	unsigned long long bytes; /* read so far */
	int warned_drop;
	int stop; /* CM_E* that ends the read */
} pj;

/* Diagnostics at a column of the line being read (import.h). */
#define diag cm__line_diag

/* ------------------------------------------------------------ tokens */

/* The next word or "quoted text" of *s, NUL-terminated in place; NULL at
 * the end of the line. *quoted tells a quoted one apart. */
static char *token(char **s, int *quoted)
{
	char *p = *s + strspn(*s, " \t\r\n");
	*quoted = 0;
	if (!*p)
		return NULL;
	char *start = p, *end;
	if (*p == '"') {
		start = ++p;
		end = strchr(p, '"');
		*quoted = 1;
		if (!end)
			end = p + strlen(p); /* an unclosed quote runs to the line's end */
	} else {
		end = p + strcspn(p, " \t\r\n");
	}
	*s = *end ? end + 1 : end;
	*end = '\0';
	return start;
}

/* The next word of s, unquoted, copied into buf (s is left as it is);
 * 0 when the next token is quoted, too long or absent. */
static int peek_word(const char *s, char *buf, size_t size)
{
	s += strspn(s, " \t\r\n");
	size_t n = strcspn(s, " \t\r\n");
	if (!n || *s == '"' || n >= size)
		return 0;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return 1;
}

static int whole(long *out, const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno)
		return CM_EINVAL;
	*out = v;
	return 0;
}

/* ------------------------------------------------------------ networks */

/* Vertices 1..count made (numbered), as lines name them: a *Vertices count
 * alone costs memory only as far as the file goes on to describe vertices. */
static int ensure(pj *p, size_t count)
{
	cm_network *net = p->net;
	if (count <= net->n)
		return 0;
	size_t allowed = cm__implied_nodes_max(p->bytes);
	if (count > allowed) {
		unsigned long line = p->line;
		p->line = p->vline;
		diag(p, CM_DIAG_ERROR, NULL, NULL,
		     "*Vertices %zu declares more vertices than a file of %llu bytes describes (at "
		     "most %zu); check the count",
		     p->declared, p->bytes, allowed);
		p->line = line;
		return p->stop = CM_ELIMIT;
	}
	while (net->n < count) {
		char num[32];
		snprintf(num, sizeof(num), "%zu", net->n + 1);
		cm__node node = {.id = cm__arena_strndup(&net->arena, num, strlen(num))};
		if (!node.id || cm__network_add_node(net, p->ctx, &node))
			return p->stop = CM_ENOMEM;
	}
	return 0;
}

static void end_network(pj *p)
{
	cm_network *net = p->net;
	if (!net)
		return;
	if (ensure(p, p->declared))
		return;
	cm__strmap seen = {0};
	unsigned long line = p->line;
	p->line = 0; /* about the whole network, not a line */
	for (size_t i = 0; i < net->n && !p->stop; i++) {
		long dup;
		const char *id = net->nodes[i].id;
		if (cm__strmap_add(&seen, id, strlen(id), (uint32_t)i, &dup))
			p->stop = CM_ENOMEM;
		else if (dup >= 0)
			diag(p, CM_DIAG_ERROR, NULL, NULL,
			     "vertices %ld and %zu are both called '%.80s'; clustermap needs "
			     "distinct "
			     "vertex labels",
			     dup + 1, i + 1, id);
	}
	cm__strmap_free(&seen);
	p->line = line;
	if (!p->stop && cm__network_finish(net, p->ctx))
		p->stop = CM_ENOMEM;
	p->net = NULL;
	p->nrels = 0;
	p->declared = 0;
}

static int new_network(pj *p, const char *label)
{
	end_network(p);
	cm_network *net;
	if (cm__network_new(&net, p->ctx))
		return p->stop = CM_ENOMEM;
	if (cm_series_append(p->ctx, p->series, net)) {
		cm_network_free(net);
		return p->stop = CM_ENOMEM;
	}
	p->net = net;
	net->source = cm__arena_strndup(&net->arena, p->file, strlen(p->file));
	net->id = "";
	if (label && *label)
		net->label = cm__arena_strndup(&net->arena, label, strlen(label));
	if (!net->source || (label && *label && !net->label))
		return p->stop = CM_ENOMEM;
	return 0;
}

/* *Vertices N: N actors named by number until their lines name them. */
static void start_vertices(pj *p, char *rest, const char *line)
{
	int q;
	char *t = token(&rest, &q);
	long n;
	if (!t || whole(&n, t) || n < 0) {
		diag(p, CM_DIAG_ERROR, t, line,
		     "*Vertices needs the number of vertices, as in *Vertices 12");
		p->section = S_SKIP;
		return;
	}
	if ((!p->net || p->net->n || p->declared) && new_network(p, NULL))
		return;
	size_t max = p->ctx->limits.max_nodes;
	if (max && (p->total_nodes += (size_t)n) > max) {
		diag(p, CM_DIAG_ERROR, t, line,
		     "node count exceeds the limit of %zu; raise it with --max-nodes", max);
		p->stop = CM_ELIMIT;
		return;
	}
	p->declared = (size_t)n;
	p->vline = p->line;
	p->section = S_VERTICES;
}

/* ":2 "advice"" after *Arcs or *Edges: the relation of what follows. */
static void section_relation(pj *p, char *rest)
{
	int q;
	char *t = token(&rest, &q);
	p->relation = NULL;
	if (!t || t[0] != ':')
		return;
	long k = 0;
	char *name = token(&rest, &q);
	if (whole(&k, t + 1) == 0 && !name) {
		for (size_t r = 0; r < p->nrels; r++)
			if (p->rels[r].k == k)
				p->relation = p->rels[r].name;
		if (!p->relation)
			name = t + 1; /* no name given: the relation is its number */
	}
	if (!name)
		return;
	p->relation = cm__arena_strndup(&p->net->arena, name, strlen(name));
	if (!p->relation || cm__grow((void **)&p->rels, &p->rcap, p->nrels + 1, sizeof(*p->rels)))
		p->stop = CM_ENOMEM;
	else
		p->rels[p->nrels++] = (relname){k, p->relation};
}

static const struct {
	const char *word;
	int section;
} sections[] = {{"*arcs", S_ARCS},           {"*edges", S_EDGES},    {"*arcslist", S_ARCSLIST},
                {"*edgeslist", S_EDGESLIST}, {"*partition", S_SKIP}, {"*vector", S_SKIP},
                {"*permutation", S_SKIP},    {"*cluster", S_SKIP},   {"*hierarchy", S_SKIP},
                {"*project", S_NONE}};

static void start_section(pj *p, char *s, const char *line)
{
	int q;
	char *word = token(&s, &q);
	if (!strcasecmp(word, "*network")) {
		char *name = token(&s, &q);
		new_network(p, name);
		p->section = S_NONE;
		return;
	}
	if (!strcasecmp(word, "*vertices") && p->section == S_SKIP)
		return; /* a partition's or vector's own count */
	if (!strcasecmp(word, "*vertices")) {
		start_vertices(p, s, line);
		return;
	}
	for (size_t k = 0; k < sizeof(sections) / sizeof(*sections); k++) {
		if (strcasecmp(word, sections[k].word))
			continue;
		p->section = sections[k].section;
		if (p->section == S_SKIP && !p->warned_drop++)
			diag(p, CM_DIAG_WARNING, word, line,
			     "%s dropped: clustermap reads networks, not Pajek's partitions, "
			     "vectors "
			     "or permutations",
			     word);
		if (p->section != S_SKIP && p->section != S_NONE && !p->net)
			diag(p, CM_DIAG_ERROR, word, line,
			     "%s before *Vertices; declare the vertices first", word);
		else if (p->section != S_SKIP && p->section != S_NONE)
			section_relation(p, s);
		return;
	}
	diag(p, CM_DIAG_ERROR, word, line, "%s%s is not read; %s", word,
	     !strcasecmp(word, "*matrix") ? "" : " is not a Pajek section and",
	     "write the ties as *Arcs or *Edges (one tie per line)");
	p->section = S_SKIP;
}

/* ------------------------------------------------------------ lines */

/* "key value" pairs after the fixed fields: attributes of the model. */
static void pairs(pj *p, char *s, const char *line, int target, size_t i)
{
	int q;
	for (char *k; !p->stop && (k = token(&s, &q));) {
		char *at = k, *v = token(&s, &q);
		if (!v) {
			diag(p, CM_DIAG_ERROR, at, line,
			     "'%.60s' has no value; attributes come as pairs, as in kind firm", k);
			return;
		}
		cm__value_error err = {0};
		int rc = cm__attrs_apply(&err, &p->attrs, p->ctx, p->opts, p->net, target, i, k, v);
		if (rc == CM_ENOMEM)
			p->stop = CM_ENOMEM;
		else if (err.message[0])
			diag(p, rc ? CM_DIAG_ERROR : CM_DIAG_WARNING, at, line, "%s", err.message);
	}
}

static int vertex_number(pj *p, size_t *out, const char *t, const char *line)
{
	long v;
	if (t && whole(&v, t) == 0 && v >= 1 && (size_t)v <= p->declared) {
		*out = (size_t)v - 1;
		return ensure(p, (size_t)v);
	}
	diag(p, CM_DIAG_ERROR, t, line, "'%.40s' is not a vertex number (1 to %zu)", t ? t : "",
	     p->declared);
	return CM_EPARSE;
}

static int is_number(const char *t)
{
	double v;
	return cm__parse_double(&v, t) == 0 && isfinite(v);
}

static void node_attr(pj *p, size_t i, const char *name, const char *value)
{
	cm__value_error err = {0};
	if (cm__attrs_apply(&err, &p->attrs, p->ctx, p->opts, p->net, CM__FOR_NODE, i, name,
	                    value) == CM_ENOMEM)
		p->stop = CM_ENOMEM;
}

/* 3 "Lanificio Rossi" 0.1 0.2 0.5 ellipse kind firm */
static void vertex_line(pj *p, char *s, const char *line)
{
	int q;
	size_t i;
	char *t = token(&s, &q);
	if (vertex_number(p, &i, t, line))
		return;
	char *label = token(&s, &q);
	if (label && *label) {
		p->net->nodes[i].id = cm__arena_strndup(&p->net->arena, label, strlen(label));
		if (!p->net->nodes[i].id)
			p->stop = CM_ENOMEM;
	}
	/* Coordinates (0 to 1 in Pajek's window) and the shape are drawing
	 * hints: kept as attributes pajek_x, pajek_y and shape. */
	static const char *const coord[] = {"pajek_x", "pajek_y", "pajek_z"};
	char word[64];
	for (int c = 0; c < 3 && peek_word(s, word, sizeof(word)) && is_number(word); c++) {
		token(&s, &q);
		node_attr(p, i, coord[c], word);
	}
	static const char *const shapes[] = {"ellipse",  "box",   "diamond",
	                                     "triangle", "cross", "empty"};
	for (size_t k = 0; peek_word(s, word, sizeof(word)) && k < CM__ARRAY_LEN(shapes); k++)
		if (!strcasecmp(word, shapes[k])) {
			token(&s, &q);
			node_attr(p, i, "shape", word);
			break;
		}
	pairs(p, s, line, CM__FOR_NODE, i);
}

static int add_tie(pj *p, size_t src, size_t dst, const char *line, const char *at)
{
	size_t max = p->ctx->limits.max_edges;
	if (max && ++p->total_edges > max) {
		diag(p, CM_DIAG_ERROR, at, line,
		     "edge count exceeds the limit of %zu; raise it with --max-edges", max);
		return p->stop = CM_ELIMIT;
	}
	int directed = p->section == S_ARCS || p->section == S_ARCSLIST;
	cm__edge e = {.src = src, .dst = dst, .weight = 1.0, .directed = (unsigned char)directed};
	const char *layer = p->relation ? p->relation : "untyped";
	if (cm__network_layer(&e.layer, p->net, p->ctx, layer) ||
	    cm__network_add_edge(p->net, p->ctx, &e))
		return p->stop = CM_ENOMEM;
	return 0;
}

/* [k:] 1 2 [weight] [key value]... */
static void tie_line(pj *p, char *s, const char *line)
{
	int q;
	size_t src, dst;
	const char *saved = p->relation;
	char *t = token(&s, &q);
	size_t tl = t ? strlen(t) : 0;
	if (tl > 1 && t[tl - 1] == ':') { /* "2: 1 3": the tie of relation 2 */
		long k;
		t[tl - 1] = '\0';
		if (whole(&k, t) == 0)
			for (size_t r = 0; r < p->nrels; r++)
				if (p->rels[r].k == k)
					p->relation = p->rels[r].name;
		t = token(&s, &q);
	}
	char *b = t ? token(&s, &q) : NULL;
	if (!vertex_number(p, &src, t, line) && !vertex_number(p, &dst, b, line) &&
	    !add_tie(p, src, dst, line, t)) {
		char w[64];
		if (peek_word(s, w, sizeof(w)) && is_number(w)) {
			token(&s, &q);
			cm__parse_double(&p->net->edges[p->net->m - 1].weight, w);
		}
		pairs(p, s, line, CM__FOR_EDGE, p->net->m - 1);
	}
	p->relation = saved;
}

/* 1 2 3 4: ties from vertex 1 to each of the others. */
static void list_line(pj *p, char *s, const char *line)
{
	int q;
	size_t src, dst;
	char *t = token(&s, &q);
	if (vertex_number(p, &src, t, line))
		return;
	for (char *d; !p->stop && (d = token(&s, &q));)
		if (!vertex_number(p, &dst, d, line))
			add_tie(p, src, dst, line, d);
}

static void one_line(pj *p, char *line)
{
	char *s = line + strspn(line, " \t\r\n");
	if (!*s || *s == '%')
		return;
	if (*s == '*') {
		start_section(p, s, line);
		return;
	}
	switch (p->section) {
	case S_VERTICES: vertex_line(p, s, line); break;
	case S_ARCS:
	case S_EDGES:
		if (p->net)
			tie_line(p, s, line);
		break;
	case S_ARCSLIST:
	case S_EDGESLIST:
		if (p->net)
			list_line(p, s, line);
		break;
	case S_SKIP: break;
	default:
		diag(p, CM_DIAG_ERROR, s, line,
		     "a line outside any section; a Pajek file starts with *Vertices N");
		p->section = S_SKIP;
	}
}

/* ------------------------------------------------------------ driver */

static int read_lines(pj *p, FILE *fp)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while (!p->stop && (len = getline(&line, &cap, fp)) >= 0) {
		p->line++;
		p->bytes += (unsigned long long)len;
		cm__line_at at = {p->file, "Pajek", p->line, p->bytes};
		if ((p->stop = cm__line_check(p->ctx, &at, line, (size_t)len)))
			p->errors++;
		else
			one_line(p, line);
	}
	free(line); /* getline's buffer comes from malloc */
	return cm__line_end(p->ctx, p->file, fp, p->stop);
}

int cm__pajek_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp,
                   const cm_read_opts *opts)
{
	pj p = {.ctx = ctx, .file = name, .opts = opts};
	*out = NULL;
	if (cm_series_new(&p.series, ctx))
		return CM_ENOMEM;
	int rc = read_lines(&p, fp);
	end_network(&p);
	if (!rc && !p.stop && !p.series->count) {
		cm__diag(ctx, CM_DIAG_ERROR, name, p.line ? p.line : 1, 1,
		         "no *Vertices section; a Pajek file lists its vertices first");
		p.errors++;
	}
	cm__attrs_free(&p.attrs);
	cm__free(p.rels);
	if (p.stop == CM_ENOMEM)
		rc = cm__oom(ctx);
	else if (!rc && (p.stop || p.errors))
		rc = p.stop ? p.stop : CM_EPARSE;
	if (rc) {
		cm_series_free(p.series);
		return rc;
	}
	*out = p.series;
	return 0;
}
