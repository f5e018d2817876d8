#!/bin/sh
# SPDX-License-Identifier: MIT
# A chart asked for as PNG or PDF is one: timeline --plot chart.png writes
# a PNG of the SVG's size (a point a pixel), chart.pdf a PDF, with the
# same title, axes, series and caption drawn through Graphviz; the SVG
# stays the chart it was.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
DRIFT=samples/drift.graphml
P="--permutations 0"

cm timeline $P --plot "$TMP/c.svg" --title 'Prato & Biella' --caption 'Source: survey' \
	--verdicts "$DRIFT" > /dev/null
status $? 0 "timeline --plot c.svg exits 0"
cm timeline $P --plot "$TMP/c.png" --title 'Prato & Biella' --caption 'Source: survey' \
	--verdicts "$DRIFT" > /dev/null 2> "$TMP/err"
status $? 0 "timeline --plot c.png exits 0"
[ ! -s "$TMP/err" ]; ok $? "and says nothing on stderr"
diag < "$TMP/err"

# The signature, then IHDR's width and height (big-endian, bytes 16-23).
sig=$(od -An -tx1 -N8 "$TMP/c.png" | tr -d ' \n')
[ "$sig" = 89504e470d0a1a0a ]; ok $? "c.png starts with the PNG signature"
set -- $(od -An -tu1 -j16 -N8 "$TMP/c.png")
w=$(($1 * 16777216 + $2 * 65536 + $3 * 256 + $4))
h=$(($5 * 16777216 + $6 * 65536 + $7 * 256 + $8))
sw=$(sed -n 's/.*<svg [^>]*width="\([0-9]*\)".*/\1/p' "$TMP/c.svg")
sh=$(sed -n 's/.*<svg [^>]*height="\([0-9]*\)".*/\1/p' "$TMP/c.svg")
[ "$w" = "$sw" ] && [ "$h" = "$sh" ]
ok $? "the PNG is as large as the SVG (${w}x$h, SVG ${sw}x$sh)"
[ "$(wc -c < "$TMP/c.png")" -gt 10000 ]; ok $? "and holds a drawing"

# The same chart as PDF, and its text in the PDF's drawing (Graphviz
# draws through cairo; the words are in the page's fonts, so only its
# page size is checked: 0 0 width height).
cm timeline $P --plot "$TMP/c.pdf" --caption 'Source: survey' "$DRIFT" > /dev/null
status $? 0 "timeline --plot c.pdf exits 0"
head -c 5 "$TMP/c.pdf" | grep -q '^%PDF-'; ok $? "c.pdf starts with %PDF-"
grep -aq "MediaBox \[ *0 0 $sw $sh *\]" "$TMP/c.pdf"
ok $? "the PDF's page is the SVG's size"

# The extension decides case-insensitively; stdout stays SVG.
cm timeline $P --plot "$TMP/C.PNG" "$DRIFT" > /dev/null
od -An -tx1 -N4 "$TMP/C.PNG" | grep -q '89 50 4e 47'; ok $? "C.PNG is a PNG"
cm timeline $P --plot - -o "$TMP/r.txt" "$DRIFT" > "$TMP/out.svg"
head -c 100 "$TMP/out.svg" | grep -q '<?xml'; ok $? "--plot - writes SVG"

# A bad measure leaves no PNG behind.
cm timeline $P --plot "$TMP/bad.png" --measures nonsense "$DRIFT" > /dev/null 2>&1
status $? 1 "a bad measure: exit 1"
[ ! -e "$TMP/bad.png" ]; ok $? "and no PNG"

done_testing
