/* Helpers shared by the report writers (the files that use jansson). */
#ifndef CM_REPORT_H
#define CM_REPORT_H

#include "internal.h"

#include <jansson.h>

/* The context's diagnostics as a JSON array. */
json_t *cm__json_diags(const cm_ctx *ctx);
/* A number, or null when it is NaN (an undefined measure). */
json_t *cm__json_number(double v);
/* Writes root (stealing the reference) with a final newline; NULL root
 * means an allocation failed. */
int cm__json_dump(json_t *root, FILE *fp, cm_ctx *ctx);
/* Writes one CSV field (RFC 4180 quoting when needed). */
void cm__csv_field(FILE *fp, const char *s);

#endif
