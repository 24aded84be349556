"""Local resolution: the article's mentions -> its entities, each mention with its entity's key.

Places merge on their division, agencies on their chain of units (kg/resolve/agencies.py),
programmes and documents on their bare names, people on their name within a province;
a bare unit hangs from the body named before it. A mayor's title after a place (徐州市副市长)
names the place's 人民政府 (the `government` rule of kg/rules/resolve.yaml).
"""
from __future__ import annotations

from dataclasses import replace

from kg.components import component
from kg.doc import Doc
from kg.gazetteer import gazetteer
from kg.keys import AgencyKey, NameKey
from kg.model import ArticleExtraction, EntityType, Mention, TITLE_SENTENCE
from kg.resolve.agencies import AgencyResolver
from kg.resolve.entities import Entities, place_lineage
from kg.resolve.focus import Focus, PlaceKeys, focus_of, home_mention
from kg.rules.ruleset import rules


@component("resolve")
def resolve(doc: Doc) -> None:
    """Every mention of the doc keyed to its entity; the entities in `doc.extraction`."""
    home = home_mention(doc)
    keys = PlaceKeys(doc.spans + ([home] if home else []))
    focus = focus_of(doc.spans, keys, home)
    article_entities = _ArticleEntities(doc, keys, focus)
    resolved: list[Mention] = []
    if home is not None:           # a place the article implies: an entity, named nowhere
        article_entities.implied(home)
    # Bare units (苏坡派出所, 治安支队) last: by then the chains that name them are known.
    for m in sorted(doc.spans, key=lambda m: bool(m.attrs.get("needs_parent"))):
        resolved.extend(article_entities.resolve(m))
    entities = article_entities.entities
    for old, new in article_entities.agencies.same_stations().items():
        article_entities.agencies.merge(old, new)
        resolved = [replace(m, key=new) if m.key == old else m for m in resolved]
    reporters = [NameKey(EntityType.PERSON, name) for name in doc.article.reporters]
    for key in reporters:
        entities.add(key, key.name, TITLE_SENTENCE, reporter=True)
    resolved.extend(_governments(doc, entities, keys))
    doc.extraction = ArticleExtraction(
        doc.article, list(entities.by_key.values()), reporters=reporters,
        agency_parent=entities.agency_parent, agency_place=entities.agency_place,
        focus_places=[p.key for p in focus.places])
    doc.spans = sorted(resolved, key=lambda m: (m.sentence, m.start))
    doc.align()


class _ArticleEntities:
    """The article's entities as its mentions are resolved, one handler per type."""

    def __init__(self, doc: Doc, keys: PlaceKeys, focus: Focus):
        self.doc, self.keys, self.focus = doc, keys, focus
        self.entities = Entities()
        self.agencies = AgencyResolver(self.entities, doc.spans, focus, keys)

    def resolve(self, m: Mention) -> list[Mention]:
        if m.type is EntityType.AGENCY:
            return self.agencies.resolve(m)
        return getattr(self, f"_{m.type.name.lower()}")(m)

    def implied(self, m: Mention) -> None:
        key = self.keys(m)
        self.entities.add(key, m.name, m.sentence, level=m.attrs["level"], adcode=m.attrs["adcode"],
                          division=key.division)

    def _place(self, m: Mention) -> list[Mention]:
        key = self.keys(m)
        # a place the gazetteer lacks lies in the divisions of the one it is written under
        division = next((k.division for k in (key, *place_lineage(key)) if k.division), "")
        self.entities.add(key, m.name, m.sentence, m.surface, level=m.attrs["level"],
                          adcode=m.attrs["adcode"], division=division)
        return [replace(m, key=key)]

    def _document(self, m: Mention) -> list[Mention]:
        key = NameKey(EntityType.DOCUMENT, m.key)
        ent = self.entities.add(key, m.name, m.sentence)
        if len(m.name) > len(ent.name):          # the fullest title is the label
            ent.aliases.add(ent.name)
            ent.name = m.name
        ent.aliases.discard(ent.name)
        return [replace(m, key=key)]

    def _programme(self, m: Mention) -> list[Mention]:
        key = NameKey(EntityType.PROGRAMME, m.key)
        ent = self.entities.add(key, m.name, m.sentence)
        # 一村(居)一警 is the label; 一村一警 (the key), and the forms with a cue, are aliases
        ent.aliases.update(m.attrs.get("aliases", []), {m.name, m.key})
        if len(m.name) > len(ent.name) and ("(" in m.name or "（" in m.name):
            ent.name = m.name
        ent.aliases.discard(ent.name)
        return [replace(m, key=key)]

    def _person(self, m: Mention) -> list[Mention]:
        reporter = m.name in self.doc.article.reporters
        key = self._person_key(m.name, reporter)
        self.entities.add(key, m.name, m.sentence, anonymous=bool(m.attrs.get("anonymous")),
                          reporter=reporter)
        return [replace(m, key=key)]

    def _person_key(self, name: str, reporter: bool) -> NameKey:
        """Who a name is: a byline is the paper's own staff, one person wherever it appears;
        anyone else is one person per province (two 王鹏 in 成都 and 沈阳 are two people)."""
        place = self.focus.place()
        if reporter or place is None or not place.key.division:
            return NameKey(EntityType.PERSON, name)
        province = gazetteer().province_of(place.key.division).adcode
        return NameKey(EntityType.PERSON, name, province=province)


def _governments(doc: Doc, entities: Entities, keys: PlaceKeys) -> list[Mention]:
    """徐州市副市长: a mayor's post is in the place's 人民政府, named through the place."""
    ruleset, out = rules("resolve"), []
    for sent in doc.body():
        for match in ruleset.matches(ruleset.context(doc, sent), "government"):
            start, end = match.span("place")
            m = next(p for p in doc.spans_in(sent.index)
                     if p.type is EntityType.PLACE and (p.start, p.end) == (start, end))
            place = keys(m)
            key = AgencyKey("人民政府", place=place)
            ent = entities.add(key, f"{m.name}人民政府", m.sentence, f"{m.name}政府")
            entities.agency_place[key] = place
            out.append(Mention(EntityType.AGENCY, m.surface, m.start, m.end, m.sentence,
                               name=ent.name, key=key, attrs={"government": True},
                               rule=match.rule.id))
    return out
