/* SPDX-License-Identifier: MIT */
/* Fuzz target: read -> write back (cm_network_write_graphml) -> read. What
 * the writer produces must read back without errors into the same network:
 * the same actors with the same attributes, the same ties in the same
 * layers, the same extra columns and graph data. */
#include "fuzz.h"

#include "core/internal.h"
#include "../unit/getters.h"

#include <string.h>

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void same_columns(const cm__column *a, size_t na, const cm__column *b, size_t nb,
                         size_t count)
{
	FUZZ_CHECK(na == nb);
	for (size_t k = 0; k < na; k++) {
		/* a text column of whole employee counts comes back as the int it is */
		int employees = !strcmp(a[k].name, "employees") && !strcmp(a[k].type, "string") &&
		                !strcmp(b[k].type, "int");
		FUZZ_CHECK(!strcmp(a[k].name, b[k].name) &&
		           (employees || !strcmp(a[k].type, b[k].type)));
		for (size_t i = 0; i < count; i++)
			FUZZ_CHECK(same_str(cm__column_get(&a[k], i), cm__column_get(&b[k], i)));
	}
}

static void same_nodes(const cm_network *a, const cm_network *b)
{
	FUZZ_CHECK(a->n == b->n);
	for (size_t i = 0; i < a->n; i++) {
		const cm__node *x = &a->nodes[i], *y = &b->nodes[i];
		FUZZ_CHECK(!strcmp(x->id, y->id));
		FUZZ_CHECK(!strcmp(t_node_label(a, i), t_node_label(b, i)));
		FUZZ_CHECK(same_str(x->sector, y->sector));
		FUZZ_CHECK(x->kind == y->kind && x->size == y->size);
		FUZZ_CHECK(x->ownership == y->ownership && x->location == y->location);
		FUZZ_CHECK(x->has == y->has);
	}
	same_columns(a->ncols, a->nncols, b->ncols, b->nncols, a->n);
}

static void same_edges(const cm_network *a, const cm_network *b)
{
	if (a->nlayers != b->nlayers)
		for (size_t l = 0; l < a->nlayers || l < b->nlayers; l++)
			fprintf(stderr, "layer %zu: '%s' / '%s'\n", l,
			        l < a->nlayers ? a->layers[l] : "",
			        l < b->nlayers ? b->layers[l] : "");
	FUZZ_CHECK(a->m == b->m && a->nlayers == b->nlayers);
	for (size_t l = 0; l < a->nlayers; l++)
		FUZZ_CHECK(!strcmp(a->layers[l], b->layers[l]));
	for (size_t e = 0; e < a->m; e++) {
		const cm__edge *x = &a->edges[e], *y = &b->edges[e];
		FUZZ_CHECK(x->src == y->src && x->dst == y->dst && x->layer == y->layer);
		FUZZ_CHECK(x->directed == y->directed);
		FUZZ_CHECK(x->weight == y->weight);
		FUZZ_CHECK(x->year == y->year && x->start == y->start && x->end == y->end);
	}
	same_columns(a->ecols, a->necols, b->ecols, b->necols, a->m);
}

static void round_trip(const cm_network *net)
{
	char *buf = NULL;
	size_t len = 0;
	cm_ctx *ctx;
	cm_series *back = NULL;
	FILE *fp = open_memstream(&buf, &len);
	if (!fp || cm_ctx_new(&ctx)) {
		if (fp)
			fclose(fp);
		free(buf);
		return;
	}
	FUZZ_CHECK(cm_network_write_graphml(fp, ctx, net, NULL) == 0);
	FUZZ_CHECK(fclose(fp) == 0);
	int rc = cm_series_read_buffer(&back, ctx, buf, len, NULL);
	if (rc)
		fprintf(stderr, "written back:\n%.*s\nread: %s\n", (int)len, buf,
		        cm_ctx_errmsg(ctx));
	FUZZ_CHECK(rc == 0 && cm_series_count(back) == 1);
	const cm_network *again = t_series_get(back, 0);
	FUZZ_CHECK(!strcmp(net->id, again->id) && !strcmp(net->label, again->label));
	FUZZ_CHECK(net->year == again->year);
	same_nodes(net, again);
	same_edges(net, again);
	cm_series_free(back);
	cm_ctx_free(ctx);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cm_ctx_new(&ctx))
		return 0;
	if (cm_series_read_buffer(&s, ctx, (const char *)data, size, NULL) == 0)
		for (size_t i = 0; i < cm_series_count(s); i++)
			round_trip(t_series_get(s, i));
	cm_series_free(s);
	cm_ctx_free(ctx);
	return 0;
}
