"""Action patterns: the phrases that name an act, and the taxonomy action and CAMEO code each maps to."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..actions import action_defaults, goldstein
from .codes import (
    APPEAL_CODES,
    BLAME_LABEL,
    DEMAND_CODES,
    INTENT_CODES,
    PRAISE_LABEL,
    REFUSAL_CODES,
    THREAT_CODES,
    WordRule,
)
from .lexicon import LEXICON
from .phrase import CLAUSE, FRAME_TAIL, ActionPattern, V
from .phrase import pattern as make_pattern
from .verbs import VERBS

__all__ = ["PATTERNS", "ActionPattern", "Trigger", "find_triggers", "intent_code", "refine", "threat_code"]

_CLAUSE, _V, _FRAME_TAIL, _p = CLAUSE, V, FRAME_TAIL, make_pattern

PATTERNS: tuple[ActionPattern, ...] = (
    (
        # frames: threats, intents, appeals, demands, speech acts
        _p(
            "threaten",
            rf"\bthreat(?:en|ens|ened|ening)\b(?!\s+of\b){_FRAME_TAIL}",
            "threat",
            "130",
            frame=True,
        ),
        _p(
            "warn",
            rf"\bwarn(?:s|ed|ing)?\s+(?:(?:the\s+)?[A-Z][\w-]*\s+){{0,2}}(?:that|of|against|not\s+to|to)\b{_FRAME_TAIL}",
            "threat",
            "130",
            frame=True,
        ),
        _p("tariff-flag", r"\brais\w*\s+the\s+tariff\s+(?:flag|stick)\b", "tariff_threat", "1312"),
        _p(
            "pledge",
            rf"\b(?:pledg|promis|vow|offer)(?:e|es|ed|ing|s)?\b{_FRAME_TAIL}",
            "intent_to_cooperate",
            "030",
            frame=True,
        ),
        # "agreed to share radar data": an intent both ways between the subjects (030, refined)
        _p(
            "agree",
            rf"\bagree(?:d|s|ing)?\s+(?:\w+\s+){{0,2}}?to\b{_FRAME_TAIL}",
            "intent_to_cooperate",
            "030",
            frame=True,
            mutual=True,
        ),
        # a defence treaty reaffirmed: a commitment to protect (0334), whatever attack it names
        _p(
            "defence-commitment",
            rf"\b(?:reaffirm|reiterat|recommit)\w*\b(?=[^.;]{{0,200}}?\b(?:defen[cs]e\s+(?:treaty|pact|clause|commitments?|obligations?)|security\s+(?:treaty|guarantees?)|article\s+(?:5|five)))\b{_FRAME_TAIL}",
            "defence_commitment",
            "0334",
            frame=True,
        ),
        # "an attack on one is an attack on all": a mutual defence pledge among the group that says
        # it, each toward each of the others (0334, codebook rule 2: a conditional commitment)
        _p(
            "mutual-defence",
            r"\b(?:an?|any)\s+(?:armed\s+|military\s+)?(?:attack|aggression)\s+(?:on|against)\s+(?:any\s+)?one\b"
            r"[^.;]{0,120}?\b(?:attack|aggression)\s+(?:on|against)\s+(?:all(?:\s+of\s+(?:us|them))?|the\s+others?|"
            r"every\s+\w+|each\s+\w+|them\s+all|the\s+whole\s+\w+)\b",
            "defence_commitment",
            "0334",
            mutual=True,
        ),
        _p(
            "urge",
            rf"\b(?:urg{_V}|call(?:s|ed|ing)?\s+(?:on|upon)(?!\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)|appeal(?:s|ed|ing)?\s+to|press(?:ed|es|ing)?)\b{_FRAME_TAIL}",
            "appeal",
            "020",
            frame=True,
        ),
        _p("demand", rf"\bdemand(?:s|ed|ing)?\b{_FRAME_TAIL}", "demand", "100", frame=True),
        _p(
            "pressure",
            r"\b(?:put|puts|putting|exert\w*|pil\w*)\s+(?:\w+\s+)?pressure\s+on\b",
            "demand",
            "100",
        ),
        _p(
            "ask",
            rf"\bask(?:s|ed|ing)?\s+(?:\w+\s+){{1,5}}?(?:to|for)\b{_FRAME_TAIL}",
            "appeal",
            "020",
            frame=True,
        ),
        _p(
            "surveillance",
            # "a monitoring mission", "monitoring teams": observers, not surveillance of anyone
            r"\b(?:monitor(?:ing|ed|s)?\s+(?!(?:mission|missions|team|teams|group|groups|force|post|posts|body)\b)(?:of\s+)?"
            r"|sp(?:y|ied|ies|ying)\s+on|wiretap\w*|eavesdrop\w*\s+on)",
            "surveillance",
            "",
        ),
        _p("accuse", rf"\b(?:accus{_V}|blam{_V})\b{_FRAME_TAIL}", "accusation", "", frame=True),
        # "Colombia said Venezuelan soldiers had crossed the border": a wrong told of another actor,
        # in the speaker's words, is an accusation (112), never the other's act (codebook rule 2)
        _p(
            "said-wrong",
            r"\b(?:said|says|claimed|charged|alleged|insisted)\s+(?:that\s+)?(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+){1,3}"
            r"(?:[a-z-]+\s+){0,2}?(?:had|has|have|was|were)\s+(?:been\s+)?(?:(?:repeatedly|deliberately|illegally)\s+)?"
            r"(?:open(?:ed|ing)\s+fire|fir(?:ed|ing)\s+(?:on|at)|cross(?:ed|ing)\s+(?:in)?to|violat(?:ed|ing)|abus(?:ed|ing)|"
            r"attack(?:ed|ing)|shell(?:ed|ing)|smuggl(?:ed|ing)|interfer(?:ed|ing)|meddl(?:ed|ing)|spied|spying|"
            r"harbou?r(?:ed|ing)|shelter(?:ed|ing)|breach(?:ed|ing)|provok(?:ed|ing)|sabotag(?:ed|ing)|incit(?:ed|ing)|"
            rf"arm(?:ed|ing)\s+(?:the\s+)?(?:rebels|militias?|insurgents|separatists))\b{_FRAME_TAIL}",
            "accusation",
            "112",
            frame=True,
        ),
        # "Beijing answered that Washington was stirring up trouble": a reply about the other is an accusation
        _p(
            "retort",
            rf"\b(?:answer|repl|retort|respond|counter)(?:ed|ied)\s+that\b{_FRAME_TAIL}",
            "accusation",
            "",
            frame=True,
        ),
        _p("condemn", rf"\b(?:condemn{_V}|denounc{_V})\b", "condemnation", ""),
        _p(
            "criticize",
            rf"\b(?:critici[sz]{_V}|regrett?{_V}|lambast{_V}|castigat{_V}|censur{_V}|reprimand{_V}|slam(?:s|med|ming)?|blast(?:s|ed|ing)?|rebuk{_V}|mock{_V}|deplor{_V})\b",
            "criticism",
            "",
        ),
        # "denied it had abducted Turkish sailors", "denied abducting": the denial is the act (016), the
        # denied act inside it never is (codebook rule 3); its target is who the denied act names
        _p(
            "deny-act",
            r"\bden(?:y|ies|ied|ying)\s+(?:that\s+)?(?:(?:it|they|he|she|we|its\s+\w+|their\s+\w+)\s+)?"
            rf"(?:(?:had|has|have|ever)\s+)*(?:been\s+)?(?:having\s+)?[a-z]+(?:ed|ing)\b{_FRAME_TAIL}",
            "denial",
            "016",
            frame=True,
        ),
        _p(
            "deny",
            rf"\b(?:den(?:y|ies|ied|ying)|reject{_V}\s+(?:the|an?|these|those)\s+(?:\w+\s+)?(?:accusations?|charges?|allegations?|claims?))\b",
            "denial",
            "016",
        ),
        _p(
            "refuse-guarantee",
            r"\brefus\w*\s+to\s+provide\s+security\s+guarantees?\b",
            "security_guarantee_refusal",
            "",
        ),
        # "refused to praise Chile": the refusal is the act (codebook rule 3), what is refused is not
        _p("refuse-to", rf"\brefus{_V}\s+to\b{_FRAME_TAIL}", "rejection", "120", frame=True),
        _p("reject", rf"\b(?:reject{_V}|rebuff{_V})\b", "rejection", "120"),
        _p(
            "summon",
            rf"\bsummon{_V}\b{_CLAUSE}{{0,40}}?\b(?:ambassador|envoy|diplomats?|charg[eé] d'affaires)\b",
            "official_complaint",
            "114",
        ),
        _p(
            "protest",
            r"\blodg\w*\s+(?:a\s+)?(?:formal\s+|strong\s+)?(?:protest|complaint)\b"
            r"|\bprotest(?:s|ed|ing)\b(?!\s+(?:against|outside|in)\b)",
            "official_complaint",
            "114",
        ),
        _p(
            "sue",
            rf"\b(?:su(?:e|es|ed|ing)|fil{_V}\s+(?:a\s+)?(?:lawsuit|suit|complaint|case)|took\s+\w+\s+to\s+court)\b",
            "lawsuit",
            "",
        ),
        # material acts
        _p("detain", rf"\b(?:detain{_V}|arrest{_V}|impound{_V})\b", "detention", "173"),
        _p("seize", rf"\b(?:seiz{_V}|confiscat{_V})\b", "seizure", "1711"),
        _p("ram", r"\b(?:ram(?:s|med|ming)|collided\s+with)\b", "ramming", "171"),
        _p(
            "port-ban",
            r"\b(?:clos|shut|bar)\w*\s+(?:\w+\s+){0,2}?(?:ports?|harbou?rs?|airspace)\s+to\b",
            "port_ban",
            "163",
        ),
        _p(
            "tariff",
            rf"\b(?:impos|slap|levy|levi|rais|introduc|announc|put|hik)\w*\b{_CLAUSE}{{0,60}}?\b(?:tariffs?|duties|duty|levies|surtax(?:es)?|surcharges?)\b",
            "tariff",
            "",
        ),
        _p(
            "sanction",
            rf"\b(?:impos|slap|announc|introduc)\w*\b{_CLAUSE}{{0,40}}?\b(?:sanctions?|embargo(?:es)?|bans?)\b|\bsanction(?:s|ed|ing)?\b(?=\s+(?:the\s+)?[A-Z])",
            "sanction",
            "",
        ),
        _p(
            "export-restriction",
            rf"\b(?:restrict|curb|limit|ban|halt|suspend|block|tighten)\w*\b{_CLAUSE}{{0,40}}?\b(?:exports?|controls)\b",
            "export_restriction",
            "163",
        ),
        _p(
            "import-block",
            rf"\b(?:ban|block|halt|suspend|restrict|bar|freez|froze|stop|curb)\w*\b{_CLAUSE}{{0,40}}?\b(?:imports?|shipments|sales?\s+of)\b",
            "import_block",
            "163",
        ),
        _p(
            "blocked-acquisition",
            rf"\bblock\w*\b{_CLAUSE}{{0,60}}?\b(?:acquisition|takeover|merger|purchase|bid)\b",
            "blocked_acquisition",
            "",
        ),
        _p("retaliate", rf"\b(?:retaliat{_V}|counter(?:ed|s)?\s+with|hit(?:s)?\s+back)\b", "retaliation", ""),
        _p(
            "aid-suspension",
            # "will veto the next payment of EU funds to Ukraine": money held back is aid stopped (162)
            rf"\b(?:suspend|paus|cut|halt|freez|froze|stop|put\s+on\s+hold|withh[oe]ld|veto|block|hold\w*\s+up|held\s+up)"
            rf"\w*\b{_CLAUSE}{{0,40}}?\b(?:aid|assistance|funding|funds|budget\s+support|grants|loans|tranches?|"
            r"disbursements?|payments?\s+of\s+(?:[\w-]+\s+){0,3}?(?:funds|aid|money))\b",
            "aid_suspension",
            "",
        ),
        _p(
            "intelligence-cutoff",
            r"\b(?:stop|halt|cut|suspend)\w*\s+(?:off\s+)?(?:sharing\s+)?intelligence\b",
            "intelligence_cutoff",
            "",
        ),
        _p(
            "halt-talks",
            rf"\b(?:suspend|halt|break\s+off|broke\s+off|call\w*\s+off|walk\w*\s+out\s+of|freez|froze|pull\w*\s+out\s+of)\w*\b{_CLAUSE}{{0,30}}?\b(?:talks|negotiations)\b",
            "halt_negotiations",
            "164",
        ),
        _p(
            "downgrade",
            rf"\b(?:downgrad{_V}\b{_CLAUSE}{{0,30}}?\b(?:relations|ties)|(?:cut|sever{_V}|break|broke)\s+(?:off\s+)?(?:diplomatic\s+)?(?:relations|ties)|(?:recall{_V}|withdr[ae]w\w*)\s+(?:its\s+|their\s+)?(?:own\s+)?(?:top\s+)?(?:ambassador|envoy|high\s+commissioner|charg[eé]\s+d'affaires)s?)\b",
            "downgrade_relations",
            "161",
        ),
        _p(
            "expel",
            rf"\bexpel(?:s|led|ling)?\b{_CLAUSE}{{0,40}}?\b(?:diplomats?|ambassador|envoys?|officials|advis[eo]rs|attach[eé]s|staff|"
            r"personnel|nationals|citizens|journalists|correspondents|workers)\b",
            "expulsion",
            "174",
        ),
        _p(
            "listing",
            rf"\b(?:includ{_V}\b{_CLAUSE}{{0,30}}?\b(?:list|blacklist)|blacklist{_V})\b",
            "sensitive_country_listing",
            "",
        ),
        _p("bypass", rf"\bbypass{_V}\b", "diplomatic_bypass", ""),
        _p(
            "lift",
            rf"\b(?:lift|eas|remov|scrap|relax|roll\w*\s+back)\w*\b{_CLAUSE}{{0,40}}?\b(?:tariffs?|duties|levy|levies|surtax(?:es)?|sanctions|restrictions|embargo|ban|controls)\b",
            "easing",
            "085",
        ),
        _p(
            "phone",
            rf"\b(?:call{_V}|phon{_V}|telephon{_V})\s+(?:his|her|their|its)\s+(?:\w+\s+){{0,3}}counterparts?\b",
            "consultation",
            "041",
            mutual=True,
        ),
        _p(
            "praise",
            rf"\b(?:express\w*\s+(?:\w+\s+)?(?:support|solidarity)\s+(?:for|with)|sid{_V}\s+(?:\w+ly\s+)?with|prais{_V}|hail{_V}|commend{_V}|thank{_V}|congratulat{_V}|applaud{_V}|welcom{_V}|back(?:ed|s)|endors{_V}|support(?:ed|s))\b(?!\s+(?:down|off|away)\b)",
            "praise",
            "051",
        ),
        _p(
            "visit",
            rf"\b(?:visit{_V}|(?:made|paid|began|concluded|ended)\s+an?\s+(?:\w+\s+)?visit\s+to|travel{_V}\s+to|flew\s+to)\b",
            "visit",
            "042",
        ),
        _p("host", rf"\bhost{_V}\b", "host_visit", "043"),
        _p(
            "agreement",
            rf"\b(?:sign{_V}|reach{_V}|conclud{_V}|seal{_V}|struck|strik(?:e|es|ing))\b{_CLAUSE}{{0,40}}?\b(?:agreement|deal|accord|pact|treaty|memorandum|contract)s?\b",
            "agreement",
            "057",
            mutual=True,
        ),
        _p(
            "negotiate",
            rf"\b(?:negotiat{_V}|(?:held|hold{_V}|resum{_V}|began|begin|start{_V}|open{_V})\s+(?:\w+\s+)?talks(?:\s+with)?)\b",
            "negotiation",
            "",
            mutual=True,
        ),
        _p(
            "meet",
            rf"\b(?:met|meet(?:s|ing)?\s+with|contact(?:ed|s)|(?:spoke|talked)\s+(?:by\s+(?:phone|telephone)\s+)?(?:with|to)|consult{_V})\b",
            "consultation",
            "",
            mutual=True,
        ),
        # "sent two frigates to Crete for joint drills with the Greek navy"
        _p(
            "joint-drills",
            r"\bjoint\s+(?:[\w-]+\s+){0,2}?(?:drills|exercises?|patrols|manoeuvres|maneuvers)\s+with\b",
            "military_cooperation",
            "062",
        ),
        # "Turkey accepted the offer": an intent, from who accepts to who offered (unnamed: guessed)
        _p(
            "accept",
            rf"\baccept{_V}\s+(?:the|an?|its|their|his|her)\s+(?:\w+\s+)?(?:offer|proposal|invitation|mediation)\b",
            "acceptance",
            "038",
        ),
        # "called the EU measures 'economic bullying'": a label in quotes is disapproval
        _p(
            "call-names",
            r"\bcall(?:ed|s|ing)\s+(?:\w+\s+){1,4}?[\"\u201c][^\"\u201d]{1,60}[\"\u201d]",
            "criticism",
            "110",
        ),
        # the verb only: "X's cooperation with Y" is a standing relation, not an act (codebook rule 4)
        _p("cooperate", rf"\bcooperat{_V}\s+with\b", "cooperation", "", mutual=True),
        _p(
            "concede",
            rf"\b(?:made|make|making)\s+(?:\w+\s+)?concessions\b|\bback(?:ed|s)?\s+down\b|\byield{_V}\s+to\b",
            "concession",
            "",
        ),
        _p(
            "aid",
            rf"\b(?:provid|send|sent|deliver|give|gave)\w*\b{_CLAUSE}{{0,30}}?\b(?:aid|weapons|arms|assistance|support)\b",
            "aid",
            "070",
        ),
        _p(
            "attack",
            rf"\b(?:attack{_V}|bomb{_V}|shell{_V}|struck|strike[sd]?|invad{_V})\b",
            "military_attack",
            "190",
            passive_ok=True,
        ),
    )
    + LEXICON
    + VERBS
)  # the core phrases first: at one place and length, the earlier pattern wins


_COMPILED = [(p, re.compile(p.regex, re.IGNORECASE)) for p in PATTERNS]


@functools.cache
def _compiled(regex: str) -> re.Pattern:
    return re.compile(regex, re.IGNORECASE)


def _says(rule: WordRule, text: str) -> bool:
    """True when ``text`` has the words of ``rule``: a regex, or (first, then): ``then``
    somewhere after the first match of ``first``. Two searches, each linear in the text: a
    single ``first.*then`` regex backtracked from every ``first`` (quadratic on a long clause
    of "lift lift lift ...")."""
    if isinstance(rule, str):
        return _compiled(rule).search(text) is not None
    first = _compiled(rule[0]).search(text)
    return first is not None and _compiled(rule[1]).search(text, first.end()) is not None


@dataclass(frozen=True)
class Trigger:
    """A pattern matched in a sentence: ``start``..``verb_end`` is the phrase naming the act,
    ``end`` the end of what the pattern took in (a frame's complement)."""

    pattern: ActionPattern
    start: int
    verb_end: int
    end: int
    text: str


def _verb_end(pattern: ActionPattern, match: re.Match) -> int:
    """The end of the verb itself: its object, and so the target, may be inside the match
    ("summoned the Japanese ambassador")."""
    head = re.match(r"\w+(?:\s+(?:on|upon|to|that|of))?", match.group(0))
    return match.start() + (head.end() if head else 0)


def find_triggers(sentence: str) -> list[Trigger]:
    """The acts named in ``sentence``, left to right, none overlapping another (at one place
    the earliest-starting, then the longest match wins; a frame's complement hides the acts
    inside it)."""
    found = []
    for pattern, regex in _COMPILED:
        for match in regex.finditer(sentence):
            found.append(
                Trigger(pattern, match.start(), _verb_end(pattern, match), match.end(), match.group(0))
            )
    found.sort(key=lambda t: (t.start, -(t.end - t.start), PATTERNS.index(t.pattern)))
    kept: list[Trigger] = []
    for trigger in found:
        if kept and trigger.start < kept[-1].end:
            continue
        if kept and re.fullmatch(
            r"\s+(?:\w+\s+){0,2}(?:such\s+as|including|like)\s+", sentence[kept[-1].end : trigger.start]
        ):
            # "counter with measures such as banning ...": an example of the act before, not a new one
            last = kept[-1]
            kept[-1] = Trigger(
                last.pattern, last.start, last.verb_end, trigger.end, sentence[last.start : trigger.end]
            )
            continue
        kept.append(trigger)
    return kept


def refine(trigger: Trigger) -> tuple[str, str]:
    """(action, cameo) for a trigger, refined by the words of its complement."""
    pattern, text = trigger.pattern, trigger.text
    if pattern.name == "agree":
        # "agreed to extend sanctions on Russia": a decision taken is the measure, not a threat
        inner = [t for t in find_triggers(text[trigger.verb_end - trigger.start :]) if not t.pattern.frame]
        if inner:
            action, code = refine(inner[0])
            if (goldstein().get(code, 0.0) if code else action_defaults().get(action, ("", "", 0.0))[2]) < 0:
                return action, code
    if pattern.name == "call-names" and _says(PRAISE_LABEL, text) and not _says(BLAME_LABEL, text):
        return "praise", "051"  # "called it 'a historic step'": a label of approval, not disapproval
    if pattern.name == "refuse-to":
        for regex, action, code in REFUSAL_CODES:
            if _says(regex, text):
                return action, code
    if pattern.action == "threat":
        return threat_code(text)
    if pattern.action == "intent_to_cooperate":
        return intent_code(text)
    if pattern.action == "demand" or pattern.name == "ask":
        for regex, action, code in DEMAND_CODES[:2]:
            if _says(regex, text):
                return action, code
    if pattern.action == "demand":
        for regex, action, code in DEMAND_CODES[2:]:
            if _says(regex, text):
                return action, code
    if pattern.action == "appeal":
        for regex, action, code in APPEAL_CODES:
            if _says(regex, text):
                return action, code
    return pattern.action, pattern.cameo


def threat_code(text: str) -> tuple[str, str]:
    """(action, cameo) of a threat whose words are ``text``."""
    for regex, action, code in THREAT_CODES:
        if _says(regex, text):
            return action, code
    return "threat", "130"


def intent_code(text: str) -> tuple[str, str]:
    """(action, cameo) of a pledge or promise whose words are ``text``; a promise to punish is a threat."""
    for regex, action, code in INTENT_CODES:
        if _says(regex, text):
            return (action, code) if action is not None and code is not None else threat_code(text)
    return "intent_to_cooperate", "030"
