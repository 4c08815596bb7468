// The page's data, filters, ranked list and drawing. graphkit/render/page.py inlines
// measures.js, page.js, views.js, labels.js and state.js, in that order, after PAGE.
var nodes, edges, nodeView, edgeView, network;
var state = {};
// the view the address asks for (state.js), read before anything rewrites it
var initialState = new URLSearchParams(location.hash.slice(1));

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

// every text from the edge set goes into the page as textContent, never as HTML
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
  document.getElementById("draft").textContent = PAGE.draft;
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
      } else if (kind === "line" || kind === "dashed" || kind === "dotted") {
        var line = el("span", null, "legend-" + kind);
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
function actorChosen() {
  // the vis id the actor filter keeps, or ""
  for (var i = 0; i < PAGE.filters.length; i++) {
    if (PAGE.filters[i].type === "actor" && state[i]) { return state[i]; }
  }
  return "";
}
var shownNodes = null, shownEdges = null, applyTimer = null;
function applyFilters() {
  clearTimeout(applyTimer);
  applyTimer = null;
  clearFocus();
  var wasFiltered = shownNodes !== null;
  if (filtering()) {
    shownEdges = shownEdgeIds();
    shownNodes = new Set();
    PAGE.edges.forEach(function (edge) {
      if (shownEdges.has(edge.id)) { shownNodes.add(visNodeId(edge.from)); shownNodes.add(visNodeId(edge.to)); }
    });
    // the chosen actor stays drawn even when none of its edges passes the other filters
    if (actorChosen()) { shownNodes.add(actorChosen()); }
  } else {
    shownNodes = shownEdges = null;
  }
  // (speed) unfiltered before and now: the views show everything already, and
  // refreshing them costs a third of a second on a page of 5,000 edges
  if (wasFiltered || shownNodes !== null) {
    edgeView.refresh();
    nodeView.refresh();
    if (PAGE.live) { liveUpdate(); } else { fillFocus(listedItems()); }
  }
  var count = document.getElementById("count");
  if (count) {
    count.textContent = "Showing " + edgeView.length + " of " + edges.length + " edges and " +
      nodeView.length + " of " + nodes.length + " nodes";
  }
  var actor = actorChosen();
  if (actor && nodeView.get(actor) !== null) {
    // the chosen actor highlighted, the view fitted to what it shows
    network.selectNodes([actor], false);
    // (before the first drawing the layout's own fit does it)
    if (window.__ready) { fitShown(); }
  }
  afterChange();
}
function afterChange() {
  updateSummary();
  refreshTable();
  scheduleDeclutter();
  saveState();
}
function listedItems() {
  // a list graphkit ranked (not recomputed): the rows with an edge the filters show
  if (shownEdges === null) { return PAGE.focus.items; }
  return PAGE.focus.items.filter(function (item) {
    return item.edges.some(function (id) { return shownEdges.has(id); });
  });
}
function buildFilters() {
  var box = document.getElementById("filters");
  if (!PAGE.filters.length) { box.hidden = true; return; }
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
      shown.setAttribute("aria-hidden", "true");
      // the number follows the thumb at once; the graph redraws once the thumb rests
      // (150 ms) or is let go: each redraw of a large page takes a few hundred ms
      control.addEventListener("input", function () {
        state[index] = Number(control.value);
        shown.textContent = control.value;
        clearTimeout(applyTimer);
        applyTimer = setTimeout(applyFilters, 150);
      });
      control.addEventListener("change", function () {
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
  reset.addEventListener("click", function () { setFilters({}); applyFilters(); });
  box.appendChild(reset);
  var count = el("p", "", "count");
  count.id = "count";
  count.setAttribute("role", "status");
  box.appendChild(count);
}
function setFilters(values) {
  // put the controls and the state to ``values`` (index -> value); the rest to "all"
  state = {};
  PAGE.filters.forEach(function (spec, index) {
    var control = document.getElementById("filter-" + index), value = values[index];
    if (spec.type === "dates") {
      setDates(index, value);
    } else if (spec.type === "min") {
      value = Math.max(0, Math.min(Number(value) || 0, spec.max));
      control.value = String(value);
      document.getElementById("filter-" + index + "-value").textContent = control.value;
      state[index] = Number(control.value);
    } else {
      control.value = value || "";
      if (control.value !== (value || "")) { control.value = ""; }
      state[index] = control.value;
    }
  });
}

function buildFocus() {
  var box = document.getElementById("focus");
  if (!PAGE.focus.items.length && !PAGE.live) { return; }
  heading(box, PAGE.focus.title);
  var list = el("ol", null, "focus" + (PAGE.focus.plain ? " plain" : ""));
  list.id = "focus-list";
  list.setAttribute("aria-label", PAGE.focus.title);
  box.appendChild(list);
  fillFocus(PAGE.focus.items);
}
function fillFocus(items) {
  var list = document.getElementById("focus-list");
  if (!list) { return; }
  while (list.firstChild) { list.removeChild(list.firstChild); }
  if (!items.length) {
    list.appendChild(el("li", PAGE.live ? "(no strained relationship among the shown actions)"
      : "(none of these among what the filters show)", "focus-empty"));
  }
  items.forEach(function (item) {
    var li = el("li");
    var button = el("button");
    button.type = "button";
    button.setAttribute("aria-pressed", "false");
    var row = el("span", null, "focus-row");
    row.appendChild(el("span", item.label));
    row.appendChild(el("span", item.value, "focus-value"));
    button.appendChild(row);
    if (item.detail) { button.appendChild(el("span", item.detail, "focus-detail")); }
    if (item.interval) { button.appendChild(el("span", item.interval, "focus-detail focus-interval")); }
    button.title = "Show this relationship and its details (again, Escape or a click on empty space: show all)";
    button.addEventListener("click", function () {
      var again = focused !== null && focused.label === item.label;
      clearFocus();
      closeDetails(false);
      if (again) { saveState(); return; }
      button.setAttribute("aria-pressed", "true");
      focusOn(item);
      showItemDetails(item, button);
    });
    li.appendChild(button);
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
  network.setSelection({nodes: shown, edges: selected}, {unselectAll: true, highlightEdges: false});
  if (shown.length) { fitTo(shown); }
  scheduleDeclutter();
  saveState();
}

function clearFocus() {
  if (focused === null) { return; }
  focused = null;
  edges.update(PAGE.edges.map(function (e) { return {id: visEdgeId(e.id), color: e.color}; }));
  nodes.update(PAGE.nodes.map(function (n) { return {id: visNodeId(n.id), opacity: 1}; }));
  network.unselectAll();
  document.querySelectorAll("ol.focus button[aria-pressed=true]").forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
}

function drawGraph() {
  var container = document.getElementById("mynetwork");
  nodes = new vis.DataSet(PAGE.nodes.map(visNode));
  edges = new vis.DataSet(PAGE.edges.map(visEdge));
  nodeView = new vis.DataView(nodes, {filter: function (node) { return shownNodes === null || shownNodes.has(node.id); }});
  edgeView = new vis.DataView(edges, {filter: function (edge) { return shownEdges === null || shownEdges.has(edge.key); }});
  network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, PAGE.options);
  // the first drawing comes after the layout settled (or at once, when Python placed the actors)
  network.once("afterDrawing", firstDrawing);
  network.once("stabilizationIterationsDone", function () {
    // freeze the settled layout: filtering then hides items without moving the rest
    network.storePositions();
    network.setOptions({physics: {enabled: false}});
  });
  network.on("click", function (params) {
    if (params.nodes.length) { showNodeDetails(params.nodes[0]); }
    else if (params.edges.length) { showEdgeDetails(params.edges[0]); }
    else { clearFocus(); closeDetails(false); }
  });
  labelCanvas(container);
  return network;
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
