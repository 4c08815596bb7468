"""Bounds and arguments (issue 24): balance --time-limit honoured everywhere, extract
--model errors, robustness of two codings in folders of one name, API arguments
of the wrong kind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GDELT_SAMPLE = ROOT / "tests" / "data" / "gdelt1_sample_events.tsv"


def python(*args, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(ROOT), **kwargs.pop("env", {})}
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, check=False, **kwargs)


def test_balance_time_limit_holds_over_thousands_of_components(tmp_path):
    import json
    import time

    # 5,000 separate triangles, each with one hostile tie: 5,000 unbalanced
    # components, each small enough for the exact solver (before: 24.8 s under
    # --time-limit 1, and "exact": true beside a "cut short" message)
    lines = ["source,target,action,weight"]
    for k in range(5000):
        a, b, c = f"A{k}", f"B{k}", f"C{k}"
        lines += [f"{a},{b},aid,3", f"{b},{c},aid,3", f"{a},{c},threat,-5"]
    path = tmp_path / "triangles.csv"
    path.write_text("\n".join(lines) + "\n")
    start = time.monotonic()
    done = python("-m", "graphkit.cli", "balance", str(path), "--time-limit", "1", "--format", "json")
    elapsed = time.monotonic() - start
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["exact"] is False
    assert result["frustration"] == 5000  # one tie per triangle, found by the heuristic too
    assert "the time bound cut the search short" in done.stderr.decode()
    # a bound of 1 s: loading and the census take a few seconds here; far from 25
    assert elapsed < 15, elapsed


def test_the_triangle_cuts_are_bounded():
    import numpy as np

    from graphkit.analysis import balance_search

    # a complete signed graph of 60 actors: 34,220 triangles; with one tie hostile
    # per actor pair parity, about half are unbalanced
    n = 60
    i, j = np.triu_indices(n, 1)
    s = np.where((i + j) % 3 == 0, -1, 1)
    everything = balance_search._odd_triangles(i, j, s)
    assert 1000 < len(everything) <= 34_220
    bounded = balance_search._odd_triangles(i, j, s, deadline=0.0)  # already past: stops at once
    assert len(bounded) < len(everything)


def test_extract_model_errors_are_one_line(tmp_path):
    text = tmp_path / "article.txt"
    text.write_text("Freedonia imposed tariffs on Sylvania.\n")
    # no key in the environment: a one-line error naming the model (before: internal error)
    env = {k: v for k, v in os.environ.items() if not k.endswith("_API_KEY")}
    env["LLM_USER_PATH"] = str(tmp_path / "llm-home")  # no stored keys either
    no_key = python(
        "-m",
        "graphkit.cli",
        "extract",
        str(text),
        "-o",
        str(tmp_path / "d"),
        "--model",
        "gpt-4o-mini",
        env=env,
    )
    assert no_key.returncode == 2
    assert no_key.stderr.decode().startswith("graphkit: model 'gpt-4o-mini' needs a key: ")
    assert len(no_key.stderr.splitlines()) == 1
    # --model "" would be llm's default, a remote model: refused (before: it was used)
    empty = python(
        "-m", "graphkit.cli", "extract", str(text), "-o", str(tmp_path / "d"), "--model", "", env=env
    )
    assert empty.returncode == 2
    assert empty.stderr.decode() == (
        "graphkit: --model is empty: name a model (see 'llm models list'), or leave it out for the offline rules\n"
    )
    assert not (tmp_path / "d").exists()


def test_robustness_takes_two_codings_in_folders_of_one_name(tmp_path):
    for coder, weight in (("a", -4), ("b", -6)):
        folder = tmp_path / coder / "article"
        folder.mkdir(parents=True)
        (folder / "edges.csv").write_text(f"source,target,action,weight\nUSA,CAN,tariff,{weight}\n")
    done = python(
        "-m", "graphkit.cli", "robustness", "a/article", "b/article", "--format", "csv", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr  # before: "edge set 'article' is given twice"
    header = done.stdout.decode().splitlines()[0]
    assert "a/article:action" in header and "b/article:action" in header
    again = python("-m", "graphkit.cli", "robustness", "a/article", "a/article/", cwd=tmp_path)
    assert again.returncode == 2
    assert "is given twice" in again.stderr.decode()


def test_api_arguments_of_the_wrong_kind_are_argument_errors():
    import pytest

    import graphkit as gk
    from graphkit.errors import ArgumentError

    es = gk.load_edge_set("essay")
    # each raised TypeError or ValueError from deep inside before (found by calling
    # every public function with a wrong value for each keyword)
    calls = [
        (lambda: gk.balance(es, time_limit="10"), "time_limit"),
        (lambda: gk.balance(es, exact_max_ties="x"), "exact_max_ties"),
        (lambda: gk.balance(es, seed=-1), "seed"),
        (lambda: gk.centrality(es, measures=3), "measures"),
        (lambda: gk.filter_edge_sets(es, es, since=2024), "since"),
        (lambda: gk.robustness([es, gk.load_edge_set("essay-2025-v1")], top="5"), "top"),
    ]
    for call, argument in calls:
        with pytest.raises(ArgumentError) as caught:
            call()
        assert caught.value.argument == argument
