"""Recognisers: each finds one kind of mention; one shared step resolves overlaps.

Each is a pipeline component (kg/config.toml orders them: places first, since agencies
and people lean on them) that adds its mentions to the doc's spans.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.components import component
from kg.doc import Doc
from kg.model import Article, EntityType, Mention


@dataclass
class ArticleContext:
    """What the recognisers have found so far in one article."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)

    def of_type(self, kind: EntityType, sentence: int | None = None) -> list[Mention]:
        return [m for m in self.mentions
                if m.type is kind and (sentence is None or m.sentence == sentence)]


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping name mentions; places nest inside names and stay.

    Like spaCy's filter_spans: longer spans win, then earlier ones. A place
    inside an agency or programme name (the 青羊区 of 青羊区分局) is still a
    mention of that place, so places only compete with places and people.
    """
    kept: list[Mention] = []
    occupied: dict[tuple[int, str], list[tuple[int, int]]] = {}
    people: dict[int, list[tuple[int, int]]] = {}
    for m in sorted(mentions, key=lambda m: (-m.length, m.sentence, m.start)):
        layer = "place" if m.type is EntityType.PLACE else "name"
        spans = occupied.setdefault((m.sentence, layer), [])
        if any(m.start < e and s < m.end for s, e in spans):
            continue
        if m.type is EntityType.PLACE and any(
                s <= m.start and m.end <= e for s, e in people.get(m.sentence, ())):
            continue
        spans.append((m.start, m.end))
        if m.type is EntityType.PERSON:
            people.setdefault(m.sentence, []).append((m.start, m.end))
        kept.append(m)
    return sorted(kept, key=lambda m: (m.sentence, m.start, -m.length))


class Recogniser:
    """A recogniser as a pipeline component: its mentions join the doc's, overlaps resolved.
    (The recognisers not yet on rules and tokens; each registers itself as a component.)"""

    def __init__(self, make):
        self.make = make
        self.instance = None

    def __call__(self, doc: Doc) -> None:
        if self.instance is None:
            self.instance = self.make()
        context = ArticleContext(doc.article, doc.spans)
        doc.spans = resolve_overlaps(doc.spans + self.instance.recognise(doc.article, context))


@component("repeats")
def repeats(doc: Doc) -> None:
    """People named once with a title are the same names wherever else they are written.
    (Programmes find their own names again: kg/recognise/programmes.py.)"""
    context = ArticleContext(doc.article, doc.spans)
    doc.spans = resolve_overlaps(doc.spans + repeated_names(doc.article, context))


def repeated_names(article: Article, context: ArticleContext) -> list[Mention]:
    """A person named once with a title is the same name wherever else it appears.

    Adding those mentions lets the overlap step drop place short forms that are
    really the start of the name (the 凌海 of a person called 凌海红).
    """
    people = {m.name: m for m in context.mentions
              if m.type is EntityType.PERSON and len(m.name) >= 2 and not m.attrs.get("anonymous")}
    if not people:
        return []
    seen = {(m.sentence, m.start) for m in context.mentions if m.type is EntityType.PERSON}
    pattern = re.compile("|".join(map(re.escape, sorted(people, key=len, reverse=True))))
    out = []
    for index, text in article.texts():
        for match in pattern.finditer(text):
            if (index, match.start()) not in seen:
                m = people[match.group()]
                out.append(Mention(EntityType.PERSON, match.group(), match.start(), match.end(),
                                   index, name=m.name, key=m.key))
    return out


