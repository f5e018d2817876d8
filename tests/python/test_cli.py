# SPDX-License-Identifier: MIT
"""The package gives what the command line gives, on the same files."""

import csv
import glob
import io
import math
import os

import pytest

import clustermap
from conftest import SRC, cli, cli_json

# Every single-snapshot sample and reference network of the tree.
FILES = sorted(os.path.relpath(p, SRC) for p in
               glob.glob(os.path.join(SRC, "samples", "*.graphml")) +
               glob.glob(os.path.join(SRC, "tests", "data", "reference", "*.graphml"))
               if not p.endswith("samples/drift.graphml"))
# Fewer replicates keep the suite quick; the options reach the library
# exactly as the command line's do.
FAST = dict(replicates=4, stability=4)


def without(d, *keys):
    return {k: v for k, v in d.items() if k not in keys}


def same_value(a, b):
    """A CSV field against the package's value: text as text, numbers as numbers."""
    if isinstance(a, str) or (a is None and b != "" and not b[0].isdigit()):
        return (a or "") == b
    return same_number(a, b)


def same_number(a, b):
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)):
        return (a is None or math.isnan(a)) and (b is None or b == "" or math.isnan(b))
    return float(a) == float(b)


def test_files_found():
    assert len(FILES) >= 6


def test_done_when():
    # The check: the package prints the same type as the command.
    net = clustermap.read("samples/prato.graphml")
    assert net.classify().type == cli_json("classify", "samples/prato.graphml")["type"]


@pytest.mark.parametrize("path", FILES)
def test_classify_equals_cli(path):
    got = clustermap.read(path).classify(seed=3, **FAST)
    want = cli_json("classify", "--seed", "3", "--replicates", "4", "--stability", "4", path)
    assert got.type == want["type"]
    assert got.scores == want["scores"]
    assert got.confidence == want["confidence"]["level"]
    assert without(got.json, "input") == without(want, "input")
    assert [i["id"] for i in want["indicators"]] == list(
        r["id"] for r in got.indicator_table(as_frame=False))
    text = cli("classify", "--seed", "3", "--replicates", "4", "--stability", "4", path)
    assert got.report == text.stdout.decode()
    assert got.explanation and got.explanation.split()[0] == "This"
    assert " ".join(got.explanation.split()) in " ".join(got.report.split())


def test_sensitivity_counts_the_replicates():
    got = clustermap.read("samples/prato.graphml").classify(**FAST)
    assert got.sensitivity["replicates"] == 4
    assert got.sensitivity["stability"] == got.json["confidence"]["stability"]
    assert got.sensitivity["margin"] == got.margin


@pytest.mark.parametrize("path", FILES)
def test_actor_metrics_equal_cli_csv(path):
    table = clustermap.read(path).metrics(actors=True, permutations=50, as_frame=False)
    rows = list(csv.DictReader(io.StringIO(
        cli("metrics", "--format", "csv", "--permutations", "50", path).stdout.decode())))
    assert [(r["id"], r["layer"]) for r in table] == [(r["id"], r["layer"]) for r in rows]
    for got, want in zip(table, rows):
        for column, value in want.items():
            if column not in ("id", "layer"):
                assert same_value(got[column], value), (got["id"], got["layer"], column)


def test_actor_metrics_carry_names_and_attributes():
    nx = pytest.importorskip("networkx")
    path = "samples/prato.graphml"
    g = nx.read_graphml(path)
    table = clustermap.read(path).metrics(actors=True, as_frame=False)
    for row in table:
        assert row["name"] == g.nodes[row["id"]].get("label", row["id"])
        assert row["sector"] == g.nodes[row["id"]].get("sector")
        assert row["ownership"] == g.nodes[row["id"]]["ownership"]


def test_actor_metrics_frame():
    pd = pytest.importorskip("pandas")
    frame = clustermap.read("samples/prato.graphml").metrics(actors=True, layer="supplier")
    assert isinstance(frame, pd.DataFrame)
    rows = list(csv.DictReader(io.StringIO(cli(
        "metrics", "--format", "csv", "--layer", "supplier", "samples/prato.graphml"
    ).stdout.decode())))
    assert list(frame["id"]) == [r["id"] for r in rows]
    assert list(frame["betweenness"]) == [float(r["betweenness"]) for r in rows]
    assert frame["in_degree"].isna().sum() == sum(r["in_degree"] == "" for r in rows)
    assert "name" in frame.columns and "kind" in frame.columns


@pytest.mark.parametrize("path", FILES)
def test_network_metrics_equal_cli_json(path):
    got = clustermap.read(path).metrics(permutations=50, as_frame=False)
    want = cli_json("metrics", "--permutations", "50", path)["layers"]
    assert [r["layer"] for r in got] == list(want)
    for row in got:
        layer = want[row["layer"]]
        assert row["density"] == layer["density"]
        assert row["directed"] == layer["directed"]
        assert row["centralization.degree"] == layer["centralization"]["degree"]
        ei = layer["ei"]
        assert row.get("ei.index") == (ei or {}).get("index")


def test_network_metrics_frame_by_layer():
    pd = pytest.importorskip("pandas")
    frame = clustermap.read("samples/prato.graphml").metrics()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.index) == ["supplier", "association", "information", "all"]
    want = cli_json("metrics", "samples/prato.graphml")["layers"]
    assert frame.loc["all", "density"] == want["all"]["density"]


def test_one_layer():
    got = clustermap.read("samples/prato.graphml").metrics(layer="information", as_frame=False)
    assert [r["layer"] for r in got] == ["information"]


@pytest.mark.parametrize("path", FILES)
def test_info_equals_cli(path):
    got = clustermap.read(path).info()
    assert got == cli_json("info", path)["snapshots"][0]


def test_diff_equals_cli():
    old, new = "tests/data/time/pair-old.graphml", "tests/data/time/pair-new.graphml"
    got = clustermap.diff(old, new, permutations=99)
    want = cli_json("diff", "--permutations", "99", old, new)["diff"]
    assert got == want
    again = clustermap.diff(clustermap.read(old), clustermap.read(new), permutations=99)
    assert again == want


def test_timeline_equals_cli():
    nets = clustermap.read_all("samples/drift.graphml")
    assert len(nets) == 5
    got = clustermap.timeline(nets, permutations=20, no_classify=True)
    want = cli_json("timeline", "--permutations", "20", "--no-classify", "samples/drift.graphml")
    assert got == want["timeline"]
    # The networks lent to the timeline are still whole afterwards.
    assert [len(n) for n in nets] == [s["actors"] for s in got["snapshots"]]


def test_timeline_of_paths():
    files = sorted(glob.glob("tests/data/time/drift-20*.graphml"))
    got = clustermap.timeline(files, permutations=0, no_classify=True)
    want = cli_json("timeline", "--permutations", "0", "--no-classify", *files)
    assert got == want["timeline"]


def test_render_equals_cli(tmp_path):
    net = clustermap.read("samples/hub-and-spoke.graphml")
    net.render(tmp_path / "py.svg")
    cli("render", "samples/hub-and-spoke.graphml", "-o", str(tmp_path / "cli.svg"))
    assert (tmp_path / "py.svg").read_bytes() == (tmp_path / "cli.svg").read_bytes()
    svg = net._repr_svg_()
    assert svg == (tmp_path / "cli.svg").read_text()


def test_render_dot_by_format(tmp_path):
    net = clustermap.read("samples/prato.graphml")
    net.render(tmp_path / "map.txt", format="dot")
    assert (tmp_path / "map.txt").read_text().lstrip().startswith(("digraph", "graph", "strict"))
