"""A diff of two edge sets as text: sections of tables, one JSON object, or one CSV of edge changes."""

from __future__ import annotations

import json
import re
from typing import Any

import pandas as pd

from ..errors import ArgumentError
from ..io.formatting import format_frame, to_records
from ..io.text import escape_control
from ..schema import EDGE_FIELDS, ReportFormat
from .diff import EdgeSetDiff, require_diff

__all__ = ["edge_changes", "format_diff", "metrics_frame"]


def metrics_frame(diff: EdgeSetDiff) -> pd.DataFrame:
    """One row per measure: ``metric``, ``value`` ("undefined" when it has none),
    ``n`` (items it was computed over) and ``note`` (why it is undefined, or its scope)."""
    rows = []
    for metric in diff.metrics.values():
        note = metric.reason
        if not note and metric.name.endswith("_top_k"):
            note = f"k = {diff.top_k}"
        rows.append(
            {
                "metric": metric.name,
                "value": metric.value if metric.defined else "undefined",
                "n": metric.n,
                "note": note,
            }
        )
    frame = pd.DataFrame(rows, columns=["metric", "value", "n", "note"])
    # object keeps the Hamming count an integer beside the float measures
    frame["value"] = pd.Series([r["value"] for r in rows], dtype=object)
    return frame


def edge_changes(diff: EdgeSetDiff) -> pd.DataFrame:
    """Added, removed and changed edges in one table with a ``change`` column.

    Added and removed rows carry the whole edge; changed rows carry the edge's
    identity (and, by id, its source, target and action in A) with one row per
    changed ``field`` and its ``old`` and ``new`` values.
    """
    with_ids = diff.identity == ("id",) or "id" in diff.added.columns or "id" in diff.removed.columns
    columns = ["change", *(["id"] if with_ids else []), *EDGE_FIELDS]
    columns += list(diff.identity) if diff.matching == "quote" else []
    columns += ["occurrence"] if diff.matching == "key" else []
    columns += ["field", "old", "new"]
    parts = [
        diff.removed.assign(change="removed"),
        diff.added.assign(change="added"),
        diff.changed.assign(change="changed"),
    ]
    present = [p for p in parts if len(p)]
    if not present:
        return pd.DataFrame(columns=columns)
    # typed columns, not object ones: formatting a million changed edges stays vectorised
    frame = pd.concat(present, ignore_index=True).reindex(columns=columns)
    if "occurrence" in frame.columns:
        frame["occurrence"] = frame["occurrence"].astype("Int64")
    return frame


def _json(diff: EdgeSetDiff) -> str:
    from ..io.json_records import records_json

    metrics = {
        m.name: {"value": m.value if m.defined else None, "n": m.n, "reason": m.reason or None}
        for m in diff.metrics.values()
    }
    tables = {
        "added": diff.added,
        "removed": diff.removed,
        "changed": diff.changed,
        "actors_added": diff.actors_added,
        "actors_removed": diff.actors_removed,
        "centrality_changes": diff.centrality_changes,
        "strain": diff.strain_changes(),
    }
    # each table's records are written column by column (graphkit.io.json_records) where
    # they can be, and put in place of a marker json.dumps writes as "\u0000name"
    texts = {name: records_json(frame, level=1) for name, frame in tables.items()}
    document: dict[str, Any] = {"summary": diff.to_dict()}
    for name, frame in tables.items():
        document[name] = to_records(frame) if texts[name] is None else "\0" + name
    document["metrics"] = metrics
    if diff.agreement is not None:
        document["agreement"] = diff.agreement.summary()
    skeleton = json.dumps(document, indent=2, ensure_ascii=False)
    # one pass over the skeleton, so that a marker-like text inside the records is never touched
    written = {name: records for name, records in texts.items() if records is not None}
    if written:
        skeleton = re.sub(f'"\\\\u0000({"|".join(written)})"', lambda m: written[m.group(1)], skeleton)
    return skeleton + "\n"


def _sections(diff: EdgeSetDiff) -> list[tuple[str, pd.DataFrame, str]]:
    """(heading, table, what to print when the table is empty) for each part."""
    centrality = "(none)" if diff.centrality else "(not computed: centrality skipped)"
    return [
        (f"Added edges ({len(diff.added)})", diff.added, "(none)"),
        (f"Removed edges ({len(diff.removed)})", diff.removed, "(none)"),
        (f"Changed edges ({diff.changed_edges})", diff.changed, "(none)"),
        (f"Actors added ({len(diff.actors_added)})", diff.actors_added, "(none)"),
        (f"Actors removed ({len(diff.actors_removed)})", diff.actors_removed, "(none)"),
        (f"Centrality changes (actors in both{_unit_note(diff)})", diff.centrality_changes, centrality),
        (f"Strain changes (ranked by |delta|{_unit_note(diff)})", diff.strain_changes(), "(none)"),
        ("Similarity", metrics_frame(diff), "(none)"),
    ] + _agreement_section(diff)


def _unit_note(diff: EdgeSetDiff) -> str:
    return "" if diff.unit == "action" else f"; counted by {diff.unit}"


def _agreement_section(diff: EdgeSetDiff) -> list[tuple[str, pd.DataFrame, str]]:
    agreement = diff.agreement
    if agreement is None:
        return []
    heading = (
        f"Coding agreement ({agreement.matched} claims matched by quote, "
        f"{agreement.only_a} only in A, {agreement.only_b} only in B)"
    )
    return [(heading, agreement.attributes, "(no matched claims)")]


def _headline(diff: EdgeSetDiff) -> str:
    s = diff.to_dict()
    identity = {
        "id": "id",
        "key": "(source, target, action, date)",
        "quote": "quote (the ids do not match: rows whose quotes overlap by half the shorter are one claim)",
    }[diff.matching]
    return (
        f"edges matched by {identity}: {s['edges_unchanged']} unchanged, {s['edges_changed']} changed, "
        f"{s['edges_added']} added, {s['edges_removed']} removed; actors: {s['actors_added']} added, "
        f"{s['actors_removed']} removed"
    )


def _text(diff: EdgeSetDiff, fmt: ReportFormat) -> str:
    markdown = fmt == "markdown"
    title = f"graphkit diff: {diff.name_a} -> {diff.name_b}"
    out = [f"# {title}" if markdown else f"{title}\n{'=' * len(title)}", "", _headline(diff)]
    for heading, frame, empty in _sections(diff):
        out += ["", f"## {heading}" if markdown else f"{heading}\n{'-' * len(heading)}", ""]
        out.append(format_frame(frame, fmt).rstrip("\n") if len(frame) else empty)
    # set names come from file names: no control character reaches the terminal
    return escape_control("\n".join(out) + "\n", keep="\n")


def format_diff(diff: EdgeSetDiff, fmt: ReportFormat, *, safe_csv: bool = False) -> str:
    """``diff`` as text in ``fmt``: ``table`` or ``markdown`` (a headline, then one
    section per part), ``json`` (one object) or ``csv`` (:func:`edge_changes`)."""
    require_diff(diff)
    if fmt == "json":
        return _json(diff)
    if fmt == "csv":
        return format_frame(edge_changes(diff), "csv", safe_csv=safe_csv)
    if fmt in ("table", "markdown"):
        return _text(diff, fmt)
    raise ArgumentError("fmt", f"{fmt!r}: use table, json, csv or markdown")
