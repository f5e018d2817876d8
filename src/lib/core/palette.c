/* SPDX-License-Identifier: MIT */
/* The one palette of every picture: maps, change diagrams and the report's
 * interactive map (docs/render.md, "Colours"). Paul Tol's colour-blind-safe
 * qualitative schemes (Tol 2021, "Colour Schemes", SRON/EPS/TN/09-002),
 * split so that a colour has one meaning wherever it appears: kinds take
 * the "muted" scheme, values of an attribute or communities the "light"
 * one, roles and change marks the "bright" one, and lines of relation
 * layers dark tones that no fill uses ("medium-contrast" and a grey), in
 * maps and in the charts' lines alike; a chart's line of every layer
 * together takes the "dark" scheme's cyan, which nothing else uses; the
 * report's ring around found actors the "vibrant" scheme's red, likewise. */
#include "internal.h"

#include <string.h>

const char *cm__color_kind(cm_kind kind)
{
	static const char *const colors[CM_KIND_COUNT] = {
	    "#88CCEE",         /* firm: cyan */
	    "#DDCC77",         /* association: sand */
	    "#AA4499",         /* cluster organisation: purple */
	    "#999933",         /* training: olive */
	    "#44AA99",         /* research: teal */
	    "#332288",         /* university: indigo */
	    "#CC6677",         /* government: rose */
	    "#882255",         /* finance: wine */
	    CM__COLOR_MISSING, /* other */
	};
	return (unsigned)kind < CM_KIND_COUNT ? colors[kind] : CM__COLOR_MISSING;
}

const char *cm__color_value(size_t i)
{
	static const char *const colors[CM__COLOR_VALUES] = {
	    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
	};
	return i < CM__COLOR_VALUES ? colors[i] : NULL;
}

const char *cm__color_role(const char *role)
{
	static const char *const names[] = {"hub", "gatekeeper", "core", "periphery"};
	static const char *const colors[] = {"#EE6677", "#AA3377", "#4477AA", "#CCBB44"};
	for (size_t k = 0; k < 4; k++)
		if (!strcmp(role, names[k]))
			return colors[k];
	return CM__COLOR_MISSING;
}

/* The lines' colours: supplier, information, association, the custom
 * layers in turn, then every layer together (charts only). */
static const char *const lines[CM__COLOR_LINES] = {"#444444", "#004488",           "#997700",
                                                   "#994455", "#6699CC",           "#EE99AA",
                                                   "#EECC66", CM__COLOR_ALL_LAYERS};
#define CUSTOM_FIRST 3
#define CUSTOM_COUNT 4

const char *cm__color_layer(const char *name, size_t *custom, const char **style)
{
	*style = "solid";
	if (!strcmp(name, "supplier"))
		return lines[0];
	if (!strcmp(name, "information"))
		return *style = "dashed", lines[1];
	if (!strcmp(name, "association"))
		return *style = "dotted", lines[2];
	size_t c = (*custom)++;
	if (c >= CUSTOM_COUNT)
		*style = "dashed"; /* colours ran out: tell them apart by the line too */
	return lines[CUSTOM_FIRST + c % CUSTOM_COUNT];
}

const char *cm__color_line(size_t k)
{
	return lines[k % CM__COLOR_LINES];
}
