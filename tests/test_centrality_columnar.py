"""centrality under the DuckDB engine: DuckDB sums the ordered pairs, and the output is the
pandas engine's, byte for byte; a set DuckDB cannot vouch for is read by pandas."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
import pytest

from graphkit.analysis.centrality_columnar import ordered_pairs_columnar
from graphkit.analysis.pairs import ordered_pairs
from graphkit.columnar import load_columnar
from graphkit.edgeset import load_edge_set

sys.path.insert(0, str(Path(__file__).parent / "bench"))
from generate import generate_edges, write_edges


@pytest.fixture
def generated(tmp_path) -> Path:
    """A generated plain set: 4,000 rows among 80 actors, explicit and default weights."""
    folder = tmp_path / "gen"
    folder.mkdir()
    write_edges(generate_edges(4000, 80, seed=11), folder / "edges.csv")
    return folder


def test_pairs_summed_by_duckdb_are_the_pandas_pairs(generated):
    columnar = load_columnar(generated)
    assert columnar is not None
    got = ordered_pairs_columnar(columnar)
    columnar.close()
    expected = ordered_pairs(load_edge_set(generated).edges)
    assert list(got.columns) == list(expected.columns)
    for column in ("source", "target", "actions", "hostile", "cooperative"):
        assert got[column].tolist() == expected[column].tolist(), column
    for column in ("strain", "cooperation"):  # sums in another order: equal to the last bits or so
        np.testing.assert_allclose(got[column], expected[column], rtol=1e-13, atol=0)


@pytest.mark.parametrize(
    "args",
    [
        ("--format", "csv"),
        ("--format", "json"),
        (),
        ("--format", "csv", "--domain", "trade"),  # a filter: both engines read with pandas
        ("--format", "csv", "--unit", "type"),
    ],
)
def test_same_output_under_both_engines(run, generated, args):
    results = {}
    for engine in ("duckdb", "pandas"):
        result = run("centrality", generated, *args, "--engine", engine)
        results[engine] = (result.stdout, result.stderr, result.exit_code)
    assert results["duckdb"] == results["pandas"]
    assert results["duckdb"][2] == 0 and results["duckdb"][0]


def test_a_broken_set_is_reported_by_the_pandas_engine(run, generated):
    path = generated / "edges.csv"
    path.write_text(path.read_text() + ",ABW,AFG,tariff,,2020,\n")  # a row without an id
    assert load_columnar(generated) is None
    results = {}
    for engine in ("duckdb", "pandas"):
        result = run("centrality", generated, "--format", "csv", "--engine", engine)
        results[engine] = (result.stdout, result.stderr, result.exit_code)
    assert results["duckdb"] == results["pandas"]
    assert results["pandas"][2] != 0 and "id" in results["pandas"][1]


def test_weights_of_many_decimals_give_the_same_betweenness_under_both_engines(run, tmp_path):
    # found in review: weights such as -0.1, -0.2, -0.3, -2.000001 made pandas' float sums and
    # DuckDB's exact decimal sums differ in the last bits, and betweenness (paths tie only
    # when their lengths are equal) moved in the fourth figure for four actors
    rng = random.Random(4)
    actors = [f"A{i}" for i in range(20)] + [str(i) for i in range(50)] + ["zz", "Zy", "_x", "a-b", "a.b"]
    weights = ["-1.5", "-0.1", "-0.2", "-0.3", "-.7", "-1e0", "-2.000001", "-3.333333", "-9.999999"]
    actions = [("tariff", ""), ("sanction", ""), ("trade", ""), ("custom", "-1.5"), ("concession", "")]
    actions.append(("condemnation", ""))
    lines = ["id,source,target,action,weight,domain"]
    for i in range(3000):
        s, t = rng.sample(actors, 2)
        action, weight = rng.choice(actions)
        if action == "custom":
            weight = rng.choice(weights)
        lines.append(f"e{i},{s},{t},{action},{weight},{rng.choice(['', 'trade', 'security'])}")
    path = tmp_path / "decimals.csv"
    path.write_text("\n".join(lines) + "\n")
    assert load_columnar(path) is not None  # DuckDB takes the set
    results = {}
    for engine in ("duckdb", "pandas"):
        result = run("centrality", path, "--format", "csv", "--engine", engine)
        results[engine] = (result.stdout, result.stderr, result.exit_code)
    assert results["duckdb"] == results["pandas"]
    assert results["pandas"][2] == 0


def test_equal_totals_rank_by_id_under_both_engines(run, tmp_path):
    """Worked by hand: B's two rows toward X sum to 0.1 + 0.2, which pandas' floats make
    0.30000000000000004 and DuckDB's exact sums 0.3; A's one row toward Y is 0.3. Every actor's
    hostile total is therefore 0.3 (B and A out, X and Y in): a four-way tie, listed by id,
    A B X Y, under both engines. Ranked by the float total, pandas put B and X first."""
    rows = [
        "id,source,target,action,weight",
        "e1,B,X,criticism,-0.1",
        "e2,B,X,criticism,-0.2",
        "e3,A,Y,criticism,-0.3",
    ]
    path = tmp_path / "ties.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    outputs = {}
    for engine in ("pandas", "duckdb"):
        result = run("centrality", path, "--format", "csv", "--engine", engine)
        assert result.exit_code == 0, result.stderr
        outputs[engine] = result.stdout
        actors = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
        assert actors == ["A", "B", "X", "Y"], engine
    assert outputs["pandas"] == outputs["duckdb"]
