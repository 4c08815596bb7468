"""graphkit timeline --html in a real browser: what it draws, and what it never does."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _open(browser, path):
    context = browser.new_context(viewport={"width": 1200, "height": 800})
    requests, dialogs, errors = [], [], []
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return context, page, requests, dialogs, errors


def test_the_heat_map_draws_pairs_periods_and_undated_apart(browser, run, tmp_path):
    path = tmp_path / "t.html"
    result = run("timeline", "--top", "3", "--html", path)
    assert result.exit_code == 0, result.stderr
    context, page, requests, dialogs, errors = _open(browser, path)
    try:
        labels = page.eval_on_selector_all("svg > text", "nodes => nodes.map(n => n.textContent)")
        # the essay's years and the undated column; the top three pairs in rank order
        assert labels[:4] == ["2023", "2024", "2025", "undated"]
        assert labels[4:] == ["1. South Korea \u2013 United States", "2. Canada \u2013 United States",
                              "3. Ukraine \u2013 United States"]  # fmt: skip
        # South Korea-US: 6 in 2023, 19.8 undated (drawn dashed, apart)
        titles = page.eval_on_selector_all("svg g > title", "nodes => nodes.map(n => n.textContent)")
        assert any(t.startswith("South Korea \u2013 United States, 2023: strain 6 ") for t in titles)
        assert any(t.startswith("South Korea \u2013 United States, undated: strain 19.8 ") for t in titles)
        dashed = page.eval_on_selector_all("rect[stroke-dasharray]", "nodes => nodes.length")
        assert dashed == 3  # one undated cell per pair: all three have undated actions
        assert "21 undated actions" in page.inner_text("body")
        assert requests == [path.resolve().as_uri()] and not dialogs and not errors
    finally:
        context.close()


def test_a_hostile_set_runs_no_script(browser, run, tmp_path, hostile_set):
    path = tmp_path / "h.html"
    assert run("timeline", hostile_set, "--html", path).exit_code == 0
    html = path.read_text()
    assert "<script" not in html and "<img" not in html and "<svg onload" not in html  # escaped as text
    context, page, requests, dialogs, errors = _open(browser, path)
    try:
        assert page.eval_on_selector_all("script, img, iframe", "nodes => nodes.length") == 0
        assert "<b>Bold</b>" in page.inner_text("body")  # shown as text
        assert not dialogs and not errors
        assert requests == [path.resolve().as_uri()]
    finally:
        context.close()


def test_the_page_is_deterministic(run, tmp_path):
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    run("timeline", "--freq", "quarter", "--html", a)
    run("timeline", "--freq", "quarter", "--html", b)
    assert a.read_bytes() == b.read_bytes()


def test_one_undated_action_is_said_in_the_singular(browser, run, tmp_path):
    # one dated tariff (-6) and one undated criticism (-1): the note counts one action, strain 1
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "source,target,action,weight,date\nA,B,tariff,-6,2024\nA,C,criticism,-1,\n", encoding="utf-8"
    )
    path = tmp_path / "t.html"
    assert run("timeline", rows, "--html", path).exit_code == 0
    context, page, *_ = _open(browser, path)
    try:
        assert "1 undated action (strain 1 in these rows) is in no period" in page.inner_text("body")
    finally:
        context.close()
