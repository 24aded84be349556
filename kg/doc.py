"""The token layer: one article as sentences of tokens, and the spans the components find.

    Article --make_doc--> Doc
        Doc.sents    the headline (index TITLE), the dateline (DATELINE) and each body sentence,
                     cut by jieba once (kg/words.py): its dictionary alone, no HMM guesses, so
                     a name jieba does not know stays in single characters that a pattern can
                     read (罗义 -> 罗|义) instead of being glued to its neighbours; each token
                     has its dictionary tag
        Sent.units   where entries of the lexicon classes (BODY_WORD, TITLE …) start and end;
                     for the classes marked `split`, tokens are split so that each entry starts
                     and ends on a token boundary (副局长江涛: jieba's 长江 becomes 长|江);
                     `Sent.cut` keeps where jieba's own words start (公安局 is one word there)
        Doc.spans    the entities the components found, each with the rule that found it
        Doc.marks    other spans they found: quantities, periods (like spaCy's span groups)

Spans keep character offsets into their sentence (what provenance and the evidence need);
token indexes are computed from them, so a later split never invalidates a span.
"""
from __future__ import annotations

import bisect
from itertools import accumulate
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kg.model import Article, ArticleExtraction, Mention, TITLE_SENTENCE
from kg.rules.lexicon import Lexicon, lexicon
from kg.words import dictionary_tag, words_and_tags

DATELINE = -2     # Sent.index of the dateline (本报沈阳12月27日电): places only


@dataclass(eq=False)
class Sent:
    """One sentence's text and tokens; `starts[i]` is token i's offset, `starts[-1]` the length."""

    index: int
    text: str
    starts: list[int]
    tags: list[str | None]
    words: list[str]
    units: dict[str, dict[int, list[int]]] = field(default_factory=dict)  # class -> start -> ends
    cut: tuple[int, ...] = ()      # where jieba's words start (and the end), before any split
    _by_start: dict[int, int] | None = None
    _positions: dict[str, list[int]] | None = None
    _classes: set[str] | None = None                    # lexicon classes with an entry here
    _class_starts: dict[str, set[int]] | None = None   # class -> token starts, when first asked
    # bumped by every split: what was read of the tokens before (the matcher's tables) is stale
    version: int = field(default=0, init=False, repr=False)
    # what the matcher read of the tokens (tables, starts, needs held), shared by its contexts
    tables: dict[object, object] = field(default_factory=dict, init=False, repr=False)

    def __len__(self) -> int:
        return len(self.words)

    def word(self, i: int) -> str:
        return self.words[i]

    @property
    def positions(self) -> dict[str, list[int]]:
        """word -> the indexes of the tokens that are that word."""
        if self._positions is None:
            out: dict[str, list[int]] = {}
            for i, w in enumerate(self.words):
                found = out.get(w)
                if found is None:
                    out[w] = [i]
                else:
                    found.append(i)
            self._positions = out
        return self._positions

    def classes(self, lex: Lexicon) -> set[str]:
        """The lexicon classes with an entry in the sentence (a token that is one, or one of
        several characters, even one starting inside a token)."""
        if self._classes is None:
            by_word = lex.by_word
            found = set(self.units)
            found.update(*[by_word[w] for w in self.positions if w in by_word])
            self._classes = found
        return self._classes

    def class_starts(self, cls: str, lex: Lexicon) -> set[int]:
        """The tokens where an entry of lexicon class `cls` starts (one token or several),
        found when first asked: a sentence is asked for a few of the classes it holds."""
        if self._class_starts is None:
            self._class_starts = {}
        found = self._class_starts.get(cls)
        if found is None:
            entries, positions = lex.classes.get(cls, frozenset()), self.positions
            # (intersection() walks the sentence's words, not the class's many entries)
            found = {i for w in entries.intersection(positions) for i in positions[w]}
            starts = self.units.get(cls)
            if starts:                            # (an entry starting inside a token: none)
                self.token_at(0)                  # (makes the index of token starts)
                by_start = self._by_start
                found.update(by_start[c] for c in starts if c in by_start)
            self._class_starts[cls] = found
        return found

    def tag(self, i: int) -> str | None:
        """jieba's dictionary tag of token i (None for words the dictionary lacks)."""
        return self.tags[i]

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
            pieces = [self.text[self.starts[at - 1]:char], self.text[char:self.starts[at + 1]]]
            self.words[at - 1:at] = pieces
            self.tags[at - 1:at] = [dictionary_tag(w) for w in pieces]
            self._by_start = self._positions = self._classes = self._class_starts = None
            self.version += 1
            self.tables = {}

    def split_all(self, chars: Iterable[int]) -> None:
        """Make each of `chars` a token boundary, all in one pass (as `split_at` each would:
        a token cut in pieces, each piece with its dictionary tag). Only the tokens cut are
        visited; the runs between them are copied whole."""
        starts, text = self.starts, self.text
        cuts = sorted({c for c in chars if 0 < c < starts[-1]}.difference(starts))
        if not cuts:
            return
        new_starts: list[int] = []
        words: list[str] = []
        tags: list[str | None] = []
        done, k = 0, 0                        # tokens before `done` are copied
        while k < len(cuts):
            i = bisect.bisect_right(starts, cuts[k]) - 1      # the token the cut falls in
            new_starts += starts[done:i]
            words += self.words[done:i]
            tags += self.tags[done:i]
            edges = [starts[i]]
            while k < len(cuts) and cuts[k] < starts[i + 1]:
                edges.append(cuts[k])
                k += 1
            edges.append(starts[i + 1])
            for x, y in zip(edges, edges[1:]):
                new_starts.append(x)
                words.append(text[x:y])
                tags.append(dictionary_tag(text[x:y]))
            done = i + 1
        new_starts += starts[done:]                      # (and the end of the sentence)
        words += self.words[done:]
        tags += self.tags[done:]
        self.starts[:], self.words[:], self.tags[:] = new_starts, words, tags
        self._by_start = self._positions = self._classes = self._class_starts = None
        self.version += 1
        self.tables = {}

    def unit_ends(self, cls: str, char: int) -> list[int]:
        """Character ends of the entries of lexicon class `cls` starting at `char`."""
        return self.units.get(cls, {}).get(char, [])


@dataclass(eq=False)
class Mark:
    """A span that names no entity: a quantity, a period. `value` holds what it reads as."""

    type: str
    sentence: int
    start: int                  # character offsets in the sentence
    end: int
    value: object = None
    attrs: dict = field(default_factory=dict)   # what patterns test with ENT … ATTRS
    rule: str = ""


@dataclass(eq=False)
class Doc:
    """An article and everything the components have found in it."""

    article: Article
    sents: dict[int, Sent]
    trace: list[tuple[str, int, int, int]] = field(default_factory=list)  # rule, sentence, span
    extraction: ArticleExtraction | None = None   # entities, relations, statistics, once resolved

    def __post_init__(self) -> None:
        self._spans: list[Mention] = []
        self._marks: list[Mark] = []
        self._version = 0              # bumped on every change: the sentence index follows it
        self._index: tuple[tuple[int, int, int], dict[int, tuple[list, list]]] | None = None

    @property
    def spans(self) -> list[Mention]:
        return self._spans

    @spans.setter
    def spans(self, spans: list[Mention]) -> None:
        self._spans, self._version = spans, self._version + 1

    @property
    def marks(self) -> list[Mark]:
        return self._marks

    @marks.setter
    def marks(self, marks: list[Mark]) -> None:
        self._marks, self._version = marks, self._version + 1

    def sent(self, index: int) -> Sent:
        return self.sents[index]

    def body(self) -> Iterator[Sent]:
        """The headline and the body sentences, in order (not the dateline)."""
        return (s for i, s in self.sents.items() if i != DATELINE)

    def in_sentence(self, sentence: int) -> tuple[list[Mention], list[Mark]]:
        """The spans and the marks of one sentence (indexed once for each state of the doc)."""
        return self._indexed(sentence)

    def spans_in(self, sentence: int) -> list[Mention]:
        """The spans of one sentence (indexed once for each state of the doc)."""
        return self._indexed(sentence)[0]

    def marks_in(self, sentence: int, kind: str | None = None) -> list[Mark]:
        """The marks of one sentence (of one kind)."""
        marks = self._indexed(sentence)[1]
        return marks if kind is None else [m for m in marks if m.type == kind]

    def _indexed(self, sentence: int) -> tuple[list[Mention], list[Mark]]:
        # a list changed in place (extend, append) changes its length: that counts too
        state = (self._version, len(self._spans), len(self._marks))
        if self._index is None or self._index[0] != state:
            index: dict[int, tuple[list, list]] = {}
            for span in self._spans:
                index.setdefault(span.sentence, ([], []))[0].append(span)
            for mark in self._marks:
                index.setdefault(mark.sentence, ([], []))[1].append(mark)
            self._index = (state, index)
        return self._index[1].get(sentence, ([], []))

    def mark(self, mark: Mark) -> Mark:
        """Record a mark; its edges become token boundaries."""
        sent = self.sents[mark.sentence]
        sent.split_at(mark.start)
        sent.split_at(mark.end)
        self._record(mark, self._marks, 1)
        return mark

    def _record(self, item: Mention | Mark, kept: list, part: int) -> None:
        """Append a span (part 0) or a mark (part 1). An index that was up to date takes it
        into its sentence's lists (copied: a caller may hold the old ones) instead of being
        made again over the whole doc: a component adding figure after figure and asking
        for the sentence's marks each time paid for every mark of the article."""
        before = (self._version, len(self._spans), len(self._marks))
        kept.append(item)
        self._version += 1
        if self._index is not None and self._index[0] == before:
            index = self._index[1]
            lists = list(index.get(item.sentence, ([], [])))
            lists[part] = [*lists[part], item]
            index[item.sentence] = (lists[0], lists[1])
            self._index = ((self._version, len(self._spans), len(self._marks)), index)

    def align(self) -> None:
        """Make the edges of every span token boundaries (after spans were set wholesale)."""
        for span in self.spans:
            sent = self.sents.get(span.sentence)
            if sent is not None:
                sent.split_at(span.start)
                sent.split_at(span.end)

    def add(self, span: Mention) -> Mention:
        """Record a span; its edges become token boundaries."""
        sent = self.sents[span.sentence]
        sent.split_at(span.start)
        sent.split_at(span.end)
        self._record(span, self._spans, 0)
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
    words, tags = words_and_tags(text)
    starts = list(accumulate(map(len, words[:-1]), initial=0)) if words else []
    starts.append(len(text))
    sent = Sent(index, text, starts, tags, words, cut=tuple(starts))
    cuts: list[int] = []
    units = sent.units
    for start, end, classes, split in lex.entries_in(text):
        if split:
            cuts += (start, end)
        for cls in classes:
            by_start = units.get(cls)
            if by_start is None:
                units[cls] = {start: [end]}
            elif start in by_start:
                by_start[start].append(end)
            else:
                by_start[start] = [end]
    sent.split_all(cuts)
    return sent
