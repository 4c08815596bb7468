"""How graphkit writes its outputs (issue 15, section 1): regular files replaced
whole, devices and FIFOs written into, symlinks followed, permissions kept, inputs
never replaced, all outputs of a command or none, nothing left behind by a signal,
and a failing standard output reported in one line.

Special files are made here, in tmp_path, never on the system's own devices.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.io import atomic

ROOT = Path(__file__).resolve().parent.parent
EDGES = "source,target,action,weight\nUSA,CAN,tariff,-4\n"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def graphkit(*args, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "graphkit.cli", *map(str, args)],
        env=env,
        stderr=subprocess.PIPE,
        check=False,
        **kwargs,
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def make_device(path: Path, minor: int) -> None:
    """A copy of /dev/null (minor 3) or /dev/full (minor 7) at ``path``; needs root."""
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    except PermissionError:
        pytest.skip("mknod needs root (CAP_MKNOD)")


@pytest.fixture
def edges(tmp_path) -> Path:
    path = tmp_path / "in.csv"
    path.write_text(EDGES)
    return path


def test_a_character_device_is_written_into_not_replaced(tmp_path, edges):
    null = tmp_path / "null"
    make_device(null, 3)
    result = run("strain", edges, "-o", null)
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(null.lstat().st_mode)
    full = tmp_path / "full"
    make_device(full, 7)
    result = run("strain", edges, "-o", full)
    assert result.exit_code == 2
    assert result.stderr == f"graphkit: cannot write {full}: No space left on device\n"
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_a_fifo_is_written_into(tmp_path, edges):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("strain", edges, "-o", fifo, "--format", "csv")
    reader.join(timeout=30)
    assert result.exit_code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received[0].startswith(b"rank,actor_a,actor_b")


def test_a_symlink_is_followed_to_its_file(tmp_path, edges):
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target.name)
    assert run("strain", edges, "-o", link, "--format", "csv").exit_code == 0
    assert link.is_symlink()
    assert target.read_text().startswith("rank,")
    dangling = tmp_path / "dangling.csv"
    dangling.symlink_to("made.csv")  # as the shell's > does, the file it names is created
    assert run("strain", edges, "-o", dangling, "--format", "csv").exit_code == 0
    assert dangling.is_symlink() and (tmp_path / "made.csv").read_text().startswith("rank,")


def test_an_existing_file_keeps_its_permissions_and_a_new_one_follows_the_umask(tmp_path, edges):
    private = tmp_path / "private.csv"
    private.write_text("old\n")
    private.chmod(0o600)
    assert run("strain", edges, "-o", private).exit_code == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    old_mask = os.umask(0o027)
    try:
        assert run("strain", edges, "-o", tmp_path / "new.csv").exit_code == 0
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o640  # 0o666 & ~0o027


@pytest.mark.parametrize("name", ["actors.csv", "source.txt", "description.txt", "edges.csv"])
def test_no_output_becomes_a_file_of_an_input_set(tmp_path, name):
    folder = tmp_path / "myset"
    folder.mkdir()
    (folder / "edges.csv").write_text(EDGES)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = run("centrality", folder, "-o", folder / name)
    assert result.exit_code == 2
    if name == "edges.csv":
        assert "it is one of this command's inputs" in result.stderr
    else:
        # the error is the last line (the set's 2 actors earn centrality's warning first)
        assert result.stderr.splitlines()[-1] == (
            f"graphkit: cannot write {folder / name}: graphkit reads {name} as part of the input "
            f"edge set {folder}; choose another path"
        )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    # any other file in the set's folder is an ordinary output
    assert run("centrality", folder, "-o", folder / "centrality.txt").exit_code == 0


def test_a_failure_while_writing_leaves_every_output_as_it_was(tmp_path, monkeypatch):
    report, page = tmp_path / "report.txt", tmp_path / "page.html"
    report.write_text("old report\n")
    real_fsync, calls = os.fsync, []

    def full_disk_on_the_second_file(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", full_disk_on_the_second_file)
    result = run("diff", "essay", "essay-recoded", "-o", report, "--html", page)
    assert result.exit_code == 2
    # after the warnings about actor ids the two codings name alike (--alias), the one error
    assert result.stderr.splitlines()[-1] == f"graphkit: cannot write {page}: No space left on device"
    assert report.read_text() == "old report\n" and not page.exists()
    assert leftovers(tmp_path) == []


def test_a_rename_failing_midway_puts_the_earlier_outputs_back(tmp_path, monkeypatch):
    report, page = tmp_path / "report.txt", tmp_path / "page.html"
    report.write_text("old report\n")
    page.write_text("old page\n")
    real_replace, calls = os.replace, []

    def fail_second(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", fail_second)
    result = run("diff", "essay", "essay-recoded", "-o", report, "--html", page)
    assert result.exit_code == 2
    assert report.read_text() == "old report\n" and page.read_text() == "old page\n"
    assert leftovers(tmp_path) == []


def test_a_signal_while_writing_removes_the_temporary_file(tmp_path, edges):
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    script = (
        "import os, signal, sys\n"
        "from graphkit.io import atomic\n"
        "from graphkit.cli import main\n"
        "real = os.fsync\n"
        "def killed(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(fd)\n"
        "atomic.os.fsync = killed\n"
        "main(sys.argv[1:])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, "strain", str(edges), "-o", str(target)],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 128 + 15
    assert done.stderr == b"graphkit: stopped by signal 15: nothing written\n"
    assert target.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_a_long_legal_name_is_written(tmp_path, edges):
    name = "x" * 251 + ".csv"  # 255 bytes: the longest name; its temporary name is hashed
    assert run("strain", edges, "-o", tmp_path / name).exit_code == 0
    assert (tmp_path / name).read_text().startswith("rank")


def test_empty_and_folder_paths_are_refused_clearly(tmp_path, edges):
    result = run("strain", edges, "-o", "")
    assert result.exit_code == 2
    assert result.stderr == "graphkit: --output is empty: give a file name, or - for standard output\n"
    result = run("strain", edges, "-o", f"{tmp_path}/new/")
    assert result.exit_code == 2
    assert result.stderr == (
        f"graphkit: cannot write {tmp_path}/new/: it names a folder; give a file name such as "
        f"{tmp_path}/new/output.txt\n"
    )
    assert not (tmp_path / "new").exists()


def test_a_full_standard_output_is_one_line_and_a_closed_pipe_is_quiet(tmp_path, edges):
    full = tmp_path / "full"
    make_device(full, 7)
    with open(full, "wb") as stdout:
        done = graphkit("strain", edges, stdout=stdout)
    assert done.returncode == 2
    assert done.stderr == b"graphkit: cannot write standard output: No space left on device\n"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "graphkit.cli", "strain", str(edges)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader leaves before graphkit writes (as `| head -0` does)
    stderr = process.stderr.read()
    # Unix tools die of SIGPIPE without a word; a shell shows 128 + 13
    assert process.wait() == 141
    assert stderr == b""


def test_an_unexpected_exception_is_one_line_unless_debugging(edges, monkeypatch):
    from graphkit.analysis import strain_alg

    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(strain_alg, "strain", broken)
    result = run("strain", edges)
    assert result.exit_code == 3
    assert result.stderr == (
        "graphkit: internal error: RuntimeError: boom (run with GRAPHKIT_DEBUG=1 or --debug for the "
        "traceback; please report it)\n"
    )
    result = run("--debug", "strain", edges)
    assert isinstance(result.exception, RuntimeError)
    monkeypatch.setenv("GRAPHKIT_DEBUG", "1")
    assert isinstance(run("strain", edges).exception, RuntimeError)


def test_render_reports_an_output_folder_it_cannot_make(tmp_path, edges, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("output").write_text("a file, not a folder\n")
    result = run("render", edges)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"graphkit: cannot write output/in.html: {tmp_path}/output is not a folder; choose another path\n"
    )
    Path("output").unlink()
    Path("output").symlink_to("nowhere")
    result = run("render", edges)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "graphkit: cannot write output/in.html: output is a broken symlink; fix or remove it\n"
    )


def test_render_reports_an_output_folder_it_cannot_create(tmp_path, edges, monkeypatch):
    import pathlib

    monkeypatch.chdir(tmp_path)

    def read_only(self, *args, **kwargs):  # as root no folder is read-only: fail where the OS would
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "mkdir", read_only)
    result = run("render", edges)
    assert result.exit_code == 2
    assert result.stderr == "graphkit: cannot write output/in.html: Permission denied\n"
    assert not Path("output").exists() and leftovers(tmp_path) == []


def test_a_link_to_standard_output_writes_into_the_pipe(tmp_path, edges):
    # as -o /dev/stdout does; made in tmp_path, so that a regression replaces only this link
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")  # resolves to "pipe:[...]", which is no path
    done = graphkit("strain", edges, "--format", "csv", "-o", link)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"rank,actor_a,actor_b")
    assert link.is_symlink()


def test_extract_writes_a_draft_folder_with_a_long_legal_name(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("The United States imposed sanctions on Iran. China criticised Japan.\n")
    folder = tmp_path / ("d" * 250)  # its staging folder's name is hashed to stay within 255 bytes
    result = run("extract", text, "-o", folder)
    assert result.exit_code == 0, result.stderr
    assert (folder / "edges.csv").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
