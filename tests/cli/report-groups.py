#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Helper of tests/cli/report-groups.sh: the grouped map's data of a report
(the JSON block's "layers", "groups" and "group_ties"), one group or tie a
line, so that two reports compare with diff.

Usage: report-groups.py REPORT.html"""
import json
import re
import sys


def main(path):
    text = open(path, encoding="utf-8").read()
    block = re.search(r'<script type="application/json" id="cm-data">(.*?)</script>',
                      text, re.S)
    data = json.loads(block.group(1))
    if "groups" not in data:
        print("no groups")
        return 0
    print("{")
    for key in ("group_ties", "groups"):
        items = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in data[key]]
        print(f' "{key}": [\n  ' + ",\n  ".join(items) + "\n ],")
    print(' "layers": ' + json.dumps(data["layers"], ensure_ascii=False) + "\n}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
