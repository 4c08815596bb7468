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
