"""The bootstrap and leave-one-out of the strain ranking, worked out by hand."""

from __future__ import annotations

import pytest

from graphkit.analysis.resample import drop_one, resample_strain
from graphkit.edgeset import load_edge_set
from graphkit.errors import ArgumentError

# Two pairs, one unit each: A-B strain 10, C-D strain 1. A resample draws two units with
# replacement: (AB, AB), (AB, CD), (CD, AB) leave A-B first; only (CD, CD), 1 in 4, puts
# C-D first (A-B then has no strain and ranks 2, after the one strained pair).
TWO = "id,source,target,action,weight\nx1,A,B,sanction,-10\nx2,C,D,accusation,-1\n"


def test_two_units_by_hand(write_csv):
    table = resample_strain(load_edge_set(write_csv(TWO)), resamples=4000, seed=7, top=1)
    assert table[["rank", "actor_a", "actor_b", "strain"]].values.tolist() == [
        [1, "A", "B", 10.0],
        [2, "C", "D", 1.0],
    ]
    first = dict(zip(table["actor_a"], table["p_first"]))
    assert first["A"] == pytest.approx(0.75, abs=0.03) and first["C"] == pytest.approx(0.25, abs=0.03)
    # p_top with top 1 is p_first; both ranks happen in more than 5% of resamples
    assert table["p_top"].tolist() == table["p_first"].tolist()
    assert table[["rank_low", "rank_high"]].values.tolist() == [[1, 2], [1, 2]]


def test_the_same_seed_gives_the_same_table_and_another_seed_may_not():
    essay = load_edge_set("essay")
    one = resample_strain(essay, resamples=300, seed=3)
    assert one.equals(resample_strain(essay, resamples=300, seed=3))
    assert not one.equals(resample_strain(essay, resamples=300, seed=4))
    assert one.attrs == {
        "resamples": 300,
        "seed": 3,
        "unit": "action",
        "scale": "goldstein",
        "top": 5,
        "units": 33,
    }


def test_a_pair_that_always_leads_has_a_point_interval(write_csv):
    # one pair only: every resample with a unit of it ranks it 1, and a resample has one unit
    table = resample_strain(
        load_edge_set(write_csv("source,target,action,weight\nA,B,x,-2\nA,B,y,-3\n")), resamples=50
    )
    assert table[["rank_low", "rank_high", "p_first", "p_top"]].values.tolist() == [[1, 1, 1.0, 1.0]]


def test_claims_are_drawn_whole(write_csv):
    # one claim (q) cut into two hostile rows: under unit claim it is one unit (strain 5, its most
    # hostile row), so every resample draws it and A-B always ranks 1 over C-D's single unit
    text = "source,target,action,weight,quote\nA,B,x,-5,q\nA,B,y,-4,q\nC,D,z,-1,r\n"
    table = resample_strain(load_edge_set(write_csv(text)), resamples=200, unit="claim", top=1)
    assert table.attrs["units"] == 2
    assert table["strain"].tolist() == [5.0, 1.0]


# 60 pairs (A0-B0 ... A59-B59), pair k hostile with weight -(1 + k % 7): many ties
BIG = "source,target,action,weight\n" + "".join(f"A{k},B{k},x,-{1 + k % 7}\n" for k in range(60))


def test_rows_ranks_only_the_first_pairs_with_the_same_figures(write_csv):
    # TWO with rows=1: only A-B, with the interval and shares worked out above; on the essay
    # (ties included) the first rows of the whole table, figure for figure, under every unit
    one = resample_strain(load_edge_set(write_csv(TWO)), resamples=4000, seed=7, top=1, rows=1)
    assert one[["actor_a", "actor_b", "rank_low", "rank_high"]].values.tolist() == [["A", "B", 1, 2]]
    assert one["p_first"].iloc[0] == pytest.approx(0.75, abs=0.03)
    essay = load_edge_set("essay")
    for unit in ("action", "claim", "type"):
        whole = resample_strain(essay, resamples=300, seed=3, unit=unit)
        assert resample_strain(essay, resamples=300, seed=3, unit=unit, rows=4).equals(whole.head(4))
    assert resample_strain(essay, resamples=50, rows=500).equals(resample_strain(essay, resamples=50))
    # both ways of ranking (counting a few rows, sorting for more) give the same figures
    big = load_edge_set(write_csv(BIG))
    whole = resample_strain(big, resamples=100, seed=1, top=3)
    for rows in (1, 5, 40, 60):
        assert resample_strain(big, resamples=100, seed=1, top=3, rows=rows).equals(whole.head(rows))


def test_bad_arguments_name_the_parameter():
    essay = load_edge_set("essay")
    with pytest.raises(ArgumentError, match="^resamples must be a whole number"):
        resample_strain(essay, resamples=0)
    with pytest.raises(ArgumentError, match="^seed must be"):
        resample_strain(essay, seed=-1)
    with pytest.raises(ArgumentError, match="^unit 'row' is not a unit"):
        resample_strain(essay, unit="row")
    with pytest.raises(ArgumentError, match="^rows must be a whole number of at least 1"):
        resample_strain(essay, rows=0)


# A-B: rows of 5 and 1 (6); C-D: 4; E-F: 3. Top 2: A-B, C-D.
#   without a1 (5): A-B 1 -> top 2 is C-D, E-F: A-B leaves, E-F enters
#   without a2 (1): A-B 5, still first: no change
#   without c1: C-D 0 -> A-B, E-F: C-D leaves, E-F enters
#   without e1: no change
DROP = "id,source,target,action,weight\na1,A,B,x,-5\na2,A,B,y,-1\nc1,C,D,x,-4\ne1,E,F,x,-3\n"


def test_drop_one_by_hand(write_csv):
    table = drop_one(load_edge_set(write_csv(DROP)), top=2)
    assert table[["ids", "strain", "leaves", "enters", "change"]].values.tolist() == [
        ["a1", 5.0, "A-B", "E-F", "members"],
        ["c1", 4.0, "C-D", "E-F", "members"],
    ]
    assert table.attrs["units"] == 4


def test_drop_one_reports_a_changed_order(write_csv):
    # A-B 6 (5 + 1), C-D 5.5, top 2 holds both: without a1 (A-B 1) or a2 (A-B 5) C-D leads,
    # the same two pairs in another order; without c1 only A-B has strain: C-D leaves
    text = "id,source,target,action,weight\na1,A,B,x,-5\na2,A,B,y,-1\nc1,C,D,x,-5.5\n"
    table = drop_one(load_edge_set(write_csv(text)), top=2)
    assert table[["ids", "leaves", "change"]].values.tolist() == [
        ["a1", "", "order"], ["a2", "", "order"], ["c1", "C-D", "members"]
    ]  # fmt: skip
