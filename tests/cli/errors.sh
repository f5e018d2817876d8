#!/bin/sh
# SPDX-License-Identifier: MIT
# Every bad input in tests/data/bad has the exact messages `validate` must
# print in NAME.expected, and must exit 1 without crashing.
. "$top_srcdir/tests/cli/lib.sh"
cd "$DATA" || exit 1
for f in bad/*.graphml; do
	name=${f%.graphml}
	cm validate "$f" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	status "$rc" 1 "$name exits 1"
	same "$TMP/err" "$name.expected" "$name message"
done
# Warnings only: valid, exit 0, messages as expected.
for f in warn/*.graphml; do
	name=${f%.graphml}
	cm validate "$f" > "$TMP/out" 2> "$TMP/err"
	status $? 0 "$name exits 0"
	same "$TMP/err" "$name.expected" "$name warnings"
done
# Batch: one bad file among good ones is reported, the rest still read.
cm validate warn/custom-relation.graphml bad/empty.graphml ../../samples/prato.graphml > "$TMP/out" 2> "$TMP/err"
status $? 1 "batch with one bad file exits 1"
grep -q 'prato.graphml: valid' "$TMP/out"; ok $? "files after a bad one are still validated"
# Usage errors exit 2.
cm validate > /dev/null 2>&1; status $? 2 "no file is a usage error"
cm validate --bogus x > /dev/null 2>&1; status $? 2 "unknown option is a usage error"
cm frobnicate > /dev/null 2>&1; status $? 2 "unknown command is a usage error"
cm validate missing.graphml > /dev/null 2> "$TMP/err"; status $? 1 "missing file exits 1"
echo "missing.graphml: error: cannot open: No such file or directory" > "$TMP/want"
same "$TMP/err" "$TMP/want" "missing file message"
done_testing
