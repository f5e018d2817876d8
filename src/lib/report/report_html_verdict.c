/* SPDX-License-Identifier: MIT */
/* The report's verdict (in plain words, its evidence, its confidence and
 * what would change it), the key measures and the actors that matter. */
#include "report_html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int words(const cm__html *h)
{
	cm__memout m;
	if (!cm__memout_open(&m))
		return cm__oom(h->ctx);
	cm__verdict_words(m.fp, h->cls);
	if (cm__memout_close(&m))
		return cm__oom(h->ctx);
	fputs("<p class=\"verdict\" id=\"verdict-text\">", h->fp);
	cm__fputs_xml(h->fp, m.buf);
	fputs("</p>\n", h->fp);
	free(m.buf);
	return 0;
}

static void confidence(const cm__html *h)
{
	double score, stab = cm_classification_stability(h->cls);
	const char *limited = NULL;
	cm_confidence level = cm_classification_confidence(&score, &limited, h->cls);
	fprintf(h->fp, "<p><strong>Verdict:</strong> %s &middot; <strong>confidence:</strong> %s (",
	        cm_cluster_type_name(cm_classification_type(h->cls)), cm_confidence_name(level));
	cm__html_number(h->fp, score);
	fputs(" of 1)", h->fp);
	if (limited)
		fprintf(h->fp, ", limited by %s", limited);
	if (isfinite(stab))
		fprintf(h->fp, "; %.0f%% of the replicates with actors or ties left out agree",
		        100 * stab);
	fputs(".</p>\n", h->fp);
}

static void indicator_row(FILE *fp, const cm_indicator *ind)
{
	fputs("<tr><td>", fp);
	cm__fputs_xml(fp, ind->name);
	fputs("</td><td class=\"n\">", fp);
	cm__html_number(fp, ind->value);
	fputs("</td><td class=\"n\">", fp);
	if (isfinite(ind->z))
		cm__html_number(fp, ind->z);
	fputs("</td><td class=\"n\">", fp);
	if (isfinite(ind->p_value))
		cm__html_number(fp, ind->p_value);
	fputs("</td><td>", fp);
	cm__fputs_xml(fp, ind->null ? ind->null : "");
	fputs("</td></tr>\n", fp);
}

static void evidence(const cm__html *h)
{
	fputs("<h3>Evidence</h3>\n<p>The indicators that drive the verdict most, among those "
	      "unlikely by chance: z and the two-sided p compare each with its null model "
	      "(docs/classification.md), and only p below 0.05 is listed.</p>\n<table><thead>"
	      "<tr><th>indicator</th><th class=\"n\">value</th><th class=\"n\">z</th>"
	      "<th class=\"n\">p</th><th>null model</th></tr></thead><tbody>\n",
	      h->fp);
	for (size_t k = 0; k < cm_classification_driver_count(h->cls); k++) {
		cm_indicator ind;
		size_t idx;
		if (!cm_classification_driver(&idx, NULL, h->cls, k) &&
		    !cm_classification_indicator(&ind, NULL, h->cls, idx))
			indicator_row(h->fp, &ind);
	}
	fputs("</tbody></table>\n", h->fp);
}

static void scores(const cm__html *h)
{
	fputs("<table><thead><tr><th>type</th><th class=\"n\">score</th><th>gate</th></tr>"
	      "</thead><tbody>\n",
	      h->fp);
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++) {
		const char *why = "";
		bool holds = cm_classification_gate(&why, h->cls, (cm_cluster_type)t);
		fprintf(h->fp, "<tr><td>%s</td><td class=\"n\">",
		        cm_cluster_type_words((cm_cluster_type)t));
		cm__html_number(h->fp, cm_classification_score(h->cls, (cm_cluster_type)t));
		fputs("</td><td>", h->fp);
		if (holds)
			fputs("holds", h->fp);
		else
			fputs("fails: ", h->fp), cm__fputs_xml(h->fp, why);
		fputs("</td></tr>\n", h->fp);
	}
	fputs("</tbody></table>\n", h->fp);
}

/* The eligible type with the best score other than the verdict's, or -1. */
static int runner_up(const cm_classification *c)
{
	cm_cluster_type type = cm_classification_type(c), first = type, second;
	if (type == CM_TYPE_HYBRID && cm_classification_hybrid(&first, &second, c))
		first = type;
	int best = -1;
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++) {
		const char *why;
		if (t == (int)first || !cm_classification_gate(&why, c, (cm_cluster_type)t))
			continue;
		if (best < 0 || cm_classification_score(c, (cm_cluster_type)t) >
		                    cm_classification_score(c, (cm_cluster_type)best))
			best = t;
	}
	return best;
}

static void would_change(const cm__html *h)
{
	const char *limited = NULL, *why;
	cm_classification_confidence(NULL, &limited, h->cls);
	int next = runner_up(h->cls);
	fputs("<h3>What would change it</h3>\n<ul>\n", h->fp);
	if (next >= 0 && isfinite(cm_classification_margin(h->cls))) {
		fprintf(h->fp, "<li>The nearest alternative is <strong>%s</strong>, ",
		        cm_cluster_type_words((cm_cluster_type)next));
		cm__html_number(h->fp, cm_classification_margin(h->cls));
		fputs(" behind on the score; the verdict would turn if the indicators above moved "
		      "towards it by that much.</li>\n",
		      h->fp);
	}
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++)
		if (!cm_classification_gate(&why, h->cls, (cm_cluster_type)t))
			fprintf(h->fp, "<li>%s is ruled out because ",
			        cm_cluster_type_words((cm_cluster_type)t)),
			    cm__fputs_xml(h->fp, why),
			    fputs("; that would have to change.</li>\n", h->fp);
	if (limited && !strcmp(limited, "completeness"))
		fputs("<li>Attributes are missing (see <a href=\"#data\">The data</a>); "
		      "filling them in may change the verdict.</li>\n",
		      h->fp);
	else if (limited && !strcmp(limited, "stability"))
		fputs("<li>The verdict is not stable when a few actors or ties are left out: "
		      "a small change in the data could change it.</li>\n",
		      h->fp);
	fputs("</ul>\n", h->fp);
}

int cm__html_verdict(cm__html *h)
{
	fputs("<section id=\"verdict\">\n<h2>Verdict</h2>\n", h->fp);
	if (!h->cls) {
		fputs("<p id=\"verdict-text\">Not classified.</p>\n</section>\n", h->fp);
		return 0;
	}
	int rc = words(h);
	if (rc)
		return rc;
	confidence(h);
	evidence(h);
	fputs("<h3>Scores of the four types</h3>\n", h->fp);
	scores(h);
	would_change(h);
	fputs("<p>docs/classification.md defines every indicator, weight and gate.</p>\n"
	      "</section>\n",
	      h->fp);
	return 0;
}

/* ------------------------------------------------------------ measures */

static const char *const measures[][2] = {
    {"nodes", "actors in the layer"},
    {"edges", "ties in the layer"},
    {"density", "share of all possible ties that exist"},
    {"components", "separate parts no tie connects"},
    {"largest_component_share", "share of actors in the largest connected part"},
    {"reciprocity", "share of directed ties returned"},
    {"transitivity",
     "share of two-step paths closed into triangles: partners of partners are partners"},
    {"average_path_length", "mean number of steps between two connected actors"},
    {"assortativity", "above 0: well-tied actors tie to each other; below 0: to poorly tied ones"},
    {"centralization.degree", "0: ties spread evenly; 1: one actor holds them all"},
    {"centralization.betweenness", "how much one actor lies on the paths between the others"},
    {"core_periphery.fit", "how well a dense core with a sparse periphery describes the ties"},
    {"ei.index", "-1: ties stay inside the region; +1: they all leave it"}};

static void measure_row(const cm__html *h, size_t k)
{
	fprintf(h->fp, "<tr><th scope=\"row\">%s</th>", measures[k][0]);
	for (size_t l = 0; l < cm_metrics_layer_count(h->metrics); l++) {
		double v = NAN;
		cm_metrics_network_value(&v, NULL, h->metrics, l, measures[k][0]);
		fputs("<td class=\"n\">", h->fp);
		if (isfinite(v))
			cm__html_number(h->fp, v);
		else
			fputs("&ndash;", h->fp);
		fputs("</td>", h->fp);
	}
	fprintf(h->fp, "<td>%s</td></tr>\n", measures[k][1]);
}

int cm__html_measures(cm__html *h)
{
	fputs("<section id=\"measures\">\n<h2>Key network measures</h2>\n<table><thead><tr>"
	      "<th>measure</th>",
	      h->fp);
	for (size_t l = 0; l < cm_metrics_layer_count(h->metrics); l++) {
		const char *name = "";
		cm_metrics_layer_name(&name, NULL, h->metrics, l);
		fputs("<th class=\"n\">", h->fp);
		cm__fputs_xml(h->fp, name);
		fputs("</th>", h->fp);
	}
	fputs("<th>what it means</th></tr></thead><tbody>\n", h->fp);
	for (size_t k = 0; k < sizeof measures / sizeof measures[0]; k++)
		measure_row(h, k);
	fputs("</tbody></table>\n<p>&ndash;: undefined for the layer. \"all\" joins every layer "
	      "as undirected ties; docs/metrics.md gives each formula.</p>\n</section>\n",
	      h->fp);
	return 0;
}

/* ------------------------------------------------------------ roles */

#define MAX_LISTED 30
#define BROKERS    5

static void name_of(const cm__html *h, size_t i)
{
	cm__fputs_xml(h->fp, cm__html_name(h->net, i));
}

static void role_list(const cm__html *h, unsigned bit, const char *title, const char *meaning)
{
	size_t n = cm_network_node_count(h->net), count = 0;
	fprintf(h->fp, "<dt>%s</dt><dd>%s: ", title, meaning);
	for (size_t i = 0; i < n; i++) {
		unsigned mask = 0;
		if (cm_classification_role(&mask, NULL, h->cls, i) || !(mask & bit))
			continue;
		if (count++ < MAX_LISTED)
			fputs(count > 1 ? ", " : "", h->fp), name_of(h, i);
	}
	if (count > MAX_LISTED)
		fprintf(h->fp, " and %zu more (see the actors table)", count - MAX_LISTED);
	fputs(count ? "</dd>\n" : "none</dd>\n", h->fp);
}

/* 1 when actor a comes before actor b: higher betweenness, ties by id. */
static int before(const cm__html *h, const double *b, size_t a, size_t c)
{
	return b[a] > b[c] ||
	       (b[a] == b[c] && strcmp(h->net->nodes[a].id, h->net->nodes[c].id) < 0);
}

/* The BROKERS actors of highest positive betweenness, best first. */
static size_t top_brokers(const cm__html *h, const double *b, size_t *top)
{
	size_t k = 0;
	for (size_t i = 0; i < cm_network_node_count(h->net); i++) {
		if (!isfinite(b[i]) || b[i] <= 0)
			continue;
		size_t at = k < BROKERS ? k++ : BROKERS;
		while (at > 0 && before(h, b, i, top[at - 1])) {
			if (at < BROKERS)
				top[at] = top[at - 1];
			at--;
		}
		if (at < BROKERS)
			top[at] = i;
	}
	return k;
}

static void brokers(const cm__html *h)
{
	const double *b;
	size_t top[BROKERS], k = 0;
	fputs("<dt>Brokers</dt><dd>the highest betweenness, lying on the shortest paths between "
	      "many pairs: ",
	      h->fp);
	if (!cm_metrics_actor_values(&b, NULL, h->metrics, h->all, "betweenness"))
		k = top_brokers(h, b, top);
	for (size_t r = 0; r < k; r++)
		fputs(r ? ", " : "", h->fp), name_of(h, top[r]);
	fputs(k ? "</dd>\n" : "none</dd>\n", h->fp);
}

int cm__html_roles(cm__html *h)
{
	fputs("<section id=\"roles\">\n<h2>Actors that matter</h2>\n<dl class=\"roles\">\n", h->fp);
	if (h->cls) {
		role_list(h, CM_ROLE_HUB, "Hubs", "the actors most others tie to");
		role_list(h, CM_ROLE_GATEKEEPER, "Gatekeepers",
		          "local actors that hold the ties to the outside");
	}
	brokers(h);
	if (h->cls)
		role_list(h, CM_ROLE_CORE, "Core", "the densely tied centre of the network");
	fputs("</dl>\n</section>\n", h->fp);
	return 0;
}
