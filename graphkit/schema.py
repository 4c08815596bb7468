"""The edge-set schema: column names and defaults, the weight split, the measures' columns.

Every other module takes these facts from here, so a new column or a new rule
for strain is written once. Importing this module is cheap (no pandas), so the
CLI can offer the column names in ``--help``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "ACTOR_COLUMNS",
    "ACTOR_KINDS",
    "CENTRALITY_COLUMNS",
    "CENTRALITY_MEASURES",
    "CentralityMeasure",
    "DRAFT_COLUMNS",
    "EDGE_COLUMNS",
    "EDGE_FIELDS",
    "FREQS",
    "ID_CONTROL",
    "LAYERS",
    "LOW_CONFIDENCE",
    "PAIR_COLUMNS",
    "READ_OPTIONAL_COLUMNS",
    "REQUIRED_EDGE_COLUMNS",
    "STRAIN_COLUMNS",
    "STRAIN_INTENSITY_COLUMNS",
    "ReportFormat",
    "Sign",
    "TIE_DECIMALS",
    "SCALES",
    "Scale",
    "UNDATED",
    "UNITS",
    "Unit",
    "cooperation_part",
    "sign_of",
    "signs_of",
    "strain_part",
]

#: Columns of an edges table, in order; extra columns of the file follow them.
#: ``weight`` is a float on the Goldstein scale (-10..10); every other column is text,
#: "" when the file leaves it empty. ``id`` is present only when the file has ids.
EDGE_COLUMNS = ["id", "source", "target", "action", "weight", "cameo", "domain", "date", "quote"]
#: The columns that describe an action (every edge column but its id).
EDGE_FIELDS = EDGE_COLUMNS[1:]
REQUIRED_EDGE_COLUMNS = ["source", "target", "action"]

#: Columns a drafted edge set (graphkit extract) adds after the edge columns.
DRAFT_COLUMNS = ["confidence", "rule", "status"]
#: Optional columns graphkit reads when a file has them (docs/format.md): the date's end,
#: the weight's scale, the reported mode, the PLOVER type and mode, and a draft's columns.
#: ``graphkit validate`` lists a file's other columns as carried through unread.
READ_OPTIONAL_COLUMNS = ["date_end", "scale", "mode", "plover_type", "plover_mode", *DRAFT_COLUMNS]
#: Draft rows below this confidence are drawn apart (grey, dashed) by graphkit render.
LOW_CONFIDENCE = 0.5

#: Columns of an actors table; ``kind`` is one of ACTOR_KINDS.
ACTOR_COLUMNS = ["id", "name", "kind", "group"]
ACTOR_KINDS = ("state", "bloc", "company", "person", "other")

#: The files of an edge set's folder: the loader reads them, ``graphkit init`` writes
#: them, ``graphkit extract`` drafts them. Every module names them from here.
EDGES_FILE = "edges.csv"
ACTORS_FILE = "actors.csv"
SOURCE_FILE = "source.txt"
DESCRIPTION_FILE = "description.txt"
SET_FILES = (EDGES_FILE, ACTORS_FILE, SOURCE_FILE, DESCRIPTION_FILE)

#: Sums per ordered pair (see graphkit.analysis.pairs.ordered_pairs).
PAIR_COLUMNS = ["source", "target", "strain", "cooperation", "actions", "hostile", "cooperative"]

#: Units of evidence (graphkit.analysis.units.count_units): what counts once.
Unit = Literal["action", "claim", "type"]
UNITS: tuple[str, ...] = get_args(Unit)

#: Weight scales (graphkit.scales.with_scale): the number each row carries.
Scale = Literal["goldstein", "plover", "count", "quad"]
SCALES: tuple[str, ...] = get_args(Scale)

#: Per-actor measures of graphkit.analysis.centrality_alg.centrality, in report order.
CentralityMeasure = Literal[
    "hostile_out",
    "hostile_in",
    "cooperation_out",
    "cooperation_in",
    "degree_out",
    "degree_in",
    "pagerank",
    "betweenness",
    "hub",
    "authority",
]
CENTRALITY_MEASURES: list[str] = list(get_args(CentralityMeasure))
CENTRALITY_COLUMNS = ["actor", "name", "kind", "group", *CENTRALITY_MEASURES]

#: Columns of the strain report (graphkit.analysis.strain_alg.strain).
STRAIN_COLUMNS = [
    "rank",
    "actor_a",
    "actor_b",
    "name_a",
    "name_b",
    "strain",
    "strain_ab",
    "strain_ba",
    "hostile",
    "cooperative",
    "cooperation",
    "domains",
]

#: Columns ``strain(..., intensity=True)`` inserts after ``hostile``: a count and a mean.
STRAIN_INTENSITY_COLUMNS = ["claims", "mean_hostility"]

Sign = Literal["hostile", "cooperative", "neutral"]
#: Characters an actor id may not hold (validate refuses them): control characters make an
#: id unprintable, and GraphML/GEXF ids not well-formed XML. A regex, for re and pandas.
ID_CONTROL = r"[\x00-\x1f\x7f-\x9f]"
#: Sums of weights equal to this many decimals are equal, however the floats were added up
#: (ranks tie, a net weight of 0 is no tie), so that engines summing in other orders agree.
TIE_DECIMALS = 9
#: Periods of timeline, summary and the panel export: calendar year, quarter, month, ISO week.
FREQS = ("year", "quarter", "month", "week")
#: What the date filters do with undated rows when a bound is given (graphkit.filters).
UNDATED = ("drop", "keep")
#: Layers of graphkit summary: strain, cooperation, or both.
LAYERS = ("hostile", "cooperative", "all")
#: Formats of every report (table for people, csv/json/markdown for programs and documents).
ReportFormat = Literal["table", "csv", "json", "markdown"]
REPORT_FORMATS: tuple[str, ...] = get_args(ReportFormat)

# The other choice lists: the library checks its arguments against these, and the
# command line's click.Choice lists are these same tuples.
#: graphkit.interop.export.export_graph: file formats, levels, and the column copied to "weight".
ExportFormat = Literal["graphml", "gexf", "json", "csv"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
ExportLevel = Literal["pair", "action"]
EXPORT_LEVELS: tuple[str, ...] = get_args(ExportLevel)
ExportWeight = Literal["strain", "cooperation", "actions"]
EXPORT_WEIGHTS: tuple[str, ...] = get_args(ExportWeight)
#: graphkit.render: how the page colours, and what it draws.
ColorMode = Literal["sign", "domain", "camp"]
COLOR_MODES: tuple[str, ...] = get_args(ColorMode)
View = Literal["auto", "actions", "pairs"]
VIEWS: tuple[str, ...] = get_args(View)
#: graphkit.analysis.balance_alg.balance: how the camps are found.
BalanceMethod = Literal["auto", "exact", "heuristic"]
BALANCE_METHODS: tuple[str, ...] = get_args(BalanceMethod)
#: Where pairs are summed (--engine): DuckDB for large plain files, else in memory
#: (auto); DuckDB wherever it can vouch for the set; in memory; on a Dask cluster.
Engine = Literal["auto", "duckdb", "pandas", "dask"]
ENGINES: tuple[str, ...] = get_args(Engine)


# The weight split. A hostile action (weight < 0) adds -weight to strain, a
# cooperative one (weight > 0) adds weight to cooperation; both parts are
# non-negative, so every graph algorithm can read them as strengths, and the two
# layers never cancel each other out.


def strain_part(weight: np.ndarray) -> np.ndarray:
    """-weight where the action is hostile (weight < 0), else 0."""
    import numpy as np

    return np.where(weight < 0, -weight, 0.0)


def cooperation_part(weight: np.ndarray) -> np.ndarray:
    """weight where the action is cooperative (weight > 0), else 0."""
    import numpy as np

    return np.where(weight > 0, weight, 0.0)


def signs_of(weight: np.ndarray) -> np.ndarray:
    """:func:`sign_of` for every weight of an array (an object array of words)."""
    import numpy as np

    return np.where(weight < 0, "hostile", np.where(weight > 0, "cooperative", "neutral")).astype(object)


def sign_of(weight: float) -> Sign:
    """``hostile`` (weight < 0), ``cooperative`` (> 0) or ``neutral`` (0)."""
    return "hostile" if weight < 0 else "cooperative" if weight > 0 else "neutral"
