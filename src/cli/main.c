/* clustermap: the command table and global options. */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const cli_command commands[] = {
	{"info", cmd_info, "summarize a network: actors, ties, layers, completeness"},
	{"validate", cmd_validate, "check files against GraphML and the cluster data model"},
};

static void usage(FILE *fp)
{
	fprintf(fp, "Usage: clustermap COMMAND [OPTIONS] FILE...\n"
		    "       clustermap --help | --version\n\n"
		    "Network analysis of inter-firm linkages in industrial clusters.\n\nCommands:\n");
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(fp, "\nRun 'clustermap COMMAND --help' for a command's options.\n"
		    "See clustermap(1) and the docs/ folder for definitions of every measure.\n");
}

int main(int argc, char **argv)
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
	fprintf(stderr, "clustermap: unknown command '%s'\nTry 'clustermap --help'.\n", name);
	return EXIT_USAGE;
}
