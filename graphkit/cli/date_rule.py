"""The date rule on the command line: --overlap and --undated, and what the filters left out."""

from __future__ import annotations

import click

from ..schema import UNDATED
from .errors import echo_error  # the one message sanitiser

SINCE_HELP = (
    "Keep actions whose dates lie wholly on or after DATE (YYYY[-MM[-DD]]; a row dated 2024 "
    "covers all of 2024). See --overlap and --undated, and docs/time.md."
)
UNTIL_HELP = "Keep actions whose dates lie wholly on or before DATE (a bound 2024-03 ends on 2024-03-31)."


def _remember(context: click.Context, param: click.Parameter, value):
    context.meta[f"graphkit.{param.name}"] = value
    return value


def date_rule_options(func):
    """--overlap and --undated, kept in the context (every command with --since has them)."""
    func = click.option(
        "--undated",
        type=click.Choice(UNDATED),
        default="drop",
        show_default=True,
        expose_value=False,
        callback=_remember,
        help="What --since/--until do with undated actions: drop them (standard error says how "
        "many) or keep them.",
    )(func)
    return click.option(
        "--overlap",
        is_flag=True,
        expose_value=False,
        callback=_remember,
        help="With --since/--until, keep an action whose dates overlap the bounds (default: only "
        "one whose dates lie wholly inside them).",
    )(func)


def date_rule() -> dict:
    """The date rule's keyword arguments for :func:`graphkit.filters.filter_edges`."""
    meta = click.get_current_context().meta
    return {
        "overlap": bool(meta.get("graphkit.overlap", False)),
        "undated": meta.get("graphkit.undated") or "drop",
    }


def _actions(count: int) -> str:
    return f"{count} action{'' if count == 1 else 's'}"


def show_date_filter(edge_set, label: str = "") -> None:
    """Say on stderr what the date filters left out of ``edge_set`` (nothing if they did not run)."""
    report = getattr(edge_set, "date_filter", None)
    if report is None:
        return
    by = " and ".join(f"--{name}" for name in report.bounds)
    where = f" of {label}" if label else ""
    if report.undated and report.kept_undated:
        noun = _actions(report.undated).split(" ", 1)[1]
        echo_error(f"graphkit: {report.undated} undated {noun}{where} kept by --undated keep")
    elif report.undated:
        noun = _actions(report.undated).split(" ", 1)[1]
        echo_error(
            f"graphkit: warning: {report.undated} undated {noun}{where} left out by {by} "
            "(use --undated keep to count them)"
        )
    if report.straddling and not report.overlap:
        echo_error(
            f"graphkit: warning: {_actions(report.straddling)}{where} dated partly outside {by} left out "
            "(use --overlap to keep them)"
        )
    elif report.straddling:
        echo_error(
            f"graphkit: {_actions(report.straddling)}{where} dated partly outside {by} kept by --overlap"
        )
    if report.outside:
        echo_error(f"graphkit: {_actions(report.outside)}{where} dated outside {by} left out")
