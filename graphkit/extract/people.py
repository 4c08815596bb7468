"""People the text introduces with their state's title ("Iraqi Foreign Minister Fuad Hussein",
"Uzbekistan's president, Shavkat Mirziyoyev"): later, their surname alone names that state
(codebook rule 5: an official acts for the state). Linear: one bounded match after each state
mention, then one scan for the surnames found."""

from __future__ import annotations

import re
from bisect import bisect_right

from .gazetteer import PREPOSITIONS, Mention

__all__ = ["with_descriptions", "with_people"]

_TITLE = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?-i:[a-z]+)\s+){0,2}?"
    r"(?:president|prime\s+minister|premier|chancellor|foreign\s+minister|foreign\s+secretary|"
    r"(?:defen[cs]e|interior|trade|finance)\s+minister|counterpart|king|emir|leader)\s*,?\s+"
    r"(?-i:((?:[A-Z][\w'-]+\s+){0,2})([A-Z][a-z][\w'-]*))(?![\w'-])",
    re.IGNORECASE,
)
# "the Pacific nation", "the Gulf kingdom", "the island country": a description of a state
_DESCRIPTION = re.compile(
    r"\b[Tt]he\s+(?!(?:two|both|three|four|other|same|whole|entire|first|second|neighbou?ring|host|member|"
    r"nuclear-armed)\b)(?:[A-Za-z-]+\s+){0,2}?(?-i:nation|country|kingdom|republic|archipelago)\b(?!\s+of\b)"
)
_REPORTING = re.compile(r"\b(?:saying|said|says|accusing|arguing|claiming|adding|insisting|warning)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d]?\s")
_NOT_NAMES = frozenset(["The", "A", "An", "On", "In", "He", "She", "It", "They", "But", "And", "Said"])


def with_people(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` and, after each person introduced with a state's title, every later
    mention of their surname as that state."""
    people: dict[str, tuple[str, int]] = {}  # surname -> (state, where it was introduced)
    for m in mentions:
        if m.kind != "state":
            continue
        match = _TITLE.match(text, m.end)
        if match and match.group(2) not in _NOT_NAMES and match.group(2) not in people:
            people[match.group(2)] = (m.actor, match.end())
    if not people:
        return mentions
    starts = [m.start for m in mentions]  # in text order
    found = []
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in people) + r")(?![\w-])")
    for match in pattern.finditer(text):
        actor, introduced = people[match.group(0)]
        start, end = match.span()
        index = bisect_right(starts, start) - 1  # inside a mention already found: not a person
        if start < introduced or (index >= 0 and mentions[index].end > start):
            continue
        possessive = bool(re.match(r"['\u2019]s?\b", text[end : end + 2]))
        words = [w for w in text[max(0, start - 30) : start].lower().split()[-3:] if w not in ("the", "a")]
        word = words[-1].strip("\"'(") if words else ""
        preposition = word if word in PREPOSITIONS else ""
        found.append(Mention(start, end, actor, "state", match.group(0), possessive, preposition))
    return sorted([*mentions, *found], key=lambda m: m.start)


def with_descriptions(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` and each description of a state ("the Pacific nation") as the state named
    last before it in its sentence, when another state was named before that one and the
    description is in what the subject said. One scan."""
    states = [m for m in mentions if m.kind == "state"]
    starts = [m.start for m in states]
    found = []
    for match in _DESCRIPTION.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        # in the sentence that named it after another state, in what its subject says ("New Zealand
        # paused aid to the Cook Islands, saying the Pacific nation ..."): a speaker's description
        # of the other party, never of itself
        if (
            index < 1
            or _SENTENCE_END.search(text, states[index - 1].end, match.start())
            or not _REPORTING.search(text, states[index].end, match.start())
        ):
            continue
        start, end = match.span()
        possessive = bool(re.match(r"['\u2019]s?\b", text[end : end + 2]))
        words = [w for w in text[max(0, start - 30) : start].lower().split()[-3:] if w not in ("the", "a")]
        word = words[-1].strip("\"'(") if words else ""
        preposition = word if word in PREPOSITIONS else ""
        found.append(
            Mention(start, end, states[index].actor, "state", match.group(0), possessive, preposition)
        )
    return sorted([*mentions, *found], key=lambda m: m.start) if found else mentions
