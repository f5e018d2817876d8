/* SPDX-License-Identifier: MIT */
/* A network built from code: actors, ties and attributes given one by one.
 * Attribute values land in the data model exactly as a GraphML <data> value
 * of a string key with that name would (graphml_keys.c), so a built network
 * equals the same network read from a file. No libxml2 here. */
#include "graphml.h"

#include <stdint.h>
#include <string.h>

struct cm_builder {
	cm_network *net; /* NULL once finished */
	cm__keys keys;   /* one string key per attribute name and domain */
};

int cm_builder_new(cm_builder **out, cm_ctx *ctx)
{
	cm_builder *b = cm__calloc(1, sizeof(*b));
	*out = NULL;
	if (!b)
		return cm__oom(ctx);
	int rc = cm__network_new(&b->net, ctx);
	if (rc) {
		cm__free(b);
		return rc;
	}
	*out = b;
	return 0;
}

void cm_builder_free(cm_builder *b)
{
	if (!b)
		return;
	cm_network_free(b->net);
	cm__keys_free(&b->keys);
	cm__free(b);
}

static int check_open(cm_ctx *ctx, const cm_builder *b)
{
	if (b->net)
		return 0;
	return cm__error(ctx, CM_EINVAL, "error: the builder has finished its network");
}

/* The key of an attribute name for nodes, edges or the graph, declared on
 * first use. */
static int key_for(const cm__key **out, cm_ctx *ctx, cm_builder *b, int domain, const char *name)
{
	static const char *const domains[] = {"", "node", "edge", "", "graph"};
	char id[300];
	if (!name || !*name || strlen(name) > 250)
		return cm__error(ctx, CM_EINVAL,
		                 "error: an attribute needs a name (1 to 250 bytes)");
	snprintf(id, sizeof(id), "%s:%s", domains[domain], name);
	int k = cm__keys_find(&b->keys, id, strlen(id), domain);
	if (k < 0) {
		cm__value_error err = {{0}};
		cm__key_decl decl = {id, name, "string", domains[domain], NULL};
		int rc = cm__keys_add(&err, &b->keys, NULL, &decl);
		if (rc)
			return rc == CM_ENOMEM
			           ? cm__oom(ctx)
			           : cm__error(ctx, CM_EINVAL, "error: %s", err.message);
		k = (int)b->keys.count - 1;
	}
	*out = &b->keys.items[k];
	return 0;
}

/* Applies a value as the reader would: a problem it reads past is a
 * warning diagnostic, one it refuses is CM_EINVAL. */
static int apply(cm_ctx *ctx, cm_builder *b, int domain, size_t i, const char *name,
                 const char *value)
{
	const cm__key *key = NULL;
	int rc = check_open(ctx, b);
	if (!rc)
		rc = key_for(&key, ctx, b, domain, name);
	if (rc)
		return rc;
	if (!value || !value[strspn(value, " \t\r\n")])
		return 0; /* an empty value is no value, as in a file */
	cm__value_error err = {{0}};
	rc = cm__apply_value(&err, ctx, key, b->net, domain, i, value);
	if (rc == CM_ENOMEM)
		return cm__oom(ctx);
	if (rc)
		return cm__error(ctx, CM_EINVAL, "error: %s", err.message);
	if (err.message[0])
		return cm__diag(ctx, CM_DIAG_WARNING, NULL, 0, 0, "%s", err.message);
	return 0;
}

int cm_builder_add_actor(cm_ctx *ctx, cm_builder *b, const char *id)
{
	int rc = check_open(ctx, b);
	if (rc)
		return rc;
	cm_network *net = b->net;
	if (!id || !*id)
		return cm__error(ctx, CM_EINVAL, "error: an actor needs a non-empty id");
	if (ctx && ctx->limits.max_nodes && net->n >= ctx->limits.max_nodes)
		return cm__error(ctx, CM_ELIMIT, "error: more than %zu actors (the node limit)",
		                 ctx->limits.max_nodes);
	const char *copy = cm__arena_strndup(&net->arena, id, strlen(id));
	long seen;
	if (!copy || net->n >= UINT32_MAX ||
	    cm__strmap_add(&net->ids, copy, strlen(copy), (uint32_t)net->n, &seen))
		return cm__oom(ctx);
	if (seen >= 0)
		return cm__error(ctx, CM_EINVAL, "error: duplicate actor id '%.100s'", id);
	cm__node node = {.id = copy};
	return cm__network_add_node(net, ctx, &node);
}

static int actor_index(size_t *out, cm_ctx *ctx, const cm_builder *b, const char *id)
{
	long i = id ? cm__strmap_get(&b->net->ids, id, strlen(id)) : -1;
	if (i < 0)
		return cm__error(ctx, CM_ENOTFOUND, "error: no actor '%.100s'; add it first",
		                 id ? id : "(null)");
	*out = (size_t)i;
	return 0;
}

int cm_builder_set_actor_attr(cm_ctx *ctx, cm_builder *b, const char *id, const char *name,
                              const char *value)
{
	size_t i;
	int rc = check_open(ctx, b);
	if (!rc)
		rc = actor_index(&i, ctx, b, id);
	return rc ? rc : apply(ctx, b, CM__FOR_NODE, i, name, value);
}

/* Relation and weight go through their keys, as in a file. */
static int tie_values(cm_ctx *ctx, cm_builder *b, size_t e, const char *relation, double weight)
{
	char w[64];
	int rc = 0;
	if (relation && relation[strspn(relation, " \t\r\n")])
		rc = apply(ctx, b, CM__FOR_EDGE, e, "relation", relation);
	else if (cm__network_layer(&b->net->edges[e].layer, b->net, ctx, "untyped"))
		rc = cm__oom(ctx);
	if (!rc && weight != 1.0) {
		cm__fmt_double(w, sizeof(w), weight, 17);
		rc = apply(ctx, b, CM__FOR_EDGE, e, "weight", w);
	}
	return rc;
}

int cm_builder_add_tie(size_t *index, cm_ctx *ctx, cm_builder *b, const char *source,
                       const char *target, const char *relation, double weight, bool directed)
{
	size_t s, t;
	int rc = check_open(ctx, b);
	if (!rc)
		rc = actor_index(&s, ctx, b, source);
	if (!rc)
		rc = actor_index(&t, ctx, b, target);
	if (rc)
		return rc;
	if (ctx && ctx->limits.max_edges && b->net->m >= ctx->limits.max_edges)
		return cm__error(ctx, CM_ELIMIT, "error: more than %zu ties (the edge limit)",
		                 ctx->limits.max_edges);
	cm__edge e = {.src = s, .dst = t, .weight = 1.0, .directed = directed, .layer = SIZE_MAX};
	if ((rc = cm__network_add_edge(b->net, ctx, &e)))
		return rc;
	size_t at = b->net->m - 1;
	if ((rc = tie_values(ctx, b, at, relation, weight))) {
		b->net->m--; /* a tie the caller was told failed is not kept */
		return rc;
	}
	if (index)
		*index = at;
	return 0;
}

int cm_builder_set_tie_attr(cm_ctx *ctx, cm_builder *b, size_t tie, const char *name,
                            const char *value)
{
	int rc = check_open(ctx, b);
	if (!rc)
		rc = cm__check_index(ctx, "tie", tie, b->net->m);
	if (!rc && name && !strcmp(name, "relation"))
		rc = cm__error(ctx, CM_EINVAL, "error: a tie's relation is set when it is added");
	return rc ? rc : apply(ctx, b, CM__FOR_EDGE, tie, name, value);
}

int cm_builder_set_graph_attr(cm_ctx *ctx, cm_builder *b, const char *name, const char *value)
{
	int rc = check_open(ctx, b);
	if (rc || !name || strcmp(name, "id"))
		return rc ? rc : apply(ctx, b, CM__FOR_GRAPH, 0, name, value);
	const char *copy =
	    cm__arena_strndup(&b->net->arena, value ? value : "", value ? strlen(value) : 0);
	if (!copy)
		return cm__oom(ctx);
	b->net->id = copy;
	return 0;
}

int cm_builder_finish(cm_network **out, cm_ctx *ctx, cm_builder *b)
{
	*out = NULL;
	int rc = check_open(ctx, b);
	if (!rc)
		rc = cm__network_finish(b->net, ctx);
	if (rc)
		return rc;
	*out = b->net;
	b->net = NULL;
	return 0;
}
