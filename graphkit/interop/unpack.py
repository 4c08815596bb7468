"""Unpacking GDELT's downloads (plain, gzip or zip), bounded: a file as a whole may
unpack to at most a given number of bytes, and a zip's members are read one at a time."""

from __future__ import annotations

import gzip
import io
import zipfile
import zlib
from collections.abc import Iterator

from ..errors import GraphkitError
from ..io.bounded import MAX_UNPACKED_BYTES, UnpackBudget, size_text

__all__ = ["MAX_UNPACKED_BYTES", "unpacked"]

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"

_HINT = "raise the bound (max_unpacked, or --max-unpacked on the command line)"
_WHY = "a GDELT export is far smaller, so this may be a decompression bomb"


def unpacked(data: bytes, name: str, limit: int = MAX_UNPACKED_BYTES) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of each text held in ``data``: itself, a gunzipped copy, or each
    member of a zip in turn (one in memory at a time), unpacked in blocks and refused
    once the file as a whole passes ``limit`` bytes."""
    budget = UnpackBudget(name, limit, _HINT, _WHY)
    try:
        if data.startswith(_GZIP_MAGIC):
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                yield name, budget.drain(stream, name)
            return
        if data.startswith(_ZIP_MAGIC):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = sorted((i for i in archive.infolist() if not i.is_dir()), key=lambda i: i.filename)
                if not members:
                    raise GraphkitError(
                        f"{name}: the zip archive is empty: give a GDELT .export.CSV.zip file"
                    )
                declared = sum(info.file_size for info in members)
                if (
                    declared > limit
                ):  # refused before unpacking (Python's reader stops at a member's declared size)
                    raise GraphkitError(
                        f"{name}: its members would unpack to {declared:,} bytes, more than "
                        f"{size_text(limit)}: {_WHY}; if it is real, {_HINT}"
                    )
                for info in members:
                    member = f"{name}/{info.filename}"
                    if info.flag_bits & 0x1:
                        raise GraphkitError(
                            f"{member}: the zip member is encrypted: unpack it with its password first"
                        )
                    try:
                        with archive.open(info) as stream:
                            text = budget.drain(stream, member)
                    except NotImplementedError as err:
                        raise GraphkitError(
                            f"{member}: compressed with a method Python's zip reader lacks "
                            f"(type {info.compress_type}, e.g. Deflate64): unpack it with another "
                            "tool (7z, unzip) and give the .CSV file"
                        ) from err
                    yield member, text
                    del text
            return
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error, RuntimeError) as err:
        raise GraphkitError(
            f"{name}: cannot decompress ({err}): the file is damaged; download it again"
        ) from err
    yield name, data
