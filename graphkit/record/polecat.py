"""POLECAT weekly files (Harvard Dataverse, doi:10.7910/DVN/AJGVIT) read into the record form.

POLECAT codes events in PLOVER: an event type (AGREE ... ASSAULT) instead of a
CAMEO code. Its files are tab-separated with a header row; the reader finds the
columns it needs by name: Event ID, Event Date, Event Type, Event Intensity
(older files: Intensity), Actor Country, Recipient Country (ISO alpha-3 codes;
several joined by ``;`` give one event per pair), Story ID and Source where
present. Each event's QuadClass is its PLOVER type's (see
:func:`graphkit.record.form.plover_quads`); its CAMEO code is "" and its root "".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import Problem
from .form import plover_quads
from .tables import find_columns, split_rows

__all__ = ["POLECAT_COLUMNS", "looks_like_polecat", "polecat_block", "polecat_columns"]

POLECAT_COLUMNS: dict[str, tuple[str, ...]] = {
    "event_id": ("Event ID",),
    "date": ("Event Date",),
    "type": ("Event Type",),
    "intensity": ("Event Intensity", "Intensity"),
    "source": ("Actor Country",),
    "target": ("Recipient Country",),
    "story": ("Story ID",),
}
_REQUIRED = ("date", "type", "source", "target")
_MISSING = {"", "none", "nan", "null", "na"}


def looks_like_polecat(header: list[str]) -> bool:
    names = {h.lower() for h in header}
    return {"event date", "event type", "actor country", "recipient country"} <= names


def polecat_columns(header: list[str], name: str) -> dict[str, int]:
    return find_columns(header, POLECAT_COLUMNS, _REQUIRED, name, "POLECAT")


def _codes(values: pd.Series) -> pd.Series:
    """Each cell's list of country codes (``USA;CAN`` -> [USA, CAN]; None and blanks dropped)."""
    return (
        values.str.upper()
        .str.split(";")
        .map(lambda parts: [p.strip() for p in parts if p.strip().lower() not in _MISSING])
    )


def polecat_block(
    name: str, first: int, lines: list[str], width: int, columns: dict[str, int]
) -> tuple[pd.DataFrame, list[Problem], dict[str, int]]:
    """One block of POLECAT data lines: the well-formed rows in the record form (one
    row per actor country and recipient country pair) and the malformed rows."""
    rows, problems = split_rows(name, first, lines, width, columns)
    if rows.empty:
        return pd.DataFrame(), problems, {}
    text = rows["date"].str[:10]
    date = pd.to_datetime(text.where(text.str.fullmatch(r"\d{4}-\d{2}-\d{2}")), errors="coerce")
    kind = rows["type"].str.upper()
    quads = plover_quads()
    bad = pd.Series("", index=rows.index, dtype=object)
    bad[date.isna()] = [
        f"Event Date {v!r} is not a date in YYYY-MM-DD form" for v in rows["date"][date.isna()]
    ]
    fresh = ~kind.isin(list(quads)) & (bad == "")
    bad[fresh] = [
        f"Event Type {v!r} is not a PLOVER event type ({', '.join(sorted(quads))})"
        for v in rows["type"][fresh]
    ]
    problems += [Problem(name, int(n), f"malformed POLECAT row: {m}") for n, m in bad[bad != ""].items()]
    keep = bad == ""
    rows, date, kind = rows[keep], date[keep], kind[keep]
    intensity = (
        pd.to_numeric(rows["intensity"].where(rows["intensity"] != ""), errors="coerce")
        if "intensity" in rows
        else pd.Series(np.nan, index=rows.index)
    )
    story = rows["story"] if "story" in rows else pd.Series("", index=rows.index)
    event_id = rows["event_id"] if "event_id" in rows else pd.Series("", index=rows.index)
    ref = ("POLECAT story " + story).where(story != "", "POLECAT event " + event_id)
    events = pd.DataFrame(
        {
            "start": date.astype("datetime64[ns]"),
            "end": date.astype("datetime64[ns]"),
            "source": _codes(rows["source"]),
            "target": _codes(rows["target"]),
            "code": "",
            "root": "",
            "plover": kind,
            "quad": kind.map(quads).astype(np.int8),
            "goldstein": intensity.where(intensity.abs() <= 10).astype(float),
            "sources": np.ones(len(rows), dtype=np.int64),
            "ref": ref,
            "event_id": event_id,
        }
    )
    events = events.explode("source").explode("target")
    events[["source", "target"]] = events[["source", "target"]].fillna("")
    return events, sorted(problems), {}
