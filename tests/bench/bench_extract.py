"""Benchmark: `graphkit extract` is linear in the text's size (issue 24 item 4, issue 23).

    python tests/bench/bench_extract.py [--runs 3] [--size 80000]

For each kind of text, the median time of the offline extractor (sentences, gazetteer,
patterns, rules: `extract_edge_set`) at SIZE, 2 x SIZE and 4 x SIZE characters, and the
ratio of each time to the one before: linear when doubling the text about doubles the time.

- prose: the bundled dev articles repeated (many sentences, actors and acts);
- long token: one word of SIZE letters and digits, then ". Canada accused Mexico.";
- many mentions: "U.S. " repeated (every full stop asks whether it ends a sentence, and
  every "U.S." is an actor of one long sentence);
- long clause: "Canada urged Mexico to lift " and "lift " repeated, no comma and no
  sanctions (the appeal's refinement searched "lift ... sanctions" from every "lift");
- long threat: "Canada threatened to withdraw " and "withdraw " repeated (the threat's
  refinement searched "withdraw ... troops" from every "withdraw").

Before issue 23's fix, prose of 317 KB took 26.5 s and 634 KB 98 s (quadratic sentence
splitting), and 100 KB of a long clause 69 s (backtracking in patterns.refine).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graphkit.extract import extract_edge_set
from graphkit.extract.gazetteer import load_gazetteer


def _prose(size: int) -> str:
    texts = sorted((ROOT / "tests" / "data" / "dev").glob("*/source.txt"))
    body = "\n\n".join(p.read_text(encoding="utf-8") for p in texts)
    return (body * (size // len(body) + 1))[:size]


KINDS = {
    "prose": _prose,
    "long token": lambda n: "x7" * (n // 2) + ". Canada accused Mexico.",
    "many mentions": lambda n: "U.S. " * (n // 5) + "Canada accused Mexico.",
    "long clause": lambda n: "Canada urged Mexico to lift " + "lift " * (n // 5) + "it.",
    "long threat": lambda n: "Canada threatened to withdraw " + "withdraw " * (n // 9) + "it.",
}


def median_time(text: str, gazetteer, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        extract_edge_set(text, gazetteer=gazetteer)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=80_000)
    args = parser.parse_args()
    gazetteer = load_gazetteer()
    extract_edge_set("Canada accused Mexico.", gazetteer=gazetteer)  # warm up: compile the patterns
    for kind, make in KINDS.items():
        previous = None
        line = []
        for size in (args.size, 2 * args.size, 4 * args.size):
            seconds = median_time(make(size), gazetteer, args.runs)
            ratio = f" (x{seconds / previous:.2f})" if previous else ""
            line.append(f"{size // 1000:>4} KB {seconds:6.2f} s{ratio}")
            previous = seconds
        print(f"{kind:14s} " + "   ".join(line))


if __name__ == "__main__":
    main()
