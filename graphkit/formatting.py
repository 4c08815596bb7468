"""Turn result tables into text: an aligned table, CSV, JSON records or Markdown."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd

__all__ = ["FORMATS", "format_frame", "to_records"]

FORMATS = ("table", "csv", "json", "markdown")
DECIMALS = 6


def _clean(value):
    """A plain Python value, floats rounded to DECIMALS places, -0.0 as 0.0."""
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        if math.isnan(value):
            return None
        rounded = round(float(value), DECIMALS)
        return 0.0 if rounded == 0 else rounded
    if isinstance(value, np.bool_):
        return bool(value)
    return value


def to_records(frame: pd.DataFrame) -> list[dict]:
    """The rows of ``frame`` as JSON-ready dicts (rounded floats, no numpy types)."""
    columns = list(frame.columns)
    return [dict(zip(columns, map(_clean, row))) for row in frame.itertuples(index=False, name=None)]


def _cell(value) -> str:
    value = _clean(value)
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.{DECIMALS}f}".rstrip("0")
        return text + "0" if text.endswith(".") else text
    return str(value)


def _text_rows(frame: pd.DataFrame) -> list[list[str]]:
    return [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]


def format_frame(frame: pd.DataFrame, fmt: str) -> str:
    """``frame`` as text in ``fmt`` (one of FORMATS), ending with a newline."""
    if fmt == "json":
        return json.dumps(to_records(frame), indent=2, ensure_ascii=False) + "\n"
    header = [str(c) for c in frame.columns]
    rows = _text_rows(frame)
    if fmt == "csv":
        return pd.DataFrame(rows, columns=header, dtype=object).to_csv(index=False, lineterminator="\n")
    if fmt == "markdown":
        def line(cells):
            return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"

        numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
        rule = "| " + " | ".join("---:" if n else "---" for n in numeric) + " |"
        return "\n".join([line(header), rule, *(line(r) for r in rows)]) + "\n"
    if fmt == "table":
        cells = [header, *[[c.replace("\n", " ") for c in r] for r in rows]]
        widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
        numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
        out = []
        for r in cells:
            parts = [c.rjust(w) if n else c.ljust(w) for c, w, n in zip(r, widths, numeric)]
            out.append("  ".join(parts).rstrip())
        return "\n".join(out) + "\n"
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
