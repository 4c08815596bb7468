"""The README documents every command, and its set-up commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from graphkit.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    missing = [name for name in main.commands if f"graphkit {name}" not in README]
    assert missing == []


def test_every_command_has_help_with_an_example():
    for name, command in main.commands.items():
        assert command.help and "Example:" in command.help, name


def test_ci_runs_the_readme_test_command():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.DOTALL)
    test_command = next(b for b in blocks if "pytest" in b)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.strip() in ci.splitlines()


def _cli(*args):
    from click.testing import CliRunner

    return CliRunner().invoke(main, list(args))


def test_readme_examples_are_real_output(tmp_path, monkeypatch):
    # the examples in the README are what the commands print today
    assert _cli("strain", "--top", "8", "--format", "markdown").stdout in README
    centrality_head = "".join(_cli("centrality", "--format", "markdown").stdout.splitlines(keepends=True)[:5])
    assert centrality_head in README
    # essay-recoded is a second coding of the essay's first coding, kept as essay-2025-v1
    assert _cli("diff", "essay-2025-v1", "essay-recoded").stdout.strip() in README
    diff_csv = _cli("diff", "essay-2025-v1", "essay-recoded", "--format", "csv").stdout
    diff_csv_head = "".join(diff_csv.splitlines(keepends=True)[:6])
    assert diff_csv_head in README
    monkeypatch.chdir(tmp_path)
    sample = str(ROOT / "tests" / "data" / "gdelt1_sample_events.tsv")
    assert _cli("import-gdelt", sample, "-o", "gdelt-sample.csv").stderr in README
