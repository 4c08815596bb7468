"""Checks on edge and actor tables; every problem is pinned to its file and line."""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

from .actions import action_defaults, goldstein
from .dates import DATE_END_COLUMN, date_intervals, date_mistake
from .errors import Problem, use_one_of
from .headers import missing_column_problems
from .io.csvfile import CsvTable
from .io.verbatim import found_verbatim
from .plover import AUXILIARY_MODES, PLOVER_TYPES
from .schema import ACTOR_COLUMNS, ACTOR_KINDS, EDGE_COLUMNS, ID_CONTROL, REQUIRED_EDGE_COLUMNS
from .spelling import case_clash_problems, column_problems, column_slips, near_miss

__all__ = [
    "check_actors",
    "check_edges",
    "edge_header_problems",
    "check_quotes",
    "date_mistake",
    "real_dates",
]

# ASCII digits only (\d would take Arabic-Indic digits); years 0001-9999, as Python's dates
DATE_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"


class _Collector:
    def __init__(self, name: str, lines: np.ndarray):
        self.name, self.lines = name, lines
        self.problems: list[Problem] = []

    def rows(self, mask, message) -> None:
        """Add ``message(value)`` for each row where ``mask`` holds; ``mask`` is a
        boolean Series and ``message`` takes the row's position."""
        for position in np.flatnonzero(np.asarray(mask, dtype=bool)):
            self.problems.append(Problem(self.name, int(self.lines[position]), message(position)))


def _missing_columns(
    table: CsvTable, name: str, required: list[str], known: list[str] | None = None
) -> list[Problem]:
    """Misspelt columns (``wieght``: did you mean 'weight'?), then required columns
    missing for another reason."""
    slips = column_slips(table.frame.columns, known or required)  # each column looked at once
    meant = set(slips.values())
    missing = [c for c in required if c not in table.frame.columns and c not in meant]
    return column_problems(slips, known or required, name) + missing_column_problems(
        list(table.frame.columns), missing, name
    )


def edge_header_problems(table: CsvTable, name: str) -> list[Problem]:
    """The problems of an edges file's header: misspelt columns, required columns missing.
    ``table`` may be empty (its frame's columns are what is checked)."""
    return _missing_columns(
        # "mode" is left out of the names a slip is checked against: one edit from "code",
        # a column users have, it would turn theirs into an error
        table,
        name,
        REQUIRED_EDGE_COLUMNS,
        [*EDGE_COLUMNS, DATE_END_COLUMN, "plover_type", "plover_mode"],
    )


def check_edges(table: CsvTable, name: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate an edges table and fill in defaults.

    Returns the edges with ``weight`` as float and ``cameo``/``domain`` filled from
    the taxonomy, in the canonical column order with extra columns after, and the
    problems found. The frame is None when a required column is missing.
    """
    problems = edge_header_problems(table, name)
    if any(column not in table.frame.columns for column in REQUIRED_EDGE_COLUMNS):
        return None, problems
    # shallow: copy-on-write keeps table.frame intact, and a deep copy of a large file costs its size again
    frame = table.frame.copy(deep=False)
    if len(frame) == 0:
        return None, [*problems, Problem(name, None, "has a header but no edges: add one row per action")]
    for column in EDGE_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    has_ids = "id" in table.frame.columns
    out = _Collector(name, table.lines)
    frame["source"], frame["target"] = _nfc(frame["source"]), _nfc(frame["target"])
    out.problems += problems + case_clash_problems(frame, table.lines, name)
    source, target, action = frame["source"], frame["target"], frame["action"]
    for column, ids in (("source", source), ("target", target)):
        out.rows(
            ids.str.contains(ID_CONTROL, regex=True),
            lambda i, c=column, v=ids: f"{c} {v.iat[i]!r} holds a control character: remove it",
        )
    for column in REQUIRED_EDGE_COLUMNS:
        out.rows(
            frame[column] == "",
            lambda i, c=column: f"empty {c!r}: every edge needs a source, a target and an action",
        )
    out.rows(
        (source == target) & (source != ""),
        lambda i: f"source and target are both {source.iat[i]!r}: an edge links two different actors",
    )

    weight_text = frame["weight"]
    weights = _Distinct(weight_text)
    weight = weights.check(_parse_weights)
    given = weight_text != ""
    not_number = given & weight.isna() & ~weights.check(_is_nan_text)
    out.rows(not_number, lambda i: _not_a_number(weight_text.iat[i]))
    not_finite = given & ~not_number & ~np.isfinite(weight.fillna(np.nan))
    out.rows(
        not_finite,
        lambda i: f"weight {weight_text.iat[i]!r} is not a finite number: use a number from -10 to 10",
    )
    # a row whose weight counts events (scale "count", graphkit import-dyads) is not on the Goldstein scale
    counted = frame["scale"] == "count" if "scale" in frame.columns else False
    out_of_range = given & np.isfinite(weight) & (weight.abs() > 10) & ~counted
    out.rows(
        out_of_range,
        lambda i: f"weight {weight_text.iat[i]} is outside the Goldstein scale: use a number from -10 to 10",
    )

    cameo = frame["cameo"]
    codes = goldstein()
    unknown_code = (cameo != "") & ~cameo.isin(codes.keys())
    out.rows(unknown_code, lambda i: _unknown_cameo_message(cameo.iat[i], codes))

    defaults = action_defaults()
    known_action = action.isin(defaults.keys())
    out.rows(
        (action != "") & ~known_action & ~given & (cameo == ""),
        lambda i: _unknown_action_message(action.iat[i], list(defaults)),
    )

    date = frame["date"]
    out.rows((date != "") & ~_Distinct(date).check(real_dates), lambda i: date_mistake(date.iat[i], "date"))
    if DATE_END_COLUMN in frame.columns:
        _check_date_end(frame, out)
    _check_plover(frame, out)

    if has_ids:
        ids = frame["id"]
        out.rows(ids == "", lambda i: "empty 'id': give every edge an id, or drop the id column")
        if not _all_distinct(ids):
            dup = ids.duplicated(keep="first") & (ids != "")
            first = pd.Series(table.lines, index=frame.index).groupby(ids).transform("min")
            out.rows(
                dup,
                lambda i: (
                    f"duplicate id {ids.iat[i]!r} (first on line {first.iat[i]}): give each edge its own id"
                ),
            )

    problems = out.problems
    actions = _Distinct(action)
    frame["weight"] = _default_weights(weight, _Distinct(cameo), actions, codes, defaults)
    frame["cameo"] = cameo.where(cameo != "", actions.lookup({a: d[1] for a, d in defaults.items()}, ""))
    frame["domain"] = frame["domain"].where(
        frame["domain"] != "", actions.lookup({a: d[0] for a, d in defaults.items()}, "other")
    )
    columns = [c for c in EDGE_COLUMNS if c != "id" or has_ids]
    frame = frame[columns + [c for c in frame.columns if c not in EDGE_COLUMNS]]
    return frame, problems


#: Optional columns an edges file may give: PLOVER's event type and mode, and the
#: auxiliary mode of the report (docs/codebook.md, rule 3; docs/scales.md).
PLOVER_COLUMNS = ["plover_type", "plover_mode", "mode"]


def _check_plover(frame: pd.DataFrame, out: _Collector) -> None:
    """``plover_type`` is a PLOVER event type, ``plover_mode`` comes with one, ``mode`` is an auxiliary mode."""
    if "plover_type" in frame.columns:
        kind = frame["plover_type"]
        out.rows(
            (kind != "") & ~kind.isin(PLOVER_TYPES),
            lambda i: f"unknown plover_type {kind.iat[i]!r}: use one of {', '.join(PLOVER_TYPES)}",
        )
    if "plover_mode" in frame.columns:
        given = frame["plover_type"] if "plover_type" in frame.columns else pd.Series("", index=frame.index)
        mode = frame["plover_mode"]
        out.rows(
            (mode != "") & (given == ""),
            lambda i: f"plover_mode {mode.iat[i]!r} without a plover_type: give the type it qualifies",
        )
    if "mode" in frame.columns:
        aux = frame["mode"]
        out.rows(
            (aux != "") & ~aux.isin(AUXILIARY_MODES),
            lambda i: (
                f"unknown mode {aux.iat[i]!r}: use one of {', '.join(AUXILIARY_MODES)}, or leave it empty"
            ),
        )


def _check_date_end(frame: pd.DataFrame, out: _Collector) -> None:
    """``date_end`` states where a range of dates ends: a real date, after a ``date``."""
    date, end = frame["date"], frame[DATE_END_COLUMN]
    stated = end != ""
    bad = stated & ~_Distinct(end).check(real_dates)
    out.rows(bad, lambda i: date_mistake(end.iat[i], DATE_END_COLUMN))
    out.rows(
        stated & (date == ""),
        lambda i: f"date_end {end.iat[i]!r} without a date: give the date the range starts at",
    )
    start = date_intervals(date.where(stated & ~bad, ""))["start"].to_numpy()
    until = date_intervals(end.where(stated & ~bad, ""))["end"].to_numpy()
    before = ~np.isnat(start) & (until < start)
    out.rows(
        before,
        lambda i: f"date_end {end.iat[i]!r} is before date {date.iat[i]!r}: a range ends after it starts",
    )


_MINUS = (
    "\u2212\u2010\u2011\u2012\u2013\u2014\ufe63\uff0d"  # the minus sign and dashes a word processor writes
)


def _not_a_number(text: str) -> str:
    """Why weight ``text`` is no number, and the number it may mean: a decimal comma
    (``-4,5``, a spreadsheet in many locales) or a Unicode minus (``\u22124.5``) -> ``-4.5``."""
    plain = text.translate({ord(c): "-" for c in _MINUS})
    if re.fullmatch(r"[-+]?[0-9]+,([0-9]{1,2}|[0-9]{4,})", plain):  # not 1,000: a thousands comma as likely
        plain = plain.replace(",", ".")
    try:
        float(plain)
    except ValueError:
        return f"weight {text!r} is not a number: use a number from -10 to 10"
    if not re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?", plain):
        return f"weight {text!r} is not a number: use a number from -10 to 10"
    return f"weight {text!r} is not a number as graphkit reads them: write {plain!r} (a point before decimals, '-' for minus)"


def _unknown_action_message(action: str, known: list[str]) -> str:
    meant = near_miss(action, known)
    if meant is not None:
        return (
            f"unknown action {action!r}: did you mean {meant!r}? "
            "(an action outside the taxonomy needs a weight or a CAMEO code)"
        )
    return (
        f"unknown action {action!r} with neither weight nor cameo: "
        "use an action from the taxonomy (graphkit taxonomy), or give a weight or a CAMEO code"
    )


def _unknown_cameo_message(code: str, codes: dict[str, float]) -> str:
    hint = ""
    if "0" + code in codes:
        hint = f" (CAMEO codes keep their leading zeros: did you mean '0{code}'?)"
    return f"unknown CAMEO code {code!r}{hint}: use a code from the CAMEO table"


def _default_weights(weight, cameo: _Distinct, action: _Distinct, codes, defaults) -> pd.Series:
    from_cameo = cameo.lookup(codes, np.nan)
    from_action = action.lookup({a: d[2] for a, d in defaults.items()}, np.nan)
    return weight.fillna(from_cameo).fillna(from_action).astype(float)


# Event data repeats a few hundred actions, dates and weights a million times:
# checking or looking up each distinct value once, then broadcasting, is what keeps
# validation close to the speed of reading the file.


class _Distinct:
    """A string column factorized once, for checks and lookups per distinct value."""

    def __init__(self, column: pd.Series):
        self.column = column
        self.codes, uniques = pd.factorize(column)
        self.uniques = pd.Series(uniques, dtype=column.dtype)

    def check(self, test) -> pd.Series:
        """``test`` (a Series of distinct values -> array) broadcast back to every row."""
        return pd.Series(np.asarray(test(self.uniques))[self.codes], index=self.column.index)

    def lookup(self, mapping: dict, default) -> pd.Series:
        """``column.map(mapping)``, ``default`` for missing keys; strings stay strings."""
        values = [mapping.get(v, default) for v in self.uniques]
        dtype = self.column.dtype if isinstance(default, str) else float
        return pd.Series(pd.array(values, dtype=dtype).take(self.codes), index=self.column.index)


def _nfc(ids: pd.Series) -> pd.Series:
    """Actor ids in Unicode NFC, so that one name typed two ways is one actor."""
    distinct = _Distinct(ids)
    return distinct.lookup({v: unicodedata.normalize("NFC", v) for v in distinct.uniques}, "")


def _all_distinct(values: pd.Series) -> bool:
    return bool(values.is_unique)


def _parse_weights(text: pd.Series) -> np.ndarray:
    return pd.to_numeric(text.where(text != ""), errors="coerce").astype(float).to_numpy()


def _is_nan_text(text: pd.Series) -> np.ndarray:
    return text.str.lower().isin(["nan", "+nan", "-nan"]).to_numpy(dtype=bool)


def real_dates(date: pd.Series) -> np.ndarray:
    """True where ``date`` is a YYYY, YYYY-MM or YYYY-MM-DD date that exists (ASCII
    digits, year 0001 to 9999): the one rule for data and for the date filters."""
    shaped = date.str.fullmatch(DATE_PATTERN).fillna(False).astype(bool) & (date.str[:4] != "0000")
    padded = date.where(date.str.len() != 4, date + "-01-01").where(date.str.len() != 7, date + "-01")
    real = pd.to_datetime(padded.where(shaped & (date != "")), format="%Y-%m-%d", errors="coerce").notna()
    return (shaped & real).to_numpy(dtype=bool)


def check_actors(table: CsvTable, name: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate an actors table: ``id`` required and unique, ``kind`` from ACTOR_KINDS."""
    problems = _missing_columns(table, name, ["id"], ACTOR_COLUMNS)
    if "id" not in table.frame.columns:
        return None, problems
    frame = table.frame.copy()
    for column in ACTOR_COLUMNS:
        if column not in frame.columns:
            frame[column] = ""
    out = _Collector(name, table.lines)
    frame["id"] = _nfc(frame["id"])
    out.problems += problems
    ids, kind = frame["id"], frame["kind"]
    out.rows(
        ids.str.contains(ID_CONTROL, regex=True),
        lambda i: f"id {ids.iat[i]!r} holds a control character: remove it",
    )
    out.rows(ids == "", lambda i: "empty 'id': every actor needs an id")
    out.rows(
        ids.duplicated() & (ids != ""), lambda i: f"duplicate actor id {ids.iat[i]!r}: list each actor once"
    )
    out.rows(
        (kind != "") & ~kind.isin(ACTOR_KINDS),
        lambda i: f"unknown kind {kind.iat[i]!r}: {use_one_of(ACTOR_KINDS)}",
    )
    frame["name"] = frame["name"].where(frame["name"] != "", frame["id"])
    frame["kind"] = kind.where(kind != "", "other")
    frame = frame[ACTOR_COLUMNS + [c for c in frame.columns if c not in ACTOR_COLUMNS]]
    return frame, out.problems


def check_endpoints(
    edges: pd.DataFrame,
    lines: np.ndarray,
    actor_ids: pd.Series,
    name: str,
    actors_name: str,
    actor_names: pd.Series | None = None,
) -> list[Problem]:
    """One problem per actor used in ``edges`` but missing from the actors file,
    at the first line that uses it; one written as another actor's id case aside
    (``usa``) or as its name (``White House`` for ``WH``, ``actor_names`` beside
    ``actor_ids``) says which."""
    known = set(actor_ids)
    by_case = {str(k).casefold(): k for k in known}  # 'usa' in the edges, 'USA' in actors.csv
    if actor_names is not None:
        for actor, called in zip(actor_ids, actor_names):
            by_case.setdefault(str(called).strip().casefold(), actor)
    problems = []
    line = pd.Series(lines, index=edges.index)
    for column in ("source", "target"):
        missing = ~edges[column].isin(known) & (edges[column] != "")
        if missing.any():
            firsts = line[missing].groupby(edges.loc[missing, column]).agg(["min", "size"])
            for actor, row in firsts.iterrows():
                listed = by_case.get(str(actor).casefold())
                fix = f"write it as {listed!r}, as {actors_name} does" if listed else "add it there"
                if listed and str(listed).casefold() != str(actor).casefold():
                    fix = f"it is the name of {listed!r} there: write {listed!r}"
                problems.append(
                    Problem(
                        name,
                        int(row["min"]),
                        f"actor {actor!r} is not in {actors_name} (used as {column} on {row['size']} row(s)): {fix}",
                    )
                )
    return sorted(problems, key=lambda p: (p.line, p.message))


def check_quotes(
    edges: pd.DataFrame, lines: np.ndarray, source_text: str, name: str, source_name: str
) -> list[Problem]:
    """A problem for each non-empty quote not found verbatim (whitespace aside) in the source text.

    Every distinct quote is looked for at once (:func:`graphkit.io.verbatim.found_verbatim`:
    near-linear in the sizes of the text and of the quotes, not a search per quote)."""
    quotes = _Distinct(edges["quote"])
    found = found_verbatim(source_text, quotes.uniques.tolist())
    out = _Collector(name, lines)
    out.rows(
        ~quotes.check(lambda unique: found),
        lambda i: (
            f"quote not found verbatim in {source_name}: copy it exactly from the source text "
            "(only whitespace may differ)"
        ),
    )
    return out.problems
