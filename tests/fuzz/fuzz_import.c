/* SPDX-License-Identifier: MIT */
/* Fuzz target of one peer-format reader (import/pajek_read.c, gexf_read.c,
 * dl_read.c, gml_read.c), chosen at compile time by -DCM_FUZZ_READER=
 * cm__pajek_read (and so on), and what a successful read promises about its
 * networks: every tie between actors, every layer named, ids unique and found
 * again, and the info report written. */
#include "fuzz.h"
#include "import/import.h"

#ifndef CM_FUZZ_READER
#error "compile with -DCM_FUZZ_READER=cm__pajek_read (or another reader)"
#endif

#include <string.h>

static void check_network(const cm_network *net)
{
	size_t n = cm_network_node_count(net), m = cm_network_edge_count(net);
	size_t layers = cm_network_layer_count(net);
	for (size_t i = 0; i < n; i++) {
		size_t at = n;
		const char *id = cm_network_node_id(net, i);
		FUZZ_CHECK(id && cm_network_find_node(&at, net, id) == 0 && at == i);
	}
	for (size_t e = 0; e < m; e++) {
		FUZZ_CHECK(cm_network_edge_source(net, e) < n);
		FUZZ_CHECK(cm_network_edge_target(net, e) < n);
		FUZZ_CHECK(cm_network_edge_layer(net, e) < layers);
		double w = cm_network_edge_weight(net, e);
		FUZZ_CHECK(w == w);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *sink;
	cm_ctx *ctx;
	cm_series *s = NULL;
	/* fmemopen refuses an empty buffer: the file reader gets one byte. */
	FILE *fp = fmemopen((void *)(size ? data : (const uint8_t *)"\n"), size ? size : 1, "rb");
	if (!fp)
		return 0;
	if (cm_ctx_new(&ctx)) {
		fclose(fp);
		return 0;
	}
	/* Small limits, as for a file from anywhere. */
	ctx->limits.max_nodes = 100000;
	ctx->limits.max_edges = 100000;
	int rc = CM_FUZZ_READER(&s, ctx, "<fuzz>", fp, NULL);
	FUZZ_CHECK(rc <= 0);
	if (rc == 0) {
		FUZZ_CHECK(s && cm_series_count(s) > 0);
		for (size_t i = 0; i < cm_series_count(s); i++)
			check_network(cm_series_get(s, i));
		if (sink || (sink = fopen("/dev/null", "w")))
			FUZZ_CHECK(cm_info_write(sink, ctx, s, CM_FORMAT_TEXT) == 0);
	} else {
		FUZZ_CHECK(!s && cm_ctx_errmsg(ctx)[0] != '\0');
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
	fclose(fp);
	return 0;
}
