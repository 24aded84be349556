"""Recognisers: each finds one kind of mention; one shared step resolves overlaps.

Each is a pipeline component (kg/config.toml orders them: places first, since agencies
and people lean on them) on the token layer, its decisions the rules of kg/rules/<name>.yaml:
places, agencies, documents, programmes (and the programmes named again), people, and
repeated_names (a person named once with a cue, wherever else the article writes the name).
"""
from __future__ import annotations

from kg.model import EntityType, Mention


def resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping name mentions; places nest inside names and stay.

    Like spaCy's filter_spans: longer spans win, then earlier ones. A place
    inside an agency or programme name (the 青羊区 of 青羊区分局) is still a
    mention of that place, so places only compete with places and people.
    """
    kept: list[Mention] = []
    occupied: dict[tuple[int, str], list[tuple[int, int]]] = {}
    people: dict[int, list[tuple[int, int]]] = {}
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.sentence, m.start)):
        layer = "place" if m.type is EntityType.PLACE else "name"
        spans = occupied.setdefault((m.sentence, layer), [])
        if any(m.start < e and s < m.end for s, e in spans):
            continue
        if m.type is EntityType.PLACE and any(
                s <= m.start and m.end <= e for s, e in people.get(m.sentence, ())):
            continue
        spans.append((m.start, m.end))
        if m.type is EntityType.PERSON:
            people.setdefault(m.sentence, []).append((m.start, m.end))
        kept.append(m)
    return sorted(kept, key=lambda m: (m.sentence, m.start, -m.length))
