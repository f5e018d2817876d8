/* SPDX-License-Identifier: MIT */
/* clustermap diff: what changed between two snapshots. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

static void help(void)
{
	printf("Usage: clustermap diff [OPTIONS] OLD NEW\n"
	       "       clustermap diff [OPTIONS] SERIES\n\n"
	       "Compare two snapshots of a cluster: actors who entered and left (by kind);\n"
	       "per layer the ties formed, dissolved and persisted and their Jaccard\n"
	       "persistence; the QAP correlation of the two adjacency matrices over the\n"
	       "common actors with a permutation p-value; every network-level measure\n"
	       "(old, new, delta). A single SERIES file must hold exactly two snapshots\n"
	       "(two <graph> elements, or one dated graph with --at Y1,Y2). See docs/time.md.\n\n"
	       "  -f, --format text|json|csv   output format (default text)\n"
	       "  -o, --output FILE            write the report to FILE (atomically)\n"
	       "      --persisted              also list the ties that persisted (counted\n"
	       "                               always)\n"
	       "      --no-names               actors by key only, without their labels\n"
	       "      --diagram FILE           draw both snapshots on the same positions:\n"
	       "                               persisted ties grey, formed green, dissolved\n"
	       "                               red and dashed, entered and departed actors\n"
	       "                               marked; format from the extension (.svg, .png,\n"
	       "                               .pdf, .dot)\n"
	       "      --match-by ATTR          match actors by this node attribute (default id)\n"
	       "      --permutations N         QAP permutations (default 1000; 0: no test)\n"
	       "      --seed S                 seed of the permutations and the\n"
	       "                               classification (default 1)\n"
	       "      --no-classify            skip classifying each snapshot (faster)\n"
	       "      --at Y1,Y2               slice one dated graph at these two years\n"
	       "%s\nExit status: 0 on success, 1 when an input or output failed, 2 on usage "
	       "errors.\n",
	       cli_read_help);
}

typedef struct diff_args {
	cm_format format;
	const char *output, *diagram;
	cm_render_format diagram_format;
	int flags; /* CM_DIFF_* */
} diff_args;

enum { OPT_DIAGRAM = 1, OPT_PERSISTED, OPT_NO_NAMES };

static int draw(cm_ctx *ctx, const cm_diff *d, const cli_series *opts, const diff_args *a)
{
	cm_render_opts ro;
	cm_render_opts_init(&ro, CM_RENDER_OPTS_VERSION);
	ro.format = a->diagram_format;
	ro.seed = opts->compare.seed;
	int rc = cm_diff_render(ctx, d, a->diagram, &ro);
	if (rc)
		cli_print_write_error(ctx, rc, a->diagram);
	return rc;
}

typedef struct report {
	const cm_diff *d;
	cm_format format;
	int flags;
} report;

static int write_report(FILE *fp, cm_ctx *ctx, const void *payload)
{
	const report *r = payload;
	return cm_diff_write_flags(fp, ctx, r->d, r->format, r->flags);
}

static int compare(cm_ctx *ctx, const cm_series *s, const cli_series *opts, const void *args,
                   int quiet)
{
	const diff_args *a = args;
	cm_diff *d = NULL;
	if (cm_series_count(s) != 2) {
		fprintf(stderr,
		        "clustermap diff: error: the input holds %zu snapshots, not two; "
		        "give OLD and NEW, or pick two years with --at\n",
		        cm_series_count(s));
		return EXIT_FAIL;
	}
	const cm_network *old_net = NULL, *new_net = NULL;
	int rc = cm_series_get(&old_net, ctx, s, 0);
	if (!rc)
		rc = cm_series_get(&new_net, ctx, s, 1);
	if (!rc)
		rc = cm_diff_compute(&d, ctx, old_net, new_net, &opts->compare);
	if (rc)
		cli_series_error(ctx, opts);
	if (!rc && a->diagram)
		rc = draw(ctx, d, opts, a);
	if (!rc &&
	    (rc = cli_write_file(ctx, a->output, write_report, &(report){d, a->format, a->flags})))
		cli_print_write_error(ctx, rc, a->output);
	cli_print_diags(ctx, !quiet);
	cm_diff_free(d);
	return rc ? EXIT_FAIL : EXIT_OK;
}

static void own_option(diff_args *a, int opt, const char *arg)
{
	switch (opt) {
	case 'o': a->output = arg; break;
	case OPT_DIAGRAM: a->diagram = arg; break;
	case OPT_PERSISTED: a->flags |= CM_DIFF_PERSISTED; break;
	case OPT_NO_NAMES: a->flags |= CM_DIFF_NO_NAMES; break;
	default: break;
	}
}

/* -o named the diagram before it named the report, as in every other
 * command: a picture's name given to -o is that old use, refused with
 * the way to say it now rather than filled with a text report. */
static int old_diagram_use(const char *output)
{
	cm_render_format f;
	if (!output || !strcmp(output, "-") || cm_render_format_from_path(&f, output))
		return 0;
	return cli_usage("diff", "-o names the report now; draw the diagram with --diagram %s",
	                 output);
}

int cmd_diff(int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
	                                         {"output", required_argument, NULL, 'o'},
	                                         {"diagram", required_argument, NULL, OPT_DIAGRAM},
	                                         {"persisted", no_argument, NULL, OPT_PERSISTED},
	                                         {"no-names", no_argument, NULL, OPT_NO_NAMES},
	                                         CLI_SERIES_OPTIONS,
	                                         CLI_READ_OPTIONS,
	                                         {NULL, 0, NULL, 0}};
	cli_common c;
	cli_series s;
	diff_args a = {CLI_FORMAT_UNSET, "-", NULL, CM_RENDER_SVG, 0};
	int opt, r;
	cli_common_init(&c, "diff");
	cli_series_init(&s);
	while ((opt = getopt_long(argc, argv, "f:o:qh", longopts, NULL)) != -1) {
		if ((r = cli_common_option(&c, opt, optarg)) < 0 ||
		    (!r && (r = cli_series_option(&s, "diff", opt, optarg)) < 0))
			return EXIT_USAGE;
		if (opt == 'f' && cli_parse_format(&a.format, "diff", optarg))
			return EXIT_USAGE;
		own_option(&a, opt, optarg);
	}
	if (c.help)
		return help(), EXIT_OK;
	if (a.diagram && cm_render_format_from_path(&a.diagram_format, a.diagram))
		return cli_usage("diff",
		                 "cannot tell the diagram format from '%s'; end it in .svg, "
		                 ".png, .pdf or .dot",
		                 a.diagram);
	if (cli_same_output(a.diagram, a.output))
		return cli_usage("diff", "--output and --diagram name the same file '%s'",
		                 a.output);
	if (old_diagram_use(a.output) || cli_output_format(&a.format, "diff", a.output))
		return EXIT_USAGE;
	if (s.by_year)
		return cli_usage("diff", "--by year makes a series; use timeline, or --at Y1,Y2");
	int n = argc - optind;
	if (n < 1 || n > 2)
		return cli_usage("diff", n ? "give OLD and NEW, or one file with two snapshots"
		                           : "no input file");
	if (s.nyears && (n != 1 || s.nyears != 2))
		return cli_usage("diff", "--at takes two years and one dated file");
	return cli_series_run(&c, &s, argv + optind, n, compare, &a);
}
