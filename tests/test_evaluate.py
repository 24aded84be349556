"""`kg eval`: a tiny graph against tiny gold, every figure computed by hand below."""
from __future__ import annotations

import json

import pytest
from rdflib import Graph

from kg.cli import main
from kg.evaluate import GoldError, evaluate, load_gold, norm

GOLD = {
    "source": "500_cccccccccccccccc.txt",
    "articles": [{"title": "徐州推行“侨居码”", "reporters": ["李明"], "date": "2023-05-01"}],
    "entities": [
        {"type": "Place", "name": "江苏省", "aliases": ["江苏"], "level": "province"},
        {"type": "Place", "name": "徐州市", "aliases": ["徐州"], "level": "city"},
        {"type": "Place", "name": "铜山区", "level": "county"},
        {"type": "Agency", "name": "徐州市公安局", "aliases": ["徐州公安"]},
        {"type": "Agency", "name": "徐州市公安局铜山分局", "aliases": ["铜山分局"]},
        {"type": "Programme", "name": "侨居码"},
        {"type": "Programme", "name": "六融八联", "aliases": ["六融八联机制"]},
        {"type": "Person", "name": "王巧全"},
        {"type": "Person", "name": "李明"},
        {"type": "Person", "name": "陈明"},
        {"type": "Person", "name": "张某", "optional": True},
    ],
    "relations": [
        {"s": "徐州市", "p": "partOf", "o": "江苏省"},
        {"s": "铜山区", "p": "partOf", "o": "徐州市"},
        {"s": "徐州市公安局", "p": "locatedIn", "o": "徐州市"},
        {"s": "徐州市公安局铜山分局", "p": "subOrganizationOf", "o": "徐州市公安局"},
        {"s": "侨居码", "p": "implementedBy", "o": "徐州市公安局铜山分局"},
        {"s": "侨居码", "p": "implementedIn", "o": "铜山区"},
        {"s": "六融八联", "p": "implementedIn", "o": "徐州市", "optional": True},
        {"s": "王巧全", "p": "holdsPost", "o": "徐州市公安局", "role": "局长"},
    ],
    "statistics": [
        {"about": "徐州市", "value": 13000, "unit": "件", "measure": "办实事"},
        {"about": "徐州市公安局", "value": 98, "unit": "%", "measure": "满意率"},
        {"about": "铜山区", "value": 5, "unit": "个", "measure": "警务站", "optional": True},
    ],
}

# What an extractor made of it. Article a1 mentions everything; a2 is an article gold lacks.
GRAPH = """
@prefix gov: <https://w3id.org/govkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://w3id.org/govkg/id/> .

:a1 a gov:Article ; dcterms:title "徐州推行侨居码"@zh ; dcterms:date "2023-05-02"^^xsd:date ;
    dcterms:creator :lm , :ww ;
    gov:mentions :js , :xz , :ts , :pol , :pol2 , :branch , :qjm , :lrbl , :zhgl , :wqq , :zm , :lm .
:a2 a gov:Article ; dcterms:title "专栏"@zh .

:js a gov:Place ; rdfs:label "江苏省"@zh .
:xz a gov:Place ; rdfs:label "徐州市"@zh ; skos:altLabel "徐州"@zh .
:ts a gov:Place ; rdfs:label "铜山区"@zh .
:hh a gov:Place ; rdfs:label "淮海经济区"@zh .                 # mentioned by no article
:pol a gov:Agency ; rdfs:label "徐州市公安局"@zh .
:pol2 a gov:Agency ; rdfs:label "徐州公安局"@zh ; skos:altLabel "徐州公安"@zh .
:branch a gov:Agency ; rdfs:label "铜山分局"@zh .
:qjm a gov:Programme ; rdfs:label "侨居码"@zh .
:lrbl a gov:Programme ; rdfs:label "六融八联机制"@zh .
:zhgl a gov:Programme ; rdfs:label "最后一公里"@zh .
:wqq a gov:Person ; rdfs:label "王巧全"@zh .
:zm a gov:Person ; rdfs:label "张某"@zh .
:lm a gov:Person ; rdfs:label "李明"@zh .
:ww a gov:Person ; rdfs:label "王五"@zh .

:ts gov:partOf :xz , :js .
:pol gov:locatedIn :hh .
:branch gov:subOrganizationOf :pol .
:qjm gov:implementedBy :branch ; gov:implementedIn :ts , :xz .
:zhgl gov:implementedBy :pol .
:lrbl gov:implementedIn :xz .
:m1 a gov:Membership ; gov:member :wqq ; gov:organization :pol ; gov:role "党委书记、局长"@zh .
:m2 a gov:Membership ; gov:member :zm ; gov:organization :pol .

:s1 a gov:Statistic ; gov:about :xz ; gov:value "13000.0"^^xsd:decimal ; gov:unit "件" .
:s2 a gov:Statistic ; gov:about :xz ; gov:value "98.0"^^xsd:decimal ; gov:unit "%" .
:s3 a gov:Statistic ; gov:about :ts ; gov:value "5.0"^^xsd:decimal ; gov:unit "个" .
:s4 a gov:Statistic ; gov:about :xz ; gov:value "7.0"^^xsd:decimal ; gov:unit "名" .
"""


@pytest.fixture
def case(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "500_cccccccccccccccc.json").write_text(json.dumps(GOLD, ensure_ascii=False),
                                                   encoding="utf-8")
    graph = tmp_path / "graph.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    return graph, gold


def figures(counts: dict) -> tuple:
    return counts["tp"], counts["fp"], counts["fn"]


def test_entities_by_any_name_one_to_one(case):
    report = evaluate(*case).as_dict()["entities"]
    # 徐州公安局 shares the alias 徐州公安 with 徐州市公安局: a duplicate node (fp, dup=1);
    # 铜山分局 and 六融八联机制 match by alias; 最后一公里 is no programme of gold (fp);
    # 张某 is optional (neither); 陈明 is missed (fn); 淮海经济区 is mentioned by no article.
    assert figures(report["Place"]) == (3, 0, 0)
    assert figures(report["Agency"]) == (2, 1, 0) and report["Agency"]["dup"] == 1
    assert figures(report["Programme"]) == (2, 1, 0)
    assert figures(report["Person"]) == (2, 0, 1)
    assert figures(report["all"]) == (9, 2, 1)
    assert report["all"]["p"] == round(9 / 11, 4) and report["all"]["r"] == 0.9
    assert report["all"]["f1"] == round(18 / 21, 4)           # 2tp / (2tp + fp + fn)


def test_relations_up_to_transitivity_with_roles(case):
    report = evaluate(*case).as_dict()["relations"]
    # 铜山区 partOf 江苏省 skips a level: right, not required; 徐州市 partOf 江苏省 is missed
    assert figures(report["partOf"]) == (2, 0, 1)
    # 徐州市公安局 locatedIn 淮海经济区: no article mentions it, not scored; the gold edge is missed
    assert figures(report["locatedIn"]) == (0, 0, 1)
    assert figures(report["subOrganizationOf"]) == (1, 0, 0)
    # 最后一公里 implementedBy …: its subject matches nothing in gold
    assert figures(report["implementedBy"]) == (1, 1, 0)
    # 六融八联 implementedIn 徐州市 is optional in gold: allowed, so right; 侨居码 in 徐州市 is wrong
    assert figures(report["implementedIn"]) == (2, 1, 0)
    # 局长 is inside 党委书记、局长: the role agrees; 张某's post is optional
    assert figures(report["holdsPost"]) == (1, 0, 0) and report["holdsPost"]["role_ok"] == 1
    assert figures(report["all"]) == (7, 2, 2)
    assert report["all"]["f1"] == round(14 / 18, 4)


def test_statistics_lenient_and_strict(case):
    report = evaluate(*case).as_dict()["statistics"]
    # s1 fits 13000件 of 徐州市; s2 has the value of 98% but is about 徐州市, not its police;
    # s3 is absorbed by the optional 5个; s4 (7名) is in no gold
    assert figures(report["lenient"]) == (2, 1, 0)
    assert report["lenient"]["f1"] == 0.8                     # P 2/3, R 1
    assert figures(report["strict"]) == (1, 2, 1)
    assert report["strict"]["f1"] == 0.4                      # P 1/3, R 1/2


def test_articles_reporters_and_dates(case):
    report = evaluate(*case)
    data = report.as_dict()
    assert figures(data["articles"]) == (1, 1, 0)              # 专栏 is no gold article
    assert figures(data["reporters"]) == (1, 1, 0)             # 王五 is no reporter of gold
    assert figures(data["dates"]) == (0, 1, 1)                 # 2023-05-02, gold says 05-01
    assert "publishers" not in data                            # gold gives none
    assert report.summary() == ("entity_f1=0.857 relation_f1=0.778 statistic_f1=0.400 "
                                "article_f1=0.667")


def test_a_right_date_and_publisher_score(case, tmp_path):
    graph, gold = case
    doc = json.loads((gold / "500_cccccccccccccccc.json").read_text(encoding="utf-8"))
    doc["articles"][0].update(date="2023-05-02", publisher="徐州日报")
    (gold / "500_cccccccccccccccc.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    g = Graph().parse(str(graph))
    g.update('INSERT DATA { <https://w3id.org/govkg/id/a1> '
             '<http://purl.org/dc/terms/publisher> "《徐州日报》" }')
    g.serialize(str(graph), format="turtle")
    data = evaluate(graph, gold).as_dict()
    assert figures(data["dates"]) == (1, 0, 0)
    assert figures(data["publishers"]) == (1, 0, 0)           # 《》 folded away


def test_norm_folds_width_quotes_and_brackets():
    assert norm("“一村（居）一警”") == norm("一村(居)一警") == "一村(居)一警"
    assert norm("ＡＰＰ 平台") == "app平台"


def test_cli_prints_the_table_and_the_summary_last(case, tmp_path, capsys):
    graph, gold = case
    out = tmp_path / "score.json"
    assert main(["eval", str(graph), "--gold", str(gold), "--show-errors", "--json", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "entity_f1=0.857 relation_f1=0.778 statistic_f1=0.400 article_f1=0.667"
    assert "statistics strict         1    2    1  0.333  0.500  0.400" in lines
    assert "dates                     0    1    1  0.000  0.000  0.000" in lines
    assert "  FN Person          陈明" in lines
    assert "  FN 徐州市 partOf 江苏省" in lines
    assert "  FP 徐州市: 7名" in lines                               # no measure given
    assert "  FP Agency          徐州公安局 (a second node for 徐州市公安局)" in lines
    assert "  wrong date of 徐州推行“侨居码”: '2023-05-02', gold '2023-05-01'" in lines
    assert "  FN 徐州市公安局: 满意率 98%" in lines
    assert json.loads(out.read_text(encoding="utf-8"))["statistics"]["strict"]["f1"] == 0.4


def test_bad_gold_is_one_line_naming_the_file(case, capsys):
    graph, gold = case
    bad = dict(GOLD, relations=[{"s": "徐州市", "p": "partOf", "o": "江苏"}])
    (gold / "500_cccccccccccccccc.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldError, match="500_cccccccccccccccc.json: relation partOf names '江苏'"):
        load_gold(gold)
    assert main(["eval", str(graph), "--gold", str(gold)]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("kg eval: ") and "500_cccccccccccccccc.json" in line
    (gold / "500_cccccccccccccccc.json").write_text('{"entities": [\n  {"type": }\n]}', encoding="utf-8")
    assert main(["eval", str(graph), "--gold", str(gold)]) == 2
    assert "500_cccccccccccccccc.json:2: not valid JSON" in capsys.readouterr().err


def test_missing_gold_folder_or_graph_is_a_usage_error(case, tmp_path, capsys):
    graph, gold = case
    assert main(["eval", str(graph), "--gold", str(tmp_path / "none")]) == 2
    assert "no such folder of gold files" in capsys.readouterr().err
    assert main(["eval", str(tmp_path / "none.ttl"), "--gold", str(gold)]) == 2
    assert "no such file" in capsys.readouterr().err
