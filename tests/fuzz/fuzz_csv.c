/* SPDX-License-Identifier: MIT */
/* Fuzz target: the CSV sheet reader (libcsv) and the tie-list and matrix
 * builders over what it accepts: a failure always says where, a success
 * gives every row a number and ties whose ends are nodes. */
#include "fuzz.h"

#include "import/import.h"

#include <string.h>

static void build(cm_ctx *ctx, const cm__sheet *sh, int matrix)
{
	cm__import imp = {.ctx = ctx};
	if (cm__network_new(&imp.net, ctx))
		return;
	int rc = matrix ? cm__import_matrix(&imp, sh, "advice", 0) : cm__import_edges(&imp, sh);
	FUZZ_CHECK(rc <= 0);
	for (size_t e = 0; e < imp.net->m; e++)
		FUZZ_CHECK(imp.net->edges[e].src < imp.net->n &&
		           imp.net->edges[e].dst < imp.net->n);
	cm__strmap_free(&imp.labels);
	cm__strmap_free(&imp.ambiguous);
	cm__strmap_free(&imp.missing);
	cm__arena_free(&imp.missing_arena);
	cm_network_free(imp.net);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_ctx *ctx;
	cm__sheet sh;
	cm__sheet_opts opts = {0, 0};
	if (cm_ctx_new(&ctx))
		return 0;
	memset(&sh, 0, sizeof(sh));
	int rc = cm__csv_read_buffer(&sh, ctx, "<fuzz>", (const char *)data, size, &opts);
	FUZZ_CHECK(rc <= 0);
	if (rc)
		FUZZ_CHECK(cm_ctx_errmsg(ctx)[0] != '\0');
	for (size_t r = 0; rc == 0 && r < sh.nrows; r++)
		FUZZ_CHECK(sh.rows[r].number == r + 1 &&
		           sh.rows[r].first + sh.rows[r].count <= sh.ncells);
	if (rc == 0 && sh.nrows)
		build(ctx, &sh, size & 1);
	cm__sheet_free(&sh);
	cm_ctx_free(ctx);
	return 0;
}
