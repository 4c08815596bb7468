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


def brute_force(a, b, text):
    """The matching rule read literally: every candidate pair, sorted, taken greedily."""
    spans_a = locate_quotes(list(a["quote"]), text)
    spans_b = locate_quotes(list(b["quote"]), text)
    candidates = []
    for i, sa in enumerate(spans_a):
        for j, sb in enumerate(spans_b):
            if sa is None or sb is None:
                continue
            overlap = min(sa[1], sb[1]) - max(sa[0], sb[0])
            shorter = min(sa[1] - sa[0], sb[1] - sb[0])
            if overlap > 0 and 2 * overlap >= shorter:
                same_pair = (a["source"][i], a["target"][i]) == (b["source"][j], b["target"][j])
                candidates.append((-overlap, not same_pair, a["action"][i] != b["action"][j], i, j))
    used_a, used_b, pairs = set(), set(), []
    for *_, i, j in sorted(candidates):
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return ClaimMatch(
        sorted(pairs),
        [i for i in range(len(a)) if i not in used_a],
        [j for j in range(len(b)) if j not in used_b],
    )


def test_matching_equals_the_rule_read_literally():
    import random

    words = normalize_ws(TEXT).split(" ")
    rng = random.Random(24)
    for _ in range(300):

        def rows(n):
            out = []
            for _ in range(n):
                start = rng.randrange(len(words))
                quote = " ".join(words[start : start + rng.randint(1, 4)])
                out.append([rng.choice("AB"), rng.choice("AB"), rng.choice(["x", "y"]), quote])
            return edges(out)

        a, b = rows(rng.randint(0, 8)), rows(rng.randint(0, 8))
        assert match_claims(a, b, TEXT) == brute_force(a, b, TEXT)


def test_many_quotes_are_located_as_one_search_each_would():
    # more distinct quotes than the searches' threshold: the one-pass index must agree with find
    import random

    rng = random.Random(5)
    text = " ".join(rng.choice(["alpha", "beta", "gamma", "delta", "taxed", "sued"]) for _ in range(3000))
    words = text.split(" ")
    quotes = []
    for _ in range(400):
        start = rng.randrange(len(words))
        quotes.append(" ".join(words[start : start + rng.randint(1, 6)]))
    quotes += ["alpha alpha alpha alpha alpha alpha alpha", "not in the text at all"]
    expected = [(text.find(q), text.find(q) + len(q)) if text.find(q) >= 0 else None for q in quotes]
    assert locate_quotes(quotes, text) == expected


def test_rows_sharing_one_quote_match_in_linear_memory():
    # 3,000 rows in each coding quote the same sentence: every a row is a candidate
    # for every b row (9 million pairs, which the matcher once listed one by one)
    import tracemalloc

    quote = "Beta sued Alpha in court."
    a = edges([[f"S{i % 50}", f"T{i % 7}", "lawsuit", quote] for i in range(3000)])
    b = edges([[f"S{i % 50}", f"T{i % 7}", "lawsuit", quote] for i in range(3000)])
    tracemalloc.start()
    try:
        match = match_claims(a, b, TEXT)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # same (source, target, action) first, then file order: row i with row i
    assert match.pairs == [(i, i) for i in range(3000)]
    assert peak < 32 << 20
