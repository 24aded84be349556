"""Programmes: named initiatives, mostly quoted and followed by a cue word.

`“织网扎根”工程` gives 织网扎根 (alias 织网扎根工程); `“警令”APP` gives 警令APP.
A quoted phrase with no cue counts when its shape says programme (numbers in
it like 一村一警 or 四个一, a `+`, a programme noun at its end) or a verb such
as 开展/推行 introduces it; slogans (`急难愁盼`, `双下降`) have neither.
"""
from __future__ import annotations

import re

from kg.lexicons import sections, words
from kg.model import Article, EntityType, Mention, TITLE_SENTENCE
from kg.recognise import ArticleContext

_QUOTED = re.compile(r"[“\"「]([^“”\"「」]{2,24})[”\"」]")
_NUMERAL_SHAPE = re.compile(r"[一二三四五六七八九十百两双0-9][^\s]*[一二三四五六七八九十百两0-9]|"
                            r"^[一二三四五六七八九十百两][个级化网色融联调][^\s]{0,8}$|\+")
_PROGRAMME_END = re.compile(r"(?:警局|工作室|调解室|工程|码|平台|APP|App|通|站|岗|系统|品牌|中心|"
                            r"行动|机制|模式|网|警|通办)$")
_SENTENCE_LIKE = re.compile(r"[，。；！？：]")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def programme_key(name: str) -> str:
    """一村(居)一警 and 一村一警 are one programme."""
    return _BRACKETED.sub("", name).replace(" ", "")


class ProgrammeRecognizer:
    def __init__(self):
        cues = sections("programme_cues")
        self.drop = sorted(cues["drop"], key=len, reverse=True)
        self.keep = sorted(cues["keep"], key=len, reverse=True)
        cue_alt = "|".join(map(re.escape, sorted(self.drop + self.keep, key=len, reverse=True)))
        self.cue_re = re.compile(rf"(?:{cue_alt})")
        verbs = "|".join(map(re.escape, sorted(words("programme_verbs"), key=len, reverse=True)))
        self.verb_before = re.compile(rf"(?:{verbs})(?:了|起|好|出)?[“\"「]$")

    def recognise(self, article: Article, context: ArticleContext) -> list[Mention]:
        out = []
        for index, text in article.texts():
            out.extend(self._sentence(index, text))
        return out

    def _sentence(self, index: int, text: str) -> list[Mention]:
        found = []
        quotes = list(_QUOTED.finditer(text))
        for i, m in enumerate(quotes):
            inner = m.group(1).strip()
            if _SENTENCE_LIKE.search(inner) or len(inner) > 20:
                continue
            cue = self.cue_re.match(text, m.end())
            # “天府义警”“春熙孃孃”等…品牌: a list of quoted names shares the cue of its last item.
            listed = self._in_list(text, quotes, i)
            if cue:
                word = cue.group()
                name = inner + word if word in ("APP", "App", "app") else inner
                found.append(Mention(EntityType.PROGRAMME, text[m.start():cue.end()], m.start(),
                                     cue.end(), index, name=name, key=programme_key(name),
                                     attrs={"aliases": [inner + word, inner]}))
            elif listed or self._shaped(inner) or self.verb_before.search(text, 0, m.start() + 1):
                found.append(Mention(EntityType.PROGRAMME, m.group(), m.start(), m.end(), index,
                                     name=inner, key=programme_key(inner),
                                     attrs={"aliases": [inner]}))
        return found

    def _in_list(self, text: str, quotes: list[re.Match], i: int) -> bool:
        j = i
        while j + 1 < len(quotes) and quotes[j + 1].start() - quotes[j].end() <= 1:
            j += 1
        tail = text[quotes[j].end():quotes[j].end() + 14]
        return j > i - 1 and tail.startswith("等") and bool(self.cue_re.search(tail))

    def _shaped(self, inner: str) -> bool:
        return bool(_NUMERAL_SHAPE.search(inner) or _PROGRAMME_END.search(inner))
