/* SPDX-License-Identifier: MIT */
/* A canvas for pictures drawn at known coordinates, such as charts: each
 * line, shape and text becomes a Graphviz object at a fixed position, and
 * the "nop2" pass only draws them, so every format Graphviz writes (PNG,
 * PDF, SVG) comes out of the same drawing. Lines are edges whose spline is
 * given (straight cubic pieces); shapes and texts are nodes. */
#include "render_gv.h"

#include <stdio.h>
#include <string.h>

struct cm__canvas {
	cm_ctx *ctx;
	Agraph_t *g;
	Agnode_t *anchor; /* the ends of every line: their splines are given */
	cm__arena arena;
	double width, height;
	size_t count; /* objects made: their names */
	int rc;       /* the first failure; later calls do nothing */
};

static int failed(cm__canvas *cv)
{
	if (!cv->rc)
		cv->rc = cm__oom(cv->ctx);
	return cv->rc;
}

/* A new node at (x, y) on the canvas (y downwards), in points. */
static Agnode_t *node_at(cm__canvas *cv, double x, double y)
{
	char name[32];
	if (cv->rc)
		return NULL;
	snprintf(name, sizeof(name), "n%zu", ++cv->count);
	Agnode_t *n = agnode(cv->g, name, 1);
	if (!n)
		return failed(cv), NULL;
	cm__gv_setf(n, "pos", "%.2f,%.2f!", x, cv->height - y);
	cm__gv_set(n, "label", "");
	return n;
}

static void set_size(Agnode_t *n, double w, double h)
{
	cm__gv_setf(n, "width", "%.4f", w / CM__PT);
	cm__gv_setf(n, "height", "%.4f", h / CM__PT);
	cm__gv_set(n, "fixedsize", "true");
}

int cm__canvas_new(cm__canvas **out, cm_ctx *ctx, double width, double height)
{
	cm__canvas *cv = *out = cm__calloc(1, sizeof(*cv));
	if (!cv)
		return cm__oom(ctx);
	cv->ctx = ctx;
	cv->width = width;
	cv->height = height;
	cv->g = agopen("canvas", Agdirected, cm__gv_disc());
	if (!cv->g)
		return failed(cv);
	cm__gv_set(cv->g, "bgcolor", "white");
	cm__gv_set(cv->g, "pad", "0");
	cm__gv_set(cv->g, "margin", "0"); /* PDF would get half an inch */
	cm__gv_set(cv->g, "dpi", "72");   /* a point is a pixel, as in the SVG */
	cm__gv_set(cv->g, "outputorder", "edgesfirst");
	/* An invisible node the size of the canvas fixes the bounding box. */
	Agnode_t *frame = node_at(cv, width / 2, height / 2);
	if (frame) {
		set_size(frame, width, height);
		cm__gv_set(frame, "shape", "box");
		cm__gv_set(frame, "style", "invis");
	}
	cv->anchor = frame;
	return cv->rc;
}

void cm__canvas_free(cm__canvas *cv)
{
	if (!cv)
		return;
	if (cv->g)
		agclose(cv->g);
	cm__arena_free(&cv->arena);
	cm__free(cv);
}

/* One point of a spline in Graphviz's coordinates. */
static size_t put_point(char *buf, size_t size, const cm__canvas *cv, const double *xy)
{
	return (size_t)snprintf(buf, size, " %.2f,%.2f", xy[0], cv->height - xy[1]);
}

/* The spline of a polyline: every piece a cubic with its control points on
 * its ends, which draws straight. NULL when out of memory. */
static char *polyline_pos(const cm__canvas *cv, const double *xy, size_t n)
{
	size_t size = 3 * n * 32 + 1, k = 0;
	char *buf = cm__malloc(size);
	if (!buf)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		int times = i == 0 || i == n - 1 ? 2 : 3;
		for (int t = 0; t < times; t++)
			k += put_point(buf + k, size - k, cv, xy + 2 * i);
	}
	return buf;
}

void cm__canvas_line(cm__canvas *cv, const double *xy, size_t n, const cm__stroke *st)
{
	char name[32];
	if (cv->rc || n < 2)
		return;
	snprintf(name, sizeof(name), "e%zu", ++cv->count);
	Agedge_t *e = agedge(cv->g, cv->anchor, cv->anchor, name, 1);
	char *pos = polyline_pos(cv, xy, n);
	if (!e || !pos) {
		cm__free(pos);
		failed(cv);
		return;
	}
	cm__gv_set(e, "pos", pos + 1);
	cm__free(pos);
	cm__gv_set(e, "dir", "none");
	cm__gv_set(e, "color", st->colour);
	cm__gv_setf(e, "penwidth", "%.2f", st->width);
	cm__gv_set(e, "style", st->style ? st->style : "solid");
}

void cm__canvas_shape(cm__canvas *cv, const char *shape, const double rect[4], const cm__stroke *st,
                      const char *fill)
{
	Agnode_t *n = node_at(cv, rect[0] + rect[2] / 2, rect[1] + rect[3] / 2);
	if (!n)
		return;
	set_size(n, rect[2], rect[3]);
	cm__gv_set(n, "shape", shape);
	cm__gv_set(n, "color", st->colour);
	cm__gv_setf(n, "penwidth", "%.2f", st->width);
	cm__gv_set(n, "style", fill ? "filled" : "solid");
	cm__gv_set(n, "fillcolor", fill ? fill : "none");
}

/* The text's node spans from x to the canvas's edge on the side it runs
 * to (both sides when centred), and the label is justified to x within
 * it: Graphviz justifies a label to its node's sides. */
static void text_span(double *centre, double *width, const cm__canvas *cv, double x,
                      cm__anchor anchor)
{
	double left = x, right = cv->width - x;
	if (anchor == CM__ANCHOR_MIDDLE)
		*width = 2 * (left < right ? left : right);
	else
		*width = anchor == CM__ANCHOR_END ? left : right;
	if (*width < 1)
		*width = 1;
	*centre = anchor == CM__ANCHOR_MIDDLE ? x
	          : anchor == CM__ANCHOR_END  ? x - *width / 2
	                                      : x + *width / 2;
}

void cm__canvas_text(cm__canvas *cv, double x, double baseline, const cm__text_style *ts,
                     const char *text)
{
	double centre, width, size = ts->size;
	text_span(&centre, &width, cv, x, ts->anchor);
	/* Graphviz centres a line on its node; the SVG places the baseline. */
	Agnode_t *n = node_at(cv, centre, baseline - 0.3 * size);
	const char *label = n ? cm__render_text(&cv->arena, text, 0) : NULL;
	if (n && !label)
		failed(cv);
	if (!label)
		return;
	set_size(n, width, 1.3 * size);
	cm__gv_set(n, "shape", "plaintext");
	cm__gv_set(n, "margin", "0");
	cm__gv_set(n, "fontname", ts->bold ? "DejaVu Sans Bold" : "DejaVu Sans");
	cm__gv_setf(n, "fontsize", "%.1f", size);
	cm__gv_set(n, "fontcolor", ts->colour ? ts->colour : "black");
	const char *just = ts->anchor == CM__ANCHOR_END     ? "\\r"
	                   : ts->anchor == CM__ANCHOR_START ? "\\l"
	                                                    : "";
	size_t len = strlen(label);
	char *full = cm__malloc(len + 3);
	if (!full) {
		failed(cv);
		return;
	}
	memcpy(full, label, len);
	strcpy(full + len, just);
	cm__gv_set(n, "label", full);
	cm__free(full);
}

int cm__canvas_render(char **out, size_t *len, cm__canvas *cv, cm_render_format format)
{
	*out = NULL;
	*len = 0;
	if (cv->rc)
		return cv->rc;
	return cm__gv_render_placed(out, len, cv->ctx, cv->g, format);
}
