"""The offline extractor: rows of alleged acts read from sentence structure, by rule.

For each sentence: the acts named (:mod:`.patterns`), the actors named
(:mod:`.gazetteer`), and for each act its source (the subject before the verb, the
agent after "by" in the passive, or a subject carried over from the clause or sentence
before) and its target (the first actor named after the verb). Negated acts and
opinions about what should happen are not coded; a hostile act announced for the
future is a threat, a cooperative one an intent. See docs/extract.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..io.text import normalize_ws
from .clauses import (
    BOUNDARY,
    CLAUSE_BREAK,
    CONFIDENCE,
    CONJUNCTIONS,
    FUTURE_PENALTY,
    GROUP,
    NOT_ACTS,
    PASSIVE,
    PRONOUN,
    SAID,
    VENUE,
    Clause,
    Draft,
    Skipped,
    State,
    actor_ids,
    coordinated,
    coordinated_left,
    named_pairs,
    weight_of,
)
from .gazetteer import Gazetteer, Mention, with_roles
from .modality import conditional_spans, modality
from .patterns import Trigger, find_triggers, intent_code, refine, threat_code
from .sentences import Sentence, split_sentences
from .textdates import sentence_dates
from .unmatched import action_phrase

__all__ = ["Draft", "Skipped", "extract_rules"]


class _Reader:
    def __init__(self, text: str, gazetteer: Gazetteer):
        self.text = text
        self.mentions = with_roles(gazetteer.find(text), text)
        self.kinds = {m.actor: m.kind for m in self.mentions}
        self.rows: list[Draft] = []
        self.keys: set[tuple[str, str, str, str]] = set()
        self.sentence_text = ""
        self.date = ""
        self.skipped: list[Skipped] = []
        self.state = State()

    def run(self) -> None:
        sentences = split_sentences(self.text)
        headline = _headline(sentences)
        dates = sentence_dates(self.text, sentences)
        starts = [m.start for m in self.mentions]  # in text order
        for number, sentence in enumerate(sentences):
            # the sentence's mentions by bisection: a scan of every mention per sentence was quadratic
            mentions = self.mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
            if sentence is headline:
                continue
            self.sentence_text, self.date = normalize_ws(sentence.text), dates[number]
            rows_before = len(self.rows)
            skipped_before = len(self.skipped)
            self._sentence(number, sentence, mentions)
            if len(self.rows) == rows_before and len(self.skipped) == skipped_before:
                self._unmatched(number, sentence, mentions)
            topic = [m for m in mentions if not m.after_preposition]
            self.state.recent.extend(topic)
            for named in named_pairs(topic, self.text):
                self.state.pairs.append((number, True, named))
            if self.state.subject_sentence != number and topic:
                # no act here: the sentence's first actor (with those named with it) is who the next one is about
                first = actor_ids(coordinated(topic, 0, self.text))
                self.state.subject, self.state.subject_sentence = first, number
                self.state.history.append((topic[0].actor, topic[0].kind, number))

    def _sentence(self, number: int, sentence: Sentence, mentions: list[Mention]) -> None:
        text, base = sentence.text, sentence.start
        conditionals = conditional_spans(text)
        consumed: set[int] = set()
        segment_start = 0
        previous_target: list[str] = []
        triggers = find_triggers(text)
        for trigger in triggers:
            mood = modality(text, segment_start, trigger, conditionals)
            if mood == "should":
                # what an actor says should (not) happen: a statement, 010, weight 0 (codebook rule 2)
                rows = self._opinion(number, sentence, mentions, trigger, segment_start, consumed, triggers)
                if not rows:
                    self._skip(number, trigger, "opinion of no named actor")
                for sources, targets, how, start, end in rows:
                    quote = normalize_ws(self.text[base + start : base + end]).rstrip(" ,;:")
                    rule = f"{trigger.pattern.name}/{how}/opinion"
                    for src in sources:
                        for tgt in targets:
                            if src != tgt:
                                self._add(Draft(src, tgt, "statement", "010", quote, CONFIDENCE[how], rule))
                segment_start = trigger.end
                continue
            if mood in NOT_ACTS:
                self._skip(number, trigger, NOT_ACTS[mood])
                segment_start = trigger.end
                continue
            prepared = mood == "prepared"
            future = mood == "future" or prepared
            action, cameo = refine(trigger)
            if prepared:
                action, cameo = f"{action}_preparation", "014"
            elif future:
                clause = text[trigger.start :].split(",")[0].split(";")[0]
                action, cameo = threat_code(clause) if weight_of(action, cameo) < 0 else intent_code(clause)
            rows = self._direction(
                number, sentence, mentions, trigger, segment_start, consumed, previous_target, triggers
            )
            if not rows:
                self._skip(number, trigger, "fewer than two actors: no direction")
                # its subject is still who the next clause is about ("X detained a tanker, and accused Y")
                doers = [
                    m
                    for m in mentions
                    if segment_start <= m.start - base < trigger.start and not m.after_preposition
                ]
                if doers:
                    self.state.subject = actor_ids(coordinated(doers, 0, self.text))
                    self.state.subject_sentence = number
                    self.state.history.extend(
                        (a, self.kinds.get(a, "other"), number) for a in self.state.subject
                    )
            for sources, targets, how, start, end in rows:
                # "imposed tariffs on French": take in the noun an adjective names ("French wine")
                noun = re.match(r" [a-z][\w-]*", text[end:])
                if noun and re.search(r"(?:an|ese|ish|ch|i)$", text[:end]):
                    end += noun.end()
                quote = normalize_ws(self.text[base + start : base + end]).rstrip(" ,;:")
                confidence = CONFIDENCE[how] - (FUTURE_PENALTY if future else 0.0)
                rule = f"{trigger.pattern.name}/{how}" + (
                    "/prepared" if prepared else "/future" if future else ""
                )
                for s in sources:
                    for t in targets:
                        if s != t:
                            self._add(Draft(s, t, action, cameo, quote, round(confidence, 2), rule))
                together = how == "mutual" or len(sources) == 2
                pair = (
                    sorted({*sources, *targets}) if how == "mutual" else sources if len(sources) == 2 else []
                )
                self.state.last_act = (number, list(sources), list(targets), how == "mutual")
                if len(targets) == 2 and not set(targets) & set(sources):
                    self.state.pairs.append(
                        (number, True, list(targets))
                    )  # "his Greek and Turkish counterparts"
                if not pair and len(sources) == 1 and len(targets) == 1 and sources != targets:
                    pair = [*sources, *targets]
                if len(pair) == 2:
                    self.state.pairs.append((number, together, list(pair)))
                if how == "mutual":  # "Britain and Norway signed": both are who the next clause is about
                    self.state.subject, self.state.subject_sentence = sorted({*sources, *targets}), number
                elif how not in ("unresolved",):
                    self.state.subject, self.state.subject_sentence = list(sources), number
                    self.state.history.extend((s, self.kinds.get(s, "other"), number) for s in sources)
                previous_target = list(targets)
            segment_start = max(
                trigger.end, max((m.end - base for m in mentions if id(m) in consumed), default=0)
            )

    def _direction(
        self, number, sentence, mentions, trigger: Trigger, segment_start, consumed, previous_target, triggers
    ):
        """[(sources, targets, how, quote start, quote end)] for one trigger (offsets in the sentence)."""
        text, base = sentence.text, sentence.start
        before = [
            m for m in mentions if segment_start <= m.start - base < trigger.start and id(m) not in consumed
        ]
        later = [t.start for t in triggers if t.start >= trigger.end]
        limit = min(later) if later else len(text)
        # a place where something happens is not its target ("at the World Trade Organization")
        after = [
            m
            for m in mentions
            if trigger.verb_end <= m.start - base < limit
            and id(m) not in consumed
            and m.preposition not in VENUE
        ]
        clause = Clause(number, text, base, trigger, segment_start, limit, before, after)
        # "was criticised by": a participle; "was visiting Jakarta" is active
        participle = not re.match(r"\w+ing\b", trigger.text)
        if PASSIVE.search(text[segment_start : trigger.start]) and trigger.pattern.passive_ok and participle:
            return self._passive(clause, consumed)
        sources, how, start = self._source(clause)
        return self._targets(clause, mentions, sources, how, start, consumed, previous_target)

    def _opinion(self, number, sentence, mentions, trigger: Trigger, segment_start, consumed, triggers):
        """Rows for "X said Y should ...": X is the source (no row when X is not an actor, as
        "analysts said"); the target is the actor the act would be aimed at, else Y."""
        text, base = sentence.text, sentence.start
        said = list(SAID.finditer(text[segment_start : trigger.start]))
        if not said:
            return self._direction(number, sentence, mentions, trigger, segment_start, consumed, [], triggers)
        cut = segment_start + said[-1].start()
        speakers = [
            m
            for m in mentions
            if segment_start <= m.start - base < cut and not m.after_preposition and id(m) not in consumed
        ]
        if not speakers:
            return []
        sources = actor_ids(coordinated(speakers, 0, self.text))
        later = [t.start for t in triggers if t.start >= trigger.end]
        limit = min(later) if later else len(text)
        after = [m for m in mentions if trigger.verb_end <= m.start - base < limit and m.actor not in sources]
        inside = [m for m in mentions if cut <= m.start - base < trigger.start and m.actor not in sources]
        chosen = after or inside
        if not chosen:
            return []
        end = max(trigger.end, max(m.end - base for m in chosen[:1]))
        return [(sources, [chosen[0].actor], "active", speakers[0].start - base, end)]

    def _passive(self, c: Clause, consumed: set[int]):
        """ "X was criticised by Y": Y acts on X; without "by", another actor named nearby (guessed)."""
        trigger, base = c.trigger, c.base
        by = re.match(r"\s*(?:[\w\s,'-]{0,30}?\s)?by\s+(?:the\s+)?", c.text[trigger.verb_end : c.limit])
        agents = [m for m in c.after if by and m.start - base == trigger.verb_end + by.end()]
        subjects = [m for m in c.before if not m.after_preposition]
        if agents and subjects:
            agent_group = coordinated(c.after, c.after.index(agents[0]), self.text)
            consumed.update(id(m) for m in agent_group)
            end = max(trigger.end, agent_group[-1].end - base)
            patients = actor_ids(coordinated(c.before, c.before.index(subjects[0]), self.text))
            return [(actor_ids(agent_group), patients, "passive", subjects[0].start - base, end)]
        others = [m for m in c.after if subjects and m.actor not in actor_ids(subjects)]
        if others:
            end = max(trigger.end, others[0].end - base)
            return [([others[0].actor], actor_ids(subjects[:1]), "unresolved", subjects[0].start - base, end)]
        return []

    def _source(self, c: Clause) -> tuple[list[str], str, int]:
        """(source actors, how they were found, where the quote starts) for an active verb."""
        trigger, base, text = c.trigger, c.base, c.text
        segment_start, head = c.segment_start, c.text[c.segment_start : trigger.start]
        # the subject is in the nearest clause before the verb that names one: after "said",
        # after ", and", after a colon ("X said Y had ..., and India imposed")
        subjects = [m for m in c.before if not m.after_preposition or self._clause_subject(m, trigger, base)]
        speaker: list[Mention] = []  # "China answered: it banned ...": who "it" is
        own = True  # the subject is in the verb's own clause (else carried from one before it)
        for index, piece in enumerate(reversed([0, *(b.end() for b in CLAUSE_BREAK.finditer(head))])):
            rest = head[piece:]
            mine = [m for m in subjects if m.start - base >= segment_start + piece]
            if mine or GROUP.search(rest) or PRONOUN.search(rest):
                speaker = [m for m in subjects if m.start - base < segment_start + piece]
                subjects, head, segment_start = mine, rest, segment_start + piece
                own = index == 0
                break
        else:
            own = index == 0
        pronoun = PRONOUN.search(head)
        p_start = segment_start + pronoun.start() if pronoun else -1
        if subjects:
            first = subjects[0]
            if (
                pronoun
                and p_start < first.start - base
                and re.fullmatch(
                    r"\s+and\s+(?:his|her|its|their)\s+",
                    text[segment_start + pronoun.end() : first.start - base],
                )
                and self.state.subject
            ):
                return (
                    [*self.state.subject, first.actor],
                    "mutual",
                    p_start,
                )  # "he and his Russian counterpart"
            near = subjects[-1]
            if re.fullmatch(
                r"(?:['\u2019]s)?(?:\s+[\w-]+){0,4}\s*", self.text[near.end : base + trigger.start]
            ):
                # "the US strongly urged", "Lithuania and Latvia praised": the actor right before the verb
                group = coordinated_left(c.before, c.before.index(near), self.text)
            else:
                group = coordinated(c.before, c.before.index(first), self.text)
            return actor_ids(group), "active" if own else "carried", group[0].start - base
        group_match = GROUP.search(head)
        if group_match and not c.after:
            pair = self._recent_pair(exclude=[], number=c.number)
            if len(pair) == 2:
                return pair, "group", segment_start + group_match.start()
            return [], "active", trigger.start
        earlier_group = GROUP.search(c.text[c.segment_start : trigger.start])
        if earlier_group and pronoun and pronoun.group(0) == "they" and not speaker:
            # "The two governments said they would ...": they are the pair
            pair = self._recent_pair(exclude=[], number=c.number)
            if len(pair) == 2:
                return pair, "group", c.segment_start + earlier_group.start()
        if speaker and pronoun:
            return actor_ids(coordinated(speaker, 0, self.text)), "carried", p_start
        if self.state.subject:
            how = "carried" if self.state.subject_sentence == c.number else "carried-sentence"
            return list(self.state.subject), how, p_start if pronoun else trigger.start
        return [], "active", trigger.start

    def _targets(self, c: Clause, mentions, sources, how, start, consumed, previous_target):
        """The rows for one act: its target(s) after the verb, else the fallbacks, by confidence."""
        trigger, base = c.trigger, c.base
        targets: list[str] = []
        end = trigger.end
        candidates = [m for m in c.after if m.actor not in sources]
        tail = c.text[trigger.verb_end : c.limit]
        tail_group = GROUP.search(tail)
        if tail_group and BOUNDARY.search(tail[: tail_group.start()]):
            tail_group = None  # "met in Manila, and the two governments signed": another clause's subject
        if candidates and not (
            tail_group and tail_group.start() < candidates[0].start - base - trigger.verb_end
        ):
            # the first actor named after the verb, with those coordinated with it
            group = [
                m
                for m in coordinated(c.after, c.after.index(candidates[0]), self.text)
                if m.actor not in sources
            ]
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
            pair = self._recent_pair(exclude=sources, number=c.number)
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
        shared = [t for t in previous_target if t not in sources] if how == "carried" else []
        if (
            len(sources) >= 2
            and not shared
            and (trigger.pattern.mutual or trigger.pattern.action == "intent_to_cooperate")
        ):
            return [([s], [t], "mutual", start, end) for s in sources for t in sources if s != t]
        if shared:  # "urged London, Oslo and Tórshavn ... and offered to host a meeting"
            return [(sources, shared, "shared-object", start, end)]
        them = re.match(r"\W*(?:\w+\s+){0,6}?(?:for|to|with|against|on)?\s*them\b", tail)
        action, _ = refine(trigger)
        asks = trigger.pattern.action in ("appeal", "demand") or trigger.pattern.name in ("urge", "ask")
        if (them and asks) or action == "mediation_offer":
            # "urged them to show restraint", "offered to mediate": the pair the text is about
            pair = self._recent_pair(exclude=sources, number=c.number)
            if len(pair) == 2:
                return [(sources, pair, "group", start, end)]
        if re.match(r"\W*(?:\w+\s+){0,6}?(?:for|to|with|against|on)?\s*(?:it|them)\b", tail):
            # "refused to provide security guarantees for it": the last other actor named before
            earlier = [m for m in mentions if m.start < base + trigger.start and m.actor not in sources]
            if earlier:
                return [(sources, [earlier[-1].actor], "pronoun-target", start, end)]
        if how == "carried" and previous_target:
            return [(sources, [t for t in previous_target if t not in sources], "shared-object", start, end)]
        # a reaction with no target ("Ethiopia rejected the statement", "Kenya praised the
        # resumption of talks") answers the last act told, in this sentence or the one before
        kinds = {self.kinds.get(s, "other") for s in sources}
        act_sentence, act_sources, act_targets, act_mutual = self.state.last_act
        if act_sentence >= c.number - 1 and kinds <= {"state", "bloc"}:
            answered = [
                a for a in (act_sources + act_targets if act_mutual else act_sources) if a not in sources
            ]
            if answered and not set(sources) & set(act_sources):
                return [(sources, answered, "unresolved-target", start, end)]
        # only a state or bloc's reaction is read as aimed at whom the text was about
        other = self._previous_other(c.number, exclude=sources) if kinds <= {"state", "bloc"} else None
        return [(sources, [other], "unresolved-target", start, end)] if other is not None else []

    def _clause_subject(self, mention: Mention, trigger: Trigger, base: int) -> bool:
        """True for "after Tokyo tightened" (a conjunction, the actor, its verb) and for "of the
        US's monitoring" (a possessive right before the act)."""
        word = re.search(r"(\w+)\W*$", self.text[max(0, mention.start - 20) : mention.start])
        gap = self.text[mention.end : base + trigger.start]
        if mention.possessive and re.fullmatch(r"['\u2019]s?\s+", gap):
            return True  # "the exposure of the US's monitoring": the possessive is who acts
        return (
            word is not None
            and word.group(1).lower() in CONJUNCTIONS
            and bool(re.fullmatch(r"(?:['\u2019]s)?(?:\s+[a-z]+){0,3}\s*", gap))
        )

    def _recent_pair(self, exclude: list[str], number: int) -> list[str]:
        """Who "the two governments", "both sides" are: the nearest pair named acting together
        in this sentence or the two before ("Britain and Norway signed"), else the nearest pair
        of a row's source and target, else the last two states or blocs named; none of them
        in ``exclude`` (the act's source, for a target)."""
        for together_only in (True, False):
            for sentence, together, named in reversed(self.state.pairs):
                if sentence < number - 2:
                    break
                if (together or not together_only) and not set(named) & set(exclude):
                    return list(named)
        pair: list[str] = []
        for m in reversed(self.state.recent):
            if m.actor not in exclude and m.actor not in pair and m.kind in ("state", "bloc"):
                pair.append(m.actor)
            if len(pair) == 2:
                break
        return pair[::-1]

    def _previous_other(self, number: int, exclude: list[str]) -> str | None:
        """The state or bloc the text was last about, in this sentence or the one before,
        other than ``exclude``: the likeliest addressee of a reaction ("Japan condemned the
        restrictions" after "China restricted exports")."""
        for actor, kind, sentence in reversed(self.state.history):
            if sentence < number - 1:
                return None
            if actor not in exclude and kind in ("state", "bloc"):
                return actor
        return None

    def _add(self, row: Draft) -> None:
        key = (row.source, row.target, row.action, row.quote)
        if key not in self.keys:
            self.keys.add(key)
            self.rows.append(replace(row, date=self.date))

    def _unmatched(self, number: int, sentence: Sentence, mentions: list[Mention]) -> None:
        """A sentence no pattern coded that names an act toward an actor: listed, never silent."""
        phrase = action_phrase(sentence.text, mentions, sentence.start)
        if phrase is not None:
            self.skipped.append(Skipped(number, phrase, "no rule knows this act", self.sentence_text))

    def _skip(self, number: int, trigger: Trigger, reason: str) -> None:
        self.skipped.append(Skipped(number, trigger.text, reason, self.sentence_text))


def _headline(sentences: list[Sentence]) -> Sentence | None:
    """A first paragraph of one line without a closing full stop is a headline: not coded."""
    first = [s for s in sentences[:2] if s.paragraph == 0]
    if len(first) == 1 and "\n" not in first[0].text and not re.search(r"[.!?][\"'\u201d]?$", first[0].text):
        return first[0]
    return None


def extract_rules(text: str, gazetteer: Gazetteer) -> tuple[list[Draft], list[Skipped]]:
    """The rows the rules read from ``text``, and the acts named but not coded."""
    reader = _Reader(text, gazetteer)
    reader.run()
    return reader.rows, reader.skipped
