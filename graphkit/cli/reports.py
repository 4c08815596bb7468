"""Commands that read one edge set and report on it: strain, centrality, validate, sets, taxonomy."""

from __future__ import annotations

import click

from .engine import check_engine, read_columnar, read_dask_pairs
from .errors import echo_error, show_warnings, warn
from .group import main
from .loading import progress_reporter, read_edge_set, read_stdin
from .options import (
    check_unit_engine,
    edgeset_argument,
    engine_options,
    filter_options,
    output_options,
    scale_option,
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
    "--top",
    type=click.IntRange(min=1),
    metavar="N",
    help="Show only the N most strained relationships (with --resample and --drop-one: the top N "
    "they speak of; default 5).",
)
@unit_option
@scale_option
@click.option(
    "--intensity",
    is_flag=True,
    help="Add claims (the pair's hostile claims, a count) and mean_hostility "
    "(strain / hostile units, a mean), to tell intensity from volume.",
)
@click.option(
    "--resample",
    type=click.IntRange(min=1),
    metavar="N",
    help="Add each pair's rank interval from N bootstrap resamples of the units of evidence: "
    "rank_low, rank_high (90%), p_first, p_top. See docs/units.md.",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    metavar="S",
    help="Seed of --resample (the same seed gives the same output).",
)
@click.option(
    "--drop-one",
    is_flag=True,
    help="Instead of the ranking, list the single units of evidence whose removal changes the top N.",
)
@output_options
@engine_options
def strain(
    edgeset, domain, since, until, actor, top, unit, scale, intensity, resample, seed, drop_one, fmt, output,
    engine, scheduler,
):  # fmt: skip
    """Rank relationships (pairs of actors) by strain.

    Strain is the sum of -weight over every hostile action (weight < 0) between
    the two actors, in either direction; with --unit claim or type, over every
    hostile claim or action type instead (docs/units.md); --scale weighs each
    action by another convention (docs/scales.md). --resample says how sure each
    rank is, --drop-one which single actions the top N rests on.

    Example: graphkit strain --top 5 --resample 1000 --seed 1
    """
    from ..analysis.strain_alg import strain as compute
    from ..analysis.strain_alg import strain_from_pairs

    check_engine(engine, scheduler)
    check_unit_engine(unit, engine)
    if drop_one and (resample or intensity):
        raise click.UsageError(
            "--drop-one lists units, not pairs: give it without --resample and --intensity"
        )
    filters = {"domain": domain, "since": since, "until": until, "actor": actor}
    if engine == "dask":
        for given, flag in ((intensity, "--intensity"), (resample, "--resample"), (drop_one, "--drop-one")):
            if given:
                raise click.UsageError(f"{flag} needs --engine pandas (it reads the rows)")
        if scale != "goldstein":
            raise click.UsageError("--scale needs --engine pandas (it reads each row's code)")
        pairs = read_dask_pairs(edgeset, scheduler, **filters)
        table = strain_from_pairs(pairs.pairs, pairs.actors, top=top)
        emit(table_text(table, fmt), output)
        return
    plain = not (drop_one or intensity or resample or any(filters.values())) and (unit, scale) == (
        "action",
        "goldstein",
    )
    columnar = read_columnar(edgeset, engine) if plain else None
    if columnar is not None:
        from ..analysis.strain_columnar import strain_columnar

        emit(table_text(strain_columnar(columnar, top=top), fmt), output)
        columnar.close()
        return
    edge_set = read_edge_set(edgeset, **filters)
    if drop_one:
        from ..analysis.resample import drop_one as leave_out

        table = leave_out(edge_set, unit=unit, scale=scale, top=top or 5)
        what = {"action": "action", "claim": "claim", "type": "action type"}[unit]
        echo_error(
            f"graphkit: {plural(len(table), what)} of {table.attrs['units']} change the top {top or 5} "
            "when left out"
        )
    else:
        table = compute(
            edge_set, top=top, unit=unit, intensity=intensity, scale=scale, resamples=resample, seed=seed
        )
        if resample:
            echo_error(
                f"graphkit: {resample} resamples of {table.attrs['units']} units ({unit}, seed {seed}): "
                f"rank_low to rank_high is a 90% interval, p_top the share in the top {top or 5}"
            )
    _scale_note(scale, edge_set)
    emit(table_text(table, fmt), output)


def _scale_note(scale: str, edge_set) -> None:
    """Say on stderr how many rows a scale could not weigh by its own rule."""
    if scale in ("goldstein", "count"):
        return
    from ..scales import scale_weights

    _, fallback = scale_weights(edge_set.edges, scale)
    if fallback:
        rule = "their own weight" if scale == "plover" else "1 by their sign"
        warn(
            f"--scale {scale}: {plural(fallback, 'action')} with neither a CAMEO code nor a PLOVER type "
            f"weighed by {rule} (docs/scales.md)"
        )


@main.command()
@edgeset_argument
@filter_options
@unit_option
@scale_option
@output_options
@engine_options
def centrality(edgeset, domain, since, until, actor, unit, scale, fmt, output, engine, scheduler):
    """Measure each actor: strain dealt and received, degree, PageRank,
    betweenness and HITS hub/authority on the hostile layer.

    Example: graphkit centrality --format csv -o centrality.csv
    """
    from ..analysis.centrality_alg import centrality as compute

    check_engine(engine, scheduler)
    check_unit_engine(unit, engine)
    filters = {"domain": domain, "since": since, "until": until, "actor": actor}
    if engine == "dask":
        from ..analysis.centrality_alg import centrality_from_pairs

        if scale != "goldstein":
            raise click.UsageError("--scale needs --engine pandas (it reads each row's code)")
        pairs = read_dask_pairs(edgeset, scheduler, **filters)
        table = centrality_from_pairs(pairs.ordered_pairs(), pairs.actors, progress=progress_reporter())
    else:
        plain = not any(filters.values()) and (unit, scale) == ("action", "goldstein")
        columnar = read_columnar(edgeset, engine) if plain else None
        if columnar is not None:
            from ..analysis.centrality_columnar import centrality_columnar

            table = centrality_columnar(columnar, progress=progress_reporter())
            columnar.close()
        else:
            edge_set = read_edge_set(edgeset, **filters)
            table = compute(edge_set, unit=unit, scale=scale, progress=progress_reporter())
            _scale_note(scale, edge_set)
    for message in table.attrs.get("warnings", []):
        warn(message)
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
