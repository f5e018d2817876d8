#!/bin/sh
# SPDX-License-Identifier: MIT
# Small multiples and change diagrams that can be compared: the panels of
# timeline --render-dir size nodes on one scale over the series (every
# panel's size legend gives the series' largest value), take --title
# before each snapshot's name, and, like diff --diagram, pin the actors of
# a --positions file (render --save-positions' CSV). Every panel is titled
# by its snapshot (and year) and takes the --caption.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
DRIFT=samples/drift.graphml
P="--permutations 0 --no-classify"

# The series' largest betweenness in the all layer, from metrics.
cm metrics -q --permutations 0 -f csv "$DRIFT" | tr -d '\r' > "$TMP/m.csv"
max=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "betweenness") b = i; if ($i == "layer") l = i } next }
	$l == "all" && $b > m { m = $b } END { printf "%.0f", m }' "$TMP/m.csv")
[ -n "$max" ] && [ "$max" -gt 0 ]; ok $? "the series' largest betweenness ($max)"

cm timeline $P --render-dir "$TMP/sm" --title 'Wool district' "$DRIFT" > /dev/null 2> "$TMP/err"
status $? 0 "timeline --render-dir --title exits 0"
for y in 2009 2012 2015 2018 2021; do
	grep -q ">largest: $max<" "$TMP/sm/$y.svg"
	ok $? "$y: the size legend runs to the series' largest value"
	grep -q ">Wool district: $y<" "$TMP/sm/$y.svg"
	ok $? "$y: --title before the snapshot's name"
done

# Every panel takes a caption, wrapped as render wraps it, in every format;
# without --title each panel is titled by its snapshot alone.
CAP='Source: invented wool district survey & interviews, drawn on one layout of the whole series'
for f in svg png; do
	cm timeline $P --render-dir "$TMP/cap-$f" --render-format $f --caption "$CAP" \
		"$DRIFT" > /dev/null 2>&1
	status $? 0 "timeline --render-dir --caption as $f exits 0"
done
for y in 2009 2012 2015 2018 2021; do
	grep -qF '>Source: invented wool district survey &amp;' "$TMP/cap-svg/$y.svg"
	ok $? "$y: the caption under the panel, escaped"
	grep -qE '>([a-z ]* )?series</text>' "$TMP/cap-svg/$y.svg"
	ok $? "$y: the caption wrapped, its end on a line of its own"
	grep -q "font-size=\"[0-9.]*\">$y</text>" "$TMP/cap-svg/$y.svg"
	ok $? "$y: titled by the snapshot"
	grep -qF '>Source: ' "$TMP/sm/$y.svg"; [ $? = 1 ]
	ok $? "$y: no caption unless asked"
done
cm timeline $P --render-dir "$TMP/nocap" --render-format png "$DRIFT" > /dev/null 2>&1
height() { od -An -tu1 -j20 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'; }
[ "$(height "$TMP/cap-png/2012.png")" -gt "$(height "$TMP/nocap/2012.png")" ]
ok $? "png: the caption makes the panel taller"

# A snapshot labelled in words gets its year in the title too; one whose
# label is the year does not repeat it.
for y in 2019 2023; do
	sed -e 's|<key id="gyear"|<key id="glabel" for="graph" attr.name="label" attr.type="string"/>\n  &|' \
		-e "s|<data key=\"gyear\">$y</data>|&<data key=\"glabel\">survey $y wave</data>|" \
		tests/data/time/wine-$y.graphml > "$TMP/wine-$y.graphml"
done
sed -i 's|<data key="glabel">survey 2023 wave</data>|<data key="glabel">after the takeover</data>|' \
	"$TMP/wine-2023.graphml"
cm timeline $P --render-dir "$TMP/wine" --title 'Wine' --caption 'Survey' \
	"$TMP/wine-2019.graphml" "$TMP/wine-2023.graphml" > /dev/null 2> "$TMP/err"
status $? 0 "timeline --render-dir of labelled snapshots exits 0"
grep -qF '>Wine: after the takeover (2023)</text>' "$TMP/wine/after_the_takeover.svg"
ok $? "a label in words: the year after it"
grep -qF '>Wine: survey 2019 wave</text>' "$TMP/wine/survey_2019_wave.svg"
ok $? "a label that says the year: not repeated"
grep -qF '>Survey</text>' "$TMP/wine/after_the_takeover.svg"
ok $? "the caption on a labelled snapshot's panel"

# A node of equal value is drawn equally large in every panel: the
# smallest value (0) has the same legend circle everywhere.
circle() { grep -B1 '>smallest: ' "$1" | grep -o 'rx="[^"]*"'; }
[ "$(circle "$TMP/sm/2009.svg")" = "$(circle "$TMP/sm/2021.svg")" ]
ok $? "the legend's circles are the same in 2009 and 2021"

# --positions: the pinned actors keep the file's distance in every panel
# and in the change diagram (Graphviz may move the drawing as a whole).
printf 'id,x,y\nleader,0,0\nassoc,300,400\n' > "$TMP/pos.csv"
pos() { grep -A3 "<title>$2</title>" "$1" | grep -o 'cx="[^"]*" cy="[^"]*"' | head -1 | tr -dc '0-9.\n -' | tr -s ' '; }
dist() {
	set -- $(pos "$1" leader) $(pos "$1" assoc)
	awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { printf "%.0f\n", sqrt((a - c) ^ 2 + (b - d) ^ 2) }'
}
cm timeline $P --render-dir "$TMP/pinned" --positions "$TMP/pos.csv" "$DRIFT" > /dev/null
status $? 0 "timeline --render-dir --positions exits 0"
for y in 2009 2021; do
	[ "$(dist "$TMP/pinned/$y.svg")" = 500 ]; ok $? "$y: leader and assoc 500 points apart"
done
cm diff $P --at 2009,2021 --diagram "$TMP/d.svg" --positions "$TMP/pos.csv" \
	samples/drift-dated.graphml > /dev/null
status $? 0 "diff --diagram --positions exits 0"
[ "$(dist "$TMP/d.svg")" = 500 ]; ok $? "diff: leader and assoc 500 points apart"

# Usage and input errors.
cm timeline $P --positions "$TMP/pos.csv" "$DRIFT" > /dev/null 2>&1
status $? 2 "timeline --positions without --render-dir: exit 2"
cm diff $P --positions "$TMP/pos.csv" --at 2009,2021 samples/drift-dated.graphml > /dev/null 2>&1
status $? 2 "diff --positions without --diagram: exit 2"
cm timeline $P --caption x "$DRIFT" > /dev/null 2>&1
status $? 2 "timeline --caption without --plot or --render-dir: exit 2"
cm timeline $P --verdicts --render-dir "$TMP/v" "$DRIFT" > /dev/null 2>&1
status $? 2 "timeline --verdicts without --plot: exit 2"
cm diff $P --at 2009,2021 --diagram "$TMP/e.svg" --positions "$TMP/none.csv" \
	samples/drift-dated.graphml > /dev/null 2> "$TMP/err"
status $? 1 "a missing positions file: exit 1"
[ ! -e "$TMP/e.svg" ]; ok $? "and no diagram"
for c in timeline diff; do
	cm $c --help | grep -q -- '--positions'; ok $? "$c --help lists --positions"
done

done_testing
