"""Actor names for edge sets that come without an actors file."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

import pandas as pd

__all__ = ["bloc_names", "country_name", "infer_actors"]


@cache
def bloc_names() -> dict[str, str]:
    """CAMEO bloc code -> name (``EEC`` -> ``European Union``), from graphkit/data/blocs.csv."""
    text = (resources.files("graphkit") / "data" / "blocs.csv").read_text(encoding="utf-8")
    return {row["id"]: row["name"] for row in csv.DictReader(io.StringIO(text))}


def country_name(code: str) -> str | None:
    """The name of the state whose ISO 3166 alpha-3 code is ``code`` (upper case), else None."""
    import pycountry

    if len(code) != 3 or not code.isalpha() or not code.isupper():
        return None
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def infer_actors(ids: list[str]) -> pd.DataFrame:
    """An actors table for ``ids``: ISO 3166 alpha-3 codes get their country's name
    and kind ``state``, CAMEO bloc codes (EUR, AFR, ...) their region's name and kind
    ``bloc``; any other id is its own name, kind ``other``."""
    names, kinds = [], []
    for actor in ids:
        country = country_name(actor)
        if country is not None:
            names.append(country)
            kinds.append("state")
        elif actor in bloc_names():
            names.append(bloc_names()[actor])
            kinds.append("bloc")
        else:
            names.append(actor)
            kinds.append("other")
    return pd.DataFrame({"id": list(ids), "name": names, "kind": kinds, "group": [""] * len(ids)}, dtype=str)
