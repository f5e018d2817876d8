# SPDX-License-Identifier: MIT
"""Conversion between clustermap networks and networkx graphs.

A networkx graph becomes GraphML text that the library's reader checks and
reads, so a graph from Python meets exactly the rules of a file: the same
vocabulary, the same warnings and the same errors.
"""

from xml.sax.saxutils import escape, quoteattr

from . import _lib

_MODEL_NODE = ("label", "kind", "size", "ownership", "location", "sector")
_MODEL_EDGE = ("relation", "weight", "year", "start", "end")


def to_networkx(net):
    import networkx as nx

    g = nx.MultiDiGraph()
    for key, value in (("id", net.id), ("label", net.label), ("year", net.year)):
        if value is not None:
            g.graph[key] = value
    nodes = _lib.nodes(net._ptr)
    for n in nodes:
        attrs = {"label": n["name"]} if n["has_label"] else {}
        for key in ("kind", "size", "ownership", "location", "sector"):
            if n[key] is not None:
                attrs[key] = n[key]
        attrs.update(n["attributes"])
        g.add_node(n["id"], **attrs)
    for s, t, attrs in _lib.edges(net._ptr):
        g.add_edge(nodes[s]["id"], nodes[t]["id"], **attrs)
    return g


def _graphml_type(values):
    """The narrowest GraphML type that holds every value."""
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "long"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


class _Keys:
    """The <key> declarations of one domain (node, edge, graph)."""

    def __init__(self, domain, prefix, items, skip=()):
        values = {}
        for attrs in items:
            for k, v in attrs.items():
                if v is not None and k not in skip:
                    values.setdefault(str(k), []).append(v)
        self.ids = {name: "%s%d" % (prefix, i) for i, name in enumerate(sorted(values))}
        self.lines = ['  <key id="%s" for="%s" attr.name=%s attr.type="%s"/>'
                      % (self.ids[name], domain, quoteattr(name), _graphml_type(values[name]))
                      for name in sorted(values)]

    def data(self, attrs, skip=()):
        return "".join('<data key="%s">%s</data>' % (self.ids[str(k)], escape(_text(v)))
                       for k, v in sorted(attrs.items(), key=lambda kv: str(kv[0]))
                       if v is not None and k not in skip)


def _ids(graph):
    ids = {}
    for n in graph.nodes:
        s = str(n)
        if s in ids.values():
            raise _lib.Error("<networkx>: error: two nodes are both written '%s'; "
                             "give them distinct names" % s, _lib.lib.CM_EINVAL)
        ids[n] = s
    return ids


def graphml_text(graph):
    """A networkx graph as GraphML text for the library's reader."""
    ids = _ids(graph)
    multi = graph.is_multigraph()
    edges = list(graph.edges(keys=False, data=True)) if multi else list(graph.edges(data=True))
    gattrs = {k: graph.graph[k] for k in ("label", "year") if k in graph.graph}
    node_keys = _Keys("node", "n", (a for _, a in graph.nodes(data=True)))
    edge_keys = _Keys("edge", "e", (a for _, _, a in edges), skip=("directed",))
    graph_keys = _Keys("graph", "g", [gattrs])
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    out += node_keys.lines + edge_keys.lines + graph_keys.lines
    gid = graph.graph.get("id")
    out.append('  <graph%s edgedefault="%s">%s'
               % ("" if gid is None else " id=" + quoteattr(str(gid)),
                  "directed" if graph.is_directed() else "undirected", graph_keys.data(gattrs)))
    for n, attrs in graph.nodes(data=True):
        out.append("    <node id=%s>%s</node>" % (quoteattr(ids[n]), node_keys.data(attrs)))
    for s, t, attrs in edges:
        d = attrs.get("directed")
        out.append("    <edge source=%s target=%s%s>%s</edge>"
                   % (quoteattr(ids[s]), quoteattr(ids[t]),
                      "" if d is None else ' directed="%s"' % ("true" if d else "false"),
                      edge_keys.data(attrs, skip=("directed",))))
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out)
