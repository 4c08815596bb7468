"""GDELT event exports (1.0 and 2.0) read into an edge set's edges table."""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from ..actions import cameo_labels
from ..checks import require_path
from ..errors import ArgumentError, EdgeSetError, GraphkitError, Problem
from ..io.csvfile import read_input
from ..schema import ID_CONTROL
from .unpack import MAX_UNPACKED_BYTES, unpacked

__all__ = [
    "MAX_UNPACKED_BYTES",
    "DROP_REASONS",
    "OUTPUT_COLUMNS",
    "GdeltImport",
    "edges_to_csv",
    "gdelt_versions",
    "read_gdelt",
]

OUTPUT_COLUMNS = [
    "id",
    "source",
    "target",
    "action",
    "weight",
    "cameo",
    "date",
    "document",
    "mentions",
    "tone",
]

#: Why a row is not kept, in the order reports list them.
DROP_REASONS = ("malformed", "missing", "same", "duplicate")


@cache
def _columns(version: str) -> tuple[str, ...]:
    text = (resources.files("graphkit") / "data" / f"gdelt{version}_event_columns.txt").read_text("utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@cache
def gdelt_versions() -> dict[int, tuple[str, tuple[str, ...]]]:
    """Field count -> (version label, column names) for the three row layouts."""
    v1, v2 = _columns("1"), _columns("2")
    return {
        len(v2): (f"GDELT 2.0 ({len(v2)} fields)", v2),
        len(v1): (f"GDELT 1.0 ({len(v1)} fields)", v1),
        len(v1) - 1: (f"GDELT 1.0 before April 2013 ({len(v1) - 1} fields, no SOURCEURL)", v1[:-1]),
    }


@dataclass(frozen=True)
class GdeltImport:
    """The result of reading GDELT files.

    ``edges`` has the columns of OUTPUT_COLUMNS, all strings, one row per kept event.
    ``read`` counts the non-blank lines read, ``versions`` the lines of each layout
    (by field count), ``dropped`` maps each reason of DROP_REASONS to a count, and
    ``problems`` pins each malformed line to FILE:LINE. ``read == kept + sum(dropped)``.
    """

    edges: pd.DataFrame
    files: int
    read: int
    versions: dict[str, int]
    dropped: dict[str, int]
    problems: list[Problem] = field(default_factory=list)
    endpoint: str = "country code"

    @property
    def kept(self) -> int:
        """How many events were kept (the rows of ``edges``)."""
        return len(self.edges)

    def to_frame(self) -> pd.DataFrame:
        """The kept events: ``edges``."""
        return self.edges.copy()

    def to_dict(self) -> dict:
        """The counts as JSON-ready data: ``files``, ``read``, ``kept``, ``versions``,
        ``dropped`` and ``problems`` (as ``FILE:LINE: message`` text)."""
        return {
            "files": self.files,
            "read": self.read,
            "kept": self.kept,
            "versions": dict(self.versions),
            "dropped": dict(self.dropped),
            "problems": [str(p) for p in self.problems],
        }

    def drop_reason_text(self, reason: str) -> str:
        """A reason of DROP_REASONS in words."""
        return {
            "malformed": "malformed rows (listed above)",
            "missing": f"no {self.endpoint} for Actor1 or Actor2",
            "same": f"same {self.endpoint} on both sides",
            "duplicate": "GLOBALEVENTID already read (repeated event)",
        }[reason]


def _lines(data: bytes) -> pd.Series:
    """The physical lines of ``data`` (index = line number from 1), blank lines left out."""
    text = data.decode("utf-8", errors="replace")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    series = pd.Series(lines, index=np.arange(1, len(lines) + 1), dtype=object).str.removesuffix("\r")
    return series[series.str.strip() != ""]


_USED = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2CountryCode",
    "EventCode",
    "GoldsteinScale",
    "NumMentions",
    "AvgTone",
    "SOURCEURL",
)


def _split(lines: pd.Series, columns: tuple[str, ...]) -> pd.DataFrame:
    """The fields graphkit uses of ``lines`` (each with one field per name in ``columns``),
    as string columns labelled by position."""
    used = [i for i, name in enumerate(columns) if name in _USED]
    frame = tab_fields(lines.tolist(), len(columns), used)
    frame.index = lines.index
    return frame


def tab_fields(lines: list[str], width: int, used: list[int]) -> pd.DataFrame:
    """The fields at positions ``used`` of tab-separated ``lines`` of ``width`` fields,
    as text columns labelled by position: pandas' C reader, or an exact split where it
    merged or split lines (a quote or a carriage return inside a field). Used by
    import-gdelt and by verify's GDELT record alike."""
    frame = pd.read_csv(
        io.StringIO("\n".join(lines)),
        sep="\t",
        header=None,
        names=list(range(width)),
        usecols=used,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        quoting=csv.QUOTE_NONE,
        skip_blank_lines=False,
        engine="c",
    )
    if len(frame) != len(lines):  # the C reader merged or split lines: fall back to exact splitting
        frame = pd.DataFrame([line.split("\t") for line in lines], dtype=str)[used]
    return frame


def _not_gdelt(name: str, lines: pd.Series) -> GraphkitError:
    first = lines.iloc[0]
    tabs = first.count("\t") + 1
    commas = first.count(",") + 1
    found = f"{tabs} tab-separated fields" if tabs > 1 or commas == 1 else f"{commas} comma-separated fields"
    expected = ", ".join(str(w) for w in sorted(gdelt_versions()))
    return GraphkitError(
        f"{name}: not a GDELT event export: no line has the {expected} tab-separated fields of "
        f"GDELT 1.0/2.0 events (line {lines.index[0]} has {found}); give GDELT's *.export.CSV "
        "files (plain, .zip or .gz)"
    )


def _check(rows: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    """Per row, the first thing wrong with it ("" when nothing is)."""
    at = {name: i for i, name in enumerate(columns)}
    problem = pd.Series("", index=rows.index, dtype=object)

    def flag(mask: pd.Series, message) -> None:
        fresh = mask & (problem == "")
        if fresh.any():
            problem.loc[fresh] = [message(i) for i in rows.index[fresh]]

    event_id = rows[at["GLOBALEVENTID"]]
    flag(~event_id.str.fullmatch(r"\d+"), lambda i: f"GLOBALEVENTID {event_id[i]!r} is not a whole number")
    sqldate = rows[at["SQLDATE"]]
    real_date = pd.to_datetime(
        sqldate.where(sqldate.str.fullmatch(r"\d{8}")), format="%Y%m%d", errors="coerce"
    )
    flag(real_date.isna(), lambda i: f"SQLDATE {sqldate[i]!r} is not a date in YYYYMMDD form")
    code = rows[at["EventCode"]]
    flag(~code.isin(list(cameo_labels())), lambda i: f"EventCode {code[i]!r} is not a CAMEO event code")
    goldstein_text = rows[at["GoldsteinScale"]]
    goldstein = pd.to_numeric(goldstein_text.where(goldstein_text != ""), errors="coerce").astype(float)
    flag(
        ~(np.isfinite(goldstein) & (goldstein.abs() <= 10)),
        lambda i: f"GoldsteinScale {goldstein_text[i]!r} is not a number from -10 to 10",
    )
    mentions = rows[at["NumMentions"]]
    flag(~mentions.str.fullmatch(r"\d+"), lambda i: f"NumMentions {mentions[i]!r} is not a whole number")
    tone_text = rows[at["AvgTone"]]
    tone = pd.to_numeric(tone_text.where(tone_text != ""), errors="coerce").astype(float)
    flag(~np.isfinite(tone), lambda i: f"AvgTone {tone_text[i]!r} is not a number")
    return problem


def _events(rows: pd.DataFrame, columns: tuple[str, ...], actor_codes: bool, fallback: bool) -> pd.DataFrame:
    """The output columns for well-formed ``rows`` of one layout."""
    at = {name: i for i, name in enumerate(columns)}
    kind = "Code" if actor_codes else "CountryCode"
    source = rows[at[f"Actor1{kind}"]].str.strip()
    target = rows[at[f"Actor2{kind}"]].str.strip()
    if fallback and not actor_codes:
        source = source.where(source != "", rows[at["Actor1Code"]].str.strip())
        target = target.where(target != "", rows[at["Actor2Code"]].str.strip())
    code = rows[at["EventCode"]]
    sqldate = rows[at["SQLDATE"]]
    return pd.DataFrame(
        {
            "id": rows[at["GLOBALEVENTID"]],
            "source": source,
            "target": target,
            "action": code.map(cameo_labels()),
            "weight": pd.to_numeric(rows[at["GoldsteinScale"]]).astype(float).map(repr),
            "cameo": code,
            "date": sqldate.str[:4] + "-" + sqldate.str[4:6] + "-" + sqldate.str[6:8],
            "document": rows[at["SOURCEURL"]].str.strip() if "SOURCEURL" in at else "",
            "mentions": rows[at["NumMentions"]],
            "tone": rows[at["AvgTone"]],
        },
        index=rows.index,
    )


def _read_one(name: str, data: bytes, actor_codes: bool, fallback: bool):
    lines = _lines(data)
    if lines.empty:
        raise GraphkitError(f"{name}: file is empty: give a GDELT event export with one event per line")
    widths = lines.str.count("\t") + 1
    layouts = gdelt_versions()
    if not widths.isin(list(layouts)).any():
        raise _not_gdelt(name, lines)
    problems: list[Problem] = []
    expected = ", ".join(str(w) for w in sorted(layouts))
    for line in lines.index[~widths.isin(list(layouts))]:
        problems.append(
            Problem(name, int(line), f"expected {expected} tab-separated fields, found {widths[line]}")
        )
    versions: dict[str, int] = {}
    parts = []
    for width, (label, columns) in sorted(layouts.items(), reverse=True):
        chosen = lines[widths == width]
        if chosen.empty:
            continue
        versions[label] = len(chosen)
        rows = _split(chosen, columns)
        wrong = _check(rows, columns)
        problems += [Problem(name, int(line), message) for line, message in wrong[wrong != ""].items()]
        parts.append(_events(rows[wrong == ""], columns, actor_codes, fallback))
    events = pd.concat(parts).sort_index() if parts else pd.DataFrame(columns=OUTPUT_COLUMNS)
    events.insert(0, "_file", name)
    events["_line"] = events.index.to_numpy()
    return events.reset_index(drop=True), len(lines), versions, sorted(problems, key=lambda p: p.line or 0)


def _read_input(path: str | Path, stdin: bytes | None) -> tuple[str, bytes]:
    if str(path) == "-":
        if stdin is None:
            raise ArgumentError("stdin", "is needed to read '-': give standard input's bytes")
        return "<stdin>", stdin
    return str(path), read_input(path, str(path), text=False)


def _paths(paths) -> list[str | Path]:
    """``paths`` as a list: one path (str or PathLike) or a sequence of them."""
    if isinstance(paths, (str, os.PathLike)):
        require_path(paths, "paths")
        return [paths if isinstance(paths, str) else Path(paths)]  # one file, never its characters
    if isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Sequence):
        raise ArgumentError(
            "paths", f"must be a path or a list of paths, not {type(paths).__name__}: e.g. ['events.csv']"
        )
    for path in paths:
        if not isinstance(path, (str, os.PathLike)):
            raise ArgumentError(
                "paths", f"holds {path!r} ({type(path).__name__}): give file paths as str or Path"
            )
        require_path(path, "paths")  # not empty, no NUL character
    return [p if isinstance(p, str) else Path(p) for p in paths]


def read_gdelt(
    paths: Sequence[str | Path],
    *,
    actor_codes: bool = False,
    fallback_actor_codes: bool = False,
    strict: bool = False,
    stdin: bytes | None = None,
    max_unpacked: int = MAX_UNPACKED_BYTES,
) -> GdeltImport:
    """Read GDELT event exports into edges, one per event between two different actors.

    Each file may be plain, gzip or zip (detected from its first bytes); ``-`` reads
    ``stdin``. Each line is tab-separated with no header; its field count tells its
    layout: 61 = GDELT 2.0, 58 = GDELT 1.0, 57 = GDELT 1.0 before April 2013 (no
    SOURCEURL). ``source``/``target`` are Actor1/Actor2CountryCode, or Actor1/Actor2Code
    with ``actor_codes``; with ``fallback_actor_codes`` a missing country code is
    replaced by the actor's code (e.g. ``GOV``). ``action`` is the CAMEO label of
    EventCode, ``weight`` GoldsteinScale, ``date`` SQLDATE as YYYY-MM-DD, ``id``
    GLOBALEVENTID, ``document`` SOURCEURL, ``mentions`` NumMentions, ``tone`` AvgTone.

    Rows missing an endpoint, with the same endpoint on both sides (an edge links two
    different actors) or repeating an already read GLOBALEVENTID are dropped and
    counted. Malformed rows (wrong field count, bad number, date or CAMEO code) are
    skipped and listed in ``problems``; with ``strict`` they raise
    :class:`~graphkit.errors.EdgeSetError` instead. A file with no line of a GDELT
    layout raises :class:`~graphkit.errors.GraphkitError`.

    ``paths`` is one path or a sequence of paths. A compressed file is unpacked in
    blocks, a zip one member at a time, and refused once the file as a whole (all its
    members together) passes ``max_unpacked`` bytes.
    """
    paths = _paths(paths)
    if not paths:
        raise ArgumentError("paths", "is empty: give one or more GDELT event files")
    if isinstance(max_unpacked, bool) or not isinstance(max_unpacked, int) or max_unpacked < 1:
        raise ArgumentError("max_unpacked", f"{max_unpacked!r}: give a positive number of bytes")
    if stdin is not None and not isinstance(stdin, (bytes, bytearray)):
        raise ArgumentError("stdin", f"must be bytes, not {type(stdin).__name__}: pass data.encode()")
    frames, problems = [], []
    read = 0
    versions: dict[str, int] = {}
    files = 0
    for path in paths:
        name, data = _read_input(path, stdin)
        for member, text in unpacked(data, name, max_unpacked):
            events, count, layout_counts, found = _read_one(member, text, actor_codes, fallback_actor_codes)
            files += 1
            frames.append(events)
            problems += found
            read += count
            for label, n in layout_counts.items():
                versions[label] = versions.get(label, 0) + n
    events = pd.concat(frames, ignore_index=True)
    unreadable = _unreadable(events, "actor code" if actor_codes else "country code")
    if unreadable:
        order = {name: k for k, name in enumerate(dict.fromkeys(events["_file"]))}
        problems = sorted(
            problems + list(unreadable.values()), key=lambda p: (order.get(p.file, -1), p.line or 0)
        )
        events = events.drop(index=list(unreadable)).reset_index(drop=True)
    if strict and problems:
        raise EdgeSetError(
            [
                Problem(
                    p.file,
                    p.line,
                    f"malformed GDELT row: {p.message}; fix or remove the line, "
                    "or let graphkit skip malformed rows (not strict)",
                )
                for p in problems
            ]
        )
    missing = (events["source"] == "") | (events["target"] == "")
    same = ~missing & (events["source"] == events["target"])
    usable = ~missing & ~same
    duplicate = pd.Series(False, index=events.index)
    duplicate[usable] = events.loc[usable, "id"].duplicated(keep="first")
    kept = events[usable & ~duplicate]
    dropped = {
        "malformed": len(problems),
        "missing": int(missing.sum()),
        "same": int(same.sum()),
        "duplicate": int(duplicate.sum()),
    }
    return GdeltImport(
        edges=kept[OUTPUT_COLUMNS].reset_index(drop=True).astype(str),
        files=files,
        read=read,
        versions=versions,
        dropped=dropped,
        problems=problems,
        endpoint="actor code" if actor_codes else "country code",
    )


def _unreadable(events: pd.DataFrame, endpoint: str) -> dict[int, Problem]:
    """Rows whose edge graphkit would refuse to read back, by position: an actor id
    holding a control character, any field holding a NUL byte, or an id spelt
    another way (case aside) than the same actor earlier in the import."""
    found: dict[int, Problem] = {}

    def flag(mask, message) -> None:
        for position in np.flatnonzero(np.asarray(mask, dtype=bool)):
            if position not in found:
                row = events.iloc[position]
                found[int(position)] = Problem(row["_file"], int(row["_line"]), message(row))

    for column in ("source", "target"):
        flag(
            events[column].str.contains(ID_CONTROL, regex=True),
            lambda row, c=column: f"{endpoint} {row[c]!r} holds a control character",
        )
    for column in OUTPUT_COLUMNS:
        if column not in ("source", "target"):
            flag(
                events[column].astype(str).str.contains("\x00", regex=False),
                lambda row: "a field holds a NUL byte",
            )
    # the first spelling of each actor (NFC, case folded) stands; a later one would make
    # validate refuse the file ("differs only by case")
    ids = pd.concat([events["source"], events["target"]], ignore_index=True)
    distinct = pd.unique(ids[ids != ""])
    keys = {i: unicodedata.normalize("NFC", i).strip().casefold() for i in distinct}
    if len(set(keys.values())) < len(keys):
        first: dict[str, tuple[str, str]] = {}
        columns = (events[name].tolist() for name in ("source", "target", "_file", "_line"))
        for position, (source, target, file, line) in enumerate(zip(*columns)):
            for actor in (source, target):
                if actor == "" or position in found:
                    continue
                spelling = unicodedata.normalize("NFC", actor)
                spelt, at = first.setdefault(keys[actor], (spelling, f"{file}:{line}"))
                if spelling != spelt:
                    found[position] = Problem(
                        file, int(line), f"{endpoint} {actor!r} differs from {spelt!r} ({at}) only by case"
                    )
    return found


def edges_to_csv(edges: pd.DataFrame, *, safe_csv: bool = False) -> str:
    """``edges`` as an edge-set CSV file (header, one row per edge, ``\\n`` line ends),
    written by graphkit's one CSV writer, so that it reads back identically (a
    carriage return inside a field is quoted)."""
    from ..io.formatting import format_frame

    return format_frame(edges.astype(str), "csv", exact=True, safe_csv=safe_csv)
