"""What a figure counts: a phrase of its clause, read from the tokens around it.

    划分260个治理微网格        -> 治理微网格      (the noun phrase after a counting word)
    承德现有农村食品安全协管员2904名 -> 农村食品安全协管员 (the clause before the number, without
                                                        its subject, period, opener and verb)
    刑事、治安警情分别下降19.57%、25.99% -> 刑事 / 治安警情  (a list of figures takes a list of
                                                           measures in order)
"""
from __future__ import annotations

import re

from kg.doc import Mark, Sent
from kg.model import Mention
from kg.words import dictionary_tag
from kg.relate.clauses import Clauses
from kg.relate.numbers import Quantity
from kg.rules.engine import Context

_MAX_MEASURE = 16
_NOT_IN_MEASURE = frozenset("“”\"《》（）()、")
# what a noun phrase after a counting word does not run into: 8家公司|共同研发
_ENDS_NOUN_PHRASE = frozenset({"d", "ad", "p", "c"})
# what a measure does not end with: adverbs and particles (交通事故更是|下降了40%)
_NOT_LAST = frozenset({"d", "u", "uj", "ul", "uz", "uv", "ug"})
# the tags of a word that is no noun (jieba tags 村 zg, 户 q): verbs, adverbs, particles …
_NOT_A_NOUN = tuple("vdpcuarmqft")
Word = tuple[str, str | None]
_COORDINATION = re.compile(r"[和及与、]")
# what joins the figures of a list: 8.7%、14.9%, 23.5%和19.6%
LIST_JOINS = ("、", "和", "及", "与", "以及")
_LEADING_JOIN = re.compile("^(?:" + "|".join(LIST_JOINS) + ")+")
_EACH = ("均", "都")


def measures_of(ctx: Context, figures: list[Quantity], subjects: list[Mention],
                periods: list[Mark], clauses: Clauses, people: list[Mention] = ()
                ) -> list[list[str]]:
    """For each figure of the sentence, the measures it gives a value of (usually one); no
    person is part of one (该医院支付李某|6000元工资, 李某拿到|赔偿款23万元)."""
    out: list[list[str]] = []
    previous: tuple[Quantity, str] | None = None
    named = sorted([*subjects, *people], key=lambda m: m.start)
    for i, q in enumerate(figures):
        measure = _after(ctx, q, clauses, figures) \
            or _before(ctx, q, figures, named, periods, clauses)
        if not measure and q.kind == "rate" and \
                (changed := _changed(i, ctx.sent.text, figures, out, clauses)):
            previous = (q, changed)       # the change of an earlier figure: its measure whole
            out.append([changed])
            continue
        if not measure and previous and clauses.same(previous[0].start, q.start):
            measure = previous[1]         # 占比从70%上升至90%: the same measure
        if not measure:                   # never empty: what the clause writes before it
            measure = _before(ctx, q, figures, named, periods, clauses, stripped=False) \
                or _before(ctx, q, figures, subjects, periods, clauses, stripped=False)
        previous = (q, measure)
        out.append(_parts(ctx.sent.text, i, measure, figures))
    return out


def _changed(i: int, text: str, figures: list[Quantity], earlier: list[list[str]],
             clauses: Clauses) -> str:
    """The measure of an earlier clause's figure whose change a bare rate gives: 破获案件168起，
    抓获嫌疑人97名，同比分别上升24.4%和19.8% (the list of changes in the order of the figures)."""
    group = _listed_with(i, text, figures)
    j = group[0] - len(group) + group.index(i)
    if group[0] < len(group) or clauses.same(figures[j].start, figures[i].start):
        return ""
    return earlier[j][0]


def _after(ctx: Context, q: Quantity, clauses: Clauses, figures: list[Quantity]) -> str:
    """The noun phrase right after a counting word: 260个|治理微网格, up to the next figure
    (19个|行政村|344个村民组, 2598名|专职社区民警|100%在社区任职)."""
    sent = ctx.sent
    _, clause_end = clauses.span(q.start)
    clause_end = min([clause_end, *(f.start for f in figures if f.start >= q.end)])
    first = sent.token_at(q.end)
    if q.kind not in ("count", "money") or first is None or q.end >= clause_end or \
            not "\u4e00" <= sent.text[q.end] <= "\u9fff":
        return ""
    if q.kind == "money" and not (sent.tag(first) or "").startswith(("n", "vn")):
        return ""                               # 6000元工资, not 360万元|打造示范点
    if sent.word(first) == "的":
        first += 1                              # 50人的机关巡防队
    if sent.word(first) in ctx.lex.words("STAT_DIRECTION"):
        return ""                               # 4638件下降为…: a change, not what is counted
    phrase, noun = "", False
    for i in range(first, len(sent)):
        if sent.starts[i] >= clause_end or i > first and (
                _stops(ctx, i) or sent.tag(i) in _ENDS_NOUN_PHRASE
                or noun and _verb_of_clause(sent, i)):
            break
        phrase += sent.word(i)
        noun = noun or (sent.tag(i) or "").startswith("n")
    phrase = phrase[:min(_MAX_MEASURE, clause_end - q.end)]
    if len(phrase) == 1:                        # 现有192个村、6个社区: a noun of its own, not
        end = q.end + 1                         # the first character of a longer word
        whole = end >= clause_end or sent.text[end] in LIST_JOINS
        return phrase if whole and not (sent.tag(first) or "v").startswith(_NOT_A_NOUN) else ""
    return phrase


def _verb_of_clause(sent: Sent, i: int) -> bool:
    """A verb that the counted noun does (1.6万余名网格员|结对), not a verb inside a noun
    (调解|室, 监控|点位): no noun follows it."""
    after = sent.tag(i + 1) if i + 1 < len(sent) else None
    return sent.tag(i) == "v" and len(sent.word(i)) > 1 \
        and not (after or "").startswith(("n", "v", "k"))


def _stops(ctx: Context, i: int) -> bool:
    word = ctx.sent.word(i)
    return word in _NOT_IN_MEASURE or word in ctx.lex.words("STAT_MEASURE_STOP") \
        or bool(ctx.sent.unit_ends("STAT_MEASURE_STOP", ctx.sent.starts[i]))


def _before(ctx: Context, q: Quantity, figures: list[Quantity], subjects: list[Mention],
            periods: list[Mark], clauses: Clauses, stripped: bool = True) -> str:
    """The clause before the number, without what is not the measure: its subject, an earlier
    figure, periods, openers, fillers, the direction of a change and a possessive verb."""
    start, _ = clauses.span(q.start)
    for other in figures:
        if start <= other.end <= q.start:
            start = other.end
    for m in subjects:
        if start <= m.start and m.end <= q.start:
            start = m.end
    words = _strip_front(ctx, _words_between(ctx.sent, start, q.start, periods),
                         ("，", ",", " ", *LIST_JOINS), "STAT_OPENER")
    if stripped:
        for _ in range(3):
            words = _strip_back(ctx, words, "STAT_MEASURE_TAIL")
            words = _cut_direction(ctx, words)
        words = _strip_front(ctx, words, (), "STAT_MEASURE_LEAD")
    return _LEADING_JOIN.sub("", "".join(w for w, _ in words)[-_MAX_MEASURE:])


def _words_between(sent: Sent, start: int, end: int, periods: list[Mark]) -> list[Word]:
    """The tokens (text, tag) from `start` to `end`, periods and spaces left out."""
    out = []
    for i in range(len(sent)):
        a, b = sent.starts[i], sent.starts[i + 1]
        if b <= start or a >= end or any(p.start <= a and b <= p.end for p in periods) \
                or sent.text[a:b].isspace():
            continue
        if start <= a and b <= end:
            out.append((sent.word(i), sent.tag(i)))
        else:                                   # a piece at an edge
            piece = sent.text[max(a, start):min(b, end)]
            out.append((piece, dictionary_tag(piece)))
    return out


def _strip_front(ctx: Context, words: list[Word], marks: tuple[str, ...], cls: str) -> list[Word]:
    entries = ctx.lex.words(cls)
    while words and (words[0][0] in marks or _made_of(words[0][0], entries)):
        words = words[1:]
    return words


def _strip_back(ctx: Context, words: list[Word], cls: str) -> list[Word]:
    entries = ctx.lex.words(cls)
    while words and (_made_of(words[-1][0], entries) or words[-1][1] in _NOT_LAST):
        words = words[:-1]
    return words


def _made_of(word: str, entries: frozenset[str]) -> bool:
    """Whether `word` is one entry or entries written together (均达, 已经达到)."""
    if word in entries:
        return True
    return any(word[:n] in entries and _made_of(word[n:], entries)
               for n in range(1, min(len(word), 4)))


def _cut_direction(ctx: Context, words: list[Word]) -> list[Word]:
    """刑事案件破案数同比上升 -> 刑事案件破案数同比: the change is the direction's, not the measure's."""
    directions = ctx.lex.words("STAT_DIRECTION")
    tail = words[-1:] if words and words[-1][0] in ("至", "到", "为") else []
    body = words[:len(words) - len(tail)]
    if body and body[-1][0] in directions:
        return body[:-1]
    return words


def _parts(text: str, i: int, measure: str, figures: list[Quantity]) -> list[str]:
    """One measure per statistic: 安全感和满意度均达98% reports two figures;
    立案、受损金额分别下降8.7%、14.9% gives each figure its own measure."""
    parts = [p for p in _COORDINATION.split(measure) if p]
    if len(parts) < 2:
        return [measure]
    q = figures[i]
    lead = text[max(0, q.start - 4):q.start]
    if any(each in lead for each in _EACH):
        return parts
    group = _listed_with(i, text, figures)
    if len(group) == len(parts):
        return [parts[group.index(i)]]     # 刑事、治安警情下降19.57%、25.99%: in order
    return [measure]


def _listed_with(i: int, text: str, figures: list[Quantity]) -> list[int]:
    """Indexes of the figures listed with figures[i]: 8.7%、14.9%, 23.5%和19.6%."""
    lo = hi = i
    while lo > 0 and text[figures[lo - 1].end:figures[lo].start].strip() in LIST_JOINS:
        lo -= 1
    while hi + 1 < len(figures) and \
            text[figures[hi].end:figures[hi + 1].start].strip() in LIST_JOINS:
        hi += 1
    return list(range(lo, hi + 1))
