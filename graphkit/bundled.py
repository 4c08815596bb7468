"""The edge sets that ship with graphkit (the top-level ``edges/`` folder)."""

from __future__ import annotations

from pathlib import Path

from .schema import DESCRIPTION_FILE, EDGES_FILE

__all__ = ["DESCRIPTION_FILE", "DEFAULT_SET", "bundled_dir", "bundled_sets", "describe"]

DEFAULT_SET = "essay"


def bundled_dir() -> Path:
    """Where the bundled sets are: inside the installed package (a wheel carries
    ``edges/`` as ``graphkit/edges``), or beside the package in a source checkout."""
    packaged = Path(__file__).parent / "edges"
    if packaged.is_dir():
        return packaged
    return Path(__file__).parent.parent / "edges"


def describe(folder: Path) -> str:
    """The first line of a set's ``description.txt``, or ""."""
    path = folder / DESCRIPTION_FILE
    if not path.is_file():
        return ""
    lines = path.read_text(encoding="utf-8").strip().splitlines()
    return lines[0].strip() if lines else ""


def bundled_sets() -> dict[str, str]:
    """Name -> one-line description of every bundled edge set, sorted by name."""
    root = bundled_dir()
    if not root.is_dir():
        return {}
    return {p.name: describe(p) for p in sorted(root.iterdir()) if p.is_dir() and (p / EDGES_FILE).is_file()}
