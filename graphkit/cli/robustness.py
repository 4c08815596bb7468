"""`graphkit robustness`: each pair's strain rank under every unit of evidence and every coding."""

from __future__ import annotations

import os

import click

from ..schema import SCALES, UNITS
from .group import main
from .loading import load, with_aliases
from .options import alias_option, filter_options, output_options
from .output import emit, safe_csv


@main.command()
@click.argument("edgesets", nargs=-1, metavar="EDGESET [EDGESET ...]")
@filter_options
@click.option(
    "--unit", "units", multiple=True, type=click.Choice(UNITS),
    help="Rank under this unit of evidence (repeatable; default: action, claim and type).",
)  # fmt: skip
@click.option(
    "--top", type=click.IntRange(min=1), default=5, show_default=True, metavar="K",
    help="robust_top: the pair ranks K or better under every variant.",
)  # fmt: skip
@click.option(
    "--scale", "scales", multiple=True, type=click.Choice(SCALES),
    help="Rank under this weight scale (repeatable; default: goldstein). See docs/scales.md.",
)  # fmt: skip
@click.option(
    "--resample", type=click.IntRange(min=1), metavar="N",
    help="Add rank_low, rank_high (90%) and p_top from N bootstrap resamples of every variant, pooled.",
)  # fmt: skip
@click.option(
    "--seed", type=click.IntRange(min=0), default=0, show_default=True, metavar="S", help="Seed of --resample.",
)  # fmt: skip
@click.option(
    "--drop-one", is_flag=True,
    help="Instead of the ranks, list per variant the single units whose removal changes the top K.",
)  # fmt: skip
@alias_option
@output_options
def robustness(
    edgesets, domain, since, until, actor, units, top, scales, resample, seed, drop_one, alias_file, fmt, output
):  # fmt: skip
    """Rank every relationship by strain under each unit of evidence and each
    coding of the same text, and say which pairs stay in the top K whatever the choice.

    A variant is one coding counted in one unit, named CODING:UNIT (essay:claim),
    or CODING:UNIT:SCALE with --scale. --alias FILE reads one actor's two ids as
    one; --resample adds a bootstrap interval, --drop-one lists the units the top K
    rests on.
    Ranks are competition ranks ("1224"); a pair without strain in a variant
    ranks after every pair with strain there. With no EDGESET, the essay.

    Example: graphkit robustness essay essay-2025-v1 --top 5
    """
    import json

    from ..analysis.robustness_alg import robustness as compute
    from ..analysis.robustness_alg import robustness_records
    from ..errors import ArgumentError, GraphkitError
    from ..filters import filter_edges, has_actor
    from ..io.formatting import format_frame
    from .date_rule import date_rule, show_date_filter

    specs = list(edgesets) or [None]
    if specs.count("-") > 1:
        raise GraphkitError("'-' is given more than once: only one edge set can come from standard input")
    loaded = [load(spec) for spec in specs]
    where = [os.path.realpath(s.path) if s.path is not None else s.name for s in loaded]
    twice = sorted({s.name for s, w in zip(loaded, where) if where.count(w) > 1})
    if twice:
        raise GraphkitError(
            f"edge set {twice[0]!r} is given twice: give each coding once (variants are named by set)"
        )
    # two codings in folders of one name (a/article, b/article) are named as given
    names = [s.name for s in loaded]
    names = [
        str(spec).rstrip("/") if names.count(name) > 1 and spec is not None else name
        for spec, name in zip(specs, names)
    ]
    if len(set(names)) < len(names):  # given two ways that still read alike: the real paths
        names = [w if names.count(n) > 1 else n for w, n in zip(where, names)]
    # as in diff, --actor may be in some codings only: the others keep no edge
    if actor and not any(has_actor(s, actor) for s in loaded):
        listed = ", ".join(map(repr, names))
        raise ArgumentError("actor", f"{actor!r} has no edges in {listed}: use an actor id from one of them")
    sets = []
    for edge_set in loaded:
        if actor and not has_actor(edge_set, actor):
            sets.append(edge_set.with_edges(edge_set.edges.iloc[:0]))
        else:
            kept = filter_edges(edge_set, domain=domain, since=since, until=until, actor=actor, **date_rule())
            show_date_filter(kept, repr(kept.name))
            sets.append(kept)
    # each coding under the name worked out above (two folders may share a set name)
    named = dict(zip(names, with_aliases(sets, alias_file)))
    options = {"units": list(units) or UNITS, "top": top, "scales": list(scales) or ["goldstein"]}
    if drop_one:
        if resample:
            raise click.UsageError("--drop-one lists units, not pairs: give it without --resample")
        from ..analysis.robustness_alg import robustness_drop_one

        emit(format_frame(robustness_drop_one(named, **options), fmt, safe_csv=safe_csv()), output)
        return
    table = compute(named, **options, resamples=resample, seed=seed)
    if fmt == "json":
        text = json.dumps(robustness_records(table), indent=2, ensure_ascii=False) + "\n"
    else:
        text = format_frame(table, fmt, safe_csv=safe_csv())
    emit(text, output)
