#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generate the drift sample: one cluster in five snapshots (2009-2021) that
drifts from an Italianate district towards hub-and-spoke as a large local firm
buys up its suppliers.

Writes the same series in three forms:
  OUT/drift.graphml        one file, one <graph> per snapshot (graph-level year, label)
  OUT/drift-dated.graphml  one graph; nodes and edges carry start/end (or year)
  SPLIT/drift-YEAR.graphml one file per snapshot (with --split SPLIT)

Usage: tools/drift.py [--seed N] [--out DIR] [--split DIR]
Only the standard library is used; the same seed gives the same files (every
set is iterated in sorted order, so hash randomisation cannot change them).
"""
import argparse
import os
import random
from xml.sax.saxutils import escape, quoteattr

YEARS = [2009, 2012, 2015, 2018, 2021]
NAMES = ["Tessiture", "Filati", "Tintoria", "Rifinizioni", "Orditura", "Stamperia",
         "Lanificio", "Cardatura", "Confezioni", "Maglieria"]


class Series:
    """Actors and ties with the snapshots (year indices) they are present in."""

    def __init__(self, rng):
        self.rng = rng
        self.nodes = {}   # id -> attributes
        self.alive = {}   # id -> set of year indices
        self.ties = {}    # (relation, a, b) -> set of year indices
        self.order = []   # tie keys in order of creation

    def node(self, nid, t, **attrs):
        if attrs:  # every attribute explicit: the classifier weighs completeness
            attrs = {"ownership": "local", "location": "inside", **attrs}
            attrs = {k: attrs[k] for k in ("kind", "size", "ownership", "location", "label")}
        self.nodes.setdefault(nid, attrs)
        self.alive.setdefault(nid, set()).add(t)

    def tie(self, rel, a, b, t):
        key = (rel, a, b) if rel == "supplier" else (rel,) + tuple(sorted((a, b)))
        if key not in self.ties:
            self.order.append(key)
        self.ties.setdefault(key, set()).add(t)

    def present(self, t):
        return [k for k in self.order if t in self.ties[k]]


def initial(s, rng):
    """2009: an Italianate district: many small firms trading among themselves,
    dense information exchange, a strong association and a training centre."""
    smes = ["f%02d" % i for i in range(2, 32)]
    s.node("leader", 0, kind="firm", size="large", label="Lanificio Grande")
    for i, f in enumerate(smes):
        s.node(f, 0, kind="firm", size=rng.choice(["micro", "small", "small"]),
               label="%s %s" % (NAMES[i % len(NAMES)], f[1:]))
    s.node("assoc", 0, kind="association", size="small", label="Unione Industriale")
    s.node("school", 0, kind="training", size="small", label="Istituto Tessile")
    s.node("buyer1", 0, kind="firm", size="large", location="outside", ownership="external",
           label="Export buyer")
    state = {"sup": set(), "info": set(), "gone": set(), "smes": smes}
    for f in smes:
        for b in rng.sample([g for g in smes if g != f], 2):
            state["sup"].add((f, b))
        if rng.random() < 0.15:
            state["sup"].add((f, "leader"))
    for _ in range(50):
        a, b = sorted(rng.sample(smes, 2))
        state["info"].add((a, b))
    state["assoc"] = set(f for f in smes if rng.random() < 0.8) | {"leader"}
    state["school"] = set(rng.sample(smes, 6))
    state["export"] = set(rng.sample(smes, 4))
    return state


def step(s, state, t, rng):
    """One period: the leader buys three of its suppliers (they leave), small
    buyers lose orders to the leader, horizontal exchange thins out, and two
    new micro suppliers enter to work for the leader only."""
    smes = state["smes"]
    suppliers = [f for f in smes if (f, "leader") in state["sup"]]
    others = [f for f in smes if f not in suppliers]
    bought = (suppliers + rng.sample(others, len(others)))[:3]
    for f in bought:
        smes.remove(f)
    keep = lambda pair: not (set(pair) & set(bought))
    state["sup"] = set(p for p in state["sup"] if keep(p))
    state["info"] = set(p for p in state["info"] if keep(p))
    state["assoc"] -= set(bought)
    state["school"] -= set(bought)
    state["export"] -= set(bought)
    moved = set()
    for (a, b) in sorted(state["sup"]):
        if b != "leader" and rng.random() < 0.45:
            moved.add((a, b))
    state["sup"] = (state["sup"] - moved) | set((a, "leader") for (a, _) in moved)
    kept = set(p for p in sorted(state["info"]) if rng.random() > 0.35)
    state["gone"] |= state["info"] - kept
    state["info"] = kept
    for f in rng.sample(smes, 3):
        pair = tuple(sorted((f, "leader")))
        if pair not in state["gone"]:  # a tie that ended stays ended
            state["info"].add(pair)
    state["assoc"] = set(f for f in sorted(state["assoc"]) if f == "leader" or rng.random() > 0.1)
    state["export"] = set(f for f in sorted(state["export"]) if rng.random() > 0.5)
    for k in range(2):
        nid = "n%d%d" % (YEARS[t] % 100, k + 1)
        s.node(nid, t, kind="firm", size="micro", label="Terzista %s" % nid[1:])
        smes.append(nid)
        state["sup"].add((nid, "leader"))


def record(s, state, t):
    for f in state["smes"] + ["leader", "assoc", "school", "buyer1"]:
        s.node(f, t)
    for (a, b) in sorted(state["sup"]):
        s.tie("supplier", a, b, t)
    for f in sorted(state["export"]):
        s.tie("supplier", f, "buyer1", t)
    s.tie("supplier", "leader", "buyer1", t)
    for (a, b) in sorted(state["info"]):
        s.tie("information", a, b, t)
    for f in sorted(state["school"]):
        s.tie("information", "school", f, t)
    for f in sorted(state["assoc"]):
        s.tie("association", f, "assoc", t)


KEYS = """  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="size" for="node" attr.name="size" attr.type="string"/>
  <key id="ownership" for="node" attr.name="ownership" attr.type="string"/>
  <key id="location" for="node" attr.name="location" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="nstart" for="node" attr.name="start" attr.type="int"/>
  <key id="nend" for="node" attr.name="end" attr.type="int"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="year" for="edge" attr.name="year" attr.type="int"/>
  <key id="start" for="edge" attr.name="start" attr.type="int"/>
  <key id="end" for="edge" attr.name="end" attr.type="int"/>
  <key id="gyear" for="graph" attr.name="year" attr.type="int"/>
  <key id="glabel" for="graph" attr.name="label" attr.type="string"/>
"""


def node_xml(nid, attrs, dates=""):
    data = "".join('<data key="%s">%s</data>' % (k, escape(v)) for k, v in attrs.items())
    return '    <node id=%s>%s%s</node>\n' % (quoteattr(nid), data, dates)


def edge_xml(i, key, dates=""):
    rel, a, b = key
    directed = "" if rel == "supplier" else ' directed="false"'
    return '    <edge id="e%d" source=%s target=%s%s><data key="relation">%s</data>%s</edge>\n' % (
        i, quoteattr(a), quoteattr(b), directed, rel, dates)


def snapshot_xml(s, t):
    y = YEARS[t]
    out = ['  <graph id="g%d" edgedefault="directed">\n' % y,
           '    <data key="gyear">%d</data><data key="glabel">%d</data>\n' % (y, y)]
    out += [node_xml(n, s.nodes[n]) for n in s.nodes if t in s.alive[n]]
    out += [edge_xml(i, k) for i, k in enumerate(s.order) if t in s.ties[k]]
    out.append("  </graph>\n")
    return "".join(out)


def span_dates(ts, start_key, end_key, year_only_key=None):
    """Dates of a contiguous presence: none when always present; `year` alone
    when present from its first snapshot to the last one (year_only_key)."""
    lo, hi = min(ts), max(ts)
    assert ts == set(range(lo, hi + 1)), "presence must be contiguous"
    if lo == 0 and hi == len(YEARS) - 1:
        return ""
    if hi == len(YEARS) - 1 and year_only_key:
        return '<data key="%s">%d</data>' % (year_only_key, YEARS[lo])
    d = '<data key="%s">%d</data>' % (start_key, YEARS[lo]) if lo > 0 else ""
    if hi < len(YEARS) - 1:
        d += '<data key="%s">%d</data>' % (end_key, YEARS[hi])
    return d


def dated_xml(s):
    out = ['  <graph id="drift" edgedefault="directed">\n']
    out += [node_xml(n, s.nodes[n], span_dates(s.alive[n], "nstart", "nend")) for n in s.nodes]
    out += [edge_xml(i, k, span_dates(s.ties[k], "start", "end", "year"))
            for i, k in enumerate(s.order)]
    out.append("  </graph>\n")
    return "".join(out)


def write(path, graphs):
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!-- Generated by tools/drift.py; see samples/README.md -->\n'
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        f.write(KEYS)
        f.write(graphs)
        f.write("</graphml>\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=2009)
    ap.add_argument("--out", default="samples")
    ap.add_argument("--split", help="also write one file per snapshot into this folder")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    s = Series(rng)
    state = initial(s, rng)
    record(s, state, 0)
    for t in range(1, len(YEARS)):
        step(s, state, t, rng)
        record(s, state, t)
    write(os.path.join(args.out, "drift.graphml"),
          "".join(snapshot_xml(s, t) for t in range(len(YEARS))))
    write(os.path.join(args.out, "drift-dated.graphml"), dated_xml(s))
    if args.split:
        os.makedirs(args.split, exist_ok=True)
        for t, y in enumerate(YEARS):
            write(os.path.join(args.split, "drift-%d.graphml" % y), snapshot_xml(s, t))


if __name__ == "__main__":
    main()
