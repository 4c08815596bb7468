"""Commands that count by period: timeline and summary."""

from __future__ import annotations

import click

from ..schema import FREQS, LAYERS
from .errors import echo_error
from .group import main
from .loading import read_edge_set
from .options import edgeset_argument, filter_options, output_options
from .output import emit, table_text


def _undated_note(count: int, where: str) -> None:
    if count:
        echo_error(
            f"graphkit: {count} undated action{'' if count == 1 else 's'} {where} "
            "(no period holds them; --since/--until drop them unless --undated keep)"
        )


@main.command()
@edgeset_argument
@filter_options
@click.option(
    "--freq",
    type=click.Choice(FREQS),
    default="year",
    show_default=True,
    help="The period: calendar year, quarter, month, or ISO week (Monday to Sunday).",
)
@click.option(
    "--top", type=click.IntRange(min=1), metavar="N", help="Only the N most strained relationships."
)
@click.option("--html", metavar="PATH", help="Also write the timeline as an offline page (SVG heat map).")
@output_options
def timeline(edgeset, domain, since, until, actor, freq, top, html, fmt, output):
    """Strain and cooperation of each relationship per period.

    One row per relationship (pair of actors) and period, from the first dated
    period to the last (zeros where the pair has no action): strain, strain_ab,
    strain_ba, cooperation, hostile and cooperative counts, and net =
    cooperation - strain. A row whose date covers several periods (a year at
    --freq month) adds an equal share to each (1/12 of it to each month), so
    counts may be fractions. Undated actions are reported apart, as period
    'undated' after the pair's periods. See docs/time.md.

    Example: graphkit timeline --freq year --top 5
    """
    from ..analysis.timeline_alg import timeline as compute

    edge_set = read_edge_set(edgeset, domain=domain, since=since, until=until, actor=actor)
    table = compute(edge_set, freq=freq, top=top)
    _undated_note(table.attrs["undated"], "reported apart as period 'undated'")
    emit(table_text(table, fmt), output)
    if html:
        from ..render.timeline_page import timeline_html
        from .output import write_output

        write_output(html, timeline_html(table, edge_set))


@main.command()
@edgeset_argument
@filter_options
@click.option(
    "--by",
    type=click.Choice(FREQS),
    default="year",
    show_default=True,
    help="The period: calendar year, quarter, month, or ISO week.",
)
@click.option(
    "--layer",
    type=click.Choice(LAYERS),
    default="all",
    show_default=True,
    help="Which weights: hostile (strain), cooperative (cooperation) or all (both).",
)
@output_options
def summary(edgeset, domain, since, until, actor, by, layer, fmt, output):
    """Network measures per period, as netify (R) defines them.

    Per period, on one layer: actors, edges (ordered pairs with weight > 0),
    density (edges / n(n-1)), mean_weight (over all n(n-1) ordered pairs),
    mean_tie_weight (over edges), reciprocity (Pearson correlation of w_ij and
    w_ji), transitivity (global clustering of the undirected graph); then a row
    'average' over the periods. See docs/time.md.

    Example: graphkit summary --by year --layer hostile
    """
    from ..analysis.summary_alg import summary as compute

    edge_set = read_edge_set(edgeset, domain=domain, since=since, until=until, actor=actor)
    table = compute(edge_set, by=by, layer=layer)
    _undated_note(table.attrs["undated"], "left out of every period")
    if table.empty:
        from ..errors import GraphkitError

        raise GraphkitError(f"edge set {edge_set.name!r} has no dated action: no period to summarise")
    emit(table_text(table, fmt), output)
