"""Output guarding: a command's outputs are written together when it ends well, never over one of its inputs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import cast

import click

from ..errors import GraphkitError
from ..io.text import escape_control
from .errors import echo_error, reports_error


def commit_outputs(ctx: click.Context, debug: bool) -> None:
    try:
        written = ctx.meta["graphkit.outputs"].commit()
    except BaseException as err:
        reports_error(err, debug)
        raise
    for path, announce in zip(written, ctx.meta["graphkit.announce"]):
        announce(path)


def remember_safe_csv(context: click.Context, param, value: bool) -> bool:
    context.meta["graphkit.safe_csv"] = bool(value) or context.meta.get("graphkit.safe_csv", False)
    return value


def safe_csv() -> bool:
    """Whether --safe-csv was given."""
    return bool(click.get_current_context().meta.get("graphkit.safe_csv", False))


def table_text(frame, fmt: str):
    """A result table as text in ``fmt`` (in pieces), with --safe-csv applied."""
    from ..io.formatting import frame_chunks
    from ..schema import ReportFormat

    return frame_chunks(frame, cast(ReportFormat, fmt), safe_csv=safe_csv())


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
    commit_outputs(click.get_current_context(), debug=False)


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
