"""Agencies: a recognised chain of units -> one key per unit, its parent, its place.

    成都市公安局青羊区分局苏坡派出所   units: 成都市|公安局, 青羊区|分局, 苏坡|派出所
      -> AgencyKey(公安局, place=成都市), its unit AgencyKey(分局, place=青羊区, parent=…),
         and that one's AgencyKey(派出所, name=苏坡, parent=…)

A chain with no place in front takes one from the article: `市局`, `县公安局户籍中队` and
`区委` carry the level they imply (`generic`), a bare sub-unit (`治安支队`) hangs from the
latest body of a kind above it (`needs_parent`), a bare unit the article named in full
before (`苏坡派出所`) is that unit.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.gazetteer import gazetteer, town_short_name
from kg.keys import AgencyKey, PlaceKey
from kg.lexicons import words
from kg.model import EntityType, LocalEntity, Mention
from kg.resolve.entities import Entities, within
from kg.resolve.focus import CHAR_SUFFIX, LEVEL_SUFFIX, Focus, Place, PlaceKeys, named_before

# Organs of a Party committee: X市政法委 and X市委政法委 are one body.
_PARTY_ORGANS = {"政法委员会", "平安办", "组织部", "宣传部", "统战部", "社会工作部"}
# Bodies no town has: bureaus, courts and procuratorates (a kind ends in one of these).
_ABOVE_TOWNS = ("局", "厅", "人民法院", "人民检察院")
# Which bodies a bare sub-unit hangs from, nearest first.
_PARENT_KINDS = {"派出所": ("分局", "公安局"), "中队": ("大队", "支队", "分局", "公安局"),
                 "大队": ("支队", "分局", "公安局"), "支队": ("总队", "公安局", "公安厅"),
                 "总队": ("公安厅", "公安局"), "分局": ("公安局",), "科": ("处", "中心", "公安局"),
                 "处": ("公安局", "公安厅"), "指挥中心": ("公安局",), "情报中心": ("公安局",),
                 "车辆管理所": ("支队", "公安局"), "人民法庭": ("人民法院",),
                 **dict.fromkeys(("立案庭", "刑事审判庭", "民事审判庭", "行政审判庭", "少年审判庭",
                                  "执行局"), ("人民法院",))}
# Units of a county's body that serve a town (kg/lexicons/station_parents.txt): 镇派出所 is
# the county bureau's station named by the town's short name, no body of the town's own.
_STATIONS = frozenset(entry.split("/")[0] for entry in words("station_parents"))
_TOWN_GOVERNING = frozenset({"党委", "党工委", "人民政府"})
_POLICE_WORDS = ("公安", "警方", "公安机关")
# The general offices of a government or committee: the body is named through them.
_OFFICES = ("办公室", "办公厅")


@dataclass
class _Chain:
    """Where a chain's walk stands: the unit above the next one, and the place it serves."""

    parent: AgencyKey | None = None
    parent_label: str = ""
    place: PlaceKey | None = None


class AgencyResolver:
    """Keys for the agency mentions of one article."""

    def __init__(self, entities: Entities, mentions: list[Mention], focus: Focus,
                 keys: PlaceKeys):
        self.entities, self.mentions, self.focus, self.keys = entities, mentions, focus, keys
        self.unit_alias: dict[str, AgencyKey] = {}     # 苏坡派出所 -> its chain's key

    def resolve(self, m: Mention) -> list[Mention]:
        if m.attrs.get("pronoun"):
            return []                      # resolved with the other coreferences
        units = list(m.attrs["units"])
        top = units[0]
        place = self._unit_place(top, m)
        if place is not None and top["suffix"] in _POLICE_WORDS and place.level == "county" \
                and place.name.endswith("区"):
            top = units[0] = dict(top, kind="分局")    # 青秀公安: a city district's police is a 分局
        if place is not None and top["kind"] == "人民法院" and place.level == "province":
            top = units[0] = dict(top, kind="高级人民法院")    # 省法院: a province's court
        known = self._known(m, top)
        if known is not None:
            return [known]
        walk = self._start(m, top, place)
        last = None
        for i, unit in enumerate(units):
            own = self._unit_place(unit, m) if i else place
            key = self._unit(m, units, i, unit, own, walk)
            if key is False:
                return []
            if key is not None:
                last = key
        if last is None:
            return []
        self._alias_of_chain(m, units, last)
        # (镇综治中心: a town's body named by the level word alone, in a report on the town)
        attrs = {"level_form": "town"} if _town_body(units[0]) else {}
        return [Mention(EntityType.AGENCY, m.surface, m.start, m.end, m.sentence,
                        name=self.entities.by_key[last].name, key=last, rule=m.rule, attrs=attrs)]

    def _known(self, m: Mention, top: dict) -> Mention | None:
        """A bare unit the article named in full before (苏坡派出所 of …青羊区分局苏坡派出所)."""
        if len(m.attrs["units"]) != 1 or top["place_key"] or top["generic"] or not top["suffix"]:
            return None        # (a body of the centre, 中央社会工作部, is named whole: no unit)
        known = self._known_unit(top["surface"])
        if known is None:
            return None
        ent = self.entities.add(known, "", m.sentence, top["surface"])
        return Mention(EntityType.AGENCY, m.surface, m.start, m.end, m.sentence, name=ent.name,
                       key=known, rule=m.rule)

    def _start(self, m: Mention, top: dict, place: Place | None) -> _Chain:
        """What the chain's first unit hangs from: the body above a bare sub-unit, the city's
        bureau above a district's 分局."""
        walk = _Chain()
        if m.attrs.get("needs_parent"):
            parent = self._nearest_parent(top["kind"], m.sentence)
            if parent is not None:
                walk = _Chain(parent.key, parent.name, self.entities.agency_place.get(parent.key))
        if place is not None:
            walk.place = place.key
            if walk.parent is None and top["kind"] == "分局":
                walk.parent, walk.parent_label = self._city_bureau(place)
        elif walk.parent is None and top["kind"] == "分局" and not top["generic"]:
            town = self._town_named(top["name"])        # 古镇公安分局 of 中山市's 古镇镇
            if town is not None:
                walk.parent, walk.parent_label = self._city_bureau(Place(town, self.keys(town)))
        return walk

    def _unit(self, m: Mention, units: list[dict], i: int, unit: dict, own: Place | None,
              walk: _Chain) -> AgencyKey | None | bool:
        """The key of one unit (None: it only names its parent; False: the chain names
        nothing), its entity registered and the walk moved on to it."""
        if own is not None and (i or walk.parent is None):
            walk.place = own.key
        # (县政法委 in an article on 大悟县 too: its name is the level word, not a name)
        organ = i == 0 and walk.parent is None and own is not None \
            and (not unit["name"] or bool(unit["generic"])) and unit["kind"] in _PARTY_ORGANS
        if organ:       # 宁波市政法委 is the 宁波市委's 政法委: one key with 宁波市委政法委
            walk.parent, walk.parent_label = AgencyKey("委", place=own.key), f"{own.name}委"
        if unit["generic"] and own is None:
            return False           # 区派出所 with no district in focus names nothing
        if i == 0 and walk.parent is None and own is None and not unit["name"]:
            return False
        key, label = self._key_and_label(unit, i, own, organ, walk)
        if unit["kind"] == "委":
            key = AgencyKey("委", place=walk.place)
            label = unit.get("prefix", "") + (own.name if own else "") + "委"
            if i + 1 < len(units):        # 市委政法委: the committee is named through it
                walk.parent, walk.parent_label = key, label
                return None
        if unit["kind"] == "人民政府" and i + 1 < len(units) and units[i + 1]["kind"] in _OFFICES:
            walk.parent, walk.parent_label = key, label   # 市政府办公厅: so is the government
            return None
        above = walk.parent_label
        key = self._register(m, unit, i, key, label, walk)
        if unit["generic"] and own is not None and unit["kind"] == "分局" and above:
            self._branch_aliases(key, unit, own, above)
        return key

    def _branch_aliases(self, key: AgencyKey, unit: dict, own: Place, bureau: str) -> None:
        """区公安分局 in a report on 普陀区: the forms a district's branch goes by besides its
        label, the district's 公安分局 and the city bureau's branch named by the district's
        short name (上海市公安局普陀分局, as the bureaus name them)."""
        ent = self.entities.by_key[key]
        gaz = gazetteer()
        division = gaz.get(own.key.division) if own.key.division in gaz.divisions else None
        forms = {own.name + unit["suffix"]} if unit["suffix"] != unit["kind"] else set()
        short = gaz.town_short(division) if division is not None else ""
        if short and short != division.name:
            forms.add(f"{bureau}{short}分局")
        ent.aliases.update(forms - {ent.name})

    def _key_and_label(self, unit: dict, i: int, own: Place | None, organ: bool,
                       walk: _Chain) -> tuple[AgencyKey, str]:
        kind, prefix = unit["kind"], unit.get("prefix", "")
        if i == 0 and walk.parent is None:
            if own is not None and unit["place_key"] and unit["name"]:
                label = _strip_province(self.mentions, self.keys, unit["surface"]) if prefix else \
                    prefix + own.name + unit["name"] + unit["suffix"]
                return AgencyKey(kind, place=own.key, name=unit["name"]), label
            label = prefix + (own.name if own is not None else "") + \
                (unit["name"] if own is None or unit["place_key"] else "") + kind
            if own is not None:
                return AgencyKey(kind, place=own.key), label
            return AgencyKey(kind, name=unit["name"]), label
        label = walk.parent_label + (unit["suffix"] if organ else unit["surface"])
        if i == 0 and unit["kind"] == "分局" and unit["suffix"] != "分局" \
                and unit["surface"].endswith(unit["suffix"]):
            # 丰泽公安分局 under the city bureau it implies: 泉州市公安局丰泽分局
            label = walk.parent_label + unit["surface"][:-len(unit["suffix"])] + "分局"
        if organ:
            return AgencyKey(kind, parent=walk.parent), label
        if unit["generic"] and own is not None:    # 公安分局 in focus: 吴中区分局
            return AgencyKey(kind, place=own.key, parent=walk.parent), \
                walk.parent_label + own.name + kind
        if unit["place_key"]:
            return AgencyKey(kind, place=self.keys.of(unit["place_key"]), parent=walk.parent), label
        return AgencyKey(kind, name=unit["name"], parent=walk.parent), label

    def _register(self, m: Mention, unit: dict, i: int, key: AgencyKey, label: str,
                  walk: _Chain) -> AgencyKey:
        surface = _strip_province(self.mentions, self.keys, unit["surface"]) if i == 0 else unit["surface"]
        named = bool(unit["name"] or unit["place_key"]) and not unit["generic"]
        ent = self.entities.add(key, label, m.sentence, surface if named else "")
        if unit["surface"] and not unit["generic"]:
            self.unit_alias.setdefault(unit["surface"], key)
        if walk.parent is not None:
            self.entities.agency_parent[key] = walk.parent
        town = self._town_named(unit["name"]) if not unit["place_key"] else None
        if town is not None:
            walk.place = self.keys(town)               # 大瑶派出所 serves 大瑶镇
        elif walk.place is None and not unit["place_key"] and not unit["generic"]:
            walk.place = self._county_with_town(unit["name"])
        if walk.place is not None:
            self.entities.agency_place[key] = walk.place
        walk.parent, walk.parent_label = key, ent.name
        return key

    def _alias_of_chain(self, m: Mention, units: list[dict], last: AgencyKey) -> None:
        """The chain as written is a form of its last unit: 青羊区分局苏坡派出所."""
        if len(units) > 1 and not units[0]["generic"]:
            full = self.entities.by_key[last]
            surface = _strip_province(self.mentions, self.keys, m.surface)
            if surface != full.name:
                full.aliases.add(surface)

    def same_stations(self) -> dict[AgencyKey, AgencyKey]:
        """印台区人民法院陈炉法庭 and 铜川市印台区陈炉镇人民法庭 in one report: a station named
        through its county's body by the town's short name and a station named by the town
        itself, of one kind (a unit of the same body, kg/lexicons/station_parents.txt), are
        one station: each key named through the body -> the key named by the town."""
        by_town: dict[tuple[PlaceKey, frozenset], AgencyKey] = {}
        for key in self.entities.by_key:
            if isinstance(key, AgencyKey) and key.place is not None and not key.name \
                    and key.parent is None and key.kind in _STATIONS:
                by_town.setdefault((key.place, _station_family(key.kind)), key)
        out = {}
        for key in self.entities.by_key:
            town = self.entities.agency_place.get(key) if isinstance(key, AgencyKey) else None
            if town is None or not key.name or key.kind not in _STATIONS:
                continue
            named = self.entities.by_key.get(town)
            same = by_town.get((town, _station_family(key.kind)))
            if same is not None and named is not None \
                    and key.name in (named.name, town_short_name(named.name)):
                out[key] = same
        return out

    def merge(self, old: AgencyKey, new: AgencyKey) -> None:
        """Fold the entity of `old` into that of `new` (its forms become aliases)."""
        gone, kept = self.entities.by_key.pop(old), self.entities.by_key[new]
        kept.aliases |= (gone.aliases | {gone.name}) - {kept.name}
        kept.sentences = sorted(set(kept.sentences) | set(gone.sentences))
        if new not in self.entities.agency_parent and old in self.entities.agency_parent:
            self.entities.agency_parent[new] = self.entities.agency_parent[old]
        self.entities.agency_parent.pop(old, None)
        self.entities.agency_place.pop(old, None)
        for child, parent in list(self.entities.agency_parent.items()):
            if parent == old:
                self.entities.agency_parent[child] = new

    # ------------------------------------------------------------- what a unit hangs on
    def _unit_place(self, unit: dict, m: Mention) -> Place | None:
        if unit["place_key"]:
            found = next((p for p in self.mentions if p.type is EntityType.PLACE
                          and p.key == unit["place_key"]), None)
            return Place(found, self.keys(found)) if found is not None else None
        if unit["generic"] == "focus":
            return self._titled_before(m) or self._focus_for(unit["kind"])
        if unit["generic"] and unit["suffix"] in ("公安分局", "分局"):
            # a 分局 serves a city district, or a town of a city that has no counties (东莞)
            return self.focus.place(char="区") or self._town_of_a_city()
        if unit["generic"]:
            before = named_before(self.mentions, self.keys, m.sentence, m.start, unit["generic"],
                                  unit["name"])
            if _town_body(unit):               # (镇派出所: a station, named as its county names it)
                return before or (None if unit["kind"] in _STATIONS else self._one_town(unit["name"]))
            return before or self.focus.place(unit["generic"], unit["name"]) \
                or self._above_all(unit["generic"], unit["name"], m)
        return None

    def _one_town(self, char: str) -> Place | None:
        """镇综治中心 in a report on a town that names no other town: that town's. An article
        on a county names many towns or its county most (县乡两级综治中心), and there the form
        is the kind."""
        towns = {self.keys(p): p for p in self.mentions if p.type is EntityType.PLACE
                 and p.attrs.get("level") == "town" and not p.attrs.get("coreference")}
        focus = self.focus.place()
        if len(towns) != 1 or focus is None or focus.key not in towns:
            return None
        return focus if focus.name.endswith(CHAR_SUFFIX.get(char, (char,))) else None

    def _focus_for(self, kind: str) -> Place | None:
        """The place in focus a body named by no place is of: a Party committee's organ
        (政法委书记), a bureau, a court or a procuratorate (公安局局长) is a county's or
        higher, never a town's (towns have no 政法委, no 公安局: a 派出所 serves them)."""
        place = self.focus.place()
        above_towns = kind in _PARTY_ORGANS or kind.endswith(_ABOVE_TOWNS)
        if above_towns and place is not None and place.level in ("town", "village"):
            return next((p for p in self.focus.places if p.level not in ("town", "village")), None)
        return place

    def _titled_before(self, m: Mention) -> Place | None:
        """德阳市委常委、政法委书记廖凯 in a report on a town: a body named by its head's title
        alone is that of the county or higher place the sentence named last before it."""
        before = [p for p in self.mentions if p.type is EntityType.PLACE and p.sentence == m.sentence
                  and p.end <= m.start and p.attrs.get("level") in ("province", "city", "county")]
        last = max(before, key=lambda p: p.end, default=None)
        return Place(last, self.keys(last)) if last is not None else None

    def _above_all(self, level: str, char: str, m: Mention) -> Place | None:
        """省公安厅 in a report that names no province but places that all lie in one
        (漳州市, 芗城区): that province; the same for a city above districts and towns. The
        place is implied, not named: it keys the body and is no place of the article."""
        if level not in ("province", "city"):
            return None
        gaz, above = gazetteer(), []
        for p in self.mentions:
            key = self.keys(p) if p.type is EntityType.PLACE else None
            if key is not None and key.division:
                lineage = [key.division] + [a.id for a in gaz.ancestors(key.division)]
                above.append(next((d for d in lineage if gaz.get(d).level == level), None))
        if len(above) < 2 or len(set(above)) != 1 or None in above:
            return None          # one place (a misread word?) or places that do not agree
        d = gaz.get(above[0])
        if not d.name.endswith(CHAR_SUFFIX.get(char) or LEVEL_SUFFIX[level]):
            return None                       # 省公安厅 is no municipality's
        implied = Mention(EntityType.PLACE, m.surface, m.start, m.end, m.sentence, name=d.name,
                          key=d.id, attrs={"level": d.level, "adcode": d.adcode,
                                           "parent_key": d.parent or "", "implied": True})
        return Place(implied, PlaceKey(division=d.id))

    def _town_named(self, name: str) -> Mention | None:
        """The town or village of the article a unit is named after: 大瑶 -> 大瑶镇,
        苏坡 -> 苏坡街道, 屏边 -> 屏边彝族乡, 清平村 (村委会) -> 清平村."""
        if len(name) < 2:
            return None
        for m in self.mentions:
            level = m.attrs.get("level") if m.type is EntityType.PLACE else None
            if level == "town" and name in (m.name, town_short_name(m.name)) \
                    or level == "village" and name == m.name:
                return m
        return None

    def _town_of_a_city(self) -> Place | None:
        """The town in focus when its city has no counties: its police is the city's 分局."""
        town = self.focus.place("town")
        if town is None or not town.key.division or town.key.division not in gazetteer().divisions:
            return None
        parent = gazetteer().get(town.key.division).parent
        return town if parent and gazetteer().get(parent).level == "city" else None

    def _county_with_town(self, name: str) -> PlaceKey | None:
        """中山路司法所 in a report on 市南区: a station named after a town of the county in
        focus that the article does not name serves that county."""
        county = self.focus.place("county")
        if len(name) < 2 or county is None or not county.key.division:
            return None
        towns = gazetteer().divisions
        found = any(f"{county.key.division}/{name}{suffix}" in towns for suffix in ("街道", "镇", "乡"))
        return county.key if found else None

    def _city_bureau(self, place: Place) -> tuple[AgencyKey | None, str]:
        """A district's 公安分局 belongs to its city's 公安局 (台儿庄公安分局 -> 枣庄市公安局),
        and so does the 分局 of a town of a city that has no counties."""
        gaz = gazetteer()
        if not place.key.division or place.level not in ("county", "town"):
            return None, ""
        city = gaz.get(place.key.division).parent
        # a municipality's districts are its own (上海市公安局普陀分局): a province-level city
        if not city or not (gaz.get(city).level == "city" or gaz.get(city).level == "province"
                            and gaz.get(city).name.endswith("市")):
            return None, ""
        return AgencyKey("公安局", place=PlaceKey(division=city)), f"{gaz.get(city).name}公安局"

    def _known_unit(self, surface: str) -> AgencyKey | None:
        """The chain a bare unit names: 王家庄镇派出所 is the 小王家庄镇派出所 of 高阳县公安局."""
        if surface in self.unit_alias:
            return self.unit_alias[surface]
        matches = {key for alias, key in self.unit_alias.items()
                   if len(surface) >= 4 and len(alias) >= 4
                   and (alias.endswith(surface) or surface.endswith(alias)
                        or _abbreviates(surface, alias) or _abbreviates(alias, surface))}
        return matches.pop() if len(matches) == 1 else None

    def _nearest_parent(self, kind: str, sentence: int) -> LocalEntity | None:
        """The latest body of a parent kind named before the unit (else anywhere in the article)."""
        for wanted in _PARENT_KINDS.get(kind, ()):
            candidates = [e for e in self.entities.agencies() if _plain_kind(e.key) == wanted]
            before = [e for e in candidates if min(e.sentences) <= sentence]
            if before or candidates:
                return max(before, key=lambda e: min(e.sentences)) if before else candidates[0]
        return None


def _station_family(kind: str) -> frozenset[str]:
    """The bodies a station of that kind is a unit of (法庭 and 人民法庭: 人民法院)."""
    return frozenset(entry.split("/")[1] for entry in words("station_parents")
                     if entry.split("/")[0] == kind)


def _town_body(unit: dict) -> bool:
    """镇综治中心, 镇司法所: a body other than the town's own Party committee or government
    (镇党委, 镇政府: the town in focus) named by the town's level word alone."""
    return unit["generic"] == "town" and unit["kind"] not in _TOWN_GOVERNING


def _plain_kind(key: AgencyKey) -> str:
    """The kind of body a key is, when the kind alone names it (公安局, …/分局; not the
    平安卫士关爱基金会 of a place, whose name is its own)."""
    return key.kind if key.parent is not None or not key.name else ""


def _strip_province(mentions: list[Mention], keys: PlaceKeys, surface: str) -> str:
    """Agency names are given without their province: 四川省成都市公安局 -> 成都市公安局."""
    places = [m for m in mentions if m.type is EntityType.PLACE]
    for m in places:
        if m.attrs.get("level") == "province" and surface.startswith(m.surface) \
                and len(surface) > len(m.surface):
            rest = surface[len(m.surface):]
            if any(rest.startswith(p.surface) for p in places
                   if p.key != m.key and within(keys(p), keys(m))):
                return rest
    return surface


def _abbreviates(short: str, full: str) -> bool:
    """特巡大队 for 特巡警大队, 平安建设领导小组 for 平安青山建设工作领导小组: the same body word,
    the name written with some of its characters left out, in order."""
    for size in (2, 3, 4):
        if short[-size:] != full[-size:] or len(short) - size < 2 or len(short) >= len(full):
            continue
        rest = iter(full[:-size])
        if short[0] == full[0] and all(ch in rest for ch in short[:-size]) \
                and len(short) >= 0.6 * len(full):
            return True
    return False
