/* SPDX-License-Identifier: MIT */
/* The scene as a Graphviz graph, the layout engine, and where every node
 * ends up (docs/render.md, "Layouts" and "Positions"). */
#include "render_gv.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* auto's choice by size follows the layout times in docs/render.md; fdp
 * keeps clusters but is slow and crowds dense cores, so auto leaves it out. */
#define NEATO_UP_TO        1000
#define TIERS_UP_TO        300
#define SFDP_OVERLAP_UP_TO 5000
#define SFDP_TIE           90.0 /* points: the median tie's length in an sfdp drawing */
#define REGION_MARGIN      14.0 /* points between the region's box and its actors */
#define REGION_LABEL       22.0 /* room for the box's label */

/* Graphviz takes char * for strings it only reads (it copies them into its
 * own pool): it gets a copy, in buf when it fits, so ours stay const. */
static char *gv_copy(char *buf, size_t size, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = n <= size ? buf : cm__malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

static void gv_copy_free(char *p, const char *buf)
{
	if (p != buf)
		cm__free(p);
}

void cm__gv_set(void *obj, const char *name, const char *value)
{
	char nbuf[64], vbuf[512], none[] = "";
	char *n = obj ? gv_copy(nbuf, sizeof(nbuf), name) : NULL;
	char *v = n ? gv_copy(vbuf, sizeof(vbuf), value) : NULL;
	if (v) /* a failed agnode() is reported by its caller */
		agsafeset(obj, n, v, none);
	if (n)
		gv_copy_free(n, nbuf);
	if (v)
		gv_copy_free(v, vbuf);
}

/* agnode() for a const name; NULL when Graphviz or the copy fails. */
static Agnode_t *gv_agnode(Agraph_t *g, const char *name, int create)
{
	char buf[256];
	char *n = gv_copy(buf, sizeof(buf), name);
	Agnode_t *node = n ? agnode(g, n, create) : NULL;
	if (n)
		gv_copy_free(n, buf);
	return node;
}

void cm__gv_setf(void *obj, const char *name, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	cm__gv_set(obj, name, buf);
}

Agnode_t *cm__gv_node(cm_ctx *ctx, Agraph_t *g, const cm__rnode *nd)
{
	Agnode_t *n = gv_agnode(g, nd->gv, 0);
	if (!n)
		cm__error(ctx, CM_EGRAPH, "error: Graphviz lost the node of '%s'", nd->name);
	return n;
}

Agnode_t *cm__gv_fresh_node(Agraph_t *g, const char *base)
{
	char name[128];
	snprintf(name, sizeof(name), "%s", base);
	for (int k = 2; agnode(g, name, 0); k++)
		snprintf(name, sizeof(name), "%s-%d", base, k);
	return agnode(g, name, 1);
}

const char *cm__gv_engine(const cm__scene *s, const cm_render_opts *opts)
{
	const char *want = opts->layout && *opts->layout ? opts->layout : "auto";
	if (strcmp(want, "auto"))
		return want;
	/* neato honours pinned positions (sfdp does not) and spaces actors
	 * evenly; the region's box is then cleared of outsiders afterwards. */
	if (s->tiers && s->n <= TIERS_UP_TO && !s->npinned)
		return "dot";
	return s->n <= NEATO_UP_TO || s->npinned ? "neato" : "sfdp";
}

static int honours_clusters(const char *engine)
{
	return !strcmp(engine, "dot") || !strcmp(engine, "fdp");
}

/* ------------------------------------------------------------ the graph */

static void graph_attrs(Agraph_t *g, const cm__scene *s, const char *engine)
{
	cm__gv_set(g, "fontname", "Helvetica");
	cm__gv_set(g, "outputorder", "edgesfirst");
	cm__gv_set(g, "splines", "false");
	cm__gv_set(g, "bgcolor", "white");
	cm__gv_set(g, "pad", "0.3");
	cm__gv_setf(g, "start", "%lu", s->seed); /* the random seed of neato, fdp, sfdp */
	if (!strcmp(engine, "dot")) {
		/* Sellers below their buyers: lead firms on top, tiers below. */
		cm__gv_set(g, "rankdir", s->tiers ? "BT" : "TB");
		cm__gv_set(g, "ranksep", "0.5");
		cm__gv_set(g, "nodesep", "0.3");
	} else {
		/* Room between actors for labels: neato's minimum gap, fdp's
		 * spring length (inches). Overlap removal is slow in sfdp
		 * (docs/render.md): above SFDP_OVERLAP_UP_TO the drawing is
		 * scaled instead (scale_sfdp). */
		if (strcmp(engine, "sfdp") || s->n <= SFDP_OVERLAP_UP_TO) {
			cm__gv_set(g, "overlap", "false");
			cm__gv_set(g, "sep", "+14");
		}
		if (!strcmp(engine, "fdp"))
			cm__gv_set(g, "K", "1.0");
		cm__gv_set(g, "inputscale", "72"); /* pinned positions are in points */
	}
}

static const char *change_color(unsigned char change)
{
	switch (change) {
	case CM__CHANGE_IN: return "#009E73";
	case CM__CHANGE_OUT: return "#D55E00";
	case CM__CHANGE_KEPT: return "#999999";
	default: return NULL;
	}
}

static void style_node(Agnode_t *n, const cm__scene *s, const cm__rnode *nd)
{
	/* A square of side 0.886 w has the area of a circle of diameter w. */
	double w = nd->external ? 0.886 * nd->width : nd->width;
	cm__gv_set(n, "shape", nd->external ? "square" : "circle");
	cm__gv_setf(n, "width", "%.3f", w);
	cm__gv_setf(n, "height", "%.3f", w);
	cm__gv_set(n, "fixedsize", "true");
	cm__gv_set(n, "label", "");
	if (nd->label)
		cm__gv_set(n, "xlabel", nd->label);
	cm__gv_set(n, "fillcolor", s->cats[nd->cat].color);
	cm__gv_set(n, "style", nd->change == CM__CHANGE_OUT ? "filled,dashed" : "filled");
	const char *c = nd->change == CM__CHANGE_KEPT ? NULL : change_color(nd->change);
	cm__gv_set(n, "color", c ? c : "#333333");
	cm__gv_set(n, "penwidth", c ? "3" : "0.8");
	if (nd->pinned) {
		cm__gv_setf(n, "pos", "%.17g,%.17g!", nd->x, nd->y);
		cm__gv_set(n, "pin", "true");
	}
}

static void style_edge(Agedge_t *e, const cm__scene *s, const cm__redge *ed)
{
	const cm__rlayer *l = &s->layers[ed->layer];
	const char *c = change_color(ed->change);
	/* Dense maps get translucent lines so that actors stay visible. */
	const char *alpha = s->m > 2 * s->n ? "80" : "CC";
	cm__gv_setf(e, "color", "%s%s", c ? c : l->color, alpha);
	cm__gv_set(e, "style", ed->change == CM__CHANGE_OUT ? "dashed" : l->style);
	cm__gv_set(e, "dir", ed->directed ? "forward" : "none");
	cm__gv_set(e, "arrowsize", "0.5");
	double pw = ed->change == CM__CHANGE_IN || ed->change == CM__CHANGE_OUT ? 1.8 : 1.0;
	if (s->aggregated && s->max_ties > 0)
		pw = 0.8 + 5.0 * sqrt(ed->ties / s->max_ties); /* width ~ sqrt(ties) */
	else if (ed->ties > 1) /* parallel ties: wider with each doubling */
		pw += fmin(4.0, 0.8 * log2(ed->ties));
	cm__gv_setf(e, "penwidth", "%.2f", pw);
}

static void default_attrs(Agraph_t *g)
{
	agattr(g, AGNODE, "fontname", "Helvetica");
	agattr(g, AGNODE, "fontsize", "10");
	agattr(g, AGEDGE, "fontname", "Helvetica");
}

/* ------------------------------------------------------------ group boxes */

#define BOX_PREFIX "cluster_group_"

/* The box of a group gpath, made with its enclosing boxes when asked:
 * "a/b" is a cluster inside the cluster of "a". NULL when absent (or out of
 * memory, when create is set). */
static Agraph_t *group_box(Agraph_t *g, const char *gpath, int create)
{
	char name[600];
	Agraph_t *parent = g, *sub = NULL;
	for (const char *p = gpath; p;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - gpath) : strlen(gpath);
		snprintf(name, sizeof(name), "%s%.*s", BOX_PREFIX, (int)len, gpath);
		if (!(sub = agsubg(parent, name, create)))
			return NULL;
		if (create) {
			const char *last = strrchr(name, '/');
			cm__gv_set(sub, "label", last ? last + 1 : name + strlen(BOX_PREFIX));
			cm__gv_set(sub, "style", "rounded");
			cm__gv_set(sub, "color", "#777777");
			cm__gv_set(sub, "fontcolor", "#555555");
		}
		parent = sub;
		p = slash ? slash + 1 : NULL;
	}
	return sub;
}

int cm__gv_build(Agraph_t **out, cm_ctx *ctx, const cm__scene *s, const char *engine)
{
	Agraph_t *g = agopen("cluster_map", Agdirected, cm__gv_disc());
	*out = g;
	if (!g)
		return cm__oom(ctx);
	default_attrs(g);
	graph_attrs(g, s, engine);
	Agraph_t *region = s->has_inside && !s->boxes ? agsubg(g, "cluster_region", 1) : NULL;
	if (s->has_inside && !s->boxes && !region)
		return cm__oom(ctx);
	if (region) {
		cm__gv_set(region, "label", "inside the region");
		cm__gv_set(region, "style", "rounded");
		cm__gv_set(region, "color", "#777777");
		cm__gv_set(region, "fontcolor", "#555555");
	}
	for (size_t i = 0; i < s->n; i++) {
		Agnode_t *n = gv_agnode(g, s->nodes[i].gv, 1);
		if (!n)
			return cm__oom(ctx);
		if (region && s->nodes[i].inside)
			agsubnode(region, n, 1);
		Agraph_t *gbox =
		    s->boxes && s->nodes[i].box ? group_box(g, s->nodes[i].box, 1) : NULL;
		if (s->boxes && s->nodes[i].box && (!gbox || !agsubnode(gbox, n, 1)))
			return cm__oom(ctx);
		style_node(n, s, &s->nodes[i]);
	}
	for (size_t k = 0; k < s->m; k++) {
		const cm__redge *ed = &s->edges[k];
		Agnode_t *a = cm__gv_node(ctx, g, &s->nodes[ed->src]);
		Agnode_t *b = a ? cm__gv_node(ctx, g, &s->nodes[ed->dst]) : NULL;
		Agedge_t *e = b ? agedge(g, a, b, NULL, 1) : NULL;
		if (!b)
			return CM_EGRAPH;
		if (!e)
			return cm__oom(ctx);
		style_edge(e, s, ed);
	}
	return 0;
}

/* ------------------------------------------------------------ positions */

void cm__scene_extent(double ext[4], const cm__scene *s, int inside_only)
{
	ext[0] = ext[1] = INFINITY;
	ext[2] = ext[3] = -INFINITY;
	for (size_t i = 0; i < s->n; i++) {
		const cm__rnode *nd = &s->nodes[i];
		if (inside_only && !nd->inside)
			continue;
		double r = nd->width * CM__PT / 2;
		ext[0] = fmin(ext[0], nd->x - r), ext[1] = fmin(ext[1], nd->y - r);
		ext[2] = fmax(ext[2], nd->x + r), ext[3] = fmax(ext[3], nd->y + r);
	}
	if (ext[0] > ext[2])
		ext[0] = ext[1] = ext[2] = ext[3] = 0;
}

static double round2(double v)
{
	return round(v * 100) / 100;
}

/* Layout coordinates are shifted so that pinned nodes land exactly where
 * they were asked to be; the others keep their place relative to them. */
static int read_positions(cm_ctx *ctx, Agraph_t *g, cm__scene *s, const char *engine)
{
	double dx = 0, dy = 0;
	int have_shift = 0;
	for (size_t i = 0; i < s->n; i++) {
		cm__rnode *nd = &s->nodes[i];
		Agnode_t *n = cm__gv_node(ctx, g, nd);
		if (!n)
			return CM_EGRAPH;
		if (nd->pinned && !have_shift) {
			dx = nd->x - ND_coord(n).x, dy = nd->y - ND_coord(n).y;
			have_shift = 1;
		}
	}
	for (size_t i = 0; i < s->n; i++) {
		cm__rnode *nd = &s->nodes[i];
		Agnode_t *n = gv_agnode(g, nd->gv, 0); /* found above */
		if (!nd->pinned)
			nd->x = round2(ND_coord(n).x + dx), nd->y = round2(ND_coord(n).y + dy);
	}
	/* dot and fdp lay the region out as a cluster: keep their box. */
	Agraph_t *region = agsubg(g, "cluster_region", 0);
	if (region && honours_clusters(engine)) {
		boxf bb = GD_bb(region);
		s->region[0] = bb.LL.x + dx, s->region[1] = bb.LL.y + dy;
		s->region[2] = bb.UR.x + dx, s->region[3] = bb.UR.y + dy;
		s->have_region = 1;
	}
	return 0;
}

static int by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Without overlap removal sfdp returns a layout of arbitrary scale: scale
 * it until the median tie is SFDP_TIE points long. */
static int scale_sfdp(cm_ctx *ctx, cm__scene *s)
{
	double *len = cm__calloc(s->m + 1, sizeof(*len));
	size_t k = 0;
	if (!len)
		return cm__oom(ctx);
	for (size_t e = 0; e < s->m; e++) {
		const cm__rnode *a = &s->nodes[s->edges[e].src], *b = &s->nodes[s->edges[e].dst];
		double d = hypot(a->x - b->x, a->y - b->y);
		if (d > 0)
			len[k++] = d;
	}
	qsort(len, k, sizeof(*len), by_double);
	double f = k ? SFDP_TIE / len[k / 2] : 1;
	for (size_t i = 0; i < s->n; i++)
		s->nodes[i].x = round2(s->nodes[i].x * f),
		s->nodes[i].y = round2(s->nodes[i].y * f);
	cm__free(len);
	return 0;
}

/* Engines that ignore clusters may put an outsider inside the region's box;
 * each such actor (unless pinned) is mirrored across the nearest side of
 * the box, so that the box tells the truth while outsiders that were close
 * together stay close together. */
static void clear_region(cm__scene *s)
{
	double b[4];
	cm__scene_extent(b, s, 1);
	b[0] -= REGION_MARGIN, b[1] -= REGION_MARGIN;
	b[2] += REGION_MARGIN, b[3] += REGION_MARGIN + REGION_LABEL;
	for (size_t i = 0; i < s->n; i++) {
		cm__rnode *nd = &s->nodes[i];
		double r = nd->width * CM__PT / 2 + 6;
		if (nd->inside || nd->pinned || nd->x + r < b[0] || nd->x - r > b[2] ||
		    nd->y + r < b[1] || nd->y - r > b[3])
			continue;
		/* How far the actor reaches into the box past each side. */
		double d[4] = {nd->x + r - b[0], nd->y + r - b[1], b[2] - (nd->x - r),
		               b[3] - (nd->y - r)};
		int k = 0;
		for (int j = 1; j < 4; j++)
			if (d[j] < d[k])
				k = j;
		if (k == 0 || k == 2)
			nd->x = round2(k == 0 ? b[0] - r - d[0] : b[2] + r + d[2]);
		else
			nd->y = round2(k == 1 ? b[1] - r - d[1] : b[3] + r + d[3]);
	}
}

int cm__gv_layout(cm_ctx *ctx, GVC_t *gvc, Agraph_t *g, cm__scene *s, const char *engine)
{
	if (s->npinned == s->n)
		return 0; /* every position is given */
	int rc = cm__gv_capture_check(ctx, gvLayout(gvc, g, engine), "layout");
	if (rc)
		return rc;
	rc = read_positions(ctx, g, s, engine);
	gvFreeLayout(gvc, g);
	if (rc)
		return rc;
	if (!strcmp(engine, "sfdp") && s->n > SFDP_OVERLAP_UP_TO && (rc = scale_sfdp(ctx, s)))
		return rc;
	if (s->has_inside && s->has_outside && !honours_clusters(engine))
		clear_region(s);
	return 0;
}

/* Each group's gbox around its members and its inner boxes: computed from
 * the final positions, whatever the engine did with the clusters. */
static void union_box(double *b, const double *with)
{
	b[0] = fmin(b[0], with[0]), b[1] = fmin(b[1], with[1]);
	b[2] = fmax(b[2], with[2]), b[3] = fmax(b[3], with[3]);
}

static void box_extent(double b[4], const cm__scene *s, const char *gpath)
{
	size_t len = strlen(gpath);
	b[0] = b[1] = INFINITY, b[2] = b[3] = -INFINITY;
	for (size_t i = 0; i < s->n; i++) {
		const cm__rnode *nd = &s->nodes[i];
		if (!nd->box || strncmp(nd->box, gpath, len) ||
		    (nd->box[len] && nd->box[len] != '/'))
			continue;
		/* One margin and label per level of nesting below this gbox. */
		double levels = 1;
		for (const char *p = nd->box + len; *p; p++)
			levels += *p == '/';
		double r = nd->width * CM__PT / 2 + REGION_MARGIN * levels;
		double nb[4] = {nd->x - r, nd->y - r, nd->x + r,
		                nd->y + r + REGION_LABEL * (levels - 1)};
		union_box(b, nb);
	}
	b[3] += REGION_LABEL;
}

static void place_boxes(double ext[4], Agraph_t *g, const cm__scene *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const char *gpath = s->nodes[i].box;
		if (gpath && i && s->nodes[i - 1].box && !strcmp(gpath, s->nodes[i - 1].box))
			continue; /* members of a group mostly come together */
		for (const char *p = gpath; p;) {
			const char *slash = strchr(p, '/');
			char prefix[520];
			size_t len = slash ? (size_t)(slash - gpath) : strlen(gpath);
			snprintf(prefix, sizeof(prefix), "%.*s", (int)len, gpath);
			Agraph_t *gbox = group_box(g, prefix, 0);
			double b[4];
			box_extent(b, s, prefix);
			if (gbox && b[0] <= b[2]) {
				cm__gv_setf(gbox, "bb", "%.2f,%.2f,%.2f,%.2f", b[0], b[1], b[2],
				            b[3]);
				union_box(ext, b);
			}
			p = slash ? slash + 1 : NULL;
		}
	}
}

/* The second pass draws with "nop2": every node where the scene says, the
 * region's box given as its bounding box. */
int cm__gv_place(double ext[4], cm_ctx *ctx, Agraph_t *g, const cm__scene *s)
{
	cm__scene_extent(ext, s, 0);
	for (size_t i = 0; i < s->n; i++) {
		Agnode_t *n = cm__gv_node(ctx, g, &s->nodes[i]);
		if (!n)
			return CM_EGRAPH;
		cm__gv_setf(n, "pos", "%.17g,%.17g!", s->nodes[i].x, s->nodes[i].y);
	}
	cm__gv_set(g, "rankdir", "TB");
	cm__gv_set(g, "inputscale", "");
	if (s->boxes)
		place_boxes(ext, g, s);
	Agraph_t *region = agsubg(g, "cluster_region", 0);
	if (!region)
		return 0;
	double b[4];
	cm__scene_extent(b, s, 1);
	b[0] -= REGION_MARGIN, b[1] -= REGION_MARGIN;
	b[2] += REGION_MARGIN, b[3] += REGION_MARGIN + REGION_LABEL;
	if (s->have_region)
		memcpy(b, s->region, sizeof(b));
	cm__gv_setf(region, "bb", "%.2f,%.2f,%.2f,%.2f", b[0], b[1], b[2], b[3]);
	ext[0] = fmin(ext[0], b[0]), ext[1] = fmin(ext[1], b[1]);
	ext[2] = fmax(ext[2], b[2]), ext[3] = fmax(ext[3], b[3]);
	return 0;
}
