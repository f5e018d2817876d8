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
done_testing
