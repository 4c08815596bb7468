"""A starter edge set: a small valid folder to copy the format from (``graphkit init``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .checks import require_path
from .errors import GraphkitError
from .io.atomic import OutputSet
from .schema import ACTORS_FILE, DESCRIPTION_FILE, EDGES_FILE, SOURCE_FILE

__all__ = ["STARTER_FILES", "write_starter"]

#: The files of a starter edge set, in the order a newcomer edits them.
STARTER_FILES = (SOURCE_FILE, EDGES_FILE, ACTORS_FILE, DESCRIPTION_FILE)


def write_starter(folder: str | Path) -> list[Path]:
    """Write a small valid edge set into ``folder`` and return the files written.

    The set codes a four-sentence example text (``source.txt``): a taxonomy
    action (``tariff``, weight from the taxonomy), a row with its own weight
    (``retaliation`` at -4.5 instead of the taxonomy's -8.0), a taxonomy action
    with its CAMEO code filled in from the taxonomy (``criticism``), and an
    action outside the taxonomy coded by CAMEO (``talks``, CAMEO 040, weight 1).
    ``folder`` is created if needed; nothing is ever overwritten: if ``folder``
    is a file or holds any of :data:`STARTER_FILES`, a
    :class:`~graphkit.errors.GraphkitError` is raised and nothing is written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     [p.name for p in write_starter(Path(tmp) / "mine")]
    ['source.txt', 'edges.csv', 'actors.csv', 'description.txt']
    """
    require_path(folder, "folder")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise GraphkitError(
            f"cannot write a starter edge set into {folder}: it is a file; choose a new folder"
        )
    taken = [name for name in STARTER_FILES if (folder / name).exists()]
    if taken:
        raise GraphkitError(
            f"{folder / taken[0]} exists: graphkit init never overwrites a file; choose a new folder"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise GraphkitError(f"cannot create {folder}: {err.strerror}") from err
    data = resources.files("graphkit") / "data" / "starter"
    # one output set: every file whole or none (an error or a signal midway leaves
    # none of them, so init can run again); "exclusive": linked into place, never
    # renamed over a file that appeared meanwhile
    outputs = OutputSet()
    for name in STARTER_FILES:
        outputs.add(folder / name, (data / name).read_bytes(), exclusive=True)
    outputs.commit()
    return [folder / name for name in STARTER_FILES]
