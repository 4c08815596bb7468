"""Draft an edge set from a text, and write it as an edge-set folder."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import schema
from ..actors import infer_actors
from ..checks import require_instance, require_optional_str, require_path
from ..edgeset import ACTORS_FILE, EDGES_FILE, SOURCE_FILE, EdgeSet
from ..errors import ArgumentError, GraphkitError
from ..io.atomic import OutputSet, new_mode, note_landed, signals_held, temp_prefix
from ..io.csvfile import read_csv_bytes
from ..schema import DESCRIPTION_FILE, EDGE_COLUMNS, LOW_CONFIDENCE
from ..validation import check_actors, check_edges, check_quotes
from .gazetteer import ROLES, Gazetteer, load_gazetteer, role_name
from .rules_alg import Draft, Skipped, extract_rules

__all__ = ["DRAFT_COLUMNS", "LOW_CONFIDENCE", "ExtractResult", "extract_edge_set", "write_draft"]

DRAFT_COLUMNS = [*EDGE_COLUMNS, *schema.DRAFT_COLUMNS]


@dataclass(frozen=True)
class ExtractResult:
    """A drafted edge set and what the extractor saw but did not code.

    ``edge_set`` is valid (its quotes are in ``edge_set.source_text``); its edges carry
    ``confidence`` (0-1), ``rule`` (the rule or model that produced the row) and
    ``status`` = ``draft``. ``skipped`` lists acts named in the text but not coded
    (negated, an opinion, only one actor), ``dropped`` model rows refused and why.
    """

    edge_set: EdgeSet
    skipped: list[Skipped]
    dropped: list[str]
    edges_csv: str
    actors_csv: str

    def to_frame(self) -> pd.DataFrame:
        """The drafted edges: ``edge_set.edges``."""
        return self.edge_set.edges.copy()

    def to_dict(self) -> dict:
        """What was drafted and left out, as JSON-ready data: ``edges`` (count),
        ``skipped`` (``sentence``, ``phrase``, ``reason`` each) and ``dropped``."""
        return {
            "edges": len(self.edge_set.edges),
            "skipped": [dataclasses.asdict(s) for s in self.skipped],
            "dropped": list(self.dropped),
        }


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows(rows)
    return out.getvalue()


def _actor_rows(ids: list[str], gazetteer: Gazetteer) -> list[list[str]]:
    inferred = infer_actors(sorted({*ids, *(a[:3] for a in ids)})).set_index("id")
    names = gazetteer.names
    rows = [["id", "name", "kind", "group"]]
    for actor in ids:
        name, kind = inferred.at[actor, "name"], inferred.at[actor, "kind"]
        role = role_name(actor, dict(zip(inferred.index, inferred["name"])))
        if role is not None:  # "JPNBUS": Japan's firms (the codebook's role codes)
            rows.append([actor, role, ROLES[actor[3:]][1], ""])
            continue
        if kind == "other" or actor in gazetteer.display:  # not a country: what the gazetteer says
            name, kind = names.get(actor, actor), gazetteer.kind(actor)
            kind = kind if kind in ("state", "bloc", "company", "person", "other") else "other"
        rows.append([actor, name, kind, ""])
    return rows


def build_edge_set(
    text: str, drafts: list[Draft], gazetteer: Gazetteer, *, name: str = "draft", description: str = ""
) -> tuple[EdgeSet, str, str]:
    """A validated EdgeSet from drafted rows, with the edges and actors CSV text."""
    rows = [DRAFT_COLUMNS]
    for number, d in enumerate(drafts, start=1):
        rows.append(
            [
                f"x{number:03d}",
                d.source,
                d.target,
                d.action,
                "",
                d.cameo,
                "",
                d.date,
                d.quote,
                f"{d.confidence:.2f}",
                d.rule,
                "draft",
            ]
        )
    ids = sorted({d.source for d in drafts} | {d.target for d in drafts})
    edges_csv, actors_csv = _csv(rows), _csv(_actor_rows(ids, gazetteer))
    if not drafts:
        empty = pd.DataFrame(columns=[c for c in DRAFT_COLUMNS])
        return (
            EdgeSet(name, empty, pd.DataFrame(columns=["id", "name", "kind", "group"]), description, text),
            edges_csv,
            actors_csv,
        )
    table = read_csv_bytes(edges_csv.encode("utf-8"), EDGES_FILE)
    edges, problems = check_edges(table, EDGES_FILE)
    actors, actor_problems = check_actors(
        read_csv_bytes(actors_csv.encode("utf-8"), ACTORS_FILE), ACTORS_FILE
    )
    problems += actor_problems
    if edges is not None:
        problems += check_quotes(edges, table.lines, text, EDGES_FILE, SOURCE_FILE)
    if problems or edges is None:  # a bug of ours, not the user's: say so plainly
        raise GraphkitError(
            "the draft failed validation (please report this): " + "; ".join(map(str, problems))
        )
    edges["confidence"] = edges["confidence"].astype(float)
    edge_set = EdgeSet(
        name=name, edges=edges, actors=actors, description=description, source_text=text, lines=table.lines
    )
    return edge_set, edges_csv, actors_csv


def extract_edge_set(
    text: str,
    *,
    gazetteer: Gazetteer | str | Path | None = None,
    model: str | None = None,
    name: str = "draft",
) -> ExtractResult:
    """Draft an edge set from ``text``: the acts it alleges between actors, for a person to review.

    Parameters
    ----------
    text : str
        The article or essay.
    gazetteer : Gazetteer, str or Path, optional
        A loaded gazetteer, or a CSV file of extra aliases (``alias,actor,kind``) added to
        graphkit's own; default graphkit's own.
    model : str, optional
        An ``llm`` model name: rows come from that model instead of the rules, and are kept
        only when their quote is in the text (needs ``graphkit[llm]``).
    name : str
        The edge set's name.

    Returns
    -------
    ExtractResult

    Examples
    --------
    >>> r = extract_edge_set("Canada accused Mexico of dumping steel.")
    >>> r.edge_set.edges[["source", "target", "action", "quote", "confidence"]].values.tolist()
    [['CAN', 'MEX', 'accusation', 'Canada accused Mexico of dumping steel', 0.9]]
    """
    if not isinstance(text, str):
        hint = ": decode it first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray)) else ""
        raise ArgumentError("text", f"must be str, not {type(text).__name__}{hint}")
    require_optional_str(model, "model")
    require_optional_str(name, "name")
    if not isinstance(text, str):
        raise ArgumentError("text", f": expected str, got {type(text).__name__}")
    if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
        require_path(gazetteer, "gazetteer")  # named as this function's parameter, not load_gazetteer's
    gaz = gazetteer if isinstance(gazetteer, Gazetteer) else load_gazetteer(gazetteer)
    dropped: list[str] = []
    if model is None:
        drafts, skipped = extract_rules(text, gaz)
        how = "graphkit's rule-based extractor (offline)"
    else:
        from .model import extract_with_model

        drafts, dropped = extract_with_model(text, model, gaz)
        skipped = []
        how = f"the language model {model!r} through llm, quotes checked against the text"
    description = (
        f"Draft edge set of {len(drafts)} row(s), made by {how}; review every row before use\n\n"
        "Rows carry confidence (0-1), rule (what produced them) and status=draft. "
        "Weights come from CAMEO codes and graphkit's taxonomy.\n"
    )
    if skipped:
        # the reviewer reads what the rules saw and left out, with the sentence to find it by
        description += f"\nNamed but not coded ({len(skipped)}): read these sentences too\n"
        description += "".join(
            f'- sentence {s.sentence + 1}: {s.reason}: {s.phrase!r} in "{s.text}"\n' for s in skipped
        )
    edge_set, edges_csv, actors_csv = build_edge_set(text, drafts, gaz, name=name, description=description)
    return ExtractResult(edge_set, skipped, dropped, edges_csv, actors_csv)


def write_draft(result: ExtractResult, output: str | Path) -> Path:
    """Write ``result`` as an edge-set folder (source.txt, edges.csv, actors.csv,
    description.txt) at ``output``, which must not exist or be an empty folder. The files
    are written into a temporary folder beside it, which then takes its name: a reader
    sees no folder or the whole draft.

    Raises
    ------
    ArgumentError
        When ``output`` is a file or a non-empty folder, or its parent folder is missing.
    GraphkitError
        When the draft has no rows, or the folder cannot be written.
    """
    require_instance(result, "result", ExtractResult, "make one with extract_edge_set(text)")
    require_path(output, "output")
    folder = Path(output)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ArgumentError(
            "output", f"{str(folder)!r} exists and is not an empty folder: choose a new folder"
        )
    if not folder.resolve().parent.is_dir():
        raise ArgumentError(
            "output", f"{str(folder)!r}: folder {str(folder.parent)!r} does not exist; create it first"
        )
    if len(result.edge_set.edges) == 0:
        raise GraphkitError(
            "no act between two named actors was found in the text, so there is no draft to write"
        )
    try:
        staging = Path(tempfile.mkdtemp(dir=folder.resolve().parent, prefix=temp_prefix(folder.name)))
    except OSError as err:
        raise GraphkitError(f"cannot write {folder}: {err.strerror}") from err
    try:
        files = OutputSet(log=False)  # what lands is the folder, below
        files.add(staging / SOURCE_FILE, result.edge_set.source_text or "")
        files.add(staging / ACTORS_FILE, result.actors_csv)
        files.add(staging / DESCRIPTION_FILE, result.edge_set.description)
        files.add(staging / EDGES_FILE, result.edges_csv)
        files.commit()
        os.chmod(staging, new_mode(folder=True))  # mkdtemp's 0700 -> as mkdir would make it
        with signals_held():  # the folder lands, and is said to have landed, or neither
            if folder.exists():
                folder.rmdir()  # empty, checked above
            os.rename(staging, folder)
            note_landed(str(folder))
    except BaseException as err:
        with signals_held():  # a second signal must not stop the removal midway
            shutil.rmtree(staging, ignore_errors=True)
        if isinstance(err, OSError):
            raise GraphkitError(f"cannot write {folder}: {err.strerror}") from err
        raise
    return folder
