"""The text formats every report shares."""

from __future__ import annotations

import csv
import io
import json

import numpy as np
import pandas as pd

from graphkit.io.formatting import format_frame

FRAME = pd.DataFrame(
    {
        "actor": ["KOR", "A|B", "multi\nline"],
        "strain": [32.8, -0.0, np.nan],
        "tiny": [1e-7, 0.1234567, 2e16],
        "count": [7, 0, 12],
    }
)


def test_csv_rounds_floats_and_keeps_one_decimal():
    assert format_frame(FRAME, "csv") == (
        "actor,strain,tiny,count\n"
        "KOR,32.8,0.0,7\n"
        "A|B,0.0,0.123457,0\n"  # -0.0 prints as 0.0; six decimals at most
        '"multi\nline",,20000000000000000.0,12\n'  # NaN is an empty cell; no exponent form
    )


def test_table_aligns_numbers_right_and_text_left():
    assert format_frame(FRAME, "table").splitlines() == [
        "actor       strain                 tiny  count",
        "KOR           32.8                  0.0      7",
        "A|B            0.0             0.123457      0",
        "multi line          20000000000000000.0     12",  # 10 + 2 + 6 (empty) + 2
    ]


def test_markdown_escapes_pipes_and_newlines():
    assert format_frame(FRAME, "markdown").splitlines() == [
        "| actor | strain | tiny | count |",
        "| --- | ---: | ---: | ---: |",
        "| KOR | 32.8 | 0.0 | 7 |",
        "| A\\|B | 0.0 | 0.123457 | 0 |",
        "| multi line |  | 20000000000000000.0 | 12 |",
    ]


def test_json_records_use_plain_values():
    assert json.loads(format_frame(FRAME, "json")) == [
        {"actor": "KOR", "strain": 32.8, "tiny": 0.0, "count": 7},
        {"actor": "A|B", "strain": 0.0, "tiny": 0.123457, "count": 0},
        {"actor": "multi\nline", "strain": None, "tiny": 2e16, "count": 12},
    ]


def test_empty_frames_keep_their_header():
    empty = FRAME.head(0)
    assert format_frame(empty, "csv") == "actor,strain,tiny,count\n"
    assert format_frame(empty, "table") == "actor  strain  tiny  count\n"
    assert format_frame(empty, "json") == "[]\n"


def test_infinities_near_ties_and_exact_floats():
    frame = pd.DataFrame({"x": [np.inf, -np.inf, 2.5891675, 1e-05, -0.0]})
    # rounded: Python's round decides the near-tie, as in JSON
    assert format_frame(frame, "csv").splitlines()[1:] == ["inf", "-inf", "2.589167", "0.00001", "0.0"]
    # exact: every digit, as repr writes them (what pandas' to_csv prints)
    assert format_frame(frame, "csv", exact=True).splitlines()[1:] == [
        "inf",
        "-inf",
        "2.5891675",
        "1e-05",
        "-0.0",
    ]


def test_csv_quotes_carriage_returns(run, write_csv):
    path = write_csv(b'source,target,action,quote\r\nUSA,CAN,tariff,"a\rb"\r\n')
    out = run("export", path, "--level", "action", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows[0]["quote"] == "a\rb"
