"""The page's filters redraw the strained-relationships list and the node sizes (in Chromium),
and the page's colours keep one meaning each."""

from __future__ import annotations

import colorsys
import math

import pytest

import graphkit as gk
from graphkit.render.graph import SIZE_METRICS
from graphkit.render.style import CHANGE_STYLES, COOPERATIVE, HOSTILE, PALETTE

from .page_parts import page_parts

LOW, HIGH = 10.0, 46.0  # graphkit.render.graph.NODE_SIZE


def size(value: float, top: float) -> float:
    # area, not radius, proportional: low + (high - low) * sqrt(value / top)
    return LOW + (HIGH - LOW) * math.sqrt(value / top)


@pytest.fixture
def essay(browser, tmp_path):
    path = tmp_path / "essay.html"
    path.write_text(gk.render_html(gk.load_edge_set()), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.__ready === true", timeout=60_000)
    yield page
    assert errors == []
    context.close()


def choose(page, index: int, value: str) -> None:
    page.select_option(f"#filter-{index}", value)


def slide(page, value: float) -> None:
    # as a user does: the thumb moves (input), then is let go (change)
    page.evaluate(
        """v => { const s = document.getElementById('filter-2'); s.value = String(v);
                  s.dispatchEvent(new Event('input')); s.dispatchEvent(new Event('change')); }""",
        value,
    )


def focus_list(page) -> list[tuple[str, str]]:
    rows = page.evaluate(
        """() => Array.from(document.querySelectorAll('#focus-list li')).map(li => {
               const spans = li.querySelectorAll('.focus-row span');
               return spans.length ? [spans[0].textContent, spans[1].textContent] : [li.textContent, ''];
           })"""
    )
    return [tuple(row) for row in rows]


def sizes(page) -> dict[str, float]:
    return page.evaluate(
        """() => Object.fromEntries(nodeView.get().map(n => [n.key, nodes.get(n.id).size]))"""
    )


pytestmark = pytest.mark.browser


def test_the_domain_filter_redraws_the_list_and_the_sizes(essay):
    unfiltered = sizes(essay)
    choose(essay, 0, "trade")
    # the essay's trade actions: USA->CAN tariff 8, CAN->USA retaliation 8 (both CAMEO 163; USA->CAN
    # postponement +5 is cooperative); USA->MEX tariff 8 (MEX->USA concession +5 and USA->MEX
    # postponement +5 cooperative); USA->KOR tariff threat 5.8 + accusation 2 = 7.8
    assert focus_list(essay) == [
        ("Canada \u2194 United States", "16"),
        ("Mexico \u2194 United States", "8"),
        ("South Korea \u2194 United States", "7.8"),
    ]
    details = essay.evaluate(
        "Array.from(document.querySelectorAll('#focus-list .focus-detail')).map(d => d.textContent)"
    )
    assert details == [
        "CAN\u2192USA 8, USA\u2192CAN 8 \u00b7 2 hostile, 1 cooperative \u00b7 trade",
        "USA\u2192MEX 8 \u00b7 1 hostile, 2 cooperative \u00b7 trade",
        "USA\u2192KOR 7.8 \u00b7 2 hostile \u00b7 trade",
    ]
    # sizes by strain received within trade: CAN, MEX and USA 8 (the largest), KOR 7.8
    shown = sizes(essay)
    assert shown == pytest.approx({"KOR": size(7.8, 8), "CAN": HIGH, "MEX": HIGH, "USA": HIGH}, abs=1e-3)
    assert shown["USA"] != unfiltered["USA"]  # 18 received in the whole set, 8 in trade
    choose(essay, 0, "")  # back to all: graphkit's own list and sizes
    assert sizes(essay) == unfiltered
    assert len(focus_list(essay)) == 11  # the essay's 11 strained pairs (fewer than the 12 rows)


def test_the_actor_filter_redraws_the_list_and_the_sizes(essay):
    choose(essay, 1, "n:JPN")
    # Japan's actions: JPN->USA criticism 2; USA->JPN troop withdrawal threat 7
    assert focus_list(essay) == [("Japan \u2194 United States", "9")]
    assert sizes(essay) == pytest.approx({"JPN": HIGH, "USA": size(2, 7)}, abs=1e-3)


def test_the_minimum_strain_filter_counts_the_shown_actions(essay):
    slide(essay, 15)
    # whole-set strain: KOR-USA 25.8, CAN-USA 20.4, UKR-USA 15.2 reach 15; JPN-USA 9 does not
    assert [label for label, _ in focus_list(essay)] == [
        "South Korea \u2194 United States",
        "Canada \u2194 United States",
        "Ukraine \u2194 United States",
    ]
    choose(essay, 0, "trade")
    slide(essay, 10)
    # within trade only CAN-USA (16) reaches 10; MEX-USA has 8 there, KOR-USA 7.8
    assert focus_list(essay) == [("Canada \u2194 United States", "16")]
    assert set(sizes(essay)) == {"CAN", "USA"}
    slide(essay, 17)
    assert focus_list(essay) == [("(no strained relationship among the shown actions)", "")]


def test_the_page_computes_what_graphkit_computes(essay):
    # unfiltered, the page's own measures agree with graphkit's strain and centrality,
    # so that the filtered figures come from the same definitions
    es = gk.load_edge_set()
    elements = page_parts(es)
    items = essay.evaluate("strainedPairs(PAGE.edges, 12)")
    # the rank interval is graphkit's bootstrap of the whole set, which the page does not recompute
    assert items == [{k: v for k, v in i.items() if k != "interval"} for i in elements["focus"]["items"]]
    table = gk.centrality(es).set_index("actor")
    for metric in SIZE_METRICS:
        values = essay.evaluate(
            "m => Object.fromEntries(measure(m, PAGE.edges, PAGE.nodes.map(n => n.id)))", metric
        )
        assert values == pytest.approx(table[metric].to_dict(), abs=1e-5), metric


def _hue(color: str) -> float:
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def _hue_gap(a: float, b: float) -> float:
    return min(abs(a - b), 360 - abs(a - b))


def test_category_colours_stay_apart_from_hostile_red_and_cooperative_green():
    for color in PALETTE:
        if color in ("#000000",):  # black has no hue
            continue
        assert _hue_gap(_hue(color), _hue(HOSTILE)) >= 30, color
        assert _hue_gap(_hue(color), _hue(COOPERATIVE)) >= 30, color
    # the diff page: removed is not the hostile red, nor any change the cooperative green
    for style in CHANGE_STYLES.values():
        assert style["color"] not in (HOSTILE, COOPERATIVE)
        r, g, b = (int(style["color"][i : i + 2], 16) for i in (1, 3, 5))
        if not r == g == b:  # a grey has no hue
            assert _hue_gap(_hue(style["color"]), _hue(HOSTILE)) >= 30


def test_groups_and_domains_never_share_a_colour_on_one_page():
    es = gk.load_edge_set()
    by_sign = page_parts(es)
    groups = [item["color"] for item in by_sign["legend"][0]["items"]]
    assert len(set(groups)) == len(groups) == 7  # the essay's seven groups: the palette's six and its grey
    by_domain = page_parts(es, color_by="domain")
    domains = [i["color"] for i in by_domain["legend"][1]["items"] if not i["label"].startswith("dashed")]
    node_colors = {n["color"]["background"] for n in by_domain["nodes"]}
    assert len(set(domains)) == len(domains) == 7  # seven domains: the palette's six and its grey
    assert node_colors.isdisjoint(domains)  # actors plain when colour shows domains


def test_tooltips_speak_in_labels_and_sentences():
    es = gk.load_edge_set()
    elements = page_parts(es)
    edge = next(e for e in elements["edges"] if e["id"] == "e36")  # USA -> JPN troop_withdrawal_threat
    assert es.edges.set_index("id").at["e36", "action"] == "troop_withdrawal_threat"
    assert "troop_withdrawal_threat" not in edge["title"]
    assert "Troop withdrawal threat" in edge["title"]
    assert "A hostile action: Goldstein weight \u22127, as scored by CAMEO 136" in edge["title"]
    kor = next(n for n in elements["nodes"] if n["id"] == "KOR")
    assert "hostile_in" not in kor["title"]
    assert "Drawn at a size for the strain it receives: 25.8" in kor["title"]
    assert elements["banner"].endswith("these are claims, not verified events.")


def test_the_ranked_list_shows_each_pairs_rank_interval(essay):
    # the interval is graphkit's bootstrap (200 resamples, seed 0), shown under the pair, and only
    # for the whole set: a filter recomputes the list from the shown actions, without intervals
    from graphkit.analysis.resample import resample_strain
    from graphkit.edgeset import load_edge_set

    table = resample_strain(load_edge_set("essay"), resamples=200, seed=0, top=12)
    shown = essay.evaluate(
        "Array.from(document.querySelectorAll('#focus-list .focus-interval')).map(d => d.textContent)"
    )
    assert shown[0] == f"rank 1 to {table['rank_high'].iat[0]} in 90% of 200 resamples of the actions"
    assert len(shown) == 11  # the 11 strained pairs of the 12 listed
    choose(essay, 0, "trade")
    assert essay.evaluate("document.querySelectorAll('#focus-list .focus-interval').length") == 0
