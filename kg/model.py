"""The data model passed between pipeline stages.

Each stage takes plain data from here and returns plain data from here:

    read      -> SourceText          (decoded file, encoding, problems)
    clean     -> CleanText           (normalised text + map back to raw offsets)
    split     -> Article, Sentence   (headline, byline, body sentences)
    recognise -> Mention             (typed spans inside one sentence)
    resolve   -> LocalEntity, Entity (one node per real thing)
    relate    -> Relation, Statistic (edges and numbers, each with evidence)

No stage reaches into another's internals; they only share these classes.
"""
from __future__ import annotations

import bisect
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from kg.keys import AgencyKey, EntityKey, NameKey, PlaceKey
from kg.vocab import EntityType

TITLE_SENTENCE = -1   # Mention.sentence for mentions in the headline


@dataclass
class SourceText:
    """A file decoded to text, or the reason it could not be."""

    path: str                 # as given by the user
    name: str                 # file name, the article's gov:sourceFile
    text: str = ""            # decoded, traditional characters kept as printed
    encoding: str = ""
    problem: str | None = None  # one line for the user when the file is unusable
    pages: list[int] = field(default_factory=list)  # offset in `text` where each page starts
    headings: list[int] = field(default_factory=list)  # 1-based lines the file marks as headings
    info: "DocumentInfo | None" = None   # what the file says of itself (a web page's head)
    notes: list[str] = field(default_factory=list)  # one line each, about parts left out

    @property
    def ok(self) -> bool:
        return self.problem is None

    def page_of(self, offset: int) -> int:
        """The 1-based page holding text offset `offset`; 0 for a file without pages."""
        if not self.pages:
            return 0
        return bisect.bisect_right(self.pages, offset)


@dataclass
class DocumentInfo:
    """Where a file came from: what a sources.csv row gives, or what the file says of
    itself (a web page's headline, date, site and address). Empty fields are unknown."""

    title: str = ""
    date: datetime.date | None = None    # a full date
    year: int | None = None              # the year alone, when that is all that is known
    publisher: str = ""
    url: str = ""
    author: str = ""


@dataclass
class CleanText:
    """Normalised text and, for each of its characters, the offset in the raw text."""

    text: str
    offsets: list[int]        # len(offsets) == len(text); raw index of each char

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        if start >= end or not self.offsets:
            return (0, 0)
        return (self.offsets[start], self.offsets[end - 1] + 1)


@dataclass
class Sentence:
    text: str                  # clean, simplified characters
    index: int                 # position in the article
    paragraph: int = 0
    raw_start: int = 0         # offsets into SourceText.text
    raw_end: int = 0
    line: int = 0              # 1-based line of raw_start in the source file
    page: int = 0              # 1-based page of a paged file (PDF); 0 when it has none


@dataclass
class Article:
    source: str                # file name (gov:sourceFile)
    index: int                 # position of the article in its file
    title: str
    reporters: list[str] = field(default_factory=list)
    dateline: str = ""         # 北京, 石家庄 … from 本报X电
    date_text: str = ""        # the dateline's day as printed, e.g. 12月27日
    kicker: str = ""           # column line above the headline
    subtitle: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)  # 摄 credits, when not the byline
    date: datetime.date | None = None    # day of publication (see kg.origin)
    dateline_date: datetime.date | None = None  # date_text with its year, when that is known
    publisher: str = ""        # the paper or site
    url: str = ""              # where it was published

    @property
    def id(self) -> str:
        """`<file>#<index>`: a text file by its stem, any other by its whole name, so that
        page5.txt, page5.pdf and page5.html in one folder stay three sources."""
        stem, dot, suffix = self.source.rpartition(".")
        name = stem if dot and suffix.lower() == "txt" else self.source
        return f"{name}#{self.index}"

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.sentences)

    def texts(self) -> list[tuple[int, str]]:
        """(sentence index, text) pairs to search for mentions; the headline is TITLE_SENTENCE."""
        head = [(TITLE_SENTENCE, self.title)] if self.title else []
        return head + [(s.index, s.text) for s in self.sentences]

    def sentence_text(self, index: int) -> str:
        if index == TITLE_SENTENCE:
            return self.title
        return self.sentences[index].text if 0 <= index < len(self.sentences) else ""


@dataclass
class Mention:
    """A typed span inside one sentence, as one recogniser saw it.

    `key` is the recogniser's id for what it found (a division id, a bare name); resolution
    replaces it with the entity's typed key (kg/keys.py). `name` is the canonical name the
    recogniser proposes and `surface` the text as written.
    """

    type: EntityType
    surface: str
    start: int                 # offsets inside the sentence text
    end: int
    sentence: int              # Sentence.index
    name: str = ""
    key: str | EntityKey = ""
    attrs: dict = field(default_factory=dict)
    rule: str = ""             # the id of the rule (kg/rules/*.yaml) that found it
    # attrs keys used across stages:
    #   level, adcode, parent_key (places); place_key, parent_key (agencies);
    #   optional (bool) for forms the guidelines treat as optional;
    #   generic (bool) for forms like 市局/区委 that must be resolved in context.

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class LocalEntity:
    """One entity as one article knows it: its key, canonical name and every form seen."""

    type: EntityType
    key: EntityKey
    name: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict = field(default_factory=dict)
    sentences: list[int] = field(default_factory=list)


@dataclass
class Relation:
    subject: EntityKey | str   # entity key (LocalEntity.key), IRI after resolution
    predicate: str             # partOf, locatedIn, subOrganizationOf, implementedBy,
                               # implementedIn, issuedBy, holdsPost
    object: EntityKey | str
    sentence: int = -1         # Sentence.index of the evidence, -1 when structural
    role: str = ""             # holdsPost only
    article: str = ""          # Article.id that said it
    evidence: str = ""         # the clean sentence that said it


@dataclass
class Statistic:
    about: EntityKey | str     # entity key, IRI after resolution
    value: Decimal
    unit: str
    measure: str
    evidence: str              # the clean sentence
    sentence: int
    qualifier: str = ""        # 余, 多, 以上, 近 …
    direction: str = ""        # 下降, 上升, 提升至 …
    period: str = ""           # 2022年, 今年1—10月, 上半年 …
    surface: str = ""          # the number as printed
    article: str = ""          # Article.id that said it


@dataclass
class ArticleExtraction:
    """Everything extracted from one article, before cross-article resolution."""

    article: Article
    entities: list[LocalEntity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    reporters: list[NameKey] = field(default_factory=list)   # byline people
    agency_parent: dict[AgencyKey, AgencyKey] = field(default_factory=dict)
    agency_place: dict[AgencyKey, PlaceKey] = field(default_factory=dict)
    focus_places: list[PlaceKey] = field(default_factory=list)   # most in focus first


@dataclass
class Entity:
    """A resolved node of the graph."""

    iri: str
    type: EntityType
    label: str
    aliases: set[str] = field(default_factory=set)
    attrs: dict = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)      # Article.id values


@dataclass
class Corpus:
    """The resolved corpus: what the graph stage turns into RDF.

    Relation.subject/object and Statistic.about hold entity IRIs here.
    """

    articles: list[Article] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)    # iri -> Entity
    reporters: dict[str, list[str]] = field(default_factory=dict)  # article id -> person IRIs
    relations: list[Relation] = field(default_factory=list)
    statistics: list[Statistic] = field(default_factory=list)
    problems: list["Problem"] = field(default_factory=list)


@dataclass
class Problem:
    """Something the user should hear about: a skipped file, a suspicious line."""

    path: str
    message: str
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
