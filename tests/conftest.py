"""Shared fixtures: a small hand-built Corpus about cities outside the bundled corpus."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article, Corpus, Entity, EntityType, Relation, Sentence, Statistic
from kg.vocab import entity_iri

JIAXING = entity_iri("place", "330400")
NANHU = entity_iri("place", "330402")
ZHEJIANG = entity_iri("place", "330000")
LIUZHOU = entity_iri("place", "450200")
POLICE = entity_iri("agency", "嘉兴市公安局")
BRANCH = entity_iri("agency", "嘉兴市公安局南湖区分局")
LZ_POLICE = entity_iri("agency", "柳州市公安局")
PROG = entity_iri("programme", "红船枫警")
APP = entity_iri("programme", "警民通")
WANG = entity_iri("person", "王建华")
REPORTER = entity_iri("person", "赵记者")
DOC = entity_iri("document", "嘉兴市平安社区建设实施方案")

A1 = "100_aaaaaaaaaaaaaaaa#0"
A2 = "101_bbbbbbbbbbbbbbbb#0"

S1 = [
    "嘉兴市公安局推出“红船枫警”工作机制，在南湖区全面推行。",
    "2022年，全市违法犯罪警情同比下降21.2%。",
    "嘉兴市公安局党委书记、局长王建华介绍，南湖区分局已建成警务站36个。",
    "嘉兴市公安局印发《嘉兴市平安社区建设实施方案》。",
]
S2 = [
    "柳州市公安局上线“警民通”平台，群众注册用户达1.3万名。",
    "“红船枫警”机制也在柳州市推广。",
]


def _sentences(texts, first_line):
    return [Sentence(text=t, index=i, line=first_line + 2 * i) for i, t in enumerate(texts)]


def make_corpus() -> Corpus:
    a1 = Article(source="100_aaaaaaaaaaaaaaaa.txt", index=0, title="嘉兴推行红船枫警机制",
                 reporters=["赵记者"], dateline="杭州", date_text="3月1日",
                 sentences=_sentences(S1, 3))
    a2 = Article(source="101_bbbbbbbbbbbbbbbb.txt", index=0, title="柳州上线警民通",
                 sentences=_sentences(S2, 2))
    P, A, G, H, D = (EntityType.PLACE, EntityType.AGENCY, EntityType.PROGRAMME,
                     EntityType.PERSON, EntityType.DOCUMENT)
    entities = [
        Entity(JIAXING, P, "嘉兴市", {"嘉兴"},
               {"level": "city", "adcode": "330400"}, {A1}),
        Entity(NANHU, P, "南湖区", set(), {"level": "county", "adcode": "330402"}, {A1}),
        Entity(ZHEJIANG, P, "浙江省", {"浙江"}, {"level": "province", "adcode": "330000"}, set()),
        Entity(LIUZHOU, P, "柳州市", {"柳州"}, {"level": "city", "adcode": "450200"}, {A2}),
        Entity(POLICE, A, "嘉兴市公安局", {"嘉兴公安"}, {}, {A1}),
        Entity(BRANCH, A, "嘉兴市公安局南湖区分局", {"南湖区分局"}, {}, {A1}),
        Entity(LZ_POLICE, A, "柳州市公安局", set(), {}, {A2}),
        Entity(PROG, G, "红船枫警", {"红船枫警工作机制", "红船枫警"}, {}, {A1, A2}),
        Entity(APP, G, "警民通", {"警民通平台"}, {}, {A2}),
        Entity(WANG, H, "王建华", set(), {}, {A1}),
        Entity(REPORTER, H, "赵记者", set(), {}, {A1}),
        Entity(DOC, D, "嘉兴市平安社区建设实施方案", set(), {}, {A1}),
    ]
    relations = [
        Relation(JIAXING, "partOf", ZHEJIANG),                     # from the gazetteer
        Relation(NANHU, "partOf", JIAXING, sentence=-1, article=A1),
        Relation(POLICE, "locatedIn", JIAXING, sentence=0, article=A1, evidence=S1[0]),
        Relation(BRANCH, "subOrganizationOf", POLICE, sentence=2, article=A1, evidence=S1[2]),
        Relation(PROG, "implementedBy", POLICE, sentence=0, article=A1, evidence=S1[0]),
        Relation(PROG, "implementedIn", NANHU, sentence=0, article=A1, evidence=S1[0]),
        Relation(PROG, "implementedIn", LIUZHOU, sentence=1, article=A2, evidence=S2[1]),
        Relation(APP, "implementedBy", LZ_POLICE, sentence=0, article=A2, evidence=S2[0]),
        Relation(APP, "implementedIn", LIUZHOU, sentence=0, article=A2),  # evidence looked up
        Relation(LZ_POLICE, "locatedIn", LIUZHOU, sentence=0, article=A2, evidence=S2[0]),
        Relation(WANG, "holdsPost", POLICE, sentence=2, role="党委书记", article=A1, evidence=S1[2]),
        Relation(WANG, "holdsPost", POLICE, sentence=2, role="局长", article=A1, evidence=S1[2]),
        Relation(DOC, "issuedBy", POLICE, sentence=3, article=A1, evidence=S1[3]),
    ]
    statistics = [
        Statistic(JIAXING, Decimal("21.2"), "%", "违法犯罪警情", S1[1], 1, direction="下降",
                  period="2022年", surface="21.2%", article=A1),
        Statistic(BRANCH, Decimal("36"), "个", "警务站", S1[2], 2, surface="36个", article=A1),
        Statistic(APP, Decimal("1.3E+4"), "名", "群众注册用户", S2[0], 0, surface="1.3万名",
                  article=A2),
    ]
    return Corpus(articles=[a1, a2], entities={e.iri: e for e in entities},
                  reporters={A1: [REPORTER]}, relations=relations, statistics=statistics)


@pytest.fixture
def corpus() -> Corpus:
    return make_corpus()


@pytest.fixture
def dataset(corpus):
    from kg.graph import corpus_to_dataset
    return corpus_to_dataset(corpus)


@pytest.fixture
def graph(corpus):
    from kg.graph import corpus_to_graph
    return corpus_to_graph(corpus)
