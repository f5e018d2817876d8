/* SPDX-License-Identifier: MIT */
/* Accessors of a classification (the public API around classify.c). */
#include "classify_result.h"

#include <math.h>
#include <string.h>

const char *cm_cluster_type_name(cm_cluster_type type)
{
	static const char *const names[] = {"italianate",     "hub_and_spoke", "satellite_platform",
	                                    "state_anchored", "hybrid",        "unclassified"};
	_Static_assert(CM__ARRAY_LEN(names) == CM_TYPE_COUNT, "a name per cm_cluster_type");
	_Static_assert(CM_TYPE_UNCLASSIFIED + 1 == CM_TYPE_COUNT, "CM_TYPE_COUNT ends the enum");
	_Static_assert(CM_TYPE_STATE_ANCHORED + 1 == CM_TYPE_SCORED_COUNT,
	               "the scored types first");
	return (unsigned)type < CM__ARRAY_LEN(names) ? names[type] : "unknown";
}

const char *cm_cluster_type_words(cm_cluster_type type)
{
	static const char *const words[] = {"Italianate",     "hub-and-spoke", "satellite platform",
	                                    "state-anchored", "hybrid",        "unclassified"};
	_Static_assert(CM__ARRAY_LEN(words) == CM_TYPE_COUNT, "words per cm_cluster_type");
	return (unsigned)type < CM__ARRAY_LEN(words) ? words[type] : "unknown";
}

const char *cm_confidence_name(cm_confidence level)
{
	switch (level) {
	case CM_CONFIDENCE_HIGH: return "high";
	case CM_CONFIDENCE_MEDIUM: return "medium";
	default: return "low";
	}
}

const char *cm_role_name(unsigned role)
{
	switch (role) {
	case CM_ROLE_HUB: return "hub";
	case CM_ROLE_GATEKEEPER: return "gatekeeper";
	case CM_ROLE_CORE: return "core";
	case CM_ROLE_PERIPHERY: return "periphery";
	default: return NULL;
	}
}

const cm_network *cm_classification_network(const cm_classification *c)
{
	return c->net;
}

cm_cluster_type cm_classification_type(const cm_classification *c)
{
	return c->type;
}

bool cm_classification_hybrid(cm_cluster_type *first, cm_cluster_type *second,
                              const cm_classification *c)
{
	if (c->type != CM_TYPE_HYBRID)
		return false;
	if (first)
		*first = c->hybrid[0];
	if (second)
		*second = c->hybrid[1];
	return true;
}

double cm_classification_score(const cm_classification *c, cm_cluster_type type)
{
	return (unsigned)type < CM_TYPE_SCORED_COUNT ? c->score[type] : NAN;
}

bool cm_classification_gate(const char **why_not, const cm_classification *c, cm_cluster_type type)
{
	if ((unsigned)type >= CM_TYPE_SCORED_COUNT) {
		if (why_not)
			*why_not = "";
		return false;
	}
	if (why_not)
		*why_not = c->gate_why[type];
	return c->gate[type] != 0;
}

const char *cm_classification_why(const cm_classification *c)
{
	return c->why;
}

double cm_classification_margin(const cm_classification *c)
{
	return c->margin;
}

cm_confidence cm_classification_confidence(double *score, const char **limited_by,
                                           const cm_classification *c)
{
	if (score)
		*score = c->confidence;
	if (limited_by)
		*limited_by = c->limited_by;
	return c->level;
}

double cm_classification_stability(const cm_classification *c)
{
	return c->stability;
}

size_t cm_classification_indicator_count(const cm_classification *c)
{
	return c->nind;
}

int cm_classification_indicator(cm_indicator *out, cm_ctx *ctx, const cm_classification *c,
                                size_t i)
{
	int rc = cm__check_index(ctx, "indicator", i, c->nind);
	if (!rc)
		*out = c->ind[i];
	return rc;
}

int cm_classification_find_indicator(size_t *out, const cm_classification *c, const char *id)
{
	for (size_t i = 0; i < c->nind; i++)
		if (!strcmp(c->ind[i].id, id))
			return *out = i, 0;
	return CM_ENOTFOUND;
}

size_t cm_classification_driver_count(const cm_classification *c)
{
	return c->ndrivers;
}

int cm_classification_driver(size_t *out, cm_ctx *ctx, const cm_classification *c, size_t k)
{
	int rc = cm__check_index(ctx, "driver", k, c->ndrivers);
	if (!rc)
		*out = c->drivers[k];
	return rc;
}

int cm_classification_find_secondary(const char **out, const cm_classification *c,
                                     const char *reading)
{
	if (!strcmp(reading, "enright"))
		*out = c->enright;
	else if (!strcmp(reading, "altenburg_meyer_stamer"))
		*out = c->ams;
	else if (!strcmp(reading, "collective_efficiency"))
		*out = c->efficiency;
	else
		return CM_ENOTFOUND;
	return 0;
}

int cm_classification_role(unsigned *out, cm_ctx *ctx, const cm_classification *c, size_t node)
{
	int rc = cm__check_index(ctx, "node", node, c->net->n);
	if (!rc)
		*out = c->roles ? c->roles[node] : 0;
	return rc;
}
