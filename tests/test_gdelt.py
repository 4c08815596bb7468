"""graphkit import-gdelt on real GDELT 1.0 rows (tests/data/gdelt1_sample_events.tsv).

Expected values were read by eye from the raw lines named in the comments
(`sed -n 5p tests/data/gdelt1_sample_events.tsv | tr '\\t' '|'`), and the counts
were worked out with awk on the raw file, not with graphkit.
"""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from pathlib import Path

import pytest

from graphkit.edgeset import load_edge_set
from graphkit.errors import EdgeSetError, GraphkitError
from graphkit.interop.gdelt import read_gdelt

SAMPLE = Path(__file__).parent / "data" / "gdelt1_sample_events.tsv"


def rows_by_id(csv_text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(csv_text))}


@pytest.fixture(scope="module")
def imported(run) -> tuple[str, str]:
    result = run("import-gdelt", SAMPLE)
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def test_rows_checked_by_hand(imported):
    rows = rows_by_id(imported[0])
    # raw line 5 (58 fields): 564111684, SQLDATE 20160721, CAN (VANCOUVER) -> USA (WASHINGTON),
    # EventCode 172, GoldsteinScale -5.0, NumMentions 12, AvgTone -3.40034628703348
    assert rows["564111684"] == {
        "id": "564111684",
        "source": "CAN",
        "target": "USA",
        "action": "Impose administrative sanctions, not specified below",
        "weight": "-5.0",
        "cameo": "172",
        "date": "2016-07-21",
        "document": "http://neworleanscitybusiness.com/blog/2016/07/27/cities-turn-to-local-action-to-block-oil-trains/",
        "mentions": "12",
        "tone": "-3.40034628703348",
    }
    # raw line 402: IRQ -> USA, EventCode 012 (leading zero kept), GoldsteinScale -0.4
    line_402 = rows["564464072"]
    assert (line_402["source"], line_402["target"], line_402["cameo"]) == ("IRQ", "USA", "012")
    assert (line_402["action"], line_402["weight"], line_402["date"]) == (
        "Make pessimistic comment",
        "-0.4",
        "2016-07-28",
    )
    # raw line 692 (57 fields, 1982, no SOURCEURL: its last field 20130203 is DATEADDED):
    # LBN -> IRQ, EventCode 193, GoldsteinScale -10, NumMentions 1, AvgTone 2.46305418719212
    line_692 = rows["1554581"]
    assert line_692 == {
        "id": "1554581",
        "source": "LBN",
        "target": "IRQ",
        "action": "Fight with small arms and light weapons",
        "weight": "-10.0",
        "cameo": "193",
        "date": "1982-01-03",
        "document": "",
        "mentions": "1",
        "tone": "2.46305418719212",
    }
    # raw line 2: GOV (CABINET) with no country and no Actor2 at all; line 9: MYS -> GOV
    # without a country; line 33: USACOP (USA) -> USA: all dropped by default
    for dropped in ("564111654", "564111724", "564122970"):
        assert dropped not in rows


def test_counts_on_stderr(imported):
    # awk -F'\t' on the raw file: 509 lines of 58 fields, 201 of 57; both country codes
    # present and different on 139, one or both missing on 514, equal on 57
    stderr = imported[1]
    assert "read 710 rows from 1 file" in stderr
    assert "509  GDELT 1.0 (58 fields)" in stderr
    assert "201  GDELT 1.0 before April 2013 (57 fields, no SOURCEURL)" in stderr
    assert "kept 139 events as edges, dropped 571" in stderr
    assert "514  no country code for Actor1 or Actor2" in stderr
    assert "57  same country code on both sides" in stderr
    assert len(rows_by_id(imported[0])) == 139


def test_actor_codes_and_fallback_counts():
    # awk: Actor1Code/Actor2Code both present on 471 lines, equal on one (line 449,
    # RUSGOV -> RUSGOV), so 470 kept; with the fallback (country code, else actor code)
    # 414 kept, 239 missing, 57 same
    by_code = read_gdelt([SAMPLE], actor_codes=True)
    assert (by_code.kept, by_code.dropped["missing"], by_code.dropped["same"]) == (470, 239, 1)
    edges = by_code.edges.set_index("id")
    assert (edges.loc["564122970", "source"], edges.loc["564122970", "target"]) == (
        "USACOP",
        "USA",
    )  # line 33
    fallback = read_gdelt([SAMPLE], fallback_actor_codes=True)
    assert (fallback.kept, fallback.dropped["missing"], fallback.dropped["same"]) == (414, 239, 57)
    edges = fallback.edges.set_index("id")
    assert (edges.loc["564111724", "source"], edges.loc["564111724", "target"]) == ("MYS", "GOV")  # line 9


def test_output_is_an_edge_set_every_command_accepts(run, tmp_path):
    out = tmp_path / "gdelt.csv"
    result = run("import-gdelt", SAMPLE, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {out}" in result.stderr
    edge_set = load_edge_set(out)
    assert len(edge_set.edges) == 139
    assert edge_set.actors.set_index("id").loc["CAN", "name"] == "Canada"
    assert run("validate", out).exit_code == 0
    strain = run("strain", out, "--format", "csv")
    assert strain.exit_code == 0, strain.stderr
    top = next(csv.DictReader(io.StringIO(strain.stdout)))
    # ISR <-> PSE, the raw lines with these country codes: line 78 ISR -> PSE -10.0,
    # line 550 ISR -> PSE -6.5, line 576 PSE -> ISR -4; strain 10 + 6.5 + 4 = 20.5
    assert (top["actor_a"], top["actor_b"], float(top["strain"])) == ("ISR", "PSE", 20.5)
    for command in ("centrality", "export"):
        assert run(command, out).exit_code == 0, command


def test_gzip_and_zip_round_trip(run, tmp_path, imported):
    raw = SAMPLE.read_bytes()
    gz = tmp_path / "events.export.CSV.gz"
    gz.write_bytes(gzip.compress(raw))
    zipped = tmp_path / "20160728.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("20160728.export.CSV", raw)
    for path in (gz, zipped):
        result = run("import-gdelt", path)
        assert result.exit_code == 0, result.stderr
        assert result.stdout == imported[0]


def test_several_files_and_repeated_events(run, tmp_path):
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    lines = SAMPLE.read_bytes().splitlines(keepends=True)
    first.write_bytes(b"".join(lines[:400]))
    second.write_bytes(b"".join(lines[300:]))  # lines 301-400 twice
    result = run("import-gdelt", first, second)
    assert result.exit_code == 0, result.stderr
    assert "read 810 rows from 2 files" in result.stderr
    assert "kept 139 events as edges" in result.stderr
    assert "already read" in result.stderr
    assert len(rows_by_id(result.stdout)) == 139


def test_malformed_rows_skipped_with_line(run, tmp_path):
    lines = SAMPLE.read_text().splitlines(keepends=True)
    lines[2] = "564111664\t20150729\ttoo short\n"  # line 3: wrong field count
    fields = lines[4].split("\t")
    fields[30] = "minus five"  # line 5: GoldsteinScale not a number
    lines[4] = "\t".join(fields)
    fields = lines[6].split("\t")
    fields[1] = "20161331"  # line 7: month 13
    lines[6] = "\t".join(fields)
    path = tmp_path / "broken.tsv"
    path.write_text("".join(lines))
    result = run("import-gdelt", path)
    assert result.exit_code == 0, result.stderr
    assert (
        f"{path}:3: skipped malformed row: expected 57, 58, 61 tab-separated fields, found 3" in result.stderr
    )
    assert f"{path}:5: skipped malformed row: GoldsteinScale 'minus five' is not a number" in result.stderr
    assert f"{path}:7: skipped malformed row: SQLDATE '20161331' is not a date" in result.stderr
    assert "3  malformed rows" in result.stderr
    # lines 5 and 7 were kept edges, line 3 was a dropped one (no Actor2)
    assert "kept 137 events as edges, dropped 573" in result.stderr
    assert "564111684" not in rows_by_id(result.stdout)

    strict = run("import-gdelt", "--strict", path)
    assert strict.exit_code == 2
    assert strict.stdout == ""
    assert f"{path}:3: malformed GDELT row: expected" in strict.stderr
    assert "Traceback" not in strict.stderr
    with pytest.raises(EdgeSetError) as err:
        read_gdelt([path], strict=True)
    assert [p.line for p in err.value.problems] == [3, 5, 7]


def test_strict_accepts_clean_file(run, imported):
    result = run("import-gdelt", "--strict", SAMPLE)
    assert result.exit_code == 0
    assert result.stdout == imported[0]


def test_not_a_gdelt_file_refused(run, tmp_path):
    essay = Path(__file__).parents[1] / "edges" / "essay" / "edges.csv"
    result = run("import-gdelt", essay)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "not a GDELT event export" in result.stderr
    assert "comma-separated" in result.stderr
    commas = tmp_path / "events.csv"
    commas.write_text(SAMPLE.read_text().replace("\t", ","))
    result = run("import-gdelt", commas)
    assert result.exit_code == 2
    assert f"{commas}: not a GDELT event export" in result.stderr
    empty = tmp_path / "empty.tsv"
    empty.write_bytes(b"")
    assert "is empty" in run("import-gdelt", empty).stderr
    with pytest.raises(GraphkitError, match="cannot decompress"):
        broken = tmp_path / "broken.gz"
        broken.write_bytes(gzip.compress(b"x" * 100)[:20])
        read_gdelt([broken])


def test_stdin_and_gdelt2_rows(run):
    # a GDELT 2.0 row: line 5's fields with an empty ADM2Code after each ADM1Code
    fields = SAMPLE.read_text().splitlines()[4].split("\t")
    for position in (39, 47, 55):  # after Actor1/Actor2/ActionGeo ADM1Code
        fields.insert(position, "")
    assert len(fields) == 61
    result = run("import-gdelt", "-", input="\t".join(fields) + "\n")
    assert result.exit_code == 0, result.stderr
    assert "1  GDELT 2.0 (61 fields)" in result.stderr
    row = rows_by_id(result.stdout)["564111684"]
    assert (row["source"], row["target"], row["weight"], row["mentions"]) == ("CAN", "USA", "-5.0", "12")
    assert row["document"].startswith("http://neworleanscitybusiness.com/")
