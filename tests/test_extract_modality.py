"""Issue 23, items 1 and 5: no hostile row from a hypothetical clause. An act that is unlikely,
possible, inside an inverted condition ("Had Greece ..."), a counterfactual ("would have"), a
prediction no actor makes of itself, or denied is never coded as done (docs/codebook.md rules 2
and 3); a threat the actor makes ("warned it would") and a plain past act still are.

Every expected row is worked out by hand from the codebook, not copied from the code's output.
The sentences marked "reviewer" are the reproductions in issue 23; the others were written for
this file in other wordings of the same class."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.extract import extract_edge_set

from .extract_rows import rows_with_action as rows


def hostile(text):
    edges = extract_edge_set(text).edge_set.edges
    return edges[edges["weight"] < 0][["source", "target", "cameo", "quote"]].values.tolist()


UNLIKELY_OR_POSSIBLE = [
    "Greece is unlikely to clash with Turkey.",  # reviewer
    "Greece is not expected to clash with Turkey.",
    "Turkey is not likely to sanction Greece.",
    "Greece may impose tariffs on Turkey.",
    "Greece might insist that Turkey must leave.",  # reviewer
    "Greece could insist that Turkey must leave.",  # reviewer
    "Greece might demand that Turkey withdraw.",
    "Greece could threaten Turkey.",
]
CONDITIONAL_OR_COUNTERFACTUAL = [
    "Had Greece abducted Turkish sailors, Ankara would have protested.",  # reviewer
    "Greece would have boarded the Turkish vessel had Ankara refused.",  # reviewer
    "Had Israel attacked Iran, the United States would have sanctioned Israel.",  # reviewer
    "Should Greece insist that Turkey leave, Ankara would protest.",  # reviewer
    "Unless Ankara apologises, Greece may insist that Turkey must leave.",  # reviewer
    "Were Greece to blockade Turkish ports, Ankara would retaliate.",
    "Should Turkey expel Greek diplomats, Athens would recall its ambassador.",
    "Turkey could have sanctioned Greece.",
    "Iran would have struck Israel if it could.",
]
PREDICTION = [
    "Analysts said Greece would abduct Turkish sailors.",  # reviewer
    "Greece would clash with Turkey, a newspaper speculated.",  # reviewer
    "Kenya would turn down Somalia's request.",  # reviewer
    "Diplomats expected that Turkey would expel Greek diplomats.",
    "Observers predicted Kenya would sanction Somalia.",
    # Turkey's forecast of what Greece would do is not Greece's threat
    "Turkey said Greece would attack Turkish vessels.",
]


@pytest.mark.parametrize("text", UNLIKELY_OR_POSSIBLE + CONDITIONAL_OR_COUNTERFACTUAL + PREDICTION)
def test_no_hostile_row_from_a_hypothetical_clause(text):
    assert hostile(text) == []


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Greece is unlikely to clash with Turkey.", "possibility"),
        ("Greece would have boarded the Turkish vessel had Ankara refused.", "counterfactual"),
        ("Kenya would turn down Somalia's request.", "prediction"),
        ("Had Greece abducted Turkish sailors, Ankara would have protested.", "condition"),
    ],
)
def test_the_act_is_listed_as_named_but_not_coded_with_its_reason(text, reason):
    skipped = extract_edge_set(text).skipped
    assert any(reason in s.reason for s in skipped), [s.reason for s in skipped]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the denial is the act, 016 Deny responsibility (CAMEO), toward the state the denied act
        # names; the denied abduction (181) or attack (190) is never coded
        ("Greece denied it had abducted Turkish sailors.", [("GRC", "TUR", "denial", "016")]),  # reviewer
        ("Greece denied abducting Turkish sailors.", [("GRC", "TUR", "denial", "016")]),
        ("Turkey denied that its jets had attacked Greek vessels.", [("TUR", "GRC", "denial", "016")]),
        # a claim rejected names no actor it is put to: nothing is coded, and no boarding (170)
        ("Greece rejected claims that its navy had boarded a Turkish vessel.", []),
    ],
)
def test_a_denied_act_is_never_coded(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the actor itself warns: a threat naming tariffs is 1312 (docs/extract.md, frames)
        (
            "Greece warned it would impose tariffs on Turkey if Ankara refused.",
            ("GRC", "TUR", "tariff_threat", "1312"),
        ),
        ("Greece threatened to impose sanctions on Turkey.", ("GRC", "TUR", "sanction_threat", "1312")),
        # said after the act by the actor's own official: still the actor's threat (130, no finer word)
        ("Athens would expel Turkish diplomats, Greek officials said.", ("GRC", "TUR", "threat", "130")),
        # plain past acts, each by its CAMEO code
        ("Greece abducted Turkish sailors.", ("GRC", "TUR", "abduction", "181")),
        ("Israel attacked Iran.", ("ISR", "IRN", "military_attack", "190")),
        ("Greece insisted that Turkey must leave.", ("GRC", "TUR", "demand", "100")),
        ("Greece boarded the Turkish vessel.", ("GRC", "TUR", "coercion", "170")),
        ("Kenya turned down Somalia's request.", ("KEN", "SOM", "rejection", "120")),
    ],
)
def test_true_threats_and_plain_past_acts_still_code(text, expected):
    assert rows(text) == [expected]


def test_the_cli_writes_only_the_act_done(tmp_path):
    # the reviewer's command: `graphkit extract FILE -o DIR`, then DIR/edges.csv; a text with no
    # act at all is an error (no draft to write), so the unlikely clash comes with one boarding (170)
    text = tmp_path / "text.txt"
    text.write_text(
        "Greece is unlikely to clash with Turkey. Greece boarded the Turkish vessel.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["extract", str(text), "-o", str(tmp_path / "draft")])
    assert result.exit_code == 0, result.output
    with open(tmp_path / "draft" / "edges.csv", newline="", encoding="utf-8") as f:
        got = [(r["source"], r["target"], r["cameo"]) for r in csv.DictReader(f)]
    assert got == [("GRC", "TUR", "170")]
