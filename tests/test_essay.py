"""The bundled essay edge set: valid, complete, verbatim, and coded from the taxonomy."""

from __future__ import annotations

import csv
import io

from graphkit.actions import cameo_table, goldstein, taxonomy
from graphkit.bundled import bundled_dir
from graphkit.edgeset import load_edge_set, validate_edge_set
from graphkit.validation import normalise_space

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
    # allies' responses are there too
    assert {"retaliation", "lawsuit", "condemnation", "hedging"} <= set(
        edges.loc[edges["target"] == "USA", "action"]
    )


def test_every_essay_quote_is_verbatim_in_the_source_text():
    folder = bundled_dir() / "essay"
    essay = normalise_space((folder / "source.txt").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((folder / "edges.csv").read_text(encoding="utf-8"))))
    assert rows and all(row["quote"] for row in rows), "every essay edge carries its quote"
    missing = [row["id"] for row in rows if normalise_space(row["quote"]) not in essay]
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
    assert {"tariff", "blocked_acquisition", "surveillance", "diplomatic_bypass"} <= set(uncoded["action"])
    assert uncoded["justification"].str.len().gt(20).all()  # own values carry their reason
    assert table["weight"].between(-10, 10).all()
    assert table["action"].is_unique


def test_cameo_table_ships_whole():
    table = cameo_table()
    assert len(table) == 311
    assert table.set_index("code").loc["036", "goldstein"] == 4.0  # Express intent to meet or negotiate
    assert table.set_index("code").loc["163", "goldstein"] == -8.0  # Impose embargo, boycott, or sanctions
    assert table["code"].is_unique
