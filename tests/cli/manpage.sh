#!/bin/sh
# SPDX-License-Identifier: MIT
# clustermap(1) documents every command and every long option its --help lists
# (in COMMON OPTIONS or the command's own section); the commands of its
# EXAMPLES run; both man pages render without a groff warning.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
PAGE=man/clustermap.1

# Page text without roff escapes, and one section of it (up to the next .SH).
sed 's/\\//g' "$PAGE" > "$TMP/page"
section() { sed -n "/^\.SH \"*$1/,/^\.SH/p" "$TMP/page" | sed '1s/^\.SH//;/^\.SH/d'; }

cm --help > "$TMP/help"; status $? 0 "clustermap --help exits 0"
grep -q -- '--version' "$TMP/page"; ok $? "man page lists --version"
commands=$(sed -n '/^Commands:/,/^$/p' "$TMP/help" | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
[ "$(echo "$commands" | wc -w)" -ge 7 ]; ok $? "--help lists the commands"
for c in $commands; do
	section COMMANDS | grep -qx "\.B $c"; ok $? "COMMANDS describes $c"
done

# Options of each command: COMMON OPTIONS plus the command's section.
for pair in import:IMPORT info:INFO validate:VALIDATE metrics:METRICS classify:CLASSIFY render:RENDER \
	diff:DIFF timeline:TIMELINE report:REPORT; do
	c=${pair%%:*}
	cm "$c" --help > "$TMP/help" 2>&1; status $? 0 "$c --help exits 0"
	{ section "COMMON OPTIONS"; section "${pair#*:}"; } > "$TMP/sect"
	opts=$(grep -oE -- '--[a-z][a-z0-9-]*' "$TMP/help" | sort -u)
	[ -n "$opts" ]; ok $? "$c --help lists long options"
	missing=
	for o in $opts; do
		grep -q -- "$o\\b" "$TMP/sect" || missing="$missing $o"
	done
	[ -z "$missing" ]; ok $? "man page documents every option of $c${missing:+ (missing:$missing)}"
done

# EXAMPLES: every command shown runs (exit 0) from a scratch folder holding
# the samples; "\" continues a line.
for s in "SEE ALSO" FILES "EXIT STATUS" EXAMPLES; do
	grep -q "^\.SH $s\$" "$PAGE"; ok $? "man page has $s"
done
sed -n '/^\.SH EXAMPLES/,/^\.SH/p' "$PAGE" | sed -n '/^\.EX/,/^\.EE/p' | grep -v '^\.E[XE]' |
	sed -e ':a' -e '/\\e$/{N;s/\\e\n *//;ba' -e '}' -e 's/\\-/-/g' -e 's/\\e/\\/g' \
	> "$TMP/examples"
mkdir "$TMP/run" && ln -s "$TOP/samples" "$TMP/run/samples"
n=0
while read -r prog args; do
	[ "$prog" = clustermap ] || continue
	n=$((n + 1))
	# shellcheck disable=SC2086 # the example's words, as a shell would split them
	(cd "$TMP/run" && cm $args) > "$TMP/out" 2> "$TMP/err" < /dev/null
	rc=$?
	status $rc 0 "example: clustermap $args"
	[ $rc -eq 0 ] || diag < "$TMP/err"
done < "$TMP/examples"
[ $n -ge 5 ]; ok $? "EXAMPLES shows at least five commands ($n)"

# Both pages render without warnings.
if command -v groff > /dev/null 2>&1; then
	for p in man/clustermap.1 man/libclustermap.3; do
		groff -man -Tutf8 -ww -z "$p" > "$TMP/groff" 2>&1
		rc=$?
		[ $rc -eq 0 ] && [ ! -s "$TMP/groff" ]
		rc=$?
		ok $rc "groff renders $p without warnings"
		if [ $rc -ne 0 ]; then diag < "$TMP/groff"; fi
	done
else
	skip "groff renders man/clustermap.1" "no groff"
	skip "groff renders man/libclustermap.3" "no groff"
fi
done_testing
