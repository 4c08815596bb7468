"""Who "the two governments", "both sides" and an unnamed addressee are: pairs and the
article's main pair, read from what the text has named so far (docs/extract.md, step 7)."""

from __future__ import annotations

from collections import Counter

from .clauses import State
from .gazetteer import Mention

__all__ = ["STATE_NOUNS", "main_pair", "previous_other", "recent_pair"]

# "the two countries" are two states: a bloc (the EU) is not one of them
STATE_NOUNS = frozenset(
    [
        "countries",
        "states",
        "nations",
        "kingdoms",
        "neighbours",
        "neighbors",
        "capitals",
        "allies",
        "republics",
    ]
)


def main_pair(mentions: list[Mention], headline: tuple[int, int] | None) -> tuple[list[str], bool]:
    """The two states or blocs the text names most (a headline mention counts twice; ties go
    to the one named first): whom the article is about, empty when fewer than two are named
    twice; and whether both are states."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    kinds: dict[str, str] = {}
    for m in mentions:
        if m.kind not in ("state", "bloc"):
            continue
        kinds[m.actor] = m.kind
        counts[m.actor] += 2 if headline and headline[0] <= m.start < headline[1] else 1
        first.setdefault(m.actor, m.start)
    ranked = sorted(counts, key=lambda a: (-counts[a], first[a]))
    pair = ranked[:2] if len(ranked) >= 2 and counts[ranked[1]] >= 2 else []
    return pair, all(kinds[a] == "state" for a in pair)


# "the two armies" are the pair's militaries (codebook rule 6): THA, KHM -> THAMIL, KHMMIL
MILITARY_NOUNS = frozenset(["armies", "militaries", "navies", "forces"])


def recent_pair(state: State, exclude: list[str], number: int, noun: str = "") -> list[str]:
    """Who "the two governments", "both sides", "the two armies" are (:func:`_pair`); for a
    military noun, the pair's militaries."""
    if noun.lower() not in MILITARY_NOUNS:
        return _pair(state, exclude, number, noun)
    pair = _pair(state, [a[:3] for a in exclude], number, "countries")
    return [a + "MIL" if len(a) == 3 and state.kinds.get(a, "state") == "state" else a for a in pair]


def _pair(state: State, exclude: list[str], number: int, noun: str = "") -> list[str]:
    """Who "the two governments", "both sides" (``noun``: "governments", "sides") are, none of
    them in ``exclude`` (the act's source, for a target):

    1. a pair named acting together in this sentence or the one before in its paragraph
       ("Finland and Estonia said ... The two governments agreed");
    2. a row's source and target in this sentence ("Rabat welcomed Spain's shift, and the
       two kingdoms restored ties");
    3. the article's main pair (:func:`main_pair`), when it fits the noun ("the two
       countries" are two states, not a state and a bloc);
    4. a row's source and target in the sentence before, in its paragraph ("Malaysia backed
       Jakarta. ... the two countries would coordinate");
    5. the nearest pair named in the two sentences before, else the last two states or
       blocs named."""

    states_only = noun.lower() in STATE_NOUNS

    def fits(named: list[str]) -> bool:
        # "the two NATO allies" are two states: never the EU and one of them
        if states_only and any(state.kinds.get(a, "state") != "state" for a in named):
            return False
        return len(named) == 2 and not set(named) & set(exclude)

    def scan(together: bool, since: int, until: int) -> list[str]:
        for sentence, acting_together, named in reversed(state.pairs):
            if sentence < since:
                break  # bounded: a scan of every pair so far was quadratic in the text
            if sentence > until or (sentence < number and not same_paragraph(sentence)):
                continue
            if (acting_together or not together) and fits(named):
                return named
        return []

    def same_paragraph(sentence: int) -> bool:
        return state.paragraph_of.get(sentence) == state.paragraph_of.get(number)

    main = state.main_pair if fits(state.main_pair) else []
    if noun.lower() in STATE_NOUNS and not state.main_pair_states:
        main = []
    steps = [
        scan(True, number - 1, number),
        scan(False, number, number),
        main,
        scan(False, number - 1, number - 1),
    ]
    for pair in steps:
        if pair:
            return list(pair)
    for together_only in (True, False):
        for sentence, acting_together, named in reversed(state.pairs):
            if sentence < number - 2:
                break
            if (acting_together or not together_only) and fits(named):
                return list(named)
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
