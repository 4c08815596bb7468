"""graphkit verify: claims checked against event data, every expected value worked by hand."""

from __future__ import annotations

import json
import math
import zipfile
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

import graphkit as gk
from graphkit.cli import main
from graphkit.errors import EdgeSetError
from graphkit.verification.lift import window_lift

from .verify_files import ICEWS_HEADER, POLECAT_HEADER, gdelt2_row, icews_row, polecat_row

DATA = Path(__file__).parent / "data"

CLAIMS = """id,source,target,action,weight,cameo,date
c1,USA,CAN,tariff_threat,-5.8,1312,2025-03
c2,CAN,USA,retaliation,-6.5,,2025-03
c3,MEX,USA,accusation,-2.0,112,2025-03-20
c4,USA,DEU,criticism,-2.0,110,2025-03
c5,USA,JPN,criticism,-2.0,110,2025-03
c6,USA,KOR,criticism,-2.0,110,2024-06
c7,USA,GBR,criticism,-2.0,110,
c8,GBR,FRA,accusation,-2.0,112,2025-03
"""

RECORD = [
    gdelt2_row(1, "2025-03-05", "USAGOV", "CANGOV", "1312", 3, -5.8, 2, "https://a.example/1"),
    gdelt2_row(2, "2025-03-10", "USAGOV", "CANBUS", "172", 4, -5.0, 1, "https://b.example/2"),
    gdelt2_row(3, "2025-03-27", "MEXGOV", "USAGOV", "112", 3, -2.0, 1, "https://c.example/3"),
    gdelt2_row(4, "2025-03-12", "DEUGOV", "USAGOV", "057", 1, 8.0, 1, "https://d.example/4"),
    gdelt2_row(5, "2025-03-15", "GBRGOV", "FRAGOV", "130", 3, -4.4, 1, "https://e.example/5"),
    gdelt2_row(6, "2025-03-20", "CHNGOV", "RUSGOV", "040", 1, 1.0, 1, "https://f.example/6"),
    gdelt2_row(7, "2025-03-01", "CHNGOV", "RUSGOV", "040", 1, 1.0, 1, "https://f.example/7"),
]


@pytest.fixture
def claims(tmp_path) -> Path:
    path = tmp_path / "claims" / "edges.csv"
    path.parent.mkdir()
    path.write_text(CLAIMS, encoding="utf-8")
    return path


@pytest.fixture
def gdelt2(tmp_path) -> Path:
    path = tmp_path / "20250331.export.CSV"
    path.write_text("\n".join(RECORD) + "\n", encoding="utf-8")
    return path


def by_id(result) -> dict[str, dict]:
    return {row["id"]: row for row in result.to_dict()["claims"]}


def test_each_support_tier_as_worked_by_hand(claims, gdelt2):
    rows = by_id(gk.verify(claims, [gdelt2]))
    assert {k: v["support"] for k, v in rows.items()} == {
        "c1": "confirmed",  # USA->CAN 1312 on 03-05, inside March, same code and direction
        "c2": "partial",  # retaliation counts as 172/163; the record has USA->CAN 172: reversed
        "c3": "partial",  # MEX->USA 112 on 03-27: seven days after the claim's day
        "c4": "contradicted",  # DEU->USA 057 (+8.0) against a criticism (-2.0), nothing like it
        "c5": "not_found",  # nothing USA-JPN, though the record has events in March
        "c6": "out_of_coverage",  # no record event at all in June 2024
        "c7": "undated",  # no date, no period
        "c8": "partial",  # GBR->FRA 130: a threat, not an accusation, but the same QuadClass 3
    }
    # score = type x direction x time x (1 - 0.5 ** sources):
    assert rows["c1"]["score"] == 0.75  # 1.0 (code) x 1.0 x 1.0 x (1 - 0.5**2): NumSources 2
    assert rows["c2"]["score"] == 0.25  # 1.0 (172 is one of its codes) x 0.5 (reversed) x 1.0 x 0.5
    assert rows["c3"]["score"] == 0.25  # 1.0 x 1.0 x 0.5 ** (7 days / 7) x 0.5
    assert rows["c8"]["score"] == 0.2  # 0.4 (QuadClass) x 1.0 x 1.0 x 0.5
    assert rows["c4"]["score"] == rows["c5"]["score"] == 0.0
    assert rows["c1"]["matches"][0]["ref"] == "https://a.example/1"
    assert rows["c1"]["matches"][0]["date"] == "2025-03-05"
    assert rows["c4"]["matches"][0]["code"] == "057"  # the contradicting event is shown
    assert rows["c5"]["pair_events"] == 0 and rows["c5"]["record_events"] == 7  # every March event
    assert rows["c5"]["coverage"] == round(7 / 31, 6)  # 7 of March's 31 days have record events
    assert rows["c3"]["coverage"] == 1.0 and rows["c6"]["coverage"] == 0.0 and rows["c7"]["coverage"] is None
    # the record spans 2025-03-01..03-27, shorter than March: one window only, lift 1 (no evidence)
    assert rows["c1"]["lift"] == 1.0
    # c3's window (03-20) holds no MEX-USA event; 1 of the 7 covered one-day windows does: 0 / (1/7)
    assert rows["c3"]["lift"] == 0.0
    assert rows["c4"]["lift"] is None


def test_window_lift_against_every_window_of_the_same_length():
    covered = np.arange(0, 10)  # the record has events on days 0..9
    matches = np.array([2])
    # one-day windows: 10, one of them (day 2) with a match: p = 1/10
    assert window_lift(matches, covered, 2, 2, 0, 9) == 10.0
    # five-day windows start on days 0..5 (6 of them); those starting 0, 1, 2 hold day 2: p = 1/2
    assert window_lift(matches, covered, 0, 4, 0, 9) == 2.0
    # a match on every day: every window has one, lift 1 (a quarrel every week is no evidence)
    assert window_lift(covered, covered, 3, 3, 0, 9) == 1.0
    assert window_lift(np.array([], dtype=np.int64), covered, 3, 3, 0, 9) is None


def test_pairs_share_of_strain_confirmed_and_conflict_shares(claims, gdelt2):
    pairs = gk.verify(claims, [gdelt2]).pairs.set_index(["actor_a", "actor_b"])
    can_usa = pairs.loc[("CAN", "USA")]
    assert can_usa["text_strain"] == 12.3  # c1 5.8 + c2 6.5
    assert can_usa["confirmed_strain"] == 5.8  # c1 only
    assert can_usa["confirmed_share"] == round(5.8 / 12.3, 6)
    assert can_usa["record_events"] == 2  # events 1 (QuadClass 3) and 2 (QuadClass 4)
    assert can_usa["record_conflict_share"] == 1.0
    deu_usa = pairs.loc[("DEU", "USA")]
    assert deu_usa["text_conflict_share"] == 1.0  # the text: one criticism
    assert deu_usa["record_conflict_share"] == 0.0  # the record: one agreement (QuadClass 1)
    assert math.isnan(pairs.loc[("GBR", "USA")]["record_conflict_share"])  # c7 is undated: no period


def test_period_dates_undated_claims(claims, gdelt2):
    rows = by_id(gk.verify(claims, [gdelt2], period="2025-03"))
    assert rows["c7"]["support"] == "not_found"  # looked up in March 2025, nothing USA-GBR
    assert rows["c7"]["window"] == "2025-03-01..2025-03-31"


def test_period_line_of_the_description(claims, gdelt2):
    (claims.parent / "description.txt").write_text("A test set\nPeriod: 2025-03\n", encoding="utf-8")
    result = gk.verify(claims, [gdelt2])
    assert result.period == "2025-03"
    assert by_id(result)["c7"]["support"] == "not_found"


def test_a_period_that_does_not_exist_says_so(claims, gdelt2):
    # read as --since/--until read a bound: by hand, April has 30 days, and 2025 > 2024
    with pytest.raises(gk.ArgumentError, match=r"'2024-04-31' does not exist \(April 2024 has 30 days\)"):
        gk.verify(claims, [gdelt2], period="2024-04-31")
    with pytest.raises(gk.ArgumentError, match="'2025' is after '2024'"):
        gk.verify(claims, [gdelt2], period="2025..2024")


def test_a_wrong_period_line_is_blamed_on_its_file_and_line(claims, gdelt2):
    description = claims.parent / "description.txt"
    description.write_text("A test set\nPeriod: 2025-02-30\n", encoding="utf-8")
    with pytest.raises(EdgeSetError) as caught:
        gk.verify(claims, [gdelt2])
    (problem,) = caught.value.problems
    assert (problem.file, problem.line) == (str(description), 2)
    assert "February 2025 has 28 days" in problem.message


def test_zipped_and_gzipped_records_read_the_same(claims, gdelt2, tmp_path):
    import gzip

    plain = by_id(gk.verify(claims, [gdelt2]))
    archive = tmp_path / "20250331.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(gdelt2, gdelt2.name)
    packed = tmp_path / "events.gz"
    packed.write_bytes(gzip.compress(gdelt2.read_bytes()))
    for path in (archive, packed):
        assert {k: v["support"] for k, v in by_id(gk.verify(claims, [path])).items()} == {
            k: v["support"] for k, v in plain.items()
        }


def test_a_bad_row_is_file_line(claims, gdelt2, tmp_path):
    lines = gdelt2.read_text().splitlines()
    lines[2] = lines[2].replace("\t112\t", "\t999\t", 1)
    bad = tmp_path / "bad.CSV"
    bad.write_text("\n".join(lines) + "\n")
    with pytest.raises(EdgeSetError) as err:
        gk.verify(claims, [bad])
    assert err.value.problems[0].file == str(bad)
    assert err.value.problems[0].line == 3
    assert "EventCode '999' is not a CAMEO event code" in str(err.value)
    runner = CliRunner()
    run = runner.invoke(main, ["verify", str(claims), "--record", str(bad)])
    assert run.exit_code == 2
    assert run.stderr.startswith(f"graphkit: {bad}:3: malformed GDELT row: EventCode '999'")
    assert "Traceback" not in run.stderr and run.stdout == ""
    skipped = gk.verify(claims, [bad], skip_malformed=True)
    assert len(skipped.record.problems) == 1
    assert by_id(skipped)["c3"]["support"] == "not_found"  # its only event was the bad row


def test_gdelt1_sample(tmp_path):
    record = gk.read_record(DATA / "gdelt1_sample_events.tsv")
    # the same counts as import-gdelt (docs/gdelt.md): 710 rows, 139 between two countries
    assert record.rows == 710
    assert len(record.events) == 139
    assert record.dropped == {"no_country": 514, "same_country": 57, "duplicate": 0}
    assert f"{record.first:%Y-%m-%d}" == "1982-01-02" and f"{record.last:%Y-%m-%d}" == "2016-07-28"
    claims = tmp_path / "edges.csv"
    # the sample's first 58-field row: 2016-07-21 CAN -> USA 172, SOURCEURL neworleanscitybusiness.com
    claims.write_text("id,source,target,action,weight,cameo,date\nk1,CANGOV,USA,sanction,,172,2016-07\n")
    row = gk.verify(claims, DATA / "gdelt1_sample_events.tsv").to_dict()["claims"][0]
    assert row["support"] == "confirmed"
    assert row["matches"][0]["ref"].startswith("http://neworleanscitybusiness.com/")


def test_icews_file(claims, tmp_path):
    path = tmp_path / "events.2025.tab"
    rows = [
        "\t".join(ICEWS_HEADER),
        icews_row(1, "2025-03-05", "United States", "Canada", "1312", -5.8, 100),
        icews_row(2, "2025-03-06", "United States", "Canada", "1312", -5.8, 100),  # same story
        icews_row(3, "2025-03-07", "Russian Federation", "Ukraine", "42", 1.9, 101),  # 042, zero dropped
        icews_row(4, "2025-03-08", "Kosovo", "Serbia", "111", -2.0, 102),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    record = gk.read_record(path)
    assert record.formats == {"ICEWS": 4}
    assert record.unmapped == {"Kosovo": 1}  # pycountry has no Kosovo: listed, left out
    assert record.events["code"].tolist() == ["1312", "1312", "042"]
    assert record.events["source"].tolist() == ["USA", "USA", "RUS"]
    c1 = by_id(gk.verify(claims, [path]))["c1"]
    assert c1["support"] == "confirmed"
    assert c1["score"] == 0.5  # one story, counted once: 1.0 x (1 - 0.5)
    assert c1["matches"][0]["ref"] == "ICEWS story 100"


def test_polecat_file(claims, tmp_path):
    path = tmp_path / "ngecEvents.20250331.DV.txt"
    rows = [
        "\t".join(POLECAT_HEADER),
        polecat_row("p1", "2025-03-05", "THREATEN", "USA", "CAN", -5.0, "s1"),
        polecat_row("p2", "2025-03-06", "ACCUSE", "USA;GBR", "DEU", -2.0, "s2"),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    record = gk.read_record(path)
    assert record.events[["source", "target", "plover", "quad"]].values.tolist() == [
        ["USA", "CAN", "THREATEN", 3],
        ["GBR", "DEU", "ACCUSE", 3],  # "USA;GBR" is one event per actor country
        ["USA", "DEU", "ACCUSE", 3],
    ]
    rows = by_id(gk.verify(claims, [path]))
    # 1312 is THREATEN and 110 is ACCUSE in CAMEO2PLOVER: the same type counts as the same root
    assert rows["c1"]["support"] == "confirmed" and rows["c1"]["score"] == 0.375  # 0.75 x 0.5
    assert rows["c4"]["support"] == "confirmed"
    assert rows["c1"]["matches"][0]["code"] == "THREATEN"


def test_edge_set_as_record_and_eec_matches_eur(tmp_path):
    claims = tmp_path / "claims.csv"
    claims.write_text("id,source,target,action,weight,cameo,date\nx1,USA,EEC,criticism,-2,110,2025\n")
    record = tmp_path / "record.csv"
    record.write_text(
        "id,source,target,action,weight,cameo,date\n"
        "r1,USAGOV,EUR,criticism,-2,111,2025-05-02\n"
        "r2,CHN,RUS,consultation,1,040,2025\n"
    )
    row = gk.verify(claims, record).to_dict()["claims"][0]
    assert row["support"] == "confirmed"  # USAGOV is USA, EEC is EUR; 111 shares 110's root 11
    assert row["score"] == 0.375  # 0.75 x 1 x 1 x 0.5
    # r2, dated to the year, covers every day of 2025: two rows in the window, all days covered
    assert row["record_events"] == 2 and row["coverage"] == 1.0


def test_cli_formats(claims, gdelt2, tmp_path):
    runner = CliRunner()
    run = runner.invoke(main, ["verify", str(claims), "--record", str(gdelt2), "--format", "json"])
    assert run.exit_code == 0, run.stderr
    records = json.loads(run.stdout)
    assert list(records[0])[:8] == ["id", "source", "target", "date", "window", "support", "score", "lift"]
    assert "matches" in records[0] and records[0]["matches"][0]["code"] == "1312"
    assert "1 confirmed, 3 partial, 1 contradicted, 1 not_found, 1 out_of_coverage, 1 undated" in run.stderr
    # c7 is the one undated claim: the warning counts it in the singular
    assert "graphkit: warning: 1 undated claim was not looked up: give --period" in run.stderr
    out = tmp_path / "report.csv"
    run = runner.invoke(main, ["verify", str(claims), "--record", str(gdelt2), "-o", str(out)])
    assert run.exit_code == 0, run.stderr
    assert (
        out.read_text()
        .splitlines()[1]
        .startswith(
            "c1,USA,CAN,2025-03,2025-03-01..2025-03-31,confirmed,0.75,1.0,2,2,7,0.225806,2025-03-05 USA>CAN 1312 "
        )
    )
    run = runner.invoke(
        main, ["verify", str(claims), "--record", str(gdelt2), "--pairs", "--format", "markdown"]
    )
    assert run.exit_code == 0 and run.stdout.startswith("| actor_a | actor_b |")
    again = runner.invoke(main, ["verify", str(claims), "--record", str(gdelt2), "--format", "json"])
    assert (
        again.stdout
        == runner.invoke(main, ["verify", str(claims), "--record", str(gdelt2), "--format", "json"]).stdout
    )


def test_no_record_says_what_to_give(claims):
    # the first thing a newcomer types, 'graphkit verify essay', got click's bare "Missing option"
    run = CliRunner().invoke(main, ["verify", str(claims)])
    assert (run.exit_code, run.stdout) == (2, "")
    assert run.stderr.count("\n") == 1
    assert run.stderr.startswith(
        "graphkit: give the event data to check against: --record FILE, a GDELT 1.0/2.0"
    )


def test_not_an_event_file(claims, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello\tworld\n")
    run = CliRunner().invoke(main, ["verify", str(claims), "--record", str(path)])
    assert run.exit_code == 2
    assert run.stderr.startswith(f"graphkit: {path}:1: not an event file graphkit reads")


def test_the_worked_example_of_the_docs_is_todays_output(monkeypatch):
    docs = (Path(__file__).parent.parent / "docs" / "verify.md").read_text(encoding="utf-8")
    monkeypatch.chdir(DATA / "verify")
    assert (DATA / "verify" / "claims.csv").read_text(encoding="utf-8") == CLAIMS
    assert (DATA / "verify" / "20250331.export.CSV").read_text(encoding="utf-8") == "\n".join(RECORD) + "\n"
    runner = CliRunner()
    for extra in ([], ["--pairs"]):
        args = ["verify", "claims.csv", "--record", "20250331.export.CSV", *extra, "--format", "markdown"]
        run = runner.invoke(main, args)
        assert run.exit_code == 0, run.stderr
        assert f"$ graphkit {' '.join(args)}\n```\n\n{run.stdout}" in docs


def test_the_record_streams_in_blocks_with_progress(claims, gdelt2):
    messages: list[str] = []
    whole = gk.read_record(gdelt2)
    streamed = gk.read_record(gdelt2, block_lines=2, progress=messages.append)
    assert streamed.events.equals(whole.events) and streamed.days == whole.days
    # seven rows, two lines a block: four blocks, each reported
    assert messages == [f"{gdelt2}: {n:,} rows read" for n in (2, 4, 6, 7)]
    # with the claims' pairs only their events are kept, the coverage still counts every row
    kept = gk.read_record(gdelt2, pairs=[("CAN", "USA")])
    assert kept.events["event_id"].tolist() == ["1", "2"]
    assert kept.days == whole.days


def test_an_empty_record_file_is_an_error(claims, tmp_path):
    empty = tmp_path / "empty.CSV"
    empty.write_text("")
    run = CliRunner().invoke(main, ["verify", str(claims), "--record", str(empty)])
    assert run.exit_code == 2
    assert run.stderr == f"graphkit: {empty}: the file is empty: give an event file with one event per line\n"


def test_untidy_polecat_weeks_still_read(tmp_path):
    # published weeks whose header names columns no row fills, or whose rows carry empty
    # trailing fields, are read; a row cut short before a needed column is FILE:LINE
    path = tmp_path / "ngecEvents.week.txt"
    header = "\t".join([*POLECAT_HEADER, "Headline"])
    row = polecat_row("p1", "2025-03-05", "THREATEN", "USA", "CAN", -5.0, "s1")
    rows = [header, row, row.replace("p1", "p2") + "\t\t", "p3\t2025-03-06\tACCUSE"]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(EdgeSetError) as err:
        gk.read_record(path)
    assert [(p.line, p.message.split(":")[0]) for p in err.value.problems] == [
        (4, f"expected {len(POLECAT_HEADER) + 1} tab-separated fields (as the header has), found 3")
    ]
    record = gk.read_record(path, skip_malformed=True)
    assert record.events["event_id"].tolist() == ["p1", "p2"]
