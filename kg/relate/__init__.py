"""Relations and statistics of one article, every one tied to its sentence."""
from __future__ import annotations

from dataclasses import replace

from kg.model import ArticleExtraction, EntityType, Mention, Statistic
from kg.relate.relations import (document_relations, lead_agency, nested_in_name, post_relations,
                                 programme_relations, structural_relations)
from kg.relate.statistics import find_statistics, unique_statistics

_SUBJECT_TYPES = (EntityType.PLACE, EntityType.AGENCY, EntityType.PROGRAMME)


def relate_article(ex: ArticleExtraction, mentions: list[Mention]) -> ArticleExtraction:
    """Fill `ex.relations` and `ex.statistics` from the article's resolved mentions."""
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
    out = []
    carried, paragraph = None, None
    for sentence in ex.article.sentences:
        if sentence.paragraph != paragraph:
            carried, paragraph = None, sentence.paragraph
        here = by_sentence.get(sentence.index, [])
        # A sentence with no subject of its own goes on about the one before it in the paragraph.
        out.extend(find_statistics(sentence, here, carried or default, ex.article.id))
        subject = next((m for m in here if m.type is not EntityType.PLACE or not m.attrs.get("coreference")), None)
        if subject is not None and subject.start <= 20:
            carried = subject.key
    return unique_statistics(out)

