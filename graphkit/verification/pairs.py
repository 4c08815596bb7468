"""Per pair of countries: how much of the text's strain the record confirms, and whose side each shows."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["PAIR_COLUMNS", "pair_table"]

PAIR_COLUMNS = [
    "actor_a",
    "actor_b",
    "claims",
    "text_strain",
    "confirmed_strain",
    "confirmed_share",
    "text_conflict_share",
    "record_events",
    "record_conflict_share",
    "period",
]


def _share(part: float, whole: float) -> float:
    return round(part / whole, 6) if whole > 0 else float("nan")


def pair_table(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """One row per unordered pair of countries in ``claims`` (the per-claim table
    with ``country_source``, ``country_target``, ``weight``, ``support``, ``start``,
    ``end``), against the record ``events``.

    ``text_strain`` sums -weight over the pair's hostile claims; ``confirmed_strain``
    over those the record confirms; ``confirmed_share`` is their ratio.
    ``text_conflict_share`` is hostile claims / claims with a nonzero weight;
    ``record_conflict_share`` is the record's events of QuadClass 3 or 4 / its
    events with a QuadClass, between the pair (either direction) within ``period``:
    the first to the last day of the pair's dated (or period-dated) claims. Shares
    with nothing to divide by are empty. Sorted by text strain, descending.
    """
    a = claims["country_source"].where(
        claims["country_source"] <= claims["country_target"], claims["country_target"]
    )
    b = claims["country_target"].where(
        claims["country_source"] <= claims["country_target"], claims["country_source"]
    )
    frame = claims.assign(actor_a=a, actor_b=b)
    frame = frame[frame["actor_a"] != frame["actor_b"]]
    rows = []
    for (actor_a, actor_b), group in frame.groupby(["actor_a", "actor_b"], sort=True):
        weight = group["weight"].to_numpy(dtype=float)
        strain = np.where(weight < 0, -weight, 0.0)
        confirmed = (group["support"] == "confirmed").to_numpy()
        nonzero = int((weight != 0).sum())
        start, end = group["start"].min(), group["end"].max()
        record_events, conflict = 0, float("nan")
        period = ""
        if pd.notna(start) and pd.notna(end):
            period = f"{start:%Y-%m-%d}..{end:%Y-%m-%d}"
            pair = ((events["source"] == actor_a) & (events["target"] == actor_b)) | (
                (events["source"] == actor_b) & (events["target"] == actor_a)
            )
            inside = pair & (events["end"] >= start) & (events["start"] <= end) & (events["quad"] > 0)
            quads = events.loc[inside, "quad"].to_numpy()
            record_events = len(quads)
            conflict = _share(float(np.isin(quads, (3, 4)).sum()), float(len(quads)))
        rows.append(
            {
                "actor_a": actor_a,
                "actor_b": actor_b,
                "claims": len(group),
                "text_strain": round(float(strain.sum()), 6),
                "confirmed_strain": round(float(strain[confirmed].sum()), 6),
                "confirmed_share": _share(float(strain[confirmed].sum()), float(strain.sum())),
                "text_conflict_share": _share(float((weight < 0).sum()), float(nonzero)),
                "record_events": record_events,
                "record_conflict_share": conflict,
                "period": period,
            }
        )
    table = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return table.sort_values(
        ["text_strain", "actor_a", "actor_b"], ascending=[False, True, True], kind="stable"
    ).reset_index(drop=True)
