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
from dataclasses import dataclass, field

from ..actions import action_defaults, goldstein
from ..io.text import normalize_ws
from .gazetteer import Gazetteer, Mention, with_roles
from .patterns import Trigger, find_triggers, intent_code, refine, threat_code
from .sentences import Sentence, split_sentences

__all__ = ["Draft", "Skipped", "extract_rules"]

CONFIDENCE = {
    "active": 0.9,  # subject before the verb, target after it, in one clause
    "passive": 0.8,  # "X was criticised by Y"
    "carried": 0.7,  # subject carried over from the clause before, in the same sentence
    "carried-sentence": 0.6,  # subject carried over from the sentence before
    "mutual": 0.6,  # "X and Y signed an agreement": both ways
    "group": 0.5,  # "both governments", "the two allies": the last two actors named
    "shared-object": 0.5,
    "pronoun-target": 0.5,  # "for it": the last other actor named before in the sentence  # target of the verb before ("summoned X and threatened to ...")
    "unresolved-target": 0.3,  # target not named: the state the text was last about
    "unresolved": 0.3,  # source not read from structure: another actor named nearby
}
FUTURE_PENALTY = 0.1

_NEGATION = re.compile(
    r"\b(?:not|never|no|nor|neither|without)\b|n't\b|\b(?:refrain\w*|declin\w*|fail\w*)\s+(?:from|to)\b"
)
_SHOULD = re.compile(r"\b(?:should|ought|must)\b", re.IGNORECASE)
_OPINION = re.compile(
    r"\b(?:could|might|may|can|cannot)\b|\b(?:expected|likely|want|wants|hope|hopes|urged|asked)\s+to\b",
    re.IGNORECASE,
)
_SAID = re.compile(
    r"\b(?:said|says|stated|states|argued|argues|insisted|insists|believes|wrote|told\s+\w+)\s+(?:that\s+)?",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:would|will|shall)\b|'ll\b|\b(?:set|going|is|are)\s+to\b", re.IGNORECASE)
# planned or prepared, not done and not put to the target: 014 Consider policy option (codebook rule 3)
_PREPARED = re.compile(
    r"\b(?:plans?|planning|intends?|intending|preparing|prepares|considering|considers|weighing|aims?|seeks?)\s+to\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:it|they|he|she|we)\b")
_GROUP = re.compile(
    r"\b(?:both|the\s+two)\s+(?:\w+\s+)?(?:governments|countries|sides|allies|states|nations|capitals|leaders|"
    r"ministers|neighbou?rs|partners|rivals)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\b(?:if|unless)\b[^,;:.]*", re.IGNORECASE)
_VENUE = frozenset(["at", "in", "near", "inside", "within", "during", "throughout", "across", "amid"])
_CONJUNCTIONS = frozenset(
    ["after", "before", "since", "until", "as", "while", "when", "because", "once", "where"]
)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:and|but|while|whereas)\b|\b(?:said|says|told\s+\w+|announced|argued|insisted|claimed|stated|added)"
    r"\s+(?:that\s+)?",
    re.IGNORECASE,
)
_JOINER = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?$")


@dataclass(frozen=True)
class Draft:
    """One drafted row: ``quote`` is a verbatim excerpt of the text (whitespace collapsed)."""

    source: str
    target: str
    action: str
    cameo: str
    quote: str
    confidence: float
    rule: str


@dataclass(frozen=True)
class Skipped:
    """An act named in the text but not coded, and why (negated, an opinion, one actor only)."""

    sentence: int
    phrase: str
    reason: str


@dataclass(frozen=True)
class _Clause:
    """What the rules look at for one act: offsets are in the sentence's text, except mentions'."""

    number: int
    text: str
    base: int
    trigger: Trigger
    segment_start: int
    limit: int
    before: list[Mention]
    after: list[Mention]


@dataclass
class _State:
    subject: list[str] = field(default_factory=list)  # carried-over subject
    subject_sentence: int = -1
    recent: list[Mention] = field(default_factory=list)  # non-prepositional mentions so far
    # (actor, kind, sentence) of every subject so far: who the text has been talking about
    history: list[tuple[str, str, int]] = field(default_factory=list)


def _weight(action: str, cameo: str) -> float:
    if cameo:
        return goldstein().get(cameo, 0.0)
    return action_defaults().get(action, ("", "", 0.0))[2]


def _group(mentions: list[Mention], first: int, text: str) -> list[Mention]:
    """``mentions[first]`` and the mentions coordinated with it ("Germany, France and Italy")."""
    group = [mentions[first]]
    for nxt in mentions[first + 1 :]:
        between = text[group[-1].end + (2 if group[-1].possessive else 0) : nxt.start]
        if not _JOINER.match(between) or (nxt.possessive and len(group) >= 1 and between.strip() == ","):
            break
        group.append(nxt)
    return group


def _group_left(mentions: list[Mention], last: int, text: str) -> list[Mention]:
    """``mentions[last]`` and the mentions coordinated with it before it."""
    group = [mentions[last]]
    for prev in reversed(mentions[:last]):
        between = text[prev.end : group[0].start]
        # the last link must be "and"/"or" ("France and Italy"), earlier ones may be commas
        joined = _JOINER.match(between) and (len(group) > 1 or re.search(r"\b(?:and|or)\b|&", between))
        if prev.possessive or prev.after_preposition or not joined:
            break
        group.insert(0, prev)
    return group


def _ids(mentions: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if m.actor not in out:
            out.append(m.actor)
    return out


def _last_words(text: str, n: int = 4) -> str:
    clause = re.split(r"[,;:()\"\u201c\u201d]|\band\b|\bbut\b", text)[-1]
    return " ".join(clause.split()[-n:])


class _Reader:
    def __init__(self, text: str, gazetteer: Gazetteer):
        self.text = text
        self.mentions = with_roles(gazetteer.find(text), text)
        self.kinds = {m.actor: m.kind for m in self.mentions}
        self.rows: list[Draft] = []
        self.skipped: list[Skipped] = []
        self.state = _State()

    def run(self) -> None:
        sentences = split_sentences(self.text)
        for number, sentence in enumerate(sentences):
            mentions = [m for m in self.mentions if sentence.start <= m.start < sentence.end]
            if _is_headline(sentence, sentences):
                continue
            self._sentence(number, sentence, mentions)
            topic = [m for m in mentions if not m.after_preposition]
            self.state.recent.extend(topic)
            if self.state.subject_sentence != number and topic:
                # no act here: the sentence's first actor is who the next one is about
                self.state.subject, self.state.subject_sentence = [topic[0].actor], number
                self.state.history.append((topic[0].actor, topic[0].kind, number))

    def _sentence(self, number: int, sentence: Sentence, mentions: list[Mention]) -> None:
        text, base = sentence.text, sentence.start
        conditionals = [m.span() for m in _CONDITIONAL.finditer(text)]
        consumed: set[int] = set()
        segment_start = 0
        previous_target: list[str] = []
        triggers = find_triggers(text)
        for trigger in triggers:
            if any(a <= trigger.start < b for a, b in conditionals):
                segment_start = trigger.end
                continue
            window = _last_words(text[segment_start : trigger.start])
            if _SHOULD.search(window) and not trigger.pattern.frame:
                # what an actor says should (not) happen: a statement, 010, weight 0 (codebook rule 2)
                rows = self._opinion(number, sentence, mentions, trigger, segment_start, consumed, triggers)
                if not rows:
                    self.skipped.append(Skipped(number, trigger.text, "opinion of no named actor"))
                for sources, targets, how, start, end in rows:
                    quote = normalize_ws(self.text[base + start : base + end]).rstrip(" ,;:")
                    rule = f"{trigger.pattern.name}/{how}/opinion"
                    for src in sources:
                        for tgt in targets:
                            if src != tgt:
                                self._add(Draft(src, tgt, "statement", "010", quote, CONFIDENCE[how], rule))
                segment_start = trigger.end
                continue
            if _NEGATION.search(window):
                self.skipped.append(Skipped(number, trigger.text, "negated"))
                segment_start = trigger.end
                continue
            if _OPINION.search(window) and not trigger.pattern.frame:
                self.skipped.append(Skipped(number, trigger.text, "a possibility, not an act"))
                segment_start = trigger.end
                continue
            prepared = bool(_PREPARED.search(window)) and not trigger.pattern.frame
            future = (bool(_FUTURE.search(window)) and not trigger.pattern.frame) or prepared
            action, cameo = refine(trigger)
            if prepared:
                action, cameo = f"{action}_preparation", "014"
            elif future:
                clause = text[trigger.start :].split(",")[0].split(";")[0]
                action, cameo = threat_code(clause) if _weight(action, cameo) < 0 else intent_code(clause)
            rows = self._direction(
                number, sentence, mentions, trigger, segment_start, consumed, previous_target, triggers
            )
            if not rows:
                self.skipped.append(Skipped(number, trigger.text, "fewer than two actors: no direction"))
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
                if how not in ("unresolved",):
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
            and m.preposition not in _VENUE
        ]
        clause = _Clause(number, text, base, trigger, segment_start, limit, before, after)
        if _PASSIVE.search(text[segment_start : trigger.start]) and trigger.pattern.passive_ok:
            return self._passive(clause, consumed)
        sources, how, start = self._source(clause)
        return self._targets(clause, mentions, sources, how, start, consumed, previous_target)

    def _opinion(self, number, sentence, mentions, trigger: Trigger, segment_start, consumed, triggers):
        """Rows for "X said Y should ...": X is the source (no row when X is not an actor, as
        "analysts said"); the target is the actor the act would be aimed at, else Y."""
        text, base = sentence.text, sentence.start
        said = list(_SAID.finditer(text[segment_start : trigger.start]))
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
        sources = _ids(_group(speakers, 0, self.text))
        later = [t.start for t in triggers if t.start >= trigger.end]
        limit = min(later) if later else len(text)
        after = [m for m in mentions if trigger.verb_end <= m.start - base < limit and m.actor not in sources]
        inside = [m for m in mentions if cut <= m.start - base < trigger.start and m.actor not in sources]
        chosen = after or inside
        if not chosen:
            return []
        end = max(trigger.end, max(m.end - base for m in chosen[:1]))
        return [(sources, [chosen[0].actor], "active", speakers[0].start - base, end)]

    def _passive(self, c: _Clause, consumed: set[int]):
        """ "X was criticised by Y": Y acts on X; without "by", another actor named nearby (guessed)."""
        trigger, base = c.trigger, c.base
        by = re.match(r"\s*(?:[\w\s,'-]{0,30}?\s)?by\s+(?:the\s+)?", c.text[trigger.verb_end : c.limit])
        agents = [m for m in c.after if by and m.start - base == trigger.verb_end + by.end()]
        subjects = [m for m in c.before if not m.after_preposition]
        if agents and subjects:
            agent_group = _group(c.after, c.after.index(agents[0]), self.text)
            consumed.update(id(m) for m in agent_group)
            end = max(trigger.end, agent_group[-1].end - base)
            patients = _ids(_group(c.before, c.before.index(subjects[0]), self.text))
            return [(_ids(agent_group), patients, "passive", subjects[0].start - base, end)]
        others = [m for m in c.after if subjects and m.actor not in _ids(subjects)]
        if others:
            end = max(trigger.end, others[0].end - base)
            return [([others[0].actor], _ids(subjects[:1]), "unresolved", subjects[0].start - base, end)]
        return []

    def _source(self, c: _Clause) -> tuple[list[str], str, int]:
        """(source actors, how they were found, where the quote starts) for an active verb."""
        trigger, base, text = c.trigger, c.base, c.text
        segment_start, head = c.segment_start, c.text[c.segment_start : trigger.start]
        # the subject is in the nearest clause before the verb that names one: after "said",
        # after ", and", after a colon ("X said Y had ..., and India imposed")
        subjects = [m for m in c.before if not m.after_preposition or self._clause_subject(m, trigger, base)]
        speaker: list[Mention] = []  # "China answered: it banned ...": who "it" is
        for piece in reversed([0, *(b.end() for b in _CLAUSE_BREAK.finditer(head))]):
            rest = head[piece:]
            mine = [m for m in subjects if m.start - base >= segment_start + piece]
            if mine or _GROUP.search(rest) or _PRONOUN.search(rest):
                speaker = [m for m in subjects if m.start - base < segment_start + piece]
                subjects, head, segment_start = mine, rest, segment_start + piece
                break
        pronoun = _PRONOUN.search(head)
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
                group = _group_left(c.before, c.before.index(near), self.text)
            else:
                group = _group(c.before, c.before.index(first), self.text)
            return _ids(group), "active", group[0].start - base
        group_match = _GROUP.search(head)
        if group_match and not c.after:
            pair = self._recent_pair(exclude=[])
            if len(pair) == 2:
                return pair, "group", segment_start + group_match.start()
            return [], "active", trigger.start
        if speaker and pronoun:
            return _ids(_group(speaker, 0, self.text)), "carried", p_start
        if self.state.subject:
            how = "carried" if self.state.subject_sentence == c.number else "carried-sentence"
            return list(self.state.subject), how, p_start if pronoun else trigger.start
        return [], "active", trigger.start

    def _targets(self, c: _Clause, mentions, sources, how, start, consumed, previous_target):
        """The rows for one act: its target(s) after the verb, else the fallbacks, by confidence."""
        trigger, base = c.trigger, c.base
        targets: list[str] = []
        end = trigger.end
        candidates = [m for m in c.after if m.actor not in sources]
        tail = c.text[trigger.verb_end : c.limit]
        tail_group = _GROUP.search(tail)
        if candidates and not (
            tail_group and tail_group.start() < candidates[0].start - base - trigger.verb_end
        ):
            # the first actor named after the verb, with those coordinated with it
            group = [
                m for m in _group(c.after, c.after.index(candidates[0]), self.text) if m.actor not in sources
            ]
            consumed.update(id(m) for m in group)
            targets, end = _ids(group), max(trigger.end, group[-1].end - base)
        elif tail_group:
            pair = self._recent_pair(exclude=sources)
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

    def _no_target(self, c: _Clause, mentions, sources, how, start, end, tail, previous_target):
        """A source but no target named after the verb: mutual, "it", the verb before's target,
        or the state the text was about (in that order of confidence)."""
        trigger, base = c.trigger, c.base
        if len(sources) >= 2 and (trigger.pattern.mutual or trigger.pattern.action == "intent_to_cooperate"):
            return [([s], [t], "mutual", start, end) for s in sources for t in sources if s != t]
        if re.match(r"\W*(?:\w+\s+){0,6}?(?:for|to|with|against|on)?\s*(?:it|them)\b", tail):
            # "refused to provide security guarantees for it": the last other actor named before
            earlier = [m for m in mentions if m.start < base + trigger.start and m.actor not in sources]
            if earlier:
                return [(sources, [earlier[-1].actor], "pronoun-target", start, end)]
        if how == "carried" and previous_target:
            return [(sources, [t for t in previous_target if t not in sources], "shared-object", start, end)]
        # only a state or bloc's reaction is read as aimed at whom the text was about
        kinds = {self.kinds.get(s, "other") for s in sources}
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
            and word.group(1).lower() in _CONJUNCTIONS
            and bool(re.fullmatch(r"(?:['\u2019]s)?(?:\s+[a-z]+){0,3}\s*", gap))
        )

    def _recent_pair(self, exclude: list[str]) -> list[str]:
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
        if all((r.source, r.target, r.action, r.quote) != key for r in self.rows):
            self.rows.append(row)


def _is_headline(sentence: Sentence, sentences: list[Sentence]) -> bool:
    """A first paragraph of one line without a closing full stop is a headline: not coded."""
    first = [s for s in sentences if s.paragraph == 0]
    return (
        sentence.paragraph == 0
        and len(first) == 1
        and "\n" not in sentence.text
        and not re.search(r"[.!?][\"'\u201d]?$", sentence.text)
    )


def extract_rules(text: str, gazetteer: Gazetteer) -> tuple[list[Draft], list[Skipped]]:
    """The rows the rules read from ``text``, and the acts named but not coded."""
    reader = _Reader(text, gazetteer)
    reader.run()
    return reader.rows, reader.skipped
