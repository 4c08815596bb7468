"""JSON records are written column by column, byte for byte as json.dumps writes them."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from graphkit.io import json_records
from graphkit.io.formatting import format_frame, to_records


def old_json(frame: pd.DataFrame) -> str:
    """The implementation before the column-wise one: the reference."""
    return json.dumps(to_records(frame), indent=2, ensure_ascii=False) + "\n"


FRAMES = {
    "mixed": pd.DataFrame(
        {
            "actor": ["KOR", 'say "no"', "multi\nline", "back\\slash", "tab\tbell\x07", "Zürich ☃", ""],
            "strain": [32.8, -0.0, np.nan, np.inf, -np.inf, 1e-7, 2e16],
            # near-ties, small numbers (repr's exponent forms), big ones, plain ones
            "tiny": [0.0000125, 1.0000005, 2.5e-5, 1e-4, 123456789.1234567, 12345678901.25, -3.3],
            "count": [7, 0, 12, -1, 2**40, 3, 4],
            "flag": [True, False, True, True, False, False, True],
        }
    ),
    "objects": pd.DataFrame(
        {
            "quote": ["a", None, "b", np.nan, "c"],
            "mixed": [1.23456789, "x", None, 7, pd.NA],
            "text": pd.array(["p", None, "q", "r", "s"], dtype="string"),
        }
    ),
    "random": pd.DataFrame(
        {
            "x": np.random.default_rng(0).normal(0, 1e3, 3000),
            "y": np.random.default_rng(1).uniform(-1e-3, 1e-3, 3000),
            "n": np.arange(3000),
        }
    ),
}


@pytest.mark.parametrize("name", sorted(FRAMES))
def test_json_equals_json_dumps(name):
    assert format_frame(FRAMES[name], "json") == old_json(FRAMES[name])


def test_json_across_blocks(monkeypatch):
    monkeypatch.setattr(json_records, "BLOCK_ROWS", 7)  # 3000 rows: 429 blocks
    frame = FRAMES["random"]
    assert format_frame(frame, "json") == old_json(frame)


def test_json_exact_text():
    frame = pd.DataFrame({"a": ['x"y'], "b": [0.1 + 0.2], "c": [np.nan]})
    # 0.1 + 0.2 = 0.30000000000000004 rounds to 0.3; the quote is escaped; NaN is null
    assert format_frame(frame, "json") == '[\n  {\n    "a": "x\\"y",\n    "b": 0.3,\n    "c": null\n  }\n]\n'


def test_json_falls_back_for_what_only_json_dumps_writes():
    lists = pd.DataFrame({"a": [[1, 2], [3]]})
    numbered = pd.DataFrame({0: [1.5], 1: ["x"]})
    for frame in (lists, numbered):
        assert json_records.records_json(frame) is None
        assert format_frame(frame, "json") == old_json(frame)


def test_json_nested_level():
    frame = FRAMES["mixed"]
    document = json.dumps({"rows": to_records(frame)}, indent=2, ensure_ascii=False)
    assert document == '{\n  "rows": ' + json_records.records_json(frame, level=1) + "\n}"


def test_json_in_pieces_is_the_same_text(monkeypatch):
    monkeypatch.setattr(json_records, "BLOCK_ROWS", 250)
    for frame in FRAMES.values():
        pieces = list(json_records.records_json_chunks(frame, end="\n"))
        assert "".join(pieces) == old_json(frame)
    assert len(list(json_records.records_json_chunks(FRAMES["random"]))) == 1 + 3000 // 250


def test_cli_streams_json_to_file_and_stdout(small_set, tmp_path):
    from click.testing import CliRunner

    from graphkit.analysis.strain_alg import strain
    from graphkit.cli import main
    from graphkit.edgeset import load_edge_set

    expected = old_json(strain(load_edge_set(small_set)))
    out = tmp_path / "s.json"
    assert (
        CliRunner().invoke(main, ["strain", str(small_set), "--format", "json", "-o", str(out)]).exit_code
        == 0
    )
    assert out.read_text(encoding="utf-8") == expected
    assert CliRunner().invoke(main, ["strain", str(small_set), "--format", "json"]).stdout == expected
