"""Statistics: the figures a report states, about a place, agency or programme.

    承德现有农村食品安全协管员2904名
      -> Statistic(about=<承德市>, value=2904, unit=名, measure=农村食品安全协管员)
    2022年，全市违法犯罪警情同比下降21.2%
      -> Statistic(about=<全市>, value=21.2, unit=%, measure=违法犯罪警情,
                   direction=下降, period=2022年)

Two components. `quantities` reads the numbers of each sentence (kg/relate/numbers.py) as
Quantity marks, drops those the rules of kg/rules/statistics.yaml call no figure (dates,
ordinals, ranges, addresses, parts of names) and marks the periods. `statistics` decides for
each figure what it is about (the subject of its clause, else the sentence's, else the
article's focus), what it counts (`kg.relate.measures`) and in which direction it moved.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from kg.components import component
from kg.doc import Doc, Mark, Sent
from kg.keys import AgencyKey, EntityKey
from kg.model import ArticleExtraction, EntityType, Mention, Statistic
from kg.relate.clauses import Clauses, opens_clause
from kg.relate.measures import LIST_JOINS, measures_of
from kg.relate.numbers import Quantity, find_quantities
from kg.relate.relations import lead_agency, nested_in_name
from kg.rules.engine import Context, Match
from kg.rules.lexicon import lexicon
from kg.rules.ruleset import check, rules

SUBJECT_TYPES = frozenset({EntityType.PLACE, EntityType.AGENCY, EntityType.PROGRAMME})
# what the rules of kg/rules/statistics.yaml say a subject does in its sentence
ROLES = ("founded", "beneficiary", "since")
# what only a body does (kg/rules/statistics.yaml): whose figure the clause gives
BODY_ACTS = ("enforcement", "bodies_of_a_place", "body_work", "stationed")
# the heads a short name ends with (kg/rules/lexicon.yaml): body words, programme heads
SHORT_NAME_HEADS = ("BODY_WORD", "STAT_PROGRAMME_HEAD", "BARE_BODY", "STAT_HOST")
NAME_LENGTH = 24      # the most characters of a quoted name (longer quotes are words said)


@check("inside_quotes")
def inside_quotes(match: Match, doc: Doc) -> bool:
    """Whether the match lies inside “…”, 「…」 or 《…》 (a name, a slogan, quoted speech)."""
    start, _ = match.span()
    return any(a <= start < b and not _report(match.sent, a, b)
               for a, b in _quoted(match.sent.text))


def _report(sent: Sent, start: int, end: int) -> bool:
    """Whether the quote from `start` to `end` is someone's account of results, whose figures
    are facts (“今年我们走访了全镇4.3万余户，排查化解矛盾纠纷167起。”, 调解员说：“…成立7年以来，
    共调解纠纷1100余起”): it opens the sentence or follows a colon, holds a clause of its own
    (a name or slogan holds no comma) and a tally over time (STAT_TALLY); a story or a question
    (“那天晚上我跑了他家7次。”) tells no result."""
    text = sent.text
    opens = start == 0 or text[:start].rstrip().endswith(("：", ":"))
    if not opens or not any(mark in text[start:end] for mark in "，,。；;！？"):
        return False
    return any(start <= sent.starts[i] < end for i in sent.class_starts("STAT_TALLY", lexicon()))


@check("glosses_a_name")
def glosses_a_name(match: Match, doc: Doc) -> bool:
    """Whether the match lies inside brackets opened right after a quoted name (“1+1+2+N”（1名
    民警、2名辅警）): they gloss the name's parts."""
    start, _ = match.span()
    text = match.sent.text
    names = {m.end for m in doc.spans_in(match.sent.index) if m.type is EntityType.PROGRAMME}
    return any(a in names or text[:a].endswith(("”", "\"", "》", "」"))
               for a, b in _bracketed(text) if a < start < b)


@check("spells_a_name")
def spells_a_name(match: Match, doc: Doc) -> bool:
    """Whether the match is one of a run of figures whose numbers, in order, spell the digits
    of a name the sentence gives, before the name or after it and a word that says what it
    means (STAT_GLOSS: 即, ：): they say what the name's numbers stand for (“541”诉源治理工作法：
    5名法官、4个巡回点、1个调解平台; “1+1”联动模式，即…1名民警和1名调解员; 依托其5大特征、
    5次发酵、18道工艺，构建起“5518多网融合治理体系”; “1+4+N”建设框架（1个县级中枢、4个镇街主
    阵地）), they count nothing. (But “5+10+N”入驻
    模式，5家核心单位常驻、10家…轮驻: the units a centre houses, its figures.)"""
    text, index = match.sent.text, match.sent.index
    start, end = match.span("figure")
    # (a bracket opened after the name glosses it too: “1+4+N”建设框架（1个县级中枢、4个…）)
    glosses = tuple(lexicon().words("STAT_GLOSS")) + ("（", "(")
    named = list(_quoted(text)) + [(m.start, m.end) for m in doc.spans_in(index)
                                   if m.type is EntityType.PROGRAMME]
    spelt = {"".join(ch for ch in text[a:b] if ch.isdigit()) for a, b in named
             if b - a <= NAME_LENGTH and (end <= a or b <= start and any(
                 g in text[b:start] for g in glosses))}
    spelt = {d for d in spelt if len(d) >= 2}
    marks = sorted(doc.marks_in(index, "Quantity"), key=lambda m: m.start)
    numbers = [str(m.value.value) if m.value.value == int(m.value.value) else "." for m in marks]
    at = next((i for i, m in enumerate(marks) if (m.start, m.end) == (start, end)), None)
    if at is None or not spelt:
        return False
    # (a run may spell the start of the digits only: 18道工艺 is no quantity of its own)
    runs = ("".join(numbers[first:last]) for first in range(at + 1)
            for last in range(max(at + 1, first + 2), len(numbers) + 1))
    return any(d.startswith(run) for run in runs for d in spelt)


def _bracketed(text: str) -> list[tuple[int, int]]:
    """Spans of the (…) and （…） of `text`, each from its opening bracket to its closing one."""
    spans, opened = [], []
    for i, ch in enumerate(text):
        if ch in "(（":
            opened.append(i)
        elif ch in ")）" and opened:
            spans.append((opened.pop(), i + 1))
    return spans


@lru_cache(maxsize=256)
def _quoted(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(quoted_spans(text))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside “…”, 「…」 and 《…》; a sentence may open inside a quote, but a closing
    mark after quotes that opened and closed in the sentence is a typo (…和“”市级示范乡镇”),
    not the end of a quote begun before the sentence."""
    closing = {"“": "”", "《": "》", "「": "」"}
    spans, open_at, close = [], None, ""
    for i, ch in enumerate(text):
        if open_at is None and ch in closing:
            open_at, close = i, closing[ch]
        elif open_at is None and ch in "”》」" and not spans:
            spans = [(0, i + 1)]
        elif open_at is not None and ch == close:
            spans.append((open_at, i + 1))
            open_at = None
    return spans + ([(open_at, len(text))] if open_at is not None else [])


@component("quantities")
def quantities(doc: Doc) -> None:
    """Quantity marks for the figures of each body sentence, Period marks for its periods."""
    ruleset = rules("statistics")
    for sentence in doc.article.sentences:
        found = find_quantities(sentence.text)
        if not found:
            continue
        for q in found:
            doc.mark(Mark("Quantity", sentence.index, q.start, q.end, q, q.attrs()))
        ctx = ruleset.context(doc, doc.sent(sentence.index))
        if _imply_units(ctx):
            ctx = ruleset.context(doc, doc.sent(sentence.index))     # one that reads the new units
        dropped = {m.span("figure") for m in ruleset.matches(ctx, "not_a_figure")}
        doc.marks = [m for m in doc.marks if not (m.sentence == sentence.index
                                                  and (m.start, m.end) in dropped)]
        for m in _longest(list(ruleset.matches(ctx, "period"))):
            doc.mark(Mark("Period", sentence.index, *m.span(), m.text(), rule=m.rule.id))


def _imply_units(ctx: Context) -> bool:
    """The counting word a measure implies where the text writes none (实有人口5.1万: 人);
    whether there was one (else the context still reads the marks as they are)."""
    units = {m.span("figure"): m.rule.args["unit"]
             for m in rules("statistics").matches(ctx, "implied_unit")}
    if units:
        ctx.doc.marks = [_with_unit(mark, units.get((mark.start, mark.end)))
                         if mark.sentence == ctx.sent.index else mark for mark in ctx.doc.marks]
    return bool(units)


def _with_unit(mark: Mark, unit: str | None) -> Mark:
    if unit is None:
        return mark
    q = replace(mark.value, unit=unit, kind="count")
    return replace(mark, value=q, attrs=q.attrs())


def _longest(matches: list[Match]) -> list[Match]:
    """Of overlapping matches the longest (今年1—10月, not its 今年), like spaCy's filter_spans."""
    kept: list[Match] = []
    for m in sorted(matches, key=lambda m: (m.start - m.end, m.start)):
        if all(m.end <= k.start or k.end <= m.start for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


@component("statistics")
def statistics(doc: Doc) -> None:
    """The article's figures, each about its clause's subject or what the text goes on about."""
    ex, ruleset = doc.extraction, rules("statistics")
    lead = _lead(doc)
    default = lead or (ex.focus_places[0] if ex.focus_places else None)
    keys = {"agencies": {e.key for e in ex.entities if e.type is EntityType.AGENCY},
            "schemes": _schemes(doc)}
    subjects = _subjects(doc)
    found: list[Statistic] = []
    carried = paragraph = None
    programmes: list[Mention] = []     # those the paragraph has named so far
    for sentence in doc.article.sentences:
        if sentence.paragraph != paragraph:
            carried, paragraph, programmes = None, sentence.paragraph, []
        ctx = ruleset.context(doc, doc.sent(sentence.index))
        here = _with_short_names(ctx, subjects.get(sentence.index, []), lead)
        for ref in ruleset.matches(ctx, "programme_reference"):
            carried = _by_head(programmes, ref.text("head")) or carried
        programmes += [m for m in here if m.type is EntityType.PROGRAMME]
        if doc.marks_in(sentence.index, "Quantity"):
            started = _started_by_short_name(ctx)
            speaker = _speaker(doc, sentence.index)
            found += _figures(ctx, here, started or speaker or carried or default, lead, keys)
        subject = next((m for m in here if _may_carry(ctx, m)), None)
        if subject is not None and subject.start <= 20:
            carried = subject.key     # the next sentences of the paragraph go on about it
    ex.statistics = unique_statistics([_self_governed(st, ex) for st in found])


def _with_short_names(ctx: Context, here: list[Mention], lead: EntityKey | None
                      ) -> list[Mention]:
    """The sentence's subjects and the bodies and programmes it names by the last words of a
    name given before (顺店法庭…, after 禹州市人民法院顺店人民法庭; 联勤工作站共消除…, after
    “城市运行管理联勤工作站”) or by their word alone (法庭辖区受案数…下降9.4%, after 陈炉镇人民
    法庭) where a clause opens on them (kg/rules/statistics.yaml `short_name`, `bare_name`)."""
    sent = ctx.sent
    # (a sentence holding no head cannot name one: two in three are not tried; a head of one
    # character counts where it is a word of its own, as everywhere in the lexicon)
    if sent.classes(lexicon()).isdisjoint(SHORT_NAME_HEADS):
        return here
    found = _bare_names(ctx, here, lead)
    for match in rules("statistics").matches(ctx, "short_name"):
        start, most = match.span("word")
        # the words from `start` up to a token's end, longest first (联勤|工作|站, 法庭|辖区…)
        ends = sorted((e for e in sent.starts if start < e <= most), reverse=True)
        named = ((e, _named_as(ctx.doc, sent.index, sent.text[start:e])) for e in ends
                 if _modified_head(sent.text[start:e]))
        end, m = next(((e, m) for e, m in named if m is not None), (0, None))
        if m is not None and not any(o.start < end and start < o.end for o in here + found):
            found.append(replace(m, surface=sent.text[start:end], start=start, end=end,
                                 sentence=sent.index))
    return sorted(here + found, key=lambda m: m.start) if found else here


def _bare_names(ctx: Context, here: list[Mention], lead: EntityKey | None) -> list[Mention]:
    """The bodies a clause names by their word alone (法庭辖区…, 县级中心划分…): the one body
    of that kind the article named before, or the one it is about where it named several."""
    sent, found = ctx.sent, []
    for match in rules("statistics").matches(ctx, "bare_name"):
        start, end = match.span("word")
        word = match.text("word")
        named = {m.key: m for m in ctx.doc.spans if m.key and m.sentence < sent.index
                 and m.type is EntityType.AGENCY and _short_form(m.name).endswith(word)}
        m = named.get(lead) if len(named) > 1 else next(iter(named.values()), None)
        if m is not None and not any(o.start < end and start < o.end for o in here + found):
            found.append(replace(m, surface=sent.text[start:end], start=start, end=end,
                                 sentence=sent.index))
    return found


@lru_cache(maxsize=1024)
def _short_form(name: str) -> str:
    """`name` as a short name writes it, without the 人民 of its body words (禹州市法院顺店法庭)."""
    for word in lexicon().words("STAT_PEOPLES_BODY"):
        name = name.replace(word, word.removeprefix("人民"))
    return name


def _modified_head(word: str) -> bool:
    """Whether `word` is a body's or programme's head noun with words before it (联勤工作站,
    not 工作站 or 派出所 alone: a bare head may name any body of its kind, 派出所警力占比…)."""
    heads = _short_name_heads()
    # (its proper endings looked up in the set: a scan of every head per word cost 9% of a build)
    return word not in heads and any(word[i:] in heads for i in range(1, len(word)))


@lru_cache(maxsize=1)
def _short_name_heads() -> frozenset[str]:
    return frozenset(h for c in SHORT_NAME_HEADS for h in lexicon().words(c))


def _named_as(doc: Doc, index: int, word: str) -> Mention | None:
    """The body or programme named last before sentence `index` whose name ends with `word`."""
    fits = [m for m in doc.spans if m.key and m.sentence < index
            and (m.name.endswith(word) or _short_form(m.name).endswith(word))
            and len(m.name) > len(word) and m.type in (EntityType.AGENCY, EntityType.PROGRAMME)]
    return max(fits, key=lambda m: (m.sentence, m.start)) if fits else None


def _started_by_short_name(ctx: Context) -> EntityKey | None:
    """The body or programme named before whose start the sentence counts from, written by the
    last words of its name (“城市运行管理联勤工作站”… 自联勤工作站正式运行以来，…913余起)."""
    words = sorted((m.text("word") for m in rules("statistics").matches(ctx, "since_short")),
                   key=len, reverse=True)         # (the longest ending named wins)
    named = (_named_as(ctx.doc, ctx.sent.index, word) for word in words)
    return next((m.key for m in named if m is not None), None)


def _speaker(doc: Doc, index: int) -> EntityKey | None:
    """The body whose officer reports its work in quoted words in the first person (“今年我们
    走访了全镇4.3万余户…”汤家河派出所教导员曹文斌说。): named outside the quote, in the
    sentence or, where the quote ends it, in the next one."""
    ruleset, sent = rules("statistics"), doc.sent(index)
    quotes = [(a, b) for a, b in _quoted(sent.text) if _report(sent, a, b)]
    ctx = ruleset.context(doc, sent)
    if not any(a <= m.span()[0] < b for m in ruleset.matches(ctx, "first_person")
               for a, b in quotes):
        return None
    follows = [index + 1] if sent.text.rstrip().endswith("”") and index + 1 in doc.sents else []
    for i in [index] + follows:
        keys = {(m.start, m.end): m.key for m in doc.spans_in(i)}
        for m in ruleset.matches(ruleset.context(doc, doc.sent(i)), "speaker"):
            at = m.span("subject")
            if i != index or not any(a <= at[0] < b for a, b in quotes):
                return keys.get(at)
    return None


def _schemes(doc: Doc) -> set:
    """The programmes named as ways of working (“六维联调”工作体系, 该机制), not as posts,
    facilities or platforms: such a programme receives no cases and holds no meetings."""
    heads = tuple(lexicon().words("STAT_SCHEME"))
    return {m.key for m in doc.spans if m.type is EntityType.PROGRAMME
            and m.surface.rstrip("”\"」").endswith(heads)}


def _self_governed(st: Statistic, ex: ArticleExtraction) -> Statistic:
    """A village's or community's committee stands for the village in its figures (全村1200多户
    人家, 社区1460户居民): it is the village's self-government, not a body of the state. So do
    a place's own Party committee and government (乡党委、政府始终把综治维稳…作为中心工作来抓。
    …共排查、化解矛盾纠纷15件): they lead the place's work, whose results are the place's."""
    kind = getattr(st.about, "kind", None)
    leads = kind in lexicon().words("PLACE_LEADERSHIP") and st.about.parent is None
    if kind is None or not (kind in lexicon().words("SELF_GOVERNMENT") or leads):
        return st
    place = ex.agency_place.get(st.about)
    return replace(st, about=place) if place is not None else st


def _by_head(programmes: list[Mention], head: str) -> str | None:
    """The programme a head noun refers back to (…上线了“榕法e家”小程序。平台上线以来…): the
    last one named with that head, else the last one named."""
    if not programmes:
        return None
    return next((m.key for m in reversed(programmes) if m.surface.endswith(head)),
                programmes[-1].key)


def unique_statistics(statistics: list[Statistic]) -> list[Statistic]:
    """The first of each figure an article repeats (headline and body, lead and summary):
    one per (article, about, value, unit, measure)."""
    seen: set[tuple] = set()
    out = []
    for st in statistics:
        key = (st.article, st.about, st.value, st.unit, st.measure)
        if key not in seen:
            seen.add(key)
            out.append(st)
    return out


def _lead(doc: Doc) -> str | None:
    """A report about a police bureau gives its figures; a report on a district's Party
    committee or government gives the district's."""
    ex = doc.extraction
    lead = lead_agency(ex, doc.spans)
    place = ex.focus_places[0] if ex.focus_places else None
    if lead and place and lead.parent is None and lead.place == place \
            and lead.kind.endswith(("委", "人民政府")):
        return None
    return lead


def _subjects(doc: Doc) -> dict[int, list[Mention]]:
    """The places, agencies and programmes each sentence names (not a place inside a name);
    a body's Party committee stands for the body (徐州市公安局党委 配齐…民警)."""
    ex = doc.extraction
    out: dict[int, list[Mention]] = {}
    for m in doc.spans:
        if m.type in SUBJECT_TYPES and m.key and not nested_in_name(m, doc.spans_in(m.sentence)):
            if isinstance(m.key, AgencyKey) and m.key.kind == "党委" \
                    and (m.key.parent or not m.key.name) and m.key in ex.agency_parent:
                m = replace(m, key=ex.agency_parent[m.key])
            out.setdefault(m.sentence, []).append(m)
    return out


def _may_carry(ctx: Context, m: Mention) -> bool:
    """Whether the next sentences may go on about `m`: not the means of an adverbial phrase
    (依托“PPP”项目，升级改造“天网”…), nor the time since a programme began (自“X”运行以来), nor a
    programme the sentence sets up or runs (建立“三本台账”动态管理。). A
    demonstrative or an area word (该镇充分利用…, 在全县构建了…) is the subject it stands for."""
    ruleset = rules("statistics")
    if any(x.span("subject") == (m.start, m.end) for x in ruleset.matches(ctx, "since")):
        return False          # 自“X”运行以来，…: a time, not what the next sentences are about
    if m.type is EntityType.PROGRAMME and any(
            x.span()[1] <= m.start and ctx.sent.text[x.span()[1]:m.start] in ("", "“")
            for x in ruleset.matches(ctx, "set_up")):
        return False          # 打造“家门口”服务窗口。: what is done, not what goes on after
    clause_start = Clauses(ctx.sent.text).span(m.start)[0]
    return not any(clause_start <= x.span()[0] < m.start
                   for x in ruleset.matches(ctx, "instrumental"))


def _figures(ctx: Context, subjects: list[Mention], default: str | None, lead: str | None,
             keys: dict[str, set]) -> list[Statistic]:
    """The statistics of one sentence."""
    sent, doc = ctx.sent, ctx.doc
    ruleset = rules("statistics")
    marks = sorted(doc.marks_in(sent.index, "Quantity"), key=lambda m: m.start)
    figures: list[Quantity] = [m.value for m in marks]
    directions = {m.span("figure"): m.text("direction") + m.text("suffix")
                  for m in ruleset.matches(ctx, "direction")}
    # (every name a match spans: 市局和区委交办的, 南平、莆田、漳州、宁德等 name them all)
    described = [m.span() for m in ruleset.matches(ctx, "attributive")]
    describing = {(m.start, m.end) for m in subjects if any(a <= m.start and m.end <= b
                                                             for a, b in described)}
    roles = {role: {m.span("subject") for m in ruleset.matches(ctx, role)} for role in ROLES}
    acts = {a: [m.span()[0] for m in ruleset.matches(ctx, a)] for a in BODY_ACTS}
    heads = [m.span("head") for m in ruleset.matches(ctx, "programme_clause")]
    clauses = Clauses(sent.text)
    periods = sorted(doc.marks_in(sent.index, "Period"), key=lambda m: m.start)
    own = sorted((m for m in subjects if (m.start, m.end) not in describing), key=lambda m: m.start)
    out: list[Statistic] = []
    previous: tuple[Quantity, str] | None = None
    moved: set = set()
    people = [m for m in doc.spans_in(sent.index) if m.type is EntityType.PERSON]
    measures = measures_of(ctx, figures, own, periods, clauses, people)
    reached = _reached(ctx, figures, clauses, own)
    homes = [m.span()[1] for m in ruleset.matches(ctx, "personal")]
    for i, q in enumerate(figures):
        # (the last person named before the figure: 村民刘书涛被聘为石南村…，他…化解纠纷100余起)
        home = max((h for h in homes if h <= q.start), default=None)
        if home is not None and not any(home <= m.start < q.start for m in own):
            continue                  # 杨秀荣家一年可以增加6000元收入: a household's, no figure
        direction = directions.get((q.start, q.end), "")
        if not direction and previous and previous[1] and _listed(sent.text, previous[0], q):
            direction = previous[1]               # 分别同比下降8.7%、14.9%
        previous = (q, direction)
        about = reached[i] or _named_programme(q, clauses, own, heads, sent.text) \
            or _about(ctx, q, clauses, own, periods, default, roles)
        if _in_clause_after(q, clauses, acts["stationed"]):
            about = _host(doc, sent.index) or about
        about = _stationed_into(ctx, q, clauses, own) or about
        if about is None:
            continue
        if lead and about not in keys["agencies"]:
            about = _doer(q, about, clauses, own, lead, keys, acts, moved)
        period = next((p.value for p in reversed(periods) if p.end <= q.start), "")
        for measure in measures[i]:
            out.append(Statistic(
                about=about, value=q.value, unit=q.unit, measure=measure, evidence=sent.text,
                sentence=sent.index, qualifier=q.qualifier, direction=direction,
                period=period, surface=q.surface, article=doc.article.id))
    return out


def _doer(q: Quantity, about: EntityKey, clauses: Clauses, own: list[Mention], lead: EntityKey,
          keys: dict[str, set], acts: dict[str, list[int]], moved: set) -> EntityKey:
    """The lead body where only a body does what the clause of `q` says: 抓获…3名 (but 全市法院
    审结…: all of them, the place's); 受理的225起纠纷 where a programme is what the sentence goes
    on about as a way of working, not named in the clause (the clauses after it then go on
    about the body too)."""
    if _in_clause_before(q, clauses, acts["enforcement"]) \
            and not _in_clause_before(q, clauses, acts["bodies_of_a_place"]):
        return lead
    if about not in keys["schemes"]:          # a post or platform may do the work
        return about
    start = clauses.span(q.start)[0]
    if any(m.type is EntityType.PROGRAMME and start <= m.start < q.start for m in own):
        return about
    if about in moved or _in_clause_before(q, clauses, acts["body_work"]):
        moved.add(about)
        return lead
    return about


def _reached(ctx: Context, figures: list[Quantity], clauses: Clauses,
             subjects: list[Mention]) -> list[EntityKey | None]:
    """For each figure, the programme whose reach it gives (kg/rules/statistics.yaml `reach`):
    the programme its clause says covers what the figure counts."""
    keys = {(m.start, m.end): m.key for m in subjects}
    out: list[EntityKey | None] = [None] * len(figures)
    for match in rules("statistics").matches(ctx, "reach"):
        key, at = keys.get(match.span("subject")), match.span()[0]
        for i, q in enumerate(figures):
            if key is not None and clauses.same(q.start, at) and q.end <= at:
                out[i] = key
    return out


def _listed(text: str, before: Quantity, q: Quantity) -> bool:
    """Whether `q` follows `before` in one list of figures (8.7%、14.9%, 23.5%和19.6%; after a
    comma only a figure of the same unit: 下降12%，15起案件已破获 is a new clause)."""
    between = text[before.end:q.start].strip()
    return between in LIST_JOINS or between in ("，", ",") and before.unit == q.unit


def _named_programme(q: Quantity, clauses: Clauses, subjects: list[Mention],
                     heads: list[tuple[int, int]], text: str) -> str | None:
    """The programme named before the clause of `q` when the clause opens on a programme's head
    noun (“智安”平台…，平台上线以来…): the one named with that head, else the last one."""
    cs, _ = clauses.span(q.start)
    head = next((text[a:b] for a, b in heads if cs <= a < q.start), None)
    named = [m for m in subjects if m.type is EntityType.PROGRAMME and m.end <= cs]
    return _by_head(named, head) if head is not None else None


def _in_clause_after(q: Quantity, clauses: Clauses, at: list[int]) -> bool:
    """Whether a match starting `at` lies in the clause of `q`, after it."""
    _, end = clauses.span(q.start)
    return any(q.end <= a < end for a in at)


def _stationed_into(ctx: Context, q: Quantity, clauses: Clauses, own: list[Mention]
                    ) -> EntityKey | None:
    """The centre the clause of `q` says what it counts is stationed in (选聘2名专职调解员进驻
    县综治中心), or an earlier clause says units moved into where the clause of `q`, with no
    subject of its own, counts who is there (…整体入驻中心，现有工作人员12名): its staff."""
    hosts = tuple(lexicon().words("STAT_HOST"))
    start, end = clauses.span(q.start)
    centres = {(m.start, m.end): m.key for m in ctx.doc.spans_in(ctx.sent.index)
               if m.name.endswith(hosts)}
    for match in rules("statistics").matches(ctx, "stationed_into"):
        at = match.span()[0]
        into = centres.get(match.span("subject")) if match.has("subject") else \
            _host(ctx.doc, ctx.sent.index)
        if into is None:
            continue
        if q.end <= at < end or at < start and not any(start <= m.start < q.start for m in own):
            return into
    return None


def _host(doc: Doc, sentence: int) -> EntityKey | None:
    """The centre named last up to `sentence` (STAT_HOST: 综治中心, 工作站), that units are
    stationed in."""
    hosts = tuple(lexicon().words("STAT_HOST"))
    named = [m for m in doc.spans if m.sentence <= sentence and isinstance(m.key, AgencyKey)
             and m.key.kind.endswith(hosts)]
    return max(named, key=lambda m: (m.sentence, m.start)).key if named else None


def _in_clause_before(q: Quantity, clauses: Clauses, at: list[int]) -> bool:
    """Whether a match starting `at` lies in the clause of `q`, before it."""
    start = clauses.span(q.start)[0]
    return any(start <= a < q.start for a in at)


def _about(ctx: Context, q: Quantity, clauses: Clauses, subjects: list[Mention],
           periods: list[Mark], default: str | None, roles: dict[str, set[tuple[int, int]]]
           ) -> str | None:
    """The subject of the number's clause, else the sentence's, else the article's focus."""
    cs, _ = clauses.span(q.start)
    before = [m for m in subjects if m.end <= q.start]
    in_clause = [m for m in before if m.start >= cs]
    receiving = [m for m in in_clause if (m.start, m.end) in roles["beneficiary"]]
    if receiving:
        return receiving[-1].key                # 为拉林村购买茶苗110余亩: the village's
    opener = next((m for m in in_clause if opens_clause(ctx, m.start, cs, periods)), None)
    if opener is not None and opener.type is EntityType.PLACE:
        return _head_of_chain(opener, in_clause).key
    for m in reversed(in_clause):
        if m.surface.startswith("全") and q.start - m.end <= 1:
            return m.key                        # 在全市7个区县: the place's own parts
    if opener is not None:                     # 瓦房店市公安局已在全市建成…68个, “一村一辅警”
        return _head_of_chain(opener, in_clause).key   # 覆盖全县村(社区)70%: its reach
    for m in reversed(in_clause):
        if m.surface.startswith("全"):          # 全市23个县, 对全区28栋写字楼
            return m.key
    started = [m for m in before if (m.start, m.end) in roles["since"]]
    if started and not in_clause and not any(
            m.type is not EntityType.PROGRAMME and m.start > started[-1].end for m in before):
        return started[-1].key                  # 实行“联勤警务”模式以来，…发案同比下降52.3%
    # (but X县实施“P”以来，全县发案数…下降，今年…下降48%: the area the sentence goes on about)
    for m in reversed(before):
        if m.start < cs and m.type is EntityType.AGENCY and (m.start, m.end) in roles["founded"]:
            return m.key                        # 率先成立物业巡回法庭，累计审理…
    for m in reversed(before):
        if m.start < cs and opens_clause(ctx, m.start, clauses.span(m.start)[0], periods):
            return _head_of_chain(m, before).key
    if in_clause:
        return in_clause[-1].key
    return default


def _head_of_chain(m: Mention, mentions: list[Mention]) -> Mention:
    """The last of mentions written back to back: 陕西省铜川市 is about 铜川市."""
    for other in mentions:
        if other.start == m.end:
            return _head_of_chain(other, mentions)
    return m
