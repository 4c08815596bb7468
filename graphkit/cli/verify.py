"""graphkit verify: each claim of an edge set checked against event data."""

from __future__ import annotations

import click

from ..io.text import escape_control
from .errors import echo_error
from .group import main
from .loading import load, progress_reporter
from .options import edgeset_argument, output_options
from .output import emit, remember_inputs, table_text
from .reports import plural


def _summary(result) -> None:
    record = result.record
    formats = ", ".join(f"{count:,} {label}" for label, count in record.formats.items())
    files = "1 file" if len(record.files) == 1 else f"{len(record.files)} files"
    echo_error(f"graphkit: read {record.rows:,} rows from {files} ({formats})")
    if record.first is not None:
        echo_error(
            f"graphkit: the record covers {record.first:%Y-%m-%d}..{record.last:%Y-%m-%d}, "
            f"with events on {len(record.days):,} days; {len(record.events):,} events between the claims' pairs"
        )
    else:
        echo_error(
            "graphkit: warning: the record holds no event between two countries: every claim is out of coverage"
        )
    for name, count in list(record.unmapped.items())[:10]:
        echo_error(
            f"graphkit: warning: country name {escape_control(name)!r} ({count} rows) has no ISO code: left out"
        )
    if len(record.unmapped) > 10:
        echo_error(f"graphkit: warning: ... and {len(record.unmapped) - 10} more unmapped country names")
    if record.problems:
        echo_error(
            f"graphkit: warning: {len(record.problems)} malformed rows skipped, the first at {record.problems[0]}"
        )
    counts = result.counts()
    echo_error("graphkit: support: " + ", ".join(f"{n} {tier}" for tier, n in counts.items() if n))
    if counts["undated"]:
        echo_error(
            f"graphkit: warning: {plural(counts['undated'], 'undated claim')} "
            f"{'was' if counts['undated'] == 1 else 'were'} not looked up: give --period "
            "(or a 'Period: ...' line in the set's description.txt)"
        )
    echo_error(
        "graphkit: a match is a news report coded by a machine, not proof the act happened; "
        "no match proves little (docs/verify.md)"
    )


@main.command()
@edgeset_argument
@click.option(
    "--record",
    "records",
    multiple=True,
    metavar="FILE",
    help="Required. Event data to check against (repeatable): GDELT 1.0/2.0 exports, ICEWS or POLECAT files "
    "(plain, .zip or .gz), or an edge set.",
)
@click.option(
    "--period",
    metavar="PERIOD",
    help="The window of undated claims (YYYY[-MM[-DD]] or FIRST..LAST); default: the set's "
    "'Period:' line, else undated claims are reported as undated.",
)
@click.option(
    "--slack-days",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    metavar="DAYS",
    help="How far outside its window an event still counts as 'just outside' (partial support).",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    metavar="N",
    help="Matching events shown per claim.",
)
@click.option("--pairs", "by_pair", is_flag=True, help="Report per pair of countries instead of per claim.")
@click.option(
    "--skip-malformed",
    is_flag=True,
    help="Skip malformed record rows (counted) instead of stopping at the first.",
)
@output_options
def verify(edgeset, records, period, slack_days, top, by_pair, skip_malformed, fmt, output):
    """Check each claim of EDGESET against event data (GDELT, ICEWS, POLECAT).

    Each claim's window is its date interval; candidates are the record's events
    between the same two countries (USABUS counts as USA, EEC as EUR). support is
    confirmed (same direction, same CAMEO code or root, inside the window),
    partial (reversed, same QuadClass only, or just outside), contradicted (the
    opposite sign and nothing like the claim), not_found, out_of_coverage (no
    record events in the window) or undated. lift compares the window with every
    window of its length in the record. With --pairs: the share of each pair's
    strain the record confirms, and the text's conflict share against the record's.

    Example: graphkit verify essay --record 20250301.export.CSV.zip --period 2025
    """
    from ..verification.verify_alg import verify as compute

    if not records:  # click's "Missing option" says nothing of what the option takes
        raise click.UsageError(
            "give the event data to check against: --record FILE, a GDELT 1.0/2.0 export, an ICEWS "
            "or POLECAT file (plain, .zip or .gz) or an edge set; repeat it for several (docs/verify.md)"
        )
    if "-" in records:
        raise click.BadParameter("read from files: give the event files' paths", param_hint="--record")
    claims = load(edgeset)
    remember_inputs(*records)
    result = compute(
        claims,
        list(records),
        period=period,
        slack_days=slack_days,
        top=top,
        skip_malformed=skip_malformed,
        progress=progress_reporter(),
    )
    _summary(result)
    if by_pair:
        table = result.pairs
    elif fmt == "json":
        from ..verification.verify_alg import CLAIM_COLUMNS

        table = result.claims[CLAIM_COLUMNS]
    else:
        table = result.to_frame()
    emit(table_text(table, fmt), output)
