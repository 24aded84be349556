"""Relations and statistics of one article, every one tied to its sentence."""
from __future__ import annotations

import re
from functools import cache
from dataclasses import replace

from kg.components import component
from kg.doc import Doc
from kg.lexicons import alternation, sections
from kg.model import ArticleExtraction, EntityType, Mention, Statistic
from kg.relate.relations import (document_relations, lead_agency, nested_in_name, post_relations,
                                 programme_relations, structural_relations)
from kg.relate.statistics import find_statistics, unique_statistics

# What only a police or judicial body does to people or cases.
_ENFORCEMENT = re.compile(r"抓获|刑事拘留|行政拘留|逮捕|破获|侦破|打击处理|查处|起诉|审结|立案侦查|"
                          r"刑拘|抓捕|缴获|追缴|追回")
_SUBJECT_TYPES = (EntityType.PLACE, EntityType.AGENCY, EntityType.PROGRAMME)
_INSTRUMENTAL = re.compile(alternation("stat_instrumental"))


@component("relate")
def relate(doc: Doc) -> None:
    """Fill the extraction's relations and statistics from the article's resolved mentions."""
    relate_article(doc.extraction, doc.spans)


def relate_article(ex: ArticleExtraction, mentions: list[Mention]) -> ArticleExtraction:
    ex.relations = (structural_relations(ex) + programme_relations(ex, mentions)
                    + document_relations(ex, mentions) + post_relations(ex, mentions))
    ex.statistics = article_statistics(ex, mentions)
    return ex


def article_statistics(ex: ArticleExtraction, mentions: list[Mention]) -> list[Statistic]:
    # A report about a police bureau gives its figures; a report about a city, the city's.
    lead = lead_agency(ex, mentions)
    place = ex.focus_places[0] if ex.focus_places else None
    if lead and place and lead.startswith(f"{place}:") and lead.endswith(("委", "人民政府")):
        lead = None     # a report on a district's Party committee gives the district's figures
    default = lead or place
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.type in _SUBJECT_TYPES and m.key and not nested_in_name(m, mentions):
            if m.key.endswith(":党委") and m.key in ex.agency_parent:
                # 徐州市公安局党委 配齐…民警: the bureau's figures, stated by its Party committee
                m = replace(m, key=ex.agency_parent[m.key])
            by_sentence.setdefault(m.sentence, []).append(m)
    agencies = {e.key for e in ex.entities if e.type is EntityType.AGENCY}
    out = []
    carried, paragraph, programme = None, None, None
    for sentence in ex.article.sentences:
        if sentence.paragraph != paragraph:
            carried, paragraph, programme = None, sentence.paragraph, None
        here = by_sentence.get(sentence.index, [])
        if programme and _programme_reference().match(sentence.text):
            carried = programme         # …上线了“榕法e家”小程序。平台上线以来累计…: the programme's
        programme = next((m.key for m in reversed(here) if m.type is EntityType.PROGRAMME), programme)
        # A sentence with no subject of its own goes on about the one before it in the paragraph.
        found = find_statistics(sentence, here, carried or default, ex.article.id)
        out.extend(_enforced_by(st, lead, agencies) for st in found)
        subject = next((m for m in here if _may_carry(m, sentence.text)), None)
        if subject is not None and subject.start <= 20:
            carried = subject.key
    return unique_statistics(out)


@cache
def _programme_reference() -> re.Pattern:
    """A sentence opening on a programme's head noun (平台上线以来…, 该机制运行以来…)."""
    cues = sections("programme_cues")
    heads = sorted({*cues["head"], *cues["keep"]} - {"中心", "码", "服务站"}, key=len, reverse=True)
    return re.compile(rf"^(?:(?:{alternation('stat_clause_openers')})[，,]?)*"
                      rf"(?:该|这一|此|这个)?(?:{'|'.join(map(re.escape, heads))})")


def _may_carry(m: Mention, text: str) -> bool:
    """Whether the next sentences may go on about `m`: not a bare back-reference (全市),
    nor the means of an adverbial phrase (依托“PPP”项目，升级改造“天网”…)."""
    if m.type is EntityType.PLACE and m.attrs.get("coreference"):
        return False
    clause = re.split(r"[，,；;：:。]", text[:m.start])[-1]
    return not _INSTRUMENTAL.search(clause)


def _enforced_by(stat: Statistic, lead: str | None, agencies: set[str]) -> Statistic:
    """抓获…3名, 刑事拘留11人: only a body arrests or detains, so such a figure is the lead
    body's even where the sentence's subject is a place or a programme."""
    if lead is None or stat.about in agencies:
        return stat
    at = stat.evidence.find(stat.surface)
    clause = re.split(r"[，。；]", stat.evidence[:at])[-1] if at >= 0 else ""
    return replace(stat, about=lead) if _ENFORCEMENT.search(clause) else stat
