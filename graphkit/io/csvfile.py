"""Reading input: bounded, once, and CSV by one set of rules.

**The CSV contract** is that of Python's :mod:`csv` module with ``strict=True``
(RFC 4180): fields are separated by commas; a field that starts with ``"`` is
quoted, may hold commas, line breaks and doubled quotes (``""``), and must be
followed by a comma or the end of the line; a ``"`` inside an unquoted field is
an ordinary character; blank lines are skipped; an empty header cell is named
``""``. Every cell is stripped of surrounding white space.

pyarrow reads the values (fast, column by column); Python's csv module
reads the same bytes for structure only (which physical line each record starts
on, how many fields it has, where a quote breaks the rules), without keeping
the values, so the two can never give two readings of one file. Files without a
quote need no structural pass: their lines are their records.

**Limits**: a line longer than MAX_LINE_BYTES is an error at its line; a stream
(standard input, a pipe, a device) is read up to MAX_STREAM_BYTES (the
``GRAPHKIT_MAX_INPUT`` environment variable raises it: bytes, or with a K, M or
G suffix); input with a NUL byte anywhere is binary and refused at its line (a
stream as soon as the block holding it is read); a byte-order mark is taken at the
start of the file only, and refused at the start of any later line.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd

from ..errors import EdgeSetError, GraphkitError, Problem

__all__ = [
    "BLOCK_BYTES",
    "MAX_LINE_BYTES",
    "MAX_STREAM_BYTES",
    "CsvTable",
    "read_csv_bytes",
    "read_input",
    "stream_limit",
]

_BOM = b"\xef\xbb\xbf"
BLOCK_BYTES = 1 << 20
#: The longest line (and so the longest field) graphkit reads: 16 MiB.
MAX_LINE_BYTES = 16 << 20
#: The most graphkit reads from a stream by default: 2 GiB (GRAPHKIT_MAX_INPUT changes it).
MAX_STREAM_BYTES = 2 << 30

csv.field_size_limit(MAX_LINE_BYTES)  # Python's default (128 KiB) would refuse what pyarrow reads


def stream_limit() -> int:
    """The most bytes read from a stream: GRAPHKIT_MAX_INPUT, else MAX_STREAM_BYTES."""
    text = os.environ.get("GRAPHKIT_MAX_INPUT", "").strip()
    if not text:
        return MAX_STREAM_BYTES
    match = re.fullmatch(r"([0-9]+)\s*([KMG]?)i?B?", text, flags=re.IGNORECASE)
    if not match:
        raise GraphkitError(
            f"GRAPHKIT_MAX_INPUT {text!r} is not a size: use bytes, or a number with K, M or G (e.g. 4G)"
        )
    return int(match.group(1)) << {"": 0, "K": 10, "M": 20, "G": 30}[match.group(2).upper()]


def _is_stream(path: Path) -> bool:
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _first_line_end(block: bytes) -> int:
    ends = [i for i in (block.find(b"\n"), block.find(b"\r")) if i >= 0]
    return min(ends) if ends else -1


# UTF-16's byte-order marks, which start a spreadsheet's "Unicode Text" and whose text is half NUL bytes
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF16_MESSAGE = "saved as UTF-16 (a spreadsheet's 'Unicode Text'), not UTF-8: save it as CSV UTF-8"


def _nul_message(offset: int) -> str:
    return f"binary data (a NUL byte at byte {offset + 1:,}), not text: give a CSV file saved as UTF-8"


# a byte-order mark where a line starts, after the first: two files joined (cat a.csv
# b.csv), and a byte pyarrow drops at the start of what it reads while csv keeps it
_INNER_BOM = re.compile(rb"[\r\n]\xef\xbb\xbf")


def _refuse(name: str, line: int | None, message: str) -> EdgeSetError:
    return EdgeSetError([Problem(name, line, message)])


def read_input(
    source: str | os.PathLike | BinaryIO,
    name: str,
    *,
    text: bool = True,
    limit: int | None = None,
    first_line: Callable[[bytes], None] | None = None,
) -> bytes:
    """Read a file (or an open binary stream) once, in blocks, and check it as it comes.

    With ``text`` (CSV and other text files), a NUL byte in the first block refuses
    the input as binary, and a line longer than MAX_LINE_BYTES is an error at its
    line. For a stream, ``first_line``, if given, is called with the first line as
    soon as it is complete (so a wrong header stops an endless input at once). Regular files are
    read whole; streams and devices up to ``limit`` (default :func:`stream_limit`).
    Raises :class:`EdgeSetError` with one problem naming ``name`` (and the line).
    """
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        bounded = _is_stream(path)
        try:
            handle: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed below
        except OSError as err:
            raise _refuse(name, None, f"cannot read: {err.strerror}") from err
        close = True
    else:
        handle, bounded, close = source, True, False
    cap = (limit if limit is not None else stream_limit()) if bounded else None
    blocks: list[bytes] = []
    size = lines = run = 0  # bytes read, newlines seen, length of the line being read
    header_done = first_line is None or cap is None
    try:
        # a regular file is read in one piece and checked block by block: joining
        # blocks would hold the file twice (10M rows: 1.1 GB more at the peak)
        whole = handle.read() if cap is None else None
        while True:
            block = handle.read(BLOCK_BYTES) if whole is None else whole[size : size + BLOCK_BYTES]
            if not block:
                break
            if text and size == 0 and block.startswith(_UTF16_BOMS):
                raise _refuse(name, 1, _UTF16_MESSAGE)
            if text and b"\x00" in block:  # every block: a NUL after the first MiB is refused too
                at = block.index(b"\x00")
                raise _refuse(name, lines + block[:at].count(b"\n") + 1, _nul_message(size + at))
            size += len(block)
            if cap is not None and size > cap:
                raise _refuse(
                    name,
                    None,
                    f"more than {cap:,} bytes from a stream: save it to a file, or raise "
                    "the limit with GRAPHKIT_MAX_INPUT (e.g. GRAPHKIT_MAX_INPUT=8G)",
                )
            if text:
                first = _first_line_end(block)
                if first < 0:
                    run += len(block)
                elif run + first > MAX_LINE_BYTES:
                    run += first
                    break
                else:
                    lines += block.count(b"\n")
                    # a block is shorter than the limit: only the last line can grow on
                    run = len(block) - max(block.rfind(b"\n"), block.rfind(b"\r")) - 1
                if run > MAX_LINE_BYTES:
                    break
            if whole is None:
                blocks.append(block)
            if first_line is not None and not header_done and (b"\n" in block or size > MAX_LINE_BYTES):
                header_done = True
                head = b"".join(blocks)
                first_line(head[: head.find(b"\n")] if b"\n" in head else head)
    except OSError as err:
        raise _refuse(name, None, f"cannot read: {err.strerror}") from err
    finally:
        if close:
            handle.close()
    if text and run > MAX_LINE_BYTES:
        raise _refuse(
            name,
            lines + 1,
            f"line longer than {MAX_LINE_BYTES >> 20} MiB: a record this long is not event data; "
            "check the file's line ends and quotes",
        )
    data = b"".join(blocks) if whole is None else whole
    if first_line is not None and not header_done and data:
        first_line(data)
    return data


@dataclass
class CsvTable:
    """A CSV file's records as strings (cells stripped, empty cells ``""``).

    ``lines[i]`` is the physical line on which record ``i`` starts; the header is line 1.
    """

    frame: pd.DataFrame
    lines: np.ndarray
    problems: list[Problem] = field(default_factory=list)


def _empty(problem: Problem) -> CsvTable:
    return CsvTable(pd.DataFrame(), np.zeros(0, dtype=np.int64), [problem])


def _check_utf8(data: bytes) -> None:
    """Raise UnicodeDecodeError (its start counted from the file's first byte) unless
    ``data`` is UTF-8; decoded 16 MiB at a time and kept nowhere: a decoded copy of
    a large file would hold it twice (10M rows: 1.1 GB)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    view, step = memoryview(data), 16 << 20
    try:
        for start in range(0, len(data), step):
            decoder.decode(view[start : start + step], final=start + step >= len(data))
    except UnicodeDecodeError:
        data.decode("utf-8")  # raises again, with the place counted from the start
        raise


def read_csv_bytes(data: bytes, name: str) -> CsvTable:
    """Parse CSV ``data`` from the file called ``name`` (used in messages) by the
    module's contract; each problem is pinned to its physical line."""
    data = data.removeprefix(_BOM)
    if not data.strip():
        return _empty(Problem(name, None, "file is empty: it needs a header row and one row per record"))
    if data.startswith(_UTF16_BOMS):
        return _empty(Problem(name, 1, _UTF16_MESSAGE))
    nul = data.find(b"\x00")
    if nul >= 0:
        return _empty(Problem(name, data[:nul].count(b"\n") + 1, _nul_message(nul)))
    bom = _INNER_BOM.search(data)
    if bom is not None:
        line = len(_LINE_END.findall(data, 0, bom.start() + 1)) + 1
        return _empty(
            Problem(
                name,
                line,
                "a byte-order mark (U+FEFF) starts this line, as when two files saved with one "
                "are joined: remove it (only the file's first bytes may hold one)",
            )
        )
    try:
        _check_utf8(data)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return _empty(
            Problem(name, line, f"not UTF-8 text (byte 0x{data[err.start]:02x}): save the file as UTF-8")
        )
    table = _read(data, name, assume=True)
    if table is None:  # a line of another width: read again, counting every line's fields
        table = _read(data, name, assume=False)
    assert table is not None  # never None without assume
    return table


def _read(data: bytes, name: str, *, assume: bool) -> CsvTable | None:
    """The table; with ``assume``, a file without a quote is taken to have the
    header's width on every non-blank line, which pyarrow's reading then confirms
    (None when it does not: the caller reads again, counting every line's fields)."""
    by_lines = not re.search(rb"\r(?!\n)", data)
    assume = assume and by_lines and b'"' not in data
    structure = (_plain_structure(data) if assume else _line_structure(data, name)) if by_lines else None
    if structure is None:
        by_lines = False
        structure = _quoted_structure(data, name)
    starts, widths, problems, header = structure
    if header is None:
        problems.append(Problem(name, None, "file is empty: it needs a header row and one row per record"))
        return CsvTable(pd.DataFrame(), np.zeros(0, dtype=np.int64), problems)
    # a spreadsheet's stray columns have no name: kept apart under a placeholder, see _unnamed
    header = [c.strip() or f"{_UNNAMED}{i + 1}" for i, c in enumerate(header)]
    width = len(header)
    body_starts, body_widths = starts[1:], widths[1:]
    wrong = body_widths != width
    for line, found in zip(body_starts[wrong], body_widths[wrong]):
        problems.append(
            Problem(
                name,
                int(line),
                f"expected {width} fields as in the header, found {found}: quote any field that contains a comma",
            )
        )
    seen = set(header)
    for column in dict.fromkeys(c for c in header if header.count(c) > 1):
        times = header.count(column)
        again = "twice" if times == 2 else f"{times} times"
        problems.append(Problem(name, 1, f"column {column!r} appears {again} in the header: keep one"))
    lines = body_starts[~wrong].astype(np.int64)
    if len(seen) != width:
        return CsvTable(pd.DataFrame(), lines, problems)
    if any(p.message.startswith("malformed CSV") for p in problems):
        # the structural reader stopped at the break; only the records before it exist
        return CsvTable(pd.DataFrame(), np.zeros(0, dtype=np.int64), problems)
    if len(lines) == 0:  # a header alone: nothing for pyarrow to read
        return CsvTable(pd.DataFrame({c: pd.Series([], dtype=str) for c in header}), lines, problems)
    body = _line_offset(data, int(body_starts[0]))  # where the first record after the header starts
    frame = _values(data, body, header, newlines=not by_lines, expected=len(lines), strict=assume)
    return None if frame is None else _unnamed(CsvTable(frame, lines, problems), name)


_UNNAMED = "\x1fcolumn "  # a control character: no column graphkit reads or writes is named so


def _unnamed(table: CsvTable, name: str) -> CsvTable:
    """``table`` without the columns its header leaves unnamed and its rows leave empty
    (a spreadsheet's trailing commas: they hold nothing), and a problem for each that
    holds a value, which no name can carry."""
    unnamed = [c for c in table.frame.columns if c.startswith(_UNNAMED)]
    if not unnamed:
        return table
    problems = list(table.problems)
    for column in unnamed:
        filled = (table.frame[column] != "").to_numpy()
        if filled.any():
            first = int(np.argmax(filled))
            value = table.frame[column].iat[first]
            problems.append(
                Problem(
                    name,
                    1,
                    f"column {column.removeprefix(_UNNAMED)} has no name in the header but holds values "
                    f"({value!r} on line {table.lines[first]}): name it in the header, or delete the column",
                )
            )
    return CsvTable(table.frame.drop(columns=unnamed), table.lines, problems)


def _line_structure(data: bytes, name: str):
    """Starts and widths of the records of a file without lone carriage returns in
    which every quote is simple (see :func:`_simple_quotes`): every non-blank line
    is a record, its width its commas outside quotes plus one. None otherwise (a
    field spans lines, a stray or odd quote): then the csv module reads the file."""
    starts_parts, widths_parts = [], []
    problems: list[Problem] = []
    for chunk, line, begin, stop, content in _line_blocks(data):
        quotes = np.flatnonzero(chunk == 34)
        in_line = np.searchsorted(quotes, stop) - np.searchsorted(quotes, begin)
        if (in_line % 2).any():
            return None
        commas = np.flatnonzero(chunk == 44)
        blank = content == 0
        if len(quotes) and not _simple_quotes(chunk, quotes, begin, content):
            return None  # a quote the csv module reads otherwise (or refuses): it reads the file
        # a comma inside quotes (an odd number of quotes before it on its line) separates nothing
        outside = commas[np.searchsorted(quotes, commas) % 2 == 0]
        count = np.searchsorted(outside, stop) - np.searchsorted(outside, begin) + 1
        numbers = line + np.arange(len(begin))
        starts_parts.append(numbers[~blank])
        widths_parts.append(count[~blank])
    return _stop(starts_parts, widths_parts, problems, data)


def _line_blocks(data: bytes):
    """The file in blocks of whole lines (about 64 blocks' worth of bytes each): each
    block's bytes, the number of its first line, and its lines' starts, ends (after the
    line end) and lengths without the line end (``\\n`` or ``\\r\\n``)."""
    offset, line = 0, 1
    view = memoryview(data)
    while offset < len(data):
        end = data.find(b"\n", min(offset + 64 * BLOCK_BYTES, len(data)))
        end = len(data) if end < 0 else end + 1
        chunk = np.frombuffer(view[offset:end], dtype=np.uint8)
        newlines = np.flatnonzero(chunk == 10)
        bounds = np.concatenate(([0], newlines + 1))
        if bounds[-1] < len(chunk):
            bounds = np.append(bounds, len(chunk))  # a last line without a line end
        begin, stop = bounds[:-1], bounds[1:]
        content = stop - begin - (chunk[np.maximum(stop - 1, 0)] == 10)
        content -= (content > 0) & (chunk[np.maximum(begin + content - 1, 0)] == 13)
        yield chunk, line, begin, stop, content
        line += len(newlines)
        offset = end


def _plain_structure(data: bytes):
    """Starts of the non-blank lines of a file without quotes or lone carriage
    returns (its records), each taken to be as wide as the header (checked later)."""
    parts = [line + np.flatnonzero(content != 0) for _, line, _, _, content in _line_blocks(data)]
    starts, _, problems, header = _stop(parts, [], [], data)
    return starts, np.full(len(starts), len(header) if header is not None else 0), problems, header


def _simple_quotes(chunk: np.ndarray, quotes: np.ndarray, begin: np.ndarray, content: np.ndarray) -> bool:
    """True when every quote opens a field (at its start), closes it (before a comma
    or the line end) or is doubled inside it, with every line holding an even
    number: then the lines are the records and pyarrow reads them as the csv module
    does. (Each line's count being even, a quote's rank in the file has the parity
    of its rank on its line.)"""
    line = np.searchsorted(begin, quotes, side="right") - 1
    start, end = begin[line], begin[line] + content[line]
    opening = np.arange(len(quotes)) % 2 == 0
    before = chunk[np.maximum(quotes - 1, 0)]
    after = chunk[np.minimum(quotes + 1, len(chunk) - 1)]
    opens = (quotes == start) | (before == 44) | (before == 34)
    closes = (quotes + 1 == end) | (after == 44) | (after == 34)
    return bool(np.all(np.where(opening, opens, closes)) and np.all(quotes < end))


def _stop(starts_parts, widths_parts, problems, data: bytes):
    starts = np.concatenate(starts_parts) if starts_parts else np.zeros(0, dtype=np.int64)
    widths = np.concatenate(widths_parts) if widths_parts else np.zeros(0, dtype=np.int64)
    if len(starts) == 0:
        return starts, widths, problems, None
    begin = _line_offset(data, int(starts[0]))
    end = data.find(b"\n", begin)
    header_line = data[begin : end if end >= 0 else len(data)].decode("utf-8").rstrip("\r")
    return starts, widths, problems, next(csv.reader([header_line], strict=True))


def _quoted_structure(data: bytes, name: str):
    """Starts and widths of every record, by Python's csv module (the contract),
    keeping no values; a break of the quoting rules stops it with a problem."""
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="")
    reader = csv.reader(stream, strict=True)
    starts: list[int] = []
    widths: list[int] = []
    problems: list[Problem] = []
    header = None
    end = 0
    try:
        for record in reader:
            start, end = end + 1, reader.line_num
            if record:
                if header is None:
                    header = record
                starts.append(start)
                widths.append(len(record))
    except csv.Error as err:
        problems.append(
            Problem(name, end + 1, f"malformed CSV ({err}): check for an unclosed or stray quote")
        )
    return np.asarray(starts, dtype=np.int64), np.asarray(widths, dtype=np.int64), problems, header


_LINE_END = re.compile(rb"\r\n|\r|\n")  # as Python's csv module counts lines (universal newlines)


def _line_offset(data: bytes, line: int) -> int:
    """The byte where physical ``line`` starts (lines end at \\r\\n, \\r or \\n)."""
    offset = 0
    ends = _LINE_END.finditer(data)
    for _ in range(line - 1):
        offset = next(ends).end()
    return offset


def _values(
    data: bytes, body: int, header: list[str], *, newlines: bool, expected: int, strict: bool = False
) -> pd.DataFrame | None:
    """The cells of every record of the header's width, from byte ``body`` on (the
    header and any blank lines before it left out), read by pyarrow as strings.
    With ``strict``, None when a record has another width or the count differs."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    keys = [f"c{i}" for i in range(len(header))]
    uneven: list[int] = []

    def skip(row) -> str:
        uneven.append(1)
        return "skip"

    table = pacsv.read_csv(
        pa.BufferReader(pa.py_buffer(memoryview(data)[body:])),  # no copy of the file
        read_options=pacsv.ReadOptions(column_names=keys, block_size=64 << 20),
        parse_options=pacsv.ParseOptions(
            newlines_in_values=newlines,
            ignore_empty_lines=True,
            invalid_row_handler=skip,  # pinned by the structure
        ),
        convert_options=pacsv.ConvertOptions(
            column_types={k: pa.large_string() for k in keys},  # what pandas holds: no cast
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    )
    if strict and (uneven or table.num_rows != expected):
        return None
    if table.num_rows != expected:  # never seen: would mean pyarrow broke the contract
        raise GraphkitError(
            f"internal CSV reading mismatch ({table.num_rows} rows against {expected}); please report it"
        )
    import pyarrow.compute as pac

    # stripped in arrow, column by column, then one conversion: assigning 100,000
    # pandas columns one at a time is what made a wide header take minutes
    columns = table.columns
    del table  # each column is freed as its stripped copy replaces it (10M rows: 1.2 GB less at the peak)
    for i in range(len(columns)):
        columns[i] = pac.utf8_trim_whitespace(columns[i])
    frame = pa.table(columns, names=keys).to_pandas()
    del columns
    frame.columns = header
    return frame
