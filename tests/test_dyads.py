"""graphkit import-dyads: dyad-period count tables as edge sets.

Expected values are worked out by hand from the rows written in each test.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pandas as pd
import pytest

from graphkit.edgeset import load_edge_set
from graphkit.errors import ArgumentError, EdgeSetError
from graphkit.interop.dyads import country_codes, read_dyads

ICEWS = Path(__file__).parent / "data" / "netify_icews_2002_2003.csv.gz"

QUADS = """i,j,year,verbCoop,matlCoop,verbConf,matlConf
United States,Canada,2002,12,3,4,0
Canada,United States,2002,0,0,0,0
"Congo, The Democratic Republic Of",Rwanda,2003,1,0,2,15
Atlantis,Canada,2003,0,0,0,0
"""


def _import(write_csv, text=QUADS, **kwargs):
    path = write_csv(text, "quads.csv")
    options = {
        "source": "i",
        "target": "j",
        "time": "year",
        "hostile": ["verbConf", "matlConf"],
        "cooperative": ["verbCoop", "matlCoop"],
    }
    return read_dyads(str(path), **{**options, **kwargs})


def test_each_count_column_is_a_row_with_its_sign(write_csv):
    edges = _import(write_csv).edges
    usa_can = edges[(edges["source"] == "USA") & (edges["target"] == "CAN")]
    # verbCoop 12 and matlCoop 3 cooperative, verbConf 4 hostile; matlConf 0 makes no row
    assert sorted(zip(usa_can["action"], usa_can["weight"])) == [
        ("matlCoop", "3"),
        ("verbConf", "-4"),
        ("verbCoop", "12"),
    ]
    assert set(usa_can["date"]) == {"2002"}
    assert set(edges["scale"]) == {"count"}


def test_all_zero_rows_keep_the_pair_in_the_period(write_csv):
    edges = _import(write_csv).edges
    empty = edges[edges["action"] == "no_events"]
    # CAN->USA 2002 and Atlantis->CAN 2003 have no event: one row of weight 0 each
    assert empty[["source", "target", "weight", "date"]].values.tolist() == [
        ["CAN", "USA", "0", "2002"],
        ["Atlantis", "CAN", "0", "2003"],
    ]


def test_names_map_to_iso_codes_and_the_mapping_is_listed(write_csv):
    result = _import(write_csv)
    names = result.names.set_index("name")
    assert names.loc["United States", "id"] == "USA"
    assert names.loc["Congo, The Democratic Republic Of", ["id", "mapped_by"]].tolist() == [
        "COD",
        "icews-name",
    ]
    assert names.loc["Atlantis", ["id", "mapped_by"]].tolist() == ["Atlantis", "kept"]
    actors = result.actors.set_index("id")
    assert actors.loc["COD", "name"] == "Congo, The Democratic Republic Of"
    assert actors.loc["Atlantis", "kind"] == "other"


def test_icews_names_map_to_the_codes_icews_gives():
    # the 152 names of netify's ICEWS data; the six pycountry lacks, with the data's i_iso3c
    names = pd.read_csv(ICEWS, usecols=["i"])["i"].unique()
    codes = country_codes(list(names)).set_index("name")["id"]
    assert (codes != codes.index).all()  # every name mapped
    assert codes["Cote D'ivoire"] == "CIV"
    assert codes["Macedonia, The Former Yugoslav Republic Of"] == "MKD"
    assert codes["Russian Federation"] == "RUS"
    assert codes["Korea, Republic Of"] == "KOR"
    assert len(set(codes)) == 152


def test_the_imported_set_is_valid_and_strain_counts_events(run, write_csv, tmp_path):
    path = write_csv(QUADS, "quads.csv")
    out = tmp_path / "set"
    args = [
        "--source",
        "i",
        "--target",
        "j",
        "--time",
        "year",
        "--hostile",
        "verbConf",
        "--hostile",
        "matlConf",
    ]
    result = run("import-dyads", path, *args, "--cooperative", "verbCoop", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "read 4 dyad-period rows (2 periods)" in result.stderr
    assert "mapped 4 of 5 names to ISO alpha-3" in result.stderr
    assert "kept as given (1): Atlantis" in result.stderr
    edge_set = load_edge_set(out)
    # USA-CAN verbConf, verbCoop (2) + COD-RWA verbConf, matlConf, verbCoop (3) + 2 no_events rows
    assert len(edge_set.edges) == 7
    strain = run("strain", out, "--format", "csv").stdout.splitlines()
    # COD-RWA: verbConf 2 + matlConf 15 = 17 events of strain
    assert strain[1].startswith("1,COD,RWA,") and ",17.0," in strain[1]


def test_gzip_input(write_csv, tmp_path):
    path = tmp_path / "quads.csv.gz"
    path.write_bytes(gzip.compress(QUADS.encode()))
    edges = read_dyads(str(path), source="i", target="j", time="year", hostile=["matlConf"]).edges
    assert edges[edges["action"] == "matlConf"]["weight"].tolist() == ["-15"]


def test_bad_input_names_the_line(write_csv):
    with pytest.raises(EdgeSetError, match=r"quads.csv:3: verbCoop 'many' is not a count"):
        _import(write_csv, QUADS.replace("Canada,United States,2002,0", "Canada,United States,2002,many"))
    with pytest.raises(EdgeSetError, match=r"quads.csv:2: period '02' is not a date"):
        _import(write_csv, QUADS.replace("Canada,2002", "Canada,02"))
    with pytest.raises(ArgumentError, match="^hostile 'conf' is not a column of"):
        _import(write_csv, hostile=["conf"])


def test_cli_error_is_one_line(run, write_csv, tmp_path):
    path = write_csv(QUADS, "quads.csv")
    result = run(
        "import-dyads", path, "--source", "i", "--target", "x", "--time", "year", "-o", tmp_path / "o"
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("graphkit: --")
    assert not (tmp_path / "o").exists()


def test_safe_csv_guards_names_a_spreadsheet_would_run(run, write_csv, tmp_path):
    path = write_csv("i,j,year,n\n=cmd,Canada,2024,3\n", "quads.csv")
    args = ["import-dyads", path, "--source", "i", "--target", "j", "--time", "year", "--hostile", "n"]
    assert run(*args, "--safe-csv", "-o", tmp_path / "safe").exit_code == 0
    assert (tmp_path / "safe" / "edges.csv").read_text().splitlines()[1].startswith("'=cmd,CAN,n,")
    assert run(*args, "-o", tmp_path / "plain").exit_code == 0
    assert (tmp_path / "plain" / "edges.csv").read_text().splitlines()[1].startswith("=cmd,CAN,n,-3")


def test_the_result_as_data(write_csv):
    data = _import(write_csv).to_dict()
    # 4 rows, 2 periods; USA-CAN 3 rows, COD-RWA 3, 2 no_events rows
    assert (data["rows"], data["periods"], data["edges"], data["empty_rows"]) == (4, 2, 8, 2)
    assert data["names"]["Atlantis"] == ["Atlantis", "kept"]


def test_short_country_names_map_as_verify_reads_them():
    # by hand: news and ICEWS short names pycountry's lookup lacks; the EU is EEC in CAMEO
    # (the codebook's id), and verify reads the same names to the same codes
    from graphkit.record.countries import country_of_name

    names = ["Russia", "Turkey", "European Union", "Occupied Palestinian Territory"]
    codes = country_codes(names).set_index("name")
    assert codes["id"].to_dict() == {
        "Russia": "RUS",
        "Turkey": "TUR",
        "European Union": "EEC",
        "Occupied Palestinian Territory": "PSE",
    }
    assert set(codes["mapped_by"]) == {"icews-name"}
    assert [country_of_name(n) for n in names] == ["RUS", "TUR", "EEC", "PSE"]


def test_no_count_column_names_both_flags(run, write_csv, tmp_path):
    path = write_csv(QUADS, "quads.csv")
    result = run(
        "import-dyads", path, "--source", "i", "--target", "j", "--time", "year", "-o", tmp_path / "x"
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "graphkit: --hostile and --cooperative are both empty: name at least one count column"
    )


def test_a_hand_codings_folder_is_not_overwritten(run, write_csv, tmp_path):
    # before: -o onto a coding's folder replaced its edges.csv and left its source.txt beside the panel
    path = write_csv(QUADS, "quads.csv")
    coding = tmp_path / "coding"
    coding.mkdir()
    (coding / "edges.csv").write_text("source,target,action,weight\nA,B,criticism,-2\n", encoding="utf-8")
    (coding / "source.txt").write_text("A criticised B.\n", encoding="utf-8")
    args = ["--source", "i", "--target", "j", "--time", "year", "--hostile", "verbConf"]
    result = run("import-dyads", path, *args, "-o", coding)
    assert result.exit_code == 2
    assert "holds files import-dyads did not write (source.txt)" in result.stderr.splitlines()[-1]
    assert (coding / "edges.csv").read_text(encoding="utf-8").endswith("A,B,criticism,-2\n")
    # its own folder it may replace: a second run into the same new folder succeeds
    fresh = tmp_path / "fresh"
    assert run("import-dyads", path, *args, "-o", fresh).exit_code == 0
    assert run("import-dyads", path, *args, "-o", fresh).exit_code == 0


def test_an_infinite_count_is_a_bad_cell_not_an_internal_error(run, write_csv, tmp_path):
    # before: 1e400 (read as infinity) ended in "internal error: OverflowError"
    path = write_csv("a,b,t,n\nUSA,CAN,2020,1\nUSA,CAN,2021,1e400\n", "inf.csv")
    result = run(
        "import-dyads",
        path,
        "--source",
        "a",
        "--target",
        "b",
        "--time",
        "t",
        "--hostile",
        "n",
        "-o",
        tmp_path / "x",
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"graphkit: {path}:3: n '1e400' is not a count: use a finite number >= 0"
    )
