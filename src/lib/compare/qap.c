/* SPDX-License-Identifier: MIT */
/* QAP (quadratic assignment procedure) correlation of two adjacency
 * matrices with a permutation test (Krackhardt 1987; Hubert 1987).
 *
 * Both matrices are binary, so with N cells, Sx ties in X and Sy in Y the
 * Pearson correlation depends on the permutation only through the number of
 * cells tied in both, Sxy:
 *   r = (N Sxy - Sx Sy) / sqrt((N Sx - Sx^2)(N Sy - Sy^2)).
 * Each replicate relabels Y's actors and recounts Sxy over X's ties, which
 * costs O(Sx log Sy) instead of O(n^2). Since r grows with Sxy, counting
 * replicates with Sxy >= the observed Sxy is exact integer arithmetic. */
#include "compare.h"
#include "graph/layers.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct qap_data {
	const cm__tie *x;
	size_t nx;
	uint64_t *ykeys; /* Y's cells as a * n + b, sorted */
	size_t ny, n;
	int directed;
} qap_data;

static uint64_t cell(size_t a, size_t b, size_t n, int directed)
{
	if (!directed && a > b) {
		size_t t = a;
		a = b;
		b = t;
	}
	return (uint64_t)a * n + b;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Cells tied in X and, after relabelling Y by perm, in Y. */
static size_t overlap(const qap_data *q, const igraph_integer_t *perm)
{
	size_t both = 0;
	for (size_t k = 0; k < q->nx; k++) {
		size_t a = (size_t)perm[q->x[k].a], b = (size_t)perm[q->x[k].b];
		uint64_t key = cell(a, b, q->n, q->directed);
		both += bsearch(&key, q->ykeys, q->ny, sizeof(key), cmp_u64) != NULL;
	}
	return both;
}

static double correlation(double cells, double sx, double sy, double sxy)
{
	double den = (cells * sx - sx * sx) * (cells * sy - sy * sy);
	return den > 0 ? (cells * sxy - sx * sy) / sqrt(den) : NAN;
}

static void shuffle(igraph_integer_t *a, size_t n, igraph_rng_t *rng)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)igraph_rng_get_integer(rng, 0, (igraph_integer_t)(i - 1));
		igraph_integer_t t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

/* Runs the replicates; sums of r and r^2 go to the mean and sd. */
static int permute(cm_qap *out, cm_ctx *ctx, const qap_data *q, double cells, size_t sxy,
                   unsigned long permutations, unsigned long seed)
{
	igraph_rng_t rng;
	igraph_integer_t *perm = cm__malloc(sizeof(*perm) * (q->n + 1));
	if (!perm || igraph_rng_init(&rng, &igraph_rngtype_pcg32)) {
		cm__free(perm);
		return cm__oom(ctx);
	}
	igraph_rng_seed(&rng, seed);
	for (size_t i = 0; i < q->n; i++)
		perm[i] = (igraph_integer_t)i;
	unsigned long ge = 0, k;
	double sum = 0, sum2 = 0;
	for (k = 0; k < permutations; k++) {
		if ((k & 63) == 0 &&
		    cm__progress(ctx, "QAP permutations", (double)k / permutations))
			break;
		shuffle(perm, q->n, &rng);
		size_t both = overlap(q, perm);
		double r = correlation(cells, (double)q->nx, (double)q->ny, (double)both);
		ge += both >= sxy;
		sum += r;
		sum2 += r * r;
	}
	igraph_rng_destroy(&rng);
	cm__free(perm);
	if (k < permutations)
		return cm__error(ctx, CM_ERROR, "error: QAP permutations cancelled");
	cm__progress(ctx, "QAP permutations", 1);
	out->p = (ge + 1.0) / (permutations + 1.0);
	out->perm_mean = sum / permutations;
	out->perm_sd = permutations > 1
	                   ? sqrt(fmax(0, (sum2 - sum * sum / permutations) / (permutations - 1)))
	                   : NAN;
	return 0;
}

int cm__qap(cm_qap *out, cm_ctx *ctx, const cm__tie *x, size_t nx, const cm__tie *y, size_t ny,
            size_t n, int directed, unsigned long permutations, unsigned long seed)
{
	double cells = directed ? (double)n * (n - 1.0) : (double)n * (n - 1.0) / 2;
	qap_data q = {x, nx, NULL, ny, n, directed};
	*out = (cm_qap){NAN, NAN, NAN, NAN, 0, n};
	if (n < 2)
		return 0;
	if (!(q.ykeys = cm__malloc(sizeof(*q.ykeys) * (ny + 1))))
		return cm__oom(ctx);
	for (size_t k = 0; k < ny; k++)
		q.ykeys[k] = cell(y[k].a, y[k].b, n, directed);
	qsort(q.ykeys, ny, sizeof(*q.ykeys), cmp_u64);
	size_t both = 0;
	for (size_t k = 0; k < nx; k++) {
		uint64_t key = cell(x[k].a, x[k].b, n, directed);
		both += bsearch(&key, q.ykeys, ny, sizeof(key), cmp_u64) != NULL;
	}
	out->r = correlation(cells, (double)nx, (double)ny, (double)both);
	int rc = 0;
	if (!isnan(out->r) && permutations) {
		out->permutations = permutations;
		rc = permute(out, ctx, &q, cells, both, permutations, seed);
	}
	cm__free(q.ykeys);
	return rc;
}
