/* SPDX-License-Identifier: MIT */
/* The attribute pre-scan of the XML readers (src/lib/graphml/xmlscan.h):
 * what it counts, what it skips (quoted values, comments, CDATA,
 * processing instructions, DOCTYPE and its internal subset), the
 * encodings it follows or refuses, and that none of it depends on where
 * the input is cut into chunks: every document is scanned whole, cut at
 * every point, and (the first) cut at every pair of points. */
#include "tap.h"

#include "graphml/xmlscan.h"

#define DOC(s)        s, sizeof(s) - 1
#define WHOLE(s, max) scan(s, sizeof(s) - 1, max, sizeof(s) - 1, sizeof(s) - 1)

typedef struct outcome {
	int refused;
	size_t tags;
	unsigned long line, col;
	char name[sizeof(((cm__xmlscan *)0)->name)];
	size_t passed; /* bytes the caller may hand to the parser */
} outcome;

/* Scans doc cut at a and b (a <= b <= len). */
static outcome scan(const char *doc, size_t len, size_t max, size_t a, size_t b)
{
	cm__xmlscan s;
	outcome o = {0};
	size_t cuts[] = {0, a, b, len};
	cm__xmlscan_init(&s, max);
	for (int k = 0; k < 3 && !s.refused; k++)
		o.passed += cm__xmlscan_feed(&s, doc + cuts[k], cuts[k + 1] - cuts[k]);
	o.refused = s.refused;
	o.tags = s.tags;
	if (s.refused) {
		o.line = s.at_line;
		o.col = s.at_col;
		snprintf(o.name, sizeof(o.name), "%s", s.name);
	}
	return o;
}

static int same(const outcome *x, const outcome *y)
{
	return x->refused == y->refused && x->tags == y->tags && x->line == y->line &&
	       x->col == y->col && !strcmp(x->name, y->name);
}

/* What the caller may parse when the refusal comes at byte last (that
 * completes the value's quote or the declaration): the chunks before the
 * one holding it, and up to the refused tag's '<' (lt) in that one. */
static size_t expected_passed(const outcome *whole, size_t a, size_t b, size_t last, size_t lt)
{
	size_t base = last >= b ? b : last >= a ? a : 0;
	if (whole->refused != CM__XMLSCAN_ATTRIBUTES)
		return base;
	return lt > base ? lt : base;
}

/* Every cut (and, with pairs, every pair of cuts) gives the outcome of
 * the whole document, and passes the bytes before the refused tag. */
static void every_cut(const char *what, const char *doc, size_t len, size_t max, size_t last,
                      size_t lt, int pairs)
{
	outcome whole = scan(doc, len, max, len, len);
	size_t bad = 0, checked = 0;
	for (size_t a = 0; a <= len; a++)
		for (size_t b = pairs ? a : len; b <= len; b++, checked++) {
			outcome o = scan(doc, len, max, a, b);
			size_t want = expected_passed(&whole, a, b, last, lt);
			if (!same(&o, &whole) || (whole.refused && o.passed != want)) {
				if (!bad++)
					printf("# cut at %zu, %zu: refused %d tags %zu at %lu:%lu "
					       "<%s> "
					       "passed %zu (want %zu)\n",
					       a, b, o.refused, o.tags, o.line, o.col, o.name,
					       o.passed, want);
			}
		}
	ok(!bad, "%s: the same outcome at each of %zu cuts", what, checked);
}

/* Line and column (from 1, in characters) of byte offset at in UTF-8 text
 * with LF line ends. */
static void where(const char *doc, size_t at, unsigned long *line, unsigned long *col)
{
	*line = *col = 1;
	for (size_t i = 0; i < at; i++) {
		if (doc[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)doc[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* Everything the scanner must not count, then the start tags it must. */
static const char doc_a[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE g SYSTEM \"a>b\" [ <!ENTITY e \"<x a='1' b='2' c='3' d='4'>\">\n"
    "  <!-- ' \" <y p=\"1\" q=\"2\" r=\"3\" s=\"4\"> --> <?pi '?> ]>\n"
    "<!-- <z a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\"> - ->-->\n"
    "<g xmlns=\"urn:x\" xmlns:y=\"urn:y\">text > with ] and ]] and --> in it\n"
    "<![CDATA[ <c a=\"1\" b=\"2\" c=\"3\" d=\"4\"> ]] ]>]]]]>\n"
    "<?pi <p a=\"1\" b=\"2\" c=\"3\" d=\"4\"> ? > ?>\n"
    "<n a=\"x>y\" b='\"&gt;' c = \"\xC3\xA9\"/><e/><e></e>\n"
    "<\xC3\xBCn\xC3\xAF a=\"1\" b=\"2\"\tc=\"3\"/>\n"
    "<tag a=\"1\" b=\"2\"\n"
    " c=\"3\" d=\"4\"/>\n"
    "</g>\n";

static void test_counts(void)
{
	size_t len = sizeof(doc_a) - 1;
	const char *lt = strstr(doc_a, "<tag "), *quote = strstr(doc_a, "d=\"4\"/>") + 2;
	outcome o = scan(doc_a, len, 3, len, len);
	unsigned long line, col;
	where(doc_a, (size_t)(quote - doc_a), &line, &col);
	ok(o.refused == CM__XMLSCAN_ATTRIBUTES, "a fourth attribute past a limit of 3 is refused");
	is_str(o.name, "tag", "in <tag>, after elements of 2, 3, 0, 0 and 3");
	is_int(o.tags, 6,
	       "the sixth start tag (what the comments, CDATA, PI and DTD hold is none)");
	ok(o.line == line && o.col == col, "at its value, %lu:%lu (want %lu:%lu)", o.line, o.col,
	   line, col);
	is_int(o.passed, lt - doc_a, "and the parser gets the bytes before the tag's '<'");
	o = scan(doc_a, len, 4, len, len);
	ok(!o.refused && o.tags == 6, "a limit of 4 lets the document through");
	o = scan(doc_a, len, 0, len, len);
	ok(!o.refused && o.tags == 6, "0 is no limit");
	size_t last = (size_t)(quote - doc_a), at = (size_t)(lt - doc_a);
	every_cut("limit 3", doc_a, len, 3, last, at, 0);
	every_cut("limit 3, three chunks", doc_a, len, 3, last, at, 1);
	every_cut("limit 4", doc_a, len, 4, 0, 0, 0);
}

/* UTF-8 as UTF-16 (characters up to U+FFFF), with a byte order mark. */
static size_t to_utf16(char *out, const char *in, int big_endian)
{
	const unsigned char *p = (const unsigned char *)in;
	size_t n = 0;
	unsigned long c = 0xFEFF;
	for (int first = 1; first || *p; first = 0) {
		if (!first) {
			int extra = *p >= 0xE0 ? 2 : *p >= 0xC0 ? 1 : 0;
			c = extra ? *p & (0x3F >> extra) : *p;
			for (p++; extra--; p++)
				c = c << 6 | (*p & 0x3F);
		}
		out[n + !big_endian] = (char)(c >> 8);
		out[n + big_endian] = (char)(c & 0xFF);
		n += 2;
	}
	return n;
}

/* The UTF-8 characters from s to end. */
static size_t characters(const char *s, const char *end)
{
	size_t n = 0;
	for (; s < end; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static void test_utf16(void)
{
	static const char tmpl[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n"
	    "<!-- <z a=\"1\" b=\"2\" c=\"3\"> -->\n"
	    "<g a='1'><![CDATA[<c a=\"1\" b=\"2\" c=\"3\">]]>\n"
	    "<n\xC3\xA9\xE2\x82\xAC x=\"\xE2\x82\xAC\" y=\"\xC3\xA9>\" z=\"3\"/></g>\n";
	char doc[2 * sizeof(tmpl) + 2];
	for (int be = 0; be < 2; be++) {
		size_t len = to_utf16(doc, tmpl, be);
		outcome o = scan(doc, len, 2, len, len);
		unsigned long line, col;
		where(tmpl, (size_t)(strstr(tmpl, "z=\"3\"") + 2 - tmpl), &line, &col);
		ok(o.refused == CM__XMLSCAN_ATTRIBUTES &&
		       !strcmp(o.name, "n\xC3\xA9\xE2\x82\xAC") && o.line == line && o.col == col &&
		       o.tags == 2,
		   "UTF-16%s: the third attribute of <n\xC3\xA9\xE2\x82\xAC> at %lu:%lu",
		   be ? "BE" : "LE", o.line, o.col);
		/* The '<' of <n...> and the second byte of the quote, in UTF-16
		 * units after the byte order mark. */
		size_t lt = 2 + 2 * characters(tmpl, strstr(tmpl, "<n\xC3"));
		size_t last = 2 + 2 * characters(tmpl, strstr(tmpl, "z=\"3\"") + 2) + 1;
		is_int(o.passed, lt, "and the parser gets the units before its '<'");
		every_cut(be ? "UTF-16BE" : "UTF-16LE", doc, len, 2, last, lt, 0);
		o = scan(doc, len, 3, len, len);
		ok(!o.refused && o.tags == 2, "UTF-16%s: a limit of 3 lets it through",
		   be ? "BE" : "LE");
	}
	/* Without a byte order mark, "<?" tells UTF-16 as libxml2 tells it. */
	size_t len = to_utf16(doc, tmpl, 0);
	outcome o = scan(doc + 2, len - 2, 2, len - 2, len - 2);
	ok(o.refused == CM__XMLSCAN_ATTRIBUTES && o.tags == 2,
	   "UTF-16LE without a byte order mark");
}

/* Refused at the byte last: the end of the declaration, or the fourth. */
static void refused_encoding(const char *what, const char *doc, size_t len, const char *name,
                             size_t last)
{
	outcome o = scan(doc, len, 1, len, len);
	ok(o.refused == CM__XMLSCAN_ENCODING && !strcmp(o.name, name) && o.passed == 0,
	   "%s is refused (%s)", what, o.name);
	every_cut(what, doc, len, 1, last, 0, 0);
}

static size_t decl_end(const char *doc)
{
	return (size_t)(strstr(doc, "?>") + 1 - doc);
}

static void test_encodings(void)
{
	static const char utf7[] = "<?xml version='1.0' encoding='UTF-7'?>+ADw-a b='1'/>";
	static const char jis[] = "<?xml version=\"1.0\"\n  encoding = \"ISO-2022-JP\" ?><a/>";
	static const char bare[] = "<?xml version='1.0' encoding=UTF-7?><a/>";
	refused_encoding("EBCDIC", DOC("\x4C\x6F\xA7\x94\x93\x40\xA5\x85\x99"), "EBCDIC", 3);
	refused_encoding("UTF-7", DOC(utf7), "UTF-7", decl_end(utf7));
	refused_encoding("ISO-2022-JP", DOC(jis), "ISO-2022-JP", decl_end(jis));
	refused_encoding("an encoding declaration it cannot read", DOC(bare), "", decl_end(bare));
	char long_decl[300] = "<?xml version=\"1.0";
	memset(long_decl + strlen(long_decl), '0', 200);
	strcpy(long_decl + 218, "\" encoding=\"UTF-7\"?><a/>");
	refused_encoding("a declaration too long to read", long_decl, strlen(long_decl), "",
	                 decl_end(long_decl));
	static const char be_decl[] = "<?xml version='1.0' encoding='UTF-16BE'?><a/>";
	char doc[200];
	size_t len = to_utf16(doc, be_decl, 0);
	refused_encoding("UTF-16LE declaring UTF-16BE", doc, len, "UTF-16BE",
	                 2 + 2 * decl_end(be_decl) + 1);
	static const char latin1[] = "<?xml version='1.0' encoding='ISO-8859-1'?>\n"
	                             "<g\xE9\xE9 a='\xE9' b='2'/>";
	outcome o = WHOLE(latin1, 1);
	ok(o.refused == CM__XMLSCAN_ATTRIBUTES && o.line == 2 && o.col == 14,
	   "ISO-8859-1: each byte a column (%lu:%lu)", o.line, o.col);
	o = WHOLE("<?xml-stylesheet href='a.xsl' encoding='UTF-7'?><a b='1'/>", 1);
	ok(!o.refused && o.tags == 1, "a processing instruction named xml-... is no declaration");
}

/* Double-byte encodings: a second byte of ']' in a CDATA section must not
 * end it. */
static void test_double_byte(void)
{
	static const char *const names[] = {"Shift_JIS", "Big5", "GBK"};
	static const char *const chars[] = {"\x81\x5D", "\xA4\x5D", "\x81\x5D"};
	for (int k = 0; k < 3; k++) {
		char doc[300];
		const char *c = chars[k];
		snprintf(
		    doc, sizeof(doc),
		    "<?xml version=\"1.0\" encoding=\"%s\"?>\n"
		    "<g><![CDATA[%s]>%s]><a b=\"1\" c=\"2\" d=\"3\">]]><n%s x=\"%s\" y=\"2\"/></g>",
		    names[k], c, c, c, c);
		size_t len = strlen(doc), quote = (size_t)(strstr(doc, "y=\"2\"") + 2 - doc);
		size_t line = (size_t)(strchr(doc, '\n') + 1 - doc);
		outcome o = scan(doc, len, 2, len, len);
		ok(!o.refused && o.tags == 2, "%s: a ']' second byte does not end CDATA", names[k]);
		o = scan(doc, len, 1, len, len);
		/* Four two-byte characters before the quote, one column each. */
		ok(o.refused && o.tags == 2 && o.line == 2 && o.col == quote - line - 4 + 1,
		   "%s: <n...> counted, at %lu:%lu", names[k], o.line, o.col);
		every_cut(names[k], doc, len, 1, quote, (size_t)(strstr(doc, "<n") - doc), 0);
	}
}

/* Names are clipped at 60 bytes, never inside a UTF-8 character; CR, LF
 * and CRLF each end one line. */
static void test_names_and_lines(void)
{
	char doc[200] = "\r\n\r<", want[80] = "";
	for (int k = 0; k < 29; k++) {
		strcat(doc, "\xC3\xA9");
		strcat(want, "\xC3\xA9");
	}
	strcat(doc, "x\xE2\x82\xACz y='1' z='2'/>");
	strcat(want, "x...");
	size_t len = strlen(doc);
	outcome o = scan(doc, len, 1, len, len);
	is_str(o.name, want, "a long name is clipped before a character it would cut");
	ok(o.line == 3 && o.col == 43, "CRLF is one line end, CR another (%lu:%lu)", o.line, o.col);
	every_cut("a long name", doc, len, 1, (size_t)(strstr(doc, "z='2'") + 2 - doc), 3, 0);
	o = WHOLE("<a b='1' c=", 1);
	ok(!o.refused && o.tags == 1, "a document cut off in a tag");
}

int main(void)
{
	test_counts();
	test_utf16();
	test_encodings();
	test_double_byte();
	test_names_and_lines();
	return tap_done();
}
