"""The Dask engine seen from the command line: reading pairs on a cluster."""

from __future__ import annotations

import click

from .date_rule import date_rule
from .loading import progress_reporter


def read_dask_pairs(spec, scheduler, *, domain=(), since=None, until=None, actor=None):
    """Aggregate EDGESET's files to pairs with the Dask engine (see graphkit.interop.dask_engine)."""
    if spec in (None, "-"):
        raise click.UsageError(
            "--engine dask reads files: give a path or a quoted glob such as 'events/*.csv'"
        )
    from ..interop.dask_engine import dask_pairs

    if since or until:
        from .errors import echo_error

        echo_error(
            "graphkit: note: the Dask engine applies the date rule (docs/time.md) but does not count "
            "the undated or straddling actions it leaves out; --engine pandas says how many"
        )
    return dask_pairs(
        spec,
        scheduler=scheduler,
        domain=domain,
        since=since,
        until=until,
        actor=actor,
        progress=progress_reporter(),
        **date_rule(),
    )


def check_engine(engine, scheduler) -> None:
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")


def read_columnar(spec, engine):
    """EDGESET read and validated by DuckDB (graphkit.columnar), or None when the
    pandas engine reads it: --engine pandas, a file under the auto size, or one
    DuckDB cannot vouch for (the pandas engine then reports its problems)."""
    if engine not in ("auto", "duckdb"):
        return None
    from ..columnar import AUTO_MIN_BYTES, load_columnar
    from .output import remember_inputs

    columnar = load_columnar(
        spec, min_bytes=AUTO_MIN_BYTES if engine == "auto" else 0, progress=progress_reporter()
    )
    if columnar is not None:
        remember_inputs(columnar.path)
    return columnar
