"""The Dask engine against the pandas engine: same files, same results, on a local cluster."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")

from graphkit.actions import action_defaults
from graphkit.analysis.centrality_alg import centrality, centrality_from_pairs
from graphkit.analysis.strain_alg import strain, strain_from_pairs
from graphkit.cli import main
from graphkit.edgeset import load_edge_set
from graphkit.errors import EdgeSetError
from graphkit.interop.dask_engine import LINE_UNKNOWN, dask_pairs

ACTORS = ["USA", "CAN", "MEX", "CHN", "DEU", "FRA", "JPN", "KOR", "ACME", "EUR"]


def _events(rows: int, seed: int) -> pd.DataFrame:
    """Edges exercising every default: taxonomy actions alone, explicit weights,
    unknown actions with a weight, CAMEO codes, domains, dates of each shape."""
    rng = np.random.default_rng(seed)
    source = rng.integers(0, len(ACTORS), rows)
    target = (source + 1 + rng.integers(0, len(ACTORS) - 1, rows)) % len(ACTORS)
    actions = np.array(sorted(action_defaults()), dtype=object)
    action = actions[rng.integers(0, len(actions), rows)]
    kind = rng.random(rows)
    weight = np.where(kind < 0.2, np.char.mod("%.1f", rng.uniform(-10, 10, rows).round(1)), "").astype(object)
    action = np.where((kind >= 0.2) & (kind < 0.3), "border_incident", action)
    weight = np.where((kind >= 0.2) & (kind < 0.3), "-4.5", weight)
    cameo = np.where((kind >= 0.3) & (kind < 0.35), "0231", "")
    action = np.where((kind >= 0.3) & (kind < 0.35), "appeal_for_aid", action)
    domain = np.where(kind > 0.9, "energy", "")
    date = np.array(["2019", "2020-02", "2021-03-04", "2022-12-31", ""], dtype=object)[
        rng.integers(0, 5, rows)
    ]
    return pd.DataFrame(
        {
            "source": np.array(ACTORS, dtype=object)[source],
            "target": np.array(ACTORS, dtype=object)[target],
            "action": action,
            "weight": weight,
            "cameo": cameo,
            "domain": domain,
            "date": date,
            "quote": np.where(kind < 0.05, 'said "no", then left', "a, b"),
        }
    )


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address="127.0.0.1:0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


@pytest.fixture
def files(tmp_path):
    """Three CSV files (one with ids, one with padded cells) and a Parquet file with
    numeric weights, plus the same edges as one CSV file for the pandas engine."""
    parts = [_events(700, seed) for seed in range(4)]
    folder = tmp_path / "events"
    folder.mkdir()
    with_ids = parts[0].copy()
    with_ids.insert(0, "id", [f"x{i}" for i in range(len(with_ids))])
    with_ids.to_csv(folder / "a.csv", index=False)
    parts[1].to_csv(folder / "b.csv", index=False)
    padded = parts[2].copy()
    padded["source"] = "  " + padded["source"]
    padded.to_csv(folder / "c.csv", index=False)
    numeric = parts[3].copy()
    numeric["weight"] = pd.to_numeric(numeric["weight"].replace("", np.nan))
    numeric.to_parquet(folder / "d.parquet", row_group_size=300)
    pd.concat(parts, ignore_index=True).to_csv(tmp_path / "all.csv", index=False)
    return folder, tmp_path / "all.csv"


def test_strain_and_centrality_match_the_pandas_engine(client, files):
    folder, combined = files
    # small blocks: every CSV file is split across several partitions
    pairs = dask_pairs([str(folder / "*.csv"), str(folder / "*.parquet")], client=client, blocksize=8_000)
    assert pairs.rows == 2800 and pairs.files == 4
    edge_set = load_edge_set(combined)
    expected = strain(edge_set)
    got = strain_from_pairs(pairs.pairs, pairs.actors)
    assert len(got) == len(expected) > 30
    pd.testing.assert_frame_equal(got, expected, check_exact=False, rtol=1e-12)
    pd.testing.assert_frame_equal(
        centrality_from_pairs(pairs.ordered_pairs(), pairs.actors),
        centrality(edge_set),
        check_exact=False,
        rtol=1e-9,
    )


@pytest.mark.parametrize("command", ["strain", "centrality"])
@pytest.mark.parametrize(
    "filters", [[], ["--domain", "energy"], ["--since", "2020-03", "--until", "2022"], ["--actor", "ACME"]]
)
def test_cli_output_is_byte_identical(client, files, command, filters):
    folder, combined = files
    runner = CliRunner()
    pandas = runner.invoke(main, [command, str(combined), "--format", "csv", *filters])
    dask = runner.invoke(
        main,
        [
            command,
            "--engine",
            "dask",
            "--scheduler",
            client.scheduler.address,
            str(folder / "*"),
            "--format",
            "csv",
            *filters,
        ],
    )
    assert pandas.exit_code == 0, pandas.stderr
    assert dask.exit_code == 0, dask.stderr
    assert dask.stdout == pandas.stdout
    assert len(pandas.stdout.splitlines()) > 3


def test_default_local_cluster(files):
    folder, _ = files
    runner = CliRunner()
    dask = runner.invoke(main, ["strain", "--engine", "dask", str(folder / "*.csv"), "--top", "5"])
    assert dask.exit_code == 0, dask.stderr
    # the same three CSV files, read by the pandas engine
    frames = [pd.read_csv(folder / f"{n}.csv", dtype=str, keep_default_na=False) for n in "abc"]
    one = folder.parent / "abc.csv"
    pd.concat(frames, ignore_index=True).drop(columns="id").to_csv(one, index=False)
    assert dask.stdout == runner.invoke(main, ["strain", str(one), "--top", "5"]).stdout


def test_problems_name_the_file_and_say_the_line_is_unknown(client, tmp_path):
    good = tmp_path / "good.csv"
    _events(50, 1).to_csv(good, index=False)
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target,action,weight\nUSA,CAN,tariff,\nUSA,USA,tariff,abc\nUSA,CAN,zzz,\n")
    with pytest.raises(EdgeSetError) as caught:
        dask_pairs([str(good), str(bad)], client=client)
    messages = [str(p) for p in caught.value.problems]
    assert messages == sorted(
        [
            f"{bad}: source and target are both 'USA': an edge links two different actors {LINE_UNKNOWN}",
            (
                f"{bad}: unknown action 'zzz' with neither weight nor cameo: use an action from the taxonomy "
                f"(graphkit taxonomy), or give a weight or a CAMEO code {LINE_UNKNOWN}"
            ),
            f"{bad}: weight 'abc' is not a number: use a number from -10 to 10 {LINE_UNKNOWN}",
        ]
    )


def test_missing_column_and_unparsable_block_name_their_file(client, tmp_path):
    no_action = tmp_path / "no_action.csv"
    no_action.write_text("source,target,weight\nUSA,CAN,-2\n")
    with pytest.raises(EdgeSetError) as caught:
        dask_pairs([str(no_action)], client=client)
    assert [str(p) for p in caught.value.problems] == [
        f"{no_action}:1: missing required column 'action': add it to the header"
    ]

    ragged = tmp_path / "ragged.csv"
    ragged.write_text("source,target,action\nUSA,CAN,tariff\nUSA,CAN,tariff,extra\n")
    with pytest.raises(EdgeSetError) as caught:
        dask_pairs([str(ragged)], client=client)
    (problem,) = caught.value.problems
    assert problem.file == str(ragged) and problem.line is None
    assert (
        "expected 3 fields as in the header, found 4" in problem.message and LINE_UNKNOWN in problem.message
    )


def test_cli_errors(files):
    folder, _ = files
    runner = CliRunner()
    result = runner.invoke(main, ["strain", "--engine", "dask", str(folder / "*.tsv")])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"graphkit: {folder / '*.tsv'}: no such file, and no file matches it: give CSV or Parquet files or a glob\n"
    )
    result = runner.invoke(main, ["strain", "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.stderr
    result = runner.invoke(main, ["centrality", "--engine", "dask"])
    assert result.exit_code == 2 and "--engine dask reads files" in result.stderr
