"""Edge-set folders for the peer benchmark (issue 24): edges.csv with a quote per
row and a source.txt holding every quote.

    python tests/bench/peers_data.py --rows 1000000 -o /work/bench-data/set-1m

The edges are generate.py's (5,000 actors by default, drawn Zipf-like, taxonomy
actions, 10% explicit weights, 5% unknown actions with a weight, dates of every
shape) plus a ``quote`` column: one of rows/5 distinct quotes (a claim backs about
five actions), each 60 characters cut from a run of words (so a quote may start or
end inside a word), without commas, so the file needs no CSV quoting. source.txt
holds every distinct quote once, in shuffled order, ten to a line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import GENERATOR_VERSION, generate_edges

#: The file in a generated folder naming the generator's version (graphkit reads no other file there).
STAMP = "generator.txt"

QUOTE_CHARS = 60
_WORDS = [
    "the",
    "minister",
    "said",
    "that",
    "troops",
    "would",
    "cross",
    "border",
    "today",
    "after",
    "talks",
    "failed",
    "officials",
    "warned",
    "sanctions",
    "against",
    "government",
    "forces",
    "accused",
    "rebels",
    "of",
    "attacks",
    "on",
    "villages",
    "while",
    "envoys",
    "met",
    "in",
    "capital",
    "to",
    "discuss",
    "ceasefire",
    "and",
    "aid",
    "deliveries",
    "spokesman",
    "denied",
    "reports",
    "embassy",
    "closed",
    "protesters",
    "gathered",
    "outside",
    "parliament",
]


def distinct_quotes(count: int, seed: int) -> list[str]:
    """``count`` distinct quotes of QUOTE_CHARS characters (a serial number keeps them apart)."""
    rng = np.random.default_rng(seed)
    words = np.array(_WORDS, dtype=object)[rng.integers(0, len(_WORDS), (count, 12))]
    quotes = []
    for i, row in enumerate(words):
        text = f"{' '.join(row[:3])} {i:x}{' '.join(row[3:])}"  # the serial inside a word
        quotes.append(text[:QUOTE_CHARS].rstrip())
    return quotes


def make_folder(rows: int, actors: int, folder: Path, seed: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    count = max(rows // 5, 1)
    quotes = distinct_quotes(count, seed + 100)
    rng = np.random.default_rng(seed + 200)
    chunk = 2_000_000
    with open(folder / "edges.csv", "wb") as out:
        for n, begin in enumerate(range(0, rows, chunk)):
            size = min(chunk, rows - begin)
            table = generate_edges(size, actors, seed=seed + n, start=begin)
            pick = rng.integers(0, count, size)
            table = table.append_column("quote", pa.array([quotes[i] for i in pick]))
            if n == 0:
                out.write((",".join(table.column_names) + "\n").encode())
            pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False, quoting_style="none"))
    order = rng.permutation(count)
    with open(folder / "source.txt", "w", encoding="utf-8") as out:
        out.writelines(
            " ".join(quotes[i] for i in order[start : start + 10]) + "\n" for start in range(0, count, 10)
        )
    (folder / STAMP).write_text(f"{GENERATOR_VERSION}\n")
    return folder


def is_current(folder: Path) -> bool:
    """Whether ``folder`` was made by this generator (data of an older one are made again)."""
    stamp = folder / STAMP
    return stamp.exists() and stamp.read_text().strip() == str(GENERATOR_VERSION)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5_000)
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    make_folder(args.rows, args.actors, Path(args.output))


if __name__ == "__main__":
    main()
