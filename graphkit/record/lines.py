"""Text files read a block of lines at a time: plain, gzip or each member of a zip.

A year of GDELT is tens of millions of lines; nothing here holds more than one
block (BLOCK_LINES lines) of a file in memory, no line longer than MAX_LINE_BYTES is
read whole, and a compressed file unpacks to at most GRAPHKIT_MAX_INPUT bytes (2 GiB)
in all (:mod:`graphkit.io.bounded`).
"""

from __future__ import annotations

import gzip
import itertools
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from ..errors import GraphkitError
from ..io.bounded import UnpackBudget, bounded_line
from ..io.csvfile import stream_limit

__all__ = ["BLOCK_LINES", "DAMAGED", "Block", "blocks", "damaged", "head_of", "line_blocks", "texts"]

BLOCK_LINES = 200_000
_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"

#: What reading a damaged gzip or zip raises.
DAMAGED = (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile)


@dataclass(frozen=True)
class Block:
    """Lines of one text: ``name`` (the file, or ``file.zip/member``), ``first`` (the
    physical line number of ``lines[0]``, from 1), ``lines`` (without line ends)."""

    name: str
    first: int
    lines: list[str]


def texts(path: Path) -> Iterator[tuple[str, IO[bytes]]]:
    """(name, binary stream) of each text in ``path``: the file, or each member of a zip
    (what they unpack to counted against one bound for the file)."""
    name = str(path)
    try:
        with open(path, "rb") as probe:
            magic = probe.read(4)
    except OSError as err:
        raise GraphkitError(f"{name}: cannot read ({err.strerror or err}): check the path") from err
    try:
        if magic.startswith(_GZIP_MAGIC):
            with gzip.open(path, "rb") as packed:
                yield name, UnpackBudget(name, stream_limit()).reader(cast(IO[bytes], packed), name)
            return
        if magic.startswith(_ZIP_MAGIC):
            with zipfile.ZipFile(path) as archive:
                members = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
                if not members:
                    raise GraphkitError(f"{name}: the zip archive is empty: give the event file inside it")
                budget = UnpackBudget(name, stream_limit())
                for info in members:
                    member = f"{name}/{info.filename}"
                    with archive.open(info) as stream:
                        yield member, budget.reader(stream, member)
            return
        with open(path, "rb") as stream:
            yield name, stream
    except (EOFError, zipfile.BadZipFile, zlib.error, gzip.BadGzipFile) as err:
        raise GraphkitError(
            f"{name}: cannot decompress ({err}): the file is damaged; download it again"
        ) from err


def damaged(name: str, line: int, err: Exception) -> GraphkitError:
    """The error for a text that cannot be decompressed at ``line``."""
    return GraphkitError(f"{name}:{line}: cannot decompress ({err}): the file is damaged; download it again")


def head_of(stream: IO[bytes], name: str = "<input>") -> bytes:
    """The bytes of ``stream`` up to and with its first non-blank line (b"" when none):
    what tells the format."""
    head = b""
    while True:
        line = bounded_line(stream, name, head.count(b"\n") + 1)
        head += line
        if not line or line.strip():
            return head


def _split(head: bytes) -> list[str]:
    """``head``'s lines as TextIOWrapper(newline="\\n") gives them (str.splitlines also splits at CR)."""
    pieces = head.decode("utf-8", errors="replace").split("\n")
    return [piece + "\n" for piece in pieces[:-1]] + ([pieces[-1]] if pieces[-1] else [])


def line_blocks(
    name: str, stream: IO[bytes], block_lines: int = BLOCK_LINES, head: bytes = b""
) -> Iterator[Block]:
    """The lines of ``head`` then ``stream`` in blocks of ``block_lines``, decoded as
    UTF-8 (bad bytes replaced), blank lines left out of the blocks but counted in
    the line numbers."""
    lines: list[str] = []
    first = 1
    number = 0

    def rest() -> Iterator[str]:  # line by line, never a line longer than MAX_LINE_BYTES whole
        while raw := bounded_line(stream, name, number + 1):
            yield raw.decode("utf-8", errors="replace")

    try:
        for raw in itertools.chain(_split(head), rest()):
            number += 1
            line = raw.rstrip("\r\n")
            if not lines:
                first = number
            if not line.strip():
                if lines:  # keep line numbers right: a blank line ends the block
                    yield Block(name, first, lines)
                    lines = []
                continue
            lines.append(line)
            if len(lines) >= block_lines:
                yield Block(name, first, lines)
                lines = []
    except DAMAGED as err:
        raise damaged(name, number + 1, err) from err
    if lines:
        yield Block(name, first, lines)


def blocks(path: str | Path, block_lines: int = BLOCK_LINES) -> Iterator[Block]:
    """The lines of ``path`` (each text in it, for a zip) in blocks of ``block_lines``
    (see :func:`line_blocks`)."""
    for name, stream in texts(Path(path)):
        yield from line_blocks(name, stream, block_lines)
