"""Actors rolled up to countries, and ICEWS's country names turned into ISO codes.

Claims and records name actors at different grain: a claim's JPNBUS (a Japanese
firm) or GDELT's USAGOV is, for checking a claim between two countries, its
country (JPN, USA). CAMEO's region code EUR stands in GDELT for Europe and the EU
alike, so the codebook's EEC (the EU) counts as EUR here.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

__all__ = ["country_of_name", "roll_up", "roll_up_series"]

#: The EU under CAMEO's code, and the code it is matched under (GDELT writes EUR for both).
SAME_AS = {"EEC": "EUR"}

_ROLE = re.compile(r"^(?:[A-Z]{3})+$")


@cache
def _countries() -> frozenset[str]:
    import pycountry

    text = (resources.files("graphkit") / "data" / "blocs.csv").read_text(encoding="utf-8")
    blocs = {row["id"] for row in csv.DictReader(io.StringIO(text))}
    return frozenset({c.alpha_3 for c in pycountry.countries} | blocs | set(SAME_AS))


def roll_up(actor: str) -> str:
    """The country (or CAMEO region) an actor code stands for: ``USABUS`` -> ``USA``,
    ``EEC`` -> ``EUR``; any other id unchanged (upper-cased and stripped).

    >>> roll_up("JPNBUS"), roll_up("EEC"), roll_up("NATO")
    ('JPN', 'EUR', 'NATO')
    """
    code = actor.strip().upper()
    head = code[:3]
    if len(code) >= 3 and head in _countries() and _ROLE.match(code):
        code = head
    return SAME_AS.get(code, code)


def roll_up_series(actors: pd.Series) -> pd.Series:
    """:func:`roll_up` of every value (each distinct value computed once)."""
    values = actors.fillna("").astype(str)
    codes, uniques = pd.factorize(values)  # a lookup by position: map() is slower on millions of rows
    rolled = np.array([roll_up(value) if value.strip() else "" for value in uniques], dtype=object)
    return pd.Series(rolled[codes], index=values.index, name=values.name).astype(values.dtype)


# More spellings pycountry's lookup does not know (short names news data use), beside the
# ICEWS spellings checked against real ICEWS data in graphkit.interop.dyads.ICEWS_NAMES.
_MORE_NAMES = {
    "occupied palestinian territory": "PSE",
    "democratic republic of congo": "COD",
    "congo, the democratic republic of the": "COD",
    "congo, democratic republic of the": "COD",
    "republic of congo": "COG",
    "congo": "COG",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "macedonia": "MKD",
    "swaziland": "SWZ",
    "burma": "MMR",
    "laos": "LAO",
    "vietnam": "VNM",
    "north korea": "PRK",
    "south korea": "KOR",
    "russia": "RUS",
    "iran": "IRN",
    "syria": "SYR",
    "turkey": "TUR",
    "czech republic": "CZE",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "moldova": "MDA",
    "micronesia": "FSM",
    "vatican city": "VAT",
    "holy see": "VAT",
    "east timor": "TLS",
    "cape verde": "CPV",
    "brunei": "BRN",
    "taiwan": "TWN",
    "palestine": "PSE",
    "united states": "USA",
    "united kingdom": "GBR",
    "european union": "EUR",
    "macau": "MAC",
    "the gambia": "GMB",
    "the bahamas": "BHS",
    "turkiye": "TUR",
    "falkland islands": "FLK",
}


@cache
def _names() -> dict[str, str]:
    from ..interop.dyads import ICEWS_NAMES

    return {**{k.lower(): v for k, v in ICEWS_NAMES.items()}, **_MORE_NAMES}


@cache
def country_of_name(name: str) -> str | None:
    """The ISO 3166 alpha-3 code of a country name as ICEWS writes it
    (``Russian Federation`` -> ``RUS``), or None when neither pycountry nor
    graphkit's lists of ICEWS spellings know it.

    >>> country_of_name("Russian Federation"), country_of_name("Occupied Palestinian Territory")
    ('RUS', 'PSE')
    """
    import pycountry

    text = " ".join(name.split())
    if not text:
        return None
    known = _names().get(text.lower())
    if known is not None:
        return known
    try:
        return str(pycountry.countries.lookup(text).alpha_3)
    except LookupError:
        return None


def countries_of_names(names: pd.Series) -> tuple[pd.Series, dict[str, int]]:
    """Each name's ISO code ("" when blank or unknown), and the unknown names with
    how many rows carry each."""
    values = names.fillna("").astype(str)
    mapping = {value: country_of_name(value) for value in pd.unique(values)}
    codes = values.map(lambda v: mapping[v] or "")
    unknown = values[(codes == "") & (values.str.strip() != "")]
    counts = unknown.value_counts()
    return codes, {str(k): int(v) for k, v in sorted(counts.items())}


__all__ += ["countries_of_names", "SAME_AS"]
