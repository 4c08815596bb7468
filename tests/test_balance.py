"""Structural balance: the signed graph, triangle census, frustration index and camps.

Expected values are worked out by hand (arithmetic in the comments) or by brute
force over every two-camp split, never taken from balance() itself.
"""

from __future__ import annotations

import itertools
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graphkit as gk
from graphkit.analysis.balance_alg import balance, balance_from_ties, signed_ties
from graphkit.errors import ArgumentError


def edges(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["source", "target", "weight"])


def consistent(result) -> bool:
    """The reported frustrated ties are exactly the ties the camps contradict."""
    contradicted = []
    for a, b, sign in result.ties[["actor_a", "actor_b", "sign"]].itertuples(index=False):
        same = result.camps[a] == result.camps[b]
        if (sign > 0) != same:
            contradicted.append((a, b))
    return sorted(contradicted) == list(result.frustrated_ties) and result.frustration == len(contradicted)


def test_signed_ties_sum_both_directions():
    ties = signed_ties(
        edges(
            ("B", "A", -5.0),
            ("A", "B", 2.0),  # A-B: -5 + 2 = -3, hostile
            ("A", "C", 3.0),  # A-C: +3, friendly
            ("C", "D", 4.0),
            ("D", "C", -4.0),  # C-D: 4 - 4 = 0, no tie
            ("D", "D", -9.0),  # an actor on itself: no tie
            ("E", "D", 0.1),
            ("D", "E", 0.2),
            ("E", "D", -0.3),  # 0.1 + 0.2 - 0.3 = 0 (to 9 decimals)
        )
    )
    assert ties.to_dict("records") == [
        {"actor_a": "A", "actor_b": "B", "net": -3.0, "sign": -1},
        {"actor_a": "A", "actor_b": "C", "net": 3.0, "sign": 1},
    ]


def test_triangle_with_one_hostile_tie_is_unbalanced():
    # A-B +, A-C +, B-C -: one triangle with one hostile tie (++-), unbalanced under
    # both definitions: shares 0/1. Any split contradicts one tie: frustration 1.
    result = balance(edges(("A", "B", 1.0), ("A", "C", 2.0), ("C", "B", -3.0)))
    assert result.triangles == {"+++": 0, "++-": 1, "+--": 0, "---": 0}
    assert result.balanced_share_strong == 0.0
    assert result.balanced_share_weak == 0.0
    assert (result.frustration, result.exact) == (1, True)
    assert consistent(result)
    assert result.camps["A"] == 0  # the alphabetically first actor's camp
    assert result.actors["unbalanced_triangles"].tolist() == [1, 1, 1]


def test_hostile_square_is_balanced():
    # A-B, B-C, C-D, D-A all hostile: no triangle; the camps {A, C} and {B, D}
    # put every hostile tie across: frustration 0, and A (first) in camp 0.
    result = balance(edges(("A", "B", -1.0), ("B", "C", -1.0), ("C", "D", -1.0), ("D", "A", -1.0)))
    assert result.triangles == {"+++": 0, "++-": 0, "+--": 0, "---": 0}
    assert result.balanced_share_strong is None and result.balanced_share_weak is None
    assert "no triangles" in result.note
    assert (result.frustration, result.exact) == (0, True)
    assert result.camps == {"A": 0, "B": 1, "C": 0, "D": 1}
    assert result.frustrated_ties == ()


def test_four_actors_all_hostile():
    # K4, every tie hostile: 4 triangles, all ---. Strong: 0/4 balanced; weak: 4/4.
    # A split of sizes (k, 4-k) leaves C(k,2) + C(4-k,2) hostile ties inside camps:
    # k=0: 6, k=1: 0+3 = 3, k=2: 1+1 = 2, so the frustration index is 2.
    # Each actor sits in C(3,2) = 3 triangles, all unbalanced (three hostile ties).
    rows = [(x, y, -2.0) for x, y in itertools.combinations("ABCD", 2)]
    result = balance(edges(*rows))
    assert result.triangles == {"+++": 0, "++-": 0, "+--": 0, "---": 4}
    assert result.balanced_share_strong == 0.0
    assert result.balanced_share_weak == 1.0
    assert (result.frustration, result.exact) == (2, True)
    assert consistent(result)
    assert sorted(result.camps.values()) == [0, 0, 1, 1]
    assert result.actors["unbalanced_triangles"].tolist() == [3, 3, 3, 3]


def test_no_triangles_and_actors_without_ties():
    # A-B +, B-C -: a path, no triangle; D and E act but net 0, so they have no tie:
    # reported in camp 0 with no unbalanced triangle. C is across B's hostile tie.
    result = balance(edges(("A", "B", 2.0), ("C", "B", -2.0), ("D", "E", 5.0), ("E", "D", -5.0)))
    assert result.balanced_share_strong is None
    assert result.frustration == 0
    assert result.camps == {"A": 0, "B": 0, "C": 1, "D": 0, "E": 0}
    assert result.actors.to_dict("records") == [
        {"actor": a, "camp": c, "unbalanced_triangles": 0} for a, c in zip("ABCDE", [0, 0, 1, 0, 0])
    ]


def test_two_blocs_census():
    # {A, B, C} friendly among themselves, each hostile to D. Triangles:
    # ABC +++; ABD, ACD, BCD each one friendly and two hostile ties (+--).
    # Strong: (1 + 3)/4 = 1.0 balanced; frustration 0; D alone in camp 1.
    rows = [
        ("A", "B", 1.0),
        ("A", "C", 1.0),
        ("B", "C", 1.0),
        ("A", "D", -1.0),
        ("D", "B", -1.0),
        ("C", "D", -1.0),
    ]
    result = balance(edges(*rows))
    assert result.triangles == {"+++": 1, "++-": 0, "+--": 3, "---": 0}
    assert (result.balanced_share_strong, result.balanced_share_weak) == (1.0, 1.0)
    assert result.camps == {"A": 0, "B": 0, "C": 0, "D": 1}


def test_tree_hanging_off_an_unbalanced_triangle():
    # the ++- triangle of the first test, plus C-D hostile and D-E friendly: the
    # hanging ties can always be satisfied, so the frustration stays 1, D sits
    # across from C and E with D.
    rows = [("A", "B", 1.0), ("A", "C", 1.0), ("B", "C", -1.0), ("C", "D", -1.0), ("D", "E", 1.0)]
    result = balance(edges(*rows))
    assert (result.frustration, result.exact) == (1, True)
    assert result.camps["D"] != result.camps["C"] and result.camps["E"] == result.camps["D"]
    assert consistent(result)


def test_json_has_the_issue_keys_and_alphabetical_ties():
    rows = [(x, y, -1.0) for x, y in itertools.combinations("DCBA", 2)]  # pairs named in reverse
    data = balance(edges(*rows)).to_dict()
    assert list(data) == [
        "triangles", "balanced_share_strong", "balanced_share_weak", "frustration", "exact",
        "warnings", "camps", "frustrated_ties", "actors",
    ]  # fmt: skip
    assert list(data["triangles"]) == ["+++", "++-", "+--", "---"]
    assert all(a < b for a, b in data["frustrated_ties"])
    assert list(data["actors"][0]) == ["actor", "camp", "unbalanced_triangles"]
    json.dumps(data)  # plain Python values only


def test_same_input_same_result():
    rows = [(x, y, -1.0 if (ord(x) + ord(y)) % 3 else 1.0) for x, y in itertools.combinations("ABCDEFGH", 2)]
    for method in ("auto", "heuristic"):
        first, second = balance(edges(*rows), method=method), balance(edges(*rows), method=method)
        assert first.to_dict() == second.to_dict()


def test_above_exact_max_ties_the_heuristic_gives_an_upper_bound():
    rows = [(x, y, -2.0) for x, y in itertools.combinations("ABCD", 2)]
    result = balance(edges(*rows), exact_max_ties=5)  # K4 has 6 ties
    assert result.exact is False and result.method == "heuristic"
    assert result.frustration >= 2 and consistent(result)


def test_extra_actors_may_be_an_array():
    # A-B hostile; Z has no tie: camp 0. An array of actors (as pd.unique returns) has no
    # truth value, so ``actors or []`` raised ValueError before
    import numpy as np

    result = balance_from_ties(
        pd.DataFrame({"actor_a": ["A"], "actor_b": ["B"], "sign": [-1]}), np.array(["A", "B", "Z"])
    )
    assert result.camps == {"A": 0, "B": 1, "Z": 0}


def test_edge_set_and_public_name():
    result = gk.balance(gk.load_edge_set("essay"))
    assert result.camps and set(result.camps) == set(result.actors["actor"])
    assert gk.signed_ties is signed_ties


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: balance(pd.DataFrame({"source": ["A"], "target": ["B"]})), "edge_set"),
        (lambda: balance(edges(("A", "B", 1.0)), method="fast"), "method"),
        (lambda: balance(edges(("A", "B", 1.0)), time_limit=0), "time_limit"),
        (lambda: balance(edges(("A", "B", float("nan")))), "edge_set"),
        (lambda: balance("essay"), "edge_set"),
        (
            lambda: balance_from_ties(
                pd.DataFrame({"actor_a": ["A", "B"], "actor_b": ["B", "A"], "sign": [1, -1]})
            ),
            "ties",
        ),
        (lambda: balance_from_ties(pd.DataFrame({"actor_a": ["A"], "actor_b": ["A"], "sign": [1]})), "ties"),
        (lambda: balance_from_ties(pd.DataFrame({"actor_a": ["A"], "actor_b": ["B"], "sign": [2]})), "ties"),
    ],
)
def test_bad_arguments_name_the_parameter(call, argument):
    with pytest.raises(ArgumentError) as caught:
        call()
    assert caught.value.argument == argument


# --- brute force on small random signed graphs -------------------------------------


@st.composite
def signed_graphs(draw):
    """Up to 10 actors; each pair hostile, friendly or untied."""
    n = draw(st.integers(min_value=1, max_value=10))
    names = [f"N{i}" for i in range(n)]
    pairs = list(itertools.combinations(range(n), 2))
    signs = draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=len(pairs), max_size=len(pairs)))
    rows = [(names[i], names[j], s) for (i, j), s in zip(pairs, signs) if s]
    return names, pd.DataFrame(rows, columns=["actor_a", "actor_b", "sign"])


def brute_frustration(names, ties) -> int:
    """The least number of contradicted ties over all 2^n camp splits."""
    index = {name: i for i, name in enumerate(names)}
    rows = [(index[a], index[b], s > 0) for a, b, s in ties.itertuples(index=False)]
    best = len(rows)
    for camp in itertools.product([0, 1], repeat=len(names)):
        best = min(best, sum(friendly != (camp[a] == camp[b]) for a, b, friendly in rows))
    return best


def brute_census(names, ties):
    """Triangles by number of hostile ties, and each actor's unbalanced triangles."""
    sign = {}
    for a, b, s in ties.itertuples(index=False):
        sign[a, b] = sign[b, a] = s
    census, unbalanced = [0, 0, 0, 0], dict.fromkeys(names, 0)
    for trio in itertools.combinations(names, 3):
        signs = [sign.get(pair) for pair in itertools.combinations(trio, 2)]
        if None in signs:
            continue
        hostile = signs.count(-1)
        census[hostile] += 1
        if hostile % 2:
            for actor in trio:
                unbalanced[actor] += 1
    return dict(zip(["+++", "++-", "+--", "---"], census)), unbalanced


@settings(max_examples=50, deadline=None)
@given(signed_graphs())
def test_exact_frustration_equals_brute_force(graph):
    names, ties = graph
    result = balance_from_ties(ties, names, method="exact")
    assert result.exact
    assert result.frustration == brute_frustration(names, ties)
    assert consistent(result)


@settings(max_examples=50, deadline=None)
@given(signed_graphs())
def test_heuristic_is_an_upper_bound_consistent_with_its_camps(graph):
    names, ties = graph
    result = balance_from_ties(ties, names, method="heuristic")
    assert result.frustration >= brute_frustration(names, ties)
    assert consistent(result)
    assert set(result.camps.values()) <= {0, 1}


@settings(max_examples=50, deadline=None)
@given(signed_graphs())
def test_census_and_unbalanced_triangles_equal_brute_force(graph):
    names, ties = graph
    result = balance_from_ties(ties, names)
    census, unbalanced = brute_census(names, ties)
    assert result.triangles == census
    assert dict(zip(result.actors["actor"], result.actors["unbalanced_triangles"])) == unbalanced


def test_camp_page_is_the_same_bytes_twice():
    from graphkit.render import render_html

    es = gk.load_edge_set("essay")
    first = render_html(es, color_by="camp")
    assert render_html(es, color_by="camp") == first
    # the essay's signed graph is a forest: 0 by construction, and the page says so
    assert "Frustrated ties: 0 (no cycle: frustration is 0 by construction)." in first


def test_docs_figures_for_the_gdelt_sample_are_todays_output(tmp_path):
    # docs/balance.md reports these; this keeps the text and the code from drifting apart
    from pathlib import Path

    from click.testing import CliRunner

    from graphkit.cli import main

    sample = Path(__file__).parent / "data" / "gdelt1_sample_events.tsv"
    target = tmp_path / "gdelt.csv"
    assert CliRunner().invoke(main, ["import-gdelt", str(sample), "-o", str(target)]).exit_code == 0
    result = gk.balance(gk.load_edge_set(target))
    assert (len(result.ties), int((result.ties["sign"] < 0).sum()), len(result.camps)) == (105, 32, 72)
    assert result.triangles == {"+++": 12, "++-": 12, "+--": 8, "---": 2}
    assert round(result.balanced_share_strong, 3) == 0.588  # 20 / 34
    assert round(result.balanced_share_weak, 3) == 0.647  # 22 / 34
    assert (result.frustration, result.exact) == (12, True)
    doc = (Path(__file__).parent.parent / "docs" / "balance.md").read_text(encoding="utf-8")
    assert "frustration index is **12**" in doc and "(**0.588**)" in doc


def test_a_search_cut_short_by_the_time_bound_says_so():
    # K4 all hostile: the heuristic's first local search always runs; with the bound
    # already past, no restart does, and the result says the search was cut short
    rows = [(x, y, -2.0) for x, y in itertools.combinations("ABCD", 2)]
    result = balance(edges(*rows), method="heuristic", time_limit=1e-9)
    assert result.stopped_early and not result.exact
    assert result.frustration >= 2 and consistent(result)


def test_the_unit_of_evidence_decides_the_sign_of_a_tie():
    import graphkit as gk

    # A->B twice with one quote (-2, -2), B->A once (+3).
    # action: every row counts, net = -2 - 2 + 3 = -1, hostile.
    # claim: the two A->B rows are one claim at its most hostile weight, -2; net = -2 + 3 = +1, friendly.
    edges = pd.DataFrame(
        {
            "source": ["A", "A", "B"],
            "target": ["B", "B", "A"],
            "action": ["threat", "threat", "cooperation"],
            "weight": [-2.0, -2.0, 3.0],
            "quote": ["A warned B", "A warned B", "B helped A"],
        }
    )
    assert gk.balance(edges).ties["sign"].tolist() == [-1]
    assert gk.balance(edges, unit="claim").ties["sign"].tolist() == [1]


def test_a_dense_graph_is_counted_as_a_sparse_one():
    """The dense products (a graph with an eighth of its pairs tied or more) count as
    the sparse ones do. By hand, K4 with the tie A-B hostile and the rest friendly:
    ABC and ABD hold one hostile tie, ACD and BCD none; A and B are in two unbalanced
    triangles, C and D in one."""
    import numpy as np

    from graphkit.analysis import balance_search

    a, b = np.array([0, 0, 0, 1, 1, 2]), np.array([1, 2, 3, 2, 3, 3])
    sign = np.array([-1, 1, 1, 1, 1, 1])
    counts, unbalanced = balance_search.count_triangles(4, a, b, sign)
    assert counts == {"+++": 2, "++-": 2, "+--": 0, "---": 0}
    assert unbalanced.tolist() == [2, 2, 1, 1]
    rng = np.random.default_rng(3)
    i, j = np.triu_indices(60, 1)
    keep = rng.random(len(i)) < 0.4
    sign = rng.choice([-1, 1], int(keep.sum()))
    dense = balance_search.count_triangles(60, i[keep], j[keep], sign)
    sparse_only = balance_search.DENSE_MAX_ACTORS
    try:
        balance_search.DENSE_MAX_ACTORS = 0  # the sparse products, as for a large sparse graph
        sparse = balance_search.count_triangles(60, i[keep], j[keep], sign)
    finally:
        balance_search.DENSE_MAX_ACTORS = sparse_only
    assert dense[0] == sparse[0] and dense[1].tolist() == sparse[1].tolist()
