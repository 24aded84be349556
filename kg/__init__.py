"""govkg: knowledge graphs of Chinese local governance from newspaper pages.

    from kg import KnowledgeGraph
    kg = KnowledgeGraph.build(["data/corpus"])

Importing `kg` is cheap and silent: the heavy modules load on first use.
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "__version__"]


def __getattr__(name: str):
    if name == "KnowledgeGraph":
        from kg.api import KnowledgeGraph
        return KnowledgeGraph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
