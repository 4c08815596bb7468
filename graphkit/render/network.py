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

import importlib
import importlib.util
import json
import sys
from types import ModuleType, SimpleNamespace
from typing import TYPE_CHECKING, Any

from .page import _merge, physics_options, render_page


def _iframe(*args: Any, **kwargs: Any) -> Any:
    """IPython's ``IFrame``, imported when pyvis's ``show(notebook=True)`` first asks for it."""
    from IPython.display import IFrame

    return IFrame(*args, **kwargs)


class _Deferred(ModuleType):
    """A stand-in for a module that is imported but not used while graphkit builds a page:
    the first attribute asked of it imports the real module (which then stands in
    ``sys.modules`` as usual) and answers from it. The real module's names are then copied
    into the stand-in, so whoever kept it (pyvis's ``nx``, texttable's ``wcwidth``) reads
    them at ordinary speed, and so do dunders (``__path__`` for a submodule's import,
    ``__version__``) asked by another thread while pyvis loads."""

    def __getattr__(self, attribute: str) -> Any:
        if sys.modules.get(self.__name__) is self:  # asked while pyvis is loading: step aside
            del sys.modules[self.__name__]
        real = importlib.import_module(self.__name__)
        self.__dict__.update(real.__dict__)
        return getattr(real, attribute)


def _installed(name: str) -> bool:
    """Whether an ``import name`` would find a module (a finder may also refuse it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


#: Modules that pyvis and igraph import at their top for features a page never uses:
#: networkx for pyvis's ``from_nx`` (0.05 to 0.1 s of every ``graphkit render``, issue 24),
#: jsonpickle for pyvis's ``Network.to_json`` (with PyYAML and importlib.metadata: 0.04 s),
#: wcwidth for the text tables of igraph's ``summary`` (through texttable: 0.03 to 0.05 s).
#: Each gets a :class:`_Deferred` stand-in while pyvis and texttable load, so that
#: ``from_nx`` or a summary still works, importing the real module on first use.
DEFERRED = ("networkx", "jsonpickle", "wcwidth")


def _import_network() -> type:
    """pyvis's ``Network``, imported with the modules it and igraph (through texttable)
    load at their top but a page never uses deferred (:data:`DEFERRED`). pyvis also imports
    IPython at its top for the ``IFrame`` that ``show`` returns in a notebook, a tenth of a
    second of every ``graphkit render`` (issue 24): outside a notebook (no
    ``IPython.display`` loaded yet) pyvis is given :func:`_iframe` in its place, which
    imports IPython on its first call; in a notebook it gets the real one. The stand-ins
    are gone from ``sys.modules`` once pyvis and texttable are loaded; a module already
    imported is used as it is."""
    stand_ins: dict[str, ModuleType] = {}
    if "pyvis.network" not in sys.modules:
        if "IPython.display" not in sys.modules:
            stand_ins["IPython.display"] = ModuleType("IPython.display")
            stand_ins["IPython.display"].IFrame = _iframe  # type: ignore[attr-defined]
        for name in DEFERRED:
            # a module not installed gets no stand-in: its importer's own fallback runs
            if name not in sys.modules and _installed(name):
                stand_ins[name] = _Deferred(name)
    sys.modules.update(stand_ins)
    try:
        from pyvis.network import Network as loaded

        if "wcwidth" in stand_ins:
            try:  # igraph's import of it, with wcwidth deferred
                import texttable  # noqa: F401
            except ImportError:
                pass
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
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
