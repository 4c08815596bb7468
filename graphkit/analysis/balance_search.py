"""The search behind :func:`graphkit.analysis.balance_alg.balance`: triangles counted with
sparse matrix products, and the fewest ties whose flip makes the signed graph balanced
(exact below a size, else restarts of a local search)."""

from __future__ import annotations

import time
from collections import deque

import numpy as np
from scipy import sparse

__all__ = ["NODE_LIMIT", "RESTARTS", "TRIANGLE_TYPES", "CampSearch", "count_triangles"]

TRIANGLE_TYPES = ("+++", "++-", "+--", "---")
# random restarts of the heuristic's local search (fixed, so that its camps are the same
# on every machine), and branch-and-bound nodes the solver may use under method="auto"
RESTARTS = 300
NODE_LIMIT = 1000


def _signed_matrix(n: int, a: np.ndarray, b: np.ndarray, values: np.ndarray) -> sparse.csr_matrix:
    """The symmetric n x n matrix with ``values`` at (a, b) and (b, a)."""
    rows, cols = np.concatenate([a, b]), np.concatenate([b, a])
    return sparse.csr_matrix((np.concatenate([values, values]), (rows, cols)), shape=(n, n))


def _at(product: sparse.csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The entries of ``product`` at (first[k], second[k]), pairs distinct.

    Adding then multiplying by the 0/1 mask of those positions keeps exactly them,
    zeros included, in row-major order: far faster than fancy indexing.
    """
    n = product.shape[0]
    mask = sparse.csr_matrix((np.ones(len(first), dtype=np.int64), (first, second)), shape=(n, n))
    kept = sparse.csr_matrix((product + mask).multiply(mask))
    kept.sort_indices()
    values = np.empty(len(first), dtype=np.int64)
    values[np.lexsort((second, first))] = kept.data - 1
    return values


#: Up to this many actors a dense signed graph's products are taken as dense matrices
#: (four of 2048 x 2048 floats: 128 MiB); counts stay exact (far below 2**53).
DENSE_MAX_ACTORS = 2048


def count_triangles(n: int, a: np.ndarray, b: np.ndarray, sign: np.ndarray) -> tuple[dict, np.ndarray]:
    """Triangle census by signs, and each actor's count of unbalanced (odd-negative) triangles.

    For each tie (i, j) the third actors w of its triangles are counted by the
    signs of (i, w) and (j, w) with sparse products: (P P)[i, j] both friendly,
    (N N)[i, j] both hostile, (P N)[i, j] + (P N)[j, i] one of each. Each
    triangle is seen from its three ties, so the census divides by 3.
    """
    if n <= DENSE_MAX_ACTORS and 2 * len(a) >= n * n // 8:
        # a dense graph (an eighth of all pairs tied or more): sparse products fill in
        # (a complete graph of 800 actors took 10 s), BLAS does them in a fraction of a second
        positive_d = np.zeros((n, n))
        negative_d = np.zeros((n, n))
        for matrix, chosen in ((positive_d, sign > 0), (negative_d, sign < 0)):
            matrix[a[chosen], b[chosen]] = matrix[b[chosen], a[chosen]] = 1.0
        both_plus = np.rint((positive_d @ positive_d)[a, b]).astype(np.int64)
        both_minus = np.rint((negative_d @ negative_d)[a, b]).astype(np.int64)
        mixed_dense = positive_d @ negative_d
        mixed = np.rint(mixed_dense[a, b] + mixed_dense[b, a]).astype(np.int64)
    else:
        positive = _signed_matrix(n, a, b, (sign > 0).astype(np.int64))
        negative = _signed_matrix(n, a, b, (sign < 0).astype(np.int64))
        both_plus = _at(positive @ positive, a, b)
        both_minus = _at(negative @ negative, a, b)
        mixed_product = positive @ negative
        mixed = _at(mixed_product, a, b) + _at(mixed_product, b, a)
    hostile = (sign < 0).astype(np.int64)
    by_negatives = np.zeros(4, dtype=np.int64)
    for extra, count in ((0, both_plus), (1, mixed), (2, both_minus)):
        by_negatives += np.bincount(hostile + extra, weights=count, minlength=4)[:4].astype(np.int64)
    counts = dict(zip(TRIANGLE_TYPES, (by_negatives // 3).tolist()))
    # a tie's triangles are unbalanced when the other two ties hold an odd number of
    # hostile ones (friendly tie) or an even number (hostile tie)
    odd = np.where(sign > 0, mixed, both_plus + both_minus)
    per_actor = np.bincount(a, weights=odd, minlength=n) + np.bincount(b, weights=odd, minlength=n)
    return counts, (per_actor // 2).astype(np.int64)


class CampSearch:
    """Camps (+1/-1 per actor) with as few frustrated ties as can be found.

    Trees hanging off the graph are peeled first (a tie to a leaf can always be
    satisfied), each remaining component is checked for balance exactly, then
    solved by the mixed-integer program or by the heuristic.
    """

    def __init__(self, n, a, b, sign, method, exact_max_ties, deadline, seed):
        self.n, self.a, self.b, self.sign = n, a, b, sign
        self.method, self.exact_max_ties, self.deadline = method, exact_max_ties, deadline
        self.rng = np.random.default_rng(seed)
        self.matrix = _signed_matrix(n, a, b, sign.astype(np.int64))
        self.exact, self.stopped_early = True, False
        self.used: set[str] = set()
        # auto stops the solver after a set number of branch-and-bound nodes (the same
        # on every machine); the time bound is only a guard
        self.node_limit = NODE_LIMIT if method == "auto" else 2**31 - 1

    def run(self) -> np.ndarray:
        n = self.n
        camp = np.ones(n)
        peeled = self._peel()
        alive = np.ones(n, dtype=bool)
        if peeled:
            alive[[v for v, _, _ in peeled]] = False
        core = self.matrix[alive][:, alive] if not alive.all() else self.matrix
        nodes = np.flatnonzero(alive)
        count, label = sparse.csgraph.connected_components(core, directed=False)
        balanced, signs = self._balanced(core, count, label)
        camp[nodes] = signs
        hard = [c for c in range(count) if not balanced[c]]
        heuristic_nodes = []
        order = np.argsort(label, kind="stable")  # each component's members, without a scan per component
        bounds = np.searchsorted(label[order], np.arange(count + 1))
        for component in hard:
            members = order[bounds[component] : bounds[component + 1]]
            if time.monotonic() > self.deadline:
                # past the bound: the components left share one heuristic pass, never
                # a solver start each (5,000 of them took 25 s under a 1 s bound)
                self.stopped_early = True
                heuristic_nodes.append(members)
                continue
            sub = core[members][:, members]
            ties = sub.nnz // 2
            if self.method == "exact" or (self.method == "auto" and ties <= self.exact_max_ties):
                camp[nodes[members]] = self._solve_exactly(sub)
                self.used.add("exact")
            else:
                heuristic_nodes.append(members)
        if heuristic_nodes:
            members = np.concatenate(heuristic_nodes)
            camp[nodes[members]] = self._heuristic(core[members][:, members])
            self.used.add("heuristic")
            self.exact = False
        for v, u, s in reversed(peeled):
            camp[v] = s * camp[u]
        # the alphabetically first actor of each component is in camp 0 (+1)
        count, label = sparse.csgraph.connected_components(self.matrix, directed=False)
        first = np.full(count, n)
        np.minimum.at(first, label, np.arange(n))
        camp *= camp[first][label]
        self.method = "+".join(sorted(self.used)) or "exact"
        if self.stopped_early:  # a search cut short proves nothing, whatever each part found
            self.exact = False
        return camp

    def _peel(self) -> list[tuple[int, int, int]]:
        """Remove actors with one tie, repeatedly; (actor, its last neighbour, sign) in order."""
        matrix = self.matrix
        indptr, indices, data = matrix.indptr, matrix.indices, matrix.data
        degree = np.diff(indptr).copy()
        removed = np.zeros(self.n, dtype=bool)
        queue = deque(np.flatnonzero(degree == 1).tolist())
        peeled = []
        while queue:
            v = queue.popleft()
            if removed[v] or degree[v] != 1:
                continue
            for k in range(indptr[v], indptr[v + 1]):
                u = indices[k]
                if not removed[u]:
                    break
            removed[v] = True
            degree[v] = 0
            degree[u] -= 1
            peeled.append((v, int(u), int(data[k])))
            if degree[u] == 1:
                queue.append(int(u))
        return peeled

    @staticmethod
    def _balanced(core, count, label) -> tuple[np.ndarray, np.ndarray]:
        """Which components are balanced, and camps (+1/-1) splitting each balanced one.

        On the graph of 2n nodes (i+, i-) a friendly tie joins i+ j+ and i- j-, a
        hostile one i+ j- and i- j+; a component is balanced exactly when no i+
        reaches its own i-, and then i's camp is whether i+ shares the component
        of its root's r+.
        """
        m = core.shape[0]
        coo = sparse.triu(core, format="coo")
        i, j, s = coo.row, coo.col, coo.data
        plus = s > 0
        rows = np.concatenate([i[plus], i[plus] + m, i[~plus], i[~plus] + m])
        cols = np.concatenate([j[plus], j[plus] + m, j[~plus] + m, j[~plus]])
        doubled = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(2 * m, 2 * m))
        _, twin = sparse.csgraph.connected_components(doubled, directed=False)
        contradiction = twin[:m] == twin[m:]
        balanced = np.ones(count, dtype=bool)
        balanced[label[contradiction]] = False
        root = np.full(count, m)
        np.minimum.at(root, label, np.arange(m))
        signs = np.where(twin[:m] == twin[root[label]], 1.0, -1.0)
        return balanced, signs

    def _remaining(self) -> float:
        return max(self.deadline - time.monotonic(), 0.0)

    def _solve_exactly(self, sub: sparse.csr_matrix) -> np.ndarray:
        """Camps of one component by the mixed-integer program, started from the heuristic.

        Variables: x_i (camp, 0/1) and f_ij (tie frustrated). Friendly ties:
        f >= x_i - x_j and f >= x_j - x_i; hostile ties: f >= x_i + x_j - 1 and
        f >= 1 - x_i - x_j. Minimise the sum of f. Two kinds of constraint make
        it faster without changing the optimum: every unbalanced triangle holds
        at least one frustrated tie, and the sum of f is at most what the
        heuristic found. A search cut short by ``node_limit`` (deterministic)
        or the time bound keeps the better camps, labelled not exact.
        """
        from scipy.optimize import Bounds, LinearConstraint, milp

        start = self._heuristic(sub)
        found = _frustrated(sub, start)
        m = sub.shape[0]
        coo = sparse.triu(sub, format="coo")
        i, j, s = coo.row, coo.col, coo.data
        e = len(s)
        edge = np.arange(e)
        plus = s > 0
        rows = np.concatenate([edge, edge, edge, edge + e, edge + e, edge + e])
        cols = np.concatenate([i, j, m + edge, i, j, m + edge])
        vals = np.concatenate(
            [
                np.ones(e),
                np.where(plus, -1.0, 1.0),
                -np.ones(e),
                -np.ones(e),
                np.where(plus, 1.0, -1.0),
                -np.ones(e),
            ]
        )
        upper = np.concatenate([np.where(plus, 0.0, 1.0), np.where(plus, 0.0, -1.0)])
        constraints = [
            LinearConstraint(sparse.csr_matrix((vals, (rows, cols)), shape=(2 * e, m + e)), -np.inf, upper)
        ]
        triangles = _odd_triangles(i, j, s, self.deadline)
        if len(triangles):
            which = np.repeat(np.arange(len(triangles)), 3)
            cover = sparse.csr_matrix(
                (np.ones(which.size), (which, m + triangles.ravel())), shape=(len(triangles), m + e)
            )
            constraints.append(LinearConstraint(cover, 1, np.inf))
        objective = np.concatenate([np.zeros(m), np.ones(e)])
        constraints.append(LinearConstraint(objective[None, :], -np.inf, found))
        upper_bounds = np.ones(m + e)
        upper_bounds[0] = 0.0  # the component's first actor in camp 0: the split, not its mirror
        result = milp(
            c=objective,
            constraints=constraints,
            integrality=np.concatenate([np.ones(m), np.zeros(e)]),  # f is 0/1 once x is
            bounds=Bounds(np.zeros(m + e), upper_bounds),
            options={
                "time_limit": max(self._remaining(), 1e-3),
                "node_limit": self.node_limit,
                "disp": False,
            },
        )
        proven = result.status == 0 and np.ceil(result.mip_dual_bound - 1e-6) >= round(result.fun)
        if not proven:
            self.exact = False
            self.used.add("heuristic")
            if time.monotonic() >= self.deadline:
                self.stopped_early = True
        if result.x is None:
            return start
        signs = np.where(result.x[:m] > 0.5, -1.0, 1.0)
        return signs if _frustrated(sub, signs) <= found else start

    def _heuristic(self, sub: sparse.csr_matrix) -> np.ndarray:
        """Camps by local search (single-actor flips) from the signed graph's leading
        eigenvector, then from seeded random perturbations of the best camps found."""
        from scipy.sparse.linalg import ArpackError, eigsh

        m = sub.shape[0]
        signs = np.ones(m)
        if m > 2:
            try:
                _, vectors = eigsh(
                    sub.astype(float), k=1, which="LA", v0=np.ones(m) / np.sqrt(m), maxiter=50 * m
                )
                signs = np.where(vectors[:, 0] < -1e-12, -1.0, 1.0)
            except ArpackError:  # no convergence: start from all in one camp
                pass
        best = _local_search(sub, signs, self.deadline)
        best_count = _frustrated(sub, best)
        for _ in range(RESTARTS):
            if best_count == 0:
                break
            if time.monotonic() > self.deadline:
                self.stopped_early = True
                break
            trial = best.copy()
            size = min(int(self.rng.integers(2, max(3, m // 8) + 1)), m)
            trial[self.rng.choice(m, size=size, replace=False)] *= -1
            trial = _local_search(sub, trial, self.deadline)
            count = _frustrated(sub, trial)
            if count < best_count:
                best, best_count = trial, count
        if time.monotonic() > self.deadline:
            self.stopped_early = True
        return best


#: The most unbalanced triangles given to the solver as cuts. They only speed it up
#: (the optimum is the same without them); a complete graph of 400 actors has 10
#: million triangles, which ran out of memory.
MAX_TRIANGLE_CUTS = 100_000


def _odd_triangles(i: np.ndarray, j: np.ndarray, s: np.ndarray, deadline: float = np.inf) -> np.ndarray:
    """Unbalanced triangles of ties (i, j, s), i < j, as rows of three tie positions:
    all of them, or the first MAX_TRIANGLE_CUTS, or those found by ``deadline``."""
    position = {(x, y): k for k, (x, y) in enumerate(zip(i.tolist(), j.tolist()))}
    later: dict[int, set] = {}
    for x, y in position:
        later.setdefault(x, set()).add(y)
    found: list[tuple[int, int, int]] = []
    for step, ((x, y), k) in enumerate(position.items()):
        if len(found) >= MAX_TRIANGLE_CUTS or (step % 256 == 0 and time.monotonic() > deadline):
            break
        for w in later.get(x, set()) & later.get(y, set()):  # x < y < w
            second, third = position[(x, w)], position[(y, w)]
            if s[k] * s[second] * s[third] < 0:
                found.append((k, second, third))
    return np.array(found[:MAX_TRIANGLE_CUTS], dtype=np.int64).reshape(-1, 3)


def _frustrated(sub: sparse.csr_matrix, signs: np.ndarray) -> int:
    """Frustrated ties of camps ``signs`` in the symmetric signed matrix ``sub``."""
    ties = sub.nnz // 2
    agreement = signs @ (sub @ signs) / 2  # satisfied minus frustrated ties
    return round((ties - agreement) / 2)


def _local_search(sub: sparse.csr_matrix, signs: np.ndarray, deadline: float) -> np.ndarray:
    """Flip the actor whose flip frees the most frustrated ties until none frees any.

    An actor's gain is its frustrated ties minus its satisfied ones, -s_i (S s)_i;
    flipping it negates its gain and moves its neighbours' fields by 2 S_ij s_i.
    """
    signs = signs.copy()
    indptr, indices, data = sub.indptr, sub.indices, sub.data.astype(float)
    field = sub @ signs
    gain = -signs * field
    steps = 0
    while True:
        v = int(np.argmax(gain))
        if gain[v] <= 0:
            break
        steps += 1
        if steps % 1000 == 0 and time.monotonic() > deadline:
            break
        signs[v] = -signs[v]
        gain[v] = -gain[v]
        start, stop = indptr[v], indptr[v + 1]
        neighbours = indices[start:stop]
        field[neighbours] += 2 * data[start:stop] * signs[v]
        gain[neighbours] = -signs[neighbours] * field[neighbours]
    return signs
