/* SPDX-License-Identifier: MIT */
/* cm_classify(): indicators, verdict, confidence, secondary readings and
 * actor roles for one network. */
#include "classify.h"
#include "classify_result.h"

#include <math.h>
#include <string.h>

/* Documented defaults (docs/classification.md). */
#define DEFAULT_REPLICATES    99
#define DEFAULT_STABILITY     20
#define ROLE_HUB_SHARE        0.10 /* of local supply ties */
#define ROLE_GATEKEEPER_SHARE 0.10 /* of the region's ties to outside actors */
#define CONFIDENCE_HIGH       0.70
#define CONFIDENCE_MEDIUM     0.40
/* A verdict whose defining relation was never recorded is at most medium:
 * this part sits in the middle of the medium band. */
#define CONFIDENCE_UNRECORDED ((CONFIDENCE_HIGH + CONFIDENCE_MEDIUM) / 2)
/* A verdict that some sensitivity change flips is at most medium, likewise. */
#define CONFIDENCE_FLIP ((CONFIDENCE_HIGH + CONFIDENCE_MEDIUM) / 2)
/* A hub district whose hubs are mostly externally owned is also a
 * satellite platform's (Markusen: the platform's "key investment decisions
 * made externally"): at most medium, in the middle of the band. */
#define CONFIDENCE_EXTERNAL_HUB ((CONFIDENCE_HIGH + CONFIDENCE_MEDIUM) / 2)
/* Strongest evidence: a null model must find the value unlikely. */
#define EVIDENCE_ALPHA       0.05
#define ENRIGHT_MASS         20  /* local firms for a critical mass */
#define ENRIGHT_DEGREE       2.0 /* mean local ties per local actor for interaction */
#define ENRIGHT_FRAGMENTED   0.30
#define AMS_SURVIVAL_SMALL   0.80 /* micro and small share of local firms */
#define AMS_SURVIVAL_OUTSIDE 0.30
#define AMS_TNC              0.50
#define AMS_FORDIST_TOP      0.20 /* the large top buyer's share of local supply ties */
#define CE_REACH             CM__GATE_ITALIANATE_REACH
#define CE_COVERAGE          0.30
#define CE_MULTIPLEX         0.10

int cm_classify_opts_init(cm_classify_opts *opts, unsigned int version)
{
	static const cm_classify_opts defaults = CM_CLASSIFY_OPTS_INIT;
	_Static_assert(DEFAULT_REPLICATES == 99 && DEFAULT_STABILITY == 20,
	               "CM_CLASSIFY_OPTS_INIT gives the defaults");
	if (version != CM_CLASSIFY_OPTS_VERSION)
		return CM_EINVAL;
	*opts = defaults;
	return 0;
}

/* ------------------------------------------------------------ confidence */

/* How far the pair of a hybrid stands above the other types. */
static double gap_to_third(const cm__verdict *v)
{
	double third = -1;
	for (int t = 0; t < CM__TYPES; t++)
		if (t != v->hybrid[0] && t != v->hybrid[1] && v->score[t] > third)
			third = v->score[t];
	return v->score[v->hybrid[1]] - third;
}

/* The type the verdict leads by least (the third type for a hybrid). */
static int lead_over(const cm__verdict *v)
{
	int best = v->type >= 0 ? v->type : v->hybrid[0], over = -1;
	for (int t = 0; t < CM__TYPES; t++)
		if (t != best && !(v->type == -1 && t == v->hybrid[1]) && !isnan(v->score[t]) &&
		    (over < 0 || v->score[t] > v->score[over]))
			over = t;
	return over;
}

/* The sensitivity part: the share of actor and tie drops that keep the
 * verdict, and at most the middle of the medium band when any change
 * flips it (one coding choice or one actor should not leave it "high").
 * A reversed relation is a check of the coding, not an uncertainty: a
 * supply-based type flips under it by construction, so it is listed but
 * does not lower confidence. */
static double sensitivity_part(const cm_classification *c)
{
	const cm__sensitivity *s = &c->sens;
	if (!s->done)
		return NAN;
	double part = isnan(c->stability) ? 1 : c->stability;
	size_t flips = 0;
	for (int k = 0; k < CM__S_KINDS; k++)
		flips += k == CM__S_DIRECTION ? 0 : s->flips[k];
	return flips && part > CONFIDENCE_FLIP ? CONFIDENCE_FLIP : part;
}

/* The limiting quantity in words, with the value that was used. */
static void limit_words(cm_classification *c, int k)
{
	char change[160], to[64];
	const cm__sensitivity *s = &c->sens;
	size_t more = 0, first = 0;
	switch (k) {
	case 0:
		if (c->lead_over < 0)
			snprintf(c->limit, sizeof(c->limit), "lead %.3g", c->lead);
		else
			snprintf(c->limit, sizeof(c->limit), "lead %.3g over %s", c->lead,
			         cm__type_names[c->lead_over]);
		break;
	case 1:
		while (first < s->nflip && s->flip[first].kind == CM__S_DIRECTION)
			first++;
		if (first == s->nflip) /* only reversals flip (beyond the stored ones) */
			first = 0;
		cm__flip_change(change, sizeof(change), c->net, &s->flip[first]);
		cm__flip_verdict(to, sizeof(to), &s->flip[first]);
		for (int j = 0; j < CM__S_KINDS; j++)
			more += j == CM__S_DIRECTION ? 0 : s->flips[j];
		snprintf(c->limit, sizeof(c->limit), "%.100s flips to %.60s%s", change, to,
		         more > 1 ? " (and other changes)" : "");
		if (!s->nflip)
			snprintf(c->limit, sizeof(c->limit), "%.0f%% of actor and tie drops agree",
			         100 * c->stability);
		break;
	case 2:
		snprintf(c->limit, sizeof(c->limit), "attributes %.0f%% complete",
		         100 * c->completeness);
		break;
	case 3: snprintf(c->limit, sizeof(c->limit), "%s ties not recorded", c->capped_by); break;
	default:
		snprintf(c->limit, sizeof(c->limit),
		         "the hubs' buying is mostly by externally owned firms");
	}
}

/* The minimum of the lead (over every other type, eligible or not, scaled
 * by CM__MARGIN_FULL), the sensitivity, the completeness, the cap of an
 * unrecorded relation and that of an externally owned hub. An unclassified
 * network supports no type: its confidence is low by definition. */
static int reads_hub(const cm__verdict *v)
{
	return v->type == CM__T_HUB ||
	       (v->type == -1 && (v->hybrid[0] == CM__T_HUB || v->hybrid[1] == CM__T_HUB));
}

static void confidence(cm_classification *c, const cm__verdict *v)
{
	double parts[5] = {0, sensitivity_part(c), c->completeness,
	                   *c->capped_by ? CONFIDENCE_UNRECORDED : NAN,
	                   v->external_hub && reads_hub(v) ? CONFIDENCE_EXTERNAL_HUB : NAN};
	static const char *const names[5] = {"lead", "sensitivity", "completeness",
	                                     "unrecorded relations", "external hub"};
	c->lead_over = v->type >= -1 ? lead_over(v) : -1;
	c->lead = v->type >= 0 ? v->lead : v->type == -1 ? gap_to_third(v) : NAN;
	/* A type ruled out by its gate may score above the verdict: a negative
	 * lead is no margin at all, and confidence stays within [0, 1]. */
	parts[0] = !(c->lead > 0) ? 0 : c->lead >= CM__MARGIN_FULL ? 1 : c->lead / CM__MARGIN_FULL;
	c->margin_part = parts[0];
	c->confidence = 1;
	/* Of equal parts, the one that says most is named: the external hub
	 * before a sensitivity flip (often the hub's own size band). */
	static const int order[5] = {0, 4, 1, 2, 3};
	int limit = 0;
	for (int j = 0; j < 5; j++) {
		int k = order[j];
		if (!isnan(parts[k]) && parts[k] < c->confidence)
			c->confidence = parts[k], limit = k;
	}
	c->limited_by = names[limit];
	limit_words(c, limit);
	if (v->type == -2) {
		c->confidence = 0, c->limited_by = "gates";
		snprintf(c->limit, sizeof(c->limit), "no type is eligible (see why)");
	}
	c->level = c->confidence >= CONFIDENCE_HIGH     ? CM_CONFIDENCE_HIGH
	           : c->confidence >= CONFIDENCE_MEDIUM ? CM_CONFIDENCE_MEDIUM
	                                                : CM_CONFIDENCE_LOW;
}

/* ------------------------------------------------------------ secondary */

static int is_policy(const cm__node *nd)
{
	return nd->kind == CM_KIND_GOVERNMENT || nd->kind == CM_KIND_CLUSTER_ORG;
}

/* Whether policy bodies are the actor with most local ties, or most of
 * those tied for most (the rule of cm__top_first). */
static int policy_leads(cm_ctx *ctx, const cm__cdata *d, int *policy)
{
	igraph_vector_int_t deg;
	int rc = cm__degrees(&deg, ctx, d->g[CM__G_ALL], IGRAPH_ALL);
	if (rc)
		return rc;
	igraph_integer_t n = igraph_vector_int_size(&deg);
	igraph_integer_t best = n ? igraph_vector_int_max(&deg) : 0;
	int tied = 0, hits = 0;
	for (igraph_integer_t v = 0; best > 0 && v < n; v++)
		if (VECTOR(deg)[v] == best)
			tied++, hits += is_policy(cm__lnode(d, v));
	igraph_vector_int_destroy(&deg);
	*policy = 2 * hits > tied;
	return 0;
}

static int enright(cm_classification *c, cm_ctx *ctx, const cm__cdata *d, const cm__ind_value *ind)
{
	int policy;
	if (!(d->counts.given & CM_HAS_KIND)) {
		c->enright = "unknown"; /* every actor would count as a firm */
		return 0;
	}
	int rc = policy_leads(ctx, d, &policy);
	if (rc)
		return rc;
	double nl = (double)d->v->nl, frag = ind[CM__I_FRAGMENTATION].value;
	double degree = nl > 0 ? 2.0 * (double)igraph_ecount(d->g[CM__G_ALL]) / nl : 0;
	int mass = ind[CM__I_LOCAL_FIRMS].value >= ENRIGHT_MASS;
	int interaction = degree >= ENRIGHT_DEGREE && frag <= ENRIGHT_FRAGMENTED;
	if (policy && !mass)
		c->enright = interaction ? "policy_driven" : "wishful_thinking";
	else if (mass)
		c->enright = interaction ? "working" : "latent";
	else
		c->enright = "potential";
	return 0;
}

static double micro_small_share(const cm__cdata *d)
{
	double sized = 0, small = 0;
	for (igraph_integer_t v = 0; v < d->v->nl; v++) {
		const cm__node *nd = cm__lnode(d, v);
		if (nd->kind != CM_KIND_FIRM || nd->size == CM_SIZE_UNKNOWN)
			continue;
		sized++;
		small += nd->size == CM_SIZE_MICRO || nd->size == CM_SIZE_SMALL;
	}
	return sized > 0 ? small / sized : NAN;
}

static void secondary(cm_classification *c, const cm__cdata *d, const cm__ind_value *ind)
{
	/* A reading that rests on what the file does not give is unknown. */
	if (!(d->counts.given & (CM_HAS_SIZE | CM_HAS_OWNERSHIP))) {
		c->ams = "unknown";
		c->efficiency = "unknown";
		return;
	}
	double ext = ind[CM__I_EXTERNAL_OWNERSHIP].value,
	       tb_ext = ind[CM__I_TOP_BUYERS_EXTERNAL].value;
	double large = ind[CM__I_LARGE_SHARE].value;
	double out = ind[CM__I_OUTSIDE_SHARE].value;
	if (ext >= AMS_TNC || tb_ext >= AMS_TNC)
		c->ams = "transnational";
	else if (cm__top_first(d, &d->buyers, cm__is_large) &&
	         ind[CM__I_BUYER_TOP1].value >= AMS_FORDIST_TOP)
		c->ams = "fordist";
	else if (micro_small_share(d) >= AMS_SURVIVAL_SMALL && !(large > 0) &&
	         !(out >= AMS_SURVIVAL_OUTSIDE))
		c->ams = "survival";
	else
		c->ams = "none";
	double reach = ind[CM__I_SME_REACH].value, cov = ind[CM__I_ASSOC_COVERAGE].value;
	double mx = ind[CM__I_MULTIPLEXITY].value;
	int joint = reach >= CE_REACH && (cov >= CE_COVERAGE || mx >= CE_MULTIPLEX);
	/* Passive needs the evidence of joint action to be absent, not unknown. */
	int unknown = isnan(reach) || (!joint && reach >= CE_REACH && isnan(cov) && isnan(mx));
	c->efficiency = unknown ? "unknown" : joint ? "active" : "passive";
}

/* ------------------------------------------------------------ roles */

static int gatekeepers(cm_classification *c, cm_ctx *ctx, const cm__cdata *d)
{
	const igraph_t *g = d->g[CM__G_ALL_FULL];
	double *count = cm__calloc((size_t)igraph_vcount(g) + 1, sizeof(double)), total = 0;
	if (!count)
		return cm__oom(ctx);
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		int a = d->v->vlocal[IGRAPH_FROM(g, e)], b = d->v->vlocal[IGRAPH_TO(g, e)];
		if ((a < 0) != (b < 0))
			count[a < 0 ? IGRAPH_TO(g, e) : IGRAPH_FROM(g, e)]++, total++;
	}
	for (igraph_integer_t v = 0; v < igraph_vcount(g); v++)
		if (total > 0 && count[v] >= 2 && count[v] / total >= ROLE_GATEKEEPER_SHARE)
			c->roles[d->fnode[v]] |= CM_ROLE_GATEKEEPER;
	cm__free(count);
	return 0;
}

/* The first three buyers and brokers are named; every actor with a place
 * among the top buyers and a large enough share is a hub. */
static void top_roles(cm_classification *c, const cm__cdata *d)
{
	double m = (double)igraph_ecount(d->g[CM__G_SUP]);
	for (int k = 0; k < 3; k++) {
		int v = d->buyers.top[k], b = d->brokers.top[k];
		c->top_buyer[k] = v >= 0 ? d->lnode[v] : -1;
		c->top_broker[k] = b >= 0 ? d->lnode[b] : -1;
		c->top_buyer_share[k] = v >= 0 && m > 0 ? d->indegree[v] / m : NAN;
	}
	for (igraph_integer_t v = 0; m > 0 && v < d->v->nl; v++)
		if (d->buyers.place[v] > 0 && d->indegree[v] / m >= ROLE_HUB_SHARE)
			c->roles[d->lnode[v]] |= CM_ROLE_HUB;
}

static int roles(cm_classification *c, cm_ctx *ctx, cm__cdata *d)
{
	const cm__core_periphery *cp;
	c->roles = cm__calloc(d->net->n + 1, sizeof(unsigned));
	if (!c->roles)
		return cm__oom(ctx);
	top_roles(c, d);
	int rc = gatekeepers(c, ctx, d);
	if (!rc)
		rc = cm__cdata_core(&cp, d, ctx);
	for (igraph_integer_t v = 0; !rc && cp && v < d->v->nl; v++)
		c->roles[d->lnode[v]] |= cp->core[v] ? CM_ROLE_CORE : CM_ROLE_PERIPHERY;
	return rc;
}

/* ------------------------------------------------------------ result */

/* The indicators that add most to the verdict's score, strongest first,
 * among those a null model finds unlikely by chance (p < EVIDENCE_ALPHA)
 * or that have no null model (shares of the actors' own attributes). */
static void drivers(cm_classification *c)
{
	unsigned char used[CM__MAX_INDICATORS] = {0};
	for (size_t i = 0; i < c->nind; i++)
		used[i] = c->ind[i].null && !(c->ind[i].p_value < EVIDENCE_ALPHA);
	c->ndrivers = 0;
	while (c->ndrivers < CM__MAX_DRIVERS) {
		size_t best = SIZE_MAX;
		for (size_t i = 0; i < c->nind; i++)
			if (!used[i] && c->ind[i].contribution > 0 &&
			    (best == SIZE_MAX ||
			     c->ind[i].contribution > c->ind[best].contribution))
				best = i;
		if (best == SIZE_MAX)
			break;
		used[best] = 1;
		c->drivers[c->ndrivers++] = best;
	}
}

/* Relations the file lacks, and those of them the verdict rests on. */
static void unrecorded(cm_classification *c, const cm__verdict *v, const cm__cdata *d)
{
	static const char *const names[3] = {"supplier", "information", "association"};
	size_t len = 0;
	for (int r = 0; r < 3; r++)
		if (!d->counts.recorded[r])
			len += (size_t)snprintf(c->unrecorded + len, sizeof(c->unrecorded) - len,
			                        "%s%s", len ? ", " : "", names[r]);
	int t = v->type >= 0 ? v->type : v->type == -1 ? v->hybrid[0] : -1;
	if (t >= 0)
		cm__type_unrecorded(c->capped_by, sizeof(c->capped_by), &d->counts, t);
	if (v->type == -1 && !*c->capped_by)
		cm__type_unrecorded(c->capped_by, sizeof(c->capped_by), &d->counts, v->hybrid[1]);
	int judged = 0;
	for (int k = 0; k < CM__TYPES; k++)
		judged += v->judged[k];
	if (judged < CM__TYPES)
		cm__what_to_add(c->what_to_add, sizeof(c->what_to_add), &d->counts);
}

/* "exact hypergeometric" or "permutation, 99 replicates"; NULL without a
 * p-value. */
static void p_method(cm_classification *c, const cm__ind_value *ind, size_t i)
{
	const cm__ind_def *def = &cm__ind_defs[i];
	if (!c->ind[i].null || isnan(ind[i].null.p)) {
		c->ind[i].p_value = NAN;
		return;
	}
	if (ind[i].exact)
		snprintf(c->p_method[i], sizeof(c->p_method[i]), "exact hypergeometric");
	else
		snprintf(c->p_method[i], sizeof(c->p_method[i]), "%s, %zu replicates",
		         def->null == CM__NULL_TIERS ? "same tiers" : cm__null_name(def->null),
		         ind[i].null.count);
	c->ind[i].p_method = c->p_method[i];
}

static void fill(cm_classification *c, const cm__verdict *v, const cm__ind_value *ind,
                 const cm__cdata *d)
{
	unrecorded(c, v, d);
	static const cm_cluster_type special[] = {CM_TYPE_UNCLASSIFIED, CM_TYPE_HYBRID};
	int best = v->type >= 0 ? v->type : v->type == -1 ? v->hybrid[0] : -1;
	c->type = v->type >= 0 ? (cm_cluster_type)v->type : special[v->type + 2];
	c->hybrid[0] = v->type == -1 ? (cm_cluster_type)v->hybrid[0] : CM_TYPE_HYBRID;
	c->hybrid[1] = v->type == -1 ? (cm_cluster_type)v->hybrid[1] : CM_TYPE_HYBRID;
	c->margin = v->type == -2 ? NAN : v->margin;
	snprintf(c->why, sizeof(c->why), "%s", v->unclassified_why);
	for (int t = 0; t < CM__TYPES; t++) {
		c->score[t] = v->score[t];
		c->gate[t] = v->gate[t];
		snprintf(c->gate_why[t], sizeof(c->gate_why[t]), "%s", v->gate[t] ? "" : v->why[t]);
	}
	c->nind = CM__I_COUNT;
	for (size_t i = 0; i < CM__I_COUNT; i++) {
		const cm__ind_def *def = &cm__ind_defs[i];
		c->ind[i] = (cm_indicator){def->id,
		                           def->name,
		                           def->layer,
		                           ind[i].value,
		                           ind[i].z,
		                           cm__null_name(def->null),
		                           ind[i].null.mean,
		                           ind[i].null.sd,
		                           best >= 0 ? cm__contribution(ind, i, best) : 0,
		                           ind[i].null.p,
		                           NULL};
		if (def->null == CM__NULL_NONE || isnan(ind[i].null.mean))
			c->ind[i].null = NULL;
		p_method(c, ind, i);
		snprintf(c->ind_why[i], sizeof(c->ind_why[i]), "%s", ind[i].why);
	}
	c->completeness = ind[CM__I_COMPLETENESS].value;
	drivers(c);
}

static int classify(cm_classification *c, cm_ctx *ctx, const cm_network *net,
                    const cm_classify_opts *o)
{
	cm__cview v;
	cm__cdata d;
	cm__ind_value ind[CM__I_COUNT];
	cm__verdict verdict;
	int rc = cm__cview_build(&v, ctx, net);
	if (rc)
		return rc;
	if (!(rc = cm__cdata_init(&d, ctx, &v, o->seed))) {
		rc = cm__indicators(ind, ctx, &d, o->replicates, o->seed);
		if (!rc) {
			cm__decide(&verdict, ind, &d, o->hybrid_margin);
			fill(c, &verdict, ind, &d);
			secondary(c, &d, ind);
			c->exact_betweenness = d.exact_betweenness;
			rc = enright(c, ctx, &d, ind);
		}
		if (!rc)
			rc = roles(c, ctx, &d);
		cm__cdata_free(&d);
	}
	if (!rc)
		rc = cm__sensitivity_run(c, ctx, &v, &verdict, o);
	if (!rc)
		confidence(c, &verdict);
	cm__cview_free(&v);
	return rc;
}

int cm_classify(cm_classification **out, cm_ctx *ctx, const cm_network *net,
                const cm_classify_opts *opts)
{
	static const cm_classify_opts defaults = CM_CLASSIFY_OPTS_INIT;
	if (!opts)
		opts = &defaults;
	*out = NULL;
	if (cm__check_version(ctx, "cm_classify_opts", opts->version, CM_CLASSIFY_OPTS_VERSION))
		return CM_EINVAL;
	if (!(opts->hybrid_margin >= 0 && opts->hybrid_margin <= 2))
		return cm__error(ctx, CM_EINVAL, "error: hybrid margin must be in [0, 2]");
	if (opts->replicates > CM_CLASSIFY_MAX_REPLICATES ||
	    opts->stability > CM_CLASSIFY_MAX_REPLICATES)
		return cm__error(
		    ctx, CM_EINVAL, "error: %zu %s replicates asked for; at most %d are allowed",
		    opts->replicates > CM_CLASSIFY_MAX_REPLICATES ? opts->replicates
		                                                  : opts->stability,
		    opts->replicates > CM_CLASSIFY_MAX_REPLICATES ? "null-model" : "stability",
		    CM_CLASSIFY_MAX_REPLICATES);
	cm_classification *c = cm__calloc(1, sizeof(*c));
	if (!c)
		return cm__oom(ctx);
	c->net = net;
	c->seed = opts->seed;
	c->replicates = opts->replicates;
	cm__igraph_scope scope;
	int rc = cm__igraph_enter(&scope, ctx);
	if (rc == 0)
		rc = classify(c, ctx, net, opts);
	cm__igraph_leave(&scope);
	cm__progress(ctx, "classify", 1.0);
	if (rc) {
		cm_classification_free(c);
		return rc;
	}
	*out = c;
	return 0;
}

void cm_classification_free(cm_classification *c)
{
	if (!c)
		return;
	cm__free(c->roles);
	cm__free(c);
}
