/* SPDX-License-Identifier: MIT */
/* A line chart written directly as SVG text: axes with "nice" ticks
 * (Heckbert 1990), one line per series in a colour of the one palette of
 * every picture (core/palette.c: a layer's series in the layer's colour in
 * the maps), plus a distinct marker and dash per series, so that series of
 * one colour, and lines seen without colour, still differ. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *const cm__chart_dashes[CM__CHART_SERIES] = {"", "8 4", "2 3", "10 3 2 3",
                                                        "", "8 4", "2 3", "10 3 2 3"};

const char *cm__chart_num(char *buf, size_t size, double v)
{
	if (fabs(v) < 1e-12)
		v = 0; /* no "-0" or "1e-17" at the origin */
	return cm__fmt_double(buf, size, v, 6);
}

/* A "nice" step (1, 2 or 5 times a power of ten) for about ticks intervals. */
static double nice_step(double range, int ticks)
{
	double raw = range / ticks, mag = pow(10, floor(log10(raw))), f = raw / mag;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

static void y_scale(cm__chart_scale *s, const cm_chart *c)
{
	double lo = INFINITY, hi = -INFINITY;
	for (size_t k = 0; k < c->nseries; k++)
		for (size_t i = 0; i < c->npoints; i++)
			if (isfinite(c->series[k].y[i])) {
				lo = fmin(lo, c->series[k].y[i]);
				hi = fmax(hi, c->series[k].y[i]);
			}
	if (!isfinite(lo))
		lo = 0, hi = 1;
	/* Measures of structure are read against zero: start there when all are
	 * positive. */
	if (lo > 0)
		lo = 0;
	if (hi - lo < 1e-12)
		hi = lo + (fabs(lo) > 0 ? fabs(lo) : 1);
	s->step = nice_step(hi - lo, 5);
	s->lo = floor(lo / s->step + 1e-9) * s->step;
	s->hi = ceil(hi / s->step - 1e-9) * s->step;
}

static void x_scale(cm__chart_scale *s, const cm_chart *c)
{
	s->xlo = c->npoints ? c->x[0] : 0;
	s->xhi = c->npoints ? c->x[c->npoints - 1] : 1;
	/* Half a step of air on each side keeps end points off the axes. */
	double pad = c->npoints > 1 ? (s->xhi - s->xlo) / (2.0 * (c->npoints - 1)) : 1;
	s->xlo -= pad;
	s->xhi += pad;
}

void cm__chart_scales(cm__chart_scale *s, const cm_chart *c)
{
	y_scale(s, c);
	x_scale(s, c);
}

double cm__chart_px(const cm__chart_scale *s, double x)
{
	return CHART_LEFT + (x - s->xlo) / (s->xhi - s->xlo) * CHART_PLOT_W;
}

double cm__chart_py(const cm__chart_scale *s, double y)
{
	return CHART_TOP + CHART_PLOT_H - (y - s->lo) / (s->hi - s->lo) * CHART_PLOT_H;
}

static void y_axis(FILE *fp, const cm__chart_scale *s, const cm_chart *c)
{
	char b[40];
	int n = (int)lround((s->hi - s->lo) / s->step);
	for (int t = 0; t <= n; t++) {
		double v = s->lo + t * s->step, y = cm__chart_py(s, v);
		fprintf(fp,
		        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n",
		        CHART_LEFT, y, CHART_LEFT + CHART_PLOT_W, y);
		fprintf(fp,
		        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333333\"/>\n",
		        CHART_LEFT - 5, y, CHART_LEFT, y);
		fprintf(fp, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
		        CHART_LEFT - 9, y + 4.5, cm__chart_num(b, sizeof(b), v));
	}
	if (c->y_title) {
		fprintf(fp,
		        "<text transform=\"translate(22 %d) rotate(-90)\" "
		        "text-anchor=\"middle\" font-weight=\"bold\">",
		        CHART_TOP + CHART_PLOT_H / 2);
		cm__fputs_xml(fp, c->y_title);
		fputs("</text>\n", fp);
	}
}

static void x_axis(FILE *fp, const cm__chart_scale *s, const cm_chart *c)
{
	char b[40];
	for (size_t i = 0; i < c->npoints; i++) {
		double x = cm__chart_px(s, c->x[i]);
		fprintf(fp,
		        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333333\"/>\n",
		        x, CHART_TOP + CHART_PLOT_H, x, CHART_TOP + CHART_PLOT_H + 5);
		fprintf(fp, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x,
		        CHART_TOP + CHART_PLOT_H + 21);
		cm__fputs_xml(fp,
		              c->x_labels ? c->x_labels[i] : cm__chart_num(b, sizeof(b), c->x[i]));
		fputs("</text>\n", fp);
		if (!c->x_notes || !c->x_notes[i])
			continue;
		fprintf(fp,
		        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" "
		        "fill=\"#555555\">",
		        x, CHART_TOP + CHART_PLOT_H + 35);
		cm__fputs_xml(fp, c->x_notes[i]);
		fputs("</text>\n", fp);
	}
	if (c->x_title) {
		fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">",
		        CHART_LEFT + CHART_PLOT_W / 2, CHART_H - 22);
		cm__fputs_xml(fp, c->x_title);
		fputs("</text>\n", fp);
	}
	fprintf(fp,
	        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
	        "stroke=\"#333333\"/>\n",
	        CHART_LEFT, CHART_TOP, CHART_PLOT_W, CHART_PLOT_H);
}

/* Marker k of a series at (x, y): circle, square, triangle, diamond, then
 * the same shapes hollow. */
static void marker(FILE *fp, size_t k, double x, double y, const char *colour)
{
	if (k >= 4) {
		fprintf(fp, "<g fill=\"white\" stroke=\"%s\" stroke-width=\"2\">\n", colour);
		marker(fp, k - 4, x, y, "white");
		fputs("</g>\n", fp);
		return;
	}
	switch (k) {
	case 0:
		fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\"/>\n", x, y,
		        colour);
		break;
	case 1:
		fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"8\" height=\"8\" fill=\"%s\"/>\n",
		        x - 4, y - 4, colour);
		break;
	case 2:
		fprintf(fp, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>\n", x,
		        y - 5.5, x + 5, y + 4, x - 5, y + 4, colour);
		break;
	default:
		fprintf(fp,
		        "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" "
		        "fill=\"%s\"/>\n",
		        x, y - 5.5, x + 5.5, y, x, y + 5.5, x - 5.5, y, colour);
	}
}

void cm__chart_inks(const char **ink, const cm_chart *c, const char *const *colors)
{
	for (size_t k = 0; k < c->nseries && k < CM__CHART_SERIES; k++)
		ink[k] = colors && colors[k] ? colors[k] : cm__color_line(k);
}

static void line_style(FILE *fp, size_t k, const char *colour)
{
	fprintf(fp, "fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"", colour);
	if (cm__chart_dashes[k][0])
		fprintf(fp, " stroke-dasharray=\"%s\"", cm__chart_dashes[k]);
}

/* One series: polylines broken where a value is missing, then markers. */
static void series(FILE *fp, const cm__chart_scale *s, const cm_chart *c, size_t k,
                   const char *colour)
{
	const double *y = c->series[k].y;
	fprintf(fp, "<g class=\"series\" id=\"series-%zu\">\n", k + 1);
	for (size_t i = 0; i < c->npoints;) {
		while (i < c->npoints && !isfinite(y[i]))
			i++;
		size_t from = i;
		while (i < c->npoints && isfinite(y[i]))
			i++;
		if (i - from < 2)
			continue;
		fputs("<polyline ", fp);
		line_style(fp, k, colour);
		fputs(" points=\"", fp);
		for (size_t j = from; j < i; j++)
			fprintf(fp, "%s%.1f,%.1f", j > from ? " " : "", cm__chart_px(s, c->x[j]),
			        cm__chart_py(s, y[j]));
		fputs("\"/>\n", fp);
	}
	for (size_t i = 0; i < c->npoints; i++)
		if (isfinite(y[i]))
			marker(fp, k, cm__chart_px(s, c->x[i]), cm__chart_py(s, y[i]), colour);
	fputs("</g>\n", fp);
}

static void legend(FILE *fp, const cm_chart *c, const char *const *ink)
{
	int x = CHART_LEFT + CHART_PLOT_W + 24, y = CHART_TOP + 8;
	fputs("<g class=\"legend\">\n", fp);
	for (size_t k = 0; k < c->nseries; k++, y += 26) {
		fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" ", x, y, x + 32, y);
		line_style(fp, k, ink[k]);
		fputs("/>\n", fp);
		marker(fp, k, x + 16, y, ink[k]);
		fprintf(fp, "<text x=\"%d\" y=\"%d\">", x + 40, y + 4);
		cm__fputs_xml(fp, c->series[k].name);
		fputs("</text>\n", fp);
	}
	fputs("</g>\n", fp);
}

/* Width of the whole chart: the plot and a legend wide enough for the
 * longest series name (counted in UTF-8 characters). */
int cm__chart_width(const cm_chart *c)
{
	size_t longest = 0;
	for (size_t k = 0; k < c->nseries; k++) {
		size_t n = 0;
		for (const char *p = c->series[k].name; p && *p; p++)
			n += ((unsigned char)*p & 0xC0) != 0x80;
		longest = n > longest ? n : longest;
	}
	return CHART_LEFT + CHART_PLOT_W + 24 + 40 + (int)(longest * CHART_CHAR_W) + 20;
}

int cm__chart_check(cm_ctx *ctx, const cm_chart *c)
{
	if (c->nseries > CM__CHART_SERIES)
		return cm__error(ctx, CM_EINVAL,
		                 "error: %zu series in one chart; at most %d stay "
		                 "distinguishable",
		                 c->nseries, CM__CHART_SERIES);
	for (size_t i = 1; i < c->npoints; i++)
		if (!(c->x[i] > c->x[i - 1]))
			return cm__error(ctx, CM_EINVAL, "error: chart x values must ascend");
	return 0;
}

int cm__chart_write_svg(FILE *fp, cm_ctx *ctx, const cm_chart *c, const char *const *colors)
{
	cm__chart_scale s;
	const char *ink[CM__CHART_SERIES];
	int rc = cm__chart_check(ctx, c);
	if (rc)
		return rc;
	cm__chart_inks(ink, c, colors);
	int width = cm__chart_width(c);
	cm__chart_scales(&s, c);
	fprintf(fp,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	        "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
	        "font-size=\"13\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
	        width, CHART_H, width, CHART_H);
	if (c->title) {
		fprintf(fp,
		        "<text x=\"%d\" y=\"30\" text-anchor=\"middle\" font-size=\"17\" "
		        "font-weight=\"bold\">",
		        CHART_LEFT + CHART_PLOT_W / 2);
		cm__fputs_xml(fp, c->title);
		fputs("</text>\n", fp);
	}
	y_axis(fp, &s, c);
	x_axis(fp, &s, c);
	for (size_t k = 0; k < c->nseries; k++)
		series(fp, &s, c, k, ink[k]);
	legend(fp, c, ink);
	if (c->caption) {
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333333\">", 12,
		        CHART_H - 5);
		cm__fputs_xml(fp, c->caption);
		fputs("</text>\n", fp);
	}
	fputs("</svg>\n", fp);
	return ferror(fp) ? cm__error(ctx, CM_EIO, "error: writing the chart failed") : 0;
}

int cm_chart_write_svg(FILE *fp, cm_ctx *ctx, const cm_chart *c)
{
	return cm__chart_write_svg(fp, ctx, c, NULL);
}

static int chart_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	return cm_chart_write_svg(fp, ctx, arg);
}

int cm_chart_write_svg_buf(cm_buf *out, cm_ctx *ctx, const cm_chart *chart)
{
	return cm__buf_write(out, ctx, chart_thunk, chart);
}
