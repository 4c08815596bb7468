"""Fixtures shared by graphkit's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def small_set() -> Path:
    """A four-actor edge set whose strain and centralities are worked out by hand
    in tests/test_analysis.py."""
    return DATA / "small" / "edges.csv"


@pytest.fixture
def write_csv(tmp_path):
    """Write text (or bytes) to a file in tmp_path and return its path."""

    def write(text: str | bytes, name: str = "edges.csv") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write
