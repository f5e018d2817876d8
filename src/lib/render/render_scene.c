/* SPDX-License-Identifier: MIT */
/* Network + options -> scene: which actors and ties, in which colour group,
 * how large, which labelled (docs/render.md, "What a map shows"). */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LABELS_ALL_UP_TO 50 /* CM_RENDER_LABELS_AUTO: label everyone up to this */
#define LABELS_TOP       20 /* ... else the top 20 */
#define LABEL_LINE       18 /* characters per line of a wrapped label */
#define CAPTION_LINE     90 /* ... of the caption */

int cm_render_opts_init(cm_render_opts *opts, unsigned int version)
{
	static const cm_render_opts defaults = CM_RENDER_OPTS_INIT;
	if (version != CM_RENDER_OPTS_VERSION)
		return CM_EINVAL;
	*opts = defaults;
	return 0;
}

/* What the build needs besides the network: measures and roles. */
typedef struct build {
	const cm_network *net;
	const cm_render_opts *opts;
	size_t layer;   /* SIZE_MAX: every layer */
	size_t lines;   /* distinct ties drawn without grouping */
	size_t busiest; /* the most of them on one actor, ... */
	size_t actor;   /* ... which */
	cm_metrics *own_metrics;
	const cm_metrics *metrics;
	size_t mlayer;
	cm_classification *own_class;
	const cm_classification *cls;
} build;

static int aggregating(const build *b)
{
	const cm_render_opts *o = b->opts;
	return !o->full && o->aggregate_above &&
	       (cm_network_node_count(b->net) > o->aggregate_above ||
	        b->lines / CM__LINES_PER_ACTOR > o->aggregate_above);
}

/* Groups are sized by members: then only communities need measures. */
static int need_metrics(const build *b)
{
	const cm_render_opts *o = b->opts;
	return (!aggregating(b) && strcmp(o->size_by, "size") && strcmp(o->size_by, "none")) ||
	       !strcmp(o->color_by, "community");
}

static int get_metrics(build *b, cm_ctx *ctx)
{
	const char *lname = b->opts->layer ? b->net->layers[b->layer] : "all";
	if (!b->opts->metrics) {
		cm_metrics_opts mo = CM_METRICS_OPTS_INIT;
		mo.layer = lname;
		mo.permutations = 0; /* the E-I test plays no part in a drawing */
		mo.seed = b->opts->seed;
		int rc = cm_metrics_compute(&b->own_metrics, ctx, b->net, &mo);
		if (rc)
			return rc;
	}
	b->metrics = b->opts->metrics ? b->opts->metrics : b->own_metrics;
	if (cm_metrics_find_layer(&b->mlayer, b->metrics, lname))
		return cm__error(ctx, CM_ENOTFOUND, "error: the measures have no layer '%s'",
		                 lname);
	return 0;
}

static int get_roles(build *b, cm_ctx *ctx)
{
	if (b->opts->classification) {
		b->cls = b->opts->classification;
		return 0;
	}
	cm_classify_opts co = CM_CLASSIFY_OPTS_INIT;
	co.seed = b->opts->seed;
	co.replicates = 0; /* roles need neither null models nor stability */
	co.stability = 0;
	int rc = cm_classify(&b->own_class, ctx, b->net, &co);
	b->cls = b->own_class;
	return rc;
}

static int find_layer(build *b, cm_ctx *ctx)
{
	b->layer = SIZE_MAX;
	if (!b->opts->layer)
		return 0;
	if (cm_network_find_layer(&b->layer, b->net, b->opts->layer) == 0)
		return 0;
	char list[512] = "";
	for (size_t l = 0; l < cm_network_layer_count(b->net); l++) {
		size_t k = strlen(list);
		snprintf(list + k, sizeof(list) - k, "%s%s", l ? ", " : "", b->net->layers[l]);
	}
	return cm__error(ctx, CM_ENOTFOUND, "error: no relation layer '%s'; the network has: %s",
	                 b->opts->layer, *list ? list : "(no ties)");
}

/* ------------------------------------------------------------ colour groups */

static const char *role_of(const cm_classification *c, size_t i)
{
	static const unsigned order[] = {CM_ROLE_HUB, CM_ROLE_GATEKEEPER, CM_ROLE_CORE,
	                                 CM_ROLE_PERIPHERY};
	unsigned mask = 0;
	cm_classification_role(&mask, NULL, c, i);
	/* An actor may hold several roles; the rarest, most telling one wins. */
	for (size_t k = 0; k < CM__ARRAY_LEN(order); k++)
		if (mask & order[k])
			return cm_role_name(order[k]);
	return "no role";
}

/* The colour key of node i: kind, role, community or attribute value. */
static const char *node_key(build *b, cm__scene *s, size_t i, const double *comm)
{
	const char *by = b->opts->color_by;
	if (!strcmp(by, "kind"))
		return cm_kind_name((cm_kind)b->net->nodes[i].kind);
	if (!strcmp(by, "role"))
		return role_of(b->cls, i);
	if (comm) {
		char buf[32];
		if (isnan(comm[i]))
			return "none";
		snprintf(buf, sizeof(buf), "%020.0f", comm[i]); /* sorts numerically */
		return cm__arena_strndup(&s->arena, buf, strlen(buf));
	}
	const char *v = cm__node_attr(b->net, i, by);
	if (v && *v)
		return v;
	/* An attribute such as sector describes firms: a university or an
	 * agency without one is shown as what it is, in its kind's colour. */
	cm_kind kind = (cm_kind)b->net->nodes[i].kind;
	if (kind != CM_KIND_FIRM && kind != CM_KIND_OTHER)
		return cm_kind_name(kind);
	return "(none)";
}

static int has_attribute(const build *b)
{
	for (size_t i = 0; i < cm_network_node_count(b->net); i++) {
		const char *v = cm__node_attr(b->net, i, b->opts->color_by);
		if (v && *v)
			return 1;
	}
	return 0;
}

typedef struct keyed {
	const char *key;
	size_t node, count;
} keyed;

static int by_key(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->node > y->node) - (x->node < y->node);
}

static int by_count(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return strcmp(x->key, y->key);
}

/* Distinct keys, largest group first (ties by key); node i gets the index
 * of its key in s->groups. */
static int group_keys(cm__scene *s, cm_ctx *ctx, keyed *k, size_t n)
{
	qsort(k, n, sizeof(*k), by_key);
	keyed *u = cm__calloc(n + 1, sizeof(*u));
	size_t *rank = cm__calloc(n + 1, sizeof(*rank));
	s->groups = cm__calloc(n + 1, sizeof(*s->groups));
	if (!u || !rank || !s->groups)
		return cm__free(u), cm__free(rank), cm__oom(ctx);
	size_t nu = 0;
	for (size_t i = 0; i < n; i++) {
		if (!nu || strcmp(u[nu - 1].key, k[i].key)) {
			u[nu] = (keyed){k[i].key, nu, 0};
			nu++;
		}
		u[nu - 1].count++;
		s->nodes[k[i].node].group = nu - 1;
	}
	qsort(u, nu, sizeof(*u), by_count);
	for (size_t g = 0; g < nu; g++) {
		rank[u[g].node] = g;
		s->groups[g] = u[g].key;
	}
	for (size_t i = 0; i < s->n; i++)
		s->nodes[i].group = rank[s->nodes[i].group];
	s->ngroups = nu;
	cm__free(u);
	cm__free(rank);
	return 0;
}

static int is_missing(const char *key)
{
	return !strcmp(key, "(none)") || !strcmp(key, "none") || !strcmp(key, "no role");
}

static const char *group_color(const cm__scene *s, const char *by, size_t g, size_t *next)
{
	const char *key = s->groups[g];
	cm_kind kind;
	int attr = strcmp(by, "community") && strcmp(by, "role");
	if (attr && cm_kind_parse(&kind, key) == 0)
		return cm__color_kind(kind); /* by kind, or a kind standing in for a value */
	if (!strcmp(by, "role"))
		return cm__color_role(key);
	if (is_missing(key) || *next >= CM__COLOR_VALUES)
		return NULL;
	return cm__color_value((*next)++);
}

/* Legend entries: each group its colour while the palette lasts, the rest
 * (and missing values) share grey. */
static int make_cats(cm__scene *s, cm_ctx *ctx, const char *by)
{
	size_t next = 0, other = SIZE_MAX;
	size_t *cat_of = cm__calloc(s->ngroups + 1, sizeof(*cat_of));
	if (!cat_of)
		return cm__oom(ctx);
	for (size_t g = 0; g < s->ngroups; g++) {
		const char *color = group_color(s, by, g, &next);
		if (!color && other == SIZE_MAX) {
			other = s->ncats++;
			s->cats[other] = (cm__rcat){"other", CM__GREY, 0};
		}
		if (!color) {
			cat_of[g] = other;
			if (s->ngroups - g == 1 && is_missing(s->groups[g]) &&
			    s->cats[other].count == 0)
				s->cats[other].name = s->groups[g];
			continue;
		}
		cat_of[g] = s->ncats;
		s->cats[s->ncats++] = (cm__rcat){s->groups[g], color, 0};
	}
	for (size_t i = 0; i < s->n; i++) {
		s->nodes[i].cat = cat_of[s->nodes[i].group];
		s->cats[s->nodes[i].cat].count++;
	}
	cm__free(cat_of);
	return 0;
}

static int rename_communities(cm__scene *s)
{
	char buf[32];
	for (size_t g = 0; g < s->ngroups; g++) {
		if (is_missing(s->groups[g]))
			continue;
		snprintf(buf, sizeof(buf), "community %zu", g + 1);
		if (!(s->groups[g] = cm__arena_strndup(&s->arena, buf, strlen(buf))))
			return CM_ENOMEM;
	}
	return 0;
}

static int color_groups(build *b, cm_ctx *ctx, cm__scene *s)
{
	const char *by = b->opts->color_by;
	const double *comm = NULL;
	if (!strcmp(by, "community") &&
	    cm_metrics_actor_values(&comm, NULL, b->metrics, b->mlayer, "community"))
		return cm__error(ctx, CM_ENOTFOUND, "error: the measures have no communities");
	keyed *k = cm__calloc(s->n + 1, sizeof(*k));
	if (!k)
		return cm__oom(ctx);
	int rc = 0;
	for (size_t i = 0; i < s->n && !rc; i++) {
		k[i] = (keyed){node_key(b, s, i, comm), i, 0};
		if (!k[i].key)
			rc = cm__oom(ctx);
	}
	if (!rc && !comm && strcmp(by, "kind") && strcmp(by, "role") && !has_attribute(b))
		rc = cm__error(ctx, CM_ENOTFOUND,
		               "error: no actor has attribute '%s' for --color-by; use kind, "
		               "community, role or a node attribute",
		               by);
	if (!rc)
		rc = group_keys(s, ctx, k, s->n);
	cm__free(k);
	if (!rc && comm && rename_communities(s))
		rc = cm__oom(ctx);
	s->cat_title = by;
	return rc ? rc : make_cats(s, ctx, by);
}

/* ------------------------------------------------------------ sizes, labels */

static int unknown_measure(cm_ctx *ctx, const char *name)
{
	char list[512] = "size, none";
	const char *const *names = cm_metrics_actor_names();
	for (size_t k = 0; names && names[k]; k++) {
		size_t len = strlen(list);
		snprintf(list + len, sizeof(list) - len, ", %s", names[k]);
	}
	return cm__error(ctx, CM_EINVAL,
	                 "error: unknown measure '%s' for --size-by; use one of: %s", name, list);
}

static double class_width(cm_size size)
{
	static const double w[CM_SIZE_COUNT] = {0.3, 0.25, 0.42, 0.62, 0.9};
	return (unsigned)size < CM_SIZE_COUNT ? w[size] : w[0];
}

static int node_sizes(build *b, cm_ctx *ctx, cm__scene *s)
{
	const char *by = b->opts->size_by;
	const double *v = NULL;
	s->size_title = by;
	if (!strcmp(by, "none") || !strcmp(by, "size")) {
		int cls = !strcmp(by, "size");
		s->size_mode = cls ? CM__SIZE_CLASS : CM__SIZE_NONE;
		for (size_t i = 0; i < s->n; i++) {
			cm_size sz = (cm_size)b->net->nodes[i].size;
			s->nodes[i].value = cls ? (double)sz : NAN;
			s->nodes[i].width = cls ? class_width(sz) : CM__WIDTH_FLAT;
		}
		return 0;
	}
	if (cm_metrics_actor_values(&v, NULL, b->metrics, b->mlayer, by))
		return unknown_measure(ctx, by);
	s->size_mode = CM__SIZE_MEASURE;
	s->vmin = INFINITY, s->vmax = -INFINITY;
	for (size_t i = 0; i < s->n; i++) {
		s->nodes[i].value = v[i];
		if (!isnan(v[i]))
			s->vmin = fmin(s->vmin, v[i]), s->vmax = fmax(s->vmax, v[i]);
	}
	if (b->opts->size_lo < b->opts->size_hi) /* a range shared with other drawings */
		s->vmin = fmin(s->vmin, b->opts->size_lo),
		s->vmax = fmax(s->vmax, b->opts->size_hi);
	for (size_t i = 0; i < s->n; i++)
		s->nodes[i].width = cm__render_width(v[i], s->vmin, s->vmax);
	return 0;
}

typedef struct ranked {
	double value;
	size_t node;
} ranked;

/* Largest first, missing values last, ties in input order. */
static int by_value_desc(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (isnan(x->value) != isnan(y->value))
		return isnan(x->value) ? 1 : -1;
	if (!isnan(x->value) && x->value != y->value)
		return x->value < y->value ? 1 : -1;
	return (x->node > y->node) - (x->node < y->node);
}

/* Labels the top K actors by the size value (all when they are few). */
static int node_labels(build *b, cm_ctx *ctx, cm__scene *s)
{
	size_t k = b->opts->labels;
	if (k == CM_RENDER_LABELS_AUTO)
		k = s->n <= LABELS_ALL_UP_TO ? s->n : LABELS_TOP;
	ranked *order = cm__calloc(s->n + 1, sizeof(*order));
	if (!order)
		return cm__oom(ctx);
	for (size_t i = 0; i < s->n; i++)
		order[i] = (ranked){s->nodes[i].value, i};
	qsort(order, s->n, sizeof(*order), by_value_desc);
	int rc = 0;
	for (size_t r = 0; r < s->n && r < k && !rc; r++) {
		size_t i = order[r].node;
		s->nodes[i].label = cm__render_wrap(&s->arena, cm__node_label(b->net, i),
		                                    b->opts->label_length, LABEL_LINE, "\\n");
		if (!s->nodes[i].label)
			rc = cm__oom(ctx);
	}
	cm__free(order);
	return rc;
}

/* The hover text of actor i (SVG): its name, then what the data says of
 * it, then the size measure: "Name\nfirm, small, external\nbetweenness: 12". */
static const char *node_tip(build *b, cm__scene *s, size_t i)
{
	char facts[256] = "", num[48];
	unsigned has = b->net->nodes[i].has;
	size_t k = 0;
	if (has & CM_HAS_KIND)
		k += (size_t)snprintf(facts + k, sizeof(facts) - k, "%s",
		                      cm_kind_name((cm_kind)b->net->nodes[i].kind));
	if (has & CM_HAS_SIZE)
		k += (size_t)snprintf(facts + k, sizeof(facts) - k, "%s%s", k ? ", " : "",
		                      cm_size_name((cm_size)b->net->nodes[i].size));
	if (has & CM_HAS_OWNERSHIP)
		k += (size_t)snprintf(facts + k, sizeof(facts) - k, "%s%s owned", k ? ", " : "",
		                      cm_ownership_name((cm_ownership)b->net->nodes[i].ownership));
	const char *name = cm__render_text(&s->arena, cm__node_label(b->net, i), 0);
	size_t size = name ? 2 * strlen(name) + sizeof(facts) + 160 : 0;
	char *t = name ? cm__malloc(size) : NULL;
	if (!t)
		return NULL;
	/* Graphviz expands a tooltip's escapes twice: its backslashes, doubled
	 * once already, are doubled again so that they print as typed. */
	size_t n = 0;
	for (const char *p = name; *p; p++)
		if ((t[n++] = *p) == '\\')
			t[n++] = '\\';
	n += (size_t)snprintf(t + n, size - n, "%s%s", k ? "\\n" : "", facts);
	if (s->size_mode == CM__SIZE_MEASURE)
		snprintf(t + n, size - n, "\\n%.60s: %s", s->size_title,
		         isnan(s->nodes[i].value)
		             ? "missing"
		             : cm__fmt_double(num, sizeof(num), s->nodes[i].value, 4));
	const char *out = cm__arena_strndup(&s->arena, t, strlen(t));
	cm__free(t);
	return out;
}

static int node_tips(build *b, cm_ctx *ctx, cm__scene *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (!(s->nodes[i].tip = node_tip(b, s, i)))
			return cm__oom(ctx);
	return 0;
}

/* ------------------------------------------------------------ nodes, ties */

static unsigned char change_code(const cm_change *changes, size_t i)
{
	if (!changes)
		return CM__CHANGE_NONE;
	switch (changes[i]) {
	case CM_CHANGE_ENTERED: return CM__CHANGE_IN;
	case CM_CHANGE_LEFT: return CM__CHANGE_OUT;
	case CM_CHANGE_STAYED: return CM__CHANGE_KEPT;
	default: return CM__CHANGE_NONE;
	}
}

/* A position the file gave (attributes x and y, both finite numbers). */
static int file_position(double *x, double *y, const cm_network *net, size_t i)
{
	const char *xs = cm__node_attr(net, i, "x");
	const char *ys = cm__node_attr(net, i, "y");
	double vx, vy;
	if (!xs || !ys || cm__parse_double(&vx, xs) || cm__parse_double(&vy, ys) || !isfinite(vx) ||
	    !isfinite(vy))
		return 0;
	*x = vx, *y = vy;
	return 1;
}

static int add_nodes(build *b, cm_ctx *ctx, cm__scene *s)
{
	const cm_render_opts *o = b->opts;
	int located = 0;
	for (size_t i = 0; i < cm_network_node_count(b->net); i++) {
		cm__rnode nd = {.name = b->net->nodes[i].id, .value = NAN};
		nd.external = (cm_ownership)b->net->nodes[i].ownership == CM_OWNERSHIP_EXTERNAL;
		nd.inside = (cm_location)b->net->nodes[i].location == CM_LOCATION_INSIDE;
		located |= (b->net->nodes[i].has & CM_HAS_LOCATION) != 0;
		nd.change = change_code(o->node_change, i);
		nd.pinned = o->pin && cm_positions_get(&nd.x, &nd.y, o->pin, nd.name) == 0;
		if (!nd.pinned && !o->relayout)
			nd.pinned = (unsigned char)file_position(&nd.x, &nd.y, b->net, i);
		nd.box = o->groups ? cm__node_attr(b->net, i, "group") : NULL;
		s->boxes |= nd.box != NULL;
		if (!(nd.gv = cm__render_gv_name(&s->arena, nd.name)))
			return cm__oom(ctx);
		if (cm__scene_add_node(s, ctx, &nd))
			return CM_ENOMEM;
		s->npinned += nd.pinned;
		s->has_inside |= nd.inside, s->has_outside |= !nd.inside;
		s->has_local |= !nd.external, s->has_external |= nd.external;
		s->node_changes |= 1u << nd.change;
	}
	s->actors = s->n;
	if (!located) /* no region to draw: the data never says where anyone is */
		s->has_inside = 0;
	return 0;
}

static int add_edges(build *b, cm_ctx *ctx, cm__scene *s)
{
	size_t nl = cm_network_layer_count(b->net), custom = 0;
	s->layers = cm__calloc(nl + 1, sizeof(*s->layers));
	if (!s->layers)
		return cm__oom(ctx);
	for (size_t l = 0; l < nl; l++) {
		cm__rlayer *ly = &s->layers[l];
		ly->name = b->net->layers[l];
		ly->color = cm__color_layer(ly->name, &custom, &ly->style);
		ly->directed = !strcmp(ly->name, "supplier");
	}
	s->nlayers = nl;
	s->tiers = b->layer != SIZE_MAX && !strcmp(s->layers[b->layer].name, "supplier");
	for (size_t e = 0; e < cm_network_edge_count(b->net); e++) {
		size_t l = b->net->edges[e].layer;
		if (b->layer != SIZE_MAX && l != b->layer)
			continue;
		cm__redge ed = {b->net->edges[e].src,
		                b->net->edges[e].dst,
		                l,
		                0,
		                change_code(b->opts->edge_change, e),
		                1};
		ed.directed = b->net->edges[e].directed && strcmp(s->layers[l].name, "association");
		s->layers[l].directed |= ed.directed;
		s->layers[l].count++;
		s->edge_changes |= 1u << ed.change;
		if (cm__scene_add_edge(s, ctx, &ed))
			return CM_ENOMEM;
	}
	return 0;
}

static int make_title(build *b, cm_ctx *ctx, cm__scene *s)
{
	const char *t = b->opts->title;
	if (!t || !*t)
		t = cm_network_label(b->net);
	if (!t || !*t) {
		const char *src = cm_network_source(b->net), *slash = strrchr(src, '/');
		t = slash ? slash + 1 : src;
	}
	if (!*t)
		t = "Cluster map";
	s->title = cm__render_text(&s->arena, t, 100);
	const char *cap = b->opts->caption, *region = b->opts->region_label;
	if (cap && *cap)
		s->caption = cm__render_wrap(&s->arena, cap, 0, CAPTION_LINE, "\\l");
	s->region_name = region && *region ? region : NULL;
	s->region_label =
	    cm__render_text(&s->arena, region && *region ? region : "inside the region", 60);
	return s->title && s->region_label && (s->caption || !cap || !*cap) ? 0 : cm__oom(ctx);
}

static int check_opts(cm_ctx *ctx, const cm_render_opts *o)
{
	if (!o->size_by || !*o->size_by)
		return cm__error(ctx, CM_EINVAL, "error: --size-by needs a measure");
	if (!o->color_by || !*o->color_by)
		return cm__error(ctx, CM_EINVAL,
		                 "error: --color-by needs kind, community, role "
		                 "or an attribute");
	return 0;
}

/* Before anything costly: a map of every actor that Graphviz cannot draw
 * is refused, with what would draw it instead. */
static int check_busiest(const build *b, cm_ctx *ctx)
{
	if (aggregating(b) || b->busiest <= CM__MAX_ACTOR_LINES)
		return 0;
	return cm__error(ctx, CM_ELIMIT,
	                 "error: actor '%s' has %zu lines to draw (distinct neighbours and "
	                 "layers), more than Graphviz can draw on one actor (%d); draw "
	                 "groups (leave out --full, or give a smaller --aggregate-above) or "
	                 "one layer with --layer",
	                 b->net->nodes[b->actor].id, b->busiest, CM__MAX_ACTOR_LINES);
}

int cm__scene_build(cm__scene *s, cm_ctx *ctx, const cm_network *net, const cm_render_opts *opts)
{
	build b = {.net = net, .opts = opts};
	memset(s, 0, sizeof(*s));
	s->seed = opts->seed;
	int rc = check_opts(ctx, opts);
	if (!rc)
		rc = find_layer(&b, ctx);
	if (!rc)
		rc = cm__render_lines(&b.lines, &b.busiest, &b.actor, ctx, net, b.layer);
	if (!rc)
		rc = check_busiest(&b, ctx);
	if (!rc && need_metrics(&b))
		rc = get_metrics(&b, ctx);
	if (!rc && !strcmp(opts->color_by, "role"))
		rc = get_roles(&b, ctx);
	if (!rc)
		rc = add_nodes(&b, ctx, s);
	if (!rc)
		rc = add_edges(&b, ctx, s);
	if (!rc)
		rc = color_groups(&b, ctx, s);
	if (!rc && aggregating(&b))
		rc = cm__scene_aggregate(s, ctx, opts->pin);
	else if (!rc && !(rc = cm__scene_merge_ties(s, ctx)) && !(rc = node_sizes(&b, ctx, s)))
		rc = node_labels(&b, ctx, s);
	if (!rc && !s->aggregated)
		rc = node_tips(&b, ctx, s);
	if (!rc)
		rc = make_title(&b, ctx, s);
	cm_metrics_free(b.own_metrics);
	cm_classification_free(b.own_class);
	if (rc)
		cm__scene_free(s);
	return rc;
}
