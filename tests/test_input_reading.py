"""Reading input (issue 15, sections 2 and 4): one CSV contract (Python's csv
module, strict), read once and bounded; endless or binary input stopped early."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.cli import main
from graphkit.errors import EdgeSetError
from graphkit.io.csvfile import MAX_LINE_BYTES, read_csv_bytes, read_input

ROOT = Path(__file__).resolve().parent.parent

# Odd rows, each after the header "a,b,c". Each is read as Python's csv module
# (strict) reads it, or refused at its line when that module refuses it.
ODD_ROWS = [
    'x,b"c,y',  # a quote inside an unquoted field is a character
    '"x""y",b,c',  # a doubled quote inside a quoted field is one quote
    'x,"b\nc",y',  # a line break inside quotes
    'x,"",y',  # an empty quoted field
    ' "x",b,c',  # a quote after a space does not open a field
    "x,,",  # empty fields
    'x,"' + "q" * 200_000 + '",y',  # a 200 KB field (over Python's default field limit)
    "x,b,c\r",  # a carriage return before the line end
    "é,ü,\u00a0x\u00a0",  # non-ASCII text; NBSP is white space, stripped
    "x\\,b,c",  # a backslash is a character, not an escape
]
REFUSED_ROWS = [
    '"x"b,c,d',  # text after a closing quote (pyarrow alone would read "xb")
    '"x" ,b,c',  # a space after a closing quote
    'x,b,"c',  # an unclosed quote at the end of the file
    '"x\\"b",c,d',  # a backslash does not escape a quote
]


def python_reading(text: str) -> list[list[str]]:
    """What the contract says: Python's csv module, strict, blank records dropped, cells stripped."""
    records = [r for r in csv.reader(io.StringIO(text, newline=""), strict=True) if r]
    return [[cell.strip() for cell in record] for record in records]


@pytest.mark.parametrize("row", ODD_ROWS, ids=range(len(ODD_ROWS)))
@pytest.mark.parametrize("blank", [False, True], ids=["no-blank-line", "blank-line"])
def test_every_odd_row_reads_as_the_contract_says_with_or_without_a_blank_line(row, blank):
    # a blank line sent the old reader to its other parser; now it changes nothing but line numbers
    text = "a,b,c\n" + ("\n" if blank else "") + row + "\nlast,row,here\n"
    table = read_csv_bytes(text.encode("utf-8"), "t.csv")
    assert table.problems == []
    assert [list(table.frame.columns)] + table.frame.to_numpy().tolist() == python_reading(text)
    first = 3 if blank else 2
    assert table.lines.tolist() == [first, first + 1 + row.count("\n")]


@pytest.mark.parametrize("row", REFUSED_ROWS, ids=range(len(REFUSED_ROWS)))
@pytest.mark.parametrize("blank", [False, True], ids=["no-blank-line", "blank-line"])
def test_every_row_breaking_the_quoting_rules_is_refused_at_its_line(row, blank):
    text = "a,b,c\nok,ok,ok\n" + ("\n" if blank else "") + row + "\n"
    table = read_csv_bytes(text.encode("utf-8"), "t.csv")
    line = 4 if blank else 3
    assert [(p.line, p.message.split(" (")[0]) for p in table.problems] == [(line, "malformed CSV")]


def test_an_empty_header_cell_holding_values_is_a_problem_and_widths_are_checked_per_line():
    # values under no name cannot be carried to any output: the column is refused, not kept as ''
    table = read_csv_bytes(b"a,,c\n1,2,3\n\n4,5\n6,7,8\n", "t.csv")
    assert list(table.frame.columns) == ["a", "c"]
    assert table.frame.to_numpy().tolist() == [["1", "3"], ["6", "8"]]
    assert table.lines.tolist() == [2, 5]  # line 3 is blank, line 4 is short
    assert [str(p) for p in table.problems] == [
        "t.csv:4: expected 3 fields as in the header, found 2: quote any field that contains a comma",
        (
            "t.csv:1: column 2 has no name in the header but holds values ('2' on line 2): "
            "name it in the header, or delete the column"
        ),
    ]


def test_binary_input_is_refused_at_once():
    with pytest.raises(EdgeSetError) as caught:
        read_input(io.BytesIO(b"source,target\x00"), "<stdin>")
    assert str(caught.value) == (
        "<stdin>:1: binary data (a NUL byte at byte 14), not text: give a CSV file saved as UTF-8"
    )


def test_a_line_longer_than_the_limit_is_an_error_at_its_line():
    data = b"source,target,action\nA,B,x\n" + b"y" * (MAX_LINE_BYTES + 1) + b"\n"
    with pytest.raises(EdgeSetError) as caught:
        read_input(io.BytesIO(data), "<stdin>")
    assert caught.value.problems[0].line == 3
    assert "line longer than 16 MiB" in str(caught.value)


def test_a_stream_is_read_up_to_its_limit_and_no_further():
    class Endless(io.RawIOBase):
        served = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"a,b,c\n" * (len(buffer) // 6) + b"\n" * (len(buffer) % 6)
            self.served += len(buffer)
            return len(buffer)

    stream = Endless()
    with pytest.raises(EdgeSetError, match="more than 3,145,728 bytes from a stream"):
        read_input(stream, "<stdin>", limit=3 << 20)
    assert stream.served <= (3 << 20) + (1 << 20)  # one block past the limit at most


def test_endless_standard_input_stops_at_its_header():
    # `yes | graphkit strain -`: the first line has no source column, so nothing more is read
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "graphkit.cli", "strain", "-"],
            stdin=yes.stdout,
            capture_output=True,
            env=env,
            timeout=60,
            check=False,
        )
    finally:
        yes.kill()
        yes.wait()
    assert done.returncode == 2
    assert (
        done.stderr.decode().splitlines()[0]
        == "graphkit: <stdin>:1: the first line 'y' is not a header naming source, target and action (the file "
        "looks like a row of data (no header), or another tool's header): write a first line naming the columns, "
        "such as source,target,action (docs/format.md)"
    )


def test_validate_reads_a_fifo_once(tmp_path):
    fifo = tmp_path / "edges.fifo"
    os.mkfifo(fifo)
    text = "source,target,action\nUSA,CAN,tariff\n"
    writer = threading.Thread(target=lambda: fifo.write_text(text))
    writer.start()
    result = CliRunner().invoke(main, ["validate", str(fifo)])
    writer.join(timeout=30)
    assert result.exit_code == 0
    assert result.stderr == "edges: valid (1 edge, 2 actors)\n"


def test_blank_lines_before_the_header_are_skipped_by_both_readers():
    # found by the fuzz test: pyarrow's skip_rows counted the blank line as the header
    for data in (b"\nsource,target\nA,B\n", b'\n\nsource,target\n"A",B\n'):
        table = read_csv_bytes(data, "t.csv")
        assert list(table.frame.columns) == ["source", "target"]
        assert table.frame.to_numpy().tolist() == [["A", "B"]]
        assert table.lines.tolist() == [data.count(b"\n")]  # the last line


CELL_TEXT = st.text(alphabet=',"\r\n =+-@ab\x1bé\t\u00a0', max_size=8).map(str.strip)


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    st.integers(1, 4).flatmap(
        lambda n: st.lists(st.lists(CELL_TEXT, min_size=n, max_size=n), min_size=1, max_size=6)
    )
)
def test_what_graphkits_csv_writer_writes_its_reader_reads_back(rows):
    # cells without surrounding white space (the reader strips it, by its contract)
    import pandas as pd

    from graphkit.io.formatting import format_frame

    columns = [f"c{i}" for i in range(len(rows[0]))]
    frame = pd.DataFrame(rows, columns=columns, dtype=str)
    table = read_csv_bytes(format_frame(frame, "csv", exact=True).encode("utf-8"), "t.csv")
    assert table.problems == []
    assert table.frame.to_numpy().tolist() == rows


@pytest.mark.parametrize(
    "data",
    [
        b"a,b\rA,B\rC,D\r",
        b"a,b\r\n\r\nA,B\rC,D",
        b'a,b\nA,"x\ry"\n',
        b"a,b\nA,B\r\n\rC,D\n",
        b'\r\ra,b\rA,"q"\r',
    ],
)
def test_old_mac_line_ends_read_as_the_contract_says(data):
    # Python's csv module ends lines at \r\n, \r or \n; so do graphkit's line numbers
    table = read_csv_bytes(data, "t.csv")
    text = data.decode()
    assert table.problems == []
    assert [list(table.frame.columns)] + table.frame.to_numpy().tolist() == python_reading(text)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    starts, end = [], 0
    for record in reader:
        start, end = end + 1, reader.line_num
        if record:
            starts.append(start)
    assert table.lines.tolist() == starts[1:]


@settings(max_examples=500, derandomize=True, deadline=None)
@given(st.lists(st.text(alphabet='ab,"\n\r ', max_size=10), min_size=1, max_size=5))
def test_any_text_reads_as_the_csv_module_reads_it_or_is_refused_where_it_refuses(lines):
    # the fast structure (numpy, simple quotes) and the csv module must never disagree
    text = "a,b\n" + "\n".join(lines) + "\n"
    try:
        expected = python_reading(text)
    except csv.Error:
        expected = None
    table = read_csv_bytes(text.encode(), "t.csv")
    if expected is None:
        assert any(p.message.startswith("malformed CSV") for p in table.problems)
        return
    good = [r for r in expected[1:] if len(r) == 2]
    assert table.frame.to_numpy().tolist() == good
    assert len(table.problems) == len(expected) - 1 - len(good)  # one per record of the wrong width
