"""The command group and the pieces every command shares: options, loading, output, errors."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import ArgumentError, EdgeSetError, GraphkitError

MAX_PROBLEMS_SHOWN = 20
BAD_INPUT = 2


class GraphkitGroup(click.Group):
    """click's group, with click's own usage errors worded like graphkit's: every
    error line on stderr starts ``graphkit: ``."""

    def make_context(self, *args, **kwargs):
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as err:
            raise UsageError(err) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click.UsageError as err:
            raise UsageError(err) from None


class UsageError(click.ClickException):
    """A usage error click found (unknown option, bad value), shown as
    ``graphkit: MESSAGE`` and a line pointing to the command's --help."""

    exit_code = click.UsageError.exit_code  # 2, as click's own

    def __init__(self, original: click.UsageError):
        super().__init__(original.format_message())
        self.context = original.ctx

    def show(self, file=None) -> None:
        click.echo(f"graphkit: {self.format_message()}", err=True)
        if self.context is not None:
            path = self.context.command_path
            click.echo(f"graphkit: usage: {self.context.get_usage().removeprefix('Usage: ')}", err=True)
            click.echo(f"graphkit: see '{path} --help'", err=True)


@click.group(cls=GraphkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="graphkit")
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress messages (shown only when stderr is a terminal)."
)
def main(quiet: bool) -> None:
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
        except ArgumentError as err:
            click.echo(
                f"graphkit: {flag(err.argument)}{'' if err.detail.startswith(':') else ' '}{err.detail}",
                err=True,
            )
            raise click.exceptions.Exit(BAD_INPUT) from None
        except GraphkitError as err:
            click.echo(f"graphkit: {err}", err=True)
            raise click.exceptions.Exit(BAD_INPUT) from None

    return wrapper


# The library names its parameters; the command line names its flags. Where the
# two differ, this table says so (otherwise size_by is --size-by).
FLAGS = {"fmt": "--format", "top_k": "--top-k"}


def flag(argument: str) -> str:
    """The command-line flag for a library parameter."""
    return FLAGS.get(argument, "--" + argument.replace("_", "-"))


def show_problems(problems) -> None:
    """Each problem on stderr as ``graphkit: FILE:LINE: message`` (at most MAX_PROBLEMS_SHOWN)."""
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        click.echo(f"graphkit: {problem}", err=True)
    if len(problems) > MAX_PROBLEMS_SHOWN:
        click.echo(
            f"graphkit: ... and {len(problems) - MAX_PROBLEMS_SHOWN} more problems: "
            "run 'graphkit validate' for all",
            err=True,
        )


def show_warnings(edge_set) -> None:
    """The edge set's warnings on stderr, as ``graphkit: warning: FILE:LINE: message``."""
    for warning in edge_set.warnings:
        click.echo(f"graphkit: warning: {warning}", err=True)


edgeset_argument = click.argument("edgeset", required=False, metavar="[EDGESET]")


def filter_options(func):
    """--domain, --since, --until and --actor, shared by every analysis command."""
    options = [
        click.option("--domain", multiple=True, help="Keep only actions in this domain (repeatable)."),
        click.option("--since", metavar="DATE", help="Keep actions dated on or after DATE (YYYY[-MM[-DD]])."),
        click.option(
            "--until", metavar="DATE", help="Keep actions dated on or before DATE (YYYY[-MM[-DD]])."
        ),
        click.option("--actor", metavar="ID", help="Keep only this actor's ego network."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


UNIT_CHOICES = ("action", "claim", "type")  # graphkit.analysis.units.UNITS, without importing pandas


def unit_option(func):
    """--unit action|claim|type, for every command that aggregates rows."""
    return click.option(
        "--unit",
        type=click.Choice(UNIT_CHOICES),
        default="action",
        show_default=True,
        help="What counts once: every action (row), every claim (source, target and quote), "
        "or every action type (source, target and action). See docs/units.md.",
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


def output_options(func):
    """--format and -o/--output, shared by every command that prints a table."""
    func = output_option()(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "json", "markdown"]),
        default="table",
        show_default=True,
        help="Output format.",
    )(func)


def progress_reporter():
    """Progress lines on stderr when it is a terminal and --quiet was not given."""
    from ..progress import StderrProgress

    context = click.get_current_context(silent=True)
    root = context.find_root() if context else None
    if root is not None and "graphkit.progress" in root.meta:
        return root.meta["graphkit.progress"]  # one clock for the whole command
    quiet = bool(root and root.params.get("quiet"))
    reporter = StderrProgress(sys.stderr, enabled=False if quiet else None)
    if root is not None:
        root.meta["graphkit.progress"] = reporter
    return reporter


def engine_options(func):
    """--engine and --scheduler, for commands that can aggregate on Dask."""
    func = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="With --engine dask: the Dask scheduler (tcp://host:8786); default: a local cluster.",
    )(func)
    return click.option(
        "--engine",
        type=click.Choice(["pandas", "dask"]),
        default="pandas",
        show_default=True,
        help="dask: read EDGESET (CSV/Parquet files, or a quoted glob such as 'events/*.csv') "
        "and aggregate it to pairs on a Dask cluster.",
    )(func)


def read_dask_pairs(spec, scheduler, *, domain=(), since=None, until=None, actor=None):
    """Aggregate EDGESET's files to pairs with the Dask engine (see graphkit.interop.dask_engine)."""
    if spec in (None, "-"):
        raise click.UsageError(
            "--engine dask reads files: give a path or a quoted glob such as 'events/*.csv'"
        )
    from ..interop.dask_engine import dask_pairs

    return dask_pairs(
        spec,
        scheduler=scheduler,
        domain=domain,
        since=since,
        until=until,
        actor=actor,
        progress=progress_reporter(),
    )


def check_engine(engine, scheduler) -> None:
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")


def load(spec):
    """Load EDGESET (reading standard input for -), remembering its files as inputs."""
    from ..edgeset import load_edge_set

    stdin = read_stdin() if spec == "-" else None
    edge_set = load_edge_set(spec, stdin=stdin, progress=progress_reporter())
    show_warnings(edge_set)
    if edge_set.path is not None:
        remember_inputs(edge_set.path)
    return edge_set


def read_edge_set(spec, *, domain=(), since=None, until=None, actor=None):
    """Load EDGESET (reading standard input for -) and apply the shared filters."""
    from ..filters import filter_edges

    return filter_edges(load(spec), domain=domain, since=since, until=until, actor=actor)


def read_stdin() -> bytes:
    """Standard input as bytes (click's binary stdin; also under CliRunner)."""
    with click.open_file("-", "rb") as stream:
        return stream.read()


def remember_inputs(*paths) -> None:
    """Note files this command reads (a folder stands for every file in it), so that
    no output can replace one of them."""
    from ..edgeset import set_folder

    inputs = click.get_current_context().meta.setdefault("graphkit.inputs", set())
    for path in map(Path, paths):
        # an edges.csv brings the actors.csv and source.txt beside it
        folder = set_folder(path)
        files = [p for p in folder.iterdir() if p.is_file()] if folder is not None else [path]
        inputs.update(p.resolve() for p in files)


def check_output(path) -> None:
    """Refuse an output path that is one of this command's inputs."""
    inputs = click.get_current_context().meta.get("graphkit.inputs", set())
    if Path(path).resolve() in inputs:
        raise GraphkitError(f"cannot write {path}: it is one of this command's inputs; choose another path")


def write_output(path, data, *, make_parents: bool = False) -> None:
    """Write ``data`` (text, bytes or pieces of text) atomically to ``path`` (never an
    input) and say so on stderr."""
    from ..atomic import write_atomic

    check_output(path)
    click.echo(f"wrote {write_atomic(path, data, make_parents=make_parents)}", err=True)


def emit(data, output: str) -> None:
    """Write ``data`` (text as UTF-8, bytes, or pieces of text written one by one) to
    stdout, or atomically to the file ``output``."""
    if output == "-":
        pieces = [data] if isinstance(data, (str, bytes)) else data
        with click.open_file("-", "wb") as stream:
            for piece in pieces:
                stream.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            stream.flush()
        return
    write_output(output, data)
