/* SPDX-License-Identifier: MIT */
/* The metrics report: the core/periphery search as reported (starts run and
 * asked for, exhaustive or local), the text form of a long core list, and
 * the snapshot named by CM_METRICS_SNAPSHOT. Large layers are too slow to
 * build here, so the search result of a measured network is set by hand. */
#define _GNU_SOURCE
#include "tap.h"

#include "metrics/metrics.h"

#include <clustermap.h>
#include <jansson.h>

/* The report of m in format with flags, in a string the caller frees. */
static char *report(cm_ctx *ctx, const cm_metrics *m, cm_format format, int flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	if (!fp)
		return NULL;
	int rc = cm_metrics_write(fp, ctx, m, format, flags);
	fclose(fp);
	if (rc) {
		printf("# write failed: %s\n", cm_ctx_errmsg(ctx));
		free(buf);
		return NULL;
	}
	return buf;
}

static int has(const char *text, const char *part)
{
	return text && strstr(text, part) != NULL;
}

/* The "all" layer's core/periphery result (the one the default run fills). */
static cm__mlayer_cp *all_cp(cm_metrics *m)
{
	cm__mlayer *l = &m->layers[m->nlayers - 1];
	return l->cp.present ? &l->cp : NULL;
}

static void test_starts(cm_ctx *ctx, cm_metrics *m)
{
	cm__mlayer_cp *cp = all_cp(m);
	char *text = report(ctx, m, CM_FORMAT_TEXT, 0), *json;
	ok(cp && cp->exact && cp->starts == 0 && cp->starts_asked == 0,
	   "16 actors: exhaustive search, no starts");
	ok(text && !has(text, "search:"), "exhaustive: no search line in text");
	free(text);
	/* As a layer over the work budget leaves it: 12 of the 64 starts. */
	cp->exact = 0, cp->starts = 12, cp->starts_asked = 64;
	text = report(ctx, m, CM_FORMAT_TEXT, 0);
	json = report(ctx, m, CM_FORMAT_JSON, 0);
	ok(has(text, "\n  search: local, best of 12 starts (of 64; fewer on a large layer, see "
	             "docs/metrics.md)\n"),
	   "fewer starts: text says how many of how many");
	ok(has(json, "\"search\": \"heuristic\",\n") && has(json, "\"starts\": 12,\n"),
	   "fewer starts: JSON search and starts");
	free(text);
	free(json);
	cp->starts = 64;
	text = report(ctx, m, CM_FORMAT_TEXT, 0);
	ok(has(text, "\n  search: local, best of 64 starts\n"), "all starts: no budget note");
	free(text);
}

/* A core of size actors (node indices repeated as needed). */
static int set_core(cm_ctx *ctx, cm_metrics *m, size_t size)
{
	cm__mlayer_cp *cp = all_cp(m);
	size_t *core = cm__malloc(size * sizeof(*core));
	if (!cp || !core)
		return cm__free(core), cm__oom(ctx);
	for (size_t i = 0; i < size; i++)
		core[i] = i % m->net->n;
	cm__free(cp->core);
	cp->core = core;
	cp->core_size = size;
	return 0;
}

static void test_core_list(cm_ctx *ctx, cm_metrics *m)
{
	const char *twenty = "core of 20: Acciaiuoli Albizzi Barbadori Bischeri Castellani Ginori "
	                     "Guadagni Lamberteschi Medici Pazzi Peruzzi Pucci Ridolfi Salviati "
	                     "Strozzi Tornabuoni Acciaiuoli Albizzi Barbadori Bischeri";
	char *text = NULL, *json = NULL;
	if (!set_core(ctx, m, 20))
		text = report(ctx, m, CM_FORMAT_TEXT, 0);
	ok(has(text, twenty) && has(text, "Bischeri\n  densities"), "a core of 20: all in text");
	free(text);
	text = NULL;
	if (!set_core(ctx, m, 1216)) {
		text = report(ctx, m, CM_FORMAT_TEXT, 0);
		json = report(ctx, m, CM_FORMAT_JSON, 0);
	}
	ok(has(text, "core of 1216: Acciaiuoli ") &&
	       has(text, " Bischeri ... and 1196 more (all in --format json)\n"),
	   "a core of 1216: the first 20 in text, then how many more");
	ok(has(json, "\"core_size\": 1216,"), "JSON: the core size");
	size_t ids = 0; /* commas between the ids, and one more */
	for (const char *p = json ? strstr(json, "\"core\": [") : NULL; p && *p != ']'; p++)
		ids += *p == ',' || *p == '[';
	is_int(ids, 1216, "JSON: every one of the 1216 core ids");
	free(text);
	free(json);
}

static void test_snapshot(cm_ctx *ctx, cm_metrics *m)
{
	char *csv = report(ctx, m, CM_FORMAT_CSV, 0), *json = report(ctx, m, CM_FORMAT_JSON, 0);
	ok(has(csv, ",community\r\n") && !has(csv, "snapshot"), "CSV: no snapshot by default");
	ok(json && !has(json, "\"snapshot\""), "JSON: no snapshot by default");
	free(csv);
	free(json);
	csv = report(ctx, m, CM_FORMAT_CSV, CM_METRICS_SNAPSHOT);
	json = report(ctx, m, CM_FORMAT_JSON, CM_METRICS_SNAPSHOT);
	ok(has(csv, ",community,input,snapshot\r\n"), "CSV: input and snapshot columns last");
	ok(has(csv, "\r\nMedici,marriage,") && has(csv, "florentine.graphml,florentine\r\n"),
	   "CSV: each row ends with its file and graph id");
	ok(has(json, "\"snapshot\": {\n    \"id\": \"florentine\",\n    \"label\": \"\",\n    "
	             "\"year\": null\n  },\n  \"nodes\": 16,"),
	   "JSON: the snapshot's id, label and year, after the input");
	free(csv);
	free(json);
}

/* The actors are streamed one at a time (report.c, cm__json_stream_*): the
 * text must be exactly what jansson writes for the whole document. */
static void test_stream_layout(cm_ctx *ctx, const cm_metrics *m)
{
	const size_t flags = JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10);
	char *text = report(ctx, m, CM_FORMAT_JSON, 0);
	json_t *doc = text ? json_loads(text, 0, NULL) : NULL;
	char *again = doc ? json_dumps(doc, flags) : NULL;
	size_t len = text ? strlen(text) : 0;
	ok(again && len && text[len - 1] == '\n' && strlen(again) == len - 1 &&
	       !strncmp(text, again, len - 1),
	   "streamed JSON is jansson's layout of the whole document");
	json_t *actors = doc ? json_object_get(doc, "actors") : NULL;
	ok(json_array_size(actors) == 3 * 16, "every actor of each of the three layers is there");
	free(again);
	json_decref(doc);
	free(text);
}

int main(void)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	cm_ctx *ctx = NULL;
	cm_network *net = NULL;
	cm_metrics *m = NULL;
	snprintf(path, sizeof(path), "%s/tests/data/reference/florentine.graphml", top ? top : ".");
	cm_metrics_opts o;
	cm_metrics_opts_init(&o, CM_METRICS_OPTS_VERSION);
	o.permutations = 0;
	if (cm_ctx_new(&ctx) || cm_network_read_file(&net, ctx, path, NULL) ||
	    cm_metrics_compute(&m, ctx, net, &o)) {
		printf("Bail out! %s\n", ctx ? cm_ctx_errmsg(ctx) : "out of memory");
		return 1;
	}
	test_snapshot(ctx, m);
	test_starts(ctx, m);
	test_core_list(ctx, m);
	test_stream_layout(ctx, m);
	cm_metrics_free(m);
	cm_network_free(net);
	cm_ctx_free(ctx);
	return tap_done();
}
