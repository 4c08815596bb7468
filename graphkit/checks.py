"""Argument checks for the public functions: a wrong argument is an ArgumentError naming it."""

from __future__ import annotations

from typing import Any

from .errors import ArgumentError

__all__ = [
    "require_edge_sets",
    "require_instance",
    "require_path",
    "require_callable",
    "require_diff",
    "require_frame",
    "require_choice",
    "require_edge_set",
    "require_optional_str",
    "require_positive_int",
    "require_str_list",
]


def _kind(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def require_edge_set(value: Any, argument: str = "edge_set") -> None:
    """``value`` must be an :class:`~graphkit.edgeset.EdgeSet`."""
    from .edgeset import EdgeSet

    if not isinstance(value, EdgeSet):
        raise ArgumentError(
            argument, f"must be an EdgeSet, not {_kind(value)}: load one with graphkit.load_edge_set(...)"
        )


def require_positive_int(value: Any, argument: str, *, optional: bool = True) -> None:
    """``value`` must be a whole number of at least 1 (or None when ``optional``)."""
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentError(argument, f"must be a whole number, not {_kind(value)} {value!r}")
    if value < 1:
        raise ArgumentError(argument, f"{value!r}: give a positive number (a whole number, at least 1)")


def require_optional_str(value: Any, argument: str) -> None:
    """``value`` must be a str or None."""
    if value is not None and not isinstance(value, str):
        raise ArgumentError(argument, f"must be text, not {_kind(value)} {value!r}")


def require_str_list(value: Any, argument: str) -> None:
    """``value`` must be None, a str, or an iterable of str."""
    if value is None or isinstance(value, str):
        return
    try:
        items = list(value)
    except TypeError:
        raise ArgumentError(argument, f"must be text or a list of text, not {_kind(value)}") from None
    for item in items:
        if not isinstance(item, str):
            raise ArgumentError(argument, f"holds {item!r} ({_kind(item)}): give text")


def require_choice(value: Any, argument: str, choices) -> None:
    """``value`` must be one of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise ArgumentError(argument, f"{value!r}: use one of {', '.join(map(str, choices))}")


def require_callable(value: Any, argument: str) -> None:
    """``value`` must be None or callable (a progress reporter)."""
    if value is not None and not callable(value):
        raise ArgumentError(argument, f"must be a function taking a message, not {_kind(value)}")


def require_frame(value: Any, argument: str, columns=()) -> None:
    """``value`` must be a pandas DataFrame holding ``columns``."""
    import pandas as pd

    if not isinstance(value, pd.DataFrame):
        raise ArgumentError(argument, f"must be a pandas DataFrame, not {_kind(value)}: e.g. edge_set.edges")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ArgumentError(argument, f"has no column {missing[0]!r}: give an edge set's edges")


def require_diff(value: Any, argument: str = "diff") -> None:
    """``value`` must be an :class:`~graphkit.diff.compare.EdgeSetDiff`."""
    from .diff.compare import EdgeSetDiff

    if not isinstance(value, EdgeSetDiff):
        raise ArgumentError(
            argument, f"must be an EdgeSetDiff, not {_kind(value)}: make one with diff_edge_sets(a, b)"
        )


def require_edge_sets(value: Any, argument: str) -> None:
    """``value`` must be a mapping of names to EdgeSets, or a sequence of EdgeSets."""
    from collections.abc import Mapping, Sequence

    if isinstance(value, Mapping):
        items = list(value.values())
    elif isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        items = list(value)
    else:
        raise ArgumentError(argument, f"must be a dict or list of EdgeSets, not {_kind(value)}")
    for item in items:
        require_edge_set(item, argument)


def require_instance(value: Any, argument: str, kind: type, hint: str) -> None:
    """``value`` must be a ``kind``; ``hint`` says how to make one."""
    if not isinstance(value, kind):
        raise ArgumentError(argument, f"must be a {kind.__name__}, not {_kind(value)}: {hint}")


def require_path(value: Any, argument: str) -> None:
    """``value`` must be a path (str or os.PathLike), not empty."""
    import os

    if not isinstance(value, (str, os.PathLike)) or os.fspath(value) == "":
        raise ArgumentError(argument, f"must be a path (str or Path), not {_kind(value)} {value!r}")
