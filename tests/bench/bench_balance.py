"""Benchmark of structural balance: the exact frustration index against ties, and
the triangle census and heuristic at 5,000 actors and 100,000 ties.

Goals (issue 14): exact under 1 s up to a few hundred ties; census and heuristic
in seconds at 5,000 actors / 100,000 ties. Medians of --repeat runs are printed.

    python tests/bench/bench_balance.py            # everything
    python tests/bench/bench_balance.py --quick    # fewer sizes, one run each

Two families of signed graphs, both with actors drawn heavy-tailed (rank r with
probability ~ 1/(r+10), as tests/bench/generate.py draws them):
- camps: two planted camps, friendly inside and hostile across, then 10% of the
  signs flipped (what alliance data looks like: mostly balanced, some noise);
- random: every sign a coin toss (the hardest case for the exact solver).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import pandas as pd

from graphkit.analysis.balance_alg import balance_from_ties
from graphkit.analysis.balance_search import count_triangles

__all__ = ["signed_graph"]


def signed_graph(
    actors: int, ties: int, *, kind: str = "camps", noise: float = 0.1, seed: int = 0
) -> pd.DataFrame:
    """``ties`` distinct signed ties among ``actors`` actors (columns actor_a, actor_b, sign)."""
    rng = np.random.default_rng(seed)
    popularity = 1.0 / (np.arange(actors) + 10.0)
    popularity /= popularity.sum()
    keys = np.zeros(0, dtype=np.int64)
    while len(keys) < ties:
        draw = max(2 * (ties - len(keys)), 64)
        a, b = rng.choice(actors, size=draw, p=popularity), rng.choice(actors, size=draw, p=popularity)
        a, b = np.minimum(a, b), np.maximum(a, b)
        fresh = np.unique(a[a != b] * actors + b[a != b])
        keys = np.union1d(keys, fresh)
    keys = rng.permutation(keys)[:ties]
    a, b = np.divmod(keys, actors)
    if kind == "camps":
        camp = rng.integers(0, 2, actors)
        sign = np.where(camp[a] == camp[b], 1, -1)
        sign[rng.random(ties) < noise] *= -1
    else:
        sign = rng.choice([-1, 1], size=ties)
    names = np.array([f"A{i:05d}" for i in range(actors)])
    return pd.DataFrame({"actor_a": names[a], "actor_b": names[b], "sign": sign})


def timed(repeat: int, func, *args, **kwargs) -> tuple[float, float, object]:
    """Median wall and CPU seconds of ``repeat`` calls of ``func``, and its last result.

    CPU seconds (all threads of this process) say more than wall seconds on a
    machine shared with other work."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = func(*args, **kwargs)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def bench_exact(sizes, repeat: int, time_limit: float) -> None:
    print("exact frustration: median seconds by ties; actors = ties / 4 (mean degree 8)")
    print("  exact: method='exact' (solver unbounded but for --time-limit)")
    print("  auto:  method='auto' with exact_max_ties unbounded (solver stopped after NODE_LIMIT nodes)")
    print("  heuristic: the frustration method='heuristic' finds (an upper bound)")
    columns = [
        "kind",
        "ties",
        "actors",
        "exact s",
        "cpu s",
        "proven",
        "auto s",
        "proven",
        "frustration",
        "heuristic",
    ]
    widths = [7, 5, 6, 8, 7, 6, 7, 6, 11, 9]
    print(" ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(columns, widths))))
    for kind in ("camps", "random"):
        for ties in sizes:
            graph = signed_graph(max(ties // 4, 8), ties, kind=kind, seed=ties)
            seconds, cpu, result = timed(
                repeat, balance_from_ties, graph, method="exact", time_limit=time_limit
            )
            auto, _, bounded = timed(
                repeat, balance_from_ties, graph, exact_max_ties=10**9, time_limit=time_limit
            )
            heuristic = balance_from_ties(graph, method="heuristic", time_limit=time_limit)
            cells = [
                kind, ties, max(ties // 4, 8), f"{seconds:.3f}", f"{cpu:.3f}", result.exact, f"{auto:.3f}",
                bounded.exact, result.frustration, heuristic.frustration,
            ]  # fmt: skip
            print(
                " ".join(
                    str(c).ljust(w) if i == 0 else str(c).rjust(w)
                    for i, (c, w) in enumerate(zip(cells, widths))
                )
            )
            if seconds > time_limit * 0.9:
                break  # larger sizes only take longer


def bench_large(actors: int, ties: int, repeat: int) -> None:
    print(f"\ncensus and heuristic at {actors:,} actors / {ties:,} ties")
    for kind in ("camps", "random"):
        graph = signed_graph(actors, ties, kind=kind, seed=1)
        seconds, cpu, result = timed(repeat, balance_from_ties, graph, method="heuristic", time_limit=600.0)
        shares = f"strong {result.balanced_share_strong:.3f} weak {result.balanced_share_weak:.3f}"
        print(
            f"{kind:<7} whole balance(): {seconds:.2f} s median ({cpu:.2f} s CPU); triangles {sum(result.triangles.values()):,} "
            f"({shares}); frustration <= {result.frustration:,} ({result.frustration / ties:.1%} of ties); "
            f"stopped early: {result.stopped_early}"
        )
        index = pd.Index(sorted(set(graph["actor_a"]) | set(graph["actor_b"])))
        a, b = index.get_indexer(graph["actor_a"]), index.get_indexer(graph["actor_b"])
        sign = graph["sign"].to_numpy()
        census, cpu, _ = timed(repeat, count_triangles, len(index), a, b, sign)
        print(f"{'':<7} of which the triangle census: {census:.2f} s median ({cpu:.2f} s CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer sizes, one run each")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--time-limit", type=float, default=20.0, help="bound per exact solve, seconds")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    sizes = [50, 200, 400, 1000] if args.quick else [50, 100, 200, 300, 400, 600, 800, 1000, 2000]
    bench_exact(sizes, repeat, args.time_limit)
    bench_large(5000, 100_000, repeat)


if __name__ == "__main__":
    main()
