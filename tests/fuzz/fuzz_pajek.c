/* SPDX-License-Identifier: MIT */
/* Fuzz target: the Pajek reader (import/pajek_read.c) and what a successful
 * read promises about its networks: every tie between actors, every layer
 * named, ids unique and found again, and the info report written. */
#include "fuzz.h"
#include "import/import.h"

#include <stdlib.h>
#include <string.h>

static void check_network(const cm_network *net)
{
	size_t n = cm_network_node_count(net), m = cm_network_edge_count(net);
	size_t layers = cm_network_layer_count(net);
	for (size_t i = 0; i < n; i++) {
		size_t at = n;
		const char *id = NULL;
		FUZZ_CHECK(cm_network_node_id(&id, NULL, net, i) == 0);
		FUZZ_CHECK(id && cm_network_find_node(&at, net, id) == 0 && at == i);
	}
	for (size_t e = 0; e < m; e++) {
		size_t src = n, dst = n, layer = layers;
		double w = 0;
		FUZZ_CHECK(cm_network_edge_source(&src, NULL, net, e) == 0 && src < n);
		FUZZ_CHECK(cm_network_edge_target(&dst, NULL, net, e) == 0 && dst < n);
		FUZZ_CHECK(cm_network_edge_layer(&layer, NULL, net, e) == 0 && layer < layers);
		FUZZ_CHECK(cm_network_edge_weight(&w, NULL, net, e) == 0 && w == w);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	cm_ctx *ctx;
	cm_series *s = NULL;
	/* fmemopen refuses an empty buffer: the file reader gets one byte; a
	 * copy, since fmemopen takes a writable buffer. */
	char *copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	if (size)
		memcpy(copy, data, size);
	else
		copy[0] = '\n';
	FILE *fp = fmemopen(copy, size ? size : 1, "rb");
	if (!fp) {
		free(copy);
		return 0;
	}
	if (cm_ctx_new(&ctx)) {
		fclose(fp);
		free(copy);
		return 0;
	}
	/* Small limits, so that a count in *Vertices cannot exhaust memory. */
	ctx->limits.max_nodes = 100000;
	ctx->limits.max_edges = 100000;
	int rc = cm__pajek_read(&s, ctx, "<fuzz>", fp, NULL);
	FUZZ_CHECK(rc <= 0);
	if (rc == 0) {
		FUZZ_CHECK(s && cm_series_count(s) > 0);
		for (size_t i = 0; i < cm_series_count(s); i++) {
			const cm_network *net = NULL;
			FUZZ_CHECK(cm_series_get(&net, ctx, s, i) == 0);
			check_network(net);
		}
		if (sink || (sink = fopen("/dev/null", "w")))
			FUZZ_CHECK(cm_info_write(sink, ctx, s, CM_FORMAT_TEXT) == 0);
	} else {
		FUZZ_CHECK(!s && cm_ctx_errmsg(ctx)[0] != '\0');
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
	fclose(fp);
	free(copy);
	return 0;
}
