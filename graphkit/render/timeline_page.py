"""The timeline as an offline page: a heat map of strain per relationship and period, in SVG.

The page holds no script at all (its Content-Security-Policy forbids any) and
makes no request; every name and label from the edge set is escaped as text.
Rows are relationships in rank order, columns periods in time order; the cell's
red grows with its strain (0 is white); hovering a cell shows its figures (an SVG
``<title>``). Undated strain is drawn apart, in its own column after a gap,
outlined in grey, because no period holds it.
"""

from __future__ import annotations

from html import escape

import pandas as pd

from ..edgeset import EdgeSet
from .style import HOSTILE, format_number

__all__ = ["MAX_PAGE_PAIRS", "timeline_html"]

#: Relationships drawn at most (the table keeps them all); the page says when it stops.
MAX_PAGE_PAIRS = 40
CELL_W, CELL_H, LABEL_W, HEAD_H, GAP = 56, 22, 260, 30, 24
UNDATED = "undated"


def _mix(share: float) -> str:
    """White to graphkit's hostile red, by ``share`` in [0, 1]."""
    red = tuple(int(HOSTILE[i : i + 2], 16) for i in (1, 3, 5))
    rgb = (round(255 + (c - 255) * share) for c in red)
    return "#" + "".join(f"{c:02X}" for c in rgb)


def _cell(x: int, y: int, row, top: float, *, apart: bool = False) -> str:
    share = (row.strain / top) if top > 0 else 0.0
    title = (
        f"{row.name_a} \u2013 {row.name_b}, {row.period}: strain {format_number(row.strain)} "
        f"({format_number(row.strain_ab)} a\u2192b, {format_number(row.strain_ba)} b\u2192a), "
        f"cooperation {format_number(row.cooperation)}, net {format_number(row.net)}, "
        f"hostile {format_number(row.hostile)}, cooperative {format_number(row.cooperative)}"
    )
    stroke = ' stroke="#555555" stroke-dasharray="3 2"' if apart else ' stroke="#FFFFFF"'
    text_fill = "#FFFFFF" if share > 0.55 else "#222222"
    label = format_number(row.strain) if row.strain else ""
    return (
        f'<g><title>{escape(title)}</title><rect x="{x}" y="{y}" width="{CELL_W}" height="{CELL_H}" '
        f'fill="{_mix(min(share, 1.0))}"{stroke}/>'
        f'<text x="{x + CELL_W / 2:g}" y="{y + 15}" text-anchor="middle" fill="{text_fill}">{escape(label)}</text></g>'
    )


def timeline_html(table: pd.DataFrame, edge_set: EdgeSet) -> str:
    """The page for a :func:`graphkit.analysis.timeline_alg.timeline` table of ``edge_set``."""
    ranks = list(pd.unique(table["rank"]))
    shown = ranks[:MAX_PAGE_PAIRS]
    rows = table[table["rank"].isin(shown)]
    periods = [p for p in pd.unique(rows["period"]) if p != UNDATED]
    has_undated = bool((rows["period"] == UNDATED).any())
    top = float(rows["strain"].max()) if len(rows) else 0.0
    column = {p: LABEL_W + i * CELL_W for i, p in enumerate(periods)}
    undated_x = LABEL_W + len(periods) * CELL_W + GAP
    width = undated_x + (CELL_W if has_undated else 0) + 20
    height = HEAD_H + len(shown) * CELL_H + 20
    parts = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="strain per relationship and period" '
            'font-family="sans-serif" font-size="11">'
        )
    ]
    for period, x in column.items():
        parts.append(
            f'<text x="{x + CELL_W / 2:g}" y="{HEAD_H - 8}" text-anchor="middle">{escape(str(period))}</text>'
        )
    if has_undated:
        parts.append(
            f'<text x="{undated_x + CELL_W / 2:g}" y="{HEAD_H - 8}" text-anchor="middle" '
            'fill="#555555">undated</text>'
        )
    for i, rank in enumerate(shown):
        y = HEAD_H + i * CELL_H
        pair = rows[rows["rank"] == rank]
        first = pair.iloc[0]
        label = f"{rank}. {first['name_a']} \u2013 {first['name_b']}"
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + 15}" text-anchor="end">{escape(label)}</text>')
        for row in pair.itertuples(index=False):
            if row.period == UNDATED:
                parts.append(_cell(undated_x, y, row, top, apart=True))
            else:
                parts.append(_cell(column[row.period], y, row, top))
    parts.append("</svg>")
    undated_total = float(table.loc[table["period"] == UNDATED, "strain"].sum())
    notes = [
        (
            f"{len(ranks)} relationship{'s' if len(ranks) != 1 else ''} by strain, periods: "
            f"{escape(str(table.attrs.get('freq', '')))}; cell colour: strain, white 0 to red {format_number(top)}."
        )
    ]
    if len(ranks) > len(shown):
        notes.append(f"Showing the first {len(shown)}; the table (graphkit timeline) has all {len(ranks)}.")
    if table.attrs.get("undated"):
        one = table.attrs["undated"] == 1
        notes.append(
            f"{table.attrs['undated']} undated action{'' if one else 's'} "
            f"(strain {format_number(undated_total)} in these rows) {'is' if one else 'are'} in no period: drawn apart, "
            "in the dashed column on the right."
        )
    notes.append(
        "A row whose date covers several periods adds an equal share to each (docs/time.md). "
        "Hover a cell for its figures."
    )
    title = f"{edge_set.name}: strain over time"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:1.5em;color:#222}p{max-width:60em}</style></head><body>"
        f"<h1>{escape(title)}</h1>"
        + "".join(f"<p>{note}</p>" for note in notes)
        + "".join(parts)
        + "\n</body></html>\n"
    )
