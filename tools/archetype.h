/* SPDX-License-Identifier: MIT */
/* Seeded archetype networks of Markusen's four district types, written as
 * GraphML in clustermap's data model (tools/archetypes, tools/evaluate). */
#ifndef ARCHETYPE_H
#define ARCHETYPE_H

#include <stddef.h>
#include <stdio.h>

enum { ARCH_ITALIANATE, ARCH_HUB, ARCH_SATELLITE, ARCH_STATE, ARCH_TYPES };

extern const char *const arch_type_names[ARCH_TYPES];

typedef struct arch_opts {
	int type;         /* ARCH_* */
	int mix;          /* second type of a hybrid, or -1 */
	double mix_share; /* share of actors drawn from the second type (default 0.5) */
	size_t actors;    /* total, inside and outside (at least 20; a hybrid has at
	                   * least 20 in each part) */
	unsigned long seed;
	double noise;   /* share of ties moved to random pairs (0..1) */
	double missing; /* chance that each node attribute is left out (0..1) */
} arch_opts;

void arch_opts_init(arch_opts *o);
/* Index of a type name, or -1. */
int arch_type_parse(const char *name);
/* Writes one network; returns 0, or -1 when memory ran out. */
int arch_write(FILE *fp, const arch_opts *o);

#endif
