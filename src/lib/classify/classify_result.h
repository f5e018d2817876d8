/* SPDX-License-Identifier: MIT */
/* The classification result, shared by classify.c (which fills it) and
 * report_classify.c (which writes it); no igraph here, no jansson. */
#ifndef CM_CLASSIFY_RESULT_H
#define CM_CLASSIFY_RESULT_H

#include "core/internal.h"

#define CM__MAX_INDICATORS 64
#define CM__MAX_DRIVERS    5
#define CM__MAX_FLIPS      16

/* The changes a sensitivity rerun makes (docs/classification.md,
 * "Sensitivity"); the coding changes come first. */
enum { CM__S_BANDS, CM__S_DIRECTION, CM__S_FILL, CM__S_ACTOR, CM__S_TIES, CM__S_KINDS };

/* One rerun whose verdict differs from the network's. */
typedef struct cm__flip {
	int kind;  /* CM__S_* */
	int which; /* bands +1/-1; direction: 0 supplier, 1 information; fill 0..3;
	              actor: network node; ties: replicate */
	cm_cluster_type type, hybrid[2]; /* the verdict it flips to */
} cm__flip;

typedef struct cm__sensitivity {
	int done; /* 0 when no rerun ran (stability 0, or too little to classify) */
	size_t runs[CM__S_KINDS], flips[CM__S_KINDS];
	size_t local_actors; /* the actors a drop was drawn from */
	cm__flip flip[CM__MAX_FLIPS];
	size_t nflip; /* stored, the first CM__MAX_FLIPS in the order of the kinds */
} cm__sensitivity;

/* "dropping 'Cantina A'", "reversing the supplier ties", ... */
void cm__flip_change(char *out, size_t n, const cm_network *net, const cm__flip *f);
/* "size_bands", "direction", "fill", "actor", "ties". */
const char *cm__flip_kind_name(int kind);
/* "italianate", "hybrid of italianate and hub_and_spoke", "unclassified". */
void cm__flip_verdict(char *out, size_t n, const cm__flip *f);

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
	char p_method[CM__MAX_INDICATORS][48];
	double margin;
	cm_confidence level;
	double confidence, margin_part, stability, completeness;
	const char *limited_by;
	char limit[192]; /* the limiting quantity in words ("lead 0.12 over hub_and_spoke") */
	double lead;     /* best score minus the best other score, any type; NaN unclassified */
	int lead_over;   /* the type it is taken over, -1 none */
	cm__sensitivity sens;
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
