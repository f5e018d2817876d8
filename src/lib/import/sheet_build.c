/* SPDX-License-Identifier: MIT */
/* Node sheets and edge sheets into the network: each column read through
 * its header (renamed by the mapping, or named after a model field), each
 * value stored as the GraphML reader stores it (graphml/graphml.h). */
#include "import.h"

#include "graphml/graphml.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

int cm__cell_missing(const char *t)
{
	return !t || !*t || !strcasecmp(t, "NA") || !strcasecmp(t, "N/A") || !strcmp(t, "-") ||
	       !strcmp(t, "?");
}

int cm__row_empty(const cm__sheet *sh, size_t r)
{
	for (size_t c = 0; c < sh->rows[r].count; c++)
		if (!cm__cell_missing(cm__sheet_cell(sh, r, c)))
			return 0;
	return 1;
}

void cm__header_free(cm__header *h)
{
	cm__free(h->field);
	cm__free(h->key);
	cm__keys_free(&h->keys);
	memset(h, 0, sizeof(*h));
}

size_t cm__header_find(const cm__header *h, const char *field)
{
	for (size_t c = 0; c < h->ncols; c++)
		if (h->field[c] && !strcmp(h->field[c], field))
			return c;
	return SIZE_MAX;
}

/* Weights and years are numbers: their key reads them as doubles. */
static const char *field_type(const char *field)
{
	return !strcmp(field, "weight") ? "double" : "string";
}

static int header_key(cm__header *h, cm__import *imp, const cm__sheet *sh, size_t c,
                      const char *field)
{
	char id[32];
	cm__value_error err = {0};
	cm__column_letters(id, sizeof(id), c);
	cm__key_decl decl = {.id = id, .name = field, .type = field_type(field)};
	int rc = cm__keys_add(&err, &h->keys, NULL, &decl);
	if (rc == CM_ENOMEM)
		return cm__oom(imp->ctx);
	h->key[c] = (int)h->keys.count - 1;
	if (err.message[0])
		return cm__sheet_diag(imp->ctx, sh, CM_DIAG_WARNING, 0, c, "%s", err.message);
	return 0;
}

int cm__header_read(cm__header *h, cm__import *imp, const cm__sheet *sh, const char *section)
{
	memset(h, 0, sizeof(*h));
	h->ncols = sh->nrows ? sh->rows[0].count : 0;
	h->field = cm__calloc(h->ncols + 1, sizeof(*h->field));
	h->key = cm__calloc(h->ncols + 1, sizeof(*h->key));
	if (!h->field || !h->key)
		return cm__oom(imp->ctx);
	for (size_t c = 0; c < h->ncols; c++) {
		const char *text = cm__sheet_cell(sh, 0, c);
		h->key[c] = -1;
		if (!text)
			continue;
		const char *field = cm__mapping_field(imp->map, section, text);
		h->field[c] = field ? field : text;
		if (header_key(h, imp, sh, c, h->field[c]))
			return CM_ENOMEM;
	}
	return 0;
}

/* "1,5" -> "1.5" where the sheet writes decimal commas. */
static const char *decimal_point(char *buf, size_t size, const cm__sheet *sh, const char *text)
{
	double v;
	if (sh->decimal != ',' || !strchr(text, ',') || cm__sheet_number(&v, sh, text))
		return text;
	cm__fmt_double(buf, size, v, 17);
	return buf;
}

/* The size band ([size bands] micro = 0-9) a number of employees is in. */
static const char *size_band(const cm__import *imp, double n)
{
	for (size_t i = 0; imp->map && i < imp->map->count; i++) {
		const cm__map_entry *e = &imp->map->items[i];
		double lo, hi = -1;
		char lo_s[64] = "", hi_s[64] = "";
		if (strcmp(e->section, "size bands") ||
		    sscanf(e->value, "%63[^-]-%63s", lo_s, hi_s) < 1 || cm__parse_double(&lo, lo_s))
			continue;
		if (hi_s[0] && cm__parse_double(&hi, hi_s))
			continue;
		if (n >= lo && (!hi_s[0] || n <= hi))
			return e->key;
	}
	return NULL;
}

static int banded(const char **text, const cm__import *imp, const cm__sheet *sh, const cm__key *key)
{
	double n;
	if (key->role != CM__ROLE_EMPLOYEES || !cm__mapping_get(imp->map, "size bands", "micro") ||
	    cm__sheet_number(&n, sh, *text))
		return 0;
	const char *band = size_band(imp, n);
	if (band)
		*text = band;
	return band != NULL;
}

int cm__header_apply(cm__import *imp, const cm__header *h, const cm__sheet *sh, size_t r,
                     size_t col, int for_edges, size_t i)
{
	char num[64];
	const char *text = cm__sheet_cell(sh, r, col);
	if (h->key[col] < 0 || cm__cell_missing(text))
		return 0;
	cm__key key = h->keys.items[h->key[col]];
	text = cm__import_recode(imp, key.name, text);
	text = decimal_point(num, sizeof(num), sh, text);
	if (banded(&text, imp, sh, &key))
		key.role = CM__ROLE_SIZE;
	cm__value_error err = {0};
	int rc = cm__apply_value(&err, imp->ctx, &key, imp->net,
	                         for_edges ? CM__FOR_EDGE : CM__FOR_NODE, i, text);
	if (rc == CM_ENOMEM)
		return cm__oom(imp->ctx);
	if (err.message[0])
		return cm__sheet_diag(imp->ctx, sh, rc ? CM_DIAG_ERROR : CM_DIAG_WARNING, r, col,
		                      "%s", err.message);
	return 0;
}

const char *cm__import_recode(const cm__import *imp, const char *field, const char *value)
{
	char section[96];
	snprintf(section, sizeof(section), "values %s", field);
	const char *ours = cm__mapping_get(imp->map, section, value);
	return ours ? ours : value;
}

/* ------------------------------------------------------------ nodes */

static int node_row(cm__import *imp, const cm__header *h, const cm__sheet *sh, size_t r,
                    size_t id_col)
{
	const char *id = cm__sheet_cell(sh, r, id_col);
	size_t i;
	if (cm__cell_missing(id))
		return cm__sheet_diag(imp->ctx, sh, CM_DIAG_ERROR, r, id_col,
		                      "the actor on this row has no %s; every actor needs one",
		                      h->field[id_col]);
	long seen = cm__strmap_get(&imp->net->ids, id, strlen(id));
	if (seen >= 0)
		return cm__sheet_diag(imp->ctx, sh, CM_DIAG_ERROR, r, id_col,
		                      "actor '%s' is listed twice; each actor needs one row", id);
	if (cm__import_add_node(&i, imp, id))
		return CM_ENOMEM;
	imp->nodes_read++;
	for (size_t c = 0; c < h->ncols && c < sh->rows[r].count; c++)
		if (c != id_col && cm__header_apply(imp, h, sh, r, c, 0, i))
			return CM_ENOMEM;
	return 0;
}

/* Labels that name one actor only, so that names in other sheets may use
 * them instead of ids. */
static int index_labels(cm__import *imp)
{
	cm_network *net = imp->net;
	for (size_t i = 0; i < net->n; i++) {
		const char *l = net->nodes[i].label;
		long found;
		if (l && cm__strmap_add(&imp->labels, l, strlen(l), (uint32_t)i, &found))
			return cm__oom(imp->ctx);
		if (l && found >= 0 && cm__strmap_add(&imp->ambiguous, l, strlen(l), 0, &found))
			return cm__oom(imp->ctx);
	}
	return 0;
}

int cm__import_nodes(cm__import *imp, const cm__sheet *sh)
{
	cm__header h;
	int rc = cm__header_read(&h, imp, sh, "nodes");
	size_t id_col = cm__header_find(&h, "id");
	if (id_col == SIZE_MAX)
		id_col = cm__header_find(&h, "label");
	if (!rc && id_col == SIZE_MAX)
		rc = cm__sheet_diag(
		    imp->ctx, sh, CM_DIAG_ERROR, 0, 0,
		    "the node sheet has no 'id' (or 'label') column; name one so, or "
		    "map it in the mapping's [nodes] section");
	for (size_t r = 1; !rc && id_col != SIZE_MAX && r < sh->nrows; r++)
		if (cm__row_empty(sh, r))
			imp->rows_empty++;
		else
			rc = node_row(imp, &h, sh, r, id_col);
	cm__header_free(&h);
	imp->have_nodes = 1;
	return rc ? rc : index_labels(imp);
}

/* ------------------------------------------------------------ tie lists */

static int directed_of(int *out, cm__import *imp, const cm__sheet *sh, size_t r, size_t col)
{
	const char *t = col == SIZE_MAX ? NULL : cm__sheet_cell(sh, r, col);
	*out = 1;
	if (cm__cell_missing(t))
		return 0;
	t = cm__import_recode(imp, "directed", t);
	if (!strcasecmp(t, "directed") || cm__parse_bool(out, t) == 0)
		return 0;
	*out = !!strcasecmp(t, "undirected");
	if (!*out)
		return 0;
	return cm__sheet_diag(imp->ctx, sh, CM_DIAG_ERROR, r, col,
	                      "directed '%s' is not true, false, directed or undirected", t);
}

static int tie_row(cm__import *imp, const cm__header *h, const cm__sheet *sh, size_t r,
                   const size_t *col)
{
	size_t src, dst, e;
	int directed, rs = cm__import_endpoint(&src, imp, sh, r, col[0]);
	int rt = cm__import_endpoint(&dst, imp, sh, r, col[1]);
	if (rs == CM_ENOMEM || rt == CM_ENOMEM)
		return CM_ENOMEM;
	if (rs || rt || directed_of(&directed, imp, sh, r, col[3]))
		return 0;
	const char *rel = col[2] == SIZE_MAX ? NULL : cm__sheet_cell(sh, r, col[2]);
	rel = cm__cell_missing(rel) ? "untyped" : cm__import_recode(imp, "relation", rel);
	if (cm__import_tie(&e, imp, src, dst, rel, directed))
		return CM_ENOMEM;
	for (size_t c = 0; c < h->ncols && c < sh->rows[r].count; c++)
		if (c != col[0] && c != col[1] && c != col[2] && c != col[3] &&
		    cm__header_apply(imp, h, sh, r, c, 1, e))
			return CM_ENOMEM;
	return 0;
}

static int tie_list(cm__import *imp, const cm__header *h, const cm__sheet *sh)
{
	size_t col[4] = {cm__header_find(h, "source"), cm__header_find(h, "target"),
	                 cm__header_find(h, "relation"), cm__header_find(h, "directed")};
	for (size_t r = 1; r < sh->nrows; r++)
		if (cm__row_empty(sh, r))
			imp->rows_empty++;
		else if (tie_row(imp, h, sh, r, col))
			return CM_ENOMEM;
	return 0;
}

int cm__import_edges(cm__import *imp, const cm__sheet *sh)
{
	cm__header h;
	int rc = cm__header_read(&h, imp, sh, "edges");
	int ties =
	    cm__header_find(&h, "source") != SIZE_MAX && cm__header_find(&h, "target") != SIZE_MAX;
	cm__header_free(&h);
	if (rc || !ties)
		return rc ? rc : cm__import_survey(imp, sh);
	rc = cm__header_read(&h, imp, sh, "edges");
	if (rc == 0)
		rc = tie_list(imp, &h, sh);
	cm__header_free(&h);
	return rc;
}
