#!/bin/sh
# SPDX-License-Identifier: MIT
# clustermap report: the text a reader sees (against an expected file), a
# takeover among the changes, the page's colours, names escaped, a page that
# requests nothing, the aggregated map above --interactive-max, usage and input errors with
# no file left behind. tests/browser/report.sh runs the pages' scripts.
. "$top_srcdir/tests/cli/lib.sh"
cd "$DATA/report" || exit 1
EXP="$TOP/tests/cli/expected"
PY="${PYTHON3:-python3}"
export SOURCE_DATE_EPOCH=1767225600 # 2026-01-01: the date under the title

cm report -o "$TMP/wine.html" wine-2019.graphml wine-2020.graphml 2> "$TMP/err"
status $? 0 "report of a two-snapshot series exits 0"
if "$PY" -c 'import html.parser' 2> /dev/null; then
	"$PY" "$TOP/tests/cli/report-text.py" "$TMP/wine.html" > "$TMP/wine.txt"
	same "$TMP/wine.txt" "$EXP/report-wine.txt" "the report's text"
else
	skip "the report's text" "python3 not found"
fi
# The page's own colours: the pictures' palette or greys, text readable.
if "$PY" -c 'import re' 2> /dev/null; then
	COLORS="$TOP/tests/cli/report-colors.py"
	PAL="$TOP/src/lib/core/palette.c $TOP/src/lib/core/internal.h"
	# shellcheck disable=SC2086 # PAL is two paths
	"$PY" "$COLORS" "$TMP/wine.html" $PAL
	ok $? "the report's styles and script use only palette colours and greys"
	sed 's/^h1 {/h1 { color: #0072b2;/' "$TMP/wine.html" > "$TMP/off.html"
	# shellcheck disable=SC2086
	"$PY" "$COLORS" "$TMP/off.html" $PAL > "$TMP/off.txt"
	status $? 1 "a colour outside the palette is found"
	grep -q '#0072b2 is neither' "$TMP/off.txt"
	ok $? "the fault names the colour"
	sed 's/^h1 {/h1 { color: #aaaaaa;/' "$TMP/wine.html" > "$TMP/pale.html"
	# shellcheck disable=SC2086
	"$PY" "$COLORS" "$TMP/pale.html" $PAL > /dev/null
	status $? 1 "a pale text colour fails the contrast check"
	grep -q -- '--found: #CC3311' "$TMP/wine.html"
	ok $? "the search ring takes the palette's colour"
else
	skip "the report's colours" "python3 not found"
fi
grep -q 'Tenuta Colle: ownership local &rarr; external' "$TMP/wine.html"
ok $? "a takeover shows among the changes"
grep -q 'Report of 2026-01-01' "$TMP/wine.html"
ok $? "SOURCE_DATE_EPOCH dates the report"

# Names are text, never markup: not in the page, not in the data block.
! grep -q '<b onmouseover' "$TMP/wine.html"
ok $? "a name with markup is escaped everywhere"
n=$(grep -c '<script' "$TMP/wine.html")
[ "$n" -eq 2 ]
ok $? "only the data block and the report's script are scripts ($n)"

# Self-contained: a policy that allows nothing from outside, and nothing
# that would load from a server.
grep -q "Content-Security-Policy\" content=\"default-src 'none'" "$TMP/wine.html"
ok $? "the page forbids every request (CSP default-src 'none')"
! grep -Eiq '(src|href|action)="(https?:)?//|<link|@import|url\((https?:)?//' "$TMP/wine.html"
ok $? "the page loads nothing from a server"

cm report --title 'Vini & Co' --date '' -o "$TMP/t.html" wine-2020.graphml 2> /dev/null
grep -q '<h1 id="title">Vini &amp; Co</h1>' "$TMP/t.html" && ! grep -q 'Report of' "$TMP/t.html"
ok $? "--title names the report, --date '' leaves the date out"
! grep -q 'id="changes"' "$TMP/t.html"
ok $? "one snapshot: no changes section"

cm report --interactive-max 5 -o "$TMP/agg.html" wine-2020.graphml 2> /dev/null
grep -q 'more than the 5 drawn one by one' "$TMP/agg.html" && grep -q '"x":null' "$TMP/agg.html" &&
	grep -q '"groups":\[{"name":"firms, inside the region","kind":"firm","location":"inside","members":6,' "$TMP/agg.html"
ok $? "above --interactive-max the map shows groups"

cm report -o "$TMP/a.html" "$TOP/samples/drift.graphml" 2> /dev/null
cm report -o "$TMP/b.html" "$TOP/samples/drift.graphml" 2> /dev/null
cmp -s "$TMP/a.html" "$TMP/b.html"
ok $? "the same input gives the same report"
# A chart per measure with a line per layer, in the layer's map colour;
# the verdicts under the years of the actors-and-ties chart.
if "$PY" -c 'import json' 2> /dev/null; then
	CHARTS="$TOP/tests/cli/report-charts.py"
	"$PY" "$CHARTS" "$TMP/a.html"
	ok $? "a chart per measure has each layer's line in its colour"
	# The check can fail: a line in a colour no map gives its layer.
	sed '/>Density of each layer</,/<\/svg>/s/stroke="#997700"/stroke="#004488"/' \
		"$TMP/a.html" > "$TMP/off-chart.html"
	"$PY" "$CHARTS" "$TMP/off-chart.html" > "$TMP/off-chart.txt"
	status $? 1 "a layer's line in another colour is found"
	grep -q '^Density of each layer: lines' "$TMP/off-chart.txt"
	ok $? "the fault names the chart"
else
	skip "the layers' charts" "python3 not found"
fi

# Errors: usage 2, bad input 1, no output file in either case.
cm report > /dev/null 2>&1
status $? 2 "no input file is a usage error"
cm report --no-classify -o "$TMP/x.html" wine-2020.graphml > /dev/null 2>&1
status $? 2 "--no-classify is refused"
cm report --interactive-max many -o "$TMP/x.html" wine-2020.graphml > /dev/null 2>&1
status $? 2 "--interactive-max takes a count"
SOURCE_DATE_EPOCH=soon cm report -o "$TMP/x.html" wine-2020.graphml > /dev/null 2>&1
status $? 2 "a bad SOURCE_DATE_EPOCH is a usage error"
cm report -o "$TMP/x.html" "$DATA/bad/malformed.graphml" > /dev/null 2> "$TMP/err"
status $? 1 "a malformed input exits 1"
grep -q 'malformed.graphml:[0-9]*:[0-9]*: error' "$TMP/err"
ok $? "the error names the file, line and column"
[ ! -e "$TMP/x.html" ] && [ -z "$(ls -A "$TMP" | grep '\.tmp-')" ]
ok $? "no report and no temporary file after an error"
cm report --help > "$TMP/help" 2>&1
status $? 0 "--help exits 0"
grep -q 'interactive-max' "$TMP/help"
ok $? "--help lists the options"
done_testing
