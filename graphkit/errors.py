"""Errors graphkit reports to its users."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


class GraphkitError(Exception):
    """Bad input or a request graphkit cannot carry out; the message says what to do."""


class ArgumentError(GraphkitError, ValueError):
    """A function argument whose value graphkit cannot use; ``argument`` names it.

    The message speaks in the parameter's name (``since '2024-13': use ...``); the
    command line shows the same detail after its own flag (``--since``). ``also`` names
    other parameters the detail itself speaks of (``is after until '2023'``), spelt as
    flags there too on the command line (``--until``), outside quoted values.
    """

    def __init__(
        self,
        argument: str,
        detail: str,
        others: tuple[tuple[str, str], ...] = (),
        value: str = "",
        also: tuple[str, ...] = (),
    ):
        self.argument, self.rest, self.others, self.value = argument, detail, others, value
        self.also = tuple(also)
        self.detail = self.describe(lambda name: name)
        super().__init__(f"{argument}{'' if self.detail.startswith(':') else ' '}{self.detail}")

    def describe(self, name: Callable[[str], str]) -> str:
        """The detail, after the argument's ``value`` and ``others`` (other parameters,
        with their values, that the problem involves: ``with until '2021'``), each
        spelt by ``name``, as the CLI spells them as flags (``with --until '2021'``)."""
        together = ", ".join(f"{name(other)} {text}" for other, text in self.others)
        head = " ".join(part for part in (self.value, "with " + together if together else "") if part)
        rest = _spelt(self.rest, self.also, name) if self.also else self.rest
        return f"{head} {rest}" if head else rest


def _spelt(detail: str, names: tuple[str, ...], name: Callable[[str], str]) -> str:
    """``detail`` with each of the parameter ``names`` spelt by ``name``, outside quoted values."""
    word = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    parts = re.split(r"('[^']*')", detail)
    return "".join(p if i % 2 else word.sub(lambda m: name(m.group()), p) for i, p in enumerate(parts))


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


def use_one_of(choices) -> str:
    """The end of every message about a value outside a fixed list: ``use one of a, b, c``.

    >>> use_one_of(("table", "csv"))
    'use one of table, csv'
    """
    return "use one of " + ", ".join(map(str, choices))
