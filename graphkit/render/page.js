var nodes, edges, nodeView, edgeView, network;
var state = {};

// vis-network keeps nodes and edges in plain objects keyed by id, so an actor
// called "constructor" or "__proto__" would clash with Object's own members:
// vis only ever sees prefixed ids, and each item keeps the caller's id as "key".
function visNodeId(id) { return "n:" + id; }
function visEdgeId(id) { return "e:" + id; }

function visNode(node) {
  return Object.assign({}, node, {id: visNodeId(node.id), key: node.id});
}

function visEdge(edge) {
  return Object.assign({}, edge, {id: visEdgeId(edge.id), from: visNodeId(edge.from), to: visNodeId(edge.to), key: edge.id});
}

function el(tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  if (cls) { node.className = cls; }
  return node;
}

function heading(parent, text) {
  if (text) { parent.appendChild(el("h2", text)); }
}

function buildHeader() {
  document.getElementById("title").textContent = PAGE.title;
  document.getElementById("subtitle").textContent = PAGE.subtitle;
  document.getElementById("banner").textContent = PAGE.banner;
  var notes = document.getElementById("notes");
  if (PAGE.notes.length) { heading(notes, "About"); }
  PAGE.notes.forEach(function (text) { notes.appendChild(el("p", text)); });
}

function buildLegend() {
  var box = document.getElementById("legend");
  PAGE.legend.forEach(function (section) {
    heading(box, section.title);
    section.items.forEach(function (item) {
      var row = el("div", null, "legend-item");
      var symbol = el("span", null, "legend-symbol");
      var kind = item.symbol || "dot";
      if (kind === "dot") {
        var dot = el("span", null, "legend-dot");
        dot.style.background = item.color;
        symbol.appendChild(dot);
      } else if (kind === "line" || kind === "dashed") {
        var line = el("span", null, kind === "line" ? "legend-line" : "legend-dashed");
        line.style.borderTopColor = item.color;
        line.style.borderTopWidth = (item.width || 3) + "px";
        symbol.appendChild(line);
      }
      row.appendChild(symbol);
      row.appendChild(el("span", item.label));
      box.appendChild(row);
    });
  });
}

function pairKey(edge) {
  return edge.from < edge.to ? edge.from + "\u0000" + edge.to : edge.to + "\u0000" + edge.from;
}
function passesMenus(edge) {
  // a PAGE edge (the caller's ids) against the select and actor filters
  for (var i = 0; i < PAGE.filters.length; i++) {
    var spec = PAGE.filters[i], value = state[i];
    if (value === undefined || value === "" || value === 0) { continue; }
    if (spec.type === "select" && String(edge[spec.field]) !== value) { return false; }
    if (spec.type === "actor" && visNodeId(edge.from) !== value && visNodeId(edge.to) !== value) { return false; }
    if (spec.type === "dates" && !passesDates(edge, value)) { return false; }
  }
  return true;
}
// the command line's date rule (docs/time.md): wholly inside the bounds, or with
// overlap sharing a day with them; undated actions only when kept. ISO days compare as text.
function datesBound(value) { return Boolean(value && (value.from || value.to)); }
function passesDates(edge, value) {
  if (!datesBound(value)) { return true; }
  if (!edge.date_start) { return value.keep; }
  if (value.overlap) {
    return (!value.from || edge.date_end >= value.from) && (!value.to || edge.date_start <= value.to);
  }
  return (!value.from || edge.date_start >= value.from) && (!value.to || edge.date_end <= value.to);
}
function shownEdgeIds() {
  // the edges every filter keeps; a "min" filter with "live" compares the pair's sum
  // of that key over the edges the menus keep
  var kept = PAGE.edges.filter(passesMenus);
  PAGE.filters.forEach(function (spec, i) {
    var value = state[i];
    if (spec.type !== "min" || !value) { return; }
    var sums = new Map();
    if (spec.live) {
      kept.forEach(function (e) { sums.set(pairKey(e), (sums.get(pairKey(e)) || 0) + Number(e[spec.live] || 0)); });
    }
    kept = kept.filter(function (e) {
      var v = spec.live ? sums.get(pairKey(e)) : Number(e[spec.field] || 0);
      return v >= value - 1e-9;
    });
  });
  return new Set(kept.map(function (e) { return e.id; }));
}
function filtering() {
  return Object.keys(state).some(function (key) {
    var v = state[key];
    return typeof v === "object" ? datesBound(v) : v !== undefined && v !== "" && v !== 0;
  });
}
var shownNodes = null, shownEdges = null;
function applyFilters() {
  clearFocus();
  var wasFiltered = shownNodes !== null;
  if (filtering()) {
    shownEdges = shownEdgeIds();
    shownNodes = new Set();
    PAGE.edges.forEach(function (edge) {
      if (shownEdges.has(edge.id)) { shownNodes.add(visNodeId(edge.from)); shownNodes.add(visNodeId(edge.to)); }
    });
  } else {
    shownNodes = shownEdges = null;
  }
  // (speed) unfiltered before and now: the views show everything already, and
  // refreshing them costs a third of a second on a page of 5,000 edges
  if (wasFiltered || shownNodes !== null) {
    edgeView.refresh();
    nodeView.refresh();
    liveUpdate();
  }
  document.getElementById("count").textContent =
    "Showing " + edgeView.length + " of " + edges.length + " edges and " +
    nodeView.length + " of " + nodes.length + " nodes";
}
function buildFilters() {
  var box = document.getElementById("filters");
  if (!PAGE.filters.length) { box.style.display = "none"; return; }
  PAGE.filters.forEach(function (spec, index) {
    var id = "filter-" + index;
    var wrap = el("span", null, "filter");
    var label = el("label", spec.label);
    label.htmlFor = id;
    wrap.appendChild(label);
    var control;
    if (spec.type === "dates") {
      buildDates(spec, index, wrap);
      box.appendChild(wrap);
      showUndated(spec, index);
      return;
    }
    if (spec.type === "min") {
      control = el("input");
      control.type = "range";
      control.min = "0";
      control.max = String(spec.max);
      control.step = String(spec.step);
      control.value = "0";
      var shown = el("span", "0", "value");
      shown.id = id + "-value";
      control.addEventListener("input", function () {
        state[index] = Number(control.value);
        shown.textContent = control.value;
        applyFilters();
      });
      wrap.appendChild(control);
      wrap.appendChild(shown);
    } else {
      control = el("select");
      control.appendChild(el("option", "all")).value = "";
      spec.values.forEach(function (value) {
        var option;
        if (spec.type === "actor") {
          option = el("option", value[1]);
          option.value = visNodeId(value[0]);
        } else {
          option = el("option", value);
          option.value = value;
        }
        control.appendChild(option);
      });
      control.addEventListener("change", function () {
        state[index] = control.value;
        applyFilters();
      });
      wrap.appendChild(control);
    }
    control.id = id;
    box.appendChild(wrap);
  });
  var reset = el("button", "Reset");
  reset.type = "button";
  reset.id = "filter-reset";
  reset.addEventListener("click", function () {
    state = {};
    PAGE.filters.forEach(function (spec, index) {
      if (spec.type === "dates") { resetDates(index); return; }
      document.getElementById("filter-" + index).value = spec.type === "min" ? "0" : "";
      if (spec.type === "min") { document.getElementById("filter-" + index + "-value").textContent = "0"; }
    });
    applyFilters();
  });
  box.appendChild(reset);
  box.appendChild(el("span", "", "count")).id = "count";
}

function buildDates(spec, index, wrap) {
  // two menus of periods, overlap and keep-undated boxes, and what the control hides
  var id = "filter-" + index;
  var from = el("select"), to = el("select");
  from.id = id + "-from";
  to.id = id + "-to";
  from.appendChild(el("option", "the start")).value = "";
  to.appendChild(el("option", "the end")).value = "";
  spec.periods.forEach(function (period) {
    from.appendChild(el("option", period[0])).value = period[1];
    to.appendChild(el("option", period[0])).value = period[2];
  });
  var overlap = el("input"), keep = el("input");
  overlap.type = keep.type = "checkbox";
  overlap.id = id + "-overlap";
  keep.id = id + "-keep";
  var note = el("span", "", "count");
  note.id = id + "-undated";
  function update() {
    state[index] = {from: from.value, to: to.value, overlap: overlap.checked, keep: keep.checked};
    showUndated(spec, index);
    applyFilters();
  }
  [from, to, overlap, keep].forEach(function (control) { control.addEventListener("change", update); });
  var overlapLabel = el("label", "overlap"), keepLabel = el("label", "keep undated");
  overlapLabel.htmlFor = overlap.id;
  keepLabel.htmlFor = keep.id;
  wrap.appendChild(from);
  wrap.appendChild(el("label", "to"));
  wrap.appendChild(to);
  wrap.appendChild(overlap);
  wrap.appendChild(overlapLabel);
  if (spec.undated) { wrap.appendChild(keep); wrap.appendChild(keepLabel); }
  wrap.appendChild(note);
  wrap.firstChild.htmlFor = from.id;
}
function showUndated(spec, index) {
  var note = document.getElementById("filter-" + index + "-undated");
  var value = state[index];
  if (!spec.undated) { note.textContent = ""; return; }
  var hidden = datesBound(value) && !value.keep;
  var what = spec.undated + " undated action" + (spec.undated === 1 ? "" : "s");
  note.textContent = hidden ? what + " hidden" : what + " shown";
}
function resetDates(index) {
  var id = "filter-" + index;
  document.getElementById(id + "-from").value = "";
  document.getElementById(id + "-to").value = "";
  document.getElementById(id + "-overlap").checked = false;
  var keep = document.getElementById(id + "-keep");
  if (keep) { keep.checked = false; }
  showUndated(PAGE.filters[index], index);
}

function buildFocus() {
  var box = document.getElementById("focus");
  if (!PAGE.focus.items.length && !PAGE.live) { return; }
  heading(box, PAGE.focus.title);
  var list = el("ol", null, "focus" + (PAGE.focus.plain ? " plain" : ""));
  list.id = "focus-list";
  box.appendChild(list);
  fillFocus(PAGE.focus.items);
}
function fillFocus(items) {
  var list = document.getElementById("focus-list");
  while (list.firstChild) { list.removeChild(list.firstChild); }
  if (!items.length) { list.appendChild(el("li", "(no strained relationship among the shown actions)", "focus-empty")); }
  items.forEach(function (item) {
    var li = el("li");
    var row = el("div", null, "focus-row");
    row.appendChild(el("span", item.label));
    row.appendChild(el("span", item.value, "focus-value"));
    li.appendChild(row);
    if (item.detail) { li.appendChild(el("div", item.detail, "focus-detail")); }
    if (item.interval) { li.appendChild(el("div", item.interval, "focus-interval")); }
    li.title = "Show this relationship (click again, or on empty space, to show all)";
    li.addEventListener("click", function () {
      var again = focused === item;
      clearFocus();
      if (again) { return; }
      li.classList.add("active");
      focusOn(item);
    });
    list.appendChild(li);
  });
}
var focused = null;

function dimmed(color) {
  var base = typeof color === "object" && color !== null ? color : {color: color || "#848484"};
  return Object.assign({}, base, {opacity: 0.12, inherit: false});
}

function focusOn(item) {
  // dim everything but the relationship, select its arrows, zoom to its actors
  var inside = new Set(item.edges.map(visEdgeId)), ends = new Set(item.nodes.map(visNodeId));
  edges.update(PAGE.edges.map(function (e) {
    var id = visEdgeId(e.id);
    return {id: id, color: inside.has(id) ? e.color : dimmed(e.color)};
  }));
  nodes.update(PAGE.nodes.map(function (n) {
    var id = visNodeId(n.id);
    return {id: id, opacity: ends.has(id) ? 1 : 0.25};
  }));
  focused = item;
  var shown = Array.from(ends).filter(function (id) { return nodeView.get(id) !== null; });
  var selected = Array.from(inside).filter(function (id) { return edgeView.get(id) !== null; });
  network.setSelection({nodes: [], edges: selected}, {unselectAll: true, highlightEdges: false});
  if (shown.length) { network.fit({nodes: shown, animation: {duration: 500, easingFunction: "easeInOutQuad"}}); }
}

function clearFocus() {
  if (focused === null) { return; }
  focused = null;
  edges.update(PAGE.edges.map(function (e) { return {id: visEdgeId(e.id), color: e.color}; }));
  nodes.update(PAGE.nodes.map(function (n) { return {id: visNodeId(n.id), opacity: 1}; }));
  network.unselectAll();
  document.querySelectorAll("ol.focus li.active").forEach(function (li) { li.classList.remove("active"); });
}

function drawGraph() {
  var container = document.getElementById("mynetwork");
  nodes = new vis.DataSet(PAGE.nodes.map(visNode));
  edges = new vis.DataSet(PAGE.edges.map(visEdge));
  nodeView = new vis.DataView(nodes, {filter: function (node) { return shownNodes === null || shownNodes.has(node.id); }});
  edgeView = new vis.DataView(edges, {filter: function (edge) { return shownEdges === null || shownEdges.has(edge.key); }});
  network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, PAGE.options);
  network.once("stabilizationIterationsDone", function () {
    // freeze the settled layout: filtering then hides items without moving the rest
    network.storePositions();
    network.setOptions({physics: {enabled: false}});
  });
  network.on("click", function (params) {
    if (!params.nodes.length && !params.edges.length) { clearFocus(); }
  });
  network.once("afterDrawing", function () { window.__ready = true; });
  return network;
}

// Live measures: with a filter on, the strained relationships and the node sizes
// are computed from the shown edges, as graphkit's strain and centrality compute
// them from a whole set (graphkit/analysis/); unfiltered, the page shows graphkit's own.
function fmt(value) {
  // graphkit.render.style.format_number
  var text = value.toFixed(2).replace(/0+$/, "").replace(/\.$/, "");
  if (text === "-0" || text === "") { text = "0"; }
  return text.replace("-", "\u2212");
}
var NAMES = new Map(PAGE.nodes.map(function (n) { return [n.id, String(n.label)]; }));
function strainedPairs(kept, rows) {
  var pairs = new Map();
  kept.forEach(function (e) {
    var key = pairKey(e), p = pairs.get(key);
    if (!p) {
      var a = e.from < e.to ? e.from : e.to;
      p = {a: a, b: a === e.from ? e.to : e.from, strain: 0, ab: 0, ba: 0, hostile: 0, cooperative: 0,
           domains: new Set(), edges: []};
      pairs.set(key, p);
    }
    p.strain += e.strain;
    if (e.from === p.a) { p.ab += e.strain; } else { p.ba += e.strain; }
    if (e.sign === "hostile") { p.hostile += 1; }
    if (e.sign === "cooperative") { p.cooperative += 1; }
    p.domains.add(e.domain);
    p.edges.push(e.id);
  });
  var round = function (v) { return Math.round(v * 1e6) / 1e6; };
  var list = Array.from(pairs.values()).filter(function (p) { return round(p.strain) > 0; });
  list.sort(function (x, y) {
    return round(y.strain) - round(x.strain) || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
  });
  return list.slice(0, rows).map(function (p) {
    var ways = [[p.ab, p.a, p.b], [p.ba, p.b, p.a]].sort(function (x, y) { return y[0] - x[0]; })
      .filter(function (w) { return w[0] > 0; })
      .map(function (w) { return w[1] + "\u2192" + w[2] + " " + fmt(w[0]); });
    var counts = p.hostile + " hostile" + (p.cooperative ? ", " + p.cooperative + " cooperative" : "");
    return {
      label: NAMES.get(p.a) + " \u2194 " + NAMES.get(p.b), value: fmt(p.strain),
      detail: [ways.join(", "), counts, Array.from(p.domains).sort().join(", ")].join(" \u00b7 "),
      nodes: [p.a, p.b], edges: p.edges
    };
  });
}
function hostileLayer(kept, actors) {
  // one link per ordered pair with strain > 0, weighted by its strain
  var index = new Map(actors.map(function (a, i) { return [a, i]; })), sums = new Map();
  kept.forEach(function (e) {
    if (e.strain > 0) { var k = index.get(e.from) + "," + index.get(e.to); sums.set(k, (sums.get(k) || 0) + e.strain); }
  });
  return Array.from(sums.entries()).map(function (kv) {
    var ends = kv[0].split(",");
    return {s: Number(ends[0]), t: Number(ends[1]), w: kv[1]};
  });
}
function pagerank(n, links) {
  // networkx.pagerank: alpha 0.85, dangling actors spread uniformly, tol 1e-6
  var out = new Array(n).fill(0), x = new Array(n).fill(1 / n), alpha = 0.85;
  links.forEach(function (l) { out[l.s] += l.w; });
  for (var iter = 0; iter < 100; iter++) {
    var dangling = 0, next = new Array(n).fill(0);
    for (var i = 0; i < n; i++) { if (out[i] === 0) { dangling += x[i]; } }
    links.forEach(function (l) { next[l.t] += alpha * x[l.s] * l.w / out[l.s]; });
    var err = 0;
    for (i = 0; i < n; i++) { next[i] += alpha * dangling / n + (1 - alpha) / n; err += Math.abs(next[i] - x[i]); }
    x = next;
    if (err < n * 1e-6) { break; }
  }
  return x;
}
function hits(n, links) {
  // graphkit's HITS: power iteration from a uniform start, each vector summing to 1
  var hub = new Array(n).fill(1 / n), auth = new Array(n).fill(0);
  if (!links.length) { return [new Array(n).fill(0), auth]; }
  var scaled = function (v) { var t = v.reduce(function (a, b) { return a + b; }, 0); return v.map(function (x) { return x / t; }); };
  for (var iter = 0; iter < 10000; iter++) {
    auth = new Array(n).fill(0);
    links.forEach(function (l) { auth[l.t] += l.w * hub[l.s]; });
    auth = scaled(auth);
    var next = new Array(n).fill(0);
    links.forEach(function (l) { next[l.s] += l.w * auth[l.t]; });
    next = scaled(next);
    var diff = 0;
    for (var i = 0; i < n; i++) { diff += Math.abs(next[i] - hub[i]); }
    hub = next;
    if (diff < 1e-13) { break; }
  }
  return [hub, auth];
}
function betweenness(n, links) {
  // Brandes with Dijkstra, distance = 1/strain, normalised by (n-1)(n-2) as networkx does
  var adj = [], score = new Array(n).fill(0);
  for (var i = 0; i < n; i++) { adj.push([]); }
  links.forEach(function (l) { adj[l.s].push([l.t, 1 / l.w]); });
  for (var s = 0; s < n; s++) {
    var dist = new Array(n).fill(Infinity), sigma = new Array(n).fill(0), preds = [], order = [], done = new Array(n).fill(false);
    for (i = 0; i < n; i++) { preds.push([]); }
    dist[s] = 0; sigma[s] = 1;
    var heap = [[0, s]];
    while (heap.length) {
      var best = 0;
      for (i = 1; i < heap.length; i++) { if (heap[i][0] < heap[best][0]) { best = i; } }
      var top = heap.splice(best, 1)[0], v = top[1];
      if (done[v] || top[0] > dist[v]) { continue; }
      done[v] = true; order.push(v);
      adj[v].forEach(function (edge) {
        var w = edge[0], d = dist[v] + edge[1];
        if (d < dist[w]) { dist[w] = d; sigma[w] = sigma[v]; preds[w] = [v]; heap.push([d, w]); }
        else if (d === dist[w]) { sigma[w] += sigma[v]; preds[w].push(v); }
      });
    }
    var delta = new Array(n).fill(0);
    for (var k = order.length - 1; k >= 0; k--) {
      var w2 = order[k];
      preds[w2].forEach(function (u) { delta[u] += sigma[u] / sigma[w2] * (1 + delta[w2]); });
      if (w2 !== s) { score[w2] += delta[w2]; }
    }
  }
  var scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  return score.map(function (x) { return x * scale; });
}
function measure(name, kept, actors) {
  // one centrality column for the shown edges (see graphkit.analysis.centrality_alg)
  var values = new Map(actors.map(function (a) { return [a, 0]; }));
  var add = function (key, amount) { values.set(key, values.get(key) + amount); };
  if (name === "hostile_in" || name === "hostile_out" || name === "cooperation_in" || name === "cooperation_out") {
    var field = name.split("_")[0] === "hostile" ? "strain" : "cooperation";
    kept.forEach(function (e) { add(name.endsWith("_in") ? e.to : e.from, e[field]); });
  } else if (name === "degree_in" || name === "degree_out") {
    var seen = new Set();
    kept.forEach(function (e) {
      var k = e.from + "\u0000" + e.to;
      if (!seen.has(k)) { seen.add(k); add(name === "degree_in" ? e.to : e.from, 1); }
    });
  } else {
    var links = hostileLayer(kept, actors), n = actors.length, result;
    if (name === "pagerank") { result = pagerank(n, links); }
    else if (name === "betweenness") { result = betweenness(n, links); }
    else { result = hits(n, links)[name === "hub" ? 0 : 1]; }
    actors.forEach(function (a, i) { values.set(a, result[i]); });
  }
  return values;
}
function nodeSize(value, top) {
  // graphkit.render.graph: area, not radius, proportional to the measure
  var low = PAGE.live.size_range[0], high = PAGE.live.size_range[1];
  return top > 0 && value > 0 ? Math.round((low + (high - low) * Math.sqrt(value / top)) * 1000) / 1000 : low;
}
function liveUpdate() {
  if (!PAGE.live) { return; }
  if (shownEdges === null) {
    nodes.update(PAGE.nodes.map(function (n) { return {id: visNodeId(n.id), size: n.size}; }));
    fillFocus(PAGE.focus.items);
    return;
  }
  var kept = PAGE.edges.filter(function (e) { return shownEdges.has(e.id); });
  var actors = PAGE.nodes.map(function (n) { return n.id; }).filter(function (id) { return shownNodes.has(visNodeId(id)); });
  var values = measure(PAGE.live.size_by, kept, actors), top = 0;
  values.forEach(function (v) { top = Math.max(top, v); });
  nodes.update(actors.map(function (id) { return {id: visNodeId(id), size: nodeSize(values.get(id), top)}; }));
  fillFocus(strainedPairs(kept, PAGE.live.focus_rows));
}
buildHeader();
buildFilters();
buildLegend();
buildFocus();
drawGraph();
if (document.getElementById("count")) { applyFilters(); }
