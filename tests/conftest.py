"""Fixtures shared by graphkit's tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

DATA = Path(__file__).parent / "data"

# Property tests: a quick, varied run where people work (new examples each time), a
# fixed, larger one in CI (same examples every run, so a red CI can be reproduced).
# HYPOTHESIS_PROFILE=thorough asks for many more examples.
settings.register_profile("dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def small_set() -> Path:
    """A four-actor edge set whose strain and centralities are worked out by hand
    in tests/test_analysis.py."""
    return DATA / "small" / "edges.csv"


@pytest.fixture
def write_csv(tmp_path):
    """Write text (or bytes) to a file in tmp_path and return its path."""

    def write(text: str | bytes, name: str = "edges.csv") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write


HOSTILE_EDGES = """id,source,target,action,weight,domain,date,quote
h1,AAA,BBB,tariff,,,2024,<img src=x onerror=alert(1)>
h2,BBB,AAA,<svg onload=alert(3)>,-3,<b>dom</b>,2024-02,</script><script>alert(1)</script>
h3,AAA,CCC,cooperation,,,2023,"it's ""quoted"" & <i>fine</i> href"
"""
HOSTILE_ACTORS = """id,name,kind,group
AAA,<b>Bold</b> href=javascript:alert(4),state,<img src=y onerror=alert(5)>
BBB,Beta <script>alert(6)</script>,state,G
CCC,"Gamma ' "" & href",company,G
"""


@pytest.fixture
def hostile_set(tmp_path) -> Path:
    """An edge set whose every name, quote, group, action and domain is markup or
    script (and contains 'href', which switched pyvis's stock template to innerHTML)."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "edges.csv").write_text(HOSTILE_EDGES, encoding="utf-8")
    (folder / "actors.csv").write_text(HOSTILE_ACTORS, encoding="utf-8")
    return folder


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session, driven by playwright
    (never a downloaded browser). Skips without /usr/bin/chromium, but fails
    when GRAPHKIT_REQUIRE_BROWSER=1 (CI), so the browser tests cannot silently vanish."""
    import os

    required = os.environ.get("GRAPHKIT_REQUIRE_BROWSER") == "1"
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests"
        if required:
            pytest.fail(reason + " (GRAPHKIT_REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail(
                "the playwright package is missing: pip install -e '.[test]' (GRAPHKIT_REQUIRE_BROWSER=1)"
            )
        pytest.skip("the playwright package is missing: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def run():
    """Run a graphkit command in-process, as a user types it (arguments may be paths);
    the result keeps stdout and stderr apart (click's CliRunner)."""
    from click.testing import CliRunner

    from graphkit.cli import main

    def invoke(*args, input=None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input)

    return invoke
