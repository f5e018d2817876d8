# SPDX-License-Identifier: MIT
"""Writes a GraphML network as UCINET DL (networkx has no DL writer), for
tests/cli/formats.sh: python3 write_dl.py IN.graphml OUT.dl fullmatrix|edgelist1.
Each relation is one matrix, named by MATRIX LABELS; an undirected network's
matrices are symmetric. The edge list names actors by label."""
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
nodes = list(g.nodes())
rels = []
for _, _, d in g.edges(data=True):
    if d.get("relation", "") not in rels:
        rels.append(d.get("relation", ""))
out = open(sys.argv[2], "w", encoding="utf-8")
head = "DL N=%d NM=%d\nFORMAT = %s\nLABELS:\n%s\nMATRIX LABELS:\n%s\nDATA:\n"
out.write(head % (len(nodes), len(rels), sys.argv[3].upper(), ",".join(nodes),
                  ",".join('"%s"' % r for r in rels)))
for i, r in enumerate(rels):
    ties = [(a, b) for a, b, d in g.edges(data=True) if d.get("relation", "") == r]
    if sys.argv[3] == "fullmatrix":
        m = set(ties) | (set() if g.is_directed() else {(b, a) for a, b in ties})
        for a in nodes:
            out.write(" ".join("1" if (a, b) in m else "0" for b in nodes) + "\n")
        continue
    if i:
        out.write("!\n")
    for a, b in ties:
        out.write("%s %s\n" % (a, b))
        if not g.is_directed():
            out.write("%s %s\n" % (b, a))
