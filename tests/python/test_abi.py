# SPDX-License-Identifier: MIT
"""The package's copy of the C declarations against the header itself.

cffi in ABI mode trusts the declarations in clustermap/_lib.py: a field
added to an option struct in include/clustermap.h and not here would shift
every later field. A C compiler lays out the header's structs, and each
size and offset must equal the one cffi computes from the copy.
"""

import os
import shutil
import subprocess

import pytest

from conftest import SRC

import clustermap
from clustermap._lib import ffi, lib

STRUCTS = ["cm_buf", "cm_diag", "cm_read_opts", "cm_metrics_opts", "cm_classify_opts",
           "cm_compare_opts", "cm_render_opts"]
VERSIONS = ["CM_READ_OPTS_VERSION", "CM_METRICS_OPTS_VERSION", "CM_CLASSIFY_OPTS_VERSION",
            "CM_COMPARE_OPTS_VERSION", "CM_RENDER_OPTS_VERSION"]


def _program():
    lines = ['#include <stddef.h>', '#include <stdio.h>', '#include "clustermap.h"',
             "int main(void)", "{"]
    for name in STRUCTS:
        lines.append('\tprintf("%s %%zu\\n", sizeof(%s));' % (name, name))
        for field, _ in ffi.typeof(name).fields:
            lines.append('\tprintf("%s.%s %%zu\\n", offsetof(%s, %s));'
                         % (name, field, name, field))
    for name in VERSIONS:
        lines.append('\tprintf("%s %%d\\n", %s);' % (name, name))
    lines += ["\treturn 0;", "}", ""]
    return "\n".join(lines)


def _expected():
    out = {}
    for name in STRUCTS:
        out[name] = ffi.sizeof(name)
        for field, _ in ffi.typeof(name).fields:
            out["%s.%s" % (name, field)] = ffi.offsetof(name, field)
    for name in VERSIONS:
        out[name] = getattr(lib, name)
    return out


def test_declarations_match_the_header(tmp_path):
    cc = shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")
    if not cc:
        pytest.skip("no C compiler to lay out the header's structs")
    src = tmp_path / "abi.c"
    src.write_text(_program())
    exe = tmp_path / "abi"
    subprocess.run([cc, "-std=c11", "-I", os.path.join(SRC, "include"), str(src), "-o",
                    str(exe)], check=True)
    got = dict(line.rsplit(" ", 1) for line in
               subprocess.run([str(exe)], check=True, stdout=subprocess.PIPE,
                              universal_newlines=True).stdout.splitlines())
    got = {k: int(v) for k, v in got.items()}
    # Every field of the header's structs is in the copy, at the same place.
    assert got == _expected()


def test_header_fields_all_copied():
    # The header's option structs have no field the copy lacks: their sizes
    # above would differ, except for padding, so count the fields too.
    header = open(os.path.join(SRC, "include", "clustermap.h")).read()
    for name in STRUCTS:
        body = header.split("typedef struct %s {" % name, 1)[1].split("} %s;" % name, 1)[0]
        fields = [l for l in (x.split("/*")[0].strip() for x in body.splitlines())
                  if l.endswith(";")]
        assert len(fields) == len(ffi.typeof(name).fields), name


def test_version_is_the_library_s():
    assert clustermap.__version__ == ffi.string(lib.cm_version()).decode()
    major = clustermap.__version__.split(".")[0]
    assert major.isdigit()
