"""Policy documents: titles in 《》 that a body issued, not newspapers or laws named in passing."""
from __future__ import annotations

import re

from kg.lexicons import words
from kg.model import Article, EntityType, Mention
from kg.recognise import ArticleContext

_TITLE = re.compile(r"《([^《》]{4,80})》")
# Newspapers, broadcasts and laws end like this; plans, opinions and standards do not.
_NOT_A_POLICY = re.compile(r"(?:报|日报|晚报|周刊|杂志|节目|栏目|新闻|(?<![办方])法|法典|宪法|公约)$")


_BROADCAST_AFTER = re.compile(r"(?:栏目|节目|专栏|频道|客户端|公众号|记者|报道|杂志|被?曝光)")
_BROADCAST_BEFORE = re.compile(r"(?:电视台|广播电台|电台|卫视|日报社|报社|网站)$")
_EDITION = re.compile(r"[（(][^（）()]*[）)]$")


def document_key(title: str) -> str:
    """A plan with and without its years or draft mark is one document: …计划(2020-2022年)."""
    return _EDITION.sub("", title.replace(" ", ""))


class DocumentRecognizer:
    def __init__(self):
        self.newspapers = set(words("newspapers"))

    def recognise(self, article: Article, context: ArticleContext) -> list[Mention]:
        out = []
        for index, text in article.texts():
            for match in _TITLE.finditer(text):
                title = match.group(1).strip()
                if title in self.newspapers or _NOT_A_POLICY.search(title) \
                        or _BROADCAST_AFTER.match(text, match.end()) \
                        or _BROADCAST_BEFORE.search(text, 0, match.start()):
                    continue       # 厦门电视台《法治时空》栏目: a programme on air, not a policy
                out.append(Mention(EntityType.DOCUMENT, match.group(), match.start(), match.end(),
                                   index, name=title, key=document_key(title)))
        return out
