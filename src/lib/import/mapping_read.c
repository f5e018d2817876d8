/* SPDX-License-Identifier: MIT */
/* The mapping file (docs/import.md): "[section]" lines and "key = value"
 * lines, '#' comments. It renames columns, maps survey questions to
 * relations and directions, recodes values and sets size bands. */
#include "import.h"

#include <string.h>
#include <strings.h>

static const char *const sections[] = {"nodes", "edges", "survey", "questions", "size bands"};

static const char *const fields[] = {"id",         "label",    "kind",   "size",    "employees",
                                     "ownership",  "location", "sector", "source",  "target",
                                     "relation",   "weight",   "year",   "start",   "end",
                                     "respondent", "question", "answer", "directed"};

static void trim(const char **s, const char **e)
{
	while (*s < *e && (**s == ' ' || **s == '\t'))
		(*s)++;
	while (*e > *s && (e[0][-1] == ' ' || e[0][-1] == '\t' || e[0][-1] == '\r'))
		(*e)--;
}

static int known_section(const char *name)
{
	for (size_t i = 0; i < CM__ARRAY_LEN(sections); i++)
		if (!strcmp(name, sections[i]))
			return 1;
	return !strncmp(name, "values ", 7) && name[7];
}

static int add_entry(cm__mapping *m, cm_ctx *ctx, const char *section, const char *k, size_t klen,
                     const char *v, size_t vlen, unsigned long line)
{
	cm__map_entry e = {section, cm__arena_strndup(&m->arena, k, klen),
	                   cm__arena_strndup(&m->arena, v, vlen), line};
	if (!e.key || !e.value || cm__grow((void **)&m->items, &m->cap, m->count + 1, sizeof(e)))
		return cm__oom(ctx);
	m->items[m->count++] = e;
	return 0;
}

/* "[values kind]" -> "values kind", lowercased, inner blanks folded. */
static const char *section_name(cm__mapping *m, const char *s, const char *e)
{
	char buf[128];
	size_t n = 0;
	for (; s < e && n + 1 < sizeof(buf); s++) {
		char c = *s == '\t' ? ' ' : *s;
		if (c == ' ' && (n == 0 || buf[n - 1] == ' '))
			continue;
		buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	n -= n && buf[n - 1] == ' ';
	return cm__arena_strndup(&m->arena, buf, n);
}

static int parse_line(cm__mapping *m, cm_ctx *ctx, const char **section, const char *s,
                      const char *e, unsigned long line)
{
	trim(&s, &e);
	if (s == e || *s == '#' || *s == ';')
		return 0;
	if (*s == '[' && e[-1] == ']') {
		if (!(*section = section_name(m, s + 1, e - 1)))
			return cm__oom(ctx);
		if (known_section(*section))
			return 0;
		return cm__diag(ctx, CM_DIAG_ERROR, m->file, line, 1,
		                "unknown section [%s]; use nodes, edges, survey, questions, "
		                "values FIELD or size bands",
		                *section);
	}
	const char *eq = memchr(s, '=', (size_t)(e - s));
	if (!eq || !*section)
		return cm__diag(ctx, CM_DIAG_ERROR, m->file, line, 1,
		                eq ? "'key = value' before any [section]"
		                   : "expected '[section]' or 'key = value'");
	const char *ke = eq, *vs = eq + 1, *ks = s;
	trim(&ks, &ke);
	trim(&vs, &e);
	if (ks == ke)
		return cm__diag(ctx, CM_DIAG_ERROR, m->file, line, 1, "empty key before '='");
	return add_entry(m, ctx, *section, ks, (size_t)(ke - ks), vs, (size_t)(e - vs), line);
}

int cm__mapping_parse(cm__mapping *m, cm_ctx *ctx, const char *name, const char *text, size_t len)
{
	size_t before = cm__diag_errors(ctx);
	const char *section = NULL, *p = text, *end = text + len;
	unsigned long line = 1;
	if (!(m->file = cm__arena_strndup(&m->arena, name, strlen(name))))
		return cm__oom(ctx);
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	for (; p < end; line++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		if (memchr(p, '\0', (size_t)(e - p)))
			return cm__diag(ctx, CM_DIAG_ERROR, m->file, line, 1,
			                "NUL byte in the mapping")
			           ? CM_ENOMEM
			           : CM_EPARSE;
		if (parse_line(m, ctx, &section, p, e, line) == CM_ENOMEM)
			return CM_ENOMEM;
		p = e + 1;
	}
	return cm__diag_errors(ctx) > before ? CM_EPARSE : 0;
}

int cm__mapping_read(cm__mapping *m, cm_ctx *ctx, const char *path)
{
	char *buf;
	size_t len;
	int rc = cm__import_slurp(&buf, &len, ctx, path);
	if (rc)
		return rc;
	rc = cm__mapping_parse(m, ctx, path, buf, len);
	cm__free(buf);
	return rc;
}

void cm__mapping_free(cm__mapping *m)
{
	if (!m)
		return;
	cm__free(m->items);
	cm__arena_free(&m->arena);
	memset(m, 0, sizeof(*m));
}

const char *cm__mapping_get(const cm__mapping *m, const char *section, const char *key)
{
	for (size_t i = 0; m && i < m->count; i++)
		if (!strcmp(m->items[i].section, section) && !strcasecmp(m->items[i].key, key))
			return m->items[i].value;
	return NULL;
}

const char *cm__mapping_field(const cm__mapping *m, const char *section, const char *header)
{
	for (size_t i = 0; m && i < m->count; i++)
		if (!strcmp(m->items[i].section, section) && !strcasecmp(m->items[i].value, header))
			return m->items[i].key;
	for (size_t i = 0; i < CM__ARRAY_LEN(fields); i++)
		if (!strcasecmp(header, fields[i]))
			return fields[i];
	return NULL;
}
