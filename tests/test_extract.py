"""graphkit extract: the offline rules, sentence by sentence, with the rows worked out by hand.

Weights are CAMEO Goldstein values or taxonomy values (graphkit/data/taxonomy.csv);
confidences are the rule's (graphkit.extract.rules_alg.CONFIDENCE): 0.9 active,
0.8 passive, 0.7 subject carried within a sentence, 0.6 across sentences or mutual,
0.4 a target not named (guessed), 0.3 a source not read from structure; a future act
converted to a threat loses 0.1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.edgeset import load_edge_set
from graphkit.errors import ArgumentError, EdgeSetError, GraphkitError
from graphkit.extract import extract_edge_set, load_gazetteer, write_draft
from graphkit.io.text import normalize_ws

ROOT = Path(__file__).resolve().parents[1]
ESSAY = ROOT / "edges" / "essay" / "source.txt"
COLUMNS = ["source", "target", "action", "cameo", "weight", "confidence", "rule", "quote"]


def rows(text, **kw):
    return extract_edge_set(text, **kw).edge_set.edges[COLUMNS].values.tolist()


def test_active_voice():
    assert rows("Canada accused Mexico of dumping steel.") == [
        [
            "CAN",
            "MEX",
            "accusation",
            "112",
            -2.0,
            0.9,
            "accuse/active",
            "Canada accused Mexico of dumping steel",
        ]
    ]


def test_capitals_and_institutions_name_actors():
    # Beijing -> CHN; the European Commission -> EEC, the codebook's id for the EU's institutions
    # (docs/codebook.md, rule 6); "European" -> EUR, Europe the region
    assert rows("Beijing condemned Europe.")[0][:2] == ["CHN", "EUR"]
    assert rows("Beijing condemned the European Commission.") == [
        [
            "CHN",
            "EEC",
            "condemnation",
            "111",
            -2.0,
            0.9,
            "condemn/active",
            "Beijing condemned the European Commission",
        ]
    ]


def test_passive_voice_takes_the_agent_as_source():
    # "Brussels was criticised by Washington": Washington (USA) acted, on Brussels (EEC, the EU)
    assert rows("Brussels was criticised by Washington.") == [
        [
            "USA",
            "EEC",
            "criticism",
            "110",
            -2.0,
            0.8,
            "criticize/passive",
            "Brussels was criticised by Washington",
        ]
    ]


def test_subject_carried_over_a_colon():
    # "it" is China, named before the colon; the adjective takes in its noun ("Canadian canola")
    assert rows("China answered within weeks: it banned imports of Canadian canola.") == [
        [
            "CHN",
            "CAN",
            "import_block",
            "163",
            -8.0,
            0.7,
            "import-block/carried",
            "it banned imports of Canadian canola",
        ]
    ]


def test_subject_carried_over_to_the_next_sentence():
    assert rows(
        "Japan tightened export controls on South Korea. It also downgraded relations with Seoul."
    ) == [
        [
            "JPN",
            "KOR",
            "export_restriction",
            "163",
            -8.0,
            0.9,
            "export-restriction/active",
            "Japan tightened export controls on South Korea",
        ],
        [
            "JPN",
            "KOR",
            "downgrade_relations",
            "161",
            -4.0,
            0.6,
            "downgrade/carried-sentence",
            "downgraded relations with Seoul",
        ],
    ]


def test_negated_act_is_not_coded():
    result = extract_edge_set("Germany did not sanction Iran.")
    assert len(result.edge_set.edges) == 0
    assert [(s.phrase, s.reason) for s in result.skipped] == [("sanction", "negated")]


def test_opinion_about_what_should_happen_is_a_statement_not_an_act():
    # the codebook (rule 2): what an actor says should (not) happen is a 010 statement, weight 0,
    # from the speaker; an opinion of someone who is not an actor ("analysts") gives no row
    result = extract_edge_set("Analysts said France should impose tariffs on Italy.")
    assert len(result.edge_set.edges) == 0
    assert [(s.phrase, s.reason) for s in result.skipped] == [("impose tariffs", "opinion of no named actor")]
    assert rows("Germany said France should not impose tariffs on Italy.") == [
        [
            "DEU",
            "ITA",
            "statement",
            "010",
            0.0,
            0.9,
            "tariff/active/opinion",
            "Germany said France should not impose tariffs on Italy",
        ]
    ]


def test_possibility_is_not_an_act():
    result = extract_edge_set("Officials said Japan could impose tariffs on Korea.")
    assert [(s.phrase, s.reason) for s in result.skipped] == [("impose tariffs", "a possibility, not an act")]


def test_prepared_act_is_considering_a_policy_option():
    # codebook rule 3: planned or prepared, not done and not put as a warning: 014 (weight 0)
    assert rows("Nippon Steel is preparing to sue the US.") == [
        [
            "NIPPON_STEEL",
            "USA",
            "lawsuit_preparation",
            "014",
            0.0,
            0.8,
            "sue/active/prepared",
            "Nippon Steel is preparing to sue the US",
        ]
    ]


def test_role_codes_for_firms_media_and_legislatures():
    # codebook rule 6: a state's firms, media, military or legislature: the state's id + BUS/MED/MIL/LEG
    result = extract_edge_set(
        "German media criticised the US. The Polish parliament condemned Japanese steel companies."
    )
    assert result.edge_set.edges[["source", "target"]].values.tolist() == [
        ["DEUMED", "USA"],
        ["POLLEG", "JPNBUS"],
    ]
    assert result.edge_set.actors.values.tolist() == [
        ["DEUMED", "Germany (media)", "other", ""],
        ["JPNBUS", "Japan (business)", "company", ""],
        ["POLLEG", "Poland (legislature)", "other", ""],
        ["USA", "United States", "state", ""],
    ]


def test_announced_hostile_act_is_a_threat():
    # "would impose tariffs": tariff_threat (CAMEO 1312, -5.8); carried "it" 0.7 - 0.1 for the future
    assert rows("Italy said it would impose tariffs on French wine.") == [
        [
            "ITA",
            "FRA",
            "tariff_threat",
            "1312",
            -5.8,
            0.6,
            "tariff/carried/future",
            "it would impose tariffs on French wine",
        ]
    ]


def test_threat_and_pledge_codes():
    assert rows("Russia threatened Lithuania with a blockade.")[0][:5] == [
        "RUS",
        "LTU",
        "threat",
        "130",
        -4.4,
    ]
    # a pledge of money: 0311 Express intent to cooperate economically, +5.2
    assert rows("Germany pledged 2 billion euros in investment for Kenya.")[0][:5] == [
        "DEU",
        "KEN",
        "investment_pledge",
        "0311",
        5.2,
    ]


def test_coordinated_sources_and_targets():
    assert [r[:2] for r in rows("Germany and France condemned Russia.")] == [["DEU", "RUS"], ["FRA", "RUS"]]
    assert [r[:2] for r in rows("The US imposed tariffs on Canada and Mexico.")] == [
        ["USA", "CAN"],
        ["USA", "MEX"],
    ]


def test_mutual_act_between_two_subjects_goes_both_ways():
    assert [r[:3] + r[5:7] for r in rows("India and Japan signed a defence agreement.")] == [
        ["IND", "JPN", "agreement", 0.6, "agreement/mutual"],
        ["JPN", "IND", "agreement", 0.6, "agreement/mutual"],
    ]


def test_unresolved_direction_is_kept_with_low_confidence():
    # no target named: the state the text was about just before (China) at confidence 0.4
    result = extract_edge_set("China restricted rare-earth exports. Japan condemned the move.")
    assert result.edge_set.edges[COLUMNS].values.tolist() == [
        ["JPN", "CHN", "condemnation", "111", -2.0, 0.4, "condemn/unresolved-target", "Japan condemned"]
    ]
    assert [(s.phrase, s.reason) for s in result.skipped] == [
        ("restricted rare-earth exports", "fewer than two actors: no direction")
    ]


def test_headline_is_not_coded():
    assert [r[6] for r in rows("Canada slams Mexico\n\nOTTAWA - Canada criticised Mexico on Monday.")] == [
        "criticize/active"
    ]


def test_user_gazetteer_adds_actors(tmp_path):
    extra = tmp_path / "gaz.csv"
    extra.write_text("alias,actor,kind\nAcme Corp,ACME,company\n", encoding="utf-8")
    result = extract_edge_set("Acme Corp sued Germany over the ban.", gazetteer=extra)
    assert result.edge_set.edges[["source", "target", "action"]].values.tolist() == [
        ["ACME", "DEU", "lawsuit"]
    ]
    assert result.edge_set.actors.values.tolist() == [
        ["ACME", "Acme Corp", "company", ""],
        ["DEU", "Germany", "state", ""],
    ]


def test_bad_gazetteer_names_file_and_line(tmp_path):
    extra = tmp_path / "gaz.csv"
    extra.write_text("alias,actor,kind\nAcme,ACME,firm\n", encoding="utf-8")
    with pytest.raises(EdgeSetError) as err:
        load_gazetteer(extra)
    assert (
        str(err.value)
        == f"{extra}:2: unknown kind 'firm': use one of state, bloc, company, person, other or ignore"
    )


def test_blocked_alias_is_not_an_actor():
    # "British Columbia" is blocked in the gazetteer: not Britain
    assert rows("Canada accused India of a plot in British Columbia.")[0][:2] == ["CAN", "IND"]
    assert "GBR" not in {
        a for r in rows("Canada accused India of a plot in British Columbia.") for a in r[:2]
    }


def test_draft_folder_is_valid_and_written_whole(tmp_path):
    source = ESSAY.read_text(encoding="utf-8")
    result = extract_edge_set(source)
    folder = write_draft(result, tmp_path / "draft")
    loaded = load_edge_set(folder)  # raises if not valid
    assert sorted(p.name for p in folder.iterdir()) == [
        "actors.csv",
        "description.txt",
        "edges.csv",
        "source.txt",
    ]
    assert (folder / "source.txt").read_text(encoding="utf-8") == source
    assert set(loaded.edges["status"]) == {"draft"}
    haystack = normalize_ws(source)
    assert all(normalize_ws(q) in haystack for q in loaded.edges["quote"])  # every quote verbatim


def test_write_refuses_a_non_empty_folder(tmp_path):
    result = extract_edge_set("Canada accused Mexico of dumping steel.")
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ArgumentError, match="output .* exists and is not an empty folder"):
        write_draft(result, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert write_draft(result, empty) == empty


def test_write_refuses_an_empty_draft(tmp_path):
    with pytest.raises(GraphkitError, match="no act between two named actors"):
        write_draft(extract_edge_set("Nothing happened today."), tmp_path / "draft")
    assert not (tmp_path / "draft").exists()


def test_same_text_same_bytes(tmp_path):
    source = ESSAY.read_text(encoding="utf-8")
    a = write_draft(extract_edge_set(source), tmp_path / "a")
    b = write_draft(extract_edge_set(source), tmp_path / "b")
    for name in ("edges.csv", "actors.csv", "description.txt", "source.txt"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


@pytest.mark.parametrize(
    ("folder", "floor"),
    # quality floors measured when the rules were written (docs/extract.md); a drop below means a regression
    [
        # the essay as coded by the codebook (docs/codebook.md); 0.711 when measured, 0.682 since
        # codebook round two re-coded its gold (e17 a sale, 061; e27 removed), rules unchanged
        ("edges/essay", 0.65),
        ("tests/data/dev/canada-india-row", 0.9),
        ("tests/data/dev/japan-china-exports", 0.9),
    ],
)
def test_sign_f1_floor_on_tuning_texts(folder, floor):
    from graphkit.compare.scoring import score

    gold = load_edge_set(ROOT / folder)
    assert score(extract_edge_set(gold.source_text).edge_set, gold).triples_sign.f1 >= floor


def test_cli_extract_and_score(tmp_path):
    text = tmp_path / "article.txt"
    text.write_text("Canada accused Mexico of dumping steel. Mexico praised Canada.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(text), "-o", str(tmp_path / "draft")])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "2 draft rows, 0 below confidence 0.5" in result.stderr
    # the draft scored against itself: every F1 1.0, no swap; two pairs -> Spearman undefined
    scored = runner.invoke(
        main, ["score", str(tmp_path / "draft"), str(tmp_path / "draft"), "--format", "json"]
    )
    assert scored.exit_code == 0, scored.output
    data = json.loads(scored.stdout)
    assert data["triples_sign"]["f1"] == 1.0 and data["direction_swaps"] == 0
    assert data["strain_spearman"] is None  # one pair (CAN, MEX) only


def test_cli_extract_stdin_and_errors(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["extract", "-", "-o", str(tmp_path / "d")], input="Japan praised Australia.\n")
    assert ok.exit_code == 0, ok.output
    again = runner.invoke(
        main, ["extract", "-", "-o", str(tmp_path / "d")], input="Japan praised Australia.\n"
    )
    assert again.exit_code == 2
    assert (
        again.stderr
        == f"graphkit: --output '{tmp_path / 'd'}' exists and is not an empty folder: choose a new folder\n"
    )
    bad = runner.invoke(main, ["extract", "-", "-o", str(tmp_path / "e")], input=b"Japan \xff praised\n")
    assert (
        bad.exit_code == 2 and bad.stderr == "graphkit: <stdin>:1: not UTF-8 text: save the text as UTF-8\n"
    )
    assert not (tmp_path / "e").exists()


def test_render_shows_confidence_and_draws_low_rows_apart(tmp_path):
    from .page_parts import page_parts

    text = "Canada accused Mexico of dumping steel. China restricted rare-earth exports. Japan condemned the move."
    folder = write_draft(extract_edge_set(text), tmp_path / "draft")
    elements = page_parts(load_edge_set(folder))  # read back from the files, confidence as text
    by_id = {e["id"]: e for e in elements["edges"]}
    # x002 (China restricted, no target named: Canada, the state the text was about) and
    # x003 (Japan condemned: China) are both guesses at 0.4
    sure, unsure = by_id["x001"], by_id["x003"]
    assert sure["title"].endswith("\nDRAFT: confidence 0.90 \u00b7 rule accuse/active")
    assert sure["color"]["color"] == "#C62828" and "dashes" not in sure  # hostile, solid
    assert unsure["title"].endswith(
        "\nLOW-CONFIDENCE DRAFT: confidence 0.40 \u00b7 rule condemn/unresolved-target"
    )
    assert unsure["color"]["color"] == "#BBBBBB" and unsure["dashes"] == [12, 4, 2, 4]
    actions = next(s for s in elements["legend"] if s["title"].startswith("Actions"))
    assert actions["items"][-1]["label"] == "draft row with confidence < 0.5 (grey, dashed)"


def test_readme_tour_is_real_output(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    held_out = ROOT / "tests" / "data" / "held-out" / "poland-germany-alliance"
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    drafted = runner.invoke(main, ["extract", str(held_out / "source.txt"), "-o", "poland-draft"])
    # a failed command prints nothing, and "" is in every README: check success first
    assert drafted.exit_code == 0 and drafted.stderr.strip(), drafted.output
    assert drafted.stderr in readme
    scored = runner.invoke(main, ["score", "poland-draft", str(held_out)])
    assert scored.exit_code == 0 and scored.stdout.strip(), scored.output
    assert scored.stdout in readme


def test_cli_errors_name_file_or_flag(tmp_path):
    runner = CliRunner()
    text = tmp_path / "a.txt"
    text.write_text("Japan praised Australia.\n", encoding="utf-8")
    missing = runner.invoke(
        main, ["extract", str(text), "-o", str(tmp_path / "d"), "--gazetteer", str(tmp_path / "no.csv")]
    )
    assert missing.exit_code == 2
    assert (
        missing.stderr
        == f"graphkit: {tmp_path / 'no.csv'}: cannot read the gazetteer: No such file or directory\n"
    )
    bare = tmp_path / "bare.csv"
    bare.write_text("source,target,action,cameo\nJPN,AUS,praise,051\n", encoding="utf-8")
    scored = runner.invoke(main, ["score", str(bare), str(bare)])
    assert scored.exit_code == 2
    assert scored.stderr == (
        "graphkit: --source-text: neither edge set has a source.txt; give the text both codings quote "
        "(direction swaps match rows by their quotes)\n"
    )
    ok = runner.invoke(main, ["score", str(bare), str(bare), "--source-text", str(text), "--format", "csv"])
    assert ok.exit_code == 0 and ok.stdout.splitlines()[1] == "triples_sign,1.0,1.0,1.0,1,1,"
