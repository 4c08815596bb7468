"""Every validation error names its file, its physical line and what to do."""

from __future__ import annotations

import pytest

from graphkit.edgeset import load_edge_set, validate_edge_set
from graphkit.errors import EdgeSetError

HEADER = "id,source,target,action,weight,cameo,date,quote\n"
GOOD = "e1,USA,CAN,tariff,,,2025,\n"


def messages(path):
    return [(p.line, p.message) for p in validate_edge_set(path)]


@pytest.mark.parametrize(
    "body, line, fragment",
    [
        ("e2,USA,,tariff,,,,\n", 3, "empty 'target': every edge needs a source, a target and an action"),
        ("e2,,CAN,tariff,,,,\n", 3, "empty 'source'"),
        ("e2,USA,CAN,,,,,\n", 3, "empty 'action'"),
        ("e2,USA,CAN,tariff,heavy,,,\n", 3, "weight 'heavy' is not a number: use a number from -10 to 10"),
        (
            "e2,USA,CAN,tariff,12,,,\n",
            3,
            "weight 12 is outside the Goldstein scale: use a number from -10 to 10",
        ),
        ("e2,USA,CAN,tariff,-10.5,,,\n", 3, "weight -10.5 is outside the Goldstein scale"),
        ("e2,USA,CAN,tariff,nan,,,\n", 3, "weight 'nan' is not a finite number"),
        ("e2,USA,CAN,tariff,-inf,,,\n", 3, "weight '-inf' is not a finite number"),
        ("e2,USA,CAN,shouting,,,,\n", 3, "unknown action 'shouting' with neither weight nor cameo"),
        ("e2,USA,CAN,x,,999,,\n", 3, "unknown CAMEO code '999': use a code from the CAMEO table"),
        ("e2,USA,CAN,x,,36,,\n", 3, "did you mean '036'?"),
        (
            "e2,USA,CAN,tariff,,,2025-13,\n",
            3,
            "date '2025-13' does not exist (months run from 01 to 12): use YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "e2,USA,CAN,tariff,,,2025-02-30,\n",
            3,
            "date '2025-02-30' does not exist (February 2025 has 28 days)",
        ),
        ("e2,USA,CAN,tariff,,,25/01/2025,\n", 3, "malformed date '25/01/2025'"),
        # a well-formed day that the calendar lacks is not "malformed": say which day is wrong
        ("e2,USA,CAN,tariff,,,2024-04-31,\n", 3, "date '2024-04-31' does not exist (April 2024 has 30 days)"),
        ("e1,USA,MEX,tariff,,,,\n", 3, "duplicate id 'e1' (first on line 2): give each edge its own id"),
        (
            "e2,USA,USA,tariff,,,,\n",
            3,
            "source and target are both 'USA': an edge links two different actors",
        ),
        ("e2,USA,CAN,tariff,,,,,extra\n", 3, "expected 8 fields as in the header, found 9: quote any field"),
        (
            'e2,USA,CAN,tariff,,,,"no end\ne3,USA,MEX,tariff,,,,\n',
            3,
            "malformed CSV (unexpected end of data)",
        ),
    ],
)
def test_row_problems_name_line_and_remedy(write_csv, body, line, fragment):
    path = write_csv(HEADER + GOOD + body)
    found = validate_edge_set(path)
    assert [p.line for p in found] == [line]
    assert fragment in found[0].message
    assert str(found[0]).startswith(f"{path}:{line}: ")


def test_line_numbers_are_physical_lines_after_multiline_quotes(write_csv):
    # the quote of e1 spans lines 2-4, so e2 starts on line 5
    path = write_csv(HEADER + 'e1,USA,CAN,tariff,,,2025,"one\ntwo\nthree"\ne2,USA,CAN,tariff,99,,,\n')
    assert messages(path) == [(5, "weight 99 is outside the Goldstein scale: use a number from -10 to 10")]


def test_blank_lines_do_not_shift_line_numbers(write_csv):
    path = write_csv(HEADER + GOOD + "\n" + "e2,USA,CAN,tariff,abc,,,\n")
    assert [line for line, _ in messages(path)] == [4]


def test_every_problem_is_reported(write_csv):
    path = write_csv(HEADER + "e1,USA,,tariff,,,,\ne2,USA,CAN,tariff,20,,2025-00,\n")
    assert [line for line, _ in messages(path)] == [2, 3, 3]


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.csv"
    [problem] = validate_edge_set(missing)
    assert (
        str(problem)
        == f"{missing}: no such file, folder or bundled edge set: give a path, or a name from 'graphkit sets'"
    )


def test_folder_without_edges_csv(tmp_path):
    [problem] = validate_edge_set(tmp_path)
    assert str(problem) == f"{tmp_path}: folder has no edges.csv: put the edges in {tmp_path / 'edges.csv'}"


def test_empty_file(write_csv):
    path = write_csv("")
    assert [str(p) for p in validate_edge_set(path)] == [
        f"{path}: file is empty: it needs a header row and one row per record"
    ]


def test_header_without_rows(write_csv):
    assert "has a header but no edges" in validate_edge_set(write_csv(HEADER))[0].message


def test_missing_required_column(write_csv):
    path = write_csv("source,action\nUSA,tariff\n")
    assert messages(path) == [(1, "missing required column 'target': add it to the header")]


def test_not_utf8(write_csv):
    path = write_csv((HEADER + GOOD).encode() + "e2,USA,CAN,tariff,,,,Café\n".encode("latin-1"))
    assert messages(path) == [(3, "not UTF-8 text (byte 0xe9): save the file as UTF-8")]


def test_byte_order_mark_is_accepted(write_csv):
    path = write_csv(b"\xef\xbb\xbf" + (HEADER + GOOD).encode())
    assert load_edge_set(path).edges["source"].tolist() == ["USA"]


def test_endpoints_missing_from_actors_csv(write_csv):
    write_csv("id,name\nUSA,United States\n", "set/actors.csv")
    path = write_csv(HEADER + GOOD + "e2,USA,MEX,tariff,,,,\ne3,USA,MEX,tariff,,,,\n", "set/edges.csv")
    assert messages(path.parent) == [
        (2, "actor 'CAN' is not in actors.csv (used as target on 1 row(s)): add it there"),
        (3, "actor 'MEX' is not in actors.csv (used as target on 2 row(s)): add it there"),
    ]


def test_bad_actor_rows(write_csv):
    actors = write_csv(
        "id,name,kind\nUSA,United States,state\nUSA,Again,state\nCAN,Canada,country\n", "set/actors.csv"
    )
    write_csv(HEADER + GOOD, "set/edges.csv")
    assert [(p.file, p.line, p.message) for p in validate_edge_set(actors.parent)] == [
        (str(actors), 3, "duplicate actor id 'USA': list each actor once"),
        (str(actors), 4, "unknown kind 'country': use one of state, bloc, company, person, other"),
    ]


def test_quote_must_be_verbatim_in_source_text(write_csv):
    write_csv("The  US imposed\na 25% tariff on Canada.", "set/source.txt")
    path = write_csv(
        HEADER
        + 'e1,USA,CAN,tariff,,,,"The US imposed a 25% tariff"\n'  # whitespace differs: fine
        + 'e2,USA,CAN,tariff,,,,"The US imposed a 20% tariff"\n',
        "set/edges.csv",
    )
    assert messages(path.parent) == [
        (
            3,
            "quote not found verbatim in source.txt: copy it exactly from the source text (only whitespace may differ)",
        )
    ]


def test_load_refuses_invalid_sets_with_every_problem(write_csv):
    path = write_csv(HEADER + "e1,USA,,tariff,,,,\ne2,USA,CAN,tariff,20,,,\n")
    with pytest.raises(EdgeSetError) as err:
        load_edge_set(path)
    assert [p.line for p in err.value.problems] == [2, 3]


def test_defaults_come_from_cameo_then_taxonomy(write_csv):
    path = write_csv(
        "source,target,action,weight,cameo,domain\n"
        "USA,CAN,surveillance,,,\n"  # taxonomy: surveillance -6.0 (no CAMEO code), intelligence
        "USA,CAN,made_up,,163,\n"  # CAMEO 163 embargo: -8.0
        "USA,CAN,surveillance,-3,,energy\n"  # explicit values win
        "USA,CAN,tariff,,,\n"  # taxonomy: tariff carries CAMEO 163, so -8.0, trade
    )
    edges = load_edge_set(path).edges
    assert edges["weight"].tolist() == [-6.0, -8.0, -3.0, -8.0]
    assert edges["domain"].tolist() == ["intelligence", "other", "energy", "trade"]
    assert edges["cameo"].tolist() == ["", "163", "", "163"]


def test_cameo_codes_keep_leading_zeros_and_extra_columns_are_kept(write_csv):
    path = write_csv("source,target,action,cameo,note\nUSA,RUS,talks,036,secret\n")
    edges = load_edge_set(path).edges
    assert edges.loc[0, "cameo"] == "036"
    assert edges.loc[0, "weight"] == 4.0  # CAMEO 036 Express intent to meet or negotiate
    assert edges.loc[0, "note"] == "secret"


def test_inferred_actor_names(write_csv):
    actors = load_edge_set(write_csv("source,target,action\nUSA,EUR,tariff\nKOR,XQ1,tariff\n")).actors
    assert dict(zip(actors["id"], zip(actors["name"], actors["kind"]))) == {
        "EUR": ("Europe", "bloc"),  # CAMEO region code: Europe, not the EU (codebook rule 6)
        "KOR": ("South Korea", "state"),  # pycountry's common name
        "USA": ("United States", "state"),
        "XQ1": ("XQ1", "other"),
    }


def test_inputs_are_never_modified(write_csv):
    text = HEADER + GOOD + "e2,USA,CAN,tariff,20,,,\n"
    path = write_csv(text)
    validate_edge_set(path)
    assert path.read_text(encoding="utf-8") == text


def test_date_bounds_must_be_real_days(run, small_set):
    result = run("strain", small_set, "--since", "2024-02-30")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "graphkit: --since '2024-02-30' does not exist (February 2024 has 29 days): use YYYY, YYYY-MM or YYYY-MM-DD\n"
    )
    assert run("strain", small_set, "--until", "2024-02-29").exit_code == 0  # a leap day is real


def test_unreadable_actors_file_gives_only_its_real_problem(write_csv):
    write_csv("source,target,action\nUSA,CAN,tariff\n", "set/edges.csv")
    actors = write_csv(b"id,name\nUSA,U\xffS\n", "set/actors.csv")
    assert [str(p) for p in validate_edge_set(actors.parent)] == [
        f"{actors}:2: not UTF-8 text (byte 0xff): save the file as UTF-8"
    ]


def test_date_end_is_checked_where_given(tmp_path):
    # each line's problem worked out by hand from the rule: a real date, after a date
    (tmp_path / "edges.csv").write_text(
        "source,target,action,date,date_end,quote\n"
        "USA,CAN,tariff,2024,2025,a\n"
        "USA,MEX,tariff,2024-05,2024-03,b\n"
        "USA,JPN,tariff,,2024,c\n"
        "USA,KOR,tariff,2024,2024-02-30,d\n"
    )
    from graphkit import validate_edge_set

    problems = [str(p).replace(str(tmp_path) + "/", "") for p in validate_edge_set(tmp_path / "edges.csv")]
    assert problems == [
        "edges.csv:3: date_end '2024-03' is before date '2024-05': a range ends after it starts",
        "edges.csv:4: date_end '2024' without a date: give the date the range starts at",
        "edges.csv:5: date_end '2024-02-30' does not exist (February 2024 has 29 days): use YYYY, YYYY-MM or YYYY-MM-DD",
    ]
