"""Progress: stages reported to a callable; on stderr only when it is a terminal, never with --quiet."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys

import pytest
from click.testing import CliRunner

from graphkit.analysis.centrality_alg import centrality
from graphkit.cli import main
from graphkit.edgeset import load_edge_set
from graphkit.io.progress import StderrProgress


def test_library_reports_stages_to_the_callable_and_prints_nothing(capsys):
    messages: list[str] = []
    edge_set = load_edge_set("essay", progress=messages.append)
    centrality(edge_set, progress=messages.append)
    assert messages[0].startswith("reading ") and messages[0].endswith("edges.csv (0.0 MB)")
    assert messages[1] == "validating 33 rows"  # edges/essay/edges.csv has 33 rows
    assert "betweenness" in messages
    assert capsys.readouterr() == ("", "")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_reporter_writes_only_to_a_terminal():
    pipe, terminal = io.StringIO(), _Terminal()
    StderrProgress(pipe)("reading")
    StderrProgress(terminal)("reading")
    StderrProgress(_Terminal(), enabled=False)("reading")
    assert pipe.getvalue() == ""
    assert terminal.getvalue().startswith("graphkit: [") and terminal.getvalue().endswith("s] reading\n")


def test_cli_under_runner_has_no_progress_lines():
    result = CliRunner().invoke(main, ["centrality", "--format", "csv"])
    assert result.exit_code == 0
    # the essay's star earns a warning; no progress line
    assert all(line.startswith("graphkit: warning: ") for line in result.stderr.splitlines())


def _stderr_on_a_terminal(args: list[str]) -> tuple[str, str]:
    """Run graphkit with stderr on a real pseudo-terminal; return (stdout, stderr)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-c", "from graphkit.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=follower,
        stdin=subprocess.DEVNULL,
    )
    os.close(follower)
    stdout = process.stdout.read()
    process.wait(timeout=60)
    chunks = []
    while select.select([leader], [], [], 0.2)[0]:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return stdout.decode(), b"".join(chunks).decode().replace("\r\n", "\n")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses a Linux pseudo-terminal")
def test_cli_on_a_terminal_shows_progress_unless_quiet():
    out, err = _stderr_on_a_terminal(["centrality", "--format", "csv"])
    assert out.startswith("actor,name,")
    assert "] validating 33 rows\n" in err and "] betweenness\n" in err
    # progress lines, and the warning about the essay's star (docs/method.md), which --quiet keeps
    progress = [line for line in err.splitlines() if not line.startswith("graphkit: warning: ")]
    assert all(line.startswith("graphkit: [") for line in progress)
    # one clock for the whole command: loading and centrality share it
    elapsed = [float(line.split("[", 1)[1].split("s]", 1)[0]) for line in progress]
    assert elapsed == sorted(elapsed) and len(elapsed) >= 5

    quiet_out, quiet_err = _stderr_on_a_terminal(["--quiet", "centrality", "--format", "csv"])
    assert quiet_out == out
    assert quiet_err.startswith("graphkit: warning: the hostile layer is a star around USA")
    assert len(quiet_err.splitlines()) == 1
