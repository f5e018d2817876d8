# SPDX-License-Identifier: MIT
"""networkx round trips: nothing lost, parallel ties kept, same results."""

import pytest

import clustermap

nx = pytest.importorskip("networkx")

FILES = ["samples/prato.graphml", "samples/state-anchored.graphml",
         "tests/data/reference/florentine.graphml", "samples/drift-dated.graphml"]


def edge_multiset(g):
    return sorted((s, t, tuple(sorted(d.items()))) for s, t, d in g.edges(data=True))


@pytest.mark.parametrize("path", FILES)
def test_round_trip(path):
    net = clustermap.read(path)
    g = net.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(net) and g.number_of_edges() == net.edge_count
    back = clustermap.from_networkx(g)
    h = back.to_networkx()
    assert dict(g.nodes(data=True)) == dict(h.nodes(data=True))
    assert edge_multiset(g) == edge_multiset(h)
    assert g.graph == h.graph
    assert back.layers == net.layers
    # The same warnings (custom layers, say), now placed in the text read.
    assert {w["message"] for w in back.warnings} == {w["message"] for w in net.warnings}


def test_round_trip_keeps_results():
    net = clustermap.read("samples/prato.graphml")
    back = clustermap.Network.from_networkx(net.to_networkx())
    a, b = net.classify(replicates=4, stability=4), back.classify(replicates=4, stability=4)
    assert (a.type, a.scores, a.confidence) == (b.type, b.scores, b.confidence)
    assert a.indicator_table(as_frame=False) == b.indicator_table(as_frame=False)
    ma = net.metrics(actors=True, as_frame=False, permutations=0)
    mb = back.metrics(actors=True, as_frame=False, permutations=0)
    assert ma == mb


def test_prato_attributes():
    g = clustermap.read("samples/prato.graphml").to_networkx()
    cecchi = g.nodes["lan-cecchi"]
    assert cecchi["label"] == "Lanificio Cecchi & Figli S.r.l."
    assert (cecchi["kind"], cecchi["size"], cecchi["ownership"], cecchi["location"]) == (
        "firm", "medium", "local", "inside")
    assert cecchi["sector"] == "wool fabrics"
    assert g.graph == {"id": "prato", "label": "Prato wool-textile district", "year": 2019}
    rel = {d["relation"] for _, _, d in g.edges(data=True)}
    assert rel == {"supplier", "association", "information"}


def test_parallel_ties_are_kept():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", relation="supplier", weight=2.5, year=2019)
    g.add_edge("a", "b", relation="supplier", weight=1.0)
    g.add_edge("b", "a", relation="information")
    net = clustermap.from_networkx(g)
    assert net.edge_count == 3
    h = net.to_networkx()
    assert h.number_of_edges("a", "b") == 2
    assert sorted(d["weight"] for d in h.get_edge_data("a", "b").values()) == [1.0, 2.5]
    assert {d.get("year") for d in h.get_edge_data("a", "b").values()} == {2019, None}


def test_simple_graphs_and_direction():
    g = nx.Graph()
    g.add_node(1, kind="association", label="CNA")
    g.add_node(2, size=120)  # employees: a medium firm
    g.add_edge(1, 2, relation="association")
    net = clustermap.from_networkx(g)
    h = net.to_networkx()
    assert h.nodes["1"]["kind"] == "association" and h.nodes["1"]["label"] == "CNA"
    assert h.nodes["2"]["size"] == "medium"
    (_, _, d), = h.edges(data=True)
    assert d["directed"] is False
    g2 = nx.DiGraph()
    g2.add_edge("x", "y", relation="supplier", directed=False)
    (_, _, d2), = clustermap.from_networkx(g2).to_networkx().edges(data=True)
    assert d2["directed"] is False


def test_other_attributes_and_graph_fields():
    g = nx.DiGraph(id="t", label="Test", year=2020)
    g.add_node("a", vat="IT01", listed=True, founded=1950, share=0.5)
    g.add_node("b")
    g.add_edge("a", "b", relation="supplier")
    net = clustermap.from_networkx(g)
    assert (net.id, net.label, net.year) == ("t", "Test", 2020)
    actors = net.actors(as_frame=False)
    a = next(r for r in actors if r["id"] == "a")
    # Other attributes keep their GraphML type.
    assert (a["vat"], a["listed"], a["founded"], a["share"]) == ("IT01", True, 1950, 0.5)


def test_bad_values_are_the_readers_errors():
    g = nx.DiGraph()
    g.add_edge("a", "b", relation="supplier", weight=float("nan"))
    with pytest.raises(clustermap.Error) as e:
        clustermap.from_networkx(g)
    assert str(e.value).startswith("<networkx>:")
    line, col = str(e.value).split(":")[1:3]
    assert int(line) > 0 and int(col) > 0
    assert e.value.code < 0
    assert e.value.diagnostics[0]["file"] == "<networkx>"


def test_edge_attributes_beyond_the_model():
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", relation="supplier", contract="C-1", value=3.5)
    g.add_edge("a", "b", relation="supplier")
    h = clustermap.from_networkx(g).to_networkx()
    got = [(d.get("contract"), d.get("value")) for d in h.get_edge_data("a", "b").values()]
    assert sorted(got, key=str) == [("C-1", 3.5), (None, None)]


def test_markup_in_names_and_values():
    g = nx.DiGraph(label='R&D "district" <2020>')
    g.add_node('A&B <x>', label="Caf\u00e9 'Rossi' & Figli", sector="<wool>")
    g.add_edge('A&B <x>', 'q"uote', relation="supplier")
    net = clustermap.from_networkx(g)
    assert net.label == 'R&D "district" <2020>'
    h = net.to_networkx()
    assert set(h.nodes) == {'A&B <x>', 'q"uote'}
    assert h.nodes['A&B <x>']["label"] == "Caf\u00e9 'Rossi' & Figli"
    assert h.nodes['A&B <x>']["sector"] == "<wool>"


def test_control_characters_are_refused():
    g = nx.DiGraph()
    g.add_edge("a\x01", "b", relation="supplier")
    with pytest.raises(clustermap.Error, match="^<networkx>:"):
        clustermap.from_networkx(g)


def test_clashing_node_names():
    g = nx.Graph()
    g.add_nodes_from([1, "1"])
    with pytest.raises(clustermap.Error, match="both written '1'"):
        clustermap.from_networkx(g)


def test_warnings_are_kept():
    g = nx.DiGraph()
    g.add_node("a", kind="brewery")
    g.add_edge("a", "b", relation="supplier")
    net = clustermap.from_networkx(g)
    assert net.warnings and net.warnings[0]["level"] == "warning"
    assert net.actors(as_frame=False)[0]["kind"] == "other"
