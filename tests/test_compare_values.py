"""Matched rows compared field by field: equal as the shared codes make values equal."""

from __future__ import annotations

import numpy as np
import pandas as pd

from graphkit.compare.values import fields_differ, joint_codes


def test_fields_differ_by_hand():
    a = pd.DataFrame(
        {
            "weight": [1.0, np.nan, 0.0, -2.0],
            "quote": pd.array(["x", "y", None, "z"], dtype="str"),
            "tag": pd.Series(["p", "q", "r", "s"], dtype=object),  # not Arrow: compared by codes
        }
    )
    b = pd.DataFrame(
        {
            "weight": [-2.0, 1.0, np.nan, -0.0],
            "quote": pd.array(["z", "x", "y", None], dtype="str"),
            "tag": pd.Series(["s", "p", "q", "R"], dtype=object),
        }
    )
    # a's rows 0, 1, 2, 3 matched with b's rows 1, 2, 3, 0:
    # weight 1 = 1; NaN = NaN (missing both sides); 0.0 = -0.0; -2 = -2
    # quote x = x; y = y; missing vs missing; z = z
    # tag p = p; q = q; r vs R differ; s = s
    pos_a, pos_b = np.array([0, 1, 2, 3]), np.array([1, 2, 3, 0])
    differ = fields_differ(a, b, pos_a, pos_b, ["weight", "quote", "tag"])
    assert differ["weight"].tolist() == [False, False, False, False]
    assert differ["quote"].tolist() == [False, False, False, False]
    assert differ["tag"].tolist() == [False, False, True, False]
    # a missing value against a present one differs
    differ = fields_differ(a, b, np.array([1, 2]), np.array([0, 0]), ["weight", "quote"])
    assert differ["weight"].tolist() == [True, True]
    assert differ["quote"].tolist() == [True, True]


def test_fields_differ_agrees_with_codes():
    rng = np.random.default_rng(3)
    values = np.array(["a", "b", "c", None], dtype=object)
    a = pd.DataFrame(
        {
            "t": pd.array(values[rng.integers(0, 4, 500)], dtype="str"),
            "w": rng.choice([0.0, -0.0, 1.5, np.nan], 500),
        }
    )
    b = pd.DataFrame(
        {
            "t": pd.array(values[rng.integers(0, 4, 400)], dtype="str"),
            "w": rng.choice([0.0, -0.0, 1.5, np.nan], 400),
        }
    )
    pos_a, pos_b = rng.integers(0, 500, 300), rng.integers(0, 400, 300)
    differ = fields_differ(a, b, pos_a, pos_b, ["t", "w"])
    for field in ("t", "w"):
        code_a, code_b, _ = joint_codes(a[field], b[field], sort=False)
        assert differ[field].tolist() == (code_a[pos_a] != code_b[pos_b]).tolist()
