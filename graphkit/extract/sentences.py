"""Split a text into sentences, keeping each sentence's place in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "split_sentences"]

# A full stop after one of these does not end a sentence ("Sept. 14", "U.S. officials", "Mr. Li").
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "sen",
    "rep",
    "gov",
    "st",
    "no",
    "vs",
    "etc",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "corp",
    "co",
    "ltd",
    "e.g",
    "i.e",
    "approx",
}
# a sentence ends at . ! or ? (possibly followed by closing quotes or brackets), then space and
# something that can open a sentence; or at a blank line
_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*(?=\s+["'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n""")


@dataclass(frozen=True)
class Sentence:
    """A sentence: ``text`` is exactly ``source[start:end]``; ``paragraph`` counts blank-line
    separated paragraphs from 0."""

    start: int
    end: int
    text: str
    paragraph: int


_LONGEST_ABBREVIATION = 12  # characters, dots included ("e.g", "approx", "U.S.A")
_ABBREVIATION_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _abbreviation_before(text: str, dot: int) -> bool:
    """True when the full stop at ``dot`` closes an abbreviation. Looks back at most
    ``_LONGEST_ABBREVIATION`` + 1 characters, so the split stays linear in the text however
    long its words are (a slice of ``text[:dot]`` per full stop was quadratic)."""
    start = dot
    while start > 0 and dot - start <= _LONGEST_ABBREVIATION and text[start - 1] in _ABBREVIATION_CHARS:
        start -= 1
    if start == dot or dot - start > _LONGEST_ABBREVIATION:
        return False  # no word, or a word too long to be an abbreviation
    token = text[start:dot].lower().strip(".")
    # initials and dotted acronyms: "U.S", "E.U", a single capital letter
    return token in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token)) or len(token) == 1


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order, trimmed of surrounding whitespace.

    A sentence ends at ``.``, ``!`` or ``?`` followed by whitespace and a capital, digit or
    opening quote, unless the full stop closes an abbreviation ("Sept.", "U.S.", "Mr."), and
    at every blank line (so a headline is a sentence of its own).

    >>> [s.text for s in split_sentences("The U.S. imposed duties on Sept. 4. Canada replied.")]
    ['The U.S. imposed duties on Sept. 4.', 'Canada replied.']
    """
    sentences: list[Sentence] = []
    start, paragraph = 0, 0
    for match in _END.finditer(text):
        is_break = match.group(0).startswith("\n")
        if not is_break and match.group(0)[0] == "." and _abbreviation_before(text, match.start()):
            continue
        _add(sentences, text, start, match.end() if not is_break else match.start(), paragraph)
        start = match.end()
        if is_break:
            paragraph += 1
    _add(sentences, text, start, len(text), paragraph)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, text[start:end], paragraph))
