/* SPDX-License-Identifier: MIT */
/* Object ids for the Graphviz graph of a drawing, in creation order: cgraph
 * lists subgraphs by id, and its default id (a name's address) varies from
 * run to run. Names are numbered here, not left to cgraph's name map, which
 * Graphviz 2.42 empties when a subgraph is closed (docs/findings.md, #25). */
#include "render_gv.h"

#include <stdlib.h>
#include <string.h>

/* The names are interned in the graph's string table, where cgraph's
 * writer expects them (it reads the flags stored before each string), and
 * freed with it. */
typedef struct gv_names {
	Agraph_t *g;
	cm__strmap index; /* name -> its position in name[] */
	char **name;
	size_t n, cap;
	int failed; /* a name could not be kept */
} gv_names;

static void *names_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	gv_names *t = cm__calloc(1, sizeof(gv_names));
	if (t)
		t->g = g;
	return t;
}

static long names_add(gv_names *t, char *s, size_t len)
{
	char *copy = agstrdup(t->g, s);
	if (!copy || t->n >= UINT32_MAX ||
	    cm__grow((void **)&t->name, &t->cap, t->n + 1, sizeof(*t->name)) ||
	    cm__strmap_put(&t->index, copy, len, (uint32_t)t->n))
		return -1;
	t->name[t->n] = copy;
	return (long)t->n++;
}

/* Named objects get even ids 2, 4, 6, ... in the order their names first
 * appear; anonymous ones the default discipline's odd ids. */
static long names_map(void *state, int objtype, char *str, IDTYPE *id, int create)
{
	gv_names *t = state;
	if (!str)
		return AgIdDisc.map(NULL, objtype, NULL, id, create);
	if (!t)
		return 0;
	size_t len = strlen(str);
	long k = cm__strmap_get(&t->index, str, len);
	if (k < 0 && create && (k = names_add(t, str, len)) < 0) {
		/* Out of memory. Failing here would make cgraph keep the name in
		 * its own map, whose entries Graphviz 2.42 never frees once a
		 * subgraph is closed: give an anonymous id, and the drawing
		 * reports the failure (cm__gv_names_check). */
		t->failed = 1;
		return AgIdDisc.map(NULL, objtype, NULL, id, create);
	}
	if (k < 0)
		return 0;
	*id = 2 * ((IDTYPE)k + 1);
	return 1;
}

static long names_alloc(void *state, int objtype, IDTYPE request)
{
	(void)state, (void)objtype, (void)request;
	return 0; /* ids are never chosen by the caller */
}

/* A name stays in the table until the graph is closed. */
static void names_free(void *state, int objtype, IDTYPE id)
{
	(void)state, (void)objtype, (void)id;
}

static char *names_print(void *state, int objtype, IDTYPE id)
{
	gv_names *t = state;
	(void)objtype;
	if (!t || id % 2 || id == 0 || id / 2 > t->n)
		return NULL;
	return t->name[id / 2 - 1];
}

static void names_close(void *state)
{
	gv_names *t = state;
	if (!t)
		return;
	cm__strmap_free(&t->index);
	cm__free(t->name);
	cm__free(t);
}

static void names_register(void *state, int objtype, void *obj)
{
	(void)state, (void)objtype, (void)obj;
}

static Agiddisc_t ordered_ids = {names_open,  names_map,   names_alloc,   names_free,
                                 names_print, names_close, names_register};
static Agdisc_t ordered_disc = {&AgMemDisc, &ordered_ids, &AgIoDisc};

Agdisc_t *cm__gv_disc(void)
{
	return &ordered_disc;
}

int cm__gv_names_check(cm_ctx *ctx, Agraph_t *g)
{
	const gv_names *t = g && g->clos->disc.id == &ordered_ids ? g->clos->state.id : NULL;
	return t && t->failed ? cm__oom(ctx) : 0;
}
