"""graphkit init: a starter edge set that validates, shows the format's three ways to weigh, and never overwrites."""

from __future__ import annotations

from click.testing import CliRunner

import graphkit as gk
from graphkit.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_starter_validates_and_shows_each_way_to_weigh(tmp_path):
    written = gk.write_starter(tmp_path / "mine")
    assert [p.name for p in written] == ["source.txt", "edges.csv", "actors.csv", "description.txt"]
    assert gk.validate_edge_set(tmp_path / "mine") == []
    edges = gk.load_edge_set(tmp_path / "mine").edges.set_index("id")
    # e1: taxonomy action, weight from the taxonomy (tariff: CAMEO 163, -8.0)
    assert (edges.at["e1", "action"], edges.at["e1", "weight"]) == ("tariff", -8.0)
    # e2: its own weight -4.5 (the taxonomy's retaliation is CAMEO 163, -8.0)
    assert (edges.at["e2", "action"], edges.at["e2", "weight"]) == ("retaliation", -4.5)
    # e4: outside the taxonomy, weighed by its CAMEO code 040 (Consult, Goldstein +1.0)
    assert (edges.at["e4", "action"], edges.at["e4", "cameo"], edges.at["e4", "weight"]) == (
        "talks",
        "040",
        1.0,
    )
    assert "talks" not in set(gk.taxonomy()["action"])
    # strain CAN-USA = 8.0 + 4.5 = 12.5; MEX-USA = 2 (criticism), cooperation 1 (talks)
    table = gk.strain(gk.load_edge_set(tmp_path / "mine"))
    assert table[["actor_a", "actor_b", "strain", "cooperation"]].values.tolist() == [
        ["CAN", "USA", 12.5, 0.0],
        ["MEX", "USA", 2.0, 1.0],
    ]


def test_init_writes_and_says_what_to_edit_next(tmp_path):
    result = run("init", tmp_path / "mine")
    assert result.exit_code == 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[:4] == [
        f"wrote {tmp_path / 'mine' / name}"
        for name in ("source.txt", "edges.csv", "actors.csv", "description.txt")
    ]
    assert lines[4] == "next:"
    assert f"graphkit validate {tmp_path / 'mine'}" in result.stderr
    assert run("validate", tmp_path / "mine").exit_code == 0


def test_init_refuses_to_overwrite_anything(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "edges.csv").write_text("mine")
    result = run("init", folder)
    assert result.exit_code == 2
    assert result.stderr == (
        f"graphkit: {folder / 'edges.csv'} exists: graphkit init never overwrites a file; choose a new folder\n"
    )
    assert (folder / "edges.csv").read_text() == "mine"
    assert sorted(p.name for p in folder.iterdir()) == ["edges.csv"]  # nothing else written either


def test_init_refuses_a_file(tmp_path):
    path = tmp_path / "file"
    path.write_text("x")
    result = run("init", path)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("graphkit: cannot write")
    assert path.read_text() == "x"


def test_init_into_an_existing_folder_with_other_files(tmp_path):
    (tmp_path / "notes.md").write_text("kept")
    assert run("init", tmp_path).exit_code == 0
    assert (tmp_path / "notes.md").read_text() == "kept"
    assert gk.validate_edge_set(tmp_path) == []
