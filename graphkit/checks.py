"""Argument checks for the public functions: a wrong argument is an ArgumentError naming it."""

from __future__ import annotations

from typing import Any

from .errors import ArgumentError, use_one_of

__all__ = [
    "kind_of",
    "require_instance",
    "require_path",
    "require_callable",
    "require_frame",
    "require_choice",
    "require_optional_str",
    "require_positive_int",
    "require_str_list",
]


def kind_of(value: Any) -> str:
    return "None" if value is None else type(value).__name__


def require_positive_int(value: Any, argument: str, *, optional: bool = True) -> None:
    """``value`` must be a whole number of at least 1 (or None when ``optional``)."""
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentError(argument, f"must be a whole number, not {kind_of(value)} {value!r}")
    if value < 1:
        raise ArgumentError(argument, f"{value!r}: give a positive number (a whole number, at least 1)")


def require_count(value: Any, argument: str) -> None:
    """``value`` must be a whole number of 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentError(argument, f"must be a whole number, not {kind_of(value)} {value!r}")
    if value < 0:
        raise ArgumentError(argument, f"{value!r}: give a count of 0 or more")


def require_seconds(value: Any, argument: str) -> None:
    """``value`` must be a number of seconds above 0 (finite)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ArgumentError(argument, f"must be a number of seconds, not {kind_of(value)} {value!r}")
    if not 0 < value < float("inf"):
        raise ArgumentError(argument, f"{value!r}: give a number of seconds above 0")


def require_optional_str(value: Any, argument: str) -> None:
    """``value`` must be a str or None."""
    if value is not None and not isinstance(value, str):
        raise ArgumentError(argument, f"must be text, not {kind_of(value)} {value!r}")


def require_str_list(value: Any, argument: str, *, optional: bool = True) -> None:
    """``value`` must be a str or an iterable of str (or None when ``optional``)."""
    if value is None and not optional:
        raise ArgumentError(argument, "must be text or a list of text, not None")
    if value is None or isinstance(value, str):
        return
    try:
        items = list(value)
    except TypeError:
        raise ArgumentError(argument, f"must be text or a list of text, not {kind_of(value)}") from None
    for item in items:
        if not isinstance(item, str):
            raise ArgumentError(argument, f"holds {item!r} ({kind_of(item)}): give text")


def require_choice(value: Any, argument: str, choices) -> None:
    """``value`` must be one of ``choices``."""
    if not isinstance(value, str) or value not in choices:
        raise ArgumentError(argument, f"{value!r}: {use_one_of(choices)}")


def require_callable(value: Any, argument: str) -> None:
    """``value`` must be None or callable (a progress reporter)."""
    if value is not None and not callable(value):
        raise ArgumentError(argument, f"must be a function taking a message, not {kind_of(value)}")


def require_frame(value: Any, argument: str, columns=()) -> None:
    """``value`` must be a pandas DataFrame holding ``columns``."""
    import pandas as pd

    if not isinstance(value, pd.DataFrame):
        raise ArgumentError(
            argument, f"must be a pandas DataFrame, not {kind_of(value)}: e.g. edge_set.edges"
        )
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise ArgumentError(argument, f"has no column {missing[0]!r}: give an edge set's edges")


def require_instance(value: Any, argument: str, kind: type, hint: str) -> None:
    """``value`` must be a ``kind``; ``hint`` says how to make one."""
    if not isinstance(value, kind):
        raise ArgumentError(argument, f"must be a {kind.__name__}, not {kind_of(value)}: {hint}")


def require_path(value: Any, argument: str) -> None:
    """``value`` must be a path (str or os.PathLike), not empty."""
    import os

    if not isinstance(value, (str, os.PathLike)) or os.fspath(value) in ("", b""):
        raise ArgumentError(argument, f"must be a path (str or Path), not {kind_of(value)} {value!r}")
    text = os.fspath(value)
    if ("\x00" if isinstance(text, str) else b"\x00") in text:  # open() would raise a bare ValueError
        raise ArgumentError(argument, f"{text!r} holds a NUL character, which no file name can hold")
