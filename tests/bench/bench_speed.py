"""Speed round two (issue 12): every goal beside its baseline, measured in the same run.

    python tests/bench/bench_speed.py                  # 1M rows / 5,000 actors, 5 runs
    python tests/bench/bench_speed.py --runs 3 --only json,centrality

Every timing is a fresh process (start-up included); the commands of one goal run
interleaved, run after run, so they share the machine's load; medians are printed
with their ratio, and the median CPU time (user + system) of each command with
the CPU ratio: on a shared machine the wall times swing with the other work,
CPU times much less. Peak memory is the child's ru_maxrss. Data come from
generate.py / bench_diff.make_pair into --workdir and are reused.

Goals: JSON of every strain pair <= 1.3x CSV's time and <= 1.2x its peak memory;
centrality <= 2.5x a bare pandas read-and-groupby; diff without centrality <= 2x
two bare pandas reads of the two files; diff with centrality <= the diff without
it plus the two sets' centrality runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench_scale import BASELINE, GRAPHKIT, PY, ensure_file, peak_rss_mb

TWO_READS = r"""
import sys
import pandas as pd
for path in sys.argv[1:]:
    pd.read_csv(path, engine="pyarrow")
"""


CPU: dict[str, list[float]] = {}


def run(cmd: list[str]) -> float:
    """Wall seconds of one run; its CPU seconds (user + system, the process and its
    threads) are kept in CPU under the command's text: on a machine shared with
    other work, CPU time is the steadier of the two."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    CPU.setdefault(" ".join(cmd), []).append(usage.ru_utime + usage.ru_stime)
    return seconds


def interleaved(commands: list[list[str]], runs: int) -> list[list[float]]:
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, cmd in enumerate(commands):
            times[i].append(run(cmd))
    return times


def cpu(cmd: list[str]) -> float:
    return statistics.median(CPU[" ".join(cmd)])


def show(label: str, seconds: list[float], cmd: list[str]) -> float:
    median = statistics.median(seconds)
    runs = ", ".join(f"{s:.2f}" for s in seconds)
    print(f"  {label:<40} wall median {median:6.2f} s ({runs}); CPU median {cpu(cmd):5.2f} s", flush=True)
    return median


def verdict(ratio: float, goal: float) -> str:
    return (
        f"{ratio:.2f}x (goal <= {goal}x: {'met' if ratio <= goal else f'MISSED by {ratio / goal - 1:.0%}'})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="json,centrality,diff", help="comma-separated goals to run")
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "graphkit-bench"))
    args = parser.parse_args()
    only = set(args.only.split(","))
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    data = str(ensure_file(workdir, args.rows, args.actors))
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    load = os.getloadavg()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load[0]:.1f} at start")
    print(f"data: {data}, {args.runs} runs per timing")

    if "json" in only:
        print("\nstrain, every pair, JSON vs CSV")
        json_cmd = [*GRAPHKIT, "strain", data, "--format", "json", "-o", str(out / "s.json")]
        csv_cmd = [*GRAPHKIT, "strain", data, "--format", "csv", "-o", str(out / "s.csv")]
        t_json, t_csv = interleaved([json_cmd, csv_cmd], args.runs)
        m_json = show("strain --format json -o", t_json, json_cmd)
        m_csv = show("strain --format csv -o", t_csv, csv_cmd)
        peaks = [(peak_rss_mb(json_cmd)[1], peak_rss_mb(csv_cmd)[1]) for _ in range(3)]
        p_json = statistics.median(p for p, _ in peaks)
        p_csv = statistics.median(p for _, p in peaks)
        print(f"  peak memory: JSON {p_json:,.0f} MiB, CSV {p_csv:,.0f} MiB (median of 3)")
        print(f"  time  {verdict(m_json / m_csv, 1.3)}; CPU {cpu(json_cmd) / cpu(csv_cmd):.2f}x")
        print(f"  memory {verdict(p_json / p_csv, 1.2)}")

    if "centrality" in only:
        print("\ncentrality vs bare pandas read + groupby")
        cent = [*GRAPHKIT, "centrality", data, "--format", "csv", "-o", str(out / "c.csv")]
        base = [PY, "-c", BASELINE, data]
        t_cent, t_base = interleaved([cent, base], args.runs)
        m_cent, m_base = show("centrality --format csv -o", t_cent, cent), show("bare pandas", t_base, base)
        print(f"  {verdict(m_cent / m_base, 2.5)}; CPU {cpu(cent) / cpu(base):.2f}x")

    if "diff" in only:
        from bench_diff import make_pair

        pair = workdir / f"diff-{args.rows}-{args.actors}"
        if not (pair / "b.csv").exists():
            pair.mkdir(exist_ok=True)
            make_pair(args.rows, args.actors, pair)
        a, b = str(pair / "a.csv"), str(pair / "b.csv")
        print(f"\ndiff of {a} and {b} (B: A with 10% removed, 10% changed, 10% added)")
        quick = [*GRAPHKIT, "diff", a, b, "--no-centrality", "--format", "csv", "-o", str(out / "d.csv")]
        whole = [*GRAPHKIT, "diff", a, b, "--format", "csv", "-o", str(out / "d.csv")]
        cent_a = [*GRAPHKIT, "centrality", a, "--format", "csv", "-o", str(out / "ca.csv")]
        cent_b = [*GRAPHKIT, "centrality", b, "--format", "csv", "-o", str(out / "cb.csv")]
        reads = [PY, "-c", TWO_READS, a, b]
        times = interleaved([quick, reads, whole, cent_a, cent_b], args.runs)
        m_quick = show("diff --no-centrality", times[0], quick)
        m_reads = show("two bare pandas reads", times[1], reads)
        m_whole = show("diff (with centrality)", times[2], whole)
        m_ca, m_cb = show("centrality A", times[3], cent_a), show("centrality B", times[4], cent_b)
        print(f"  without centrality: {verdict(m_quick / m_reads, 2.0)}; CPU {cpu(quick) / cpu(reads):.2f}x")
        limit = m_quick + m_ca + m_cb
        print(
            f"  with centrality: {m_whole:.2f} s vs diff + two centrality runs {limit:.2f} s: "
            f"{verdict(m_whole / limit, 1.0)}; CPU {cpu(whole) / (cpu(quick) + cpu(cent_a) + cpu(cent_b)):.2f}x"
        )
    load = os.getloadavg()
    print(f"\nload average {load[0]:.1f} at the end")


if __name__ == "__main__":
    main()
