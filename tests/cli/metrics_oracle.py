# SPDX-License-Identifier: MIT
"""Compare `clustermap metrics` with python-igraph and networkx on seeded
random graphs (with parallel ties and self-loops, weighted and unweighted,
directed and undirected). Prints TAP. Usage: metrics_oracle.py CLUSTERMAP TMPDIR"""
import json
import math
import random
import subprocess
import sys

import igraph as ig
import networkx as nx

CLUSTERMAP, TMP = sys.argv[1], sys.argv[2]
count = 0
failed = 0


def ok(cond, name, detail=""):
    global count, failed
    count += 1
    if not cond:
        failed += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (count, name))
    if not cond and detail:
        for line in str(detail).splitlines():
            print("#   " + line)


def close(a, b, tol=1e-6):
    if a is None or b is None or (isinstance(b, float) and math.isnan(b)):
        return (a is None) == (b is None or math.isnan(b))
    return abs(a - b) <= tol * max(1.0, abs(b))


def same_list(name, got, want, tol=1e-6):
    bad = [(i, g, w) for i, (g, w) in enumerate(zip(got, want)) if not close(g, w, tol)]
    ok(not bad and len(got) == len(want), name, "first differences (vertex, ours, oracle): %s" % bad[:3])


def random_ties(rng, n, p, directed, weighted):
    ties = []
    for a in range(n):
        for b in range(n):
            if a == b or (not directed and b < a):
                continue
            if rng.random() < p:
                ties.append((a, b, rng.choice([1, 2, 3]) if weighted else 1))
    for _ in range(3):  # parallel ties and self-loops must be merged / dropped
        a, b, w = rng.choice(ties)
        ties.append((a, b, w))
        v = rng.randrange(n)
        ties.append((v, v, 1))
    return ties


def write_graphml(path, n, ties, directed, relation):
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        f.write('<key id="r" for="edge" attr.name="relation" attr.type="string"/>\n')
        f.write('<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n')
        f.write('<graph edgedefault="%s">\n' % ("directed" if directed else "undirected"))
        for v in range(n):
            f.write('<node id="n%d"/>\n' % v)
        for a, b, w in ties:
            f.write('<edge source="n%d" target="n%d"><data key="r">%s</data><data key="w">%g</data></edge>\n'
                    % (a, b, relation, w))
        f.write("</graph></graphml>\n")


def simple(n, ties, directed):
    g = ig.Graph(n=n, edges=[(a, b) for a, b, _ in ties], directed=directed)
    g.es["weight"] = [float(w) for _, _, w in ties]
    g.simplify(multiple=True, loops=True, combine_edges="sum")
    u = g.as_undirected(mode="collapse", combine_edges="sum") if directed else g
    return g, u


def freeman(scores, tmax):
    return sum(max(scores) - x for x in scores) / tmax


def hierarchy(g):
    sym = asym = 0
    reach = [set(g.subcomponent(v, mode="out")) for v in range(g.vcount())]
    for a in range(g.vcount()):
        for b in range(a + 1, g.vcount()):
            ab, ba = b in reach[a], a in reach[b]
            sym += ab and ba
            asym += ab != ba
    return 1 - sym / (sym + asym) if sym + asym else None


def largest(u):
    return u.connected_components().giant()


def check_network(tag, lay, g, u, directed, weighted):
    n = g.vcount()
    ok(lay["nodes"] == n and lay["edges"] == g.ecount(), tag + " nodes and edges after merging")
    ok(close(lay["density"], g.density()), tag + " density")
    ok(lay["components"] == len(g.connected_components("weak")), tag + " components")
    ok(close(lay["transitivity"], u.transitivity_undirected()), tag + " transitivity")
    ok(close(lay["average_clustering"], u.transitivity_avglocal_undirected(mode="zero")),
       tag + " average clustering")
    ok(close(lay["assortativity"], g.assortativity_degree(directed=directed)), tag + " assortativity")
    big = largest(u)
    ok(close(lay["diameter"], big.diameter()), tag + " diameter of the largest component")
    ok(close(lay["average_path_length"], big.average_path_length()), tag + " average path length")
    ok(lay["max_coreness"] == max(u.coreness()), tag + " max coreness")
    c = lay["centralization"]
    ok(close(c["degree"], freeman(u.degree(), (n - 1) * (n - 2))), tag + " degree centralization")
    bt = g.betweenness(directed=directed, weights=[1 / x for x in g.es["weight"]] if weighted else None)
    tmax = (n - 1) ** 2 * (n - 2) / (1 if directed else 2)
    ok(close(c["betweenness"], freeman(bt, tmax)), tag + " betweenness centralization")
    if directed:
        ok(close(lay["reciprocity"], g.reciprocity(mode="default")), tag + " arc reciprocity")
        ok(close(lay["dyad_reciprocity"], g.reciprocity(mode="ratio")), tag + " dyad reciprocity")
        ok(close(c["in_degree"], freeman(g.indegree(), (n - 1) ** 2)), tag + " in-degree centralization")
        ok(close(c["out_degree"], freeman(g.outdegree(), (n - 1) ** 2)), tag + " out-degree centralization")
        ok(close(lay["hierarchy"], hierarchy(g)), tag + " Krackhardt hierarchy (by reachability sets)")


def column(actors, name):
    return [a[name] for a in actors]


def check_actors(tag, actors, g, u, directed, weighted):
    w = g.es["weight"] if weighted else None
    uw = u.es["weight"] if weighted else None
    dist = [1 / x for x in g.es["weight"]] if weighted else None
    udist = [1 / x for x in u.es["weight"]] if weighted else None
    same_list(tag + " degree", column(actors, "degree"), g.degree())
    same_list(tag + " strength", column(actors, "strength"), g.strength(weights="weight"))
    same_list(tag + " betweenness", column(actors, "betweenness"), g.betweenness(directed=directed, weights=dist))
    same_list(tag + " closeness", column(actors, "closeness"),
              u.closeness(mode="all", weights=udist, normalized=True))
    same_list(tag + " harmonic", column(actors, "harmonic"),
              u.harmonic_centrality(mode="all", weights=udist, normalized=True))
    same_list(tag + " eigenvector", column(actors, "eigenvector"),
              u.eigenvector_centrality(scale=True, weights=uw), 1e-5)
    same_list(tag + " pagerank", column(actors, "pagerank"),
              g.pagerank(directed=directed, damping=0.85, weights=w), 1e-5)
    same_list(tag + " coreness", column(actors, "coreness"), u.coreness())
    same_list(tag + " constraint", column(actors, "constraint"), u.constraint(weights=uw))
    nxg = nx.Graph()
    nxg.add_nodes_from(range(u.vcount()))
    for e in u.es:
        nxg.add_edge(e.source, e.target, weight=e["weight"])
    es = nx.effective_size(nxg, weight="weight" if weighted else None)
    same_list(tag + " effective size (networkx)", column(actors, "effective_size"),
              [es[v] for v in range(u.vcount())])
    if directed:
        same_list(tag + " in-degree", column(actors, "in_degree"), g.indegree())
        same_list(tag + " out-degree", column(actors, "out_degree"), g.outdegree())
    random.seed(1234)  # python-igraph draws from Python's generator
    ours = u.modularity(column(actors, "community"), weights=uw)
    best = max(u.community_leiden(objective_function="modularity", weights=uw, n_iterations=1).modularity
               for _ in range(5))
    ok(ours >= best - 0.01, tag + " community modularity %.4f near python-igraph's Leiden %.4f" % (ours, best))


def run(tag, n, p, directed, weighted, seed):
    rng = random.Random(seed)
    ties = random_ties(rng, n, p, directed, weighted)
    relation = "supplier" if directed else "association"
    path = "%s/oracle-%d.graphml" % (TMP, seed)
    write_graphml(path, n, ties, directed, relation)
    args = [CLUSTERMAP, "metrics", path, "-f", "json", "-q", "--permutations", "0", "--layer", relation]
    if weighted:
        args.append("--weighted")
    out = subprocess.run(args, capture_output=True, text=True)
    ok(out.returncode == 0, tag + " runs", out.stderr)
    if out.returncode:
        return
    res = json.loads(out.stdout)
    lay = res["layers"][relation]
    g, u = simple(n, ties, directed)
    ok(lay["directed"] == directed, tag + " direction of the layer")
    check_network(tag, lay, g, u, directed, weighted)
    actors = sorted(res["actors"], key=lambda a: int(a["id"][1:]))
    check_actors(tag, actors, g, u, directed, weighted)


run("undirected G(40, 0.1)", 40, 0.1, False, False, 1)
run("directed G(40, 0.08)", 40, 0.08, True, False, 2)
run("weighted undirected G(50, 0.12)", 50, 0.12, False, True, 3)
run("weighted directed G(50, 0.1)", 50, 0.1, True, True, 4)
run("sparse undirected G(60, 0.03)", 60, 0.03, False, False, 5)
print("1..%d" % count)
sys.exit(1 if failed else 0)
