"""The import-dyads command: a dyad-period table (ICEWS-style quad counts) as an edge set."""

from __future__ import annotations

import click

from ..io.text import escape_control
from .errors import echo_error
from .group import main
from .loading import read_stdin
from .options import safe_csv_option
from .output import remember_inputs, safe_csv, write_output

MAX_KEPT_SHOWN = 10


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


@main.command("import-dyads")
@click.argument("file", metavar="FILE")
@click.option("--source", required=True, metavar="COL", help="The column naming the acting actor (ICEWS: i).")
@click.option(
    "--target", required=True, metavar="COL", help="The column naming the actor acted on (ICEWS: j)."
)
@click.option(
    "--time", "time_", required=True, metavar="COL", help="The period column: YYYY, YYYY-MM or YYYY-MM-DD."
)
@click.option(
    "--hostile",
    multiple=True,
    metavar="COL",
    help="A count column of hostile events, added as -count (repeatable).",
)
@click.option(
    "--cooperative",
    multiple=True,
    metavar="COL",
    help="A count column of cooperative events, added as +count (repeatable).",
)
@click.option(
    "--no-map",
    is_flag=True,
    help="Keep actor names as given instead of mapping country names to ISO alpha-3.",
)
@click.option("-o", "--output", required=True, metavar="DIR", help="Write the edge set to the folder DIR.")
@safe_csv_option
def import_dyads(file, source, target, time_, hostile, cooperative, no_map, output):
    """Turn a dyad-period table into an edge set (a folder).

    FILE is a CSV file (or .csv.gz, or - for standard input) with one row per
    ordered pair and period, such as ICEWS's dyad-year quad counts. Each
    --hostile column adds a row of weight -count, each --cooperative column a
    row of weight +count, with the column's name as the action and the period
    as the date; the rows say scale=count (their weights count events, they are
    not Goldstein values). A row whose counts are all zero becomes one row of
    weight 0 (action no_events), which keeps the pair in that period's actor set.

    Country names are mapped to ISO alpha-3 codes where pycountry knows them
    (and six ICEWS spellings it does not); other names are kept. DIR gets
    edges.csv, actors.csv (the names), and names.csv (every name, its id and how
    it was mapped).

    Example: graphkit import-dyads icews.csv --source i --target j --time year
    --hostile verbConf --hostile matlConf --cooperative verbCoop --cooperative matlCoop -o icews/
    """
    from pathlib import Path

    from ..interop.dyads import read_dyads
    from ..interop.gdelt import edges_to_csv

    stdin = read_stdin(text=False) if file == "-" else None
    result = read_dyads(
        file,
        source=source,
        target=target,
        time=time_,
        hostile=hostile,
        cooperative=cooperative,
        map_names=not no_map,
        stdin=stdin,
    )
    if file != "-":
        remember_inputs(file)
    folder = Path(output)
    write_output(folder / "edges.csv", edges_to_csv(result.edges, safe_csv=safe_csv()), make_parents=True)
    write_output(folder / "actors.csv", edges_to_csv(result.actors, safe_csv=safe_csv()), make_parents=True)
    write_output(folder / "names.csv", edges_to_csv(result.names, safe_csv=safe_csv()), make_parents=True)
    echo_error(
        f"read {_count(result.rows, 'dyad-period row')} ({_count(result.periods, 'period')}): "
        f"{_count(len(result.edges), 'edge')}, of which {result.empty_rows:,} no_events "
        f"{'row' if result.empty_rows == 1 else 'rows'} for pairs with no event in a period"
    )
    if not no_map:
        names = result.names
        by = names["mapped_by"].value_counts()
        kept = names.loc[names["mapped_by"] == "kept", "name"].tolist()
        echo_error(
            f"mapped {len(names) - len(kept)} of {len(names)} names to ISO alpha-3 "
            f"({by.get('pycountry', 0)} by pycountry, {by.get('icews-name', 0)} by ICEWS spelling); "
            f"every name and its id: {escape_control(str(folder / 'names.csv'))}"
        )
        if kept:
            shown = ", ".join(kept[:MAX_KEPT_SHOWN]) + (", ..." if len(kept) > MAX_KEPT_SHOWN else "")
            echo_error(escape_control(f"kept as given ({len(kept)}): {shown}"))
