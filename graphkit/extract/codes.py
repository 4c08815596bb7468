"""Words that pick a finer CAMEO code for an act a pattern found: what an appeal, a demand, a
threat, a pledge or a refusal is about, and whether a quoted label approves or disapproves."""

from __future__ import annotations

__all__ = [
    "APPEAL_CODES",
    "BLAME_LABEL",
    "DEMAND_CODES",
    "INTENT_CODES",
    "PRAISE_LABEL",
    "REFUSAL_CODES",
    "THREAT_CODES",
    "WordRule",
]

WordRule = str | tuple[str, str]  # a regex, or (first, then): ``then`` somewhere after ``first``

# words that turn an appeal or an intent into a finer CAMEO code, tried in order
APPEAL_CODES: tuple[tuple[WordRule, str, str], ...] = (
    (
        (
            r"\b(?:lift|ease|remove|drop|withdraw|scrap|repeal|revoke|cancel|end)\b",
            r"\b(?:sanctions|restrictions|duties|tariffs|embargo|ban)\b",
        ),
        "appeal",
        "0254",
    ),
    # the codebook (rule 2, e16): an appeal to embargo a third country asks for policy support
    (r"\bembargo\b", "embargo_appeal", "022"),
    (r"\b(?:restraint|de-?escalat\w*|calm|ceasefire|cease-fire)\b", "appeal", "0256"),
    # CAMEO's appeals to yield (025x, -0.3), by what they ask: forces pulled back or operations
    # halted (0256), a closure lifted (0251), people freed (0253)
    (
        (
            r"\b(?:withdraw\w*|pull\w*\s+(?:out|back)|halt|stop|end|cease)\b",
            r"\b(?:troops|forces|soldiers|military|operations|attacks|strikes|fighting|hostilities|offensive)\b",
        ),
        "appeal",
        "0256",
    ),
    (r"\bpull\w*\s+(?:(?:its|their|the)\s+)?(?:troops|forces|soldiers)\s+(?:out|back)\b", "appeal", "0256"),
    (r"\breopen\w*\b", "appeal", "0251"),
    # "to let humanitarian shipments through", "to allow aid convoys in": a closure eased (0251)
    (
        (r"\b(?:let|allow|permit)\b", r"\b(?:through|in|into|pass|access|entry|cross\w*|enter)\b"),
        "appeal",
        "0251",
    ),
    (r"\b(?:release|free)\b", "appeal", "0253"),
    # an appeal to take anything back (a ship, a claim): CAMEO 025 Appeal to yield (-0.3)
    (r"\b(?:withdraw|pull\w*\s+(?:out|back)|remove|recall|retract)\b", "appeal", "025"),
    (r"\b(?:settle|resolve|differences|dispute)\b", "appeal", "027"),
    (r"\b(?:negotiat\w*|talks|dialogue|meet)\b", "appeal", "026"),
    (r"\b(?:flexib\w*|reconsider|change|reverse|rethink|respect)\b", "appeal", "0242"),
)
DEMAND_CODES: tuple[tuple[WordRule, str, str], ...] = (
    (r"\b(?:troops|stationing|burden|defen[cs]e\s+spending|pay\s+more)\b", "burden_sharing_demand", ""),
    (r"\b(?:give\s+up|hand\s+over|cede|sell|territor\w*)\b", "territorial_demand", ""),
    (r"\bembargo\b", "embargo_pressure", ""),
    (r"\b(?:withdraw\w*|pull\w*\s+out)\b", "demand", "106"),
)
THREAT_CODES: tuple[tuple[WordRule, str, str], ...] = (
    (r"\b(?:tariffs?|duties|duty)\b", "tariff_threat", ""),
    (r"\baid\b|\bsupport\b|\bassistance\b|\bfunds\b|\bfunding\b|\btranches?\b", "aid_reduction_threat", ""),
    ((r"\b(?:withdraw\w*|pull\w*\s+out)\b", r"\btroops\b"), "troop_withdrawal_threat", ""),
    (r"\b(?:annex\w*|occup\w*|take\s+over|seiz\w*)\b", "annexation_threat", ""),
    (
        r"\b(?:sanction\w*|embargo\w*|boycott\w*|exports?|imports?|shipments?|supply|supplies|access)\b",
        "sanction_threat",
        "1312",
    ),
    (r"\b(?:missiles?|troops|military|force|attack\w*|strikes?|nuclear|war)\b", "military_threat", "138"),
    (r"\b(?:relations|ties|ambassador)\b", "threat", "1313"),
    (r"\b(?:talks|negotiations)\b", "threat", "134"),
)
INTENT_CODES: tuple[tuple[WordRule, str | None, str | None], ...] = (
    # "will lift sanctions on Belarus": an intent to ease (0354), never a threat for naming sanctions
    (
        (
            r"\b(?:lift|ease|remove|scrap|drop|suspend|end|relax|roll\s+back)\b",
            r"\b(?:sanctions|restrictions|tariffs|duties|embargo|ban|controls)\b",
        ),
        "easing_intent",
        "0354",
    ),
    (
        (
            r"\b(?:retaliat\w*|punish\w*|sanction\w*|tariffs?|counter\w*|respon[sd]\w*|reprisals?|consequences|"
            r"attack\w*|strik(?:e|es|ing)|force|war|fight\w*|destroy\w*|crush\w*|invad\w*|expel\w*|seiz\w*)\b"
        ),
        None,
        None,
    ),  # a threat, not an intent
    # a pledge to pull forces back or to de-escalate: 0356 Express intent to de-escalate military engagement
    (
        (
            r"\b(?:(?:pull\w*|withdraw\w*|mov\w*)\s+(?:[\w-]+\s+){0,2}?(?:troops|forces|soldiers|units)\s+"
            r"(?:back|out|away)|(?:withdraw\w*|pull\w*\s+(?:back|out))\s+(?:[\w-]+\s+){0,2}?"
            r"(?:troops|forces|soldiers|units)|de-?escalat\w*)\b"
        ),
        "intent_to_cooperate",
        "0356",
    ),
    (r"\b(?:troops|military|weapons|defen[cs]e|exercises?|soldiers)\b", "intent_to_cooperate", "0312"),
    (r"\baid\b|\bassistance\b", "aid_pledge", "033"),
    (
        (
            r"\b(?:invest\w*|euros|dollars|yen|billion|million|trade|economic|sales|oil|gas|minerals?|"
            r"buy\w*|purchas\w*|suppl\w*|imports?|exports?|sell\w*|credit|loans?)\b"
        ),
        "investment_pledge",
        "0311",
    ),
    (r"\b(?:mediat\w*|broker\w*|host\w*\s+(?:talks|a\s+meeting|negotiations))\b", "mediation_offer", "039"),
    (r"\b(?:meet\w*|talks|negotiat\w*|visit)\b", "intent_to_meet", "036"),
)


REFUSAL_CODES: tuple[tuple[WordRule, str, str], ...] = (
    (r"\bsecurity\s+guarantees?\b", "security_guarantee_refusal", ""),
    (r"\b(?:lift|ease|remove|end|scrap|drop|withdraw|relax|reverse)\b", "refusal_to_yield", "124"),
)
# what a label in quotes says: approval ("a historic step") or, by default, disapproval
PRAISE_LABEL = (
    r"\b(?:historic|positive|constructive|welcome|good|important|encouraging|breakthrough|milestone|"
    r"success\w*|landmark|great|excellent|friend\w*|partners?|model|step\s+forward|victory|win)\b"
)
BLAME_LABEL = (
    r"\b(?:mistake|error|blunder|betrayal|threat|illegal|unacceptable|provocat\w*|aggress\w*|shame\w*|"
    r"disgrace\w*|blackmail|bully\w*|hostile|insult\w*|absurd|lies?|not|no)\b"
)
