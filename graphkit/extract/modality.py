"""Modality: whether a verb the patterns found tells an act, and of which kind.

Read from the words before the verb in its clause (docs/extract.md, "Negation and
modality"; docs/codebook.md, rules 2 and 3). Every regex here is linear in its input: no
nested repetition, and the window is the clause's last few words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .patterns import Trigger

__all__ = ["conditional_spans", "denied", "foretold", "hypothetical", "last_words", "modality"]

NEGATION = re.compile(
    r"\b(?:not|never|no|nor|neither|without)\b|n't\b|\b(?:refrain\w*|declin\w*|fail\w*)\s+(?:from|to)\b"
)
# what should happen, or what a speaker hopes will: an opinion, 010 (codebook rule 2)
SHOULD = re.compile(r"\b(?:should|ought|must|hope[sd]?|hoping|wish(?:es|ed)?)\b", re.IGNORECASE)
POSSIBLE = re.compile(
    # "may" in lower case only: "12 May 2026 - China suspended" is a date, not a possibility
    r"\b(?:could|might|(?-i:may)|can|cannot)\b|\b(?:expected|(?:un)?likely|want|wants|hope|hopes|urged|asked|due|"
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
    r"\b(?:if|unless|until|whether|as\s+long\s+as|in\s+case\s+of|in\s+the\s+event\s+of|were\s+\w+\s+to)\b[^,;:.]*"
    # an inverted condition: "Had Greece abducted ...", "Should Greece insist ...", "Were Athens ...",
    # "... had Ankara refused", "... should Greece insist": the verb before a named subject
    r"|(?-i:(?:^|(?<=[,;]\s))(?:Had|Should|Were)\s+[^,;:.]*)"
    r"|(?-i:\bhad\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:\s+[a-z]+s)?\s+(?:not\s+)?[a-z]+ed\b[^,;:.]*)"
    r"|(?-i:\bshould\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:not\s+)?[a-z]+\b[^,;:.]*)",
    re.IGNORECASE,
)
# a modal the frames heed too: "Greece might insist that ...", "is unlikely to clash"
_FRAME_POSSIBLE = re.compile(r"\b(?:could|might|(?-i:may)|(?:un|not\s+)likely\s+to)\b", re.IGNORECASE)
# a counterfactual: "Ankara would have protested", "could have boarded"; what it names did not happen
_COUNTERFACTUAL = re.compile(
    r"\b(?:would|could|might)(?:\s+not)?\s+have\b|\b(?:would|could|might)'ve\b", re.IGNORECASE
)
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
# who says the would-clause: the actor itself ("warned it would", "said it would") makes it a
# threat or an intent (codebook rule 2); a guess ("analysts expected", "speculated") never does
_SPEECH_WORDS = (
    r"(?:said|says|say|saying|warned|warns|warning|threatened|threatens|announced|announces|vowed|vows|"
    r"pledged|pledges|promised|promises|stated|states|declared|declares|insisted|insists|added|agreed|agrees|"
    r"decided|decides|undertook|"
    r"signall?ed|indicated|confirmed|replied|responded|told\s+\w+|made\s+(?:it\s+)?clear|"
    r"speculated|speculates|predicted|predicts|expected|expects|believed|believes|feared|fears|"
    r"suggested|suggests|reckoned|estimated|guessed|wrote|reported)"
)
_SPEECH = re.compile(rf"\b{_SPEECH_WORDS}\b", re.IGNORECASE)
# "Greece would impose tariffs on Turkey, its foreign minister said": said after the act
_SAID_AFTER = re.compile(rf",\s*([^,;:]{{0,80}}?)\s*\b({_SPEECH_WORDS})\b", re.IGNORECASE)
_GUESS = re.compile(
    r"^(?:speculat|predict|expect|believ|fear|suggest|reckon|estimat|guess|wr|report)\w*$", re.IGNORECASE
)
_OFFICE = re.compile(
    r"\b(?:minister|president|premier|chancellor|secretary|spokes\w+|official|officials|government|"
    r"ministry|envoy|ambassador|leader|king|queen|cabinet)\b",
    re.IGNORECASE,
)
_OWN = re.compile(r"\b(?:its|their|his|her)\b", re.IGNORECASE)
# a denied act is not told as done (codebook rule 3): "denied it had abducted", "denied abducting",
# "rejected claims that its navy had boarded"; the denial itself is coded by the "deny" patterns
_DENIED = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|(?:reject|dismiss|refut)\w*\s+(?:the\s+|any\s+)?"
    r"(?:accusations?|allegations?|claims?|charges?|reports?|suggestions?))\b"
    r"(?:\s+(?:that|it|they|he|she|we|its|their|his|her|the|any|[A-Z][\w-]*|\w+s)){0,4}"
    r"\s+(?:(?:had|has|have|was|were|did|ever)\s+)*(?:been\s+)?$",
    re.IGNORECASE,
)
_DENIED_GERUND = re.compile(r"\bden(?:y|ies|ied|ying)\s+(?:ever\s+|having\s+)?$", re.IGNORECASE)
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


def foretold(text: str, trigger: Trigger, actors: Sequence[tuple[int, str]]) -> bool:
    """True when the would-clause before ``trigger`` in the sentence ``text`` is a prediction
    and not the actor's own threat or intent: no one says it ("Kenya would turn down ..."), a
    guess says it ("a newspaper speculated"), or a speaker says it of another ("analysts said
    Greece would"). ``actors`` are the sentence's mentions as (offset, actor id)."""
    head = text[: trigger.start]
    modal = None
    for modal in _WOULD.finditer(head):
        pass
    if modal is None:
        return False
    speech = list(_SPEECH.finditer(head, 0, modal.start()))
    if speech:
        verb = speech[-1]
        if _GUESS.search(verb.group(0)):
            return True
        speakers = {a for at, a in actors if at < verb.start()}
        subjects = {a for at, a in actors if verb.end() <= at < modal.start()}
        if not speakers and _OFFICE.search(head[: verb.start()].rsplit(",", 1)[-1]):
            # "Foreign Minister Ivan Kondov told reporters that Sofia would": an office speaks
            # for its state, which the gazetteer need not know by the person's name
            return False
        # "the two governments said they would": a pronoun is the speaker's own clause
        return bool(subjects - speakers)
    tail = _SAID_AFTER.search(text[trigger.end :])
    if tail is None or _GUESS.search(tail.group(2)):
        return True
    said_by = {a for at, a in actors if trigger.end + tail.start(1) <= at < trigger.end + tail.end(1)}
    subjects = {a for at, a in actors if at < modal.start()}
    return not (_OWN.search(tail.group(1)) or said_by & subjects)


def denied(text: str, trigger: Trigger) -> bool:
    """True when the act ``trigger`` names is what its clause denies ("denied it had abducted",
    "denied abducting", "rejected claims that it had boarded")."""
    clause = re.split(r"[,;:()]|\band\b|\bbut\b", text[max(0, trigger.start - 200) : trigger.start])[-1]
    return bool(_DENIED.search(clause) or _DENIED_GERUND.search(clause))


def modality(
    text: str,
    segment_start: int,
    trigger: Trigger,
    conditionals: list[tuple[int, int]],
    actors: Sequence[tuple[int, str]] = (),
) -> str:
    """How the act ``trigger`` names in the sentence ``text`` is told: "conditional", "noun",
    "referred" (a promise referred to), "should" (an opinion), "negated", "denied", "possible",
    "counterfactual", "foretold" (a would-clause no actor says of itself), "prepared",
    "future", or "" (an act told as done). ``actors`` are the sentence's mentions as
    (offset, actor id), for who says a would-clause."""
    if any(a <= trigger.start < b for a, b in conditionals):
        return "conditional"
    if not trigger.pattern.name.startswith("deny") and denied(text, trigger):
        return "denied"
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
    if (POSSIBLE.search(window) and not frame) or _FRAME_POSSIBLE.search(window):
        return "possible"
    if _COUNTERFACTUAL.search(window):
        return "counterfactual"
    if _WOULD.search(window) and foretold(text, trigger, actors):
        return "foretold"
    if PREPARED.search(window):  # "plan to ask the Commission": a considered option, frame or not
        return "prepared"
    if FUTURE.search(window) and not frame:
        return "future"
    return ""
