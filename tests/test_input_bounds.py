"""Hostile input bytes and bounds (issue 24): NUL bytes anywhere and a byte-order mark
opening a later line (FILE:LINE), a zip bounded as a whole, GDELT actor codes and a
user's gazetteer that validate would refuse, standard input given for two inputs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GDELT_SAMPLE = ROOT / "tests" / "data" / "gdelt1_sample_events.tsv"


def python(*args, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **kwargs.pop("env", {})}
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, check=False, **kwargs)


def test_a_byte_order_mark_opening_a_data_record_is_pinned_to_its_line(tmp_path):
    # before: "internal CSV reading mismatch" (pyarrow drops a BOM opening what it
    # reads, Python's csv module keeps it)
    path = tmp_path / "edges.csv"
    path.write_bytes(b"source,target,action,weight\n\xef\xbb\xbfUSA,CAN,tariff,-4\nCAN,USA,tariff,-4\n")
    done = python("-m", "graphkit.cli", "strain", str(path))
    assert done.returncode == 2
    assert f"graphkit: {path}:2: a byte-order mark (U+FEFF) starts this line" in done.stderr.decode()
    # at the very start of the file it is the usual UTF-8 signature, and fine
    path.write_bytes(b"\xef\xbb\xbfsource,target,action,weight\nUSA,CAN,tariff,-4\n")
    assert python("-m", "graphkit.cli", "strain", str(path)).returncode == 0


def test_a_nul_byte_after_the_first_mebibyte_is_refused_at_its_line(tmp_path):
    rows = [b"source,target,action,weight"] + [b"USA,CAN,tariff,-4"] * 80_000  # 1.4 MB
    rows[70_000] = b"USA,CAN,tar\x00iff,-4"  # line 70,001, past the first MiB
    data = b"\n".join(rows) + b"\n"
    path = tmp_path / "edges.csv"
    path.write_bytes(data)
    at = data.index(b"\x00") + 1
    expected = (
        f"{path}:70001: binary data (a NUL byte at byte {at:,}), not text: give a CSV file saved as UTF-8"
    )
    done = python("-m", "graphkit.cli", "strain", str(path))
    assert done.returncode == 2 and expected in done.stderr.decode()
    # the same from a pipe, stopped as soon as the block is read
    piped = python("-m", "graphkit.cli", "strain", "-", input=data)
    assert piped.returncode == 2 and expected.replace(str(path), "<stdin>") in piped.stderr.decode()


def test_max_unpacked_bounds_the_whole_zip_not_each_member(tmp_path):
    import io
    import zipfile

    sample = GDELT_SAMPLE.read_bytes()
    member = sample * (700_000 // len(sample) + 1)  # about 0.7 MB of real rows each
    archive = tmp_path / "three.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as packed:
        for name in ("a.CSV", "b.CSV", "c.CSV"):
            packed.writestr(name, member)
    archive.write_bytes(buffer.getvalue())
    # each member is under 1 MiB; the three together are over it (before: accepted)
    done = python("-m", "graphkit.cli", "import-gdelt", str(archive), "--max-unpacked", "1M")
    assert done.returncode == 2
    assert done.stderr.decode() == (
        f"graphkit: {archive}: its members would unpack to {3 * len(member):,} bytes, more than 1 MiB: "
        "a GDELT export is far smaller, so this may be a decompression bomb; if it is real, raise the "
        "bound (max_unpacked, or --max-unpacked on the command line)\n"
    )
    assert python("-m", "graphkit.cli", "import-gdelt", str(archive), "--max-unpacked", "3M").returncode == 0


def test_import_gdelt_writes_no_actor_code_validate_refuses(tmp_path):
    rows = GDELT_SAMPLE.read_text().splitlines()
    fields = rows[4].split("\t")
    from graphkit.interop.gdelt import gdelt_versions

    at = {name: k for k, name in enumerate(gdelt_versions()[len(fields)][1])}
    source_code = fields[at["Actor1CountryCode"]]
    assert source_code and source_code.isupper()

    def row(event_id, actor1):
        changed = list(fields)
        changed[at["GLOBALEVENTID"]] = str(event_id)
        changed[at["Actor1CountryCode"]] = actor1
        return "\t".join(changed)

    # line 1 spells the actor as GDELT does; line 2 in lower case (a clash validate
    # refuses); line 3 holds an escape character
    path = tmp_path / "events.tsv"
    path.write_text("\n".join([row(1, source_code), row(2, source_code.lower()), row(3, "U\x1bSA")]) + "\n")
    out = tmp_path / "edges.csv"
    done = python("-m", "graphkit.cli", "import-gdelt", str(path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    stderr = done.stderr.decode()
    assert (
        f"{path}:2: skipped malformed row: country code {source_code.lower()!r} differs from "
        f"{source_code!r} ({path}:1) only by case"
    ) in stderr
    assert f"{path}:3: skipped malformed row: country code 'U\\x1bSA' holds a control character" in stderr
    assert python("-m", "graphkit.cli", "validate", str(out)).returncode == 0  # before: refused


def test_a_bad_actor_id_in_the_users_gazetteer_is_blamed_on_that_file(tmp_path):
    text = tmp_path / "article.txt"
    text.write_text("Freedonia imposed tariffs on Sylvania. Sylvania criticised Freedonia.\n")
    gazetteer = tmp_path / "names.csv"
    # line 2 is fine; line 3 spells graphkit's USA in lower case; line 4 holds an escape
    gazetteer.write_text(
        "alias,actor,kind\nFreedonia,FRE,state\nSylvania,usa,state\nGrand Fenwick,GF\x1b,state\n"
    )
    done = python(
        "-m", "graphkit.cli", "extract", str(text), "--gazetteer", str(gazetteer), "-o", str(tmp_path / "d")
    )
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        f"graphkit: {gazetteer}:3: actor 'usa' differs from 'USA' (graphkit's own gazetteer) only by case: write 'USA'",
        f"graphkit: {gazetteer}:4: actor holds a control character: remove it",
    ]
    assert not (tmp_path / "d").exists()


def test_standard_input_is_never_read_for_two_inputs(tmp_path):
    essay_text = python(
        "-c", "import graphkit, sys; sys.stdout.write(graphkit.load_edge_set('essay').source_text)"
    )
    # the text and the candidate both from '-': before, the candidate read an empty
    # stream after the text and the score misreported
    done = python("-m", "graphkit.cli", "score", "-", "essay", "--source-text", "-", input=essay_text.stdout)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "graphkit: standard input ('-') is given for two inputs: only one can come from standard input; "
        "save the other to a file (see 'python -m graphkit.cli score --help')\n"
    )
    gdelt = python("-m", "graphkit.cli", "import-gdelt", "-", "-", input=GDELT_SAMPLE.read_bytes())
    assert gdelt.returncode == 2
    assert "'-' is given more than once" in gdelt.stderr.decode()
