/* Indicator functions shared by the classify_*.c files: each computes one
 * value (NaN when undefined) from the graphs and node mapping in d, so that
 * a null model can swap either and call it again. */
#ifndef CM_CLASSIFY_IND_H
#define CM_CLASSIFY_IND_H

#include "classify.h"

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
double cm__top_share(const cm__cdata *d, const int top[3], int (*pred)(const cm__node *));
/* The core/periphery partition of CM__G_ALL (computed once); *out is NULL
 * above CM__CORE_MAX local actors. */
int cm__cdata_core(const cm__core_periphery **out, cm__cdata *d, cm_ctx *ctx);

int cm__ind_buyer_top(double *out, cm_ctx *ctx, const cm__cdata *d, int three);
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
