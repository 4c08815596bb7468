"""graphkit render in a real browser: what a user sees, hovers and clicks, and what the page never does."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.edgeset import load_edge_set
from graphkit.render import render_html

pytestmark = pytest.mark.browser


class Opened:
    """A page opened from a file, with every request, blocked request and dialog recorded."""

    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)
        self.page.goto(self.url)
        self.page.wait_for_function("window.__ready === true", timeout=60_000)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def hover_edge(self, edge_id: str) -> str:
        """Move the mouse onto the middle of the drawn edge (the edge set's id); the tooltip's text."""
        point = self.js(
            """id => {
                const canvasPoint = network.body.edges[visEdgeId(id)].edgeType.getPoint(0.5);
                const dom = network.canvasToDOM(canvasPoint);
                const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
                return {x: box.left + dom.x, y: box.top + dom.y};
            }""",
            edge_id,
        )
        return self._hover(point)

    def hover_node(self, node_id: str) -> str:
        point = self.js(
            """id => {
                const dom = network.canvasToDOM(network.getPositions([visNodeId(id)])[visNodeId(id)]);
                const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
                return {x: box.left + dom.x, y: box.top + dom.y};
            }""",
            node_id,
        )
        return self._hover(point)

    def _hover(self, point) -> str:
        self.page.mouse.move(5, 5)
        self.page.mouse.move(point["x"], point["y"], steps=4)
        self.page.wait_for_function(
            "() => { const t = document.querySelector('div.vis-tooltip');"
            " return t && t.style.visibility === 'visible' && t.innerText.length > 0; }",
            timeout=10_000,
        )
        return self.js("document.querySelector('div.vis-tooltip').innerText")

    def drawn(self) -> tuple[int, int]:
        return tuple(self.js("[network.body.data.nodes.length, network.body.data.edges.length]"))

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser):
    opened = []

    def open_(path: Path) -> Opened:
        page = Opened(browser, path)
        opened.append(page)
        return page

    yield open_
    for page in opened:
        page.close()


@pytest.fixture
def essay_page(tmp_path) -> Path:
    path = tmp_path / "essay.html"
    path.write_text(render_html(load_edge_set()), encoding="utf-8")
    return path


@pytest.fixture
def hostile_page(tmp_path, hostile_set) -> Path:
    path = tmp_path / "hostile.html"
    path.write_text(render_html(load_edge_set(hostile_set)), encoding="utf-8")
    return path


def test_the_essay_draws_every_actor_and_every_action(open_page, essay_page):
    es = load_edge_set()
    page = open_page(essay_page)
    assert page.drawn() == (len(es.actors), len(es.edges)) == (16, 33)
    assert page.js("Object.keys(network.body.nodes).length") == 16
    assert page.errors == []
    assert page.js("document.getElementById('title').textContent") == "essay: alleged actions between actors"


def test_no_request_leaves_the_page(open_page, essay_page):
    page = open_page(essay_page)
    page.page.wait_for_timeout(300)
    assert page.requests == [page.url]
    assert page.blocked == []


def test_hovering_an_arrow_shows_its_quote(open_page, essay_page):
    es = load_edge_set()
    # e40 is the one action between the US and Israel, so nothing else is drawn there
    quote = es.edges.set_index("id").loc["e40", "quote"]
    page = open_page(essay_page)
    text = page.hover_edge("e40")
    assert text.startswith("ALLEGED: ")
    assert f"\u201c{quote}\u201d" in text
    assert "Source: edge set \u2018essay\u2019" in text


def test_hovering_an_actor_shows_its_totals(open_page, essay_page):
    page = open_page(essay_page)
    text = page.hover_node("KOR")
    assert text.splitlines()[0] == "South Korea (KOR)"
    # e07 5.8 + e08 2.0 + e10 5.0 + e37 7.0 + e39 6.0, all from the US
    assert "strain received 25.8" in text


def test_filters_hide_what_they_should(open_page, essay_page):
    page = open_page(essay_page)
    page.page.select_option("#filter-0", "trade")
    # eight trade actions: e01, e02 (tariffs), e05 (concession), e45, e46 (postponements),
    # e06 (retaliation), e07 (tariff threat), e08 (accusation)
    assert page.drawn()[1] == 8
    page.page.click("#filter-reset")
    assert page.drawn() == (16, 33)
    # minimum strain 15 with the US: South Korea (25.8; e07, e08, e10, e37, e39), Canada
    # (8.0 + 8.0 + 4.4 = 20.4; e01, e45, e32, e06) and Ukraine (4.0 + 5.6 + 5.6 = 15.2; e23 to e26)
    page.page.fill("#filter-2", "15")
    assert page.drawn() == (4, 13)
    assert (
        page.js("document.getElementById('count').textContent") == "Showing 13 of 33 edges and 4 of 16 nodes"
    )
    page.page.click("#filter-reset")
    page.page.select_option("#filter-1", label="Israel")
    assert page.drawn() == (2, 1)


def test_clicking_a_strained_relationship_selects_its_arrows(open_page, essay_page):
    page = open_page(essay_page)
    first = page.page.locator("ol.focus li").first
    assert first.inner_text().startswith("South Korea \u2194 United States")
    first.click()
    selected = page.js("network.getSelectedEdges()")
    assert len(selected) == 5  # e07, e08, e10, e37, e39
    ends = page.js(
        "ids => ids.map(id => [edges.get(id).from, edges.get(id).to].map(n => nodes.get(n).key))", selected
    )
    assert all(set(pair) == {"KOR", "USA"} for pair in ends)
    # the rest is dimmed, the pair is not
    assert page.js("edges.get(visEdgeId('e40')).color.opacity") == 0.12
    assert page.js(f"edges.get('{selected[0]}').color.opacity") == 0.85
    assert page.js("[nodes.get(visNodeId('KOR')).opacity, nodes.get(visNodeId('ISR')).opacity]") == [1, 0.25]
    # a second click shows everything again
    first.click()
    assert page.js("network.getSelectedEdges().length") == 0
    assert page.js("edges.get(visEdgeId('e40')).color.opacity") == 0.85


def test_hostile_text_shows_as_text_and_runs_nothing(open_page, hostile_page):
    page = open_page(hostile_page)
    assert page.drawn() == (3, 3)
    tooltip = page.hover_edge("h1")
    assert "\u201c<img src=x onerror=alert(1)>\u201d" in tooltip
    tooltip = page.hover_edge("h2")
    assert "\u201c</script><script>alert(1)</script>\u201d" in tooltip
    assert "<svg onload=alert(3)> (<b>dom</b>, 2024-02)" in tooltip
    tooltip = page.hover_node("AAA")  # its name holds 'href', which switches pyvis's stock page to innerHTML
    assert tooltip.startswith("<b>Bold</b> href=javascript:alert(4) (AAA)")
    legend = page.js("document.getElementById('legend').textContent")
    assert "<img src=y onerror=alert(5)>" in legend
    focus = page.js("document.getElementById('focus').textContent")
    assert "Beta <script>alert(6)</script>" in focus
    assert page.js("document.querySelectorAll('img, svg, b, i').length") == 0
    # vis-network, the data (a JSON block, never run) and graphkit's script: nothing from the data
    assert page.js("document.scripts.length") == 3
    assert page.js("Array.from(document.scripts).map(s => s.type).join()") == ",application/json,"
    assert page.dialogs == [] and page.errors == []
    assert page.requests == [page.url] and page.blocked == []


def test_an_empty_set_still_opens(open_page, tmp_path):
    essay = load_edge_set()
    path = tmp_path / "empty.html"
    path.write_text(render_html(essay.with_edges(essay.edges.iloc[:0])), encoding="utf-8")
    page = open_page(path)
    assert page.drawn() == (0, 0)
    assert page.errors == []


# ids that name members of every JavaScript object: vis-network keyed its items by
# them and the page threw "Maximum call stack size exceeded" before drawing
OBJECT_NAMED_EDGES = """id,source,target,action,weight
constructor,constructor,__proto__,criticism,-6
e2,toString,constructor,praise,3
e3,length,toString,criticism,-1
"""
OBJECT_NAMED_ACTORS = """id,name,kind,group
constructor,The Constructor,state,G
__proto__,Proto Land,state,G
toString,Stringer,company,
length,Long Country,state,H
"""


@pytest.fixture
def object_named_page(tmp_path) -> Path:
    folder = tmp_path / "object-named"
    folder.mkdir()
    (folder / "edges.csv").write_text(OBJECT_NAMED_EDGES, encoding="utf-8")
    (folder / "actors.csv").write_text(OBJECT_NAMED_ACTORS, encoding="utf-8")
    path = tmp_path / "object-named.html"
    path.write_text(render_html(load_edge_set(folder)), encoding="utf-8")
    return path


def test_actors_and_edges_named_like_object_members_draw(open_page, object_named_page):
    page = open_page(object_named_page)
    assert page.errors == []
    assert page.drawn() == (4, 3)
    assert page.js("Object.keys(network.body.nodes).length") == 4
    assert page.js("nodes.get().map(n => n.key).sort()") == ["__proto__", "constructor", "length", "toString"]
    assert page.js("edges.get().map(e => e.key).sort()") == ["constructor", "e2", "e3"]
    assert page.hover_edge("constructor").startswith("ALLEGED: The Constructor \u2192 Proto Land")
    assert page.hover_node("__proto__").splitlines()[0] == "Proto Land (__proto__)"
    assert page.errors == []


def test_actor_filter_and_focus_work_for_an_actor_called_constructor(open_page, object_named_page):
    page = open_page(object_named_page)
    # constructor acts on __proto__ (edge "constructor") and toString praises it (e2)
    page.page.select_option("#filter-1", label="The Constructor")
    assert page.drawn() == (3, 2)
    assert page.js("document.getElementById('count').textContent") == "Showing 2 of 3 edges and 3 of 4 nodes"
    page.page.click("#filter-reset")
    assert page.drawn() == (4, 3)
    page.page.select_option("#filter-1", label="Proto Land")
    assert page.drawn() == (2, 1)
    page.page.click("#filter-reset")
    # most strained: constructor <-> __proto__ (6), then length <-> toString (1)
    first = page.page.locator("ol.focus li").first
    assert first.inner_text().startswith("Proto Land \u2194 The Constructor")
    first.click()
    assert page.js("network.getSelectedEdges().map(id => edges.get(id).key)") == ["constructor"]
    assert page.js(
        "[nodes.get(visNodeId('constructor')).opacity, nodes.get(visNodeId('length')).opacity]"
    ) == [1, 0.25]
    assert page.errors == []
