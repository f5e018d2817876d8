/* SPDX-License-Identifier: MIT */
/* The report's changes along a series: for each snapshot after the first,
 * the actors that entered and left, the attribute changes of those that
 * stayed (a takeover: ownership local -> external), the ties formed and
 * dissolved per layer and the classification's change; then the charts. */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMED 15 /* actors or ties named per list */
/* Lines on one chart: the distinct markers and dashes a chart has. */
#define CM__REPORT_LAYER_SERIES 8

/* The actors of a snapshot by match key (the node id, or match_by). */
static int keymap(cm__strmap *m, const cm__html *h, const cm_network *net)
{
	const char *by = h->opts->compare.match_by;
	for (size_t i = 0; i < cm_network_node_count(net); i++) {
		const char *k = by ? cm__node_attr(net, i, by) : net->nodes[i].id;
		long found;
		if (k && cm__strmap_add(m, k, strlen(k), (uint32_t)i, &found))
			return cm__oom(h->ctx);
	}
	return 0;
}

static void name_in(FILE *fp, const cm_network *net, const cm__strmap *m, const char *key)
{
	long i = cm__strmap_get(m, key, strlen(key));
	const char *label = i >= 0 ? net->nodes[i].label : NULL;
	cm__fputs_xml(fp, label && *label ? label : key);
}

typedef struct pair {
	const cm_network *old_net, *new_net;
	cm__strmap old_keys, new_keys;
	const cm_diff *d;
} pair;

static void actors(const cm__html *h, const pair *p, cm_change change)
{
	size_t n = cm_diff_actor_count(p->d, change);
	fprintf(h->fp, "<li class=\"change-%s\"><strong>%zu %s</strong>", cm_change_name(change, 0),
	        n, cm_change_name(change, 0));
	for (size_t i = 0; i < n && i < MAX_NAMED; i++) {
		const char *key = NULL;
		if (cm_diff_actor(&key, NULL, NULL, p->d, change, i))
			break;
		fputs(i ? ", " : ": ", h->fp);
		if (change == CM_CHANGE_ENTERED)
			name_in(h->fp, p->new_net, &p->new_keys, key);
		else
			name_in(h->fp, p->old_net, &p->old_keys, key);
	}
	if (n > MAX_NAMED)
		fprintf(h->fp, " and %zu more", n - MAX_NAMED);
	fputs("</li>\n", h->fp);
}

/* One attribute of one actor, when it changed (or went missing, or was
 * given): written to fp, or only counted when fp is NULL. */
static int attr_change(FILE *fp, const char *what, const char *was, const char *is, int said)
{
	if ((was == NULL) == (is == NULL) && (!was || !strcmp(was, is)))
		return said;
	if (fp)
		fprintf(fp, "%s%s %s &rarr; %s", said ? "; " : ": ", what, was ? was : "missing",
		        is ? is : "missing");
	return said + 1;
}

static int actor_changes(FILE *fp, const pair *p, size_t o, size_t n)
{
	static const unsigned bits[] = {CM_HAS_OWNERSHIP, CM_HAS_SIZE, CM_HAS_KIND,
	                                CM_HAS_LOCATION};
	static const char *const names[] = {"ownership", "size", "kind", "location"};
	int said = 0;
	for (int k = 0; k < 4; k++)
		said = attr_change(fp, names[k], cm__html_attr(p->old_net, o, bits[k]),
		                   cm__html_attr(p->new_net, n, bits[k]), said);
	return said;
}

static void attributes(const cm__html *h, const pair *p)
{
	size_t n = cm_diff_actor_count(p->d, CM_CHANGE_STAYED), shown = 0;
	fputs("<li><strong>Attribute changes</strong> of actors in both", h->fp);
	for (size_t i = 0; i < n; i++) {
		size_t o;
		const char *key;
		if (cm_diff_actor(&key, &o, NULL, p->d, CM_CHANGE_STAYED, i))
			break;
		long k = cm__strmap_get(&p->new_keys, key, strlen(key));
		if (k < 0 || !actor_changes(NULL, p, o, (size_t)k) || shown++ >= MAX_NAMED)
			continue;
		fputs(shown > 1 ? "</li>\n<li>" : "<ul>\n<li>", h->fp);
		name_in(h->fp, p->new_net, &p->new_keys, key);
		actor_changes(h->fp, p, o, (size_t)k);
	}
	if (shown > MAX_NAMED)
		fprintf(h->fp, "</li>\n<li>and %zu more", shown - MAX_NAMED);
	fputs(shown ? "</li></ul></li>\n" : ": none</li>\n", h->fp);
}

static void ties(const cm__html *h, const pair *p, size_t l, cm_change change)
{
	size_t n = 0;
	bool directed = false;
	cm_diff_tie_count(&n, NULL, p->d, l, change);
	cm_diff_layer_directed(&directed, NULL, p->d, l);
	const char *arrow = directed ? " &rarr; " : " &ndash; ";
	const cm_network *net = change == CM_CHANGE_FORMED ? p->new_net : p->old_net;
	const cm__strmap *keys = change == CM_CHANGE_FORMED ? &p->new_keys : &p->old_keys;
	fprintf(h->fp, "<td class=\"n\">%zu</td><td>", n);
	for (size_t i = 0; i < n && i < MAX_NAMED; i++) {
		const char *from, *to;
		if (cm_diff_tie(&from, &to, NULL, p->d, l, change, i))
			break;
		fputs(i ? ", " : "", h->fp);
		name_in(h->fp, net, keys, from);
		fputs(arrow, h->fp);
		name_in(h->fp, net, keys, to);
	}
	if (n > MAX_NAMED)
		fprintf(h->fp, " and %zu more", n - MAX_NAMED);
	fputs("</td>", h->fp);
}

static void tie_table(const cm__html *h, const pair *p)
{
	fputs("<table><thead><tr><th>layer</th><th class=\"n\">formed</th><th>ties formed</th>"
	      "<th class=\"n\">dissolved</th><th>ties dissolved</th><th class=\"n\">kept "
	      "(Jaccard)</th></tr></thead><tbody>\n",
	      h->fp);
	for (size_t l = 0; l < cm_diff_layer_count(p->d); l++) {
		const char *name = "";
		double jaccard = NAN;
		cm_diff_layer_name(&name, NULL, p->d, l);
		cm_diff_jaccard(&jaccard, NULL, p->d, l);
		fputs("<tr><td>", h->fp);
		cm__fputs_xml(h->fp, name);
		fputs("</td>", h->fp);
		ties(h, p, l, CM_CHANGE_FORMED);
		ties(h, p, l, CM_CHANGE_DISSOLVED);
		fputs("<td class=\"n\">", h->fp);
		cm__html_number(h->fp, jaccard);
		fputs("</td></tr>\n", h->fp);
	}
	fputs("</tbody></table>\n", h->fp);
}

static void verdict_change(const cm__html *h, size_t i)
{
	const cm_classification *a = h->tl->cls[i - 1];
	const cm_classification *b = h->tl->cls[i];
	if (!a || !b)
		return;
	const char *was = cm_cluster_type_name(cm_classification_type(a));
	const char *is = cm_cluster_type_name(cm_classification_type(b));
	fputs("<li><strong>Classification</strong>: ", h->fp);
	if (strcmp(was, is))
		fprintf(h->fp, "changed from %s to %s", was, is);
	else
		fprintf(h->fp, "still %s", is);
	fprintf(h->fp, " (confidence %s &rarr; %s)</li>\n",
	        cm_confidence_name(cm_classification_confidence(NULL, NULL, a)),
	        cm_confidence_name(cm_classification_confidence(NULL, NULL, b)));
}

static int step(const cm__html *h, size_t i)
{
	pair p = {h->series->items[i - 1], h->series->items[i], {0}, {0}, h->tl->diffs[i]};
	int rc = keymap(&p.old_keys, h, p.old_net);
	if (!rc)
		rc = keymap(&p.new_keys, h, p.new_net);
	if (!rc) {
		fputs("<h3>", h->fp);
		cm__html_snapshot_name(h->fp, p.old_net, i - 1);
		fputs(" &rarr; ", h->fp);
		cm__html_snapshot_name(h->fp, p.new_net, i);
		fputs("</h3>\n<ul>\n", h->fp);
		actors(h, &p, CM_CHANGE_ENTERED);
		actors(h, &p, CM_CHANGE_LEFT);
		attributes(h, &p);
		verdict_change(h, i);
		fputs("</ul>\n", h->fp);
		tie_table(h, &p);
	}
	cm__strmap_free(&p.old_keys);
	cm__strmap_free(&p.new_keys);
	return rc;
}

/* ------------------------------------------------------------ charts */

static int chart_figure(const cm__html *h, const cm_plot_opts *po, const char *caption)
{
	cm__memout m;
	if (!cm__memout_open(&m))
		return cm__oom(h->ctx);
	int rc = cm_timeline_plot_opts(m.fp, h->ctx, h->tl, po);
	if (cm__memout_close(&m) && !rc)
		rc = cm__oom(h->ctx);
	if (rc)
		return rc;
	fputs("<figure>\n", h->fp);
	cm__html_svg(h->fp, m.buf);
	fprintf(h->fp, "<figcaption>%s</figcaption>\n</figure>\n", caption);
	free(m.buf);
	return 0;
}

static int all_layers_chart(const cm__html *h, const char *title, const char *measures,
                            const char *caption)
{
	cm_plot_opts po = CM_PLOT_OPTS_INIT;
	po.title = title;
	po.measures = measures;
	po.verdicts = true;
	return chart_figure(h, &po, caption);
}

/* A layer the chart's "LAYER:MEASURE" list can name: no comma or colon. */
static int nameable(const char *layer)
{
	return !strpbrk(layer, ",:") && strlen(layer) < 200;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every layer of the series once, by name: content order, whatever the
 * files' order. *n counts them; NULL on exhaustion. */
static const char **series_layers(const cm__html *h, size_t *n)
{
	size_t all = 0;
	for (size_t i = 0; i < cm_series_count(h->series); i++)
		all += cm_network_layer_count(h->series->items[i]);
	const char **out = cm__malloc(sizeof(*out) * (all + 1));
	if (!out)
		return NULL;
	all = 0;
	for (size_t i = 0; i < cm_series_count(h->series); i++)
		for (size_t l = 0; l < cm_network_layer_count(h->series->items[i]); l++)
			out[all++] = h->series->items[i]->layers[l];
	qsort(out, all, sizeof(*out), by_name);
	*n = 0;
	for (size_t k = 0; k < all; k++) /* sorted: a repeat follows its first */
		if (!*n || strcmp(out[*n - 1], out[k]))
			out[(*n)++] = out[k];
	return out;
}

/* MEASURE of each layer on one chart, each line in its layer's colour,
 * so that the layers' colours on the maps say the same thing here. */
static int per_layer_chart(const cm__html *h, const char *measure, const char *title,
                           const char *words)
{
	size_t n, kept = 0;
	const char **layer = series_layers(h, &n);
	if (!layer)
		return cm__oom(h->ctx);
	char list[CM__REPORT_LAYER_SERIES * 220] = "", caption[512];
	for (size_t k = 0; k < n && kept < CM__REPORT_LAYER_SERIES; k++)
		if (nameable(layer[k]))
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s:%s",
			         kept++ ? "," : "", layer[k], measure);
	cm__free(layer);
	if (kept < 2)
		return 0;
	snprintf(
	    caption, sizeof(caption),
	    "%s of each layer in every snapshot, each line in its layer's colour on the maps%s.",
	    words,
	    kept < n ? "; left out: layers past the first eight by name and layers whose "
	               "names hold a comma or a colon"
	             : "");
	cm_plot_opts po = CM_PLOT_OPTS_INIT;
	po.title = title;
	po.measures = list;
	return chart_figure(h, &po, caption);
}

static int charts(const cm__html *h)
{
	int rc = all_layers_chart(h, "Actors and ties", "nodes,edges",
	                          "Actors (nodes) and ties (edges) of every snapshot, all layers; "
	                          "each snapshot's verdict under its year.");
	if (!rc)
		rc = all_layers_chart(h, "Density, centralization and transitivity",
		                      "density,centralization.degree,transitivity",
		                      "Density, degree centralization and transitivity of every "
		                      "snapshot, all layers together.");
	if (!rc)
		rc = per_layer_chart(h, "edges", "Ties of each layer", "The ties");
	if (!rc)
		rc = per_layer_chart(h, "density", "Density of each layer", "The density");
	return rc;
}

int cm__html_changes(cm__html *h)
{
	size_t n = cm_series_count(h->series);
	if (n < 2)
		return 0;
	fputs("<section id=\"changes\">\n<h2>Changes along the series</h2>\n", h->fp);
	int rc = 0;
	for (size_t i = 1; !rc && i < n; i++)
		rc = step(h, i);
	if (!rc)
		rc = charts(h);
	fputs("</section>\n", h->fp);
	return rc;
}
