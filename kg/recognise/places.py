"""Places: divisions of China found with the gazetteer and disambiguated by their neighbours.

Full names of provinces, cities and counties are found with an Aho–Corasick
automaton; towns and villages (700,000 names) by looking back from their
suffix (镇, 乡, 街道, 村, 社区). A name shared by several divisions (鼓楼区,
两间房村) takes the one whose ancestors or descendants the article also names.
Short forms that are also ordinary words (安宁, 青山) need such support, or a
following agency word (安宁警方), to count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import ahocorasick

from kg.gazetteer import Division, Gazetteer, gazetteer, town_short_name
from kg.model import Article, EntityType, Mention
from kg.components import component
from kg.recognise import ArticleContext, Recogniser
from kg.words import dictionary_cut, dictionary_tag

_TOWN_OR_VILLAGE_END = re.compile(r"(?:街道|社区|镇|乡|村|苏木|嘎查)")
_LOOKBACK = 9
_NOT_IN_NAME = {"v", "vn", "vd", "p", "c", "u", "d", "r", "m"}
_FUNCTION_TAGS = {"p", "c", "u", "r"}
_BODY_WORD = re.compile(r"[局所院委队厅办]$")
# Unlisted places written after their division: a name of a few characters then 镇/乡/街道
# (after a county) or 社区/村 (after a county or town), not opening on a function word
# (板房子镇等沿山镇村) and holding no other level's word.
_UNLISTED_TOWN = re.compile(r"(?![等和及与的各全该本所两这那每共])(?:(?![镇乡县市省区村]|街道|社区)[\u4e00-\u9fff]){2,5}?"
                            r"(?P<suffix>镇|乡|街道)(?![\u4e00-\u9fff]?(?:镇|乡|街道))")
_UNLISTED_VILLAGE = re.compile(r"(?![等和及与的各全该本所两这那每共])(?:(?![镇乡县市省村]|街道|社区)[\u4e00-\u9fff]){2,6}?"
                               r"(?P<suffix>社区|村)")
# What follows a short form when it names a body of that place: 徐州公安, 安宁警方.
_AGENCY_AFTER = re.compile(r"^(?:公安|警方|市委|县委|区委|州委|省委|市政府|县政府|区政府|法院|检察院|"
                           r"政法委|司法局|交警|消防|籍|：|:)")
# What follows a short form when it is part of a street, station or compound name.
_NOT_DIVISION_AFTER = re.compile(r"^(?:派出所|街|路|村|社区|小区|镇|乡|大道|广场|公园|花园|山|湖|河|"
                                 r"警务|[东西南北]路)")
_UNLIKELY_BEFORE = re.compile(r"[东西南北新老大小]$")
# Divisions whose official name is also a common noun (城区 in 阳泉, 矿区, 郊区).
_GENERIC_NAME = re.compile(r"^(?:城区|矿区|郊区|市区|新区|林区|特区)$")


class _Neighbourhood:
    """Which of an article's candidate names lie above or below a division (memoised)."""

    def __init__(self, gaz: Gazetteer, cands: list[_Candidate]):
        self.gaz = gaz
        self.ids_by_surface: dict[str, set[str]] = {}
        self.full_surfaces: set[str] = set()                 # names written in full
        self.named_in_full: dict[str, set[str]] = {}        # division id -> its full-name surfaces
        for c in cands:
            self.ids_by_surface.setdefault(c.surface, set()).update(d.id for d in c.divisions)
            if c.full_name:
                self.full_surfaces.add(c.surface)
                for d in c.divisions:
                    self.named_in_full.setdefault(d.id, set()).add(c.surface)
        self._ancestors: dict[str, frozenset[str]] = {}
        self._support: dict[tuple[str, str], int] = {}
        self._above: dict[str, frozenset[str]] = {}

    def ancestors(self, division_id: str) -> frozenset[str]:
        if division_id not in self._ancestors:
            self._ancestors[division_id] = frozenset(a.id for a in self.gaz.ancestors(division_id))
        return self._ancestors[division_id]

    def parent_named(self, division: Division, surface: str) -> bool:
        return any(division.parent in ids for other, ids in self.ids_by_surface.items()
                   if other != surface)

    def near_parent(self, division: Division, surface: str) -> bool:
        """A town or village counts when its county (or, for a village, town) is named too."""
        close = {a.id for a in self.gaz.ancestors(division.id)
                 if a.level in ("county", "town")}
        return any(not close.isdisjoint(ids) for other, ids in self.ids_by_surface.items()
                   if other != surface)

    def _above_any(self, surface: str) -> frozenset[str]:
        """Every division above any reading of `surface`."""
        if surface not in self._above:
            self._above[surface] = frozenset().union(
                *(self.ancestors(i) for i in self.ids_by_surface[surface]))
        return self._above[surface]

    def support(self, division: Division, surface: str) -> int:
        """How many other names in the article are this division's ancestors or descendants."""
        key = (division.id, surface)
        if key not in self._support:
            above = self.ancestors(division.id)
            self._support[key] = sum(
                1 for other, ids in self.ids_by_surface.items()
                if other != surface and (not above.isdisjoint(ids)
                                         or division.id in self._above_any(other)))
        return self._support[key]


@dataclass
class _Candidate:
    sentence: int
    start: int
    end: int
    surface: str
    divisions: list[Division]
    full_name: bool          # the text gives the official name, not a short form


class PlaceRecognizer:
    def __init__(self, gaz: Gazetteer | None = None):
        self.gaz = gaz or gazetteer()

    @cached_property
    def automaton(self) -> ahocorasick.Automaton:
        auto = ahocorasick.Automaton()
        for name in self.gaz.names("province", "city", "county"):
            if len(name) >= 2 and not _GENERIC_NAME.match(name):
                auto.add_word(name, name)
        for alias in self.gaz.by_alias:
            if alias not in self.gaz.by_name:
                auto.add_word(alias, alias)
        auto.make_automaton()
        return auto

    # ------------------------------------------------------------- finding
    def candidates(self, index: int, text: str) -> list[_Candidate]:
        found = []
        for end, name in self.automaton.iter_long(text):
            full, divisions = self._upper(name)
            if divisions:
                found.append(_Candidate(index, end - len(name) + 1, end + 1, name, list(divisions), full))
        # Towns and villages may swallow a short form (the 月湖 of 望月湖街道), not a full name.
        taken = [(c.start, c.end) for c in found if c.full_name]
        for match in _TOWN_OR_VILLAGE_END.finditer(text):
            cand = self._town_or_village(index, text, match.end(), taken)
            if cand:
                found = [c for c in found if not (cand.start <= c.start and c.end <= cand.end)]
                found.append(cand)
                taken = [(s, e) for s, e in taken if not (cand.start <= s and e <= cand.end)]
                taken.append((cand.start, cand.end))
        return found

    def _town_or_village(self, index: int, text: str, end: int, taken) -> _Candidate | None:
        for start in range(max(0, end - _LOOKBACK), end - 2):
            name = text[start:end]
            # a longer name may hold one found before it (稻香村街道 holds the village 稻香村)
            if any(s < end and start < e and not (start <= s and e <= end) for s, e in taken):
                continue
            divisions = self._lower(name)
            if divisions:
                return _Candidate(index, start, end, name, list(divisions), True)
        return None

    # The same names come back in every article: look each up in the gazetteer once.
    @lru_cache(maxsize=1 << 16)
    def _upper(self, name: str) -> tuple[bool, tuple[Division, ...]]:
        """Provinces, cities and counties a name found by the automaton may be."""
        full = name in self.gaz.by_name
        divisions = tuple(d for d in self.gaz.lookup(name) if d.level in ("province", "city", "county"))
        return full, divisions

    @lru_cache(maxsize=1 << 16)
    def _lower(self, name: str) -> tuple[Division, ...]:
        """Towns and villages of that full name (唐家墩街道 is the gazetteer's 唐家墩街街道)."""
        for form in (name, name[:-2] + "街街道" if name.endswith("街道") else ""):
            if form and form in self.gaz.by_name:
                found = tuple(d for d in self.gaz.lookup(form) if d.level in ("town", "village"))
                if found:
                    return found
        return ()

    # ------------------------------------------------------------- choosing
    def recognise(self, article: Article, context: ArticleContext) -> list[Mention]:
        texts = article.texts()
        cands = [c for index, text in texts for c in self.candidates(index, text)]
        if article.dateline:
            cands += [c for c in self.candidates(-2, article.dateline)]
        by_sentence = dict(texts)
        by_sentence[-2] = article.dateline
        near = _Neighbourhood(self.gaz, cands)
        chosen: list[tuple[_Candidate, Division]] = []
        for cand in cands:
            pick = self._choose(cand, cands, near)
            if pick and self._accept(cand, pick, cands, near, by_sentence.get(cand.sentence, "")):
                chosen.append((cand, pick))
        # 沾益区人民法院西平人民法庭 beside 西平街道: a short form the article gives a town is the town's
        towns = {town_short_name(d.name) for _, d in chosen if d.level == "town"}
        chosen = [(c, d) for c, d in chosen
                  if c.full_name or d.level in ("town", "village") or c.surface not in towns]
        mentions = [self._mention(c, d) for c, d in chosen if c.sentence != -2]
        return mentions + self._unlisted_places(mentions, by_sentence)

    def _unlisted_places(self, mentions: list[Mention], texts: dict[int, str]) -> list[Mention]:
        """Towns, communities and villages written right after the division they belong to
        (海林市横道河子镇, 望湖街道曙光社区, 云龙区绿地南区社区): places under it, even where
        the gazetteer does not list them there."""
        out = []
        at = {(m.sentence, m.start): m for m in mentions}
        queue = sorted(mentions, key=lambda m: (m.sentence, m.start))
        while queue:
            m = queue.pop(0)
            if m.attrs["level"] not in ("county", "town") or m.surface != m.name:
                continue             # 凌海红和村干部: after a short form, no address runs on
            listed = at.get((m.sentence, m.end))
            if listed is not None and (listed.attrs["level"] not in ("town", "village")
                                       or listed.attrs["parent_key"] == m.key):
                continue
            text = texts.get(m.sentence, "")
            match = _UNLISTED_VILLAGE.match(text, m.end)
            level = "village"
            if match is None and m.attrs["level"] == "county" and listed is None:
                match, level = _UNLISTED_TOWN.match(text, m.end), "town"
            if match is None or listed is None and not _name_like(match):
                continue
            name = match.group()
            if listed is not None:   # the gazetteer has it under another town; the text says
                if listed.attrs["level"] != "village":
                    continue
                mentions.remove(listed)
            place = Mention(type=EntityType.PLACE, surface=name, start=match.start(),
                            end=match.end(), sentence=m.sentence, name=name, key=f"{m.key}/{name}",
                            attrs={"level": level, "adcode": "", "parent_key": m.key})
            out.append(place)
            queue.insert(0, place)   # 海林市横道河子镇X村: the chain runs on
        return out

    def _choose(self, cand: _Candidate, cands: list[_Candidate], near: _Neighbourhood
                ) -> Division | None:
        if len(cand.divisions) == 1:
            return cand.divisions[0]
        # A short form of a name the article also gives in full: 承德 after 承德市.
        named = [d for d in cand.divisions
                 if d.name in near.full_surfaces and d.name != cand.surface]
        if len(named) == 1:
            return named[0]
        scored = [(near.support(d, cand.surface), d) for d in named or cand.divisions]
        best = max(s for s, _ in scored)
        if best == 0 and cand.divisions[0].level in ("town", "village"):
            return None   # a common village name with nothing around it to place it
        # Highest support; then higher level (承德 is the city, not 承德县); then code order.
        return min(scored, key=lambda sd: (-sd[0], self.gaz._rank(sd[1].id)))[1]

    def _accept(self, cand: _Candidate, division: Division, cands: list[_Candidate],
                near: _Neighbourhood, text: str) -> bool:
        after = text[cand.end:cand.end + 4]
        before = text[max(0, cand.start - 1):cand.start]
        if division.level in ("town", "village"):
            # 治安复杂村变身“平安村”: a quoted village name is an honour, not the place
            return near.near_parent(division, cand.surface) and not (
                division.level == "village" and _quoted_whole(text, cand.start, cand.end))
        # 和县, 滑县: a two-character county is too often a piece of running text.
        if cand.full_name and not (len(cand.surface) == 2 and division.level == "county"):
            return True
        if _NOT_DIVISION_AFTER.match(after):
            return False
        if _AGENCY_AFTER.match(after):
            return True
        if len((dictionary_cut(text[cand.start:cand.end + 2]) or ("",))[0]) > len(cand.surface):
            return False           # 公安 of 公安局, 青山 of 青山绿水: part of a longer word
        if not _word_starts_at(text, cand.start):
            return False           # 海西 of 洱海西岸: the word before runs into it
        if division.level == "county" and dictionary_tag(cand.surface) not in (None, "ns"):
            # 公安 (police) is also 公安县: an ordinary word needs the county's own city named
            return near.parent_named(division, cand.surface)
        supported = near.support(division, cand.surface) > 0 or bool(
            near.named_in_full.get(division.id, set()) - {cand.surface})
        if supported:
            return True
        if _UNLIKELY_BEFORE.search(before) or _inside_quotes(text, cand.start):
            return False           # 大庆 in “忠诚保大庆”: a slogan, not the city
        # Short forms of provinces and cities are names in running text;
        # a two-character county short form (安宁, 青山) is too often a word.
        return division.level in ("province", "city") or len(cand.surface) >= 3

    def _mention(self, cand: _Candidate, division: Division) -> Mention:
        return Mention(
            type=EntityType.PLACE, surface=cand.surface, start=cand.start, end=cand.end,
            sentence=cand.sentence, name=division.name, key=division.id,
            attrs={"level": division.level, "adcode": division.adcode,
                   "parent_key": division.parent or ""})


def _name_like(match: re.Match) -> bool:
    """Whether an unlisted name reads as a name: not 新农村 (农村 is a word, not the
    suffix), 推进驻村 (a verb phrase) or 公安局把社区 (a body and a preposition)."""
    words = dictionary_cut(match.group())
    if len(words[-1]) > len(match.group("suffix")):
        return False
    head = dictionary_cut(match.group()[:match.start("suffix") - match.start()])
    return not any(dictionary_tag(w) in _FUNCTION_TAGS or len(w) >= 2 and dictionary_tag(w)
                   in _NOT_IN_NAME or _BODY_WORD.search(w) for w in head)


def _word_starts_at(text: str, pos: int) -> bool:
    """Whether jieba's dictionary cut of the few characters around `pos` has a word start there."""
    lo = max(0, pos - 3)
    at = lo
    for word in dictionary_cut(text[lo:pos + 3]):
        if at >= pos:
            return at == pos
        at += len(word)
    return at == pos


def _quoted_whole(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] == "“" and text[end:end + 1] == "”"


def _inside_quotes(text: str, pos: int) -> bool:
    head = text[:pos]
    return head.count("“") > head.count("”")


component("places")(Recogniser(PlaceRecognizer))
