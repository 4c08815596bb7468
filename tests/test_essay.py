"""The bundled essay edge set: valid, complete, verbatim, and coded by docs/codebook.md."""

from __future__ import annotations

import csv
import io
import re

import pytest

from graphkit.actions import cameo_table, goldstein, taxonomy
from graphkit.analysis.strain_alg import strain
from graphkit.bundled import bundled_dir
from graphkit.compare.diff import diff_edge_sets
from graphkit.edgeset import load_edge_set, validate_edge_set
from graphkit.io.text import normalize_ws

REQUIRED_PARTNERS = {"CAN", "MEX", "KOR", "JPN", "DEU", "FRA", "UKR", "DNK", "ISR", "EUR", "RUS", "NER"}


def test_essay_validates_clean():
    assert validate_edge_set("essay") == []


def test_essay_covers_every_relationship_the_essay_alleges():
    edges = load_edge_set("essay").edges
    touching_us = edges[(edges["source"] == "USA") | (edges["target"] == "USA")]
    partners = set(touching_us["source"]) | set(touching_us["target"])
    assert REQUIRED_PARTNERS <= partners
    # the cooperative moves are coded as cooperation, not hostility
    for partner in ("RUS", "NER"):
        assert (edges.loc[(edges["source"] == "USA") & (edges["target"] == partner), "weight"] > 0).all()
    # allies' responses that are acts toward the US are there too (codebook rule 4): Canada's
    # counter-measures (e06), Japan's criticism (e14), France's accusation (e29), the condemnations (e41, e42)
    responses = set(edges.loc[edges["target"] == "USA", "action"])
    assert {"retaliation", "criticism", "accusation", "condemnation"} <= responses
    assert "hedging" not in responses  # defence spending at home has no target (rule 4)


def test_every_essay_quote_is_verbatim_in_the_source_text():
    folder = bundled_dir() / "essay"
    essay = normalize_ws((folder / "source.txt").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((folder / "edges.csv").read_text(encoding="utf-8"))))
    assert rows and all(row["quote"] for row in rows), "every essay edge carries its quote"
    missing = [row["id"] for row in rows if normalize_ws(row["quote"]) not in essay]
    assert missing == []


def test_essay_quotes_the_tariff_on_canada():
    edges = load_edge_set("essay").edges
    tariffs = edges[(edges["action"] == "tariff") & (edges["target"] == "CAN")]
    assert "impose a 25% tariff on goods from Canada and Mexico" in tariffs["quote"].iat[0]


def test_taxonomy_weights_are_the_goldstein_values_of_their_codes():
    table = taxonomy()
    coded = table[table["cameo"] != ""]
    assert len(coded) > 10
    for row in coded.itertuples():
        assert goldstein()[row.cameo] == row.weight, row.action
    uncoded = table[table["cameo"] == ""]
    # codebook round two: a CAMEO code wherever one fits (163 tariffs and counter-measures,
    # 1211 a blocked acquisition, 061 a sale); a weight of graphkit's own only where none does
    assert set(uncoded["action"]) == {"profiteering", "surveillance", "diplomatic_bypass", "hedging"}
    assert table.set_index("action").loc[["tariff", "retaliation", "blocked_acquisition", "trade"], "cameo"].tolist() == [
        "163", "163", "1211", "061"
    ]  # fmt: skip
    assert uncoded["justification"].str.len().gt(20).all()  # own values carry their reason
    assert table["weight"].between(-10, 10).all()
    assert table["action"].is_unique


def test_cameo_table_ships_whole():
    table = cameo_table()
    assert len(table) == 311
    assert table.set_index("code").loc["036", "goldstein"] == 4.0  # Express intent to meet or negotiate
    assert table.set_index("code").loc["163", "goldstein"] == -8.0  # Impose embargo, boycott, or sanctions
    assert table["code"].is_unique


# --- the codebook's rules, as properties of the re-coded essay --------------


def test_one_row_per_act_source_and_target():
    # rule 1: two rows with the same source, target and quote would be one act counted twice
    edges = load_edge_set("essay").edges
    assert not edges.duplicated(["source", "target", "quote"]).any()


def test_no_military_code_for_a_non_military_act():
    # rule 8: the essay alleges no use or threat of armed force, so no 138x, 15x or 18x-20x code
    cameo = load_edge_set("essay").edges["cameo"]
    military = cameo.str.startswith(("138", "15", "18", "19", "20"))
    assert cameo[military].tolist() == []


def test_statements_of_what_should_happen_weigh_nothing():
    # rule 2: e23 "should not provide unlimited support" and e30 "expressed a strong interest"
    # are CAMEO 010 Make statement, Goldstein 0.0
    rows = load_edge_set("essay").edges.set_index("id")
    assert rows.loc[["e23", "e30"], ["cameo", "weight"]].values.tolist() == [["010", 0.0], ["010", 0.0]]


def test_the_postponement_is_coded_as_a_yield_per_target():
    # rule 9: "postponed the effective date of the tariff by 30 days", CAMEO 080 Yield (+5.0),
    # once for each target of the tariff
    edges = load_edge_set("essay").edges
    postponed = edges[edges["quote"].str.contains("postponed the effective date")]
    assert postponed[["source", "target", "cameo", "weight", "date"]].values.tolist() == [
        ["USA", "CAN", "080", 5.0, "2025"],
        ["USA", "MEX", "080", 5.0, "2025"],
    ]


def test_a_range_of_years_is_dated_as_an_interval():
    # rule 7 (round two): "From 2024 to 2025" gives date 2024 and date_end 2025
    rows = load_edge_set("essay").edges.set_index("id").loc[["e12", "e13", "e14", "e15"]]
    assert rows["date"].tolist() == ["2024"] * 4
    assert rows["date_end"].tolist() == ["2025"] * 4
    assert rows["note"].str.contains("From 2024 to 2025").all()


def test_modes_mark_the_hedged_and_the_historical_report():
    # round two: e19 "was also exposed to have held secret talks" is hedged; e38 the Prism
    # monitoring is a past act cited as evidence (PLOVER's auxiliary mode historical)
    edges = load_edge_set("essay").edges.set_index("id")
    assert edges.loc[edges["mode"] != "", "mode"].to_dict() == {"e19": "hedged", "e38": "historical"}


def test_a_characterisation_adds_no_target():
    # rule 1 (round two): "bypassed France" characterises the contact with Niger (e28), as
    # "trying to strengthen its control over the EU" characterises the talks (e19): no row
    edges = load_edge_set("essay").edges
    assert not ((edges["source"] == "USA") & (edges["target"] == "FRA")).any()
    assert not ((edges["source"] == "USA") & (edges["target"] == "EEC")).any()


def test_the_essays_top_five_strained_pairs_by_hand():
    # strain = sum of -weight over hostile rows, both directions (edges/essay/edges.csv):
    # KOR-USA 5.8 (e07) + 2.0 (e08) + 5.0 (e10) + 7.0 (e37) + 6.0 (e39) = 25.8
    # CAN-USA 8.0 (e01, 163) + 4.4 (e32) + 8.0 (e06, 163) = 20.4; e45 (+5.0) is cooperation
    # UKR-USA 4.0 (e24) + 5.6 (e25) + 5.6 (e26) = 15.2; e23 weighs 0
    # JPN-USA 2.0 (e14) + 7.0 (e36) = 9.0;  DEU-USA 6.0 (e38) + 2.0 (e41) = 8.0
    # MEX-USA 8.0 (e02) ties DEU-USA and ranks after it (actor_a DEU < MEX)
    top = strain(load_edge_set("essay")).head(5)
    assert top[["actor_a", "actor_b"]].values.tolist() == [
        ["KOR", "USA"], ["CAN", "USA"], ["UKR", "USA"], ["JPN", "USA"], ["DEU", "USA"]
    ]  # fmt: skip
    assert top["strain"].tolist() == pytest.approx([25.8, 20.4, 15.2, 9.0, 8.0])


def _change_log() -> list[tuple[str, str, str]]:
    text = (bundled_dir() / "essay" / "CHANGES.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (e\d\d|\u2014) \| (e\d\d|\u2014) \| (.+?) \|", text, re.MULTILINE)
    return [(old, new, change) for old, new, change in rows]


def test_the_change_log_names_every_changed_added_and_removed_row():
    d = diff_edge_sets(load_edge_set("essay-2025-v1"), load_edge_set("essay"))
    log = _change_log()
    removed = {old for old, _, change in log if change.startswith("removed")}
    added = {new for _, new, change in log if change.startswith("added")}
    changed = {old for old, new, change in log if old == new}
    assert removed == set(d.removed["id"])
    assert added == set(d.added["id"])
    assert changed == set(d.changed["id"])
    # 42 rows - 11 removed + 2 added = 33
    assert (len(removed), len(added), len(changed)) == (11, 2, 16)
    assert len(load_edge_set("essay").edges) == 42 - 11 + 2
