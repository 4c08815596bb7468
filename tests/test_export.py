"""graphkit export: every format read back by networkx and, independently, by python-igraph."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from graphkit.edgeset import load_edge_set
from graphkit.interop.export import action_table, export_graph, pair_table

igraph = pytest.importorskip("igraph", reason="python-igraph is a test extra: pip install -e '.[test]'")

# igraph warns that it keeps the edges' 'id' data (written for networkx's edge_id_from_attribute)
# rather than the GraphML edge ids: both hold the same values.
pytestmark = pytest.mark.filterwarnings("ignore:Could not add edge ids:RuntimeWarning")

SAMPLE = Path(__file__).parent / "data" / "gdelt1_sample_events.tsv"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"


@pytest.fixture(scope="module")
def essay():
    return load_edge_set("essay")


@pytest.fixture(scope="module")
def pairs(essay) -> dict[tuple[str, str], tuple[float, float, int]]:
    table = pair_table(essay)
    return {
        (s, t): (strain, coop, n)
        for s, t, strain, coop, n in zip(
            table.source, table.target, table.strain, table.cooperation, table.actions
        )
    }


@pytest.fixture(scope="module")
def exported(run, tmp_path_factory):
    """Each format of the essay, written by the command to a file."""
    folder = tmp_path_factory.mktemp("export")
    paths = {}
    for fmt in ("graphml", "gexf", "json", "csv"):
        for level in ("pair", "action"):
            path = folder / f"essay-{level}.{fmt}"
            result = run("export", "--format", fmt, "--level", level, "-o", path)
            assert result.exit_code == 0, result.stderr
            assert result.stdout == ""
            paths[fmt, level] = path
    return paths


def test_pair_table_by_hand(pairs):
    # edges/essay/edges.csv: USA -> CAN e01 tariff (taxonomy: CAMEO 163, -8.0), e45 postponement
    # (CAMEO 080, +5.0), e32 threat (CAMEO 130, -4.4): strain 8.0 + 4.4 = 12.4, cooperation 5.0,
    # 3 actions; CAN -> USA e06 retaliation (taxonomy: CAMEO 163, -8.0)
    assert pairs["USA", "CAN"] == (12.4, 5.0, 3)
    assert pairs["CAN", "USA"] == (8.0, 0.0, 1)
    assert all(strain >= 0 and coop >= 0 for strain, coop, _ in pairs.values())


def test_per_type_counts(essay):
    table = pair_table(essay).set_index(["source", "target"])
    row = table.loc[("USA", "CAN")]
    # USA -> CAN: e01 tariff, e45 postponement, e32 threat; retaliation (e06) goes the other way
    assert (row["n_tariff"], row["n_postponement"], row["n_threat"], row["n_retaliation"]) == (1, 1, 1, 0)
    counts = [c for c in table.columns if c.startswith("n_")]
    assert (table[counts].sum(axis=1) == table["actions"]).all()


def test_graphml_read_by_networkx_and_igraph(exported, pairs, essay):
    path = exported["graphml", "pair"]
    graph = nx.read_graphml(path)
    assert graph.number_of_nodes() == 16
    assert set(graph.nodes) == set(essay.actors["id"])
    assert {
        (u, v): (d["strain"], d["cooperation"], d["actions"]) for u, v, d in graph.edges(data=True)
    } == pairs
    usa = graph.nodes["USA"]
    assert (usa["name"], usa["kind"], usa["group"]) == ("United States", "state", "US")
    assert {"pagerank", "betweenness", "hub", "authority", "hostile_out", "degree_in"} <= set(usa)
    assert graph.edges["USA", "CAN"]["n_tariff"] == 1

    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.is_directed()
    names = ig.vs["id"]
    assert sorted(names) == sorted(essay.actors["id"])
    found = {(names[e.source], names[e.target]): (e["strain"], e["cooperation"], e["actions"]) for e in ig.es}
    assert found == pairs
    assert ig.vs.find(id="USA")["name"] == "United States"


def _graphml_ids(path: Path) -> list[str]:
    return [edge.get("id") for edge in ET.parse(path).getroot().iter(f"{GRAPHML}edge")]


def _keys_unique_per_domain(root, tag: str) -> None:
    seen = [(key.get("for"), key.get("attr.name")) for key in root.iter(tag)]
    assert len(seen) == len(set(seen)), "an attribute name has two types"


def test_graphml_edge_ids_unique(exported, essay):
    pair_ids = _graphml_ids(exported["graphml", "pair"])
    # 20 ordered pairs: USA to CAN, MEX, KOR, JPN, JPNBUS, EUR, RUS, UKR, NER, DNK, DEU, ISR (12);
    # to USA from MEX, CAN, JPNBUS, JPN, DEUMED, FRA, DEU (7); USABUS -> EUR (1)
    assert len(pair_ids) == len(set(pair_ids)) == 20 and None not in pair_ids
    action_ids = _graphml_ids(exported["graphml", "action"])
    assert sorted(action_ids) == sorted(essay.edges["id"])  # 33 actions, the edge set's own ids
    _keys_unique_per_domain(ET.parse(exported["graphml", "action"]).getroot(), f"{GRAPHML}key")


def test_graphml_action_level(exported, essay):
    ig = igraph.Graph.Read_GraphML(str(exported["graphml", "action"]))
    assert ig.ecount() == 33  # rows of edges/essay/edges.csv
    names = ig.vs["id"]
    by_id = {e["id"]: e for e in ig.es}
    e06 = by_id["e06"]  # CAN -> USA retaliation, CAMEO 163 by the taxonomy: -8.0
    assert (names[e06.source], names[e06.target], e06["action"], e06["goldstein"]) == (
        "CAN",
        "USA",
        "retaliation",
        -8.0,
    )
    assert (e06["strain"], e06["cooperation"], e06["domain"], e06["date"]) == (8.0, 0.0, "trade", "2025")
    assert e06["quote"].startswith("Canada was forced to counter")
    e32 = by_id["e32"]  # no date in the file: an empty string, not None
    assert e32["date"] == "" and e32["cameo"] == "130"
    multi = nx.read_graphml(exported["graphml", "action"])
    assert multi.is_multigraph() and multi.number_of_edges() == 33


def test_gexf_read_by_networkx_and_xml(exported, pairs):
    path = exported["gexf", "pair"]
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() == 16
    assert {
        (u, v): (d["strain"], d["cooperation"], d["actions"]) for u, v, d in graph.edges(data=True)
    } == pairs
    assert graph.nodes["USA"]["label"] == "United States"

    root = ET.parse(path).getroot()
    assert root.find(f"{GEXF}meta").get("lastmodifieddate") is None  # same input, same bytes
    graph_element = root.find(f"{GEXF}graph")
    assert graph_element.get("defaultedgetype") == "directed"
    nodes = {n.get("id"): n.get("label") for n in graph_element.iter(f"{GEXF}node")}
    assert len(nodes) == 16 and nodes["CAN"] == "Canada"
    titles = {a.get("id"): a.get("title") for a in graph_element.iter(f"{GEXF}attribute")}
    edges = list(graph_element.iter(f"{GEXF}edge"))
    assert len({e.get("id") for e in edges}) == len(edges) == 20  # ordered pairs, as in the GraphML test
    found = {}
    for edge in edges:
        values = {titles[v.get("for")]: v.get("value") for v in edge.iter(f"{GEXF}attvalue")}
        found[edge.get("source"), edge.get("target")] = (
            float(values["strain"]),
            float(values["cooperation"]),
            int(values["actions"]),
        )
    assert found == pairs


def test_gexf_action_level(exported):
    graph = nx.read_gexf(exported["gexf", "action"])
    assert graph.number_of_edges() == 33
    edges = list(ET.parse(exported["gexf", "action"]).getroot().iter(f"{GEXF}edge"))
    assert len({e.get("id") for e in edges}) == 33


def test_json_node_link(exported, pairs):
    data = json.loads(exported["json", "pair"].read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    assert data["directed"] is True
    ig = igraph.Graph(directed=True)
    ig.add_vertices([n["id"] for n in data["nodes"]])
    ig.add_edges([(e["source"], e["target"]) for e in data["edges"]])
    ig.es["strain"] = [e["strain"] for e in data["edges"]]
    ig.es["cooperation"] = [e["cooperation"] for e in data["edges"]]
    ig.es["actions"] = [e["actions"] for e in data["edges"]]
    assert ig.vcount() == 16
    names = ig.vs["name"]
    assert {
        (names[e.source], names[e.target]): (e["strain"], e["cooperation"], e["actions"]) for e in ig.es
    } == pairs
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.is_directed() and graph.number_of_nodes() == 16
    for node in data["nodes"]:
        assert None not in node.values() and not any(isinstance(v, (list, dict)) for v in node.values())


def test_csv_pairs(exported, pairs):
    text = exported["csv", "pair"].read_text(encoding="utf-8")
    assert text.startswith("source,target,strain,cooperation,actions,hostile,cooperative,n_")
    frame = pd.read_csv(io.StringIO(text))
    ig = igraph.Graph.DataFrame(frame, directed=True, use_vids=False)
    names = ig.vs["name"]
    assert {
        (names[e.source], names[e.target]): (e["strain"], e["cooperation"], e["actions"]) for e in ig.es
    } == pairs
    actions = list(csv.DictReader(io.StringIO(exported["csv", "action"].read_text(encoding="utf-8"))))
    assert len(actions) == 33
    # e01..e42 of the first coding less the eleven the re-coding removed, plus e45 and e46
    removed = {3, 4, 9, 11, 20, 21, 22, 27, 33, 34, 35}
    kept = {f"e{i:02d}" for i in range(1, 43) if i not in removed}
    assert {r["id"] for r in actions} == kept | {"e45", "e46"}


def test_deterministic_and_stdout_matches_file(run, exported):
    for (fmt, level), path in exported.items():
        again = run("export", "--format", fmt, "--level", level)
        assert again.exit_code == 0
        assert again.stdout_bytes == path.read_bytes(), (fmt, level)


def test_filters_apply(run, tmp_path):
    result = run("export", "--format", "csv", "--domain", "trade")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    essay = load_edge_set("essay")
    trade = essay.edges[essay.edges["domain"] == "trade"]
    assert sum(int(r["actions"]) for r in rows) == len(trade)
    nothing = run("export", "--since", "2099")
    assert nothing.exit_code == 2
    assert "leaves no action of edge set 'essay'" in nothing.stderr
    assert nothing.stdout == ""


def test_an_output_name_that_names_no_format_is_refused(run, tmp_path):
    # a newcomer asking for "a Gephi file" writes -o essay.gephi: graphkit used to write GraphML
    # under that name, which Gephi takes for one of its own project files and cannot open
    for name in ("essay.gephi", "essay"):
        path = tmp_path / name
        result = run("export", "-o", path)
        assert (result.exit_code, path.exists()) == (2, False)
        assert (
            result.stderr.count("\n") == 1 and "name the file .graphml, .gexf, .json or .csv" in result.stderr
        )
    assert "cannot tell the format from '.gephi'" in run("export", "-o", tmp_path / "essay.gephi").stderr
    # an explicit --format is what the user asked for, whatever the name
    assert run("export", "--format", "gexf", "-o", tmp_path / "essay.gephi").exit_code == 0
    assert (tmp_path / "essay.gephi").read_text(encoding="utf-8").startswith("<?xml")


def test_gephi_weight_option(run):
    graph = nx.read_graphml(io.BytesIO(run("export", "--weight", "strain").stdout_bytes))
    assert graph.edges["USA", "CAN"]["weight"] == 12.4  # strain USA -> CAN, as in test_pair_table_by_hand
    plain = nx.read_graphml(io.BytesIO(run("export").stdout_bytes))
    assert all("weight" not in d for *_, d in plain.edges(data=True))


def test_awkward_text_survives(tmp_path):
    # a control character (not allowed in XML), markup and a missing date
    path = tmp_path / "edges.csv"
    path.write_text(
        "id,source,target,action,quote,note\n"
        'a1,USA,CAN,tariff,"<b>25%</b> & \x0bmore",\n'
        "a2,CAN,USA,retaliation,,x\n",
        encoding="utf-8",
    )
    edge_set = load_edge_set(path)
    graph = nx.read_graphml(
        io.BytesIO(export_graph(edge_set, "graphml", level="action")), force_multigraph=True
    )
    assert graph.edges["USA", "CAN", "a1"]["quote"] == "<b>25%</b> & \ufffdmore"
    assert graph.edges["USA", "CAN", "a1"]["note"] == ""
    gexf = nx.read_gexf(io.BytesIO(export_graph(edge_set, "gexf", level="action")))
    assert gexf.number_of_edges() == 2
    table = action_table(edge_set)
    assert table["note"].tolist() == ["x", ""]  # sorted by source: CAN -> USA first


def test_gdelt_import_then_export(run, tmp_path):
    out = tmp_path / "gdelt.csv"
    assert run("import-gdelt", SAMPLE, "-o", out).exit_code == 0
    path = tmp_path / "gdelt-actions.graphml"
    result = run("export", out, "--level", "action", "-o", path)
    assert result.exit_code == 0, result.stderr
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.ecount() == 139
    ids = _graphml_ids(path)
    assert len(set(ids)) == 139
    event = ig.es[ids.index("564111684")]  # raw line 5: CAN -> USA, 172, -5.0, 12 mentions
    assert (ig.vs[event.source]["id"], ig.vs[event.target]["id"]) == ("CAN", "USA")
    assert (event["cameo"], event["goldstein"], event["mentions"], event["tone"]) == (
        "172",
        -5.0,
        12,
        -3.40034628703348,
    )


def test_extra_columns_named_like_export_attributes_are_kept(run, write_csv):
    path = write_csv("source,target,action,strain\nUSA,CAN,tariff,HIGH\n")
    rows = list(
        csv.DictReader(io.StringIO(run("export", path, "--level", "action", "--format", "csv").stdout))
    )
    assert rows[0]["extra_strain"] == "HIGH"
    assert rows[0]["strain"] == "8.0"  # the tariff's strain (CAMEO 163), not the user's column


def test_actions_carry_their_plover_type_and_mode(run):
    # e01 tariff: CAMEO 163 is COERCE restrict in the published CAMEO-to-PLOVER table;
    # e38 surveillance has no code: the taxonomy's COERCE, no mode
    rows = {
        r["id"]: r
        for r in csv.DictReader(io.StringIO(run("export", "--level", "action", "--format", "csv").stdout))
    }
    assert (rows["e01"]["plover_type"], rows["e01"]["plover_mode"]) == ("COERCE", "restrict")
    assert (rows["e38"]["plover_type"], rows["e38"]["plover_mode"], rows["e38"]["mode"]) == (
        "COERCE",
        "",
        "historical",
    )
