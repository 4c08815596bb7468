"""A regular (non-editable) install carries the bundled edge sets and works from anywhere."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_install_runs_on_the_bundled_essay(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT],
        check=True,
        capture_output=True,
    )
    [wheel] = wheels.glob("graphkit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "graphkit/edges/essay/edges.csv" in names
    assert "graphkit/data/cameo.tsv" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", venv], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", wheel], check=True, capture_output=True
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [python, "-c", "import graphkit.bundled as b; print(b.bundled_dir())"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert where.startswith(str(venv)), "the installed copy, not the checkout, must answer"
    result = subprocess.run(
        [venv / "bin" / "graphkit", "strain", "--top", "1", "--format", "csv"],
        check=False,
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("1,KOR,USA,")
