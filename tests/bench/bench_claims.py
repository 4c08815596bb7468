"""Benchmark: claim matching and intercoder agreement (issue 24, item 3).

    python tests/bench/bench_claims.py [--runs 3] [--claims 8000] [--old]

1. match_claims on two codings of one text, N and N/2 claims (each quoting its own
   sentence, B a shifted re-coding of A): median time, and the ratio for 2x the claims
   (near 2 when linear; the old matcher took 25 s at 8,000 claims).
2. 3,000 rows in each coding quoting one sentence (9 million candidate pairs):
   median time and tracemalloc peak (the old matcher listed every pair: 30 s).
3. Agreement of 500 matched claims whose directions are all distinct (V = 1,000
   values): tracemalloc peak of intercoder_agreement (the krippendorff package's
   claims x V x V array took 8.2 GB).

--old also times the matcher this replaced (taken from git, commit 660ae57) on 1. and 2.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tracemalloc
import types
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from graphkit.claims import match_claims
from graphkit.compare.agreement import intercoder_agreement
from graphkit.edgeset import EdgeSet

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_hardening import median_time  # the same timer, one copy


def peak_bytes(function) -> int:
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def codings(claims: int):
    # each sentence holds one word of its own (a date, a name), as real sentences do
    sentences = [f"Actor{k % 97} accused Actor{(k * 7) % 89} on day{k} of a breach." for k in range(claims)]
    text = " ".join(sentences)
    a = pd.DataFrame(
        {
            "source": [f"Actor{k % 97}" for k in range(claims)],
            "target": [f"Actor{(k * 7) % 89}" for k in range(claims)],
            "action": "accusation",
            "quote": sentences,
        }
    )
    # B quotes each sentence without its first word, and codes every third one reversed
    b = a.copy()
    b["quote"] = [s.split(" ", 1)[1] for s in sentences]
    flip = b.index % 3 == 0
    b.loc[flip, ["source", "target"]] = b.loc[flip, ["target", "source"]].to_numpy()
    return a, b, text


def old_matcher():
    source = subprocess.run(
        ["git", "-C", str(ROOT), "show", "660ae57:graphkit/claims.py"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    module = types.ModuleType("old_claims")
    sys.modules["old_claims"] = module  # dataclasses look their module up
    exec(compile(source, "old_claims.py", "exec"), module.__dict__)  # noqa: S102 - our own file from git
    return module.match_claims


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--claims", type=int, default=8000)
    parser.add_argument("--old", action="store_true", help="also time the matcher this replaced")
    args = parser.parse_args()
    matchers = [("new", match_claims)] + ([("old", old_matcher())] if args.old else [])

    print(f"1. claims matched by quote (median of {args.runs})")
    for label, matcher in matchers:
        times = {}
        for n in (args.claims // 2, args.claims):
            a, b, text = codings(n)
            times[n] = median_time(lambda a=a, b=b, text=text, m=matcher: m(a, b, text), args.runs)
        half, full = times[args.claims // 2], times[args.claims]
        print(
            f"   {label}: {args.claims // 2:,} claims {half:.3f} s, {args.claims:,} claims {full:.3f} s (x{full / half:.2f})"
        )

    print("2. 3,000 rows in each coding sharing one quote")
    quote = "Beta sued Alpha in court."
    shared = pd.DataFrame({"source": "B", "target": "A", "action": "lawsuit", "quote": [quote] * 3000})
    for label, matcher in matchers:
        seconds = median_time(lambda m=matcher: m(shared, shared, quote), args.runs)
        peak = peak_bytes(lambda m=matcher: m(shared, shared, quote)) if label == "new" else None
        memory = f", peak {peak / (1 << 20):.1f} MiB" if peak is not None else ""
        print(f"   {label}: {seconds:.3f} s{memory}")

    print("3. agreement of 500 claims, 1,000 distinct directions")
    a, b, text = codings(500)
    a["source"] = [f"S{k}" for k in range(500)]
    b["source"] = [f"R{k}" for k in range(500)]
    for frame in (a, b):
        frame["weight"] = -2.0
        frame["cameo"] = "112"
    actors = pd.DataFrame({"id": [], "name": [], "kind": [], "group": []})
    set_a = EdgeSet(name="a", edges=a, actors=actors, source_text=text)
    set_b = EdgeSet(name="b", edges=b, actors=actors, source_text=text)
    peak = peak_bytes(lambda: intercoder_agreement(set_a, set_b))
    result = intercoder_agreement(set_a, set_b)
    print(f"   matched {result.matched}, peak {peak / (1 << 20):.1f} MiB")


if __name__ == "__main__":
    main()
