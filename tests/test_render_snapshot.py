"""The essay's pages: their data kept (nodes, edges, options, panels), their bytes deterministic.

``tests/data/page_snapshot/*.json`` holds each page's data as graphkit hands it to the
template: the pyvis Network's nodes, edges and vis options, and the page's other parts
(title, legend, focus list, filters). It was written from the pages whose bytes matched
the sha256 digests main pinned before the page path was restructured (issue 18: the
digests of commit 6a1403c, checked on this branch before the snapshot was taken), so it
is a fixed expectation, not the current code's output. A change to the page's data
fails here naming the node, edge or option that changed; a change of pyvis or of the
page's script does not. After a deliberate change of the page, rewrite the snapshot with
``GRAPHKIT_UPDATE_SNAPSHOT=1 python -m pytest tests/test_render_snapshot.py`` and say why in
the commit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.edgeset import load_edge_set
from graphkit.render import to_pyvis

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "data" / "page_snapshot"

PAGES = {
    "default": {},
    "camp": {"color_by": "camp"},
    "domain": {"color_by": "domain"},
    "betweenness": {"size_by": "betweenness"},
    "pagerank": {"size_by": "pagerank"},
    "claim": {"unit": "claim"},
    "pairs": {"view": "pairs"},
    "top3": {"top": 3},
}


def page_data(options: dict) -> dict:
    """The page's data, as JSON would carry it to the browser."""
    net = to_pyvis(load_edge_set("essay"), **options)
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.vis_options(), "page": net.page}
    return json.loads(json.dumps(data))


def _keyed(items: list[dict], key: str) -> dict[str, dict]:
    return {str(item.get(key)): item for item in items}


def _flat(value, path: str = "") -> dict[str, object]:
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for key, item in value.items():
            out.update(_flat(item, f"{path}.{key}" if path else str(key)))
        return out
    return {path: value}


def differences(expected: dict, actual: dict) -> list[str]:
    """What changed, one line each: a node or edge added or removed, a key of one changed,
    an option or a part of the page changed."""
    lines = []
    for part, key in (("nodes", "id"), ("edges", "id")):
        old, new = _keyed(expected[part], key), _keyed(actual[part], key)
        lines += [f"{part}: {k} removed" for k in old.keys() - new.keys()]
        lines += [f"{part}: {k} added" for k in new.keys() - old.keys()]
        for k in sorted(old.keys() & new.keys()):
            a, b = _flat(old[k]), _flat(new[k])
            for field in sorted(a.keys() | b.keys()):
                if a.get(field, "<absent>") != b.get(field, "<absent>"):
                    lines.append(
                        f"{part}: {k}: {field}: {a.get(field, '<absent>')!r} -> {b.get(field, '<absent>')!r}"
                    )
        if [str(x.get(key)) for x in expected[part]] != [str(x.get(key)) for x in actual[part]]:
            lines.append(f"{part}: order changed")
    for part in ("options", "page"):
        a, b = _flat(expected[part]), _flat(actual[part])
        for field in sorted(a.keys() | b.keys()):
            if a.get(field, "<absent>") != b.get(field, "<absent>"):
                lines.append(f"{part}: {field}: {a.get(field, '<absent>')!r} -> {b.get(field, '<absent>')!r}")
    return lines


@pytest.mark.parametrize("name", list(PAGES))
def test_the_page_data_is_the_snapshot(name):
    actual = page_data(PAGES[name])
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("GRAPHKIT_UPDATE_SNAPSHOT"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert differences(expected, actual) == []


def test_differences_name_what_changed():
    # worked by hand: one node's size changed, one edge removed, one option changed
    before = {
        "nodes": [{"id": "USA", "size": 10}],
        "edges": [{"id": 0, "from": "USA", "to": "CHN"}, {"id": 1, "from": "CHN", "to": "USA"}],
        "options": {"physics": {"enabled": True}},
        "page": {"title": "t"},
    }
    after = {
        "nodes": [{"id": "USA", "size": 12}],
        "edges": [{"id": 0, "from": "USA", "to": "CHN"}],
        "options": {"physics": {"enabled": False}},
        "page": {"title": "t"},
    }
    assert differences(before, after) == [
        "nodes: USA: size: 10 -> 12",
        "edges: 1 removed",
        "edges: order changed",
        "options: physics.enabled: True -> False",
    ]


_PAGE_BYTES = (
    "import hashlib, sys\n"
    "from graphkit.edgeset import load_edge_set\n"
    "from graphkit.render import render_html\n"
    "for options in ({}, {'color_by': 'camp'}, {'view': 'pairs'}, {'unit': 'claim'}):\n"
    "    html = render_html(load_edge_set('essay'), **options)\n"
    "    print(hashlib.sha256(html.encode('utf-8')).hexdigest())\n"
)


def test_the_same_input_gives_the_same_bytes_under_any_hash_seed():
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", _PAGE_BYTES], capture_output=True, text=True, env=env, cwd=ROOT, check=True
        )
        runs.append(result.stdout)
    assert runs[0] == runs[1]
    assert len(runs[0].split()) == 4
