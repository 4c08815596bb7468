"""Compressed input, bounded: what a gzip or zip file may unpack to, and how long a line may be.

One rule for every reader of compressed files (import-gdelt, import-dyads, verify's
records): a file as a whole (every member of a zip together) may unpack to at most a
given number of bytes, counted as it is unpacked, block by block; and no line read
line by line may pass MAX_LINE_BYTES, however the file is packed.
"""

from __future__ import annotations

from typing import IO, Protocol

from ..errors import GraphkitError
from .csvfile import MAX_LINE_BYTES

__all__ = ["MAX_UNPACKED_BYTES", "UnpackBudget", "bounded_line", "overlong_line", "size_text"]

#: The most bytes one compressed file may unpack to, by default: a day of GDELT 2.0
#: events is about 200 MB unpacked, a day of 1.0 at most about 500 MB.
MAX_UNPACKED_BYTES = 2 << 30
_BLOCK = 1 << 20


def size_text(size: int) -> str:
    """``size`` bytes in GiB or MiB, for messages."""
    return f"{size / (1 << 30):g} GiB" if size >= 1 << 30 else f"{size / (1 << 20):g} MiB"


def overlong_line(name: str, line: int) -> GraphkitError:
    """The error for line ``line`` of ``name`` passing MAX_LINE_BYTES."""
    return GraphkitError(
        f"{name}:{line}: line longer than {MAX_LINE_BYTES >> 20} MiB: a record this long is not "
        "event data; check the file's line ends"
    )


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


class UnpackBudget:
    """What one compressed file may still unpack to: the bound is on the whole file
    (every member of a zip together), not on each member. ``hint`` says how to raise it."""

    def __init__(
        self,
        name: str,
        limit: int,
        hint: str = "raise the bound (GRAPHKIT_MAX_INPUT, e.g. GRAPHKIT_MAX_INPUT=8G)",
        why: str = "this may be a decompression bomb",
    ):
        self.name, self.limit, self.used, self.hint, self.why = name, limit, 0, hint, why

    def count(self, size: int, member: str) -> None:
        """Count ``size`` more unpacked bytes of ``member``; refuse past the bound."""
        self.used += size
        if self.used > self.limit:
            whole = "" if member == self.name else f" (at {member})"
            raise GraphkitError(
                f"{self.name}: unpacks to more than {size_text(self.limit)}{whole}: {self.why}; "
                f"if it is real, {self.hint}"
            )

    def drain(self, stream: _Readable, member: str) -> bytes:
        """Read a decompressing ``stream`` whole, block by block, refusing past the bound."""
        blocks: list[bytes] = []
        while True:
            block = stream.read(_BLOCK)
            if not block:
                return b"".join(blocks)
            self.count(len(block), member)
            blocks.append(block)

    def reader(self, stream: IO[bytes], member: str) -> IO[bytes]:
        """``stream`` with every byte read from it counted (read, read1, readline)."""
        return _Counted(stream, self, member)  # type: ignore[return-value]


class _Counted:
    def __init__(self, stream: IO[bytes], budget: UnpackBudget, member: str):
        self._stream, self._budget, self._member = stream, budget, member

    def _counted(self, data: bytes) -> bytes:
        self._budget.count(len(data), self._member)
        return data

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:  # never the whole rest at once: count it block by block
            return b"".join(iter(lambda: self.read(_BLOCK), b""))
        return self._counted(self._stream.read(size))

    def read1(self, size: int = -1) -> bytes:
        return self.read(size if size is not None and size >= 0 else _BLOCK)

    def readline(self, size: int = -1) -> bytes:
        return self._counted(self._stream.readline(size))

    def readable(self) -> bool:
        return True

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def bounded_line(stream: IO[bytes], name: str, line: int) -> bytes:
    """The next line of ``stream`` (with its line end; b"" at the end), refused at
    ``line`` when longer than MAX_LINE_BYTES: never read whole, however long."""
    data = stream.readline(MAX_LINE_BYTES + 1)
    if len(data) > MAX_LINE_BYTES and not data.endswith(b"\n"):
        raise overlong_line(name, line)
    return data
