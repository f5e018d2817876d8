/* SPDX-License-Identifier: MIT */
/* tools/archetypes: write a seeded archetype network of one of Markusen's
 * district types as GraphML (see docs/classification.md, "Evaluation"). */
#include "archetype.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *fp)
{
	fprintf(fp,
	        "Usage: archetypes [OPTIONS] TYPE\n\n"
	        "Write an archetype cluster network as GraphML on standard output.\n"
	        "TYPE: italianate, hub_and_spoke, satellite_platform, state_anchored.\n\n"
	        "  -n, --actors N      actors, inside and outside (default 60; the archetypes\n"
	        "                      are designed for 20..2000, larger ones for benchmarks)\n"
	        "  -s, --seed S        random seed (default 1)\n"
	        "      --noise X       share of ties moved to random pairs (default 0)\n"
	        "      --missing X     chance that each node attribute is left out (default 0)\n"
	        "      --mix TYPE      make a hybrid with this second type\n"
	        "      --mix-share X   share of actors from the second type (default 0.5)\n"
	        "  -h, --help          show this help\n");
}

static int number(double *out, const char *arg, double lo, double hi)
{
	char *end;
	*out = strtod(arg, &end);
	return end != arg && !*end && *out >= lo && *out <= hi ? 0 : -1;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"actors", required_argument, NULL, 'n'}, {"seed", required_argument, NULL, 's'},
	    {"noise", required_argument, NULL, 1},    {"missing", required_argument, NULL, 2},
	    {"mix", required_argument, NULL, 3},      {"mix-share", required_argument, NULL, 4},
	    {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
	arch_opts o;
	double x;
	int opt, bad = 0;
	arch_opts_init(&o);
	while ((opt = getopt_long(argc, argv, "n:s:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			bad |= number(&x, optarg, 20, 100000);
			o.actors = (size_t)x;
			break;
		case 's':
			bad |= number(&x, optarg, 0, 4294967295.0);
			o.seed = (unsigned long)x;
			break;
		case 1: bad |= number(&o.noise, optarg, 0, 1); break;
		case 2: bad |= number(&o.missing, optarg, 0, 1); break;
		case 3: bad |= (o.mix = arch_type_parse(optarg)) < 0; break;
		case 4: bad |= number(&o.mix_share, optarg, 0, 1); break;
		case 'h': usage(stdout); return 0;
		default: bad = 1;
		}
	}
	if (bad || optind != argc - 1 || (o.type = arch_type_parse(argv[optind])) < 0) {
		usage(stderr);
		return 2;
	}
	if (arch_write(stdout, &o) || fflush(stdout)) {
		fprintf(stderr, "archetypes: writing failed\n");
		return 1;
	}
	return 0;
}
