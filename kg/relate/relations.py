"""Relations between an article's entities, each with the sentence that said it.

    partOf, locatedIn, subOrganizationOf   the gazetteer and the agencies' keys
    implementedBy, implementedIn           the body and place a programme's sentence is about
                                           (or the article's, `lead_agency`); bodies that only
                                           attend, visit, direct, speak or issue a title there
                                           do not act (`Cues.bystanders`, the rules' actions)
    issuedBy                               the body a document's title names, that is written
                                           before it (X、Y《…》), or that issues it
    holdsPost                              the post a title before or after a name gives

The words that say who acts, who issues and who holds a post are the rules of
kg/rules/relations.yaml (its head lists the actions); the functions here read their matches,
sentence by sentence (`Cues`), and build the relations.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache, cached_property

from kg.doc import Doc
from kg.gazetteer import gazetteer
from kg.keys import AgencyKey, PlaceKey
from kg.lexicons import words
from kg.model import ArticleExtraction, EntityType, LocalEntity, Mention, Relation, TITLE_SENTENCE
from kg.resolve.entities import place_lineage, within
from kg.rules.engine import Context, Match
from kg.rules.lexicon import lexicon
from kg.rules.ruleset import Rule, check, rules
from kg.vocab import Predicate

Span = tuple[int, int]
Post = tuple[AgencyKey, str]          # the body and the role


class Cues:
    """One sentence's mentions and the relation rules' matches in it: a whole action's, or
    one where a relation asks for it (a sentence no rule is asked about is never matched)."""

    def __init__(self, doc: Doc, index: int):
        self.doc, self.index = doc, index
        self.text = doc.sents[index].text
        self.mentions = doc.spans_in(index)
        self.agencies = [m for m in self.mentions if m.type is EntityType.AGENCY]

    @cached_property
    def ctx(self) -> Context:
        return rules("relations").context(self.doc, self.doc.sents[self.index])

    def matches(self, action: str) -> list[Match]:
        return rules("relations").matches(self.ctx, action)

    def parts(self, action: str, name: str | None = None) -> set[Span]:
        """Where the matches of `action` (or their part `name`) are, in characters."""
        return {m.span(name) for m in self.matches(action) if name is None or m.has(name)}

    def match(self, action: str, start: int | None = None, end: int | None = None,
              **parts: Span) -> Match | None:
        """The first match of a rule of `action` (in file order) from character `start` (or
        wherever the rule can start) to `end` (or wherever it ends) whose named `parts` are
        the spans given, traced as `RuleSet.matches` traces its matches."""
        sent, ctx = self.doc.sents[self.index], self.ctx
        first = None if start is None else sent.token_at(start)
        last = None if end is None else sent.token_at(end)
        if start is not None and first is None or end is not None and last is None:
            return None             # not on token boundaries: no rule can match there
        for rule in _rules_of(action):
            for pattern in rule.patterns:
                if not all(map(ctx.holds, pattern.needs)):
                    continue        # the sentence lacks a word the pattern needs
                starts = [first] if first is not None else \
                    [s for s in pattern.starts(ctx) if last is None or s < last]
                for token in starts:
                    m = pattern.match_at(ctx, token, last)
                    if m is not None and _has_parts(m, parts) and rule.applies(m, self.doc):
                        m.rule = rule
                        self.doc.trace.append((rule.id, self.index, *m.span()))
                        return m
        return None

    def agency(self, span: Span) -> Mention | None:
        return next((m for m in self.agencies if (m.start, m.end) == span), None)

    @cached_property
    def bystanders(self) -> set[Span]:
        """The bodies named here that do not act: a meeting's attendees (…肖申华参加仪式),
        the source of the news (X通报，…; 记者从X获悉), a body whose building is the topic
        (综治中心暨“雪亮工程”建设) and the issuers written before a document's title
        (中共中央办公厅、国务院办公厅《…》)."""
        if not self.agencies:
            return set()
        lists = self.parts("attendance")
        out = {(m.start, m.end) for m in self.agencies
               if any(s <= m.start and m.end <= e for s, e in lists)}
        out.update(self.parts("source", "body"))
        out.update(self.parts("built", "body"))
        for span in self.parts("issuer", "body"):
            out.update((m.start, m.end) for m in self.joined_before(span))
        return out

    def joined_before(self, span: Span) -> list[Mention]:
        """The body at `span` with those listed before it as acting with it (X、Y, X联合Y)."""
        body = self.agency(span)
        if body is None:
            return []
        out = [body]
        for previous in reversed([m for m in self.agencies if m.end <= body.start]):
            if not self.match("joint", previous.start, out[-1].start,
                              body=(previous.start, previous.end)):
                break
            out.append(previous)
        return out[::-1]


@cache
def _rules_of(action: str) -> tuple[Rule, ...]:
    """The rules of `action`, in file order."""
    return tuple(r for r in rules("relations").rules if r.action == action)


def _has_parts(m: Match, parts: dict[str, Span]) -> bool:
    return all(m.has(name) and m.span(name) == span for name, span in parts.items())


class SentenceCues(dict):
    """sentence index -> its `Cues`, made when first asked for."""

    def __init__(self, doc: Doc):
        super().__init__()
        self.doc = doc

    def __missing__(self, index: int) -> Cues:
        self[index] = cues = Cues(self.doc, index)
        return cues


def relations_of(doc: Doc) -> list[Relation]:
    """Every relation of a resolved article."""
    cues = SentenceCues(doc)
    # the article is about the bodies that act in it, not those at its meetings
    lead = lead_agency(doc.extraction, [m for m in doc.spans if not _bystander(m, cues)])
    return (structural_relations(doc.extraction) + programme_relations(doc, cues, lead)
            + document_relations(doc, cues, lead) + post_relations(doc, cues))


def _bystander(m: Mention, cues: SentenceCues) -> bool:
    return m.type is EntityType.AGENCY and (m.start, m.end) in cues[m.sentence].bystanders


def nested_in_name(m: Mention, mentions: list[Mention]) -> bool:
    """A place written inside another name: the 徐州 of 徐州公安, the 浏阳市 of 浏阳市公安局."""
    return m.type is EntityType.PLACE and any(
        o.type is not EntityType.PLACE and o.sentence == m.sentence and o.start <= m.start
        and m.end <= o.end and o.length > m.length for o in mentions)


def _evidence(ex: ArticleExtraction, sentence: int) -> str:
    return ex.article.sentence_text(sentence)


# ------------------------------------------------------------------ from the keys

def structural_relations(ex: ArticleExtraction) -> list[Relation]:
    """partOf from the gazetteer, locatedIn and subOrganizationOf from agency names."""
    places = {e.key: e for e in ex.entities if e.type is EntityType.PLACE}
    agencies = {e.key: e for e in ex.entities if e.type is EntityType.AGENCY}
    out = []
    for key, ent in places.items():
        parent = next((a for a in place_lineage(key) if a in places), None)
        if parent is not None:
            sentence = min(ent.sentences)
            out.append(Relation(key, Predicate.PART_OF, parent, sentence,
                                evidence=_evidence(ex, sentence)))
    for key, ent in agencies.items():
        sentence = min(ent.sentences)
        evidence = _evidence(ex, sentence)
        place = ex.agency_place.get(key)
        # one place, the most specific its name gives (GUIDELINES: the agency's jurisdiction
        # or seat): a station named after a town (X县公安局Y派出所, Y司法所, Y法庭) is in Y镇
        # only, its county is its parent body's place; with no town named it is the county's
        if place in places:
            out.append(Relation(key, Predicate.LOCATED_IN, place, sentence, evidence=evidence))
        parent = ex.agency_parent.get(key) or station_parent(key, ex, agencies)
        if parent in agencies:
            out.append(Relation(key, Predicate.SUB_ORGANIZATION_OF, parent, sentence,
                                evidence=evidence))
    return out


def station_parent(key: AgencyKey, ex: ArticleExtraction, agencies: Iterable[AgencyKey]
                   ) -> AgencyKey | None:
    """The body a station its name does not place under one belongs to (会宁县郭城派出所 of
    会宁县公安局, 印台区陈炉镇人民法庭 of 印台区人民法院): the one body of its parent kind
    (kg/lexicons/station_parents.txt) the article names for its place or the places above it,
    up to its county (a city's bureau above an unnamed county bureau is no parent to assert)."""
    kinds = {parent for unit, parent in _station_parents() if unit == key.kind}
    where = ex.agency_place.get(key)
    if not kinds or key.parent is not None or where is None:
        return None
    for place in [where, *place_lineage(where)]:
        found = [a for a in agencies if a.kind in kinds and not a.name
                 and ex.agency_place.get(a) == place]
        if found:
            return found[0] if len(found) == 1 else None
        if _county_level(place):
            return None
    return None


@cache
def _station_parents() -> tuple[tuple[str, str], ...]:
    return tuple(tuple(entry.split("/")) for entry in words("station_parents"))


def _county_level(place: PlaceKey) -> bool:
    """Whether the gazetteer lists `place` as a county (not a city, a province or a town)."""
    return bool(place.division) and gazetteer().get(place.division).level == "county"


def lead_agency(ex: ArticleExtraction, mentions: list[Mention], at_least: int = 2) -> str | None:
    """The agency an article is about, when it is about one: named at least `at_least`
    times (a headline mention counts three), the one serving the place in focus first
    (an article on 台儿庄 is about 台儿庄分局, not the city's bureau above it). A town's body
    named by the town's level word (镇综治中心) does not count: the report is on the town,
    whose instrument the body is, and the town's programmes are the town's."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type is EntityType.AGENCY and m.key and not m.attrs.get("government") \
                and not m.attrs.get("level_form"):
            counts[m.key] = counts.get(m.key, 0) + (3 if m.sentence == TITLE_SENTENCE else 1)
    known = {e.key for e in ex.entities}
    focus = ex.focus_places[0] if ex.focus_places else None
    first = {k: i for i, k in enumerate(counts)}     # ties: the one named first
    ranked = sorted((k for k in counts if k in known and counts[k] >= at_least
                     and _near_focus(ex.agency_place.get(k), focus)),
                    key=lambda k: (ex.agency_place.get(k) != focus, -counts[k], _depth(k), first[k]))
    if ranked:
        return ranked[0]
    # the one body of the article, serving the place it is about, even if named once
    serving = [k for k in counts if k in known and (where := ex.agency_place.get(k)) and focus
               and (where == focus or within(where, focus))]
    return serving[0] if len(counts) == 1 and len(serving) == 1 else None


def _near_focus(where: PlaceKey | None, focus: PlaceKey | None) -> bool:
    """Whether a body serving `where` may lead an article about `focus`: it serves that place,
    one inside it or one above it (not a neighbour: an article on 鄞州区 that quotes 海曙区's
    bureau twice is not about that bureau)."""
    return where is None or focus is None or where == focus or within(where, focus) \
        or within(focus, where)


def _depth(key: AgencyKey) -> int:
    """How many bodies a unit lies under (公安局 0, its 分局 1, the 分局's 派出所 2)."""
    return 0 if key.parent is None else 1 + _depth(key.parent)


# ------------------------------------------------------------------ programmes

def programme_relations(doc: Doc, cues: SentenceCues, lead: AgencyKey | None
                        ) -> list[Relation]:
    """implementedBy / implementedIn: the agency and place that are the sentence's subject,
    else the article's `lead` agency and place in focus."""
    ex = doc.extraction
    found = [(r, guessed) for m in doc.spans if m.type is EntityType.PROGRAMME
             for r, guessed in _programme(m, cues, ex, lead)]
    # 永康“龙山经验” … later “龙山经验”“普陀模式”的生根发芽: where a sentence places the
    # programme, the place in focus is no guess for the sentences that do not
    placed = {r.subject for r, guessed in found
              if r.predicate is Predicate.IMPLEMENTED_IN and not guessed}
    return [r for r, guessed in found if not (guessed and r.subject in placed)]


def _programme(prog: Mention, cues: SentenceCues, ex: ArticleExtraction,
               lead: AgencyKey | None) -> list[tuple[Relation, bool]]:
    """The bodies that run one programme and the places where it runs, each with whether it
    is only the article's place in focus (a guess, no body or place of its sentence)."""
    cue = cues[prog.sentence]
    before = [m for m in cue.mentions if m.end <= prog.start
              and (m.start, m.end) not in cue.bystanders]
    bodies, lead, spoken = _actors(prog, before, cues, lead)
    agency = bodies[0] if bodies else lead
    # where: the places named before it (not one inside a body's name: the 浏阳市 of
    # 浏阳市公安局大瑶派出所), else the place whose official speaks of it, else where its
    # bodies serve (该所还与箭盘社区居委会共建: the station's street and the community), else
    # the place in focus
    places = _listed_places(before, cue) or spoken
    focus = ex.focus_places[0] if ex.focus_places else None
    wheres = places or [ex.agency_place.get(agency) or focus,
                        *(ex.agency_place.get(b) for b in bodies[1:])]
    if places and bodies:
        # 长安大队…在韦曲街道、郭杜街道开展: the streets, and the district the body serves
        wheres.append(ex.agency_place.get(agency))
    wheres = [_within_province(w, focus) for w in wheres]
    out = [(Relation(prog.key, Predicate.IMPLEMENTED_BY, body, prog.sentence, evidence=cue.text),
            False) for body in bodies or [agency] if body]
    # (全区已有…注册使用该APP: the sentence names the place in focus as a whole, no guess)
    guessed = not places and agency is None and focus not in {
        m.key for m in cue.mentions if m.type is EntityType.PLACE}
    return out + [(Relation(prog.key, Predicate.IMPLEMENTED_IN, where, prog.sentence,
                            evidence=cue.text), guessed)
                  for where in dict.fromkeys(w for w in wheres if w)]


def _within_province(where: PlaceKey | None, focus: PlaceKey | None) -> PlaceKey | None:
    """In an article about a place inside a province, the province a programme's sentence names
    (广西公安厅…该县推行; 四川知名法治品牌|“X”) says whose region it is, not where the programme
    runs: that is the place in focus. (An article about the province keeps it: focus is the
    province.)"""
    if where is None or focus is None or where == focus or not where.division \
            or gazetteer().get(where.division).level != "province" or not within(focus, where):
        return where
    return focus


def _actors(prog: Mention, before: list[Mention], cues: SentenceCues, lead: AgencyKey | None
            ) -> tuple[list[AgencyKey], AgencyKey | None, list]:
    """The bodies a programme's sentence says run it; the `lead` body if it may run it where
    they are not named (else None); the place of an official who speaks of it after a quote
    (a body's staff speak of their superiors' programmes too: a body speaking decides nothing)."""
    cue = cues[prog.sentence]
    speaker = _speaker_after(prog, cue) or _speaker_next(prog, cues)
    if speaker is not None and speaker.type is EntityType.PLACE:
        return [], None, [speaker.key]      # “…”龙塔街道有关负责人介绍: the street's
    if _doctrine(prog) and (prog.start, prog.end) not in cue.parts("practice", "programme"):
        return [], None, []                 # 在新时代“枫桥经验”实践中: named in passing
    owner = _item_owner(prog, cue)
    if owner is not None:           # …建设、秀峰区解东社区“智慧小区”创建: its own item's
        return ([owner.key], lead, []) if owner.type is EntityType.AGENCY else \
            ([], None, [owner.key])
    if _place_takes_over(before, cue):
        return _launchers(prog, cue), None, []
    bodies = _subject_bodies(before, prog.start, cue) or _launchers(prog, cue)
    if not bodies and lead and (_place_is_subject(before, cue) or not _acted_on(prog, cue)):
        lead = None         # 铜川市打造了“大调解”格局: the city's, no body named
    return bodies, lead, []


def _acted_on(prog: Mention, cue: Cues) -> bool:
    """Whether the programme's clause does something to it (推行“X”, 以“X”为依托): its unnamed
    doer may be the article's lead body; a programme that is its clause's subject (“X”上线一年
    来), or that only names what a noun is (“X”调解员, 通过“X”平台上报), is run by no body
    the sentence shows. (A headline says no verb: its programme is the lead body's topic.)"""
    return prog.sentence == TITLE_SENTENCE or \
        cue.match("acted_on", end=prog.end, programme=(prog.start, prog.end)) is not None


def _speaker_after(prog: Mention, cue: Cues) -> Mention | None:
    """The place or body whose official speaks the quote the programme is named in, when the
    speaker follows the quote (“…‘三融一体’机制…”双河街道有关负责人说)."""
    if "”" not in cue.text[prog.end:]:
        return None
    for match in cue.matches("quote_speaker"):
        if match.span("open")[0] <= prog.start and prog.end <= match.span("speaker")[0]:
            span = match.span("speaker")
            return next((m for m in cue.mentions if (m.start, m.end) == span
                         and m.type in (EntityType.PLACE, EntityType.AGENCY)), None)
    return None


def _speaker_next(prog: Mention, cues: SentenceCues) -> Mention | None:
    """The place or body whose official opens the next sentence as the speaker of the quote
    this sentence is (“…‘三融一体’机制…。” / 双河街道有关负责人说。)."""
    text = cues[prog.sentence].text.strip()
    if not (text.startswith("“") and text.endswith("”")) or prog.sentence + 1 not in cues.doc.sents:
        return None
    cue = cues[prog.sentence + 1]
    match = next(iter(cue.matches("next_speaker")), None)
    if match is None:
        return None
    span = match.span("speaker")
    return next((m for m in cue.mentions if (m.start, m.end) == span
                 and m.type in (EntityType.PLACE, EntityType.AGENCY)), None)


def _doctrine(prog: Mention) -> bool:
    """Whether the programme is a general doctrine (枫桥经验), named by every body that cites it."""
    return str(prog.name or prog.key).endswith(tuple(lexicon().words("DOCTRINE_WORD")))


def _subject_bodies(before: list[Mention], target: int, cue: Cues, governments: bool = False
                    ) -> list[AgencyKey]:
    """The bodies that run what is written at `target`: the clause's first body, and those
    it acts with (薛家岛派出所联合黄岛区司法局…设立…: both); else the body named nearest
    before. A government counts only with `governments` (it issues documents, it runs
    nothing); bodies that only guide (在…领导下) or speak about it (说，“…”) do not."""
    bodies = [m for m in before if m.type is EntityType.AGENCY
              and (governments or not m.attrs.get("government"))]
    if bodies:
        guided = cue.parts("guidance")
        quotes = [(m.span("open")[0], m.span()[1]) for m in cue.matches("quote")]
        bodies = [m for m in bodies if not any(s <= m.start < e for s, e in guided)
                  and not any(m.end <= q <= target <= e for q, e in quotes)]
    if len(bodies) < 2:
        return [m.key for m in bodies]
    last = bodies[-1]
    # the clause the body acts in: after the last full stop, or after 某某介绍，; a body
    # followed by 的 (在X的指导下, X主管的) is a circumstance, not the subject
    clause = max((e for _, e in cue.parts("clause_start") if e <= last.start), default=0)
    first = next((m for m in bodies if m.start >= clause
                  and not cue.match("circumstance", m.start, body=(m.start, m.end))), last)
    at = bodies.index(first)
    out = [first.key]
    for previous, m in zip(bodies[at:], bodies[at + 1:]):
        if not cue.match("joint", previous.start, m.start, body=(previous.start, previous.end)):
            break
        out.append(m.key)
    return list(dict.fromkeys(out))


def _launchers(prog: Mention, cue: Cues) -> list[AgencyKey]:
    """“爨乡和事佬”是曲靖市委政法委2021年推出的…品牌: the body named as its launcher after it."""
    if not any(m.start > prog.end for m in cue.agencies):
        return []
    match = cue.match("launcher", prog.start, programme=(prog.start, prog.end))
    body = cue.agency(match.span("body")) if match else None
    return [body.key] if body else []


def _place_is_subject(before: list[Mention], cue: Cues) -> bool:
    """Whether the sentence is about a place acting by itself: it opens a clause with the
    place (after a time or 据介绍-like opener), with no body named before the programme."""
    places = [m for m in before if m.type is EntityType.PLACE
              and not nested_in_name(m, cue.mentions)]
    if not places or any(m.type is EntityType.AGENCY for m in before):
        return False
    place = places[0]
    return cue.match("place_opens_clause", end=place.end, place=(place.start, place.end)) \
        is not None


def _item_owner(prog: Mention, cue: Cues) -> Mention | None:
    """The place or body that owns the programme in a list of such items (甲派出所的“X”建设、
    乙社区“Y”创建和丙警务站“Z”): the last one named in its item, right before it."""
    match = next((m for m in cue.matches("list_item") if m.span("programme") ==
                  (prog.start, prog.end)), None)
    if match is None:
        return None
    span = match.span("owner")
    return next((m for m in cue.mentions if (m.start, m.end) == span
                 and m.type in (EntityType.PLACE, EntityType.AGENCY)), None)


def _place_takes_over(before: list[Mention], cue: Cues) -> bool:
    """Whether a place named after the last body opens a clause of its own before the
    programme (X局在米山镇试点…，小店区在坞城街道推行“网格警长”): the body acts in
    another clause, the place in this one."""
    last_body = max((m.end for m in before if m.type is EntityType.AGENCY), default=None)
    return last_body is not None and any(
        cue.match("place_subject", end=m.end, place=(m.start, m.end)) for m in before
        if m.type is EntityType.PLACE and m.start > last_body
        and not m.attrs.get("coreference") and not nested_in_name(m, cue.mentions))


def _listed_places(before: list[Mention], cue: Cues) -> list:
    """The places named before a programme: the nearest one, with those listed with it
    (在甘亭街道、草堂街道等镇街设立…: both streets)."""
    places = [m for m in before if m.type is EntityType.PLACE
              and not nested_in_name(m, cue.mentions) and not m.attrs.get("coreference")]
    if not places:
        return []
    out = [places[-1]]
    for m in reversed(places[:-1]):
        if not cue.match("place_list", m.start, out[-1].start, place=(m.start, m.end)):
            break
        out.append(m)
    return [m.key for m in reversed(out)]


# ------------------------------------------------------------------ documents

def document_relations(doc: Doc, cues: SentenceCues, lead: AgencyKey | None
                       ) -> list[Relation]:
    """issuedBy: the body a title starts with (郓城县公安局应急处突工作预案), or the body
    that 印发/出台/制定 it in its sentence, or — when the sentence names no body — the
    body the article is about (`lead`)."""
    ex = doc.extraction
    agencies = [e for e in ex.entities if e.type is EntityType.AGENCY]
    return [Relation(m.key, Predicate.ISSUED_BY, body, m.sentence, evidence=cues[m.sentence].text)
            for m in doc.spans if m.type is EntityType.DOCUMENT
            for body in _issuers(m, cues[m.sentence], agencies, lead)]


def _issuers(document: Mention, cue: Cues, agencies: list[LocalEntity],
             lead: AgencyKey | None) -> list[AgencyKey]:
    named = _named_in_title(document.name, agencies)
    if named is not None:
        return [named]
    span = (document.start, document.end)
    # 中共中央办公厅、国务院办公厅《…》: the bodies written before the title
    written = next((m for m in cue.matches("issuer") if m.span("document") == span), None)
    if written is not None:
        return [m.key for m in cue.joined_before(written.span("body"))]
    if not cue.match("issuing", end=document.end, document=span):
        return []
    before = [m for m in cue.mentions if m.end <= document.start
              and (m.start, m.end) not in cue.bystanders]
    # 思明区委政法委统筹…，出台《…》: the subject issues it; 区委、区政府印发: both
    subjects = _subject_bodies(before, document.start, cue, governments=True)
    if subjects:
        return subjects
    nearest = max((m for m in before if not m.attrs.get("coreference")
                   and m.type in (EntityType.AGENCY, EntityType.PLACE)),
                  key=lambda m: (m.end, m.type is EntityType.AGENCY), default=None)
    if nearest is not None and nearest.type is EntityType.PLACE:
        return []           # 铜川市出台《…》: a place's government, not a body we know
    return [lead] if lead else []


def _named_in_title(title: str, agencies: list[LocalEntity]) -> AgencyKey | None:
    """The agency whose name (of four characters or more) the title starts with, the longest."""
    named = [(len(name), ent.key) for ent in agencies for name in (ent.name, *ent.aliases)
             if len(name) >= 4 and title.startswith(name)]
    return max(named, key=lambda n: n[0])[1] if named else None


# ------------------------------------------------------------------ posts

def post_relations(doc: Doc, cues: SentenceCues) -> list[Relation]:
    """holdsPost from `<agency><title><name>`, `<name>是<agency>的<title>` and, for police
    titles, the station or bureau named just before; 副市长、公安局局长王某 gives two posts."""
    agencies = {e.key for e in doc.extraction.entities if e.type is EntityType.AGENCY}
    posts = [Relation(m.key, Predicate.HOLDS_POST, org, m.sentence, role=role,
                      evidence=cues[m.sentence].text)
             for m in doc.spans if m.type is EntityType.PERSON
             for org, role in _posts(m, cues, agencies) if org in agencies]
    return _most_specific(posts, doc.extraction.agency_parent)


def _most_specific(posts: list[Relation], parent: dict) -> list[Relation]:
    """One post where the same title is given once with a unit and once with a body above it
    (平定营派出所民警张某 … 瓮安县公安局民警张某): the unit's; a different title above it
    (分局党委委员、交警大队大队长) is a post of its own."""
    def above(key) -> Iterator:
        while (key := parent.get(key)) is not None:
            yield key
    held = {(r.subject, r.role, above_key) for r in posts for above_key in above(r.object)}
    return [r for r in posts if (r.subject, r.role, r.object) not in held]


def _posts(person: Mention, cues: SentenceCues, agencies: set[AgencyKey]) -> list[Post]:
    """The posts a person holds: in the bodies named with the title before the name, else
    (a police title) in the police body named last; else the post stated after the name."""
    cue = cues[person.sentence]
    posts: list[Post] = []
    role = person.attrs.get("role")
    if role:
        posts = list(_organisations(person.attrs.get("role_start", person.start - len(role)),
                                      role, cue, agencies))
        if not posts and cue.match("police_title", person.start, person.end):
            body = _recent_police_body(person, cues)
            posts = [(body, role)] if body in agencies else []
    if not posts and person.attrs.get("post"):
        # 杜某是新华街派出所的副所长, 郑某，鼓楼区委副书记、政法委书记，: read like a title
        posts = list(_organisations(person.attrs["post_start"], person.attrs["post"], cue,
                                    agencies))
    return posts or _post_after_name(person, cue)


def _organisations(end: int, role: str, cue: Cues, agencies: set[AgencyKey]) -> Iterator[Post]:
    """Walk back from the title `role` at `end` over `机构职务、机构职务`, yielding (agency
    key, role).

    铜川市司法局党组书记、局长王某 -> (司法局, 党组书记、局长);
    衢江分局党委委员、交警大队大队长朱某 -> (交警大队, 大队长), (衢江分局, 党委委员).
    """
    roles = [role]
    if not any(m.start < end for m in cue.agencies):
        return              # no body named before the title: no post in one
    while True:
        org, roles = _holder(cue, end, roles)
        if org is not None:
            if org.key in agencies:
                yield org.key, "、".join(roles)
            end, roles = org.start, []
        joined = cue.match("joined_title", end=end)
        if joined is None:
            return
        roles = [joined.text("title"), *roles]
        end = joined.span()[0]


def _holder(cue: Cues, end: int, roles: list[str]) -> tuple[Mention | None, list[str]]:
    """The body whose post the title at `end` is, and the roles with what belongs to the
    post in front (党委 of 分局党委副书记, 专职 of 专职调解员)."""
    # only the body named last before the title can hold it: the words between are no body
    nearest = max((m.end for m in cue.agencies if m.end <= end), default=None)
    for org in (m for m in cue.agencies if m.end == nearest):
        match = cue.match("post_body", org.start, end, body=(org.start, org.end))
        if match is not None:
            return org, [match.text("party") + match.text("modifier") + roles[0], *roles[1:]]
    # 湖坊镇党委书记, 东滩村村委会主任: the title begins with the body's own last word
    org = next((m for m in cue.agencies if m.start < end < m.end
                and len(roles[0]) > m.end - end and roles[0].startswith(cue.text[end:m.end])),
               None)
    if org is None:
        return None, roles
    return org, [roles[0][org.end - end:], *roles[1:]]


def _recent_police_body(person: Mention, cues: SentenceCues) -> AgencyKey | None:
    """A 民警 named with no body beside him serves in the police body named last: before
    him in his sentence, else in one of the two sentences before; where that is above the
    one unit the article tells of (its 公安局, the station's report), or none is, the unit."""
    doc, unit = cues.doc, _article_police_unit(person, cues)
    for index in (person.sentence, person.sentence - 1, person.sentence - 2):
        bodies = [m for m in doc.spans_in(index) if m.type is EntityType.AGENCY
                  and (index < person.sentence or m.end <= person.start)]
        body = next((m for m in reversed(bodies)
                     if cues[index].match("police_body", m.start, m.end)), None)
        if body is not None:
            return unit if unit is not None and body.key in _above(doc, unit) else body.key
    return unit


def _article_police_unit(person: Mention, cues: SentenceCues) -> AgencyKey | None:
    """The police unit the article tells of: the lowest of the police bodies it names (but
    in the person's sentence) when all of them are that unit or above it (a report on a
    station names its 分局 and 公安局 too); where it names two units side by side, none."""
    doc = cues.doc
    named = {m.key for m in doc.spans if m.type is EntityType.AGENCY
             and m.sentence >= TITLE_SENTENCE and m.sentence != person.sentence
             and cues[m.sentence].match("police_body", m.start, m.end)}
    lowest = [k for k in named if not any(k in _above(doc, other) for other in named)]
    if len(lowest) == 1 and named <= {lowest[0]} | _above(doc, lowest[0]):
        return lowest[0]
    return None


def _above(doc: Doc, key: AgencyKey) -> set[AgencyKey]:
    """The bodies the agency `key` belongs to, up its chain of parents."""
    parent, chain = doc.extraction.agency_parent, set()
    while (key := parent.get(key)) is not None and key not in chain:
        chain.add(key)
    return chain


def _post_after_name(person: Mention, cue: Cues) -> list[Post]:
    """张某，是雁塔分局电子城派出所的教导员 / 马某也是…调解委员会的调解员 / 现任…科科长."""
    if not any(m.start > person.end for m in cue.agencies):
        return []
    match = cue.match("post_after_name", person.start, person=(person.start, person.end))
    body = cue.agency(match.span("body")) if match else None
    return [(body.key, match.text("title"))] if body else []


@check("short_apposition")
def short_apposition(match: Match, doc: Doc) -> bool:
    """Whether what the commas set off after the name is short (2 to 24 characters): a
    longer stretch is a clause of its own, not the person's post."""
    return 2 <= (match.span()[1] - 1) - (match.span("person")[1] + 1) <= 24


@check("title_of_no_named_body")
def title_of_no_named_body(match: Match, doc: Doc) -> bool:
    """Whether the person's title has no place named before it in its clause: 都匀市看守所副所长
    王某 serves in a body of that place the text names (though no rule read it), not in the
    police body named last."""
    person = next(m for m in doc.spans_in(match.sent.index)
                  if (m.start, m.end) == match.span("person"))
    role_start = person.attrs.get("role_start", person.start)
    clause = max(match.sent.text.rfind(c, 0, role_start) for c in "，,、。；：") + 1
    return not any(m.type is EntityType.PLACE and clause <= m.start < role_start
                   for m in doc.spans_in(match.sent.index))


@check("police_body")
def police_body(match: Match, doc: Doc) -> bool:
    """Whether the body's name ends in a police body word (公安局, 派出所, 大队 …)."""
    span = match.span("body")
    ends = tuple(lexicon().words("POLICE_BODY"))
    return any((m.name or m.surface).endswith(ends) for m in doc.spans_in(match.sent.index)
               if m.type is EntityType.AGENCY and (m.start, m.end) == span)
