/* SPDX-License-Identifier: MIT */
/* The scene of a cluster map: what to draw, decided before Graphviz sees it.
 * Building a scene (render_style.c, render_aggregate.c) needs no Graphviz;
 * render.c, render_layout.c, render_legend.c and render_canvas.c turn it
 * into a drawing and are the only files that include Graphviz's headers
 * (through render_gv.h). */
#ifndef CM_RENDER_H
#define CM_RENDER_H

#include "core/internal.h"

#define CM__GREY        CM__COLOR_MISSING /* missing values and "other" */
#define CM__RENDER_CATS 10                /* legend entries of the fill colour, "other" included */

/* One legend entry of the fill colour. */
typedef struct cm__rcat {
	const char *name; /* arena */
	const char *color;
	size_t count; /* nodes drawn with it */
} cm__rcat;

/* How the size of a node is decided. */
typedef enum {
	CM__SIZE_MEASURE = 0, /* an actor measure, area proportional to the value */
	CM__SIZE_CLASS,       /* micro .. large */
	CM__SIZE_MEMBERS,     /* aggregated groups: member count */
	CM__SIZE_NONE
} cm__size_mode;

enum { CM__CHANGE_NONE = 0, CM__CHANGE_IN, CM__CHANGE_OUT, CM__CHANGE_KEPT };

typedef struct cm__rnode {
	const char *name;  /* the actor id or the group name (arena) */
	const char *gv;    /* its Graphviz node name (cm__render_gv_name) */
	const char *label; /* display text, already escaped for Graphviz; NULL: unlabelled */
	const char *tip;   /* hover text (SVG), escaped; NULL: none */
	size_t cat;        /* fill colour, index into scene.cats */
	size_t group;      /* colour group before capping, index into scene.groups */
	unsigned char external, inside;
	unsigned char change; /* CM__CHANGE_* */
	unsigned char pinned;
	const char *box; /* the group path drawn as a box around it (--groups); NULL: none */
	double value;    /* the size measure; NaN when missing */
	double width;    /* inches */
	double x, y;     /* points: pinned position, then the layout's */
} cm__rnode;

/* Line style of one relation layer. */
typedef struct cm__rlayer {
	const char *name; /* arena */
	const char *color;
	const char *style; /* solid, dashed, dotted */
	int directed;      /* drawn with an arrow */
	size_t count;      /* edges drawn */
} cm__rlayer;

typedef struct cm__redge {
	size_t src, dst, layer;
	unsigned char directed, change;
	double ties; /* aggregated: ties between the groups; else 1 */
} cm__redge;

typedef struct cm__scene {
	cm__arena arena;
	cm__rnode *nodes;
	size_t n, ncap;
	cm__redge *edges;
	size_t m, mcap;
	cm__rcat cats[CM__RENDER_CATS];
	size_t ncats;
	const char *cat_title; /* "kind", "community", "role", or the attribute */
	const char **groups;   /* every distinct colour group, largest first (arena names) */
	size_t ngroups;
	cm__rlayer *layers;
	size_t nlayers;
	cm__size_mode size_mode;
	const char *size_title;   /* measure name */
	double vmin, vmax;        /* range of the size values drawn */
	double max_ties;          /* aggregated edges */
	const char *title;        /* escaped */
	const char *caption;      /* escaped, lines ending in \l; NULL: none */
	const char *region_label; /* the region box's label, escaped */
	const char *region_name;  /* the same as given (NULL: the default), for the legend */
	int has_inside, has_outside, has_local, has_external;
	unsigned node_changes, edge_changes; /* bit (1 << CM__CHANGE_*) per change used */
	int aggregated;
	size_t actors; /* actors of the network (members when aggregated) */
	size_t npinned;
	double region[4]; /* the region's box (points) when the layout drew it */
	int have_region;
	unsigned long seed;
	int tiers; /* only the supplier layer is drawn: dot ranks it as a pyramid */
	int boxes; /* group boxes drawn in place of the region */
} cm__scene;

/* Node widths in inches: smallest, largest, and when there is no measure. */
#define CM__WIDTH_MIN  0.22
#define CM__WIDTH_MAX  0.75
#define CM__WIDTH_FLAT 0.35

/* Builds the scene of net under opts (defaults filled in). */
int cm__scene_build(cm__scene *s, cm_ctx *ctx, const cm_network *net, const cm_render_opts *opts);
void cm__scene_free(cm__scene *s);

/* Replaces the actors of s by one node per colour group (split by inside
 * and outside the region), sized by members, with one edge per pair of
 * groups and layer weighted by the ties between them. */
int cm__scene_aggregate(cm__scene *s, cm_ctx *ctx, const cm_positions *pin);

/* Draws parallel ties (same ends, layer, direction and change) as one
 * line, the first, whose ties counts them: Graphviz's edge dictionary
 * overflows the stack past about 600,000 ties between two actors. */
int cm__scene_merge_ties(cm__scene *s, cm_ctx *ctx);

/* The lines a map of every actor would draw: distinct (ends, layer) ties
 * of layer (SIZE_MAX: every layer); *busiest gets the most of them on one
 * actor, *actor which (the first such). */
int cm__render_lines(size_t *out, size_t *busiest, size_t *actor, cm_ctx *ctx,
                     const cm_network *net, size_t layer);

/* The most lines one actor of a map of every actor may have: Graphviz
 * 2.42 keeps an actor's lines in a dictionary whose walk overflows the
 * stack past about 600,000 (docs/render.md, "Large networks"). */
#define CM__MAX_ACTOR_LINES 500000

/* A map of every actor is grouped above this many lines per actor allowed
 * (--aggregate-above): Graphviz takes minutes and gigabytes past that. */
#define CM__LINES_PER_ACTOR 10

/* Text as Graphviz prints it verbatim: backslashes doubled (no \N, \G, \l
 * expansion), control characters as spaces, '&' followed by a zero-width
 * space (no entity decoding), cut after max characters (UTF-8) with "...".
 * Returns arena memory or NULL. */
const char *cm__render_text(cm__arena *a, const char *text, size_t max);

/* The same into buf (size bytes, at least 16), "..." when it does not fit. */
size_t cm__render_escape(char *buf, size_t size, const char *text, size_t max);

/* cm__render_text, then wrapped on spaces into lines of at most width
 * characters (0: one line; a longer word keeps its line), the lines
 * joined by sep: "\\n" (centred) or "\\l" (left-aligned) for Graphviz.
 * Runs of spaces become one. Returns arena memory or NULL. */
const char *cm__render_wrap(cm__arena *a, const char *text, size_t max, size_t width,
                            const char *sep);

/* name as a Graphviz node name: Graphviz's SVG writer copies an '&' that
 * looks like the start of an entity ("&amp;", "&#38;", even "&;") into
 * titles unescaped, which changes the text or breaks the XML, so such an
 * '&' gets a zero-width space after it. A leading '%' would make the name
 * anonymous to Graphviz, so it gets one before it. A zero-width space
 * already in those places is doubled, so that different names stay
 * different. Returns name itself when it has none of these, else arena
 * memory; NULL when out of memory. */
const char *cm__render_gv_name(cm__arena *a, const char *name);

/* Width in inches for value v when values span [lo, hi]: area proportional. */
double cm__render_width(double v, double lo, double hi);

/* What a large value of an actor measure says in plain words ("lies
 * between many pairs" for betweenness); NULL for a measure it does not know. */
const char *cm__measure_meaning(const char *measure);

/* Adds a node / edge to the scene; returns 0 or CM_ENOMEM. */
int cm__scene_add_node(cm__scene *s, cm_ctx *ctx, const cm__rnode *node);
int cm__scene_add_edge(cm__scene *s, cm_ctx *ctx, const cm__redge *edge);

/* The legend's rows of text, top to bottom, as cm__gv_legend hands them
 * to Graphviz (escaped, each ending in \l), without drawing anything:
 * fn(payload, text) once per row. For tests. */
void cm__legend_texts(const cm__scene *s, void (*fn)(void *payload, const char *text),
                      void *payload);

/* Draws label (Graphviz text, escaped as a scene holds it) as a single
 * plaintext node at a fixed position, with no layout pass: the cheapest
 * drawing that still puts the text through Graphviz's label parser, text
 * layout and renderer. *out as for cm__render_scene. For tests. */
int cm__render_label(char **out, size_t *len, cm_ctx *ctx, const char *label,
                     cm_render_format format);

/* A canvas for pictures drawn at known coordinates (render_canvas.c):
 * points, y downwards from the top left, as in SVG. Drawing calls that
 * fail keep the first error for cm__canvas_render. */
typedef struct cm__canvas cm__canvas;
typedef enum { CM__ANCHOR_START = 0, CM__ANCHOR_MIDDLE, CM__ANCHOR_END } cm__anchor;
typedef struct cm__stroke {
	const char *colour; /* "#RRGGBB" */
	double width;       /* points */
	const char *style;  /* solid (NULL), dashed, dotted */
} cm__stroke;
typedef struct cm__text_style {
	double size; /* points */
	int bold;
	const char *colour; /* NULL: black */
	cm__anchor anchor;  /* which end of the text x is */
} cm__text_style;
int cm__canvas_new(cm__canvas **out, cm_ctx *ctx, double width, double height);
void cm__canvas_free(cm__canvas *cv);
/* A polyline through n points (xy holds 2n numbers). */
void cm__canvas_line(cm__canvas *cv, const double *xy, size_t n, const cm__stroke *st);
/* A Graphviz shape (box, circle, triangle, diamond) filling rect (x, y,
 * width, height); fill NULL leaves it hollow. */
void cm__canvas_shape(cm__canvas *cv, const char *shape, const double rect[4], const cm__stroke *st,
                      const char *fill);
/* One line of text whose baseline is at y. */
void cm__canvas_text(cm__canvas *cv, double x, double y, const cm__text_style *ts,
                     const char *text);
/* The drawing in format, as cm__render_scene's *out. */
int cm__canvas_render(char **out, size_t *len, cm__canvas *cv, cm_render_format format);

/* Draws the scene: lays it out (render_layout.c), adds the legend
 * (render_legend.c) and renders into *out (malloc'd, *len bytes). When
 * out is NULL only the layout runs. Positions end up in s->nodes[i].x/y. */
int cm__render_scene(char **out, size_t *len, cm_ctx *ctx, cm__scene *s,
                     const cm_render_opts *opts);

#endif
