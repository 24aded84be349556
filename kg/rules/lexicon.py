"""Lexicon classes: the named word lists that patterns test with `LEX` (BODY_WORD, TITLE …).

`kg/rules/lexicon.yaml` says which word list each class is: a file (and sections) of
`kg/lexicons/`, or a short list of its own. Entries of two or more characters are found in a
sentence's text with one Aho–Corasick automaton (`entries_in`); a single-character entry
is a token whose text it is (`classes_of`).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import ahocorasick
import yaml

from kg.lexicons import sections, words


@dataclass(frozen=True)
class Lexicon:
    classes: dict[str, frozenset[str]]
    split: frozenset[str]                      # classes whose entries make token boundaries
    by_word: dict[str, frozenset[str]]         # entry -> the classes it belongs to
    automaton: ahocorasick.Automaton | None

    def words(self, cls: str) -> frozenset[str]:
        try:
            return self.classes[cls]
        except KeyError:
            raise KeyError(f"unknown lexicon class {cls!r} (see kg/rules/lexicon.yaml)") from None

    def classes_of(self, word: str) -> frozenset[str]:
        return self.by_word.get(word, frozenset())

    def entries_in(self, text: str) -> Iterator[tuple[int, int, frozenset[str], bool]]:
        """(start, end, classes, split) of every entry of two or more characters in `text`;
        `split`: one of the classes makes token boundaries."""
        if self.automaton is None:
            return
        for last, (length, classes, split) in self.automaton.iter(text):
            yield last + 1 - length, last + 1, classes, split


def build_lexicon(spec: dict[str, dict]) -> Lexicon:
    classes = {name: frozenset(_entries(entry)) for name, entry in spec.items()}
    split = frozenset(name for name, entry in spec.items() if entry.get("split"))
    by_word: dict[str, set[str]] = {}
    for name, entries in classes.items():
        for word in entries:
            by_word.setdefault(word, set()).add(name)
    frozen = {w: frozenset(c) for w, c in by_word.items()}
    long_words = [w for w in frozen if len(w) >= 2]
    automaton = None
    if long_words:
        automaton = ahocorasick.Automaton()
        for word in long_words:
            automaton.add_word(word, (len(word), frozen[word], not frozen[word].isdisjoint(split)))
        automaton.make_automaton()
    return Lexicon(classes, split, frozen, automaton)


def _entries(entry: dict) -> list[str]:
    """The words of one class: its own `words`, or a lexicon file (some of its sections)."""
    if "words" in entry:
        return [str(w) for w in entry["words"]]
    if "sections" in entry:
        groups = sections(entry["file"])
        return [w for s in entry["sections"] for w in groups[s]]
    return list(words(entry["file"]))


@cache
def lexicon() -> Lexicon:
    """The classes of kg/rules/lexicon.yaml, loaded once."""
    text = resources.files(__package__).joinpath("lexicon.yaml").read_text(encoding="utf-8")
    return build_lexicon(yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
