"""graphkit diff: edges, actors, strain and similarity between two edge sets, library and CLI."""

from __future__ import annotations

import json
import random

import pytest

from graphkit.compare.diff import diff_edge_sets
from graphkit.compare.report import format_diff
from graphkit.edgeset import load_edge_set


def load(text: str):
    return load_edge_set("-", stdin=text.encode("utf-8"))


# A small pair of sets without ids, worked out by hand.
# Edges are identified by (source, target, action, date); A holds two identical
# X->Y accusations, B one, so one copy is removed.
HAND_A = """source,target,action,weight,date,quote
X,Y,accusation,-4,2020,q
X,Y,accusation,-4,2020,q
Y,X,criticism,-2,,q
X,Z,cooperation,3,,q
Z,Y,threat,-5,,q
"""
HAND_B = """source,target,action,weight,date,quote
Z,W,threat,-8,,q
X,Z,cooperation,3,,q
Y,X,criticism,-3,,q
X,Y,accusation,-4,2020,q
"""


@pytest.fixture
def hand():
    return diff_edge_sets(load(HAND_A), load(HAND_B))


def test_hand_worked_edges(hand):
    assert hand.identity == ("source", "target", "action", "date", "occurrence")
    assert hand.removed[["source", "target", "action", "weight"]].values.tolist() == [
        ["X", "Y", "accusation", -4.0],
        ["Z", "Y", "threat", -5.0],
    ]
    assert hand.added[["source", "target", "action", "weight"]].values.tolist() == [
        ["Z", "W", "threat", -8.0]
    ]
    assert hand.changed[
        ["source", "target", "action", "date", "occurrence", "field", "old", "new"]
    ].values.tolist() == [["Y", "X", "criticism", "", 1, "weight", -2.0, -3.0]]
    assert hand.unchanged == 2 and hand.changed_edges == 1
    assert hand.actors_added["id"].tolist() == ["W"]
    assert hand.actors_removed.empty
    assert hand.differs


def test_hand_worked_strain(hand):
    # pair strain A: {X,Y} 4+4+2 = 10, {Y,Z} 5, {X,Z} 0 (cooperation only)
    # pair strain B: {X,Y} 4+3 = 7, {W,Z} 8, {X,Z} 0
    # ranked by |delta|: W-Z 8, Y-Z 5, X-Y 3, X-Z 0
    rows = hand.strain[
        ["actor_a", "actor_b", "strain_a", "strain_b", "delta", "rank_a", "rank_b", "rank_change"]
    ]
    assert rows.values.tolist() == [
        ["W", "Z", 0.0, 8.0, 8.0, None, 1, None],
        ["Y", "Z", 5.0, 0.0, -5.0, 2, None, None],
        ["X", "Y", 10.0, 7.0, -3.0, 1, 2, -1],
        ["X", "Z", 0.0, 0.0, 0.0, 3, 3, 0],
    ]
    assert hand.strain_changes()["actor_b"].tolist() == ["Z", "Z", "Y"]


def test_hand_worked_metrics(hand):
    m = {name: metric.value for name, metric in hand.metrics.items()}
    # identities A: XY#1, XY#2, YX, XZ, ZY; B: XY#1, YX, XZ, ZW
    # shared 3 (XY#1, YX, XZ) of 6 (those + XY#2, ZY, ZW)
    assert m["jaccard_edges"] == pytest.approx(3 / 6)
    # strained pairs A {XY, YZ}, B {XY, WZ}: 1 shared of 3
    assert m["jaccard_strained_pairs"] == pytest.approx(1 / 3)
    # sum of minima 7+0+0+0 over sum of maxima 10+0+5+8
    assert m["weighted_jaccard_strain"] == pytest.approx(7 / 23)
    # ordered pairs A {X>Y, Y>X, X>Z, Z>Y}, B {X>Y, Y>X, X>Z, Z>W}: Z>Y and Z>W in one only
    assert m["hamming_adjacency"] == 2
    assert hand.metrics["hamming_adjacency"].n == 5
    # only X-Y is strained in both: a rank correlation needs two pairs
    for name in ("kendall_tau_both", "spearman_both", "kendall_tau_top_k", "spearman_top_k"):
        assert m[name] is None
        assert "fewer than 2 pairs" in hand.metrics[name].reason


# Three pairs strained in both sets, in opposite order: tau = rho = -1.
REVERSED_A = "source,target,action,weight\nA,B,t,-3\nA,C,t,-2\nA,D,t,-1\n"
REVERSED_B = "source,target,action,weight\nA,B,t,-1\nA,C,t,-2\nA,D,t,-3\n"


def test_rank_correlations_of_reversed_order():
    d = diff_edge_sets(load(REVERSED_A), load(REVERSED_B), top=1)
    for name in ("kendall_tau_both", "spearman_both"):
        assert d.metrics[name].value == pytest.approx(-1.0)
        assert d.metrics[name].n == 3
    # top 1 of A is A-B, top 1 of B is A-D: two pairs, in opposite order
    assert d.metrics["kendall_tau_top_k"].n == 2
    assert d.metrics["kendall_tau_top_k"].value == pytest.approx(-1.0)


def test_rank_correlation_undefined_when_one_side_is_constant():
    same = "source,target,action,weight\nA,B,t,-2\nA,C,t,-2\nA,D,t,-2\n"
    d = diff_edge_sets(load(same), load(REVERSED_B))
    assert d.metrics["spearman_both"].value is None
    assert d.metrics["spearman_both"].reason == "every pair strained in both sets has the same strain in A"


def test_partial_order_correlation_by_hand():
    # strains A (4, 3, 2, 1), B (3, 4, 2, 1): one discordant pair of six,
    # tau = (5 - 1) / 6; Spearman on ranks d = (1, -1, 0, 0): 1 - 6*2 / (4*15) = 0.8
    a = "source,target,action,weight\nA,B,t,-4\nA,C,t,-3\nA,D,t,-2\nA,E,t,-1\n"
    b = "source,target,action,weight\nA,B,t,-3\nA,C,t,-4\nA,D,t,-2\nA,E,t,-1\n"
    d = diff_edge_sets(load(a), load(b))
    assert d.metrics["kendall_tau_both"].value == pytest.approx(4 / 6)
    assert d.metrics["spearman_both"].value == pytest.approx(0.8)


def test_same_set_is_empty_with_every_similarity_one():
    essay = load_edge_set("essay")
    d = diff_edge_sets(essay, essay)
    assert not d.differs
    for part in (d.added, d.removed, d.changed, d.actors_added, d.actors_removed, d.centrality_changes):
        assert part.empty
    assert d.strain_changes().empty
    for name, metric in d.metrics.items():
        assert metric.value == (0 if name == "hamming_adjacency" else 1.0), name


# essay-recoded is a second coding of the essay's first coding, which is kept as
# essay-2025-v1 since 'essay' was re-coded by docs/codebook.md: the pair's tests use it.
def test_essay_against_its_recoding():
    d = diff_edge_sets(load_edge_set("essay-2025-v1"), load_edge_set("essay-recoded"))
    assert d.identity == ("id",)
    assert d.added["id"].tolist() == ["e43", "e44"]
    assert d.removed["id"].tolist() == ["e11", "e18"]
    assert d.changed[["id", "field", "old", "new"]].values.tolist() == [
        ["e01", "weight", -8.0, -7.0],  # the taxonomy's tariff is CAMEO 163, -8.0
        ["e06", "weight", -8.0, -5.0],  # retaliation too
        ["e12", "date", "2025", "2024"],
        ["e29", "action", "accusation", "criticism"],
        ["e29", "cameo", "112", "110"],
    ]
    assert d.actors_removed["id"].tolist() == ["DEU_MEDIA"]
    # 40 ids in both out of 44 in either
    assert d.metrics["jaccard_edges"].value == pytest.approx(40 / 44)
    # MEX-USA gains the added 8.0 tariff (CAMEO 163); CAN-USA gains 8.0, loses 1.0 (e01) and 3.0 (e06)
    top = d.strain_changes().head(2)[["actor_a", "actor_b", "delta"]].values.tolist()
    assert top == [["MEX", "USA", 8.0], ["CAN", "USA", 4.0]]


def test_mirror_of_essay_and_recoding():
    a, b = load_edge_set("essay-2025-v1"), load_edge_set("essay-recoded")
    ab, ba = diff_edge_sets(a, b), diff_edge_sets(b, a)
    assert ab.added.equals(ba.removed) and ab.removed.equals(ba.added)
    swapped = ba.changed.rename(columns={"old": "new", "new": "old"})[ab.changed.columns]
    assert ab.changed.drop(columns=["action"]).equals(swapped.drop(columns=["action"]))
    assert ab.actors_added.equals(ba.actors_removed)
    assert (
        ab.strain.set_index(["actor_a", "actor_b"])["delta"]
        == -ba.strain.set_index(["actor_a", "actor_b"])["delta"]
    ).all()
    assert {k: m.value for k, m in ab.metrics.items()} == pytest.approx(
        {k: m.value for k, m in ba.metrics.items()}
    )


def test_row_order_never_matters(tmp_path):
    lines = (load_edge_set("essay-recoded").path / "edges.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:]
    random.Random(4).shuffle(rows)
    folder = tmp_path / "essay-recoded"
    folder.mkdir()
    (folder / "edges.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    # the same source text, so that the coding agreement is compared too
    (folder / "source.txt").write_bytes((load_edge_set("essay-recoded").path / "source.txt").read_bytes())
    essay = load_edge_set("essay-2025-v1")
    shuffled = format_diff(diff_edge_sets(essay, load_edge_set(folder)), "json")
    original = format_diff(diff_edge_sets(essay, load_edge_set("essay-recoded")), "json")
    assert shuffled == original


def test_duplicates_are_matched_copy_for_copy():
    two = "source,target,action,weight\nA,B,t,-2\nA,B,t,-2\n"
    three = "source,target,action,weight\nA,B,t,-2\nA,B,t,-2\nA,B,t,-2\n"
    d = diff_edge_sets(load(two), load(three))
    assert len(d.added) == 1 and d.removed.empty and d.changed.empty and d.unchanged == 2


def test_duplicates_with_a_change_pair_by_value():
    # key A-B-t twice in each; -4 is in both, so only -2 -> -6 is a change
    a = "source,target,action,weight\nA,B,t,-2\nA,B,t,-4\n"
    b = "source,target,action,weight\nA,B,t,-4\nA,B,t,-6\n"
    d = diff_edge_sets(load(a), load(b))
    assert d.changed[["field", "old", "new", "occurrence"]].values.tolist() == [["weight", -2.0, -6.0, 1]]
    assert d.unchanged == 1 and d.added.empty and d.removed.empty


def test_key_identity_when_only_one_set_has_ids():
    with_ids = "id,source,target,action,weight\nx1,A,B,t,-2\n"
    without = "source,target,action,weight\nA,B,t,-3\n"
    d = diff_edge_sets(load(with_ids), load(without))
    assert d.identity[:4] == ("source", "target", "action", "date")
    assert d.changed[["field", "old", "new"]].values.tolist() == [["weight", -2.0, -3.0]]


def test_id_identity_reports_a_moved_edge_as_changed():
    a = "id,source,target,action,weight\nx1,A,B,t,-2\n"
    b = "id,source,target,action,weight\nx1,A,C,t,-2\n"
    d = diff_edge_sets(load(a), load(b))
    assert d.changed[["id", "field", "old", "new"]].values.tolist() == [["x1", "target", "B", "C"]]
    assert d.actors_added["id"].tolist() == ["C"] and d.actors_removed["id"].tolist() == ["B"]


# --- command line ---------------------------------------------------------


def test_cli_table_has_sections_and_exit_zero(run):
    result = run("diff", "essay-2025-v1", "essay-recoded")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for heading in (
        "Added edges (2)",
        "Removed edges (2)",
        "Changed edges (4)",
        "Actors removed (1)",
        "Centrality changes",
        "Strain changes",
        "Similarity",
    ):
        assert heading in out
    assert out.index("Added edges") < out.index("Removed edges") < out.index("Similarity")
    assert result.stderr == ""


def test_cli_markdown_headings(run):
    out = run("diff", "essay-2025-v1", "essay-recoded", "--format", "markdown").stdout
    assert out.startswith("# graphkit diff: essay-2025-v1 -> essay-recoded\n")
    assert "\n## Changed edges (4)\n" in out
    assert "| e29 | FRA | USA | accusation | action | accusation | criticism |" in out


def test_cli_json_object(run):
    result = run("diff", "essay-2025-v1", "essay-recoded", "--format", "json")
    doc = json.loads(result.stdout)
    assert [r["id"] for r in doc["added"]] == ["e43", "e44"]
    assert [r["id"] for r in doc["removed"]] == ["e11", "e18"]
    assert {
        "id": "e01",
        "source": "USA",
        "target": "CAN",
        "action": "tariff",
        "field": "weight",
        "old": -8.0,
        "new": -7.0,
    } in doc["changed"]
    first = doc["strain"][0]
    assert first == {
        "actor_a": "MEX",
        "actor_b": "USA",
        "name_a": "Mexico",
        "name_b": "United States",
        # essay-2025-v1: e02 tariff 8.0 + e04 accusation 2.0 = 10.0, tied with DEU-USA and
        # EUR-USA after KOR, CAN, UKR, JPN, DNK-USA: 8th by actor id; essay-recoded adds the
        # tariff e44 (8.0): 18.0, 4th after KOR 32.8, CAN 29.0, UKR 21.0
        "strain_a": 10.0,
        "strain_b": 18.0,
        "delta": 8.0,
        "rank_a": 8,
        "rank_b": 4,
        "rank_change": 4,
    }
    assert doc["metrics"]["hamming_adjacency"] == {"value": 2, "n": 23, "reason": None}
    assert doc["actors_removed"][0]["id"] == "DEU_MEDIA"
    assert doc["summary"]["differs"] is True


def test_cli_json_undefined_metric_is_null_with_reason(run, write_csv):
    a = write_csv(HAND_A, "a.csv")
    b = write_csv(HAND_B, "b.csv")
    doc = json.loads(run("diff", str(a), str(b), "--format", "json").stdout)
    assert doc["metrics"]["kendall_tau_both"] == {
        "value": None,
        "n": 1,
        "reason": "fewer than 2 pairs strained in both sets",
    }


def test_cli_csv_one_table_of_edge_changes(run):
    lines = run("diff", "essay-2025-v1", "essay-recoded", "--format", "csv").stdout.splitlines()
    assert lines[0] == "change,id,source,target,action,weight,cameo,domain,date,quote,field,old,new"
    assert [line.split(",")[0] for line in lines[1:]] == ["removed"] * 2 + ["added"] * 2 + ["changed"] * 5
    assert "changed,e12,USA,NIPPON_STEEL,blocked_acquisition,,,,,,date,2025,2024" in lines


def test_cli_exit_code(run):
    assert run("diff", "essay-2025-v1", "essay-recoded", "--exit-code").exit_code == 1
    assert run("diff", "essay", "essay", "--exit-code").exit_code == 0
    assert run("diff", "essay-2025-v1", "essay-recoded").exit_code == 0


def test_cli_bad_file_exits_two_with_file_and_line(run, write_csv):
    bad = write_csv("source,target,action,weight\nA,B,t,lots\n", "bad.csv")
    result = run("diff", "essay", str(bad), "--exit-code")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{bad}:2: weight 'lots' is not a number" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_messages_come_in_order_though_both_sets_are_read_at_once(run, write_csv):
    # A and B are read at the same time (A in a second thread); what is said must stay
    # what one read after the other says: A's problems alone when A is bad (B's are not
    # told), else A's warnings, then B's warnings or problems. Lines worked out by hand.
    bad_a = write_csv("source,target,action,weight\nA,B,tariff,lots\n", "bad_a.csv")
    bad_b = write_csv("source,target,action,weight\nC,D,tariff,much\n", "bad_b.csv")
    warn_a = write_csv("source,target,action,weight\nA,B,tariff,3\n", "warn_a.csv")
    warn_b = write_csv("source,target,action,weight\nC,D,tariff,4\n", "warn_b.csv")

    both_bad = run("diff", bad_a, bad_b)
    assert both_bad.exit_code == 2
    assert f"{bad_a}:2: weight 'lots'" in both_bad.stderr and str(bad_b) not in both_bad.stderr

    warned_then_bad = run("diff", warn_a, bad_b)
    assert warned_then_bad.exit_code == 2
    lines = warned_then_bad.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"graphkit: warning: {warn_a}:2: weight 3 has the opposite sign")
    assert lines[1].startswith(f"graphkit: {bad_b}:2: weight 'much' is not a number")

    both_warned = run("diff", warn_a, warn_b)
    assert both_warned.exit_code == 0
    lines = both_warned.stderr.splitlines()
    assert [line.split(":")[2].strip() for line in lines] == [str(warn_a), str(warn_b)]


def test_cli_missing_set_exits_two(run):
    result = run("diff", "essay", "no-such-set")
    assert result.exit_code == 2 and "no-such-set" in result.stderr


def test_cli_both_from_stdin_is_refused(run):
    result = run("diff", "-", "-", input=HAND_A)
    assert result.exit_code == 2
    assert "only one edge set can come from standard input" in result.stderr


def test_cli_reads_one_side_from_stdin(run, write_csv):
    b = write_csv(HAND_B, "b.csv")
    doc = json.loads(run("diff", "-", str(b), "--format", "json", input=HAND_A).stdout)
    assert doc["metrics"]["jaccard_edges"]["value"] == 0.5


def test_cli_filters_apply_to_both_sides(run):
    # trade domain: e11 (security) and e18 (energy) drop out of both sides, so
    # nothing is removed; e12 (investment) too, so only the weights of e01, e06 change
    doc = json.loads(
        run("diff", "essay-2025-v1", "essay-recoded", "--domain", "trade", "--format", "json").stdout
    )
    assert [r["id"] for r in doc["added"]] == ["e43", "e44"]
    assert doc["removed"] == []
    assert [(r["id"], r["field"]) for r in doc["changed"]] == [("e01", "weight"), ("e06", "weight")]


def test_cli_output_file(run, tmp_path):
    target = tmp_path / "diff.json"
    result = run("diff", "essay-2025-v1", "essay-recoded", "--format", "json", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["edges_added"] == 2


def test_cli_output_is_deterministic(run):
    assert (
        run("diff", "essay-2025-v1", "essay-recoded").stdout
        == run("diff", "essay-2025-v1", "essay-recoded").stdout
    )


# --- the --html page --------------------------------------------------------

HOSTILE_A = """id,source,target,action,weight,quote
h1,AAA,BBB,tariff,,<img src=x onerror=alert(1)>
h2,BBB,AAA,criticism,-3,</script><script>alert(2)</script>
"""
HOSTILE_B = """id,source,target,action,weight,quote
h1,AAA,BBB,tariff,-9,<img src=x onerror=alert(1)>
h3,AAA,<b>C</b>,criticism,-3,<svg onload=alert(3)>
"""


def essay_pair():
    from graphkit.render.diff_page import diff_elements

    a, b = load_edge_set("essay-2025-v1"), load_edge_set("essay-recoded")
    return diff_elements(diff_edge_sets(a, b), a, b)


def test_html_union_graph_styles_each_change():
    from graphkit.render.diff_page import CHANGE_STYLES

    page = essay_pair()
    edges = page["edges"]
    # 36 unchanged + 4 changed + 2 added + 2 removed
    assert len(edges) == 44
    assert sorted(e["change"] for e in edges) == sorted(
        ["unchanged"] * 36 + ["changed"] * 4 + ["added"] * 2 + ["removed"] * 2
    )
    for edge in edges:
        assert edge["color"]["color"] == CHANGE_STYLES[edge["change"]]["color"]
    assert len({s["color"] for s in CHANGE_STYLES.values()}) == 4
    assert [e.get("dashes", False) for e in edges if e["change"] == "removed"] == [[9, 6], [9, 6]]
    legend = page["legend"][0]["items"]
    assert [i["label"].split(":")[0] for i in legend] == ["added", "removed", "changed", "unchanged"]
    # 16 actors: the 15 of B and German media, only in A
    nodes = {n["id"]: n["status"] for n in page["nodes"]}
    assert len(nodes) == 16 and nodes["DEU_MEDIA"] == "removed" and nodes["USA"] == "both"


def test_html_tooltip_of_a_changed_edge_shows_old_and_new():
    page = essay_pair()
    e29 = next(e for e in page["edges"] if "edge e29" in e["title"])
    assert e29["change"] == "changed"
    assert "action: accusation \u2192 criticism" in e29["title"]
    assert "cameo: 112 \u2192 110" in e29["title"]
    e01 = next(e for e in page["edges"] if "edge e01" in e["title"])
    assert "weight: \u22128 \u2192 \u22127" in e01["title"]
    removed = next(e for e in page["edges"] if "edge e18" in e["title"])
    assert removed["title"].startswith("REMOVED: German media \u2192 United States")
    assert "B \u2018" not in removed["title"]


def test_html_focus_lists_the_largest_strain_changes():
    items = essay_pair()["focus"]["items"]
    assert [(i["label"], i["value"]) for i in items] == [
        ("Mexico \u2194 United States", "+8"),  # 10.0 -> 18.0, above
        ("Canada \u2194 United States", "+4"),  # 8 + 2 + 8 + 7 = 25 -> 7 + 2 + 5 + 8 + 7 = 29
        ("German media \u2194 United States", "\u22122"),
    ]
    assert items[0]["detail"] == "strain 10 \u2192 18 \u00b7 rank 8 \u2192 4"


def test_html_hostile_text_stays_data(write_csv):
    from graphkit.render.diff_page import diff_html

    a, b = load(HOSTILE_A), load(HOSTILE_B)
    html = diff_html(diff_edge_sets(a, b), a, b)
    for raw in ("<img src=x", "<svg onload", "<b>C", "</script><script>alert"):
        assert raw not in html
    # vis-network, the data (a JSON block) and graphkit's script: none closed early by the data
    assert html.count("</script>") == 3


def test_cli_html_is_written_and_byte_identical(run, tmp_path):
    first, second = tmp_path / "one.html", tmp_path / "two.html"
    result = run("diff", "essay-2025-v1", "essay-recoded", "--html", str(first))
    assert result.exit_code == 0
    assert result.stderr == f"wrote {first}\n"
    assert "Added edges (2)" in result.stdout
    run("diff", "essay-2025-v1", "essay-recoded", "--html", str(second))
    assert first.read_bytes() == second.read_bytes()
    html = first.read_text(encoding="utf-8")
    assert "cdnjs" not in html and "jsdelivr" not in html and "<script src" not in html


def test_cli_html_refuses_a_graph_too_big_to_draw(run, write_csv):
    from graphkit.render.diff_page import MAX_PAGE_EDGES

    rows = "\n".join(f"A{i},B{i},criticism,-1" for i in range(MAX_PAGE_EDGES + 1))
    big = write_csv("source,target,action,weight\n" + rows + "\n", "big.csv")
    result = run("diff", "essay", str(big), "--html", str(big.parent / "big.html"))
    assert result.exit_code == 2
    # 5,001 rows in big.csv + the essay's 33 edges, none shared: 5,034 in the union
    assert result.stderr.startswith("graphkit: --html: the union of the two sets holds 5,034 actions")
    assert "more than a page can draw" in result.stderr and "domain" in result.stderr
    assert not (big.parent / "big.html").exists()


@pytest.fixture
def diff_page(run, tmp_path, browser):
    """The first essay coding vs its recoding, the page open in headless Chromium, every request and error recorded."""
    path = tmp_path / "diff.html"
    assert run("diff", "essay-2025-v1", "essay-recoded", "--html", str(path)).exit_code == 0
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    requests, errors = [], []
    context.route(
        "**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort()
    )
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.__ready === true", timeout=60_000)
    yield page, requests, errors
    context.close()


def _drawn(page) -> list[int]:
    return page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")


@pytest.mark.browser
def test_browser_draws_the_union_graph_offline(diff_page):
    page, requests, errors = diff_page
    assert _drawn(page) == [16, 44]
    assert errors == []
    assert requests == [page.url]
    assert (
        page.evaluate("document.getElementById('title').textContent")
        == "diff: essay-2025-v1 \u2192 essay-recoded"
    )
    colors = page.evaluate("edges.get().map(e => e.change + ' ' + e.color.color).sort()")
    assert colors.count("added #0072B2") == 2 and colors.count("removed #A6611A") == 2


@pytest.mark.browser
def test_browser_change_filter_and_hover(diff_page):
    page, _, _ = diff_page
    page.select_option("#filter-0", "removed")
    assert _drawn(page)[1] == 2
    page.click("#filter-reset")
    assert _drawn(page) == [16, 44]
    # hover the changed USA -> NIPPON_STEEL block (e12): its tooltip gives old and new date
    edge_id = page.evaluate("edges.get().find(e => e.title.includes('edge e12')).id")
    point = page.evaluate(
        """id => {
            const p = network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.5));
            const box = document.querySelector('#mynetwork canvas').getBoundingClientRect();
            return {x: box.left + p.x, y: box.top + p.y};
        }""",
        edge_id,
    )
    page.mouse.move(5, 5)
    page.mouse.move(point["x"], point["y"], steps=4)
    page.wait_for_function(
        "() => { const t = document.querySelector('div.vis-tooltip');"
        " return t && t.style.visibility === 'visible' && t.innerText.length > 0; }",
        timeout=10_000,
    )
    text = page.evaluate("document.querySelector('div.vis-tooltip').innerText")
    assert text.startswith("CHANGED: United States \u2192 Japanese steel company")
    assert "date: 2025 \u2192 2024" in text


def test_cli_no_centrality_says_so(run):
    result = run("diff", "essay-2025-v1", "essay-recoded", "--no-centrality")
    assert (
        "Centrality changes (actors in both)\n-----------------------------------\n\n"
        "(not computed: centrality skipped)\n" in result.stdout
    )
    doc = json.loads(
        run("diff", "essay-2025-v1", "essay-recoded", "--no-centrality", "--format", "json").stdout
    )
    assert doc["centrality_changes"] == [] and doc["summary"]["centrality"] is False
    assert doc["summary"]["edges_added"] == 2


# actor and edge ids named like members of every JavaScript object
OBJECT_NAMED_A = """id,source,target,action,weight
constructor,constructor,__proto__,criticism,-2
x1,toString,length,criticism,-1
"""
OBJECT_NAMED_B = """id,source,target,action,weight
constructor,constructor,__proto__,criticism,-5
x2,length,constructor,praise,3
"""


@pytest.mark.browser
def test_browser_draws_ids_named_like_object_members(tmp_path, browser):
    from graphkit.render.diff_page import diff_html

    a, b = load(OBJECT_NAMED_A), load(OBJECT_NAMED_B)
    path = tmp_path / "object-named.html"
    path.write_text(diff_html(diff_edge_sets(a, b), a, b), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.resolve().as_uri())
        page.wait_for_function("window.__ready === true", timeout=60_000)
        # constructor changed, x1 removed, x2 added; toString only in A
        assert _drawn(page) == [4, 3]
        keys = page.evaluate("nodes.get().map(n => n.key).sort()")
        assert keys == ["__proto__", "constructor", "length", "toString"]
        page.select_option("#filter-0", "changed")
        assert page.evaluate("edges.get().filter(e => edgeView.get(e.id) !== null).map(e => e.key)") == [
            "changed:0:0"
        ]
        page.click("#filter-reset")
        page.select_option("#filter-1", label="constructor")
        assert _drawn(page) == [3, 2]
        page.click("#filter-reset")
        # the largest strain change: constructor -> __proto__, -2 -> -5
        first = page.locator("ol.focus li").first
        assert first.inner_text().startswith("__proto__ \u2194 constructor")
        first.click()
        assert page.evaluate("network.getSelectedEdges().map(id => edges.get(id).key)") == ["changed:0:0"]
        assert errors == []
    finally:
        context.close()
