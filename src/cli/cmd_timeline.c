/* SPDX-License-Identifier: MIT */
/* clustermap timeline: measures of every snapshot of a series. */
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_MEASURES "density,centralization.degree,transitivity"

static void help(void)
{
	printf("Usage: clustermap timeline [OPTIONS] SNAPSHOTS...\n\n"
	       "One row per snapshot with the network-level measures of every layer and\n"
	       "the changes from the snapshot before (actors entered and left, ties formed\n"
	       "and dissolved, Jaccard persistence, QAP correlation). Snapshots come from\n"
	       "several files in the order given, from one file with several <graph>\n"
	       "elements, or from one dated graph sliced with --by year or --at. See\n"
	       "docs/time.md.\n\n"
	       "  -f, --format text|json|csv   output format (default text)\n"
	       "  -o, --output FILE            write the report to FILE (atomically)\n"
	       "      --no-names               actors by key only, without their labels\n"
	       "      --by year                one snapshot per year named in the dates\n"
	       "      --at Y1,Y2,...           one snapshot at each of these years\n"
	       "      --plot OUT.svg           line chart of --measures over time; .png and\n"
	       "                               .pdf draw it in those formats\n"
	       "      --measures LIST          measures to plot, MEASURE or LAYER:MEASURE\n"
	       "                               (default " DEFAULT_MEASURES ")\n"
	       "      --layer NAME             layer of measures given without one (default all)\n"
	       "      --title TEXT             the chart's title; before each snapshot's name\n"
	       "                               (and year) in the titles of --render-dir\n"
	       "      --caption TEXT           a line under the chart and under every diagram\n"
	       "                               of --render-dir (source, date, ...)\n"
	       "      --verdicts               each snapshot's verdict under its year\n"
	       "      --render-dir DIR         one diagram per snapshot, DIR/NAME.svg, all on\n"
	       "                               the same positions (small multiples)\n"
	       "                               (node sizes on one scale over the series)\n"
	       "      --render-format FMT      svg (default), png, pdf or dot for --render-dir\n"
	       "      --positions F            small multiples pin the actors listed in CSV F\n"
	       "                               (id,x,y in points, as render --save-positions)\n"
	       "      --match-by ATTR          match actors by this node attribute (default id)\n"
	       "      --permutations N         QAP permutations (default 1000; 0: no test)\n"
	       "      --seed S                 seed of the permutations and the\n"
	       "                               classification (default 1)\n"
	       "      --no-classify            skip classifying each snapshot (faster)\n"
	       "%s\nExit status: 0 on success, 1 when an input or output failed, 2 on usage "
	       "errors.\n",
	       cli_read_help);
}

typedef struct tl_args {
	cm_format format;
	const char *output, *plot, *measures, *layer, *render_dir, *render_format, *positions;
	const char *title, *caption;
	int verdicts;
	int plot_format; /* cm_render_format of the chart, from its name */
	int flags;       /* CM_DIFF_NO_NAMES */
} tl_args;

enum {
	OPT_OUTPUT = 1,
	OPT_PLOT,
	OPT_MEASURES,
	OPT_LAYER,
	OPT_RENDER_DIR,
	OPT_RENDER_FORMAT,
	OPT_TITLE,
	OPT_CAPTION,
	OPT_VERDICTS,
	OPT_NO_NAMES,
	OPT_POSITIONS
};

static int draw(cm_ctx *ctx, const cm_timeline *tl, const cli_series *opts, const tl_args *a)
{
	cm_render_opts ro;
	cm_render_opts_init(&ro, CM_RENDER_OPTS_VERSION);
	ro.seed = opts->compare.seed;
	ro.title = a->title;
	ro.caption = a->caption;
	cm_positions *pin = NULL;
	if (a->positions && cm_positions_read_file(&pin, ctx, a->positions)) {
		cli_print_error(ctx, a->positions);
		return CM_EIO;
	}
	ro.pin = pin;
	int rc = cm_render_format_parse(&ro.format, a->render_format);
	if (!rc)
		rc = cm_timeline_render(ctx, tl, a->render_dir, &ro);
	if (rc)
		cli_print_write_error(ctx, rc, a->render_dir);
	cm_positions_free(pin);
	return rc;
}

typedef struct output {
	const cm_timeline *tl;
	const tl_args *a;
} output;

static int write_chart(FILE *fp, cm_ctx *ctx, const void *payload)
{
	const output *o = payload;
	cm_plot_opts po = CM_PLOT_OPTS_INIT;
	po.measures = o->a->measures;
	po.layer = o->a->layer;
	po.title = o->a->title;
	po.caption = o->a->caption;
	po.verdicts = o->a->verdicts;
	po.format = o->a->plot_format;
	return cm_timeline_plot_opts(fp, ctx, o->tl, &po);
}

static int write_report(FILE *fp, cm_ctx *ctx, const void *payload)
{
	const output *o = payload;
	return cm_timeline_write_flags(fp, ctx, o->tl, o->a->format, o->a->flags);
}

static int write_to(cm_ctx *ctx, const cm_timeline *tl, const tl_args *a, int chart)
{
	return cli_write_output(ctx, chart ? a->plot : a->output,
	                        chart ? write_chart : write_report, &(output){tl, a});
}

static int report(cm_ctx *ctx, const cm_series *s, const cli_series *opts, const void *args,
                  int quiet)
{
	const tl_args *a = args;
	cm_timeline *tl = NULL;
	int rc = cm_timeline_compute(&tl, ctx, s, &opts->compare);
	if (rc)
		cli_series_error(ctx, opts);
	/* The chart first: a bad measure name leaves no half-done report behind. */
	if (!rc && a->plot)
		rc = write_to(ctx, tl, a, 1);
	if (!rc && a->render_dir && cli_make_dir("timeline", a->render_dir))
		rc = CM_EIO;
	else if (!rc && a->render_dir)
		rc = draw(ctx, tl, opts, a);
	if (!rc)
		rc = write_to(ctx, tl, a, 0);
	cli_print_diags(ctx, !quiet);
	cm_timeline_free(tl);
	return rc ? EXIT_FAIL : EXIT_OK;
}

/* The chart's format from its name: .svg, .png or .pdf; another picture
 * format (chart.jpg) is refused rather than written under the wrong name,
 * and a name with no picture extension (or stdout) gets SVG. */
static int plot_format(int *format, const char *plot)
{
	const char *ext = plot ? cli_picture_extension(plot) : NULL;
	cm_render_format rf = CM_RENDER_SVG;
	if (ext && (cm_render_format_parse(&rf, ext) ||
	            (rf != CM_RENDER_SVG && rf != CM_RENDER_PNG && rf != CM_RENDER_PDF)))
		return cli_usage("timeline",
		                 "the chart is drawn as SVG, PNG or PDF; name it .svg, .png or "
		                 ".pdf (not '%s')",
		                 plot);
	*format = (int)rf;
	return 0;
}

static void own_option(tl_args *a, int opt, const char *arg)
{
	switch (opt) {
	case 'o':
	case OPT_OUTPUT: a->output = arg; break;
	case OPT_PLOT: a->plot = arg; break;
	case OPT_MEASURES: a->measures = arg; break;
	case OPT_LAYER: a->layer = arg; break;
	case OPT_RENDER_DIR: a->render_dir = arg; break;
	case OPT_RENDER_FORMAT: a->render_format = arg; break;
	case OPT_TITLE: a->title = arg; break;
	case OPT_CAPTION: a->caption = arg; break;
	case OPT_VERDICTS: a->verdicts = 1; break;
	case OPT_NO_NAMES: a->flags |= CM_DIFF_NO_NAMES; break;
	case OPT_POSITIONS: a->positions = arg; break;
	default: break;
	}
}

int cmd_timeline(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, OPT_OUTPUT},
	    {"plot", required_argument, NULL, OPT_PLOT},
	    {"measures", required_argument, NULL, OPT_MEASURES},
	    {"layer", required_argument, NULL, OPT_LAYER},
	    {"render-dir", required_argument, NULL, OPT_RENDER_DIR},
	    {"render-format", required_argument, NULL, OPT_RENDER_FORMAT},
	    {"title", required_argument, NULL, OPT_TITLE},
	    {"caption", required_argument, NULL, OPT_CAPTION},
	    {"verdicts", no_argument, NULL, OPT_VERDICTS},
	    {"no-names", no_argument, NULL, OPT_NO_NAMES},
	    {"positions", required_argument, NULL, OPT_POSITIONS},
	    CLI_SERIES_OPTIONS,
	    CLI_READ_OPTIONS,
	    {NULL, 0, NULL, 0}};
	cli_common c;
	cli_series s;
	tl_args a = {.format = CLI_FORMAT_UNSET,
	             .output = "-",
	             .measures = DEFAULT_MEASURES,
	             .layer = "all",
	             .render_format = "svg"};
	int opt, r;
	cli_common_init(&c, "timeline");
	cli_series_init(&s);
	while ((opt = getopt_long(argc, argv, "f:o:qh", longopts, NULL)) != -1) {
		if ((r = cli_common_option(&c, opt, optarg)) < 0 ||
		    (!r && (r = cli_series_option(&s, "timeline", opt, optarg)) < 0))
			return EXIT_USAGE;
		if (opt == 'f' && cli_parse_format(&a.format, "timeline", optarg))
			return EXIT_USAGE;
		own_option(&a, opt, optarg);
	}
	if (c.help)
		return help(), EXIT_OK;
	if (cli_output_format(&a.format, "timeline", a.output) ||
	    plot_format(&a.plot_format, a.plot))
		return EXIT_USAGE;
	cm_render_format rf;
	if (optind >= argc)
		return cli_usage("timeline", "no input file");
	if (cm_render_format_parse(&rf, a.render_format) || rf == CM_RENDER_PLAIN)
		return cli_usage("timeline", "unknown render format '%s'; use svg, png, pdf or dot",
		                 a.render_format);
	if (((a.title || a.caption) && !a.plot && !a.render_dir) || (a.verdicts && !a.plot))
		return cli_usage("timeline",
		                 "--title and --caption go with --plot or --render-dir, "
		                 "--verdicts with --plot");
	if (a.positions && !a.render_dir)
		return cli_usage("timeline", "--positions goes with --render-dir");
	if (a.verdicts && s.compare.no_classify)
		return cli_usage("timeline",
		                 "--verdicts needs the classification; drop --no-classify");
	if (s.by_year && s.nyears)
		return cli_usage("timeline", "give --by year or --at, not both");
	if ((s.by_year || s.nyears) && argc - optind != 1)
		return cli_usage("timeline", "--by and --at slice one dated file");
	if (a.plot && !strcmp(a.plot, "-") && !strcmp(a.output, "-"))
		return cli_usage("timeline", "the chart and the report cannot both go to stdout");
	if (cli_same_output(a.plot, a.output))
		return cli_usage("timeline", "the chart and the report name the same file '%s'",
		                 a.plot);
	return cli_series_run(&c, &s, argv + optind, argc - optind, report, &a);
}
