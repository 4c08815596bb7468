"""The parts of a graph page as tests read them, from the one pyvis Network graphkit builds."""

from __future__ import annotations

from typing import Any

from graphkit.render import to_pyvis


def page_parts(edge_set, **options) -> dict[str, Any]:
    """``gk.to_pyvis(edge_set, **options)``'s nodes, edges, vis options and page parts in one dict."""
    net = to_pyvis(edge_set, **options)
    return {**net.page, "nodes": net.nodes, "edges": net.edges, "options": net.vis_options()}
