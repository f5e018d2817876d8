/* SPDX-License-Identifier: MIT */
/* The computed measures of a network, shared by the metrics files and their
 * report writer. Plain numbers only: no igraph or jansson types here. */
#ifndef CM_METRICS_H
#define CM_METRICS_H

#include "core/internal.h"

/* Network-level measures, in the order of cm_metrics_network_names(). */
enum {
	CM__NM_NODES,
	CM__NM_EDGES,
	CM__NM_DENSITY,
	CM__NM_COMPONENTS,
	CM__NM_LARGEST_SHARE,
	CM__NM_ISOLATES,
	CM__NM_RECIPROCITY,
	CM__NM_DYAD_RECIPROCITY,
	CM__NM_TRANSITIVITY,
	CM__NM_TRANSITIVITY_DIRECTED,
	CM__NM_AVERAGE_CLUSTERING,
	CM__NM_ASSORTATIVITY,
	CM__NM_DIAMETER,
	CM__NM_AVERAGE_PATH_LENGTH,
	CM__NM_MAX_CORENESS,
	CM__NM_HIERARCHY,
	CM__NM_C_DEGREE,
	CM__NM_C_IN_DEGREE,
	CM__NM_C_OUT_DEGREE,
	CM__NM_C_BETWEENNESS,
	CM__NM_C_CLOSENESS,
	CM__NM_C_EIGENVECTOR,
	CM__NM_COUNT
};

/* Actor-level measures, in the order of cm_metrics_actor_names(). */
enum {
	CM__AM_DEGREE,
	CM__AM_IN_DEGREE,
	CM__AM_OUT_DEGREE,
	CM__AM_STRENGTH,
	CM__AM_BETWEENNESS,
	CM__AM_BETWEENNESS_NORM,
	CM__AM_CLOSENESS,
	CM__AM_HARMONIC,
	CM__AM_EIGENVECTOR,
	CM__AM_PAGERANK,
	CM__AM_CORENESS,
	CM__AM_CONSTRAINT,
	CM__AM_EFFECTIVE_SIZE,
	CM__AM_COORDINATOR,
	CM__AM_ITINERANT,
	CM__AM_GATEKEEPER,
	CM__AM_REPRESENTATIVE,
	CM__AM_LIAISON,
	CM__AM_COMMUNITY,
	CM__AM_COUNT
};

/* Names of the measures, indexed by the enums above. */
extern const char *const cm__network_names[CM__NM_COUNT + 1];
extern const char *const cm__actor_names[CM__AM_COUNT + 1];

/* How betweenness or closeness was computed: sources == 0 means exactly. */
typedef struct cm__mlayer_sampling {
	size_t sources;
	double std_error;
} cm__mlayer_sampling;

/* The E-I index of a layer (see groups.h for the definitions). */
typedef struct cm__mlayer_ei {
	int present;
	double external, internal, ei, min, max, expected;
	double p_value, p_lower, p_upper; /* two-sided, EI* <= EI, EI* >= EI */
	unsigned long permutations;
} cm__mlayer_ei;

/* Core/periphery of a layer; core holds network node indices. */
typedef struct cm__mlayer_cp {
	int present;
	size_t *core, core_size;
	double fit, density[2][2];
	int exact; /* found by exhaustive search */
	/* Local-search starts run, and asked for (fewer on large layers); 0
	 * when exact. */
	unsigned long starts, starts_asked;
} cm__mlayer_cp;

typedef struct cm__mlayer {
	const char *name; /* borrowed from the network, or "all" */
	int directed;
	double value[CM__NM_COUNT];
	double *actor[CM__AM_COUNT]; /* network node count entries each */
	cm__mlayer_sampling betweenness, closeness;
	cm__mlayer_sampling paths;     /* diameter and average path length */
	cm__mlayer_sampling hierarchy; /* reachability counts */
	cm__mlayer_ei ei;
	cm__mlayer_cp cp;
	/* The actor block lies in the metrics' shared block (layers measured in
	 * worker processes write it in place): never sent, never freed alone. */
	int shared;
} cm__mlayer;

struct cm_metrics {
	const cm_network *net; /* borrowed: must outlive the measures */
	char *groups;          /* grouping attribute for E-I and brokerage */
	int weighted, inside_only;
	unsigned long seed;
	size_t nlayers;
	cm__mlayer *layers;
	double *shared; /* the actor blocks of layers measured in workers */
	size_t shared_size;
};

#endif
