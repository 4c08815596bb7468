"""Who "the two governments", "both sides" and an unnamed addressee are: pairs and the
article's main pair, read from what the text has named so far (docs/extract.md, step 7)."""

from __future__ import annotations

from collections import Counter

from .clauses import State
from .gazetteer import Mention

__all__ = ["ADVERSARIES", "main_pair", "previous_other", "recent_pair"]

# "both sides", "the two rivals": the parties of the article's quarrel, not whoever acted last
ADVERSARIES = frozenset(["sides", "rivals", "neighbours", "neighbors", "parties", "allies"])


def main_pair(mentions: list[Mention], headline: tuple[int, int] | None) -> list[str]:
    """The two states or blocs the text names most (a headline mention counts twice; ties go
    to the one named first): whom the article is about. Empty when fewer than two are named."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind not in ("state", "bloc"):
            continue
        counts[m.actor] += 2 if headline and headline[0] <= m.start < headline[1] else 1
        first.setdefault(m.actor, m.start)
    ranked = sorted(counts, key=lambda a: (-counts[a], first[a]))
    return ranked[:2] if len(ranked) >= 2 and counts[ranked[1]] >= 2 else []


def recent_pair(state: State, exclude: list[str], number: int, noun: str = "") -> list[str]:
    """Who "the two governments", "both sides" (``noun``: "governments", "sides") are, none of
    them in ``exclude`` (the act's source, for a target):

    1. a pair named acting together in this sentence or the one before in its paragraph
       ("Finland and Estonia said ... The two governments agreed");
    2. for "sides", "rivals", "allies", ...: the article's main pair (:func:`main_pair`);
    3. a row's source and target in this sentence or the one before in its paragraph
       ("Malaysia backed Jakarta. ... the two countries would coordinate");
    4. the article's main pair;
    5. the nearest pair named in the two sentences before, else the last two states or
       blocs named."""

    def near(sentence: int) -> bool:
        return sentence == number or (
            sentence == number - 1 and state.paragraph_of.get(sentence) == state.paragraph_of.get(number)
        )

    def fits(named: list[str]) -> bool:
        return len(named) == 2 and not set(named) & set(exclude)

    def scan(together: bool, since: int) -> list[str]:
        for sentence, acting_together, named in reversed(state.pairs):
            if sentence < since:
                break  # bounded: a scan of every pair so far was quadratic in the text
            if (acting_together or not together) and (since < number - 1 or near(sentence)) and fits(named):
                return named
        return []

    main = state.main_pair if fits(state.main_pair) else []
    steps = [scan(True, number - 1), main if noun.lower() in ADVERSARIES else [], scan(False, number - 1)]
    steps += [main, scan(True, number - 2), scan(False, number - 2)]
    for pair in steps:
        if pair:
            return list(pair)
    last: list[str] = []
    for m in reversed(state.recent):
        if m.actor not in exclude and m.actor not in last and m.kind in ("state", "bloc"):
            last.append(m.actor)
        if len(last) == 2:
            break
    return last[::-1]


def previous_other(state: State, number: int, exclude: list[str]) -> str | None:
    """Whom a reaction with no target answers: when its source is one of the article's main
    pair, the other one; else the state or bloc the text was last about, in this sentence or
    the one before, other than ``exclude`` ("Japan condemned the restrictions" after "China
    restricted exports")."""
    if len(exclude) == 1 and exclude[0] in state.main_pair:
        return next(a for a in state.main_pair if a != exclude[0])
    for actor, kind, sentence in reversed(state.history):
        if sentence < number - 1:
            return None
        if actor not in exclude and kind in ("state", "bloc"):
            return actor
    return None
