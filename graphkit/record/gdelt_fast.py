"""GDELT exports read fast: a chunk of whole lines parsed by pyarrow and checked whole.

The line path (:func:`~graphkit.record.gdelt_events.gdelt_block`) splits every line in
Python; here pyarrow parses a chunk of bytes, only the columns verify uses, and
``pyarrow.compute`` checks them all at once. The checks are stricter than the line
path's (ASCII digits, a plain decimal Goldstein value, ASCII country codes, no CR):
a chunk that fails any of them, or holds a blank line or a bad UTF-8 byte, is read
again line by line, so a malformed row still gets its exact FILE:LINE message and a
clean chunk gives the same events either way. Rows of several widths (GDELT 1.0's
57 and 58) are parsed a width at a time.
"""

from __future__ import annotations

from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from typing import IO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

from ..actions import cameo_labels
from ..errors import Problem
from ..interop.gdelt import gdelt_versions
from ..io.bounded import overlong_line
from ..io.csvfile import MAX_LINE_BYTES
from .form import plover_of_code
from .gdelt_events import GDELT_WIDTHS, USED, gdelt_block

__all__ = ["CHUNK_BYTES", "PYTHON_SPACE", "Chunk", "fast_read", "gdelt_chunks", "line_read", "read_chunk"]

#: Bytes read at a time: with BLOCK_LINES, what bounds memory (a GDELT 2.0 row is ~550 bytes;
#: 8 MiB peaked lowest of 4-32 MiB on 800,000 rows, and was as fast).
CHUNK_BYTES = 8 << 20

#: (events, problems, rows per layout, non-blank lines) of one chunk.
Chunk = tuple[pd.DataFrame, list[Problem], dict[str, int], int]

#: Every character ``str.strip()`` removes (``c.isspace()``), so that pyarrow strips the same.
PYTHON_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ASCII_SPACE = "".join(c for c in PYTHON_SPACE if c.isascii())


@cache
def _sets() -> tuple[pa.Array, pa.Array]:
    return pa.array(sorted(cameo_labels())), pa.array(["1", "2", "3", "4"])


def _reads(stream: IO[bytes], size: int) -> Generator[bytes, None, None]:
    """``stream.read(size)`` again and again (b"" at the end), the next read already
    running while the caller parses: unzipping and pyarrow both free the GIL."""
    with ThreadPoolExecutor(1) as pool:
        ahead = pool.submit(stream.read, size)
        while True:
            data = ahead.result()
            if data:
                ahead = pool.submit(stream.read, size)
            yield data


def gdelt_chunks(
    stream: IO[bytes],
    head: bytes,
    block_lines: int,
    chunk_bytes: int = CHUNK_BYTES,
    name: str = "<input>",
) -> Generator[tuple[int, bytes], None, None]:
    """(line number of its first line, bytes) of whole lines of ``head`` + ``stream``:
    ``block_lines`` lines, or fewer when ``chunk_bytes`` bytes hold fewer. A line
    longer than MAX_LINE_BYTES is refused once that much of it is read (it was
    gathered whole, each read copying all of it again)."""
    pending, line = head, 1
    reads = _reads(stream, chunk_bytes)
    try:
        while True:
            data = next(reads)
            pending = pending + data if pending else data
            count, start = pending.count(b"\n"), 0
            if count >= block_lines:  # whole blocks of lines: where the line ends are is needed
                ends = np.flatnonzero(np.frombuffer(pending, np.uint8) == 10) + 1
                for taken in range(block_lines, count + 1, block_lines):
                    stop = int(ends[taken - 1])
                    yield line, pending[start:stop]
                    start, line = stop, line + block_lines
                count %= block_lines
            if not data:
                if start < len(pending):
                    yield line, pending[start:]
                return
            if count and len(pending) - start >= chunk_bytes:
                stop = pending.rfind(b"\n") + 1
                yield line, pending[start:stop]
                start, line = stop, line + count
            pending = pending[start:]
            if len(pending) > MAX_LINE_BYTES and pending.find(b"\n", 0, len(pending) - 1) < 0:
                raise overlong_line(name, line)
    finally:
        reads.close()  # the read ahead ends before the stream is closed


def _parse(chunk: bytes, width: int) -> pa.Table | None:
    columns = gdelt_versions()[width][1]
    names = [str(i) for i in range(width)]
    used = [str(i) for i, name in enumerate(columns) if name in USED]
    try:
        table = pcsv.read_csv(
            pa.py_buffer(chunk),
            read_options=pcsv.ReadOptions(column_names=names),
            parse_options=pcsv.ParseOptions(
                delimiter="\t", quote_char=False, escape_char=False, ignore_empty_lines=False
            ),
            convert_options=pcsv.ConvertOptions(
                include_columns=used,
                column_types=dict.fromkeys(used, pa.string()),
                strings_can_be_null=False,
                check_utf8=True,
            ),
        )
    except pa.ArrowInvalid:  # a row of another width, a blank line, bad UTF-8
        return None
    return table.rename_columns([columns[int(i)] for i in used])


def _days(date: pa.ChunkedArray) -> np.ndarray | None:
    """The YYYYMMDD strings (checked: 8 ASCII digits, 1678..2261) as datetime64[D];
    None when one is not a real day (20250230)."""
    number = pc.cast(date, pa.int32()).to_numpy()
    year, month, day = number // 10000, number // 100 % 100, number % 100
    if ((month < 1) | (month > 12) | (day < 1)).any():
        return None
    months = (year - 1970) * 12 + month - 1
    starts = months.astype("datetime64[M]").astype("datetime64[D]")
    lengths = (months + 1).astype("datetime64[M]").astype("datetime64[D]") - starts
    if (day > lengths.astype(np.int64)).any():
        return None
    return starts + (day - 1).astype("timedelta64[D]")


def _clean(table: pa.Table) -> bool:
    """Whether every row passes the fast checks (each implies the line path's)."""
    codes, quads = _sets()
    date = table["SQLDATE"]
    checks = [
        pc.match_substring_regex(table["GLOBALEVENTID"], r"^[0-9]+$"),
        pc.match_substring_regex(date, r"^[0-9]{8}$"),
        pc.greater_equal(date, "16780101"),  # pandas' nanosecond dates: 1677-09-21 .. 2262-04-11
        pc.less_equal(date, "22611231"),
        pc.is_in(table["EventCode"], value_set=codes),
        pc.is_in(table["QuadClass"], value_set=quads),
        pc.match_substring_regex(table["GoldsteinScale"], r"^-?[0-9]{1,2}(\.[0-9]+)?$"),
        pc.match_substring_regex(table["NumSources"], r"^[0-9]{1,18}$"),
        pc.string_is_ascii(table["Actor1CountryCode"]),
        pc.string_is_ascii(table["Actor2CountryCode"]),
    ]
    if not all(pc.all(check).as_py() for check in checks):
        return False
    return pc.all(pc.less_equal(pc.abs(pc.cast(table["GoldsteinScale"], pa.float64())), 10)).as_py()


def _events(table: pa.Table, days: np.ndarray) -> pd.DataFrame:
    """The record form of clean rows, as gdelt_block builds it."""
    date = pd.Series(days.astype("datetime64[ns]"))

    def country(column: str) -> pd.Series:
        return pc.ascii_upper(pc.ascii_trim(table[column], characters=_ASCII_SPACE)).to_pandas()

    code = table["EventCode"].to_pandas()
    ident = table["GLOBALEVENTID"]
    if "SOURCEURL" in table.column_names:
        url = pc.utf8_trim(table["SOURCEURL"], characters=PYTHON_SPACE)
        ref = pc.if_else(pc.equal(url, ""), pc.binary_join_element_wise("GDELT event ", ident, ""), url)
    else:
        ref = pc.binary_join_element_wise("GDELT event ", ident, "")
    return pd.DataFrame(
        {
            "start": date,
            "end": date,
            "source": country("Actor1CountryCode"),
            "target": country("Actor2CountryCode"),
            "code": code,
            "root": pc.utf8_slice_codeunits(table["EventCode"], 0, 2).to_pandas(),
            "plover": code.map(plover_of_code()).fillna(""),
            "quad": pc.cast(table["QuadClass"], pa.int8()).to_numpy(),
            "goldstein": pc.cast(table["GoldsteinScale"], pa.float64()).to_numpy(),
            "sources": np.maximum(pc.cast(table["NumSources"], pa.int64()).to_numpy(), 1),
            "ref": ref.to_pandas(),
            "event_id": ident.to_pandas(),
        }
    )


def line_read(name: str, first: int, chunk: bytes) -> Chunk:
    """The chunk read as :func:`~graphkit.record.lines.blocks` and gdelt_block read it."""
    lines = chunk.decode("utf-8", errors="replace").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the chunk's last line end
    parts: list[pd.DataFrame] = []
    problems: list[Problem] = []
    layouts: dict[str, int] = {}
    rows = 0
    run: list[str] = []
    start = first

    def flush() -> None:
        events, found, counts = gdelt_block(name, start, run)
        if not events.empty:
            parts.append(events)
        problems.extend(found)
        for label, count in counts.items():
            layouts[label] = layouts.get(label, 0) + count

    for number, raw in enumerate(lines, first):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if run:
                flush()
                run = []
            continue
        if not run:
            start = number
        run.append(line)
        rows += 1
    if run:
        flush()
    events = pd.concat(parts) if parts else pd.DataFrame()
    return events, problems, layouts, rows


def _table_read(chunk: bytes, width: int) -> pd.DataFrame | None:
    table = _parse(chunk, width)
    days = _days(table["SQLDATE"]) if table is not None and _clean(table) else None
    return None if table is None or days is None else _events(table, days)


def _mixed_read(chunk: bytes) -> Chunk | None:
    """A chunk whose rows have more than one GDELT width (57 and 58 in GDELT 1.0's back
    files): each width's rows read apart, then put back in line order."""
    view = np.frombuffer(chunk, np.uint8)
    starts = np.concatenate([[0], np.flatnonzero(view[:-1] == 10) + 1])
    widths = np.add.reduceat(view == 9, starts, dtype=np.int64) + 1
    if len(np.unique(widths)) < 2 or not np.isin(widths, list(GDELT_WIDTHS)).all():
        return None  # one width: _table_read already failed on it
    bounds = [*starts.tolist(), len(chunk)]
    parts, order, layouts = [], [], {}
    for width, label in GDELT_WIDTHS.items():
        chosen = np.flatnonzero(widths == width)
        if not len(chosen):
            continue
        lines = b"".join(chunk[bounds[i] : bounds[i + 1]].rstrip(b"\n") + b"\n" for i in chosen.tolist())
        events = _table_read(lines, width)
        if events is None:
            return None
        parts.append(events)
        order.append(chosen)
        layouts[label] = len(chosen)
    events = pd.concat(parts, ignore_index=True)
    events = events.iloc[np.argsort(np.concatenate(order), kind="stable")].reset_index(drop=True)
    return events, [], layouts, len(widths)


def fast_read(chunk: bytes) -> Chunk | None:
    """One chunk of whole GDELT lines read by pyarrow, None when it needs the line path
    (a malformed or blank line, CR, bad UTF-8)."""
    if b"\r" in chunk or not chunk or chunk.isspace():
        return None
    end = chunk.find(b"\n")
    width = (chunk if end < 0 else chunk[:end]).count(b"\t") + 1
    events = _table_read(chunk, width) if width in GDELT_WIDTHS else None
    if events is None:
        return _mixed_read(chunk)
    return events, [], {GDELT_WIDTHS[width]: len(events)}, len(events)


def read_chunk(name: str, first: int, chunk: bytes, fast: bool = True) -> Chunk:
    """One chunk of whole GDELT lines (``first`` = the line number of its first line):
    its events in the record form, its malformed rows as problems, rows per layout,
    and rows read. ``fast=False`` reads it line by line, as a chunk the fast path
    cannot take is read."""
    done = fast_read(chunk) if fast else None
    return done if done is not None else line_read(name, first, chunk)
