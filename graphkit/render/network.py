"""An edge set as a pyvis ``Network``: the builder behind graphkit's page.

:func:`to_pyvis` puts the page's nodes, edges and vis options into a pyvis
Network, ready for a notebook (``net.show_buttons()``, ``net.toggle_physics()``,
``net.show("page.html")``). ``graphkit render`` writes that same Network's page,
so what a notebook user tweaks and what the command line writes agree.

The page comes from graphkit's own template (:func:`graphkit.render.page.render_page`),
never pyvis's: pyvis's template loads Bootstrap from a CDN, inserts the heading raw
and shows any tooltip holding ``href`` as HTML (see ``docs/security.md``), and user
text must never be parsed as HTML.
"""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from pyvis.edge import Edge
from pyvis.network import Network

from .page import _merge, physics_options, render_page

__all__ = ["GraphkitNetwork", "network_from_elements"]


def _namespace(value: Any) -> Any:
    # pyvis's option helpers (toggle_physics, ...) set attributes: nested dicts
    # become namespaces, which pyvis's to_json turns back into objects
    if isinstance(value, dict):
        return SimpleNamespace(**{key: _namespace(item) for key, item in value.items()})
    return value


class GraphkitNetwork(Network):
    """A pyvis Network whose page is graphkit's safe, offline one.

    ``page`` holds the parts of the page that are not the graph: ``title``,
    ``subtitle``, ``notes``, ``legend``, ``focus`` and ``filters`` (see
    :func:`~graphkit.render.page.render_page`).
    """

    page: dict[str, Any]

    def vis_options(self) -> dict[str, Any]:
        """The vis-network options as plain data."""
        options = self.options
        return dict(options) if isinstance(options, dict) else json.loads(options.to_json())

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        """The page as HTML text (pyvis's ``write_html`` and ``show`` call this)."""
        return render_page(nodes=self.nodes, edges=self.edges, options=self.vis_options(), **self.page)


def network_from_elements(elements: dict[str, Any]) -> GraphkitNetwork:
    """A :class:`GraphkitNetwork` from the keyword arguments of ``render_page``
    (``nodes``, ``edges``, ``title``, ...), built with pyvis's ``add_node`` and
    ``add_edge``; every node and edge keeps its keys."""
    nodes, edges = elements["nodes"], elements["edges"]
    net = GraphkitNetwork(directed=True, cdn_resources="in_line", height="100%", width="100%")
    options = physics_options(len(nodes), len(edges))
    # the elements' own options (e.g. physics off where Python placed the nodes) win
    options = _merge(options, elements.get("options") or {})
    for key, value in options.items():
        setattr(net.options, key, _namespace(value))
    arrows = options["edges"]["arrows"]
    for node in nodes:
        extra = {key: value for key, value in node.items() if key not in ("id", "label")}
        net.add_node(node["id"], label=node.get("label") or str(node["id"]), **extra)
    # on a page with its own options (a large or pair-view page), edges without an arrow
    # style of their own take the page's: vis builds 5,000 edges a third of a second
    # faster without a copy of it on each
    shared = bool(elements.get("options"))
    # what pyvis's add_edge does on a directed network, without its search of the
    # node list for both ends of every edge (a tenth of a second at 5,000 edges)
    known = set(net.node_ids)
    for edge in edges:
        for end in (edge["from"], edge["to"]):
            if end not in known:
                raise AssertionError(f"non existent node '{end}'")
        # pyvis gives a directed edge arrows="to" unless told: keep the page's arrow style
        extra = {key: value for key, value in edge.items() if key not in ("from", "to")}
        net.edges.append(Edge(edge["from"], edge["to"], net.directed, **{"arrows": arrows, **extra}).options)
        if shared and "arrows" not in edge:
            del net.edges[-1]["arrows"]
    net.page = {key: value for key, value in elements.items() if key not in ("nodes", "edges", "options")}
    return net
