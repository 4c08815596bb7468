"""graphkit init: a starter edge set to copy the format from."""

from __future__ import annotations

import click

from .errors import echo_error
from .group import main

__all__ = ["init"]


@main.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=True, dir_okay=True))
def init(folder):
    """Write a small valid edge set into DIR to start your own from.

    DIR gets source.txt (the text the quotes come from), edges.csv (one row per
    alleged action), actors.csv and description.txt. Nothing is ever
    overwritten: if DIR holds any of these files, init writes nothing and exits 2.

    Example: graphkit init my-article
    """
    from ..starter import write_starter

    written = write_starter(folder)
    for path in written:
        echo_error(f"wrote {path}")
    echo_error(
        "\n".join(
            [
                "next:",
                f"  1. paste the article you are coding into {written[0]}",
                f"  2. code its claims in {written[1]}, one row per alleged action, each quote",
                "     copied from the source (actions: 'graphkit taxonomy'; columns: docs/format.md)",
                f"  3. list the actors in {written[2]}, and describe the set in {written[3]}",
                f"  4. check it with 'graphkit validate {folder}', then 'graphkit render {folder}'",
            ]
        )
    )
