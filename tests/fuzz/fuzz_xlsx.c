/* SPDX-License-Identifier: MIT */
/* Fuzz target: XLSX workbooks (libzip, libxml2 SAX) from memory: every
 * sheet the workbook names is read under small limits; a failure always
 * says why, a success holds rows in order with cells inside the sheet. */
#include "fuzz.h"

#include "import/import.h"

#include <string.h>

static void read_sheet(cm_ctx *ctx, cm__book *b, const char *name)
{
	cm__sheet sh;
	memset(&sh, 0, sizeof(sh));
	int rc = cm__xlsx_read_sheet(&sh, ctx, b, name);
	FUZZ_CHECK(rc <= 0);
	if (rc)
		FUZZ_CHECK(cm_ctx_errmsg(ctx)[0] != '\0' || cm_ctx_diag_count(ctx) > 0);
	for (size_t r = 0; rc == 0 && r < sh.nrows; r++)
		FUZZ_CHECK(sh.rows[r].first + sh.rows[r].count <= sh.ncells);
	cm__sheet_free(&sh);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cm_ctx *ctx;
	cm__book *b = NULL;
	cm_limits lim;
	if (cm_ctx_new(&ctx))
		return 0;
	cm_limits_init(&lim, CM_LIMITS_VERSION);
	lim.max_bytes = 1 << 24; /* a bomb stops here, not in the fuzzer's memory */
	cm_ctx_set_limits(ctx, &lim);
	int rc = cm__xlsx_open_buffer(&b, ctx, "<fuzz>.xlsx", data, size);
	FUZZ_CHECK(rc <= 0);
	FUZZ_CHECK(rc ? b == NULL : b != NULL);
	if (rc == 0) {
		read_sheet(ctx, b, "nodes");
		read_sheet(ctx, b, "edges");
	}
	cm__xlsx_close(b);
	cm_ctx_free(ctx);
	return 0;
}
