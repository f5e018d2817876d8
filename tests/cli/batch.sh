#!/bin/sh
# SPDX-License-Identifier: MIT
# Batch use: validate, info and metrics take many files; a bad or missing
# file (first, in the middle or last) is reported with its name, every other
# file is still processed, and the exit status is 1 at the end.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
G1=samples/prato.graphml
G2=tests/fuzz/corpus/read/clustermap-snapshots.graphml
BAD=tests/data/bad/malformed.graphml
MISSING=tests/data/no-such-file.graphml

# reports CMD FILE...: how many of the good files got a report on stdout.
for order in "$BAD $G1 $G2" "$G1 $BAD $G2" "$G1 $G2 $BAD" "$G1 $MISSING $G2"; do
	set -- $order
	where=$(echo "$order" | tr ' ' '\n' | grep -n 'bad\|no-such' | cut -d: -f1)
	cm validate "$@" > "$TMP/out" 2> "$TMP/err"
	status $? 1 "validate, bad file at $where of 3: exits 1"
	[ "$(grep -c ': valid' "$TMP/out")" -eq 2 ]
	ok $? "validate, bad file at $where of 3: both good files validated"
	grep -q 'malformed.graphml:\|no-such-file.graphml:' "$TMP/err"
	ok $? "validate, bad file at $where of 3: the bad file is named"

	cm info "$@" > "$TMP/out" 2> "$TMP/err"
	status $? 1 "info, bad file at $where of 3: exits 1"
	[ "$(grep -c '^file: ' "$TMP/out")" -eq 2 ]
	ok $? "info, bad file at $where of 3: both good files summarized"

	cm metrics --permutations 0 "$@" > "$TMP/out" 2> "$TMP/err"
	status $? 1 "metrics, bad file at $where of 3: exits 1"
	grep -q 'prato' "$TMP/out" && grep -q 'clustermap-snapshots' "$TMP/out"
	ok $? "metrics, bad file at $where of 3: both good files measured"
done

# JSON over a batch with a bad file is still one valid JSON list of the
# good files.
cm info -f json "$G1" "$BAD" "$G2" > "$TMP/out" 2> /dev/null
status $? 1 "info -f json with a bad file exits 1"
if "${PYTHON3:-/usr/bin/python3}" -c 'import json' 2> /dev/null; then
	"${PYTHON3:-/usr/bin/python3}" -c '
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if isinstance(d, list) and len(d) == 2 else 1)' "$TMP/out"
	ok $? "info -f json with a bad file: a list of the two good reports"
	# metrics reports each snapshot: one of prato, two of the other file.
	cm metrics -f json --permutations 0 "$G1" "$BAD" "$G2" > "$TMP/out" 2> /dev/null
	"${PYTHON3:-/usr/bin/python3}" -c '
import json, sys
d = json.load(open(sys.argv[1]))
inputs = sorted(set(r["input"].split("/")[-1] for r in d))
sys.exit(0 if inputs == ["clustermap-snapshots.graphml", "prato.graphml"] and len(d) == 3 else 1)' "$TMP/out"
	ok $? "metrics -f json with a bad file: a list of the good files' snapshots"
else
	skip "info -f json with a bad file is a JSON list" "no python3"
	skip "metrics -f json with a bad file is a JSON list" "no python3"
fi

# Every good file: exit 0.
cm validate "$G1" "$G2" > /dev/null 2>&1; status $? 0 "validate, all good: exits 0"
cm info "$G1" "$G2" > /dev/null 2>&1; status $? 0 "info, all good: exits 0"
cm metrics --permutations 0 "$G1" "$G2" > /dev/null 2>&1; status $? 0 "metrics, all good: exits 0"
done_testing
