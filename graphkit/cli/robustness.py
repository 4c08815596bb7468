"""`graphkit robustness`: each pair's strain rank under every unit of evidence and every coding."""

from __future__ import annotations

import click

from .base import emit, filter_options, main, output_options, read_edge_set, reports_errors

UNIT_CHOICES = ("action", "claim", "type")


@main.command()
@click.argument("edgesets", nargs=-1, metavar="EDGESET [EDGESET ...]")
@filter_options
@click.option(
    "--unit", "units", multiple=True, type=click.Choice(UNIT_CHOICES),
    help="Rank under this unit of evidence (repeatable; default: action, claim and type).",
)  # fmt: skip
@click.option(
    "--top", type=click.IntRange(min=1), default=5, show_default=True, metavar="K",
    help="robust_top: the pair ranks K or better under every variant.",
)  # fmt: skip
@output_options
@reports_errors
def robustness(edgesets, domain, since, until, actor, units, top, fmt, output):
    """Rank every relationship by strain under each unit of evidence and each
    coding of the same text, and say which pairs stay in the top K whatever the choice.

    A variant is one coding counted in one unit, named CODING:UNIT (essay:claim).
    Ranks are competition ranks ("1224"); a pair without strain in a variant
    ranks after every pair with strain there. With no EDGESET, the essay.

    Example: graphkit robustness essay essay-recoded --top 5
    """
    import json

    from ..errors import GraphkitError
    from ..formatting import format_frame
    from ..robustness_alg import robustness as compute
    from ..robustness_alg import robustness_records

    specs = list(edgesets) or [None]
    if specs.count("-") > 1:
        raise GraphkitError("'-' is given more than once: only one edge set can come from standard input")
    filters = {
        "domain": domain,
        "since": since,
        "until": until,
        "actor": actor,
        "require_actor": len(specs) == 1,
    }
    sets = [read_edge_set(spec, **filters) for spec in specs]
    names = [s.name for s in sets]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise GraphkitError(
            f"edge set {twice[0]!r} is given twice: give each coding once (variants are named by set)"
        )
    if actor and not any(len(s.edges) for s in sets):
        names = ", ".join(repr(s.name) for s in sets)
        raise GraphkitError(f"--actor {actor!r} has no edges in {names}: use an actor id from one of them")
    table = compute(sets, units=list(units) or UNIT_CHOICES, top=top)
    if fmt == "json":
        text = json.dumps(robustness_records(table), indent=2, ensure_ascii=False) + "\n"
    else:
        text = format_frame(table, fmt)
    emit(text, output)
