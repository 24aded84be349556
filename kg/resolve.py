"""Resolution: mentions -> one entity per real thing, first in an article, then corpus-wide.

Inside an article, mentions merge on their key (a division id, an agency's
chain of units, a programme's bare name); forms that stand for something in
focus (`市局`, `该市`, `全县`, `县公安局户籍中队`) are resolved to the article's
places and agencies. Across articles, entities merge on the same keys, so IRIs
depend only on what was said, never on the order of files.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from kg.components import component
from kg.doc import Doc
from kg.gazetteer import gazetteer, town_short_name
from kg.model import (Article, ArticleExtraction, Corpus, Entity, EntityType, LocalEntity,
                      Mention, TITLE_SENTENCE)
from kg.vocab import entity_iri

_IRI_KIND = {EntityType.PLACE: "place", EntityType.AGENCY: "agency",
             EntityType.PROGRAMME: "programme", EntityType.PERSON: "person",
             EntityType.DOCUMENT: "document"}
_LEVEL_SUFFIX = {"province": ("省", "自治区", "市"), "city": ("市", "州", "盟"),
                 "county": ("县", "区", "市", "旗"), "town": ("镇", "乡", "街道")}
# Organs of a Party committee: X市政法委 and X市委政法委 are one body.
_PARTY_ORGANS = {"政法委员会", "平安办", "组织部", "宣传部", "统战部"}
_CHAR_SUFFIX = {"省": ("省", "自治区"), "市": ("市",), "州": ("州", "盟"), "县": ("县", "旗"),
                "区": ("区",), "镇": ("镇",), "乡": ("乡",), "街道": ("街道",)}
_GOVERNMENT_TITLE = re.compile(r"副?(?:省长|市长|县长|区长|州长|镇长|乡长|旗长)")
_COREF_PLACE = re.compile(r"(?:全|该|本|我)(省|市|州|县|区|镇|乡|村)")
_BARE_REFERENCE = re.compile(r"(?:^|[，。；：])(?:今年以来|目前|去年|近年来)?[，]?"
                             r"(?P<word>联防队|巡逻队|工作室|调解室|派出所|法庭|警务站|服务站|警务室|中心)"
                             r"(?=[^\u4e00-\u9fff]|[由共已在将还先通累今自]|成立|设立|运行|调处|办理|受理|按照)")
_LOCAL_PLACE = re.compile(r"(?:^|[，。；：“])(?P<word>社区|村里|村上|镇里|镇上)"
                          r"(?=把|将|有|在|还|已|共|对|累计|今年|去年|先后|目前|现有|每年)")
_COREF_AGENCY = re.compile(r"(?:该|本|全)(局|院|所|队|分局|中心)|(市|县|区)局")
# Which bodies a bare sub-unit hangs from, nearest first.
_PARENT_KINDS = {"派出所": ("分局", "公安局"), "中队": ("大队", "支队", "分局", "公安局"),
                 "大队": ("支队", "分局", "公安局"), "支队": ("总队", "公安局", "公安厅"),
                 "总队": ("公安厅", "公安局"), "分局": ("公安局",), "科": ("处", "中心", "公安局"),
                 "处": ("公安局", "公安厅"), "指挥中心": ("公安局",), "情报中心": ("公安局",),
                 "车辆管理所": ("支队", "公安局"), "人民法庭": ("人民法院",)}


@dataclass
class _Focus:
    """The places an article is about, by level, most mentioned first."""

    places: list[Mention] = field(default_factory=list)

    def place(self, level: str | None = None, char: str = "") -> Mention | None:
        """The place in focus; of a level, or named with a level character (全区 -> a 区)."""
        suffixes = _CHAR_SUFFIX.get(char) or _LEVEL_SUFFIX.get(level or "", ("",))
        for m in self.places:
            if level is None and not char or m.name.endswith(suffixes):
                return m
        return None


def _focus(mentions: list[Mention]) -> _Focus:
    weight: Counter = Counter()
    first: dict[str, Mention] = {}
    for m in mentions:
        if m.type is EntityType.PLACE and m.attrs.get("level") not in ("village",):
            weight[m.key] += 3 if m.sentence == TITLE_SENTENCE else 1
            first.setdefault(m.key, m)
    level_rank = {"city": 0, "county": 1, "province": 2, "town": 3}
    ranked = sorted(first, key=lambda k: (-weight[k], level_rank.get(first[k].attrs["level"], 4), k))
    return _Focus([first[k] for k in ranked])


class _ArticleResolver:
    def __init__(self, article: Article, mentions: list[Mention]):
        self.article = article
        self.mentions = mentions
        self.entities: dict[tuple[EntityType, str], LocalEntity] = {}
        self.focus = _focus(mentions)
        self.unit_alias: dict[str, str] = {}        # 苏坡派出所 -> its chain key
        self.agency_order: list[LocalEntity] = []   # agencies in order of first mention
        self.agency_parent: dict[str, str] = {}
        self.agency_place: dict[str, str] = {}

    # ------------------------------------------------------------- entities
    def entity(self, kind: EntityType, key: str, name: str, sentence: int, alias: str = "",
               **attrs) -> LocalEntity:
        ent = self.entities.get((kind, key))
        if ent is None:
            ent = self.entities[(kind, key)] = LocalEntity(kind, key, name, attrs=dict(attrs))
            if kind is EntityType.AGENCY:
                self.agency_order.append(ent)
        if alias and alias != ent.name:
            ent.aliases.add(alias)
        if sentence not in ent.sentences:
            ent.sentences.append(sentence)
        return ent

    def run(self) -> tuple[ArticleExtraction, list[Mention]]:
        resolved: list[Mention] = []
        # Bare units (苏坡派出所, 治安支队) last: by then the chains that name them are known.
        for m in sorted(self.mentions, key=lambda m: bool(m.attrs.get("needs_parent"))):
            handler = getattr(self, f"_{m.type.name.lower()}")
            resolved.extend(handler(m))
        for name in self.article.reporters:
            self.entity(EntityType.PERSON, name, name, TITLE_SENTENCE, reporter=True)
        resolved.extend(self._coreferences(resolved))
        resolved.extend(self._governments())
        extraction = ArticleExtraction(
            self.article, list(self.entities.values()), reporters=list(self.article.reporters),
            agency_parent=self.agency_parent, agency_place=self.agency_place,
            focus_places=[m.key for m in self.focus.places])
        return extraction, sorted(resolved, key=lambda m: (m.sentence, m.start))

    def _place(self, m: Mention) -> list[Mention]:
        self.entity(EntityType.PLACE, m.key, m.name, m.sentence, m.surface,
                    level=m.attrs["level"], adcode=m.attrs["adcode"], division=m.key)
        return [m]

    def _document(self, m: Mention) -> list[Mention]:
        ent = self.entity(EntityType.DOCUMENT, m.key, m.name, m.sentence)
        if len(m.name) > len(ent.name):          # the fullest title is the label
            ent.aliases.add(ent.name)
            ent.name = m.name
        ent.aliases.discard(ent.name)
        return [m]

    def _programme(self, m: Mention) -> list[Mention]:
        ent = self.entity(EntityType.PROGRAMME, m.key, m.name, m.sentence)
        # 一村(居)一警 is the label; 一村一警 (the key), and the forms with a cue, are aliases
        ent.aliases.update(m.attrs.get("aliases", []), {m.name, m.key})
        if len(m.name) > len(ent.name) and ("(" in m.name or "（" in m.name):
            ent.name = m.name
        ent.aliases.discard(ent.name)
        return [m]

    def _person(self, m: Mention) -> list[Mention]:
        reporter = m.name in self.article.reporters
        key = self._person_key(m.name, reporter)
        self.entity(EntityType.PERSON, key, m.name, m.sentence,
                    anonymous=bool(m.attrs.get("anonymous")), reporter=reporter)
        return [replace(m, key=key)]

    def _person_key(self, name: str, reporter: bool) -> str:
        """Who a name is: a byline is the paper's own staff, one person wherever it appears;
        anyone else is one person per province (two 王鹏 in 成都 and 沈阳 are two people)."""
        place = self.focus.place()
        gaz = gazetteer()
        if reporter or place is None or place.key not in gaz.divisions:
            return name
        return f"{name}@{gaz.province_of(place.key).adcode}"

    # ------------------------------------------------------------- agencies
    def _agency(self, m: Mention) -> list[Mention]:
        if m.attrs.get("pronoun"):
            return []                      # resolved with the other coreferences
        units = list(m.attrs["units"])
        parent_key, parent_label, place_key = "", "", ""
        top = units[0]
        place = self._unit_place(top, m)
        if place is not None and top["suffix"] in ("公安", "警方", "公安机关") \
                and place.attrs.get("level") == "county" and place.name.endswith("区"):
            top = units[0] = dict(top, kind="分局")    # 青秀公安: a city district's police is a 分局
        if len(units) == 1 and not top["place_key"] and not top["generic"]:
            known = self._known_unit(top["surface"])
            if known is not None:
                ent = self.entity(EntityType.AGENCY, known, "", m.sentence, top["surface"])
                return [Mention(EntityType.AGENCY, m.surface, m.start, m.end, m.sentence,
                                name=ent.name, key=known)]
        if m.attrs.get("needs_parent"):
            parent = self._nearest_parent(top["kind"], m.sentence)
            if parent is not None:
                parent_key, parent_label = parent.key, parent.name
                place_key = self.agency_place.get(parent.key, "")
        if place is not None:
            place_key = place.key
            if not parent_key and top["kind"] == "分局":
                parent_key, parent_label = self._city_bureau(place)
        last_key = ""
        for i, unit in enumerate(units):
            own_place = self._unit_place(unit, m) if i else place
            if own_place is not None and (i or not parent_key):
                place_key = own_place.key
            organ = i == 0 and not parent_key and own_place is not None and not unit["name"] \
                and unit["kind"] in _PARTY_ORGANS
            if organ:
                # 宁波市政法委 is the 宁波市委's 政法委: one key with 宁波市委政法委
                parent_key, parent_label = f"{own_place.key}:委", f"{own_place.name}委"
            if unit["generic"] and own_place is None:
                return []          # 区派出所 with no district in focus names nothing
            if i == 0 and not parent_key:
                if own_place is None and not unit["name"]:
                    return []
                ident = own_place.key if own_place is not None else unit["name"]
                key = f"{ident}:{unit['kind']}"
                label = unit.get("prefix", "") + (own_place.name if own_place is not None else "") + \
                    (unit["name"] if own_place is None or unit["place_key"] else "") + unit["kind"]
                if own_place is not None and unit["place_key"] and unit["name"]:
                    label = unit.get("prefix", "") + own_place.name + unit["name"] + unit["suffix"]
                    key = f"{own_place.key}:{unit['name']}{unit['kind']}"
                    if unit.get("prefix"):           # 平安青山建设工作领导小组: the name as written
                        label = self._strip_province(unit["surface"])
            else:
                ident = "" if organ else unit["place_key"] or unit["name"]
                label = parent_label + (unit["suffix"] if organ else unit["surface"])
                if unit["generic"] and own_place is not None and not organ:   # 公安分局 in focus: 吴中区分局
                    ident, label = own_place.key, parent_label + own_place.name + unit["kind"]
                key = f"{parent_key}/{ident}:{unit['kind']}"
            surface = self._surface(unit) if i == 0 else unit["surface"]
            named = bool(unit["name"] or unit["place_key"]) and not unit["generic"]
            alias = surface if named else ""
            if unit["kind"] == "委":
                key = f"{place_key}:委"
                label = unit.get("prefix", "") + (own_place.name if own_place else "") + "委"
                if i + 1 < len(units):
                    # 市委政法委: the committee's body is named through it, not beside it.
                    parent_key, parent_label = key, label
                    continue
            ent = self.entity(EntityType.AGENCY, key, label, m.sentence, alias)
            if unit["surface"] and not unit["generic"]:
                self.unit_alias.setdefault(unit["surface"], key)
            if parent_key:
                self.agency_parent[key] = parent_key
            town = self._town_named(unit["name"]) if not unit["place_key"] else None
            if town is not None:
                place_key = town.key              # 大瑶派出所 serves 大瑶镇
            if place_key:
                self.agency_place[key] = place_key
            parent_key, parent_label, last_key = key, ent.name, key
        if len(units) > 1 and not units[0]["generic"]:
            full = self.entities[(EntityType.AGENCY, last_key)]
            surface = self._strip_province(m.surface)
            if surface != full.name:
                full.aliases.add(surface)
        return [Mention(EntityType.AGENCY, m.surface, m.start, m.end, m.sentence,
                        name=self.entities[(EntityType.AGENCY, last_key)].name, key=last_key)]

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

    def _city_bureau(self, place: Mention) -> tuple[str, str]:
        """A district's 公安分局 belongs to its city's 公安局 (台儿庄公安分局 -> 枣庄市公安局)."""
        gaz = gazetteer()
        if place.key not in gaz.divisions or place.attrs.get("level") != "county":
            return "", ""
        city = gaz.get(place.key).parent
        if not city or gaz.get(city).level != "city":
            return "", ""
        return f"{city}:公安局", f"{gaz.get(city).name}公安局"

    def _unit_place(self, unit: dict, m: Mention) -> Mention | None:
        if unit["place_key"]:
            return next((p for p in self.mentions if p.key == unit["place_key"]), None)
        if unit["generic"] == "focus":
            return self.focus.place()
        if unit["generic"] and unit["suffix"] in ("公安分局", "分局"):
            return self.focus.place(char="区")     # a 分局 serves a city district
        if unit["generic"]:
            return self._named_before(m.sentence, m.start, unit["generic"], unit["name"]) \
                or self.focus.place(unit["generic"], unit["name"])
        return None

    def _named_before(self, sentence: int, start: int, level: str, char: str) -> Mention | None:
        """The place of that level the sentence named last before `start`: 呈贡分局…与区委政法委
        means 呈贡区's 区委政法委, 吉林市公安局…全市已建成 吉林市's whole, whatever place the
        article is mostly about."""
        suffixes = _CHAR_SUFFIX.get(char) or _LEVEL_SUFFIX.get(level, ("",))
        # 全市 names any 市 (瑞安市 is a county-level city): the written suffix decides
        before = [p for p in self.mentions if p.type is EntityType.PLACE and p.sentence == sentence
                  and p.end <= start and (char or p.attrs.get("level") == level)
                  and p.name.endswith(suffixes) and not p.attrs.get("coreference")]
        return max(before, key=lambda p: p.end, default=None)

    def _surface(self, unit: dict) -> str:
        return self._strip_province(unit["surface"])

    def _strip_province(self, surface: str) -> str:
        """Agency names are given without their province: 四川省成都市公安局 -> 成都市公安局."""
        gaz = gazetteer()
        for m in self.mentions:
            if m.type is EntityType.PLACE and m.attrs.get("level") == "province" \
                    and surface.startswith(m.surface) and len(surface) > len(m.surface):
                rest = surface[len(m.surface):]
                if any(rest.startswith(p.surface) for p in self.mentions
                       if p.type is EntityType.PLACE and p.key != m.key
                       and gaz.is_within(p.key, m.key)):
                    return rest
        return surface

    def _known_unit(self, surface: str) -> str | None:
        """The chain a bare unit names: 王家庄镇派出所 is the 小王家庄镇派出所 of 高阳县公安局."""
        if surface in self.unit_alias:
            return self.unit_alias[surface]
        matches = {key for alias, key in self.unit_alias.items()
                   if len(surface) >= 4 and len(alias) >= 4
                   and (alias.endswith(surface) or surface.endswith(alias) or _abbreviates(surface, alias)
                       or _abbreviates(alias, surface))}
        return matches.pop() if len(matches) == 1 else None

    def _nearest_parent(self, kind: str, sentence: int) -> LocalEntity | None:
        """The latest body of a parent kind named before the unit (else anywhere in the article)."""
        for wanted in _PARENT_KINDS.get(kind, ()):
            candidates = [e for e in self.agency_order if e.key.endswith(f":{wanted}")]
            before = [e for e in candidates if min(e.sentences) <= sentence]
            if before or candidates:
                return max(before, key=lambda e: min(e.sentences)) if before else candidates[0]
        return None

    # ------------------------------------------------------------- governments
    def _governments(self) -> list[Mention]:
        """徐州市副市长: a mayor's post is in the place's 人民政府, named through the place."""
        out = []
        for m in self.mentions:
            if m.type is not EntityType.PLACE or m.attrs.get("level") == "village":
                continue
            text = self.article.sentence_text(m.sentence)
            if not _GOVERNMENT_TITLE.match(text, m.end):
                continue
            key = f"{m.key}:人民政府"
            ent = self.entity(EntityType.AGENCY, key, f"{m.name}人民政府", m.sentence,
                              f"{m.name}政府")
            self.agency_place[key] = m.key
            out.append(Mention(EntityType.AGENCY, m.surface, m.start, m.end, m.sentence,
                               name=ent.name, key=key, attrs={"government": True}))
        return out

    # ------------------------------------------------------------- coreference
    def _coreferences(self, resolved: list[Mention]) -> list[Mention]:
        """全市, 该局, 市局 … as mentions of the place or agency in focus (for numbers, relations)."""
        out = []
        for index, text in self.article.texts():
            for match in _COREF_PLACE.finditer(text):
                level = {"省": "province", "市": "city", "州": "city", "县": "county", "区": "county",
                         "镇": "town", "乡": "town"}.get(match.group(1))
                place = (self._named_before(index, match.start(), level, match.group(1))
                         or self.focus.place(level, match.group(1))) if level else None
                if place is not None:
                    out.append(Mention(EntityType.PLACE, match.group(), match.start(), match.end(),
                                       index, name=place.name, key=place.key,
                                       attrs={"coreference": True}))
            for match in _COREF_AGENCY.finditer(text):
                agency = None
                if match.group()[0] in "该全":       # 该院, 全所: the latest such body named
                    agency = self._latest_named(match.group()[1:], resolved, index, match.start())
                agency = agency or self._agency_in_focus(match.group())
                if agency is not None:
                    out.append(Mention(EntityType.AGENCY, match.group(), match.start(), match.end(),
                                       index, name=agency.name, key=agency.key,
                                       attrs={"coreference": True}))
        out.extend(self._bare_references(resolved))
        for index, text in self.article.texts():
            out.extend(self._local_references(index, text))
        return out

    def _local_references(self, index: int, text: str) -> list[Mention]:
        """社区把辖区划成36个微网格, 村里有寨管家12名: a clause opening on 社区/村里/镇里 is
        about the community, village or town last named before it."""
        out = []
        for match in _LOCAL_PLACE.finditer(text):
            level = "town" if match.group("word")[0] == "镇" else "village"
            named = [m for m in self.mentions if m.type is EntityType.PLACE
                     and m.attrs.get("level") == level and m.sentence <= index]
            if named:
                place = max(named, key=lambda m: (m.sentence, m.start))
                start, end = match.span("word")
                out.append(Mention(EntityType.PLACE, match.group("word"), start, end, index,
                                   name=place.name, key=place.key,
                                   attrs={"coreference": True, "level": level}))
        return out

    def _bare_references(self, resolved: list[Mention]) -> list[Mention]:
        """联防队由…组成，共120余人 / 工作室调处纠纷160余起: a body word opening a clause alone
        refers to the latest body or facility of that kind named before it."""
        named = [m for m in resolved if m.key and m.type in (EntityType.AGENCY, EntityType.PROGRAMME)
                 and not m.attrs.get("coreference")]
        spans = {(m.sentence, i) for m in named for i in range(m.start, m.end)}
        out = []
        for index, text in self.article.texts():
            for match in _BARE_REFERENCE.finditer(text):
                word, start = match.group("word"), match.start("word")
                if (index, start) in spans:
                    continue
                before = [m for m in named if (m.sentence, m.start) < (index, start)
                          and m.name.endswith(word) and len(m.name) > len(word)]
                if before:
                    m = max(before, key=lambda m: (m.sentence, m.start))
                    out.append(Mention(m.type, word, start, match.end("word"), index,
                                       name=m.name, key=m.key, attrs={"coreference": True}))
        return out

    def _latest_named(self, body: str, resolved: list[Mention], sentence: int, start: int
                      ) -> LocalEntity | None:
        before = [m for m in resolved if m.type is EntityType.AGENCY and m.key
                  and (m.sentence, m.start) < (sentence, start) and m.name.endswith(body)]
        if not before:
            return None
        latest = max(before, key=lambda m: (m.sentence, m.start))
        return self.entities.get((EntityType.AGENCY, latest.key))

    def _agency_in_focus(self, form: str) -> LocalEntity | None:
        tail = form[-1]
        if form.endswith("局") and form[0] in "市县区":
            place = self.focus.place(char=form[0])
            if place is not None:
                return self.entities.get((EntityType.AGENCY, f"{place.key}:公安局"))
        fits = [e for e in self.agency_order if e.key.endswith(tail) or e.name.endswith(form[1:])]
        focus = self.focus.place()
        # 全局 in a report on 台儿庄 is 台儿庄分局, not the city's bureau named before it.
        here = [e for e in fits if focus is not None and self.agency_place.get(e.key) == focus.key]
        return (here or fits or [None])[0]


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


@component("resolve")
def resolve(doc: Doc) -> None:
    """The doc's mentions -> its local entities, and the mentions with their entity keys."""
    doc.extraction, doc.spans = _ArticleResolver(doc.article, doc.spans).run()
    doc.align()


# ----------------------------------------------------------------- corpus-wide

def global_key(ent: LocalEntity) -> str:
    return ent.key


def resolve_entities(extractions: list[ArticleExtraction]) -> Corpus:
    """Merge the articles' entities into one node per real thing, with stable IRIs."""
    groups: dict[tuple[EntityType, str], list[tuple[str, LocalEntity]]] = {}
    for ex in extractions:
        for ent in ex.entities:
            groups.setdefault((ent.type, global_key(ent)), []).append((ex.article.id, ent))
    corpus = Corpus(articles=[ex.article for ex in extractions])
    iri_of: dict[tuple[str, EntityType, str], str] = {}
    for (kind, key), members in sorted(groups.items(), key=lambda kv: (kv[0][0].value, kv[0][1])):
        iri = entity_iri(_IRI_KIND[kind], key)
        names = Counter(ent.name for _, ent in members)
        label = sorted(names, key=lambda n: (-names[n], -len(n), n))[0]
        aliases = set().union(*(ent.aliases | {ent.name} for _, ent in members)) - {label}
        attrs: dict = {}
        for _, ent in members:
            for k, v in ent.attrs.items():
                attrs.setdefault(k, v)
        corpus.entities[iri] = Entity(iri, kind, label, aliases, attrs,
                                      {aid for aid, _ in members})
        for aid, ent in members:
            iri_of[(aid, kind, ent.key)] = iri
    by_article_key = {}
    for (aid, kind, key), iri in iri_of.items():
        by_article_key[(aid, key)] = iri
    for ex in extractions:
        aid = ex.article.id
        corpus.reporters[aid] = [by_article_key[(aid, name)] for name in ex.reporters
                                 if (aid, name) in by_article_key]
        for rel in ex.relations:
            s, o = by_article_key.get((aid, rel.subject)), by_article_key.get((aid, rel.object))
            if s and o and s != o:
                rel.subject, rel.object, rel.article = s, o, aid
                corpus.relations.append(rel)
        for stat in ex.statistics:
            about = by_article_key.get((aid, stat.about))
            if about:
                stat.about, stat.article = about, aid
                corpus.statistics.append(stat)
    return corpus
