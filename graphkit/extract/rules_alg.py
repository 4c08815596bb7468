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
    CLAUSE_BREAK,
    CONFIDENCE,
    CONJUNCTIONS,
    FUTURE_PENALTY,
    GROUNDS,
    GROUP,
    NOT_ACTS,
    PASSIVE,
    PRONOUN,
    REDUCED_PASSIVE,
    SAID,
    TITLES,
    UNKNOWN_SUBJECT,
    VENUE,
    Clause,
    Draft,
    Skipped,
    State,
    actor_ids,
    coordinated,
    coordinated_left,
    named_pairs,
    weight_cameo,
    weight_of,
)
from .gazetteer import Gazetteer, Mention, with_roles
from .modality import conditional_spans, modality
from .pairs import group_subject, main_pair, many_subject, recent_pair
from .passive import PassiveRules
from .patterns import Trigger, find_triggers, intent_code, refine, threat_code
from .people import with_descriptions, with_people
from .reactions import is_material
from .sentences import Sentence, split_sentences
from .subjects import adverbial_gerund_subject, opening_participle, relative_chain
from .subjects import antecedent as subject_of_relative
from .targets_alg import TargetRules
from .textdates import sentence_dates
from .unmatched import action_phrase

__all__ = ["Draft", "Skipped", "extract_rules"]

# ("met at a border post and agreed": "and" joins a second verb to the subject before, no new subject)
_INDEFINITE_SUBJECT = re.compile(r"\b(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?!(?:and|or|then|but)\s*$)[a-z]+\s*$")
# a thing a state owns, as the subject of a verb of saying, is no speaker
_THING_OWNED = re.compile(
    r"['\u2019]s\s+(?:[a-z-]+\s+)?(?:actions|measures|decisions?|moves?|polic(?:y|ies)|plans?|behaviou?r|conduct|"
    r"invasion|ban|sanctions|tariffs|presence|activities|expansion|claims?|exports|imports|policies)\s+"
)
_MODIFIERS_ONLY = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s+")
# a speaker's aside between a subject and its verb (and the verb before the act's noun):
# "a group it says launches attacks"
_REPORTED_ASIDE = re.compile(
    r"\s(?:it|he|she|they|we)\s+(?:says|said|claims|claimed|alleges|alleged|believes|believed)\s+(?:[a-z]+\s+)?$"
)
# acts that take two parties, whichever the sentence makes the subject (docs/codebook.md, rule 1)
_BOTH_WAYS = frozenset(["agreement", "negotiate", "restore-ties", "cooperate", "clash"])
_OWN_FORCES = re.compile(
    r"\b(?:its|their)\s+(?:[a-z-]+\s+)?(?:forces|troops|soldiers|army|navy|military|border\s+guards|air\s+force)\s*$"
)
_RIGHT_AFTER = re.compile(r"\s*(?:(?:the|its|their|his|her)\s+)?")
_RELATIVE_HEAD = re.compile(r"\s*,?\s*(?:whose|who|which)\b")


class _Reader(TargetRules, PassiveRules):
    def __init__(self, text: str, gazetteer: Gazetteer):
        self.text = text
        self.mentions = with_descriptions(with_roles(with_people(gazetteer.find(text), text), text), text)
        self.kinds = {m.actor: m.kind for m in self.mentions}
        self.rows: list[Draft] = []
        self.keys: set[tuple[str, str, str, str]] = set()
        self.sentence_text = ""
        self.date = ""
        self.skipped: list[Skipped] = []
        self.state = State(kinds=self.kinds)
        self.agentless = False  # the last passive named no agent and the context gave none

    def run(self) -> None:
        sentences = split_sentences(self.text)
        headline = _headline(sentences)
        self.state.main_pair, self.state.main_pair_states = main_pair(
            self.mentions, (headline.start, headline.end) if headline else None
        )
        self.state.paragraph_of = {n: s.paragraph for n, s in enumerate(sentences)}
        dates = sentence_dates(self.text, sentences)
        starts = self.starts = [m.start for m in self.mentions]  # in text order
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
        actors = [(m.start - base, m.actor) for m in mentions]
        consumed: set[int] = set()
        segment_start = 0
        previous_target: list[str] = []
        triggers = find_triggers(text)
        acted = False
        for trigger in triggers:
            if (
                acted
                and GROUNDS.match(trigger.text)
                and text[max(0, trigger.start - 10) : trigger.start].rstrip().endswith(",")
            ):
                # "expelled 18 diplomats, accusing Russia of ...": the act's stated grounds, inside its quote
                self._skip(number, trigger, "the stated grounds of the act before (codebook rule 1)")
                segment_start = trigger.end
                continue
            mood = modality(text, segment_start, trigger, conditionals, actors)
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
                if mood == "noun":
                    self._nominal_author(number, sentence, mentions, trigger)
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
                agentless, self.agentless = self.agentless, False
                self._skip(
                    number,
                    trigger,
                    "a passive that does not say who did it"
                    if agentless
                    else "fewer than two actors: no direction",
                )
                # its subject is still who the next clause is about ("X detained a tanker, and accused Y")
                doers = [
                    m
                    for m in mentions
                    if segment_start <= m.start - base < trigger.start and not m.after_preposition
                ]
                described = group_subject(self.state, text, trigger.start, number)
                if described is not None:  # "the three governments, which left the bloc, called ..."
                    self.state.subject, self.state.subject_sentence = described[0], number
                elif doers:
                    self.state.subject = actor_ids(coordinated(doers, 0, self.text))
                    self.state.subject_sentence = number
                    self.state.history.extend(
                        (a, self.kinds.get(a, "other"), number) for a in self.state.subject
                    )
            # every party of a mutual act told as one row per pair ("Estonia, Latvia and Lithuania signed")
            parties = sorted({a for row in rows if row[2] == "mutual" for a in (*row[0], *row[1])})
            # every party of a mutual act told as one row per pair ("Estonia, Latvia and Lithuania signed")
            parties = sorted({a for row in rows if row[2] == "mutual" for a in (*row[0], *row[1])})
            for sources, targets, how, start, end in rows:
                # "imposed tariffs on French": take in the noun an adjective names ("French wine")
                noun = re.match(
                    r" (?!(?:in|on|at|to|for|with|and|or|but|of|over|from|by|as|last|this|after|before|when|while|because|since|until|during|amid)\b)[a-z][\w-]*",
                    text[end:],
                )
                if noun and re.search(r"(?:an|ese|ish|ch|i)$", text[:end]):
                    end += noun.end()
                quote = normalize_ws(self.text[base + start : base + end]).rstrip(" ,;:")
                confidence = CONFIDENCE[how] - (FUTURE_PENALTY if future else 0.0)
                rule = f"{trigger.pattern.name}/{how}" + (
                    "/prepared" if prepared else "/future" if future else ""
                )
                both_ways = trigger.pattern.name in _BOTH_WAYS and not prepared and not future
                for s in sources:
                    for t in targets:
                        if s != t:
                            self._add(Draft(s, t, action, cameo, quote, round(confidence, 2), rule))
                            if both_ways:  # "Egypt signed an accord with Sudan": Sudan signed it too
                                self._add(Draft(t, s, action, cameo, quote, round(confidence, 2), rule))
                together = how == "mutual" or len(sources) == 2
                pair = (
                    sorted({*sources, *targets}) if how == "mutual" else sources if len(sources) == 2 else []
                )
                self.state.last_act = (number, list(sources), list(targets), how == "mutual")
                self.state.acts_by_pattern[trigger.pattern.name] = self.state.last_act
                if is_material(cameo or weight_cameo(action)):
                    self.state.last_measure = self.state.last_act
                if trigger.pattern.mutual and not action.endswith("_preparation"):
                    self.state.last_accord = (number, sorted({*sources, *targets}))
                if len(targets) == 2 and not set(targets) & set(sources):
                    self.state.pairs.append(
                        (number, True, list(targets))
                    )  # "his Greek and Turkish counterparts"
                if not pair and len(sources) == 1 and len(targets) == 1 and sources != targets:
                    pair = [*sources, *targets]
                if len(pair) == 2:
                    self.state.pairs.append((number, together, list(pair)))
                for named in (sources, targets):
                    if len(set(named)) >= 3:  # "Mali, Burkina Faso and Niger": "the three governments"
                        self.state.groups.append((number, list(dict.fromkeys(named))))
                if how == "mutual":  # "Britain and Norway signed": both are who the next clause is about
                    self.state.subject, self.state.subject_sentence = parties, number
                elif how == "passive":  # "X, accused by Y, denied ...": X is who the next clause is about
                    self.state.subject, self.state.subject_sentence = list(targets), number
                elif how not in ("unresolved",):
                    self.state.subject, self.state.subject_sentence = list(sources), number
                    self.state.history.extend((s, self.kinds.get(s, "other"), number) for s in sources)
                previous_target = list(targets)
            acted = acted or bool(rows)
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
            # "expressed regret at Austria's decision", "deployed warships near Taiwan": the phrase's
            # own closing preposition introduces its object, not a place
            and (m.preposition not in VENUE or _RIGHT_AFTER.fullmatch(text, trigger.end, m.start - base))
        ]
        opening = opening_participle(text, base, trigger, mentions)
        if opening is not None:  # "After visiting Beijing, Lula praised China": Lula visited Beijing
            subject, comma = opening
            objects = [m for m in after if m.start - base < comma and m.actor != subject.actor]
            if objects:
                group = coordinated(objects, 0, self.text)
                consumed.update(id(m) for m in group)
                return [([subject.actor], actor_ids(group), "carried", trigger.start, subject.end - base)]
            return []
        clause = Clause(number, text, base, trigger, segment_start, limit, before, after)
        # "was criticised by": a participle; "was visiting Jakarta" is active
        participle = not re.match(r"\w+ing\b", trigger.text)
        # "The UAE, accused by Khartoum of ...": a reduced relative clause is passive too
        reduced = REDUCED_PASSIVE.match(text, trigger.verb_end) and text[: trigger.start].rstrip()[-1:] == ","
        passive = PASSIVE.search(text[segment_start : trigger.start]) or reduced
        if passive and trigger.pattern.passive_ok and participle:
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

    def _source(self, c: Clause) -> tuple[list[str], str, int]:
        """(source actors, how they were found, where the quote starts) for an active verb."""
        trigger, base, text = c.trigger, c.base, c.text
        segment_start, head = c.segment_start, c.text[c.segment_start : trigger.start]
        # the subject is in the nearest clause before the verb that names one: after "said",
        # after ", and", after a colon ("X said Y had ..., and India imposed")
        chained = relative_chain(text, base, trigger, self.mentions, self.starts)
        if chained is not None:  # "Russia, whose ... and which sells": Russia
            return [chained.actor], "active", chained.start - base
        described = group_subject(self.state, text, trigger.start, c.number)
        if described is not None:  # "the three governments, which left the bloc, called": the three
            return described[0], "group", described[1]
        subjects = [m for m in c.before if not m.after_preposition or self._clause_subject(m, trigger, base)]
        aside = _REPORTED_ASIDE.search(head)
        if aside and _INDEFINITE_SUBJECT.search(head[: aside.start()][-60:]):
            # "a militant group it says launches attacks": the group acts, "it says" is an aside
            return [], "nonactor", trigger.start
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
            if trigger.pattern.frame and _THING_OWNED.fullmatch(self.text, near.end, base + trigger.start):
                return [], "nonactor", trigger.start  # "China's actions threatened supplies": no speaker
            if re.fullmatch(
                r"(?:['\u2019]s)?(?:\s+[\w-]+){0,4}\s*", self.text[near.end : base + trigger.start]
            ):
                # "the US strongly urged", "Lithuania and Latvia praised": the actor right before the verb
                group = coordinated_left(c.before, c.before.index(near), self.text)
            elif _INDEFINITE_SUBJECT.search(text[max(0, trigger.start - 60) : trigger.start]):
                return [], "nonactor", trigger.start  # "..., after a referendum backed": not the actor's act
            else:
                group = coordinated(c.before, c.before.index(first), self.text)
            ids = actor_ids(group)
            if not own and _OWN_FORCES.search(text, 0, trigger.start) and all(len(a) == 3 for a in ids):
                ids = [a + "MIL" for a in ids]  # "India said its troops shelled": India's military
            return ids, "active" if own else "carried", group[0].start - base
        gerund = adverbial_gerund_subject(
            text, base, trigger, self.mentions[bisect_left(self.starts, base) :]
        )
        if gerund is not None and not subjects:  # "failed to consult it before signing": who failed
            return [gerund.actor], "carried", gerund.start - base
        antecedent = subject_of_relative(text, base, trigger, self.mentions, self.starts)
        if antecedent is not None:  # "Angola, which brokered ..., has invited": Angola invited
            return [antecedent.actor], "active", antecedent.start - base
        many = many_subject(self.state, head, c.number)
        if many is not None:  # "the three governments said": the three named acting together before
            return many[0], "group", segment_start + many[1]
        group_match = GROUP.search(head)
        if group_match:
            pair = recent_pair(self.state, [], c.number, group_match.group(0).split()[-1])
            if len(pair) == 2:
                return pair, "group", segment_start + group_match.start()
            return [], "active", trigger.start
        earlier_group = GROUP.search(c.text[c.segment_start : trigger.start])
        if earlier_group and pronoun and pronoun.group(0) == "they" and not speaker:
            # "The two governments said they would ...": they are the pair
            pair = recent_pair(self.state, [], c.number, earlier_group.group(0).split()[-1])
            if len(pair) == 2:
                return pair, "group", c.segment_start + earlier_group.start()
        if speaker and pronoun:
            return actor_ids(coordinated(speaker, 0, self.text)), "carried", p_start
        unknown = UNKNOWN_SUBJECT.match(head)
        if not pronoun and _INDEFINITE_SUBJECT.search(head[-60:]):
            return [], "nonactor", trigger.start  # "after a referendum backed ...": a new non-actor subject
        if unknown and not pronoun and not TITLES.search(unknown.group(1)):
            return [], "nonactor", trigger.start  # "The Lima Group ... met": not the last subject's act
        relative = _RELATIVE_HEAD.match(head)
        if relative and not pronoun:  # "backed by Russia, whose foreign ministry accused": Russia
            index = bisect_left(self.starts, base + segment_start)
            if index and base + segment_start - self.mentions[index - 1].end <= 3:
                return [self.mentions[index - 1].actor], "carried", trigger.start
        if self.state.subject:
            how = "carried" if self.state.subject_sentence == c.number else "carried-sentence"
            forces = _OWN_FORCES.search(head)
            if forces and all(len(a) == 3 for a in self.state.subject):
                # "after its security forces exchanged fire": the subject's military (codebook rule 6)
                return [a + "MIL" for a in self.state.subject], how, segment_start + forces.start()
            return list(self.state.subject), how, p_start if pronoun else trigger.start
        return [], "active", trigger.start

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

    def _nominal_author(
        self, number: int, sentence: Sentence, mentions: list[Mention], trigger: Trigger
    ) -> None:
        """ "a Turkish drone strike": no row (an act named, not told), but its author is who a
        later "condemned the strike" answers (:func:`reactions.answered`)."""
        for m in mentions:
            gap = sentence.text[m.end - sentence.start : trigger.start]
            if m.kind == "state" and not m.possessive and _MODIFIERS_ONLY.fullmatch(gap):
                self.state.acts_by_pattern[trigger.pattern.name] = (number, [m.actor], [], False)
                return

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
