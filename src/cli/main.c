/* SPDX-License-Identifier: MIT */
/* clustermap: the command table and global options. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const cli_command commands[] = {
    {"import", cmd_import, "read spreadsheets (CSV, XLSX, surveys, matrices) into GraphML"},
    {"info", cmd_info, "summarize a network: actors, ties, layers, completeness"},
    {"validate", cmd_validate, "check files against GraphML and the cluster data model"},
    {"render", cmd_render, "draw a cluster map (SVG, PNG, PDF, DOT) with a legend"},
    {"diff", cmd_diff, "compare two snapshots: actors, ties, measures, QAP"},
    {"timeline", cmd_timeline, "measures of every snapshot of a series, and a chart"},
    {"metrics", cmd_metrics, "measure each relation layer: network, actor and group measures"},
    {"classify", cmd_classify, "which Markusen district type a network matches, and why"},
    {"report", cmd_report, "one self-contained HTML report: verdict, maps, actors, changes"},
};

static void usage(FILE *fp)
{
	fprintf(fp,
	        "Usage: clustermap COMMAND [OPTIONS] FILE...\n"
	        "       clustermap --help | --version\n\n"
	        "Network analysis of inter-firm linkages in industrial clusters.\n\nCommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp, "\nRun 'clustermap COMMAND --help' for a command's options.\n"
	            "See clustermap(1) and the docs/ folder for definitions of every measure.\n");
}

/* A closed standard stream would hand its number to the next file opened,
 * and an output file could then receive what was meant for stdout: hold
 * the number with /dev/null opened the wrong way, so that using it fails
 * (and is reported) instead. */
static void hold_std_fds(void)
{
	static const int modes[3] = {O_WRONLY, O_RDONLY, O_RDONLY};
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF)
			(void)open("/dev/null", modes[fd]);
}

/* Output that could not be written is a failure even when the command did
 * not notice, e.g. its lines went to a full disk or a closed stdout. */
static int check_stdout(int status)
{
	int failed = fflush(stdout) != 0, e = errno;
	if (!failed && !ferror(stdout))
		return status;
	/* A command that failed has said why; errno no longer knows. A report
	 * that failed to reach standard output was named then: what stdio
	 * still holds of it fails again here and is not a second error. */
	if ((!failed || cli_stdout_failed()) && status != EXIT_OK)
		return status;
	fprintf(stderr, "clustermap: error: cannot write to standard output: %s\n",
	        strerror(failed ? e : EIO));
	return EXIT_FAIL;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
	hold_std_fds();
	cli_huge_pages(argc, argv);
	cli_outputs_init();
	return cli_outputs_finish(check_stdout(run(argc, argv)));
}

static int run(int argc, char **argv)
{
	/* The library parses and prints numbers locale-independently; the
	 * locale only affects messages from the C library. */
	setlocale(LC_CTYPE, "");
	if (argc < 2)
		return usage(stderr), EXIT_USAGE;
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(name, "--version") || !strcmp(name, "-V")) {
		printf("clustermap %s\n", CM_VERSION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(name, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	cli_error("clustermap: unknown command '%s'", name);
	fputs("Try 'clustermap --help'.\n", stderr);
	return EXIT_USAGE;
}
