"""Every rule of kg/rules/*.yaml applies to its `yes` examples and not to its `no` examples.

Each example runs through the pipeline (kg/config.toml) up to the rule's component; the
doc's trace says which rules matched where.
"""
from __future__ import annotations

from importlib import resources

import pytest

from kg import components
from kg.doc import make_doc
from kg.model import Article, Sentence
from kg.rules.ruleset import Example, Rule, parse_rules, rules

FILES = sorted(p.name[:-5] for p in resources.files("kg.rules").iterdir()
               if p.name.endswith(".yaml") and p.name != "lexicon.yaml")
RULES = [r for f in FILES for r in rules(f).rules]


def traced(rule: Rule, example: Example) -> list[str]:
    """The texts `rule` matched in the example, run up to its component."""
    article = Article("example.txt", 0, example.title, sentences=[Sentence(example.text, 0)])
    doc = components.run(make_doc(article), until=rule.component)
    return [doc.sents[s].text[a:b] for rid, s, a, b in doc.trace if rid == rule.id]


def test_there_are_rule_files_and_every_component_of_a_file_runs():
    names = {name for name, _ in components.pipeline()}
    assert FILES and set(FILES) <= names


def test_a_rules_yes_and_no_are_its_examples_not_booleans():
    # YAML 1.1 reads the keys yes and no as True and False: then no example would run
    (rule,) = parse_rules("t", "rules:\n- {id: t.x, action: a, pattern: [{TEXT: 甲}],"
                               " split: true, yes: [甲乙], no: [乙]}").rules
    assert (rule.yes, rule.no, rule.args) == ((Example("甲乙"),), (Example("乙"),), {"split": True})


def test_the_examples_of_each_file_are_read():
    # a loader that reads `yes:` as the boolean True would leave every rule without examples
    assert all(any(r.yes for r in rules(f).rules) for f in FILES)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule: Rule):
    for example in rule.yes:
        found = traced(rule, example)
        assert found, f"{rule.id} should apply to: {example.text}"
        for text in example.find:
            assert any(text in f for f in found), f"{rule.id} matched {found}, not {text!r}"
    for example in rule.no:
        found = traced(rule, example)
        if example.find:
            assert not any(t in f for t in example.find for f in found), \
                f"{rule.id} should not match {example.find} in: {example.text}"
        else:
            assert not found, f"{rule.id} should not apply to: {example.text} (matched {found})"


def test_the_examples_are_read_under_their_keys():
    # YAML 1.1 reads the keys `yes` and `no` as booleans; the examples must still be found
    rule = parse_rules("documents", "rules:\n  - {id: t, action: a, pattern: [{TEXT: x}], "
                                    "yes: [有x], no: [无y]}\n").rules[0]
    assert [e.text for e in rule.yes] == ["有x"] and [e.text for e in rule.no] == ["无y"]
    assert rule.args == {}


def test_a_rule_file_is_read_back_from_the_cache_while_its_text_is_the_same(tmp_path, monkeypatch):
    from importlib import resources
    import yaml
    from kg.rules.ruleset import _Loader, _kept_yaml
    monkeypatch.setenv("GOVKG_CACHE_DIR", str(tmp_path))
    text = resources.files("kg.rules").joinpath("places.yaml").read_text(encoding="utf-8")
    parsed = yaml.load(text, Loader=_Loader)
    assert _kept_yaml("places", text) == parsed                    # parsed, then kept
    kept = tmp_path / "rules-places.marshal"
    assert kept.is_file() and _kept_yaml("places", text) == parsed  # read back
    changed = "rules:\n- {id: t.x, action: a, pattern: [{TEXT: 甲}], yes: [甲], no: [乙]}\n"
    assert _kept_yaml("places", changed)["rules"][0]["no"] == ["乙"]   # another text: parsed
    kept.write_bytes(kept.read_bytes()[:-3])                          # damaged: parsed again
    assert _kept_yaml("places", text) == parsed
