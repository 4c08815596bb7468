"""Whom an act with no target named is aimed at: a reaction answers the act it reacts to
("Ethiopia rejected the statement", "Russia called the decision illegitimate"), "the bloc"
is the bloc last named. Guesses all: rows from here are written at low confidence."""

from __future__ import annotations

import re
from bisect import bisect_left

from .clauses import REACTION_OBJECT, State
from .gazetteer import Mention
from .pairs import previous_other

__all__ = ["BLOC_REFERENCE", "is_material", "answered", "bloc_named_before"]

# roots of CAMEO codes for acts of saying (statements, appeals, intents, consultations,
# diplomacy, demands, disapproval, rejection, threats): not a measure "the decision" names
_SAYING = frozenset(["01", "02", "03", "04", "05", "10", "11", "12", "13"])
# "welcomed the accord", "criticised the agreement": the agreement last told
ACCORD_OBJECT = re.compile(
    r"\s+(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}?(?:agreement|accord|deal|pact|treaty|memorandum|talks|"
    r"resumption|ceasefire|truce|rapprochement)\b",
    re.IGNORECASE,
)
# a measure named by its kind, and the patterns that tell an act of that kind
_ACT_NOUNS = {
    "raid": ("raid",),
    "expulsion": ("expel", "deport", "order-leave", "persona-non-grata"),
    "closure": ("border-closure", "port-ban", "embassy-cut"),
    "veto": ("veto",),
    "vetoe": ("veto",),
    "arrest": ("detain",),
    "detention": ("detain",),
    "seizure": ("seize",),
    "ban": ("import-block", "export-restriction", "keep-measure", "port-ban"),
    "sanction": ("sanction", "keep-measure", "freeze-assets"),
    "tariff": ("tariff",),
    "dutie": ("tariff",),
    "blockade": ("blockade",),
    "strike": ("attack", "open-fire"),
    "attack": ("attack", "open-fire"),
    "recall": ("downgrade",),
    "suspension": ("treaty-suspension", "aid-suspension", "halt-talks"),
    "incursion": ("attack",),
    "downing": ("open-fire", "attack", "launch-strikes"),  # "condemned the downing" of a drone
    "shootdown": ("open-fire", "attack", "launch-strikes"),
    "shelling": ("open-fire", "attack", "launch-strikes"),
    "bombing": ("open-fire", "attack", "launch-strikes"),
    "exercise": ("joint-drills",),
    "drill": ("joint-drills",),
    "patrol": ("joint-drills",),
    "deployment": ("troop-buildup",),
}
# an object with an indefinite article names something new, not an act told before
INDEFINITE_OBJECT = re.compile(r"\s+(?:an?|any|some)\s+[a-z]")
BLOC_REFERENCE = re.compile(r"\bthe\s+(?:bloc|alliance|union|organi[sz]ation)\b", re.IGNORECASE)


def is_material(cameo: str) -> bool:
    """True for a code of a material act (a measure: sanctions, expulsions, closures, aid)."""
    return bool(cameo) and cameo[:2] not in _SAYING


def answered(
    state: State, text: str, verb_end: int, number: int, sources: list[str], frame: bool = False
) -> list[str]:
    """Whom a state's or bloc's reaction with no target answers: nobody when its object is
    indefinite ("supported a peaceful solution"); the parties of the last agreement or talks
    told in the five sentences before, when its object names one ("welcomed the accord");
    the author of the last measure told in the three sentences before, when its object
    names a measure ("called the decision illegitimate"); for a threat, appeal or pledge
    (``frame``) by one of the article's main pair, the other one; else the last act told in this sentence or the
    one before (its source, or both sides of a mutual act); else the state the text was
    about (:func:`pairs.previous_other`)."""
    if INDEFINITE_OBJECT.match(text, verb_end):
        return []  # "supported a peaceful solution": a position, not a reaction to an act told
    if ACCORD_OBJECT.match(text, verb_end):  # "welcomed the accord": its parties
        a_sentence, parties = state.last_accord
        parties = [a for a in parties if a not in sources]
        if a_sentence >= number - 5 and parties:
            return parties
    measure = REACTION_OBJECT.match(text, verb_end)
    named = _ACT_NOUNS.get(measure.group(0).split()[-1].lower().rstrip("s")) if measure else None
    if named:  # "the raid", "the expulsion": the last act of that kind, five sentences back at most
        acts = [state.acts_by_pattern[p] for p in named if p in state.acts_by_pattern]
        if acts:
            k_sentence, k_sources, k_targets, k_mutual = max(acts, key=lambda a: a[0])
            authors = [a for a in (k_sources + k_targets if k_mutual else k_sources) if a not in sources]
            if all(len(a) == 3 for a in sources):
                # a government's reaction to an army's act answers that army's state (rule 5):
                # "the three governments called the downing a hostile act" -> Algeria, not its air defences
                authors = list(dict.fromkeys(a[:3] if a.endswith("MIL") else a for a in authors))
            if k_sentence >= number - 5 and authors:
                return authors
    if measure:
        m_sentence, m_sources, m_targets, m_mutual = state.last_measure
        authors = [a for a in (m_sources + m_targets if m_mutual else m_sources) if a not in sources]
        if m_sentence >= number - 3 and authors and not set(sources) & set(m_sources):
            return authors
    act_sentence, act_sources, act_targets, act_mutual = state.last_act
    if act_sentence == number and act_targets and set(act_sources) == set(sources) and not act_mutual:
        # "welcomed the agreement, and offered to help pay": the same actor's next act in the
        # sentence, with no addressee of its own, goes to the addressees of its first
        return [a for a in act_targets if a not in sources]
    if frame and len(sources) == 1 and sources[0] in state.main_pair:
        # a threat or an appeal with no addressee, by one of the article's pair: to the other
        return [a for a in state.main_pair if a != sources[0]]
    if act_sentence >= number - 1:
        authors = [a for a in (act_sources + act_targets if act_mutual else act_sources) if a not in sources]
        if authors and not set(sources) & set(act_sources):
            return authors
    other = previous_other(state, number, exclude=sources)
    return [other] if other is not None else []


def bloc_named_before(
    mentions: list[Mention], starts: list[int], position: int, exclude: list[str]
) -> str | None:
    """The bloc last named before ``position`` (at most 50 mentions back: bounded), for "the bloc"."""
    index = bisect_left(starts, position)
    for m in reversed(mentions[max(0, index - 50) : index]):
        if m.kind == "bloc" and m.actor not in exclude:
            return m.actor
    return None
