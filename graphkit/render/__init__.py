"""Interactive HTML pages of graphs (vis-network, inlined; no network access).

``render_html`` turns an edge set into a page; ``page.render_page`` is the
generic builder it (and ``graphkit diff --html``) calls with vis node and edge dicts.
"""

from .graph import graph_elements, render_html
from .page import render_page

__all__ = ["render_html", "graph_elements", "render_page"]
