"""The token layer: one article as sentences of tokens, and the spans the components find.

    Article --make_doc--> Doc
        Doc.sents    the headline (index TITLE), the dateline (DATELINE) and each body sentence,
                     cut by jieba once: its dictionary alone, no HMM guesses, so a name jieba
                     does not know stays in single characters that a pattern can read
                     (罗义 -> 罗|义) instead of being glued to its neighbours
        Sent.units   where entries of the lexicon classes (BODY_WORD, TITLE …) start and end;
                     for the classes marked `split`, tokens are split so that each entry starts
                     and ends on a token boundary (副局长江涛: jieba's 长江 becomes 长|江)
        Doc.spans    what the components found, each with the rule that found it

Spans keep character offsets into their sentence (what provenance and the evidence need);
token indexes are computed from them, so a later split never invalidates a span.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

import jieba

from kg.model import Article, ArticleExtraction, Mention, TITLE_SENTENCE
from kg.rules.lexicon import Lexicon, lexicon
from kg.words import dictionary_tag

DATELINE = -2     # Sent.index of the dateline (本报沈阳12月27日电): places only


@dataclass(eq=False)
class Sent:
    """One sentence's text and tokens; `starts[i]` is token i's offset, `starts[-1]` the length."""

    index: int
    text: str
    starts: list[int]
    units: dict[str, dict[int, list[int]]] = field(default_factory=dict)  # class -> start -> ends
    _tags: list[str | None] | None = None
    _by_start: dict[int, int] | None = None

    def __len__(self) -> int:
        return len(self.starts) - 1

    def word(self, i: int) -> str:
        return self.text[self.starts[i]:self.starts[i + 1]]

    @property
    def words(self) -> list[str]:
        return [self.word(i) for i in range(len(self))]

    def tag(self, i: int) -> str | None:
        """jieba's dictionary tag of token i (None for words the dictionary lacks)."""
        if self._tags is None:
            self._tags = [dictionary_tag(w) for w in self.words]
        return self._tags[i]

    def token_at(self, char: int) -> int | None:
        """The index of the token starting at character `char` (len(self) at the end)."""
        if self._by_start is None:
            self._by_start = {s: i for i, s in enumerate(self.starts)}
        return self._by_start.get(char)

    def split_at(self, char: int) -> None:
        """Make `char` a token boundary (a span or lexicon entry starts or ends there)."""
        at = bisect.bisect_left(self.starts, char)
        if 0 < char < self.starts[-1] and self.starts[at] != char:
            self.starts.insert(at, char)
            self._tags = self._by_start = None

    def unit_ends(self, cls: str, char: int) -> list[int]:
        """Character ends of the entries of lexicon class `cls` starting at `char`."""
        return self.units.get(cls, {}).get(char, [])


@dataclass(eq=False)
class Doc:
    """An article and everything the components have found in it."""

    article: Article
    sents: dict[int, Sent]
    spans: list[Mention] = field(default_factory=list)
    trace: list[tuple[str, int, int, int]] = field(default_factory=list)  # rule, sentence, span
    extraction: ArticleExtraction | None = None   # entities, relations, statistics, once resolved

    def sent(self, index: int) -> Sent:
        return self.sents[index]

    def body(self) -> Iterator[Sent]:
        """The headline and the body sentences, in order (not the dateline)."""
        return (s for i, s in self.sents.items() if i != DATELINE)

    def add(self, span: Mention) -> Mention:
        """Record a span; its edges become token boundaries."""
        sent = self.sents[span.sentence]
        sent.split_at(span.start)
        sent.split_at(span.end)
        self.spans.append(span)
        return span


def make_doc(article: Article, lex: Lexicon | None = None) -> Doc:
    """Cut the article's headline, dateline and sentences into tokens, once each."""
    lex = lex or lexicon()
    texts = [(TITLE_SENTENCE, article.title)] if article.title else []
    if article.dateline:
        texts.append((DATELINE, article.dateline))
    texts += [(s.index, s.text) for s in article.sentences]
    return Doc(article, {index: make_sent(index, text, lex) for index, text in texts})


def make_sent(index: int, text: str, lex: Lexicon) -> Sent:
    starts, pos = [], 0
    for word in jieba.cut(text, HMM=False):
        starts.append(pos)
        pos += len(word)
    starts.append(len(text))
    sent = Sent(index, text, starts)
    for start, end, classes in lex.entries_in(text):
        if not classes.isdisjoint(lex.split):
            sent.split_at(start)
            sent.split_at(end)
        for cls in classes:
            sent.units.setdefault(cls, {}).setdefault(start, []).append(end)
    return sent
