#!/bin/sh
# SPDX-License-Identifier: MIT
# The chart's lines take their colours from the one palette of every
# picture (src/lib/core/palette.c), so that a colour means one thing across
# a report: a layer's series is drawn in the colour of that layer's ties in
# the maps (custom layers as the latest snapshot's map numbers them), the
# series of every layer together in a tone no map uses, and series of one
# layer differ by dash and marker. In SVG and in PNG alike.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
L=tests/data/time/layers
P="--permutations 0 --no-classify"
M=research:density,licensing:density,supplier:density,information:density,all:density

# The palette as the source defines it: every colour of palette.c and of
# the colour section of internal.h.
grep -o '"#[0-9A-F]\{6\}"' src/lib/core/palette.c src/lib/core/internal.h | cut -d'"' -f2 |
	sort -u > "$TMP/palette"
[ "$(wc -l < "$TMP/palette")" -gt 30 ]; ok $? "the palette read from the source"
ALL=$(sed -n 's/^#define CM__COLOR_ALL_LAYERS *"\(#[0-9A-F]*\)".*/\1/p' src/lib/core/internal.h)
[ -n "$ALL" ]; ok $? "the colour of every layer together ($ALL)"

# The map of the latest snapshot: each layer's colour is the stroke of a
# tie only that layer has (u->b research, a->c licensing, a->b supplier,
# c->a information).
cm render "$L-2024.graphml" -o "$TMP/map.svg" 2> /dev/null
status $? 0 "the map of 2024 exits 0"
# (Graphviz writes some colours in lower case.)
tie() { grep -A2 "<title>$2&#45;&gt;$3</title>" "$1" | grep -io 'stroke="#[0-9A-F]*"' | head -1 | cut -d'"' -f2 | tr a-f A-F; }
cm timeline $P --plot "$TMP/c.svg" --measures "$M" "$L-2020.graphml" "$L-2024.graphml" \
	> /dev/null 2>&1
status $? 0 "timeline --plot of five layers exits 0"
series() { sed -n "/id=\"series-$2\"/,/<\/g>/p" "$1" | grep -o 'stroke="#[0-9A-F]*"' | head -1 | cut -d'"' -f2; }
k=0
for layer in "research u b" "licensing a c" "supplier a b" "information c a"; do
	set -- $layer
	k=$((k + 1))
	want=$(tie "$TMP/map.svg" "$2" "$3")
	[ -n "$want" ] && [ "$(series "$TMP/c.svg" $k)" = "$want" ]
	ok $? "$1: the chart's line has the map's colour ($want)"
done
[ "$(series "$TMP/c.svg" 5)" = "$ALL" ]; ok $? "all layers: its own tone"
! grep -q "stroke=\"$ALL\"\|fill=\"$ALL\"" "$TMP/map.svg"
ok $? "which the map does not use"
# The 2020 file lists licensing after research, so its map numbers the
# custom layers the other way round: the chart follows the latest map.
cm render "$L-2020.graphml" -o "$TMP/map2020.svg" 2> /dev/null
[ "$(tie "$TMP/map2020.svg" u a)" != "$(tie "$TMP/map.svg" u b)" ]
ok $? "the 2020 map colours research otherwise (so the test can tell)"

# Every colour the series and the legend draw with is the palette's.
sed -n '/<g class="series"/,/<\/g>/p; /<g class="legend"/,/<\/g>/p' "$TMP/c.svg" |
	grep -o '\(stroke\|fill\)="#[0-9A-Fa-f]*"' | cut -d'"' -f2 | sort -u > "$TMP/used"
[ -s "$TMP/used" ] && [ -z "$(comm -23 "$TMP/used" "$TMP/palette")" ]
ok $? "every colour of the series is a palette colour: $(tr '\n' ' ' < "$TMP/used")"

# Series of one layer (the default: three measures of all layers) share its
# colour and differ by dash and marker.
cm timeline $P --plot "$TMP/d.svg" samples/drift.graphml > /dev/null
status $? 0 "the default chart exits 0"
for k in 1 2 3; do
	[ "$(series "$TMP/d.svg" $k)" = "$ALL" ]; ok $? "default series $k: all layers' tone"
done
dashes=$(sed -n '/<g class="series"/,/<\/g>/p' "$TMP/d.svg" | grep '<polyline' |
	sed 's/.*stroke-width="2.5"\( stroke-dasharray="[^"]*"\)\{0,1\}.*/\1/' | sort -u | wc -l)
[ "$dashes" = 3 ]; ok $? "and three dash patterns"

# The PNG draws the same colours: each series' colour is painted (exactly,
# at the lines' cores and markers), and every palette colour it holds is
# one of the series' (greys aside: smoothing the black text makes them).
cm timeline $P --plot "$TMP/c.png" --measures "$M" "$L-2020.graphml" "$L-2024.graphml" \
	> /dev/null 2>&1
status $? 0 "timeline --plot c.png exits 0"
if command -v python3 > /dev/null 2>&1; then
	python3 tests/cli/png_colours.py "$TMP/c.png" > "$TMP/pixels"
	ok $? "the PNG's pixels read"
	for k in 1 2 3 4 5; do
		c=$(series "$TMP/c.svg" $k)
		n=$(awk -v c="$c" '$1 == c { print $2 }' "$TMP/pixels")
		[ "${n:-0}" -gt 50 ]; ok $? "png: series $k in $c ($n pixels)"
	done
	awk '{ c = $1; if (substr(c, 2, 2) != substr(c, 4, 2) || substr(c, 4, 2) != substr(c, 6, 2)) print c }' \
		"$TMP/pixels" | sort > "$TMP/px"
	comm -12 "$TMP/px" "$TMP/palette" > "$TMP/inpal"
	[ -z "$(comm -23 "$TMP/inpal" "$TMP/used")" ]
	ok $? "png: no other palette colour ($(comm -23 "$TMP/inpal" "$TMP/used" | tr '\n' ' '))"
else
	skip "png: the series' colours" "no python3"
fi

# The chart of docs/time.md is what the command draws.
cm timeline samples/drift.graphml --plot "$TMP/drift-chart.svg" \
	--measures supplier:density,supplier:centralization.in_degree,information:density,all:centralization.betweenness,all:transitivity \
	> /dev/null
cmp -s "$TMP/drift-chart.svg" docs/drift-chart.svg
ok $? "docs/drift-chart.svg is the documented command's chart"

done_testing
