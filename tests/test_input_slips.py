"""A newcomer's first hour: slips in dates, actions and headers get messages that say what is meant."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import graphkit as gk
from graphkit.cli import main

FIX = "use YYYY, YYYY-MM or YYYY-MM-DD"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


# --- dates that do not exist --------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "message"),
    [
        # April has 30 days; 2024 is a leap year (29 February), 2023 is not
        ("2024-04-31", f"date '2024-04-31' does not exist (April 2024 has 30 days): {FIX}"),
        ("2023-02-29", f"date '2023-02-29' does not exist (February 2023 has 28 days): {FIX}"),
        ("2025-13", f"date '2025-13' does not exist (months run from 01 to 12): {FIX}"),
        # day 00 is no day: "April 2024 has 30 days" said nothing about it
        ("2024-04-00", f"date '2024-04-00' does not exist (days run from 01 to 30 in April 2024): {FIX}"),
        ("31/04/2024", f"malformed date '31/04/2024': {FIX}"),
    ],
)
def test_a_day_that_does_not_exist_is_named_not_called_malformed(write_csv, date, message):
    path = write_csv(f"source,target,action,date\nUSA,CAN,tariff,{date}\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stdout == f"{path}:2: {message}\n"


SAY = "(dates are YYYY, YYYY-MM or YYYY-MM-DD)"


@pytest.mark.parametrize(
    ("date", "message"),
    [
        # each reading worked out by hand: the year, then the month, then the day, zero-padded
        ("2024-4-1", f"write '2024-04-01' {SAY}"),
        ("2024/04/12", f"write '2024-04-12' {SAY}"),
        ("20240412", f"write '2024-04-12' {SAY}"),
        ("April 2024", f"write '2024-04' {SAY}"),
        ("12 April 2024", f"write '2024-04-12' {SAY}"),
        ("2024-04-12T10:00", f"write '2024-04-12' {SAY}"),
        ("2024\u201004\u201012", f"write '2024-04-12' {SAY}"),  # Unicode hyphens from a word processor
        # day and month either way round: both readings, day first (Europe), then month first (US)
        ("12/04/2024", f"write '2024-04-12' if the day comes first, '2024-12-04' if the month does {SAY}"),
        ("12.04.2024", f"write '2024-04-12' if the day comes first, '2024-12-04' if the month does {SAY}"),
        # 13 can only be a day
        ("13/04/2024", f"write '2024-04-13' {SAY}"),
    ],
)
def test_a_date_written_another_way_is_refused_with_its_iso_form(write_csv, date, message):
    path = write_csv(f"source,target,action,date\nUSA,CAN,tariff,{date}\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stdout == f"{path}:2: malformed date {date!r}: {message}\n"


@pytest.mark.parametrize("date", ["Q2 2024", "2024-Q2", "q2/2024"])
def test_a_quarter_is_refused_with_the_range_it_means(write_csv, date):
    # Q2 is April to June: date 2024-04, date_end 2024-06 (docs/time.md's ranges)
    path = write_csv(f"source,target,action,date\nUSA,CAN,tariff,{date}\n")
    assert run("validate", path).stdout == (
        f"{path}:2: malformed date {date!r}: a quarter is a range: write date '2024-04' and date_end '2024-06' "
        f"{SAY}\n"
    )


def test_a_bound_written_another_way_gets_its_iso_form():
    result = run("strain", "--since", "April 2025")
    assert result.exit_code == 2
    assert result.stderr == f"graphkit: --since 'April 2025': write '2025-04' {SAY}\n"


def test_a_leap_day_is_a_real_date(write_csv):
    assert gk.validate_edge_set(write_csv("source,target,action,date\nUSA,CAN,tariff,2024-02-29\n")) == []


def test_a_date_filter_that_does_not_exist_says_so():
    result = run("strain", "--until", "2024-04-31")
    assert result.exit_code == 2
    assert result.stderr == f"graphkit: --until '2024-04-31' does not exist (April 2024 has 30 days): {FIX}\n"


# --- actions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "meant"), [("tarif", "tariff"), ("sanctions", "sanction"), ("Criticism", "criticism")]
)
def test_an_unknown_action_gets_a_did_you_mean_from_the_taxonomy(write_csv, action, meant):
    path = write_csv(f"source,target,action\nUSA,CAN,{action}\n")
    assert run("validate", path).stdout == (
        f"{path}:2: unknown action {action!r}: did you mean {meant!r}? "
        "(an action outside the taxonomy needs a weight or a CAMEO code)\n"
    )


# --- headers from elsewhere ---------------------------------------------------------


def test_a_semicolon_separated_file_gets_one_hint(write_csv):
    # a spreadsheet's "CSV" in many locales; a quote with a comma would otherwise add a width error
    path = write_csv('source;target;action;quote\nUSA;CAN;tariff;"steel, aluminium"\n')
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:1: the header is separated by semicolons, not commas: save the file as CSV with commas "
        "(in a spreadsheet: CSV UTF-8, comma-delimited)\n"
    )
    piped = run("strain", "-", input="source;target;action\nUSA;CAN;tariff\n")
    assert piped.exit_code == 2
    assert piped.stderr.startswith("graphkit: <stdin>:1: the header is separated by semicolons, not commas")


def test_from_and_to_get_a_hint_to_rename_them(write_csv):
    path = write_csv("from,to,action\nUSA,CAN,tariff\n")
    assert run("validate", path).stdout == (
        f"{path}:1: missing required columns 'source' and 'target': rename 'from' and 'to' "
        "in the header to source and target\n"
    )


@pytest.mark.parametrize(
    ("header", "pair"),
    [
        ("origin,destination,action", ("origin", "destination")),
        ("tail,head,action", ("tail", "head")),  # an arc runs from its tail to its head
        ("Actor1Code,Actor2Code,action", ("Actor1Code", "Actor2Code")),  # GDELT's event table
        ("Sender,Recipient,action", ("Sender", "Recipient")),
        ("actor_1,actor_2,action", ("actor_1", "actor_2")),  # compared without case, spaces, underscores
    ],
)
def test_other_tools_names_for_the_ends_of_an_edge_get_a_hint_to_rename_them(write_csv, header, pair):
    path = write_csv(f"{header}\nUSA,CAN,tariff\n")
    assert run("validate", path).stdout == (
        f"{path}:1: missing required columns 'source' and 'target': rename {pair[0]!r} and {pair[1]!r} "
        "in the header to source and target\n"
    )


def test_other_tools_names_for_an_edges_type_get_a_hint(write_csv):
    # Cytoscape's edge table names the type of an edge 'interaction'
    path = write_csv("source,target,interaction,shared name\nUSA,CAN,tariff,USA (tariff) CAN\n")
    assert run("validate", path).stdout == (
        f"{path}:1: missing required column 'action': rename 'interaction' to action if it holds the type of "
        "each act (graphkit taxonomy lists them), or add an action column\n"
    )
    gdelt = write_csv("Actor1CountryCode,Actor2CountryCode,EventCode\nUSA,CAN,163\n", "gdelt.csv")
    assert run("validate", gdelt).stdout.splitlines()[1] == (
        f"{gdelt}:1: missing required column 'action': 'EventCode' looks like CAMEO codes: rename it to cameo "
        "and add an action column (a row with a CAMEO code takes its Goldstein value, whatever its action)"
    )


@pytest.mark.parametrize(
    ("text", "first", "looks"),
    [
        (
            "USA,CAN,tariff\nCAN,USA,retaliation\n",
            "USA,CAN,tariff",
            "a row of data (no header), or another tool's header",
        ),
        ("USA CAN 1\nCAN USA 1\n", "USA CAN 1", "an edge list separated by spaces, without a header"),
        ('*Vertices 2\n1 "USA"\n2 "CAN"\n*Arcs\n1 2 -8\n', "*Vertices 2", "a Pajek .net file"),
        ("DL n=2\nformat = edgelist1\ndata:\n1 2\n", "DL n=2", "a UCINET DL file"),
        (
            "name,interaction,shared name\nUSA (tariff) CAN,tariff,USA (tariff) CAN\n",
            "name,interaction,shared name",
            "Cytoscape's default edge table (each edge named 'A (interaction) B', no source and target)",
        ),
    ],
)
def test_a_file_without_graphkits_header_gets_one_line_saying_what_it_looks_like(
    write_csv, text, first, looks
):
    # three "missing required column" lines said nothing about why all three were missing
    path = write_csv(text)
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:1: the first line {first!r} is not a header naming source, target and action (the file looks "
        f"like {looks}): write a first line naming the columns, such as source,target,action (docs/format.md)\n"
    )


def test_gephis_edge_table_is_read_with_a_warning(write_csv):
    # Gephi's Data Laboratory edge table: Source, Target, Type, Id, Label, Weight
    path = write_csv(
        "Source,Target,Type,Id,Label,Weight\nUSA,CAN,Directed,e1,tariff,1.0\nCAN,USA,Undirected,e2,retaliation,1.0\n"
    )
    edge_set = gk.load_edge_set(path)
    assert [str(w) for w in edge_set.warnings] == [
        (
            f"{path}:1: read Gephi's edge-table header: Source as source, Target as target, Label as action, "
            "Id as id; its Weight (Gephi's edge strength, 1 unless set) is not a Goldstein weight: kept as "
            "gephi_weight, each action weighs its own (rename Weight to weight if it holds Goldstein values); "
            "rows of Type 'Undirected' are read as directed, from Source to Target"
        )
    ]
    # Gephi writes Weight 1.0 on every edge it was not told otherwise about: read as a Goldstein
    # weight, both acts were cooperation at +1. Each takes its taxonomy weight (CAMEO 163, -8.0).
    assert edge_set.edges[["id", "source", "target", "action", "weight"]].values.tolist() == [
        ["e1", "USA", "CAN", "tariff", -8.0],
        ["e2", "CAN", "USA", "retaliation", -8.0],
    ]
    assert edge_set.extra_columns == ["Type", "gephi_weight"]


def test_a_weight_of_the_opposite_sign_of_its_act_warns(write_csv):
    # a tariff at +1 (a count, a default, a lost minus) is cooperation: 8 of strain gone unseen
    path = write_csv(
        "source,target,action,weight,cameo\nUSA,CAN,tariff,1,\nUSA,MEX,tariff,-6.5,\nUSA,MEX,tariff,2,\n"
        "CAN,USA,talks,-1,040\nCAN,USA,talks,3,040\n"
    )
    assert [str(w) for w in gk.load_edge_set(path).warnings] == [
        (
            f"{path}:2: weight 1 has the opposite sign of 'tariff' (CAMEO 163, -8.0), so the row counts as "
            "cooperation, not strain (2 rows like it): check the sign, or leave weight empty to take -8.0"
        ),
        (
            f"{path}:5: weight -1 has the opposite sign of 'talks' (CAMEO 040, +1.0), so the row counts as "
            "strain, not cooperation: check the sign, or leave weight empty to take 1.0"
        ),
    ]
    result = run("strain", path)
    assert result.exit_code == 0
    assert result.stderr.count("graphkit: warning: ") == 2


def test_a_capitalised_source_beside_a_lower_case_target_is_still_a_slip(write_csv):
    path = write_csv("Source,target,action\nUSA,CAN,tariff\n")
    assert run("validate", path).stdout == f"{path}:1: unknown column 'Source': did you mean 'source'?\n"


def test_a_slip_for_a_taxonomy_action_with_its_own_weight_warns(write_csv):
    # valid (a weight makes any action usable), but 'tarif' would be a type apart from 'tariff'
    path = write_csv("source,target,action,weight\nUSA,CAN,tarif,-6.5\nUSA,MEX,tariff,\nCAN,USA,talks,1\n")
    assert [str(w) for w in gk.load_edge_set(path).warnings] == [
        (
            f"{path}:2: action 'tarif' is not in the taxonomy but looks like 'tariff': "
            "write 'tariff' if that is the act, or keep 'tarif' as a type of its own"
        )
    ]


# --- files a spreadsheet saved --------------------------------------------------------


def test_a_spreadsheets_empty_trailing_columns_are_dropped(write_csv):
    # Excel writes ",,," after every row once a cell far right was touched: they hold nothing.
    # Each unnamed column used to be "column '' appears twice in the header", once per column.
    path = write_csv("source,target,action,,,\r\nUSA,CAN,tariff,,,\r\nCAN,USA,retaliation,,,\r\n")
    edge_set = gk.load_edge_set(path)
    assert len(edge_set.edges) == 2
    assert edge_set.extra_columns == []


def test_an_unnamed_column_holding_values_is_an_error(write_csv):
    path = write_csv("source,target,action,\nUSA,CAN,tariff,\nCAN,USA,retaliation,see page 4\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:1: column 4 has no name in the header but holds values ('see page 4' on line 3): "
        "name it in the header, or delete the column\n"
    )


def test_a_column_given_three_times_is_one_problem(write_csv):
    path = write_csv("source,target,action,note,note,note\nUSA,CAN,tariff,a,b,c\n")
    assert (
        run("validate", path).stdout == f"{path}:1: column 'note' appears 3 times in the header: keep one\n"
    )


def test_a_file_saved_as_utf16_says_so(tmp_path):
    # a spreadsheet's "Unicode Text": UTF-16 with its byte-order mark, which read as bytes is half NULs
    path = tmp_path / "unicode.csv"
    path.write_bytes("source,target,action\nUSA,CAN,tariff\n".encode("utf-16"))
    message = "saved as UTF-16 (a spreadsheet's 'Unicode Text'), not UTF-8: save it as CSV UTF-8"
    assert run("validate", path).stdout == f"{path}:1: {message}\n"
    piped = run("strain", "-", input="source,target,action\nUSA,CAN,tariff\n".encode("utf-16"))
    assert piped.stderr == f"graphkit: <stdin>:1: {message}\n"


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ('"-4,5"', "weight '-4,5' is not a number as graphkit reads them: write '-4.5'"),  # a decimal comma
        (
            "\u22124.5",
            "weight '\u22124.5' is not a number as graphkit reads them: write '-4.5'",
        ),  # U+2212 minus
        (
            "\u20134.5",
            "weight '\u20134.5' is not a number as graphkit reads them: write '-4.5'",
        ),  # an en dash
        # 1,000 may be a thousand: no reading offered
        ('"1,000"', "weight '1,000' is not a number: use a number from -10 to 10"),
    ],
)
def test_a_weight_written_with_a_decimal_comma_or_a_unicode_minus_gets_its_reading(
    write_csv, weight, message
):
    path = write_csv(f"source,target,action,weight\nUSA,CAN,retaliation,{weight}\n")
    stdout = run("validate", path).stdout
    assert stdout.startswith(f"{path}:2: {message}")


# --- one edge set given twice ------------------------------------------------------------


def test_scoring_a_set_against_itself_warns():
    # a perfect 1.0 everywhere came with no word that nothing had been compared
    held = Path(__file__).parent / "data" / "held-out" / "poland-germany-alliance"
    result = run("score", held, held / "edges.csv")
    assert result.exit_code == 0
    assert result.stderr == (
        "graphkit: warning: candidate and gold are the same edge set ('poland-germany-alliance'): every score "
        "is 1 by construction; give a second coding of the text as the candidate\n"
    )
    assert "same edge set" not in run("score", held, "essay").stderr


def test_diffing_a_set_against_itself_warns():
    result = run("diff", "essay", Path(__file__).parents[1] / "edges" / "essay")
    assert result.exit_code == 0
    assert result.stderr == (
        "graphkit: warning: A and B are the same edge set ('essay'): nothing can differ; give two edge sets\n"
    )
