# SPDX-License-Identifier: MIT
"""The text a reader sees in an HTML report, without the pictures, styles,
script and data block: one line per block element, for tests/cli/report.sh."""
import sys
from html.parser import HTMLParser

SKIP = {"svg", "script", "style", "head"}
BLOCK = {"p", "li", "tr", "h1", "h2", "h3", "dt", "dd", "figcaption", "header", "section", "ul"}


class Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip = 0
        self.line = ""
        self.lines = []

    def flush(self):
        text = " ".join(self.line.split())
        if text:
            self.lines.append(text)
        self.line = ""

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.flush()
        elif tag in ("td", "th"):
            self.line += " | "

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip -= 1
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.line += data


p = Text()
with open(sys.argv[1], encoding="utf-8") as f:
    p.feed(f.read())
p.flush()
print("\n".join(p.lines))
