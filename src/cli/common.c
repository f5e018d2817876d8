/* SPDX-License-Identifier: MIT */
/* Options and helpers shared by the commands. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

const char cli_read_help[] =
    "Reading:\n"
    "      --map OURS=THEIRS[,...]  read another tool's attribute names as ours\n"
    "                               (e.g. relation=type,kind=category)\n"
    "      --flip-information       information edges were recorded asker -> adviser\n"
    "                               (the same as --direction information=reverse)\n"
    "      --direction REL=reverse[,...]  these relations were recorded against the\n"
    "                               model's direction (e.g. supplier=reverse for a\n"
    "                               survey recorded buyer -> seller)\n"
    "      --size-bands MICRO,SMALL,LARGE  employees from which a firm is small, medium\n"
    "                               and large (default the EU's 10,50,250)\n"
    "      --max-bytes N            input size limit (default 4 GiB)\n"
    "      --max-nodes N            node limit per file (default 20000000)\n"
    "      --max-edges N            edge limit per file (default 100000000)\n"
    "      --max-depth N            XML nesting limit (default 64)\n"
    "      --max-id-length N        id length limit (default 4096)\n"
    "      --max-value-length N     length limit of one value (default 1 MiB)\n"
    "      --max-snapshots N        <graph> limit per file (default 10000)\n"
    "      --max-attributes N       attribute limit per element (default 256)\n"
    "  -q, --quiet                  no warnings or progress on stderr\n"
    "  -h, --help                   show this help\n";

void cli_common_init(cli_common *c, const char *command)
{
	memset(c, 0, sizeof(*c));
	c->command = command;
	cm_read_opts_init(&c->read, CM_READ_OPTS_VERSION);
	cm_limits_init(&c->limits, CM_LIMITS_VERSION);
}

static void print_escaped(const char *fmt, va_list ap)
{
	char raw[2048], shown[2048];
	vsnprintf(raw, sizeof(raw), fmt, ap);
	cm_escape(shown, sizeof(shown), raw);
	fputs(shown, stderr);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	print_escaped(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *cli_output_name(const char *path)
{
	return strcmp(path, "-") ? path : "<stdout>";
}

void cli_print_write_error(const cm_ctx *ctx, int rc, const char *path)
{
	cli_print_error(ctx, rc == CM_EIO || rc == CM_ENOMEM ? cli_output_name(path) : NULL);
}

void cli_print_error(const cm_ctx *ctx, const char *file)
{
	const char *msg = cm_ctx_errmsg(ctx);
	if (file && !strncmp(msg, "error: ", 7))
		cli_error("%s: %s", file, msg);
	else
		cli_error("%s", msg);
}

int cli_usage(const char *command, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "clustermap %s: ", command);
	va_start(ap, fmt);
	print_escaped(fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'clustermap %s --help'.\n", command);
	return EXIT_USAGE;
}

int cli_parse_size(size_t *out, const char *arg)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(arg, &end, 10);
	if (end == arg || *end || errno || arg[0] == '-')
		return -1;
	*out = (size_t)v;
	return 0;
}

static int limit_option(cli_common *c, int opt, const char *arg)
{
	size_t v;
	if (cli_parse_size(&v, arg)) {
		cli_usage(c->command, "'%s' is not a whole number", arg);
		return -1;
	}
	switch (opt) {
	case CLI_OPT_MAX_BYTES: c->limits.max_bytes = v; break;
	case CLI_OPT_MAX_NODES: c->limits.max_nodes = v; break;
	case CLI_OPT_MAX_EDGES: c->limits.max_edges = v; break;
	case CLI_OPT_MAX_DEPTH: c->limits.max_depth = v; break;
	case CLI_OPT_MAX_ID: c->limits.max_id_length = v; break;
	case CLI_OPT_MAX_SNAPSHOTS: c->limits.max_snapshots = v; break;
	case CLI_OPT_MAX_ATTRIBUTES: c->limits.max_attributes = v; break;
	default: c->limits.max_value_length = v; break;
	}
	return 1;
}

/* --map is OURS=THEIRS[,...], both names non-empty: anything else would
 * be read as no renaming at all, silently. */
static int map_option(cli_common *c, const char *arg)
{
	for (const char *p = arg;; p++) {
		size_t len = strcspn(p, ","), eq = strcspn(p, "=");
		if (eq == 0 || eq + 1 >= len) {
			cli_usage(c->command, "--map takes OURS=THEIRS[,...]; '%.*s' is not a pair",
			          (int)len, p);
			return -1;
		}
		if (!p[len])
			break;
		p += len;
	}
	c->read.map = arg;
	return 1;
}

/* --direction is RELATION=reverse[,...]; the reader folds aliases. */
static int direction_option(cli_common *c, const char *arg)
{
	for (const char *p = arg;; p++) {
		size_t len = strcspn(p, ","), eq = strcspn(p, "=");
		if (eq == 0 || eq >= len || len - eq - 1 != 7 ||
		    strncmp(p + eq + 1, "reverse", 7)) {
			cli_usage(c->command,
			          "--direction takes RELATION=reverse[,...]; '%.*s' is not one",
			          (int)len, p);
			return -1;
		}
		if (!p[len])
			break;
		p += len;
	}
	c->read.direction = arg;
	return 1;
}

/* --size-bands MICRO,SMALL,LARGE: three increasing head counts above 0,
 * the employees from which a firm is small, medium and large. */
static int size_bands_option(cli_common *c, const char *arg)
{
	long b[3];
	const char *p = arg;
	for (int k = 0; k < 3; k++) {
		char *end;
		errno = 0;
		b[k] = strtol(p, &end, 10);
		int sep = k < 2 ? ',' : '\0';
		if (end == p || *end != sep || errno || b[k] < 1 || (k && b[k] <= b[k - 1])) {
			cli_usage(
			    c->command,
			    "--size-bands takes three increasing whole numbers, e.g. 10,50,250");
			return -1;
		}
		p = end + 1;
	}
	memcpy(c->read.size_bands, b, sizeof(b));
	return 1;
}

int cli_common_option(cli_common *c, int opt, const char *arg)
{
	switch (opt) {
	case CLI_OPT_MAP: return map_option(c, arg);
	case CLI_OPT_DIRECTION: return direction_option(c, arg);
	case CLI_OPT_SIZE_BANDS: return size_bands_option(c, arg);
	case CLI_OPT_FLIP: c->read.flip_information = 1; return 1;
	case CLI_OPT_QUIET:
	case 'q': c->quiet = 1; return 1;
	case CLI_OPT_HELP:
	case 'h': c->help = 1; return 1;
	case CLI_OPT_MAX_BYTES:
	case CLI_OPT_MAX_NODES:
	case CLI_OPT_MAX_EDGES:
	case CLI_OPT_MAX_DEPTH:
	case CLI_OPT_MAX_ID:
	case CLI_OPT_MAX_SNAPSHOTS:
	case CLI_OPT_MAX_ATTRIBUTES:
	case CLI_OPT_MAX_VALUE: return limit_option(c, opt, arg);
	case '?': return -1; /* getopt_long already said what is wrong */
	default: return 0;
	}
}

static int progress(const char *what, double fraction, void *payload)
{
	if (fraction < 0)
		fprintf(stderr, "\r%s...\033[K", what);
	else if (fraction >= 1)
		fprintf(stderr, "\r\033[K");
	else
		fprintf(stderr, "\r%s: %3.0f%%\033[K", what, 100 * fraction);
	return 0;
}

int cli_ctx(cm_ctx **out, const cli_common *c)
{
	if (cm_ctx_new(out)) {
		fprintf(stderr, "clustermap %s: error: out of memory\n", c->command);
		return CM_ENOMEM;
	}
	cm_ctx_set_limits(*out, &c->limits);
	cm_ctx_set_temp_hook(*out, cli_temp_hook, NULL);
	/* The command owns its process: workers where they pay (--jobs). */
	cm_ctx_set_jobs(*out, CM_JOBS_AUTO);
	/* Progress only where a person watches: never into a pipe or log. */
	if (!c->quiet && isatty(STDERR_FILENO))
		cm_ctx_set_progress(*out, progress, NULL);
	return 0;
}

void cli_print_diags(cm_ctx *ctx, int warnings)
{
	for (size_t i = 0; i < cm_ctx_diag_count(ctx); i++) {
		const cm_diag *d;
		if (cm_ctx_diag(&d, ctx, i))
			break;
		if (warnings || d->level == CM_DIAG_ERROR)
			cm_diag_print(stderr, d);
	}
}

int cli_read(cm_series **out, cm_ctx *ctx, const cli_common *c, const char *path)
{
	int rc;
	if (!strcmp(path, "-")) {
		cm_read_opts opts = c->read;
		opts.display_name = "<stdin>";
		rc = cm_series_read_fp(out, ctx, stdin, &opts);
	} else {
		rc = cm_series_read_file(out, ctx, path, &c->read);
	}
	cli_print_diags(ctx, !c->quiet);
	if (rc && cm_ctx_diag_count(ctx) == 0)
		cli_print_error(ctx, strcmp(path, "-") ? path : "<stdin>");
	return rc;
}

int cli_same_output(const char *a, const char *b)
{
	struct stat sa, sb;
	if (!a || !b)
		return 0;
	if (stat(a, &sa) || stat(b, &sb))
		return !strcmp(a, b);
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino && !S_ISCHR(sa.st_mode);
}

int cli_parse_format(cm_format *out, const char *command, const char *arg)
{
	if (cm_format_parse(out, arg) == 0)
		return 0;
	return cli_usage(command, "unknown format '%s'; use text, json or csv", arg);
}

int cli_write_batch(const cli_common *c, const char *path, cli_writer writer, const void *payload)
{
	cm_ctx *octx;
	if (cli_ctx(&octx, c))
		return EXIT_FAIL;
	int rc = cli_write_file(octx, path, writer, payload);
	if (rc < 0)
		cli_print_write_error(octx, rc, path);
	cm_ctx_free(octx);
	return rc ? EXIT_FAIL : EXIT_OK;
}

int cli_write_file(cm_ctx *ctx, const char *path, cli_writer writer, const void *payload)
{
	cm_output *o = NULL;
	int rc = cm_output_open(&o, ctx, path);
	if (rc)
		return rc;
	int wrc = writer(cm_output_fp(o), ctx, payload);
	if (wrc == 0 || (wrc == CLI_REPORTED && !strcmp(path, "-")))
		rc = cm_output_commit(ctx, o);
	cm_output_free(o);
	return wrc < 0 ? wrc : rc ? rc : wrc;
}

/* The extension of path's last component, without the dot; NULL when none. */
static const char *extension(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot = strrchr(base ? base + 1 : path, '.');
	return dot && dot[1] ? dot + 1 : NULL;
}

static const char *const format_words[] = {"text", "json", "csv"};

/* The report format an extension names: 0 and *out, or -1. */
static int format_of_extension(cm_format *out, const char *ext)
{
	if (!strcasecmp(ext, "txt") || !strcasecmp(ext, "text"))
		return *out = CM_FORMAT_TEXT, 0;
	if (!strcasecmp(ext, "json"))
		return *out = CM_FORMAT_JSON, 0;
	if (!strcasecmp(ext, "csv"))
		return *out = CM_FORMAT_CSV, 0;
	return -1;
}

/* Extensions of pictures and pages, which a text report must not fill. */
static int picture_extension(const char *ext)
{
	static const char *const words[] = {"svg",  "png", "pdf", "dot", "gv",   "jpg",
	                                    "jpeg", "gif", "ps",  "eps", "html", "htm"};
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (!strcasecmp(ext, words[k]))
			return 1;
	return 0;
}

const char *cli_picture_extension(const char *path)
{
	const char *ext = path && strcmp(path, "-") ? extension(path) : NULL;
	return ext && picture_extension(ext) ? ext : NULL;
}

int cli_output_format(cm_format *fmt, const char *command, const char *path)
{
	const char *ext = path && strcmp(path, "-") ? extension(path) : NULL;
	cm_format named;
	int given = *fmt != CLI_FORMAT_UNSET;
	if (!given)
		*fmt = CM_FORMAT_TEXT;
	if (!ext)
		return 0;
	if (picture_extension(ext))
		return cli_usage(command, "'%s' names a picture; the report is text, json or csv",
		                 path);
	if (format_of_extension(&named, ext))
		return 0;
	if (given && named != *fmt)
		return cli_usage(command, "'%s' names a %s file, but --format is %s", path,
		                 format_words[named], format_words[*fmt]);
	*fmt = named;
	return 0;
}

int cli_make_dir(const char *command, const char *path)
{
	char buf[4096];
	size_t len = strlen(path);
	if (len == 0 || len >= sizeof(buf)) {
		cli_error("clustermap %s: error: cannot create folder '%s'", command, path);
		return -1;
	}
	memcpy(buf, path, len + 1);
	/* each parent in turn, then the folder itself */
	for (char *p = buf + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(buf, 0777) && errno != EEXIST) {
			cli_error("clustermap %s: error: cannot create folder '%s': %s", command,
			          buf, strerror(errno));
			return -1;
		}
		*p = c;
		if (!c)
			return 0;
	}
}
