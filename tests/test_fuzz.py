"""Property and fuzz tests (hypothesis), bounded so they run in CI.

Arbitrary Unicode, Chinese-looking noise and real corpus sentences cut and
spliced together: the cleaner, the splitter, the number parser and every
recogniser must never raise; cleaning is idempotent and keeps its offset map;
numerals agree with cn2an; and any graph built from such text still
validates against ontology/shapes.ttl.
"""
from __future__ import annotations

import tempfile
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import cn2an
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.clean import normalize_text
from kg.model import Article, EntityType, Sentence, SourceText, TITLE_SENTENCE
from kg.relate.numbers import find_quantities, parse_quantity
from kg.split import split_articles

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"

FUZZ = settings(max_examples=100, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(FUZZ, max_examples=80)
GRAPHS = settings(FUZZ, max_examples=50)


@lru_cache(maxsize=1)
def corpus_sentences() -> tuple[str, ...]:
    from kg.split import split_sentences
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [s for s in split_sentences(line.strip()) if len(s) > 4]
    return tuple(out)


# Characters the stages care about: numerals, units, quotes, brackets, stops,
# bylines and datelines, full-width and invisible characters, line ends.
NEWSPAPER = list(
    "市县区镇村省局厅委办公安检察院法推出开展实施工程行动机制平台“”‘’《》「」，。！？；、：（）()【】—…"
    "0123456789０１２３４５６７８９.．%％一二三四五六七八九十百千万亿两零点余多近以上名个件户人次元"
    "年月日本报记者通讯员讯电摄据介绍说王李张刘陈徐州成都嘉兴南湖城中柳州"
    "網絡區長體與為 　\t\n\r\u200b\ufeff\ufffd\x00\x0c")

arbitrary = st.text(max_size=300)
newspaperish = st.text(alphabet=st.sampled_from(NEWSPAPER), max_size=300)
real = st.sampled_from(corpus_sentences())
spliced = st.lists(st.one_of(real, newspaperish, arbitrary, st.just("\n\n")),
                   max_size=12).map("".join)
texts = st.one_of(arbitrary, newspaperish, spliced)


# ------------------------------------------------------------------ clean


@FUZZ
@given(texts)
def test_cleaning_never_raises_and_maps_every_character_back(raw):
    clean = normalize_text(raw)
    assert len(clean.offsets) == len(clean.text)
    assert all(0 <= a < b < len(raw) for a, b in zip(clean.offsets, clean.offsets[1:]))
    assert not clean.offsets or clean.offsets[-1] < len(raw)


@FUZZ
@given(texts)
def test_cleaning_is_idempotent(raw):
    once = normalize_text(raw).text
    assert normalize_text(once).text == once


# ------------------------------------------------------------------ split


@FUZZ
@given(texts)
def test_splitting_never_raises_and_sentences_point_into_the_file(raw):
    source = SourceText(path="fuzz.txt", name="fuzz.txt", text=raw)
    articles, problems = split_articles(source)
    lines = raw.count("\n") + 1
    for k, article in enumerate(articles):
        assert article.index == k and article.title
        for i, sentence in enumerate(article.sentences):
            assert sentence.index == i and sentence.text.strip()
            assert 0 <= sentence.raw_start < sentence.raw_end <= len(raw)
            assert 1 <= sentence.line <= lines
    for problem in problems:
        assert str(problem).startswith("fuzz.txt") and "\n" not in problem.message


# ------------------------------------------------------------------ numbers


@FUZZ
@given(texts)
def test_number_parser_never_raises(text):
    parse_quantity(text)
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.surface
        assert isinstance(q.value, Decimal)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("零一二三四五六七八九十百千万亿两点负")), min_size=1,
               max_size=12))
def test_numerals_agree_with_cn2an(numeral):
    q = parse_quantity(numeral)
    try:
        expected = Decimal(str(cn2an.cn2an(numeral, "normal")))
    except Exception:
        return                      # cn2an refuses it: parse_quantity may or may not
    if q is not None and q.unit == "" and q.surface == numeral:
        assert q.value == expected


@FUZZ
@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["名", "个", "件", "万元", ""]))
def test_written_numbers_read_back(n, unit):
    if unit == "万元":
        n = n % 9999 + 1            # 一万万元 is no way to write it
    numeral = cn2an.an2cn(n)
    q = parse_quantity(numeral + unit)
    assert q is not None
    factor = 10000 if unit == "万元" else 1
    assert q.value == n * factor
    found = find_quantities(f"全市共有{numeral}{unit}。") if unit else []
    assert not found or found[0].value == n * factor


# ------------------------------------------------------------------ recognisers


def _article(title: str, sentences: list[str]) -> Article:
    return Article(source="fuzz.txt", index=0, title=title,
                   sentences=[Sentence(text=t, index=i, line=i + 1)
                              for i, t in enumerate(sentences)])


def _check_span(mention, text: str) -> None:
    assert 0 <= mention.start <= len(text) and 0 <= mention.end <= len(text), mention
    assert mention.start < mention.end, mention
    assert text[mention.start:mention.end] == mention.surface, mention


@pytest.mark.parametrize("sentence, name", [
    ("柳州市公安局推出“警民通”平台，群众注册用户达1.3万名。", "警民通"),
    ("强化技防监控“天网”建设。", "天网"),
])
def test_programme_mentions_with_a_cue_keep_their_span(sentence, name):
    from kg.pipeline import analyse
    article = _article("", [sentence])
    mentions = [m for m in analyse(article, "repeats").spans if m.name == name]
    assert mentions
    for m in mentions:
        assert m.start < m.end and sentence[m.start:m.end] == m.surface
        assert name in m.surface


sentences = st.lists(st.one_of(real, newspaperish, arbitrary).map(str.strip)
                     .filter(bool), min_size=1, max_size=8)
titles = st.one_of(st.just(""), real, newspaperish)


@FEW
@given(titles, sentences)
def test_every_recogniser_takes_any_sentence(title, body):
    from kg.pipeline import analyse
    article = _article(title, body)
    for name in ("places", "agencies", "documents", "programmes", "people", "repeated_names",
                 "repeats"):
        for mention in analyse(article, name).spans:
            assert mention.sentence == TITLE_SENTENCE or 0 <= mention.sentence < len(body)
            _check_span(mention, article.sentence_text(mention.sentence))


@FEW
@given(titles, sentences)
def test_recognise_article_never_raises(title, body):
    from kg.pipeline import analyse
    article = _article(title, body)
    for mention in analyse(article, "repeats").spans:
        _check_span(mention, article.sentence_text(mention.sentence))


# ------------------------------------------------------------------ graphs


@GRAPHS
@given(st.lists(st.one_of(real, real, newspaperish, arbitrary), min_size=1, max_size=15))
def test_graphs_built_from_random_text_validate(pieces):
    from kg.api import KnowledgeGraph
    text = "\n\n".join(pieces)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        graph = KnowledgeGraph.build([path])
    ok, report = graph.validate()
    assert ok, report
