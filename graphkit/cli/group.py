"""The command group: every command passes through it."""

from __future__ import annotations

import os

import click

from .. import __version__
from .errors import reports_error, terminating_raises
from .output import commit_outputs, refuse_inputs


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
        from ..io.atomic import OutputSet, landed_log

        ctx.meta["graphkit.outputs"] = OutputSet(guard=refuse_inputs)
        ctx.meta["graphkit.log_mark"] = len(landed_log())  # what this command writes comes after
        ctx.meta["graphkit.announce"] = []
        debug = bool(ctx.params.get("debug")) or os.environ.get("GRAPHKIT_DEBUG", "") not in ("", "0")
        with terminating_raises():
            try:
                result = super().invoke(ctx)
            except click.exceptions.Exit as done:
                if done.exit_code in (0, 1):  # a finished command (diff --exit-code): its outputs stand
                    commit_outputs(ctx, debug)
                raise
            except BaseException as err:
                ctx.meta["graphkit.outputs"].discard()
                reports_error(err, debug)
                raise
            commit_outputs(ctx, debug)
            return result


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
