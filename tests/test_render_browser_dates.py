"""The graph page's time control in Chromium: the command line's date rule, live.

Expected sets come from graphkit.filters.filter_edges, whose rule tests/test_time_filters.py
checks by hand; here the page must keep exactly the same actions.
"""

from __future__ import annotations

import pytest

from graphkit.edgeset import load_edge_set
from graphkit.filters import filter_edges
from graphkit.render import render_html

pytestmark = pytest.mark.browser

ROWS = """id,source,target,action,weight,date,date_end
t1,A,B,tariff,-6,2024,
t2,B,A,cooperation,4,2024-02-10,
t3,A,B,criticism,-2,2024-01-20,2024-02-10
t4,A,C,criticism,-1,,
t5,C,B,sanction,-8,2024-07,
t6,C,A,protest,-1,2025-03-03,
"""


@pytest.fixture
def page(browser, tmp_path, write_csv):
    path = tmp_path / "page.html"
    edge_set = load_edge_set(write_csv(ROWS))
    path.write_text(render_html(edge_set), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.goto(path.resolve().as_uri())
    opened.wait_for_function("window.__ready === true", timeout=60_000)
    yield opened, edge_set, errors
    context.close()


def _index(opened) -> int:
    return opened.evaluate("PAGE.filters.findIndex(f => f.type === 'dates')")


def _shown(opened) -> set[str]:
    return {key[2:] for key in opened.evaluate("edgeView.getIds()")}


def test_the_page_keeps_what_the_command_line_keeps(page):
    opened, edge_set, errors = page
    i = _index(opened)
    # 2024-01 .. 2025-03: at most two years, so the menus offer months
    labels = opened.eval_on_selector_all(f"#filter-{i}-from option", "nodes => nodes.map(n => n.textContent)")
    assert labels[:3] == ["the start", "2024-01", "2024-02"] and labels[-1] == "2025-03"
    cases = [
        ("2024-02", "", False, False),
        ("2024-02", "", True, False),
        ("2024-02", "", True, True),
        ("", "2024-06", False, False),
        ("2024-01", "2024-02", False, True),
        ("2024-07", "2025-03", True, False),
    ]
    for since, until, overlap, keep in cases:
        opened.click("#filter-reset")
        if since:
            opened.select_option(f"#filter-{i}-from", label=since)
        if until:
            opened.select_option(f"#filter-{i}-to", label=until)
        if overlap:
            opened.check(f"#filter-{i}-overlap")
        if keep:
            opened.check(f"#filter-{i}-keep")
        expected = filter_edges(
            edge_set,
            since=since or None,
            until=until or None,
            overlap=overlap,
            undated="keep" if keep else "drop",
        )
        assert _shown(opened) == set(expected.edges["id"]), (since, until, overlap, keep)
    assert not errors


def test_it_says_how_many_undated_actions_it_hides(page):
    opened, _, errors = page
    i = _index(opened)
    note = f"#filter-{i}-undated"
    assert opened.inner_text(note) == "1 undated action shown"
    opened.select_option(f"#filter-{i}-from", label="2024-02")
    assert opened.inner_text(note) == "1 undated action hidden"
    opened.check(f"#filter-{i}-keep")
    assert opened.inner_text(note) == "1 undated action shown"
    opened.click("#filter-reset")
    assert opened.inner_text(note) == "1 undated action shown"
    assert len(_shown(opened)) == 6
    assert not errors


def test_the_ranked_list_follows_the_dates(page):
    opened, _, _ = page
    i = _index(opened)
    # from 2024-07: only t5 (C->B sanction, 8) and t6 (C->A protest, 1) lie inside
    opened.select_option(f"#filter-{i}-from", label="2024-07")
    items = opened.eval_on_selector_all(
        "#focus-list li", "nodes => nodes.map(n => n.innerText.split('\\n')[0])"
    )
    assert items == ["B \u2194 C", "A \u2194 C"]


def test_no_control_without_dates(browser, tmp_path, write_csv):
    edge_set = load_edge_set(write_csv("source,target,action,weight\nA,B,x,-1\n", "u.csv"))
    html = render_html(edge_set)
    assert '"type": "dates"' not in html and '"type":"dates"' not in html
