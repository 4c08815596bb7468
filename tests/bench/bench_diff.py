"""Benchmark: `graphkit diff` of two generated 1,000,000-row edge sets.

    python tests/bench/bench_diff.py [--rows 1000000] [--actors 5000] [--runs 3]

Set A comes from generate.py (heavy-tailed actors, taxonomy actions, every date
shape) plus a quote column. Set B is A with 10% of its rows removed, 10% changed
(half a new weight, half a new quote), 10% new rows added, and its rows shuffled.
Both are written as CSV with ids and again without ids (matched by source,
target, action, date). Prints, for each, the median over --runs of: loading both
files, the diff without centrality (edges, actors, strain, similarity), and the
whole diff with centrality; then the peak resident memory of a child process that
loads both files and runs the whole diff, beside one that only imports graphkit
(Linux: read from /proc/self/status).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate_edges, write_edges


def with_quotes(table: pa.Table, seed: int) -> pa.Table:
    rng = np.random.default_rng(seed)
    quotes = np.char.add("said ", rng.integers(0, 200_000, table.num_rows).astype(str)).astype(object)
    return table.append_column("quote", pa.array(quotes.tolist()))


def make_pair(rows: int, actors: int, folder: Path) -> dict[str, int]:
    """Write a.csv, b.csv (with ids) and a-noid.csv, b-noid.csv; return the planted changes."""
    a = with_quotes(generate_edges(rows, actors, seed=0), seed=10).to_pandas()
    rng = np.random.default_rng(1)
    order = rng.permutation(rows)
    tenth = rows // 10
    removed, changed = order[:tenth], order[tenth : 2 * tenth]
    b = a.copy()
    # two decimals ending in 5: never equal to a taxonomy weight or a generated one
    new_weight = np.char.mod("%.2f", rng.uniform(-9.9, -0.1, tenth).round(1) - 0.05).astype(object)
    half = tenth // 2
    b.loc[changed[:half], "weight"] = new_weight[:half]
    b.loc[changed[half:], "quote"] = "recoded " + b.loc[changed[half:], "quote"]
    b = b.drop(index=removed)
    added = with_quotes(generate_edges(tenth, actors, seed=2, start=rows), seed=11).to_pandas()
    b = pa.concat_tables([pa.Table.from_pandas(b, preserve_index=False), pa.Table.from_pandas(added)])
    b = b.take(np.random.default_rng(3).permutation(b.num_rows))
    a = pa.Table.from_pandas(a, preserve_index=False)
    for name, table in (("a", a), ("b", b)):
        write_edges(table, folder / f"{name}.csv")
        write_edges(table.drop_columns(["id"]), folder / f"{name}-noid.csv")
    return {"removed": tenth, "changed": tenth, "added": tenth}


def timed(func, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


# VmHWM (the peak resident set) starts afresh at exec; ru_maxrss would carry the parent's
PEAK = """
import sys
from graphkit.compare.diff import diff_edge_sets
from graphkit.edgeset import load_edge_set
if sys.argv[1] != "-":
    diff_edge_sets(load_edge_set(sys.argv[1]), load_edge_set(sys.argv[2]))
status = open("/proc/self/status").read().splitlines()
print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def peak_mib(*paths: str) -> float:
    args = list(paths) or ["-", "-"]
    out = subprocess.run([sys.executable, "-c", PEAK, *args], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024  # VmHWM is in kB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from graphkit.compare.diff import diff_edge_sets
    from graphkit.edgeset import load_edge_set

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        planted = make_pair(args.rows, args.actors, folder)
        seconds = time.perf_counter() - start
        counts = f"{planted['removed']:,} removed, {planted['changed']:,} changed, {planted['added']:,} added"
        print(
            f"generated A ({args.rows:,} rows, {args.actors:,} actors) and B in {seconds:.1f} s; planted: {counts}"
        )
        print(f"median of {args.runs} runs, {sys.version.split()[0]}")
        for label, suffix in (("by id", ""), ("by (source, target, action, date)", "-noid")):
            a_path, b_path = str(folder / f"a{suffix}.csv"), str(folder / f"b{suffix}.csv")
            load_time, (a, b) = timed(
                lambda p=a_path, q=b_path: (load_edge_set(p), load_edge_set(q)), args.runs
            )
            bare, d = timed(lambda a=a, b=b: diff_edge_sets(a, b, with_centrality=False), args.runs)
            whole, _ = timed(lambda a=a, b=b: diff_edge_sets(a, b), args.runs)
            found = f"{len(d.removed):,} removed, {d.changed_edges:,} changed, {len(d.added):,} added"
            print(f"\n{label}: found {found}, {len(d.strain):,} pairs")
            print(f"  load both files           {load_time:7.2f} s")
            print(f"  diff without centrality   {bare:7.2f} s")
            print(f"  diff with centrality      {whole:7.2f} s")
            print(f"  load + whole diff         {load_time + whole:7.2f} s")
        baseline = peak_mib()
        peak = peak_mib(str(folder / "a.csv"), str(folder / "b.csv"))
        print(
            f"\npeak resident memory, load + whole diff by id: {peak:,.0f} MiB "
            f"({baseline:,.0f} MiB for the imports alone)"
        )


if __name__ == "__main__":
    main()
