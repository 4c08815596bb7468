"""Modality: whether a verb the patterns found tells an act, and of which kind.

Read from the words before the verb in its clause (docs/extract.md, "Negation and
modality"; docs/codebook.md, rules 2 and 3). Every regex here is linear in its input: no
nested repetition, and the window is the clause's last few words.
"""

from __future__ import annotations

import re

from .patterns import Trigger

__all__ = ["conditional_spans", "hypothetical", "last_words", "modality"]

NEGATION = re.compile(
    r"\b(?:not|never|no|nor|neither|without)\b|n't\b|\b(?:refrain\w*|declin\w*|fail\w*)\s+(?:from|to)\b"
)
# what should happen, or what a speaker hopes will: an opinion, 010 (codebook rule 2)
SHOULD = re.compile(r"\b(?:should|ought|must|hope[sd]?|hoping|wish(?:es|ed)?)\b", re.IGNORECASE)
POSSIBLE = re.compile(
    # "may" in lower case only: "12 May 2026 - China suspended" is a date, not a possibility
    r"\b(?:could|might|(?-i:may)|can|cannot)\b|\b(?:expected|likely|want|wants|hope|hopes|urged|asked|due|"
    # "had the right to sign agreements": a right claimed, not an act done
    r"right|free|able|entitled)\s+to\b",
    re.IGNORECASE,
)
FUTURE = re.compile(r"\b(?:would|will|shall)\b|'ll\b|\b(?:set|going|is|are)\s+to\b", re.IGNORECASE)
# planned or prepared, not done and not put to the target: 014 Consider policy option (codebook rule 3)
PREPARED = re.compile(
    r"\b(?:plans?|planning|intends?|intending|preparing|prepares|considering|considers|weighing|aims?|seeks?)\s+to\b"
    # "is considering suspending cooperation": the option right before the act's gerund
    r"|\b(?:consider(?:s|ing|ed)?|weigh(?:s|ing|ed)?|mull(?:s|ing|ed)?|contemplat\w*|explor(?:es|ing|ed))\s*$",
    re.IGNORECASE,
)
# a condition or a hypothetical: what it names did not happen ("if Russia blocked shipping",
# "until Niamey reopened the border",
# "in case of a further incident", "whether US ships could escort"); up to the clause's end
_CONDITIONAL = re.compile(
    r"\b(?:if|unless|until|whether|as\s+long\s+as|in\s+case\s+of|in\s+the\s+event\s+of|were\s+\w+\s+to)\b[^,;:.]*",
    re.IGNORECASE,
)
# a verb's word used as a noun after a determiner names an event, not an act told: "an armed
# attack on Philippine vessels would invoke the treaty" is no attack
_DETERMINER = re.compile(
    r"(?:\b(?:an?|the|any|another|further|armed|military|such|possible|its|their|his|her)|['\u2019]s)\s+$",
    re.IGNORECASE,
)
# "turned down Turkey's offer", "welcomed the pledge": a pledge named, not made
# a visit named after "during", "on", "after" with no author of its own is the subject's
_DURING = re.compile(r"\b(?:during|on|after)\s+(?:an?|his|her|its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_NOUN_PATTERNS = frozenset(["attack", "visit", "demand", "pledge"])
_MODIFIED = re.compile(r"\b(?:an?|the|any|another|its|their|his|her)\s+(?:[\w-]+\s+){1,2}$", re.IGNORECASE)
# a modal governs its clause: what a noun names inside "any talks would have to include guarantees
# on attacks", "could lead to further sanctions" is a hypothetical, never the act (codebook rule 2);
# "would impose sanctions" (the modal's own verb) stays a threat or an intent, read below
_MODAL = re.compile(
    r"\b(?:would|could|might|(?-i:may)|must|should|shall|will|can|(?:have|has|needs?)\s+to)\b", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"[,;:()\"\u201c\u201d]|\b(?:said|says|told|that|which|who)\b", re.IGNORECASE)
# a determiner or a preposition between the modal and the act's word: the act is named, not done
_NOUN_SIGN = re.compile(
    r"\b(?:an?|the|any|another|further|more|new|such|possible|its|their|of|on|about|over|against|for|"
    r"regarding|concerning|into|in|with|from)\b",
    re.IGNORECASE,
)
# the act as the topic of another noun or verb ("guarantees on attacks", "talks on sanctions",
# "concerns about strikes"): named, never done; the act's word is a noun form (not "-ed", "struck")
_TOPIC = re.compile(r"\b(?:on|about|over|against|regarding|concerning)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_VERB_FORM = re.compile(r"(?:\w+ed|struck|hit|shot|slapped)\b", re.IGNORECASE)
# a promise referred to, not made: "the batteries it promised last year", "delayed ... it promised"
_RELATIVE = re.compile(r"\b([a-z]+)\s+(?:it|they|he|she|we|which|that)\s+(?:had\s+|has\s+|have\s+)?$")
_NOT_NOUNS = frozenset(
    ["and", "but", "or", "that", "said", "says", "as", "because", "when", "so", "then", "since", "while"]
)
_DELAYED = re.compile(
    r"\b(?:delay\w*|postpon\w*|broke|broken|break\w*|reneg\w*|went\s+back\s+on|withheld)\b", re.IGNORECASE
)


def conditional_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` states a condition or a hypothetical, as (start, end) offsets."""
    return [m.span() for m in _CONDITIONAL.finditer(text)]


def hypothetical(before: str, trigger_text: str) -> bool:
    """True when the act ``trigger_text`` names is a noun inside a modal clause or the topic of
    another word: ``before`` is the clause's text up to the act."""
    if _VERB_FORM.match(trigger_text):
        return False
    if _TOPIC.search(before[-60:]):
        return True
    clause = before[-200:]
    starts = list(_CLAUSE_START.finditer(clause))
    clause = clause[starts[-1].end() :] if starts else clause
    modal = None
    for modal in _MODAL.finditer(clause):
        pass
    return modal is not None and bool(_NOUN_SIGN.search(clause[modal.end() :]))


def last_words(text: str, n: int = 4) -> str:
    """The last ``n`` words of ``text``'s last clause (``text`` ends at a verb)."""
    clause = re.split(r"[,;:()\"\u201c\u201d]|\band\b|\bbut\b", text[-400:])[-1]
    return " ".join(clause.split()[-n:])


def modality(text: str, segment_start: int, trigger: Trigger, conditionals: list[tuple[int, int]]) -> str:
    """How the act ``trigger`` names in the sentence ``text`` is told: "conditional", "noun",
    "referred" (a promise referred to), "should" (an opinion), "negated", "possible",
    "prepared", "future", or "" (an act told as done)."""
    if any(a <= trigger.start < b for a, b in conditionals):
        return "conditional"
    before = text[max(segment_start, trigger.start - 200) : trigger.start]
    # "signed the accord during a visit to Beijing": the clause's subject visited
    during = trigger.pattern.name == "visit" and bool(_DURING.search(before[-40:]))
    if (
        not during
        and (
            trigger.pattern.name in _NOUN_PATTERNS
            and (
                _DETERMINER.search(before[-40:])
                # "a Turkish drone strike", "the Russian air attack": a noun after its modifiers
                or (not _VERB_FORM.match(trigger.text) and _MODIFIED.search(before[-60:]))
            )
        )
    ):
        return "noun"
    if not during and hypothetical(text[max(0, trigger.start - 200) : trigger.start], trigger.text):
        return "hypothetical"
    window = last_words(before)
    if trigger.pattern.action == "intent_to_cooperate":
        relative = _RELATIVE.search(before[-60:])
        clause = re.split(r"[,;:()]|\band\b|\bbut\b", before)[-1]
        if (relative and relative.group(1) not in _NOT_NOUNS) or _DELAYED.search(clause):
            return "referred"
    frame = trigger.pattern.frame
    if SHOULD.search(window) and not frame:
        return "should"
    if NEGATION.search(window):
        return "negated"
    if POSSIBLE.search(window) and not frame:
        return "possible"
    if PREPARED.search(window):  # "plan to ask the Commission": a considered option, frame or not
        return "prepared"
    if FUTURE.search(window) and not frame:
        return "future"
    return ""
