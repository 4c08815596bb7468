"""Actor ids a user may mistype: country names and codes other than graphkit's.

A set that writes ``Norway`` on one row and ``NOR`` on another holds two actors
where the text names one, and every measure splits between them. Ids that look
like a state's or a bloc's standard code (ISO 3166 alpha-3 for states, CAMEO for
blocs) or like another actor's name in the set's actors.csv are flagged, and
``--actor Canada`` finds ``CAN``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

import numpy as np
import pandas as pd

from .actors import bloc_names, country_name
from .country_names import ABBREVIATIONS, SPELLINGS
from .errors import ArgumentError, Problem
from .spelling import closest_first, first_lines, near_miss

__all__ = ["actor_id_warnings", "resolve_actor", "standard_id"]


def name_key(text: str) -> str:
    """``text`` as country names are looked up: upper case, periods, a leading
    "the" and runs of spaces (no-break ones too) dropped: ``the U.S.`` -> ``US``."""
    words = text.replace(".", "").upper().split()
    if len(words) > 1 and words[0] == "THE":
        words = words[1:]
    return " ".join(words)


def _forms(name: str) -> list[str]:
    """A pycountry name and its natural order: ``Korea, Republic of`` is also ``Republic of Korea``."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    return [name, f"{tail} {head}"]


@cache
def _names() -> dict[str, str]:
    """Name key (:func:`name_key`) of a state's or bloc's name, alpha-2 code or alias
    (abbreviations such as PRC among them) -> the standard id (alpha-3 or CAMEO bloc code)."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        names.setdefault(country.alpha_2, country.alpha_3)
        for attribute in ("name", "official_name", "common_name"):
            for form in _forms(getattr(country, attribute, None) or ""):
                if form:
                    names.setdefault(name_key(form), country.alpha_3)
    for code, name in bloc_names().items():
        names.setdefault(name_key(name), code)
    names.update({name_key(name): code for name, code in {**SPELLINGS, **ABBREVIATIONS}.items()})
    return names


def standard_id(actor: str) -> bool:
    """True for an ISO 3166 alpha-3 code of a state (``NOR``) or a CAMEO bloc code (``EEC``)."""
    return country_name(actor) is not None or actor in bloc_names()


def _display(code: str, set_names: Mapping[str, str]) -> str:
    name = set_names.get(code) or country_name(code) or bloc_names().get(code) or code
    return f"{code} ({name})" if name != code else code


def _meant(actor: str, by_name: Mapping[str, str]) -> str | None:
    """The id ``actor`` stands for, when it is not that id itself."""
    key = actor.strip().upper()
    if actor != key and standard_id(key):  # 'nor', 'Nor'
        return key
    meant = by_name.get(name_key(actor)) or _names().get(name_key(actor))
    return meant if meant is not None and meant != actor else None


def actor_id_warnings(
    edges: pd.DataFrame,
    lines: np.ndarray,
    name: str,
    actor_names: Mapping[str, str] | None = None,
) -> list[Problem]:
    """A warning per actor id that looks like another: a country's or bloc's name
    (``Norway``, ``Russia``, ``European Union``), a code other than graphkit's
    (``US``, ``UK``, ``EU``, ``nor``), or the name another actor has in actors.csv
    (``actor_names``: id -> name). Each is pinned to the id's first line, suggests
    the standard id, and says when the set uses that id too (one actor split in two).
    A state's code that actors.csv names as another state (``AUT`` named
    ``Australia``, whose code is AUS) is flagged too: every other set reads AUT as Austria.
    """
    ids = [str(i) for i in pd.unique(pd.concat([edges["source"], edges["target"]], ignore_index=True))]
    set_names = dict(actor_names or {})
    by_name = {name_key(str(n)): a for a, n in set_names.items() if n and str(n) != a}
    used = set(ids)
    flagged, misnamed = {}, {}
    for actor in ids:
        if actor == "":
            continue
        if standard_id(actor):
            named = _names().get(name_key(str(set_names.get(actor) or actor)))
            if named is not None and named != actor and country_name(actor) and country_name(named):
                misnamed[actor] = named
            continue
        meant = _meant(actor, by_name)
        if meant is not None:
            flagged[actor] = meant
    if not flagged and not misnamed:
        return []
    first = first_lines(edges, lines, [*flagged, *misnamed, *(m for m in flagged.values() if m in used)])
    warnings = [
        Problem(
            name,
            first[actor],
            f"actor {actor!r} is {_forms(str(country_name(actor)))[-1]}'s ISO code, but actors.csv names it "
            f"{set_names[actor]!r}, whose code is {code!r}: write {code!r} for {set_names[actor]}, "
            f"or name {actor!r} {_forms(str(country_name(actor)))[-1]!r}",
        )
        for actor, code in misnamed.items()
    ]
    for actor in sorted(flagged, key=lambda a: (first[a], a)):
        meant = flagged[actor]
        looks = f"actor {actor!r} looks like {_display(meant, set_names)}"
        if meant in used:
            tail = (
                f"this set also uses {meant!r} (line {first[meant]}), so one actor may be split in two: "
                f"write {meant!r} on every row"
            )
        elif standard_id(meant):
            kind = "states by ISO alpha-3 code" if country_name(meant) else "blocs by CAMEO code"
            tail = f"graphkit, CAMEO and GDELT name {kind}: write {meant!r} so that it matches other sets"
        else:
            tail = f"it is the name of {meant!r} in actors.csv: write {meant!r}"
        warnings.append(Problem(name, first[actor], f"{looks}; {tail}"))
    return sorted(warnings, key=lambda p: (p.line or 0, p.message))


def resolve_actor(actor: str, actors: pd.DataFrame, ids: Iterable[str], where: str) -> str:
    """The id that ``actor`` names among ``ids`` (the set's actors): the id itself,
    the id case aside (``can``), or the id whose name in ``actors`` (``id``,
    ``name``) is ``actor`` case aside (``Canada``). Raises
    :class:`~graphkit.errors.ArgumentError` naming the closest ids and names when
    none matches, or the candidates when ``actor`` names several; ``where`` says
    what was searched (``edge set 'essay'``)."""
    known = [str(i) for i in ids]
    if actor in known:
        return actor
    key = actor.strip().casefold()
    by_id = sorted({i for i in known if i.casefold() == key})
    names = dict(zip(actors["id"].astype(str), actors["name"].astype(str)))
    by_name = sorted({i for i in known if names.get(i, "").casefold() == key})
    found = by_id or by_name
    if not found and _names().get(name_key(actor)) in known:  # 'UK' for GBR, 'Russia' for RUS
        found = [_names()[name_key(actor)]]
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(_display(i, names) for i in found)
        raise ArgumentError("actor", f"{actor!r} names several actors of {where} ({listed}): give one id")
    labels = {i: i for i in known} | {names[i]: i for i in known if names.get(i)}
    # 'EU' in a set without EEC is the EU, not a slip for DEU
    standard = _names().get(name_key(actor))
    meant = near_miss(actor, list(labels)) if standard is None else None
    begun = _begun_by(key, labels) if standard is None else []
    if meant is not None:
        hint = f"did you mean {_display(labels[meant], names)}?"
    elif begun:
        hint = f"did you mean {' or '.join(_display(i, names) for i in begun)}?"
    else:
        nearest: list[str] = []
        for label in closest_first(actor, labels):
            if labels[label] not in nearest:
                nearest.append(labels[label])
        more = ", ..." if len(nearest) > 8 else ""
        hint = f"use an actor's id or name from it ({', '.join(nearest[:8])}{more})"
    if standard is not None:
        hint = f"{actor!r} stands for {_display(standard, {})}, which it does not hold: {hint}"
    raise ArgumentError("actor", f"{actor!r} is not an actor of {where}: {hint}")


def _begun_by(key: str, labels: Mapping[str, str]) -> list[str]:
    """The ids (at most four) whose id, name or a word of its name begins with ``key``
    (``germ`` -> DEU, Germany; ``korea`` -> KOR, South Korea); none for a key under two letters."""
    if len(key) < 2:
        return []
    found = sorted(
        {
            i
            for label, i in labels.items()
            if any(w.startswith(key) for w in [label.casefold(), *label.casefold().split()])
        }
    )
    return found if len(found) <= 4 else []
