/* SPDX-License-Identifier: MIT */
/* Adjacency matrices as UCINET users and published datasets keep them:
 * actor names on the first row and the first column, cells 0/1 or weights,
 * rows sending to columns ("rows ask columns for advice") or receiving. */
#include "import.h"

#include <math.h>
#include <string.h>

/* The node of each column header (SIZE_MAX where it could not be had). */
static int column_nodes(size_t *node, cm__import *imp, const cm__sheet *sh, size_t ncols)
{
	for (size_t c = 1; c < ncols; c++) {
		node[c] = SIZE_MAX;
		int rc = cm__import_endpoint(&node[c], imp, sh, 0, c);
		if (rc == CM_ENOMEM)
			return CM_ENOMEM;
	}
	return 0;
}

static int matrix_cell(cm__import *imp, const cm__sheet *sh, size_t r, size_t c, size_t row_node,
                       size_t col_node, const char *relation, int rows_receive)
{
	const char *text = cm__sheet_cell(sh, r, c);
	double w;
	size_t e;
	if (cm__cell_missing(text) || row_node == SIZE_MAX || col_node == SIZE_MAX)
		return 0;
	if (cm__sheet_number(&w, sh, text) || !isfinite(w))
		return cm__sheet_diag(
		    imp->ctx, sh, CM_DIAG_ERROR, r, c,
		    "matrix cell '%s' is not a number; use 0, 1 or a weight%s", text,
		    sh->decimal != ',' && strchr(text, ',') ? " (decimal commas: --decimal ,)"
		                                            : "");
	if (w == 0) {
		imp->zero_cells++;
		return 0;
	}
	if (cm__import_tie(&e, imp, rows_receive ? col_node : row_node,
	                   rows_receive ? row_node : col_node, relation, 1))
		return CM_ENOMEM;
	imp->net->edges[e].weight = w;
	return 0;
}

static int matrix_row(cm__import *imp, const cm__sheet *sh, size_t r, const size_t *node,
                      size_t ncols, const char *relation, int rows_receive)
{
	size_t from = SIZE_MAX;
	int rc = cm__import_endpoint(&from, imp, sh, r, 0);
	if (rc == CM_ENOMEM)
		return rc;
	if (sh->rows[r].count > ncols)
		return cm__sheet_diag(
		    imp->ctx, sh, CM_DIAG_ERROR, r, ncols,
		    "this row has %zu cells, more than the %zu names of the first "
		    "row",
		    sh->rows[r].count - 1, ncols - 1);
	for (size_t c = 1; c < sh->rows[r].count; c++)
		if (matrix_cell(imp, sh, r, c, from, node[c], relation, rows_receive))
			return CM_ENOMEM;
	return 0;
}

int cm__import_matrix(cm__import *imp, const cm__sheet *sh, const char *relation, int rows_receive)
{
	size_t ncols = sh->nrows ? sh->rows[0].count : 0;
	if (ncols < 2)
		return cm__sheet_diag(imp->ctx, sh, CM_DIAG_ERROR, 0, 0,
		                      "a matrix needs actor names on its first row and column")
		           ? CM_ENOMEM
		           : CM_EPARSE;
	size_t *node = cm__calloc(ncols, sizeof(*node));
	if (!node)
		return cm__oom(imp->ctx);
	int rc = column_nodes(node, imp, sh, ncols);
	for (size_t r = 1; !rc && r < sh->nrows; r++)
		if (cm__row_empty(sh, r))
			imp->rows_empty++;
		else
			rc = matrix_row(imp, sh, r, node, ncols, relation, rows_receive);
	cm__free(node);
	return rc;
}
