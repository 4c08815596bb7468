"""Accessibility checks shared by the browser tests of every page graphkit writes.

axe-core (Deque's WCAG rules engine) is not part of graphkit: it comes from the npm
registry into ``.axe/`` (``npm install --prefix .axe axe-core@4.14.1``, as ``.ci/run`` does)
or from the file named by ``GRAPHKIT_AXE_JS``. The test injects it into the opened
page (playwright's ``add_script_tag`` inlines the file: no request) and runs the WCAG
2.0/2.1 A and AA rules. Without axe the check skips, but fails when
GRAPHKIT_REQUIRE_BROWSER=1 (CI), so it cannot silently vanish.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE_VERSION = "4.14.1"
AXE_INSTALL = f"npm install --prefix .axe --no-audit --no-fund axe-core@{AXE_VERSION}"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_script() -> Path:
    """axe.min.js, or a skip (a failure with GRAPHKIT_REQUIRE_BROWSER=1) saying how to get it."""
    path = Path(
        os.environ.get("GRAPHKIT_AXE_JS") or ROOT / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
    )
    if not path.is_file():
        reason = f"axe-core is missing ({path}): run `{AXE_INSTALL}` in the checkout"
        if os.environ.get("GRAPHKIT_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (GRAPHKIT_REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    return path


def axe_violations(page) -> list[str]:
    """The WCAG 2.1 A and AA violations axe finds in ``page`` (a playwright Page), one
    line each: rule, impact, and the first few offending elements."""
    page.add_script_tag(path=str(axe_script()))
    result = page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
              .then(r => r.violations.map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target.join(' '))]))""",
        WCAG_TAGS,
    )
    return [f"{rule} ({impact}): {', '.join(targets)}" for rule, impact, targets in result]


def tab_order(page, steps: int) -> list[str]:
    """What keyboard focus lands on over ``steps`` presses of Tab: each element's id, or
    its tag and text when it has none."""
    seen = []
    for _ in range(steps):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                "() => { const e = document.activeElement;"
                " return e.id || (e.tagName.toLowerCase() + ':' + (e.textContent || '').trim().slice(0, 40)); }"
            )
        )
    return seen
