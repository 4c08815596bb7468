"""`import graphkit as gk` is the whole public API, and to_pyvis is the page's builder."""

from __future__ import annotations

import json
import re
import types

import pytest

import graphkit as gk


@pytest.mark.parametrize("name", [n for n in gk.__all__ if n != "__version__"])
def test_every_public_name_is_a_function_or_class_not_a_module(name):
    value = getattr(gk, name)
    assert not isinstance(value, types.ModuleType)
    assert callable(value) or isinstance(value, type)


def test_from_graphkit_import_strain_gives_the_function():
    from graphkit import strain

    table = strain(gk.load_edge_set(), top=1)
    assert list(table.columns[:3]) == ["rank", "actor_a", "actor_b"]


def test_library_errors_name_the_parameter_not_the_flag():
    es = gk.load_edge_set()
    with pytest.raises(gk.ArgumentError, match=r"^since 'March': use YYYY") as caught:
        gk.filter_edges(es, since="March")
    assert caught.value.argument == "since"
    with pytest.raises(ValueError, match=r"^top 0: give a positive number"):
        gk.render_html(es, top=0)


def _page_data(html: str) -> dict:
    found = re.search(r'^<script type="application/json" id="page-data">(.*)</script>$', html, re.MULTILINE)
    assert found, "the page holds its data in one line: a JSON block, <script type=application/json>"
    return json.loads(found.group(1))


def test_to_pyvis_holds_the_nodes_and_edges_the_page_draws():
    es = gk.load_edge_set()
    net = gk.to_pyvis(es, top=5)
    page = _page_data(gk.render_html(es, top=5))
    assert [n["id"] for n in net.nodes] == [n["id"] for n in page["nodes"]]
    assert net.nodes == page["nodes"]
    assert net.edges == page["edges"]
    assert len(net.edges) == len({e["id"] for e in page["edges"]})
    # a notebook user's tweak reaches the page written from the Network
    net.toggle_physics(False)
    assert _page_data(net.generate_html())["options"]["physics"]["enabled"] is False
