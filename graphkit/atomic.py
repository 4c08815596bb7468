"""Atomic file writes: a reader sees the old file or the whole new one, never a part."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import GraphkitError

__all__ = ["write_atomic"]


def write_atomic(path: str | Path, data: str | bytes | Iterable[str], *, make_parents: bool = False) -> Path:
    """Write ``data`` (str as UTF-8; or pieces of text, written one by one) to ``path``
    through a temporary file in the same folder, then rename it into place. Returns
    the path written."""
    path = Path(path)
    folder = path.parent
    if make_parents:
        folder.mkdir(parents=True, exist_ok=True)
    if not folder.is_dir():
        raise GraphkitError(f"cannot write {path}: folder {folder} does not exist; create it first")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    pieces = [payload] if isinstance(payload, (bytes, bytearray)) else (p.encode("utf-8") for p in payload)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise GraphkitError(f"cannot write {path}: {err.strerror}") from err
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise GraphkitError(f"cannot write {path}: {err.strerror}") from err
        raise
    return path
