/* SPDX-License-Identifier: MIT */
/* The API's conventions (docs/api.md) hold for every family of getters:
 * an index out of range is CM_EINVAL with a message in the context and
 * leaves the out-parameter alone; option structs of an unknown version are
 * refused; predicates are bool; enum counts cover their enums. */
#include "tap.h"

#include <clustermap.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEAD                                                                                       \
	"<?xml version='1.0'?><graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"             \
	"<key id='r' for='edge' attr.name='relation' attr.type='string'/>"                         \
	"<key id='k' for='node' attr.name='kind' attr.type='string'/>"                             \
	"<key id='s' for='node' attr.name='size' attr.type='string'/>"                             \
	"<key id='y' for='graph' attr.name='year' attr.type='int'/>"

#define GRAPH                                                                                      \
	"<graph id='%s' edgedefault='directed'><data key='y'>%d</data>"                            \
	"<node id='a'><data key='s'>large</data></node><node id='b'/><node id='c'/>"               \
	"<node id='%s'/>"                                                                          \
	"<edge source='b' target='a'><data key='r'>supplier</data></edge>"                         \
	"<edge source='c' target='a'><data key='r'>supplier</data></edge>"                         \
	"<edge source='%s' target='a'><data key='r'>supplier</data></edge>"                        \
	"</graph>"

static cm_series *two_snapshots(cm_ctx *ctx)
{
	char buf[4096];
	int n = snprintf(buf, sizeof(buf), HEAD GRAPH GRAPH "</graphml>", "g1", 2010, "d", "d",
	                 "g2", 2011, "e", "e");
	cm_series *s = NULL;
	if (cm_series_read_buffer(&s, ctx, buf, (size_t)n, NULL))
		printf("# %s\n", cm_ctx_errmsg(ctx));
	return s;
}

/* rc is CM_EINVAL and the context's message says "out of range". */
static int out_of_range(cm_ctx *ctx, int rc)
{
	int yes = rc == CM_EINVAL && strstr(cm_ctx_errmsg(ctx), "out of range") != NULL;
	cm_ctx_clear(ctx);
	return yes;
}

static void network_getters(cm_ctx *ctx, const cm_series *s)
{
	const cm_network *net = NULL, *none = NULL;
	ok(cm_series_get(&net, ctx, s, 0) == 0 && net, "snapshot 0");
	ok(out_of_range(ctx, cm_series_get(&none, ctx, s, 2)) && !none,
	   "snapshot 2 of 2: CM_EINVAL, out-parameter untouched");
	const char *str = "unchanged";
	size_t at = 99;
	bool dir = false;
	double w = 0;
	cm_kind kind = CM_KIND_OTHER;
	ok(cm_network_node_id(&str, ctx, net, 3) == 0 && !strcmp(str, "d"), "node 3 is d");
	ok(cm_network_node_kind(&kind, ctx, net, 0) == 0 && kind == CM_KIND_FIRM, "kind of a");
	str = "unchanged";
	ok(out_of_range(ctx, cm_network_node_id(&str, ctx, net, 4)) && !strcmp(str, "unchanged"),
	   "node 4 of 4: CM_EINVAL, out-parameter untouched");
	ok(out_of_range(ctx, cm_network_node_attr(&str, ctx, net, 4, "kind")),
	   "node attr: checked");
	ok(cm_network_edge_target(&at, ctx, net, 2) == 0 && at == 0, "edge 2 ends at a");
	ok(cm_network_edge_directed(&dir, ctx, net, 0) == 0 && dir, "edges are directed (bool)");
	ok(out_of_range(ctx, cm_network_edge_weight(&w, ctx, net, 3)), "edge 3 of 3: checked");
	ok(out_of_range(ctx, cm_network_layer_name(&str, ctx, net, 1)), "layer 1 of 1: checked");
	ok(cm_network_node_id(&str, NULL, net, 9) == CM_EINVAL, "a NULL context: the code alone");
}

static void metrics_getters(cm_ctx *ctx, const cm_network *net)
{
	cm_metrics *m = NULL;
	ok(cm_metrics_compute(&m, ctx, net, NULL) == 0, "measured");
	size_t layers = m ? cm_metrics_layer_count(m) : 0;
	const char *name = NULL;
	double v = 0;
	const double *vals = NULL;
	bool dir = false;
	ok(m && cm_metrics_layer_name(&name, ctx, m, layers - 1) == 0 && !strcmp(name, "all"),
	   "the last layer is all");
	ok(m && out_of_range(ctx, cm_metrics_layer_name(&name, ctx, m, layers)),
	   "layer name past the last: checked");
	ok(m && out_of_range(ctx, cm_metrics_layer_directed(&dir, ctx, m, layers)),
	   "layer direction: checked");
	ok(m && out_of_range(ctx, cm_metrics_network_value(&v, ctx, m, layers, "density")),
	   "network value: layer checked");
	ok(m && out_of_range(ctx, cm_metrics_actor_values(&vals, ctx, m, layers, "degree")),
	   "actor values: layer checked");
	ok(m && cm_metrics_network_value(&v, ctx, m, 0, "bogus") == CM_ENOTFOUND &&
	       strstr(cm_ctx_errmsg(ctx), "bogus"),
	   "an unknown measure: CM_ENOTFOUND, named in the message");
	cm_metrics_free(m);
}

static void classification_getters(cm_ctx *ctx, const cm_network *net)
{
	cm_classification *c = NULL;
	cm_classify_opts o = CM_CLASSIFY_OPTS_INIT;
	o.replicates = 0;
	o.stability = 0;
	ok(cm_classify(&c, ctx, net, &o) == 0, "classified");
	if (!c)
		return;
	cm_indicator ind;
	size_t drv;
	unsigned role;
	const char *why = NULL, *reading = NULL;
	size_t n = cm_classification_indicator_count(c);
	ok(cm_classification_indicator(&ind, ctx, c, 0) == 0, "indicator 0");
	ok(out_of_range(ctx, cm_classification_indicator(&ind, ctx, c, n)), "indicator: checked");
	ok(out_of_range(ctx,
	                cm_classification_driver(&drv, ctx, c, cm_classification_driver_count(c))),
	   "driver: checked");
	ok(out_of_range(ctx, cm_classification_role(&role, ctx, c, 4)), "role: node checked");
	bool gate = cm_classification_gate(&why, c, CM_TYPE_HYBRID);
	ok(!gate && why && !*why, "gate of a type without one: false, no reason");
	ok(cm_classification_hybrid(NULL, NULL, c) == (cm_classification_type(c) == CM_TYPE_HYBRID),
	   "hybrid is a predicate");
	ok(cm_classification_find_secondary(&reading, c, "enright") == 0 && reading,
	   "a secondary reading");
	ok(cm_classification_find_secondary(&reading, c, "bogus") == CM_ENOTFOUND,
	   "an unknown reading: CM_ENOTFOUND");
	cm_classification_free(c);
}

static void diff_getters(cm_ctx *ctx, const cm_series *s)
{
	const cm_network *a = NULL, *b = NULL;
	cm_diff *d = NULL;
	cm_compare_opts o = CM_COMPARE_OPTS_INIT;
	o.no_classify = true;
	o.permutations = 0;
	cm_series_get(&a, ctx, s, 0);
	cm_series_get(&b, ctx, s, 1);
	ok(cm_diff_compute(&d, ctx, a, b, &o) == 0, "compared");
	if (!d)
		return;
	const char *key = NULL, *from, *to;
	size_t node = 99, count = 0, layers = cm_diff_layer_count(d);
	double j;
	const cm_qap *q;
	ok(cm_diff_actor(&key, &node, ctx, d, CM_CHANGE_ENTERED, 0) == 0 && !strcmp(key, "e") &&
	       node == 3,
	   "the actor that entered, out-parameters first");
	ok(out_of_range(ctx, cm_diff_actor(&key, NULL, ctx, d, CM_CHANGE_ENTERED, 1)),
	   "actor: index checked");
	ok(cm_diff_actor(&key, NULL, ctx, d, CM_CHANGE_COUNT, 0) == CM_EINVAL,
	   "actor: change checked");
	cm_ctx_clear(ctx);
	ok(cm_diff_tie_count(&count, ctx, d, 0, CM_CHANGE_FORMED) == 0 && count == 1, "one formed");
	ok(out_of_range(ctx, cm_diff_tie_count(&count, ctx, d, layers, CM_CHANGE_FORMED)),
	   "tie count: layer checked");
	ok(out_of_range(ctx, cm_diff_tie(&from, &to, ctx, d, 0, CM_CHANGE_FORMED, 1)),
	   "tie: index checked");
	ok(out_of_range(ctx, cm_diff_jaccard(&j, ctx, d, layers)), "jaccard: checked");
	ok(out_of_range(ctx, cm_diff_qap(&q, ctx, d, layers)), "qap: checked");
	cm_diff_free(d);
}

/* Field by field: padding may differ. */
static int same_str(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

static int same_metrics(const cm_metrics_opts *a, const cm_metrics_opts *b)
{
	return a->version == b->version && same_str(a->layer, b->layer) &&
	       a->weighted == b->weighted && a->inside_only == b->inside_only &&
	       same_str(a->groups, b->groups) && a->permutations == b->permutations &&
	       a->seed == b->seed && a->approx == b->approx && a->exact == b->exact;
}

static int same_limits(const cm_limits *a, const cm_limits *b)
{
	return a->version == b->version && a->max_bytes == b->max_bytes &&
	       a->max_nodes == b->max_nodes && a->max_edges == b->max_edges &&
	       a->max_depth == b->max_depth && a->max_id_length == b->max_id_length &&
	       a->max_value_length == b->max_value_length &&
	       a->max_diagnostics == b->max_diagnostics && a->max_snapshots == b->max_snapshots &&
	       a->max_attributes == b->max_attributes;
}

static int same_render(const cm_render_opts *a, const cm_render_opts *b)
{
	return a->version == b->version && a->format == b->format && same_str(a->layer, b->layer) &&
	       same_str(a->size_by, b->size_by) && same_str(a->color_by, b->color_by) &&
	       a->labels == b->labels && a->label_length == b->label_length &&
	       same_str(a->title, b->title) && same_str(a->layout, b->layout) &&
	       a->aggregate_above == b->aggregate_above && a->full == b->full &&
	       a->seed == b->seed && !a->metrics && !b->metrics && !a->classification &&
	       !b->classification && !a->pin && !b->pin && !a->node_change && !b->node_change &&
	       !a->edge_change && !b->edge_change;
}

static void versions(cm_ctx *ctx, const cm_network *net)
{
	cm_metrics_opts mo = CM_METRICS_OPTS_INIT, init;
	ok(cm_metrics_opts_init(&init, CM_METRICS_OPTS_VERSION) == 0 && same_metrics(&mo, &init),
	   "the init macro and the init function agree");
	ok(cm_metrics_opts_init(&init, CM_METRICS_OPTS_VERSION + 1) == CM_EINVAL,
	   "init refuses a version it does not know");
	cm_metrics *m = NULL;
	mo.version = 0;
	ok(cm_metrics_compute(&m, ctx, net, &mo) == CM_EINVAL && !m &&
	       strstr(cm_ctx_errmsg(ctx), "version"),
	   "metrics refuse options of an unknown version");
	cm_classification *c = NULL;
	cm_classify_opts co = CM_CLASSIFY_OPTS_INIT;
	co.version = 7;
	ok(cm_classify(&c, ctx, net, &co) == CM_EINVAL && !c, "classify refuses them");
	cm_compare_opts po;
	cm_diff *d = NULL;
	cm_compare_opts_init(&po, CM_COMPARE_OPTS_VERSION);
	po.metrics.version = 0;
	ok(cm_diff_compute(&d, ctx, net, net, &po) == CM_EINVAL && !d,
	   "compare checks the metrics options it holds");
	cm_series *s = NULL;
	cm_read_opts ro = CM_READ_OPTS_INIT;
	ro.version = 2;
	ok(cm_series_read_buffer(&s, ctx, "<graphml/>", 10, &ro) == CM_EINVAL && !s,
	   "the reader refuses them");
	cm_limits lim = CM_LIMITS_INIT, def;
	ok(cm_limits_init(&def, CM_LIMITS_VERSION) == 0 && same_limits(&lim, &def) &&
	       lim.max_nodes == 20000000,
	   "CM_LIMITS_INIT gives the defaults");
	lim.version = 0;
	lim.max_nodes = 1;
	ok(cm_ctx_set_limits(ctx, &lim) == CM_EINVAL, "limits of an unknown version: refused");
	cm_ctx_get_limits(&def, ctx);
	ok(def.max_nodes == 20000000 && def.version == CM_LIMITS_VERSION, "and not applied");
	cm_render_opts ro2 = CM_RENDER_OPTS_INIT, ri;
	cm_render_opts_init(&ri, CM_RENDER_OPTS_VERSION);
	ok(same_render(&ro2, &ri), "render options: macro and function agree");
	cm_ctx_clear(ctx);
}

/* The same bytes through a FILE * and through a cm_buf. */
static int same_as_file(const cm_buf *b, int (*write)(FILE *, void *), void *arg)
{
	char *mem = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&mem, &len);
	int rc = fp ? write(fp, arg) : -1;
	if (fp)
		fclose(fp);
	int same = rc == 0 && b->ptr && len == b->size && memcmp(mem, b->ptr, len) == 0;
	free(mem);
	return same;
}

typedef struct report_arg {
	cm_ctx *ctx;
	const cm_series *s;
	const cm_report_opts *o;
} report_arg;

static int report_to(FILE *fp, void *arg)
{
	report_arg *a = arg;
	return cm_report_write_html(fp, a->ctx, a->s, a->o);
}

static int template_to(FILE *fp, void *arg)
{
	return cm_import_template_csv(fp, arg, "edges");
}

/* The option structs added with the report, import and plots follow the
 * same rules as the others. */
static void later_opts(cm_ctx *ctx, const cm_series *s)
{
	cm_import_opts io = CM_IMPORT_OPTS_INIT, ii;
	ok(cm_import_opts_init(&ii, CM_IMPORT_OPTS_VERSION) == 0 && !memcmp(&io, &ii, sizeof io),
	   "import options: macro and function agree");
	cm_network *net = NULL;
	io.version = 9;
	io.edges = "edges.csv";
	ok(cm_import_read(&net, ctx, &io) == CM_EINVAL && !net,
	   "import refuses an unknown version");
	cm_plot_opts po = CM_PLOT_OPTS_INIT, pi;
	ok(cm_plot_opts_init(&pi, CM_PLOT_OPTS_VERSION) == 0 && !memcmp(&po, &pi, sizeof po) &&
	       cm_plot_opts_init(&pi, 0) == CM_EINVAL,
	   "plot options: macro and function agree; version 0 refused");
	cm_report_opts ro = CM_REPORT_OPTS_INIT, ri;
	ok(cm_report_opts_init(&ri, CM_REPORT_OPTS_VERSION) == 0 && ri.interactive_max == 5000 &&
	       ri.compare.version == CM_COMPARE_OPTS_VERSION && ro.interactive_max == 5000,
	   "report options: defaults, with the comparison's");
	ro.compare.permutations = 0;
	cm_buf b = CM_BUF_INIT;
	report_arg a = {ctx, s, &ro};
	ok(cm_report_write_html_buf(&b, ctx, s, &ro) == 0 && same_as_file(&b, report_to, &a),
	   "the report into memory is the report into a file");
	ro.version = 2;
	ok(cm_report_write_html_buf(&b, ctx, s, &ro) == CM_EINVAL && !b.ptr,
	   "the report refuses an unknown version, leaving the buffer empty");
	ok(cm_import_template_csv_buf(&b, ctx, "edges") == 0 && same_as_file(&b, template_to, ctx),
	   "the blank edge sheet into memory");
	cm_buf_dispose(&b);
	cm_ctx_clear(ctx);
}

static void version(void)
{
	int major = -1, minor = -1, patch = -1;
	is_str(cm_version(), CM_VERSION, "the library's version is the header's (configure's)");
	cm_version_numbers(&major, &minor, &patch);
	ok(major == CM_VERSION_MAJOR && minor == CM_VERSION_MINOR && patch == CM_VERSION_PATCH,
	   "and so are its parts");
	cm_version_numbers(NULL, NULL, NULL);
}

static void counts(void)
{
	is_int(CM_TYPE_COUNT, 6, "CM_TYPE_COUNT counts every cluster type");
	is_str(cm_cluster_type_name((cm_cluster_type)(CM_TYPE_COUNT - 1)), "unclassified",
	       "the last type has a name");
	is_int(CM_TYPE_SCORED_COUNT, 4, "four types have a score");
	is_str(cm_cluster_type_words(CM_TYPE_HUB_AND_SPOKE), "hub-and-spoke",
	       "a type in words for people");
	is_str(cm_cluster_type_words(CM_TYPE_ITALIANATE), "Italianate", "Italianate capitalised");
	is_str(cm_cluster_type_words((cm_cluster_type)(CM_TYPE_COUNT - 1)), "unclassified",
	       "the last type has words");
	is_str(cm_cluster_type_words(CM_TYPE_COUNT), "unknown", "past the last: unknown");
	is_str(cm_kind_name((cm_kind)(CM_KIND_COUNT - 1)), "other", "the last kind has a name");
	is_str(cm_change_name((cm_change)(CM_CHANGE_COUNT - 1), true), "persisted",
	       "the last change has a name");
}

int main(void)
{
	cm_ctx *ctx = NULL;
	if (cm_ctx_new(&ctx))
		return 1;
	cm_series *s = two_snapshots(ctx);
	const cm_network *net = NULL;
	ok(s && cm_series_count(s) == 2 && cm_series_get(&net, ctx, s, 0) == 0, "two snapshots");
	if (net) {
		network_getters(ctx, s);
		metrics_getters(ctx, net);
		classification_getters(ctx, net);
		diff_getters(ctx, s);
		versions(ctx, net);
		later_opts(ctx, s);
	}
	counts();
	version();
	const cm_diag *dg = NULL;
	ok(out_of_range(ctx, cm_ctx_diag(&dg, ctx, cm_ctx_diag_count(ctx))), "diagnostic: checked");
	cm_series_free(s);
	cm_ctx_free(ctx);
	return tap_done();
}
