#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""python-igraph as a peer of clustermap, for tools/bench/run.

    peer_igraph.py read FILE       read the GraphML file with every attribute
    peer_igraph.py metrics FILE    read it, then measure every relation layer
                                   and their union as clustermap metrics does

The measures are those igraph offers for what clustermap computes (see
docs/performance.md); betweenness and closeness are computed exactly where
clustermap's default is exact and left out where it samples, since
python-igraph 0.10 has no sampled betweenness. Prints a one-line summary.
"""
import random
import sys

import igraph as ig

ALIASES = {"subcontracting": "supplier", "supply": "supplier", "membership": "association",
           "member": "association", "knowledge": "information", "advice": "information",
           "info": "information"}
EXACT_WORK = 5e8  # src/lib/graph/betweenness.h: CM__EXACT_WORK


def layers(g):
    """Per relation: a simple graph (loops dropped, parallel ties merged with
    summed weights); supplier and information directed, others undirected;
    "all" is the undirected union."""
    rel = [ALIASES.get(str(r).lower(), str(r).lower()) for r in g.es["relation"]]
    out = {}
    for name in sorted(set(rel)):
        sub = g.subgraph_edges([e for e, r in enumerate(rel) if r == name],
                               delete_vertices=False)
        if name not in ("supplier", "information"):
            sub.to_undirected(mode="collapse", combine_edges={"weight": "sum"})
        out[name] = sub
    union = g.copy()
    union.to_undirected(mode="collapse", combine_edges={"weight": "sum"})
    out["all"] = union
    for sub in out.values():
        sub.simplify(multiple=True, loops=True, combine_edges={"weight": "sum"})
    return out


def measure(g):
    n, m = g.vcount(), g.ecount()
    directed = g.is_directed()
    res = {}
    res["degree"] = g.degree()
    res["strength"] = g.strength(weights="weight")
    if directed:
        res["in"] = g.degree(mode="in")
        res["out"] = g.degree(mode="out")
        res["reciprocity"] = g.reciprocity()
    if n * (n + m) <= EXACT_WORK:
        res["betweenness"] = g.betweenness(directed=directed)
        res["closeness"] = g.closeness(mode="all")
        res["harmonic"] = g.harmonic_centrality(mode="all")
    u = g.as_undirected(mode="collapse") if directed else g
    res["eigenvector"] = u.eigenvector_centrality()
    res["pagerank"] = g.pagerank()
    res["coreness"] = u.coreness()
    random.seed(1)
    part = u.community_leiden(objective_function="modularity", n_iterations=-1)
    res["modularity"] = u.modularity(part.membership)
    res["density"] = g.density()
    comps = u.connected_components()
    res["components"] = len(comps)
    res["transitivity"] = u.transitivity_undirected()
    res["avg_clustering"] = u.transitivity_avglocal_undirected(mode="zero")
    res["assortativity"] = g.assortativity_degree(directed=directed)
    res["centralization"] = g.centralization_degree() if hasattr(g, "centralization_degree") \
        else None
    giant = comps.giant()
    if giant.vcount() > 1:
        res["diameter"] = giant.diameter(directed=False)
        res["avg_path"] = giant.average_path_length(directed=False)
    return res


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("read", "metrics"):
        sys.stderr.write(__doc__)
        return 2
    g = ig.Graph.Read_GraphML(sys.argv[2])
    if sys.argv[1] == "read":
        print(g.vcount(), g.ecount())
        return 0
    done = {name: len(measure(sub)) for name, sub in layers(g).items()}
    print(g.vcount(), g.ecount(), done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
