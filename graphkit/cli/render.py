"""graphkit render: the interactive HTML page of an edge set."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from ..io.text import escape_control
from ..schema import CENTRALITY_MEASURES, COLOR_MODES, VIEWS
from .errors import echo_error
from .group import main
from .loading import progress_reporter, read_edge_set
from .options import edgeset_argument, filter_options, output_option, unit_option
from .output import emit, remember_inputs, write_output

OUTPUT_FOLDER = "output"


@main.command()
@edgeset_argument
@filter_options
@click.option(
    "--size-by",
    type=click.Choice(CENTRALITY_MEASURES),
    default="hostile_in",
    show_default=True,
    help="Centrality column that sizes the actors (hostile_in: strain received).",
)
@click.option(
    "--color-by",
    type=click.Choice(COLOR_MODES),
    default="sign",
    show_default=True,
    help="Colour the arrows by sign (red hostile, green cooperative) or by domain; camp: colour "
    "the actors by their camp of structural balance (see graphkit balance), frustrated ties purple.",
)
@click.option(
    "--top", type=click.IntRange(min=1), metavar="N", help="Keep only the N most strained relationships."
)
@click.option(
    "--view",
    type=click.Choice(VIEWS),
    default="auto",
    show_default=True,
    help="actions: one arrow per action; pairs: one line per relationship (width strain, colour "
    "hostile/cooperative balance); auto: pairs above 1,500 actions.",
)
@unit_option
@output_option(
    default=None,
    help="Write the page to PATH (atomically); - for standard output. [default: output/<set>.html]",
)
@click.option(
    "--verify",
    "records",
    multiple=True,
    metavar="RECORD",
    help="Colour each arrow by what this event data says of its claim (repeatable; as in "
    "graphkit verify: GDELT, ICEWS, POLECAT files or an edge set).",
)
@click.option(
    "--verify-period",
    metavar="PERIOD",
    help="With --verify: the window of undated claims (as graphkit verify's --period).",
)
def render(
    edgeset, domain, since, until, actor, size_by, color_by, top, unit, view, output, records, verify_period
):
    """Draw the edge set as one self-contained interactive HTML page.

    Actors are circles sized by --size-by and coloured by group; each alleged
    action is an arrow (red hostile, green dashed cooperative, width |weight|)
    whose tooltip shows its quote. The page has a legend, filters and the most
    strained relationships; it needs no network. Prints the path written.

    With --verify RECORD each arrow takes the colour of its claim's support in
    the record (graphkit verify, docs/verify.md), and its tooltip the best event.

    Example: graphkit render --top 10 -o essay-top10.html
    """
    from ..render import render_html

    with _collector_frozen():
        edge_set = read_edge_set(edgeset, domain=domain, since=since, until=until, actor=actor)
        if verify_period and not records:
            raise click.UsageError("--verify-period needs --verify RECORD")
        if records:
            edge_set = _with_support(edge_set, records, verify_period)
        html = render_html(edge_set, size_by=size_by, color_by=color_by, top=top, unit=unit, view=view)
        if output == "-":
            emit(html, output)
            return
        path = Path(OUTPUT_FOLDER) / f"{edge_set.name}.html" if output is None else Path(output)
        # the path written goes to stdout (scripts open it), once it is written; a control
        # character in a folder or set name is shown as \xHH, never sent to the terminal
        write_output(
            path, html, make_parents=output is None, announce=lambda shown: click.echo(escape_control(shown))
        )


@contextmanager
def _collector_frozen() -> Iterator[None]:
    """The modules imported so far live until the process ends: the collector need not scan
    them again in each full collection while the page is built (issue 24: 0.03 to 0.08 s).
    Thawed at the end, so a program running this command in its own process keeps no
    garbage frozen."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _with_support(edge_set, records, period):
    """``edge_set`` with each claim's support in the record (columns the page reads)."""
    from dataclasses import replace

    from ..verification.verify_alg import verify

    if "-" in records:
        raise click.BadParameter("read from files: give the event files' paths", param_hint="--verify")
    remember_inputs(*records)
    result = verify(edge_set, list(records), period=period, progress=progress_reporter())
    counts = ", ".join(f"{n} {tier}" for tier, n in result.counts().items() if n)
    echo_error(f"graphkit: --verify: {counts} (a match is a coded news report, not proof: docs/verify.md)")
    columns = result.edge_columns()
    edges = edge_set.edges.assign(**{name: columns[name].to_numpy() for name in columns.columns})
    return replace(edge_set, edges=edges)
