// Labels on a large page (positions from Python, graphkit/render/layout.py): each label
// grows as the user zooms in, up to LABEL_MAX_PX on screen; where two would overlap, the
// larger actor's label is kept, and the focused or chosen actors' labels always.

var LABEL_MIN_PX = 5;  // vis-network draws no label smaller than this on screen
var LABEL_MAX_PX = 18;  // zoomed in, a label grows to this and no further
var hiddenLabels = new Set(), declutterTimer = null, labelRanking = null, labelsFor = "";

function placedPage() {
  return PAGE.nodes.length > 0 && PAGE.nodes[0].x !== undefined && PAGE.nodes[0].font !== undefined;
}
function scheduleDeclutter(changed) {
  // 120 ms after the last drawing (an animated fit draws many), when the view or what it
  // shows changed; not before the first drawing, which it would delay (state.js asks then)
  if (!placedPage() || !network || !window.__ready) { return; }
  if (changed !== false) { labelsFor = ""; }
  clearTimeout(declutterTimer);
  declutterTimer = setTimeout(declutter, 120);
}
function viewKey() {
  var at = network.getViewPosition();
  return [network.getScale().toFixed(4), Math.round(at.x), Math.round(at.y)].join(",");
}
function overlaps(box, placed) {
  for (var i = 0; i < placed.length; i++) {
    var p = placed[i];
    if (box[0] < p[2] && p[0] < box[2] && box[1] < p[3] && p[1] < box[3]) { return true; }
  }
  return false;
}
function declutter() {
  if (labelsFor === viewKey()) { return; }
  labelsFor = viewKey();
  if (labelRanking === null) {
    labelRanking = PAGE.nodes.slice().sort(function (x, y) { return y.size - x.size || (x.id < y.id ? -1 : 1); });
  }
  var scale = network.getScale(), frame = document.getElementById("mynetwork");
  var width = frame.clientWidth, height = frame.clientHeight;
  var first = new Set(network.getSelectedNodes());
  if (focused !== null) { focused.nodes.forEach(function (id) { first.add(visNodeId(id)); }); }
  var ranked = labelRanking.filter(function (n) { return first.has(visNodeId(n.id)); })
    .concat(labelRanking.filter(function (n) { return !first.has(visNodeId(n.id)); }));
  var positions = network.getPositions(), placed = [], want = new Map();
  ranked.forEach(function (n) {
    var id = visNodeId(n.id), size = PAGE_FONT.get(id), px = Math.min(size * scale, LABEL_MAX_PX);
    if (size * scale < LABEL_MIN_PX || (shownNodes !== null && !shownNodes.has(id)) || !positions[id]) { return; }
    var at = network.canvasToDOM(positions[id]);
    if (at.x < -200 || at.y < -50 || at.x > width + 200 || at.y > height + 50) { return; }
    var half = 0.3 * px * String(n.label).length, top = at.y + nodes.get(id).size * scale;
    var box = [at.x - half, top, at.x + half, top + 1.2 * px];
    // the focused or chosen actors keep their labels whatever they cover
    if (!first.has(id) && overlaps(box, placed)) { want.set(id, 0); return; }
    placed.push(box);
    want.set(id, Math.round(px / scale * 100) / 100);
  });
  // straight to the drawn nodes and one redraw: through the DataSet each change would
  // re-run vis's whole data pipeline (two redraws of the page)
  var changed = false;
  want.forEach(function (size, id) {
    var drawn = network.body.nodes[id];
    if (drawn && drawn.options.font.size !== size) { drawn.setOptions({font: {size: size}}); changed = true; }
  });
  hiddenLabels = new Set(Array.from(want.keys()).filter(function (id) { return want.get(id) === 0; }));
  if (changed) { network.redraw(); }
}
var PAGE_FONT = new Map(PAGE.nodes.filter(function (n) { return n.font; }).map(function (n) { return [visNodeId(n.id), n.font.size]; }));
