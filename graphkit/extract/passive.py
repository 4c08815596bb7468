"""Acts told in the passive: "X was criticised by Y" (Y acts on X), and a passive that names
no agent, coded only when the context says who acted (docs/extract.md, step 4)."""

from __future__ import annotations

import re
from bisect import bisect_left

from .clauses import REACTION_SUBJECT, Clause, State, actor_ids, coordinated
from .gazetteer import Mention
from .patterns import refine
from .reactions import answered

__all__ = ["PassiveRules"]

# where a coercive act was done: "arrested in Manila", "seized off Norway"
_PLACE = re.compile(r"\b(?:in|off|at|near|inside|within|outside)\s+(?:the\s+)?$")
# "Ghana protested after its fishermen were arrested": the people of the state "its" stands for
_OWN_PEOPLE = re.compile(
    r"\b(?:its|their)\s+(?:own\s+)?(?:[a-z-]+\s+){0,2}?(?:(?P<mil>soldiers|troops|servicemen|officers)|citizens?|"
    r"nationals?|fishermen|diplomats?|journalists?|sailors|seamen|crew|workers|envoys?|ambassadors?|consuls?|"
    r"students|tourists|nurses|doctors|engineers|pilots?)\s+(?:was|were|had\s+been|has\s+been|have\s+been)\s+$"
)


class PassiveRules:
    """The passive half of the rule reader (:class:`rules_alg._Reader` holds the state)."""

    state: State
    text: str
    mentions: list[Mention]
    starts: list[int]
    agentless: bool

    def _passive(self, c: Clause, consumed: set[int]):
        """ "X was criticised by Y": Y acts on X; without "by", another actor named nearby (guessed)."""
        trigger, base = c.trigger, c.base
        by = re.match(r"\s*(?:[\w\s,'-]{0,30}?\s)?by\s+(?:the\s+)?", c.text[trigger.verb_end : c.limit])
        agents = [m for m in c.after if by and m.start - base == trigger.verb_end + by.end()]
        subjects = [m for m in c.before if not m.after_preposition]
        own = self._own_people(c) if not subjects else None
        if agents and (subjects or own):
            agent_group = coordinated(c.after, c.after.index(agents[0]), self.text)
            consumed.update(id(m) for m in agent_group)
            end = max(trigger.end, agent_group[-1].end - base)
            if own is not None:  # "after its fishermen were arrested by Togo": Togo acts on Ghana
                return [(actor_ids(agent_group), own[0], "passive", own[1], end)]
            patients = actor_ids(coordinated(c.before, c.before.index(subjects[0]), self.text))
            return [(actor_ids(agent_group), patients, "passive", subjects[0].start - base, end)]
        if own is not None:
            place = self._jurisdiction(c, own[0])
            if place is not None:  # "after its diplomat was detained in Lima": Peru detained
                return [([place.actor], own[0], "unresolved", own[1], max(trigger.end, place.end - base))]
        if agents and REACTION_SUBJECT.match(c.text, c.segment_start):
            # "The raid was condemned by Brazil": the raid's author, as a reaction answers it
            agent_group = coordinated(c.after, c.after.index(agents[0]), self.text)
            sources = actor_ids(agent_group)
            aimed = answered(self.state, " " + c.text[c.segment_start :], 0, c.number, sources)
            if aimed:
                consumed.update(id(m) for m in agent_group)
                end = max(trigger.end, agent_group[-1].end - base)
                return [(sources, aimed, "unresolved-target", c.segment_start, end)]
        if not subjects:
            return []
        # no agent named: only one the context gives (docs/extract.md, "agentless passives")
        patients = actor_ids(subjects[:1])
        place = self._jurisdiction(c, patients)
        if place is not None:  # "three Chinese nationals were arrested in Manila": the Philippines
            end = max(trigger.end, place.end - base)
            return [([place.actor], patients, "unresolved", subjects[0].start - base, end)]
        number, sources, targets, _ = self.state.last_measure
        states = {a[:3] for a in patients}  # "Faroese boats" after "a Faroese trawler": one state's
        if (
            c.number - number <= 2
            and states & {a[:3] for a in targets}
            and not states & {a[:3] for a in sources}
        ):
            # "Norway detained a trawler. Two more boats were seized": the last measure's author
            return [(list(sources), patients, "unresolved", subjects[0].start - base, trigger.end)]
        self.agentless = True
        return []

    def _own_people(self, c: Clause) -> tuple[list[str], int] | None:
        """For "X protested after its citizens were detained": X (the subject of the sentence's
        clause before, whom "its" stands for; X's military for its soldiers) and where "its"
        stands; None when the passive's subject is no such phrase."""
        own = _OWN_PEOPLE.search(c.text, max(c.segment_start, c.trigger.start - 80), c.trigger.start)
        if own is None or self.state.subject_sentence != c.number or not self.state.subject:
            return None
        states = [a for a in self.state.subject if len(a) == 3]
        if not states:
            return None
        return ([a + "MIL" for a in states] if own.group("mil") else states), own.start()

    def _jurisdiction(self, c: Clause, patients: list[str]) -> Mention | None:
        """For a coercive act (arrest, seizure, expulsion: CAMEO 17) told in the passive: the
        state where it was done ("in Manila", "off Norway"), whose authorities did it."""
        if not refine(c.trigger)[1].startswith("17"):
            return None
        index = bisect_left(self.starts, c.base + c.trigger.verb_end)
        for m in self.mentions[index : bisect_left(self.starts, c.base + c.limit)]:
            if (
                m.kind == "state"
                and m.actor not in patients
                and _PLACE.search(self.text, m.start - 12, m.start)
            ):
                return m
        return None
