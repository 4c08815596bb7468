"""Outputs under stress (issue 24): signals on any thread during the renames, short
writes and a pipe closed mid-write, init and extract's drafts whole or not at all, the
message after a signal telling what was written; what reaches a terminal or a
spreadsheet (escapes, --safe-csv), and -o's extension choosing the format."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GDELT_SAMPLE = ROOT / "tests" / "data" / "gdelt1_sample_events.tsv"


def python(*args, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **kwargs.pop("env", {})}
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, check=False, **kwargs)


# A SIGTERM sent to another thread while the first of two renames is done: the kernel
# delivers it to a thread that does not hold it, and Python runs the handler on the
# main thread at once (before: mid-way, one file new, one old, "nothing written").
SIGNAL_ON_A_WORKER = """
import os, signal, sys, threading, time
from graphkit.io import atomic
stop = threading.Event()
worker = threading.Thread(target=stop.wait, daemon=True)
worker.start()
real, calls = os.replace, []
def replace(src, dst):
    real(src, dst)
    calls.append(dst)
    if len(calls) == 1:
        signal.pthread_kill(worker.ident, signal.SIGTERM)
        time.sleep(0.3)
atomic.os.replace = replace
"""


def test_a_signal_on_another_thread_during_the_renames_waits_for_them(tmp_path):
    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text("old one\n")
    two.write_text("old two\n")
    script = SIGNAL_ON_A_WORKER + (
        "class Stop(BaseException): pass\n"
        "def handler(signum, frame): raise Stop()\n"
        "signal.signal(signal.SIGTERM, handler)\n"
        "out = atomic.OutputSet()\n"
        "out.add(sys.argv[1], 'new one\\n'); out.add(sys.argv[2], 'new two\\n')\n"
        "try:\n"
        "    out.commit()\n"
        "except Stop:\n"
        "    print('stopped:', out.written_text())\n"
    )
    done = python("-c", script, str(one), str(two))
    assert done.returncode == 0, done.stderr
    # the signal is acted on once both renames are done, and the set says so
    assert one.read_text() == "new one\n" and two.read_text() == "new two\n"
    assert done.stdout.decode().strip() == f"stopped: wrote {one} and {two}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.txt", "two.txt"]


def big_edges(tmp_path: Path, rows: int = 40_000) -> Path:
    path = tmp_path / "big.csv"
    lines = ["source,target,action,weight"]
    lines += [f"A{i},B{i},tariff,-4" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_unbuffered_output_closed_after_the_first_line_exits_141(tmp_path):
    # python -u: standard output is a raw file; a pipe whose reader leaves mid-write
    # takes part of a write and returns its count (before: ignored, exit 0, output lost)
    edges = big_edges(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "graphkit.cli", "export", str(edges), "--format", "csv"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    first = process.stdout.readline()  # as `| head -1`: read one line, then leave
    process.stdout.close()
    stderr = process.stderr.read()
    assert first.startswith(b"source,target") or first  # something was read before closing
    assert process.wait() == 141, stderr
    assert stderr == b""


def test_a_short_write_is_finished(tmp_path):
    from graphkit.io.atomic import write_all

    class Stingy:
        """A raw stream that takes at most 7 bytes a call, and sometimes none yet."""

        def __init__(self, fd):
            self.data, self.calls, self.fd = bytearray(), 0, fd

        def fileno(self):
            return self.fd  # an empty pipe's writing end: always ready for more

        def write(self, piece):
            self.calls += 1
            if self.calls % 3 == 0:
                return None
            taken = bytes(piece[:7])
            self.data += taken
            return len(taken)

    read_end, write_end = os.pipe()
    try:
        stream = Stingy(write_end)
        payload = bytes(range(256)) * 40
        write_all(stream, payload)
        assert bytes(stream.data) == payload
    finally:
        os.close(read_end)
        os.close(write_end)


INIT_KILLED_ON_THE_SECOND_FILE = """
import os, pathlib, signal, sys
from graphkit.cli import main
real, calls = pathlib.Path.read_bytes, []
def read_bytes(self):
    data = real(self)
    if self.parent.name == "starter":
        calls.append(self.name)
        if len(calls) == 2:
            os.kill(os.getpid(), signal.SIGTERM)
    return data
pathlib.Path.read_bytes = read_bytes
main(sys.argv[1:])
"""


def test_init_stopped_by_sigterm_leaves_nothing_and_can_run_again(tmp_path):
    folder = tmp_path / "mine"
    done = python("-c", INIT_KILLED_ON_THE_SECOND_FILE, "init", str(folder))
    assert done.returncode == 128 + 15
    assert done.stderr == b"graphkit: stopped by signal 15: nothing written\n"
    assert not folder.exists() or list(folder.iterdir()) == []  # before: a starter half-written
    again = python("-m", "graphkit.cli", "init", str(folder))
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in folder.iterdir()) == [
        "actors.csv",
        "description.txt",
        "edges.csv",
        "source.txt",
    ]


def test_the_signal_message_says_what_diff_wrote(tmp_path):
    # the command line's handler raises; held back until both renames are done, the
    # message names both files (before: one new, one old, and "nothing written")
    report, page = tmp_path / "report.txt", tmp_path / "page.html"
    report.write_text("old report\n")
    page.write_text("old page\n")
    script = SIGNAL_ON_A_WORKER + "from graphkit.cli import main\nmain(sys.argv[1:])\n"
    done = python("-c", script, "diff", "essay", "essay-recoded", "-o", str(report), "--html", str(page))
    assert done.returncode == 128 + 15
    # after the warnings about actor ids the two codings name alike (--alias), the one message
    assert (
        done.stderr.decode().splitlines()[-1] == f"graphkit: stopped by signal 15: wrote {report} and {page}"
    )
    assert report.read_text() != "old report\n" and page.read_text() != "old page\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html", "report.txt"]


def test_the_signal_message_says_the_one_output_was_written(tmp_path):
    edges = tmp_path / "in.csv"
    edges.write_text("source,target,action,weight\nUSA,CAN,tariff,-4\n")
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    script = SIGNAL_ON_A_WORKER + "from graphkit.cli import main\nmain(sys.argv[1:])\n"
    done = python("-c", script, "strain", str(edges), "-o", str(out))
    assert done.returncode == 128 + 15
    assert done.stderr.decode() == f"graphkit: stopped by signal 15: wrote {out}\n"
    assert out.read_text().startswith("rank")


def test_the_draft_folder_honours_the_umask(tmp_path):
    import stat

    text = tmp_path / "article.txt"
    text.write_text("The United States imposed tariffs on Canada.\n")
    draft = tmp_path / "draft"
    script = "import os, sys\nos.umask(0o077)\nfrom graphkit.cli import main\nmain(sys.argv[1:])\n"
    done = python("-c", script, "extract", str(text), "-o", str(draft))
    assert done.returncode == 0, done.stderr
    # umask 077: a private folder and private files (before: the folder was always 0755)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in draft.iterdir()} == {0o600}


def test_safe_csv_leaves_numbers_written_as_text_alone():
    import pandas as pd

    from graphkit.io.formatting import format_frame

    # a column of strings (as import-gdelt writes): "-5.0" and "+3" are numbers to a
    # spreadsheet and stay; "=1+1", "-x", "@a" and "+" are formulas and get the '
    frame = pd.DataFrame({"cell": ["-5.0", "+3", "-1e-3", ".5", "=1+1", "-x", "@a", "+", "-"]})
    assert format_frame(frame, "csv", safe_csv=True).splitlines() == [
        "cell",
        "-5.0",
        "+3",
        "-1e-3",
        ".5",
        "'=1+1",
        "'-x",
        "'@a",
        "'+",
        "'-",
    ]


def test_import_gdelt_safe_csv_keeps_negative_weights(tmp_path):
    done = python("-m", "graphkit.cli", "import-gdelt", str(GDELT_SAMPLE), "--safe-csv")
    assert done.returncode == 0, done.stderr
    weights = [line.split(",")[4] for line in done.stdout.decode().splitlines()[1:]]
    assert any(w.startswith("-") for w in weights)  # the sample has hostile events
    assert not any(w.startswith("'") for w in weights)


def test_no_terminal_escape_from_a_folder_name_reaches_the_terminal(tmp_path):
    # a folder named with an escape sequence that would set the terminal's title
    evil = tmp_path / "set\x1b]0;owned\x07"
    init = python("-m", "graphkit.cli", "init", str(evil))
    assert init.returncode == 0, init.stderr
    shown = str(evil).replace("\x1b", "\\x1b").replace("\x07", "\\x07")
    assert b"\x1b" not in init.stderr and b"\x07" not in init.stderr
    assert f"wrote {shown}/source.txt" in init.stderr.decode()
    balance = python("-m", "graphkit.cli", "balance", str(evil))
    assert balance.returncode == 0, balance.stderr
    assert (
        b"\x1b" not in balance.stdout and "graphkit balance: set\\x1b]0;owned\\x07" in balance.stdout.decode()
    )
    render = python("-m", "graphkit.cli", "render", str(evil), "-o", str(tmp_path / "page\x1b[2J.html"))
    assert render.returncode == 0, render.stderr
    assert b"\x1b" not in render.stdout + render.stderr
    assert render.stdout.decode().strip() == str(tmp_path / "page\\x1b[2J.html")
    text = tmp_path / "article.txt"
    text.write_text("Alpha imposed tariffs on Beta.\n")
    extract = python("-m", "graphkit.cli", "extract", str(text), "-o", str(tmp_path / "draft\x1b[31m"))
    assert b"\x1b" not in extract.stderr, extract.stderr


def test_export_writes_what_the_file_name_says_or_refuses(tmp_path):
    out = tmp_path / "x.gexf"
    done = python("-m", "graphkit.cli", "export", "essay", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert b"<gexf" in out.read_bytes()[:400]  # before: GraphML in a .gexf file
    # -o x.graphml without --format: GraphML, as before
    graphml = tmp_path / "x.graphml"
    assert python("-m", "graphkit.cli", "export", "essay", "-o", str(graphml)).returncode == 0
    assert b"<graphml" in graphml.read_bytes()[:400]
