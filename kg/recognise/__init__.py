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
        doc.align()


@component("repeats")
def repeats(doc: Doc) -> None:
    """Programmes said once with their cue are the same wherever else they are written.
    (A person's name: the `repeated_names` component of kg/recognise/people.py.)"""
    context = ArticleContext(doc.article, doc.spans)
    doc.spans = resolve_overlaps(doc.spans + repeated_programmes(doc.article, context))
    doc.align()


def repeated_programmes(article: Article, context: ArticleContext) -> list[Mention]:
    """A programme named once with its cue (“共享法庭”建设) is named wherever it is quoted again
    (塘下镇“共享法庭”设立以来), or written out again when its name is long enough to be unambiguous."""
    programmes = {m.name: m for m in context.mentions if m.type is EntityType.PROGRAMME}
    if not programmes:
        return []
    forms = {}
    for name, m in programmes.items():
        forms[f"“{name}”"] = m
        if len(name) >= 4:
            forms[name] = m
    pattern = re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
    seen = {(m.sentence, m.start, m.end) for m in context.mentions if m.type is EntityType.PROGRAMME}
    covered = {(m.sentence, i) for m in context.mentions if m.type is EntityType.PROGRAMME
               for i in range(m.start, m.end)}
    out = []
    for index, text in article.texts():
        for match in pattern.finditer(text):
            if (index, match.start()) in covered or (index, match.start(), match.end()) in seen:
                continue
            m = forms[match.group()]
            out.append(Mention(EntityType.PROGRAMME, match.group(), match.start(), match.end(),
                               index, name=m.name, key=m.key))
    return out
