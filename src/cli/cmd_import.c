/* SPDX-License-Identifier: MIT */
/* clustermap import: spreadsheets (node and edge sheets, survey answers,
 * adjacency matrices; CSV or XLSX) into a network as GraphML, and blank
 * survey templates to send out. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void help(void)
{
	printf(
	    "Usage: clustermap import [OPTIONS] [BOOK.xlsx] [-o OUT.graphml]\n"
	    "       clustermap import --nodes NODES.csv --edges EDGES.csv [-o OUT.graphml]\n"
	    "       clustermap import --matrix MATRIX.csv --relation NAME [--nodes NODES.csv]\n"
	    "       clustermap import --template FILE.xlsx|DIR\n\n"
	    "Read a network from spreadsheets and write it as GraphML in the cluster data model\n"
	    "(docs/import.md). Columns named after the model's fields (id, label, kind, size,\n"
	    "employees, ownership, location, sector; source, target, relation, weight, year)\n"
	    "need no mapping; an edge sheet with respondent, question and answer columns is\n"
	    "read as survey answers. Every tie is kept, parallel ties too.\n\n"
	    "Options:\n"
	    "  -o, --output FILE            write the GraphML here (default: standard output)\n"
	    "      --nodes FILE             node sheet (CSV): one actor per row\n"
	    "      --edges FILE             edge sheet (CSV): ties, or survey answers\n"
	    "      --matrix FILE            adjacency matrix (CSV): names on the first row and "
	    "column\n"
	    "      --nodes-sheet NAME       the workbook's node sheet (default nodes)\n"
	    "      --edges-sheet NAME       the workbook's edge or survey sheet (default edges)\n"
	    "      --matrix-sheet NAME      the workbook's matrix sheet\n"
	    "      --relation NAME          the relation of the matrix's ties\n"
	    "      --rows send|receive      matrix rows send ties to columns (default) or receive\n"
	    "      --map FILE               mapping file: columns, questions, values, size bands\n"
	    "      --delimiter C            CSV separator: , ; | or tab (default: detected)\n"
	    "      --decimal C              decimal mark: . or , (default: detected)\n"
	    "      --add-missing            names not in the node sheet become outside actors\n"
	    "                               (default: each is an error, with the closest names)\n"
	    "      --template FILE.xlsx|DIR write a blank survey workbook, or nodes.csv and\n"
	    "                               edges.csv into DIR, and read nothing\n"
	    "  -q, --quiet                  no summary, no warnings\n"
	    "      --max-bytes N            input size limit, also the workbook's inflated size\n"
	    "      --max-nodes N            actor limit\n"
	    "      --max-edges N            tie limit\n"
	    "      --max-value-length N     length limit of one cell (default 1 MiB)\n"
	    "  -h, --help                   show this help\n\n"
	    "Errors point at the cell: FILE:ROW:COL for CSV, BOOK.xlsx[SHEET]!C12 for a workbook.\n"
	    "A summary of what was read and what was not ends the run on standard error.\n\n"
	    "Exit status: 0 on success, 1 when an input is bad (nothing is written), 2 on usage\n"
	    "errors.\n");
}

enum {
	OPT_NODES = 1,
	OPT_EDGES,
	OPT_MATRIX,
	OPT_NODES_SHEET,
	OPT_EDGES_SHEET,
	OPT_MATRIX_SHEET,
	OPT_RELATION,
	OPT_ROWS,
	OPT_MAP,
	OPT_DELIM,
	OPT_DECIMAL,
	OPT_ADD_MISSING,
	OPT_TEMPLATE
};

typedef struct job {
	cm_import_opts opts;
	const char *out, *template_path;
	const char *sheets[3]; /* nodes, edges, matrix sheet names */
} job;

static int char_option(char *out, const char *arg, const char *what)
{
	if (!strcmp(arg, "tab") || !strcmp(arg, "\\t"))
		arg = "\t";
	if (strlen(arg) != 1)
		return cli_usage("import", "--%s takes one character, not '%s'", what, arg);
	*out = arg[0];
	return 0;
}

static int job_option(job *j, int opt, const char *arg)
{
	switch (opt) {
	case 'o': j->out = arg; return 0;
	case OPT_NODES: j->opts.nodes = arg; return 0;
	case OPT_EDGES: j->opts.edges = arg; return 0;
	case OPT_MATRIX: j->opts.matrix = arg; return 0;
	case OPT_NODES_SHEET: j->sheets[0] = arg; return 0;
	case OPT_EDGES_SHEET: j->sheets[1] = arg; return 0;
	case OPT_MATRIX_SHEET: j->sheets[2] = arg; return 0;
	case OPT_RELATION: j->opts.relation = arg; return 0;
	case OPT_MAP: j->opts.map = arg; return 0;
	case OPT_ADD_MISSING: j->opts.add_missing = 1; return 0;
	case OPT_TEMPLATE: j->template_path = arg; return 0;
	case OPT_DELIM: return char_option(&j->opts.delimiter, arg, "delimiter");
	case OPT_DECIMAL: return char_option(&j->opts.decimal, arg, "decimal");
	case OPT_ROWS:
		if (strcmp(arg, "send") && strcmp(arg, "receive"))
			return cli_usage("import", "--rows is send or receive, not '%s'", arg);
		j->opts.rows_receive = !strcmp(arg, "receive");
		return 0;
	default: return cli_usage("import", "unknown option");
	}
}

static int write_graphml(FILE *fp, cm_ctx *ctx, const void *payload)
{
	return cm_network_write_graphml(fp, ctx, payload, NULL);
}

static int write_xlsx(FILE *fp, cm_ctx *ctx, const void *payload)
{
	(void)payload;
	return cm_import_template_xlsx(fp, ctx);
}

static int write_csv(FILE *fp, cm_ctx *ctx, const void *payload)
{
	return cm_import_template_csv(fp, ctx, payload);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && !strcmp(s + n - k, suffix);
}

static int write_template(cm_ctx *ctx, const char *path)
{
	char file[4096];
	int rc = 0;
	if (ends_with(path, ".xlsx"))
		rc = cli_write_file(ctx, path, write_xlsx, NULL);
	else if (mkdir(path, 0777) && errno != EEXIST) {
		cli_error("%s: error: cannot create the folder: %s", path, strerror(errno));
		return EXIT_FAIL;
	} else {
		static const char *const which[2] = {"nodes", "edges"};
		for (int k = 0; k < 2 && rc == 0; k++) {
			snprintf(file, sizeof(file), "%s/%s.csv", path, which[k]);
			rc = cli_write_file(ctx, file, write_csv, which[k]);
		}
	}
	if (rc < 0)
		cli_print_write_error(ctx, rc, path);
	return rc ? EXIT_FAIL : EXIT_OK;
}

/* The sheets of a workbook, or CSV files; not both. */
static int resolve_inputs(job *j, int argc, char **argv)
{
	int csv = j->opts.nodes || j->opts.edges || j->opts.matrix;
	if (argc > 1)
		return cli_usage("import", "one workbook at most");
	if (argc == 1 && csv)
		return cli_usage("import",
		                 "give a workbook or --nodes/--edges/--matrix files, not both");
	if (argc == 0 && (j->sheets[0] || j->sheets[1] || j->sheets[2]))
		return cli_usage("import",
		                 "--nodes-sheet, --edges-sheet and --matrix-sheet need a workbook");
	if (argc == 0 && !csv)
		return cli_usage("import",
		                 "no input; give a workbook, --edges, --matrix or --template");
	if (argc == 1) {
		j->opts.workbook = argv[0];
		j->opts.nodes = j->sheets[0];
		j->opts.edges = j->sheets[1];
		j->opts.matrix = j->sheets[2];
	}
	if (j->opts.matrix && !j->opts.relation)
		return cli_usage("import", "a matrix needs --relation NAME");
	return 0;
}

static int run_import(const cli_common *c, job *j)
{
	cm_ctx *ctx;
	cm_network *net = NULL;
	char *summary = NULL;
	size_t slen = 0;
	if (cli_ctx(&ctx, c))
		return EXIT_FAIL;
	FILE *sfp = c->quiet ? NULL : open_memstream(&summary, &slen);
	j->opts.summary = sfp;
	int rc = cm_import_read(&net, ctx, &j->opts);
	if (sfp)
		fclose(sfp);
	cli_print_diags(ctx, !c->quiet);
	if (rc && cm_ctx_diag_count(ctx) == 0)
		cli_print_error(ctx, j->opts.workbook ? j->opts.workbook : j->opts.edges);
	if (rc == 0 && (rc = cli_write_file(ctx, j->out ? j->out : "-", write_graphml, net)) < 0)
		cli_print_write_error(ctx, rc, j->out ? j->out : "-");
	if (summary)
		fputs(summary, stderr);
	free(summary);
	cm_network_free(net);
	cm_ctx_free(ctx);
	return rc ? EXIT_FAIL : EXIT_OK;
}

int cmd_import(int argc, char **argv)
{
	static const struct option longopts[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"nodes", required_argument, NULL, OPT_NODES},
	    {"edges", required_argument, NULL, OPT_EDGES},
	    {"matrix", required_argument, NULL, OPT_MATRIX},
	    {"nodes-sheet", required_argument, NULL, OPT_NODES_SHEET},
	    {"edges-sheet", required_argument, NULL, OPT_EDGES_SHEET},
	    {"matrix-sheet", required_argument, NULL, OPT_MATRIX_SHEET},
	    {"relation", required_argument, NULL, OPT_RELATION},
	    {"rows", required_argument, NULL, OPT_ROWS},
	    {"map", required_argument, NULL, OPT_MAP},
	    {"delimiter", required_argument, NULL, OPT_DELIM},
	    {"decimal", required_argument, NULL, OPT_DECIMAL},
	    {"add-missing", no_argument, NULL, OPT_ADD_MISSING},
	    {"template", required_argument, NULL, OPT_TEMPLATE},
	    {"max-bytes", required_argument, NULL, CLI_OPT_MAX_BYTES},
	    {"max-nodes", required_argument, NULL, CLI_OPT_MAX_NODES},
	    {"max-edges", required_argument, NULL, CLI_OPT_MAX_EDGES},
	    {"max-value-length", required_argument, NULL, CLI_OPT_MAX_VALUE},
	    {"quiet", no_argument, NULL, CLI_OPT_QUIET},
	    {"help", no_argument, NULL, CLI_OPT_HELP},
	    {NULL, 0, NULL, 0}};
	cli_common c;
	job j;
	memset(&j, 0, sizeof(j));
	int opt, r;
	cli_common_init(&c, "import");
	cm_import_opts_init(&j.opts, CM_IMPORT_OPTS_VERSION);
	while ((opt = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
		if (opt == 'q' || opt == 'h')
			opt = opt == 'q' ? CLI_OPT_QUIET : CLI_OPT_HELP;
		if (opt >= CLI_OPT_READ && opt < CLI_OPT_END) {
			if ((r = cli_common_option(&c, opt, optarg)) <= 0)
				return EXIT_USAGE;
		} else if (opt == '?' || job_option(&j, opt, optarg)) {
			return EXIT_USAGE;
		}
	}
	if (c.help)
		return help(), EXIT_OK;
	if (j.template_path) {
		cm_ctx *ctx;
		if (optind < argc || cli_ctx(&ctx, &c))
			return optind < argc ? cli_usage("import", "--template reads nothing")
			                     : EXIT_FAIL;
		int status = write_template(ctx, j.template_path);
		cm_ctx_free(ctx);
		return status;
	}
	if (resolve_inputs(&j, argc - optind, argv + optind))
		return EXIT_USAGE;
	return run_import(&c, &j);
}
