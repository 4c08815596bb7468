"""An edge set from pandas DataFrames, checked exactly as a file is."""

from __future__ import annotations

import pandas as pd

from . import validation
from .actions import action_defaults
from .actor_ids import actor_id_warnings
from .actors import infer_actors
from .checks import kind_of, require_optional_str
from .edgeset import EdgeSet
from .errors import ArgumentError, EdgeSetError
from .io.csvfile import read_csv_bytes
from .schema import ACTOR_COLUMNS
from .spelling import action_warnings
from .weight_signs import weight_sign_warnings

__all__ = ["from_frame"]


def _csv(frame: pd.DataFrame, argument: str) -> bytes:
    if not isinstance(frame, pd.DataFrame):
        raise ArgumentError(argument, f"must be a pandas DataFrame, not {kind_of(frame)}")
    # every cell as the text a file would hold, so that one validation serves both
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _names(actors: pd.DataFrame | None) -> dict[str, str]:
    return {} if actors is None else dict(zip(actors["id"], actors["name"]))


def from_frame(
    edges: pd.DataFrame,
    actors: pd.DataFrame | None = None,
    source_text: str | None = None,
    *,
    name: str = "frame",
) -> EdgeSet:
    """An :class:`~graphkit.edgeset.EdgeSet` from DataFrames, validated as a file is.

    Parameters
    ----------
    edges : DataFrame
        One row per alleged action, with the columns of an ``edges.csv``
        (``source``, ``target``, ``action`` required; ``weight``, ``cameo``,
        ``domain``, ``date``, ``quote``, ``id`` optional; others are carried along).
    actors : DataFrame, optional
        The columns of an ``actors.csv`` (``id`` required; ``name``, ``kind``,
        ``group``). Without it, actors are inferred from the ids, as for a file.
    source_text : str, optional
        The text the quotes come from; every non-empty quote must be found in it.
    name : str
        The set's name, used in messages and pages.

    Returns
    -------
    EdgeSet

    Raises
    ------
    EdgeSetError
        Every problem found, as for a file: ``edges:LINE`` counts as a CSV file
        would, so row ``i`` (from 0) of ``edges`` is line ``i + 2``.

    Examples
    --------
    >>> import pandas as pd
    >>> # the weight is the taxonomy's for tariff (graphkit/data/taxonomy.csv: CAMEO 163, -8.0)
    >>> es = from_frame(pd.DataFrame({"source": ["USA"], "target": ["CHN"], "action": ["tariff"]}))
    >>> es.edges[["source", "target", "weight"]].values.tolist()
    [['USA', 'CHN', -8.0]]
    """
    require_optional_str(source_text, "source_text")
    if not isinstance(name, str) or not name:
        raise ArgumentError("name", f"must be non-empty text, not {kind_of(name)} {name!r}")
    table = read_csv_bytes(_csv(edges, "edges"), "edges")
    problems = list(table.problems)
    checked, edge_problems = validation.check_edges(table, "edges") if not problems else (None, [])
    problems += edge_problems
    if checked is None:
        raise EdgeSetError(problems)
    if actors is not None:
        actors_table = read_csv_bytes(_csv(actors, "actors"), "actors")
        problems += actors_table.problems
        actor_frame, actor_problems = validation.check_actors(actors_table, "actors")
        problems += actor_problems
        if actor_frame is not None:
            problems += validation.check_endpoints(
                checked, table.lines, actor_frame["id"], "edges", "actors", actor_frame["name"]
            )
    else:
        ids = sorted(pd.unique(pd.concat([checked["source"], checked["target"]], ignore_index=True)))
        actor_frame = infer_actors([a for a in ids if a != ""])
    if source_text is not None:
        problems += validation.check_quotes(checked, table.lines, source_text, "edges", "source_text")
    if problems:
        raise EdgeSetError(sorted(problems, key=lambda p: (p.file, p.line or 0)))
    return EdgeSet(
        name=name,
        edges=checked,
        actors=actor_frame if actor_frame is not None else pd.DataFrame(columns=ACTOR_COLUMNS),
        source_text=source_text,
        lines=table.lines,
        warnings=(
            *actor_id_warnings(
                checked, table.lines, "edges", _names(actor_frame) if actors is not None else None
            ),
            *action_warnings(checked, table.lines, "edges", list(action_defaults())),
            *weight_sign_warnings(checked, table.lines, "edges"),
        ),
    )
