/* SPDX-License-Identifier: MIT */
/* Text, JSON and CSV writers of diff and timeline (docs/json.md, docs/time.md). */
#include "compare/compare.h"
#include "report.h"

#include <math.h>
#include <string.h>

/* ------------------------------------------------------------ shared */

static void text_classification(FILE *fp, const cm_diff *d);

static json_t *json_classification(const cm_diff *d);
static void csv_classification(FILE *fp, const cm_diff *d);

static const char *fmt(char *buf, size_t size, double v, int digits)
{
	if (!isfinite(v))
		return snprintf(buf, size, "-"), buf;
	return cm__fmt_double(buf, size, fabs(v) < 1e-12 ? 0 : v, digits);
}

static const cm_network *actor_net(const cm_diff *d, cm_change c)
{
	return c == CM_CHANGE_ENTERED ? d->new_net : d->old_net;
}

/* Match key of the i-th actor with change c (in range), and its node in
 * the snapshot that has it. */
static const char *actor_key(const cm_diff *d, cm_change c, size_t i, size_t *node)
{
	const cm__actor *a = &d->actors[d->by_change[c][i]];
	if (node)
		*node = c == CM_CHANGE_ENTERED ? a->new_i : a->old_i;
	return a->key;
}

static cm_kind actor_kind(const cm_diff *d, cm_change c, size_t i)
{
	size_t node;
	actor_key(d, c, i, &node);
	return (cm_kind)actor_net(d, c)->nodes[node].kind;
}

static size_t kind_count(const cm_diff *d, cm_change c, cm_kind kind)
{
	size_t n = 0;
	for (size_t i = 0; i < d->count[c]; i++)
		n += actor_kind(d, c, i) == kind;
	return n;
}

static const char *arrow(const cm__layer_diff *l)
{
	return l->directed ? "->" : "--";
}

static size_t tie_total(const cm__layer_diff *l, int newer)
{
	return l->count[CM_CHANGE_PERSISTED] +
	       l->count[newer ? CM_CHANGE_FORMED : CM_CHANGE_DISSOLVED];
}

/* ------------------------------------------------------------ diff text */

static void text_actors(FILE *fp, const cm_diff *d, cm_change c)
{
	fprintf(fp, "%s: %zu\n", cm_change_name(c, 0), d->count[c]);
	for (int k = 0; k < CM_KIND_COUNT; k++) {
		size_t n = kind_count(d, c, (cm_kind)k);
		if (!n)
			continue;
		const char *sep = " ";
		fprintf(fp, "  %-12s %3zu:", cm_kind_name((cm_kind)k), n);
		/* commas, not spaces: labels used as keys often hold spaces */
		for (size_t i = 0; i < d->count[c]; i++)
			if (actor_kind(d, c, i) == (cm_kind)k) {
				fprintf(fp, "%s%s", sep, actor_key(d, c, i, NULL));
				sep = ", ";
			}
		fputc('\n', fp);
	}
}

static void text_layer_row(FILE *fp, const cm__layer_diff *l)
{
	char j[32], r[32], p[32];
	fprintf(fp, "  %-14s %-3s %6zu %6zu %7zu %9zu %9zu %8s %7s %7s\n", l->name,
	        l->directed ? "yes" : "no", tie_total(l, 0), tie_total(l, 1),
	        l->count[CM_CHANGE_FORMED], l->count[CM_CHANGE_DISSOLVED],
	        l->count[CM_CHANGE_PERSISTED], fmt(j, sizeof(j), l->jaccard, 3),
	        fmt(r, sizeof(r), l->qap.r, 3), fmt(p, sizeof(p), l->qap.p, 3));
}

static void text_tie_lists(FILE *fp, const cm_diff *d, const cm__layer_diff *l)
{
	static const char mark[CM_CHANGE_COUNT] = {'+', '-', '='};
	for (int c = 0; c < CM_CHANGE_COUNT; c++) {
		if (!l->count[c])
			continue;
		fprintf(fp, "%s, %s (%zu):\n", l->name, cm_change_name((cm_change)c, 1),
		        l->count[c]);
		for (size_t i = 0; i < l->count[c]; i++)
			fprintf(fp, "  %c %s %s %s\n", mark[c], d->actors[l->ties[c][i].a].key,
			        arrow(l), d->actors[l->ties[c][i].b].key);
	}
}

static void text_measures(FILE *fp, const cm_diff *d)
{
	char o[32], n[32], dl[32];
	fprintf(fp, "\nmeasures\n  %-14s %-28s %10s %10s %10s\n", "layer", "measure", "old", "new",
	        "delta");
	for (size_t k = 0; k < d->nmeasures; k++) {
		const cm__measure_change *c = &d->measures[k];
		fprintf(fp, "  %-14s %-28s %10s %10s %10s\n", c->layer, c->name,
		        fmt(o, sizeof(o), c->old_value, 4), fmt(n, sizeof(n), c->new_value, 4),
		        fmt(dl, sizeof(dl), c->new_value - c->old_value, 4));
	}
}

static void text_header(FILE *fp, const cm_diff *d)
{
	char a[64], b[64];
	fprintf(fp, "old: %s (%s): %zu actors, %zu ties\n",
	        cm__snapshot_name(a, sizeof(a), d->old_net, 0), d->old_net->source, d->old_net->n,
	        d->old_net->m);
	fprintf(fp, "new: %s (%s): %zu actors, %zu ties\n",
	        cm__snapshot_name(b, sizeof(b), d->new_net, 1), d->new_net->source, d->new_net->n,
	        d->new_net->m);
	fprintf(fp, "actors matched by %s\n\n", d->match_by ? d->match_by : "id");
}

static int diff_text(FILE *fp, const cm_diff *d)
{
	text_header(fp, d);
	for (int c = 0; c < CM_CHANGE_COUNT; c++)
		text_actors(fp, d, (cm_change)c);
	fprintf(fp, "\nties\n  %-14s %-3s %6s %6s %7s %9s %9s %8s %7s %7s\n", "layer", "dir", "old",
	        "new", "formed", "dissolved", "persisted", "jaccard", "qap_r", "qap_p");
	for (size_t k = 0; k < d->nlayers; k++)
		text_layer_row(fp, &d->layers[k]);
	if (d->nlayers && d->layers[0].qap.permutations)
		fprintf(fp, "  (QAP over %zu common actors, %lu permutations)\n",
		        d->layers[0].qap.actors, d->layers[0].qap.permutations);
	fputc('\n', fp);
	for (size_t k = 0; k + 1 < d->nlayers; k++) /* "all" repeats the layers */
		text_tie_lists(fp, d, &d->layers[k]);
	if (d->nmeasures)
		text_measures(fp, d);
	text_classification(fp, d);
	return 0;
}

/* ------------------------------------------------------------ diff JSON */

static json_t *json_qap(const cm_qap *q)
{
	return json_pack("{s:o,s:o,s:I,s:I,s:o,s:o}", "r", cm__json_value(q->r), "p",
	                 cm__json_value(q->p), "actors", (json_int_t)q->actors, "permutations",
	                 (json_int_t)q->permutations, "permuted_mean", cm__json_value(q->perm_mean),
	                 "permuted_sd", cm__json_value(q->perm_sd));
}

static json_t *json_ties(const cm_diff *d, const cm__layer_diff *l, cm_change c)
{
	json_t *a = json_array();
	int bad = 0;
	for (size_t i = 0; a && !bad && i < l->count[c]; i++)
		bad |= json_array_append_new(a, json_pack("[s,s]", d->actors[l->ties[c][i].a].key,
		                                          d->actors[l->ties[c][i].b].key));
	return cm__json_check(a, bad);
}

static json_t *json_layer(const cm_diff *d, const cm__layer_diff *l)
{
	json_t *o =
	    json_pack("{s:s,s:b,s:I,s:I}", "layer", l->name, "directed", l->directed, "old_ties",
	              (json_int_t)tie_total(l, 0), "new_ties", (json_int_t)tie_total(l, 1));
	int bad = 0;
	for (int c = 0; o && c < CM_CHANGE_COUNT; c++)
		bad |= json_object_set_new(o, cm_change_name((cm_change)c, 1),
		                           json_pack("{s:I,s:o}", "count", (json_int_t)l->count[c],
		                                     "ties", json_ties(d, l, (cm_change)c)));
	if (o) {
		bad |= json_object_set_new(o, "jaccard", cm__json_value(l->jaccard));
		bad |= json_object_set_new(o, "qap", json_qap(&l->qap));
	}
	return cm__json_check(o, bad);
}

static json_t *json_actor_list(const cm_diff *d, cm_change c)
{
	json_t *a = json_array();
	int bad = 0;
	for (size_t i = 0; a && !bad && i < d->count[c]; i++) {
		size_t node;
		const char *key = actor_key(d, c, i, &node);
		const cm_network *net = actor_net(d, c);
		bad |= json_array_append_new(
		    a, json_pack("{s:s,s:s,s:s}", "key", key, "id", net->nodes[node].id, "kind",
		                 cm_kind_name((cm_kind)net->nodes[node].kind)));
	}
	return cm__json_check(a, bad);
}

static json_t *json_by_kind(const cm_diff *d)
{
	json_t *o = json_object();
	int bad = 0;
	for (int k = 0; o && k < CM_KIND_COUNT; k++) {
		size_t n[CM_CHANGE_COUNT];
		for (int c = 0; c < CM_CHANGE_COUNT; c++)
			n[c] = kind_count(d, (cm_change)c, (cm_kind)k);
		if (n[0] + n[1] + n[2])
			bad |= json_object_set_new(
			    o, cm_kind_name((cm_kind)k),
			    json_pack("{s:I,s:I,s:I}", "entered", (json_int_t)n[0], "left",
			              (json_int_t)n[1], "stayed", (json_int_t)n[2]));
	}
	return cm__json_check(o, bad);
}

static json_t *json_actors(const cm_diff *d)
{
	return json_pack("{s:o,s:o,s:I,s:o}", "entered", json_actor_list(d, CM_CHANGE_ENTERED),
	                 "left", json_actor_list(d, CM_CHANGE_LEFT), "stayed",
	                 (json_int_t)d->count[CM_CHANGE_STAYED], "by_kind", json_by_kind(d));
}

static json_t *json_measures(const cm_diff *d)
{
	json_t *a = json_array();
	int bad = 0;
	for (size_t k = 0; a && !bad && k < d->nmeasures; k++) {
		const cm__measure_change *c = &d->measures[k];
		bad |= json_array_append_new(
		    a,
		    json_pack("{s:s,s:s,s:o,s:o,s:o}", "layer", c->layer, "measure", c->name, "old",
		              cm__json_value(c->old_value), "new", cm__json_value(c->new_value),
		              "delta", cm__json_value(c->new_value - c->old_value)));
	}
	return cm__json_check(a, bad);
}

static json_t *json_snapshot(const cm_network *net, size_t index)
{
	char buf[64];
	return json_pack("{s:s,s:s,s:o,s:I,s:I}", "name",
	                 cm__snapshot_name(buf, sizeof(buf), net, index), "source", net->source,
	                 "year", net->year ? json_integer(net->year) : json_null(), "actors",
	                 (json_int_t)net->n, "ties", (json_int_t)net->m);
}

static json_t *json_diff(const cm_diff *d)
{
	json_t *layers = json_array();
	int bad = 0;
	for (size_t k = 0; layers && !bad && k < d->nlayers; k++)
		bad |= json_array_append_new(layers, json_layer(d, &d->layers[k]));
	layers = cm__json_check(layers, bad);
	return json_pack("{s:o,s:o,s:s,s:o,s:o,s:o,s:o}", "old", json_snapshot(d->old_net, 0),
	                 "new", json_snapshot(d->new_net, 1), "match_by",
	                 d->match_by ? d->match_by : "id", "actors", json_actors(d), "layers",
	                 layers, "measures", json_measures(d), "classification",
	                 json_classification(d));
}

/* ------------------------------------------------------------ diff CSV */

static void csv_row(FILE *fp, const char *const f[7], double value, double o, double n)
{
	char b[3][32];
	for (int i = 0; i < 7; i++) {
		cm__csv_field(fp, f[i]);
		fputc(',', fp);
	}
	fprintf(fp, "%s,%s,%s,%s\n", isfinite(value) ? cm__fmt_double(b[0], 32, value, 10) : "",
	        isfinite(o) ? cm__fmt_double(b[1], 32, o, 10) : "",
	        isfinite(n) ? cm__fmt_double(b[2], 32, n, 10) : "",
	        isfinite(n - o) ? cm__fmt_double(b[0], 32, n - o, 10) : "");
}

static void csv_actors(FILE *fp, const cm_diff *d)
{
	for (int c = 0; c < CM_CHANGE_COUNT; c++)
		for (size_t i = 0; i < d->count[c]; i++) {
			const char *f[7] = {"actor",
			                    "",
			                    cm_change_name((cm_change)c, 0),
			                    actor_key(d, (cm_change)c, i, NULL),
			                    "",
			                    cm_kind_name(actor_kind(d, (cm_change)c, i)),
			                    ""};
			csv_row(fp, f, NAN, NAN, NAN);
		}
}

static void csv_layer(FILE *fp, const cm_diff *d, const cm__layer_diff *l)
{
	static const char *const stat[] = {"formed",  "dissolved", "persisted",
	                                   "jaccard", "qap.r",     "qap.p"};
	double v[] = {(double)l->count[0],
	              (double)l->count[1],
	              (double)l->count[2],
	              l->jaccard,
	              l->qap.r,
	              l->qap.p};
	for (size_t s = 0; s < CM__ARRAY_LEN(stat); s++) {
		const char *f[7] = {"layer", l->name, "", "", "", "", stat[s]};
		csv_row(fp, f, v[s], NAN, NAN);
	}
	for (int c = 0; c < CM_CHANGE_COUNT && strcmp(l->name, "all"); c++)
		for (size_t i = 0; i < l->count[c]; i++) {
			const char *f[7] = {"tie",
			                    l->name,
			                    cm_change_name((cm_change)c, 1),
			                    d->actors[l->ties[c][i].a].key,
			                    d->actors[l->ties[c][i].b].key,
			                    "",
			                    ""};
			csv_row(fp, f, NAN, NAN, NAN);
		}
}

static int diff_csv(FILE *fp, const cm_diff *d)
{
	fputs("section,layer,change,from,to,kind,measure,value,old,new,delta\n", fp);
	csv_actors(fp, d);
	for (size_t k = 0; k < d->nlayers; k++)
		csv_layer(fp, d, &d->layers[k]);
	for (size_t k = 0; k < d->nmeasures; k++) {
		const cm__measure_change *c = &d->measures[k];
		const char *f[7] = {"measure", c->layer, "", "", "", "", c->name};
		csv_row(fp, f, NAN, c->old_value, c->new_value);
	}
	csv_classification(fp, d);
	return 0;
}

/* ------------------------------------------------------------ classification */

#define MAX_MOVED 64

static const char *type_name(const cm_classification *c)
{
	return cm_cluster_type_name(cm_classification_type(c));
}

/* Ids of the indicators that drive either verdict: old drivers first. */
static size_t moved_ids(const char **ids, const cm_classification *const cls[2])
{
	size_t n = 0;
	for (int s = 0; s < 2; s++)
		for (size_t k = 0; k < cm_classification_driver_count(cls[s]) && n < MAX_MOVED;
		     k++) {
			cm_indicator ind;
			size_t j = 0, i = 0;
			cm_classification_driver(&i, NULL, cls[s], k);
			cm_classification_indicator(&ind, NULL, cls[s], i);
			while (j < n && strcmp(ids[j], ind.id))
				j++;
			if (j == n)
				ids[n++] = ind.id;
		}
	return n;
}

static double indicator_value(const cm_classification *c, const char *id, const char **name)
{
	size_t i;
	cm_indicator ind;
	if (cm_classification_find_indicator(&i, c, id) ||
	    cm_classification_indicator(&ind, NULL, c, i))
		return NAN;
	if (name)
		*name = ind.name;
	return ind.value;
}

static void text_class_row(FILE *fp, const char *what, const cm_classification *c)
{
	char b[40], conf[64];
	double score;
	cm_confidence level = cm_classification_confidence(&score, NULL, c);
	snprintf(conf, sizeof(conf), "%s (%s)", cm_confidence_name(level),
	         fmt(b, sizeof(b), score, 2));
	fprintf(fp, "  %-8s %-19s %-14s", what, type_name(c), conf);
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++)
		fprintf(fp, " %18s",
		        fmt(b, sizeof(b), cm_classification_score(c, (cm_cluster_type)t), 3));
	fputc('\n', fp);
}

static void text_moved(FILE *fp, const cm_classification *const cls[2])
{
	const char *ids[MAX_MOVED];
	char o[32], n[32], dl[32];
	size_t count = moved_ids(ids, cls);
	fprintf(fp, "what moved (the indicators behind either verdict)\n  %-28s %10s %10s %10s\n",
	        "indicator", "old", "new", "delta");
	for (size_t k = 0; k < count; k++) {
		double a = indicator_value(cls[0], ids[k], NULL);
		double b = indicator_value(cls[1], ids[k], NULL);
		fprintf(fp, "  %-28s %10s %10s %10s\n", ids[k], fmt(o, sizeof(o), a, 3),
		        fmt(n, sizeof(n), b, 3), fmt(dl, sizeof(dl), b - a, 3));
	}
}

static void text_classification(FILE *fp, const cm_diff *d)
{
	char b[40];
	const cm_classification *const *cls = (const cm_classification *const *)d->cls;
	if (!cls[0] || !cls[1])
		return;
	fprintf(fp, "\nclassification\n  %-8s %-19s %-14s", "", "type", "confidence");
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++)
		fprintf(fp, " %18s", cm_cluster_type_name((cm_cluster_type)t));
	fputc('\n', fp);
	text_class_row(fp, "old", cls[0]);
	text_class_row(fp, "new", cls[1]);
	fprintf(fp, "  %-8s %-34s", "delta",
	        cm_classification_type(cls[0]) == cm_classification_type(cls[1]) ? "same type"
	                                                                         : "type changed");
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++)
		fprintf(fp, " %18s",
		        fmt(b, sizeof(b),
		            cm_classification_score(cls[1], (cm_cluster_type)t) -
		                cm_classification_score(cls[0], (cm_cluster_type)t),
		            3));
	fputs("\n\n", fp);
	text_moved(fp, cls);
}

static json_t *json_class(const cm_classification *c)
{
	double score;
	const char *by = NULL;
	cm_confidence level = cm_classification_confidence(&score, &by, c);
	json_t *scores = json_object();
	int bad = 0;
	for (int t = 0; scores && t < CM_TYPE_SCORED_COUNT; t++)
		bad |= json_object_set_new(
		    scores, cm_cluster_type_name((cm_cluster_type)t),
		    cm__json_value(cm_classification_score(c, (cm_cluster_type)t)));
	scores = cm__json_check(scores, bad);
	return json_pack("{s:s,s:o,s:{s:s,s:o,s:s?},s:o}", "type", type_name(c), "scores", scores,
	                 "confidence", "level", cm_confidence_name(level), "score",
	                 cm__json_value(score), "limited_by", by, "stability",
	                 cm__json_value(cm_classification_stability(c)));
}

static json_t *json_moved(const cm_classification *const cls[2])
{
	const char *ids[MAX_MOVED];
	size_t count = moved_ids(ids, cls);
	json_t *a = json_array();
	int bad = 0;
	for (size_t k = 0; a && !bad && k < count; k++) {
		const char *name = NULL;
		double o = indicator_value(cls[0], ids[k], &name);
		double n = indicator_value(cls[1], ids[k], &name);
		bad |= json_array_append_new(
		    a, json_pack("{s:s,s:s?,s:o,s:o,s:o}", "indicator", ids[k], "name", name, "old",
		                 cm__json_value(o), "new", cm__json_value(n), "delta",
		                 cm__json_value(n - o)));
	}
	return cm__json_check(a, bad);
}

static json_t *json_classification(const cm_diff *d)
{
	const cm_classification *const *cls = (const cm_classification *const *)d->cls;
	if (!cls[0] || !cls[1])
		return json_null();
	return json_pack("{s:o,s:o,s:b,s:o}", "old", json_class(cls[0]), "new", json_class(cls[1]),
	                 "type_changed",
	                 cm_classification_type(cls[0]) != cm_classification_type(cls[1]), "moved",
	                 json_moved(cls));
}

static void csv_classification(FILE *fp, const cm_diff *d)
{
	const cm_classification *const *cls = (const cm_classification *const *)d->cls;
	const char *ids[MAX_MOVED];
	if (!cls[0] || !cls[1])
		return;
	const char *f[7] = {"classification",  "", "",    type_name(cls[0]),
	                    type_name(cls[1]), "", "type"};
	csv_row(fp, f, NAN, NAN, NAN);
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++) {
		char m[64];
		snprintf(m, sizeof(m), "score.%s", cm_cluster_type_name((cm_cluster_type)t));
		const char *g[7] = {"classification", "", "", "", "", "", m};
		csv_row(fp, g, NAN, cm_classification_score(cls[0], (cm_cluster_type)t),
		        cm_classification_score(cls[1], (cm_cluster_type)t));
	}
	double s0, s1;
	cm_classification_confidence(&s0, NULL, cls[0]);
	cm_classification_confidence(&s1, NULL, cls[1]);
	const char *g[7] = {"classification", "", "", "", "", "", "confidence"};
	csv_row(fp, g, NAN, s0, s1);
	size_t count = moved_ids(ids, cls);
	for (size_t k = 0; k < count; k++) {
		const char *h[7] = {"indicator", "", "", "", "", "", ids[k]};
		csv_row(fp, h, NAN, indicator_value(cls[0], ids[k], NULL),
		        indicator_value(cls[1], ids[k], NULL));
	}
}

static int finish(FILE *fp, cm_ctx *ctx)
{
	return ferror(fp) ? cm__write_failed(ctx) : 0;
}

int cm_diff_write(FILE *fp, cm_ctx *ctx, const cm_diff *d, cm_format format)
{
	if (format == CM_FORMAT_JSON)
		return cm__json_dump(json_pack("{s:o}", "diff", json_diff(d)), fp, ctx);
	if (format == CM_FORMAT_CSV)
		diff_csv(fp, d);
	else
		diff_text(fp, d);
	return finish(fp, ctx);
}

/* ------------------------------------------------------------ timeline */

/* Layer names over every snapshot, in order of first appearance, "all" last. */
static size_t timeline_layers(const char **out, size_t cap, const cm_timeline *tl)
{
	size_t n = 0;
	for (size_t i = 0; i < tl->count; i++)
		for (size_t k = 0; k < cm_metrics_layer_count(tl->metrics[i]); k++) {
			const char *name = "";
			cm_metrics_layer_name(&name, NULL, tl->metrics[i], k);
			size_t j = 0;
			while (j < n && strcmp(out[j], name))
				j++;
			if (j == n && n < cap && strcmp(name, "all"))
				out[n++] = name;
		}
	if (n < cap)
		out[n++] = "all";
	return n;
}

static const cm__layer_diff *all_layer(const cm_diff *d)
{
	return d ? &d->layers[d->nlayers - 1] : NULL;
}

static void text_summary_row(FILE *fp, const cm_timeline *tl, size_t i)
{
	char j[32], r[32], p[32];
	const cm_diff *d = tl->diffs[i];
	const cm__layer_diff *a = all_layer(d);
	fprintf(fp, "  %-12s %6zu %6zu", tl->names[i], tl->nets[i]->n, tl->nets[i]->m);
	if (d)
		fprintf(fp, " %7zu %5zu %7zu %9zu %8s %7s %7s", d->count[CM_CHANGE_ENTERED],
		        d->count[CM_CHANGE_LEFT], a->count[CM_CHANGE_FORMED],
		        a->count[CM_CHANGE_DISSOLVED], fmt(j, sizeof(j), a->jaccard, 3),
		        fmt(r, sizeof(r), a->qap.r, 3), fmt(p, sizeof(p), a->qap.p, 3));
	else
		fprintf(fp, " %7s %5s %7s %9s %8s %7s %7s", "", "", "", "", "", "", "");
	if (tl->cls[i]) {
		double score;
		cm_confidence level = cm_classification_confidence(&score, NULL, tl->cls[i]);
		fprintf(fp, "  %-14s %s (%s)", type_name(tl->cls[i]), cm_confidence_name(level),
		        fmt(j, sizeof(j), score, 2));
	}
	fputc('\n', fp);
}

static int any_class(const cm_timeline *tl)
{
	for (size_t i = 0; i < tl->count; i++)
		if (tl->cls[i])
			return 1;
	return 0;
}

static void text_scores(FILE *fp, const cm_timeline *tl)
{
	char b[32];
	if (!any_class(tl))
		return;
	fprintf(fp, "\nclassification scores\n  %-28s", "type");
	for (size_t i = 0; i < tl->count; i++)
		fprintf(fp, " %10s", tl->names[i]);
	fputc('\n', fp);
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++) {
		fprintf(fp, "  %-28s", cm_cluster_type_name((cm_cluster_type)t));
		for (size_t i = 0; i < tl->count; i++)
			fprintf(fp, " %10s",
			        fmt(b, sizeof(b),
			            tl->cls[i]
			                ? cm_classification_score(tl->cls[i], (cm_cluster_type)t)
			                : NAN,
			            3));
		fputc('\n', fp);
	}
}

static void text_layer_table(FILE *fp, const cm_timeline *tl, const char *layer)
{
	char b[32];
	fprintf(fp, "\n%s\n  %-28s", layer, "measure");
	for (size_t i = 0; i < tl->count; i++)
		fprintf(fp, " %10s", tl->names[i]);
	fputc('\n', fp);
	for (const char *const *m = cm_metrics_network_names(); *m; m++) {
		fprintf(fp, "  %-28s", *m);
		for (size_t i = 0; i < tl->count; i++) {
			double v = NAN;
			cm_timeline_value(&v, NULL, tl, i, layer, *m);
			fprintf(fp, " %10s", fmt(b, sizeof(b), v, 4));
		}
		fputc('\n', fp);
	}
}

static int timeline_text(FILE *fp, const cm_timeline *tl, const char **layers, size_t nl)
{
	fprintf(fp,
	        "snapshots (changes from the one before; ties of all layers)\n"
	        "  %-12s %6s %6s %7s %5s %7s %9s %8s %7s %7s",
	        "snapshot", "actors", "ties", "entered", "left", "formed", "dissolved", "jaccard",
	        "qap_r", "qap_p");
	fputs(any_class(tl) ? "  type           confidence\n" : "\n", fp);
	for (size_t i = 0; i < tl->count; i++)
		text_summary_row(fp, tl, i);
	text_scores(fp, tl);
	for (size_t k = 0; k < nl; k++)
		text_layer_table(fp, tl, layers[k]);
	return 0;
}

static json_t *json_change(const cm_diff *d)
{
	json_t *layers = json_object();
	int bad = 0;
	for (size_t k = 0; layers && !bad && k < d->nlayers; k++) {
		const cm__layer_diff *l = &d->layers[k];
		bad |= json_object_set_new(
		    layers, l->name,
		    json_pack("{s:I,s:I,s:I,s:o,s:o}", "formed", (json_int_t)l->count[0],
		              "dissolved", (json_int_t)l->count[1], "persisted",
		              (json_int_t)l->count[2], "jaccard", cm__json_value(l->jaccard), "qap",
		              json_qap(&l->qap)));
	}
	layers = cm__json_check(layers, bad);
	return json_pack("{s:I,s:I,s:I,s:o}", "entered", (json_int_t)d->count[0], "left",
	                 (json_int_t)d->count[1], "stayed", (json_int_t)d->count[2], "layers",
	                 layers);
}

static json_t *json_values(const cm_timeline *tl, size_t i, const char **layers, size_t nl)
{
	json_t *o = json_object();
	int bad = 0;
	for (size_t k = 0; o && !bad && k < nl; k++) {
		size_t at;
		if (cm_metrics_find_layer(&at, tl->metrics[i], layers[k]))
			continue;
		json_t *m = json_object();
		for (const char *const *name = cm_metrics_network_names(); m && !bad && *name;
		     name++) {
			double v = NAN;
			cm_timeline_value(&v, NULL, tl, i, layers[k], *name);
			bad |= json_object_set_new(m, *name, cm__json_value(v));
		}
		bad |= json_object_set_new(o, layers[k], cm__json_check(m, bad));
	}
	return cm__json_check(o, bad);
}

static json_t *json_timeline(const cm_timeline *tl, const char **layers, size_t nl)
{
	json_t *a = json_array();
	int bad = 0;
	for (size_t i = 0; a && !bad && i < tl->count; i++) {
		const cm_network *net = tl->nets[i];
		bad |= json_array_append_new(
		    a, json_pack("{s:s,s:s,s:o,s:I,s:I,s:o,s:o,s:o}", "name", tl->names[i],
		                 "source", net->source, "year",
		                 net->year ? json_integer(net->year) : json_null(), "actors",
		                 (json_int_t)net->n, "ties", (json_int_t)net->m, "change",
		                 i ? json_change(tl->diffs[i]) : json_null(), "classification",
		                 tl->cls[i] ? json_class(tl->cls[i]) : json_null(), "measures",
		                 json_values(tl, i, layers, nl)));
	}
	return json_pack("{s:{s:o}}", "timeline", "snapshots", cm__json_check(a, bad));
}

static void csv_header(FILE *fp, const cm_timeline *tl, const char **layers, size_t nl)
{
	fputs("snapshot,year,actors,ties,entered,left,formed,dissolved,jaccard,qap.r,qap.p", fp);
	if (any_class(tl)) {
		fputs(",type,confidence,confidence.score", fp);
		for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++)
			fprintf(fp, ",score.%s", cm_cluster_type_name((cm_cluster_type)t));
	}
	for (size_t k = 0; k < nl; k++)
		for (const char *const *m = cm_metrics_network_names(); *m; m++) {
			char col[256];
			snprintf(col, sizeof(col), "%s:%s", layers[k], *m);
			fputc(',', fp);
			cm__csv_field(fp, col);
		}
	fputc('\n', fp);
}

static void csv_num(FILE *fp, double v)
{
	char b[32];
	fputc(',', fp);
	if (isfinite(v))
		fputs(cm__fmt_double(b, sizeof(b), v, 10), fp);
}

static void csv_class(FILE *fp, const cm_classification *c)
{
	double score;
	cm_confidence level = cm_classification_confidence(&score, NULL, c);
	fprintf(fp, ",%s,%s", type_name(c), cm_confidence_name(level));
	csv_num(fp, score);
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++)
		csv_num(fp, cm_classification_score(c, (cm_cluster_type)t));
}

static void csv_snapshot(FILE *fp, const cm_timeline *tl, size_t i, const char **layers, size_t nl)
{
	const cm_diff *d = tl->diffs[i];
	const cm__layer_diff *a = all_layer(d);
	cm__csv_field(fp, tl->names[i]);
	fputc(',', fp);
	if (tl->nets[i]->year)
		fprintf(fp, "%d", tl->nets[i]->year);
	fprintf(fp, ",%zu,%zu", tl->nets[i]->n, tl->nets[i]->m);
	double ch[] = {NAN, NAN, NAN, NAN, NAN, NAN, NAN};
	if (d) {
		double v[] = {(double)d->count[0],
		              (double)d->count[1],
		              (double)a->count[0],
		              (double)a->count[1],
		              a->jaccard,
		              a->qap.r,
		              a->qap.p};
		memcpy(ch, v, sizeof(ch));
	}
	for (size_t k = 0; k < CM__ARRAY_LEN(ch); k++)
		csv_num(fp, ch[k]);
	if (tl->cls[i])
		csv_class(fp, tl->cls[i]);
	else if (any_class(tl))
		fputs(",,,,,,,", fp);
	for (size_t k = 0; k < nl; k++)
		for (const char *const *m = cm_metrics_network_names(); *m; m++) {
			double v = NAN;
			cm_timeline_value(&v, NULL, tl, i, layers[k], *m);
			csv_num(fp, v);
		}
	fputc('\n', fp);
}

static size_t max_layers(const cm_timeline *tl)
{
	size_t n = 1;
	for (size_t i = 0; i < tl->count; i++)
		n += cm_metrics_layer_count(tl->metrics[i]);
	return n;
}

int cm_timeline_write(FILE *fp, cm_ctx *ctx, const cm_timeline *tl, cm_format format)
{
	size_t cap = max_layers(tl);
	const char **layers = cm__malloc(sizeof(*layers) * cap);
	if (!layers)
		return cm__oom(ctx);
	size_t nl = timeline_layers(layers, cap, tl);
	int rc = 0;
	if (format == CM_FORMAT_JSON) {
		rc = cm__json_dump(json_timeline(tl, layers, nl), fp, ctx);
	} else if (format == CM_FORMAT_CSV) {
		csv_header(fp, tl, layers, nl);
		for (size_t i = 0; i < tl->count; i++)
			csv_snapshot(fp, tl, i, layers, nl);
	} else {
		timeline_text(fp, tl, layers, nl);
	}
	cm__free(layers);
	return rc ? rc : finish(fp, ctx);
}

typedef struct compare_args {
	const cm_diff *d;
	const cm_timeline *tl;
	cm_format format;
} compare_args;

static int diff_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const compare_args *a = arg;
	return cm_diff_write(fp, ctx, a->d, a->format);
}

static int timeline_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const compare_args *a = arg;
	return cm_timeline_write(fp, ctx, a->tl, a->format);
}

int cm_diff_write_buf(cm_buf *out, cm_ctx *ctx, const cm_diff *d, cm_format format)
{
	compare_args a = {d, NULL, format};
	return cm__buf_write(out, ctx, diff_thunk, &a);
}

int cm_timeline_write_buf(cm_buf *out, cm_ctx *ctx, const cm_timeline *tl, cm_format format)
{
	compare_args a = {NULL, tl, format};
	return cm__buf_write(out, ctx, timeline_thunk, &a);
}
