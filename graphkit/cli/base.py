"""The command group and the pieces every command shares: options, loading, output, errors."""

from __future__ import annotations

import functools
import sys

import click

from .. import __version__
from ..errors import EdgeSetError, GraphkitError

MAX_PROBLEMS_SHOWN = 20
BAD_INPUT = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="graphkit")
def main() -> None:
    """Map alleged actions between actors as a graph, and measure it.

    EDGESET is a CSV file, a folder holding edges.csv, a bundled set's name
    (see `graphkit sets`), or - for standard input; omitted, it is the bundled
    essay. Data goes to standard output, messages to standard error.
    """


def reports_errors(func):
    """Turn graphkit's errors into a short message on stderr and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except EdgeSetError as err:
            show_problems(err.problems)
            raise click.exceptions.Exit(BAD_INPUT) from None
        except GraphkitError as err:
            click.echo(f"graphkit: {err}", err=True)
            raise click.exceptions.Exit(BAD_INPUT) from None

    return wrapper


def show_problems(problems) -> None:
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        click.echo(str(problem), err=True)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        click.echo(
            f"... and {len(problems) - MAX_PROBLEMS_SHOWN} more problems: run 'graphkit validate' for all",
            err=True,
        )


edgeset_argument = click.argument("edgeset", required=False, metavar="[EDGESET]")


def filter_options(func):
    """--domain, --since, --until and --actor, shared by every analysis command."""
    options = [
        click.option("--domain", multiple=True, help="Keep only actions in this domain (repeatable)."),
        click.option("--since", metavar="DATE", help="Keep actions dated on or after DATE (YYYY[-MM[-DD]])."),
        click.option("--until", metavar="DATE", help="Keep actions dated on or before DATE (YYYY[-MM[-DD]])."),
        click.option("--actor", metavar="ID", help="Keep only this actor's ego network."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def output_options(func):
    """--format and -o/--output, shared by every command that prints a table."""
    func = click.option(
        "-o", "--output", metavar="PATH", default="-", show_default=True,
        help="Write to PATH (atomically) instead of standard output.",
    )(func)  # fmt: skip
    return click.option(
        "--format", "fmt", type=click.Choice(["table", "csv", "json", "markdown"]),
        default="table", show_default=True, help="Output format.",
    )(func)  # fmt: skip


def read_edge_set(spec, *, domain=(), since=None, until=None, actor=None):
    """Load EDGESET (reading standard input for -) and apply the shared filters."""
    from ..edgeset import load_edge_set
    from ..filters import filter_edges

    stdin = click.get_binary_stream("stdin").read() if spec == "-" else None
    edge_set = load_edge_set(spec, stdin=stdin)
    return filter_edges(edge_set, domain=domain, since=since, until=until, actor=actor)


def emit(text: str, output: str) -> None:
    """Write ``text`` to stdout, or atomically to the file ``output``."""
    if output == "-":
        click.echo(text, nl=False)
        return
    from ..atomic import write_atomic

    path = write_atomic(output, text)
    click.echo(f"wrote {path}", err=True)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()
