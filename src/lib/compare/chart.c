/* SPDX-License-Identifier: MIT */
/* A line chart written directly as SVG text: axes with "nice" ticks
 * (Heckbert 1990), one line per series in the Okabe-Ito palette, which stays
 * distinct under the common colour-vision deficiencies, plus a distinct
 * marker and dash per series so that lines differ without colour too. */
#include "core/internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define H      500
#define LEFT   80
#define TOP    56
#define BOTTOM 78
#define PLOT_W 560
#define PLOT_H (H - TOP - BOTTOM)
#define CHAR_W 7.8 /* a generous average advance of the 13 px sans-serif font */

static const char *const palette[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                      "#E69F00", "#56B4E9", "#000000", "#999933"};
static const char *const dashes[] = {"", "8 4", "2 3", "10 3 2 3", "", "8 4", "2 3", "10 3 2 3"};

typedef struct scale {
	double lo, hi, step; /* the y axis: ticks from lo to hi by step */
	double xlo, xhi;
} scale;

/* XML text: escapes the five special characters. */
static void put_text(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&apos;", fp); break;
		default: fputc(*s, fp);
		}
	}
}

static const char *num(char *buf, size_t size, double v)
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

static void y_scale(scale *s, const cm_chart *c)
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

static void x_scale(scale *s, const cm_chart *c)
{
	s->xlo = c->npoints ? c->x[0] : 0;
	s->xhi = c->npoints ? c->x[c->npoints - 1] : 1;
	/* Half a step of air on each side keeps end points off the axes. */
	double pad = c->npoints > 1 ? (s->xhi - s->xlo) / (2.0 * (c->npoints - 1)) : 1;
	s->xlo -= pad;
	s->xhi += pad;
}

static double px(const scale *s, double x)
{
	return LEFT + (x - s->xlo) / (s->xhi - s->xlo) * PLOT_W;
}

static double py(const scale *s, double y)
{
	return TOP + PLOT_H - (y - s->lo) / (s->hi - s->lo) * PLOT_H;
}

static void y_axis(FILE *fp, const scale *s, const cm_chart *c)
{
	char b[40];
	int n = (int)lround((s->hi - s->lo) / s->step);
	for (int t = 0; t <= n; t++) {
		double v = s->lo + t * s->step, y = py(s, v);
		fprintf(fp,
		        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n",
		        LEFT, y, LEFT + PLOT_W, y);
		fprintf(fp,
		        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#333333\"/>\n",
		        LEFT - 5, y, LEFT, y);
		fprintf(fp, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 9,
		        y + 4.5, num(b, sizeof(b), v));
	}
	if (c->y_title) {
		fprintf(fp,
		        "<text transform=\"translate(22 %d) rotate(-90)\" "
		        "text-anchor=\"middle\" font-weight=\"bold\">",
		        TOP + PLOT_H / 2);
		put_text(fp, c->y_title);
		fputs("</text>\n", fp);
	}
}

static void x_axis(FILE *fp, const scale *s, const cm_chart *c)
{
	char b[40];
	for (size_t i = 0; i < c->npoints; i++) {
		double x = px(s, c->x[i]);
		fprintf(fp,
		        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333333\"/>\n",
		        x, TOP + PLOT_H, x, TOP + PLOT_H + 5);
		fprintf(fp, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x,
		        TOP + PLOT_H + 21);
		put_text(fp, c->x_labels ? c->x_labels[i] : num(b, sizeof(b), c->x[i]));
		fputs("</text>\n", fp);
		if (!c->x_notes || !c->x_notes[i])
			continue;
		fprintf(fp,
		        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" "
		        "fill=\"#555555\">",
		        x, TOP + PLOT_H + 35);
		put_text(fp, c->x_notes[i]);
		fputs("</text>\n", fp);
	}
	if (c->x_title) {
		fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">",
		        LEFT + PLOT_W / 2, H - 22);
		put_text(fp, c->x_title);
		fputs("</text>\n", fp);
	}
	fprintf(fp,
	        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
	        "stroke=\"#333333\"/>\n",
	        LEFT, TOP, PLOT_W, PLOT_H);
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

static void line_style(FILE *fp, size_t k)
{
	fprintf(fp, "fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"", palette[k]);
	if (dashes[k][0])
		fprintf(fp, " stroke-dasharray=\"%s\"", dashes[k]);
}

/* One series: polylines broken where a value is missing, then markers. */
static void series(FILE *fp, const scale *s, const cm_chart *c, size_t k)
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
		line_style(fp, k);
		fputs(" points=\"", fp);
		for (size_t j = from; j < i; j++)
			fprintf(fp, "%s%.1f,%.1f", j > from ? " " : "", px(s, c->x[j]),
			        py(s, y[j]));
		fputs("\"/>\n", fp);
	}
	for (size_t i = 0; i < c->npoints; i++)
		if (isfinite(y[i]))
			marker(fp, k, px(s, c->x[i]), py(s, y[i]), palette[k]);
	fputs("</g>\n", fp);
}

static void legend(FILE *fp, const cm_chart *c)
{
	int x = LEFT + PLOT_W + 24, y = TOP + 8;
	fputs("<g class=\"legend\">\n", fp);
	for (size_t k = 0; k < c->nseries; k++, y += 26) {
		fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" ", x, y, x + 32, y);
		line_style(fp, k);
		fputs("/>\n", fp);
		marker(fp, k, x + 16, y, palette[k]);
		fprintf(fp, "<text x=\"%d\" y=\"%d\">", x + 40, y + 4);
		put_text(fp, c->series[k].name);
		fputs("</text>\n", fp);
	}
	fputs("</g>\n", fp);
}

/* Width of the whole chart: the plot and a legend wide enough for the
 * longest series name (counted in UTF-8 characters). */
static int chart_width(const cm_chart *c)
{
	size_t longest = 0;
	for (size_t k = 0; k < c->nseries; k++) {
		size_t n = 0;
		for (const char *p = c->series[k].name; p && *p; p++)
			n += ((unsigned char)*p & 0xC0) != 0x80;
		longest = n > longest ? n : longest;
	}
	return LEFT + PLOT_W + 24 + 40 + (int)(longest * CHAR_W) + 20;
}

static int check(cm_ctx *ctx, const cm_chart *c)
{
	if (c->nseries > CM__ARRAY_LEN(palette))
		return cm__error(ctx, CM_EINVAL,
		                 "error: %zu series in one chart; at most %zu stay "
		                 "distinguishable",
		                 c->nseries, CM__ARRAY_LEN(palette));
	for (size_t i = 1; i < c->npoints; i++)
		if (!(c->x[i] > c->x[i - 1]))
			return cm__error(ctx, CM_EINVAL, "error: chart x values must ascend");
	return 0;
}

int cm_chart_write_svg(FILE *fp, cm_ctx *ctx, const cm_chart *c)
{
	scale s;
	int rc = check(ctx, c);
	if (rc)
		return rc;
	int width = chart_width(c);
	y_scale(&s, c);
	x_scale(&s, c);
	fprintf(fp,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	        "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" "
	        "font-size=\"13\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
	        width, H, width, H);
	if (c->title) {
		fprintf(fp,
		        "<text x=\"%d\" y=\"30\" text-anchor=\"middle\" font-size=\"17\" "
		        "font-weight=\"bold\">",
		        LEFT + PLOT_W / 2);
		put_text(fp, c->title);
		fputs("</text>\n", fp);
	}
	y_axis(fp, &s, c);
	x_axis(fp, &s, c);
	for (size_t k = 0; k < c->nseries; k++)
		series(fp, &s, c, k);
	legend(fp, c);
	if (c->caption) {
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333333\">", 12,
		        H - 5);
		put_text(fp, c->caption);
		fputs("</text>\n", fp);
	}
	fputs("</svg>\n", fp);
	return ferror(fp) ? cm__error(ctx, CM_EIO, "error: writing the chart failed") : 0;
}

static int chart_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	return cm_chart_write_svg(fp, ctx, arg);
}

int cm_chart_write_svg_buf(cm_buf *out, cm_ctx *ctx, const cm_chart *chart)
{
	return cm__buf_write(out, ctx, chart_thunk, chart);
}
