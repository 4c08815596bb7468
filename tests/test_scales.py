"""Weight scales and PLOVER beside CAMEO: each scale's weights worked out by hand, and the
CAMEO-to-PLOVER mapping checked row by row against the published table."""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import pytest

from graphkit.analysis.strain_alg import strain
from graphkit.edgeset import load_edge_set
from graphkit.errors import ArgumentError
from graphkit.plover import PLOVER_SCORES, PLOVER_TYPES, plover_of, plover_score, plover_table
from graphkit.scales import SCALES, plover_columns, quad_classes, scale_weights, with_scale

# sha256 of CAMEO2PLOVER-2021.txt as published in openeventdata/PLOVER (commit 5e0c24f)
PUBLISHED_SHA256 = "524512a777756e90f6721724d7c5cab4eac2c35178a50ad2ad09bdb3edefbe7e"


def _shipped_table() -> str:
    from importlib import resources

    return (resources.files("graphkit") / "data" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8")


def test_the_shipped_table_is_the_published_one_with_its_licence_noted():
    assert hashlib.sha256(_shipped_table().encode("utf-8")).hexdigest() == PUBLISHED_SHA256
    from importlib import resources

    sources = (resources.files("graphkit") / "data" / "SOURCES.md").read_text(encoding="utf-8")
    assert (
        "CAMEO2PLOVER-2021.txt" in sources and "CC BY-SA 4.0" in sources and "openeventdata/PLOVER" in sources
    )


def test_every_row_of_the_published_table_maps_as_published():
    # read the table here with its own rule ("CODE: TYPE, mode, context # label"), independently
    # of graphkit.plover, and ask graphkit for every 3- and 4-digit code it lists
    rows = {}
    for line in _shipped_table().splitlines():
        found = re.match(r"^(\d+):\s*([A-Z]+)\s*,(.*?)(?:,|#|$)", line)
        if found and len(found.group(1)) >= 3:
            rows.setdefault(found.group(1), (found.group(2), found.group(3).strip().lower()))
    assert len(rows) > 250
    wrong = {code: (plover_of(code), want) for code, want in rows.items() if plover_of(code) != want}
    assert wrong == {}
    assert set(plover_table()) == set(rows)


def test_plover_types_and_scores_as_in_the_manual():
    # PLOVER manual draft 0.8, "PLOVER conflict--cooperation scores"
    assert plover_of("163") == ("COERCE", "restrict")  # Impose embargo, boycott, or sanctions
    assert plover_of("1382") == ("THREATEN", "territory")  # Threaten occupation
    assert plover_of("112") == ("ACCUSE", "disapprove")
    assert plover_of("010") == ("", "")  # a public statement: no PLOVER event
    assert plover_of("022") == ("REQUEST", "")  # an appeal: graphkit's REQUEST (no table row)
    assert plover_score("THREATEN", "territory") == -4.0
    assert plover_score("COERCE", "restrict") == -7.0
    assert plover_score("THREATEN", "ban") == -3.5  # a mode the score table lacks: the type's
    assert plover_score("REQUEST") == 0.0
    assert plover_score("ACCUSE") == -3.0  # printed "3" in the manual: read as -3 (docs/scales.md)
    assert all(kind in PLOVER_SCORES for kind in PLOVER_TYPES)


ROWS = """source,target,action,weight,cameo,plover_type,plover_mode
A,B,tariff,,,,
A,B,accusation,,,,
A,B,statement,,010,,
A,B,made_up,-4,,,
A,B,custom,-1,,ASSAULT,
C,D,concession,,,,
C,D,surveillance,,,,
"""


@pytest.fixture
def rows(write_csv):
    return load_edge_set(write_csv(ROWS)).edges


def test_each_scale_by_hand(rows):
    # tariff: CAMEO 163 (taxonomy), Goldstein -8.0, PLOVER COERCE restrict -7, quad 4 (material conflict)
    # accusation: 112, -2.0, ACCUSE disapprove -2, quad 3 (verbal conflict)
    # statement 010: 0.0, no PLOVER event 0, quad 1 (CAMEO 01 is verbal cooperation)
    # made_up: own weight -4, no code and no type: PLOVER keeps -4 (a fallback), quad by sign -1
    # custom: own weight -1 with plover_type ASSAULT: PLOVER -9, quad 4 (ASSAULT's quad category)
    # concession: 080, +5.0, CONCEDE +4.5, quad 2 (GDELT: roots 06 to 08 are material cooperation)
    # surveillance: graphkit's own -6.0, PLOVER COERCE (taxonomy) -7, quad 4
    goldstein, _ = scale_weights(rows, "goldstein")
    assert goldstein.tolist() == [-8.0, -2.0, 0.0, -4.0, -1.0, 5.0, -6.0]
    plover, fallback = scale_weights(rows, "plover")
    assert plover.tolist() == [-7.0, -2.0, 0.0, -4.0, -9.0, 4.5, -7.0] and fallback == 1
    count, _ = scale_weights(rows, "count")
    assert count.tolist() == [-1.0, -1.0, 0.0, -1.0, -1.0, 1.0, -1.0]
    assert quad_classes(rows).tolist() == [4, 3, 1, 0, 4, 2, 4]
    quad, fallback = scale_weights(rows, "quad")
    assert quad.tolist() == [-2.0, -1.0, 1.0, -1.0, -2.0, 2.0, -2.0] and fallback == 1


def test_plover_columns_from_code_own_columns_and_taxonomy(rows):
    columns = plover_columns(rows)
    assert columns.values.tolist() == [
        ["COERCE", "restrict"],
        ["ACCUSE", "disapprove"],
        ["", ""],
        ["", ""],
        ["ASSAULT", ""],
        ["CONCEDE", ""],
        ["COERCE", ""],
    ]


def test_strain_under_a_scale(rows):
    # A-B under count: 4 hostile rows (tariff, accusation, made_up, custom) = 4; C-D: surveillance 1
    edges = with_scale(rows, "count")
    frame = pd.DataFrame({"a": edges["source"], "w": edges["weight"]})
    assert frame[frame["w"] < 0].groupby("a")["w"].sum().to_dict() == {"A": -4.0, "C": -1.0}
    assert rows["weight"].tolist()[0] == -8.0  # the caller's frame is untouched


def test_an_unknown_scale_is_an_error(rows):
    with pytest.raises(ArgumentError, match="scale 'richter' is not a weight scale: use one of goldstein"):
        scale_weights(rows, "richter")
    assert SCALES == ("goldstein", "plover", "count", "quad")


def test_validation_checks_the_plover_and_mode_columns(write_csv):
    from graphkit.edgeset import validate_edge_set

    path = write_csv(
        "source,target,action,weight,plover_type,plover_mode,mode\n"
        "A,B,x,-1,THREATEN,territory,hedged\n"
        "A,B,x,-1,SHOUT,,\n"
        "A,B,x,-1,,restrict,\n"
        "A,B,x,-1,,,maybe\n"
    )
    problems = [str(p).split(": ", 1)[1] for p in validate_edge_set(path)]
    assert problems[0].startswith("unknown plover_type 'SHOUT': use one of AGREE, CONSULT")
    assert problems[1] == "plover_mode 'restrict' without a plover_type: give the type it qualifies"
    assert problems[2].startswith("unknown mode 'maybe': use one of historical, future, hypothetical")
    assert len(problems) == 3


def test_the_essay_under_each_scale_keeps_korea_first():
    # KOR-USA under count: e07, e08, e10, e37, e39 are five hostile rows, more than any pair
    essay = load_edge_set("essay")
    for scale in SCALES:
        edges = with_scale(essay.edges, scale)
        top = strain(essay.with_edges(edges)).head(1)
        assert top[["actor_a", "actor_b"]].values.tolist() == [["KOR", "USA"]], scale
