#!/bin/sh
# SPDX-License-Identifier: MIT
# Results are identical under LC_ALL=de_DE.UTF-8 (decimal comma) and C: every
# command that prints numbers, in every format, and the files it writes.
# Skips when the locale is not installed (tools/install-deps generates it).
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
DE=de_DE.UTF-8
if ! locale -a 2> /dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	skip "results identical under $DE and C" "locale $DE not installed"
	done_testing
	exit 0
fi
# The test must see a decimal comma where the C library would use one.
[ "$(LC_ALL=$DE locale decimal_point 2> /dev/null)" = "," ]
ok $? "$DE has a decimal comma"

P=samples/prato.graphml
S=samples/drift.graphml
W=tests/fuzz/corpus/read/gephi.graphml # decimal weights and coordinates
n=0
# both NAME ARGS...: the same stdout, stderr and exit status in both locales.
both() {
	name=$1
	shift
	n=$((n + 1))
	LC_ALL=C cm "$@" > "$TMP/c.out" 2> "$TMP/c.err"
	rc_c=$?
	LC_ALL=$DE cm "$@" > "$TMP/de.out" 2> "$TMP/de.err"
	rc_de=$?
	[ "$rc_c" -eq "$rc_de" ]; ok $? "$name: same exit status"
	same "$TMP/de.out" "$TMP/c.out" "$name: same output"
	same "$TMP/de.err" "$TMP/c.err" "$name: same messages"
}

both "info text" info "$P" "$W"
both "info json" info -f json "$P" "$W"
both "validate" validate "$P" "$W" tests/data/bad/bad-value.graphml
both "metrics text" metrics --permutations 200 -n "$P"
both "metrics weighted" metrics --permutations 0 -w -n "$W"
both "metrics json" metrics --permutations 200 -f json "$P"
both "metrics csv" metrics --permutations 0 -f csv "$P" "$W"
both "classify" classify --hybrid-margin 0.05 "$P"
both "classify json" classify -f json "$P"
both "timeline" timeline "$S"
both "timeline csv" timeline -f csv "$S"
both "render dot" render "$P" -o - -f dot
both "render svg" render "$P" -o - -f svg

# Files written by -o and --graphml, in both locales.
LC_ALL=C cm metrics --permutations 0 --graphml "$TMP/c.graphml" -o "$TMP/c.csv" -f csv "$W" 2> /dev/null
LC_ALL=$DE cm metrics --permutations 0 --graphml "$TMP/de.graphml" -o "$TMP/de.csv" -f csv "$W" 2> /dev/null
same "$TMP/de.csv" "$TMP/c.csv" "metrics -o: same file"
same "$TMP/de.graphml" "$TMP/c.graphml" "metrics --graphml: same write-back"
done_testing
