"""The Dask engine: validate and aggregate many edge files to pairs on a Dask cluster.

Each block of each file (CSV split at line ends, as ``dask.dataframe.read_csv``
splits it, or a Parquet row group) is parsed, validated with the checks of
:mod:`graphkit.validation` and reduced to sums per (source, target, domain) on a
worker; ``dask.dataframe`` sums those partial tables in a tree on the cluster,
and only the final pair table comes back. :func:`graphkit.analysis.strain_alg.strain_from_pairs`
and :func:`graphkit.analysis.centrality_alg.centrality_from_pairs` finish on it, so results
match the pandas engine's.

Differences from the pandas engine, all because a block does not know the rest
of its file: problems name the file but not the line; duplicate ids are not
looked for; a quoted field holding a line break breaks the block split; no
actors.csv or source.txt is read (actor names are inferred from their ids).
"""

from __future__ import annotations

import glob
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..actor_ids import resolve_actor
from ..actors import infer_actors
from ..analysis.pairs import domain_pairs
from ..edgeset import EdgeSet
from ..errors import EdgeSetError, GraphkitError, Problem
from ..filters import check_domains, ego_mask, select_edges
from ..io.csvfile import CsvTable, read_csv_bytes
from ..schema import ACTOR_COLUMNS, EDGES_FILE, PAIR_COLUMNS, REQUIRED_EDGE_COLUMNS
from ..validation import check_edges

__all__ = ["LINE_UNKNOWN", "DaskPairs", "dask_pairs", "open_client"]

BLOCKSIZE = 64 * 2**20
MAX_PROBLEMS_PER_BLOCK = 100
LINE_UNKNOWN = "[line unknown: the dask engine reads files in blocks; 'graphkit validate FILE' gives lines]"
_SUMS = ["strain", "cooperation", "actions", "hostile", "cooperative"]


@dataclass(frozen=True)
class DaskPairs:
    """What the Dask engine brings back: sums per (source, target, domain)
    (the columns of :func:`graphkit.analysis.pairs.domain_pairs`), the actors, and how
    many rows were read from how many files."""

    name: str
    pairs: pd.DataFrame
    actors: pd.DataFrame
    rows: int
    files: int

    def ordered_pairs(self) -> pd.DataFrame:
        """One row per ordered pair, as :func:`graphkit.analysis.pairs.ordered_pairs`."""
        grouped = self.pairs.groupby(["source", "target"], sort=True)[_SUMS].sum().reset_index()
        return grouped[PAIR_COLUMNS]


def open_client(scheduler: str | None = None):
    """A Dask client: on the scheduler at ``scheduler`` (``tcp://host:8786``), or on
    a local cluster of two single-threaded workers in this process."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="10s")
        except OSError as err:
            raise GraphkitError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    # dashboard_address=None still binds port 8787 for the scheduler's HTTP server;
    # a free port on loopback never clashes with another cluster
    cluster = LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        dashboard_address="127.0.0.1:0",
        silence_logs=logging.ERROR,
    )
    return Client(cluster)


def expand(specs: Iterable[str]) -> list[str]:
    """Files named by ``specs``: paths and glob patterns (``data/*.csv``), each
    pattern in sorted order, a folder standing for its edges.csv; remote URLs
    (``s3://...``) are passed on as given."""
    files: list[str] = []
    for spec in specs:
        spec = str(spec)
        if "://" in spec:
            files.append(spec)
            continue
        matched = sorted(glob.glob(spec, recursive=True)) if glob.has_magic(spec) else [spec]
        matched = [str(Path(m) / EDGES_FILE) if Path(m).is_dir() else m for m in matched]
        matched = [m for m in matched if Path(m).is_file()]
        if not matched:
            raise GraphkitError(
                f"{spec}: no such file, and no file matches it: give CSV or Parquet files or a glob"
            )
        files.extend(matched)
    return files


def _is_parquet(path: str) -> bool:
    return path.lower().endswith((".parquet", ".parq", ".pq"))


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Parquet columns as the strings a CSV file would hold ("" where missing)."""
    out = {}
    for column in frame.columns:
        values = frame[column]
        if not pd.api.types.is_string_dtype(values):
            values = values.astype(object).where(values.notna(), "").map(str)
        out[str(column).strip()] = values.fillna("").astype(str).str.strip()
    return pd.DataFrame(out)


def _reduce_block(load: Callable[[], CsvTable], name: str, filters: dict, endpoints: bool):
    """Parse, validate and reduce one block: (pair sums, problems, rows, actor ids, domains)."""
    try:
        table = load()
    except Exception as err:  # noqa: BLE001 - any reader failure becomes a problem naming the file
        return _no_pairs(), [Problem(name, None, f"cannot read ({err}) {LINE_UNKNOWN}")], 0, set(), set()
    problems = [Problem(name, None, f"{p.message} {LINE_UNKNOWN}") for p in table.problems]
    frame = table.frame
    if len(frame) == 0 or problems:
        return _no_pairs(), problems[:MAX_PROBLEMS_PER_BLOCK], len(frame), set(), set()
    # duplicate ids span blocks, so the id column is not checked here (see module docstring)
    checked = CsvTable(frame.drop(columns=["id"], errors="ignore"), np.zeros(len(frame), dtype=np.int64))
    edges, found = check_edges(checked, name)
    problems += [Problem(name, None, f"{p.message} {LINE_UNKNOWN}") for p in found]
    if problems or edges is None:
        return _no_pairs(), problems[:MAX_PROBLEMS_PER_BLOCK], len(frame), set(), set()
    ids = set(edges["source"]) | set(edges["target"]) if endpoints else set()
    domains = set(edges["domain"].unique())
    if any(filters.values()):
        empty = pd.DataFrame(columns=ACTOR_COLUMNS)
        edges = select_edges(EdgeSet(name, edges, empty), **filters).edges
    return (domain_pairs(edges) if len(edges) else _no_pairs()), [], len(frame), ids, domains


def _item(result: tuple, index: int):
    return result[index]


def _no_pairs() -> pd.DataFrame:
    text = {c: pd.Series(dtype=str) for c in ("source", "target", "domain")}
    sums = {c: pd.Series(dtype=float if c in ("strain", "cooperation") else np.int64) for c in _SUMS}
    return pd.DataFrame({**text, **sums})


def _csv_loader(block, header: bytes, first: bool, name: str) -> Callable[[], CsvTable]:
    def load() -> CsvTable:
        return read_csv_bytes(block if first else header + block, name)

    return load


def _parquet_loader(path: str, group: int) -> Callable[[], CsvTable]:
    def load() -> CsvTable:
        import fsspec
        import pyarrow.parquet as pq

        with fsspec.open(path, "rb") as handle:
            frame = _as_text(pq.ParquetFile(handle).read_row_group(group).to_pandas())
        return CsvTable(frame, np.zeros(len(frame), dtype=np.int64))

    return load


def _header(path: str) -> bytes:
    import fsspec

    with fsspec.open(path, "rb") as handle:
        line = handle.readline()
    return line if line.endswith(b"\n") else line + b"\n"


def _blocks(files: Sequence[str], blocksize: int):
    """(name, delayed CsvTable loader, columns) for every block of every file."""
    import fsspec
    import pyarrow.parquet as pq
    from dask import delayed
    from dask.bytes import read_bytes

    for path in files:
        if _is_parquet(path):
            with fsspec.open(path, "rb") as handle:
                meta = pq.ParquetFile(handle)
                columns = [str(c).strip() for c in meta.schema_arrow.names]
                groups = meta.num_row_groups
            for group in range(max(groups, 1)):
                yield path, delayed(_parquet_loader)(path, group), columns
            continue
        header = _header(path)
        columns = [
            c.strip().strip('"').strip() for c in header.decode("utf-8-sig", "replace").strip().split(",")
        ]
        _, per_file = read_bytes(path, delimiter=b"\n", blocksize=blocksize, sample=False)
        for number, block in enumerate(per_file[0]):
            yield path, delayed(_csv_loader)(block, header, number == 0, path), columns


def dask_pairs(
    specs: Sequence[str] | str,
    *,
    client=None,
    scheduler: str | None = None,
    domain: Iterable[str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    overlap: bool = False,
    undated: str = "drop",
    blocksize: int = BLOCKSIZE,
    progress: Callable[..., None] | None = None,
) -> DaskPairs:
    """Read, validate and aggregate the edge files ``specs`` (paths or globs of
    CSV and Parquet files) on Dask; return the pair sums and the actors.

    Uses ``client`` if given, else opens one with :func:`open_client` (the
    scheduler at ``scheduler``, or a local cluster) and closes it. The filters
    are those of :func:`graphkit.filters.filter_edges`. Raises
    :class:`~graphkit.errors.EdgeSetError` naming the file of every problem.
    """
    import dask
    import dask.dataframe as dd

    report = progress or (lambda *args, **kwargs: None)
    files = expand([specs] if isinstance(specs, str) else specs)
    filters: dict[str, Any] = {"domain": domain, "since": since, "until": until}
    if since or until:  # the date rule matters only with a bound (and "drop" would read as a filter)
        filters.update(overlap=bool(overlap), undated=undated)
    # bad since/until values fail here, before any work is sent out
    nothing = pd.DataFrame({"date": pd.Series(dtype=str), "domain": pd.Series(dtype=str)})
    select_edges(EdgeSet("", nothing, pd.DataFrame(columns=ACTOR_COLUMNS)), **filters)

    blocks = list(_blocks(files, blocksize))
    problems = [
        Problem(name, 1, f"missing required column {column!r}: add it to the header")
        for name, columns in {name: columns for name, _, columns in blocks}.items()
        for column in REQUIRED_EDGE_COLUMNS
        if column not in columns
    ]
    if problems:
        raise EdgeSetError(problems)
    report(f"dask: {len(files)} file(s), {len(blocks)} block(s)")

    tasks = [dask.delayed(_reduce_block)(load, name, filters, bool(actor)) for name, load, _ in blocks]
    own = client is None
    client = open_client(scheduler) if own else client
    try:
        report("dask: validating and aggregating to pairs")
        # futures, so that each block is read once and feeds both the pair sums and the problems
        reduced = client.compute(tasks)
        partial = dd.from_delayed(
            [client.submit(_item, r, 0) for r in reduced], meta=_no_pairs(), verify_meta=False
        )
        pairs = client.compute(
            partial.groupby(["source", "target", "domain"])[_SUMS].sum(split_every=8)
        ).result()
        found, rows, endpoints, domains = (
            client.gather([client.submit(_item, r, i) for r in reduced]) for i in (1, 2, 3, 4)
        )
    finally:
        if own:
            cluster = client.cluster if not scheduler else None
            client.close()
            if cluster is not None:
                cluster.close()

    problems = sorted({p for block in found for p in block}, key=lambda p: (p.file, p.message))
    counted = {name: 0 for name in files}
    for (name, _, _), count in zip(blocks, rows):
        counted[name] += count
    problems += [
        Problem(name, None, "has a header but no edges: add one row per action")
        for name, n in counted.items()
        if n == 0
    ]
    if problems:
        raise EdgeSetError(problems)

    name = Path(files[0]).stem if len(files) == 1 else "dask"
    check_domains(domain, set().union(*domains), [name])
    pairs = pairs.reset_index()
    for column in ("actions", "hostile", "cooperative"):
        pairs[column] = pairs[column].astype(np.int64)
    pairs = pairs.sort_values(["source", "target", "domain"], kind="stable").reset_index(drop=True)
    if actor:
        pairs = _ego(pairs, actor, set().union(*endpoints), name)
    ids = sorted(pd.unique(pd.concat([pairs["source"], pairs["target"]], ignore_index=True)))
    report(f"dask: {sum(rows):,} rows -> {len(pairs):,} pair sums")
    return DaskPairs(name, pairs, infer_actors([str(i) for i in ids]), int(sum(rows)), len(files))


def _ego(pairs: pd.DataFrame, actor: str, known: set[str], name: str) -> pd.DataFrame:
    """The pairs of ``actor``'s ego network, as :func:`graphkit.filters.filter_edges` keeps them."""
    ids = sorted(str(i) for i in known)
    actor = resolve_actor(actor, infer_actors(ids), ids, f"edge set {name!r}")  # 'can', 'Canada'
    return pairs[ego_mask(pairs, actor)].reset_index(drop=True)
