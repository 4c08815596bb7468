"""Edge files whose header names graphkit's columns another way.

Gephi's edge table (its Data Laboratory exports and imports ``Source``, ``Target``,
``Type``, ``Id``, ``Label``, ``Weight``: https://gephi.org/users/supported-graph-formats/spreadsheet)
is read as graphkit's columns, with a warning saying so. Its ``Weight`` is not:
Gephi's edge weight is a strength (1 by default, the count of an edge repeated in
a CSV import: https://gephi.org/users/supported-graph-formats/csv-format), which
read as a Goldstein value made every tariff of a Gephi export cooperation at +1.
A file separated by semicolons or tabs, a header with other tools' names for graphkit's (``from``/``to``,
``interaction``), or a first line that is no header at all (data, a Pajek file) gets
a one-line hint instead of a list of missing columns.
"""

from __future__ import annotations

from dataclasses import replace

from .errors import Problem
from .io.csvfile import CsvTable

__all__ = [
    "GEPHI_COLUMNS",
    "gephi_header",
    "missing_column_problems",
    "read_as",
    "separator_problem",
]

#: Gephi's edge-table column -> graphkit's, read only when the file lacks graphkit's own.
GEPHI_COLUMNS = {"Source": "source", "Target": "target", "Label": "action", "Id": "id"}

# (source, target) names other tools give the two ends of an edge, compared by _plain
_PAIRS = [
    ("from", "to"),
    ("src", "dst"),
    ("sender", "receiver"),
    ("sender", "recipient"),
    ("actor1", "actor2"),
    ("actor1code", "actor2code"),  # GDELT's event table
    ("actor1countrycode", "actor2countrycode"),
    ("node1", "node2"),
    ("origin", "destination"),
    ("tail", "head"),  # an arc runs from its tail to its head
    ("sourcenode", "targetnode"),
    ("sourceactor", "targetactor"),
    ("initiator", "recipient"),
    ("country1", "country2"),
]

# names other tools give an edge's type, compared by _plain: graphkit's action
_ACTIONS = ["interaction", "relation", "relationship", "edgetype", "eventtype", "event", "type", "label"]


def _plain(column: str) -> str:
    """``column`` case-folded, with spaces, underscores and hyphens dropped: ``Actor1_Code`` -> ``actor1code``."""
    return "".join(c for c in column.casefold() if c.isalnum())


def separator_problem(header: list[str], name: str) -> Problem | None:
    """The problem of a header that holds graphkit's columns but is not separated by
    commas (``source;target;action``): a spreadsheet saved with semicolons or tabs."""
    if len(header) != 1:
        return None
    line = header[0]
    for separator, called in ((";", "semicolons"), ("\t", "tabs")):
        cells = [c.strip().strip('"').casefold() for c in line.split(separator)]
        if len(cells) > 1 and "source" in cells and "target" in cells:
            return Problem(
                name,
                1,
                f"the header is separated by {called}, not commas: save the file as CSV with commas "
                "(in a spreadsheet: CSV UTF-8, comma-delimited)",
            )
    return None


def missing_column_problems(columns: list[str], missing: list[str], name: str) -> list[Problem]:
    """One problem per required column in ``missing``; when both ends of an edge are
    missing but named another way (``from``/``to``, ``Actor1Code``/``Actor2Code``), one
    problem saying to rename them, and an action named another way (Cytoscape's
    ``interaction``) likewise. A header that names none of the three is one problem
    saying what the first line looks like instead (data, a Pajek or UCINET file)."""
    present = {_plain(c): c for c in reversed(columns)}
    pair = next((p for p in _PAIRS if p[0] in present and p[1] in present), None)
    if pair is None and set(REQUIRED) <= set(missing):
        return [_not_a_header(columns, name)]
    problems = []
    if pair is not None and "source" in missing and "target" in missing:
        first, second = present[pair[0]], present[pair[1]]
        problems.append(
            Problem(
                name,
                1,
                f"missing required columns 'source' and 'target': rename {first!r} and {second!r} "
                "in the header to source and target",
            )
        )
        missing = [c for c in missing if c not in ("source", "target")]
    other = next((present[a] for a in _ACTIONS if a in present), None)
    code = next((present[c] for c in ("eventcode", "cameocode", "cameo") if c in present), None)
    if "action" in missing and code is not None:  # GDELT's EventCode: CAMEO codes, with their leading zeros
        problems.append(
            Problem(
                name,
                1,
                f"missing required column 'action': {code!r} looks like CAMEO codes: rename it to cameo and "
                "add an action column (a row with a CAMEO code takes its Goldstein value, whatever its action)",
            )
        )
        missing = [c for c in missing if c != "action"]
    if "action" in missing and other is not None:
        problems.append(
            Problem(
                name,
                1,
                f"missing required column 'action': rename {other!r} to action if it holds the type of each "
                "act (graphkit taxonomy lists them), or add an action column",
            )
        )
        missing = [c for c in missing if c != "action"]
    return problems + [
        Problem(name, 1, f"missing required column {column!r}: add it to the header") for column in missing
    ]


REQUIRED = ("source", "target", "action")


def _not_a_header(columns: list[str], name: str) -> Problem:
    """The problem of a first line that names none of graphkit's required columns."""
    line = ",".join(columns)
    shown = line if len(line) <= 40 else line[:37] + "..."
    first = line.strip().casefold()
    if first.startswith("*"):
        looks = "a Pajek .net file"
    elif first.startswith(("dl ", "dl\t")) or first == "dl":
        looks = "a UCINET DL file"
    elif {"shared name", "interaction"} <= {c.strip().casefold() for c in columns}:
        looks = "Cytoscape's default edge table (each edge named 'A (interaction) B', no source and target)"
    elif len(columns) <= 2 and len(line.split()) >= 2:
        looks = "an edge list separated by spaces, without a header"
    else:
        looks = "a row of data (no header), or another tool's header"
    return Problem(
        name,
        1,
        f"the first line {shown!r} is not a header naming source, target and action (the file looks like "
        f"{looks}): write a first line naming the columns, such as source,target,action (docs/format.md)",
    )


def read_as(columns: set[str]) -> set[str]:
    """The graphkit columns a header with ``columns`` is read as (Gephi's renamed)."""
    if not {"Source", "Target"} <= columns or {"source", "target"} & columns:
        return columns
    return columns | {ours for gephi, ours in GEPHI_COLUMNS.items() if gephi in columns}


def gephi_header(table: CsvTable, name: str) -> tuple[CsvTable, list[Problem]]:
    """``table`` with Gephi's edge-table columns read as graphkit's, and a warning
    saying which, when its header has ``Source`` and ``Target`` and neither
    ``source`` nor ``target``; else ``table`` unchanged and no warning."""
    columns = list(table.frame.columns)
    if not {"Source", "Target"} <= set(columns) or {"source", "target"} & set(columns):
        return table, []
    renamed = {g: ours for g, ours in GEPHI_COLUMNS.items() if g in columns and ours not in columns}
    if "Weight" in columns and "weight" not in columns:
        renamed["Weight"] = "gephi_weight"  # a column of its own: 'Weight' would be a slip for 'weight'
    frame = table.frame.rename(columns=renamed)
    read = ", ".join(f"{g} as {ours}" for g, ours in renamed.items() if g != "Weight")
    note = ""
    if "Weight" in columns and "weight" not in columns:
        note += (
            "; its Weight (Gephi's edge strength, 1 unless set) is not a Goldstein weight: kept as "
            "gephi_weight, each action weighs its own (rename Weight to weight if it holds Goldstein values)"
        )
    if "Type" in columns and frame["Type"].str.casefold().eq("undirected").any():
        note += "; rows of Type 'Undirected' are read as directed, from Source to Target"
    warning = Problem(name, 1, f"read Gephi's edge-table header: {read}{note}")
    return replace(table, frame=frame), [warning]
