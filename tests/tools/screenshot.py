"""Screenshots of graphkit's pages in headless Debian Chromium, for docs/ and for review.

    python tests/tools/screenshot.py                      # the essay's page -> docs/essay.png and docs/essay.json
    python tests/tools/screenshot.py --diff -o diff.png   # `graphkit diff essay-2025-v1 essay-recoded --html`
    python tests/tools/screenshot.py --width 390 --height 844 -o docs/render-phone.png
    python tests/tools/screenshot.py --fragment 'domain=trade&actor=CAN' -o view.png  # a view from a link

Beside docs/essay.png it writes docs/essay.json: the data of the page it shot
(nodes, edges, options and panels, as :func:`page_data` gives them) and the
PNG's sha256. tests/test_docs.py compares today's page data with it, so a change
to what the essay's page draws fails the docs tests until the picture is retaken.

Needs the test extra (playwright) and /usr/bin/chromium (Debian's; never a
downloaded browser). The page is rendered from the checkout, opened from a
file with every network request blocked, and shot once vis-network has drawn
and its layout has settled.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def page_html(diff: bool) -> str:
    """The essay's page, or the page of the diff of the essay's first coding with its second coding."""
    sys.path.insert(0, str(ROOT))
    import graphkit as gk

    essay = gk.load_edge_set("essay")
    if not diff:
        return gk.render_html(essay)
    first, recoded = gk.load_edge_set("essay-2025-v1"), gk.load_edge_set("essay-recoded")
    return gk.diff_html(gk.diff_edge_sets(first, recoded), first, recoded)


def page_data() -> dict:
    """What the essay's page draws, as plain data: the nodes, edges and vis-network
    options of :func:`graphkit.to_pyvis`'s Network and the page's panels (title,
    legend, strained list, filters), with the vis-network version that draws them."""
    sys.path.insert(0, str(ROOT))
    import graphkit as gk
    from graphkit.render.page import VIS_VERSION

    net = gk.to_pyvis(gk.load_edge_set("essay"))
    data = {"vis_network": VIS_VERSION, "nodes": net.nodes, "edges": net.edges, "options": net.vis_options()}
    return json.loads(json.dumps({**data, "page": net.page}, sort_keys=True, ensure_ascii=False))


def snapshot_text(png: bytes) -> str:
    """docs/essay.json: the PNG's sha256 and the page data it was shot from."""
    document = {"png_sha256": hashlib.sha256(png).hexdigest(), "page": page_data()}
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def shoot(
    html: str,
    output: Path,
    *,
    width: int = 1400,
    height: int = 900,
    script: str | None = None,
    fragment: str = "",
) -> None:
    """Write ``html`` to a temporary file, open it in Chromium and save a PNG of the viewport."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        path = Path(tmp) / "page.html"
        path.write_text(html, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route(
                "**/*",
                lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
            )
            page.goto(path.as_uri() + (f"#{fragment}" if fragment else ""))
            page.wait_for_function("window.__ready === true", timeout=120_000)
            page.wait_for_timeout(1500)  # let the frozen layout finish its last redraw
            if script:
                page.evaluate(script)
                page.wait_for_timeout(800)
            page.screenshot(path=str(output))
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--diff", action="store_true", help="shoot the diff page of essay-2025-v1 -> essay-recoded"
    )
    parser.add_argument("-o", "--output", type=Path, help="PNG to write (default: docs/essay.png)")
    parser.add_argument(
        "--script", help="JavaScript to run in the page before the shot (e.g. to set a filter)"
    )
    parser.add_argument("--width", type=int, default=1400, help="viewport width in px")
    parser.add_argument("--height", type=int, default=900, help="viewport height in px")
    parser.add_argument("--fragment", default="", help="the view to open, as in a link (domain=trade&...)")
    args = parser.parse_args(argv)
    output = args.output or ROOT / "docs" / "essay.png"
    shoot(
        page_html(args.diff),
        output,
        width=args.width,
        height=args.height,
        script=args.script,
        fragment=args.fragment,
    )
    print(output)
    if output == ROOT / "docs" / "essay.png" and not args.diff and not args.script:
        snapshot = ROOT / "docs" / "essay.json"
        snapshot.write_text(snapshot_text(output.read_bytes()), encoding="utf-8")
        print(snapshot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
