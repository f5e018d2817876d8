/* SPDX-License-Identifier: MIT */
/* Evidence guards: the relations, attributes and the least number of ties
 * or actors each indicator needs, and what each type needs to be judged at
 * all. Below a guard an indicator is undefined, with the reason in plain
 * words, and carries no weight. Every minimum and its reason:
 * docs/classification.md, "Evidence guards". */
#include "classify.h"

#include <stdio.h>
#include <string.h>

/* What an indicator counts over, and the least count it needs. */
typedef struct guard {
	int basis, min;
	unsigned needs; /* CM_HAS_* bits that must be given somewhere */
} guard;

#define SUP(n)                                                                                     \
	{                                                                                          \
		CM__B_SUP_TIES, (n), 0                                                             \
	}
#define LOCAL(n)                                                                                   \
	{                                                                                          \
		CM__B_LOCAL_TIES, (n), 0                                                           \
	}

/* clang-format off */
static const guard guards[CM__I_COUNT] = {
	[CM__I_BUYER_TOP1] = SUP(CM__MIN_SHARE_TIES),
	[CM__I_BUYER_TOP3] = SUP(CM__MIN_SHARE_TIES),
	[CM__I_INDEG_CENTRALIZATION] = SUP(CM__MIN_SHARE_TIES),
	[CM__I_SUPPLIER_DEPENDENCE] = SUP(CM__MIN_SHARE_TIES),
	[CM__I_HIERARCHY] = SUP(CM__MIN_SHARE_TIES),
	[CM__I_SUPPLY_RECIPROCITY] = SUP(CM__MIN_SHARE_TIES),
	[CM__I_ASSORTATIVITY] = LOCAL(CM__MIN_SHARE_TIES),
	[CM__I_TOP_BUYERS_LARGE] = {CM__B_SUP_TIES, CM__MIN_SHARE_TIES, CM_HAS_SIZE},
	[CM__I_HUB_DOMINANCE] = {CM__B_SUP_TIES, CM__MIN_SHARE_TIES, CM_HAS_SIZE},
	[CM__I_TOP_BUYERS_EXTERNAL] = {CM__B_SUP_TIES, CM__MIN_SHARE_TIES, CM_HAS_OWNERSHIP},
	[CM__I_TOP_BUYERS_PUBLIC] = {CM__B_SUP_TIES, CM__MIN_SHARE_TIES, CM_HAS_KIND},
	[CM__I_TOP_BROKERS_LARGE] = {CM__B_LOCAL_TIES, CM__MIN_SHARE_TIES, CM_HAS_SIZE},
	[CM__I_TOP_BROKERS_PUBLIC] = {CM__B_LOCAL_TIES, CM__MIN_SHARE_TIES, CM_HAS_KIND},
	[CM__I_SME_DENSITY] = {CM__B_SMES, CM__MIN_ACTORS, CM_HAS_SIZE},
	[CM__I_SME_DEGREE] = {CM__B_SMES, CM__MIN_ACTORS, CM_HAS_SIZE},
	[CM__I_SME_REACH] = {CM__B_SMES, CM__MIN_ACTORS, CM_HAS_SIZE},
	[CM__I_INFO_TRANSITIVITY] = {CM__B_INFO_TIES, CM__MIN_SHARE_TIES, 0},
	[CM__I_INFO_RECIPROCITY] = {CM__B_INFO_TIES, CM__MIN_SHARE_TIES, 0},
	[CM__I_MULTIPLEXITY] = {CM__B_SMES, CM__MIN_ACTORS, CM_HAS_SIZE},
	[CM__I_CORE_FIT] = LOCAL(CM__MIN_SHARE_TIES),
	[CM__I_CORE_SME_SHARE] = {CM__B_LOCAL_TIES, CM__MIN_SHARE_TIES, CM_HAS_SIZE},
	[CM__I_ASSOC_COVERAGE] = {CM__B_SMES, CM__MIN_ACTORS, CM_HAS_SIZE},
	[CM__I_OUTSIDE_SHARE] = {CM__B_REGION_TIES, CM__MIN_SHARE_TIES, CM_HAS_LOCATION},
	[CM__I_EI_LOCATION] = {CM__B_REGION_TIES, CM__MIN_SHARE_TIES, CM_HAS_LOCATION},
	[CM__I_EXTERNAL_OWNERSHIP] = {CM__B_OWNED, CM__MIN_ACTORS, CM_HAS_OWNERSHIP},
	[CM__I_FRAGMENTATION] = {CM__B_ACTORS, CM__MIN_ACTORS, 0},
	[CM__I_OUTSIDE_CONCENTRATION] = {CM__B_OUT_TIES, CM__MIN_ACTORS, CM_HAS_LOCATION},
	[CM__I_BOUNDARY_BROKERAGE] = {CM__B_SUP_TIES, CM__MIN_SHARE_TIES, CM_HAS_LOCATION},
	[CM__I_PUBLIC_TIE_SHARE] = {CM__B_LOCAL_TIES, CM__MIN_SHARE_TIES, CM_HAS_KIND},
	[CM__I_PUBLIC_BETWEENNESS] = {CM__B_LOCAL_TIES, CM__MIN_SHARE_TIES, CM_HAS_KIND},
	[CM__I_PUBLIC_BUYING] = {CM__B_SUP_TIES, CM__MIN_SHARE_TIES, CM_HAS_KIND},
	[CM__I_PUBLIC_REACH] = {CM__B_FIRMS, CM__MIN_ACTORS, CM_HAS_KIND},
	[CM__I_ORG_DOMINANCE] = {CM__B_LOCAL_TIES, CM__MIN_SHARE_TIES, CM_HAS_KIND},
	[CM__I_SIZE_EI] = {CM__B_SUP_TIES, CM__MIN_SHARE_TIES, CM_HAS_SIZE},
	[CM__I_LARGE_SHARE] = {CM__B_SIZED, CM__MIN_ACTORS, CM_HAS_SIZE},
	[CM__I_SME_SHARE] = {CM__B_SIZED, CM__MIN_ACTORS, CM_HAS_SIZE},
};
/* clang-format on */

static const char *const basis_words[CM__B_COUNT] = {
    [CM__B_SUP_TIES] = "local supply ties",
    [CM__B_INFO_TIES] = "local information ties",
    [CM__B_LOCAL_TIES] = "local ties",
    [CM__B_REGION_TIES] = "ties of local actors",
    [CM__B_OUT_TIES] = "ties to outside actors",
    [CM__B_SMES] = "local SMEs",
    [CM__B_SIZED] = "local firms of known size",
    [CM__B_OWNED] = "local firms of known ownership",
    [CM__B_FIRMS] = "local firms",
    [CM__B_ACTORS] = "local actors",
};

/* The same for a count of one. */
static const char *const basis_word[CM__B_COUNT] = {
    [CM__B_SUP_TIES] = "local supply tie",
    [CM__B_INFO_TIES] = "local information tie",
    [CM__B_LOCAL_TIES] = "local tie",
    [CM__B_REGION_TIES] = "tie of a local actor",
    [CM__B_OUT_TIES] = "tie to an outside actor",
    [CM__B_SMES] = "local SME",
    [CM__B_SIZED] = "local firm of known size",
    [CM__B_OWNED] = "local firm of known ownership",
    [CM__B_FIRMS] = "local firm",
    [CM__B_ACTORS] = "local actor",
};

static void count_actors(cm__counts *k, const cm__cdata *d)
{
	for (igraph_integer_t v = 0; v < d->v->nl; v++) {
		const cm__node *nd = cm__lnode(d, v);
		k->n[CM__B_ACTORS]++;
		k->given |= nd->has & (CM_HAS_KIND | CM_HAS_SIZE | CM_HAS_OWNERSHIP);
		if (nd->kind != CM_KIND_FIRM)
			continue;
		k->n[CM__B_FIRMS]++;
		k->n[CM__B_SIZED] += nd->size != CM_SIZE_UNKNOWN;
		k->n[CM__B_OWNED] += !!(nd->has & CM_HAS_OWNERSHIP);
		k->n[CM__B_SMES] += cm__is_sme(nd);
	}
	/* Location counts for every actor: an outside actor says where the
	 * boundary is as much as an inside one. */
	for (igraph_integer_t v = 0; v < d->v->n; v++)
		k->given |= d->net->nodes[d->fnode[v]].has & CM_HAS_LOCATION;
	if (!k->n[CM__B_SIZED])
		k->given &= ~(unsigned)CM_HAS_SIZE;
	if (!k->n[CM__B_OWNED])
		k->given &= ~(unsigned)CM_HAS_OWNERSHIP;
}

void cm__counts_init(cm__counts *k, const cm__cdata *d)
{
	memset(k, 0, sizeof(*k));
	count_actors(k, d);
	const igraph_t *g = d->g[CM__G_ALL_FULL];
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		int a = d->v->vlocal[IGRAPH_FROM(g, e)] >= 0,
		    b = d->v->vlocal[IGRAPH_TO(g, e)] >= 0;
		k->n[CM__B_REGION_TIES] += a || b;
		k->n[CM__B_OUT_TIES] += a != b;
	}
	k->n[CM__B_SUP_TIES] = (int)igraph_ecount(d->g[CM__G_SUP]);
	k->n[CM__B_INFO_TIES] = (int)igraph_ecount(d->g[CM__G_INFO]);
	k->n[CM__B_LOCAL_TIES] = (int)igraph_ecount(d->g[CM__G_ALL]);
	for (int r = 0; r < 3; r++)
		k->recorded[r] = d->v->has_layer[r];
}

/* "ownership unknown for 27 of 27 local firms" */
static void attribute_missing(char *why, size_t n, const cm__counts *k, unsigned bit)
{
	int firms = k->n[CM__B_FIRMS];
	if (bit == CM_HAS_SIZE)
		snprintf(why, n, "size unknown for %d of %d local firms", firms, firms);
	else if (bit == CM_HAS_OWNERSHIP)
		snprintf(why, n, "ownership unknown for %d of %d local firms", firms, firms);
	else if (bit == CM_HAS_KIND)
		snprintf(why, n, "kind not given for any of %d local actors", k->n[CM__B_ACTORS]);
	else
		snprintf(why, n, "location not given for any actor");
}

/* By base slot: CM__G_SUP_FULL, CM__G_INFO_FULL, CM__G_ASSOC_FULL. */
static const char *const relation_names[3] = {"supplier", "information", "association"};

/* The relations an indicator is computed on (bits of CM__G_SUP_FULL ...). */
static unsigned relations_of(int i)
{
	const char *layer = cm__ind_defs[i].layer;
	if (i == CM__I_MULTIPLEXITY)
		return 1u << CM__G_SUP_FULL | 1u << CM__G_INFO_FULL;
	if (!strcmp(layer, "supplier"))
		return 1u << CM__G_SUP_FULL;
	if (!strcmp(layer, "information"))
		return 1u << CM__G_INFO_FULL;
	if (!strcmp(layer, "association"))
		return 1u << CM__G_ASSOC_FULL;
	return 0;
}

/* Whether an indicator may be computed; if not, why (into why). An
 * indicator on supplier and information ties together needs either. */
int cm__guard(char *why, size_t n, const cm__counts *k, int i)
{
	unsigned rel = relations_of(i);
	*why = 0;
	for (int r = 0; r < 3; r++)
		if ((rel >> r & 1u) && !k->recorded[r])
			return snprintf(why, n, "%s ties not recorded", relation_names[r]), 0;
	if (!strcmp(cm__ind_defs[i].layer, "supplier+information") &&
	    !k->recorded[CM__G_SUP_FULL] && !k->recorded[CM__G_INFO_FULL])
		return snprintf(why, n, "supplier and information ties not recorded"), 0;
	const guard *gd = &guards[i];
	for (unsigned bit = 1; bit <= CM_HAS_LOCATION; bit <<= 1)
		if ((gd->needs & bit) && !(k->given & bit))
			return attribute_missing(why, n, k, bit), 0;
	if (gd->min > 0 && k->n[gd->basis] < gd->min)
		return snprintf(why, n, "%d %s; needs %d", k->n[gd->basis],
		                (k->n[gd->basis] == 1 ? basis_word : basis_words)[gd->basis],
		                gd->min),
		       0;
	return 1;
}

/* ------------------------------------------------------------ types */

/* What each type needs to be judged at all, and the relations that define
 * it (Markusen 1996): trade, cooperation and associations among the small
 * firms of the Italianate district; trade between hub and suppliers; trade
 * with an anchor. The platform is defined by ownership and outside ties,
 * which any relation shows. */
static const unsigned type_relations[CM__TYPES] = {1u << CM__G_SUP_FULL | 1u << CM__G_INFO_FULL |
                                                       1u << CM__G_ASSOC_FULL,
                                                   1u << CM__G_SUP_FULL, 0, 1u << CM__G_SUP_FULL};

int cm__type_judgeable(char *why, size_t n, const cm__counts *k, int t)
{
	unsigned g = k->given;
	*why = 0;
	switch (t) {
	case CM__T_ITALIANATE:
		if (!(g & CM_HAS_SIZE))
			return snprintf(why, n, "firm sizes are not given"), 0;
		return 1;
	case CM__T_HUB:
		if (!k->recorded[CM__G_SUP_FULL])
			return snprintf(why, n, "supplier ties are not recorded"), 0;
		if (!(g & CM_HAS_SIZE))
			return snprintf(why, n, "firm sizes are not given"), 0;
		return 1;
	case CM__T_SATELLITE:
		if (!(g & (CM_HAS_OWNERSHIP | CM_HAS_LOCATION)))
			return snprintf(why, n, "neither ownership nor location is given"), 0;
		return 1;
	default:
		if (!(g & CM_HAS_KIND))
			return snprintf(why, n, "actor kinds are not given"), 0;
		return 1;
	}
}

/* The defining relations of type t that the file does not record, as a
 * list ("supplier, association"); "" when all are recorded. */
void cm__type_unrecorded(char *out, size_t n, const cm__counts *k, int t)
{
	size_t len = 0;
	*out = 0;
	for (int r = 0; r < 3 && len < n; r++)
		if ((type_relations[t] >> r & 1u) && !k->recorded[r])
			len += (size_t)snprintf(out + len, n - len, "%s%s", len ? ", " : "",
			                        relation_names[r]);
}

/* "add to the nodes: kind, size or employees, ...; add ties: relation=supplier" */
void cm__what_to_add(char *out, size_t n, const cm__counts *k)
{
	static const struct {
		unsigned bit;
		const char *words;
	} attrs[] = {{CM_HAS_KIND, "kind (firm, university, government, ...)"},
	             {CM_HAS_SIZE, "size (micro, small, medium, large) or employees"},
	             {CM_HAS_OWNERSHIP, "ownership (local or external)"},
	             {CM_HAS_LOCATION, "location (inside or outside the region)"}};
	size_t len = 0;
	*out = 0;
	for (size_t a = 0; a < CM__ARRAY_LEN(attrs) && len < n; a++)
		if (!(k->given & attrs[a].bit))
			len += (size_t)snprintf(out + len, n - len, "%s%s",
			                        len ? ", " : "node attributes ", attrs[a].words);
	int first = 1;
	for (int r = 0; r < 3 && len < n; r++)
		if (!k->recorded[r]) {
			len += (size_t)snprintf(
			    out + len, n - len, "%s%s",
			    first ? (len ? "; ties with relation=" : "ties with relation=")
			          : " or ",
			    relation_names[r]);
			first = 0;
		}
}
