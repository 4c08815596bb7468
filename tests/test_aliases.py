"""Actor aliases: one actor under two ids in two codings."""

from __future__ import annotations

import pytest

from graphkit.aliases import alias_hints, apply_aliases, parse_aliases, read_aliases
from graphkit.analysis.strain_alg import strain
from graphkit.edgeset import load_edge_set
from graphkit.errors import EdgeSetError


def test_parse_and_apply():
    aliases = parse_aliases("from,to\nNIPPON_STEEL,JPNBUS\n\nUS_LNG,USABUS\n")
    assert aliases == {"NIPPON_STEEL": "JPNBUS", "US_LNG": "USABUS"}
    first = apply_aliases(load_edge_set("essay-2025-v1"), aliases)
    ids = set(first.edges["source"]) | set(first.edges["target"])
    assert "NIPPON_STEEL" not in ids and "JPNBUS" in ids
    assert first.actors["id"].is_unique
    assert first.actors.set_index("id").at["JPNBUS", "name"] == "Japanese steel company (Nippon Steel)"
    # the pair counts as one: essay-2025-v1's blocked acquisition (e12, 1211: 4.0) now ranks as JPNBUS-USA
    table = strain(first)
    assert ("JPNBUS", "USA") in set(zip(table["actor_a"], table["actor_b"]))


def test_bad_alias_files_say_where(tmp_path):
    with pytest.raises(EdgeSetError, match=r"a\.csv:1: the header must be 'from,to'"):
        parse_aliases("old,new\nA,B\n", "a.csv")
    with pytest.raises(EdgeSetError) as caught:
        parse_aliases("from,to\nA,B\nA,C\nD,D\nB,E\nF,\n", "a.csv")
    assert [str(p) for p in caught.value.problems] == [
        "a.csv:2: 'A' -> 'B' -> 'E' is a chain: write A,E",
        "a.csv:3: 'A' is aliased twice (first on line 2): keep one",
        "a.csv:4: 'D' is aliased to itself: drop the line",
        "a.csv:6: an alias needs two ids, from and to",
    ]
    path = tmp_path / "aliases.csv"
    path.write_text("from,to\nX,Y\n", encoding="utf-8")
    assert read_aliases(path) == {"X": "Y"}


def test_hints_name_ids_that_never_co_occur_but_share_a_name():
    # essay-2025-v1 and essay name one firm, one set of firms and one media differently
    # (CHANGES.md, actors): three hints, one per renamed actor, in id order
    hints = alias_hints([load_edge_set("essay-2025-v1"), load_edge_set("essay")])
    assert [h.split(" are ")[0] for h in hints] == [
        "essay-2025-v1's DEU_MEDIA and essay's DEUMED",
        "essay-2025-v1's NIPPON_STEEL and essay's JPNBUS",
        "essay-2025-v1's US_LNG and essay's USABUS",
    ]
    assert hints[1].endswith("alias them (a line NIPPON_STEEL,JPNBUS)")
    aliases = {"DEU_MEDIA": "DEUMED", "NIPPON_STEEL": "JPNBUS", "US_LNG": "USABUS"}
    aliased = apply_aliases(load_edge_set("essay-2025-v1"), aliases)
    assert alias_hints([aliased, load_edge_set("essay")]) == []
