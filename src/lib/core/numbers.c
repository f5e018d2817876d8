/* SPDX-License-Identifier: MIT */
/* Locale-independent number parsing and formatting: results must not depend
 * on LC_NUMERIC (a German locale would otherwise read "1.5" as 1). */
#include "config.h"

#include "internal.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#if HAVE_XLOCALE_H
#include <xlocale.h> /* strtod_l on macOS */
#endif

static locale_t c_loc;

static void make_c_locale(void)
{
	c_loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

/* Made once: threads reading or writing on their own contexts share it. */
static locale_t c_locale(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, make_c_locale);
	return c_loc;
}

/* strtod in the C locale: strtod_l is glibc's and the BSDs', not POSIX. */
static double strtod_c(const char *s, char **end, locale_t loc)
{
#if HAVE_STRTOD_L
	return strtod_l(s, end, loc);
#else
	locale_t old = uselocale(loc);
	double v = strtod(s, end);
	uselocale(old);
	return v;
#endif
}

static int only_space(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return *s == '\0';
}

int cm__parse_double(double *out, const char *s)
{
	char *end;
	locale_t loc = c_locale();
	if (!loc)
		return CM_ENOMEM;
	errno = 0;
	double v = strtod_c(s, &end, loc);
	if (end == s || !only_space(end) || isnan(v))
		return CM_EINVAL;
	/* Past the largest double is an error, not infinity; a value below the
	 * smallest normal one reads as the nearest subnormal (or zero), which
	 * is what the text says. */
	if (errno == ERANGE && isinf(v))
		return CM_ELIMIT;
	*out = v;
	return 0;
}

int cm__parse_long(long *out, const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || !only_space(end) || errno == ERANGE)
		return CM_EINVAL;
	*out = v;
	return 0;
}

int cm__parse_bool(int *out, const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t n = strcspn(s, " \t\r\n");
	if (!only_space(s + n))
		return CM_EINVAL;
	if ((n == 4 && !strncasecmp(s, "true", 4)) || (n == 1 && *s == '1')) {
		*out = 1;
		return 0;
	}
	if ((n == 5 && !strncasecmp(s, "false", 5)) || (n == 1 && *s == '0')) {
		*out = 0;
		return 0;
	}
	return CM_EINVAL;
}

char *cm__fmt_double(char *buf, size_t size, double v, int digits)
{
	locale_t loc = c_locale(), old = loc ? uselocale(loc) : (locale_t)0;
	snprintf(buf, size, "%.*g", digits, v);
	if (loc)
		uselocale(old);
	return buf;
}
