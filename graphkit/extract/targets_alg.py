"""Where an act is aimed: the first actor named after its verb, else the fallbacks of
docs/extract.md (steps 5 and 7), each at the confidence its guess deserves."""

from __future__ import annotations

import re

from .clauses import (
    APPOSITIVE,
    BOUNDARY,
    EVENT_AFTER,
    GROUP,
    REACTION_OBJECT,
    RELATIVE,
    TOPIC,
    Clause,
    State,
    actor_ids,
    coordinated,
    weight_of,
)
from .gazetteer import Mention
from .pairs import recent_pair
from .patterns import refine
from .reactions import BLOC_REFERENCE, answered, bloc_named_before

__all__ = ["TargetRules"]

# an actor named as whose money it is ("EU funds", "World Bank loans"): not the act's target
_PAYER = re.compile(r"(?:['\u2019]s)?\s+(?:funds|funding|money|aid|loans?|grants?|budget)\b")
# "protested after its citizen was detained in Lima / by Peru": the protest aims at who did it
_PASSIVE_CAUSE = re.compile(
    r"[^.;]{0,60}?\b(?:after|over|when|because|since)\b[^.;]{0,80}?\b(?:was|were|been)\s+[a-z]+ed\s+"
    r"(?:[^.;,]{0,30}?\s)?(?:by|in|off|inside)\s+(?:the\s+)?"
)

# "called on Belgrade": the verb's own particle, not a topic's preposition
_VERB_PARTICLE = re.compile(r"\s*(?:the\s+)?")
_UNNAMED_ADDRESSEE = re.compile(r"\s+(?:its|their|his|her)\s+[a-z]")
# "reopened the border, prompting the Chinese firm to ask ...": who is prompted is the next act's
# subject, not this act's target
_CAUSED = re.compile(
    r",\s*(?:prompting|forcing|leading|persuading|pushing|causing|spurring|driving|compelling)\b",
    re.IGNORECASE,
)
# an actor followed by its own verb starts a clause: it is not coordinated with the object before
_NEW_SUBJECT = re.compile(
    r"\s+(?:(?:also|later|then|too)\s+)?(?:said|says|has|have|had|was|were|is|are|will|would|could|did|does|"
    r"announced|warned|added|responded|replied)\b"
)
_COMPLAINTS = frozenset(["protest", "file-complaint", "sue", "complain-to"])
_FORUM = frozenset(["with", "to", "before", "at"])
# a warning whose complement is about a thing, not an actor: "warned that the dispute could ..."
_PREDICTION = re.compile(
    r"\s+(?:that\s+)?(?:the|a|an|such|this|these|any|further|rising)\s+(?-i:[a-z])", re.IGNORECASE
)
_ADDRESSEE_PRONOUN = re.compile(r"\s*(?:them|it|him|her)\b")


class TargetRules:
    """The target half of the rule reader (:class:`rules_alg._Reader` holds the state)."""

    state: State
    text: str
    kinds: dict[str, str]
    mentions: list[Mention]
    starts: list[int]

    def _targets(self, c: Clause, mentions, sources, how, start, consumed, previous_target):
        """The rows for one act: its target(s) after the verb, else the fallbacks, by confidence."""
        if how == "nonactor":
            return []  # its subject is named, and is no actor: no row, no guessed source
        trigger, base = c.trigger, c.base
        targets: list[str] = []
        end = trigger.end
        # a cooperative act's topic is not its target; a commitment to defend names whom it protects
        action, cameo = refine(trigger)
        # ("lift restrictions on Qatari flights": a measure eased names its target after "on")
        easing = cameo.startswith("08") or trigger.pattern.name in ("defence-commitment", "lift", "reopen")
        topic = TOPIC if weight_of(action, cameo) > 0 and not easing else ()
        # "protested the decision as a breach of X" (not "kept its ban on X": the measure is the act)
        reaction = REACTION_OBJECT.match(c.text, trigger.verb_end)
        reaction = reaction if reaction and reaction.end() > trigger.end else None
        candidates = [
            m
            for m in c.after
            if m.actor not in sources
            and (
                m.preposition not in topic
                or _VERB_PARTICLE.fullmatch(c.text, trigger.verb_end, m.start - base)
            )
            and not (
                reaction
                and m.after_preposition
                and not _VERB_PARTICLE.fullmatch(c.text, trigger.end, m.start - base)
            )
            and not EVENT_AFTER.match(c.text, m.end - base)  # "to a new African Union mission"
        ]
        if (
            len(candidates) > 1
            and _PAYER.match(c.text, candidates[0].end - base)
            and candidates[1].preposition in ("to", "for")
        ):
            candidates = candidates[1:]  # "the payment of EU funds to Ukraine": Ukraine, not the payer
        if candidates and APPOSITIVE.search(c.text, trigger.verb_end, candidates[0].start - base):
            candidates = []  # "..., a move that followed pressure from Washington": not the target
        if candidates and _CAUSED.search(c.text, trigger.verb_end, candidates[0].start - base):
            candidates = []
        if trigger.pattern.name in _COMPLAINTS:
            # "lodged a complaint with the WTO": the forum hears it, the measure's author is its target
            candidates = [m for m in candidates if not (m.kind == "other" and m.preposition in _FORUM)]
        asks = trigger.pattern.action in ("appeal", "demand") or trigger.pattern.name in ("urge", "ask")
        if asks and _ADDRESSEE_PRONOUN.match(c.text, trigger.verb_end):
            candidates = []  # "urged them to seize Russian assets": the addressee is "them", not Russia
        if (
            candidates
            and c.limit < len(c.text)
            and BOUNDARY.search(c.text[trigger.verb_end : candidates[0].start - base])
            and re.fullmatch(r"\s*(?:[\w-]+\s+){0,3}", c.text[candidates[0].end - base : c.limit])
        ):
            candidates = []  # "met in Bogota, and Colombia urged": the next verb's subject
        tail = c.text[trigger.verb_end : c.limit]
        tail_group = GROUP.search(tail)
        if tail_group and BOUNDARY.search(tail[: tail_group.start()]):
            tail_group = None  # "met in Manila, and the two governments signed": another clause's subject
        if candidates and not (
            tail_group and tail_group.start() < candidates[0].start - base - trigger.verb_end
        ):
            # the first actor named after the verb, with those coordinated with it
            group: list[Mention] = []
            for m in coordinated(c.after, c.after.index(candidates[0]), self.text):
                if group and _NEW_SUBJECT.match(self.text, m.end):
                    break  # "solidarity with Lithuania, and Poland said": the next clause's subject
                if m.actor not in sources:
                    group.append(m)
            between = c.text[trigger.verb_end : candidates[0].start - base]
            if BOUNDARY.search(between):
                # the first actor after the verb is in another clause: a guess, never at 0.9
                if trigger.pattern.mutual and len(sources) >= 2:
                    return [
                        ([a], [b], "mutual", start, trigger.end) for a in sources for b in sources if a != b
                    ]
                how = "across-clause"
            consumed.update(id(m) for m in group)
            targets, end = actor_ids(group), max(trigger.end, group[-1].end - base)
        elif tail_group:
            pair = recent_pair(self.state, sources, c.number, tail_group.group(0).split()[-1])
            if pair:
                targets, how = pair, "group"
                end = max(trigger.end, trigger.verb_end + tail_group.end())
        if sources and not targets:
            return self._no_target(c, mentions, sources, how, start, end, tail, previous_target)
        if targets and not sources:
            others = [m for m in mentions if m.actor not in targets and id(m) not in consumed]
            return [([others[0].actor], targets, "unresolved", trigger.start, end)] if others else []
        if not sources:
            return []
        return [(sources, targets, how, min(start, trigger.start), end)]

    def _no_target(self, c: Clause, mentions, sources, how, start, end, tail, previous_target):
        """A source but no target named after the verb: mutual, "it", the verb before's target,
        or the state the text was about (in that order of confidence)."""
        trigger, base = c.trigger, c.base
        if RELATIVE.search(c.text[max(0, trigger.start - 80) : trigger.start]):  # a window: linear
            return []  # "X, which has mediated between the parties": a description, no act toward anyone
        if trigger.pattern.name == "warn" and _PREDICTION.match(c.text, trigger.verb_end):
            return []  # "warned that the dispute could hurt trade": a prediction put to no one
        shared = [t for t in previous_target if t not in sources] if how == "carried" else []
        if trigger.pattern.name == "mutual-defence":
            shared = []  # "an attack on one is an attack on all": only among its speakers
        if (
            len(sources) >= 2
            and not shared
            and (
                trigger.pattern.mutual
                or trigger.pattern.action in ("intent_to_cooperate", "armed_clash")
                or (how == "group" and len(sources) == 2)  # a pair, never "the three governments"
            )
        ):  # "Both sides reduced their embassies", "X and Y troops clashed": each toward the other
            return [([s], [t], "mutual", start, end) for s in sources for t in sources if s != t]
        if shared:  # "urged London, Oslo and Tórshavn ... and offered to host a meeting"
            return [(sources, shared, "shared-object", start, end)]
        cause = _PASSIVE_CAUSE.match(c.text, trigger.verb_end)
        if cause and weight_of(*refine(trigger)) < 0:
            # "protested after its citizen was detained in Lima": at who did it (Peru), a guess
            did = [m for m in mentions if m.start - base == cause.end() and m.actor not in sources]
            if did:
                return [(sources, [did[0].actor], "across-clause", start, end)]
        them = re.match(r"\W*(?:\w+\s+){0,6}?(?:for|to|with|against|on)?\s*them\b", tail)
        action, _ = refine(trigger)
        asks = trigger.pattern.action in ("appeal", "demand") or trigger.pattern.name in ("urge", "ask")
        if (them and asks) or action == "mediation_offer":
            # "urged them to show restraint", "offered to mediate": the pair the text is about
            pair = recent_pair(self.state, sources, c.number, "sides")
            if len(pair) == 2:
                return [(sources, pair, "group", start, end)]
        if re.match(r"\W*(?:\w+\s+){0,6}?(?:for|to|with|against|on)?\s*(?:it|them)\b", tail):
            # "refused to provide security guarantees for it": the last other actor named before
            earlier = [m for m in mentions if m.start < base + trigger.start and m.actor not in sources]
            if earlier:
                return [(sources, [earlier[-1].actor], "pronoun-target", start, end)]
        others = [t for t in previous_target if t not in sources]
        if how == "carried" and others:
            return [(sources, others, "shared-object", start, end)]
        if trigger.pattern.frame and _UNNAMED_ADDRESSEE.match(c.text, trigger.verb_end):
            return []  # "warned its neighbours", "urged its members": an addressee the text does not name
        if BLOC_REFERENCE.search(tail):  # "restricting exports to the bloc": the bloc last named
            bloc = bloc_named_before(self.mentions, self.starts, base + trigger.start, sources)
            if bloc is not None:
                return [(sources, [bloc], "pronoun-target", start, end)]
        # a reaction with no target ("Ethiopia rejected the statement", "Russia called the
        # decision illegitimate") answers the act it reacts to; only a state's or bloc's
        if {self.kinds.get(s, "other") for s in sources} <= {"state", "bloc"}:
            aimed = answered(self.state, c.text, trigger.verb_end, c.number, sources, trigger.pattern.frame)
            if aimed:
                return [(sources, aimed, "unresolved-target", start, end)]
        return []
