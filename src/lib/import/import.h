/* SPDX-License-Identifier: MIT */
/* The peers' formats (Pajek, GEXF) read into the data model, and the file
 * reader that tells the formats apart. */
#ifndef CM_IMPORT_H
#define CM_IMPORT_H

#include "core/internal.h"
#include "graphml/graphml.h"

#include <stdio.h>

typedef enum { CM__FMT_GRAPHML, CM__FMT_PAJEK, CM__FMT_GEXF } cm__format;

/* The format of a file from its first bytes, else from its name. */
cm__format cm__format_detect(const char *head, size_t len, const char *path);

/* Pajek .net/.paj: each *Network (or the whole file) one snapshot. */
int cm__pajek_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp,
                   const cm_read_opts *opts);

/* GEXF: its one <graph> as one snapshot, streamed through libxml2. */
int cm__gexf_read(cm_series **out, cm_ctx *ctx, const char *name, FILE *fp,
                  const cm_read_opts *opts);

/* An attribute of another format's node or edge, mapped onto the model as a
 * GraphML key of that name would be (docs/formats.md). */
typedef struct cm__attrs {
	cm__keys keys;
} cm__attrs;

/* Stores text as the value of attribute name on node/edge i (target
 * CM__FOR_NODE or CM__FOR_EDGE). Returns 0 (err may hold a warning),
 * CM_EPARSE (err says why) or CM_ENOMEM. */
int cm__attrs_apply(cm__value_error *err, cm__attrs *a, cm_ctx *ctx, const cm_read_opts *opts,
                    cm_network *net, int target, size_t i, const char *name, const char *text);
void cm__attrs_free(cm__attrs *a);

#endif
