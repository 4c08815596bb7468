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
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    test_command = next(b for b in blocks if "pytest" in b)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.strip() in ci.splitlines()


def test_readme_examples_are_real_output():
    # the strain example in the README is what the command prints today
    from click.testing import CliRunner

    shown = CliRunner().invoke(main, ["strain", "--top", "8", "--format", "markdown"]).stdout
    assert shown in README
