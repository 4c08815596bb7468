"""Properties of diff over generated edge sets: a set against itself, mirror images, row order."""

from __future__ import annotations

import random

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from graphkit.compare.diff import diff_edge_sets
from graphkit.edgeset import load_edge_set

ACTORS = ["A", "B", "C", "D"]
ACTIONS = ["accusation", "criticism", "cooperation"]

row = st.tuples(
    st.sampled_from(ACTORS),
    st.sampled_from(ACTORS),
    st.sampled_from(ACTIONS),
    st.sampled_from(["-5", "-2", "", "3"]),  # "" takes the action's taxonomy weight
    st.sampled_from(["", "2020", "2021-05"]),
    st.sampled_from(["said x", "said y"]),
).filter(lambda r: r[0] != r[1])

rows = st.lists(row, min_size=1, max_size=12)


def to_csv(edges: list[tuple], ids: list[str] | None) -> bytes:
    header = ("id," if ids else "") + "source,target,action,weight,date,quote"
    lines = [header]
    for i, (source, target, action, weight, date, quote) in enumerate(edges):
        prefix = f"{ids[i]}," if ids else ""
        lines.append(f"{prefix}{source},{target},{action},{weight},{date},{quote}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@st.composite
def edge_sets(draw, with_ids: bool):
    edges = draw(rows)
    ids = None
    if with_ids:
        # ids from a small pool so that two drawn sets share some
        ids = draw(st.permutations([f"e{i}" for i in range(12)]))[: len(edges)]
    return load_edge_set("-", stdin=to_csv(edges, ids))


def shuffled(edge_set, seed: int):
    order = list(range(len(edge_set.edges)))
    random.Random(seed).shuffle(order)
    return edge_set.with_edges(edge_set.edges.iloc[order])


SIMILARITIES = [
    "jaccard_edges",
    "jaccard_strained_pairs",
    "weighted_jaccard_strain",
    "kendall_tau_both",
    "spearman_both",
    "kendall_tau_top_k",
    "spearman_top_k",
]


@given(st.booleans().flatmap(edge_sets), st.integers(0, 1000))
def test_a_set_against_itself_in_any_order_is_empty_with_similarity_one(edge_set, seed):
    d = diff_edge_sets(edge_set, shuffled(edge_set, seed))
    assert not d.differs
    assert d.added.empty and d.removed.empty and d.changed.empty
    assert d.centrality_changes.empty and d.strain_changes().empty
    assert d.unchanged == len(edge_set.edges)
    for name in SIMILARITIES:
        metric = d.metrics[name]
        # undefined is allowed only for a stated reason (e.g. no strained pair at all)
        assert metric.value == 1.0 or (metric.value is None and metric.reason), name
    assert d.metrics["jaccard_edges"].value == 1.0
    assert d.metrics["hamming_adjacency"].value == 0


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.astype(str).sort_values(list(frame.columns)).reset_index(drop=True)


@given(st.booleans().flatmap(lambda ids: st.tuples(edge_sets(ids), edge_sets(ids))))
def test_diff_b_a_mirrors_diff_a_b(pair):
    a, b = pair
    ab, ba = diff_edge_sets(a, b), diff_edge_sets(b, a)
    assert ab.identity == ba.identity
    assert ab.added.equals(ba.removed) and ab.removed.equals(ba.added)
    assert ab.actors_added.equals(ba.actors_removed) and ab.actors_removed.equals(ba.actors_added)
    # by id, changed rows show the edge's source/target/action in the old set; compare the rest
    keep = [
        c for c in ab.changed.columns if ab.identity != ("id",) or c not in ("source", "target", "action")
    ]
    mirrored = ba.changed.rename(columns={"old": "new", "new": "old"})
    assert _sorted(ab.changed[keep]).equals(_sorted(mirrored[keep]))
    assert ab.unchanged == ba.unchanged and ab.differs == ba.differs

    strain_ab = ab.strain.set_index(["actor_a", "actor_b"]).sort_index()
    strain_ba = ba.strain.set_index(["actor_a", "actor_b"]).sort_index()
    assert (strain_ab["strain_a"] == strain_ba["strain_b"]).all()
    assert (strain_ab["delta"] == -strain_ba["delta"]).all()
    assert strain_ab["rank_a"].equals(strain_ba["rank_b"])

    cent_ab = ab.centrality_changes.set_index(["actor", "measure"]).sort_index()
    cent_ba = ba.centrality_changes.set_index(["actor", "measure"]).sort_index()
    assert cent_ab.index.equals(cent_ba.index)
    assert (cent_ab["delta"] == -cent_ba["delta"]).all()

    for name, metric in ab.metrics.items():
        other = ba.metrics[name]
        assert (metric.value is None) == (other.value is None), name
        if metric.value is not None:
            assert abs(metric.value - other.value) < 1e-12, name


@given(st.booleans().flatmap(lambda ids: st.tuples(edge_sets(ids), edge_sets(ids))))
def test_every_edge_is_accounted_for_once(pair):
    a, b = pair
    d = diff_edge_sets(a, b)
    assert d.unchanged + d.changed_edges + len(d.removed) == len(a.edges)
    assert d.unchanged + d.changed_edges + len(d.added) == len(b.edges)
    shared = d.unchanged + d.changed_edges
    counts = d.union["change"].value_counts()
    assert [int(counts.get(c, 0)) for c in ("unchanged", "changed", "added", "removed")] == [
        d.unchanged,
        d.changed_edges,
        len(d.added),
        len(d.removed),
    ]
    assert d.metrics["jaccard_edges"].value == shared / (shared + len(d.added) + len(d.removed))
