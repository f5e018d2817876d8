/* SPDX-License-Identifier: MIT */
/* clustermap classify: which of Markusen's district types each network
 * matches, with the evidence and the confidence. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_SEED = CLI_OPT_END, OPT_REPLICATES, OPT_STABILITY, OPT_MARGIN };

static void help(void)
{
	printf("Usage: clustermap classify [OPTIONS] FILE...\n\n"
	       "Say which of Markusen's (1996) district types each network matches\n"
	       "(italianate, hub_and_spoke, satellite_platform, state_anchored; or hybrid,\n"
	       "unclassified), why, and how sure the method is. A file with several\n"
	       "snapshots gets one result per snapshot. Method: docs/classification.md.\n"
	       "FILE may be - for standard input.\n\n"
	       "  -f, --format text|json       output format (default text)\n"
	       "  -o, --output FILE            write to FILE (atomically) instead of stdout\n"
	       "      --seed S                 seed of every random draw (default 1)\n"
	       "      --replicates N           null-model replicates per indicator for the\n"
	       "                               z-scores and p-values (default 99, at most 49\n"
	       "                               above 2000 local actors; 0 for none; at most\n"
	       "                               10000)\n"
	       "      --stability N            sensitivity: N/2 replicates with 10%% of ties\n"
	       "                               dropped, besides the fixed reruns (default 20;\n"
	       "                               0 runs no rerun; at most 10000)\n"
	       "      --hybrid-margin X        score difference under which the top two types\n"
	       "                               make a hybrid (default 0.20)\n"
	       "%s\nExit status: 0 when every file was classified, 1 when any was not, 2 on\n"
	       "usage errors.\n",
	       cli_read_help);
}

typedef struct job {
	cli_common c;
	cm_classify_opts opts;
	cm_format format;
	const char *out;
	cm_series **series;
	cm_classification **results;
	size_t nseries, nresults;
} job;

static int classify_file(job *j, cm_ctx *ctx, const char *path)
{
	cm_series *s = NULL;
	int rc = cli_read(&s, ctx, &j->c, path);
	if (rc)
		return rc;
	j->series[j->nseries++] = s;
	size_t n = cm_series_count(s);
	cm_classification **more = realloc(j->results, (j->nresults + n + 1) * sizeof(*more));
	if (!more)
		return cli_error("%s: error: out of memory", path), CM_ENOMEM;
	j->results = more;
	for (size_t i = 0; i < n; i++) {
		cm_classification *r;
		const cm_network *net = NULL;
		if ((rc = cm_series_get(&net, ctx, s, i)) ||
		    (rc = cm_classify(&r, ctx, net, &j->opts))) {
			cli_print_error(ctx, path);
			return rc;
		}
		j->results[j->nresults++] = r;
	}
	return 0;
}

static int write_many(FILE *fp, cm_ctx *ctx, const void *payload)
{
	const job *j = payload;
	return cm_classification_write_many(fp, ctx, (const cm_classification *const *)j->results,
	                                    j->nresults, j->format);
}

static int write_results(job *j, cm_ctx *ctx)
{
	return cli_write_output(ctx, j->out, write_many, j);
}

static int run(job *j, char **files, int nfiles)
{
	cm_ctx *ctx;
	int status = EXIT_OK;
	if (cli_ctx(&ctx, &j->c))
		return EXIT_FAIL;
	j->series = calloc((size_t)nfiles, sizeof(*j->series));
	if (!j->series)
		return cm_ctx_free(ctx), EXIT_FAIL;
	for (int i = 0; i < nfiles; i++)
		if (classify_file(j, ctx, files[i]))
			status = EXIT_FAIL;
	/* Show what could be classified even when another file failed; an
	 * output file is then removed (cli_outputs_finish), not replaced. */
	if (j->nresults && write_results(j, ctx))
		status = EXIT_FAIL;
	for (size_t k = 0; k < j->nresults; k++)
		cm_classification_free(j->results[k]);
	for (size_t k = 0; k < j->nseries; k++)
		cm_series_free(j->series[k]);
	free(j->results);
	free(j->series);
	cm_ctx_free(ctx);
	return status;
}

/* Each replicate is a classification: past this, memory and time grow
 * without making the confidence any more certain. */
enum { MAX_REPLICATES = CM_CLASSIFY_MAX_REPLICATES };

static int number_option(job *j, int opt, const char *arg)
{
	size_t n;
	if (cli_parse_size(&n, arg))
		return cli_usage("classify", "'%s' is not a whole number", arg), -1;
	if (opt == OPT_SEED) {
		j->opts.seed = (unsigned long)n;
		return 1;
	}
	const char *name = opt == OPT_REPLICATES ? "--replicates" : "--stability";
	if (n > MAX_REPLICATES)
		return cli_usage("classify", "%s takes 0 to %d", name, MAX_REPLICATES), -1;
	*(opt == OPT_REPLICATES ? &j->opts.replicates : &j->opts.stability) = n;
	return 1;
}

static int own_option(job *j, int opt, const char *arg)
{
	char *end;
	switch (opt) {
	case 'f': return cli_parse_format(&j->format, "classify", arg) ? -1 : 1;
	case 'o': j->out = arg; return 1;
	case OPT_MARGIN:
		j->opts.hybrid_margin = strtod(arg, &end);
		if (end == arg || *end ||
		    !(j->opts.hybrid_margin >= 0 && j->opts.hybrid_margin <= 2))
			return cli_usage("classify", "--hybrid-margin wants a number in [0, 2]"),
			       -1;
		return 1;
	default: return number_option(j, opt, arg);
	}
}

int cmd_classify(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    {"seed", required_argument, NULL, OPT_SEED},
	    {"replicates", required_argument, NULL, OPT_REPLICATES},
	    {"stability", required_argument, NULL, OPT_STABILITY},
	    {"hybrid-margin", required_argument, NULL, OPT_MARGIN},
	    CLI_READ_OPTIONS,
	    {NULL, 0, NULL, 0}};
	job j = {.format = CLI_FORMAT_UNSET, .out = "-"};
	int opt, r;
	cli_common_init(&j.c, "classify");
	cm_classify_opts_init(&j.opts, CM_CLASSIFY_OPTS_VERSION);
	while ((opt = getopt_long(argc, argv, "f:o:qh", longopts, NULL)) != -1) {
		if ((r = cli_common_option(&j.c, opt, optarg)) < 0)
			return EXIT_USAGE;
		if (!r && own_option(&j, opt, optarg) < 0)
			return EXIT_USAGE;
	}
	if (j.c.help)
		return help(), EXIT_OK;
	if (cli_output_format(&j.format, "classify", j.out))
		return EXIT_USAGE;
	if (j.format == CM_FORMAT_CSV)
		return cli_usage("classify", "classify has no CSV form; use text or json");
	if (optind >= argc)
		return cli_usage("classify", "no input file");
	return run(&j, argv + optind, argc - optind);
}
