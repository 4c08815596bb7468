"""graphkit: map alleged actions between actors as a graph, and measure it.

``import graphkit as gk`` gives the whole public API; each name is imported on
first use, so that ``graphkit --help`` does not pay for pandas and networkx.

>>> import graphkit as gk
>>> es = gk.load_edge_set()          # the bundled essay
>>> gk.strain(es).iloc[0][["actor_a", "actor_b"]].tolist()
['KOR', 'USA']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that holds it (modules are named for what they hold,
# never like a function, so gk.strain is the function)
_LAZY = {
    # loading and validating
    "EdgeSet": "graphkit.edgeset",
    "from_frame": "graphkit.frames",
    "load_edge_set": "graphkit.edgeset",
    "validate_edge_set": "graphkit.edgeset",
    "bundled_sets": "graphkit.bundled",
    "write_starter": "graphkit.starter",
    "filter_edges": "graphkit.filters",
    "filter_edge_sets": "graphkit.filters",
    "DateFilterReport": "graphkit.edgeset",
    "taxonomy": "graphkit.actions",
    "cameo_table": "graphkit.actions",
    "cameo_codes": "graphkit.actions",
    # measures
    "ordered_pairs": "graphkit.analysis.pairs",
    "strain": "graphkit.analysis.strain_alg",
    "centrality": "graphkit.analysis.centrality_alg",
    "count_units": "graphkit.analysis.units",
    "robustness": "graphkit.analysis.robustness_alg",
    "robustness_records": "graphkit.analysis.robustness_alg",
    "resample_strain": "graphkit.analysis.resample",
    "drop_one": "graphkit.analysis.resample",
    "with_scale": "graphkit.scales",
    "plover_of": "graphkit.plover",
    "read_aliases": "graphkit.aliases",
    "apply_aliases": "graphkit.aliases",
    "balance": "graphkit.analysis.balance_alg",
    "signed_ties": "graphkit.analysis.balance_alg",
    "Balance": "graphkit.analysis.balance_alg",
    "strain_communities": "graphkit.analysis.communities",
    "timeline": "graphkit.analysis.timeline_alg",
    "summary": "graphkit.analysis.summary_alg",
    # comparing
    "diff_edge_sets": "graphkit.compare.diff",
    "EdgeSetDiff": "graphkit.compare.diff",
    "format_diff": "graphkit.compare.report",
    "intercoder_agreement": "graphkit.compare.agreement",
    "Agreement": "graphkit.compare.agreement",
    "score": "graphkit.compare.scoring",
    "format_score": "graphkit.compare.scoring",
    "ScoreResult": "graphkit.compare.scoring",
    # drafting from a text
    "extract_edge_set": "graphkit.extract.draft",
    "write_draft": "graphkit.extract.draft",
    "ExtractResult": "graphkit.extract.draft",
    "load_gazetteer": "graphkit.extract.gazetteer",
    "Gazetteer": "graphkit.extract.gazetteer",
    # drawing
    "render_html": "graphkit.render.graph",
    "to_pyvis": "graphkit.render.graph",
    "diff_html": "graphkit.render.diff_page",
    # other tools' formats
    "export_graph": "graphkit.interop.export",
    "to_networkx": "graphkit.interop.export",
    "read_gdelt": "graphkit.interop.gdelt",
    "GdeltImport": "graphkit.interop.gdelt",
    "read_dyads": "graphkit.interop.dyads",
    "DyadImport": "graphkit.interop.dyads",
    "panel_table": "graphkit.interop.panel",
    # checking claims against event data
    "verify": "graphkit.verification.verify_alg",
    "VerifyResult": "graphkit.verification.verify_alg",
    "read_record": "graphkit.record.reader",
    "Record": "graphkit.record.form",
    # tables as text
    "format_frame": "graphkit.io.formatting",
    # errors and progress
    "GraphkitError": "graphkit.errors",
    "EdgeSetError": "graphkit.errors",
    "ArgumentError": "graphkit.errors",
    "Problem": "graphkit.errors",
    "Progress": "graphkit.io.progress",
}

__all__ = [
    "__version__",
    "EdgeSet",
    "load_edge_set",
    "from_frame",
    "validate_edge_set",
    "bundled_sets",
    "write_starter",
    "filter_edges",
    "filter_edge_sets",
    "DateFilterReport",
    "taxonomy",
    "cameo_table",
    "cameo_codes",
    "ordered_pairs",
    "strain",
    "centrality",
    "count_units",
    "robustness",
    "robustness_records",
    "resample_strain",
    "drop_one",
    "with_scale",
    "plover_of",
    "read_aliases",
    "apply_aliases",
    "balance",
    "signed_ties",
    "Balance",
    "strain_communities",
    "timeline",
    "summary",
    "diff_edge_sets",
    "EdgeSetDiff",
    "format_diff",
    "intercoder_agreement",
    "Agreement",
    "score",
    "format_score",
    "ScoreResult",
    "extract_edge_set",
    "write_draft",
    "ExtractResult",
    "load_gazetteer",
    "Gazetteer",
    "render_html",
    "to_pyvis",
    "diff_html",
    "export_graph",
    "to_networkx",
    "read_gdelt",
    "GdeltImport",
    "read_dyads",
    "DyadImport",
    "panel_table",
    "verify",
    "VerifyResult",
    "read_record",
    "Record",
    "format_frame",
    "GraphkitError",
    "EdgeSetError",
    "ArgumentError",
    "Problem",
    "Progress",
]

if TYPE_CHECKING:  # what type checkers and IDEs see
    from .actions import cameo_codes, cameo_table, taxonomy
    from .aliases import apply_aliases, read_aliases
    from .analysis.balance_alg import Balance, balance, signed_ties
    from .analysis.centrality_alg import centrality
    from .analysis.communities import strain_communities
    from .analysis.pairs import ordered_pairs
    from .analysis.resample import drop_one, resample_strain
    from .analysis.robustness_alg import robustness, robustness_records
    from .analysis.strain_alg import strain
    from .analysis.summary_alg import summary
    from .analysis.timeline_alg import timeline
    from .analysis.units import count_units
    from .bundled import bundled_sets
    from .compare.agreement import Agreement, intercoder_agreement
    from .compare.diff import EdgeSetDiff, diff_edge_sets
    from .compare.report import format_diff
    from .compare.scoring import ScoreResult, format_score, score
    from .edgeset import DateFilterReport, EdgeSet, load_edge_set, validate_edge_set
    from .errors import ArgumentError, EdgeSetError, GraphkitError, Problem
    from .extract.draft import ExtractResult, extract_edge_set, write_draft
    from .extract.gazetteer import Gazetteer, load_gazetteer
    from .filters import filter_edge_sets, filter_edges
    from .frames import from_frame
    from .interop.dyads import DyadImport, read_dyads
    from .interop.export import export_graph, to_networkx
    from .interop.gdelt import GdeltImport, read_gdelt
    from .interop.panel import panel_table
    from .io.formatting import format_frame
    from .io.progress import Progress
    from .plover import plover_of
    from .record.form import Record
    from .record.reader import read_record
    from .render.diff_page import diff_html
    from .render.graph import render_html, to_pyvis
    from .scales import with_scale
    from .starter import write_starter
    from .verification.verify_alg import VerifyResult, verify


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
