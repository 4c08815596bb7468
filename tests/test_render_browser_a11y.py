"""Every page graphkit writes, for everyone (issue 22), in Chromium: axe-core's WCAG 2.1 A and
AA rules, the keyboard, a screen reader's text (table view, summary, live region), phone
widths, and a view that a link reopens."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphkit as gk
from graphkit.render import render_html

from .a11y import axe_script, axe_violations, tab_order

pytestmark = pytest.mark.browser


class Page:
    """A page opened from a file at a viewport, every request outside the file blocked."""

    def __init__(self, browser, path: Path, *, width=1400, height=900, fragment=""):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route(
            "**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort()
        )
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url + fragment)
        self.page.wait_for_function("window.__ready === true", timeout=120_000)

    def js(self, expression, arg=None):
        return self.page.evaluate(expression, arg)

    def drawn(self):
        return tuple(self.js("[network.body.data.nodes.length, network.body.data.edges.length]"))

    def box(self, selector):
        return self.js(
            f"(() => {{ const r = document.querySelector({selector!r}).getBoundingClientRect();"
            " return {x: r.x, y: r.y, width: r.width, height: r.height}; })()"
        )


@pytest.fixture
def open_page(browser):
    opened: list[Page] = []

    def open_(path, **kw) -> Page:
        opened.append(Page(browser, path, **kw))
        return opened[-1]

    yield open_
    for page in opened:
        assert page.errors == [] and page.dialogs == []
        assert all(url.startswith(page.url) for url in page.requests)  # the file itself, nothing else
        page.context.close()


def _write(tmp_path, name, html) -> Path:
    path = tmp_path / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture
def essay(tmp_path):
    return _write(tmp_path, "essay", render_html(gk.load_edge_set("essay")))


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    """1,060 actors, 5,000 actions (the render benchmark's set): drawn as relationships."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "bench"))
    from generate import generate_edges, write_edges

    folder = tmp_path_factory.mktemp("thousand")
    es = gk.load_edge_set(write_edges(generate_edges(5000, 1060, seed=0), folder / "edges.csv"))
    pages = {}
    for view in ("pairs", "actions"):
        data = es if view == "pairs" else es.with_edges(es.edges.iloc[:1400])
        pages[view] = _write(folder, view, render_html(data, view=view))
    return pages


def _pages(tmp_path, hostile_set):
    essay = gk.load_edge_set("essay")
    a, b = gk.load_edge_set("essay-2025-v1"), gk.load_edge_set("essay-recoded")
    return {
        "graph": render_html(essay),
        "pairs": render_html(essay, view="pairs"),
        "camps": render_html(essay, color_by="camp"),
        "domains": render_html(essay, color_by="domain"),
        "diff": gk.diff_html(gk.diff_edge_sets(a, b), a, b),
        "hostile": render_html(gk.load_edge_set(hostile_set)),
    }


# --- 1. axe: no WCAG 2.1 A/AA violation, on every page kind, in every state -------------


def test_axe_is_there_when_required():
    assert axe_script().name == "axe.min.js"


@pytest.mark.parametrize("kind", ["graph", "pairs", "camps", "domains", "diff", "hostile"])
def test_no_axe_violation(open_page, tmp_path, hostile_set, kind):
    page = open_page(_write(tmp_path, kind, _pages(tmp_path, hostile_set)[kind]))
    assert axe_violations(page.page) == []
    # and with the details panel and the table view open (axe skips hidden content)
    page.page.locator("#focus-list button").first.click()
    page.page.click("#table-toggle")
    assert page.js(
        "!document.getElementById('details').hidden && !document.getElementById('table-view').hidden"
    )
    assert axe_violations(page.page) == []


@pytest.mark.parametrize("view", ["pairs", "actions"])
def test_no_axe_violation_on_a_thousand_actors(open_page, thousand, view):
    page = open_page(thousand[view])
    assert axe_violations(page.page) == []


def test_no_axe_violation_at_phone_width(open_page, essay):
    page = open_page(essay, width=390, height=844)
    assert axe_violations(page.page) == []


# --- 2. a text alternative: the table view, the canvas's summary, a live region ---------


def test_the_table_view_lists_what_the_filters_show(open_page, essay):
    page = open_page(essay)
    page.page.select_option("#filter-0", "trade")
    page.page.focus("#table-toggle")
    page.page.keyboard.press("Enter")
    assert page.js("document.getElementById('table-toggle').getAttribute('aria-expanded')") == "true"
    rows = page.js(
        "Array.from(document.querySelectorAll('#table-view table:first-of-type tbody tr'))"
        ".map(tr => Array.from(tr.cells).slice(0, 5).map(td => td.textContent))"
    )
    # the eight trade actions, by pair (the re-coded essay: tariff and retaliation are CAMEO 163,
    # -8.0): CAN-USA 8 + 8 with USA->CAN's postponement (+5, cooperative); MEX-USA 8, with
    # MEX->USA's concession and USA->MEX's postponement (cooperative); KOR-USA 5.8 + 2
    assert rows == [
        ["Canada \u2194 United States", "16", "2", "1", "0"],
        ["Mexico \u2194 United States", "8", "1", "2", "0"],
        ["South Korea \u2194 United States", "7.8", "2", "0", "0"],
    ]
    quotes = page.js("document.querySelector('#table-view tbody tr td:last-child').innerText")
    essay_set = gk.load_edge_set("essay").edges.set_index("id")
    assert f"\u201c{essay_set.at['e01', 'quote']}\u201d" in quotes
    actors = page.js(
        "Array.from(document.querySelectorAll('#table-view table:last-of-type tbody tr')).map(tr => tr.cells[1].textContent)"
    )
    assert sorted(actors) == ["CAN", "KOR", "MEX", "USA"]
    # a row's button opens the relationship's details
    page.page.locator("#table-view tbody button").first.press("Enter")
    assert "Canada \u2194 United States: 16" in page.js("document.getElementById('details-text').innerText")


def test_the_canvas_says_what_it_shows_and_filters_are_announced(open_page, essay):
    page = open_page(essay)
    label = page.js("document.querySelector('#mynetwork .vis-network').getAttribute('aria-label')")
    assert label == (
        "Graph of 33 of 33 alleged actions between 16 of 16 actors; first in the list: "
        "South Korea \u2194 United States (25.8). The table view lists the same as text."
    )
    assert page.js("document.querySelector('#mynetwork .vis-network').getAttribute('role')") == "img"
    assert page.js("document.getElementById('count').getAttribute('role')") == "status"
    page.page.select_option("#filter-1", label="Israel")
    assert (
        page.js("document.getElementById('count').textContent") == "Showing 1 of 33 edges and 2 of 16 nodes"
    )
    assert page.js("document.querySelector('#mynetwork .vis-network').getAttribute('aria-label')").startswith(
        "Graph of 1 of 33 alleged actions between 2 of 16 actors; first in the list: Israel \u2194 United States (6)"
    )


# --- 3. the keyboard: list buttons, details that stay, Escape, search, fit and reset -----


def test_the_ranked_list_is_buttons_and_opens_details_that_stay(open_page, essay):
    page = open_page(essay)
    order = tab_order(page.page, 20)
    first = next(i for i, seen in enumerate(order) if seen.startswith("button:South Korea"))
    assert order.index("filter-0") < order.index("search-input") < order.index("table-toggle") < first
    page.page.locator("#focus-list button").first.focus()
    page.page.keyboard.press("Enter")
    text = page.js("document.getElementById('details-text').innerText")
    # the five actions between South Korea and the US, each as its tooltip says, quote included
    quote = gk.load_edge_set("essay").edges.set_index("id").at["e07", "quote"]
    assert text.startswith("South Korea \u2194 United States: 25.8")
    assert text.count("ALLEGED: United States \u2192 South Korea") == 5 and f"\u201c{quote}\u201d" in text
    assert page.js("document.activeElement.id") == "details-title"
    assert page.js("network.getSelectedEdges().length") == 5
    # the mouse wanders off: the panel stays, and its quote can be selected and copied
    page.page.mouse.move(10, 10)
    page.page.wait_for_timeout(300)
    assert page.js("!document.getElementById('details').hidden")
    selected = page.js(
        """q => { const t = document.getElementById('details-text'); const r = document.createRange();
                  r.selectNodeContents(t); const s = getSelection(); s.removeAllRanges(); s.addRange(r);
                  return s.toString(); }""",
        quote,
    )
    assert quote in selected
    page.page.keyboard.press("Escape")
    assert page.js("document.getElementById('details').hidden")
    assert page.js("network.getSelectedEdges().length") == 0
    assert page.js("document.activeElement.getAttribute('aria-pressed')") == "false"  # back on the row


def test_clicking_a_node_or_an_edge_opens_its_details(open_page, essay):
    page = open_page(essay)
    point = page.js(
        """() => { const d = network.canvasToDOM(network.getPositions([visNodeId('KOR')])[visNodeId('KOR')]);
                   const b = document.querySelector('#mynetwork canvas').getBoundingClientRect();
                   return {x: b.left + d.x, y: b.top + d.y}; }"""
    )
    page.page.mouse.click(point["x"], point["y"])
    assert page.js("document.getElementById('details-title').textContent") == "Actor: South Korea"
    assert page.js("document.getElementById('details-text').innerText").startswith("South Korea (KOR)")
    page.js("showEdgeDetails(visEdgeId('e40'))")
    assert page.js("document.getElementById('details-text').innerText").startswith("ALLEGED: ")
    page.page.click("#details-close")
    assert page.js("document.getElementById('details').hidden")


def test_actor_search_selects_fits_and_explains(open_page, essay):
    page = open_page(essay)
    page.page.fill("#search-input", "canada")
    page.page.keyboard.press("Enter")
    assert page.js("network.getSelectedNodes()") == ["n:CAN"]
    assert page.js("document.getElementById('details-text').innerText").startswith("Canada (CAN)")
    assert page.js("document.getElementById('search-note').textContent").startswith("Canada: selected")
    page.page.fill("#search-input", "zzz")
    page.page.keyboard.press("Enter")
    assert (
        page.js("document.getElementById('search-note').textContent") == "No actor matches \u201czzz\u201d."
    )
    page.page.fill("#search-input", "United")
    page.page.keyboard.press("Enter")
    # no exact name: the names containing it, here one
    assert page.js("network.getSelectedNodes()") == ["n:USA"]


def test_fit_and_reset_zoom(open_page, essay):
    # each step waits for its zoom animation to end (not a fixed time: a loaded machine draws late)
    page = open_page(essay)
    start = page.js("network.getScale()")
    page.js("network.moveTo({scale: 3, animation: false})")
    page.page.click("#reset-zoom")
    page.page.wait_for_function(
        "s => Math.abs(network.getScale() - s) <= 1e-3 * s", arg=start, timeout=10_000
    )
    page.page.select_option("#filter-1", label="Israel")  # the chosen actor: highlighted, view fitted
    page.page.wait_for_function("s => network.getScale() > s", arg=start, timeout=10_000)
    assert page.js("network.getSelectedNodes()") == ["n:ISR"]
    page.js("network.moveTo({scale: 0.2, animation: false})")
    page.page.click("#fit")
    page.page.wait_for_function("network.getScale() > 0.2", timeout=10_000)


def test_the_drawing_takes_the_arrow_keys(open_page, essay):
    page = open_page(essay)
    page.page.focus("#mynetwork .vis-network")
    before = page.js("network.getViewPosition().x")
    page.page.keyboard.down("ArrowLeft")
    page.page.wait_for_timeout(300)
    page.page.keyboard.up("ArrowLeft")
    assert page.js("network.getViewPosition().x") != before


# --- 4. reflow: the panel under the graph below 800 px; a graph at 390 and 320 px ---------


@pytest.mark.parametrize("width,height", [(390, 844), (320, 640)])
def test_phone_widths_stack_the_panel_under_a_real_graph(open_page, essay, width, height):
    page = open_page(essay, width=width, height=height)
    assert page.js("document.documentElement.scrollWidth") <= width  # no sideways scrolling
    stage, panel = page.box("#mynetwork"), page.box("aside")
    assert stage["width"] >= width - 2 and stage["height"] >= 320
    assert panel["y"] >= stage["y"] + stage["height"] - 1
    assert page.js("network.getScale()") > 0  # it drew


def test_the_filter_bar_never_resizes_the_canvas(open_page, essay):
    for width in (1400, 390):
        page = open_page(essay, width=width, height=844)
        before = page.box("#mynetwork")
        page.page.select_option("#filter-1", label="Israel")
        page.page.fill("#filter-2", "6")
        page.page.click("#filter-reset")
        page.page.fill("#filter-2", "25.5")
        assert page.box("#mynetwork") == before


# --- 5. the view in the address -------------------------------------------------------------


def test_the_fragment_reopens_the_same_view(open_page, essay):
    page = open_page(essay, fragment="#domain=trade&min=7")
    assert page.js(
        "[document.getElementById('filter-0').value, document.getElementById('filter-2').value]"
    ) == [
        "trade",
        "7",
    ]
    # trade actions of pairs whose trade strain is 7 or more: CAN-USA (16: e01, e06 and the
    # cooperative e45), MEX-USA (8: e02 and the cooperative e05, e46) and KOR-USA (7.8: e07, e08)
    assert (
        page.js("document.getElementById('count').textContent") == "Showing 8 of 33 edges and 4 of 16 nodes"
    )
    page.page.select_option("#filter-1", label="Canada")
    page.page.locator("#focus-list button").first.click()
    page.page.click("#table-toggle")
    url = page.page.url
    assert url.split("#")[1] == "domain=trade&actor=CAN&min=7&pair=CAN&pair=USA&view=table"
    again = open_page(essay, fragment="#" + url.split("#")[1])
    assert again.js("document.getElementById('filter-1').value") == "n:CAN"
    assert again.js("network.getSelectedEdges().length") == 3  # CAN-USA's trade actions
    assert again.js("!document.getElementById('table-view').hidden")
    assert again.page.url == url


def test_a_fragment_naming_what_the_page_lacks_is_ignored(open_page, essay):
    page = open_page(essay, fragment="#domain=%3Cimg%20src%3Dx%3E&actor=NOPE&min=abc&pair=X&node=Y")
    assert page.drawn() == (16, 33)
    assert page.js("document.querySelectorAll('img').length") == 0


# --- 6. the pair view, the diff page, large pages, the slider, drafts -----------------------


def _contrast(color: str) -> float:
    # WCAG 2.1 relative luminance and contrast ratio against white (#FFFFFF, luminance 1)
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(color[i : i + 2], 16)) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_pair_view_lines_read_without_colour_and_stand_out(open_page, tmp_path):
    from graphkit.render.pairs_view import BALANCE_COLORS, BALANCE_DASHES
    from graphkit.render.style import CHANGE_STYLES, COOPERATIVE, HOSTILE, NEUTRAL

    for color in [c for _, c, _ in BALANCE_COLORS] + [s["color"] for s in CHANGE_STYLES.values()]:
        assert _contrast(color) >= 3, color
    for color in (HOSTILE, COOPERATIVE, NEUTRAL):  # the action view's arrows, drawn at 0.85 opacity
        blended = "#" + "".join(
            f"{round(255 + (int(color[i : i + 2], 16) - 255) * 0.85):02X}" for i in (1, 3, 5)
        )
        assert _contrast(blended) >= 3, color
    # hostile bands solid, balanced dotted, cooperative dashed: the sign without colour
    assert BALANCE_DASHES == [False, False, [2, 5], [9, 6], [9, 6]]
    page = open_page(_write(tmp_path, "pairs", render_html(gk.load_edge_set("essay"), view="pairs")))
    dashed = page.js("edges.get().filter(e => e.dashes).map(e => e.sign)")
    assert dashed and set(dashed) <= {
        "cooperative",
        "hostile",
    }  # a mostly cooperative pair may have strain too


def test_the_diff_page_draws_every_actor_and_row_it_names(open_page, tmp_path):
    a, b = gk.load_edge_set("essay-2025-v1"), gk.load_edge_set("essay-recoded")
    page = open_page(_write(tmp_path, "diff", gk.diff_html(gk.diff_edge_sets(a, b), a, b)))
    # DEU_MEDIA, German media, is only in A
    assert page.js("nodeView.get(visNodeId('DEU_MEDIA')).status") == "removed"
    rows = page.page.locator("#focus-list button")
    for i in range(rows.count()):
        rows.nth(i).click()
        assert page.js("network.getSelectedEdges().length") >= 1, rows.nth(i).inner_text()
        rows.nth(i).click()
    # the list honours the Change filter: only rows with a removed edge (US-German media)
    page.page.select_option("#filter-0", "removed")
    assert page.js(
        "Array.from(document.querySelectorAll('#focus-list button .focus-row span:first-child')).map(s => s.textContent)"
    ) == ["German media \u2194 United States"]


def test_the_slider_is_debounced_and_its_last_stop_shows_the_top_pair(open_page, essay):
    page = open_page(essay)
    # the essay's most strained pair: KOR-USA 25.8; steps of 0.5: the last stop is 25.5
    assert page.js("document.getElementById('filter-2').max") == "25.5"
    # the event and the count in one script, so no timer can run between them on a loaded machine
    moving = page.js(
        "() => { const s = document.getElementById('filter-2'); s.value = '25.5'; s.dispatchEvent(new Event('input'));"
        " return [network.body.data.nodes.length, network.body.data.edges.length]; }"
    )
    assert tuple(moving) == (16, 33)  # not yet: the thumb is still moving
    page.page.wait_for_function("network.body.data.edges.length !== 33", timeout=10_000)
    assert page.drawn() == (2, 5)  # KOR-USA's five actions
    assert page.js("document.getElementById('filter-2-value').textContent") == "25.5"


def test_large_page_labels_do_not_overlap(open_page, thousand):
    page = open_page(thousand["actions"])
    page.js("() => { network.moveTo({scale: network.getScale() * 2.5, animation: false}); declutter(); }")
    boxes = page.js(
        """() => { const pos = network.getPositions(), s = network.getScale(), out = [];
            nodeView.get().forEach(n => { const px = network.body.nodes[n.id].options.font.size * s; if (px < 5) return;
              const d = network.canvasToDOM(pos[n.id]); const w = document.getElementById('mynetwork');
              if (d.x < -200 || d.y < -50 || d.x > w.clientWidth + 200 || d.y > w.clientHeight + 50) return;
              const half = 0.3 * px * String(n.label).length, top = d.y + n.size * s;
              out.push([d.x - half, top, d.x + half, top + 1.2 * px]); });
            return out; }"""
    )
    assert len(boxes) >= 5
    # zoomed in, labels stop growing at 18 px (to 0.01 px: font size times scale lands at 18.0004 px on
    # some layouts of the generated set)
    assert max(b[3] - b[1] for b in boxes) <= 1.2 * 18.01
    clash = [
        (p, q)
        for i, p in enumerate(boxes)
        for q in boxes[i + 1 :]
        if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]
    ]
    assert clash == []
    # the focused pair keeps both labels, whatever they cover
    page.page.locator("#focus-list button").first.click()
    page.page.wait_for_timeout(600)
    sizes = page.js(
        "() => focused.nodes.map(id => network.body.nodes[visNodeId(id)].options.font.size * network.getScale())"
    )
    assert len(sizes) == 2 and min(sizes) >= 5


def test_a_draft_says_so_at_the_top(open_page, tmp_path):
    from graphkit.extract import extract_edge_set, write_draft

    text = "Canada accused Mexico of dumping steel. China restricted rare-earth exports. Japan condemned the move."
    folder = write_draft(extract_edge_set(text), tmp_path / "draft")
    page = open_page(_write(tmp_path, "draft", render_html(gk.load_edge_set(folder))))
    draft, title = page.box("#draft"), page.box("#title")
    assert draft["height"] > 0 and draft["y"] < title["y"]
    assert page.js("document.getElementById('draft').textContent").startswith("DRAFT, not reviewed")
    assert axe_violations(page.page) == []


def test_hostile_text_stays_text_in_the_new_panels(open_page, tmp_path, hostile_set):
    page = open_page(_write(tmp_path, "hostile", render_html(gk.load_edge_set(hostile_set))))
    page.page.click("#table-toggle")
    page.page.locator("#focus-list button").first.click()
    page.page.fill("#search-input", "<b>Bold</b>")
    page.page.keyboard.press("Enter")
    text = page.js(
        "document.getElementById('table-view').textContent + document.getElementById('details').textContent"
    )
    assert "<img src=x onerror=alert(1)>" in text and "<b>Bold</b> href=javascript:alert(4)" in text
    assert page.js("document.querySelectorAll('img, svg, b, i').length") == 0
    # vis-network, the page's data (a JSON block, never run) and graphkit's script
    assert page.js("document.scripts.length") == 3


def test_no_axe_violation_on_the_timeline_page(browser, run, tmp_path):
    # the timeline page forbids every script (its Content-Security-Policy): the test lets
    # playwright set that policy aside to inject axe, as a user's assistive tools are not bound by it
    path = tmp_path / "timeline.html"
    assert run("timeline", "--html", path).exit_code == 0
    context = browser.new_context(viewport={"width": 1200, "height": 800}, bypass_csp=True)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    try:
        page = context.new_page()
        page.goto(path.resolve().as_uri())
        assert axe_violations(page) == []
    finally:
        context.close()
