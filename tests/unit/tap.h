/* SPDX-License-Identifier: MIT */
/* A small TAP producer for the unit tests (Test Anything Protocol, v13). */
#ifndef TAP_H
#define TAP_H

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_count, tap_failed;

static inline int tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;
	printf("%sok %d - ", cond ? "" : "not ", ++tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
	fflush(stdout);
	return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __VA_ARGS__)

/* Compares doubles to an absolute tolerance; NaN equals NaN. */
#define is_double(got, want, tol, name)                                                            \
	do {                                                                                       \
		double g_ = (got), w_ = (want);                                                    \
		int same_ = (isnan(g_) && isnan(w_)) || fabs(g_ - w_) <= (tol);                    \
		if (!tap_ok(same_, "%s", name))                                                    \
			printf("#   got %.10g, expected %.10g (tolerance %g)\n", g_, w_,           \
			       (double)(tol));                                                     \
	} while (0)

#define is_int(got, want, name)                                                                    \
	do {                                                                                       \
		long long g_ = (long long)(got), w_ = (long long)(want);                           \
		if (!tap_ok(g_ == w_, "%s", name))                                                 \
			printf("#   got %lld, expected %lld\n", g_, w_);                           \
	} while (0)

#define is_str(got, want, name)                                                                    \
	do {                                                                                       \
		const char *g_ = (got), *w_ = (want);                                              \
		int same_ = g_ && w_ ? !strcmp(g_, w_) : g_ == w_;                                 \
		if (!tap_ok(same_, "%s", name))                                                    \
			printf("#   got '%s', expected '%s'\n", g_ ? g_ : "(null)",                \
			       w_ ? w_ : "(null)");                                                \
	} while (0)

static inline int tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed ? 1 : 0;
}

#endif
