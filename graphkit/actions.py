"""The action taxonomy and the CAMEO code table, both shipped as package data."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

import pandas as pd

from .errors import ArgumentError

__all__ = [
    "action_labels",
    "cameo_codes",
    "cameo_quad_classes",
    "cameo_table",
    "goldstein",
    "taxonomy",
    "taxonomy_plover",
]


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


def cameo_codes(query: str) -> pd.DataFrame:
    """The CAMEO codes that ``query`` names: a code (``163``) gives itself and the
    codes under it (``16`` gives 16, 160, ..., 166); words (``sanction``, ``reduce
    aid``, ``tariff``, ``coerce``) give every code whose name, the name of one of graphkit's
    taxonomy actions with that code, or its PLOVER type and mode holds them all (or
    their singulars: ``threats``), case aside.

    Returns ``code``, ``label``, ``goldstein``, ``quad_class`` (1 verbal cooperation,
    2 material cooperation, 3 verbal conflict, 4 material conflict), ``plover`` (the
    PLOVER type and mode, graphkit.plover.plover_of; "" where PLOVER codes no event) and ``actions``
    (graphkit's taxonomy actions with that code), in the table's order. A query
    that matches nothing raises :class:`~graphkit.errors.ArgumentError` with the
    nearest code or word.

    >>> cameo_codes("163")[["code", "label", "goldstein"]].values.tolist()
    [['163', 'Impose embargo, boycott, or sanctions', -8.0]]
    """
    if not isinstance(query, str):
        raise ArgumentError("query", f"must be a str, not {type(query).__name__}: give '163' or 'sanction'")
    if not query.strip():
        raise ArgumentError(
            "query", "'' matches no CAMEO code: give a code (163) or words from its name (sanction)"
        )
    table = cameo_table()
    text = query.strip()
    by_code: dict[str, list[str]] = {}
    for row in _taxonomy_rows():
        if row["cameo"]:
            by_code.setdefault(row["cameo"], []).append(row["action"])
    if text.isdigit():
        found = table[table["code"].str.startswith(text)]
    else:
        # a taxonomy action's name finds its code too: 'tariff' is nowhere in CAMEO's
        # labels, yet it is the word a user of graphkit's taxonomy looks up
        names = _searchable_names(table, by_code)
        found = table[names.apply(lambda name: all(_holds(name, word) for word in text.casefold().split()))]
    if found.empty:
        raise ArgumentError("query", _no_code(text, table, _searchable_names(table, by_code)))
    found = found.drop(columns="root").reset_index(drop=True)
    found["actions"] = [",".join(by_code.get(code, [])) for code in found["code"]]
    from .plover import plover_of

    found["plover"] = [" ".join(part for part in plover_of(code) if part) for code in found["code"]]
    return found[["code", "label", "goldstein", "quad_class", "plover", "actions"]]


def _holds(name: str, word: str) -> bool:
    """``word`` is in ``name``, or its singular is (``threats``: ``threaten``; ``sanctions`` as written)."""
    if word in name:
        return True
    return any(
        word.endswith(end) and len(word) > len(end) + 2 and word[: -len(end)] in name for end in ("es", "s")
    )


def _searchable_names(table: pd.DataFrame, by_code: dict[str, list[str]]) -> pd.Series:
    """Each code's label, its taxonomy actions' names (``annexation threat``) and its
    PLOVER type and mode (``coerce restrict``), case folded: ``graphkit cameo coerce``
    lists every code PLOVER reads as COERCE, not only those CAMEO's label calls so."""
    from .plover import plover_of

    actions = table["code"].map(lambda code: " ".join(a.replace("_", " ") for a in by_code.get(code, [])))
    plover = table["code"].map(lambda code: " ".join(part for part in plover_of(code) if part))
    return (table["label"] + " " + actions + " " + plover).str.casefold()


def _no_code(text: str, table: pd.DataFrame, names: pd.Series) -> str:
    from .spelling import closest_first

    if text.isdigit():
        codes = dict(zip(table["code"], table["label"]))
        hint = f"did you mean '0{text}'? (CAMEO codes keep their leading zeros)"
        nearest = next((text[:n] for n in range(len(text) - 1, 1, -1) if text[:n] in codes), None)
        if table["code"].str.startswith("0" + text).any():
            return f"{text!r} matches no CAMEO code: {hint}"
        if nearest is not None:  # '0361': 036 exists and has no code under it
            under = [c for c in codes if c.startswith(nearest) and c != nearest]
            more = f"whose codes are {', '.join(under)}" if under else "which has no code under it"
            hint = f"the nearest code is {nearest} ({codes[nearest]}), {more}"
        else:
            hint = "CAMEO codes run from 01 to 20 at the root (graphkit cameo 16 lists 160 to 166)"
        return f"{text!r} matches no CAMEO code: {hint}"
    words = sorted({w.strip(",()") for name in names for w in name.split()} - {""})
    near = [w for w in text.casefold().split() if w not in words]
    meant = closest_first(near[0] if near else text, words)[0]
    return f"{text!r} matches no CAMEO code's name: did you mean {meant!r}? (or give a code, such as 163)"
