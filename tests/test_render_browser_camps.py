"""graphkit render --color-by camp in a real browser: camps, frustrated ties and the legend."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from graphkit.cli import main

pytestmark = pytest.mark.browser

# A-B and A-C friendly, B-C hostile: one ++- triangle, exactly one tie frustrated.
# D and E act on each other but net 0 (4 - 4): no signed tie, no camp colour.
# F is hostile to A only: a tie that is never frustrated puts F in A's other camp.
EDGES = """id,source,target,action,weight
t1,A,B,cooperation,2
t2,A,C,cooperation,2
t3,C,B,criticism,-3
t4,B,C,criticism,-1
t5,D,E,cooperation,4
t6,E,D,criticism,-4
t7,F,A,criticism,-2
"""
CAMP_0, CAMP_1, NO_TIE, FRUSTRATED = "#0072B2", "#E69F00", "#E0E0E0", "#CC79A7"


@pytest.fixture
def camp_page(tmp_path, browser):
    folder = tmp_path / "triangle"
    folder.mkdir()
    (folder / "edges.csv").write_text(EDGES, encoding="utf-8")
    html = tmp_path / "camp.html"
    result = CliRunner().invoke(main, ["render", str(folder), "--color-by", "camp", "-o", str(html)])
    assert result.exit_code == 0, result.stderr
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    errors: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(html.resolve().as_uri())
    page.wait_for_function("window.__ready === true", timeout=60_000)
    yield page, errors
    context.close()


def test_actors_coloured_by_camp_and_frustrated_ties_purple(camp_page):
    page, errors = camp_page
    node_color = page.evaluate(
        "ids => ids.map(id => nodes.get(visNodeId(id)).color.background)", ["A", "B", "C", "D", "E", "F"]
    )
    assert node_color[0] == CAMP_0  # the alphabetically first actor of its component
    assert node_color[3:] == [NO_TIE, NO_TIE, CAMP_1]
    assert set(node_color[:3]) <= {CAMP_0, CAMP_1}
    edge_color = dict(
        zip(
            ["t1", "t2", "t3", "t4", "t5", "t6"],
            page.evaluate(
                "ids => ids.map(id => edges.get(visEdgeId(id)).color.color)",
                ["t1", "t2", "t3", "t4", "t5", "t6"],
            ),
        )
    )
    # one of the three ties contradicts the camps: all its actions are purple, nothing else
    purple = {edge for edge, color in edge_color.items() if color == FRUSTRATED}
    assert purple in ({"t1"}, {"t2"}, {"t3", "t4"})
    camp = dict(zip("ABC", node_color[:3]))
    frustrated_pair = {"t1": "AB", "t2": "AC", "t3": "BC", "t4": "BC"}[min(purple)]
    friendly = frustrated_pair != "BC"
    # a friendly tie is frustrated across camps, a hostile one inside a camp
    assert (camp[frustrated_pair[0]] != camp[frustrated_pair[1]]) == friendly
    assert errors == []


def test_legend_names_camps_and_frustrated_ties(camp_page):
    page, _ = camp_page
    legend = page.evaluate("document.getElementById('legend').textContent")
    assert "Actors by camp" in legend
    assert "camp 0" in legend and "camp 1" in legend and "no signed tie" in legend
    assert "frustrated tie" in legend
    notes = page.evaluate("document.body.textContent")
    assert "Frustrated ties: 1 (exact)." in notes
