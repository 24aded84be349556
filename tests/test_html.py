"""The HTML explorer: what it extracts from a graph and how it writes the page.

`sample_dataset()` is a small graph written by hand after CONTRACT.md: two
provinces, three cities, agencies, a programme, an official, a document,
statistics and per-edge evidence (gov:Assertion nodes), as the pipeline
builds them from sentences such as "承德现有农村食品安全协管员2904名".
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg import export
from kg.export.html import (DEFAULT_MAX_NODES, REPORTERS, explorer_data, hubs,
                            render_page, script_json, write_html)
from kg.vocab import DCTERMS, GOV, ID, PROV, RDF, RDFS, SKOS, XSD

EVIL = '<script>alert("x")</script>&amp;'


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def sample_dataset(evil: bool = False) -> Dataset:
    """A hand-built graph; with `evil`, an agency is named like a script tag."""
    ds = Dataset()
    g = ds.graph(URIRef(ID["article/000_sample.txt/0"]))
    place = {}
    for key, label, level, code, parent, aliases in [
        ("hebei", "河北省", "province", "130000", None, ["河北"]),
        ("chengde", "承德市", "city", "130800", "hebei", ["承德"]),
        ("jiangsu", "江苏省", "province", "320000", None, ["江苏"]),
        ("xuzhou", "徐州市", "city", "320300", "jiangsu", ["徐州"]),
        ("nanjing", "南京市", "city", "320100", "jiangsu", ["南京"]),
        ("pizhou", "邳州市", "county", "320382", "xuzhou", ["邳州"]),
    ]:
        iri = place[key] = ID[f"place/{label}"]
        g.add((iri, RDF.type, GOV.Place))
        g.add((iri, RDFS.label, _zh(label)))
        for alias in aliases:
            g.add((iri, SKOS.altLabel, _zh(alias)))
        g.add((iri, GOV.adminLevel, Literal(level)))
        g.add((iri, GOV.adcode, Literal(code)))
        if parent:
            g.add((iri, GOV.partOf, place[parent]))

    def entity(kind, cls, label, *aliases):
        iri = ID[f"{kind}/{label}"]
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, _zh(label)))
        for alias in aliases:
            g.add((iri, SKOS.altLabel, _zh(alias)))
        return iri

    market = entity("agency", GOV.Agency, "承德市市场监督管理局", "承德市市场监管局")
    agri = entity("agency", GOV.Agency, "徐州市农业农村局")
    nanjing_gov = entity("agency", GOV.Agency, EVIL if evil else "南京市人民政府")
    toilet = entity("programme", GOV.Programme, "农村厕所革命", "厕所革命")
    safety = entity("programme", GOV.Programme, "农村食品安全协管员制度")
    chief = entity("person", GOV.Person, "王建国")
    reporter = entity("person", GOV.Person, "李明")
    plan = entity("document", GOV.PolicyDocument, "《徐州市农村人居环境整治提升行动方案》")

    a1, a2 = ID["article/000_sample.txt/0"], ID["article/001_sample.txt/0"]
    for article, title, source, names in [
        (a1, "承德织密农村食品安全网", "000_sample.txt", [place["chengde"], market, safety, chief]),
        (a2, "徐州推进农村厕所革命", "001_sample.txt",
         [place["xuzhou"], place["pizhou"], agri, toilet, plan, nanjing_gov]),
    ]:
        g.add((article, RDF.type, GOV.Article))
        g.add((article, DCTERMS.title, _zh(title)))
        g.add((article, GOV.sourceFile, Literal(source)))
        g.add((article, DCTERMS.creator, reporter))
        for name in names:
            g.add((article, GOV.mentions, name))

    def edge(s, p, o, sentence, article, n):
        g.add((s, p, o))
        node = ID[f"assertion/{n}"]
        g.add((node, RDF.type, GOV.Assertion))
        g.add((node, RDF.subject, s))
        g.add((node, RDF.predicate, p))
        g.add((node, RDF.object, o))
        g.add((node, GOV.evidence, _zh(sentence)))
        g.add((node, PROV.wasDerivedFrom, article))

    edge(market, GOV.locatedIn, place["chengde"], "承德市市场监管局在全市推行农村食品安全协管员制度。", a1, 1)
    edge(safety, GOV.implementedBy, market, "承德市市场监管局在全市推行农村食品安全协管员制度。", a1, 2)
    edge(safety, GOV.implementedIn, place["chengde"], "承德市市场监管局在全市推行农村食品安全协管员制度。", a1, 3)
    edge(agri, GOV.locatedIn, place["xuzhou"], "徐州市农业农村局牵头实施农村厕所革命。", a2, 4)
    edge(toilet, GOV.implementedBy, agri, "徐州市农业农村局牵头实施农村厕所革命。", a2, 5)
    edge(toilet, GOV.implementedIn, place["pizhou"], "邳州市今年新建改建农村户厕1.2万座。", a2, 6)
    edge(plan, GOV.issuedBy, agri, "徐州市农业农村局印发《徐州市农村人居环境整治提升行动方案》。", a2, 7)
    g.add((nanjing_gov, GOV.locatedIn, place["nanjing"]))          # an edge without evidence

    membership = ID["membership/1"]
    g.add((membership, RDF.type, GOV.Membership))
    g.add((membership, GOV.member, chief))
    g.add((membership, GOV.organization, market))
    g.add((membership, GOV.role, _zh("局长")))
    g.add((chief, GOV.holdsPost, market))

    for n, about, value, unit, measure, sentence, article in [
        (1, place["chengde"], "2904", "名", "农村食品安全协管员", "承德现有农村食品安全协管员2904名", a1),
        (2, place["pizhou"], "12000", "座", "新建改建农村户厕", "邳州市今年新建改建农村户厕1.2万座。", a2),
        (3, toilet, "95.5", "%", "农村卫生厕所普及率",
         EVIL if evil else "全市农村卫生厕所普及率达95.5%。", a2),
    ]:
        stat = ID[f"statistic/{n}"]
        g.add((stat, RDF.type, GOV.Statistic))
        g.add((stat, GOV.about, about))
        g.add((stat, GOV.value, Literal(value, datatype=XSD.decimal)))
        g.add((stat, GOV.unit, Literal(unit)))
        g.add((stat, GOV.measure, Literal(measure)))
        g.add((stat, GOV.evidence, _zh(sentence)))
        g.add((stat, PROV.wasDerivedFrom, article))
    return ds


def said(data: dict, numbers: list[int]) -> list[tuple[str, str]]:
    """The (sentence, article title) pairs that evidence numbers stand for."""
    return [(data["evidence"][n][0], data["articles"][data["evidence"][n][1]]) for n in numbers]


def node_named(data: dict, label: str) -> str:
    return next(n["id"] for n in data["nodes"] if n["label"] == label)


# ---------------------------------------------------------------- nodes

def test_every_entity_and_statistic_is_one_node_with_its_type():
    data = explorer_data(sample_dataset())
    kinds = {}
    for node in data["nodes"]:
        kinds[node["type"]] = kinds.get(node["type"], 0) + 1
    assert kinds == {"place": 6, "agency": 3, "programme": 2, "person": 2, "document": 1, "statistic": 3}
    assert [n["id"] for n in data["nodes"]] == sorted(n["id"] for n in data["nodes"])
    # small graph: everything drawn but the statistics, which are folded into their entity's panel
    assert data["initial"] == [n["id"] for n in data["nodes"] if n["type"] != "statistic"]
    assert data["folded"] == ["statistic"]


def test_people_named_only_in_bylines_are_one_reporters_node():
    data = explorer_data(sample_dataset())
    people = {n["label"] for n in data["nodes"] if n["type"] == "person"}
    assert people == {"王建国", "记者 Reporters (1)"}                  # 李明 wrote an article, holds no post
    assert data["details"][REPORTERS]["members"] == ["李明"]
    assert data["details"][REPORTERS]["articles"] == sorted([data["articles"].index("承德织密农村食品安全网"),
                                                             data["articles"].index("徐州推进农村厕所革命")])


def test_the_best_connected_places_programmes_and_agencies_are_named_hubs():
    data = explorer_data(sample_dataset())
    named = [data["details"][i]["label"] for i in hubs(data)]
    assert named[:2] == ["承德市", "农村厕所革命"]                    # most edges first
    assert {data["details"][i]["type"] for i in hubs(data)} == {"place", "programme", "agency"}
    assert "王建国" not in named


def test_statistic_nodes_are_labelled_by_measure_value_and_unit():
    data = explorer_data(sample_dataset())
    labels = {n["label"] for n in data["nodes"] if n["type"] == "statistic"}
    assert labels == {"农村食品安全协管员 2904名", "新建改建农村户厕 12000座", "农村卫生厕所普及率 95.5%"}


def test_node_size_grows_with_degree_and_mentions():
    data = explorer_data(sample_dataset())
    value = {n["label"]: n["value"] for n in data["nodes"]}
    assert value["承德市"] > value["河北省"]
    assert value["徐州市农业农村局"] > value["《徐州市农村人居环境整治提升行动方案》"]


# ---------------------------------------------------------------- edges

def test_relations_memberships_and_statistics_become_labelled_edges():
    data = explorer_data(sample_dataset())
    label = {n["id"]: n["label"] for n in data["nodes"]}
    triples = {(label[e["from"]], e["label"], label[e["to"]]) for e in data["edges"]}
    assert ("承德市", "属于 part of", "河北省") in triples
    assert ("农村厕所革命", "实施地 implemented in", "邳州市") in triples
    assert ("《徐州市农村人居环境整治提升行动方案》", "发布单位 issued by", "徐州市农业农村局") in triples
    assert ("王建国", "任职 member of: 局长", "承德市市场监督管理局") in triples
    assert ("农村食品安全协管员 2904名", "统计 measures", "承德市") in triples
    assert len(data["edges"]) == len(triples) == 16
    assert [e["id"] for e in data["edges"]] == [f"e{i}" for i in range(16)]


# ---------------------------------------------------------------- panel

def test_panel_lists_aliases_adcode_articles_relations_and_statistics_with_evidence():
    data = explorer_data(sample_dataset())
    chengde = data["details"][node_named(data, "承德市")]
    assert chengde["aliases"] == ["承德"]
    assert chengde["adcode"] == "130800" and chengde["adminLevel"] == "city"
    assert [data["articles"][a] for a in chengde["articles"]] == ["承德织密农村食品安全网"]
    [stat] = chengde["statistics"]
    assert stat["measure"] == "农村食品安全协管员" and stat["value"] == "2904" and stat["unit"] == "名"
    assert said(data, stat["evidence"]) == [("承德现有农村食品安全协管员2904名", "承德织密农村食品安全网")]
    located = [r for r in chengde["relations"] if r["name"].startswith("位于")]
    assert [(r["dir"], r["name"], r["node"]) for r in located] == [
        ("in", "位于 located in", node_named(data, "承德市市场监督管理局"))]
    assert said(data, located[0]["evidence"]) == [("承德市市场监管局在全市推行农村食品安全协管员制度。",
                                                   "承德织密农村食品安全网")]


def test_each_sentence_and_title_is_in_the_page_once():
    data = explorer_data(sample_dataset())
    assert len(data["evidence"]) == len({tuple(e) for e in data["evidence"]})
    assert len(data["articles"]) == len(set(data["articles"])) == 2
    # one sentence states three edges: all three cite the same entry
    cited = {tuple(r["evidence"]) for d in data["details"].values() for r in d["relations"]
             if said(data, r["evidence"])[:1] == [("承德市市场监管局在全市推行农村食品安全协管员制度。",
                                                   "承德织密农村食品安全网")]}
    assert len(cited) == 1
    html = render_page(data)
    assert html.count("承德市市场监管局在全市推行农村食品安全协管员制度。") == 1


def test_relations_without_evidence_nodes_still_show():
    data = explorer_data(sample_dataset())
    gov = data["details"][node_named(data, "南京市人民政府")]
    assert [(r["name"], r["evidence"]) for r in gov["relations"]] == [("位于 located in", [])]


def test_a_graph_without_any_evidence_nodes_gives_empty_evidence():
    graph = Graph()
    for s, p, o, _ in sample_dataset().quads((None, None, None, None)):
        if (s, RDF.type, GOV.Assertion) not in graph and not str(s).startswith(str(ID["assertion/"])):
            graph.add((s, p, o))
    data = explorer_data(graph)
    assert all(not r["evidence"] for d in data["details"].values() for r in d["relations"]
               if r["name"] != "统计 measures")
    assert len(data["edges"]) == 16


def test_membership_edge_carries_the_role():
    data = explorer_data(sample_dataset())
    person = data["details"][node_named(data, "王建国")]
    assert [(r["dir"], r["role"]) for r in person["relations"]] == [("out", "局长")]


# ---------------------------------------------------------------- regions

def test_nodes_are_placed_in_their_province_and_city():
    data = explorer_data(sample_dataset())
    ids = {n["label"]: n["id"] for n in data["nodes"]}
    regions = {n["label"]: set(n["regions"]) for n in data["nodes"]}
    assert regions["邳州市"] == {ids["邳州市"], ids["徐州市"], ids["江苏省"]}
    assert regions["农村厕所革命"] == {ids["邳州市"], ids["徐州市"], ids["江苏省"]}
    assert regions["《徐州市农村人居环境整治提升行动方案》"] == {ids["徐州市"], ids["江苏省"]}
    assert regions["王建国"] == {ids["承德市"], ids["河北省"]}
    assert ids["河北省"] in regions["农村食品安全协管员 2904名"]
    assert [(p["label"], [c["label"] for c in p["cities"]]) for p in data["regions"]] == [
        ("河北省", ["承德市"]), ("江苏省", ["南京市", "徐州市"])]


# ---------------------------------------------------------------- focused views

def test_large_graphs_start_from_the_best_connected_programmes_and_places():
    data = explorer_data(sample_dataset(), max_nodes=4)
    shown = {data["details"][i]["label"] for i in data["initial"]}
    assert len(shown) == 4
    assert {"承德市", "农村厕所革命"} <= shown          # degree 4 and 3, the two seeds
    assert len(data["nodes"]) == 17         # the rest stays in the page, for search and expand


def test_focus_starts_from_the_named_node_and_its_neighbourhood():
    data = explorer_data(sample_dataset(), focus="厕所革命")
    shown = {data["details"][i]["label"] for i in data["initial"]}
    assert data["focus"] == node_named(data, "农村厕所革命")
    assert {"农村厕所革命", "徐州市农业农村局", "邳州市"} <= shown
    limited = explorer_data(sample_dataset(), focus="厕所革命", max_nodes=3)
    assert len(limited["initial"]) == 3 and limited["focus"] in limited["initial"]


def test_focus_on_an_unknown_name_raises_lookup_error():
    with pytest.raises(LookupError, match="长安"):
        explorer_data(sample_dataset(), focus="长安")


# ---------------------------------------------------------------- layout

def test_every_node_drawn_at_first_starts_at_its_own_position():
    from kg.export.html import radial_layout

    data = explorer_data(sample_dataset())
    rank = {n["id"]: (-n["value"], n["id"]) for n in data["nodes"]}
    positions = radial_layout(data["initial"], data["edges"], rank)
    assert set(positions) == set(data["initial"])
    assert len(set(positions.values())) == len(positions)
    assert positions == radial_layout(data["initial"], data["edges"], rank)
    focused = explorer_data(sample_dataset(), max_nodes=4)
    assert set(radial_layout(focused["initial"], focused["edges"], rank)) == set(focused["initial"])


def test_big_graphs_get_few_physics_iterations():
    from kg.export.html import stabilization_iterations, vis_options

    assert stabilization_iterations(20) == 400
    assert stabilization_iterations(2000) == 15
    assert stabilization_iterations(5000) == 10
    assert vis_options(5000)["physics"]["stabilization"]["iterations"] == 10
    assert vis_options(10)["layout"]["randomSeed"] == 7


# ---------------------------------------------------------------- the page

def page_data(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def test_page_is_self_contained(tmp_path):
    path = tmp_path / "graph.html"
    write_html(sample_dataset(), path)
    html = path.read_text(encoding="utf-8")
    assert "vis-network" in html and "@license" in html                 # the library, licence kept
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"<script[^>]*\bsrc=|<link\b|@import|cdnjs|jsdelivr|unpkg", html)
    assert "bootstrap" not in html.lower()
    assert "http-equiv=\"Content-Security-Policy\"" in html
    assert len(page_data(html)["nodes"]) == 17


def test_page_is_deterministic():
    assert render_page(explorer_data(sample_dataset())) == render_page(explorer_data(sample_dataset()))


def test_labels_and_evidence_are_escaped_in_the_page():
    html = render_page(explorer_data(sample_dataset(evil=True)))
    assert "<script>alert" not in html
    assert "&amp;amp;" not in html or "\\u0026amp;" in html
    data = page_data(html)
    assert EVIL in {n[0] for n in data["nodes"]}                         # intact once parsed
    assert EVIL in {text for text, _ in data["evidence"]}
    assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write",
                         html.split("/* govkg explorer: search")[1])


def test_script_json_escapes_what_could_close_a_script():
    text = script_json({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


def test_html_is_a_registered_exporter(tmp_path):
    assert "kg.export.html" in export._PLUGIN_MODULES
    exp = export.EXPORTERS["html"]
    assert exp.filename == "graph.html"
    exp.write(sample_dataset(), tmp_path / "graph.html")
    assert (tmp_path / "graph.html").stat().st_size > 400_000
    assert DEFAULT_MAX_NODES >= 1000


# ---------------------------------------------------------------- kg html

def test_kg_html_writes_a_page_and_a_focused_page(tmp_path, capsys):
    from kg.cli import main
    from kg.graph.dataset import union_graph

    graph = tmp_path / "graph.ttl"
    union_graph(sample_dataset()).serialize(destination=str(graph), format="turtle")
    assert main(["html", str(graph), "-o", str(tmp_path / "all.html")]) == 0
    assert "all 14 nodes (3 statistics in their nodes' panels), 16 edges" in capsys.readouterr().out
    assert main(["html", str(graph), "-o", str(tmp_path / "xz.html"), "--focus", "徐州", "--max-nodes", "5"]) == 0
    assert "5 of 14 nodes" in capsys.readouterr().out
    data = page_data((tmp_path / "xz.html").read_text(encoding="utf-8"))
    assert data["nodes"][data["focus"]][0] == "徐州市" and len(data["initial"]) == 5


@pytest.mark.parametrize("args, message", [
    (["--focus", "长安"], "no node named '长安'"),
    (["--max-nodes", "0"], "--max-nodes must be at least 1"),
])
def test_kg_html_user_errors_exit_2_with_one_line(tmp_path, capsys, args, message):
    from kg.cli import main
    from kg.graph.dataset import union_graph

    graph = tmp_path / "graph.ttl"
    union_graph(sample_dataset()).serialize(destination=str(graph), format="turtle")
    assert main(["html", str(graph), "-o", str(tmp_path / "x.html"), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_kg_html_on_a_missing_graph_exits_2(tmp_path, capsys):
    from kg.cli import main

    assert main(["html", str(tmp_path / "nope.ttl")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_the_filter_offers_provinces_and_cities_no_article_names(dataset):
    """The sample of conftest.py: 柳州市 lies in 广西, which no article names; 红船枫警 runs
    in 南湖区 (of 嘉兴市, 浙江省) and in 柳州市."""
    data = explorer_data(dataset)
    ids = {n["label"]: n["id"] for n in data["nodes"]}
    guangxi = "https://w3id.org/govkg/id/division/450000"
    assert [(p["label"], [c["label"] for c in p["cities"]]) for p in data["regions"]] == [
        ("浙江省", ["嘉兴市"]), ("广西壮族自治区", ["柳州市"])]
    assert data["regions"][1]["id"] == guangxi and guangxi not in ids.values()
    regions = {n["label"]: set(n["regions"]) for n in data["nodes"]}
    assert regions["红船枫警"] == {ids["南湖区"], ids["嘉兴市"], ids["浙江省"], ids["柳州市"], guangxi}
    assert regions["柳州市公安局"] == {ids["柳州市"], guangxi}
    # a page of the five best-connected nodes (not 浙江省's) keeps the divisions' names
    small = explorer_data(dataset, page_nodes=5)
    assert "浙江省" not in {n["label"] for n in small["nodes"]}
    assert [(p["label"], [c["label"] for c in p["cities"]]) for p in small["regions"]] == [
        ("浙江省", ["嘉兴市"]), ("广西壮族自治区", ["柳州市"])]


def test_the_page_data_written_in_pieces_is_the_json_of_the_whole():
    from kg.export.html import _json, _json_pieces
    data = {"nodes": [[f"节点{i}", i % 6, {"b": i, "a": [i, "x"]}] for i in range(2500)],
            "edges": [], "names": ["属于 part of"], "focus": None, "one": [[1]]}
    pieces = list(_json_pieces(data))
    assert "".join(pieces) == _json(data)
    assert max(map(len, pieces)) < len(_json(data)) / 2      # never one string
