"""graphkit timeline and the spreading rule (graphkit.analysis.periods).

Every expected value is worked out by hand in the comments from the rows written here.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from graphkit.analysis.periods import period_labels, spread_rows
from graphkit.analysis.timeline_alg import timeline
from graphkit.edgeset import load_edge_set
from graphkit.errors import ArgumentError

ROWS = """source,target,action,weight,date,date_end
A,B,tariff,-6,2024,
B,A,cooperation,4,2024-02-10,
A,B,criticism,-2,2024-01-20,2024-02-10
A,C,criticism,-1,,
"""


def _spread(dates, freq, ends=None):
    edges = pd.DataFrame({"date": dates})
    if ends is not None:
        edges["date_end"] = ends
    spread = spread_rows(edges, freq)
    return list(zip(spread.row.tolist(), period_labels(spread.period, freq).tolist(), spread.share.tolist()))


def test_a_day_is_in_one_period_a_year_in_four_quarters():
    assert _spread(["2024-03-05"], "month") == [(0, "2024-03", 1.0)]
    assert _spread(["2024"], "quarter") == [
        (0, "2024-Q1", 0.25),
        (0, "2024-Q2", 0.25),
        (0, "2024-Q3", 0.25),
        (0, "2024-Q4", 0.25),
    ]
    # 2024-01-20..2024-02-10 touches January and February: a half each
    assert _spread(["2024-01-20"], "month", ["2024-02-10"]) == [(0, "2024-01", 0.5), (0, "2024-02", 0.5)]
    # undated rows touch nothing
    assert _spread(["", "2023"], "year") == [(1, "2023", 1.0)]


def test_iso_weeks_run_monday_to_sunday():
    # 2024-12-30 is a Monday, in ISO week 1 of 2025; 2024-12-29 a Sunday, week 52 of 2024
    assert _spread(["2024-12-29", "2024-12-30"], "week") == [(0, "2024-W52", 1.0), (1, "2025-W01", 1.0)]
    # 2024-03 runs from Friday 1 March (week 9) to Sunday 31 March (week 13): five weeks, 1/5 each
    assert [p for _, p, _ in _spread(["2024-03"], "week")] == [f"2024-W{w:02d}" for w in range(9, 14)]


def test_timeline_by_month_by_hand(write_csv):
    table = timeline(load_edge_set(write_csv(ROWS)), freq="month")
    ab = table[(table["actor_a"] == "A") & (table["actor_b"] == "B")].set_index("period")
    # January: tariff 6/12 = 0.5 + criticism 2/2 = 1.0 -> 1.5; February: 0.5 + 1.0 + cooperation 4
    assert ab.loc["2024-01", "strain"] == pytest.approx(1.5)
    assert ab.loc["2024-02", ["strain", "cooperation", "net"]].tolist() == pytest.approx([1.5, 4.0, 2.5])
    # hostile counts are shares too: 1/12 + 1/2 in January
    assert ab.loc["2024-01", "hostile"] == pytest.approx(1 / 12 + 1 / 2)
    # March..December: the tariff's twelfth only
    assert ab.loc["2024-12", "strain"] == pytest.approx(0.5)
    # all of A-B's strain is a->b (A is actor_a)
    assert ab["strain_ab"].sum() == pytest.approx(8.0)
    assert ab["strain_ba"].sum() == 0
    # totals are kept: 6 + 2 = 8 strain over the twelve months
    assert ab["strain"].sum() == pytest.approx(8.0)
    assert len(ab) == 12
    # A-C's only action is undated: reported apart
    ac = table[table["actor_b"] == "C"]
    assert ac["period"].tolist()[-1] == "undated"
    assert ac.set_index("period").loc["undated", "strain"] == 1.0
    assert ac.set_index("period").loc["2024-01", "strain"] == 0.0
    assert table.attrs["undated"] == 1


def test_top_keeps_the_most_strained_pairs(write_csv):
    table = timeline(load_edge_set(write_csv(ROWS)), freq="year", top=1)
    # A-B (strain 8) ranks above A-C (1)
    assert table[["period", "actor_a", "actor_b", "strain"]].values.tolist() == [["2024", "A", "B", 8.0]]


def test_essay_korea_us_undated_strain_is_apart():
    table = timeline(load_edge_set(None), freq="year", top=1)
    # South Korea-US: 25.8 in all; 6.0 dated 2023, 19.8 undated (graphkit strain and the essay's edges)
    by_period = table.set_index("period")["strain"]
    assert by_period["2023"] == pytest.approx(6.0)
    assert by_period["undated"] == pytest.approx(19.8)
    assert by_period.sum() == pytest.approx(25.8)


def test_freq_must_be_a_known_period(write_csv):
    with pytest.raises(ArgumentError, match="^freq 'decade': use one of year, quarter, month, week"):
        timeline(load_edge_set(write_csv(ROWS)), freq="decade")


def test_cli_formats_and_notes(run, write_csv, tmp_path):
    path = write_csv(ROWS)
    result = run("timeline", path, "--freq", "quarter", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "period,rank,actor_a,actor_b,name_a,name_b,strain,strain_ab,strain_ba,cooperation,hostile,cooperative,net"
    )
    # Q1 2024 for A-B: tariff 6/4 = 1.5 + criticism 2 = 3.5 strain, cooperation 4
    assert lines[1].startswith("2024-Q1,1,A,B,A,B,3.5,3.5,0.0,4.0,")
    assert "graphkit: 1 undated action reported apart as period 'undated'" in result.stderr
    out = tmp_path / "t.json"
    assert run("timeline", path, "-o", out).exit_code == 0
    records = json.loads(out.read_text())
    assert records[0]["period"] == "2024" and records[0]["strain"] == 8.0


def test_deterministic(run, write_csv):
    path = write_csv(ROWS)
    assert run("timeline", path, "--freq", "week").stdout == run("timeline", path, "--freq", "week").stdout


def test_periods_fill_the_gaps(write_csv):
    table = timeline(
        load_edge_set(write_csv("source,target,action,weight,date\nA,B,x,-1,2020\nA,B,y,-1,2023\n"))
    )
    # 2021 and 2022 are there, with zeros: a series without holes
    assert table["period"].tolist() == ["2020", "2021", "2022", "2023"]
    assert np.array_equal(table["strain"].to_numpy(), [1.0, 0.0, 0.0, 1.0])


def test_periods_and_undated_add_up_to_graphkit_strain():
    from graphkit.analysis.strain_alg import strain

    es = load_edge_set(None)
    for freq in ("year", "quarter", "month", "week"):
        table = timeline(es, freq=freq)
        totals = table.groupby(["actor_a", "actor_b"])[["strain", "cooperation", "hostile"]].sum()
        expected = strain(es).set_index(["actor_a", "actor_b"])[["strain", "cooperation", "hostile"]]
        assert np.allclose(totals.loc[expected.index].to_numpy(), expected.to_numpy()), freq
