"""graphkit against the tools a user would pick instead (issue 24), in one run.

    python tests/bench/bench_peers.py                         # 1M rows, 3 runs; data in /work/bench-data
    python tests/bench/bench_peers.py --rows 10000000 --runs 1 --only strain
    python tests/bench/bench_peers.py --only diff,centrality --runs 5

Data: tests/bench/peers_data.py (an edge-set folder: edges.csv with a 60-character
quote per row, source.txt holding every quote; 5,000 Zipf-like actors), and for
diff bench_diff.make_pair (two 1M-row CSV files, B = A with 10% removed, changed,
added). Generated once into --workdir and reused.

Every command is a fresh process (start-up included); the commands of one task
run interleaved, run after run, so they share the machine's load. For each
command the script prints the median wall time, the median CPU time (user +
system) and the median peak resident memory (the child's ru_maxrss from wait4),
and for graphkit the ratios to DuckDB SQL. Peers get the taxonomy's default
weights as a two-column CSV (what a user would export once) and compute the same
answer: the top-10 pairs and their strain are compared with graphkit's to 1e-9.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
PY = sys.executable
GRAPHKIT = [PY, "-c", "import sys; from graphkit.cli import main; sys.argv[0] = 'graphkit'; main()"]
# another tree's graphkit (--before DIR): the same command with DIR first on sys.path
BEFORE = "import sys; sys.path.insert(0, sys.argv.pop(1)); from graphkit.cli import main; sys.argv[0] = 'graphkit'; main()"

# strain of an unordered pair: sum of -weight over hostile actions (weight < 0);
# weight = the row's, else the taxonomy's default for its action
DUCKDB = r"""
import sys, duckdb
edges, taxonomy, out, top = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
limit = f"LIMIT {top}" if top else ""
duckdb.sql(f'''
COPY (
  WITH e AS (
    SELECT least(source, target) AS a, greatest(source, target) AS b,
           coalesce(TRY_CAST(nullif(trim(e.weight), '') AS DOUBLE), t.weight) AS w
    FROM read_csv('{edges}', all_varchar = true) e LEFT JOIN read_csv('{taxonomy}') t USING (action))
  SELECT a, b, sum(CASE WHEN w < 0 THEN -w ELSE 0 END) AS strain FROM e
  GROUP BY a, b ORDER BY round(strain, 9) DESC, a, b {limit}
) TO '{out}' (HEADER)''')
"""

POLARS = r"""
import sys, polars as pl
edges, taxonomy, out, top = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
tax = pl.read_csv(taxonomy, schema_overrides={"weight": pl.Float64}).rename({"weight": "default"})
frame = (
    pl.scan_csv(edges, infer_schema=False)
    .join(tax.lazy(), on="action", how="left")
    .select(
        a=pl.min_horizontal("source", "target"),
        b=pl.max_horizontal("source", "target"),
        w=pl.col("weight").str.strip_chars().cast(pl.Float64, strict=False).fill_null(pl.col("default")),
    )
    .group_by("a", "b")
    .agg(strain=pl.when(pl.col("w") < 0).then(-pl.col("w")).otherwise(0.0).sum())
    .sort([pl.col("strain").round(9), "a", "b"], descending=[True, False, False])
)
if top:
    frame = frame.head(top)
frame.collect().write_csv(out)
"""

PANDAS = r"""
import sys, numpy as np, pandas as pd
edges, taxonomy, out, top = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
tax = pd.read_csv(taxonomy).set_index("action")["weight"]
df = pd.read_csv(edges, engine="pyarrow", usecols=["source", "target", "action", "weight"])
w = pd.to_numeric(df["weight"], errors="coerce").fillna(df["action"].map(tax))
a = np.minimum(df["source"], df["target"])
b = np.maximum(df["source"], df["target"])
pairs = pd.DataFrame({"a": a, "b": b, "strain": (-w).clip(lower=0)}).groupby(["a", "b"], as_index=False)["strain"].sum()
pairs["r"] = -pairs["strain"].round(9)
pairs = pairs.sort_values(["r", "a", "b"]).drop(columns="r")
(pairs.head(top) if top else pairs).to_csv(out, index=False)
"""

ARROW_READ = r"""
import sys, pyarrow.csv as pacsv
pacsv.read_csv(sys.argv[1])
"""

# centrality's input: the hostile layer (ordered pairs, summed strain); the graph
# measures on it (PageRank, HITS, betweenness) are not SQL
DUCKDB_LAYER = r"""
import sys, duckdb
edges, taxonomy, out = sys.argv[1:4]
duckdb.sql(f'''
COPY (
  WITH e AS (
    SELECT source, target, coalesce(TRY_CAST(nullif(trim(e.weight), '') AS DOUBLE), t.weight) AS w
    FROM read_csv('{edges}', all_varchar = true) e LEFT JOIN read_csv('{taxonomy}') t USING (action))
  SELECT source, target, sum(-w) AS strain FROM e WHERE w < 0 GROUP BY ALL ORDER BY ALL
) TO '{out}' (HEADER)''')
"""

PANDAS_GROUPBY = r"""
import sys
import numpy as np, pandas as pd
tax = pd.read_csv(sys.argv[2]).set_index("action")["weight"]
df = pd.read_csv(sys.argv[1], engine="pyarrow")
weight = df["weight"].fillna(df["action"].map(tax))
a = np.minimum(df["source"], df["target"])
b = np.maximum(df["source"], df["target"])
pairs = pd.DataFrame({"a": a, "b": b, "strain": (-weight).clip(lower=0)}).groupby(["a", "b"])["strain"].sum()
print(pairs.sort_values(ascending=False).head(20).to_string())
"""

# diff by id: rows removed, added, and changed in any field, plus both strain tables' change per pair
DUCKDB_DIFF = r"""
import sys, duckdb
a, b, taxonomy, out = sys.argv[1:5]
duckdb.sql(f"CREATE TABLE t AS SELECT * FROM read_csv('{taxonomy}')")
for name, path in (("x", a), ("y", b)):
    duckdb.sql(f"CREATE TABLE {name} AS SELECT * FROM read_csv('{path}', all_varchar = true)")
duckdb.sql(f'''
COPY (
  SELECT coalesce(x.id, y.id) AS id,
         CASE WHEN x.id IS NULL THEN 'added' WHEN y.id IS NULL THEN 'removed' ELSE 'changed' END AS change
  FROM x FULL OUTER JOIN y ON x.id = y.id
  WHERE x.id IS NULL OR y.id IS NULL OR x.source IS DISTINCT FROM y.source OR x.target IS DISTINCT FROM y.target
     OR x.action IS DISTINCT FROM y.action OR x.weight IS DISTINCT FROM y.weight OR x.date IS DISTINCT FROM y.date
     OR x.domain IS DISTINCT FROM y.domain OR x.quote IS DISTINCT FROM y.quote
  ORDER BY id
) TO '{out}' (HEADER)''')
duckdb.sql(f'''
COPY (
  WITH s AS (
    SELECT k, least(source, target) AS a, greatest(source, target) AS b,
           coalesce(TRY_CAST(nullif(u.weight, '') AS DOUBLE), t.weight) AS w
    FROM (SELECT 'x' AS k, * FROM x UNION ALL SELECT 'y' AS k, * FROM y) u LEFT JOIN t USING (action))
  SELECT a, b, sum(CASE WHEN k = 'x' AND w < 0 THEN -w ELSE 0 END) AS old,
         sum(CASE WHEN k = 'y' AND w < 0 THEN -w ELSE 0 END) AS new
  FROM s GROUP BY a, b ORDER BY a, b
) TO '{out}.strain.csv' (HEADER)''')
"""

TWO_READS = r"""
import sys
import pandas as pd
for path in sys.argv[1:]:
    pd.read_csv(path, engine="pyarrow")
"""


def run(cmd: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak resident MiB) of one fresh process."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    err = child.stderr.read().decode() if child.stderr else ""
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd[-6:])}\n{err}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, list[tuple[float, float, float]]]:
    results: dict[str, list[tuple[float, float, float]]] = {label: [] for label in commands}
    for _ in range(runs):
        for label, cmd in commands.items():
            results[label].append(run(cmd))
    return results


def medians(samples: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    return tuple(statistics.median(s[i] for s in samples) for i in range(3))  # type: ignore[return-value]


def report(task: str, results: dict, reference: str = "DuckDB SQL", goal: float = 2.0) -> dict:
    print(f"\n{task}")
    figures = {label: medians(samples) for label, samples in results.items()}
    ref = figures.get(reference)
    for label, (wall, cpu, peak) in figures.items():
        line = f"  {label:<28} wall {wall:7.2f} s  CPU {cpu:7.2f} s  peak {peak:7,.0f} MiB"
        if ref and label.startswith(("graphkit", "before")):
            verdicts = []
            for name, mine, theirs in (("time", wall, ref[0]), ("memory", peak, ref[2])):
                ratio = mine / theirs
                verdicts.append(
                    f"{name} {ratio:.2f}x {reference} ({'met' if ratio <= goal else f'MISSED, goal {goal}x'})"
                )
            line += "  " + "; ".join(verdicts) + f"; CPU {cpu / ref[1]:.2f}x"
        print(line, flush=True)
    return figures


def taxonomy_csv(workdir: Path) -> Path:
    from graphkit.actions import action_defaults

    path = workdir / "taxonomy.csv"
    with open(path, "w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["action", "weight"])
        for action, (_, _, weight) in sorted(action_defaults().items()):
            writer.writerow([action, weight])
    return path


def read_pairs(path: Path, a: str, b: str, strain: str) -> list[tuple[str, str, float]]:
    with open(path, newline="") as handle:
        return [(row[a], row[b], float(row[strain])) for row in csv.DictReader(handle)]


def same_answer(mine: Path, theirs: dict[str, Path], top: int | None = 10) -> None:
    """Every peer's pairs equal graphkit's (first ``top`` rows, or all), strain to 1e-9."""
    expected = read_pairs(mine, "actor_a", "actor_b", "strain")[: top or None]
    for label, path in theirs.items():
        got = read_pairs(path, "a", "b", "strain")[: top or None]
        ok = len(got) == len(expected) and all(
            (x[0], x[1]) == (y[0], y[1]) and abs(x[2] - y[2]) <= 1e-9 for x, y in zip(expected, got)
        )
        print(f"  same answer as graphkit ({len(expected):,} pairs): {label}: {'yes' if ok else 'NO'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="strain,pairs,centrality,diff", help="comma-separated tasks")
    parser.add_argument("--workdir", default="/work/bench-data")
    parser.add_argument(
        "--before",
        metavar="DIR",
        help="also run the graphkit package found in DIR (e.g. from git archive main)",
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    from peers_data import is_current

    label = f"{args.rows // 1_000_000}m" if args.rows % 1_000_000 == 0 else str(args.rows)
    folder = workdir / f"set-{label}"
    bare = workdir / f"set-{label}.csv"
    if not is_current(folder):  # absent, or made by an older generator
        print(f"generating {folder} ...", flush=True)
        # in a process of its own: a child forked from a parent grown by generating keeps the
        # parent's peak in its ru_maxrss, and every tool measured after would report it
        script = str(Path(__file__).with_name("peers_data.py"))
        subprocess.run([sys.executable, script, "--rows", str(args.rows), "-o", str(folder)], check=True)
        bare.unlink(missing_ok=True)
    edges = str(folder / "edges.csv")
    # the same file under another name: edges.csv in a folder is read with the folder's source.txt
    if not bare.exists():
        os.link(edges, bare)
    tax = str(taxonomy_csv(workdir))
    out = workdir / f"out-{label}"  # one per size: two sizes may run at once
    out.mkdir(exist_ok=True)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"data: {folder} ({os.path.getsize(edges) / 1e6:,.0f} MB edges.csv), {args.runs} runs, medians")

    def before(commands: dict[str, list[str]]) -> dict[str, list[str]]:
        """``commands`` with, after each graphkit one, the same run by --before's tree."""
        if not args.before:
            return commands
        out: dict[str, list[str]] = {}
        for key, cmd in commands.items():
            out[key] = cmd
            if key.startswith("graphkit"):
                out[key.replace("graphkit", "before", 1)] = [PY, "-c", BEFORE, args.before, *cmd[3:]]
        return out

    def peers(top: int, tag: str) -> dict[str, list[str]]:
        return {
            "pandas by hand": [PY, "-c", PANDAS, edges, tax, str(out / f"{tag}-pandas.csv"), str(top)],
            "polars": [PY, "-c", POLARS, edges, tax, str(out / f"{tag}-polars.csv"), str(top)],
            "DuckDB SQL": [PY, "-c", DUCKDB, edges, tax, str(out / f"{tag}-duckdb.csv"), str(top)],
        }

    if "strain" in only:
        gk = out / "top-graphkit.csv"
        commands = {
            "graphkit (folder)": [
                *GRAPHKIT,
                "strain",
                str(folder),
                "--top",
                "10",
                "--format",
                "csv",
                "-o",
                str(gk),
            ],
            "graphkit (bare CSV)": [
                *GRAPHKIT,
                "strain",
                str(bare),
                "--top",
                "10",
                "--format",
                "csv",
                "-o",
                str(gk),
            ],
            **peers(10, "top"),
            "pyarrow read alone": [PY, "-c", ARROW_READ, edges],
        }
        report(f"strain top 10, {args.rows:,} rows", interleaved(before(commands), args.runs))
        same_answer(
            gk,
            {
                k: out / f"top-{v}.csv"
                for k, v in (("pandas", "pandas"), ("polars", "polars"), ("DuckDB", "duckdb"))
            },
        )

    if "pairs" in only:
        gk = out / "all-graphkit.csv"
        commands = {
            "graphkit (folder)": [*GRAPHKIT, "strain", str(folder), "--format", "csv", "-o", str(gk)],
            **peers(0, "all"),
        }
        report(f"strain, every pair to CSV, {args.rows:,} rows", interleaved(before(commands), args.runs))
        same_answer(
            gk,
            {
                k: out / f"all-{v}.csv"
                for k, v in (("pandas", "pandas"), ("polars", "polars"), ("DuckDB", "duckdb"))
            },
            top=None,
        )

    if "centrality" in only:
        commands = {
            "graphkit (folder)": [
                *GRAPHKIT,
                "centrality",
                str(folder),
                "--format",
                "csv",
                "-o",
                str(out / "c.csv"),
            ],
            "graphkit (bare CSV)": [
                *GRAPHKIT,
                "centrality",
                str(bare),
                "--format",
                "csv",
                "-o",
                str(out / "c.csv"),
            ],
            "DuckDB SQL": [PY, "-c", DUCKDB_LAYER, edges, tax, str(out / "layer-duckdb.csv")],
            "pandas read + groupby": [PY, "-c", PANDAS_GROUPBY, edges, tax],
        }
        figures = report(
            f"centrality, {args.rows:,} rows (DuckDB: the hostile layer only)",
            interleaved(before(commands), args.runs),
        )
        bare = figures["pandas read + groupby"][0]
        for key in ("graphkit (folder)", "graphkit (bare CSV)"):
            ratio = figures[key][0] / bare
            print(
                f"  {key}: {ratio:.2f}x pandas read + groupby ({'met' if ratio <= 2.5 else 'MISSED'}, goal 2.5x)"
            )

    if "diff" in only:
        from bench_diff import make_pair

        pair = workdir / f"diff-{label}"
        if not (pair / "b.csv").exists():
            pair.mkdir(exist_ok=True)
            make_pair(args.rows, 5_000, pair)
        a, b = str(pair / "a.csv"), str(pair / "b.csv")
        commands = {
            "graphkit --no-centrality": [
                *GRAPHKIT,
                "diff",
                a,
                b,
                "--no-centrality",
                "--format",
                "csv",
                "-o",
                str(out / "d.csv"),
            ],
            "DuckDB SQL": [PY, "-c", DUCKDB_DIFF, a, b, tax, str(out / "d-duckdb.csv")],
            "two bare pandas reads": [PY, "-c", TWO_READS, a, b],
        }
        figures = report(
            f"diff of two {args.rows:,}-row sets, by id", interleaved(before(commands), args.runs)
        )
        ratio = figures["graphkit --no-centrality"][0] / figures["two bare pandas reads"][0]
        print(
            f"  graphkit --no-centrality: {ratio:.2f}x two bare reads ({'met' if ratio <= 2 else 'MISSED'}, goal 2x)"
        )
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
