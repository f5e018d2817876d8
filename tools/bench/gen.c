/* SPDX-License-Identifier: MIT */
/* gen: a seeded generator of realistic inter-firm networks in clustermap's
 * GraphML data model, for the benchmark (tools/bench/run).
 *
 *   gen [-s SEED] [-o FILE] N      N actors (1e5 and 100000 both work)
 *
 * The network imitates a regional production system: a few large lead firms
 * (hubs) buying from many suppliers, small and medium firms (SMEs) grouped in
 * local communities with dense information ties and subcontracting among
 * them, associations and other institutions with members, and actors outside
 * the region that buy from and sell to it. Every node and edge attribute of
 * the data model is present (kind, employees or size, ownership, location,
 * label, sector; relation, weight, year, start, end), about five ties per
 * actor. The same seed gives the same file, byte for byte. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CM_ARRAY(a) (sizeof(a) / sizeof((a)[0]))

/* ------------------------------------------------------------ random */

static uint64_t rng_state[4];

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void rng_seed(uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		rng_state[i] = splitmix(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* xoshiro256** (Blackman and Vigna): fast, and the same on every platform. */
static uint64_t rng_next(void)
{
	uint64_t *s = rng_state;
	uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

static double unif(void)
{
	return (double)(rng_next() >> 11) * 0x1.0p-53;
}

static size_t below(size_t n)
{
	return n ? (size_t)(unif() * (double)n) : 0;
}

/* ------------------------------------------------------------ actors */

typedef enum { ROLE_SME, ROLE_HUB, ROLE_OUTSIDE, ROLE_INST } role;

static const char *const inst_kinds[] = {"association", "association", "association", "cluster_org",
                                         "training",    "research",    "university",  "government",
                                         "finance",     "other"};
static const char *const sectors[] = {"C13.10", "C13.20", "C13.30", "C14.13", "C14.19",
                                      "C15.12", "C28.94", "G46.41", "H49.41", "M74.10"};
static const char *const size_words[] = {"micro", "small", "medium", "large"};

typedef struct world {
	size_t n;
	unsigned char *role;
	size_t *hubs, nhubs;
	size_t *outside, noutside;
	size_t *insts, ninsts;
	size_t *assocs, nassocs; /* institutions of kind association */
	size_t *smes, nsmes;     /* in community order */
	size_t *comm_start;      /* community c holds smes[comm_start[c] .. comm_start[c+1]) */
	size_t ncomm;
	size_t edges;
	FILE *out;
} world;

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		fprintf(stderr, "gen: out of memory\n");
		exit(1);
	}
	return p;
}

/* Shares of the actors: 0.2% hubs, 0.5% institutions, 5% outside, the rest SMEs. */
static void assign_roles(world *w)
{
	size_t n = w->n;
	w->role = xmalloc(n);
	w->hubs = xmalloc(n * sizeof(size_t));
	w->outside = xmalloc(n * sizeof(size_t));
	w->insts = xmalloc(n * sizeof(size_t));
	w->assocs = xmalloc(n * sizeof(size_t));
	w->smes = xmalloc(n * sizeof(size_t));
	for (size_t i = 0; i < n; i++) {
		double u = unif();
		role r = i < 2       ? ROLE_HUB
		         : i < 5     ? ROLE_INST
		         : u < 0.002 ? ROLE_HUB
		         : u < 0.007 ? ROLE_INST
		         : u < 0.057 ? ROLE_OUTSIDE
		                     : ROLE_SME;
		w->role[i] = (unsigned char)r;
		if (r == ROLE_HUB)
			w->hubs[w->nhubs++] = i;
		else if (r == ROLE_OUTSIDE)
			w->outside[w->noutside++] = i;
		else if (r == ROLE_SME)
			w->smes[w->nsmes++] = i;
		else {
			if (w->ninsts % CM_ARRAY(inst_kinds) < 3)
				w->assocs[w->nassocs++] = i;
			w->insts[w->ninsts++] = i;
		}
	}
}

/* SMEs of the same place and trade: consecutive runs of 10 to 60 firms. */
static void make_communities(world *w)
{
	w->comm_start = xmalloc((w->nsmes + 2) * sizeof(size_t));
	size_t at = 0;
	w->ncomm = 0;
	while (at < w->nsmes) {
		w->comm_start[w->ncomm++] = at;
		at += 10 + below(51);
	}
	w->comm_start[w->ncomm] = w->nsmes;
}

static size_t comm_of_rank(const world *w, size_t rank)
{
	size_t lo = 0, hi = w->ncomm;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (w->comm_start[mid] <= rank)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* ------------------------------------------------------------ writing */

static void write_header(world *w, unsigned long seed)
{
	fprintf(
	    w->out,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!-- Synthetic inter-firm network: %zu actors, seed %lu (tools/bench/gen) -->\n"
	    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
	    "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
	    "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
	    "  <key id=\"employees\" for=\"node\" attr.name=\"employees\" attr.type=\"int\"/>\n"
	    "  <key id=\"size\" for=\"node\" attr.name=\"size\" attr.type=\"string\"/>\n"
	    "  <key id=\"ownership\" for=\"node\" attr.name=\"ownership\" attr.type=\"string\"/>\n"
	    "  <key id=\"location\" for=\"node\" attr.name=\"location\" attr.type=\"string\"/>\n"
	    "  <key id=\"sector\" for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>\n"
	    "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
	    "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
	    "  <key id=\"year\" for=\"edge\" attr.name=\"year\" attr.type=\"int\"/>\n"
	    "  <key id=\"start\" for=\"edge\" attr.name=\"start\" attr.type=\"int\"/>\n"
	    "  <key id=\"end\" for=\"edge\" attr.name=\"end\" attr.type=\"int\"/>\n"
	    "  <key id=\"glabel\" for=\"graph\" attr.name=\"label\" attr.type=\"string\"/>\n"
	    "  <key id=\"gyear\" for=\"graph\" attr.name=\"year\" attr.type=\"int\"/>\n"
	    "  <graph id=\"G\" edgedefault=\"directed\">\n"
	    "    <data key=\"glabel\">Synthetic production network (%zu actors)</data>\n"
	    "    <data key=\"gyear\">2023</data>\n",
	    w->n, seed, w->n);
}

static void write_size(world *w, role r)
{
	static const unsigned lo[] = {1, 10, 50, 250}, span[] = {9, 40, 200, 4750};
	/* SMEs: 60% micro, 30% small, 10% medium; hubs large; others mixed. */
	double u = unif();
	int cls = r == ROLE_HUB   ? 3
	          : r == ROLE_SME ? (u < 0.6   ? 0
	                             : u < 0.9 ? 1
	                                       : 2)
	                          : (int)below(4);
	double form = unif();
	if (form < 0.05 && r != ROLE_HUB)
		return; /* size unknown */
	if (form < 0.75)
		fprintf(w->out, "<data key=\"employees\">%u</data>",
		        lo[cls] + (unsigned)below(span[cls]));
	else
		fprintf(w->out, "<data key=\"size\">%s</data>", size_words[cls]);
}

static void write_node(world *w, size_t i, size_t *inst_seq)
{
	role r = (role)w->role[i];
	const char *kind = "firm";
	if (r == ROLE_INST)
		kind = inst_kinds[(*inst_seq)++ % CM_ARRAY(inst_kinds)];
	fprintf(w->out, "    <node id=\"a%zu\"><data key=\"label\">%s %zu</data>", i,
	        r == ROLE_INST      ? "Institution"
	        : r == ROLE_OUTSIDE ? "Buyer"
	                            : "Firm",
	        i);
	fprintf(w->out, "<data key=\"kind\">%s</data>", kind);
	if (r != ROLE_INST)
		write_size(w, r);
	int external = r == ROLE_OUTSIDE ? unif() < 0.9
	               : r == ROLE_HUB   ? unif() < 0.4
	               : r == ROLE_SME   ? unif() < 0.03
	                                 : 0;
	fprintf(w->out, "<data key=\"ownership\">%s</data><data key=\"location\">%s</data>",
	        external ? "external" : "local", r == ROLE_OUTSIDE ? "outside" : "inside");
	if (r != ROLE_INST)
		fprintf(w->out, "<data key=\"sector\">%s</data>",
		        sectors[i % 7 == 0 ? below(CM_ARRAY(sectors)) : (i / 97) % 4]);
	fputs("</node>\n", w->out);
}

static void write_edge(world *w, size_t src, size_t dst, const char *relation, double weight)
{
	if (src == dst)
		return;
	unsigned year = 2005 + (unsigned)below(19);
	fprintf(
	    w->out,
	    "    <edge id=\"t%zu\" source=\"a%zu\" target=\"a%zu\"><data key=\"relation\">%s</data>"
	    "<data key=\"weight\">%.2f</data><data key=\"year\">%u</data>",
	    w->edges++, src, dst, relation, weight, year);
	if (unif() < 0.1)
		fprintf(w->out, "<data key=\"start\">%u</data><data key=\"end\">%u</data>",
		        year - (unsigned)below(5), year + 1 + (unsigned)below(6));
	fputs("</edge>\n", w->out);
}

/* ------------------------------------------------------------ ties */

/* Lead firms differ in how many suppliers they have: the first hubs get most. */
static size_t pick_hub(const world *w)
{
	double u = unif();
	return w->hubs[(size_t)(u * u * u * (double)w->nhubs)];
}

static size_t pick_in_comm(const world *w, size_t c)
{
	size_t lo = w->comm_start[c], hi = w->comm_start[c + 1];
	return w->smes[lo + below(hi - lo)];
}

static double tie_weight(double scale)
{
	return 1 + scale * unif() * unif();
}

static void sme_ties(world *w, size_t rank)
{
	size_t me = w->smes[rank], c = comm_of_rank(w, rank);
	/* Supply: to lead firms, to neighbours (subcontracting), to outside buyers. */
	int nsupply = 1 + (unif() < 0.6);
	for (int k = 0; k < nsupply; k++) {
		double u = unif();
		size_t buyer = u < 0.55                  ? pick_hub(w)
		               : u < 0.9 || !w->noutside ? pick_in_comm(w, c)
		                                         : w->outside[below(w->noutside)];
		write_edge(w, me, buyer, unif() < 0.05 ? "subcontracting" : "supplier",
		           tie_weight(20));
	}
	/* Information: dense inside the community, now and then across. */
	int ninfo = 1 + (int)below(3) + (unif() < 0.8);
	for (int k = 0; k < ninfo; k++) {
		size_t other = unif() < 0.92 ? pick_in_comm(w, c) : w->smes[below(w->nsmes)];
		write_edge(w, me, other, unif() < 0.05 ? "advice" : "information", tie_weight(4));
	}
	/* Membership: the community's association, sometimes a second one. */
	if (w->nassocs && unif() < 0.7)
		write_edge(w, me, w->assocs[c % w->nassocs], "association", 1);
	if (w->nassocs && unif() < 0.1)
		write_edge(w, me, w->assocs[below(w->nassocs)], "membership", 1);
}

static void other_ties(world *w)
{
	for (size_t k = 0; k < w->noutside; k++) {
		size_t me = w->outside[k];
		write_edge(w, me, pick_hub(w), "supplier", tie_weight(50));
		if (unif() < 0.5)
			write_edge(w, pick_hub(w), me, "supplier", tie_weight(50));
		if (unif() < 0.3)
			write_edge(w, w->smes[below(w->nsmes)], me, "supplier", tie_weight(10));
	}
	for (size_t k = 0; k < w->nhubs; k++) {
		size_t me = w->hubs[k];
		if (w->nassocs && unif() < 0.6)
			write_edge(w, me, w->assocs[below(w->nassocs)], "association", 1);
		for (int j = 0; j < 3; j++)
			write_edge(w, me, w->smes[below(w->nsmes)], "information", tie_weight(4));
	}
	/* Institutions advise firms: training centres, research, universities. */
	for (size_t k = 0; k < w->ninsts; k++)
		for (int j = 0; j < 8; j++)
			write_edge(w, w->insts[k], w->smes[below(w->nsmes)], "information",
			           tie_weight(2));
}

/* ------------------------------------------------------------ main */

static size_t parse_count(const char *s)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || errno || v < 100 || v > 1e8) {
		fprintf(stderr, "gen: '%s' is not a number of actors between 100 and 1e8\n", s);
		exit(2);
	}
	return (size_t)(v + 0.5);
}

static void usage(void)
{
	fprintf(stderr, "Usage: gen [-s SEED] [-o FILE] N\n"
	                "Writes a synthetic inter-firm network of N actors as GraphML.\n");
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long seed = 1;
	const char *path = NULL;
	int opt;
	while ((opt = getopt(argc, argv, "s:o:h")) != -1) {
		if (opt == 's')
			seed = strtoul(optarg, NULL, 10);
		else if (opt == 'o')
			path = optarg;
		else
			usage();
	}
	if (optind != argc - 1)
		usage();
	world w = {.n = parse_count(argv[optind])};
	w.out = path ? fopen(path, "w") : stdout;
	if (!w.out) {
		fprintf(stderr, "gen: cannot write %s: %s\n", path, strerror(errno));
		return 1;
	}
	static char buf[1 << 20];
	setvbuf(w.out, buf, _IOFBF, sizeof(buf));
	rng_seed(seed);
	assign_roles(&w);
	make_communities(&w);
	write_header(&w, seed);
	size_t inst_seq = 0;
	for (size_t i = 0; i < w.n; i++)
		write_node(&w, i, &inst_seq);
	for (size_t r = 0; r < w.nsmes; r++)
		sme_ties(&w, r);
	other_ties(&w);
	fputs("  </graph>\n</graphml>\n", w.out);
	if (fflush(w.out) || (path && fclose(w.out))) {
		fprintf(stderr, "gen: cannot write %s: %s\n", path ? path : "output",
		        strerror(errno));
		return 1;
	}
	return 0;
}
