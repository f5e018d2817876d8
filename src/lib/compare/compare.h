/* SPDX-License-Identifier: MIT */
/* Private structures of the comparison over time (compare.c, ties.c,
 * qap.c, slice.c, timeline.c) and their report writers (report_compare.c). */
#ifndef CM_COMPARE_H
#define CM_COMPARE_H

#include "core/internal.h"

/* One actor of either snapshot, identified by its match key. */
typedef struct cm__actor {
	const char *key;     /* borrowed from the snapshot that has it */
	size_t old_i, new_i; /* node index in each snapshot, SIZE_MAX when absent */
} cm__actor;

/* A tie between two actors (indices into cm_diff.actors, which are sorted by
 * key); for an undirected layer a < b. */
typedef struct cm__tie {
	size_t a, b;
} cm__tie;

typedef struct cm__layer_diff {
	const char *name; /* borrowed from a snapshot, or "all" */
	int directed;
	int in_old, in_new; /* the layer exists in the snapshot */
	cm__tie *ties[CM_CHANGE_COUNT];
	size_t count[CM_CHANGE_COUNT];
	double jaccard;
	cm_qap qap;
} cm__layer_diff;

typedef struct cm__measure_change {
	const char *layer, *name; /* borrowed */
	double old_value, new_value;
} cm__measure_change;

struct cm_diff {
	const cm_network *old_net, *new_net; /* borrowed: must outlive the diff */
	const char *match_by;                /* NULL: node id */
	cm__actor *actors;                   /* union of both snapshots, by key */
	size_t nactors;
	size_t *by_change[CM_CHANGE_COUNT]; /* actor indices with each change */
	size_t count[CM_CHANGE_COUNT];
	cm__layer_diff *layers;
	size_t nlayers;
	cm__measure_change *measures;
	size_t nmeasures;
	cm_metrics *old_m, *new_m; /* owned when the diff computed them */
	cm_classification *cls[2]; /* old, new; owned; NULL when not classified */
};

/* A layer's tie set of one snapshot as sorted, distinct actor pairs. */
typedef struct cm__tieset {
	cm__tie *ties;
	size_t count;
} cm__tieset;

/* CM_EINVAL unless opts and the options it holds are of known versions. */
int cm__compare_opts_check(cm_ctx *ctx, const cm_compare_opts *opts);

/* Builds the actor table and the tie changes of every layer, on the layer
 * views of layers.c (self-loops dropped, parallel ties merged). No measures,
 * no QAP. */
int cm__diff_structure(cm_diff *d, cm_ctx *ctx);

/* QAP between two tie sets over n actors, given as index pairs in [0, n). */
int cm__qap(cm_qap *out, cm_ctx *ctx, const cm__tie *x, size_t nx, const cm__tie *y, size_t ny,
            size_t n, int directed, unsigned long permutations, unsigned long seed);

/* A diff without measures (actors, ties, QAP); the caller may add them with
 * cm__diff_measures. */
int cm__diff_new(cm_diff **out, cm_ctx *ctx, const cm_network *old_net, const cm_network *new_net,
                 const cm_compare_opts *opts);

/* Fills d->measures from two computed metrics objects. */
int cm__diff_measures(cm_diff *d, cm_ctx *ctx, const cm_metrics *old_m, const cm_metrics *new_m);

/* A printable name of snapshot net (label, year, graph id or "#index+1"). */
const char *cm__snapshot_name(char *buf, size_t size, const cm_network *net, size_t index);

struct cm_timeline {
	size_t count;
	const cm_network **nets; /* borrowed from the series */
	char **names;
	cm_metrics **metrics;
	cm_diff **diffs;         /* diffs[0] is NULL */
	cm_classification **cls; /* NULL entries when not classified */
	char *match_by;          /* NULL: node id */
};

/* Classifies one snapshot as opts ask (*out NULL when they skip it). */
int cm__classify_snapshot(cm_classification **out, cm_ctx *ctx, const cm_network *net, size_t index,
                          const cm_compare_opts *opts);

#endif
