"""One self-contained interactive graph page, from vis-network node and edge dicts.

Generic: it knows nothing of edge sets. ``graphkit render`` (graph.py) and
``graphkit diff --html`` build their nodes, edges, legend and focus list and
call :func:`render_page`.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

__all__ = [
    "MAX_PAGE_EDGES",
    "PAGE_SCRIPTS",
    "VIS_VERSION",
    "page_css",
    "page_size_problem",
    "physics_options",
    "render_page",
]

VIS_VERSION = "9.1.2"
#: The most arrows one page draws, for ``render`` and ``diff --html`` alike: beyond
#: this a page takes minutes to lay out (300,000 actions made a 233 MB page) and
#: cannot be read. The one rule for every page; larger sets are narrowed first.
MAX_PAGE_EDGES = 5000


def page_size_problem(edges: int, what: str, *, top: bool = True, pairs: bool = False) -> str | None:
    """Why a page of ``edges`` arrows is not drawn (None when it is): ``what`` says
    what holds them ("the edge set 'x'"); ``top``: whether the page can keep only
    the most strained relationships; ``pairs``: whether the arrows are already one
    per relationship (render's pair view)."""
    if edges <= MAX_PAGE_EDGES:
        return None
    drawn = "relationships" if pairs else "actions"
    ways = ["the domain, actor, since or until filters"]
    if top:
        ways.append("the most strained relationships only (top)")
    if not pairs:
        ways.append("one line per relationship (the pair view)" if top else "")
    ways = [w for w in ways if w]
    return (
        f"{what} holds {edges:,} {drawn}, more than a page can draw ({MAX_PAGE_EDGES:,}): "
        f"draw fewer with {', '.join(ways[:-1]) + ' or ' + ways[-1] if len(ways) > 1 else ways[0]}"
    )


LAYOUT_SEED = 7
_HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def _environment() -> Environment:
    # autoescape: anything put in a plain {{ }} slot is HTML-escaped; user data
    # reaches the page only through |tojson (which also escapes < > & ').
    return Environment(loader=FileSystemLoader(str(_HERE)), autoescape=True, keep_trailing_newline=True)


#: The page's own scripts, beside the template, inlined in this order: they read the
#: page's data from the global ``PAGE``; state.js, last, starts the page.
PAGE_SCRIPTS = ("measures.js", "dates.js", "page.js", "views.js", "labels.js", "state.js")


def _inline(name: str, closing: str) -> str:
    text = (resources.files("graphkit.render") / name).read_text(encoding="utf-8")
    if closing in text.lower():
        raise RuntimeError(f"graphkit/render/{name} cannot be inlined: it contains {closing}")
    return text


@lru_cache(maxsize=1)
def _page_script() -> Markup:
    """The page's own JavaScript (:data:`PAGE_SCRIPTS`), inlined when the page is built."""
    return Markup("\n".join(_inline(name, "</script") for name in PAGE_SCRIPTS))


@cache
def page_css(name: str = "shell.css") -> Markup:
    """A stylesheet beside the template, to inline: ``shell.css`` is the shell every
    graphkit page shares (header, banners, main column, side panel, reflow below 800 px),
    ``graph.css`` the graph page's own."""
    return Markup(_inline(name, "</style"))


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[Markup, Markup]:
    """vis-network's script and stylesheet, as shipped inside pyvis for its
    ``in_line`` mode, to inline in the page (no CDN, no lib/ folder)."""
    folder = resources.files("pyvis") / "templates" / "lib" / f"vis-{VIS_VERSION}"
    script = folder.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    style = folder.joinpath("vis-network.css").read_text(encoding="utf-8")
    # both are inlined raw: they must not be able to close their own element
    if "</script" in script.lower() or "</style" in style.lower():
        raise RuntimeError("pyvis's vis-network files cannot be inlined: they contain a closing tag")
    return Markup(script), Markup(style)


def physics_options(node_count: int, edge_count: int) -> dict[str, Any]:
    """vis-network options that settle within a bounded number of iterations.

    Small graphs get long springs (room for the labels) and vis's improved
    initial layout; large ones skip it, hide edges while dragging, and use fewer
    iterations (measured before graphkit's renderer was built: 1,000 nodes and 5,000
    edges draw in about 5 s this way, 134 s with pyvis's defaults).
    """
    large = node_count > 150 or edge_count > 1000
    return {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": not large},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -8000 if large else -9000,
                "centralGravity": 0.3 if large else 0.25,
                "springLength": 95 if large else 190,
                "springConstant": 0.04,
                "damping": 0.4 if large else 0.3,
                "avoidOverlap": 0 if large else 0.4,
            },
            "stabilization": {
                "enabled": True,
                "iterations": 200 if large else 400,
                "updateInterval": 50,
                "fit": True,
            },
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": large,
            "navigationButtons": False,
            # arrow keys move the drawing and + / - zoom while it has the keyboard focus
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "font": {
                "size": 16,
                "face": "Helvetica, Arial, sans-serif",
                "strokeWidth": 4,
                "strokeColor": "#fff",
            },
            "widthConstraint": {"maximum": 170},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
            "smooth": {"enabled": True, "type": "continuous", "roundness": 0.2},
        },
    }


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``base`` updated by ``extra``, nested dicts merged key by key."""
    merged = copy.deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def _filters(filters: list[dict], nodes: list[dict], edges: list[dict]) -> list[dict]:
    """Each filter spec completed with what its control offers (values, range)."""
    out = []
    for spec in filters:
        spec = dict(spec)
        kind = spec["type"]
        if kind == "select":
            spec["values"] = sorted({str(e[spec["field"]]) for e in edges if e.get(spec["field"], "") != ""})
        elif kind == "min":
            values = [float(e.get(spec["field"], 0) or 0) for e in edges]
            top = max(values, default=0.0)
            # the slider's last stop is the largest step at or below the largest value,
            # so that it still shows the most strained relationship (never an empty graph)
            step = spec.setdefault("step", 0.5 if top >= 5 else 0.1 if top >= 0.5 else 0.01)
            spec["max"] = round(math.floor(top / step + 1e-9) * step, 6) if top > 0 else 0
        elif kind == "actor":
            choices = [[n["id"], str(n.get("label", n["id"]))] for n in nodes]
            spec["values"] = sorted(choices, key=lambda x: (x[1], str(x[0])))
        elif kind != "dates":  # dates: complete as graphkit.render.time_control makes it
            raise ValueError(f"unknown filter type {kind!r}: use select, min, actor or dates")
        out.append(spec)
    return out


def render_page(
    *,
    title: str,
    nodes: list[dict[str, Any]],
    edges: list[dict[str, Any]],
    legend: Sequence[dict[str, Any]] = (),
    subtitle: str = "",
    banner: str = "",
    draft: str = "",
    noun: tuple[str, str] = ("edges", "Edge"),
    notes: Sequence[str] = (),
    focus: dict[str, Any] | None = None,
    filters: Sequence[dict[str, Any]] = (),
    options: dict[str, Any] | None = None,
    live: dict[str, Any] | None = None,
) -> str:
    """The HTML text of one self-contained page showing a vis-network graph.

    The page inlines vis-network (no request leaves it), draws the graph with a
    seeded layout, stops the physics once stabilized, and defines the globals
    ``network`` (vis.Network), ``nodes`` and ``edges`` (vis.DataSet, all items)
    and ``window.__ready`` (true after the first draw). vis keys its items in
    plain objects, so ids such as ``constructor`` or ``__proto__`` would break
    it: in the page a node's id is ``"n:" + id`` and an edge's ``"e:" + id``
    (the page's functions ``visNodeId`` and ``visEdgeId``), ``from`` and ``to``
    likewise, and each item keeps the id given here as ``key``. Every string given here
    reaches the page as JSON data and is shown with ``textContent`` or as a
    vis plain-text tooltip, never parsed as HTML. Same arguments, same bytes.

    Parameters
    ----------
    title
        The page's heading and window title.
    nodes
        vis-network node dicts, in the order given: ``id`` (str or int, unique),
        ``label`` (shown under the node), ``title`` (plain-text tooltip, ``\\n``
        breaks lines), ``color`` (CSS colour), ``size`` (pixels). Any other key
        (avoid ``group``, vis reads it, and ``key``, the page sets it) is kept as data.
    edges
        vis-network edge dicts: ``id`` (unique), ``from``, ``to``, ``title``
        (plain-text tooltip), ``color`` (CSS colour or vis colour dict),
        ``width``, ``dashes`` (bool), ``smooth`` (vis smooth dict, e.g.
        ``{"enabled": True, "type": "curvedCW", "roundness": 0.2}`` to tell
        parallel edges apart). Extra keys hold data the filters read.
    legend
        Sections of the legend panel: ``{"title": str, "items": [{"label": str,
        "color": CSS colour, "symbol": "dot" | "line" | "dashed" | "none",
        "width": line width in px (optional)}]}``.
    subtitle, banner, notes
        A line under the title; a line the reader must see, shown under it on a
        tinted band (above the fold); short paragraphs in the side panel.
    draft
        When the edges are a draft nobody has reviewed, what the reader must know:
        shown above the title on a dark band.
    noun
        What an edge is, in the plural and alone ("alleged actions", "Alleged action"):
        the canvas's one-sentence summary and the details panel's heading use it.
    focus
        A clickable list, e.g. the most strained relationships: ``{"title": str,
        "items": [{"label": str, "value": str, "detail": str, "nodes": [ids],
        "edges": [ids]}]}``. Clicking an item zooms to its nodes and selects its
        edges.
    filters
        Controls above the graph, applied together (an edge shows when it passes
        all; a node shows when one of its edges shows). Each is one of
        ``{"type": "select", "field": edge key, "label": str}`` (a menu of the
        key's values), ``{"type": "min", "field": edge key, "label": str}`` (a
        slider: hide edges whose value is lower), ``{"type": "actor", "label":
        str}`` (a menu of nodes: keep the edges touching the chosen node).
    options
        vis-network options merged over :func:`physics_options` for the graph's
        size.
    live
        When given, the page recomputes the focus list (the most strained
        relationships) and the node sizes from the edges the filters leave shown:
        ``{"size_by": a column of graphkit centrality, "size_range": [min px, max px],
        "focus_rows": n}``. Each edge then needs ``strain`` and ``cooperation`` (its
        non-negative parts) and ``domain``. A ``min`` filter with ``"live": key``
        compares the sum of ``key`` over the pair's shown edges (both directions).

    Returns
    -------
    str
        The page, to be written as UTF-8.
    """
    node_list, edge_list = list(nodes), list(edges)
    merged = _merge(physics_options(len(node_list), len(edge_list)), options or {})
    data = {
        "title": str(title),
        "subtitle": str(subtitle),
        "banner": str(banner),
        "draft": str(draft),
        "noun": str(noun[0]),
        "noun_one": str(noun[1]),
        "notes": [str(n) for n in notes],
        "nodes": node_list,
        "edges": edge_list,
        "legend": list(legend),
        "focus": focus or {"title": "", "items": []},
        "filters": _filters(list(filters), node_list, edge_list),
        "options": merged,
        "live": live,
    }
    script, style = _vis_assets()
    template = _environment().get_template("template.html")
    return template.render(
        title=str(title),
        page=data,
        page_js=_page_script(),
        vis_js=script,
        vis_css=style,
        shell_css=page_css("shell.css"),
        graph_css=page_css("graph.css"),
        vis_version=VIS_VERSION,
    )
