"""The date rule of --since/--until (wholly inside, --overlap, --undated) and what it says.

Expected values are worked out by hand from tests/data/small/edges.csv:
s1 2024-01-05, s2 2024-03, s3 2024-04-01, s4 2023, s5 2024-06-30, s6 2024,
s7 2025-02-01, s8 2024-02; and from the rows written in each test.
"""

from __future__ import annotations

import pytest

from graphkit.edgeset import load_edge_set
from graphkit.errors import ArgumentError
from graphkit.filters import filter_edge_sets, filter_edges

UNDATED = """id,source,target,action,weight,date
u1,A,B,tariff,-4,
u2,A,B,threat,-2,
d1,A,B,criticism,-1,2024
d2,A,C,criticism,-1,2024-05
"""


def test_a_year_row_is_inside_a_year_but_not_inside_part_of_it(small_set):
    es = load_edge_set(small_set)
    # since 2024-05: s5 (2024-06-30) and s7 (2025-02-01) lie wholly after 2024-05-01;
    # s6 "2024" starts in January, so it is left out; until 2024-03: s1, s2, s8 and s4
    since = filter_edges(es, since="2024-05")
    until = filter_edges(es, until="2024-03")
    assert sorted(since.edges["id"]) == ["s5", "s7"]
    assert sorted(until.edges["id"]) == ["s1", "s2", "s4", "s8"]
    # the complaint: a row dated 2024 counted by both periods; now by neither
    assert "s6" not in set(since.edges["id"]) | set(until.edges["id"])
    # with overlap it is in both, as the user asked
    assert "s6" in set(filter_edges(es, since="2024-05", overlap=True).edges["id"])
    assert "s6" in set(filter_edges(es, until="2024-03", overlap=True).edges["id"])


def test_two_adjacent_periods_split_the_rows_once(small_set):
    es = load_edge_set(small_set)
    first = set(filter_edges(es, since="2024", until="2024-06").edges["id"])
    second = set(filter_edges(es, since="2024-07", until="2025").edges["id"])
    # first half of 2024: s1, s2, s3, s5, s8; July 2024 to 2025: s7; s6 (all of 2024) in neither
    assert first == {"s1", "s2", "s3", "s5", "s8"}
    assert second == {"s7"}
    assert not first & second


def test_the_report_counts_what_was_left_out(write_csv):
    es = load_edge_set(write_csv(UNDATED))
    kept = filter_edges(es, since="2024-05")
    # u1, u2 undated; d1 (2024) straddles 2024-05-01; d2 (2024-05) inside
    assert kept.edges["id"].tolist() == ["d2"]
    report = kept.date_filter
    assert (report.undated, report.straddling, report.outside, report.bounds) == (2, 1, 0, ("since",))
    kept = filter_edges(es, since="2024-05", undated="keep", overlap=True)
    assert sorted(kept.edges["id"]) == ["d1", "d2", "u1", "u2"]
    assert kept.date_filter.kept_undated


def test_no_bound_no_report(write_csv):
    es = load_edge_set(write_csv(UNDATED))
    assert filter_edges(es, undated="keep").date_filter is None
    assert len(filter_edges(es).edges) == 4


def test_undated_takes_keep_or_drop(write_csv):
    es = load_edge_set(write_csv(UNDATED))
    with pytest.raises(ArgumentError, match="^undated 'maybe': use one of drop, keep"):
        filter_edges(es, since="2024", undated="maybe")


def test_date_end_states_a_range(write_csv):
    es = load_edge_set(
        write_csv("source,target,action,weight,date,date_end\nA,B,x,-1,2024,2025\nA,B,y,-1,2024,\n")
    )
    # the first row covers 2024-01-01..2025-12-31: not inside 2024, inside 2024..2025
    assert filter_edges(es, since="2024", until="2024").edges["action"].tolist() == ["y"]
    assert filter_edges(es, since="2024", until="2025").edges["action"].tolist() == ["x", "y"]


def test_the_cli_says_how_many_undated_rows_it_left_out(run, write_csv):
    path = write_csv(UNDATED)
    result = run("strain", path, "--since", "2024-05")
    assert result.exit_code == 0
    assert (
        "graphkit: warning: 2 undated actions left out by --since (use --undated keep to count them)"
        in result.stderr
    )
    assert (
        "graphkit: warning: 1 action dated partly outside --since left out (use --overlap to keep them)"
        in (result.stderr)
    )
    # A-C criticism alone is left: strain 1.0
    assert result.stdout.splitlines()[1].split()[1:6] == ["A", "C", "A", "C", "1.0"]
    kept = run("strain", path, "--since", "2024-05", "--undated", "keep", "--overlap", "--format", "csv")
    assert "graphkit: 2 undated actions kept by --undated keep" in kept.stderr
    # A-B: 4 + 2 + 1 = 7
    assert kept.stdout.splitlines()[1].startswith("1,A,B,A,B,7.0")


def test_the_essay_since_1900_says_what_it_dropped(run):
    result = run("strain", "--since", "1900")
    # 21 of the essay's 33 actions are undated (docs/time.md; e27 was undated before round two)
    assert "graphkit: warning: 21 undated actions left out by --since" in result.stderr


def test_diff_says_it_per_set(run, write_csv, tmp_path):
    a = write_csv(UNDATED, "a.csv")
    b = write_csv(UNDATED.replace("u2,A,B,threat,-2,\n", ""), "b.csv")
    result = run("diff", a, b, "--since", "2024")
    assert "graphkit: warning: 2 undated actions of 'a' left out by --since" in result.stderr
    assert "graphkit: warning: 1 undated action of 'b' left out by --since" in result.stderr


def test_filter_edge_sets_applies_the_rule_to_both(write_csv):
    a = load_edge_set(write_csv(UNDATED, "a.csv"))
    old, new = filter_edge_sets(a, a, since="2024-05", overlap=True)
    assert sorted(old.edges["id"]) == sorted(new.edges["id"]) == ["d1", "d2"]


def test_help_states_the_rule(run):
    text = run("strain", "--help").stdout
    assert "wholly" in text and "--overlap" in text and "--undated" in text
