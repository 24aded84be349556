"""Policy documents: titles in 《》 that a body issued, not newspapers or laws named in passing.

The rules are in kg/rules/documents.yaml: `propose` finds a title, `reject` names the
titles that are a paper, a broadcast or a law.
"""
from __future__ import annotations

import re

from kg.components import component
from kg.doc import Doc
from kg.model import EntityType, Mention
from kg.rules.ruleset import rules

_EDITION = re.compile(r"[（(][^（）()]*[）)]$")


def document_key(title: str) -> str:
    """A plan with and without its years or draft mark is one document: …计划(2020-2022年)."""
    return _EDITION.sub("", title.replace(" ", ""))


@component("documents")
def documents(doc: Doc) -> None:
    ruleset = rules("documents")
    for sent in doc.body():
        ctx = ruleset.context(doc, sent)
        # a reject rule names the title it rejects (its `title` part), else its whole match
        rejected = [m.span("title" if m.has("title") else None)
                    for m in ruleset.matches(ctx, "reject")]
        for m in ruleset.matches(ctx, "propose"):
            title_start, title_end = m.span("title")
            if any(s < title_end and title_start < e for s, e in rejected):
                continue
            start, end = m.span()
            title = m.text("title").strip()
            doc.add(Mention(EntityType.DOCUMENT, m.text(), start, end, sent.index, name=title,
                            key=document_key(title), rule=m.rule.id))
