"""A diff of two edge sets as one interactive page: the union graph with the changes marked.

Built on render's page builder (:func:`graphkit.render.page.render_page`) and its
way of fanning parallel arrows, so the page follows the same offline, plain-text
and determinism rules as ``graphkit render``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..compare.diff import EdgeSetDiff, require_diff
from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError
from ..schema import EDGE_FIELDS, strain_part
from .fan import fan_layout, fan_smooth
from .page import MAX_PAGE_EDGES, page_size_problem, render_page
from .style import ACTOR_STYLES, CHANGE_STYLES, format_number

__all__ = ["CHANGE_STYLES", "MAX_PAGE_EDGES", "diff_elements", "diff_html"]

FOCUS_ROWS = 12

DASH = "\u2013"


def _label(edge_set: EdgeSet, row: int) -> str:
    if edge_set.has_ids:
        return f"edge {edge_set.edges['id'].iat[row]}"
    if len(edge_set.lines) == len(edge_set.edges):
        return f"line {int(edge_set.lines[row])}"
    return f"row {row + 1}"


def _value(field: str, value) -> str:
    return format_number(float(value)) if field == "weight" else (str(value) or "(empty)")


def _union_frame(diff: EdgeSetDiff, a: EdgeSet, b: EdgeSet) -> pd.DataFrame:
    """One row per edge of either set: B's values where it is in B, else A's."""
    union = diff.union.reset_index(drop=True)
    in_b = union["row_b"] >= 0
    values_b = b.edges[EDGE_FIELDS].iloc[union.loc[in_b, "row_b"]].set_axis(union.index[in_b])
    values_a = a.edges[EDGE_FIELDS].iloc[union.loc[~in_b, "row_a"]].set_axis(union.index[~in_b])
    frame = pd.concat([values_b, values_a]).sort_index()
    frame["change"] = union["change"]
    frame["row_a"], frame["row_b"] = union["row_a"], union["row_b"]
    return frame


def _edge(row, names: dict, a: EdgeSet, b: EdgeSet, slot: float, step: float) -> dict[str, Any]:
    style = CHANGE_STYLES[row.change]
    where = []
    if row.row_a >= 0:
        where.append(f"A \u2018{a.name}\u2019 {_label(a, row.row_a)}")
    if row.row_b >= 0:
        where.append(f"B \u2018{b.name}\u2019 {_label(b, row.row_b)}")
    source, target = names.get(row.source, row.source), names.get(row.target, row.target)
    what = [
        row.action,
        row.domain or "no domain",
        row.date or "undated",
        f"weight {format_number(row.weight)}",
    ]
    lines = [f"{row.change.upper()}: {source} \u2192 {target}", " \u00b7 ".join(what)]
    if row.change == "changed":
        old = a.edges.iloc[row.row_a]
        for field in EDGE_FIELDS:
            if old[field] != getattr(row, field):
                lines.append(
                    f"{field}: {_value(field, old[field])} \u2192 {_value(field, getattr(row, field))}"
                )
    lines += [f"\u201c{row.quote}\u201d" if row.quote else "(no quote)", " \u00b7 ".join(where)]
    edge = {
        "id": f"{row.change}:{row.row_a}:{row.row_b}",
        "from": str(row.source),
        "to": str(row.target),
        "title": "\n".join(lines),
        "width": round(1.0 + 0.6 * abs(float(row.weight)), 3) if row.change != "unchanged" else 1.5,
        "color": {
            "color": style["color"],
            "highlight": style["color"],
            "hover": style["color"],
            "inherit": False,
        },
        "smooth": fan_smooth(slot, row.source <= row.target, step),
        "change": row.change,
        # the table view lists the quotes of what the filters show
        "quote": str(row.quote or ""),
    }
    if style["dashes"]:
        edge["dashes"] = style["dashes"]
    return edge


def _edges(frame: pd.DataFrame, names: dict, a: EdgeSet, b: EdgeSet) -> list[dict]:
    frame, slots, steps = fan_layout(frame, ["change", "weight", "action", "source", "row_a", "row_b"])
    return [
        _edge(row, names, a, b, slot, step)
        for row, slot, step in zip(frame.itertuples(index=False), slots, steps)
    ]


def _nodes(diff: EdgeSetDiff, frame: pd.DataFrame, names: dict, a: EdgeSet, b: EdgeSet) -> list[dict]:
    added, removed = set(diff.actors_added["id"]), set(diff.actors_removed["id"])
    strain_a = (
        a.edges.assign(h=strain_part(a.edges["weight"].to_numpy(dtype=float))).groupby("target")["h"].sum()
    )
    strain_b = (
        b.edges.assign(h=strain_part(b.edges["weight"].to_numpy(dtype=float))).groupby("target")["h"].sum()
    )
    nodes = []
    # every actor of an edge of either set: an actor added or removed has one (compare/diff.py)
    for actor in sorted(set(frame["source"]) | set(frame["target"])):
        status = "added" if actor in added else "removed" if actor in removed else "both"
        color, words = ACTOR_STYLES[status]
        before, after = format_number(strain_a.get(actor, 0.0)), format_number(strain_b.get(actor, 0.0))
        received = f"strain received: A {before} \u2192 B {after}"
        nodes.append(
            {
                "id": str(actor),
                "label": str(names.get(actor, actor)),
                "title": f"{names.get(actor, actor)} ({actor})\n{words}\n{received}",
                "size": 18,
                "color": {
                    "background": color,
                    "border": "#333333",
                    "highlight": {"background": color, "border": "#000000"},
                    "hover": {"background": color, "border": "#000000"},
                },
                "status": status,
            }
        )
    return nodes


def _focus(diff: EdgeSetDiff, edges: list[dict]) -> list[dict]:
    ids: dict[tuple[str, str], list[str]] = {}
    for edge in edges:
        ids.setdefault(tuple(sorted((edge["from"], edge["to"]))), []).append(edge["id"])
    items = []
    for r in diff.strain_changes().head(FOCUS_ROWS).itertuples(index=False):
        pair = tuple(sorted((r.actor_a, r.actor_b)))
        sign = "+" if r.delta > 0 else ""
        rank_a = DASH if r.rank_a is None else r.rank_a
        rank_b = DASH if r.rank_b is None else r.rank_b
        ranks = f"rank {rank_a} \u2192 {rank_b}"
        items.append(
            {
                "label": f"{r.name_a} \u2194 {r.name_b}",
                "value": sign + format_number(r.delta),
                "detail": f"strain {format_number(r.strain_a)} \u2192 {format_number(r.strain_b)} \u00b7 {ranks}",
                "nodes": [r.actor_a, r.actor_b],
                "edges": ids.get(pair, []),
            }
        )
    return items


def _agreement_legend(agreement) -> dict[str, Any]:
    """The coding agreement as a side-panel section: claims matched, then per attribute
    percent agreement and Krippendorff's alpha with its number of units."""
    items = [
        {
            "label": f"{agreement.matched} claims matched by quote; "
            f"{agreement.only_a} only in A, {agreement.only_b} only in B",
            "symbol": "none",
        }
    ]
    for row in agreement.attributes.itertuples(index=False):
        if row.units == 0:
            text = f"{row.attribute}: no units"
        else:
            alpha = "undefined" if pd.isna(row.alpha) else f"{row.alpha:.3f}"
            text = f"{row.attribute}: {row.percent_agreement:.1f}% agree, alpha {alpha} (n {row.units})"
        items.append({"label": text, "symbol": "none"})
    return {"title": "Coding agreement (percent, Krippendorff alpha)", "items": items}


def diff_elements(diff: EdgeSetDiff, a: EdgeSet, b: EdgeSet) -> dict[str, Any]:
    """The keyword arguments of :func:`~graphkit.render.page.render_page` for the
    union graph of ``a`` and ``b``: one node per actor of either set (grey in
    both, coloured when only in one), one arrow per edge of either set styled by
    its change (:data:`CHANGE_STYLES`), and the strain changes as a clickable list.

    Raises :class:`GraphkitError` above :data:`MAX_PAGE_EDGES` edges.
    """
    too_large = page_size_problem(len(diff.union), "the union of the two sets", top=False)
    if too_large:
        raise ArgumentError("html", ": " + too_large)
    names = dict(zip(a.actors["id"], a.actors["name"])) | dict(zip(b.actors["id"], b.actors["name"]))
    frame = _union_frame(diff, a, b)
    edges = _edges(frame, names, a, b)
    nodes = _nodes(diff, frame, names, a, b)
    counts = frame["change"].value_counts()
    summary = ", ".join(f"{int(counts.get(c, 0))} {c}" for c in ("added", "removed", "changed", "unchanged"))
    edge_items = [
        {"label": s["label"], "color": s["color"], "symbol": "dashed" if s["dashes"] else "line", "width": 4}
        for s in CHANGE_STYLES.values()
    ]
    actor_items = [{"label": w, "color": c, "symbol": "dot"} for c, w in ACTOR_STYLES.values()]
    legend = [
        {"title": "Edges", "items": edge_items},
        {"title": "Actors", "items": actor_items},
        {
            "title": "Sizes",
            "items": [
                {"label": "line width: 1 + 0.6 |weight| (B's weight; A's when removed)", "symbol": "none"},
                {"label": "arrow: from the actor alleged to act, to its target", "symbol": "none"},
            ],
        },
    ]
    if diff.agreement is not None:
        legend.append(_agreement_legend(diff.agreement))
    return {
        "title": f"diff: {a.name} \u2192 {b.name}",
        "noun": ("edges", "Edge"),
        "subtitle": f"A \u2018{a.name}\u2019 against B \u2018{b.name}\u2019: {summary} edges",
        "banner": "Every arrow is an action that a source ALLEGES: these are claims, not verified events.",
        "notes": [
            "Hover an arrow for what changed; click it, or a relationship in the list, for its details.",
            (
                "Colours here mean a change (added, removed, changed); red and green, which mean "
                "hostile and cooperative on graphkit's other pages, are not used."
            ),
        ],
        "nodes": nodes,
        "edges": edges,
        "legend": legend,
        "focus": {"title": "Largest strain changes", "items": _focus(diff, edges), "plain": True},
        "filters": [
            {"type": "select", "field": "change", "label": "Change"},
            {"type": "actor", "label": "Actor"},
        ],
    }


def diff_html(diff: EdgeSetDiff, a: EdgeSet, b: EdgeSet) -> str:
    """The page of :func:`diff_elements` as HTML text (self-contained; same input, same bytes)."""
    require_diff(diff)
    require_edge_set(a, "a")
    require_edge_set(b, "b")
    return render_page(**diff_elements(diff, a, b))
