/* SPDX-License-Identifier: MIT */
/* The geometry of a line chart, shared by its SVG writer (chart.c) and its
 * drawing through the render stage's canvas (chart_canvas.c), so that every
 * format shows the same chart. Lengths in points, y downwards. */
#ifndef CM_CHART_H
#define CM_CHART_H

#include "core/internal.h"

#define CHART_H      500
#define CHART_LEFT   80
#define CHART_TOP    56
#define CHART_BOTTOM 78
#define CHART_PLOT_W 560
#define CHART_PLOT_H (CHART_H - CHART_TOP - CHART_BOTTOM)
#define CHART_CHAR_W 7.8 /* a generous average advance of the 13 px sans-serif font */

#define CM__CHART_SERIES 8                                   /* distinct markers and dashes */
extern const char *const cm__chart_dashes[CM__CHART_SERIES]; /* SVG dash arrays */

typedef struct cm__chart_scale {
	double lo, hi, step; /* the y axis: ticks from lo to hi by step */
	double xlo, xhi;
} cm__chart_scale;

/* Both axes of chart c: "nice" y ticks, x padded by half a step. */
void cm__chart_scales(cm__chart_scale *s, const cm_chart *c);
double cm__chart_px(const cm__chart_scale *s, double x);
double cm__chart_py(const cm__chart_scale *s, double y);
/* A tick's number: no "-0" or "1e-17" at the origin. */
const char *cm__chart_num(char *buf, size_t size, double v);
/* The width of the whole chart: the plot and a legend wide enough for the
 * longest series name. */
int cm__chart_width(const cm_chart *c);
/* 0, or CM_EINVAL for too many series or x values out of order. */
int cm__chart_check(cm_ctx *ctx, const cm_chart *c);
/* The line colour of each series of c: colors[k] when colors and it are
 * given (a layer's series in the layer's colour), else the palette's k-th
 * line colour (cm__color_line). ink holds CM__CHART_SERIES. */
void cm__chart_inks(const char **ink, const cm_chart *c, const char *const *colors);

/* The chart as SVG text, its series in colors (NULL: the palette's lines
 * in turn), as cm_chart_write_svg. */
int cm__chart_write_svg(FILE *fp, cm_ctx *ctx, const cm_chart *c, const char *const *colors);
/* The same chart drawn through the render stage (PNG, PDF), into *out
 * (malloc'd, *len bytes). */
int cm__chart_draw(char **out, size_t *len, cm_ctx *ctx, const cm_chart *c,
                   const char *const *colors, cm_render_format format);

#endif
