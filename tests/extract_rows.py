"""What a draft of a short text holds, as tuples to compare with rows worked out by hand."""

from __future__ import annotations

from graphkit.extract import extract_edge_set


def _rows(text: str, columns: list[str]) -> list[tuple]:
    edges = extract_edge_set(text).edge_set.edges
    return [tuple(r) for r in edges[columns].itertuples(index=False)]


def rows(text: str) -> list[tuple]:
    """The draft's (source, target, cameo) rows, in order."""
    return _rows(text, ["source", "target", "cameo"])


def rows_with_action(text: str) -> list[tuple]:
    """The draft's (source, target, action, cameo) rows, in order."""
    return _rows(text, ["source", "target", "action", "cameo"])
