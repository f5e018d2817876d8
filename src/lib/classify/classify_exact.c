/* SPDX-License-Identifier: MIT */
/* Exact null distributions where a closed form exists. A share of the top
 * places held by actors of one class (top_buyers_large and the like) is,
 * under the permutation null (attributes shuffled among the local actors,
 * the places fixed by the ties), a weighted count drawn without
 * replacement: with a actors above the cut (one place each) and t tied at
 * it (w places each), the number x above and y at the cut that are of the
 * class follow the multivariate hypergeometric law
 *   P(x, y) = C(a, x) C(t, y) C(n - a - t, K - x - y) / C(n, K),
 * K of the n local actors being of the class, and the share is
 * (x + w y) / (a + w t). docs/classification.md, "Null models". */
#include "classify.h"

#include <math.h>

static double log_choose(double n, double k)
{
	if (k < 0 || k > n)
		return -INFINITY;
	return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

/* Sums P(x, y) over the outcomes, with the share's moments and the mass at
 * or above and at or below the observed share. */
static void sum_outcomes(cm__null *out, const cm__exact_top *e, double *ge, double *le)
{
	double held = e->above + e->w * e->tied, m1 = 0, m2 = 0, base;
	double tol = 1e-9;
	base = log_choose(e->n, e->k);
	*ge = *le = 0;
	for (int x = 0; x <= e->above && x <= e->k; x++)
		for (long y = 0; y <= e->tied && x + y <= e->k; y++) {
			double lp = log_choose(e->above, x) + log_choose(e->tied, (double)y) +
			            log_choose(e->n - e->above - e->tied, e->k - x - (double)y) -
			            base;
			if (lp == -INFINITY)
				continue;
			double p = exp(lp), v = (x + e->w * (double)y) / held;
			m1 += p * v, m2 += p * v * v;
			*ge += v >= out->observed - tol ? p : 0;
			*le += v <= out->observed + tol ? p : 0;
		}
	out->mean = m1;
	out->sd = sqrt(fmax(0, m2 - m1 * m1));
}

void cm__exact_top_null(cm__null *out, const cm__exact_top *e)
{
	double ge, le;
	out->count = 0;
	if (e->n <= 0 || e->above + e->w * e->tied <= 0 || isnan(out->observed)) {
		out->mean = out->sd = out->p = NAN;
		return;
	}
	sum_outcomes(out, e, &ge, &le);
	double lo = ge < le ? ge : le;
	out->p = 2 * lo > 1 ? 1 : 2 * lo;
}

/* The groups of a top: actors above the cut, actors tied at it. */
void cm__exact_top_of(cm__exact_top *e, const cm__cdata *d, const cm__top *t,
                      int (*pred)(const cm__node *))
{
	*e = (cm__exact_top){(long)d->v->nl, 0, 0, 0, 0};
	for (igraph_integer_t v = 0; v < d->v->nl; v++) {
		double place = t->place[v];
		e->k += pred(cm__lnode(d, v)) != 0;
		if (place >= 1)
			e->above++;
		else if (place > 0)
			e->tied++, e->w = place;
	}
}
