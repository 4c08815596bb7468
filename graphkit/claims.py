"""Claims of two codings of one text: where each quote sits, and which rows make the same claim.

The matching rule is the codebook's: two rows make the same claim when their quotes,
located in the source text (whitespace aside), overlap by at least half of the
shorter quote. Matching is one-to-one and deterministic.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .io.text import normalize_ws

__all__ = ["ClaimMatch", "locate_quotes", "match_claims"]


def locate_quotes(quotes: Sequence[str], text: str) -> list[tuple[int, int] | None]:
    """The span ``(start, end)`` of each quote in ``normalize_ws(text)``.

    Quotes are whitespace-normalised too. A quote found more than once takes its first
    place; an empty quote, or one not in the text, gives None. Each distinct quote is
    searched for once.

    >>> locate_quotes(["b  c", "x", "", "b c"], "a b\\nc d")
    [(2, 5), None, None, (2, 5)]
    """
    haystack = normalize_ws(text)
    found: dict[str, tuple[int, int] | None] = {}
    spans: list[tuple[int, int] | None] = []
    for quote in quotes:
        needle = normalize_ws(quote) if isinstance(quote, str) else ""
        if needle not in found:
            start = haystack.find(needle) if needle else -1
            found[needle] = (start, start + len(needle)) if start >= 0 else None
        spans.append(found[needle])
    return spans


@dataclass(frozen=True)
class ClaimMatch:
    """Rows of two codings matched claim for claim.

    ``pairs`` holds (row position in a, row position in b), sorted; ``only_a`` and
    ``only_b`` the positions of rows matched with nothing (including rows whose quote
    cannot be located), sorted.
    """

    pairs: list[tuple[int, int]]
    only_a: list[int]
    only_b: list[int]


def _column(frame: pd.DataFrame, name: str) -> list[str]:
    if name not in frame.columns:
        return [""] * len(frame)
    return ["" if pd.isna(v) else str(v) for v in frame[name]]


def match_claims(a: pd.DataFrame, b: pd.DataFrame, source_text: str) -> ClaimMatch:
    """Match the rows of edge frames ``a`` and ``b`` that make the same claim.

    Two rows are candidates when their quotes, located in ``source_text`` (whitespace
    aside), overlap by at least half of the shorter quote. Each row matches at most one
    row of the other frame; candidates are taken greedily, preferring the larger
    overlap (in characters of the normalised text), then the same (source, target),
    then the same action, then file order (a's position, then b's). Rows without a
    locatable quote match nothing.

    Parameters
    ----------
    a, b : pandas.DataFrame
        Edge frames with ``source``, ``target``, ``action`` and ``quote`` columns.
    source_text : str
        The text both codings quote.

    Returns
    -------
    ClaimMatch
    """
    spans_a = locate_quotes(_column(a, "quote"), source_text)
    spans_b = locate_quotes(_column(b, "quote"), source_text)
    src_a, tgt_a, act_a = _column(a, "source"), _column(a, "target"), _column(a, "action")
    src_b, tgt_b, act_b = _column(b, "source"), _column(b, "target"), _column(b, "action")

    # b's located rows by start, so each a row scans only the b rows starting before it ends
    located_b = sorted((span[0], j) for j, span in enumerate(spans_b) if span is not None)
    starts_b = [start for start, _ in located_b]
    ends_b = {j: span[1] for j, span in enumerate(spans_b) if span is not None}
    candidates = []
    for i, span_a in enumerate(spans_a):
        if span_a is None:
            continue
        start_a, end_a = span_a
        for start_b, j in located_b[: bisect.bisect_left(starts_b, end_a)]:
            end_b = ends_b[j]
            overlap = min(end_a, end_b) - max(start_a, start_b)
            shorter = min(end_a - start_a, end_b - start_b)
            if overlap > 0 and 2 * overlap >= shorter:
                same_pair = (src_a[i], tgt_a[i]) == (src_b[j], tgt_b[j])
                candidates.append((-overlap, not same_pair, act_a[i] != act_b[j], i, j))
    candidates.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j))
    return ClaimMatch(
        pairs=sorted(pairs),
        only_a=[i for i in range(len(a)) if i not in used_a],
        only_b=[j for j in range(len(b)) if j not in used_b],
    )
