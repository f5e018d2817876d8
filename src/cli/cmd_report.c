/* SPDX-License-Identifier: MIT */
/* clustermap report: one self-contained HTML report of a network or a
 * series of snapshots. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void help(void)
{
	printf("Usage: clustermap report [OPTIONS] -o REPORT.html FILE...\n\n"
	       "One HTML file to hand over: what the data covers and what is missing, the\n"
	       "verdict in plain words with its evidence, confidence and what would change\n"
	       "it, an interactive map (pan, zoom, details, ties of an actor, layer toggles,\n"
	       "search), the cluster maps of all layers and of each layer, the key measures,\n"
	       "the actors that matter and a sortable, filterable actors table (CSV download).\n"
	       "Several snapshots (several files, a file with several <graph> elements, or\n"
	       "one dated graph sliced with --by or --at) add what changed from one to the\n"
	       "next and the timeline charts. Styles and scripts are inline: the file opens\n"
	       "offline and requests nothing. See docs/report.md.\n\n"
	       "  -o, --output FILE            the report (default standard output)\n"
	       "      --title TEXT             title (default the last snapshot's label)\n"
	       "      --date TEXT              date under the title (default today, or\n"
	       "                               SOURCE_DATE_EPOCH when set); \"\" for none\n"
	       "      --interactive-max N      actors drawn one by one on the interactive map\n"
	       "                               (default 5000); a larger network is drawn in\n"
	       "                               groups, one per kind of actor and side of the\n"
	       "                               region (inside, outside, not given), sized by\n"
	       "                               their actors, lines by the ties between them\n"
	       "      --by year                one snapshot per year named in the dates\n"
	       "      --at Y1,Y2,...           one snapshot at each of these years\n"
	       "      --match-by ATTR          match actors across snapshots by this attribute\n"
	       "      --permutations N         QAP permutations (default 1000; 0: no test)\n"
	       "      --seed S                 seed of the layout, permutations and the\n"
	       "                               classification (default 1)\n"
	       "%s\nExit status: 0 on success, 1 when an input or output failed, 2 on usage "
	       "errors.\n",
	       cli_read_help);
}

typedef struct report_args {
	const char *output;
	cm_report_opts opts;
	char date[32];
} report_args;

enum { OPT_TITLE = 1, OPT_DATE, OPT_INTERACTIVE_MAX };

typedef struct page {
	const cm_series *s;
	const cm_report_opts *o;
} page;

static int write_report(FILE *fp, cm_ctx *ctx, const void *payload)
{
	const page *p = payload;
	return cm_report_write_html(fp, ctx, p->s, p->o);
}

static int report(cm_ctx *ctx, const cm_series *s, const cli_series *opts, const void *args,
                  int quiet)
{
	const report_args *a = args;
	cm_report_opts o = a->opts;
	o.compare = opts->compare;
	int rc = cli_write_output(ctx, a->output, write_report, &(page){s, &o});
	cli_print_diags(ctx, !quiet);
	return rc ? EXIT_FAIL : EXIT_OK;
}

/* Today (UTC), or the day of SOURCE_DATE_EPOCH for reproducible reports. */
static int default_date(char *buf, size_t size)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	if (epoch && *epoch) {
		char *end;
		errno = 0;
		long long v = strtoll(epoch, &end, 10);
		if (errno || *end || v < 0)
			return cli_usage("report", "SOURCE_DATE_EPOCH '%s' is not a time", epoch);
		t = (time_t)v;
	}
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%d", &tm))
		buf[0] = '\0';
	return 0;
}

static int own_option(report_args *a, int opt, const char *arg)
{
	switch (opt) {
	case 'o': a->output = arg; break;
	case OPT_TITLE: a->opts.title = arg; break;
	case OPT_DATE: a->opts.date = arg; break;
	case OPT_INTERACTIVE_MAX:
		if (cli_parse_size(&a->opts.interactive_max, arg))
			return cli_usage("report", "--interactive-max '%s' is not a count", arg);
		break;
	case CLI_OPT_NO_CLASSIFY: return cli_usage("report", "the report always classifies");
	default: break;
	}
	return 0;
}

int cmd_report(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"title", required_argument, NULL, OPT_TITLE},
	    {"date", required_argument, NULL, OPT_DATE},
	    {"interactive-max", required_argument, NULL, OPT_INTERACTIVE_MAX},
	    CLI_SERIES_OPTIONS,
	    CLI_READ_OPTIONS,
	    {NULL, 0, NULL, 0}};
	cli_common c;
	cli_series s;
	report_args a = {"-", {0}, ""};
	int opt, r;
	cm_report_opts_init(&a.opts, CM_REPORT_OPTS_VERSION);
	cli_common_init(&c, "report");
	cli_series_init(&s);
	while ((opt = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		if ((r = cli_common_option(&c, opt, optarg)) < 0 ||
		    (!r && opt != CLI_OPT_NO_CLASSIFY &&
		     (r = cli_series_option(&s, "report", opt, optarg)) < 0))
			return EXIT_USAGE;
		if (own_option(&a, opt, optarg))
			return EXIT_USAGE;
	}
	if (c.help)
		return help(), EXIT_OK;
	if (optind >= argc)
		return cli_usage("report", "no input file");
	if (s.by_year && s.nyears)
		return cli_usage("report", "give --by year or --at, not both");
	if ((s.by_year || s.nyears) && argc - optind != 1)
		return cli_usage("report", "--by and --at slice one dated file");
	if (!a.opts.date && default_date(a.date, sizeof a.date))
		return EXIT_USAGE;
	if (!a.opts.date)
		a.opts.date = a.date;
	return cli_series_run(&c, &s, argv + optind, argc - optind, report, &a);
}
