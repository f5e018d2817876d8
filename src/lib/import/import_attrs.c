/* SPDX-License-Identifier: MIT */
/* Attributes of the peers' formats land in the model through GraphML's
 * keys, so that "kind", "relation", "weight" and the rest mean the same in
 * every format, and --map renames them the same way. */
#include "import.h"

#include <string.h>

/* The key of that name for that domain, declared on first use. */
static int key_for(cm__value_error *err, cm__attrs *a, const cm_read_opts *opts, int target,
                   const char *name)
{
	char id[300];
	snprintf(id, sizeof(id), "%s:%.280s", target == CM__FOR_NODE ? "n" : "e", name);
	int k = cm__keys_find(&a->keys, id, strlen(id), target);
	if (k >= 0)
		return k;
	cm__key_decl decl = {.id = id,
	                     .name = name,
	                     .type = "string",
	                     .domain = target == CM__FOR_NODE ? "node" : "edge"};
	int rc = cm__keys_add(err, &a->keys, opts ? opts->map : NULL, &decl);
	if (rc)
		return rc == CM_ENOMEM ? CM_ENOMEM : CM_EPARSE;
	/* The declared name must outlive decl: keys copy only the id. */
	cm__key *key = &a->keys.items[a->keys.count - 1];
	if (key->name == name &&
	    !(key->name = cm__arena_strndup(&a->keys.arena, name, strlen(name))))
		return CM_ENOMEM;
	return (int)(a->keys.count - 1);
}

int cm__attrs_apply(cm__value_error *err, cm__attrs *a, cm_ctx *ctx, const cm_read_opts *opts,
                    cm_network *net, int target, size_t i, const char *name, const char *text)
{
	int k = key_for(err, a, opts, target, name);
	if (k < 0)
		return k;
	return cm__apply_value(err, ctx, &a->keys.items[k], net, target, i, text);
}

void cm__attrs_free(cm__attrs *a)
{
	cm__keys_free(&a->keys);
}
