"""Tab-separated event files with a header row (ICEWS, POLECAT): columns found by name."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import GraphkitError, Problem
from ..interop.gdelt import tab_fields

__all__ = ["find_columns", "header_of", "split_rows"]


def header_of(line: str) -> list[str]:
    """The column names of a header line (BOM and surrounding spaces stripped)."""
    return [name.strip() for name in line.removeprefix("\ufeff").split("\t")]


def find_columns(
    header: list[str], wanted: dict[str, tuple[str, ...]], required: tuple[str, ...], name: str, kind: str
) -> dict[str, int]:
    """role -> column position, each role taking the first of its names the header has
    (case and spaces aside); a missing required role is an error at line 1."""
    folded = {" ".join(h.lower().split()): i for i, h in reversed(list(enumerate(header)))}
    found = {}
    for role, names in wanted.items():
        for candidate in names:
            if candidate.lower() in folded:
                found[role] = folded[candidate.lower()]
                break
    missing = [wanted[role][0] for role in required if role not in found]
    if missing:
        raise GraphkitError(
            f"{name}:1: not a {kind} file: the header lacks {', '.join(repr(m) for m in missing)}; "
            f"give the {kind} event file as published (tab-separated, with its header row)"
        )
    return found


def split_rows(
    name: str, first: int, lines: list[str], width: int, columns: dict[str, int]
) -> tuple[pd.DataFrame, list[Problem]]:
    """The ``columns`` (role -> position) of ``lines`` as strings indexed by line number.

    A row normally has the header's ``width`` fields. Published files are not always
    that tidy (some POLECAT weeks have a header with names no row fills, others rows
    with trailing empty fields), so a row is read when it reaches every needed column
    and any fields past the header's are empty; other rows are problems."""
    numbers = np.arange(first, first + len(lines))
    widths = np.fromiter((line.count("\t") + 1 for line in lines), dtype=np.int64, count=len(lines))
    needed = max(columns.values()) + 1
    good = widths >= needed
    for i in np.flatnonzero(widths > width):
        good[i] = not any(field.strip() for field in lines[i].split("\t")[width:])
    problems = [
        Problem(name, int(n), f"expected {width} tab-separated fields (as the header has), found {w}")
        for n, w in zip(numbers[~good], widths[~good])
    ]
    chosen = [lines[i] for i in np.flatnonzero(good)]
    roles = sorted(columns, key=columns.get)  # type: ignore[arg-type]
    positions = [columns[r] for r in roles]
    if not chosen:
        return pd.DataFrame(columns=roles, dtype=object), problems
    if (widths[good] == width).all():
        frame = tab_fields(chosen, width, positions)  # GDELT's reader: rows of one width
    else:  # ragged rows: each split exactly
        fields = [line.split("\t") for line in chosen]
        frame = pd.DataFrame([[row[p] for p in positions] for row in fields], columns=positions, dtype=str)
    frame.columns = roles
    frame.index = numbers[good]
    return frame.apply(lambda c: c.str.strip()), problems
