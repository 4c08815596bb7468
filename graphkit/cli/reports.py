"""Commands that read one edge set and report on it: strain, centrality, validate, sets, taxonomy."""

from __future__ import annotations

import click

from .engine import check_engine, read_dask_pairs
from .errors import echo_error, show_warnings
from .group import main
from .loading import progress_reporter, read_edge_set, read_stdin
from .options import (
    check_unit_engine,
    edgeset_argument,
    engine_options,
    filter_options,
    output_options,
    unit_option,
)
from .output import emit, table_text, write_now


def plural(count: int, noun: str) -> str:
    """``1 edge``, ``2 edges``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


@main.command()
@edgeset_argument
@filter_options
@click.option(
    "--top", type=click.IntRange(min=1), metavar="N", help="Show only the N most strained relationships."
)
@unit_option
@click.option(
    "--intensity",
    is_flag=True,
    help="Add claims (distinct claims of the pair, a count) and mean_hostility "
    "(strain / hostile units, a mean), to tell intensity from volume.",
)
@output_options
@engine_options
def strain(edgeset, domain, since, until, actor, top, unit, intensity, fmt, output, engine, scheduler):
    """Rank relationships (pairs of actors) by strain.

    Strain is the sum of -weight over every hostile action (weight < 0) between
    the two actors, in either direction; with --unit claim or type, over every
    hostile claim or action type instead (docs/units.md).

    Example: graphkit strain --top 5
    """
    from ..analysis.strain_alg import strain as compute
    from ..analysis.strain_alg import strain_from_pairs

    check_engine(engine, scheduler)
    check_unit_engine(unit, engine)
    filters = {"domain": domain, "since": since, "until": until, "actor": actor}
    if engine == "dask":
        if intensity:
            raise click.UsageError("--intensity needs --engine pandas (claims are counted on the rows)")
        pairs = read_dask_pairs(edgeset, scheduler, **filters)
        table = strain_from_pairs(pairs.pairs, pairs.actors, top=top)
    else:
        table = compute(read_edge_set(edgeset, **filters), top=top, unit=unit, intensity=intensity)
    emit(table_text(table, fmt), output)


@main.command()
@edgeset_argument
@filter_options
@unit_option
@output_options
@engine_options
def centrality(edgeset, domain, since, until, actor, unit, fmt, output, engine, scheduler):
    """Measure each actor: strain dealt and received, degree, PageRank,
    betweenness and HITS hub/authority on the hostile layer.

    Example: graphkit centrality --format csv -o output/centrality.csv
    """
    from ..analysis.centrality_alg import centrality as compute

    check_engine(engine, scheduler)
    check_unit_engine(unit, engine)
    filters = {"domain": domain, "since": since, "until": until, "actor": actor}
    if engine == "dask":
        from ..analysis.centrality_alg import centrality_from_pairs

        pairs = read_dask_pairs(edgeset, scheduler, **filters)
        table = centrality_from_pairs(pairs.ordered_pairs(), pairs.actors, progress=progress_reporter())
    else:
        table = compute(read_edge_set(edgeset, **filters), unit=unit, progress=progress_reporter())
    if table.attrs.get("betweenness", "exact") != "exact":
        echo_error(
            f"graphkit: betweenness {table.attrs['betweenness']}: an estimate (exact on smaller graphs)"
        )
    emit(table_text(table, fmt), output)


@main.command()
@click.argument("edgeset", metavar="EDGESET")
def validate(edgeset):
    """Check an edge set; print every problem as FILE:LINE: message.

    Exits 0 when the set is valid, 1 when it is not.

    Example: graphkit validate my-coding/
    """
    from ..edgeset import check_edge_set
    from ..io.text import escape_control

    stdin = read_stdin(edges=True) if edgeset == "-" else None
    edge_set, problems = check_edge_set(edgeset, stdin=stdin)  # one reading: a FIFO is read once
    if problems or edge_set is None:
        emit("".join(escape_control(str(problem)) + "\n" for problem in problems), "-")
        write_now()  # the problems, then their count, as a terminal shows them
        echo_error(f"graphkit: {plural(len(problems), 'problem')} found")
        raise click.exceptions.Exit(1)
    show_warnings(edge_set)
    if edge_set.extra_columns:
        echo_error(
            "graphkit: columns graphkit does not read, carried through to the outputs: "
            + escape_control(", ".join(edge_set.extra_columns))
        )
    counts = f"{plural(len(edge_set.edges), 'edge')}, {plural(len(edge_set.actors), 'actor')}"
    echo_error(escape_control(f"{edge_set.name}: valid ({counts})"))


@main.command()
def sets():
    """List the bundled edge sets, one per line with a description.

    Example: graphkit sets
    """
    from ..bundled import bundled_sets

    found = bundled_sets()
    width = max((len(name) for name in found), default=0)
    emit(
        "".join(f"{name.ljust(width)}  {description}".rstrip() + "\n" for name, description in found.items()),
        "-",
    )


@main.command()
@output_options
def taxonomy(fmt, output):
    """Print graphkit's action types with their domain, CAMEO code and weight.

    Example: graphkit taxonomy --format markdown
    """
    from ..actions import taxonomy as table

    emit(table_text(table(), fmt), output)
