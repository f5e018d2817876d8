/* SPDX-License-Identifier: MIT */
/* From indicators to a verdict: per-type agreement scores, Markusen's hard
 * gates, hybrid and unclassified. Rules and defaults: docs/classification.md. */
#include "classify.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static double signal(const cm__ind_value *ind, size_t i)
{
	const cm__ind_def *def = &cm__ind_defs[i];
	double s = (ind[i].value - def->mid) / def->half;
	return s > 1 ? 1 : s < -1 ? -1 : s;
}

static double weight_sum(const cm__ind_value *ind, int t)
{
	double sum = 0;
	for (size_t i = 0; i < CM__I_COUNT; i++)
		if (!isnan(ind[i].value))
			sum += fabs((double)cm__ind_defs[i].weight[t]);
	return sum;
}

double cm__contribution(const cm__ind_value *ind, size_t i, int t)
{
	double w = cm__ind_defs[i].weight[t], sum = weight_sum(ind, t);
	if (w == 0 || isnan(ind[i].value) || sum == 0)
		return 0;
	return w * signal(ind, i) / sum;
}

static double score(const cm__ind_value *ind, int t)
{
	double s = 0;
	for (size_t i = 0; i < CM__I_COUNT; i++)
		s += cm__contribution(ind, i, t);
	return s;
}

static const char *node_name(const cm__cdata *d, int local)
{
	return cm__node_label(d->net, (size_t)d->lnode[local]);
}

/* " (tied with 2 others)" when the top buyer shares the first place. */
static void tied_note(char *out, size_t n, const cm__cdata *d)
{
	int others = cm__top_first_count(d, &d->buyers) - 1;
	*out = 0;
	if (others > 0)
		snprintf(out, n, " (tied with %d other%s)", others, others > 1 ? "s" : "");
}

/* Markusen's hub district is "dominated by one or several large,
 * vertically integrated firms": the large firms among the top buyers
 * (every actor tied at the cut counts as among them) must together buy
 * CM__GATE_HUB_DOMINANCE of the local supply ties, counted on at least
 * CM__MIN_SHARE_TIES ties (the indicator's evidence guard). */
static int gate_hub(char *why, size_t n, const cm__ind_value *ind, const cm__cdata *d)
{
	const cm__ind_value *dom = &ind[CM__I_HUB_DOMINANCE];
	int top = d->buyers.top[0];
	char tie[32];
	if (top < 0)
		return snprintf(why, n, "no local supply ties"), 0;
	if (!(d->counts.given & CM_HAS_SIZE))
		return snprintf(why, n, "size unknown for every local firm"), 0;
	if (isnan(dom->value))
		return snprintf(why, n, "hub dominance unknown (%s)", dom->why), 0;
	if (dom->value >= CM__GATE_HUB_DOMINANCE)
		return 1;
	if (cm__top_first(d, &d->buyers, cm__is_large))
		return snprintf(why, n,
		                "the large firms among the top buyers take only %.0f%% of local "
		                "supply ties (a hub district needs %.0f%%)",
		                100 * dom->value, 100 * CM__GATE_HUB_DOMINANCE),
		       0;
	const cm__node *nd = cm__lnode(d, top);
	const char *what = cm__top_any(d, &d->buyers, cm__is_large)
	                       ? "the large firms among the top buyers do not lead"
	                       : "no large firm among the top buyers";
	tied_note(tie, sizeof(tie), d);
	if (nd->kind == CM_KIND_FIRM)
		snprintf(why, n, "%s (the top buyer, %s%s, is a %s firm)", what, node_name(d, top),
		         tie, cm_size_name(nd->size));
	else
		snprintf(why, n, "%s (the top buyer, %s%s, is a %s body)", what, node_name(d, top),
		         tie, cm_kind_name(nd->kind));
	return 0;
}

/* Markusen's state-anchored district has public institutions as the
 * dominant buyers, "surrounded by suppliers": public bodies must be the
 * first buyer (or most of those tied for first), or be the first broker
 * and buy CM__GATE_STATE_BUYING of local supply ties. A development agency
 * or service centre that only brokers information does not open it. */
static int gate_state(char *why, size_t n, const cm__ind_value *ind, const cm__cdata *d)
{
	double buying = ind[CM__I_PUBLIC_BUYING].value;
	if (cm__top_first(d, &d->buyers, cm__is_public))
		return 1;
	if (cm__top_first(d, &d->brokers, cm__is_public) && buying >= CM__GATE_STATE_BUYING)
		return 1;
	if (cm__top_first(d, &d->brokers, cm__is_public) && isnan(buying))
		snprintf(why, n, "a public body is the top broker, but its buying is unknown (%s)",
		         ind[CM__I_PUBLIC_BUYING].why);
	else if (cm__top_first(d, &d->brokers, cm__is_public))
		snprintf(why, n,
		         "a public body is the top broker but not a dominant buyer (public bodies "
		         "buy %.0f%% of local supply ties; an anchor needs %.0f%%)",
		         100 * buying, 100 * CM__GATE_STATE_BUYING);
	else
		snprintf(why, n, "no public body is the top buyer or the top broker");
	return 0;
}

/* "external 20%", or why the share is unknown: missing data is never 0. */
static void share_words(char *out, size_t n, const char *what, const cm__ind_value *iv)
{
	if (isnan(iv->value))
		snprintf(out, n, "%s", *iv->why ? iv->why : "undefined");
	else
		snprintf(out, n, "%s %.0f%%", what, 100 * iv->value);
}

static int gate_satellite(char *why, size_t n, const cm__ind_value *ind)
{
	const cm__ind_value *ext = &ind[CM__I_EXTERNAL_OWNERSHIP], *out = &ind[CM__I_OUTSIDE_SHARE];
	const cm__ind_value *frag = &ind[CM__I_FRAGMENTATION];
	char a[88], b[88], c[88];
	if (ext->value >= CM__GATE_SATELLITE_EXTERNAL ||
	    (out->value >= CM__GATE_SATELLITE_OUTSIDE &&
	     frag->value >= CM__GATE_SATELLITE_FRAGMENTED))
		return 1;
	share_words(a, sizeof(a), "external", ext);
	share_words(b, sizeof(b), "outside ties", out);
	share_words(c, sizeof(c), "fragmentation", frag);
	if (isnan(ext->value))
		snprintf(why, n,
		         "external ownership is not known (%s) and the network is not shown to be "
		         "both outward-facing and fragmented (%s, %s)",
		         a, b, c);
	else
		snprintf(why, n,
		         "most local firms are locally owned (%s) and the network is not both "
		         "outward-facing and fragmented (%s, %s)",
		         a, b, c);
	return 0;
}

static int gate_italianate(char *why, size_t n, const cm__ind_value *ind)
{
	double sme = ind[CM__I_SME_SHARE].value, reach = ind[CM__I_SME_REACH].value;
	if (isnan(sme))
		return snprintf(why, n, "SME share unknown (%s)", ind[CM__I_SME_SHARE].why), 0;
	if (sme < CM__GATE_ITALIANATE_SME)
		return snprintf(why, n, "SMEs are only %.0f%% of local firms", 100 * sme), 0;
	double ext = ind[CM__I_EXTERNAL_OWNERSHIP].value;
	if (ext > CM__GATE_ITALIANATE_EXTERNAL)
		return snprintf(why, n, "%.0f%% of local firms are owned from outside", 100 * ext),
		       0;
	if (isnan(reach))
		return snprintf(why, n, "horizontal ties among SMEs unknown (%s)",
		                ind[CM__I_SME_REACH].why),
		       0;
	if (reach < CM__GATE_ITALIANATE_REACH)
		return snprintf(why, n, "only %.0f%% of local SMEs have a horizontal tie",
		                100 * reach),
		       0;
	return 1;
}

/* Too little to classify at all: names what is missing. */
static int too_little(char *why, size_t n, const cm__cdata *d)
{
	/* Ties to outside actors count: a platform's local actors may have few
	 * ties among themselves, which is its signature. */
	const igraph_t *g = d->g[CM__G_ALL_FULL];
	igraph_integer_t ties = 0;
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++)
		ties += d->v->vlocal[IGRAPH_FROM(g, e)] >= 0 || d->v->vlocal[IGRAPH_TO(g, e)] >= 0;
	if (d->v->nl < CM__MIN_LOCAL_ACTORS)
		return snprintf(why, n, "only %d local actors (at least %d needed)", (int)d->v->nl,
		                CM__MIN_LOCAL_ACTORS),
		       1;
	if (ties < CM__MIN_LOCAL_TIES)
		return snprintf(why, n, "only %d tie%s involve%s local actors (at least %d needed)",
		                (int)ties, ties == 1 ? "" : "s", ties == 1 ? "s" : "",
		                CM__MIN_LOCAL_TIES),
		       1;
	return 0;
}

/* A type that lacks the attributes or relations it needs cannot be judged:
 * its gate fails and its score is undefined. Returns how many can be. */
static int judge(cm__verdict *out, const cm__cdata *d)
{
	char need[96];
	int judged = 0;
	size_t len = 0;
	for (int t = 0; t < CM__TYPES; t++) {
		out->judged[t] = cm__type_judgeable(need, sizeof(need), &d->counts, t);
		judged += out->judged[t];
		if (out->judged[t])
			continue;
		out->gate[t] = 0;
		out->score[t] = NAN;
		snprintf(out->why[t], sizeof(out->why[t]), "cannot be judged: %s", need);
		if (len < sizeof(out->unclassified_why) && !strstr(out->unclassified_why, need))
			len += (size_t)snprintf(out->unclassified_why + len,
			                        sizeof(out->unclassified_why) - len, "%s%s",
			                        len ? "; " : "no type can be judged: ", need);
	}
	if (judged)
		*out->unclassified_why = 0;
	return judged;
}

static void gates(cm__verdict *out, const cm__ind_value *ind, const cm__cdata *d)
{
	if (too_little(out->unclassified_why, sizeof(out->unclassified_why), d)) {
		/* No gate can be judged: each fails for the same stated reason. */
		for (int t = 0; t < CM__TYPES; t++)
			snprintf(out->why[t], sizeof(out->why[t]), "%s", out->unclassified_why);
		return;
	}
	out->gate[CM__T_ITALIANATE] = gate_italianate(out->why[0], sizeof(out->why[0]), ind);
	out->gate[CM__T_HUB] = gate_hub(out->why[1], sizeof(out->why[1]), ind, d);
	out->gate[CM__T_SATELLITE] = gate_satellite(out->why[2], sizeof(out->why[2]), ind);
	out->gate[CM__T_STATE] = gate_state(out->why[3], sizeof(out->why[3]), ind, d);
	if (!judge(out, d))
		return;
	if (!(out->gate[0] || out->gate[1] || out->gate[2] || out->gate[3]))
		snprintf(out->unclassified_why, sizeof(out->unclassified_why),
		         "no type's defining condition holds");
}

void cm__decide(cm__verdict *out, const cm__ind_value *ind, const cm__cdata *d, double margin)
{
	memset(out, 0, sizeof(*out));
	double dominance, external;
	cm__hub_buying(&dominance, &external, d);
	out->external_hub = external > 0.5;
	out->best = -1;
	out->hybrid[0] = out->hybrid[1] = -1;
	for (int t = 0; t < CM__TYPES; t++)
		out->score[t] = score(ind, t);
	gates(out, ind, d);
	int second = -1;
	for (int t = 0; t < CM__TYPES; t++) {
		if (!out->gate[t])
			continue;
		if (out->best < 0 || out->score[t] > out->score[out->best])
			second = out->best, out->best = t;
		else if (second < 0 || out->score[t] > out->score[second])
			second = t;
	}
	if (out->best < 0) {
		out->type = -2;
		return;
	}
	out->margin = out->score[out->best] - (second >= 0 ? out->score[second] : -1.0);
	out->type = out->best;
	out->lead = 2;
	for (int t = 0; t < CM__TYPES; t++)
		if (t != out->best && out->score[out->best] - out->score[t] < out->lead)
			out->lead = out->score[out->best] - out->score[t];
	if (second >= 0 && out->margin < margin) {
		out->type = -1;
		out->hybrid[0] = out->best;
		out->hybrid[1] = second;
	}
}

const char *cm__verdict_name(const cm__verdict *v)
{
	if (v->type == -1)
		return "hybrid";
	if (v->type < 0)
		return "unclassified";
	return cm__type_names[v->type];
}

int cm__verdict_same(const cm__verdict *a, const cm__verdict *b)
{
	if (a->type != b->type)
		return 0;
	if (a->type != -1)
		return 1;
	return (a->hybrid[0] == b->hybrid[0] && a->hybrid[1] == b->hybrid[1]) ||
	       (a->hybrid[0] == b->hybrid[1] && a->hybrid[1] == b->hybrid[0]);
}
