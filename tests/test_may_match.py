"""`RuleSet.may_match`: which sentences a component need not make a context for, because no
rule of an action can match there by what the sentence's tokens hold."""
from __future__ import annotations

from kg.doc import Doc, make_sent
from kg.model import Article
from kg.rules.lexicon import lexicon
from kg.rules.ruleset import rules

TEXTS = ["今年以来，全县共化解矛盾纠纷320起。", "近日，县司法局组织调解员开展培训。",
         "桃江县司法局组织调解员开展培训。", "2025年2月18日，市委常委、政法委书记主持召开推进会。",
         "民警走访群众二十余户，发放宣传资料。", "调解员当场化解了这起纠纷。"]


def home_forms(text: str) -> tuple[bool, list[str]]:
    ruleset, sent = rules("places"), make_sent(0, text, lexicon())
    doc = Doc(Article("t.txt", 0, ""), {0: sent})
    found = ruleset.matches(ruleset.context(doc, sent), "home_form")
    return ruleset.may_match(sent, "home_form"), [m.text("level") for m in found]


def test_a_sentence_that_may_not_match_has_no_match_and_one_that_does_may():
    seen = {text: home_forms(text) for text in TEXTS}
    assert all(may for may, found in seen.values() if found)
    assert seen[TEXTS[0]] == (True, ["全县"]) and seen[TEXTS[3]] == (True, ["市委"])
    assert not seen[TEXTS[4]][0] and not seen[TEXTS[5]][0]


def test_an_action_the_rule_set_has_not_may_match_nowhere():
    sent = make_sent(0, TEXTS[0], lexicon())
    assert rules("places").may_match(sent, "home_form")
    assert not rules("places").may_match(sent, "no_such_action")
