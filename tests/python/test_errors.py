# SPDX-License-Identifier: MIT
"""Failures raise clustermap.Error with the library's message."""

import glob
import os

import pytest

import clustermap
from conftest import SRC, cli

BAD = sorted(os.path.relpath(p, SRC)
             for p in glob.glob(os.path.join(SRC, "tests/data/bad/*.graphml")))


@pytest.mark.parametrize("path", BAD)
def test_bad_files_raise_the_first_message(path):
    # The first error is the one `clustermap validate` prints first.
    with pytest.raises(clustermap.Error) as e:
        clustermap.read(path)
    lines = cli("validate", path, check=False).stderr.decode().splitlines()
    first = next(line for line in lines if ": error: " in line)
    assert str(e.value) == first
    assert e.value.code < 0
    errors = [d for d in e.value.diagnostics if d["level"] == "error"]
    assert errors and errors[0]["file"] == path


def test_file_line_col():
    with pytest.raises(clustermap.Error) as e:
        clustermap.read("tests/data/bad/unknown-endpoint.graphml")
    assert str(e.value).startswith("tests/data/bad/unknown-endpoint.graphml:5:36: error: ")
    d = e.value.diagnostics[0]
    assert (d["line"], d["col"]) == (5, 36)


def test_missing_file():
    with pytest.raises(clustermap.Error, match="no-such-file.graphml"):
        clustermap.read("no-such-file.graphml")


def test_several_snapshots_need_a_choice():
    with pytest.raises(clustermap.Error, match="5 snapshots"):
        clustermap.read("samples/drift.graphml")
    assert clustermap.read("samples/drift.graphml", snapshot=4).year == 2021
    with pytest.raises(clustermap.Error, match="no snapshot 5"):
        clustermap.read("samples/drift.graphml", snapshot=5)


def test_unknown_layer():
    net = clustermap.read("samples/prato.graphml")
    with pytest.raises(clustermap.Error, match="nosuchlayer"):
        net.metrics(layer="nosuchlayer")


def test_unknown_render_format(tmp_path):
    net = clustermap.read("samples/prato.graphml")
    with pytest.raises(clustermap.Error):
        net.render(tmp_path / "map.xyz")
    with pytest.raises(clustermap.Error, match="unknown drawing format"):
        net.render(tmp_path / "map.svg", format="bmp")
    assert list(tmp_path.iterdir()) == []


def test_bad_match_attribute():
    with pytest.raises(clustermap.Error):
        clustermap.diff("tests/data/time/pair-old.graphml", "tests/data/time/pair-new.graphml",
                        match_by="no_such_attribute", permutations=0, no_classify=True)


def test_error_is_an_exception_with_fields():
    e = clustermap.Error("x", -6, [{"level": "error"}])
    assert isinstance(e, Exception) and e.code == -6 and e.diagnostics == [{"level": "error"}]


def test_without_pandas_tables_are_lists():
    net = clustermap.read("samples/hub-and-spoke.graphml")
    rows = net.metrics(actors=True, as_frame=False, permutations=0)
    assert isinstance(rows, list) and isinstance(rows[0], dict)
    assert isinstance(net.classify(replicates=0, stability=0).indicator_table(as_frame=False),
                      list)


def test_help_is_useful():
    doc = clustermap.__doc__
    for name in ("read", "from_networkx", "metrics", "classify", "render", "diff", "timeline",
                 "Error"):
        assert name in doc
    for f in (clustermap.read, clustermap.read_all, clustermap.diff, clustermap.timeline,
              clustermap.from_networkx, clustermap.Network.metrics, clustermap.Network.classify,
              clustermap.Network.render, clustermap.Network.to_networkx, clustermap.Error):
        assert f.__doc__ and len(f.__doc__) > 60, f
