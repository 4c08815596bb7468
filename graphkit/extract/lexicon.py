"""More phrases for acts, read from CAMEO's own event descriptions (graphkit/data/cameo.tsv).

Each entry is an English phrasing of a CAMEO event type that the core table
(:mod:`.patterns`) does not know: "Reduce or break diplomatic relations" (161) also as a
treaty suspended or embassies cut back, "Expel or deport individuals" (174) also as
diplomats ordered to leave, "Impose administrative sanctions" (172) as a border closed,
"Cooperate economically" (061) as purchases expanded or gas supplied, and so on. They
come after the core phrases, so at one place and length the core phrase wins. Every
regex is bounded (``{0,n}`` windows inside one clause): linear in the sentence.
"""

from __future__ import annotations

from .phrase import CLAUSE, ActionPattern, V, pattern

__all__ = ["LEXICON"]

_C = CLAUSE
# what people and goods a state holds or lets go: crews, nationals, vessels
_HELD = (
    r"(?:crews?|detainees?|prisoners?|sailors|fishermen|nationals|citizens|hostages?|journalists?|soldiers|"
    r"servicemen|captives|troops|"
    r"vessels?|ships?|tankers?|trawlers?|boats?)"
)

LEXICON: tuple[ActionPattern, ...] = (
    # 161 Reduce or break diplomatic relations: a treaty suspended, embassies cut back
    pattern(
        "treaty-suspension",
        r"\b(?:suspend\w*|froze|freez\w*|renounc\w*|withdr[ae]w\w*\s+from|pull\w*\s+out\s+of|tore\s+up|scrap\w*)"
        r"\s+(?:[\w-]+\s+){0,4}?(?:treaty|agreement|accord|pact)\b",
        "treaty_suspension",
        "161",
    ),
    pattern(
        "embassy-cut",
        r"\b(?:reduc|cut|downsiz|clos|shut|scal\w*\s+back)\w*\s+(?:[\w-]+\s+){0,3}?"
        r"(?:embass(?:y|ies)|consulates?|diplomatic\s+(?:staff|presence|missions?))\b",
        "downgrade_relations",
        "161",
    ),
    # 174 Expel or deport individuals
    pattern("deport", rf"\bdeport{V}\b", "expulsion", "174"),
    pattern(
        "order-leave",
        r"\b(?:order\w*|gave|give[sn]?|giving|told|tells?)\s+(?:[\w-]+\s+){0,5}?"
        r"(?:diplomats?|ambassadors?|envoys?|officials|staff|personnel|nationals|citizens|residents|traders|"
        r"workers|migrants|journalists|correspondents|inspectors|observers|monitors|peacekeepers|troops|attach[eé]s?)\s+"
        r"(?:[\w-]+\s+){0,4}?to\s+leave\b",
        "expulsion",
        "174",
    ),
    pattern(
        "persona-non-grata", r"\bdeclar\w*\s+(?:[\w-]+\s+){1,6}?persona\s+non\s+grata\b", "expulsion", "174"
    ),
    # 172 Impose administrative sanctions: a border closed to the neighbour
    pattern(
        "border-closure",
        r"\b(?:clos|shut|seal)\w*\s+(?:[\w-]+\s+){0,3}?(?:borders?|border\s+crossings?|crossings?|bridges)\b",
        "border_closure",
        "172",
    ),
    # 124 Refuse to yield: a stated refusal to lift or ease a measure (codebook rule 3)
    pattern(
        "refuse-ease",
        r"\b(?:(?:would|will|did|does|do)\s+not|won't|refus\w*\s+to|declin\w*\s+to)\s+"
        r"(?:lift|ease|remove|end|scrap|drop|withdraw|relax|reverse)\b",
        "refusal_to_yield",
        "124",
    ),
    # 120 Reject: a stated refusal to recognise is an act (codebook rule 3)
    pattern(
        "non-recognition",
        r"\b(?:(?:would|will|did|does|do)\s+not|won't|refus\w*\s+to|declin\w*\s+to)\s+recogni[sz]e\b",
        "rejection",
        "120",
    ),
    # 054 Grant diplomatic recognition: "recognised Kosovo", "recognised the Palestinian state"
    pattern("recognize", r"\brecogni[sz](?:ed|es|ing)\s+(?=(?:the\s+)?[A-Z])", "recognition", "054"),
    # 120 Reject: a protest, a charge or a demand dismissed
    pattern(
        "dismiss",
        rf"\b(?:dismiss{V}|brush\w*\s+aside|shrugg?\w*\s+off)\s+(?:the|an?|these|those|its|their|his|her)\s+"
        r"(?:[\w-]+\s+)?(?:protests?|complaints?|accusations?|charges?|allegations?|claims?|criticism|"
        r"concerns?|demands?|requests?|calls?|proposals?|offers?)\b",
        "rejection",
        "120",
    ),
    # 163 Impose embargo, boycott or sanctions: a measure kept, extended or renewed is imposed again
    pattern(
        "keep-measure",
        rf"\b(?:kept|keep\w*|maintain\w*|extend\w*|renew\w*|prolong\w*|tighten\w*)\s+{_C}{{0,40}}?"
        r"\b(?:bans?|sanctions?|embargo(?:es)?|tariffs?|duties|restrictions|blockade)\b",
        "sanction",
        "163",
    ),
    # "cut gas supplies to the bloc": an embargo on what was supplied
    pattern(
        "supply-cut",
        r"\b(?:cut|halt|stop|suspend|reduc|curtail|shut\s+off|turn\w*\s+off)\w*\s+(?:[\w-]+\s+){0,3}?"
        r"(?:supplies|deliveries|flows?)\b",
        "sanction",
        "163",
    ),
    pattern(
        "boycott", r"\bboycott(?:s|ed|ing)\b(?!\s+(?:of|by)\b)|\bto\s+boycott\b", "sanction", "163"
    ),  # not the noun
    pattern(
        "freeze-assets",
        r"\b(?:froze|freez\w*)\s+(?:[\w-]+\s+){0,4}?(?:assets|funds|accounts)\b",
        "sanction",
        "163",
    ),
    # 1211 Reject economic cooperation: a firm excluded, a contract cancelled
    pattern(
        "exclude",
        rf"\b(?:exclud{V}|bar(?:s|red|ring)?|ban(?:s|ned|ning)?)\s+(?:[\w-]+\s+){{1,5}}?from\s+"
        r"(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+)?(?:tenders?|bids?|contracts?|projects?|markets?|auctions?|networks?)\b",
        "exclusion",
        "1211",
    ),
    pattern(
        "cancel-contract",
        r"\b(?:cancel\w*|terminat\w*|scrap\w*|tore\s+up|rip\w*\s+up)\s+(?:[\w-]+\s+){0,5}?"
        r"(?:contracts?|deals?|orders?|purchases?|projects?|licen[cs]es?)\b",
        "contract_cancellation",
        "1211",
    ),
    # 061 Cooperate economically: trade expanded, goods supplied or bought
    pattern(
        "trade-expand",
        r"\b(?:expand|increas|boost|doubl|step\w*\s+up|rais|resum)\w*\s+(?:[\w-]+\s+){0,3}?"
        r"(?:purchases|imports|exports|investments?|trade|sales|deliveries|shipments)\s+(?:from|with|to|in)\b",
        "economic_cooperation",
        "061",
    ),
    pattern(
        "supply",
        r"\b(?:suppl(?:y|ies|ied|ying)|sell(?:s|ing)?|sold)\s+(?:[\w-]+\s+){0,4}?to\b",
        "economic_cooperation",
        "061",
    ),
    pattern(
        "buy",
        r"\b(?:bought|buy(?:s|ing)?|purchas\w*|import(?:s|ed|ing))\s+(?:[\w-]+\s+){0,4}?from\b",
        "economic_cooperation",
        "061",
    ),
    # 071 Provide economic aid
    pattern(
        "loan",
        r"\b(?:lent|lend\w*|grant\w*|provid\w*|extend\w*|approv\w*|offer\w*)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:loans?|credit\s+lines?|credits?|financing|bail-?outs?)\b",
        "economic_aid",
        "071",
    ),
    pattern(
        "lend",
        r"\b(?:lend(?:s|ing)?|lent)\b(?!\s+(?:support|weight|credence|its\s+voice)\b)",
        "economic_aid",
        "071",
    ),
    # 110 Disapprove: concern expressed over what another did
    pattern(
        "concern",
        r"\b(?:express|voic|rais)\w*\s+(?:\S+\s+){0,3}?concerns?\W*\s+(?:over|about|at|regarding)\b",
        "criticism",
        "110",
    ),
    # 114 Complain officially: complaints filed or lodged, however many
    pattern(
        "file-complaint",
        r"\b(?:fil|lodg)(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:formal\s+)?(?:complaints|protests)\b",
        "official_complaint",
        "114",
    ),
    # 110 Disapprove, told as a state of mind: "was disappointed by", "is deeply concerned about"
    pattern(
        "dismay",
        r"\b(?:is|was|were|are|been|felt)\s+[\"\u201c]?(?:(?:deeply|very|gravely|seriously|extremely)\s+)?"
        r"(?:disappointed|concerned|dismayed|alarmed|troubled|displeased)[\"\u201d]?\s+(?:by|at|about|over|with)\b",
        "criticism",
        "110",
    ),
    # 090 Investigate: "opened an anti-dumping investigation into Chinese steel"
    pattern(
        "investigate",
        rf"\b(?:(?:launch|open|start|begin|began|initiat)\w*\s+(?:an?\s+)?(?:\S+\s+){{0,2}}?"
        rf"(?:investigation|inquiry|probe)\s+(?:into|of)|investigat{V})\b",
        "investigation",
        "090",
    ),
    # 055 Apologize; 075 Grant asylum; 045 Mediate
    pattern("apologize", rf"\bapologi[sz]{V}\s+to\b", "apology", "055"),
    pattern("asylum", r"\bgrant\w*\s+(?:political\s+)?asylum\s+to\b", "asylum", "075"),
    pattern("mediate", r"\bmediat(?:ed|es|ing)\s+between\b", "mediation", "045"),
    # 0841/0842 Return, release: crews, nationals, vessels let go
    pattern(
        "release",
        rf"\b(?:releas(?:e|es|ed|ing)|fre(?:e|es|ed|eing)|return(?:s|ed|ing)?)\s+{_C}{{0,40}}?\b{_HELD}\b",
        "release",
        "0841",
    ),
    # 170 Coerce: a mission or a ship raided
    pattern(
        "raid",
        # "forced their way into the embassy", "broke into its consulate": the same entry by force
        rf"\b(?:raid{V}|storm{V}|forc{V}\s+(?:their|its|his|her)\s+way\s+into|br(?:oke|eak|eaks|eaking)\s+into)\s+"
        r"(?:the\s+|an?\s+|its\s+)?(?:\S+\s+){0,2}?"
        r"(?:embass(?:y|ies)|consulates?|offices|headquarters|compound|vessels?|ships?|tankers?)\b",
        "coercion",
        "170",
    ),
    # 154 Mobilize or increase armed forces: troops massed at a neighbour's border
    pattern(
        "troop-buildup",
        r"\b(?:reinforc|mass|deploy|mobili[sz]|build\w*\s+up|station)\w*\s+(?:[\w-]+\s+){0,3}?"
        r"(?:troops|forces|soldiers|tanks|warships|units)\s+(?:on|along|at|to|near)\s+(?:the|its|their)\s+"
        r"(?:[\w-]+\s+)?border\s+with\b",
        "military_posture",
        "154",
    ),
    # 191 Impose blockade; 190 Use conventional military force
    pattern("blockade", rf"\bblockad{V}\b", "blockade", "191"),
    pattern(
        "open-fire",
        r"\b(?:opened\s+fire\s+on|fired\s+(?:[\w-]+\s+){0,3}?(?:on|at)|shot\s+down)\b",
        "military_attack",
        "190",
    ),
    # 080 Yield: a hostile measure postponed or suspended (codebook rule 9)
    pattern(
        "postpone-measure",
        r"\b(?:postpon|delay|defer|shelv|paus)\w*\s+(?:[\w-]+\s+){0,4}?"
        r"(?:bans?|sanctions|tariffs?|duties|restrictions|rules?|measures?|requirements?|embargo)\b",
        "postponement",
        "080",
    ),
    # 081 Ease administrative sanctions: a border, airspace or port reopened
    pattern(
        "reopen",
        r"\bre-?open\w*\s+(?:[\w-]+\s+){0,5}?(?:borders?|airspace|ports?|crossings?|embass(?:y|ies)|consulates?|markets?)\b",
        "easing",
        "081",
    ),
    # 129 Veto; 036 Express intent to meet (an invitation)
    pattern(
        "veto", r"\bveto(?:ed|es|ing)\b|\bto\s+veto\b", "veto", "129"
    ),  # not the noun: "welcomed the veto"
    pattern("invite", rf"\binvit{V}\s+(?=(?:the\s+)?[A-Z])", "invitation", "036"),
    # 050 Engage in diplomatic cooperation: ties restored or normalised, both ways
    pattern(
        "restore-ties",
        r"\b(?:restor|normali[sz]|re-?establish|upgrad)\w*\s+(?:[\w-]+\s+){0,2}?(?:relations|ties)\b",
        "diplomatic_cooperation",
        "050",
        mutual=True,
    ),
)
