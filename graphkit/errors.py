"""Errors graphkit reports to its users."""

from __future__ import annotations

from dataclasses import dataclass


class GraphkitError(Exception):
    """Bad input or a request graphkit cannot carry out; the message says what to do."""


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file, at one physical line (1 = the header) when known."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


class EdgeSetError(GraphkitError):
    """An edge set that cannot be used; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
