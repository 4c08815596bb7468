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


def setup_commands() -> list[str]:
    """The README's set-up commands: the shell blocks of its set-up section."""
    section = README[README.index("## Set-up") :]
    section = section[: section.index("\n## ", 1)]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)]


def test_the_readme_has_two_one_line_setup_commands_in_a_venv():
    commands = setup_commands()
    assert len(commands) == 2
    assert all("\n" not in c and c.startswith("python3 -m venv .venv && ") for c in commands)
    assert "graphkit render" in commands[0] and "pytest" in commands[1]


def test_ci_runs_the_readme_commands_in_a_fresh_venv():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "set -euo pipefail" in ci[:5]  # any failure (pytest's exit 5 too) fails CI
    positions = [ci.index(command) for command in setup_commands()]  # exactly as written
    assert positions == sorted(positions)
    assert ci.index("rm -rf .venv") < positions[0]
    linters = [".venv/bin/ruff check", ".venv/bin/ruff format --check", ".venv/bin/mypy graphkit"]
    assert all(ci.index(line) > positions[-1] for line in linters)
    assert not any("|| true" in line for line in ci)


def _cli(*args):
    from click.testing import CliRunner

    return CliRunner().invoke(main, list(args))


def test_readme_examples_are_real_output(tmp_path, monkeypatch):
    # the examples in the README are what the commands print today
    assert _cli("strain", "--top", "8", "--format", "markdown").stdout in README
    centrality_head = "".join(_cli("centrality", "--format", "markdown").stdout.splitlines(keepends=True)[:5])
    assert centrality_head in README
    assert _cli("diff", "essay", "essay-recoded").stdout.strip() in README
    diff_csv_head = "".join(
        _cli("diff", "essay", "essay-recoded", "--format", "csv").stdout.splitlines(keepends=True)[:6]
    )
    assert diff_csv_head in README
    monkeypatch.chdir(tmp_path)
    sample = str(ROOT / "tests" / "data" / "gdelt1_sample_events.tsv")
    assert _cli("import-gdelt", sample, "-o", "gdelt-sample.csv").stderr in README
