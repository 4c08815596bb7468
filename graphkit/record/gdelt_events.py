"""GDELT 1.0 and 2.0 event exports (tab-separated, no header) read into the record form."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

from ..actions import cameo_labels
from ..errors import Problem
from ..interop.gdelt import gdelt_versions
from .form import plover_of_code

__all__ = ["GDELT_WIDTHS", "USED", "gdelt_block", "looks_like_gdelt"]

USED = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1CountryCode",
    "Actor2CountryCode",
    "EventCode",
    "QuadClass",
    "GoldsteinScale",
    "NumSources",
    "SOURCEURL",
)

#: Field count -> layout label.
GDELT_WIDTHS = {width: label for width, (label, _) in gdelt_versions().items()}


def looks_like_gdelt(line: str) -> bool:
    """Whether a first line is a GDELT event row: a layout's field count, a numeric event id."""
    fields = line.split("\t")
    return len(fields) in GDELT_WIDTHS and fields[0].strip().isdigit()


def _fields(lines: list[str], width: int) -> pd.DataFrame:
    columns = gdelt_versions()[width][1]
    used = [i for i, name in enumerate(columns) if name in USED]
    frame = pd.read_csv(
        io.StringIO("\n".join(lines)),
        sep="\t",
        header=None,
        names=list(range(width)),
        usecols=used,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        quoting=csv.QUOTE_NONE,
        engine="c",
    )
    if len(frame) != len(lines):  # the C reader merged lines: split exactly instead
        frame = pd.DataFrame([line.split("\t") for line in lines], dtype=str)[used]
    frame.columns = [columns[i] for i in used]
    if "SOURCEURL" not in frame.columns:
        frame["SOURCEURL"] = ""
    return frame


def _problems(rows: pd.DataFrame) -> pd.Series:
    """Per row, the first thing wrong with the fields verify uses ("" when nothing)."""
    problem = pd.Series("", index=rows.index, dtype=object)

    def flag(bad: pd.Series, column: str, wanted: str) -> None:
        fresh = bad & (problem == "")
        if fresh.any():
            problem[fresh] = [f"{column} {v!r} is not {wanted}" for v in rows.loc[fresh, column]]

    flag(~rows["GLOBALEVENTID"].str.fullmatch(r"\d+"), "GLOBALEVENTID", "a whole number")
    date = rows["SQLDATE"]
    real = pd.to_datetime(date.where(date.str.fullmatch(r"\d{8}")), format="%Y%m%d", errors="coerce")
    flag(real.isna(), "SQLDATE", "a date in YYYYMMDD form")
    flag(~rows["EventCode"].isin(list(cameo_labels())), "EventCode", "a CAMEO event code")
    flag(~rows["QuadClass"].isin(["1", "2", "3", "4"]), "QuadClass", "1, 2, 3 or 4")
    value = pd.to_numeric(rows["GoldsteinScale"].where(rows["GoldsteinScale"] != ""), errors="coerce")
    flag(~(value.abs() <= 10), "GoldsteinScale", "a number from -10 to 10")
    flag(~rows["NumSources"].str.fullmatch(r"\d+"), "NumSources", "a whole number")
    return problem


def gdelt_block(
    name: str, first: int, lines: list[str]
) -> tuple[pd.DataFrame, list[Problem], dict[str, int]]:
    """One block of GDELT lines (``first`` = the line number of ``lines[0]``): the
    well-formed rows in the record form (``source``/``target`` "" where an actor has
    no country code), the malformed rows as problems, and the rows per layout."""
    numbers = np.arange(first, first + len(lines))
    widths = np.fromiter((line.count("\t") + 1 for line in lines), dtype=np.int64, count=len(lines))
    expected = ", ".join(str(w) for w in sorted(GDELT_WIDTHS))
    problems = [
        Problem(name, int(n), f"expected {expected} tab-separated fields (a GDELT event row), found {w}")
        for n, w in zip(numbers, widths)
        if w not in GDELT_WIDTHS
    ]
    parts, layouts = [], {}
    for width, label in GDELT_WIDTHS.items():
        chosen = np.flatnonzero(widths == width)
        if not len(chosen):
            continue
        layouts[label] = len(chosen)
        rows = _fields([lines[i] for i in chosen], width)
        rows.index = numbers[chosen]
        wrong = _problems(rows)
        problems += [
            Problem(name, int(n), f"malformed GDELT row: {m}") for n, m in wrong[wrong != ""].items()
        ]
        parts.append(rows[wrong == ""])
    if not parts:
        return pd.DataFrame(), sorted(problems), layouts
    rows = pd.concat(parts).sort_index()
    date = pd.to_datetime(rows["SQLDATE"], format="%Y%m%d").astype("datetime64[ns]")
    code = rows["EventCode"]
    events = pd.DataFrame(
        {
            "start": date,
            "end": date,
            "source": rows["Actor1CountryCode"].str.strip().str.upper(),
            "target": rows["Actor2CountryCode"].str.strip().str.upper(),
            "code": code,
            "root": code.str[:2],
            "plover": code.map(plover_of_code()).fillna(""),
            "quad": rows["QuadClass"].astype(np.int8),
            "goldstein": pd.to_numeric(rows["GoldsteinScale"]).astype(float),
            "sources": rows["NumSources"].astype(np.int64).clip(lower=1),
            "ref": rows["SOURCEURL"]
            .str.strip()
            .where(rows["SOURCEURL"].str.strip() != "", "GDELT event " + rows["GLOBALEVENTID"]),
            "event_id": rows["GLOBALEVENTID"],
        }
    )
    return events, sorted(problems), layouts
