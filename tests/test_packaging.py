"""A regular (non-editable) install carries the bundled edge sets and works from anywhere.

The wheel goes into a venv of its own, without the running interpreter's
packages: its dependencies come from the package index this machine's pip uses
(pip's cache makes that quick), as they would for a user. So the test means the
same whether pytest itself runs in a venv or in a global interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# a PYTHONPATH pointing at the checkout (as in a development shell) would let the
# checkout answer for the installed copy
CLEAN_ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}


def _run(*args, **kwargs):
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, check=False, env=CLEAN_ENV, **kwargs
    )
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result


def test_wheel_install_runs_on_the_bundled_essay(tmp_path):
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", wheels, ROOT)
    [wheel] = wheels.glob("graphkit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "graphkit/edges/essay/edges.csv" in names
    assert "graphkit/data/cameo.tsv" in names
    # the page is built from the template and its script, both package data
    assert {"graphkit/render/template.html", "graphkit/render/page.js"} <= set(names)

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)  # no --system-site-packages: nothing inherited
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "-q", wheel)  # with its dependencies, resolved by pip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(python, "-c", "import graphkit.bundled as b; print(b.bundled_dir())", cwd=elsewhere)
    assert where.stdout.strip().startswith(str(venv)), "the installed copy, not the checkout, must answer"
    result = _run(venv / "bin" / "graphkit", "strain", "--top", "1", "--format", "csv", cwd=elsewhere)
    assert result.stdout.splitlines()[1].startswith("1,KOR,USA,")
