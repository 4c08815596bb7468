"""Edge sets: what they hold, and how they are found, read and validated."""

from __future__ import annotations

import csv
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import validation
from .actions import action_defaults
from .actor_ids import actor_id_warnings
from .actors import infer_actors
from .bundled import DEFAULT_SET, bundled_dir, bundled_sets, describe
from .checks import kind_of, require_callable
from .errors import ArgumentError, EdgeSetError, Problem
from .headers import gephi_header, missing_column_problems, read_as, separator_problem
from .io.csvfile import read_csv_bytes, read_input
from .io.progress import Progress
from .schema import (
    ACTOR_COLUMNS,
    ACTORS_FILE,
    DESCRIPTION_FILE,
    EDGE_COLUMNS,
    EDGES_FILE,
    READ_OPTIONAL_COLUMNS,
    REQUIRED_EDGE_COLUMNS,
    SET_FILES,
    SOURCE_FILE,
)
from .spelling import action_warnings
from .weight_signs import weight_sign_warnings

__all__ = [
    "SET_FILES",
    "DateFilterReport",
    "EdgeSet",
    "check_edge_set",
    "load_edge_set",
    "resolve_edge_set",
    "set_folder",
    "validate_edge_set",
]


@dataclass(frozen=True)
class DateFilterReport:
    """What the date filters (:func:`graphkit.filters.filter_edges`) left out (or, for undated rows under ``undated="keep"``,
    kept): counts of actions, and the bounds given (``since``, ``until``).

    ``undated``: undated actions (left out unless ``kept_undated``); ``straddling``:
    actions whose dates run past a bound, left out unless ``overlap``;
    ``outside``: actions wholly outside the bounds.
    """

    bounds: tuple[str, ...]
    undated: int
    kept_undated: bool
    straddling: int
    overlap: bool
    outside: int

    def to_dict(self) -> dict:
        """The report as JSON-ready data (its fields, bounds as a list)."""
        return {**asdict(self), "bounds": list(self.bounds)}


@dataclass(frozen=True, repr=False)
class EdgeSet:
    """A validated edge set.

    ``edges`` has one row per alleged action: ``id`` (when the file has ids),
    ``source``, ``target``, ``action``, ``weight`` (float, -10..10), ``cameo``,
    ``domain``, ``date``, ``quote``, then any extra columns of the file.
    ``actors`` has ``id``, ``name``, ``kind``, ``group`` for every endpoint.
    ``lines`` holds each edge's physical line in its file. ``warnings`` lists what
    is valid but probably not meant (an actor id ``US`` where graphkit's convention
    is ``USA``), as :class:`~graphkit.errors.Problem` objects; the library never
    prints them, the command line shows them on stderr.
    """

    name: str
    edges: pd.DataFrame
    actors: pd.DataFrame
    description: str = ""
    source_text: str | None = None
    path: Path | None = None
    lines: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64), repr=False)
    warnings: tuple[Problem, ...] = ()
    #: What the date filters left out (:class:`DateFilterReport`), when they ran.
    date_filter: DateFilterReport | None = None

    def __repr__(self) -> str:
        """One line: the name, the counts, and where the set came from (never its tables or text).

        >>> load_edge_set("essay")  # doctest: +ELLIPSIS
        EdgeSet('essay': 33 actions between 16 actors, source text of ... characters, from .../essay)
        """
        actions, actors = len(self.edges), len(self.actors)
        parts = [
            f"{actions} action{'s' if actions != 1 else ''} between {actors} actor{'s' if actors != 1 else ''}"
        ]
        if self.source_text is not None:
            parts.append(f"source text of {len(self.source_text):,} characters")
        if self.path is not None:
            parts.append(f"from {self.path}")
        return f"EdgeSet({self.name!r}: {', '.join(parts)})"

    @property
    def has_ids(self) -> bool:
        """True when every edge carries an ``id``."""
        return "id" in self.edges.columns

    @property
    def extra_columns(self) -> list[str]:
        """The file's columns that graphkit does not read; they are carried through to the outputs."""
        return [c for c in self.edges.columns if c not in EDGE_COLUMNS and c not in READ_OPTIONAL_COLUMNS]

    def with_edges(self, edges: pd.DataFrame) -> EdgeSet:
        """The same set restricted to ``edges`` (a subset of its rows), and to their actors."""
        ids = pd.unique(pd.concat([edges["source"], edges["target"]], ignore_index=True))
        actors = self.actors[self.actors["id"].isin(ids)].reset_index(drop=True)
        lines = self.lines[self.edges.index.get_indexer(edges.index)] if len(self.lines) else self.lines
        return replace(self, edges=edges.reset_index(drop=True), actors=actors, lines=lines)


def resolve_edge_set(spec: str | Path | None) -> tuple[str, Path | None]:
    """Turn an EDGESET argument into (name, path): a path to a file or folder, a
    bundled set's name, ``-`` for standard input (path None), or None for the essay."""
    if spec is None:
        spec = DEFAULT_SET
    text = str(spec)
    if text == "-":
        return "stdin", None
    path = Path(text)
    if path.exists():
        name = path.resolve().name if path.is_dir() else path.stem
        if path.is_file() and path.name == EDGES_FILE:
            name = path.resolve().parent.name
        return name, path
    if text in bundled_sets():
        return text, bundled_dir() / text
    raise EdgeSetError(
        [
            Problem(
                text,
                None,
                "no such file, folder or bundled edge set: give a path, or a name from 'graphkit sets'",
            )
        ]
    )


def set_folder(path: Path) -> Path | None:
    """The folder whose actors.csv, source.txt and description.txt belong to the set
    at ``path``: the folder itself, the folder of an ``edges.csv``, else None."""
    if path.is_dir():
        return path
    return path.parent if path.name == EDGES_FILE else None


def _companion(folder: Path | None, name: str) -> Path | None:
    return folder / name if folder is not None and (folder / name).is_file() else None


def _read_bytes(path: Path, check_header=None) -> bytes:
    return read_input(path, str(path), first_line=check_header)


def check_edges_header(line: bytes, name: str = "<stdin>") -> None:
    """Refuse an edges file at its first line when that lacks a required column
    (so an endless stream stops at once); raises :class:`EdgeSetError`."""
    try:
        header = next(csv.reader([line.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")]), [])
    except csv.Error:
        return  # the CSV reader will say what is wrong, at its line
    cells = [c.strip() for c in header]
    separator = separator_problem(cells, name)
    if separator is not None:
        raise EdgeSetError([separator])
    names = read_as(set(cells))
    missing = [c for c in REQUIRED_EDGE_COLUMNS if c not in names]
    if missing:
        raise EdgeSetError(missing_column_problems(cells, missing, name))


def check_edges_header_of(path: Path):
    return lambda line: check_edges_header(line, str(path))


def _description(folder: Path | None) -> tuple[str, list[Problem]]:
    """The first line of the set's description.txt, or a problem saying why it cannot be read."""
    path = _companion(folder, DESCRIPTION_FILE)
    if folder is None or path is None:
        return "", []
    try:
        return describe(folder), []
    except UnicodeDecodeError as err:
        line = path.read_bytes()[: err.start].count(b"\n") + 1
        return "", [Problem(str(path), line, "not UTF-8 text: save the description as UTF-8")]
    except OSError as err:
        return "", [Problem(str(path), None, f"cannot read: {err.strerror}: make it readable or remove it")]


def _read_stream(stream, name: str) -> bytes:
    return read_input(stream, name, first_line=lambda line: check_edges_header(line, name))


def _check_arguments(spec, stdin, progress) -> None:
    if spec is not None and not isinstance(spec, (str, os.PathLike)):
        raise ArgumentError("spec", f"must be a path, a bundled set's name or '-', not {type(spec).__name__}")
    if stdin is not None and not isinstance(stdin, (bytes, bytearray, memoryview)):
        hint = ": pass text.encode('utf-8')" if isinstance(stdin, str) else ""
        raise ArgumentError("stdin", f"must be bytes, not {type(stdin).__name__}{hint}")
    require_callable(progress, "progress")


def _gather(
    spec: str | Path | None, stdin: bytes | None, progress: Progress | None = None
) -> tuple[EdgeSet | None, list[Problem]]:
    _check_arguments(spec, stdin, progress)
    if stdin is not None:
        stdin = bytes(stdin)
    report = progress or (lambda message: None)
    name, path = resolve_edge_set(spec)
    actors_path = source_path = None
    description = ""
    problems_before: list[Problem] = []
    if path is None:
        edges_name = "<stdin>"
        data = stdin if stdin is not None else _read_stream(sys.stdin.buffer, edges_name)
    else:
        edges_path = path / EDGES_FILE if path.is_dir() else path
        if path.is_dir() and not edges_path.is_file():
            return None, [
                Problem(str(path), None, f"folder has no {EDGES_FILE}: put the edges in {edges_path}")
            ]
        data, edges_name = _read_bytes(edges_path, check_edges_header_of(edges_path)), str(edges_path)
        folder = set_folder(path)
        actors_path, source_path = _companion(folder, ACTORS_FILE), _companion(folder, SOURCE_FILE)
        description, problems_before = _description(folder)

    report(f"reading {edges_name} ({len(data) / 1e6:,.1f} MB)")
    table = read_csv_bytes(data, edges_name)
    del data  # the file's bytes: as large as the file, and no longer needed
    report(f"validating {len(table.frame):,} rows")
    separator = separator_problem(list(table.frame.columns), edges_name)
    if separator is not None:  # its rows' widths and missing columns would only repeat it
        return None, [*problems_before, separator]
    table, header_warnings = gephi_header(table, edges_name)
    problems = problems_before + list(table.problems)
    edges, edge_problems = (
        validation.check_edges(table, edges_name) if not problems or len(table.frame.columns) else (None, [])
    )
    problems += edge_problems
    if edges is None:
        return None, problems

    if actors_path is not None:
        actors_name = str(actors_path)
        actors_table = read_csv_bytes(_read_bytes(actors_path), actors_name)
        problems += actors_table.problems
        actors = None
        if len(actors_table.frame.columns):  # an unreadable file has said why already
            actors, actor_problems = validation.check_actors(actors_table, actors_name)
            problems += actor_problems
        if actors is not None:
            problems += validation.check_endpoints(
                edges, table.lines, actors["id"], edges_name, actors_path.name, actors["name"]
            )
    else:
        ids = sorted(pd.unique(pd.concat([edges["source"], edges["target"]], ignore_index=True)))
        actors = infer_actors([a for a in ids if a != ""])

    source_text = None
    if source_path is not None:
        source_bytes = _read_bytes(source_path)
        try:
            source_text = source_bytes.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            line = source_bytes[: err.start].count(b"\n") + 1
            problems.append(Problem(str(source_path), line, "not UTF-8 text: save the source text as UTF-8"))
        else:
            problems += validation.check_quotes(edges, table.lines, source_text, edges_name, source_path.name)

    edge_set = EdgeSet(
        name=name,
        edges=edges,
        actors=actors if actors is not None else pd.DataFrame(columns=ACTOR_COLUMNS),
        description=description,
        source_text=source_text,
        path=path,
        lines=table.lines,
        warnings=(
            *header_warnings,
            *actor_id_warnings(edges, table.lines, edges_name, _listed_names(actors, actors_path)),
            *action_warnings(edges, table.lines, edges_name, list(action_defaults())),
            *weight_sign_warnings(edges, table.lines, edges_name),
        ),
    )
    return edge_set, problems


def _listed_names(actors: pd.DataFrame | None, actors_path: Path | None) -> dict[str, str]:
    """Actor id -> name as the set's actors.csv gives them (none when it has no actors.csv)."""
    if actors is None or actors_path is None:
        return {}
    return dict(zip(actors["id"], actors["name"]))


def _ordered(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line or 0))


def check_edge_set(
    spec: str | Path | None = None, *, stdin: bytes | None = None, progress=None
) -> tuple[EdgeSet | None, list[Problem]]:
    """Read an edge set once: the set (None when it cannot be built) and every
    problem found, ordered by file and line (empty when the set is valid)."""
    _check_arguments(spec, stdin, progress)
    try:
        edge_set, problems = _gather(spec, stdin, progress)
    except EdgeSetError as err:
        return None, err.problems
    return (edge_set if not problems else None), _ordered(problems)


def validate_edge_set(spec: str | Path | None = None, *, stdin: bytes | None = None) -> list[Problem]:
    """Every problem in an edge set, ordered by file and line; empty when it is valid.

    ``spec`` is a path (CSV file or folder), a bundled set's name, ``-`` for
    standard input (or ``stdin`` bytes), or None for the bundled essay.
    """
    return check_edge_set(spec, stdin=stdin)[1]


def load_edge_set(
    spec: str | Path | None = None, *, stdin: bytes | None = None, progress: Progress | None = None
) -> EdgeSet:
    """Read and validate an edge set (see :func:`validate_edge_set` for ``spec``).

    Raises :class:`~graphkit.errors.EdgeSetError` listing every problem when the
    set is not valid. ``progress``, if given, is called with a message at each
    stage (see :mod:`graphkit.io.progress`).

    >>> es = load_edge_set("essay")
    >>> es.edges.columns[:4].tolist()
    ['id', 'source', 'target', 'action']
    """
    edge_set, problems = _gather(spec, stdin, progress)
    if problems or edge_set is None:
        raise EdgeSetError(_ordered(problems))
    return edge_set


def require_edge_set(value: Any, argument: str = "edge_set") -> None:
    """``value`` must be an :class:`~graphkit.edgeset.EdgeSet`."""
    if not isinstance(value, EdgeSet):
        raise ArgumentError(
            argument, f"must be an EdgeSet, not {kind_of(value)}: load one with graphkit.load_edge_set(...)"
        )


def require_edge_sets(value: Any, argument: str) -> None:
    """``value`` must be a mapping of names to EdgeSets, or a sequence of EdgeSets."""
    if isinstance(value, Mapping):
        items = list(value.values())
    elif isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        items = list(value)
    else:
        raise ArgumentError(argument, f"must be a dict or list of EdgeSets, not {kind_of(value)}")
    for item in items:
        require_edge_set(item, argument)
