"""The strain, centrality, validate, sets and taxonomy commands, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

from graphkit.cli import main


def test_strain_json_records(run, small_set):
    result = run("strain", small_set, "--format", "json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert [(r["actor_a"], r["actor_b"], r["strain"]) for r in records] == [
        ("A", "B", 9.0),
        ("A", "C", 5.0),
        ("C", "D", 1.0),
        ("B", "C", 0.5),
        ("A", "D", 0.0),
    ]
    assert result.stderr == ""


def test_strain_top_and_csv(run, small_set):
    result = run("strain", small_set, "--top", "2", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["actor_a"], r["actor_b"], r["strain"]) for r in rows] == [("A", "B", "9.0"), ("A", "C", "5.0")]


def test_strain_table_and_markdown(run, small_set):
    table = run("strain", small_set).stdout.splitlines()
    assert table[0].split()[:3] == ["rank", "actor_a", "actor_b"]
    assert table[1].split()[:3] == ["1", "A", "B"]
    markdown = run("strain", small_set, "--format", "markdown").stdout.splitlines()
    assert markdown[0].startswith("| rank | actor_a | actor_b |")
    assert markdown[2].startswith("| 1 | A | B | A | B | 9.0 | 6.0 | 3.0 |")


def test_centrality_json_has_actor(run, small_set):
    records = json.loads(run("centrality", small_set, "--format", "json").stdout)
    assert [r["actor"] for r in records] == ["A", "B", "C", "D"]
    assert records[0]["hostile_out"] == 11.0


def test_filters_reach_the_analysis(run, small_set):
    result = run("strain", small_set, "--actor", "D", "--format", "json")
    pairs = {(r["actor_a"], r["actor_b"]) for r in json.loads(result.stdout)}
    assert pairs == {("A", "C"), ("C", "D"), ("A", "D")}
    result = run("strain", small_set, "--since", "2025", "--format", "json")
    assert [(r["actor_a"], r["actor_b"]) for r in json.loads(result.stdout)] == [("A", "D")]


def test_bad_filter_value_is_one_line(run, small_set):
    result = run("strain", small_set, "--since", "March")
    assert result.exit_code == 2
    assert result.stderr == "graphkit: --since 'March': use YYYY, YYYY-MM or YYYY-MM-DD\n"


def test_output_file_is_written_atomically(run, small_set, tmp_path):
    target = tmp_path / "strain.csv"
    target.write_text("old contents")
    result = run("strain", small_set, "--format", "csv", "-o", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"wrote {target}\n"
    assert target.read_text().startswith("rank,actor_a,actor_b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["strain.csv"]  # no temporary file left


def test_invalid_input_leaves_output_untouched(run, write_csv, tmp_path):
    bad = write_csv("source,target,action,weight\nA,B,x,20\n")
    target = tmp_path / "out.json"
    target.write_text("previous")
    result = run("strain", bad, "-o", target)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == f"graphkit: {bad}:2: weight 20 is outside the Goldstein scale: use a number from -10 to 10\n"
    )
    assert target.read_text() == "previous"
    assert "Traceback" not in result.output


def test_output_into_missing_folder_is_refused(run, small_set, tmp_path):
    result = run("strain", small_set, "-o", tmp_path / "no" / "such.csv")
    assert result.exit_code == 2
    assert "folder" in result.stderr and "does not exist" in result.stderr


def test_stdin_edge_set(run):
    result = run("strain", "-", "--format", "json", input="source,target,action,weight\nA,B,x,-2\n")
    assert json.loads(result.stdout)[0]["strain"] == 2.0


def test_stdin_errors_name_stdin(run):
    result = run("strain", "-", input="source,target,action,weight\nA,B,x,abc\n")
    assert result.stderr.startswith("graphkit: <stdin>:2: weight 'abc' is not a number")


def test_validate_clean_and_dirty(run, small_set, write_csv):
    clean = run("validate", small_set)
    assert clean.exit_code == 0
    assert clean.stdout == ""
    assert clean.stderr == "small: valid (8 edges, 4 actors)\n"
    bad = write_csv("source,target,action,weight\nA,,x,1\nA,B,x,11\n")
    dirty = run("validate", bad)
    assert dirty.exit_code == 1
    assert dirty.stdout.splitlines() == [
        f"{bad}:2: empty 'target': every edge needs a source, a target and an action",
        f"{bad}:3: weight 11 is outside the Goldstein scale: use a number from -10 to 10",
    ]
    assert dirty.stderr == "graphkit: 2 problems found\n"


def test_validate_missing_file_exits_1(run, tmp_path):
    result = run("validate", tmp_path / "missing.csv")
    assert result.exit_code == 1
    assert "no such file, folder or bundled edge set" in result.stdout


def test_essay_is_the_default(run):
    default = run("strain", "--format", "json").stdout
    assert default == run("strain", "essay", "--format", "json").stdout
    assert json.loads(default)[0]["actor_b"] == "USA"


def test_sets_lists_bundled_sets(run):
    lines = run("sets").stdout.splitlines()
    assert any(line.startswith("essay ") and "backstabbing" in line for line in lines)


def test_taxonomy_command(run):
    rows = list(csv.DictReader(io.StringIO(run("taxonomy", "--format", "csv").stdout)))
    assert {"tariff", "sanction", "intelligence_cutoff"} <= {r["action"] for r in rows}


def test_version_and_help(run):
    assert run("--version").stdout.strip() == "graphkit, version 0.1.0"
    for command in main.commands:
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.stdout, f"{command} --help shows no example"


def test_diff_actor_filter_works_when_the_actor_is_in_one_set_only(run):
    # DEU_MEDIA's one edge (e18) in the essay's first coding is left out of essay-recoded
    result = run("diff", "essay-2025-v1", "essay-recoded", "--actor", "DEU_MEDIA", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [e["id"] for e in json.loads(result.stdout)["removed"]] == ["e18"]
    missing = run("diff", "essay-2025-v1", "essay-recoded", "--actor", "ZZZ")
    assert missing.exit_code == 2
    assert missing.stderr.startswith(
        "graphkit: --actor 'ZZZ' is not an actor of edge set 'essay-2025-v1' or 'essay-recoded': "
        "use an actor's id or name from it ("
    )


def test_reports_do_not_depend_on_the_hash_seed(run, tmp_path):
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


def test_filters_that_leave_nothing_are_an_error_not_an_empty_table(run, tmp_path):
    # the essay's actions are dated 2023 to 2025: nothing is on or after 2030
    result = run("strain", "--since", "2030")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        "graphkit: --since '2030' leaves no action of edge set 'essay' "
        "(its actions are dated 2023 to 2025): widen the filters\n"
    )
    # each filter matches something (Russia, trade actions) but not together
    both = run("centrality", "--domain", "trade", "--actor", "RUS")
    assert both.exit_code == 2
    # the other filter is named as the user typed it, a flag, not the library's parameter
    assert both.stderr.startswith("graphkit: --actor 'RUS' with --domain 'trade' leaves no action")
    years = run("strain", "--since", "2020", "--until", "2021")
    assert (years.exit_code, years.stdout) == (2, "")
    assert years.stderr == (
        "graphkit: --since '2020' with --until '2021' leaves no action of edge set 'essay' "
        "(its actions are dated 2023 to 2025): widen the filters\n"
    )
    # render never replaces a page with an empty one
    page = tmp_path / "page.html"
    page.write_text("earlier page")
    assert run("render", "--until", "2020", "-o", page).exit_code == 2
    assert page.read_text() == "earlier page"
    # a diff whose two sides are both emptied says so too
    assert run("diff", "essay", "essay-2025-v1", "--until", "2020").exit_code == 2


def test_an_unknown_actor_lists_the_actors_there_are(run):
    result = run("strain", "--actor", "XYZ")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "graphkit: --actor 'XYZ' is not an actor of edge set 'essay': use an actor's id or name from it ("
    )
    assert "KOR" in result.stderr


def test_the_output_files_extension_chooses_the_format_unless_format_is_given(run, tmp_path):
    as_json, as_csv, as_table = tmp_path / "s.json", tmp_path / "s.csv", tmp_path / "t.csv"
    assert run("strain", "--top", "1", "-o", as_json).exit_code == 0
    assert json.loads(as_json.read_text())[0]["actor_a"] == "KOR"
    assert run("strain", "--top", "1", "-o", as_csv).exit_code == 0
    assert as_csv.read_text().startswith("rank,actor_a,actor_b,")
    # an explicit --format wins over the name
    assert run("strain", "--top", "1", "--format", "table", "-o", as_table).exit_code == 0
    assert as_table.read_text().startswith("rank  actor_a")
