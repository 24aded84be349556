"""One article's entities, by key: what the resolution components fill and later ones read."""
from __future__ import annotations

from kg.gazetteer import gazetteer
from kg.keys import AgencyKey, EntityKey, PlaceKey
from kg.model import LocalEntity


class Entities:
    """The article's entities by key, and the agencies' parents and places."""

    def __init__(self) -> None:
        self.by_key: dict[EntityKey, LocalEntity] = {}
        self.agency_parent: dict[AgencyKey, AgencyKey] = {}
        self.agency_place: dict[AgencyKey, PlaceKey] = {}

    def add(self, key: EntityKey, name: str, sentence: int, alias: str = "",
            **attrs) -> LocalEntity:
        """The entity of `key` (made on first mention), with this mention's form and sentence."""
        ent = self.by_key.get(key)
        if ent is None:
            ent = self.by_key[key] = LocalEntity(key.type, key, name, attrs=dict(attrs))
        if alias and alias != ent.name:
            ent.aliases.add(alias)
        if sentence not in ent.sentences:
            ent.sentences.append(sentence)
        return ent

    def agencies(self) -> list[LocalEntity]:
        """The agencies in the order the article first names them."""
        return [e for e in self.by_key.values() if isinstance(e.key, AgencyKey)]


def place_lineage(key: PlaceKey) -> list[PlaceKey]:
    """The places above `key`, nearest first: the gazetteer's lineage of a division, and for
    a place it lacks, the place the text wrote it under and that one's lineage."""
    if key.division:
        return [PlaceKey(division=d.id) for d in gazetteer().ancestors(key.division)]
    return [key.parent, *place_lineage(key.parent)] if key.parent else []


def within(inner: PlaceKey, outer: PlaceKey) -> bool:
    return outer in place_lineage(inner)
