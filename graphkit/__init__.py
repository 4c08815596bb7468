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
    "load_edge_set": "graphkit.edgeset",
    "validate_edge_set": "graphkit.edgeset",
    "bundled_sets": "graphkit.bundled",
    "write_starter": "graphkit.starter",
    "filter_edges": "graphkit.filters",
    "filter_edge_sets": "graphkit.filters",
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
    "balance": "graphkit.analysis.balance_alg",
    "signed_ties": "graphkit.analysis.balance_alg",
    "Balance": "graphkit.analysis.balance_alg",
    "strain_communities": "graphkit.analysis.communities",
    # comparing
    "diff_edge_sets": "graphkit.diff.compare",
    "EdgeSetDiff": "graphkit.diff.compare",
    "format_diff": "graphkit.diff.report",
    "intercoder_agreement": "graphkit.diff.agreement",
    "Agreement": "graphkit.diff.agreement",
    "score": "graphkit.diff.scoring",
    "format_score": "graphkit.diff.scoring",
    # drafting from a text
    "extract_edge_set": "graphkit.extract.draft",
    "write_draft": "graphkit.extract.draft",
    "load_gazetteer": "graphkit.extract.gazetteer",
    # drawing
    "render_html": "graphkit.render.graph",
    "to_pyvis": "graphkit.render.graph",
    "diff_html": "graphkit.render.diff_page",
    # other tools' formats
    "export_graph": "graphkit.interop.export",
    "read_gdelt": "graphkit.interop.gdelt",
    # tables as text
    "format_frame": "graphkit.formatting",
    # errors and progress
    "GraphkitError": "graphkit.errors",
    "EdgeSetError": "graphkit.errors",
    "ArgumentError": "graphkit.errors",
    "Problem": "graphkit.errors",
    "Progress": "graphkit.progress",
}

__all__ = [
    "__version__",
    "EdgeSet",
    "load_edge_set",
    "validate_edge_set",
    "bundled_sets",
    "write_starter",
    "filter_edges",
    "filter_edge_sets",
    "taxonomy",
    "cameo_table",
    "cameo_codes",
    "ordered_pairs",
    "strain",
    "centrality",
    "count_units",
    "robustness",
    "robustness_records",
    "balance",
    "signed_ties",
    "Balance",
    "strain_communities",
    "diff_edge_sets",
    "EdgeSetDiff",
    "format_diff",
    "intercoder_agreement",
    "Agreement",
    "score",
    "format_score",
    "extract_edge_set",
    "write_draft",
    "load_gazetteer",
    "render_html",
    "to_pyvis",
    "diff_html",
    "export_graph",
    "read_gdelt",
    "format_frame",
    "GraphkitError",
    "EdgeSetError",
    "ArgumentError",
    "Problem",
    "Progress",
]

if TYPE_CHECKING:  # what type checkers and IDEs see
    from .actions import cameo_codes, cameo_table, taxonomy
    from .analysis.balance_alg import Balance, balance, signed_ties
    from .analysis.centrality_alg import centrality
    from .analysis.communities import strain_communities
    from .analysis.pairs import ordered_pairs
    from .analysis.robustness_alg import robustness, robustness_records
    from .analysis.strain_alg import strain
    from .analysis.units import count_units
    from .bundled import bundled_sets
    from .diff.agreement import Agreement, intercoder_agreement
    from .diff.compare import EdgeSetDiff, diff_edge_sets
    from .diff.report import format_diff
    from .diff.scoring import format_score, score
    from .edgeset import EdgeSet, load_edge_set, validate_edge_set
    from .errors import ArgumentError, EdgeSetError, GraphkitError, Problem
    from .extract.draft import extract_edge_set, write_draft
    from .extract.gazetteer import load_gazetteer
    from .filters import filter_edge_sets, filter_edges
    from .formatting import format_frame
    from .interop.export import export_graph
    from .interop.gdelt import read_gdelt
    from .progress import Progress
    from .render.diff_page import diff_html
    from .render.graph import render_html, to_pyvis
    from .starter import write_starter


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
