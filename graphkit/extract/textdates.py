"""Dates from the text itself (codebook rule 7: as precise as the text, never more).

The text's reference date is its dateline ("SYDNEY, 14 August 2024 - ...") or else its
first full date. Each sentence is dated by the first time phrase it has:

- a full date ("On 12 April 2024", "April 12, 2024", "2024-04-12"): YYYY-MM-DD;
- a month and year ("in April 2024"): YYYY-MM; a year after "in", "since", "early",
  "late", "mid-", "by", "during" ("in late 2020"): YYYY;
- a month or a day of a month without a year ("in July", "on 14 August"): the reference
  year, or the year before when that month is after the reference date's (a text dated
  in January telling of "December");
- a weekday ("on Saturday"), when the reference is a full date: the last such day on or
  before it (the news convention).

A dateline dates the report, not the acts: its own date is not a time phrase of its
sentence. "by December", "until May" name deadlines, not when an act happened.

A sentence without a time phrase takes the phrase of an earlier sentence of its paragraph
(the phrase opens an episode), at most to the month, then the reference year. Nothing is
taken from outside the text: with no date in the text the rows are undated.
"""

from __future__ import annotations

import datetime as dt
import re

from .sentences import Sentence

__all__ = ["reference_date", "sentence_dates"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY_MONTH_YEAR = re.compile(rf"\b([0-3]?[0-9])\s+{_MONTH}\s+((?:19|20)[0-9]{{2}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+([0-3]?[0-9]),?\s+((?:19|20)[0-9]{{2}})\b")
_ISO = re.compile(r"\b((?:19|20)[0-9]{2})-([01][0-9])-([0-3][0-9])\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+((?:19|20)[0-9]{{2}})\b")
_YEAR = re.compile(
    r"\b(?:in|since|early|late|mid-|by|during|until|from|of)\s+(?:(?:early|late|mid-?)\s*)?((?:19|20)[0-9]{2})\b(?!-)",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(rf"\b(?:on|from|since)\s+(?:([0-3]?[0-9])\s+{_MONTH}|{_MONTH}\s+([0-3]?[0-9]))\b")
_IN_MONTH = re.compile(rf"\b(?:in|since|during|from|early|late|mid-)\s+(?:early\s+|late\s+|mid-)?{_MONTH}\b")
_WEEKDAY = re.compile(r"\b(?:on|last|this)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# a dateline: "SYDNEY, 14 August 2024 -" or "WARSAW, June 2, 2026 -" at a paragraph's start
_DATELINE = re.compile(
    r"^[A-Z][A-Z .'\u00c0-\u00de-]+,\s+([^-\u2013\u2014\n]{6,40}?)\s*[-\u2013\u2014]", re.MULTILINE
)


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _full_date(text: str) -> tuple[dt.date, int] | None:
    """The first full date in ``text`` and where it starts, if it is a real day."""
    found = []
    for regex, order in ((_DAY_MONTH_YEAR, "dmy"), (_MONTH_DAY_YEAR, "mdy"), (_ISO, "iso")):
        match = regex.search(text)
        if match is None:
            continue
        a, b, c = match.groups()
        try:
            if order == "dmy":
                day = dt.date(int(c), _month(b), int(a))
            elif order == "mdy":
                day = dt.date(int(c), _month(a), int(b))
            else:
                day = dt.date(int(a), int(b), int(c))
        except ValueError:  # "31 April 2024" is no day
            continue
        found.append((match.start(), day))
    if not found:
        return None
    start, day = min(found)
    return day, start


def reference_date(text: str) -> dt.date | None:
    """The dateline's date, else the text's first full date, else None."""
    dateline = _DATELINE.search(text[:2000])
    if dateline:
        full = _full_date(dateline.group(1))
        if full:
            return full[0]
    full = _full_date(text)
    return full[0] if full else None


def _year_for(month: int, ref: dt.date) -> int:
    return ref.year - 1 if month > ref.month else ref.year


def _phrase(text: str, ref: dt.date | None) -> tuple[str, bool] | None:
    """(date, carried-whole) of the sentence's first time phrase, or None. A weekday's date
    is not carried to the sentences after it at the day's precision."""
    full = _full_date(text)
    if full:
        return full[0].isoformat(), True
    match = _MONTH_YEAR.search(text)
    if match:
        return f"{match.group(2)}-{_month(match.group(1)):02d}", True
    match = _YEAR.search(text)
    if match:
        return match.group(1), True
    if ref is None:
        return None
    match = _DAY_MONTH.search(text)
    if match:
        day, month = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        number = _month(month)
        try:
            return dt.date(_year_for(number, ref), number, int(day)).isoformat(), True
        except ValueError:
            return None
    match = _IN_MONTH.search(text)
    if match:
        number = _month(match.group(1))
        return f"{_year_for(number, ref)}-{number:02d}", True
    match = _WEEKDAY.search(text)
    if match:
        back = (ref.weekday() - _WEEKDAYS.index(match.group(1).lower())) % 7
        return (ref - dt.timedelta(days=back)).isoformat(), False
    return None


def sentence_dates(text: str, sentences: list[Sentence]) -> list[str]:
    """A date (YYYY, YYYY-MM, YYYY-MM-DD or "") for each of ``sentences`` of ``text``."""
    ref = reference_date(text)
    dates: list[str] = []
    episode, paragraph = "", -1
    for sentence in sentences:
        if sentence.paragraph != paragraph:
            episode, paragraph = "", sentence.paragraph
        words = sentence.text
        dateline = _DATELINE.match(words)
        if dateline:  # the report's date is not the date of the acts it tells
            words = words[dateline.end() :]
        found = _phrase(words, ref)
        if found:
            date, whole = found
            dates.append(date)
            episode = date if whole else date[:7]
            episode = episode[:7]  # carried to the next sentences at most to the month
        else:
            dates.append(episode or (str(ref.year) if ref else ""))
    return dates
