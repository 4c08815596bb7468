"""Render benchmark (issue 12): a 1,000-actor, 5,000-action page, written and first drawn.

    python tests/bench/bench_render.py                      # 5 runs, both views
    python tests/bench/bench_render.py --screenshots shots/ # also PNGs of the essay and both views

Writing is `graphkit render SET --view V -o page.html` in a fresh process (start-up
included; its CPU time is printed too, steadier than wall time on a shared machine); drawing is the time from opening the file in headless Chromium
(/usr/bin/chromium, one browser kept open, a fresh tab each run) until the page
sets ``window.__ready`` after its first draw. Goal: write + draw under 2 s.
The set comes from generate.py: 5,000 rows among 1,060 drawn actors, of which
1,014 act or are acted on.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_scale import GRAPHKIT, run
from bench_speed import cpu
from bench_speed import run as run_cpu
from generate import generate_edges, write_edges

CHROMIUM = "/usr/bin/chromium"


def ensure_set(workdir: Path) -> Path:
    path = workdir / "render-5000-1060.csv"
    if not path.exists():
        write_edges(generate_edges(5000, 1060, seed=0), path)
    return path


def draw_seconds(browser, page_path: Path, screenshot: Path | None = None) -> float:
    """Seconds from opening ``page_path`` to ``window.__ready``; no request may leave the page."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    outside: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith("file:")
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    start = time.perf_counter()
    page.goto(page_path.resolve().as_uri())
    page.wait_for_function("window.__ready === true", timeout=120_000, polling=10)
    seconds = time.perf_counter() - start
    if outside:
        raise SystemExit(f"the page asked for {outside[:3]}")
    if screenshot is not None:
        page.wait_for_timeout(500)
        page.screenshot(path=str(screenshot))
    context.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--views", default="actions,pairs")
    parser.add_argument("--screenshots", help="folder for PNGs of the essay and of both views")
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "graphkit-bench"))
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    data = ensure_set(workdir)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"set: {data}; {args.runs} runs; medians")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM)
        for view in args.views.split(","):
            page_path = workdir / f"render-{view}.html"
            write = [*GRAPHKIT, "render", str(data), "--view", view, "-o", str(page_path)]
            writes, draws = [], []
            for _ in range(args.runs):
                writes.append(run_cpu(write))
                draws.append(draw_seconds(browser, page_path))
            w, d = statistics.median(writes), statistics.median(draws)
            totals = [a + b for a, b in zip(writes, draws)]
            t = statistics.median(totals)
            verdict = "met" if t < 2 else f"MISSED by {t - 2:.2f} s"
            print(
                f"  --view {view:<8} write {w:5.2f} s + first draw {d:5.2f} s = {t:5.2f} s "
                f"(runs: {', '.join(f'{x:.2f}' for x in totals)}); goal < 2 s: {verdict}; "
                f"CPU of the write: {cpu(write):.2f} s"
            )
        if args.screenshots:
            folder = Path(args.screenshots)
            folder.mkdir(parents=True, exist_ok=True)
            essay = workdir / "render-essay.html"
            run([*GRAPHKIT, "render", "essay", "-o", str(essay)])
            draw_seconds(browser, essay, folder / "essay.png")
            for view in args.views.split(","):
                draw_seconds(browser, workdir / f"render-{view}.html", folder / f"large-{view}.png")
            print(f"screenshots in {folder}")
        browser.close()
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
