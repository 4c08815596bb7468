"""Actor ids a newcomer mistypes: country names and codes other than graphkit's warn; --actor finds names."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import graphkit as gk
from graphkit.cli import main
from graphkit.errors import ArgumentError


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


STATE = "graphkit, CAMEO and GDELT name states by ISO alpha-3 code: write {!r} so that it matches other sets"


def test_a_country_name_beside_its_code_warns_that_one_actor_is_split_in_two(write_csv):
    # the case: Iceland-Norway came out as two relationships (Norway and NOR)
    path = write_csv("source,target,action\nISL,Norway,criticism\nISL,NOR,tariff\n")
    edge_set = gk.load_edge_set(path)
    assert [str(w) for w in edge_set.warnings] == [
        (
            f"{path}:2: actor 'Norway' looks like NOR (Norway); this set also uses 'NOR' (line 3), "
            "so one actor may be split in two: write 'NOR' on every row"
        )
    ]
    result = run("strain", path)
    assert result.exit_code == 0
    assert result.stderr == f"graphkit: warning: {edge_set.warnings[0]}\n"


@pytest.mark.parametrize(
    ("actor", "meant"),
    [
        ("UK", "GBR (United Kingdom)"),  # not ISO at all (GB is), and the usual slip
        ("Russia", "RUS (Russian Federation)"),  # pycountry knows only "Russian Federation"
        ("nor", "NOR (Norway)"),  # a lone lower-case code: no case clash to catch it
        ("Nor", "NOR (Norway)"),
        ("South Korea", "KOR (South Korea)"),
        ("US", "USA (United States)"),
        # from the one name table (graphkit.country_names) that verify's ICEWS reader uses
        ("Democratic Republic of Congo", "COD (Congo, The Democratic Republic of the)"),
    ],
)
def test_names_and_non_standard_codes_of_states_suggest_the_alpha3_code(write_csv, actor, meant):
    path = write_csv(f"source,target,action\nFRA,{actor},criticism\n")
    code = meant.split()[0]
    assert [str(w) for w in gk.load_edge_set(path).warnings] == [
        f"{path}:2: actor {actor!r} looks like {meant}; " + STATE.format(code)
    ]


@pytest.mark.parametrize("actor", ["EU", "European Union", "E.U."])
def test_the_eu_suggests_its_cameo_code_eec(write_csv, actor):
    path = write_csv(f"source,target,action\n{actor},FRA,criticism\n")
    assert [str(w) for w in gk.load_edge_set(path).warnings] == [
        (
            f"{path}:2: actor {actor!r} looks like EEC (European Union); graphkit, CAMEO and GDELT name "
            "blocs by CAMEO code: write 'EEC' so that it matches other sets"
        )
    ]


def test_the_sets_own_actor_names_are_used(tmp_path):
    # actors.csv calls HMS "Hamas"; a row that writes the name as an id is the same actor twice
    (tmp_path / "edges.csv").write_text("source,target,action\nISR,HMS,criticism\nHamas,ISR,criticism\n")
    (tmp_path / "actors.csv").write_text("id,name\nISR,Israel\nHMS,Hamas\nHamas,Hamas\n")
    warnings = [str(w) for w in gk.load_edge_set(tmp_path).warnings]
    assert warnings == [
        (
            f"{tmp_path / 'edges.csv'}:3: actor 'Hamas' looks like HMS (Hamas); this set also uses 'HMS' "
            "(line 2), so one actor may be split in two: write 'HMS' on every row"
        )
    ]


@pytest.mark.parametrize("actor", ["USA", "EEC", "EUR", "DEU_MEDIA", "Gazprom", "Merkel"])
def test_standard_codes_and_other_names_get_no_warning(write_csv, actor):
    path = write_csv(f"source,target,action\nFRA,{actor},criticism\n")
    assert gk.load_edge_set(path).warnings == ()


def test_the_bundled_sets_have_no_warnings():
    for name in ("essay", "essay-2025-v1", "essay-recoded"):
        assert gk.load_edge_set(name).warnings == (), name


# --- --actor by id case aside, or by name ------------------------------------------


@pytest.mark.parametrize("given", ["CAN", "can", "Canada", "CANADA", " canada "])
def test_actor_filter_finds_an_actor_by_id_case_aside_or_by_name(given):
    essay = gk.load_edge_set("essay")
    # Canada's ego network in the essay: CAN, USA, and every action between them (4 rows)
    kept = gk.filter_edges(essay, actor=given)
    assert sorted(set(kept.edges["source"]) | set(kept.edges["target"])) == ["CAN", "USA"]
    assert len(kept.edges) == len(gk.filter_edges(essay, actor="CAN").edges)


def test_an_unknown_actor_gets_a_did_you_mean_with_its_name():
    with pytest.raises(ArgumentError) as err:
        gk.filter_edges(gk.load_edge_set("essay"), actor="Canda")
    assert str(err.value) == "actor 'Canda' is not an actor of edge set 'essay': did you mean CAN (Canada)?"
    result = run("strain", "--actor", "Germny")
    assert result.exit_code == 2
    assert result.stderr == (
        "graphkit: --actor 'Germny' is not an actor of edge set 'essay': did you mean DEU (Germany)?\n"
    )


def test_a_name_shared_by_two_actors_is_an_error_naming_both(tmp_path):
    (tmp_path / "edges.csv").write_text("source,target,action\nA1,B,criticism\nA2,B,criticism\n")
    (tmp_path / "actors.csv").write_text("id,name\nA1,Smith\nA2,Smith\nB,Jones\n")
    with pytest.raises(ArgumentError) as err:
        gk.filter_edges(gk.load_edge_set(tmp_path), actor="smith")
    assert str(err.value) == (
        f"actor 'smith' names several actors of edge set {tmp_path.name!r} (A1 (Smith), A2 (Smith)): give one id"
    )


def test_diff_finds_the_actor_by_name_in_either_set():
    result = run("diff", "essay-2025-v1", "essay-recoded", "--actor", "canada", "--format", "json")
    assert result.exit_code == 0, result.stderr


# --- round two: abbreviations, "the", dots, pycountry's inverted names ---------------


@pytest.mark.parametrize(
    ("actor", "meant"),
    [
        # abbreviations in common use (graphkit.country_names.ABBREVIATIONS)
        ("ROK", "KOR (South Korea)"),
        ("PRC", "CHN (China)"),
        ("P.R.C.", "CHN (China)"),  # periods dropped before lookup
        ("DPRK", "PRK (North Korea)"),
        ("UAE", "ARE (United Arab Emirates)"),
        ("KSA", "SAU (Saudi Arabia)"),
        # a leading "the"
        ("the Netherlands", "NLD (Netherlands)"),
        ("The United States", "USA (United States)"),
        # pycountry's "Korea, Republic of" read in its natural order
        ("Republic of Korea", "KOR (South Korea)"),
        ("Islamic Republic of Iran", "IRN (Iran)"),
        ("Holland", "NLD (Netherlands)"),
        ("Türkiye", "TUR (Türkiye)"),
        ("Great Britain", "GBR (United Kingdom)"),
    ],
)
def test_abbreviations_and_other_forms_of_a_states_name_suggest_its_code(write_csv, actor, meant):
    path = write_csv(f"source,target,action\nFRA,{actor},criticism\n")
    code = meant.split()[0]
    assert [str(w) for w in gk.load_edge_set(path).warnings] == [
        f"{path}:2: actor {actor!r} looks like {meant}; " + STATE.format(code)
    ]


def test_a_trailing_no_break_space_is_dropped_so_the_id_is_the_code(write_csv):
    # 'USA\u00a0' (a spreadsheet's no-break space) beside 'USA' is one actor, not two
    path = write_csv("source,target,action\nUSA\u00a0,CAN,tariff\nUSA,MEX,tariff\n")
    edge_set = gk.load_edge_set(path)
    assert sorted(set(edge_set.edges["source"])) == ["USA"]
    assert edge_set.warnings == ()


@pytest.mark.parametrize("actor", ["IRA", "ISS", "SAR", "Hezbollah", "NATO"])
def test_initials_that_are_not_a_states_usual_abbreviation_get_no_warning(write_csv, actor):
    # IRA is not Afghanistan's "Islamic Republic of", nor ISS Samoa's "Independent State of"
    path = write_csv(f"source,target,action\nFRA,{actor},criticism\n")
    assert gk.load_edge_set(path).warnings == ()


def test_a_valid_code_that_actors_csv_names_as_another_state_warns(tmp_path):
    # AUT is Austria; a coder who meant Australia (AUS) wrote AUT and named it Australia
    (tmp_path / "edges.csv").write_text("source,target,action\nNZL,CAN,criticism\nAUT,NZL,criticism\n")
    (tmp_path / "actors.csv").write_text("id,name\nAUT,Australia\nNZL,New Zealand\nCAN,Canada\n")
    assert [str(w) for w in gk.load_edge_set(tmp_path).warnings] == [
        (
            f"{tmp_path / 'edges.csv'}:3: actor 'AUT' is Austria's ISO code, but actors.csv names it "
            "'Australia', whose code is 'AUS': write 'AUS' for Australia, or name 'AUT' 'Austria'"
        )
    ]


def test_an_endpoint_written_as_an_actors_name_says_which_id_it_is(tmp_path):
    (tmp_path / "edges.csv").write_text("source,target,action\nWH,KRE,criticism\nWhite House,KRE,criticism\n")
    (tmp_path / "actors.csv").write_text("id,name\nWH,White House\nKRE,Kremlin\n")
    result = run("validate", tmp_path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{tmp_path / 'edges.csv'}:3: actor 'White House' is not in actors.csv (used as source on 1 row(s)): "
        "it is the name of 'WH' there: write 'WH'\n"
    )


@pytest.mark.parametrize(
    ("given", "meant"), [("ROK", "KOR"), ("the US", "USA"), ("Republic of Korea", "KOR")]
)
def test_actor_filter_reads_abbreviations_and_the_as_names(given, meant):
    essay = gk.load_edge_set("essay")
    assert len(gk.filter_edges(essay, actor=given).edges) == len(gk.filter_edges(essay, actor=meant).edges)


@pytest.mark.parametrize(
    ("given", "hint"),
    [
        ("Germ", "did you mean DEU (Germany) or DEUMED (German media)?"),  # a prefix of two names
        ("United", "did you mean USA (United States)?"),  # a prefix of one
        ("korea", "did you mean KOR (South Korea)?"),  # a word of a name
    ],
)
def test_an_actor_given_by_the_start_of_its_name_gets_a_did_you_mean(given, hint):
    with pytest.raises(ArgumentError) as err:
        gk.filter_edges(gk.load_edge_set("essay"), actor=given)
    assert str(err.value) == f"actor {given!r} is not an actor of edge set 'essay': {hint}"


def test_an_abbreviation_for_an_actor_the_set_lacks_says_what_it_stands_for():
    # the essay has no EEC: 'EU' was answered "did you mean DEU (Germany)?", one edit away
    with pytest.raises(ArgumentError) as err:
        gk.filter_edges(gk.load_edge_set("essay"), actor="EU")
    assert str(err.value).startswith(
        "actor 'EU' is not an actor of edge set 'essay': 'EU' stands for EEC (European Union), which it does "
        "not hold: use an actor's id or name from it ("
    )
    assert "DEU (Germany)?" not in str(err.value)
