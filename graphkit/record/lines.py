"""Text files read a block of lines at a time: plain, gzip or each member of a zip.

A year of GDELT is tens of millions of lines; nothing here holds more than one
block (BLOCK_LINES lines) of a file in memory.
"""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from ..errors import GraphkitError

__all__ = ["BLOCK_LINES", "Block", "blocks"]

BLOCK_LINES = 200_000
_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Block:
    """Lines of one text: ``name`` (the file, or ``file.zip/member``), ``first`` (the
    physical line number of ``lines[0]``, from 1), ``lines`` (without line ends)."""

    name: str
    first: int
    lines: list[str]


def _texts(path: Path) -> Iterator[tuple[str, IO[bytes]]]:
    name = str(path)
    try:
        with open(path, "rb") as probe:
            magic = probe.read(4)
    except OSError as err:
        raise GraphkitError(f"{name}: cannot read ({err.strerror or err}): check the path") from err
    try:
        if magic.startswith(_GZIP_MAGIC):
            with gzip.open(path, "rb") as packed:
                yield name, cast(IO[bytes], packed)
            return
        if magic.startswith(_ZIP_MAGIC):
            with zipfile.ZipFile(path) as archive:
                members = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
                if not members:
                    raise GraphkitError(f"{name}: the zip archive is empty: give the event file inside it")
                for info in members:
                    with archive.open(info) as stream:
                        yield f"{name}/{info.filename}", stream
            return
        with open(path, "rb") as stream:
            yield name, stream
    except (EOFError, zipfile.BadZipFile, zlib.error, gzip.BadGzipFile) as err:
        raise GraphkitError(
            f"{name}: cannot decompress ({err}): the file is damaged; download it again"
        ) from err


def blocks(path: str | Path, block_lines: int = BLOCK_LINES) -> Iterator[Block]:
    """The lines of ``path`` (each text in it, for a zip) in blocks of ``block_lines``,
    decoded as UTF-8 (bad bytes replaced), blank lines left out of the blocks but
    counted in the line numbers."""
    for name, stream in _texts(Path(path)):
        text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="\n")
        lines: list[str] = []
        first = 1
        number = 0
        try:
            for raw in text:
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
        except (EOFError, zlib.error, gzip.BadGzipFile, zipfile.BadZipFile) as err:
            raise GraphkitError(
                f"{name}:{number + 1}: cannot decompress ({err}): the file is damaged; download it again"
            ) from err
        if lines:
            yield Block(name, first, lines)
