"""The page's side panels: the most strained relationships, the legend, the camps."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import numpy as np
import pandas as pd

from ..analysis.robustness_alg import robustness_from_strains
from ..analysis.units import UNITS
from ..edgeset import EdgeSet
from ..schema import (
    LOW_CONFIDENCE,
)
from .style import (
    CAMP_COLORS,
    COOPERATIVE,
    FRUSTRATED,
    GREY,
    HOSTILE,
    LOW,
    NEUTRAL,
    PLAIN_NODE,
    format_number,
)

__all__ = [
    "FOCUS_ROWS",
    "METRIC_WORDS",
    "camps",
    "focus_rows",
    "legend_groups",
    "relationship_count",
    "unit_dependent_pairs",
]

FOCUS_ROWS = 12
#: Bootstrap resamples behind each ranked pair's interval on the page (seed 0).
PAGE_RESAMPLES = 200

METRIC_WORDS = {
    "hostile_in": "strain received (sum of -weight of hostile actions aimed at the actor)",
    "hostile_out": "strain dealt (sum of -weight of the actor's hostile actions)",
    "cooperation_in": "cooperation received (sum of the weights of cooperative actions aimed at it)",
    "cooperation_out": "cooperation given (sum of the weights of its cooperative actions)",
    "degree_in": "number of actors acting on it",
    "degree_out": "number of actors it acts on",
    "pagerank": "PageRank on the hostile layer",
    "betweenness": "betweenness on the hostile layer",
    "hub": "HITS hub score on the hostile layer (aggressors)",
    "authority": "HITS authority score on the hostile layer (targets)",
}


def _pair_detail(pair) -> str:
    """Who strains whom, how many actions, in which domains: one short line."""
    both = [(pair.strain_ab, pair.actor_a, pair.actor_b), (pair.strain_ba, pair.actor_b, pair.actor_a)]
    ways = [f"{s}\u2192{t} {format_number(v)}" for v, s, t in sorted(both, key=lambda w: -w[0]) if v > 0]
    counts = f"{pair.hostile} hostile" + (f", {pair.cooperative} cooperative" if pair.cooperative else "")
    return " \u00b7 ".join([", ".join(ways), counts, pair.domains.replace(",", ", ")])


def unit_dependent_pairs(
    strains: dict[str, pd.DataFrame], among: Collection[tuple[str, str]] | None = None
) -> dict[tuple[str, str], str]:
    """Pairs whose strain rank depends on the unit of evidence (it differs between
    action, claim and type), with their rank under each; ``strains`` holds the page's
    strain table under each unit (see :func:`graphkit.render.graph.page_strains`).
    ``among``: only these pairs (actor_a, actor_b) are looked at (the ranked list's: on a
    large page the words for thousands of others were written and thrown away)."""
    table = robustness_from_strains({f":{unit}": strains[unit] for unit in UNITS})
    moving = table[table["rank_min"] != table["rank_max"]]
    pairs = zip(moving["actor_a"].tolist(), moving["actor_b"].tolist())
    rows = [(i, pair) for i, pair in enumerate(pairs) if among is None or pair in among]
    ranks = [moving[f":{unit}"].to_numpy() for unit in UNITS]
    return {
        pair: "rank by unit: " + ", ".join(f"{unit} {int(r[i])}" for unit, r in zip(UNITS, ranks))
        for i, pair in rows
    }


def rank_intervals(edge_set, unit: str) -> dict[tuple[str, str], str]:
    """Each strained pair's bootstrap rank interval, as the ranked list shows it:
    ``rank 1 to 5 in 90% of 200 resamples`` (:func:`graphkit.analysis.resample.resample_strain`,
    seed 0, so that a page is the same bytes on every run)."""
    from ..analysis.resample import resample_strain

    # the draws of every pair, the ranks only of the pairs the list shows
    table = resample_strain(
        edge_set, resamples=PAGE_RESAMPLES, seed=0, unit=unit, top=FOCUS_ROWS, rows=FOCUS_ROWS
    )
    return {
        (a, b): f"rank {low} to {high} in 90% of {PAGE_RESAMPLES} resamples of the {unit}s"
        for a, b, low, high in zip(table["actor_a"], table["actor_b"], table["rank_low"], table["rank_high"])
    }


def focus_rows(
    pairs: pd.DataFrame,
    edges: list[dict],
    unit_dependent: dict | None = None,
    intervals: dict | None = None,
) -> list[dict]:
    """The most strained relationships, each with its actors and all its arrows; a
    relationship whose place depends on the unit of evidence says so in its detail,
    and ``intervals`` (:func:`rank_intervals`) gives each its rank interval."""
    unit_dependent = unit_dependent or {}
    intervals = intervals or {}
    edge_ids: dict[tuple[str, str], list[str]] = {}
    for edge in edges:
        edge_ids.setdefault(tuple(sorted((edge["from"], edge["to"]))), []).append(edge["id"])
    return [
        {
            "label": f"{r.name_a} \u2194 {r.name_b}",
            "value": format_number(r.strain),
            "detail": " \u00b7 ".join(
                [
                    _pair_detail(r),
                    *(
                        [unit_dependent[r.actor_a, r.actor_b]]
                        if (r.actor_a, r.actor_b) in unit_dependent
                        else []
                    ),
                ]
            ),
            "nodes": [r.actor_a, r.actor_b],
            "edges": edge_ids.get((r.actor_a, r.actor_b), []),
            **({"interval": intervals[r.actor_a, r.actor_b]} if (r.actor_a, r.actor_b) in intervals else {}),
        }
        for r in listed(pairs).itertuples(index=False)
    ]


def listed(pairs: pd.DataFrame) -> pd.DataFrame:
    """The rows of a strain table that the ranked list shows: the most strained, at most FOCUS_ROWS."""
    return pairs[pairs["strain"] > 0].head(FOCUS_ROWS)


def _item(label: str, color: str, symbol: str, width: float) -> dict[str, Any]:
    return {"label": label, "color": color, "symbol": symbol, "width": width}


def legend_groups(
    color_key: str,
    node_colors: dict,
    color_by: str,
    domain_colors: dict,
    signs: set,
    size_by: str,
    low_confidence: bool = False,
):
    if color_by in ("sign", "camp"):
        actions = [
            _item("hostile action (weight < 0)", HOSTILE, "line", 4),
            _item("cooperative action (weight > 0)", COOPERATIVE, "dashed", 4),
        ]
        if "neutral" in signs:
            actions.append(_item("neutral action (weight 0)", NEUTRAL, "dashed", 2))
        if color_by == "camp":
            label = "frustrated tie: friendly across the camps or hostile inside one (thicker)"
            actions.append(_item(label, FRUSTRATED, "line", 6))
    else:
        actions = [_item(domain, color, "line", 4) for domain, color in domain_colors.items()]
        actions.append(_item("dashed: cooperative (weight > 0)", GREY, "dashed", 3))
    if low_confidence:
        actions.append(
            _item(f"draft row with confidence < {LOW_CONFIDENCE} (grey, dashed)", LOW, "dashed", 3)
        )
    if node_colors:
        actors = [
            {"label": band or f"no {color_key}", "color": c, "symbol": "dot"}
            for band, c in node_colors.items()
        ]
    else:  # colour shows domains: actors stay plain, so that no colour means two things
        actors = [
            {
                "label": f"every actor (colour shows domains here; {color_key} in tooltips)",
                "color": PLAIN_NODE,
            }
        ]
    sizes = [
        _item("thin line: |weight| near 0", GREY, "line", 1),
        _item("thick line: |weight| 10", GREY, "line", 7),
        {"label": "node size: " + METRIC_WORDS[size_by], "symbol": "none"},
        {"label": "arrow: from the actor alleged to act, to its target", "symbol": "none"},
    ]
    return [
        {"title": "Actors by " + color_key, "items": actors},
        {"title": "Actions" + (" by domain" if color_by == "domain" else ""), "items": actions},
        {"title": "Sizes", "items": sizes},
    ]


def camps(edge_set: EdgeSet, metrics: pd.DataFrame) -> tuple[pd.DataFrame, dict, frozenset, list[str]]:
    """Each actor's camp label, the camps' colours, the frustrated pairs and a note on them."""
    from ..analysis.balance_alg import balance
    from ..analysis.balance_report import frustration_words

    result = balance(edge_set)
    tied = set(result.ties["actor_a"]) | set(result.ties["actor_b"])
    labels = [f"camp {result.camps[a]}" if a in tied else "no signed tie" for a in metrics["actor"]]
    metrics = metrics.assign(camp=labels)
    colors = {label: color for label, color in CAMP_COLORS.items() if label in set(labels)}
    note = (
        "Camps: structural balance of the signed graph (a pair is friendly or hostile by the sign of "
        "its net weight, both directions); friendly ties belong inside a camp, hostile ones across. "
        f"Frustrated ties: {frustration_words(result)}."
    )
    return metrics, colors, frozenset(result.frustrated_ties), [note]


def relationship_count(edges: pd.DataFrame) -> int:
    """How many unordered pairs of actors ``edges`` link (the pair view's lines)."""
    source, target = edges["source"].to_numpy(object), edges["target"].to_numpy(object)
    low = np.where(source <= target, source, target)
    high = np.where(source <= target, target, source)
    return len(pd.MultiIndex.from_arrays([low, high]).unique())
