"""Relations and statistics of one article, every one tied to its sentence.

Components (kg/config.toml): `relations` (partOf, locatedIn, subOrganizationOf,
implementedBy/In, issuedBy, holdsPost: kg/relate/relations.py), then `quantities` and
`statistics` (kg/relate/statistics.py).
"""
from __future__ import annotations

from kg.components import component
from kg.doc import Doc
from kg.relate.relations import (document_relations, post_relations, programme_relations,
                                 structural_relations)


@component("relations")
def relations(doc: Doc) -> None:
    ex, mentions = doc.extraction, doc.spans
    ex.relations = (structural_relations(ex) + programme_relations(ex, mentions)
                    + document_relations(ex, mentions) + post_relations(ex, mentions))
