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

The scan reads the file a block at a time (nothing held but one block) and deletes
the allowed bytes from each with :meth:`bytes.translate`: what remains is what
makes the file not plain.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PlainCsv", "plain_csv"]

_BLOCK = 16 << 20
# the bytes a plain file may hold: printable ASCII but the double quote, and the line feed
_ALLOWED = bytes(b for b in range(0x20, 0x7F) if b != 0x22) + b"\n"


@dataclass(frozen=True)
class PlainCsv:
    """What the scan of a plain file found: its header's cells (stripped) and its records (lines after the header)."""

    header: list[str]
    records: int


def plain_csv(path: str | os.PathLike) -> PlainCsv | None:
    """The header and record count of the regular file at ``path`` when it is plain
    (see the module's docstring), else None (not plain, not a regular file, unreadable,
    or a header alone)."""
    path = Path(path)
    try:
        if not path.is_file():
            return None
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError:
        return None
    newlines, last, first = 0, b"\n", b""
    with handle:
        while True:
            try:
                block = handle.read(_BLOCK)
            except OSError:
                return None
            if not block:
                break
            if block.translate(None, _ALLOWED):
                return None  # a quote, a control byte, a carriage return, a NUL or a non-ASCII byte
            if block.startswith(b"\n") and last == b"\n" or b"\n\n" in block:
                return None  # an empty line (the csv module skips it; say nothing of other readers)
            if len(first) < _BLOCK and b"\n" not in first:
                first += block[: _BLOCK - len(first)]
            newlines += block.count(b"\n")
            last = block[-1:]
    end = first.find(b"\n")
    if end <= 0:
        return None  # empty, or a header alone without a line end: the reference reader says what it is
    records = newlines - (1 if last == b"\n" else 0)
    if records <= 0:
        return None
    header = [cell.strip() for cell in first[:end].decode("ascii").split(",")]
    return PlainCsv(header, records)
