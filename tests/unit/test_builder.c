/* SPDX-License-Identifier: MIT */
/* A network built from code equals the same network read from GraphML:
 * same actors, attributes (model and free), ties, layers, weights and years,
 * written back byte for byte the same; the builder's validation errors are
 * CM_E* codes with messages; the report writers give into memory the bytes
 * they give to a file. */
#define _GNU_SOURCE /* open_memstream */

#include "tap.h"

#include <clustermap.h>

#include <string.h>

static const char graphml[] =
    "<?xml version='1.0'?><graphml xmlns='http://graphml.graphdrawing.org/xmlns'>"
    "<key id='k' for='node' attr.name='kind' attr.type='string'/>"
    "<key id='e' for='node' attr.name='employees' attr.type='string'/>"
    "<key id='o' for='node' attr.name='ownership' attr.type='string'/>"
    "<key id='l' for='node' attr.name='location' attr.type='string'/>"
    "<key id='n' for='node' attr.name='label' attr.type='string'/>"
    "<key id='v' for='node' attr.name='vat' attr.type='string'/>"
    "<key id='r' for='edge' attr.name='relation' attr.type='string'/>"
    "<key id='w' for='edge' attr.name='weight' attr.type='string'/>"
    "<key id='y' for='edge' attr.name='year' attr.type='string'/>"
    "<key id='g' for='graph' attr.name='label' attr.type='string'/>"
    "<graph id='prato' edgedefault='directed'><data key='g'>Prato</data>"
    "<node id='lead'><data key='e'>300</data><data key='o'>external</data>"
    "<data key='n'>Lead Spa</data><data key='v'>IT01</data></node>"
    "<node id='s1'><data key='e'>12</data></node>"
    "<node id='s2'><data key='l'>outside</data></node>"
    "<node id='uni'><data key='k'>university</data></node>"
    "<edge source='s1' target='lead'><data key='r'>supplier</data>"
    "<data key='w'>2.5</data><data key='y'>2019</data></edge>"
    "<edge source='s2' target='lead'><data key='r'>supplier</data></edge>"
    "<edge source='uni' target='s1' directed='false'><data key='r'>information</data></edge>"
    "<edge source='s1' target='s2' directed='false'/>"
    "</graph></graphml>";

static cm_network *build(cm_ctx *ctx)
{
	cm_builder *b = NULL;
	cm_network *net = NULL;
	size_t t = 0;
	int rc = cm_builder_new(&b, ctx);
	const char *ids[] = {"lead", "s1", "s2", "uni"};
	for (int i = 0; !rc && i < 4; i++)
		rc = cm_builder_add_actor(ctx, b, ids[i]);
	if (!rc)
		rc = cm_builder_set_graph_attr(ctx, b, "id", "prato");
	if (!rc)
		rc = cm_builder_set_graph_attr(ctx, b, "label", "Prato");
	const char *attrs[][3] = {{"lead", "employees", "300"},  {"lead", "ownership", "external"},
	                          {"lead", "label", "Lead Spa"}, {"lead", "vat", "IT01"},
	                          {"s1", "employees", "12"},     {"s2", "location", "outside"},
	                          {"uni", "kind", "university"}};
	for (size_t i = 0; !rc && i < sizeof(attrs) / sizeof(attrs[0]); i++)
		rc = cm_builder_set_actor_attr(ctx, b, attrs[i][0], attrs[i][1], attrs[i][2]);
	if (!rc)
		rc = cm_builder_add_tie(&t, ctx, b, "s1", "lead", "supplier", 2.5, true);
	if (!rc)
		rc = cm_builder_set_tie_attr(ctx, b, t, "year", "2019");
	if (!rc)
		rc = cm_builder_add_tie(NULL, ctx, b, "s2", "lead", "supplier", 1, true);
	if (!rc)
		rc = cm_builder_add_tie(NULL, ctx, b, "uni", "s1", "information", 1, false);
	if (!rc)
		rc = cm_builder_add_tie(NULL, ctx, b, "s1", "s2", NULL, 1, false);
	if (!rc)
		rc = cm_builder_finish(&net, ctx, b);
	if (rc)
		printf("# %s\n", cm_ctx_errmsg(ctx));
	cm_builder_free(b);
	return net;
}

/* The network written back as GraphML, into memory. */
static char *written(cm_ctx *ctx, const cm_network *net)
{
	cm_buf buf = CM_BUF_INIT;
	if (cm_network_write_graphml_buf(&buf, ctx, net, NULL))
		return NULL;
	return buf.ptr;
}

static void same_as_read(cm_ctx *ctx)
{
	cm_network *built = build(ctx), *read = NULL;
	cm_series *s = NULL;
	ok(built != NULL, "the network builds");
	ok(cm_series_read_buffer(&s, ctx, graphml, sizeof(graphml) - 1, NULL) == 0 &&
	       cm_series_take(&read, ctx, s, 0) == 0,
	   "the same network reads from GraphML");
	char *a = built ? written(ctx, built) : NULL, *b = read ? written(ctx, read) : NULL;
	ok(a && b && !strcmp(a, b), "built and read networks write the same GraphML");
	if (a && b && strcmp(a, b))
		printf("# built:\n# %s\n# read:\n# %s\n", a, b);
	size_t i = 0;
	cm_size size = CM_SIZE_UNKNOWN;
	const char *vat = NULL;
	ok(built && cm_network_find_node(&i, built, "lead") == 0 &&
	       cm_network_node_size(&size, ctx, built, i) == 0 && size == CM_SIZE_LARGE,
	   "300 employees make a large firm");
	ok(built && cm_network_node_attr(&vat, ctx, built, i, "vat") == 0 && vat &&
	       !strcmp(vat, "IT01"),
	   "a free attribute is kept");
	free(a);
	free(b);
	cm_network_free(built);
	cm_network_free(read);
	cm_series_free(s);
}

static void refusals(cm_ctx *ctx)
{
	cm_builder *b = NULL;
	cm_network *net = NULL;
	ok(cm_builder_new(&b, ctx) == 0, "a builder");
	ok(cm_builder_add_actor(ctx, b, "a") == 0, "actor a");
	ok(cm_builder_add_actor(ctx, b, "a") == CM_EINVAL &&
	       strstr(cm_ctx_errmsg(ctx), "duplicate"),
	   "a repeated id: CM_EINVAL");
	ok(cm_builder_add_actor(ctx, b, "") == CM_EINVAL, "an empty id: CM_EINVAL");
	ok(cm_builder_add_tie(NULL, ctx, b, "a", "zz", "supplier", 1, true) == CM_ENOTFOUND &&
	       strstr(cm_ctx_errmsg(ctx), "zz"),
	   "a tie to an unknown actor: CM_ENOTFOUND naming it");
	cm_builder_add_actor(ctx, b, "b");
	ok(cm_builder_add_tie(NULL, ctx, b, "a", "b", "supplier", 1.0 / 0.0, true) == CM_EINVAL &&
	       strstr(cm_ctx_errmsg(ctx), "weight"),
	   "an infinite weight: CM_EINVAL");
	ok(cm_builder_set_tie_attr(ctx, b, 0, "year", "x") == CM_EINVAL,
	   "the refused tie was not kept (tie 0 does not exist)");
	size_t diags = cm_ctx_diag_count(ctx);
	ok(cm_builder_set_actor_attr(ctx, b, "a", "employees", "many") == 0 &&
	       cm_ctx_diag_count(ctx) == diags + 1,
	   "employees that are no number: read past with a warning, as in a file");
	ok(cm_builder_set_actor_attr(ctx, b, "nobody", "kind", "firm") == CM_ENOTFOUND,
	   "an attribute of an actor not added: CM_ENOTFOUND");
	ok(cm_builder_set_actor_attr(ctx, b, "a", "", "x") == CM_EINVAL,
	   "an attribute without a name: CM_EINVAL");
	ok(cm_builder_finish(&net, ctx, b) == 0 && net && cm_network_node_count(net) == 2,
	   "finished: two actors");
	ok(cm_builder_add_actor(ctx, b, "c") == CM_EINVAL, "a finished builder takes no more");
	cm_network_free(net);
	cm_builder_free(b);
	cm_builder_free(NULL);
}

int main(void)
{
	cm_ctx *ctx = NULL;
	if (cm_ctx_new(&ctx))
		return 1;
	same_as_read(ctx);
	refusals(ctx);
	cm_ctx_free(ctx);
	return tap_done();
}
