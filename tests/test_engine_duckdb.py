"""The DuckDB engine (graphkit.columnar, --engine duckdb/auto) gives the pandas engine's
output and messages, byte for byte: on clean sets it aggregates them itself; on a set
with any problem or warning it steps aside and the pandas engine reports them."""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.columnar import load_columnar
from graphkit.io.plain import duckdb_reader, plain_csv

sys.path.insert(0, str(Path(__file__).parent / "bench"))
from generate import generate_edges, write_edges

# -- which files are plain -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        (b"source,target,action\nA,B,tariff\n", True),
        (b"source,target,action\nA,B,tariff", True),  # no line end at the end
        (b'source,target,action\nA,B,"tariff"\n', False),  # a quote
        (b"source,target,action\r\nA,B,tariff\r\n", False),  # carriage returns
        (b"source,target,action\n\nA,B,tariff\n", False),  # an empty line
        (b"source,target,action\nA,B,tariff\n\n", False),  # an empty line at the end
        (b"\nsource,target,action\nA,B,tariff\n", False),  # an empty first line
        (b"source,target,action\nA,B,tar\tiff\n", False),  # a tab
        ("source,target,action\nA,Bé,tariff\n".encode(), False),  # not ASCII
        (b"\xef\xbb\xbfsource,target,action\nA,B,tariff\n", False),  # a byte-order mark
        (b"source,target,action\n", False),  # a header alone
        (b"", False),
    ],
)
def test_plain_files(tmp_path, text, plain):
    path = tmp_path / "edges.csv"
    path.write_bytes(text)
    assert (plain_csv(path) is not None) is plain


@pytest.mark.parametrize(
    ("text", "padded"),
    [
        (b"a,b\nx,y\n", False),
        (b"a,b\nx ,y\n", True),
        (b"a,b\nx, y\n", True),
        (b"a,b\nx,y \n", True),
        (b"a,b\n x,y\n", True),
        (b"a,b\nx,y ", True),  # the last byte, without a line end
        (b"a,b\nx y,z\n", False),  # a space inside a cell is kept, not stripped
    ],
)
def test_plain_notes_cells_to_strip(tmp_path, text, padded):
    path = tmp_path / "edges.csv"
    path.write_bytes(text)
    found = plain_csv(path)
    assert found is not None and found.padded is padded


@settings(max_examples=300, deadline=None)
# lines of a plain file, an empty one now and then
@given(
    st.lists(st.text(alphabet="ab ,", max_size=8), min_size=2, max_size=8),
    st.sampled_from(["", "\n"]),
)
def test_plain_scan_reads_any_block_size_alike(tmp_path_factory, lines, end):
    """The scan looks at a file a block at a time: an empty line or a space next to a
    comma or a line end that straddles two blocks counts as one inside a block (blocks of
    1 to 9 bytes put such pairs across a boundary; the default block holds these whole
    files, and test_plain_files_read_alike checks its answers)."""
    path = tmp_path_factory.mktemp("blocks") / "edges.csv"
    path.write_bytes(("\n".join(lines) + end).encode())
    whole = plain_csv(path)
    for size in range(1, 10):
        assert plain_csv(path, block_size=size) == whole, size


def _csv_module_records(text: bytes) -> list[list[str]]:
    """The contract: Python's csv module, blank records skipped, cells stripped."""
    reader = csv.reader(io.StringIO(text.decode("utf-8"), newline=""), strict=True)
    return [[cell.strip() for cell in record] for record in reader if record]


def _duckdb_records(path: Path, width: int, padded: bool) -> list[list[str]] | None:
    """The cells DuckDB reads as graphkit.columnar tells it to (None: it refuses the file)."""
    cells = ", ".join(f"{'trim' if padded else ''}(c{i})" for i in range(width))
    try:
        rows = duckdb.sql(f"SELECT {cells} FROM {duckdb_reader(path, width, header=False)}").fetchall()
    except duckdb.Error:
        return None
    return [list(row) for row in rows]


@settings(max_examples=300, deadline=None)
# quotes, line ends, tabs, non-ASCII (never plain) and what other readers may take for an
# escape, a comment or another separator (plain, and read as text)
@given(st.text(alphabet="ab ,\n\"\r\té\\#;|'", min_size=1, max_size=40))
def test_files_read_alike(tmp_path_factory, text):
    _check_read_alike(tmp_path_factory, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ,\n\\#", min_size=1, max_size=40))  # mostly plain files
def test_plain_files_read_alike(tmp_path_factory, text):
    _check_read_alike(tmp_path_factory, text)


def _check_read_alike(tmp_path_factory, text):
    """Where the scan says plain, the csv module's records are the lines split at commas,
    and DuckDB reads the same cells or refuses the file (never reads others)."""
    path = tmp_path_factory.mktemp("plain") / "edges.csv"
    data = text.encode()
    path.write_bytes(data)
    plain = plain_csv(path)
    if plain is None:
        return
    records = _csv_module_records(data)
    lines = data.decode().rstrip("\n").split("\n")
    assert records == [[c.strip() for c in line.split(",")] for line in lines]
    assert plain.header == records[0] and plain.records == len(records) - 1
    assert plain.padded == any(cell != cell.strip() for line in lines for cell in line.split(","))
    read = _duckdb_records(path, len(records[0]), plain.padded)
    if read is not None:
        assert read == records
    else:  # refused: some record is not as wide as the header
        assert any(len(r) != len(records[0]) for r in records)


# -- the same output and messages from both engines ----------------------------------


def _engines(run, *args):
    """stdout, stderr and exit code of one command under each engine."""
    results = {}
    for engine in ("duckdb", "pandas"):
        result = run(*args, "--engine", engine)
        results[engine] = (result.stdout, result.stderr, result.exit_code)
    return results


@pytest.fixture
def generated(tmp_path) -> Path:
    """A generated set (3,000 rows, 60 actors, explicit weights, custom actions, every date
    shape), written unquoted as the benchmark writes it: a plain file."""
    folder = tmp_path / "gen"
    folder.mkdir()
    write_edges(generate_edges(3000, 60, seed=7), folder / "edges.csv")
    return folder


def test_generated_set_takes_the_fast_path(generated):
    columnar = load_columnar(generated)
    assert columnar is not None and columnar.rows == 3000
    # the view holds what the pandas engine's EdgeSet.edges holds, defaults filled in
    from graphkit import load_edge_set

    reference = load_edge_set(generated).edges
    view = columnar.sql("SELECT * EXCLUDE (domain_code, weight_units) FROM edges ORDER BY id")
    reference = reference.sort_values("id").reset_index(drop=True)
    assert list(view.columns) == list(reference.columns)
    for column in reference.columns:
        assert view[column].tolist() == reference[column].tolist(), column
    columnar.close()


def test_no_progress_bar_on_standard_output(generated):
    # DuckDB draws a progress bar on stdout for queries past 2 s (seen inside a report
    # written to stdout under load): every connection the engine hands out has it off
    columnar = load_columnar(generated)
    assert columnar is not None
    setting = columnar.connection.execute("SELECT current_setting('enable_progress_bar')").fetchone()
    assert setting == (False,)
    columnar.close()


@pytest.mark.parametrize(
    "args",
    [
        ("--top", "10", "--format", "csv"),
        ("--format", "csv"),  # every pair
        ("--format", "json"),
        ("--top", "5"),
        ("--top", "5", "--domain", "trade"),  # filters: both engines read with pandas
        ("--top", "5", "--since", "2019", "--until", "2020-06"),
    ],
)
def test_generated_set_same_output(run, generated, args):
    results = _engines(run, "strain", str(generated), *args)
    assert results["duckdb"] == results["pandas"]
    assert results["duckdb"][2] == 0 and results["duckdb"][0]


def test_every_pair_to_a_file_same_bytes(run, generated, tmp_path):
    files = {}
    for engine in ("duckdb", "pandas"):
        files[engine] = tmp_path / f"all-{engine}.csv"
        result = run("strain", str(generated), "-o", str(files[engine]), "--engine", engine)
        assert result.exit_code == 0, result.stderr
    assert files["duckdb"].read_bytes() == files["pandas"].read_bytes()


def test_folder_with_actors_and_source_text(run, tmp_path):
    """actors.csv names the actors, source.txt holds every quote: both checked, same output."""
    folder = tmp_path / "set"
    folder.mkdir()
    quotes = ["the ministry imposed a tariff on steel", "troops massed at the border", "talks resumed"]
    rows = ["id,source,target,action,weight,date,quote"]
    for i in range(600):
        rows.append(
            f"e{i},{'ABC'[i % 3]}{i % 7},{'XYZ'[i % 3]}{i % 5},tariff,,2024-0{1 + i % 9},{quotes[i % 3]}"
        )
    (folder / "edges.csv").write_text("\n".join(rows) + "\n")
    ids = sorted({r.split(",")[1] for r in rows[1:]} | {r.split(",")[2] for r in rows[1:]})
    (folder / "actors.csv").write_text("id,name\n" + "".join(f"{a},Actor {a}\n" for a in ids))
    (folder / "source.txt").write_text(
        "Yesterday the ministry imposed a tariff\non steel. Troops massed at the border; then talks resumed."
    )
    # 'Troops' is capitalised in the text: that quote is not verbatim
    assert load_columnar(folder) is None
    results = _engines(run, "strain", str(folder), "--format", "csv")
    assert results["duckdb"] == results["pandas"]
    assert "quote not found verbatim in source.txt" in results["pandas"][1]
    assert results["pandas"][2] != 0
    (folder / "source.txt").write_text(
        "the ministry imposed a tariff\non steel. troops massed at the border; talks resumed."
    )
    columnar = load_columnar(folder)
    assert columnar is not None and set(columnar.actors["name"]) == {f"Actor {a}" for a in ids}
    columnar.close()
    results = _engines(run, "strain", str(folder), "--format", "csv")
    assert results["duckdb"] == results["pandas"]


# each change makes the pandas engine say something (an error or a warning) at a line,
# but those in CLEAN_NOT_PLAIN (valid files outside the plain subset) and the padded cells
BROKEN = {
    "duplicate id": lambda rows: rows + [rows[5]],
    "empty source": lambda rows: rows[:9] + [",".join(["x9", "", *rows[9].split(",")[2:]])] + rows[10:],
    "source is target": lambda rows: rows + ["z1,ABW,ABW,tariff,,2020,"],
    "weight not a number": lambda rows: rows + ["z1,ABW,AFG,tariff,heavy,2020,"],
    "weight off the scale": lambda rows: rows + ["z1,ABW,AFG,tariff,-11,2020,"],
    "weight not finite": lambda rows: rows + ["z1,ABW,AFG,tariff,inf,2020,"],
    "unknown action, no weight": lambda rows: rows + ["z1,ABW,AFG,blockade_threat,,2020,"],
    "action slip (warning)": lambda rows: rows + ["z1,ABW,AFG,tarif,-3,2020,"],
    "weight of the act's opposite sign (warning)": lambda rows: rows + ["z1,ABW,AFG,tariff,1,2020,"],
    "date that does not exist": lambda rows: rows + ["z1,ABW,AFG,tariff,,2021-02-30,"],
    "date of another shape": lambda rows: rows + ["z1,ABW,AFG,tariff,,30/01/2021,"],
    "actor id US (warning)": lambda rows: rows + ["z1,US,AFG,tariff,,2020,"],
    "actor id case clash": lambda rows: rows + ["z1,abw,AFG,tariff,,2020,"],
    "row too wide": lambda rows: rows + ["z1,ABW,AFG,tariff,,2020,,extra"],
    "row too narrow": lambda rows: rows + ["z1,ABW,AFG,tariff"],
    "blank line": lambda rows: rows[:20] + [""] + rows[20:],
    "line of spaces": lambda rows: rows[:20] + ["   "] + rows[20:],
    "quoted field": lambda rows: rows + ['z1,ABW,AFG,"tariff",,2020,'],
    "not ASCII": lambda rows: rows + ["z1,ABW,AFG,tariff,,2020,é"],
    "carriage returns": lambda rows: [r + "\r" for r in rows],
    "misspelt column": lambda rows: [rows[0].replace("weight", "wieght")] + rows[1:],
    "missing column": lambda rows: [",".join(c.split(",")[0:3] + c.split(",")[4:]) for c in rows],
    "padded cells, clean": lambda rows: [r.replace(",", " , ") for r in rows],
    "Gephi header (warning)": lambda rows: (
        [rows[0].replace("source", "Source").replace("target", "Target")] + rows[1:]
    ),
    "empty id": lambda rows: rows + [",ABW,AFG,tariff,,2020,"],
    "unknown cameo column value": lambda rows: [rows[0] + ",cameo"] + [r + ",999" for r in rows[1:]],
}


# valid, but not plain: DuckDB steps aside, and the pandas engine reads them
CLEAN_NOT_PLAIN = {"blank line", "quoted field", "not ASCII", "carriage returns"}


@pytest.mark.parametrize("change", sorted(BROKEN))
def test_broken_sets_same_messages(run, generated, change):
    path = generated / "edges.csv"
    rows = path.read_text().rstrip("\n").split("\n")
    path.write_text("\n".join(BROKEN[change](rows)) + "\n")
    results = _engines(run, "strain", str(generated), "--top", "3", "--format", "csv")
    assert results["duckdb"] == results["pandas"]
    _, err, code = results["pandas"]
    if change == "padded cells, clean":
        assert code == 0 and err == ""
        assert load_columnar(generated) is not None  # stripped by DuckDB as by the csv contract
    elif change in CLEAN_NOT_PLAIN:
        assert code == 0 and err == ""
        assert load_columnar(generated) is None
    else:
        assert err, "the pandas engine says something about this file"
        assert load_columnar(generated) is None


def test_essay_same_output(run):
    """The essay quotes its fields (commas in quotes): the pandas engine reads it under both."""
    assert load_columnar("essay") is None
    for args in (("--format", "csv"), ("--top", "5", "--format", "markdown")):
        results = _engines(run, "strain", *args)
        assert results["duckdb"] == results["pandas"]


def test_validate_broken_essay_copy(run, tmp_path):
    """An error in a copy of the essay reads the same under both engines."""
    from graphkit.bundled import bundled_dir

    folder = tmp_path / "essay"
    folder.mkdir()
    for name in ("edges.csv", "source.txt"):
        (folder / name).write_bytes((bundled_dir() / "essay" / name).read_bytes())
    text = (folder / "edges.csv").read_text()
    (folder / "edges.csv").write_text(text.replace("tariff", "tarif", 1))
    results = _engines(run, "strain", str(folder))
    assert results["duckdb"] == results["pandas"]
    assert results["pandas"][1]


@pytest.mark.parametrize("reserve", [1000, 2])
def test_ties_across_the_top_cut(run, tmp_path, monkeypatch, reserve):
    """40 pairs of equal strain (one tariff each, 8.0): the top 3 are the first 3 by ids,
    worked out by hand (A0-B0, A0-B1, A0-B2), whether DuckDB's reserve of pairs holds all
    the tied ones (1000) or not (2: it then reads every pair)."""
    import graphkit.analysis.strain_columnar as module

    monkeypatch.setattr(module, "_RESERVE", reserve)
    rows = ["source,target,action"] + [f"A{i // 8},B{i % 8},tariff" for i in range(40)]
    path = tmp_path / "ties.csv"
    path.write_text("\n".join([rows[0], *reversed(rows[1:])]) + "\n")  # ids out of order in the file
    results = _engines(run, "strain", str(path), "--top", "3", "--format", "csv")
    assert results["duckdb"] == results["pandas"]
    lines = results["duckdb"][0].splitlines()[1:]
    assert [line.split(",")[1:3] for line in lines] == [["A0", "B0"], ["A0", "B1"], ["A0", "B2"]]
    assert all(line.split(",")[5] == "8.0" for line in lines)


# -- exact sums: the same strain whatever order DuckDB adds the rows in ---------------------


def _strain_of(path):
    from graphkit.analysis.strain_columnar import strain_columnar

    columnar = load_columnar(path)
    assert columnar is not None
    try:
        return strain_columnar(columnar)
    finally:
        columnar.close()


def test_sums_are_exact_and_order_free(tmp_path):
    """Ten actions of weight -0.1 and ten of -0.7 between A and B: strain 1.0 + 7.0 = 8.0
    exactly (by hand), though adding the floats one by one gives 7.999999999999998 in some
    orders; the same table, bit for bit, with the rows in any order."""
    import random

    rows = [f"A,B,protest,-0.{d}" for d in (1, 7) for _ in range(10)]
    rows += [f"B,A,protest,-0.{n}" for n in range(1, 10)] + [f"A,C,aid,0.{n}5" for n in range(10)]
    tables = []
    for seed in range(4):
        random.Random(seed).shuffle(rows)
        path = tmp_path / f"order{seed}.csv"
        path.write_text("source,target,action,weight\n" + "\n".join(rows) + "\n")
        tables.append(_strain_of(path))
    first = tables[0].set_index(["actor_a", "actor_b"])
    # A-B: 8.0 from A to B, 0.1 + ... + 0.9 = 4.5 from B to A (by hand)
    assert first.loc[("A", "B"), "strain_ab"] == 8.0
    assert first.loc[("A", "B"), "strain_ba"] == 4.5
    assert first.loc[("A", "B"), "strain"] == 12.5
    assert first.loc[("A", "C"), "cooperation"] == 5.0  # 0.05 + 0.15 + ... + 0.95 = 4.5 + 10 * 0.05
    for table in tables[1:]:
        assert table.equals(tables[0])


@pytest.mark.parametrize(
    ("weight", "fast"),
    [
        ("-0.123456", True),  # six places: summed exactly by DuckDB
        ("-0.1234567", False),  # seven: the pandas engine sums it
        ("-1e300", False),  # sums past 2**53 units: the pandas engine
    ],
)
def test_weights_duckdb_sums_exactly(tmp_path, weight, fast):
    path = tmp_path / "edges.csv"
    path.write_text(f"source,target,action,weight\nA,B,protest,{weight}\nA,C,protest,-2\n")
    columnar = load_columnar(path)
    assert (columnar is not None) is fast
    if columnar is not None:
        columnar.close()
