/* SPDX-License-Identifier: MIT */
/* Helpers shared by the report writers (the files that use jansson). */
#ifndef CM_REPORT_H
#define CM_REPORT_H

#include "core/internal.h"

#include <jansson.h>

/* The context's diagnostics as a JSON array. */
json_t *cm__json_diags(const cm_ctx *ctx);
/* A number, or null when it is NaN (an undefined measure). */
json_t *cm__json_number(double v);
json_t *cm__json_value(double v);
/* value, made by cm__json_value, set in place to what cm__json_value(v)
 * makes: 0, or -1 when that is of another kind (then make a new one). */
int cm__json_value_set(json_t *value, double v);
/* v, or NULL (releasing v) when bad is set: every jansson call that adds
 * to a container returns nonzero when an allocation failed, in it or in
 * building the value added (NULL), and its caller passes that on here. */
json_t *cm__json_check(json_t *v, int bad);
/* Writes root (stealing the reference) with a final newline; NULL root
 * means an allocation failed (CM_ENOMEM). Nothing is written unless the
 * whole document could be formatted. */
int cm__json_dump(json_t *root, FILE *fp, cm_ctx *ctx);

/* CM_EIO with "error: write failed: REASON"; call it right after the
 * failed write, while errno still holds the reason. */
int cm__write_failed(cm_ctx *ctx);

/* The same text as cm__json_dump, for a root object whose last member is
 * an array too large to hold as one jansson tree: open writes root (that
 * member given as an empty array) up to the array's '[', element writes one
 * element after the ones before (first: none before it), close ends the
 * array and the root (any: some element was written). Each releases the
 * value it is given. 0, CM_ENOMEM or CM_EIO. */
int cm__json_stream_open(json_t *root, FILE *fp, cm_ctx *ctx);
/* text: the caller's buffer for the element's text, reused from one
 * element to the next ({0} at first; freed with cm__free(text->data)), so
 * that an element is formatted once where it fits. */
typedef struct cm__json_text {
	char *data;
	size_t cap;
} cm__json_text;
int cm__json_stream_element(json_t *elem, int first, cm__json_text *text, FILE *fp, cm_ctx *ctx);
int cm__json_stream_close(int any, FILE *fp, cm_ctx *ctx);
/* Writes one CSV field (RFC 4180 quoting when needed). */
void cm__csv_field(FILE *fp, const char *s);

/* The plain-words verdict, as the classification's text report says it
 * (report_classify.c), for the HTML report. */
void cm__verdict_words(FILE *fp, const cm_classification *c);
/* The words that name actor i beside its id: label, kind, size, ownership
 * and location, in that order (CM__NAME_FIELDS); NULL for each one the
 * file did not give, so that a missing value is reported missing. */
enum { CM__NAME_FIELDS = 5 };
extern const char *const cm__name_fields[CM__NAME_FIELDS];
void cm__node_names(const char *out[CM__NAME_FIELDS], const cm_network *net, size_t i);

#endif
