/* SPDX-License-Identifier: MIT */
/* XLSX workbooks: the ZIP container through libzip, each XML part streamed
 * through libxml2's SAX2 push parser, never a whole part in memory. The
 * ZIP directory's sizes are checked against the limits before a part is
 * inflated, and the bytes counted while it is, so that a ZIP bomb stops
 * with an error instead of filling memory. */
#include "graphml/xmlscan.h"
#include "import.h"
#include "sax.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>

/* A part over 4 MiB that inflates more than 500-fold is no spreadsheet:
 * real sheets compress tens of times, a bomb about a thousand. */
enum { CHUNK = 65536, MAX_RATIO = 500, RATIO_FROM = 1 << 22 };

typedef struct book_sheet {
	const char *name, *rid, *part;
} book_sheet;

struct cm__book {
	zip_t *zip;
	cm__arena arena;
	const char *file;
	book_sheet *sheets;
	size_t nsheets, scap;
	const char **strings; /* shared strings */
	size_t nstrings, stcap;
	unsigned char *date_xf; /* per cell style: 1 when it shows a date */
	size_t nxf, xfcap;
	int *custom_date; /* custom number formats that show dates: their ids */
	size_t ncustom, ccap;
	unsigned long long inflated; /* bytes of every part read so far */
};

/* ------------------------------------------------------------ parts */

typedef enum { P_WORKBOOK, P_RELS, P_STRINGS, P_STYLES, P_SHEET } part_kind;

typedef struct job {
	cm__book *b;
	cm_ctx *ctx;
	part_kind kind;
	const char *part;
	int stop; /* CM_E* code once the parse must end */
	char *text;
	size_t tlen, tcap;
	int in_text;
	/* sheets */
	cm__sheet *sh;
	const char *sheet;
	unsigned long row;
	size_t col;
	int in_row, in_cell, have_v, have_f, in_xfs;
	char type[12];
	long style;
	xmlParserCtxtPtr xml;
	cm__xmlscan scan; /* the part's bytes before libxml2 sees them */
} job;

static void stop(job *j, int code)
{
	if (!j->stop)
		j->stop = code;
	if (j->xml)
		xmlStopParser(j->xml);
}

static void book_error(job *j, int code, const char *fmt, const char *arg)
{
	if (cm__diag(j->ctx, CM_DIAG_ERROR, j->b->file, 0, 0, fmt, j->part, arg))
		code = CM_ENOMEM;
	stop(j, code);
}

/* The value of attribute local (any prefix unless want_prefix) into buf. */
static const char *attr(char *buf, size_t size, int n, const xmlChar **a, const char *local,
                        int want_prefix)
{
	for (int i = 0; i < n; i++, a += 5)
		if (!strcmp((const char *)a[0], local) && (!want_prefix || a[1])) {
			size_t len = (size_t)(a[4] - a[3]);
			if (len >= size)
				len = size - 1;
			memcpy(buf, a[3], len);
			buf[len] = '\0';
			return buf;
		}
	return NULL;
}

static const char *keep(job *j, const char *s)
{
	const char *copy = cm__arena_strndup(&j->b->arena, s, strlen(s));
	if (!copy)
		stop(j, CM_ENOMEM);
	return copy;
}

static void text_start(job *j)
{
	j->in_text = 1;
}

static void on_chars(void *user, const xmlChar *ch, int len)
{
	job *j = user;
	size_t max = j->ctx->limits.max_value_length;
	if (!j->in_text || j->stop)
		return;
	if (max && j->tlen + (size_t)len > max) {
		book_error(j, CM_ELIMIT, "%s: a cell's text is longer than --max-value-length%s",
		           "");
		return;
	}
	if (cm__grow((void **)&j->text, &j->tcap, j->tlen + (size_t)len + 1, 1)) {
		stop(j, CM_ENOMEM);
		return;
	}
	memcpy(j->text + j->tlen, ch, (size_t)len);
	j->tlen += (size_t)len;
	j->text[j->tlen] = '\0';
}

/* ------------------------------------------------------------ workbook */

static void workbook_start(job *j, const char *name, int n, const xmlChar **a)
{
	char sname[256], rid[256];
	if (strcmp(name, "sheet") || !attr(sname, sizeof(sname), n, a, "name", 0) ||
	    !attr(rid, sizeof(rid), n, a, "id", 1))
		return;
	cm__book *b = j->b;
	if (cm__grow((void **)&b->sheets, &b->scap, b->nsheets + 1, sizeof(*b->sheets))) {
		stop(j, CM_ENOMEM);
		return;
	}
	book_sheet s = {keep(j, sname), keep(j, rid), NULL};
	b->sheets[b->nsheets++] = s;
}

/* "worksheets/sheet1.xml" relative to xl/, or "/xl/worksheets/..." */
static void rels_start(job *j, const char *name, int n, const xmlChar **a)
{
	char id[256], target[512], path[600];
	if (strcmp(name, "Relationship") || !attr(id, sizeof(id), n, a, "Id", 0) ||
	    !attr(target, sizeof(target), n, a, "Target", 0))
		return;
	if (target[0] == '/')
		snprintf(path, sizeof(path), "%s", target + 1);
	else
		snprintf(path, sizeof(path), "xl/%s", target);
	for (size_t s = 0; s < j->b->nsheets; s++)
		if (!strcmp(j->b->sheets[s].rid, id))
			j->b->sheets[s].part = keep(j, path);
}

/* ------------------------------------------------------------ shared strings */

static void strings_start(job *j, const char *name)
{
	if (!strcmp(name, "si")) {
		j->tlen = 0;
		if (j->text)
			j->text[0] = '\0';
	} else if (!strcmp(name, "t")) {
		text_start(j);
	} else if (!strcmp(name, "rPh")) {
		j->in_cell = 1; /* phonetic runs: not part of the text */
	}
}

static void strings_end(job *j, const char *name)
{
	if (!strcmp(name, "t")) {
		j->in_text = 0;
	} else if (!strcmp(name, "rPh")) {
		j->in_cell = 0;
	} else if (!strcmp(name, "si")) {
		cm__book *b = j->b;
		const char *s = cm__arena_strndup(&b->arena, j->text ? j->text : "", j->tlen);
		if (!s || cm__grow((void **)&b->strings, &b->stcap, b->nstrings + 1,
		                   sizeof(*b->strings))) {
			stop(j, CM_ENOMEM);
			return;
		}
		b->strings[b->nstrings++] = s;
	}
}

/* ------------------------------------------------------------ styles */

/* Number formats that show dates or times: the built-in ones (ECMA-376
 * 18.8.30) and custom codes with d, m, y, h or s outside quotes and
 * brackets ("[Red]0.00" and "0\" m\"" are not dates). */
static int builtin_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 45 && id <= 47) || (id >= 27 && id <= 36) ||
	       (id >= 50 && id <= 58);
}

static int code_is_date(const char *code)
{
	int quoted = 0, bracket = 0;
	for (const char *p = code; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			continue;
		}
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == '[')
			bracket = 1;
		else if (!quoted && *p == ']')
			bracket = 0;
		else if (!quoted && !bracket && strchr("dmyhsDMYHS", *p))
			return 1;
	}
	return 0;
}

static void styles_start(job *j, const char *name, int n, const xmlChar **a)
{
	char id[32], code[256];
	cm__book *b = j->b;
	if (!strcmp(name, "numFmt") && attr(id, sizeof(id), n, a, "numFmtId", 0) &&
	    attr(code, sizeof(code), n, a, "formatCode", 0) && code_is_date(code)) {
		if (cm__grow((void **)&b->custom_date, &b->ccap, b->ncustom + 1, sizeof(int)))
			return stop(j, CM_ENOMEM);
		b->custom_date[b->ncustom++] = atoi(id);
	} else if (!strcmp(name, "cellXfs")) {
		j->in_xfs = 1;
	} else if (!strcmp(name, "xf") && j->in_xfs) {
		long fmt = attr(id, sizeof(id), n, a, "numFmtId", 0) ? atol(id) : 0;
		int date = builtin_date(fmt);
		for (size_t k = 0; k < b->ncustom && !date; k++)
			date = b->custom_date[k] == fmt;
		if (cm__grow((void **)&b->date_xf, &b->xfcap, b->nxf + 1, 1))
			return stop(j, CM_ENOMEM);
		b->date_xf[b->nxf++] = (unsigned char)date;
	}
}

/* ------------------------------------------------------------ sheets */

/* "C12" -> column 2; -1 when it is not a cell reference. */
static long ref_column(const char *ref)
{
	long col = 0;
	int letters = 0;
	for (; *ref >= 'A' && *ref <= 'Z' && letters < 4; ref++, letters++)
		col = col * 26 + (*ref - 'A' + 1);
	return letters && *ref >= '0' && *ref <= '9' ? col - 1 : -1;
}

static void cell_error(job *j, const char *fmt, const char *arg)
{
	char where[512], letters[16], msg[600];
	cm__column_letters(letters, sizeof(letters), j->col);
	snprintf(where, sizeof(where), "%.400s[%.60s]!%s%lu", j->b->file, j->sheet, letters,
	         j->row);
	snprintf(msg, sizeof(msg), fmt, arg);
	if (cm__diag(j->ctx, CM_DIAG_ERROR, where, 0, 0, "%s", msg))
		stop(j, CM_ENOMEM);
}

static void sheet_start(job *j, const char *name, int n, const xmlChar **a)
{
	char buf[64];
	if (!strcmp(name, "row")) {
		j->in_row = 1;
		j->row = attr(buf, sizeof(buf), n, a, "r", 0) ? strtoul(buf, NULL, 10) : j->row + 1;
		j->col = 0;
	} else if (!strcmp(name, "c") && j->in_row) {
		long col = attr(buf, sizeof(buf), n, a, "r", 0) ? ref_column(buf) : -1;
		j->col = col >= 0 ? (size_t)col : j->col;
		j->in_cell = 1;
		j->have_v = j->have_f = 0;
		j->tlen = 0;
		if (!attr(j->type, sizeof(j->type), n, a, "t", 0))
			strcpy(j->type, "n");
		j->style = attr(buf, sizeof(buf), n, a, "s", 0) ? atol(buf) : 0;
	} else if (j->in_cell && (!strcmp(name, "v") || !strcmp(name, "t"))) {
		j->have_v = 1;
		text_start(j);
	} else if (j->in_cell && !strcmp(name, "f")) {
		j->have_f = 1;
	}
}

/* The text of a finished cell, or NULL after an error (reported). */
static const char *cell_text(job *j)
{
	const char *v = j->text && j->have_v ? j->text : "";
	const char *t = j->type;
	if (!j->have_v)
		return j->have_f
		           ? (cell_error(j,
		                         "%sthe cell holds a formula without a saved value; "
		                         "open the workbook in a spreadsheet program and save it",
		                         ""),
		              NULL)
		           : "";
	if (!strcmp(t, "s")) {
		char *end;
		unsigned long k = strtoul(v, &end, 10);
		if (*end || end == v || k >= j->b->nstrings)
			return cell_error(
			           j, "shared string '%s' does not exist; the workbook is damaged",
			           v),
			       NULL;
		return j->b->strings[k];
	}
	if (!strcmp(t, "b"))
		return strcmp(v, "0") ? "true" : "false";
	if (!strcmp(t, "e"))
		return cell_error(j, "the cell holds the spreadsheet error '%s'", v), NULL;
	if (!strcmp(t, "d") || (!strcmp(t, "n") && j->style >= 0 && (size_t)j->style < j->b->nxf &&
	                        j->b->date_xf[j->style]))
		return cell_error(j,
		                  "the cell holds a date (%s as stored); write years as plain "
		                  "numbers such as 2015, and names as text",
		                  v),
		       NULL;
	return v;
}

static void sheet_end(job *j, const char *name)
{
	if (!strcmp(name, "v") || !strcmp(name, "t")) {
		j->in_text = 0;
	} else if (!strcmp(name, "c") && j->in_cell) {
		j->in_cell = j->in_text = 0;
		const char *text = cell_text(j);
		int rc = text && *text
		             ? cm__sheet_add_cell(j->sh, j->ctx, j->col, text, strlen(text))
		             : 0;
		if (rc)
			stop(j, rc);
		j->col++;
	} else if (!strcmp(name, "row") && j->in_row) {
		j->in_row = 0;
		if (cm__sheet_end_row(j->sh, j->ctx, j->row))
			stop(j, CM_ENOMEM);
	}
}

/* ------------------------------------------------------------ SAX */

static void on_start(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                     int nns, const xmlChar **ns, int nattrs, int ndef, const xmlChar **attrs)
{
	(void)prefix, (void)uri, (void)nns, (void)ns, (void)ndef;
	job *j = user;
	const char *name = (const char *)local;
	if (j->stop)
		return;
	switch (j->kind) {
	case P_WORKBOOK: workbook_start(j, name, nattrs, attrs); break;
	case P_RELS: rels_start(j, name, nattrs, attrs); break;
	case P_STRINGS:
		if (!j->in_cell || strcmp(name, "t"))
			strings_start(j, name);
		break;
	case P_STYLES: styles_start(j, name, nattrs, attrs); break;
	case P_SHEET: sheet_start(j, name, nattrs, attrs); break;
	}
}

static void on_end(void *user, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	(void)prefix, (void)uri;
	job *j = user;
	const char *name = (const char *)local;
	if (j->stop)
		return;
	if (j->kind == P_STRINGS)
		strings_end(j, name);
	else if (j->kind == P_SHEET)
		sheet_end(j, name);
	else if (j->kind == P_STYLES && !strcmp(name, "cellXfs"))
		j->in_xfs = 0;
}

static void on_error(void *user, xmlErrorPtr err)
{
	job *j = user;
	if (!err || err->level < XML_ERR_ERROR || j->stop)
		return;
	char msg[256];
	snprintf(msg, sizeof(msg), "%s", err->message ? err->message : "malformed XML");
	msg[strcspn(msg, "\n")] = '\0';
	book_error(j, err->code == XML_ERR_NO_MEMORY ? CM_ENOMEM : CM_EPARSE,
	           "part %s is not well-formed XML (%s); the workbook is damaged", msg);
}

static xmlEntityPtr on_entity(void *user, const xmlChar *name)
{
	(void)user;
	return xmlGetPredefinedEntity(name); /* nothing else is ever expanded */
}

static void on_doctype(void *user, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	(void)name, (void)ext, (void)sys;
	book_error(user, CM_EPARSE, "part %s declares a DTD%s, which no workbook does", "");
}

static void quiet(void *user, const char *msg, ...)
{
	(void)user, (void)msg;
}

/* ------------------------------------------------------------ inflating */

static int part_index(zip_int64_t *out, cm__book *b, const char *part)
{
	*out = zip_name_locate(b->zip, part, 0);
	return *out < 0 ? CM_ENOTFOUND : 0;
}

/* The directory's sizes against the limits, before inflating. */
static int check_sizes(job *j, const zip_stat_t *st)
{
	unsigned long long max = j->ctx->limits.max_bytes;
	char what[160];
	if (!(st->valid & ZIP_STAT_SIZE) || !(st->valid & ZIP_STAT_COMP_SIZE))
		return 0;
	if (max && (st->size > max || j->b->inflated + st->size > max)) {
		snprintf(what, sizeof(what), "%llu bytes, more than --max-bytes (%llu)",
		         (unsigned long long)st->size, max);
	} else if (st->size > RATIO_FROM && st->size / (st->comp_size + 1) > MAX_RATIO) {
		snprintf(what, sizeof(what), "%llu bytes from %llu, past %d times its size",
		         (unsigned long long)st->size, (unsigned long long)st->comp_size,
		         MAX_RATIO);
		book_error(j, CM_ELIMIT, "part %s would inflate to %s: a ZIP bomb, not a workbook",
		           what);
		return CM_ELIMIT;
	} else {
		return 0;
	}
	book_error(j, CM_ELIMIT, "part %s would inflate to %s: a ZIP bomb, or raise --max-bytes",
	           what);
	return CM_ELIMIT;
}

static int feed(job *j, const char *buf, size_t len, int last)
{
	static const cm__sax_events ev = {.start = on_start,
	                                  .end = on_end,
	                                  .text = on_chars,
	                                  .doctype = on_doctype,
	                                  .get_entity = on_entity,
	                                  .error = on_error};
	if (!j->xml) {
		if (!(j->xml = cm__sax_push_new(&ev, j)))
			return CM_ENOMEM;
		cm__xmlscan_init(&j->scan, j->ctx->limits.max_attributes);
	}
	/* The attribute scan (graphml/xmlscan.h) stops the part before libxml2
	 * parses a start tag with too many attributes, or an encoding that
	 * could hide one from the scan. */
	int rc = cm__xmlscan_parse(&j->scan, j->xml, buf, len, last);
	if (rc == CM__XMLSCAN_MALFORMED && !j->stop)
		book_error(j, CM_EPARSE,
		           "part %s is not well-formed XML%s; the workbook is damaged", "");
	else if (rc && !j->stop)
		stop(j, cm__xmlscan_diag(&j->scan, j->ctx, j->b->file, j->part, NULL));
	return j->stop;
}

static int inflate_part(job *j, zip_file_t *zf, const zip_stat_t *st, char *buf)
{
	unsigned long long max = j->ctx->limits.max_bytes, got = 0;
	zip_int64_t n;
	while (!j->stop && (n = zip_fread(zf, buf, CHUNK)) > 0) {
		got += (unsigned long long)n;
		j->b->inflated += (unsigned long long)n;
		if ((max && j->b->inflated > max) ||
		    ((st->valid & ZIP_STAT_SIZE) && got > st->size)) {
			book_error(j, CM_ELIMIT,
			           "part %s inflates past %s: a ZIP bomb, or raise --max-bytes",
			           got > st->size ? "the size its directory gives" : "--max-bytes");
			break;
		}
		feed(j, buf, (size_t)n, 0);
	}
	if (!j->stop && n < 0)
		book_error(j, CM_EPARSE, "part %s cannot be inflated (%s); the workbook is damaged",
		           zip_strerror(j->b->zip));
	if (!j->stop)
		feed(j, "", 0, 1);
	return j->stop;
}

static int read_part(job *j)
{
	zip_int64_t at;
	zip_stat_t st;
	if (part_index(&at, j->b, j->part) || zip_stat_index(j->b->zip, (zip_uint64_t)at, 0, &st))
		return CM_ENOTFOUND;
	if (check_sizes(j, &st))
		return j->stop;
	xmlGenericErrorFunc saved = xmlGenericError;
	void *saved_ctx = xmlGenericErrorContext;
	xmlSetGenericErrorFunc(NULL, quiet);
	zip_file_t *zf = zip_fopen_index(j->b->zip, (zip_uint64_t)at, 0);
	char *buf = cm__malloc(CHUNK);
	if (!zf || !buf)
		book_error(j, buf ? CM_EPARSE : CM_ENOMEM, "part %s cannot be opened (%s)",
		           zip_strerror(j->b->zip));
	else
		inflate_part(j, zf, &st, buf);
	cm__free(buf);
	if (zf)
		zip_fclose(zf);
	if (j->xml) {
		xmlFreeDoc(j->xml->myDoc);
		xmlFreeParserCtxt(j->xml);
	}
	xmlSetGenericErrorFunc(saved_ctx, saved);
	cm__free(j->text);
	return j->stop == CM_ENOMEM ? cm__oom(j->ctx) : j->stop;
}

static int run_part(cm__book *b, cm_ctx *ctx, part_kind kind, const char *part, cm__sheet *sh,
                    const char *sheet)
{
	job j = {.b = b, .ctx = ctx, .kind = kind, .part = part, .sh = sh, .sheet = sheet};
	return read_part(&j);
}

/* ------------------------------------------------------------ the book */

static int open_error(cm_ctx *ctx, const char *file, int zerr)
{
	const char *why = zerr == ZIP_ER_NOZIP ? "not an XLSX workbook: it is not a ZIP archive "
	                                         "(for CSV sheets use --nodes and --edges)"
	                  : zerr == ZIP_ER_NOENT || zerr == ZIP_ER_OPEN ? "cannot open it"
	                  : zerr == ZIP_ER_MEMORY                       ? NULL
	                                          : "not a readable ZIP archive";
	if (!why)
		return cm__oom(ctx);
	if (cm__diag(ctx, CM_DIAG_ERROR, file, 0, 0, "%s", why))
		return CM_ENOMEM;
	return zerr == ZIP_ER_NOENT || zerr == ZIP_ER_OPEN ? CM_EIO : CM_EPARSE;
}

static int load_book(cm__book *b, cm_ctx *ctx)
{
	zip_int64_t at;
	int rc;
	if (part_index(&at, b, "xl/workbook.xml"))
		return cm__diag(
		           ctx, CM_DIAG_ERROR, b->file, 0, 0,
		           "a ZIP archive but not an XLSX workbook (it has no xl/workbook.xml)")
		           ? CM_ENOMEM
		           : CM_EPARSE;
	if ((rc = run_part(b, ctx, P_WORKBOOK, "xl/workbook.xml", NULL, NULL)) ||
	    (rc = run_part(b, ctx, P_RELS, "xl/_rels/workbook.xml.rels", NULL, NULL)) ==
	        CM_EPARSE ||
	    rc == CM_ENOMEM || rc == CM_ELIMIT)
		return rc;
	rc = run_part(b, ctx, P_STRINGS, "xl/sharedStrings.xml", NULL, NULL);
	if (rc && rc != CM_ENOTFOUND)
		return rc;
	rc = run_part(b, ctx, P_STYLES, "xl/styles.xml", NULL, NULL);
	return rc == CM_ENOTFOUND ? 0 : rc;
}

static int book_new(cm__book **out, cm_ctx *ctx, const char *file)
{
	*out = cm__calloc(1, sizeof(**out));
	if (!*out || !((*out)->file = cm__arena_strndup(&(*out)->arena, file, strlen(file)))) {
		cm__xlsx_close(*out);
		*out = NULL;
		return cm__oom(ctx);
	}
	return 0;
}

static int book_finish(cm__book **out, cm_ctx *ctx)
{
	int rc = load_book(*out, ctx);
	if (rc) {
		cm__xlsx_close(*out);
		*out = NULL;
	}
	return rc;
}

int cm__xlsx_open(cm__book **out, cm_ctx *ctx, const char *path)
{
	int zerr = 0;
	if (book_new(out, ctx, path))
		return CM_ENOMEM;
	if (!((*out)->zip = zip_open(path, ZIP_RDONLY, &zerr))) {
		cm__xlsx_close(*out);
		*out = NULL;
		return open_error(ctx, path, zerr);
	}
	return book_finish(out, ctx);
}

int cm__xlsx_open_buffer(cm__book **out, cm_ctx *ctx, const char *name, const void *buf, size_t len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	if (book_new(out, ctx, name))
		return CM_ENOMEM;
	zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
	if (src && !((*out)->zip = zip_open_from_source(src, ZIP_RDONLY, &ze)))
		zip_source_free(src);
	int zerr = zip_error_code_zip(&ze);
	zip_error_fini(&ze);
	if (!(*out)->zip) {
		cm__xlsx_close(*out);
		*out = NULL;
		return open_error(ctx, name, zerr);
	}
	return book_finish(out, ctx);
}

static const book_sheet *find_sheet(const cm__book *b, const char *name)
{
	for (size_t s = 0; b && s < b->nsheets; s++)
		if (!strcasecmp(b->sheets[s].name, name))
			return &b->sheets[s];
	return NULL;
}

int cm__xlsx_has_sheet(const cm__book *b, const char *name)
{
	return find_sheet(b, name) != NULL;
}

static int no_sheet(cm_ctx *ctx, const cm__book *b, const char *name)
{
	char list[512] = "";
	for (size_t s = 0; s < b->nsheets && strlen(list) < 400; s++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s'%.60s'",
		         s ? ", " : "", b->sheets[s].name);
	return cm__diag(ctx, CM_DIAG_ERROR, b->file, 0, 0,
	                "the workbook has no sheet '%s'; its sheets are %s (choose with "
	                "--nodes-sheet, --edges-sheet or --matrix-sheet)",
	                name, list[0] ? list : "none")
	           ? CM_ENOMEM
	           : CM_EPARSE;
}

int cm__xlsx_read_sheet(cm__sheet *sh, cm_ctx *ctx, cm__book *b, const char *name)
{
	const book_sheet *s = find_sheet(b, name);
	if (!s)
		return no_sheet(ctx, b, name);
	sh->file = cm__arena_strndup(&sh->arena, b->file, strlen(b->file));
	sh->name = cm__arena_strndup(&sh->arena, s->name, strlen(s->name));
	if (!sh->file || !sh->name)
		return cm__oom(ctx);
	size_t before = cm__diag_errors(ctx);
	int rc = s->part ? run_part(b, ctx, P_SHEET, s->part, sh, sh->name) : CM_ENOTFOUND;
	if (rc == CM_ENOTFOUND)
		return cm__diag(ctx, CM_DIAG_ERROR, b->file, 0, 0,
		                "sheet '%s' has no worksheet part; the workbook is damaged",
		                s->name)
		           ? CM_ENOMEM
		           : CM_EPARSE;
	return rc ? rc : cm__diag_errors(ctx) > before ? CM_EPARSE : 0;
}

void cm__xlsx_close(cm__book *b)
{
	if (!b)
		return;
	if (b->zip)
		zip_discard(b->zip);
	cm__free(b->sheets);
	cm__free(b->strings);
	cm__free(b->date_xf);
	cm__free(b->custom_date);
	cm__arena_free(&b->arena);
	cm__free(b);
}
