"""graphkit: map alleged actions between actors as a graph, and measure it.

The functions live in small modules named for what they hold (``graphkit.analysis.strain_alg``,
``graphkit.analysis.centrality_alg``, ...); the loader is re-exported here, lazily, so that
``graphkit --help`` does not pay for pandas and networkx.

>>> from graphkit import load_edge_set
>>> from graphkit.analysis.strain_alg import strain
>>> es = load_edge_set()          # the bundled essay
>>> strain(es).iloc[0][["actor_a", "actor_b"]].tolist()
['KOR', 'USA']
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_LAZY = {
    "EdgeSet": "graphkit.edgeset",
    "load_edge_set": "graphkit.edgeset",
    "validate_edge_set": "graphkit.edgeset",
    "bundled_sets": "graphkit.bundled",
    "filter_edges": "graphkit.filters",
    "GraphkitError": "graphkit.errors",
    "EdgeSetError": "graphkit.errors",
    "Problem": "graphkit.errors",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'graphkit' has no attribute {name!r}")
