#!/bin/sh
# SPDX-License-Identifier: MIT
# `clustermap render`: the STRUCTURE of the drawings, never their pixels.
# Node and edge counts in Graphviz's plain output, the legend, well-formed
# SVG, pinned positions, hostile labels, data that must never become
# attributes, atomic output, determinism, and every sample in every format.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
SMALL=tests/data/render/small.graphml
PINS=tests/data/render/pins.csv

# counts FILE: "NODES EDGES" of a plain drawing, the legend's samples left out.
counts() {
	n=$(grep -c '^node ' "$1")
	ln=$(grep -c '^node "legend:' "$1")
	e=$(grep -c '^edge ' "$1")
	le=$(grep -c '^edge "legend:' "$1")
	echo "$((n - ln)) $((e - le))"
}

# is FILE WANT NAME: the file's text equals WANT.
is() {
	printf '%s\n' "$2" > "$TMP/want"
	same "$1" "$TMP/want" "$3"
}

cm render --help > "$TMP/out"; status $? 0 "render --help exits 0"
grep -q -- '--save-positions' "$TMP/out"; ok $? "help lists --save-positions"

# ---------------------------------------------------------------- structure
cm render "$SMALL" -o "$TMP/small.plain" 2> "$TMP/err"
status $? 0 "small: plain drawing exits 0"
counts "$TMP/small.plain" > "$TMP/got"
is "$TMP/got" "8 12" "small: 8 actors and 12 ties drawn"
grep -q '^node "legend:' "$TMP/small.plain"; ok $? "small: the legend's samples are drawn"
cm render "$SMALL" -o "$TMP/sup.plain" --layer supplier 2> /dev/null
counts "$TMP/sup.plain" > "$TMP/got"
is "$TMP/got" "8 5" "--layer supplier: every actor, the 5 supplier ties"
cm render "$SMALL" -o "$TMP/x.plain" --layer marriage 2> "$TMP/err"
status $? 1 "--layer of a missing layer exits 1"
grep -q "no relation layer 'marriage'; the network has: supplier, association, information, research" "$TMP/err"
ok $? "--layer names the layers there are"

cm render "$SMALL" -o "$TMP/small.svg" 2> /dev/null
status $? 0 "small: SVG exits 0"
if command -v xmllint > /dev/null 2>&1; then
	xmllint --noout "$TMP/small.svg" 2>&1 | diag
	xmllint --noout "$TMP/small.svg" > /dev/null 2>&1
	ok $? "small: SVG is well-formed XML"
else
	skip "small: SVG is well-formed XML" "no xmllint"
fi
for want in '<title>cluster_legend</title>' '>Legend</text>' '>Colour: kind</text>' \
	'>Shape: ownership</text>' '>Size: lies between many pairs</text>' \
	'>area by betweenness</text>' '>Lines: relation</text>' \
	'>supplier (seller &#45;&gt; buyer)</text>' '>actors inside the region</text>' \
	'<title>cluster_region</title>' '>Small test cluster</text>'; do
	grep -qF -- "$want" "$TMP/small.svg"; ok $? "small: SVG has $want"
done

# ---------------------------------------------------------------- safety
# The label is \N \G \\ <script>alert(1)</script> &amp; &foo; \l and must
# print as typed: no node name (\N), graph name (\G), entity or markup.
cm render "$SMALL" -o "$TMP/full.svg" --label-length 0 2> /dev/null
zw=$(printf '\342\200\213')
# The label wraps at spaces into lines; the hover text holds it whole.
for want in '>\N \G \\</text>' '>&lt;script&gt;alert(1)&lt;/script&gt;</text>' \
	">&amp;${zw}amp; &amp;${zw}foo; \\l</text>" \
	"xlink:title=\"\\N \\G \\\\ &lt;script&gt;alert(1)&lt;/script&gt; &amp;${zw}amp; &amp;${zw}foo; \\l&#10;"; do
	grep -qF -- "$want" "$TMP/full.svg"; ok $? "hostile label renders as the text typed: $want"
done
grep -q '<script' "$TMP/full.svg"; status $? 1 "no <script> element in the SVG"
cm render "$SMALL" -o "$TMP/small.dot" 2> /dev/null
for f in "$TMP/full.svg" "$TMP/small.dot" "$TMP/small.plain"; do
	grep -qE 'attacker\.invalid|javascript:|/etc/passwd|/etc/shadow|evil\.css' "$f"
	status $? 1 "$(basename "$f"): no URL, href, image, font or stylesheet from the data"
done
# Hover texts are <a xlink:title=...>, never a link.
grep -qE '<a [^>]*href|xlink:href|<image' "$TMP/full.svg"; status $? 1 "SVG has no links or images"

# A 300,000-character label: Graphviz shrank the PNG to a blank 32767 x 3
# and Pango failed in the PDF, both exiting 0 with their messages on stderr.
{
	printf '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
	printf '<key id="l" for="node" attr.name="label" attr.type="string"/><graph>'
	printf '<node id="a"><data key="l">'
	head -c 300000 /dev/zero | tr '\0' x
	printf '</data></node><node id="b"/><edge source="a" target="b"/></graph></graphml>\n'
} > "$TMP/long.graphml"
for fmt in png pdf; do
	cm render -q --label-length 0 "$TMP/long.graphml" -o "$TMP/long.$fmt" 2> "$TMP/err"
	status $? 1 "a 300,000-character label in $fmt exits 1"
	grep -q "long.graphml: error: the drawing would be [0-9]* x [0-9]* points, larger than" \
		"$TMP/err"
	ok $? "... saying how large the drawing would be"
	grep -qv 'error: the drawing would be' "$TMP/err"; status $? 1 "... and nothing else"
	[ -e "$TMP/long.$fmt" ]; status $? 1 "... writing no $fmt"
done

# 700,000 parallel ties between two actors overflowed the stack in
# Graphviz's edge dictionary: they are drawn as one wider line.
{
	printf '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
	printf '<node id="a"/><node id="b"/>\n'
	yes '<edge source="a" target="b"/>' | head -n 700000
	printf '</graph></graphml>\n'
} > "$TMP/parallel.graphml"
cm render -q "$TMP/parallel.graphml" -o "$TMP/parallel.dot" 2> "$TMP/err"
status $? 0 "700,000 parallel ties render"
grep -c -- '-> b' "$TMP/parallel.dot" > "$TMP/got"
is "$TMP/got" 1 "... as one line between the two actors"
sed -n '/a -> b/,/]/p' "$TMP/parallel.dot" | grep -q 'penwidth=5'; ok $? "... drawn wider"

# A map of every actor (--full) with more than 500,000 lines on one actor
# would overflow Graphviz's stack: refused before any layout, exit 1.
awk 'BEGIN {
	printf "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph><node id=\"hub\"/>\n"
	for (i = 0; i <= 500000; i++) printf "<node id=\"n%d\"/><edge source=\"hub\" target=\"n%d\"/>\n", i, i
	print "</graph></graphml>" }' > "$TMP/star.graphml"
cm render -q --full "$TMP/star.graphml" -o "$TMP/star.svg" 2> "$TMP/err"
status $? 1 "--full with 500,001 lines on one actor exits 1"
printf '%s\n' "$TMP/star.graphml: error: actor 'hub' has 500001 lines to draw (distinct neighbours and layers), more than Graphviz can draw on one actor (500000); draw groups (leave out --full, or give a smaller --aggregate-above) or one layer with --layer" > "$TMP/want"
same "$TMP/err" "$TMP/want" "... says why and what draws it"
[ ! -e "$TMP/star.svg" ] && [ -z "$(ls "$TMP" | grep '\.tmp-')" ]; ok $? "... and writes nothing"
cm render -q --aggregate-above 0 "$TMP/star.graphml" -f dot -o "$TMP/star.dot" 2> /dev/null
status $? 1 "--aggregate-above 0 is refused the same way"
cm render -q "$TMP/star.graphml" -f plain -o "$TMP/star.plain" 2> /dev/null
status $? 0 "... and by default the star is drawn as groups"

# Grouping is decided by lines as well as actors: 60 actors with 1380 ties
# are grouped when 100 actors are allowed (more than 10 lines each), not 200.
awk 'BEGIN {
	print "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph>"
	for (i = 0; i < 60; i++) printf "<node id=\"n%d\"/>\n", i
	for (i = 0; i < 60; i++) for (j = 0; j < 60; j++)
		if (i != j && (i * 7 + j * 13) % 5 < 2)
			printf "<edge source=\"n%d\" target=\"n%d\"/>\n", i, j
	print "</graph></graphml>" }' > "$TMP/dense.graphml"
cm render -q "$TMP/dense.graphml" --aggregate-above 100 -o "$TMP/dense.plain" 2> /dev/null
counts "$TMP/dense.plain" | cut -d' ' -f1 > "$TMP/got"
is "$TMP/got" 1 "1380 ties on 60 actors, --aggregate-above 100: one group"
cm render -q "$TMP/dense.graphml" --aggregate-above 200 -o "$TMP/dense.plain" 2> /dev/null
counts "$TMP/dense.plain" | cut -d' ' -f1 > "$TMP/got"
is "$TMP/got" 60 "... --aggregate-above 200: every actor"

# ---------------------------------------------------------------- atomic output
printf 'precious\n' > "$TMP/keep.svg"
cm render "$SMALL" -o "$TMP/keep.svg" --size-by nosuch 2> "$TMP/err"
status $? 1 "unknown --size-by measure exits 1"
grep -q "unknown measure 'nosuch' for --size-by" "$TMP/err"; ok $? "--size-by error names the measure"
is "$TMP/keep.svg" precious "a failed render leaves the existing output untouched"
cm render "$SMALL" -o "$TMP/keep.svg" --color-by nosuch 2> "$TMP/err"
status $? 1 "--color-by an attribute nobody has exits 1"
is "$TMP/keep.svg" precious "... and the output is still untouched"
cm render "$SMALL" -o "$TMP/keep.svg" --layout dot --positions "$PINS" 2> "$TMP/err"
status $? 1 "pins with a layout that cannot keep them exit 1"
is "$TMP/keep.svg" precious "... the output is still untouched"
ls "$TMP" | grep -q 'keep.svg.tmp'; status $? 1 "no temporary file is left behind"

# ---------------------------------------------------------------- determinism
cm render "$SMALL" -o "$TMP/d1.svg" 2> /dev/null
cm render "$SMALL" -o "$TMP/d2.svg" 2> /dev/null
cmp -s "$TMP/d1.svg" "$TMP/d2.svg"; ok $? "same input twice: identical SVG bytes"
cm render samples/prato.graphml -o "$TMP/p1.dot" 2> /dev/null
cm render samples/prato.graphml -o "$TMP/p2.dot" 2> /dev/null
cmp -s "$TMP/p1.dot" "$TMP/p2.dot"; ok $? "prato twice: identical DOT bytes"
cm render samples/prato.graphml -o "$TMP/p3.dot" --seed 7 2> /dev/null
cmp -s "$TMP/p1.dot" "$TMP/p3.dot"; status $? 1 "another --seed gives another layout"
# cairo writes the time of the render into a PDF: a second later the bytes
# must still be the same, and SOURCE_DATE_EPOCH gives the date.
(unset SOURCE_DATE_EPOCH; cm render "$SMALL" -o "$TMP/d1.pdf" 2> /dev/null)
sleep 1
(unset SOURCE_DATE_EPOCH; cm render "$SMALL" -o "$TMP/d2.pdf" 2> /dev/null)
cmp -s "$TMP/d1.pdf" "$TMP/d2.pdf"; ok $? "same input a second apart: identical PDF bytes"
grep -aq 'CreationDate' "$TMP/d1.pdf"; status $? 1 "without SOURCE_DATE_EPOCH the PDF has no date"
SOURCE_DATE_EPOCH=0 cm render "$SMALL" -o "$TMP/d3.pdf" 2> /dev/null
grep -aq '/CreationDate (D:19700101000000Z)' "$TMP/d3.pdf"; ok $? "SOURCE_DATE_EPOCH=0: 1970"
[ "$(wc -c < "$TMP/d1.pdf")" -eq "$(wc -c < "$TMP/d3.pdf")" ] &&
	[ "$(cmp -l "$TMP/d1.pdf" "$TMP/d3.pdf" | wc -l)" -le 33 ]
ok $? "... the same length, only the date entry differs"

# ---------------------------------------------------------------- positions
cm render "$SMALL" -o "$TMP/a.svg" --save-positions "$TMP/pos1.csv" 2> /dev/null
status $? 0 "--save-positions exits 0"
head -1 "$TMP/pos1.csv" > "$TMP/got"
is "$TMP/got" "id,x,y" "positions file has the header"
[ "$(wc -l < "$TMP/pos1.csv")" -eq 9 ]; ok $? "positions file has one line per actor"
cm render "$SMALL" -o "$TMP/b.svg" --positions "$TMP/pos1.csv" --save-positions "$TMP/pos2.csv" \
	2> /dev/null
same "$TMP/pos2.csv" "$TMP/pos1.csv" "every actor pinned: the layout is reproduced exactly"
for layout in auto neato fdp; do
	cm render "$SMALL" -o "$TMP/pin.dot" --layout $layout --positions "$PINS" \
		--save-positions "$TMP/pos3.csv" 2> /dev/null
	status $? 0 "--positions with $layout exits 0"
	grep -E '^(lead|buyer|assoc),' "$TMP/pos3.csv" > "$TMP/got"
	printf 'lead,0,0\nassoc,100.5,100.25\nbuyer,300,-200\n' > "$TMP/want"
	same "$TMP/got" "$TMP/want" "$layout: pinned actors saved exactly where pinned"
	# In the drawing itself, pinned actors keep their distances to the point.
	awk -F'"' '/^\t+(lead|buyer|assoc)\t/ { name = $0; sub(/^\t+/, "", name); sub(/\t.*/, "", name) }
		name && /pos="/ { split($2, p, ","); x[name] = p[1]; y[name] = p[2]; name = "" }
		END { printf "%.2f %.2f %.2f %.2f\n", x["buyer"] - x["lead"], y["buyer"] - y["lead"],
			x["assoc"] - x["lead"], y["assoc"] - y["lead"] }' "$TMP/pin.dot" > "$TMP/got"
	is "$TMP/got" "300.00 -200.00 100.50 100.25" "$layout: pinned distances in the drawing"
done
printf 'id,x,y\nlead,1,oops\n' > "$TMP/bad.csv"
cm render "$SMALL" -o "$TMP/x.svg" --positions "$TMP/bad.csv" 2> "$TMP/err"
status $? 1 "a bad positions file exits 1"
grep -q "bad.csv:2:8: error: not a number; expected id,x,y" "$TMP/err"
ok $? "a bad positions file is reported as FILE:LINE:COL"

# ---------------------------------------------------------------- options
for layout in sfdp neato fdp dot circo; do
	cm render "$SMALL" -o "$TMP/l.plain" --layout $layout 2> /dev/null
	status $? 0 "--layout $layout exits 0"
	counts "$TMP/l.plain" > "$TMP/got"
	is "$TMP/got" "8 12" "--layout $layout draws 8 actors and 12 ties"
done
for pair in "community:Colour: community" "role:Colour: role" "sector:Colour: sector"; do
	by=${pair%%:*} want=${pair#*:}
	cm render "$SMALL" -o "$TMP/c.svg" --color-by "$by" 2> /dev/null
	status $? 0 "--color-by $by exits 0"
	grep -qF ">$want</text>" "$TMP/c.svg"; ok $? "--color-by $by: the legend says so"
done
for pair in "size:Size: size class (area)" "degree:Size: many direct ties" \
	"pagerank:Size: chosen by well&#45;chosen actors" "none:Size: not scaled"; do
	by=${pair%%:*} want=${pair#*:}
	cm render "$SMALL" -o "$TMP/s.svg" --size-by "$by" 2> /dev/null
	status $? 0 "--size-by $by exits 0"
	grep -qF ">$want</text>" "$TMP/s.svg"; ok $? "--size-by $by: the legend says so"
done
cm render "$SMALL" -o "$TMP/t.svg" --title 'My \G title' --labels 0 2> /dev/null
grep -qF '>My \G title</text>' "$TMP/t.svg"; ok $? "--title prints as typed"
[ "$(grep -c 'font-size="10.00">Lead Firm' "$TMP/t.svg")" -eq 0 ]; ok $? "--labels 0: no actor labels"
cm render "$SMALL" -o "$TMP/k.svg" --labels 2 2> /dev/null
[ "$(grep -c 'font-size="10.00">\(Lead\|Spinner\|Wool\|Fashion\|University\|Industry\|\\\\N\)' \
	"$TMP/k.svg")" -eq 2 ]
ok $? "--labels 2: two actor labels"

# Aggregation: firms inside, firms outside, the association, the university;
# lines: supplier both ways between the firm groups, association, information
# and research (ties within a group are counted in its label).
cm render "$SMALL" -o "$TMP/g.plain" --aggregate-above 3 2> /dev/null
status $? 0 "--aggregate-above 3 exits 0"
counts "$TMP/g.plain" > "$TMP/got"
is "$TMP/got" "4 5" "aggregated: one node per kind and side, one line per pair and layer"
grep -q '"Each node is a group of actors' "$TMP/g.plain"; ok $? "aggregated: the legend says so"
cm render "$SMALL" -o "$TMP/f.plain" --aggregate-above 3 --full 2> /dev/null
counts "$TMP/f.plain" > "$TMP/got"
is "$TMP/got" "8 12" "--full draws every actor"

# Usage errors exit 2.
cm render "$SMALL" > /dev/null 2>&1; status $? 2 "no -o is a usage error"
cm render "$SMALL" -o "$TMP/x.txt" > /dev/null 2>&1; status $? 2 "unknown extension is a usage error"
cm render "$SMALL" -o "$TMP/x.svg" --format gif > /dev/null 2>&1; status $? 2 "--format gif is a usage error"
cm render "$SMALL" -o "$TMP/x.svg" --layout twopi > /dev/null 2>&1; status $? 2 "unknown layout is a usage error"
cm render "$SMALL" -o "$TMP/x.svg" --labels many > /dev/null 2>&1; status $? 2 "--labels many is a usage error"
cm render -o "$TMP/x.svg" > /dev/null 2>&1; status $? 2 "no input is a usage error"
cm render missing.graphml -o "$TMP/x.svg" > /dev/null 2>&1; status $? 1 "a missing input exits 1"

# ---------------------------------------------------------------- every sample
for f in samples/*.graphml tests/data/reference/*.graphml; do
	name=$(basename "$f" .graphml)
	extra=""
	cm info "$f" 2> /dev/null | grep -q '^snapshots: 1$' || extra="--snapshot 1"
	for fmt in svg png pdf; do
		cm render "$f" $extra -o "$TMP/$name.$fmt" 2> "$TMP/err"
		status $? 0 "$name renders to $fmt"
	done
	grep -qF '<title>cluster_legend</title>' "$TMP/$name.svg"; ok $? "$name: SVG has a legend"
	head -c 8 "$TMP/$name.png" | od -An -c | grep -q 'P   N   G'; ok $? "$name: PNG signature"
	head -c 5 "$TMP/$name.pdf" | grep -q '%PDF-'; ok $? "$name: PDF signature"
done

done_testing
