"""Plain CSV: the files any CSV reader splits alike, found by a cheap scan of their bytes.

A file is **plain** when every byte is a printable ASCII character (0x20 to 0x7e)
other than ``"``, or a line feed, and no line is empty. In such a file Python's
:mod:`csv` module (graphkit's contract, :mod:`graphkit.io.csvfile`) has nothing to
interpret: no quotes, no carriage returns, no blank lines to skip, no byte-order
mark, no multi-byte characters (so NFC changes nothing and the only white space a
strip removes is the space). Its records are its lines, its fields the text
between commas. A columnar engine told "comma-separated, no quoting, no escape,
every row as wide as the header" reads exactly the same cells, and refuses a line
of another width; every other file takes the reference reader.

The scan reads the file a block at a time into one buffer and looks at each block
with a few vectorised numpy comparisons, written into arrays made once: blocks of
1 MiB keep those arrays in the processor's cache, which makes the scan about three
times faster than with 16 MiB blocks and fresh arrays (nothing else is held). It also
notes whether any cell has a space at either end (a space next to a comma or a line
end): a file without one needs no stripping.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["PlainCsv", "duckdb_reader", "plain_csv", "plain_header"]

#: bytes read and looked at a time (the answer does not depend on it)
_BLOCK = 1 << 20
#: the most bytes of a header line kept (a longer first line is not a header)
_HEADER = 16 << 20


@dataclass(frozen=True)
class PlainCsv:
    """What the scan of a plain file found: its header's cells (stripped), its records
    (lines after the header), and whether any cell has a space at either end (only
    then do cells need stripping)."""

    header: list[str]
    records: int
    padded: bool


def plain_csv(path: str | os.PathLike, *, block_size: int = _BLOCK) -> PlainCsv | None:
    """The header and record count of the regular file at ``path`` when it is plain
    (see the module's docstring), else None (not plain, not a regular file, unreadable,
    or a header alone). ``block_size``: bytes looked at a time (any positive size gives
    the same answer)."""
    path = Path(path)
    try:
        if not path.is_file():
            return None
        handle = open(path, "rb", buffering=0)  # noqa: SIM115 - closed below
    except OSError:
        return None
    buffer = bytearray(block_size)
    # the comparisons' results, written in place block after block
    lines, edges, spaces, pairs = (np.empty(block_size, dtype=bool) for _ in range(4))
    newlines, padded, previous, first = 0, False, 10, b""  # the byte before the file: a line end
    with handle:
        while True:
            try:
                size = handle.readinto(buffer)
            except OSError:
                return None
            if not size:
                break
            block = np.frombuffer(buffer, dtype=np.uint8, count=size)
            # no byte >= 0x7f, no quote, and no byte below 0x20 but the line feeds
            if block.max() >= 0x7F or buffer.find(b'"', 0, size) >= 0:
                return None
            line = np.equal(block, 10, out=lines[:size])
            count = int(np.count_nonzero(line))
            if np.count_nonzero(np.less(block, 0x20, out=spaces[:size])) != count:
                return None
            head = int(block[0])
            if np.logical_and(line[1:], line[:-1], out=pairs[: size - 1]).any() or previous == head == 10:
                return None  # an empty line (the csv module skips it; say nothing of other readers)
            if not padded:
                edge = np.logical_or(np.equal(block, 44, out=edges[:size]), line, out=edges[:size])
                space = np.equal(block, 32, out=spaces[:size])
                padded = (
                    bool(
                        np.logical_and(space[1:], edge[:-1], out=pairs[: size - 1]).any()
                        or np.logical_and(space[:-1], edge[1:], out=pairs[: size - 1]).any()
                    )
                    or (previous in (10, 44) and head == 32)
                    or (previous == 32 and head in (10, 44))
                )
            if len(first) < _HEADER and b"\n" not in first:
                first += bytes(buffer[: min(size, _HEADER - len(first))])
            newlines += count
            previous = int(block[-1])
    end = first.find(b"\n")
    if end <= 0:
        return None  # empty, or a header alone without a line end: the reference reader says what it is
    padded = padded or previous == 32  # a last line without a line end, ending in a space
    records = newlines - (1 if previous == 10 else 0)
    if records <= 0:
        return None
    header = [cell.strip() for cell in first[:end].decode("ascii").split(",")]
    return PlainCsv(header, records, padded)


def plain_header(path: str | os.PathLike) -> list[str] | None:
    """The header :func:`plain_csv` would find in the file at ``path`` (its first line's
    cells, stripped), read alone: None when that line is not plain or has no line end.
    What follows the header is not looked at: only plain_csv says the file is plain."""
    try:
        with open(path, "rb") as handle:
            line = handle.readline(_HEADER)
    except OSError:
        return None
    if not line.endswith(b"\n") or len(line) < 2:
        return None
    cells = np.frombuffer(line, dtype=np.uint8)[:-1]
    if cells.max() >= 0x7F or cells.min() < 0x20 or b'"' in line:
        return None
    return [cell.strip() for cell in line[:-1].decode("ascii").split(",")]


def duckdb_reader(path: str | os.PathLike, width: int, *, header: bool = True) -> str:
    """DuckDB's ``read_csv`` call (SQL) that reads a plain file's cells as the csv module
    does: comma, no quote, no escape, every row ``width`` cells wide (a row of another
    width is an error), each cell text, columns ``c0`` to ``c{width-1}``, an empty cell
    read as '' (``nullstr`` is a quote, which a plain file never holds); with ``header``
    the first line is skipped."""
    name = "'" + str(path).replace("'", "''") + "'"
    types = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width))
    return (
        f"read_csv({name}, header = {'true' if header else 'false'}, auto_detect = false, delim = ',', "
        f"quote = '', escape = '', nullstr = '\"', columns = {{{types}}}, strict_mode = true, "
        "null_padding = false)"
    )
