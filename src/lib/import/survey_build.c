/* SPDX-License-Identifier: MIT */
/* Survey answers in long form: one row per answer (respondent, question,
 * answer). Each question is a relation and a direction: answers to "whom
 * do you buy from?" name sellers, so the tie runs answer -> respondent. */
#include "import.h"

#include <string.h>
#include <strings.h>

enum { TO_RESPONDENT, FROM_RESPONDENT, UNDIRECTED };

typedef struct question {
	const char *relation;
	int direction;
} question;

/* Which way the standard relations' usual questions point. */
static int default_direction(const char *canonical)
{
	if (!strcmp(canonical, "supplier") || !strcmp(canonical, "information"))
		return TO_RESPONDENT; /* "whom do you buy from / ask for advice?" */
	return FROM_RESPONDENT;       /* "which associations are you a member of?" */
}

/* "answer -> respondent", "respondent->answer", "undirected" or "". */
static int parse_direction(int *out, const char *s)
{
	char w[64];
	size_t n = 0;
	for (; *s && n + 1 < sizeof(w); s++)
		if (*s != ' ' && *s != '\t' && *s != ',')
			w[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
	w[n] = '\0';
	if (!strcmp(w, "answer->respondent"))
		*out = TO_RESPONDENT;
	else if (!strcmp(w, "respondent->answer"))
		*out = FROM_RESPONDENT;
	else if (!strcmp(w, "undirected"))
		*out = UNDIRECTED;
	else
		return n ? CM_EINVAL : CM_ENOTFOUND;
	return 0;
}

static const cm__map_entry *question_entry(const cm__mapping *m, const char *text)
{
	for (size_t i = 0; m && i < m->count; i++)
		if (!strcmp(m->items[i].section, "questions") && !strcasecmp(m->items[i].key, text))
			return &m->items[i];
	return NULL;
}

static int is_relation_word(const char *w)
{
	return strcmp(cm__relation_canonical(w), w) || !strcmp(w, "supplier") ||
	       !strcmp(w, "association") || !strcmp(w, "information");
}

/* The relation and direction of a question; CM_ENOTFOUND when it has none,
 * CM_EPARSE for a bad mapping line (reported). */
static int question_of(question *q, cm__import *imp, cm__arena *arena, const char *text)
{
	const cm__map_entry *e = question_entry(imp->map, text);
	if (!e) {
		if (!is_relation_word(text))
			return CM_ENOTFOUND;
		q->relation = cm__relation_canonical(text);
		q->direction = default_direction(q->relation);
		return 0;
	}
	size_t len = strcspn(e->value, " \t,");
	if (!len || !(q->relation = cm__arena_strndup(arena, e->value, len)))
		return len ? cm__oom(imp->ctx) : CM_EPARSE;
	int rc = parse_direction(&q->direction, e->value + len);
	if (rc == CM_ENOTFOUND)
		q->direction = default_direction(cm__relation_canonical(q->relation));
	else if (rc)
		return cm__diag(imp->ctx, CM_DIAG_ERROR, imp->map->file, e->line, 1,
		                "direction '%s' of question '%s'; use answer -> respondent, "
		                "respondent -> answer or undirected",
		                e->value + len, e->key)
		           ? CM_ENOMEM
		           : CM_EPARSE;
	return 0;
}

typedef struct survey {
	cm__import *imp;
	const cm__sheet *sh;
	const cm__header *h;
	size_t col[3];       /* respondent, question, answer */
	cm__strmap unmapped; /* questions reported once */
	cm__arena arena;
} survey;

static int unmapped(survey *s, size_t r, const char *text)
{
	long found;
	size_t len = strlen(text);
	if (cm__strmap_add(&s->unmapped, text, len, 0, &found))
		return cm__oom(s->imp->ctx);
	if (found >= 0)
		return 0;
	return cm__sheet_diag(s->imp->ctx, s->sh, CM_DIAG_ERROR, r, s->col[1],
	                      "question '%s' is not mapped to a relation; add it to the mapping's "
	                      "[questions] section, e.g. '%s = supplier answer -> respondent'",
	                      text, text);
}

static int answer_row(survey *s, size_t r)
{
	const char *qtext = cm__sheet_cell(s->sh, r, s->col[1]);
	question q = {NULL, 0};
	size_t who, whom, e;
	if (cm__cell_missing(cm__sheet_cell(s->sh, r, s->col[2]))) {
		s->imp->answers_empty++;
		return 0;
	}
	if (cm__cell_missing(qtext))
		return cm__sheet_diag(s->imp->ctx, s->sh, CM_DIAG_ERROR, r, s->col[1],
		                      "the answer on this row has no question");
	int rc = question_of(&q, s->imp, &s->arena, qtext);
	if (rc == CM_ENOTFOUND)
		return unmapped(s, r, qtext);
	int r1 = rc ? rc : cm__import_endpoint(&who, s->imp, s->sh, r, s->col[0]);
	int r2 = rc ? rc : cm__import_endpoint(&whom, s->imp, s->sh, r, s->col[2]);
	if (r1 == CM_ENOMEM || r2 == CM_ENOMEM)
		return CM_ENOMEM;
	if (r1 || r2)
		return 0;
	int to_resp = q.direction == TO_RESPONDENT;
	if (cm__import_tie(&e, s->imp, to_resp ? whom : who, to_resp ? who : whom, q.relation,
	                   q.direction != UNDIRECTED))
		return CM_ENOMEM;
	for (size_t c = 0; c < s->h->ncols && c < s->sh->rows[r].count; c++)
		if (c != s->col[0] && c != s->col[1] && c != s->col[2] &&
		    cm__header_apply(s->imp, s->h, s->sh, r, c, 1, e))
			return CM_ENOMEM;
	return 0;
}

int cm__import_survey(cm__import *imp, const cm__sheet *sh)
{
	cm__header h;
	survey s = {.imp = imp, .sh = sh, .h = &h};
	int rc = cm__header_read(&h, imp, sh, "survey");
	static const char *const need[3] = {"respondent", "question", "answer"};
	for (int k = 0; k < 3; k++)
		s.col[k] = cm__header_find(&h, need[k]);
	if (!rc && (s.col[0] == SIZE_MAX || s.col[1] == SIZE_MAX || s.col[2] == SIZE_MAX))
		rc = cm__sheet_diag(imp->ctx, sh, CM_DIAG_ERROR, 0, 0,
		                    "the edge sheet has neither 'source' and 'target' columns nor "
		                    "'respondent', 'question' and 'answer'; name them so, or map "
		                    "them in the mapping's [edges] or [survey] section")
		         ? CM_ENOMEM
		         : CM_EPARSE;
	for (size_t r = 1; !rc && r < sh->nrows; r++)
		if (cm__row_empty(sh, r))
			imp->rows_empty++;
		else if (answer_row(&s, r) == CM_ENOMEM)
			rc = CM_ENOMEM;
	cm__strmap_free(&s.unmapped);
	cm__arena_free(&s.arena);
	cm__header_free(&h);
	return rc;
}
