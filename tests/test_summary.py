"""graphkit summary: netify's network measures per period.

Two checks: a small matrix worked out by hand from netify's definitions (R/summary_helpers.R,
graph_stats_for_netlet), and netify's own printed figures on netify's own ICEWS data
(tests/data/netify_icews_2002_2003.csv.gz, see tests/data/SOURCES.md).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from graphkit.analysis.summary_alg import summary
from graphkit.edgeset import load_edge_set

ICEWS = Path(__file__).parent / "data" / "netify_icews_2002_2003.csv.gz"

HAND = """source,target,action,weight,date
A,B,x,-2,2024-03
B,A,x,-1,2024-05
A,C,x,-3,2024
C,B,y,1,2024-06
A,B,x,-4,2025
"""


def test_the_hand_matrix(write_csv):
    table = summary(load_edge_set(write_csv(HAND)), by="year", layer="hostile").set_index("period")
    row = table.loc["2024"]
    # 2024: actors A, B, C (C-B is cooperative but C and B act in 2024): n = 3, 6 ordered pairs.
    # hostile weights: A->B 2, B->A 1, A->C 3; every other ordered pair 0.
    assert (row["actors"], row["edges"]) == (3, 3)
    assert row["density"] == pytest.approx(3 / 6)
    assert row["mean_weight"] == pytest.approx(6 / 6)
    assert row["mean_tie_weight"] == pytest.approx(6 / 3)
    # x = w_ij over (AB, AC, BA, BC, CA, CB) = 2, 3, 1, 0, 0, 0; y = w_ji = 1, 0, 2, 0, 3, 0.
    # mean 1 each; variance 14/6 - 1 = 8/6; E[xy] = (2 + 2)/6, covariance 4/6 - 1 = -2/6:
    # correlation -2/8 = -0.25
    assert row["reciprocity"] == pytest.approx(-0.25)
    # undirected ties A-B and A-C: one connected triple (at A), no triangle
    assert row["transitivity"] == 0.0
    # 2025: A and B only, one tie A->B: x = (4, 0), y = (0, 4): correlation -1; no triple
    row = table.loc["2025"]
    assert (row["actors"], row["edges"], row["reciprocity"]) == (2, 1, pytest.approx(-1.0))
    assert math.isnan(row["transitivity"])
    # the average row: mean of each column over 2024 and 2025
    assert table.loc["average", "density"] == pytest.approx((0.5 + 0.5) / 2)
    assert table.loc["average", "reciprocity"] == pytest.approx((-0.25 - 1.0) / 2)


def test_the_all_layer_closes_the_triangle(write_csv):
    row = summary(load_edge_set(write_csv(HAND)), layer="all").set_index("period").loc["2024"]
    # C->B 1 joins: ties A-B, A-C, B-C: one triangle, three triples -> 1.0
    assert row["transitivity"] == 1.0
    assert row["edges"] == 4


def test_equal_weights_have_no_reciprocity(write_csv):
    # every ordered pair tied with weight 2: the correlation is undefined (netify: NA)
    text = "source,target,action,weight,date\nA,B,x,-2,2024\nB,A,x,-2,2024\n"
    row = summary(load_edge_set(write_csv(text)), layer="hostile").iloc[0]
    assert math.isnan(row["reciprocity"])


@pytest.fixture(scope="module")
def icews(tmp_path_factory):
    from click.testing import CliRunner

    from graphkit.cli import main

    out = tmp_path_factory.mktemp("icews")
    for column, kind in (("verbCoop", "--cooperative"), ("matlConf", "--hostile")):
        args = ["import-dyads", str(ICEWS), "--source", "i", "--target", "j", "--time", "year"]
        result = CliRunner().invoke(main, [*args, kind, column, "-o", str(out / column)])
        assert result.exit_code == 0, result.stderr
    return out


def test_netify_figures_on_netifys_icews_verbal_cooperation(icews):
    # netify's vignette pipeline_lame_dbn (summary(verbal_net), verbCoop by year) prints
    # 2002: 152 actors, density 0.3787034, 8692 edges, reciprocity 0.9778217
    # 2003: 152 actors, density 0.3871994, 8887 edges, reciprocity 0.9632488
    table = summary(load_edge_set(icews / "verbCoop"), layer="cooperative").set_index("period")
    for period, density, edges, reciprocity in (
        ("2002", 0.3787034, 8692, 0.9778217),
        ("2003", 0.3871994, 8887, 0.9632488),
    ):
        row = table.loc[period]
        assert (row["actors"], row["edges"]) == (152, edges)
        assert row["density"] == pytest.approx(density, abs=5e-8)
        assert row["reciprocity"] == pytest.approx(reciprocity, abs=5e-8)


def test_netify_figures_on_netifys_icews_material_conflict(icews):
    # netify's README (summary(icews_conflict), matlConf by year) prints
    # 2002: 152, density 0.090, 2069 edges, mean weight 1.12, reciprocity 0.200, transitivity 0.354
    # 2003: 152, density 0.095, 2193 edges, mean weight 1.54, reciprocity 0.294, transitivity 0.358
    table = summary(load_edge_set(icews / "matlConf"), layer="hostile").set_index("period")
    for period, density, edges, mean, reciprocity, transitivity in (
        ("2002", 0.090, 2069, 1.12, 0.200, 0.354),
        ("2003", 0.095, 2193, 1.54, 0.294, 0.358),
    ):
        row = table.loc[period]
        assert (row["actors"], row["edges"]) == (152, edges)
        # the README's table is cut to three decimals, not rounded (0.09555 shows as 0.095)
        assert row["density"] == pytest.approx(density, abs=1e-3)
        assert row["mean_weight"] == pytest.approx(mean, abs=5e-3)
        assert row["reciprocity"] == pytest.approx(reciprocity, abs=5e-4)
        assert row["transitivity"] == pytest.approx(transitivity, abs=5e-4)


def test_cli(run, write_csv):
    path = write_csv(HAND.replace("2025", ""))
    result = run("summary", path, "--layer", "hostile", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "period,actors,edges,density,mean_weight,mean_tie_weight,reciprocity,transitivity"
    )
    assert "graphkit: 1 undated action left out of every period" in result.stderr
    nothing = run("summary", write_csv("source,target,action,weight\nA,B,x,-1\n", "u.csv"))
    assert nothing.exit_code == 2
    assert "has no dated action" in nothing.stderr
