"""Agreement between two codings of one text, on a two-coder case worked out by hand."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from graphkit.compare.agreement import codes_same_text, intercoder_agreement, nominal_alpha
from graphkit.edgeset import load_edge_set
from graphkit.errors import GraphkitError

TEXT = (
    "The US imposed tariffs on Canada. Canada banned the sale of US liquor. The US praised Mexico for "
    "its help. Mexico cracked down on drugs. Japan criticised the US decision. France sent envoys to Niger."
)
# Action names outside graphkit's taxonomy, so that only the rows that give a CAMEO code have one.
CODER_A = """source,target,action,weight,cameo,quote
USA,CAN,levy,-5,172,The US imposed tariffs on Canada
CAN,USA,reprisal,-4,,Canada banned the sale of US liquor
USA,MEX,commend,3,,The US praised Mexico for its help
MEX,USA,crackdown,4,,Mexico cracked down on drugs
JPN,USA,rebuke,-2,,Japan criticised the US decision
"""
CODER_B = """source,target,action,weight,cameo,quote
USA,CAN,levy,-5,163,imposed tariffs on Canada
CAN,USA,trade_step,1,,Canada banned the sale of US liquor
USA,MEX,commend,3,,The US praised Mexico
MEX,USA,crackdown,4,,"Mexico cracked
down on drugs"
FRA,NER,envoy,2,,France sent envoys to Niger
"""
# Matched claims (quotes overlapping by at least half the shorter one): the first four
# rows of each; A's Japan row and B's France row match nothing.


@pytest.fixture
def coders(tmp_path):
    sets = []
    for name, edges, text in (("a", CODER_A, TEXT), ("b", CODER_B, TEXT.replace(". ", ".\n  "))):
        (tmp_path / name).mkdir()
        (tmp_path / name / "edges.csv").write_text(edges, encoding="utf-8")
        (tmp_path / name / "source.txt").write_text(text, encoding="utf-8")
        sets.append(load_edge_set(tmp_path / name))
    return sets


def test_claims_matched_by_quote(coders):
    result = intercoder_agreement(*coders)
    assert (result.matched, result.only_a, result.only_b) == (4, 1, 1)
    assert result.pairs[["row_a", "row_b"]].values.tolist() == [[0, 0], [1, 1], [2, 2], [3, 3]]


def test_alpha_and_percent_agreement_per_attribute(coders):
    rows = intercoder_agreement(*coders).attributes.set_index("attribute")
    # sign: A hostile, hostile, cooperative, cooperative; B hostile, cooperative, cooperative,
    # cooperative: 3 of 4 agree = 75%.
    # Coincidence matrix (each unit has 2 values, each ordered pair of them counts 1/(2-1)):
    #   o(h,h) = 2 (unit 1), o(h,c) = o(c,h) = 1 (unit 2), o(c,c) = 2 + 2 (units 3, 4)
    #   n_h = 3, n_c = 5, n = 8
    #   D_o = (o(h,c) + o(c,h)) / n = 2/8;  D_e = (n_h n_c + n_c n_h) / (n (n - 1)) = 30/56
    #   alpha = 1 - D_o / D_e = 1 - (2/8) (56/30) = 1 - 7/15 = 8/15 = 0.5333...
    assert rows.loc["sign", ["units", "agree", "percent_agreement"]].tolist() == [4, 3, 75.0]
    assert math.isclose(rows.loc["sign", "alpha"], 8 / 15)
    # action: (levy, levy), (reprisal, trade_step), (commend, commend), (crackdown, crackdown)
    #   o(l,l) = o(co,co) = o(cr,cr) = 2, o(r,t) = o(t,r) = 1; n_l = n_co = n_cr = 2, n_r = n_t = 1, n = 8
    #   D_o = 2/8; D_e = (n^2 - sum n_v^2) / (n (n - 1)) = (64 - (4 + 4 + 4 + 1 + 1)) / 56 = 50/56
    #   alpha = 1 - (2/8) (56/50) = 1 - 0.28 = 0.72
    assert rows.loc["action", ["units", "agree", "percent_agreement"]].tolist() == [4, 3, 75.0]
    assert math.isclose(rows.loc["action", "alpha"], 0.72)
    # direction, source, target: all four agree, with more than one value: alpha = 1 - 0 / D_e = 1
    for name in ("direction", "source", "target"):
        assert rows.loc[name, ["units", "agree", "percent_agreement", "alpha"]].tolist() == [4, 4, 100.0, 1.0]
    # cameo_root: only the first claim has a code in both codings, 17 (172) against 16 (163): 1 unit,
    #   0 agree. o(17,16) = o(16,17) = 1, n_17 = n_16 = 1, n = 2:
    #   D_o = 2/2 = 1, D_e = (1 + 1) / (2 * 1) = 1, alpha = 1 - 1/1 = 0
    assert rows.loc["cameo_root", ["units", "agree", "percent_agreement", "alpha"]].tolist() == [
        1,
        0,
        0.0,
        0.0,
    ]


def test_alpha_is_undefined_when_every_value_is_the_same():
    # D_e = 0 (one value everywhere): alpha = 0/0
    assert nominal_alpha(["x", "x"], ["x", "x"]) == (
        None,
        "undefined (0/0): every unit has the same value in both codings",
    )
    assert nominal_alpha([], []) == (
        None,
        "no units: no matched claim defines this attribute in both codings",
    )


def test_agreement_needs_one_source_text(coders, tmp_path):
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "edges.csv").write_text(CODER_A, encoding="utf-8")
    (tmp_path / "other" / "source.txt").write_text(TEXT + " And more.", encoding="utf-8")
    other = load_edge_set(tmp_path / "other")
    assert codes_same_text(*coders)
    assert not codes_same_text(coders[0], other)
    with pytest.raises(GraphkitError, match="do not both quote one source text"):
        intercoder_agreement(coders[0], other)


@pytest.fixture
def diff(run):
    return lambda *args: run("diff", *args)


def test_diff_reports_agreement_in_table_and_json(diff, coders, tmp_path):
    table = diff(tmp_path / "a", tmp_path / "b")
    assert table.exit_code == 0, table.stderr
    section = table.stdout.split("Coding agreement ", 1)[1]
    assert section.startswith("(4 claims matched by quote, 1 only in A, 1 only in B)\n")
    assert "sign            4      3               75.0  0.533333" in section
    document = json.loads(diff(tmp_path / "a", tmp_path / "b", "--format", "json").stdout)
    assert {k: document["agreement"][k] for k in ("matched", "only_a", "only_b")} == {
        "matched": 4,
        "only_a": 1,
        "only_b": 1,
    }
    cameo = next(r for r in document["agreement"]["attributes"] if r["attribute"] == "cameo_root")
    assert cameo == {"attribute": "cameo_root", "units": 1, "agree": 0, "percent_agreement": 0.0, "alpha": 0.0,
                     "alpha_note": ""}  # fmt: skip


def test_diff_without_one_source_text_has_no_agreement(diff, tmp_path):
    (tmp_path / "a.csv").write_text(CODER_A, encoding="utf-8")
    (tmp_path / "b.csv").write_text(CODER_B, encoding="utf-8")
    table = diff(tmp_path / "a.csv", tmp_path / "b.csv")
    assert table.exit_code == 0, table.stderr
    assert "Coding agreement" not in table.stdout
    assert "agreement" not in json.loads(
        diff(tmp_path / "a.csv", tmp_path / "b.csv", "--format", "json").stdout
    )


def test_diff_page_side_panel_shows_agreement(diff, coders, tmp_path):
    page = tmp_path / "diff.html"
    result = diff(tmp_path / "a", tmp_path / "b", "--html", page, "-o", tmp_path / "diff.txt")
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "Coding agreement (percent, Krippendorff alpha)" in html
    assert "4 claims matched by quote; 1 only in A, 1 only in B" in html
    # 3 of 4 signs agree; alpha 8/15 = 0.533 (see test_alpha_and_percent_agreement_per_attribute)
    assert "sign: 75.0% agree, alpha 0.533 (n 4)" in html


def test_docs_show_todays_essay_agreement(diff):
    # docs/units.md shows the agreement section of this diff; it must follow the bundled codings
    from pathlib import Path

    docs = (Path(__file__).resolve().parent.parent / "docs" / "units.md").read_text(encoding="utf-8")
    section = diff("essay-2025-v1", "essay").stdout.split("\nCoding agreement", 1)[1]
    assert "Coding agreement" + section in docs


def test_alpha_by_hand_from_the_coincidence_matrix():
    # units (a,a) (b,b) (a,b) (c,c): n = 8, n_a = 3, n_b = 3, n_c = 2; one unit
    # disagrees, so sum_{c!=k} o = 2; sum_{c!=k} n_c n_k = 64 - 9 - 9 - 4 = 42;
    # alpha = 1 - 7 x 2 / 42 = 2/3 (worked by hand)
    alpha, note = nominal_alpha(["a", "b", "a", "c"], ["a", "b", "b", "c"])
    assert alpha == pytest.approx(2 / 3) and note == ""


def test_alpha_agrees_with_the_krippendorff_package():
    krippendorff = pytest.importorskip("krippendorff")
    rng = np.random.default_rng(7)
    for units, values in [(5, 2), (40, 3), (200, 12)]:
        a = rng.integers(0, values, units)
        b = np.where(rng.random(units) < 0.6, a, rng.integers(0, values, units))
        if len(set(a) | set(b)) < 2:
            continue
        expected = krippendorff.alpha(
            reliability_data=np.vstack([a, b]).astype(float), level_of_measurement="nominal"
        )
        assert nominal_alpha([str(v) for v in a], [str(v) for v in b])[0] == pytest.approx(expected)


def test_alpha_memory_is_linear_in_the_claims():
    # 20,000 claims, nearly every value distinct: a claims x V x V array would need
    # petabytes; the sums need a few arrays of 40,000 entries
    import tracemalloc

    a = [f"x{i}" for i in range(20_000)]
    b = [f"x{i}" if i % 2 else f"y{i}" for i in range(20_000)]
    tracemalloc.start()
    try:
        alpha, _ = nominal_alpha(a, b)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert alpha is not None and alpha < 1
    assert peak < 64 << 20
