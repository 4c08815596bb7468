// The dates control (graphkit/render/time_control.py): two menus of periods, overlap and
// keep-undated boxes, applying the command line's date rule to the shown actions.

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
  var toLabel = el("label", "to");
  toLabel.htmlFor = to.id;
  wrap.appendChild(toLabel);
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
function setDates(index, value) {
  // the control and the state to ``value`` ({from, to, overlap, keep}; none: the whole span)
  var id = "filter-" + index, v = value || {};
  var from = document.getElementById(id + "-from"), to = document.getElementById(id + "-to");
  var overlap = document.getElementById(id + "-overlap"), keep = document.getElementById(id + "-keep");
  from.value = v.from || "";
  if (from.value !== (v.from || "")) { from.value = ""; }
  to.value = v.to || "";
  if (to.value !== (v.to || "")) { to.value = ""; }
  overlap.checked = Boolean(v.overlap);
  if (keep) { keep.checked = Boolean(v.keep); }
  state[index] = {from: from.value, to: to.value, overlap: overlap.checked, keep: keep ? keep.checked : false};
  showUndated(PAGE.filters[index], index);
}
