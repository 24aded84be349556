"""Resolution: mentions -> one entity per real thing, first in an article, then corpus-wide.

    local.py        component `resolve`: each mention keyed to its entity (kg/keys.py), the
                    article's entities, agencies' parents and places (agencies.py), its focus
    coreference.py  component `coreference`: 全市, 该局, 市局, 工作室… -> what they stand for
    corpus.py       the articles' entities merged on their keys, with stable IRIs
"""
from kg.resolve.corpus import resolve_entities

__all__ = ["resolve_entities"]
