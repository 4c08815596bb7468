"""Progress of long work, reported through a callable the caller passes in.

Library functions that take a while accept ``progress=`` (any callable taking a
message; None reports nothing) and never print. The command line passes a
:class:`StderrProgress`, which writes to standard error only when that is a
terminal, so pipes, logs and tests see nothing.

>>> import io
>>> out = io.StringIO()
>>> report = StderrProgress(out, enabled=True, clock=iter([0.0, 1.5]).__next__)
>>> report("reading edges.csv")
>>> out.getvalue()
'graphkit: [1.5s] reading edges.csv\\n'
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Protocol, TextIO

from .text import escape_control

__all__ = ["Progress", "StderrProgress", "quiet"]


class Progress(Protocol):
    """Anything called with one message per stage of the work."""

    def __call__(self, message: str) -> None: ...


def quiet(message: str) -> None:
    """The reporter that reports nothing."""


class StderrProgress:
    """Writes ``graphkit: [elapsed] message`` lines to ``stream`` (standard error).

    ``enabled`` None means: only when ``stream`` is a terminal.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        clock: Callable[[], float] = time.perf_counter,
    ):
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", lambda: False)
        self.enabled = bool(isatty()) if enabled is None else enabled
        self.clock = clock
        self.start = clock()

    def __call__(self, message: str) -> None:
        if not self.enabled:
            return
        self.stream.write(f"graphkit: [{self.clock() - self.start:.1f}s] {escape_control(message)}\n")
        self.stream.flush()
