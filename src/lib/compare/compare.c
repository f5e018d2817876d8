/* SPDX-License-Identifier: MIT */
/* The comparison of two snapshots: actors, ties, QAP and measure changes. */
#include "compare.h"
#include "graph/layers.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int cm_compare_opts_init(cm_compare_opts *opts, unsigned int version)
{
	static const cm_compare_opts defaults = CM_COMPARE_OPTS_INIT;
	if (version != CM_COMPARE_OPTS_VERSION)
		return CM_EINVAL;
	*opts = defaults;
	return 0;
}

/* The options' version and the nested ones'. */
int cm__compare_opts_check(cm_ctx *ctx, const cm_compare_opts *opts)
{
	int rc = cm__check_version(ctx, "cm_compare_opts", opts->version, CM_COMPARE_OPTS_VERSION);
	if (!rc)
		rc = cm__check_version(ctx, "cm_metrics_opts", opts->metrics.version,
		                       CM_METRICS_OPTS_VERSION);
	if (!rc && opts->classify)
		rc = cm__check_version(ctx, "cm_classify_opts", opts->classify->version,
		                       CM_CLASSIFY_OPTS_VERSION);
	return rc;
}

const char *cm_change_name(cm_change change, bool ties)
{
	static const char *const actor_words[] = {"entered", "left", "stayed"};
	static const char *const tie_words[] = {"formed", "dissolved", "persisted"};
	if ((unsigned)change >= CM_CHANGE_COUNT)
		return "";
	return ties ? tie_words[change] : actor_words[change];
}

const char *cm__snapshot_name(char *buf, size_t size, const cm_network *net, size_t index)
{
	if (net->label && net->label[0])
		return net->label;
	if (net->year)
		snprintf(buf, size, "%d", net->year);
	else if (net->id && net->id[0])
		snprintf(buf, size, "%s", net->id);
	else
		snprintf(buf, size, "#%zu", index + 1);
	return buf;
}

/* The ties of one snapshot among the common actors, renumbered densely. */
static size_t common_ties(cm__tie *out, const cm__layer_diff *l, cm_change only,
                          const size_t *common)
{
	size_t k = 0;
	for (size_t i = 0; i < l->count[only]; i++) {
		cm__tie t = l->ties[only][i];
		if (common[t.a] != SIZE_MAX && common[t.b] != SIZE_MAX)
			out[k++] = (cm__tie){common[t.a], common[t.b]};
	}
	return k;
}

static int layer_qap(cm__layer_diff *l, cm_ctx *ctx, const cm_diff *d, const size_t *common,
                     const cm_compare_opts *opts)
{
	size_t p = l->count[CM_CHANGE_PERSISTED];
	cm__tie *x = cm__malloc(sizeof(*x) * (p + l->count[CM_CHANGE_DISSOLVED] + 1));
	cm__tie *y = cm__malloc(sizeof(*y) * (p + l->count[CM_CHANGE_FORMED] + 1));
	int rc = x && y ? 0 : cm__oom(ctx);
	if (!rc) {
		size_t nx = common_ties(x, l, CM_CHANGE_PERSISTED, common);
		size_t ny = common_ties(y, l, CM_CHANGE_PERSISTED, common);
		nx += common_ties(x + nx, l, CM_CHANGE_DISSOLVED, common);
		ny += common_ties(y + ny, l, CM_CHANGE_FORMED, common);
		rc = cm__qap(&l->qap, ctx, x, nx, y, ny, d->count[CM_CHANGE_STAYED], l->directed,
		             opts->permutations, opts->seed);
	}
	cm__free(x);
	cm__free(y);
	return rc;
}

static int diff_qap(cm_diff *d, cm_ctx *ctx, const cm_compare_opts *opts)
{
	size_t *common = cm__malloc(sizeof(*common) * (d->nactors + 1)), next = 0;
	if (!common)
		return cm__oom(ctx);
	for (size_t i = 0; i < d->nactors; i++) {
		const cm__actor *a = &d->actors[i];
		common[i] = a->old_i != SIZE_MAX && a->new_i != SIZE_MAX ? next++ : SIZE_MAX;
	}
	int rc = 0;
	for (size_t k = 0; k < d->nlayers && !rc; k++)
		rc = layer_qap(&d->layers[k], ctx, d, common, opts);
	cm__free(common);
	return rc;
}

static double measure_of(const cm_metrics *m, const char *layer, const char *name)
{
	size_t k;
	double v = NAN;
	if (!m || cm_metrics_find_layer(&k, m, layer) ||
	    cm_metrics_network_value(&v, NULL, m, k, name))
		return NAN;
	return v;
}

int cm__diff_measures(cm_diff *d, cm_ctx *ctx, const cm_metrics *old_m, const cm_metrics *new_m)
{
	const char *const *names = cm_metrics_network_names();
	size_t nn = 0;
	while (names[nn])
		nn++;
	cm__free(d->measures);
	d->nmeasures = 0;
	if (!(d->measures = cm__malloc(sizeof(*d->measures) * (d->nlayers * nn + 1))))
		return cm__oom(ctx);
	for (size_t k = 0; k < d->nlayers; k++)
		for (size_t j = 0; j < nn; j++) {
			cm__measure_change *c = &d->measures[d->nmeasures++];
			c->layer = d->layers[k].name;
			c->name = names[j];
			c->old_value = measure_of(old_m, c->layer, c->name);
			c->new_value = measure_of(new_m, c->layer, c->name);
		}
	return 0;
}

int cm__classify_snapshot(cm_classification **out, cm_ctx *ctx, const cm_network *net, size_t index,
                          const cm_compare_opts *opts)
{
	cm_classify_opts co;
	*out = NULL;
	if (opts->no_classify)
		return 0;
	if (opts->classify) {
		co = *opts->classify;
	} else {
		cm_classify_opts_init(&co, CM_CLASSIFY_OPTS_VERSION);
		co.seed = opts->seed;
	}
	int rc = cm_classify(out, ctx, net, &co);
	if (rc == 0 || rc == CM_ENOMEM)
		return rc;
	/* The comparison stands without the verdict: say so and go on. */
	char name[64];
	return cm__diag(ctx, CM_DIAG_WARNING, net->source, 0, 0,
	                "snapshot %s not classified: %s; the comparison is given without it",
	                cm__snapshot_name(name, sizeof(name), net, index), cm_ctx_errmsg(ctx));
}

static int diff_metrics(cm_diff *d, cm_ctx *ctx, const cm_compare_opts *opts)
{
	int rc = cm_metrics_compute(&d->old_m, ctx, d->old_net, &opts->metrics);
	if (!rc)
		rc = cm_metrics_compute(&d->new_m, ctx, d->new_net, &opts->metrics);
	if (!rc)
		rc = cm__diff_measures(d, ctx, d->old_m, d->new_m);
	if (!rc)
		rc = cm__classify_snapshot(&d->cls[0], ctx, d->old_net, 0, opts);
	return rc ? rc : cm__classify_snapshot(&d->cls[1], ctx, d->new_net, 1, opts);
}

/* The diff without measures: what the timeline computes between neighbours. */
int cm__diff_new(cm_diff **out, cm_ctx *ctx, const cm_network *old_net, const cm_network *new_net,
                 const cm_compare_opts *opts)
{
	cm_diff *d = cm__calloc(1, sizeof(*d));
	*out = NULL;
	if (!d)
		return cm__oom(ctx);
	d->old_net = old_net;
	d->new_net = new_net;
	d->match_by = opts->match_by && strcmp(opts->match_by, "id") ? opts->match_by : NULL;
	cm__igraph_scope scope;
	int rc = cm__igraph_enter(&scope, ctx);
	if (!rc)
		rc = cm__diff_structure(d, ctx);
	if (!rc)
		rc = diff_qap(d, ctx, opts);
	cm__igraph_leave(&scope);
	if (rc)
		cm_diff_free(d);
	else
		*out = d;
	return rc;
}

int cm_diff_compute(cm_diff **out, cm_ctx *ctx, const cm_network *old_net,
                    const cm_network *new_net, const cm_compare_opts *opts)
{
	static const cm_compare_opts defaults = CM_COMPARE_OPTS_INIT;
	if (!opts)
		opts = &defaults;
	*out = NULL;
	int rc = cm__compare_opts_check(ctx, opts);
	if (rc)
		return rc;
	rc = cm__diff_new(out, ctx, old_net, new_net, opts);
	if (!rc && (rc = diff_metrics(*out, ctx, opts))) {
		cm_diff_free(*out);
		*out = NULL;
	}
	return rc;
}

void cm_diff_free(cm_diff *d)
{
	if (!d)
		return;
	for (size_t k = 0; d->layers && k < d->nlayers; k++)
		for (int c = 0; c < CM_CHANGE_COUNT; c++)
			cm__free(d->layers[k].ties[c]);
	for (int c = 0; c < CM_CHANGE_COUNT; c++)
		cm__free(d->by_change[c]);
	cm__free(d->layers);
	cm__free(d->actors);
	cm__free(d->measures);
	cm_metrics_free(d->old_m);
	cm_metrics_free(d->new_m);
	cm_classification_free(d->cls[0]);
	cm_classification_free(d->cls[1]);
	cm__free(d);
}

size_t cm_diff_actor_count(const cm_diff *d, cm_change change)
{
	return (unsigned)change < CM_CHANGE_COUNT ? d->count[change] : 0;
}

static int check_change(cm_ctx *ctx, cm_change change)
{
	if ((unsigned)change < CM_CHANGE_COUNT)
		return 0;
	return cm__error(ctx, CM_EINVAL, "error: %d is not a change (entered, left, stayed)",
	                 (int)change);
}

int cm_diff_actor(const char **key, size_t *node, cm_ctx *ctx, const cm_diff *d, cm_change change,
                  size_t i)
{
	int rc = check_change(ctx, change);
	if (rc || (rc = cm__check_index(ctx, "actor", i, d->count[change])))
		return rc;
	const cm__actor *a = &d->actors[d->by_change[change][i]];
	if (node)
		*node = change == CM_CHANGE_ENTERED ? a->new_i : a->old_i;
	*key = a->key;
	return 0;
}

size_t cm_diff_layer_count(const cm_diff *d)
{
	return d->nlayers;
}

/* Layer k of d, or NULL with CM_EINVAL in ctx. */
static const cm__layer_diff *layer_at(cm_ctx *ctx, const cm_diff *d, size_t k)
{
	return cm__check_index(ctx, "layer", k, d->nlayers) ? NULL : &d->layers[k];
}

int cm_diff_layer_name(const char **out, cm_ctx *ctx, const cm_diff *d, size_t layer)
{
	const cm__layer_diff *l = layer_at(ctx, d, layer);
	if (!l)
		return CM_EINVAL;
	*out = l->name;
	return 0;
}

int cm_diff_layer_directed(bool *out, cm_ctx *ctx, const cm_diff *d, size_t layer)
{
	const cm__layer_diff *l = layer_at(ctx, d, layer);
	if (!l)
		return CM_EINVAL;
	*out = l->directed != 0;
	return 0;
}

int cm_diff_tie_count(size_t *out, cm_ctx *ctx, const cm_diff *d, size_t layer, cm_change change)
{
	const cm__layer_diff *l = layer_at(ctx, d, layer);
	if (!l)
		return CM_EINVAL;
	int rc = check_change(ctx, change);
	if (!rc)
		*out = l->count[change];
	return rc;
}

int cm_diff_tie(const char **from, const char **to, cm_ctx *ctx, const cm_diff *d, size_t layer,
                cm_change change, size_t i)
{
	size_t count;
	int rc = cm_diff_tie_count(&count, ctx, d, layer, change);
	if (rc || (rc = cm__check_index(ctx, "tie", i, count)))
		return rc;
	cm__tie t = d->layers[layer].ties[change][i];
	*from = d->actors[t.a].key;
	*to = d->actors[t.b].key;
	return 0;
}

int cm_diff_jaccard(double *out, cm_ctx *ctx, const cm_diff *d, size_t layer)
{
	const cm__layer_diff *l = layer_at(ctx, d, layer);
	if (!l)
		return CM_EINVAL;
	*out = l->jaccard;
	return 0;
}

int cm_diff_qap(const cm_qap **out, cm_ctx *ctx, const cm_diff *d, size_t layer)
{
	const cm__layer_diff *l = layer_at(ctx, d, layer);
	if (!l)
		return CM_EINVAL;
	*out = &l->qap;
	return 0;
}

size_t cm_diff_measure_count(const cm_diff *d)
{
	return d->nmeasures;
}

const cm_classification *cm_diff_classification(const cm_diff *d, bool newer)
{
	return d->cls[newer ? 1 : 0];
}

int cm_diff_measure(const char **layer, const char **name, double *old_value, double *new_value,
                    cm_ctx *ctx, const cm_diff *d, size_t k)
{
	int rc = cm__check_index(ctx, "measure", k, d->nmeasures);
	if (rc)
		return rc;
	const cm__measure_change *c = &d->measures[k];
	*layer = c->layer;
	*name = c->name;
	*old_value = c->old_value;
	*new_value = c->new_value;
	return 0;
}
