#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Checks the colours of a report's own styles and script: every colour
# literal is a colour of the pictures' palette (src/lib/core/palette.c and
# the CM__COLOR_ constants of src/lib/core/internal.h) or a neutral grey,
# and every text colour reads on white (WCAG AA, contrast at least 4.5).
# Prints one line per fault and exits 1 if there is any.
# Usage: report-colors.py REPORT.html PALETTE_SOURCE...
import re
import sys

HEX = re.compile(r"#([0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})\b")
FUNC = re.compile(r"\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(([^)]*)\)")
# Named colours that are not greys; a name in the styles hides a colour
# from the palette check just as well as a literal.
NAMED = re.compile(
    r":\s*[^;{}]*\b(red|green|blue|orange|yellow|purple|pink|brown|navy|teal|"
    r"olive|maroon|lime|aqua|cyan|magenta|fuchsia|gold|violet|indigo|crimson|"
    r"coral|salmon|tomato|khaki|tan|beige|steelblue|royalblue|darkred|"
    r"darkgreen|darkblue|darkorange)\b", re.I)


def rgb(lit):
    """The (r, g, b) of a hex literal; an alpha digit pair is dropped."""
    h = lit.lstrip("#")
    if len(h) in (3, 4):
        h = "".join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def luminance(c):
    def lin(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_on_white(c):
    return 1.05 / (luminance(c) + 0.05)


def palette(paths):
    colours = set()
    for p in paths:
        with open(p, encoding="utf-8") as f:
            for m in re.finditer(r'"(#[0-9a-fA-F]{6})"', f.read()):
                colours.add(rgb(m.group(1)))
    return colours


def own_code(page):
    """The report's <style> and its script; the data block (JSON) and the
    pictures are left out: their colours come from the palette in C."""
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    return "\n".join(styles), "\n".join(scripts)


def check(css, js, allowed):
    faults = []
    for where, text in (("style", css), ("script", js)):
        for m in HEX.finditer(text):
            c = rgb(m.group(0))
            if c not in allowed and not c[0] == c[1] == c[2]:
                faults.append(f"{where}: {m.group(0)} is neither a palette colour nor a grey")
        for m in FUNC.finditer(text):
            parts = re.split(r"[\s,/]+", m.group(2).strip())
            if m.group(1) not in ("rgb", "rgba") or len(set(parts[:3])) != 1:
                faults.append(f"{where}: {m.group(0)} is neither a palette colour nor a grey")
        for m in NAMED.finditer(text):
            faults.append(f"{where}: the named colour {m.group(1)}")
    return faults


def text_contrast(css):
    """Every `color:` of the styles, custom properties resolved, on white."""
    props = dict(re.findall(r"(--[a-z-]+)\s*:\s*([^;}]+)", css))
    faults = []
    for m in re.finditer(r"(?<![-\w])color\s*:\s*([^;}]+)", css):
        value = m.group(1).strip()
        var = re.fullmatch(r"var\((--[a-z-]+)\)", value)
        if var:
            value = props.get(var.group(1), "").strip()
        if HEX.fullmatch(value):
            ratio = contrast_on_white(rgb(value))
            if ratio < 4.5:
                faults.append(f"style: text colour {m.group(1).strip()} has contrast "
                              f"{ratio:.2f} on white, below 4.5")
        elif value not in ("inherit", "currentColor"):
            faults.append(f"style: text colour {m.group(1).strip()} cannot be checked")
    return faults


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        css, js = own_code(f.read())
    if not css or not js:
        print("no <style> or no script in the report")
        return 1
    faults = check(css, js, palette(sys.argv[2:])) + text_contrast(css)
    for line in faults:
        print(line)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
