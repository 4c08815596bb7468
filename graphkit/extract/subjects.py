"""Who acts when the verb's subject stands elsewhere in the sentence: the actor a relative
clause describes ("Angola, which brokered ..., has invited"), the subject of an opening
participle ("After visiting Beijing, Lula praised"), and the subject of an adverbial gerund
("the Pacific nation failed to consult it before signing"). Each looks at a bounded window
before or after the verb: linear in the text."""

from __future__ import annotations

import re
from bisect import bisect_left

from .gazetteer import Mention
from .patterns import Trigger

__all__ = ["adverbial_gerund_subject", "antecedent", "opening_participle", "relative_chain"]

# ", which" / ", who" / ", whose" right after an actor, and the main clause's verb after the clause closes
_RELATIVE_OPEN = re.compile(r",\s*(?:which|whose|who)\b")
# a second relative clause joined to the first: "..., whose troops train its army and which sells"
_AND_RELATIVE = re.compile(r"\band\s+(?:which|who)\s+(?:(?:also|now|still|has|have|had)\s+){0,2}$")
_MAIN_VERB_AFTER = re.compile(r",\s*(?:(?:has|have|had|also|then|now|later|since|again|on\s+\w+)\s+){0,2}$")
_GERUND = re.compile(r"[a-z]+ing\b")
# a sentence that opens with a participle: "After visiting Beijing, ...", "Speaking in Paris, ..."
_OPENING = re.compile(
    r"\W*(?:(?:after|before|while|since|when|upon|on|despite|without|by)\s+)?$", re.IGNORECASE
)
# a gerund tied to the clause before it: "before signing", "without consulting", "by blocking"
_ADVERBIAL = re.compile(r"\b(?:before|after|without|while|by|instead\s+of|since|when)\s+$", re.IGNORECASE)
# where the clause the gerund belongs to starts: a reported clause, a participle, a clause break
_CLAUSE_START = re.compile(
    r"[;:]|,\s*(?:and|but|while|whereas)\b|\b(?:said|says|saying|told|announced|argued|insisted|claimed|"
    r"stated|added|arguing|insisting|claiming|adding|that)\b",
    re.IGNORECASE,
)


def antecedent(
    text: str, base: int, trigger: Trigger, mentions: list[Mention], starts: list[int]
) -> Mention | None:
    """The actor a relative clause describes when ``trigger`` comes right after that clause
    closes ("Angola, which brokered a ceasefire in July, has invited ..."): the main clause's
    subject. ``text`` is the sentence (at ``base`` in the whole text), ``mentions`` every
    mention of the text, ``starts`` their starts."""
    window_start = max(0, trigger.start - 250)
    window = text[window_start : trigger.start]
    if not _MAIN_VERB_AFTER.search(window):
        return None
    opened = None
    for opened in _RELATIVE_OPEN.finditer(window):
        pass
    if opened is None or "," not in window[opened.end() :]:
        return None
    index = bisect_left(starts, base + window_start + opened.start()) - 1
    if index < 0:
        return None
    mention = mentions[index]
    if mention.end != base + window_start + opened.start() or mention.start < base:
        return None
    return mention


def relative_chain(
    text: str, base: int, trigger: Trigger, mentions: list[Mention], starts: list[int]
) -> Mention | None:
    """The antecedent of "and which" / "and who": the actor the first relative clause of the
    chain describes ("Russia, whose instructors train the Malian army and which sells arms to
    Algeria": Russia sells, not the army named last). None when the verb follows no such "and"."""
    window_start = max(0, trigger.start - 250)
    if not _AND_RELATIVE.search(text, window_start, trigger.start):
        return None
    opened = None
    for opened in _RELATIVE_OPEN.finditer(text, window_start, trigger.start):
        pass
    if opened is None:
        return None
    index = bisect_left(starts, base + opened.start()) - 1
    if index < 0:
        return None
    mention = mentions[index]
    if mention.end != base + opened.start() or mention.start < base:
        return None
    return mention


def opening_participle(
    text: str, base: int, trigger: Trigger, mentions: list[Mention]
) -> tuple[Mention, int] | None:
    """For a participle that opens the sentence ("After visiting Beijing, Lula praised China"):
    the main clause's subject (Lula) and where the participle's clause ends (the comma);
    None otherwise. ``mentions`` are the sentence's."""
    if not _GERUND.match(trigger.text) or not _OPENING.fullmatch(text, 0, trigger.start):
        return None
    comma = text.find(",", trigger.end, trigger.end + 120)
    if comma < 0:
        return None
    for m in mentions:
        if m.start - base > comma:
            if m.after_preposition or not re.fullmatch(r",\s*(?:the\s+)?", text[comma : m.start - base]):
                return None
            return m, comma
    return None


def adverbial_gerund_subject(
    text: str, base: int, trigger: Trigger, mentions: list[Mention]
) -> Mention | None:
    """The subject of the clause an adverbial gerund belongs to ("the Pacific nation failed to
    consult it before signing": the Pacific nation), None when the clause names none."""
    if not _GERUND.match(trigger.text) or not _ADVERBIAL.search(
        text, max(0, trigger.start - 20), trigger.start
    ):
        return None
    window_start = max(0, trigger.start - 200)
    start = window_start
    for start_match in _CLAUSE_START.finditer(text, window_start, trigger.start):
        start = start_match.end()
    for m in mentions:
        if start <= m.start - base < trigger.start and not m.after_preposition and not m.possessive:
            return m
    return None
