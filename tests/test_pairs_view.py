"""The pair view, strain communities and Python-side layout of large pages (no browser)."""

from __future__ import annotations

import random

import pandas as pd
import pytest
from click.testing import CliRunner

from graphkit.analysis.communities import strain_communities
from graphkit.analysis.strain_alg import strain
from graphkit.cli import main
from graphkit.edgeset import load_edge_set
from graphkit.errors import ArgumentError
from graphkit.render import render_html
from graphkit.render.layout import LABELLED, layout_positions, place_nodes
from graphkit.render.pairs_view import PAIR_VIEW_ABOVE, choose_view

from .page_parts import page_parts

PAIRS_CSV = (
    "source,target,action,weight,date,quote\n"
    "A,B,threat,-4,2020-01-02,q one\n"
    "B,A,protest,-2,2020-01-03,q two\n"
    "A,B,aid,1,2020-01-04,q three\n"
    "C,D,aid,6,2020-02-01,\n"
    "A,C,protest,-1,2020-03-01,q five\n"
)


@pytest.fixture
def pair_set(write_csv):
    return load_edge_set(write_csv(PAIRS_CSV))


def test_auto_view_switches_above_the_threshold():
    assert choose_view("auto", PAIR_VIEW_ABOVE) == "actions"
    assert choose_view("auto", PAIR_VIEW_ABOVE + 1) == "pairs"
    assert choose_view("pairs", 3) == "pairs" and choose_view("actions", 10**6) == "actions"
    with pytest.raises(ArgumentError) as err:
        choose_view("hairball", 3)
    assert err.value.argument == "view"


def test_one_line_per_relationship_width_by_strain_colour_by_balance(pair_set):
    elements = page_parts(pair_set, view="pairs")
    edges = {(e["from"], e["to"]): e for e in elements["edges"]}
    assert sorted(edges) == [("A", "B"), ("A", "C"), ("C", "D")]
    ab, ac, cd = edges["A", "B"], edges["A", "C"], edges["C", "D"]
    # A-B: strain 4 + 2 = 6 (the largest): width 1 + 9 * sqrt(6/6) = 10; balance (1 - 6) / 7 = -0.71
    # the scale's ends: RdBu's dark red (mostly hostile) and dark blue (mostly cooperative, dashed)
    hostile, cooperative = "#B2182B", "#2166AC"
    assert ab["width"] == 10.0 and ab["color"]["color"] == hostile and ab["pair_strain"] == 6.0
    assert "dashes" not in ab
    # A-C: strain 1: width 1 + 9 * sqrt(1/6) = 4.674; balance -1
    assert ac["width"] == 4.674 and ac["color"]["color"] == hostile
    # C-D: no strain, cooperation 6: thinnest, balance +1
    assert cd["width"] == 1.0 and cd["color"]["color"] == cooperative and cd["dashes"] == [9, 6]
    # straight lines without arrows: set once for the page
    assert elements["options"]["edges"]["arrows"]["to"]["enabled"] is False
    assert elements["options"]["edges"]["smooth"]["enabled"] is False
    assert not any("arrows" in e or "smooth" in e for e in edges.values())
    # the table view's evidence: the heaviest actions, with their quotes
    assert cd["quotes"] and all(line.startswith("\u2022 ") for line in cd["quotes"])


def test_pair_tooltip_lists_the_heaviest_actions_with_quotes(pair_set):
    (ab,) = [e for e in page_parts(pair_set, view="pairs")["edges"] if (e["from"], e["to"]) == ("A", "B")]
    lines = ab["title"].split("\n")
    assert lines[0] == "ALLEGED: A \u2194 B"
    assert lines[1] == "strain 6 (A \u2192 B 4; B \u2192 A 2) \u00b7 cooperation 1"
    assert lines[2].startswith("3 actions: 2 hostile, 1 cooperative")
    # by |weight|: -4, -2, then +1
    assert lines[4:] == [
        "\u2022 2020-01-02 A \u2192 B: threat (\u22124) \u201cq one\u201d",
        "\u2022 2020-01-03 B \u2192 A: protest (\u22122) \u201cq two\u201d",
        "\u2022 2020-01-04 A \u2192 B: aid (1) \u201cq three\u201d",
    ]


def test_pair_view_keeps_panel_actor_filter_and_legend(pair_set):
    elements = page_parts(pair_set, view="pairs")
    assert [f["type"] for f in elements["filters"]] == ["actor", "min"]
    assert elements["focus"]["items"][0]["label"] == "A \u2194 B"
    assert elements["focus"]["items"][0]["edges"] == ["pair 1"]
    assert [s["title"] for s in elements["legend"]] == [
        "Actors by community",
        "Relationships (one line per pair of actors)",
        "Sizes",
    ]


def _two_cliques(write_csv):
    rows = ["source,target,action,weight"]
    for team in "PQ":
        members = [f"{team}{i}" for i in range(1, 5)]
        rows += [f"{a},{b},x,-5" for a in members for b in members if a < b]
    rows += ["P1,Q1,x,-1", "E,P2,x,3"]  # one weak link across; E only cooperates
    return load_edge_set(write_csv("\n".join(rows) + "\n"))


def test_communities_split_two_strained_cliques(write_csv):
    edge_set = _two_cliques(write_csv)
    actors = sorted(edge_set.actors["id"])
    state = random.getstate()
    numbers = strain_communities(strain(edge_set), actors)
    assert random.getstate() == state  # the caller's random numbers are left alone
    # equal sizes: the community holding the alphabetically first actor (P1) is 1
    assert numbers.to_dict() == {
        "E": 0, "P1": 1, "P2": 1, "P3": 1, "P4": 1, "Q1": 2, "Q2": 2, "Q3": 2, "Q4": 2
    }  # fmt: skip


def test_layout_is_seeded_and_leaves_small_pages_alone():
    ids = [f"N{i}" for i in range(200)]
    links = [(ids[i], ids[(i + 1) % 200], 2.0) for i in range(200)]
    first, second = layout_positions(ids, links), layout_positions(ids, links)
    assert first == second and len(first) == 200
    small = [{"id": "a", "size": 1}, {"id": "b", "size": 2}]
    assert place_nodes(small, [{"from": "a", "to": "b"}]) == {} and "x" not in small[0]
    nodes = [{"id": i, "size": n} for n, i in enumerate(ids)]
    options = place_nodes(nodes, [{"from": a, "to": b, "width": w} for a, b, w in links])
    assert options["physics"] == {"enabled": False}
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    sizes = [n["font"]["size"] for n in sorted(nodes, key=lambda n: -n["size"])]
    # the drawing (90 units per actor) fits at about 700 / (90 * sqrt(200)) = 0.550 px per
    # unit: 14 px is 14 / 0.550 = 25.5 units (25), 3.5 px is 6.4 units (6)
    assert sizes == [25] * LABELLED + [6] * (200 - LABELLED)


def test_cli_view_option_and_same_bytes(write_csv, tmp_path):
    path = write_csv(PAIRS_CSV)
    out = tmp_path / "p.html"
    result = CliRunner().invoke(main, ["render", str(path), "--view", "pairs", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert "drawn as 3 relationships" in out.read_text(encoding="utf-8")
    assert render_html(load_edge_set(path), view="pairs") == render_html(load_edge_set(path), view="pairs")
    bad = CliRunner().invoke(main, ["render", str(path), "--view", "hairball"])
    assert bad.exit_code == 2


def test_the_essay_stays_an_action_view(small_set):
    elements = page_parts(load_edge_set())
    assert all("x" not in n for n in elements["nodes"]) and elements["options"]["physics"]["enabled"]
    assert pd.Series([e["id"] for e in elements["edges"]]).str.startswith("e").all()
