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

__all__ = ["ClaimMatch", "QuoteIndex", "locate_quotes", "match_claims"]


def locate_quotes(quotes: Sequence[str], text: str) -> list[tuple[int, int] | None]:
    """The span ``(start, end)`` of each quote in ``normalize_ws(text)``.

    Quotes are whitespace-normalised too. A quote found more than once takes its first
    place; an empty quote, or one not in the text, gives None. Each distinct quote is
    looked for once, through a word index of the text (see :class:`QuoteIndex`).

    >>> locate_quotes(["b  c", "x", "", "b c"], "a b\\nc d")
    [(2, 5), None, None, (2, 5)]
    """
    index = QuoteIndex(text)
    found: dict[str, tuple[int, int] | None] = {}
    spans: list[tuple[int, int] | None] = []
    for quote in quotes:
        needle = normalize_ws(quote) if isinstance(quote, str) else ""
        if needle not in found:
            start = index.first(needle) if needle else -1
            found[needle] = (start, start + len(needle)) if start >= 0 else None
        spans.append(found[needle])
    return spans


class QuoteIndex:
    """A text (whitespace normalised) indexed by word, to find many quotes in it.

    A quote of three words or more holds whole words of the text between its first
    and last (which may be parts of words): only the places where its rarest such
    word stands need comparing, so finding many quotes costs about the length of the
    text once, not a search of the text per quote. Shorter quotes are searched for.
    """

    def __init__(self, text: str):
        self.text = normalize_ws(text)
        self.where: dict[str, list[int]] = {}
        offset = 0
        for word in self.text.split(" ") if self.text else ():
            self.where.setdefault(word, []).append(offset)
            offset += len(word) + 1

    def first(self, quote: str) -> int:
        """Where normalised ``quote`` first starts in the text, or -1."""
        words = quote.split(" ")
        if len(words) < 3:
            return self.text.find(quote)
        k = min(range(1, len(words) - 1), key=lambda i: len(self.where.get(words[i], ())))
        before = sum(len(word) + 1 for word in words[:k])  # from the quote's start to word k
        for at in self.where.get(words[k], ()):  # ascending: the first match is the first place
            if at >= before and self.text.startswith(quote, at - before):
                return at - before
        return -1


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

    Rows are grouped by where their quote sits, so the work grows with the rows and
    the pairs of *distinct* places that overlap, not with every pair of rows (3,000
    rows quoting one sentence in each coding are 3,000 steps, not 9 million).

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
    keys_a = list(zip(_column(a, "source"), _column(a, "target"), _column(a, "action")))
    keys_b = list(zip(_column(b, "source"), _column(b, "target"), _column(b, "action")))
    rows_a = _by_span(spans_a)
    rows_b = _by_span(spans_b)
    used_a = [False] * len(a)
    used_b = [False] * len(b)
    heads = _Heads(rows_b, keys_b, used_b)
    pairs = []
    for _, neighbours in sorted(_overlapping(rows_a, rows_b).items(), key=lambda item: -item[0]):
        # one overlap at a time, largest first; within it the tiers of the greedy order
        order = sorted((i, span) for span in neighbours for i in rows_a[span])
        for tier in range(4):
            for i, span in order:
                if used_a[i]:
                    continue
                key = _tier_key(tier, keys_a[i])
                best = None
                for span_b in neighbours[span]:
                    j = heads.first_free(span_b, tier, key)
                    if j is not None and (best is None or j < best):
                        best = j
                if best is not None:
                    used_a[i] = used_b[best] = True
                    pairs.append((i, best))
    return ClaimMatch(
        pairs=sorted(pairs),
        only_a=[i for i, used in enumerate(used_a) if not used],
        only_b=[j for j, used in enumerate(used_b) if not used],
    )


def _by_span(spans: list[tuple[int, int] | None]) -> dict[tuple[int, int], list[int]]:
    """Row positions (ascending) per located span."""
    rows: dict[tuple[int, int], list[int]] = {}
    for position, span in enumerate(spans):
        if span is not None:
            rows.setdefault(span, []).append(position)
    return rows


def _overlapping(rows_a, rows_b) -> dict[int, dict[tuple[int, int], list[tuple[int, int]]]]:
    """overlap -> {span of a: [spans of b overlapping it by that much, and by at
    least half of the shorter]}, over distinct spans only."""
    spans_b = sorted(rows_b)
    starts_b = [start for start, _ in spans_b]
    longest = max((end - start for start, end in spans_b), default=0)
    levels: dict[int, dict[tuple[int, int], list[tuple[int, int]]]] = {}
    for start_a, end_a in rows_a:
        # a b span overlapping a starts after start_a - longest and before end_a
        low = bisect.bisect_right(starts_b, start_a - longest)
        for start_b, end_b in spans_b[low : bisect.bisect_left(starts_b, end_a)]:
            overlap = min(end_a, end_b) - max(start_a, start_b)
            shorter = min(end_a - start_a, end_b - start_b)
            if overlap > 0 and 2 * overlap >= shorter:
                levels.setdefault(overlap, {}).setdefault((start_a, end_a), []).append((start_b, end_b))
    return levels


def _tier_key(tier: int, key: tuple[str, str, str]):
    """What must be equal in tier ``tier`` of the greedy order: 0 the same pair and
    action, 1 the same pair, 2 the same action, 3 nothing. (A row still free in tier
    1 has no free candidate with the same pair and action left, so "the same pair"
    there means "the same pair, another action", and so on.)"""
    return (key, key[:2], key[2], None)[tier]


class _Heads:
    """For each span of b, tier and key: b's rows in file order, with a pointer to
    the first one not yet matched (rows are matched once, so pointers only move on)."""

    def __init__(self, rows_b, keys_b, used_b):
        self.rows_b, self.keys_b, self.used_b = rows_b, keys_b, used_b
        self.lists: dict[tuple[int, int], list[dict]] = {}

    def first_free(self, span, tier: int, key) -> int | None:
        by_tier = self.lists.get(span)
        if by_tier is None:
            by_tier = [{}, {}, {}, {}]
            for j in self.rows_b[span]:
                for t in range(4):
                    by_tier[t].setdefault(_tier_key(t, self.keys_b[j]), [0]).append(j)
            self.lists[span] = by_tier
        rows = by_tier[tier].get(key)
        if rows is None:
            return None
        at = rows[0] + 1  # rows[0] is the pointer, rows[1:] the positions
        while at < len(rows) and self.used_b[rows[at]]:
            at += 1
        rows[0] = at - 1
        return rows[at] if at < len(rows) else None
