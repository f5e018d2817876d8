/* SPDX-License-Identifier: MIT */
/* The report's data section (what the data covers and what is missing)
 * and the JSON block its script reads (the actors, their ties, the layout). */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	unsigned bit;
	const char *name;
} attrs[] = {{CM_HAS_LABEL, "name (label)"}, {CM_HAS_KIND, "kind"},
             {CM_HAS_SIZE, "size"},          {CM_HAS_OWNERSHIP, "ownership"},
             {CM_HAS_LOCATION, "location"},  {CM_HAS_SECTOR, "sector"}};
#define NATTRS    (sizeof attrs / sizeof attrs[0])
#define MAX_NAMED 12 /* actors named per missing attribute */

static void snapshot_rows(const cm__html *h)
{
	fputs("<table><thead><tr><th>snapshot</th><th class=\"n\">year</th><th class=\"n\">actors"
	      "</th><th class=\"n\">ties</th><th>layers</th></tr></thead><tbody>\n",
	      h->fp);
	for (size_t i = 0; i < cm_series_count(h->series); i++) {
		const cm_network *net = h->series->items[i];
		fputs("<tr><td>", h->fp);
		cm__html_snapshot_name(h->fp, net, i);
		fputs("</td><td class=\"n\">", h->fp);
		if (cm_network_year(net))
			fprintf(h->fp, "%d", cm_network_year(net));
		fprintf(h->fp, "</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td><td>",
		        cm_network_node_count(net), cm_network_edge_count(net));
		for (size_t l = 0; l < cm_network_layer_count(net); l++)
			fputs(l ? ", " : "", h->fp), cm__fputs_xml(h->fp, net->layers[l]);
		fputs("</td></tr>\n", h->fp);
	}
	fputs("</tbody></table>\n", h->fp);
}

static void actor_name(FILE *fp, const cm_network *net, size_t i)
{
	cm__fputs_xml(fp, cm__html_name(net, i));
}

/* One row: how many actors give the attribute, and the first who do not. */
static void attribute_row(const cm__html *h, size_t a)
{
	size_t n = cm_network_node_count(h->net), given = 0, named = 0;
	for (size_t i = 0; i < n; i++)
		given += (h->net->nodes[i].has & attrs[a].bit) != 0;
	fprintf(h->fp, "<tr><td>%s</td><td class=\"n\">%.1f%%</td><td>", attrs[a].name,
	        n ? 100.0 * (double)given / (double)n : 100.0);
	if (given == n)
		fputs("none missing", h->fp);
	else
		fprintf(h->fp, "<span class=\"missing\">%zu missing</span>: ", n - given);
	for (size_t i = 0; i < n && given < n && named < MAX_NAMED; i++) {
		if (h->net->nodes[i].has & attrs[a].bit)
			continue;
		fputs(named++ ? ", " : "", h->fp);
		actor_name(h->fp, h->net, i);
	}
	if (given < n && n - given > MAX_NAMED)
		fprintf(h->fp, " and %zu more", n - given - MAX_NAMED);
	fputs("</td></tr>\n", h->fp);
}

int cm__html_data(cm__html *h)
{
	fputs("<section id=\"data\">\n<h2>The data</h2>\n", h->fp);
	snapshot_rows(h);
	fputs("<h3>Completeness of the actors' attributes</h3>\n<p>A missing attribute is "
	      "left out of the measures that need it, never guessed.</p>\n<table><thead><tr>"
	      "<th>attribute</th><th class=\"n\">given</th><th>missing</th></tr></thead><tbody>\n",
	      h->fp);
	for (size_t a = 0; a < NATTRS; a++)
		attribute_row(h, a);
	fputs("</tbody></table>\n</section>\n", h->fp);
	return 0;
}

/* ------------------------------------------------------------ JSON */

static json_t *name_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *role_text(const cm__html *h, size_t i)
{
	unsigned mask = 0;
	if (h->cls && cm_classification_role(&mask, NULL, h->cls, i))
		mask = 0;
	char buf[96] = "";
	for (unsigned bit = 1; bit <= CM_ROLE_PERIPHERY; bit <<= 1)
		if ((mask & bit) && cm_role_name(bit)) {
			if (*buf)
				strcat(buf, ", ");
			strcat(buf, cm_role_name(bit));
		}
	return *buf ? json_string(buf) : json_null();
}

static const struct {
	const char *key;
	unsigned bit;
} described[] = {{"kind", CM_HAS_KIND},
                 {"size", CM_HAS_SIZE},
                 {"ownership", CM_HAS_OWNERSHIP},
                 {"location", CM_HAS_LOCATION}};

static json_t *actor(const cm__html *h, size_t i, const double *const *v, int label)
{
	const cm_network *net = h->net;
	json_t *a = json_object();
	int bad = !a;
	bad = bad || json_object_set_new(a, "id", json_string(net->nodes[i].id));
	bad = bad || json_object_set_new(a, "name", json_string(cm__html_name(net, i)));
	for (size_t k = 0; k < 4; k++)
		bad = bad ||
		      json_object_set_new(a, described[k].key,
		                          name_or_null(cm__html_attr(net, i, described[k].bit)));
	bad = bad || json_object_set_new(a, "degree", cm__json_value(v[0][i]));
	bad = bad || json_object_set_new(a, "betweenness", cm__json_value(v[1][i]));
	bad = bad || json_object_set_new(a, "constraint", cm__json_value(v[2][i]));
	bad = bad || json_object_set_new(a, "role", role_text(h, i));
	bad = bad || json_object_set_new(a, "label", json_boolean(label));
	return cm__json_check(a, bad);
}

static const char *const actor_measures[3] = {"degree", "betweenness", "constraint"};

/* Which actors the map names: every one up to 50, else the top 20 by
 * betweenness (ties broken by id), as render labels them. */
static int labelled(const cm__html *h, const double *btw, size_t i)
{
	size_t n = cm_network_node_count(h->net), above = 0;
	if (n <= 50)
		return 1;
	for (size_t j = 0; j < n && above < 20; j++) {
		double a = isfinite(btw[j]) ? btw[j] : -1, b = isfinite(btw[i]) ? btw[i] : -1;
		above += a > b || (a == b && strcmp(h->net->nodes[j].id, h->net->nodes[i].id) < 0);
	}
	return above < 20;
}

static json_t *actors(const cm__html *h, double *max_btw)
{
	const double *v[3];
	for (int k = 0; k < 3; k++)
		if (cm_metrics_actor_values(&v[k], h->ctx, h->metrics, h->all, actor_measures[k]))
			return NULL;
	size_t n = cm_network_node_count(h->net);
	json_t *arr = json_array();
	int bad = !arr;
	for (size_t i = 0; i < n && !bad; i++) {
		if (isfinite(v[1][i]) && v[1][i] > *max_btw)
			*max_btw = v[1][i];
		bad = json_array_append_new(arr, actor(h, i, v, h->pos && labelled(h, v[1], i)));
	}
	return cm__json_check(arr, bad);
}

static json_t *layers(const cm__html *h)
{
	json_t *arr = json_array();
	int bad = !arr;
	for (size_t l = 0; l < cm_network_layer_count(h->net) && !bad; l++)
		bad = json_array_append_new(arr, json_string(h->net->layers[l]));
	return cm__json_check(arr, bad);
}

static json_t *edges(const cm__html *h)
{
	json_t *arr = json_array();
	int bad = !arr;
	for (size_t e = 0; e < cm_network_edge_count(h->net) && !bad; e++)
		bad = json_array_append_new(arr,
		                            json_pack("[I,I,I]", (json_int_t)h->net->edges[e].src,
		                                      (json_int_t)h->net->edges[e].dst,
		                                      (json_int_t)h->net->edges[e].layer));
	return cm__json_check(arr, bad);
}

/* The colours of the static maps (core/palette.c), so that the
 * interactive map says the same thing with them. */
static json_t *colors(const cm__html *h)
{
	json_t *root = json_object(), *kinds = json_object(), *lines = json_array();
	int bad = !root || !kinds || !lines;
	for (int k = 0; k < CM_KIND_COUNT && !bad; k++)
		bad = json_object_set_new(kinds, cm_kind_name((cm_kind)k),
		                          json_string(cm__color_kind((cm_kind)k)));
	size_t custom = 0;
	const char *style;
	for (size_t l = 0; l < cm_network_layer_count(h->net) && !bad; l++)
		bad = json_array_append_new(
		    lines, json_string(cm__color_layer(h->net->layers[l], &custom, &style)));
	bad =
	    bad || json_object_set(root, "kinds", kinds) || json_object_set(root, "layers", lines);
	bad = bad || json_object_set_new(root, "missing", json_string(CM__COLOR_MISSING));
	json_decref(kinds);
	json_decref(lines);
	return cm__json_check(root, bad);
}

/* x and y of every actor, in points; NULL when any is not laid out. */
static json_t *coords(const cm__html *h, int y)
{
	json_t *arr = json_array();
	int bad = !arr;
	for (size_t i = 0; i < cm_network_node_count(h->net) && !bad; i++) {
		double px, py;
		if (cm_positions_get(&px, &py, h->pos, h->net->nodes[i].id))
			return json_decref(arr), NULL;
		bad = json_array_append_new(arr, json_real(y ? py : px));
	}
	return cm__json_check(arr, bad);
}

static int add_layout(const cm__html *h, json_t *root)
{
	json_t *x = h->pos ? coords(h, 0) : NULL, *y = h->pos ? coords(h, 1) : NULL;
	int bad = json_object_set_new(root, "x", x ? x : json_null());
	bad |= json_object_set_new(root, "y", y ? y : json_null());
	bad |= json_object_set_new(root, "edges", x && y ? edges(h) : json_array());
	return bad || (!h->pos && cm__html_groups(h, root));
}

int cm__html_json(cm__html *h)
{
	double max_btw = 0;
	json_t *root = json_object();
	int bad = !root;
	bad = bad || json_object_set_new(root, "layers", layers(h));
	bad = bad || json_object_set_new(root, "colors", colors(h));
	bad = bad || json_object_set_new(root, "actors", actors(h, &max_btw));
	bad = bad || json_object_set_new(root, "max_betweenness", json_real(max_btw));
	bad = bad || json_object_set_new(root, "csv_name", json_string("actors.csv"));
	bad = bad || add_layout(h, root);
	if (bad) {
		json_decref(root);
		return cm__oom(h->ctx);
	}
	char *text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	if (!text)
		return cm__oom(h->ctx);
	/* '<' only occurs inside strings, where \u003c means the same: the
	 * block then holds no "</script>" or "<!--", whatever the names hold. */
	for (const char *c = text; *c; c++)
		if (*c == '<')
			fputs("\\u003c", h->fp);
		else
			fputc(*c, h->fp);
	free(text);
	return 0;
}
