/* SPDX-License-Identifier: MIT */
/* The import stage: sheets (a CSV file or one worksheet of a workbook,
 * with where each cell came from), the mapping file and the steps that
 * build a network from sheets; the peers' formats (Pajek, GEXF) and the
 * file reader that tells the formats apart. */
#ifndef CM_IMPORT_H
#define CM_IMPORT_H

#include "core/internal.h"
#include "graphml/graphml.h"

/* One row of a sheet: its cells are sheet->cells[first .. first + count). */
typedef struct cm__row {
	size_t first, count;
	unsigned long number; /* 1-based row as a spreadsheet shows it */
} cm__row;

typedef struct cm__sheet {
	cm__arena arena;
	const char *file;   /* the CSV file, or the workbook */
	const char *name;   /* the worksheet's name; NULL for CSV */
	const char **cells; /* arena strings, NULL for an empty cell */
	size_t ncells, ccap;
	cm__row *rows;
	size_t nrows, rcap;
	char decimal; /* ',' when numbers are written with a decimal comma */
} cm__sheet;

/* Reading options that reach the sheet readers. */
typedef struct cm__sheet_opts {
	char delimiter; /* 0: detect from the header line */
	char decimal;   /* 0: detect */
} cm__sheet_opts;

/* Where a line-based reader is: its file (the name in messages), format
 * ("DL", "Pajek"), line number and the bytes read so far. */
typedef struct cm__line_at {
	const char *file, *format;
	unsigned long line;
	unsigned long long bytes;
} cm__line_at;
/* 0 when the line may be read; else the code to stop with, the reason a
 * diagnostic of ctx: past max_bytes or max_value_length, or a NUL byte. */
int cm__line_check(cm_ctx *ctx, const cm__line_at *at, const char *text, size_t len);
/* After the last line: CM_EIO (with a diagnostic) when fp failed and the
 * reader had not stopped on its own. */
int cm__line_end(cm_ctx *ctx, const char *file, FILE *fp, int stopped);

/* A diagnostic of a line reader r (fields ctx, errors, file, line, stop) at
 * the column of at in the line text; the read stops when it cannot be kept
 * (cm__reader_diag). */
#define cm__line_diag(r, level, at, text, ...)                                                     \
	do {                                                                                       \
		if (cm__reader_diag((r)->ctx, &(r)->errors, level, (r)->file, (r)->line,           \
		                    cm__column_at(at, text), __VA_ARGS__))                         \
			(r)->stop = CM_ENOMEM;                                                     \
	} while (0)

void cm__sheet_free(cm__sheet *sh);
/* Appends a cell to the row being built (cm__sheet_end_row closes it). */
int cm__sheet_add_cell(cm__sheet *sh, cm_ctx *ctx, size_t col, const char *text, size_t len);
int cm__sheet_end_row(cm__sheet *sh, cm_ctx *ctx, unsigned long number);
/* Cell col of row r, NULL when empty or absent. */
const char *cm__sheet_cell(const cm__sheet *sh, size_t r, size_t col);
/* A diagnostic at a cell: FILE:ROW:COL for CSV, BOOK.xlsx[sheet]!C12 for
 * a workbook. col is 0-based; row r an index into rows. */
int cm__sheet_diag(cm_ctx *ctx, const cm__sheet *sh, cm_diag_level level, size_t r, size_t col,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* The spreadsheet name of a 0-based column: 0 -> "A", 27 -> "AB". */
void cm__column_letters(char *buf, size_t size, size_t col);
/* Detects the decimal comma: set when a cell holds a number like "0,5" and
 * none holds "0.5". */
void cm__sheet_detect_decimal(cm__sheet *sh);
/* A number of the sheet ("1,5" with a decimal comma); 0 or CM_EINVAL. */
int cm__sheet_number(double *out, const cm__sheet *sh, const char *text);

/* A whole file in memory (NUL-terminated), within ctx's max_bytes. */
int cm__import_slurp(char **out, size_t *len, cm_ctx *ctx, const char *path);

/* CSV (RFC 4180, libcsv): UTF-8 with or without BOM, ',' ';' or tab. */
int cm__csv_read(cm__sheet *sh, cm_ctx *ctx, const char *path, const cm__sheet_opts *opts);
int cm__csv_read_buffer(cm__sheet *sh, cm_ctx *ctx, const char *name, const char *buf, size_t len,
                        const cm__sheet_opts *opts);

/* XLSX workbooks (libzip, libxml2 SAX): a worksheet by name. */
typedef struct cm__book cm__book;
int cm__xlsx_open(cm__book **out, cm_ctx *ctx, const char *path);
int cm__xlsx_open_buffer(cm__book **out, cm_ctx *ctx, const char *name, const void *buf,
                         size_t len);
/* 1 when the workbook has a sheet of this name. */
int cm__xlsx_has_sheet(const cm__book *b, const char *name);
int cm__xlsx_read_sheet(cm__sheet *sh, cm_ctx *ctx, cm__book *b, const char *name);
void cm__xlsx_close(cm__book *b);

/* ------------------------------------------------------------ mapping */

typedef struct cm__map_entry {
	const char *section; /* "nodes", "edges", "survey", "questions", "values kind", ... */
	const char *key, *value;
	unsigned long line;
} cm__map_entry;

typedef struct cm__mapping {
	cm__arena arena;
	const char *file;
	cm__map_entry *items;
	size_t count, cap;
} cm__mapping;

int cm__mapping_read(cm__mapping *m, cm_ctx *ctx, const char *path);
int cm__mapping_parse(cm__mapping *m, cm_ctx *ctx, const char *name, const char *text, size_t len);
void cm__mapping_free(cm__mapping *m);
/* The value of key in section (case-insensitive), NULL when absent. */
const char *cm__mapping_get(const cm__mapping *m, const char *section, const char *key);
/* The model field a header names in section: the mapping's renames first,
 * then the header itself when it names a field. NULL when neither. */
const char *cm__mapping_field(const cm__mapping *m, const char *section, const char *header);

/* ------------------------------------------------------------ building */

/* What the columns of a sheet mean: the model field (or the header as
 * written, for an extra attribute) of each, and a key that stores values. */
typedef struct cm__header {
	const char **field; /* per column; NULL for a column without a header */
	int *key;           /* per column: index into keys.items, -1 for none */
	size_t ncols;
	cm__keys keys;
} cm__header;

/* The network being built and what was read, for the summary. */
typedef struct cm__import {
	cm_network *net;
	cm_ctx *ctx;
	const cm__mapping *map;
	int add_missing;
	int have_nodes;       /* a node sheet was read: unknown names are missing */
	cm__strmap labels;    /* label -> node */
	cm__strmap ambiguous; /* labels of more than one node */
	cm__strmap missing;   /* names reported missing (keys in missing_arena) */
	cm__arena missing_arena;
	size_t nodes_read, ties_read, rows_empty, answers_empty, added, missing_uses;
	size_t zero_cells; /* matrix cells without a tie */
} cm__import;

/* The columns of row 0 of sh, read through the mapping's section. */
int cm__header_read(cm__header *h, cm__import *imp, const cm__sheet *sh, const char *section);
void cm__header_free(cm__header *h);
/* The column of a field, or SIZE_MAX. */
size_t cm__header_find(const cm__header *h, const char *field);
/* Stores cell (r, col) on node or edge i through its column's key:
 * recoded, decimal commas read, size bands applied. */
int cm__header_apply(cm__import *imp, const cm__header *h, const cm__sheet *sh, size_t r,
                     size_t col, int for_edges, size_t i);
/* 1 when a cell holds nothing: empty, or NA, N/A, "-" or "?". */
int cm__cell_missing(const char *text);
/* 1 when every cell of row r is missing. */
int cm__row_empty(const cm__sheet *sh, size_t r);

/* Reads a node sheet into imp->net (headers on its first row). */
int cm__import_nodes(cm__import *imp, const cm__sheet *sh);
/* Reads an edge sheet: a tie list (source, target) or survey answers in
 * long form (respondent, question, answer), told apart by the headers. */
int cm__import_edges(cm__import *imp, const cm__sheet *sh);
int cm__import_survey(cm__import *imp, const cm__sheet *sh);
/* An adjacency matrix; rows send to columns unless rows_receive. */
int cm__import_matrix(cm__import *imp, const cm__sheet *sh, const char *relation, int rows_receive);
/* Adds a node with this id (and nothing else); its index to *out. */
int cm__import_add_node(size_t *out, cm__import *imp, const char *id);
/* The node a name in cell (r, col) refers to, by id, then by label: found,
 * added (no node sheet, or add_missing as an outside actor), or reported
 * once with the closest names. 0, CM_ENOTFOUND (reported) or CM_ENOMEM. */
int cm__import_endpoint(size_t *out, cm__import *imp, const cm__sheet *sh, size_t r, size_t col);
/* A new tie (weight 1) in relation; its index to *out. */
int cm__import_tie(size_t *out, cm__import *imp, size_t src, size_t dst, const char *relation,
                   int directed);
/* A value recoded through the mapping's [values FIELD] section. */
const char *cm__import_recode(const cm__import *imp, const char *field, const char *value);
/* Levenshtein distance of two strings by UTF-8 code point, ASCII case
 * folded; past limit it returns limit + 1. */
size_t cm__name_distance(const char *a, const char *b, size_t limit);
#include <stdio.h>

typedef enum { CM__FMT_GRAPHML, CM__FMT_PAJEK, CM__FMT_GEXF, CM__FMT_DL, CM__FMT_GML } cm__format;

/* The format of a file from its first bytes, else from its name. */
cm__format cm__format_detect(const char *head, size_t len, const char *path);

/* Pajek .net/.paj: each *Network (or the whole file) one snapshot. */
int cm__pajek_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp,
                   const cm_read_opts *opts);

/* UCINET DL: fullmatrix, edgelist1 or nodelist1; each matrix a relation. */
int cm__dl_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp, const cm_read_opts *opts);

/* GML: its graph [...] as one snapshot, streamed with a nesting limit. */
int cm__gml_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp,
                 const cm_read_opts *opts);

/* The most actors a file of this many bytes may declare without naming
 * them (Pajek's *Vertices N, DL's N =): memory stays in proportion to the
 * input. */
size_t cm__implied_nodes_max(unsigned long long bytes);

/* GEXF: its one <graph> as one snapshot, streamed through libxml2. */
int cm__gexf_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp,
                  const cm_read_opts *opts);

/* An attribute of another format's node or edge, mapped onto the model as a
 * GraphML key of that name would be (docs/formats.md). */
typedef struct cm__attrs {
	cm__keys keys;
} cm__attrs;

/* Stores text as the value of attribute name on node/edge i (target
 * CM__FOR_NODE or CM__FOR_EDGE). Returns 0 (err may hold a warning),
 * CM_EPARSE (err says why) or CM_ENOMEM. */
int cm__attrs_apply(cm__value_error *err, cm__attrs *a, cm_ctx *ctx, const cm_read_opts *opts,
                    cm_network *net, int target, size_t i, const char *name, const char *text);
void cm__attrs_free(cm__attrs *a);

#endif
