"""China's administrative divisions, from jionlp's gazetteer (GB/T 2260 codes).

Provinces, cities and counties carry their adcode; towns and villages have
none in the data, so their id is the path below their county's code
(`130824/两间房乡/两间房村`), which is stable across runs as well.
"""
from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from functools import cache

LEVELS = ("province", "city", "county", "town", "village")

# Short forms that the gazetteer lists but that are generic words, not names.
_GENERIC_ALIAS = re.compile(r"^(?:新区|开发区|高新区|矿区|郊区|城区|市区|市辖区|林区|特区)$")
_TOWN_SUFFIX = re.compile(r"(?:街道|镇|乡|苏木)$")


@dataclass(frozen=True, slots=True)
class Division:
    id: str
    name: str                 # full official name: 承德市, 滦平县, 两间房村
    level: str                # one of LEVELS
    parent: str | None        # id of the parent division
    adcode: str = ""          # GB/T 2260, provinces to counties only
    alias: str = ""           # short form: 承德, 滦平

    @property
    def short(self) -> str:
        return self.alias or self.name


class Gazetteer:
    """Divisions indexed by full name and by short form."""

    def __init__(self, tree: dict):
        self.divisions: dict[str, Division] = {}
        self.by_name: dict[str, list[str]] = {}     # full names, every level
        self.by_alias: dict[str, list[str]] = {}    # short forms, province..county
        self._children: dict[str, list[str]] = {}
        self._load(tree)
        for index in (self.by_name, self.by_alias):
            for ids in index.values():
                ids.sort(key=self._rank)

    # ------------------------------------------------------------- loading
    def _load(self, tree: dict) -> None:
        for pname, pnode in tree.items():
            province = self._add_coded(pnode, "province", None)
            if province is None:
                continue
            for cname, cnode in _subdivisions(pnode):
                # Municipalities repeat themselves as their own city: one node.
                city = province if cnode.get("_admin_code") == province.adcode \
                    else self._add_coded(cnode, "city", province.id)
                if city is None:
                    continue
                for _, knode in _subdivisions(cnode):
                    # Cities without counties (东莞市) list themselves as their only county.
                    county = city if knode.get("_admin_code") == city.adcode \
                        else self._add_coded(knode, "county", city.id)
                    if county is None:
                        continue
                    for tname, tnode in _subdivisions(knode):
                        town = self._add(Division(f"{county.id}/{tname}", tname, "town", county.id))
                        for vname in (tnode or {}):
                            self._add(Division(f"{town.id}/{vname}", vname, "village", town.id))

    def _add_coded(self, node: dict, level: str, parent: str | None) -> Division | None:
        code = node.get("_admin_code")
        if not code:
            return None
        name = node["_full_name"]
        alias = node.get("_alias") or ""
        alias = alias[0] if isinstance(alias, list) else alias.split("/")[0]
        if len(alias) < 2 or alias == name or _GENERIC_ALIAS.match(alias):
            alias = ""
        division = Division(code, name, level, parent, code, alias)
        self._add(division)
        if alias:
            self.by_alias.setdefault(alias, []).append(division.id)
        return division

    def _add(self, division: Division) -> Division:
        self.divisions[division.id] = division
        self.by_name.setdefault(division.name, []).append(division.id)
        if division.parent:
            self._children.setdefault(division.parent, []).append(division.id)
        return division

    def _rank(self, division_id: str) -> tuple:
        division = self.divisions[division_id]
        return (LEVELS.index(division.level), division.id)

    # ------------------------------------------------------------- queries
    def get(self, division_id: str) -> Division:
        return self.divisions[division_id]

    def lookup(self, name: str) -> list[Division]:
        """Divisions whose full name or short form is `name`, higher levels first."""
        ids = self.by_name.get(name, []) + self.by_alias.get(name, [])
        return [self.divisions[i] for i in dict.fromkeys(ids)]

    def ancestors(self, division_id: str) -> list[Division]:
        """Parent, grandparent, … up to the province."""
        out = []
        parent = self.divisions[division_id].parent
        while parent:
            division = self.divisions[parent]
            out.append(division)
            parent = division.parent
        return out

    def is_within(self, inner: str, outer: str) -> bool:
        return any(a.id == outer for a in self.ancestors(inner))

    def province_of(self, division_id: str) -> Division:
        chain = [self.divisions[division_id], *self.ancestors(division_id)]
        return chain[-1]

    def town_short(self, division: Division) -> str:
        """苏坡 for 苏坡街道: towns are often written without their suffix."""
        return _TOWN_SUFFIX.sub("", division.name) if division.level == "town" else division.short


def _subdivisions(node: dict):
    return ((k, v) for k, v in node.items() if not k.startswith("_"))


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded once per process (about a second)."""
    with contextlib.redirect_stdout(io.StringIO()):   # jionlp prints a banner on import
        from jionlp.dictionary.dictionary_loader import china_location_loader
    return Gazetteer(china_location_loader(detail=True))
