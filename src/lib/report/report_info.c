/* SPDX-License-Identifier: MIT */
/* The summary behind `clustermap info`, as text or JSON. */
#include "core/internal.h"
#include "report.h"

#include <jansson.h>

#include <stdlib.h>
#include <string.h>

typedef struct layer_count {
	size_t directed, undirected;
} layer_count;

typedef struct summary {
	size_t kind[CM_KIND_COUNT], size[CM_SIZE_COUNT], ownership[2], location[2];
	size_t has_kind, has_size, has_ownership, has_location;
	size_t isolates;
	layer_count *layers;
} summary;

static int summarize(summary *s, const cm_network *net)
{
	memset(s, 0, sizeof(*s));
	s->layers = cm__calloc(net->nlayers + 1, sizeof(*s->layers));
	unsigned char *touched = cm__calloc(net->n + 1, 1);
	if (!s->layers || !touched) {
		cm__free(s->layers);
		cm__free(touched);
		return CM_ENOMEM;
	}
	for (size_t i = 0; i < net->n; i++) {
		const cm__node *nd = &net->nodes[i];
		s->kind[nd->kind]++;
		s->size[nd->size]++;
		s->ownership[nd->ownership]++;
		s->location[nd->location]++;
		s->has_kind += !!(nd->has & CM_HAS_KIND);
		s->has_size += !!(nd->has & CM_HAS_SIZE);
		s->has_ownership += !!(nd->has & CM_HAS_OWNERSHIP);
		s->has_location += !!(nd->has & CM_HAS_LOCATION);
	}
	for (size_t e = 0; e < net->m; e++) {
		const cm__edge *ed = &net->edges[e];
		if (ed->directed)
			s->layers[ed->layer].directed++;
		else
			s->layers[ed->layer].undirected++;
		if (ed->src != ed->dst)
			touched[ed->src] = touched[ed->dst] = 1;
	}
	for (size_t i = 0; i < net->n; i++)
		s->isolates += !touched[i];
	cm__free(touched);
	return 0;
}

static double share(size_t part, size_t whole)
{
	return whole ? (double)part / (double)whole : 0.0;
}

/* ------------------------------------------------------------ text */

static void text_counts(FILE *fp, const char *title, const size_t *counts, size_t n,
                        const char *(*name)(int), int skip_zero)
{
	fprintf(fp, "    %-10s", title);
	int first = 1;
	for (size_t k = 0; k < n; k++) {
		if (skip_zero && !counts[k])
			continue;
		fprintf(fp, "%s%s %zu", first ? " " : ", ", name((int)k), counts[k]);
		first = 0;
	}
	fputc('\n', fp);
}

static const char *kind_word(int k)
{
	return cm_kind_name((cm_kind)k);
}
static const char *size_word(int k)
{
	return cm_size_name((cm_size)k);
}
static const char *own_word(int k)
{
	return cm_ownership_name((cm_ownership)k);
}
static const char *loc_word(int k)
{
	return cm_location_name((cm_location)k);
}

/* "snapshot 2: id g, label "Prato", year 2015"; the data's words escaped. */
static void text_heading(FILE *fp, const cm_network *net, size_t index)
{
	const char *sep = " ";
	fprintf(fp, "snapshot %zu:", index + 1);
	if (net->id[0]) {
		fprintf(fp, "%sid ", sep), sep = ", ";
		cm__fputs_escaped(fp, net->id);
	}
	if (net->label[0]) {
		fprintf(fp, "%slabel \"", sep), sep = ", ";
		cm__fputs_escaped(fp, net->label);
		fputc('"', fp);
	}
	if (net->year)
		fprintf(fp, "%syear %d", sep, net->year);
}

static void text_network(FILE *fp, const cm_network *net, const summary *s, size_t index)
{
	text_heading(fp, net, index);
	fprintf(fp, "\n  nodes: %zu\n", net->n);
	text_counts(fp, "kind:", s->kind, CM_KIND_COUNT, kind_word, 1);
	text_counts(fp, "size:", s->size, CM_SIZE_COUNT, size_word, 1);
	text_counts(fp, "ownership:", s->ownership, 2, own_word, 0);
	text_counts(fp, "location:", s->location, 2, loc_word, 0);
	fprintf(fp, "  isolates: %zu\n", s->isolates);
	fprintf(fp, "  completeness: kind %.1f%%, size %.1f%%, ownership %.1f%%, location %.1f%%\n",
	        100 * share(s->has_kind, net->n), 100 * share(s->has_size, net->n),
	        100 * share(s->has_ownership, net->n), 100 * share(s->has_location, net->n));
	fprintf(fp, "  edges: %zu\n", net->m);
	for (size_t k = 0; k < net->nlayers; k++) {
		fputs("    ", fp);
		size_t shown = cm__fputs_escaped(fp, net->layers[k]);
		fprintf(fp, "%*s %zu directed, %zu undirected\n",
		        shown < 14 ? (int)(14 - shown) : 0, "", s->layers[k].directed,
		        s->layers[k].undirected);
	}
}

static void text_diags(FILE *fp, const cm_ctx *ctx)
{
	fprintf(fp, "diagnostics: %zu\n", ctx->diags.count);
	for (size_t i = 0; i < ctx->diags.count; i++) {
		fputs("  ", fp);
		cm_diag_print(fp, &ctx->diags.items[i].d);
	}
}

/* ------------------------------------------------------------ JSON */

static json_t *json_counts(const size_t *counts, size_t n, const char *(*name)(int), int skip_first)
{
	json_t *o = json_object();
	int bad = 0;
	for (size_t k = skip_first ? 1 : 0; o && k < n; k++)
		bad |= json_object_set_new(o, name((int)k), json_integer((json_int_t)counts[k]));
	if (skip_first && o)
		bad |= json_object_set_new(o, "unknown", json_integer((json_int_t)counts[0]));
	return cm__json_check(o, bad);
}

static json_t *json_network(const cm_network *net, const summary *s)
{
	json_t *layers = json_object(), *comp = json_object();
	int bad = 0;
	for (size_t k = 0; !bad && k < net->nlayers; k++)
		bad |= json_object_set_new(
		    layers, net->layers[k],
		    json_pack("{s:I,s:I,s:I}", "edges",
		              (json_int_t)(s->layers[k].directed + s->layers[k].undirected),
		              "directed", (json_int_t)s->layers[k].directed, "undirected",
		              (json_int_t)s->layers[k].undirected));
	layers = cm__json_check(layers, bad);
	bad = json_object_set_new(comp, "kind", json_real(share(s->has_kind, net->n)));
	bad |= json_object_set_new(comp, "size", json_real(share(s->has_size, net->n)));
	bad |= json_object_set_new(comp, "ownership", json_real(share(s->has_ownership, net->n)));
	bad |= json_object_set_new(comp, "location", json_real(share(s->has_location, net->n)));
	comp = cm__json_check(comp, bad);
	/* json_pack() fails on a NULL value ("o"), releasing the others. */
	return json_pack(
	    "{s:s,s:s,s:o,s:I,s:I,s:o,s:o,s:o,s:o,s:I,s:o,s:o}", "id", net->id, "label", net->label,
	    "year", net->year ? json_integer(net->year) : json_null(), "nodes", (json_int_t)net->n,
	    "edges", (json_int_t)net->m, "kind", json_counts(s->kind, CM_KIND_COUNT, kind_word, 0),
	    "size", json_counts(s->size, CM_SIZE_COUNT, size_word, 1), "ownership",
	    json_counts(s->ownership, 2, own_word, 0), "location",
	    json_counts(s->location, 2, loc_word, 0), "isolates", (json_int_t)s->isolates,
	    "completeness", comp, "layers", layers);
}

/* ------------------------------------------------------------ entry */

int cm_info_write(FILE *fp, cm_ctx *ctx, const cm_series *series, cm_format format)
{
	const char *source = series->count ? series->items[0]->source : "";
	json_t *snaps = json_array();
	if (!snaps)
		return cm__oom(ctx);
	if (format != CM_FORMAT_JSON) {
		fputs("file: ", fp);
		cm__fputs_escaped(fp, source);
		fprintf(fp, "\nsnapshots: %zu\n", series->count);
	}
	int bad = 0;
	for (size_t i = 0; i < series->count && !bad; i++) {
		summary s;
		if (summarize(&s, series->items[i])) {
			json_decref(snaps);
			return cm__oom(ctx);
		}
		if (format == CM_FORMAT_JSON)
			bad = json_array_append_new(snaps, json_network(series->items[i], &s));
		else
			text_network(fp, series->items[i], &s, i);
		cm__free(s.layers);
	}
	snaps = cm__json_check(snaps, bad);
	if (format != CM_FORMAT_JSON) {
		text_diags(fp, ctx);
		json_decref(snaps);
		return 0;
	}
	json_t *root = json_pack("{s:s,s:o,s:o}", "input", source, "snapshots", snaps,
	                         "diagnostics", cm__json_diags(ctx));
	return cm__json_dump(root, fp, ctx);
}

typedef struct info_args {
	const cm_series *series;
	cm_format format;
} info_args;

static int info_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const info_args *a = arg;
	return cm_info_write(fp, ctx, a->series, a->format);
}

int cm_info_write_buf(cm_buf *out, cm_ctx *ctx, const cm_series *series, cm_format format)
{
	info_args a = {series, format};
	return cm__buf_write(out, ctx, info_thunk, &a);
}
