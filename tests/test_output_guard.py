"""Outputs never replace an input, and a command that cannot write every output writes none."""

from __future__ import annotations

import os
from pathlib import Path


def test_an_output_never_replaces_an_input(run, write_csv):
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


def test_an_output_never_replaces_a_file_of_an_input_folder(run, write_csv):
    edges = write_csv("source,target,action\nUSA,CAN,tariff\n", "set/edges.csv")
    actors = write_csv("id,name\nUSA,US\nCAN,Canada\n", "set/actors.csv")
    result = run("strain", edges.parent, "-o", actors)
    assert result.exit_code == 2
    assert actors.read_text() == "id,name\nUSA,US\nCAN,Canada\n"


def test_import_gdelt_never_replaces_its_input(run, tmp_path):
    sample = tmp_path / "events.tsv"
    source = (os.path.dirname(__file__), "data", "gdelt1_sample_events.tsv")
    original = Path(os.path.join(*source)).read_bytes()
    sample.write_bytes(original)
    result = run("import-gdelt", sample, "-o", sample)
    assert result.exit_code == 2
    assert sample.read_bytes() == original


def test_diff_writes_nothing_when_the_page_cannot_be_written(run, tmp_path):
    report = tmp_path / "report.txt"
    result = run("diff", "essay", "essay-recoded", "-o", report, "--html", tmp_path / "missing" / "d.html")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not report.exists()
    assert result.stdout == ""


def test_the_files_beside_an_edges_csv_are_inputs_too(run, write_csv):
    edges = write_csv("source,target,action\nUSA,CAN,tariff\n", "set/edges.csv")
    actors = write_csv("id,name\nUSA,US\nCAN,Canada\n", "set/actors.csv")
    result = run("strain", edges, "-o", actors)
    assert result.exit_code == 2
    assert actors.read_text() == "id,name\nUSA,US\nCAN,Canada\n"


def test_diff_refuses_one_path_for_report_and_page_and_a_folder_as_page(run, tmp_path):
    same = tmp_path / "same.out"
    result = run("diff", "essay", "essay-recoded", "-o", same, "--html", same)
    assert result.exit_code == 2 and "give the page its own path" in result.stderr
    assert not same.exists()
    result = run("diff", "essay", "essay-recoded", "-o", tmp_path / "r.txt", "--html", tmp_path)
    assert result.exit_code == 2 and "it is a folder" in result.stderr
    assert not (tmp_path / "r.txt").exists()
