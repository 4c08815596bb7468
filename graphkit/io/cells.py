"""One cell as text: the rounding and float printing shared by every output format."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = ["DECIMALS", "arrow", "clean_value", "float_text", "format_value", "to_records"]

DECIMALS = 6


def clean_value(value):
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
    return [dict(zip(columns, map(clean_value, row))) for row in frame.itertuples(index=False, name=None)]


def format_value(value) -> str:
    """One cell as text: floats with up to DECIMALS decimals and at least one
    (``22.0``, ``0.298808``), missing values as ``""``."""
    value = clean_value(value)
    if value is None:
        return ""
    if isinstance(value, float):
        text = f"{value:.{DECIMALS}f}".rstrip("0")
        return text + "0" if text.endswith(".") else text
    return str(value)


def arrow():
    import pyarrow as pa
    import pyarrow.compute as pc

    return pa, pc


def float_text(values: np.ndarray, exact: bool = False):
    """Floats as text, as an arrow string array: like :func:`format_value`, or with
    ``exact`` like ``repr`` (every digit, as pandas' ``to_csv`` writes them)."""
    pa, pc = arrow()
    values = values.astype(float)
    if exact:
        shown = values
    else:
        shown = np.round(values, DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0
    text = pc.cast(pa.array(shown, from_pandas=True), pa.string())  # shortest round-trip form
    text = pc.fill_null(
        pc.if_else(pc.match_substring(text, "."), text, pc.binary_join_element_wise(text, ".0", "")), ""
    )
    # through Python, the few cells arrow writes otherwise: exponent forms (1e+16,
    # 1e-07), inf, and near-ties where numpy's rounding differs from Python's;
    # with exact, repr's own small-number forms (1e-05) and -0.0
    finite = np.isfinite(values)
    odd = ~finite & ~np.isnan(values)
    odd |= pc.fill_null(pc.match_substring(text, "e"), False).to_numpy(zero_copy_only=False)
    if exact:
        odd |= finite & (np.abs(values) < 1e-4) & (values != 0)  # arrow writes zeros as repr does
    else:
        with np.errstate(invalid="ignore"):
            odd |= finite & (np.abs((values * 10**DECIMALS) % 1 - 0.5) < 1e-6)
    where = np.flatnonzero(odd)
    if len(where):
        cells = text.to_numpy(zero_copy_only=False).astype(object)
        cells[where] = [repr(float(v)) if exact else format_value(v) for v in values[where]]
        text = pa.array(cells, type=pa.string())
    return text
