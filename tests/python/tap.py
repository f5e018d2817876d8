# SPDX-License-Identifier: MIT
"""A pytest plugin that writes one TAP line per test into $CM_TAP_FILE,
for the project's TAP driver (tests/python/pytest.sh)."""

import os

_lines = []


def _record(ok, name, note=""):
    _lines.append("%s %d - %s%s" % ("ok" if ok else "not ok", len(_lines) + 1, name, note))


def pytest_collectreport(report):
    if report.failed:
        _record(False, "collect " + report.nodeid)


def pytest_runtest_logreport(report):
    name = report.nodeid
    if report.when == "call":
        if report.skipped:
            _record(True, name, " # SKIP %s" % (report.longrepr[-1] if report.longrepr else ""))
        else:
            _record(report.passed, name)
    elif report.when == "setup" and report.skipped:
        _record(True, name, " # SKIP %s" % (report.longrepr[-1] if report.longrepr else ""))
    elif report.failed:  # an error in setup or teardown
        _record(False, "%s (%s)" % (name, report.when))


def pytest_sessionfinish(session, exitstatus):
    path = os.environ.get("CM_TAP_FILE")
    if not path:
        return
    with open(path, "w") as f:
        f.write("1..%d\n" % len(_lines))
        for line in _lines:
            f.write(line.replace("\n", " ") + "\n")
