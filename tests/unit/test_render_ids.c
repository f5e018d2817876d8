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

int main(void)
{
	GVC_t *gvc = gvContext();
	test_subgraph_order();
	test_lookup_after_layout(gvc);
	gvFreeContext(gvc);
	return tap_done();
}
