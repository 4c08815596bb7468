"""Sentences that tell an act toward an actor that no rule coded: "named but not coded".

A draft must say what it left out (issue 23): every sentence with a verb of action toward
an actor that gave no row and no other note is listed, so a reviewer reads it.
"""

from __future__ import annotations

import re

from .gazetteer import Mention

__all__ = ["action_phrase"]

# common irregular past forms of verbs of action (regular ones end in -ed)
_IRREGULAR = (
    "met|sent|took|gave|held|left|made|struck|sought|told|won|brought|cut|put|set|hit|sold|bought|"
    "fought|drew|threw|swore|spoke|shot|seized|froze|withdrew|overtook|undertook|began|broke|stood|"
    "wrote|led|paid|lent|dealt|stole|forbade|bade|rode|drove|flew|beat|bound|shut|slid|spread|"
    "tore|upheld|withheld|sank|sped|stuck|swept|blew|caught|chose|forgave|hid|laid|meant|overran|rang"
)
# a verb-like word right before an actor: a past form, or a present form after a subject
_VERB = re.compile(rf"\b(?:[a-z]+ed|{_IRREGULAR})\b(?:\s+[a-z']+){{0,5}}\s+$")
_NOT_ACTION = re.compile(
    r"^(?:based|called|named|located|used|supposed|related|concerned|interested|needed|allied|"
    r"flagged|owned|listed|united|armed|signed|agreed|reported|expected|accused|planned)\b"
)


def action_phrase(text: str, mentions: list[Mention], base: int) -> str | None:
    """The words of the first verb of action toward an actor in the sentence ``text``
    (offset ``base`` in the whole text), or None when there is none. ``mentions`` are the
    sentence's actors; the verb must follow another actor or start a clause, and the
    actor come within six words after it."""
    if not mentions:
        return None
    for m in mentions:
        before = text[max(0, m.start - base - 60) : m.start - base]
        verb = _VERB.search(before)
        if verb is None:
            continue
        word = verb.group(0).split()[0]
        if _NOT_ACTION.match(word) and word not in ("seized",):
            continue
        return normalize(before[verb.start() :] + text[m.start - base : m.end - base])
    return None


def normalize(text: str) -> str:
    return " ".join(text.split())
