/* SPDX-License-Identifier: MIT */
/* Krackhardt & Stern (1988) E-I index with its attainable range and a label
 * permutation test; Borgatti & Everett (1999) discrete core/periphery.
 * Definitions: docs/metrics.md. */
#include "groups.h"

#include "traverse.h"

#include <math.h>
#include <string.h>

/* The counted ties, grouped by one end, as positions into an array of dense
 * group codes, so that a permutation only shuffles the codes and a count
 * streams through the ties. Each row is one vertex (of a tie's two ends, the
 * one with more counted ties, so that a hub's star is a single row) and the
 * positions of its partners. A code takes 1, 2 or 4 bytes, the fewest that
 * hold the number of groups: the array shuffled at random then stays in the
 * processor's cache on large layers. Pair counts are of ordered pairs (their
 * ratios are what the null model needs; halve for undirected counts). */
typedef struct ei_data {
	void *code;         /* group code of each counted vertex, width bytes each */
	int width;          /* 1, 2 or 4 */
	igraph_integer_t n; /* counted vertices */
	igraph_integer_t groups;
	igraph_integer_t rows, ties;
	uint32_t *head;          /* head[r]: the vertex of row r */
	igraph_integer_t *start; /* row r holds other[start[r] .. start[r + 1]) */
	uint32_t *other;
	double pairs, pairs_internal; /* ordered pairs of counted vertices: all, same group */
	int directed;
} ei_data;

static void ei_data_free(ei_data *d)
{
	cm__free(d->code);
	cm__free(d->head);
	cm__free(d->start);
	cm__free(d->other);
}

/* One shuffle and one count per code width. The shuffle is
 * igraph_vector_int_shuffle's Fisher-Yates draw for draw (the same seed gives
 * the same permutations, hence the same p-values, as shuffling the labels
 * themselves), without its 8-byte elements. */
#define EI_WIDTH(T, SUFFIX)                                                                        \
	static void ei_shuffle_##SUFFIX(T *c, igraph_integer_t n, igraph_rng_t *rng)               \
	{                                                                                          \
		while (n > 1) {                                                                    \
			igraph_integer_t k = igraph_rng_get_integer(rng, 0, n - 1);                \
			T t = c[--n];                                                              \
			c[n] = c[k];                                                               \
			c[k] = t;                                                                  \
		}                                                                                  \
	}                                                                                          \
	static igraph_integer_t ei_external_##SUFFIX(const ei_data *d)                             \
	{                                                                                          \
		const T *c = d->code;                                                              \
		igraph_integer_t e = 0;                                                            \
		for (igraph_integer_t r = 0; r < d->rows; r++) {                                   \
			T h = c[d->head[r]];                                                       \
			for (igraph_integer_t k = d->start[r]; k < d->start[r + 1]; k++)           \
				e += c[d->other[k]] != h;                                          \
		}                                                                                  \
		return e;                                                                          \
	}
EI_WIDTH(uint8_t, 8)
EI_WIDTH(uint16_t, 16)
EI_WIDTH(uint32_t, 32)
#undef EI_WIDTH

static igraph_integer_t ei_external(const ei_data *d)
{
	if (d->width == 1)
		return ei_external_8(d);
	return d->width == 2 ? ei_external_16(d) : ei_external_32(d);
}

static void ei_shuffle(ei_data *d, igraph_rng_t *rng)
{
	if (d->width == 1)
		ei_shuffle_8(d->code, d->n, rng);
	else if (d->width == 2)
		ei_shuffle_16(d->code, d->n, rng);
	else
		ei_shuffle_32(d->code, d->n, rng);
}

/* From the sorted group values: the number of groups and the ordered pairs
 * within groups, sum of s (s - 1) over the group sizes s. */
static void ei_pairs(ei_data *d, const igraph_vector_int_t *sorted)
{
	igraph_integer_t n = igraph_vector_int_size(sorted), run = 0;

	d->pairs = (double)n * (double)(n - 1);
	d->pairs_internal = 0;
	d->groups = 0;
	for (igraph_integer_t i = 0; i < n; i++) {
		run++;
		if (i + 1 == n || VECTOR(*sorted)[i + 1] != VECTOR(*sorted)[i]) {
			d->pairs_internal += (double)run * (double)(run - 1);
			d->groups++;
			run = 0;
		}
	}
}

static void ei_code_set(ei_data *d, igraph_integer_t i, uint32_t c)
{
	if (d->width == 1)
		((uint8_t *)d->code)[i] = (uint8_t)c;
	else if (d->width == 2)
		((uint16_t *)d->code)[i] = (uint16_t)c;
	else
		((uint32_t *)d->code)[i] = c;
}

/* Replaces each counted vertex's group by its rank among the distinct groups
 * (sorted holds the group values sorted, duplicates removed). */
static int ei_encode(ei_data *d, cm_ctx *ctx, const igraph_vector_int_t *label,
                     const igraph_vector_int_t *sorted)
{
	d->width = d->groups <= 256 ? 1 : d->groups <= 65536 ? 2 : 4;
	d->code = cm__malloc((size_t)(d->n ? d->n : 1) * (size_t)d->width);
	if (!d->code)
		return cm__oom(ctx);
	for (igraph_integer_t i = 0; i < d->n; i++) {
		igraph_integer_t c;
		igraph_vector_int_binsearch(sorted, VECTOR(*label)[i], &c);
		ei_code_set(d, i, (uint32_t)c);
	}
	return 0;
}

/* Sorted group values without duplicates. */
static void ei_unique(igraph_vector_int_t *sorted)
{
	igraph_integer_t k = 0;
	for (igraph_integer_t i = 0; i < igraph_vector_int_size(sorted); i++)
		if (k == 0 || VECTOR(*sorted)[i] != VECTOR(*sorted)[k - 1])
			VECTOR(*sorted)[k++] = VECTOR(*sorted)[i];
	igraph_vector_int_resize(sorted, k); /* shrinking never allocates */
}

/* Positions of the counted vertices (-1 for the others), their codes, the
 * group count and the pair counts. */
static int ei_labels(ei_data *d, cm_ctx *ctx, const int *group, igraph_integer_t *pos,
                     igraph_integer_t n, igraph_vector_int_t *label)
{
	igraph_vector_int_t sorted;
	int rc;

	d->n = 0;
	for (igraph_integer_t v = 0; v < n; v++)
		pos[v] = group[v] >= 0 ? d->n++ : -1;
	if (d->n > (igraph_integer_t)UINT32_MAX)
		return cm__error(ctx, CM_EINVAL, "error: too many actors for the E-I index");
	CM__IG(ctx, igraph_vector_int_resize(label, d->n));
	for (igraph_integer_t v = 0; v < n; v++)
		if (pos[v] >= 0)
			VECTOR(*label)[pos[v]] = group[v];
	CM__IG(ctx, igraph_vector_int_init_copy(&sorted, label));
	igraph_vector_int_sort(&sorted);
	ei_pairs(d, &sorted);
	ei_unique(&sorted);
	rc = ei_encode(d, ctx, label, &sorted);
	igraph_vector_int_destroy(&sorted);
	return rc;
}

/* Row of each counted tie: the end with more counted ties (cnt), the lower
 * position when they have as many. */
static igraph_integer_t ei_head(const igraph_integer_t *cnt, igraph_integer_t u, igraph_integer_t w)
{
	if (cnt[u] != cnt[w])
		return cnt[u] > cnt[w] ? u : w;
	return u < w ? u : w;
}

/* Tie counts of the counted vertices (cnt, by position) and of rows (in
 * start[h + 1] for the row of vertex h). */
static void ei_count(ei_data *d, const igraph_t *g, const igraph_integer_t *pos,
                     igraph_integer_t *cnt)
{
	igraph_integer_t m = igraph_ecount(g);

	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t u = pos[IGRAPH_FROM(g, e)], w = pos[IGRAPH_TO(g, e)];
		if (u >= 0 && w >= 0) {
			cnt[u]++;
			cnt[w]++;
			d->ties++;
		}
	}
	for (igraph_integer_t e = 0; e < m; e++) {
		igraph_integer_t u = pos[IGRAPH_FROM(g, e)], w = pos[IGRAPH_TO(g, e)];
		if (u >= 0 && w >= 0)
			d->start[ei_head(cnt, u, w) + 1]++;
	}
	for (igraph_integer_t p = 0; p < d->n; p++)
		d->start[p + 1] += d->start[p];
}

/* A counting sort of the ties into rows (start[h] is the next free slot of
 * row h while filling, then shifted back to the row's beginning). */
static void ei_fill(ei_data *d, const igraph_t *g, const igraph_integer_t *pos,
                    const igraph_integer_t *cnt)
{
	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		igraph_integer_t u = pos[IGRAPH_FROM(g, e)], w = pos[IGRAPH_TO(g, e)];
		if (u < 0 || w < 0)
			continue;
		igraph_integer_t h = ei_head(cnt, u, w);
		d->other[d->start[h]++] = (uint32_t)(h == u ? w : u);
	}
	for (igraph_integer_t p = d->n - 1; p > 0; p--)
		d->start[p] = d->start[p - 1];
	d->start[0] = 0;
}

/* Keeps the non-empty rows; start[] is rewritten in place behind the read. */
static void ei_compact(ei_data *d)
{
	d->rows = 0;
	for (igraph_integer_t p = 0; p < d->n; p++) {
		igraph_integer_t b = d->start[p], e = d->start[p + 1];
		if (e > b) {
			d->head[d->rows] = (uint32_t)p;
			d->start[d->rows++] = b;
		}
	}
	d->start[d->rows] = d->ties;
}

/* Keeps the ties whose two ends are counted, grouped into rows. */
static int ei_ties(ei_data *d, cm_ctx *ctx, const igraph_t *g, const igraph_integer_t *pos)
{
	size_t n = (size_t)d->n + 1;
	igraph_integer_t *cnt = cm__calloc(n, sizeof(*cnt));

	d->start = cm__calloc(n, sizeof(*d->start));
	d->head = cm__malloc(n * sizeof(*d->head));
	if (!cnt || !d->start || !d->head) {
		cm__free(cnt);
		return cm__oom(ctx);
	}
	ei_count(d, g, pos, cnt);
	d->other = cm__malloc(((size_t)d->ties + 1) * sizeof(*d->other));
	if (d->other) {
		ei_fill(d, g, pos, cnt);
		ei_compact(d);
	}
	cm__free(cnt);
	return d->other ? 0 : cm__oom(ctx);
}

static int ei_prepare(ei_data *d, cm_ctx *ctx, const igraph_t *g, const int *group)
{
	igraph_integer_t n = igraph_vcount(g);
	igraph_integer_t *pos = cm__malloc((n ? (size_t)n : 1) * sizeof(*pos));
	igraph_vector_int_t label;
	int rc;

	if (!pos)
		return cm__oom(ctx);
	if (igraph_vector_int_init(&label, 0)) {
		cm__free(pos);
		return cm__oom(ctx);
	}
	rc = ei_labels(d, ctx, group, pos, n, &label);
	igraph_vector_int_destroy(&label);
	if (!rc)
		rc = ei_ties(d, ctx, g, pos);
	cm__free(pos);
	return rc;
}

/* E, I, the index, the null expectation and the attainable range: with m
 * ties, E can reach min(m, Pe) and I min(m, Pi) (unordered pairs when the
 * graph is undirected). */
static void ei_observed(cm__ei *out, const ei_data *d)
{
	double f = d->directed ? 1.0 : 0.5, m = (double)d->ties;
	double pe = f * (d->pairs - d->pairs_internal), pi = f * d->pairs_internal;

	out->external = (double)ei_external(d);
	out->internal = m - out->external;
	out->expected = d->pairs > 0 ? (pe - pi) / (pe + pi) : NAN;
	if (d->ties == 0) {
		out->ei = out->min = out->max = NAN;
		return;
	}
	out->ei = (out->external - out->internal) / m;
	out->max = (2 * fmin(m, pe) - m) / m;
	out->min = (m - 2 * fmin(m, pi)) / m;
}

/* How far E lies from its null mean m Pe / P, scaled by P to stay an exact
 * integer: |E P - m Pe|. long double keeps it exact past 2^53. */
static long double ei_deviation(const ei_data *d, igraph_integer_t e)
{
	long double v =
	    (long double)e * d->pairs - (long double)d->ties * (d->pairs - d->pairs_internal);
	return v < 0 ? -v : v;
}

/* Permutations between progress reports: about one per 2^24 steps of work. */
static unsigned long ei_report_every(const ei_data *d)
{
	return 1 + (unsigned long)((1 << 24) / (d->n + d->ties + 1));
}

static int ei_permute(cm__ei *out, cm_ctx *ctx, ei_data *d, unsigned long n, unsigned long seed)
{
	igraph_integer_t obs = (igraph_integer_t)out->external;
	long double dev = ei_deviation(d, obs);
	unsigned long two = 0, low = 0, high = 0, every = ei_report_every(d);

	CM__IG(ctx, igraph_rng_seed(igraph_rng_default(), seed));
	for (unsigned long k = 0; k < n; k++) {
		/* With a single group every relabelling is the observed one. */
		igraph_integer_t e = obs;
		if (d->groups > 1) {
			ei_shuffle(d, igraph_rng_default());
			e = ei_external(d);
		}
		two += ei_deviation(d, e) >= dev;
		low += e <= obs;
		high += e >= obs;
		if ((k + 1) % every == 0 && cm__progress(ctx, "E-I permutations", (double)k / n))
			return cm__error(ctx, CM_ERROR, "error: E-I permutation test cancelled");
	}
	out->permutations = n;
	out->p_value = (1.0 + two) / (1.0 + n);
	out->p_lower = (1.0 + low) / (1.0 + n);
	out->p_upper = (1.0 + high) / (1.0 + n);
	return 0;
}

static int ei_run(cm__ei *out, cm_ctx *ctx, const igraph_t *g, const int *group,
                  unsigned long permutations, unsigned long seed)
{
	ei_data d = {.directed = igraph_is_directed(g)};
	igraph_bool_t simple;
	int rc;

	CM__IG(ctx, igraph_is_simple(g, &simple));
	if (!simple)
		return cm__error(
		    ctx, CM_EINVAL,
		    "error: the E-I index needs a simple graph (no self-loops or parallel ties)");
	rc = ei_prepare(&d, ctx, g, group);
	if (!rc) {
		ei_observed(out, &d);
		if (permutations > 0 && d.ties > 0)
			rc = ei_permute(out, ctx, &d, permutations, seed);
	}
	ei_data_free(&d);
	return rc;
}

int cm__ei_index(cm__ei *out, cm_ctx *ctx, const igraph_t *g, const int *group,
                 unsigned long permutations, unsigned long seed)
{
	cm__igraph_scope scope;

	memset(out, 0, sizeof(*out));
	out->p_value = out->p_lower = out->p_upper = NAN;
	if (!group && igraph_vcount(g) > 0)
		return cm__error(ctx, CM_EINVAL,
		                 "error: the E-I index needs a group for every vertex");
	int rc = cm__igraph_enter(&scope, ctx);
	if (!rc)
		rc = ei_run(out, ctx, g, group, permutations, seed);
	cm__igraph_leave(&scope);
	return rc;
}

/* ---------------------------------------------------------------- core/periphery */

/* The fit depends only on the core size c and the tie counts inside the core
 * (acc) and inside the periphery (app), so a search keeps, for every vertex,
 * kc[v]: its ties with current core members (both directions counted in a
 * directed graph). A flip then costs O(1) to evaluate and O(deg) to apply. */
typedef struct cp_state {
	igraph_integer_t n, c, acc, app, ties;
	int directed;
	cm__csr adj; /* all neighbours; a mutual dyad lists its partner twice */
	unsigned char *core;
	igraph_integer_t *kc;
	double fit;
} cp_state;

#define CP_EPS 1e-12 /* fits closer than this are equal; then the tie-breaks decide */

/* Pearson correlation between the ties and the ideal pattern over the cells
 * of the two diagonal blocks: (Npp Acc - Ncc App) / sqrt(Ncc Npp T (N - T)),
 * with N = Ncc + Npp cells, T = Acc + App. NaN when a factor is zero. */
static double cp_fit(const cp_state *s, igraph_integer_t c, igraph_integer_t acc,
                     igraph_integer_t app)
{
	double f = s->directed ? 1.0 : 0.5, p = (double)(s->n - c);
	double ncc = f * (double)c * (double)(c - 1), npp = f * p * (p - 1);
	double t = (double)(acc + app), den = ncc * npp * t * (ncc + npp - t);

	if (!(den > 0))
		return NAN;
	return (npp * (double)acc - ncc * (double)app) / sqrt(den);
}

static igraph_integer_t cp_degree(const cp_state *s, igraph_integer_t v)
{
	return s->adj.start[v + 1] - s->adj.start[v];
}

/* The fit after moving v to the other side. */
static double cp_fit_flipped(const cp_state *s, igraph_integer_t v)
{
	igraph_integer_t in = s->kc[v], out = cp_degree(s, v) - in;
	if (s->core[v])
		return cp_fit(s, s->c - 1, s->acc - in, s->app + out);
	return cp_fit(s, s->c + 1, s->acc + in, s->app - out);
}

static void cp_flip(cp_state *s, igraph_integer_t v)
{
	igraph_integer_t in = s->kc[v], out = cp_degree(s, v) - in;
	int step = s->core[v] ? -1 : 1;

	s->acc += step * in;
	s->app -= step * out;
	s->c += step;
	s->core[v] ^= 1;
	for (int64_t i = s->adj.start[v]; i < s->adj.start[v + 1]; i++)
		s->kc[s->adj.adj[i]] += step;
}

/* Back to an empty core. */
static void cp_reset(cp_state *s)
{
	memset(s->core, 0, (size_t)s->n);
	memset(s->kc, 0, (size_t)s->n * sizeof(*s->kc));
	s->c = s->acc = 0;
	s->app = s->ties;
}

/* Orders two fits: 1 if f is better than g, -1 if worse, 0 if equal within
 * CP_EPS. A NaN fit (undefined partition) is worse than any number. */
static int cp_cmp_fit(double f, double g)
{
	if (isnan(f) || isnan(g))
		return isnan(f) ? (isnan(g) ? 0 : -1) : 1;
	return f > g + CP_EPS ? 1 : f < g - CP_EPS ? -1 : 0;
}

/* Is membership a (size ca, fit fa) preferred to b (size cb, fit fb)? Equal
 * fits go to the smaller core, then to the core holding the lowest vertex
 * where the two differ. */
static int cp_prefer(const unsigned char *a, size_t ca, double fa, const unsigned char *b,
                     size_t cb, double fb, igraph_integer_t n)
{
	int cmp = cp_cmp_fit(fa, fb);
	if (cmp || isnan(fa))
		return cmp > 0;
	if (ca != cb)
		return ca < cb;
	for (igraph_integer_t v = 0; v < n; v++)
		if (a[v] != b[v])
			return a[v];
	return 0;
}

/* Gray-code enumeration of all 2^n memberships: one flip per step. */
static void cp_exhaustive(cp_state *s, unsigned char *best, double *best_fit)
{
	uint64_t steps = (uint64_t)1 << s->n;
	size_t best_c = 0;

	for (uint64_t i = 1; i < steps; i++) {
		int v = __builtin_ctzll(i);
		cp_flip(s, v);
		double f = cp_fit(s, s->c, s->acc, s->app);
		if (cp_prefer(s->core, (size_t)s->c, f, best, best_c, *best_fit, s->n)) {
			memcpy(best, s->core, (size_t)s->n);
			best_c = (size_t)s->c;
			*best_fit = f;
		}
	}
}

/* First-improvement hill climbing: sweep the vertices in random order,
 * flipping any whose move raises the fit, until a sweep changes nothing. */
static int cp_climb(cp_state *s, cm_ctx *ctx, igraph_vector_int_t *order)
{
	int moved = 1;
	s->fit = cp_fit(s, s->c, s->acc, s->app);
	while (moved) {
		moved = 0;
		CM__IG(ctx, igraph_vector_int_shuffle(order));
		for (igraph_integer_t i = 0; i < s->n; i++) {
			igraph_integer_t v = VECTOR(*order)[i];
			double f = cp_fit_flipped(s, v);
			if (cp_cmp_fit(f, s->fit) > 0) {
				cp_flip(s, v);
				s->fit = f;
				moved = 1;
			}
		}
	}
	return 0;
}

/* The deterministic start: the best core made of the k highest-degree
 * vertices (ties by index), over every k. */
static int cp_start_degree(cp_state *s, cm_ctx *ctx, igraph_vector_int_t *order)
{
	igraph_integer_t n = s->n, maxdeg = 0, best_k = 2;
	double best = NAN;

	cp_reset(s);
	for (igraph_integer_t v = 0; v < n; v++)
		maxdeg = cp_degree(s, v) > maxdeg ? cp_degree(s, v) : maxdeg;
	for (igraph_integer_t v = 0; v < n; v++)
		VECTOR(*order)[v] = (maxdeg - cp_degree(s, v)) * n + v;
	igraph_vector_int_sort(order);
	for (igraph_integer_t k = 0; k < n; k++) {
		VECTOR(*order)[k] %= n;
		cp_flip(s, VECTOR(*order)[k]);
		double f = cp_fit(s, s->c, s->acc, s->app);
		if (cp_cmp_fit(f, best) > 0) {
			best = f;
			best_k = k + 1;
		}
	}
	cp_reset(s);
	for (igraph_integer_t k = 0; k < best_k; k++)
		cp_flip(s, VECTOR(*order)[k]);
	return 0;
}

/* A random start: a core of uniform size in [2, n - 2]. */
static int cp_start_random(cp_state *s, cm_ctx *ctx, igraph_vector_int_t *order)
{
	igraph_integer_t k = RNG_INTEGER(2, s->n - 2);
	cp_reset(s);
	CM__IG(ctx, igraph_vector_int_shuffle(order));
	for (igraph_integer_t i = 0; i < k; i++)
		cp_flip(s, VECTOR(*order)[i]);
	return 0;
}

static int cp_local_runs(cp_state *s, cm_ctx *ctx, igraph_vector_int_t *order, int restarts,
                         unsigned char *best, double *best_fit)
{
	size_t best_c = 0;
	for (int r = 0; r < restarts; r++) {
		int rc = r == 0 ? cp_start_degree(s, ctx, order) : cp_start_random(s, ctx, order);
		if (!rc)
			rc = cp_climb(s, ctx, order);
		if (rc)
			return rc;
		if (cp_prefer(s->core, (size_t)s->c, s->fit, best, best_c, *best_fit, s->n)) {
			memcpy(best, s->core, (size_t)s->n);
			best_c = (size_t)s->c;
			*best_fit = s->fit;
		}
		if (cm__progress(ctx, "core/periphery search", (double)(r + 1) / restarts))
			return cm__error(ctx, CM_ERROR, "error: core/periphery search cancelled");
	}
	return 0;
}

static int cp_local(cp_state *s, cm_ctx *ctx, unsigned long seed, int restarts, unsigned char *best,
                    double *best_fit)
{
	igraph_vector_int_t order;
	int rc;

	CM__IG(ctx, igraph_rng_seed(igraph_rng_default(), seed));
	CM__IG(ctx, igraph_vector_int_init_range(&order, 0, s->n));
	rc = cp_local_runs(s, ctx, &order, restarts < 1 ? 1 : restarts, best, best_fit);
	igraph_vector_int_destroy(&order);
	return rc;
}

/* Block densities of the chosen partition; a directed graph fills the two
 * off-diagonal blocks separately, an undirected one gives both the same. */
static void cp_densities(cm__core_periphery *out, const igraph_t *g)
{
	double ties[2][2] = {{0, 0}, {0, 0}}, c = (double)out->core_size;
	double p = (double)igraph_vcount(g) - c, f = igraph_is_directed(g) ? 1.0 : 0.5;
	double cells[2][2] = {{f * c * (c - 1), c * p}, {c * p, f * p * (p - 1)}};

	for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
		int a = !out->core[IGRAPH_FROM(g, e)], b = !out->core[IGRAPH_TO(g, e)];
		ties[a][b]++;
		if (!igraph_is_directed(g) && a != b)
			ties[b][a]++;
	}
	for (int a = 0; a < 2; a++)
		for (int b = 0; b < 2; b++)
			out->density[a][b] = cells[a][b] > 0 ? ties[a][b] / cells[a][b] : NAN;
}

static int cp_search(cm__core_periphery *out, cp_state *s, cm_ctx *ctx, unsigned long seed,
                     int exhaustive_max, int restarts)
{
	int rc = 0;
	out->fit = NAN;
	out->exact = 1; /* without ties or with n < 4 no partition has a fit: known exactly */
	if (s->n >= 4 && s->ties > 0) {
		cp_reset(s);
		out->exact = s->n <= exhaustive_max;
		if (out->exact)
			cp_exhaustive(s, out->core, &out->fit);
		else
			rc = cp_local(s, ctx, seed, restarts, out->core, &out->fit);
	}
	if (isnan(out->fit))
		memset(out->core, 0, (size_t)s->n);
	for (igraph_integer_t v = 0; v < s->n; v++)
		out->core_size += out->core[v];
	return rc;
}

static int cp_run(cm__core_periphery *out, cm_ctx *ctx, const igraph_t *g, unsigned long seed,
                  int exhaustive_max, int restarts)
{
	cp_state s = {
	    .n = igraph_vcount(g), .ties = igraph_ecount(g), .directed = igraph_is_directed(g)};
	igraph_bool_t simple;
	size_t n = s.n ? (size_t)s.n : 1;
	int rc;

	CM__IG(ctx, igraph_is_simple(g, &simple));
	if (!simple)
		return cm__error(ctx, CM_EINVAL,
		                 "error: core/periphery needs a simple graph "
		                 "(no self-loops or parallel ties)");
	out->core = cm__calloc(n, 1);
	s.core = cm__calloc(n, 1);
	s.kc = cm__calloc(n, sizeof(*s.kc));
	if (!out->core || !s.core || !s.kc)
		rc = cm__oom(ctx);
	else if ((rc = cm__csr_init(&s.adj, ctx, g, IGRAPH_ALL)) == 0) {
		rc = cp_search(out, &s, ctx, seed, exhaustive_max, restarts);
		cm__csr_free(&s.adj);
	}
	cm__free(s.core);
	cm__free(s.kc);
	if (!rc)
		cp_densities(out, g);
	return rc;
}

int cm__core_periphery_search(cm__core_periphery *out, cm_ctx *ctx, const igraph_t *g,
                              unsigned long seed, int exhaustive_max, int restarts)
{
	cm__igraph_scope scope;

	memset(out, 0, sizeof(*out));
	int rc = cm__igraph_enter(&scope, ctx);
	if (!rc)
		rc = cp_run(out, ctx, g, seed, exhaustive_max > 30 ? 30 : exhaustive_max, restarts);
	cm__igraph_leave(&scope);
	if (rc)
		cm__core_periphery_free(out);
	return rc;
}

int cm__core_periphery_fit(cm__core_periphery *out, cm_ctx *ctx, const igraph_t *g,
                           unsigned long seed)
{
	return cm__core_periphery_search(out, ctx, g, seed, CM__CP_EXHAUSTIVE_MAX, CM__CP_RESTARTS);
}

void cm__core_periphery_free(cm__core_periphery *cp)
{
	if (!cp)
		return;
	cm__free(cp->core);
	cp->core = NULL;
	cp->core_size = 0;
}
