// Labels on a large page (positions from Python, graphkit/render/layout.py): each label's
// size is in drawing units, so it grows as the user zooms in; where two would overlap,
// the larger actor's label is kept (the focused or selected actors' first).

var LABEL_MIN_PX = 5;  // vis-network draws no label smaller than this on screen
var hiddenLabels = new Set(), declutterTimer = null, labelRanking = null;

function placedPage() {
  return PAGE.nodes.length > 0 && PAGE.nodes[0].x !== undefined && PAGE.nodes[0].font !== undefined;
}
function scheduleDeclutter() {
  if (!placedPage() || !network) { return; }
  clearTimeout(declutterTimer);
  declutterTimer = setTimeout(declutter, 120);
}
function overlaps(box, placed) {
  for (var i = 0; i < placed.length; i++) {
    var p = placed[i];
    if (box[0] < p[2] && p[0] < box[2] && box[1] < p[3] && p[1] < box[3]) { return true; }
  }
  return false;
}
function declutter() {
  if (labelRanking === null) {
    labelRanking = PAGE.nodes.slice().sort(function (x, y) { return y.size - x.size || (x.id < y.id ? -1 : 1); });
  }
  var scale = network.getScale(), frame = document.getElementById("mynetwork");
  var width = frame.clientWidth, height = frame.clientHeight;
  var first = new Set(network.getSelectedNodes());
  if (focused !== null) { focused.nodes.forEach(function (id) { first.add(visNodeId(id)); }); }
  var ranked = labelRanking.filter(function (n) { return first.has(visNodeId(n.id)); })
    .concat(labelRanking.filter(function (n) { return !first.has(visNodeId(n.id)); }));
  var positions = network.getPositions(), placed = [], hide = new Set();
  ranked.forEach(function (n) {
    var id = visNodeId(n.id), px = n.font.size * scale;
    if (px < LABEL_MIN_PX || (shownNodes !== null && !shownNodes.has(id)) || !positions[id]) { return; }
    var at = network.canvasToDOM(positions[id]);
    if (at.x < -200 || at.y < -50 || at.x > width + 200 || at.y > height + 50) { return; }
    var half = 0.3 * px * String(n.label).length, top = at.y + nodes.get(id).size * scale;
    var box = [at.x - half, top, at.x + half, top + 1.2 * px];
    if (overlaps(box, placed)) { hide.add(id); } else { placed.push(box); }
  });
  var changes = [];
  hide.forEach(function (id) { if (!hiddenLabels.has(id)) { changes.push({id: id, font: {size: 0}}); } });
  hiddenLabels.forEach(function (id) {
    if (!hide.has(id)) { changes.push({id: id, font: {size: PAGE_FONT.get(id)}}); }
  });
  hiddenLabels = hide;
  if (changes.length) { nodes.update(changes); }
}
var PAGE_FONT = new Map(PAGE.nodes.filter(function (n) { return n.font; }).map(function (n) { return [visNodeId(n.id), n.font.size]; }));
