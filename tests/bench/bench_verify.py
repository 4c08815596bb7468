"""Time graphkit verify on a synthetic GDELT 2.0 export against a bare pyarrow read of it,
and show that memory stays flat.

    python tests/bench/bench_verify.py [--rows 500000] [--runs 3]

Writes ROWS GDELT 2.0 rows (61 fields, 2025-01-01..2025-12-31, 60 countries, real
CAMEO codes) to a temporary file, zipped as GDELT ships them. Each run is a fresh
process: ``bare`` streams the file through pyarrow.csv.open_csv, the nine columns
verify uses as strings and nothing else (the floor for reading it); ``read`` is
read_record with the essay's pairs; ``verify`` checks the essay's claims against it
(period 2025). Prints each one's median time, rows per second, peak resident memory
and ratio to ``bare``, for a quarter of the rows and for all of them: a streamed
reader's memory does not grow with the file. The machine may be loaded: compare the
ratios, taken in the same run, more than the seconds.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import numpy as np

COLUMNS = (Path(__file__).parents[2] / "graphkit" / "data" / "gdelt2_event_columns.txt").read_text().split()
_SETUP = """
import resource, sys, time
import graphkit as gk
"""
_RUNS = {
    "bare": """
import zipfile
import pyarrow as pa, pyarrow.csv as pcsv
from graphkit.interop.gdelt import gdelt_versions
from graphkit.record.gdelt_events import USED
names = list(gdelt_versions()[61][1])
used = [name for name in names if name in USED]
start = time.perf_counter()
with zipfile.ZipFile(sys.argv[1]) as archive, archive.open(archive.infolist()[0]) as stream:
    reader = pcsv.open_csv(
        stream,
        read_options=pcsv.ReadOptions(column_names=names),
        parse_options=pcsv.ParseOptions(delimiter="\\t", quote_char=False),
        convert_options=pcsv.ConvertOptions(include_columns=used, column_types=dict.fromkeys(used, pa.string())),
    )
    rows = sum(batch.num_rows for batch in reader)
""",
    "read": """
from graphkit.verification.verify_alg import _claim_pairs, _load_claims
from graphkit.verification.claims import claim_form
pairs = _claim_pairs(claim_form(_load_claims("essay"), None).table)
start = time.perf_counter()
rows = gk.read_record([sys.argv[1]], pairs=pairs).rows
""",
    "verify": """
start = time.perf_counter()
rows = sum(gk.verify("essay", [sys.argv[1]], period="2025").counts().values())
""",
}
_REPORT = """
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, rows)
"""


def write_export(path: Path, rows: int, seed: int = 0) -> None:
    from graphkit.actions import cameo_table

    rng = np.random.default_rng(seed)
    table = cameo_table()
    table = table[table["code"].str.len() >= 3]
    names = "USA CAN MEX KOR JPN DEU FRA GBR UKR RUS CHN IND BRA ZAF NGA EGY ISR IRN TUR SAU AUS NZL ARG CHL"
    names += " COL PER VEN CUB ITA ESP PRT NLD BEL POL SWE NOR DNK FIN GRC ROU HUN CZE AUT CHE IRL PAK"
    names += " AFG IRQ SYR LBN JOR KEN ETH SDN DZA MAR TUN IDN PHL VNM"
    countries = np.array(names.split())
    index = {name: i for i, name in enumerate(COLUMNS)}
    days = np.datetime64("2025-01-01") + rng.integers(0, 365, rows)
    pick = rng.integers(0, len(table), rows)
    a = rng.integers(0, len(countries), rows)
    b = (a + 1 + rng.integers(0, len(countries) - 1, rows)) % len(countries)
    with open(path, "w", encoding="utf-8") as out:
        for start in range(0, rows, 100_000):
            lines = []
            for i in range(start, min(rows, start + 100_000)):
                fields = [""] * len(COLUMNS)
                day = str(days[i]).replace("-", "")
                code = table["code"].iat[pick[i]]
                fields[index["GLOBALEVENTID"]] = str(1_000_000_000 + i)
                fields[index["SQLDATE"]] = day
                fields[index["Actor1Code"]] = fields[index["Actor1CountryCode"]] = countries[a[i]]
                fields[index["Actor2Code"]] = fields[index["Actor2CountryCode"]] = countries[b[i]]
                fields[index["EventCode"]] = code
                fields[index["QuadClass"]] = str(table["quad_class"].iat[pick[i]])
                fields[index["GoldsteinScale"]] = str(table["goldstein"].iat[pick[i]])
                fields[index["NumMentions"]] = fields[index["NumSources"]] = "1"
                fields[index["AvgTone"]] = "-1.0"
                fields[index["DATEADDED"]] = day + "120000"
                fields[index["SOURCEURL"]] = f"https://news.example/{i}"
                lines.append("\t".join(fields))
            out.write("\n".join(lines) + "\n")


def once(path: Path, what: str, rows: int) -> tuple[float, float]:
    """(seconds, peak MiB) of one fresh process; the rows it read must be all of them."""
    done = subprocess.run(
        [sys.executable, "-c", _SETUP + _RUNS[what] + _REPORT, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    took, rss, read = done.stdout.split()
    if what != "verify" and int(read) != rows:
        raise SystemExit(f"{what} read {read} rows of {rows}")
    return float(took), int(rss) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        results = {}
        for rows in (args.rows // 4, args.rows):
            plain = Path(folder) / f"{rows}.export.CSV"
            write_export(plain, rows)
            packed = plain.with_suffix(".CSV.zip")
            with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
                archive.write(plain, plain.name)
            plain.unlink()
            # bare, read and verify take turns, so that a change in the machine's load
            # falls on all three: the ratios are taken run by run, then their median
            taken: dict[str, list[tuple[float, float]]] = {what: [] for what in _RUNS}
            for _ in range(args.runs):
                for what in _RUNS:
                    taken[what].append(once(packed, what, rows))
            for what, runs in taken.items():
                took = statistics.median(t for t, _ in runs)
                peak = statistics.median(m for _, m in runs)
                ratio = statistics.median(t / bare for (t, _), (bare, _) in zip(runs, taken["bare"]))
                results[rows, what] = took, peak
                print(
                    f"{rows:>9,} rows {what:>6}: median {took:.2f} s ({rows / took:,.0f} rows/s), "
                    f"peak memory {peak:.0f} MiB, {ratio:.2f}x bare"
                )
        for what in _RUNS:
            small, large = results[args.rows // 4, what], results[args.rows, what]
            print(
                f"{what:>6}: 4x the rows, {large[0] / small[0]:.2f}x the time, "
                f"{large[1] / small[1]:.2f}x the peak memory"
            )


if __name__ == "__main__":
    main()
