"""The action taxonomy and the CAMEO code table, both shipped as package data."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

import pandas as pd

__all__ = ["action_labels", "cameo_quad_classes", "cameo_table", "goldstein", "taxonomy", "taxonomy_plover"]


def _read_data(name: str, delimiter: str = ",") -> list[dict[str, str]]:
    text = (resources.files("graphkit") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@cache
def _cameo_rows() -> tuple[dict[str, str], ...]:
    return tuple(_read_data("cameo.tsv", delimiter="\t"))


def cameo_table() -> pd.DataFrame:
    """The 311 CAMEO event codes: ``code`` (a string), ``root``, ``quad_class``,
    ``goldstein`` and ``label``, in the table's order."""
    rows = _cameo_rows()
    return pd.DataFrame(
        {
            "code": [r["CAMEOEVENTCODE"] for r in rows],
            "root": [r["ROOTCODE"] for r in rows],
            "quad_class": [int(r["QUADCLASS"]) for r in rows],
            "goldstein": [float(r["GOLDSTEINSCALE"]) for r in rows],
            "label": [r["EVENTDESCRIPTION"] for r in rows],
        }
    )


@cache
def goldstein() -> dict[str, float]:
    """CAMEO code -> Goldstein value."""
    return {r["CAMEOEVENTCODE"]: float(r["GOLDSTEINSCALE"]) for r in _cameo_rows()}


@cache
def cameo_quad_classes() -> dict[str, int]:
    """CAMEO code -> GDELT quad class (1 verbal cooperation, 2 material cooperation,
    3 verbal conflict, 4 material conflict)."""
    return {r["CAMEOEVENTCODE"]: int(r["QUADCLASS"]) for r in _cameo_rows()}


@cache
def cameo_labels() -> dict[str, str]:
    """CAMEO code -> label."""
    return {r["CAMEOEVENTCODE"]: r["EVENTDESCRIPTION"] for r in _cameo_rows()}


@cache
def _taxonomy_rows() -> tuple[dict[str, str], ...]:
    return tuple(_read_data("taxonomy.csv"))


def taxonomy() -> pd.DataFrame:
    """graphkit's action types: ``action``, ``domain``, ``cameo`` ("" where CAMEO has
    no code), ``weight`` (the code's Goldstein value, or graphkit's own),
    ``label``, ``justification``, and ``plover_type``, ``plover_mode`` (from the
    CAMEO code by the CAMEO-to-PLOVER table; the taxonomy's own for an action without a code)."""
    from .plover import plover_of

    df = pd.DataFrame(list(_taxonomy_rows()), dtype=str)
    df["weight"] = df["weight"].astype(float)
    derived = [plover_of(code) if code else (kind, mode)
               for code, kind, mode in zip(df["cameo"], df["plover_type"], df["plover_mode"])]  # fmt: skip
    df["plover_type"] = [kind for kind, _ in derived]
    df["plover_mode"] = [mode for _, mode in derived]
    return df


@cache
def action_defaults() -> dict[str, tuple[str, str, float]]:
    """action -> (domain, cameo, weight)."""
    return {r["action"]: (r["domain"], r["cameo"], float(r["weight"])) for r in _taxonomy_rows()}


@cache
def taxonomy_plover() -> dict[str, tuple[str, str]]:
    """action -> (PLOVER type, mode) for the taxonomy's actions without a CAMEO code
    that name a PLOVER type (the others take theirs from their code)."""
    return {r["action"]: (r["plover_type"], r["plover_mode"]) for r in _taxonomy_rows() if r["plover_type"]}


@cache
def action_labels() -> dict[str, str]:
    """action -> its label in the taxonomy (``aid_reduction_threat`` -> ``Threat to limit aid``)."""
    return {r["action"]: r["label"] for r in _taxonomy_rows()}
