"""Start-up cost: the CLI and `graphkit --help` import no heavy library (timings are in tests/bench)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = [
    "pandas",
    "numpy",
    "networkx",
    "pyvis",
    "pyarrow",
    "scipy",
    "igraph",
    "dask",
    "distributed",
    "pycountry",
]


def _imported_after(code: str) -> dict[str, bool]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))"
    result = subprocess.run(
        [sys.executable, "-c", probe], check=False, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    "code",
    [
        "import graphkit.cli",
        "import graphkit, graphkit.io.progress",
        "from graphkit.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass",
        "from graphkit.cli import main\ntry:\n    main(['strain', '--help'])\nexcept SystemExit:\n    pass",
    ],
    ids=["import-cli", "import-package", "help", "strain-help"],
)
def test_nothing_heavy_is_imported(code):
    imported = _imported_after(code)
    assert [m for m, present in imported.items() if present] == []


def test_the_probe_sees_heavy_imports():
    # the check above would pass vacuously if the probe could not see a module being imported
    assert _imported_after("import graphkit.analysis.strain_alg")["pandas"] is True


def test_strain_does_not_load_the_graph_or_dask_libraries():
    code = "from graphkit.cli import main\ntry:\n    main(['strain', '--top', '1'])\nexcept SystemExit:\n    pass"
    imported = _imported_after(code)
    assert imported["pandas"] is True
    assert not any(imported[m] for m in ("networkx", "pyvis", "igraph", "dask", "distributed", "scipy"))
