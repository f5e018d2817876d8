/* SPDX-License-Identifier: MIT */
/* The classifier's internals: the network as it sees it (a view that node
 * jackknife and edge dropout can thin), the indicators and the decision
 * rules. Every formula, weight and default is in docs/classification.md. */
#ifndef CM_CLASSIFY_H
#define CM_CLASSIFY_H

#include "graph/groups.h"
#include "graph/nullmodel.h"

/* Graphs of a view. The *_FULL ones hold every actor; the others only the
 * actors located inside the region (local vertices). */
enum {
	CM__G_SUP_FULL,              /* supplier, directed seller -> buyer */
	CM__G_INFO_FULL,             /* information, directed when its ties are */
	CM__G_ASSOC_FULL,            /* association, undirected */
	CM__G_OTHER_FULL,            /* custom relations, undirected union */
	CM__G_BASE,                  /* the graphs above are the base that replicates thin */
	CM__G_ALL_FULL = CM__G_BASE, /* union of every layer, undirected */
	CM__G_SUP,                   /* local supplier ties */
	CM__G_INFO,                  /* local information ties, undirected */
	CM__G_ASSOC,                 /* local association ties */
	CM__G_ALL,                   /* local union, undirected */
	CM__G_SI,                    /* local supplier + information, undirected */
	CM__G_COUNT
};

/* Public bodies after Markusen's state-anchored type. */
#define CM__IS_PUBLIC(kind)                                                                        \
	((kind) == CM_KIND_GOVERNMENT || (kind) == CM_KIND_UNIVERSITY ||                           \
	 (kind) == CM_KIND_RESEARCH || (kind) == CM_KIND_TRAINING)
#define CM__IS_ORG(kind) ((kind) == CM_KIND_ASSOCIATION || (kind) == CM_KIND_CLUSTER_ORG)

typedef struct cm__cview {
	const cm_network *net;
	igraph_t g[CM__G_COUNT];
	unsigned char ok[CM__G_COUNT]; /* which graphs exist (to free) */
	igraph_integer_t n, nl;        /* all vertices; local vertices */
	int *node;                     /* vertex -> network node, n entries */
	int *local;                    /* local vertex -> vertex, nl entries */
	int *vlocal;                   /* vertex -> local vertex or -1, n entries */
	int has_layer[3];              /* by base slot: supplier, information, association */
	int info_directed;
} cm__cview;

/* The view of a network (its layers built by layers.c), its vertices and
 * ties in the canonical order of classify_canon.c. */
int cm__cview_build(cm__cview *out, cm_ctx *ctx, const cm_network *net);
/* Puts the base graphs of a view built in network order into the canonical
 * order, and node[] with them. */
int cm__cview_canonical(cm__cview *v, cm_ctx *ctx);
/* A replicate of in: without vertex drop (or -1), and with each tie of the
 * base layers dropped with probability dropout (igraph's default RNG). */
int cm__cview_derive(cm__cview *out, cm_ctx *ctx, const cm__cview *in, igraph_integer_t drop,
                     double dropout);
/* A copy of in with the ties of base graph slot reversed (when directed). */
int cm__cview_reverse(cm__cview *out, cm_ctx *ctx, const cm__cview *in, int slot);
void cm__cview_free(cm__cview *v);
/* Whether a view of net would have the graphs of v, its local actors and
 * its layers, whatever the order of vertices and ties (compared through
 * fingerprints, so a difference is missed with a chance near 2^-32). Sets
 * *same; returns 0 or a CM_E* code. */
int cm__cview_same_graphs(int *same, cm_ctx *ctx, const cm__cview *v, const cm_network *net);

/* -------------------------------------------------------------- indicators */

typedef enum {
	/* hierarchy and hub dominance (supplier) */
	CM__I_BUYER_TOP1,
	CM__I_BUYER_TOP3,
	CM__I_INDEG_CENTRALIZATION,
	CM__I_SUPPLIER_DEPENDENCE,
	CM__I_HIERARCHY,
	CM__I_SUPPLY_RECIPROCITY,
	CM__I_ASSORTATIVITY,
	/* identity of the hubs */
	CM__I_TOP_BUYERS_LARGE,
	CM__I_HUB_DOMINANCE,
	CM__I_TOP_BUYERS_EXTERNAL,
	CM__I_TOP_BUYERS_PUBLIC,
	CM__I_TOP_BROKERS_LARGE,
	CM__I_TOP_BROKERS_PUBLIC,
	/* horizontal cohesion (information) */
	CM__I_SME_DENSITY,
	CM__I_SME_DEGREE,
	CM__I_SME_REACH,
	CM__I_INFO_TRANSITIVITY,
	CM__I_INFO_RECIPROCITY,
	CM__I_MULTIPLEXITY,
	CM__I_CORE_FIT,
	CM__I_CORE_SME_SHARE,
	CM__I_ASSOC_COVERAGE,
	/* external orientation */
	CM__I_OUTSIDE_SHARE,
	CM__I_EI_LOCATION,
	CM__I_EXTERNAL_OWNERSHIP,
	CM__I_FRAGMENTATION,
	CM__I_OUTSIDE_CONCENTRATION,
	CM__I_BOUNDARY_BROKERAGE,
	/* public anchoring */
	CM__I_PUBLIC_TIE_SHARE,
	CM__I_PUBLIC_BETWEENNESS,
	CM__I_PUBLIC_BUYING,
	CM__I_PUBLIC_REACH,
	CM__I_ORG_DOMINANCE,
	/* size mixing and scale */
	CM__I_SIZE_EI,
	CM__I_LARGE_SHARE,
	CM__I_SME_SHARE,
	CM__I_LOCAL_FIRMS,
	CM__I_SUPPLIER_TIES,
	CM__I_INFORMATION_TIES,
	CM__I_ASSOCIATION_TIES,
	CM__I_COMPLETENESS,
	CM__I_COUNT
} cm__ind;

/* How an indicator is computed and compared with chance. */
typedef struct cm__ind_def {
	const char *id, *name, *layer;
	cm__null_kind null;
	int slot;         /* graph a G(n,m)/rewiring null replaces (CM__G_*) */
	int full;         /* a permutation null shuffles all actors, not only local ones */
	double mid, half; /* signal = clamp((value - mid) / half, -1, 1) */
	/* weight per type (italianate, hub_and_spoke, satellite_platform,
	 * state_anchored); the sign is the expected direction */
	int weight[4];
} cm__ind_def;

extern const cm__ind_def cm__ind_defs[CM__I_COUNT];

typedef struct cm__ind_value {
	double value, z;
	cm__null null;
	int exact;    /* null is the exact distribution (no replicates) */
	char why[80]; /* why the value is undefined, "" otherwise */
} cm__ind_value;

/* The three actors with the highest positive score, ties shared
 * (docs/classification.md, "Invariance"): place[v] is local vertex v's share
 * of the three places, 1 above the cut and an equal part of what is left to
 * each actor tied at it. top[] names the first three in the view's canonical
 * order among equals, for reports only; -1 past them. */
typedef struct cm__top {
	const double *score;
	double *place;
	int top[3];
} cm__top;

/* The groups of a top for the exact null (classify_exact.c): n local
 * actors, k of them of the class; above actors hold one place each and
 * tied ones w places each. */
typedef struct cm__exact_top {
	long n, k;
	int above;
	long tied;
	double w;
} cm__exact_top;

/* Fills mean, sd and the two-sided p of out (out->observed set) from the
 * multivariate hypergeometric law of the share; count stays 0. */
void cm__exact_top_null(cm__null *out, const cm__exact_top *e);

/* ------------------------------------------------------- evidence guards */

/* Least counts (docs/classification.md, "Evidence guards"): a share of
 * ties moves by 1/m per tie, so below 10 ties one tie moves it by more than
 * 0.1, most of a signal's half-width; a share of actors below 5 moves by
 * 0.2 per actor. */
#define CM__MIN_SHARE_TIES 10
#define CM__MIN_ACTORS     5

/* What a guard counts. */
enum {
	CM__B_NONE,
	CM__B_SUP_TIES,    /* local supply ties */
	CM__B_INFO_TIES,   /* local information ties */
	CM__B_LOCAL_TIES,  /* local ties, any relation */
	CM__B_REGION_TIES, /* ties with at least one local end */
	CM__B_OUT_TIES,    /* ties between a local and an outside actor */
	CM__B_SMES,        /* local SMEs */
	CM__B_SIZED,       /* local firms of known size */
	CM__B_OWNED,       /* local firms of known ownership */
	CM__B_FIRMS,       /* local firms */
	CM__B_ACTORS,      /* local actors */
	CM__B_COUNT
};

typedef struct cm__counts {
	int n[CM__B_COUNT];
	unsigned given;  /* CM_HAS_* given for some actor (size, ownership: some local firm) */
	int recorded[3]; /* by base slot: the relation is in the file */
} cm__counts;

struct cm__cdata;
void cm__counts_init(cm__counts *k, const struct cm__cdata *d);
/* 1 when indicator i may be computed; else 0 and the reason in why. */
int cm__guard(char *why, size_t n, const cm__counts *k, int i);
/* 1 when type t can be judged; else 0 and what is missing in why. */
int cm__type_judgeable(char *why, size_t n, const cm__counts *k, int t);
/* Type t's defining relations that are not recorded, comma-separated. */
void cm__type_unrecorded(char *out, size_t n, const cm__counts *k, int t);
/* What to add to the file for every type to be judged ("" when nothing). */
void cm__what_to_add(char *out, size_t n, const cm__counts *k);

/* Structural results several indicators share, computed once per view. */
typedef struct cm__cdata {
	cm__counts counts; /* for the evidence guards */
	const cm__cview *v;
	const igraph_t *g[CM__G_COUNT]; /* a null model replaces one of these */
	const cm_network *net;
	const int *lnode;      /* local vertex -> network node; permuted by label nulls */
	int *lnode_own;        /* the unpermuted lnode, owned (NULL in permuted copies) */
	const int *fnode;      /* vertex -> network node; permuted by label nulls */
	double *betweenness;   /* per local vertex, on CM__G_ALL */
	cm__core_periphery cp; /* on CM__G_ALL */
	int cp_done;
	int exact_betweenness;
	unsigned long seed; /* for the core/periphery search */
	double *indegree;   /* per local vertex, on CM__G_SUP */
	cm__top buyers;     /* by indegree */
	cm__top brokers;    /* by betweenness */
} cm__cdata;

/* Limits that keep classify fast on large networks (documented defaults). */
#define CM__EXACT_BETWEENNESS_MAX 2000 /* beyond: estimated from sampled sources */
#define CM__BETWEENNESS_SOURCES   64
#define CM__CORE_MAX              5000 /* core/periphery only up to this many local actors */
#define CM__CORE_RESTARTS         8
#define CM__CORE_NULL_MAX         300 /* rewiring null of the core fit up to this size */
/* Above this many local actors every null draws at most CM__NULL_LARGE_MAX
 * replicates (two-sided p down to 0.04), which keeps classify within
 * seconds at 10,000 actors. */
#define CM__NULL_LARGE_ACTORS 2000
#define CM__NULL_LARGE_MAX    49

int cm__cdata_init(cm__cdata *d, cm_ctx *ctx, const cm__cview *v, unsigned long seed);
/* The groups of top t for the class pred. */
void cm__exact_top_of(cm__exact_top *e, const cm__cdata *d, const cm__top *t,
                      int (*pred)(const cm__node *));
void cm__cdata_free(cm__cdata *d);

/* One indicator's formula, without its evidence guard (NaN when undefined). */
int cm__indicator(double *out, cm_ctx *ctx, cm__cdata *d, int i);
/* Computes every indicator's value, undefined below its evidence guard;
 * with replicates > 0 also its null model and z-score. */
int cm__indicators(cm__ind_value *out, cm_ctx *ctx, cm__cdata *d, size_t replicates,
                   unsigned long seed);
/* The indicators cm__decide() reads (a weight for some type, or a gate's);
 * the others are NaN. For reruns that need only the verdict. */
int cm__verdict_indicators(cm__ind_value *out, cm_ctx *ctx, cm__cdata *d);

/* ---------------------------------------------------------------- decision */

#define CM__TYPES 4
enum { CM__T_ITALIANATE, CM__T_HUB, CM__T_SATELLITE, CM__T_STATE };
extern const char *const cm__type_names[CM__TYPES];

/* Documented defaults (docs/classification.md, "Decision"). */
#define CM__MIN_LOCAL_ACTORS          5
#define CM__MIN_LOCAL_TIES            5
#define CM__HYBRID_MARGIN             0.20
#define CM__MARGIN_FULL               0.80 /* a lead this large counts as full confidence */
#define CM__GATE_SATELLITE_EXTERNAL   0.5
#define CM__GATE_SATELLITE_OUTSIDE    0.33
#define CM__GATE_SATELLITE_FRAGMENTED 0.25
#define CM__GATE_ITALIANATE_SME       0.7
#define CM__GATE_ITALIANATE_REACH     0.3
#define CM__GATE_ITALIANATE_EXTERNAL  0.25
/* A large firm is the top buyer, and the large firms among the top buyers
 * take at least this share of local supply ties (one hub at a fifth, or
 * several that together do). */
#define CM__GATE_HUB_DOMINANCE 0.20
/* Public bodies buy at least this share of local supply ties when the
 * anchor is the top broker but not the top buyer. */
#define CM__GATE_STATE_BUYING 0.30

typedef struct cm__verdict {
	int type;      /* CM__T_*, or -1 hybrid, -2 unclassified */
	int hybrid[2]; /* the two types of a hybrid, best first */
	double score[CM__TYPES];
	int gate[CM__TYPES];      /* 1 passed */
	double margin;            /* best minus second eligible score (second = -1 if none) */
	double lead;              /* best eligible score minus the best other score, any type */
	int external_hub;         /* most of the hubs' buying is by externally owned hubs */
	int best;                 /* best eligible type, -1 when none */
	char why[CM__TYPES][384]; /* why each gate failed, in plain words */
	char unclassified_why[384];
	int judged[CM__TYPES]; /* the type's attributes and relations are there */
} cm__verdict;

void cm__decide(cm__verdict *out, const cm__ind_value *ind, const cm__cdata *d, double margin);
/* "italianate", ..., "hybrid", "unclassified". */
const char *cm__verdict_name(const cm__verdict *v);
int cm__verdict_same(const cm__verdict *a, const cm__verdict *b);

/* Reruns the classification under the changes of "Sensitivity" and fills
 * c's sens, stability and stability_runs (nothing when opts->stability is 0). */
int cm__sensitivity_run(cm_classification *c, cm_ctx *ctx, const cm__cview *v,
                        const cm__verdict *ref, const cm_classify_opts *o);

/* Contribution of indicator i to type t's score (weight * signal / sum). */
double cm__contribution(const cm__ind_value *ind, size_t i, int t);

/* ------------------------------------------------- indicator functions */

/* Indicator functions shared by the classify_*.c files: each computes one
 * value (NaN when undefined) from the graphs and node mapping in d, so that
 * a null model can swap either and call it again. */

/* Strong components above this count leave the hierarchy undefined (its
 * bit sets would need count^2/8 bytes). */
#define CM__HIERARCHY_MAX 40000

const cm__node *cm__lnode(const cm__cdata *d, igraph_integer_t v);
int cm__is_sme(const cm__node *nd);
int cm__is_large(const cm__node *nd);
int cm__is_external(const cm__node *nd);
int cm__is_public(const cm__node *nd);
int cm__degrees(igraph_vector_int_t *out, cm_ctx *ctx, const igraph_t *g, igraph_neimode_t mode);
void cm__top3(int top[3], const double *score, igraph_integer_t n);
/* Equal within rounding: sums taken in another order may differ in the
 * last bits, and must not split a tie. */
int cm__tied(double a, double b);
int cm__top_init(cm__top *t, cm_ctx *ctx, const double *score, igraph_integer_t n);
void cm__top_free(cm__top *t);
/* The share of the places held by actors for which pred holds; NaN when
 * no score is positive. */
double cm__top_share(const cm__cdata *d, const cm__top *t, int (*pred)(const cm__node *));
/* Whether pred holds for an actor with a place. */
int cm__top_any(const cm__cdata *d, const cm__top *t, int (*pred)(const cm__node *));
/* Whether pred holds for the first: for more than half of the actors tied
 * with the highest score (the one actor when there is no tie). */
int cm__top_first(const cm__cdata *d, const cm__top *t, int (*pred)(const cm__node *));
/* Actors tied with the highest score. */
int cm__top_first_count(const cm__cdata *d, const cm__top *t);
/* The core/periphery partition of CM__G_ALL (computed once); *out is NULL
 * above CM__CORE_MAX local actors. */
int cm__cdata_core(const cm__core_periphery **out, cm__cdata *d, cm_ctx *ctx);

int cm__ind_buyer_top(double *out, cm_ctx *ctx, const cm__cdata *d, int three);
/* Share of local supply ties bought by the large firms among the top
 * buyers (by their places), 0 unless a large firm is the top buyer (or most
 * of those tied for first); and the part of it bought by externally owned
 * ones (NaN when there is none). */
void cm__hub_buying(double *dominance, double *external, const cm__cdata *d);
int cm__ind_centralization(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_dependence(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_hierarchy(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_supply_reciprocity(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_assortativity(double *out, cm_ctx *ctx, const cm__cdata *d);

int cm__ind_sme_ties(double *out, cm_ctx *ctx, const cm__cdata *d, int which);
int cm__ind_info_transitivity(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_info_reciprocity(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_multiplexity(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_core(double *out, cm_ctx *ctx, cm__cdata *d, int sme_share);
int cm__ind_assoc_coverage(double *out, cm_ctx *ctx, const cm__cdata *d);

int cm__ind_outside(double *out, cm_ctx *ctx, const cm__cdata *d, int ei);
int cm__ind_fragmentation(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_outside_concentration(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_boundary_brokerage(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_public(double *out, cm_ctx *ctx, const cm__cdata *d, int which);
int cm__ind_public_reach(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_org_dominance(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_size_ei(double *out, cm_ctx *ctx, const cm__cdata *d);
int cm__ind_composition(double *out, const cm__cdata *d, int which);

#endif
