"""Issue 23, round seven tuning: classes of missed or misdirected rows seen on round 6's texts,
each shown by sentences written for this test in other wordings (in none of the texts under
tests/data). Expected rows are worked out by hand from the codebook (docs/codebook.md) and
CAMEO."""

from __future__ import annotations

from graphkit.extract import extract_edge_set


def rows(text):
    edges = extract_edge_set(text).edge_set.edges
    return [tuple(r) for r in edges[["source", "target", "cameo"]].itertuples(index=False)]


def test_envoys_recalled_in_the_plural_by_several_states_are_one_recall_each():
    # 161 Reduce or break diplomatic relations: each state named recalls its own envoys
    got = rows("Chile and Peru withdrew their envoys from Bolivia on Friday.")
    assert ("CHL", "BOL", "161") in got and ("PER", "BOL", "161") in got


def test_own_ambassadors_recalled_from_two_capitals_aim_at_both_states():
    # "its own ambassadors from Lima and Quito": one 161 row per state whose capital is named
    got = rows("Colombia hit back, recalling its own ambassadors from Lima and Quito.")
    assert ("COL", "PER", "161") in got and ("COL", "ECU", "161") in got


def test_and_which_keeps_the_antecedent_of_the_first_relative_clause():
    # "France, whose ... the Chadian army and which sends aid to Niger": France sends the aid
    # (070 Provide aid), not the army named last inside the first relative clause
    got = rows("France, whose officers train the Chadian army and which sends aid to Niger, praised Benin.")
    assert ("FRA", "NER", "070") in got
    assert not [r for r in got if r[0] == "TCDMIL"]


def test_the_main_verb_after_a_whose_clause_is_the_antecedents_act():
    # "Turkey, whose engineers built the Kenyan port ..., offered to mediate": Turkey offers
    # (039 Express intent to mediate), never Kenya
    got = rows(
        "Turkey, whose engineers built the Kenyan port and which supplies drones to Ethiopia, "
        "offered to mediate between Kenya and Ethiopia."
    )
    assert ("TUR", "KEN", "039") in got and ("TUR", "ETH", "039") in got
    assert not [r for r in got if r[0] in ("KEN", "KENMIL")]
