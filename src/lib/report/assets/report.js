/* SPDX-License-Identifier: MIT */
/* The HTML report's interactive parts: the map (pan, zoom, tooltip, ties of
 * an actor, layer toggles, search) and the actors table (sort, filter, CSV).
 * The data comes from the JSON block the report embeds; nothing is fetched. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("cm-data").textContent);
  var SVGNS = "http://www.w3.org/2000/svg";
  /* The static maps' palette (docs/render.md, "Colours"), from the data block. */
  var LINE_COLORS = data.colors.layers;
  var KINDS = ["firm", "association", "cluster_org", "training", "research", "university",
    "government", "finance", "other"];

  function el(tag, attrs, parent, ns) {
    var e = ns ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }
  function fmt(v) {
    if (v === null || v === undefined) return "missing";
    if (typeof v !== "number") return String(v);
    return Number.isInteger(v) ? String(v) : v.toPrecision(4).replace(/\.?0+$/, "");
  }
  function kindColor(kind) {
    return data.colors.kinds[kind] || data.colors.missing;
  }

  /* ---------------------------------------------------------------- table */
  var COLUMNS = [["name", "name"], ["kind", "kind"], ["size", "size"], ["ownership", "ownership"],
    ["location", "location"], ["degree", "degree"], ["betweenness", "betweenness"],
    ["constraint", "constraint"], ["role", "role"]];
  var sortKey = "name", sortDir = 1;

  function compare(a, b) {
    var x = a[sortKey], y = b[sortKey];
    if (x === y) return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    if (x === null) return 1; /* missing last, whichever the direction */
    if (y === null) return -1;
    return (x < y ? -1 : 1) * sortDir;
  }
  function visible(a, q) {
    if (!q) return true;
    for (var i = 0; i < COLUMNS.length; i++)
      if (fmt(a[COLUMNS[i][0]]).toLowerCase().indexOf(q) >= 0) return true;
    return false;
  }
  function fillTable() {
    var table = document.getElementById("actors-table");
    var q = document.getElementById("actors-filter").value.trim().toLowerCase();
    var rows = data.actors.filter(function (a) { return visible(a, q); }).sort(compare);
    var body = document.createElement("tbody");
    rows.forEach(function (a) {
      var tr = el("tr", {}, body);
      COLUMNS.forEach(function (c) {
        var td = el("td", typeof a[c[0]] === "number" ? {class: "n"} : {}, tr);
        td.textContent = fmt(a[c[0]]);
        if (a[c[0]] === null) td.className += " missing";
      });
    });
    table.replaceChild(body, table.tBodies[0]);
    document.getElementById("actors-count").textContent =
      rows.length + " of " + data.actors.length + " actors";
  }
  function buildTable() {
    var table = document.getElementById("actors-table");
    var tr = el("tr", {}, el("thead", {}, table));
    el("tbody", {}, table);
    COLUMNS.forEach(function (c) {
      var th = el("th", {scope: "col"}, tr);
      th.textContent = c[1];
      th.addEventListener("click", function () {
        sortDir = sortKey === c[0] ? -sortDir : 1;
        sortKey = c[0];
        Array.prototype.forEach.call(tr.children, function (h) { h.className = ""; });
        th.className = sortDir > 0 ? "asc" : "desc";
        fillTable();
      });
    });
    document.getElementById("actors-filter").addEventListener("input", fillTable);
    document.getElementById("actors-csv").addEventListener("click", downloadCsv);
    fillTable();
  }
  function csvField(v) {
    var s = v === null || v === undefined ? "" : String(v);
    /* A leading = + - @ would be read as a formula by a spreadsheet. */
    if (/^[=+\-@]/.test(s) && typeof v !== "number") s = "'" + s;
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function downloadCsv() {
    var lines = [["id"].concat(COLUMNS.map(function (c) { return c[0]; })).join(",")];
    data.actors.slice().sort(compare).forEach(function (a) {
      lines.push([csvField(a.id)].concat(COLUMNS.map(function (c) { return csvField(a[c[0]]); }))
        .join(","));
    });
    var blob = new Blob([lines.join("\r\n") + "\r\n"], {type: "text/csv"});
    var link = el("a", {href: URL.createObjectURL(blob), download: data.csv_name}, document.body);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  /* ------------------------------------------------------------------ map */
  var map, svg, view = {x: 0, y: 0, w: 1, h: 1}, nodes = [], incident = [], found = [];
  var layerGroups = [], highlight;
  /* A gesture moves the drawn picture (a CSS transform, screen pixels: k
   * times, then shifted by tx, ty) rather than the viewBox, so that a frame
   * of a drag or a wheel costs no new drawing of thousands of actors and
   * ties; the view is redrawn once, when the gesture pauses. */
  var shift = {k: 1, tx: 0, ty: 0}, commitTimer = null;

  function setView() {
    svg.setAttribute("viewBox", view.x + " " + view.y + " " + view.w + " " + view.h);
  }
  /* The map's box on screen, whatever the transform of the picture. */
  function mapBox() {
    var r = map.getBoundingClientRect();
    return {left: r.left + map.clientLeft, top: r.top + map.clientTop, width: map.clientWidth,
      height: map.clientHeight};
  }
  function showShift() {
    svg.style.transform = shift.k === 1 && !shift.tx && !shift.ty ? "" :
      "translate(" + shift.tx + "px," + shift.ty + "px) scale(" + shift.k + ")";
  }
  /* The shifted picture as a view: the map point under the box's centre
   * and the scale, both through the transform. */
  function commit() {
    clearTimeout(commitTimer);
    commitTimer = null;
    if (shift.k === 1 && !shift.tx && !shift.ty) return;
    var box = mapBox(), s = Math.max(view.w / box.width, view.h / box.height);
    var cx = view.x + view.w / 2 + ((box.width / 2 - shift.tx) / shift.k - box.width / 2) * s;
    var cy = view.y + view.h / 2 + ((box.height / 2 - shift.ty) / shift.k - box.height / 2) * s;
    view.w /= shift.k; view.h /= shift.k;
    view.x = cx - view.w / 2; view.y = cy - view.h / 2;
    shift = {k: 1, tx: 0, ty: 0};
    showShift();
    setView();
  }
  function commitSoon() {
    clearTimeout(commitTimer);
    commitTimer = setTimeout(commit, 150);
  }
  function bounds() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (var i = 0; i < data.x.length; i++) {
      x0 = Math.min(x0, data.x[i]); x1 = Math.max(x1, data.x[i]);
      y0 = Math.min(y0, -data.y[i]); y1 = Math.max(y1, -data.y[i]);
    }
    var pad = Math.max(x1 - x0, y1 - y0, 1) * 0.05 + 20;
    return {x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad};
  }
  function radius(a) {
    var b = a.betweenness === null ? 0 : a.betweenness;
    return 4 + 10 * Math.sqrt(data.max_betweenness > 0 ? b / data.max_betweenness : 0);
  }
  /* One path per layer: tens of thousands of ties stay smooth to pan and
   * zoom where one element per tie would not. */
  function segments(list) {
    return list.map(function (k) {
      var e = data.edges[k];
      return "M" + data.x[e[0]] + " " + -data.y[e[0]] + "L" + data.x[e[1]] + " " + -data.y[e[1]];
    }).join("");
  }
  function drawEdges(root) {
    var perLayer = data.layers.map(function () { return []; });
    data.actors.forEach(function () { incident.push([]); });
    data.edges.forEach(function (e, k) {
      perLayer[e[2]].push(k);
      incident[e[0]].push(k);
      incident[e[1]].push(k);
    });
    data.layers.forEach(function (name, l) {
      var g = el("g", {class: "layer", "data-layer": name, stroke: LINE_COLORS[l]},
        root, true);
      if (perLayer[l].length) el("path", {class: "e", d: segments(perLayer[l])}, g, true);
      layerGroups.push(g);
    });
    highlight = el("g", {class: "highlight"}, root, true);
  }
  function drawActors(root) {
    var g = el("g", {class: "actors"}, root, true);
    var labels = el("g", {class: "labels"}, root, true);
    data.actors.forEach(function (a, i) {
      var r = radius(a);
      nodes.push(el("circle", {class: "a", cx: data.x[i], cy: -data.y[i], r: r,
        fill: kindColor(a.kind), "data-i": i}, g, true));
      if (a.label) {
        var t = el("text", {x: data.x[i] + r + 2, y: -data.y[i] + 4}, labels, true);
        t.textContent = a.name;
      }
    });
  }
  function actorRows(i) {
    var a = data.actors[i];
    return [["", a.name], ["kind", a.kind], ["size", a.size], ["ownership", a.ownership],
      ["location", a.location], ["degree", a.degree], ["betweenness", a.betweenness],
      ["constraint", a.constraint], ["role", a.role]];
  }
  function showTip(i, ev) {
    var tip = document.getElementById("tip");
    tip.textContent = "";
    var rows = data.groups ? groupRows(i) : actorRows(i);
    rows.forEach(function (r, k) {
      var d = el(k ? "div" : "strong", {}, tip);
      d.textContent = k ? r[0] + ": " + fmt(r[1]) : r[1];
    });
    var box = map.getBoundingClientRect();
    tip.style.left = Math.min(ev.clientX - box.left + 12, box.width - 200) + "px";
    tip.style.top = (ev.clientY - box.top + 12) + "px";
    tip.style.display = "block";
  }
  /* The ties of actor i drawn again on top, in their layer's colour, and
   * its partners marked; the rest fades (CSS). */
  function focusActor(i) {
    Array.prototype.forEach.call(map.querySelectorAll(".hl"), function (e) {
      e.classList.remove("hl");
    });
    highlight.textContent = "";
    map.classList.toggle("focus", i !== null);
    document.getElementById("map-status").textContent = "";
    if (i === null) return;
    if (data.groups) return focusGroup(i);
    nodes[i].classList.add("hl");
    var perLayer = data.layers.map(function () { return []; });
    incident[i].forEach(function (k) {
      var e = data.edges[k];
      perLayer[e[2]].push(k);
      nodes[e[0] === i ? e[1] : e[0]].classList.add("hl");
    });
    perLayer.forEach(function (list, l) {
      if (list.length && layerGroups[l].style.display !== "none")
        el("path", {class: "e hl", d: segments(list), stroke: LINE_COLORS[l]},
          highlight, true);
    });
    document.getElementById("map-status").textContent =
      data.actors[i].name + ": " + incident[i].length + " ties shown";
  }
  /* Zoom by factor (the view's size grows by it) about the screen point
   * (px, py), in the box's pixels. */
  function zoom(factor, px, py) {
    var f = 1 / factor;
    shift.tx = px + f * (shift.tx - px); shift.ty = py + f * (shift.ty - py);
    shift.k *= f;
    showShift();
    commitSoon();
  }
  function panZoom() {
    var drag = null, moved = false;
    svg.addEventListener("wheel", function (ev) {
      ev.preventDefault();
      var box = mapBox();
      zoom(ev.deltaY > 0 ? 1.15 : 1 / 1.15, ev.clientX - box.left, ev.clientY - box.top);
    }, {passive: false});
    svg.addEventListener("pointerdown", function (ev) {
      drag = {x: ev.clientX, y: ev.clientY, tx: shift.tx, ty: shift.ty};
      moved = false;
      clearTimeout(commitTimer);
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!drag) return;
      if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) moved = true;
      shift.tx = drag.tx + ev.clientX - drag.x;
      shift.ty = drag.ty + ev.clientY - drag.y;
      showShift();
    });
    window.addEventListener("pointerup", function () {
      if (drag) commitSoon();
      drag = null;
    });
    svg.addEventListener("click", function (ev) {
      if (moved) return;
      var i = ev.target.getAttribute("data-i");
      focusActor(i === null ? null : Number(i));
    });
    svg.addEventListener("mouseover", function (ev) {
      var i = ev.target.getAttribute("data-i");
      if (i !== null) showTip(Number(i), ev);
    });
    svg.addEventListener("mouseout", function () {
      document.getElementById("tip").style.display = "none";
    });
  }
  function layerToggles() {
    var box = document.getElementById("layer-toggles");
    data.layers.forEach(function (name, l) {
      var label = el("label", {}, box);
      var input = el("input", {type: "checkbox", checked: "", "data-layer": name}, label);
      el("span", {class: "line", style: "border-color:" + LINE_COLORS[l]}, label);
      label.appendChild(document.createTextNode(name));
      input.addEventListener("change", function () {
        var g = svg.querySelector('g.layer[data-layer="' + CSS.escape(name) + '"]');
        g.style.display = input.checked ? "" : "none";
      });
    });
  }
  /* Ringing thousands of actors for a letter or two says nothing and
   * redraws the whole map at every key: past MARK_MAX, only the count. */
  var MARK_MAX = 300;
  /* The actors whose name or id holds the search box's text. */
  function matches() {
    var q = document.getElementById("map-search").value.trim().toLowerCase(), hits = [];
    if (q) data.actors.forEach(function (a, i) {
      if (a.name.toLowerCase().indexOf(q) >= 0 || a.id.toLowerCase().indexOf(q) >= 0) hits.push(i);
    });
    return {q: q, hits: hits};
  }
  function search() {
    var m = matches(), q = m.q, hits = m.hits;
    found.forEach(function (i) { nodes[i].classList.remove("found"); });
    found = hits.length <= MARK_MAX ? hits : [];
    found.forEach(function (i) { nodes[i].classList.add("found"); });
    var status = document.getElementById("map-status"), n = hits.length;
    status.textContent = !q ? "" : !n ? "no actor matches" : n > MARK_MAX ?
      n + " found; type more of the name to mark them" : n + " found: " +
      found.slice(0, 5).map(function (i) { return data.actors[i].name; }).join(", ") +
      (n > 5 ? ", ..." : "");
    if (found.length === 1) {
      commit();
      var i = found[0], w = Math.min(view.w, view.h) / 2;
      view = {x: data.x[i] - w / 2, y: -data.y[i] - w / 2, w: w, h: w};
      setView();
      focusActor(i);
    }
  }
  /* The legend lists only the kinds present, and "not given" when an actor has none. */
  function legend(size) {
    var box = document.getElementById("map-legend"), present = {};
    data.actors.forEach(function (a) { present[a.kind === null ? "" : a.kind] = true; });
    box.appendChild(document.createTextNode("Fill: kind of actor "));
    KINDS.concat([""]).forEach(function (k) {
      if (!present[k]) return;
      var span = el("span", {}, box);
      el("i", {class: "swatch", style: "background:" + kindColor(k)}, span);
      span.appendChild(document.createTextNode(k ? k.replace("_", " ") : "not given"));
    });
    box.appendChild(document.createTextNode("; size: " + size + "."));
  }
  /* --------------------------------------------------------------- groups */
  /* Above --interactive-max the map shows the groups of the data block
   * (report_html_groups.c: kind of actor by side of the region), one circle
   * each on a ring in the block's order (kind, then side), so that the
   * picture depends on the content only; lines join two groups per layer. */
  var GROUP_SIZES = "the circle's area grows with the actors in the group, a line's width " +
    "with the square root of the ties between two groups in its layer (ties within a group " +
    "are counted, not drawn)";
  var ring = [], groupLines = [], groupOf = [];

  /* Each group a share of the ring by its diameter, so that none overlap. */
  function layoutGroups() {
    var most = Math.max.apply(null, data.groups.map(function (g) { return g.members; }));
    var r = data.groups.map(function (g) { return Math.max(5, 60 * Math.sqrt(g.members / most)); });
    var total = r.reduce(function (s, v) { return s + 2 * v + 30; }, 0), at = 0;
    var big = Math.max.apply(null, r);
    var R = r.length > 1 ? 1.6 * Math.max(total / (2 * Math.PI), big + 20) : 0;
    ring = r.map(function (rk) {
      var a = -Math.PI / 2 + 2 * Math.PI * (at + rk + 15) / total;
      at += 2 * rk + 30;
      return {x: R * Math.cos(a), y: R * Math.sin(a), r: rk, a: R ? a : Math.PI / 2};
    });
  }
  function groupBounds() {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, pad = 30;
    ring.forEach(function (p) {
      /* room for the labels, outside the ring (about 6 units a letter) */
      x0 = Math.min(x0, p.x - p.r - 220); x1 = Math.max(x1, p.x + p.r + 220);
      y0 = Math.min(y0, p.y - p.r - 220); y1 = Math.max(y1, p.y + p.r + 220);
    });
    return {x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad};
  }
  /* The lines of one pair of groups, one per layer, side by side: each
   * offset across the pair's direction by the widths before it. */
  function pairLines(list, most) {
    var a = ring[list[0][0]], b = ring[list[0][1]];
    var dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
    var nx = -dy / len, ny = dx / len;
    var w = list.map(function (t) { return 1 + 11 * Math.sqrt(t[3] / most); });
    var off = -w.reduce(function (s, v) { return s + v + 1; }, -1) / 2;
    list.forEach(function (t, k) {
      var o = off + w[k] / 2;
      off += w[k] + 1;
      var d = "M" + (a.x + nx * o) + " " + (a.y + ny * o) + "L" + (b.x + nx * o) + " " +
        (b.y + ny * o);
      var p = el("path", {class: "e gt", d: d, style: "stroke-width:" + w[k]},
        layerGroups[t[2]], true);
      groupLines[t[0]].push({path: p, layer: t[2], other: t[1], ties: t[3]});
      groupLines[t[1]].push({path: p, layer: t[2], other: t[0], ties: t[3]});
    });
  }
  function drawGroupLines() {
    var most = 1, pairs = {};
    data.groups.forEach(function () { groupLines.push([]); });
    data.group_ties.forEach(function (t) {
      most = Math.max(most, t[3]);
      (pairs[t[0] + " " + t[1]] = pairs[t[0] + " " + t[1]] || []).push(t);
    });
    Object.keys(pairs).forEach(function (key) { pairLines(pairs[key], most); });
  }
  /* A label outside the ring along its radius, so that no two labels
   * cross whatever their length; turned to read left to right. */
  function groupLabel(parent, p) {
    var c = Math.cos(p.a), x = p.x + c * (p.r + 4), y = p.y + Math.sin(p.a) * (p.r + 4);
    var deg = p.a * 180 / Math.PI + (c < -1e-9 ? 180 : 0);
    return el("text", {x: x, y: y, dy: 4, "text-anchor": c < -1e-9 ? "end" : "start",
      transform: "rotate(" + deg + " " + x + " " + y + ")"}, parent, true);
  }
  function drawGroups(root) {
    var g = el("g", {class: "actors"}, root, true), index = {};
    var labels = el("g", {class: "labels"}, root, true);
    layoutGroups();
    drawGroupLines();
    data.groups.forEach(function (grp, k) {
      var p = ring[k];
      nodes.push(el("circle", {class: "a grp", cx: p.x, cy: p.y, r: p.r, fill: kindColor(grp.kind),
        "data-i": k, "data-members": grp.members}, g, true));
      groupLabel(labels, p).textContent = grp.name + " (" + grp.members + ")";
      index[grp.kind + "|" + grp.location] = k;
    });
    groupOf = data.actors.map(function (a) { return index[a.kind + "|" + a.location]; });
  }
  function perLayerText(counts) {
    var parts = [];
    counts.forEach(function (c, l) { if (c) parts.push(data.layers[l] + " " + c); });
    return parts.length ? parts.join(", ") : "none";
  }
  function groupRows(k) {
    var g = data.groups[k], out = data.layers.map(function () { return 0; });
    groupLines[k].forEach(function (line) { out[line.layer] += line.ties; });
    return [["", g.name], ["actors", g.members], ["ties within", perLayerText(g.within)],
      ["ties to other groups", perLayerText(out)],
      ["highest betweenness", g.top.length ? g.top.join(", ") : "not measured"]];
  }
  /* The lines of group k drawn again on top, its partners marked. */
  function focusGroup(k) {
    var ties = 0;
    nodes[k].classList.add("hl");
    groupLines[k].forEach(function (line) {
      if (layerGroups[line.layer].style.display === "none") return;
      ties += line.ties;
      nodes[line.other].classList.add("hl");
      el("path", {class: "e hl", d: line.path.getAttribute("d"), stroke: LINE_COLORS[line.layer],
        style: line.path.getAttribute("style")}, highlight, true);
    });
    document.getElementById("map-status").textContent =
      data.groups[k].name + ": " + ties + " ties to other groups shown";
  }
  /* The groups of the actors found are marked, and named in the status. */
  function groupSearch() {
    var m = matches(), where = {}, n = m.hits.length;
    found.forEach(function (k) { nodes[k].classList.remove("found"); });
    m.hits.forEach(function (i) { where[groupOf[i]] = (where[groupOf[i]] || 0) + 1; });
    found = Object.keys(where).map(Number).sort(function (a, b) { return a - b; });
    found.forEach(function (k) { nodes[k].classList.add("found"); });
    document.getElementById("map-status").textContent = !m.q ? "" : !n ? "no actor matches" :
      n === 1 ? data.actors[m.hits[0]].name + " is in " + data.groups[found[0]].name :
      n + " found, in " + found.map(function (k) {
        return data.groups[k].name + " (" + where[k] + ")";
      }).join("; ");
  }
  function buildMap() {
    map = document.getElementById("map");
    if (!map || !(data.x || data.groups)) return;
    svg = el("svg", {role: "img", "aria-label": "interactive cluster map"}, map, true);
    var root = el("g", {}, svg, true), fit = data.x ? bounds : groupBounds;
    drawEdges(root);
    if (data.x) drawActors(root); else drawGroups(root);
    view = fit();
    setView();
    panZoom();
    layerToggles();
    legend(data.x ? "betweenness (lies between many pairs)" : GROUP_SIZES);
    document.getElementById("map-search").addEventListener("input",
      data.x ? search : groupSearch);
    document.getElementById("map-reset").addEventListener("click", function () {
      commit(); view = fit(); setView(); focusActor(null);
    });
  }

  buildTable();
  buildMap();
  document.documentElement.setAttribute("data-ready", "1");
})();
