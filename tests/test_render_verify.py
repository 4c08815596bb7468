"""graphkit render --verify RECORD: each claim's arrow coloured by its support, with a legend."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.render.style import SUPPORT_COLORS

from .test_render import page_data
from .test_render_browser import Opened
from .test_verify import CLAIMS, RECORD
from .verify_files import gdelt2_row


def _files(tmp_path: Path, record_lines: list[str]) -> tuple[Path, Path]:
    claims = tmp_path / "claims.csv"
    claims.write_text(CLAIMS, encoding="utf-8")
    record = tmp_path / "events.CSV"
    record.write_text("\n".join(record_lines) + "\n", encoding="utf-8")
    return claims, record


def test_each_arrow_takes_its_claims_support(tmp_path):
    claims, record = _files(tmp_path, RECORD)
    run = CliRunner().invoke(main, ["render", str(claims), "--verify", str(record), "-o", "-"])
    assert run.exit_code == 0, run.stderr
    data = page_data(run.stdout)
    edges = {e["id"]: e for e in data["edges"]}
    # the tiers of tests/test_verify.py, worked there by hand
    expected = {
        "c1": "confirmed",
        "c2": "partial",
        "c3": "partial",
        "c4": "contradicted",
        "c5": "not_found",
        "c6": "out_of_coverage",
        "c7": "undated",
        "c8": "partial",
    }
    assert {k: e["support"] for k, e in edges.items()} == expected
    for key, tier in expected.items():
        assert edges[key]["color"]["color"] == SUPPORT_COLORS[tier]
    assert "RECORD: confirmed (score 0.75)" in edges["c1"]["title"]
    assert "2025-03-05 USA>CAN 1312 https://a.example/1" in edges["c1"]["title"]
    legend = {item["label"] for group in data["legend"] for item in group["items"]}
    assert {f"{tier}: {n}" for tier, n in [("confirmed", 1), ("partial", 3), ("undated", 1)]} <= legend
    assert "1 confirmed, 3 partial" in run.stderr


def test_a_hostile_reference_stays_text(tmp_path):
    evil = "https://x.example/</script><script>alert(1)</script>"
    claims, record = _files(
        tmp_path, [*RECORD[1:], gdelt2_row(1, "2025-03-05", "USA", "CAN", "1312", 3, -5.8, 2, evil)]
    )
    run = CliRunner().invoke(main, ["render", str(claims), "--verify", str(record), "-o", "-"])
    assert run.exit_code == 0, run.stderr
    assert "<script>alert(1)" not in run.stdout
    edges = {e["id"]: e for e in page_data(run.stdout)["edges"]}
    assert evil in edges["c1"]["title"]  # shown as the text it is


def test_without_verify_the_page_has_no_support(tmp_path):
    claims, _ = _files(tmp_path, RECORD)
    run = CliRunner().invoke(main, ["render", str(claims), "-o", "-"])
    assert all("support" not in e for e in page_data(run.stdout)["edges"])


@pytest.mark.browser
def test_in_a_browser_the_legend_and_tooltip_say_the_support(tmp_path, browser):
    evil = "https://x.example/<img src=z onerror=alert(7)>"
    claims, record = _files(
        tmp_path, [*RECORD[1:], gdelt2_row(1, "2025-03-05", "USA", "CAN", "1312", 3, -5.8, 2, evil)]
    )
    page_path = tmp_path / "checked.html"
    run = CliRunner().invoke(main, ["render", str(claims), "--verify", str(record), "-o", str(page_path)])
    assert run.exit_code == 0, run.stderr
    page = Opened(browser, page_path)
    legend = page.js("document.getElementById('legend').textContent")
    assert "Claims against the record" in legend and "confirmed: 1" in legend and "partial: 3" in legend
    tooltip = page.hover_edge("c1")
    assert "RECORD: confirmed (score 0.75)" in tooltip
    assert evil in tooltip  # the record's URL is shown as text, never run
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.dialogs == [] and page.errors == [] and page.blocked == []
    page.close()
