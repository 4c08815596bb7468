"""Dates as intervals: the days each date covers, and the window rule of the filters."""

import numpy as np
import pandas as pd
import pytest

from graphkit.dates import date_intervals, edge_intervals, in_window, parse_bound
from graphkit.errors import ArgumentError


def _days(spans):
    return [
        (s.date().isoformat(), e.date().isoformat()) if not pd.isna(s) else None
        for s, e in spans.itertuples(index=False)
    ]


def test_precision_sets_the_interval():
    # by hand: a year covers Jan 1..Dec 31, a month its first..last day (2024 is a leap year)
    spans = date_intervals(pd.Series(["2024", "2024-02", "2023-02", "2024-12-31", ""]))
    assert _days(spans) == [
        ("2024-01-01", "2024-12-31"),
        ("2024-02-01", "2024-02-29"),
        ("2023-02-01", "2023-02-28"),
        ("2024-12-31", "2024-12-31"),
        None,
    ]


def test_date_end_states_a_range_to_the_last_day_it_covers():
    # the codebook's "from 2024 to 2025": 2024-01-01..2025-12-31
    spans = date_intervals(pd.Series(["2024", "2024-03", "2024"]), pd.Series(["2025", "2024-04-10", ""]))
    assert _days(spans) == [
        ("2024-01-01", "2025-12-31"),
        ("2024-03-01", "2024-04-10"),
        ("2024-01-01", "2024-12-31"),
    ]


def test_days_outside_pandas_nanosecond_range_are_kept():
    # nanosecond timestamps end in 1677 and 2262; a date the validator accepts is never undated here
    assert _days(date_intervals(pd.Series(["0001", "1500-02", "9999-12"]))) == [
        ("0001-01-01", "0001-12-31"),
        ("1500-02-01", "1500-02-28"),
        ("9999-12-01", "9999-12-31"),
    ]


def test_days_that_do_not_exist_have_no_interval():
    assert _days(date_intervals(pd.Series(["2024-02-30", "2023-13", "0000", "20240"]))) == [None] * 4


def test_edge_intervals_reads_date_end_when_the_table_has_it():
    edges = pd.DataFrame({"date": ["2024"], "date_end": ["2026"]})
    assert _days(edge_intervals(edges)) == [("2024-01-01", "2026-12-31")]
    assert _days(edge_intervals(edges[["date"]])) == [("2024-01-01", "2024-12-31")]


def test_a_row_is_inside_a_window_only_wholly():
    # the case: a row dated 2024 must not pass both --since 2024-05 and --until 2024-03
    spans = date_intervals(pd.Series(["2024", "2024-06", "2024-03-15", ""]))
    assert in_window(spans, since="2024-05").tolist() == [False, True, False, False]
    assert in_window(spans, until="2024-03").tolist() == [False, False, True, False]
    assert in_window(spans, since="2024", until="2024").tolist() == [True, True, True, False]


def test_overlap_keeps_rows_sharing_a_day_with_the_window():
    spans = date_intervals(pd.Series(["2024", "2024-06", "2024-03-15", "2023-12-31", ""]))
    assert in_window(spans, since="2024-05", overlap=True).tolist() == [True, True, False, False, False]
    assert in_window(spans, until="2024-03", overlap=True).tolist() == [True, False, True, True, False]


def test_bounds_cover_their_whole_period():
    assert parse_bound("2024-02", "until", last=True) == np.datetime64("2024-02-29")
    assert parse_bound("2024", "since", last=False) == np.datetime64("2024-01-01")


@pytest.mark.parametrize("value", ["March", "2024-02-30", "0000", "24-01", "２０２４"])
def test_a_bound_that_is_not_a_date_names_its_parameter(value):
    with pytest.raises(ArgumentError) as raised:
        parse_bound(value, "since", last=False)
    assert raised.value.argument == "since"


def test_since_after_until_is_an_error_not_an_empty_window():
    spans = date_intervals(pd.Series(["2024"]))
    with pytest.raises(ArgumentError, match="after until"):
        in_window(spans, since="2025", until="2024")
