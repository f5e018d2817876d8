/* SPDX-License-Identifier: MIT */
/* The HTML report through the library: the page's frame and sections, a
 * name holding markup kept out of the markup and the data block, a layout
 * only up to interactive_max, a series' changes, and the errors (an empty
 * series, a failed write). */
#include "tap.h"

#include "core/internal.h"

#include <clustermap.h>

static const char one[] =
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
    "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
    "<key id=\"o\" for=\"node\" attr.name=\"ownership\" attr.type=\"string\"/>"
    "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>"
    "<graph id=\"g1\" edgedefault=\"directed\">"
    "<node id=\"a\"><data key=\"l\">A &lt;/script&gt;&lt;!--</data><data "
    "key=\"o\">local</data></node>"
    "<node id=\"b\"><data key=\"o\">local</data></node><node id=\"c\"/>"
    "<edge source=\"a\" target=\"b\"><data key=\"r\">supplier</data></edge>"
    "<edge source=\"b\" target=\"c\"><data key=\"r\">information</data></edge></graph>"
    "<graph id=\"g2\" edgedefault=\"directed\">"
    "<node id=\"a\"><data key=\"l\">A &lt;/script&gt;&lt;!--</data><data "
    "key=\"o\">external</data></node>"
    "<node id=\"b\"><data key=\"o\">local</data></node><node id=\"d\"/>"
    "<edge source=\"a\" target=\"b\"><data key=\"r\">supplier</data></edge>"
    "<edge source=\"d\" target=\"a\"><data key=\"r\">information</data></edge></graph>"
    "</graphml>";

static char *report(cm_ctx *ctx, const cm_series *s, const cm_report_opts *opts, int *rc)
{
	cm__memout m;
	if (!cm__memout_open(&m))
		return NULL;
	*rc = cm_report_write_html(m.fp, ctx, s, opts);
	return cm__memout_close(&m) ? NULL : m.buf;
}

static void series_report(cm_ctx *ctx, cm_series *s)
{
	cm_report_opts opts;
	cm_report_opts_init(&opts, CM_REPORT_OPTS_VERSION);
	opts.compare.permutations = 0;
	int rc = -1;
	char *html = report(ctx, s, &opts, &rc);
	ok(rc == 0 && html, "a two-snapshot report is written (%s)", cm_ctx_errmsg(ctx));
	if (!html)
		return;
	ok(strstr(html, "default-src 'none'") != NULL, "the page forbids every request");
	ok(strstr(html, "id=\"verdict-text\"") != NULL, "the page holds the verdict");
	ok(strstr(html, "<section id=\"changes\">") != NULL, "a series has a changes section");
	ok(strstr(html, "A &lt;/script&gt;&lt;!--: ownership local &rarr; external") != NULL,
	   "the takeover is named, its name escaped");
	ok(strstr(html, "\"A \\u003c/script>\\u003c!--\"") != NULL,
	   "the data block holds the name with '<' escaped");
	ok(strstr(html, "</script><!--") == NULL, "the name never closes a script");
	ok(strstr(html, "\"x\":[") != NULL, "a small network is laid out for the map");
	free(html);
	opts.interactive_max = 2;
	html = report(ctx, s, &opts, &rc);
	ok(rc == 0 && html && strstr(html, "\"x\":null"), "above interactive_max: no layout");
	ok(html && strstr(html, "\"name\":\"kind not given, location not given\",\"kind\":null,"
	                        "\"location\":null,\"members\":3"),
	   "above interactive_max: the actors in groups, a missing kind and location kept apart");
	free(html);
}

/* The one XML/HTML text escape the report and the charts share. */
static void xml_escape(void)
{
	cm__memout m;
	if (!cm__memout_open(&m))
		return;
	cm__fputs_xml(m.fp, "a<b>&\"c'd\xC3\xA9");
	cm__fputs_xml(m.fp, NULL);
	if (cm__memout_close(&m))
		return;
	ok(!strcmp(m.buf, "a&lt;b&gt;&amp;&quot;c&#39;d\xC3\xA9"), "XML text escaped: %s", m.buf);
	free(m.buf);
}

int main(void)
{
	xml_escape();
	cm_ctx *ctx = NULL;
	cm_series *s = NULL, *empty = NULL;
	cm_ctx_new(&ctx);
	if (cm_series_read_buffer(&s, ctx, one, strlen(one), NULL))
		printf("# read failed: %s\n", cm_ctx_errmsg(ctx));
	ok(s && cm_series_count(s) == 2, "the fixture has two snapshots");
	if (s)
		series_report(ctx, s);
	cm_series_new(&empty, ctx);
	int rc = -1;
	free(report(ctx, empty, NULL, &rc));
	ok(rc == CM_EINVAL, "an empty series is refused (%d)", rc);
	FILE *full = fopen("/dev/full", "w");
	if (full && s) {
		setvbuf(full, NULL, _IONBF, 0);
		rc = cm_report_write_html(full, ctx, s, NULL);
		ok(rc == CM_EIO, "a failed write is CM_EIO (%d: %s)", rc, cm_ctx_errmsg(ctx));
		fclose(full);
	} else {
		printf("ok %d - # SKIP no /dev/full\n", ++tap_count);
	}
	cm_series_free(empty);
	cm_series_free(s);
	cm_ctx_free(ctx);
	printf("1..%d\n", tap_count);
	return tap_failed != 0;
}
