/* SPDX-License-Identifier: MIT */
/* The HTML report's writers (report_html*.c), over the other stages'
 * public calls; docs/report.md describes the page. */
#ifndef CM_REPORT_HTML_H
#define CM_REPORT_HTML_H

#include "report.h"

#include "compare/compare.h"

/* The styles and the script (src/lib/report/assets/), built in. */
extern const char cm__report_css[];
extern const char cm__report_js[];

typedef struct cm__html {
	FILE *fp;
	cm_ctx *ctx;
	const cm_series *series;
	const cm_timeline *tl;
	const cm_report_opts *opts;
	const cm_network *net;        /* the last snapshot: the report's subject */
	const cm_metrics *metrics;    /* its measures */
	const cm_classification *cls; /* its classification */
	cm_positions *pos;            /* its layout, NULL when aggregated */
	size_t all;                   /* the "all" layer of metrics */
} cm__html;

/* A number as the text reports print it; "missing" for NaN. */
void cm__html_number(FILE *fp, double v);
/* The snapshot's name: its label, else its id, else its year, else "snapshot N". */
void cm__html_snapshot_name(FILE *fp, const cm_network *net, size_t i);

/* The <svg> element of a standalone SVG document (report_html_maps.c). */
void cm__html_svg(FILE *fp, const char *doc);

/* What the report calls actor i: its label, or its id when it has none. */
const char *cm__html_name(const cm_network *net, size_t i);
/* The name of an actor's kind, size, ownership or location (a CM_HAS_*
 * bit), NULL when not given. */
const char *cm__html_attr(const cm_network *net, size_t i, unsigned bit);

/* The sections, in page order; each returns 0 or a CM_E* code. */
int cm__html_data(cm__html *h);
int cm__html_verdict(cm__html *h);
int cm__html_maps(cm__html *h);
int cm__html_measures(cm__html *h);
int cm__html_roles(cm__html *h);
int cm__html_changes(cm__html *h);
/* The JSON block the script reads: actors, ties, layout. */
int cm__html_json(cm__html *h);
/* The map's groups above interactive_max into root ("groups",
 * "group_ties"); nonzero on failure (report_html_groups.c). */
int cm__html_groups(const cm__html *h, json_t *root);

#endif
