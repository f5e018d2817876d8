/* SPDX-License-Identifier: MIT */
/* The report's maps: the interactive one (drawn by the page's script from
 * the layout) and the static ones render draws, all layers and one per
 * layer, on the same positions. */
#include "report_html.h"

#include <stdlib.h>
#include <string.h>

/* The <svg> element of a standalone SVG document, without the XML
 * declaration, doctype and comments before it. */
void cm__html_svg(FILE *fp, const char *doc)
{
	const char *svg = strstr(doc, "<svg");
	fputs(svg ? svg : "", fp);
}

/* What the map shows and how to use it: every actor, or, above
 * interactive_max, the groups of report_html_groups.c. */
static void how_to(const cm__html *h)
{
	if (h->pos) {
		fputs("<p>Drag to pan, scroll to zoom, point at an actor for its details, click it "
		      "to "
		      "show its ties; the boxes show or hide a layer's ties.</p>\n",
		      h->fp);
		return;
	}
	fprintf(h->fp,
	        "<p>The network has %zu actors, more than the %zu drawn one by one, so the map "
	        "shows them in groups: one circle per kind of actor and side of the region, its "
	        "area growing with the actors in it; one line per pair of groups and layer, its "
	        "width growing with the square root of the ties between them. Drag to pan, scroll "
	        "to zoom, point at a group for its members and ties, click it to show its lines; "
	        "the search says which group an actor is in; the boxes show or hide a layer's "
	        "lines.</p>\n",
	        cm_network_node_count(h->net), h->opts->interactive_max);
}

static void interactive(const cm__html *h)
{
	fputs("<section id=\"map-section\">\n<h2>Interactive map</h2>\n"
	      "<div class=\"controls\"><input type=\"search\" id=\"map-search\" "
	      "placeholder=\"find an actor by name\" aria-label=\"find an actor by name\">"
	      "<span id=\"layer-toggles\"></span><button type=\"button\" id=\"map-reset\">"
	      "Reset view</button> <span id=\"map-status\" aria-live=\"polite\"></span></div>\n"
	      "<div id=\"map\"></div>\n<p class=\"legend\" id=\"map-legend\"></p>\n",
	      h->fp);
	how_to(h);
	fputs("</section>\n", h->fp);
}

static int figure(const cm__html *h, const char *layer, int number)
{
	cm_render_opts ro = CM_RENDER_OPTS_INIT;
	ro.layer = layer;
	ro.metrics = h->metrics;
	ro.classification = h->cls;
	ro.pin = h->pos;
	ro.seed = h->opts->compare.seed;
	char *svg = NULL;
	size_t len;
	int rc = cm_render_buffer(&svg, &len, NULL, h->ctx, h->net, &ro);
	if (rc)
		return rc;
	fputs("<figure>\n", h->fp);
	cm__html_svg(h->fp, svg);
	cm_render_data_free(svg);
	fprintf(h->fp, "<figcaption>Figure %d. ", number);
	if (layer)
		fputs("The ", h->fp), cm__fputs_xml(h->fp, layer), fputs(" ties only", h->fp);
	else
		fputs("Every layer of ties", h->fp);
	fprintf(h->fp,
	        " among the %zu actors; fill shows the kind of actor, size the "
	        "betweenness, the box the actors inside the region.</figcaption>\n</figure>\n",
	        cm_network_node_count(h->net));
	return 0;
}

int cm__html_maps(cm__html *h)
{
	interactive(h);
	fputs("<section id=\"maps\">\n<h2>Cluster maps</h2>\n", h->fp);
	int rc = figure(h, NULL, 1);
	for (size_t l = 0; !rc && l < cm_network_layer_count(h->net); l++)
		rc = figure(h, h->net->layers[l], (int)l + 2);
	fputs("</section>\n", h->fp);
	return rc;
}
