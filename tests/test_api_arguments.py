"""Every public function checks its arguments (issue 15, section 6): a wrong one is
an ArgumentError (a GraphkitError and a ValueError) naming the parameter, never an
AttributeError, a TypeError or a silently wrong answer."""

from __future__ import annotations

import pytest

import graphkit as gk
from graphkit.analysis.balance_report import format_balance
from graphkit.errors import ArgumentError


@pytest.fixture(scope="module")
def essay():
    return gk.load_edge_set("essay")


def cases(es):
    """(name of the public function, call with a wrong argument, the argument named)."""
    diff = gk.diff_edge_sets(es, es, with_centrality=False)
    return [
        ("load_edge_set", lambda: gk.load_edge_set("-", stdin="source,target,action\n"), "stdin"),
        ("load_edge_set", lambda: gk.load_edge_set(42), "spec"),
        ("load_edge_set", lambda: gk.load_edge_set("essay", progress="loud"), "progress"),
        ("validate_edge_set", lambda: gk.validate_edge_set("-", stdin="x"), "stdin"),
        ("filter_edges", lambda: gk.filter_edges(None), "edge_set"),
        ("filter_edges", lambda: gk.filter_edges(es, since=2024), "since"),
        ("filter_edges", lambda: gk.filter_edges(es, domain=[1]), "domain"),
        ("filter_edge_sets", lambda: gk.filter_edge_sets(es, "essay"), "b"),
        ("ordered_pairs", lambda: gk.ordered_pairs(es), "edges"),
        ("strain", lambda: gk.strain(es, top=-1), "top"),  # used to drop the last row silently
        ("strain", lambda: gk.strain(es, top=0), "top"),
        ("strain", lambda: gk.strain(es, top=2.5), "top"),
        ("strain", lambda: gk.strain(None), "edge_set"),  # used to raise AttributeError
        ("centrality", lambda: gk.centrality("essay"), "edge_set"),
        ("diff_edge_sets", lambda: gk.diff_edge_sets(es, None), "b"),
        ("diff_edge_sets", lambda: gk.diff_edge_sets(es, es, top=0), "top"),
        ("format_diff", lambda: gk.format_diff(es, "table"), "diff"),
        ("render_html", lambda: gk.render_html(es, top=0), "top"),
        ("render_html", lambda: gk.render_html(es, color_by="rainbow"), "color_by"),
        ("to_pyvis", lambda: gk.to_pyvis(es, size_by="size"), "size_by"),
        ("diff_html", lambda: gk.diff_html(diff, es, None), "b"),
        ("export_graph", lambda: gk.export_graph(None, "csv"), "edge_set"),
        ("export_graph", lambda: gk.export_graph(es, "xlsx"), "fmt"),
        ("read_gdelt", lambda: gk.read_gdelt(5), "paths"),
        ("read_gdelt", lambda: gk.read_gdelt([]), "paths"),
        ("read_gdelt", lambda: gk.read_gdelt(["-"], stdin="text"), "stdin"),
        ("format_frame", lambda: gk.format_frame(es, "csv"), "frame"),
        ("format_frame", lambda: gk.format_frame(es.edges, "xml"), "fmt"),
        ("count_units", lambda: gk.count_units(es), "edges"),
        ("robustness", lambda: gk.robustness([es, "essay"]), "edge_sets"),
        ("robustness", lambda: gk.robustness([es, es], top=0), "top"),
        ("robustness_records", lambda: gk.robustness_records(None), "table"),
        ("intercoder_agreement", lambda: gk.intercoder_agreement(es, es.edges), "b"),
        ("score", lambda: gk.score("draft", es), "candidate"),
        ("score", lambda: gk.score(es, es, source_text=b"text"), "source_text"),
        ("format_score", lambda: gk.format_score(es, "table"), "result"),
        ("extract_edge_set", lambda: gk.extract_edge_set(b"The USA sanctioned Iran."), "text"),
        ("write_draft", lambda: gk.write_draft("draft", "out"), "result"),
        ("load_gazetteer", lambda: gk.load_gazetteer(7), "path"),
        ("write_starter", lambda: gk.write_starter(None), "folder"),
        ("cameo_codes", lambda: gk.cameo_codes(163), "query"),
        ("balance", lambda: gk.balance(None), "edge_set"),
        ("balance", lambda: gk.balance(es, method="x"), "method"),
        ("signed_ties", lambda: gk.signed_ties("essay"), "edge_set"),
        ("strain_communities", lambda: gk.strain_communities(None, []), "pairs"),
        ("strain_communities", lambda: gk.strain_communities(gk.strain(es), 5), "actors"),
        ("strain_communities", lambda: gk.strain_communities(gk.strain(es), ["USA"]), "actors"),
        ("from_frame", lambda: gk.from_frame(es), "edges"),
        ("from_frame", lambda: gk.from_frame(es.edges, es.actors.to_dict()), "actors"),
        ("from_frame", lambda: gk.from_frame(es.edges, source_text=b"text"), "source_text"),
        ("to_networkx", lambda: gk.to_networkx(es.edges), "edge_set"),
        ("to_networkx", lambda: gk.to_networkx(es, level="claims"), "level"),
        ("filter_edges", lambda: gk.filter_edges(es, since="2024", undated="maybe"), "undated"),
        ("timeline", lambda: gk.timeline(None), "edge_set"),
        ("timeline", lambda: gk.timeline(es, freq="decade"), "freq"),
        ("timeline", lambda: gk.timeline(es, top=0), "top"),
        ("summary", lambda: gk.summary(es, by="decade"), "by"),
        ("summary", lambda: gk.summary(es, layer="signed"), "layer"),
        ("read_dyads", lambda: gk.read_dyads(5, source="i", target="j", time="year", hostile=["n"]), "path"),
        ("read_dyads", lambda: gk.read_dyads("x.csv", source="i", target="j", time="year"), "hostile"),
        ("panel_table", lambda: gk.panel_table(es.edges), "edge_set"),
        ("panel_table", lambda: gk.panel_table(es, freq="day"), "freq"),
        ("resample_strain", lambda: gk.resample_strain(es, resamples=0), "resamples"),
        ("resample_strain", lambda: gk.resample_strain(es, seed=-1), "seed"),
        ("drop_one", lambda: gk.drop_one(None), "edge_set"),
        ("drop_one", lambda: gk.drop_one(es, top=0), "top"),
        ("with_scale", lambda: gk.with_scale(es.edges, "richter"), "scale"),
        ("plover_of", lambda: gk.plover_of(163), "cameo"),
        ("read_aliases", lambda: gk.read_aliases(7), "path"),
        ("apply_aliases", lambda: gk.apply_aliases(None, {}), "edge_set"),
        ("apply_aliases", lambda: gk.apply_aliases(es, ["A", "B"]), "aliases"),
        ("strain", lambda: gk.strain(es, scale="richter"), "scale"),
        ("robustness", lambda: gk.robustness([es], scales=["richter"]), "scale"),
        ("verify", lambda: gk.verify(None, "events.CSV"), "claims"),
        ("verify", lambda: gk.verify(es, 5), "record"),
        ("verify", lambda: gk.verify(es, []), "record"),
        ("verify", lambda: gk.verify(es, "events.CSV", period="2025-13"), "period"),
        ("verify", lambda: gk.verify(es, "events.CSV", top=0), "top"),
        ("verify", lambda: gk.verify(es, "events.CSV", slack_days=-1), "slack_days"),
        ("read_record", lambda: gk.read_record([]), "record"),
        ("read_record", lambda: gk.read_record([b"events.CSV"]), "record"),
        ("read_record", lambda: gk.read_record("events.CSV", progress="loud"), "progress"),
        # round three: each raised a bare TypeError or ValueError
        ("read_record", lambda: gk.read_record("events.CSV", pairs=3.5), "pairs"),
        ("read_record", lambda: gk.read_record("events.CSV", pairs="USA"), "pairs"),
        ("robustness", lambda: gk.robustness([es], units=None), "units"),
        ("robustness", lambda: gk.robustness([es], scales=None), "scales"),
        ("strain_communities", lambda: gk.strain_communities(gk.strain(es), None), "actors"),
        (
            "read_dyads",
            lambda: gk.read_dyads("x.csv", source="i", target="j", time="y", hostile=None),
            "hostile",
        ),
        (
            "read_dyads",
            lambda: gk.read_dyads("x.csv", source="i", target="j", time="y", cooperative=None),
            "cooperative",
        ),
        ("with_scale", lambda: gk.with_scale(None, "count"), "edges"),
        ("with_scale", lambda: gk.with_scale(es.edges.drop(columns="weight"), "count"), "edges"),
        ("format_diff", lambda: gk.format_diff(diff, None), "fmt"),
        ("balance", lambda: format_balance(gk.balance(es), "xml"), "fmt"),
        ("strain", lambda: gk.strain(es, resamples=10**30), "resamples"),
        ("resample_strain", lambda: gk.resample_strain(es, resamples=10**7), "resamples"),
        # a NUL character in a path: open() raises a bare ValueError
        ("write_starter", lambda: gk.write_starter("mine\x00"), "folder"),
        ("read_aliases", lambda: gk.read_aliases("aliases\x00.csv"), "path"),
        ("load_gazetteer", lambda: gk.load_gazetteer("gaz\x00.csv"), "path"),
        ("extract_edge_set", lambda: gk.extract_edge_set("text", gazetteer="gaz\x00.csv"), "gazetteer"),
        ("read_gdelt", lambda: gk.read_gdelt("events\x00.CSV"), "paths"),
        ("read_gdelt", lambda: gk.read_gdelt(["events\x00.CSV"]), "paths"),
    ]


# functions that take no argument a caller could get wrong, and classes
NO_ARGUMENTS = {"bundled_sets", "taxonomy", "cameo_table"}


def test_every_public_function_refuses_a_wrong_argument_by_name(essay):
    for name, call, argument in cases(essay):
        with pytest.raises(ArgumentError) as caught:
            call()
        assert caught.value.argument == argument, name
        assert isinstance(caught.value, ValueError) and isinstance(caught.value, gk.GraphkitError)
        assert str(caught.value).startswith(argument), str(caught.value)


def test_the_cases_cover_every_public_function(essay):
    functions = {
        name for name in gk.__all__ if callable(getattr(gk, name)) and not isinstance(getattr(gk, name), type)
    }
    covered = {name for name, _, _ in cases(essay)}
    assert functions - NO_ARGUMENTS == covered


def test_read_gdelt_takes_one_path_as_a_str(tmp_path):
    from pathlib import Path

    sample = Path(__file__).parent / "data" / "gdelt1_sample_events.tsv"
    assert len(gk.read_gdelt(str(sample)).edges) == len(gk.read_gdelt([sample]).edges) == 139
