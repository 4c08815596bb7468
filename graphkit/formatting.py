"""Turn result tables into text: an aligned table, CSV, JSON records or Markdown.

Every cell is turned into text column by column (pyarrow casts the floats),
so a table of half a million pairs formats in about a second.
"""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd

__all__ = ["FORMATS", "format_frame", "to_records", "format_value"]

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
    if value is pd.NA:
        return None
    return value


def to_records(frame: pd.DataFrame) -> list[dict]:
    """The rows of ``frame`` as JSON-ready dicts (rounded floats, no numpy types)."""
    columns = list(frame.columns)
    return [dict(zip(columns, map(_clean, row))) for row in frame.itertuples(index=False, name=None)]


def format_value(value) -> str:
    """One cell as text: floats with up to DECIMALS decimals and at least one
    (``22.0``, ``0.298808``), missing values as ``""``."""
    value = _clean(value)
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.{DECIMALS}f}".rstrip("0")
        return text + "0" if text.endswith(".") else text
    return str(value)


def _float_text(values: pd.Series) -> pd.Series:
    import pyarrow as pa
    import pyarrow.compute as pc

    rounded = np.round(values.to_numpy(dtype=float), DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0
    text = pc.cast(pa.array(rounded, from_pandas=True), pa.string())  # shortest round-trip form
    exponent = pc.fill_null(pc.match_substring(text, "e"), False)
    whole = pc.and_(pc.invert(pc.match_substring(text, ".")), pc.invert(exponent))
    text = pc.fill_null(pc.if_else(whole, pc.binary_join_element_wise(text, ".0", ""), text), "")
    result = pd.Series(text.to_numpy(zero_copy_only=False), index=values.index, dtype=object)
    # arrow writes 1e+16 and 1e-07 in exponent form; those few go through Python
    exponent = exponent.to_numpy(zero_copy_only=False)
    if exponent.any():
        result[exponent] = values[exponent].map(format_value)
    return result


def _column_text(column: pd.Series) -> pd.Series:
    """A column as text, cell for cell as :func:`format_value` writes it."""
    if pd.api.types.is_bool_dtype(column):
        return column.map({True: "True", False: "False"}).fillna("").astype(object)
    if pd.api.types.is_integer_dtype(column) and not column.hasnans:
        return column.astype(str).astype(object)
    if pd.api.types.is_float_dtype(column):
        return _float_text(column)
    if pd.api.types.is_string_dtype(column) and not pd.api.types.is_object_dtype(column):
        return column.fillna("").astype(object)
    return column.map(format_value).astype(object)


def _text_frame(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.reset_index(drop=True)
    text = pd.DataFrame({i: _column_text(frame.iloc[:, i]) for i in range(frame.shape[1])})
    text.columns = [str(c) for c in frame.columns]
    return text


def _numeric(frame: pd.DataFrame) -> list[bool]:
    return [pd.api.types.is_numeric_dtype(frame.iloc[:, i]) for i in range(frame.shape[1])]


def _join(columns: list[pd.Series], sep: str) -> pd.Series:
    joined = columns[0]
    for column in columns[1:]:
        joined = joined + sep + column
    return joined


def format_frame(frame: pd.DataFrame, fmt: str) -> str:
    """``frame`` as text in ``fmt`` (one of FORMATS), ending with a newline."""
    if fmt == "json":
        return json.dumps(to_records(frame), indent=2, ensure_ascii=False) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    text = _text_frame(frame)
    header = list(text.columns)
    if fmt == "csv":
        return text.to_csv(index=False, lineterminator="\n")
    numeric = _numeric(frame)
    if fmt == "markdown":
        cells = [text[c].str.replace("|", "\\|", regex=False).str.replace("\n", " ", regex=False) for c in header]
        rule = "| " + " | ".join("---:" if n else "---" for n in numeric) + " |"
        lines = ["| " + " | ".join(c.replace("|", "\\|") for c in header) + " |", rule]
        if len(text) and header:
            lines += ("| " + _join(cells, " | ") + " |").tolist()
        return "\n".join(lines) + "\n"
    cells = [text[c].str.replace("\n", " ", regex=False) for c in header]
    widths = [max([len(h)] + ([int(c.str.len().max())] if len(c) else [])) for h, c in zip(header, cells)]
    padded = [c.str.rjust(w) if n else c.str.ljust(w) for c, w, n in zip(cells, widths, numeric)]
    head = "  ".join(h.rjust(w) if n else h.ljust(w) for h, w, n in zip(header, widths, numeric)).rstrip()
    lines = [head]
    if len(text) and header:
        lines += _join(padded, "  ").str.rstrip().tolist()
    return "\n".join(lines) + "\n"
