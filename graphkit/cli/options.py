"""The option decorators the commands share (filters, unit, output, engine)."""

from __future__ import annotations

import functools
from pathlib import Path

import click

from ..schema import ENGINES, REPORT_FORMATS, SCALES, UNITS
from .date_rule import SINCE_HELP, UNTIL_HELP, date_rule_options
from .output import remember_safe_csv

edgeset_argument = click.argument("edgeset", required=False, metavar="[EDGESET]")


def filter_options(func):
    """--domain, --since, --until, --actor, --overlap and --undated, shared by every analysis command."""
    options = [
        click.option("--domain", multiple=True, help="Keep only actions in this domain (repeatable)."),
        click.option("--since", metavar="DATE", help=SINCE_HELP),
        click.option("--until", metavar="DATE", help=UNTIL_HELP),
        click.option(
            "--actor",
            metavar="ID",
            help="Keep only this actor's ego network (its id, case aside, or its name: can, Canada).",
        ),
    ]
    func = date_rule_options(func)
    for option in reversed(options):
        func = option(func)
    return func


def unit_option(func):
    """--unit action|claim|type, for every command that aggregates rows."""
    return click.option(
        "--unit",
        type=click.Choice(UNITS),
        default="action",
        show_default=True,
        help="What counts once: every action (row), every claim (source, target and quote), "
        "or every action type (source, target and action). See docs/units.md.",
    )(func)


def scale_option(func):
    """--scale goldstein|plover|count|quad, for every command that sums weights."""
    return click.option(
        "--scale",
        type=click.Choice(SCALES),
        default="goldstein",
        show_default=True,
        help="How each action is weighed: its Goldstein value, PLOVER's score of its type and mode, "
        "1 per action (count), or by quad class (quad: verbal 1, material 2). See docs/scales.md.",
    )(func)


def alias_option(func):
    """--alias FILE, for every command that compares or pools codings."""
    return click.option(
        "--alias",
        "alias_file",
        metavar="FILE",
        type=click.Path(dir_okay=False),
        help="A CSV with columns from,to: read actor id FROM as TO in every set (one actor "
        "named differently by two coders). See docs/units.md.",
    )(func)


def check_unit_engine(unit: str, engine: str) -> None:
    if unit != "action" and engine == "dask":
        raise click.UsageError(
            f"--unit {unit} needs --engine pandas: the Dask engine sums each partition apart and "
            "cannot see a claim or an action type split across partitions"
        )


def output_option(what: str = "", *, default: str | None = "-", help: str | None = None):
    """-o/--output PATH, for every command that writes a file (``-`` is standard output)."""
    text = help or f"Write {what + ' ' if what else ''}to PATH (atomically) instead of standard output."
    return click.option(
        "-o", "--output", metavar="PATH", default=default, show_default=default is not None, help=text
    )


safe_csv_option = click.option(
    "--safe-csv",
    is_flag=True,
    expose_value=False,
    callback=remember_safe_csv,
    help="In CSV output, prefix ' to text cells a spreadsheet would run as a formula (=, +, -, @); "
    "off by default, as it changes the data (docs/security.md).",
)


# -o report.csv without --format means CSV, as the file's name says
FORMAT_BY_SUFFIX = {".csv": "csv", ".json": "json", ".md": "markdown", ".markdown": "markdown"}


def format_from_output(by_suffix: dict[str, str] = FORMAT_BY_SUFFIX):
    """Take --format from -o's file extension when --format is not given (an explicit
    --format wins: the user asked for it)."""

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            context = click.get_current_context()
            output = kwargs.get("output") or "-"
            suffix = Path(output).suffix.lower() if output != "-" else ""
            named = by_suffix.get(suffix)
            if (
                suffix in (".html", ".htm")
                and context.get_parameter_source("fmt") is click.core.ParameterSource.DEFAULT
            ):
                # a text table in a file named .html is never what was meant: say where pages come from
                page = " or --html PATH" if "html" in context.params else ""
                raise click.UsageError(
                    f"-o {output}: this command writes a text table, not a page: name it .csv, .json, "
                    f".md or .txt (pages: graphkit render{page})"
                )
            if (
                named is not None
                and context.get_parameter_source("fmt") is click.core.ParameterSource.DEFAULT
            ):
                kwargs["fmt"] = named
            return func(*args, **kwargs)

        return wrapper

    return decorate


def output_options(func):
    """--format, --safe-csv and -o/--output, shared by every command that prints a table.
    Without --format, ``-o NAME.csv``, ``.json`` or ``.md`` picks that format."""
    func = format_from_output()(func)
    func = output_option()(func)
    func = safe_csv_option(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(REPORT_FORMATS),
        default="table",
        show_default=True,
        help="Output format (without it, -o's extension .csv, .json or .md decides; else table).",
    )(func)


def engine_options(func):
    """--engine and --scheduler, for commands that can aggregate on Dask."""
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: the Dask scheduler (tcp://host:8786); default: a local cluster.",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(ENGINES),
        default="auto",
        show_default=True,
        help="duckdb: read and validate EDGESET with DuckDB when it can vouch for it (a plain CSV "
        "file without problems or warnings; anything else is read by pandas, with the same messages); "
        "auto: duckdb for files of 8 MB or more; pandas: always the reference reader; "
        "dask: read EDGESET (CSV/Parquet files, or a quoted glob such as 'events/*.csv') "
        "and aggregate it to pairs on a Dask cluster. See docs/speed.md.",
    )(func)
