#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the JSON examples of a docs page against the program: each
```json block that follows a "<!-- example: clustermap ARGS -->" line must be
part of what `clustermap ARGS` prints, run from the current folder. Every
member shown is in the output with the value shown: numbers to the digits
shown, a string ending in "..." by its beginning; members named "..." stand
for the ones left out; an array of objects is matched by each object's id
(or name, or layer and measure), any other array in full. Prints one line
per example; exits 1 when one differs."""
import json
import re
import shlex
import subprocess
import sys

KEYS = (("layer", "measure"), ("id",), ("name",), ("indicator",), ("layer",))


class Num(str):
    """A number as the page spells it, to compare to the digits shown."""


def same(shown, got, path, errors):
    if isinstance(shown, Num):
        text = str(shown)
        ok = isinstance(got, (int, float)) and not isinstance(got, bool)
        if ok:
            digits = len(text.split(".")[1].split("e")[0].split("E")[0]) if "." in text else 0
            exp = int(re.split("[eE]", text)[1]) if re.search("[eE]", text) else 0
            ok = abs(got - float(text)) <= 0.5 * 10 ** (exp - digits) * (1 + 1e-9)
    elif isinstance(shown, str) and shown.endswith("..."):
        ok = isinstance(got, str) and got.startswith(shown[:-3])
    elif isinstance(shown, dict):
        ok = isinstance(got, dict)
        for k, v in shown.items() if ok else ():
            if k == "...":
                continue
            if k not in got:
                errors.append(f"{path}.{k}: not in the output")
            else:
                same(v, got[k], f"{path}.{k}", errors)
        return
    elif isinstance(shown, list):
        ok = isinstance(got, list)
        if ok and shown and all(isinstance(e, dict) for e in shown):
            key = next((k for k in KEYS if all(all(x in e for x in k) for e in shown)), None)
            if key:
                index = {tuple(e.get(x) for x in key): e for e in got if isinstance(e, dict)}
                for e in shown:
                    k = tuple(e[x] for x in key)
                    if k not in index:
                        errors.append(f"{path}[{k}]: not in the output")
                    else:
                        same(e, index[k], f"{path}[{k}]", errors)
                return
        if ok and len(shown) != len(got):
            errors.append(f"{path}: {len(shown)} elements shown, {len(got)} in the output")
            return
        for i, (a, b) in enumerate(zip(shown, got) if ok else ()):
            same(a, b, f"{path}[{i}]", errors)
        return
    else:
        ok = shown == got
    if not ok:
        errors.append(f"{path}: shown {shown!r}, output {got!r}")


def examples(page):
    text = open(page, encoding="utf-8").read()
    pattern = r"<!-- example: clustermap (.*?) -->\n```json\n(.*?)\n```"
    return re.findall(pattern, text, re.S)


def main():
    page, program = sys.argv[1], sys.argv[2]
    found = examples(page)
    bad = 0 if found else 1
    for args, block in found:
        shown = json.loads(block, parse_float=Num, parse_int=Num)
        run = subprocess.run([program] + shlex.split(args), capture_output=True, text=True)
        errors = []
        if run.returncode:
            errors.append(f"exit {run.returncode}: {run.stderr.strip()}")
        else:
            same(shown, json.loads(run.stdout), "$", errors)
        print(("ok" if not errors else "FAILED") + f": clustermap {args}")
        for e in errors:
            print("  " + e)
        bad |= bool(errors)
    return bad


if __name__ == "__main__":
    sys.exit(main())
