"""Interactive HTML pages of graphs (vis-network, inlined; no network access).

``to_pyvis`` turns an edge set into a pyvis Network (the page's one model) and
``render_html`` writes its page; ``diff_page.diff_html`` draws a diff;
``page.render_page`` is the generic, safe page builder under both.
"""

from .graph import render_html, to_pyvis
from .page import render_page

__all__ = ["render_html", "render_page", "to_pyvis"]
