"""Time count_units on a million-row edge set (medians of 5 runs) and strain under each unit.

    python tests/bench/bench_units.py [--rows 1000000]

Quotes: one in ten rows has none; the others quote one of rows/4 passages, so
claims group a few rows each, as coded essays do.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from graphkit.analysis.strain_alg import strain
from graphkit.analysis.units import UNITS, count_units
from graphkit.edgeset import EdgeSet

__all__ = ["edges_with_quotes"]


def edges_with_quotes(rows: int, actors: int = 5000, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    ids = np.array([f"A{i:05d}" for i in range(actors)], dtype=object)
    source = rng.zipf(1.6, rows) % actors
    target = (source + 1 + rng.zipf(1.6, rows) % (actors - 1)) % actors
    actions = np.array(["tariff", "accusation", "threat", "aid", "sanction", "praise"], dtype=object)
    passages = np.array([f"passage {i} of the  text" for i in range(max(rows // 4, 1))], dtype=object)
    quote = passages[rng.integers(0, len(passages), rows)]
    quote[rng.random(rows) < 0.1] = ""
    return pd.DataFrame(
        {
            "source": ids[source],
            "target": ids[target],
            "action": actions[rng.integers(0, len(actions), rows)],
            "weight": np.round(rng.uniform(-10, 10, rows), 1),
            "cameo": "",
            "domain": "trade",
            "date": "",
            "quote": quote,
        }
    )


def _median(func, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    rows = parser.parse_args().rows
    edges = edges_with_quotes(rows)
    actors = pd.DataFrame({"id": pd.unique(edges["source"]), "name": "", "kind": "", "group": ""})
    base = _median(lambda: strain(EdgeSet("bench", edges, actors)), runs=3)
    print(f"{rows} rows; strain (action): median {base:.3f} s")
    for unit in UNITS:
        kept = len(count_units(edges, unit))
        seconds = _median(lambda unit=unit: count_units(edges, unit))
        total = _median(lambda unit=unit: strain(EdgeSet("bench", count_units(edges, unit), actors)), runs=3)
        print(
            f"count_units {unit:>6}: median {seconds:.3f} s, {kept} units kept;"
            f" strain under it {total:.3f} s ({total / base:.2f}x strain by action)"
        )


if __name__ == "__main__":
    main()
