"""Score a coding against a reference coding of the same text: set agreement, direction swaps, strain rank."""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import pandas as pd

from ..checks import require_instance, require_optional_str
from ..claims import match_claims
from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError, GraphkitError
from ..io.formatting import format_frame
from ..io.text import normalize_ws
from ..schema import ReportFormat, sign_of, strain_part
from .agreement import same_files

__all__ = ["ScoreResult", "SetScore", "format_score", "score", "score_frame"]

LEVELS = ("triples_sign", "triples_type", "pairs")


@dataclass(frozen=True)
class SetScore:
    """Agreement of two sets of keys: precision, recall and F1 of the candidate's set
    against the gold set (0.0 where a denominator is 0), and both sets' sizes."""

    precision: float
    recall: float
    f1: float
    n_candidate: int
    n_gold: int

    @classmethod
    def of(cls, candidate: set, gold: set) -> SetScore:
        common = len(candidate & gold)
        precision = common / len(candidate) if candidate else 0.0
        recall = common / len(gold) if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision, recall, f1, len(candidate), len(gold))


@dataclass(frozen=True)
class ScoreResult:
    """What :func:`score` measures (see docs/extract.md for definitions). ``warnings``
    says what makes the scores doubtful (a gold set that is a draft); the library
    never prints them, the command line shows them on stderr."""

    triples_sign: SetScore
    triples_type: SetScore
    pairs: SetScore
    direction_swaps: int
    strain_spearman: float | None
    claims_matched: int
    warnings: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row per set level: ``level``, ``precision``, ``recall``, ``f1``,
        ``n_candidate``, ``n_gold`` (unrounded)."""
        return pd.DataFrame(
            [{"level": level, **dataclasses.asdict(getattr(self, level))} for level in LEVELS],
            columns=["level", "precision", "recall", "f1", "n_candidate", "n_gold"],
        )

    def to_dict(self) -> dict:
        """The JSON shape: one object per set level, then ``direction_swaps`` and ``strain_spearman``."""
        out: dict[str, Any] = {}
        for level in LEVELS:
            s = getattr(self, level)
            out[level] = {
                "precision": _round(s.precision),
                "recall": _round(s.recall),
                "f1": _round(s.f1),
                "n_candidate": s.n_candidate,
                "n_gold": s.n_gold,
            }
        out["direction_swaps"] = self.direction_swaps
        out["strain_spearman"] = None if self.strain_spearman is None else _round(self.strain_spearman)
        return out


def _round(value: float) -> float:
    rounded = round(float(value), 6)
    return 0.0 if rounded == 0 else rounded


def _type(cameo: str, action: str) -> str:
    """A row's type: its CAMEO root (the first two digits) when it has a code, else its action."""
    return f"cameo:{cameo[:2]}" if cameo else f"action:{action}"


def _keys(edges: pd.DataFrame) -> tuple[set, set, set]:
    rows = list(zip(edges["source"], edges["target"], edges["weight"], edges["cameo"], edges["action"]))
    sign = {(s, t, sign_of(w)) for s, t, w, _, _ in rows}
    typed = {(s, t, _type(c, a)) for s, t, _, c, a in rows}
    pairs = {tuple(sorted((s, t))) for s, t, *_ in rows}
    return sign, typed, pairs


def _pair_strain(edges: pd.DataFrame) -> dict[tuple[str, str], float]:
    """Strain per unordered pair (the schema's weight split), for every pair with an edge."""
    strain: dict[tuple[str, str], float] = {}
    parts = strain_part(edges["weight"].to_numpy(dtype=float))
    for s, t, part in zip(edges["source"], edges["target"], parts):
        key = tuple(sorted((s, t)))
        strain[key] = strain.get(key, 0.0) + float(part)
    return strain


def _spearman(a: dict, b: dict) -> float | None:
    keys = sorted(set(a) | set(b))
    x = np.array([a.get(k, 0.0) for k in keys])
    y = np.array([b.get(k, 0.0) for k in keys])
    if len(keys) < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None
    from scipy.stats import spearmanr

    rho = float(spearmanr(x, y).statistic)
    return None if math.isnan(rho) else rho


def _check_one_text(candidate: EdgeSet, gold: EdgeSet, text: str, *, given: bool) -> None:
    """Refuse codings whose source.txt is not ``text`` (whitespace aside): their rows
    cannot match claim for claim, and their scores would be zeros that look like a result."""
    wanted = normalize_ws(text)
    for edge_set in (gold, candidate):
        if edge_set.source_text is None or normalize_ws(edge_set.source_text) == wanted:
            continue
        if given:
            raise ArgumentError(
                "source_text",
                f"is not the text edge set {edge_set.name!r} quotes (its source.txt): "
                "give the text both codings quote",
            )
        raise GraphkitError(
            f"edge sets {candidate.name!r} and {gold.name!r} do not code one text (their source.txt "
            "differ): score two codings of the same text"
        )


def score(candidate: EdgeSet, gold: EdgeSet, *, source_text: str | None = None) -> ScoreResult:
    """Score ``candidate`` (a draft, or a second coder) against ``gold`` (the reference).

    Parameters
    ----------
    candidate, gold : EdgeSet
        Two codings of the same text.
    source_text : str, optional
        The text both quote; default gold's ``source.txt``, else candidate's. Needed to
        match rows claim for claim (for direction swaps).

    Returns
    -------
    ScoreResult
        Precision, recall and F1 on the sets of (source, target, sign),
        (source, target, CAMEO root or action) and unordered pairs; direction swaps
        (claims matched by quote whose candidate row has gold's source and target
        exchanged); Spearman correlation of the pairs' strain over the union of pairs
        (None when fewer than two pairs, or one side's strain is constant).

    Raises
    ------
    ArgumentError
        When no source text is given and neither set has one, or ``source_text`` is not
        the text a set's source.txt holds (whitespace aside).
    GraphkitError
        When the two sets' source.txt differ (whitespace aside).
    """
    require_edge_set(candidate, "candidate")
    require_edge_set(gold, "gold")
    require_optional_str(source_text, "source_text")
    text = source_text if source_text is not None else gold.source_text or candidate.source_text
    if text is None:
        raise ArgumentError(
            "source_text",
            ": neither edge set has a source.txt; give the text both codings quote "
            "(direction swaps match rows by their quotes)",
        )
    _check_one_text(candidate, gold, text, given=source_text is not None)
    cand, ref = candidate.edges, gold.edges
    c_sign, c_type, c_pairs = _keys(cand)
    g_sign, g_type, g_pairs = _keys(ref)
    match = match_claims(cand, ref, text)
    swaps = sum(
        1
        for i, j in match.pairs
        if (cand["source"].iat[i], cand["target"].iat[i]) == (ref["target"].iat[j], ref["source"].iat[j])
    )
    return ScoreResult(
        warnings=_swapped_warnings(candidate, gold),
        triples_sign=SetScore.of(c_sign, g_sign),
        triples_type=SetScore.of(c_type, g_type),
        pairs=SetScore.of(c_pairs, g_pairs),
        direction_swaps=swaps,
        strain_spearman=_spearman(_pair_strain(cand), _pair_strain(ref)),
        claims_matched=len(match.pairs),
    )


def _drafts(edge_set: EdgeSet) -> int:
    edges = edge_set.edges
    return int(edges["status"].str.strip().str.casefold().eq("draft").sum()) if "status" in edges else 0


def _swapped_warnings(candidate: EdgeSet, gold: EdgeSet) -> tuple[str, ...]:
    """A warning when the reference holds draft rows: with the sets swapped,
    precision and recall swap too, and nothing else would show it."""
    if same_files(candidate, gold):
        return (
            (
                f"candidate and gold are the same edge set ({gold.name!r}): every score is 1 by construction; "
                "give a second coding of the text as the candidate"
            ),
        )
    drafts = _drafts(gold)
    if not drafts:
        return ()
    rows = "row" if drafts == 1 else "rows"
    both = " (so does the candidate)" if _drafts(candidate) else ""
    return (
        (
            f"gold set {gold.name!r} has {drafts} {rows} with status=draft{both}: a draft is not a reference; "
            "give the candidate first and the reference second, or precision and recall swap"
        ),
    )


def score_frame(result: ScoreResult) -> pd.DataFrame:
    """One row per set level: ``level``, ``precision``, ``recall``, ``f1``, ``n_candidate``, ``n_gold``."""
    data = result.to_dict()
    return pd.DataFrame([{"level": level, **data[level]} for level in LEVELS])


def format_score(result: ScoreResult, fmt: str, *, safe_csv: bool = False) -> str:
    """``result`` as ``table``, ``csv``, ``markdown`` (the levels' table, then the two
    other measures) or ``json`` (keys ``triples_sign``, ``triples_type``, ``pairs``,
    ``direction_swaps``, ``strain_spearman``)."""
    require_instance(result, "result", ScoreResult, "make one with score(candidate, gold)")
    if fmt == "json":
        return json.dumps(result.to_dict(), indent=2) + "\n"
    frame = score_frame(result)
    rho = "" if result.strain_spearman is None else f"{_round(result.strain_spearman)}"
    if fmt == "csv":
        # one table: the levels' rows, then one row per single-number measure in ``value``
        frame = frame.astype(object).assign(value="")
        extra = pd.DataFrame(
            {"level": ["direction_swaps", "strain_spearman"], "value": [str(result.direction_swaps), rho]}
        )
        return format_frame(pd.concat([frame, extra], ignore_index=True).fillna(""), "csv", safe_csv=safe_csv)
    if fmt not in ("table", "markdown"):
        raise ArgumentError("fmt", f"{fmt!r}: use table, csv, json or markdown")
    rho_text = rho or "n/a (fewer than two pairs, or a constant strain)"
    lines = [
        f"direction swaps: {result.direction_swaps} (of {result.claims_matched} claims matched by quote)",
        f"strain Spearman: {rho_text}",
    ]
    if fmt == "markdown":
        lines = [f"- {line}" for line in lines]
    return format_frame(frame, cast(ReportFormat, fmt)) + "\n" + "\n".join(lines) + "\n"
