#!/bin/sh
# SPDX-License-Identifier: MIT
# The peers' formats (docs/formats.md), read by every command: a Pajek file
# in Pajek's own style with relations, lists and attributes; errors with
# their line and column; and the reference networks written by networkx as
# Pajek giving the same measures as their GraphML.
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

# A Pajek file is told by its content, whatever its name.
cp formats/cluster.net "$TMP/cluster.txt"
cm info "$TMP/cluster.txt" 2> /dev/null | grep -q '^  edges: 10$'
ok $? "pajek: detected by content"

# The reference networks written by networkx: the same measures as GraphML.
if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import networkx' > /dev/null 2>&1; then
	for name in campnet florentine; do
		"$PYTHON3" -c 'import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
nx.write_pajek(g, sys.argv[2])' "reference/$name.graphml" "$TMP/$name.net"
		cm metrics --format json "reference/$name.graphml" 2> /dev/null |
			grep -v '"input":' > "$TMP/want.json"
		cm metrics --format json "$TMP/$name.net" 2> /dev/null |
			grep -v '"input":' > "$TMP/got.json"
		[ -s "$TMP/want.json" ]; ok $? "$name: measures of the GraphML"
		same "$TMP/got.json" "$TMP/want.json" "$name: networkx's Pajek gives the same measures"
	done
else
	for t in 1 2 3 4; do skip "networkx formats $t" "python3 with networkx not found"; done
fi

done_testing
