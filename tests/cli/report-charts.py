#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""report-charts.py REPORT.html: the charts of a series' report. The chart
of each layer's ties and of each layer's density has one line per layer of
the series, named by the layer, in the colour the report's data block (and
so the interactive map) gives that layer; the chart of actors and ties
carries each snapshot's verdict under its year. Prints what fails; exits 1
on any failure."""
import json
import re
import sys


def chart(page, title):
    """The SVG text of the chart titled TITLE, or None."""
    at = page.find(f'font-weight="bold">{title}</text>')
    if at < 0:
        return None
    return page[page.rfind("<svg", 0, at):page.find("</svg>", at)]


def series(svg):
    """{layer: stroke} of the chart's lines, by the legend's names."""
    strokes = re.findall(r'<g class="series" id="series-\d+">\s*<polyline[^>]*stroke="([^"]+)"',
                         svg)
    names = re.findall(r'>([^<>]+) ties: [^<]*</text>', svg)
    return dict(zip(names, strokes)), len(strokes), len(names)


def main():
    page = open(sys.argv[1], encoding="utf-8").read()
    data = json.loads(re.search(r'id="cm-data">(.*?)</script>', page, re.S).group(1)
                      .replace("\\u003c", "<"))
    want = dict(zip(data["layers"], data["colors"]["layers"]))
    bad = 0
    for title in ("Ties of each layer", "Density of each layer"):
        svg = chart(page, title)
        if svg is None:
            print(f"no chart titled {title!r}")
            bad += 1
            continue
        got, nlines, nnames = series(svg)
        if got != want or nlines != len(want) or nnames != len(want):
            print(f"{title}: lines {got} ({nlines} lines, {nnames} names), want {want}")
            bad += 1
    svg = chart(page, "Actors and ties")
    types = ("Italianate", "hub-and-spoke", "satellite platform", "state-anchored",
             "hybrid", "unclassified")
    notes = re.findall(r'fill="#555555">([A-Za-z -]+)</text>', svg or "")
    if not notes or any(n not in types for n in notes):
        print(f"Actors and ties: verdict notes {notes}")
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
