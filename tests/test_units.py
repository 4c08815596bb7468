"""Units of evidence: which rows count under action, claim and type, worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from graphkit.analysis.strain_alg import strain
from graphkit.analysis.units import count_units, quote_codes
from graphkit.edgeset import load_edge_set
from graphkit.errors import GraphkitError
from graphkit.io.text import normalize_ws

# Three pairs whose order differs under each unit:
#   A-B: one passage (q1) cut into three hostile rows of three types, plus a cooperative row
#   C-D: four passages, each one accusation (the same type)
#   E-F: two unquoted rows of two types
THREE_UNITS = """id,source,target,action,weight,quote
p1,A,B,sanction,-8,q1
p2,A,B,accusation,-2,q1
p3,A,B,threat,-6,  q1
p4,A,B,aid,3,q1
q1,C,D,accusation,-3,q2
q2,C,D,accusation,-3,q3
q3,C,D,accusation,-3,q4
q4,C,D,accusation,-3,q5
r1,E,F,sanction,-6,
r2,E,F,threat,-4,
"""
# action: every row counts
#   A-B = 8 + 2 + 6 = 16, C-D = 4 * 3 = 12, E-F = 6 + 4 = 10   -> A-B, C-D, E-F
# claim: (source, target, quote whitespace aside) counts once at its most hostile weight,
#   and once more at its most cooperative weight; unquoted rows count one each
#   A-B = 8 (q1, p1; p4 counts as cooperation 3), C-D = 3 + 3 + 3 + 3 = 12, E-F = 6 + 4 = 10
#   -> C-D, E-F, A-B
# type: (source, target, action) counts once at its most extreme weight
#   A-B = 8 + 2 + 6 = 16, C-D = 3, E-F = 6 + 4 = 10   -> A-B, E-F, C-D


@pytest.fixture
def three_units(write_csv):
    return load_edge_set(write_csv(THREE_UNITS))


def _ranked(edge_set, unit):
    table = strain(edge_set.with_edges(count_units(edge_set.edges, unit)))
    return [(a, b, s) for a, b, s in zip(table["actor_a"], table["actor_b"], table["strain"])]


def test_action_counts_every_row(three_units):
    assert count_units(three_units.edges, "action") is three_units.edges
    assert _ranked(three_units, "action") == [("A", "B", 16.0), ("C", "D", 12.0), ("E", "F", 10.0)]


def test_claim_counts_a_passage_once_per_sign(three_units):
    kept = count_units(three_units.edges, "claim")
    # p1 is q1's most hostile row, p4 its only cooperative one; the unquoted r1, r2 stay apart
    assert kept["id"].tolist() == ["p1", "p4", "q1", "q2", "q3", "q4", "r1", "r2"]
    assert _ranked(three_units, "claim") == [("C", "D", 12.0), ("E", "F", 10.0), ("A", "B", 8.0)]
    table = strain(three_units.with_edges(kept))
    assert table.loc[table["actor_a"] == "A", ["hostile", "cooperative", "cooperation"]].values.tolist() == [
        [1, 1, 3.0]
    ]


def test_type_counts_an_action_type_once(three_units):
    kept = count_units(three_units.edges, "type")
    assert kept["id"].tolist() == ["p1", "p2", "p3", "p4", "q1", "r1", "r2"]
    assert _ranked(three_units, "type") == [("A", "B", 16.0), ("E", "F", 10.0), ("C", "D", 3.0)]


def test_type_keeps_the_most_extreme_weight_and_hostile_wins_a_tie():
    edges = pd.DataFrame(
        {
            "source": ["X", "X", "X", "X", "X"],
            "target": ["Y", "Y", "Y", "Y", "Z"],
            "action": ["statement", "statement", "talk", "talk", "talk"],
            "weight": [4.0, -4.0, -2.0, 5.0, 1.0],
            "quote": ["", "", "", "", ""],
        }
    )
    # statement: |4| = |-4|, the hostile -4 wins; talk X->Y: |5| > |-2|, +5 wins; X->Z is its own type
    assert count_units(edges, "type")["weight"].tolist() == [-4.0, 5.0, 1.0]


def test_claim_of_neutral_rows_counts_once_and_neutral_beside_a_sign_drops():
    edges = pd.DataFrame(
        {
            "source": ["X", "X", "X", "X"],
            "target": ["Y", "Y", "Y", "Y"],
            "action": ["a", "b", "c", "d"],
            "weight": [0.0, 0.0, 0.0, -1.0],
            "quote": ["q", "q", "r", "r"],
        }
    )
    # q: only neutral rows -> its first, a; r: a hostile row -> d alone
    assert count_units(edges, "claim")["action"].tolist() == ["a", "d"]


def test_claim_of_equal_weights_keeps_the_first_row_and_the_index():
    edges = pd.DataFrame(
        {"source": ["X", "X"], "target": ["Y", "Y"], "action": ["b", "a"], "weight": [-2.0, -2.0],
         "quote": ["same words", "same\nwords"]},
        index=[10, 20],
    )  # fmt: skip
    kept = count_units(edges, "claim")
    assert kept.index.tolist() == [10]


def test_same_quote_between_other_actors_is_another_claim():
    edges = pd.DataFrame(
        {"source": ["X", "X", "Y"], "target": ["Y", "Z", "X"], "action": ["a"] * 3, "weight": [-1.0] * 3,
         "quote": ["q"] * 3}
    )  # fmt: skip
    assert len(count_units(edges, "claim")) == 3


def test_unknown_unit_is_an_error_naming_the_choices(three_units):
    with pytest.raises(GraphkitError, match="unit 'row'.*action, claim, type"):
        count_units(three_units.edges, "row")


def test_a_missing_column_is_an_error_naming_it():
    # a frame of source, target and weight only (as balance() accepts) has no quote to
    # group claims by, and no action to group types by: an error, not a KeyError
    edges = pd.DataFrame({"source": ["A"], "target": ["B"], "weight": [-1.0]})
    assert count_units(edges, "action") is edges
    with pytest.raises(GraphkitError, match="edges has no quote column: unit 'claim' needs"):
        count_units(edges, "claim")
    with pytest.raises(GraphkitError, match="edges has no action column: unit 'type' needs"):
        count_units(edges, "type")


def test_empty_edges_stay_empty(three_units):
    empty = three_units.edges.iloc[:0]
    for unit in ("action", "claim", "type"):
        assert len(count_units(empty, unit)) == 0


def test_quotes_are_equal_whitespace_aside_by_the_rule_of_claims():
    # every character Python's str.split() splits on, as graphkit.claims.normalize_ws does
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    quotes = pd.Series(["".join(f"a{s}b {s}" for s in spaces), " x\u00a0\u2003y\n", "", "plain"])
    _, texts = quote_codes(quotes)
    assert list(texts) == [normalize_ws(q) for q in quotes]
