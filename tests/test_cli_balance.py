"""graphkit balance, as a user runs it."""

from __future__ import annotations

import itertools
import json

import pytest
from click.testing import CliRunner

from graphkit.cli import main

# K4, every pair hostile once: 4 --- triangles, frustration 2 (see tests/test_balance.py)
ALL_HOSTILE = "source,target,action,weight\n" + "".join(
    f"{a},{b},criticism,-1\n" for a, b in itertools.combinations("ABCD", 2)
)


@pytest.fixture
def run():
    def invoke(*args, input=None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input)

    return invoke


def test_small_set_json(run, small_set):
    # tests/data/small, summed per pair both directions:
    #   A-B: -4 - 2 - 3 = -9 (hostile)   A-C: -5 (hostile)   C-D: -1 (hostile)
    #   B-C: 3 - 0.5 = 2.5 (friendly)    A-D: +2 (friendly)  B-D: no action, no tie
    # triangles ABC (AB -, AC -, BC +) and ACD (AC -, CD -, AD +): both +--, balanced.
    # Camps: A 0; B and C hostile to A: 1; D friendly to A: 0; B-C friendly inside
    # camp 1, C-D hostile across: nothing frustrated.
    result = run("balance", small_set, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "triangles": {"+++": 0, "++-": 0, "+--": 2, "---": 0},
        "balanced_share_strong": 1.0,
        "balanced_share_weak": 1.0,
        "frustration": 0,
        "exact": True,
        # 4 actors, fewer than the 5 below which graphkit warns (docs/balance.md, warnings)
        "warnings": [
            "the signed graph has 4 actors (fewer than 5): its triangles and camps rest on a handful of ties"
        ],
        "camps": {"A": 0, "B": 1, "C": 1, "D": 0},
        "frustrated_ties": [],
        "actors": [
            {"actor": "A", "camp": 0, "unbalanced_triangles": 0},
            {"actor": "B", "camp": 1, "unbalanced_triangles": 0},
            {"actor": "C", "camp": 1, "unbalanced_triangles": 0},
            {"actor": "D", "camp": 0, "unbalanced_triangles": 0},
        ],
    }
    assert (
        result.stderr
        == "graphkit: warning: the signed graph has 4 actors (fewer than 5): its triangles and camps rest on a handful of ties\n"
    )


def test_csv_holds_the_actors_from_stdin(run):
    # each actor of K4 sits in C(3,2) = 3 triangles, all --- (unbalanced under strong balance)
    result = run("balance", "-", "--format", "csv", input=ALL_HOSTILE)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "actor,camp,unbalanced_triangles"
    assert [line.split(",")[0::2] for line in lines[1:]] == [["A", "3"], ["B", "3"], ["C", "3"], ["D", "3"]]


def test_table_says_exact_and_lists_frustrated_ties(run):
    result = run("balance", "-", input=ALL_HOSTILE)
    assert result.exit_code == 0, result.stderr
    assert "frustration            2 (exact)" in result.stdout
    assert "Frustrated ties (2)" in result.stdout
    assert "balanced_share_weak    1.0" in result.stdout


def test_heuristic_says_upper_bound_and_time_bound_on_stderr(run):
    result = run(
        "balance", "-", "--method", "heuristic", "--time-limit", "5", "--format", "json", input=ALL_HOSTILE
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["exact"] is False
    assert "upper bound" in result.stderr and "time bound 5.0 s" in result.stderr


def test_markdown_to_a_file(run, tmp_path):
    target = tmp_path / "balance.md"
    result = run("balance", "-", "--format", "markdown", "-o", target, input=ALL_HOSTILE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# graphkit balance: stdin\n")


def test_no_triangles_on_the_essay(run):
    result = run("balance", "--format", "json")
    data = json.loads(result.stdout)
    assert data["balanced_share_strong"] is None and data["balanced_share_weak"] is None


def test_bad_input_exits_2(run, write_csv):
    path = write_csv("source,target,action,weight\nA,B,criticism,abc\n")
    result = run("balance", path)
    assert result.exit_code == 2
    assert str(path) in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_same_bytes_twice(run):
    first = run("balance", "-", "--format", "json", input=ALL_HOSTILE).stdout
    assert run("balance", "-", "--format", "json", input=ALL_HOSTILE).stdout == first


def test_time_bound_cut_short_is_said_on_stderr(run):
    result = run("balance", "-", "--method", "heuristic", "--time-limit", "1e-9", input=ALL_HOSTILE)
    assert result.exit_code == 0, result.stderr
    assert "stopped by the time bound" in result.stderr
    assert "camps may differ between runs" in result.stderr
