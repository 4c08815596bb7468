"""The pyvis ``Network`` that is graphkit's page: the one model ``to_pyvis`` returns and
``graphkit render`` writes.

:func:`graphkit.render.graph.to_pyvis` creates a :class:`GraphkitNetwork`, adds each actor
with pyvis's ``add_node`` and each action (or relationship) with ``add_edge``, and sets
the page's vis options on the Network's ``options``; the page's other parts (title,
legend, ranked list, filters) are its ``page``. In a notebook the same object takes
``net.show_buttons()``, ``net.toggle_physics()`` and ``net.show("page.html")``; on the
command line ``render`` writes its :meth:`~GraphkitNetwork.generate_html`.

The page comes from graphkit's own template (:func:`graphkit.render.page.render_page`),
never pyvis's: pyvis's template loads Bootstrap from a CDN, inserts the heading raw
and shows any tooltip holding ``href`` as HTML (see ``docs/security.md``), and user
text must never be parsed as HTML.
"""

from __future__ import annotations

import json
import sys
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING, Any

from .page import _merge, physics_options, render_page


def _iframe(*args: Any, **kwargs: Any) -> Any:
    """IPython's ``IFrame``, imported when pyvis's ``show(notebook=True)`` first asks for it."""
    from IPython.display import IFrame

    return IFrame(*args, **kwargs)


def _import_network() -> type:
    """pyvis's ``Network``. pyvis imports IPython at its top for the ``IFrame`` that
    ``show`` returns in a notebook, a tenth of a second of every ``graphkit render``
    (issue 24): outside a notebook (no ``IPython.display`` loaded yet) pyvis is given
    :func:`_iframe` in its place, which imports IPython on its first call; in a notebook
    it gets the real one. The stand-in module is gone once pyvis is loaded."""
    if "IPython.display" in sys.modules or "pyvis.network" in sys.modules:
        from pyvis.network import Network as loaded
    else:
        stand_in = ModuleType("IPython.display")
        stand_in.IFrame = _iframe  # type: ignore[attr-defined]
        sys.modules["IPython.display"] = stand_in
        try:
            from pyvis.network import Network as loaded
        finally:
            if sys.modules.get("IPython.display") is stand_in:
                del sys.modules["IPython.display"]
    return loaded


if TYPE_CHECKING:
    from pyvis.network import Network
else:
    Network = _import_network()

__all__ = ["GraphkitNetwork"]


def _namespace(value: Any) -> Any:
    # pyvis's option helpers (toggle_physics, ...) set attributes: nested dicts
    # become namespaces, which pyvis's to_json turns back into objects
    if isinstance(value, dict):
        return SimpleNamespace(**{key: _namespace(item) for key, item in value.items()})
    return value


class _NodeIds(list):
    """pyvis's list of node ids with a set beside it: ``add_edge`` asks whether both
    ends are known (``in`` on a list: a tenth of a second at 5,000 edges)."""

    def __init__(self) -> None:
        super().__init__()
        self._known: set = set()

    def append(self, item: Any) -> None:
        super().append(item)
        self._known.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._known


class GraphkitNetwork(Network):
    """A directed pyvis Network whose page is graphkit's safe, offline one.

    ``page`` holds the parts of the page that are not the graph: ``title``,
    ``subtitle``, ``banner``, ``notes``, ``legend``, ``focus``, ``filters`` and
    ``live`` (see :func:`~graphkit.render.page.render_page`).
    """

    page: dict[str, Any]

    def __init__(self, node_count: int = 0, edge_count: int = 0) -> None:
        super().__init__(directed=True, cdn_resources="in_line", height="100%", width="100%")
        self.node_ids = _NodeIds()
        self.page = {"title": ""}
        # the physics that settles a graph of this size (render/page.py), in place of pyvis's
        for key, value in physics_options(node_count, edge_count).items():
            setattr(self.options, key, _namespace(value))

    def add_edge(self, source: Any, to: Any, **options: Any) -> None:
        """pyvis's ``add_edge``. pyvis gives every edge of a directed network its own
        ``arrows="to"``; here an edge without an arrow style of its own takes the page's
        (``options.edges.arrows``), so that a notebook's arrow settings reach every edge
        (and vis builds 5,000 edges a third of a second faster without a copy on each)."""
        super().add_edge(source, to, **options)
        if "arrows" not in options:
            del self.edges[-1]["arrows"]

    def set_page_options(self, options: dict[str, Any]) -> None:
        """Merge vis-network ``options`` (nested dicts) over the Network's own."""
        current = self.vis_options()
        for key, value in options.items():
            merged = _merge(current[key], value) if isinstance(current.get(key), dict) else value
            setattr(self.options, key, _namespace(merged))

    def vis_options(self) -> dict[str, Any]:
        """The vis-network options as plain data."""
        options = self.options
        return dict(options) if isinstance(options, dict) else json.loads(options.to_json())

    def generate_html(self, name: str = "index.html", local: bool = True, notebook: bool = False) -> str:
        """The page as HTML text (pyvis's ``write_html`` and ``show`` call this)."""
        return render_page(nodes=self.nodes, edges=self.edges, options=self.vis_options(), **self.page)
