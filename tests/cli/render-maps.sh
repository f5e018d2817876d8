#!/bin/sh
# SPDX-License-Identifier: MIT
# Report-ready maps (docs/render.md): one palette whose colours mean one
# thing in every picture, a legend of what is drawn, size in words, title,
# caption and region name in every format, full wrapped labels that do not
# overlap, --label-top, hover texts, ties of two layers side by side, and
# byte-identical output from run to run.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TOP" || exit 1
W=tests/data/render/wine-maps.graphml
CAP='Ties of 2019 & 2020, from the cluster survey and the interviews of the spring, with the accounts of the wineries themselves'

# fill FILE ID: the fill colour of actor ID's shape in an SVG.
fill() {
	awk -v id="<title>$2</title>" '$0 == id { on = 1 } on && /fill="#/ {
		sub(/.*fill="/, ""); sub(/".*/, ""); print; exit }' "$1"
}

# ---------------------------------------------------------------- colours
cm render "$W" -o "$TMP/kind.svg" 2> /dev/null
status $? 0 "kind map exits 0"
cm render "$W" -o "$TMP/sector.svg" --color-by sector 2> /dev/null
status $? 0 "--color-by sector exits 0"
[ "$(fill "$TMP/kind.svg" u01)" = "#332288" ]; ok $? "kind: the university is indigo"
[ "$(fill "$TMP/sector.svg" u01)" = "#332288" ]
ok $? "--color-by sector: the university keeps its kind's colour"
[ "$(fill "$TMP/sector.svg" a01)" = "$(fill "$TMP/kind.svg" a01)" ]
ok $? "--color-by sector: so does the association"
grep -qF '>university (1)</text>' "$TMP/sector.svg"
ok $? "--color-by sector: the legend names the university"
grep -q '>other (' "$TMP/sector.svg"; status $? 1 "--color-by sector: nobody is lumped into other"
kinds=$(sed -n '/^const char \*cm__color_kind/,/^}/p' src/lib/core/palette.c |
	grep -o '#[0-9A-F]\{6\}' | tr 'A-F' 'a-f')
for id in w01 g01 p01; do
	c=$(fill "$TMP/sector.svg" $id)
	[ -n "$c" ] && [ "$c" != "#dddddd" ] && ! echo "$kinds" | grep -qx "$c"
	ok $? "--color-by sector: $id's sector has its own colour ($c), no kind's"
done
[ "$(fill "$TMP/sector.svg" w01)" != "$(fill "$TMP/sector.svg" g01)" ] &&
	[ "$(fill "$TMP/sector.svg" g01)" != "$(fill "$TMP/sector.svg" p01)" ]
ok $? "--color-by sector: each sector its colour"

# No colour is both a fill and a line, in any map or change diagram.
cm render "$W" -o "$TMP/role.svg" --color-by role 2> /dev/null
cm diff --at 2019,2023 --diagram "$TMP/change.svg" samples/drift-dated.graphml > /dev/null 2>&1
status $? 0 "diff --diagram exits 0"
awk '/class="node"/ { n = 1 } /class="edge"/ { n = 0 }
	n && /<(ellipse|polygon)/ && match($0, /fill="#[0-9a-f]+"/) {
		print "fill", substr($0, RSTART + 6, 7) }
	!n && /<path/ && match($0, /stroke="#[0-9a-f]+"/) { print "line", substr($0, RSTART + 8, 7) }' \
	"$TMP/kind.svg" "$TMP/sector.svg" "$TMP/role.svg" "$TMP/change.svg" | sort -u > "$TMP/colours"
awk '{ seen[$2] = seen[$2] " " $1 } END { for (c in seen) if (seen[c] ~ /fill/ && seen[c] ~ /line/) print c }' \
	"$TMP/colours" > "$TMP/both"
[ -s "$TMP/colours" ] && [ ! -s "$TMP/both" ]
ok $? "no colour is both an actor's fill and a line ($(tr '\n' ' ' < "$TMP/both"))"

# The report's interactive map takes the same palette.
cm report -o "$TMP/r.html" "$W" 2> /dev/null
status $? 0 "report exits 0"
grep -qF '"university":"#332288"' "$TMP/r.html"; ok $? "report: the university is indigo too"
grep -qF '"association":"#DDCC77"' "$TMP/r.html"; ok $? "report: the association is sand too"

# ---------------------------------------------------------------- legend
grep -qF '>local</text>' "$TMP/kind.svg"; ok $? "legend: local actors are explained"
grep -qF '>external</text>' "$TMP/kind.svg"; status $? 1 "legend: no external square when nobody is"
cm render tests/data/render/small.graphml -o "$TMP/small.svg" 2> /dev/null
grep -qF '>external</text>' "$TMP/small.svg"; ok $? "legend: the external square when somebody is"
grep -qF '>Size: lies between many pairs</text>' "$TMP/kind.svg"; ok $? "legend: size in words"
grep -qF '>area by betweenness</text>' "$TMP/kind.svg"; ok $? "legend: ... then the measure"
grep -qF '>Colour: kind</text>' "$TMP/kind.svg" &&
	! grep -qF '>training (' "$TMP/kind.svg"
ok $? "legend: only the kinds drawn"

# ---------------------------------------------------------------- title, caption, region
for f in svg dot plain png pdf; do
	cm render "$W" -o "$TMP/c.$f" --title 'Wine \G map' --caption "$CAP" \
		--region-label 'Montefalco DOCG' 2> /dev/null
	status $? 0 "--title, --caption, --region-label as $f exit 0"
done
zw=$(printf '\342\200\213')
for want in '>Wine \G map</text>' ">Ties of 2019 &amp;${zw} 2020, from the cluster survey and the interviews of the spring, with the</text>" \
	'>accounts of the wineries themselves</text>' '>Montefalco DOCG</text>'; do
	grep -qF -- "$want" "$TMP/c.svg"; ok $? "svg has $want"
done
[ "$(grep -cF '>Montefalco DOCG</text>' "$TMP/c.svg")" -eq 2 ]
ok $? "the region's name on its box and in the legend"
grep -q '^node caption .*"Ties of 2019 .*with the\\laccounts of the wineries themselves\\l"' "$TMP/c.plain"
ok $? "plain: the caption is drawn, wrapped"
grep -q 'label="Ties of 2019' "$TMP/c.dot"; ok $? "dot: the caption is drawn"
grep -q 'label="Montefalco DOCG"' "$TMP/c.dot"; ok $? "dot: the region is named"
cm render "$W" -o "$TMP/n.png" --title 'Wine \G map' 2> /dev/null
height() { od -An -tu1 -j20 -N4 "$1" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }'; }
[ "$(height "$TMP/c.png")" -gt "$(height "$TMP/n.png")" ]
ok $? "png: the caption makes the picture taller"
cm render "$W" -o "$TMP/n.pdf" --title 'Wine \G map' 2> /dev/null
! cmp -s "$TMP/c.pdf" "$TMP/n.pdf"; ok $? "pdf: the caption is drawn"
cm diff --at 2019,2023 --diagram "$TMP/d.svg" --title 'Drift, 2019 to 2023' \
	--caption 'Green: formed; black dashed: dissolved' --region-label 'The district' \
	samples/drift-dated.graphml > /dev/null 2>&1
status $? 0 "diff --diagram --title --caption --region-label exits 0"
for want in '>Drift, 2019 to 2023</text>' '>Green: formed; black dashed: dissolved</text>' \
	'>The district</text>'; do
	grep -qF -- "$want" "$TMP/d.svg"; ok $? "diff diagram has $want"
done

# ---------------------------------------------------------------- labels
for want in '>Cantina Sociale di</text>' '>Montefalco e</text>' '>Bevagna</text>' \
	'>Università degli</text>' '>Studi di Perugia</text>'; do
	grep -qF -- "$want" "$TMP/kind.svg"; ok $? "full name, wrapped at spaces: $want"
done
cm render "$W" -o "$TMP/l.svg" --label-length 12 2> /dev/null
grep -qF '>Cantina Soci...</text>' "$TMP/l.svg"; ok $? "--label-length still cuts"
cm render "$W" -o "$TMP/t.dot" --label-top 2 2> /dev/null
status $? 0 "--label-top 2 exits 0"
[ "$(grep -c 'xlabel="[^"]' "$TMP/t.dot")" -eq 2 ]; ok $? "--label-top 2 labels two actors"
grep -q 'xlabel="Cantina' "$TMP/t.dot"; ok $? "... the largest by the size measure first"
cm render "$W" -o "$TMP/t.dot" --label-top x 2> "$TMP/err"
status $? 2 "--label-top takes a count"

# Every label of a crowded map, none over another (text boxes from the SVG,
# widths estimated low at 0.45 em so that a real overlap cannot hide).
cm render samples/prato.graphml -o "$TMP/prato.svg" --label-top 60 2> /dev/null
status $? 0 "prato with every actor labelled exits 0"
awk '/<title>/ { t = $0; sub(/.*<title>/, "", t); sub(/<.*/, "", t) }
	/<text/ && t !~ /^(legend:|caption|cluster_|Prato)/ && t != "" {
		x = $0; sub(/.* x="/, "", x); sub(/".*/, "", x)
		y = $0; sub(/.* y="/, "", y); sub(/".*/, "", y)
		s = $0; sub(/^[^>]*>/, "", s); sub(/<.*/, "", s); gsub(/&[a-z#0-9]+;/, "x", s)
		w = 0.45 * 10 * length(s); print t, x - w / 2, y - 9, x + w / 2, y + 1 }' \
	"$TMP/prato.svg" > "$TMP/boxes"
awk '{ n++; id[n] = $1; a[n] = $2; b[n] = $3; c[n] = $4; d[n] = $5 }
	END { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
		if (id[i] != id[j] && a[i] < c[j] && a[j] < c[i] && b[i] < d[j] && b[j] < d[i])
			print id[i], id[j] }' "$TMP/boxes" > "$TMP/overlaps"
[ "$(wc -l < "$TMP/boxes")" -gt 30 ] && [ ! -s "$TMP/overlaps" ]
ok $? "prato: no label over another ($(head -3 "$TMP/overlaps" | tr '\n' ' '))"

# A group's label says what the group is: never left out.
cm render samples/prato.graphml -o "$TMP/groups.plain" --color-by community --aggregate-above 10 \
	2> /dev/null
cm render samples/prato.graphml -o "$TMP/groups.svg" --color-by community --aggregate-above 10 \
	2> /dev/null
groups=$(grep '^node ' "$TMP/groups.plain" | grep -cv '^node "\{0,1\}legend:')
[ "$groups" -gt 5 ] && [ "$(grep -c ' ties within</text>' "$TMP/groups.svg")" -eq "$groups" ]
ok $? "groups: every one of the $groups groups is labelled"

# ---------------------------------------------------------------- hover text
grep -qF 'xlink:title="Cantina Sociale di Montefalco e Bevagna&#10;firm, medium, local owned&#10;betweenness: 7.5"' \
	"$TMP/kind.svg"
ok $? "hover text: name, kind, size, ownership and the size measure"
grep -qF 'xlink:title="Università degli Studi di Perugia&#10;university, local owned&#10;' \
	"$TMP/kind.svg"
ok $? "hover text: only what the data says (no size class for the university)"

# ---------------------------------------------------------------- parallel layers
cm render "$W" -o "$TMP/w.plain" 2> /dev/null
grep '^edge g01 w01 ' "$TMP/w.plain" | cut -d' ' -f5-12 | sort -u > "$TMP/pair"
[ "$(wc -l < "$TMP/pair")" -eq 2 ]
ok $? "a supplier and an information tie between the same actors: two distinct lines"

# ---------------------------------------------------------------- determinism
for f in svg png pdf dot plain; do
	cm render "$W" -o "$TMP/again.$f" --title 'Wine \G map' --caption "$CAP" \
		--region-label 'Montefalco DOCG' 2> /dev/null
	cmp -s "$TMP/c.$f" "$TMP/again.$f"; ok $? "$f: byte-identical from run to run"
done

cm render --help > "$TMP/help"
for o in --caption --region-label --label-top --label-length; do
	grep -q -- "$o" "$TMP/help"; ok $? "render --help lists $o"
done
cm diff --help > "$TMP/help"
for o in --title --caption --region-label; do
	grep -q -- "$o" "$TMP/help"; ok $? "diff --help lists $o"
done
done_testing
