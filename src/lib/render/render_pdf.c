/* SPDX-License-Identifier: MIT */
/* Reproducible PDF: cairo 1.16 writes the time of the render as the
 * document's creation date and ignores SOURCE_DATE_EPOCH. The entry is
 * rewritten in place, padded to its old length so that the byte offsets of
 * the cross-reference table stay right. */
#define _GNU_SOURCE /* memmem */
#include "render_gv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The last occurrence of key in the data: the document information
 * dictionary follows every page stream. */
static char *last_key(char *data, size_t len, const char *key)
{
	size_t klen = strlen(key);
	char *found = NULL;
	for (char *p = data; (p = memmem(p, len - (size_t)(p - data), key, klen)); p++)
		found = p;
	return found;
}

/* "(D:YYYYMMDDHHMMSSZ)" from SOURCE_DATE_EPOCH; empty when it is unset or
 * not a plain count of seconds, which leaves the date out. */
static void fixed_date(char *buf, size_t size)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *end;
	buf[0] = '\0';
	if (!env || *env < '0' || *env > '9')
		return;
	errno = 0;
	long long secs = strtoll(env, &end, 10);
	time_t t = (time_t)secs;
	struct tm tm;
	if (*end || errno || (long long)t != secs || !gmtime_r(&t, &tm))
		return;
	if (!strftime(buf, size, " (D:%Y%m%d%H%M%SZ)", &tm))
		buf[0] = '\0';
}

/* Overwrites "KEY (...)" with KEY and the fixed date, or with spaces
 * (white space in a dictionary) when there is no date or it is longer. */
static void rewrite_entry(char *data, size_t len, const char *key, const char *date)
{
	char *p = last_key(data, len, key);
	char *close = p ? memchr(p, ')', len - (size_t)(p - data)) : NULL;
	if (!close)
		return;
	size_t old = (size_t)(close + 1 - p), klen = strlen(key), dlen = strlen(date);
	memset(p, ' ', old);
	if (*date && klen + dlen <= old) {
		memcpy(p, key, klen);
		memcpy(p + klen, date, dlen);
	}
}

void cm__pdf_fix_dates(char *data, size_t len)
{
	char date[64];
	fixed_date(date, sizeof(date));
	rewrite_entry(data, len, "/CreationDate", date);
	rewrite_entry(data, len, "/ModDate", date);
}
