/* SPDX-License-Identifier: MIT */
/* The Graphviz side of rendering, shared by render.c, render_layout.c,
 * render_legend.c and render_canvas.c: the only files that include
 * Graphviz's headers. */
#ifndef CM_RENDER_GV_H
#define CM_RENDER_GV_H

#include "render.h"

#include <gvc.h>

#define CM__PT 72.0 /* points per inch */

/* Sets a string attribute on a graph, node or edge, declaring it on first
 * use; Graphviz copies the value. */
void cm__gv_set(void *obj, const char *name, const char *value);
void cm__gv_setf(void *obj, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The node of a scene's actor or group; NULL with the error in ctx. */
Agnode_t *cm__gv_node(cm_ctx *ctx, Agraph_t *g, const cm__rnode *nd);
/* A node name that no actor uses: base, or base-2, base-3, ... */
Agnode_t *cm__gv_fresh_node(Agraph_t *g, const char *base);

/* The discipline of a drawing's graph: object ids in creation order, so
 * that Graphviz lists subgraphs the same way every run (render_ids.c). */
Agdisc_t *cm__gv_disc(void);
/* CM_ENOMEM (with the message in ctx) when a name of g could not be kept:
 * cgraph then made its object anonymous, which the drawing must not use. */
int cm__gv_names_check(cm_ctx *ctx, Agraph_t *g);

/* Builds the graph of the scene for the first layout pass with engine. */
int cm__gv_build(Agraph_t **out, cm_ctx *ctx, const cm__scene *s, const char *engine);
/* The engine for --layout (auto: chosen by size, pins and region). */
const char *cm__gv_engine(const cm__scene *s, const cm_render_opts *opts);
/* Runs the first pass and stores the final positions in the scene: pinned
 * nodes exactly where asked, outsiders moved out of the region's box when
 * the engine ignores clusters. */
int cm__gv_layout(cm_ctx *ctx, GVC_t *gvc, Agraph_t *g, cm__scene *s, const char *engine);
/* Prepares the second pass: every node at its position, the region's box;
 * ext receives the extent of both (min x, min y, max x, max y). */
int cm__gv_place(double ext[4], cm_ctx *ctx, Agraph_t *g, const cm__scene *s);
/* Adds the legend to the right of the drawing's bounding box; 0, or
 * CM_ENOMEM when Graphviz could not make one of its objects. */
int cm__gv_legend(double *bottom, cm_ctx *ctx, Agraph_t *g, const cm__scene *s, double right,
                  double top);
/* Adds the caption, when there is one, below bottom from left; 0, or
 * CM_ENOMEM. */
int cm__gv_caption(cm_ctx *ctx, Agraph_t *g, const cm__scene *s, double left, double bottom);

/* Draws g, every node and spline already placed, into *out as
 * cm__render_scene does (render.c). */
int cm__gv_render_placed(char **out, size_t *len, cm_ctx *ctx, Agraph_t *g,
                         cm_render_format format);

/* The drawing's extent in points: min x, min y, max x, max y of nodes. */
void cm__scene_extent(double ext[4], const cm__scene *s, int inside_only);

/* Replaces the creation date of PDF bytes in place, same length: the date
 * of SOURCE_DATE_EPOCH, or none (render_pdf.c). */
void cm__pdf_fix_dates(char *data, size_t len);

/* Graphviz reports errors through a process-wide hook; these route its
 * messages into ctx for the duration of one render. */
void cm__gv_capture_begin(void);
/* 0, or CM_EGRAPH with Graphviz's message (what names the step). */
int cm__gv_capture_check(cm_ctx *ctx, int status, const char *what);
void cm__gv_capture_end(cm_ctx *ctx);

#endif
