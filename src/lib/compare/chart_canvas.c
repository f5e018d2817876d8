/* SPDX-License-Identifier: MIT */
/* The line chart of chart.c drawn on the render stage's canvas, for the
 * formats Graphviz writes (PNG, PDF): the same geometry, colours and
 * markers. Graphviz has three line styles where the SVG has four dash
 * patterns, so dash-dot becomes dashed; the marker still tells the series
 * apart. Text cannot turn, so the y axis's title stands above the axis. */
#include "chart.h"
#include "render/render.h"

#include <math.h>
#include <stdio.h>

static const char *const styles[CM__CHART_SERIES] = {"solid", "dashed", "dotted", "dashed",
                                                     "solid", "dashed", "dotted", "dashed"};

static void text(cm__canvas *cv, double x, double y, cm__anchor anchor, const char *s)
{
	cm__text_style ts = {13, 0, NULL, anchor};
	cm__canvas_text(cv, x, y, &ts, s);
}

static void segment(cm__canvas *cv, double x1, double y1, double x2, double y2, const char *colour)
{
	double xy[4] = {x1, y1, x2, y2};
	cm__stroke st = {colour, 1, NULL};
	cm__canvas_line(cv, xy, 2, &st);
}

static void titles(cm__canvas *cv, const cm_chart *c)
{
	cm__text_style big = {17, 1, NULL, CM__ANCHOR_MIDDLE},
	               bold = {13, 1, NULL, CM__ANCHOR_START};
	cm__text_style small = {11, 0, "#333333", CM__ANCHOR_START};
	if (c->title)
		cm__canvas_text(cv, CHART_LEFT + CHART_PLOT_W / 2, 30, &big, c->title);
	if (c->y_title)
		cm__canvas_text(cv, CHART_LEFT - 60, CHART_TOP - 12, &bold, c->y_title);
	bold.anchor = CM__ANCHOR_MIDDLE;
	if (c->x_title)
		cm__canvas_text(cv, CHART_LEFT + CHART_PLOT_W / 2, CHART_H - 22, &bold, c->x_title);
	if (c->caption)
		cm__canvas_text(cv, 12, CHART_H - 5, &small, c->caption);
}

static void y_axis(cm__canvas *cv, const cm__chart_scale *s)
{
	char b[40];
	int n = (int)lround((s->hi - s->lo) / s->step);
	for (int t = 0; t <= n; t++) {
		double v = s->lo + t * s->step, y = cm__chart_py(s, v);
		segment(cv, CHART_LEFT, y, CHART_LEFT + CHART_PLOT_W, y, "#dddddd");
		segment(cv, CHART_LEFT - 5, y, CHART_LEFT, y, "#333333");
		text(cv, CHART_LEFT - 9, y + 4.5, CM__ANCHOR_END, cm__chart_num(b, sizeof(b), v));
	}
}

static void x_axis(cm__canvas *cv, const cm__chart_scale *s, const cm_chart *c)
{
	char b[40];
	cm__text_style note = {10, 0, "#555555", CM__ANCHOR_MIDDLE};
	int bottom = CHART_TOP + CHART_PLOT_H;
	for (size_t i = 0; i < c->npoints; i++) {
		double x = cm__chart_px(s, c->x[i]);
		segment(cv, x, bottom, x, bottom + 5, "#333333");
		text(cv, x, bottom + 21, CM__ANCHOR_MIDDLE,
		     c->x_labels ? c->x_labels[i] : cm__chart_num(b, sizeof(b), c->x[i]));
		if (c->x_notes && c->x_notes[i])
			cm__canvas_text(cv, x, bottom + 35, &note, c->x_notes[i]);
	}
	double frame[4] = {CHART_LEFT, CHART_TOP, CHART_PLOT_W, CHART_PLOT_H};
	cm__canvas_shape(cv, "box", frame, &(cm__stroke){"#333333", 1, NULL}, NULL);
}

/* Marker k at (x, y): circle, square, triangle, diamond, then the same
 * shapes hollow. */
static void marker(cm__canvas *cv, size_t k, double x, double y, const char *colour)
{
	static const char *const shapes[] = {"circle", "box", "triangle", "diamond"};
	static const double sizes[] = {9, 8, 10, 11};
	double d = sizes[k % 4], box[4] = {x - d / 2, y - d / 2, d, d};
	cm__stroke st = {colour, k >= 4 ? 2 : 1, NULL};
	cm__canvas_shape(cv, shapes[k % 4], box, &st, k >= 4 ? "white" : colour);
}

/* One series: polylines broken where a value is missing, then markers. */
static int series(cm__canvas *cv, cm_ctx *ctx, const cm__chart_scale *s, const cm_chart *c,
                  size_t k, const char *colour)
{
	const double *y = c->series[k].y;
	double *xy = cm__malloc(sizeof(*xy) * 2 * (c->npoints + 1));
	if (!xy)
		return cm__oom(ctx);
	cm__stroke st = {colour, 2.5, styles[k]};
	for (size_t i = 0; i < c->npoints;) {
		size_t n = 0;
		while (i < c->npoints && !isfinite(y[i]))
			i++;
		for (; i < c->npoints && isfinite(y[i]); i++, n++) {
			xy[2 * n] = cm__chart_px(s, c->x[i]);
			xy[2 * n + 1] = cm__chart_py(s, y[i]);
		}
		cm__canvas_line(cv, xy, n, &st);
	}
	cm__free(xy);
	for (size_t i = 0; i < c->npoints; i++)
		if (isfinite(y[i]))
			marker(cv, k, cm__chart_px(s, c->x[i]), cm__chart_py(s, y[i]), colour);
	return 0;
}

static void legend(cm__canvas *cv, const cm_chart *c, const char *const *ink)
{
	int x = CHART_LEFT + CHART_PLOT_W + 24, y = CHART_TOP + 8;
	for (size_t k = 0; k < c->nseries; k++, y += 26) {
		double xy[4] = {x, y, x + 32, y};
		cm__canvas_line(cv, xy, 2, &(cm__stroke){ink[k], 2.5, styles[k]});
		marker(cv, k, x + 16, y, ink[k]);
		text(cv, x + 40, y + 4, CM__ANCHOR_START, c->series[k].name);
	}
}

int cm__chart_draw(char **out, size_t *len, cm_ctx *ctx, const cm_chart *c,
                   const char *const *colors, cm_render_format format)
{
	cm__chart_scale s;
	const char *ink[CM__CHART_SERIES];
	cm__canvas *cv = NULL;
	*out = NULL;
	*len = 0;
	int rc = cm__chart_check(ctx, c);
	if (!rc)
		rc = cm__canvas_new(&cv, ctx, cm__chart_width(c), CHART_H);
	if (!rc) {
		cm__chart_inks(ink, c, colors);
		cm__chart_scales(&s, c);
		titles(cv, c);
		y_axis(cv, &s);
		x_axis(cv, &s, c);
	}
	for (size_t k = 0; !rc && k < c->nseries; k++)
		rc = series(cv, ctx, &s, c, k, ink[k]);
	if (!rc) {
		legend(cv, c, ink);
		rc = cm__canvas_render(out, len, cv, format);
	}
	cm__canvas_free(cv);
	return rc;
}
