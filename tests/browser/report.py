# SPDX-License-Identifier: MIT
"""Opens HTML reports in headless Chromium and checks them after their
scripts ran: no console error, the verdict, every actor's name in the
table, a layer toggle that hides ties, a search that finds an actor, a
click that shows an actor's ties, sorting and filtering. Saves screenshots
and a printed PDF. Prints TAP.

A NAME of the form groups:NAME writes the report with --interactive-max 5
and checks the map in groups: a circle per group with its members (counted
here from the GraphML), group lines a layer toggle hides, a search that
names an actor's group, a tooltip with the top members by betweenness.

Usage: report.py CLUSTERMAP CHROMIUM OUTDIR [groups:]NAME=FILE[,FILE...]..."""
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

G = "{http://graphml.graphdrawing.org/xmlns}"
n_tests = 0
failed = 0


def ok(cond, name, detail=""):
    global n_tests, failed
    n_tests += 1
    print(("ok" if cond else "not ok") + f" {n_tests} - {name}")
    if not cond:
        failed += 1
        for line in str(detail).splitlines()[:20]:
            print("# " + line)


def expected_names(path):
    """The actors' names (label, else id) of the file's last graph."""
    root = ET.parse(path).getroot()
    label_key = [k.get("id") for k in root.iter(G + "key")
                 if k.get("for") == "node" and k.get("attr.name") == "label"]
    graph = list(root.iter(G + "graph"))[-1]
    names = []
    for node in graph.findall(G + "node"):
        label = [d.text for d in node.findall(G + "data") if d.get("key") in label_key]
        names.append(label[0] if label and label[0] else node.get("id"))
    return names


def expected_type(clustermap, files):
    out = subprocess.run([clustermap, "classify", "-f", "json"] + files, check=True,
                         capture_output=True, text=True).stdout
    result = json.loads(out)
    return (result[-1] if isinstance(result, list) else result)["type"]


LAYER_TOGGLE = """(() => {
  const box = document.querySelector('#layer-toggles input');
  const layer = box.getAttribute('data-layer');
  const shown = () => Array.from(document.querySelectorAll(
      'g.layer[data-layer="' + CSS.escape(layer) + '"] path')).filter(
      e => e.getClientRects().length > 0).length;
  const before = shown(); box.click(); const hidden = shown(); box.click();
  return {layer, before, hidden, after: shown()};
})()"""

SEARCH = """((q) => {
  const input = document.getElementById('map-search');
  input.value = q; input.dispatchEvent(new Event('input'));
  const found = Array.from(document.querySelectorAll('#map circle.found'));
  const status = document.getElementById('map-status').textContent;
  const ring = found.length ? getComputedStyle(found[0]).stroke : '';
  return {found: found.length, status, ring};
})(%s)"""

CLICK = """(() => {
  const c = document.querySelector('#map circle.a');
  c.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  return {focus: document.getElementById('map').classList.contains('focus'),
          ties: document.querySelectorAll('#map .highlight path').length,
          status: document.getElementById('map-status').textContent};
})()"""

# A wheel step zooms about the pointer and a drag pans: the actor under the
# pointer stays under it, a dragged one moves with the pointer, both once
# the view is redrawn after the gesture (the picture moves by a transform
# meanwhile, docs/report.md).
PAN_ZOOM = """(async () => {
  const svg = document.querySelector('#map svg');
  const at = c => { const r = c.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2]; };
  const settle = () => new Promise(r => setTimeout(r, 400));
  document.getElementById('map').scrollIntoView();
  const c = document.querySelector('#map circle.a'), w0 = svg.viewBox.baseVal.width;
  const [x, y] = at(c);
  svg.dispatchEvent(new WheelEvent('wheel', {clientX: x, clientY: y, deltaY: -100,
    bubbles: true, cancelable: true}));
  await settle();
  const [x1, y1] = at(c), w1 = svg.viewBox.baseVal.width;
  const opt = (px, py) => ({clientX: px, clientY: py, bubbles: true, pointerId: 1});
  svg.dispatchEvent(new PointerEvent('pointerdown', opt(x1, y1)));
  svg.dispatchEvent(new PointerEvent('pointermove', opt(x1 + 40, y1 + 25)));
  window.dispatchEvent(new PointerEvent('pointerup', opt(x1 + 40, y1 + 25)));
  await settle();
  const [x2, y2] = at(c);
  return {zoom: w0 / w1, still: Math.hypot(x1 - x, y1 - y),
          moved: Math.hypot(x2 - x1 - 40, y2 - y1 - 25),
          transform: svg.style.transform};
})()"""

SORT = """(() => {
  const th = Array.from(document.querySelectorAll('#actors-table th'))
      .find(t => t.textContent === 'degree');
  th.click(); th.click();
  const cells = Array.from(document.querySelectorAll('#actors-table tbody tr'))
      .map(r => Number(r.children[5].textContent));
  return cells;
})()"""

FILTER = """((q) => {
  const f = document.getElementById('actors-filter');
  f.value = q; f.dispatchEvent(new Event('input'));
  const n = document.querySelectorAll('#actors-table tbody tr').length;
  f.value = ''; f.dispatchEvent(new Event('input'));
  return n;
})(%s)"""


def check_report(browser, clustermap, outdir, name, files):
    html = os.path.join(outdir, name + ".html")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    run = subprocess.run([clustermap, "report", "-o", html] + files, env=env,
                         capture_output=True, text=True)
    ok(run.returncode == 0, f"{name}: clustermap report exits 0", run.stderr)
    if run.returncode:
        return
    browser.open("file://" + os.path.abspath(html))
    ready = browser.eval("document.documentElement.getAttribute('data-ready')")
    ok(ready == "1", f"{name}: the scripts ran to the end")
    verdict = browser.eval("document.getElementById('verdict').textContent")
    want = expected_type(clustermap, files)
    ok(f"Verdict: {want}" in verdict and
       browser.eval("document.getElementById('verdict-text').textContent.length") > 40,
       f"{name}: the verdict ({want}) is shown in words", verdict[:400])
    names = expected_names(files[-1])
    table = browser.eval("Array.from(document.querySelectorAll('#actors-table tbody tr'))"
                         ".map(r => r.children[0].textContent)")
    missing = sorted(set(names) - set(table))
    ok(not missing and len(table) == len(names),
       f"{name}: every actor's name is in the table ({len(names)})",
       f"missing: {missing[:10]}, rows {len(table)}")
    t = browser.eval(LAYER_TOGGLE)
    ok(t["before"] > 0 and t["hidden"] == 0 and t["after"] == t["before"],
       f"{name}: the {t['layer']} toggle hides and shows its ties", t)
    target = names[len(names) // 2]
    s = browser.eval(SEARCH % json.dumps(target.lower()))
    ok(s["found"] >= 1 and target in s["status"], f"{name}: a search finds {target}", s)
    # The ring is the palette's CM__COLOR_FOUND (#CC3311), which no kind,
    # value, role, layer or change mark uses.
    ok(s["ring"] == "rgb(204, 51, 17)", f"{name}: the found actor's ring is the palette's", s)
    browser.eval(SEARCH % json.dumps(""))
    c = browser.eval(CLICK)
    ok(c["focus"] and c["ties"] > 0 and ": " in c["status"],
     f"{name}: a click shows an actor's ties", c)
    z = browser.eval(PAN_ZOOM)
    ok(abs(z["zoom"] - 1.15) < 1e-6 and z["still"] < 1.5 and z["moved"] < 1.5 and
       not z["transform"],
       f"{name}: zoom keeps the actor under the pointer, a drag moves it along", z)
    degrees = browser.eval(SORT)
    ok(degrees == sorted(degrees, reverse=True) and len(degrees) == len(names),
       f"{name}: the table sorts by degree", degrees[:10])
    # Contained, the table's rows are not walked again at every frame of a
    # pan or zoom of the map (tools/bench/browser.py, docs/report.md).
    contain = browser.eval("getComputedStyle(document.querySelector('.tablewrap')).contain")
    ok(contain in ("content", "strict") or "paint" in contain,
       f"{name}: the actors table is contained ({contain})")
    n = browser.eval(FILTER % json.dumps(target))
    ok(1 <= n < len(names), f"{name}: the filter keeps matching rows ({n})")
    browser.eval("document.getElementById('map-reset').click()")
    errors = browser.errors()
    ok(not errors, f"{name}: no console error", "\n".join(errors))
    browser.screenshot(os.path.join(outdir, name + ".png"))
    rect = browser.eval("(() => { const r = document.getElementById('map-section')"
                        ".getBoundingClientRect(); return {x: r.left + scrollX, "
                        "y: r.top + scrollY, width: r.width, height: r.height}; })()")
    browser.screenshot(os.path.join(outdir, name + "-map.png"), clip=rect)
    browser.pdf(os.path.join(outdir, name + ".pdf"))
    with open(os.path.join(outdir, name + ".pdf"), "rb") as f:
        ok(f.read(5) == b"%PDF-", f"{name}: prints to PDF")


# ------------------------------------------------------- the grouped map

def node_values(path):
    """Per actor of the file's last graph: name, kind and location, None
    when not given (a key's <default> counts as given, as the reader takes it)."""
    root = ET.parse(path).getroot()
    keys, defaults = {}, {}
    for k in root.iter(G + "key"):
        if k.get("for") == "node" and k.get("attr.name") in ("label", "kind", "location"):
            keys[k.get("id")] = k.get("attr.name")
            d = k.find(G + "default")
            if d is not None and d.text:
                defaults[k.get("attr.name")] = d.text.strip()
    out = []
    for node in list(root.iter(G + "graph"))[-1].findall(G + "node"):
        v = dict(defaults)
        for d in node.findall(G + "data"):
            if d.get("key") in keys and d.text and d.text.strip():
                v[keys[d.get("key")]] = d.text.strip()
        out.append((v.get("label") or node.get("id"), (v.get("kind") or "").lower() or None,
                    (v.get("location") or "").lower() or None))
    return out


GROUP_CIRCLES = """(() => {
  const data = JSON.parse(document.getElementById('cm-data').textContent);
  return Array.from(document.querySelectorAll('#map circle.grp')).map(c => {
    const g = data.groups[Number(c.getAttribute('data-i'))];
    return {kind: g.kind, location: g.location, name: g.name,
            members: Number(c.getAttribute('data-members'))};
  });
})()"""

GROUP_TIP = """((k) => {
  const c = document.querySelector('#map circle.grp[data-i="' + k + '"]');
  c.dispatchEvent(new MouseEvent('mouseover', {bubbles: true, clientX: 10, clientY: 10}));
  const tip = document.getElementById('tip');
  const text = tip.innerText, shown = getComputedStyle(tip).display;
  c.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
  c.dispatchEvent(new MouseEvent('click', {bubbles: true}));
  const ties = document.querySelectorAll('#map .highlight path').length;
  const status = document.getElementById('map-status').textContent;
  document.querySelector('#map svg').dispatchEvent(new MouseEvent('click', {bubbles: true}));
  return {text, shown, ties, status};
})(%d)"""

BETWEENNESS = """(() => JSON.parse(document.getElementById('cm-data').textContent).actors
  .map(a => [a.name, a.betweenness]))()"""


def expected_top(actors, btw, key):
    """The five members of highest betweenness, ties by name."""
    members = [(-float(f"{btw[n]:.9g}"), n) for n, k, l in actors
               if (k, l) == key and btw.get(n) is not None]
    return [n for _, n in sorted(members)[:5]]


def check_group_search(browser, name, actors, circles):
    """A name that only one actor's name holds: its group is marked and named."""
    names = [a[0] for a in actors]
    target = next(a for a in sorted(actors, key=lambda a: (a[1] or "~", a[0]))
                  if sum(a[0].lower() in n.lower() for n in names) == 1)
    where = next(c["name"] for c in circles if (c["kind"], c["location"]) == target[1:])
    s = browser.eval(SEARCH % json.dumps(target[0].lower()))
    ok(s["found"] == 1 and s["status"] == f"{target[0]} is in {where}",
       f"{name}: a search for {target[0]} names and marks its group", s)
    doc = os.environ.get("CM_REPORT_DOC")
    if doc and name == "groups":  # docs/report.md quotes this line
        with open(doc, encoding="utf-8") as f:
            ok(f"`{s['status']}`" in f.read(), f"{name}: docs/report.md shows the status line",
               s["status"])
    browser.eval(SEARCH % json.dumps(""))


def check_groups(browser, clustermap, outdir, name, files):
    html = os.path.join(outdir, name + ".html")
    run = subprocess.run([clustermap, "report", "--interactive-max", "5", "-o", html] + files,
                         capture_output=True, text=True)
    ok(run.returncode == 0, f"{name}: clustermap report --interactive-max 5 exits 0", run.stderr)
    if run.returncode:
        return
    browser.open("file://" + os.path.abspath(html))
    ok(browser.eval("document.documentElement.getAttribute('data-ready')") == "1",
       f"{name}: the scripts ran to the end")
    actors = node_values(files[-1])
    want = {}
    for _, kind, loc in actors:
        want[(kind, loc)] = want.get((kind, loc), 0) + 1
    circles = browser.eval(GROUP_CIRCLES)
    got = {(c["kind"], c["location"]): c["members"] for c in circles}
    ok(got == want and len(circles) == len(want),
       f"{name}: one circle per kind and side, with its members ({len(want)} groups)",
       f"page {got}\nfile {want}")
    if not circles:
        return
    t = browser.eval(LAYER_TOGGLE)
    ok(t["before"] > 0 and t["hidden"] == 0 and t["after"] == t["before"],
       f"{name}: the {t['layer']} toggle hides and shows its group lines", t)
    check_group_search(browser, name, actors, circles)
    btw = dict(browser.eval(BETWEENNESS))
    k = max(range(len(circles)), key=lambda i: (circles[i]["members"], circles[i]["name"]))
    top = expected_top(actors, btw, (circles[k]["kind"], circles[k]["location"]))
    tip = browser.eval(GROUP_TIP % k)
    ok(tip["shown"] == "block" and f"highest betweenness: {', '.join(top)}" in tip["text"] and
       f"actors: {circles[k]['members']}" in tip["text"],
       f"{name}: the tooltip of {circles[k]['name']} names its top members", tip)
    ok(tip["ties"] > 0 and tip["status"].endswith("ties to other groups shown"),
       f"{name}: a click shows a group's lines", tip)
    z = browser.eval(PAN_ZOOM)
    ok(abs(z["zoom"] - 1.15) < 1e-6 and z["still"] < 1.5 and z["moved"] < 1.5,
       f"{name}: zoom and pan work on the groups", z)
    browser.eval("document.getElementById('map-reset').click()")
    errors = browser.errors()
    ok(not errors, f"{name}: no console error", "\n".join(errors))
    rect = browser.eval("(() => { const r = document.getElementById('map-section')"
                        ".getBoundingClientRect(); return {x: r.left + scrollX, "
                        "y: r.top + scrollY, width: r.width, height: r.height}; })()")
    browser.screenshot(os.path.join(outdir, name + "-map.png"), clip=rect)


def main():
    clustermap, chromium, outdir = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    browser = cdp.Browser(chromium)
    try:
        for arg in sys.argv[4:]:
            name, files = arg.split("=", 1)
            if name.startswith("groups:"):
                check_groups(browser, clustermap, outdir, name[7:], files.split(","))
            else:
                check_report(browser, clustermap, outdir, name, files.split(","))
    finally:
        browser.close()
    print(f"1..{n_tests}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
