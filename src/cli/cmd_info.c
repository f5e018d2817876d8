/* SPDX-License-Identifier: MIT */
/* clustermap info: what a file holds. */
#include "cli.h"

#include <stdio.h>

static void help(void)
{
	printf(
	    "Usage: clustermap info [OPTIONS] FILE...\n\n"
	    "Summarize each file: actors by kind, size, ownership and location; ties by\n"
	    "layer and direction; snapshots; isolates; attribute completeness; warnings.\n"
	    "FILE may be - for standard input.\n\n"
	    "  -f, --format text|json       output format (default text)\n"
	    "  -o, --output FILE            write to FILE (atomically) instead of stdout\n"
	    "%s\nExit status: 0 when every file was read, 1 when any was not, 2 on usage errors.\n",
	    cli_read_help);
}

/* Warnings are part of the report (its diagnostics section), so they are not
 * also printed on stderr; errors are, since a file that fails has no report. */
static int info_one(const cli_common *c, const char *path, cm_format format, FILE *fp, int *written)
{
	cm_ctx *ctx;
	cm_series *s = NULL;
	cli_common errors_only = *c;
	errors_only.quiet = 1;
	if (cli_ctx(&ctx, c))
		return EXIT_FAIL;
	int rc = cli_read(&s, ctx, &errors_only, path);
	if (rc == 0) {
		/* Separate reports only between files that have one, so that a
		 * failed file leaves a valid JSON list. */
		if (*written)
			fputs(format == CM_FORMAT_JSON ? ",\n" : "\n", fp);
		if (cm_info_write(fp, ctx, s, format))
			cli_print_error(ctx, path), rc = CM_ERROR;
		++*written;
	}
	cm_series_free(s);
	cm_ctx_free(ctx);
	return rc ? EXIT_FAIL : EXIT_OK;
}

typedef struct batch {
	const cli_common *c;
	char **files;
	int nfiles;
	cm_format format;
} batch;

/* A batch is one output: when any file fails, an output file is not written
 * at all (standard output has the reports of the files that were read). */
static int write_batch(FILE *fp, cm_ctx *octx, const void *payload)
{
	const batch *b = payload;
	int status = EXIT_OK, written = 0, json_list = b->format == CM_FORMAT_JSON && b->nfiles > 1;
	(void)octx; /* each file has a context of its own */
	if (json_list)
		fputs("[\n", fp);
	for (int i = 0; i < b->nfiles; i++)
		if (info_one(b->c, b->files[i], b->format, fp, &written))
			status = EXIT_FAIL;
	if (json_list)
		fputs("]\n", fp);
	return status == EXIT_OK ? 0 : CLI_REPORTED;
}

static int run(const cli_common *c, char **files, int nfiles, cm_format format, const char *out)
{
	return cli_write_batch(c, out, write_batch, &(batch){c, files, nfiles, format});
}

int cmd_info(int argc, char **argv)
{
	static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
	                                         {"output", required_argument, NULL, 'o'},
	                                         CLI_READ_OPTIONS,
	                                         {NULL, 0, NULL, 0}};
	cli_common c;
	cm_format format = CLI_FORMAT_UNSET;
	const char *out = "-";
	int opt, r;
	cli_common_init(&c, "info");
	while ((opt = getopt_long(argc, argv, "f:o:qh", longopts, NULL)) != -1) {
		if ((r = cli_common_option(&c, opt, optarg)) < 0)
			return EXIT_USAGE;
		if (r)
			continue;
		if (opt == 'f' && cli_parse_format(&format, "info", optarg))
			return EXIT_USAGE;
		if (opt == 'o')
			out = optarg;
	}
	if (c.help)
		return help(), EXIT_OK;
	if (cli_output_format(&format, "info", out))
		return EXIT_USAGE;
	if (format == CM_FORMAT_CSV)
		return cli_usage("info", "info has no CSV form; use text or json");
	if (optind >= argc)
		return cli_usage("info", "no input file");
	return run(&c, argv + optind, argc - optind, format, out);
}
