/* SPDX-License-Identifier: MIT */
/* The measures of `clustermap metrics` as text tables, JSON (docs/json.md)
 * or CSV. */
#include "metrics/metrics.h"
#include "report.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Actors measured in a layer: the degree is defined for every one of them
 * and NaN for those left out (--inside-only). */
static int in_layer(const cm__mlayer *l, size_t i)
{
	return !isnan(l->actor[CM__AM_DEGREE][i]);
}

/* ------------------------------------------------------------ JSON */

static json_t *json_centralization(const cm__mlayer *l)
{
	return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "degree",
	                 cm__json_value(l->value[CM__NM_C_DEGREE]), "in_degree",
	                 cm__json_value(l->value[CM__NM_C_IN_DEGREE]), "out_degree",
	                 cm__json_value(l->value[CM__NM_C_OUT_DEGREE]), "betweenness",
	                 cm__json_value(l->value[CM__NM_C_BETWEENNESS]), "closeness",
	                 cm__json_value(l->value[CM__NM_C_CLOSENESS]), "eigenvector",
	                 cm__json_value(l->value[CM__NM_C_EIGENVECTOR]));
}

static json_t *json_ei(const cm_metrics *m, const cm__mlayer *l)
{
	const cm__mlayer_ei *e = &l->ei;
	if (!e->present)
		return json_null();
	return json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:I}", "attribute", m->groups,
	                 "external", cm__json_value(e->external), "internal",
	                 cm__json_value(e->internal), "index", cm__json_value(e->ei), "min",
	                 cm__json_value(e->min), "max", cm__json_value(e->max), "expected",
	                 cm__json_value(e->expected), "p_value", cm__json_value(e->p_value),
	                 "p_lower", cm__json_value(e->p_lower), "p_upper",
	                 cm__json_value(e->p_upper), "permutations", (json_int_t)e->permutations);
}

static json_t *json_cp(const cm_metrics *m, const cm__mlayer *l)
{
	const cm__mlayer_cp *cp = &l->cp;
	if (!cp->present)
		return json_null();
	json_t *core = json_array();
	int bad = 0;
	for (size_t k = 0; core && !bad && k < cp->core_size; k++)
		bad |= json_array_append_new(core, json_string(m->net->nodes[cp->core[k]].id));
	core = cm__json_check(core, bad);
	return json_pack("{s:o,s:I,s:o,s:s,s:I,s:{s:o,s:o,s:o,s:o}}", "core", core, "core_size",
	                 (json_int_t)cp->core_size, "fit", cm__json_value(cp->fit), "search",
	                 cp->exact ? "exhaustive" : "heuristic", "starts", (json_int_t)cp->starts,
	                 "density", "core_core", cm__json_value(cp->density[0][0]),
	                 "core_periphery", cm__json_value(cp->density[0][1]), "periphery_core",
	                 cm__json_value(cp->density[1][0]), "periphery_periphery",
	                 cm__json_value(cp->density[1][1]));
}

static json_t *json_sampling(const cm__mlayer_sampling *s)
{
	if (!s->sources)
		return json_pack("{s:s}", "method", "exact");
	if (isnan(s->std_error))
		return json_pack("{s:s,s:I}", "method", "sampled", "sources",
		                 (json_int_t)s->sources);
	return json_pack("{s:s,s:I,s:o}", "method", "sampled", "sources", (json_int_t)s->sources,
	                 "std_error", cm__json_value(s->std_error));
}

static json_t *json_layer(const cm_metrics *m, const cm__mlayer *l)
{
	json_t *o = json_object();
	if (!o)
		return NULL;
	int bad = json_object_set_new(o, "directed", json_boolean(l->directed));
	for (int k = 0; k < CM__NM_C_DEGREE; k++)
		bad |= json_object_set_new(o, cm__network_names[k], cm__json_value(l->value[k]));
	bad |= json_object_set_new(o, "centralization", json_centralization(l));
	bad |= json_object_set_new(o, "ei", json_ei(m, l));
	bad |= json_object_set_new(o, "core_periphery", json_cp(m, l));
	bad |= json_object_set_new(
	    o, "sampling",
	    json_pack("{s:o,s:o,s:o,s:o}", "betweenness", json_sampling(&l->betweenness),
	              "closeness", json_sampling(&l->closeness), "paths", json_sampling(&l->paths),
	              "hierarchy", json_sampling(&l->hierarchy)));
	return cm__json_check(o, bad);
}

/* One actor's object, reused from one actor to the next: its members keep
 * their places, and a value of the same kind is set in place, so that a
 * million actors do not each allocate and hash two dozen members. */
typedef struct actor_row {
	json_t *o, *id, *layer, *name[CM__NAME_FIELDS], *value[CM__AM_COUNT];
	int names;
} actor_row;

/* The row's object at the first actor, with its id (and names) and layer
 * to be set; the measures are added in order by the first row_set. */
static int row_open(actor_row *r)
{
	r->o = json_pack("{s:s}", "id", "");
	int bad = !r->o;
	for (int k = 0; !bad && r->names && k < CM__NAME_FIELDS; k++)
		bad |= json_object_set_new(r->o, cm__name_fields[k], json_null());
	bad = bad || json_object_set_new(r->o, "layer", json_string(""));
	if (bad)
		return -1;
	r->id = json_object_get(r->o, "id");
	r->layer = json_object_get(r->o, "layer");
	for (int k = 0; r->names && k < CM__NAME_FIELDS; k++)
		r->name[k] = json_object_get(r->o, cm__name_fields[k]);
	return 0;
}

/* The names of actor i: a string set in place, null for a missing one. */
static int row_names(actor_row *r, const cm_network *net, size_t i)
{
	const char *v[CM__NAME_FIELDS];
	cm__node_names(v, net, i);
	for (int k = 0; r->names && k < CM__NAME_FIELDS; k++) {
		if (v[k] && json_is_string(r->name[k]) && json_string_set(r->name[k], v[k]) == 0)
			continue;
		if (!v[k] && json_is_null(r->name[k]))
			continue;
		json_t *fresh = v[k] ? json_string(v[k]) : json_null();
		if (!fresh || json_object_set(r->o, cm__name_fields[k], fresh)) {
			json_decref(fresh);
			return -1;
		}
		r->name[k] = fresh;
		json_decref(fresh); /* the object holds it */
	}
	return 0;
}

/* The row set to actor i of layer l: 0, or -1 (out of memory). A value of
 * another kind (or none yet) is replaced, keeping its place. */
static int row_set(actor_row *r, const cm_metrics *m, const cm__mlayer *l, size_t i)
{
	if ((!r->o && row_open(r)) || json_string_set(r->id, m->net->nodes[i].id) ||
	    row_names(r, m->net, i) ||
	    (strcmp(json_string_value(r->layer), l->name) && json_string_set(r->layer, l->name)))
		return -1;
	for (int k = 0; k < CM__AM_COUNT; k++) {
		double v = l->actor[k][i];
		if (r->value[k] && cm__json_value_set(r->value[k], v) == 0)
			continue;
		json_t *fresh = cm__json_value(v);
		if (!fresh || json_object_set(r->o, cm__actor_names[k], fresh)) {
			json_decref(fresh);
			return -1;
		}
		r->value[k] = fresh;
		json_decref(fresh); /* the object holds it */
	}
	return 0;
}

/* As in the classify report: the <graph>'s id and label, and its year. */
static json_t *json_snapshot(const cm_network *net)
{
	return json_pack("{s:s,s:s,s:o}", "id", net->id ? net->id : "", "label",
	                 net->label ? net->label : "", "year",
	                 net->year ? json_integer(net->year) : json_null());
}

/* The actors are written one at a time: one jansson tree of every actor
 * would take many times the memory of the measures (docs/performance.md). */
static int write_actors(FILE *fp, cm_ctx *ctx, const cm_metrics *m, int names)
{
	int rc = 0, any = 0;
	cm__json_text text = {0};
	actor_row row = {.names = names};
	for (size_t k = 0; !rc && k < m->nlayers; k++)
		for (size_t i = 0; !rc && i < m->net->n; i++)
			if (in_layer(&m->layers[k], i)) {
				/* the stream releases what it is given: keep the row */
				rc = row_set(&row, m, &m->layers[k], i) == 0
				         ? cm__json_stream_element(json_incref(row.o), !any, &text,
				                                   fp, ctx)
				         : cm__oom(ctx);
				any = 1;
			}
	json_decref(row.o);
	cm__free(text.data);
	return rc ? rc : cm__json_stream_close(any, fp, ctx);
}

static int write_json(FILE *fp, cm_ctx *ctx, const cm_metrics *m, int snapshot, int names)
{
	json_t *layers = json_object();
	int bad = 0;
	for (size_t k = 0; layers && !bad && k < m->nlayers; k++)
		bad |= json_object_set_new(layers, m->layers[k].name, json_layer(m, &m->layers[k]));
	json_t *snap = snapshot ? json_snapshot(m->net) : NULL;
	if (!layers || bad || (snapshot && !snap)) {
		json_decref(layers);
		json_decref(snap);
		return cm__oom(ctx);
	}
	/* o*: the snapshot only when asked for (NULL leaves the key out). */
	json_t *root =
	    json_pack("{s:s,s:o*,s:I,s:I,s:o,s:[]}", "input", m->net->source ? m->net->source : "",
	              "snapshot", snap, "nodes", (json_int_t)m->net->n, "edges",
	              (json_int_t)m->net->m, "layers", layers, "actors");
	int rc = cm__json_stream_open(root, fp, ctx);
	return rc ? rc : write_actors(fp, ctx, m, names);
}

/* ------------------------------------------------------------ CSV */

static void csv_number(FILE *fp, double v)
{
	char buf[64];
	if (isfinite(v))
		fputs(cm__fmt_double(buf, sizeof(buf), v, 10), fp);
}

/* The input and snapshot come last, so that the columns of a single
 * snapshot keep their places. */
static void csv_snapshot(FILE *fp, const cm_network *net)
{
	fputc(',', fp);
	cm__csv_field(fp, net->source ? net->source : "");
	fputc(',', fp);
	cm__csv_field(fp, net->id ? net->id : "");
}

/* The names beside the id, empty where the file gave none. */
static void csv_names(FILE *fp, const cm_network *net, size_t i)
{
	const char *v[CM__NAME_FIELDS];
	cm__node_names(v, net, i);
	for (int k = 0; k < CM__NAME_FIELDS; k++) {
		fputc(',', fp);
		if (v[k])
			cm__csv_field(fp, v[k]);
	}
}

static void csv_header(FILE *fp, int snapshot, int names)
{
	fputs("id", fp);
	for (int k = 0; names && k < CM__NAME_FIELDS; k++)
		fprintf(fp, ",%s", cm__name_fields[k]);
	fputs(",layer", fp);
	for (int k = 0; k < CM__AM_COUNT; k++)
		fprintf(fp, ",%s", cm__actor_names[k]);
	fputs(snapshot ? ",input,snapshot\r\n" : "\r\n", fp);
}

static int write_csv(FILE *fp, const cm_metrics *m, int snapshot, int header, int names)
{
	if (header)
		csv_header(fp, snapshot, names);
	for (size_t k = 0; k < m->nlayers; k++) {
		const cm__mlayer *l = &m->layers[k];
		for (size_t i = 0; i < m->net->n; i++) {
			if (!in_layer(l, i))
				continue;
			cm__csv_field(fp, m->net->nodes[i].id);
			if (names)
				csv_names(fp, m->net, i);
			fputc(',', fp);
			cm__csv_field(fp, l->name);
			for (int a = 0; a < CM__AM_COUNT; a++) {
				fputc(',', fp);
				csv_number(fp, l->actor[a][i]);
			}
			if (snapshot)
				csv_snapshot(fp, m->net);
			fputs("\r\n", fp);
		}
	}
	return 0;
}

/* ------------------------------------------------------------ text */

static const char *text_number(char *buf, size_t size, double v)
{
	if (!isfinite(v))
		return "-";
	if (v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, size, "%.0f", v);
	else
		cm__fmt_double(buf, size, v, 4);
	return buf;
}

static int column_width(const cm_metrics *m)
{
	int w = 10;
	for (size_t k = 0; k < m->nlayers; k++)
		if ((int)cm__escaped_length(m->layers[k].name) + 2 > w)
			w = (int)cm__escaped_length(m->layers[k].name) + 2;
	return w;
}

static void text_row(FILE *fp, const cm_metrics *m, const char *title, int measure, int w)
{
	char buf[64];
	fprintf(fp, "  %-28s", title);
	for (size_t k = 0; k < m->nlayers; k++)
		fprintf(fp, "%*s", w, text_number(buf, sizeof(buf), m->layers[k].value[measure]));
	fputc('\n', fp);
}

static void text_network(FILE *fp, const cm_metrics *m)
{
	int w = column_width(m);
	fprintf(fp, "\n  %-28s", "layer");
	for (size_t k = 0; k < m->nlayers; k++)
		cm__fput_escaped_field(fp, m->layers[k].name, w, SIZE_MAX);
	fprintf(fp, "\n  %-28s", "directed");
	for (size_t k = 0; k < m->nlayers; k++)
		fprintf(fp, "%*s", w, m->layers[k].directed ? "yes" : "no");
	fputc('\n', fp);
	for (int k = 0; k < CM__NM_COUNT; k++)
		text_row(fp, m, cm__network_names[k], k, w);
}

static void text_sampling(FILE *fp, const cm_metrics *m)
{
	char buf[64];
	for (size_t k = 0; k < m->nlayers; k++) {
		const cm__mlayer *l = &m->layers[k];
		const cm__mlayer_sampling *s[4] = {&l->betweenness, &l->closeness, &l->paths,
		                                   &l->hierarchy};
		static const char *const what[4] = {
		    "betweenness", "closeness", "diameter (a lower bound) and average path length",
		    "hierarchy"};
		for (int j = 0; j < 4; j++) {
			if (!s[j]->sources)
				continue;
			fputs("  note: ", fp);
			cm__fputs_escaped(fp, l->name);
			fprintf(fp, " %s estimated from %zu sampled sources", what[j],
			        s[j]->sources);
			if (!isnan(s[j]->std_error))
				fprintf(fp, " (%sstandard error %s)", j < 2 ? "largest " : "",
				        text_number(buf, sizeof(buf), s[j]->std_error));
			fputc('\n', fp);
		}
	}
}

/* A line of a few thousand ids helps nobody: the first TEXT_CORE_MAX, and
 * the full list in the JSON report. */
#define TEXT_CORE_MAX 20

static void text_cp(FILE *fp, const cm_metrics *m, const cm__mlayer *l)
{
	char b[4][64];
	const cm__mlayer_cp *cp = &l->cp;
	size_t shown = cp->core_size < TEXT_CORE_MAX ? cp->core_size : TEXT_CORE_MAX;
	fputs("\nCore/periphery (", fp);
	cm__fputs_escaped(fp, l->name);
	fprintf(fp, " layer): fit %s, core of %zu:", text_number(b[0], 64, cp->fit), cp->core_size);
	for (size_t i = 0; i < shown; i++) {
		fputc(' ', fp);
		cm__fputs_escaped(fp, m->net->nodes[cp->core[i]].id);
	}
	if (shown < cp->core_size)
		fprintf(fp, " ... and %zu more (all in --format json)", cp->core_size - shown);
	fprintf(fp,
	        "\n  densities: core-core %s, core-periphery %s, periphery-core %s, "
	        "periphery-periphery %s\n",
	        text_number(b[0], 64, cp->density[0][0]), text_number(b[1], 64, cp->density[0][1]),
	        text_number(b[2], 64, cp->density[1][0]), text_number(b[3], 64, cp->density[1][1]));
	if (cp->exact)
		return;
	fprintf(fp, "  search: local, best of %lu starts", cp->starts);
	if (cp->starts < cp->starts_asked)
		fprintf(fp, " (of %lu; fewer on a large layer, see docs/metrics.md)",
		        cp->starts_asked);
	fputc('\n', fp);
}

static void text_groups(FILE *fp, const cm_metrics *m)
{
	char b[6][64];
	fputs("\nE-I index by ", fp);
	cm__fputs_escaped(fp, m->groups);
	fprintf(fp, "\n  %-14s %8s %8s %8s %8s %8s %8s\n", "layer", "external", "internal", "E-I",
	        "min", "max", "p");
	for (size_t k = 0; k < m->nlayers; k++) {
		const cm__mlayer_ei *e = &m->layers[k].ei;
		if (!e->present)
			continue;
		fputs("  ", fp);
		cm__fput_escaped_field(fp, m->layers[k].name, -14, SIZE_MAX);
		fprintf(fp, " %8s %8s %8s %8s %8s %8s\n", text_number(b[0], 64, e->external),
		        text_number(b[1], 64, e->internal), text_number(b[2], 64, e->ei),
		        text_number(b[3], 64, e->min), text_number(b[4], 64, e->max),
		        text_number(b[5], 64, e->p_value));
	}
	for (size_t k = 0; k < m->nlayers; k++)
		if (m->layers[k].cp.present)
			text_cp(fp, m, &m->layers[k]);
}

/* Columns with at least one defined value in the layer. */
static int column_used(const cm_metrics *m, const cm__mlayer *l, int a)
{
	for (size_t i = 0; i < m->net->n; i++)
		if (!isnan(l->actor[a][i]))
			return 1;
	return 0;
}

static int id_width(const cm_metrics *m)
{
	int w = 4;
	for (size_t i = 0; i < m->net->n && w < 40; i++)
		if ((int)cm__escaped_length(m->net->nodes[i].id) > w)
			w = (int)cm__escaped_length(m->net->nodes[i].id);
	return w > 40 ? 40 : w;
}

static void text_actors(FILE *fp, const cm_metrics *m, const cm__mlayer *l)
{
	char buf[64];
	int used[CM__AM_COUNT], iw = id_width(m);
	fputs("\nActors, ", fp);
	cm__fputs_escaped(fp, l->name);
	fprintf(fp, " layer\n  %-*s", iw, "id");
	for (int a = 0; a < CM__AM_COUNT; a++)
		if ((used[a] = column_used(m, l, a)))
			fprintf(fp, " %*s",
			        (int)strlen(cm__actor_names[a]) > 8
			            ? (int)strlen(cm__actor_names[a])
			            : 8,
			        cm__actor_names[a]);
	fputc('\n', fp);
	for (size_t i = 0; i < m->net->n; i++) {
		if (!in_layer(l, i))
			continue;
		fputs("  ", fp);
		cm__fput_escaped_field(fp, m->net->nodes[i].id, -iw, 40);
		for (int a = 0; a < CM__AM_COUNT; a++)
			if (used[a])
				fprintf(fp, " %*s",
				        (int)strlen(cm__actor_names[a]) > 8
				            ? (int)strlen(cm__actor_names[a])
				            : 8,
				        text_number(buf, sizeof(buf), l->actor[a][i]));
		fputc('\n', fp);
	}
}

/* Snapshots of one file differ by id or year. */
static void text_snapshot(FILE *fp, const cm_network *net)
{
	int has_id = net->id && net->id[0];
	if (!has_id && !net->year)
		return;
	fputs("snapshot: ", fp);
	cm__fputs_escaped(fp, has_id ? net->id : "-");
	if (net->year)
		fprintf(fp, ", year %d", net->year);
	fputc('\n', fp);
}

static int write_text(FILE *fp, const cm_metrics *m, int nodes)
{
	const cm_network *net = m->net;
	fputs("file: ", fp);
	cm__fputs_escaped(fp, net->source ? net->source : "");
	fputc('\n', fp);
	text_snapshot(fp, net);
	fprintf(fp, "nodes: %zu, edges: %zu%s%s\n", net->n, net->m,
	        m->inside_only ? ", inside actors only" : "", m->weighted ? ", weighted" : "");
	text_network(fp, m);
	text_sampling(fp, m);
	text_groups(fp, m);
	for (size_t k = 0; nodes && k < m->nlayers; k++)
		text_actors(fp, m, &m->layers[k]);
	return 0;
}

int cm_metrics_write(FILE *fp, cm_ctx *ctx, const cm_metrics *m, cm_format format, int flags)
{
	int rc, snapshot = (flags & CM_METRICS_SNAPSHOT) != 0;
	int names = (flags & CM_METRICS_NAMES) != 0;
	switch (format) {
	case CM_FORMAT_JSON: rc = write_json(fp, ctx, m, snapshot, names); break;
	case CM_FORMAT_CSV:
		rc = write_csv(fp, m, snapshot, !(flags & CM_METRICS_NO_HEADER), names);
		break;
	default: rc = write_text(fp, m, flags & CM_METRICS_NODES); break;
	}
	if (rc == 0 && ferror(fp))
		return cm__error(ctx, CM_EIO, "error: writing the measures failed");
	return rc;
}

typedef struct metrics_args {
	const cm_metrics *m;
	cm_format format;
	int flags;
} metrics_args;

static int metrics_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const metrics_args *a = arg;
	return cm_metrics_write(fp, ctx, a->m, a->format, a->flags);
}

int cm_metrics_write_buf(cm_buf *out, cm_ctx *ctx, const cm_metrics *m, cm_format format, int flags)
{
	metrics_args a = {m, format, flags};
	return cm__buf_write(out, ctx, metrics_thunk, &a);
}
