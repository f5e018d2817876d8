/* SPDX-License-Identifier: MIT */
/* clustermap render: draw a cluster map with Graphviz. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
	printf("Usage: clustermap render [OPTIONS] FILE -o OUT\n\n"
	       "Draw the network as a cluster map: fill colour by kind, shape by ownership\n"
	       "(circle local, square external), size by a measure, line style by relation,\n"
	       "the region's actors inside a labelled box, and a legend. Every option and\n"
	       "encoding: docs/render.md. FILE may be - for standard input.\n\n"
	       "  -o, --output OUT             the drawing (written atomically; - for stdout)\n"
	       "  -f, --format svg|png|pdf|dot|plain\n"
	       "                               output format (default: from OUT's extension)\n"
	       "  -l, --layer NAME             draw one relation layer only\n"
	       "      --size-by M              node area by an actor measure (default\n"
	       "                               betweenness; degree, pagerank, ...), size for\n"
	       "                               the size class, or none\n"
	       "      --color-by X             kind (default), community, role, or any node\n"
	       "                               attribute such as sector\n"
	       "      --labels K               label the K largest actors (default: all up to\n"
	       "                               50 actors, else 20); 0 for none\n"
	       "      --label-length N         cut labels after N characters (default 18)\n"
	       "      --title T                title (default: the graph label or file name)\n"
	       "      --layout L               auto (default), sfdp, neato, fdp, dot, circo;\n"
	       "                               dot with --layer supplier draws supply tiers\n"
	       "      --aggregate-above N      draw groups above N actors or 10N distinct lines\n"
	       "                               (default 2000)\n"
	       "      --full                   never draw groups, whatever the size\n"
	       "      --seed S                 layout and community seed (default 1)\n"
	       "      --positions F            pin the actors listed in CSV F (id,x,y, points)\n"
	       "      --relayout               lay out anew, ignoring the positions the file\n"
	       "                               gives (yEd's coordinates, x and y attributes)\n"
	       "      --groups                 draw the file's groups (yEd folders, nested\n"
	       "                               graphs) as labelled boxes, in place of the region\n"
	       "      --save-positions F       write the final layout to F as CSV\n"
	       "      --snapshot N             draw snapshot N (1-based) of a multi-snapshot file\n"
	       "%s\nExit status: 0 when the drawing was written, 1 when it was not, 2 on usage "
	       "errors.\n",
	       cli_read_help);
}

enum {
	OPT_SIZE_BY = CLI_OPT_END,
	OPT_COLOR_BY,
	OPT_LABELS,
	OPT_LABEL_LENGTH,
	OPT_TITLE,
	OPT_LAYOUT,
	OPT_AGGREGATE,
	OPT_FULL,
	OPT_SEED,
	OPT_POSITIONS,
	OPT_SAVE_POSITIONS,
	OPT_SNAPSHOT,
	OPT_RELAYOUT,
	OPT_GROUPS
};

typedef struct job {
	cli_common c;
	cm_render_opts opts;
	const char *out, *format, *positions, *save;
	size_t snapshot; /* 1-based; 0: the file must hold one */
} job;

static int number(size_t *out, const char *arg, const char *what)
{
	if (cli_parse_size(out, arg) == 0)
		return 0;
	return cli_usage("render", "%s must be a whole number, not '%s'", what, arg);
}

static int render_option(job *j, int opt, const char *arg)
{
	size_t v = 0;
	switch (opt) {
	case 'o': j->out = arg; return 0;
	case 'f': j->format = arg; return 0;
	case 'l': j->opts.layer = arg; return 0;
	case OPT_SIZE_BY: j->opts.size_by = arg; return 0;
	case OPT_COLOR_BY: j->opts.color_by = arg; return 0;
	case OPT_LABELS: return number(&j->opts.labels, arg, "--labels");
	case OPT_LABEL_LENGTH: return number(&j->opts.label_length, arg, "--label-length");
	case OPT_TITLE: j->opts.title = arg; return 0;
	case OPT_LAYOUT: j->opts.layout = arg; return 0;
	case OPT_AGGREGATE: return number(&j->opts.aggregate_above, arg, "--aggregate-above");
	case OPT_FULL: j->opts.full = 1; return 0;
	case OPT_RELAYOUT: j->opts.relayout = 1; return 0;
	case OPT_GROUPS: j->opts.groups = 1; return 0;
	case OPT_SEED:
		if (number(&v, arg, "--seed"))
			return EXIT_USAGE;
		j->opts.seed = (unsigned long)v;
		return 0;
	case OPT_POSITIONS: j->positions = arg; return 0;
	case OPT_SAVE_POSITIONS: j->save = arg; return 0;
	case OPT_SNAPSHOT:
		if (number(&j->snapshot, arg, "--snapshot"))
			return EXIT_USAGE;
		/* 0 would mean "the only snapshot", which the user did not ask for. */
		return j->snapshot ? 0 : cli_usage("render", "--snapshot counts from 1");
	default: return cli_usage("render", "unknown option");
	}
}

static int check_job(job *j, int nfiles)
{
	static const char *const layouts[] = {"auto", "sfdp", "neato", "fdp", "dot", "circo"};
	if (nfiles != 1)
		return cli_usage("render", nfiles ? "give one input file" : "no input file");
	if (!j->out)
		return cli_usage("render", "no output; give -o OUT");
	if (cli_same_output(j->out, j->save))
		return cli_usage("render", "-o and --save-positions name the same file '%s'",
		                 j->save);
	const char *fmt = j->format;
	if (fmt && cm_render_format_parse(&j->opts.format, fmt))
		return cli_usage("render", "unknown format '%s'; use svg, png, pdf, dot or plain",
		                 fmt);
	if (!fmt && cm_render_format_from_path(&j->opts.format, j->out))
		return cli_usage("render", "cannot tell the format from '%s'; give --format",
		                 j->out);
	size_t k = 0;
	while (k < sizeof(layouts) / sizeof(*layouts) && strcmp(j->opts.layout, layouts[k]))
		k++;
	if (k == sizeof(layouts) / sizeof(*layouts))
		return cli_usage("render",
		                 "unknown layout '%s'; use auto, sfdp, neato, fdp, dot "
		                 "or circo",
		                 j->opts.layout);
	return 0;
}

/* The snapshot to draw: the only one, or the one --snapshot names. */
static const cm_network *pick(const job *j, cm_ctx *ctx, const cm_series *s, const char *path)
{
	size_t count = cm_series_count(s);
	const cm_network *net = NULL;
	if (j->snapshot && j->snapshot <= count)
		return cm_series_get(&net, ctx, s, j->snapshot - 1) ? NULL : net;
	if (!j->snapshot && count == 1)
		return cm_series_get(&net, ctx, s, 0) ? NULL : net;
	if (j->snapshot)
		cli_error("%s: error: no snapshot %zu; the file holds %zu", path, j->snapshot,
		          count);
	else
		cli_error("%s: error: the file holds %zu snapshots; choose one with "
		          "--snapshot N",
		          path, count);
	return NULL;
}

static int write_positions(FILE *fp, cm_ctx *ctx, const void *pos)
{
	return cm_positions_write(fp, ctx, pos);
}

static int draw(job *j, cm_ctx *ctx, const cm_network *net, const char *path)
{
	cm_positions *pin = NULL, *layout = NULL;
	int rc = 0;
	if (j->positions)
		rc = cm_positions_read_file(&pin, ctx, j->positions);
	j->opts.pin = pin;
	if (!rc)
		rc = cm_render_file(j->save ? &layout : NULL, ctx, net, j->out, &j->opts);
	cli_print_diags(ctx, !j->c.quiet);
	if (!rc && j->save)
		rc = cli_write_file(ctx, j->save, write_positions, layout);
	if (rc)
		cli_print_error(ctx, path);
	cm_positions_free(pin);
	cm_positions_free(layout);
	return rc;
}

static int run(job *j, const char *path)
{
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cli_ctx(&ctx, &j->c))
		return EXIT_FAIL;
	int rc = cli_read(&s, ctx, &j->c, path);
	const cm_network *net = rc ? NULL : pick(j, ctx, s, path);
	if (net) {
		cm_ctx_clear(ctx);
		rc = draw(j, ctx, net, path);
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
	return rc || !net ? EXIT_FAIL : EXIT_OK;
}

int cmd_render(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"format", required_argument, NULL, 'f'},
	    {"layer", required_argument, NULL, 'l'},
	    {"size-by", required_argument, NULL, OPT_SIZE_BY},
	    {"color-by", required_argument, NULL, OPT_COLOR_BY},
	    {"colour-by", required_argument, NULL, OPT_COLOR_BY},
	    {"labels", required_argument, NULL, OPT_LABELS},
	    {"label-length", required_argument, NULL, OPT_LABEL_LENGTH},
	    {"title", required_argument, NULL, OPT_TITLE},
	    {"layout", required_argument, NULL, OPT_LAYOUT},
	    {"aggregate-above", required_argument, NULL, OPT_AGGREGATE},
	    {"full", no_argument, NULL, OPT_FULL},
	    {"relayout", no_argument, NULL, OPT_RELAYOUT},
	    {"groups", no_argument, NULL, OPT_GROUPS},
	    {"seed", required_argument, NULL, OPT_SEED},
	    {"positions", required_argument, NULL, OPT_POSITIONS},
	    {"save-positions", required_argument, NULL, OPT_SAVE_POSITIONS},
	    {"snapshot", required_argument, NULL, OPT_SNAPSHOT},
	    CLI_READ_OPTIONS,
	    {NULL, 0, NULL, 0}};
	job j = {0};
	int opt, r;
	cli_common_init(&j.c, "render");
	cm_render_opts_init(&j.opts, CM_RENDER_OPTS_VERSION);
	while ((opt = getopt_long(argc, argv, "o:f:l:qh", longopts, NULL)) != -1) {
		if ((r = cli_common_option(&j.c, opt, optarg)) < 0)
			return EXIT_USAGE;
		if (!r && render_option(&j, opt, optarg))
			return EXIT_USAGE;
	}
	if (j.c.help)
		return help(), EXIT_OK;
	if (check_job(&j, argc - optind))
		return EXIT_USAGE;
	return run(&j, argv[optind]);
}
