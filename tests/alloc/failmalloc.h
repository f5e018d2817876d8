/* SPDX-License-Identifier: MIT */
/* Allocation-failure injection for every allocator user in the process: the
 * library, libxml2, jansson, igraph and the C library all call malloc, so
 * failmalloc.c replaces malloc, calloc and realloc (forwarding to the real
 * ones) and fails exactly the N-th call after failmalloc_arm(N). */
#ifndef CM_FAILMALLOC_H
#define CM_FAILMALLOC_H

/* Fails the nth call (1-based) from now on; 0 disarms, keeping the counts. */
void failmalloc_arm(unsigned long nth);
/* Calls seen since the last failmalloc_arm() with n > 0. */
unsigned long failmalloc_calls(void);
/* Whether the armed failure has happened. */
int failmalloc_fired(void);
/* The file (program or shared library) of the code whose call failed. */
const char *failmalloc_caller(void);
/* Whether that file's name contains part, e.g. "libxml2". */
int failmalloc_in(const char *caller, const char *part);
/* In a sanitizer build, exempts from LeakSanitizer every block allocated
 * (or reallocated) directly by code of the shared object whose name
 * contains part, from now on; NULL ends the exemption. */
void failmalloc_exempt(const char *part);
/* Spares every allocation made while code of a shared object whose name
 * contains one of parts (a NULL-ended list, kept) is on the call stack:
 * they are neither counted nor failed.
 * For libraries that do not survive a failed allocation themselves. */
void failmalloc_spare(const char *const *parts);

#endif
