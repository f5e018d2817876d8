/* SPDX-License-Identifier: MIT */
/* libxml2's SAX2 push parser as the import stage's XML readers (GEXF, the
 * parts of an XLSX workbook) set it up: the library initialised once, the
 * reader's events, and the options that keep hostile input harmless (no
 * network; entities and DOCTYPEs left to the reader's own events). */
#ifndef CM_IMPORT_SAX_H
#define CM_IMPORT_SAX_H

#include <libxml/parser.h>

typedef struct cm__sax_events {
	startElementNsSAX2Func start;
	endElementNsSAX2Func end;
	charactersSAXFunc text; /* characters and CDATA alike */
	internalSubsetSAXFunc doctype;
	externalSubsetSAXFunc external_doctype;
	entityDeclSAXFunc entity_decl;
	getEntitySAXFunc get_entity;
	xmlStructuredErrorFunc error;
	int options; /* XML_PARSE_* beyond NONET and NOCDATA */
} cm__sax_events;

/* A push parser calling ev with user; NULL when out of memory. */
xmlParserCtxtPtr cm__sax_push_new(const cm__sax_events *ev, void *user);

#endif
