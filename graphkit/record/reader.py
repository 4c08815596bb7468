"""read_record: event files of any supported format read, block by block, into one Record."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..bundled import bundled_sets
from ..checks import require_callable
from ..errors import ArgumentError, EdgeSetError, GraphkitError, Problem
from ..io.progress import Progress
from .countries import roll_up_series
from .form import RECORD_COLUMNS, Record, empty_events
from .gdelt_events import GDELT_WIDTHS, looks_like_gdelt
from .gdelt_fast import gdelt_chunks, read_chunk
from .icews import icews_block, icews_columns, looks_like_icews
from .lines import BLOCK_LINES, DAMAGED, damaged, head_of, line_blocks, texts
from .polecat import looks_like_polecat, polecat_block, polecat_columns
from .tables import header_of

__all__ = ["DROP_REASONS", "read_record"]

#: Why a usable row is not an event between two countries, in the order reports list them.
DROP_REASONS = {
    "no_country": "no country for one side",
    "same_country": "the same country on both sides",
    "duplicate": "event id already read (overlapping files)",
}


class _Coverage:
    """The dates of every usable row read: per day (days since 1970-01-01), the rows
    whose date covers it (a row dated to a month or a year covers each of its days)."""

    def __init__(self) -> None:
        self.days: dict[int, int] = {}
        self.spans: dict[tuple[int, int], int] = {}

    def add(self, start: pd.Series, end: pd.Series) -> None:
        first = start.to_numpy(dtype="datetime64[D]")
        last = end.to_numpy(dtype="datetime64[D]")
        dated = ~np.isnat(first)
        first, last = first[dated].astype(np.int64), last[dated].astype(np.int64)
        last = np.maximum(first, last)
        if (first == last).all():  # event data: one day each, and a 1-D unique is far faster
            days, counts = np.unique(first, return_counts=True)
            spans = np.stack([days, days], axis=1)
        else:
            spans, counts = np.unique(np.stack([first, last], axis=1), axis=0, return_counts=True)
        for (a, b), count in zip(spans.tolist(), counts.tolist()):
            self.spans[(a, b)] = self.spans.get((a, b), 0) + count
            for day in range(a, b + 1):
                self.days[day] = self.days.get(day, 0) + count

    def bounds(self) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
        if not self.days:
            return None, None
        return (
            pd.Timestamp(np.datetime64(min(self.days), "D")),
            pd.Timestamp(np.datetime64(max(self.days), "D")),
        )


def _pair_keys(source: pd.Series, target: pd.Series) -> pd.Series:
    low = source.where(source <= target, target)
    high = target.where(source <= target, source)
    return low + "|" + high


def _pair_list(pairs) -> list[tuple[str, str]]:
    """``pairs`` as (country, country) tuples, or an ArgumentError naming ``pairs``."""
    try:
        given = list(pairs)
        if not all(isinstance(p, (tuple, list)) and len(p) == 2 for p in given):
            raise TypeError
    except TypeError:
        raise ArgumentError(
            "pairs", f"must be a list of (country, country) pairs such as [('USA', 'CAN')], not {pairs!r}"
        ) from None
    return [(str(a), str(b)) for a, b in given]


def _paths(paths) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    if not isinstance(paths, Sequence) or isinstance(paths, (bytes, bytearray)):
        raise ArgumentError("record", f"must be a path or a list of paths, not {type(paths).__name__}")
    out = []
    for path in paths:
        if not isinstance(path, (str, os.PathLike)):
            raise ArgumentError("record", f"holds {path!r} ({type(path).__name__}): give file paths")
        out.append(os.fspath(path))
    if not out:
        raise ArgumentError(
            "record", "is empty: give one or more event files (GDELT, ICEWS, POLECAT, an edge set)"
        )
    return out


def _edge_set_record(path: str, stdin: bytes | None = None) -> pd.DataFrame:
    from ..edgeset import load_edge_set
    from .edges import edge_set_events

    return edge_set_events(load_edge_set(path, stdin=stdin))


def _is_edge_set(path: str) -> bool:
    p = Path(path)
    if p.is_dir():
        return True
    try:
        with open(p, "rb") as probe:
            head = probe.read(4096)
    except OSError:
        return False
    if head.startswith((b"\x1f\x8b", b"PK\x03\x04")):
        return False
    first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lstrip("\ufeff")
    names = {name.strip().lower() for name in first.split(",")}
    return "\t" not in first and {"source", "target"} <= names


def _kind(name: str, number: int, head: str) -> tuple[str, int, dict[str, int]]:
    """The format of a text told by its first non-blank line (line ``number``)."""
    if looks_like_gdelt(head):
        return ("gdelt", 0, {})
    header = header_of(head)
    if looks_like_icews(header):
        return ("ICEWS", len(header), icews_columns(header, name))
    if looks_like_polecat(header):
        return ("POLECAT", len(header), polecat_columns(header, name))
    fields = head.count("\t") + 1
    raise GraphkitError(
        f"{name}:{number}: not an event file graphkit reads: the first line is neither "
        f"a GDELT event row ({', '.join(map(str, sorted(GDELT_WIDTHS)))} tab-separated "
        f"fields; it has {fields}) nor an ICEWS or POLECAT header; give GDELT exports, "
        "ICEWS or POLECAT files as published, or an edge set (CSV)"
    )


def _gdelt_events(name: str, stream, head: bytes, block_lines: int, fast: bool):
    """Yield (events, problems, rows per layout, rows) per chunk of a GDELT text."""
    line = 1
    chunks = gdelt_chunks(stream, head, block_lines, name=name)
    try:
        for line, chunk in chunks:
            yield read_chunk(name, line, chunk, fast)
    except DAMAGED as err:
        raise damaged(name, line, err) from err
    finally:
        chunks.close()  # its read ahead ends before the stream is closed


def _text_events(
    path: str,
    block_lines: int,
    progress: Progress,
    formats: dict[str, int],
    unmapped: dict[str, int],
    fast: bool = True,
):
    """Yield (events, problems) per block of every text in ``path``."""
    texts_read = 0
    for name, stream in texts(Path(path)):
        try:
            head = head_of(stream, name)
        except DAMAGED as err:
            raise damaged(name, 1, err) from err
        if not head.strip():
            continue
        texts_read += 1
        number = head.count(b"\n", 0, len(head.rstrip(b"\r\n"))) + 1
        line = head.decode("utf-8", errors="replace").split("\n")[number - 1].rstrip("\r\n")
        kind, width, columns = _kind(name, number, line)
        read = 0
        if kind == "gdelt":
            for events, problems, layouts, rows in _gdelt_events(name, stream, head, block_lines, fast):
                for label, count in layouts.items():
                    formats[label] = formats.get(label, 0) + count
                read += rows
                progress(f"{name}: {read:,} rows read")
                yield events, problems
            continue
        handler = icews_block if kind == "ICEWS" else polecat_block
        for block in line_blocks(name, stream, block_lines, head):
            lines, first = block.lines, block.first
            if first == number:
                lines, first = lines[1:], first + 1  # the header
            events, problems, names = handler(name, first, lines, width, columns)
            formats[kind] = formats.get(kind, 0) + len(lines)
            for label, count in names.items():
                unmapped[label] = unmapped.get(label, 0) + count
            read += len(lines)
            progress(f"{name}: {read:,} rows read")
            yield events, problems
    if texts_read == 0:
        raise GraphkitError(f"{path}: the file is empty: give an event file with one event per line")


def read_record(
    record: str | os.PathLike | Sequence[str | os.PathLike],
    *,
    pairs: Iterable[tuple[str, str]] | None = None,
    skip_malformed: bool = False,
    progress: Progress | None = None,
    block_lines: int = BLOCK_LINES,
) -> Record:
    """Read event files into one :class:`~graphkit.record.form.Record`.

    Each file is a GDELT 1.0 or 2.0 event export (no header; told by its field
    count), an ICEWS or a POLECAT event file (told by its header), plain, gzip or
    zip, or a graphkit edge set (CSV file or folder). Files are read a block of
    ``block_lines`` lines at a time, and only the columns needed; with ``pairs``
    (country pairs, either order) only events between those pairs are kept, so a
    year of GDELT fits in memory. Actors are rolled up to countries (USABUS is
    USA, EEC is EUR). A malformed row raises :class:`~graphkit.errors.EdgeSetError`
    naming FILE:LINE, unless ``skip_malformed``: then it is counted and listed in
    ``problems``.
    """
    files = _paths(record)
    require_callable(progress, "progress")
    report = progress or (lambda message: None)
    wanted, countries = None, []
    if pairs is not None:
        given = _pair_list(pairs)
        wanted = {"|".join(sorted(pair)) for pair in given}
        countries = sorted({side for pair in given for side in pair})
    coverage = _Coverage()
    formats: dict[str, int] = {}
    unmapped: dict[str, int] = {}
    dropped = dict.fromkeys(DROP_REASONS, 0)
    problems: list[Problem] = []
    kept: list[pd.DataFrame] = []

    def take(events: pd.DataFrame) -> None:
        if events.empty:
            return
        source = roll_up_series(events["source"])
        target = roll_up_series(events["target"])
        missing = (source == "") | (target == "")
        same = ~missing & (source == target)
        dropped["no_country"] += int(missing.sum())
        dropped["same_country"] += int(same.sum())
        usable = ~missing & ~same
        events = events[usable].assign(source=source[usable], target=target[usable])
        coverage.add(events["start"], events["end"])
        if wanted is not None:  # the few rows between wanted countries first: keys are costly
            events = events[events["source"].isin(countries) & events["target"].isin(countries)]
            events = events[_pair_keys(events["source"], events["target"]).isin(wanted)]
        if not events.empty:
            kept.append(events[list(RECORD_COLUMNS)])

    for path in files:
        bundled = not Path(path).exists() and path in bundled_sets()
        if not Path(path).exists() and not bundled:
            raise GraphkitError(
                f"{path}: no such file: give a GDELT, ICEWS or POLECAT event file, or an edge set"
            )
        if bundled or _is_edge_set(path):
            events = _edge_set_record(path)
            formats["edge set"] = formats.get("edge set", 0) + len(events)
            take(events.dropna(subset=["start"]))
            report(f"{path}: {len(events):,} edges read")
            continue
        for events, found in _text_events(path, block_lines, report, formats, unmapped):
            if found and not skip_malformed:
                raise EdgeSetError(
                    [
                        Problem(
                            p.file,
                            p.line,
                            f"{p.message}: fix or remove the line, or skip malformed rows (skip_malformed; --skip-malformed)",
                        )
                        for p in found
                    ]
                )
            problems += found
            take(events)
    events = pd.concat(kept, ignore_index=True) if kept else empty_events()
    with_id = events["event_id"] != ""
    repeated = with_id & events.duplicated(["event_id", "source", "target", "code", "plover"], keep="first")
    dropped["duplicate"] = int(repeated.sum())
    events = events[~repeated].sort_values(["start", "source", "target", "event_id"], kind="stable")
    first, last = coverage.bounds()
    return Record(
        events=events.reset_index(drop=True),
        first=first,
        last=last,
        days=dict(sorted(coverage.days.items())),
        spans=dict(sorted(coverage.spans.items())),
        files=tuple(files),
        formats=formats,
        dropped=dropped,
        unmapped=dict(sorted(unmapped.items(), key=lambda kv: (-kv[1], kv[0]))),
        problems=tuple(problems),
    )
