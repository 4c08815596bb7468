"""verify: each claim of an edge set checked against event data (GDELT, ICEWS, POLECAT, an edge set)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..edgeset import EdgeSet
from ..errors import ArgumentError
from ..io.progress import Progress
from ..record.form import Record, expand_days
from .claims import claim_form, period_of, stated_period
from .lift import window_lift
from .pairs import pair_table
from .scoring import SUPPORT, assess

__all__ = ["CLAIM_COLUMNS", "VerifyResult", "verify"]

CLAIM_COLUMNS = [
    "id",
    "source",
    "target",
    "date",
    "window",
    "support",
    "score",
    "lift",
    "sources",
    "pair_events",
    "record_events",
    "coverage",
    "matches",
]


@dataclass(frozen=True)
class VerifyResult:
    """Claims checked against a record.

    ``claims``: one row per claim, in the set's order, with CLAIM_COLUMNS (``matches``
    a list of dicts: the events a person should read, best first) plus
    ``country_source``, ``country_target``, ``weight``, ``start``, ``end``.
    ``pairs``: one row per pair of countries (see :func:`pair_table`).
    ``record``: what was read. ``period``: the period undated claims were given, if any.
    """

    claims: pd.DataFrame
    pairs: pd.DataFrame
    record: Record
    period: str | None

    def counts(self) -> dict[str, int]:
        """Claims per support tier, every tier listed."""
        found = self.claims["support"].value_counts()
        return {tier: int(found.get(tier, 0)) for tier in SUPPORT}

    def to_frame(self) -> pd.DataFrame:
        """The per-claim table with ``matches`` as text (``date source>target code ref``, ``; `` between)."""
        frame = self.claims[CLAIM_COLUMNS].copy()
        frame["matches"] = [
            "; ".join(f"{m['date']} {m['source']}>{m['target']} {m['code']} {m['ref']}" for m in ms)
            for ms in frame["matches"]
        ]
        return frame

    def edge_columns(self) -> pd.DataFrame:
        """Per claim, in the set's row order, what the graph page shows: ``support``,
        ``support_score`` and ``support_match`` (the best event, as text; "" when none)."""
        return pd.DataFrame(
            {
                "support": self.claims["support"].to_numpy(),
                "support_score": self.claims["score"].to_numpy(dtype=float),
                "support_match": [
                    f"{ms[0]['date']} {ms[0]['source']}>{ms[0]['target']} {ms[0]['code']} {ms[0]['ref']}"
                    if ms
                    else ""
                    for ms in self.claims["matches"]
                ],
            }
        )

    def to_dict(self) -> dict:
        """JSON-ready: ``claims`` (records keyed by CLAIM_COLUMNS, matches nested),
        ``pairs``, ``support`` (claims per tier) and ``record`` (what was read)."""
        from ..io.formatting import to_records

        return {
            "claims": to_records(self.claims[CLAIM_COLUMNS]),
            "pairs": to_records(self.pairs),
            "support": self.counts(),
            "record": {**self.record.to_dict(), "period": self.period},
        }


def _day(value) -> int:
    return int(np.datetime64(value, "D").astype(np.int64))


def _claim_pairs(table: pd.DataFrame) -> set[tuple[str, str]]:
    return {(a, b) for a, b in zip(table["country_source"], table["country_target"]) if a and b and a != b}


def _load_claims(claims) -> EdgeSet:
    if isinstance(claims, EdgeSet):
        return claims
    if isinstance(claims, (str, os.PathLike)):
        from ..edgeset import load_edge_set

        return load_edge_set(os.fspath(claims))
    raise ArgumentError("claims", f"must be an EdgeSet or a path, not {type(claims).__name__}")


def verify(
    claims: EdgeSet | str | os.PathLike,
    record: Record | str | os.PathLike | Sequence[str | os.PathLike],
    *,
    period: str | None = None,
    slack_days: int = 30,
    top: int = 3,
    skip_malformed: bool = False,
    progress: Progress | None = None,
) -> VerifyResult:
    """Check each claim of ``claims`` against the event data in ``record``.

    ``record`` is a :class:`~graphkit.record.form.Record` or the paths of event
    files (:func:`graphkit.record.read_record`: GDELT 1.0/2.0, ICEWS, POLECAT, an
    edge set; only events between the claims' country pairs are kept). A claim's
    window is its date interval; an undated claim takes ``period`` (or the
    ``Period:`` line of the set's description.txt) or is reported ``undated``.
    Candidates are the record's events between the claim's two countries; events
    up to ``slack_days`` outside the window count as "just outside". Each claim
    gets a ``support`` tier, a ``score``, a ``lift`` and its ``top`` best events
    (docs/verify.md has the rules).

    Any edge set can serve as the record; here the essay's first coding checks its
    re-coding, and the 21 undated claims of the essay (no date, no stated period) are
    reported ``undated`` rather than matched against every date:

    >>> import graphkit as gk
    >>> result = gk.verify("essay", ["essay-2025-v1"])
    >>> list(result.counts())
    ['confirmed', 'partial', 'contradicted', 'not_found', 'out_of_coverage', 'undated']
    >>> result.counts()["undated"]
    21
    """
    from ..record.reader import read_record

    if isinstance(slack_days, bool) or not isinstance(slack_days, int) or slack_days < 0:
        raise ArgumentError("slack_days", f"{slack_days!r}: give a whole number of days, 0 or more")
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ArgumentError("top", f"{top!r}: give a whole number, 1 or more")
    edge_set = _load_claims(claims)
    window = period_of(edge_set, period)
    stated = period if period is not None else stated_period(edge_set)
    form = claim_form(edge_set, window)
    table = form.table
    if not isinstance(record, Record):
        record = read_record(
            record, pairs=_claim_pairs(table), skip_malformed=skip_malformed, progress=progress
        )
    events = record.events
    covered = np.array(list(record.days), dtype=np.int64)
    first = _day(record.first) if record.first is not None else 0
    last = _day(record.last) if record.last is not None else -1
    key = np.where(
        events["source"] <= events["target"],
        events["source"] + "|" + events["target"],
        events["target"] + "|" + events["source"],
    )
    by_pair = (
        {k: np.asarray(v) for k, v in pd.Series(np.arange(len(events))).groupby(key).groups.items()}
        if len(events)
        else {}
    )
    start_days = events["start"].to_numpy(dtype="datetime64[D]").astype(np.int64)
    rows = []
    for i in range(len(table)):
        claim = table.iloc[i]
        out = {
            "support": "undated",
            "score": 0.0,
            "lift": float("nan"),
            "sources": 0,
            "pair_events": 0,
            "record_events": 0,
            "coverage": float("nan"),
            "matches": [],
        }
        rows.append(out)
        if pd.isna(claim["start"]):
            continue
        w_start, w_end = _day(claim["start"]), _day(claim["end"])
        out["record_events"] = record.rows_within(w_start, w_end)
        days_in = int(np.searchsorted(covered, w_end, "right") - np.searchsorted(covered, w_start, "left"))
        out["coverage"] = round(days_in / (w_end - w_start + 1), 6)
        if days_in == 0:
            out["support"] = "out_of_coverage"
            continue
        a, b = claim["country_source"], claim["country_target"]
        index = by_pair.get("|".join(sorted((a, b))), np.zeros(0, dtype=np.int64))
        pair = events.iloc[index]
        found = assess(
            pair,
            source=a,
            start=claim["start"],
            end=claim["end"],
            codes=form.codes[i],
            roots=form.roots[i],
            plovers=form.plovers[i],
            quads=form.quads[i],
            sign=int(form.signs[i]),
            slack=slack_days,
        )
        inside = (pair["end"].to_numpy(dtype="datetime64[D]").astype(np.int64) >= w_start) & (
            start_days[index] <= w_end
        )
        out.update(
            support=found.support, score=found.score, sources=found.sources, pair_events=int(inside.sum())
        )
        out["matches"] = [
            {
                "date": f"{pair['start'].iat[j]:%Y-%m-%d}",
                "source": pair["source"].iat[j],
                "target": pair["target"].iat[j],
                "code": pair["code"].iat[j] or pair["plover"].iat[j],
                "quad": int(pair["quad"].iat[j]),
                "sources": int(pair["sources"].iat[j]),
                "ref": pair["ref"].iat[j],
                "score": round(float(found.candidate[j]), 6),
            }
            for j in found.order[:top]
        ]
        if found.support in ("confirmed", "partial"):
            kind = (found.same & (found.level >= 2)) if found.support == "confirmed" else (found.level >= 1)
            ends = pair["end"].to_numpy(dtype="datetime64[D]").astype(np.int64)
            match_days = expand_days(start_days[index][kind], ends[kind])
            out["lift"] = window_lift(match_days, covered, w_start, w_end, first, last)
            if out["lift"] is None:
                out["lift"] = float("nan")
    result = pd.DataFrame(rows, index=table.index)
    claims_table = pd.concat([table, result], axis=1)
    claims_table["window"] = [
        "" if pd.isna(s) else f"{s:%Y-%m-%d}..{e:%Y-%m-%d}" for s, e in zip(table["start"], table["end"])
    ]
    return VerifyResult(
        claims=claims_table,
        pairs=pair_table(claims_table, events),
        record=record,
        period=stated,
    )
