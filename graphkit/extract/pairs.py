"""Who "the two governments", "both sides" and an unnamed addressee are: pairs and the
article's main pair, read from what the text has named so far (docs/extract.md, step 7)."""

from __future__ import annotations

import re
from collections import Counter

from .clauses import GROUP, State
from .gazetteer import Mention

__all__ = ["STATE_NOUNS", "group_subject", "main_pair", "many_subject", "previous_other", "recent_pair"]

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


_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6}
# "the three military governments", "all four members": a group named acting together before
MANY = re.compile(
    r"\b(?:the|all|all\s+the)\s+(three|four|five|six)\s+(?:[\w-]+\s+){0,2}?(?:governments|countries|states|"
    r"nations|juntas|allies|members|capitals|leaders|neighbou?rs|partners|armies)\b",
    re.IGNORECASE,
)
# a group, then a relative clause describing it, then the main verb: "the three governments,
# which left the bloc last year, called ..."
_DESCRIBED = re.compile(
    rf"(?:{GROUP.pattern}|{MANY.pattern}),\s*(?:which|who)\b[^,;]{{0,150}},\s*"
    r"(?:(?:has|have|had|also|then|now|jointly)\s+){0,2}$",
    re.IGNORECASE,
)


def recent_group(state: State, number: int, size: int) -> list[str]:
    """Who "the three governments" are: the last ``size`` actors named acting together in this
    sentence or the six before it (a count names them plainly); empty when none."""
    for sentence, named in reversed(state.groups):
        if sentence < number - 6:
            break
        if len(named) == size:
            return list(named)
    return []


def group_subject(state: State, text: str, start: int, number: int) -> tuple[list[str], int] | None:
    """For a verb at ``start`` in ``text`` (a sentence) right after a relative clause that
    describes "the two governments" / "the three governments": who they are, and where the
    group is named; None otherwise. Reads a bounded window: linear in the text."""
    described = _DESCRIBED.search(text, max(0, start - 240), start)
    if described is None:
        return None
    head = text[described.start() : start]
    many = MANY.match(head)
    if many:
        named = recent_group(state, number, _COUNTS[many.group(1).lower()])
    else:
        named = recent_pair(state, [], number, GROUP.match(head).group(0).split()[-1])  # type: ignore[union-attr]
    return (named, described.start()) if named else None


def many_subject(state: State, head: str, number: int) -> tuple[list[str], int] | None:
    """Who "the three governments" in ``head`` (the words before a verb) are, and where they
    are named in it; None when ``head`` names no such group or none was named before."""
    many = MANY.search(head)
    if many is None:
        return None
    named = recent_group(state, number, _COUNTS[many.group(1).lower()])
    return (named, many.start()) if named else None
