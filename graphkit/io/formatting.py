"""Turn result tables into text: an aligned table, CSV, JSON records or Markdown.

Every cell is turned into text column by column (pyarrow casts the floats),
so a table of half a million pairs formats in about a second.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pandas as pd

from ..errors import use_one_of
from ..schema import REPORT_FORMATS, ReportFormat
from .cells import arrow, float_text, format_value, to_records

__all__ = ["FORMATS", "format_frame", "format_value", "frame_chunks", "to_records"]

FORMATS = REPORT_FORMATS


def _object_text(values: np.ndarray, exact: bool = False):
    """Mixed cells (text, floats, None) as text, the floats vectorised."""
    pa, _ = arrow()
    out = np.full(len(values), "", dtype=object)
    strings = np.fromiter((type(v) is str for v in values), dtype=bool, count=len(values))
    out[strings] = values[strings]
    floats = np.fromiter((type(v) in (float, np.float64) for v in values), dtype=bool, count=len(values))
    if floats.any():
        out[floats] = float_text(values[floats].astype(float), exact).to_numpy(zero_copy_only=False)
    rest = np.flatnonzero(~strings & ~floats)
    out[rest] = [format_value(v) for v in values[rest]]
    return pa.array(out, type=pa.string())


def _column_text(column: pd.Series, exact: bool = False):
    """A column as an arrow string array, cell for cell as :func:`format_value` writes it."""
    pa, pc = arrow()
    if pd.api.types.is_bool_dtype(column) and not column.hasnans:
        return pa.array(np.where(column.to_numpy(dtype=bool), "True", "False"), type=pa.string())
    if pd.api.types.is_integer_dtype(column) and not column.hasnans:
        return pc.cast(pa.array(column.to_numpy()), pa.string())
    if pd.api.types.is_float_dtype(column):
        return float_text(column.to_numpy(dtype=float), exact)
    if pd.api.types.is_string_dtype(column) and not pd.api.types.is_object_dtype(column):
        return pc.fill_null(pc.cast(pa.array(column, from_pandas=True), pa.string()), "")
    return _object_text(column.to_numpy(dtype=object), exact)


def _numeric(frame: pd.DataFrame) -> list[bool]:
    return [pd.api.types.is_numeric_dtype(frame.iloc[:, i]) for i in range(frame.shape[1])]


def _lines(cells: list, sep: str, prefix: str = "", suffix: str = "") -> str:
    """Join arrow string columns cell by cell with ``sep`` into lines, each with
    ``prefix`` and ``suffix`` and ending in a newline, returned as one string."""
    pa, pc = arrow()
    # 64-bit offsets before joining: a table's text may pass 2 GB
    cells = [pc.cast(c, pa.large_string()) for c in cells]
    parts = [pa.scalar(prefix, pa.large_string()), cells[0]]
    for column in cells[1:]:
        parts += [pa.scalar(sep, pa.large_string()), column]
    line = pc.binary_join_element_wise(
        *parts,
        pa.scalar(suffix, pa.large_string()),
        pa.scalar("\n", pa.large_string()),
        pa.scalar("", pa.large_string()),
    )
    if isinstance(line, pa.ChunkedArray):
        line = line.combine_chunks()
    if len(line) == 0:
        return ""
    # the lines lie end to end in the array's data buffer: take them in one piece
    offsets = np.frombuffer(line.buffers()[1], dtype=np.int64)[line.offset : line.offset + len(line) + 1]
    return line.buffers()[2].to_pybytes()[offsets[0] : offsets[-1]].decode("utf-8")


def _csv_field(cells, single_column: bool):
    _, pc = arrow()
    # plain searches run far faster than one regex over millions of cells; a lone
    # \r must be quoted too, or csv readers take it for a line end
    needs = pc.match_substring(cells, ",")
    for special in ('"', "\n", "\r"):
        needs = pc.or_(needs, pc.match_substring(cells, special))
    if single_column:
        needs = pc.or_(needs, pc.equal(cells, ""))  # a lone empty field must not read as a blank line
    if not pc.any(needs).as_py():
        return cells  # the usual column: no cell needs quotes, so none is quoted (half the time)
    quoted = pc.binary_join_element_wise('"', pc.replace_substring(cells, '"', '""'), '"', "")
    return pc.if_else(needs, quoted, cells)


def format_frame(
    frame: pd.DataFrame, fmt: ReportFormat, *, exact: bool = False, safe_csv: bool = False
) -> str:
    """``frame`` as text in ``fmt`` (one of FORMATS), ending with a newline.

    Floats are rounded to DECIMALS places, unless ``exact`` (text formats only):
    then they keep every digit of their shortest round-trip form. ``table`` and
    ``markdown`` are for people: control characters in cells show as ``\\xHH``
    (never reach the terminal). ``csv`` keeps every cell as it is, unless
    ``safe_csv``: then a text cell that a spreadsheet would run as a formula
    (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading
    ``'`` (see docs/security.md)."""
    if not isinstance(frame, pd.DataFrame):
        from ..errors import ArgumentError

        raise ArgumentError("frame", f"must be a pandas DataFrame, not {type(frame).__name__}")
    if fmt == "json":
        from .json_records import records_json

        text = records_json(frame, end="\n")
        if text is None:  # a cell only json.dumps can write
            return json.dumps(to_records(frame), indent=2, ensure_ascii=False) + "\n"
        return text
    if fmt not in FORMATS:
        from ..errors import ArgumentError

        raise ArgumentError("fmt", f"{fmt!r}: {use_one_of(FORMATS)}")
    pa, pc = arrow()
    header = [str(c) for c in frame.columns]
    if not header:
        return "\n"
    cells = [_column_text(frame.iloc[:, i], exact) for i in range(frame.shape[1])]
    names = [pa.array([h], type=pa.string()) for h in header]
    if fmt == "csv":
        single = len(header) == 1
        if safe_csv:
            numeric = _numeric(frame)
            cells = [c if n else _formula_safe(c) for c, n in zip(cells, numeric)]
            names = [_formula_safe(n) for n in names]
        head = _lines([_csv_field(n, single) for n in names], ",")
        # numbers never need quotes, unless a lone empty cell would read as a blank line
        fields = [c if n and not single else _csv_field(c, single) for c, n in zip(cells, _numeric(frame))]
        return head + _lines(fields, ",")
    numeric = _numeric(frame)
    if fmt == "markdown":

        def escape(column):
            return _visible(pc.replace_substring(pc.replace_substring(column, "|", "\\|"), "\n", " "))

        rule = "| " + " | ".join("---:" if n else "---" for n in numeric) + " |\n"
        head = _lines([escape(n) for n in names], " | ", "| ", " |")
        return head + rule + _lines([escape(c) for c in cells], " | ", "| ", " |")
    cells = [_visible(pc.replace_substring(c, "\n", " ")) for c in cells]
    names = [_visible(n) for n in names]
    header = [n[0].as_py() for n in names]
    widths = [
        max([len(h), *([pc.max(pc.utf8_length(c)).as_py()] if len(c) else [])]) for h, c in zip(header, cells)
    ]

    def pad(columns):
        return [pc.utf8_lpad(c, w) if n else pc.utf8_rpad(c, w) for c, w, n in zip(columns, widths, numeric)]

    # the last column may be padded text: drop trailing white space of every line
    return _strip_line_ends(_lines(pad(names), "  ") + _lines(pad(cells), "  "))


def frame_chunks(frame: pd.DataFrame, fmt: ReportFormat, *, safe_csv: bool = False) -> Iterator[str]:
    """The text of :func:`format_frame` in pieces, for a writer to write one by one:
    JSON a block of records at a time (its text is four times CSV's), other formats
    in one piece."""
    if not isinstance(frame, pd.DataFrame):
        return iter([format_frame(frame, fmt)])  # which names the argument
    if fmt == "json":
        from .json_records import records_json_chunks

        chunks = records_json_chunks(frame, end="\n")
        if chunks is not None:
            return chunks
    return iter([format_frame(frame, fmt, safe_csv=safe_csv)])


def _strip_line_ends(text: str) -> str:
    """``text`` without white space before each line end. Line by line: the pattern
    ``[^\\S\\n]+(?=\\n)`` tried every space of a run against the run's end, so a cell
    holding 60,000 spaces took minutes."""
    lines = text.split("\n")
    return "\n".join([line.rstrip() for line in lines[:-1]] + lines[-1:])


# graphkit.io.text.CONTROL in RE2's syntax, for arrow
_CONTROL_RE2 = r"[\x00-\x1f\x7f-\x{9f}\x{61c}\x{200e}\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}]"
_FORMULA_RE2 = r"^[=+\-@\t\r]"
# a number as text (-5.0, +3, -1e-3): a spreadsheet reads it as a number, never a formula
_NUMBER_RE2 = r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"


def _visible(cells):
    """Arrow string cells with control characters escaped (see graphkit.io.text); the
    few cells that hold one go through Python."""
    pa, pc = arrow()
    mask = pc.fill_null(pc.match_substring_regex(cells, _CONTROL_RE2), False)
    if not pc.any(mask).as_py():
        return cells
    from .text import escape_control

    values = cells.to_numpy(zero_copy_only=False).astype(object)
    where = np.flatnonzero(mask.to_numpy(zero_copy_only=False))
    values[where] = [escape_control(v) for v in values[where]]
    return pa.array(values, type=pa.string())


def _formula_safe(cells):
    """Text cells a spreadsheet would run as a formula, with a leading ``'`` (OWASP);
    a number written as text (``-5.0`` in a column of strings) is left alone."""
    _, pc = arrow()
    formula = pc.and_(
        pc.fill_null(pc.match_substring_regex(cells, _FORMULA_RE2), False),
        pc.invert(pc.fill_null(pc.match_substring_regex(cells, _NUMBER_RE2), False)),
    )
    return pc.if_else(formula, pc.binary_join_element_wise("'", cells, ""), cells)
