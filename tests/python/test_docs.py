# SPDX-License-Identifier: MIT
"""The examples of docs/python.md, README.md and the package's docstrings run."""

import doctest
import os

import pytest

import clustermap
from conftest import SRC

FLAGS = doctest.ELLIPSIS


def test_docs_python_md():
    pytest.importorskip("pandas")
    pytest.importorskip("networkx")
    result = doctest.testfile(os.path.join(SRC, "docs", "python.md"), module_relative=False,
                              optionflags=FLAGS, report=True)
    assert result.attempted > 20
    assert result.failed == 0


def test_readme():
    pytest.importorskip("pandas")
    result = doctest.testfile(os.path.join(SRC, "README.md"), module_relative=False,
                              optionflags=FLAGS, report=True)
    assert result.attempted >= 5
    assert result.failed == 0


def test_docstrings():
    result = doctest.testmod(clustermap, optionflags=FLAGS, report=True)
    assert result.attempted > 0
    assert result.failed == 0
