// The view in the address's fragment (#domain=trade&actor=CAN&min=5&from=2024-01-01&pair=CAN&pair=USA&view=table):
// read on load and when the fragment changes, rewritten on every change, so that a
// link reopens the same view, offline too (file:// addresses keep their fragment).

var restoring = false;

function filterKey(spec) { return spec.key || (spec.type === "select" ? spec.field : spec.type); }

function saveState() {
  if (restoring) { return; }
  var params = new URLSearchParams();
  PAGE.filters.forEach(function (spec, index) {
    var value = state[index];
    if (spec.type === "dates") {
      if (!datesBound(value)) { return; }
      if (value.from) { params.append("from", value.from); }
      if (value.to) { params.append("to", value.to); }
      if (value.overlap) { params.append("overlap", "1"); }
      if (value.keep) { params.append("undated", "keep"); }
      return;
    }
    if (value === undefined || value === "" || value === 0) { return; }
    params.append(filterKey(spec), spec.type === "actor" ? String(value).slice(2) : String(value));
  });
  if (focused !== null) { focused.nodes.forEach(function (id) { params.append("pair", id); }); }
  if (detailsItem && detailsItem.node !== undefined) { params.append("node", detailsItem.node); }
  if (detailsItem && detailsItem.edge !== undefined) { params.append("edge", detailsItem.edge); }
  if (tableOpen()) { params.append("view", "table"); }
  var text = params.toString(), address = location.href.split("#")[0] + (text ? "#" + text : "");
  if (address === location.href) { return; }
  try { history.replaceState(null, "", address); } catch (err) { location.hash = text; }
}

function readFilters(params) {
  var values = {};
  PAGE.filters.forEach(function (spec, index) {
    if (spec.type === "dates") {
      values[index] = {from: params.get("from") || "", to: params.get("to") || "",
                       overlap: params.get("overlap") === "1", keep: params.get("undated") === "keep"};
      return;
    }
    var value = params.get(filterKey(spec));
    if (value === null) { return; }
    values[index] = spec.type === "actor" ? visNodeId(value) : value;
  });
  return values;
}
function restoreFocus(params) {
  var pair = params.getAll("pair");
  if (pair.length === 2) {
    var key = pair.slice().sort().join("\u0000");
    var buttons = document.querySelectorAll("#focus-list button");
    var items = PAGE.live && shownEdges !== null ? strainedPairs(PAGE.edges.filter(function (e) { return shownEdges.has(e.id); }), PAGE.live.focus_rows) : listedItems();
    var index = items.findIndex(function (item) { return item.nodes.slice().sort().join("\u0000") === key; });
    if (index >= 0 && buttons[index]) { buttons[index].click(); return; }
  }
  var actor = params.get("node"), edge = params.get("edge");
  if (actor !== null && nodes.get(visNodeId(actor)) !== null) { chooseActor(actor); }
  else if (edge !== null && edges.get(visEdgeId(edge)) !== null) {
    network.selectEdges([visEdgeId(edge)]);
    showEdgeDetails(visEdgeId(edge));
  }
}
function restoreState(params, drawn) {
  restoring = true;
  setFilters(readFilters(params));
  applyFilters();
  if (params.get("view") === "table") { showTable(true); }
  if (drawn) { restoreFocus(params); }
  restoring = false;
  if (drawn) { saveState(); }
}

buildHeader();
buildFilters();
buildLegend();
buildFocus();
buildTools();
drawGraph();
restoring = true;
applyFilters();
restoring = false;
function firstDrawing() {
  // the address's view waits for the first drawing: the layout settles with every actor
  // in it (vis cannot freeze the positions of actors it has not placed), and the focus's
  // zoom is not undone by the layout's own fit
  rememberView();
  restoreState(initialState, true);
  if (focused === null && filtering()) { network.fit({nodes: shownNodeIds()}); }
  window.__ready = true;
  scheduleDeclutter();
}
network.on("afterDrawing", function () { scheduleDeclutter(false); });
window.addEventListener("hashchange", function () {
  restoreState(new URLSearchParams(location.hash.slice(1)), true);
});
