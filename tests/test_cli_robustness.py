"""`graphkit robustness` as a user runs it (the ranks are worked out in test_robustness.py)."""

from __future__ import annotations

import json

import pytest

from .test_robustness import SECOND
from .test_units import THREE_UNITS


@pytest.fixture
def folders(tmp_path):
    for name, text in (("one", THREE_UNITS), ("two", SECOND)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "edges.csv").write_text(text, encoding="utf-8")
    return tmp_path / "one", tmp_path / "two"


def test_json_records(run, folders):
    result = run("robustness", *folders, "--top", "3", "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert [(r["actor_a"], r["actor_b"], r["robust_top"]) for r in records] == [
        ("C", "D", False), ("E", "F", True), ("A", "B", False), ("G", "H", False),
    ]  # fmt: skip
    assert records[1] == {
        "actor_a": "E", "actor_b": "F",
        "ranks": {"one:action": 3, "one:claim": 2, "one:type": 2, "two:action": 2, "two:claim": 2, "two:type": 1},
        "rank_min": 1, "rank_median": 2.0, "rank_max": 3, "robust_top": True,
    }  # fmt: skip
    assert result.stderr == ""


def test_csv_has_a_column_per_variant_and_unit_restricts(run, folders):
    result = run("robustness", *folders, "--unit", "claim", "--unit", "type", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # C-D: one:claim 1, one:type 3, two:claim 1, two:type 4 -> sorted 1 1 3 4, median 2, max 4
    # E-F: 2, 2, 2, 1 -> median 2, max 2;  A-B: 3, 1, 4, 3 -> median 3;  G-H: 4, 4, 2, 1 -> median 3
    assert result.stdout == (
        "actor_a,actor_b,one:claim,one:type,two:claim,two:type,rank_min,rank_median,rank_max,robust_top\n"
        "E,F,2,2,2,1,1,2.0,2,True\n"
        "C,D,1,3,1,4,1,2.0,4,True\n"
        "A,B,3,1,4,3,1,3.0,4,True\n"
        "G,H,4,4,2,1,1,3.0,4,True\n"
    )


def test_filters_apply_to_every_coding(run, folders):
    result = run("robustness", *folders, "--actor", "G", "--unit", "action", "--format", "csv")
    # G is only in coding two: its ego network is G-H alone; in one it has no edges (rank 1 + 0 = 1)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == ["G,H,1,1,1,1.0,1,True"]


def test_bad_input_is_one_line_and_exit_2(run, folders):
    twice = run("robustness", folders[0], folders[0])
    assert twice.exit_code == 2
    assert (
        twice.stderr
        == "graphkit: edge set 'one' is given twice: give each coding once (variants are named by set)\n"
    )
    missing = run("robustness", *folders, "--actor", "ZZZ")
    assert missing.exit_code == 2 and "--actor 'ZZZ' has no edges" in missing.stderr
    unit = run("robustness", "--unit", "row")
    assert unit.exit_code == 2 and "'row' is not one of" in unit.stderr


def test_default_is_the_essay_under_three_units(run):
    result = run("robustness", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == run("robustness", "essay", "--format", "json").stdout
    assert list(json.loads(result.stdout)[0]["ranks"]) == ["essay:action", "essay:claim", "essay:type"]


def test_docs_show_todays_essay_table(run):
    # docs/units.md shows this output; it must follow the bundled codings
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "units.md").read_text(encoding="utf-8")
    result = run("robustness", "essay", "essay-2025-v1", "--top", "5", "--format", "markdown")
    # a failed command prints nothing, and "" is in every page: check success first
    assert result.exit_code == 0 and result.stdout.strip(), result.stderr
    assert result.stdout in docs
