"""Text shown to people: control characters made visible, never obeyed."""

from __future__ import annotations

import re

__all__ = ["CONTROL", "escape_control", "normalize_ws"]

#: C0 and C1 controls, DEL, and the Unicode bidirectional overrides and isolates
#: (which can reorder what a terminal shows): a terminal would act on these.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_control(text: str, *, keep: str = "") -> str:
    """``text`` with each control character written as ``\\xHH`` (``\\uHHHH`` for the
    bidirectional controls), except the characters in ``keep`` (say ``"\\n"``).

    For human-facing output only (tables, Markdown, messages): the escape is not
    reversible, since backslashes are left as they are.

    >>> escape_control("evil\\x1b]0;title\\x07")
    'evil\\\\x1b]0;title\\\\x07'
    """
    if not CONTROL.search(text):
        return text
    if keep:
        return CONTROL.sub(lambda m: m.group() if m.group() in keep else _visible(m), text)
    return CONTROL.sub(_visible, text)


def normalize_ws(text: str) -> str:
    """``text`` with every run of whitespace collapsed to one space, and stripped.

    >>> normalize_ws("  a\\n\\t b  ")
    'a b'
    """
    return " ".join(text.split())
