/* SPDX-License-Identifier: MIT */
/* Fuzz target of the attribute pre-scan of the XML readers
 * (src/lib/graphml/xmlscan.h), against libxml2 itself. The input is a
 * document; libxml2 (SAX1, so that namespace declarations are attributes
 * like the others and nothing is added or dropped) reports each start tag
 * with the attributes it holds, up to its first error. The scanner, fed
 * one byte at a time, must count the same attributes for every one of
 * those tags, in the same order, and, when libxml2 read the whole
 * document, see no other; this is what keeps it from refusing a valid
 * file. Fed again in three chunks cut where the input says, with a limit
 * of 1 to 4, it must refuse exactly the first tag with more, by its name,
 * and hand back the bytes before that tag's '<'. The comparison holds for
 * the encodings where both read the same characters (UTF-8, UTF-16 and
 * the ISO-8859 family); in the others only the scanner's own promises
 * (the same outcome however cut) are checked. */
#include "fuzz.h"
#include "graphml/xmlscan.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <string.h>

typedef struct tag {
	size_t count;
	char name[64]; /* "" when longer than the scanner keeps */
} tag;

typedef struct tags {
	tag *items;
	size_t n, cap;
	xmlParserCtxtPtr xml; /* libxml2's, while it parses */
	char encoding[64];    /* the encoding it decoded the tags in; "" UTF-8 */
} tags;

static void add(tags *t, size_t count, const char *name)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->items = realloc(t->items, t->cap * sizeof(*t->items));
		FUZZ_CHECK(t->items);
	}
	tag *g = &t->items[t->n++];
	g->count = count;
	g->name[0] = '\0';
	if (name && strlen(name) <= 60)
		strcpy(g->name, name);
}

/* The encoding libxml2 decodes in: asked while it parses, since it
 * drops its input buffer when it stops at an error. */
static void note_encoding(tags *t)
{
	xmlParserInputPtr in = t->xml->input;
	const char *name = in && in->buf && in->buf->encoder ? in->buf->encoder->name : "";
	snprintf(t->encoding, sizeof(t->encoding), "%s", name);
}

static void on_start(void *user, const xmlChar *name, const xmlChar **atts)
{
	size_t n = 0;
	for (; atts && atts[2 * n]; n++)
		;
	add(user, n, (const char *)name);
	note_encoding(user);
}

static xmlEntityPtr on_entity(void *user, const xmlChar *name)
{
	(void)user;
	return xmlGetPredefinedEntity(name); /* as the readers: nothing else */
}

static void quiet(void *user, const char *msg, ...)
{
	(void)user, (void)msg;
}

/* libxml2's start tags; *whole: it read the document without an error. */
static void parse(tags *t, int *whole, const uint8_t *data, size_t size)
{
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	sax.initialized = 1; /* SAX1 */
	sax.startElement = on_start;
	sax.getEntity = on_entity;
	sax.warning = sax.error = sax.fatalError = quiet;
	t->xml = xmlCreatePushParserCtxt(&sax, t, NULL, 0, NULL);
	FUZZ_CHECK(t->xml);
	xmlCtxtUseOptions(t->xml, XML_PARSE_NONET);
	int rc = xmlParseChunk(t->xml, (const char *)data, (int)size, 1);
	*whole = rc == 0 && t->xml->wellFormed;
	if (*whole)
		note_encoding(t);
	xmlFreeDoc(t->xml->myDoc);
	xmlFreeParserCtxt(t->xml);
	t->xml = NULL;
}

/* The scanner's count for each tag, fed one byte at a time. */
static void scan_bytes(tags *t, cm__xmlscan *s, const uint8_t *data, size_t size)
{
	cm__xmlscan_init(s, 0);
	for (size_t i = 0; i < size && !s->refused; i++) {
		FUZZ_CHECK(cm__xmlscan_feed(s, (const char *)data + i, 1) == 1 || s->refused);
		if (s->tags > t->n)
			add(t, 0, NULL);
		if (s->tags)
			t->items[s->tags - 1].count = s->count;
	}
	FUZZ_CHECK(s->tags == t->n);
}

/* Whether libxml2 and the scanner read the same characters. */
static int comparable(const cm__xmlscan *s, const char *encoding)
{
	if (s->refused)
		return 0;
	if (s->width == 2)
		return !strncmp(encoding, "UTF-16", 6);
	return !*encoding || !strncmp(encoding, "ISO-8859", 8) || !strcmp(encoding, "ASCII");
}

/* The same counts; but libxml2 may report the last tag before its error
 * with the attributes up to a character it stopped at (a control
 * character after the name, say), which the scanner counts past: never
 * fewer. */
static void compare(const tags *lib, int whole, const tags *mine)
{
	for (size_t i = 0; i < lib->n; i++) {
		FUZZ_CHECK(i < mine->n && mine->items[i].count >= lib->items[i].count);
		if (whole || i + 1 < lib->n)
			FUZZ_CHECK(mine->items[i].count == lib->items[i].count);
	}
	if (whole)
		FUZZ_CHECK(mine->n == lib->n);
}

/* Three chunks, a limit of 1 to 4: the first tag over it is refused. */
static void refusal(const tags *mine, const tags *lib, int whole, int names, const uint8_t *data,
                    size_t size)
{
	size_t max = 1 + data[0] % 4, a = size ? data[size / 2] % (size + 1) : 0;
	size_t b = a + (size > a ? data[size - 1] % (size - a + 1) : 0), cuts[] = {0, a, b, size};
	size_t k = 0, passed = 0, base = 0;
	while (k < mine->n && mine->items[k].count <= max)
		k++;
	cm__xmlscan s;
	cm__xmlscan_init(&s, max);
	for (int c = 0; c < 3 && !s.refused; c++) {
		base = cuts[c];
		passed += cm__xmlscan_feed(&s, (const char *)data + base, cuts[c + 1] - base);
	}
	if (k == mine->n) {
		FUZZ_CHECK(s.refused != CM__XMLSCAN_ATTRIBUTES);
		return;
	}
	FUZZ_CHECK(s.refused == CM__XMLSCAN_ATTRIBUTES && s.tags == k + 1 && s.count == max + 1);
	FUZZ_CHECK(passed == (s.tag_at > base ? s.tag_at : base));
	FUZZ_CHECK(s.width == 2 || data[s.tag_at] == '<');
	/* libxml2's names are UTF-8; the scanner's too, but for characters
	 * past U+FFFF in UTF-16, which it shows as two U+FFFD. The last tag
	 * before libxml2's error may have been cut short (compare). */
	const char *name = k + 1 < lib->n || (k < lib->n && whole) ? lib->items[k].name : "";
	if (names && name[0] && !(s.width == 2 && strpbrk(name, "\xF0\xF1\xF2\xF3\xF4")))
		FUZZ_CHECK(!strcmp(s.name, name));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int once;
	if (!once++) {
		xmlInitParser();
		xmlSetGenericErrorFunc(NULL, quiet);
	}
	tags lib = {0}, mine = {0};
	int whole;
	cm__xmlscan s;
	parse(&lib, &whole, data, size);
	scan_bytes(&mine, &s, data, size);
	int same = comparable(&s, lib.encoding);
	if (same)
		compare(&lib, whole, &mine);
	/* Names compare in UTF-8 and UTF-16, not in a legacy encoding. */
	if (size)
		refusal(&mine, &lib, whole, same && (!lib.encoding[0] || s.width == 2), data, size);
	free(lib.items);
	free(mine.items);
	xmlResetLastError();
	return 0;
}
