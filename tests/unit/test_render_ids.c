/* SPDX-License-Identifier: MIT */
/* The id discipline of a drawing's Graphviz graph (render_ids.c). */
#include "render/render_gv.h"
#include "tap.h"

#include <stdio.h>

/* Subgraphs are listed in the order they were made, even when their names
 * were interned in the reverse order (cgraph's default ids, the addresses
 * of the interned names, would list them in either order). */
static void test_subgraph_order(void)
{
	Agraph_t *g = agopen("g", Agdirected, cm__gv_disc());
	char name[32];
	for (int k = 40; k > 0; k--) {
		snprintf(name, sizeof(name), "cluster_%d", k);
		agstrdup(g, name);
	}
	for (int k = 1; k <= 40; k++) {
		snprintf(name, sizeof(name), "cluster_%d", k);
		agsubg(g, name, 1);
	}
	int k = 0, in_order = 1;
	for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s)) {
		snprintf(name, sizeof(name), "cluster_%d", ++k);
		in_order = in_order && !strcmp(agnameof(s), name);
	}
	ok(k == 40 && in_order, "subgraphs listed in creation order");
	agclose(g);
}

/* Names stay found after a layout that makes and closes subgraphs of its
 * own (neato, by connected component). */
static void test_lookup_after_layout(GVC_t *gvc)
{
	Agraph_t *g = agopen("g", Agundirected, cm__gv_disc());
	Agnode_t *a = agnode(g, "a", 1), *b = agnode(g, "b", 1), *c = agnode(g, "c", 1);
	agedge(g, a, b, NULL, 1);
	agnode(g, "alone", 1);
	ok(agnode(g, "b", 0) == b && !strcmp(agnameof(c), "c"), "names found before the layout");
	ok(gvLayout(gvc, g, "neato") == 0, "neato lays the graph out");
	ok(agnode(g, "b", 0) == b && agnode(g, "alone", 0) != NULL, "names found after it");
	ok(!strcmp(agnameof(a), "a") && agnode(g, "nobody", 0) == NULL, "and printed as given");
	gvFreeLayout(gvc, g);
	agclose(g);
}

/* The library's own allocation-failure hook (core/memory.c). */
void cm__test_fail_alloc(unsigned long nth);
unsigned long cm__test_alloc_count(void);

/* Objects named "cluster_0", "n1" ... "n63"; how many of them are
 * anonymous (cgraph prints those with a '%'). */
static int make_named(Agraph_t *g)
{
	char name[32];
	int anonymous = 0;
	for (int k = 0; k < 64; k++) {
		snprintf(name, sizeof(name), k ? "n%d" : "cluster_%d", k);
		void *obj = k ? (void *)agnode(g, name, 1) : (void *)agsubg(g, name, 1);
		anonymous += !obj || strcmp(agnameof(obj), name);
	}
	return anonymous;
}

/* A name the table cannot keep (an allocation fails): the object is made
 * anonymous by the discipline, never left to cgraph's own name map, whose
 * entries Graphviz 2.42 loses when a subgraph is closed (a leak that
 * LeakSanitizer shows), and the check reports the failure. */
static void test_name_out_of_memory(void)
{
	int every = 1, fired = 0;
	for (unsigned long nth = 1; nth < 1000; nth++) {
		cm_ctx *ctx;
		if (cm_ctx_new(&ctx))
			break;
		Agraph_t *g = agopen("g", Agdirected, cm__gv_disc());
		cm__test_fail_alloc(nth);
		int anonymous = make_named(g);
		int hit = nth <= cm__test_alloc_count();
		cm__test_fail_alloc(0);
		int rc = cm__gv_names_check(ctx, g);
		fired += hit;
		every = every && (hit ? rc == CM_ENOMEM && anonymous > 0 &&
		                            !strcmp(cm_ctx_errmsg(ctx), "error: out of memory")
		                      : rc == 0 && anonymous == 0);
		agclose(g);
		cm_ctx_free(ctx);
		if (!hit)
			break;
	}
	ok(fired > 0 && every,
	   "a name not kept for want of memory: anonymous, reported (%d failures)", fired);
}

int main(void)
{
	GVC_t *gvc = gvContext();
	test_subgraph_order();
	test_lookup_after_layout(gvc);
	test_name_out_of_memory();
	gvFreeContext(gvc);
	return tap_done();
}
