#!/bin/sh
# SPDX-License-Identifier: MIT
# Actor ids and grouped attribute values that start with '%': Graphviz takes
# such names for anonymous ones and lost their nodes (a crash in every
# format, in diff -o and in timeline --render-dir). Each actor must be drawn
# once, and an id starting with a zero-width space must stay a different
# actor from the '%' id it would otherwise be confused with.
. "$top_srcdir/tests/cli/lib.sh"
cd "$TMP" || exit 1
P="$DATA/render/percent.graphml"

# actors FILE: the nodes of a plain drawing, the legend's samples left out.
actors() { grep '^node ' "$1" | grep -vc '^node "legend:'; }

for f in svg png pdf dot plain; do
	cm render --snapshot 1 -o "p.$f" "$P" 2> err.txt
	status $? 0 "render -f $f with '%' ids exits 0"
	[ -s "p.$f" ]; ok $? "render -f $f with '%' ids writes the drawing"
done
[ "$(actors p.plain)" -eq 5 ]; ok $? "every actor drawn once, '%' ids and all"
[ "$(grep -c '^edge ' p.plain)" -ge 3 ]; ok $? "every tie drawn"

cm render --snapshot 1 --aggregate-above 1 --color-by sector -o g.plain "$P" 2> err.txt
status $? 0 "--color-by with '%' values, grouped, exits 0"
[ "$(actors g.plain)" -eq 3 ]; ok $? "grouped: one node per '%' value"
cm render --snapshot 1 --aggregate-above 1 --color-by sector -o g.svg "$P" 2> err.txt
status $? 0 "--color-by with '%' values, grouped, as SVG exits 0"

cm diff --diagram d.svg "$P" > /dev/null 2> err.txt
status $? 0 "diff --diagram with '%' ids exits 0"
[ -s d.svg ]; ok $? "diff --diagram with '%' ids writes the diagram"

mkdir rd
cm timeline --render-dir rd "$P" > /dev/null 2> err.txt
status $? 0 "timeline --render-dir with '%' ids exits 0"
[ -s rd/before.svg ] && [ -s rd/after.svg ]
ok $? "timeline --render-dir with '%' ids writes every diagram"
# Texts with no visible width (a zero-width space, a word joiner): Graphviz
# drew a line of them with no Pango layout, and Pango printed a CRITICAL
# line on standard error in PNG and PDF. They are shown as their code points.
I="$DATA/render/invisible.graphml"
zw=$(printf '\342\200\213')
for f in png pdf svg; do
	for opts in "--aggregate-above 1 --color-by sector" "--color-by sector" "--title $zw"; do
		cm render $opts -o "i.$f" "$I" 2> err.txt
		status $? 0 "render -f $f $opts with invisible texts exits 0"
		[ ! -s err.txt ]; ok $? "render -f $f $opts: nothing on standard error"
		[ -s err.txt ] && diag < err.txt
	done
done
# Unicode's other default ignorable code points: the unassigned ones, to
# which Pango gives no layout either, and variation selectors.
R="$DATA/render/invisible-reserved.graphml"
for f in png pdf; do
	for opts in "--aggregate-above 1 --color-by sector" "--color-by sector"; do
		cm render $opts -o "r.$f" "$R" 2> err.txt
		[ ! -s err.txt ]; ok $? "render -f $f $opts, reserved invisible texts: nothing on standard error"
		[ -s err.txt ] && diag < err.txt
	done
done
cm render --aggregate-above 1 --color-by sector -o r.svg "$R" 2> /dev/null
grep -q '>U+FFF0<' r.svg && grep -q '>U+E0080<' r.svg && grep -q '>U+FE0F<' r.svg
ok $? "groups named by reserved or selector characters show their code points"
cm render --aggregate-above 1 --color-by sector -o i.svg "$I" 2> /dev/null
grep -q '>U+200B<' i.svg; ok $? "a group named by a zero-width space is labelled U+200B"
cm render --title "a $zw b" -o i.svg "$I" 2> /dev/null
grep -q '>a U+200B b<' i.svg; ok $? "and so is such a word in a title"
done_testing
