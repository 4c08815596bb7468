"""graphkit cameo: a CAMEO code looked up by code or by words of its name."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import graphkit as gk
from graphkit.cli import main
from graphkit.errors import ArgumentError


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_code_lists_itself_with_its_goldstein_value_and_taxonomy_action():
    # CAMEO 163 "Impose embargo, boycott, or sanctions" is -8.0; the taxonomy's tariff, retaliation
    # and sanction use it (codebook round two); the published CAMEO2PLOVER table's line for 163
    # reads "163: COERCE, restrict"
    result = run("cameo", "163", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == (
        "code,label,goldstein,quad_class,plover,actions\n"
        '163,"Impose embargo, boycott, or sanctions",-8.0,4,COERCE restrict,"tariff,retaliation,sanction"\n'
    )


def test_statements_have_no_plover_event():
    # the PLOVER table has no row for CAMEO's 01x public statements: PLOVER codes no event for them
    assert set(gk.cameo_codes("01")["plover"]) == {""}


def test_a_code_lists_the_codes_under_it():
    # CAMEO's root 16 "REDUCE RELATIONS": 16, 160, 161, 162 (1621-1623), 163, 164, 165, 166 (1661-1663)
    codes = gk.cameo_codes("16")["code"].tolist()
    assert codes == [
        "16",
        "160",
        "161",
        "162",
        "1621",
        "1622",
        "1623",
        "163",
        "164",
        "165",
        "166",
        "1661",
        "1662",
        "1663",
    ]


def test_words_match_names_case_aside_and_all_must_be_there():
    # the two CAMEO names holding both "reduce" and "aid": 1311 (threat) and 162 (act)
    found = gk.cameo_codes("Reduce AID")
    assert found[["code", "goldstein", "actions"]].values.tolist() == [
        ["1311", -5.8, "aid_reduction_threat"],
        ["162", -5.6, "aid_suspension"],
    ]


def test_a_taxonomy_action_finds_its_code():
    # "tariff" is in no CAMEO label, but the taxonomy codes its tariff as 163 (see the first test),
    # and the README weighs "a tariff (-8.0, CAMEO 163)": a newcomer's first lookup must find it,
    # with the taxonomy's tariff_threat (1312 "Threaten to boycott, embargo, or sanction", -5.8),
    # in the table's order
    result = run("cameo", "Tariff", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:] == [
        '1312,"Threaten to boycott, embargo, or sanction",-5.8,3,THREATEN restrict,tariff_threat',
        '163,"Impose embargo, boycott, or sanctions",-8.0,4,COERCE restrict,"tariff,retaliation,sanction"',
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "sanctoin",
            "'sanctoin' matches no CAMEO code's name: did you mean 'sanction'? (or give a code, such as 163)",
        ),
        (
            # the common misspelling, one transposition from the taxonomy's 'tariff' (CAMEO's labels
            # hold no such word; 'tarif', a part of 'tariff', matches as 'sanction' matches 'sanctions')
            "tarrif",
            "'tarrif' matches no CAMEO code's name: did you mean 'tariff'? (or give a code, such as 163)",
        ),
        ("36", "'36' matches no CAMEO code: did you mean '036'? (CAMEO codes keep their leading zeros)"),
        # a code one digit too long: the code it extends, and what lies under that one
        (
            "0361",
            (
                "'0361' matches no CAMEO code: the nearest code is 036 (Express intent to meet or negotiate), "
                "which has no code under it"
            ),
        ),
        (
            "1624",
            (
                "'1624' matches no CAMEO code: the nearest code is 162 (Reduce or stop aid, not specified below), "
                "whose codes are 1621, 1622, 1623"
            ),
        ),
        (
            "99",
            "'99' matches no CAMEO code: CAMEO codes run from 01 to 20 at the root (graphkit cameo 16 lists 160 to 166)",
        ),
    ],
)
def test_nothing_matching_is_an_error_with_the_nearest(query, message):
    result = run("cameo", query)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"graphkit: {message}\n")
    with pytest.raises(ArgumentError):
        gk.cameo_codes(query)


def test_a_plover_type_lists_every_code_plover_reads_as_it():
    # the CAMEO2PLOVER-2021 table's COERCE lines, read by hand: 163, 170, 171, 1711, 172, 1721-1724,
    # 173, 174, 191, 192 (1712 is ASSAULT), and 17, whose CAMEO label is "COERCE". Before, only
    # 17 and 170 came, by their labels: 163 (tariffs and sanctions) was missing.
    assert gk.cameo_codes("coerce")["code"].tolist() == [
        "163", "17", "170", "171", "1711", "172", "1721", "1722", "1723", "1724", "173", "174", "191", "192",
    ]  # fmt: skip


def test_a_plural_finds_what_its_singular_finds():
    # 'threats' matched nothing ("did you mean 'threat'?"): CAMEO's labels say "Threaten"
    assert gk.cameo_codes("threats")["code"].tolist() == gk.cameo_codes("threat")["code"].tolist()
    assert "1312" in gk.cameo_codes("threats")["code"].tolist()  # Threaten to boycott, embargo, or sanction
