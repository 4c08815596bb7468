"""Every command's --help example runs as printed, in a fresh folder (a newcomer's first try)."""

from __future__ import annotations

import shlex

from click.testing import CliRunner

from graphkit.cli import main

# examples that name a file the user brings (a text, an event export, their own coding)
NEEDS_A_USERS_FILE = {"extract", "import-dyads", "import-gdelt", "score", "validate", "verify"}


def _example(command) -> list[str]:
    line = next(line for line in command.help.splitlines() if line.strip().startswith("Example:"))
    words = shlex.split(line.split("Example:", 1)[1])
    assert words[0] == "graphkit", line
    return words[1:]


def test_every_help_example_runs_in_a_fresh_folder(tmp_path, monkeypatch):
    # 'render --top 10 -o output/essay-top10.html' and two others wrote into a folder only a
    # plain 'graphkit render' creates: copied into a fresh folder, they stopped at "create it first"
    monkeypatch.chdir(tmp_path)
    ran = []
    for name, command in sorted(main.commands.items()):
        if name in NEEDS_A_USERS_FILE:
            continue
        args = _example(command)
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, (args, result.stderr)
        ran.append(name)
    # a new command's example is run unless it is listed above
    assert sorted(ran + sorted(NEEDS_A_USERS_FILE)) == sorted(main.commands)
