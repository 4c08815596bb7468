"""What an action pattern is, and the regex pieces the pattern tables share."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CLAUSE", "FRAME_TAIL", "V", "ActionPattern", "pattern"]

CLAUSE = r"[^,;:.!?]"  # stays inside a clause
V = r"(?:s|es|ed|d|ing|e)?"  # a regular verb's endings (and the base form: "to invite")
# a frame's complement: the rest of the clause, not past "and"/"but"
FRAME_TAIL = rf"(?:{CLAUSE}(?!\band\b|\bbut\b))*"


@dataclass(frozen=True)
class ActionPattern:
    """A phrase naming an act. ``action`` is a taxonomy action or graphkit's own name (then
    ``cameo`` is set, so the weight comes from the code). ``frame`` patterns (threats,
    intents, appeals, demands, accusations) take in their complement up to the end of the
    clause, so an act named inside them ("threatened to impose sanctions") is not coded twice.
    ``mutual`` acts (meetings, agreements) between a pair of subjects go both ways."""

    name: str
    regex: str
    action: str
    cameo: str
    frame: bool = False
    mutual: bool = False
    passive_ok: bool = True


def pattern(name: str, regex: str, action: str, cameo: str = "", **kw) -> ActionPattern:
    return ActionPattern(name, regex, action, cameo, **kw)
