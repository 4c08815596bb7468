"""graphkit balance: structural balance of an edge set's signed graph."""

from __future__ import annotations

import click

from ..schema import BALANCE_METHODS
from .errors import echo_error, warn
from .group import main
from .loading import read_edge_set
from .options import edgeset_argument, filter_options, output_options, scale_option, unit_option
from .output import emit, safe_csv


@main.command()
@edgeset_argument
@filter_options
@unit_option
@scale_option
@click.option(
    "--method",
    type=click.Choice(BALANCE_METHODS),
    default="auto",
    show_default=True,
    help="auto: exact (a mixed-integer program) on components small enough to solve in about a second, "
    "a heuristic upper bound on larger ones (docs/balance.md says where); exact: always; heuristic: never.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="Time bound for the frustration search; a search cut short says so on stderr.",
)
@output_options
def balance(edgeset, domain, since, until, actor, unit, scale, method, time_limit, fmt, output):
    """Structural balance: triangle census, frustration index, camps.

    Each pair of actors whose actions (both directions) sum to a negative
    weight is a hostile tie, to a positive weight a friendly one. Reports the
    triangles by signs and the share balanced (strong: +++ and +--; weak: ---
    too), the least number of ties that contradict any split into two camps
    (friendly inside, hostile across), the camps, and each actor's unbalanced
    triangles. CSV holds the actors; JSON holds everything. A graph without a
    cycle (a star, a forest) or with fewer than 5 actors gets a warning: its
    frustration is 0 by construction (docs/balance.md).

    Example: graphkit balance --format json -o balance.json
    """
    from ..analysis.balance_alg import balance as compute
    from ..analysis.balance_report import format_balance, frustration_words

    edge_set = read_edge_set(edgeset, domain=domain, since=since, until=until, actor=actor)
    result = compute(edge_set, unit=unit, method=method, time_limit=time_limit, scale=scale)
    for message in result.warnings:
        warn(message)
    if not result.exact:
        echo_error(f"graphkit: frustration {frustration_words(result)}")
    if result.stopped_early:
        echo_error("graphkit: the time bound cut the search short: camps may differ between runs")
    emit(format_balance(result, fmt, name=edge_set.name, safe_csv=safe_csv()), output)
