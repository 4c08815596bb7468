"""Quote location and claim matching (graphkit.claims), worked out by hand."""

from __future__ import annotations

import pandas as pd

from graphkit.claims import ClaimMatch, locate_quotes, match_claims
from graphkit.io.text import normalize_ws

# normalised: "Alpha taxed Beta. Beta sued Alpha in court. Gamma praised Beta."
# counted by hand: "Alpha" 0-4, "taxed" 6-10, "Beta." 12-16, "Beta" 18-21, "sued" 23-26, "Alpha" 28-32
TEXT = "Alpha taxed  Beta.\nBeta sued Alpha\tin court. Gamma praised Beta."


def edges(rows):
    return pd.DataFrame(rows, columns=["source", "target", "action", "quote"])


def test_normalize_ws_collapses_runs_and_strips():
    assert normalize_ws("\n  Alpha \t\n taxed   Beta. ") == "Alpha taxed Beta."
    assert normalize_ws("") == ""


def test_locate_quotes_spans_in_normalised_text():
    # normalised: "Alpha taxed Beta. Beta sued Alpha in court. Gamma praised Beta."
    # "taxed Beta" starts at 6 (after "Alpha ") and has 10 characters -> (6, 16)
    # "Beta sued  Alpha" normalises to "Beta sued Alpha": starts at 18, 15 characters -> (18, 33)
    # "Beta." first occurs at 12 ("Alpha taxed " is 12 characters) -> (12, 17)
    spans = locate_quotes(["taxed Beta", "Beta sued  Alpha", "Delta", "", "Beta."], TEXT)
    assert spans == [(6, 16), (18, 33), None, None, (12, 17)]


def test_locate_quotes_non_string_is_none():
    assert locate_quotes([float("nan")], TEXT) == [None]


def test_match_needs_half_of_the_shorter_quote():
    # a0 "Alpha taxed Beta" = (0, 16), 16 chars
    # b0 "Beta. Beta sued" = (12, 27), 15 chars; overlap (12, 16) = 4 chars < 7.5 -> no match
    # b1 "taxed Beta. Beta" = (6, 22), 16 chars; overlap (6, 16) = 10 >= 8 -> match
    a = edges([["A", "B", "tariff", "Alpha taxed Beta"]])
    b = edges([["A", "B", "tariff", "Beta. Beta sued"], ["A", "B", "tariff", "taxed Beta. Beta"]])
    assert match_claims(a, b, TEXT) == ClaimMatch(pairs=[(0, 1)], only_a=[], only_b=[0])


def test_exactly_half_matches():
    # a0 "Alpha taxe" (0,10) vs b0 "taxed Beta" (6,16): overlap (6,10) = 4 chars, shorter 10 -> 4 < 5: no
    # a1 "Alpha taxed " -> normalised "Alpha taxed" (0,11) vs b0 (6,16): overlap 5, shorter 10 -> 5 >= 5: yes
    a = edges([["A", "B", "tariff", "Alpha taxe"], ["A", "B", "tariff", "Alpha taxed "]])
    b = edges([["A", "B", "tariff", "taxed Beta"]])
    assert match_claims(a, b, TEXT) == ClaimMatch(pairs=[(1, 0)], only_a=[0], only_b=[])


def test_one_to_one_prefers_larger_overlap():
    # b0 "Alpha taxed Beta." = (0, 17)
    # a0 "Alpha taxed" = (0, 11): overlap 11; a1 "Alpha taxed Beta" = (0, 16): overlap 16
    # a1 wins b0; a0 has no other partner
    a = edges([["A", "B", "tariff", "Alpha taxed"], ["A", "B", "tariff", "Alpha taxed Beta"]])
    b = edges([["A", "B", "tariff", "Alpha taxed Beta."]])
    assert match_claims(a, b, TEXT) == ClaimMatch(pairs=[(1, 0)], only_a=[0], only_b=[])


def test_ties_prefer_same_pair_then_same_action_then_file_order():
    quote = "Beta sued Alpha"
    # both b rows overlap a's rows fully (15 chars); same overlap everywhere
    a = edges([["B", "A", "lawsuit", quote], ["A", "B", "lawsuit", quote]])
    b = edges([["A", "B", "lawsuit", quote], ["B", "A", "accusation", quote], ["B", "A", "lawsuit", quote]])
    # a0 (B->A lawsuit): same pair and action as b2 -> (0, 2)
    # a1 (A->B lawsuit): same pair and action as b0 -> (1, 0); b1 left over
    assert match_claims(a, b, TEXT) == ClaimMatch(pairs=[(0, 2), (1, 0)], only_a=[], only_b=[1])
    # same pair, different actions: b1 (B->A accusation) is preferred over b0 (A->B) for a0
    a2 = edges([["B", "A", "lawsuit", quote]])
    b2 = edges([["A", "B", "lawsuit", quote], ["B", "A", "accusation", quote]])
    assert match_claims(a2, b2, TEXT).pairs == [(0, 1)]
    # nothing to tell apart: file order, a0 with b0
    a3 = edges([["A", "B", "lawsuit", quote], ["A", "B", "lawsuit", quote]])
    b3 = edges([["C", "D", "x", quote], ["C", "D", "x", quote]])
    assert match_claims(a3, b3, TEXT).pairs == [(0, 0), (1, 1)]


def test_rows_without_locatable_quote_match_nothing():
    a = edges([["A", "B", "tariff", ""], ["A", "B", "tariff", "not in the text"]])
    b = edges([["A", "B", "tariff", ""], ["A", "B", "tariff", "Gamma praised"]])
    assert match_claims(a, b, TEXT) == ClaimMatch(pairs=[], only_a=[0, 1], only_b=[0, 1])


def test_missing_quote_column_and_empty_frames():
    a = pd.DataFrame({"source": ["A"], "target": ["B"], "action": ["tariff"]})
    b = edges([])
    assert match_claims(a, b, TEXT) == ClaimMatch(pairs=[], only_a=[0], only_b=[])
