"""Corpus-wide resolution: one node per real thing, with IRIs that do not move."""
from __future__ import annotations

from pathlib import Path

from kg.pipeline import analyse
from kg.model import Article, EntityType, Sentence
from kg.pipeline import build_corpus
from kg.resolve import resolve_entities

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _extraction(source: str, sentences: list[str], reporters=()):
    art = Article(source, 0, "标题", list(reporters),
                  sentences=[Sentence(t, i) for i, t in enumerate(sentences)])
    doc = analyse(art)
    ex, mentions = doc.extraction, doc.spans
    return ex


def _people(corpus) -> list[str]:
    return sorted(e.label for e in corpus.entities.values() if e.type is EntityType.PERSON)


def test_same_name_in_two_provinces_is_two_people_but_a_byline_is_one():
    a = _extraction("a.txt", ["成都市公安局民警王鹏赶到现场。"], reporters=["李明"])
    b = _extraction("b.txt", ["沈阳市公安局民警王鹏赶到现场。"], reporters=["李明"])
    corpus = resolve_entities([a, b])
    assert _people(corpus).count("王鹏") == 2
    assert _people(corpus).count("李明") == 1


def test_a_byline_name_is_one_person_where_an_article_of_a_province_names_it_too():
    # the paper's photographer credited on one page, named in a story about 南宁 on another
    a = _extraction("a.txt", ["南宁市公安局民警陈静赶到现场。"])
    b = _extraction("b.txt", ["巡逻队员走访群众。"], reporters=["陈静"])
    corpus = resolve_entities([a, b])
    assert _people(corpus).count("陈静") == 1


def test_the_same_place_and_agency_in_two_articles_are_one_node():
    a = _extraction("a.txt", ["徐州市公安局推行“梳网清格”。"])
    b = _extraction("b.txt", ["徐州公安深化“梳网清格”工作机制。"])
    corpus = resolve_entities([a, b])
    labels = [e.label for e in corpus.entities.values()]
    assert labels.count("徐州市公安局") == 1 and labels.count("徐州市") == 1
    assert labels.count("梳网清格") == 1
    bureau = next(e for e in corpus.entities.values() if e.label == "徐州市公安局")
    assert "徐州公安" in bureau.aliases and len(bureau.articles) == 2


def test_building_the_corpus_twice_gives_the_same_iris():
    first = build_corpus([CORPUS])
    second = build_corpus([CORPUS])
    assert sorted(first.entities) == sorted(second.entities)
    assert {(r.subject, r.predicate, r.object) for r in first.relations} == \
        {(r.subject, r.predicate, r.object) for r in second.relations}


def test_iris_do_not_depend_on_the_order_of_files():
    files = sorted(CORPUS.glob("*.txt"))
    forward = build_corpus(files)
    backward = build_corpus(list(reversed(files)))
    assert sorted(forward.entities) == sorted(backward.entities)
