/* SPDX-License-Identifier: MIT */
/* The SAX2 push parser of the import stage's XML readers (sax.h). */
#include "sax.h"

#include <pthread.h>
#include <string.h>

xmlParserCtxtPtr cm__sax_push_new(const cm__sax_events *ev, void *user)
{
	/* xmlInitParser is not safe to race: once per process. */
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, xmlInitParser);
	xmlSAXHandler sax;
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	sax.startElementNs = ev->start;
	sax.endElementNs = ev->end;
	sax.characters = ev->text;
	sax.cdataBlock = ev->text;
	sax.internalSubset = ev->doctype;
	sax.externalSubset = ev->external_doctype;
	sax.entityDecl = ev->entity_decl;
	sax.getEntity = ev->get_entity;
	sax.serror = ev->error;
	xmlParserCtxtPtr xml = xmlCreatePushParserCtxt(&sax, user, NULL, 0, NULL);
	if (xml)
		xmlCtxtUseOptions(xml, XML_PARSE_NONET | XML_PARSE_NOCDATA | ev->options);
	return xml;
}
