"""graphkit render without a browser: the page's data, its safety, its bytes, the command."""

from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.edgeset import load_edge_set
from graphkit.errors import GraphkitError
from graphkit.render import render_html, render_page
from graphkit.render.graph import keep_top

from .page_parts import page_parts


def page_data(html: str) -> dict:
    """The JSON the page draws from."""
    match = re.search(r'^<script type="application/json" id="page-data">(.*)</script>$', html, re.MULTILINE)
    assert match, "the page holds its data in one line: a JSON block, <script type=application/json>"
    return json.loads(match.group(1))


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


# --- the page's data -------------------------------------------------------


def test_every_action_is_one_arrow_and_every_actor_one_node(small_set):
    es = load_edge_set(small_set)
    data = page_data(render_html(es))
    assert sorted(e["id"] for e in data["edges"]) == ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"]
    assert [n["id"] for n in data["nodes"]] == ["A", "B", "C", "D"]
    assert {(e["id"], e["from"], e["to"]) for e in data["edges"]} >= {("s3", "B", "A"), ("s7", "D", "A")}


def test_nodes_are_sized_by_strain_received(small_set):
    # by hand: A receives 3 (s3), B 4 + 2 = 6 (s1, s2), C 5 + 0.5 = 5.5 (s4, s8), D 1 (s5)
    nodes = {n["id"]: n for n in page_parts(load_edge_set(small_set))["nodes"]}
    assert nodes["B"]["size"] == 46.0
    assert nodes["B"]["size"] > nodes["C"]["size"] > nodes["A"]["size"] > nodes["D"]["size"]
    assert nodes["D"]["size"] == pytest.approx(10 + 36 * math.sqrt(1 / 6), abs=1e-3)
    # B deals 3 (s3) + 0.5 (s8); its partners: A (strain 9), C (0.5)
    assert "strain received 6 \u00b7 dealt 3.5" in nodes["B"]["title"]
    assert "top partners by strain: A (9), C (0.5)" in nodes["B"]["title"]


def test_size_by_another_metric(small_set):
    # strain dealt, by hand: A 4 + 2 + 5 = 11, B 3 + 0.5 = 3.5, C 1, D 0
    nodes = {n["id"]: n for n in page_parts(load_edge_set(small_set), size_by="hostile_out")["nodes"]}
    assert nodes["A"]["size"] == 46.0 and nodes["D"]["size"] == 10.0
    with pytest.raises(GraphkitError, match="size_by 'nope'"):
        page_parts(load_edge_set(small_set), size_by="nope")


def test_arrows_show_sign_by_colour_and_dashes_and_weight_by_width(small_set):
    edges = {e["id"]: e for e in page_parts(load_edge_set(small_set))["edges"]}
    hostile, cooperative = edges["s4"], edges["s6"]  # sanction -5, cooperation +3
    assert "dashes" not in hostile and cooperative["dashes"]
    assert hostile["color"]["color"] != cooperative["color"]["color"]
    assert hostile["width"] == pytest.approx(1 + 0.6 * 5)
    assert edges["s8"]["width"] == pytest.approx(1 + 0.6 * 0.5)


def test_colour_by_domain_gives_each_domain_its_colour(small_set):
    elements = page_parts(load_edge_set(small_set), color_by="domain")
    by_domain: dict[str, set] = {}
    for edge in elements["edges"]:
        by_domain.setdefault(edge["domain"], set()).add(edge["color"]["color"])
    assert all(len(colours) == 1 for colours in by_domain.values())
    assert len({c for colours in by_domain.values() for c in colours}) == len(by_domain)
    legend_labels = [item["label"] for item in elements["legend"][1]["items"]]
    assert set(by_domain) <= set(legend_labels)


def test_parallel_actions_are_fanned_out_not_stacked(small_set):
    # A-B has three actions (s1, s2 A->B; s3 B->A): each must take its own curve
    edges = [e for e in page_parts(load_edge_set(small_set))["edges"] if {e["from"], e["to"]} == {"A", "B"}]
    assert len(edges) == 3

    def geometry(edge):
        smooth = edge["smooth"]
        if not smooth["enabled"]:
            return ("straight", 0)
        # vis bends relative to each edge's own direction
        clockwise = smooth["type"] == "curvedCW"
        side = clockwise == (edge["from"] < edge["to"])
        return (side, smooth["roundness"])

    assert len({geometry(e) for e in edges}) == 3
    # the most hostile action, s1 (-4), is the straight one
    assert next(e for e in edges if e["id"] == "s1")["smooth"] == {"enabled": False}


def test_edge_tooltip_says_alleged_and_gives_action_date_weight_cameo_quote_source():
    es = load_edge_set()
    # e14, the 12th row of edges/essay/edges.csv (line 13): JPN -> USA criticism (taxonomy: 110,
    # -2.0) in the investment domain, dated 2024
    edge = next(e for e in page_parts(es)["edges"] if e["id"] == "e14")
    row = es.edges.set_index("id").loc["e14"]
    assert edge["title"].splitlines() == [
        "ALLEGED: Japan \u2192 United States",
        "Criticism (investment, 2024)",  # the taxonomy's label, not the id 'criticism'
        "A hostile action: Goldstein weight \u22122, as scored by CAMEO 110 \u201cDisapprove, not specified below\u201d.",
        "PLOVER ACCUSE (disapprove)",  # the CAMEO-to-PLOVER table's row for 110
        f"\u201c{row['quote']}\u201d",
        "Source: edge set \u2018essay\u2019, edge e14, line 13",
    ]


def test_edge_tooltip_gives_the_plover_reading_and_the_reports_mode():
    # e19: CAMEO 046 Engage in negotiation is CONSULT (no mode) in the published table; the row's
    # mode is hedged ("was also exposed to have held secret talks"); e23 is a statement (010): no event
    titles = {e["id"]: e["title"].splitlines() for e in page_parts(load_edge_set())["edges"]}
    assert titles["e19"][3] == "PLOVER CONSULT; reported as hedged"
    assert titles["e23"][3] == "PLOVER: no event type"


def test_top_keeps_the_most_strained_relationships(small_set):
    # strain by hand: A-B 4 + 2 + 3 = 9, A-C 5, C-D 1, B-C 0.5, A-D 0
    es = load_edge_set(small_set)
    assert sorted(keep_top(es, 1).edges["id"]) == ["s1", "s2", "s3"]
    assert sorted(keep_top(es, 2).edges["id"]) == ["s1", "s2", "s3", "s4"]
    data = page_data(render_html(es, top=2))
    assert sorted(e["id"] for e in data["edges"]) == ["s1", "s2", "s3", "s4"]
    assert [n["id"] for n in data["nodes"]] == ["A", "B", "C"]


def test_strained_panel_ranks_pairs_and_lists_their_arrows(small_set):
    focus = page_parts(load_edge_set(small_set))["focus"]
    assert [(i["label"], i["value"]) for i in focus["items"]] == [
        ("A \u2194 B", "9"),
        ("A \u2194 C", "5"),
        ("C \u2194 D", "1"),
        ("B \u2194 C", "0.5"),
    ]
    assert sorted(focus["items"][0]["edges"]) == ["s1", "s2", "s3"]
    assert focus["items"][0]["detail"].startswith("A\u2192B 6, B\u2192A 3 \u00b7 3 hostile")


# --- what the page must never do ------------------------------------------


def test_two_renders_are_byte_identical(tmp_path):
    runner = CliRunner()
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert runner.invoke(main, ["render", "-o", str(first)]).exit_code == 0
    assert runner.invoke(main, ["render", "-o", str(second)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_page_loads_nothing_from_anywhere():
    html = render_html(load_edge_set())
    tags = tags_of(html)
    assert [t for t, attrs in tags if "src" in attrs or "href" in attrs] == []
    assert [t for t, _ in tags if t in ("link", "iframe", "img", "object", "embed", "base")] == []
    assert re.search(r"url\(\s*['\"]?(https?:)?//", html) is None  # no stylesheet fetch either
    assert "vis.Network" in html and "cdnjs" not in html and "jsdelivr" not in html


def test_hostile_text_stays_data(hostile_set):
    html = render_html(load_edge_set(hostile_set))
    for raw in ("<img src=x", "<svg onload", "<b>Bold", "<script>alert", "</script><script>", "<i>fine"):
        assert raw not in html
    # the page's own tags only: three scripts (vis, the data as JSON, graphkit) and no element from the data
    assert [
        t
        for t, _ in tags_of(html)
        if t
        not in (
            "html",
            "head",
            "meta",
            "title",
            "style",
            "body",
            "header",
            "h1",
            "p",
            "div",
            "aside",
            "section",
            "script",
            # the page's own shell: landmarks, search form and view buttons
            "main",
            "form",
            "label",
            "input",
            "datalist",
            "button",
            "h2",
        )
    ] == []
    assert html.count("</script>") == 3
    # and the data still says exactly what the user wrote
    data = page_data(html)
    titles = "\n".join(e["title"] for e in data["edges"])
    assert "\u201c<img src=x onerror=alert(1)>\u201d" in titles
    assert "\u201c</script><script>alert(1)</script>\u201d" in titles
    assert data["nodes"][0]["label"] == "<b>Bold</b> href=javascript:alert(4)"


def test_page_title_is_escaped(tmp_path):
    html = render_page(title="<script>alert(1)</script> & co", nodes=[], edges=[])
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>" in html
    assert page_data(html)["title"] == "<script>alert(1)</script> & co"


# --- the generic page builder ----------------------------------------------


def test_render_page_takes_plain_vis_dicts_and_completes_the_filters():
    nodes = [{"id": "x", "label": "X"}, {"id": "y", "label": "Y"}]
    edges = [
        {"id": 1, "from": "x", "to": "y", "kind": "b", "score": 2.5},
        {"id": 2, "from": "y", "to": "x", "kind": "a", "score": 0},
    ]
    filters = [
        {"type": "select", "field": "kind", "label": "Kind"},
        {"type": "min", "field": "score", "label": "Score"},
        {"type": "actor", "label": "Node"},
    ]
    data = page_data(
        render_page(
            title="t", nodes=nodes, edges=edges, filters=filters, options={"layout": {"randomSeed": 3}}
        )
    )
    assert data["edges"] == edges and data["nodes"] == nodes
    # the slider's range is exact: its last stop (2.5, steps of 0.5) is the largest score
    assert [f.get("values", f.get("max")) for f in data["filters"]] == [
        ["a", "b"],
        2.5,
        [["x", "X"], ["y", "Y"]],
    ]
    assert data["options"]["layout"]["randomSeed"] == 3
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 500
    with pytest.raises(ValueError, match="unknown filter type"):
        render_page(title="t", nodes=nodes, edges=edges, filters=[{"type": "regex"}])


def test_large_graphs_get_cheaper_physics():
    from graphkit.render.page import physics_options

    small, large = physics_options(16, 42), physics_options(1000, 5000)
    assert large["layout"]["improvedLayout"] is False and small["layout"]["improvedLayout"] is True
    assert (
        large["physics"]["stabilization"]["iterations"]
        < small["physics"]["stabilization"]["iterations"]
        <= 500
    )


# --- the command ------------------------------------------------------------


def test_render_writes_output_set_html_and_prints_its_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["render"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == str(Path("output") / "essay.html") + "\n"
    assert result.stderr == ""
    # nothing but the page is written: no lib/ folder, no temporary file
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == [
        "output",
        "output/essay.html",
    ]
    assert page_data((tmp_path / "output" / "essay.html").read_text(encoding="utf-8"))["title"].startswith(
        "essay"
    )


def test_render_to_stdout_writes_no_file(tmp_path, monkeypatch, small_set):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["render", str(small_set), "-o", "-", "--domain", "trade"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert {e["domain"] for e in page_data(result.stdout)["edges"]} == {"trade"}
    assert list(tmp_path.iterdir()) == []


def test_render_reads_standard_input(tmp_path, small_set):
    result = CliRunner().invoke(
        main, ["render", "-", "-o", str(tmp_path / "in.html")], input=small_set.read_bytes()
    )
    assert result.exit_code == 0, result.stderr
    assert len(page_data((tmp_path / "in.html").read_text(encoding="utf-8"))["edges"]) == 8


def test_render_into_a_missing_folder_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["render", "-o", str(tmp_path / "nope" / "x.html")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_render_of_a_bad_edge_set_names_the_line(write_csv):
    path = write_csv("source,target,action,weight\nA,B,tariff,-99\n")
    result = CliRunner().invoke(main, ["render", str(path), "-o", "-"])
    assert result.exit_code == 2
    assert f"{path}:2:" in result.stderr and result.stdout == ""


def test_render_in_a_users_process_leaves_nothing_frozen(run, tmp_path):
    # the command freezes the collector's view of its imports while it builds the page; a program
    # running it in its own process (a notebook, a test runner) must get its collector back whole
    import gc

    before = gc.get_freeze_count()
    result = run("render", "essay", "-o", tmp_path / "page.html")
    assert result.exit_code == 0, result.stderr
    assert gc.get_freeze_count() == before
