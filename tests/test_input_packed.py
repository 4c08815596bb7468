"""Compressed and overlong input, bounded for every reader (issue 24, round three):
verify's records and import-dyads' tables under the rules import-gdelt already kept.

- a compressed file unpacks to at most GRAPHKIT_MAX_INPUT bytes (2 GiB) in all;
- no line longer than 16 MiB is read whole, however the file is packed;
- a damaged gzip is a one-line error, never an internal one.
"""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

from click.testing import CliRunner

from graphkit.cli import main

from .verify_files import gdelt2_row

CLAIMS = "source,target,action,weight,date\nUSA,CAN,tariff_threat,-5.8,2025-03\n"
ROW = gdelt2_row(1, "2025-03-05", "USAGOV", "CANGOV", "1312", 3, -5.8, 2, "https://a.example/1")
LONG = b"x" * ((16 << 20) + 10)  # one line just past 16 MiB


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def claims(tmp_path: Path) -> Path:
    path = tmp_path / "claims.csv"
    path.write_text(CLAIMS)
    return path


def test_verify_refuses_an_overlong_first_line_without_reading_it_whole(tmp_path):
    record = tmp_path / "record.tsv"
    record.write_bytes(LONG)
    result = run("verify", str(claims(tmp_path)), "--record", str(record))
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"graphkit: {record}:1: line longer than 16 MiB: a record this long is not event data; check the file's line ends\n"
    )


def test_verify_refuses_an_overlong_line_inside_a_gzip_record_at_its_line(tmp_path):
    record = tmp_path / "record.tsv.gz"
    # GDELT is read in blocks of 8 MiB: a line is refused once 16 MiB of it is held, so
    # it is never gathered whole (a line of 16-24 MiB may end first, and is then malformed)
    record.write_bytes(gzip.compress((ROW + "\n").encode() + LONG * 3 + b"\n"))
    result = run("verify", str(claims(tmp_path)), "--record", str(record))
    assert result.exit_code == 2
    assert f"{record}:2: line longer than 16 MiB" in result.stderr


def test_an_icews_record_with_an_overlong_line_is_refused_at_its_line(tmp_path):
    from .verify_files import ICEWS_HEADER

    record = tmp_path / "icews.tab"
    record.write_bytes("\t".join(ICEWS_HEADER).encode() + b"\n" + LONG + b"\n")
    result = run("verify", str(claims(tmp_path)), "--record", str(record))
    assert result.exit_code == 2
    assert f"{record}:2: line longer than 16 MiB" in result.stderr


def test_verify_bounds_what_a_gzip_record_unpacks_to(tmp_path):
    # one event, then 2 MB of blank lines: 2 KB packed, past a bound of 1 MiB unpacked
    record = tmp_path / "bomb.tsv.gz"
    record.write_bytes(gzip.compress((ROW + "\n").encode() + b"\n" * (2 << 20)))
    result = run("verify", str(claims(tmp_path)), "--record", str(record), env={"GRAPHKIT_MAX_INPUT": "1M"})
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"graphkit: {record}: unpacks to more than 1 MiB: this may be a decompression bomb"
    )
    # within the bound it is read
    assert run("verify", str(claims(tmp_path)), "--record", str(record)).exit_code == 0


def test_verify_bounds_a_zip_record_as_a_whole(tmp_path):
    # two members of 700 KB each: each under 1 MiB, together over it
    record = tmp_path / "bomb.zip"
    with zipfile.ZipFile(record, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("a.tsv", "b.tsv"):
            archive.writestr(name, ROW + "\n" + "\n" * 700_000)
    result = run("verify", str(claims(tmp_path)), "--record", str(record), env={"GRAPHKIT_MAX_INPUT": "1M"})
    assert result.exit_code == 2
    assert f"unpacks to more than 1 MiB (at {record}/b.tsv)" in result.stderr


DYADS = ["--source", "i", "--target", "j", "--time", "year", "--hostile", "c"]


def test_import_dyads_bounds_what_a_gzip_table_unpacks_to(tmp_path):
    table = tmp_path / "dyads.csv.gz"
    table.write_bytes(gzip.compress(b"i,j,year,c\n" + b"USA,CAN,2020,1\n" * 100_000))  # 1.5 MB
    out = tmp_path / "out"
    result = run("import-dyads", str(table), *DYADS, "-o", str(out), env={"GRAPHKIT_MAX_INPUT": "1M"})
    assert result.exit_code == 2
    assert "unpacks to more than 1 MiB" in result.stderr
    assert not out.exists()


def test_import_dyads_says_a_damaged_gzip_is_damaged(tmp_path):
    table = tmp_path / "dyads.csv.gz"
    table.write_bytes(gzip.compress(b"i,j,year,c\nUSA,CAN,2020,1\n")[:-12])  # cut short
    result = run("import-dyads", str(table), *DYADS, "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"graphkit: {table}: cannot decompress (")
    assert "internal error" not in result.stderr
