"""How good are the offline extractor's drafts? Sign-triple F1 per text and pooled, share of
verbatim quotes, and the confidence calibration table (docs/extract.md, "Measured").

    python tests/bench/extract_quality.py                 # the dev texts (tuned on)
    python tests/bench/extract_quality.py --held-out      # the held-out texts (never tuned on)
    python tests/bench/extract_quality.py FOLDER ...      # any coded edge-set folders

Each FOLDER holds source.txt and a hand coding (edges.csv, actors.csv). For each, the text
is drafted (`gk.extract_edge_set`, as `graphkit extract FOLDER/source.txt -o DRAFT`) and
scored against the coding (`gk.score`, as `graphkit score DRAFT FOLDER`).

- pooled F1 = 2 x (sum of common sign keys) / (sum of draft keys + sum of gold keys);
- verbatim = share of draft quotes found in the text, whitespace aside;
- calibration: for each confidence, the draft rows at it and the share of them whose
  (source, target, sign) is a key of the hand coding ("confirmed").
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import graphkit as gk
from graphkit.schema import sign_of


def _keys(edges) -> set[tuple[str, str, str]]:
    return {(s, t, sign_of(w)) for s, t, w in edges[["source", "target", "weight"]].itertuples(index=False)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--held-out", action="store_true", help="score tests/data/held-out/*")
    args = parser.parse_args()
    which = "held-out" if args.held_out else "dev"
    folders = [Path(f) for f in args.folders] or sorted((ROOT / "tests" / "data" / which).iterdir())
    common = n_draft = n_gold = 0
    quotes = verbatim = 0
    calibration: dict[float, list[int]] = defaultdict(lambda: [0, 0])
    print(f"{'text':34s} {'F1 sign':>8s} {'P':>6s} {'R':>6s}  common/draft/gold")
    for folder in folders:
        gold = gk.load_edge_set(folder)
        text = (folder / "source.txt").read_text(encoding="utf-8")
        draft = gk.extract_edge_set(text).edge_set
        result = gk.score(draft, gold).triples_sign
        gold_keys, draft_keys = _keys(gold.edges), _keys(draft.edges)
        shared = len(gold_keys & draft_keys)
        common, n_draft, n_gold = common + shared, n_draft + len(draft_keys), n_gold + len(gold_keys)
        flat = " ".join(text.split())
        for quote in draft.edges["quote"]:
            quotes, verbatim = quotes + 1, verbatim + (" ".join(str(quote).split()) in flat)
        for s, t, w, c in draft.edges[["source", "target", "weight", "confidence"]].itertuples(index=False):
            calibration[round(float(c), 2)][0] += 1
            calibration[round(float(c), 2)][1] += (s, t, sign_of(w)) in gold_keys
        print(
            f"{folder.name:34s} {result.f1:8.3f} {result.precision:6.3f} {result.recall:6.3f}"
            f"  {shared}/{len(draft_keys)}/{len(gold_keys)}"
        )
    pooled = 2 * common / (n_draft + n_gold) if n_draft + n_gold else 0.0
    print(f"{'pooled':34s} {pooled:8.3f} {'':6s} {'':6s}  {common}/{n_draft}/{n_gold}")
    print(f"verbatim quotes: {verbatim}/{quotes}")
    print("confidence  rows  confirmed")
    for confidence in sorted(calibration, reverse=True):
        rows, confirmed = calibration[confidence]
        print(f"{confidence:10.2f} {rows:5d}  {confirmed:3d} ({confirmed / rows:.0%})")


if __name__ == "__main__":
    main()
