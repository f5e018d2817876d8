/* SPDX-License-Identifier: MIT */
/* cm_import_read: the sheets an import names, read in order (node sheet,
 * edge or survey sheet, matrix) into one network, and the summary of what
 * was read and what was not. */
#include "import.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int cm_import_opts_init(cm_import_opts *opts, unsigned int version)
{
	static const cm_import_opts defaults = CM_IMPORT_OPTS_INIT;
	if (version != CM_IMPORT_OPTS_VERSION)
		return CM_EINVAL;
	*opts = defaults;
	return 0;
}

enum { SHEET_NODES, SHEET_EDGES, SHEET_MATRIX };

typedef struct source {
	const cm_import_opts *opts;
	cm__book *book;
	cm__mapping *map; /* what imp.map reads */
	cm__import imp;
} source;

static int build(source *src, int what, const cm__sheet *sh)
{
	switch (what) {
	case SHEET_NODES: return cm__import_nodes(&src->imp, sh);
	case SHEET_EDGES: return cm__import_edges(&src->imp, sh);
	default:
		return cm__import_matrix(&src->imp, sh, src->opts->relation,
		                         src->opts->rows_receive);
	}
}

static int read_sheet(source *src, int what, const char *name)
{
	cm__sheet sh = {0};
	cm__sheet_opts so = {src->opts->delimiter, src->opts->decimal};
	cm_ctx *ctx = src->imp.ctx;
	int rc = src->book ? cm__xlsx_read_sheet(&sh, ctx, src->book, name)
	                   : cm__csv_read(&sh, ctx, name, &so);
	if (rc == 0 && src->book && src->opts->decimal)
		sh.decimal = src->opts->decimal;
	if (rc == 0 && sh.nrows == 0)
		rc = cm__sheet_diag(ctx, &sh, CM_DIAG_ERROR, 0, 0,
		                    "the sheet is empty; its first row names the columns")
		         ? CM_ENOMEM
		         : CM_EPARSE;
	if (rc == 0)
		rc = build(src, what, &sh);
	cm__sheet_free(&sh);
	return rc;
}

static int check_opts(cm_ctx *ctx, const cm_import_opts *o)
{
	if (cm__check_version(ctx, "cm_import_opts", o->version, CM_IMPORT_OPTS_VERSION))
		return CM_EINVAL;
	if (o->matrix && (!o->relation || !*o->relation))
		return cm__error(ctx, CM_EINVAL,
		                 "error: a matrix needs its relation (--relation NAME)");
	if (!o->workbook && !o->edges && !o->matrix)
		return cm__error(
		    ctx, CM_EINVAL,
		    "error: nothing to import; give an edge sheet, a survey, a matrix or "
		    "a workbook");
	if ((o->delimiter && !strchr(",;\t|", o->delimiter)) ||
	    (o->decimal && o->decimal != '.' && o->decimal != ','))
		return cm__error(
		    ctx, CM_EINVAL,
		    "error: the delimiter is one of , ; | or tab, the decimal '.' or ','");
	return 0;
}

/* The sheets to read, in order: name per SHEET_*, NULL for none. */
static void sheet_names(const char **name, const source *src)
{
	const cm_import_opts *o = src->opts;
	name[SHEET_NODES] = o->nodes;
	name[SHEET_EDGES] = o->edges;
	name[SHEET_MATRIX] = o->matrix;
	if (!src->book)
		return;
	if (!o->nodes && cm__xlsx_has_sheet(src->book, "nodes"))
		name[SHEET_NODES] = "nodes";
	if (!o->edges && !o->matrix)
		name[SHEET_EDGES] = "edges";
}

static int read_all(source *src)
{
	const char *name[3];
	int rc = 0;
	cm_ctx *ctx = src->imp.ctx;
	if (src->opts->map) {
		rc = cm__mapping_read(src->map, ctx, src->opts->map);
		if (rc)
			return rc;
	}
	if (src->opts->workbook && (rc = cm__xlsx_open(&src->book, ctx, src->opts->workbook)))
		return rc;
	sheet_names(name, src);
	for (int k = 0; k < 3 && rc != CM_ENOMEM; k++)
		if (name[k]) {
			size_t before = cm__diag_errors(ctx);
			int r = read_sheet(src, k, name[k]);
			rc = rc ? rc : r;
			if (k == SHEET_NODES && (r || cm__diag_errors(ctx) > before))
				return rc ? rc : CM_EPARSE; /* names cannot be checked against it */
		}
	return rc;
}

static void count_layers(FILE *fp, const cm_network *net)
{
	for (size_t l = 0; l < net->nlayers; l++) {
		size_t n = 0;
		for (size_t e = 0; e < net->m; e++)
			n += net->edges[e].layer == l;
		if (n)
			fprintf(fp, "%s%s %zu", l ? ", " : " (", net->layers[l], n);
	}
	fputs(net->m ? ")" : "", fp);
}

static void summary(FILE *fp, const cm__import *imp, int ok)
{
	if (!fp)
		return;
	fprintf(fp, "import: read %zu actor%s and %zu tie%s", imp->net->n,
	        imp->net->n == 1 ? "" : "s", imp->net->m, imp->net->m == 1 ? "" : "s");
	count_layers(fp, imp->net);
	fputs("\n", fp);
	if (imp->added)
		fprintf(fp, "import: added %zu name%s not in the node sheet as outside actors\n",
		        imp->added, imp->added == 1 ? "" : "s");
	if (imp->answers_empty && imp->rows_empty)
		fprintf(fp, "import: not read: %zu empty answer%s, %zu empty row%s\n",
		        imp->answers_empty, imp->answers_empty == 1 ? "" : "s", imp->rows_empty,
		        imp->rows_empty == 1 ? "" : "s");
	else if (imp->answers_empty || imp->rows_empty)
		fprintf(fp, "import: not read: %zu empty %s%s\n",
		        imp->answers_empty + imp->rows_empty, imp->rows_empty ? "row" : "answer",
		        imp->answers_empty + imp->rows_empty == 1 ? "" : "s");
	if (imp->missing.count)
		fprintf(fp, "import: %zu name%s not in the node sheet, in %zu cell%s\n",
		        imp->missing.count, imp->missing.count == 1 ? "" : "s", imp->missing_uses,
		        imp->missing_uses == 1 ? "" : "s");
	if (!ok)
		fputs("import: nothing written: fix the errors above\n", fp);
}

static void source_free(source *src)
{
	cm__xlsx_close(src->book);
	cm__mapping_free(src->map);
	cm__strmap_free(&src->imp.labels);
	cm__strmap_free(&src->imp.ambiguous);
	cm__strmap_free(&src->imp.missing);
	cm__arena_free(&src->imp.missing_arena);
	cm_network_free(src->imp.net);
}

int cm_import_read(cm_network **out, cm_ctx *ctx, const cm_import_opts *opts)
{
	cm__mapping map = {0};
	source src = {.opts = opts,
	              .map = &map,
	              .imp = {.ctx = ctx, .map = &map, .add_missing = opts->add_missing}};
	size_t before = cm__diag_errors(ctx);
	*out = NULL;
	int rc = check_opts(ctx, opts);
	if (rc || (rc = cm__network_new(&src.imp.net, ctx)))
		return rc;
	const char *name = opts->workbook ? opts->workbook
	                   : opts->edges  ? opts->edges
	                                  : opts->matrix;
	src.imp.net->source = cm__arena_strndup(&src.imp.net->arena, name, strlen(name));
	rc = src.imp.net->source ? read_all(&src) : cm__oom(ctx);
	if (rc == 0 && cm__diag_errors(ctx) > before)
		rc = CM_EPARSE;
	if (rc == 0)
		rc = cm__network_finish(src.imp.net, ctx);
	if (rc != CM_ENOMEM)
		summary(opts->summary, &src.imp, rc == 0);
	if (rc == 0) {
		*out = src.imp.net;
		src.imp.net = NULL;
	}
	source_free(&src);
	return rc;
}
