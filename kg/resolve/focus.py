"""The places an article is about (its focus), and the place a generic form stands for.

`县公安局`, `全市`, `区委` name no place; they stand for the place of their level that the
sentence named last, else for the article's place in focus of that level. The focus ranks
the article's places by how often they are named (a headline counts three).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.gazetteer import gazetteer
from kg.keys import PlaceKey
from kg.doc import Doc
from kg.model import EntityType, Mention, TITLE_SENTENCE
from kg.resolve.entities import within

LEVEL_SUFFIX = {"province": ("省", "自治区", "市"), "city": ("市", "州", "盟"),
                "county": ("县", "区", "市", "旗"), "town": ("镇", "乡", "街道")}
CHAR_SUFFIX = {"省": ("省", "自治区"), "市": ("市",), "州": ("州", "盟"), "县": ("县", "旗"),
               "区": ("区",), "镇": ("镇",), "乡": ("乡",), "街道": ("街道",)}
_LEVEL_RANK = {"city": 0, "county": 1, "province": 2, "town": 3}


@dataclass(frozen=True)
class Place:
    """A place mention of the article, with the key of the place it names."""

    mention: Mention
    key: PlaceKey
    weight: int = 0

    @property
    def name(self) -> str:
        return self.mention.name

    @property
    def level(self) -> str:
        return self.mention.attrs.get("level", "")


class PlaceKeys:
    """The key of each place mention: its division, or the place the text writes it under."""

    def __init__(self, mentions: list[Mention]):
        self._by_id = {m.key: m for m in mentions if m.type is EntityType.PLACE
                       and isinstance(m.key, str)}
        self._keys: dict[str, PlaceKey] = {}

    def __call__(self, m: Mention) -> PlaceKey:
        """A place mention's key (once resolved, the mention holds it)."""
        return m.key if isinstance(m.key, PlaceKey) else self.of(m.key)

    def of(self, recognised: str) -> PlaceKey:
        """The key of the place the recogniser called `recognised`."""
        if recognised not in self._keys:
            m = self._by_id.get(recognised)
            if recognised in gazetteer().divisions or m is None:
                self._keys[recognised] = PlaceKey(division=recognised)
            else:          # the gazetteer lacks it: the place it is written under, and its name
                parent = m.attrs["parent_key"]
                self._keys[recognised] = PlaceKey(parent=self.of(parent) if parent else None,
                                                  name=m.name)
        return self._keys[recognised]


@dataclass
class Focus:
    """The places an article is about, most mentioned first."""

    places: list[Place] = field(default_factory=list)

    def place(self, level: str | None = None, char: str = "") -> Place | None:
        """The place in focus; of a level, or named with a level character (全区 -> a 区).
        Of a level, none when several places of it are named equally often: an article on a
        city that names three of its districts once each is about none of them."""
        if level is None and not char:
            return self.places[0] if self.places else None
        suffixes = CHAR_SUFFIX.get(char) or LEVEL_SUFFIX.get(level or "", ("",))
        found = [p for p in self.places if p.name.endswith(suffixes)]
        if len(found) > 1 and found[0].weight == found[1].weight:
            return None
        return found[0] if found else None


def home_mention(doc: Doc) -> Mention | None:
    """The home of a local site's report (kg/recognise/home.py) as a place mention at the
    form that stands for it (全县, 县公安局): a place the text implies and never writes."""
    mark = next((m for m in doc.marks if m.type == "Home"), None)
    if mark is None:
        return None
    d = mark.value
    return Mention(EntityType.PLACE, doc.sents[mark.sentence].text[mark.start:mark.end],
                   mark.start, mark.end, mark.sentence, name=d.name, key=d.id, rule=mark.rule,
                   attrs={"level": d.level, "adcode": d.adcode, "parent_key": d.parent or "",
                          "home": True})


def focus_of(mentions: list[Mention], keys: PlaceKeys, home: Mention | None = None) -> Focus:
    """The article's places by weight; the home of a local site last (what no named place
    of a level stands for)."""
    weight: Counter = Counter()
    first: dict[PlaceKey, Mention] = {}
    addresses = _addresses(mentions, keys)
    for m in mentions:
        if m.type is EntityType.PLACE and m.attrs.get("level") != "village" \
                and not m.attrs.get("coreference"):
            key = keys(m)
            if id(m) not in addresses:
                weight[key] += 3 if m.sentence == TITLE_SENTENCE else 1
            first.setdefault(key, m)
    ranked = sorted(first, key=lambda k: (-weight[k], _LEVEL_RANK.get(first[k].attrs["level"], 4),
                                          str(k)))
    places = [Place(first[k], k, weight[k]) for k in ranked]
    if home is not None and keys(home) not in first:
        places.append(Place(home, keys(home)))
    return Focus(places)


def _addresses(mentions: list[Mention], keys: PlaceKeys) -> set[int]:
    """The place mentions written right before a place inside them (the 昭通市 of 昭通市鲁甸县,
    the 四川省 of 四川省成都市): they only say where the next place lies, the text is about
    that one (ids of the mentions). A village does not weigh (focus_of), so the place before
    it keeps its weight."""
    places = [m for m in mentions if m.type is EntityType.PLACE]
    at = {(m.sentence, m.start): m for m in places}
    return {id(m) for m in places
            if (inner := at.get((m.sentence, m.end))) is not None and keys(inner) != keys(m)
            and inner.attrs.get("level") != "village" and within(keys(inner), keys(m))}


def named_before(mentions: list[Mention], keys: PlaceKeys, sentence: int, start: int,
                 level: str, char: str) -> Place | None:
    """The place of that level the sentence named last before `start`: 呈贡分局…与区委政法委
    means 呈贡区's 区委政法委, 吉林市公安局…全市已建成 吉林市's whole, whatever place the
    article is mostly about. (全市 names any 市, 瑞安市 a county-level city among them: the
    written suffix decides.)"""
    suffixes = CHAR_SUFFIX.get(char) or LEVEL_SUFFIX.get(level, ("",))
    before = [p for p in mentions if p.type is EntityType.PLACE and p.sentence == sentence
              and p.end <= start and (char or p.attrs.get("level") == level)
              and p.name.endswith(suffixes) and not p.attrs.get("coreference")]
    last = max(before, key=lambda p: p.end, default=None)
    return Place(last, keys(last)) if last is not None else None
