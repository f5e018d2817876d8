/* SPDX-License-Identifier: MIT */
/* clustermap metrics: network, actor and group measures per relation layer. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
	printf("Usage: clustermap metrics [OPTIONS] FILE...\n\n"
	       "Network-, actor- and group-level measures of each relation layer and of\n"
	       "'all' (every layer as one undirected simple graph). Definitions and\n"
	       "formulas: docs/metrics.md. FILE may be - for standard input.\n\n"
	       "  -l, --layer NAME|all         measure one layer only\n"
	       "  -n, --nodes                  add the actor table to text output\n"
	       "  -g, --groups ATTR            node attribute for E-I and brokerage\n"
	       "                               (default location)\n"
	       "  -f, --format text|json|csv   output format (default text); csv has one row\n"
	       "                               per actor and layer, ending in the input and\n"
	       "                               snapshot when there are several snapshots\n"
	       "      --no-names               json and csv: leave out each actor's label, kind,\n"
	       "                               size, ownership and location (kept by default\n"
	       "                               beside its id)\n"
	       "  -o, --output FILE            write to FILE (atomically) instead of stdout\n"
	       "      --graphml FILE           write the network back with the actor measures\n"
	       "                               as node attributes (one input file only)\n"
	       "  -w, --weighted               use tie weights (path lengths are 1/weight)\n"
	       "      --inside-only            measure only actors with location=inside\n"
	       "      --permutations N         E-I permutation test size (default 1000, 0: none)\n"
	       "      --seed S                 seed for permutations, communities, sampling\n"
	       "                               (default 1)\n"
	       "      --approx K               estimate betweenness and closeness from K\n"
	       "                               sampled sources\n"
	       "      --exact                  never estimate, whatever the network's size\n"
	       "  -j, --jobs N                 worker processes for the layers (and exact\n"
	       "                               betweenness of a single layer; default: one\n"
	       "                               per free core on large networks; 1: none)\n"
	       "      --threads N              threads igraph may use inside one call\n"
	       "                               (default 1)\n"
	       "%s\nExit status: 0 when every file was measured, 1 when any was not, 2 on usage "
	       "errors.\n",
	       cli_read_help);
}

enum {
	OPT_GRAPHML = CLI_OPT_END,
	OPT_INSIDE,
	OPT_PERMUTATIONS,
	OPT_SEED,
	OPT_APPROX,
	OPT_EXACT,
	OPT_THREADS,
	OPT_NO_NAMES
};

typedef struct job {
	cli_common c;
	cm_metrics_opts opts;
	cm_format format;
	const char *out, *graphml;
	int nodes, threads, jobs, no_names;
} job;

typedef struct measured {
	const cm_network *net;
	const cm_metrics *m;
	const char *path; /* the GraphML file, for messages */
} measured;

/* The column names and values of every layer's actor measures: the last
 * layer's ("all", or the only one measured) under the measures' own names,
 * the others' as LAYER.MEASURE, so that no layer's measures are lost. */
typedef struct columns {
	char **names;
	const double **values;
	size_t count;
} columns;

static void columns_free(columns *c)
{
	for (size_t k = 0; c->names && k < c->count; k++)
		free(c->names[k]);
	free(c->names);
	free(c->values);
}

static int columns_fill(columns *c, const cm_metrics *m)
{
	const char *const *names = cm_metrics_actor_names();
	size_t per = 0, nl = cm_metrics_layer_count(m);
	while (names[per])
		per++;
	c->names = calloc(per * nl, sizeof(*c->names));
	c->values = calloc(per * nl, sizeof(*c->values));
	if (!c->names || !c->values)
		return -1;
	for (size_t l = nl; l-- > 0;)
		for (size_t k = 0; k < per; k++, c->count++) {
			const char *layer = "";
			cm_metrics_layer_name(&layer, NULL, m, l);
			size_t len = strlen(layer) + strlen(names[k]) + 2;
			if (!(c->names[c->count] = malloc(len)))
				return -1;
			if (l == nl - 1)
				snprintf(c->names[c->count], len, "%s", names[k]);
			else
				snprintf(c->names[c->count], len, "%s.%s", layer, names[k]);
			cm_metrics_actor_values(&c->values[c->count], NULL, m, l, names[k]);
		}
	return 0;
}

static int write_graphml(FILE *fp, cm_ctx *ctx, const void *payload)
{
	const measured *w = payload;
	columns c = {0};
	int rc;
	if (columns_fill(&c, w->m)) {
		columns_free(&c);
		cli_error("%s: error: out of memory", cli_output_name(w->path));
		return CLI_REPORTED;
	}
	cm_node_columns cols = {c.count, (const char *const *)c.names, c.values};
	rc = cm_network_write_graphml(fp, ctx, w->net, &cols);
	columns_free(&c);
	return rc;
}

/* CSV from several files or snapshots keeps only the first header line.
 * Rows and objects name their input and snapshot whenever the output holds
 * more than one snapshot, so that every report of a batch has the same
 * columns; a single snapshot keeps the plain form. */
static int write_measures(FILE *fp, cm_ctx *ctx, const cm_metrics *m, const job *j, int first,
                          int several)
{
	int flags = (j->nodes ? CM_METRICS_NODES : 0) | (several ? CM_METRICS_SNAPSHOT : 0) |
	            (j->no_names ? 0 : CM_METRICS_NAMES);
	if (j->format == CM_FORMAT_CSV && !first)
		flags |= CM_METRICS_NO_HEADER;
	return cm_metrics_write(fp, ctx, m, j->format, flags);
}

/* *count: reports written so far, over every file; *array: a JSON array
 * has been opened (several files or snapshots). */
static int measure_series(const job *j, cm_ctx *ctx, const cm_series *s, FILE *fp, int *count,
                          int *array, int several)
{
	for (size_t i = 0; i < cm_series_count(s); i++) {
		const cm_network *net = NULL;
		cm_metrics *m = NULL;
		int rc = cm_series_get(&net, ctx, s, i);
		if (!rc)
			rc = cm_metrics_compute(&m, ctx, net, &j->opts);
		if (rc == 0 && j->format == CM_FORMAT_JSON && several && !*array)
			*array = 1, fputs("[\n", fp);
		if (rc == 0 && j->format == CM_FORMAT_JSON && *count)
			fputs(",\n", fp);
		else if (rc == 0 && j->format == CM_FORMAT_TEXT && *count)
			fputc('\n', fp);
		if (rc == 0)
			rc = write_measures(fp, ctx, m, j, *count == 0, several);
		if (rc == 0)
			++*count;
		if (rc == 0 && j->graphml &&
		    (rc = cli_write_file(ctx, j->graphml, write_graphml,
		                         &(measured){net, m, j->graphml}))) {
			/* About that file: said here, where its name is known. */
			if (rc != CLI_REPORTED)
				cli_print_write_error(ctx, rc, j->graphml);
			rc = CLI_REPORTED;
		}
		cm_metrics_free(m);
		if (rc)
			return rc;
	}
	return 0;
}

static int metrics_one(const job *j, const char *path, FILE *fp, int *count, int *array, int nfiles)
{
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cli_ctx(&ctx, &j->c))
		return EXIT_FAIL;
	cm_ctx_set_threads(ctx, j->threads);
	cm_ctx_set_jobs(ctx, j->jobs);
	int rc = cli_read(&s, ctx, &j->c, path);
	if (rc == 0 && j->graphml && cm_series_count(s) != 1) {
		cli_error("%s: error: --graphml needs a file with one snapshot; it has %zu", path,
		          cm_series_count(s));
		rc = CM_EINVAL;
	} else if (rc == 0) {
		cm_ctx_clear(ctx);
		rc = measure_series(j, ctx, s, fp, count, array,
		                    nfiles > 1 || cm_series_count(s) > 1);
		cli_print_diags(ctx, !j->c.quiet);
		/* A write failure is about the report, not the input. */
		if (rc && rc != CLI_REPORTED)
			cli_print_error(ctx, rc == CM_EIO ? cli_output_name(j->out) : path);
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
	return rc ? EXIT_FAIL : EXIT_OK;
}

typedef struct batch {
	const job *j;
	char **files;
	int nfiles;
} batch;

/* As for info: when any file fails, an output file is not replaced by a
 * partial batch (standard output has the files that were measured). JSON is
 * one object, or an array when there are several files or snapshots; the
 * reports go straight to fp (one of a million actors is gigabytes). */
static int write_batch(FILE *fp, cm_ctx *octx, const void *payload)
{
	const batch *b = payload;
	const job *j = b->j;
	int status = EXIT_OK, count = 0, nfiles = b->nfiles;
	int array = j->format == CM_FORMAT_JSON && nfiles > 1;
	(void)octx; /* each file has a context of its own */
	if (array)
		fputs("[\n", fp);
	for (int i = 0; i < nfiles; i++)
		if (metrics_one(j, b->files[i], fp, &count, &array, nfiles))
			status = EXIT_FAIL;
	if (array)
		fputs("]\n", fp);
	return status == EXIT_OK ? 0 : CLI_REPORTED;
}

static int run(const job *j, char **files, int nfiles)
{
	return cli_write_batch(&j->c, j->out, write_batch, &(batch){j, files, nfiles});
}

static int number(unsigned long *out, const char *arg, const char *what)
{
	size_t v;
	if (cli_parse_size(&v, arg))
		return cli_usage("metrics", "%s '%s' is not a whole number", what, arg);
	*out = (unsigned long)v;
	return 0;
}

static int own_option(job *j, int opt, const char *arg)
{
	unsigned long v = 0;
	switch (opt) {
	case 'l': j->opts.layer = arg; return 0;
	case 'n': j->nodes = 1; return 0;
	case 'g': j->opts.groups = arg; return 0;
	case 'f': return cli_parse_format(&j->format, "metrics", arg);
	case 'o': j->out = arg; return 0;
	case 'w': j->opts.weighted = 1; return 0;
	case OPT_GRAPHML: j->graphml = arg; return 0;
	case OPT_INSIDE: j->opts.inside_only = 1; return 0;
	case OPT_EXACT: j->opts.exact = 1; return 0;
	case OPT_NO_NAMES: j->no_names = 1; return 0;
	case OPT_PERMUTATIONS: return number(&j->opts.permutations, arg, "--permutations");
	case OPT_SEED: return number(&j->opts.seed, arg, "--seed");
	case OPT_APPROX:
		if (number(&v, arg, "--approx"))
			return EXIT_USAGE;
		j->opts.approx = v;
		return 0;
	case OPT_THREADS:
		if (number(&v, arg, "--threads"))
			return EXIT_USAGE;
		if (v < 1 || v > 1024)
			return cli_usage("metrics", "--threads takes 1 to 1024");
		j->threads = (int)v;
		return 0;
	case 'j':
		if (number(&v, arg, "--jobs"))
			return EXIT_USAGE;
		if (v < 1 || v > 64)
			return cli_usage("metrics", "--jobs takes 1 to 64");
		j->jobs = (int)v;
		return 0;
	default: return cli_usage("metrics", "unknown option");
	}
}

static int check(const job *j, int nfiles)
{
	if (nfiles < 1)
		return cli_usage("metrics", "no input file");
	if (j->opts.exact && j->opts.approx)
		return cli_usage("metrics", "--exact and --approx exclude each other");
	if (j->graphml && nfiles > 1)
		return cli_usage("metrics", "--graphml takes one input file");
	if (cli_same_output(j->out, j->graphml))
		return cli_usage("metrics", "-o and --graphml name the same file '%s'", j->graphml);
	return 0;
}

int cmd_metrics(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"layer", required_argument, NULL, 'l'},
	    {"nodes", no_argument, NULL, 'n'},
	    {"groups", required_argument, NULL, 'g'},
	    {"format", required_argument, NULL, 'f'},
	    {"output", required_argument, NULL, 'o'},
	    {"weighted", no_argument, NULL, 'w'},
	    {"graphml", required_argument, NULL, OPT_GRAPHML},
	    {"inside-only", no_argument, NULL, OPT_INSIDE},
	    {"permutations", required_argument, NULL, OPT_PERMUTATIONS},
	    {"seed", required_argument, NULL, OPT_SEED},
	    {"approx", required_argument, NULL, OPT_APPROX},
	    {"exact", no_argument, NULL, OPT_EXACT},
	    {"threads", required_argument, NULL, OPT_THREADS},
	    {"jobs", required_argument, NULL, 'j'},
	    {"no-names", no_argument, NULL, OPT_NO_NAMES},
	    CLI_READ_OPTIONS,
	    {NULL, 0, NULL, 0}};
	job j = {.format = CLI_FORMAT_UNSET, .out = "-", .threads = 1, .jobs = CM_JOBS_AUTO};
	int opt, r;
	cli_common_init(&j.c, "metrics");
	cm_metrics_opts_init(&j.opts, CM_METRICS_OPTS_VERSION);
	while ((opt = getopt_long(argc, argv, "l:ng:f:o:wj:qh", longopts, NULL)) != -1) {
		if ((r = cli_common_option(&j.c, opt, optarg)) < 0)
			return EXIT_USAGE;
		if (r == 0 && own_option(&j, opt, optarg))
			return EXIT_USAGE;
	}
	if (j.c.help)
		return help(), EXIT_OK;
	if (cli_output_format(&j.format, "metrics", j.out))
		return EXIT_USAGE;
	if (check(&j, argc - optind))
		return EXIT_USAGE;
	return run(&j, argv + optind, argc - optind);
}
