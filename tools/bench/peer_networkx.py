#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""networkx as a peer of clustermap, for tools/bench/run.

    peer_networkx.py read FILE       read the GraphML file with every attribute
    peer_networkx.py metrics FILE    read it, then measure every relation layer
                                     and their union as clustermap metrics does

The measures mirror tools/bench/peer_igraph.py; betweenness and closeness are
exact where clustermap's default is exact, and estimated from the same number
of seeded sources (networkx's k) where it samples. Prints a one-line summary.
"""
import sys

import networkx as nx

ALIASES = {"subcontracting": "supplier", "supply": "supplier", "membership": "association",
           "member": "association", "knowledge": "information", "advice": "information",
           "info": "information"}
EXACT_WORK = 5e8  # src/lib/graph/betweenness.h: CM__EXACT_WORK
SAMPLE_WORK = 2e8
SAMPLE_MIN = 100


def simple(edges, directed):
    g = nx.DiGraph() if directed else nx.Graph()
    for u, v, w in edges:
        if u == v:
            continue
        if g.has_edge(u, v):
            g[u][v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)
    return g


def layers(g):
    by = {}
    for u, v, d in g.edges(data=True):
        r = str(d.get("relation", "untyped")).lower()
        by.setdefault(ALIASES.get(r, r), []).append((u, v, float(d.get("weight", 1))))
    out = {}
    for name, edges in sorted(by.items()):
        out[name] = simple(edges, name in ("supplier", "information"))
        out[name].add_nodes_from(g.nodes)
    out["all"] = simple([e for edges in by.values() for e in edges], False)
    out["all"].add_nodes_from(g.nodes)
    return out


def sources(n, m):
    if n * (n + m) <= EXACT_WORK:
        return None
    return min(n, max(SAMPLE_MIN, int(SAMPLE_WORK / (n + m))))


def measure(g):
    n, m = g.number_of_nodes(), g.number_of_edges()
    u = g.to_undirected() if g.is_directed() else g
    res = {"degree": dict(g.degree()), "strength": dict(g.degree(weight="weight"))}
    if g.is_directed():
        res["reciprocity"] = nx.overall_reciprocity(g)
    k = sources(n, m)
    res["betweenness"] = nx.betweenness_centrality(g, k=k, seed=1)
    if k is None:
        res["closeness"] = nx.closeness_centrality(u)
        res["harmonic"] = nx.harmonic_centrality(u)
    res["eigenvector"] = nx.eigenvector_centrality_numpy(u) if m else {}
    res["pagerank"] = nx.pagerank(g)
    res["coreness"] = nx.core_number(u)
    comm = nx.community.louvain_communities(u, seed=1)
    res["modularity"] = nx.community.modularity(u, comm)
    res["density"] = nx.density(g)
    comps = list(nx.connected_components(u))
    res["components"] = len(comps)
    res["transitivity"] = nx.transitivity(u)
    res["avg_clustering"] = nx.average_clustering(u)
    res["assortativity"] = nx.degree_assortativity_coefficient(g) if m else None
    giant = u.subgraph(max(comps, key=len)) if comps else u
    if giant.number_of_nodes() > 1:
        res["diameter"] = nx.diameter(giant)
        res["avg_path"] = nx.average_shortest_path_length(giant)
    return res


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("read", "metrics"):
        sys.stderr.write(__doc__)
        return 2
    g = nx.read_graphml(sys.argv[2])
    if sys.argv[1] == "read":
        print(g.number_of_nodes(), g.number_of_edges())
        return 0
    done = {name: len(measure(sub)) for name, sub in layers(g).items()}
    print(g.number_of_nodes(), g.number_of_edges(), done)
    return 0


if __name__ == "__main__":
    sys.exit(main())
