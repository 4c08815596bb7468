"""`graphkit cameo`: look up CAMEO codes by code or by words of their names."""

from __future__ import annotations

import click

from .group import main
from .options import output_options
from .output import emit, table_text


@main.command()
@click.argument("query", metavar="CODE|WORDS")
@output_options
def cameo(query, fmt, output):
    """List the CAMEO codes a code or words name, with their Goldstein values.

    A code (163) lists itself and the codes under it (16 lists 16 to 1663);
    words (sanction, "reduce aid", tariff, threats) list every code whose name,
    the name of a taxonomy action with that code, or its PLOVER type and mode
    (coerce lists every code PLOVER reads as COERCE) holds them all or their
    singulars, case aside. The actions column names graphkit's taxonomy actions
    with that code; quad_class is CAMEO's: 1 verbal cooperation, 2 material
    cooperation, 3 verbal conflict, 4 material conflict. Nothing matching is an
    error with the nearest code or word. Exit status: 0, or 2 on bad input.

    Example: graphkit cameo sanction
    """
    from ..actions import cameo_codes
    from ..errors import ArgumentError, GraphkitError

    try:
        found = cameo_codes(query)
    except ArgumentError as err:  # the query is this command's argument, not a flag
        raise GraphkitError(err.detail) from None
    emit(table_text(found, fmt), output)
