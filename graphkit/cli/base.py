"""The command group and the pieces every command shares: options, loading, output, errors."""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import signal
import sys
import threading
from pathlib import Path
from typing import BinaryIO, cast

import click

from .. import __version__
from ..errors import ArgumentError, EdgeSetError, GraphkitError
from ..io.text import escape_control
from ..schema import UNITS

MAX_PROBLEMS_SHOWN = 20
BAD_INPUT = 2


class GraphkitGroup(click.Group):
    """The command group, and the one place every command passes through.

    Around each command it keeps the command's outputs (written together when the
    command ends well, see :class:`graphkit.io.atomic.OutputSet`), turns graphkit's
    errors into short messages and exit status 2, and any other exception into one
    line asking for a report (``--debug`` or ``GRAPHKIT_DEBUG=1`` shows the traceback).
    """

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.exceptions.UsageError as err:
            reports_error(err)
            raise

    def invoke(self, ctx: click.Context):
        from ..io.atomic import OutputSet

        ctx.meta["graphkit.outputs"] = OutputSet(guard=refuse_inputs)
        ctx.meta["graphkit.announce"] = []
        debug = bool(ctx.params.get("debug")) or os.environ.get("GRAPHKIT_DEBUG", "") not in ("", "0")
        with _terminating_raises():
            try:
                result = super().invoke(ctx)
            except click.exceptions.Exit as done:
                if done.exit_code in (0, 1):  # a finished command (diff --exit-code): its outputs stand
                    _commit(ctx, debug)
                raise
            except BaseException as err:
                ctx.meta["graphkit.outputs"].discard()
                reports_error(err, debug)
                raise
            _commit(ctx, debug)
            return result


class _Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (removing temporary files) and exit."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _terminating_raises():
    """SIGTERM and SIGHUP raise inside the command, as SIGINT does, so that every
    ``finally`` runs (temporary files are removed); restored afterwards."""

    def handler(signum, frame):
        raise _Terminated(signum)

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP"):
            if hasattr(signal, name):
                signum = getattr(signal, name)
                previous[signum] = signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def _commit(ctx: click.Context, debug: bool) -> None:
    try:
        written = ctx.meta["graphkit.outputs"].commit()
    except BaseException as err:
        reports_error(err, debug)
        raise
    for path, announce in zip(written, ctx.meta["graphkit.announce"]):
        announce(path)


def _silence_stdout() -> None:
    """Point a broken standard output at /dev/null, so that the interpreter's last
    flush at exit neither fails again nor prints a second message."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


INTERNAL_ERROR = 3
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())
BROKEN_PIPE = 128 + 13  # what a shell shows for a program that SIGPIPE ended


def reports_error(err: BaseException, debug: bool = False) -> None:
    """Turn ``err`` into one message on stderr and a click exit; click's own
    exceptions pass through. Raises the exit (or re-raises ``err`` under debug)."""
    from ..io.atomic import StreamError

    if isinstance(err, (click.exceptions.Exit, click.exceptions.Abort, _NO_ARGS_IS_HELP)):
        return  # click's own: an exit, or the help shown for a bare `graphkit`
    if isinstance(err, click.exceptions.UsageError):  # one line too, naming where help is
        where = err.ctx.command_path if err.ctx is not None else "graphkit"
        echo_error(f"graphkit: {escape_control(err.format_message())} (see '{where} --help')")
        raise click.exceptions.Exit(err.exit_code) from None
    if isinstance(err, click.exceptions.ClickException):
        echo_error(f"graphkit: {escape_control(err.format_message())}")
        raise click.exceptions.Exit(err.exit_code) from None
    if isinstance(err, EdgeSetError):
        show_problems(err.problems)
        raise click.exceptions.Exit(BAD_INPUT) from None
    if isinstance(err, ArgumentError):
        detail = err.detail
        echo_error(
            escape_control(f"graphkit: {flag(err.argument)}{'' if detail.startswith(':') else ' '}{detail}")
        )
        raise click.exceptions.Exit(BAD_INPUT) from None
    if isinstance(err, BrokenPipeError) or (isinstance(err, StreamError) and err.errno == errno.EPIPE):
        _silence_stdout()  # the reader left: stop quietly, as Unix tools do
        raise click.exceptions.Exit(BROKEN_PIPE) from None
    if isinstance(err, StreamError):
        _silence_stdout()
    if isinstance(err, GraphkitError):
        echo_error(escape_control(f"graphkit: {err}"))
        raise click.exceptions.Exit(BAD_INPUT) from None
    if isinstance(err, KeyboardInterrupt):
        echo_error("graphkit: interrupted: nothing written")
        raise click.exceptions.Exit(128 + signal.SIGINT) from None
    if isinstance(err, _Terminated):
        echo_error(f"graphkit: stopped by signal {err.signum}: nothing written")
        raise click.exceptions.Exit(128 + err.signum) from None
    if debug or not isinstance(err, Exception):
        return
    if isinstance(err, MemoryError):
        echo_error("graphkit: out of memory: the input is too large for this machine; filter it or split it")
        raise click.exceptions.Exit(BAD_INPUT) from None
    text = escape_control(f"{type(err).__name__}: {err}".splitlines()[0] if str(err) else type(err).__name__)
    echo_error(
        f"graphkit: internal error: {text} (run with GRAPHKIT_DEBUG=1 or --debug for the traceback; "
        "please report it)"
    )
    raise click.exceptions.Exit(INTERNAL_ERROR) from None


def echo_error(message: str) -> None:
    """One message on stderr; a closed stderr is not worth a second failure."""
    try:
        click.echo(message, err=True)
    except (OSError, ValueError):
        pass


@click.group(cls=GraphkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="graphkit")
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress messages (shown only when stderr is a terminal)."
)
@click.option(
    "--debug", is_flag=True, help="Show the traceback of an internal error (as GRAPHKIT_DEBUG=1 does)."
)
def main(quiet: bool, debug: bool) -> None:
    """Map alleged actions between actors as a graph, and measure it.

    EDGESET is a CSV file, a folder holding edges.csv, a bundled set's name
    (see `graphkit sets`), or - for standard input; omitted, it is the bundled
    essay. Data goes to standard output, messages to standard error.
    """


# The library names its parameters; the command line names its flags. Where the
# two differ, this table says so (otherwise size_by is --size-by).
FLAGS = {"fmt": "--format", "top_k": "--top-k"}


def flag(argument: str) -> str:
    """The command-line flag for a library parameter."""
    return FLAGS.get(argument, "--" + argument.replace("_", "-"))


def show_problems(problems) -> None:
    """Each problem on stderr as ``graphkit: FILE:LINE: message`` (at most MAX_PROBLEMS_SHOWN)."""
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        echo_error(f"graphkit: {escape_control(str(problem))}")
    if len(problems) > MAX_PROBLEMS_SHOWN:
        echo_error(
            f"graphkit: ... and {len(problems) - MAX_PROBLEMS_SHOWN} more problems: "
            "run 'graphkit validate' for all"
        )


def show_warnings(edge_set) -> None:
    """The edge set's warnings on stderr, as ``graphkit: warning: FILE:LINE: message``."""
    for warning in edge_set.warnings:
        echo_error(f"graphkit: warning: {escape_control(str(warning))}")


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


def _remember_safe_csv(context: click.Context, param, value: bool) -> bool:
    context.meta["graphkit.safe_csv"] = bool(value) or context.meta.get("graphkit.safe_csv", False)
    return value


safe_csv_option = click.option(
    "--safe-csv",
    is_flag=True,
    expose_value=False,
    callback=_remember_safe_csv,
    help="In CSV output, prefix ' to text cells a spreadsheet would run as a formula (=, +, -, @); "
    "off by default, as it changes the data (docs/security.md).",
)


def safe_csv() -> bool:
    """Whether --safe-csv was given."""
    return bool(click.get_current_context().meta.get("graphkit.safe_csv", False))


def table_text(frame, fmt: str):
    """A result table as text in ``fmt`` (in pieces), with --safe-csv applied."""
    from ..io.formatting import frame_chunks
    from ..schema import ReportFormat

    return frame_chunks(frame, cast(ReportFormat, fmt), safe_csv=safe_csv())


# -o report.csv without --format means CSV, as the file's name says
FORMAT_BY_SUFFIX = {".csv": "csv", ".json": "json", ".md": "markdown", ".markdown": "markdown"}


def _format_from_output(func):
    """Take --format from -o's file extension when --format is not given."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        context = click.get_current_context()
        output = kwargs.get("output") or "-"
        if context.get_parameter_source("fmt") is click.core.ParameterSource.DEFAULT and output != "-":
            kwargs["fmt"] = FORMAT_BY_SUFFIX.get(Path(output).suffix.lower(), kwargs["fmt"])
        return func(*args, **kwargs)

    return wrapper


def output_options(func):
    """--format, --safe-csv and -o/--output, shared by every command that prints a table.
    Without --format, ``-o NAME.csv``, ``.json`` or ``.md`` picks that format."""
    func = _format_from_output(func)
    func = output_option()(func)
    func = safe_csv_option(func)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "csv", "json", "markdown"]),
        default="table",
        show_default=True,
        help="Output format (without it, -o's extension .csv, .json or .md decides; else table).",
    )(func)


def progress_reporter():
    """Progress lines on stderr when it is a terminal and --quiet was not given."""
    from ..io.progress import StderrProgress

    context = click.get_current_context(silent=True)
    root = context.find_root() if context else None
    if root is not None and "graphkit.io.progress" in root.meta:
        return root.meta["graphkit.io.progress"]  # one clock for the whole command
    quiet = bool(root and root.params.get("quiet"))
    reporter = StderrProgress(sys.stderr, enabled=False if quiet else None)
    if root is not None:
        root.meta["graphkit.io.progress"] = reporter
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

    stdin = read_stdin(edges=True) if spec == "-" else None
    edge_set = load_edge_set(spec, stdin=stdin, progress=progress_reporter())
    show_warnings(edge_set)
    if edge_set.path is not None:
        remember_inputs(edge_set.path)
    return edge_set


def read_edge_set(spec, *, domain=(), since=None, until=None, actor=None):
    """Load EDGESET (reading standard input for -) and apply the shared filters."""
    from ..filters import filter_edges

    return filter_edges(load(spec), domain=domain, since=since, until=until, actor=actor)


def read_stdin(*, edges: bool = False, text: bool = True) -> bytes:
    """Standard input as bytes (click's binary stdin; also under CliRunner), read
    once and bounded (see :func:`graphkit.io.csvfile.read_input`); with ``edges``, a
    header without the required columns stops the reading at once."""
    from ..edgeset import check_edges_header
    from ..io.csvfile import read_input

    with click.open_file("-", "rb") as stream:
        return read_input(
            cast(BinaryIO, stream), "<stdin>", text=text, first_line=check_edges_header if edges else None
        )


def remember_inputs(*paths) -> None:
    """Note what this command reads, so that no output can replace it: each file,
    and for an edge set's folder every file the loader would read there
    (:data:`graphkit.edgeset.SET_FILES`), whether it exists yet or not."""
    from ..edgeset import EDGES_FILE, set_folder

    meta = click.get_current_context().meta
    inputs = meta.setdefault("graphkit.inputs", set())
    folders = meta.setdefault("graphkit.input_folders", set())
    for path in map(Path, paths):
        folder = set_folder(path)
        if folder is not None:
            folders.add(Path(os.path.realpath(folder)))
        inputs.add(Path(os.path.realpath(path / EDGES_FILE if path.is_dir() else path)))


def refuse_inputs(target: Path, shown: str) -> None:
    """Refuse an output (``target``: its real path) that this command reads, or that
    would become part of an input edge set (an actors.csv beside its edges.csv)."""
    from ..edgeset import SET_FILES

    context = click.get_current_context(silent=True)
    meta = context.meta if context is not None else {}
    if target in meta.get("graphkit.inputs", set()):
        raise GraphkitError(f"cannot write {shown}: it is one of this command's inputs; choose another path")
    if target.parent in meta.get("graphkit.input_folders", set()) and target.name in SET_FILES:
        raise GraphkitError(
            f"cannot write {shown}: graphkit reads {target.name} as part of the input edge set "
            f"{target.parent}; choose another path"
        )


def check_output(path) -> None:
    """Refuse an output path that is one of this command's inputs (checked again,
    with every other check, when the output is added)."""
    refuse_inputs(Path(os.path.realpath(os.fspath(path) or ".")), os.fspath(path))


def outputs():
    """This command's :class:`~graphkit.io.atomic.OutputSet` (written when it ends well)."""
    from ..io.atomic import OutputSet

    context = click.get_current_context()
    return context.meta.setdefault("graphkit.outputs", OutputSet(guard=refuse_inputs))


def write_now() -> None:
    """Write this command's outputs so far, before it prints what follows them."""
    _commit(click.get_current_context(), debug=False)


def write_output(path, data, *, make_parents: bool = False, announce=None) -> None:
    """Write ``data`` to the file ``path`` when the command ends well, with every
    other output or none (see :mod:`graphkit.io.atomic`); then ``announce(path)``
    (default: "wrote PATH" on stderr)."""
    outputs().add(path, data, make_parents=make_parents)
    click.get_current_context().meta.setdefault("graphkit.announce", []).append(
        announce or (lambda shown: echo_error(f"wrote {escape_control(shown)}"))
    )


def emit(data, output: str) -> None:
    """Write ``data`` (text as UTF-8, bytes, or pieces of text written one by one) to
    stdout, or to the file ``output``, when the command ends well (with its other
    outputs, all or nothing)."""
    if output == "-":
        outputs().add_stream(click.open_file("-", "wb"), data)
        return
    write_output(output, data)
