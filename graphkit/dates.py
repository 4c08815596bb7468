"""Dates as intervals: the days a YYYY, YYYY-MM or YYYY-MM-DD date covers.

One model for every command that reads time (the date filters, timelines, panels,
``graphkit verify``): a row dated ``2024`` happened some time between 2024-01-01
and 2024-12-31, a row dated ``2024-03`` some time in March 2024, and an optional
``date_end`` column states a range (``date`` 2024, ``date_end`` 2025 is
2024-01-01..2025-12-31). Intervals are closed: ``start`` is the first day and
``end`` the last day covered. Undated rows have neither (``NaT``).
"""

from __future__ import annotations

import calendar
import re

import numpy as np
import pandas as pd

from .errors import ArgumentError

__all__ = [
    "DATE_END_COLUMN",
    "date_intervals",
    "date_mistake",
    "date_readings",
    "edge_intervals",
    "in_window",
    "parse_bound",
]

#: The optional edge column that states where a range of dates ends.
DATE_END_COLUMN = "date_end"

# ASCII digits only; year 0000 does not exist in Python's (proleptic Gregorian) calendar
#: A date as graphkit writes it: YYYY, YYYY-MM or YYYY-MM-DD (whether the day exists aside).
DATE_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_DATE = DATE_PATTERN


def _days(dates: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """First and last day (``datetime64[D]``, NaT where not a real date) of each date,
    computed once per distinct value: event data repeat a few thousand dates a million times."""
    codes, uniques = pd.factorize(dates)
    first = np.full(len(uniques), np.datetime64("NaT"), dtype="datetime64[D]")
    last = first.copy()
    for i, value in enumerate(uniques):
        match = _DATE.match(value)
        if not match or value.startswith("0000"):
            continue
        _, month, day = match.groups()
        try:
            if day:
                first[i] = last[i] = np.datetime64(value, "D")
            elif month:
                first[i] = np.datetime64(value, "M").astype("datetime64[D]")
                last[i] = (np.datetime64(value, "M") + 1).astype("datetime64[D]") - 1
            else:
                first[i] = np.datetime64(value, "Y").astype("datetime64[D]")
                last[i] = (np.datetime64(value, "Y") + 1).astype("datetime64[D]") - 1
        except ValueError:  # 2024-02-30, 2024-13
            continue
    missing = codes < 0
    first_rows, last_rows = first[codes], last[codes]
    first_rows[missing] = last_rows[missing] = np.datetime64("NaT")
    return first_rows, last_rows


def date_intervals(date: pd.Series, date_end: pd.Series | None = None) -> pd.DataFrame:
    """The first and last day each row's date covers.

    Parameters
    ----------
    date : Series of str
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or ``""`` for an undated row.
    date_end : Series of str, optional
        Where a stated range ends, in the same forms; ``""`` where the row states none.
        The range ends on the last day ``date_end`` covers.

    Returns
    -------
    DataFrame
        ``start`` and ``end`` (``datetime64[s]``, both days included), indexed as
        ``date``; ``NaT`` in both where the row is undated or its date does not exist.

    Examples
    --------
    >>> import pandas as pd
    >>> spans = date_intervals(pd.Series(["2024", "2024-02", "2024-03-05", ""]))
    >>> [f"{s:%Y-%m-%d}..{e:%Y-%m-%d}" for s, e in spans.dropna().itertuples(index=False)]
    ['2024-01-01..2024-12-31', '2024-02-01..2024-02-29', '2024-03-05..2024-03-05']
    >>> spans = date_intervals(pd.Series(["2024"]), pd.Series(["2025"]))
    >>> f"{spans.end.iat[0]:%Y-%m-%d}"
    '2025-12-31'
    """
    start, end = _days(date.astype(str))
    if date_end is not None:
        date_end = date_end.astype(str).reindex(date.index).fillna("")
        _, stated = _days(date_end)
        end = np.where(date_end.to_numpy() != "", stated, end)
    end = np.where(np.isnat(start), np.datetime64("NaT"), end)
    # seconds, not pandas' default nanoseconds, whose range ends in 1677 and 2262
    unit = "datetime64[s]"
    return pd.DataFrame({"start": start.astype(unit), "end": end.astype(unit)}, index=date.index)


def edge_intervals(edges: pd.DataFrame) -> pd.DataFrame:
    """:func:`date_intervals` of an edges table: its ``date`` column and, where the
    table has one, its ``date_end`` column."""
    date_end = edges[DATE_END_COLUMN] if DATE_END_COLUMN in edges.columns else None
    return date_intervals(edges["date"], date_end)


def date_mistake(value: str, column: str = "date") -> str:
    """What is wrong with ``value``, a date that :func:`real_dates` refuses: a day,
    month or year that does not exist (``2024-04-31``), else a malformed date.

    >>> date_mistake("2024-04-31")
    "date '2024-04-31' does not exist (April 2024 has 30 days): use YYYY, YYYY-MM or YYYY-MM-DD"
    """
    fix = "use YYYY, YYYY-MM or YYYY-MM-DD"
    quarter = _QUARTER.match(value.strip())
    if quarter and column == "date":  # a quarter is a range of three months: date and date_end
        year = int(quarter.group(2) or quarter.group(3))
        first = 3 * int(quarter.group(1) or quarter.group(4)) - 2
        return (
            f"malformed date {value!r}: a quarter is a range: write date '{year:04d}-{first:02d}' and "
            f"date_end '{year:04d}-{first + 2:02d}' (dates are YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    if not _DATE.match(value):
        readings = date_readings(value)
        if len(readings) == 1:
            return (
                f"malformed {column} {value!r}: write {readings[0]!r} (dates are YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        if len(readings) == 2:
            return (
                f"malformed {column} {value!r}: write {readings[0]!r} if the day comes first, "
                f"{readings[1]!r} if the month does (dates are YYYY, YYYY-MM or YYYY-MM-DD)"
            )
        return f"malformed {column} {value!r}: {fix}"
    year, month, day = (int(part) for part in (value + "-01-01")[:10].split("-"))
    if year == 0:
        why = "there is no year 0"
    elif not 1 <= month <= 12:
        why = "months run from 01 to 12"
    elif day == 0:
        why = f"days run from 01 to {calendar.monthrange(year, month)[1]} in {calendar.month_name[month]} {year}"
    else:
        why = f"{calendar.month_name[month]} {year} has {calendar.monthrange(year, month)[1]} days"
    return f"{column} {value!r} does not exist ({why}): {fix}"


_MONTHS = {m.casefold(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.casefold(): i for i, m in enumerate(calendar.month_abbr) if m
}
_SEP = r"[-/.\u2010-\u2015\u2212 ]"  # hyphen, slash, dot, the Unicode dashes and minus, space
_YEAR_FIRST = re.compile(rf"^([0-9]{{4}}){_SEP}([0-9]{{1,2}})(?:{_SEP}([0-9]{{1,2}}))?(?:[T ][0-9:.]+Z?)?$")
_YEAR_LAST = re.compile(rf"^([0-9]{{1,2}}){_SEP}([0-9]{{1,2}}){_SEP}([0-9]{{4}})$")
_QUARTER = re.compile(r"^(?:Q([1-4])[\s/-]*([0-9]{4})|([0-9]{4})[\s/-]*Q([1-4]))$", re.IGNORECASE)
_COMPACT = re.compile(r"^([0-9]{4})([0-9]{2})([0-9]{2})$")
_WORDS = re.compile(
    r"^(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?(?:\s+([0-9]{1,2})(?:st|nd|rd|th)?)?,?\s+([0-9]{4})$"
)


def _iso(year: int, month: int, day: int | None = None) -> str | None:
    """``year``-``month``(-``day``) as graphkit writes it, or None when the calendar lacks it."""
    if year < 1 or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def date_readings(value: str) -> list[str]:
    """The dates a value written another way may mean, as graphkit writes them: one
    (``2024/4/1``, ``20240412``, ``April 2024``, ``12 April 2024``, ``2024-04-12T10:00``)
    or, for a day and month either of which may come first, two (``12/04/2024``: day
    first, then month first); none when it reads as no real date.

    >>> date_readings("2024-4-1"), date_readings("12/04/2024"), date_readings("13/04/2024")
    (['2024-04-01'], ['2024-04-12', '2024-12-04'], ['2024-04-13'])
    """
    text = value.strip()
    if match := _YEAR_FIRST.match(text) or _COMPACT.match(text):
        year, month, day = match.groups()
        found = _iso(int(year), int(month), int(day) if day else None)
        return [found] if found else []
    if match := _YEAR_LAST.match(text):
        first, second, year = (int(part) for part in match.groups())
        readings = [_iso(year, second, first), _iso(year, first, second)]  # day first, then month first
        return list(dict.fromkeys(r for r in readings if r))
    if match := _WORDS.match(text):
        before, word, after, year = match.groups()
        month = _MONTHS.get(word.casefold())
        day = before or after
        found = (
            _iso(int(year), month, int(day) if day else None) if month and not (before and after) else None
        )
        return [found] if found else []
    return []


def parse_bound(value: str, argument: str, *, last: bool) -> np.datetime64:
    """The first day (or, with ``last``, the last day) a date bound covers.

    ``parse_bound("2024-02", "until", last=True)`` is 2024-02-29: a bound written to a
    month or a year covers all of it. A bound that is not a real date raises
    :class:`~graphkit.errors.ArgumentError` naming ``argument``.
    """
    if not isinstance(value, str):
        raise ArgumentError(argument, f"{value!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    if not _DATE.match(value):
        raise ArgumentError(argument, date_mistake(value).removeprefix("malformed date "))
    first, final = _days(pd.Series([value]))
    day = (final if last else first)[0]
    if np.isnat(day):
        raise ArgumentError(argument, date_mistake(value).removeprefix("date "))
    return day.astype("datetime64[s]")


def in_window(
    intervals: pd.DataFrame,
    since: str | None = None,
    until: str | None = None,
    *,
    overlap: bool = False,
) -> np.ndarray:
    """Which rows' intervals lie inside ``since``..``until`` (both days included).

    By default a row is inside when its whole interval is: a row dated ``2024``
    lies inside ``since="2024"`` but not inside ``since="2024-05"``, so two
    adjacent periods never both count it. With ``overlap`` a row is kept when its
    interval shares at least one day with the bounds. Undated rows are never inside
    (what to do with them is the caller's choice, and it must say how many there were).
    A missing bound is open.

    Examples
    --------
    >>> import pandas as pd
    >>> spans = date_intervals(pd.Series(["2024", "2024-06", ""]))
    >>> in_window(spans, since="2024-05").tolist()
    [False, True, False]
    >>> in_window(spans, since="2024-05", overlap=True).tolist()
    [True, True, False]
    """
    start, end = intervals["start"].to_numpy(), intervals["end"].to_numpy()
    keep = ~np.isnat(start)
    low = parse_bound(since, "since", last=False) if since else None
    high = parse_bound(until, "until", last=True) if until else None
    if low is not None and high is not None and low > high:
        raise ArgumentError(
            "since", f"{since!r} is after until {until!r}: give since before until", also=("since", "until")
        )
    if overlap:
        if low is not None:
            keep &= end >= low
        if high is not None:
            keep &= start <= high
    else:
        if low is not None:
            keep &= start >= low
        if high is not None:
            keep &= end <= high
    return keep
