/* SPDX-License-Identifier: MIT */
/* Sensitivity: the classification rerun under the choices practitioners get
 * wrong (size bands, directions, unknown attributes), without each actor
 * and with 10% of ties dropped; which of them flip the verdict, and to
 * what. Caps and phrasing: docs/classification.md, "Sensitivity". */
#include "classify.h"
#include "classify_result.h"

#include <assert.h>
#include <math.h>
#include <string.h>

/* Every local actor is dropped in turn up to this many; above, a sample of
 * SENS_ACTOR_WORK / local actors of them (within [SENS_ACTOR_MIN,
 * SENS_ACTORS_ALL]), so that the reruns' work stays about constant and
 * classify on 10,000 actors within seconds. */
#define SENS_ACTORS_ALL 60
#define SENS_ACTOR_MIN  10
#define SENS_ACTOR_WORK 30000
#define SENS_DROPOUT    0.10
/* Networks up to this many actors have their graphs' reuse checked
 * (check_reuse). */
#define SENS_CHECK_ACTORS 500

static int verdict_of(cm__verdict *out, cm_ctx *ctx, const cm__cview *v, const cm_classify_opts *o)
{
	cm__cdata d;
	cm__ind_value ind[CM__I_COUNT];
	int rc = cm__cdata_init(&d, ctx, v, o->seed);
	if (rc)
		return rc;
	if (!(rc = cm__verdict_indicators(ind, ctx, &d)))
		cm__decide(out, ind, &d, o->hybrid_margin);
	cm__cdata_free(&d);
	return rc;
}

static void record(cm__sensitivity *s, const cm__verdict *ref, const cm__verdict *r, int kind,
                   int which)
{
	s->runs[kind]++;
	if (cm__verdict_same(r, ref))
		return;
	s->flips[kind]++;
	if (s->nflip == CM__MAX_FLIPS)
		return;
	cm__flip *f = &s->flip[s->nflip++];
	static const cm_cluster_type special[] = {CM_TYPE_UNCLASSIFIED, CM_TYPE_HYBRID};
	f->kind = kind;
	f->which = which;
	f->type = r->type >= 0 ? (cm_cluster_type)r->type : special[r->type + 2];
	f->hybrid[0] = r->type == -1 ? (cm_cluster_type)r->hybrid[0] : CM_TYPE_HYBRID;
	f->hybrid[1] = r->type == -1 ? (cm_cluster_type)r->hybrid[1] : CM_TYPE_HYBRID;
}

/* ------------------------------------------------------------ coding */

/* Changes the copied nodes for a band shift or a fill; returns how many
 * changed (a change that changes nothing is not rerun). */
static size_t recode(cm__node *nodes, size_t n, int kind, int which)
{
	size_t changed = 0;
	for (size_t i = 0; i < n; i++) {
		cm__node *nd = &nodes[i];
		unsigned char before = nd->size, owner = nd->ownership, has = nd->has;
		if (nd->kind != CM_KIND_FIRM)
			continue;
		if (kind == CM__S_BANDS && nd->size != CM_SIZE_UNKNOWN) {
			int s = nd->size + which;
			nd->size = (unsigned char)(s < CM_SIZE_MICRO   ? CM_SIZE_MICRO
			                           : s > CM_SIZE_LARGE ? CM_SIZE_LARGE
			                                               : s);
		} else if (kind == CM__S_FILL && which < 2 && nd->size == CM_SIZE_UNKNOWN) {
			nd->size = which == 0 ? CM_SIZE_LARGE : CM_SIZE_SMALL;
			nd->has |= CM_HAS_SIZE;
		} else if (kind == CM__S_FILL && which >= 2 && !(nd->has & CM_HAS_OWNERSHIP)) {
			nd->ownership = which == 2 ? CM_OWNERSHIP_EXTERNAL : CM_OWNERSHIP_LOCAL;
			nd->has |= CM_HAS_OWNERSHIP;
		}
		changed += nd->size != before || nd->ownership != owner || nd->has != has;
	}
	return changed;
}

/* The coding reruns below keep the first run's graphs for nodes with other
 * attributes. Should a change to the view (layers.c, classify_view.c) ever
 * make a graph depend on those attributes, the reruns would classify
 * another network than the one they report on, without a sign; so the
 * graphs are rebuilt from the changed nodes and compared, and a mismatch
 * stops the program (an assertion: not in an NDEBUG build). A rebuild
 * costs about as much as the first run's: six of them would add a tenth to
 * classify on 10,000 actors. What it guards is the code, not the data, so
 * it runs on networks up to SENS_CHECK_ACTORS actors, every test's and
 * sample's among them, where it costs milliseconds. */
static int check_reuse(cm_ctx *ctx, const cm__cview *v)
{
#ifdef NDEBUG
	(void)ctx, (void)v;
	return 0;
#else
	int same = 0, rc = 0;
	if (v->n > SENS_CHECK_ACTORS)
		return 0;
	rc = cm__cview_same_graphs(&same, ctx, v, v->net);
	assert(rc || same);
	return rc;
#endif
}

/* One coding change, on the view (a reversed relation) or on a copy of the
 * network's nodes that the view's vertices point into (the view's order
 * stays: a change of attributes moves no vertex, and no graph either, since
 * size and ownership place no tie and no actor inside or outside; so the
 * view's graphs serve as they are, as check_reuse makes sure). *ran is 0
 * when the change changed nothing. */
static int coding_run(cm__verdict *out, int *ran, cm_ctx *ctx, const cm__cview *v, int kind,
                      int which, const cm_classify_opts *o)
{
	static const int slot[] = {CM__G_SUP_FULL, CM__G_INFO_FULL};
	cm__cview r, tmp = *v;
	cm_network copy = *v->net;
	cm__node *nodes = NULL;
	if (kind == CM__S_DIRECTION) {
		*ran =
		    igraph_ecount(&v->g[slot[which]]) > 0 && igraph_is_directed(&v->g[slot[which]]);
	} else {
		if (!(nodes = cm__malloc((copy.n + 1) * sizeof(cm__node))))
			return cm__oom(ctx);
		copy.nodes = memcpy(nodes, v->net->nodes, copy.n * sizeof(cm__node));
		*ran = recode(nodes, copy.n, kind, which) > 0;
		tmp.net = &copy;
	}
	int rc = 0;
	if (*ran && kind != CM__S_DIRECTION) {
		if (!(rc = check_reuse(ctx, &tmp)))
			rc = verdict_of(out, ctx, &tmp, o);
	} else if (*ran && !(rc = cm__cview_reverse(&r, ctx, v, slot[which]))) {
		rc = verdict_of(out, ctx, &r, o);
		cm__cview_free(&r);
	}
	cm__free(nodes);
	return rc;
}

static int coding(cm__sensitivity *s, cm_ctx *ctx, const cm__cview *v, const cm__verdict *ref,
                  const cm_classify_opts *o)
{
	static const int runs[][2] = {{CM__S_BANDS, 1},     {CM__S_BANDS, -1}, {CM__S_DIRECTION, 0},
	                              {CM__S_DIRECTION, 1}, {CM__S_FILL, 0},   {CM__S_FILL, 1},
	                              {CM__S_FILL, 2},      {CM__S_FILL, 3}};
	int rc = 0;
	for (size_t k = 0; k < CM__ARRAY_LEN(runs) && !rc; k++) {
		cm__verdict r;
		int ran = 0;
		rc = coding_run(&r, &ran, ctx, v, runs[k][0], runs[k][1], o);
		if (!rc && ran)
			record(s, ref, &r, runs[k][0], runs[k][1]);
	}
	return rc;
}

/* ------------------------------------------------------------ random */

static int derived(cm__verdict *out, cm_ctx *ctx, const cm__cview *v, igraph_integer_t drop,
                   unsigned long seed, const cm_classify_opts *o)
{
	cm__cview r;
	igraph_rng_seed(igraph_rng_default(), seed);
	int rc = cm__cview_derive(&r, ctx, v, drop, drop >= 0 ? 0 : SENS_DROPOUT);
	if (rc)
		return rc;
	rc = verdict_of(out, ctx, &r, o);
	cm__cview_free(&r);
	return rc;
}

static size_t actor_count(const cm__cview *v)
{
	size_t nl = (size_t)v->nl, k = SENS_ACTOR_WORK / (nl ? nl : 1);
	if (nl <= SENS_ACTORS_ALL)
		return nl;
	return k < SENS_ACTOR_MIN ? SENS_ACTOR_MIN : k > SENS_ACTORS_ALL ? SENS_ACTORS_ALL : k;
}

/* The local actors to drop: all of them, in the view's canonical order, or
 * a seeded sample of that order (content decides, not the file's order). */
static int *actor_draw(const cm__cview *v, size_t count, unsigned long seed)
{
	int *pick = cm__malloc(((size_t)v->nl + 1) * sizeof(int));
	if (!pick)
		return NULL;
	memcpy(pick, v->local, (size_t)v->nl * sizeof(int));
	if (count < (size_t)v->nl) {
		igraph_rng_seed(igraph_rng_default(), seed);
		cm__shuffle_int(pick, (size_t)v->nl);
	}
	return pick;
}

static int cancelled(cm_ctx *ctx, size_t k, size_t total)
{
	if (!cm__progress(ctx, "classify: sensitivity", (double)k / (double)total))
		return 0;
	return cm__error(ctx, CM_ERROR, "error: cancelled");
}

static int random_runs(cm__sensitivity *s, cm_ctx *ctx, const cm__cview *v, const cm__verdict *ref,
                       const cm_classify_opts *o)
{
	size_t actors = actor_count(v), ties = (o->stability + 1) / 2, total = actors + ties;
	int *pick = actor_draw(v, actors, cm__seed_mix(o->seed, 1000));
	if (!pick)
		return cm__oom(ctx);
	int rc = 0;
	s->local_actors = (size_t)v->nl;
	for (size_t k = 0; k < total && !rc; k++) {
		cm__verdict r;
		if ((rc = cancelled(ctx, k, total)))
			break;
		igraph_integer_t drop = k < actors ? pick[k] : -1;
		rc = derived(&r, ctx, v, drop, cm__seed_mix(o->seed, 2000 + k), o);
		if (!rc)
			record(s, ref, &r, k < actors ? CM__S_ACTOR : CM__S_TIES,
			       k < actors ? v->node[drop] : (int)(k - actors + 1));
	}
	cm__free(pick);
	return rc;
}

int cm__sensitivity_run(cm_classification *c, cm_ctx *ctx, const cm__cview *v,
                        const cm__verdict *ref, const cm_classify_opts *o)
{
	cm__sensitivity *s = &c->sens;
	memset(s, 0, sizeof(*s));
	c->stability = NAN;
	if (o->stability == 0 || v->nl == 0)
		return 0;
	int rc = coding(s, ctx, v, ref, o);
	if (!rc)
		rc = random_runs(s, ctx, v, ref, o);
	if (rc)
		return rc;
	s->done = 1;
	c->stability_runs = s->runs[CM__S_ACTOR] + s->runs[CM__S_TIES];
	size_t flips = s->flips[CM__S_ACTOR] + s->flips[CM__S_TIES];
	if (c->stability_runs)
		c->stability = 1.0 - (double)flips / (double)c->stability_runs;
	return 0;
}

/* ------------------------------------------------------------ words */

const char *cm__flip_kind_name(int kind)
{
	static const char *const names[] = {"size_bands", "direction", "fill", "actor", "ties"};
	return (unsigned)kind < CM__ARRAY_LEN(names) ? names[kind] : "unknown";
}

void cm__flip_change(char *out, size_t n, const cm_network *net, const cm__flip *f)
{
	static const char *const fill[] = {"unknown sizes coded large", "unknown sizes coded small",
	                                   "unknown ownership coded external",
	                                   "unknown ownership coded local"};
	switch (f->kind) {
	case CM__S_BANDS:
		snprintf(out, n, "coding every firm one size band %s",
		         f->which > 0 ? "larger" : "smaller");
		break;
	case CM__S_DIRECTION:
		snprintf(out, n, "%s ties reversed", f->which ? "information" : "supplier");
		break;
	case CM__S_FILL: snprintf(out, n, "%s", fill[f->which & 3]); break;
	case CM__S_ACTOR:
		snprintf(out, n, "dropping '%s'", cm__node_label(net, (size_t)f->which));
		break;
	default:
		snprintf(out, n, "dropping %.0f%% of ties (replicate %d)", 100 * SENS_DROPOUT,
		         f->which);
	}
}

void cm__flip_verdict(char *out, size_t n, const cm__flip *f)
{
	if (f->type == CM_TYPE_HYBRID)
		snprintf(out, n, "hybrid of %s and %s", cm_cluster_type_name(f->hybrid[0]),
		         cm_cluster_type_name(f->hybrid[1]));
	else
		snprintf(out, n, "%s", cm_cluster_type_name(f->type));
}
