"""docs/time.md's examples are today's output: its rows.csv, run through the commands it shows."""

from __future__ import annotations

import re
from pathlib import Path

DOC = (Path(__file__).resolve().parent.parent / "docs" / "time.md").read_text(encoding="utf-8")


def test_the_examples_are_real_output(run, tmp_path, monkeypatch):
    rows = re.search(r"```csv\n(source,target,action,weight,date,date_end\n.*?)```", DOC, re.DOTALL).group(1)
    (tmp_path / "rows.csv").write_text(rows, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for command in (
        "strain rows.csv --since 2024-02 --format csv",
        "strain rows.csv --since 2024-02 --overlap --undated keep --format csv",
        "export rows.csv --panel --freq year",
    ):
        result = run(*command.split())
        assert result.exit_code == 0, result.stderr
        assert f"$ graphkit {command}\n{result.stderr}{result.stdout}" in DOC, command
    timeline = run(*["timeline", "rows.csv", "--freq", "quarter", "--format", "markdown"])
    assert f"$ graphkit timeline rows.csv --freq quarter --format markdown\n{timeline.stderr}```" in DOC
    assert timeline.stdout in DOC


def test_the_netify_example_runs_from_a_checkout(run, tmp_path, monkeypatch):
    # the doc once read 'icews.csv', a file no checkout has: the commands must run as typed
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    block = re.search(r"\$ graphkit (import-dyads .*?)\n\$ graphkit (summary .*?)\n(.*?)```", DOC, re.DOTALL)
    imported, summary, shown = block.groups()
    out = tmp_path / "matlconf"
    result = run(*imported.replace("matlconf/", str(out)).split())
    assert result.exit_code == 0, result.stderr
    result = run(*summary.replace("matlconf/", str(out)).split())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == shown
