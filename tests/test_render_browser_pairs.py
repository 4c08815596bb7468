"""Large pages in a real browser: the pair view, Python's layout, community colours."""

from __future__ import annotations

import pytest

from graphkit.edgeset import load_edge_set
from graphkit.render import render_html

from .test_render_browser import Opened

pytestmark = pytest.mark.browser

RING = 200  # actors A000..A199, each straining the next with 8 criticisms of weight -2


@pytest.fixture
def open_page(browser):
    opened: list[Opened] = []

    def open_(path) -> Opened:
        opened.append(Opened(browser, path))
        return opened[-1]

    yield open_
    for page in opened:
        page.close()


@pytest.fixture
def ring_set(write_csv):
    rows = ["source,target,action,weight,date,quote"]
    for i in range(RING):
        for k in range(8):
            rows.append(f"A{i:03d},A{(i + 1) % RING:03d},criticism,-2,2021-01-{k + 1:02d},ring {i} {k}")
    # X-Y: strain 10 + 9 = 19, more than any ring pair (8 x 2 = 16); cooperation 2
    rows += [
        "X,Y,attack,-10,2022-05-01,the big one",
        "Y,X,threat,-9,2022-05-02,the second",
        "X,Y,aid,2,2022-05-03,a thaw",
    ]
    return load_edge_set(write_csv("\n".join(rows) + "\n"))  # 1,603 actions: above 1,500


@pytest.fixture
def ring_page(tmp_path, ring_set):
    def write(view: str):
        path = tmp_path / f"ring-{view}.html"
        path.write_text(render_html(ring_set, view=view), encoding="utf-8")
        return path

    return write


def test_pair_view_draws_one_line_per_relationship(open_page, ring_page, ring_set):
    html = ring_page("auto").read_text(encoding="utf-8")
    assert html == render_html(ring_set, view="pairs")  # auto: 1,603 actions draw pairs
    page = open_page(ring_page("auto"))
    # 202 actors; 200 ring relationships and X-Y
    assert page.drawn() == (202, 201)
    assert page.errors == []
    assert page.js("network.physics.options.enabled") is False
    page.page.wait_for_timeout(300)
    assert page.requests == [page.url] and page.blocked == []


def test_pair_tooltip_lists_heaviest_actions_with_quotes(open_page, ring_page):
    page = open_page(ring_page("pairs"))
    # the ring crowds the drawing: put X and Y beside it, so that their line's middle is clear
    page.js(
        """() => {
            const right = Math.max(...Object.values(network.getPositions()).map(p => p.x));
            network.moveNode(visNodeId('X'), right + 300, 0);
            network.moveNode(visNodeId('Y'), right + 700, 0);
            network.fit({animation: false});
        }"""
    )
    text = page.hover_edge("pair 1")
    lines = text.split("\n")
    assert lines[0] == "ALLEGED: X \u2194 Y"
    assert lines[4:7] == [
        "\u2022 2022-05-01 X \u2192 Y: attack (\u221210) \u201cthe big one\u201d",
        "\u2022 2022-05-02 Y \u2192 X: threat (\u22129) \u201cthe second\u201d",
        "\u2022 2022-05-03 X \u2192 Y: aid (2) \u201ca thaw\u201d",
    ]


def test_large_action_view_starts_from_python_positions(open_page, ring_page):
    page = open_page(ring_page("actions"))
    assert page.drawn() == (202, 1603)
    placed = page.js(
        """() => PAGE.nodes.every(n => {
            const p = network.getPositions([visNodeId(n.id)])[visNodeId(n.id)];
            return p.x === n.x && p.y === n.y;
        })"""
    )
    assert placed is True
    # labels: 15 big ones, the rest small (vis draws them only when zoomed in)
    # 202 actors fit at about 700 / (90 * sqrt(202)) = 0.547 px per unit: 14 px is 25.6 units (26)
    assert page.js("PAGE.nodes.filter(n => n.font.size === 26).length") == 15
    assert page.errors == []


def test_actors_without_groups_are_coloured_by_community(open_page, ring_page):
    page = open_page(ring_page("pairs"))
    legend = page.js("document.getElementById('legend').innerText")
    assert "ACTORS BY COMMUNITY" in legend.upper()
    colours = page.js("new Set(PAGE.nodes.map(n => n.color.background)).size")
    assert colours > 2  # a ring of 200 splits into many communities
