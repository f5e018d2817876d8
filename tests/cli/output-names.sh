#!/bin/sh
# SPDX-License-Identifier: MIT
# An output path whose extension names a format is written in that format
# or refused with exit 2, never filled with another: -o x.json without -f
# writes JSON, -f csv -o x.json and a report named x.png are usage errors;
# timeline --plot takes .svg, .png or .pdf (chart.png used to get SVG);
# timeline --render-dir creates its folder and missing parents.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
PRATO=samples/prato.graphml
DRIFT=samples/drift.graphml
W19=tests/data/time/wine-2019.graphml
W23=tests/data/time/wine-2023.graphml

# The report's format from its extension when -f gives none.
cm metrics -q --permutations 0 -o "$TMP/m.json" "$PRATO"
status $? 0 "metrics -o m.json exits 0"
head -c 1 "$TMP/m.json" | grep -q '{'; ok $? "metrics -o m.json writes JSON"
cm metrics -q --permutations 0 -o "$TMP/m.csv" "$PRATO"
head -n 1 "$TMP/m.csv" | grep -q '^id,label,'; ok $? "metrics -o m.csv writes CSV"
cm metrics -q --permutations 0 -o "$TMP/m.txt" "$PRATO"
head -n 1 "$TMP/m.txt" | grep -q '^file: '; ok $? "metrics -o m.txt writes text"
cm diff --permutations 0 --no-classify -o "$TMP/d.csv" "$W19" "$W23"
head -n 1 "$TMP/d.csv" | grep -q '^section,'; ok $? "diff -o d.csv writes CSV"
cm timeline --permutations 0 --no-classify -o "$TMP/t.json" "$W19" "$W23"
head -c 1 "$TMP/t.json" | grep -q '{'; ok $? "timeline -o t.json writes JSON"
cm classify -o "$TMP/c.json" "$PRATO" 2> /dev/null
head -c 1 "$TMP/c.json" | grep -q '{'; ok $? "classify -o c.json writes JSON"
cm info -o "$TMP/i.json" "$PRATO"
head -c 1 "$TMP/i.json" | grep -q '{'; ok $? "info -o i.json writes JSON"
cm metrics -q -f json -o "$TMP/out" "$PRATO"
head -c 1 "$TMP/out" | grep -q '{'; ok $? "no extension: -f decides"

# refused (2) CMD ARGS...: exit 2, a message, no file left.
refused() {
	name=$1
	shift
	rm -f "$TMP"/r.*
	cm "$@" > /dev/null 2> "$TMP/err"
	status $? 2 "$name: exit 2"
	[ -s "$TMP/err" ]; ok $? "$name: says why"
	[ -z "$(ls "$TMP"/r.* 2> /dev/null)" ]; ok $? "$name: writes nothing"
}
refused "metrics -f csv -o r.json" metrics -q -f csv -o "$TMP/r.json" "$PRATO"
refused "metrics -o r.png" metrics -q -o "$TMP/r.png" "$PRATO"
refused "classify -o r.svg" classify -o "$TMP/r.svg" "$PRATO"
refused "info -o r.csv (no CSV form)" info -o "$TMP/r.csv" "$PRATO"
refused "info -f text -o r.json" info -f text -o "$TMP/r.json" "$PRATO"
refused "diff -f json -o r.txt" diff -f json -o "$TMP/r.txt" "$W19" "$W23"
refused "timeline -o r.pdf" timeline -o "$TMP/r.pdf" "$W19" "$W23"
refused "timeline --plot r.jpg" timeline --plot "$TMP/r.jpg" "$DRIFT"
refused "timeline --plot r.dot" timeline --plot "$TMP/r.dot" "$DRIFT"
cm timeline --plot "$TMP/r.jpg" "$DRIFT" 2>&1 | grep -q 'name it .svg, .png or .pdf'
ok $? "timeline --plot r.jpg says which names work"
cm metrics -q -f csv -o "$TMP/r.json" "$PRATO" 2>&1 | grep -q "names a json file, but --format is csv"
ok $? "the contradiction is named"

# A chart named .svg is SVG.
cm timeline --plot "$TMP/chart.svg" "$DRIFT" > /dev/null
status $? 0 "timeline --plot chart.svg exits 0"
head -c 200 "$TMP/chart.svg" | grep -q '<svg\|<?xml'; ok $? "and writes SVG"

# Output folders are created, parents too.
cm timeline --permutations 0 --no-classify --render-dir "$TMP/tl/by-year" "$DRIFT" > /dev/null
status $? 0 "--render-dir with a missing folder exits 0"
[ -s "$TMP/tl/by-year/2009.svg" ] && [ -s "$TMP/tl/by-year/2021.svg" ]
ok $? "--render-dir creates the folder and its parent"
cm timeline --permutations 0 --no-classify --render-dir "$TMP/tl/by-year" "$DRIFT" > /dev/null
status $? 0 "--render-dir with an existing folder exits 0"
: > "$TMP/file"
cm timeline --permutations 0 --no-classify --render-dir "$TMP/file/x" "$DRIFT" > /dev/null 2> "$TMP/err"
status $? 1 "--render-dir under a file exits 1"
grep -q "cannot create folder" "$TMP/err"; ok $? "and says so"
done_testing
