#!/bin/sh
# SPDX-License-Identifier: MIT
# The peers' formats (docs/formats.md), read by every command: a Pajek file
# in Pajek's own style with relations, lists and attributes, a GEXF file as
# Gephi writes it; errors with their line and column; and the reference
# networks written by networkx as Pajek and GEXF giving the same measures as
# their GraphML.
. "$top_srcdir/tests/cli/lib.sh"
cd "$DATA" || exit 1
EXP="$TOP/tests/cli/expected"

cm validate formats/cluster.net > /dev/null 2> "$TMP/err"
status $? 0 "pajek: validate exits 0"
same "$TMP/err" "$EXP/formats-cluster-net.warnings" "pajek: the partition is dropped with a warning"
cm info formats/cluster.net > "$TMP/out" 2> /dev/null
status $? 0 "pajek: info exits 0"
same "$TMP/out" "$EXP/formats-cluster-net.txt" "pajek: relations, lists, attributes and weights"
cm classify formats/cluster.net > /dev/null 2>&1
status $? 0 "pajek: classify reads it"
cm render formats/cluster.net -o "$TMP/map.svg" 2> /dev/null
status $? 0 "pajek: render reads it"

cm validate formats/bad-vertex.net > /dev/null 2> "$TMP/err"
status $? 1 "pajek: a bad file exits 1"
same "$TMP/err" "$EXP/formats-bad-vertex.txt" "pajek: each problem as FILE:LINE:COL: error:"

cm validate formats/dup-label.net > /dev/null 2> "$TMP/err"
status $? 1 "pajek: two vertices with one label exit 1"
grep -qx "formats/dup-label.net: error: vertices 1 and 4 are both called 'A'; clustermap needs distinct vertex labels" "$TMP/err"
ok $? "pajek: the repeated label named"
cm validate formats/no-vertices.net > /dev/null 2> "$TMP/err"
status $? 1 "pajek: ties before vertices exit 1"
grep -qx "formats/no-vertices.net:2:1: error: \*Arcs before \*Vertices; declare the vertices first" "$TMP/err"
ok $? "pajek: ties before vertices named"
cm validate formats/loose.net > /dev/null 2> "$TMP/err"
grep -qx "formats/loose.net:1:1: error: a line outside any section; a Pajek file starts with \*Vertices N" "$TMP/err"
ok $? "pajek: a .net file without sections: a loose line named"

# *Vertices N alone makes no vertices: memory follows the file, not the count.
counts_and_content pajek '*Vertices 15000000\n*Arcs\n1 2\n' \
	":1:1: error: *Vertices 15000000 declares more vertices than a file of 29 bytes describes (at most 4560); check the count" \
	formats/cluster.net 10
printf '*Vertices 5\n*Arcs\n1 5\n' > "$TMP/isolates.net"
cm info "$TMP/isolates.net" 2> /dev/null | grep -q '^  isolates: 3$'
ok $? "pajek: vertices without a line or tie are still actors"

# GEXF as Gephi writes it: declared attributes and their defaults, viz
# positions kept (and drawn there), edge kinds as relations, spells as years.
cm validate formats/gephi.gexf > /dev/null 2> "$TMP/err"
status $? 0 "gexf: validate exits 0"
same "$TMP/err" "$EXP/formats-gephi.warnings" "gexf: viz colours and sizes dropped with a warning"
cm info formats/gephi.gexf > "$TMP/out" 2> /dev/null
status $? 0 "gexf: info exits 0"
same "$TMP/out" "$EXP/formats-gephi.txt" "gexf: attributes, defaults, relations and directions"
cm metrics --graphml "$TMP/back.graphml" formats/gephi.gexf > /dev/null 2>&1
grep -q '<data key="start">2017</data>' "$TMP/back.graphml" &&
	grep -q '<data key="start">2015</data>' "$TMP/back.graphml" &&
	grep -q '>2021 survey</data>' "$TMP/back.graphml"
ok $? "gexf: spells as years, an extra edge attribute kept"
cm render formats/gephi.gexf -f plain -o "$TMP/plain" 2> /dev/null
pos() { awk -v id="$1" '$1 == "node" && $2 == id { print $3 * 72, $4 * 72 }' "$2"; }
set -- $(pos 0 "$TMP/plain") $(pos 1 "$TMP/plain")
awk -v ax="$1" -v ay="$2" -v bx="$3" -v by="$4" \
	'BEGIN { exit !(bx - ax > 99 && bx - ax < 100 && by - ay > 59.5 && by - ay < 60.5) }'
ok $? "gexf: render keeps Gephi's positions"
cm validate formats/hierarchy.gexf > /dev/null 2> "$TMP/err"
status $? 0 "gexf: a hierarchy with dynamic values validates"
grep -qx "formats/hierarchy.gexf:11:63: warning: dynamic attribute values: the first of each is kept" "$TMP/err" &&
	grep -qx "formats/hierarchy.gexf:13:29: warning: nested nodes (a GEXF hierarchy) dropped; clustermap reads the top level" "$TMP/err"
ok $? "gexf: dynamic values and nested nodes warned"
cm info formats/hierarchy.gexf 2> /dev/null | grep -q '^    size:      small 1, unknown 1$\|^    size:      unknown 1, small 1$'
ok $? "gexf: the first dynamic value is kept (12 employees: small)"
cm validate formats/bad.gexf > /dev/null 2> "$TMP/err"
status $? 1 "gexf: a bad file exits 1"
same "$TMP/err" "$EXP/formats-bad-gexf.txt" "gexf: each problem as FILE:LINE:COL: error:"

# UCINET DL: a full matrix with embedded labels and two matrices (a
# symmetric one read as undirected), an edge list with labels and numbers.
cm info formats/cluster.dl > "$TMP/out" 2> /dev/null
status $? 0 "dl: info exits 0"
same "$TMP/out" "$EXP/formats-cluster-dl.txt" "dl: matrices as relations, embedded labels, weights"
cm info formats/cluster-edges.dl > "$TMP/out" 2> /dev/null
same "$TMP/out" "$EXP/formats-cluster-edges-dl.txt" "dl: an edge list by number and by label"
cm validate formats/bad.dl > /dev/null 2> "$TMP/err"
status $? 1 "dl: a bad file exits 1"
same "$TMP/err" "$EXP/formats-bad-dl.txt" "dl: each problem as FILE:LINE:COL: error:"
# The direction rule (docs/import.md): a symmetric matrix is an undirected
# network, one tie per pair, as UCINET keeps one; a single tie without its
# mirror, or mirrored with another value, makes every tie of it directed.
dl_ties() { # dl_ties B->A C->A: the tie count of a 3 x 3 matrix with a->b and a->c
	printf 'DL N = 3\nFORMAT = FULLMATRIX\nLABELS:\na, b, c\nDATA:\n0 1 1\n%s 0 0\n%s 0 0\n' \
		"$1" "$2" > "$TMP/m.dl"
	cm info "$TMP/m.dl" 2> /dev/null | sed -n 's/^    untyped *//p'
}
[ "$(dl_ties 1 1)" = "0 directed, 2 undirected" ]
ok $? "dl: a symmetric matrix gives one undirected tie per pair"
[ "$(dl_ties 1 0)" = "3 directed, 0 undirected" ]
ok $? "dl: a tie without its mirror makes the matrix directed"
[ "$(dl_ties 2 1)" = "4 directed, 0 undirected" ]
ok $? "dl: a tie mirrored with another value makes the matrix directed"
counts_and_content dl 'dl n = 20000000\nformat = edgelist1\ndata:\n1 2\n' \
	": error: the header declares 20000000 actors, more than a file of 45 bytes describes (at most 4816); check N" \
	formats/cluster.dl 5

# GML: labels as ids (as networkx reads them), node attributes, parallel ties with relations, weights and years.
cm validate formats/cluster.gml > /dev/null 2> "$TMP/err"
status $? 0 "gml: validate exits 0"
same "$TMP/err" "$EXP/formats-cluster-gml.warnings" "gml: nested lists dropped with a warning"
cm info formats/cluster.gml > "$TMP/out" 2> /dev/null
same "$TMP/out" "$EXP/formats-cluster-gml.txt" "gml: attributes, relations, parallel ties"
cm metrics --graphml "$TMP/back.graphml" formats/cluster.gml > /dev/null 2>&1
grep -q 'id="Tintoria &amp; Figli"' "$TMP/back.graphml" &&
	grep -q '>a &quot;quoted&quot; word</data>' "$TMP/back.graphml" &&
	grep -q '<data key="year">2021</data>' "$TMP/back.graphml"
ok $? "gml: entities decoded, extra attributes and years kept"
cm validate formats/bad.gml > /dev/null 2> "$TMP/err"
status $? 1 "gml: a bad file exits 1"
same "$TMP/err" "$EXP/formats-bad-gml.txt" "gml: the problem as FILE:LINE:COL: error:"
printf 'graph [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [ a [\n' > "$TMP/deep.gml"
cm info "$TMP/deep.gml" > /dev/null 2> "$TMP/err"
status $? 1 "gml: deep nesting exits 1"
grep -q "deep.gml:1:133: error: lists nested deeper than 32" "$TMP/err"
ok $? "gml: the nesting limit named"

# The reference networks written by networkx: the same measures as GraphML
# (and, as DL, by the small writer below: UCINET has no networkx writer).
if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import networkx' > /dev/null 2>&1; then
	for name in campnet florentine; do
		"$PYTHON3" -c 'import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
nx.write_pajek(g, sys.argv[2])
nx.write_gexf(g, sys.argv[3])
nx.write_gml(g, sys.argv[4])' "reference/$name.graphml" "$TMP/$name.net" "$TMP/$name.gexf" \
			"$TMP/$name.gml"
		for f in fullmatrix edgelist1; do
			"$PYTHON3" "$TOP/tests/cli/write_dl.py" "reference/$name.graphml" \
				"$TMP/$name-$f.dl" "$f"
		done
		cm metrics --no-names --format json "reference/$name.graphml" 2> /dev/null |
			grep -v '"input":' > "$TMP/want.json"
		cm metrics --no-names --format json "$TMP/$name.net" 2> /dev/null |
			grep -v '"input":' > "$TMP/got.json"
		[ -s "$TMP/want.json" ]; ok $? "$name: measures of the GraphML"
		same "$TMP/got.json" "$TMP/want.json" "$name: networkx's Pajek gives the same measures"
		cm metrics --no-names --format json "$TMP/$name.gexf" 2> /dev/null |
			grep -v '"input":' > "$TMP/got.json"
		same "$TMP/got.json" "$TMP/want.json" "$name: networkx's GEXF gives the same measures"
		cm metrics --no-names --format json "$TMP/$name.gml" 2> /dev/null |
			grep -v '"input":' > "$TMP/got.json"
		same "$TMP/got.json" "$TMP/want.json" "$name: networkx's GML gives the same measures"
		for f in fullmatrix edgelist1; do
			cm metrics --no-names --format json "$TMP/$name-$f.dl" 2> /dev/null |
				grep -v '"input":' > "$TMP/got.json"
			same "$TMP/got.json" "$TMP/want.json" "$name: DL $f gives the same measures"
		done
	done
else
	for t in 1 2 3 4 5 6 7 8 9 10 11 12; do skip "networkx formats $t" "python3 with networkx not found"; done
fi

done_testing
