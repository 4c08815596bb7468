"""Benchmark: the paths issue 15 found quadratic, now linear.

    python tests/bench/bench_hardening.py [--runs 3] [--rows 1000000] [--parts 123]

1. Validation of a header of 25,000 / 50,000 / 100,000 columns (one row): the
   median time of each; linear when doubling the columns about doubles the time
   (was 522 s at 100,000: columns assigned one at a time).
2. 20,000 quotes (2,000 distinct, each repeated 10 times) checked against a 6 MB
   source.txt: the old check (each row's quote searched in the whole text) and
   the new one (each distinct quote once, through a word index) on the same data.
3. A --rows file with a quote column (some quoted cells), with and without one
   blank line: load time and peak memory of a child process for each (a blank
   line used to send the whole file to the slow reader: 56 s and 5.3 GB against
   12 s and 2.2 GB at 5,000,000 rows).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graphkit.edgeset import load_edge_set
from graphkit.io.text import normalize_ws
from graphkit.validation import check_quotes


def median_time(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def wide_headers(folder: Path, runs: int) -> None:
    print("1. wide header (validation of one row)")
    previous = None
    for columns in (25_000, 50_000, 100_000):
        path = folder / f"wide{columns}.csv"
        names = ["source", "target", "action"] + [f"x{i}" for i in range(columns - 3)]
        path.write_text(
            ",".join(names) + "\n" + ",".join(["A", "B", "tariff"] + ["1"] * (columns - 3)) + "\n"
        )
        seconds = median_time(lambda p=path: load_edge_set(p), runs)
        ratio = f"  x{seconds / previous:.2f} for x2 columns" if previous else ""
        print(f"   {columns:>7,} columns: {seconds:7.2f} s{ratio}")
        previous = seconds


def old_check_quotes(quotes, source_text):
    haystack = normalize_ws(source_text)
    return [q != "" and normalize_ws(q) not in haystack for q in quotes]


def quotes(runs: int) -> None:
    import numpy as np
    import pandas as pd

    print("2. 20,000 quotes against a 6 MB source.txt")
    rng = random.Random(15)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9)))
        for _ in range(20_000)
    ]
    words = [rng.choice(vocabulary) for _ in range(1_000_000)]
    text = " ".join(words)
    while len(text) < 6_000_000:
        text += " " + rng.choice(vocabulary)
    distinct = []
    for i in range(2_000):
        start = rng.randrange(0, len(words) - 12)
        quote = " ".join(words[start : start + rng.randint(3, 12)])
        distinct.append(quote if i % 4 else quote + " zzzz")  # a quarter not in the text
    rows = [distinct[i % len(distinct)] for i in range(20_000)]
    edges = pd.DataFrame({"quote": rows})
    lines = np.arange(2, len(rows) + 2)
    new = check_quotes(edges, lines, text, "edges.csv", "source.txt")
    old = old_check_quotes(rows, text)
    assert [p.line for p in new] == [int(lines[i]) for i, bad in enumerate(old) if bad]
    old_seconds = median_time(lambda: old_check_quotes(rows, text), 1)
    new_seconds = median_time(lambda: check_quotes(edges, lines, text, "edges.csv", "source.txt"), runs)
    print(f"   old (each row, whole text): {old_seconds:7.2f} s (one run)")
    print(f"   new (distinct, word index): {new_seconds:7.2f} s  ({old_seconds / new_seconds:,.0f}x faster)")
    print(f"   same problems found: {len(new):,}")


# peak memory from /proc (VmHWM starts afresh at exec; ru_maxrss would carry the parent's)
CHILD = """
import re, sys, time
sys.path.insert(0, {root!r})
from graphkit.edgeset import load_edge_set
start = time.perf_counter()
load_edge_set(sys.argv[1])
peak = re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)
print(time.perf_counter() - start, peak)
"""


def big_files(folder: Path, rows: int, runs: int) -> None:
    print(f"3. {rows:,} rows with a quote column: with and without one blank line")
    rng = random.Random(5)
    actors = [f"A{i}" for i in range(500)]
    path = folder / "big.csv"
    with open(path, "w") as handle:
        handle.write("id,source,target,action,weight,date,quote\n")
        for i in range(rows):
            source, target = rng.sample(actors, 2)
            quote = f'"said, {i}"' if i % 10 == 0 else f"said {i}"
            handle.write(f"e{i},{source},{target},criticism,-2,2024-01-02,{quote}\n")
    blank = folder / "big-blank.csv"
    data = path.read_bytes()
    middle = data.index(b"\n", len(data) // 2) + 1
    blank.write_bytes(data[:middle] + b"\n" + data[middle:])
    for label, file in (("no blank line", path), ("one blank line", blank)):
        results = []
        for _ in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", CHILD.format(root=str(ROOT)), str(file)],
                capture_output=True,
                text=True,
                check=True,
            )
            seconds, peak = done.stdout.split()
            results.append((float(seconds), int(peak) / 1024))
        print(
            f"   {label:>15}: {statistics.median(r[0] for r in results):6.2f} s, "
            f"peak {statistics.median(r[1] for r in results):,.0f} MB"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--parts", default="123", help="which parts to run (default: 123)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "1" in args.parts:
            wide_headers(folder, args.runs)
        if "2" in args.parts:
            quotes(args.runs)
        if "3" in args.parts:
            big_files(folder, args.rows, args.runs)


if __name__ == "__main__":
    main()
