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
  and action warnings on the distinct ids and actions, the weight-sign warning on the
  distinct tuples, the verbatim-quote check
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

import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .actions import action_defaults, goldstein
from .actor_ids import actor_id_warnings
from .actors import infer_actors
from .bundled import describe
from .dates import DATE_END_COLUMN
from .edgeset import resolve_edge_set, set_folder
from .errors import GraphkitError
from .headers import separator_problem
from .io.csvfile import CsvTable, read_csv_bytes, read_input
from .io.plain import duckdb_reader, plain_csv, plain_header
from .io.progress import Progress
from .schema import ACTORS_FILE, EDGE_COLUMNS, EDGES_FILE, ID_CONTROL, SOURCE_FILE
from .spelling import action_warnings, case_clash_problems
from .validation import check_actors, check_edges, check_endpoints, edge_header_problems
from .weight_signs import weight_sign_warnings

__all__ = ["AUTO_MIN_BYTES", "ColumnarSet", "load_columnar"]

#: ``--engine auto`` reads an edges file of this size or more with DuckDB: below it,
#: DuckDB's start (about 0.1 s) and the distinct-value queries cost more than they save.
AUTO_MIN_BYTES = 8 << 20
#: DuckDB's threads and memory: two threads (the machines graphkit is measured on have two
#: cores), and a limit past which its hash tables spill to a temporary folder; with the
#: quote check's arrays beside it, a 10M-row set stays under 2.5 GB.
THREADS = 2
MEMORY_LIMIT = "1GB"
#: The most decimal places a weight may have for DuckDB to sum it (see _weight_scale).
MAX_SCALE = 6

# tuples of columns whose checks read one another (a weight is needed unless a code or a
# known action gives one; a count weight may leave the Goldstein range; a range's end
# follows its start; a PLOVER mode needs a type): listed together, each set apart
_VALUE_GROUPS = (("action", "weight", "cameo", "domain", "scale"), ("date", DATE_END_COLUMN),
                 ("plover_type", "plover_mode", "mode"))  # fmt: skip
_CONTROL = re.compile(ID_CONTROL)  # as validate refuses in an actor id


@dataclass(frozen=True, repr=False)
class ColumnarSet:
    """A valid edge set held by DuckDB: what :func:`graphkit.edgeset.load_edge_set`
    would return, without the rows in Python.

    ``connection`` is a DuckDB connection holding the view ``edges``, whose columns are
    :attr:`EdgeSet.edges`'s: ``id`` (when the file has one), ``source``, ``target``,
    ``action``, ``weight`` (DOUBLE, defaults filled in), ``cameo``, ``domain`` (filled in),
    ``date``, ``quote``, then the file's other columns, all text, and last ``domain_code``
    (the domain's place in ``domains``, an integer) and ``weight_units`` (the weight
    times ``10 ** weight_scale``, an exact BIGINT: every weight of the set is a decimal
    of at most ``weight_scale`` places, so sums of ``weight_units`` are exact, the same
    whatever order DuckDB's threads add them in). The table ``actor_codes`` (``actor``,
    ``code``) numbers every source and target id, ``ids``, in sorted order (``ids[code]``),
    so that grouping by two ids can group by one integer. Every query on ``edges``
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
    weight_scale: int = 0
    ids: tuple[str, ...] = field(default=(), repr=False)
    spill: Any = field(default=None, compare=False)

    def sql(self, query: str) -> pd.DataFrame:
        """The result of ``query`` (DuckDB SQL over the view ``edges``) as a pandas DataFrame."""
        return self.connection.sql(query).df()

    def close(self) -> None:
        """Close the DuckDB connection and remove its spill folder."""
        self.connection.close()
        if self.spill is not None:
            self.spill.cleanup()

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
    header = plain_header(edges_path)
    if header is None or not _header_ok(header, str(edges_path)):
        return None
    # the plain-file scan (numpy, one thread) runs beside DuckDB's import and validation query
    # (two threads, which leave part of two cores idle), both letting go of Python's lock;
    # DuckDB's answer counts only once the scan says the file is plain
    with ThreadPoolExecutor(1) as pool:
        report(f"scanning and validating {edges_path} with DuckDB")
        scan = pool.submit(plain_csv, edges_path)
        folder = set_folder(path)
        try:
            description = describe(folder) if folder is not None else ""
        except (OSError, UnicodeDecodeError):
            return None
        import duckdb

        connection = duckdb.connect()
        # what DuckDB spills past its memory limit goes to a folder of its own (by default it
        # would write .tmp into the current folder), removed when the set is closed
        spill = tempfile.TemporaryDirectory(prefix="graphkit-duckdb-")
        try:
            connection.execute(f"SET threads = {THREADS}")
            connection.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
            connection.execute(f"SET temp_directory = {_literal(spill.name)}")
            connection.execute("SET preserve_insertion_order = false")
            # past 2 s DuckDB draws a progress bar on standard output, inside a report written there
            connection.execute("SET enable_progress_bar = false")
            checked = _checked(connection, name, path, edges_path, folder, header, scan, description)
        except duckdb.Error:
            checked = None  # a row of another width, a line DuckDB will not read: the reference path says
    if checked is None:
        connection.close()
        spill.cleanup()
        return None
    return replace(checked, spill=spill)


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


def _raw_view(connection, edges_path: Path, header: list[str], padded: bool) -> None:
    """The view ``raw``: the file's cells by header name ('' for graphkit's columns it lacks)."""
    absent = [c for c in EDGE_COLUMNS if c not in header]
    # cells are trimmed only when the scan saw a space next to a comma or a line end
    cells = ", ".join(
        [f"{'trim' if padded else ''}(c{i}) AS {_quoted(c)}" for i, c in enumerate(header)]
        + [f"'' AS {_quoted(c)}" for c in absent]
    )
    reader = duckdb_reader(edges_path, len(header))
    connection.execute(f"CREATE OR REPLACE VIEW raw AS SELECT {cells} FROM {reader}")


def _checked(connection, name, path, edges_path, folder, header, scan, description) -> ColumnarSet | None:
    """The ColumnarSet, or None at the first sign of a problem or a warning. ``scan`` is the
    plain-file scan running beside (a future of :func:`plain_csv`)."""
    edges_name = str(edges_path)
    # cells as they are: the scan, not yet done, says after the query whether any needs a trim
    _raw_view(connection, edges_path, header, padded=False)
    has_ids = "id" in header
    available = {*header, *EDGE_COLUMNS}
    groups = [g for g in (tuple(c for c in group if c in available) for group in _VALUE_GROUPS) if g]
    source_path = folder / SOURCE_FILE if folder is not None and (folder / SOURCE_FILE).is_file() else None
    lists = [*groups, ("source",), ("target",), *([("quote",)] if source_path is not None else [])]
    # one column's distinct values as they are: DuckDB groups a struct of one a few times slower
    distinct = ", ".join(
        (
            f"list(DISTINCT {_quoted(g[0])})"
            if len(g) == 1
            else "list(DISTINCT {" + ", ".join(f"{_literal(c)}: {_quoted(c)}" for c in g) + "})"
        )
        + f" AS l{n}"
        for n, g in enumerate(lists)
    )
    query = f"""SELECT count(*) AS rows, count_if(source = '' OR target = '' OR action = '') AS empty,
                       count_if(source = target AND source <> '') AS loops,
                       {"count_if(id = '')" if has_ids else "0"} AS empty_ids,
                       {"count(DISTINCT hash(id))" if has_ids else "count(*)"} AS ids,
                       {distinct}
                FROM raw"""
    # a file the scan finds not plain (often in its first block: a quote) stops the query
    scan.add_done_callback(lambda done: done.exception() or done.result() or connection.interrupt())
    if scan.done() and scan.result() is None:
        return None
    try:
        result = connection.sql(query).to_arrow_table()
    finally:
        plain = scan.result()  # never leave the scan behind, whatever DuckDB did
    if plain is None or plain.header != header:
        return None  # not plain: whatever DuckDB read does not count
    if plain.padded:  # a space next to a comma or a line end: the query again, on trimmed cells
        _raw_view(connection, edges_path, header, padded=True)
        result = connection.sql(query).to_arrow_table()
    facts = {c: result.column(c)[0].as_py() for c in ("rows", "empty", "loops", "empty_ids", "ids")}
    rows = facts["rows"]
    if rows != plain.records or facts["ids"] != rows:
        return None
    if facts["empty"] or facts["loops"] or facts["empty_ids"]:
        return None

    values = [_listed(result, n).flatten() for n in range(len(groups))]
    values = [
        pd.DataFrame({c: v.to_pandas() for c, v in zip(g, arrays)}) for g, arrays in zip(groups, values)
    ]
    ends = len(groups)
    ids = sorted(
        set(_listed(result, ends).field(0).to_pylist()) | set(_listed(result, ends + 1).field(0).to_pylist())
    )
    checked = _check_values(values, header, edges_name)
    if checked is None or not _ids_ok(ids, edges_name):
        return None
    if _action_warnings(sorted(set(checked["action"])), edges_name):
        return None
    actors = _actors(folder, ids, edges_name)
    if actors is None:
        return None
    if source_path is not None:
        quotes = _listed(result, ends + 2).field(0)
        if not _quotes_found(source_path, quotes):
            return None
    domains = tuple(sorted(set(checked["_domain"])))
    scale = _weight_scale(checked["_weight"].to_numpy(dtype=float), rows)
    if scale is None or not _filled_view(connection, checked, header, domains, scale):
        return None
    # every source and target id, sorted (ASCII: Python's order is DuckDB's), by its place
    codes = pd.DataFrame({"actor": pd.Series(ids, dtype=str), "code": np.arange(len(ids), dtype=np.int32)})
    connection.register("actor_codes_frame", codes)
    connection.execute("CREATE TEMP TABLE actor_codes AS SELECT * FROM actor_codes_frame")
    connection.unregister("actor_codes_frame")
    columns = [c for c in EDGE_COLUMNS if c != "id" or has_ids] + [c for c in header if c not in EDGE_COLUMNS]
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
        weight_scale=scale,
        ids=tuple(ids),
    )


def _weight_scale(weights: np.ndarray, rows: int) -> int | None:
    """The fewest decimal places (up to MAX_SCALE) that write every one of ``weights``
    exactly, as the double nearest to a decimal of that many places, or None.

    With it each row's weight is an integer number of units (``10 ** -scale``), and the
    units' sums are exact integers (below 2**53, so a double holds them too): the same
    whatever order they are added in, and turned into a float by one correctly rounded
    division. None (a weight of more places, or sums that may pass 2**53) sends the set
    to the pandas engine, whose sums run in one fixed order."""
    bound = float(np.max(np.abs(weights), initial=0.0)) * max(rows, 1)
    for scale in range(MAX_SCALE + 1):
        if bound * 10.0**scale >= 2.0**53:
            return None
        if np.array_equal(np.round(weights * 10.0**scale) / 10.0**scale, weights):
            return scale
    return None


def _listed(result, n: int):
    """The values of list ``n`` of the validation query's one row, as structs."""
    import pyarrow as pa

    values = result.column(f"l{n}").combine_chunks().flatten()
    return values if pa.types.is_struct(values.type) else pa.StructArray.from_arrays([values], ["value"])


def _filled_view(
    connection, checked: pd.DataFrame, header: list[str], domains: tuple[str, ...], scale: int
) -> bool:
    """Create the view ``edges``: ``raw`` with weight, cameo and domain filled in from
    small tables of the taxonomy's and CAMEO's values (and ``domain_code``, the domain's
    place in ``domains``, and ``weight_units``, the weight in units of ``10 ** -scale``).
    False when the view's fill differs from check_edges' on any
    distinct tuple (a weight DuckDB reads as another number than pandas does)."""
    defaults = action_defaults()
    actions = sorted(a for a in set(checked["action"]) if a in defaults)
    codes = goldstein()
    cameos = sorted(c for c in set(checked["cameo"]) if c in codes)
    tables = {
        "action_defaults": pd.DataFrame(
            {
                # typed as text even when empty (DuckDB would take an empty column for DOUBLE)
                "action": pd.Series(actions, dtype=str),
                "a_domain": pd.Series([defaults[a][0] for a in actions], dtype=str),
                "a_cameo": pd.Series([defaults[a][1] for a in actions], dtype=str),
                "a_weight": pd.array([defaults[a][2] for a in actions], dtype=float),
            }
        ),
        "cameo_weights": pd.DataFrame(
            {
                "cameo": pd.Series(cameos, dtype=str),
                "c_weight": pd.array([codes[c] for c in cameos], dtype=float),
            }
        ),
        "domain_codes": pd.DataFrame({"d_domain": list(domains), "domain_code": np.arange(len(domains))}),
        "value_tuples": checked,
    }
    for table, frame in tables.items():
        connection.register(f"{table}_frame", frame)
        connection.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM {table}_frame")
        connection.unregister(f"{table}_frame")

    def filled(source: str) -> str:
        return f"""SELECT coalesce(TRY_CAST(nullif(r.weight, '') AS DOUBLE), c.c_weight, a.a_weight) AS _fill_weight,
                          CASE WHEN r.cameo <> '' THEN r.cameo ELSE coalesce(a.a_cameo, '') END AS _fill_cameo,
                          CASE WHEN r.domain <> '' THEN r.domain ELSE coalesce(a.a_domain, 'other') END AS _fill_domain,
                          r.*
                   FROM {source} r LEFT JOIN action_defaults a ON r.action = a.action
                                   LEFT JOIN cameo_weights c ON r.cameo = c.cameo"""

    differ = connection.execute(
        f"""SELECT count(*) FROM ({filled("value_tuples")})
            WHERE _fill_weight IS DISTINCT FROM _weight OR _fill_cameo <> _cameo OR _fill_domain <> _domain"""
    ).fetchone()[0]
    if differ:
        return False
    columns = [c for c in EDGE_COLUMNS if c != "id" or "id" in header] + [
        c for c in header if c not in EDGE_COLUMNS
    ]
    fill = {"weight": "_fill_weight", "cameo": "_fill_cameo", "domain": "_fill_domain"}
    select = ", ".join(f"{fill[c]} AS {_quoted(c)}" if c in fill else f"f.{_quoted(c)}" for c in columns)
    connection.execute(
        f"""CREATE VIEW edges AS SELECT {select}, d.domain_code,
                   round(_fill_weight * {10**scale})::BIGINT AS weight_units
            FROM ({filled("raw")}) f JOIN domain_codes d ON f._fill_domain = d.d_domain"""
    )
    return True


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
    if weight_sign_warnings(
        head, table.lines[: len(first)], name
    ):  # a tariff at +1: the reference path warns
        return None
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


def _quotes_found(source_path: Path, quotes) -> bool:
    """Every one of ``quotes`` (a pyarrow string array) stands verbatim in the source text."""
    from .io.verbatim import found_verbatim

    try:
        data = read_input(source_path, str(source_path)).removeprefix(b"\xef\xbb\xbf")
        # an ASCII text stays bytes (no decoded copy); any other is checked as UTF-8
        text: str | bytes = data if data.isascii() else data.decode("utf-8")
    except (GraphkitError, UnicodeDecodeError):
        return False
    return bool(np.all(found_verbatim(text, quotes)))


def _action_warnings(actions: list[str], name: str) -> bool:
    """True when an action outside the taxonomy looks like a slip for one in it."""
    frame = pd.DataFrame({"action": actions})
    return bool(action_warnings(frame, np.ones(len(actions), dtype=np.int64), name, list(action_defaults())))
