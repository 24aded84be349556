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
    mentions = [m for m in analyse(article, "repeated_names").spans if m.name == name]
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
    for name in ("places", "agencies", "documents", "programmes", "people", "repeated_names"):
        for mention in analyse(article, name).spans:
            assert mention.sentence == TITLE_SENTENCE or 0 <= mention.sentence < len(body)
            _check_span(mention, article.sentence_text(mention.sentence))


@FEW
@given(titles, sentences)
def test_recognise_article_never_raises(title, body):
    from kg.pipeline import analyse
    article = _article(title, body)
    for mention in analyse(article, "repeated_names").spans:
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


# ------------------------------------------------------------------ file names and paths

ARTICLE = "嘉兴推行红船枫警机制\n\n本报记者 赵明\n\n嘉兴市公安局推出“红船枫警”工作机制，在南湖区全面推行。\n"

# Any bytes a Linux file name may hold (not '/' or NUL), many of them not UTF-8.
name_bytes = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b".."))
PATHS = settings(FUZZ, max_examples=40)


@PATHS
@given(st.lists(name_bytes, max_size=3), name_bytes)
def test_any_file_name_and_path_is_read_and_named_safely(folders, name):
    """Hidden parts are skipped; anything else is read, and its name is printable text
    that mints a valid IRI and survives a round trip through N-Triples."""
    import os

    import pyoxigraph as ox

    from kg.graph import corpus_to_graph
    from kg.pipeline import build_corpus
    from kg.read import printable, source_files
    from kg.vocab import GOV
    with tempfile.TemporaryDirectory() as top:
        folder = os.path.join(os.fsencode(top), *folders) if folders else os.fsencode(top)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as stream:
            stream.write(ARTICLE)
        path = Path(os.fsdecode(os.path.join(folder, name)))
        hidden = any(part.startswith(b".") for part in [*folders, name])
        files, problems = source_files([Path(top)])
        assert (files, problems) == ([] if hidden else [path], [])
        if hidden:
            return
        corpus = build_corpus([Path(top)])
    shown = printable(path.name)
    assert shown == printable(path.name) and shown.encode("utf-8")
    assert [a.source for a in corpus.articles] == [shown]
    assert printable(path).endswith(shown) and not corpus.problems
    graph = corpus_to_graph(corpus)
    data = graph.serialize(format="nt", encoding="utf-8")
    parsed = list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
    assert [str(t.object.value) for t in parsed if t.predicate.value == str(GOV.sourceFile)] \
        == [shown]


# ------------------------------------------------------------------ --bind values

HOSTILE = list("\"'<>{}()#?$@^\\ \n\t.;,|=") + ["^^", "UNDEF", "SERVICE", "WHERE", "\udcff",
                                                  "\x00", "http://a", "%20", "zh", "红船"]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=5)),
                        max_size=12).map("".join)
bind_values_ = st.one_of(
    hostile_text,
    hostile_text.map(lambda t: f"<{t}>"),
    st.tuples(hostile_text, hostile_text).map(lambda p: f'"{p[0]}"@{p[1]}'),
    st.tuples(hostile_text, hostile_text).map(lambda p: f'"{p[0]}"^^<{p[1]}>'),
    st.tuples(hostile_text, hostile_text).map(lambda p: f'"{p[0]}"^^{p[1]}'),
)


@lru_cache(maxsize=1)
def _empty_store():
    from rdflib import Graph

    from kg.query import open_store
    return open_store(Graph())


@FUZZ
@given(bind_values_)
def test_any_bound_value_is_one_term_or_a_clear_refusal(value):
    """Whatever the value, the query gets exactly one row holding exactly the term the
    value names (nothing of it becomes query text), or the value is refused as a
    BindingError with its reason."""
    from kg.query import BindingError, parse_binding, run_query
    try:
        name, term = parse_binding(f"x={value}")
    except BindingError as err:
        assert err.name == "x" and err.reason
        return
    rows = run_query(_empty_store(), "SELECT ?x ?n WHERE { VALUES ?n { 1 2 } }",
                     bindings={name: term})
    assert len(rows) == 2
    for row in rows:
        assert row["x"] == term and row["x"].n3() == term.n3()


# ------------------------------------------------------------------ endpoint URLs

PASSWORD_CHARS = "abcXYZ019/?#@:%[]! ~&="
credentials = st.tuples(
    st.text(alphabet="alice0_", min_size=1, max_size=6),
    st.text(alphabet=PASSWORD_CHARS, max_size=10).map(lambda t: f"S3{t}9Z"),   # never in a message
    st.booleans(),                                                             # percent-encoded?
)
hosts = st.sampled_from(["127.0.0.1", "localhost", "[::1]", "example.org", "[::1", ""])
ports = st.one_of(st.none(), st.integers(0, 70000).map(str), st.text(alphabet="0123abc:", max_size=5))


@FUZZ
@given(st.sampled_from(["http", "https", "HTTP", "ftp", ""]), credentials, hosts, ports,
       st.sampled_from(["/store", "/ds/data", "", "/a b", "/x?y=1"]))
def test_an_endpoint_is_understood_as_meant_or_refused_without_its_password(
        scheme, creds, host, port, path):
    from urllib.parse import quote, unquote, urlsplit

    from kg.push import EndpointError, redact, split_credentials
    user, password, encoded = creds
    written = quote(password, safe="") if encoded else password
    url = f"{scheme}://{user}:{written}@{host}{'' if port is None else ':' + port}{path}"
    try:
        bare, auth = split_credentials(url)
    except EndpointError as err:
        message = str(err)
        assert password not in message and written not in message and "\n" not in message
        return
    # accepted: then understood exactly as meant, and no password left in what is shown
    assert auth == (user, unquote(written))
    meant = urlsplit(f"{scheme}://{host}{'' if port is None else ':' + port}{path}")
    got = urlsplit(bare)
    assert (got.scheme, got.hostname, got.port, got.path, got.query, got.username) == \
        (meant.scheme, meant.hostname, meant.port, meant.path, meant.query, None)
    assert password not in redact(url) and written not in redact(url)
