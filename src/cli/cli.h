/* SPDX-License-Identifier: MIT */
/* Shared by the command files. The CLI uses only the public header. */
#ifndef CLI_H
#define CLI_H

#include <clustermap.h>

#include <getopt.h>
#include <stdio.h>

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

typedef struct cli_command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} cli_command;

int cmd_info(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_import(int argc, char **argv);

/* Starts the program again with glibc's huge-page tunable set when an
 * argument is a large file and the kernel gives huge pages on request
 * (hugepages.c says why); returns only when it does not. */
void cli_huge_pages(int argc, char **argv);

/* Long options every command that reads GraphML accepts; their values start
 * at CLI_OPT_READ so that commands can add their own below it. */
enum {
	CLI_OPT_READ = 1000,
	CLI_OPT_MAP = CLI_OPT_READ,
	CLI_OPT_FLIP,
	CLI_OPT_DIRECTION,
	CLI_OPT_SIZE_BANDS,
	CLI_OPT_MAX_BYTES,
	CLI_OPT_MAX_NODES,
	CLI_OPT_MAX_EDGES,
	CLI_OPT_MAX_DEPTH,
	CLI_OPT_MAX_ID,
	CLI_OPT_MAX_VALUE,
	CLI_OPT_MAX_SNAPSHOTS,
	CLI_OPT_MAX_ATTRIBUTES,
	CLI_OPT_QUIET,
	CLI_OPT_HELP,
	CLI_OPT_END
};

/* clang-format off */
#define CLI_READ_OPTIONS                                                      \
	{"map", required_argument, NULL, CLI_OPT_MAP},                        \
	{"flip-information", no_argument, NULL, CLI_OPT_FLIP},                \
	{"direction", required_argument, NULL, CLI_OPT_DIRECTION},            \
	{"size-bands", required_argument, NULL, CLI_OPT_SIZE_BANDS},          \
	{"max-bytes", required_argument, NULL, CLI_OPT_MAX_BYTES},            \
	{"max-nodes", required_argument, NULL, CLI_OPT_MAX_NODES},            \
	{"max-edges", required_argument, NULL, CLI_OPT_MAX_EDGES},            \
	{"max-depth", required_argument, NULL, CLI_OPT_MAX_DEPTH},            \
	{"max-id-length", required_argument, NULL, CLI_OPT_MAX_ID},           \
	{"max-value-length", required_argument, NULL, CLI_OPT_MAX_VALUE},     \
	{"max-snapshots", required_argument, NULL, CLI_OPT_MAX_SNAPSHOTS},    \
	{"max-attributes", required_argument, NULL, CLI_OPT_MAX_ATTRIBUTES},  \
	{"quiet", no_argument, NULL, CLI_OPT_QUIET},                          \
	{"help", no_argument, NULL, CLI_OPT_HELP}
/* clang-format on */

/* Help text for the options above, for each command's --help. */
extern const char cli_read_help[];

typedef struct cli_common {
	const char *command;
	cm_read_opts read;
	cm_limits limits;
	int quiet;
	int help;
} cli_common;

void cli_common_init(cli_common *c, const char *command);
/* Handles one shared option: 1 when handled, 0 when not ours, -1 after a
 * usage error was printed. */
int cli_common_option(cli_common *c, int opt, const char *arg);

/* Prints a message and a newline to stderr, with the input it quotes
 * escaped (cm_escape): a file name or an argument cannot forge a line. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints ctx's message; one that names no file ("error: ...") gets file in
 * front (the input it is about), so that every error says where. */
void cli_print_error(const cm_ctx *ctx, const char *file);
/* How messages name an output: "<stdout>" for "-". */
const char *cli_output_name(const char *path);
/* After writing PATH failed with rc: a write failure names the output;
 * other messages (e.g. about the options) are printed as they are. */
void cli_print_write_error(const cm_ctx *ctx, int rc, const char *path);

/* Prints "clustermap CMD: message" and the --help hint; returns EXIT_USAGE. */
int cli_usage(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A context configured from the shared options (limits, progress). */
int cli_ctx(cm_ctx **out, const cli_common *c);

/* Reads a file ("-" for standard input); prints its diagnostics to stderr
 * (warnings only unless quiet is off). Returns a CM_E* code. */
int cli_read(cm_series **out, cm_ctx *ctx, const cli_common *c, const char *path);

/* Prints every diagnostic in ctx to stderr. */
void cli_print_diags(cm_ctx *ctx, int warnings);

/* What a command writes into one output: 0, a CM_E* code whose message is
 * in ctx, or CLI_REPORTED when it failed and has said why itself. */
typedef int (*cli_writer)(FILE *fp, cm_ctx *ctx, const void *payload);
enum { CLI_REPORTED = 1 };

/* Writes one output, PATH or "-" for standard output, through writer. A
 * file is created or replaced (atomically) only when writer returned 0, and
 * only once the whole command succeeded (cli_outputs_finish);
 * standard output is also flushed after CLI_REPORTED, so that the part of a
 * batch that succeeded stays shown. Returns the first negative code of
 * opening, writing or committing (its message is in ctx, not printed), else
 * what writer returned. */
int cli_write_file(cm_ctx *ctx, const char *path, cli_writer writer, const void *payload);

/* cli_write_file for a batch command whose files each have a context of
 * their own: a context for the output alone, its error printed. Returns
 * the exit status. */
int cli_write_batch(const cli_common *c, const char *path, cli_writer writer, const void *payload);

/* 1 when two outputs (NULL: none) would overwrite each other: the same
 * path, both standard output ("-"), or one existing file by two names.
 * Devices such as /dev/null take any number of outputs. */
int cli_same_output(const char *a, const char *b);

/* Output files (outputs.c): every context's temporary files are tracked
 * through cli_temp_hook, removed on SIGHUP, SIGINT, SIGTERM and SIGPIPE,
 * and kept until cli_outputs_finish renames them all into place when the
 * command succeeded (status EXIT_OK) or removes them when it did not.
 * SIGXFSZ is ignored, so that a file-size limit is a write error. */
void cli_outputs_init(void);
int cli_temp_hook(cm_temp_event ev, const char *tmp, const char *target, void *payload);
/* Returns status, or EXIT_FAIL when a file could not be renamed. */
int cli_outputs_finish(int status);

int cli_parse_format(cm_format *out, const char *command, const char *arg);
/* A report's format before options are read: none given yet. */
#define CLI_FORMAT_UNSET ((cm_format)-1)
/* The format of a report written to path: one named by its extension
 * (.txt, .json, .csv) is the format when -f gave none, and a -f that
 * contradicts it, or a picture's extension (.svg, .png, ...), is a usage
 * error; otherwise -f's format, or text. Returns 0 or EXIT_USAGE. */
int cli_output_format(cm_format *fmt, const char *command, const char *path);
/* The extension of path when it names a picture or a page (svg, png,
 * pdf, dot, jpg, html, ...), else NULL. */
const char *cli_picture_extension(const char *path);
/* Creates a folder for outputs and its missing parents; 0, or -1 after
 * printing why it could not. */
int cli_make_dir(const char *command, const char *path);
int cli_parse_size(size_t *out, const char *arg);

/* ------------------------------------------------ diff and timeline (series.c) */

/* Options of the commands that read a series of snapshots; values below
 * CLI_OPT_READ so that they never clash with the reading options. */
enum {
	CLI_OPT_MATCH_BY = 900,
	CLI_OPT_SEED,
	CLI_OPT_PERMUTATIONS,
	CLI_OPT_AT,
	CLI_OPT_BY,
	CLI_OPT_NO_CLASSIFY
};

/* clang-format off */
#define CLI_SERIES_OPTIONS                                                    \
	{"match-by", required_argument, NULL, CLI_OPT_MATCH_BY},              \
	{"seed", required_argument, NULL, CLI_OPT_SEED},                      \
	{"permutations", required_argument, NULL, CLI_OPT_PERMUTATIONS},      \
	{"at", required_argument, NULL, CLI_OPT_AT},                          \
	{"by", required_argument, NULL, CLI_OPT_BY},                          \
	{"no-classify", no_argument, NULL, CLI_OPT_NO_CLASSIFY}
/* clang-format on */

#define CLI_MAX_YEARS 256

typedef struct cli_series {
	cm_compare_opts compare;
	int by_year;
	int years[CLI_MAX_YEARS];
	size_t nyears;
	/* Set by cli_series_run: what errors name (see cli_series_error). */
	const char *command, *where;
} cli_series;

/* Prints ctx's message, naming the input when it has no place: the one
 * file read, or "clustermap COMMAND" when the series came from several. */
void cli_series_error(const cm_ctx *ctx, const cli_series *s);

void cli_series_init(cli_series *s);
/* Like cli_common_option, for the options above. */
int cli_series_option(cli_series *s, const char *command, int opt, const char *arg);
/* Reads every file into one series (snapshots in file and document order),
 * sliced when --by or --at was given; prints any error. */
int cli_series_read(cm_series **out, cm_ctx *ctx, const cli_common *c, const cli_series *s,
                    char **files, int nfiles);

/* What diff and timeline do with the series they read; returns an exit status. */
typedef int (*cli_series_fn)(cm_ctx *ctx, const cm_series *s, const cli_series *opts,
                             const void *args, int quiet);
/* Reads the files as one series and hands it to fn; returns an exit status. */
int cli_series_run(const cli_common *c, const cli_series *opts, char **files, int nfiles,
                   cli_series_fn fn, const void *args);

#endif
