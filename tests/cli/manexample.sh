#!/bin/sh
# SPDX-License-Identifier: MIT
# The EXAMPLE program of libclustermap(3), taken from the man page between its
# BEGIN/END EXAMPLE markers, compiles against the build tree and prints what the
# page says it prints (the published Florentine densities); the SYNOPSIS lists
# every function of clustermap.h and ERRORS every CM_E* code.
. "$top_srcdir/tests/cli/lib.sh"
BUILD=$(cd "${top_builddir:-.}" && pwd)
cd "$TOP" || exit 1
PAGE=man/libclustermap.3

# Undo the roff escapes used in the page: \e is a backslash, \- a hyphen.
unroff() { sed -e 's/\\-/-/g' -e 's/\\e/\\/g'; }

sed -n '/^\.\\" BEGIN EXAMPLE/,/^\.\\" END EXAMPLE/p' "$PAGE" | sed '1d;$d' | unroff \
	> "$TMP/example.c"
grep -q 'int main' "$TMP/example.c"; ok $? "the page has an example program between its markers"

# Compile as a user would, with the compiler and flags of this build (so that a
# sanitizer build links the sanitizer runtime), through libtool for the rpath.
mkvar() { sed -n "s/^$1 = //p" "$BUILD/Makefile"; }
CCX=$(mkvar CC) CFLAGSX=$(mkvar CFLAGS) LDFLAGSX=$(mkvar LDFLAGS)
# shellcheck disable=SC2086 # the build's flags are lists of words
(cd "$TMP" && "$BUILD/libtool" --quiet --mode=link $CCX -std=c11 -Wall -Wextra -pedantic \
	-Werror $CFLAGSX -I"$TOP/include" $LDFLAGSX -o example example.c \
	"$BUILD/libclustermap.la") > "$TMP/cc.log" 2>&1
rc=$?
status $rc 0 "the example compiles without warnings"
[ $rc -eq 0 ] || diag < "$TMP/cc.log"

if [ $rc -ne 0 ]; then
	skip "example runs on florentine" "did not compile"
else
	"$TMP/example" "$DATA/reference/florentine.graphml" > "$TMP/out" 2> "$TMP/err"
	status $? 0 "example exits 0 on florentine"
	[ ! -s "$TMP/err" ]; ok $? "example: nothing on stderr"
	# The output the page shows: the .EX block after "it prints".
	sed -n '/it prints/,/^\.EE/p' "$PAGE" | sed '1,/^\.EX/d;/^\.EE/d' | unroff > "$TMP/shown"
	[ -s "$TMP/shown" ]; ok $? "the page shows the example's output"
	same "$TMP/out" "$TMP/shown" "example prints what the page shows"
	# Wasserman & Faust (1994): marriage 20 ties, business 15, among 16 families.
	grep -qx 'marriage 0.1667' "$TMP/out"; ok $? "marriage density 20/120"
	grep -qx 'business 0.1250' "$TMP/out"; ok $? "business density 15/120"

	"$TMP/example" "$DATA/bad/unknown-endpoint.graphml" > "$TMP/out" 2> "$TMP/err"
	status $? 1 "example exits 1 on a bad file"
	grep -q 'unknown-endpoint.graphml:5:36: error: ' "$TMP/err"
	ok $? "example reports FILE:LINE:COL of the error"
	[ ! -s "$TMP/out" ]; ok $? "example: nothing on stdout for a bad file"
	"$TMP/example" > /dev/null 2>&1
	status $? 2 "example without a file is a usage error"
fi

# The SYNOPSIS is complete: every function declared in the header is listed.
sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$PAGE" | unroff > "$TMP/synopsis"
grep -E '^[a-z].*[ *]cm_[a-z0-9_]+\(' "$TOP/include/clustermap.h" |
	sed -E 's/^[^(]*[ *](cm_[a-z0-9_]+)\(.*/\1/' | sort -u > "$TMP/functions"
[ "$(wc -l < "$TMP/functions")" -gt 100 ]; ok $? "the header declares the functions"
missing=
while read -r f; do
	grep -q "[ *]$f(" "$TMP/synopsis" || missing="$missing $f"
done < "$TMP/functions"
[ -z "$missing" ]; ok $? "SYNOPSIS lists every function of clustermap.h${missing:+ (missing:$missing)}"
grep -q '/\*' "$TMP/synopsis"; status $? 1 "SYNOPSIS holds one bare prototype per line"

# Every error code is explained.
sed -n '/^\.SH ERRORS/,/^\.SH EXAMPLE/p' "$PAGE" > "$TMP/errors"
for code in $(grep -oE '\bCM_E[A-Z]+|CM_ERROR\b' "$TOP/include/clustermap.h" | sort -u); do
	grep -q "^\.B $code\$" "$TMP/errors"; ok $? "ERRORS explains $code"
done
done_testing
