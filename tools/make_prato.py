#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes samples/prato.graphml, a wool-textile district modelled on Prato.

The actors are hand-listed (invented firm names, real kinds of institutions);
the ties are drawn with a fixed seed from rules that follow the case
literature on Prato (Becattini; Dei Ottati): final firms (lanifici and
converters) commission spinning, weaving, dyeing and finishing from many
small specialist subcontractors, each subcontractor works for several final
firms, fashion houses outside the district buy from several final firms, and
firms of the same phase swap information with each other.

Usage: tools/make_prato.py > samples/prato.graphml
Only the standard library is used; the output is the same on every run.
"""
import random
import sys
from xml.sax.saxutils import escape

SEED = 1993
YEAR = 2019

# (id, label, kind, sector, employees or size word, ownership, location)
ACTORS = [
    # Final firms: lanifici that design collections and coordinate the phases.
    ("lan-bardazzi", "Lanificio Bardazzi S.p.A.", "firm", "wool fabrics", 310, "local", "inside"),
    ("lan-biagioli", "Lanificio Biagioli S.p.A.", "firm", "wool fabrics", 265, "local", "inside"),
    ("lan-cecchi", "Lanificio Cecchi & Figli S.r.l.", "firm", "wool fabrics", 120, "local", "inside"),
    ("lan-pecci", "Lanificio Pecci S.r.l.", "firm", "wool fabrics", 85, "local", "inside"),
    ("lan-querci", "Lanificio Querci S.r.l.", "firm", "wool fabrics", 44, "local", "inside"),
    ("lan-nesti", "Lanificio Nesti S.n.c.", "firm", "wool fabrics", 31, "local", "inside"),
    ("imp-sanesi", "Tessuti Sanesi (impannatore)", "firm", "fabric converter", 12, "local", "inside"),
    ("imp-lucchesi", "Lucchesi Tessuti (impannatore)", "firm", "fabric converter", 8, "local", "inside"),
    ("imp-fioravanti", "Fioravanti Tessuti (impannatore)", "firm", "fabric converter", 6, "local", "inside"),
    # Rag sorting and carding: the recycled carded-wool tradition.
    ("car-vannucchi", "Cardatura Vannucchi S.n.c.", "firm", "carding", 14, "local", "inside"),
    ("car-coppini", "Cenciaia Coppini", "firm", "rag sorting", 7, "local", "inside"),
    ("car-bettazzi", "Carbonizzo Bettazzi S.r.l.", "firm", "carbonizing", 18, "local", "inside"),
    # Spinning and twisting.
    ("fil-mazzoni", "Filatura Mazzoni S.p.A.", "firm", "spinning", 140, "external", "inside"),
    ("fil-giovannini", "Filatura Giovannini S.r.l.", "firm", "spinning", 38, "local", "inside"),
    ("fil-bisenzio", "Filatura del Bisenzio S.r.l.", "firm", "spinning", 27, "local", "inside"),
    ("fil-magni", "Filatura Magni S.n.c.", "firm", "spinning", 16, "local", "inside"),
    ("fil-lenzi", "Filatura Lenzi", "firm", "spinning", 9, "local", "inside"),
    ("fil-ciampi", "Filatura Ciampi S.n.c.", "firm", "spinning", 21, "local", "inside"),
    ("rit-santini", "Ritorcitura Santini", "firm", "twisting", 6, "local", "inside"),
    ("rit-baldi", "Ritorcitura Baldi S.n.c.", "firm", "twisting", 11, "local", "inside"),
    # Weaving: the largest phase, mostly artisan workshops.
    ("tes-marini", "Tessitura Marini S.r.l.", "firm", "weaving", 33, "local", "inside"),
    ("tes-meoni", "Tessitura Meoni S.n.c.", "firm", "weaving", 12, "local", "inside"),
    ("tes-paoletti", "Tessitura Paoletti", "firm", "weaving", 5, "local", "inside"),
    ("tes-nincheri", "Tessitura Nincheri S.n.c.", "firm", "weaving", 8, "local", "inside"),
    ("tes-cai", "Tessitura Cai", "firm", "weaving", 3, "local", "inside"),
    ("tes-martini", "Tessitura Martini & C.", "firm", "weaving", 9, "local", "inside"),
    ("tes-gelli", "Tessitura Gelli S.r.l.", "firm", "weaving", 19, "local", "inside"),
    ("tes-pratesi", "Tessitura Pratesi", "firm", "weaving", 4, "local", "inside"),
    ("tes-bini", "Tessitura Bini S.n.c.", "firm", "weaving", 7, "local", "inside"),
    ("tes-lastrucci", "Tessitura Lastrucci", "firm", "weaving", 2, "local", "inside"),
    ("tes-rossi", "Tessitura Rossi Vaiano S.r.l.", "firm", "weaving", 24, "local", "inside"),
    # Dyeing and finishing.
    ("tin-gori", "Tintoria Gori S.p.A.", "firm", "dyeing", 95, "external", "inside"),
    ("tin-bigagli", "Tintoria Bigagli S.r.l.", "firm", "dyeing", 42, "local", "inside"),
    ("tin-calamai", "Tintoria Calamai S.n.c.", "firm", "dyeing", 13, "local", "inside"),
    ("tin-ballerini", "Tintoria Ballerini", "firm", "yarn dyeing", 8, "local", "inside"),
    ("rif-meucci", "Rifinizione Meucci S.r.l.", "firm", "finishing", 36, "local", "inside"),
    ("rif-sarti", "Rifinizione Sarti S.n.c.", "firm", "finishing", 15, "local", "inside"),
    ("rif-toccafondi", "Rifinizione Toccafondi", "firm", "finishing", 7, "local", "inside"),
    ("rif-becagli", "Garzatura Becagli", "firm", "raising", 4, "local", "inside"),
    # Knitwear.
    ("mag-lenzi", "Maglificio Lenzi S.r.l.", "firm", "knitwear", 28, "local", "inside"),
    ("mag-mati", "Maglificio Mati", "firm", "knitwear", 9, "local", "inside"),
    ("mag-corsi", "Maglificio Corsi S.n.c.", "firm", "knitwear", 14, "local", "inside"),
    ("mag-risaliti", "Maglieria Risaliti", "firm", "knitwear", 5, "local", "inside"),
    ("mag-zhou", "Maglieria Zhou Lin", "firm", "knitwear", 6, "local", "inside"),
    # Business services.
    ("srv-disegno", "Studio Disegno Tessile Bresci", "firm", "textile design", 4, "local", "inside"),
    ("srv-campionario", "Campionari Vestri", "firm", "sample books", 6, "local", "inside"),
    # Institutions.
    ("ass-ctn", "Confindustria Toscana Nord (Prato)", "association", "", 45, "local", "inside"),
    ("ass-cna", "CNA Prato", "association", "", 30, "local", "inside"),
    ("clu-pratotrade", "Consorzio export tessile pratese", "cluster_org", "", 6, "local", "inside"),
    ("tra-buzzi", "Istituto tecnico tessile Tullio Buzzi", "training", "", 120, "local", "inside"),
    ("res-lab", "Laboratorio ricerche tessili di Prato", "research", "", 35, "local", "inside"),
    ("uni-pin", "Polo universitario di Prato", "university", "", 60, "local", "inside"),
    ("gov-cciaa", "Camera di Commercio di Prato", "government", "", 70, "local", "inside"),
    ("fin-bcc", "Banca di Credito Cooperativo Area Pratese", "finance", "", 190, "local", "inside"),
    # Outside buyers (fashion houses) and suppliers.
    ("out-valenti", "Casa di Moda Valenti (Milano)", "firm", "fashion", "large", "external", "outside"),
    ("out-dufresne", "Maison Dufresne (Paris)", "firm", "fashion", "large", "external", "outside"),
    ("out-hartmann", "Hartmann Mode GmbH (Düsseldorf)", "firm", "fashion", "large", "external", "outside"),
    ("out-corsini", "Atelier Corsini (Firenze)", "firm", "fashion", "medium", "external", "outside"),
    ("out-pettinatura", "Pettinatura Biellese S.p.A. (Biella)", "firm", "wool combing", "medium", "external", "outside"),
    ("out-chimica", "Coloranti Lombardi S.p.A. (Como)", "firm", "dyestuffs", "medium", "external", "outside"),
]

STAGE = {
    "lan": "final", "imp": "final", "car": "fibre", "fil": "yarn", "rit": "yarn",
    "tes": "weave", "tin": "dye", "rif": "finish", "mag": "knit", "srv": "service",
}


def group(prefix):
    return [a[0] for a in ACTORS if a[0].startswith(prefix + "-")]


def employees(aid):
    for a in ACTORS:
        if a[0] == aid:
            return a[4] if isinstance(a[4], int) else 300
    raise KeyError(aid)


class Ties:
    def __init__(self, rng):
        self.rng = rng
        self.edges = []  # (src, dst, relation, weight, start)
        self.seen = set()

    def add(self, src, dst, relation, weight=None, start=None):
        if src == dst or (src, dst, relation) in self.seen:
            return False
        self.seen.add((src, dst, relation))
        self.edges.append((src, dst, relation, weight, start))
        return True

    def sell(self, sellers, buyers, lo, hi):
        """Each seller works for lo..hi buyers, larger buyers more often."""
        for s in sellers:
            k = min(len(buyers), self.rng.randint(lo, hi))
            pool = list(buyers)
            for _ in range(k):
                weights = [employees(b) ** 0.3 for b in pool]
                b = self.rng.choices(pool, weights)[0]
                pool.remove(b)
                self.add(s, b, "supplier", self.rng.choice([1, 1, 2, 2, 3]),
                         self.rng.randint(1978, 2017))


def supplier_chains(t):
    finals = group("lan") + group("imp")
    weavers, knitters = group("tes"), group("mag")
    spinners = group("fil") + group("rit")
    t.sell(["out-pettinatura"], group("fil") + group("car"), 4, 5)
    t.sell(group("car"), group("fil") + ["car-vannucchi"], 2, 3)
    t.sell(group("fil"), group("rit") + weavers + knitters + finals, 3, 5)
    t.sell(group("rit"), weavers + knitters, 2, 3)
    t.sell(weavers, finals, 1, 3)
    t.sell(group("tin"), finals + group("fil") + knitters, 2, 4)
    t.sell(group("rif"), finals, 2, 4)
    t.sell(group("srv"), finals, 2, 3)
    t.sell(["out-chimica"], group("tin"), 3, 4)
    buyers = ["out-valenti", "out-dufresne", "out-hartmann", "out-corsini"]
    t.sell(finals, buyers, 1, 2)
    t.sell(knitters, buyers + finals, 1, 2)
    # Every fashion house buys from at least two final firms.
    for b in buyers:
        while sum(1 for e in t.edges if e[1] == b) < 2:
            t.add(t.rng.choice(finals), b, "supplier", 1, t.rng.randint(2000, 2017))


def membership(t):
    for a in ACTORS:
        aid, kind, emp, loc = a[0], a[2], a[4], a[6]
        if kind != "firm" or loc != "inside":
            continue
        # Artisans join CNA, industrial firms Confindustria; a few join neither.
        if t.rng.random() < 0.12:
            continue
        target = "ass-cna" if isinstance(emp, int) and emp < 20 else "ass-ctn"
        t.add(aid, target, "association")
        if aid.startswith(("lan-", "imp-")) and t.rng.random() < 0.8:
            t.add(aid, "clu-pratotrade", "association")
    for inst in ("tra-buzzi", "res-lab", "clu-pratotrade"):
        t.add(inst, "ass-ctn", "association")


def information(t):
    firms = [a[0] for a in ACTORS if a[2] == "firm" and a[6] == "inside"]
    traded = {(e[0], e[1]) for e in t.edges if e[2] == "supplier"}
    for a in firms:
        for b in firms:
            if a == b:
                continue
            same = STAGE[a[:3]] == STAGE[b[:3]]
            p = 0.2 if same else 0.035
            if (a, b) in traded or (b, a) in traded:
                p += 0.18
            if t.rng.random() < p:
                t.add(a, b, "information", t.rng.choice([1, 1, 2]))
                # Advice among peers tends to flow both ways.
                if t.rng.random() < 0.35:
                    t.add(b, a, "information", t.rng.choice([1, 1, 2]))
    institutions = {"ass-ctn": 10, "ass-cna": 8, "tra-buzzi": 9, "res-lab": 7,
                    "clu-pratotrade": 5, "fin-bcc": 4, "gov-cciaa": 3}
    for inst, k in institutions.items():
        for f in t.rng.sample(firms, k):
            t.add(inst, f, "information")
    for a, b in [("uni-pin", "res-lab"), ("res-lab", "uni-pin"), ("uni-pin", "tra-buzzi"),
                 ("gov-cciaa", "ass-ctn"), ("ass-ctn", "gov-cciaa"), ("res-lab", "tra-buzzi")]:
        t.add(a, b, "information")
    # Fashion houses pass trend information to a few final firms only.
    for b in ["out-valenti", "out-dufresne", "out-hartmann", "out-corsini"]:
        for f in t.rng.sample(group("lan"), 2):
            t.add(b, f, "information")


def data(key, value):
    return '<data key="%s">%s</data>' % (key, escape(str(value)))


KEYS = """\
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"><default>firm</default></key>
  <key id="sector" for="node" attr.name="sector" attr.type="string"/>
  <key id="employees" for="node" attr.name="employees" attr.type="int"/>
  <key id="size" for="node" attr.name="size" attr.type="string"/>
  <key id="ownership" for="node" attr.name="ownership" attr.type="string"/>
  <key id="location" for="node" attr.name="location" attr.type="string"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="start" for="edge" attr.name="start" attr.type="int"/>
  <key id="glabel" for="graph" attr.name="label" attr.type="string"/>
  <key id="year" for="graph" attr.name="year" attr.type="int"/>
"""


def node_xml(a):
    aid, label, kind, sector, emp, own, loc = a
    parts = [data("label", label)]
    if kind != "firm":
        parts.append(data("kind", kind))
    if sector:
        parts.append(data("sector", sector))
    parts.append(data("employees" if isinstance(emp, int) else "size", emp))
    parts += [data("ownership", own), data("location", loc)]
    return '    <node id="%s">%s</node>' % (aid, "".join(parts))


def edge_xml(i, e):
    src, dst, rel, weight, start = e
    parts = [data("relation", rel)]
    if weight is not None and weight != 1:
        parts.append(data("weight", weight))
    if start is not None:
        parts.append(data("start", start))
    return '    <edge id="e%d" source="%s" target="%s">%s</edge>' % (i, src, dst, "".join(parts))


def main():
    t = Ties(random.Random(SEED))
    supplier_chains(t)
    membership(t)
    information(t)
    out = sys.stdout
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write("<!-- A wool-textile district modelled on Prato (Tuscany), %d. Written by\n"
              "     tools/make_prato.py (seed %d); see samples/README.md. Firm names are\n"
              "     invented. Supplier ties point seller -> buyer, association ties\n"
              "     member -> association, information ties giver -> receiver. -->\n"
              % (YEAR, SEED))
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    out.write(KEYS)
    out.write('  <graph id="prato" edgedefault="directed">\n')
    out.write("    %s%s\n" % (data("glabel", "Prato wool-textile district"), data("year", YEAR)))
    for a in ACTORS:
        out.write(node_xml(a) + "\n")
    for i, e in enumerate(t.edges):
        out.write(edge_xml(i, e) + "\n")
    out.write("  </graph>\n</graphml>\n")


if __name__ == "__main__":
    main()
