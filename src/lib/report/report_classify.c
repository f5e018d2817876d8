/* SPDX-License-Identifier: MIT */
/* The classification as plain-words text or JSON (docs/json.md, "classify"). */
#include "classify/classify_result.h"
#include "report.h"

#include <jansson.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ text */

typedef struct numbuf {
	char s[32];
} numbuf;

static const char *num(numbuf *b, double v)
{
	if (isnan(v))
		return "-";
	return cm__fmt_double(b->s, sizeof(b->s), fabs(v) < 5e-4 ? 0.0 : v, 3);
}

static double value(const cm_classification *c, const char *id)
{
	size_t i;
	return cm_classification_find_indicator(&i, c, id) ? NAN : c->ind[i].value;
}

static int pct(double share)
{
	return isnan(share) ? 0 : (int)(100 * share + 0.5);
}

typedef struct sharebuf {
	char s[112];
} sharebuf;

/* "45%", or "an unknown share (3 local SMEs; needs 5)": an undefined share
 * is said to be unknown, never read as 0. */
static const char *share(sharebuf *b, const cm_classification *c, const char *id)
{
	size_t i;
	if (cm_classification_find_indicator(&i, c, id))
		snprintf(b->s, sizeof(b->s), "an unknown share");
	else if (isnan(c->ind[i].value))
		snprintf(b->s, sizeof(b->s), "an unknown share (%s)",
		         *c->ind_why[i] ? c->ind_why[i] : "undefined");
	else
		snprintf(b->s, sizeof(b->s), "%d%%", pct(c->ind[i].value));
	return b->s;
}

/* "Name (large firm, externally owned)", "Name (university)" */
static void describe(FILE *fp, const cm_network *net, int node)
{
	cm_kind kind = (cm_kind)net->nodes[(size_t)node].kind;
	cm_size size = (cm_size)net->nodes[(size_t)node].size;
	cm__fputs_escaped(fp, cm__node_label(net, (size_t)node));
	fputs(" (", fp);
	if (kind != CM_KIND_FIRM) {
		fprintf(fp, "%s)", cm_kind_name(kind));
		return;
	}
	if (size != CM_SIZE_UNKNOWN)
		fprintf(fp, "%s ", cm_size_name(size));
	fprintf(fp, "firm, %s)",
	        (cm_ownership)net->nodes[(size_t)node].ownership == CM_OWNERSHIP_EXTERNAL
	            ? "externally owned"
	            : "locally owned");
}

/* The k-th top buyer (the first large firm among them for a hub), said once
 * per report: *said records which one was. */
/* A share at the start of a sentence. */
static const char *capital(sharebuf *b, const cm_classification *c, const char *id)
{
	share(b, c, id);
	if (b->s[0] >= 'a' && b->s[0] <= 'z')
		b->s[0] = (char)(b->s[0] - 'a' + 'A');
	return b->s;
}

static void top_buyer(FILE *fp, const cm_classification *c, const char *lead, int large, int *said)
{
	int k = 0;
	while (large && k < 2 && c->top_buyer[k + 1] >= 0 &&
	       !((cm_kind)c->net->nodes[(size_t)c->top_buyer[k]].kind == CM_KIND_FIRM &&
	         (cm_size)c->net->nodes[(size_t)c->top_buyer[k]].size == CM_SIZE_LARGE))
		k++;
	if (c->top_buyer[0] < 0) {
		if (!*said)
			fprintf(fp, strstr(c->unrecorded, "supplier")
			                ? " Supply ties were not recorded."
			                : " There are no local supply ties.");
		*said = 1;
		return;
	}
	if (*said == k + 2)
		return;
	*said = k + 2;
	fprintf(fp, " %s ", lead);
	describe(fp, c->net, c->top_buyer[k]);
	sharebuf b;
	fprintf(fp, ", which takes %d%% of local supply ties; the top three buyers take %s.",
	        pct(c->top_buyer_share[k]), share(&b, c, "buyer_top3_share"));
}

static void explain_type(FILE *fp, const cm_classification *c, cm_cluster_type t, int *said)
{
	sharebuf a, b, d;
	switch (t) {
	case CM_TYPE_ITALIANATE:
		fprintf(fp,
		        " %s of local firms are SMEs; %s of them exchange information with "
		        "another local SME and %s are tied to a local association.",
		        capital(&a, c, "sme_share"), share(&b, c, "sme_horizontal_reach"),
		        share(&d, c, "association_coverage"));
		top_buyer(fp, c, "The largest local buyer is", 0, said);
		break;
	case CM_TYPE_HUB_AND_SPOKE:
		top_buyer(fp, c, "Local supply converges on", 1, said);
		/* Said already when the other half of a hybrid is Italianate; and
		 * there the SMEs may well be linked: "only" is for few. */
		if (c->type == CM_TYPE_HYBRID &&
		    (c->hybrid[0] == CM_TYPE_ITALIANATE || c->hybrid[1] == CM_TYPE_ITALIANATE))
			break;
		/* "Only 20%", "45%", or "An unknown share (...)" opening the sentence. */
		if (value(c, "sme_horizontal_reach") < 0.5)
			fprintf(fp, " Only %s", share(&a, c, "sme_horizontal_reach"));
		else
			fprintf(fp, " %s", capital(&a, c, "sme_horizontal_reach"));
		fprintf(fp, " of local SMEs exchange information with another local SME.");
		break;
	case CM_TYPE_SATELLITE_PLATFORM:
		fprintf(fp,
		        " %s of local firms are owned from outside the region, %s of ties "
		        "leave the region, and %s of local actors sit outside the largest "
		        "local component.",
		        capital(&a, c, "external_ownership"), share(&b, c, "outside_share"),
		        share(&d, c, "fragmentation"));
		break;
	case CM_TYPE_STATE_ANCHORED:
		if (c->top_broker[0] >= 0) {
			fprintf(fp, " The main broker is ");
			describe(fp, c->net, c->top_broker[0]);
			fprintf(fp,
			        "; public bodies hold %s of local betweenness and buy %s of "
			        "local supply.",
			        share(&a, c, "public_betweenness_share"),
			        share(&b, c, "public_buying_share"));
		}
		top_buyer(fp, c, "The top local buyer is", 0, said);
		break;
	default: break;
	}
}

static const char *const type_phrase[] = {
    "an Italianate (Marshallian) district", "a hub-and-spoke district",
    "a satellite industrial platform", "a state-anchored district"};

static void verdict_words(FILE *fp, const cm_classification *c)
{
	int said = 0;
	if (c->type < CM_TYPE_SCORED_COUNT) {
		fprintf(fp, "This network looks like %s.", type_phrase[c->type]);
		explain_type(fp, c, c->type, &said);
	} else if (c->type == CM_TYPE_HYBRID) {
		fprintf(fp, "This network mixes %s and %s: their scores differ by only %s.",
		        type_phrase[c->hybrid[0]], type_phrase[c->hybrid[1]],
		        num(&(numbuf){{0}}, c->margin));
		explain_type(fp, c, c->hybrid[0], &said);
		explain_type(fp, c, c->hybrid[1], &said);
	} else if (*c->what_to_add && !strncmp(c->why, "no type can be judged", 21)) {
		fprintf(fp, "This network cannot be classified: %s.", c->why + 23);
	} else {
		fprintf(fp, "This network matches none of Markusen's types: %s.", c->why);
	}
}

/* Writes text as lines of at most WRAP columns, each indented by two. */
#define WRAP 88
static void wrapped(FILE *fp, const char *text)
{
	while (*text) {
		size_t len = strlen(text), cut = len;
		if (len > WRAP - 2) {
			cut = WRAP - 2;
			while (cut > 0 && text[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = strcspn(text, " ");
		}
		fprintf(fp, "  %.*s\n", (int)cut, text);
		text += cut;
		while (*text == ' ')
			text++;
	}
}

/* The verdict is written to memory first, to be wrapped; a stream that
 * cannot grow (no memory) fails the report. */
static int verdict_text(FILE *fp, const cm_classification *c)
{
	cm__memout m;
	if (!cm__memout_open(&m))
		return CM_ENOMEM;
	verdict_words(m.fp, c);
	if (cm__memout_close(&m))
		return CM_ENOMEM;
	wrapped(fp, m.buf);
	free(m.buf);
	return 0;
}

/* Flips shown in the text; the JSON lists every stored one. */
#define TEXT_FLIPS 5

static void sensitivity_text(FILE *fp, const cm_classification *c)
{
	const cm__sensitivity *s = &c->sens;
	static const char *const what[][2] = {{"band shift", "band shifts"},
	                                      {"reversal", "reversals"},
	                                      {"fill", "fills"},
	                                      {"actor drop", "actor drops"},
	                                      {"tie drop", "tie drops"}};
	size_t runs = 0, flips = 0;
	if (!s->done)
		return;
	for (int k = 0; k < CM__S_KINDS; k++)
		runs += s->runs[k], flips += s->flips[k];
	fprintf(fp, "  %-12s%zu of %zu reruns keep the verdict (", "sensitivity", runs - flips,
	        runs);
	for (int k = 0, first = 1; k < CM__S_KINDS; k++) {
		if (!s->runs[k])
			continue;
		fprintf(fp, "%s%zu %s", first ? "" : ", ", s->runs[k], what[k][s->runs[k] != 1]),
		    first = 0;
		if (k == CM__S_ACTOR && s->runs[k] < s->local_actors)
			fprintf(fp, " of %zu local actors", s->local_actors);
	}
	fputs(")\n", fp);
	for (size_t k = 0; k < s->nflip && k < TEXT_FLIPS; k++) {
		char change[160], to[64];
		cm__flip_change(change, sizeof(change), c->net, &s->flip[k]);
		cm__flip_verdict(to, sizeof(to), &s->flip[k]);
		fprintf(fp, "  %-12s", "");
		cm__fputs_escaped(fp, change);
		fprintf(fp, " flips to %s\n", to);
	}
	if (flips > TEXT_FLIPS)
		fprintf(fp, "  %-12sand %zu more (the JSON lists them)\n", "", flips - TEXT_FLIPS);
}

static void scores_text(FILE *fp, const cm_classification *c)
{
	numbuf b;
	fprintf(fp, "\n  %-12s", "scores");
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++)
		fprintf(fp, "%s%s %s", t ? ", " : "", cm_cluster_type_name((cm_cluster_type)t),
		        num(&b, c->score[t]));
	fprintf(fp, "\n  %-12s%s\n", "margin", num(&b, c->margin));
	for (int t = 0; t < CM_TYPE_SCORED_COUNT; t++)
		fprintf(fp, "  %-12s%s %s%s%s\n", t ? "" : "gates",
		        cm_cluster_type_name((cm_cluster_type)t), c->gate[t] ? "holds" : "fails",
		        c->gate[t] ? "" : ": ", c->gate_why[t]);
	if (*c->unrecorded)
		fprintf(fp, "  %-12s%s ties (indicators on them are null)\n", "unrecorded",
		        c->unrecorded);
	if (*c->what_to_add)
		fprintf(fp, "  %-12s%s\n", "to add", c->what_to_add);
	fprintf(fp, "  %-12s%s (%s), limited by %s: ", "confidence", cm_confidence_name(c->level),
	        num(&b, c->confidence), c->limited_by);
	cm__fputs_escaped(fp, c->limit);
	fputc('\n', fp);
	sensitivity_text(fp, c);
	fprintf(fp, "  %-12sEnright %s; Altenburg & Meyer-Stamer %s; collective efficiency %s\n",
	        "readings", c->enright, c->ams, c->efficiency);
}

static void indicator_line(FILE *fp, const cm_indicator *ind, const char *why)
{
	numbuf a, b;
	numbuf pv;
	fprintf(fp, "    %-26s %10s %8s %7s  %-12s %s", ind->id, num(&a, ind->value),
	        num(&b, ind->z), num(&pv, ind->p_value), ind->null ? ind->null : "-", ind->name);
	if (*why)
		fprintf(fp, " (undefined: %s)", why);
	fputc('\n', fp);
}

static void indicators_text(FILE *fp, const cm_classification *c)
{
	if (c->ndrivers) {
		fprintf(fp, "\n  Strongest evidence\n    %-26s %10s %8s %7s  %-12s %s\n",
		        "indicator", "value", "z", "p", "null model", "meaning");
		for (size_t k = 0; k < c->ndrivers; k++)
			indicator_line(fp, &c->ind[c->drivers[k]], c->ind_why[c->drivers[k]]);
	}
	fprintf(fp, "\n  All indicators\n    %-26s %10s %8s %7s  %-12s %s\n", "indicator", "value",
	        "z", "p", "null model", "meaning");
	for (size_t i = 0; i < c->nind; i++)
		indicator_line(fp, &c->ind[i], c->ind_why[i]);
}

static int write_text(FILE *fp, const cm_classification *c)
{
	const cm_network *net = c->net;
	cm__fputs_escaped(fp, cm_network_source(net));
	if (*cm_network_label(net)) {
		fputs(" [", fp);
		cm__fputs_escaped(fp, cm_network_label(net));
		fputc(']', fp);
	} else if (cm_network_year(net))
		fprintf(fp, " [%d]", cm_network_year(net));
	fprintf(fp, ": %s", cm_cluster_type_name(c->type));
	if (c->type == CM_TYPE_HYBRID)
		fprintf(fp, " of %s and %s", cm_cluster_type_name(c->hybrid[0]),
		        cm_cluster_type_name(c->hybrid[1]));
	fprintf(fp, " (confidence %s)\n\n", cm_confidence_name(c->level));
	if (verdict_text(fp, c))
		return CM_ENOMEM;
	scores_text(fp, c);
	indicators_text(fp, c);
	return 0;
}

/* The whole text report goes to memory first, so that running out of
 * memory half-way leaves nothing written. */
static int write_text_many(FILE *fp, cm_ctx *ctx, const cm_classification *const *cs, size_t count)
{
	cm__memout m;
	if (!cm__memout_open(&m))
		return cm__oom(ctx);
	int bad = 0;
	for (size_t k = 0; k < count && !bad; k++) {
		if (k)
			fputc('\n', m.fp);
		bad = write_text(m.fp, cs[k]);
	}
	if (cm__memout_close(&m) || bad) {
		free(m.buf);
		return cm__oom(ctx);
	}
	errno = 0;
	bad = fwrite(m.buf, 1, m.len, fp) != m.len || ferror(fp);
	int rc = bad ? cm__write_failed(ctx) : 0;
	free(m.buf);
	return rc;
}

/* ------------------------------------------------------------ JSON */

static json_t *indicator_json(const cm_indicator *ind, const char *why)
{
	json_t *null = ind->null ? json_pack("{s:s,s:o,s:o}", "model", ind->null, "mean",
	                                     cm__json_number(ind->null_mean), "sd",
	                                     cm__json_number(ind->null_sd))
	                         : json_null();
	return json_pack("{s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o}", "id", ind->id, "name", ind->name,
	                 "layer", ind->layer, "value", cm__json_number(ind->value), "why",
	                 *why ? json_string(why) : json_null(), "z", cm__json_number(ind->z),
	                 "p_value", cm__json_number(ind->p_value), "p_method",
	                 ind->p_method ? json_string(ind->p_method) : json_null(), "null", null);
}

static json_t *scores_json(const cm_classification *c, int gates)
{
	json_t *o = json_object();
	int bad = 0;
	for (int t = 0; o && t < CM_TYPE_SCORED_COUNT; t++) {
		json_t *v = gates
		                ? json_pack("{s:b,s:s}", "holds", c->gate[t], "why", c->gate_why[t])
		                : cm__json_number(c->score[t]);
		bad |= json_object_set_new(o, cm_cluster_type_name((cm_cluster_type)t), v);
	}
	return cm__json_check(o, bad);
}

static json_t *snapshot_json(const cm_network *net)
{
	return json_pack("{s:s,s:s,s:o}", "id", cm_network_id(net), "label", cm_network_label(net),
	                 "year",
	                 cm_network_year(net) ? json_integer(cm_network_year(net)) : json_null());
}

/* "supplier, association" as ["supplier", "association"]. */
static json_t *words_json(const char *list)
{
	json_t *a = json_array();
	int bad = 0;
	while (a && *list) {
		size_t len = strcspn(list, ",");
		bad |= json_array_append_new(a, json_stringn(list, len));
		list += len;
		list += strspn(list, ", ");
	}
	return cm__json_check(a, bad);
}

static json_t *flip_json(const cm_classification *c, const cm__flip *f)
{
	char change[160];
	cm__flip_change(change, sizeof(change), c->net, f);
	json_t *hyb = json_array();
	int bad = 0;
	for (int k = 0; hyb && f->type == CM_TYPE_HYBRID && k < 2; k++)
		bad |= json_array_append_new(hyb, json_string(cm_cluster_type_name(f->hybrid[k])));
	hyb = cm__json_check(hyb, bad);
	json_t *actor =
	    f->kind == CM__S_ACTOR ? json_string(c->net->nodes[(size_t)f->which].id) : json_null();
	return json_pack("{s:s,s:s,s:o,s:s,s:o}", "change", cm__flip_kind_name(f->kind), "what",
	                 change, "actor", actor, "to", cm_cluster_type_name(f->type), "hybrid_of",
	                 hyb);
}

/* What the reruns changed and which changes flip the verdict; null when
 * none ran. */
static json_t *sensitivity_json(const cm_classification *c)
{
	const cm__sensitivity *s = &c->sens;
	if (!s->done)
		return json_null();
	json_t *kinds = json_object(), *flips = json_array();
	size_t runs = 0, nflips = 0;
	int bad = 0;
	for (int k = 0; kinds && k < CM__S_KINDS; k++) {
		runs += s->runs[k], nflips += s->flips[k];
		bad |= json_object_set_new(kinds, cm__flip_kind_name(k),
		                           json_pack("{s:I,s:I}", "runs", (json_int_t)s->runs[k],
		                                     "flips", (json_int_t)s->flips[k]));
	}
	kinds = cm__json_check(kinds, bad);
	bad = 0;
	for (size_t k = 0; flips && k < s->nflip; k++)
		bad |= json_array_append_new(flips, flip_json(c, &s->flip[k]));
	flips = cm__json_check(flips, bad);
	return json_pack("{s:I,s:I,s:I,s:o,s:o}", "reruns", (json_int_t)runs, "keep",
	                 (json_int_t)(runs - nflips), "local_actors", (json_int_t)s->local_actors,
	                 "changes", kinds, "flips", flips);
}

/* An unknown reading is null: missing data is not a reading. */
static json_t *reading(const char *word)
{
	return strcmp(word, "unknown") ? json_string(word) : json_null();
}

static json_t *secondary_json(const cm_classification *c)
{
	return json_pack("{s:o,s:o,s:o}", "enright", reading(c->enright), "altenburg_meyer_stamer",
	                 reading(c->ams), "collective_efficiency", reading(c->efficiency));
}

static json_t *result_json(const cm_classification *c)
{
	json_t *drivers = json_array(), *inds = json_array(), *hyb = json_array();
	int bad = 0;
	for (size_t k = 0; drivers && k < c->ndrivers; k++)
		bad |= json_array_append_new(drivers, json_string(c->ind[c->drivers[k]].id));
	drivers = cm__json_check(drivers, bad);
	bad = 0;
	for (size_t i = 0; inds && i < c->nind; i++)
		bad |= json_array_append_new(inds, indicator_json(&c->ind[i], c->ind_why[i]));
	inds = cm__json_check(inds, bad);
	bad = 0;
	for (int k = 0; hyb && c->type == CM_TYPE_HYBRID && k < 2; k++)
		bad |= json_array_append_new(hyb, json_string(cm_cluster_type_name(c->hybrid[k])));
	hyb = cm__json_check(hyb, bad);
	/* A NULL value (a failed allocation) makes json_pack() fail. */
	return json_pack(
	    "{s:s,s:o,s:s,s:o,s:o,s:o,s:o,s:s,s:o,s:o,s:{s:s,s:o,s:s,s:s,s:o,s:o},s:o,s:o,s:o,s:o}",
	    "input", cm_network_source(c->net), "snapshot", snapshot_json(c->net), "type",
	    cm_cluster_type_name(c->type), "hybrid_of", hyb, "scores", scores_json(c, 0), "gates",
	    scores_json(c, 1), "margin", cm__json_number(c->margin), "why", c->why, "what_to_add",
	    *c->what_to_add ? json_string(c->what_to_add) : json_null(), "not_recorded",
	    words_json(c->unrecorded), "confidence", "level", cm_confidence_name(c->level), "score",
	    cm__json_number(c->confidence), "limited_by", c->limited_by, "limit", c->limit, "lead",
	    cm__json_number(c->lead), "stability", cm__json_number(c->stability), "sensitivity",
	    sensitivity_json(c), "drivers", drivers, "indicators", inds, "secondary",
	    secondary_json(c));
}

int cm_classification_write_many(FILE *fp, cm_ctx *ctx, const cm_classification *const *cs,
                                 size_t count, cm_format format)
{
	if (format == CM_FORMAT_CSV)
		return cm__error(ctx, CM_EINVAL,
		                 "error: classify has no CSV form; use text or json");
	if (format == CM_FORMAT_TEXT)
		return write_text_many(fp, ctx, cs, count);
	if (count == 1)
		return cm__json_dump(result_json(cs[0]), fp, ctx);
	json_t *list = json_array();
	for (size_t k = 0; list && k < count; k++)
		if (json_array_append_new(list, result_json(cs[k])))
			json_decref(list), list = NULL;
	return cm__json_dump(list, fp, ctx);
}

int cm_classification_write(FILE *fp, cm_ctx *ctx, const cm_classification *c, cm_format format)
{
	return cm_classification_write_many(fp, ctx, &c, 1, format);
}

void cm__verdict_words(FILE *fp, const cm_classification *c)
{
	verdict_words(fp, c);
}

typedef struct classify_args {
	const cm_classification *const *cs;
	size_t count;
	cm_format format;
} classify_args;

static int classify_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const classify_args *a = arg;
	return cm_classification_write_many(fp, ctx, a->cs, a->count, a->format);
}

static int one_thunk(FILE *fp, cm_ctx *ctx, const void *arg)
{
	const classify_args *a = arg;
	return cm_classification_write(fp, ctx, a->cs[0], a->format);
}

int cm_classification_write_buf(cm_buf *out, cm_ctx *ctx, const cm_classification *c,
                                cm_format format)
{
	classify_args a = {&c, 1, format};
	return cm__buf_write(out, ctx, one_thunk, &a);
}

int cm_classification_write_many_buf(cm_buf *out, cm_ctx *ctx, const cm_classification *const *cs,
                                     size_t count, cm_format format)
{
	classify_args a = {cs, count, format};
	return cm__buf_write(out, ctx, classify_thunk, &a);
}
