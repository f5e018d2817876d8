# SPDX-License-Identifier: MIT
"""Networks, classifications and comparisons, over the calls of _lib."""

import os
import re

from . import _lib, _nx
from ._lib import Error

try:  # pandas is optional: tables are DataFrames with it, lists of dicts without
    import pandas as _pandas
except ImportError:  # pragma: no cover - depends on the installation
    _pandas = None

# The columns of an actor table that come from the network, before the measures.
_ACTOR_COLUMNS = ("id", "label", "layer", "name", "kind", "size", "ownership", "location", "sector")


def _table(rows, as_frame, index=None):
    """rows as a DataFrame (as_frame None: when pandas is installed) or a list."""
    if as_frame is None:
        as_frame = _pandas is not None
    if not as_frame:
        return rows
    if _pandas is None:
        raise Error("as_frame=True needs pandas, which is not installed")
    frame = _pandas.DataFrame.from_records(rows)
    return frame.set_index(index) if index and len(frame) else frame


def _flatten(d, prefix=""):
    """{"ei": {"index": 1}} -> {"ei.index": 1}: one column per measure."""
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update(_flatten(v, prefix + k + "."))
        else:
            out[prefix + k] = v
    return out


def _source(x, what):
    """A Network, or a path read into one."""
    if isinstance(x, Network):
        return x
    if isinstance(x, (str, bytes, os.PathLike)):
        return read(x)
    raise TypeError("%s must be a clustermap.Network or a path, not %s" % (what, type(x).__name__))


class Network:
    """One snapshot of a cluster: actors with attributes and typed ties.

    Make one with clustermap.read(), read_all() or from_networkx(). A network
    is immutable; every method computes from it and returns Python values.

    Attributes: id, label and year (of the graph; None when the file gives
    none), source (the file name), layers (relation layer names, standard
    ones first), warnings (the reader's warnings, as dicts with level, file,
    line, col and message). len(net) is the number of actors.
    """

    def __init__(self, ptr, warnings=()):
        # ptr is an owned cm_network * (released with the object).
        self._ptr = ptr
        s = _lib.network_summary(ptr)
        self.source = s["source"]
        self.id = s["id"] or None
        self.label = s["label"] or None
        self.year = s["year"]
        self.layers = s["layers"]
        self._nodes, self._edges = s["nodes"], s["edges"]
        self.warnings = list(warnings)

    def __len__(self):
        return self._nodes

    @property
    def edge_count(self):
        """The number of ties, every layer together."""
        return self._edges

    def __repr__(self):
        name = self.label or self.id or self.source or "network"
        return "<clustermap.Network %r: %d actors, %d ties, layers %s>" % (
            name, self._nodes, self._edges, ", ".join(self.layers) or "none")

    # ------------------------------------------------------------ model

    def actors(self, as_frame=None):
        """Every actor: id, name (the label, else the id), kind, size (None
        when unknown), ownership, location, sector (None when none) and the
        file's other node attributes, with their GraphML type. A DataFrame indexed by id
        when pandas is installed (as_frame=None), else a list of dicts."""
        return _table(self._actor_rows(), as_frame, index="id")

    def _actor_rows(self):
        rows = []
        for n in _lib.nodes(self._ptr):
            # label as the CLI's CSV has it: missing when the file gave none
            n = dict(n, label=n["name"] if n["has_label"] else None)
            row = {k: n[k] for k in _ACTOR_COLUMNS if k in n}
            for k, v in n["attributes"].items():
                row[k if k not in row else "attr." + k] = v
            rows.append(row)
        return rows

    def info(self):
        """The summary behind `clustermap info` (docs/json.md, "info"): node
        and edge counts, actors by kind, size, ownership and location, ties
        by layer and direction, isolates and attribute completeness."""
        report = _lib.info_json(self._ptr)
        return report["snapshots"][0]

    # ------------------------------------------------------------ measures

    def metrics(self, layer=None, actors=False, as_frame=None, weighted=False, inside_only=False,
                groups=None, permutations=None, seed=None, approx=None, exact=False):
        """Measures of every relation layer and of "all" (docs/metrics.md).

        actors=False: one row per layer with every network-level measure
        (nested ones flattened: "centralization.degree", "ei.index", ...).
        actors=True: one row per actor and layer, as `clustermap metrics
        --format csv` gives them, with the actor's name and attributes.
        Undefined values are NaN in a DataFrame and None in a list.

        layer: one layer only (a name or "all"). The other options are those
        of `clustermap metrics`: weighted, inside_only, groups (the attribute
        for E-I and brokerage), permutations (E-I test, default 1000), seed
        (default 1), approx (sample K sources), exact (never sample).
        as_frame: None for a DataFrame when pandas is installed, True or
        False to choose.
        """
        report = _lib.metrics_json(self._ptr, layer=layer, weighted=weighted,
                                   inside_only=inside_only, groups=groups,
                                   permutations=permutations, seed=seed, approx=approx,
                                   exact=exact)
        if actors:
            return _table(self._actor_measures(report), as_frame)
        rows = [dict(layer=name, **_flatten(values)) for name, values in report["layers"].items()]
        return _table(rows, as_frame, index="layer")

    def _actor_measures(self, report):
        about = {r["id"]: r for r in self._actor_rows()}
        rows = []
        for a in report["actors"]:
            row = {"id": a["id"], "layer": a["layer"]}
            for k, v in about[a["id"]].items():
                if k not in row:
                    row[k if k not in a else "attr." + k] = v
            for k, v in a.items():
                if k not in ("id", "layer"):
                    row[k] = v
            rows.append(row)
        return rows

    # ------------------------------------------------------------ classification

    def classify(self, seed=None, replicates=None, stability=None, hybrid_margin=None):
        """Which of Markusen's district types the network matches
        (docs/classification.md), as `clustermap classify` says.

        seed: of every random draw (default 1); replicates: null-model
        replicates per indicator for the z-scores (default 20, 0 for none);
        stability: jackknife and edge-dropout replicates for the confidence
        (default 20); hybrid_margin: score difference under which the top two
        types make a hybrid (default 0.20). Returns a Classification.
        """
        report, text, used = _lib.classify(self._ptr, seed=seed, replicates=replicates,
                                           stability=stability, hybrid_margin=hybrid_margin)
        return Classification(report, text, used)

    # ------------------------------------------------------------ drawing

    def render(self, path, format=None, **options):
        """Draws the cluster map into path, atomically (docs/render.md).

        The format comes from the extension (.svg, .png, .pdf, .dot, .gv) or
        from format. Options as in `clustermap render`: layer, size_by,
        color_by, labels, label_length, title, layout, aggregate_above, full,
        seed.
        """
        _lib.render_file(self._ptr, os.fspath(path), fmt=format, **options)

    def to_svg(self, **options):
        """The cluster map as SVG text (options as for render())."""
        return _lib.render_bytes(self._ptr, "svg", **options).decode("utf-8")

    def _repr_svg_(self):
        # Jupyter shows a network as its map.
        return self.to_svg()

    # ------------------------------------------------------------ conversion

    def to_graphml(self):
        """The network written back as GraphML text."""
        return _lib.write_graphml(self._ptr).decode("utf-8")

    def to_networkx(self):
        """A networkx.MultiDiGraph: nodes keyed by id with label, kind, size,
        ownership, location, sector and the other attributes; one edge per
        tie (parallel ties kept) with relation, directed, weight, year, start
        and end when given, and the other attributes. Other attributes keep
        their GraphML type. Graph attributes id, label, year."""
        return _nx.to_networkx(self)

    @classmethod
    def from_networkx(cls, graph, **read_options):
        """A network from any networkx graph (see clustermap.from_networkx)."""
        return from_networkx(graph, **read_options)


class Classification:
    """The verdict of Network.classify() with its evidence.

    type           "italianate", "hub_and_spoke", "satellite_platform",
                   "state_anchored", "hybrid" or "unclassified"
    hybrid_of      the two types of a hybrid, best first ([] otherwise)
    scores         {type: agreement score in [-1, 1]} for the four types
    gates          {type: (holds, why not)} for the four types
    margin         best minus second-best eligible score (None when
                   unclassified)
    confidence     "low", "medium" or "high"
    confidence_score, limited_by  the score in [0, 1] and what limits it
    sensitivity    how the verdict stands up to perturbation: the share of
                   actor and tie drops that agree ("stability"), the
                   --stability option ("replicates"), the margin, the lead,
                   what limits the confidence and its words ("limit"), and
                   the reruns that flip the verdict as (change, verdict)
                   pairs ("flips"; docs/classification.md, "Sensitivity")
    indicators     every indicator: id, name, layer, value, z, null model,
                   its mean and sd (a DataFrame indexed by id with pandas,
                   else a list of dicts)
    drivers        ids of the indicators that drive the verdict most
    secondary      the secondary readings (enright, altenburg_meyer_stamer,
                   collective_efficiency)
    explanation    the verdict in plain words, as the text report says it
    report         the whole text report of `clustermap classify`
    json           the JSON report (docs/json.md, "classify") as a dict
    """

    def __init__(self, report, text, options):
        self.json = report
        self.report = text
        self.options = options
        self.type = report["type"]
        self.hybrid_of = list(report.get("hybrid_of") or [])
        self.scores = dict(report["scores"])
        self.gates = {t: (g["holds"], g["why"]) for t, g in report["gates"].items()}
        self.margin = report.get("margin")
        conf = report["confidence"]
        self.confidence = conf["level"]
        self.confidence_score = conf["score"]
        self.limited_by = conf["limited_by"]
        self.why = report.get("why") or ""
        self.drivers = list(report.get("drivers") or [])
        self.secondary = dict(report.get("secondary") or {})
        flips = (report.get("sensitivity") or {}).get("flips", [])
        self.sensitivity = {"stability": conf.get("stability"),
                            "replicates": options["stability"], "margin": self.margin,
                            "lead": conf.get("lead"), "limited_by": self.limited_by,
                            "limit": conf.get("limit"),
                            "flips": [(f["what"], _verdict_words(f)) for f in flips]}
        self.explanation = _explanation(text)
        self._indicators = [_indicator_row(i) for i in report["indicators"]]

    @property
    def indicators(self):
        return _table(self._indicators, None, index="id")

    def indicator_table(self, as_frame=None):
        """The indicators, choosing between a DataFrame and a list of dicts."""
        return _table(self._indicators, as_frame, index="id")

    def __repr__(self):
        return "<clustermap.Classification %s (confidence %s)>" % (self.type, self.confidence)

    def __str__(self):
        return self.report


def _indicator_row(i):
    null = i.get("null") or {}
    return {"id": i["id"], "name": i["name"], "layer": i.get("layer"), "value": i.get("value"),
            "z": i.get("z"), "null_model": null.get("model"), "null_mean": null.get("mean"),
            "null_sd": null.get("sd")}


# A row of the evidence ("  scores      italianate 0.521, ...") ends the prose.
_EVIDENCE = re.compile(r"^  [a-z_]+ {2,}\S")


def _explanation(text):
    """The plain-words paragraphs that follow the verdict line of the text report."""
    paragraphs, current = [], []
    for line in text.splitlines()[1:]:
        if _EVIDENCE.match(line):
            break
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


# ---------------------------------------------------------------- functions

def read_all(path, map=None, flip_information=False):
    """Every snapshot of a file (one per <graph>), as a list of Networks.

    path: any file `clustermap` reads. map: "ours=theirs,..." to read
    another tool's attribute names (as --map); flip_information: the file
    records information ties asker -> adviser (as --flip-information).
    Raises Error with the library's message (FILE:LINE:COL: error: ...)
    when the file cannot be read.
    """
    nets, warnings = _lib.read_file(os.fspath(path), map_=map, flip_information=flip_information)
    return [Network(p, warnings) for p in nets]


def read(path, snapshot=None, map=None, flip_information=False):
    """One network from a file (options as for read_all()).

    A file with several snapshots needs snapshot=i (0-based), or read_all().
    """
    nets = read_all(path, map=map, flip_information=flip_information)
    if snapshot is not None:
        if not 0 <= snapshot < len(nets):
            raise Error("%s: error: no snapshot %d; the file holds %d"
                        % (os.fspath(path), snapshot, len(nets)), _lib.lib.CM_EINVAL)
        return nets[snapshot]
    if len(nets) != 1:
        raise Error("%s: error: the file holds %d snapshots; pass snapshot=I or use read_all()"
                    % (os.fspath(path), len(nets)), _lib.lib.CM_EINVAL)
    return nets[0]


def from_networkx(graph, map=None, flip_information=False):
    """A Network from a networkx graph (Graph, DiGraph, MultiGraph or
    MultiDiGraph).

    Node keys become actor ids (as str); node attributes label, kind, size
    (a word, or a number of employees), ownership, location and sector are
    the model's, any others are kept. Edge attributes: relation (the layer;
    "untyped" when absent), weight, year, start, end, and directed (True or
    False; default: whether the graph is directed). Graph attributes id,
    label and year name the snapshot. Values are checked as in a file:
    a bad one raises Error naming "<networkx>:LINE:COL".
    """
    data = _nx.graphml_text(graph).encode("utf-8")
    nets, warnings = _lib.read_buffer(data, "<networkx>", map_=map,
                                      flip_information=flip_information)
    return Network(nets[0], warnings)


def _compare_args(permutations, seed, match_by, no_classify, weighted, inside_only, groups,
                  approx, exact):
    return dict(match_by=match_by, permutations=permutations, seed=seed,
                no_classify=no_classify, weighted=weighted, inside_only=inside_only,
                groups=groups, approx=approx, exact=exact)


def diff(old, new, match_by=None, permutations=None, seed=None, no_classify=False,
         weighted=False, inside_only=False, groups=None, approx=None, exact=False):
    """Compares two snapshots, as `clustermap diff OLD NEW --format json`
    (docs/json.md, "diff"; docs/time.md): actors entered and left, ties
    formed, dissolved and persisted per layer with their Jaccard and QAP,
    network measures old and new, and the classifications.

    old, new: Networks or paths. match_by: a node attribute that identifies
    an actor across snapshots (default the id). permutations: QAP
    permutations (default 1000); seed (default 1); no_classify: skip the
    classifications. Returns the report's "diff" object as a dict.
    """
    a, b = _source(old, "old"), _source(new, "new")
    report = _lib.diff_json(a._ptr, b._ptr, **_compare_args(permutations, seed, match_by,
                                                           no_classify, weighted, inside_only,
                                                           groups, approx, exact))
    return report["diff"]


def timeline(snapshots, match_by=None, permutations=None, seed=None, no_classify=False,
             weighted=False, inside_only=False, groups=None, approx=None, exact=False):
    """Measures and classification of every snapshot and the changes from
    the one before, as `clustermap timeline --format json` (docs/json.md,
    "timeline"). snapshots: Networks or paths, in order (options as for
    diff()). Returns the report's "timeline" object as a dict.
    """
    nets = [_source(s, "each snapshot") for s in snapshots]
    if len({id(n) for n in nets}) != len(nets):
        raise Error("timeline: a snapshot is given twice; give each network once",
                    _lib.lib.CM_EINVAL)
    report = _lib.timeline_json([n._ptr for n in nets],
                                **_compare_args(permutations, seed, match_by, no_classify,
                                                weighted, inside_only, groups, approx, exact))
    return report["timeline"]


def _verdict_words(flip):
    """"italianate", or "hybrid of italianate and hub_and_spoke"."""
    if flip["to"] == "hybrid":
        return "hybrid of " + " and ".join(flip["hybrid_of"])
    return flip["to"]
