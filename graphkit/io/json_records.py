"""JSON records text of a table, built column by column (the fast path of ``--format json``).

The text is byte for byte what ``json.dumps(to_records(frame), indent=2,
ensure_ascii=False)`` writes, but each column is turned into text at once by
pyarrow and the records are joined in arrow's buffers, a block of rows at a time:
``json.dumps`` with an indent runs its pure-Python encoder, one call per value
(236,000 strain records: 25 s there, well under a second here).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pandas as pd

from .cells import DECIMALS, arrow, clean_value, float_text

__all__ = ["BLOCK_ROWS", "records_json", "records_json_chunks"]

#: Rows turned into text at a time: bounds the arrow buffers alive at once.
BLOCK_ROWS = 50_000

_SCALARS = (str, int, float, bool, type(None))


def records_json(frame: pd.DataFrame, *, level: int = 0, end: str = "") -> str | None:
    """``frame``'s rows as a JSON array of objects, as ``json.dumps`` with ``indent=2``
    and ``ensure_ascii=False`` writes ``to_records(frame)`` nested ``level`` deep
    followed by ``end``; None when the table holds something only ``json.dumps``
    can say (a column name that is not text, a repeated name, a cell that is a list
    or a date), so that the caller falls back to it.
    """
    chunks = records_json_chunks(frame, level=level, end=end)
    return None if chunks is None else "".join(chunks)


def records_json_chunks(frame: pd.DataFrame, *, level: int = 0, end: str = "") -> Iterator[str] | None:
    """The text of :func:`records_json` in pieces of BLOCK_ROWS records, made as
    they are read, so that a writer holds one block at a time (the JSON of 236,000
    strain records is 160 MB); None as for :func:`records_json`, decided before
    the first piece."""
    if len(frame) == 0:
        return iter(["[]" + end])
    names = list(frame.columns)
    if not names or not all(type(n) is str for n in names) or len(set(names)) != len(names):
        return None
    whole = {}  # columns of mixed cells: checked (and turned into text) at once
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i]
        if isinstance(column.dtype, pd.CategoricalDtype) or pd.api.types.is_datetime64_any_dtype(column):
            return None
        if not _by_block(column):
            whole[i] = _column_json(column)
            if whole[i] is None:
                return None
    return _blocks(frame, names, whole, level, end)


def _by_block(column: pd.Series) -> bool:
    """Whether the column's type alone says every cell can be written (then it is
    turned into text a block at a time)."""
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_integer_dtype(column):
        return not column.hasnans
    if pd.api.types.is_float_dtype(column):
        return True
    return pd.api.types.is_string_dtype(column) and not pd.api.types.is_object_dtype(column)


def _blocks(frame: pd.DataFrame, names: list[str], whole: dict, level: int, end: str) -> Iterator[str]:
    outer, item, field = ("  " * (level + k) for k in range(3))
    keys = [json.dumps(n, ensure_ascii=False) + ": " for n in names]
    parts: list = [item + "{\n" + field + keys[0]]
    for i in range(1, len(names)):
        parts.append(",\n" + field + keys[i])
    yield "[\n"
    last: str | None = None  # the frame has rows: at least one block
    for start in range(0, len(frame), BLOCK_ROWS):
        stop = start + BLOCK_ROWS
        cells = [
            whole[i][start:stop] if i in whole else _column_json(frame.iloc[start:stop, i])
            for i in range(len(names))
        ]
        text = _join(parts, cells, "\n" + item + "},\n")
        if last is not None:
            yield last
        last = text
    # every record ends "},\n": the last one closes the array instead
    assert last is not None
    yield last[: -len(",\n")] + "\n" + outer + "]" + end


def _join(parts: list[str], cells: list, suffix: str) -> str:
    """One line per row: parts[0] cells[0] parts[1] cells[1] ... suffix, end to end."""
    pa, pc = arrow()
    large = pa.large_string()
    args = []
    for text, column in zip(parts, cells):
        args += [pa.scalar(text, large), pc.cast(column, large)]
    joined = pc.binary_join_element_wise(*args, pa.scalar(suffix, large), pa.scalar("", large))
    if isinstance(joined, pa.ChunkedArray):
        joined = joined.combine_chunks()
    offsets = np.frombuffer(joined.buffers()[1], dtype=np.int64)[
        joined.offset : joined.offset + len(joined) + 1
    ]
    return joined.buffers()[2].to_pybytes()[offsets[0] : offsets[-1]].decode("utf-8")


def _column_json(column: pd.Series):
    """A column's cells as JSON values (an arrow string array), or None when one of
    them is not a plain scalar."""
    pa, pc = arrow()
    if pd.api.types.is_bool_dtype(column) and not column.hasnans:
        return pa.array(np.where(column.to_numpy(dtype=bool), "true", "false"), type=pa.string())
    if pd.api.types.is_integer_dtype(column) and not column.hasnans:
        return pc.cast(pa.array(column.to_numpy()), pa.string())
    if pd.api.types.is_float_dtype(column):
        return _float_json(column.to_numpy(dtype=float))
    if isinstance(column.dtype, pd.CategoricalDtype) or pd.api.types.is_datetime64_any_dtype(column):
        return None
    if pd.api.types.is_string_dtype(column) and not pd.api.types.is_object_dtype(column):
        return _string_json(pa.array(column, from_pandas=True, type=pa.string()), null="null")
    return _object_json(column.to_numpy(dtype=object))


def _float_json(values: np.ndarray):
    """Floats as ``json.dumps`` writes ``clean_value(value)``: ``repr`` of the value rounded
    to DECIMALS places (Python's rounding), ``null`` for NaN, ``Infinity``."""
    pa, _ = arrow()
    with np.errstate(invalid="ignore", over="ignore"):
        rounded = np.round(values, DECIMALS) + 0.0  # + 0.0 turns -0.0 into 0.0
        # numpy rounds x * 10**6 and divides: near a tie, or where that product is no
        # longer exact, Python's correctly rounded round() may differ
        odd = np.abs((values * 10**DECIMALS) % 1 - 0.5) < 1e-6
        odd |= np.abs(values) >= 1e9
    odd &= np.isfinite(values)
    for i in np.flatnonzero(odd):
        rounded[i] = clean_value(float(values[i]))
    text = float_text(rounded, exact=True)
    special = np.flatnonzero(~np.isfinite(values))
    if len(special):
        cells = text.to_numpy(zero_copy_only=False).astype(object)
        cells[special] = [json.dumps(clean_value(float(v))) for v in values[special]]
        text = pa.array(cells, type=pa.string())
    return text


def _string_json(text, null: str | None = None):
    """Text cells quoted, escaped as json.dumps escapes them; missing cells as ``null``."""
    pa, pc = arrow()
    # quotes, backslashes and control characters need escapes; such cells are rare
    escape = pc.fill_null(pc.match_substring_regex(text, r'[\x00-\x1f"\\]'), False)
    quoted = pc.binary_join_element_wise('"', text, '"', "")
    where = np.flatnonzero(escape.to_numpy(zero_copy_only=False))
    if len(where):
        cells = quoted.to_numpy(zero_copy_only=False).astype(object)
        cells[where] = [json.dumps(s, ensure_ascii=False) for s in text.take(pa.array(where)).to_pylist()]
        quoted = pa.array(cells, type=pa.string())
    return quoted if null is None else pc.fill_null(quoted, null)


def _object_json(values: np.ndarray):
    """Text cells quoted and escaped; other scalars through ``json.dumps`` one by one."""
    pa, _ = arrow()
    strings = np.fromiter((type(v) is str for v in values), dtype=bool, count=len(values))
    if strings.all():
        try:
            return _string_json(pa.array(values, type=pa.string()))
        except (pa.ArrowException, UnicodeError):  # lone surrogates: json.dumps writes them
            return None
    out = np.empty(len(values), dtype=object)
    if strings.any():
        try:
            text = _string_json(pa.array(values[strings], type=pa.string()))
        except (pa.ArrowException, UnicodeError):
            return None
        out[strings] = text.to_numpy(zero_copy_only=False)
    for i in np.flatnonzero(~strings):
        value = clean_value(values[i])
        if type(value) not in _SCALARS:  # a list, a date ...: json.dumps decides
            return None
        out[i] = json.dumps(value, ensure_ascii=False)
    return pa.array(out, type=pa.string())
