#!/bin/sh
# SPDX-License-Identifier: MIT
# The release tarball holds every file the documentation cites: each path in
# backquotes in README.md, docs/*.md, samples/README.md and the man pages
# that names a file of the source tree. Usage: tests/dist.sh TARBALL (from
# `make dist`), run from anywhere; prints TAP.
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
. "$top_srcdir/tests/cli/lib.sh"
tarball=$1
[ -f "$tarball" ]
ok $? "the release tarball $tarball exists"
tar -tzf "$tarball" 2> /dev/null | sed 's|^[^/]*/||; s|/$||' | sort -u > "$TMP/in"
cd "$TOP" || exit 1
# Cited paths: in backquotes, with a slash or a file extension; globs and
# placeholders (capitals, "...") are not paths.
for f in README.md docs/*.md samples/README.md; do
	grep -o '`[^`]*`' "$f" | tr -d '`'
done > "$TMP/words"
sed -n 's/.*\\fB\([^\\ ]*\)\\f[RP].*/\1/p; s/.*\\fI\([^\\ ]*\)\\f[RP].*/\1/p' man/*.[0-9] >> "$TMP/words"
grep -E '^[a-z0-9_.][A-Za-z0-9_./-]*$' "$TMP/words" | grep -E '/|\.[a-z]+$' | sed 's|/$||' |
	sort -u > "$TMP/cited"
# In a checkout, files git ignores are build products; an export or a
# tarball holds none.
in_git=0
[ "$(git rev-parse --show-toplevel 2> /dev/null)" = "$(pwd -P)" ] && in_git=1
n=0
while read -r p; do
	[ -e "$p" ] || continue # not a file of the tree (an output name in an example)
	case "$p" in build*/* | /*) continue ;; esac
	[ $in_git = 1 ] && git check-ignore -q "$p" && continue
	n=$((n + 1))
	grep -qxF "$p" "$TMP/in"
	ok $? "the tarball holds $p, which the docs cite"
done < "$TMP/cited"
[ "$n" -gt 20 ]
ok $? "the docs cite files ($n found)"
done_testing
