/* SPDX-License-Identifier: MIT */
/* The library's version at run time: configure's, which CM_VERSION in the
 * header must equal (tests/unit/test_api checks it). */
#include "config.h"

#include "internal.h"

#include <stdlib.h>

const char *cm_version(void)
{
	return PACKAGE_VERSION;
}

void cm_version_numbers(int *major, int *minor, int *patch)
{
	int v[3] = {0, 0, 0};
	const char *p = PACKAGE_VERSION;
	for (int k = 0; k < 3 && *p; k++) {
		char *end;
		v[k] = (int)strtol(p, &end, 10);
		p = *end == '.' ? end + 1 : end;
	}
	if (major)
		*major = v[0];
	if (minor)
		*minor = v[1];
	if (patch)
		*patch = v[2];
}
