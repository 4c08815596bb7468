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


def _python(code: str, timeout: int = 120) -> str:
    """What ``code`` prints, run in a fresh interpreter (a module already imported here would hide
    what graphkit imports); it must exit 0."""
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _imported_after(code: str) -> dict[str, bool]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps({{m: m in sys.modules for m in {HEAVY!r}}}))"
    return json.loads(_python(probe, timeout=60).splitlines()[-1])


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


def test_render_does_not_load_ipython_until_a_notebook_frame_is_asked_for():
    # pyvis imports IPython at its top for show(notebook=True)'s IFrame (a tenth of a second
    # of every render): a page is built without it, and the frame is still IPython's
    code = (
        "import sys\nfrom graphkit.edgeset import load_edge_set\nfrom graphkit.render import render_html\n"
        "render_html(load_edge_set('essay'))\nassert 'IPython' not in sys.modules, 'IPython loaded'\n"
        "import pyvis.network\nframe = pyvis.network.IFrame('page.html', width=10, height=10)\n"
        "print(type(frame).__module__, type(frame).__name__)"
    )
    assert _python(code).split() == ["IPython.lib.display", "IFrame"]


def test_in_a_notebook_pyvis_keeps_ipythons_own_frame():
    code = "import IPython.display\nimport graphkit.render.network\nimport pyvis.network\n"
    code += "print(pyvis.network.IFrame is IPython.display.IFrame)"
    assert _python(code).split() == ["True"]


def test_render_defers_networkx_jsonpickle_and_wcwidth_until_used():
    # pyvis imports networkx (for from_nx) and jsonpickle (for Network.to_json), igraph imports
    # wcwidth (through texttable, for its summaries) at their top; a page uses none of them
    # (issue 24: 0.15 s of every render).
    # A large page runs igraph (layout, communities); afterwards both work when asked for.
    code = (
        "import sys\nfrom graphkit.edgeset import load_edge_set\nfrom graphkit.render import render_html\n"
        "render_html(load_edge_set('essay'), view='pairs')\nimport igraph\n"
        "igraph.Graph.Famous('petersen').community_multilevel()\n"
        # lazy: entered in sys.modules, never executed (their own submodules never imported)
        "assert not [m for m in sys.modules if m.split('.')[0] in {'networkx', 'jsonpickle', 'wcwidth'}"
        " and '.' in m], 'loaded'\n"
        "import networkx, pyvis.network, texttable\n"
        "import networkx.algorithms.centrality  # a submodule, and the package's dunders (review)\n"
        "assert networkx.__version__ and networkx.__path__\n"
        "net = pyvis.network.Network()\nnet.from_nx(networkx.path_graph(3))\n"
        'assert \'"py/object": "pyvis.network.Network"\' in net.to_json()\n'
        "table = texttable.Texttable()\ntable.add_rows([['\u6f22\u5b57']], header=False)\n"
        "line = table.draw().splitlines()[0]\n"
        # once used, texttable's wcwidth holds the real module's names itself: a lookup is an ordinary
        # one, not an import each time (review: a 20,000-row table drew six times slower)
        "assert 'wcwidth' in vars(texttable.wcwidth) and texttable.wcwidth.wcwidth is sys.modules['wcwidth'].wcwidth\n"
        "print(len(net.nodes), line)"
    )
    # two CJK characters are four columns wide (wcwidth), so the border is 4 + 2 padding dashes
    assert _python(code).split() == ["3", "+------+"]


def test_a_missing_deferred_module_leaves_its_importers_fallback_alone():
    # texttable draws without wcwidth when it cannot import it (its own try/except); a stand-in for
    # a module that is not installed turned that ImportError into a failure at the first table
    code = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'wcwidth': raise ImportError('blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import graphkit.render.network, texttable\n"
        "table = texttable.Texttable()\ntable.add_rows([['ab']], header=False)\n"
        "print(table.draw().splitlines()[0])"
    )
    assert _python(code).split() == ["+----+"]  # two characters, one column each, and 2 padding
