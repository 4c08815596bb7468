"""Large edge sets read and validated by DuckDB, for commands that aggregate them.

:func:`load_columnar` is the fast path's read-and-validate step. It vouches for a
set only when the reference path (:func:`graphkit.edgeset.load_edge_set`) would
load it **without a single problem or warning**; for anything else it returns
None, and the caller loads the set the reference way, which then reports every
problem at its FILE:LINE. Messages are therefore the reference path's by
construction; the fast path only has to be sure of "nothing to say".

How it is sure:

- **Structure.** The edges file must be plain (:mod:`graphkit.io.plain`: printable
  ASCII without ``"``, line feeds, no empty line), where DuckDB's reader, told
  "comma, no quoting, every row as wide as the header", splits exactly the cells
  Python's csv module does; DuckDB refuses a row of another width, and its row
  count must equal the file's lines. Cells are trimmed of spaces, the only white
  space a plain file holds; ids are ASCII, so NFC changes none.
- **Values.** Distinct values are few next to rows: DuckDB lists the distinct
  (action, weight, cameo, domain[, scale]) tuples, dates (with ``date_end``),
  PLOVER columns, actor ids and quotes, and graphkit's own checks run on them:
  :func:`graphkit.validation.check_edges` on a small frame built from the distinct
  tuples (each of its row checks reads only those columns), the case-clash, actor-id
  and action warnings on the distinct ids and actions, the verbatim-quote check
  (:func:`graphkit.io.verbatim.found_verbatim`) on the distinct quotes.
- **Rows.** What depends on whole rows is counted in SQL: empty sources, targets,
  actions and ids, a source equal to its target, and repeated ids (distinct 64-bit
  hashes of the ids against the rows: a collision only sends the set to the
  reference path).

The defaults check_edges fills in (weight from the CAMEO code or the action,
cameo and domain from the action) come back with the distinct tuples and are
joined in SQL, so the ``edges`` view holds what :attr:`EdgeSet.edges` would.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .actions import action_defaults
from .actor_ids import actor_id_warnings
from .actors import infer_actors
from .bundled import describe
from .dates import DATE_END_COLUMN
from .edgeset import resolve_edge_set, set_folder
from .errors import GraphkitError
from .headers import separator_problem
from .io.csvfile import CsvTable, read_csv_bytes, read_input
from .io.plain import plain_csv
from .io.progress import Progress
from .schema import ACTORS_FILE, EDGE_COLUMNS, EDGES_FILE, SOURCE_FILE
from .spelling import action_warnings, case_clash_problems
from .validation import check_actors, check_edges, check_endpoints, edge_header_problems

__all__ = ["AUTO_MIN_BYTES", "ColumnarSet", "load_columnar"]

#: ``--engine auto`` reads an edges file of this size or more with DuckDB: below it,
#: DuckDB's start (about 0.1 s) and the distinct-value queries cost more than they save.
AUTO_MIN_BYTES = 8 << 20
#: DuckDB's threads and memory: two threads (the machines graphkit is measured on have
#: two cores), and a memory limit past which its hash tables spill to a temporary folder.
THREADS = int(os.environ.get("GRAPHKIT_DUCKDB_THREADS", "2"))
MEMORY_LIMIT = os.environ.get("GRAPHKIT_DUCKDB_MEMORY", "1GB")

# tuples of columns whose checks read one another (a weight is needed unless a code or a
# known action gives one; a count weight may leave the Goldstein range; a range's end
# follows its start; a PLOVER mode needs a type): listed together, each set apart
_VALUE_GROUPS = (("action", "weight", "cameo", "domain", "scale"), ("date", DATE_END_COLUMN),
                 ("plover_type", "plover_mode", "mode"))  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, repr=False)
class ColumnarSet:
    """A valid edge set held by DuckDB: what :func:`graphkit.edgeset.load_edge_set`
    would return, without the rows in Python.

    ``connection`` is a DuckDB connection holding the view ``edges``, whose columns are
    :attr:`EdgeSet.edges`'s: ``id`` (when the file has one), ``source``, ``target``,
    ``action``, ``weight`` (DOUBLE, defaults filled in), ``cameo``, ``domain`` (filled in),
    ``date``, ``quote``, then the file's other columns, all text. Every query on it
    reads the file again (nothing is held in memory between queries). ``actors`` is the
    set's actors table (actors.csv, or inferred from the ids), ``domains`` the set's
    domains (sorted), ``rows`` the number of edges.
    """

    name: str
    path: Path
    edges_path: Path
    connection: Any
    rows: int
    actors: pd.DataFrame
    domains: tuple[str, ...]
    description: str = ""
    has_ids: bool = False
    columns: tuple[str, ...] = field(default=())

    def sql(self, query: str) -> pd.DataFrame:
        """The result of ``query`` (DuckDB SQL over the view ``edges``) as a pandas DataFrame."""
        return self.connection.sql(query).df()

    def close(self) -> None:
        """Close the DuckDB connection."""
        self.connection.close()

    def __repr__(self) -> str:
        return f"ColumnarSet({self.name!r}: {self.rows} actions between {len(self.actors)} actors, from {self.path})"


def load_columnar(
    spec: str | Path | None, *, min_bytes: int = 0, progress: Progress | None = None
) -> ColumnarSet | None:
    """Read and validate the edge set ``spec`` (a path or a bundled set's name) with
    DuckDB, or None when the reference path must read it.

    None means: standard input or a missing file; an edges file smaller than
    ``min_bytes``; a file outside the plain subset (:mod:`graphkit.io.plain`); or any
    problem or warning the reference path would report (it then reports them, at their
    lines). A ColumnarSet means the reference path would load the same edges and say
    nothing. Never raises for bad input.
    """
    if spec is None or str(spec) == "-":
        return None
    try:
        name, path = resolve_edge_set(spec)
    except GraphkitError:
        return None
    if path is None:
        return None
    edges_path = path / EDGES_FILE if path.is_dir() else path
    try:
        if not edges_path.is_file() or edges_path.stat().st_size < max(min_bytes, 1):
            return None
    except OSError:
        return None
    report = progress or (lambda message: None)
    report(f"scanning {edges_path} ({edges_path.stat().st_size / 1e6:,.1f} MB)")
    plain = plain_csv(edges_path)
    if plain is None or not _header_ok(plain.header, str(edges_path)):
        return None
    folder = set_folder(path)
    try:
        description = describe(folder) if folder is not None else ""
    except (OSError, UnicodeDecodeError):
        return None
    import duckdb

    connection = duckdb.connect()
    try:
        connection.execute(f"SET threads = {THREADS}")
        connection.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        connection.execute("SET preserve_insertion_order = false")
        report(f"validating {plain.records:,} rows with DuckDB")
        checked = _checked(
            connection, name, path, edges_path, folder, plain.header, plain.records, description
        )
    except duckdb.Error:
        checked = None  # a row of another width, a line DuckDB will not read: the reference path says
    if checked is None:
        connection.close()
    return checked


def _header_ok(header: list[str], name: str) -> bool:
    if len(set(header)) != len(header) or separator_problem(header, name) is not None:
        return False
    if {"Source", "Target"} <= set(header) and not {"source", "target"} & set(header):
        return False  # Gephi's header: read with a warning
    empty = CsvTable(pd.DataFrame({c: pd.Series([], dtype=str) for c in header}), np.zeros(0, dtype=np.int64))
    return not edge_header_problems(empty, name)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _checked(connection, name, path, edges_path, folder, header, records, description) -> ColumnarSet | None:
    """The ColumnarSet, or None at the first sign of a problem or a warning."""
    edges_name = str(edges_path)
    types = ", ".join(f"{_literal(f'c{i}')}: 'VARCHAR'" for i in range(len(header)))
    absent = [c for c in EDGE_COLUMNS if c not in header]
    cells = ", ".join(
        [f"coalesce(trim(c{i}), '') AS {_quoted(c)}" for i, c in enumerate(header)]
        + [f"'' AS {_quoted(c)}" for c in absent]
    )
    reader = (
        f"read_csv({_literal(str(edges_path))}, header = true, auto_detect = false, delim = ',', "
        f"quote = '', escape = '', columns = {{{types}}}, strict_mode = true, null_padding = false)"
    )
    connection.execute(f"CREATE VIEW raw AS SELECT {cells} FROM {reader}")
    has_ids = "id" in header
    rows, empty, loops, empty_ids, distinct_ids = connection.execute(
        f"""SELECT count(*), count_if(source = '' OR target = '' OR action = ''),
                   count_if(source = target AND source <> ''),
                   {"count_if(id = ''), count(DISTINCT hash(id))" if has_ids else "0, count(*)"}
            FROM raw"""
    ).fetchone()
    if rows != records or empty or loops or empty_ids or distinct_ids != rows:
        return None

    available = {*header, *EDGE_COLUMNS}
    groups = [g for g in (tuple(c for c in group if c in available) for group in _VALUE_GROUPS) if g]
    source_path = folder / SOURCE_FILE if folder is not None and (folder / SOURCE_FILE).is_file() else None
    sets = [*groups, ("source",), ("target",), *([("quote",)] if source_path is not None else [])]
    listed = sorted({c for g in sets for c in g})
    names = ", ".join(_quoted(c) for c in listed)
    grouping = ", ".join("(" + ", ".join(_quoted(c) for c in g) + ")" for g in sets)
    distinct = connection.execute(
        f"SELECT GROUPING({names}) AS g, {names} FROM raw GROUP BY GROUPING SETS ({grouping})"
    ).df()
    # GROUPING sets a column's bit (the first column the highest) when the set leaves it out
    bit = {c: 1 << (len(listed) - 1 - i) for i, c in enumerate(listed)}

    def of(group: tuple[str, ...]) -> pd.DataFrame:
        mask = sum(bit.values()) - sum(bit[c] for c in group)
        return distinct.loc[distinct["g"] == mask, list(group)].reset_index(drop=True)

    values = [of(g) for g in groups]
    ids = sorted(set(of(("source",))["source"]) | set(of(("target",))["target"]))
    checked = _check_values(values, header, edges_name)
    if checked is None or not _ids_ok(ids, edges_name):
        return None
    if _action_warnings(sorted(set(checked["action"])), edges_name):
        return None
    actors = _actors(folder, ids, edges_name)
    if actors is None:
        return None
    if source_path is not None and not _quotes_found(source_path, of(("quote",))["quote"].tolist()):
        return None

    domains = tuple(sorted(set(checked["_domain"])))
    checked["_domain_code"] = checked["_domain"].map({d: i for i, d in enumerate(domains)}).astype(np.int64)
    connection.register("value_defaults", checked)
    connection.execute("CREATE TEMP TABLE defaults AS SELECT * FROM value_defaults")
    connection.unregister("value_defaults")
    columns = [c for c in EDGE_COLUMNS if c != "id" or has_ids] + [c for c in header if c not in EDGE_COLUMNS]
    filled = {"weight": "d._weight AS weight", "cameo": "d._cameo AS cameo", "domain": "d._domain AS domain"}
    select = ", ".join(filled.get(c, f"r.{_quoted(c)}") for c in columns)
    keys = " AND ".join(f"r.{c} = d.{c}" for c in ("action", "weight", "cameo", "domain"))
    connection.execute(
        f"CREATE VIEW edges AS SELECT {select}, d._domain_code AS domain_code FROM raw r JOIN defaults d ON {keys}"
    )
    return ColumnarSet(
        name=name,
        path=path,
        edges_path=edges_path,
        connection=connection,
        rows=int(rows),
        actors=actors,
        domains=domains,
        description=description,
        has_ids=has_ids,
        columns=tuple(columns),
    )


def _check_values(values: list[pd.DataFrame], header: list[str], name: str) -> pd.DataFrame | None:
    """check_edges on one frame of the distinct tuples (other cells empty, ids made up and
    distinct, source and target two plain ids): None when it finds a problem, else the
    first group's tuples with the defaults it filled in (``_weight``, ``_cameo``, ``_domain``)."""
    blocks = []
    for group in values:
        block = group.copy()
        for column in header:
            if column not in block.columns:
                block[column] = ""
        blocks.append(block[header])
    frame = pd.concat(blocks, ignore_index=True).fillna("")
    if (
        "action" in frame.columns
    ):  # a row listed for its date or PLOVER columns needs an action of the taxonomy
        known = next(iter(action_defaults()))
        frame.loc[len(values[0]) :, "action"] = known
    frame["source"], frame["target"] = "A", "B"
    if "id" in frame.columns:
        frame["id"] = [f"i{n}" for n in range(len(frame))]
    table = CsvTable(frame, np.arange(2, len(frame) + 2, dtype=np.int64))
    edges, problems = check_edges(table, name)
    if problems or edges is None:
        return None
    first = values[0]
    head = edges.iloc[: len(first)]
    out = first.reindex(columns=["action", "weight", "cameo", "domain"], fill_value="").assign(
        _weight=head["weight"].to_numpy(dtype=float),
        _cameo=head["cameo"].to_numpy(dtype=object),
        _domain=head["domain"].to_numpy(dtype=object),
    )
    # a scale column lists a tuple once per scale; its defaults do not depend on it
    return out.drop_duplicates(["action", "weight", "cameo", "domain"]).reset_index(drop=True)


def _ids_ok(ids: list[str], name: str) -> bool:
    """No control character, no two spellings of one id, no id that looks like another actor's."""
    if any(_CONTROL.search(i) for i in ids):
        return False
    frame = pd.DataFrame({"source": ids, "target": ids, "action": ""})
    lines = np.ones(len(ids), dtype=np.int64)
    return not case_clash_problems(frame, lines, name)


def _actors(folder: Path | None, ids: list[str], edges_name: str) -> pd.DataFrame | None:
    """The set's actors (actors.csv, or inferred from the ids), or None when anything there, or
    an actor id, would be reported."""
    frame = pd.DataFrame({"source": ids, "target": ids})
    lines = np.ones(len(ids), dtype=np.int64)
    actors_path = folder / ACTORS_FILE if folder is not None and (folder / ACTORS_FILE).is_file() else None
    if actors_path is None:
        actors = infer_actors([i for i in ids if i != ""])
        names: dict[str, str] = {}
    else:
        try:
            table = read_csv_bytes(read_input(actors_path, str(actors_path)), str(actors_path))
        except GraphkitError:
            return None
        if table.problems or not len(table.frame.columns):
            return None
        checked, problems = check_actors(table, str(actors_path))
        if problems or checked is None:
            return None
        if check_endpoints(frame, lines, checked["id"], edges_name, actors_path.name):
            return None
        actors, names = checked, dict(zip(checked["id"], checked["name"]))
    if actor_id_warnings(frame, lines, edges_name, names):
        return None
    return actors


def _quotes_found(source_path: Path, quotes: list[str]) -> bool:
    from .io.verbatim import found_verbatim

    try:
        text = read_input(source_path, str(source_path)).decode("utf-8-sig")
    except (GraphkitError, UnicodeDecodeError):
        return False
    return bool(np.all(found_verbatim(text, quotes)))


def _action_warnings(actions: list[str], name: str) -> bool:
    """True when an action outside the taxonomy looks like a slip for one in it."""
    frame = pd.DataFrame({"action": actions})
    return bool(action_warnings(frame, np.ones(len(actions), dtype=np.int64), name, list(action_defaults())))
