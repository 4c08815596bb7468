"""PLOVER beside CAMEO: each CAMEO code's PLOVER event type and mode, and PLOVER's scores.

PLOVER (Political Language Ontology for Verifiable Event Records, the Open Event
Data Alliance's successor to CAMEO) codes an event as a type (``THREATEN``), a mode
(how or what: ``restrict``) and a context. The mapping from CAMEO is the published
CAMEO-to-PLOVER table (``graphkit/data/CAMEO2PLOVER-2021.txt``, PLOVER manual draft
0.8, CC BY-SA 4.0, see ``graphkit/data/SOURCES.md``); the scores are the manual's
table of PLOVER conflict--cooperation scores. docs/scales.md says how graphkit uses
both and where it goes beyond them.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = [
    "AUXILIARY_MODES",
    "PLOVER_QUAD",
    "PLOVER_SCORES",
    "PLOVER_TYPES",
    "plover_of",
    "plover_score",
    "plover_table",
]

#: PLOVER's event types, most cooperative first as the manual lists them.
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

#: Each type's "Quad category" in the manual: 1 verbal cooperation, 2 material
#: cooperation, 3 verbal conflict, 4 material conflict (GDELT's QuadClass numbers).
PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip

#: The manual's "PLOVER conflict--cooperation scores" (-10..10): a type alone, or
#: ``TYPE:mode``. One reading: the table prints ACCUSE alone as 3, a dropped minus
#: sign (ACCUSE is verbal conflict and each of its modes scores -2 to -3.5), read as -3.
PLOVER_SCORES: dict[str, float] = {
    "AGREE": 2.5,
    "CONSULT": 2.5, "CONSULT:visit": 4, "CONSULT:third-party": 1, "CONSULT:multilateral": 4,
    "CONSULT:phone": 1.5,
    "SUPPORT": 5, "CONCEDE": 4.5, "COOPERATE": 9.5, "AID": 10,
    "RETREAT": 6.5, "RETREAT:withdraw": 8, "RETREAT:release": 6.5, "RETREAT:disarm": 10,
    "RETREAT:ceasefire": 7.5, "RETREAT:access": 6.5, "RETREAT:resign": 4.5,
    "REQUEST": 0, "REQUEST:assist": 0.5, "REQUEST:change": -1, "REQUEST:yield": -1, "REQUEST:meet": 0,
    "ACCUSE": -3, "ACCUSE:disapprove": -2, "ACCUSE:investigate": -3.5, "ACCUSE:allege": -3.5,
    "REJECT": -2, "REJECT:assist": -1.5, "REJECT:change": -2, "REJECT:yield": -2, "REJECT:meet": -2,
    "THREATEN": -3.5, "THREATEN:restrict": -3, "THREATEN:arrest": -3.5, "THREATEN:relations": -3.5,
    "THREATEN:expel": -3.5, "THREATEN:territory": -4, "THREATEN:violence": -3.5,
    "PROTEST": -5, "PROTEST:demo": -5, "PROTEST:riot": -7, "PROTEST:strike": -5,
    "PROTEST:hunger": -4.5, "PROTEST:boycott": -4.5, "PROTEST:obstruct": -4.5,
    "SANCTION": -6, "SANCTION:convict": -6, "SANCTION:expel": -5.5, "SANCTION:withdraw": -6,
    "SANCTION:discontinue": -6,
    "MOBILIZE": -5.5, "MOBILIZE:troops": -6.5, "MOBILIZE:weapons": -6.5, "MOBILIZE:police": -5.5,
    "MOBILIZE:militia": -6,
    "COERCE": -7, "COERCE:seize": -7, "COERCE:restrict": -7, "COERCE:censor": -6.5,
    "COERCE:curfew": -6.5, "COERCE:martial-law": -7.5, "COERCE:arrest": -7, "COERCE:deport": -7,
    "COERCE:withhold": -7, "COERCE:misinformation": -6.5, "COERCE:cyber": -7,
    "ASSAULT": -9, "ASSAULT:abduct": -8.5, "ASSAULT:beat": -7.5, "ASSAULT:torture": -8.5,
    "ASSAULT:sexual": -8.5, "ASSAULT:targeted": -9.5, "ASSAULT:destroy": -8.5,
    "ASSAULT:primitive": -8, "ASSAULT:firearms": -9, "ASSAULT:explosives": -9,
    "ASSAULT:suicide-attack": -9.5, "ASSAULT:aerial": -9.5, "ASSAULT:drone": -9.5,
    "ASSAULT:heavy-weapons": -9.5, "ASSAULT:crowd-control": -7.5, "ASSAULT:unconventional": -10,
}  # fmt: skip

#: PLOVER's auxiliary modes (manual, "Auxiliary modes"), which say whether a
#: reported event is real and done; graphkit adds ``hedged`` (reported with a hedge).
AUXILIARY_MODES = ("historical", "future", "hypothetical", "negation", "hedged")

_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*)")


@cache
def plover_table() -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode) for every row of the published table
    (codes of three or four digits; the two-digit lines are headings). Modes are
    lower case, spaces stripped, ``""`` where the table gives none."""
    text = (resources.files("graphkit") / "data" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")
    table: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        match = _LINE.match(line)
        if match:
            code, kind, mode = match.groups()
            table.setdefault(code, (kind, mode.strip().lower()))
    return table


def plover_of(cameo: str) -> tuple[str, str]:
    """The PLOVER (type, mode) of a CAMEO code, ``("", "")`` when PLOVER has no event for it.

    A code in the published table takes its row. The table has no row for CAMEO's
    roots 01 (public statements: PLOVER codes no event for them) and 02 (appeals):
    graphkit maps an appeal to ``REQUEST`` (the manual: REQUEST is "all requests,
    demands, and orders"), with no mode. A code missing from the table otherwise
    takes its three-digit parent's row.

    >>> plover_of("163"), plover_of("1312"), plover_of("022"), plover_of("010")
    (('COERCE', 'restrict'), ('THREATEN', 'restrict'), ('REQUEST', ''), ('', ''))
    """
    if not isinstance(cameo, str):
        from .errors import ArgumentError

        raise ArgumentError("cameo", f"must be a CAMEO code as text ('163', '022'), not {cameo!r}")
    table = plover_table()
    if cameo in table:
        return table[cameo]
    if cameo.startswith("02"):
        return ("REQUEST", "")
    if len(cameo) == 4 and cameo[:3] in table:
        return table[cameo[:3]]
    return ("", "")


def plover_score(kind: str, mode: str = "") -> float:
    """The PLOVER score of a type and mode: the manual's ``TYPE: Mode`` score where
    it gives one, else the type's. 0.0 for no type (no PLOVER event).

    >>> plover_score("THREATEN", "territory"), plover_score("THREATEN", "ban"), plover_score("")
    (-4.0, -3.5, 0.0)
    """
    if not kind:
        return 0.0
    return float(PLOVER_SCORES.get(f"{kind}:{mode}", PLOVER_SCORES[kind]))
