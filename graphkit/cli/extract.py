"""`graphkit extract` (draft an edge set from a text) and `graphkit score` (compare a coding with a reference)."""

from __future__ import annotations

import click

from ..io.text import escape_control
from .errors import echo_error
from .group import main
from .loading import load, read_stdin, with_aliases
from .options import alias_option, output_options
from .output import emit, remember_inputs, safe_csv


def _read_text(path: str) -> str:
    from ..errors import GraphkitError
    from ..io.csvfile import read_input

    if path == "-":
        data, name = read_stdin(), "<stdin>"
    else:
        data, name = read_input(path, path), path  # bounded, once, binary refused
        remember_inputs(path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise GraphkitError(f"{name}:{line}: not UTF-8 text: save the text as UTF-8") from None


@main.command()
@click.argument("text", metavar="TEXT")
@click.option(
    "-o", "--output", metavar="DIR", required=True, help="The folder to create for the draft (new or empty)."
)
@click.option(
    "--gazetteer",
    metavar="FILE",
    help="A CSV of extra actor names (alias,actor,kind) added to graphkit's own.",
)
@click.option(
    "--model",
    metavar="NAME",
    help="Draft with this llm model instead of the offline rules (needs graphkit[llm]; quality depends on the model).",
)
def extract(text, output, gazetteer, model):
    """Draft an edge set from TEXT (a UTF-8 file, or - for standard input) into DIR.

    Writes DIR/source.txt (the text as read), edges.csv, actors.csv and
    description.txt. Every row is a draft for a person to review: it carries
    a confidence (0-1), the rule or model that produced it, status=draft, and
    a quote copied from the text. Exit status: 0, or 2 on bad input.

    Example: graphkit extract article.txt -o drafts/article
    """
    from ..extract import extract_edge_set, write_draft
    from ..extract.draft import LOW_CONFIDENCE

    result = extract_edge_set(_read_text(text), gazetteer=gazetteer, model=model)
    folder = write_draft(result, output)
    confidence = result.edge_set.edges["confidence"]
    low = int((confidence < LOW_CONFIDENCE).sum())
    echo_error(
        f"wrote {folder} ({len(confidence)} draft rows, {low} below confidence {LOW_CONFIDENCE}; "
        f"{len(result.skipped)} acts named but not coded, listed in {folder / 'description.txt'}; "
        f"{len(result.dropped)} model rows refused)"
    )


@main.command()
@click.argument("candidate", metavar="CANDIDATE")
@click.argument("gold", metavar="GOLD")
@click.option(
    "--source-text",
    metavar="FILE",
    help="The text both codings quote (default: GOLD's source.txt, else CANDIDATE's).",
)
@alias_option
@output_options
def score(candidate, gold, source_text, alias_file, fmt, output):
    """Score CANDIDATE (a draft, or a second coder) against GOLD, a reference coding of the same text.

    Precision, recall and F1 on (source, target, sign), (source, target, CAMEO
    root or action) and unordered pairs; direction swaps among claims matched
    by quote; Spearman correlation of the pairs' strain. --alias FILE reads one
    actor's two ids (from,to) as one in both. Exit status: 0, or 2 on bad input.

    Example: graphkit score drafts/article edges/article --format json
    """
    from ..compare.scoring import format_score
    from ..compare.scoring import score as score_sets
    from ..errors import GraphkitError

    if candidate == "-" and gold == "-":
        raise GraphkitError("CANDIDATE and GOLD are both '-': only one edge set can come from standard input")
    text = _read_text(source_text) if source_text else None
    drafted, reference = with_aliases([load(candidate), load(gold)], alias_file)
    result = score_sets(drafted, reference, source_text=text)
    for warning in result.warnings:
        echo_error(f"graphkit: warning: {escape_control(warning)}")
    emit(format_score(result, fmt, safe_csv=safe_csv()), output)
