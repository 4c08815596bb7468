"""Node positions computed in Python (igraph), so that a large page draws at once.

vis-network's physics needs seconds to settle a thousand actors in the browser;
igraph's Fruchterman-Reingold layout takes a fraction of a second here, and the
page then starts from the positions with physics off. Seeded and rounded, so the
same graph gives the same bytes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "BIG_LABEL",
    "CLUSTER_PULL",
    "FIT_PIXELS",
    "LABELLED",
    "LAYOUT_SEED",
    "PLACED_OPTIONS",
    "PRECOMPUTE_ABOVE",
    "SMALL_LABEL",
    "SPREAD",
    "layout_positions",
    "place_nodes",
    "precompute_layout",
]

LAYOUT_SEED = 7
#: Above this many nodes or edges the page gets positions from Python and no physics
#: (the sizes above which graphkit.render.page.physics_options calls a graph large);
#: smaller graphs (the essay) keep vis's own settled layout.
PRECOMPUTE_ABOVE = (150, 1000)
#: Average distance between neighbouring nodes on the canvas, in vis units.
SPREAD = 90.0


def precompute_layout(node_count: int, edge_count: int) -> bool:
    """Whether a page of this size gets its positions from :func:`layout_positions`."""
    return node_count > PRECOMPUTE_ABOVE[0] or edge_count > PRECOMPUTE_ABOVE[1]


def layout_positions(
    ids: Sequence[str], links: Iterable[tuple[str, str, float]], *, seed: int = LAYOUT_SEED
) -> dict[str, tuple[int, int]]:
    """(x, y) for each id: igraph's Fruchterman-Reingold layout of the undirected
    graph of ``links`` (source, target, strength > 0; parallel links add up),
    scaled so that the drawing covers about ``SPREAD`` units per node, rounded to
    whole units. Unconnected nodes are placed by the layout too (on its rim)."""
    import igraph

    index = {node: i for i, node in enumerate(ids)}
    strength: dict[tuple[int, int], float] = {}
    for source, target, value in links:
        a, b = sorted((index[source], index[target]))
        if a != b:
            strength[(a, b)] = strength.get((a, b), 0.0) + float(value)
    pairs = sorted(strength)
    graph = igraph.Graph(n=len(ids), edges=pairs, directed=False)
    weights = [1.0 + np.log1p(strength[p]) for p in pairs]
    # spread like igraph's own random start (its grid needs room: cells are a few units wide)
    start = np.random.default_rng(seed).uniform(-1, 1, size=(len(ids), 2)) * np.sqrt(len(ids))
    start = start.tolist()
    # igraph draws from Python's random module: seed it for this call and restore it after
    saved = random.getstate()
    random.seed(seed)
    try:
        coords = np.array(
            graph.layout_fruchterman_reingold(
                weights=weights or None, seed=start, niter=500, grid="grid"
            ).coords
        )
    finally:
        random.setstate(saved)
    if len(coords) == 0:
        return {}
    coords -= coords.mean(axis=0)
    extent = float(np.abs(coords).max()) or 1.0
    scale = SPREAD * np.sqrt(len(ids)) / 2 / extent
    # whole units: vis reports positions as integers, and the page is shorter
    coords = np.round(coords * scale).astype(np.int64)
    return {node: (int(x), int(y)) for node, (x, y) in zip(ids, coords)}


#: vis options for a page whose nodes carry positions: no physics, no initial layout.
PLACED_OPTIONS = {"layout": {"improvedLayout": False}, "physics": {"enabled": False}}


def place_nodes(
    nodes: list[dict], edges: list[dict], *, clusters: dict | None = None, seed: int = LAYOUT_SEED
) -> dict:
    """Give each node dict ``x`` and ``y`` from :func:`layout_positions` when the
    page is large (:func:`precompute_layout`), links weighted by the edges' ``width``
    (CLUSTER_PULL times more between nodes of the same ``clusters`` label, so that
    communities or groups sit together); the LABELLED largest nodes get big labels,
    the others small ones. Returns the vis options such a page needs ({} for a
    small page, which is left as it was)."""
    if not precompute_layout(len(nodes), len(edges)):
        return {}
    ids = [node["id"] for node in nodes]
    same = clusters or {}

    def pull(edge: dict) -> float:
        a, b = same.get(edge["from"]), same.get(edge["to"])
        return CLUSTER_PULL if a is not None and a == b else 1.0

    links = ((e["from"], e["to"], e.get("width", 1.0) * pull(e)) for e in edges)
    positions = layout_positions(ids, links, seed=seed)
    for node in nodes:
        node["x"], node["y"] = positions[node["id"]]
    # label sizes in canvas units for the zoom at which the drawing fits the page
    # (about FIT_PIXELS across): big ones BIG_LABEL px on screen, small ones SMALL_LABEL
    fit = FIT_PIXELS / (SPREAD * math.sqrt(len(nodes)))
    big, small = round(BIG_LABEL / fit), max(1, round(SMALL_LABEL / fit))
    ranked = sorted(nodes, key=lambda n: (-float(n.get("size", 0)), str(n["id"])))
    for node in ranked[:LABELLED]:
        node["font"] = {"size": big}
    for node in ranked[LABELLED:]:
        node["font"] = {"size": small}
    return PLACED_OPTIONS


#: On a placed page, labels shown at any zoom: the actors with the largest nodes.
LABELLED = 15
#: On-screen font sizes (px) of the labels when the drawing fits the page: vis skips
#: a label drawn smaller than 5 px, so the small ones appear once the user zooms in
#: about 1.5 times.
SMALL_LABEL = 3.5
BIG_LABEL = 14
FIT_PIXELS = 700
#: How much more a link inside a community (or group) pulls than one across.
CLUSTER_PULL = 8.0
