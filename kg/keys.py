"""Keys: what makes two mentions one entity, as values later stages read field by field.

    PlaceKey(division="510100")                              成都市 (a division of the gazetteer)
    PlaceKey(parent=PlaceKey("230183"), name="横道河子镇")     a town the gazetteer lacks
    PlaceKey(name="石湾镇")                                   a town it cannot place (it has four)
    AgencyKey("公安局", place=PlaceKey("510100"))             成都市公安局
    AgencyKey("派出所", name="苏坡", parent=AgencyKey("分局", place=PlaceKey("510105"),
              parent=AgencyKey("公安局", place=PlaceKey("510100"))))
    NameKey(EntityType.PERSON, "王巧全", province="320000")    one 王巧全 per province

`str(key)` is the key as the entity's IRI spells it (`510100:公安局`), the same text as before
keys were typed, so IRIs stay stable; no stage parses it back.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from kg.vocab import EntityType


@dataclass(frozen=True, slots=True)
class PlaceKey:
    division: str = ""                 # the gazetteer's id, when it lists the place
    parent: PlaceKey | None = None     # else: the place the text writes it under, and its name
    name: str = ""
    type: ClassVar[EntityType] = EntityType.PLACE

    def __str__(self) -> str:
        if self.division:
            return self.division
        return f"{self.parent}/{self.name}" if self.parent else f"unplaced/{self.name}"


@dataclass(frozen=True, slots=True)
class AgencyKey:
    kind: str                          # the body word, canonical: 公安局, 分局, 委, 人民政府 …
    place: PlaceKey | None = None      # the place whose body it is
    name: str = ""                     # its own name: 苏坡 of 苏坡派出所, 平安卫士关爱 of …基金会
    parent: AgencyKey | None = None    # the body it is a unit of
    type: ClassVar[EntityType] = EntityType.AGENCY

    def __str__(self) -> str:
        if self.parent is None:
            return f"{self.place}:{self.name}{self.kind}" if self.place else \
                f"{self.name}:{self.kind}"
        own = self.name if self.place is None else \
            f"{self.place}{'~' + self.name if self.name else ''}"
        return f"{self.parent}/{own}:{self.kind}"


@dataclass(frozen=True, slots=True)
class NameKey:
    """Programmes, documents and people: one entity per name (a person per province)."""

    type: EntityType
    name: str
    province: str = ""                 # a person's province code: two 王鹏 are two people

    def __str__(self) -> str:
        return f"{self.name}@{self.province}" if self.province else self.name


EntityKey = PlaceKey | AgencyKey | NameKey
