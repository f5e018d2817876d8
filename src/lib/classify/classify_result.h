/* SPDX-License-Identifier: MIT */
/* The classification result, shared by classify.c (which fills it) and
 * report_classify.c (which writes it); no igraph here, no jansson. */
#ifndef CM_CLASSIFY_RESULT_H
#define CM_CLASSIFY_RESULT_H

#include "core/internal.h"

#define CM__MAX_INDICATORS 64
#define CM__MAX_DRIVERS    5

struct cm_classification {
	const cm_network *net;
	cm_cluster_type type;
	cm_cluster_type hybrid[2];
	double score[CM_TYPE_SCORED_COUNT];
	int gate[CM_TYPE_SCORED_COUNT];
	char gate_why[CM_TYPE_SCORED_COUNT][384];
	char why[384];
	char what_to_add[384];                /* "" when every type could be judged */
	char unrecorded[64];                  /* relations not in the file, comma-separated */
	char capped_by[64];                   /* the verdict's defining relations not recorded */
	char ind_why[CM__MAX_INDICATORS][80]; /* why an indicator is undefined */
	double margin;
	cm_confidence level;
	double confidence, margin_part, stability, completeness;
	const char *limited_by;
	size_t stability_runs;
	size_t nind;
	cm_indicator ind[CM__MAX_INDICATORS];
	size_t drivers[CM__MAX_DRIVERS], ndrivers;
	const char *enright, *ams, *efficiency;
	unsigned *roles;  /* per network node */
	int top_buyer[3]; /* network nodes, -1 when fewer */
	double top_buyer_share[3];
	int top_broker[3];
	int exact_betweenness;
	unsigned long seed;
	size_t replicates;
};

#endif
