"""ICEWS event files (Harvard Dataverse, tab-separated with a header) read into the record form.

ICEWS's published columns: Event ID, Event Date, Source Name, Source Sectors,
Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors,
Target Country, Story ID, Sentence Number, Publisher, City, District, Province,
Country, Latitude, Longitude. Countries are names ("Russian Federation"); they are
mapped to ISO 3166 alpha-3 codes with pycountry, and the names it cannot map are
counted and reported.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import Problem
from .countries import countries_of_names
from .form import cameo_parts, plover_of_code
from .tables import find_columns, split_rows

__all__ = ["ICEWS_COLUMNS", "icews_block", "icews_columns", "looks_like_icews"]

#: role -> the header names ICEWS uses for it
ICEWS_COLUMNS: dict[str, tuple[str, ...]] = {
    "event_id": ("Event ID",),
    "date": ("Event Date",),
    "source": ("Source Country",),
    "target": ("Target Country",),
    "code": ("CAMEO Code",),
    "intensity": ("Intensity",),
    "story": ("Story ID",),
    "publisher": ("Publisher",),
}
_REQUIRED = ("date", "source", "target", "code")


def looks_like_icews(header: list[str]) -> bool:
    names = {h.lower() for h in header}
    return {"event date", "source country", "target country", "cameo code"} <= names


def icews_columns(header: list[str], name: str) -> dict[str, int]:
    return find_columns(header, ICEWS_COLUMNS, _REQUIRED, name, "ICEWS")


def _code(text: str) -> str:
    """An ICEWS CAMEO code as CAMEO writes it: spreadsheets drop leading zeros (42 is 042)."""
    if cameo_parts(text) is not None:
        return text
    padded = "0" + text
    return padded if cameo_parts(padded) is not None else text


def icews_block(
    name: str, first: int, lines: list[str], width: int, columns: dict[str, int]
) -> tuple[pd.DataFrame, list[Problem], dict[str, int]]:
    """One block of ICEWS data lines: the well-formed rows in the record form, the
    malformed rows as problems, and the country names pycountry could not map."""
    rows, problems = split_rows(name, first, lines, width, columns)
    if rows.empty:
        return pd.DataFrame(), problems, {}
    date = pd.to_datetime(
        rows["date"].where(rows["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}")), errors="coerce"
    )
    code = rows["code"].map(_code)
    known = code.map(lambda c: cameo_parts(c) is not None)
    intensity = (
        pd.to_numeric(rows["intensity"].where(rows["intensity"] != ""), errors="coerce")
        if "intensity" in rows
        else pd.Series(np.nan, index=rows.index)
    )
    bad = pd.Series("", index=rows.index, dtype=object)
    bad[date.isna()] = [
        f"Event Date {v!r} is not a date in YYYY-MM-DD form" for v in rows["date"][date.isna()]
    ]
    fresh = ~known & (bad == "")
    bad[fresh] = [f"CAMEO Code {v!r} is not a CAMEO event code" for v in rows["code"][fresh]]
    fresh = (intensity.abs() > 10) & (bad == "")
    bad[fresh] = [f"Intensity {v!r} is not a number from -10 to 10" for v in rows["intensity"][fresh]]
    problems += [Problem(name, int(n), f"malformed ICEWS row: {m}") for n, m in bad[bad != ""].items()]
    rows, date, code, intensity = rows[bad == ""], date[bad == ""], code[bad == ""], intensity[bad == ""]
    source, unknown_s = countries_of_names(rows["source"])
    target, unknown_t = countries_of_names(rows["target"])
    unmapped = dict(unknown_s)
    for key, count in unknown_t.items():
        unmapped[key] = unmapped.get(key, 0) + count
    parts = code.map(cameo_parts)
    story = rows["story"] if "story" in rows else pd.Series("", index=rows.index)
    event_id = rows["event_id"] if "event_id" in rows else pd.Series("", index=rows.index)
    ref = ("ICEWS story " + story).where(story != "", "ICEWS event " + event_id)
    events = pd.DataFrame(
        {
            "start": date.astype("datetime64[ns]"),
            "end": date.astype("datetime64[ns]"),
            "source": source,
            "target": target,
            "code": code,
            "root": parts.map(lambda p: p[0]),
            "plover": code.map(plover_of_code()).fillna(""),
            "quad": parts.map(lambda p: p[1]).astype(np.int8),
            "goldstein": intensity.where(intensity.notna(), parts.map(lambda p: p[2])).astype(float),
            "sources": np.ones(len(rows), dtype=np.int64),
            "ref": ref,
            "event_id": event_id,
        }
    )
    return events, sorted(problems), unmapped
