/* SPDX-License-Identifier: MIT */
/* Accessors of a classification (the public API around classify.c). */
#include "classify_result.h"

#include <math.h>
#include <string.h>

const char *cm_cluster_type_name(cm_cluster_type type)
{
	static const char *const names[] = {"italianate",     "hub_and_spoke", "satellite_platform",
	                                    "state_anchored", "hybrid",        "unclassified"};
	return (unsigned)type < CM__ARRAY_LEN(names) ? names[type] : "unknown";
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

int cm_classification_hybrid(cm_cluster_type *first, cm_cluster_type *second,
                             const cm_classification *c)
{
	if (c->type != CM_TYPE_HYBRID)
		return CM_EINVAL;
	*first = c->hybrid[0];
	*second = c->hybrid[1];
	return 0;
}

double cm_classification_score(const cm_classification *c, cm_cluster_type type)
{
	return (unsigned)type < CM_TYPE_COUNT ? c->score[type] : NAN;
}

int cm_classification_gate(const char **why_not, const cm_classification *c, cm_cluster_type type)
{
	if ((unsigned)type >= CM_TYPE_COUNT) {
		if (why_not)
			*why_not = "";
		return 0;
	}
	if (why_not)
		*why_not = c->gate_why[type];
	return c->gate[type];
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

int cm_classification_indicator(cm_indicator *out, const cm_classification *c, size_t i)
{
	if (i >= c->nind)
		return CM_ENOTFOUND;
	*out = c->ind[i];
	return 0;
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

size_t cm_classification_driver(const cm_classification *c, size_t k)
{
	return k < c->ndrivers ? c->drivers[k] : SIZE_MAX;
}

const char *cm_classification_secondary(const cm_classification *c, const char *reading)
{
	if (!strcmp(reading, "enright"))
		return c->enright;
	if (!strcmp(reading, "altenburg_meyer_stamer"))
		return c->ams;
	if (!strcmp(reading, "collective_efficiency"))
		return c->efficiency;
	return NULL;
}

unsigned cm_classification_role(const cm_classification *c, size_t node)
{
	return c->roles && node < c->net->n ? c->roles[node] : 0;
}
