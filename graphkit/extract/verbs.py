"""Common wire-copy verbs, by CAMEO root category, that neither :mod:`.patterns` nor
:mod:`.lexicon` knew.

Made by going through the root categories of ``graphkit/data/cameo.tsv`` (02 Appeal to 19
Fight) and asking which common English verbs a news agency uses for each ("requested",
"was ready to", "decried", "turned down", "launched airstrikes on", "clashed with"). Each is
a lemma pattern (its inflections through :data:`.phrase.V` or an explicit list), mapped to
the category's "not specified" code unless the verb names a finer one. They come after the
core table and the lexicon, so at one place and length the older phrase wins. Every regex is
bounded inside one clause: linear in the sentence.
"""

from __future__ import annotations

from .phrase import CLAUSE, FRAME_TAIL, ActionPattern, V, pattern

__all__ = ["VERBS"]

_C = CLAUSE
_FORCES = (
    r"(?:troops|forces|soldiers|warships|frigates|destroyers|vessels|jets|fighter\s+jets|aircraft|bombers|"
    r"missiles|tanks|units|battalions|drones)"
)

VERBS: tuple[ActionPattern, ...] = (
    # 02 Appeal: "requested", "pleaded with", "implored" (refined by what is asked, as "urged")
    pattern(
        "request",
        rf"\b(?:request(?:s|ed|ing)?|plead(?:s|ed|ing)?\s+with|pled\s+with|implor{V}|entreat{V})\b"
        rf"(?=\s+(?:that\b|the\b|an?\b|(?-i:[A-Z]))){FRAME_TAIL}",
        "appeal",
        "020",
        frame=True,
    ),
    # 03 Express intent: "was ready to resume", "is prepared to", "committed to" (refined as a pledge)
    pattern(
        "ready",
        rf"\b(?:ready|willing|prepared)\s+to\b(?!\s+(?:be|do)\b){FRAME_TAIL}",
        "intent_to_cooperate",
        "030",
        frame=True,
        passive_ok=False,  # "was prepared to resume talks" is no passive
    ),
    pattern(
        "commit",
        rf"\b(?:commit(?:s|ted|ting)?|undert(?:ook|ake|akes|aking))\s+(?:itself\s+|themselves\s+)?to\b{FRAME_TAIL}",
        "intent_to_cooperate",
        "030",
        frame=True,
    ),
    # 10 Demand: "insisted that", "insisted on"
    pattern("insist", rf"\binsist(?:s|ed|ing)?\s+(?:that|on)\b{FRAME_TAIL}", "demand", "100", frame=True),
    # 04 Consult: a telephone call, a meeting held, matters discussed with
    pattern(
        "telephone",
        rf"\b(?:(?:tele)?phon{V}|rang)\s+(?=(?:the\s+)?(?-i:[A-Z]))"
        r"|\bheld\s+(?:an?\s+)?(?:\w+\s+){0,2}?(?:(?:tele)?phone\s+)?call\s+with\b",
        "consultation",
        "041",
        mutual=True,
    ),
    pattern(
        "hold-meeting",
        r"\b(?:held|hold(?:s|ing)?)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:meeting|consultations|discussions|summit)\s+with\b"
        rf"|\bdiscuss{V}\s+{_C}{{0,50}}?\bwith\b",
        "consultation",
        "040",
        mutual=True,
    ),
    pattern(
        "receive",
        r"\breceiv(?:ed|es|ing)\s+(?=(?:the\s+|a\s+)?(?:(?-i:[A-Z])|(?:\w+\s+){0,2}(?:counterpart|minister|president|"
        r"delegation|envoy|premier|chancellor)))",
        "host_visit",
        "043",
    ),
    # 05 Diplomatic cooperation: "lauded", "stood by", "reaffirmed its support for"
    pattern(
        "laud",
        rf"\b(?:laud{V}|extoll?{V}|st(?:ood|ands?|anding)\s+(?:firmly\s+|united\s+|[\"\u201c]?shoulder\s+to\s+shoulder[\"\u201d]?\s+|"
        r"side\s+by\s+side\s+)?(?:by|with)|reaffirm{V}\s+(?:its|their|his|her)\s+support\s+for)\b",
        "praise",
        "051",
    ),
    # 04 Mediate (045): "brokered a ceasefire between", "brokered talks between"
    pattern(
        "broker",
        r"\bbroker(?:ed|s|ing)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:ceasefire|cease-fire|truce|deal|agreement|"
        r"accord|talks|compromise|peace|settlement)\b",
        "mediation",
        "045",
    ),
    # 06 Material cooperation: intelligence shared
    pattern(
        "share-intelligence",
        r"\bshar(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,2}?(?:intelligence|information|data)\s+with\b",
        "intelligence_sharing",
        "064",
    ),
    # 07 Provide aid: humanitarian goods donated, shipped or airlifted
    pattern(
        "humanitarian-aid",
        rf"\b(?:donat{V}|ship(?:s|ped|ping)?|airlift{V}|dispatch{V}|sent|send(?:s|ing)?|deliver{V})\s+"
        r"(?:[\w$.,-]+\s+){0,4}?(?:humanitarian|food|medical|relief|emergency)\s+(?:aid|supplies|assistance|"
        r"shipments|convoys?|kits)\b",
        "humanitarian_aid",
        "073",
    ),
    # 08 Yield: troops pulled back, a truce declared, a veto or a blockade lifted
    pattern(
        "withdraw-forces",
        rf"\b(?:(?:withdr[ae]w\w*|pull(?:s|ed|ing)?\s+(?:out|back)|recall{V})\s+(?:[\w-]+\s+){{0,3}}?{_FORCES}\s+from\b"
        # "pulled their troops back", "pull its forces out of"
        rf"|pull(?:s|ed|ing)?\s+(?:[\w-]+\s+){{0,2}}?{_FORCES}\s+(?:back|out)\b)",
        "de_escalation",
        "087",
    ),
    pattern(
        "truce",
        r"\b(?:declar|announc|agree|observ|accept)\w*\s+(?:to\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:ceasefire|cease-fire|truce)\b",
        "ceasefire",
        "0871",
    ),
    pattern(
        "lift-other",
        r"\b(?:lift|end|drop|withdr[ae]w)\w*\s+(?:its\s+|their\s+|the\s+)?(?:[\w-]+\s+)?(?:veto|blockade|moratorium|"
        r"objections?|visa\s+requirements?|travel\s+ban)\b",
        "easing",
        "080",
    ),
    # 11 Disapprove: "decried", "assailed", "faulted", "objected to", "expressed regret at"
    pattern(
        "decry",
        rf"\b(?:decr(?:y|ies|ied|ying)|assail{V}|berat{V}|chid{V}|chided|fault{V}|scold{V}|excoriat{V}|"
        rf"upbraid{V}|admonish{V}|(?:hit|hits|hitting)\s+out\s+at|lash(?:ed|es|ing)?\s+out\s+at|"
        rf"t(?:ook|ake|akes|aking)\s+issue\s+with)\b",
        "criticism",
        "111",
    ),
    pattern(
        "object",
        rf"\b(?:object{V}\s+to|express{V}\s+(?:[\w-]+\s+){{0,2}}?(?:regret|dismay|displeasure|anger|outrage|"
        r"disappointment|alarm|indignation|disapproval|unhappiness|frustration)\s+(?:at|over|about|with|to)|"
        r"complain(?:s|ed|ing)?\s+(?:about|of|that))\b",
        "criticism",
        "110",
    ),
    # "called the ban unjustified", "described the move as illegal": a judgement without quotes
    pattern(
        "call-judgement",
        r"\b(?:call(?:ed|s|ing)|describ(?:ed|es|ing)|branded|labell?ed|term(?:ed|s))\s+(?:the|this|that|its|their|[\w-]+['\u2019]s)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:as\s+)?(?:an?\s+)?(?:unjustified|illegal|unlawful|unacceptable|unfair|discriminatory|absurd|"
        r"provocative|provocation|irresponsible|hostile|regrettable|baseless|groundless|arbitrary|violation|breach|"
        r"blackmail|aggression|interference)\b",
        "criticism",
        "110",
    ),
    pattern("complain-to", r"\bcomplain(?:s|ed|ing)?\s+to\b", "official_complaint", "114"),
    pattern(
        "allege",
        rf"\b(?:alleg{V}|charg(?:es|ed|ing))\s+that\b{FRAME_TAIL}",
        "accusation",
        "112",
        frame=True,
    ),
    # 16 (163) Embargo: "banned Australian cattle", "bans all Chinese apps": a state's goods banned
    pattern(
        "ban-goods",
        r"\bban(?:s|ned|ning)\s+(?=(?:all\s+|the\s+|some\s+)?(?-i:[A-Z])[\w-]+\s+(?-i:[a-z]))",
        "import_block",
        "163",
    ),
    # 12 Reject: "turned down", "spurned", "snubbed"; a membership or a resolution blocked is a veto
    pattern(
        "turn-down",
        rf"\b(?:t(?:urn|urned|urns|urning)\s+down|spurn{V}|snub(?:s|bed|bing)?)\b",
        "rejection",
        "120",
    ),
    pattern(
        "block-bid",
        rf"\bblock(?:s|ed|ing)?\b{_C}{{0,50}}?\b(?:membership|accession|entry\s+into|application|resolution|"
        r"candidacy|opening\s+of|proposal|nomination)\b",
        "veto",
        "129",
    ),
    # 13 Threaten: an ultimatum
    pattern(
        "ultimatum",
        r"\b(?:issu|gave|give|giv|deliver|set|present)\w*\s+(?:[\w-]+\s+){0,3}?ultimatum\b",
        "ultimatum",
        "139",
    ),
    # 15 Exhibit force posture: forces sent near another's territory, drills around it, alerts
    pattern(
        "deploy-near",
        rf"\b(?:deploy{V}|sent|send(?:s|ing)?|dispatch{V}|mov{V}|mass{V}|station{V}|position{V})\s+"
        rf"(?:[\w-]+\s+){{0,3}}?{_FORCES}\s+(?:[\w-]+\s+){{0,3}}?(?:near|off|along|around|close\s+to)\b",
        "military_posture",
        "150",
    ),
    pattern(
        "drills-near",
        rf"\b(?:held|hold(?:s|ing)?|launch{V}|stag{V}|conduct{V}|began|begin|start{V})\s+(?:[\w-]+\s+){{0,3}}?"
        r"(?:drills|exercises|manoeuvres|maneuvers|war\s+games)\s+(?:[\w-]+\s+){0,3}?(?:near|off|around|close\s+to|encircling)\b",
        "military_posture",
        "150",
    ),
    # 16 Reduce relations: cooperation or contacts suspended, a visit called off
    pattern(
        "suspend-cooperation",
        r"\b(?:suspend|froze|freez|halt|cut|end|scal\w*\s+back|downgrad)\w*\s+(?:[\w-]+\s+){0,3}?"
        r"(?:cooperation|contacts|dialogue|exchanges|military\s+ties)\s+with\b",
        "reduce_relations",
        "160",
    ),
    pattern(
        "cancel-visit",
        r"\b(?:cancel\w*|call\w*\s+off|postpon\w*|scrap\w*)\s+(?:an?\s+|the\s+|its\s+|his\s+|her\s+|a\s+planned\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:visit|trip|meeting|summit)\s+(?:to|with|in)\b",
        "reduce_relations",
        "160",
    ),
    # 17 Coerce: jailed, visas revoked, entry refused, a ship boarded
    pattern("jail", rf"\b(?:jail{V}|imprison{V})\b", "detention", "173"),
    pattern(
        "revoke",
        r"\b(?:revok|cancel|withdr[ae]w|strip)\w*\s+(?:[\w-]+\s+){0,3}?(?:visas?|licen[cs]es?|accreditations?|"
        r"credentials|permits?|landing\s+rights)\b"
        r"|\b(?:denied|deny|denies|denying|refused|barred)\s+entry\s+to\b"
        # "barred the Lithuanian lorries from leaving": movement refused (172)
        r"|\b(?:barr(?:ed|ing)|bars?|prevent(?:ed|s|ing)?)\s+(?:[\w'-]+\s+){1,5}?from\s+(?:leaving|entering|crossing|"
        r"using|landing|docking|transiting)\b",
        "administrative_sanction",
        "172",
    ),
    pattern(
        "board",
        r"\bboard(?:ed|s|ing)\s+(?:an?\s+|the\s+|two\s+|three\s+)?(?:[\w-]+\s+){0,2}?(?:vessels?|ships?|tankers?|trawlers?|boats?|freighters?)\b",
        "coercion",
        "170",
    ),
    # 18 Assault: abductions and killings of a state's people
    pattern("abduct", rf"\b(?:abduct{V}|kidnap(?:s|ped|ping)?)\b", "abduction", "181"),
    pattern("assassinate", rf"\bassassinat{V}\b", "assassination", "186"),
    # 19 Fight: strikes launched on, fire exchanged, clashes, a ceasefire broken
    pattern(
        "launch-strikes",
        rf"\b(?:launch{V}|carr(?:y|ied|ies|ying)\s+out|conduct{V}|mount{V}|fir(?:e|ed|es|ing))\s+(?:[\w-]+\s+){{0,3}}?"
        r"(?:air\s*strikes|airstrikes|strikes|attacks|raids|offensive|missiles|rockets|drones|shells|artillery)"
        r"\s+(?:[\w-]+\s+){0,2}?(?:on|against|at|into|across)\b",
        "military_attack",
        "190",
    ),
    pattern(
        "clash",
        # "clashed with", or two sides named before "clashed" / "exchanged fire" (no "with")
        r"\b(?:(?:clash(?:ed|es|ing)?|exchang(?:e|ed|es|ing)\s+(?:[\w-]+\s+)?fire|skirmish(?:ed|es)?)\s+with\b"
        # ("clashed over tariffs", "clashed verbally" is a quarrel, not a fight)
        r"|(?:clashed|exchanged\s+(?:[\w-]+\s+)?fire|skirmished)\b(?!\s+(?:over|about|on|verbally|publicly)\b))",
        "armed_clash",
        "193",
    ),
    pattern(
        "violate-ceasefire",
        r"\b(?:violat\w*|breach\w*|broke|break(?:s|ing)?)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+)?(?:ceasefire|cease-fire|truce)\b",
        "ceasefire_violation",
        "196",
    ),
)
