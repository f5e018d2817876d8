/* SPDX-License-Identifier: MIT */
/* The attribute pre-scan of XML input (xmlscan.h): a state machine over
 * the document's characters, fed chunk by chunk. */
#include "xmlscan.h"
#include "core/internal.h"

#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum {
	S_TEXT,        /* content, and a DOCTYPE's internal subset */
	S_LT,          /* after '<' */
	S_BANG,        /* after "<!": a comment, CDATA or a declaration */
	S_COMMENT,     /* until "-->" */
	S_CDATA,       /* until "]]>" */
	S_PI,          /* until "?>": a processing instruction, the XML declaration */
	S_DECL,        /* <!DOCTYPE ...>, and each declaration of its subset */
	S_DECL_QUOTED, /* a quoted string in one */
	S_END_TAG,     /* until '>' */
	S_NAME,        /* a start tag's element name */
	S_TAG,         /* in a start tag, outside its quoted values */
	S_VALUE        /* an attribute's quoted value */
};

/* Double-byte encodings: which bytes lead a two-byte character. */
enum { DBCS_NONE, DBCS_SJIS, DBCS_HIGH };

enum { NAME_BYTES = 60 };

void cm__xmlscan_init(cm__xmlscan *s, size_t max_attributes)
{
	memset(s, 0, sizeof(*s));
	s->max = max_attributes;
	s->line = s->col = 1;
	s->state = S_TEXT;
}

static int is_space(unsigned long c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_quote(unsigned long c)
{
	return c == '"' || c == '\'';
}

/* ------------------------------------------------------------ names */

/* Keeps a character (or a byte) of the element's name while it fits: in
 * UTF-16, a code unit as UTF-8, U+FFFD for a surrogate (names with
 * characters past U+FFFF show one per half). */
static void name_add(cm__xmlscan *s, unsigned long c)
{
	char u[4];
	size_t n = 1;
	if (s->width == 2)
		n = cm__utf8_encode(u, c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c);
	else
		u[0] = (char)c;
	if (s->clipped || s->nname + n > NAME_BYTES) {
		s->clipped = 1;
		return;
	}
	memcpy(s->name + s->nname, u, n);
	s->nname += n;
}

/* Ends the name: a clipped one loses a last UTF-8 sequence it cut and
 * gets "...". */
static void name_end(cm__xmlscan *s)
{
	size_t n = s->nname, k = n;
	if (s->clipped) {
		while (k > 0 && n - k < 3 && ((unsigned char)s->name[k - 1] & 0xC0) == 0x80)
			k--;
		unsigned char lead = k ? (unsigned char)s->name[k - 1] : 0;
		size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
		if (k && k - 1 + want > n)
			n = k - 1;
		memcpy(s->name + n, "...", 3);
		n += 3;
	}
	s->name[n] = '\0';
}

/* ------------------------------------------------------------ encodings */

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Whether s starts with prefix (whole: equals it), ignoring ASCII case
 * whatever the locale. */
static int name_is(const char *s, const char *prefix, int whole)
{
	for (; *prefix; s++, prefix++)
		if (ascii_lower((unsigned char)*s) != ascii_lower((unsigned char)*prefix))
			return 0;
	return !whole || !*s;
}

static int name_in(const char *e, const char *const *names, size_t n, int whole)
{
	for (size_t k = 0; k < n; k++)
		if (name_is(e, names[k], whole))
			return 1;
	return 0;
}

#define NAME_IN(e, list, whole) name_in(e, list, sizeof(list) / sizeof(*list), whole)

/* How a byte-oriented document in encoding e is followed: DBCS_* (NONE:
 * every byte below 0x80 is that ASCII character), or -1 when it cannot
 * be. A UTF-16 declaration is let through: libxml2 refuses it itself. */
static int single_byte_mode(const char *e)
{
	static const char *const whole[] = {"UTF-8",    "UTF8",   "UTF-16",  "UTF16", "ASCII",
	                                    "US-ASCII", "GB2312", "TIS-620", "CP866", "MACINTOSH"};
	static const char *const prefix[] = {"ISO-8859-",  "ISO8859-", "ISO_8859-",
	                                     "ISO-LATIN-", "LATIN",    "WINDOWS-125",
	                                     "CP125",      "KOI8-",    "EUC"};
	static const char *const sjis[] = {"SHIFT_JIS", "SHIFT-JIS", "SJIS",
	                                   "MS_KANJI",  "CP932",     "WINDOWS-31J"};
	static const char *const high[] = {"BIG5",    "BIG5-HKSCS", "BIG5HKSCS", "GBK",  "CP936",
	                                   "GB18030", "CP949",      "UHC",       "CP950"};
	if (NAME_IN(e, whole, 1) || NAME_IN(e, prefix, 0))
		return DBCS_NONE;
	if (NAME_IN(e, sjis, 1))
		return DBCS_SJIS;
	return NAME_IN(e, high, 1) ? DBCS_HIGH : -1;
}

static void refuse_encoding(cm__xmlscan *s, const char *name)
{
	s->refused = CM__XMLSCAN_ENCODING;
	s->at_line = s->line;
	s->at_col = s->col;
	snprintf(s->name, sizeof(s->name), "%s", name);
	if (strlen(name) > NAME_BYTES)
		memcpy(s->name + NAME_BYTES, "...", 4);
}

/* The value of encoding="..." in the declaration d (whitespace runs made
 * one space): 1 found, 0 none, -1 there but unreadable. */
static int decl_encoding(const char *d, char *out, size_t size)
{
	const char *p = strstr(d, " encoding"), *end;
	if (!p)
		return strstr(d, "encoding") ? -1 : 0;
	p += 9;
	p += *p == ' ';
	if (*p++ != '=')
		return -1;
	p += *p == ' ';
	if (!is_quote((unsigned char)*p) || !(end = strchr(p + 1, *p)))
		return -1;
	size_t n = (size_t)(end - p - 1);
	if (n >= size)
		return -1;
	memcpy(out, p + 1, n);
	out[n] = '\0';
	return 1;
}

/* The XML declaration has ended: follow its encoding, or refuse it. */
static void decl_end(cm__xmlscan *s)
{
	char e[sizeof(s->decl)];
	int too_long = s->in_decl == 2, found;
	s->in_decl = 0;
	s->decl[s->ndecl] = '\0';
	if (strncmp(s->decl, "xml ", 4))
		return; /* a processing instruction, not a declaration */
	if (too_long || (found = decl_encoding(s->decl, e, sizeof(e))) < 0) {
		refuse_encoding(s, "");
		return;
	}
	if (!found)
		return;
	int mode = s->width == 2 ? -1 : single_byte_mode(e);
	if (s->width == 2 && (name_is(e, "UTF-16", 1) || name_is(e, "UTF16", 1) ||
	                      name_is(e, s->big_endian ? "UTF-16BE" : "UTF-16LE", 1)))
		mode = DBCS_NONE;
	if (mode < 0) {
		refuse_encoding(s, e);
		return;
	}
	s->dbcs = mode;
	s->utf8 = s->width == 1 && (name_is(e, "UTF-8", 1) || name_is(e, "UTF8", 1));
}

/* A character of the XML declaration, kept with whitespace runs as one
 * space; one too long is refused when it ends. */
static void decl_add(cm__xmlscan *s, unsigned long c)
{
	char ch = is_space(c) ? ' ' : c < 0x80 ? (char)c : '\1';
	if (ch == ' ' && s->ndecl && s->decl[s->ndecl - 1] == ' ')
		return;
	if (s->ndecl + 1 >= sizeof(s->decl))
		s->in_decl = 2;
	else
		s->decl[s->ndecl++] = ch;
}

/* ------------------------------------------------------------ markup */

/* A quoted value opens: one attribute more. */
static void value(cm__xmlscan *s, unsigned long quote)
{
	s->quote = (int)quote;
	s->state = S_VALUE;
	if (++s->count <= s->max || !s->max)
		return;
	s->refused = CM__XMLSCAN_ATTRIBUTES;
	s->at_line = s->line;
	s->at_col = s->col;
	name_end(s);
}

/* A character of a start tag outside its values (state S_NAME or S_TAG). */
static void in_tag(cm__xmlscan *s, unsigned long c)
{
	if (c == '>')
		s->state = S_TEXT;
	else if (is_quote(c))
		value(s, c);
	else if (s->state == S_NAME && (is_space(c) || c == '/'))
		s->state = S_TAG;
	else if (s->state == S_NAME)
		name_add(s, c);
}

static void text(cm__xmlscan *s, unsigned long c, unsigned long long at)
{
	if (c == '<') {
		s->state = S_LT;
		s->tag_at = at;
	}
}

static void after_lt(cm__xmlscan *s, unsigned long c)
{
	s->run = 0;
	if (c == '!') {
		s->state = S_BANG;
	} else if (c == '?') {
		s->state = S_PI;
		/* "<?" as the document's first characters: its declaration. */
		s->in_decl = s->tag_at == s->first;
		s->ndecl = 0;
	} else if (c == '/') {
		s->state = S_END_TAG;
	} else {
		s->tags++;
		s->count = s->nname = 0;
		s->clipped = 0;
		s->state = S_NAME;
		in_tag(s, c);
	}
}

static void decl(cm__xmlscan *s, unsigned long c)
{
	if (is_quote(c)) {
		s->quote = (int)c;
		s->state = S_DECL_QUOTED;
	} else if (c == '>' || c == '[') {
		/* An internal subset holds only declarations, comments and
		 * processing instructions: read as content, they are the same. */
		s->state = S_TEXT;
	}
}

static int starts(const char *lit, const char *s, int n)
{
	return (size_t)n <= strlen(lit) && !memcmp(lit, s, (size_t)n);
}

/* After "<!": "--" opens a comment, "[CDATA[" a CDATA section, anything
 * else a declaration. The characters before c matched one of the two:
 * "-" is nothing to a declaration, and after '[' (which would have ended
 * it) the rest is content. */
static void bang(cm__xmlscan *s, unsigned long c, unsigned long long at)
{
	s->bang[s->run++] = c < 0x80 ? (char)c : '\1';
	if (s->run == 2 && !memcmp(s->bang, "--", 2)) {
		s->state = S_COMMENT;
	} else if (s->run == 7 && !memcmp(s->bang, "[CDATA[", 7)) {
		s->state = S_CDATA;
	} else if (starts("--", s->bang, s->run) || starts("[CDATA[", s->bang, s->run)) {
		return;
	} else if (s->bang[0] == '[') {
		s->state = S_TEXT;
		text(s, c, at);
	} else {
		s->state = S_DECL;
		decl(s, c);
	}
	s->run = 0;
}

/* Comments end at "-->", CDATA at "]]>", processing instructions at
 * "?>": a '>' after at least n marks. */
static void until(cm__xmlscan *s, unsigned long c, unsigned long mark, int n)
{
	if (s->in_decl)
		decl_add(s, c);
	if (c == '>' && s->run >= n) {
		s->state = S_TEXT;
		if (s->in_decl)
			decl_end(s);
	}
	s->run = c == mark ? s->run + 1 : 0;
}

static void step(cm__xmlscan *s, unsigned long c, unsigned long long at)
{
	switch (s->state) {
	case S_TEXT: text(s, c, at); break;
	case S_LT: after_lt(s, c); break;
	case S_BANG: bang(s, c, at); break;
	case S_COMMENT: until(s, c, '-', 2); break;
	case S_CDATA: until(s, c, ']', 2); break;
	case S_PI: until(s, c, '?', 1); break;
	case S_DECL: decl(s, c); break;
	case S_DECL_QUOTED: s->state = c == (unsigned long)s->quote ? S_DECL : S_DECL_QUOTED; break;
	case S_END_TAG: s->state = c == '>' ? S_TEXT : S_END_TAG; break;
	case S_VALUE: s->state = c == (unsigned long)s->quote ? S_TAG : S_VALUE; break;
	default: in_tag(s, c); break;
	}
}

/* ------------------------------------------------------------ characters */

/* Lines as libxml2 counts them (CR, LF and CRLF each end one); columns in
 * characters. */
static void advance(cm__xmlscan *s, unsigned long c)
{
	if (c == '\n' || c == '\r') {
		if (c == '\r' || !s->cr) {
			s->line++;
			s->col = 1;
		}
		s->cr = c == '\r';
		return;
	}
	s->cr = 0;
	if (s->width == 2 ? c < 0xDC00 || c > 0xDFFF : !s->utf8 || (c & 0xC0) != 0x80)
		s->col++;
}

static void unit(cm__xmlscan *s, unsigned long c, unsigned long long at)
{
	step(s, c, at);
	advance(s, c);
}

static int dbcs_lead(int dbcs, unsigned char b)
{
	if (dbcs == DBCS_SJIS)
		return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
	return dbcs == DBCS_HIGH && b >= 0x81 && b <= 0xFE;
}

/* A byte of a byte-oriented document. NUL is no XML character (libxml2
 * stops there), and skipping it keeps the markup of a UCS-4 document that
 * libxml2 may be asked to read in sight. */
static void byte1(cm__xmlscan *s, unsigned char b, unsigned long long at)
{
	if (s->trail) {
		s->trail = 0;
		if (s->state == S_NAME)
			name_add(s, b);
		return;
	}
	if (!b)
		return;
	s->trail = dbcs_lead(s->dbcs, b);
	unit(s, b, at);
}

static void byte2(cm__xmlscan *s, unsigned char b, unsigned long long at)
{
	s->unit[s->nunit++] = b;
	if (s->nunit < 2)
		return;
	s->nunit = 0;
	unsigned long hi = s->unit[!s->big_endian], lo = s->unit[s->big_endian];
	if (hi << 8 | lo)
		unit(s, hi << 8 | lo, at - 1);
}

static void byte(cm__xmlscan *s, unsigned char b, unsigned long long at)
{
	if (s->skip)
		s->skip--;
	else if (s->width == 2)
		byte2(s, b, at);
	else
		byte1(s, b, at);
}

/* The first four bytes tell UTF-16 and EBCDIC as libxml2 tells them
 * (xmlDetectCharEncoding): a byte order mark, or "<?" in UTF-16. */
static void detect(cm__xmlscan *s)
{
	static const struct form {
		unsigned char b[4];
		size_t n, bom;
		int width, big_endian;
	} forms[] = {{{0x3C, 0, 0x3F, 0}, 4, 0, 2, 0},
	             {{0, 0x3C, 0, 0x3F}, 4, 0, 2, 1},
	             {{0x4C, 0x6F, 0xA7, 0x94}, 4, 0, 0, 0}, /* EBCDIC "<?xm" */
	             {{0xEF, 0xBB, 0xBF}, 3, 3, 1, 0},
	             {{0xFE, 0xFF}, 2, 2, 2, 1},
	             {{0xFF, 0xFE}, 2, 2, 2, 0}};
	const struct form *f = NULL;
	for (size_t k = 0; k < sizeof(forms) / sizeof(*forms) && !f; k++)
		if (!memcmp(s->head, forms[k].b, forms[k].n))
			f = &forms[k];
	if (f && !f->width) {
		refuse_encoding(s, "EBCDIC");
		return;
	}
	s->width = f ? f->width : 1;
	s->big_endian = f && f->big_endian;
	s->skip = s->first = f ? f->bom : 0;
	s->utf8 = s->width == 1;
	for (size_t k = 0; k < 4 && !s->refused; k++)
		byte(s, s->head[k], k);
}

/* Which bytes each state must look at one by one, in a byte-oriented
 * document (special[dbcs][state][byte]); the others, most of a document,
 * are passed in bulk (scan_bytes), where only the column moves. NUL, CR
 * and LF are looked at in every state; a double-byte encoding's bytes from
 * 0x80 too; in S_ANY every byte (after '<', after "<!", in the XML
 * declaration, in a double-byte character). */
enum { S_ANY = S_VALUE + 1 };
static unsigned char special[2][S_ANY + 1][256];

static void fill_table(unsigned char *t, int state, int dbcs)
{
	static const char *const marks[S_ANY] = {
	    [S_TEXT] = "<",     [S_COMMENT] = "->",      [S_CDATA] = "]>",  [S_PI] = "?>",
	    [S_DECL] = "\"'>[", [S_DECL_QUOTED] = "\"'", [S_END_TAG] = ">", [S_NAME] = " \t/>\"'",
	    [S_TAG] = ">\"'",   [S_VALUE] = "\"'"};
	for (int b = 0; b < 256; b++)
		t[b] = state == S_ANY || !marks[state] || (dbcs && b >= 0x80) ||
		       (b && b < 0x80 && strchr(marks[state], b));
	t['\n'] = t['\r'] = t[0] = 1;
}

static void fill_tables(void)
{
	for (int dbcs = 0; dbcs < 2; dbcs++)
		for (int state = 0; state <= S_ANY; state++)
			fill_table(special[dbcs][state], state, dbcs);
}

static const unsigned char *table(const cm__xmlscan *s)
{
	int any = s->trail || s->skip || s->in_decl || s->state == S_LT || s->state == S_BANG;
	return special[s->dbcs != DBCS_NONE][any ? S_ANY : s->state];
}

/* The end of a run of bytes passed in bulk: what they did to the state. */
static void passed(cm__xmlscan *s, const unsigned char *p, size_t n, unsigned long col)
{
	s->col = col;
	if (!n)
		return;
	s->run = s->cr = 0;
	for (size_t k = 0; k < n && s->state == S_NAME; k++)
		name_add(s, p[k]);
}

/* The bytes of a byte-oriented document: those the state ignores in bulk
 * (only the column moves), the others one by one. Returns how many it
 * took: n, or up to the one that made it refuse. */
static size_t scan_bytes(cm__xmlscan *s, const unsigned char *p, size_t n, unsigned long long at)
{
	const unsigned char *t = table(s);
	unsigned char cont = s->utf8 ? 0xC0 : 0; /* UTF-8: continuation bytes are no column */
	unsigned long col = s->col;
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		if (!t[p[i]]) {
			col += (p[i] & cont) != 0x80;
			continue;
		}
		passed(s, p + from, i - from, col);
		byte(s, p[i], at + i);
		if (s->refused)
			return i + 1;
		t = table(s);
		cont = s->utf8 ? 0xC0 : 0;
		col = s->col;
		from = i + 1;
	}
	passed(s, p + from, n - from, col);
	return n;
}

size_t cm__xmlscan_feed(cm__xmlscan *s, const char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)buf;
	unsigned long long base = s->pos;
	size_t i = 0;
	if (s->refused)
		return 0;
	for (; i < len && !s->width && !s->refused; i++) {
		s->head[s->nhead++] = p[i];
		if (s->nhead == 4)
			detect(s);
	}
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, fill_tables);
	if (s->width == 1 && !s->refused)
		i += scan_bytes(s, p + i, len - i, base + i);
	for (; i < len && !s->refused; i++)
		byte(s, p[i], base + i);
	s->pos = base + len;
	if (!s->refused)
		return len;
	if (s->refused == CM__XMLSCAN_ATTRIBUTES && s->tag_at > base)
		return (size_t)(s->tag_at - base);
	return 0;
}

/* ------------------------------------------------------------ readers */

int cm__xmlscan_parse(cm__xmlscan *s, struct _xmlParserCtxt *xml, const char *buf, size_t n,
                      int last)
{
	size_t ok = cm__xmlscan_feed(s, buf, n);
	/* Nothing to parse before a tag refused at the chunk's start; and no
	 * end after a refusal, lest libxml2 report the elements left open as
	 * the error instead of the reason the document stopped. */
	if ((ok || !s->refused) && xmlParseChunk(xml, buf, (int)ok, last && !s->refused))
		return CM__XMLSCAN_MALFORMED;
	return s->refused;
}

/* The message of a refusal, without its place. */
static void message(const cm__xmlscan *s, char *buf, size_t size)
{
	if (s->refused == CM__XMLSCAN_ATTRIBUTES)
		snprintf(buf, size,
		         "attribute count of <%s> exceeds the limit of %zu; raise it with "
		         "--max-attributes",
		         s->name, s->max);
	else if (!strcmp(s->name, "EBCDIC"))
		snprintf(buf, size,
		         "the file is EBCDIC, which clustermap does not read; convert it to "
		         "UTF-8 (e.g. iconv -f IBM037 -t UTF-8 for code page 037)");
	else if (!s->name[0])
		snprintf(buf, size,
		         "the XML declaration's encoding cannot be read (a declaration of at "
		         "most %zu characters names it as encoding=\"NAME\")",
		         sizeof(s->decl) - 1);
	else if (s->width == 2)
		snprintf(buf, size,
		         "the file is UTF-16 but declares the encoding %s; declare UTF-16 or "
		         "convert it to UTF-8",
		         s->name);
	else
		snprintf(buf, size,
		         "the file's encoding, %s, is not one clustermap reads; convert it to "
		         "UTF-8 (e.g. iconv -f %s -t UTF-8)",
		         s->name, s->name);
}

int cm__xmlscan_diag(const cm__xmlscan *s, cm_ctx *ctx, const char *file, const char *part,
                     size_t *errors)
{
	char msg[400];
	int rc;
	message(s, msg, sizeof(msg));
	if (errors)
		++*errors;
	if (part)
		rc = cm__diag(ctx, CM_DIAG_ERROR, file, 0, 0, "part %s, line %lu, column %lu: %s",
		              part, s->at_line, s->at_col, msg);
	else
		rc = cm__diag(ctx, CM_DIAG_ERROR, file, s->at_line, s->at_col, "%s", msg);
	if (rc)
		return CM_ENOMEM;
	return s->refused == CM__XMLSCAN_ATTRIBUTES ? CM_ELIMIT : CM_EPARSE;
}
