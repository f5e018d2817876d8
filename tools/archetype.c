/* SPDX-License-Identifier: MIT */
/* The archetype generator. Each type is a stylised reading of Markusen
 * (1996), tables 1-4; the shares below are the archetype's parameters, not
 * findings (docs/classification.md, "Evaluation"). */
#include "archetype.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const char *const arch_type_names[ARCH_TYPES] = {"italianate", "hub_and_spoke",
                                                 "satellite_platform", "state_anchored"};

enum { K_FIRM, K_ASSOC, K_CLUSTER_ORG, K_TRAINING, K_RESEARCH, K_UNIVERSITY, K_GOVERNMENT };
static const char *const kind_word[] = {"firm",     "association", "cluster_org", "training",
                                        "research", "university",  "government"};
enum { S_MICRO, S_SMALL, S_MEDIUM, S_LARGE };
static const char *const size_word[] = {"micro", "small", "medium", "large"};
enum { R_SUPPLIER, R_ASSOC, R_INFO };
static const char *const rel_word[] = {"supplier", "association", "information"};

typedef struct anode {
	int kind, size, external, outside;
	char label[48];
} anode;

typedef struct aedge {
	int s, t, rel;
} aedge;

typedef struct anet {
	anode *v;
	aedge *e;
	size_t n, m, ecap, vcap;
	uint64_t rng;
	int oom;
} anet;

/* ------------------------------------------------------------ random */

static uint64_t next(anet *g)
{
	uint64_t z = (g->rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double unif(anet *g)
{
	return (double)(next(g) >> 11) / 9007199254740992.0;
}

static size_t pick(anet *g, size_t n)
{
	return n ? (size_t)(unif(g) * (double)n) : 0;
}

static int chance(anet *g, double p)
{
	return unif(g) < p;
}

/* ------------------------------------------------------------ building */

static int add_node(anet *g, int kind, int size, int external, int outside, const char *what)
{
	if (g->n == g->vcap) {
		size_t cap = g->vcap ? 2 * g->vcap : 64;
		anode *v = realloc(g->v, cap * sizeof(*v));
		if (!v)
			return g->oom = 1, 0;
		g->v = v, g->vcap = cap;
	}
	anode *a = &g->v[g->n];
	*a = (anode){kind, size, external, outside, ""};
	snprintf(a->label, sizeof(a->label), "%s %zu", what, g->n + 1);
	return (int)g->n++;
}

static void add_edge(anet *g, int s, int t, int rel)
{
	if (s == t || s < 0 || t < 0)
		return;
	if (g->m == g->ecap) {
		size_t cap = g->ecap ? 2 * g->ecap : 256;
		aedge *e = realloc(g->e, cap * sizeof(*e));
		if (!e) {
			g->oom = 1;
			return;
		}
		g->e = e, g->ecap = cap;
	}
	g->e[g->m++] = (aedge){s, t, rel};
}

/* An SME size: micro 45%, small 40%, medium 15%. */
static int sme_size(anet *g)
{
	double u = unif(g);
	return u < 0.45 ? S_MICRO : u < 0.85 ? S_SMALL : S_MEDIUM;
}

typedef struct range {
	int first, count;
} range;

static int in(anet *g, range r)
{
	return r.count ? r.first + (int)pick(g, (size_t)r.count) : -1;
}

static range add_firms(anet *g, int count, int size, int external, int outside, const char *what)
{
	range r = {(int)g->n, 0};
	for (int k = 0; k < count; k++, r.count++)
		add_node(g, K_FIRM, size < 0 ? sme_size(g) : size, external, outside, what);
	return r;
}

/* Information ties: each actor of r gets about per random partners in r,
 * a share recip of them answered, then triadic closure with chance close. */
static void horizontal(anet *g, range r, double per, double recip, double close)
{
	size_t start = g->m;
	for (int k = 0; k < r.count; k++)
		for (double x = per; x > 0; x--)
			if (x >= 1 || chance(g, x)) {
				int a = r.first + k, b = in(g, r);
				add_edge(g, a, b, R_INFO);
				if (chance(g, recip))
					add_edge(g, b, a, R_INFO);
			}
	size_t end = g->m;
	for (size_t e = start; e + 1 < end && !g->oom; e++) {
		/* close a -> b, b -> c into a -> c, with the next tie out of b */
		aedge x = g->e[e], y = g->e[start + pick(g, end - start)];
		if (y.s == x.t && chance(g, close))
			add_edge(g, x.s, y.t, R_INFO);
		else if (chance(g, close / 2))
			add_edge(g, x.s, g->e[e + 1].t, R_INFO);
	}
}

/* Each actor of who joins org with chance p. */
static void members(anet *g, range who, int org, double p)
{
	for (int k = 0; k < who.count; k++)
		if (chance(g, p))
			add_edge(g, who.first + k, org, R_ASSOC);
}

/* ------------------------------------------------------------ the types */

static void italianate(anet *g, int actors)
{
	int out = actors / 12 + 1, inst = actors >= 40 ? 3 : 1;
	int firms = actors - out - inst, conv = firms / 8 + 1;
	int assoc = add_node(g, K_ASSOC, S_SMALL, 0, 0, "Artisans' association");
	int school = inst > 1 ? add_node(g, K_TRAINING, S_SMALL, 0, 0, "Technical school") : -1;
	if (inst > 2)
		add_node(g, K_CLUSTER_ORG, S_MICRO, 0, 0, "Export consortium");
	range c = add_firms(g, conv, S_SMALL, 0, 0, "Converter");
	range f = add_firms(g, firms - conv, -1, 0, 0, "Workshop");
	range buyers = add_firms(g, out, S_LARGE, 1, 1, "Outside buyer");
	range all = {c.first, firms};
	for (int k = 0; k < f.count; k++) {
		int a = f.first + k;
		g->v[a].external = chance(g, 0.03);
		add_edge(g, a, in(g, c), R_SUPPLIER);
		if (chance(g, 0.5))
			add_edge(g, a, in(g, all), R_SUPPLIER);
		if (chance(g, 0.1))
			add_edge(g, in(g, all), a, R_SUPPLIER);
	}
	for (int k = 0; k < c.count; k++)
		add_edge(g, c.first + k, in(g, buyers), R_SUPPLIER);
	horizontal(g, all, 2.5, 0.4, 0.6);
	members(g, all, assoc, 0.8);
	for (int k = 0; school >= 0 && k < firms / 5; k++)
		add_edge(g, school, in(g, all), R_INFO);
}

static void hub_and_spoke(anet *g, int actors)
{
	int out = actors / 10 + 1, hubs = 1 + actors / 400, public = actors >= 30;
	int firms = actors - out - hubs - public, tier1 = firms / 5 + 1;
	range h = add_firms(g, hubs, S_LARGE, 0, 0, "Hub");
	for (int k = 1; k < h.count; k++)
		g->v[h.first + k].external = chance(g, 0.3);
	int uni = public ? add_node(g, K_TRAINING, S_MEDIUM, 0, 0, "Training centre") : -1;
	range t1 = add_firms(g, tier1, -1, 0, 0, "Tier-1 supplier");
	range t2 = add_firms(g, firms - tier1, -1, 0, 0, "Tier-2 supplier");
	range o = add_firms(g, out, S_LARGE, 1, 1, "Outside partner");
	for (int k = 0; k < t1.count; k++) {
		int a = t1.first + k;
		add_edge(g, a, h.first, R_SUPPLIER);
		if (h.count > 1 && chance(g, 0.3))
			add_edge(g, a, in(g, h), R_SUPPLIER);
		if (chance(g, 0.5))
			add_edge(g, h.first, a, R_INFO);
	}
	for (int k = 0; k < t2.count; k++) {
		int a = t2.first + k;
		add_edge(g, a, chance(g, 0.5) ? h.first : in(g, t1), R_SUPPLIER);
		if (chance(g, 0.3))
			add_edge(g, a, in(g, t1), R_SUPPLIER);
	}
	for (int k = 0; k < h.count; k++)
		for (int j = 0; j < 3; j++)
			add_edge(g, h.first + k, in(g, o), j ? R_SUPPLIER : R_INFO),
			    add_edge(g, in(g, o), h.first + k, R_SUPPLIER);
	range smes = {t1.first, firms};
	horizontal(g, smes, 0.15, 0.2, 0.1);
	for (int k = 0; uni >= 0 && k < 1 + firms / 20; k++)
		add_edge(g, uni, in(g, smes), R_INFO);
}

static void satellite(anet *g, int actors)
{
	int out = actors / 5 + 1, agency = 1;
	int firms = actors - out - agency, branches = (firms * 3) / 5 + 1;
	int gov = add_node(g, K_GOVERNMENT, S_MEDIUM, 0, 0, "Development agency");
	range b = {(int)g->n, 0};
	for (int k = 0; k < branches; k++, b.count++)
		add_node(g, K_FIRM, chance(g, 0.6) ? S_LARGE : S_MEDIUM, 1, 0, "Branch plant");
	range s = add_firms(g, firms - branches, -1, 0, 0, "Local service firm");
	range parents = add_firms(g, out, S_LARGE, 1, 1, "Parent company");
	for (int k = 0; k < b.count; k++) {
		int a = b.first + k, parent = in(g, parents);
		add_edge(g, a, parent, R_SUPPLIER);
		add_edge(g, parent, a, R_INFO);
		add_edge(g, in(g, parents), a, R_SUPPLIER);
		if (chance(g, 0.2))
			add_edge(g, gov, a, R_INFO);
	}
	for (int k = 0; k < s.count; k++)
		if (chance(g, 0.4))
			add_edge(g, s.first + k, in(g, b), R_SUPPLIER);
	range all = {b.first, firms};
	horizontal(g, all, 0.1, 0.1, 0.0);
}

static void state_anchored(anet *g, int actors)
{
	static const int kinds[] = {K_RESEARCH, K_UNIVERSITY, K_GOVERNMENT};
	static const char *const names[] = {"National laboratory", "University", "Air base"};
	int out = actors / 10 + 1, anchors = 1 + actors / 400;
	anchors = anchors > 3 ? 3 : anchors;
	int firms = actors - out - anchors, contractors = firms / 6;
	range an = {(int)g->n, anchors};
	for (int k = 0; k < anchors; k++)
		add_node(g, kinds[k], S_LARGE, 0, 0, names[k]);
	range c = add_firms(g, contractors, S_MEDIUM, 1, 0, "Contractor branch");
	range f = add_firms(g, firms - contractors, -1, 0, 0, "Supplier");
	range o = add_firms(g, out, S_LARGE, 1, 1, "Outside agency");
	for (int k = 0; k < out; k++)
		g->v[o.first + k].kind = K_GOVERNMENT;
	range all = {c.first, firms};
	for (int k = 0; k < firms; k++) {
		int a = all.first + k;
		add_edge(g, a, chance(g, 0.8) ? an.first : in(g, an), R_SUPPLIER);
		if (chance(g, 0.4))
			add_edge(g, an.first, a, R_INFO);
		if (chance(g, 0.1))
			add_edge(g, a, in(g, all), R_SUPPLIER);
	}
	for (int k = 0; k < anchors; k++)
		for (int j = 0; j < 3; j++)
			add_edge(g, in(g, o), an.first + k, j ? R_INFO : R_SUPPLIER);
	for (int k = 0; k < c.count; k++)
		add_edge(g, c.first + k, in(g, o), R_INFO);
	horizontal(g, f, 0.3, 0.2, 0.2);
}

/* ------------------------------------------------------------ output */

static void generate(anet *g, int type, int actors)
{
	static void (*const gen[ARCH_TYPES])(anet *, int) = {italianate, hub_and_spoke, satellite,
	                                                     state_anchored};
	gen[type](g, actors);
}

/* Noise moves a share of the ties to random pairs, keeping their relation. */
static void add_noise(anet *g, double noise)
{
	for (size_t e = 0; e < g->m; e++)
		if (chance(g, noise)) {
			g->e[e].s = (int)pick(g, g->n);
			do
				g->e[e].t = (int)pick(g, g->n);
			while (g->n > 1 && g->e[e].t == g->e[e].s);
		}
}

/* Cross ties that knit the two halves of a hybrid together. */
static void knit(anet *g, int split)
{
	size_t cross = g->m / 20 + 1;
	for (size_t k = 0; k < cross; k++) {
		int a = (int)pick(g, (size_t)split), b = split + (int)pick(g, g->n - (size_t)split);
		if (!g->v[a].outside && !g->v[b].outside)
			add_edge(g, chance(g, 0.5) ? a : b, chance(g, 0.5) ? b : a,
			         chance(g, 0.5) ? R_SUPPLIER : R_INFO);
	}
}

static void data(FILE *fp, anet *g, double missing, const char *key, const char *value)
{
	if (!chance(g, missing))
		fprintf(fp, "<data key=\"%s\">%s</data>", key, value);
}

static void write_graph(FILE *fp, anet *g, const arch_opts *o)
{
	fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n");
	static const char *const nkeys[] = {"label", "kind", "size", "ownership", "location"};
	for (size_t k = 0; k < 5; k++)
		fprintf(fp,
		        "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" attr.type=\"string\"/>\n",
		        nkeys[k], nkeys[k]);
	fprintf(fp, "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" "
	            "attr.type=\"string\"/>\n");
	fprintf(fp, "  <graph id=\"%s-%zu-%lu\" edgedefault=\"directed\">\n",
	        arch_type_names[o->type], o->actors, o->seed);
	for (size_t i = 0; i < g->n; i++) {
		const anode *a = &g->v[i];
		fprintf(fp, "    <node id=\"n%zu\"><data key=\"label\">%s</data>", i, a->label);
		data(fp, g, o->missing, "kind", kind_word[a->kind]);
		data(fp, g, o->missing, "size", size_word[a->size]);
		data(fp, g, o->missing, "ownership", a->external ? "external" : "local");
		data(fp, g, o->missing, "location", a->outside ? "outside" : "inside");
		fprintf(fp, "</node>\n");
	}
	for (size_t e = 0; e < g->m; e++)
		fprintf(fp,
		        "    <edge source=\"n%d\" target=\"n%d\"><data "
		        "key=\"relation\">%s</data></edge>\n",
		        g->e[e].s, g->e[e].t, rel_word[g->e[e].rel]);
	fprintf(fp, "  </graph>\n</graphml>\n");
}

void arch_opts_init(arch_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->mix = -1;
	o->mix_share = 0.5;
	o->actors = 60;
	o->seed = 1;
}

int arch_type_parse(const char *name)
{
	for (int t = 0; t < ARCH_TYPES; t++)
		if (!strcmp(name, arch_type_names[t]))
			return t;
	return -1;
}

int arch_write(FILE *fp, const arch_opts *o)
{
	anet g = {0};
	g.rng = o->seed * 0x2545f4914f6cdd1dULL + (uint64_t)o->type * 7919 + o->actors;
	int actors = o->actors < 20 ? 20 : (int)o->actors;
	if (o->mix >= 0 && o->mix != o->type) {
		/* Each part is an archetype of its own: at least 20 actors. */
		int second = (int)(actors * o->mix_share);
		second = second < 20 ? 20 : second;
		actors = actors - second < 20 ? second + 20 : actors;
		generate(&g, o->type, actors - second);
		int split = (int)g.n;
		generate(&g, o->mix, second);
		knit(&g, split);
	} else {
		generate(&g, o->type, actors);
	}
	add_noise(&g, o->noise);
	if (!g.oom)
		write_graph(fp, &g, o);
	free(g.v);
	free(g.e);
	return g.oom ? -1 : 0;
}
