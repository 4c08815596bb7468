"""A balance result as text: sections of tables, one JSON object, or one CSV of actors."""

from __future__ import annotations

import json

import pandas as pd

from ..errors import ArgumentError
from ..io.formatting import format_frame, format_value
from ..io.text import escape_control
from ..schema import ReportFormat
from .balance_alg import TRIANGLE_TYPES, Balance

__all__ = ["format_balance", "frustration_words", "measures_frame"]


def frustration_words(result: Balance) -> str:
    """The frustration with what it is: ``2 (exact)`` or ``at most 9965 (upper bound: ...)``."""
    if result.acyclic:
        return f"{result.frustration} (no cycle: frustration is 0 by construction)"
    if result.exact:
        return f"{result.frustration} (exact)"
    how = "stopped by the time bound" if result.stopped_early else "heuristic"
    return (
        f"at most {result.frustration} (upper bound, {how}; time bound {format_value(result.time_limit)} s)"
    )


def measures_frame(result: Balance) -> pd.DataFrame:
    """One row per measure: ``measure``, ``value`` (text) and ``note``."""
    total = sum(result.triangles.values())
    rows = [(f"triangles {t}", str(result.triangles[t]), "") for t in TRIANGLE_TYPES]
    rows.append(("triangles", str(total), "three actors all tied to each other"))
    for name, share, rule in (
        ("balanced_share_strong", result.balanced_share_strong, "strong balance: +++ and +-- balanced"),
        ("balanced_share_weak", result.balanced_share_weak, "weak balance: --- balanced as well"),
    ):
        rows.append((name, "undefined" if share is None else format_value(share), result.note or rule))
    rows.append(("frustration", frustration_words(result), "ties the camps contradict"))
    rows.append(("ties", str(len(result.ties)), "signed ties (pairs with a non-zero net weight)"))
    sizes = pd.Series(list(result.camps.values()), dtype="int64").value_counts()
    rows.append(("camp 0", str(int(sizes.get(0, 0))), "actors (the alphabetically first of each component)"))
    rows.append(("camp 1", str(int(sizes.get(1, 0))), "actors"))
    return pd.DataFrame(rows, columns=["measure", "value", "note"])


def _json(result: Balance) -> str:
    data = result.to_dict()
    for key in ("balanced_share_strong", "balanced_share_weak"):
        if data[key] is not None:
            data[key] = round(data[key], 6)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _text(result: Balance, fmt: ReportFormat, name: str) -> str:
    markdown = fmt == "markdown"
    title = f"graphkit balance: {escape_control(name)}" if name else "graphkit balance"
    frustrated = pd.DataFrame(list(result.frustrated_ties), columns=["actor_a", "actor_b"])
    ties = result.ties
    if len(frustrated):
        frustrated = frustrated.merge(
            ties[["actor_a", "actor_b", "net"]], on=["actor_a", "actor_b"], how="left"
        )
    sections = [
        ("Balance", measures_frame(result)),
        (f"Frustrated ties ({len(frustrated)})", frustrated),
        ("Actors", result.actors),
    ]
    out = [f"# {title}" if markdown else f"{title}\n{'=' * len(title)}"]
    for heading, frame in sections:
        out += ["", f"## {heading}" if markdown else f"{heading}\n{'-' * len(heading)}", ""]
        out.append(format_frame(frame, fmt).rstrip("\n") if len(frame) else "(none)")
    return "\n".join(out) + "\n"


def format_balance(result: Balance, fmt: ReportFormat, *, name: str = "", safe_csv: bool = False) -> str:
    """``result`` as text in ``fmt``: ``table`` or ``markdown`` (measures, frustrated
    ties, actors), ``json`` (the object of :meth:`Balance.to_dict`) or ``csv`` (the
    actors: ``actor``, ``camp``, ``unbalanced_triangles``). ``name`` titles the text formats."""
    if fmt == "json":
        return _json(result)
    if fmt == "csv":
        return format_frame(result.actors, "csv", safe_csv=safe_csv)
    if fmt in ("table", "markdown"):
        return _text(result, fmt, name)
    raise ArgumentError("fmt", f"{fmt!r}: use table, json, csv or markdown")
