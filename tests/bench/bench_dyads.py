"""Benchmark of graphkit import-dyads: 300,000 dyad-years must import in seconds (issue 19).

A synthetic ICEWS-like panel: 250 names (200 of pycountry's countries, then 50 invented
names that are kept), every ordered pair among a subset, years from 2000, four quad
counts drawn so that about half the dyad-years have no event (as in ICEWS, where
62% of verbCoop cells are 0). Times the whole command, as a user runs it (read,
map the names, write the folder), and the library call alone. Prints medians.

    python tests/bench/bench_dyads.py               # 300,000 dyad-years, 3 runs
    python tests/bench/bench_dyads.py --rows 30000 --repeat 1
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
import pandas as pd


def panel(rows: int, seed: int = 0) -> pd.DataFrame:
    """``rows`` dyad-years: ordered pairs of 250 names (200 from pycountry, 50 invented), year by year."""
    import pycountry

    names = sorted(c.name for c in pycountry.countries)[:200] + [f"Region {k}" for k in range(50)]
    n = len(names)
    pairs = [(a, b) for a in range(n) for b in range(n) if a != b]
    years = -(-rows // len(pairs))
    rng = np.random.default_rng(seed)
    index = np.arange(rows)
    pair = np.asarray(pairs)[index % len(pairs)]
    frame = pd.DataFrame(
        {
            "i": np.asarray(names, dtype=object)[pair[:, 0]],
            "j": np.asarray(names, dtype=object)[pair[:, 1]],
            "year": 2000 + index // len(pairs),
        }
    )
    for column, scale in (("verbCoop", 20), ("matlCoop", 3), ("verbConf", 5), ("matlConf", 2)):
        frame[column] = np.where(rng.random(rows) < 0.5, 0, rng.poisson(scale, rows))
    assert years >= 1
    return frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "panel.csv"
        panel(args.rows).to_csv(path, index=False)
        command = [
            sys.executable, "-m", "graphkit.cli", "import-dyads", str(path), "--source", "i", "--target", "j",
            "--time", "year", "--hostile", "verbConf", "--hostile", "matlConf",
            "--cooperative", "verbCoop", "--cooperative", "matlCoop", "-o", str(Path(folder) / "out"),
        ]  # fmt: skip
        whole, library = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            whole.append(time.perf_counter() - start)
            from graphkit.interop.dyads import read_dyads

            start = time.perf_counter()
            result = read_dyads(
                str(path), source="i", target="j", time="year",
                hostile=["verbConf", "matlConf"], cooperative=["verbCoop", "matlCoop"],
            )  # fmt: skip
            library.append(time.perf_counter() - start)
        print(f"dyad-years: {args.rows:,}; edges written: {len(result.edges):,}")
        print(f"import-dyads command (median of {args.repeat}): {statistics.median(whole):.2f} s")
        print(f"read_dyads library call (median of {args.repeat}): {statistics.median(library):.2f} s")


if __name__ == "__main__":
    main()
