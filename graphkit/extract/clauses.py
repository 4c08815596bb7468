"""What the direction rules share: drafted rows, the confidence of each way of reading a
direction, the clause cues, and coordinated actors ("Germany, France and Italy")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..actions import action_defaults, goldstein
from .gazetteer import Mention
from .patterns import Trigger

__all__ = [
    "APPOSITIVE",
    "BOUNDARY",
    "CLAUSE_BREAK",
    "CONFIDENCE",
    "CONJUNCTIONS",
    "Clause",
    "Draft",
    "EVENT_AFTER",
    "FUTURE_PENALTY",
    "GROUP",
    "GROUNDS",
    "JOINER",
    "NOT_ACTS",
    "PASSIVE",
    "PRONOUN",
    "REDUCED_PASSIVE",
    "REACTION_OBJECT",
    "REACTION_SUBJECT",
    "RELATIVE",
    "SAID",
    "Skipped",
    "State",
    "TITLES",
    "TOPIC",
    "UNKNOWN_SUBJECT",
    "VENUE",
    "actor_ids",
    "coordinated",
    "coordinated_left",
    "named_pairs",
    "weight_cameo",
    "weight_of",
]

CONFIDENCE = {
    "active": 0.9,  # subject before the verb, target after it, in one clause
    "passive": 0.8,  # "X was criticised by Y"
    "carried": 0.7,  # subject carried over from the clause before, in the same sentence
    "carried-sentence": 0.6,  # subject carried over from the sentence before
    "mutual": 0.6,  # "X and Y signed an agreement": both ways
    "across-clause": 0.5,  # the first actor after the verb, but in a clause after it
    "group": 0.5,  # "both governments", "the two allies": the nearest pair named acting together
    "shared-object": 0.5,  # the target of the verb before ("summoned X and threatened to ...")
    "pronoun-target": 0.5,  # "for it": the last other actor named before in the sentence
    # target not named: a reaction's addressee (0.3 until round six; 63% confirmed at first contact)
    "unresolved-target": 0.4,
    "unresolved": 0.3,  # source not read from structure: another actor named nearby
}
FUTURE_PENALTY = 0.1

SAID = re.compile(
    r"\b(?:said|says|stated|states|argued|argues|insisted|insists|believes|wrote|told\s+\w+)\s+(?:that\s+)?",
    re.IGNORECASE,
)
PASSIVE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# "accused by Khartoum": a participle followed by its agent
REDUCED_PASSIVE = re.compile(r"\s+by\b")
# an actor's name used for an event it holds is not a target: "to the NATO summit"
EVENT_AFTER = re.compile(
    r"\s+(?:summit|mission|meeting|session|forum|conference|headquarters|ministerial|council\s+meeting)\b"
)
PRONOUN = re.compile(r"\b(?:it|they|he|she|we)\b")
GROUP = re.compile(
    r"\b(?:both|the\s+two)\s+(?:\w+\s+)?(?:governments|countries|sides|allies|states|nations|capitals|leaders|"
    r"ministers|neighbou?rs|partners|rivals|presidents|premiers|chancellors|delegations|kingdoms|republics|"
    r"armies|militaries|navies|forces)\b",
    re.IGNORECASE,
)
# what modality.modality says is not an act, and the reason listed in ``skipped``
NOT_ACTS = {
    "conditional": "a condition or hypothetical, not an act",
    "noun": "an act named as a noun, not told as done",
    "hypothetical": "an act named inside a modal clause or as a topic, not told as done",
    "referred": "a promise referred to, not made here",
    "negated": "negated",
    "possible": "a possibility, not an act",
    "denied": "an act the actor denies, not an act told as done (codebook rule 3)",
    "counterfactual": "a counterfactual ('would have'), not an act",
    "foretold": "a prediction no actor makes of itself, not a threat or an act (codebook rule 2)",
}
VENUE = frozenset(["at", "in", "near", "inside", "within", "during", "throughout", "across", "amid"])
CONJUNCTIONS = frozenset(
    ["after", "before", "since", "until", "as", "while", "when", "because", "once", "where"]
)
CLAUSE_BREAK = re.compile(
    r"[;:]|,\s*(?:and|but|while|whereas)\b|\b(?:said|says|told\s+\w+|announced|argued|insisted|claimed|stated|added)"
    r"\s+(?:that\s+)?",
    re.IGNORECASE,
)
# a clause boundary between a verb and an actor named after it
BOUNDARY = re.compile(
    r"[;:]|,\s*(?:and|but|while|whereas|when|after|before|as|because|which|who|although|though|since)\b"
    r"|\b(?:when|after|because|while|although|though|whereas|unless)\b"
    r"|,\s*an?\s+(?:move|step|decision|measure|response)\b",  # "..., a move that followed pressure from X"
    re.IGNORECASE,
)
# a clause whose subject is a name no gazetteer entry knows ("The Lima Group of regional
# governments met"): its act is someone else's, never the subject carried from before
UNKNOWN_SUBJECT = re.compile(
    r"\s*(?:(?:On|In|Last|This|Earlier|Later)\s+\w+,?\s+)?(?:[Tt]he\s+)?([A-Z][\w-]+(?:\s+(?:of\s+)?[A-Z][\w-]+)+)"
)
TITLES = re.compile(
    r"\b(?:President|Prime|Premier|Minister|Chancellor|King|Queen|Emperor|Secretary|Ambassador|Foreign|Defen[cs]e|"
    r"Minister|Spokes\w+|General|Admiral|Crown|Prince|Sheikh|Emir|Sultan)\b"
)
# "The United Arab Emirates, which has mediated between the parties": a description of the
# actor; with no target named, not an act toward anyone
RELATIVE = re.compile(r",\s*(?:which|who)\s+(?:[a-z]+\s+){0,3}$")
# "expelled 18 diplomats, accusing Russia of ...": the stated grounds of the act before (codebook rule 1)
GROUNDS = re.compile(r"(?:accusing|blaming|citing)\b")
# a reaction to a measure named as the verb's object: an actor named after it in a
# prepositional phrase is not its target ("protested the decision as a breach of Mercosur")
REACTION_OBJECT = re.compile(
    r"\s+(?:the|this|that|these|those|its|their)\s+(?:[a-z-]+\s+){0,2}?(?:decisions?|moves?|measures?|steps?|"
    r"bans?|sanctions|duties|tariffs|policy|plans?|laws?|statements?|announcements?|actions?|restrictions|"
    r"vetoe?s?|expulsions?|closures?|suspension|recall|arrests?|detentions?|seizures?|strikes?|attacks?|raids?|"
    r"operation|blockade|incursion|delay|postponement|lifting|easing|reopening|release|exercises|drills|"
    r"patrols|deployment|downing|shelling|shootdown|bombing)\b",
    re.IGNORECASE,
)
# the same measure as a passive's subject: "The raid was condemned by Brazil"
REACTION_SUBJECT = re.compile(
    r"\s*" + REACTION_OBJECT.pattern.replace(r"\s+(?:the|", r"(?:the|", 1), re.IGNORECASE
)
# an appositive or relative clause after the object: an actor in it is not the verb's target
# ("tightened export controls, a move that followed pressure from Washington")
APPOSITIVE = re.compile(r",\s*(?:an?\s+(?:move|step|decision|measure|response)|which|whose)\b", re.IGNORECASE)
# a cooperative act's topic is not its target: "promised to share intelligence on Russian operations"
TOPIC = frozenset(["on", "about", "over", "against", "regarding", "into", "concerning"])
# "Felix Tshisekedi and Paul Kagame": a first name before the second mention still joins them
JOINER = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)(?:the\s+)?(?-i:[A-Z][\w'.-]*\s+)?$")


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
    date: str = ""  # from the text (textdates): YYYY, YYYY-MM, YYYY-MM-DD or ""


@dataclass(frozen=True)
class Skipped:
    """An act named in the text but not coded, and why (negated, an opinion, one actor only)."""

    sentence: int
    phrase: str
    reason: str
    text: str = ""  # the sentence, whitespace collapsed


@dataclass(frozen=True)
class Clause:
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
class State:
    subject: list[str] = field(default_factory=list)  # carried-over subject
    subject_sentence: int = -1
    recent: list[Mention] = field(default_factory=list)  # non-prepositional mentions so far
    # (actor, kind, sentence) of every subject so far: who the text has been talking about
    history: list[tuple[str, str, int]] = field(default_factory=list)
    # (sentence, acting together, [a, b]): the pairs "the two governments", "both sides" may mean
    pairs: list[tuple[int, bool, list[str]]] = field(default_factory=list)
    # (sentence, [a, b, c, ...]): three or more actors named acting together, "the three governments"
    groups: list[tuple[int, list[str]]] = field(default_factory=list)
    # the last act coded: (sentence, sources, targets, mutual): what a reaction answers
    last_act: tuple[int, list[str], list[str], bool] = (-9, [], [], False)
    last_measure: tuple[int, list[str], list[str], bool] = (-9, [], [], False)  # the last material act
    # the last act told by each pattern: what "the raid", "the expulsion" refers to
    acts_by_pattern: dict[str, tuple[int, list[str], list[str], bool]] = field(default_factory=dict)
    last_accord: tuple[int, list[str]] = (-9, [])  # the parties of the last agreement or talks told
    paragraph_of: dict[int, int] = field(default_factory=dict)  # sentence number -> paragraph
    main_pair: list[str] = field(default_factory=list)  # whom the article is about (pairs.main_pair)
    main_pair_states: bool = False  # both of the main pair are states (not a bloc)
    kinds: dict[str, str] = field(default_factory=dict)  # actor id -> kind (state, bloc, ...)


def weight_cameo(action: str) -> str:
    """The CAMEO code the taxonomy gives ``action``, "" when none."""
    return action_defaults().get(action, ("", "", 0.0))[1]


def weight_of(action: str, cameo: str) -> float:
    if cameo:
        return goldstein().get(cameo, 0.0)
    return action_defaults().get(action, ("", "", 0.0))[2]


def _joined(previous: Mention, nxt: Mention, text: str) -> bool:
    """Whether ``nxt`` is coordinated with the mention just before it ("Germany, France")."""
    between = text[previous.end + (2 if previous.possessive else 0) : nxt.start]
    return bool(JOINER.match(between)) and not (nxt.possessive and between.strip() == ",")


def coordinated(mentions: list[Mention], first: int, text: str) -> list[Mention]:
    """``mentions[first]`` and the mentions coordinated with it ("Germany, France and Italy")."""
    group = [mentions[first]]
    for index in range(first + 1, len(mentions)):  # by index: a slice per call was quadratic
        if not _joined(group[-1], mentions[index], text):
            break
        group.append(mentions[index])
    return group


def named_pairs(
    mentions: list[Mention], text: str, kinds: tuple[str, ...] = ("state", "bloc")
) -> list[list[str]]:
    """For each mention that starts a coordinated group (``coordinated(mentions, i, text)``)
    naming exactly two actors of ``kinds``, those two ids in order: "Japanese and
    Philippine ministers", "China and the Philippines".

    One pass from the end: a group from each mention in turn was quadratic in a list of
    thousands ("Canada, Canada, ..."). Per mention, the distinct ids of its group in
    order of first naming, kept to three (enough to tell "exactly two")."""
    found: list[list[str]] = []
    ahead: list[str] = []  # the distinct ids of kinds from the mention after this one on, at most 3
    for index in range(len(mentions) - 1, -1, -1):
        mention = mentions[index]
        if index + 1 < len(mentions) and not _joined(mention, mentions[index + 1], text):
            ahead = []
        if mention.kind in kinds:
            ahead = [mention.actor, *(a for a in ahead if a != mention.actor)][:3]
        if len(ahead) == 2:
            found.append(list(ahead))
    found.reverse()
    return found


def coordinated_left(mentions: list[Mention], last: int, text: str) -> list[Mention]:
    """``mentions[last]`` and the mentions coordinated with it before it."""
    group = [mentions[last]]
    for index in range(last - 1, -1, -1):
        prev = mentions[index]
        between = text[prev.end : group[0].start]
        # the last link must be "and"/"or" ("France and Italy"), earlier ones may be commas
        joined = JOINER.match(between) and (len(group) > 1 or re.search(r"\b(?:and|or)\b|&", between))
        # "Egypt's president and Ethiopia's prime minister agreed": two officials, two states
        titled = prev.possessive and re.fullmatch(r"['\u2019]s\s+(?:[a-z]+\s+){1,3}and\s+", between)
        if titled and not prev.after_preposition:
            group.insert(0, prev)
            continue
        if prev.possessive or prev.after_preposition or not joined:
            break
        group.insert(0, prev)
    return group


def actor_ids(mentions: list[Mention]) -> list[str]:
    """The distinct actor ids of ``mentions``, in order of first mention."""
    return list(dict.fromkeys(m.actor for m in mentions))
