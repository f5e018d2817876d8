#!/bin/sh
# SPDX-License-Identifier: MIT
# `clustermap info`: text and JSON reports on the Prato sample and the
# reference networks, compared with tests/cli/expected/; -o, batches, stdin,
# where warnings go, and failures.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
EXP="$TOP/tests/cli/expected"
PRATO=samples/prato.graphml
FLOR=tests/data/reference/florentine.graphml
CAMP=tests/data/reference/campnet.graphml

# json_ok FILE NAME: the file parses as JSON (skipped without Python).
json_ok() {
	if [ -z "${PYTHON3:-}" ] || ! "$PYTHON3" -c 'import json' 2> /dev/null; then
		skip "$2" "no python3"
		return
	fi
	"$PYTHON3" -c 'import json, sys; json.load(open(sys.argv[1]))' "$1" 2>&1 | diag
	"$PYTHON3" -c 'import json, sys; json.load(open(sys.argv[1]))' "$1" > /dev/null 2>&1
	ok $? "$2"
}

# One report per input and format, as a file would be summarized alone.
for pair in "prato $PRATO" "florentine $FLOR" "campnet $CAMP"; do
	name=${pair%% *} file=${pair#* }
	cm info "$file" > "$TMP/out" 2> "$TMP/err"
	status $? 0 "info $name exits 0"
	same "$TMP/out" "$EXP/info-$name.txt" "info $name text"
	[ ! -s "$TMP/err" ]; ok $? "info $name: nothing on stderr (warnings are in the report)"
	cm info --format json "$file" > "$TMP/out" 2> "$TMP/err"
	status $? 0 "info --format json $name exits 0"
	same "$TMP/out" "$EXP/info-$name.json" "info $name json"
	json_ok "$TMP/out" "info $name json parses"
done

# -o writes the same report to a file and nothing to stdout.
cm info -o "$TMP/report.txt" "$PRATO" > "$TMP/out" 2> "$TMP/err"
status $? 0 "info -o exits 0"
[ ! -s "$TMP/out" ]; ok $? "info -o: stdout stays empty"
same "$TMP/report.txt" "$EXP/info-prato.txt" "info -o writes the report"
cm info -f json --output "$TMP/report.json" "$PRATO" > /dev/null 2>&1
same "$TMP/report.json" "$EXP/info-prato.json" "info -f json --output writes JSON"
ls "$TMP" | grep -q 'tmp-'; status $? 1 "no temporary file is left behind"

# Batches: text reports separated by a blank line; JSON as a list.
cm info "$PRATO" "$FLOR" > "$TMP/out" 2> /dev/null
status $? 0 "batch exits 0"
{ cat "$EXP/info-prato.txt"; echo; cat "$EXP/info-florentine.txt"; } > "$TMP/want"
same "$TMP/out" "$TMP/want" "batch text is the reports in order"
cm info --format json "$PRATO" "$FLOR" "$CAMP" > "$TMP/out" 2> /dev/null
same "$TMP/out" "$EXP/info-batch.json" "batch json"
json_ok "$TMP/out" "batch json parses"

# Standard input.
cm info - < "$FLOR" > "$TMP/out" 2> "$TMP/err"
status $? 0 "info - exits 0"
sed "s|$FLOR|<stdin>|" "$EXP/info-florentine.txt" > "$TMP/want"
same "$TMP/out" "$TMP/want" "info - reads standard input"

# Warnings appear once: in the report, not on stderr.
cm info tests/data/warn/dropped.graphml > "$TMP/out" 2> "$TMP/err"
status $? 0 "info on a file with warnings exits 0"
same "$TMP/out" "$EXP/info-dropped.txt" "warnings are listed in the report"
[ ! -s "$TMP/err" ]; ok $? "warnings are not repeated on stderr"

# A file that cannot be read: errors on stderr, no report, exit 1.
(cd "$DATA" && cm info bad/unknown-endpoint.graphml) > "$TMP/out" 2> "$TMP/err"
status $? 1 "info on an invalid file exits 1"
[ ! -s "$TMP/out" ]; ok $? "no report for an invalid file"
cp "$DATA/bad/unknown-endpoint.expected" "$TMP/want"
same "$TMP/err" "$TMP/want" "its errors go to stderr, as validate prints them"
cm info --format json "$FLOR" tests/data/bad/empty.graphml "$CAMP" > "$TMP/out" 2> /dev/null
status $? 1 "batch with an invalid file exits 1"
json_ok "$TMP/out" "batch json stays valid around a failed file"
grep -c '"input"' "$TMP/out" > "$TMP/n"
echo 2 > "$TMP/want"
same "$TMP/n" "$TMP/want" "the other files are still reported"
cm info -o "$TMP/partial.txt" "$FLOR" tests/data/bad/empty.graphml > /dev/null 2>&1
status $? 1 "info -o with an invalid file exits 1"
[ ! -e "$TMP/partial.txt" ]; ok $? "info -o writes nothing when a file fails"
cm info -o "$TMP/nodir/x.txt" "$FLOR" > /dev/null 2> "$TMP/err"
status $? 1 "info -o into a missing folder exits 1"
grep -q 'cannot create output' "$TMP/err"; ok $? "and says why"

# Usage.
cm info --help > "$TMP/out" 2>&1; status $? 0 "info --help exits 0"
grep -q '^Usage: clustermap info' "$TMP/out"; ok $? "info --help shows the usage"
cm info > /dev/null 2>&1; status $? 2 "info without a file is a usage error"
cm info --format csv "$FLOR" > /dev/null 2>&1; status $? 2 "info has no CSV form"
cm info --format yaml "$FLOR" > /dev/null 2>&1; status $? 2 "unknown format is a usage error"
done_testing
