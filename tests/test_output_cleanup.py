"""What an interrupted write leaves behind: nothing (issue 24, round three).

A signal while outputs are staged removes the temporary files and the folders made
for them (render's default output/ folder, import-dyads' new folder); a second signal
while that cleaning runs (Ctrl-C pressed twice) waits for it to finish.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from graphkit.io.atomic import OutputSet


def interrupted_pieces():
    """Page text whose writing is stopped by a real SIGINT after the first piece."""
    yield "<html>"
    os.kill(os.getpid(), signal.SIGINT)
    yield "</html>"


def test_a_signal_while_staging_removes_the_folders_made_for_the_output(tmp_path):
    outputs = OutputSet()
    outputs.add(tmp_path / "output" / "deeper" / "page.html", interrupted_pieces(), make_parents=True)
    with pytest.raises(KeyboardInterrupt):
        outputs.commit()
    # before: output/deeper/ stayed behind, empty, after "nothing written"
    assert list(tmp_path.iterdir()) == []


def test_folders_that_existed_or_hold_a_landed_file_stay(tmp_path):
    (tmp_path / "kept").mkdir()
    outputs = OutputSet()
    outputs.add(tmp_path / "kept" / "new" / "page.html", interrupted_pieces(), make_parents=True)
    with pytest.raises(KeyboardInterrupt):
        outputs.commit()
    assert [p.name for p in tmp_path.iterdir()] == ["kept"]
    assert list((tmp_path / "kept").iterdir()) == []


def test_a_second_signal_during_the_cleaning_leaves_no_temporary_file(tmp_path):
    outputs = OutputSet()
    outputs.add(tmp_path / "a.txt", "first output\n")
    outputs.add(tmp_path / "b.txt", interrupted_pieces())
    sent = []

    def second_signal_on_cleaning(frame, event, arg):
        # the first temporary file is about to be removed: Ctrl-C again, now
        if event == "call" and frame.f_code.co_name == "unlink" and not sent:
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)

    sys.settrace(second_signal_on_cleaning)
    try:
        with pytest.raises(KeyboardInterrupt):
            outputs.commit()
    finally:
        sys.settrace(None)
    assert sent  # the second signal came during the cleaning
    # before: the second KeyboardInterrupt stopped the cleaning and .a.txt.*.tmp stayed
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == []
