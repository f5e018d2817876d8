/* SPDX-License-Identifier: MIT */
/* Rendering: the public entry points, the two Graphviz passes (layout with
 * the chosen engine, then drawing with every position fixed and the legend
 * added), Graphviz's messages and the output. */
#include "render_gv.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const format_names[] = {"svg", "png", "pdf", "dot", "plain"};

int cm_render_format_parse(cm_render_format *out, const char *word)
{
	for (size_t f = 0; f < CM__ARRAY_LEN(format_names); f++)
		if (!strcasecmp(word, format_names[f])) {
			*out = (cm_render_format)f;
			return 0;
		}
	if (!strcasecmp(word, "gv")) {
		*out = CM_RENDER_DOT;
		return 0;
	}
	return CM_EINVAL;
}

int cm_render_format_from_path(cm_render_format *out, const char *name)
{
	const char *dot = strrchr(name, '.'), *slash = strrchr(name, '/');
	if (!dot || (slash && dot < slash))
		return CM_EINVAL;
	return cm_render_format_parse(out, dot + 1);
}

void cm_render_data_free(char *data)
{
	cm__free(data);
}

/* ------------------------------------------------------------ messages */

/* Graphviz's error hook takes no payload, so the messages of the render in
 * progress collect here; the header tells callers to render from one
 * thread at a time. */
static struct {
	char text[4096];
	size_t len;
	agusererrf prev;
} sink;

static int collect(char *message)
{
	size_t n = strlen(message), room = sizeof(sink.text) - 1 - sink.len;
	n = n < room ? n : room;
	memcpy(sink.text + sink.len, message, n);
	sink.len += n;
	sink.text[sink.len] = '\0';
	return 0;
}

void cm__gv_capture_begin(void)
{
	sink.len = 0;
	sink.text[0] = '\0';
	sink.prev = agseterrf(collect);
	agseterr(AGWARN);
	agreseterrors();
}

/* The first line of the sink that starts with prefix, without it. */
static int find_line(char *buf, size_t size, const char *prefix, size_t nth)
{
	size_t plen = strlen(prefix);
	for (const char *p = sink.text; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len >= plen && !strncmp(p, prefix, plen) && nth-- == 0) {
			snprintf(buf, size, "%.*s", (int)(len - plen), p + plen);
			return 1;
		}
		p += len + (end != NULL);
	}
	return 0;
}

int cm__gv_capture_check(cm_ctx *ctx, int status, const char *what)
{
	char msg[512];
	if (status == 0 && agerrors() < AGERR)
		return 0;
	if (!find_line(msg, sizeof(msg), "Error: ", 0))
		snprintf(msg, sizeof(msg), "%.500s", sink.len ? sink.text : "no message");
	return cm__error(ctx, CM_EGRAPH, "error: Graphviz %s failed: %s", what, msg);
}

void cm__gv_capture_end(cm_ctx *ctx)
{
	char msg[512];
	for (size_t k = 0; find_line(msg, sizeof(msg), "Warning: ", k); k++) {
		/* Labels left out where they would overlap: asked for, not a fault. */
		if (strstr(msg, "exterior labels positioned"))
			continue;
		if (cm__diag(ctx, CM_DIAG_WARNING, NULL, 0, 0, "Graphviz: %s", msg))
			break;
	}
	agseterrf(sink.prev);
	agreseterrors();
}

/* ------------------------------------------------------------ passes */

static int known_engine(cm_ctx *ctx, const char *engine, const cm__scene *s)
{
	static const char *const engines[] = {"sfdp", "neato", "fdp", "dot", "circo"};
	size_t k = 0;
	while (k < CM__ARRAY_LEN(engines) && strcmp(engine, engines[k]))
		k++;
	if (k == CM__ARRAY_LEN(engines))
		return cm__error(ctx, CM_EINVAL,
		                 "error: unknown layout '%s'; use auto, sfdp, neato, fdp, dot or "
		                 "circo",
		                 engine);
	if (s->npinned && s->npinned < s->n && strcmp(engine, "neato") && strcmp(engine, "fdp"))
		return cm__error(ctx, CM_EINVAL,
		                 "error: the %s layout cannot keep pinned positions; use auto, "
		                 "neato or fdp with --positions",
		                 engine);
	return 0;
}

static void add_title(Agraph_t *g, const cm__scene *s)
{
	cm__gv_set(g, "label", s->title);
	cm__gv_set(g, "labelloc", "t");
	cm__gv_set(g, "labeljust", "l");
	cm__gv_set(g, "fontsize", "18");
}

static int copy_out(char **out, size_t *len, cm_ctx *ctx, const char *data, unsigned int n)
{
	*out = cm__malloc((size_t)n + 1);
	if (!*out)
		return cm__oom(ctx);
	memcpy(*out, data, n);
	(*out)[n] = '\0';
	*len = n;
	return 0;
}

/* Graphviz's cairo plugin shrinks a bitmap wider or taller than 32767
 * pixels (96 dpi, pad included) until it is blank, and Pango's integer
 * units overflow on text past about 1.5 million points; both print to
 * stderr and exit 0, so refuse first. gvLayout leaves "bb" as "x0 y0 x1 y1". */
static int fits(cm_ctx *ctx, Agraph_t *g, cm_render_format format)
{
	static const double png_max = 32767.0 * CM__PT / 96.0 - 2 * 0.3 * CM__PT, pdf_max = 1e6;
	double x0, y0, x1, y1, max = format == CM_RENDER_PNG ? png_max : pdf_max;
	const char *bb = agget(g, "bb");
	if ((format != CM_RENDER_PNG && format != CM_RENDER_PDF) || !bb ||
	    sscanf(bb, "%lf %lf %lf %lf", &x0, &y0, &x1, &y1) != 4)
		return 0;
	if (x1 - x0 <= max && y1 - y0 <= max)
		return 0;
	return cm__error(ctx, CM_ELIMIT,
	                 "error: the drawing would be %.0f x %.0f points, larger than the %.0f x "
	                 "%.0f a %s can hold; shorten labels with --label-length or write SVG",
	                 x1 - x0, y1 - y0, max, max, format == CM_RENDER_PNG ? "PNG" : "PDF");
}

/* Every node has its position: "nop2" only draws. */
static int render_placed(char **out, size_t *len, cm_ctx *ctx, GVC_t *gvc, Agraph_t *g,
                         cm_render_format format)
{
	int rc = cm__gv_capture_check(ctx, gvLayout(gvc, g, "nop2"), "drawing");
	if (!rc && (rc = fits(ctx, g, format)))
		gvFreeLayout(gvc, g);
	if (rc)
		return rc;
	char *data = NULL;
	unsigned int n = 0;
	rc = cm__gv_capture_check(ctx, gvRenderData(gvc, g, format_names[format], &data, &n),
	                          "rendering");
	if (!rc)
		rc = data ? copy_out(out, len, ctx, data, n)
		          : cm__error(ctx, CM_EGRAPH, "error: Graphviz rendered nothing");
	if (!rc && format == CM_RENDER_PDF)
		cm__pdf_fix_dates(*out, *len);
	gvFreeRenderData(data);
	gvFreeLayout(gvc, g);
	return rc;
}

/* Everything stays where the first pass put it. */
static int draw(char **out, size_t *len, cm_ctx *ctx, GVC_t *gvc, Agraph_t *g, const cm__scene *s,
                cm_render_format format)
{
	double ext[4], bottom = 0;
	int rc = cm__gv_place(ext, ctx, g, s);
	if (!rc)
		rc = cm__gv_legend(&bottom, ctx, g, s, ext[2], ext[3]);
	if (!rc)
		rc = cm__gv_caption(ctx, g, s, ext[0], fmin(bottom, ext[1]));
	if (rc)
		return rc;
	add_title(g, s);
	if ((rc = cm__gv_names_check(ctx, g)))
		return rc;
	return render_placed(out, len, ctx, gvc, g, format);
}

/* One Graphviz context for the whole process: Graphviz 2.42's pango text
 * layout caches a pointer to the last font name, which lives in the
 * context's font table, so freeing a context and making a new one reads
 * freed memory on the next label. The context stays reachable until exit. */
static GVC_t *context(void)
{
	static GVC_t *gvc;
	if (!gvc)
		gvc = gvContext();
	return gvc;
}

/* A checked format and the process's context, with Graphviz's messages
 * captured until finish(). */
static int begin(GVC_t **gvc, cm_ctx *ctx, cm_render_format format)
{
	if ((unsigned)format >= CM__ARRAY_LEN(format_names))
		return cm__error(ctx, CM_EINVAL, "error: unknown output format");
	if (!(*gvc = context()))
		return cm__oom(ctx);
	cm__gv_capture_begin();
	return 0;
}

static int finish(cm_ctx *ctx, Agraph_t *g, int rc)
{
	if (g)
		agclose(g);
	cm__gv_capture_end(ctx);
	return rc;
}

int cm__render_scene(char **out, size_t *len, cm_ctx *ctx, cm__scene *s, const cm_render_opts *opts)
{
	const char *engine = cm__gv_engine(s, opts);
	int rc = known_engine(ctx, engine, s);
	if (rc)
		return rc;
	GVC_t *gvc;
	if ((rc = begin(&gvc, ctx, opts->format)))
		return rc;
	Agraph_t *g = NULL;
	rc = cm__gv_build(&g, ctx, s, engine);
	if (!rc)
		rc = cm__gv_names_check(ctx, g);
	if (!rc)
		rc = cm__gv_layout(ctx, gvc, g, s, engine);
	if (!rc && out)
		rc = draw(out, len, ctx, gvc, g, s, opts->format);
	return finish(ctx, g, rc);
}

/* The legend's text style (render_legend.c), on a node of its own. */
static int label_graph(Agraph_t **out, cm_ctx *ctx, const char *label)
{
	Agraph_t *g = agopen("label", Agdirected, NULL);
	Agnode_t *n = g ? agnode(g, "text", 1) : NULL;
	*out = g;
	if (!n)
		return cm__oom(ctx);
	cm__gv_set(n, "shape", "plaintext");
	cm__gv_set(n, "fontname", "Helvetica");
	cm__gv_set(n, "fontsize", "10");
	cm__gv_set(n, "pos", "0,0!");
	cm__gv_set(n, "label", label);
	return 0;
}

int cm__render_label(char **out, size_t *len, cm_ctx *ctx, const char *label,
                     cm_render_format format)
{
	*out = NULL;
	*len = 0;
	GVC_t *gvc;
	int rc = begin(&gvc, ctx, format);
	if (rc)
		return rc;
	Agraph_t *g = NULL;
	rc = label_graph(&g, ctx, label);
	if (!rc)
		rc = render_placed(out, len, ctx, gvc, g, format);
	return finish(ctx, g, rc);
}

int cm__gv_render_placed(char **out, size_t *len, cm_ctx *ctx, Agraph_t *g, cm_render_format format)
{
	GVC_t *gvc;
	int rc = begin(&gvc, ctx, format);
	if (rc)
		return rc;
	return finish(ctx, NULL, render_placed(out, len, ctx, gvc, g, format));
}

/* ------------------------------------------------------------ public */

static int positions_of(cm_positions **out, cm_ctx *ctx, const cm__scene *s)
{
	int rc = cm_positions_new(out, ctx);
	for (size_t i = 0; i < s->n && !rc; i++)
		rc = cm_positions_set(ctx, *out, s->nodes[i].name, s->nodes[i].x, s->nodes[i].y);
	if (rc) {
		cm_positions_free(*out);
		*out = NULL;
	}
	return rc;
}

/* Graphviz prints numbers with the C library: the C locale keeps the
 * decimal point a point whatever the caller's locale. */
static int run(char **out, size_t *len, cm_positions **positions, cm_ctx *ctx,
               const cm_network *net, const cm_render_opts *opts)
{
	static const cm_render_opts defaults = CM_RENDER_OPTS_INIT;
	if (!opts)
		opts = &defaults;
	if (cm__check_version(ctx, "cm_render_opts", opts->version, CM_RENDER_OPTS_VERSION))
		return CM_EINVAL;
	locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (!c)
		return cm__oom(ctx);
	locale_t old = uselocale(c);
	cm__scene s;
	int rc = cm__scene_build(&s, ctx, net, opts);
	if (!rc) {
		rc = cm__render_scene(out, len, ctx, &s, opts);
		if (!rc && positions)
			rc = positions_of(positions, ctx, &s);
		cm__scene_free(&s);
	}
	uselocale(old);
	freelocale(c);
	return rc;
}

int cm_render_buffer(char **out, size_t *len, cm_positions **positions, cm_ctx *ctx,
                     const cm_network *net, const cm_render_opts *opts)
{
	*out = NULL;
	*len = 0;
	if (positions)
		*positions = NULL;
	int rc = run(out, len, positions, ctx, net, opts);
	if (rc) {
		cm__free(*out);
		*out = NULL;
		*len = 0;
	}
	return rc;
}

int cm_render_layout(cm_positions **out, cm_ctx *ctx, const cm_network *net,
                     const cm_render_opts *opts)
{
	*out = NULL;
	return run(NULL, NULL, out, ctx, net, opts);
}

int cm_render_file(cm_positions **positions, cm_ctx *ctx, const cm_network *net, const char *file,
                   const cm_render_opts *opts)
{
	char *data;
	size_t len;
	cm_output *o = NULL;
	int rc = cm_render_buffer(&data, &len, positions, ctx, net, opts);
	if (!rc)
		rc = cm_output_open(&o, ctx, file);
	if (!rc && fwrite(data, 1, len, cm_output_fp(o)) != len)
		rc =
		    cm__error(ctx, CM_EIO, "%s: error: write failed: %s",
		              strcmp(file, "-") ? file : "<stdout>", strerror(errno ? errno : EIO));
	if (!rc)
		rc = cm_output_commit(ctx, o);
	cm_output_free(o);
	cm_render_data_free(data);
	if (rc && positions) {
		cm_positions_free(*positions);
		*positions = NULL;
	}
	return rc;
}

int cm_render_buf(cm_buf *out, cm_positions **positions, cm_ctx *ctx, const cm_network *net,
                  const cm_render_opts *opts)
{
	char *data = NULL;
	size_t len = 0;
	cm_buf_dispose(out);
	int rc = cm_render_buffer(&data, &len, positions, ctx, net, opts);
	if (!rc) {
		out->ptr = data;
		out->size = len;
	}
	return rc;
}
