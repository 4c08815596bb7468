"""Read a CSV file into a frame of strings, keeping each record's physical line."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import Problem

__all__ = ["CsvTable", "read_csv_bytes"]

_BOM = b"\xef\xbb\xbf"


@dataclass
class CsvTable:
    """A CSV file's records as strings (cells stripped, empty cells ``""``).

    ``lines[i]`` is the physical line on which record ``i`` starts; the header is line 1.
    """

    frame: pd.DataFrame
    lines: np.ndarray
    problems: list[Problem] = field(default_factory=list)


def _empty(name: str, problem: Problem) -> CsvTable:
    return CsvTable(pd.DataFrame(), np.zeros(0, dtype=np.int64), [problem])


def read_csv_bytes(data: bytes, name: str) -> CsvTable:
    """Parse CSV ``data`` from the file called ``name`` (used in messages).

    A fast reader (pyarrow) parses ordinary files; files it cannot map back to
    physical lines (quoted newlines, blank lines) or cannot parse go through
    Python's csv module, which pins every problem to its line.
    """
    data = data.removeprefix(_BOM)
    if not data.strip():
        return _empty(
            name, Problem(name, None, "file is empty: it needs a header row and one row per record")
        )
    try:
        # checked here, kept only if the careful reader needs it: a decoded copy of a
        # large file would double the memory the fast reader needs
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return _empty(
            name,
            Problem(name, line, f"not UTF-8 text (byte 0x{data[err.start]:02x}): save the file as UTF-8"),
        )
    table = _read_fast(data)
    if table is None:
        table = _read_slow(data.decode("utf-8"), name)
    table.frame.columns = [str(c).strip() for c in table.frame.columns]
    for column in table.frame.columns:
        table.frame[column] = table.frame[column].str.strip()
    return table


def _read_fast(data: bytes) -> CsvTable | None:
    try:
        frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, engine="pyarrow")
    except Exception:  # noqa: BLE001 - any parse failure goes to the careful reader
        return None
    physical = data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    end = data.find(b"\n")
    header = (data if end < 0 else data[:end]).decode("utf-8").rstrip("\r")
    names = [c.strip() for c in header.split(",")]
    if physical != len(frame) + 1 or '"' in header or len(set(names)) != len(names):
        return None
    return CsvTable(frame, np.arange(2, len(frame) + 2, dtype=np.int64))


def _read_slow(text: str, name: str) -> CsvTable:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    records: list[list[str]] = []
    lines: list[int] = []
    end = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if record:
                records.append(record)
                lines.append(start)
    except csv.Error as err:
        problems.append(
            Problem(name, end + 1, f"malformed CSV ({err}): check for an unclosed or stray quote")
        )
    if not records:
        problems.append(Problem(name, None, "file is empty: it needs a header row and one row per record"))
        return CsvTable(pd.DataFrame(), np.zeros(0, dtype=np.int64), problems)
    header, body, body_lines = records[0], records[1:], lines[1:]
    width = len(header)
    rows: list[list[str]] = []
    kept: list[int] = []
    for record, line in zip(body, body_lines):
        if len(record) != width:
            problems.append(
                Problem(
                    name,
                    line,
                    f"expected {width} fields as in the header, found {len(record)}: "
                    "quote any field that contains a comma",
                )
            )
            continue
        rows.append(record)
        kept.append(line)
    seen: set[str] = set()
    for column in header:
        if column.strip() in seen:
            problems.append(
                Problem(name, lines[0], f"column {column.strip()!r} appears twice in the header: keep one")
            )
        seen.add(column.strip())
    frame = (
        pd.DataFrame(rows, columns=[f"{c}" for c in header], dtype=str)
        if len(seen) == width
        else pd.DataFrame()
    )
    return CsvTable(frame, np.asarray(kept, dtype=np.int64), problems)
