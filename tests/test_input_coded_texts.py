"""Every hand-coded text the extractor is measured on (tests/data/dev, tests/data/held-out)
is a valid edge set whose quotes are all in its source.txt: a broken coding would otherwise
show only as a lower score in tests/bench/extract_quality.py."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphkit as gk

DATA = Path(__file__).parent / "data"
FOLDERS = sorted(p for which in ("dev", "held-out") for p in (DATA / which).iterdir() if p.is_dir())


def test_there_are_coded_texts_to_check():
    assert len(FOLDERS) >= 15  # five dev texts and ten held-out ones when this test was written


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_coded_text_is_valid_with_verbatim_quotes(folder):
    assert (folder / "source.txt").is_file()
    assert gk.validate_edge_set(folder) == []  # validation checks every quote against source.txt
    edges = gk.load_edge_set(folder).edges
    assert len(edges) > 0
    assert edges["quote"].str.strip().ne("").all()  # every coded act carries its evidence
