/* SPDX-License-Identifier: MIT */
/* Shared by the GraphML reader and writer: key declarations and how a
 * <data> value lands in the data model. */
#ifndef CM_GRAPHML_H
#define CM_GRAPHML_H

#include "core/internal.h"

#include <stdio.h>

enum { CM__FOR_NODE = 1, CM__FOR_EDGE = 2, CM__FOR_GRAPH = 4, CM__FOR_ALL = 7 };

typedef enum {
	CM__T_STRING,
	CM__T_BOOLEAN,
	CM__T_INT,
	CM__T_LONG,
	CM__T_FLOAT,
	CM__T_DOUBLE
} cm__type;

/* What a key's name makes of its values in the data model; found once per
 * key, not once per value. */
typedef enum {
	CM__ROLE_NONE, /* an extra attribute */
	CM__ROLE_KIND,
	CM__ROLE_SIZE,
	CM__ROLE_EMPLOYEES,
	CM__ROLE_OWNERSHIP,
	CM__ROLE_LOCATION,
	CM__ROLE_LABEL,
	CM__ROLE_NAME,
	CM__ROLE_SECTOR,
	CM__ROLE_RELATION,
	CM__ROLE_WEIGHT,
	CM__ROLE_YEAR,
	CM__ROLE_START,
	CM__ROLE_END
} cm__role;

typedef struct cm__key {
	const char *id;
	const char *name; /* attr.name after --map, or the id */
	cm__role role;    /* of name */
	const char *def;  /* <default> value or NULL */
	cm__type type;
	int domain;   /* CM__FOR_* mask */
	int misused;  /* CM__FOR_* elements it was used on against its domain (warned) */
	int graphics; /* yEd graphics (read for labels only) or a float size: values ignored */
	size_t next;  /* index + 1 of the key with the same id for another domain; 0: none */
} cm__key;

typedef struct cm__keys {
	cm__arena arena;
	cm__key *items;
	size_t count, cap;
	cm__strmap index; /* id -> index in items */
	/* Indexes of the keys with a default: each element visits only these,
	 * not every key declared. */
	size_t *defaulted;
	size_t ndefaulted, dcap;
} cm__keys;

typedef struct cm__key_decl {
	const char *id, *name, *type, *domain, *yfiles;
} cm__key_decl;

/* A message for a value or declaration problem; empty when none. */
typedef struct cm__value_error {
	char message[512];
} cm__value_error;

/* Adds a key. Returns 0 (err may hold a warning), CM_ENOTFOUND when an
 * identical repeat was ignored (err holds a warning), CM_EPARSE or CM_ENOMEM. */
int cm__keys_add(cm__value_error *err, cm__keys *keys, const char *map, const cm__key_decl *decl);
/* The key of that id declared for target (a CM__FOR_* element), else the
 * first of that id; -1 when none is. */
int cm__keys_find(const cm__keys *keys, const char *id, size_t len, int target);
void cm__keys_free(cm__keys *keys);
const char *cm__key_domain_name(int domain);
int cm__key_set_default(cm__value_error *err, cm__keys *keys, cm__key *key, const char *text);

/* Stores one value on node/edge index i (or on the graph). Returns 0 (err
 * may hold a warning), CM_EPARSE (err says why) or CM_ENOMEM. */
int cm__apply_value(cm__value_error *err, cm_ctx *ctx, const cm__key *key, cm_network *net,
                    int target, size_t i, const char *text);
/* Applies key defaults to element i where set[k] is 0. */
int cm__apply_defaults(cm_ctx *ctx, const cm__keys *keys, cm_network *net, int target, size_t i,
                       const unsigned char *set);

/* Reads GraphML from fp, opened on path (the name in messages unless
 * opts->display_name); the file readers of import/ call it. */
int cm__graphml_read_file(cm_series **out, cm_ctx *ctx, const char *path, FILE *fp,
                          const cm_read_opts *opts);

#endif
