"""Coreference: forms that stand for a place or body the article names elsewhere.

The forms are the rules of kg/rules/coreference.yaml; what each stands for is decided here:

    全市, 该县, 本区, 我县   the place of that level the sentence named last, else the article's
                            place in focus of that level
    该机制, 这一平台        the programme named last before it
    该局, 本所, 全所        the latest body of that kind named before
    市局, 县局              the place in focus's 公安局
    工作室调处纠纷160余起    a body word opening a clause alone: the latest such body or facility
    社区把辖区划成36个网格   社区/村里/镇里 opening a clause: the community, village or town named last

Each becomes a mention (attrs `coreference`) keyed to what it stands for, so relations and
statistics read it like any other.
"""
from __future__ import annotations

from kg.components import component
from kg.doc import Doc
from kg.keys import AgencyKey
from kg.model import EntityType, LocalEntity, Mention
from kg.resolve.focus import Focus, PlaceKeys, focus_of, home_mention, named_before
from kg.rules.engine import Match
from kg.rules.ruleset import rules
from kg.vocab import LEVEL_OF_WORD



@component("coreference")
def coreference(doc: Doc) -> None:
    ruleset = rules("coreference")
    home = home_mention(doc)
    keys = PlaceKeys(doc.spans + ([home] if home else []))
    focus = focus_of(doc.spans, keys, home)
    resolved = list(doc.spans)
    found: list[Mention] = []
    for sent in doc.body():
        ctx = ruleset.context(doc, sent)
        found += [m for match in ruleset.matches(ctx, "place")
                  if (m := _place_form(doc, match, keys, focus)) is not None]
        found += [m for match in ruleset.matches(ctx, "agency")
                  if (m := _agency_form(doc, match, resolved, focus)) is not None]
        found += [m for match in ruleset.matches(ctx, "bare_body")
                  if (m := _bare_body(match, resolved)) is not None]
        found += [m for match in ruleset.matches(ctx, "local_place")
                  if (m := _local_place(match, resolved)) is not None]
        found += [m for match in ruleset.matches(ctx, "programme")
                  if (m := _this_programme(match, resolved)) is not None]
    doc.spans = sorted(resolved + found, key=lambda m: (m.sentence, m.start))
    doc.align()


def _mention(match: Match, part: str, kind: EntityType, name: str, key, **attrs) -> Mention:
    start, end = match.span(part)
    return Mention(kind, match.sent.text[start:end], start, end, match.sent.index, name=name,
                   key=key, attrs={"coreference": True, **attrs}, rule=match.rule.id)


def _place_form(doc: Doc, match: Match, keys: PlaceKeys, focus: Focus) -> Mention | None:
    """全市, 该县: the place of that level the sentence named last, else the one in focus."""
    char = match.text("form")[-1]
    level = LEVEL_OF_WORD.get(char)
    if level is None:
        return None
    start, _ = match.span("form")
    place = named_before(doc.spans, keys, match.sent.index, start, level, char) \
        or focus.place(level, char)
    if place is None:
        return None
    return _mention(match, "form", EntityType.PLACE, place.name, place.key)


def _agency_form(doc: Doc, match: Match, resolved: list[Mention], focus: Focus) -> Mention | None:
    """该院, 全所: the latest such body named; 市局: the place in focus's 公安局."""
    form = match.text("form")
    agency = None
    if form[0] in "该全":
        agency = _latest_named(form[1:], resolved, match.sent.index, match.span("form")[0],
                               doc.extraction.entities)
    agency = agency or _agency_in_focus(doc, form, focus)
    if agency is None:
        return None
    return _mention(match, "form", EntityType.AGENCY, agency.name, agency.key)


def _latest_named(body: str, resolved: list[Mention], sentence: int, start: int,
                  entities: list[LocalEntity]) -> LocalEntity | None:
    before = [m for m in resolved if m.type is EntityType.AGENCY and m.key
              and (m.sentence, m.start) < (sentence, start) and m.name.endswith(body)]
    if not before:
        return None
    latest = max(before, key=lambda m: (m.sentence, m.start))
    return next((e for e in entities if e.key == latest.key), None)


def _agency_in_focus(doc: Doc, form: str, focus: Focus) -> LocalEntity | None:
    """市局 is the 公安局 of the 市 in focus; 全局, 该所 the body of that kind serving the place
    in focus (全局 in a report on 台儿庄 is 台儿庄分局, not the city's bureau named before)."""
    ex = doc.extraction
    agencies = [e for e in ex.entities if isinstance(e.key, AgencyKey)]
    if form.endswith("局") and form[0] in "市县区":
        place = focus.place(char=form[0])
        if place is not None:
            return next((e for e in agencies if e.key == AgencyKey("公安局", place=place.key)), None)
    fits = [e for e in agencies if e.key.kind.endswith(form[-1]) or e.name.endswith(form[1:])]
    here = focus.place()
    local = [e for e in fits if here is not None and ex.agency_place.get(e.key) == here.key]
    return (local or fits or [None])[0]


def _bare_body(match: Match, resolved: list[Mention]) -> Mention | None:
    """联防队由…组成, 工作室调处纠纷160余起: the latest body or facility of that kind named
    before (a body word that is part of a name found is none)."""
    word, (start, end) = match.text("word"), match.span("word")
    index = match.sent.index
    named = [m for m in resolved if m.key and not m.attrs.get("coreference")
             and m.type in (EntityType.AGENCY, EntityType.PROGRAMME)]
    if any(m.sentence == index and m.start <= start < m.end for m in named):
        return None
    before = [m for m in named if (m.sentence, m.start) < (index, start)
              and m.name.endswith(word) and len(m.name) > len(word)]
    if not before:
        return None
    m = max(before, key=lambda m: (m.sentence, m.start))
    return _mention(match, "word", m.type, m.name, m.key)


def _this_programme(match: Match, resolved: list[Mention]) -> Mention | None:
    """该机制, 这一平台: the programme named last before it (of that head, if one has it)."""
    start, _ = match.span()
    index, word = match.sent.index, match.text("word")
    before = [m for m in resolved if m.type is EntityType.PROGRAMME and m.key
              and (m.sentence, m.start) < (index, start)]
    if not before:
        return None
    fitting = [m for m in before if m.surface.endswith(word) or m.name.endswith(word)]
    m = max(fitting or before, key=lambda m: (m.sentence, m.start))
    found = _mention(match, "word", EntityType.PROGRAMME, m.name, m.key)
    found.start, found.surface = start, match.text()          # the whole 该机制
    return found


def _local_place(match: Match, resolved: list[Mention]) -> Mention | None:
    """社区把辖区划成36个微网格, 村里有寨管家12名: the community, village or town last named."""
    level = "town" if match.text("word")[0] == "镇" else "village"
    index = match.sent.index
    named = [m for m in resolved if m.type is EntityType.PLACE and m.attrs.get("level") == level
             and m.sentence <= index and not m.attrs.get("coreference")]
    if not named:
        return None
    place = max(named, key=lambda m: (m.sentence, m.start))
    return _mention(match, "word", EntityType.PLACE, place.name, place.key, level=level)

