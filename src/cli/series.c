/* SPDX-License-Identifier: MIT */
/* Reading a series of snapshots for diff and timeline: several files, one
 * file with several graphs, or one dated graph sliced by year. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_series_init(cli_series *s)
{
	memset(s, 0, sizeof(*s));
	cm_compare_opts_init(&s->compare, CM_COMPARE_OPTS_VERSION);
}

/* "2015,2018,2021" -> years; usage error on anything else. */
static int parse_years(cli_series *s, const char *command, const char *arg)
{
	const char *p = arg;
	s->nyears = 0;
	while (*p) {
		char *end;
		errno = 0;
		long y = strtol(p, &end, 10);
		if (end == p || errno || y == 0 || y < -1000000 || y > 1000000 ||
		    (*end && *end != ',') || s->nyears == CLI_MAX_YEARS)
			return cli_usage(command,
			                 "'%s' is not a list of years such as 2015,2018,2021", arg);
		s->years[s->nyears++] = (int)y;
		p = *end ? end + 1 : end;
	}
	return s->nyears ? 0 : cli_usage(command, "--at needs at least one year");
}

static int parse_count(unsigned long *out, const char *command, const char *arg)
{
	size_t v;
	if (cli_parse_size(&v, arg) || v > ULONG_MAX)
		return cli_usage(command, "'%s' is not a whole number", arg);
	*out = (unsigned long)v;
	return 0;
}

int cli_series_option(cli_series *s, const char *command, int opt, const char *arg)
{
	switch (opt) {
	case CLI_OPT_MATCH_BY: s->compare.match_by = arg; return 1;
	case CLI_OPT_SEED:
		if (parse_count(&s->compare.seed, command, arg))
			return -1;
		s->compare.metrics.seed = s->compare.seed;
		return 1;
	case CLI_OPT_PERMUTATIONS:
		return parse_count(&s->compare.permutations, command, arg) ? -1 : 1;
	case CLI_OPT_AT: return parse_years(s, command, arg) ? -1 : 1;
	case CLI_OPT_NO_CLASSIFY: s->compare.no_classify = 1; return 1;
	case CLI_OPT_BY:
		if (strcmp(arg, "year"))
			return cli_usage(command, "--by takes 'year', not '%s'", arg), -1;
		s->by_year = 1;
		return 1;
	default: return 0;
	}
}

/* Moves every snapshot of one file into the series. */
static int append_file(cm_series *all, cm_ctx *ctx, const cli_common *c, const char *path)
{
	cm_series *s = NULL;
	int rc = cli_read(&s, ctx, c, path);
	while (!rc && cm_series_count(s) > 0) {
		cm_network *net;
		if ((rc = cm_series_take(&net, ctx, s, 0)))
			break;
		if ((rc = cm_series_append(ctx, all, net)))
			cm_network_free(net);
	}
	cm_series_free(s);
	return rc;
}

static int slice(cm_series **all, cm_ctx *ctx, const cli_series *s, const char *path)
{
	cm_series *sliced;
	if (cm_series_count(*all) != 1) {
		cli_error("%s: error: --by and --at slice one dated graph, but the input "
		          "holds %zu; drop the option to compare the graphs as they are",
		          path, cm_series_count(*all));
		return CM_EINVAL;
	}
	const cm_network *net = NULL;
	int rc = cm_series_get(&net, ctx, *all, 0);
	if (!rc)
		rc = cm_series_slice(&sliced, ctx, net, s->by_year ? NULL : s->years,
		                     s->by_year ? 0 : s->nyears);
	if (rc) {
		cli_print_error(ctx, path);
		return rc;
	}
	cm_series_free(*all);
	*all = sliced;
	return 0;
}

int cli_series_read(cm_series **out, cm_ctx *ctx, const cli_common *c, const cli_series *s,
                    char **files, int nfiles)
{
	cm_series *all = NULL;
	*out = NULL;
	int rc = cm_series_new(&all, ctx);
	for (int i = 0; !rc && i < nfiles; i++)
		rc = append_file(all, ctx, c, files[i]);
	if (!rc && (s->by_year || s->nyears))
		rc = slice(&all, ctx, s, files[0]);
	if (rc) {
		cm_series_free(all);
		return rc;
	}
	*out = all;
	return 0;
}

int cli_series_run(const cli_common *c, const cli_series *opts, char **files, int nfiles,
                   cli_series_fn fn, const void *args)
{
	cm_ctx *ctx;
	cm_series *s = NULL;
	char where[64];
	cli_series named = *opts;
	snprintf(where, sizeof(where), "clustermap %s", c->command);
	named.command = c->command;
	named.where = nfiles == 1 ? files[0] : where;
	if (cli_ctx(&ctx, c))
		return EXIT_FAIL;
	int status = cli_series_read(&s, ctx, c, opts, files, nfiles) ? EXIT_FAIL : EXIT_OK;
	cm_ctx_clear(ctx); /* the reader's warnings are already on stderr */
	if (status == EXIT_OK)
		status = fn(ctx, s, &named, args, c->quiet);
	cm_series_free(s);
	cm_ctx_free(ctx);
	return status;
}

void cli_series_error(const cm_ctx *ctx, const cli_series *s)
{
	cli_print_error(ctx, s->where);
}
