"""The uncertainty, scale, guardrail and alias options as a user runs them (values by hand)."""

from __future__ import annotations

import json

from .test_guardrails import CYCLES
from .test_resample import DROP, TWO


def test_strain_resample_is_deterministic_and_carries_intervals(run):
    first = run("strain", "--top", "5", "--resample", "300", "--seed", "1", "--format", "csv")
    assert first.exit_code == 0, first.stderr
    assert (
        first.stdout
        == run("strain", "--top", "5", "--resample", "300", "--seed", "1", "--format", "csv").stdout
    )
    assert (
        first.stdout
        != run("strain", "--top", "5", "--resample", "300", "--seed", "2", "--format", "csv").stdout
    )
    header = first.stdout.splitlines()[0].split(",")
    assert header[5:10] == ["strain", "rank_low", "rank_high", "p_first", "p_top"]
    assert (
        "300 resamples of 33 units (action, seed 1): rank_low to rank_high is a 90% interval" in first.stderr
    )


def test_strain_resample_by_hand(run, write_csv):
    # tests/test_resample.py: A-B first in 3 of 4 equally likely draws
    result = run(
        "strain", write_csv(TWO), "--resample", "4000", "--seed", "7", "--top", "1", "--format", "json"
    )
    [row] = json.loads(result.stdout)
    assert (row["actor_a"], row["rank_low"], row["rank_high"]) == ("A", 1, 2)
    assert abs(row["p_first"] - 0.75) < 0.03


def test_strain_drop_one_by_hand(run, write_csv):
    result = run("strain", write_csv(DROP), "--drop-one", "--top", "2", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ids,source,target,action,strain,leaves,enters,change",
        "a1,A,B,x,5.0,A-B,E-F,members",
        "c1,C,D,x,4.0,C-D,E-F,members",
    ]
    assert result.stderr == "graphkit: 2 actions of 4 change the top 2 when left out\n"
    refused = run("strain", "--drop-one", "--resample", "10")
    assert refused.exit_code == 2 and "--drop-one lists units, not pairs" in refused.stderr


def test_strain_scale_count_by_hand(run, write_csv):
    # count: every hostile row -1 whatever its weight: A-B 2 rows, C-D 1 row
    path = write_csv("source,target,action,weight\nA,B,x,-9\nA,B,y,-1\nC,D,z,-10\n")
    records = json.loads(run("strain", path, "--scale", "count", "--format", "json").stdout)
    assert [(r["actor_a"], r["strain"]) for r in records] == [("A", 2.0), ("C", 1.0)]


def test_the_essay_warns_and_a_graph_with_cycles_does_not(run, write_csv):
    star = run("centrality")
    assert star.exit_code == 0
    assert "graphkit: warning: the hostile layer is a star around USA" in star.stderr
    balance = run("balance")
    assert "0 (no cycle: frustration is 0 by construction)" in balance.stdout
    assert "graphkit: warning: no cycle: the signed graph is a forest (16 actors, 15 ties)" in balance.stderr
    assert json.loads(run("balance", "--format", "json").stdout)["warnings"][0].startswith("no cycle:")
    cycles = write_csv(CYCLES)
    for command in ("centrality", "balance"):
        result = run(command, cycles)
        assert result.exit_code == 0 and "warning" not in result.stderr, (command, result.stderr)
    quiet = json.loads(run("balance", cycles, "--format", "json").stdout)
    assert quiet["warnings"] == [] and quiet["exact"] is True
    assert "(exact)" in run("balance", cycles).stdout


def test_robustness_across_scales_and_resampled(run):
    result = run(
        "robustness", "--unit", "action", "--scale", "goldstein", "--scale", "count",
        "--resample", "100", "--seed", "3", "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    korea = records[0]
    # KOR-USA: 25.8 by Goldstein, 5 hostile rows by count: first under both
    assert korea["ranks"] == {"essay:action:goldstein": 1, "essay:action:count": 1}
    assert set(korea) >= {"rank_low", "rank_high", "p_top"}


def _aliases(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("from,to\nNIPPON_STEEL,JPNBUS\nDEU_MEDIA,DEUMED\nUS_LNG,USABUS\n", encoding="utf-8")
    return path


def test_alias_joins_renamed_actors_in_diff_and_robustness(run, tmp_path):
    plain = run("diff", "essay-2025-v1", "essay", "--format", "json")
    hints = [line for line in plain.stderr.splitlines() if line.startswith("graphkit: warning:")]
    assert len(hints) == 3 and "NIPPON_STEEL and essay's JPNBUS are both named" in hints[1]
    assert hints[1].endswith("(a line NIPPON_STEEL,JPNBUS) in a file given to --alias")
    aliased = run("diff", "essay-2025-v1", "essay", "--alias", _aliases(tmp_path), "--format", "json")
    assert aliased.exit_code == 0 and "warning" not in aliased.stderr
    # 31 claims matched by quote; the 5 that differed in direction differed only by the firm and
    # media ids (CHANGES.md), so with the aliases every direction agrees
    before = {a["attribute"]: a for a in json.loads(plain.stdout)["agreement"]["attributes"]}
    after = {a["attribute"]: a for a in json.loads(aliased.stdout)["agreement"]["attributes"]}
    assert (before["direction"]["agree"], after["direction"]["agree"]) == (26, 31)
    ranks = json.loads(
        run("robustness", "essay", "essay-2025-v1", "--alias", _aliases(tmp_path), "--format", "json").stdout
    )
    assert not any("NIPPON_STEEL" in (r["actor_a"], r["actor_b"]) for r in ranks)


def test_score_takes_aliases_and_a_bad_alias_file_is_one_line(run, tmp_path):
    assert run("score", "essay-2025-v1", "essay", "--alias", _aliases(tmp_path)).exit_code == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("old,new\nA,B\n", encoding="utf-8")
    result = run("diff", "essay-2025-v1", "essay", "--alias", bad)
    assert result.exit_code == 2
    assert (
        result.stderr.strip().splitlines()[-1]
        == f"graphkit: {bad}:1: the header must be 'from,to': one alias a line, from id to id"
    )


def test_docs_show_todays_intervals_scales_and_drop_one(run):
    # docs/units.md shows these outputs; they must follow the essay and the code
    from pathlib import Path

    docs = Path(__file__).resolve().parent.parent / "docs"
    units = (docs / "units.md").read_text(encoding="utf-8")
    four = ["--scale", "goldstein", "--scale", "plover", "--scale", "count", "--scale", "quad"]
    shown = [
        (units, ("strain", "--top", "5", "--resample", "1000", "--seed", "1", "--format", "markdown")),
        (units, ("strain", "--drop-one", "--format", "markdown")),
        (units, ("robustness", "essay", "--unit", "action", *four, "--top", "5", "--format", "markdown")),
        (units, ("robustness", "essay", "--unit", "action", *four, "--top", "5", "--resample", "1000", "--seed", "1", "--format", "markdown")),
    ]  # fmt: skip
    for page, args in shown:
        result = run(*args)
        assert result.exit_code == 0 and result.stdout.strip(), result.stderr
        assert result.stdout in page, args


def test_the_readmes_resampling_claims_hold(run):
    # README: South Korea-US first in about half the resamples and in the top 5 in nearly all;
    # from Canada-US down every interval spans five ranks or more
    records = json.loads(
        run("strain", "--top", "5", "--resample", "1000", "--seed", "1", "--format", "json").stdout
    )
    korea, *others = records
    assert 0.4 < korea["p_first"] < 0.6 and korea["p_top"] > 0.9
    assert all(r["rank_high"] - r["rank_low"] + 1 >= 5 for r in others)
