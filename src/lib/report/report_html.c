/* SPDX-License-Identifier: MIT */
/* The HTML report: one self-contained page for a network or a series of
 * snapshots (docs/report.md). This file holds the frame of the page and
 * the data section; the other report_html_*.c files hold the rest. */
#include "config.h"

#include "report_html.h"

#include <math.h>
#include <string.h>

int cm_report_opts_init(cm_report_opts *opts, unsigned int version)
{
	static const cm_report_opts defaults = CM_REPORT_OPTS_INIT;
	if (version != CM_REPORT_OPTS_VERSION)
		return CM_EINVAL;
	*opts = defaults;
	return 0;
}

void cm__html_number(FILE *fp, double v)
{
	char buf[64];
	if (!isfinite(v))
		fputs("<span class=\"missing\">missing</span>", fp);
	else
		fputs(cm__fmt_double(buf, sizeof buf, v, 4), fp);
}

void cm__html_snapshot_name(FILE *fp, const cm_network *net, size_t i)
{
	if (*cm_network_label(net))
		cm__fputs_xml(fp, cm_network_label(net));
	else if (*cm_network_id(net))
		cm__fputs_xml(fp, cm_network_id(net));
	else if (cm_network_year(net))
		fprintf(fp, "%d", cm_network_year(net));
	else
		fprintf(fp, "snapshot %zu", i + 1);
}

const char *cm__html_name(const cm_network *net, size_t i)
{
	const char *label = net->nodes[i].label;
	return label && *label ? label : net->nodes[i].id;
}

const char *cm__html_attr(const cm_network *net, size_t i, unsigned bit)
{
	const cm__node *n = &net->nodes[i];
	if (!(n->has & bit))
		return NULL;
	switch (bit) {
	case CM_HAS_OWNERSHIP: return cm_ownership_name((cm_ownership)n->ownership);
	case CM_HAS_SIZE: return cm_size_name((cm_size)n->size);
	case CM_HAS_KIND: return cm_kind_name((cm_kind)n->kind);
	case CM_HAS_LOCATION: return cm_location_name((cm_location)n->location);
	default: return NULL;
	}
}

static void title(const cm__html *h)
{
	const char *t = h->opts->title;
	if (!t || !*t)
		t = *cm_network_label(h->net) ? cm_network_label(h->net)
		                              : cm_network_source(h->net);
	cm__fputs_xml(h->fp, *t ? t : "Cluster report");
}

static void head(const cm__html *h)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"clustermap " PACKAGE_VERSION "\">\n<title>",
	      h->fp);
	title(h);
	/* The styles' colours that carry a meaning come from the pictures'
	 * palette, so the text and the maps say the same thing with them. */
	fprintf(h->fp,
	        "</title>\n<style>\n:root { --found: " CM__COLOR_FOUND
	        "; --entered: " CM__COLOR_ENTERED "; --left: " CM__COLOR_LEFT
	        "; }\n%s</style>\n</head>\n<body>\n",
	        cm__report_css);
}

/* Every input file once, in the order of the snapshots. */
static void sources(const cm__html *h)
{
	size_t n = cm_series_count(h->series);
	for (size_t i = 0; i < n; i++) {
		const char *src = cm_network_source(h->series->items[i]);
		int seen = 0;
		for (size_t j = 0; j < i && !seen; j++)
			seen = !strcmp(src, cm_network_source(h->series->items[j]));
		if (!seen)
			fputs(i ? ", <code>" : "<code>", h->fp), cm__fputs_xml(h->fp, src),
			    fputs("</code>", h->fp);
	}
}

static void header(const cm__html *h)
{
	size_t n = cm_series_count(h->series);
	fputs("<header>\n<h1 id=\"title\">", h->fp);
	title(h);
	fputs("</h1>\n<p class=\"meta\">", h->fp);
	if (h->opts->date && *h->opts->date)
		fputs("Report of ", h->fp), cm__fputs_xml(h->fp, h->opts->date),
		    fputs(" &middot; ", h->fp);
	fputs("Source: ", h->fp);
	sources(h);
	if (n > 1)
		fprintf(h->fp, " &middot; %zu snapshots, this report describes the last", n);
	fputs("</p>\n</header>\n", h->fp);
}

static void nav(const cm__html *h)
{
	fputs("<nav class=\"noprint\"><ol>\n<li><a href=\"#data\">The data</a></li>\n"
	      "<li><a href=\"#verdict\">Verdict</a></li>\n"
	      "<li><a href=\"#map-section\">Interactive map</a></li>\n"
	      "<li><a href=\"#maps\">Cluster maps</a></li>\n"
	      "<li><a href=\"#measures\">Key measures</a></li>\n"
	      "<li><a href=\"#roles\">Actors that matter</a></li>\n"
	      "<li><a href=\"#actors\">Actors table</a></li>\n",
	      h->fp);
	if (cm_series_count(h->series) > 1)
		fputs("<li><a href=\"#changes\">Changes</a></li>\n", h->fp);
	fputs("</ol></nav>\n", h->fp);
}

static int sections(cm__html *h)
{
	int rc = cm__html_data(h);
	if (!rc)
		rc = cm__html_verdict(h);
	if (!rc)
		rc = cm__html_maps(h);
	if (!rc)
		rc = cm__html_measures(h);
	if (!rc)
		rc = cm__html_roles(h);
	if (!rc) {
		fputs("<section id=\"actors\">\n<h2>Actors</h2>\n<div class=\"controls noprint\">"
		      "<input type=\"search\" id=\"actors-filter\" placeholder=\"filter rows\" "
		      "aria-label=\"filter the actors\"> <span id=\"actors-count\"></span> "
		      "<button type=\"button\" id=\"actors-csv\">Download CSV</button></div>\n"
		      "<div class=\"tablewrap\"><table id=\"actors-table\"></table></div>\n"
		      "<p>Degree, betweenness and Burt's constraint are measured on all layers "
		      "together. Click a heading to sort.</p>\n</section>\n",
		      h->fp);
		rc = cm__html_changes(h);
	}
	return rc;
}

static int page(cm__html *h)
{
	head(h);
	header(h);
	nav(h);
	int rc = sections(h);
	if (rc)
		return rc;
	fputs("<div id=\"tip\"></div>\n<script type=\"application/json\" id=\"cm-data\">", h->fp);
	if ((rc = cm__html_json(h)))
		return rc;
	fprintf(h->fp, "</script>\n<script>\n%s</script>\n</body>\n</html>\n", cm__report_js);
	return ferror(h->fp) ? cm__write_failed(h->ctx) : 0;
}

static int subject(cm__html *h)
{
	size_t last = cm_timeline_count(h->tl) - 1;
	h->net = h->series->items[last];
	h->metrics = h->tl->metrics[last];
	h->cls = h->tl->cls[last];
	if (cm_metrics_find_layer(&h->all, h->metrics, "all"))
		return cm__error(h->ctx, CM_EINVAL, "error: the measures have no \"all\" layer");
	cm_render_opts ro = CM_RENDER_OPTS_INIT;
	ro.metrics = h->metrics;
	ro.classification = h->cls;
	ro.seed = h->opts->compare.seed;
	ro.full = true;
	if (cm_network_node_count(h->net) > h->opts->interactive_max)
		return 0;
	return cm_render_layout(&h->pos, h->ctx, h->net, &ro);
}

int cm_report_write_html(FILE *fp, cm_ctx *ctx, const cm_series *series, const cm_report_opts *opts)
{
	static const cm_report_opts defaults = CM_REPORT_OPTS_INIT;
	if (!opts)
		opts = &defaults;
	int rc = cm__check_version(ctx, "cm_report_opts", opts->version, CM_REPORT_OPTS_VERSION);
	if (!rc)
		rc = cm__compare_opts_check(ctx, &opts->compare);
	if (rc)
		return rc;
	if (!series || cm_series_count(series) == 0)
		return cm__error(ctx, CM_EINVAL, "error: the report needs at least one snapshot");
	cm_compare_opts co = opts->compare;
	co.no_classify = false;
	cm__html h = {fp, ctx, series, NULL, opts, NULL, NULL, NULL, NULL, 0};
	cm_timeline *tl = NULL;
	rc = cm_timeline_compute(&tl, ctx, series, &co);
	h.tl = tl;
	if (!rc)
		rc = subject(&h);
	if (!rc)
		rc = page(&h);
	cm_positions_free(h.pos);
	cm_timeline_free(tl);
	return rc;
}

typedef struct html_args {
	const cm_series *series;
	const cm_report_opts *opts;
} html_args;

static int html_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const html_args *a = arg;
	return cm_report_write_html(fp, ctx, a->series, a->opts);
}

int cm_report_write_html_buf(cm_buf *out, cm_ctx *ctx, const cm_series *series,
                             const cm_report_opts *opts)
{
	html_args a = {series, opts};
	return cm__buf_write(out, ctx, html_thunk, &a);
}
