#!/bin/sh
# SPDX-License-Identifier: MIT
# GraphML from other tools: committed Gephi, yEd and Cytoscape exports and a
# file of features other writers use (tests/data/dialects), and files that
# networkx and python-igraph write at test time. Each must pass `validate`
# with the expected warnings and give the expected `info`.
. "$top_srcdir/tests/cli/lib.sh"
BUILD=$(cd "${top_builddir:-.}" && pwd)
cd "$DATA" || exit 1
EXP="$TOP/tests/cli/expected"

for name in gephi yed cytoscape features; do
	f=dialects/$name.graphml
	cm validate "$f" > "$TMP/out" 2> "$TMP/err"
	status $? 0 "$name: validate exits 0"
	same "$TMP/err" "$EXP/dialect-$name.warnings" "$name: the expected warnings"
	cm info "$f" > "$TMP/out" 2> "$TMP/err"
	status $? 0 "$name: info exits 0"
	same "$TMP/out" "$EXP/dialect-$name.txt" "$name: info"
done

# --map names another tool's attributes as ours: Cytoscape's "interaction".
cm info --map relation=interaction dialects/cytoscape.graphml > "$TMP/out" 2> /dev/null
status $? 0 "cytoscape --map relation=interaction exits 0"
same "$TMP/out" "$EXP/dialect-cytoscape-map.txt" "cytoscape --map: interactions become layers"
cm info --map 'location=selected,relation=shared interaction' dialects/cytoscape.graphml \
	> "$TMP/out" 2> /dev/null
grep -q 'location 100.0%' "$TMP/out" && grep -q '^    association  ' "$TMP/out"
ok $? "--map with two pairs and a space in a name"

# Under a locale with a decimal comma (built here when localedef can), the
# library still reads decimal points and rejects commas, and the messages
# are the same.
mkdir -p "$TMP/loc"
if command -v localedef > /dev/null 2>&1 &&
	localedef -i de_DE -f UTF-8 "$TMP/loc/de_DE.UTF-8" > /dev/null 2>&1; then
	top_srcdir="$TOP" LOCPATH="$TMP/loc" CM_TEST_LOCALE=de_DE.UTF-8 \
		"$BUILD/tests/unit/test_dialects" > "$TMP/out" 2>&1
	status $? 0 "unit tests pass under de_DE.UTF-8"
	grep -q SKIP "$TMP/out"; status $? 1 "the locale tests ran"
	LOCPATH="$TMP/loc" LC_ALL=de_DE.UTF-8 cm validate bad/bad-value.graphml 2> "$TMP/err" > /dev/null
	cp bad/bad-value.expected "$TMP/want"
	same "$TMP/err" "$TMP/want" "validate messages under de_DE.UTF-8"
else
	for t in 1 2 3; do skip "comma locale $t" "cannot build de_DE.UTF-8"; done
fi

# Files written by networkx and python-igraph: the Prato sample read and
# written back by each must summarize exactly like the sample (only the file
# name and the graph id may differ), and a multiplex network built from
# scratch, as researchers build them, must load.
py_has() {
	[ -n "${PYTHON3:-}" ] && "$PYTHON3" -c "import $1" > /dev/null 2>&1
}
sed '1d;3d' "$EXP/info-prato.txt" > "$TMP/prato-body"

roundtrip() { # roundtrip TOOL: $TMP/TOOL-prato.graphml from the sample
	cm validate "$TMP/$1-prato.graphml" > /dev/null 2> "$TMP/err"
	status $? 0 "$1: the sample written back validates"
	[ ! -s "$TMP/err" ]; ok $? "$1: with no warnings"
	cm info "$TMP/$1-prato.graphml" 2> /dev/null | sed '1d;3d' > "$TMP/out"
	same "$TMP/out" "$TMP/prato-body" "$1: same info as the sample"
}

if py_has networkx; then
	"$PYTHON3" - "$TOP/samples/prato.graphml" "$TMP" << 'EOF'
import sys
import networkx as nx
src, tmp = sys.argv[1], sys.argv[2]
nx.write_graphml(nx.read_graphml(src), tmp + "/networkx-prato.graphml")
# A multiplex district: several relations between the same two firms (edge
# keys become ids that repeat across pairs), a boolean written as True/False.
g = nx.MultiDiGraph(year=2020, label="Biella")
g.add_node("lanificio", kind="firm", employees=180, exporter=True)
g.add_node("filatura", kind="firm", employees=35, exporter=False)
g.add_node("tintoria", employees=8, ownership="external")
g.add_node("uib", kind="association", label="Unione Industriale Biellese")
g.add_node("buyer", size="large", location="outside")
g.add_edge("filatura", "lanificio", relation="supplier", weight=2.5)
g.add_edge("filatura", "lanificio", relation="information")
g.add_edge("lanificio", "filatura", relation="advice")
g.add_edge("tintoria", "lanificio", relation="subcontracting", start=2004)
g.add_edge("lanificio", "uib", relation="membership")
g.add_edge("filatura", "uib", relation="member")
g.add_edge("lanificio", "buyer", relation="supply")
nx.write_graphml(g, tmp + "/networkx-multi.graphml")
# An undirected information network.
u = nx.Graph()
u.add_edge("a", "b", relation="knowledge")
u.add_edge("b", "c", relation="info")
nx.write_graphml(u, tmp + "/networkx-undirected.graphml")
EOF
	roundtrip networkx
	cm validate "$TMP/networkx-multi.graphml" > /dev/null 2> "$TMP/err"
	status $? 0 "networkx: a multigraph (edge ids repeat across pairs) validates"
	[ ! -s "$TMP/err" ]; ok $? "networkx: multigraph without warnings"
	cm info "$TMP/networkx-multi.graphml" 2> /dev/null | sed 1d > "$TMP/out"
	same "$TMP/out" "$EXP/dialect-networkx-multi.txt" "networkx: multigraph info"
	cm info "$TMP/networkx-undirected.graphml" 2> /dev/null | sed 1d > "$TMP/out"
	same "$TMP/out" "$EXP/dialect-networkx-undirected.txt" "networkx: undirected graph info"
else
	for t in 1 2 3 4 5 6 7; do skip "networkx dialect $t" "no python3 networkx"; done
fi

if py_has igraph; then
	"$PYTHON3" - "$TOP/samples/prato.graphml" "$TMP" << 'EOF'
import sys
import igraph as ig
src, tmp = sys.argv[1], sys.argv[2]
ig.Graph.Read_GraphML(src).write_graphml(tmp + "/igraph-prato.graphml")
# igraph writes names in "name", numbers as doubles, and missing strings as "".
g = ig.Graph(directed=False)
g.add_vertices(4)
g.vs["name"] = ["Lanificio", "Filatura", "CNA", "Banca"]
g.vs["kind"] = ["firm", "firm", "association", "finance"]
g.vs["employees"] = [60, 12, float("nan"), 150]
g.vs["sector"] = ["wool", "", "", ""]
g.add_edges([(1, 0), (0, 2), (1, 2), (3, 0)])
g.es["relation"] = ["supplier", "association", "association", "information"]
g.es["weight"] = [1.5, 1, 1, 2]
g["year"] = 2018
g.write_graphml(tmp + "/igraph-undirected.graphml")
EOF
	roundtrip igraph
	cm validate "$TMP/igraph-undirected.graphml" > /dev/null 2> "$TMP/err"
	status $? 0 "igraph: an undirected graph validates"
	[ ! -s "$TMP/err" ]; ok $? "igraph: without warnings"
	cm info "$TMP/igraph-undirected.graphml" 2> /dev/null | sed 1d > "$TMP/out"
	same "$TMP/out" "$EXP/dialect-igraph-undirected.txt" "igraph: undirected graph info"
else
	for t in 1 2 3 4 5 6; do skip "igraph dialect $t" "no python3 igraph"; done
fi
done_testing
