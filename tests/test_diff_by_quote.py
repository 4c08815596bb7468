"""graphkit diff of a hand coding and a draft: ids that do not match pair rows by quote, and the report says so."""

from __future__ import annotations

import json

from click.testing import CliRunner

import graphkit as gk
from graphkit.cli import main

TEXT = (
    "Washington imposed a 25% tariff on Canadian steel. Ottawa answered with retaliatory duties. "
    "Mexico criticised the tariff.\n"
)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def codings(tmp_path):
    hand, draft = tmp_path / "hand", tmp_path / "draft"
    for folder in (hand, draft):
        folder.mkdir()
        (folder / "source.txt").write_text(TEXT, encoding="utf-8")
    # the hand coding has no ids and dates every row, as the starter set does
    (hand / "edges.csv").write_text(
        "source,target,action,date,quote\n"
        "USA,CAN,tariff,2025-03,Washington imposed a 25% tariff on Canadian steel\n"
        "CAN,USA,retaliation,2025-03,Ottawa answered with retaliatory duties\n"
        "MEX,USA,criticism,2025-03,Mexico criticised the tariff\n",
        encoding="utf-8",
    )
    # the draft: its own ids, no dates, one direction reversed, Mexico missed, one spurious row
    (draft / "edges.csv").write_text(
        "id,source,target,action,quote,status\n"
        "x001,USA,CAN,tariff,imposed a 25% tariff on Canadian steel,draft\n"
        "x002,USA,CAN,retaliation,Ottawa answered with retaliatory duties,draft\n"
        "x003,CAN,USA,criticism,Washington imposed,draft\n",
        encoding="utf-8",
    )
    return hand, draft


def test_rows_of_codings_whose_ids_do_not_match_are_paired_by_quote(tmp_path):
    hand, draft = codings(tmp_path)
    diff = gk.diff_edge_sets(gk.load_edge_set(hand), gk.load_edge_set(draft))
    assert diff.matching == "quote"
    assert diff.identity == ("line_a", "line_b")  # the hand coding has no ids: its rows by line
    # worked by hand: x001's quote lies inside line 2's (overlap 38 of 38 characters), x002's
    # is line 3's; x003 ("Washington imposed") overlaps line 2 too, but line 2 is x001's, the larger overlap
    changes = diff.changed[["line_a", "line_b", "field", "old", "new"]].values.tolist()
    assert changes == [
        [2, 2, "date", "2025-03", ""],
        [
            2,
            2,
            "quote",
            "Washington imposed a 25% tariff on Canadian steel",
            "imposed a 25% tariff on Canadian steel",
        ],
        [3, 3, "source", "CAN", "USA"],
        [3, 3, "target", "USA", "CAN"],
        [3, 3, "date", "2025-03", ""],
    ]
    assert diff.removed[["source", "target", "action"]].values.tolist() == [["MEX", "USA", "criticism"]]
    assert diff.added[["id", "source", "target", "action"]].values.tolist() == [
        ["x003", "CAN", "USA", "criticism"]
    ]


def test_the_report_and_json_say_which_matching_was_used(tmp_path):
    hand, draft = codings(tmp_path)
    result = run("diff", hand, draft)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[3] == (
        "edges matched by quote (the ids do not match: rows whose quotes overlap by half the shorter "
        "are one claim): 0 unchanged, 2 changed, 1 added, 1 removed; actors: 0 added, 1 removed"
    )
    summary = json.loads(run("diff", hand, draft, "--format", "json").stdout)["summary"]
    assert (summary["matching"], summary["identity"]) == ("quote", ["line_a", "line_b"])
    header = run("diff", hand, draft, "--format", "csv").stdout.splitlines()[0]
    assert header == (
        "change,id,source,target,action,weight,cameo,domain,date,quote,line_a,line_b,field,old,new"
    )


def test_codings_that_share_ids_are_still_matched_by_id():
    first, recoded = gk.load_edge_set("essay-2025-v1"), gk.load_edge_set("essay-recoded")
    diff = gk.diff_edge_sets(first, recoded)
    assert (diff.matching, diff.identity) == ("id", ("id",))
    summary = json.loads(run("diff", "essay-2025-v1", "essay-recoded", "--format", "json").stdout)["summary"]
    assert summary["matching"] == "id"


def test_without_a_shared_text_rows_are_matched_by_key(write_csv, tmp_path):
    a = write_csv("source,target,action,date\nUSA,CAN,tariff,2025\n")
    b = tmp_path / "b.csv"
    b.write_text("source,target,action,date\nUSA,CAN,tariff,2025\n", encoding="utf-8")
    diff = gk.diff_edge_sets(gk.load_edge_set(a), gk.load_edge_set(b))
    assert (diff.matching, diff.unchanged) == ("key", 1)


# --- graphkit score with its arguments swapped --------------------------------------


def test_score_warns_when_the_gold_set_is_a_draft(tmp_path):
    hand, draft = codings(tmp_path)
    swapped = run("score", hand, draft)
    assert swapped.exit_code == 0
    assert swapped.stderr == (
        "graphkit: warning: gold set 'draft' has 3 rows with status=draft: a draft is not a reference; "
        "give the candidate first and the reference second, or precision and recall swap\n"
    )
    assert run("score", draft, hand).stderr == ""
    result = gk.score(gk.load_edge_set(hand), gk.load_edge_set(draft))
    assert len(result.warnings) == 1
