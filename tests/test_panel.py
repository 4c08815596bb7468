"""graphkit export --panel: the dyad-period table, worked out by hand from tests/data/small/edges.csv
(s1 A->B -4 2024-01-05, s2 A->B -2 2024-03, s3 B->A -3 2024-04-01, s4 A->C -5 2023,
s5 C->D -1 2024-06-30, s6 B->C +3 2024, s7 D->A +2 2025-02-01, s8 B->C -0.5 2024-02)."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from graphkit.edgeset import load_edge_set
from graphkit.interop.panel import panel_table


def test_every_ordered_pair_of_the_periods_actors(small_set):
    table = panel_table(load_edge_set(small_set), freq="year")
    per_period = table.groupby("period").size().to_dict()
    # 2023: A, C -> 2 ordered pairs; 2024: A, B, C, D -> 12; 2025: A, D -> 2
    assert per_period == {"2023": 2, "2024": 12, "2025": 2}
    rows = table.set_index(["period", "source", "target"])
    # 2024 A->B: s1 4 + s2 2 = 6 strain, 2 hostile actions
    assert rows.loc[("2024", "A", "B"), ["strain", "hostile", "actions"]].tolist() == [6.0, 2.0, 2.0]
    # 2024 B->C: s8 0.5 strain, s6 3 cooperation: net 2.5
    assert rows.loc[("2024", "B", "C"), ["strain", "cooperation", "net"]].tolist() == [0.5, 3.0, 2.5]
    # zero rows: C->A in 2023 (A acted on C, C did nothing)
    assert rows.loc[("2023", "C", "A"), ["strain", "cooperation", "actions"]].tolist() == [0.0, 0.0, 0.0]


def test_a_year_row_spreads_over_quarters(small_set):
    table = panel_table(load_edge_set(small_set), freq="quarter").set_index(["period", "source", "target"])
    # s4 (2023, strain 5) adds 5/4 to each quarter of 2023
    assert [table.loc[(f"2023-Q{q}", "A", "C"), "strain"] for q in range(1, 5)] == [1.25] * 4
    # s6 (2024, +3) makes B and C present in every quarter of 2024, at 0.75 each
    assert table.loc[("2024-Q3", "B", "C"), "cooperation"] == 0.75


def test_cli_csv_and_parquet_agree(run, small_set, tmp_path):
    csv = run("export", small_set, "--panel", "--freq", "year")
    assert csv.exit_code == 0, csv.stderr
    assert (
        csv.stdout.splitlines()[0]
        == "period,source,target,strain,cooperation,net,actions,hostile,cooperative"
    )
    out = tmp_path / "panel.parquet"
    assert run("export", small_set, "--panel", "-o", out).exit_code == 0
    parquet = pd.read_parquet(out)
    from_csv = pd.read_csv(io.StringIO(csv.stdout), dtype={"period": str})
    assert parquet["period"].tolist() == from_csv["period"].tolist()
    assert parquet["strain"].tolist() == pytest.approx(from_csv["strain"].tolist())


def test_undated_actions_are_said(run, write_csv):
    path = write_csv("source,target,action,weight,date\nA,B,x,-1,2024\nA,C,y,-1,\n")
    result = run("export", path, "--panel")
    assert "graphkit: 1 undated action is in no period" in result.stderr
    assert result.stdout.splitlines()[1:] == [
        "2024,A,B,1.0,0.0,-1.0,1.0,1.0,0.0",
        "2024,B,A,0.0,0.0,0.0,0.0,0.0,0.0",
    ]


def test_parquet_needs_panel(run, small_set):
    result = run("export", small_set, "--format", "parquet")
    assert result.exit_code == 2
    assert "--format parquet needs --panel" in result.stderr
