"""`graphkit diff`: compare two edge sets."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..io.text import escape_control
from .errors import echo_error
from .group import main
from .loading import announce_loaded, load, progress_reporter, with_aliases
from .options import alias_option, filter_options, output_options, unit_option
from .output import emit, safe_csv, write_output

if TYPE_CHECKING:
    from ..edgeset import EdgeSet


@main.command()
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@filter_options
@click.option(
    "--top-k",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    metavar="K",
    help="How many of each set's most strained pairs the top-k correlations use.",
)
@click.option(
    "--no-centrality",
    is_flag=True,
    help="Skip the centrality changes (on a million edges they take most of the time).",
)
@unit_option
@alias_option
@output_options
@click.option("--html", metavar="PATH", help="Also write a page of the union graph with the changes marked.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the sets differ (as git diff --exit-code).")
def diff(
    a, b, domain, since, until, actor, top_k, no_centrality, unit, alias_file, fmt, output, html, exit_code
):
    """Compare edge set A (old) with edge set B (new).

    Shows edges added, removed and changed (identity: id when both sets have
    ids and share one; else, when both quote one source text, rows whose quotes
    overlap by half the shorter, as a hand coding and its draft; else source,
    target, action and date: the report says which), actors added and removed,
    centrality and strain changes, and similarity measures; when both sets quote
    one source text, the agreement between the two codings. Filters apply to
    both sets; --unit to the strain and centrality parts; --alias FILE reads one
    actor's two ids (from,to) as one in both. Exit status: 0, or with --exit-code 1 when the sets differ;
    2 on bad input.

    Example: graphkit diff essay essay-recoded --format markdown
    """
    from ..compare.agreement import same_files
    from ..compare.diff import diff_edge_sets
    from ..compare.report import format_diff
    from ..errors import GraphkitError
    from ..filters import filter_edge_sets
    from .date_rule import date_rule, show_date_filter

    if a == "-" and b == "-":
        raise GraphkitError("A and B are both '-': only one edge set can come from standard input")
    first, second = with_aliases(_load_both(a, b), alias_file)
    if same_files(first, second):
        echo_error(
            f"graphkit: warning: A and B are the same edge set ({escape_control(first.name)!r}): "
            "nothing can differ; give two edge sets"
        )
    old, new = filter_edge_sets(
        first, second, domain=domain, since=since, until=until, actor=actor, **date_rule()
    )
    for edge_set in (old, new):
        show_date_filter(edge_set, repr(edge_set.name))
    result = diff_edge_sets(old, new, top=top_k, with_centrality=not no_centrality, unit=unit)
    report = format_diff(result, fmt, safe_csv=safe_csv())
    emit(report, output)
    if html:
        from ..render.diff_page import diff_html

        if output != "-" and Path(output).resolve() == Path(html).resolve():
            raise GraphkitError(f"-o and --html are both {html}: give the page its own path")
        write_output(html, diff_html(result, old, new))  # written with the report, or neither is
    if exit_code and result.differs:
        raise click.exceptions.Exit(1)


def _load_both(a: str, b: str) -> list[EdgeSet]:
    """Edge sets A and B, as :func:`~graphkit.cli.loading.load` loads them one after the
    other: A's warnings, then B's; A's problems stop the command before B's are told.
    Files are read at the same time, A in a second thread: pyarrow and pandas let go of
    the interpreter for most of a read, so on two cores two million-row sets are read in
    little more than the time of one. Standard input is read alone, as before."""
    if "-" in (a, b):
        return [load(a), load(b)]
    from ..edgeset import load_edge_set

    progress = progress_reporter()
    first: list[EdgeSet] = []
    errors: list[BaseException] = []

    def read_a() -> None:
        try:
            first.append(load_edge_set(a, progress=progress))
        except BaseException as err:  # noqa: BLE001 - raised again in the main thread, in A's turn
            errors.append(err)

    # a daemon: an interrupt during the reads ends the command without waiting for A's
    thread = threading.Thread(target=read_a, name="graphkit-read-a", daemon=True)
    thread.start()
    second: EdgeSet | None = None
    failure: Exception | None = None
    try:
        second = load_edge_set(b, progress=progress)
    except Exception as err:  # noqa: BLE001 - raised again after A's problems and warnings
        failure = err
    thread.join()
    if errors:
        raise errors[0]
    announce_loaded(first[0])
    if failure is not None or second is None:
        raise failure or RuntimeError("B was not read")
    return [first[0], announce_loaded(second)]
