/* SPDX-License-Identifier: MIT */
/* A streaming pre-scan of the bytes an XML reader is about to hand to
 * libxml2's push parser, which counts the attributes of every start tag.
 * libxml2 2.9 checks the attributes of one start tag for duplicates in
 * quadratic time and calls the reader only once it has parsed all of them
 * (100,000 attributes: 17 s; a million: more than ten minutes), so the
 * attribute limit (cm_limits.max_attributes) is enforced here, on the raw
 * bytes, before the start tag reaches libxml2.
 *
 * The scanner knows just enough XML to tell a start tag from the rest:
 * text, end tags, comments, CDATA sections, processing instructions (the
 * XML declaration among them), DOCTYPE and other declarations, and quoted
 * attribute values, with its state carried from one chunk to the next
 * however the input is cut. It counts an attribute at each quoted value
 * in a start tag, namespace declarations included, so that in a
 * well-formed document it counts exactly what the tag holds; in a broken
 * one it may count otherwise, and libxml2 then reports the error itself.
 *
 * It must see the markup libxml2 sees, so it follows the encoding as
 * libxml2 does: UTF-16 told from the first four bytes, then the XML
 * declaration's encoding. It reads UTF-8, UTF-16 and the encodings whose
 * bytes below 0x80 are always ASCII, and the double-byte ones (Shift_JIS,
 * Big5, GBK, ...), whose second bytes it skips. Any other encoding
 * (EBCDIC, UTF-7, ISO-2022, a UTF-16 declaration of the other byte order,
 * ...) could hide a start tag from it, so it refuses the document instead
 * (CM__XMLSCAN_ENCODING), before the first element. */
#ifndef CM_GRAPHML_XMLSCAN_H
#define CM_GRAPHML_XMLSCAN_H

#include <clustermap.h>
#include <stddef.h>

/* libxml2's push parser context (xmlParserCtxtPtr), declared here so that
 * the header needs no libxml2 flags. */
struct _xmlParserCtxt;

enum {
	CM__XMLSCAN_ATTRIBUTES = 1, /* a start tag has more than max attributes */
	CM__XMLSCAN_ENCODING = 2,   /* an encoding the scanner cannot follow */
	CM__XMLSCAN_MALFORMED = 3   /* cm__xmlscan_parse: libxml2 failed on the chunk */
};

typedef struct cm__xmlscan {
	size_t max;              /* attributes of one start tag; 0: no limit */
	int refused;             /* 0 or CM__XMLSCAN_* */
	size_t tags;             /* start tags begun */
	size_t count;            /* attributes of the last one so far */
	unsigned long line, col; /* of the next character, from 1 */
	/* Once refused: where (the value of the attribute past the limit, or
	 * the end of the XML declaration), and the element's name (UTF-8, clipped, with
	 * "..." when longer) or the encoding's name ("EBCDIC" when it was told
	 * from the first bytes; clipped likewise). */
	unsigned long at_line, at_col;
	char name[68];
	/* Internal state. */
	unsigned long long pos, tag_at; /* bytes before the next one, and the tag's '<' */
	int state, quote, run, cr, width, big_endian, utf8, clipped, dbcs, trail, in_decl;
	size_t nname, nhead, nunit, skip, first, ndecl; /* first: the BOM's length */
	unsigned char head[4], unit[2];
	char bang[8], decl[160];
} cm__xmlscan;

void cm__xmlscan_init(cm__xmlscan *s, size_t max_attributes);

/* Scans the next len bytes of the document. Returns len, or, once it
 * refuses the document (s->refused set), how many bytes of buf come
 * before the refused start tag's '<' (0 when it began in an earlier chunk,
 * and for an encoding): the caller may parse those and must stop there.
 * Returns 0 once refused. */
size_t cm__xmlscan_feed(cm__xmlscan *s, const char *buf, size_t len);

/* One chunk of a reader's document: scans the n bytes of buf, then hands
 * the push parser xml those it may parse (all of them, or those before a
 * refused start tag), and the document's end (last) only when nothing was
 * refused, since what follows a refusal is never parsed. Returns 0,
 * CM__XMLSCAN_MALFORMED when xmlParseChunk() failed (the reader reports
 * that itself, unless its handlers already stopped it), or else the
 * refusal (s->refused), to report with cm__xmlscan_diag(). */
int cm__xmlscan_parse(cm__xmlscan *s, struct _xmlParserCtxt *xml, const char *buf, size_t n,
                      int last);

/* Records the refusal as an error of file, with the same message from
 * every reader ("attribute count of <node> exceeds the limit of 256; raise
 * it with --max-attributes", or what to do about the encoding): at its
 * line and column, or, for part of a ZIP container (part not NULL), with
 * the part, line and column in front of the message. Counts it in *errors
 * unless errors is NULL. Returns the code the read stops with: CM_ELIMIT
 * for attributes, CM_EPARSE for an encoding, CM_ENOMEM when the diagnostic
 * cannot be kept. */
int cm__xmlscan_diag(const cm__xmlscan *s, cm_ctx *ctx, const char *file, const char *part,
                     size_t *errors);

#endif
