#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the bundled samples of the three non-Italianate Markusen types.

  hub-and-spoke       aerospace around Boeing in the Puget Sound, late 1990s
  satellite-platform  branch plants in Research Triangle Park, North Carolina, late 1990s
  state-anchored      Albuquerque around Sandia National Laboratories and Kirtland
                      Air Force Base, late 1990s

The kinds of actors and the shape of their ties follow the case studies
(Markusen 1996; Gray, Golob & Markusen 1996; Markusen, Lee & DiGiovanna 1999).
The anchor organisations are named; every small firm is invented, and the
ties are drawn by rule with a fixed seed: they illustrate the structure the
case literature describes, they are not observed data.

Usage: tools/make_samples.py NAME > samples/NAME.graphml
Only the standard library is used; the output is the same on every run.
"""
import random
import sys
from xml.sax.saxutils import escape

# Invented small-firm names: a trade word and a family or place name.
SURNAMES = ["Anders", "Baird", "Calloway", "Dunmore", "Ellery", "Farrow", "Gale", "Hollis",
            "Ingram", "Jessup", "Keane", "Lowell", "Marsh", "Norquist", "Oakes", "Pruitt",
            "Quill", "Rainer", "Sorensen", "Tate", "Upton", "Vance", "Whitlock", "Yates",
            "Abbott", "Brandt", "Cordell", "Drury", "Eastman", "Fenwick", "Garrity", "Hale",
            "Isley", "Judd", "Kimball", "Lindqvist", "Mercer", "Nash", "Orr", "Pike"]


class Net:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.actors = []   # (id, label, kind, sector, size, ownership, location)
        self.edges = []    # (src, dst, relation)
        self.names = iter(SURNAMES)

    def actor(self, aid, label, kind="firm", sector="", size="small", own="local", loc="inside"):
        self.actors.append((aid, label, kind, sector, size, own, loc))
        return aid

    def smes(self, prefix, count, trade, sector, sizes=("micro", "small", "small", "medium")):
        ids = []
        for k in range(count):
            name = next(self.names)
            ids.append(self.actor("%s-%d" % (prefix, k + 1), "%s %s" % (name, trade), "firm",
                                  sector, self.rng.choice(sizes)))
        return ids

    def tie(self, src, dst, relation):
        if src != dst and (src, dst, relation) not in self.edges:
            self.edges.append((src, dst, relation))

    def some(self, pool, share):
        return [a for a in pool if self.rng.random() < share]


def puget_sound():
    n = Net(1997)
    boeing = n.actor("boeing-ca", "Boeing Commercial Airplanes", "firm", "aircraft assembly", "large")
    bds = n.actor("boeing-ds", "Boeing Defense & Space Group (Kent)", "firm", "aerospace systems", "large")
    tier1 = n.smes("t1", 9, "Aerostructures", "machined structures", ("small", "medium", "medium"))
    tier1 += [n.actor("hexcel", "Kent composites plant (branch)", "firm", "composites", "medium", "external")]
    tier2 = (n.smes("mach", 10, "Precision Machining", "machining")
             + n.smes("tool", 5, "Tool & Die", "tooling")
             + n.smes("elec", 5, "Avionics Harness", "electrical")
             + n.smes("eng", 5, "Engineering Services", "engineering", ("micro", "small")))
    uw = n.actor("uw", "University of Washington", "university", "engineering research", "large")
    ajac = n.actor("ajac", "Aerospace Joint Apprenticeship Committee", "training", "", "small")
    pnaa = n.actor("pnaa", "Pacific Northwest Aerospace Alliance", "association", "", "micro")
    state = n.actor("commerce", "Washington State Dept. of Commerce", "government", "", "medium")
    outside = [n.actor("ge", "GE Aircraft Engines (Ohio)", "firm", "engines", "large", "external", "outside"),
               n.actor("pw", "Pratt & Whitney (Connecticut)", "firm", "engines", "large", "external", "outside"),
               n.actor("wichita", "Fuselage supplier (Wichita)", "firm", "fuselages", "large", "external", "outside"),
               n.actor("airlines", "Airline customers", "firm", "airlines", "large", "external", "outside"),
               n.actor("usaf", "U.S. Air Force", "government", "", "large", "local", "outside")]
    for f in tier1:
        n.tie(f, boeing, "supplier")
        if n.rng.random() < 0.3:
            n.tie(f, bds, "supplier")
        if n.rng.random() < 0.7:
            n.tie(boeing, f, "information")
    for f in tier2:
        n.tie(f, boeing if n.rng.random() < 0.45 else n.rng.choice(tier1), "supplier")
        if n.rng.random() < 0.3:
            n.tie(f, n.rng.choice(tier1), "supplier")
        if n.rng.random() < 0.25:
            n.tie(boeing, f, "information")
    for f in n.some(tier1 + tier2, 0.15):
        n.tie(f, n.rng.choice(tier1 + tier2), "information")
    for f in n.some(tier1 + tier2, 0.25):
        n.tie(f, pnaa, "association")
    n.tie(boeing, pnaa, "association")
    for f in n.some(tier2, 0.15):
        n.tie(ajac, f, "information")
    n.tie(ajac, boeing, "information")
    n.tie(uw, boeing, "information")
    n.tie(uw, bds, "information")
    n.tie(state, boeing, "information")
    for o in outside[:3]:
        n.tie(o, boeing, "supplier")
        n.tie(o, boeing, "information")
    n.tie(boeing, "airlines", "supplier")
    n.tie("airlines", boeing, "information")
    n.tie(bds, "usaf", "supplier")
    n.tie("usaf", bds, "information")
    return n, "Puget Sound aerospace district", 1998


def research_triangle():
    n = Net(1959)
    plants = [("ibm", "IBM Research Triangle Park", "computers", "ibm-hq", "IBM headquarters (Armonk, NY)"),
              ("glaxo", "Glaxo Wellcome U.S. operations", "pharmaceuticals", "glaxo-hq", "Glaxo Wellcome (London)"),
              ("nortel", "Nortel Networks RTP", "telecom equipment", "nortel-hq", "Nortel Networks (Ontario)"),
              ("ericsson", "Ericsson RTP", "telecom equipment", "ericsson-hq", "Ericsson (Stockholm)"),
              ("cisco", "Cisco Systems RTP", "networking", "cisco-hq", "Cisco Systems (San Jose)"),
              ("sumitomo", "Sumitomo Electric Lightwave", "optical fibre", "sumitomo-hq", "Sumitomo Electric (Osaka)"),
              ("basf", "BASF Agricultural Products", "agrochemicals", "basf-hq", "BASF (Ludwigshafen)"),
              ("biogen", "Biogen RTP plant", "biotechnology", "biogen-hq", "Biogen (Cambridge, MA)"),
              ("ge-micro", "GE Microelectronics Center", "semiconductors", "ge-hq", "General Electric (Connecticut)"),
              ("dupont", "DuPont Electronics RTP", "electronic materials", "dupont-hq", "DuPont (Wilmington)"),
              ("epa", "EPA research campus", "environmental research", "epa-hq", "EPA (Washington, DC)"),
              ("bayer", "Bayer CropScience RTP", "agrochemicals", "bayer-hq", "Bayer (Leverkusen)")]
    branch = []
    for pid, label, sector, parent, plabel in plants:
        kind = "research" if pid == "epa" else "firm"
        branch.append(n.actor(pid, label, kind, sector, "large", "external"))
        n.actor(parent, plabel, "government" if pid == "epa" else "firm", sector, "large",
                "external", "outside")
    rtf = n.actor("rtf", "Research Triangle Foundation", "cluster_org", "", "micro")
    biotech = n.actor("ncbc", "North Carolina Biotechnology Center", "government", "", "small")
    ncsu = n.actor("ncsu", "North Carolina State University", "university", "", "large")
    smes = (n.smes("svc", 6, "Facility Services", "facility services", ("micro", "small"))
            + n.smes("it", 5, "Software Consulting", "software", ("micro", "small"))
            + n.smes("lab", 4, "Contract Laboratory", "contract research", ("small", "medium"))
            + n.smes("stf", 3, "Staffing", "staffing", ("small",)))
    suppliers = [n.actor("comp-%d" % k, "Component supplier %d (out of state)" % (k + 1), "firm",
                         "components", "large", "external", "outside") for k in range(6)]
    for (pid, _, _, parent, _) in plants:
        n.tie(pid, parent, "supplier")
        n.tie(parent, pid, "information")
        n.tie(n.rng.choice(suppliers), pid, "supplier")
        n.tie(parent, pid, "supplier")
        if n.rng.random() < 0.5:
            n.tie(pid, rtf, "association")
    for f in smes:
        if n.rng.random() < 0.45:
            n.tie(f, n.rng.choice(branch), "supplier")
    for f in n.some(smes, 0.1):
        n.tie(f, n.rng.choice(smes), "information")
    n.tie(ncsu, "glaxo", "information")
    n.tie(ncsu, "ibm", "information")
    n.tie(biotech, "biogen", "information")
    n.tie(biotech, n.rng.choice(smes), "information")
    return n, "Research Triangle Park branch-plant platform", 1998


def albuquerque():
    n = Net(1949)
    sandia = n.actor("sandia", "Sandia National Laboratories", "research", "nuclear weapons engineering", "large")
    kafb = n.actor("kafb", "Kirtland Air Force Base", "government", "military base", "large")
    afrl = n.actor("afrl", "Air Force Research Laboratory (Kirtland)", "research", "directed energy", "large")
    unm = n.actor("unm", "University of New Mexico", "university", "", "large")
    contractors = [n.actor("lm-abq", "Lockheed Martin (Albuquerque office)", "firm", "defence systems", "medium", "external"),
                   n.actor("hw-abq", "Honeywell Defense Avionics (Albuquerque)", "firm", "avionics", "large", "external"),
                   n.actor("saic-abq", "SAIC (Albuquerque office)", "firm", "engineering services", "medium", "external"),
                   n.actor("boeing-abq", "Boeing Laser Systems (Albuquerque)", "firm", "lasers", "medium", "external")]
    smes = (n.smes("opt", 6, "Optics", "optics and photonics")
            + n.smes("mach", 7, "Machine Works", "machining")
            + n.smes("sw", 7, "Software", "software")
            + n.smes("eng", 6, "Engineering", "engineering services")
            + n.smes("elec", 4, "Electronics", "electronics"))
    spinoffs = n.some(smes, 0.35)
    nmtech = n.actor("ab-ed", "Albuquerque Economic Development", "association", "", "micro")
    outside = [n.actor("doe", "U.S. Department of Energy", "government", "", "large", "local", "outside"),
               n.actor("lmc-hq", "Lockheed Martin (Bethesda)", "firm", "", "large", "external", "outside"),
               n.actor("afmc", "Air Force Materiel Command (Ohio)", "government", "", "large", "local", "outside"),
               n.actor("llnl", "Lawrence Livermore National Laboratory", "research", "", "large", "local", "outside")]
    for f in smes:
        n.tie(f, sandia if n.rng.random() < 0.7 else n.rng.choice([kafb, afrl]), "supplier")
        if n.rng.random() < 0.15:
            n.tie(f, n.rng.choice(contractors), "supplier")
        if n.rng.random() < 0.1:
            n.tie(f, n.rng.choice(smes), "supplier")
    for f in spinoffs:
        n.tie(sandia, f, "information")
    for f in n.some(smes, 0.2):
        n.tie(afrl, f, "information")
    for f in n.some(smes, 0.25):
        n.tie(f, n.rng.choice(smes), "information")
    for c in contractors:
        n.tie(c, sandia if n.rng.random() < 0.5 else kafb, "supplier")
        n.tie(c, "lmc-hq" if c == "lm-abq" else "afmc", "information")
    for f in n.some(smes, 0.2):
        n.tie(f, nmtech, "association")
    n.tie(unm, sandia, "information")
    n.tie(sandia, unm, "information")
    n.tie(unm, afrl, "information")
    n.tie(afrl, kafb, "supplier")
    n.tie("doe", sandia, "supplier")
    n.tie("doe", sandia, "information")
    n.tie(sandia, "llnl", "information")
    n.tie("afmc", kafb, "information")
    n.tie("afmc", afrl, "supplier")
    return n, "Albuquerque: Sandia National Laboratories and Kirtland AFB", 1998


NETWORKS = {"hub-and-spoke": puget_sound, "satellite-platform": research_triangle,
            "state-anchored": albuquerque}


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in NETWORKS:
        sys.exit("usage: make_samples.py %s" % "|".join(NETWORKS))
    name = sys.argv[1]
    n, label, year = NETWORKS[name]()
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- %s, %d: a stylised %s network written by tools/make_samples.py; see" % (label, year, name),
           "     samples/README.md. Anchor organisations are named, small firms are invented,",
           "     ties are drawn by rule. Supplier ties point seller -> buyer, association ties",
           "     member -> association, information ties giver -> receiver. -->",
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for key in ("label", "kind", "sector", "size", "ownership", "location"):
        out.append('  <key id="%s" for="node" attr.name="%s" attr.type="string"/>' % (key, key))
    out.append('  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>')
    out.append('  <key id="glabel" for="graph" attr.name="label" attr.type="string"/>')
    out.append('  <key id="year" for="graph" attr.name="year" attr.type="int"/>')
    out.append('  <graph id="%s" edgedefault="directed">' % name)
    out.append('    <data key="glabel">%s</data><data key="year">%d</data>' % (escape(label), year))
    for (aid, lab, kind, sector, size, own, loc) in n.actors:
        parts = ['<data key="label">%s</data>' % escape(lab), '<data key="kind">%s</data>' % kind]
        if sector:
            parts.append('<data key="sector">%s</data>' % escape(sector))
        parts += ['<data key="size">%s</data>' % size, '<data key="ownership">%s</data>' % own,
                  '<data key="location">%s</data>' % loc]
        out.append('    <node id="%s">%s</node>' % (aid, "".join(parts)))
    for k, (s, t, rel) in enumerate(n.edges):
        out.append('    <edge id="e%d" source="%s" target="%s"><data key="relation">%s</data></edge>'
                   % (k + 1, s, t, rel))
    out += ["  </graph>", "</graphml>"]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
