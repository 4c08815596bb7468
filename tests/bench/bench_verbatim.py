"""The verbatim-quote check alone (graphkit.io.verbatim.found_verbatim, issue 24): every
distinct quote of an edge-set folder's edges.csv against its source.txt.

    python tests/bench/bench_verbatim.py                                   # 1M and 10M, 3 runs
    mkdir /tmp/main && git archive main graphkit | tar -x -C /tmp/main
    python tests/bench/bench_verbatim.py --sizes 1m,10m --runs 3 --before /tmp/main

The folders are bench_peers.py's (``--workdir``/set-1m, set-10m; made by peers_data.py
when absent). Their distinct quotes are read once, by a process of its own, into a
temporary Arrow file. Each run is then a fresh process that reads that file and
source.txt (as graphkit.columnar does: an ASCII text stays bytes) and times
found_verbatim alone: CPU (process time: user + system, all threads), wall, and the
resident memory it adds at its peak (ru_maxrss after the check less ru_maxrss before
it; nothing before it peaks higher). With ``--before DIR`` (another tree's graphkit
package, e.g. main's) the same run with DIR's code, interleaved run after run so that
both share the machine's load, the ratios (this tree / DIR), and a check that both
give the same answer for every quote. Prints medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PY = sys.executable

QUOTES = r"""
import sys, pyarrow as pa, pyarrow.csv as csv, pyarrow.compute as pc, pyarrow.feather as feather
edges, out = sys.argv[1:3]
options = csv.ConvertOptions(include_columns=["quote"], column_types={"quote": pa.string()})
quotes = pc.unique(csv.read_csv(edges, convert_options=options)["quote"].combine_chunks())
feather.write_feather(pa.table({"quote": quotes}), out, compression="uncompressed")
"""

CHECK = r"""
import json, resource, sys, time
tree, quotes_path, source, answer = sys.argv[1:5]
sys.path.insert(0, tree)
import numpy as np, pyarrow.feather as feather
from graphkit.io.verbatim import found_verbatim
quotes = feather.read_table(quotes_path, memory_map=False)["quote"].combine_chunks()
with open(source, "rb") as handle:
    data = handle.read().removeprefix(b"\xef\xbb\xbf")
text = data if data.isascii() else data.decode("utf-8")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
cpu, wall = time.process_time(), time.perf_counter()
found = found_verbatim(text, quotes)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
np.save(answer, found)
print(json.dumps({"cpu": cpu, "wall": wall, "added": (peak - before) / 1024, "peak": peak / 1024,
                  "quotes": len(quotes), "found": int(found.sum())}))
"""


def measure(tree: str, quotes: Path, source: Path, answer: Path) -> dict:
    done = subprocess.run(
        [PY, "-c", CHECK, tree, str(quotes), str(source), str(answer)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"failed ({tree}):\n{done.stderr}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1m,10m", help="comma-separated folders: set-SIZE in --workdir")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", default="/work/bench-data")
    parser.add_argument("--before", metavar="DIR", help="also time the graphkit package found in DIR")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from peers_data import is_current

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    trees = {"this tree": str(ROOT), **({"before": args.before} if args.before else {})}
    with tempfile.TemporaryDirectory(prefix="bench-verbatim-") as scratch:
        for size in args.sizes.split(","):
            folder = Path(args.workdir) / f"set-{size}"
            if not is_current(folder):
                rows = int(size[:-1]) * 1_000_000 if size.endswith("m") else int(size)
                print(f"generating {folder} ...", flush=True)
                subprocess.run(
                    [PY, str(HERE / "peers_data.py"), "--rows", str(rows), "-o", str(folder)], check=True
                )
            quotes = Path(scratch) / f"quotes-{size}.arrow"
            subprocess.run([PY, "-c", QUOTES, str(folder / "edges.csv"), str(quotes)], check=True)
            source = folder / "source.txt"
            samples: dict[str, list[dict]] = {label: [] for label in trees}
            for _ in range(args.runs):
                answers = {}
                for label, tree in trees.items():
                    answers[label] = Path(scratch) / f"{label.replace(' ', '-')}.npy"
                    samples[label].append(measure(tree, quotes, source, answers[label]))
                if args.before:
                    import numpy as np

                    if not np.array_equal(*(np.load(path) for path in answers.values())):
                        raise SystemExit(f"{folder}: the two trees found different quotes")
            first = samples["this tree"][0]
            print(
                f"\n{folder}: {first['quotes']:,} distinct quotes, {os.path.getsize(source) / 1e6:,.0f} MB "
                f"source.txt, {first['found']:,} found; {args.runs} runs, medians"
            )
            figures = {}
            for label, runs in samples.items():
                figures[label] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                f = figures[label]
                print(
                    f"  {label:<10} CPU {f['cpu']:6.2f} s  wall {f['wall']:6.2f} s  "
                    f"added peak {f['added']:6,.0f} MiB  (process peak {f['peak']:6,.0f} MiB)"
                )
            if args.before:
                mine, theirs = figures["this tree"], figures["before"]
                print(
                    f"  ratio this tree / before: CPU {mine['cpu'] / theirs['cpu']:.2f}x, wall "
                    f"{mine['wall'] / theirs['wall']:.2f}x, added memory {mine['added'] / theirs['added']:.2f}x"
                )


if __name__ == "__main__":
    main()
