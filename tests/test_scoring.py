"""graphkit score: agreement of a coding with a reference coding, worked out by hand."""

from __future__ import annotations

import json

import pytest

from graphkit.compare.scoring import format_score, score
from graphkit.edgeset import load_edge_set
from graphkit.errors import GraphkitError

TEXT = "Alpha taxed Beta. Beta sued Alpha. Gamma praised Alpha. Alpha met Gamma. Beta accused Gamma.\n"

# weights from the taxonomy / CAMEO: tariff -6.5 (no code), lawsuit 115 -2.0,
# praise 051 +3.4, criticism 110 -2.0, consultation 040 +1.0, accusation 112 -2.0
GOLD = """source,target,action,cameo,quote
AAA,BBB,tariff,,Alpha taxed Beta
BBB,AAA,lawsuit,,Beta sued Alpha
CCC,AAA,praise,051,Gamma praised Alpha
BBB,CCC,accusation,,Beta accused Gamma
"""
CANDIDATE = """source,target,action,cameo,quote
AAA,BBB,tariff,,Alpha taxed Beta
AAA,BBB,lawsuit,,Beta sued Alpha
CCC,AAA,criticism,,Gamma praised Alpha
AAA,CCC,consultation,,Alpha met Gamma
"""


def make_set(tmp_path, name, edges, text=TEXT):
    folder = tmp_path / name
    folder.mkdir()
    (folder / "edges.csv").write_text(edges, encoding="utf-8")
    if text is not None:
        (folder / "source.txt").write_text(text, encoding="utf-8")
    return load_edge_set(folder)


@pytest.fixture
def result(tmp_path):
    return score(make_set(tmp_path, "cand", CANDIDATE), make_set(tmp_path, "gold", GOLD))


def test_sign_triples(result):
    # candidate {(A,B,-) twice, (C,A,-), (A,C,+)} = 3 distinct; gold {(A,B,-), (B,A,-), (C,A,+), (B,C,-)} = 4
    # common {(A,B,-)}: P = 1/3, R = 1/4, F1 = 2*(1/12)/(1/3+1/4) = (1/6)/(7/12) = 2/7
    s = result.triples_sign
    assert (s.n_candidate, s.n_gold) == (3, 4)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 4)
    assert s.f1 == pytest.approx(2 / 7)


def test_type_triples(result):
    # candidate: (A,B,tariff), (A,B,11 lawsuit), (C,A,11 criticism), (A,C,04) = 4
    # gold: (A,B,tariff), (B,A,11), (C,A,05), (B,C,11) = 4; common {(A,B,tariff)}: P = R = F1 = 1/4
    s = result.triples_type
    assert (s.precision, s.recall, s.f1, s.n_candidate, s.n_gold) == (0.25, 0.25, 0.25, 4, 4)


def test_pairs(result):
    # candidate {AB, AC}; gold {AB, AC, BC}: P = 1, R = 2/3, F1 = 2*(2/3)/(5/3) = 0.8
    s = result.pairs
    assert (s.precision, s.n_candidate, s.n_gold) == (1.0, 2, 3)
    assert s.recall == pytest.approx(2 / 3) and s.f1 == pytest.approx(0.8)


def test_direction_swaps_count_claims_matched_by_quote(result):
    # "Beta sued Alpha": candidate A->B, gold B->A: one swap; the other two matched claims keep direction
    assert result.direction_swaps == 1
    assert result.claims_matched == 3


def test_strain_spearman(result):
    # pair strain (sum of -weight over weight < 0), over the union of pairs AB, AC, BC:
    # candidate AB 6.5+2 = 8.5, AC 2 (criticism), BC 0 -> ranks 3, 2, 1
    # gold AB 6.5+2 = 8.5, AC 0 (praise), BC 2 -> ranks 3, 1, 2
    # d = 0, 1, -1; rho = 1 - 6*2/(3*(9-1)) = 0.5
    assert result.strain_spearman == pytest.approx(0.5)


def test_identical_codings_score_one(tmp_path):
    a = make_set(tmp_path, "a", GOLD)
    r = score(a, make_set(tmp_path, "b", GOLD))
    assert (r.triples_sign.f1, r.triples_type.f1, r.pairs.f1, r.direction_swaps) == (1.0, 1.0, 1.0, 0)
    assert r.strain_spearman == pytest.approx(1.0)


def test_spearman_none_for_one_pair(tmp_path):
    one = "source,target,action,quote\nAAA,BBB,tariff,Alpha taxed Beta\n"
    r = score(make_set(tmp_path, "a", one), make_set(tmp_path, "b", one))
    assert r.strain_spearman is None
    assert json.loads(format_score(r, "json"))["strain_spearman"] is None


def test_needs_a_source_text(tmp_path):
    a = make_set(tmp_path, "a", GOLD, text=None)
    with pytest.raises(GraphkitError, match="source_text"):
        score(a, make_set(tmp_path, "b", GOLD, text=None))
    assert score(a, a, source_text=TEXT).claims_matched == 4


def test_json_keys(result):
    data = json.loads(format_score(result, "json"))
    assert list(data) == ["triples_sign", "triples_type", "pairs", "direction_swaps", "strain_spearman"]
    assert list(data["pairs"]) == ["precision", "recall", "f1", "n_candidate", "n_gold"]
    assert data["pairs"] == {"precision": 1.0, "recall": 0.666667, "f1": 0.8, "n_candidate": 2, "n_gold": 3}
    assert data["direction_swaps"] == 1 and data["strain_spearman"] == 0.5


def test_csv_and_table(result):
    csv = format_score(result, "csv").splitlines()
    assert csv[0] == "level,precision,recall,f1,n_candidate,n_gold,value"
    assert csv[3] == "pairs,1.0,0.666667,0.8,2,3,"
    assert csv[4:] == ["direction_swaps,,,,,,1", "strain_spearman,,,,,,0.5"]
    table = format_score(result, "table")
    assert "direction swaps: 1 (of 3 claims matched by quote)" in table
    assert "| pairs | 1.0 | 0.666667 | 0.8 | 2 | 3 |" in format_score(result, "markdown")


def test_codings_of_two_texts_are_refused(tmp_path):
    # no quote of one text is found in the other: 0 claims matched, all F1 0, and a
    # Spearman over unrelated pairs would look like a result
    gold = make_set(tmp_path, "gold", GOLD)
    other = make_set(
        tmp_path, "other", "source,target,action,quote\nAAA,BBB,tariff,Alpha taxed Beta\n",
        text="In another article, Alpha taxed Beta.\n",
    )  # fmt: skip
    with pytest.raises(GraphkitError, match="'other' and 'gold' do not code one text"):
        score(other, gold)
    with pytest.raises(GraphkitError, match="source_text is not the text edge set 'gold' quotes"):
        score(gold, gold, source_text="A different article.\n")
    # whitespace aside, one text
    assert score(make_set(tmp_path, "spaced", GOLD, text=TEXT.replace(" ", "  ")), gold).claims_matched == 4
