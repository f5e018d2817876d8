#!/bin/sh
# SPDX-License-Identifier: MIT
# GraphML as people write it (tests/data/nested): yEd's groups and the
# GraphML Primer's nested graphs read with every leaf actor and tie (the tie
# counts checked against networkx's reader), groups kept as paths, yEd's
# coordinates kept as positions, the old namespace, a key id reused for
# another domain, keys inside a graph, and repeated errors summarised.
. "$top_srcdir/tests/cli/lib.sh"
cd "$DATA" || exit 1

# What the file holds, counted by Python from the XML itself: the leaf
# nodes, the groups with ties of their own, every edge of every graph, and
# each actor's group path (the group's yEd label, else its id).
expect() { # expect FILE: prints "actors N", "ties N" and "ID<TAB>GROUP" lines
	"$PYTHON3" - "$1" << 'PY'
import sys, xml.etree.ElementTree as ET
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"
root = ET.parse(sys.argv[1]).getroot()
edges = root.iter(G + "edge")
ends = set()
nedges = 0
for e in edges:
    ends.update((e.get("source"), e.get("target")))
    nedges += 1
rows = []
def walk(graph, path):
    for node in graph.findall(G + "node"):
        inner = node.find(G + "graph")
        if inner is None or node.get("id") in ends:
            rows.append((node.get("id"), path))
        if inner is not None:
            label = next((l.text for l in node.iter(Y + "NodeLabel") if l.text), None)
            name = label.strip() if label else node.get("id")
            walk(inner, path + "/" + name if path else name)
walk(root.find(G + "graph"), "")
print("actors", len(rows))
print("ties", nedges)
for i, p in sorted(rows):
    print(i + "\t" + p)
PY
}

# The same counts as clustermap reads them: actors and ties from info, each
# actor's group from the network written back.
got() { # got FILE
	cm metrics --graphml "$TMP/back.graphml" "$1" > /dev/null 2>&1
	"$PYTHON3" - "$TMP/back.graphml" << 'PY'
import sys, xml.etree.ElementTree as ET
G = "{http://graphml.graphdrawing.org/xmlns}"
root = ET.parse(sys.argv[1]).getroot()
gkey = [k.get("id") for k in root.findall(G + "key") if k.get("attr.name") == "group"]
rows = []
for node in root.iter(G + "node"):
    group = [d.text for d in node.findall(G + "data") if d.get("key") in gkey]
    rows.append((node.get("id"), group[0] if group else ""))
print("actors", len(rows))
print("ties", sum(1 for _ in root.iter(G + "edge")))
for i, p in sorted(rows):
    print(i + "\t" + p)
PY
}

# networkx reads a nested graph under a node marked yfiles.foldertype="group"
# (yEd's mark); the Primer's nodes are marked in a copy so that it reads
# theirs too. Its edge count must be ours.
nx_ties() { # nx_ties FILE
	"$PYTHON3" - "$1" << 'PY'
import sys, xml.etree.ElementTree as ET, networkx as nx, io
G = "{http://graphml.graphdrawing.org/xmlns}"
tree = ET.parse(sys.argv[1])
for node in tree.getroot().iter(G + "node"):
    if node.find(G + "graph") is not None:
        node.set("yfiles.foldertype", "group")
buf = io.BytesIO()
tree.write(buf)
print(nx.read_graphml(io.BytesIO(buf.getvalue())).number_of_edges())
PY
}

if [ -n "${PYTHON3:-}" ] && "$PYTHON3" -c 'import networkx' > /dev/null 2>&1; then
	for name in yed-groups primer-nested; do
		f=nested/$name.graphml
		cm validate "$f" > /dev/null 2> "$TMP/err"
		status $? 0 "$name: validates"
		grep -q error "$TMP/err"; status $? 1 "$name: without errors"
		expect "$f" > "$TMP/want"
		got "$f" > "$TMP/got"
		same "$TMP/got" "$TMP/want" "$name: every leaf actor, group path and tie"
		n=$(nx_ties "$f")
		grep -qx "ties $n" "$TMP/got"; ok $? "$name: $n ties, as networkx reads them"
		cm info "$f" 2> /dev/null | grep -q "^  edges: $n\$"
		ok $? "$name: info counts the $n ties"
	done
else
	for t in 1 2 3 4 5 6 7 8 9 10; do skip "nested $t" "python3 with networkx not found"; done
fi

# The Primer's groups n5, n6 and n6::n0 have no ties: boxes, not actors.
# yEd's group "suppliers" supplies an association itself: an actor.
cm info nested/primer-nested.graphml 2> /dev/null | grep -q '^  nodes: 11$'
ok $? "primer: 11 actors (the leaves)"
cm info nested/yed-groups.graphml 2> /dev/null | grep -q '^  nodes: 6$'
ok $? "yed: 6 actors (the leaves and the group with ties)"

# yEd's coordinates: the centre of each node's box, y up, kept as x and y
# and drawn there: the drawing keeps the distances of the author's layout.
cm render nested/yed-groups.graphml -f plain -o "$TMP/plain" 2> /dev/null
status $? 0 "render of a yEd map exits 0"
pos() { awk -v id="$1" '$1 == "node" && $2 == id { print $3 * 72, $4 * 72 }' "$2"; }
set -- $(pos n0 "$TMP/plain") $(pos '"n1::n0"' "$TMP/plain")
awk -v ax="$1" -v ay="$2" -v bx="$3" -v by="$4" \
	'BEGIN { exit !(ax - bx < -204.5 && ax - bx > -205.5 && ay - by < 100.5 && ay - by > 99.5) }'
ok $? "render keeps yEd's layout (n1::n0 205 pt right of, 100 pt below n0)"
cm render --relayout nested/yed-groups.graphml -f plain -o "$TMP/re" 2> /dev/null
status $? 0 "render --relayout exits 0"
cmp -s "$TMP/plain" "$TMP/re"; status $? 1 "--relayout lays the map out anew"

# --groups: a box per group, nested as the paths are.
cm render --groups nested/yed-groups.graphml -f dot -o "$TMP/dot" 2> /dev/null
status $? 0 "render --groups exits 0"
grep -q 'subgraph cluster_group_suppliers {' "$TMP/dot" &&
	grep -q '^		subgraph "cluster_group_suppliers/textile" {' "$TMP/dot" &&
	grep -q 'subgraph cluster_group_associations {' "$TMP/dot"
ok $? "--groups draws suppliers, suppliers/textile inside it, and associations"
grep -q cluster_region "$TMP/dot"; status $? 1 "--groups draws the groups in place of the region"
cm render nested/yed-groups.graphml -f dot -o "$TMP/dot" 2> /dev/null
grep -q cluster_group "$TMP/dot"; status $? 1 "without --groups no group is boxed"

# NetLogo's old namespace: read, with a warning.
cm validate nested/netlogo.graphml > /dev/null 2> "$TMP/err"
cm info nested/netlogo.graphml > "$TMP/out" 2> /dev/null
status $? 0 "old namespace: info exits 0"
grep -q "warning: the namespace 'http://graphml.graphdrawing.org/xmlns/graphml' is GraphML's old one" "$TMP/err"
ok $? "old namespace: warned"
grep -q '^  edges: 3$' "$TMP/out" && grep -q '^  nodes: 3$' "$TMP/out"
ok $? "old namespace: every node and edge read"

# One key id for a node and an edge attribute: each read on its own domain.
cm validate nested/reused-key.graphml > /dev/null 2> "$TMP/err"
cm info nested/reused-key.graphml > "$TMP/out" 2> /dev/null
status $? 0 "reused key id: info exits 0"
grep -q "warning: key id 'name' is declared again for edge (first for node)" "$TMP/err"
ok $? "reused key id: warned"
grep -q '^    supplier       1 directed' "$TMP/out" && grep -q '^    information    2 directed' "$TMP/out"
ok $? "reused key id: the edge key gives the relations"
cm metrics --graphml "$TMP/back.graphml" nested/reused-key.graphml > /dev/null 2>&1
grep -q '>ACE2</data>' "$TMP/back.graphml"
ok $? "reused key id: the node key gives the names"

# A <key> inside <graph>: read, with a warning, its default too.
cm validate nested/key-in-graph.graphml > /dev/null 2> "$TMP/err"
cm info nested/key-in-graph.graphml > "$TMP/out" 2> /dev/null
status $? 0 "key inside graph: info exits 0"
grep -q "warning: <key> in graph 'g' read" "$TMP/err"; ok $? "key inside graph: warned"
grep -q '^    information    0 directed, 1 undirected' "$TMP/out"
ok $? "key inside graph: its default applies"

# 890 uses of an undeclared key: five shown, the rest summarised.
{
	echo '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>'
	i=0
	while [ $i -lt 890 ]; do
		echo "<node id=\"n$i\"><data key=\"d3\">x</data></node>"
		i=$((i + 1))
	done
	echo '</graph></graphml>'
} > "$TMP/viewer.graphml"
cm validate "$TMP/viewer.graphml" > /dev/null 2> "$TMP/err"
status $? 1 "repeated errors: validate exits 1"
[ "$(grep -c "undeclared key 'd3'" "$TMP/err")" -eq 5 ]; ok $? "repeated errors: five shown"
grep -q "viewer.graphml: error: \.\.\. and 885 more undeclared key errors for key 'd3'$" "$TMP/err"
ok $? "repeated errors: the rest summarised"

done_testing
