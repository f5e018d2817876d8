# SPDX-License-Identifier: MIT
"""Shared fixtures: where the sources and the command are, and how to run it."""

import json
import os
import subprocess

import pytest

SRC = os.environ.get("top_srcdir") or os.path.join(os.path.dirname(__file__), "..", "..")
SRC = os.path.abspath(SRC)
CLI = os.environ.get("CLUSTERMAP") or os.path.join(SRC, "clustermap")


def cli(*args, check=True):
    """Runs the command from the source folder; returns its standard output."""
    r = subprocess.run([CLI] + list(args), cwd=SRC, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=dict(os.environ, LC_ALL="C"))
    if check and r.returncode:
        raise AssertionError("clustermap %s: exit %d\n%s" % (" ".join(args), r.returncode,
                                                             r.stderr.decode()))
    return r


def cli_json(*args):
    return json.loads(cli(*args, "--format", "json").stdout)


@pytest.fixture(autouse=True)
def in_source_folder(monkeypatch):
    # File names in messages and reports are as the command line sees them.
    monkeypatch.chdir(SRC)
