"""Defects found in review, each pinned by a test: outputs never replace inputs,
diff writes all or nothing, CSV quoting, dtypes, dates, unreadable actors files."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from graphkit.cli import main
from graphkit.edgeset import validate_edge_set


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def test_an_output_never_replaces_an_input(write_csv):
    path = write_csv("source,target,action,weight\nA,B,x,-1\n")
    before = path.read_bytes()
    for command in (["strain", path], ["export", path, "--format", "csv"], ["render", path]):
        result = run(*command, "-o", path)
        assert result.exit_code == 2, command
        assert (
            result.stderr
            == f"graphkit: cannot write {path}: it is one of this command's inputs; choose another path\n"
        )
    assert path.read_bytes() == before


def test_an_output_never_replaces_a_file_of_an_input_folder(write_csv):
    edges = write_csv("source,target,action\nUSA,CAN,tariff\n", "set/edges.csv")
    actors = write_csv("id,name\nUSA,US\nCAN,Canada\n", "set/actors.csv")
    result = run("strain", edges.parent, "-o", actors)
    assert result.exit_code == 2
    assert actors.read_text() == "id,name\nUSA,US\nCAN,Canada\n"


def test_import_gdelt_never_replaces_its_input(tmp_path):
    sample = tmp_path / "events.tsv"
    source = (os.path.dirname(__file__), "data", "gdelt1_sample_events.tsv")
    original = Path(os.path.join(*source)).read_bytes()
    sample.write_bytes(original)
    result = run("import-gdelt", sample, "-o", sample)
    assert result.exit_code == 2
    assert sample.read_bytes() == original


def test_diff_writes_nothing_when_the_page_cannot_be_written(tmp_path):
    report = tmp_path / "report.txt"
    result = run("diff", "essay", "essay-recoded", "-o", report, "--html", tmp_path / "missing" / "d.html")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not report.exists()
    assert result.stdout == ""


def test_csv_quotes_carriage_returns(write_csv):
    path = write_csv(b'source,target,action,quote\r\nUSA,CAN,tariff,"a\rb"\r\n')
    out = run("export", path, "--level", "action", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows[0]["quote"] == "a\rb"


def test_strain_columns_stay_floats_when_one_direction_is_empty():
    result = run("strain", "-", "--format", "json", input="source,target,action,weight\nA,B,x,-10\n")
    [record] = json.loads(result.stdout)
    assert record["strain_ab"] == 10.0 and isinstance(record["strain_ba"], float)


def test_date_bounds_must_be_real_days(small_set):
    result = run("strain", small_set, "--since", "2024-02-30")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "graphkit: --since '2024-02-30' is not a real date: use YYYY, YYYY-MM or YYYY-MM-DD\n"
    )
    assert run("strain", small_set, "--until", "2024-02-29").exit_code == 0  # a leap day is real


def test_unreadable_actors_file_gives_only_its_real_problem(write_csv):
    write_csv("source,target,action\nUSA,CAN,tariff\n", "set/edges.csv")
    actors = write_csv(b"id,name\nUSA,U\xffS\n", "set/actors.csv")
    assert [str(p) for p in validate_edge_set(actors.parent)] == [
        f"{actors}:2: not UTF-8 text (byte 0xff): save the file as UTF-8"
    ]


def test_extra_columns_named_like_export_attributes_are_kept(write_csv):
    path = write_csv("source,target,action,strain\nUSA,CAN,tariff,HIGH\n")
    rows = list(
        csv.DictReader(io.StringIO(run("export", path, "--level", "action", "--format", "csv").stdout))
    )
    assert rows[0]["extra_strain"] == "HIGH"
    assert rows[0]["strain"] == "6.5"  # the tariff's strain, not the user's column


def test_reports_do_not_depend_on_the_hash_seed(tmp_path):
    # two processes with different hash seeds must print the same bytes
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.append(
            subprocess.run(
                [sys.executable, "-m", "graphkit.cli", "centrality", "--format", "csv"],
                env=env,
                capture_output=True,
                check=True,
            ).stdout
        )
    assert outputs[0] == outputs[1] and outputs[0].startswith(b"actor,")


def test_the_files_beside_an_edges_csv_are_inputs_too(write_csv):
    edges = write_csv("source,target,action\nUSA,CAN,tariff\n", "set/edges.csv")
    actors = write_csv("id,name\nUSA,US\nCAN,Canada\n", "set/actors.csv")
    result = run("strain", edges, "-o", actors)
    assert result.exit_code == 2
    assert actors.read_text() == "id,name\nUSA,US\nCAN,Canada\n"


def test_diff_refuses_one_path_for_report_and_page_and_a_folder_as_page(tmp_path):
    same = tmp_path / "same.out"
    result = run("diff", "essay", "essay-recoded", "-o", same, "--html", same)
    assert result.exit_code == 2 and "give the page its own path" in result.stderr
    assert not same.exists()
    result = run("diff", "essay", "essay-recoded", "-o", tmp_path / "r.txt", "--html", tmp_path)
    assert result.exit_code == 2 and "it is a folder" in result.stderr
    assert not (tmp_path / "r.txt").exists()


def test_hits_without_hostile_links_is_zero():
    import networkx as nx

    from graphkit.analysis.centrality_alg import hits

    graph = nx.DiGraph()
    graph.add_nodes_from(["A", "B"])
    hub, authority = hits(graph)
    assert hub.tolist() == [0.0, 0.0] and authority.tolist() == [0.0, 0.0]
