#!/bin/sh
# SPDX-License-Identifier: MIT
# libclustermap(3) lists every function of clustermap.h with the header's
# prototype, and nothing the header does not declare: the SYNOPSIS cannot
# drift from the API.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1

# One prototype per line, spaces collapsed.
norm() { tr -s ' \t' '  ' | sed 's/^ //;s/ $//;s/( /(/g;s/ )/)/g'; }

# The header's function declarations: preprocessed (no comments, no macros),
# split at ';', those naming a cm_ function that are not typedefs.
${CC:-cc} -E -P -x c include/clustermap.h > "$TMP/pp" 2> "$TMP/err"
status $? 0 "the header preprocesses"
tr '\n' ' ' < "$TMP/pp" | tr ';' '\n' | sed 's/^.*[{}]//' | grep -E '[ *]cm_[a-z0-9_]+\(' |
	grep -v 'typedef' | sed 's/_Bool/bool/g' | norm | sort > "$TMP/header"
[ "$(wc -l < "$TMP/header")" -ge 100 ]; ok $? "the header declares the API ($(wc -l < "$TMP/header") functions)"

# The man page's SYNOPSIS: the lines between .nf and .fi, before DESCRIPTION.
sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' man/libclustermap.3 |
	sed -n '/^\.nf/,/^\.fi/p' | grep -E 'cm_[a-z0-9_]+\(' | sed 's/\\-/-/g;s/;$//' | norm |
	sort > "$TMP/man"
same "$TMP/man" "$TMP/header" "every prototype of clustermap.h is in libclustermap(3), and no other"
done_testing
