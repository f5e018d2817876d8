/* SPDX-License-Identifier: MIT */
/* The blank survey: a workbook (sheets nodes, edges and instructions, with
 * drop-down lists of the allowed values) written with libzip into memory
 * and then to the caller's stream, or the two sheets as CSV. */
#include "import.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

static const char *const node_columns[] = {"id",        "label",    "kind",  "employees",
                                           "ownership", "location", "sector"};
static const char *const edge_columns[] = {"respondent", "question", "answer", "weight", "year"};

static const char *const instructions[] = {
    "How to fill in this survey workbook (clustermap import BOOK.xlsx -o network.graphml)",
    "",
    "Sheet nodes: one row per actor of the cluster, the respondents and everyone they name.",
    "  id: a short unique name (the label may be longer); answers may use either.",
    "  kind: firm, association, cluster_org, training, research, university, government, "
    "finance or other.",
    "  employees: a whole number (size classes follow: micro under 10, small under 50, "
    "medium under 250, large).",
    "  ownership: local or external (owned from outside the region).",
    "  location: inside or outside the region.",
    "  sector: free text.",
    "",
    "Sheet edges: one row per answer: who answered (respondent), to which question, naming "
    "whom (answer).",
    "  question supplier: whom do you buy from? (the tie runs from the seller to the buyer)",
    "  question information: whom do you ask for technical or market advice? (from the "
    "adviser to the respondent)",
    "  question association: which associations or consortia are you a member of? (from "
    "the member to the association)",
    "  weight: optional, how strong the tie is (a number); year: optional, when it was "
    "reported.",
    "",
    "Leave a cell empty when the answer is not known: it is then reported missing, not "
    "read as a value.",
    "Names that are not in the nodes sheet are listed with the closest names there.",
};

/* Text as XML character data. */
static void xml_text(FILE *fp, const char *s)
{
	for (; *s; s++)
		if (*s == '&')
			fputs("&amp;", fp);
		else if (*s == '<')
			fputs("&lt;", fp);
		else if (*s == '>')
			fputs("&gt;", fp);
		else if (*s == '"')
			fputs("&quot;", fp);
		else
			fputc(*s, fp);
}

static void cell(FILE *fp, size_t col, unsigned long row, const char *text)
{
	char ref[24];
	cm__column_letters(ref, sizeof(ref), col);
	fprintf(fp, "<c r=\"%s%lu\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", ref, row);
	xml_text(fp, text);
	fputs("</t></is></c>", fp);
}

static void validation(FILE *fp, const char *range, const char *list)
{
	fprintf(fp,
	        "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" "
	        "sqref=\"%s\"><formula1>\"%s\"</formula1></dataValidation>",
	        range, list);
}

static const char sheet_head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    "<sheetData>";

/* A sheet of one header row (or of lines of text, one per row). */
static void sheet(FILE *fp, const char *const *text, size_t n, int rows)
{
	fputs(sheet_head, fp);
	if (!rows)
		fputs("<row r=\"1\">", fp);
	for (size_t k = 0; k < n; k++) {
		if (rows)
			fprintf(fp, "<row r=\"%zu\">", k + 1);
		if (text[k][0])
			cell(fp, rows ? 0 : k, rows ? (unsigned long)k + 1 : 1, text[k]);
		if (rows)
			fputs("</row>", fp);
	}
	fputs(rows ? "</sheetData>" : "</row></sheetData>", fp);
}

static void nodes_sheet(FILE *fp)
{
	sheet(fp, node_columns, CM__ARRAY_LEN(node_columns), 0);
	fputs("<dataValidations count=\"3\">", fp);
	validation(fp, "C2:C10000",
	           "firm,association,cluster_org,training,research,university,government,finance,"
	           "other");
	validation(fp, "E2:E10000", "local,external");
	validation(fp, "F2:F10000", "inside,outside");
	fputs("</dataValidations></worksheet>", fp);
}

static void edges_sheet(FILE *fp)
{
	sheet(fp, edge_columns, CM__ARRAY_LEN(edge_columns), 0);
	fputs("<dataValidations count=\"1\">", fp);
	validation(fp, "B2:B100000", "supplier,information,association");
	fputs("</dataValidations></worksheet>", fp);
}

static void instructions_sheet(FILE *fp)
{
	sheet(fp, instructions, CM__ARRAY_LEN(instructions), 1);
	fputs("</worksheet>", fp);
}

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet2.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet3.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "</Types>";

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"xl/workbook.xml\"/></Relationships>";

static const char workbook[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"nodes\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"edges\" sheetId=\"2\" r:id=\"rId2\"/>"
    "<sheet name=\"instructions\" sheetId=\"3\" r:id=\"rId3\"/></sheets></workbook>";

static const char workbook_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet3.xml\"/></Relationships>";

typedef struct part {
	const char *name;
	const char *fixed; /* text, or NULL when write makes it */
	void (*write)(FILE *fp);
	cm__memout out;
} part;

static int make_parts(part *p, size_t n, cm_ctx *ctx)
{
	for (size_t k = 0; k < n; k++) {
		if (p[k].fixed)
			continue;
		FILE *fp = cm__memout_open(&p[k].out);
		if (!fp)
			return cm__oom(ctx);
		p[k].write(fp);
		if (cm__memout_close(&p[k].out))
			return cm__oom(ctx);
	}
	return 0;
}

static int add_parts(zip_t *za, part *p, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		const char *data = p[k].fixed ? p[k].fixed : p[k].out.buf;
		size_t len = p[k].fixed ? strlen(p[k].fixed) : p[k].out.len;
		zip_source_t *s = zip_source_buffer(za, data, len, 0);
		zip_int64_t at = s ? zip_file_add(za, p[k].name, s, ZIP_FL_ENC_UTF_8) : -1;
		if (at < 0) {
			zip_source_free(s);
			return -1;
		}
		/* A fixed time, so that the same template is the same bytes. */
		if (zip_file_set_mtime(za, (zip_uint64_t)at, (time_t)946684800, 0))
			return -1;
	}
	return 0;
}

/* The archive's bytes, from the buffer source libzip wrote it into. */
static int copy_out(FILE *fp, zip_source_t *src)
{
	char buf[65536];
	zip_int64_t n;
	if (zip_source_open(src) < 0)
		return -1;
	while ((n = zip_source_read(src, buf, sizeof(buf))) > 0)
		if (fwrite(buf, 1, (size_t)n, fp) != (size_t)n)
			break;
	zip_source_close(src);
	return n == 0 ? 0 : -1;
}

static int zip_parts(FILE *fp, cm_ctx *ctx, part *p, size_t n)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	int rc = za ? 0 : -1;
	if (za) {
		zip_source_keep(src);
		rc = add_parts(za, p, n);
		if (rc == 0)
			rc = zip_close(za);
		else
			zip_discard(za);
	}
	if (rc == 0)
		rc = copy_out(fp, src);
	zip_source_free(src);
	zip_error_fini(&ze);
	if (rc == 0 && !ferror(fp))
		return 0;
	return cm__error(ctx, CM_EIO, "error: cannot write the workbook");
}

int cm_import_template_xlsx(FILE *fp, cm_ctx *ctx)
{
	part p[] = {{"[Content_Types].xml", content_types, NULL, {0}},
	            {"_rels/.rels", root_rels, NULL, {0}},
	            {"xl/workbook.xml", workbook, NULL, {0}},
	            {"xl/_rels/workbook.xml.rels", workbook_rels, NULL, {0}},
	            {"xl/worksheets/sheet1.xml", NULL, nodes_sheet, {0}},
	            {"xl/worksheets/sheet2.xml", NULL, edges_sheet, {0}},
	            {"xl/worksheets/sheet3.xml", NULL, instructions_sheet, {0}}};
	size_t n = CM__ARRAY_LEN(p);
	int rc = make_parts(p, n, ctx);
	if (rc == 0)
		rc = zip_parts(fp, ctx, p, n);
	for (size_t k = 0; k < n; k++)
		free(p[k].out.buf);
	return rc;
}

int cm_import_template_csv(FILE *fp, cm_ctx *ctx, const char *which)
{
	int nodes = !strcmp(which, "nodes");
	if (!nodes && strcmp(which, "edges"))
		return cm__error(ctx, CM_EINVAL,
		                 "error: the template's sheets are nodes and edges");
	const char *const *cols = nodes ? node_columns : edge_columns;
	size_t n = nodes ? CM__ARRAY_LEN(node_columns) : CM__ARRAY_LEN(edge_columns);
	for (size_t k = 0; k < n; k++)
		fprintf(fp, "%s%s", k ? "," : "", cols[k]);
	fputs("\r\n", fp);
	return ferror(fp) ? cm__error(ctx, CM_EIO, "error: cannot write the template") : 0;
}

static int xlsx_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	(void)arg;
	return cm_import_template_xlsx(fp, ctx);
}

static int csv_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	return cm_import_template_csv(fp, ctx, arg);
}

int cm_import_template_xlsx_buf(cm_buf *out, cm_ctx *ctx)
{
	return cm__buf_write(out, ctx, xlsx_thunk, NULL);
}

int cm_import_template_csv_buf(cm_buf *out, cm_ctx *ctx, const char *which)
{
	return cm__buf_write(out, ctx, csv_thunk, which);
}
