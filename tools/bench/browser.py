#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tools/bench/browser.py: how smooth the report's interactive map is in
headless Chromium, driven over the DevTools protocol by the test suite's
client (tests/browser/cdp.py). A benchmark, not a test: it prints figures.

  tools/bench/browser.py [--actors N] [--seed S] [--chromium PATH] [--build DIR]
                        [--report FILE]

Generates an N-actor network (tools/bench/gen, default 5000), writes its
report (clustermap report) and opens it. Then, in the page:
- time to interactive: from the start of navigation to the first frame
  painted after the report's script set data-ready (the map built);
- pan and zoom: 120 frames each, one pointer move (or one wheel step) per
  frame, driven from requestAnimationFrame; a frame's time is the gap
  between two animation frames, so it includes the style, layout, paint
  and raster of the changed view (16.7 ms is the 60 Hz floor); as a
  gap depends on what else the machine runs, the gestures are also traced
  and the CPU time of the browser's threads (trace "tdur") is divided by
  the frames: the renderer's main thread (style, layout, paint) and all
  threads (compositor and raster included), figures a busy machine
  changes far less;
- highlight: a click on an actor and on the background (20 of each), and
  search: a query typed (10 queries); each from the event to the next
  frame painted after it.
Prints the medians, 95th percentiles and maxima in milliseconds, with the
machine's load average, as Markdown."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SRC = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "browser"))
import cdp  # noqa: E402

# Records when the page became interactive: the first animation frame after
# the script marked the document ready (a frame starts after the previous
# one was painted).
READY = """
new MutationObserver(function (list, obs) {
  if (document.documentElement.getAttribute("data-ready") !== "1") return;
  obs.disconnect();
  window.__cmReady = performance.now();
  requestAnimationFrame(function () { requestAnimationFrame(function (t) {
    window.__cmInteractive = performance.now(); }); });
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});
"""

# One step of a gesture per animation frame; resolves with the gaps
# between frames.
FRAMES = """(async (kind, n) => {
  const svg = document.querySelector('#map svg'), box = svg.getBoundingClientRect();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2;
  const ev = (type, x, y, extra) => svg.dispatchEvent(new (type === 'wheel' ? WheelEvent :
    PointerEvent)(type, Object.assign({clientX: x, clientY: y, bubbles: true,
    cancelable: true, pointerId: 1}, extra || {})));
  if (kind === 'pan') ev('pointerdown', cx, cy);
  const times = [];
  await new Promise(done => {
    let i = 0;
    const step = t => {
      times.push(t);
      if (i === n) return done();
      const a = i / n * 2 * Math.PI;
      if (kind === 'pan') ev('pointermove', cx + 150 * Math.sin(a), cy + 100 * Math.sin(2 * a));
      else ev('wheel', cx + 80 * Math.cos(a), cy, {deltaY: i < n / 2 ? -100 : 100});
      i++;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
  if (kind === 'pan') window.dispatchEvent(new PointerEvent('pointerup', {pointerId: 1}));
  return times.slice(1).map((t, k) => t - times[k]);
})"""

# From an action to the first frame painted after it: the next animation
# frame runs after the frame that showed the action's result.
LATENCY = """(async (what, n) => {
  const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const circles = document.querySelectorAll('#map circle.a');
  const svg = document.querySelector('#map svg');
  const input = document.getElementById('map-search');
  const words = ['Lanificio', 'Tessitura 1', 'xyz-none', 'Filati', 'a', 'Tintoria 23',
    'Rifinizioni', 'Confezioni 4', 'Orditura', 'Stamperia 99'];
  const out = [];
  for (let k = 0; k < n; k++) {
    await frame();
    const t0 = performance.now();
    if (what === 'click') circles[(k * 997) % circles.length].dispatchEvent(
      new MouseEvent('click', {bubbles: true}));
    else if (what === 'clear') svg.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    else { input.value = words[k % words.length]; input.dispatchEvent(new Event('input')); }
    await frame();
    out.push(performance.now() - t0);
    if (what === 'click') svg.dispatchEvent(new MouseEvent('click', {bubbles: true}));
    if (what === 'clear') circles[(k * 997) % circles.length].dispatchEvent(
      new MouseEvent('click', {bubbles: true}));
  }
  input.value = ''; input.dispatchEvent(new Event('input'));
  return out;
})"""


TRACE = ["toplevel", "cc", "viz", "blink", "devtools.timeline",
         "disabled-by-default-devtools.timeline"]
TASKS = ("ThreadControllerImpl::RunTask", "ThreadPool_RunTask")


def cpu_per_frame(events, frames):
    """(main thread, all threads) CPU ms per frame: the thread time of
    every top-level task, tracing's own threads left out."""
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    main = total = 0.0
    for e in events:
        if e.get("ph") != "X" or e.get("name") not in TASKS or "tdur" not in e:
            continue
        thread = names.get((e["pid"], e["tid"]), "")
        if "tracing" in thread.lower() or "perfetto" in thread.lower():
            continue
        total += e["tdur"] / 1000
        main += e["tdur"] / 1000 if thread == "CrRendererMain" else 0
    return main / frames, total / frames


def quantiles(xs):
    xs = sorted(xs)
    return (statistics.median(xs), xs[min(len(xs) - 1, int(round(0.95 * (len(xs) - 1))))],
            xs[-1])


def build_report(args, work):
    build = args.build or (os.getcwd() if os.path.exists("clustermap") else SRC)
    gen, cm = os.path.join(build, "tools/bench/gen"), os.path.join(build, "clustermap")
    for prog in (gen, cm):
        if not os.access(prog, os.X_OK):
            sys.exit(f"browser.py: {prog} is missing; run make bench in {build}")
    net, html = os.path.join(work, "net.graphml"), os.path.join(work, "report.html")
    subprocess.run([gen, "-s", str(args.seed), "-o", net, str(args.actors)], check=True)
    t = time.time()
    subprocess.run([cm, "report", "-q", "--permutations", "0", "-o", html, net], check=True)
    return html, time.time() - t


def measure(browser, html):
    browser.call("Page.addScriptToEvaluateOnNewDocument", {"source": READY}, session=True)
    browser.call("Emulation.setDeviceMetricsOverride",
                 {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
                 session=True)
    browser.open("file://" + html)
    for _ in range(600):
        if browser.eval("window.__cmInteractive !== undefined"):
            break
        time.sleep(0.1)
    r = {"ready": browser.eval("window.__cmReady"),
         "interactive": browser.eval("window.__cmInteractive"),
         "actors": browser.eval("document.querySelectorAll('#map circle.a').length")}
    browser.eval("document.getElementById('map').scrollIntoView()")
    for kind in ("pan", "zoom"):
        r[kind], events = browser.trace(f"{FRAMES}('{kind}', 120)", TRACE)
        r[kind + "-cpu"] = cpu_per_frame(events, len(r[kind]))
    r["click"] = browser.eval(f"{LATENCY}('click', 20)")
    r["clear"] = browser.eval(f"{LATENCY}('clear', 20)")
    r["search"] = browser.eval(f"{LATENCY}('search', 10)")
    r["errors"] = browser.errors()
    return r


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--actors", type=int, default=5000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    p.add_argument("--build", help="build folder with clustermap and tools/bench/gen")
    p.add_argument("--report", help="open this report rather than generating one")
    args = p.parse_args()
    work = tempfile.mkdtemp(prefix="cm-bench-browser.")
    try:
        if args.report:
            html, secs = os.path.abspath(args.report), float("nan")
        else:
            html, secs = build_report(args, work)
        size = os.path.getsize(html)
        load0 = os.getloadavg()
        browser = cdp.Browser(args.chromium, timeout=300)
        try:
            r = measure(browser, html)
            version = browser.call("Browser.getVersion").get("product", "?")
        finally:
            browser.close()
        load1 = os.getloadavg()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"actors drawn: {r['actors']}; report written in {secs:.1f} s ({size} bytes)")
    print(f"{version}, headless, --disable-gpu (software rendering), 1280x900; "
          f"load average {load0[0]:.1f} before, {load1[0]:.1f} after; {os.cpu_count()} cores")
    print(f"console errors: {len(r['errors'])}")
    print(f"time to interactive: {r['interactive']:.0f} ms (script done at {r['ready']:.0f} ms)\n")
    print("| action | n | median ms | p95 ms | max ms | CPU ms/frame, main | CPU ms/frame, all |\n"
          "|---|---|---|---|---|---|---|")
    names = {"pan": "pan, frame", "zoom": "zoom, frame", "click": "click an actor (highlight)",
             "clear": "click the background (clear)", "search": "search, keystroke"}
    for k, name in names.items():
        med, p95, mx = quantiles(r[k])
        cpu = r.get(k + "-cpu")
        tail = f" {cpu[0]:.1f} | {cpu[1]:.1f} |" if cpu else " | |"
        print(f"| {name} | {len(r[k])} | {med:.1f} | {p95:.1f} | {mx:.1f} |{tail}")


if __name__ == "__main__":
    main()
