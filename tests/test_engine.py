"""The pattern matcher (kg/rules/engine.py) on small sentences: what each element and OP does."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kg.doc import Doc, make_sent
from kg.model import Article, EntityType, Mention
from kg.rules.engine import Context, PatternError, compile_pattern
from kg.rules.finite import finite_words
from kg.rules.lexicon import build_lexicon

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
LEX = build_lexicon({"TITLE": {"words": ["局长", "副局长", "民警"], "split": True},
                     "BODY": {"words": ["公安局", "派出所", "局"], "split": True},
                     "PLAIN": {"words": ["公安"]},
                     "SURNAME": {"words": ["王", "江", "罗"]}})


def matches(pattern: list[dict], text: str, spans: list[tuple[str, int, int, dict]] = ()):
    sent = make_sent(0, text, LEX)
    doc = Doc(Article("t.txt", 0, ""), {0: sent})
    for label, start, end, attrs in spans:
        doc.add(Mention(EntityType(label), text[start:end], start, end, 0, attrs=dict(attrs)))
    ctx = Context(doc, sent, LEX)
    found = compile_pattern(pattern, LEX).finditer(ctx)
    return [(m.text(), {k: m.text(k) for k in m.groups}) for m in found]


def test_tokens_are_split_where_a_split_class_entry_starts_or_ends():
    # jieba's dictionary reads 长江 across the title 局长; the title's end splits it
    sent = make_sent(0, "副局长江涛介绍", LEX)
    assert "长江" not in sent.words and "".join(sent.words) == "副局长江涛介绍"
    assert matches([{"LEX": "TITLE", "NAME": "t"}, {"LEX": "SURNAME"}, {"IS_HAN": True}],
                   "副局长江涛介绍")[0][1] == {"t": "副局长"}


def test_a_lexicon_unit_can_cover_several_tokens_or_be_one_token():
    assert matches([{"LEX": "BODY"}], "成都市公安局") == [("公安局", {})]
    # jieba's dictionary has 县公安局 as one word: a split class cuts it, another does not
    assert matches([{"TEXT": "县"}, {"LEX": "BODY"}], "县公安局") == [("县公安局", {})]
    assert matches([{"LEX": "PLAIN"}], "县公安局") == []     # 公安 ends inside 公安局


def test_repeats_are_greedy_unless_lazy_and_captures_name_parts():
    text = "民警罗义说"
    greedy = matches([{"LEX": "TITLE"}, {"IS_HAN": True, "OP": "+", "NAME": "n"}], text)
    lazy = matches([{"LEX": "TITLE"}, {"IS_HAN": True, "OP": "+?", "NAME": "n"}], text)
    bounded = matches([{"LEX": "TITLE"}, {"IS_HAN": True, "OP": "{1,2}", "NAME": "n"}], text)
    assert greedy[0][1]["n"] == "罗义说" and lazy[0][1]["n"] == "罗" and bounded[0][1]["n"] == "罗义"


def test_chars_bounds_what_an_element_covers_and_repeats_backtrack_to_meet_it():
    # 民警|王|某某|说: a part of three characters, however many tokens that takes
    text = "民警王某某说"
    free = [{"LEX": "TITLE"}, {"IS_HAN": True, "OP": "+", "NAME": "n"}]
    three = [{"LEX": "TITLE"}, {"IS_HAN": True, "OP": "+", "CHARS": [3, 3], "NAME": "n"}]
    assert matches(free, text)[0][1] == {"n": "王某某说"}
    assert matches(three, text)[0][1] == {"n": "王某某"}
    # no token boundary two characters on: no match, not a wrong one
    two = [{"LEX": "TITLE"}, {"IS_HAN": True, "OP": "+?", "CHARS": [2, 2], "NAME": "n"}]
    assert matches(two, text) == []
    # a lazy repeat grows until the part is long enough and what follows matches
    lazy = [{"LEX": "TITLE"}, {"IS_HAN": True, "OP": "+?", "CHARS": [2, 3], "NAME": "n"},
            {"IS_HAN": True, "NAME": "rest"}]
    assert matches(lazy, "民警罗义说")[0][1] == {"n": "罗义", "rest": "说"}
    with pytest.raises(PatternError, match="zero-width"):
        compile_pattern([{"PEEK": {"TEXT": "x"}, "CHARS": [1, 2]}, {"TEXT": "y"}], LEX)


def test_a_name_several_elements_give_spans_them_all():
    # 民警|罗|·|义|说: the name is written in two parts joined by a dot
    parts = [{"LEX": "TITLE"}, {"IS_HAN": True, "NAME": "n"}, {"TEXT": "·", "NAME": "n"},
             {"IS_HAN": True, "NAME": "n"}]
    assert matches(parts, "民警罗·义说")[0][1] == {"n": "罗·义"}
    # an optional element that matched nothing adds nothing to the span
    optional = [{"LEX": "TITLE"}, {"TEXT": "·", "OP": "?", "NAME": "n"},
                {"IS_HAN": True, "NAME": "n"}]
    assert matches(optional, "民警罗义说")[0][1] == {"n": "罗"}


def test_negation_and_value_tests():
    text = "《法治日报》报道"
    assert matches([{"TEXT": "《"}, {"TEXT": {"NOT_IN": ["》"]}, "OP": "+", "NAME": "t"},
                    {"TEXT": "》"}], text)[0][1] == {"t": "法治日报"}
    assert matches([{"TEXT": {"REGEX": "日报$"}}], text) == [("日报", {})]
    assert matches([{"TEXT": "《"}, {"TEXT": "》", "OP": "!"}], text) != []
    assert matches([{"TEXT": "》"}, {"TEXT": "报道", "OP": "!"}], text) == []


def test_zero_width_elements_look_around_without_consuming():
    assert matches([{"IS_SENT_START": True}, {"LEX": "TITLE"}], "民警王某，民警江某") == [("民警", {})]
    assert len(matches([{"LEX": "TITLE"}, {"PEEK": {"LEX": "SURNAME"}}], "民警王某和民警李某")) == 1
    # 副局长 is a title of its own; the 局长 inside it follows 副
    assert matches([{"NOT_BEHIND": {"TEXT": "副"}}, {"LEX": "TITLE"}], "副局长") == [("副局长", {})]
    assert matches([{"BEHIND": {"TEXT": "副"}}, {"LEX": "TITLE"}], "副局长") == [("局长", {})]
    assert matches([{"LEX": "BODY"}, {"IS_SENT_END": True}], "公安局和派出所") == [("派出所", {})]


def test_spans_of_the_document_are_units_and_their_attributes_can_be_tested():
    text = "青羊区分局和成都市公安局"
    spans = [("Place", 0, 3, {"level": "county"}), ("Place", 6, 9, {"level": "city"})]
    found = matches([{"ENT": "Place", "NAME": "p"}, {"LEX": "BODY"}], text, spans)
    assert [f[1]["p"] for f in found] == ["成都市"]
    cities = matches([{"ENT": "Place", "ATTRS": {"level": {"IN": ["city"]}}}], text, spans)
    assert [f[0] for f in cities] == ["成都市"]
    outside = matches([{"ENT": {"NOT_IN": ["Place"]}, "OP": "+", "NAME": "x"}], text, spans)
    assert [f[1]["x"] for f in outside] == ["分局和", "公安局"]


def test_bad_patterns_are_named_when_they_load():
    with pytest.raises(PatternError, match="unknown OP"):
        compile_pattern([{"TEXT": "x", "OP": "++"}], LEX)
    with pytest.raises(KeyError, match="unknown lexicon class"):
        compile_pattern([{"LEX": "NOPE"}], LEX)
    with pytest.raises(PatternError, match="unknown token attribute"):
        compile_pattern([{"COLOUR": "red"}], LEX)


def test_a_pattern_can_be_tested_on_one_stretch_of_tokens():
    # as spaCy's Matcher on a Span: the match must start and end where the stretch does
    sent = make_sent(0, "成都市公安局派出所", LEX)
    ctx = Context(Doc(Article("t.txt", 0, ""), {0: sent}), sent, LEX)
    anything = compile_pattern([{"OP": "*"}, {"LEX": "BODY"}], LEX)
    first_body = sent.token_at(6)                 # 公安局 ends where 派出所 starts
    assert anything.match_at(ctx, 0).text() == "成都市公安局派出所"      # greedy: to the end
    assert anything.match_at(ctx, 0, first_body).text() == "成都市公安局"
    assert compile_pattern([{"LEX": "BODY"}], LEX).match_at(ctx, 0, first_body) is None
    # where a match can start: near the tokens its first selective element can match
    assert compile_pattern([{"LEX": "BODY"}], LEX).starts(ctx) == [sent.token_at(3), first_body]


def test_a_pattern_says_which_spans_its_named_element_could_be():
    pattern = compile_pattern([{"ENT": "Place", "ATTRS": {"level": {"IN": ["city"]}}, "NAME": "p"},
                               {"LEX": "BODY", "NAME": "b"}], LEX)
    city = Mention(EntityType.PLACE, "成都市", 0, 3, 0, attrs={"level": "city"})
    county = Mention(EntityType.PLACE, "青羊区", 0, 3, 0, attrs={"level": "county"})
    person = Mention(EntityType.PERSON, "王某", 0, 2, 0, attrs={"level": "city"})
    assert pattern.admits("p", city) and not pattern.admits("p", county)
    assert not pattern.admits("p", person)                 # the label counts too
    assert pattern.admits("b", county) and pattern.admits("other", county)  # no ENT test there



def test_a_regex_element_anchors_its_pattern_where_its_words_match(monkeypatch):
    """A pattern opening with a REGEX is tried only at words the REGEX matches; the answers
    kept for words seen before stay right when that memo starts over (a tiny one here)."""
    import kg.rules.engine as engine
    monkeypatch.setattr(engine, "_MEMO_WORDS", 3)
    pattern = compile_pattern([{"TEXT": {"REGEX": "^[全该本][市县](?!级)"}, "NAME": "form"},
                               {"TEXT": {"NOT_IN": ["，"]}, "OP": "?"}], LEX)
    for text, forms in [("全市共有民警三百名，该县民警", ["全市", "该县"]),
                        ("全市的派出所", ["全市"]),         # 全市 seen before the memo starts over
                        ("本市公安局和全县派出所", ["本市", "全县"]), ("市县两级", [])]:
        sent = make_sent(0, text, LEX)
        ctx = Context(Doc(Article("t.txt", 0, ""), {0: sent}), sent, LEX)
        assert [sent.words[i] for i in pattern.starts(ctx)] == forms
        assert [m.text("form") for m in pattern.finditer(ctx)] == forms


def test_a_pattern_open_before_its_anchor_is_tried_where_walking_back_from_it_leads():
    """A pattern whose elements before its first selective one may cover any number of
    tokens is tried only where walking back from each place that one matches, through their
    tests, leads: here the punctuation opening the clause of a 说. It finds what trying
    every token finds."""
    pattern = compile_pattern([{"IS_PUNCT": True}, {"TEXT": {"NOT_IN": ["，", "。"]}, "OP": "*"},
                               {"TEXT": "说"}], LEX)
    text = "，王某说。民警认为，江涛也说"
    sent = make_sent(0, text, LEX)
    ctx = Context(Doc(Article("t.txt", 0, ""), {0: sent}), sent, LEX)
    starts = pattern.starts(ctx)
    assert [sent.starts[i] for i in starts] == [0, text.index("，江")]
    every, last = [], 0
    for i in range(len(sent)):
        if i >= last and (m := pattern.match_at(ctx, i)) is not None:
            every.append(m.text())
            last = max(m.end, i + 1)
    assert [m.text() for m in pattern.finditer(ctx)] == every == ["，王某说", "，江涛也说"]


def test_a_regex_of_a_few_whole_words_is_those_words():
    """`^[全该本][市县]$` names six words: its pattern needs one of them in the sentence
    (kg/rules/finite.py), and what it matches is what the REGEX matches."""
    assert finite_words("^[全该本][市县]$") >= {"全市", "本县", "全市\n"}
    assert len(finite_words("^(?:镇|乡|街道)$")) == 6
    for open_ended in ("^[全该本][市县]", "^\\d{4}$", "^[^镇]$", "(?i)^a$", "^a+$"):
        assert finite_words(open_ended) is None, open_ended
    pattern = compile_pattern([{"TEXT": {"REGEX": "^[全该本][市县]$"}, "NAME": "form"}], LEX)
    assert pattern.needs == (("TEXT", finite_words("^[全该本][市县]$")),)
    assert [m[0] for m in matches([{"TEXT": {"REGEX": "^[全该本][市县]$"}}],
                                  "全市共有民警三百名，该县民警")] == ["全市", "该县"]


def test_the_rules_regexes_read_as_words_match_exactly_those_words():
    """Every REGEX of kg/rules/*.yaml that reads as a few words: on the bundled corpus's
    words (and those words with a newline after), it matches just the words listed."""
    rule_files = Path(__file__).resolve().parents[1] / "kg" / "rules"
    regexes = {r for f in rule_files.glob("*.yaml")
               for r in _regexes(yaml.safe_load(f.read_text(encoding="utf-8")))}
    finite = {r: finite_words(r) for r in regexes if finite_words(r) is not None}
    assert len(finite) >= 10
    text = "".join(p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt"))
    vocabulary = {w for line in text.splitlines() for w in make_sent(0, line, LEX).words}
    vocabulary |= {w + "\n" for w in vocabulary} | {w for words in finite.values() for w in words}
    for regex, words in finite.items():
        search = re.compile(regex).search
        assert {w for w in vocabulary if search(w)} == words, regex


def _regexes(node) -> list[str]:
    if isinstance(node, dict):
        return [r for k, v in node.items() for r in ([v] if k == "REGEX" else _regexes(v))]
    return [r for v in node for r in _regexes(v)] if isinstance(node, list) else []


def _stops_by_every_path(table, pos, count, low, high, lazy, limit):
    """Where a repeated unit may stop, walking every path (the definition `_unit_stops` keeps)."""
    if lazy and count >= low:
        yield pos
    if (high is None or count < high) and pos < limit:
        for end in table[pos]:
            if end > pos:
                yield from _stops_by_every_path(table, end, count + 1, low, high, lazy, limit)
    if not lazy and count >= low:
        yield pos


@pytest.mark.parametrize("low,high,lazy", [(0, None, False), (1, None, True), (2, 3, False),
                                           (1, 4, True), (3, None, False)])
def test_a_repeated_unit_stops_where_every_path_would_each_once_in_order(low, high, lazy):
    """Overlapping units (each token starts units ending one, two and three tokens on) make
    the paths to a token many; the stops are those of walking every path, first ones first."""
    from kg.rules.engine import _unit_stops
    table = {i: tuple(e for e in (i + 3, i + 2, i + 1) if e <= 12) for i in range(12)}
    walked = list(dict.fromkeys(s for s in _stops_by_every_path(table, 0, 0, low, high, lazy, 12)
                                if s <= 10))
    assert list(_unit_stops(table, 0, low, high, lazy, 12, 10)) == walked
    assert len(walked) > 5


def test_a_repeated_unit_over_many_overlapping_units_does_not_walk_every_path():
    from kg.rules.engine import _unit_stops
    n = 60                                    # (about 1e12 paths: walking each would not end)
    table = {i: tuple(e for e in (i + 2, i + 1) if e <= n) for i in range(n)}
    assert list(_unit_stops(table, 0, 0, None, False, n, n)) == list(range(n, -1, -1))


def test_a_rule_set_tries_the_rules_whose_needs_a_sentence_holds_alike_cold_or_known():
    """Which rules of an action may match is worked out once per set of needs held
    (`RuleSet._live`): sentences that hold the same needs, or others, get each rule's own
    matches (`Rule.finditer`), in file order, whichever sentence came first."""
    from kg.rules.lexicon import lexicon
    from kg.rules.ruleset import parse_rules
    ruleset = parse_rules("t", """rules:
      - {id: t.county, action: a, pattern: [{TEXT: 全县}, {TEXT: 共}]}
      - {id: t.either, action: a, patterns: [[{TEXT: 全市}], [{TEXT: 全县}, {TEXT: 累计}]]}
      - {id: t.other, action: b, pattern: [{TEXT: 全市}]}
    """)
    texts = ["全县共化解矛盾纠纷157件", "全市累计化解矛盾纠纷", "全县累计化解矛盾纠纷",
             "全县共化解纠纷，全市累计化解", "全县共排查隐患", "化解矛盾纠纷157件"]
    for text in [*texts, *reversed(texts)]:
        sent = make_sent(0, text, lexicon())
        doc = Doc(Article("t.txt", 0, ""), {0: sent})
        found = [(m.rule.id, m.text()) for m in ruleset.matches(Context(doc, sent, lexicon()), "a")]
        ctx = Context(doc, sent, lexicon())
        expected = [(r.id, m.text()) for r in ruleset.rules if r.action == "a"
                    for m in r.finditer(ctx)]
        assert found == expected, text
    assert len(ruleset._live_rules["a"]) < len(texts)     # (sentences held the same needs)
