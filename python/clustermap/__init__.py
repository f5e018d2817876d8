# SPDX-License-Identifier: MIT
"""clustermap: network analysis of inter-firm linkages in industrial clusters.

The Python face of libclustermap, the library behind the ``clustermap``
command. Read a network, measure it, classify it after Markusen's district
types, draw it and compare snapshots over time; every result is the one the
command line gives for the same file and options.

    >>> import clustermap
    >>> net = clustermap.read("samples/prato.graphml")
    >>> net.classify().type
    'italianate'

Reading
    read(path)            one network (a file with one snapshot)
    read_all(path)        every snapshot of a file, as a list
    from_networkx(G)      a network from a networkx graph
    Network.to_networkx() back to a networkx MultiDiGraph

Analysis (methods of Network)
    info()                counts by kind, size, ownership, location, layers
    metrics(...)          network measures per layer, or actor measures
                          (actors=True); pandas DataFrames when pandas is
                          installed, else lists of dicts
    classify(...)         Classification: type, scores, confidence,
                          indicators, sensitivity, explanation
    render(path)          a cluster map (SVG, PNG, PDF, DOT); notebooks show
                          a network as its map (_repr_svg_)

Over time
    diff(old, new)        actors entered and left, ties formed and dissolved,
                          QAP, measure and classification changes
    timeline([...])       measures and classification of every snapshot

Errors
    Every failure of the library raises clustermap.Error, whose message is
    the library's own, with FILE:LINE:COL when it refers to a place in a file.

The measures are defined in docs/metrics.md, the classification in
docs/classification.md, the JSON fields the reports come from in
docs/json.md, and this package in docs/python.md.
"""

from . import _lib
from ._lib import Error
from ._network import Classification, Network, diff, from_networkx, read, read_all, timeline

__all__ = ["Error", "Network", "Classification", "read", "read_all", "from_networkx", "diff",
           "timeline", "library_path"]
__version__ = _lib.VERSION  # the loaded library's cm_version()


def library_path():
    """The path of the libclustermap shared library this package loaded."""
    return _lib.LIBRARY
