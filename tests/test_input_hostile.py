"""Input a user (or a careless script) can produce (issue 15, sections 2 and 3):
each is a one-line message naming the file, exit 2, or read without changing it."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.edgeset import load_edge_set, validate_edge_set

ROOT = Path(__file__).resolve().parent.parent
GDELT_SAMPLE = ROOT / "tests" / "data" / "gdelt1_sample_events.tsv"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


# -- section 2: the user's data is not changed -------------------------------------------


def test_export_keeps_text_unless_a_number_gives_back_the_same_text(write_csv):
    path = write_csv(
        "id,source,target,action,code,big,price,count,tone\n"
        "1,A,B,tariff,007,12345678901234567891,1.50,3,0\n"
        "2,B,A,tariff,010,12345678901234567892,2.25,4,-3.5\n"
    )
    rows = list(
        csv.DictReader(io.StringIO(run("export", path, "--level", "action", "--format", "csv").stdout))
    )
    first = next(r for r in rows if r["source"] == "A")
    assert (first["code"], first["big"], first["price"]) == ("007", "12345678901234567891", "1.50")
    assert first["count"] == "3"  # "3" and "4" give back "3" and "4": integers
    assert first["tone"] == "0.0"  # a whole number among decimals: the same number, as a float
    data = json.loads(run("export", path, "--level", "action", "--format", "json").stdout)
    edge = next(e for e in data["edges"] if e["source"] == "A")
    assert (edge["code"], edge["big"], edge["price"], edge["count"]) == (
        "007",
        "12345678901234567891",
        "1.50",
        3,
    )
    for fmt in ("graphml", "gexf"):
        text = run("export", path, "--level", "action", "--format", fmt).stdout
        assert ">007<" in text or '"007"' in text, fmt
        assert "12345678901234567891" in text and "1.50" in text, fmt


def test_dates_take_ascii_digits_only_and_one_rule_for_data_and_filters(write_csv):
    arabic = "\u0662\u0660\u0662\u0664"  # 2024 in Arabic-Indic digits
    path = write_csv(f"source,target,action,date\nA,B,tariff,{arabic}\nA,B,tariff,0000-01-01\n")
    messages = [p.message for p in validate_edge_set(path)]
    assert messages == [
        f"malformed date {arabic!r}: use YYYY, YYYY-MM or YYYY-MM-DD",
        "date '0000-01-01' does not exist (there is no year 0): use YYYY, YYYY-MM or YYYY-MM-DD",
    ]
    good = write_csv("source,target,action,date\nA,B,tariff,2024\n", "good.csv")
    for bound in ("0000", arabic):
        result = run("strain", good, "--since", bound)
        assert result.exit_code == 2 and result.stderr.startswith("graphkit: --since"), bound


def test_actor_ids_are_nfc_and_control_characters_are_refused(write_csv):
    composed, decomposed = "Caf\u00e9", "Cafe\u0301"
    path = write_csv(f"source,target,action\n{composed},{decomposed},tariff\n{composed},B,tariff\n")
    # the same name typed two ways is one actor: this edge links it to itself
    assert [p.message for p in validate_edge_set(path)] == [
        f"source and target are both {composed!r}: an edge links two different actors"
    ]
    path = write_csv(f"source,target,action\n{decomposed},B,tariff\n", "b.csv")
    assert load_edge_set(path).actors["id"].tolist() == ["B", composed]
    path = write_csv("source,target,action\nA\x1b]0;x\x07,B,tariff\n", "c.csv")
    assert [str(p) for p in validate_edge_set(path)] == [
        f"{path}:2: source 'A\\x1b]0;x\\x07' holds a control character: remove it"
    ]


# -- section 3: crashes become one line -------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
def test_export_takes_columns_named_like_networkx_parameters(write_csv, fmt):
    path = write_csv("id,source,target,action,key,u_of_edge,node_for_adding\n1,A,B,tariff,k,u,n\n")
    result = run("export", path, "--level", "action", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "extra_key" in result.stdout and "u_of_edge" in result.stdout
    if fmt in ("graphml", "gexf"):
        ElementTree.fromstring(result.stdout.encode())  # well-formed


def test_a_description_that_is_not_utf8_is_one_line(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "edges.csv").write_text("source,target,action\nA,B,tariff\n")
    (folder / "description.txt").write_bytes(b"caf\xe9\n")
    result = run("strain", folder)
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"graphkit: {folder}/description.txt:1: not UTF-8 text: save the description as UTF-8\n"
    )


def test_unreadable_files_and_unlistable_folders_are_one_line(tmp_path, monkeypatch):
    # as root every permission check passes, so the failures are made where the OS reports them
    import pathlib

    import graphkit.edgeset

    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "edges.csv").write_text("source,target,action\nA,B,tariff\n")
    (folder / "description.txt").write_text("secret\n")

    def no_listing(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "iterdir", no_listing)  # a folder entered but not listed
    result = run("strain", folder, "--format", "csv", "-o", tmp_path / "out.csv")
    assert result.exit_code == 0, result.output

    def unreadable(path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(graphkit.edgeset, "describe", unreadable)
    result = run("strain", folder)
    assert result.exit_code == 2
    assert result.stderr == (
        f"graphkit: {folder}/description.txt: cannot read: Permission denied: make it readable or remove it\n"
    )


def zip_with(member: bytes, *, encrypted: bool = False, method: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        info = zipfile.ZipInfo("events.CSV")
        archive.writestr(info, member)
    data = bytearray(buffer.getvalue())
    local, central = 0, data.index(b"PK\x01\x02")
    if encrypted:  # general purpose flag bit 0, in both headers
        data[local + 6] |= 1
        data[central + 8] |= 1
    if method is not None:  # compression method, in both headers
        data[local + 8 : local + 10] = method.to_bytes(2, "little")
        data[central + 10 : central + 12] = method.to_bytes(2, "little")
    return bytes(data)


def test_encrypted_and_deflate64_zips_are_one_line(tmp_path):
    sample = GDELT_SAMPLE.read_bytes()
    encrypted = tmp_path / "enc.zip"
    encrypted.write_bytes(zip_with(sample, encrypted=True))
    result = run("import-gdelt", encrypted)
    assert result.exit_code == 2
    assert result.stderr == (
        f"graphkit: {encrypted}/events.CSV: the zip member is encrypted: unpack it with its password first\n"
    )
    deflate64 = tmp_path / "d64.zip"
    deflate64.write_bytes(zip_with(sample, method=9))
    result = run("import-gdelt", deflate64)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"graphkit: {deflate64}/events.CSV: compressed with a method Python's zip reader lacks (type 9"
    )


def test_import_gdelt_output_reads_back_identically(tmp_path):
    line = GDELT_SAMPLE.read_text().splitlines()[4].split("\t")
    line[-1] = "http://example.org/a\rb"  # SOURCEURL with a carriage return
    source = tmp_path / "cr.tsv"
    source.write_text("\t".join(line) + "\n")
    out = tmp_path / "edges.csv"
    assert run("import-gdelt", source, "-o", out).exit_code == 0
    assert run("validate", out).exit_code == 0
    assert load_edge_set(out).edges["document"].tolist() == ["http://example.org/a\rb"]


def test_a_decompression_bomb_is_refused_in_bounded_memory(tmp_path):
    # 1 GiB of text in about 1 MB of gzip; graphkit must stop at its bound (here 64 MiB)
    bomb = tmp_path / "bomb.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"0" * (1 << 20)
    with open(bomb, "wb") as handle:
        handle.writelines(packer.compress(block) for _ in range(1024))
        handle.write(packer.flush())
    limit = 900 << 20  # address space: well under the 1 GiB the bomb unpacks to
    script = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))\n"
        "from graphkit.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script, "import-gdelt", str(bomb), "--max-unpacked", "64M"],
        env=env,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.decode() == (
        f"graphkit: {bomb}: unpacks to more than 64 MiB: a GDELT export is far smaller, so this may be a "
        "decompression bomb; if it is real, raise the bound (max_unpacked, or --max-unpacked on the "
        "command line)\n"
    )
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < limit >> 10


# -- section 4: explosive input ------------------------------------------------------------


def test_render_and_diff_pages_share_one_size_rule(write_csv, tmp_path):
    from graphkit.render.page import MAX_PAGE_EDGES

    rows = "\n".join(f"A{i},B{i},criticism,-1" for i in range(MAX_PAGE_EDGES + 1))
    big = write_csv("source,target,action,weight\n" + rows + "\n", "big.csv")
    result = run("render", big, "-o", tmp_path / "big.html")
    assert result.exit_code == 2
    # 5,001 actions, each its own pair: the pair view (chosen above 1,500 actions) still
    # draws 5,001 lines
    assert result.stderr == (
        "graphkit: the edge set 'big' holds 5,001 relationships, more than a page can draw (5,000): "
        "draw fewer with the domain, actor, since or until filters or the most strained "
        "relationships only (top)\n"
    )
    assert not (tmp_path / "big.html").exists()
    assert run("render", big, "--top", "10", "-o", tmp_path / "top.html").exit_code == 0


def test_quotes_are_found_whole_words_or_parts_each_distinct_one_once(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "source.txt").write_text("The minister said:  we will\nnot accept these tariffs today.\n")
    quotes = [
        "we will not accept",  # whitespace differs from the text
        "nister said: we will not acc",  # starts and ends inside words
        "will not accept these tariffs",
        "these tariffs today.",
        "we will accept",  # not in the text
        "tariffs",
        "riff",
        "we will not accept",  # repeated
    ]
    rows = "".join(f'A,B,tariff,"{q}"\n' for q in quotes)
    (folder / "edges.csv").write_text("source,target,action,quote\n" + rows)
    assert [(p.line, p.message.split(":")[0]) for p in validate_edge_set(folder)] == [
        (6, "quote not found verbatim in source.txt")
    ]


# -- section 5: terminals and spreadsheets ---------------------------------------------------

EVIL = "A\x1b]0;owned\x07"


def test_tables_and_markdown_escape_control_characters(write_csv):
    # a quoted id may carry an escape sequence; refused as an id, it still reaches the
    # terminal through other columns (action, domain) and messages
    path = write_csv(f'source,target,action,weight,domain\nUSA,CAN,"x{EVIL}",-3,"d{EVIL}"\n')
    for fmt in ("table", "markdown"):
        result = run("strain", path, "--format", fmt)
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "dA\\x1b]0;owned\\x07" in result.stdout
    result = run("strain", path, "-o", path.parent / f"no{EVIL}" / "out.csv")  # a message naming a path
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "noA\\x1b]0;owned" in result.stderr
    bad = write_csv(f"source,target,action\n{EVIL},B,tariff\n", "bad.csv")
    result = run("strain", bad)
    assert "\x1b" not in result.stderr
    assert (
        result.stderr
        == f"graphkit: {bad}:2: source 'A\\x1b]0;owned\\x07' holds a control character: remove it\n"
    )


def test_safe_csv_prefixes_formula_cells_and_is_off_by_default(write_csv):
    path = write_csv('source,target,action,weight,domain\nUSA,CAN,tariff,-3,"=HYPERLINK(""x"")"\n')
    plain = run("strain", path, "--format", "csv").stdout
    assert plain.splitlines()[1].endswith(',"=HYPERLINK(""x"")"')
    safe = run("strain", path, "--format", "csv", "--safe-csv").stdout
    # text cells gain a ', numbers (strain -3 shows as 3.0, and negatives) stay numbers
    assert safe.splitlines()[1].endswith(',"\'=HYPERLINK(""x"")"')
    export = run("export", path, "--level", "action", "--format", "csv", "--safe-csv").stdout
    assert "'=HYPERLINK" in export and ",-3.0," in export


def test_every_csv_graphkit_writes_reads_back_identically(write_csv, tmp_path):
    text = 'id,source,target,action,weight,quote,note\n1,USA,CAN,tariff,-3,"a\rb","x,""y"""\n'
    path = write_csv(text)
    original = load_edge_set(path).edges
    out = tmp_path / "action.csv"
    assert run("export", path, "--level", "action", "--format", "csv", "-o", out).exit_code == 0
    again = load_edge_set(out).edges
    assert again.loc[0, "quote"] == original.loc[0, "quote"] == "a\rb"
    assert again.loc[0, "note"] == original.loc[0, "note"] == 'x,"y"'


def test_safe_csv_is_honoured_by_every_command_that_offers_it(tmp_path):
    from graphkit.cli import main as group

    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "edges.csv").write_text(
        "source,target,action,weight,domain,quote,date\n=A,B,tariff,-3,t,one,2024\nB,C,tariff,-2,t,two,2024\n"
        "C,=A,sanction,-4,t,three,2025\n"
    )
    (folder / "source.txt").write_text("one two three\n")
    (folder / "actors.csv").write_text("id,name\n=A,=cmd\nB,B\nC,C\n")
    other = tmp_path / "other"
    other.mkdir()
    for name in ("edges.csv", "actors.csv", "source.txt"):
        (other / name).write_text((folder / name).read_text())
    commands = {
        "strain": ["strain", folder],
        "centrality": ["centrality", folder],
        "taxonomy": ["taxonomy"],
        "cameo": ["cameo", "16"],
        "diff": ["diff", folder, folder],
        "robustness": ["robustness", folder, other],
        "balance": ["balance", folder],
        "score": ["score", folder, folder],
        "timeline": ["timeline", folder],
        "summary": ["summary", folder],
        "verify": ["verify", folder, "--record", folder],
    }
    offering = {
        name for name, command in group.commands.items() if any(p.name == "safe_csv" for p in command.params)
    }
    assert offering - {"export", "import-gdelt", "import-dyads"} == set(commands)  # tested apart
    for name, args in commands.items():
        plain = run(*args, "--format", "csv")
        safe = run(*args, "--format", "csv", "--safe-csv")
        assert plain.exit_code == safe.exit_code == 0, (name, plain.stderr, safe.stderr)
        lines = safe.stdout.splitlines()
        assert not any(cell.startswith(("=", "+", "@")) for line in lines for cell in line.split(",")), name
        if "=A" in plain.stdout:
            assert "'=A" in safe.stdout, name
