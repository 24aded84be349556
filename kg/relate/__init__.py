"""Relations and statistics of one article, every one tied to its sentence.

Components (kg/config.toml): `relations` (partOf, locatedIn, subOrganizationOf,
implementedBy/In, issuedBy, holdsPost: kg/relate/relations.py, its cues the rules of
kg/rules/relations.yaml), then `quantities` and `statistics` (kg/relate/statistics.py).
"""
from __future__ import annotations

from kg.components import component
from kg.doc import Doc
from kg.relate.relations import relations_of


@component("relations")
def relations(doc: Doc) -> None:
    doc.extraction.relations = relations_of(doc)
