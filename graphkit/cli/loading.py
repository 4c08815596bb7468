"""Reading a command's input: the edge set (or standard input), with progress and warnings on stderr."""

from __future__ import annotations

import sys
from typing import BinaryIO, cast

import click

from .date_rule import date_rule, show_date_filter
from .errors import show_warnings
from .output import remember_inputs


def progress_reporter():
    """Progress lines on stderr when it is a terminal and --quiet was not given."""
    from ..io.progress import StderrProgress

    context = click.get_current_context(silent=True)
    root = context.find_root() if context else None
    if root is not None and "graphkit.io.progress" in root.meta:
        return root.meta["graphkit.io.progress"]  # one clock for the whole command
    quiet = bool(root and root.params.get("quiet"))
    reporter = StderrProgress(sys.stderr, enabled=False if quiet else None)
    if root is not None:
        root.meta["graphkit.io.progress"] = reporter
    return reporter


def load(spec):
    """Load EDGESET (reading standard input for -), remembering its files as inputs."""
    from ..edgeset import load_edge_set

    stdin = read_stdin(edges=True) if spec == "-" else None
    return announce_loaded(load_edge_set(spec, stdin=stdin, progress=progress_reporter()))


def announce_loaded(edge_set):
    """``edge_set`` once read: its warnings shown, its files remembered as inputs."""
    show_warnings(edge_set)
    if edge_set.path is not None:
        remember_inputs(edge_set.path)
    return edge_set


def read_edge_set(spec, *, domain=(), since=None, until=None, actor=None):
    """Load EDGESET (reading standard input for -) and apply the shared filters."""
    from ..filters import filter_edges

    edge_set = filter_edges(load(spec), domain=domain, since=since, until=until, actor=actor, **date_rule())
    show_date_filter(edge_set)
    return edge_set


def read_stdin(*, edges: bool = False, text: bool = True) -> bytes:
    """Standard input as bytes (click's binary stdin; also under CliRunner), read
    once and bounded (see :func:`graphkit.io.csvfile.read_input`); with ``edges``, a
    header without the required columns stops the reading at once."""
    from ..edgeset import check_edges_header
    from ..io.csvfile import read_input

    # standard input is read once: a second input given as '-' would read it empty
    # (score - gold --source-text -) and measure nothing as if it were something
    meta = click.get_current_context().meta
    if meta.get("graphkit.stdin_read"):
        raise click.UsageError(
            "standard input ('-') is given for two inputs: only one can come from standard input; "
            "save the other to a file"
        )
    meta["graphkit.stdin_read"] = True
    with click.open_file("-", "rb") as stream:
        return read_input(
            cast(BinaryIO, stream), "<stdin>", text=text, first_line=check_edges_header if edges else None
        )


def with_aliases(edge_sets, alias_file):
    """The codings with ``--alias FILE`` applied (each FROM id read as its TO), and a
    warning for every pair of ids the codings probably mean as one actor but no alias joins."""
    from ..aliases import alias_hints, apply_aliases, read_aliases, unused_aliases
    from .errors import warn

    if alias_file:
        remember_inputs(alias_file)
        aliases = read_aliases(alias_file)
        for problem in unused_aliases(edge_sets, alias_file):
            warn(str(problem))
        edge_sets = [apply_aliases(edge_set, aliases) for edge_set in edge_sets]
    for hint in alias_hints(edge_sets):
        warn(hint + " in a file given to --alias")
    return edge_sets
