"""No silent misreads: what a newcomer mistypes is an error (or a warning), never a quiet wrong answer."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import graphkit as gk
from graphkit.cli import main
from graphkit.errors import ArgumentError, EdgeSetError, Problem
from graphkit.spelling import closest_first, edit_distance, near_miss


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


# --- misspelt columns -------------------------------------------------------------


def test_a_misspelt_weight_column_is_an_error_not_the_taxonomy_weight(write_csv):
    # the case: without the check, strain read tariff's taxonomy 6.5 instead of 3
    path = write_csv("source,target,action,wieght\nUSA,CAN,tariff,-3\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stdout == f"{path}:1: unknown column 'wieght': did you mean 'weight'?\n"
    strain = run("strain", path)
    assert strain.exit_code == 2
    assert strain.stderr == f"graphkit: {path}:1: unknown column 'wieght': did you mean 'weight'?\n"


@pytest.mark.parametrize(
    ("column", "meant"),
    [("Weight", "weight"), ("WEIGHT", "weight"), ("weigth", "weight"), ("Domian", "domain"), ("dat", "date")],
)
def test_near_misses_of_known_columns(write_csv, column, meant):
    path = write_csv(f"source,target,action,{column}\nUSA,CAN,tariff,x\n")
    problems = gk.validate_edge_set(path)
    assert Problem(str(path), 1, f"unknown column {column!r}: did you mean {meant!r}?") in problems


def test_a_misspelt_required_column_is_named_once(write_csv):
    # 'Source ' (a capital and a trailing space): one did-you-mean, no "missing 'source'" besides
    path = write_csv("Source ,target,action\nUSA,CAN,tariff\n")
    assert gk.validate_edge_set(path) == [
        Problem(str(path), 1, "unknown column 'Source': did you mean 'source'?")
    ]


def test_near_miss_rules():
    # distance: wieght -> weight is one swap; tradee -> trade one deletion
    assert edit_distance("wieght", "weight") == 1
    assert edit_distance("tradee", "trade") == 1
    assert edit_distance("kitten", "sitting") == 3  # k->s, e->i, +g
    assert near_miss("ID", ["id"]) == "id"  # case only
    assert near_miss("ids", ["id"]) is None  # id: no edit allowed, only case
    assert near_miss("note", ["quote", "name"]) is None  # two edits from each: another word
    assert near_miss("quotes", ["quote"]) == "quote"  # five letters: one edit allowed
    assert near_miss("sorce", ["source"]) == "source"
    assert near_miss("srce", ["source"]) == "source"  # six letters: two edits allowed
    assert near_miss("notes", ["quote", "source"]) is None


def test_other_extra_columns_are_carried_and_listed_once_by_validate(write_csv):
    path = write_csv("source,target,action,notes,url\nUSA,CAN,tariff,a,b\nCAN,USA,tariff,c,d\n", "mine.csv")
    edge_set = gk.load_edge_set(path)
    assert edge_set.extra_columns == ["notes", "url"]
    assert edge_set.edges["notes"].tolist() == ["a", "c"]
    result = run("validate", path)
    assert result.exit_code == 0
    assert result.stderr == (
        "graphkit: columns graphkit does not read, carried through to the outputs: notes, url\n"
        "mine: valid (2 edges, 2 actors)\n"
    )


def test_a_misspelt_actors_column_is_an_error(tmp_path):
    (tmp_path / "edges.csv").write_text("source,target,action\nUSA,CAN,tariff\n")
    (tmp_path / "actors.csv").write_text("id,nmae\nUSA,United States\nCAN,Canada\n")
    problems = gk.validate_edge_set(tmp_path)
    assert problems == [
        Problem(str(tmp_path / "actors.csv"), 1, "unknown column 'nmae': did you mean 'name'?")
    ]


# --- filter values that match nothing ---------------------------------------------


def test_a_domain_that_matches_nothing_is_an_error_naming_the_domains_closest_first():
    essay = gk.load_edge_set()
    with pytest.raises(ArgumentError) as caught:
        gk.filter_edges(essay, domain="tradee")
    assert caught.value.argument == "domain"
    # the essay's domains by edit distance from 'tradee' (case aside), ties alphabetical:
    # trade 1 (drop e); energy 5; the rest 6 or more (security 7, diplomacy 8, ...)
    detail = caught.value.detail
    assert detail.startswith("'tradee' matches no edge in 'essay': use one of trade, ")
    domains = detail.split("use one of ")[1].split(", ")
    assert sorted(domains) == sorted(set(essay.edges["domain"]))
    assert [edit_distance("tradee", d) for d in domains] == sorted(
        edit_distance("tradee", d) for d in domains
    )


def test_closest_first_orders_by_distance_then_name():
    # trade: 1; energy: t->e, r->n, a->e, d->r, e->g, +y = 6 > trade; security farther still
    assert closest_first("tradee", ["security", "energy", "trade"]) == ["trade", "energy", "security"]


def test_the_cli_refuses_a_domain_that_matches_nothing():
    result = run("strain", "--domain", "tradee")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(
        "graphkit: --domain 'tradee' matches no edge in 'essay': use one of trade, "
    )
    assert len(result.stderr.splitlines()) == 1


def test_diff_accepts_a_domain_present_in_one_set_only(write_csv):
    a = write_csv("source,target,action\nUSA,CAN,tariff\n", "a.csv")
    b = write_csv("source,target,action\nUSA,CAN,criticism\n", "b.csv")
    # trade is only in a, diplomacy only in b: each matches something, so no error
    for domain in ("trade", "diplomacy"):
        assert run("diff", a, b, "--domain", domain).exit_code == 0
    result = run("diff", a, b, "--domain", "energy")
    assert result.exit_code == 2
    assert "'energy' matches no edge in 'a' or 'b'" in result.stderr


# --- actor ids ---------------------------------------------------------------------


def test_ids_that_differ_only_by_case_are_an_error_naming_both_lines(write_csv):
    path = write_csv("source,target,action\nUSA,CAN,tariff\nCAN,usa,retaliation\n")
    assert gk.validate_edge_set(path) == [
        Problem(
            str(path),
            3,
            "actor id 'usa' differs from 'USA' (line 2) only by case or spaces: "
            "write one actor's id the same way everywhere",
        )
    ]


def test_a_self_loop_hidden_by_case_is_caught(write_csv):
    path = write_csv("source,target,action\nusa,USA,criticism\n")
    with pytest.raises(EdgeSetError) as caught:
        gk.load_edge_set(path)
    [problem] = caught.value.problems
    assert problem.line == 2 and "'usa' differs from 'USA' (line 2)" in problem.message


def test_an_id_whose_case_differs_from_actors_csv_names_the_listed_spelling(tmp_path):
    (tmp_path / "edges.csv").write_text("source,target,action\nusa,CAN,tariff\n")
    (tmp_path / "actors.csv").write_text("id,name\nUSA,United States\nCAN,Canada\n")
    assert gk.validate_edge_set(tmp_path) == [
        Problem(
            str(tmp_path / "edges.csv"),
            2,
            "actor 'usa' is not in actors.csv (used as source on 1 row(s)): write it as 'USA', as actors.csv does",
        )
    ]


def test_ids_with_surrounding_spaces_are_one_actor(write_csv):
    # a quoted ' USA' keeps its space in the CSV, and graphkit strips cells: one actor, no second 'USA'
    path = write_csv('source,target,action\n" USA",CAN,tariff\nUSA,MEX,tariff\n')
    edge_set = gk.load_edge_set(path)
    assert sorted(edge_set.actors["id"]) == ["CAN", "MEX", "USA"]


def test_an_alpha2_id_gets_a_warning_suggesting_alpha3(write_csv):
    path = write_csv("source,target,action\nCAN,MEX,tariff\nUS,CA,tariff\n")
    edge_set = gk.load_edge_set(path)  # valid: a warning, not an error
    # CA and CAN on one set: one actor split in two; US alone: a code other sets will not match
    assert [(w.line, w.message.split(";")[0]) for w in edge_set.warnings] == [
        (3, "actor 'CA' looks like CAN (Canada)"),
        (3, "actor 'US' looks like USA (United States)"),
    ]
    assert "this set also uses 'CAN' (line 2)" in edge_set.warnings[0].message
    assert "write 'USA'" in edge_set.warnings[1].message
    result = run("strain", path)
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1].startswith(f"graphkit: warning: {path}:3: actor 'US' looks like")
    result = run("validate", path)
    assert result.exit_code == 0
    assert result.stderr.count("graphkit: warning:") == 2


def test_the_essay_has_no_warnings():
    assert gk.load_edge_set().warnings == ()


# --- messages ----------------------------------------------------------------------


def test_every_error_line_starts_with_graphkit():
    for args in (["strain", "edgez.csv"], ["strain", "--bogus"], ["strain", "--top", "x"], ["nosuch"]):
        result = run(*args)
        assert result.exit_code == 2, args
        assert result.stderr and all(line.startswith("graphkit: ") for line in result.stderr.splitlines())
    assert run("strain", "edgez.csv").stderr.startswith("graphkit: edgez.csv: no such file")


def test_valid_says_one_edge_not_one_edges(write_csv):
    path = write_csv("source,target,action\nUSA,CAN,tariff\n", "mine.csv")
    assert run("validate", path).stderr == "mine: valid (1 edge, 2 actors)\n"


def test_short_version_flag():
    assert run("-V").stdout == run("--version").stdout == f"graphkit, version {gk.__version__}\n"


def test_optional_columns_graphkit_reads_are_not_called_unread(write_csv):
    # docs/format.md documents date_end, scale, mode, plover_type/plover_mode and a draft's
    # confidence/rule/status: validate must not tell the user graphkit ignores them
    path = write_csv(
        "source,target,action,date,date_end,mode,plover_type,plover_mode,confidence,rule,status,note\n"
        "USA,CAN,tariff,2024,2025,hedged,COERCE,restrict,0.9,r1,draft,mine\n",
        "mine.csv",
    )
    assert gk.load_edge_set(path).extra_columns == ["note"]
    result = run("validate", path)
    assert result.exit_code == 0
    assert "carried through to the outputs: note\n" in result.stderr
