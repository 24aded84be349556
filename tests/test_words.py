"""The word layer: rjieba (jieba-rs) cuts exactly as jieba's dictionary cut does."""
from __future__ import annotations

import re
from pathlib import Path

import jieba

from kg.doc import make_sent
from kg.rules.lexicon import build_lexicon
from kg import words
from kg.words import _frequencies, dictionary_tag, frequency, tagged, words_and_tags

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def test_cuts_are_jiebas_on_the_bundled_corpus():
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    for line in filter(None, re.split(r"[\n。！？]", text)):
        assert [w for w, _ in tagged(line)] == list(jieba.cut(line, HMM=False)), line


def test_words_and_tags_are_the_tagged_cut_whether_their_words_were_seen_or_not(monkeypatch):
    """A sentence's tags looked up among words seen before are those jieba-rs tags it with:
    with nothing seen yet, with every word seen, and when the words kept start over."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    lines = list(filter(None, re.split(r"[\n。！？]", text)))
    monkeypatch.setattr(words, "_TAGS", {})
    for _ in range(2):                        # first unseen, then all seen
        for line in lines:
            pairs = tagged(line)
            assert words_and_tags(line) == ([w for w, _ in pairs], [t for _, t in pairs]), line
    assert words._TAGS["警察"] == "n"           # (the corrected tag is the one kept)
    monkeypatch.setattr(words, "_TAGS", {})
    monkeypatch.setattr(words, "_MOST_TAGS", 50)
    for line in lines[:40]:
        pairs = tagged(line)
        assert words_and_tags(line) == ([w for w, _ in pairs], [t for _, t in pairs]), line
    assert len(words._TAGS) < 50 + 60


def test_dictionary_tags_and_their_corrections():
    assert dictionary_tag("公安局") == "nt" and dictionary_tag("说") == "v"
    assert dictionary_tag("警察") == "n"            # corrected: jieba calls it a verb
    assert dictionary_tag("联系") == dictionary_tag("调研") == "v"   # corrected: jieba calls them nouns
    assert dictionary_tag("调研组") == "n"          # the noun built on it is a word of its own
    # corrected: jieba tags these names (nr), so a title before them or a body's name ran on
    assert dictionary_tag("荣立") == dictionary_tag("荣获") == "v"
    assert dictionary_tag("幸福感") == dictionary_tag("安全感") == "n"
    assert dictionary_tag("，") is None and dictionary_tag("2904") is None
    assert dictionary_tag("罗义") is None           # not one word of the dictionary


def test_a_split_token_gets_the_tags_of_its_pieces():
    sent = make_sent(0, "副局长江涛介绍", build_lexicon({"T": {"words": ["局长"], "split": True}}))
    # jieba reads 副|局|长江|涛; the title's end splits 长江, and the title covers 局|长
    assert sent.words == ["副", "局", "长", "江", "涛", "介绍"]
    assert sent.tags[2:4] == [dictionary_tag("长"), dictionary_tag("江")] and sent.tags[5] == "v"
    assert sent.unit_ends("T", 1) == [3]


def test_splitting_at_many_places_at_once_is_splitting_at_each():
    """`Sent.split_all` (make_doc's one pass) gives the tokens and tags `split_at` gives one
    cut at a time: cuts inside words, at their edges, several in one word, out of order."""
    lex = build_lexicon({"T": {"words": ["局长"]}})
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    lines = [line for line in re.split(r"[\n。！？]", text) if len(line) > 8][:200]
    assert len(lines) == 200
    changed = 0
    for n, line in enumerate(lines):
        cuts = [c for c in range(-1, len(line) + 2) if (c * 7 + n) % 5 == 0][::-1]
        one, each = make_sent(0, line, lex), make_sent(0, line, lex)
        one.split_all(cuts)
        for c in cuts:
            each.split_at(c)
        assert (one.starts, one.words, one.tags) == (each.starts, each.words, each.tags), line
        changed += one.words != make_sent(0, line, lex).words
    assert changed > 120                      # most lines had a word cut


def test_frequencies_are_jiebas_own():
    """kg/words.py reads the counts from jieba's dictionary file itself (not with jieba's
    loader): every word jieba counts has that count, and every word read is one jieba has."""
    jieba.initialize()
    counts = {w: n for w, n in jieba.dt.FREQ.items() if n}
    assert len(counts) > 300_000
    assert all(frequency(w) == n for w, n in counts.items())
    assert frequency("公安局") > 0 and frequency("罗义") == 0
    assert {w for w, n in _frequencies().items() if int(n)} == counts.keys()


def test_counts_are_kept_in_the_cache_folder_and_read_back_the_same(tmp_path, monkeypatch):
    from kg.words import _counts
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path))
    _counts.cache_clear()
    try:
        parsed = _counts()
        [kept] = tmp_path.glob("jieba-counts-*.marshal")
        _counts.cache_clear()
        assert _counts() == parsed                  # now read from the file
        kept.write_bytes(b"not marshal")            # a damaged file: dict.txt is read again
        _counts.cache_clear()
        assert _counts() == parsed
        words, counts = parsed
        assert words == sorted(_frequencies()) and frequency("公安局") == int(_frequencies()["公安局"])
    finally:
        _counts.cache_clear()


def test_the_sentence_index_follows_spans_and_marks_added_one_by_one():
    # the index is kept up to date as spans and marks are added, made again when a list was
    # changed in place; what a caller holds of an older state stays as it was
    from kg.doc import Mark, make_doc
    from kg.model import Article, EntityType, Mention, Sentence
    doc = make_doc(Article("t.txt", 0, "", sentences=[
        Sentence("全县共有2904名网格员", 0), Sentence("海林市横道河子镇", 1)]))
    assert doc.spans_in(0) == [] and doc.marks_in(1) == []
    held = doc.marks_in(0)
    figure = doc.mark(Mark("Quantity", 0, 4, 9, None))
    place = doc.add(Mention(EntityType.PLACE, "海林市", 0, 3, 1))
    assert doc.marks_in(0) == [figure] and doc.spans_in(1) == [place] and held == []
    town = doc.add(Mention(EntityType.PLACE, "横道河子镇", 3, 8, 1))
    doc.spans.remove(place)
    assert doc.spans_in(1) == [town] and doc.in_sentence(0) == ([], [figure])
    assert doc.sents[0].words[doc.sents[0].token_at(4):doc.sents[0].token_at(9)] == ["2904", "名"]
