"""--unit and --intensity as a user runs them, on the hand-worked set of test_units.py."""

from __future__ import annotations

import csv
import io
import json

import pytest

from .test_units import THREE_UNITS


@pytest.fixture
def three(write_csv):
    return write_csv(THREE_UNITS, "three.csv")


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        # see THREE_UNITS in test_units.py for the sums
        ("action", [("A", "B", "16.0"), ("C", "D", "12.0"), ("E", "F", "10.0")]),
        ("claim", [("C", "D", "12.0"), ("E", "F", "10.0"), ("A", "B", "8.0")]),
        ("type", [("A", "B", "16.0"), ("E", "F", "10.0"), ("C", "D", "3.0")]),
    ],
)
def test_strain_ranks_by_unit(run, three, unit, expected):
    result = run("strain", three, "--unit", unit, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert [(r["actor_a"], r["actor_b"], r["strain"]) for r in _rows(result.stdout)] == expected


def test_strain_default_unit_is_action_byte_for_byte(run, three):
    assert run("strain", three).stdout == run("strain", three, "--unit", "action").stdout
    assert "claims" not in run("strain", three).stdout


def test_strain_intensity_columns(run, three):
    result = run("strain", three, "--unit", "claim", "--intensity", "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert list(records[0])[8:11] == ["hostile", "claims", "mean_hostility"]
    # claim unit: C-D 12 over 4 hostile units, 4 claims -> mean 3.0; E-F 10 over 2 (unquoted
    # rows, a claim each) -> 5.0; A-B 8 over 1 unit (q1), 1 claim -> 8.0
    assert [(r["actor_a"], r["hostile"], r["claims"], r["mean_hostility"]) for r in records] == [
        ("C", 4, 4, 3.0), ("E", 2, 2, 5.0), ("A", 1, 1, 8.0),
    ]  # fmt: skip
    # action unit: A-B 16 over 3 hostile rows, still 1 claim -> mean 16/3 = 5.333333
    action = json.loads(run("strain", three, "--intensity", "--format", "json").stdout)
    first = action[0]
    assert (first["actor_a"], first["hostile"], first["claims"], first["mean_hostility"]) == (
        "A",
        3,
        1,
        5.333333,
    )


def test_centrality_by_type(run, three):
    result = run("centrality", three, "--unit", "type", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    dealt = {r["actor"]: (r["hostile_out"], r["cooperation_out"]) for r in _rows(result.stdout)}
    # type: A deals 8 + 2 + 6 = 16 and cooperates 3; C deals one accusation, 3; E deals 6 + 4 = 10
    assert (dealt["A"], dealt["C"], dealt["E"]) == (("16.0", "3.0"), ("3.0", "0.0"), ("10.0", "0.0"))


def test_export_pairs_by_claim(run, three):
    result = run("export", three, "--unit", "claim", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    # A-B under claim: q1 once hostile (-8, sanction) and once cooperative (+3, aid): 2 actions
    row = next(r for r in _rows(result.stdout) if r["source"] == "A")
    assert (row["strain"], row["cooperation"], row["actions"], row["n_sanction"], row["n_accusation"]) == (
        "8.0", "3.0", "2", "1", "0",
    )  # fmt: skip


def test_diff_counts_units_in_strain_only(run, three, write_csv):
    other = write_csv(THREE_UNITS.replace("p2,A,B,accusation,-2,q1\n", ""), "other.csv")
    by_row = json.loads(run("diff", three, other, "--format", "json").stdout)
    by_claim = json.loads(run("diff", three, other, "--unit", "claim", "--format", "json").stdout)
    # the removed row p2 is an edge change under every unit
    assert [e["id"] for e in by_claim["removed"]] == [e["id"] for e in by_row["removed"]] == ["p2"]
    # by row A-B's strain falls 16 -> 14; by claim q1 counts once at -8 in both sets: no change
    assert [(s["actor_a"], s["delta"]) for s in by_row["strain"]] == [("A", -2.0)]
    assert by_claim["strain"] == []
    assert by_claim["summary"]["unit"] == "claim" and "unit" not in by_row["summary"]


def test_render_marks_pairs_whose_rank_depends_on_the_unit(run, three, tmp_path):
    page = tmp_path / "three.html"
    result = run("render", three, "--unit", "claim", "-o", page)
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    # ranks: A-B 1, 3, 1; C-D 2, 1, 3; E-F 3, 2, 2 (action, claim, type)
    for marks in ("action 1, claim 3, type 1", "action 2, claim 1, type 3", "action 3, claim 2, type 2"):
        assert "rank by unit: " + marks in html
    assert "Counted by claim" in html


def test_render_default_unit_is_byte_for_byte(run, tmp_path):
    run("render", "-o", tmp_path / "a.html")
    run("render", "--unit", "action", "-o", tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_unit_with_dask_is_refused(run, three):
    result = run("strain", three, "--unit", "claim", "--engine", "dask")
    assert result.exit_code == 2
    assert "--unit claim needs --engine pandas" in result.stderr
