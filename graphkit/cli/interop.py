"""Commands that move data between graphkit and other tools: import-gdelt, export."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..io.text import escape_control
from ..schema import EXPORT_FORMATS, EXPORT_LEVELS, EXPORT_WEIGHTS, FREQS
from .errors import BAD_INPUT, echo_error
from .group import main
from .loading import read_edge_set, read_stdin
from .options import (
    edgeset_argument,
    filter_options,
    format_from_output,
    output_option,
    safe_csv_option,
    unit_option,
)
from .output import emit, remember_inputs, safe_csv

MAX_SKIPPED_SHOWN = 20


def parse_size(text: str, option: str) -> int:
    """``500M``, ``2G`` or a number of bytes, as bytes."""
    import re

    match = re.fullmatch(r"([0-9]+)([KMG]?)", text.strip(), flags=re.IGNORECASE)
    if not match or int(match.group(1)) == 0:
        raise click.BadParameter(
            f"{text!r}: give a size such as 500M, 2G or a number of bytes", param_hint=option
        )
    return int(match.group(1)) << {"": 0, "K": 10, "M": 20, "G": 30}[match.group(2).upper()]


@main.command("import-gdelt")
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@output_option("the edge set")
@click.option(
    "--actor-codes",
    is_flag=True,
    help="Use Actor1Code/Actor2Code (e.g. USAGOV, PSEREB) instead of the country codes, "
    "so actors of one country stay apart.",
)
@click.option(
    "--fallback-actor-codes",
    is_flag=True,
    help="Where a country code is missing, use the actor's code instead (e.g. GOV, BUS) "
    "rather than dropping the event.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Refuse the input (exit 2) if any row is malformed, instead of skipping it.",
)
@click.option(
    "--max-unpacked",
    metavar="SIZE",
    default="2G",
    show_default=True,
    help="Refuse a compressed file (or zip member) that unpacks to more than SIZE (bytes, or K, M, G).",
)
@safe_csv_option
def import_gdelt(files, output, actor_codes, fallback_actor_codes, strict, max_unpacked):
    """Turn GDELT event exports into an edge set (CSV), one edge per event.

    FILE is a GDELT 1.0 or 2.0 event export (tab-separated, no header; plain,
    .zip or .gz), or - for standard input. The version is told per row by its
    field count: 61 (2.0), 58 (1.0) or 57 (1.0 before April 2013). Source and
    target are Actor1/Actor2CountryCode, the action is the CAMEO label of
    EventCode, the weight GoldsteinScale, the date SQLDATE; GLOBALEVENTID,
    SOURCEURL, NumMentions and AvgTone become the id, document, mentions and tone
    columns.

    Events missing an actor, with the same actor on both sides (an edge links two
    different actors; --actor-codes keeps domestic events such as USAGOV -> USAOPP),
    or repeating an event id are dropped; standard error says how many, and why.

    Example: graphkit import-gdelt 20250301.export.CSV.zip -o gdelt.csv
    """
    from ..interop.gdelt import DROP_REASONS, edges_to_csv, read_gdelt

    limit = parse_size(max_unpacked, "--max-unpacked")
    if list(files).count("-") > 1:
        raise click.UsageError("'-' is given more than once: standard input can be read only once")
    stdin = read_stdin(text=False) if "-" in files else None  # may be gzip or zip
    result = read_gdelt(
        list(files),
        actor_codes=actor_codes,
        fallback_actor_codes=fallback_actor_codes,
        strict=strict,
        stdin=stdin,
        max_unpacked=limit,
    )
    for problem in result.problems[:MAX_SKIPPED_SHOWN]:
        echo_error(escape_control(f"{problem.file}:{problem.line}: skipped malformed row: {problem.message}"))
    if len(result.problems) > MAX_SKIPPED_SHOWN:
        echo_error(f"... and {len(result.problems) - MAX_SKIPPED_SHOWN} more malformed rows skipped")
    files_text = "1 file" if result.files == 1 else f"{result.files} files"
    echo_error(f"read {result.read} rows from {files_text}:")
    for label, count in result.versions.items():
        echo_error(f"  {count:>8}  {label}")
    echo_error(f"kept {result.kept} events as edges, dropped {sum(result.dropped.values())}:")
    for reason in DROP_REASONS:
        if result.dropped[reason]:
            echo_error(f"  {result.dropped[reason]:>8}  {result.drop_reason_text(reason)}")
    if result.kept == 0:
        echo_error("graphkit: no event left to make an edge: nothing written")
        raise click.exceptions.Exit(BAD_INPUT)
    remember_inputs(*(f for f in files if f != "-"))
    emit(edges_to_csv(result.edges, safe_csv=safe_csv()), output)


@main.command()
@edgeset_argument
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*EXPORT_FORMATS, "parquet"]),
    default="graphml",
    show_default=True,
    help="graphml or gexf (Gephi, Cytoscape, igraph), json (node-link, D3), csv (edge table); "
    "without --panel, -o's extension (.graphml, .gexf, .json, .csv) decides; "
    "with --panel: csv (the default there) or parquet.",
)
@click.option(
    "--panel",
    is_flag=True,
    help="Write a dyad-period panel instead: one row per ordered pair of the actors present in "
    "each period, zeros included (docs/time.md).",
)
@click.option(
    "--freq",
    type=click.Choice(FREQS),
    default="year",
    show_default=True,
    help="With --panel: the period (calendar year, quarter, month, ISO week).",
)
@click.option(
    "--level",
    type=click.Choice(EXPORT_LEVELS),
    default="pair",
    show_default=True,
    help="pair: one edge per ordered pair of actors; action: one edge per alleged action.",
)
@click.option(
    "--weight",
    type=click.Choice(EXPORT_WEIGHTS),
    help="Also copy this column into 'weight', the attribute Gephi takes as the edge weight.",
)
@unit_option
@output_option()
@safe_csv_option
@format_from_output(
    {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv", ".parquet": "parquet"}
)
def export(edgeset, domain, since, until, actor, fmt, panel, freq, level, weight, unit, output):
    """Write the graph as a file for Gephi, Cytoscape, igraph or D3.

    At --level pair (the default) each ordered pair of actors is one edge with
    non-negative strain and cooperation, the number of actions and a count per
    action type (n_tariff, ...); nodes carry name, kind, group and centrality.
    At --level action each action is one edge with its attributes. GraphML edge
    ids are unique; JSON is node-link data with "nodes" and "edges".

    With --panel, one row per ordered pair and period (--freq) instead, with
    strain, cooperation, net and counts, and zero rows for every ordered pair of
    the actors present in the period: the table a regression reads (CSV or
    Parquet; -o NAME.parquet picks Parquet).

    Example: graphkit export --format gexf -o essay.gexf
    """
    from ..interop.export import export_graph

    edge_set = read_edge_set(edgeset, domain=domain, since=since, until=until, actor=actor)
    if panel:
        from ..errors import GraphkitError
        from ..interop.panel import panel_bytes, panel_table

        default = (
            click.get_current_context().get_parameter_source("fmt") is click.core.ParameterSource.DEFAULT
        )
        if default:  # -o's extension may have named a graph format: a panel is not a graph
            fmt = {".parquet": "parquet", ".graphml": "graphml", ".gexf": "gexf", ".json": "json"}.get(
                os.path.splitext(str(output).lower())[1], "csv"
            )
        if fmt not in ("csv", "parquet"):
            raise click.UsageError(
                f"--panel writes csv or parquet, not {fmt}: name the output .csv or .parquet"
            )
        table = panel_table(edge_set, freq=freq)
        count = table.attrs["undated"]
        if table.empty:  # every action undated: an empty panel would look like an answer
            raise GraphkitError(
                f"edge set {edge_set.name!r} has no dated action ({count} undated): no period for a panel"
            )
        if count:
            echo_error(f"graphkit: {count} undated action{'s are' if count != 1 else ' is'} in no period")
        emit(panel_bytes(table, fmt, safe_csv=safe_csv()), output)
        return
    if fmt == "parquet":
        raise click.UsageError("--format parquet needs --panel (graphs go to graphml, gexf, json or csv)")
    _check_graph_suffix(output)
    emit(export_graph(edge_set, fmt, level=level, weight=weight, unit=unit, safe_csv=safe_csv()), output)


GRAPH_SUFFIXES = (".graphml", ".gexf", ".json", ".csv")


def _check_graph_suffix(output) -> None:
    """Refuse ``-o essay.gephi`` without --format: a GraphML file under a name that says
    otherwise (Gephi takes .gephi for its own project files) fails where it is opened."""
    context = click.get_current_context()
    suffix = Path(str(output)).suffix.lower() if output not in (None, "-") else ".graphml"
    if (
        suffix in GRAPH_SUFFIXES
        or context.get_parameter_source("fmt") is not click.core.ParameterSource.DEFAULT
    ):
        return
    raise click.UsageError(
        f"-o {str(output)!r}: cannot tell the format from "
        f"{repr(suffix) if suffix else 'a name without extension'}: "
        "name the file .graphml, .gexf, .json or .csv, or give --format (Gephi opens .gexf and .graphml)"
    )
