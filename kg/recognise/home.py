"""The home place of a local site's report: the county or city its 我县, 全县, 县公安局 stand for.

A county's own site rarely writes its name. When an article speaks of its county (or
district, city, banner) only by the level (`home_form` rules of kg/rules/places.yaml) and
names no place of that level, the home is inferred from what the text does give, and
decided only when the evidence agrees:

    the publisher (来源：定海新闻网) or the dateline naming one such division   -> that one
    towns, villages and communities the gazetteer places under one such division, two or
    more of them agreeing (or one town no other division has)                 -> that one

The home then places the article's towns and villages, and the generic forms resolve to it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from kg.doc import DATELINE, Doc, Mark
from kg.gazetteer import Division, gazetteer
from kg.rules.ruleset import rules
from kg.words import tagged

# The level character of a form (我县, 区公安局) -> how the home's name ends.
_ENDINGS = {"镇": ("镇",), "乡": ("乡",), "县": ("县",), "区": ("区",), "旗": ("旗",),
            "市": ("市",)}
_TOWNS = ("镇", "乡")
_TOWN_SUFFIXES = ("镇", "乡", "街道")
_LEVELS = ("county", "city")


def home_place(doc: Doc, cands: list, names_in: Callable[[str], Iterable]) -> Mark | None:
    """A Home mark at the first level-only form, its value the home's Division, or for a
    town the gazetteer cannot place (石湾镇: four counties have one) its name (or None).
    `cands` are the article's candidate names (each with `sentence`, `surface`, `divisions`,
    `full_name`), `names_in(text)` gives the gazetteer's names in any other text."""
    body = [c for c in cands if c.sentence != DATELINE]
    sources = [c for c in cands if c.sentence == DATELINE]
    if doc.article.publisher:
        sources += list(names_in(doc.article.publisher))
    lower = [c for c in body if c.divisions[0].level in ("town", "village")]
    for form in _forms(doc):             # 全镇 before 我县 before 全市: the lowest level first
        endings = _ENDINGS[form.value]
        if form.value in _TOWNS:
            town = _home_town(lower, endings, sources)
            if town is not None:
                return Mark("Home", form.sentence, form.start, form.end, town, rule=form.rule)
            continue
        if _sources_only(form):
            home = _one(sources, endings)
            if home is not None:
                return Mark("Home", form.sentence, form.start, form.end, home, rule=form.rule)
            continue
        named = [c for c in body if c.full_name and any(_fits(d, endings) for d in c.divisions)]
        full = {d.id for c in named for d in c.divisions if _fits(d, endings)}
        if len(full) == 1 or len({c.surface for c in named}) > 1:
            continue                    # the article names its county: the focus has it
        home = _one(sources, endings) or _from_towns(lower, endings) \
            or _from_written_towns(doc, full or _short_named(body, endings))
        if home is not None and (not full or home.id in full):   # 市中区: one of the four
            return Mark("Home", form.sentence, form.start, form.end, home, rule=form.rule)
    return None


def _forms(doc: Doc) -> list[Mark]:
    """The first form of each level character that names a division by its level alone,
    counties (县, 区, 旗) before cities (市)."""
    ruleset, first = rules("places"), {}
    for sent in (s for s in doc.body() if ruleset.may_match(s, "home_form")):
        for m in ruleset.matches(ruleset.context(doc, sent), "home_form"):
            # (the level character is the last of the capture that is one: 全县, 市委)
            char = next((c for c in reversed(m.text("level")) if c in _ENDINGS), None)
            if char is not None:
                first.setdefault(char, Mark("HomeForm", sent.index, *m.span(), char, rule=m.rule.id))
    return [first[c] for c in _ENDINGS if c in first]


def _sources_only(form: Mark) -> bool:
    """Whether the form's rule takes the home from the publisher or dateline alone."""
    return any(r.id == form.rule and r.args.get("sources_only") for r in rules("places").rules)


def _fits(division: Division, endings: tuple[str, ...]) -> bool:
    return division.level in _LEVELS and division.name.endswith(endings)



def _home_town(lower: list, endings: tuple[str, ...], sources: list) -> Division | str | None:
    """The one town the article names (全镇 is it): its division when the gazetteer has one
    of that name or the publisher or dateline names the division above one of them (长安镇
    of a site run by 东莞市人民政府办公室), else its name (nothing says which)."""
    towns = {c.surface: c.divisions for c in lower if c.full_name and c.surface.endswith(endings)
             and all(d.level == "town" for d in c.divisions)}
    if len(towns) != 1:
        return None
    (name, divisions), = towns.items()
    if len(divisions) > 1:
        named = {d.id for c in sources for d in c.divisions}
        divisions = [d for d in divisions if d.parent in named
                     or named & {a.id for a in gazetteer().ancestors(d.id)[:2]}]
    return divisions[0] if len(divisions) == 1 else name


def _one(sources: list, endings: tuple[str, ...]) -> Division | None:
    """The one division of that level the publisher or the dateline names."""
    found = {d.id: d for c in sources for d in c.divisions if _fits(d, endings)}
    return next(iter(found.values())) if len(found) == 1 else None


def _from_towns(lower: Iterable, endings: tuple[str, ...]) -> Division | None:
    """The division of that level most of the article's towns and villages lie in."""
    gaz = gazetteer()
    votes: Counter = Counter()
    towns: dict[str, set[str]] = {}
    for surface, divisions in {c.surface: c.divisions for c in lower}.items():
        homes = {a.id for d in divisions for a in gaz.ancestors(d.id) if _fits(a, endings)}
        if 0 < len(homes) <= 2:
            votes.update(homes)
            if all(d.level == "town" for d in divisions):
                towns[surface] = homes
    if not votes:
        return None
    (best, count), *rest = votes.most_common(2) + [(None, 0)]
    if rest[0][1] == count:
        return None                               # the evidence does not agree
    unique_town = any(homes == {best} for homes in towns.values())
    return gaz.get(best) if count >= 2 or unique_town else None


def _short_named(body: list, endings: tuple[str, ...]) -> set[str]:
    """The divisions of that level the article's short forms may name (市中: four 市中区); not
    a short form that is a word of everyday use (平安 of 平安工程, 通道 of 公共通道)."""
    return {d.id for c in body if not c.full_name and not _everyday_word(c.surface)
            for d in c.divisions if _fits(d, endings)}


def _everyday_word(surface: str) -> bool:
    """Whether the dictionary reads `surface` as one adjective, verb or adverb (平安, 通道)."""
    words = tagged(surface)
    return len(words) == 1 and (words[0][1] or "")[:1] in ("a", "v", "d")


def _from_written_towns(doc: Doc, named: set[str]) -> Division | None:
    """市中司法行政, 市中特色 (or 市中区 in full): a name several divisions of that level bear
    (four districts are 市中区), and a town of one of them written by its short name (齐村 of
    齐村镇): that one. Decided only when exactly one of them has such a town."""
    if not named:
        return None
    text = "\n".join(sent.text for sent in doc.body())
    gaz = gazetteer()
    # (a town named like its county, 平安镇 of 平安区, proves nothing: its short name is the
    # county's short form the text was read for, as in 平安工程)
    supported = {county for county in named if any(
        short in text for short in map(_short_town, gaz.towns(county))
        if short and not gaz.get(county).name.startswith(short))}
    return gaz.get(supported.pop()) if len(supported) == 1 else None


def _short_town(town: Division) -> str:
    """A town's name without its level word, if two to four Chinese characters remain
    (齐村 of 齐村镇), else ''."""
    suffix = next((s for s in _TOWN_SUFFIXES if town.name.endswith(s)), None)
    short = town.name[:-len(suffix)] if suffix else ""
    return short if 2 <= len(short) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in short) else ""

