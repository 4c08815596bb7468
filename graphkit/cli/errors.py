"""How a command fails: one line on stderr and an exit status, for graphkit's errors, click's, signals and a broken pipe."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sys
import threading

import click

from ..errors import ArgumentError, EdgeSetError, GraphkitError
from ..io.text import escape_control

MAX_PROBLEMS_SHOWN = 20


BAD_INPUT = 2


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: unwind (removing temporary files) and exit."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def terminating_raises():
    """SIGTERM and SIGHUP raise inside the command, as SIGINT does, so that every
    ``finally`` runs (temporary files are removed); restored afterwards."""

    def handler(signum, frame):
        raise Terminated(signum)

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
        detail = err.describe(flag)  # other parameters it names are flags here too
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
        echo_error(escape_control(f"graphkit: interrupted: {written_so_far()}"))
        raise click.exceptions.Exit(128 + signal.SIGINT) from None
    if isinstance(err, Terminated):
        echo_error(escape_control(f"graphkit: stopped by signal {err.signum}: {written_so_far()}"))
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


def written_so_far() -> str:
    """What this command has written, in words (``nothing written``, ``wrote a.txt``...):
    every output set's files since the command began (see
    :func:`graphkit.io.atomic.landed_log`), and a stream cut short."""
    from ..io.atomic import landed_log, written_text

    context = click.get_current_context(silent=True)
    meta = context.meta if context is not None else {}
    outputs = meta.get("graphkit.outputs")
    landed = landed_log()[meta.get("graphkit.log_mark", 0) :]
    cut_short = getattr(outputs, "cut_short", None)
    left = [o.shown for o in getattr(outputs, "outputs", []) if o.shown not in (*landed, cut_short)]
    return written_text(landed, cut_short, left if landed else [])


def echo_error(message: str) -> None:
    """One message on stderr, control characters shown as ``\\xHH`` (a folder or file
    name, an actor, text from a model never reaches the terminal raw: this is the one
    place messages pass); a closed stderr is not worth a second failure."""
    try:
        click.echo(escape_control(message, keep="\n"), err=True)
    except (OSError, ValueError):
        pass


# The library names its parameters; the command line names its flags. Where the
# two differ, this table says so (otherwise size_by is --size-by).
FLAGS = {"fmt": "--format", "top_k": "--top-k", "resamples": "--resample"}


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


def warn(message: str) -> None:
    """A warning the library returned, on stderr as ``graphkit: warning: message``."""
    echo_error(f"graphkit: warning: {escape_control(message)}")
