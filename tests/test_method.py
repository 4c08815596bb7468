"""docs/method.md's worked example, computed by graphkit and compared with the hand arithmetic."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

import graphkit as gk

METHOD = (Path(__file__).resolve().parent.parent / "docs" / "method.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    [csv] = re.findall(r"```csv\n(.*?)```", METHOD, re.DOTALL)  # the example as the doc shows it
    path = tmp_path_factory.mktemp("method") / "example.csv"
    path.write_text(csv, encoding="utf-8")
    return gk.load_edge_set(path)


def test_strain(example):
    table = gk.strain(example)
    rows = table[["actor_a", "actor_b", "strain", "strain_ab", "strain_ba", "hostile", "cooperative"]]
    assert rows.values.tolist() == [
        ["CAN", "USA", 6.5, 0.0, 6.5, 1, 1],  # e1 tariff USA->CAN 6.5; e2 consultation is cooperative
        ["CAN", "MEX", 2.0, 2.0, 0.0, 1, 0],  # e3 criticism CAN->MEX 2.0
        ["MEX", "USA", 1.0, 0.0, 1.0, 1, 0],  # e4 USA->MEX, own weight -1
    ]
    assert table["cooperation"].tolist() == [1.0, 0.0, 0.0]  # e2's +1.0


def test_centrality(example):
    frame = gk.centrality(example).set_index("actor")
    assert frame["hostile_out"].to_dict() == {"CAN": 2.0, "USA": 7.5, "MEX": 0.0}  # USA: 6.5 + 1
    assert frame["hostile_in"].to_dict() == {"CAN": 6.5, "USA": 0.0, "MEX": 3.0}  # MEX: 2 + 1
    assert frame["degree_out"].to_dict() == {"CAN": 2, "USA": 2, "MEX": 0}
    assert frame["degree_in"].to_dict() == {"CAN": 1, "USA": 1, "MEX": 2}

    # PageRank: p(USA) = 0.05 + a*m/3; p(CAN) = 0.05 + a*(6.5/7.5)*p(USA) + a*m/3;
    # p(MEX) = m; the three sum to 1, solved for m
    a = 0.85
    usa_const, usa_m = 0.05, a / 3
    can_const = 0.05 + a * 6.5 / 7.5 * usa_const
    can_m = a * 6.5 / 7.5 * usa_m + a / 3
    m = (1 - usa_const - can_const) / (usa_m + can_m + 1)
    expected = {"USA": usa_const + usa_m * m, "CAN": can_const + can_m * m, "MEX": m}
    assert frame["pagerank"].to_dict() == pytest.approx(expected, abs=1e-6)
    assert abs(m - 0.4861846) < 1e-7  # the exact figure in docs/method.md

    # betweenness: USA->MEX is shorter through CAN (1/6.5 + 1/2 < 1); one pair of (3-1)(3-2)
    assert 1 / 6.5 + 1 / 2 < 1 / 1
    assert frame["betweenness"].to_dict() == {"CAN": 0.5, "USA": 0.0, "MEX": 0.0}

    # HITS: authority = leading eigenvector of M^T M = [[42.25, 6.5], [6.5, 5]], hub = M authority
    lam = (47.25 + math.sqrt(47.25**2 - 4 * 169)) / 2
    y = (lam - 42.25) / 6.5  # MEX per unit of CAN
    can, mex = 1 / (1 + y), y / (1 + y)
    hub_usa, hub_can = 6.5 * can + 1 * mex, 2 * mex
    assert frame["authority"].to_dict() == pytest.approx({"CAN": can, "MEX": mex, "USA": 0.0}, abs=1e-9)
    total = hub_usa + hub_can
    assert frame["hub"].to_dict() == pytest.approx(
        {"USA": hub_usa / total, "CAN": hub_can / total, "MEX": 0.0}, abs=1e-9
    )
    assert (round(can, 6), round(hub_usa / total, 6)) == (0.855078, 0.951634)  # as docs/method.md


def test_the_doc_shows_the_reported_figures(example):
    # the centrality table in docs/method.md carries the six-decimal values graphkit reports
    report = gk.format_frame(gk.centrality(example), "csv")
    for value in ("0.187753", "0.326063", "0.486184", "0.951634", "0.048366", "0.855078", "0.144922"):
        assert value in report and value in METHOD
