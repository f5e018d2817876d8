/* SPDX-License-Identifier: MIT */
/* Measures of every snapshot of a series, the diff between neighbours, and
 * the chart of chosen measures over time. */
#include "compare.h"
#include "chart.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int timeline_alloc(cm_timeline *tl, cm_ctx *ctx, size_t n)
{
	tl->count = n;
	tl->nets = cm__calloc(n + 1, sizeof(*tl->nets));
	tl->names = cm__calloc(n + 1, sizeof(*tl->names));
	tl->metrics = cm__calloc(n + 1, sizeof(*tl->metrics));
	tl->diffs = cm__calloc(n + 1, sizeof(*tl->diffs));
	tl->cls = cm__calloc(n + 1, sizeof(*tl->cls));
	return tl->nets && tl->names && tl->metrics && tl->diffs && tl->cls ? 0 : cm__oom(ctx);
}

static int snapshot(cm_timeline *tl, cm_ctx *ctx, size_t i, const cm_compare_opts *opts)
{
	char buf[64];
	const cm_network *net = tl->nets[i];
	if (!(tl->names[i] = cm__strdup(cm__snapshot_name(buf, sizeof(buf), net, i))))
		return cm__oom(ctx);
	cm__progress(ctx, "measuring snapshots", (double)i / tl->count);
	int rc = cm_metrics_compute(&tl->metrics[i], ctx, net, &opts->metrics);
	if (!rc)
		rc = cm__classify_snapshot(&tl->cls[i], ctx, net, i, opts);
	if (rc || i == 0)
		return rc;
	rc = cm__diff_new(&tl->diffs[i], ctx, tl->nets[i - 1], net, opts);
	return rc ? rc : cm__diff_measures(tl->diffs[i], ctx, tl->metrics[i - 1], tl->metrics[i]);
}

int cm_timeline_compute(cm_timeline **out, cm_ctx *ctx, const cm_series *series,
                        const cm_compare_opts *opts)
{
	static const cm_compare_opts defaults = CM_COMPARE_OPTS_INIT;
	*out = NULL;
	if (!opts)
		opts = &defaults;
	int rc = cm__compare_opts_check(ctx, opts);
	if (rc)
		return rc;
	cm_timeline *tl = cm__calloc(1, sizeof(*tl));
	if (!tl)
		return cm__oom(ctx);
	rc = timeline_alloc(tl, ctx, cm_series_count(series));
	if (!rc && opts->match_by && strcmp(opts->match_by, "id") &&
	    !(tl->match_by = cm__strdup(opts->match_by)))
		rc = cm__oom(ctx);
	for (size_t i = 0; !rc && i < tl->count; i++) {
		tl->nets[i] = series->items[i];
		rc = snapshot(tl, ctx, i, opts);
	}
	if (!rc)
		cm__progress(ctx, "measuring snapshots", 1);
	if (rc)
		cm_timeline_free(tl);
	else
		*out = tl;
	return rc;
}

void cm_timeline_free(cm_timeline *tl)
{
	if (!tl)
		return;
	for (size_t i = 0; i < tl->count; i++) {
		if (tl->names)
			cm__free(tl->names[i]);
		if (tl->metrics)
			cm_metrics_free(tl->metrics[i]);
		if (tl->diffs)
			cm_diff_free(tl->diffs[i]);
		if (tl->cls)
			cm_classification_free(tl->cls[i]);
	}
	cm__free(tl->nets);
	cm__free(tl->names);
	cm__free(tl->metrics);
	cm__free(tl->diffs);
	cm__free(tl->cls);
	cm__free(tl->match_by);
	cm__free(tl);
}

size_t cm_timeline_count(const cm_timeline *tl)
{
	return tl->count;
}

int cm_timeline_name(const char **out, cm_ctx *ctx, const cm_timeline *tl, size_t i)
{
	int rc = cm__check_index(ctx, "snapshot", i, tl->count);
	if (!rc)
		*out = tl->names[i];
	return rc;
}

int cm_timeline_year(int *out, cm_ctx *ctx, const cm_timeline *tl, size_t i)
{
	int rc = cm__check_index(ctx, "snapshot", i, tl->count);
	if (!rc)
		*out = tl->nets[i]->year;
	return rc;
}

int cm_timeline_metrics(const cm_metrics **out, cm_ctx *ctx, const cm_timeline *tl, size_t i)
{
	int rc = cm__check_index(ctx, "snapshot", i, tl->count);
	if (!rc)
		*out = tl->metrics[i];
	return rc;
}

int cm_timeline_diff(const cm_diff **out, cm_ctx *ctx, const cm_timeline *tl, size_t i)
{
	int rc = cm__check_index(ctx, "snapshot", i, tl->count);
	if (!rc)
		*out = tl->diffs[i];
	return rc;
}

int cm_timeline_classification(const cm_classification **out, cm_ctx *ctx, const cm_timeline *tl,
                               size_t i)
{
	int rc = cm__check_index(ctx, "snapshot", i, tl->count);
	if (!rc)
		*out = tl->cls[i];
	return rc;
}

static int known_measure(const char *name)
{
	for (const char *const *n = cm_metrics_network_names(); *n; n++)
		if (!strcmp(*n, name))
			return 1;
	return 0;
}

int cm_timeline_value(double *out, cm_ctx *ctx, const cm_timeline *tl, size_t i, const char *layer,
                      const char *measure)
{
	size_t k;
	int rc = cm__check_index(ctx, "snapshot", i, tl->count);
	if (rc)
		return rc;
	if (!known_measure(measure))
		return cm__error(ctx, CM_ENOTFOUND, "error: no measure '%s'", measure);
	*out = NAN;
	if (cm_metrics_find_layer(&k, tl->metrics[i], layer))
		return 0;
	return cm_metrics_network_value(out, ctx, tl->metrics[i], k, measure);
}

/* ------------------------------------------------------------ chart */

#define MAX_SERIES 8

typedef struct plot {
	cm_chart_series series[MAX_SERIES];
	const char *colors[MAX_SERIES]; /* each series in its layer's colour */
	char *names[MAX_SERIES];
	double *y[MAX_SERIES];
	double *x;
	const char **labels;
	size_t n;
	int years; /* x is the year of each snapshot */
} plot;

static void plot_free(plot *p)
{
	for (size_t s = 0; s < p->n; s++) {
		cm__free(p->names[s]);
		cm__free(p->y[s]);
	}
	cm__free(p->x);
	cm__free((void *)p->labels);
}

/* A measure as a reader says it: "degree centralization", not
 * "centralization.degree". */
static const char *measure_words(const char *measure)
{
	static const char *const words[][2] = {
	    {"largest_component_share", "share in the largest component"},
	    {"dyad_reciprocity", "dyad reciprocity"},
	    {"transitivity_directed", "directed transitivity"},
	    {"average_clustering", "average clustering"},
	    {"average_path_length", "average path length"},
	    {"max_coreness", "largest coreness"},
	    {"centralization.degree", "degree centralization"},
	    {"centralization.in_degree", "in-degree centralization"},
	    {"centralization.out_degree", "out-degree centralization"},
	    {"centralization.betweenness", "betweenness centralization"},
	    {"centralization.closeness", "closeness centralization"},
	    {"centralization.eigenvector", "eigenvector centralization"}};
	for (size_t k = 0; k < CM__ARRAY_LEN(words); k++)
		if (!strcmp(words[k][0], measure))
			return words[k][1];
	return measure;
}

/* Whether a snapshot after s has a layer of this name. */
static int layer_later(const cm_timeline *tl, size_t s, const char *name)
{
	for (size_t t = s + 1; t < tl->count; t++)
		for (size_t l = 0; l < tl->nets[t]->nlayers; l++)
			if (!strcmp(tl->nets[t]->layers[l], name))
				return 1;
	return 0;
}

/* A layer's line colour as the maps draw it, so that a colour means one
 * thing in every picture of a report: standard layers by name, custom
 * ones counted in the order of the latest snapshot that has them (a
 * report's maps are of the last snapshot), "all" in its own tone. */
static const char *layer_color(const cm_timeline *tl, const char *layer)
{
	const char *style, *color;
	size_t custom = 0;
	if (!strcmp(layer, "all"))
		return CM__COLOR_ALL_LAYERS;
	for (size_t s = tl->count; s-- > 0;)
		for (size_t l = 0; l < tl->nets[s]->nlayers; l++) {
			const char *name = tl->nets[s]->layers[l];
			if (layer_later(tl, s, name))
				continue;
			color = cm__color_layer(name, &custom, &style);
			if (!strcmp(name, layer))
				return color;
		}
	return cm__color_layer(layer, &custom, &style); /* in no snapshot */
}

/* One item "MEASURE" or "LAYER:MEASURE" as a series. */
static int plot_series(plot *p, cm_ctx *ctx, const cm_timeline *tl, const char *item, size_t len,
                       const char *layer)
{
	char spec[256], name[520];
	if (p->n == MAX_SERIES)
		return cm__error(ctx, CM_EINVAL,
		                 "error: more than %d measures in one chart; "
		                 "plot them in two",
		                 MAX_SERIES);
	snprintf(spec, sizeof(spec), "%.*s", (int)len, item);
	char *colon = strchr(spec, ':'), *measure = colon ? colon + 1 : spec;
	if (colon) {
		*colon = '\0';
		layer = spec;
	}
	if (!known_measure(measure))
		return cm__error(ctx, CM_EINVAL,
		                 "error: unknown measure '%s'; see docs/metrics.md "
		                 "for the network-level measures",
		                 measure);
	snprintf(name, sizeof(name), "%s ties: %s", layer, measure_words(measure));
	double *y = cm__malloc(sizeof(*y) * (tl->count + 1));
	char *copy = cm__strdup(name);
	if (!y || !copy) {
		cm__free(y);
		cm__free(copy);
		return cm__oom(ctx);
	}
	for (size_t i = 0; i < tl->count; i++)
		cm_timeline_value(&y[i], NULL, tl, i, layer, measure);
	p->y[p->n] = y;
	p->names[p->n] = copy;
	p->colors[p->n] = layer_color(tl, layer);
	p->series[p->n] = (cm_chart_series){copy, y};
	p->n++;
	return 0;
}

static int plot_axis(plot *p, cm_ctx *ctx, const cm_timeline *tl)
{
	int years = tl->count > 0;
	p->x = cm__malloc(sizeof(*p->x) * (tl->count + 1));
	p->labels = cm__malloc(sizeof(*p->labels) * (tl->count + 1));
	if (!p->x || !p->labels)
		return cm__oom(ctx);
	/* Years space the points by elapsed time, when they ascend. */
	for (size_t i = 0; i < tl->count; i++)
		years = years && tl->nets[i]->year &&
		        (i == 0 || tl->nets[i]->year > tl->nets[i - 1]->year);
	for (size_t i = 0; i < tl->count; i++) {
		p->x[i] = years ? tl->nets[i]->year : (double)(i + 1);
		p->labels[i] = tl->names[i];
	}
	p->years = years;
	return 0;
}

int cm_plot_opts_init(cm_plot_opts *opts, unsigned int version)
{
	cm_plot_opts defaults = CM_PLOT_OPTS_INIT;
	if (version < 1 || version > CM_PLOT_OPTS_VERSION)
		return CM_EINVAL;
	defaults.version = version;
	/* version 1 ends before format: only its fields are written */
	memcpy(opts, &defaults, version == 1 ? offsetof(cm_plot_opts, format) : sizeof(defaults));
	return 0;
}

int cm_timeline_plot(FILE *fp, cm_ctx *ctx, const cm_timeline *tl, const char *measures,
                     const char *layer)
{
	cm_plot_opts o = CM_PLOT_OPTS_INIT;
	o.measures = measures;
	o.layer = layer;
	return cm_timeline_plot_opts(fp, ctx, tl, &o);
}

/* Each snapshot's verdict in words, for the notes under its year ("-"
 * when it was not classified). */
static int plot_verdicts(const char ***out, cm_ctx *ctx, const cm_timeline *tl)
{
	*out = cm__malloc(sizeof(**out) * (tl->count + 1));
	if (!*out)
		return cm__oom(ctx);
	for (size_t i = 0; i < tl->count; i++)
		(*out)[i] =
		    tl->cls[i] ? cm_cluster_type_words(cm_classification_type(tl->cls[i])) : "-";
	return 0;
}

/* SVG as text; PNG and PDF drawn through the render stage. */
static int write_chart(FILE *fp, cm_ctx *ctx, const cm_chart *chart, const char *const *colors,
                       int format)
{
	if (format == CM_RENDER_SVG)
		return cm__chart_write_svg(fp, ctx, chart, colors);
	if (format != CM_RENDER_PNG && format != CM_RENDER_PDF)
		return cm__error(ctx, CM_EINVAL, "error: a chart is drawn as SVG, PNG or PDF");
	char *data = NULL;
	size_t len = 0;
	int rc = cm__chart_draw(&data, &len, ctx, chart, colors, (cm_render_format)format);
	if (!rc && fwrite(data, 1, len, fp) != len)
		rc = cm__error(ctx, CM_EIO, "error: writing the chart failed");
	cm__free(data);
	return rc;
}

int cm_timeline_plot_opts(FILE *fp, cm_ctx *ctx, const cm_timeline *tl, const cm_plot_opts *opts)
{
	plot p;
	const char **notes = NULL;
	const char *measures = opts->measures ? opts->measures : "density";
	const char *layer = opts->layer;
	memset(&p, 0, sizeof(p));
	int rc = plot_axis(&p, ctx, tl);
	if (!rc && opts->verdicts)
		rc = plot_verdicts(&notes, ctx, tl);
	for (const char *s = measures; !rc && s && *s;) {
		size_t len = strcspn(s, ",");
		if (len)
			rc = plot_series(&p, ctx, tl, s, len, layer ? layer : "all");
		s += len + (s[len] == ',');
	}
	if (!rc && !p.n)
		rc = cm__error(ctx, CM_EINVAL, "error: no measure to plot; name one, e.g. density");
	if (!rc) {
		cm_chart chart = {opts->title ? opts->title : "Network measures over time",
		                  p.years ? "year" : "snapshot",
		                  "value",
		                  tl->count,
		                  p.x,
		                  p.labels,
		                  p.n,
		                  p.series,
		                  opts->caption,
		                  notes};
		rc = write_chart(fp, ctx, &chart, p.colors,
		                 opts->version >= 2 ? opts->format : CM_RENDER_SVG);
	}
	cm__free((void *)notes);
	plot_free(&p);
	return rc;
}

typedef struct plot_args {
	const cm_timeline *tl;
	const cm_plot_opts *opts;
} plot_args;

static int plot_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const plot_args *a = arg;
	return cm_timeline_plot_opts(fp, ctx, a->tl, a->opts);
}

int cm_timeline_plot_opts_buf(cm_buf *out, cm_ctx *ctx, const cm_timeline *tl,
                              const cm_plot_opts *opts)
{
	plot_args a = {tl, opts};
	return cm__buf_write(out, ctx, plot_thunk, &a);
}

int cm_timeline_plot_buf(cm_buf *out, cm_ctx *ctx, const cm_timeline *tl, const char *measures,
                         const char *layer)
{
	cm_plot_opts o = CM_PLOT_OPTS_INIT;
	o.measures = measures;
	o.layer = layer;
	return cm_timeline_plot_opts_buf(out, ctx, tl, &o);
}
