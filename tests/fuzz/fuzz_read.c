/* SPDX-License-Identifier: MIT */
/* Fuzz target: the GraphML reader (cm_series_read_buffer) and everything a
 * successful read promises about the network it returns. */
#include "fuzz.h"
#include "../unit/getters.h"

#include <clustermap.h>

#include <string.h>

/* Every edge end is a node, every layer index names a layer, node ids are
 * unique and found again by id, and every string accessor returns a string. */
static void check_network(const cm_network *net)
{
	size_t n = cm_network_node_count(net), m = cm_network_edge_count(net);
	size_t layers = cm_network_layer_count(net);
	for (size_t i = 0; i < n; i++) {
		size_t at = n;
		const char *id = t_node_id(net, i);
		FUZZ_CHECK(id && t_node_label(net, i));
		FUZZ_CHECK(cm_network_find_node(&at, net, id) == 0 && at == i);
		FUZZ_CHECK((unsigned)t_node_kind(net, i) < CM_KIND_COUNT);
		FUZZ_CHECK((unsigned)t_node_size(net, i) < CM_SIZE_COUNT);
	}
	for (size_t e = 0; e < m; e++) {
		FUZZ_CHECK(t_edge_source(net, e) < n);
		FUZZ_CHECK(t_edge_target(net, e) < n);
		FUZZ_CHECK(t_edge_layer(net, e) < layers);
		double w = t_edge_weight(net, e);
		FUZZ_CHECK(w == w); /* the reader never stores NaN */
	}
	for (size_t l = 0; l < layers; l++) {
		size_t at = layers;
		const char *name = t_layer_name(net, l);
		FUZZ_CHECK(name && cm_network_find_layer(&at, net, name) == 0 && at == l);
	}
	for (size_t k = 0; k < cm_network_node_attr_count(net); k++)
		FUZZ_CHECK(t_node_attr_name(net, k) != NULL);
	FUZZ_CHECK(cm_network_id(net) && cm_network_label(net) && cm_network_source(net));
}

/* The info report must succeed on whatever the reader accepted. */
static void check_info(cm_ctx *ctx, const cm_series *s)
{
	static FILE *sink;
	if (!sink && !(sink = fopen("/dev/null", "w")))
		return;
	FUZZ_CHECK(cm_info_write(sink, ctx, s, CM_FORMAT_TEXT) == 0);
	FUZZ_CHECK(cm_info_write(sink, ctx, s, CM_FORMAT_JSON) == 0);
}

static void read_with(const uint8_t *data, size_t size, const cm_read_opts *opts)
{
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cm_ctx_new(&ctx))
		return;
	int rc = cm_series_read_buffer(&s, ctx, (const char *)data, size, opts);
	FUZZ_CHECK(rc <= 0);
	if (rc == 0) {
		FUZZ_CHECK(s && cm_series_count(s) > 0);
		for (size_t i = 0; i < cm_series_count(s); i++)
			check_network(t_series_get(s, i));
		check_info(ctx, s);
	} else {
		/* A failure always says why. */
		FUZZ_CHECK(!s && cm_ctx_errmsg(ctx)[0] != '\0');
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_read_opts opts;
	cm_read_opts_init(&opts, CM_READ_OPTS_VERSION);
	/* The options change which code paths values take; the input's length
	 * picks them, so that every input is read once and the corpus files
	 * (whose first bytes are XML) are read as they are. */
	if (size & 1) {
		opts.map = "relation=type,kind=category,label=name,weight=strength";
		opts.flip_information = 1;
	}
	read_with(data, size, &opts);
	return 0;
}
