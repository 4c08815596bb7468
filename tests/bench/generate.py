"""Synthetic event-data edge sets for the scale benchmark.

Realistic in the ways that cost time: actors drawn from a heavy-tailed
distribution (a few actors act and are acted on far more than others), actions
from graphkit's taxonomy, most rows leaving weight, cameo and domain to the
taxonomy, some rows giving only a weight (an action the taxonomy does not know),
dates of every accepted shape.

    python tests/bench/generate.py --rows 1000000 --actors 5000 -o /tmp/edges-1m.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from graphkit.actions import action_defaults

__all__ = ["generate_edges", "write_edges"]


#: Bumped whenever the rows generated for a seed change, so that benchmarks regenerate
#: data kept from an older generator (2: a coder's own weight keeps its act's sign).
GENERATOR_VERSION = 2


def _actor_ids(count: int) -> np.ndarray:
    import pycountry

    iso = sorted(c.alpha_3 for c in pycountry.countries)[:count]
    extra = [f"ACT{i:06d}" for i in range(count - len(iso))]
    return np.array(iso + extra, dtype=object)


def generate_edges(rows: int, actors: int, *, seed: int = 0, ids: bool = True, start: int = 0) -> pa.Table:
    """A table of ``rows`` edges between ``actors`` actors (pyarrow, all strings).

    Columns: [id], source, target, action, weight, date, domain. About 80% of rows
    name a taxonomy action and nothing else, 10% add an explicit weight of the action's
    sign, 5% give an
    action the taxonomy does not know with a weight, 5% add a domain. ``start``
    offsets the ids so that several files can make one set.
    """
    rng = np.random.default_rng(seed)
    names = _actor_ids(actors)
    # Zipf-like popularity: rank r drawn with probability ~ 1/(r+10)
    popularity = 1.0 / (np.arange(actors) + 10.0)
    popularity /= popularity.sum()
    source = rng.choice(actors, size=rows, p=popularity)
    target = rng.choice(actors, size=rows, p=popularity)
    clash = source == target
    target[clash] = (target[clash] + 1 + rng.integers(0, actors - 1, clash.sum())) % actors

    defaults = action_defaults()
    known = np.array(sorted(defaults), dtype=object)
    action = known[rng.integers(0, len(known), rows)]
    kind = rng.random(rows)
    weight = np.full(rows, "", dtype=object)
    explicit = kind < 0.10
    # a coder's own weight keeps its act's sign (a tariff at +3.2 is a slip graphkit warns about)
    sign = np.sign(np.array([defaults[a][2] for a in action[explicit]], dtype=float))
    magnitude = rng.uniform(0.1, 10, explicit.sum()).round(1)
    weight[explicit] = np.char.mod("%.1f", sign * magnitude).astype(object)
    custom = (kind >= 0.10) & (kind < 0.15)
    action[custom] = "custom_event"
    weight[custom] = np.char.mod("%.1f", rng.uniform(-10, 10, custom.sum()).round(1)).astype(object)
    domain = np.full(rows, "", dtype=object)
    domain[kind >= 0.95] = "trade"

    day = rng.integers(0, 3650, rows).astype("timedelta64[D]") + np.datetime64("2015-01-01")
    full = np.datetime_as_string(day, unit="D").astype(object)
    shape = rng.random(rows)
    date = np.where(shape < 0.8, full, np.where(shape < 0.9, [d[:7] for d in full], [d[:4] for d in full]))

    columns = {}
    if ids:
        columns["id"] = pa.array([f"e{i}" for i in range(start, start + rows)])
    columns.update(
        source=pa.array(names[source].tolist()),
        target=pa.array(names[target].tolist()),
        action=pa.array(action.tolist()),
        weight=pa.array(weight.tolist()),
        date=pa.array(date.tolist()),
        domain=pa.array(domain.tolist()),
    )
    return pa.table(columns)


def write_edges(table: pa.Table, path: str | Path) -> Path:
    """Write ``table`` as CSV, unquoted (the generated values hold no commas or quotes)."""
    path = Path(path)
    with open(path, "wb") as out:
        out.write((",".join(table.column_names) + "\n").encode())
        pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False, quoting_style="none"))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-ids", action="store_true", help="leave out the id column")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    chunk = 2_000_000
    with open(args.output, "wb") as out:
        for n, begin in enumerate(range(0, args.rows, chunk)):
            size = min(chunk, args.rows - begin)
            table = generate_edges(size, args.actors, seed=args.seed + n, ids=not args.no_ids, start=begin)
            if n == 0:
                out.write((",".join(table.column_names) + "\n").encode())
            pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False, quoting_style="none"))


if __name__ == "__main__":
    main()
