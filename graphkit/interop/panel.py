"""Dyadic panels: one row per ordered pair of actors and period, for regressions.

Every ordered pair (source, target) of actors present in a period gets a row for
that period, zeros where the pair has no action: the balanced dyad-period table
that panel models expect (netify's ``unnetify`` and ICEWS's dyad-years have the
same shape). Actions spread over the periods their dates cover in equal shares
(:mod:`graphkit.analysis.periods`); undated actions are in no period.
"""

from __future__ import annotations

import io

import pandas as pd

from ..analysis.pairs import actor_codes
from ..analysis.periods import FREQS, Freq, period_labels, spread_rows
from ..checks import require_choice
from ..edgeset import EdgeSet, require_edge_set
from ..errors import GraphkitError
from ..schema import cooperation_part, strain_part

__all__ = ["MAX_PANEL_ROWS", "PANEL_COLUMNS", "PANEL_FORMATS", "panel_bytes", "panel_table"]

PANEL_COLUMNS = [
    "period",
    "source",
    "target",
    "strain",
    "cooperation",
    "net",
    "actions",
    "hostile",
    "cooperative",
]
PANEL_FORMATS = ("csv", "parquet")
#: A panel is n(n-1) rows per period: past this many the table is not what anyone meant.
MAX_PANEL_ROWS = 50_000_000
_SUMS = ["strain", "cooperation", "actions", "hostile", "cooperative"]


def panel_table(edge_set: EdgeSet, *, freq: Freq = "year") -> pd.DataFrame:
    """The dyad-period panel of ``edge_set`` (module docstring), sorted by period,
    source, target. A period's actors are those with an action in it (of any sign,
    weight 0 included). Counts are shares where a date spans several periods.
    ``attrs["undated"]`` counts the undated actions left out."""
    require_edge_set(edge_set)
    require_choice(freq, "freq", FREQS)
    edges = edge_set.edges
    ids, source, target = actor_codes(edges)
    weight = edges["weight"].to_numpy(dtype=float)
    spread = spread_rows(edges, freq)
    share = spread.share
    rows = pd.DataFrame(
        {
            "period": spread.period,
            "s": source[spread.row],
            "t": target[spread.row],
            "strain": strain_part(weight)[spread.row] * share,
            "cooperation": cooperation_part(weight)[spread.row] * share,
            "actions": share,
            "hostile": (weight < 0)[spread.row] * share,
            "cooperative": (weight > 0)[spread.row] * share,
        }
    )
    present = pd.concat(
        [rows[["period", "s"]].rename(columns={"s": "a"}), rows[["period", "t"]].rename(columns={"t": "a"})]
    ).drop_duplicates()
    sizes = present.groupby("period").size()
    total = int((sizes * (sizes - 1)).sum())
    if total > MAX_PANEL_ROWS:
        raise GraphkitError(
            f"the panel would have {total:,} rows (every ordered pair of the actors present in each "
            f"period): narrow it with --actor, --domain or --since/--until, or use a longer --freq"
        )
    grid = present.merge(present, on="period", suffixes=("_s", "_t"))
    grid = grid[grid["a_s"] != grid["a_t"]].rename(columns={"a_s": "s", "a_t": "t"})
    sums = rows.groupby(["period", "s", "t"], sort=False)[_SUMS].sum().reset_index()
    table = grid.merge(sums, on=["period", "s", "t"], how="left").fillna(0.0)
    table = table.sort_values(["period", "s", "t"], kind="stable").reset_index(drop=True)
    names = ids.astype(str)
    table.insert(0, "source", names.take(table.pop("s").to_numpy()))
    table.insert(1, "target", names.take(table.pop("t").to_numpy()))
    table.insert(0, "period", period_labels(table.pop("period").to_numpy(), freq))
    table[_SUMS] = table[_SUMS].astype(float).round(9) + 0.0
    table["net"] = (table["cooperation"] - table["strain"]).round(9) + 0.0
    table = table[PANEL_COLUMNS]
    table.attrs["undated"] = int(spread.undated.sum())
    return table


def panel_bytes(table: pd.DataFrame, fmt: str, *, safe_csv: bool = False) -> bytes:
    """The panel as a CSV file (graphkit's CSV writer) or a Parquet file."""
    require_choice(fmt, "fmt", PANEL_FORMATS)
    if fmt == "csv":
        from ..io.formatting import format_frame

        return format_frame(table, "csv", safe_csv=safe_csv).encode("utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(table, preserve_index=False), sink, compression="zstd")
    return sink.getvalue()
