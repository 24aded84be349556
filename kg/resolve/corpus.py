"""Corpus-wide resolution: the articles' entities merge on their keys into one node each.

IRIs depend only on what was said (`str(key)`), never on the order of files; the label is
the form most articles use (then the longest); relations and statistics point at IRIs.
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from kg.keys import AgencyKey, EntityKey, NameKey
from kg.lexicons import words
from kg.model import ArticleExtraction, Corpus, Entity, EntityType, LocalEntity
from kg.vocab import entity_iri


def resolve_entities(extractions: list[ArticleExtraction]) -> Corpus:
    """Merge the articles' entities into one node per real thing, with stable IRIs."""
    groups: dict[EntityKey, list[tuple[str, LocalEntity]]] = {}
    staff = _bylines(extractions)
    for ex in extractions:
        for ent in ex.entities:
            groups.setdefault(staff.get(ent.key, ent.key), []).append((ex.article.id, ent))
    corpus = Corpus(articles=[ex.article for ex in extractions])
    iri_of: dict[tuple[str, EntityKey], str] = {}
    for key, members in sorted(groups.items(), key=lambda kv: (kv[0].type.value, str(kv[0]))):
        iri = entity_iri(key.type.iri_kind, str(key))
        corpus.entities[iri] = _merged(iri, key, members)
        for aid, ent in members:
            iri_of[(aid, ent.key)] = iri
    for ex in extractions:
        _attach(corpus, ex, iri_of)
    return corpus


def _bylines(extractions: list[ArticleExtraction]) -> dict[EntityKey, NameKey]:
    """A name some byline gives is the paper's own staff, one person wherever it appears:
    its mentions in articles of a province (陈静@450000) are that person (陈静)."""
    names = {key.name for ex in extractions for key in ex.reporters}
    return {ent.key: NameKey(EntityType.PERSON, ent.key.name)
            for ex in extractions for ent in ex.entities
            if isinstance(ent.key, NameKey) and ent.key.province and ent.key.name in names}


def _merged(iri: str, key: EntityKey, members: list[tuple[str, LocalEntity]]) -> Entity:
    names = Counter(ent.name for _, ent in members)
    label = sorted(names, key=lambda n: (-names[n], -len(n), n))[0]
    aliases = set().union(*(ent.aliases | {ent.name} for _, ent in members))
    aliases = (aliases | _other_forms(key, aliases)) - {label}
    attrs: dict = {}
    for _, ent in members:
        for k, v in ent.attrs.items():
            attrs.setdefault(k, v)
    return Entity(iri, key.type, label, aliases, attrs, {aid for aid, _ in members})


def _attach(corpus: Corpus, ex: ArticleExtraction, iri_of: dict[tuple[str, EntityKey], str]) -> None:
    """One article's reporters, relations and statistics, now between IRIs."""
    aid = ex.article.id
    corpus.reporters[aid] = [iri_of[(aid, key)] for key in ex.reporters if (aid, key) in iri_of]
    for rel in ex.relations:
        s, o = iri_of.get((aid, rel.subject)), iri_of.get((aid, rel.object))
        if s and o and s != o:
            rel.subject, rel.object, rel.article = s, o, aid
            corpus.relations.append(rel)
    for stat in ex.statistics:
        about = iri_of.get((aid, stat.about))
        if about:
            stat.about, stat.article = about, aid
            corpus.statistics.append(stat)


@cache
def _forms() -> dict[str, tuple[str, str]]:
    """kind -> the two forms a name of that kind may end in (kg/lexicons/agency_forms.txt)."""
    return {kind: (full, short) for kind, full, short in
            (entry.split("/") for entry in words("agency_forms"))}


def _other_forms(key: EntityKey, names: set[str]) -> set[str]:
    """县政府 in a report on 拜泉县 is 拜泉县人民政府, which is also 拜泉县政府: a body named by its
    place alone whose name has two official forms goes by both (and merges with either)."""
    if not isinstance(key, AgencyKey) or key.name or key.kind not in _forms():
        return set()
    full, short = _forms()[key.kind]
    out = set()
    for name in names:
        if name.endswith(full):
            out.add(name[:-len(full)] + short)
        elif name.endswith(short):
            out.add(name[:-len(short)] + full)
    return out
