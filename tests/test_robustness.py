"""Robustness: strain ranks of each pair under every unit and coding, worked out by hand."""

from __future__ import annotations

import pytest

from graphkit.analysis.robustness_alg import robustness, robustness_records
from graphkit.edgeset import load_edge_set
from graphkit.errors import GraphkitError

from .test_units import THREE_UNITS

# A second coder of the same text: keeps only p1 of passage q1, codes C-D alike, E-F
# alike, and adds a G-H claim.
SECOND = """id,source,target,action,weight,quote
p1,A,B,sanction,-8,q1
q1,C,D,accusation,-3,q2
q2,C,D,accusation,-3,q3
q3,C,D,accusation,-3,q4
q4,C,D,accusation,-3,q5
r1,E,F,sanction,-6,
r2,E,F,threat,-4,
g1,G,H,sanction,-10,q9
"""
# one (see test_units): action A-B 16, C-D 12, E-F 10     -> 1, 2, 3
#                       claim  C-D 12, E-F 10, A-B 8      -> A-B 3, C-D 1, E-F 2
#                       type   A-B 16, E-F 10, C-D 3      -> A-B 1, C-D 3, E-F 2
#   G-H is absent from "one": it ranks after the 3 strained pairs, 4, under every unit.
# two: action A-B 8, C-D 12, E-F 10, G-H 10               -> C-D 1, E-F 2, G-H 2 (tie), A-B 4
#      claim  the same sums (no passage is cut twice)     -> C-D 1, E-F 2, G-H 2, A-B 4
#      type   A-B 8, C-D 3, E-F 10, G-H 10                -> E-F 1, G-H 1, A-B 3, C-D 4
# ranks in variant order one:action, one:claim, one:type, two:action, two:claim, two:type
#   A-B [1, 3, 1, 4, 4, 3]: min 1, sorted 1 1 3 3 4 4 -> median 3, max 4
#   C-D [2, 1, 3, 1, 1, 4]: min 1, sorted 1 1 1 2 3 4 -> median 1.5, max 4
#   E-F [3, 2, 2, 2, 2, 1]: min 1, sorted 1 2 2 2 2 3 -> median 2, max 3
#   G-H [4, 4, 4, 2, 2, 1]: min 1, sorted 1 2 2 4 4 4 -> median 3, max 4
# top 3: only E-F stays in the top 3 under every variant.
# order: median, then max, then actor_a: C-D (1.5), E-F (2), A-B (3, 4), G-H (3, 4)


@pytest.fixture
def codings(tmp_path):
    for name, text in (("one", THREE_UNITS), ("two", SECOND)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "edges.csv").write_text(text, encoding="utf-8")
    return [load_edge_set(tmp_path / "one"), load_edge_set(tmp_path / "two")]


def test_ranks_under_every_unit_and_coding(codings):
    table = robustness(codings, top=3)
    variants = ["one:action", "one:claim", "one:type", "two:action", "two:claim", "two:type"]
    assert table.attrs["variants"] == variants
    assert list(table.columns) == [
        "actor_a",
        "actor_b",
        *variants,
        "rank_min",
        "rank_median",
        "rank_max",
        "robust_top",
    ]
    rows = table.values.tolist()
    assert rows == [
        ["C", "D", 2, 1, 3, 1, 1, 4, 1, 1.5, 4, False],
        ["E", "F", 3, 2, 2, 2, 2, 1, 1, 2.0, 3, True],
        ["A", "B", 1, 3, 1, 4, 4, 3, 1, 3.0, 4, False],
        ["G", "H", 4, 4, 4, 2, 2, 1, 1, 3.0, 4, False],
    ]


def test_json_records_nest_ranks_by_variant(codings):
    records = robustness_records(robustness(codings, units=["action"], top=2))
    # action only: C-D [2, 1] (median 1.5), E-F [3, 2] (2.5), A-B [1, 4] (2.5), G-H [4, 2] (3)
    # E-F and A-B tie on median 2.5; E-F's max 3 beats A-B's 4 -> E-F first
    assert records == [
        {"actor_a": "C", "actor_b": "D", "ranks": {"one:action": 2, "two:action": 1},
         "rank_min": 1, "rank_median": 1.5, "rank_max": 2, "robust_top": True},
        {"actor_a": "E", "actor_b": "F", "ranks": {"one:action": 3, "two:action": 2},
         "rank_min": 2, "rank_median": 2.5, "rank_max": 3, "robust_top": False},
        {"actor_a": "A", "actor_b": "B", "ranks": {"one:action": 1, "two:action": 4},
         "rank_min": 1, "rank_median": 2.5, "rank_max": 4, "robust_top": False},
        {"actor_a": "G", "actor_b": "H", "ranks": {"one:action": 4, "two:action": 2},
         "rank_min": 2, "rank_median": 3.0, "rank_max": 4, "robust_top": False},
    ]  # fmt: skip


def test_cooperative_pairs_are_not_ranked_and_zero_strain_ranks_last(write_csv):
    edge_set = load_edge_set(write_csv("source,target,action,weight\nA,B,x,-2\nA,C,x,-2\nB,C,y,3\n"))
    table = robustness([edge_set], units=["action"])
    # A-B and A-C tie at 2 -> both rank 1 ("1224"); B-C has no strain in any variant: not listed
    assert table[["actor_a", "actor_b", f"{edge_set.name}:action"]].values.tolist() == [
        ["A", "B", 1],
        ["A", "C", 1],
    ]


def test_named_codings_and_bad_arguments(codings):
    table = robustness({"first": codings[0]}, units=["type"])
    assert table.attrs["variants"] == ["first:type"]
    with pytest.raises(GraphkitError, match="two sets are named 'one'"):
        robustness([codings[0], codings[0]])
    with pytest.raises(GraphkitError, match="top must be at least 1"):
        robustness(codings, top=0)
    with pytest.raises(GraphkitError, match="unit 'rows'"):
        robustness(codings, units=["rows"])
