// What the page offers beside the drawing: the details panel, the actor search, the
// fit and reset-zoom buttons, the canvas's one-sentence summary and the table view.

var detailsOpener = null, detailsItem = null, initialView = null;

function openDetails(title, paragraphs, opener, item) {
  // the panel stays until closed (Close, Escape or a click on empty space); its text
  // can be selected and copied, unlike a tooltip's
  var box = document.getElementById("details"), text = document.getElementById("details-text");
  document.getElementById("details-title").textContent = title;
  while (text.firstChild) { text.removeChild(text.firstChild); }
  paragraphs.forEach(function (p) { text.appendChild(el("p", p)); });
  box.hidden = false;
  detailsOpener = opener || null;
  detailsItem = item || null;
  if (opener) { document.getElementById("details-title").focus({preventScroll: false}); }
  saveState();
}
function closeDetails(restore) {
  var box = document.getElementById("details");
  if (box.hidden) { return; }
  box.hidden = true;
  detailsItem = null;
  if (restore !== false && detailsOpener && document.body.contains(detailsOpener)) { detailsOpener.focus(); }
  detailsOpener = null;
  saveState();
}
function showNodeDetails(id, opener) {
  var node = nodes.get(id);
  if (node === null) { return; }
  openDetails("Actor: " + node.label, [node.title], opener, {node: node.key});
}
function showEdgeDetails(id, opener) {
  var edge = edges.get(id);
  if (edge === null) { return; }
  openDetails(PAGE.noun_one, [edge.title], opener, {edge: edge.key});
}
function showItemDetails(item, opener) {
  // a relationship of the ranked list or the table: its figures, then each shown edge's text
  var shown = item.edges.filter(function (id) { return shownEdges === null || shownEdges.has(id); });
  var texts = shown.slice(0, 40).map(function (id) { return edges.get(visEdgeId(id)).title; });
  if (shown.length > 40) { texts.push("\u2026 and " + (shown.length - 40) + " more: narrow the filters to see them."); }
  var head = [item.label + (item.value ? ": " + item.value : "")];
  if (item.detail) { head.push(item.detail); }
  openDetails("Relationship", head.concat(texts), opener, {pair: item.nodes});
}

function shownNodeIds() { return nodeView.getIds(); }
function fitTo(ids) {
  // animated on a small page; at once on a large one, where each frame takes a few
  // hundred ms and an animation would crawl
  network.fit({nodes: ids, animation: placedPage() ? false : {duration: 400, easingFunction: "easeInOutQuad"}});
}
function fitShown() { fitTo(shownNodeIds()); }
function rememberView() {
  if (initialView === null) { initialView = {position: network.getViewPosition(), scale: network.getScale()}; }
}

function findActors(text) {
  // exact name or id first, then names containing the text (case ignored)
  var want = text.trim().toLowerCase();
  if (!want) { return []; }
  var exact = PAGE.nodes.filter(function (n) { return String(n.label).toLowerCase() === want || String(n.id).toLowerCase() === want; });
  if (exact.length) { return exact; }
  return PAGE.nodes.filter(function (n) { return String(n.label).toLowerCase().indexOf(want) >= 0; });
}
function chooseActor(key, opener) {
  // select the actor, fit the view to it and its shown neighbours, open its details
  var id = visNodeId(key), note = document.getElementById("search-note"), label = NAMES.get(key);
  clearFocus();
  if (nodeView.get(id) === null) {
    note.textContent = label + " is hidden by the filters: Reset shows it.";
  } else {
    var near = network.getConnectedNodes(id).filter(function (n) { return nodeView.get(n) !== null; });
    network.selectNodes([id], false);
    fitTo([id].concat(near));
    note.textContent = label + ": selected, with " + near.length + " neighbour" + (near.length === 1 ? "" : "s") + " in view.";
  }
  showNodeDetails(id, opener);
  scheduleDeclutter();
}
function buildTools() {
  var names = document.getElementById("actor-names"), seen = new Set();
  PAGE.nodes.map(function (n) { return String(n.label); }).sort().forEach(function (label) {
    if (!seen.has(label)) { seen.add(label); names.appendChild(el("option")).value = label; }
  });
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    var input = document.getElementById("search-input"), found = findActors(input.value);
    var note = document.getElementById("search-note");
    if (found.length === 1) { chooseActor(found[0].id, input); }
    else if (!found.length) { note.textContent = "No actor matches \u201c" + input.value + "\u201d."; }
    else { note.textContent = found.length + " actors match \u201c" + input.value + "\u201d: pick one from the suggestions."; }
  });
  document.getElementById("fit").addEventListener("click", fitShown);
  document.getElementById("reset-zoom").addEventListener("click", function () {
    if (initialView) {
      network.moveTo({position: initialView.position, scale: initialView.scale, animation: placedPage() ? false : {duration: 300}});
    }
  });
  document.getElementById("table-toggle").addEventListener("click", function () { showTable(!tableOpen()); });
  document.getElementById("details-close").addEventListener("click", function () { closeDetails(); });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = !document.getElementById("details").hidden;
    if (!open && focused === null) { return; }
    clearFocus();
    closeDetails();
    saveState();
  });
}

function summary() {
  // the canvas's text alternative: one sentence on what it shows
  var top = document.querySelector("#focus-list button .focus-row");
  var sentence = "Graph of " + edgeView.length + " of " + edges.length + " " + PAGE.noun + " between " +
    nodeView.length + " of " + nodes.length + " actors";
  if (top) {
    sentence += "; first in the list: " + top.firstChild.textContent + " (" + top.lastChild.textContent + ")";
  }
  return sentence + ". The table view lists the same as text.";
}
function labelCanvas(container) {
  var frame = container.querySelector(".vis-network");
  frame.setAttribute("role", "img");
  frame.setAttribute("aria-roledescription", "graph drawing");
  var hint = el("p", "Arrow keys move the drawing, + and \u2212 zoom.", "sr-only");
  hint.id = "graph-keys";
  container.parentNode.appendChild(hint);
  frame.setAttribute("aria-describedby", "graph-keys");
}
function updateSummary() {
  document.querySelector("#mynetwork .vis-network").setAttribute("aria-label", summary());
}

function tableOpen() { return !document.getElementById("table-view").hidden; }
function showTable(open) {
  document.getElementById("table-view").hidden = !open;
  document.getElementById("mynetwork").classList.toggle("covered", open);
  document.getElementById("table-toggle").setAttribute("aria-expanded", String(open));
  refreshTable();
  saveState();
}
var TABLE_ROWS = 1000;
function relationships() {
  // the shown edges grouped by pair of actors, most strained first
  var pairs = new Map();
  PAGE.edges.forEach(function (e) {
    if (shownEdges !== null && !shownEdges.has(e.id)) { return; }
    var key = pairKey(e), p = pairs.get(key);
    if (!p) {
      var a = e.from < e.to ? e.from : e.to;
      p = {a: a, b: a === e.from ? e.to : e.from, strain: 0, counts: {}, evidence: [], edges: []};
      pairs.set(key, p);
    }
    p.strain += Number(e.strain !== undefined ? e.strain : e.pair_strain || 0);
    var kind = e.change || e.sign || "";
    p.counts[kind] = (p.counts[kind] || 0) + 1;
    if (e.quotes) { p.evidence = p.evidence.concat(e.quotes); }
    else if (e.quote !== undefined) { p.evidence.push(e.quote ? "\u201c" + e.quote + "\u201d" : "(no quote)"); }
    p.edges.push(e.id);
  });
  return Array.from(pairs.values()).sort(function (x, y) {
    return y.strain - x.strain || (NAMES.get(x.a) + NAMES.get(x.b) < NAMES.get(y.a) + NAMES.get(y.b) ? -1 : 1);
  });
}
function cell(row, text, cls) { row.appendChild(el("td", text, cls)); }
function table(box, caption, columns) {
  var t = el("table"), head = el("tr");
  t.appendChild(el("caption", caption)).className = "sr-only";
  columns.forEach(function (c) { var th = el("th", c[0], c[1]); th.scope = "col"; head.appendChild(th); });
  t.appendChild(el("thead")).appendChild(head);
  box.appendChild(t);
  return t.appendChild(el("tbody"));
}
function refreshTable() {
  if (!tableOpen()) { return; }
  var box = document.getElementById("table-view");
  while (box.firstChild) { box.removeChild(box.firstChild); }
  var rows = relationships();
  var kinds = PAGE.edges.some(function (e) { return e.change; }) ? ["added", "removed", "changed", "unchanged"] : ["hostile", "cooperative", "neutral"];
  var strained = PAGE.edges.some(function (e) { return e.strain !== undefined || e.pair_strain !== undefined; });
  var title = "Relationships shown (" + rows.length + (rows.length > TABLE_ROWS ? "; the first " + TABLE_ROWS + " below" : "") + ")";
  box.appendChild(el("h2", title));
  var cols = [["Relationship"]].concat(strained ? [["Strain", "num"]] : [], kinds.map(function (k) { return [k[0].toUpperCase() + k.slice(1), "num"]; }), [["Quotes"]]);
  var body = table(box, title, cols);
  rows.slice(0, TABLE_ROWS).forEach(function (p) {
    var tr = el("tr"), first = el("td"), button = el("button", NAMES.get(p.a) + " \u2194 " + NAMES.get(p.b));
    button.type = "button";
    button.addEventListener("click", function () {
      var item = {label: button.textContent, value: strained ? fmt(p.strain) : "", detail: "", nodes: [p.a, p.b], edges: p.edges};
      clearFocus();
      focusOn(item);
      showItemDetails(item, button);
    });
    first.appendChild(button);
    tr.appendChild(first);
    if (strained) { cell(tr, fmt(p.strain), "num"); }
    kinds.forEach(function (k) { cell(tr, String(p.counts[k] || 0), "num"); });
    var quotes = el("td"), list = el("ul");
    p.evidence.slice(0, 12).forEach(function (q) { list.appendChild(el("li", q)); });
    if (p.evidence.length > 12) { list.appendChild(el("li", "\u2026 " + (p.evidence.length - 12) + " more (details)")); }
    quotes.appendChild(list);
    tr.appendChild(quotes);
    body.appendChild(tr);
  });
  var actors = PAGE.nodes.filter(function (n) { return shownNodes === null || shownNodes.has(visNodeId(n.id)); });
  var degree = new Map();
  PAGE.edges.forEach(function (e) {
    if (shownEdges !== null && !shownEdges.has(e.id)) { return; }
    [[e.from, 0], [e.to, 1]].forEach(function (end) {
      var d = degree.get(end[0]) || [0, 0];
      d[end[1]] += 1;
      degree.set(end[0], d);
    });
  });
  var atitle = "Actors shown (" + actors.length + (actors.length > TABLE_ROWS ? "; the first " + TABLE_ROWS + " below" : "") + ")";
  box.appendChild(el("h2", atitle));
  var abody = table(box, atitle, [["Actor"], ["Id"], ["Edges out", "num"], ["Edges in", "num"]]);
  actors.slice(0, TABLE_ROWS).forEach(function (n) {
    var tr = el("tr"), first = el("td"), button = el("button", n.label);
    button.type = "button";
    button.addEventListener("click", function () { chooseActor(n.id, button); });
    first.appendChild(button);
    tr.appendChild(first);
    var d = degree.get(n.id) || [0, 0];
    cell(tr, n.id);
    cell(tr, String(d[0]), "num");
    cell(tr, String(d[1]), "num");
    abody.appendChild(tr);
  });
}
