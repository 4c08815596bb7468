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

The scan reads the file a block at a time into one buffer (nothing else is held)
and looks at each block with a few vectorised numpy comparisons. It also notes
whether any cell has a space at either end (a space next to a comma or a line
end): a file without one needs no stripping.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["PlainCsv", "plain_csv"]

_BLOCK = 16 << 20


@dataclass(frozen=True)
class PlainCsv:
    """What the scan of a plain file found: its header's cells (stripped), its records
    (lines after the header), and whether any cell has a space at either end (only
    then do cells need stripping)."""

    header: list[str]
    records: int
    padded: bool


def plain_csv(path: str | os.PathLike) -> PlainCsv | None:
    """The header and record count of the regular file at ``path`` when it is plain
    (see the module's docstring), else None (not plain, not a regular file, unreadable,
    or a header alone)."""
    path = Path(path)
    try:
        if not path.is_file():
            return None
        handle = open(path, "rb", buffering=0)  # noqa: SIM115 - closed below
    except OSError:
        return None
    buffer = bytearray(_BLOCK)
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
            lines = block == 10
            count = int(np.count_nonzero(lines))
            # no byte >= 0x7f, no quote, and no byte below 0x20 but the line feeds
            if (
                block.max() >= 0x7F
                or np.count_nonzero(block < 0x20) != count
                or buffer.find(b'"', 0, size) >= 0
            ):
                return None
            head = int(block[0])
            if np.any(lines[1:] & lines[:-1]) or previous == head == 10:
                return None  # an empty line (the csv module skips it; say nothing of other readers)
            if not padded:
                spaces, edges = block == 32, lines | (block == 44)
                padded = (
                    bool(np.any(spaces[1:] & edges[:-1]) or np.any(spaces[:-1] & edges[1:]))
                    or (previous in (10, 44) and head == 32)
                    or (previous == 32 and head in (10, 44))
                )
            if len(first) < _BLOCK and b"\n" not in first:
                first += bytes(buffer[: min(size, _BLOCK - len(first))])
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
