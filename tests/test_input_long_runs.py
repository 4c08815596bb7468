"""Long runs of one character in user text (spaces, blank lines) cost time linear in
their length (issue 24, round three: patterns that tried every character of a run
against its end took minutes on a few hundred kilobytes).

Size checks, not timings: each case runs in a child process under a generous bound
(seconds, where the quadratic code took minutes), so a regression fails instead of
hanging the suite.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.errors import ArgumentError
from graphkit.verification.claims import parse_period

BOUND_SECONDS = 60

EDGES = "source,target,action,weight,date,quote\nUSA,CAN,tariff,-5,2025-03-04,a tariff\n"


def graphkit(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "graphkit.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=BOUND_SECONDS,
        check=False,
    )


def edge_set(tmp_path: Path, description: str, actors: str = "") -> Path:
    folder = tmp_path / "coding"
    folder.mkdir()
    (folder / "edges.csv").write_text(EDGES)
    (folder / "source.txt").write_text("a tariff\n")
    (folder / "description.txt").write_text(description)
    if actors:
        (folder / "actors.csv").write_text(actors)
    return folder


@pytest.mark.parametrize(
    "description",
    [
        # 200 KB of blank lines: "^\s*period" tried every line start against every blank line after it
        "A coding.\n" + "\n" * 200_000 + "The end.\n",
        # a Period line of 100,000 spaces: "(.+?)\s*$" tried every space against the line's end
        "Period: 2025" + " " * 100_000 + "x\n",
    ],
    ids=["blank lines", "spaces in the period line"],
)
def test_verify_reads_a_long_description_in_linear_time(tmp_path, description):
    folder = edge_set(tmp_path, description)
    record = tmp_path / "record.csv"
    record.write_text(EDGES)
    done = graphkit("verify", str(folder), "--record", str(record), "--format", "csv", cwd=tmp_path)
    # the blank lines state no period; the long line states one that is not a date
    assert done.returncode in (0, 2), done.stderr
    assert "Traceback" not in done.stderr


def test_a_period_line_is_read_as_before(tmp_path):
    # by hand: the value is the rest of the line, stripped; the 2024..2025 range is kept whole
    from graphkit.verification.claims import _period_line

    assert _period_line("About.\n  period :  2024..2025  \r\nmore\n") == ("2024..2025", 19)
    assert _period_line("Period:\n\n 2025 \n") == ("2025", 10)  # the next line holding text
    assert _period_line("Period:   ") is None
    assert _period_line("no period here\n") is None


def test_a_long_period_text_is_refused_at_once(tmp_path):
    # "(\S+)\s*(?:\.\.|/|\s+to\s+)" tried every space against every split: 200,000 took minutes
    script = (
        "from graphkit.verification.claims import parse_period\n"
        "from graphkit.errors import ArgumentError\n"
        "try:\n    parse_period('2024' + ' ' * 200_000 + 'x')\n"
        "except ArgumentError:\n    print('refused')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=BOUND_SECONDS, check=False
    )
    assert done.stdout == "refused\n", done.stderr
    # the forms it reads are unchanged (ends worked out by hand)
    assert [str(d.date()) for d in parse_period(" 2024-03 / 2024-05 ")] == ["2024-03-01", "2024-05-31"]
    assert [str(d.date()) for d in parse_period("2024 to 2025")] == ["2024-01-01", "2025-12-31"]
    with pytest.raises(ArgumentError):
        parse_period("2024..x")


def test_a_table_with_a_name_of_60000_spaces_is_written(tmp_path):
    actors = "id,name\nUSA,United" + " " * 60_000 + "States\nCAN,Canada\n"
    folder = edge_set(tmp_path, "A coding.\n", actors)
    done = graphkit("strain", str(folder), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2  # header and one pair
    assert all(line == line.rstrip() for line in lines)  # no trailing white space, as before


# Dates as far apart as the format allows (0001 and 9999), on a handful of rows.
SPAN = (
    "source,target,action,weight,date\nA,B,tariff,-5,0001-01-01\nB,A,talks,3,9999-12-31\nA,C,talks,3,5000\n"
)
SPAN_ROW = "source,target,action,weight,date,date_end\nA,B,tariff,-5,0001-01-01,9999-12-31\n" * 1
SPAN_ROWS = SPAN_ROW + "A,B,tariff,-5,0001-01-01,9999-12-31\n" * 2


@pytest.mark.parametrize(
    ("args", "data", "expected"),
    [
        # 3 relationships... 2 chosen x 521,723 weeks: 30 s and 1.4 GB for three rows before
        (
            ["timeline", "--freq", "week"],
            SPAN,
            "the timeline of 2 relationships by week would be 1,043,446 cells",
        ),
        # one row spread over 521,723 weeks, each measured as a network: minutes before
        (["summary", "--by", "week"], SPAN_ROW, "the network measures by week would be 521,723 periods"),
        # three rows of 521,723 weeks each: 1,565,169 copies (every row-period)
        (["export", "--panel", "--freq", "week"], SPAN_ROWS, "would be 1,565,169 row-periods"),
    ],
    ids=["timeline", "summary", "panel"],
)
def test_tables_by_period_are_bounded_in_their_cells(tmp_path, args, data, expected):
    path = tmp_path / "span.csv"
    path.write_text(data)
    done = graphkit(args[0], str(path), *args[1:], cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert expected in done.stderr
    assert "choose a longer period (year)" in done.stderr


def test_verify_says_a_date_it_cannot_compare_is_out_of_its_range(tmp_path):
    claims = tmp_path / "claims.csv"
    claims.write_text(SPAN)
    good = tmp_path / "good.csv"
    good.write_text("source,target,action,weight,date\nA,B,tariff,-5,2020-01-01\n")
    expected = (
        "graphkit: span.csv:2: date '0001-01-01' lies outside 1677-09-22..2262-04-11, the days verify can "
        "compare (event data begins in 1979): correct the date, or leave the row out\n"
    )
    # as a claim and as a record event: before, "internal error: OutOfBoundsDatetime"
    for args in ([str(claims.rename(tmp_path / "span.csv")), "--record", str(good)],):
        done = graphkit("verify", *args, cwd=tmp_path)
        assert (done.returncode, done.stderr) == (2, expected)
    done = graphkit("verify", str(good), "--record", str(tmp_path / "span.csv"), cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, expected)
