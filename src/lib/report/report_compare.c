/* SPDX-License-Identifier: MIT */
/* Text, JSON and CSV writers of diff and timeline (docs/json.md, docs/time.md). */
#include "compare/compare.h"
#include "report.h"

#include <math.h>
#include <stdint.h>
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

/* The name shown beside an actor's key: its label in the newer snapshot
 * that has it, NULL when none, when it is the key itself, or when names
 * are not wanted (CM_DIFF_NO_NAMES). */
static const char *actor_label(const cm_diff *d, size_t actor, int flags)
{
	const cm__actor *a = &d->actors[actor];
	const char *label = NULL;
	if (flags & CM_DIFF_NO_NAMES)
		return NULL;
	if (a->new_i != SIZE_MAX)
		label = d->new_net->nodes[a->new_i].label;
	if (!label && a->old_i != SIZE_MAX)
		label = d->old_net->nodes[a->old_i].label;
	return label && strcmp(label, a->key) ? label : NULL;
}

/* Index into d->actors of the i-th actor with change c. */
static size_t actor_index(const cm_diff *d, cm_change c, size_t i)
{
	return d->by_change[c][i];
}

/* One attribute of a stayed actor whose value differs between the
 * snapshots; old or new is NULL when that snapshot does not give it. */
typedef void (*change_fn)(void *payload, const char *name, const char *old, const char *new);

static int differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b));
}

static const cm__column *column_named(const cm_network *net, const char *name)
{
	for (size_t k = 0; k < net->nncols; k++)
		if (!strcmp(net->ncols[k].name, name))
			return &net->ncols[k];
	return NULL;
}

/* The extra columns (employees, sector-like codes, ...) of either
 * snapshot, each once: the old one's, then the new one's it lacks. */
static int column_changes(const cm_diff *d, const cm__actor *a, change_fn fn, void *payload)
{
	int n = 0;
	for (int side = 0; side < 2; side++) {
		const cm_network *net = side ? d->new_net : d->old_net;
		const cm_network *other = side ? d->old_net : d->new_net;
		for (size_t k = 0; k < net->nncols; k++) {
			const cm__column *c = &net->ncols[k], *o = column_named(other, c->name);
			if (side && o)
				continue; /* seen from the old side */
			if (d->match_by && !strcmp(c->name, d->match_by))
				continue;
			const char *v = cm__column_get(c, side ? a->new_i : a->old_i);
			const char *w = o ? cm__column_get(o, side ? a->old_i : a->new_i) : NULL;
			if (differ(v, w) && ++n && fn)
				fn(payload, c->name, side ? w : v, side ? v : w);
		}
	}
	return n;
}

/* Calls fn for every attribute of stayed actor a that changed (the model's
 * label, kind, size, ownership, location and sector, then the other
 * columns); returns how many did. */
static int attribute_changes(const cm_diff *d, const cm__actor *a, change_fn fn, void *payload)
{
	const char *o[CM__NAME_FIELDS + 1], *n[CM__NAME_FIELDS + 1];
	static const char *const names[CM__NAME_FIELDS + 1] = {"label",     "kind",     "size",
	                                                       "ownership", "location", "sector"};
	const cm__node *on = &d->old_net->nodes[a->old_i], *nn = &d->new_net->nodes[a->new_i];
	int count = 0;
	cm__node_names(o, d->old_net, a->old_i);
	cm__node_names(n, d->new_net, a->new_i);
	o[CM__NAME_FIELDS] = on->has & CM_HAS_SECTOR ? on->sector : NULL;
	n[CM__NAME_FIELDS] = nn->has & CM_HAS_SECTOR ? nn->sector : NULL;
	for (int k = 0; k <= CM__NAME_FIELDS; k++)
		if (!(k == 0 && d->match_by && !strcmp(d->match_by, "label")) &&
		    differ(o[k], n[k]) && ++count && fn)
			fn(payload, names[k], o[k], n[k]);
	return count + column_changes(d, a, fn, payload);
}

static size_t changed_count(const cm_diff *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->count[CM_CHANGE_STAYED]; i++)
		n += attribute_changes(d, &d->actors[actor_index(d, CM_CHANGE_STAYED, i)], NULL,
		                       NULL) > 0;
	return n;
}

/* ------------------------------------------------------------ diff text */

static void text_key(FILE *fp, const cm_diff *d, size_t actor, int flags)
{
	const char *label = actor_label(d, actor, flags);
	cm__fputs_escaped(fp, d->actors[actor].key);
	if (label) {
		fputs(" (", fp);
		cm__fputs_escaped(fp, label);
		fputc(')', fp);
	}
}

typedef struct text_change {
	FILE *fp;
	const char *sep;
} text_change;

static void text_change_one(void *payload, const char *name, const char *old, const char *new)
{
	text_change *t = payload;
	fputs(t->sep, t->fp);
	cm__fputs_escaped(t->fp, name);
	fputc(' ', t->fp);
	cm__fputs_escaped(t->fp, old ? old : "(none)");
	fputs(" -> ", t->fp);
	cm__fputs_escaped(t->fp, new ? new : "(none)");
	t->sep = "; ";
}

/* Actors present in both snapshots whose attributes changed: a takeover
 * (ownership local -> external), a move, a firm that grew. */
static void text_changed(FILE *fp, const cm_diff *d, int flags)
{
	fprintf(fp, "changed: %zu\n", changed_count(d));
	for (size_t i = 0; i < d->count[CM_CHANGE_STAYED]; i++) {
		size_t k = actor_index(d, CM_CHANGE_STAYED, i);
		if (!attribute_changes(d, &d->actors[k], NULL, NULL))
			continue;
		text_change t = {fp, ": "};
		fputs("  ", fp);
		text_key(fp, d, k, flags);
		attribute_changes(d, &d->actors[k], text_change_one, &t);
		fputc('\n', fp);
	}
}

static void text_actors(FILE *fp, const cm_diff *d, cm_change c, int flags)
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
				fputs(sep, fp);
				text_key(fp, d, actor_index(d, c, i), flags);
				sep = ", ";
			}
		fputc('\n', fp);
	}
}

static void text_layer_row(FILE *fp, const cm__layer_diff *l)
{
	char j[32], r[32], p[32];
	fputs("  ", fp);
	cm__fput_escaped_field(fp, l->name, -14, SIZE_MAX);
	fprintf(fp, " %-3s %6zu %6zu %7zu %9zu %9zu %8s %7s %7s\n", l->directed ? "yes" : "no",
	        tie_total(l, 0), tie_total(l, 1), l->count[CM_CHANGE_FORMED],
	        l->count[CM_CHANGE_DISSOLVED], l->count[CM_CHANGE_PERSISTED],
	        fmt(j, sizeof(j), l->jaccard, 3), fmt(r, sizeof(r), l->qap.r, 3),
	        fmt(p, sizeof(p), l->qap.p, 3));
}

/* Persisted ties are listed only when asked (CM_DIFF_PERSISTED): in a
 * stable cluster they are most of the report and say nothing new. */
static int listed(cm_change c, int flags)
{
	return c != CM_CHANGE_PERSISTED || (flags & CM_DIFF_PERSISTED);
}

static void text_tie_lists(FILE *fp, const cm_diff *d, const cm__layer_diff *l, int flags)
{
	static const char mark[CM_CHANGE_COUNT] = {'+', '-', '='};
	for (int c = 0; c < CM_CHANGE_COUNT; c++) {
		if (!l->count[c] || !listed((cm_change)c, flags))
			continue;
		cm__fputs_escaped(fp, l->name);
		fprintf(fp, ", %s (%zu):\n", cm_change_name((cm_change)c, 1), l->count[c]);
		for (size_t i = 0; i < l->count[c]; i++) {
			fprintf(fp, "  %c ", mark[c]);
			text_key(fp, d, l->ties[c][i].a, flags);
			fprintf(fp, " %s ", arrow(l));
			text_key(fp, d, l->ties[c][i].b, flags);
			fputc('\n', fp);
		}
	}
}

static void text_measures(FILE *fp, const cm_diff *d)
{
	char o[32], n[32], dl[32];
	fprintf(fp, "\nmeasures\n  %-14s %-28s %10s %10s %10s\n", "layer", "measure", "old", "new",
	        "delta");
	for (size_t k = 0; k < d->nmeasures; k++) {
		const cm__measure_change *c = &d->measures[k];
		fputs("  ", fp);
		cm__fput_escaped_field(fp, c->layer, -14, SIZE_MAX);
		fputc(' ', fp);
		cm__fput_escaped_field(fp, c->name, -28, SIZE_MAX);
		fprintf(fp, " %10s %10s %10s\n", fmt(o, sizeof(o), c->old_value, 4),
		        fmt(n, sizeof(n), c->new_value, 4),
		        fmt(dl, sizeof(dl), c->new_value - c->old_value, 4));
	}
}

static void text_header(FILE *fp, const cm_diff *d)
{
	const cm_network *nets[2] = {d->old_net, d->new_net};
	for (int i = 0; i < 2; i++) {
		char name[64];
		fputs(i ? "new: " : "old: ", fp);
		cm__fputs_escaped(fp, cm__snapshot_name(name, sizeof(name), nets[i], i));
		fputs(" (", fp);
		cm__fputs_escaped(fp, nets[i]->source ? nets[i]->source : "");
		fprintf(fp, "): %zu actors, %zu ties\n", nets[i]->n, nets[i]->m);
	}
	fputs("actors matched by ", fp);
	cm__fputs_escaped(fp, d->match_by ? d->match_by : "id");
	fputs("\n\n", fp);
}

static int diff_text(FILE *fp, const cm_diff *d, int flags)
{
	text_header(fp, d);
	for (int c = 0; c < CM_CHANGE_COUNT; c++)
		text_actors(fp, d, (cm_change)c, flags);
	text_changed(fp, d, flags);
	fprintf(fp, "\nties\n  %-14s %-3s %6s %6s %7s %9s %9s %8s %7s %7s\n", "layer", "dir", "old",
	        "new", "formed", "dissolved", "persisted", "jaccard", "qap_r", "qap_p");
	for (size_t k = 0; k < d->nlayers; k++)
		text_layer_row(fp, &d->layers[k]);
	if (d->nlayers && d->layers[0].qap.permutations)
		fprintf(fp, "  (QAP over %zu common actors, %lu permutations)\n",
		        d->layers[0].qap.actors, d->layers[0].qap.permutations);
	fputc('\n', fp);
	for (size_t k = 0; k + 1 < d->nlayers; k++) /* "all" repeats the layers */
		text_tie_lists(fp, d, &d->layers[k], flags);
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

static json_t *json_ties(const cm_diff *d, const cm__layer_diff *l, cm_change c, int flags)
{
	if (!listed(c, flags))
		return NULL; /* the count only */
	json_t *a = json_array();
	int bad = 0;
	for (size_t i = 0; a && !bad && i < l->count[c]; i++)
		bad |= json_array_append_new(a, json_pack("[s,s]", d->actors[l->ties[c][i].a].key,
		                                          d->actors[l->ties[c][i].b].key));
	return cm__json_check(a, bad);
}

static json_t *json_layer(const cm_diff *d, const cm__layer_diff *l, int flags)
{
	json_t *o =
	    json_pack("{s:s,s:b,s:I,s:I}", "layer", l->name, "directed", l->directed, "old_ties",
	              (json_int_t)tie_total(l, 0), "new_ties", (json_int_t)tie_total(l, 1));
	int bad = 0;
	for (int c = 0; o && c < CM_CHANGE_COUNT; c++)
		bad |= json_object_set_new(o, cm_change_name((cm_change)c, 1),
		                           json_pack("{s:I,s:o*}", "count", (json_int_t)l->count[c],
		                                     "ties", json_ties(d, l, (cm_change)c, flags)));
	if (o) {
		bad |= json_object_set_new(o, "jaccard", cm__json_value(l->jaccard));
		bad |= json_object_set_new(o, "qap", json_qap(&l->qap));
	}
	return cm__json_check(o, bad);
}

static json_t *json_label(const cm_diff *d, size_t actor, int flags)
{
	const char *label = actor_label(d, actor, flags);
	return label ? json_string(label) : NULL;
}

static json_t *json_actor_list(const cm_diff *d, cm_change c, int flags)
{
	json_t *a = json_array();
	int bad = 0;
	for (size_t i = 0; a && !bad && i < d->count[c]; i++) {
		size_t node;
		const char *key = actor_key(d, c, i, &node);
		const cm_network *net = actor_net(d, c);
		bad |= json_array_append_new(
		    a,
		    json_pack("{s:s,s:o*,s:s,s:s}", "key", key, "label",
		              json_label(d, actor_index(d, c, i), flags), "id", net->nodes[node].id,
		              "kind", cm_kind_name((cm_kind)net->nodes[node].kind)));
	}
	return cm__json_check(a, bad);
}

static void json_change_one(void *payload, const char *name, const char *old, const char *new)
{
	json_t *a = payload;
	/* an allocation failure shows as a shorter list: json_array_append_new
	 * releases what it could not add */
	json_array_append_new(
	    a, json_pack("{s:s,s:s?,s:s?}", "attribute", name, "old", old, "new", new));
}

/* Stayed actors whose attributes changed, each with its changes. */
static json_t *json_changed(const cm_diff *d, int flags)
{
	json_t *a = json_array();
	int bad = 0;
	for (size_t i = 0; a && !bad && i < d->count[CM_CHANGE_STAYED]; i++) {
		size_t k = actor_index(d, CM_CHANGE_STAYED, i);
		int n = attribute_changes(d, &d->actors[k], NULL, NULL);
		if (!n)
			continue;
		json_t *list = json_array();
		if (list)
			attribute_changes(d, &d->actors[k], json_change_one, list);
		bad |= !list || json_array_size(list) != (size_t)n;
		bad |= json_array_append_new(a, json_pack("{s:s,s:o*,s:o}", "key", d->actors[k].key,
		                                          "label", json_label(d, k, flags),
		                                          "changes", list));
	}
	return cm__json_check(a, bad);
}

/* Key -> label of every actor of either snapshot that has a name, so
 * that the tie lists (pairs of keys) can be read by name. */
static json_t *json_labels(const cm_diff *d, int flags)
{
	json_t *o = json_object();
	int bad = 0;
	for (size_t k = 0; o && !bad && k < d->nactors; k++) {
		const char *label = actor_label(d, k, flags);
		if (label)
			bad |= json_object_set_new(o, d->actors[k].key, json_string(label));
	}
	return cm__json_check(o, bad);
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

static json_t *json_actors(const cm_diff *d, int flags)
{
	return json_pack("{s:o,s:o,s:I,s:o,s:o}", "entered",
	                 json_actor_list(d, CM_CHANGE_ENTERED, flags), "left",
	                 json_actor_list(d, CM_CHANGE_LEFT, flags), "stayed",
	                 (json_int_t)d->count[CM_CHANGE_STAYED], "changed", json_changed(d, flags),
	                 "by_kind", json_by_kind(d));
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

static json_t *json_diff(const cm_diff *d, int flags)
{
	json_t *layers = json_array();
	int bad = 0;
	for (size_t k = 0; layers && !bad && k < d->nlayers; k++)
		bad |= json_array_append_new(layers, json_layer(d, &d->layers[k], flags));
	layers = cm__json_check(layers, bad);
	json_t *labels = flags & CM_DIFF_NO_NAMES ? NULL : json_labels(d, flags);
	return json_pack("{s:o,s:o,s:s,s:o,s:o*,s:o,s:o,s:o}", "old", json_snapshot(d->old_net, 0),
	                 "new", json_snapshot(d->new_net, 1), "match_by",
	                 d->match_by ? d->match_by : "id", "actors", json_actors(d, flags),
	                 "labels", labels, "layers", layers, "measures", json_measures(d),
	                 "classification", json_classification(d));
}

/* ------------------------------------------------------------ diff CSV */

/* The fields section, layer, change, from, to, kind and measure, with the
 * names of from and to (NULL: empty) beside them. */
static void csv_fields(FILE *fp, const char *const f[7], const char *from_label,
                       const char *to_label)
{
	const char *all[9] = {
	    f[0], f[1], f[2], f[3], from_label ? from_label : "", f[4], to_label ? to_label : "",
	    f[5], f[6]};
	for (int i = 0; i < 9; i++) {
		cm__csv_field(fp, all[i]);
		fputc(',', fp);
	}
}

static void csv_row_named(FILE *fp, const char *const f[7], const char *from_label,
                          const char *to_label, double value, double o, double n)
{
	char b[3][32];
	csv_fields(fp, f, from_label, to_label);
	fprintf(fp, "%s,%s,%s,%s\n", isfinite(value) ? cm__fmt_double(b[0], 32, value, 10) : "",
	        isfinite(o) ? cm__fmt_double(b[1], 32, o, 10) : "",
	        isfinite(n) ? cm__fmt_double(b[2], 32, n, 10) : "",
	        isfinite(n - o) ? cm__fmt_double(b[0], 32, n - o, 10) : "");
}

static void csv_row(FILE *fp, const char *const f[7], double value, double o, double n)
{
	csv_row_named(fp, f, NULL, NULL, value, o, n);
}

typedef struct csv_change {
	FILE *fp;
	const char *key, *label;
} csv_change;

static void csv_change_one(void *payload, const char *name, const char *old, const char *new)
{
	const csv_change *c = payload;
	const char *f[7] = {"attribute", "", "changed", c->key, "", "", name};
	csv_fields(c->fp, f, c->label, NULL);
	fputc(',', c->fp);
	cm__csv_field(c->fp, old ? old : "");
	fputc(',', c->fp);
	cm__csv_field(c->fp, new ? new : "");
	fputs(",\n", c->fp);
}

static void csv_changed(FILE *fp, const cm_diff *d, int flags)
{
	for (size_t i = 0; i < d->count[CM_CHANGE_STAYED]; i++) {
		size_t k = actor_index(d, CM_CHANGE_STAYED, i);
		csv_change c = {fp, d->actors[k].key, actor_label(d, k, flags)};
		attribute_changes(d, &d->actors[k], csv_change_one, &c);
	}
}

static void csv_actors(FILE *fp, const cm_diff *d, int flags)
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
			csv_row_named(fp, f, actor_label(d, actor_index(d, (cm_change)c, i), flags),
			              NULL, NAN, NAN, NAN);
		}
}

static void csv_layer(FILE *fp, const cm_diff *d, const cm__layer_diff *l, int flags)
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
		for (size_t i = 0; listed((cm_change)c, flags) && i < l->count[c]; i++) {
			const char *f[7] = {"tie",
			                    l->name,
			                    cm_change_name((cm_change)c, 1),
			                    d->actors[l->ties[c][i].a].key,
			                    d->actors[l->ties[c][i].b].key,
			                    "",
			                    ""};
			csv_row_named(fp, f, actor_label(d, l->ties[c][i].a, flags),
			              actor_label(d, l->ties[c][i].b, flags), NAN, NAN, NAN);
		}
}

static int diff_csv(FILE *fp, const cm_diff *d, int flags)
{
	fputs("section,layer,change,from,from_label,to,to_label,kind,measure,value,old,new,delta\n",
	      fp);
	csv_actors(fp, d, flags);
	csv_changed(fp, d, flags);
	for (size_t k = 0; k < d->nlayers; k++)
		csv_layer(fp, d, &d->layers[k], flags);
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

int cm_diff_write_flags(FILE *fp, cm_ctx *ctx, const cm_diff *d, cm_format format, int flags)
{
	if (format == CM_FORMAT_JSON)
		return cm__json_dump(json_pack("{s:o}", "diff", json_diff(d, flags)), fp, ctx);
	if (format == CM_FORMAT_CSV)
		diff_csv(fp, d, flags);
	else
		diff_text(fp, d, flags);
	return finish(fp, ctx);
}

int cm_diff_write(FILE *fp, cm_ctx *ctx, const cm_diff *d, cm_format format)
{
	return cm_diff_write_flags(fp, ctx, d, format, 0);
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
	fputs("  ", fp);
	cm__fput_escaped_field(fp, tl->names[i], -12, SIZE_MAX);
	fprintf(fp, " %6zu %6zu", tl->nets[i]->n, tl->nets[i]->m);
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
	for (size_t i = 0; i < tl->count; i++) {
		fputc(' ', fp);
		cm__fput_escaped_field(fp, tl->names[i], 10, SIZE_MAX);
	}
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
	fputc('\n', fp);
	cm__fputs_escaped(fp, layer);
	fprintf(fp, "\n  %-28s", "measure");
	for (size_t i = 0; i < tl->count; i++) {
		fputc(' ', fp);
		cm__fput_escaped_field(fp, tl->names[i], 10, SIZE_MAX);
	}
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

/* One snapshot's entered or left actors on one line, by key and name. */
static void text_moved_actors(FILE *fp, const cm_timeline *tl, size_t i, cm_change c, int flags)
{
	const cm_diff *d = tl->diffs[i];
	if (!d->count[c])
		return;
	fputs("  ", fp);
	cm__fput_escaped_field(fp, tl->names[i], -12, SIZE_MAX);
	fprintf(fp, " %s:", cm_change_name(c, 0));
	for (size_t k = 0; k < d->count[c]; k++) {
		fputs(k ? ", " : " ", fp);
		text_key(fp, d, actor_index(d, c, k), flags);
	}
	fputc('\n', fp);
}

/* One snapshot's actors whose attributes changed, one line each. */
static void text_changed_actors(FILE *fp, const cm_timeline *tl, size_t i, int flags)
{
	const cm_diff *d = tl->diffs[i];
	for (size_t k = 0; k < d->count[CM_CHANGE_STAYED]; k++) {
		size_t a = actor_index(d, CM_CHANGE_STAYED, k);
		if (!attribute_changes(d, &d->actors[a], NULL, NULL))
			continue;
		text_change t = {fp, ": "};
		fputs("  ", fp);
		cm__fput_escaped_field(fp, tl->names[i], -12, SIZE_MAX);
		fputs(" changed: ", fp);
		text_key(fp, d, a, flags);
		attribute_changes(d, &d->actors[a], text_change_one, &t);
		fputc('\n', fp);
	}
}

/* Who entered, left or changed, snapshot by snapshot: the names behind the
 * counts of the first table. */
static void text_timeline_actors(FILE *fp, const cm_timeline *tl, int flags)
{
	fputs("\nactors (changes from the snapshot before)\n", fp);
	for (size_t i = 1; i < tl->count; i++) {
		text_moved_actors(fp, tl, i, CM_CHANGE_ENTERED, flags);
		text_moved_actors(fp, tl, i, CM_CHANGE_LEFT, flags);
		text_changed_actors(fp, tl, i, flags);
	}
}

static int timeline_text(FILE *fp, const cm_timeline *tl, const char **layers, size_t nl, int flags)
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
	if (tl->count > 1)
		text_timeline_actors(fp, tl, flags);
	return 0;
}

static json_t *json_change(const cm_diff *d, int flags)
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
	return json_pack("{s:I,s:I,s:I,s:o,s:o}", "entered", (json_int_t)d->count[0], "left",
	                 (json_int_t)d->count[1], "stayed", (json_int_t)d->count[2], "layers",
	                 layers, "actors", json_actors(d, flags));
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

static json_t *json_timeline(const cm_timeline *tl, const char **layers, size_t nl, int flags)
{
	json_t *a = json_array();
	int bad = 0;
	for (size_t i = 0; a && !bad && i < tl->count; i++) {
		const cm_network *net = tl->nets[i];
		bad |= json_array_append_new(
		    a, json_pack(
		           "{s:s,s:s,s:o,s:I,s:I,s:o,s:o,s:o}", "name", tl->names[i], "source",
		           net->source, "year", net->year ? json_integer(net->year) : json_null(),
		           "actors", (json_int_t)net->n, "ties", (json_int_t)net->m, "change",
		           i ? json_change(tl->diffs[i], flags) : json_null(), "classification",
		           tl->cls[i] ? json_class(tl->cls[i]) : json_null(), "measures",
		           json_values(tl, i, layers, nl)));
	}
	return json_pack("{s:{s:o}}", "timeline", "snapshots", cm__json_check(a, bad));
}

static void csv_header(FILE *fp, const cm_timeline *tl, const char **layers, size_t nl)
{
	fputs("snapshot,year,actors,ties,entered,left,formed,dissolved,jaccard,qap.r,qap.p,"
	      "entered.actors,left.actors,changed.actors",
	      fp);
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

/* Text inside a quoted CSV field: quotes doubled. */
static void csv_quoted(FILE *fp, const char *s)
{
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
}

/* "key (label); key; ..." in one quoted field: the actors of d with change
 * c, or (CM_CHANGE_STAYED) the stayed ones whose attributes changed; empty
 * when there are none. */
static void csv_actor_cell(FILE *fp, const cm_diff *d, cm_change c, int flags)
{
	const char *sep = "\"";
	fputc(',', fp);
	for (size_t k = 0; d && k < d->count[c]; k++) {
		size_t a = actor_index(d, c, k);
		const char *label = actor_label(d, a, flags);
		if (c == CM_CHANGE_STAYED && !attribute_changes(d, &d->actors[a], NULL, NULL))
			continue;
		fputs(sep, fp);
		csv_quoted(fp, d->actors[a].key);
		if (label) {
			fputs(" (", fp);
			csv_quoted(fp, label);
			fputc(')', fp);
		}
		sep = "; ";
	}
	if (*sep == ';')
		fputc('"', fp);
}

static void csv_snapshot(FILE *fp, const cm_timeline *tl, size_t i, const char **layers, size_t nl,
                         int flags)
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
	csv_actor_cell(fp, d, CM_CHANGE_ENTERED, flags);
	csv_actor_cell(fp, d, CM_CHANGE_LEFT, flags);
	csv_actor_cell(fp, d, CM_CHANGE_STAYED, flags);
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
	return cm_timeline_write_flags(fp, ctx, tl, format, 0);
}

int cm_timeline_write_flags(FILE *fp, cm_ctx *ctx, const cm_timeline *tl, cm_format format,
                            int flags)
{
	size_t cap = max_layers(tl);
	const char **layers = cm__malloc(sizeof(*layers) * cap);
	if (!layers)
		return cm__oom(ctx);
	size_t nl = timeline_layers(layers, cap, tl);
	int rc = 0;
	if (format == CM_FORMAT_JSON) {
		rc = cm__json_dump(json_timeline(tl, layers, nl, flags), fp, ctx);
	} else if (format == CM_FORMAT_CSV) {
		csv_header(fp, tl, layers, nl);
		for (size_t i = 0; i < tl->count; i++)
			csv_snapshot(fp, tl, i, layers, nl, flags);
	} else {
		timeline_text(fp, tl, layers, nl, flags);
	}
	cm__free(layers);
	return rc ? rc : finish(fp, ctx);
}

typedef struct compare_args {
	const cm_diff *d;
	const cm_timeline *tl;
	cm_format format;
	int flags;
} compare_args;

static int diff_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const compare_args *a = arg;
	return cm_diff_write_flags(fp, ctx, a->d, a->format, a->flags);
}

static int timeline_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const compare_args *a = arg;
	return cm_timeline_write(fp, ctx, a->tl, a->format);
}

int cm_diff_write_flags_buf(cm_buf *out, cm_ctx *ctx, const cm_diff *d, cm_format format, int flags)
{
	compare_args a = {d, NULL, format, flags};
	return cm__buf_write(out, ctx, diff_thunk, &a);
}

int cm_diff_write_buf(cm_buf *out, cm_ctx *ctx, const cm_diff *d, cm_format format)
{
	return cm_diff_write_flags_buf(out, ctx, d, format, 0);
}

int cm_timeline_write_buf(cm_buf *out, cm_ctx *ctx, const cm_timeline *tl, cm_format format)
{
	compare_args a = {NULL, tl, format, 0};
	return cm__buf_write(out, ctx, timeline_thunk, &a);
}
