/* SPDX-License-Identifier: MIT */
/* clustermap validate: is each file valid GraphML in the cluster model? */
#include "cli.h"

#include <stdio.h>

static void help(void)
{
	printf("Usage: clustermap validate [OPTIONS] FILE...\n\n"
	       "Check each file against GraphML and the cluster data model, and list every\n"
	       "problem found (not just the first) as FILE:LINE:COL: error|warning: message.\n\n"
	       "%s\nExit status: 0 when every file is valid (warnings allowed), 1 otherwise,\n"
	       "2 on usage errors.\n",
	       cli_read_help);
}

static int validate_one(const cli_common *c, const char *path)
{
	cm_ctx *ctx;
	cm_series *s = NULL;
	if (cli_ctx(&ctx, c))
		return EXIT_FAIL;
	int rc = cli_read(&s, ctx, c, path);
	if (rc == 0 && !c->quiet)
		printf("%s: valid (%zu snapshot%s, %zu warning%s)\n", path, cm_series_count(s),
		       cm_series_count(s) == 1 ? "" : "s", cm_ctx_diag_count(ctx),
		       cm_ctx_diag_count(ctx) == 1 ? "" : "s");
	cm_series_free(s);
	cm_ctx_free(ctx);
	return rc ? EXIT_FAIL : EXIT_OK;
}

int cmd_validate(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_READ_OPTIONS, {NULL, 0, NULL, 0}};
	cli_common c;
	int opt, r;
	cli_common_init(&c, "validate");
	while ((opt = getopt_long(argc, argv, "qh", longopts, NULL)) != -1)
		if ((r = cli_common_option(&c, opt, optarg)) <= 0)
			return EXIT_USAGE;
	if (c.help)
		return help(), EXIT_OK;
	if (optind >= argc)
		return cli_usage("validate", "no input file");
	int status = EXIT_OK;
	for (int i = optind; i < argc; i++)
		if (validate_one(&c, argv[i]))
			status = EXIT_FAIL;
	return status;
}
