"""GDELT's fast path (pyarrow, a chunk at a time) gives what the line path gives, row for row."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import graphkit as gk
from graphkit.errors import EdgeSetError
from graphkit.record.gdelt_fast import PYTHON_SPACE, fast_read, gdelt_chunks, line_read, read_chunk

from .verify_files import GDELT2_COLUMNS, gdelt2_row

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "gdelt1_sample_events.tsv"


def same(fast, line) -> None:
    """Two chunk readings agree: events (values and types), problems, layouts, rows."""
    pd.testing.assert_frame_equal(fast[0].reset_index(drop=True), line[0].reset_index(drop=True))
    assert fast[1:] == line[1:]


def padded(row: str) -> str:
    """The row with spaces around its Actor2CountryCode."""
    fields = row.split("\t")
    at = GDELT2_COLUMNS.index("Actor2CountryCode")
    fields[at] = f" {fields[at]} "
    return "\t".join(fields)


def clean_rows(n: int) -> list[str]:
    """GDELT 2.0 rows as the bench writes them, with the untidy but valid fields real
    exports have: padded and lower-case actor codes, an empty SOURCEURL, a URL with
    spaces (some Unicode) around it, a region code (EEC), no actor at all."""
    rows = [
        gdelt2_row(100 + i, f"2025-0{1 + i % 9}-{10 + i % 19}", "USAGOV", "CANGOV", "1312", 3, -5.8, 1 + i % 3, f"https://a.example/{i}")
        for i in range(n)
    ]  # fmt: skip
    rows += [
        padded(gdelt2_row(90, "2024-02-29", "usa", "can", "172", 4, -5.0, 0, "")),
        gdelt2_row(91, "2025-12-31", "EEC", "RUS", "040", 1, 1.0, 2, "\u3000 https://b.example/é \u00a0"),
        gdelt2_row(92, "1979-01-01", "", "", "057", 1, 8.0, 1, "https://c.example/"),
        gdelt2_row(93, "2025-03-05", "DEU", "USA", "110", 3, -2.0, 12, " "),
    ]
    return rows


def test_python_space_is_what_str_strip_removes():
    assert PYTHON_SPACE == "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


def test_a_clean_gdelt2_chunk_takes_the_fast_path_and_reads_the_same():
    chunk = ("\n".join(clean_rows(40)) + "\n").encode()
    fast = fast_read(chunk)
    assert fast is not None  # the fast path took it
    same(fast, line_read("f", 1, chunk))
    events = fast[0].set_index("event_id")
    # worked by hand from the rows above: stripped and upper-cased actors, EEC kept as
    # written (the reader rolls it up), the ID when SOURCEURL is empty or only spaces
    assert events.loc["90", ["source", "target", "sources"]].tolist() == ["USA", "CAN", 1]
    assert events.loc["91", "ref"] == "https://b.example/é"
    assert events.loc["90", "ref"] == "GDELT event 90" and events.loc["93", "ref"] == "GDELT event 93"
    assert str(events.loc["90", "start"].date()) == "2024-02-29"


def test_the_real_gdelt1_sample_reads_the_same_both_ways():
    lines = SAMPLE.read_bytes().splitlines(keepends=True)
    wide = b"".join(line for line in lines if line.count(b"\t") == 57)
    narrow = b"".join(line for line in lines if line.count(b"\t") == 56)
    assert len(wide.splitlines()) == 509 and len(narrow.splitlines()) == 201
    for chunk in (wide, narrow):
        fast = fast_read(chunk)
        assert fast is not None
        same(fast, line_read("s", 1, chunk))
    # 57- and 58-field rows in one chunk, as the file has them, and interleaved
    mixed = b"".join(a + b for a, b in zip(wide.splitlines(keepends=True), narrow.splitlines(keepends=True)))
    for chunk in (SAMPLE.read_bytes(), mixed):
        fast = fast_read(chunk)
        assert fast is not None
        same(fast, line_read("s", 1, chunk))


def test_the_real_gdelt1_sample_reads_the_same_in_any_block_size():
    whole = gk.read_record(SAMPLE)
    for block_lines in (100, 509, 100_000):
        record = gk.read_record(SAMPLE, block_lines=block_lines)
        pd.testing.assert_frame_equal(record.events, whole.events)
        assert (record.days, record.formats, record.dropped) == (whole.days, whole.formats, whole.dropped)


def with_field(row: str, column: str, value: str) -> str:
    fields = row.split("\t")
    fields[GDELT2_COLUMNS.index(column)] = value
    return "\t".join(fields)


BAD = [
    ("EventCode", lambda r: with_field(r, "EventCode", "999"), "malformed GDELT row: EventCode '999'"),
    ("no such day", lambda r: with_field(r, "SQLDATE", "20250230"), "SQLDATE '20250230'"),
    ("Goldstein", lambda r: with_field(r, "GoldsteinScale", "-11.0"), "GoldsteinScale '-11.0'"),
    ("width", lambda r: r + "\textra", "expected 57, 58, 61 tab-separated fields (a GDELT event row), found 62"),
]  # fmt: skip


@pytest.mark.parametrize("kind, spoil, message", BAD, ids=[b[0] for b in BAD])
def test_a_malformed_row_sends_its_chunk_down_the_line_path(kind, spoil, message, tmp_path):
    rows = clean_rows(40)
    rows[9] = spoil(rows[9])  # line 10 of the file
    chunk = ("\n".join(rows) + "\n").encode()
    assert fast_read(chunk) is None
    line = line_read("f", 1, chunk)
    assert [(p.line, p.message.startswith(message) or message in p.message) for p in line[1]] == [(10, True)]
    same(read_chunk("f", 1, chunk), line)
    path = tmp_path / "export.CSV"
    path.write_bytes(chunk)
    with pytest.raises(EdgeSetError) as err:
        gk.read_record(path, block_lines=8)
    assert [p.line for p in err.value.problems] == [10]
    # skipped: the one bad row is left out and counted, in any block size
    records = [gk.read_record(path, skip_malformed=True, block_lines=n) for n in (8, 1000)]
    for record in records:
        assert [p.line for p in record.problems] == [10]
        assert sum(record.formats.values()) == len(rows) - (kind == "width")
        pd.testing.assert_frame_equal(record.events, records[0].events)


def test_untidy_lines_read_the_same_both_ways(tmp_path):
    rows = [row.encode() for row in clean_rows(12)]
    rows[3] = rows[3] + b"\r"  # a CRLF line end
    rows[5] = rows[5].replace(b"https://a.example/5", b"https://a.example/\xff5")  # a bad UTF-8 byte
    text = b"\n".join(rows[:7]) + b"\n\n  \n" + b"\n".join(rows[7:])  # blank lines, no last line end
    fast = read_chunk("f", 1, text)
    same(fast, line_read("f", 1, text))
    assert fast[1] == [] and fast[3] == len(rows)
    assert fast[0].set_index("event_id").loc["105", "ref"] == "https://a.example/\ufffd5"
    plain = tmp_path / "export.CSV"
    plain.write_bytes(text)
    packed = tmp_path / "export.CSV.zip"
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.write(plain, plain.name)
    for block_lines in (2, 5, 1000):
        for path in (plain, packed):
            record = gk.read_record(path, block_lines=block_lines)
            assert record.rows == len(rows)
            assert record.events["event_id"].tolist() == gk.read_record(plain).events["event_id"].tolist()


@pytest.mark.parametrize("block_lines, chunk_bytes", [(1, 7), (7, 3), (3, 10**6), (1000, 16), (1000, 10**6)])
def test_chunks_are_whole_lines_numbered_from_1(block_lines, chunk_bytes):
    # 101 lines "N\tx", the last without a line end; the first 5 bytes already read (the head)
    data = b"".join(b"%d\tx\n" % i for i in range(1, 101)) + b"101\tlast"
    chunks = list(gdelt_chunks(io.BytesIO(data[5:]), data[:5], block_lines, chunk_bytes))
    assert b"".join(chunk for _, chunk in chunks) == data
    for line, chunk in chunks:
        assert chunk.split(b"\t", 1)[0] == str(line).encode()  # each chunk starts at its line
        assert chunk.count(b"\n") <= block_lines and chunk.endswith((b"\n", b"last"))
