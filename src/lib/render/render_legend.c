/* SPDX-License-Identifier: MIT */
/* The legend: real sample nodes and lines, placed by hand to the right of
 * the drawing, so that it reads the same whatever the layout engine. */
#include "render_gv.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define ROW 18.0 /* points per text row */
#define GLYPH_X                                                                                    \
	42.0         /* sample's centre from the legend's left side (room for the                  \
	              * largest size sample) */
#define TEXT_X 86.0  /* text's left edge from the legend's left side */
#define HEAD_X 10.0  /* headers' left edge */
#define TEXT_W 210.0 /* text column width */
#define GAP    40.0  /* between the drawing and the legend */
#define CAPTION_W                                                                                  \
	480.0 /* the caption's width: CAPTION_LINE characters of 11 points (render_scene.c) */

typedef struct legend {
	Agraph_t *g, *cl;
	double left, y;    /* y: centre of the next row */
	int count, failed; /* failed: Graphviz could not make an object */
	/* Dry run (cm__legend_texts): each row's text goes here, no graph. */
	void (*emit)(void *payload, const char *text);
	void *payload;
} legend;

static Agnode_t *lnode(legend *L, double x, double y)
{
	char base[32];
	snprintf(base, sizeof(base), "legend:%d", L->count++);
	Agnode_t *n = cm__gv_fresh_node(L->g, base);
	if (!n || !agsubnode(L->cl, n, 1)) {
		L->failed = 1;
		return NULL; /* cm__gv_set ignores it; cm__gv_legend reports it */
	}
	cm__gv_setf(n, "pos", "%.2f,%.2f!", x, y);
	cm__gv_set(n, "xlabel", "");
	cm__gv_set(n, "label", "");
	return n;
}

/* Left-aligned text: a fixed-size plaintext box whose lines end in \l.
 * Only raw (the data's words: a group, relation or attribute name) is cut,
 * to what fits between prefix and suffix, our own words (nothing in them
 * to escape), which always show: a cut ends in "...", never splits a
 * character, and never hides a count. */
static void text_of(legend *L, const char *prefix, const char *raw, const char *suffix, double y,
                    int header)
{
	char buf[256];
	size_t max = header ? 34 : 40, pl = strlen(prefix), sl = strlen(suffix);
	size_t room = max > pl + sl + 8 ? max - pl - sl : 8;
	memcpy(buf, prefix, pl);
	size_t k = pl + cm__render_escape(buf + pl, sizeof(buf) - pl - sl - 3, raw, room);
	memcpy(buf + k, suffix, sl);
	memcpy(buf + k + sl, "\\l", 3);
	if (L->emit) {
		L->emit(L->payload, buf);
		return;
	}
	double x0 = L->left + (header ? HEAD_X : TEXT_X);
	Agnode_t *n = lnode(L, x0 + TEXT_W / 2, y);
	cm__gv_set(n, "shape", "plaintext");
	cm__gv_set(n, "fixedsize", "shape"); /* a long text may overhang: no warning */
	cm__gv_setf(n, "width", "%.3f", TEXT_W / CM__PT);
	cm__gv_setf(n, "height", "%.3f", ROW / CM__PT);
	cm__gv_set(n, "label", buf);
	cm__gv_set(n, "fontsize", header ? "11" : "10");
	if (header)
		cm__gv_set(n, "fontname", "Helvetica-Bold");
}

static void text(legend *L, const char *raw, double y, int header)
{
	text_of(L, "", raw, "", y, header);
}

static void header_of(legend *L, const char *prefix, const char *raw, const char *suffix)
{
	L->y -= 4; /* a little air above each section */
	text_of(L, prefix, raw, suffix, L->y, 1);
	L->y -= ROW;
}

static void header(legend *L, const char *title)
{
	header_of(L, title, "", "");
}

/* A sample node (shape, fill, outline, style, width in inches) at y. */
static void sample_node(legend *L, const char *shape, const char *fill, const char *outline,
                        const char *style, double width, double y)
{
	Agnode_t *n = lnode(L, L->left + GLYPH_X, y);
	cm__gv_set(n, "shape", shape);
	cm__gv_setf(n, "width", "%.3f", width);
	cm__gv_setf(n, "height", "%.3f", !strcmp(shape, "box") ? 0.6 * width : width);
	cm__gv_set(n, "fixedsize", "true");
	cm__gv_set(n, "style", style);
	cm__gv_set(n, "fillcolor", fill);
	cm__gv_set(n, "color", outline);
	int change = !strcmp(outline, CM__COLOR_ENTERED) || !strcmp(outline, CM__COLOR_LEFT);
	cm__gv_set(n, "penwidth", change ? "3" : "0.8");
}

/* One row: a sample node and its text. */
static void node_row(legend *L, const char *shape, const char *fill, const char *outline,
                     const char *style, double width, const char *label, const char *suffix)
{
	double h = fmax(ROW, width * CM__PT + 4);
	double y = L->y - (h - ROW) / 2;
	if (!L->emit)
		sample_node(L, shape, fill, outline, style, width, y);
	text_of(L, "", label, suffix, y, 0);
	L->y -= h;
}

/* A sample line between two invisible points. */
static void sample_edge(legend *L, const char *color, const char *style, int directed,
                        double penwidth)
{
	Agnode_t *a = lnode(L, L->left + GLYPH_X - 16, L->y);
	Agnode_t *b = lnode(L, L->left + GLYPH_X + 16, L->y);
	for (int k = 0; k < 2; k++) {
		Agnode_t *n = k ? b : a;
		cm__gv_set(n, "shape", "point");
		cm__gv_set(n, "width", "0.01");
		cm__gv_set(n, "style", "invis");
	}
	Agedge_t *e = a && b ? agedge(L->g, a, b, NULL, 1) : NULL;
	L->failed |= !e;
	cm__gv_set(e, "color", color);
	cm__gv_set(e, "style", style);
	cm__gv_set(e, "dir", directed ? "forward" : "none");
	cm__gv_set(e, "arrowsize", "0.6");
	cm__gv_setf(e, "penwidth", "%.2f", penwidth);
}

static void edge_row(legend *L, const char *color, const char *style, int directed, double penwidth,
                     const char *label, const char *suffix)
{
	if (!L->emit)
		sample_edge(L, color, style, directed, penwidth);
	text_of(L, "", label, suffix, L->y, 0);
	L->y -= ROW;
}

static void colours(legend *L, const cm__scene *s)
{
	char count[32];
	header_of(L, "Colour: ", s->cat_title, "");
	for (size_t c = 0; c < s->ncats; c++) {
		if (!s->cats[c].count)
			continue;
		snprintf(count, sizeof(count), " (%zu)", s->cats[c].count);
		node_row(L, "circle", s->cats[c].color, "#333333", "filled", 0.16, s->cats[c].name,
		         count);
	}
}

/* Only the shapes drawn: no "external" square when no actor is external. */
static void shapes(legend *L, const cm__scene *s)
{
	int local = 0, external = 0;
	for (size_t i = 0; i < s->n; i++)
		local |= !s->nodes[i].external, external |= s->nodes[i].external;
	if (!local && !external)
		return;
	header(L, s->aggregated ? "Shape: ownership of most members" : "Shape: ownership");
	if (local)
		node_row(L, "circle", "white", "#333333", "filled", 0.16, "local", "");
	if (external)
		node_row(L, "square", "white", "#333333", "filled", 0.142, "external", "");
}

/* What a large value of an actor measure says, in plain words. */
const char *cm__measure_meaning(const char *measure)
{
	static const char *const words[][2] = {
	    {"degree", "many direct ties"},
	    {"in_degree", "many incoming ties"},
	    {"out_degree", "many outgoing ties"},
	    {"strength", "many or heavy ties"},
	    {"betweenness", "lies between many pairs"},
	    {"betweenness_norm", "lies between many pairs"},
	    {"closeness", "few steps to everyone"},
	    {"harmonic", "few steps to most actors"},
	    {"eigenvector", "tied to well-tied actors"},
	    {"pagerank", "chosen by well-chosen actors"},
	    {"coreness", "deep in the dense core"},
	    {"constraint", "its contacts all know each other"},
	    {"effective_size", "many unconnected contacts"},
	    {"coordinator", "brokers within its own group"},
	    {"itinerant", "brokers within another group"},
	    {"gatekeeper", "brings ties into its group"},
	    {"representative", "takes its group's ties out"},
	    {"liaison", "brokers between other groups"},
	};
	for (size_t k = 0; k < CM__ARRAY_LEN(words); k++)
		if (!strcmp(measure, words[k][0]))
			return words[k][1];
	return NULL;
}

static void size_pair(legend *L, double lo, double hi)
{
	char a[48], b[48], row[128];
	snprintf(row, sizeof(row), "smallest: %s", cm__fmt_double(a, sizeof(a), lo, 3));
	node_row(L, "circle", "white", "#333333", "filled", CM__WIDTH_MIN, row, "");
	snprintf(row, sizeof(row), "largest: %s", cm__fmt_double(b, sizeof(b), hi, 3));
	node_row(L, "circle", "white", "#333333", "filled", CM__WIDTH_MAX, row, "");
}

/* "Size: lies between many pairs", then the measure's name: the words
 * first, for the readers who do not know the measure. */
static void measure_header(legend *L, const char *measure)
{
	const char *words = cm__measure_meaning(measure);
	if (!words) {
		header_of(L, "Size: ", measure, " (area)");
		return;
	}
	header_of(L, "Size: ", words, "");
	text_of(L, "area by ", measure, "", L->y, 0);
	L->y -= ROW;
}

static void sizes(legend *L, const cm__scene *s)
{
	static const char *const classes[] = {"micro", "small", "medium", "large"};
	static const double widths[] = {0.25, 0.42, 0.62, 0.9};
	switch (s->size_mode) {
	case CM__SIZE_NONE: header(L, "Size: not scaled"); return;
	case CM__SIZE_CLASS:
		header(L, "Size: size class (area)");
		for (int k = 0; k < 4; k++)
			node_row(L, "circle", "white", "#333333", "filled", widths[k], classes[k],
			         "");
		return;
	case CM__SIZE_MEMBERS:
		header(L, "Size: members (area)");
		size_pair(L, s->vmin, s->vmax);
		return;
	default:
		measure_header(L, s->size_title);
		if (isfinite(s->vmin))
			size_pair(L, s->vmin, s->vmax);
	}
}

static void lines(legend *L, const cm__scene *s)
{
	char buf[128];
	header(L, "Lines: relation");
	for (size_t l = 0; l < s->nlayers; l++) {
		const cm__rlayer *ly = &s->layers[l];
		if (!ly->count)
			continue;
		edge_row(L, ly->color, ly->style, ly->directed, 1.0, ly->name,
		         !strcmp(ly->name, "supplier") ? " (seller -> buyer)" : "");
	}
	if (s->aggregated && s->max_ties > 0) {
		snprintf(buf, sizeof(buf), "width: ties between groups (max %.0f)", s->max_ties);
		text(L, buf, L->y, 0);
		L->y -= ROW;
	}
}

static void changes(legend *L, const cm__scene *s)
{
	unsigned nc = s->node_changes, ec = s->edge_changes;
	unsigned used = (1u << CM__CHANGE_IN) | (1u << CM__CHANGE_OUT) | (1u << CM__CHANGE_KEPT);
	if (!(nc & used) && !(ec & used))
		return;
	header(L, "Change");
	if (nc & (1u << CM__CHANGE_IN))
		node_row(L, "circle", "white", CM__COLOR_ENTERED, "filled", 0.16, "actor entered",
		         "");
	if (nc & (1u << CM__CHANGE_OUT))
		node_row(L, "circle", "white", CM__COLOR_LEFT, "filled,dashed", 0.16, "actor left",
		         "");
	if (ec & (1u << CM__CHANGE_KEPT))
		edge_row(L, CM__COLOR_KEPT, "solid", 0, 1.0, "tie persisted", "");
	if (ec & (1u << CM__CHANGE_IN))
		edge_row(L, CM__COLOR_ENTERED, "solid", 0, 1.8, "tie formed", "");
	if (ec & (1u << CM__CHANGE_OUT))
		edge_row(L, CM__COLOR_LEFT, "dashed", 0, 1.8, "tie dissolved", "");
}

/* Every section, top to bottom. */
static void sections(legend *L, const cm__scene *s)
{
	if (s->aggregated) {
		text(L, "Each node is a group of actors", L->y, 1);
		L->y -= ROW;
	}
	colours(L, s);
	shapes(L, s);
	sizes(L, s);
	lines(L, s);
	if (s->has_inside || s->boxes) {
		header(L, "Box");
		node_row(L, "box", "white", "#777777", "rounded", 0.3,
		         s->boxes         ? "a group of the file (labelled)"
		         : s->region_name ? s->region_name
		                          : "actors inside the region",
		         "");
	}
	changes(L, s);
}

int cm__gv_legend(double *bottom, cm_ctx *ctx, Agraph_t *g, const cm__scene *s, double right,
                  double top)
{
	legend L = {g, agsubg(g, "cluster_legend", 1), right + GAP, top - 8, 0, 0, NULL, NULL};
	if (!L.cl)
		return cm__oom(ctx);
	cm__gv_set(L.cl, "label", "Legend");
	cm__gv_set(L.cl, "labeljust", "l");
	cm__gv_set(L.cl, "style", "rounded");
	cm__gv_set(L.cl, "color", "#999999");
	sections(&L, s);
	*bottom = L.y + ROW / 2 - 6;
	cm__gv_setf(L.cl, "bb", "%.2f,%.2f,%.2f,%.2f", L.left, *bottom,
	            L.left + TEXT_X + TEXT_W + 6, top + 16);
	return L.failed ? cm__oom(ctx) : 0;
}

void cm__legend_texts(const cm__scene *s, void (*fn)(void *payload, const char *text),
                      void *payload)
{
	legend L = {.emit = fn, .payload = payload};
	sections(&L, s);
}

int cm__gv_caption(cm_ctx *ctx, Agraph_t *g, const cm__scene *s, double left, double bottom)
{
	if (!s->caption)
		return 0;
	size_t lines = 1;
	for (const char *p = s->caption; (p = strstr(p, "\\l")); p += 2)
		lines++;
	/* Below everything, left-aligned; Graphviz grows the drawing to it. */
	double h = (double)lines * 14.0;
	Agnode_t *n = cm__gv_fresh_node(g, "caption");
	if (!n)
		return cm__oom(ctx);
	cm__gv_setf(n, "pos", "%.2f,%.2f!", left + CAPTION_W / 2, bottom - 24 - h / 2);
	cm__gv_set(n, "shape", "plaintext");
	cm__gv_set(n, "fixedsize", "shape");
	cm__gv_setf(n, "width", "%.3f", CAPTION_W / CM__PT);
	cm__gv_setf(n, "height", "%.3f", h / CM__PT);
	cm__gv_setf(n, "label", "%s\\l", s->caption);
	cm__gv_set(n, "fontsize", "11");
	cm__gv_set(n, "xlabel", "");
	return 0;
}
