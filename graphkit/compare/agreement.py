"""Agreement between two codings of one text: claims matched by quote, then per attribute
percent agreement and Krippendorff's alpha (nominal)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..claims import match_claims
from ..edgeset import EdgeSet, require_edge_set
from ..errors import ArgumentError, GraphkitError
from ..io.text import normalize_ws
from ..schema import signs_of

__all__ = [
    "AGREEMENT_ATTRIBUTES",
    "AGREEMENT_COLUMNS",
    "Agreement",
    "codes_same_text",
    "intercoder_agreement",
    "nominal_alpha",
]

AGREEMENT_ATTRIBUTES = ["direction", "source", "target", "sign", "cameo_root", "action"]
AGREEMENT_COLUMNS = ["attribute", "units", "agree", "percent_agreement", "alpha", "alpha_note"]


@dataclass(frozen=True)
class Agreement:
    """How two codings of one text agree.

    ``matched``, ``only_a`` and ``only_b`` count claims (rows) matched across the
    codings, and rows of one coding matched with nothing. ``attributes`` has one
    row per attribute (:data:`AGREEMENT_ATTRIBUTES`) with ``units`` (matched claims
    the attribute is defined for in both codings), ``agree`` (how many of them have
    the same value in both), ``percent_agreement`` (100 * agree / units),
    ``alpha`` (Krippendorff's alpha, nominal; None when undefined) and
    ``alpha_note`` (why it is undefined, else ""). ``pairs`` lists the matched
    rows: ``row_a``, ``row_b`` (positions in each set's ``edges``) and each
    attribute's value in A and B (``direction_a``, ``direction_b``, ...).
    """

    name_a: str
    name_b: str
    matched: int
    only_a: int
    only_b: int
    attributes: pd.DataFrame
    pairs: pd.DataFrame

    def summary(self) -> dict:
        """The same as :meth:`to_dict` (its older name)."""
        return self.to_dict()

    def to_frame(self) -> pd.DataFrame:
        """One row per attribute: ``attributes``."""
        return self.attributes.copy()

    def to_dict(self) -> dict:
        """The counts and the attribute rows as JSON-ready values."""
        from ..io.formatting import to_records

        return {
            "matched": self.matched,
            "only_a": self.only_a,
            "only_b": self.only_b,
            "attributes": to_records(self.attributes),
        }


def same_files(a: EdgeSet, b: EdgeSet) -> bool:
    """True when ``a`` and ``b`` were read from one file or folder (``essay`` and
    ``edges/essay/edges.csv`` alike): comparing them measures nothing."""
    if a.path is None or b.path is None:
        return False
    return _edges_file(a.path) == _edges_file(b.path)


def _edges_file(path) -> object:
    path = path / "edges.csv" if path.is_dir() else path
    try:
        return path.resolve(strict=True)
    except OSError:
        return path


def codes_same_text(a: EdgeSet, b: EdgeSet) -> bool:
    """True when both sets have a source text, the same one whitespace aside, and
    each has at least one quoted row."""
    if a.source_text is None or b.source_text is None:
        return False
    if not (a.edges["quote"].str.strip() != "").any() or not (b.edges["quote"].str.strip() != "").any():
        return False
    return normalize_ws(a.source_text) == normalize_ws(b.source_text)


def _sign(weight: pd.Series) -> np.ndarray:
    return signs_of(weight.to_numpy(dtype=float))


def _attributes(edges: pd.DataFrame) -> dict[str, np.ndarray]:
    """Each attribute's value per row; "" where a row does not define it (no CAMEO code)."""
    source = edges["source"].astype(str).to_numpy(dtype=object)
    target = edges["target"].astype(str).to_numpy(dtype=object)
    cameo = edges["cameo"].astype(str).str.strip().to_numpy(dtype=object) if "cameo" in edges else None
    return {
        "direction": (source + "->" + target).astype(object),
        "source": source,
        "target": target,
        "sign": _sign(edges["weight"]),
        "cameo_root": np.array([c[:2] for c in cameo], dtype=object)
        if cameo is not None
        else np.full(len(edges), ""),
        "action": edges["action"].astype(str).to_numpy(dtype=object),
    }


def nominal_alpha(values_a, values_b) -> tuple[float | None, str]:
    """Krippendorff's alpha (nominal) of two coders who each gave every unit one value.

    Computed from the coincidence matrix's sums, never the matrix itself: each unit
    holds two values, so it adds 1 to o(a, b) and 1 to o(b, a); n = 2 x units,
    n_c = how often value c was given, and for nominal data

        alpha = 1 - (n - 1) x sum_{c != k} o(c, k) / sum_{c != k} n_c n_k
              = 1 - (n - 1) x 2 x disagreeing units / (n^2 - sum_c n_c^2)

    in memory linear in the units (a units x V x V array took 8.2 GB for 500 claims).
    Returns ``(alpha, "")``, or ``(None, reason)`` when alpha is undefined: no unit,
    or a single value across every unit and both coders (expected disagreement 0,
    so alpha is 0/0).
    """
    values_a = np.asarray(list(values_a), dtype=object)
    values_b = np.asarray(list(values_b), dtype=object)
    if len(values_a) != len(values_b):
        raise ArgumentError(
            "values_b", f"has {len(values_b)} values, values_a {len(values_a)}: give one per unit"
        )
    if len(values_a) == 0:
        return None, "no units: no matched claim defines this attribute in both codings"
    codes, uniques = pd.factorize(pd.Series(np.concatenate([values_a, values_b]), dtype=object))
    if len(uniques) < 2:
        return None, "undefined (0/0): every unit has the same value in both codings"
    units = len(values_a)
    n = 2 * units
    disagree = int((codes[:units] != codes[units:]).sum())
    counts = np.bincount(codes).astype(np.int64)
    expected = n * n - int((counts * counts).sum())
    return 1.0 - (n - 1) * 2 * disagree / expected, ""


def intercoder_agreement(a: EdgeSet, b: EdgeSet) -> Agreement:
    """Match the claims of two codings of one text and measure their agreement.

    Rows are matched by :func:`graphkit.claims.match_claims`: their quotes, located
    in the shared source text (whitespace aside), overlap by at least half of the
    shorter one; one-to-one. On matched claims, for each attribute: direction (the
    ordered pair source->target), source, target, sign (hostile weight < 0,
    neutral 0, cooperative > 0), cameo_root (the first two digits of the CAMEO
    code; only claims with a code in both codings count) and action.

    Parameters
    ----------
    a, b : EdgeSet
        Two codings whose ``source_text`` is the same, whitespace aside.

    Returns
    -------
    Agreement

    Raises
    ------
    GraphkitError
        When the sets do not both quote one source text (see :func:`codes_same_text`).
    """
    require_edge_set(a, "a")
    require_edge_set(b, "b")
    if not codes_same_text(a, b):
        raise GraphkitError(
            f"edge sets {a.name!r} and {b.name!r} do not both quote one source text: "
            "agreement needs two codings with the same source.txt and quotes"
        )
    edges_a, edges_b = a.edges.reset_index(drop=True), b.edges.reset_index(drop=True)
    match = match_claims(edges_a, edges_b, a.source_text or "")
    rows_a = np.array([i for i, _ in match.pairs], dtype=np.int64)
    rows_b = np.array([j for _, j in match.pairs], dtype=np.int64)
    values_a, values_b = _attributes(edges_a), _attributes(edges_b)
    pairs = pd.DataFrame({"row_a": rows_a, "row_b": rows_b})
    rows = []
    for name in AGREEMENT_ATTRIBUTES:
        va, vb = values_a[name][rows_a], values_b[name][rows_b]
        pairs[f"{name}_a"], pairs[f"{name}_b"] = va, vb
        defined = (va != "") & (vb != "")
        va, vb = va[defined], vb[defined]
        agree = int((va == vb).sum())
        alpha, note = nominal_alpha(va, vb)
        rows.append(
            {
                "attribute": name,
                "units": len(va),
                "agree": agree,
                "percent_agreement": 100.0 * agree / len(va) if len(va) else None,
                "alpha": alpha,
                "alpha_note": note,
            }
        )
    attributes = pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)
    attributes["percent_agreement"] = attributes["percent_agreement"].astype(float)
    attributes["alpha"] = attributes["alpha"].astype(float)
    return Agreement(
        name_a=a.name,
        name_b=b.name,
        matched=len(match.pairs),
        only_a=len(match.only_a),
        only_b=len(match.only_b),
        attributes=attributes,
        pairs=pairs,
    )
