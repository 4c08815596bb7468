"""Graph files for other tools (Gephi, Cytoscape, igraph, D3): GraphML, GEXF, node-link JSON, CSV.

Two levels: ``pair`` (one edge per ordered pair of actors, with non-negative
``strain`` and ``cooperation``, so Gephi's merging of parallel edges and its trouble
with negative weights never arise) and ``action`` (one edge per alleged action).
Attributes are plain scalars with one type per name, as GraphML and GEXF require.
"""

from __future__ import annotations

import io
import json
import math
import re
from typing import cast

import networkx as nx
import numpy as np
import pandas as pd

from ..analysis.centrality_alg import centrality
from ..analysis.pairs import ordered_pairs
from ..analysis.units import Unit, check_unit, count_units
from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError, GraphkitError, use_one_of
from ..io.formatting import format_frame
from ..scales import plover_columns
from ..schema import (
    CENTRALITY_COLUMNS,
    EXPORT_FORMATS,
    EXPORT_LEVELS,
    EXPORT_WEIGHTS,
    ExportFormat,
    ExportLevel,
    ExportWeight,
    cooperation_part,
    strain_part,
)

__all__ = [
    "to_networkx",
    "FORMATS",
    "LEVELS",
    "WEIGHTS",
    "action_table",
    "build_graph",
    "export_graph",
    "node_table",
    "pair_table",
]

FORMATS = EXPORT_FORMATS
Level = ExportLevel
Weight = ExportWeight
LEVELS = EXPORT_LEVELS
WEIGHTS = EXPORT_WEIGHTS
DECIMALS = 12

#: Names the formats use for their own fields (node-link JSON: source, target, key).
_RESERVED = {"key", "source", "target", "weight", "label"}
NODE_COLUMNS = ["label", *CENTRALITY_COLUMNS[1:]]
# XML 1.0 cannot hold these characters at all, escaped or not.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_") or "action"


def _count_names(actions: list[str]) -> dict[str, str]:
    """action -> its count column, ``n_<slug>``, unique even where slugs collide."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for action in sorted(actions):
        base = f"n_{_slug(action)}"
        name, n = base, 2
        while name in taken:
            name, n = f"{base}_{n}", n + 1
        taken.add(name)
        names[action] = name
    return names


def _require_edges(edge_set: EdgeSet) -> None:
    if len(edge_set.edges) == 0:
        raise GraphkitError(
            f"edge set {edge_set.name!r} has no actions left after the filters: nothing to export"
        )


def pair_table(edge_set: EdgeSet) -> pd.DataFrame:
    """One row per ordered pair (source, target) with at least one action, sorted.

    Columns: ``source``, ``target``, ``strain`` and ``cooperation`` (non-negative
    sums, see :func:`graphkit.analysis.pairs.ordered_pairs`), ``actions``, ``hostile``,
    ``cooperative`` (counts), then ``n_<action>``: how many actions of each type
    the pair holds (action names made lowercase, runs of other characters ``_``).
    """
    _require_edges(edge_set)
    edges = edge_set.edges
    pairs = ordered_pairs(edges)
    names = _count_names(list(pd.unique(edges["action"])))
    counts = edges.groupby(["source", "target", "action"]).size().unstack("action", fill_value=0)
    counts = counts.rename(columns=names)[[names[a] for a in sorted(names)]].astype(np.int64)
    table = pairs.merge(counts.reset_index(), on=["source", "target"], how="left", validate="one_to_one")
    return table.sort_values(["source", "target"], kind="stable").reset_index(drop=True)


def _typed(column: pd.Series) -> pd.Series:
    """An extra (string) column as int or float when every value is one *and* the
    number gives back exactly the same text (``007``, ``1.50``, ``1e3``, ``+5`` and
    19-digit ids stay text: a number would change them), else as text. The one
    allowance: whole numbers among decimals (``0`` among tones) make a float column,
    written ``0.0``, the same number."""
    text = column.astype(str)
    if not len(text):
        return text
    values = pd.unique(text)  # check each distinct value once
    if all(_is_exact_int(v) for v in values):
        return text.astype(np.int64)
    # a whole number among decimals (GDELT's tone "0") is the same number as 0.0
    if all(_is_exact_float(v) or _is_exact_int(v) for v in values):
        return text.astype(float)
    return text


_INT = re.compile(r"-?[1-9][0-9]{0,17}|0")  # at most 18 digits: always inside int64


def _is_exact_int(text: str) -> bool:
    return _INT.fullmatch(text) is not None


def _is_exact_float(text: str) -> bool:
    try:
        value = float(text)
    except ValueError:
        return False
    return math.isfinite(value) and repr(value) == text


def action_table(edge_set: EdgeSet) -> pd.DataFrame:
    """One row per action, sorted by source and target (file order within a pair).

    Columns: ``id`` (the edge set's, or ``e1``, ``e2``... in file order),
    ``source``, ``target``, ``action``, ``goldstein`` (the signed weight),
    ``strain`` and ``cooperation`` (its non-negative parts), ``cameo``,
    ``plover_type`` and ``plover_mode`` (:func:`graphkit.scales.plover_columns`),
    ``domain``, ``date``, ``quote``, then the file's extra columns (numbers where every value
    is one, otherwise text; empty cells are ``""``).
    """
    _require_edges(edge_set)
    edges = edge_set.edges.reset_index(drop=True)
    weight = edges["weight"].astype(float)
    plover = plover_columns(edges)
    ids = edges["id"].astype(str) if edge_set.has_ids else pd.Series([f"e{i + 1}" for i in range(len(edges))])
    table = pd.DataFrame(
        {
            "id": ids,
            "source": edges["source"],
            "target": edges["target"],
            "action": edges["action"],
            "goldstein": weight,
            "strain": strain_part(weight),
            "cooperation": cooperation_part(weight),
            "cameo": edges["cameo"],
            "plover_type": plover["plover_type"],
            "plover_mode": plover["plover_mode"],
            "domain": edges["domain"],
            "date": edges["date"],
            "quote": edges["quote"],
        }
    )
    known = {"id", "source", "target", "action", "weight", "cameo", "domain", "date", "quote"}
    known |= {"plover_type", "plover_mode"}  # the file's own, already in the derived columns
    for column in edges.columns:
        if column in known:
            continue
        # an extra column named like one of ours (strain, goldstein, ...) or like a field
        # of the formats' own (key: node-link JSON's edge key) is kept, renamed
        name = column if column not in table.columns and column not in _RESERVED else f"extra_{column}"
        table[name] = _typed(edges[column].fillna(""))
    return table.sort_values(["source", "target"], kind="stable").reset_index(drop=True)


def node_table(edge_set: EdgeSet) -> pd.DataFrame:
    """One row per actor, sorted by id: ``actor``, ``label`` (= name, which Gephi
    shows), ``name``, ``kind``, ``group`` and the columns of
    :func:`graphkit.analysis.centrality_alg.centrality`."""
    _require_edges(edge_set)
    frame = centrality(edge_set).sort_values("actor", kind="stable").reset_index(drop=True)
    frame.insert(1, "label", frame["name"])
    for column in ("label", "name", "kind", "group"):
        frame[column] = frame[column].fillna("").astype(str)
    # PageRank and HITS stop at a tolerance, and sums over pairs may be taken in another
    # order elsewhere: rounded, the file's bytes do not depend on the last bits
    for column in ("pagerank", "betweenness", "hub", "authority"):
        frame[column] = frame[column].astype(float).round(DECIMALS)
    return frame[["actor", *NODE_COLUMNS]]


def _plain(value):
    """A Python scalar GraphML/GEXF/JSON can hold: never None, NaN or a numpy type."""
    if isinstance(value, (np.integer, int)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, (np.floating, float)):
        value = float(value)
        return 0.0 if math.isnan(value) else value + 0.0
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _records(frame: pd.DataFrame) -> list[dict]:
    columns = list(frame.columns)
    return [dict(zip(columns, map(_plain, row))) for row in frame.itertuples(index=False, name=None)]


def build_graph(edge_set: EdgeSet, level: Level = "pair", weight: Weight | None = None) -> nx.DiGraph:
    """The graph exported: a DiGraph of pairs, or a MultiDiGraph of actions keyed by id.

    Every edge has a unique ``id`` (``e1``, ``e2``... for pairs, the action's id for
    actions). ``weight``, one of WEIGHTS at pair level (or ``strain``/``cooperation``
    at action level), copies that column into ``weight``, which Gephi reads as the
    edge weight; without it no edge has a ``weight`` attribute.
    """
    if level not in LEVELS:
        raise ArgumentError("level", f"{level!r}: {use_one_of(LEVELS)}")
    nodes = node_table(edge_set)
    if level == "pair":
        edges = pair_table(edge_set)
        edges.insert(0, "id", [f"e{i + 1}" for i in range(len(edges))])
        graph: nx.DiGraph = nx.DiGraph()
    else:
        edges = action_table(edge_set)
        graph = nx.MultiDiGraph()
    if weight is not None:
        if weight not in edges.columns or weight not in WEIGHTS:
            raise ArgumentError(
                "weight", f"{weight!r} is not available at level {level!r}: use strain or cooperation"
            )
        edges["weight"] = edges[weight].astype(float)
    graph.graph["name"] = edge_set.name
    # attributes go in as dicts, never as keywords: a column named like a parameter
    # of networkx's own (key, u_of_edge, node_for_adding, ...) is just an attribute
    graph.add_nodes_from((record.pop("actor"), record) for record in _records(nodes))
    records = _records(edges)
    if level == "pair":
        graph.add_edges_from((r.pop("source"), r.pop("target"), r) for r in records)
    else:
        multi = cast(nx.MultiDiGraph, graph)
        for record in records:
            source, target = record.pop("source"), record.pop("target")
            multi.add_edge(source, target, key=record["id"])
            multi.edges[source, target, record["id"]].update(record)
    return graph


def _xml_safe(graph: nx.DiGraph) -> nx.DiGraph:
    clean = graph.copy()
    for _, data in clean.nodes(data=True):
        for name, value in data.items():
            if isinstance(value, str):
                data[name] = _NOT_XML.sub("\ufffd", value)
    for *_, data in clean.edges(data=True):
        for name, value in data.items():
            if isinstance(value, str):
                data[name] = _NOT_XML.sub("\ufffd", value)
    return clean


def export_graph(
    edge_set: EdgeSet,
    fmt: ExportFormat,
    *,
    level: Level = "pair",
    weight: Weight | None = None,
    unit: Unit = "action",
    safe_csv: bool = False,
) -> bytes:
    """``edge_set`` as a file in ``fmt`` (one of FORMATS) at ``level`` (one of LEVELS).

    ``graphml`` has a unique id on every edge; ``gexf`` is GEXF 1.2 without a
    modification date (so the same input gives the same bytes); ``json`` is
    node-link data with the keys ``nodes`` and ``edges``; ``csv`` holds the edges
    table (:func:`pair_table` or :func:`action_table`) with a header. Nodes and
    edges come sorted; the result is UTF-8. ``unit`` keeps only the rows that count
    as units of evidence (:func:`graphkit.analysis.units.count_units`) before
    anything is aggregated or listed. ``safe_csv`` (csv only): see
    :func:`graphkit.io.formatting.format_frame`.
    """
    require_edge_set(edge_set)
    if check_unit(unit) != "action":
        edge_set = edge_set.with_edges(count_units(edge_set.edges, unit))
    if fmt not in FORMATS:
        raise ArgumentError("fmt", f"{fmt!r}: {use_one_of(FORMATS)}")
    if fmt == "csv":
        if level not in LEVELS:
            raise ArgumentError("level", f"{level!r}: {use_one_of(LEVELS)}")
        table = pair_table(edge_set) if level == "pair" else action_table(edge_set)
        return format_frame(table, "csv", exact=True, safe_csv=safe_csv).encode("utf-8")
    graph = build_graph(edge_set, level, weight)
    if fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        return (json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(
            _xml_safe(graph), buffer, encoding="utf-8", prettyprint=True, edge_id_from_attribute="id"
        )
        return buffer.getvalue()
    nx.write_gexf(_xml_safe(graph), buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    return re.sub(rb'\s+lastmodifieddate="[^"]*"', b"", buffer.getvalue(), count=1)


def to_networkx(edge_set: EdgeSet, *, level: ExportLevel = "action", unit: Unit = "action") -> nx.DiGraph:
    """``edge_set`` as a networkx graph with every attribute: the graph graphkit exports.

    Parameters
    ----------
    edge_set : EdgeSet
    level : {"action", "pair"}
        ``"action"``: a :class:`networkx.MultiDiGraph` with one edge per action, keyed
        by its id, holding ``id``, ``action``, ``goldstein`` (the signed weight),
        ``strain`` and ``cooperation`` (its non-negative parts), ``cameo``,
        ``domain``, ``date``, ``quote`` and the file's extra columns.
        ``"pair"``: a :class:`networkx.DiGraph` with one edge per ordered pair,
        holding the sums of :func:`pair_table`. No edge has a ``weight`` attribute:
        pass ``weight="strain"`` (or ``"cooperation"``) to networkx's algorithms.
    unit : {"action", "claim", "type"}
        Keep only the rows that count as units of evidence first
        (:func:`graphkit.analysis.units.count_units`).

    Returns
    -------
    networkx.MultiDiGraph or networkx.DiGraph
        Nodes are actor ids with ``label``, ``name``, ``kind``, ``group`` and the
        columns of :func:`graphkit.analysis.centrality_alg.centrality`; the graph's
        ``name`` is the set's.

    Examples
    --------
    >>> from graphkit.edgeset import load_edge_set
    >>> graph = to_networkx(load_edge_set("essay"), level="pair")
    >>> graph.edges["USA", "CAN"]["actions"] > 0
    True
    """
    require_edge_set(edge_set)
    if level not in LEVELS:
        raise ArgumentError("level", f"{level!r}: {use_one_of(LEVELS)}")
    if check_unit(unit) != "action":
        edge_set = edge_set.with_edges(count_units(edge_set.edges, unit))
    return build_graph(edge_set, level)
