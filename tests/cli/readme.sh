#!/bin/sh
# SPDX-License-Identifier: MIT
# README.md: every file it names exists, every docs/*.md page is listed under
# "Documentation", every command of its "Commands" table has a --help, and
# every "$ clustermap ..." line of its console blocks runs from the source
# folder and prints what the README shows (up to a "..." line).
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
README=README.md

# Files named in backquotes (paths with a slash, or a known extension).
grep -o '`[^`]*`' "$README" | tr -d '`' | grep -E '^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]*)+$' |
	sort -u > "$TMP/paths"
[ -s "$TMP/paths" ]; ok $? "README names files"
while read -r p; do
	[ -e "$p" ]; ok $? "README names $p, which exists"
done < "$TMP/paths"
# Tools the setup blocks run.
for p in $(sed -n '/^```sh/,/^```/p' "$README" | grep -oE 'tools/[a-z/-]+' | sort -u); do
	[ -x "$p" ]; ok $? "README runs $p, which exists"
done
for p in man/clustermap.1 man/libclustermap.3; do
	[ -e "$p" ]; ok $? "the man page the README cites, $p, exists"
done

# Every documentation page is listed under "Documentation".
sed -n '/^## Documentation/,/^## /p' "$README" > "$TMP/docs"
for p in docs/*.md; do
	grep -q "^- \`$p\`" "$TMP/docs"; ok $? "Documentation lists $p"
done

# Every command of the table exists and has --help.
sed -n '/^## Commands/,/^## /p' "$README" | sed -n 's/^| `clustermap \([a-z]*\) .*/\1/p' \
	> "$TMP/commands"
[ "$(wc -l < "$TMP/commands")" -ge 7 ]; ok $? "Commands lists the commands"
while read -r c; do
	cm "$c" --help > /dev/null 2>&1; status $? 0 "Commands: clustermap $c --help"
done < "$TMP/commands"

# Console blocks: each command runs and prints what the README shows.
console_examples "$TOP/$README" 3
done_testing
